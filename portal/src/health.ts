// The Health page's data: the records of `ostrom-metrics` filled from the chain as `ostrom-cli
// report` fills them (cli/src/governance/trace.rs, state.rs and fill.rs), over a bounded window
// of recent blocks. Only the reading of the chain is here; every measure is computed by
// ./metrics.ts, the crate's port checked against its shared test vectors.
import type { ApiPromise } from '@polkadot/api';
import type {
  Ballot, Aggregates, Dataset, DecisionOutcome, DecisionRecord, Electorate, HouseClose, IncidentKind, IncidentRecord,
  PollOutcome, PollRecord, Scheme,
} from './metrics';
import { emptyAggregates, matchesBallots, pollKindFromKind } from './metrics';

const U128_MAX = (1n << 128n) - 1n;
/** Blocks whose events are read at once. */
const CONCURRENCY = 16;

/** The parts of a class the report uses (from `ConstitutionApi.classes`, as JSON). */
interface ClassRow {
  houses: string;
  community: { scheme: string; reputationWeights: [number, number][] } | null;
  overrideRule: { house: string } | null;
  rule: any;
}
type Classes = Map<number, ClassRow>;

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const classRow = (info: any): ClassRow => {
  const j = info.toJSON();
  return { houses: j.houses, community: j.community ?? null, overrideRule: j.overrideRule ?? null, rule: j.rule };
};
const communityScheme = (c: ClassRow): Scheme | null => (c.community ? (lower(c.community.scheme) as Scheme) : null);

/** `trace::track_scheme`: council for council and veto polls, the community's for community
 * and appeal polls, the override house's for override polls. */
export function trackScheme(classes: Classes, track: number): Scheme | null {
  const info = classes.get(Math.floor(track / 4));
  if (!info) return null;
  const community = communityScheme(info);
  switch (track % 4) {
    case 0: return 'council';
    case 1: return community;
    case 2: return !info.overrideRule ? null : info.overrideRule.house === 'Council' ? 'council' : community;
    case 3: return info.rule?.communityWithCouncilVeto !== undefined ? 'council' : info.rule?.councilWithCommunityAppeal !== undefined ? community : null;
    default: return null;
  }
}

/** `trace::decision_scheme`. */
const decisionScheme = (c: ClassRow | undefined): Scheme => (!c || c.houses === 'CouncilOnly' || !c.community ? 'council' : communityScheme(c)!);

/** `state::class_domains`. */
const classDomains = (c: ClassRow | undefined): number[] => (c?.community?.reputationWeights ?? []).filter(([, w]) => Number(w) > 0).map(([d]) => Number(d));

interface PollTrace {
  index: number;
  track: number;
  created: number;
  closed: number | null;
  outcome: PollOutcome;
  tally: any | null;
  voters: Set<string>;
  decision: number | null;
  scheme: Scheme | null;
}
interface DecisionTrace {
  id: number;
  class: number;
  scheme: Scheme;
  proposed: number;
  polls: Set<number>;
  closed: number | null;
  outcome: string | null;
  overridden: boolean;
  appealRejected: boolean;
}

/** `trace::Trace`: the events of a block range, folded block by block. */
class Trace {
  polls = new Map<number, PollTrace>();
  decisions = new Map<number, DecisionTrace>();
  incidents: IncidentRecord[] = [];
  private decisionOf = new Map<number, number>();
  private measures = new Map<number, number | null>();
  private challenges = new Map<number, [number, number]>();
  constructor(public classes: Classes) {}

  private pollGroup(index: number): [number | null, Scheme | null] {
    const p = this.polls.get(index);
    return p ? [Math.floor(p.track / 4), p.scheme] : [null, null];
  }
  private decisionGroup(id: number): [number | null, Scheme | null] {
    const d = this.decisions.get(id);
    return d ? [d.class, d.scheme] : [null, null];
  }
  private measureGroup(id: number): [number | null, Scheme | null] {
    const d = this.measures.get(id);
    return d === undefined || d === null ? [null, null] : this.decisionGroup(d);
  }
  private incident(kind: IncidentKind, block: number, [cls, scheme]: [number | null, Scheme | null]) {
    this.incidents.push({ kind, block, class: cls, scheme });
  }
  private tie(poll: number, decision: number) {
    const p = this.polls.get(poll);
    if (p) p.decision = decision;
    else this.decisionOf.set(poll, decision);
    this.decisions.get(decision)?.polls.add(poll);
  }
  private closePoll(index: number, block: number, outcome: PollOutcome, tally: any | null) {
    const p = this.polls.get(index);
    if (!p) return;
    p.closed = block;
    p.outcome = outcome;
    if (tally) p.tally = tally;
  }

