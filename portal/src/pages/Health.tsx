import { useCallback, useEffect, useRef, useState } from 'react';
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
} from 'chart.js';
import { Loading, Section, useApp } from '../ui';
import { collectHealth } from '../health';
import type { HealthData } from '../health';
import type { PollSummary, Row, Stats } from '../metrics';
import { INCIDENT_KINDS, SCHEMES, blocksToDays, groupName, pollSummaries, rows, schemeLorenz } from '../metrics';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

const SCHEME_COLOURS: Record<string, string> = { token: '#27c', quadratic: '#a4c', reputation: '#2a7', council: '#d80', all: '#667' };
const colour = (name: string) => SCHEME_COLOURS[name] ?? '#89a';
const WINDOWS = [256, 1000, 5000];

/** A bar chart of one measure per group (undefined values are gaps). */
function Bars({ title, labels, series, testid, max, stacked }: { title: string; labels: string[]; series: { label: string; values: (number | null)[]; colours?: string[] }[]; testid: string; max?: number; stacked?: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels,
        datasets: series.map((s, i) => ({
          label: s.label,
          data: s.values.map((v) => (v === null ? null : v)) as any,
          backgroundColor: s.colours ?? ['#27c', '#d80', '#2a7', '#a4c', '#b00020', '#667', '#6cf', '#889'][i % 8],
        })),
      },
      options: {
        animation: false,
        plugins: { legend: { display: series.length > 1, position: 'bottom' }, title: { display: false } },
        scales: { x: { stacked: !!stacked }, y: { stacked: !!stacked, beginAtZero: true, ...(max !== undefined ? { max } : {}) } },
      },
    });
    return () => chart.destroy();
  }, [JSON.stringify([labels, series, max, stacked])]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <div className="health-chart" data-testid={testid}>
      <h4>{title}</h4>
      <canvas ref={canvas} height={170} />
    </div>
  );
}

/** Lorenz curves of voting power per scheme, against the diagonal of equality. */
function Lorenz({ data }: { data: HealthData }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const range = { from: data.from, to: data.to };
    const datasets: any[] = [{ label: 'equality', data: [{ x: 0, y: 0 }, { x: 1, y: 1 }], borderColor: '#aab', borderDash: [4, 4], pointRadius: 0 }];
    for (const s of SCHEMES) {
      const points = schemeLorenz(data.dataset, range, s, 200);
      if (points.length) datasets.push({ label: s, data: points.map(([x, y]) => ({ x, y })), borderColor: colour(s), pointRadius: 0 });
    }
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: { datasets },
      options: {
        animation: false,
        parsing: false,
        scales: { x: { type: 'linear', min: 0, max: 1, title: { display: true, text: 'share of voters (poorest first)' } }, y: { min: 0, max: 1, title: { display: true, text: 'share of weight' } } },
        plugins: { legend: { position: 'bottom' } },
      },
    });
    return () => chart.destroy();
  }, [data]);
  return <div className="health-chart lorenz" data-testid="chart-lorenz"><h4>Lorenz curves of voting power (each poll counts equally)</h4><canvas ref={canvas} height={170} /></div>;
}

const fmt = (v: number | null, digits = 3) => (v === null ? '–' : v.toFixed(digits));
const fmtStats = (s: Stats | null, days: boolean, ms: number) => (s === null ? '–' : days ? `${blocksToDays(s.median, ms).toFixed(2)} d (p90 ${blocksToDays(s.p90, ms).toFixed(2)} d)` : `${s.median} (p90 ${s.p90}, n=${s.count})`);

