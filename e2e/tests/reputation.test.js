// Reputation on the development chain: an authorised attester (Alice) attests a contributor, the
// score is read back through the `ReputationApi` runtime API, self-attestation is refused with a
// named error, and a personhood credential shows up in the API. All through @polkadot/api with no
// custom types.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, blake2AsHex } from '@polkadot/util-crypto';
import { connect, startNode, submit } from '../lib/node.js';

describe('reputation on ostrom-node --dev', () => {
  let node;
  let api;
  let alice;
  let dave;

  before(async () => {
    await cryptoWaitReady();
    node = await startNode(['--dev'], { name: 'reputation' });
    api = await connect(node);
    const keyring = new Keyring({ type: 'sr25519' });
    alice = keyring.addFromUri('//Alice');
    dave = keyring.addFromUri('//Dave');
  });

  after(async () => {
    if (api) await api.disconnect();
    if (node) await node.stop();
  });

  test('the development preset seeds six domains', async () => {
    const domains = (await api.call.reputationApi.domains()).map(([id, name]) => [id.toNumber(), name.toUtf8()]);
    assert.deepEqual(domains, [[0, 'code'], [1, 'data'], [2, 'evaluation'], [3, 'safety'], [4, 'docs'], [5, 'merit']]);
  });

  test('an attestation raises the score read through the runtime API', async () => {
    const before = (await api.call.reputationApi.scores(dave.address)).map(([d, s]) => [d.toNumber(), s.toBigInt()]);
    assert.deepEqual(before.find(([d]) => d === 0), [0, 0n]);

    const evidence = blake2AsHex('https://example.invalid/ostrom/pull/1');
    const result = await submit(api, api.tx.reputation.attest(dave.address, 0, 100, evidence), alice);
    const attested = result.events.find(({ event }) => api.events.reputation.Attested.is(event));
    assert.ok(attested, 'no Reputation.Attested event');

    const scores = (await api.call.reputationApi.scores(dave.address)).map(([d, s]) => [d.toNumber(), s.toBigInt()]);
    // 100 points decay by a 90-day half-life: still 100 after a few blocks.
    assert.deepEqual(scores.find(([d]) => d === 0), [0, 100n]);
    assert.equal((await api.call.reputationApi.totalScore(dave.address)).toBigInt(), 100n);
    const totals = (await api.call.reputationApi.domainTotals()).map(([d, t]) => [d.toNumber(), t.toBigInt()]);
    assert.ok(totals.find(([d]) => d === 0)[1] >= 100n);
  });

  test('self-attestation is refused with a named error', async () => {
    await assert.rejects(
      submit(api, api.tx.reputation.attest(alice.address, 0, 10, blake2AsHex('self')), alice),
      /reputation\.SelfAttestation/,
    );
  });

  test('a personhood credential is visible through the runtime API', async () => {
    assert.ok((await api.call.reputationApi.personhood(dave.address)).isNone);
    const now = (await api.rpc.chain.getHeader()).number.toNumber();
    const expiry = now + 1000;
    await submit(api, api.tx.reputation.issueCredential(dave.address, 3_001, expiry), alice);
    const status = await api.call.reputationApi.personhood(dave.address);
    assert.ok(status.isSome, 'Dave has no credential');
    assert.equal(status.unwrap().toNumber(), expiry);
  });
});