  /** `Trace::apply_block`. */
  applyBlock(block: number, records: any[]) {
    const notes = {
      cancelled: [] as number[],
      closedDecisions: new Set<number>(),
      heldConfirmed: new Set<number>(),
      expiredChallenges: new Set<number>(),
      slashed: new Set<string>(),
      upheld: new Map<string, number>(),
    };
    for (const { event } of records) {
      const d: any = event.data;
      const n = (v: any) => Number(v.toString());
      const key = `${event.section}.${event.method}`;
      switch (key) {
        case 'referenda.Submitted': {
          const index = n(d.index);
          const decision = this.decisionOf.get(index) ?? null;
          this.decisionOf.delete(index);
          this.polls.set(index, { index, track: n(d.track), created: block, closed: null, outcome: 'ongoing', tally: null, voters: new Set(), decision, scheme: trackScheme(this.classes, n(d.track)) });
          break;
        }
        case 'referenda.Confirmed': this.closePoll(n(d.index), block, 'approved', d.tally); break;
        case 'referenda.Approved': this.closePoll(n(d.index), block, 'approved', null); break;
        case 'referenda.Rejected': this.closePoll(n(d.index), block, 'rejected', d.tally); break;
        case 'referenda.TimedOut': this.closePoll(n(d.index), block, 'timed_out', d.tally); break;
        case 'referenda.Cancelled': this.closePoll(n(d.index), block, 'cancelled', d.tally); notes.cancelled.push(n(d.index)); break;
        case 'referenda.Killed': this.closePoll(n(d.index), block, 'killed', d.tally); notes.cancelled.push(n(d.index)); break;
        case 'voting.Voted': this.polls.get(n(d.pollIndex))?.voters.add(d.who.toString()); break;
        case 'voting.Recused': this.incident('recusal', block, this.pollGroup(n(d.pollIndex))); break;
        case 'constitution.Proposed': {
          const id = n(d.decision);
          const cls = n(d.class);
          this.decisions.set(id, { id, class: cls, scheme: decisionScheme(this.classes.get(cls)), proposed: block, polls: new Set(), closed: null, outcome: null, overridden: false, appealRejected: false });
          for (const p of [d.polls.council, d.polls.community, d.polls.extra]) if (p?.isSome) this.tie(n(p.unwrap()), id);
          break;
        }
        case 'constitution.VetoPollOpened':
        case 'constitution.Appealed':
        case 'constitution.OverridePollOpened':
          this.tie(n(d.poll), n(d.decision));
          break;
        case 'constitution.Overridden': { const x = this.decisions.get(n(d.decision)); if (x) x.overridden = true; break; }
        case 'constitution.AppealRejected': { const x = this.decisions.get(n(d.decision)); if (x) x.appealRejected = true; break; }
        case 'constitution.DecisionClosed': {
          const x = this.decisions.get(n(d.decision));
          if (x) { x.closed = block; x.outcome = d.outcome.type; }
          notes.closedDecisions.add(n(d.decision));
          break;
        }
        case 'constitution.ClassAmended': this.classes.set(n(d.class), classRow(d.info)); break;
        case 'constitution.ConflictChallenged':
          this.challenges.set(n(d.challenge), [n(d.poll), n(d.challengePoll)]);
          this.incident('challenge', block, this.pollGroup(n(d.poll)));
          break;
        case 'constitution.ChallengeUpheld': notes.upheld.set(d.member.toString(), n(d.poll)); break;
        case 'constitution.ChallengeExpired': notes.expiredChallenges.add(n(d.challenge)); break;
        case 'guardians.MeasureTaken': {
          const decision = d.measure.isHoldDecision ? n(d.measure.asHoldDecision) : null;
          this.measures.set(n(d.id), decision);
          this.incident('emergency_taken', block, decision === null ? [null, null] : this.decisionGroup(decision));
          break;
        }
        case 'guardians.MeasureRatified': this.incident('emergency_ratified', block, this.measureGroup(n(d.id))); break;
        case 'guardians.MeasureLapsed': this.incident('emergency_lapsed', block, this.measureGroup(n(d.id))); break;
        case 'guardians.HoldConfirmed': notes.heldConfirmed.add(n(d.decision)); break;
        case 'reputation.Slashed': notes.slashed.add(d.who.toString()); break;
        case 'artifacts.Withdrawn': this.incident('takedown', block, [null, null]); break;
        default: break;
      }
    }
    // `Trace::end_block`: cancellations that were not routine, and slashes.
    const expiredPolls = new Set([...notes.expiredChallenges].map((c) => this.challenges.get(c)?.[1]).filter((x): x is number => x !== undefined));
    for (const index of notes.cancelled) {
      const decision = this.polls.get(index)?.decision ?? null;
      const routine = decision !== null ? notes.closedDecisions.has(decision) && !notes.heldConfirmed.has(decision) : expiredPolls.has(index);
      if (!routine) this.incident('cancellation', block, this.pollGroup(index));
    }
    for (const who of notes.slashed) {
      const poll = notes.upheld.get(who);
      this.incident('slash', block, poll === undefined ? [null, null] : this.pollGroup(poll));
    }
  }
}

