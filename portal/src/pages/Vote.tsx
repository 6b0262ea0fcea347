import { useEffect, useRef, useState } from 'react';
import type { ApiPromise } from '@polkadot/api';
import { Chart, LineController, LineElement, PointElement, LinearScale, Legend, Tooltip } from 'chart.js';
import { Amount, AmountInput, Loading, Section, TxButton, When, useApp, useChain } from '../ui';
import type { ClassInfo, Poll, Scheme } from '../gov';
import { curveAt, loadClasses, loadPolls, trackOf } from '../gov';
import { parseAmount } from '../chain';

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip);

/** The running tally of an ongoing poll from `VotingApi.poll_metrics`. */
export function PollTally({ poll }: { poll: number }) {
  const [m] = useChain(async (api) => {
    const r = await (api.call as any).votingApi.pollMetrics(poll);
    return r.isSome ? r.unwrap() : null;
  }, [poll]);
  if (!m) return null;
  const scheme = m.scheme.type.toLowerCase();
  const W = ({ v }: { v: any }) => (scheme === 'token' ? <Amount value={v} /> : <span>{BigInt(v.toString()).toLocaleString('en')}</span>);
  const tw = BigInt(m.totalWeight.toString());
  const ss = BigInt(m.sumOfSquares.toString());
  const effective = ss > 0n ? Number(tw * tw / ss) : 0;
  return (
    <table className="tally" data-testid={`tally-${poll}`}><tbody>
      <tr><th>ayes</th><td data-testid="ayes"><W v={m.ayes} /></td><th>approval</th><td>{(m.approval.toNumber() / 1e7).toFixed(1)} %</td></tr>
      <tr><th>nays</th><td><W v={m.nays} /></td><th>support</th><td>{(m.supportRatio.toNumber() / 1e7).toFixed(2)} % of {scheme === 'token' ? <Amount value={m.electorate} /> : m.electorate.toString()}</td></tr>
      <tr><th>abstains</th><td><W v={m.abstains} /></td><th>voters</th><td>{m.voters.toNumber()} (effective {effective.toFixed(1)}){m.recused.toNumber() ? `, ${m.recused.toNumber()} recused` : ''}</td></tr>
    </tbody></table>
  );
}

