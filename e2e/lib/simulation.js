// A simulated Ostrom community on a development chain (issue 16), seeded and reproducible:
// accounts with heavy-tailed balances, persons, reputation with a realistic skew, delegation to a
// few popular delegates, and decisions in all four voting schemes with turnout that differs by
// scheme, plus the incidents a living community has (emergency measures, a conflict of
// interest, a challenge, a takedown, an appeal and a veto). Used by `e2e/simulate.js` (and
// `scripts/simulate.sh`) with the `full` profile and by `e2e/tests/metrics.test.js` with the
// `small` one.
//
// Everything goes through public calls, as a community would make them, except three things a
// development chain allows through sudo (Alice): the class table's periods are shortened (an
// amendment, dispatched as the amendment class with `utility.dispatchAs`), attesters are
// appointed (`reputation.setAttester`) and nothing else. All randomness comes from one seed:
// the same seed gives the same community, decisions, voters, votes and vote timing (in blocks
// after each poll opened). Which block a transaction lands in may still vary by a block with the
// machine's speed, so latencies may differ slightly between runs.
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex } from '@polkadot/util-crypto';
import {
  BlockFollower, UNIT, accountFactory, chunks, readBlock, sign, sleep, track,
} from './common.js';

export { UNIT, track };

/** The two sizes of community. */
export const PROFILES = {
  // The community of docs/metrics.md.
  full: {
    seed: 16,
    accounts: 1000,
    persons: 300,
    reputationHolders: 250,
    attestersPerDomain: 20,
    communityOstr: 3_200_000,
    tokenDelegates: 3,
    tokenDelegators: 150,
    reputationDelegates: 2,
    reputationDelegators: 60,
    decisionPeriod: 30,
    plan: 'full',
  },
  // A few dozen accounts and one decision per scheme, for the end-to-end test.
  small: {
    seed: 7,
    accounts: 60,
    persons: 24,
    reputationHolders: 20,
    attestersPerDomain: 2,
    communityOstr: 1_500_000,
    tokenDelegates: 1,
    tokenDelegators: 8,
    reputationDelegates: 1,
    reputationDelegators: 4,
    decisionPeriod: 12,
    plan: 'small',
  },
};

// ---------------------------------------------------------------------------------------------
// Randomness

/** A seeded pseudo-random generator (mulberry32) with the draws the simulation needs. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p) => next() < p,
    /** An integer in `lo..=hi`. */
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    shuffle: (xs) => {
      const out = xs.slice();
      for (let i = out.length - 1; i > 0; i -= 1) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
    /** A Pareto draw: scale `xm`, tail index `alpha` (smaller is heavier). */
    pareto: (xm, alpha) => xm / (1 - next()) ** (1 / alpha),
    /** An index drawn with the given weights. */
    weighted: (weights) => {
      const total = weights.reduce((s, w) => s + w, 0);
      let x = next() * total;
      for (let i = 0; i < weights.length; i += 1) {
        x -= weights[i];
        if (x < 0) return i;
      }
      return weights.length - 1;
    },
  };
}

const ostr = (x) => BigInt(Math.round(x * 1e6)) * 1_000_000n;

/** The name of a dispatch error (`section.Name` for a module error). */
export function errorName(api, dispatchError) {
  if (dispatchError.isModule) {
    const { section, name } = api.registry.findMetaError(dispatchError.asModule);
    return `${section}.${name}`;
  }
  return dispatchError.type ?? dispatchError.toString();
}

// ---------------------------------------------------------------------------------------------
// The chain, followed block by block

/**
 * Follows the best chain block by block (none is skipped), matches submitted transactions by
 * hash and hands every block's events to the listeners. Transactions are signed offline with
 * nonces kept here, so thousands are submitted without a round trip each.
 */
export class Chain extends BlockFollower {
  constructor(api) {
    super(api);
    this.api = api;
    this.pending = new Map();
    this.listeners = [];
    this.nonces = new Map();
  }

  /** The last block read. */
  get head() {
    return this.next - 1;
  }

  onBlock(listener) {
    this.listeners.push(listener);
  }

  async read(n) {
    const { api } = this;
    const { signed, records, byIndex } = await readBlock(api, n);
    signed.block.extrinsics.forEach((ext, i) => {
      const entry = this.pending.get(ext.hash.toHex());
      if (!entry) return;
      this.pending.delete(entry.hash);
      entry.resolve({ ...outcome(api, byIndex.get(i) ?? []), block: n });
    });
    for (const entry of this.pending.values()) {
      if (n - entry.since > 20) {
        this.pending.delete(entry.hash);
        entry.resolve({ ok: false, error: 'not included within 20 blocks', events: [], block: null });
      }
    }
    const events = records.map(({ event }) => event);
    for (const listener of this.listeners) listener(n, events);
  }

