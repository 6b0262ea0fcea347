// Helpers shared by the js-scripts of the zombienet tests (CommonJS: zombienet `require`s the
// scripts). Everything goes over plain HTTP JSON-RPC to each node's RPC port, so that a paused
// node (SIGSTOP) makes a call time out instead of hanging a websocket client.
const fs = require('node:fs');
const path = require('node:path');

/** The validators, in the order the tests report them. */
const NODES = ['alice', 'bob', 'charlie', 'dave'];

/** `ws://127.0.0.1:PORT` → `http://127.0.0.1:PORT` (the node serves both on one port). */
function httpUri(networkInfo, name) {
  const node = networkInfo.nodesByName[name];
  if (!node) throw new Error(`no node named ${name} in this network`);
  return node.wsUri.replace(/^ws/, 'http');
}

/** One JSON-RPC call to node `name`; rejects after `timeoutMs` (a paused node never answers). */
async function rpc(networkInfo, name, method, params = [], timeoutMs = 5000) {
  const res = await fetch(httpUri(networkInfo, name), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: 1, jsonrpc: '2.0', method, params }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = await res.json();
  if (body.error) throw new Error(`${name}: ${method}: ${JSON.stringify(body.error)}`);
  return body.result;
}

/** Node `name`'s best and finalised heights, finalised hash and peer count, or `null` if it does not answer. */
async function status(networkInfo, name, timeoutMs = 3000) {
  try {
    const [best, finalizedHash, health] = await Promise.all([
      rpc(networkInfo, name, 'chain_getHeader', [], timeoutMs),
      rpc(networkInfo, name, 'chain_getFinalizedHead', [], timeoutMs),
      rpc(networkInfo, name, 'system_health', [], timeoutMs),
    ]);
    const finalized = await rpc(networkInfo, name, 'chain_getHeader', [finalizedHash], timeoutMs);
    return {
      best: parseInt(best.number, 16),
      finalized: parseInt(finalized.number, 16),
      finalizedHash,
      peers: health.peers,
    };
  } catch {
    return null;
  }
}

/** `status` of every node in `names`, as `{ name: status | null }`. */
async function statuses(networkInfo, names = NODES) {
  const all = await Promise.all(names.map((n) => status(networkInfo, n)));
  return Object.fromEntries(names.map((n, i) => [n, all[i]]));
}

/** One line such as `alice best #12 finalised #10 (3 peers) | dave DOWN`. */
function describe(all) {
  return Object.entries(all)
    .map(([n, s]) => (s ? `${n} best #${s.best} finalised #${s.finalized} (${s.peers} peers)` : `${n} DOWN (no RPC answer)`))
    .join(' | ');
}

/** The hash of block `n` on node `name` (null if unknown). */
function blockHash(networkInfo, name, n) {
  return rpc(networkInfo, name, 'chain_getBlockHash', [n]);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Calls `check` every `everyMs` until it returns a truthy value (returned) or `timeoutMs` passes. */
async function until(check, timeoutMs, what, everyMs = 2000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** Prints a line of the test's evidence (prefixed so it can be grepped from the run's log). */
function log(line) {
  console.log(`[ostrom] ${new Date().toISOString().slice(11, 19)} ${line}`);
}

/** Values the steps of one run hand to each other, kept in the network's temporary directory. */
function stateFile(networkInfo) {
  return path.join(networkInfo.tmpDir, 'ostrom-test-state.json');
}
function loadState(networkInfo) {
  try {
    return JSON.parse(fs.readFileSync(stateFile(networkInfo), 'utf8'));
  } catch {
    return {};
  }
}
function saveState(networkInfo, state) {
  fs.writeFileSync(stateFile(networkInfo), JSON.stringify(state, null, 2));
}

/**
 * Waits until all four nodes answer, records their heights under `label` (the state before a
 * fault) and logs them; returns the statuses.
 */
async function recordBefore(networkInfo, label) {
  const all = await until(async () => {
    const s = await statuses(networkInfo);
    return Object.values(s).every(Boolean) ? s : null;
  }, 120_000, 'all four nodes to answer');
  const state = loadState(networkInfo);
  state[label] = { at: Date.now(), before: all };
  saveState(networkInfo, state);
  log(`${label}: BEFORE the fault: ${describe(all)}`);
  return all;
}

module.exports = {
  recordBefore,
  NODES, httpUri, rpc, status, statuses, describe, blockHash, sleep, until, log, loadState, saveState,
};
