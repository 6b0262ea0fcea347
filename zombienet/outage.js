// Watches the network while zombienet kills a node and restarts it (`dave: restart after N
// seconds` blocks the test runner for the whole outage, so the watching runs in the background
// of this module, which zombienet keeps loaded between steps).
//
// - `start,LABEL,NODE`: records every node's heights under LABEL (as `checks.js mark` does),
//   then samples all four nodes every second in the background.
// - `report,LABEL,NODE,N`: waits until NODE answers RPC again, stops sampling and checks that,
//   between the first sample where NODE was down and the last one before it answered again,
//   every other node finalised at least N blocks.
const {
  NODES, describe, loadState, log, recordBefore, saveState, sleep, statuses, until,
} = require('./lib.js');

let sampler = null;

async function start(networkInfo, label, node) {
  const all = await recordBefore(networkInfo, label);
  const samples = [];
  sampler = { samples, stopped: false, node };
  (async () => {
    let last = '';
    while (!sampler.stopped) {
      const s = await statuses(networkInfo);
      samples.push({ t: Date.now(), s });
      const line = describe(s);
      if (line !== last) log(`${label}: ${line}`);
      last = line;
      await sleep(1000);
    }
  })();
  return all[node].finalized;
}

async function report(networkInfo, label, node, blocks) {
  if (!sampler) throw new Error('outage.js start was not called');
  const { samples } = sampler;
  await until(() => samples.length > 0 && samples.some((x) => !x.s[node]) && samples.at(-1).s[node], 180_000, `${node} to answer RPC again`, 1000);
  sampler.stopped = true;
  const first = samples.findIndex((x) => !x.s[node]);
  const back = samples.findIndex((x, i) => i > first && x.s[node]);
  const down = samples.slice(first, back);
  const [from, to] = [down[0], down.at(-1)];
  const seconds = Math.round((to.t - from.t) / 1000);
  log(`${label}: ${node} did not answer for ${seconds} s (${down.length} samples)`);
  log(`${label}: DURING the fault, first sample: ${describe(from.s)}`);
  log(`${label}: DURING the fault, last sample:  ${describe(to.s)}`);
  const others = NODES.filter((n) => n !== node);
  for (const n of others) {
    if (!from.s[n] || !to.s[n]) throw new Error(`${n} did not answer during the outage`);
    const grown = to.s[n].finalized - from.s[n].finalized;
    if (grown < blocks) {
      throw new Error(`${n} finalised only ${grown} blocks (#${from.s[n].finalized} -> #${to.s[n].finalized}) while ${node} was down`);
    }
  }
  log(`${label}: PASS: while ${node} was down the other three kept finalising: ${others
    .map((n) => `${n} #${from.s[n].finalized} -> #${to.s[n].finalized}`).join(', ')}`);
  const state = loadState(networkInfo);
  state[label].during = to.s;
  saveState(networkInfo, state);
  return seconds;
}

async function run(nodeName, networkInfo, args) {
  const [action, label, node, blocks] = args.map((a) => a.trim());
  switch (action) {
    case 'start': return start(networkInfo, label, node);
    case 'report': return report(networkInfo, label, node, Number(blocks));
    default: throw new Error(`unknown action ${action}`);
  }
}

module.exports = { run };
