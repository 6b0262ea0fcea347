// The development chain, end to end, through @polkadot/api with no custom type definitions:
// finality, chain properties, metadata (every storage item, call and event decodes), and a signed
// transfer from Alice with its events, fee and balances.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { connect, startNode, submit, waitForFinalized } from '../lib/node.js';

const UNIT = 10n ** 12n;
/** `ostrom-node --dev` must finalise within this long of being started (debug build included). */
const FINALITY_DEADLINE_MS = 30_000;

describe('ostrom-node --dev', () => {
  let node;
  let api;

  before(async () => {
    await cryptoWaitReady();
    node = await startNode(['--dev'], { name: 'dev' });
    api = await connect(node);
  });

  after(async () => {
    if (api) await api.disconnect();
    if (node) {
      const exit = await node.stop();
      // A clean shutdown on SIGINT: no crash, no kill.
      assert.equal(exit.signal, null, `node was killed by ${exit.signal}`);
      assert.equal(exit.code, 0, `node exited with code ${exit.code}:\n${node.tail()}`);
    }
  });

  test('finalises blocks within 30 s of start', async () => {
    const remaining = FINALITY_DEADLINE_MS - (Date.now() - node.startedAt);
    const header = await waitForFinalized(api, 1, Math.max(remaining, 0));
    const elapsed = Date.now() - node.startedAt;
    console.log(`# first finalized block #${header.number} ${elapsed} ms after start`);
    assert.ok(elapsed <= FINALITY_DEADLINE_MS, `finalised only after ${elapsed} ms`);
  });

  test('chain properties: OSTR with 12 decimals', async () => {
    const props = await api.rpc.system.properties();
    assert.deepEqual(props.tokenSymbol.unwrap().map((s) => s.toString()), ['OSTR']);
    assert.deepEqual(props.tokenDecimals.unwrap().map((d) => d.toNumber()), [12]);
    assert.equal(props.ss58Format.unwrap().toNumber(), 42);
    assert.equal((await api.rpc.system.chain()).toString(), 'Ostrom Development');
    assert.equal(api.runtimeVersion.specName.toString(), 'ostrom');
  });

  test('metadata: V15 and V16 offered, every pallet present', async () => {
    const versions = (await api.call.metadata.metadataVersions()).map((v) => v.toNumber());
    assert.ok(versions.includes(15), `metadata versions ${versions}`);
    assert.ok(versions.includes(16), `metadata versions ${versions}`);
    const pallets = api.runtimeMetadata.asLatest.pallets.map((p) => p.name.toString());
    for (const name of [
      'System', 'Timestamp', 'Aura', 'Grandpa', 'Balances', 'TransactionPayment', 'Treasury',
      'Utility', 'Multisig', 'Proxy', 'Preimage', 'Scheduler', 'SafeMode', 'TxPause', 'Sudo',
      'Reputation', 'Referenda', 'Voting', 'Constitution', 'Artifacts', 'QuadraticFunding', 'Trust',
    ]) {
      assert.ok(pallets.includes(name), `pallet ${name} missing from metadata (${pallets})`);
    }
    // The constitution replaced the static origins and the council membership.
    for (const name of ['Origins', 'CouncilMembership']) {
      assert.ok(!pallets.includes(name), `pallet ${name} is still in the metadata`);
    }
  });

  test('every call, event and storage type resolves without custom types', () => {
    const { registry } = api;
    let checked = 0;
    for (const [section, methods] of Object.entries(api.tx)) {
      for (const [method, tx] of Object.entries(methods)) {
        for (const field of tx.meta.fields) {
          const type = registry.createLookupType(field.type);
          assert.doesNotThrow(() => registry.createType(type), `${section}.${method}(${field.name}: ${field.typeName})`);
          checked += 1;
        }
      }
    }
    for (const [section, events] of Object.entries(api.events)) {
      for (const [name, ev] of Object.entries(events)) {
        for (const field of ev.meta.fields) {
          const type = registry.createLookupType(field.type);
          assert.doesNotThrow(() => registry.createType(type), `event ${section}.${name}`);
          checked += 1;
        }
      }
    }
    assert.ok(checked > 100, `only ${checked} types checked`);
  });

  test('every storage item decodes', async () => {
    let items = 0;
    for (const [section, entries] of Object.entries(api.query)) {
      // `substrate` holds well-known raw keys (`:code`, …), not runtime metadata.
      if (section === 'substrate') continue;
      for (const [name, query] of Object.entries(entries)) {
        if (typeof query !== 'function' || !query.meta) continue;
        const label = `${section}.${name}`;
        if (query.meta.type.isPlain) {
          await assert.doesNotReject(query(), label);
        } else {
          const page = await query.entriesPaged({ args: [], pageSize: 10 });
          for (const [key, value] of page) {
            assert.doesNotThrow(() => key.args.map((a) => a.toHuman()), `${label} key`);
            assert.doesNotThrow(() => value.toHuman(), `${label} value`);
          }
        }
        items += 1;
      }
    }
    assert.ok(items > 40, `only ${items} storage items found`);
    // Genesis really endowed the development accounts.
    const keyring = new Keyring({ type: 'sr25519' });
    const alice = keyring.addFromUri('//Alice');
    const { data } = await api.query.system.account(alice.address);
    assert.ok(data.free.toBigInt() > 0n, 'Alice has no balance');
    assert.equal((await api.query.sudo.key()).unwrap().toString(), alice.address);
  });

  test('a signed transfer from Alice moves funds and emits its events', async () => {
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const alice = keyring.addFromUri('//Alice');
    const dest = keyring.addFromUri(`//ostrom-e2e-${Date.now()}`);
    const amount = 10n * UNIT;

    const aliceBefore = (await api.query.system.account(alice.address)).data.free.toBigInt();
    const destBefore = (await api.query.system.account(dest.address)).data.free.toBigInt();
    assert.equal(destBefore, 0n);

    const result = await submit(api, api.tx.balances.transferKeepAlive(dest.address, amount), alice, { finalized: true });

    const names = result.events.map(({ event }) => `${event.section}.${event.method}`);
    assert.ok(names.includes('system.ExtrinsicSuccess'), `events: ${names}`);
    const transfer = result.events.find(({ event }) => api.events.balances.Transfer.is(event));
    assert.ok(transfer, `no Balances.Transfer in ${names}`);
    const [from, to, value] = transfer.event.data;
    assert.equal(from.toString(), alice.address);
    assert.equal(to.toString(), dest.address);
    assert.equal(value.toBigInt(), amount);
    const feeEvent = result.events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event));
    assert.ok(feeEvent, `no TransactionFeePaid in ${names}`);
    const fee = feeEvent.event.data[1].toBigInt();
    assert.ok(fee > 0n, 'the transfer paid no fee');
    console.log(`# transfer_keep_alive fee: ${fee} plancks (${Number(fee) / 1e12} OSTR)`);

    const blockHash = result.status.asFinalized;
    const atBlock = await api.at(blockHash);
    const aliceAfter = (await atBlock.query.system.account(alice.address)).data.free.toBigInt();
    const destAfter = (await atBlock.query.system.account(dest.address)).data.free.toBigInt();
    assert.equal(destAfter, amount);
    assert.equal(aliceBefore - aliceAfter, amount + fee);
  });
});
