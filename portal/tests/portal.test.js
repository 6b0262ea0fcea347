// The portal in headless Chromium against a real dev node: every action goes through the UI (dev
// accounts sign in the page) and is checked on chain with @polkadot/api.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, createHash } from 'node:crypto';
import { blake2AsHex } from '@polkadot/util-crypto';
import { Keyring } from '@polkadot/keyring';
import {
  UNIT, connectApi, devKeys, eventually, launchBrowser, screenshot, servePortal, startNode, submit,
} from './lib.js';

describe('governance portal in a real browser', { timeout: 900_000 }, () => {
  let node; let api; let site; let browser; let page; let keys; let dir;
  const decisions = {};
  const consoleErrors = [];

  const go = async (route) => {
    await page.goto(`${site.url}?rpc=${encodeURIComponent(node.url)}#/${route}`);
    await page.getByTestId('chain-status').filter({ hasText: 'Development' }).waitFor({ timeout: 30_000 });
  };
  const selectAccount = (name) => page.getByTestId('account').selectOption(keys[name].address);
  /**
   * Clicks `button` and waits until its transaction is in a block (fails with the UI's message
   * otherwise); resolves with that block's hash.
   */
  const sendVia = async (button) => {
    const first = page.getByTestId('tx-status').first();
    const previous = (await page.getByTestId('tx-status').count()) ? await first.getAttribute('data-txid') : null;
    await button.click();
    const id = await eventually(async () => {
      if (!(await page.getByTestId('tx-status').count())) return null;
      const now = await first.getAttribute('data-txid');
      return now !== previous ? now : null;
    }, 10_000, 'the transaction to start');
    const status = page.locator(`[data-txid="${id}"]`);
    await eventually(async () => {
      const t = await status.textContent();
      if (/failed/.test(t)) throw new Error(`UI transaction failed: ${t}`);
      return /in block/.test(t);
    }, 60_000, 'the transaction to be in a block');
    // Checks read the best block: wait until it includes the transaction's block.
    const block = await status.getAttribute('data-block');
    const { number } = await api.rpc.chain.getHeader(block);
    await eventually(async () => (await api.rpc.chain.getHeader()).number.toNumber() >= number.toNumber(), 12_000, 'the best block');
    return block;
  };
  const metrics = async (poll) => (await api.call.votingApi.pollMetrics(poll)).unwrap();

  before(async () => {
    keys = await devKeys();
    node = await startNode(['--dev'], { name: 'portal' });
    api = await connectApi(node.url);
    site = await servePortal();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    dir = mkdtempSync(join(tmpdir(), 'ostrom-portal-'));
  });

  after(async () => {
    if (browser) await browser.close();
    if (site) await site.close();
    if (api) await api.disconnect();
    if (node) await node.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the shell connects, reads OSTR and its decimals from the chain, and offers dev accounts', async () => {
    await go('decisions');
    assert.match(await page.getByTestId('chain-status').textContent(), /Development/);
    const options = await page.getByTestId('account').locator('option').allTextContents();
    for (const name of ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie']) {
      assert.ok(options.some((o) => o.startsWith(`${name} (dev)`)), `${name} offered`);
    }
    await page.getByTestId('no-decisions').waitFor();
    await selectAccount('bob');
    await go('account');
    // 1,000,000 OSTR of genesis endowment, shown in OSTR (12 decimals), not in plancks.
    await page.getByTestId('free').filter({ hasText: /1,000,000 OSTR|999,99\d/ }).waitFor();
    await page.getByTestId('first-run').waitFor();
    await screenshot(page, 'account-fresh');
  });

  test('first run: a fresh dev chain says why quadratic and reputation polls get no votes, and seeds them', async () => {
    await selectAccount('alice');
    await go('account');
    const firstRun = page.getByTestId('first-run');
    await firstRun.waitFor();
    assert.match(await firstRun.textContent(), /no persons yet/);
    await sendVia(page.getByTestId('seed-dev'));
    assert.equal((await api.query.reputation.personCount()).toNumber(), 5);
    assert.ok((await api.call.reputationApi.personhood(keys.bob.address)).isSome);
    assert.ok((await api.call.reputationApi.totalScore(keys.ferdie.address)).toBigInt() > 0n);
    await firstRun.waitFor({ state: 'detached', timeout: 15_000 });

    // Setup for the funding test: a round (sudo, as a big-spend decision would) and a project,
    // created now so that its contribution period is open by then.
    const created = await submit(api, api.tx.sudo.sudo(api.tx.quadraticFunding.createRound(1000n * UNIT, 5, 100, 250_000_000, UNIT)), keys.alice);
    const ev = created.events.find(({ event }) => api.events.quadraticFunding.RoundCreated.is(event));
    assert.ok(ev, 'a round was created (is the treasury funded?)');
    const round = ev.event.data.round.toNumber();
    await submit(api, api.tx.quadraticFunding.apply(round, keys.ferdie.address, blake2AsHex('portal project'), null), keys.ferdie);
    decisions.funding = { round, contributionStart: ev.event.data.applicationEnd.toNumber() };
  });

  test('propose: the form refuses a spend above the class limit, then a treasury spend becomes a decision', async () => {
    await selectAccount('alice');
    await go('propose');
    await page.getByTestId('propose-class').selectOption('2');
    await page.getByTestId('field-amount').fill('5000');
    await page.getByTestId('field-beneficiary').fill(keys.ferdie.address);
    // The runtime's dry run (DecisionDryRunApi) refuses it, and the portal says which limit.
    await page.getByTestId('dispatch-check')
      .filter({ hasText: /dry run on the current state\): treasury\.InsufficientPermission[\s\S]*at most 1,000 OSTR/ }).waitFor();
    assert.ok(await page.getByTestId('propose-submit').isDisabled(), 'propose is disabled when the class may not dispatch the call');
    // A call the class may not make at all: BadOrigin, from the same dry run.
    await page.getByTestId('propose-template').selectOption('generic');
    await page.getByTestId('generic-section').fill('reputation');
    await page.getByTestId('generic-method').fill('addIssuer');
    await page.getByTestId('generic-args').fill(JSON.stringify([keys.ferdie.address]));
    await page.getByTestId('dispatch-check').filter({ hasText: /dry run on the current state\): BadOrigin/ }).waitFor();
    assert.ok(await page.getByTestId('propose-submit').isDisabled(), 'propose is disabled for a call the class may not make');
    await page.getByTestId('propose-template').selectOption('spend');
    await page.getByTestId('field-beneficiary').fill(keys.ferdie.address);
    await page.getByTestId('field-amount').fill('500');
    await page.getByTestId('dispatch-check').filter({ hasText: 'Dry run passed' }).waitFor();
    await screenshot(page, 'propose');
    await sendVia(page.getByTestId('propose-submit'));
    await page.getByTestId('proposed').waitFor();

    // The decision exists on chain, with the call entered in the form.
    const entries = await api.query.constitution.decisions.entries();
    assert.equal(entries.length, 1);
    const [key, value] = entries[0];
    const d = value.unwrap();
    decisions.small = { id: key.args[0].toNumber(), poll: d.polls.community.unwrap().toNumber() };
    assert.equal(d.class.toNumber(), 2);
    const call = api.createType('Call', d.call.asInline.toU8a(true));
    assert.equal(`${call.section}.${call.method}`, 'treasury.spend');
    assert.equal(call.args[1].toBigInt(), 500n * UNIT);

    // And the Decisions page shows it, decoded.
    await go('decisions');
    const card = page.getByTestId(`decision-${decisions.small.id}`);
    await card.waitFor();
    assert.match(await card.getByTestId('decoded-call').textContent(), /treasury\.spend/);
    assert.match(await card.textContent(), /500\.0000 OSTR|500 OSTR/);
  });

  test('propose: a call longer than 128 bytes is noted as a preimage, and decoded from it on the Decisions page', async () => {
    await selectAccount('alice');
    await go('propose');
    await page.getByTestId('propose-class').selectOption('0');
    await page.getByTestId('propose-template').selectOption('generic');
    await page.getByTestId('generic-section').fill('system');
    // `system.remarkWithEvent` needs a signed origin: the dry run says it would fail as Root.
    await page.getByTestId('generic-method').fill('remarkWithEvent');
    await page.getByTestId('generic-args').fill(JSON.stringify([`0x${'ab'.repeat(200)}`]));
    await page.getByTestId('dispatch-check').filter({ hasText: /dry run on the current state\): BadOrigin/ }).waitFor();
    assert.ok(await page.getByTestId('propose-submit').isDisabled());
    await page.getByTestId('generic-method').fill('remark');
    await page.getByTestId('generic-args').fill(JSON.stringify([`0x${'ab'.repeat(200)}`]));
    await page.getByTestId('dispatch-check').filter({ hasText: 'Dry run passed' }).waitFor();
    await sendVia(page.getByTestId('propose-submit'));
    const entries = await api.query.constitution.decisions.entries();
    const [key, value] = entries.find(([, v]) => v.unwrap().class.toNumber() === 0);
    assert.ok(value.unwrap().call.isLookup, 'bound by hash and length');
    await go('decisions');
    const card = page.getByTestId(`decision-${key.args[0].toNumber()}`);
    await card.waitFor();
    assert.match(await card.getByTestId('decoded-call').textContent(), /^system\.remark(?!WithEvent)/);
  });

  test('propose: an amendment of a class, pre-filled with its current values', async () => {
    await selectAccount('alice');
    await go('propose');
    await page.getByTestId('propose-class').selectOption('1');
    const info = page.getByTestId('field-info');
    await info.waitFor();
    const current = JSON.parse(await info.inputValue());
    assert.equal(current.enactmentDelay, 1, 'pre-filled with the class as it is');
    current.enactmentDelay = 2;
    await info.fill(JSON.stringify(current));
    await page.getByTestId('dispatch-check').filter({ hasText: 'Dry run passed' }).waitFor();
    await sendVia(page.getByTestId('propose-submit'));
    const entries = await api.query.constitution.decisions.entries();
    const [key, value] = entries.find(([, v]) => v.unwrap().class.toNumber() === 1);
    const d = value.unwrap();
    assert.ok(d.call.isInline, 'bound inline: the call is at most 128 bytes');
    decisions.amend = { id: key.args[0].toNumber(), council: d.polls.council.unwrap().toNumber(), community: d.polls.community.unwrap().toNumber() };
    await go('decisions');
    const card = page.getByTestId(`decision-${decisions.amend.id}`);
    await card.waitFor();
    assert.match(await card.getByTestId('decoded-call').textContent(), /constitution\.amendClass/);
  });

  test('propose: a takedown (class 6) of an artifact, approved by the council through the UI', async () => {
    const bytes = randomBytes(50_000);
    const sha = `0x${createHash('sha256').update(bytes).digest('hex')}`;
    decisions.takedownFile = join(dir, 'withdrawn.bin');
    writeFileSync(decisions.takedownFile, bytes);
    await submit(api, api.tx.artifacts.register({ Sha2_256: sha }, 'Model', 'bad-model', '0.1', bytes.length, null, 'MIT', []), keys.dave);
    decisions.takedownHash = sha;
    await selectAccount('alice');
    await go('propose');
    await page.getByTestId('propose-class').selectOption('6');
    await page.getByTestId('field-hash').fill(`sha2-256:${sha}`);
    await page.getByTestId('dispatch-check').filter({ hasText: 'Dry run passed' }).waitFor();
    await sendVia(page.getByTestId('propose-submit'));
    const [key, value] = (await api.query.constitution.decisions.entries()).find(([, v]) => v.unwrap().class.toNumber() === 6);
    decisions.takedown = { id: key.args[0].toNumber(), council: value.unwrap().polls.council.unwrap().toNumber() };
    // Voting: nothing for advance to do, so it is not offered.
    await go('decisions');
    const card = page.getByTestId(`decision-${decisions.takedown.id}`);
    await card.getByTestId('waits-for').waitFor();
    assert.equal(await card.getByTestId(`advance-${decisions.takedown.id}`).count(), 0);
    for (const who of ['alice', 'bob']) {
      await selectAccount(who);
      await go('vote');
      const poll = page.getByTestId(`vote-poll-${decisions.takedown.council}`);
      await poll.getByTestId('cast-vote').waitFor();
      await sendVia(poll.getByTestId('cast-vote'));
    }
  });

  test('council & guardians: a conflict challenge through the UI on a takedown\'s council poll; the takedown, approved, is appealed through the UI', async () => {
    // Setup: a second registered artifact (its takedown is appealed later, through the UI).
    const bytes = randomBytes(10_000);
    const sha = `0x${createHash('sha256').update(bytes).digest('hex')}`;
    await submit(api, api.tx.artifacts.register({ Sha2_256: sha }, 'Model', 'appealed-model', '0.1', bytes.length, null, 'MIT', []), keys.dave);
    await selectAccount('alice');
    await go('propose');
    await page.getByTestId('propose-class').selectOption('6');
    await page.getByTestId('field-hash').fill(`sha2-256:${sha}`);
    await page.getByTestId('dispatch-check').filter({ hasText: 'Dry run passed' }).waitFor();
    await sendVia(page.getByTestId('propose-submit'));
    const [key, value] = (await api.query.constitution.decisions.entries())
      .find(([k, v]) => v.unwrap().class.toNumber() === 6 && k.args[0].toNumber() !== decisions.takedown.id);
    decisions.appealed = { id: key.args[0].toNumber(), council: value.unwrap().polls.council.unwrap().toNumber() };

    // Dave (no seat) challenges Charlie's undeclared conflict on that council poll.
    await selectAccount('dave');
    await go('council');
    const form = page.getByTestId('challenge-form');
    await form.getByTestId('challenge-poll').selectOption(String(decisions.appealed.council));
    await form.getByTestId('challenge-member').selectOption(keys.charlie.address);
    await form.getByTestId('challenge-evidence').fill('Charlie registered a competing model');
    await sendVia(form.getByTestId('challenge-submit'));
    const challenges = await api.query.constitution.challenges.entries();
    const mine = challenges.map(([, c]) => c.unwrap()).find((c) => c.poll.toNumber() === decisions.appealed.council);
    assert.ok(mine, 'a challenge of the council poll is on chain');
    assert.equal(mine.member.toString(), keys.charlie.address);
    assert.equal(mine.challenger.toString(), keys.dave.address);
    await page.getByTestId('challenges').filter({ hasText: `on poll #${decisions.appealed.council}` }).waitFor({ timeout: 15_000 });

    // The council (Alice, Bob) approves the takedown.
    for (const who of ['alice', 'bob']) {
      await selectAccount(who);
      await go('vote');
      const poll = page.getByTestId(`vote-poll-${decisions.appealed.council}`);
      await poll.getByTestId('cast-vote').waitFor();
      await sendVia(poll.getByTestId('cast-vote'));
    }
    assert.equal((await metrics(decisions.appealed.council)).ayes.toBigInt(), 2n);

    // Approved by the council: Eve appeals in the appeal window (10 blocks on the dev chain).
    const { id } = decisions.appealed;
    // The council's approval is recorded by itself and opens the appeal window.
    await selectAccount('eve');
    await go('decisions');
    const card = page.getByTestId(`decision-${id}`);
    await eventually(async () => (await api.query.constitution.decisions(id)).unwrap().state.isAppealWindow, 120_000, 'the appeal window');
    await card.getByTestId(`appeal-${id}`).waitFor({ timeout: 15_000 });
    await sendVia(card.getByTestId(`appeal-${id}`));
    const d = (await api.query.constitution.decisions(id)).unwrap();
    assert.ok(d.state.isAppealed, `appealed, not ${d.state.type}`);
    assert.equal(d.appeal.unwrap().appellant.toString(), keys.eve.address);
    await card.filter({ hasText: 'Appealed by' }).waitFor({ timeout: 15_000 });
  });

  test('vote: a token vote in OSTR through the Vote page changes the tally on chain', async () => {
    await selectAccount('bob');
    await go('vote');
    const poll = decisions.amend.community;
    const card = page.getByTestId(`vote-poll-${poll}`);
    await card.getByTestId('vote-amount').waitFor();
    await card.getByTestId('vote-amount').fill('800000');
    await sendVia(card.getByTestId('cast-vote'));
    // In a block: the best block may follow a moment later.
    const m = await eventually(async () => {
      const r = await metrics(poll);
      return r.ayes.toBigInt() > 0n ? r : null;
    }, 12_000, 'the tally');
    assert.equal(m.ayes.toBigInt(), 800_000n * UNIT);
    assert.equal(m.voters.toNumber(), 1);
    await page.getByTestId(`vote-poll-${poll}`).getByTestId('my-vote').waitFor({ timeout: 15_000 });
    await screenshot(page, 'vote');
  });

  test('vote: a quadratic vote costs v² voice credits', async () => {
    await selectAccount('bob');
    await go('vote');
    const card = page.getByTestId(`vote-poll-${decisions.small.poll}`);
    await card.getByTestId('vote-votes').waitFor();
    await card.getByTestId('vote-votes').fill('3');
    assert.match(await card.getByTestId('credit-cost').textContent(), /costs 9 voice credits \(v²\); 100 credits left/);
    await sendVia(card.getByTestId('cast-vote'));
    await eventually(async () => (await metrics(decisions.small.poll)).ayes.toBigInt() === 3n, 12_000, '3 votes in the tally');
    assert.equal((await api.call.votingApi.voiceCreditsLeft(keys.bob.address)).toNumber(), 91);
  });

  test('vote: a reputation vote counts the weight the form announces', async () => {
    await selectAccount('alice');
    await go('propose');
    await page.getByTestId('propose-class').selectOption('7');
    await page.getByTestId('field-domain').fill('9');
    await page.getByTestId('field-name').fill('portal');
    await page.getByTestId('dispatch-check').filter({ hasText: 'Dry run passed' }).waitFor();
    await sendVia(page.getByTestId('propose-submit'));
    const [, value] = (await api.query.constitution.decisions.entries()).find(([, v]) => v.unwrap().class.toNumber() === 7);
    const poll = value.unwrap().polls.community.unwrap().toNumber();
    await selectAccount('bob');
    await go('vote');
    const card = page.getByTestId(`vote-poll-${poll}`);
    const weight = Number((await card.getByTestId('rep-weight').textContent()).replace(/,/g, ''));
    assert.ok(weight > 0, 'Bob has reputation in the class\'s domains');
    await sendVia(card.getByTestId('cast-vote'));
    const m = await eventually(async () => {
      const r = await metrics(poll);
      return r.voters.toNumber() === 1 ? r : null;
    }, 12_000, 'the reputation ballot');
    // The same weight (reputation decays by a hair between reading the form and the vote's block).
    const ayes = Number(m.ayes.toBigInt());
    assert.ok(Math.abs(ayes - weight) <= weight / 100, `tally ${ayes} vs the form's ${weight}`);
  });

  test('a decision voted by both houses through the UI is enacted', async () => {
    // Council: Alice and Bob vote aye on the council poll (2 of 3 seats).
    for (const who of ['alice', 'bob']) {
      await selectAccount(who);
      await go('vote');
      const card = page.getByTestId(`vote-poll-${decisions.amend.council}`);
      await card.getByTestId('cast-vote').waitFor();
      await sendVia(card.getByTestId('cast-vote'));
    }
    await eventually(async () => (await metrics(decisions.amend.council)).ayes.toBigInt() === 2n, 12_000, 'two council ayes');
    await go('decisions');
    await page.getByTestId(`decision-${decisions.amend.id}`).getByTestId('decoded-call').waitFor();
    await page.getByTestId(`tally-${decisions.amend.council}`).waitFor();
    await screenshot(page, 'decisions');
    // Both polls pass (prepare 2, confirm 3 blocks), their approvals are recorded, the call is dispatched.
    await eventually(async () => (await api.query.constitution.decisions(decisions.amend.id)).isNone, 150_000, 'the amendment to be approved');
    // Closed as enacted: the call is dispatched `enactmentDelay` blocks later.
    await eventually(async () => (await api.query.constitution.classes(3)).unwrap().enactmentDelay.toNumber() === 2, 30_000, 'the amended class to be in force');
  });

  test('delegate: a token delegation through the Delegate page', async () => {
    await selectAccount('charlie');
    await go('delegate');
    await page.getByTestId('delegate-track').selectOption('13');
    await page.getByTestId('delegate-to').fill(keys.dave.address);
    await page.getByTestId('delegate-amount').fill('10');
    await sendVia(page.getByTestId('delegate-submit'));
    const v = (await api.query.voting.votingFor(keys.charlie.address, 13)).unwrap();
    assert.ok(v.delegating.isSome);
    assert.equal(v.delegating.unwrap().target.toString(), keys.dave.address);
    assert.equal(v.delegating.unwrap().amount.toBigInt(), 10n * UNIT);
    await page.getByTestId('delegation-13').waitFor();
  });

  test('extension: a wallet injected as window.injectedWeb3 lists its account and signs a delegation', async () => {
    // A wallet account that is not a dev account, funded by Alice (setup).
    const wallet = new Keyring({ type: 'sr25519' }).addFromUri('//PortalExtensionWallet');
    await submit(api, api.tx.balances.transferKeepAlive(wallet.address, 1000n * UNIT), keys.alice);
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const main = page;
    page = await context.newPage();
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    // The signer signs what the page asks, node-side, as the Polkadot.js extension does.
    const signed = [];
    await page.exposeFunction('ostromTestSignPayload', (payload) => {
      signed.push(payload);
      return api.registry.createType('ExtrinsicPayload', payload, { version: payload.version }).sign(wallet).signature;
    });
    await page.addInitScript(({ address }) => {
      const account = { address, name: 'Test wallet', type: 'sr25519' };
      window.injectedWeb3 = {
        'polkadot-js': {
          version: '0.0.0-test',
          enable: async () => ({
            accounts: { get: async () => [account], subscribe: (cb) => { cb([account]); return () => {}; } },
            signer: { signPayload: async (payload) => ({ id: 1, signature: await window.ostromTestSignPayload(payload) }) },
          }),
        },
      };
    }, { address: wallet.address });
    try {
      await go('delegate');
      const options = await page.getByTestId('account').locator('option').allTextContents();
      assert.ok(options.some((o) => o.startsWith('Test wallet (polkadot-js)')), `the wallet's account is offered: ${options}`);
      await page.getByTestId('account').selectOption(wallet.address);
      await page.getByTestId('delegate-track').selectOption('13');
      await page.getByTestId('delegate-to').fill(keys.dave.address);
      await page.getByTestId('delegate-amount').fill('5');
      await sendVia(page.getByTestId('delegate-submit'));
      assert.equal(signed.length, 1, 'the wallet signed once');
      assert.equal(signed[0].address, wallet.address);
      const v = (await api.query.voting.votingFor(wallet.address, 13)).unwrap();
      assert.equal(v.delegating.unwrap().target.toString(), keys.dave.address);
      assert.equal(v.delegating.unwrap().amount.toBigInt(), 5n * UNIT);
    } finally {
      await context.close();
      page = main;
    }
  });

  test('my account: the reputation decay chart is the chain\'s decay, block by block', async () => {
    await selectAccount('bob');
    await go('account');
    const row = page.getByTestId('decay-0');
    await row.waitFor();
    await page.getByTestId('reputation-decay').locator('canvas').waitFor();
    const best = Number(await row.getAttribute('data-best'));
    const soon = Number(await row.getAttribute('data-soon'));
    const pointsAt = async (block) => {
      const at = await api.at(await api.rpc.chain.getBlockHash(block));
      const scores = await at.call.reputationApi.scores(keys.bob.address);
      return scores.find(([d]) => d.toNumber() === 0)[1].toBigInt();
    };
    // The chart's value now and three blocks on are the runtime's at those blocks.
    assert.equal(BigInt(await row.getAttribute('data-best-points')), await pointsAt(best));
    await eventually(async () => (await api.rpc.chain.getHeader()).number.toNumber() >= soon, 40_000, `block #${soon}`);
    assert.equal(BigInt(await row.getAttribute('data-soon-points')), await pointsAt(soon));
    // And one half-life on, half of it (to the point).
    const now = Number(await row.getAttribute('data-best-points'));
    const half = Number((await row.locator('td').nth(4).textContent()).replace(/,/g, ''));
    assert.ok(Math.abs(half - now / 2) <= 1, `half-life: ${half} vs ${now}/2`);
  });

  test('my account: unlock everything frees a finished vote\'s lock in one batch', async () => {
    assert.ok((await api.query.voting.classLocksFor(keys.bob.address)).length > 0, 'Bob has a class lock');
    await selectAccount('bob');
    await go('account');
    await page.getByTestId('unlock-steps').filter({ hasText: 'remove your finished vote' }).waitFor();
    await page.getByTestId('score-0').waitFor();
    await screenshot(page, 'account');
    await sendVia(page.getByTestId('unlock-everything'));
    assert.equal((await api.query.voting.classLocksFor(keys.bob.address)).length, 0);
    assert.equal((await api.query.balances.freezes(keys.bob.address)).length, 0);
    assert.equal((await api.query.system.account(keys.bob.address)).data.frozen.toBigInt(), 0n);
    await page.getByTestId('no-freezes').waitFor({ timeout: 15_000 });
  });

  test('decisions: advance is offered only once the appeal window is over, and enacts the takedown', async () => {
    const { id } = decisions.takedown;
    await go('decisions');
    const card = page.getByTestId(`decision-${id}`);
    await card.waitFor();
    const d = (await api.query.constitution.decisions(id)).unwrap();
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    if (d.state.isAppealWindow && best + 2 < d.state.asAppealWindow.until.toNumber()) {
      await card.getByTestId('waits-for').filter({ hasText: 'appeal window open' }).waitFor();
      assert.equal(await card.getByTestId(`advance-${id}`).count(), 0, 'no advance while the window is open');
    }
    await card.getByTestId(`advance-${id}`).waitFor({ timeout: 120_000 });
    await sendVia(card.getByTestId(`advance-${id}`));
    await eventually(async () => {
      const a = await api.call.artifactsApi.artifact({ Sha2_256: decisions.takedownHash });
      return a.isSome && a.unwrap().stage.isWithdrawn;
    }, 30_000, 'the artifact to be withdrawn');
  });

  test('artifacts and guardians: a file registered and attested through the forms, then suspended by a guardian\'s measure', async () => {
    const bytes = randomBytes(30_000);
    const file = join(dir, 'registered.bin');
    writeFileSync(file, bytes);
    const sha = `0x${createHash('sha256').update(bytes).digest('hex')}`;
    // Eve registers it through the Artifacts form (hashed in the browser).
    await selectAccount('eve');
    await go('artifacts');
    await page.getByTestId('register-file').setInputFiles(file);
    await page.getByTestId('register-hash').filter({ hasText: sha.slice(0, 18) }).waitFor();
    await page.getByTestId('register-name').fill('portal-registered');
    await sendVia(page.getByTestId('register-submit'));
    const registered = await api.call.artifactsApi.artifact({ Sha2_256: sha });
    assert.ok(registered.isSome, 'registered on chain');
    assert.equal(registered.unwrap().registrant.toString(), keys.eve.address);
    assert.equal(registered.unwrap().size_.toNumber(), bytes.length);
    // Alice (an attester of the evaluation domain) attests a reproduction through its detail.
    await selectAccount('alice');
    await go('artifacts');
    await page.getByText('portal-registered').click();
    const detail = page.getByTestId('artifact-detail');
    await detail.getByTestId('attest-kind').selectOption('Reproduced');
    await sendVia(detail.getByTestId('attest-submit'));
    const attested = (await api.call.artifactsApi.artifact({ Sha2_256: sha })).unwrap();
    assert.equal(attested.attestations.length, 1);
    assert.equal(attested.attestations[0].attester.toString(), keys.alice.address);
    assert.equal(attested.summary.reproductions.toNumber(), 1);
    // Dave, a development guardian, suspends it through the Council & guardians page.
    await selectAccount('dave');
    await go('council');
    const measure = page.getByTestId('take-measure');
    await measure.getByTestId('measure-kind').selectOption('SuspendArtifact');
    await measure.getByTestId('measure-target').fill(`sha2-256:${sha}`);
    await measure.getByTestId('measure-reason').fill('a leaked licence key in the weights');
    await sendVia(measure.getByTestId('measure-submit'));
    const measures = (await api.query.guardians.measures.entries()).map(([, m]) => m.unwrap());
    const taken = measures.find((m) => m.measure.isSuspendArtifact);
    assert.ok(taken, 'a suspension measure in force');
    assert.equal(taken.guardian.toString(), keys.dave.address);
    assert.ok((await api.call.artifactsApi.artifact({ Sha2_256: sha })).unwrap().stage.isSuspended, 'the artifact is suspended');
    await page.getByTestId('guardians').filter({ hasText: 'SuspendArtifact' }).waitFor({ timeout: 15_000 });
  });

  test('artifacts: a dropped file is verified in the browser with the CLI\'s hashes and verdicts', async () => {
    const bytes = randomBytes(200_000);
    const known = join(dir, 'model.bin');
    writeFileSync(known, bytes);
    const unknown = join(dir, 'other.bin');
    writeFileSync(unknown, randomBytes(1000));
    const sha = `0x${createHash('sha256').update(bytes).digest('hex')}`;
    await submit(api, api.tx.artifacts.register({ Sha2_256: sha }, 'Model', 'portal-model', '1.0', bytes.length, null, 'Apache-2.0', []), keys.dave);
    await selectAccount('bob');
    await go('artifacts');
    await page.getByTestId('verify-file').setInputFiles(known);
    await page.getByTestId('verdict-word').filter({ hasText: 'registered' }).waitFor();
    const verdict = await page.getByTestId('verdict').textContent();
    assert.match(verdict, new RegExp(`sha2-256:${sha}`));
    assert.match(verdict, new RegExp(`blake2-256:${blake2AsHex(bytes, 256)}`));
    await page.getByTestId('verify-file').setInputFiles(unknown);
    await page.getByTestId('verdict-word').filter({ hasText: 'unknown' }).waitFor();
    await page.getByTestId('verify-file').setInputFiles(decisions.takedownFile);
    await page.getByTestId('verdict-word').filter({ hasText: 'withdrawn' }).waitFor();
    await page.getByText('portal-model').click();
    await page.getByTestId('artifact-detail').waitFor();
    await page.getByTestId('gate-checklist').waitFor();
    await screenshot(page, 'artifacts');
  });

  test('funding: a contribution through the Funding page, with live projected matches', async () => {
    const { round, contributionStart } = decisions.funding;
    await eventually(async () => (await api.rpc.chain.getHeader()).number.toNumber() >= contributionStart, 60_000, 'the contribution period');
    // Another person contributed already: a project's match grows with (Σ√c)² − Σc.
    await submit(api, api.tx.quadraticFunding.contribute(round, 0, 25n * UNIT), keys.dave);
    await selectAccount('eve');
    await go('funding');
    const row = page.getByTestId(`project-${round}-0`);
    await row.getByTestId('contribute-amount').waitFor();
    await row.getByTestId('contribute-amount').fill('25');
    await sendVia(row.getByTestId('contribute-submit'));
    const contributed = await api.query.quadraticFunding.contributions([round, 0], keys.eve.address);
    assert.equal(contributed.unwrap().toBigInt(), 25n * UNIT);
    await row.getByTestId('contributors').filter({ hasText: '2' }).waitFor({ timeout: 15_000 });
    const projected = (await api.call.quadraticFundingApi.projects(round))[0].projectedMatch.toBigInt();
    assert.ok(projected > 0n, 'a projected match');
    await screenshot(page, 'funding');
  });

  test('health: the report\'s measures per scheme, class and poll, from the chain, as charts', async () => {
    await go('health');
    const text = await page.getByTestId('health-window-text').textContent({ timeout: 60_000 });
    assert.match(text, /Blocks #\d+–#\d+/);
    // The takedown's council poll: Alice and Bob of the seats voted, one seat each.
    const { council } = decisions.takedown;
    const seats = (await api.query.constitution.seats()).length;
    const row = page.getByTestId(`health-poll-${council}`);
    await row.waitFor();
    assert.equal(await row.getByTestId('voters').textContent(), '2');
    assert.equal(Number(await row.getByTestId('participation').getAttribute('data-value')), 2 / seats);
    assert.equal(Number(await row.getByTestId('gini').getAttribute('data-value')), 0);
    assert.equal(await row.getByTestId('nakamoto').textContent(), '2');
    assert.equal(Number(await row.getByTestId('hhi').getAttribute('data-value')), 0.5);
    assert.equal(Number(await row.getByTestId('effective-voters').getAttribute('data-value')), 2);
    // The token vote of 800,000 OSTR: one voter of the holders above the existential deposit.
    const token = page.getByTestId(`health-poll-${decisions.amend.community}`);
    assert.equal(await token.getByTestId('voters').textContent(), '1');
    assert.equal(Number(await token.getByTestId('gini').getAttribute('data-value')), 0);
    // Per scheme (all four and `all`) and per class, with their charts.
    for (const s of ['token', 'quadratic', 'reputation', 'council', 'all']) await page.getByTestId(`row-${s}`).first().waitFor();
    assert.ok(Number(await page.getByTestId('health-rows-scheme').getByTestId('row-council').getByTestId('participation').getAttribute('data-value')) > 0);
    for (const c of ['scheme-participation', 'scheme-gini', 'scheme-nakamoto', 'scheme-hhi', 'scheme-latency', 'scheme-delegation', 'scheme-incidents', 'chart-lorenz', 'class-gini']) {
      await page.getByTestId(c).locator('canvas').waitFor();
    }
    // The guardian's measure and the challenge are counted as incidents.
    const incidents = await page.getByTestId('health-rows-scheme').getByTestId('row-all').locator('td').last().textContent();
    assert.ok(Number(incidents) >= 2, `incidents: ${incidents}`);
    await screenshot(page, 'health');
  });

  test('bounties: apply, assign (curator), deliver and claim through the Bounties page', async () => {
    // Setup: Root opens bounties (as spend decisions would): one with Eve as curator and a fee,
    // an upgrade-tied one in two milestones without a curator (Charlie applies), and one that
    // expires after 3 blocks.
    const spec = `0x${createHash('sha256').update('portal bounty: the specification').digest('hex')}`;
    const opened = await submit(api, api.tx.sudo.sudo(api.tx.utility.batchAll([
      api.tx.bountyWork.open('Portal bounty: ünïcode títle', spec, [100n * UNIT], keys.eve.address, 5n * UNIT, 5, false, 1000),
      api.tx.bountyWork.open('Faster tally (runtime upgrade)', blake2AsHex('tally'), [50n * UNIT, 150n * UNIT], null, 0, 5, true, 2000),
      api.tx.bountyWork.open('Short-lived bounty', blake2AsHex('short'), [10n * UNIT], null, 0, 6, false, 3),
    ])), keys.alice);
    const [index, tied, short] = opened.events.filter(({ event }) => api.events.bountyWork.Opened.is(event))
      .map(({ event }) => event.data.bounty.toNumber());
    assert.ok(short !== undefined, 'three bounties were opened');
    await submit(api, api.tx.bountyWork.apply(tied), keys.charlie);
    const work = async () => (await api.query.bountyWork.bounties(index)).unwrap();
    const deadline = (await work()).deadline.toNumber();

    // Everyone sees it: title (UTF-8), spec, milestone in OSTR, curator and fee, class name, deadline.
    await go('bounties');
    await selectAccount('dave');
    const card = page.getByTestId(`bounty-${index}`);
    await card.waitFor();
    assert.equal(await card.getByTestId('bounty-title').textContent(), 'Portal bounty: ünïcode títle');
    assert.equal(await card.getByTestId('bounty-spec').textContent(), spec);
    assert.match(await card.getByTestId('milestone-0').textContent(), /#0 100 OSTR \(current\)/);
    assert.match(await card.getByTestId('bounty-curator').textContent(), /Eve[\s\S]*fee 5 OSTR/);
    assert.match(await card.getByTestId('bounty-class').textContent(), /^5 release-gate/);
    assert.match(await card.getByTestId('bounty-deadline').textContent(), new RegExp(`^in \\d+ (min|h) \\(block #${deadline}\\)`));
    assert.equal(await card.getByTestId('bounty-status').textContent(), 'Open');
    const tiedCard = page.getByTestId(`bounty-${tied}`);
    assert.match(await tiedCard.getByTestId('bounty-upgrade').textContent(), /^yes/);
    assert.match(await tiedCard.getByTestId('bounty-curator').textContent(), /none/);
    assert.match(await tiedCard.getByTestId('milestone-1').textContent(), /150 OSTR \(to come, paid by the runtime upgrade\)/);
    assert.match(await tiedCard.getByTestId('bounty-applicants').textContent(), /Charlie/);
    assert.match(await page.getByTestId(`bounty-${short}`).getByTestId('bounty-class').textContent(), /^6 takedown/);
    // Nothing to deliver or claim yet; Dave may apply (the deposit is shown).
    assert.equal(await card.getByTestId('deliver').count(), 0);
    assert.equal(await card.getByTestId('claim').count(), 0);
    assert.equal(await card.getByTestId('expire').count(), 0);
    assert.match(await card.getByTestId('bounty-actions').textContent(), /deposit of 1\.32 OSTR/);
    await sendVia(card.getByTestId('apply'));
    assert.deepEqual((await work()).applicants.map((a) => a.toString()), [keys.dave.address]);
    await card.getByTestId('withdraw').waitFor({ timeout: 15_000 });

    // Eve, the curator, cannot apply; she assigns Dave.
    await selectAccount('eve');
    await card.getByTestId('apply-why').filter({ hasText: 'the curator cannot apply' }).waitFor({ timeout: 15_000 });
    assert.equal(await card.getByTestId('apply').count(), 0);
    await card.getByTestId('assign-who').selectOption(keys.dave.address);
    await sendVia(card.getByTestId('assign'));
    assert.equal((await work()).assignee.unwrap().toString(), keys.dave.address);

    // Dave registers his work (setup) and delivers it, picked from his artifacts.
    const artifact = `0x${randomBytes(32).toString('hex')}`;
    await submit(api, api.tx.artifacts.register({ Sha2_256: artifact }, 'Code', 'portal-bounty-work', '1.0', 4321, null, 'Apache-2.0', []), keys.dave);
    await selectAccount('dave');
    await go('bounties');
    await card.getByTestId('deliver-pick').locator('option', { hasText: 'portal-bounty-work' }).waitFor({ state: 'attached', timeout: 15_000 });
    // An artifact he did not register is refused before signing.
    await card.getByTestId('deliver-hash').fill(`0x${'11'.repeat(32)}`);
    await card.getByTestId('deliver-why').filter({ hasText: 'not an artifact you registered' }).waitFor();
    assert.ok(await card.getByTestId('deliver').isDisabled());
    const option = card.getByTestId('deliver-pick').locator('option', { hasText: 'portal-bounty-work' });
    await card.getByTestId('deliver-pick').selectOption(await option.getAttribute('value'));
    assert.equal(await card.getByTestId('deliver-hash').inputValue(), artifact);
    assert.equal(await card.getByTestId('deliver-alg').inputValue(), 'Sha2_256');
    await sendVia(card.getByTestId('deliver'));
    const delivered = (await work()).status;
    assert.ok(delivered.isDelivered, `delivered, not ${delivered.type}`);
    assert.equal(delivered.asDelivered.artifact.type, 'Sha2_256');
    assert.equal(delivered.asDelivered.artifact.value.toHex(), artifact);
    await card.getByTestId('bounty-status').filter({ hasText: 'Delivered' }).waitFor({ timeout: 15_000 });

    // The acceptance class accepts (Root, node-side); the milestone is payable 10 blocks later.
    await submit(api, api.tx.sudo.sudo(api.tx.bountyWork.accept(index)), keys.alice);
    const payableAt = (await work()).status.asAccepted.payableAt.toNumber();
    await card.getByTestId('bounty-payable').filter({ hasText: `block #${payableAt}` }).waitFor({ timeout: 15_000 });
    assert.equal(await card.getByTestId('claim').count(), 0, 'no claim before the payout delay');
    await card.getByTestId('claim-wait').waitFor();
    await screenshot(page, 'bounties');

    // Past its deadline, with no delivery, the short-lived bounty is offered for expiry (to anyone).
    const shortCard = page.getByTestId(`bounty-${short}`);
    await shortCard.getByTestId('expire').waitFor({ timeout: 15_000 });
    assert.equal(await shortCard.getByTestId('apply').count(), 0, 'no application past the deadline');
    const expired = await sendVia(shortCard.getByTestId('expire'));
    const closed = (await (await api.at(expired)).query.system.events()).map(({ event }) => event)
      .find((e) => api.events.bountyWork.Closed.is(e));
    assert.ok(closed && closed.data.bounty.toNumber() === short && closed.data.expired.isTrue, 'expired');
    assert.equal(closed.data.refunded.toBigInt(), 10n * UNIT);
    assert.ok((await api.query.bountyWork.bounties(short)).isNone);
    await shortCard.waitFor({ state: 'detached', timeout: 15_000 });

    // Anyone claims once it is payable: Dave receives the milestone, the bounty ends.
    const before = (await api.query.system.account(keys.dave.address)).data.free.toBigInt();
    await card.getByTestId('claim').waitFor({ timeout: 90_000 });
    const block = await sendVia(card.getByTestId('claim'));
    const events = (await (await api.at(block)).query.system.events()).map(({ event }) => event);
    const paid = events.find((e) => api.events.bountyWork.MilestonePaid.is(e));
    assert.ok(paid, 'MilestonePaid');
    assert.equal(paid.data.to.toString(), keys.dave.address);
    assert.equal(paid.data.amount.toBigInt(), 100n * UNIT);
    assert.ok(events.some((e) => api.events.bountyWork.Completed.is(e) && e.data.bounty.toNumber() === index));
    assert.ok(events.some((e) => api.events.bountyWork.CuratorPaid.is(e) && e.data.curator.toString() === keys.eve.address));
    // 100 OSTR and the released deposit (1.32 OSTR), less the claim's fee.
    const gained = (await api.query.system.account(keys.dave.address)).data.free.toBigInt() - before;
    assert.ok(gained > 100n * UNIT && gained <= 10132n * UNIT / 100n, `Dave gained ${gained}`);
    assert.ok((await api.query.bountyWork.bounties(index)).isNone, 'the bounty is gone');
    await card.waitFor({ state: 'detached', timeout: 15_000 });
  });

  test('propose: the bounty form of a spend class makes a decision whose call is bountyWork.open', async () => {
    await go('propose');
    await selectAccount('alice');
    await page.getByTestId('propose-class').selectOption('3');
    await page.getByTestId('propose-template').selectOption('bounty');
    const specText = 'Build a bounties page for the portal.';
    await page.getByTestId('field-title').fill('Portal: bounties page');
    await page.getByTestId('field-spec').fill(specText);
    const spec = `0x${createHash('sha256').update(specText).digest('hex')}`;
    assert.equal(await page.getByTestId('field-spec-hash').textContent(), spec);
    await page.getByTestId('field-milestones').fill('300, 200');
    await page.getByTestId('field-curator').fill(keys.eve.address);
    await page.getByTestId('field-fee').fill('25');
    assert.equal(await page.getByTestId('field-acceptClass').inputValue(), '5', 'release-gate by default');
    await page.getByTestId('field-upgrade').check();
    await page.getByTestId('field-days').fill('2');
    const blockTimeMs = Number((await api.call.auraApi.slotDuration()).toString());
    const duration = Math.round((2 * 86_400_000) / blockTimeMs);
    assert.match(await page.getByTestId('field-days-blocks').textContent(), new RegExp(`= ${duration.toLocaleString('en')} blocks`));
    // A fee above 10 % of the milestones fails the dry run.
    await page.getByTestId('field-fee').fill('51');
    await page.getByTestId('dispatch-check').filter({ hasText: /dry run on the current state\): bountyWork\.FeeTooHigh/ }).waitFor();
    assert.ok(await page.getByTestId('propose-submit').isDisabled());
    await page.getByTestId('field-fee').fill('25');
    await page.getByTestId('dispatch-check').filter({ hasText: 'Dry run passed' }).waitFor();
    assert.match(await page.locator('main').textContent(), /noted as a preimage first/);
    await sendVia(page.getByTestId('propose-submit'));
    const proposed = await page.getByTestId('proposed').textContent();
    const id = Number(/Decision #(\d+)/.exec(proposed)[1]);
    const d = (await api.query.constitution.decisions(id)).unwrap();
    assert.equal(d.class.toNumber(), 3);
    assert.ok(d.call.isLookup, 'a bounty call is longer than 128 bytes: bound through a preimage');
    const { hash_: hash, len } = d.call.asLookup;
    const bytes = (await api.query.preimage.preimageFor([hash, len])).unwrap();
    const call = api.createType('Call', bytes.toU8a(true));
    assert.equal(`${call.section}.${call.method}`, 'bountyWork.open');
    const [title, specArg, milestones, curator, fee, acceptClass, upgrade, dur] = call.args;
    assert.equal(title.toUtf8(), 'Portal: bounties page');
    assert.equal(specArg.toHex(), spec);
    assert.deepEqual(milestones.map((m) => m.toBigInt()), [300n * UNIT, 200n * UNIT]);
    assert.equal(curator.unwrap().toString(), keys.eve.address);
    assert.equal(fee.toBigInt(), 25n * UNIT);
    assert.equal(acceptClass.toNumber(), 5);
    assert.equal(upgrade.isTrue, true);
    assert.equal(dur.toNumber(), duration);
    // The Decisions page decodes it from the preimage.
    await go('decisions');
    const card = page.getByTestId(`decision-${id}`);
    await card.waitFor();
    assert.match(await card.getByTestId('decoded-call').textContent(), /^bountyWork\.open/);
  });

  test('no uncaught errors in the page', () => {
    assert.deepEqual(consoleErrors, []);
  });
});