/** Approval and support of a poll over the blocks seen, against its track's threshold curves. */
function PollChart({ poll, track, since, submitted }: { poll: number; track: any; since: number | null; submitted: number }) {
  const { api, best } = useApp();
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  const history = useRef<{ x: number; approval: number; support: number }[]>([]);
  // The past: the poll's metrics at up to 12 earlier blocks since its submission (where the node
  // still has their state; a pruning node keeps 256 blocks), then every new block while open.
  useEffect(() => {
    let live = true;
    (async () => {
      const first = Math.max(submitted, best - 250);
      const step = Math.max(1, Math.ceil((best - first) / 12));
      const past: { x: number; approval: number; support: number }[] = [];
      for (let n = first; n < best; n += step) {
        try {
          const at = await api.at(await api.rpc.chain.getBlockHash(n));
          const r = await (at.call as any).votingApi.pollMetrics(poll);
          if (r.isSome) past.push({ x: n, approval: r.unwrap().approval.toNumber() / 1e7, support: r.unwrap().supportRatio.toNumber() / 1e7 });
        } catch {
          /* state pruned */
        }
      }
      if (!live) return;
      history.current = [...past, ...history.current.filter((p) => p.x >= best)].sort((a, b) => a.x - b.x);
      draw();
    })();
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [poll]);
  useEffect(() => {
    let live = true;
    (api.call as any).votingApi.pollMetrics(poll).then((r: any) => {
      if (!live || r.isNone) return;
      const m = r.unwrap();
      const h = history.current;
      if (h.length === 0 || h[h.length - 1].x !== best) {
        h.push({ x: best, approval: m.approval.toNumber() / 1e7, support: m.supportRatio.toNumber() / 1e7 });
      }
      draw();
    });
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [best]);
  const draw = () => {
    if (!canvas.current || !track) return;
    const start = since ?? best;
    const end = start + track.decisionPeriod;
    const curve = (c: any) => Array.from({ length: 21 }, (_, i) => ({ x: start + (i / 20) * track.decisionPeriod, y: curveAt(c, i / 20) * 100 }));
    const datasets: any[] = [
      { label: 'approval needed', data: curve(track.minApproval), borderColor: '#2a7', borderDash: [4, 4], pointRadius: 0 },
      { label: 'support needed', data: curve(track.minSupport), borderColor: '#27c', borderDash: [4, 4], pointRadius: 0 },
      { label: 'approval', data: history.current.map((p) => ({ x: p.x, y: p.approval })), borderColor: '#2a7', pointRadius: 2 },
      { label: 'support', data: history.current.map((p) => ({ x: p.x, y: p.support })), borderColor: '#27c', pointRadius: 2 },
    ];
    if (!chart.current) {
      chart.current = new Chart(canvas.current, {
        type: 'line',
        data: { datasets },
        options: {
          animation: false,
          parsing: false,
          scales: { x: { type: 'linear', min: Math.min(start, history.current[0]?.x ?? start), max: end, title: { display: true, text: 'block' } }, y: { min: 0, max: 100, title: { display: true, text: '%' } } },
          plugins: { legend: { position: 'bottom' } },
        },
      });
    } else {
      chart.current.data.datasets = datasets;
      chart.current.update();
    }
  };
  useEffect(() => () => { chart.current?.destroy(); chart.current = null; }, []);
  return <div className="chart"><canvas ref={canvas} height={160} /></div>;
}

interface MyState {
  classes: Map<number, ClassInfo>;
  ongoing: Poll[];
  voted: Map<number, any>;
  delegating: Map<number, any>;
  seated: boolean;
  person: number | null;
  credits: number;
  scores: Map<number, bigint>;
  free: bigint;
}

async function loadMine(api: ApiPromise, who: string | null): Promise<MyState> {
  const [classes, polls] = await Promise.all([loadClasses(api), loadPolls(api)]);
  const ongoing = [...polls.values()].filter((p) => p.status === 'Ongoing').sort((a, b) => a.index - b.index);
  const voted = new Map<number, any>();
  const delegating = new Map<number, any>();
  let seated = false;
  let person: number | null = null;
  let credits = 0;
  const scores = new Map<number, bigint>();
  let free = 0n;
  if (who) {
    const tracks = [...new Set(ongoing.map((p) => p.track))];
    const votings: any[] = (await Promise.all(tracks.map((t) => api.query.voting.votingFor(who, t)))).map((o: any) => o.unwrapOr(null));
    tracks.forEach((t, i) => {
      if (!votings[i]) return;
      for (const [poll, rec] of votings[i].votes) voted.set(poll.toNumber(), rec);
      if (votings[i].delegating.isSome) delegating.set(t, votings[i].delegating.unwrap());
    });
    const seats: any = await api.query.constitution.seats();
    seated = seats.some((s: any) => s.member.toString() === who);
    const p = await (api.call as any).reputationApi.personhood(who);
    person = p.isSome ? p.unwrap().toNumber() : null;
    credits = (await (api.call as any).votingApi.voiceCreditsLeft(who)).toNumber();
    for (const [d, s] of await (api.call as any).reputationApi.scores(who)) scores.set(d.toNumber(), BigInt(s.toString()));
    const acc: any = await api.query.system.account(who);
    free = BigInt(acc.data.free.toString());
  }
  return { classes, ongoing, voted, delegating, seated, person, credits, scores, free };
}

/** Why `who` cannot vote on a poll of `scheme`, in words, or null. */
export function whyNot(s: MyState, scheme: Scheme | null, cls: ClassInfo | undefined): string | null {
  if (!scheme) return 'unknown track';
  if (scheme === 'council') return s.seated ? null : 'only seated council members vote on council polls';
  if (scheme === 'quadratic') {
    if (s.person === null) return 'quadratic polls are for persons: this account has no personhood credential (NotPerson). An issuer must issue one (on a dev chain: "First run" on My account)';
    if (s.credits === 0) return 'no voice credits left this epoch';
    return null;
  }
  if (scheme === 'reputation') {
    const weights = cls?.community?.reputationWeights ?? [];
    const has = weights.some(([d, w]) => w > 0 && (s.scores.get(Number(d)) ?? 0n) > 0n);
    return has ? null : `reputation polls count reputation in ${weights.map(([d]) => `domain ${d}`).join(', ')}: this account has none (NoReputation). An attester must attest (on a dev chain: "First run" on My account)`;
  }
  return s.free > 0n ? null : 'no balance to vote with';
}

function reputationWeight(s: MyState, cls: ClassInfo | undefined): number {
  const weights = cls?.community?.reputationWeights ?? [];
  return weights.reduce((sum, [d, w]) => sum + Number(s.scores.get(Number(d)) ?? 0n) * (Number(w) / 1e9), 0);
}

function VoteForm({ poll, scheme, state, cls, onDone }: { poll: Poll; scheme: Scheme; state: MyState; cls: ClassInfo | undefined; onDone: () => void }) {
  const { api, info } = useApp();
  const [direction, setDirection] = useState<'Aye' | 'Nay' | 'Abstain'>('Aye');
  const [amount, setAmount] = useState('');
  const [split, setSplit] = useState(false);
  const [aye, setAye] = useState('');
  const [nay, setNay] = useState('');
  const [abstain, setAbstain] = useState('');
  const [votes, setVotes] = useState('1');
  const dir = (
    <span className="radio" data-testid="direction">
      {(['Aye', 'Nay', 'Abstain'] as const).filter((d) => scheme !== 'council' || d !== 'Abstain').map((d) => (
        <label key={d}><input type="radio" name={`dir-${poll.index}`} checked={direction === d} onChange={() => setDirection(d)} /> {d}</label>
      ))}
    </span>
  );
  const v = Number(votes) || 0;
  const previous = state.voted.get(poll.index);
  const prevVotes = previous && previous.vote.isSome && previous.vote.unwrap().isStandard ? Number(previous.vote.unwrap().asStandard.amount.toString()) : 0;
  if (scheme === 'token') {
    return (
      <div className="form" data-testid={`vote-form-${poll.index}`}>
        <label><input type="checkbox" checked={split} onChange={(e) => setSplit(e.target.checked)} /> split</label>
        {split ? (
          <>
            <div>aye <AmountInput value={aye} onChange={setAye} /> nay <AmountInput value={nay} onChange={setNay} /> abstain <AmountInput value={abstain} onChange={setAbstain} /></div>
          </>
        ) : (
          <div>{dir} <AmountInput testid="vote-amount" value={amount} onChange={setAmount} /></div>
        )}
        <p className="muted">The amount is frozen (not moved) until the poll ends and you remove the vote. Free: <Amount value={state.free} /></p>
        <TxButton testid="cast-vote" label="Vote" onDone={onDone} build={() => {
          const p = (t: string) => parseAmount(t || '0', info.decimals);
          const vote = split
            ? { Split: { aye: p(aye), nay: p(nay), abstain: p(abstain) } }
            : { Standard: { direction, amount: p(amount) } };
          return api.tx.voting.vote(poll.index, vote as any);
        }} />
      </div>
    );
  }
  if (scheme === 'quadratic') {
    const left = state.credits + prevVotes * prevVotes;
    return (
      <div className="form" data-testid={`vote-form-${poll.index}`}>
        <div>{dir} votes <input data-testid="vote-votes" type="number" min={0} value={votes} onChange={(e) => setVotes(e.target.value)} /></div>
        <p data-testid="credit-cost">costs {v * v} voice credits (v²); {state.credits} credits left this epoch{prevVotes ? ` (your current ${prevVotes} votes' ${prevVotes * prevVotes} credits are refunded when you re-vote)` : ''}{v * v > left ? ' — not enough credits' : ''}</p>
        <TxButton testid="cast-vote" label="Vote" disabled={v * v > left || v <= 0} onDone={onDone} build={() => api.tx.voting.vote(poll.index, { Standard: { direction, amount: v } } as any)} />
      </div>
    );
  }
  if (scheme === 'reputation') {
    return (
      <div className="form" data-testid={`vote-form-${poll.index}`}>
        <div>{dir}</div>
        <p>Your weight that will count: <b data-testid="rep-weight">{Math.floor(reputationWeight(state, cls)).toLocaleString('en')}</b> (your reputation, decayed to now, weighted by the class's domains: {(cls?.community?.reputationWeights ?? []).map(([d, w]) => `domain ${d} × ${(Number(w) / 1e7).toFixed(0)} %`).join(', ')})</p>
        <TxButton testid="cast-vote" label="Vote" onDone={onDone} build={() => api.tx.voting.vote(poll.index, { Own: direction } as any)} />
      </div>
    );
  }
  return (
    <div className="form" data-testid={`vote-form-${poll.index}`}>
      <div>{dir}</div>
      <TxButton testid="cast-vote" label="Vote (one seat)" onDone={onDone} build={() => api.tx.voting.vote(poll.index, { Own: direction } as any)} />
      <TxButton testid="declare-conflict" label="Declare a conflict of interest" onDone={onDone} build={() => api.tx.constitution.declareConflict(poll.index)} />
    </div>
  );
}

function describeVote(rec: any, scheme: Scheme | null) {
  if (rec.vote.isNone) return 'delegated';
  const v = rec.vote.unwrap();
  if (v.isOwn) return `${v.asOwn.type} (own weight)`;
  if (v.isSplit) return `split: aye ${v.asSplit.aye}, nay ${v.asSplit.nay}, abstain ${v.asSplit.abstain}`;
  const s = v.asStandard;
  return scheme === 'token' ? <>{s.direction.type} <Amount value={s.amount} /></> : `${s.direction.type}, ${s.amount.toString()} votes`;
}

export function Vote() {
  const { account } = useApp();
  const who = account?.address ?? null;
  const [s, error, reload] = useChain((api) => loadMine(api, who), [who]);
  if (!s) return <Loading error={error} />;
  const rows = s.ongoing.map((p) => ({ p, t: trackOf(s.classes, p.track) }));
  const awaiting = rows.filter(({ p, t }) => !s.voted.has(p.index) && !whyNot(s, t.scheme, t.cls));
  const voted = rows.filter(({ p }) => s.voted.has(p.index));
  const cannot = rows.filter(({ p, t }) => !s.voted.has(p.index) && whyNot(s, t.scheme, t.cls));
  const card = ({ p, t }: typeof rows[number], body: any) => (
    <Section key={p.index} testid={`vote-poll-${p.index}`} title={<>Poll #{p.index} · {t.label} · {t.scheme}</>}>
      <p>
        {p.deciding ? <>Deciding since <When block={p.deciding.since} />; ends <When block={p.deciding.since + (t.track?.decisionPeriod ?? 0)} /></> : <>Preparing; deciding starts <When block={(p.submitted ?? 0) + (t.track?.preparePeriod ?? 0)} /></>}
        {p.deciding?.confirming ? <>; confirming until <When block={p.deciding.confirming} /></> : null}
        {s.delegating.has(p.track) ? <> · you delegate this track: voting yourself overrides the delegation for this poll</> : null}
      </p>
      <div className="grid2">
        <div><PollTally poll={p.index} />{body}</div>
        <PollChart poll={p.index} track={t.track} since={p.deciding?.since ?? null} submitted={p.submitted ?? 0} />
      </div>
    </Section>
  );
  return (
    <div>
      <h2>Vote</h2>
      {!who ? <p className="warn">Select an account to see the polls awaiting your vote; the tallies below are read-only.</p> : null}
      <h3 data-testid="awaiting-heading">Awaiting my vote ({awaiting.length})</h3>
      {awaiting.length === 0 ? <p className="muted">Nothing awaits your vote.</p> : null}
      {awaiting.map((r) => card(r, who ? <VoteForm poll={r.p} scheme={r.t.scheme!} state={s} cls={r.t.cls} onDone={reload} /> : null))}
      <h3>Voted ({voted.length})</h3>
      {voted.map((r) => card(r, (
        <div>
          <p data-testid="my-vote">Your vote: {describeVote(s.voted.get(r.p.index), r.t.scheme)}</p>
          {who ? <details><summary>change my vote</summary><VoteForm poll={r.p} scheme={r.t.scheme!} state={s} cls={r.t.cls} onDone={reload} /></details> : null}
        </div>
      )))}
      {who ? <>
        <h3>Polls you cannot vote on ({cannot.length})</h3>
        {cannot.map((r) => card(r, <p className="warn" data-testid="why-not">Why you can't vote: {whyNot(s, r.t.scheme, r.t.cls)}</p>))}
      </> : null}
    </div>
  );
}
