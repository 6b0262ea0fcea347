import { useEffect, useRef, useState } from 'react';
import type { ApiPromise } from '@polkadot/api';
import { Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { pointsAt } from '../decay';
import type { DomainClock, ScoreRecord } from '../decay';
import { blake2AsHex } from '@polkadot/util-crypto';
import { Address, Amount, Loading, Section, TxButton, When, useApp, useChain } from '../ui';
import { loadClasses, loadPolls, trackOf } from '../gov';
import { fmtAmount, text } from '../chain';

/** Everything `who` has locked or deposited, and the calls that get back what is refundable now. */
export async function loadAccount(api: ApiPromise, who: string, decimals = 12, symbol = 'OSTR') {
  const [acc, freezes, holds, locks, classes, polls, votings, domains, scores, personhood, seats]: any[] = await Promise.all([
    api.query.system.account(who),
    api.query.balances.freezes(who),
    api.query.balances.holds(who),
    api.query.voting.classLocksFor(who),
    loadClasses(api),
    loadPolls(api),
    api.query.voting.votingFor.entries(who),
    (api.call as any).reputationApi.domains(),
    (api.call as any).reputationApi.scores(who),
    (api.call as any).reputationApi.personhood(who),
    api.query.constitution.seats(),
  ]);
  const calls: { label: string; tx: any }[] = [];
  const votes: { track: number; poll: number; ended: boolean; rec: any }[] = [];
  const delegations: { track: number; d: any }[] = [];
  for (const [key, o] of votings) {
    if (o.isNone) continue;
    const v = o.unwrap();
    const track = key.args[1].toNumber();
    for (const [poll, rec] of v.votes) {
      const p = polls.get(poll.toNumber());
      const ended = !p || p.status !== 'Ongoing';
      votes.push({ track, poll: poll.toNumber(), ended, rec });
      if (ended) calls.push({ label: `remove your finished vote on poll #${poll.toNumber()}`, tx: api.tx.voting.removeVote(track, poll) });
    }
    if (v.delegating.isSome) delegations.push({ track, d: v.delegating.unwrap() });
  }
  // A class lock is released by `unlock` once nothing (vote or delegation) on the track needs it.
  for (const [track, amount] of locks) {
    const t = track.toNumber();
    const stillNeeded = votes.some((v) => v.track === t && !v.ended) || delegations.some((d) => d.track === t);
    if (!stillNeeded) calls.push({ label: `unlock ${fmtAmount(amount, decimals, symbol)} of track ${t}`, tx: api.tx.voting.unlock(t, who) });
  }
  // Referendum deposits of ended polls.
  for (const p of polls.values()) {
    if (p.status === 'Ongoing') continue;
    if (p.decisionDeposit?.who === who) calls.push({ label: `refund the decision deposit of poll #${p.index}`, tx: api.tx.referenda.refundDecisionDeposit(p.index) });
    if (p.submissionDeposit?.who === who && (p.status === 'Approved' || p.status === 'Cancelled')) {
      calls.push({ label: `refund the submission deposit of poll #${p.index}`, tx: api.tx.referenda.refundSubmissionDeposit(p.index) });
    }
  }
  // Preimages noted by `who` that nothing requests any more.
  const preimages: any[] = await api.query.preimage.requestStatusFor.entries();
  const myPreimages: { hash: string; status: string; deposit: bigint | null }[] = [];
  for (const [key, st] of preimages) {
    const s = st.unwrap();
    const hash = key.args[0].toHex();
    if (s.isUnrequested && s.asUnrequested.ticket[0].toString() === who) {
      myPreimages.push({ hash, status: 'unrequested', deposit: BigInt(s.asUnrequested.ticket[1].toString()) });
      calls.push({ label: `unnote your preimage ${hash.slice(0, 10)}…`, tx: api.tx.preimage.unnotePreimage(hash) });
    } else if (s.isRequested && s.asRequested.maybeTicket.isSome && s.asRequested.maybeTicket.unwrap()[0].toString() === who) {
      myPreimages.push({ hash, status: 'requested by an open decision (kept until it closes)', deposit: BigInt(s.asRequested.maybeTicket.unwrap()[1].toString()) });
    }
  }
  const totalScore = (await (api.call as any).reputationApi.totalScore(who)).toString();
  const myScores = new Map<number, string>(scores.map(([d, s]: any) => [d.toNumber(), s.toString()]));
  const credential: any = await api.query.reputation.credentials(who);
  return {
    acc, freezes, holds, locks, classes, votes, delegations, calls, myPreimages, domains, myScores, totalScore,
    personhood: personhood.isSome ? personhood.unwrap().toNumber() : null,
    credential: credential.isSome ? credential.unwrap() : null,
    seated: seats.find((s: any) => s.member.toString() === who) ?? null,
  };
}

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip);