  /**
   * The next nonce of `pair` (read from the node the first time). Nonces are handed out in call
   * order, also to calls made before the first look-up answered.
   */
  nonce(pair) {
    const key = pair.address;
    const mine = this.nonces.get(key)
      ?? this.api.rpc.system.accountNextIndex(key).then((n) => n.toNumber());
    this.nonces.set(key, mine.then((n) => n + 1));
    return mine;
  }

  /** Marks `pairs` as fresh accounts (nonce 0), sparing a look-up each. */
  fresh(pairs) {
    for (const p of pairs) if (!this.nonces.has(p.address)) this.nonces.set(p.address, Promise.resolve(0));
  }

  /**
   * Signs `tx` as `pair` and submits it. Resolves once it is in a block with
   * `{ ok, error, items, events, block }` (never rejects: a refused transaction resolves with
   * `ok: false` and the reason).
   */
  async send(tx, pair) {
    if (this.failure) throw this.failure;
    const { api } = this;
    const nonce = await this.nonce(pair);
    const signed = sign(api, tx, pair, nonce);
    const hash = signed.hash.toHex();
    const result = new Promise((resolve) => this.pending.set(hash, { hash, resolve, since: this.best }));
    try {
      await api.rpc.author.submitExtrinsic(signed.toHex());
    } catch (e) {
      this.pending.delete(hash);
      // The nonce was not used: read it again next time.
      this.nonces.delete(pair.address);
      return { ok: false, error: `refused: ${e.message}`, events: [], block: null };
    }
    return result;
  }

  /** Like `send`, but throws unless the transaction (and each item of a batch) succeeded. */
  async must(what, tx, pair) {
    const r = await this.send(tx, pair);
    const failedItem = (r.items ?? []).find((e) => e !== null);
    if (!r.ok || r.error || failedItem) throw new Error(`${what}: ${r.error ?? failedItem ?? 'failed'}`);
    return r;
  }

  async untilBlock(n) {
    while (this.head < n) {
      if (this.failure) throw this.failure;
      await sleep(250);
    }
  }
}

/** Outcome and events of one extrinsic, from the events of its `ApplyExtrinsic` phase. */
function outcome(api, events) {
  const r = { ok: false, error: null, items: null, events };
  for (const e of events) {
    if (api.events.system.ExtrinsicSuccess.is(e)) r.ok = true;
    else if (api.events.system.ExtrinsicFailed.is(e)) r.error = errorName(api, e.data.dispatchError);
  }
  const items = events.filter((e) => api.events.utility.ItemCompleted.is(e) || api.events.utility.ItemFailed.is(e));
  if (items.length) r.items = items.map((e) => (api.events.utility.ItemCompleted.is(e) ? null : errorName(api, e.data.error)));
  const interrupted = events.find((e) => api.events.utility.BatchInterrupted.is(e));
  if (interrupted) r.error = r.error ?? `utility.BatchInterrupted: ${errorName(api, interrupted.data.error)}`;
  const sudid = events.find((e) => api.events.sudo.Sudid.is(e));
  if (sudid && sudid.data.sudoResult.isErr) r.error = r.error ?? `sudo: ${errorName(api, sudid.data.sudoResult.asErr)}`;
  const dispatched = events.find((e) => api.events.utility.DispatchedAs.is(e));
  if (dispatched && dispatched.data.result.isErr) r.error = r.error ?? `dispatchAs: ${errorName(api, dispatched.data.result.asErr)}`;
  return r;
}

// ---------------------------------------------------------------------------------------------
// The community

/**
 * Shortens the decision periods of the class table (a development chain's sudo dispatches the
 * amendment as the amendment class): every track gets `decisionPeriod` blocks to decide and a
 * 2-block confirmation. Thresholds, windows and everything else stay as they are.
 */
async function shortenPeriods(api, chain, alice, decisionPeriod) {
  const classes = await api.call.constitutionApi.classes();
  const calls = [];
  for (const [id, info] of classes) {
    const json = info.toJSON();
    const shorten = (t) => ({ ...t, decisionPeriod, confirmPeriod: 2, preparePeriod: 2 });
    if (json.council) json.council = shorten(json.council);
    if (json.community) json.community = { ...json.community, track: shorten(json.community.track) };
    calls.push(api.tx.utility.dispatchAs({ Constitution: { Class: 1 } }, api.tx.constitution.amendClass(id, json)));
  }
  await chain.must('shortening the decision periods', api.tx.sudo.sudo(api.tx.utility.batchAll(calls)), alice);
}

/** Splits `amount` (a number of points) into attestations of at most `max` points. */
function splitPoints(points, max) {
  const out = [];
  let left = points;
  while (left > 0) {
    out.push(Math.min(max, left));
    left -= max;
  }
  return out;
}

