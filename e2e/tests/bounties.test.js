// Bounties on the development chain, from proposal to payment (issue 18 §1), the seed's
// experiment end to end: the community elects work, funds it, and pays its developer.
//
// - Two bounties are opened by medium-spend decisions (class 3: the community, token vote): a
//   bounty in two milestones with a curator (Eve) and her fee, and a bounty tied to a runtime
//   upgrade (also curated by Eve, without a fee).
// - Dave and Charlie apply (each holding a deposit); Eve assigns Dave; Dave registers his work
//   in the artifact registry and delivers it.
// - The first milestone is accepted by a release-gate decision (class 5: the council, with a
//   community appeal window) and paid after the payout delay; the second likewise, which also
//   pays Eve's fee, releases every applicant's deposit and ends the bounty.
// - The upgrade-tied bounty's delivery is the next runtime's Wasm (scripts/build-next-runtime.sh,
//   OSTROM_NEXT_WASM), registered under its BLAKE2b-256 hash: when the runtime-upgrade decision
//   (class 0, both houses) authorises that code and it is applied, the bounty pays Dave.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import {
  advanceWhenReady, connect, decisionClosed, eventually, own, propose, recordEvents, standard, startNode, submit,
  untilBlock, vote,
} from '../lib/node.js';
import { RUNTIME_UPGRADE } from '../lib/upgrade.js';

const UNIT = 10n ** 12n;
const MEDIUM_SPEND = 3;
const RELEASE_GATE = 5;
const wasmPath = process.env.OSTROM_NEXT_WASM;
const sha256 = (bytes) => `0x${createHash('sha256').update(bytes).digest('hex')}`;