/** The score records of `who` and the clocks of their domains, read at the best block. */
async function loadDecay(api: ApiPromise, who: string) {
  const hash = await api.rpc.chain.getBlockHash();
  const best = (await api.rpc.chain.getHeader(hash)).number.toNumber();
  const at: any = await api.at(hash);
  const [domains, scores]: any[] = await Promise.all([at.query.reputation.domains.entries(), at.query.reputation.scores.entries(who)]);
  const clocks = new Map<number, DomainClock & { name: any }>();
  for (const [k, v] of domains) {
    if (v.isNone) continue;
    const d = v.unwrap();
    clocks.set(k.args[0].toNumber(), { name: d.name, halfLife: BigInt(d.halfLife.toString()), anchorBlock: BigInt(d.anchorBlock.toString()), anchorClock: BigInt(d.anchorClock.toString()) });
  }
  const records: { domain: number; record: ScoreRecord }[] = [];
  for (const [k, v] of scores) {
    if (v.isNone) continue;
    const r = v.unwrap();
    records.push({ domain: k.args[1].toNumber(), record: { units: BigInt(r.units.toString()), epoch: BigInt(r.epoch.toString()) } });
  }
  records.sort((a, b) => a.domain - b.domain);
  return { best, clocks, records };
}

const DECAY_COLOURS = ['#27c', '#d80', '#2a7', '#a4c', '#b00020', '#667', '#6cf', '#889'];

/** Per domain, the account's reputation over the next days if nobody attests again. */
function ReputationDecay({ who }: { who: string }) {
  const { info } = useApp();
  const [days, setDays] = useState(90);
  const [d, error] = useChain((api) => loadDecay(api, who), [who]);
  const canvas = useRef<HTMLCanvasElement>(null);
  const blocksPerDay = 86_400_000 / info.blockTimeMs;
  const series = d ? d.records.filter(({ domain }) => d.clocks.has(domain)).map(({ domain, record }) => {
    const clock = d.clocks.get(domain)!;
    const points = Array.from({ length: 61 }, (_, i) => {
      const block = d.best + Math.round((i / 60) * days * blocksPerDay);
      return { x: (block - d.best) / blocksPerDay, y: Number(pointsAt(clock, record, block)) };
    });
    return { domain, name: text(clock.name), clock, record, points };
  }) : [];
  const key = JSON.stringify(series.map((s) => [s.domain, s.points]));
  useEffect(() => {
    if (!canvas.current || series.length === 0) return;
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: { datasets: series.map((s, i) => ({ label: `${s.domain} ${s.name}`, data: s.points, borderColor: DECAY_COLOURS[i % DECAY_COLOURS.length], pointRadius: 0 })) },
      options: {
        animation: false,
        parsing: false,
        scales: { x: { type: 'linear', min: 0, max: days, title: { display: true, text: 'days from now' } }, y: { beginAtZero: true, title: { display: true, text: 'points' } } },
        plugins: { legend: { position: 'bottom' } },
      },
    });
    return () => chart.destroy();
  }, [key, days]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!d) return <Loading error={error} />;
  if (series.length === 0) return <p className="muted" data-testid="decay-none">No reputation to decay.</p>;
  // The next blocks, for checking against the chain as they come (the browser test does).
  const soon = d.best + 3;
  return (
    <div data-testid="reputation-decay">
      <h4>Decay over the next <select data-testid="decay-days" value={days} onChange={(e) => setDays(Number(e.target.value))}>{[30, 90, 365].map((n) => <option key={n} value={n}>{n}</option>)}</select> days (if nobody attests again)</h4>
      <div className="chart"><canvas ref={canvas} height={110} /></div>
      <table><thead><tr><th>domain</th><th>now (#{d.best})</th><th>in 7 days</th><th>in 30 days</th><th>in one half-life</th></tr></thead><tbody>
        {series.map((s) => {
          const at = (block: number) => pointsAt(s.clock, s.record, block).toLocaleString('en');
          return (
            <tr key={s.domain} data-testid={`decay-${s.domain}`} data-best={d.best} data-best-points={pointsAt(s.clock, s.record, d.best).toString()} data-soon={soon} data-soon-points={pointsAt(s.clock, s.record, soon).toString()}>
              <td>{s.domain} {s.name}</td><td>{at(d.best)}</td><td>{at(d.best + Math.round(7 * blocksPerDay))}</td><td>{at(d.best + Math.round(30 * blocksPerDay))}</td><td>{at(d.best + Number(s.clock.halfLife))}</td>
            </tr>
          );
        })}
      </tbody></table>
      <p className="muted">Computed in the browser with the pallet's own integer rule (the decay clock's epochs and Q32 fraction, as <code>pallet-reputation</code> reads a score): the runtime has no API for a future block.</p>
    </div>
  );
}

