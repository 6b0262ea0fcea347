// A forkless runtime upgrade voted by the community, as the constitution's development table
// routes it: class 0 (runtime-upgrade), both houses in concurrence, dispatched as Root.
//
// The decision carries only `system.authorizeUpgrade(codeHash)` (a few bytes, inline), so the
// megabytes of Wasm never enter a proposal or a preimage; once the decision is enacted, anyone
// submits `system.applyAuthorizedUpgrade(code)` (free if the code matches) and the chain switches
// to the new runtime at the next block, without a node restart.
//
// Used by e2e/tests/upgrade.test.js and scripts/upgrade-demo.sh (through e2e/upgrade-demo.js).
import { readFileSync } from 'node:fs';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { decisionClosed, own, propose, standard, vote } from './node.js';

const UNIT = 10n ** 12n;
/** The runtime-upgrade class of the development constitution. */
export const RUNTIME_UPGRADE = 0;

/** `spec_name` and `spec_version` the node reports now (`state_getRuntimeVersion`). */
export async function runtimeVersion(api) {
  const version = await api.rpc.state.getRuntimeVersion();
  return { specName: version.specName.toString(), specVersion: version.specVersion.toNumber() };
}

/**
 * Runs the whole upgrade to the Wasm at `wasmPath`: propose, vote in both houses (council:
 * Alice and Bob; community: Alice locks 900,000 OSTR aye, above the 5 % of issuance the track
 * asks at first), wait for enactment, apply the authorised code, and wait for `CodeUpdated`.
 * `events` is a `recordEvents(api)` recorder; `log` receives progress lines.
 * Returns `{ codeHash, decision, polls, enactedAt, upgradedAt }`.
 */
export async function voteRuntimeUpgrade(api, events, { alice, bob, applier }, wasmPath, { log = () => {}, timeoutMs = 300_000 } = {}) {
  const code = readFileSync(wasmPath);
  const codeHash = blake2AsHex(code);
  log(`new runtime: ${wasmPath} (${code.length} bytes, blake2-256 ${codeHash})`);

  const [decision] = await propose(api, alice, [
    { class: RUNTIME_UPGRADE, call: api.tx.system.authorizeUpgrade(codeHash) },
  ]);
  if (decision.polls.council === null || decision.polls.community === null) {
    throw new Error('a runtime upgrade must open a council and a community poll');
  }
  log(`decision ${decision.decision}: council poll ${decision.polls.council}, community poll ${decision.polls.community}`);

  await Promise.all([
    vote(api, alice, [
      [decision.polls.council, own('Aye')],
      [decision.polls.community, standard('Aye', 900_000n * UNIT)],
    ]),
    vote(api, bob, [[decision.polls.council, own('Aye')]]),
  ]);
  log('council: Alice and Bob aye; community: 900,000 OSTR aye');

  const closed = await decisionClosed(api, events, decision.decision, timeoutMs);
  if (closed.outcome.type !== 'Enacted') throw new Error(`the upgrade decision closed ${closed.outcome.type}`);
  const enactedAt = closed.outcome.asEnacted.at.toNumber();
  const { block: authorisedAt } = await events.wait(
    (e) => api.events.system.UpgradeAuthorized.is(e) && e.data.codeHash.toHex() === codeHash,
    timeoutMs, 'the upgrade to be authorised',
  );
  log(`decision enacted at block ${enactedAt}; upgrade authorised at block ${authorisedAt}`);

  // Sent without waiting for its in-block status: the block that applies the upgrade has events
  // only the previous runtime's metadata decodes, which the recorder handles (`eventsAt`).
  const txHash = await api.tx.system.applyAuthorizedUpgrade(u8aToHex(code)).signAndSend(applier);
  const { block: upgradedAt } = await events.wait(
    (e) => api.events.system.CodeUpdated.is(e), timeoutMs, 'the code to be updated',
  );
  log(`applyAuthorizedUpgrade ${txHash.toHex()}: CodeUpdated at block ${upgradedAt}`);
  return { codeHash, decision, polls: decision.polls, enactedAt, upgradedAt };
}
