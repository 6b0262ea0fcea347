// The governance metrics of `ostrom-metrics` (metrics/src/measures.rs and aggregate.rs), ported
// line by line for the Health page. Not a second set of formulas: `metrics/vectors.json`, which
// the crate's own test writes and checks (metrics/src/tests/vectors.rs), is replayed against this
// module by tests/metrics-vectors.test.js, and every value must be bit-for-bit the crate's.
//
// Rounding follows the crate: integer sums are exact (bigint, saturating at u128::MAX like the
// crate's `saturating_add`); a ratio converts its integer numerator and denominator to a double
// once (`Number(bigint)` rounds to nearest, ties to even, as Rust's `u128 as f64`) and divides;
// the Gini coefficient, the Lorenz curve and the statistics add doubles in ascending order of the
// values. A `U256` converts as the crate's `to_f64` does: `hi · 2¹²⁸ + lo`, each half rounded.
// Undefined values are `null`, never NaN or infinity.
//
// Self-contained (no imports) so that the node test can transpile and load it on its own.

export type Weight = bigint;
export type BlockNumber = number;
export type Scheme = 'token' | 'quadratic' | 'reputation' | 'council';
export type PollKind = 'council' | 'community' | 'override' | 'review' | 'other';
export type PollOutcome = 'ongoing' | 'approved' | 'rejected' | 'timed_out' | 'cancelled' | 'killed';
export type DecisionOutcome = 'approved' | 'rejected' | 'vetoed' | 'appealed' | 'overridden' | 'expired' | 'voided';
export type IncidentKind = 'emergency_taken' | 'emergency_lapsed' | 'emergency_ratified' | 'cancellation' | 'slash' | 'takedown' | 'recusal' | 'challenge';
export type House = 'council' | 'community';

export const SCHEMES: Scheme[] = ['token', 'quadratic', 'reputation', 'council'];
export const DECISION_OUTCOMES: DecisionOutcome[] = ['approved', 'rejected', 'vetoed', 'appealed', 'overridden', 'expired', 'voided'];
export const INCIDENT_KINDS: IncidentKind[] = ['emergency_taken', 'emergency_lapsed', 'emergency_ratified', 'cancellation', 'slash', 'takedown', 'recusal', 'challenge'];
export const POLL_KINDS: PollKind[] = ['council', 'community', 'override', 'review'];

/** `PollKind::from_kind`. */
export const pollKindFromKind = (kind: number): PollKind => POLL_KINDS[kind] ?? 'other';

const U128_MAX = (1n << 128n) - 1n;
const U256_MAX = (1n << 256n) - 1n;
const U64_MAX = (1n << 64n) - 1n;
const U32_MAX = 0xffff_ffff;
/** 2¹²⁸, exactly representable. */
const TWO_POW_128 = 340282366920938463463374607431768211456.0;

const satAdd128 = (a: bigint, b: bigint) => (a + b > U128_MAX ? U128_MAX : a + b);
const satAdd64 = (a: bigint, b: bigint) => (a + b > U64_MAX ? U64_MAX : a + b);
const satAdd256 = (a: bigint, b: bigint) => (a + b > U256_MAX ? U256_MAX : a + b);
const satAdd32 = (a: number, b: number) => Math.min(a + b, U32_MAX);

/** `U256::to_f64`: `(hi as f64) · 2¹²⁸ + (lo as f64)`. */
export function u256ToF64(x: bigint): number {
  return Number(x >> 128n) * TWO_POW_128 + Number(x & U128_MAX);
}

// -------------------------------------------------------------------------------------------
// The records (metrics/src/model.rs).
// -------------------------------------------------------------------------------------------

export interface Ballot { weight: Weight; delegated: Weight; delegators: number }
export const ownBallot = (weight: Weight): Ballot => ({ weight, delegated: 0n, delegators: 0 });

export interface Aggregates {
  voters: number;
  totalWeight: Weight;
  /** A U256, as a bigint. */
  sumOfSquares: bigint;
  ayes: Weight;
  nays: Weight;
  abstains: Weight;
  recused: number;
}
export const emptyAggregates = (): Aggregates => ({ voters: 0, totalWeight: 0n, sumOfSquares: 0n, ayes: 0n, nays: 0n, abstains: 0n, recused: 0 });

/** `U256::square`, saturating as the crate's. */
export const square = (w: Weight): bigint => w * w;