/** First run on a development chain: personhood and reputation for the dev accounts. */
export function FirstRun() {
  const { api, info, accounts, best } = useApp();
  const [counts] = useChain(async (a) => {
    const persons = (await a.query.reputation.personCount()) as any;
    const totals = await (a.call as any).reputationApi.domainTotals();
    const rep = totals.reduce((s: bigint, [, t]: any) => s + BigInt(t.toString()), 0n);
    const issuers = (await a.query.reputation.issuers.keys()).map((k: any) => k.args[0].toString());
    return { persons: persons.toNumber(), reputation: rep, issuers };
  });
  if (!counts || !info.isDev) return null;
  if (counts.persons > 0 && counts.reputation > 0n) return null;
  // An issuer cannot issue to itself, nor an attester attest itself: Alice seeds the others.
  const dev = accounts.filter((a) => a.source === 'dev' && a.name !== 'Alice');
  return (
    <Section testid="first-run" title="First run on a development chain">
      <p className="warn">
        {counts.persons === 0 ? 'This chain has no persons yet, so quadratic polls and funding contributions cannot get a vote. ' : ''}
        {counts.reputation === 0n ? 'Nobody holds reputation yet, so reputation polls cannot get a vote. ' : ''}
        An issuer must issue personhood credentials and attesters must attest.
      </p>
      <p>Alice is a personhood issuer and an attester of every domain on the development chain. Signed as Alice, this issues a credential to each other dev account ({dev.map((a) => a.name).join(', ')}: person ids 1–{dev.length}, valid for 100,000 blocks) and attests 500 points in every domain to each (an issuer cannot issue to itself, nor an attester attest itself).</p>
      <TxButton testid="seed-dev" label="Seed persons and reputation (as Alice)" build={() => {
        const alice = accounts.find((a) => a.name === 'Alice');
        if (!alice) throw new Error('Alice is not available');
        const calls: any[] = [];
        dev.forEach((a, i) => {
          calls.push(api.tx.reputation.issueCredential(a.address, i + 1, best + 100_000));
          for (let domain = 0; domain < 5; domain++) calls.push(api.tx.reputation.attest(a.address, domain, 500, blake2AsHex(`dev seed ${a.name} ${domain}`)));
        });
        return api.tx.utility.batchAll(calls);
      }} />
      <p className="muted">The button signs as Alice whichever account is selected.</p>
    </Section>
  );
}

