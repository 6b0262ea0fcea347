// A quadratic funding round on the development chain, end to end: Root (sudo on the dev chain)
// opens a round with a pool from the treasury, three projects apply, verified persons contribute
// (an unverified account is refused), the round is finalised by anyone and each project claims its
// contributions plus its match. Broad support must beat deep pockets, and the payouts must equal
// what the runtime API projected.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import { connect, startNode, submit, untilBlock } from '../lib/node.js';

const UNIT = 10n ** 12n;

describe('quadratic funding on ostrom-node --dev', () => {
  let node;
  let api;
  let keyring;

  before(async () => {
    await cryptoWaitReady();
    node = await startNode(['--dev'], { name: 'quadratic-funding' });
    api = await connect(node);
    keyring = new Keyring({ type: 'sr25519' });
  });

  after(async () => {
    if (api) await api.disconnect();
    if (node) await node.stop();
  });

  test('a round with three projects: contributions, finalisation, claims', { timeout: 300_000 }, async () => {
    const [alice, bob, charlie, dave, eve, ferdie] = ['//Alice', '//Bob', '//Charlie', '//Dave', '//Eve', '//Ferdie']
      .map((u) => keyring.addFromUri(u));
    const recipients = ['//QfBroad', '//QfDeep', '//QfMiddle'].map((u) => keyring.addFromUri(u).address);
    const free = async (who) => (await api.query.system.account(who)).data.free.toBigInt();

    // Persons: Bob, Charlie, Dave and Eve. Ferdie stays unverified.
    const now = (await api.rpc.chain.getHeader()).number.toNumber();
    await submit(api, api.tx.utility.batchAll(
      // Each person gets its own person id (the same one follows it to a new key).
      [bob, charlie, dave, eve].map((who, i) => api.tx.reputation.issueCredential(who.address, 2_000 + i, now + 10_000)),
    ), alice);

    // A round: 1000 OSTR pool from the treasury, 8 + 8 blocks, cap 60% of the pool.
    const pool = 1000n * UNIT;
    const created = await submit(api, api.tx.sudo.sudo(
      api.tx.quadraticFunding.createRound(pool, 8, 8, 600_000_000, UNIT),
    ), alice);
    const event = created.events.find(({ event }) => api.events.quadraticFunding.RoundCreated.is(event));
    assert.ok(event, 'no RoundCreated event (is the treasury funded?)');
    const { round, applicationEnd, contributionEnd } = event.event.data;

    // The applications land in any order: read each recipient's project index from its event.
    const applied = await Promise.all(recipients.map((recipient, i) => submit(api,
      api.tx.quadraticFunding.apply(round, recipient, blake2AsHex(`project ${i}`), null), [alice, bob, charlie][i])));
    const index = applied.map((result) => result.events
      .find(({ event }) => api.events.quadraticFunding.ProjectApplied.is(event)).event.data.project.toNumber());
    assert.deepEqual([...index].sort(), [0, 1, 2]);
    await untilBlock(api, applicationEnd.toNumber());

    // Broad: four persons give 10 each. Deep: one person gives 400. Middle: two give 50.
    await assert.rejects(submit(api, api.tx.quadraticFunding.contribute(round, index[0], 10n * UNIT), ferdie), /quadraticFunding\.NotPerson/);
    const contribute = (who, calls) => submit(api, api.tx.utility.batchAll(
      calls.map(([p, amount]) => api.tx.quadraticFunding.contribute(round, index[p], amount * UNIT))), who);
    await Promise.all([
      contribute(bob, [[0, 10n], [2, 50n]]),
      contribute(charlie, [[0, 10n]]),
      contribute(dave, [[0, 10n], [1, 400n]]),
      contribute(eve, [[0, 10n], [2, 50n]]),
    ]);

    // Projected matches by recipient (broad, deep, middle).
    const summaries = await api.call.quadraticFundingApi.projects(round);
    assert.equal(summaries.length, 3);
    const byIndex = new Map(summaries.map((p) => [p.index.toNumber(), p.projectedMatch.toBigInt()]));
    const projected = index.map((i) => byIndex.get(i));
    assert.equal(projected[1], 0n, 'a single contributor gets no match');
    assert.ok(projected[0] > projected[2], 'four small contributions beat two larger ones');
    assert.ok(projected.reduce((a, b) => a + b, 0n) <= pool);

    await untilBlock(api, contributionEnd.toNumber());
    const before = await Promise.all(recipients.map(free));
    const finalized = await submit(api, api.tx.quadraticFunding.finalizeRound(round), ferdie);
    const matched = new Map(finalized.events
      .filter(({ event }) => api.events.quadraticFunding.ProjectMatched.is(event))
      .map(({ event }) => [event.data.project.toNumber(), event.data.matched.toBigInt()]));
    assert.deepEqual(index.map((i) => matched.get(i) ?? 0n), projected, 'finalised matches equal the projection');

    await submit(api, api.tx.utility.batchAll([0, 1, 2].map((p) => api.tx.quadraticFunding.claim(round, p))), ferdie);
    const after = await Promise.all(recipients.map(free));
    const contributed = [40n * UNIT, 400n * UNIT, 100n * UNIT];
    for (let p = 0; p < 3; p += 1) {
      assert.equal(after[p] - before[p], contributed[p] + projected[p], `payout of project ${p}`);
    }
  });
});