// ---------- filling (cli/src/governance/fill.rs) ----------

const big = (v: any): bigint => BigInt(v.toString());

/** `fill::aggregates`. */
function aggregatesOf(tally: any): Aggregates {
  return {
    voters: Number(tally.voters.toString()),
    totalWeight: big(tally.totalWeight),
    sumOfSquares: big(tally.sumOfSquares),
    ayes: big(tally.ayes),
    nays: big(tally.nays),
    abstains: big(tally.abstains),
    recused: Number(tally.recused.toString()),
  };
}

const recordOf = (voting: any, poll: number) => voting.votes.find(([p]: any) => Number(p.toString()) === poll)?.[1] ?? null;

/** `AccountVote::carries_delegation`. */
const carriesDelegation = (scheme: string, vote: any) => (scheme === 'Token' && vote.isStandard) || (scheme === 'Reputation' && vote.isOwn);

/** `fill::ballots`: one ballot per record with a vote on `poll`, with `Contribution::of`'s weight. */
export function ballotsOf(poll: number, records: [string, any][]): Ballot[] {
  const overriding = new Map<string, number>();
  for (const [, voting] of records) {
    const r = recordOf(voting, poll);
    if (r && r.vote.isSome && r.overrideOf.isSome) {
      const delegate = r.overrideOf.unwrap().delegate.toString();
      overriding.set(delegate, (overriding.get(delegate) ?? 0) + 1);
    }
  }
  const out: Ballot[] = [];
  for (const [who, voting] of records) {
    const r = recordOf(voting, poll);
    if (!r || r.vote.isNone) continue;
    const vote = r.vote.unwrap();
    const scheme = r.scheme.type;
    const delegated = carriesDelegation(scheme, vote) ? big(r.delegated) : 0n;
    let weight: bigint;
    if (vote.isSplit) {
      const s = vote.asSplit;
      weight = big(s.aye) + big(s.nay) + big(s.abstain);
    } else {
      weight = big(r.own) + delegated;
    }
    if (weight > U128_MAX) weight = U128_MAX;
    const delegators = delegated > 0n ? Math.max(0, Number(voting.delegators.toString()) - (overriding.get(who) ?? 0)) : 0;
    out.push({ weight, delegated, delegators });
  }
  return out;
}

/** `fill::isqrt`. */
function isqrt(n: number): number {
  let root = Math.floor(Math.sqrt(n));
  while (root * root > n) root -= 1;
  while ((root + 1) * (root + 1) <= n) root += 1;
  return root;
}

/** `fill::rescale`: `value · numerator / denominator`, exactly when it fits in 128 bits. */
function rescale(value: bigint, numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) return value;
  const product = value * numerator;
  if (product <= U128_MAX) return product / denominator;
  const x = (Number(value) * Number(numerator)) / Number(denominator);
  return x >= 2 ** 128 ? U128_MAX : BigInt(Math.floor(x));
}

