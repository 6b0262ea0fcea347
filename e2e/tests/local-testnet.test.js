// `--chain local`: Alice and Bob are the two validators of the local testnet; started as separate
// nodes they connect, author blocks in turn and finalise together. The preset has no sudo key.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  cliBinary, connect, startNode, waitForFinalized,
} from '../lib/node.js';

// A fixed node key gives Alice a known peer id, so Bob can name her as bootnode.
const ALICE_NODE_KEY = '0000000000000000000000000000000000000000000000000000000000000001';
const ALICE_PEER_ID = '12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp';
// A validator of a non-development chain must be given its node key.
const BOB_NODE_KEY = '0000000000000000000000000000000000000000000000000000000000000002';

describe('ostrom-node --chain local (two validators)', () => {
  let alice;
  let bob;
  let apiAlice;
  let apiBob;

  before(async () => {
    alice = await startNode(['--chain', 'local', '--alice', '--node-key', ALICE_NODE_KEY], { name: 'alice' });
    bob = await startNode([
      '--chain', 'local', '--bob', '--node-key', BOB_NODE_KEY,
      '--bootnodes', `/ip4/127.0.0.1/tcp/${alice.p2pPort}/p2p/${ALICE_PEER_ID}`,
    ], { name: 'bob' });
    apiAlice = await connect(alice);
    apiBob = await connect(bob);
  });

  after(async () => {
    for (const api of [apiAlice, apiBob]) if (api) await api.disconnect();
    for (const node of [bob, alice]) if (node) await node.stop();
  });

  test('both validators finalise the same chain', async () => {
    const [a, b] = await Promise.all([
      waitForFinalized(apiAlice, 3, 90_000),
      waitForFinalized(apiBob, 3, 90_000),
    ]);
    assert.ok(a.number.toNumber() >= 3 && b.number.toNumber() >= 3);
    // Both nodes agree on the hash of finalized block #3.
    const [ha, hb] = await Promise.all([
      apiAlice.rpc.chain.getBlockHash(3),
      apiBob.rpc.chain.getBlockHash(3),
    ]);
    assert.equal(ha.toHex(), hb.toHex());
    const peers = (await apiAlice.rpc.system.health()).peers.toNumber();
    assert.ok(peers >= 1, `alice has ${peers} peers`);
  });

  test('both validators author blocks; the preset sets no sudo key', async () => {
    const authorities = (await apiAlice.query.aura.authorities()).map((a) => a.toString());
    assert.equal(authorities.length, 2);
    assert.equal((await apiAlice.query.grandpa.authorities()).length, 2);
    // Aura assigns slot s to authority s % n: read the slot from each block's pre-runtime digest.
    const head = await apiAlice.rpc.chain.getFinalizedHead();
    const finalizedNumber = (await apiAlice.rpc.chain.getHeader(head)).number.toNumber();
    const authors = new Set();
    for (let n = 1; n <= finalizedNumber; n += 1) {
      const header = await apiAlice.rpc.chain.getHeader(await apiAlice.rpc.chain.getBlockHash(n));
      const preRuntime = header.digest.logs.find((l) => l.isPreRuntime && l.asPreRuntime[0].toString() === 'aura');
      assert.ok(preRuntime, `block #${n} has no Aura pre-runtime digest`);
      const slot = apiAlice.registry.createType('u64', preRuntime.asPreRuntime[1]).toBigInt();
      authors.add(authorities[Number(slot % BigInt(authorities.length))]);
    }
    assert.equal(authors.size, 2, `blocks 1..${finalizedNumber} were authored by ${[...authors]}`);
    assert.ok((await apiAlice.query.sudo.key()).isNone, 'local_testnet must have no sudo key');
    assert.equal((await apiAlice.rpc.system.properties()).tokenSymbol.unwrap()[0].toString(), 'OSTR');
  });

  test('ostrom-cli report reads the local testnet (no polls yet: empty rows, no error)', async () => {
    const best = (await apiAlice.rpc.chain.getHeader()).number.toNumber();
    const run = spawnSync(cliBinary(), ['report', '--url', alice.url, '--no-progress', '--format', 'json', '--from', '1', '--to', String(best)],
      { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const r = JSON.parse(run.stdout);
    assert.deepEqual([r.range.from, r.range.to], [1, best]);
    assert.equal(r.polls.length, 0);
    const all = r.schemes.find((x) => x.group === 'all');
    assert.equal(all.decisions, 0);
  });
});
