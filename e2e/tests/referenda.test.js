// One decision per voting scheme on the development chain, each proposed with
// `constitution.propose` (calls bound by preimage hash), run side by side to approval, with the
// enacted call checked afterwards:
//
// | class                      | house, scheme          | call                                   | voters                   |
// |----------------------------|------------------------|----------------------------------------|--------------------------|
// | 3 medium-spend             | community, token       | treasury.spend(5,000 OSTR to target)   | Alice, Bob (locked OSTR) |
// | 2 small-spend              | community, quadratic   | treasury.spend(500 OSTR to target)     | Dave, Eve (persons)      |
// | 7 parameter-change         | community, reputation; | reputation.addDomain(9, "e2e", …)      | Bob (code reputation);   |
// |                            | council concurs        |                                        | Alice, Bob (council)     |
// | 9 emergency-ratification   | council                | guardians.liftMeasure(Dave's pause)    | Alice, Bob (2 of 3 seats)|
//
// The council decision lifts an emergency measure Dave (a guardian) took first: a pause of
// `Proxy.add_proxy`. Referenda cannot be submitted directly any more.
//
// Everything goes through @polkadot/api with no custom types, as Polkadot.js Apps would.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import {
  connect, decisionClosed, eventually, own, propose, recordEvents, standard, startNode, submit, vote,
} from '../lib/node.js';

const UNIT = 10n ** 12n;
/** The referendum track of poll kind `kind` (0 council, 1 community, 2 override, 3 veto/appeal) of a class. */
const track = (classId, kind) => classId * 4 + kind;