/** `fill::electorate`. */
function electorateOf(scheme: Scheme, metrics: any | null, tally: any | null, holders: bigint | null, voiceCredits: number): Electorate {
  const denominator = metrics ? big(metrics.electorate) : null;
  const u64 = (x: bigint | null) => (x !== null && x < 1n << 64n ? x : null);
  switch (scheme) {
    case 'token': return { count: holders, weight: denominator };
    case 'quadratic': return { count: u64(denominator), weight: denominator === null ? null : (() => { const w = denominator * BigInt(isqrt(voiceCredits)); return w > U128_MAX ? U128_MAX : w; })() };
    case 'reputation': return {
      count: holders,
      weight: metrics && tally ? rescale(big(metrics.electorate), big(tally.totalWeight), big(metrics.totalWeight)) : metrics ? big(metrics.electorate) : null,
    };
    default: return { count: u64(denominator), weight: denominator };
  }
}

/** `fill::decision_outcome`. */
function decisionOutcome(d: DecisionTrace): DecisionOutcome | null {
  switch (d.outcome) {
    case null: return null;
    case 'Enacted': return d.overridden ? 'overridden' : d.appealRejected ? 'appealed' : 'approved';
    case 'Rejected': case 'Refused': return 'rejected';
    case 'Vetoed': return 'vetoed';
    case 'Voided': return 'voided';
    case 'Expired': return 'expired';
    default: return null;
  }
}

export interface PollExtra { track: number; voters: number; ballotsMatch: boolean }

export interface HealthData {
  /** The window: the first and last block whose events were read. */
  from: number;
  to: number;
  /** Blocks of the window whose events could not be read (state pruned). */
  unreadable: number;
  msPerBlock: number;
  dataset: Dataset;
  extras: Map<number, PollExtra>;
  warnings: string[];
}

/**
 * Reads the events of the last `window` blocks (down to block 0) and the state each poll needs,
 * as `ostrom-cli report --from <best − window + 1> --to <best>` does, and fills the records.
 */
