// Vote throughput and cost on a release development chain (issue #15). Run by
// `scripts/bench-votes.sh`, which builds and starts the node, stops it, re-executes the blocks
// and then calls this script's report step; see that script for the whole procedure.
//
//   node e2e/bench-votes.js run    --url ws://… --log node.log --raw raw.json --range range.env
//                                  [--n 2000] [--delegators 1,1000,10000] [--signed-delegations 1000]
//   node e2e/bench-votes.js report --raw raw.json --log node.log --bench bench-block.log
//                                  --json bench-votes.json --doc docs/performance.md --svg docs/performance-votes.svg
//                                  [--repeat 5] [--repeat-single 50] [--commit id]
//
// `run` drives a fresh `ostrom-node --dev` through public calls only (balances, utility, sudo,
// reputation, constitution, voting): it funds N accounts `//bench//i` with batched transfers,
// makes them persons (personhood credentials from Alice, the development issuer) and reputation
// holders (attestations from attesters appointed with sudo), opens one poll per scheme with
// `constitution.propose`, and has every account vote on each poll at once: all votes are signed
// first and then submitted without waiting (`author_submitExtrinsic`), and every block is read to
// see which votes it included. It then compares a vote's weight and fee with a transfer's
// (`TransactionPaymentApi.query_info`) and measures a delegate's vote with 1, 1,000 and 10,000
// delegators. `report` adds the block production times from the node's log and the block
// re-execution (import) times of `ostrom-node benchmark block`, and writes the JSON, the generated
// section of docs/performance.md and the chart.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { stringToHex } from '@polkadot/util';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import {
  BlockFollower, UNIT, accountFactory, chunks, logger, parseArgs, readBlock, sign, sleep, track,
} from './lib/common.js';

const SCHEMES = ['token', 'quadratic', 'reputation', 'council'];
/** Development classes used: their community (or council) polls are in the scheme named. */
const CLASS = { token: 3, quadratic: 2, reputation: 7, delegation: 4 };

const { stamp, say } = logger();
const fmt = (x, digits = 0) => Number(x).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ostr = (plancks) => Number(plancks) / 1e12;
const plural = (n, word) => `${fmt(n)} ${word}${n === 1 ? '' : 's'}`;
const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const ratio = (a, b) => (a != null && b ? a / b : null);

class BenchError extends Error {}
const fail = (message) => { throw new BenchError(message); };


// ---------------------------------------------------------------------------------------------
// Accounts


// ---------------------------------------------------------------------------------------------
// The chain, read block by block

/** The name of a dispatch error (`section.Name` for a module error). */
function errorName(api, dispatchError) {
  if (dispatchError.isModule) {
    const { section, name } = api.registry.findMetaError(dispatchError.asModule);
    return `${section}.${name}`;
  }
  return dispatchError.type ?? dispatchError.toString();
}

/** Outcome, weight, fee and events of one extrinsic, from the events of its `ApplyExtrinsic` phase. */
function outcome(api, events, keepEvents) {
  const r = { ok: false, error: null, refTime: null, proofSize: null, fee: null, counts: {}, events: keepEvents ? events : undefined };
  for (const e of events) {
    const key = `${e.section}.${e.method}`;
    r.counts[key] = (r.counts[key] ?? 0) + 1;
    if (api.events.system.ExtrinsicSuccess.is(e) || api.events.system.ExtrinsicFailed.is(e)) {
      const { weight } = e.data.dispatchInfo;
      r.refTime = Number(weight.refTime.toBigInt());
      r.proofSize = Number(weight.proofSize.toBigInt());
      if (api.events.system.ExtrinsicSuccess.is(e)) r.ok = true;
      else r.error = errorName(api, e.data.dispatchError);
    } else if (api.events.transactionPayment.TransactionFeePaid.is(e)) {
      r.fee = Number(e.data.actualFee.toBigInt());
    }
  }
  // Batches: the outcome of each item, in order (`utility.ItemCompleted` / `ItemFailed`).
  const items = events.filter((e) => e.section === 'utility' && (e.method === 'ItemCompleted' || e.method === 'ItemFailed'));
  if (items.length) {
    r.items = items.map((e) => (e.method === 'ItemCompleted' ? null : errorName(api, e.data.error)));
  }
  const interrupted = events.find((e) => api.events.utility.BatchInterrupted.is(e));
  if (interrupted) r.error = r.error ?? `utility.BatchInterrupted at item ${interrupted.data.index}: ${errorName(api, interrupted.data.error)}`;
  const sudid = events.find((e) => api.events.sudo.Sudid.is(e));
  if (sudid && sudid.data.sudoResult.isErr) r.error = r.error ?? `sudo: ${errorName(api, sudid.data.sudoResult.asErr)}`;
  return r;
}

/**
 * Follows the best chain from the current block on, reading every block (none is skipped), and
 * matches the extrinsics submitted through it by hash. `seenAt` is when the block was announced
 * as the new best block (the node imports its own blocks right after proposing them). Blocks are
 * read through their own connection (`reader`), so that thousands of submissions queued on `api`
 * do not delay the announcements.
 */
class Chain extends BlockFollower {
  constructor(api, reader) {
    super(reader);
    this.api = api;
    this.blocks = new Map();
    this.pending = new Map();
    this.seen = new Map();
  }

  onHead(n) {
    if (!this.seen.has(n)) this.seen.set(n, Date.now());
  }

  async read(n) {
    const api = this.reader;
    const { signed, byIndex } = await readBlock(api, n);
    const block = { number: n, seenAt: this.seen.get(n) ?? Date.now(), timestamp: null, extrinsics: 0, labels: {} };
    signed.block.extrinsics.forEach((ext, i) => {
      block.extrinsics += 1;
      if (ext.method.section === 'timestamp' && ext.method.method === 'set') block.timestamp = Number(ext.method.args[0].toBigInt());
      const entry = this.pending.get(ext.hash.toHex());
      if (!entry) return;
      this.pending.delete(entry.hash);
      entry.result = { ...outcome(api, byIndex.get(i) ?? [], entry.keepEvents), block: n, index: i, seenAt: block.seenAt };
      const l = block.labels[entry.label] ?? (block.labels[entry.label] = { included: 0, ok: 0, failed: 0 });
      l.included += 1;
      if (entry.result.ok && !entry.result.error) l.ok += 1;
      else l.failed += 1;
    });
    this.blocks.set(n, block);
  }

  /**
   * Submits the signed `txs` all at once (`author_submitExtrinsic`, not watched) and waits until
   * every accepted one is in a block, or until `stallBlocks` blocks pass without one of them.
   */
  async submitAll(label, txs, { keepEvents = false, stallBlocks = 8 } = {}) {
    const { api } = this;
    const entries = txs.map((tx) => ({ hash: tx.hash.toHex(), hex: tx.toHex(), label, keepEvents, result: null }));
    for (const e of entries) this.pending.set(e.hash, e);
    const t0 = Date.now();
    const answers = await Promise.allSettled(entries.map((e) => api.rpc.author.submitExtrinsic(e.hex)));
    const tAck = Date.now();
    const rejected = {};
    answers.forEach((a, i) => {
      if (a.status === 'rejected') {
        this.pending.delete(entries[i].hash);
        entries[i].rejected = String(a.reason?.message ?? a.reason);
        rejected[entries[i].rejected] = (rejected[entries[i].rejected] ?? 0) + 1;
      }
    });
    const accepted = entries.filter((e) => !e.rejected);
    let progressAt = this.best;
    let done = 0;
    for (;;) {
      if (this.failure) throw this.failure;
      const now = accepted.filter((e) => e.result).length;
      if (now !== done) {
        done = now;
        progressAt = this.best;
      }
      if (done === accepted.length) break;
      if (this.best - progressAt >= stallBlocks) break;
      await sleep(200);
    }
    for (const e of accepted) if (!e.result) this.pending.delete(e.hash);
    return summarise(label, entries, { t0, tAck, rejected, blocks: this.blocks });
  }

