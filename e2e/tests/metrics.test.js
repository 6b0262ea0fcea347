// Governance metrics end to end (issue 16): a small simulated community (lib/simulation.js,
// profile `small`: 60 accounts, persons, reputation, delegations, five decisions in the four
// schemes) on ostrom-node --dev, then `ostrom-cli report --format json` over the whole chain.
// Every poll's numbers in the report are checked against the chain itself: its events
// (submission, closing block and outcome, the tally the closing event carries, the voters) and
// `VotingApi.poll_metrics` at the last block the poll was ongoing (voters, weight, sum of
// squares, electorate). Then the report's failure modes: a range beyond the chain, and a node
// that has pruned the range's state.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { cliBinary, connect, eventsAt, startNode, untilBlock } from '../lib/node.js';
import { simulate } from '../lib/simulation.js';

const report = (url, ...args) => spawnSync(cliBinary(), ['report', '--url', url, '--no-progress', ...args], { encoding: 'utf8' });
const close = (a, b, what, tolerance = 1e-6) => assert.ok(Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b)), `${what}: ${a} ≠ ${b}`);
const CLOSING = { Confirmed: 'approved', Rejected: 'rejected', TimedOut: 'timed_out', Cancelled: 'cancelled', Killed: 'killed' };

describe('ostrom-cli report on a simulated community', () => {
  let node;
  let api;
  let dir;

  before(async () => {
    await cryptoWaitReady();
    node = await startNode(['--dev', '--state-pruning', 'archive'], { name: 'metrics' });
    api = await connect(node);
    dir = mkdtempSync(join(tmpdir(), 'ostrom-e2e-metrics-'));
  });

  after(async () => {
    if (api) await api.disconnect();
    if (node) await node.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('every poll of the report matches the events and VotingApi.poll_metrics', { timeout: 420_000 }, async () => {
    const summary = await simulate(api, { profile: 'small' });
    assert.ok(summary.decisions.length >= 5, 'the simulation made its decisions');
    assert.ok(summary.votes.cast > 20, `votes cast: ${JSON.stringify(summary.votes)}`);

    const chart = join(dir, 'metrics.svg');
    const run = report(node.url, '--format', 'json', '--chart', chart);
    assert.equal(run.status, 0, run.stderr);
    const r = JSON.parse(run.stdout);
    assert.equal(r.range.from, 0);
    assert.ok(r.range.to >= summary.to, `the report reads up to the best block (${r.range.to} < ${summary.to})`);
    assert.deepEqual(r.warnings, []);
    assert.match(readFileSync(chart, 'utf8'), /<svg[\s\S]*Lorenz[\s\S]*<\/svg>/);

    // The chain's own account of every poll, read block by block.
    const polls = new Map();
    for (let n = 0; n <= r.range.to; n += 1) {
      const hash = await api.rpc.chain.getBlockHash(n);
      for (const { event } of await eventsAt(api, hash)) {
        const d = event.data;
        if (api.events.referenda.Submitted.is(event)) {
          polls.set(d.index.toNumber(), { created: n, track: d.track.toNumber(), voters: new Set() });
        } else if (api.events.voting.Voted.is(event)) {
          polls.get(d.pollIndex.toNumber())?.voters.add(d.who.toString());
        } else if (Object.keys(CLOSING).some((k) => api.events.referenda[k].is(event))) {
          Object.assign(polls.get(d.index.toNumber()), { closed: n, outcome: CLOSING[event.method], tally: d.tally });
        }
      }
    }
    assert.equal(r.polls.length, polls.size, 'one report row per submitted poll');
    const schemes = new Set();
    for (const row of r.polls) {
      const poll = polls.get(row.poll);
      const what = `poll ${row.poll}`;
      assert.ok(poll, `${what} was submitted`);
      assert.equal(row.class, Math.floor(poll.track / 4), `${what}: class`);
      assert.equal(row.created, poll.created, `${what}: created`);
      assert.equal(row.closed, poll.closed ?? null, `${what}: closed`);
      assert.equal(row.outcome, poll.outcome ?? 'ongoing', `${what}: outcome`);
      assert.ok(poll.closed, `${what} closed during the simulation`);
      assert.equal(row.latency_blocks, poll.closed - poll.created, `${what}: latency`);
      assert.equal(row.ballots_match, 'yes', `${what}: ballots read add up to the tally`);

      // The closing event's tally.
      const { tally } = poll;
      const scheme = tally.scheme.toString().toLowerCase();
      schemes.add(scheme);
      assert.equal(row.scheme, scheme, `${what}: scheme`);
      assert.equal(row.voters, tally.voters.toNumber(), `${what}: voters = the tally's`);
      assert.equal(BigInt(row.weight_cast), tally.totalWeight.toBigInt(), `${what}: weight cast = the tally's`);
      // Everyone who voted is counted once (nobody removed a vote; recused members never voted).
      assert.equal(row.voters, poll.voters.size, `${what}: voters = distinct Voted accounts`);

      // VotingApi.poll_metrics at the last block the poll was ongoing.
      const at = await api.at(await api.rpc.chain.getBlockHash(poll.closed - 1));
      const m = (await at.call.votingApi.pollMetrics(row.poll)).unwrap();
      assert.equal(m.voters.toNumber(), row.voters, `${what}: poll_metrics voters`);
      const total = m.totalWeight.toBigInt();
      const electorate = Number(m.electorate.toBigInt());
      if (scheme !== 'reputation') {
        // Reputation weights decay between the tally's frame and poll_metrics' block.
        assert.equal(total, BigInt(row.weight_cast), `${what}: poll_metrics total weight`);
        assert.equal(m.sumOfSquares.toBigInt(), tally.sumOfSquares.toBigInt(), `${what}: sum of squares`);
      }
      if (Number(total) > 0) {
        const hhi = Number(m.sumOfSquares.toBigInt()) / Number(total) ** 2;
        // Reputation: poll_metrics decays the sums to its block; the report keeps the tally's.
        const tolerance = scheme === 'reputation' ? 1e-3 : 1e-6;
        close(row.hhi, hhi, `${what}: HHI = Σw² / (Σw)²`, tolerance);
        close(row.effective_voters, 1 / hhi, `${what}: effective voters = 1 / HHI`, tolerance);
      }
      if (scheme === 'quadratic' || scheme === 'council') {
        assert.equal(row.electorate, electorate, `${what}: electorate = poll_metrics' (persons or seats)`);
        close(row.participation, row.voters / electorate, `${what}: participation`);
      }
      if (scheme === 'token' || scheme === 'reputation') {
        // Reputation: the report expresses the electorate in the tally's decay frame (whole points).
        close(row.weight_participation, Number(total) / electorate, `${what}: weight participation = Σw / poll_metrics' electorate`,
          scheme === 'reputation' ? 1e-3 : 1e-6);
      }
      if (scheme === 'token') {
        // Holders above the existential deposit at that block.
        const ed = api.consts.balances.existentialDeposit.toBigInt();
        const accounts = await at.query.system.account.entries();
        const holders = accounts.filter(([, info]) => info.data.free.toBigInt() >= ed).length;
        assert.equal(row.electorate, holders, `${what}: token electorate`);
        close(row.participation, row.voters / holders, `${what}: participation`);
      }
    }
    assert.deepEqual([...schemes].sort(), ['council', 'quadratic', 'reputation', 'token'], 'polls in all four schemes');

    // The rows per scheme count those polls, and the decisions.
    for (const row of r.schemes.filter((x) => x.group !== 'all')) {
      assert.equal(row.polls, r.polls.filter((p) => p.scheme === row.group).length, `polls of ${row.group}`);
    }
    const all = r.schemes.find((x) => x.group === 'all');
    assert.equal(all.decisions, summary.decisions.length);
    // Delegation shows in the token and reputation polls of the delegated classes.
    const token = r.polls.find((p) => p.scheme === 'token');
    assert.ok(token.delegation_share > 0, 'the token poll carries delegated weight');
    // The Eve's measure lapsed, Dave's was ratified.
    assert.ok(all.incident_emergency_taken >= 2 && all.incident_emergency_ratified >= 1 && all.incident_emergency_lapsed >= 1,
      JSON.stringify(all));

    // The table and CSV forms.
    const table = report(node.url);
    assert.equal(table.status, 0, table.stderr);
    assert.match(table.stdout, /Per scheme[\s\S]*token[\s\S]*quadratic[\s\S]*reputation[\s\S]*council/);
    const csv = report(node.url, '--format', 'csv', '--by', 'poll');
    assert.equal(csv.status, 0, csv.stderr);
    assert.equal(csv.stdout.trim().split('\n').length, r.polls.length + 1);

    // A range beyond the chain is refused.
    const beyond = report(node.url, '--to', String(r.range.to + 100_000));
    assert.notEqual(beyond.status, 0);
    assert.match(beyond.stderr, /beyond the chain's best block/);
  });
});

describe('ostrom-cli report on a node that pruned the range', () => {
  let node;
  let api;

  before(async () => {
    await cryptoWaitReady();
    node = await startNode(['--dev', '--state-pruning', '4'], { name: 'metrics-pruned' });
    api = await connect(node);
  });

  after(async () => {
    if (api) await api.disconnect();
    if (node) await node.stop();
  });

  test('fails with a clear message', { timeout: 180_000 }, async () => {
    await untilBlock(api, 8, 150_000);
    const run = report(node.url, '--from', '1');
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /no state for block #1 any more \(pruned/);
    // The last blocks are still there.
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    const recent = report(node.url, '--from', String(best - 1), '--to', String(best));
    assert.equal(recent.status, 0, recent.stderr);
  });
});
