// portal/src/metrics.ts against the shared test vectors of ostrom-metrics (metrics/vectors.json,
// written and checked by the crate's own test, metrics/src/tests/vectors.rs): every measure and
// every aggregated row the Health page shows must be the crate's, bit for bit. No browser, no
// node: the module is transpiled with the TypeScript compiler the build uses and imported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importTs } from './transpile.js';

const here = dirname(fileURLToPath(import.meta.url));
const vectors = JSON.parse(readFileSync(join(here, '..', '..', 'metrics', 'vectors.json'), 'utf8'));
const m = await importTs('metrics.ts');

// ---------- decoding the vectors' encoding (u64/u128 strings, U256 hex, null) ----------
const big = (s) => (s === null ? null : BigInt(s));
const ballot = ([w, d, n]) => ({ weight: BigInt(w), delegated: BigInt(d), delegators: n });
const aggregates = (a) => ({
  voters: a.voters, totalWeight: BigInt(a.total_weight), sumOfSquares: BigInt(a.sum_of_squares),
  ayes: BigInt(a.ayes), nays: BigInt(a.nays), abstains: BigInt(a.abstains), recused: a.recused,
});
const dataset = (d) => ({
  polls: d.polls.map((p) => ({
    index: p.index, class: p.class, decision: p.decision, scheme: p.scheme, kind: p.kind,
    created: p.created, closed: p.closed, outcome: p.outcome, ballots: p.ballots.map(ballot),
    aggregates: aggregates(p.aggregates), electorate: { count: big(p.electorate.count), weight: big(p.electorate.weight) },
  })),
  decisions: d.decisions.map((x) => ({ ...x, houses: x.houses.map(([house, closed]) => ({ house, closed })) })),
  incidents: d.incidents,
});
const stats = (s) => s;
const bigString = (x) => (x === null ? null : x.toString());

/** Exact equality (a float must be the same double; −0 and +0 are not told apart). */
function same(actual, expected, where) {
  if (expected === null || typeof expected !== 'object') {
    assert.ok(actual === expected, `${where}: got ${actual}, the crate computes ${expected}`);
    return;
  }
  assert.ok(actual !== null && typeof actual === 'object', `${where}: got ${actual}, the crate computes ${JSON.stringify(expected)}`);
  if (Array.isArray(expected)) assert.equal(actual.length, expected.length, `${where}: length`);
  for (const k of Object.keys(expected)) same(actual[k], expected[k], `${where}.${k}`);
}

test('the vectors file covers every section', () => {
  for (const k of ['weights', 'ballots', 'aggregates', 'participation', 'weight_participation', 'stats', 'block_stats', 'latency', 'days', 'datasets']) {
    assert.ok(Array.isArray(vectors[k]) && vectors[k].length > 0, k);
  }
});

test('gini, Nakamoto, HHI, effective voters and Lorenz curves of weights', () => {
  vectors.weights.forEach((v, i) => {
    const w = v.weights.map(BigInt);
    same(m.gini(w), v.gini, `weights[${i}].gini`);
    same(m.nakamoto(w), v.nakamoto, `weights[${i}].nakamoto`);
    same(m.hhi(w), v.hhi, `weights[${i}].hhi`);
    same(m.effectiveVoters(w), v.effective_voters, `weights[${i}].effective_voters`);
    same(m.lorenzCurve(w, 5), v.lorenz_5, `weights[${i}].lorenz_5`);
    same(m.lorenzCurve(w, 200), v.lorenz_200, `weights[${i}].lorenz_200`);
  });
});

test('delegation share, delegates holding half, represented participation of ballots', () => {
  vectors.ballots.forEach((v, i) => {
    const b = v.ballots.map(ballot);
    same(m.delegationShare(b), v.delegation_share, `ballots[${i}].delegation_share`);
    same(m.delegatesHoldingHalf(b), v.delegates_half, `ballots[${i}].delegates_half`);
    same(m.representedParticipation(b, big(v.electorate)), v.represented_participation, `ballots[${i}].represented_participation`);
  });
});

