// The portal in headless Chromium against a real dev node: every action goes through the UI (dev
// accounts sign in the page) and is checked on chain with @polkadot/api.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, createHash } from 'node:crypto';
import { blake2AsHex } from '@polkadot/util-crypto';
import {
  UNIT, connectApi, devKeys, eventually, launchBrowser, screenshot, servePortal, startNode, submit,
} from './lib.js';

describe('governance portal in a real browser', { timeout: 420_000 }, () => {
  let node; let api; let site; let browser; let page; let keys; let dir;
  const decisions = {};
  const consoleErrors = [];

  const go = async (route) => {
    await page.goto(`${site.url}?rpc=${encodeURIComponent(node.url)}#/${route}`);
    await page.getByTestId('chain-status').filter({ hasText: 'Development' }).waitFor({ timeout: 30_000 });
  };
  const selectAccount = (name) => page.getByTestId('account').selectOption(keys[name].address);
  /** Clicks `button` and waits until its transaction is in a block (fails with the UI's message otherwise). */
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
    const { number } = await api.rpc.chain.getHeader(await status.getAttribute('data-block'));
    await eventually(async () => (await api.rpc.chain.getHeader()).number.toNumber() >= number.toNumber(), 12_000, 'the best block');
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

  test('no uncaught errors in the page', () => {
    assert.deepEqual(consoleErrors, []);
  });
});