  /** Resolves once `count` more blocks have been read. */
  async nextBlocks(count = 1) {
    const target = this.best + count;
    while (this.next <= target) {
      if (this.failure) throw this.failure;
      await sleep(200);
    }
  }

  /** Signs `tx` as `pair` (next nonce from the node), submits it and waits for its block. */
  async send(label, tx, pair, { check = true } = {}) {
    const nonce = (await this.api.rpc.system.accountNextIndex(pair.address)).toNumber();
    const s = await this.submitAll(label, [sign(this.api, tx, pair, nonce)], { keepEvents: true });
    const r = s.results[0];
    if (check && (!r || !r.ok || r.error)) {
      fail(`${label}: ${r ? r.error ?? 'failed' : s.rejected[0] ?? 'not included'}`);
    }
    return r;
  }
}

function summarise(label, entries, { t0, tAck, rejected, blocks }) {
  const included = entries.filter((e) => e.result);
  const perBlock = new Map();
  for (const e of included) {
    const b = perBlock.get(e.result.block) ?? { block: e.result.block, included: 0, ok: 0, failed: 0 };
    b.included += 1;
    if (e.result.ok && !e.result.error) b.ok += 1;
    else b.failed += 1;
    perBlock.set(e.result.block, b);
  }
  const errors = {};
  for (const e of included) {
    if (e.result.error) errors[e.result.error] = (errors[e.result.error] ?? 0) + 1;
  }
  const rows = [...perBlock.values()].sort((a, b) => a.block - b.block);
  for (const row of rows) {
    const block = blocks.get(row.block);
    row.seenAt = block?.seenAt ?? null;
    row.sinceSubmit = block ? (block.seenAt - t0) / 1000 : null;
    row.extrinsics = block?.extrinsics ?? null;
    row.timestamp = block?.timestamp ?? null;
  }
  const last = rows.length ? rows[rows.length - 1] : null;
  return {
    label,
    submitted: entries.length,
    rejected: entries.filter((e) => e.rejected).length,
    rejectedReasons: rejected,
    included: included.length,
    ok: included.filter((e) => e.result.ok && !e.result.error).length,
    failed: included.filter((e) => !e.result.ok || e.result.error).length,
    missing: entries.filter((e) => !e.rejected && !e.result).length,
    errors,
    submitSeconds: (tAck - t0) / 1000,
    firstToLastInclusionSeconds: last ? (last.seenAt - t0) / 1000 : null,
    perBlock: rows,
    results: entries.map((e) => e.result),
    rejectedList: entries.map((e) => e.rejected ?? null),
  };
}

/** Account nonces (from state: nothing of theirs may be pending in the pool). */
async function nonces(api, addresses) {
  const out = [];
  for (const part of chunks(addresses, 500)) {
    const infos = await api.query.system.account.multi(part);
    out.push(...infos.map((info) => info.nonce.toNumber()));
  }
  return out;
}

/** Block production times from the node's log: number → { ms, end, extrinsics }. */
function parseProposals(logPath) {
  const out = new Map();
  if (!logPath || !existsSync(logPath)) return out;
  const re = /Prepared block for proposing at (\d+) \((\d+) ms\).*?end: (\w+); extrinsics_count: (\d+)/;
  for (const line of readFileSync(logPath, 'utf8').split('\n')) {
    const m = re.exec(line);
    if (m) out.set(Number(m[1]), { ms: Number(m[2]), end: m[3], extrinsics: Number(m[4]) });
  }
  return out;
}

function printStorm(summary, what, logPath) {
  const proposals = parseProposals(logPath);
  for (const row of summary.perBlock) {
    const p = proposals.get(row.block);
    say(`  block #${row.block}: ${fmt(row.ok)} ${what}${row.failed ? ` (+${row.failed} failed)` : ''}`
      + ` of ${row.extrinsics} extrinsics, in a block at +${fmt(row.sinceSubmit, 1)} s`
      + (p ? `; proposed in ${p.ms} ms (${p.end})` : ''));
  }
  say(`  ${fmt(summary.ok)} of ${fmt(summary.submitted)} ${what} included in ${plural(summary.perBlock.length, 'block')};`
    + ` submission took ${fmt(summary.submitSeconds, 1)} s, first submission to last inclusion ${fmt(summary.firstToLastInclusionSeconds ?? NaN, 1)} s`);
  if (summary.rejected) say(`  rejected by the pool: ${JSON.stringify(summary.rejectedReasons)}`);
  if (summary.failed) say(`  failed in their blocks: ${JSON.stringify(summary.errors)}`);
  if (summary.missing) say(`  not included (the chain stopped including them): ${summary.missing}`);
}

/** A compact copy of a storm summary for the JSON (no per-transaction records). */
function compact(summary) {
  const { results, rejectedList, ...rest } = summary;
  const okResults = results.filter((r) => r && r.ok && !r.error);
  return {
    ...rest,
    meanRefTime: mean(okResults.map((r) => r.refTime)),
    meanProofSize: mean(okResults.map((r) => r.proofSize)),
    meanFee: mean(okResults.filter((r) => r.fee != null).map((r) => r.fee)),
    // The distinct weights charged, most frequent first: `[refTime, count]`.
    refTimes: Object.entries(okResults.reduce((m, r) => ({ ...m, [r.refTime]: (m[r.refTime] ?? 0) + 1 }), {}))
      .map(([w, n]) => [Number(w), n]).sort((a, b) => b[1] - a[1]),
  };
}

// ---------------------------------------------------------------------------------------------
// The benchmark