export async function collectHealth(api: ApiPromise, window: number, msPerBlock: number, onProgress?: (done: number, total: number) => void): Promise<HealthData> {
  const to = (await api.rpc.chain.getHeader()).number.toNumber();
  let from = Math.max(0, to - window + 1);
  const hashOf = new Map<number, any>();
  const hash = async (n: number) => {
    if (!hashOf.has(n)) hashOf.set(n, await api.rpc.chain.getBlockHash(n));
    return hashOf.get(n);
  };
  const at = async (n: number): Promise<any> => api.at(await hash(n));

  // The events, in order; blocks whose state is pruned are skipped (and counted).
  const total = to - from + 1;
  const events: (any[] | null)[] = new Array(total).fill(null);
  let next = 0;
  let done = 0;
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, total) }, async () => {
    while (next < total) {
      const i = next++;
      try {
        events[i] = (await api.query.system.events.at(await hash(from + i))) as any;
      } catch {
        events[i] = null;
      }
      done += 1;
      onProgress?.(done, total);
    }
  }));
  const firstReadable = events.findIndex((e) => e !== null);
  if (firstReadable < 0) throw new Error(`the node has the state of none of blocks #${from}–#${to}`);
  const unreadable = events.filter((e) => e === null).length;
  from += firstReadable;

  const classes: Classes = new Map();
  for (const [id, info] of await (await at(from)).call.constitutionApi.classes()) classes.set(Number(id.toString()), classRow(info));
  const trace = new Trace(classes);
  for (let i = firstReadable; i < total; i++) if (events[i]) trace.applyBlock(from - firstReadable + i, events[i]!);

  // The state of each poll (`state::Reader::poll_state`).
  const voiceCredits = Number((api.consts as any).voting.voiceCredits.toString());
  const existential = big((api.consts as any).balances.existentialDeposit);
  const tokenHolders = new Map<number, bigint>();
  const repHolders = new Map<string, bigint>();
  const ongoingTally = async (index: number, block: number) => {
    const info = await (await at(block)).query.referenda.referendumInfoFor(index);
    return info.isSome && info.unwrap().isOngoing ? info.unwrap().asOngoing.tally : null;
  };
  const dataset: Dataset = { polls: [], decisions: [], incidents: trace.incidents };
  const extras = new Map<number, PollExtra>();
  const warnings: string[] = [];
  for (const poll of trace.polls.values()) {
    const last = poll.closed ?? to;
    const ongoing = poll.closed === null ? to : poll.closed > poll.created ? poll.closed - 1 : null;
    const tally = poll.tally ?? (ongoing !== null ? await ongoingTally(poll.index, ongoing) : null);
    let metrics: any = null;
    if (ongoing !== null) {
      const r = await (await at(ongoing)).call.votingApi.pollMetrics(poll.index);
      metrics = r.isSome ? r.unwrap() : null;
    }
    const lastAt = await at(last);
    const voters = [...poll.voters];
    const values: any[] = voters.length ? await lastAt.query.voting.votingFor.multi(voters.map((v) => [v, poll.track])) : [];
    const records: [string, any][] = [];
    voters.forEach((v, i) => { if (values[i].isSome) records.push([v, values[i].unwrap()]); });
    const scheme: Scheme = tally ? (lower(tally.scheme.type) as Scheme) : metrics ? (lower(metrics.scheme.type) as Scheme) : poll.scheme ?? 'token';
    let holders: bigint | null = null;
    if (scheme === 'token' && ongoing !== null) {
      if (!tokenHolders.has(ongoing)) {
        const accounts: any[] = await (await at(ongoing)).query.system.account.entries();
        tokenHolders.set(ongoing, BigInt(accounts.filter(([, a]) => big(a.data.free) >= existential).length));
      }
      holders = tokenHolders.get(ongoing)!;
    } else if (scheme === 'reputation' && ongoing !== null) {
      const domains = classDomains(trace.classes.get(Math.floor(poll.track / 4)));
      const k = `${ongoing}:${domains.join(',')}`;
      if (!repHolders.has(k)) {
        const keys: any[] = await (await at(ongoing)).query.reputation.scores.keys();
        const who = new Set(keys.filter((key) => domains.includes(Number(key.args[1].toString()))).map((key) => key.args[0].toString()));
        repHolders.set(k, BigInt(who.size));
      }
      holders = repHolders.get(k)!;
    }
    const ballots = ballotsOf(poll.index, records);
    const aggregates = tally ? aggregatesOf(tally) : emptyAggregates();
    const ballotsMatch = matchesBallots(aggregates, ballots);
    if (!ballotsMatch && tally) warnings.push(`poll ${poll.index}: the ${ballots.length} ballots read from its voters' records do not add up to its tally (${aggregates.voters} voters); its distribution measures use the ballots read`);
    const record: PollRecord = {
      index: poll.index,
      class: Math.floor(poll.track / 4),
      decision: poll.decision,
      scheme,
      kind: poll.decision === null ? 'other' : pollKindFromKind(poll.track % 4),
      created: poll.created,
      closed: poll.closed,
      outcome: poll.outcome,
      ballots,
      aggregates,
      electorate: electorateOf(scheme, metrics, tally, holders, voiceCredits),
    };
    dataset.polls.push(record);
    extras.set(poll.index, { track: poll.track, voters: voters.length, ballotsMatch });
  }
  const byIndex = new Map(dataset.polls.map((p) => [p.index, p]));
  for (const d of trace.decisions.values()) {
    let council: number | null = null;
    let community: number | null = null;
    for (const i of d.polls) {
      const p = byIndex.get(i);
      if (!p || p.closed === null) continue;
      if (p.scheme === 'council') council = council === null ? p.closed : Math.max(council, p.closed);
      else community = community === null ? p.closed : Math.max(community, p.closed);
    }
    const houses: HouseClose[] = [];
    if (council !== null) houses.push({ house: 'council', closed: council });
    if (community !== null) houses.push({ house: 'community', closed: community });
    const record: DecisionRecord = { id: d.id, class: d.class, scheme: d.scheme, proposed: d.proposed, houses, closed: d.closed, outcome: decisionOutcome(d) };
    dataset.decisions.push(record);
  }
  return { from, to, unreadable: unreadable - firstReadable, msPerBlock, dataset, extras, warnings };
}