/** `Aggregates::of_ballots`. */
export function aggregatesOfBallots(ballots: Ballot[]): Aggregates {
  const a = emptyAggregates();
  for (const b of ballots) {
    a.voters = satAdd32(a.voters, 1);
    a.totalWeight = satAdd128(a.totalWeight, b.weight);
    a.sumOfSquares = satAdd256(a.sumOfSquares, square(b.weight));
  }
  return a;
}

/** `Aggregates::matches_ballots`. */
export function matchesBallots(a: Aggregates, ballots: Ballot[]): boolean {
  const s = aggregatesOfBallots(ballots);
  return s.voters === a.voters && s.totalWeight === a.totalWeight && s.sumOfSquares === a.sumOfSquares;
}

export interface Electorate { count: bigint | null; weight: Weight | null }

export interface PollRecord {
  index: number;
  class: number;
  decision: number | null;
  scheme: Scheme;
  kind: PollKind;
  created: BlockNumber;
  closed: BlockNumber | null;
  outcome: PollOutcome;
  ballots: Ballot[];
  aggregates: Aggregates;
  electorate: Electorate;
}

export interface HouseClose { house: House; closed: BlockNumber }
export interface DecisionRecord {
  id: number;
  class: number;
  scheme: Scheme;
  proposed: BlockNumber;
  houses: HouseClose[];
  closed: BlockNumber | null;
  outcome: DecisionOutcome | null;
}
export interface IncidentRecord { kind: IncidentKind; block: BlockNumber; class: number | null; scheme: Scheme | null }
export interface Dataset { polls: PollRecord[]; decisions: DecisionRecord[]; incidents: IncidentRecord[] }
export interface BlockRange { from: BlockNumber; to: BlockNumber }
export const ALL_BLOCKS: BlockRange = { from: 0, to: U32_MAX };
const contains = (r: BlockRange, block: BlockNumber) => r.from <= block && block <= r.to;

// -------------------------------------------------------------------------------------------
// Measures (metrics/src/measures.rs).
// -------------------------------------------------------------------------------------------

/** `numerator / denominator`, or null if the denominator is zero or unknown. */
function ratio(numerator: number, denominator: number | null): number | null {
  if (denominator === null || !(denominator > 0)) return null;
  return finite(numerator / denominator);
}

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** The sum of `weights`, saturating. */
function total(weights: Weight[]): Weight {
  return weights.reduce((acc, w) => satAdd128(acc, w), 0n);
}

/** Participation by head count: `voters / electorate`. */
export function participation(voters: number, electorate: bigint | null): number | null {
  return ratio(voters, electorate === null ? null : Number(electorate));
}

/** Participation by weight: `weight cast / eligible weight`. */
export function weightParticipation(weightCast: Weight, eligible: Weight | null): number | null {
  return ratio(Number(weightCast), eligible === null ? null : Number(eligible));
}

/** (voters + the delegators their ballots carry) / electorate. */
export function representedParticipation(ballots: Ballot[], electorate: bigint | null): number | null {
  const represented = ballots.reduce((acc, b) => satAdd64(satAdd64(acc, 1n), BigInt(b.delegators)), 0n);
  return ratio(Number(represented), electorate === null ? null : Number(electorate));
}

/** Blocks from `start` to `end`, or null if `end` is unknown or before `start`. */
export function latency(start: BlockNumber, end: BlockNumber | null): BlockNumber | null {
  if (end === null || end < start) return null;
  return end - start;
}

export const pollLatency = (poll: PollRecord) => latency(poll.created, poll.closed);
export const decisionLatency = (d: DecisionRecord) => latency(d.proposed, d.closed);
export function houseLatency(d: DecisionRecord, house: House): BlockNumber | null {
  const h = d.houses.find((x) => x.house === house);
  return latency(d.proposed, h ? h.closed : null);
}

/** Blocks as days. */
export function blocksToDays(blocks: number, msPerBlock: bigint | number): number {
  return (blocks * Number(msPerBlock)) / 86_400_000.0;
}

export interface Stats { count: number; mean: number; median: number; p90: number }

/** `values` sorted ascending, or null if empty or one is not finite (`f64::total_cmp`). */
function sorted(values: number[]): number[] | null {
  if (values.length === 0 || values.some((v) => !Number.isFinite(v))) return null;
  return [...values].sort(totalCmp);
}
function totalCmp(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  // Equal values: −0 before +0, as `f64::total_cmp`.
  return (Object.is(a, -0) ? 0 : 1) - (Object.is(b, -0) ? 0 : 1);
}

