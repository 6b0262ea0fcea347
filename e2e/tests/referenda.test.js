// One referendum per voting scheme on the development chain, run side by side to approval, with
// the enacted call checked afterwards:
//
// | track            | scheme     | proposal (bound by preimage hash)        | voters                  |
// |------------------|------------|------------------------------------------|-------------------------|
// | root             | token      | balances.forceSetBalance(target, 42)     | Alice, Bob (locked OSTR)|
// | treasury-spend   | quadratic  | treasury.spend(100 OSTR to target)       | Dave, Eve (persons)     |
// | reputation-admin | reputation | reputation.addDomain(9, "e2e", …)        | Bob (code reputation)   |
// | council          | council    | councilMembership.addMember(Ferdie)      | Alice, Bob (2 of 3)     |
//
// Everything goes through @polkadot/api with no custom types, as Polkadot.js Apps would.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import { connect, eventually, startNode, submit } from '../lib/node.js';

const UNIT = 10n ** 12n;

describe('referenda in four voting schemes on ostrom-node --dev', () => {
  let node;
  let api;
  let alice; let bob; let dave; let eve; let ferdie;
  const target = new Keyring({ type: 'sr25519' }).addFromUri('//OstromE2eTarget').address;
  const indices = {};

  before(async () => {
    await cryptoWaitReady();
    node = await startNode(['--dev'], { name: 'referenda' });
    api = await connect(node);
    const keyring = new Keyring({ type: 'sr25519' });
    [alice, bob, dave, eve, ferdie] = ['//Alice', '//Bob', '//Dave', '//Eve', '//Ferdie'].map((u) => keyring.addFromUri(u));
  });

  after(async () => {
    if (api) await api.disconnect();
    if (node) await node.stop();
  });

  test('the four tracks exist with their schemes', async () => {
    // Track names are fixed-size, zero-padded byte arrays in pallet-referenda.
    const tracks = api.consts.referenda.tracks.map(([id, info]) => [id.toNumber(), info.name.toString().replace(/\0+$/, '')]);
    assert.deepEqual(tracks, [[0, 'root'], [1, 'treasury-spend'], [2, 'reputation-admin'], [3, 'council']]);
  });

  test('one referendum per scheme is approved and its call enacted', { timeout: 300_000 }, async () => {
    // Voters' credentials: Bob gets code reputation, Dave and Eve personhood credentials.
    const now = (await api.rpc.chain.getHeader()).number.toNumber();
    await submit(api, api.tx.utility.batchAll([
      api.tx.reputation.attest(bob.address, 0, 1000, blake2AsHex('e2e: merged pull request')),
      api.tx.reputation.issueCredential(dave.address, now + 10_000),
      api.tx.reputation.issueCredential(eve.address, now + 10_000),
    ]), alice);

    // The four proposals, each noted as a preimage and submitted by hash.
    const proposals = {
      token: [{ system: 'Root' }, api.tx.balances.forceSetBalance(target, 42n * UNIT)],
      quadratic: [{ Origins: 'CommunityTreasurer' }, api.tx.treasury.spend(null, 100n * UNIT, target, null)],
      reputation: [{ Origins: 'ReputationAdmin' }, api.tx.reputation.addDomain(9, 'e2e', 1000)],
      council: [{ Origins: 'CouncilDecision' }, api.tx.councilMembership.addMember(ferdie.address)],
    };
    const first = (await api.query.referenda.referendumCount()).toNumber();
    const calls = [];
    Object.entries(proposals).forEach(([scheme, [origin, call]], i) => {
      const hex = call.method.toHex();
      const len = (hex.length - 2) / 2;
      indices[scheme] = first + i;
      calls.push(
        api.tx.preimage.notePreimage(hex),
        api.tx.referenda.submit(origin, { Lookup: { hash: blake2AsHex(hex), len } }, { After: 1 }),
        api.tx.referenda.placeDecisionDeposit(first + i),
      );
    });
    const submitted = await submit(api, api.tx.utility.batchAll(calls), alice);
    const tracks = submitted.events
      .filter(({ event }) => api.events.referenda.Submitted.is(event))
      .map(({ event }) => [event.data.index.toNumber(), event.data.track.toNumber()]);
    assert.deepEqual(tracks, [[indices.token, 0], [indices.quadratic, 1], [indices.reputation, 2], [indices.council, 3]]);

    // Votes, each in its scheme's shape.
    const standard = (direction, amount) => ({ Standard: { direction, amount } });
    await Promise.all([
      submit(api, api.tx.utility.batchAll([
        api.tx.voting.vote(indices.token, standard('Aye', 600_000n * UNIT)),
        api.tx.voting.vote(indices.council, { Own: 'Aye' }),
      ]), alice),
      submit(api, api.tx.utility.batchAll([
        api.tx.voting.vote(indices.token, standard('Aye', 300_000n * UNIT)),
        api.tx.voting.vote(indices.reputation, { Own: 'Aye' }),
        api.tx.voting.vote(indices.council, { Own: 'Aye' }),
      ]), bob),
      submit(api, api.tx.voting.vote(indices.quadratic, standard('Aye', 3)), dave),
      submit(api, api.tx.voting.vote(indices.quadratic, standard('Aye', 2)), eve),
    ]);

    // The running tallies carry each scheme's weights and the governance metrics.
    const tally = async (i) => (await api.query.referenda.referendumInfoFor(i)).unwrap().asOngoing.tally;
    const token = await tally(indices.token);
    assert.equal(token.scheme.toString(), 'Token');
    assert.equal(token.ayes.toBigInt(), 900_000n * UNIT);
    assert.equal(token.voters.toNumber(), 2);
    assert.equal(token.sumOfSquares.toBigInt(), (600_000n * UNIT) ** 2n + (300_000n * UNIT) ** 2n);
    const quadratic = await tally(indices.quadratic);
    assert.equal(quadratic.scheme.toString(), 'Quadratic');
    assert.equal(quadratic.ayes.toBigInt(), 5n, 'quadratic ayes are votes, not credits');
    assert.equal(quadratic.support.toBigInt(), 2n, 'quadratic support counts distinct voters');
    const credits = (await api.query.voting.voiceCreditsSpent(dave.address)).unwrap();
    assert.equal(credits[1].toNumber(), 9, '3 votes cost 9 credits');
    const reputation = await tally(indices.reputation);
    assert.equal(reputation.scheme.toString(), 'Reputation');
    assert.equal(reputation.ayes.toBigInt(), 1000n);
    const council = await tally(indices.council);
    assert.equal(council.scheme.toString(), 'Council');
    assert.equal(council.ayes.toBigInt(), 2n);

    // Token votes are frozen.
    const freezes = await api.query.balances.freezes(alice.address);
    assert.equal(freezes.length, 1);
    assert.equal(freezes[0].amount.toBigInt(), 600_000n * UNIT);

    // Every referendum is approved and its call enacted.
    await eventually(async () => {
      const infos = await Promise.all(Object.values(indices).map((i) => api.query.referenda.referendumInfoFor(i)));
      return infos.every((info) => info.unwrap().isApproved);
    }, 240_000, 'all four referenda to be approved');
    await eventually(async () => (await api.query.system.account(target)).data.free.toBigInt() === 42n * UNIT,
      60_000, 'the token referendum to set the balance');
    await eventually(async () => {
      const spends = await api.query.treasury.spends.entries();
      return spends.some(([, s]) => s.unwrap().beneficiary.toString() === target && s.unwrap().amount.toBigInt() === 100n * UNIT);
    }, 60_000, 'the quadratic referendum to approve a treasury spend');
    await eventually(async () => (await api.call.reputationApi.domains()).some(([id, name]) => id.toNumber() === 9 && name.toUtf8() === 'e2e'),
      60_000, 'the reputation referendum to add a domain');
    await eventually(async () => (await api.query.councilMembership.members()).map(String).includes(ferdie.address),
      60_000, 'the council referendum to seat Ferdie');

    // After the poll, Alice removes her token vote and unlocks: no vote, no freeze is left.
    await submit(api, api.tx.utility.batchAll([
      api.tx.voting.removeVote(0, indices.token),
      api.tx.voting.removeVote(3, indices.council),
      api.tx.voting.unlock(0, alice.address),
    ]), alice);
    assert.equal((await api.query.balances.freezes(alice.address)).length, 0);
    assert.equal((await api.query.voting.votingFor.entries(alice.address)).length, 0);
    assert.ok((await api.query.voting.classLocksFor(alice.address)).isEmpty);
  });
});