/** One group's measures per chart: bars per group. */
function GroupCharts({ rs, prefix, ms }: { rs: Row[]; prefix: string; ms: number }) {
  const labels = rs.map((r) => groupName(r.group));
  const colours = labels.map(colour);
  const one = (pick: (r: Row) => number | null) => [{ label: '', values: rs.map(pick), colours }];
  return (
    <div className="health-grid">
      <Bars testid={`${prefix}-participation`} title="Participation (voters / eligible, mean per poll)" labels={labels} series={[
        { label: 'by head count', values: rs.map((r) => r.participation) },
        { label: 'by weight', values: rs.map((r) => r.weightParticipation) },
        { label: 'represented (with delegators)', values: rs.map((r) => r.representedParticipation) },
      ]} />
      <Bars testid={`${prefix}-latency`} title={`Latency, median in blocks of ${ms / 1000} s (decision: proposal → close; poll: submission → close)`} labels={labels} series={[
        { label: 'decision', values: rs.map((r) => r.decisionLatency?.median ?? null) },
        { label: 'poll', values: rs.map((r) => r.pollLatency?.median ?? null) },
      ]} />
      <Bars testid={`${prefix}-gini`} title="Gini coefficient of voting power (mean per poll; 0 = equal)" labels={labels} series={one((r) => r.gini)} max={1} />
      <Bars testid={`${prefix}-nakamoto`} title="Nakamoto coefficient (fewest voters holding > ½)" labels={labels} series={one((r) => r.nakamoto)} />
      <Bars testid={`${prefix}-hhi`} title="HHI and effective number of voters (1/HHI)" labels={labels} series={[
        { label: 'HHI', values: rs.map((r) => r.hhi) },
        { label: 'effective voters', values: rs.map((r) => r.effectiveVoters) },
      ]} />
      <Bars testid={`${prefix}-delegation`} title="Share of the weight cast through delegates" labels={labels} series={one((r) => r.delegationShare)} max={1} />
      <Bars testid={`${prefix}-incidents`} title="Incidents" labels={labels} stacked series={INCIDENT_KINDS.map((k) => ({ label: k.replace(/_/g, ' '), values: rs.map((r) => r.incidents[k]) }))} />
    </div>
  );
}