/** Rust's `Iterator::<f64>::sum`: folds from −0.0, in order. */
function sumF64(values: number[]): number {
  let s = -0.0;
  for (const v of values) s += v;
  return s;
}

function meanOfSorted(values: number[]): number | null {
  return ratio(sumF64(values), values.length);
}

/** `Stats::of`: count, mean, median, nearest-rank p90; null if empty or a value is not finite. */
export function statsOf(values: number[]): Stats | null {
  const s = sorted(values);
  if (!s) return null;
  const n = s.length;
  const mean = meanOfSorted(s);
  if (mean === null) return null;
  const half = Math.floor(n / 2);
  const median = n % 2 === 1 ? s[half] : (s[half - 1] + s[half]) / 2.0;
  const rank = Math.floor((n * 9 + 9) / 10);
  const p90 = s[rank - 1];
  return { count: Math.min(n, U32_MAX), mean, median, p90 };
}

/** `Stats::of_blocks`. */
export const statsOfBlocks = (blocks: BlockNumber[]) => statsOf(blocks.map((b) => b));

/** The mean (summed in ascending order), or null. */
export function mean(values: number[]): number | null {
  const s = sorted(values);
  return s ? meanOfSorted(s) : null;
}

const ascending = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);

/** The Gini coefficient: Σᵢ (2i − n − 1)·x₍ᵢ₎ / (n·Σx), weights ascending; null without weight. */
export function gini(weights: Weight[]): number | null {
  const sum = total(weights);
  if (sum === 0n) return null;
  const s = [...weights].sort(ascending);
  const n = s.length;
  const numerator = sumF64(s.map((x, i) => (2.0 * (i + 1.0) - n - 1.0) * Number(x)));
  return ratio(numerator, n * Number(sum));
}

/** The fewest voters holding more than half of the weight; null without weight. */
export function nakamoto(weights: Weight[]): number | null {
  const sum = total(weights);
  if (sum === 0n) return null;
  const s = [...weights].sort((a, b) => ascending(b, a));
  let held = 0n;
  for (let i = 0; i < s.length; i++) {
    held = satAdd128(held, s[i]);
    if (held > sum - held) return i + 1;
  }
  return s.length;
}

/** Σ sᵢ² from the exact sum of squares; null without weight. */
export function hhi(weights: Weight[]): number | null {
  const sumOfSquares = weights.reduce((acc, w) => satAdd256(acc, square(w)), 0n);
  return hhiFromAggregates(total(weights), sumOfSquares);
}

/** 1 / HHI; null without weight. */
export function effectiveVoters(weights: Weight[]): number | null {
  const h = hhi(weights);
  return h === null ? null : ratio(1.0, h);
}

/** Σw² / (Σw)² from a tally's aggregates. */
export function hhiFromAggregates(totalWeight: Weight, sumOfSquares: bigint): number | null {
  if (sumOfSquares === 0n) return null;
  const t = Number(totalWeight);
  return ratio(u256ToF64(sumOfSquares), t * t);
}

/** (Σw)² / Σw² from a tally's aggregates. */
export function effectiveVotersFromAggregates(totalWeight: Weight, sumOfSquares: bigint): number | null {
  if (totalWeight === 0n) return null;
  const t = Number(totalWeight);
  return ratio(t * t, u256ToF64(sumOfSquares));
}

/** Σ delegated / Σ weight cast; null if no weight was cast. */
export function delegationShare(ballots: Ballot[]): number | null {
  let d = 0n;
  let c = 0n;
  for (const b of ballots) {
    d = satAdd128(d, b.delegated);
    c = satAdd128(c, b.weight);
  }
  if (c === 0n) return null;
  return ratio(Number(d), Number(c));
}

/** The fewest delegates holding at least half of the delegated weight; null if none delegated. */
export function delegatesHoldingHalf(ballots: Ballot[]): number | null {
  const delegated = ballots.map((b) => b.delegated).filter((d) => d > 0n);
  const sum = total(delegated);
  if (sum === 0n) return null;
  delegated.sort((a, b) => ascending(b, a));
  let held = 0n;
  for (let i = 0; i < delegated.length; i++) {
    held = satAdd128(held, delegated[i]);
    if (held >= sum - held) return i + 1;
  }
  return delegated.length;
}

export type LorenzPoint = [number, number];