/**
 * Builds the community: funds the accounts (heavy-tailed balances from the development
 * accounts), issues personhood credentials, appoints attesters and attests reputation (skewed),
 * and sets up the delegations. Resolves with everything the decisions need.
 */
async function buildCommunity(api, chain, dev, p, log) {
  const rng = prng(p.seed);
  const account = accountFactory();
  const members = Array.from({ length: p.accounts }, (_, i) => account(`//ostrom-sim//${i}`));
  chain.fresh(members);
  const domains = (await api.call.reputationApi.domains()).map(([id]) => id.toNumber());
  const attesters = domains.flatMap((d) => Array.from({ length: p.attestersPerDomain }, (_, j) => ({
    domain: d, pair: account(`//ostrom-sim-attester//${d}//${j}`), points: 0,
  })));
  chain.fresh(attesters.map((a) => a.pair));

  // Balances: Pareto (tail index 1.16, the "80/20" tail), at least 3 OSTR, scaled so that the
  // community holds `communityOstr` in all; the largest holding is capped at 11 % of it.
  const raw = members.map(() => rng.pareto(1, 1.16));
  const cap = 0.11 * p.communityOstr;
  const sum = raw.reduce((s, x) => s + x, 0);
  const balances = raw.map((x) => Math.min(cap, Math.max(3, (x / sum) * p.communityOstr)));
  const balanceOf = new Map(members.map((m, i) => [m.address, ostr(balances[i])]));
  // The funders: the development accounts other than the guardians, each keeping 100,000 OSTR.
  const funders = [dev.alice, dev.bob, dev.charlie, dev.ferdie, dev.aliceStash, dev.bobStash]
    .map((pair) => ({ pair, out: 0, targets: [] }));
  const order = members.map((m, i) => i).sort((a, b) => balances[b] - balances[a]);
  for (const i of order) {
    const f = funders.reduce((min, x) => (x.out < min.out ? x : min));
    f.out += balances[i];
    f.targets.push([members[i].address, balanceOf.get(members[i].address)]);
  }
  for (const a of attesters) funders[0].targets.push([a.pair.address, 5n * UNIT]);
  log(`funding ${members.length} accounts (${p.communityOstr.toLocaleString('en-US')} OSTR, Pareto-distributed) and ${attesters.length} attesters`);
  await Promise.all(funders.flatMap((f) => chunks(f.targets, 250).map((part) => chain.must('funding',
    api.tx.utility.batchAll(part.map(([to, amount]) => api.tx.balances.transferKeepAlive(to, amount))), f.pair))));

  // Persons: a random subset gets personhood credentials from Alice (the development issuer).
  const now = chain.head;
  const persons = rng.shuffle(members).slice(0, p.persons);
  const personSet = new Set(persons.map((m) => m.address));
  // Reputation holders: mostly persons (contributors), some not; points Pareto-distributed
  // (tail index 1.3, at least 40, at most 12,000), in one main domain and often a second one.
  const nonPersons = members.filter((m) => !personSet.has(m.address));
  const fromPersons = Math.round(p.reputationHolders * 0.8);
  const holders = [...rng.shuffle(persons).slice(0, fromPersons), ...rng.shuffle(nonPersons).slice(0, p.reputationHolders - fromPersons)];
  const domainMix = [0.4, 0.15, 0.2, 0.1, 0.15];
  const reputation = new Map();
  const attestations = [];
  for (const h of holders) {
    const points = Math.round(Math.min(12_000, rng.pareto(40, 1.3)));
    const main = domains[rng.weighted(domainMix)];
    const second = rng.chance(0.4) ? domains[rng.weighted(domainMix)] : null;
    const parts = second !== null && second !== main
      ? [[main, Math.round(points * 0.7)], [second, points - Math.round(points * 0.7)]]
      : [[main, points]];
    const scores = {};
    for (const [d, pts] of parts) {
      if (pts <= 0) continue;
      scores[d] = pts;
      for (const chunk of splitPoints(pts, 1000)) attestations.push({ subject: h, domain: d, points: chunk });
    }
    reputation.set(h.address, scores);
  }
  // Each attestation goes to the attester of its domain with the fewest points so far (their
  // shares stay even, under the 20 % cap of a domain past 5,000 points).
  const batches = new Map(attesters.map((a) => [a.pair.address, []]));
  for (const at of rng.shuffle(attestations).sort((x, y) => y.points - x.points)) {
    const candidates = attesters.filter((a) => a.domain === at.domain && batches.get(a.pair.address).length < 64);
    const a = candidates.reduce((min, x) => (x.points < min.points ? x : min));
    a.points += at.points;
    batches.get(a.pair.address).push(at);
  }
  log(`issuing ${persons.length} personhood credentials, appointing ${attesters.length} attesters, guardians' measures`);
  const expiry = now + 200_000;
  const personIds = new Map(persons.map((m, i) => [m.address, 50_000 + i]));
  const daveMeasure = chain.must('a guardian pauses Proxy.add_proxy', api.tx.guardians.takeMeasure(
    { PauseCall: { pallet: 'Proxy', call: 'add_proxy' } }, blake2AsHex('simulation: proxy exploit report'), 300), dev.dave);
  const eveMeasure = chain.must('a guardian pauses Multisig.as_multi', api.tx.guardians.takeMeasure(
    { PauseCall: { pallet: 'Multisig', call: 'as_multi' } }, blake2AsHex('simulation: multisig scare'), 12), dev.eve);
  await Promise.all([
    ...chunks(persons, 150).map((part) => chain.must('credentials', api.tx.utility.batchAll(
      part.map((m) => api.tx.reputation.issueCredential(m.address, personIds.get(m.address), expiry))), dev.alice)),
    chain.must('appointing attesters', api.tx.sudo.sudo(api.tx.utility.batchAll(attesters.map((a) => api.tx.reputation.setAttester(
      a.domain, a.pair.address, 1000, 1_000_000_000)))), dev.alice),
    // Bob (a council member) has code reputation too.
    chain.must('Bob\'s reputation', api.tx.reputation.attest(dev.bob.address, 0, 600, blake2AsHex('simulation: Bob')), dev.alice),
    daveMeasure,
    eveMeasure,
  ]);
  const measures = {};
  for (const [name, r] of [['dave', await daveMeasure], ['eve', await eveMeasure]]) {
    const taken = r.events.find((e) => api.events.guardians.MeasureTaken.is(e));
    measures[name] = taken.data.id.toNumber();
  }
  log(`attesting ${attestations.length} attestations to ${holders.length} reputation holders`);
  const attested = await Promise.all(attesters.filter((a) => batches.get(a.pair.address).length).map((a) => chain.send(
    api.tx.utility.forceBatch(batches.get(a.pair.address).map((at) => api.tx.reputation.attest(
      at.subject.address, at.domain, at.points, blake2AsHex(`simulation: ${at.subject.address} ${at.domain} ${at.points}`)))),
    a.pair)));
  const attestFailures = {};
  for (const r of attested) {
    for (const e of r.items ?? []) if (e) attestFailures[e] = (attestFailures[e] ?? 0) + 1;
    if (r.error) attestFailures[r.error] = (attestFailures[r.error] ?? 0) + 1;
  }
  if (Object.keys(attestFailures).length) log(`  attestations refused: ${JSON.stringify(attestFailures)}`);

  // Delegation: popular delegates of mid-to-large holdings (token, class 3's community track)
  // and of large reputation (reputation, class 7's community track), with Zipf-like popularity.
  const byBalance = members.slice().sort((a, b) => Number(balanceOf.get(b.address) - balanceOf.get(a.address)));
  const tokenDelegates = byBalance.slice(Math.min(15, byBalance.length - p.tokenDelegates), Math.min(15, byBalance.length - p.tokenDelegates) + p.tokenDelegates);
  const whales = new Set(byBalance.slice(0, 15).map((m) => m.address));
  const tokenDelegatorPool = rng.shuffle(members.filter((m) => !whales.has(m.address) && !tokenDelegates.includes(m)));
  const tokenDelegators = tokenDelegatorPool.slice(0, p.tokenDelegators);
  const repTotal = (a) => Object.values(reputation.get(a) ?? {}).reduce((s, x) => s + x, 0);
  const byReputation = holders.slice().sort((a, b) => repTotal(b.address) - repTotal(a.address));
  const reputationDelegates = byReputation.slice(2, 2 + p.reputationDelegates);
  const reputationDelegators = rng.shuffle(byReputation.slice(2 + p.reputationDelegates)).slice(0, p.reputationDelegators);
  const zipf = (n) => Array.from({ length: n }, (_, i) => 1 / (i + 1));
  const delegations = new Map();
  const txs = [];
  for (const d of tokenDelegators) {
    const to = tokenDelegates[rng.weighted(zipf(tokenDelegates.length))];
    const amount = ((balanceOf.get(d.address) - 2n * UNIT) * 85n) / 100n;
    delegations.set(`${d.address}/${track(3, 1)}`, to.address);
    txs.push(chain.send(api.tx.voting.delegate(track(3, 1), to.address, amount), d));
  }
  for (const d of reputationDelegators) {
    const to = reputationDelegates[rng.weighted(zipf(reputationDelegates.length))];
    delegations.set(`${d.address}/${track(7, 1)}`, to.address);
    txs.push(chain.send(api.tx.voting.delegate(track(7, 1), to.address, 0), d));
  }
  log(`${tokenDelegators.length} token delegations to ${tokenDelegates.length} delegates (class 3), ${reputationDelegators.length} reputation delegations to ${reputationDelegates.length} (class 7)`);
  const delegated = await Promise.all(txs);
  const delegationFailures = delegated.filter((r) => !r.ok || r.error).map((r) => r.error);
  if (delegationFailures.length) log(`  delegations failed: ${JSON.stringify(delegationFailures)}`);

  return {
    rng, members, balanceOf, persons, personSet, personIds, holders, reputation, domains,
    tokenDelegates, tokenDelegators, reputationDelegates, reputationDelegators, delegations, measures,
    whales: byBalance.slice(0, 15), byBalance, attestFailures, delegationFailures: delegationFailures.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Decisions

/**
 * The decisions, in waves (`wave` × 6 blocks after the first). `stance` is the share of voters
 * for the proposal in the community poll (council members vote `council`), `veto` /
 * `appeal` how the council's veto poll and the community's appeal poll go, `recuse` and
 * `challenge` the conflicts of interest on the council poll.
 */
function decisionPlan(api, c, artifacts, plan) {
  const spend = (amount) => api.tx.treasury.spend(null, BigInt(amount) * UNIT, c.rng.pick(c.members).address, null);
  if (plan === 'small') {
    return [
      { wave: 0, class: 3, call: spend(2_000), stance: 0.85 },
      { wave: 0, class: 2, call: spend(400), stance: 0.85 },
      { wave: 0, class: 7, call: api.tx.reputation.addIssuer(c.members[1].address), stance: 0.8, council: 'Aye' },
      { wave: 0, class: 9, call: api.tx.guardians.ratifyMeasure(c.measures.dave, 100), council: 'Aye' },
      { wave: 0, class: 2, call: spend(900), stance: 0.2 },
    ];
  }
  return [
    { wave: 0, class: 3, call: spend(2_000), stance: 0.8 },
    { wave: 0, class: 2, call: spend(400), stance: 0.8 },
    { wave: 0, class: 7, call: api.tx.reputation.addIssuer(c.members[1].address), stance: 0.75, council: 'Aye' },
    { wave: 0, class: 9, call: api.tx.guardians.ratifyMeasure(c.measures.dave, 100), council: 'Aye' },
    { wave: 0, class: 4, call: spend(20_000), stance: 0.75, veto: 'Nay' },
    { wave: 0, class: 5, call: api.tx.artifacts.deprecate(artifacts[0]), council: 'Aye' },
    { wave: 0, class: 6, call: api.tx.artifacts.withdraw(artifacts[1]), council: 'Aye', recuse: 'charlie' },
    { wave: 0, class: 3, call: spend(8_000), stance: 0.3 },
    { wave: 1, class: 2, call: spend(900), stance: 0.35 },
    { wave: 1, class: 3, call: spend(3_000), stance: 0.85 },
    { wave: 1, class: 7, call: api.tx.reputation.addIssuer(c.members[2].address), stance: 0.3, council: 'Aye' },
    { wave: 1, class: 4, call: spend(50_000), stance: 0.8, veto: 'Aye' },
    { wave: 1, class: 5, call: api.tx.artifacts.deprecate(artifacts[2]), council: 'Aye', appeal: 0.3 },
    { wave: 1, class: 2, call: spend(250), stance: 0.9 },
    { wave: 1, class: 9, call: api.tx.guardians.ratifyMeasure(c.measures.dave, 50), council: 'Aye' },
    { wave: 2, class: 3, call: spend(1_500), stance: 0.7 },
    { wave: 2, class: 2, call: spend(600), stance: 0.75 },
    { wave: 2, class: 7, call: api.tx.reputation.setAttester(4, c.members[3].address, 500, 5_000), stance: 0.8, council: 'Aye' },
    { wave: 2, class: 6, call: api.tx.artifacts.withdraw(artifacts[3]), council: 'Nay', challenge: 'bob' },
    { wave: 2, class: 4, call: spend(30_000), stance: 0.4 },
    { wave: 2, class: 2, call: spend(1_000), stance: 0.85 },
    { wave: 2, class: 3, call: spend(5_000), stance: 0.6 },
  ];
}

/**
 * Turnout by scheme: the probability that an eligible account votes on a poll, and the block
 * (after the poll opened) at which it does.
 * - token: rises steeply with the holding (the quantile `q` of balances): whales nearly always
 *   vote, small holders rarely (≈ 12 % overall); delegates vote on their track, delegators
 *   seldom override; votes come in over 12 blocks;
 * - quadratic: every person alike, ≈ 38 %, over 10 blocks;
 * - reputation: rises with reputation (its quantile), ≈ 38 % overall, over 8 blocks; delegates
 *   nearly always vote;
 * - council: each seat 90 %, within 3 blocks.
 */
const TURNOUT = {
  token: (q) => 0.03 + 0.67 * q ** 6,
  tokenDelay: 12,
  quadratic: () => 0.38,
  quadraticDelay: 10,
  reputation: (q) => 0.12 + 0.66 * q ** 2,
  reputationDelay: 8,
  council: () => 0.9,
  councilDelay: 3,
};

/** A direction drawn for a voter of a poll whose share of ayes is `stance` (4 % abstain). */
function direction(rng, stance) {
  const x = rng.next();
  if (x < 0.04) return 'Abstain';
  return rng.next() < stance ? 'Aye' : 'Nay';
}

/**
 * The votes of one poll: `[{ delay, who, vote }]`. `scheme` and `trackId` say who may vote;
 * `stance` is the share of ayes.
 */
function planVotes(c, scheme, trackId, stance, credits, dev, councilVote, everyMember) {
  const { rng } = c;
  const votes = [];
  // Each account's quantile in `list` (sorted ascending): 0 the smallest, 1 the largest.
  const quantile = (list) => new Map(list.map((m, i) => [m.address, i / Math.max(1, list.length - 1)]));
  if (scheme === 'token') {
    const q = quantile(c.byBalance.slice().reverse());
    for (const m of c.members) {
      const delegating = c.delegations.get(`${m.address}/${trackId}`);
      const isDelegate = trackId === track(3, 1) && c.tokenDelegates.some((d) => d.address === m.address);
      const p = isDelegate ? 0.95 : delegating ? 0.05 : TURNOUT.token(q.get(m.address));
      if (!rng.chance(p)) continue;
      const balance = c.balanceOf.get(m.address);
      const share = BigInt(rng.int(30, 90));
      const amount = ((balance - 2n * UNIT) * share) / 100n;
      if (amount <= 0n) continue;
      votes.push({ delay: rng.int(0, TURNOUT.tokenDelay), who: m, vote: { Standard: { direction: direction(rng, stance), amount } } });
    }
  } else if (scheme === 'quadratic') {
    for (const m of c.persons) {
      if (!rng.chance(TURNOUT.quadratic())) continue;
      const used = credits.get(m.address) ?? 0;
      let v = [1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 7][rng.int(0, 11)];
      while (v > 0 && used + v * v > 100) v -= 1;
      if (v === 0) continue;
      credits.set(m.address, used + v * v);
      votes.push({ delay: rng.int(0, TURNOUT.quadraticDelay), who: m, vote: { Standard: { direction: direction(rng, stance), amount: v } } });
    }
  } else if (scheme === 'reputation') {
    const weights = c.classDomains.get(Math.floor(trackId / 4));
    const eligible = c.holders.filter((h) => Object.keys(c.reputation.get(h.address)).some((d) => weights.includes(Number(d))));
    const total = (m) => Object.entries(c.reputation.get(m.address)).filter(([d]) => weights.includes(Number(d))).reduce((s, [, x]) => s + x, 0);
    const ranked = eligible.slice().sort((a, b) => total(a) - total(b));
    const q = quantile(ranked);
    for (const m of eligible) {
      const delegating = c.delegations.get(`${m.address}/${trackId}`);
      const isDelegate = trackId === track(7, 1) && c.reputationDelegates.some((d) => d.address === m.address);
      const p = isDelegate ? 0.95 : delegating ? 0.05 : TURNOUT.reputation(q.get(m.address));
      if (!rng.chance(p)) continue;
      votes.push({ delay: rng.int(0, TURNOUT.reputationDelay), who: m, vote: { Own: direction(rng, stance) } });
    }
  } else {
    for (const m of [dev.alice, dev.bob, dev.charlie]) {
      if (!rng.chance(TURNOUT.council()) && !everyMember) continue;
      votes.push({ delay: rng.int(0, TURNOUT.councilDelay), who: m, vote: { Own: councilVote ?? 'Aye' } });
    }
  }
  return votes;
}

// ---------------------------------------------------------------------------------------------
// The run

/**
 * Runs the simulation on the development chain `api` is connected to (Alice must be sudo).
 * `profile` is `'full'` or `'small'` (see `PROFILES`), `overrides` replaces its parameters;
 * `log` receives progress lines. Resolves with a summary: the block range, the decisions and
 * polls with their outcomes, the votes cast and refused, and notes.
 */
export async function simulate(api, { profile = 'full', overrides = {}, log = () => {} } = {}) {
  const p = { ...PROFILES[profile], ...overrides };
  const keyring = new Keyring({ type: 'sr25519' });
  const dev = Object.fromEntries(
    [['alice', '//Alice'], ['bob', '//Bob'], ['charlie', '//Charlie'], ['dave', '//Dave'], ['eve', '//Eve'],
      ['ferdie', '//Ferdie'], ['aliceStash', '//Alice//stash'], ['bobStash', '//Bob//stash']]
      .map(([name, uri]) => [name, keyring.addFromUri(uri)]),
  );
  if ((await api.query.sudo.key()).toString() !== dev.alice.address) {
    throw new Error('this is not a development chain with Alice as sudo');
  }
  const chain = new Chain(api);
  await chain.start();
  const from = chain.best;
  const summary = { profile, parameters: p, from, to: null, decisions: [], polls: {}, votes: { cast: 0, refused: {} }, notes: [] };
  try {
    log(`shortening every track's decision period to ${p.decisionPeriod} blocks (sudo, as the amendment class)`);
    await shortenPeriods(api, chain, dev.alice, p.decisionPeriod);
    const c = await buildCommunity(api, chain, dev, p, log);
    c.classDomains = new Map((await api.call.constitutionApi.classes()).map(([id, info]) => [
      id.toNumber(), info.community.isSome ? info.community.unwrap().reputationWeights.map(([d]) => d.toNumber()) : [],
    ]));
    summary.community = {
      accounts: c.members.length,
      persons: c.persons.length,
      reputationHolders: c.holders.length,
      tokenDelegators: c.tokenDelegators.length,
      reputationDelegators: c.reputationDelegators.length,
      attestationsRefused: c.attestFailures,
      delegationsFailed: c.delegationFailures,
    };

    // Artifacts to release, deprecate and take down (registered by the largest holder).
    const artifacts = [0, 1, 2, 3].map((i) => ({ Sha2_256: blake2AsHex(`ostrom simulation artifact ${p.seed} ${i}`) }));
    const registrant = c.whales[0];
    if (p.plan === 'full') {
      await chain.must('registering artifacts', api.tx.utility.batchAll(artifacts.map((hash, i) => api.tx.artifacts.register(
        hash, i % 2 ? 'Dataset' : 'Model', `sim-artifact-${i}`, '1.0', 1_000_000 + i, null, 'Apache-2.0', []))), registrant);
    }

    const plan = decisionPlan(api, c, artifacts, p.plan);
    const credits = new Map();
    const decisions = new Map();
    const polls = new Map();
    const scheduled = [];
    const voteResults = [];
    const schemeOfTrack = (trackId) => {
      const kind = trackId % 4;
      const cls = Math.floor(trackId / 4);
      if (kind === 0) return 'council';
      if (kind === 3 && cls === 4) return 'council';
      return { 2: 'quadratic', 3: 'token', 4: 'token', 5: 'reputation', 6: 'token', 7: 'reputation', 8: 'reputation' }[cls] ?? 'token';
    };
    const openPoll = (index, trackId, decision, opened, stance, councilVote, everyMember = false) => {
      const scheme = schemeOfTrack(trackId);
      polls.set(index, { index, track: trackId, scheme, decision, opened, closed: null, outcome: null });
      const votes = planVotes(c, scheme, trackId, stance, credits, dev, councilVote, everyMember);
      for (const v of votes) scheduled.push({ block: opened + v.delay, poll: index, ...v });
    };
    const challenges = [];
    let advancer = null;

    chain.onBlock((n, events) => {
      for (const e of events) {
        const d = e.data;
        if (api.events.constitution.VetoPollOpened.is(e)) {
          const decision = decisions.get(d.decision.toNumber());
          if (decision) openPoll(d.poll.toNumber(), track(decision.class, 3), decision.id, n, 0.5, decision.plan.veto ?? 'Nay');
        } else if (api.events.constitution.AppealWindowOpened.is(e)) {
          const decision = decisions.get(d.decision.toNumber());
          if (decision && decision.plan.appeal !== undefined) {
            decision.appealed = chain.send(api.tx.constitution.appeal(decision.id), c.whales[1]);
          }
        } else if (api.events.constitution.Appealed.is(e)) {
          const decision = decisions.get(d.decision.toNumber());
          if (decision) openPoll(d.poll.toNumber(), track(decision.class, 3), decision.id, n, decision.plan.appeal ?? 0.5);
        } else if (api.events.constitution.ConflictChallenged.is(e)) {
          challenges.push({ id: d.challenge.toNumber(), poll: d.challengePoll.toNumber(), closed: false });
          // The other members uphold the challenge; the challenged member is recused from it.
          openPoll(d.challengePoll.toNumber(), track(10, 0), null, n, 1, 'Aye', true);
          for (const v of scheduled) if (v.poll === d.challengePoll.toNumber() && v.who.address === d.member.toString()) v.sent = true;
        } else if (api.events.constitution.DecisionClosed.is(e)) {
          const decision = decisions.get(d.decision.toNumber());
          if (decision) {
            decision.closed = n;
            decision.outcome = d.outcome.type;
          }
        } else if (api.events.constitution.ChallengeUpheld.is(e) || api.events.constitution.ChallengeRejected.is(e)
          || api.events.constitution.ChallengeExpired.is(e)) {
          const ch = challenges.find((x) => x.id === d.challenge.toNumber());
          if (ch) ch.closed = true;
        } else if (['Confirmed', 'Rejected', 'TimedOut', 'Cancelled', 'Killed'].some((k) => api.events.referenda[k].is(e))) {
          const poll = polls.get(d.index.toNumber());
          if (poll) {
            poll.closed = n;
            poll.outcome = e.method === 'Confirmed' ? 'Approved' : e.method;
          }
        }
      }
      // The votes due by this block.
      const due = scheduled.filter((v) => v.block <= n && !v.sent);
      for (const v of due) {
        v.sent = true;
        voteResults.push(chain.send(api.tx.voting.vote(v.poll, v.vote), v.who));
      }
    });

    // Proposals, wave by wave (6 blocks apart), each by Alice in its own transaction.
    const start = chain.head + 1;
    const waves = [...new Set(plan.map((x) => x.wave))].sort();
    for (const wave of waves) {
      await chain.untilBlock(start + wave * 6 - 1);
      const items = plan.filter((x) => x.wave === wave);
      log(`wave ${wave}: proposing ${items.length} decisions (classes ${items.map((x) => x.class).join(', ')})`);
      await Promise.all(items.map(async (item) => {
        const r = await chain.must(`proposing in class ${item.class}`, api.tx.constitution.propose(item.class, { Inline: item.call.method.toHex() }), dev.alice);
        const ev = r.events.find((e) => api.events.constitution.Proposed.is(e));
        const id = ev.data.decision.toNumber();
        const pollsOf = ev.data.polls;
        const decision = { id, class: item.class, plan: item, proposed: r.block, closed: null, outcome: null };
        decisions.set(id, decision);
        if (pollsOf.community.isSome) openPoll(pollsOf.community.unwrap().toNumber(), track(item.class, 1), id, r.block, item.stance ?? 0.5);
        if (pollsOf.council.isSome) {
          const councilPoll = pollsOf.council.unwrap().toNumber();
          openPoll(councilPoll, track(item.class, 0), id, r.block, 1, item.council ?? 'Aye');
          if (item.recuse) {
            chain.send(api.tx.constitution.declareConflict(councilPoll), dev[item.recuse]);
            // A recused member does not vote.
            for (const v of scheduled) if (v.poll === councilPoll && v.who.address === dev[item.recuse].address) v.sent = true;
          }
          if (item.challenge) {
            for (const v of scheduled) if (v.poll === councilPoll && v.who.address === dev[item.challenge].address) v.sent = true;
            chain.send(api.tx.constitution.challengeConflict(councilPoll, dev[item.challenge].address, blake2AsHex('simulation: undeclared interest')), c.whales[2]);
          }
        }
      }));
    }

    // Anyone (Ferdie) moves decisions and challenges on every third block until all are closed.
    const deadline = chain.head + p.decisionPeriod * 3 + 60;
    for (;;) {
      const open = [...decisions.values()].filter((x) => x.closed === null);
      const openChallenges = challenges.filter((x) => !x.closed);
      if (!open.length && !openChallenges.length) break;
      if (chain.head > deadline) {
        summary.notes.push(`stopped waiting at block ${chain.head}: ${open.length} decisions and ${openChallenges.length} challenges still open`);
        break;
      }
      if (advancer) await advancer;
      advancer = chain.send(api.tx.utility.forceBatch([
        ...open.map((x) => api.tx.constitution.advance(x.id)),
        ...openChallenges.map((x) => api.tx.constitution.advanceChallenge(x.id)),
      ]), dev.ferdie);
      await chain.untilBlock(chain.head + 3);
    }
    await chain.untilBlock(chain.head + 1);
    const results = await Promise.all(voteResults);
    for (const r of results) {
      if (r.ok && !r.error) summary.votes.cast += 1;
      else summary.votes.refused[r.error] = (summary.votes.refused[r.error] ?? 0) + 1;
    }
    summary.to = chain.head;
    summary.decisions = [...decisions.values()].map((x) => ({
      id: x.id, class: x.class, proposed: x.proposed, closed: x.closed, outcome: x.outcome,
    }));
    summary.polls = Object.fromEntries([...polls.values()].map((x) => [x.index, {
      track: x.track, scheme: x.scheme, decision: x.decision, opened: x.opened, closed: x.closed, outcome: x.outcome,
      votesPlanned: scheduled.filter((v) => v.poll === x.index).length,
    }]));
    summary.challenges = challenges.length;
    log(`done: ${decisions.size} decisions, ${polls.size} polls, ${summary.votes.cast} votes cast`
      + ` (${Object.entries(summary.votes.refused).map(([k, v]) => `${v} ${k}`).join(', ') || 'none refused'}), blocks #${from}..#${summary.to}`);
    return summary;
  } finally {
    chain.stop();
  }
}