describe('bounties on ostrom-node --dev: proposal to payment', () => {
  let node; let api; let events;
  let alice; let bob; let charlie; let dave; let eve; let ferdie;
  const bounty = {};
  let code; let codeHash;

  const free = async (who) => (await api.query.system.account(who.address)).data.free.toBigInt();
  const reserved = async (who) => (await api.query.system.account(who.address)).data.reserved.toBigInt();
  const work = async (index) => (await api.query.bountyWork.bounties(index)).unwrap();

  /**
   * Waits for the release-gate `decision` accepting `index`'s delivery (its council poll voted):
   * the appeal window, Charlie advances, enactment. Returns the block the payout is due.
   */
  const accepted = async (index, decision) => {
    const milestone = (await work(index)).paid.toNumber();
    const { event } = await events.wait(
      (e) => api.events.constitution.AppealWindowOpened.is(e) && e.data.decision.toNumber() === decision.decision,
      120_000, `the appeal window of decision ${decision.decision}`,
    );
    await advanceWhenReady(api, charlie, decision.decision, event.data.until.toNumber(), 120_000);
    const closed = await decisionClosed(api, events, decision.decision, 60_000);
    assert.equal(closed.outcome.type, 'Enacted');
    const acceptance = await events.wait(
      (e) => api.events.bountyWork.Accepted.is(e) && e.data.bounty.toNumber() === index
        && e.data.milestone.toNumber() === milestone,
      60_000, `bounty ${index} to be accepted`,
    );
    return acceptance.event.data.payableAt.toNumber();
  };

  /** Alice proposes a release-gate decision accepting `index`'s delivery; Alice and Bob vote aye. */
  const acceptByDecision = async (index) => {
    const [decision] = await propose(api, alice, [{ class: RELEASE_GATE, call: api.tx.bountyWork.accept(index) }]);
    assert.ok(decision.polls.council !== null && decision.polls.community === null, 'a council poll only');
    await Promise.all([alice, bob].map((who) => vote(api, who, [[decision.polls.council, own('Aye')]])));
    return accepted(index, decision);
  };

  /** Charlie claims `index`'s accepted milestone from `payableAt` on; returns the claim's events. */
  const claim = async (index, payableAt) => {
    await untilBlock(api, payableAt, 120_000);
    const result = await submit(api, api.tx.bountyWork.claim(index), charlie);
    return result.events.map(({ event }) => event);
  };

  before(async () => {
    assert.ok(wasmPath && existsSync(wasmPath),
      'OSTROM_NEXT_WASM must name the next runtime: run `scripts/build-next-runtime.sh` (scripts/test.sh does)');
    await cryptoWaitReady();
    node = await startNode(['--dev'], { name: 'bounties' });
    api = await connect(node);
    events = await recordEvents(api);
    const keyring = new Keyring({ type: 'sr25519' });
    [alice, bob, charlie, dave, eve, ferdie] = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie']
      .map((name) => keyring.addFromUri(`//${name}`));
    code = readFileSync(wasmPath);
    codeHash = blake2AsHex(code);
  });

  after(async () => {
    if (events) events.stop();
    if (api) await api.disconnect();
    if (node) await node.stop();
  });

  test('two bounties are opened by medium-spend decisions and funded from the treasury', { timeout: 180_000 }, async () => {
    const open = (title, milestones, fee, upgrade) => api.tx.bountyWork.open(
      title, sha256(`${title}: the specification`), milestones, eve.address, fee, RELEASE_GATE, upgrade, 10_000,
    );
    // Over the class's limit (10,000 OSTR), the proposal fails its dry run: nothing to vote on.
    const over = await api.call.decisionDryRunApi.dryRun(MEDIUM_SPEND, open('too big', [10_001n * UNIT], 0, false));
    assert.ok(over.isErr, 'a bounty over the class limit passes the dry run');
    // The calls exceed the 128 bytes of an inline proposal: they go through preimages.
    const decisions = await propose(api, alice, [
      { class: MEDIUM_SPEND, call: open('bfloat16 evaluation harness', [100n * UNIT, 200n * UNIT], 10n * UNIT, false), preimage: true },
      { class: MEDIUM_SPEND, call: open('faster tally (runtime upgrade)', [500n * UNIT], 0, true), preimage: true },
    ]);
    await vote(api, alice, decisions.map((d) => [d.polls.community, standard('Aye', 900_000n * UNIT)]));
    const opened = [];
    for (const d of decisions) {
      const closed = await decisionClosed(api, events, d.decision, 150_000);
      assert.equal(closed.outcome.type, 'Enacted', `decision ${d.decision}`);
    }
    for (const upgrade of [false, true]) {
      const { event } = await events.wait(
        (e) => api.events.bountyWork.Opened.is(e) && e.data.upgrade.isTrue === upgrade, 30_000, 'a bounty to open',
      );
      opened.push(event.data);
    }
    [bounty.milestones, bounty.upgrade] = opened.map((data) => data.bounty.toNumber());
    assert.equal(opened[0].total.toBigInt(), 310n * UNIT);
    assert.equal(opened[1].total.toBigInt(), 500n * UNIT);
    for (const index of [bounty.milestones, bounty.upgrade]) {
      // The money sits in `pallet-multi-asset-bounties`, curated by `pallet-bounty-work`'s account.
      const upstream = (await api.query.bounties.bounties(index)).unwrap();
      assert.ok(upstream.status.isActive, `bounty ${index} is ${upstream.status.type}`);
      const b = await work(index);
      assert.equal(b.curator.unwrap().toString(), eve.address);
      assert.equal(b.acceptClass.toNumber(), RELEASE_GATE);
    }
  });

  test('applicants hold deposits, the curator assigns, the assignee delivers registered work', { timeout: 120_000 }, async () => {
    bounty.charlieReserved = await reserved(charlie);
    await Promise.all([
      submit(api, api.tx.utility.batchAll([
        api.tx.bountyWork.apply(bounty.milestones), api.tx.bountyWork.apply(bounty.upgrade),
      ]), dave),
      submit(api, api.tx.bountyWork.apply(bounty.milestones), charlie),
    ]);
    // Eve, the curator, cannot apply to her own bounty; Charlie cannot assign.
    await assert.rejects(submit(api, api.tx.bountyWork.apply(bounty.milestones), eve), /bountyWork\.CuratorCannotApply/);
    await assert.rejects(submit(api, api.tx.bountyWork.assign(bounty.milestones, charlie.address), charlie), /BadOrigin/);
    await submit(api, api.tx.utility.batchAll([
      api.tx.bountyWork.assign(bounty.milestones, dave.address), api.tx.bountyWork.assign(bounty.upgrade, dave.address),
    ]), eve);
    assert.ok((await reserved(charlie)) > bounty.charlieReserved, 'Charlie holds an application deposit');

    // Dave's work: a code release, and the next runtime under its BLAKE2b-256 hash (its code hash).
    bounty.release = sha256('ostrom eval harness v1');
    await submit(api, api.tx.utility.batchAll([
      api.tx.artifacts.register({ Sha2_256: bounty.release }, 'Code', 'eval-harness', '1.0', 1234, null, 'Apache-2.0', []),
      api.tx.artifacts.register({ Blake2_256: codeHash }, 'Code', 'ostrom-runtime', 'next', code.length, null, 'Apache-2.0', []),
    ]), dave);
    // Charlie cannot deliver (not assigned); Dave delivers both.
    await assert.rejects(submit(api, api.tx.bountyWork.deliver(bounty.milestones, { Sha2_256: bounty.release }), charlie),
      /bountyWork\.NotAssignee/);
    await submit(api, api.tx.utility.batchAll([
      api.tx.bountyWork.deliver(bounty.milestones, { Sha2_256: bounty.release }),
      api.tx.bountyWork.deliver(bounty.upgrade, { Blake2_256: codeHash }),
    ]), dave);
    assert.ok((await work(bounty.milestones)).status.isDelivered);
    assert.equal((await api.query.bountyWork.awaitedCode(codeHash)).unwrap().toNumber(), bounty.upgrade);
  });

  test('a release-gate decision accepts the first milestone; a runtime upgrade pays the tied bounty', { timeout: 420_000 }, async () => {
    // Side by side: the acceptance decision, and the runtime-upgrade decision authorising Dave's
    // code (both houses: the council's Alice and Bob, the community's Alice with 900,000 OSTR).
    const [acceptance, upgrade] = await propose(api, alice, [
      { class: RELEASE_GATE, call: api.tx.bountyWork.accept(bounty.milestones) },
      { class: RUNTIME_UPGRADE, call: api.tx.system.authorizeUpgrade(codeHash) },
    ]);
    await Promise.all([
      vote(api, alice, [
        [acceptance.polls.council, own('Aye')],
        [upgrade.polls.council, own('Aye')],
        [upgrade.polls.community, standard('Aye', 900_000n * UNIT)],
      ]),
      vote(api, bob, [[acceptance.polls.council, own('Aye')], [upgrade.polls.council, own('Aye')]]),
    ]);
    const [payableAt, upgraded] = await Promise.all([
      accepted(bounty.milestones, acceptance),
      (async () => {
        const closed = await decisionClosed(api, events, upgrade.decision, 300_000);
        assert.equal(closed.outcome.type, 'Enacted');
        await events.wait((e) => api.events.system.UpgradeAuthorized.is(e) && e.data.codeHash.toHex() === codeHash,
          60_000, 'the upgrade to be authorised');
        // The tied bounty is not payable before the upgrade is applied.
        await assert.rejects(submit(api, api.tx.bountyWork.claim(bounty.upgrade), ferdie), /bountyWork\.NotAccepted/);
        await api.tx.system.applyAuthorizedUpgrade(u8aToHex(code)).signAndSend(ferdie);
        return events.wait(
          (e) => api.events.bountyWork.UpgradeEnacted.is(e) && e.data.bounty.toNumber() === bounty.upgrade,
          120_000, 'the upgrade-tied bounty to be accepted by the upgrade',
        );
      })(),
    ]);
    assert.equal(upgraded.event.data.codeHash.toHex(), codeHash);
    assert.ok((await events.wait((e) => api.events.system.CodeUpdated.is(e), 10_000, 'CodeUpdated')).block === upgraded.block);

    // The first milestone: not before the payout delay, then exactly 100 OSTR to Dave.
    if ((await api.rpc.chain.getHeader()).number.toNumber() < payableAt - 3) {
      await assert.rejects(submit(api, api.tx.bountyWork.claim(bounty.milestones), charlie), /bountyWork\.PayoutDelayed/);
    }
    let before = await free(dave);
    const first = await claim(bounty.milestones, payableAt);
    const paid = first.find((e) => api.events.bountyWork.MilestonePaid.is(e));
    assert.ok(paid, 'MilestonePaid');
    assert.equal(paid.data.amount.toBigInt(), 100n * UNIT);
    assert.equal((await free(dave)) - before, 100n * UNIT);
    const b = await work(bounty.milestones);
    assert.equal(b.paid.toNumber(), 1);
    assert.ok(b.status.isOpen, 'the second milestone waits for a delivery');

    // The upgrade-tied bounty: 500 OSTR to Dave, and it ends (his deposit comes back).
    before = await free(dave);
    const tied = await submit(api, api.tx.bountyWork.claim(bounty.upgrade), charlie);
    assert.ok(tied.events.some(({ event }) => api.events.bountyWork.Completed.is(event)), 'Completed');
    const released = (await api.consts.bountyWork.applicationDeposit).toBigInt();
    assert.equal((await free(dave)) - before, 500n * UNIT + released);
    assert.ok((await api.query.bountyWork.bounties(bounty.upgrade)).isNone);
    assert.ok((await api.query.bounties.bounties(bounty.upgrade)).isNone);
  });

  test('the last milestone pays the contributor and the curator and releases every deposit', { timeout: 240_000 }, async () => {
    await submit(api, api.tx.bountyWork.deliver(bounty.milestones, { Sha2_256: bounty.release }), dave);
    const payableAt = await acceptByDecision(bounty.milestones);
    const [daveBefore, eveBefore] = [await free(dave), await free(eve)];
    const last = await claim(bounty.milestones, payableAt);
    const names = last.filter((e) => e.section === 'bountyWork').map((e) => e.method);
    assert.deepEqual(names, ['CuratorPaid', 'MilestonePaid', 'Completed']);
    const released = (await api.consts.bountyWork.applicationDeposit).toBigInt();
    assert.equal((await free(dave)) - daveBefore, 200n * UNIT + released);
    assert.equal((await free(eve)) - eveBefore, 10n * UNIT);
    assert.equal(await reserved(charlie), bounty.charlieReserved, "Charlie's deposit is released");
    await eventually(async () => (await api.query.bountyWork.bounties(bounty.milestones)).isNone, 10_000, 'the bounty to end');
  });
});