/** The Lorenz curve of `weights`, at most `maxPoints` points. */
export function lorenzCurve(weights: Weight[], maxPoints: number): LorenzPoint[] {
  return lorenzCurveOf(weights.map((w) => Number(w)), maxPoints);
}

/** The Lorenz curve of non-negative values. */
export function lorenzCurveOf(values: number[], maxPoints: number): LorenzPoint[] {
  if (values.some((v) => !Number.isFinite(v) || v < 0.0)) return [];
  const s = [...values].sort(totalCmp);
  const cumulative = [0.0];
  let acc = 0.0;
  for (const v of s) {
    acc += v;
    cumulative.push(acc);
  }
  if (acc <= 0.0 || !Number.isFinite(acc)) return [];
  const n = s.length;
  const wanted = Math.max(maxPoints, 2);
  const point = (k: number): LorenzPoint => [k / n, cumulative[k] / acc];
  const out: LorenzPoint[] = [];
  if (n < wanted) {
    for (let k = 0; k <= n; k++) out.push(point(k));
  } else {
    const steps = wanted - 1;
    // ⌊i·n/steps⌋ in integers, as the crate's usize arithmetic.
    for (let i = 0; i < wanted; i++) out.push(point(Number((BigInt(i) * BigInt(n)) / BigInt(steps))));
  }
  return out;
}

// -------------------------------------------------------------------------------------------
// Aggregation (metrics/src/aggregate.rs).
// -------------------------------------------------------------------------------------------

/** The chain's aggregates, or, if none were filled (`voters == 0`), the ballots'. */
export function effectiveAggregates(poll: PollRecord): Aggregates {
  return poll.aggregates.voters > 0 ? poll.aggregates : aggregatesOfBallots(poll.ballots);
}

export interface PollSummary {
  index: number;
  class: number;
  scheme: Scheme;
  kind: PollKind;
  outcome: PollOutcome;
  voters: number;
  weightCast: Weight;
  participation: number | null;
  weightParticipation: number | null;
  representedParticipation: number | null;
  latency: BlockNumber | null;
  gini: number | null;
  nakamoto: number | null;
  hhi: number | null;
  effectiveVoters: number | null;
  delegationShare: number | null;
  delegatesHalf: number | null;
}

export function summarizePoll(poll: PollRecord): PollSummary {
  const a = effectiveAggregates(poll);
  const weights = poll.ballots.map((b) => b.weight);
  return {
    index: poll.index,
    class: poll.class,
    scheme: poll.scheme,
    kind: poll.kind,
    outcome: poll.outcome,
    voters: a.voters,
    weightCast: a.totalWeight,
    participation: participation(a.voters, poll.electorate.count),
    weightParticipation: weightParticipation(a.totalWeight, poll.electorate.weight),
    representedParticipation: poll.ballots.length === 0 && a.voters > 0 ? null : representedParticipation(poll.ballots, poll.electorate.count),
    latency: pollLatency(poll),
    gini: gini(weights),
    nakamoto: nakamoto(weights),
    hhi: hhiFromAggregates(a.totalWeight, a.sumOfSquares),
    effectiveVoters: effectiveVotersFromAggregates(a.totalWeight, a.sumOfSquares),
    delegationShare: delegationShare(poll.ballots),
    delegatesHalf: delegatesHoldingHalf(poll.ballots),
  };
}

export function pollSummaries(dataset: Dataset, range: BlockRange): PollSummary[] {
  return dataset.polls.filter((p) => contains(range, p.created)).sort((a, b) => a.index - b.index).map(summarizePoll);
}

export type Group = { scheme: Scheme } | { class: number } | 'all';

export function groupName(g: Group): string {
  if (g === 'all') return 'all';
  return 'scheme' in g ? g.scheme : `class ${g.class}`;
}
const holdsPoll = (g: Group, p: PollRecord) => (g === 'all' ? true : 'scheme' in g ? p.scheme === g.scheme : p.class === g.class);
const holdsDecision = (g: Group, d: DecisionRecord) => (g === 'all' ? true : 'scheme' in g ? d.scheme === g.scheme : d.class === g.class);
const holdsIncident = (g: Group, i: IncidentRecord) => (g === 'all' ? true : 'scheme' in g ? i.scheme === g.scheme : i.class === g.class);

