// Joint decisions of the two houses on the development chain, side by side:
//
// - council seating (class 8: council and reputation-weighted community, concurrence): Dave,
//   given 150 points of code reputation (the seat rules need 100), is seated once both houses
//   approve; the council then lists him;
// - a big spend (class 4: the token community decides, the council may veto): 20,000 OSTR, above
//   the medium-spend limit. The community approves, the council's veto poll opens, and the
//   council vetoes: the decision closes `Vetoed` and no spend is created. (The other way, letting
//   the veto poll fail, takes its whole 100-block decision period, so the veto is what is run.)
//
// Single-house decisions of each scheme are covered by referenda.test.js, the appeal window of
// council decisions by artifacts.test.js.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import {
  connect, decisionClosed, own, propose, recordEvents, standard, startNode, submit, vote,
} from '../lib/node.js';

const UNIT = 10n ** 12n;
/** Blocks per day (6-second blocks). */
const DAYS = 14_400;

describe('joint decisions of the council and the community on ostrom-node --dev', () => {
  let node;
  let api;
  let events;
  let alice; let bob; let charlie; let dave;
  const target = new Keyring({ type: 'sr25519' }).addFromUri('//OstromE2eBigSpend').address;

  before(async () => {
    await cryptoWaitReady();
    node = await startNode(['--dev'], { name: 'constitution' });
    api = await connect(node);
    events = await recordEvents(api);
    const keyring = new Keyring({ type: 'sr25519' });
    [alice, bob, charlie, dave] = ['//Alice', '//Bob', '//Charlie', '//Dave'].map((u) => keyring.addFromUri(u));
  });

  after(async () => {
    if (events) events.stop();
    if (api) await api.disconnect();
    if (node) await node.stop();
  });

  const councilMembers = async () => (await api.call.constitutionApi.council()).map((seat) => seat.member.toString());
  const decisionHolds = async (who) => (await api.query.balances.holds(who))
    .filter((h) => h.id.isConstitution && h.id.asConstitution.isDecision)
    .reduce((sum, h) => sum + h.amount.toBigInt(), 0n);

  test('the genesis council and guardians', async () => {
    assert.deepEqual((await councilMembers()).sort(), [alice.address, bob.address, charlie.address].sort());
    const { members: guardians } = await api.query.guardians.guardianSet();
    assert.ok(guardians.map(String).includes(dave.address), 'Dave is a guardian');
  });

  test('Dave is seated by both houses while the council vetoes a big spend', { timeout: 240_000 }, async () => {
    // Reputation: Dave 150 points of code (the seat threshold is 100); Bob and Charlie, who
    // will carry the community poll (reputation over all domains), 500 points of docs and data.
    await submit(api, api.tx.utility.batchAll([
      api.tx.reputation.attest(dave.address, 0, 150, blake2AsHex('e2e: Dave maintains the runtime')),
      api.tx.reputation.attest(bob.address, 4, 500, blake2AsHex('e2e: Bob wrote the handbook')),
      api.tx.reputation.attest(charlie.address, 1, 500, blake2AsHex('e2e: Charlie curated the corpus')),
    ]), alice);
    assert.ok(!(await councilMembers()).includes(dave.address), 'Dave is seated already');

    const [seating, bigSpend] = await propose(api, alice, [
      { class: 8, call: api.tx.constitution.seat(dave.address) },
      { class: 4, call: api.tx.treasury.spend(null, 20_000n * UNIT, target, null) },
    ]);
    for (const p of [seating, bigSpend]) assert.equal(p.callHash, p.boundHash);
    // Concurrence opens both houses' polls; under the veto rule only the community votes first.
    assert.ok(seating.polls.council !== null && seating.polls.community !== null, 'seating polls');
    assert.ok(bigSpend.polls.council === null && bigSpend.polls.community !== null, 'big-spend polls');
    assert.equal(await decisionHolds(alice.address), 20n * UNIT, 'two decision deposits of 10 OSTR');

    await Promise.all([
      vote(api, alice, [
        [seating.polls.council, own('Aye')],
        [bigSpend.polls.community, standard('Aye', 600_000n * UNIT)],
      ]),
      vote(api, bob, [
        [seating.polls.council, own('Aye')],
        [seating.polls.community, own('Aye')],
        [bigSpend.polls.community, standard('Aye', 300_000n * UNIT)],
      ]),
      vote(api, charlie, [[seating.polls.council, own('Aye')], [seating.polls.community, own('Aye')]]),
    ]);
    const tally = async (i) => (await api.query.referenda.referendumInfoFor(i)).unwrap().asOngoing.tally;
    const seatingCommunity = await tally(seating.polls.community);
    assert.equal(seatingCommunity.scheme.toString(), 'Reputation');
    assert.equal(seatingCommunity.ayes.toBigInt(), 1000n, 'Bob and Charlie weigh 500 points each');
    assert.equal((await tally(seating.polls.council)).ayes.toBigInt(), 3n);

    // The community approves the big spend: the council's veto poll opens for 10 blocks.
    const opened = await events.wait(
      (e) => api.events.constitution.VetoPollOpened.is(e) && e.data.decision.toNumber() === bigSpend.decision,
      120_000, 'the council veto poll to open',
    );
    const vetoPoll = opened.event.data.poll.toNumber();
    assert.equal(opened.event.data.until.toNumber(), opened.block + 10);
    assert.ok((await api.query.referenda.referendumInfoFor(bigSpend.polls.community)).unwrap().isApproved);
    const view = (await api.call.constitutionApi.decision(bigSpend.decision)).unwrap();
    assert.ok(view.state.isVetoWindow, `state ${view.state.type}`);
    assert.equal(view.polls.extra.unwrap().toNumber(), vetoPoll);
    const vetoStatus = (await api.query.referenda.referendumInfoFor(vetoPoll)).unwrap().asOngoing;
    assert.equal(vetoStatus.track.toNumber(), 4 * 4 + 3, 'the veto track of big-spend');
    assert.equal(vetoStatus.tally.scheme.toString(), 'Council');

    // The council vetoes (an approved veto poll is a veto).
    await Promise.all([alice, bob, charlie].map((who) => vote(api, who, [[vetoPoll, own('Aye')]])));

    const [seated, vetoed] = await Promise.all([
      decisionClosed(api, events, seating.decision, 180_000),
      decisionClosed(api, events, bigSpend.decision, 180_000),
    ]);

    // Seating: both polls approved, enacted, Dave seated for a 90-day term at the enactment block.
    assert.equal(seated.outcome.type, 'Enacted');
    for (const poll of [seating.polls.council, seating.polls.community]) {
      assert.ok((await api.query.referenda.referendumInfoFor(poll)).unwrap().isApproved, `poll ${poll} approved`);
    }
    const at = seated.outcome.asEnacted.at.toNumber();
    const seatedEvent = await events.wait(
      (e) => api.events.constitution.Seated.is(e) && e.data.who.toString() === dave.address,
      60_000, 'Dave to be seated',
    );
    assert.equal(seatedEvent.block, at, 'the call is dispatched at the enactment block');
    assert.equal(seatedEvent.event.data.termEnd.toNumber(), at + 90 * DAYS);
    const members = await councilMembers();
    assert.ok(members.includes(dave.address), `council: ${members}`);
    assert.equal(members.length, 4);

    // Big spend: vetoed once the veto poll was approved; no spend exists.
    assert.equal(vetoed.outcome.type, 'Vetoed');
    assert.ok((await api.query.referenda.referendumInfoFor(vetoPoll)).unwrap().isApproved);
    assert.ok(events.find((e) => api.events.constitution.OutcomeRecorded.is(e)
      && e.data.decision.toNumber() === bigSpend.decision && e.data.kind.isReview), 'the veto was recorded');
    const spends = (await api.query.treasury.spends.entries())
      .filter(([, s]) => s.unwrap().beneficiary.toString() === target);
    assert.equal(spends.length, 0, 'a vetoed spend was created');

    // Both decisions are gone and their deposits returned.
    for (const p of [seating, bigSpend]) {
      assert.ok((await api.query.constitution.decisions(p.decision)).isNone);
      assert.ok((await api.call.constitutionApi.decision(p.decision)).isNone);
    }
    assert.equal(await decisionHolds(alice.address), 0n);
  });
});