function RowsTable({ rs, ms, testid }: { rs: Row[]; ms: number; testid: string }) {
  return (
    <table className="health-table" data-testid={testid}>
      <thead><tr><th>group</th><th>polls</th><th>decisions</th><th>participation</th><th>by weight</th><th>decision latency, median blocks</th><th>poll latency</th><th>Gini</th><th>Nakamoto</th><th>HHI</th><th>effective voters</th><th>delegated</th><th>incidents</th></tr></thead>
      <tbody>
        {rs.map((r) => {
          const name = groupName(r.group);
          return (
            <tr key={name} data-testid={`row-${name.replace(/ /g, '-')}`}>
              <th>{name}</th><td>{r.polls}</td><td>{r.decisions}</td>
              <td data-testid="participation" data-value={r.participation ?? ''}>{fmt(r.participation)}</td>
              <td>{fmt(r.weightParticipation, 4)}</td>
              <td title={r.decisionLatency ? `${blocksToDays(r.decisionLatency.median, ms).toFixed(3)} days` : ''}>{fmtStats(r.decisionLatency, false, ms)}</td>
              <td>{fmtStats(r.pollLatency, false, ms)}</td>
              <td data-testid="gini" data-value={r.gini ?? ''}>{fmt(r.gini)}</td>
              <td>{fmt(r.nakamoto, 2)}</td>
              <td>{fmt(r.hhi)}</td>
              <td>{fmt(r.effectiveVoters, 2)}</td>
              <td>{fmt(r.delegationShare)}</td>
              <td>{INCIDENT_KINDS.reduce((s, k) => s + r.incidents[k], 0)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function PollsTable({ ps }: { ps: PollSummary[] }) {
  return (
    <table className="health-table" data-testid="health-polls">
      <thead><tr><th>poll</th><th>class</th><th>scheme</th><th>kind</th><th>outcome</th><th>voters</th><th>participation</th><th>latency (blocks)</th><th>Gini</th><th>Nakamoto</th><th>HHI</th><th>effective voters</th><th>delegated</th></tr></thead>
      <tbody>
        {ps.map((p) => (
          <tr key={p.index} data-testid={`health-poll-${p.index}`}>
            <td>#{p.index}</td><td>{p.class}</td><td>{p.scheme}</td><td>{p.kind}</td><td>{p.outcome.replace('_', ' ')}</td>
            <td data-testid="voters">{p.voters}</td>
            <td data-testid="participation" data-value={p.participation ?? ''}>{fmt(p.participation, 4)}</td>
            <td>{p.latency ?? '–'}</td>
            <td data-testid="gini" data-value={p.gini ?? ''}>{fmt(p.gini, 4)}</td>
            <td data-testid="nakamoto">{p.nakamoto ?? '–'}</td>
            <td data-testid="hhi" data-value={p.hhi ?? ''}>{fmt(p.hhi, 4)}</td>
            <td data-testid="effective-voters" data-value={p.effectiveVoters ?? ''}>{fmt(p.effectiveVoters, 2)}</td>
            <td>{fmt(p.delegationShare)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Health() {
  const { api, info } = useApp();
  const [span, setSpan] = useState(WINDOWS[0]);
  const [data, setData] = useState<HealthData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<[number, number] | null>(null);
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((t) => t + 1), []);
  useEffect(() => {
    let live = true;
    setError(null);
    collectHealth(api, span, info.blockTimeMs, (d, t) => { if (live) setProgress([d, t]); })
      .then((d) => { if (live) { setData(d); setProgress(null); } })
      .catch((e) => { if (live) { setError(e?.message ?? String(e)); setProgress(null); } });
    return () => { live = false; };
  }, [api, span, tick, info.blockTimeMs]);

  const ms = info.blockTimeMs;
  const range = data ? { from: data.from, to: data.to } : null;
  const bySchemes = data && range ? rows(data.dataset, range, 'scheme') : [];
  const byClasses = data && range ? rows(data.dataset, range, 'class') : [];
  const polls = data && range ? pollSummaries(data.dataset, range) : [];
  return (
    <div>
      <h2>Governance health</h2>
      <div className="form">
        window: <select data-testid="health-window" value={span} onChange={(e) => setSpan(Number(e.target.value))}>
          {WINDOWS.map((w) => <option key={w} value={w}>last {w} blocks (~{(blocksToDays(w, ms) * 24).toFixed(1)} h)</option>)}
        </select>{' '}
        <button data-testid="health-refresh" onClick={refresh} disabled={progress !== null}>Refresh</button>
        {progress ? <span className="muted"> reading block events {progress[0]} / {progress[1]}…</span> : null}
      </div>
      {!data ? <Loading error={error} /> : (
        <>
          {error ? <p className="err">Could not refresh: {error}</p> : null}
          <p data-testid="health-window-text">
            Blocks <b>#{data.from}–#{data.to}</b> ({data.to - data.from + 1} blocks, {(blocksToDays(data.to - data.from + 1, ms) * 24).toFixed(1)} h):
            the {data.dataset.polls.length} polls submitted, {data.dataset.decisions.length} decisions proposed and {data.dataset.incidents.length} incidents in this window,
            as <code>ostrom-cli report --from {data.from} --to {data.to}</code> reports them: each poll measured on its closing tally (or its live tally while ongoing,
            <code>VotingApi.poll_metrics</code>), its voters' records and its electorate at its last ongoing block.
            Earlier polls are not counted; a pruning node keeps only recent state (256 blocks by default), so longer windows need an archive node.
            {data.unreadable ? <span className="warn"> {data.unreadable} blocks of the window could not be read (state pruned).</span> : null}
          </p>
          <p className="muted">The numbers are computed by <code>src/metrics.ts</code>, the metrics crate's measures ported line by line and checked bit for bit against the crate's shared test vectors (<code>metrics/vectors.json</code>).</p>
          {data.warnings.map((w) => <p key={w} className="warn">{w}</p>)}
          <Section testid="health-schemes" title="Per voting scheme (the paper's Table 1)">
            <RowsTable rs={bySchemes} ms={ms} testid="health-rows-scheme" />
            <GroupCharts rs={bySchemes} prefix="scheme" ms={ms} />
            <Lorenz data={data} />
          </Section>
          <Section testid="health-classes" title="Per decision class">
            {byClasses.length <= 1 ? <p className="muted">No poll, decision or incident in this window.</p> : (
              <>
                <RowsTable rs={byClasses} ms={ms} testid="health-rows-class" />
                <GroupCharts rs={byClasses} prefix="class" ms={ms} />
              </>
            )}
          </Section>
          <Section testid="health-polls-section" title={`Per poll (${polls.length})`}>
            {polls.length === 0 ? <p className="muted">No poll was submitted in this window.</p> : <PollsTable ps={polls} />}
          </Section>
        </>
      )}
    </div>
  );
}