async function run(opts) {
  const N = Number(opts.n ?? process.env.N ?? 2000);
  const delegatorSteps = String(opts.delegators ?? process.env.DELEGATORS ?? '1,1000,10000')
    .split(',').map((s) => Number(s.trim())).filter((x) => x > 0).sort((a, b) => a - b);
  const signedDelegations = Number(opts['signed-delegations'] ?? process.env.SIGNED_DELEGATIONS ?? 1000);
  if (!Number.isInteger(N) || N < 1) fail(`N must be a positive integer, not ${opts.n ?? process.env.N}`);
  await cryptoWaitReady();
  const connect = async () => {
    const provider = new WsProvider(opts.url, 1000, {}, 600_000);
    try {
      return await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
    } catch (e) {
      await provider.disconnect().catch(() => {});
      return fail(`cannot connect to the node at ${opts.url}: ${e?.message ?? e?.type ?? e}`);
    }
  };
  const api = await connect();
  const reader = await connect();
  const chain = new Chain(api, reader);
  await chain.start();
  const account = accountFactory();
  const dev = Object.fromEntries(['Alice', 'Bob', 'Charlie'].map((n) => [n.toLowerCase(), new Keyring({ type: 'sr25519' }).addFromUri(`//${n}`)]));
  const { alice } = dev;
  const raw = {
    startedAt: new Date().toISOString(),
    n: N,
    node: {
      version: (await api.rpc.system.version()).toString(),
      chain: (await api.rpc.system.chain()).toString(),
      specVersion: api.runtimeVersion.specVersion.toNumber(),
    },
    machine: {
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      // The 1-minute load average before the run: other work on the machine slows block
      // production and re-execution (not the votes per block, which the weights decide).
      loadAverageBefore: os.loadavg()[0],
    },
    limits: {},
    schemes: {},
    notes: [],
  };
  const note = (text) => {
    raw.notes.push(text);
    say(`NOTE: ${text}`);
  };
  const limits = raw.limits;
  limits.maxBlockRefTime = Number(api.consts.system.blockWeights.maxBlock.refTime.toBigInt());
  limits.normalRefTime = Number(api.consts.system.blockWeights.perClass.normal.maxTotal.unwrap().refTime.toBigInt());
  limits.baseExtrinsicRefTime = Number(api.consts.system.blockWeights.perClass.normal.baseExtrinsic.refTime.toBigInt());
  limits.maxAttestationsPerAttester = api.consts.reputation.maxAttestationsPerAttester.toNumber();
  limits.maxAttestersPerDomain = api.consts.reputation.maxAttestersPerDomain.toNumber();
  limits.maxCredentialsPerIssuer = api.consts.reputation.maxCredentialsPerIssuer.toNumber();
  limits.voiceCredits = api.consts.voting.voiceCredits.toNumber();
  say(`connected to ${raw.node.chain} (ostrom-node ${raw.node.version}, spec ${raw.node.specVersion}) at block #${chain.best}; N = ${N}`);
  if ((await api.query.sudo.key()).toString() !== alice.address) fail('this is not a development chain with Alice as sudo');

  // -- Accounts -------------------------------------------------------------------------------
  say(`deriving ${N} accounts //bench//0 … //bench//${N - 1}`);
  const voters = Array.from({ length: N }, (_, i) => account(`//bench//${i}`));
  const perAttester = limits.maxAttestationsPerAttester;
  const attestersPerDomain = Math.min(60, limits.maxAttestersPerDomain - 2);
  const domains = (await api.call.reputationApi.domains()).map(([id]) => id.toNumber());
  const maxAttesters = attestersPerDomain * domains.length;
  const attesterCount = Math.min(Math.ceil(N / perAttester), maxAttesters);
  const attesters = Array.from({ length: attesterCount }, (_, j) => account(`//bench-attester//${j}`));
  const delegate = account('//bench-delegate');

  // -- Funding --------------------------------------------------------------------------------
  const fund = async (label, targets, amount) => {
    let nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
    const txs = chunks(targets, 1000).map((part) => sign(api,
      api.tx.utility.batchAll(part.map((a) => api.tx.balances.transferKeepAlive(a.address, amount))), alice, nonce++));
    const s = await chain.submitAll(label, txs);
    if (s.ok !== txs.length) fail(`${label}: ${s.ok} of ${txs.length} transfer batches succeeded: ${JSON.stringify({ ...s.errors, ...s.rejectedReasons })}`);
    return s;
  };
  say(`funding ${N} voters, ${attesterCount} attesters and a delegate with 10 OSTR each (batches of 1,000 transfers from Alice)`);
  const funding = await fund('fund', [...voters, ...attesters, delegate], 10n * UNIT);
  say(`  funded in blocks ${funding.perBlock.map((b) => `#${b.block}`).join(', ')}`);
  raw.funding = compact(funding);

  // -- Personhood: credentials from Alice (the development issuer) ----------------------------
  say(`issuing ${N} personhood credentials from Alice (batches of 250 issueCredential)`);
  const now = chain.best;
  const expiry = now + 100_000;
  let nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
  const credentialBatches = chunks(voters.map((v, i) => [v, i]), 250);
  const credentials = await chain.submitAll('credentials', credentialBatches.map((part) => sign(api,
    api.tx.utility.forceBatch(part.map(([v, i]) => api.tx.reputation.issueCredential(v.address, 1_000_000 + i, expiry))),
    alice, nonce++)));
  const persons = [];
  credentials.results.forEach((r, b) => {
    credentialBatches[b].forEach(([v], k) => {
      if (r && r.ok && r.items && r.items[k] === null) persons.push(v);
    });
  });
  const credentialErrors = {};
  credentials.results.forEach((r) => (r?.items ?? []).filter(Boolean).forEach((e) => { credentialErrors[e] = (credentialErrors[e] ?? 0) + 1; }));
  say(`  ${persons.length} of ${N} accounts are persons (blocks ${credentials.perBlock.map((b) => `#${b.block}`).join(', ')})`);
  if (persons.length < N) note(`only ${persons.length} of ${N} accounts could be made persons: ${JSON.stringify({ ...credentialErrors, ...credentials.errors })}`);
  if (!persons.length) fail('no account could be made a person: no quadratic votes possible');

  // -- Reputation: attesters appointed with sudo, one point per voter -------------------------
  // An attester keeps at most `maxAttestationsPerAttester` revocable attestations (a week), so
  // the voters need ⌈N / that⌉ attesters; each domain takes at most `maxAttestersPerDomain`.
  const attestable = Math.min(N, attesterCount * perAttester);
  if (attestable < N) note(`reputation: ${attesterCount} attesters (${attestersPerDomain} per domain in ${domains.length} domains) × ${perAttester} attestations reach only ${attestable} of ${N} accounts`);
  say(`appointing ${attesterCount} attesters with sudo (reputation.setAttester), then attesting 1 point to ${attestable} accounts`);
  const domainOf = (j) => domains[Math.floor(j / attestersPerDomain)];
  await chain.send('set-attesters', api.tx.sudo.sudo(api.tx.utility.batchAll(attesters.map((a, j) => api.tx.reputation.setAttester(domainOf(j), a.address, 1000, 1_000_000_000)))), alice);
  const attesterNonces = await nonces(api, attesters.map((a) => a.address));
  const attestBatches = attesters.map((a, j) => voters.slice(j * perAttester, (j + 1) * perAttester));
  const attestations = await chain.submitAll('attestations', attesters.map((a, j) => sign(api,
    api.tx.utility.forceBatch(attestBatches[j].map((v) => api.tx.reputation.attest(v.address, domainOf(j), 1, blake2AsHex(`bench ${v.address}`)))),
    a, attesterNonces[j])));
  const holders = [];
  const attestErrors = {};
  attestations.results.forEach((r, j) => {
    attestBatches[j].forEach((v, k) => {
      if (r && r.ok && r.items && r.items[k] === null) holders.push(v);
    });
    (r?.items ?? []).filter(Boolean).forEach((e) => { attestErrors[e] = (attestErrors[e] ?? 0) + 1; });
  });
  say(`  ${holders.length} of ${N} accounts hold reputation (blocks ${attestations.perBlock.map((b) => `#${b.block}`).join(', ')})`);
  if (holders.length < N) note(`only ${holders.length} of ${N} accounts could be given reputation: ${JSON.stringify({ ...attestErrors, ...attestations.errors, ...attestations.rejectedReasons })}`);
  if (!holders.length) fail('no account could be given reputation: no reputation votes possible');

  // -- Polls ------------------------------------------------------------------------------------
  // One proposal per scheme (a remark, which no poll will approve: two voters in three vote nay),
  // in one transaction; parameter-change (class 7) opens a reputation and a council poll.
  say('proposing a remark in classes 3 (token), 2 (quadratic) and 7 (reputation + council)');
  const proposals = await proposePolls(api, chain, alice, [CLASS.token, CLASS.quadratic, CLASS.reputation]);
  const polls = {
    token: proposals[0].community,
    quadratic: proposals[1].community,
    reputation: proposals[2].community,
    council: proposals[2].council,
  };
  for (const scheme of SCHEMES) {
    if (polls[scheme] == null) fail(`no ${scheme} poll was opened (proposals: ${JSON.stringify(proposals)})`);
    const metrics = await api.call.votingApi.pollMetrics(polls[scheme]);
    if (metrics.isNone) fail(`the ${scheme} poll #${polls[scheme]} is not ongoing`);
    const kind = metrics.unwrap().scheme.toString().toLowerCase();
    if (kind !== scheme) fail(`poll #${polls[scheme]} is in the ${kind} scheme, not ${scheme}`);
  }
  say(`  polls: ${SCHEMES.map((s) => `${s} #${polls[s]}`).join(', ')}`);
  raw.polls = polls;

  // -- Cost of a vote against a transfer --------------------------------------------------------
  raw.cost = await costRatios(api, voters[0], alice, polls.token);
  const c = raw.cost;
  say(`cost (TransactionPaymentApi.query_info, fee multiplier ${fmt(c.multiplier, 4)}):`);
  say(`  token vote:      ref_time ${fmt(c.vote.refTime)} ps, partial fee ${fmt(ostr(c.vote.partialFee), 6)} OSTR, ${c.vote.length} bytes`);
  say(`  transferKeepAlive: ref_time ${fmt(c.transfer.refTime)} ps, partial fee ${fmt(ostr(c.transfer.partialFee), 6)} OSTR, ${c.transfer.length} bytes`);
  say(`  vote / transfer: weight × ${fmt(c.weightRatio, 2)}, fee × ${fmt(c.feeRatio, 2)}`);

  // -- The vote storms ----------------------------------------------------------------------------
  const direction = (i) => (i % 3 === 0 ? 'Aye' : 'Nay');
  const storm = async (scheme, who, makeVote) => {
    const ns = await nonces(api, who.map((a) => a.address));
    say(`${scheme}: signing ${who.length} votes on poll #${polls[scheme]}`);
    const txs = who.map((a, i) => sign(api, api.tx.voting.vote(polls[scheme], makeVote(i)), a, ns[i]));
    say(`${scheme}: submitting ${txs.length} votes at once`);
    const s = await chain.submitAll(`vote-${scheme}`, txs, { stallBlocks: 10 });
    printStorm(s, 'votes', opts.log);
    if (!s.ok) fail(`${scheme}: no vote was included (${JSON.stringify({ ...s.errors, ...s.rejectedReasons })})`);
    const metrics = await api.call.votingApi.pollMetrics(polls[scheme]);
    const m = metrics.isSome ? metrics.unwrap() : null;
    const out = compact(s);
    out.poll = polls[scheme];
    out.voters = who.length;
    if (m) {
      out.tally = { voters: m.voters.toNumber(), ayes: m.ayes.toString(), nays: m.nays.toString(), electorate: m.electorate.toString() };
      say(`  tally of poll #${polls[scheme]}: ${out.tally.voters} voters, ayes ${out.tally.ayes}, nays ${out.tally.nays}, electorate ${out.tally.electorate}`);
    }
    raw.schemes[scheme] = out;
    return out;
  };
  await storm('token', voters, (i) => ({ Standard: { direction: direction(i), amount: UNIT } }));
  await storm('quadratic', persons, (i) => ({ Standard: { direction: direction(i), amount: 1 } }));
  await storm('reputation', holders, (i) => ({ Own: direction(i) }));
  // A seat is `Seat { member, term_end }` (a `(member, term_end)` tuple in older runtimes).
  const council = (await api.call.constitutionApi.council()).map((seat) => (seat.member ?? seat[0]).toString());
  const seats = Object.values(dev).filter((p) => council.includes(p.address));
  note(`council: the development council has ${council.length} seats; ${seats.length} of them (the development accounts) vote`);
  await storm('council', seats, () => ({ Own: 'Aye' }));

  // Actual cost of a transfer, for the ratio with the votes' actual cost.
  const transfer = await chain.send('transfer', api.tx.balances.transferKeepAlive(alice.address, UNIT), voters[N - 1]);
  raw.cost.actualTransfer = { refTime: transfer.refTime, fee: transfer.fee, block: transfer.block };
  for (const scheme of SCHEMES) {
    const s = raw.schemes[scheme];
    s.actualWeightRatio = ratio(s.meanRefTime, transfer.refTime);
    s.actualFeeRatio = ratio(s.meanFee, transfer.fee);
    say(`  ${scheme} vote, actual: ref_time ${fmt(s.meanRefTime)} ps (× ${fmt(s.actualWeightRatio, 2)} a transfer's ${fmt(transfer.refTime)}), fee ${fmt(ostr(s.meanFee), 6)} OSTR (× ${fmt(s.actualFeeRatio, 2)})`);
  }

  // `benchmark block` re-executes these blocks; the first block a process executes also pays
  // for compiling the runtime, so each range starts one block early (a block without votes).
  const voteBlocks = SCHEMES.flatMap((s) => raw.schemes[s].perBlock.map((b) => b.block));
  raw.benchRange = { from: Math.max(1, Math.min(...voteBlocks) - 1), to: Math.max(...voteBlocks) };

  // -- Delegation -------------------------------------------------------------------------------
  if (delegatorSteps.length) {
    raw.delegation = await delegation(api, chain, {
      alice, delegate, voters, account, steps: delegatorSteps, signedDelegations, log: opts.log, note, limits,
    });
  }

  raw.blocks = Object.fromEntries([...chain.blocks.values()].map((b) => [b.number, { seenAt: b.seenAt, timestamp: b.timestamp, extrinsics: b.extrinsics, labels: b.labels }]));
  raw.finishedAt = new Date().toISOString();
  raw.machine.loadAverageAfter = os.loadavg()[0];
  // The blocks of the delegate's measured votes are re-executed too (each after the block before
  // it, for the same reason): their import time shows whether the vote's cost grows with the
  // delegators.
  raw.benchExtra = (raw.delegation?.steps ?? []).map((s) => s.actual.block);
  chain.stop();
  await api.disconnect();
  await reader.disconnect();
  writeFileSync(opts.raw, JSON.stringify(raw, null, 1));
  if (opts.range) writeFileSync(opts.range, `FROM=${raw.benchRange.from}\nTO=${raw.benchRange.to}\nEXTRA="${raw.benchExtra.join(' ')}"\n`);
  say(`raw results written; blocks to re-execute: #${raw.benchRange.from} … #${raw.benchRange.to}${raw.benchExtra.length ? ` and ${raw.benchExtra.map((b) => `#${b}`).join(', ')}` : ''}`);
}

/** Proposes a remark in each class (one transaction); resolves with each decision's polls. */
async function proposePolls(api, chain, signer, classes) {
  const calls = classes.map((c) => api.tx.constitution.propose(c, { Inline: api.tx.system.remark(stringToHex(`bench-votes class ${c}`)).method.toHex() }));
  const r = await chain.send('propose', calls.length === 1 ? calls[0] : api.tx.utility.batchAll(calls), signer);
  const proposed = r.events.filter((e) => api.events.constitution.Proposed.is(e));
  if (proposed.length !== classes.length) fail(`constitution.propose: ${proposed.length} Proposed events for ${classes.length} proposals`);
  const index = (o) => (o.isSome ? o.unwrap().toNumber() : null);
  return proposed.map((e) => ({
    decision: e.data.decision.toNumber(),
    council: index(e.data.polls.council),
    community: index(e.data.polls.community),
  }));
}

/** `query_info` (and `query_fee_details`) of a signed transaction. */
async function paymentInfo(api, tx) {
  const u8a = tx.toU8a();
  const [info, details] = await Promise.all([
    api.call.transactionPaymentApi.queryInfo(u8a, u8a.length),
    api.call.transactionPaymentApi.queryFeeDetails(u8a, u8a.length),
  ]);
  const inclusion = details.inclusionFee.isSome ? details.inclusionFee.unwrap() : null;
  return {
    refTime: Number(info.weight.refTime.toBigInt()),
    proofSize: Number(info.weight.proofSize.toBigInt()),
    partialFee: Number(info.partialFee.toBigInt()),
    baseFee: inclusion ? Number(inclusion.baseFee.toBigInt()) : null,
    lenFee: inclusion ? Number(inclusion.lenFee.toBigInt()) : null,
    adjustedWeightFee: inclusion ? Number(inclusion.adjustedWeightFee.toBigInt()) : null,
    length: u8a.length,
  };
}

async function feeMultiplier(api) {
  return Number((await api.query.transactionPayment.nextFeeMultiplier()).toBigInt()) / 1e18;
}

async function costRatios(api, voter, to, poll) {
  const nonce = (await api.rpc.system.accountNextIndex(voter.address)).toNumber();
  const vote = await paymentInfo(api, sign(api, api.tx.voting.vote(poll, { Standard: { direction: 'Aye', amount: UNIT } }), voter, nonce));
  const transfer = await paymentInfo(api, sign(api, api.tx.balances.transferKeepAlive(to.address, UNIT), voter, nonce));
  return {
    multiplier: await feeMultiplier(api),
    vote,
    transfer,
    weightRatio: vote.refTime / transfer.refTime,
    feeRatio: vote.partialFee / transfer.partialFee,
  };
}

/**
 * A delegate's vote on a token poll with 1, 1,000 and 10,000 delegators in its class: declared
 * (`query_info`) and actual (events) weight and fee, and the ballot weight it carries. The delegate
 * removes its vote after each measurement, so that every measured vote is a new vote on a poll it
 * has not voted on. The first `signedDelegations` delegations are signed transactions of the
 * delegators (their throughput is reported); the rest are dispatched as the delegators in sudo
 * batches (`utility.dispatchAs` under `sudo.sudoUncheckedWeight`), so that 10,000 delegations take
 * a few blocks instead of more than a hundred.
 */
async function delegation(api, chain, { alice, delegate, voters, account, steps, signedDelegations, log, note, limits }) {
  const classId = track(CLASS.delegation, 1);
  const max = steps[steps.length - 1];
  say(`delegation: ${max} delegators in class ${classId} (big-spend community, token)`);
  const delegators = voters.slice(0, max);
  if (max > voters.length) {
    say(`  deriving and funding ${max - voters.length} more delegators //bench//${voters.length} … //bench//${max - 1} (5 OSTR each)`);
    for (let i = voters.length; i < max; i += 1) delegators.push(account(`//bench//${i}`));
    let nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
    const txs = chunks(delegators.slice(voters.length), 1000).map((part) => sign(api,
      api.tx.utility.batchAll(part.map((a) => api.tx.balances.transferKeepAlive(a.address, 5n * UNIT))), alice, nonce++));
    const s = await chain.submitAll('fund-delegators', txs);
    if (s.ok !== txs.length) fail(`funding delegators: ${s.ok} of ${txs.length} batches succeeded: ${JSON.stringify({ ...s.errors, ...s.rejectedReasons })}`);
  }
  const [{ community: poll }] = await proposePolls(api, chain, alice, [CLASS.delegation]);
  if (poll == null) fail('no big-spend community poll was opened for the delegation measurement');
  say(`  poll #${poll}; the delegate votes nay with 1 OSTR of its own`);
  const out = { class: classId, poll, steps: [], signedDelegations: null };
  let have = 0;
  for (const target of steps) {
    const batch = delegators.slice(have, target);
    const signedPart = batch.filter((_, k) => have + k < signedDelegations);
    const sudoPart = batch.filter((_, k) => have + k >= signedDelegations);
    if (signedPart.length) {
      const ns = await nonces(api, signedPart.map((a) => a.address));
      const txs = signedPart.map((a, k) => sign(api, api.tx.voting.delegate(classId, delegate.address, UNIT), a, ns[k]));
      say(`  ${plural(signedPart.length, 'delegator')} delegate${signedPart.length === 1 ? 's' : ''} 1 OSTR each (signed transactions, submitted at once)`);
      const s = await chain.submitAll('delegate', txs, { stallBlocks: 10 });
      if (signedPart.length > 1) printStorm(s, 'delegations', log);
      if (s.ok !== txs.length) fail(`delegation: ${s.ok} of ${txs.length} delegations succeeded: ${JSON.stringify({ ...s.errors, ...s.rejectedReasons })}`);
      if (signedPart.length > 1) out.signedDelegations = compact(s);
    }
    if (sudoPart.length) {
      // Each batch declares a fifth of the block's normal weight: about 1,000 delegations a block,
      // whatever weight the runtime gives `delegate`.
      say(`  ${sudoPart.length} delegators delegate 1 OSTR each (dispatched as them in sudo batches of 250)`);
      let nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
      const weight = { refTime: BigInt(Math.floor(limits.normalRefTime / 5)), proofSize: 0n };
      const txs = chunks(sudoPart, 250).map((part) => sign(api, api.tx.sudo.sudoUncheckedWeight(api.tx.utility.batchAll(part.map((a) => api.tx.utility.dispatchAs(
        { system: { Signed: a.address } }, api.tx.voting.delegate(classId, delegate.address, UNIT),
      ))), weight), alice, nonce++));
      const s = await chain.submitAll('delegate-sudo', txs, { stallBlocks: 10 });
      const delegated = s.results.reduce((sum, r) => sum + (r?.counts?.['voting.Delegated'] ?? 0), 0);
      say(`  ${delegated} delegations in blocks ${s.perBlock.map((b) => `#${b.block}`).join(', ')}`);
      if (s.ok !== txs.length || delegated !== sudoPart.length) fail(`delegation (sudo): ${delegated} of ${sudoPart.length} delegations: ${JSON.stringify({ ...s.errors, ...s.rejectedReasons })}`);
      const proposals = parseProposals(log);
      out.sudoDelegations = out.sudoDelegations ?? [];
      out.sudoDelegations.push({
        delegations: delegated,
        blocks: s.perBlock.map((b) => ({ block: b.block, batches: b.ok, proposeMs: proposals.get(b.block)?.ms ?? null })),
      });
    }
    have = target;
    // One block passes first, so that the block before the vote's is empty: `benchmark block`
    // re-executes it first, to warm up, before the vote's block.
    await chain.nextBlocks(1);
    const voteTx = api.tx.voting.vote(poll, { Standard: { direction: 'Nay', amount: UNIT } });
    const nonce = (await api.rpc.system.accountNextIndex(delegate.address)).toNumber();
    const declared = await paymentInfo(api, sign(api, voteTx, delegate, nonce));
    const multiplier = await feeMultiplier(api);
    const r = await chain.send('delegate-vote', api.tx.voting.vote(poll, { Standard: { direction: 'Nay', amount: UNIT } }), delegate);
    const voted = r.events.find((e) => api.events.voting.Voted.is(e));
    const step = {
      delegators: target,
      declared,
      multiplier,
      actual: { refTime: r.refTime, proofSize: r.proofSize, fee: r.fee, block: r.block },
      ballotWeight: voted ? voted.data.weight.toString() : null,
    };
    out.steps.push(step);
    say(`  ${plural(target, 'delegator')}: query_info ref_time ${fmt(declared.refTime)} ps, fee ${fmt(ostr(declared.partialFee), 6)} OSTR;`
      + ` actual ref_time ${fmt(r.refTime)} ps, fee ${fmt(ostr(r.fee), 6)} OSTR (multiplier ${fmt(multiplier, 4)});`
      + ` ballot weight ${fmt(ostr(step.ballotWeight ?? 0), 0)} OSTR`);
    await chain.send('delegate-unvote', api.tx.voting.removeVote(classId, poll), delegate);
  }
  if (signedDelegations < max) {
    note(`delegation: delegations beyond the first ${signedDelegations} were dispatched as the delegators by sudo (utility.dispatchAs under sudo.sudoUncheckedWeight) to fit the run time; the delegate's measured vote is signed as usual`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Report

/** `benchmark block` output: number → { extrinsics, ns, consumedNs, percent }. */
function parseBench(path) {
  const out = new Map();
  if (!path || !existsSync(path)) return out;
  const re = /Block (\d+) with\s+(\d+) tx used\s+([\d.]+)% of its weight \(\s*([\d,]+) of\s+([\d,]+) ns\)/;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = re.exec(line);
    if (m) {
      out.set(Number(m[1]), {
        extrinsics: Number(m[2]), percent: Number(m[3]),
        ns: Number(m[4].replace(/,/g, '')), consumedNs: Number(m[5].replace(/,/g, '')),
      });
    }
  }
  return out;
}

function report(opts) {
  const raw = JSON.parse(readFileSync(opts.raw, 'utf8'));
  const proposals = parseProposals(opts.log);
  const bench = parseBench(opts.bench);
  const result = { ...raw };
  delete result.blocks;
  result.commit = opts.commit ?? null;
  result.profile = 'release';
  result.benchmarkBlock = {
    repeat: Number(opts.repeat ?? 0) || null,
    repeatSingle: Number(opts['repeat-single'] ?? 0) || null,
    measured: bench.size,
  };
  if (!bench.size) result.notes.push('benchmark block produced no measurement (see its log)');
  for (const step of result.delegation?.steps ?? []) {
    const b = bench.get(step.actual.block);
    step.actual.importMs = b ? b.ns / 1e6 : null;
    step.actual.blockExtrinsics = b ? b.extrinsics : null;
  }
  for (const scheme of SCHEMES) {
    const s = result.schemes[scheme];
    if (!s) continue;
    for (const row of s.perBlock) {
      const p = proposals.get(row.block);
      const b = bench.get(row.block);
      row.proposeMs = p ? p.ms : null;
      row.proposeEnd = p ? p.end : null;
      row.importMs = b ? b.ns / 1e6 : null;
      row.weightMs = b ? b.consumedNs / 1e6 : null;
      row.percentOfWeight = b ? b.percent : null;
    }
  }
  // Every re-executed block, with what it contained (for the setup blocks in between).
  const warmUps = new Set([raw.benchRange?.from, ...(raw.benchExtra ?? []).map((b) => b - 1)]);
  result.reexecuted = [...bench.entries()].map(([number, b]) => ({
    block: number,
    warmUp: warmUps.has(number) || undefined,
    extrinsics: b.extrinsics,
    importMs: b.ns / 1e6,
    weightMs: b.consumedNs / 1e6,
    percentOfWeight: b.percent,
    proposeMs: proposals.get(number)?.ms ?? null,
    contents: raw.blocks?.[number]?.labels ?? {},
  }));
  writeFileSync(opts.json, `${JSON.stringify(result, null, 2)}\n`);

  console.log('\n== votes per block ==');
  for (const scheme of SCHEMES) {
    const s = result.schemes[scheme];
    if (!s) continue;
    console.log(`${scheme}: ${s.ok} of ${s.submitted} votes in ${plural(s.perBlock.length, 'block')}, ${fmt(s.firstToLastInclusionSeconds, 1)} s from first submission to last inclusion`);
    for (const row of s.perBlock) {
      console.log(`  #${row.block}: ${String(row.ok).padStart(5)} votes; proposed in ${row.proposeMs ?? '?'} ms (${row.proposeEnd ?? '?'});`
        + ` re-executed (import) in ${row.importMs == null ? '?' : fmt(row.importMs, 1)} ms = ${row.percentOfWeight ?? '?'} % of its weight (${row.weightMs == null ? '?' : fmt(row.weightMs, 1)} ms)`);
    }
  }
  console.log('\n== re-executed blocks (benchmark block) ==');
  for (const b of result.reexecuted) {
    const what = Object.entries(b.contents).map(([label, x]) => `${x.ok} ${label}`).join(', ') || 'no transaction of the benchmark';
    console.log(`  #${b.block}: ${b.extrinsics} extrinsics (${what}): ${fmt(b.importMs, 2)} ms, ${fmt(b.percentOfWeight, 1)} % of its weight`
      + `${b.warmUp ? ' (warm-up: the first block of its run, which also compiles the runtime)' : ''}`);
  }
  const c = result.cost;
  console.log(`\n== a vote against a transfer (query_info, fee multiplier ${fmt(c.multiplier, 4)}) ==`);
  console.log(`token vote: ref_time ${fmt(c.vote.refTime)} ps, partial fee ${fmt(ostr(c.vote.partialFee), 6)} OSTR; transferKeepAlive: ${fmt(c.transfer.refTime)} ps, ${fmt(ostr(c.transfer.partialFee), 6)} OSTR`);
  console.log(`vote / transfer: weight × ${fmt(c.weightRatio, 2)}, fee × ${fmt(c.feeRatio, 2)}`);
  for (const scheme of SCHEMES) {
    const s = result.schemes[scheme];
    if (s) console.log(`charged, ${scheme} vote / transfer: weight × ${fmt(s.actualWeightRatio, 2)}, fee × ${fmt(s.actualFeeRatio, 2)}`);
  }
  if (result.delegation) {
    console.log('\n== a delegate\'s vote ==');
    for (const s of result.delegation.steps) {
      console.log(`${String(s.delegators).padStart(6)} delegators: query_info ${fmt(s.declared.refTime)} ps / ${fmt(ostr(s.declared.partialFee), 6)} OSTR;`
        + ` charged ${fmt(s.actual.refTime)} ps / ${fmt(ostr(s.actual.fee), 6)} OSTR; ballot weight ${fmt(ostr(s.ballotWeight ?? 0))} OSTR;`
        + ` its block (#${s.actual.block}) re-executed in ${s.actual.importMs == null ? '?' : fmt(s.actual.importMs, 2)} ms`);
    }
  }
  for (const n of result.notes) console.log(`note: ${n}`);
  if (opts.doc) writeDoc(opts.doc, result, opts.svg);
  if (opts.svg) writeFileSync(opts.svg, chart(result));
  console.log(`\nwrote ${opts.json}${opts.doc ? `, ${opts.doc}` : ''}${opts.svg ? `, ${opts.svg}` : ''}`);
}

const BEGIN = '<!-- bench-votes:begin -->';
const END = '<!-- bench-votes:end -->';

function writeDoc(path, r, svgPath) {
  const svgName = svgPath ? svgPath.split('/').pop() : null;
  const lines = [];
  const c = r.cost;
  lines.push(BEGIN);
  lines.push('<!-- Generated by scripts/bench-votes.sh: do not edit by hand, re-run the script. -->');
  lines.push('');
  lines.push(`Measured by \`scripts/bench-votes.sh\` (N = ${fmt(r.n)}) on ${r.finishedAt.slice(0, 10)}`
    + `${r.commit ? `, commit \`${r.commit}\`` : ''}: a release \`ostrom-node --dev\` (${r.node.version}, spec ${r.node.specVersion})`
    + ` on ${r.machine.cores} × ${r.machine.cpu}, ${r.machine.memoryGiB} GiB`
    + `${r.machine.loadAverageBefore != null ? ` (load average ${fmt(r.machine.loadAverageBefore, 2)} before the run, ${fmt(r.machine.loadAverageAfter, 2)} after it: other work on the machine slows the times, not the votes per block)` : ''}.`
    + ' Each of N accounts votes once per'
    + ' scheme, all votes signed first and submitted at once; two voters in three vote nay, so no poll'
    + ' ends while it is voted on. Block production times are the node\'s own ("Prepared block for'
    + ' proposing"); import times are `ostrom-node benchmark block` re-executing the blocks'
    + `${r.benchmarkBlock.repeat ? ` (mean of ${r.benchmarkBlock.repeat} runs)` : ''} after a warm-up block, with the`
    + ' share of the weight the runtime charged for them. "First submission → last inclusion" includes the wait for'
    + ' the next 6-second slot, so it varies by up to a slot from run to run. The raw results are in'
    + ' `$CARGO_TARGET_DIR/bench-votes.json`.');
  lines.push('');
  if (svgName) {
    lines.push(`![votes per block and vote / transfer ratios](${svgName})`);
    lines.push('');
  }
  lines.push('| scheme | votes included | blocks | votes per block | first submission → last inclusion | block production (ms) | block import (ms) | import / charged weight |');
  lines.push('|---|---|---|---|---|---|---|---|');
  for (const scheme of SCHEMES) {
    const s = r.schemes[scheme];
    if (!s) continue;
    const per = s.perBlock.map((b) => fmt(b.ok)).join(' + ');
    const prod = s.perBlock.map((b) => (b.proposeMs == null ? '?' : fmt(b.proposeMs))).join(', ');
    const imp = s.perBlock.map((b) => (b.importMs == null ? '?' : fmt(b.importMs, 1))).join(', ');
    const pct = s.perBlock.map((b) => (b.percentOfWeight == null ? '?' : `${fmt(b.percentOfWeight, 1)} %`)).join(', ');
    lines.push(`| ${scheme} | ${fmt(s.ok)} of ${fmt(s.submitted)}${s.failed ? ` (${s.failed} failed)` : ''} | ${s.perBlock.length} | ${per} | ${fmt(s.firstToLastInclusionSeconds, 1)} s | ${prod} | ${imp} | ${pct} |`);
  }
  lines.push('');
  const limited = SCHEMES.map((scheme) => r.schemes[scheme]).filter(Boolean)
    .flatMap((s) => s.perBlock).map((b) => b.proposeEnd).filter(Boolean);
  if (limited.length) {
    const counts = {};
    for (const e of limited) counts[e] = (counts[e] ?? 0) + 1;
    lines.push(`Why the proposer closed the blocks with votes: ${Object.entries(counts).map(([k, v]) => `${k} ${v}×`).join(', ')}.`
      + ` The normal-class weight limit is ${fmt(r.limits.normalRefTime / 1e9)} ms of ${fmt(r.limits.maxBlockRefTime / 1e9)} ms per block.`);
    lines.push('');
  }
  lines.push(`**A vote against a transfer** (\`TransactionPaymentApi.query_info\` of signed transactions, fee multiplier ${fmt(c.multiplier, 4)}):`);
  lines.push('');
  lines.push('| transaction | ref_time (declared) | partial fee | length |');
  lines.push('|---|---|---|---|');
  lines.push(`| \`voting.vote\` (token, standard) | ${fmt(c.vote.refTime / 1e6, 1)} µs | ${fmt(ostr(c.vote.partialFee), 6)} OSTR | ${c.vote.length} B |`);
  lines.push(`| \`balances.transferKeepAlive\` | ${fmt(c.transfer.refTime / 1e6, 1)} µs | ${fmt(ostr(c.transfer.partialFee), 6)} OSTR | ${c.transfer.length} B |`);
  lines.push(`| **vote / transfer** | **× ${fmt(c.weightRatio, 2)}** | **× ${fmt(c.feeRatio, 2)}** | |`);
  lines.push('');
  if (c.actualTransfer) {
    lines.push('Charged after dispatch (the `ExtrinsicSuccess` weight, which adds the base extrinsic weight of'
      + ` ${fmt(r.limits.baseExtrinsicRefTime / 1e6, 1)} µs, and the \`TransactionFeePaid\` fee; means over the included votes; a transfer charged`
      + ` ${fmt(c.actualTransfer.refTime / 1e6, 1)} µs and ${fmt(ostr(c.actualTransfer.fee), 6)} OSTR):`);
    lines.push('');
    lines.push('| vote | ref_time (mean) | ref_time charged × votes | fee (mean) | × transfer (weight) | × transfer (fee) |');
    lines.push('|---|---|---|---|---|---|');
    for (const scheme of SCHEMES) {
      const s = r.schemes[scheme];
      if (!s) continue;
      const spread = (s.refTimes ?? []).map(([w, n]) => `${fmt(w / 1e6, 1)} µs × ${fmt(n)}`).join(', ');
      lines.push(`| ${scheme} | ${fmt(s.meanRefTime / 1e6, 1)} µs | ${spread} | ${fmt(ostr(s.meanFee), 6)} OSTR | × ${fmt(s.actualWeightRatio, 2)} | × ${fmt(s.actualFeeRatio, 2)} |`);
    }
    lines.push('');
  }
  if (r.delegation) {
    const d = r.delegation;
    lines.push(`**A delegate's vote** on a token poll (track ${d.class}, the big-spend class's community poll), carrying its delegators' 1 OSTR each`
      + ' (the delegate removes its vote after each measurement, so each measured vote is a new one):');
    lines.push('');
    lines.push('| delegators | ref_time (declared) | partial fee (query_info) | ref_time (charged) | fee (charged) | fee multiplier | ballot weight | its block re-executed |');
    lines.push('|---|---|---|---|---|---|---|---|');
    for (const s of d.steps) {
      lines.push(`| ${fmt(s.delegators)} | ${fmt(s.declared.refTime / 1e6, 1)} µs | ${fmt(ostr(s.declared.partialFee), 6)} OSTR | ${fmt(s.actual.refTime / 1e6, 1)} µs | ${fmt(ostr(s.actual.fee), 6)} OSTR | ${fmt(s.multiplier, 4)} | ${fmt(ostr(s.ballotWeight ?? 0))} OSTR | ${s.actual.importMs == null ? '?' : `${fmt(s.actual.importMs, 2)} ms`} |`);
    }
    lines.push('');
    if (d.steps.every((s) => s.actual.blockExtrinsics === 2)) {
      lines.push('Each re-executed block holds the timestamp inherent and the delegate\'s vote alone'
      + `${r.benchmarkBlock.repeatSingle ? ` (mean of ${r.benchmarkBlock.repeatSingle} runs)` : ''}.`);
    }
    lines.push('');
    if (d.signedDelegations) {
      const sd = d.signedDelegations;
      lines.push(`${fmt(sd.ok)} signed \`voting.delegate\` transactions, submitted at once, took ${plural(sd.perBlock.length, 'block')}`
        + ` (${sd.perBlock.map((b) => fmt(b.ok)).join(' + ')} per block), ${fmt(sd.firstToLastInclusionSeconds, 1)} s from first submission to last inclusion;`
        + ` a delegation charges ${fmt(sd.meanRefTime / 1e6, 1)} µs and ${fmt(ostr(sd.meanFee), 6)} OSTR.`);
      lines.push('');
    }
  }
  if (r.notes.length) {
    lines.push('Notes:');
    lines.push('');
    for (const n of r.notes) lines.push(`- ${n}`);
    lines.push('');
  }
  lines.push(END);
  const section = lines.join('\n');
  let text = existsSync(path) ? readFileSync(path, 'utf8') : `# Performance\n\n${BEGIN}\n${END}\n`;
  const b = text.indexOf(BEGIN);
  const e = text.indexOf(END);
  if (b >= 0 && e > b) {
    text = text.slice(0, b) + section + text.slice(e + END.length);
  } else {
    text = `${text.replace(/\n*$/, '\n\n')}${section}\n`;
  }
  writeFileSync(path, text);
}

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The chart: votes per block per scheme, and the vote / transfer ratios (hand-written SVG). */
function chart(r) {
  const W = 900;
  const colors = { token: '#3b6fb6', quadratic: '#d9822b', reputation: '#4c9a52', council: '#8e5ea2' };
  const parts = [];
  const text = (x, y, s, attrs = '') => parts.push(`<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attrs}>${esc(s)}</text>`);
  const rect = (x, y, w, h, fill) => parts.push(`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(0, w).toFixed(1)}" height="${Math.max(0, h).toFixed(1)}" fill="${fill}"/>`);

  // Panel 1: votes per block.
  const top = 60;
  const H1 = 220;
  const groups = SCHEMES.filter((s) => r.schemes[s]).map((s) => ({ scheme: s, blocks: r.schemes[s].perBlock }));
  const most = Math.max(1, ...groups.flatMap((g) => g.blocks.map((b) => b.ok)));
  const magnitude = 10 ** Math.floor(Math.log10(most / 4));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((x) => x * 4 >= most);
  const ticks = Math.ceil(most / step);
  const maxVotes = ticks * step;
  const bars = groups.reduce((n, g) => n + g.blocks.length, 0);
  const left = 60;
  const plotW = W - left - 20;
  const gap = 30;
  const barW = Math.min(60, (plotW - gap * (groups.length - 1)) / Math.max(1, bars));
  text(W / 2, 24, `Votes per block (N = ${fmt(r.n)} voters; council: ${r.schemes.council?.submitted ?? 0} seats)`, 'text-anchor="middle" font-size="16" font-weight="bold"');
  text(W / 2, 42, 'each bar is one block; the label above is its number of votes, below its block number', 'text-anchor="middle" font-size="11" fill="#555"');
  parts.push(`<line x1="${left}" y1="${top + H1}" x2="${W - 20}" y2="${top + H1}" stroke="#333"/>`);
  for (let k = 0; k <= ticks; k += 1) {
    const v = step * k;
    const y = top + H1 - (H1 * k) / ticks;
    parts.push(`<line x1="${left}" y1="${y.toFixed(1)}" x2="${W - 20}" y2="${y.toFixed(1)}" stroke="#ddd"/>`);
    text(left - 6, y + 4, fmt(v), 'text-anchor="end" font-size="10" fill="#555"');
  }
  let x = left + 10;
  for (const g of groups) {
    const x0 = x;
    for (const b of g.blocks) {
      const h = (H1 * b.ok) / maxVotes;
      rect(x, top + H1 - h, barW - 4, h, colors[g.scheme]);
      text(x + (barW - 4) / 2, top + H1 - h - 4, fmt(b.ok), 'text-anchor="middle" font-size="10"');
      text(x + (barW - 4) / 2, top + H1 + 12, `#${b.block}`, 'text-anchor="middle" font-size="9" fill="#555"');
      x += barW;
    }
    text((x0 + x - 4) / 2, top + H1 + 28, g.scheme, `text-anchor="middle" font-size="12" fill="${colors[g.scheme]}" font-weight="bold"`);
    x += gap;
  }

  // Panel 2: ratios.
  const top2 = top + H1 + 95;
  const rows = [];
  const c = r.cost;
  rows.push(['query_info weight: token vote / transfer', c.weightRatio, '#222']);
  rows.push(['query_info fee: token vote / transfer', c.feeRatio, '#222', 0.6]);
  for (const scheme of SCHEMES) {
    const s = r.schemes[scheme];
    if (s && s.actualWeightRatio != null) rows.push([`charged weight: ${scheme} vote / transfer`, s.actualWeightRatio, colors[scheme]]);
    if (s && s.actualFeeRatio != null) rows.push([`charged fee: ${scheme} vote / transfer`, s.actualFeeRatio, colors[scheme], 0.6]);
  }
  if (r.delegation) {
    for (const s of r.delegation.steps) {
      rows.push([`charged weight: delegate's vote, ${plural(s.delegators, 'delegator')} / transfer`, ratio(s.actual.refTime, c.actualTransfer?.refTime ?? c.transfer.refTime), '#b03a2e']);
    }
  }
  const labelW = 380;
  const rowH = 20;
  const maxRatio = Math.max(2, ...rows.map(([, v]) => v ?? 0));
  text(W / 2, top2 - 34, 'Cost of a vote in transfers (× balances.transferKeepAlive)', 'text-anchor="middle" font-size="16" font-weight="bold"');
  rows.forEach(([label, value, color, opacity = 1], k) => {
    const y = top2 + k * rowH;
    text(labelW - 8, y + 13, label, 'text-anchor="end" font-size="11"');
    const w = value == null ? 0 : ((W - labelW - 80) * value) / maxRatio;
    parts.push(`<rect x="${labelW}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 6}" fill="${color}" fill-opacity="${opacity}"/>`);
    text(labelW + w + 6, y + 13, value == null ? 'n/a' : `× ${fmt(value, 2)}`, 'font-size="11"');
  });
  // Reference lines: one and two transfers.
  for (const v of [1, 2]) {
    const xv = labelW + ((W - labelW - 80) * v) / maxRatio;
    parts.push(`<line x1="${xv.toFixed(1)}" y1="${top2 - 6}" x2="${xv.toFixed(1)}" y2="${top2 + rows.length * rowH}" stroke="#999" stroke-dasharray="4 3"/>`);
    text(xv, top2 - 8, `${v} transfer${v === 1 ? '' : 's'}`, 'text-anchor="middle" font-size="9" fill="#777"');
  }
  const height = top2 + rows.length * rowH + 20;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}" font-family="sans-serif">`,
    `<rect width="${W}" height="${height}" fill="white"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

const opts = parseArgs(process.argv.slice(2));
const command = opts._[0];
try {
  if (command === 'run') {
    if (!opts.url || !opts.raw) fail('run needs --url and --raw');
    await run(opts);
    process.exit(0);
  } else if (command === 'report') {
    if (!opts.raw || !opts.json) fail('report needs --raw and --json');
    report(opts);
  } else {
    fail('usage: node e2e/bench-votes.js run|report … (see scripts/bench-votes.sh)');
  }
} catch (e) {
  const message = e instanceof BenchError ? e.message : (e?.stack ?? e?.message ?? String(e));
  console.error(`${stamp()} bench-votes: FAILED: ${message}`);
  process.exit(1);
}