export function AccountPage() {
  const { api, account, info } = useApp();
  const who = account?.address ?? null;
  const [a, error, reload] = useChain((api) => (who ? loadAccount(api, who, info.decimals, info.symbol) : Promise.resolve(null)), [who]);
  if (!who) return <div><h2>My account</h2><p className="warn">Select an account.</p><FirstRun /></div>;
  if (!a) return <Loading error={error} />;
  const data = a.acc.data;
  return (
    <div>
      <h2>My account</h2>
      <p><Address address={who} /></p>
      <FirstRun />
      <div className="grid2">
        <Section testid="balances" title="Balances">
          <table><tbody>
            <tr><th>free</th><td data-testid="free"><Amount value={data.free} /></td></tr>
            <tr><th>held (deposits)</th><td><Amount value={data.reserved} /></td></tr>
            <tr><th>frozen (votes, delegations)</th><td data-testid="frozen"><Amount value={data.frozen} /></td></tr>
          </tbody></table>
          <h4>Freezes</h4>
          {a.freezes.length === 0 ? <p className="muted" data-testid="no-freezes">none</p> : (
            <ul data-testid="freezes">{a.freezes.map((f: any, i: number) => <li key={i}>{f.id.toString()}: <Amount value={f.amount} /></li>)}</ul>
          )}
          <h4>Per-class locks</h4>
          {a.locks.length === 0 ? <p className="muted">none</p> : (
            <ul data-testid="class-locks">{a.locks.map(([t, amount]: any) => <li key={t.toString()}>track {t.toNumber()} ({trackOf(a.classes, t.toNumber()).label}): <Amount value={amount} /></li>)}</ul>
          )}
          <h4>Deposits (holds)</h4>
          {a.holds.length === 0 ? <p className="muted">none</p> : (
            <ul data-testid="holds">{a.holds.map((h: any, i: number) => <li key={i}>{JSON.stringify(h.id.toHuman())}: <Amount value={h.amount} /></li>)}</ul>
          )}
          {a.myPreimages.length ? <><h4>Preimages</h4><ul>{a.myPreimages.map((p) => <li key={p.hash}><code>{p.hash.slice(0, 18)}…</code> {p.status}{p.deposit !== null ? <> · <Amount value={p.deposit} /></> : null}</li>)}</ul></> : null}
        </Section>
        <Section testid="unlock" title="Get everything back">
          {a.calls.length === 0 ? <p className="muted" data-testid="nothing-to-unlock">Nothing is refundable now.</p> : (
            <>
              <ul data-testid="unlock-steps">{a.calls.map((c, i) => <li key={i}>{c.label}</li>)}</ul>
              <TxButton testid="unlock-everything" label="Unlock everything (one batch)" onDone={reload} build={() => api.tx.utility.batchAll(a.calls.map((c) => c.tx))} />
            </>
          )}
          <h4>Votes</h4>
          <ul>{a.votes.map((v) => <li key={`${v.track}-${v.poll}`}>poll #{v.poll} (track {v.track}) {v.ended ? 'ended' : 'ongoing'}</li>)}</ul>
          <h4>Delegations</h4>
          <ul>{a.delegations.map((d) => <li key={d.track}>track {d.track}: to <Address address={d.d.target} />, <Amount value={d.d.amount} /></li>)}</ul>
        </Section>
      </div>
      <Section testid="personhood" title="Personhood and reputation">
        <p data-testid="person">{a.personhood !== null ? <>Person #{a.credential?.person?.toString?.() ?? '?'}; credential expires <When block={a.personhood} /></> : 'No personhood credential: you cannot vote in quadratic polls nor contribute to funding rounds.'}</p>
        {a.seated ? <p>Council seat; the term ends <When block={a.seated.termEnd.toNumber()} /></p> : null}
        <table><thead><tr><th>domain</th><th>score (decayed to now)</th><th>half-life</th></tr></thead><tbody>
          {a.domains.map(([d, name, half]: any) => (
            <tr key={d.toNumber()}><td>{d.toNumber()} {text(name)}</td><td data-testid={`score-${d.toNumber()}`}>{BigInt(a.myScores.get(d.toNumber()) ?? '0').toLocaleString('en')}</td><td>{(half.toNumber() * info.blockTimeMs / 86_400_000).toFixed(1)} days</td></tr>
          ))}
        </tbody></table>
        <p>Total: {BigInt(a.totalScore).toLocaleString('en')} points. Reputation halves every half-life unless attested again.</p>
        <ReputationDecay who={who} />
      </Section>
    </div>
  );
}