export interface Row {
  group: Group;
  polls: number;
  decisions: number;
  participation: number | null;
  weightParticipation: number | null;
  representedParticipation: number | null;
  decisionLatency: Stats | null;
  pollLatency: Stats | null;
  councilLatency: Stats | null;
  communityLatency: Stats | null;
  gini: number | null;
  nakamoto: number | null;
  hhi: number | null;
  effectiveVoters: number | null;
  delegationShare: number | null;
  delegatesHalf: number | null;
  outcomes: Record<DecisionOutcome, number>;
  incidents: Record<IncidentKind, number>;
}

const meanOf = (values: (number | null)[]) => mean(values.filter((v): v is number => v !== null));

function counts<K extends string>(keys: K[], items: K[]): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const k of items) out[k] = satAdd32(out[k], 1);
  return out;
}

/** The row of `group` over `range`. */
export function row(dataset: Dataset, range: BlockRange, group: Group): Row {
  const polls = dataset.polls.filter((p) => contains(range, p.created) && holdsPoll(group, p)).map(summarizePoll);
  const decisions = dataset.decisions.filter((d) => contains(range, d.proposed) && holdsDecision(group, d));
  const incidents = dataset.incidents.filter((i) => contains(range, i.block) && holdsIncident(group, i));
  const decisionLatencies = decisions.map(decisionLatency).filter((x): x is number => x !== null);
  const pollLatencies = polls.map((p) => p.latency).filter((x): x is number => x !== null);
  const council: number[] = [];
  const community: number[] = [];
  for (const d of decisions) {
    const c = houseLatency(d, 'council');
    const m = houseLatency(d, 'community');
    if (c !== null && m !== null) { council.push(c); community.push(m); }
  }
  return {
    group,
    polls: Math.min(polls.length, U32_MAX),
    decisions: Math.min(decisions.length, U32_MAX),
    participation: meanOf(polls.map((p) => p.participation)),
    weightParticipation: meanOf(polls.map((p) => p.weightParticipation)),
    representedParticipation: meanOf(polls.map((p) => p.representedParticipation)),
    decisionLatency: statsOfBlocks(decisionLatencies),
    pollLatency: statsOfBlocks(pollLatencies),
    councilLatency: statsOfBlocks(council),
    communityLatency: statsOfBlocks(community),
    gini: meanOf(polls.map((p) => p.gini)),
    nakamoto: meanOf(polls.map((p) => p.nakamoto)),
    hhi: meanOf(polls.map((p) => p.hhi)),
    effectiveVoters: meanOf(polls.map((p) => p.effectiveVoters)),
    delegationShare: meanOf(polls.map((p) => p.delegationShare)),
    delegatesHalf: meanOf(polls.map((p) => p.delegatesHalf)),
    outcomes: counts(DECISION_OUTCOMES, decisions.map((d) => d.outcome).filter((o): o is DecisionOutcome => o !== null)),
    incidents: counts(INCIDENT_KINDS, incidents.map((i) => i.kind)),
  };
}

/** The rows over `range`: one per scheme (all four) or per class present, then `all`. */
export function rows(dataset: Dataset, range: BlockRange, grouping: 'scheme' | 'class'): Row[] {
  let groups: Group[];
  if (grouping === 'scheme') {
    groups = SCHEMES.map((scheme) => ({ scheme }));
  } else {
    const classes = [
      ...dataset.polls.filter((p) => contains(range, p.created)).map((p) => p.class),
      ...dataset.decisions.filter((d) => contains(range, d.proposed)).map((d) => d.class),
      ...dataset.incidents.filter((i) => contains(range, i.block) && i.class !== null).map((i) => i.class as number),
    ];
    groups = [...new Set(classes)].sort((a, b) => a - b).map((c) => ({ class: c }));
  }
  groups.push('all');
  return groups.map((g) => row(dataset, range, g));
}

/** Every ballot's share of its poll, pooled over the scheme's polls, as a Lorenz curve. */
export function schemeLorenz(dataset: Dataset, range: BlockRange, scheme: Scheme, maxPoints: number): LorenzPoint[] {
  const shares: number[] = [];
  for (const poll of dataset.polls.filter((p) => p.scheme === scheme && contains(range, p.created))) {
    const t = poll.ballots.reduce((acc, b) => satAdd128(acc, b.weight), 0n);
    if (t === 0n) continue;
    for (const b of poll.ballots) shares.push(Number(b.weight) / Number(t));
  }
  return lorenzCurveOf(shares, maxPoints);
}