describe('decisions in four voting schemes on ostrom-node --dev', () => {
  let node;
  let api;
  let events;
  let alice; let bob; let charlie; let dave; let eve; let ferdie;
  const target = new Keyring({ type: 'sr25519' }).addFromUri('//OstromE2eTarget').address;

  before(async () => {
    await cryptoWaitReady();
    node = await startNode(['--dev'], { name: 'referenda' });
    api = await connect(node);
    events = await recordEvents(api);
    const keyring = new Keyring({ type: 'sr25519' });
    [alice, bob, charlie, dave, eve, ferdie] = ['//Alice', '//Bob', '//Charlie', '//Dave', '//Eve', '//Ferdie']
      .map((u) => keyring.addFromUri(u));
  });

  after(async () => {
    if (events) events.stop();
    if (api) await api.disconnect();
    if (node) await node.stop();
  });

  test('the class table defines the referendum tracks', async () => {
    const classes = (await api.call.constitutionApi.classes()).map(([id, info]) => [id.toNumber(), info]);
    assert.deepEqual(classes.map(([id, info]) => [id, info.name.toUtf8()]), [
      [0, 'runtime-upgrade'], [1, 'amendment'], [2, 'small-spend'], [3, 'medium-spend'], [4, 'big-spend'],
      [5, 'release-gate'], [6, 'takedown'], [7, 'parameter-change'], [8, 'council-seating'],
      [9, 'emergency-ratification'], [10, 'conflict-challenge'],
    ]);
    // Class c has track c·4 + kind for each kind of poll it holds; a track's name is the class
    // name, cut to fit 25 bytes with the kind's suffix.
    const expected = [];
    for (const [id, info] of classes) {
      const rule = info.rule.type;
      const kinds = [];
      if (info.council.isSome && rule !== 'CommunityWithCouncilVeto') kinds.push([0, ':council']);
      if (info.community.isSome && rule !== 'CouncilWithCommunityAppeal') kinds.push([1, ':community']);
      if (info.overrideRule.isSome) kinds.push([2, ':override']);
      if (rule === 'CommunityWithCouncilVeto') kinds.push([3, ':veto']);
      if (rule === 'CouncilWithCommunityAppeal') kinds.push([3, ':appeal']);
      for (const [kind, suffix] of kinds) {
        expected.push([track(id, kind), info.name.toUtf8().slice(0, 25 - suffix.length) + suffix]);
      }
    }
    // Track names are fixed-size, zero-padded byte arrays in pallet-referenda.
    const tracks = api.consts.referenda.tracks.map(([id, info]) => [id.toNumber(), info.name.toString().replace(/\0+$/, '')]);
    assert.deepEqual(tracks.map(([id]) => id), [0, 1, 2, 4, 5, 9, 13, 17, 19, 20, 23, 24, 27, 28, 29, 32, 33, 36, 40]);
    assert.deepEqual(tracks, expected);
  });

  test('one decision per scheme is approved and its call enacted', { timeout: 300_000 }, async () => {
    // Voters' credentials: Bob gets code reputation, Dave and Eve personhood credentials. Dave,
    // a guardian, pauses `Proxy.add_proxy` for 200 blocks. A direct referendum is refused, even
    // on a track that exists.
    const now = (await api.rpc.chain.getHeader()).number.toNumber();
    const pause = { PauseCall: { pallet: 'Proxy', call: 'add_proxy' } };
    const [, taken] = await Promise.all([
      submit(api, api.tx.utility.batchAll([
        api.tx.reputation.attest(bob.address, 0, 1000, blake2AsHex('e2e: merged pull request')),
        api.tx.reputation.issueCredential(dave.address, 1_001, now + 10_000),
        api.tx.reputation.issueCredential(eve.address, 1_002, now + 10_000),
      ]), alice),
      submit(api, api.tx.guardians.takeMeasure(pause, blake2AsHex('e2e: proxy exploit'), 200), dave),
      assert.rejects(submit(api, api.tx.referenda.submit(
        { Constitution: { House: { class: 3, kind: 'Community' } } },
        { Inline: api.tx.system.remark('0x00').method.toHex() },
        { After: 1 },
      ), charlie), /BadOrigin/, 'referenda.submit must be refused'),
    ]);
    const measureTaken = taken.events.find(({ event }) => api.events.guardians.MeasureTaken.is(event));
    assert.ok(measureTaken, 'no MeasureTaken event');
    const measure = measureTaken.event.data.id.toNumber();
    assert.equal((await api.query.guardians.measures(measure)).unwrap().guardian.toString(), dave.address);
    assert.ok((await api.query.txPause.pausedCalls(['Proxy', 'add_proxy'])).isSome, 'add_proxy is not paused');

    // The four proposals, each noted as a preimage and proposed by hash (one transaction);
    // meanwhile the paused call is refused.
    const [proposed] = await Promise.all([
      propose(api, alice, [
        { class: 3, call: api.tx.treasury.spend(null, 5_000n * UNIT, target, null), preimage: true },
        { class: 2, call: api.tx.treasury.spend(null, 500n * UNIT, target, null), preimage: true },
        { class: 7, call: api.tx.reputation.addDomain(9, 'e2e', 1000), preimage: true },
        { class: 9, call: api.tx.guardians.liftMeasure(measure), preimage: true },
      ]),
      assert.rejects(submit(api, api.tx.proxy.addProxy(target, 'Any', 0), ferdie), /system\.CallFiltered/),
    ]);
    const [token, quadratic, reputation, council] = proposed;
    for (const p of proposed) {
      assert.equal(p.proposer, alice.address);
      assert.equal(p.callHash, p.boundHash, `decision ${p.decision} is bound to the preimage hash`);
      assert.equal(p.polls.extra, null);
    }
    // Community-only classes open one community poll; the ratification class one council poll;
    // parameter-change (which appoints attesters and issuers) both.
    for (const p of [token, quadratic]) {
      assert.ok(p.polls.community !== null && p.polls.council === null, `polls of class ${p.class}`);
    }
    assert.ok(reputation.polls.community !== null && reputation.polls.council !== null, 'polls of class 7');
    assert.ok(council.polls.council !== null && council.polls.community === null, 'polls of class 9');
    const polls = {
      token: token.polls.community,
      quadratic: quadratic.polls.community,
      reputation: reputation.polls.community,
      reputationCouncil: reputation.polls.council,
      council: council.polls.council,
    };

    // Votes, each in its scheme's shape.
    await Promise.all([
      vote(api, alice, [
        [polls.token, standard('Aye', 600_000n * UNIT)],
        [polls.reputationCouncil, own('Aye')],
        [polls.council, own('Aye')],
      ]),
      vote(api, bob, [
        [polls.token, standard('Aye', 300_000n * UNIT)],
        [polls.reputation, own('Aye')],
        [polls.reputationCouncil, own('Aye')],
        [polls.council, own('Aye')],
      ]),
      vote(api, dave, [[polls.quadratic, standard('Aye', 3)]]),
      vote(api, eve, [[polls.quadratic, standard('Aye', 2)]]),
    ]);

    // The running tallies carry each scheme's weights and the governance metrics, on the track
    // of their class.
    const ongoing = async (i) => (await api.query.referenda.referendumInfoFor(i)).unwrap().asOngoing;
    const tokenPoll = await ongoing(polls.token);
    assert.equal(tokenPoll.track.toNumber(), track(3, 1));
    assert.equal(tokenPoll.tally.scheme.toString(), 'Token');
    assert.equal(tokenPoll.tally.ayes.toBigInt(), 900_000n * UNIT);
    assert.equal(tokenPoll.tally.voters.toNumber(), 2);
    assert.equal(tokenPoll.tally.sumOfSquares.toBigInt(), (600_000n * UNIT) ** 2n + (300_000n * UNIT) ** 2n);
    const quadraticPoll = await ongoing(polls.quadratic);
    assert.equal(quadraticPoll.track.toNumber(), track(2, 1));
    assert.equal(quadraticPoll.tally.scheme.toString(), 'Quadratic');
    assert.equal(quadraticPoll.tally.ayes.toBigInt(), 5n, 'quadratic ayes are votes, not credits');
    assert.equal(quadraticPoll.tally.support.toBigInt(), 2n, 'quadratic support counts distinct voters');
    // Voice credits are kept per person (Dave's person id is 1,001), across its accounts.
    const credits = (await api.query.voting.voiceCreditsSpent(1_001)).unwrap();
    assert.equal(credits.spent.toNumber(), 9, '3 votes cost 9 credits');
    const reputationPoll = await ongoing(polls.reputation);
    assert.equal(reputationPoll.track.toNumber(), track(7, 1));
    assert.equal(reputationPoll.tally.scheme.toString(), 'Reputation');
    assert.equal(reputationPoll.tally.ayes.toBigInt(), 1000n);
    const councilPoll = await ongoing(polls.council);
    assert.equal(councilPoll.track.toNumber(), track(9, 0));
    assert.equal(councilPoll.tally.scheme.toString(), 'Council');
    assert.equal(councilPoll.tally.ayes.toBigInt(), 2n);

    // Token votes are frozen.
    const freezes = await api.query.balances.freezes(alice.address);
    assert.equal(freezes.length, 1);
    assert.equal(freezes[0].amount.toBigInt(), 600_000n * UNIT);

    // Every poll is approved, every decision closes enacted, and its call takes effect.
    const outcomes = await Promise.all(proposed.map((p) => decisionClosed(api, events, p.decision, 240_000)));
    outcomes.forEach(({ outcome }, i) => assert.equal(outcome.type, 'Enacted', `decision of class ${proposed[i].class}`));
    for (const index of Object.values(polls)) {
      assert.ok((await api.query.referenda.referendumInfoFor(index)).unwrap().isApproved, `poll ${index} approved`);
    }
    for (const p of proposed) {
      assert.ok((await api.query.constitution.decisions(p.decision)).isNone, `decision ${p.decision} removed`);
    }
    await eventually(async () => {
      const spends = (await api.query.treasury.spends.entries()).map(([, s]) => s.unwrap())
        .filter((s) => s.beneficiary.toString() === target)
        .map((s) => s.amount.toBigInt());
      return spends.includes(5_000n * UNIT) && spends.includes(500n * UNIT);
    }, 60_000, 'the medium-spend (token) and small-spend (quadratic) decisions to approve treasury spends');
    await eventually(async () => (await api.call.reputationApi.domains()).some(([id, name]) => id.toNumber() === 9 && name.toUtf8() === 'e2e'),
      60_000, 'the parameter-change (reputation) decision to add a domain');
    await events.wait((e) => api.events.guardians.MeasureLifted.is(e) && e.data.id.toNumber() === measure,
      60_000, 'the emergency-ratification (council) decision to lift the measure');
    assert.ok((await api.query.guardians.measures(measure)).isNone, 'the measure is still in force');
    assert.ok((await api.query.txPause.pausedCalls(['Proxy', 'add_proxy'])).isNone, 'add_proxy is still paused');
    await submit(api, api.tx.proxy.addProxy(target, 'Any', 0), ferdie);

    // After the polls, Alice removes her token and council votes and unlocks: no vote, no freeze
    // is left.
    await submit(api, api.tx.utility.batchAll([
      api.tx.voting.removeVote(track(3, 1), polls.token),
      api.tx.voting.removeVote(track(7, 0), polls.reputationCouncil),
      api.tx.voting.removeVote(track(9, 0), polls.council),
      api.tx.voting.unlock(track(3, 1), alice.address),
    ]), alice);
    assert.equal((await api.query.balances.freezes(alice.address)).length, 0);
    assert.equal((await api.query.voting.votingFor.entries(alice.address)).length, 0);
    assert.ok((await api.query.voting.classLocksFor(alice.address)).isEmpty);
  });
});
