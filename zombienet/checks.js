// Checks of network.zndsl that the DSL cannot express: comparisons between nodes and between
// steps. Called as `alice: js-script ./checks.js with "ACTION,ARG,…"`; zombienet runs
// `run(nodeName, networkInfo, args)` and fails the step if it throws. Every line of evidence is
// printed with the prefix `[ostrom]`.
//
// Actions:
// - `agree`: all four nodes answer, have finalised at least block 2, and agree on the hashes of
//   blocks 1 and of the lowest finalised head among them.
// - `mark,LABEL`: records every node's heights and finalised head under LABEL (before a fault).
// - `others-finalise,LABEL,N,STOPPED`: the nodes other than STOPPED all finalise at least N
//   blocks past the highest finalised height recorded under LABEL, while STOPPED does not answer.
// - `catch-up,LABEL,NODE[,restarted]`: NODE (resumed or restarted) reaches the finalised height
//   the others have now, with the same block hash as alice there, still holds the block it had
//   finalised before the fault (same hash), and all four then finalise two more blocks
//   together. With `restarted`, NODE's log must also show that it reopened its own database
//   (genesis initialised only once; on restart the highest known block is at least the one it
//   had finalised before the kill) rather than syncing again from scratch.
const fs = require('node:fs');
const path = require('node:path');
const {
  NODES, blockHash, describe, loadState, log, recordBefore, rpc, saveState, statuses, until,
} = require('./lib.js');

async function agree(networkInfo) {
  const all = await until(async () => {
    const s = await statuses(networkInfo);
    return Object.values(s).every((x) => x && x.finalized >= 2) ? s : null;
  }, 240_000, 'all four nodes to finalise block #2');
  log(`all four up and finalising: ${describe(all)}`);
  const lowest = Math.min(...Object.values(all).map((s) => s.finalized));
  for (const n of [1, lowest]) {
    const hashes = await Promise.all(NODES.map((name) => blockHash(networkInfo, name, n)));
    if (new Set(hashes).size !== 1) throw new Error(`nodes disagree on block #${n}: ${hashes.join(', ')}`);
    log(`all four have the same block #${n}: ${hashes[0]}`);
  }
  return lowest;
}

async function mark(networkInfo, label) {
  const all = await recordBefore(networkInfo, label);
  return Math.max(...Object.values(all).map((s) => s.finalized));
}

async function othersFinalise(networkInfo, label, blocks, stopped) {
  const state = loadState(networkInfo);
  if (!state[label]) throw new Error(`no mark ${label}`);
  const others = NODES.filter((n) => n !== stopped);
  const base = Math.max(...Object.values(state[label].before).map((s) => s.finalized));
  const target = base + blocks;
  log(`${label}: ${stopped} stopped; waiting for ${others.join(', ')} to finalise #${target} (#${base} + ${blocks})`);
  let last = '';
  const all = await until(async () => {
    const s = await statuses(networkInfo);
    const line = describe(s);
    if (line !== last) log(`${label}: DURING the fault: ${line}`);
    last = line;
    if (s[stopped]) throw new Error(`${stopped} still answers RPC: it is not stopped`);
    return others.every((n) => s[n] && s[n].finalized >= target) ? s : null;
  }, 300_000, `${others.join(', ')} to finalise #${target} without ${stopped}`);
  const grown = others.map((n) => `${n} #${base} -> #${all[n].finalized}`).join(', ');
  log(`${label}: PASS: without ${stopped} the other three kept finalising: ${grown}`);
  state[label].during = all;
  saveState(networkInfo, state);
  return Math.min(...others.map((n) => all[n].finalized));
}

async function catchUp(networkInfo, label, node, restarted) {
  const state = loadState(networkInfo);
  if (!state[label]) throw new Error(`no mark ${label}`);
  const before = state[label].before[node];
  const others = NODES.filter((n) => n !== node);
  const now = await until(async () => {
    const s = await statuses(networkInfo, others);
    return others.every((n) => s[n]) ? s : null;
  }, 60_000, `${others.join(', ')} to answer`);
  const target = Math.max(...others.map((n) => now[n].finalized));
  log(`${label}: ${node} back; it had finalised #${before.finalized} before the fault, the others are at #${target} now`);
  let last = '';
  const all = await until(async () => {
    const s = await statuses(networkInfo);
    const line = describe(s);
    if (line !== last) log(`${label}: AFTER the fault: ${line}`);
    last = line;
    return s[node] && s[node].finalized >= target ? s : null;
  }, 300_000, `${node} to finalise #${target}`);
  const [mine, theirs] = await Promise.all([blockHash(networkInfo, node, target), blockHash(networkInfo, 'alice', target)]);
  if (mine !== theirs) throw new Error(`${node} finalised a different block #${target}: ${mine} (alice: ${theirs})`);
  log(`${label}: PASS: ${node} caught up to finalised #${all[node].finalized} (>= #${target}); block #${target} is ${mine} on ${node} and alice`);
  const kept = await blockHash(networkInfo, node, before.finalized);
  const header = await rpc(networkInfo, node, 'chain_getHeader', [before.finalizedHash]);
  if (kept !== before.finalizedHash || !header) {
    throw new Error(`${node} lost its data: block #${before.finalized} was ${before.finalizedHash}, now ${kept}`);
  }
  log(`${label}: PASS: ${node} still has the block it finalised before the fault: #${before.finalized} ${kept}`);
  if (restarted) {
    // Same hashes would also come from a resync; the node's log shows it reopened its database:
    // the genesis state was initialised once (at the first start), and on restart the database
    // already held the blocks it had before the kill.
    const lines = fs.readFileSync(path.join(networkInfo.tmpDir, `${node}.log`), 'utf8').split('\n');
    const genesis = lines.filter((l) => l.includes('Initializing Genesis block/state'));
    const known = lines.filter((l) => /Highest known block at #\d+/.test(l));
    const reopenedAt = known.length >= 2 ? Number(known[known.length - 1].match(/#(\d+)/)[1]) : -1;
    log(`${label}: ${node}'s log: ${genesis.length} x "Initializing Genesis"; starts: ${known.map((l) => l.match(/#\d+/)[0]).join(', ')}`);
    if (genesis.length !== 1 || reopenedAt < before.finalized) {
      throw new Error(`${node} did not restart from its own database (highest known block on restart #${reopenedAt}, finalised before the kill #${before.finalized})`);
    }
    log(`${label}: PASS: ${node} restarted from its own database: highest known block #${reopenedAt} >= #${before.finalized} finalised before the kill`);
  }
  const together = target + 2;
  const end = await until(async () => {
    const s = await statuses(networkInfo);
    return NODES.every((n) => s[n] && s[n].finalized >= together) ? s : null;
  }, 180_000, `all four to finalise #${together}`);
  log(`${label}: PASS: all four finalise together again: ${describe(end)}`);
  state[label].after = end;
  saveState(networkInfo, state);
  return end[node].finalized;
}

async function run(nodeName, networkInfo, args) {
  const [action, ...rest] = args.map((a) => a.trim());
  switch (action) {
    case 'agree': return agree(networkInfo);
    case 'mark': return mark(networkInfo, rest[0]);
    case 'others-finalise': return othersFinalise(networkInfo, rest[0], Number(rest[1]), rest[2]);
    case 'catch-up': return catchUp(networkInfo, rest[0], rest[1], rest[2] === 'restarted');
    default: throw new Error(`unknown action ${action}`);
  }
}

module.exports = { run };
