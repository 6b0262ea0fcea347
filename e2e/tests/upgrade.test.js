// A forkless runtime upgrade voted by both houses on a running development chain (issue #8):
// the runtime-upgrade decision authorises the code hash of a second runtime, identical but for
// a higher spec_version (built by scripts/build-next-runtime.sh; scripts/test.sh passes its
// path in OSTROM_NEXT_WASM), the authorised code is applied, and the node switches to it without
// a restart: `state_getRuntimeVersion` before and after, blocks still produced and finalised,
// state (balances, the constitution's council) intact.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { connect, recordEvents, startNode, waitForFinalized } from '../lib/node.js';
import { runtimeVersion, voteRuntimeUpgrade } from '../lib/upgrade.js';

const wasmPath = process.env.OSTROM_NEXT_WASM;

describe('a runtime upgrade voted by the community on ostrom-node --dev', () => {
  let node;
  let api;
  let events;
  let alice; let bob; let ferdie;

  before(async () => {
    assert.ok(wasmPath && existsSync(wasmPath),
      'OSTROM_NEXT_WASM must name the next runtime: run `scripts/build-next-runtime.sh` (scripts/test.sh does)');
    await cryptoWaitReady();
    node = await startNode(['--dev'], { name: 'upgrade' });
    api = await connect(node);
    events = await recordEvents(api);
    const keyring = new Keyring({ type: 'sr25519' });
    [alice, bob, ferdie] = ['//Alice', '//Bob', '//Ferdie'].map((u) => keyring.addFromUri(u));
  });

  after(async () => {
    if (events) events.stop();
    if (api) await api.disconnect();
    if (node) await node.stop();
  });

  test('both houses approve, the authorised code is applied, the node runs the new runtime', { timeout: 360_000 }, async () => {
    const before = await runtimeVersion(api);
    assert.equal(before.specName, 'ostrom');
    const seats = async () => (await api.query.constitution.seats()).map(({ member, termEnd }) => `${member}:${termEnd}`).sort();
    const council = await seats();
    assert.equal(council.length, 3);
    const aliceFree = (await api.query.system.account(alice.address)).data.free.toBigInt();

    const result = await voteRuntimeUpgrade(api, events, { alice, bob, applier: ferdie }, wasmPath, {
      log: (line) => console.log(`# ${line}`),
    });
    // The decision is the only route: class 0, both houses, dispatched as Root.
    assert.ok(result.enactedAt < result.upgradedAt, 'authorised before applied');

    // The node reports the new version from the next block on, without a restart.
    const after = await runtimeVersion(api);
    console.log(`# spec_version before ${before.specVersion}, after ${after.specVersion}`);
    assert.equal(after.specName, 'ostrom');
    assert.equal(after.specVersion, before.specVersion + 1);
    const at = await api.rpc.state.getRuntimeVersion(await api.rpc.chain.getBlockHash(result.upgradedAt - 1));
    assert.equal(at.specVersion.toNumber(), before.specVersion, 'the block before the upgrade ran the old runtime');

    // Blocks are still produced and finalised under the new runtime.
    const head = (await api.rpc.chain.getHeader()).number.toNumber();
    const finalised = await waitForFinalized(api, head + 2, 60_000);
    console.log(`# finalised #${finalised.number.toNumber()} after the upgrade at #${result.upgradedAt}`);

    // State is intact: the council, and Alice's balance (her vote freezes funds, it spends none;
    // she paid fees and deposits, which are held, not gone).
    assert.deepEqual(await seats(), council);
    // The new runtime serves Ostrom's runtime APIs. (Called raw: after an upgrade @polkadot/api
    // reloads metadata V14, which lists no runtime APIs, so `api.call` loses the custom ones
    // until the client reconnects; Polkadot.js Apps does so on reload.)
    const raw = await api.rpc.state.call('ConstitutionApi_council', '0x');
    const members = api.registry.createType('Vec<(AccountId32, u32)>', raw);
    assert.deepEqual(members.map(([who, end]) => `${who}:${end}`).sort(), council);
    const account = (await api.query.system.account(alice.address)).data;
    assert.ok(account.free.toBigInt() + account.reserved.toBigInt() <= aliceFree);
    assert.ok(account.free.toBigInt() > aliceFree - 1_000n * 10n ** 12n, 'Alice lost no more than fees and deposits');
  });
});
