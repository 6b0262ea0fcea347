// Runs a community-voted runtime upgrade against a running development chain and shows the node
// switching runtimes without a restart. Used by scripts/upgrade-demo.sh:
//
//   node e2e/upgrade-demo.js ws://127.0.0.1:9944 path/to/next-runtime.compact.compressed.wasm
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { recordEvents, waitForFinalized } from './lib/node.js';
import { runtimeVersion, voteRuntimeUpgrade } from './lib/upgrade.js';

const [url, wasmPath] = process.argv.slice(2);
if (!url || !wasmPath) {
  console.error('usage: node e2e/upgrade-demo.js WS_URL WASM_PATH');
  process.exit(2);
}

await cryptoWaitReady();
const api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true });
const events = await recordEvents(api);
const keyring = new Keyring({ type: 'sr25519' });
const [alice, bob, ferdie] = ['//Alice', '//Bob', '//Ferdie'].map((u) => keyring.addFromUri(u));
try {
  const before = await runtimeVersion(api);
  console.log(`state_getRuntimeVersion before: ${before.specName} ${before.specVersion}`);
  const result = await voteRuntimeUpgrade(api, events, { alice, bob, applier: ferdie }, wasmPath, {
    log: (line) => console.log(line),
  });
  const after = await runtimeVersion(api);
  console.log(`state_getRuntimeVersion after:  ${after.specName} ${after.specVersion}`);
  const head = (await api.rpc.chain.getHeader()).number.toNumber();
  const finalised = await waitForFinalized(api, head + 2, 60_000);
  console.log(`blocks still finalising: #${finalised.number.toNumber()} finalised (upgrade at #${result.upgradedAt})`);
  if (after.specVersion <= before.specVersion) throw new Error('the runtime version did not change');
} finally {
  events.stop();
  await api.disconnect();
}