test('HHI and effective voters from a tally\'s aggregates (U256 sum of squares)', () => {
  vectors.aggregates.forEach((v, i) => {
    same(m.hhiFromAggregates(BigInt(v.total_weight), BigInt(v.sum_of_squares)), v.hhi, `aggregates[${i}].hhi`);
    same(m.effectiveVotersFromAggregates(BigInt(v.total_weight), BigInt(v.sum_of_squares)), v.effective_voters, `aggregates[${i}].effective_voters`);
  });
});

test('participation by head count and by weight', () => {
  vectors.participation.forEach((v, i) => same(m.participation(v.voters, big(v.electorate)), v.participation, `participation[${i}]`));
  vectors.weight_participation.forEach((v, i) => same(m.weightParticipation(BigInt(v.weight_cast), big(v.eligible)), v.weight_participation, `weight_participation[${i}]`));
});

test('statistics, means, latencies, days', () => {
  vectors.stats.forEach((v, i) => {
    same(m.statsOf(v.values), stats(v.stats), `stats[${i}].stats`);
    same(m.mean(v.values), v.mean, `stats[${i}].mean`);
    same(m.lorenzCurveOf(v.values, 4), v.lorenz_4, `stats[${i}].lorenz_4`);
  });
  vectors.block_stats.forEach((v, i) => same(m.statsOfBlocks(v.blocks), v.stats, `block_stats[${i}]`));
  vectors.latency.forEach((v, i) => same(m.latency(v.start, v.end), v.latency, `latency[${i}]`));
  vectors.days.forEach((v, i) => same(m.blocksToDays(v.blocks, BigInt(v.ms_per_block)), v.days, `days[${i}]`));
});

const summaryJson = (s) => ({
  index: s.index, class: s.class, scheme: s.scheme, kind: s.kind, outcome: s.outcome, voters: s.voters,
  weight_cast: bigString(s.weightCast), participation: s.participation, weight_participation: s.weightParticipation,
  represented_participation: s.representedParticipation, latency: s.latency, gini: s.gini, nakamoto: s.nakamoto,
  hhi: s.hhi, effective_voters: s.effectiveVoters, delegation_share: s.delegationShare, delegates_half: s.delegatesHalf,
});
const rowJson = (r) => ({
  group: m.groupName(r.group), polls: r.polls, decisions: r.decisions, participation: r.participation,
  weight_participation: r.weightParticipation, represented_participation: r.representedParticipation,
  decision_latency: r.decisionLatency, poll_latency: r.pollLatency, council_latency: r.councilLatency,
  community_latency: r.communityLatency, gini: r.gini, nakamoto: r.nakamoto, hhi: r.hhi,
  effective_voters: r.effectiveVoters, delegation_share: r.delegationShare, delegates_half: r.delegatesHalf,
  outcomes: r.outcomes, incidents: r.incidents,
});

test('per-poll summaries, rows per scheme and per class, and scheme Lorenz curves of data sets', () => {
  vectors.datasets.forEach((v, i) => {
    const d = dataset(v.dataset);
    const range = { from: v.range[0], to: v.range[1] };
    same(m.pollSummaries(d, range).map(summaryJson), v.poll_summaries, `datasets[${i}].poll_summaries`);
    same(m.rows(d, range, 'scheme').map(rowJson), v.rows_by_scheme, `datasets[${i}].rows_by_scheme`);
    same(m.rows(d, range, 'class').map(rowJson), v.rows_by_class, `datasets[${i}].rows_by_class`);
    for (const scheme of m.SCHEMES) same(m.schemeLorenz(d, range, scheme, 7), v.scheme_lorenz_7[scheme], `datasets[${i}].scheme_lorenz_7.${scheme}`);
  });
});
