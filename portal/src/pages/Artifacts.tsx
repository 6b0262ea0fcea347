import { useState } from 'react';
import type { ApiPromise } from '@polkadot/api';
import { blake2AsHex } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { Address, Amount, Loading, Section, TxButton, When, useApp, useChain } from '../ui';
import { text } from '../chain';

/** `sha2-256:0x…` / `blake2-256:0x…`, as `ostrom-cli` prints a content hash. */
export function tagged(h: any): string {
  if (h.type && h.value) return `${h.type === 'Sha2_256' ? 'sha2-256' : 'blake2-256'}:${h.value.toHex()}`;
  const j = h.toJSON ? h.toJSON() : h;
  if (j.sha2_256 ?? j.Sha2_256) return `sha2-256:${j.sha2_256 ?? j.Sha2_256}`;
  return `blake2-256:${j.blake2_256 ?? j.Blake2_256}`;
}
const untag = (s: string) => (s.startsWith('blake2-256:') ? { Blake2_256: s.slice(11) } : { Sha2_256: s.replace(/^sha2-256:/, '') });

/** The verdicts of `ostrom-cli artifact verify` (cli/src/report.rs): exit codes 0–3. */
export type Verdict = 'registered' | 'unknown' | 'suspended' | 'withdrawn';
export const verdictOf = (stage: any): Verdict => (stage.isSuspended ? 'suspended' : stage.isWithdrawn ? 'withdrawn' : 'registered');

/** SHA2-256 and BLAKE2b-256 of a file, as `ostrom-cli artifact hash` computes them. */
export async function hashFile(file: File): Promise<{ sha2: string; blake2: string; size: number }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const sha2 = u8aToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
  const blake2 = blake2AsHex(bytes, 256);
  return { sha2, blake2, size: bytes.length };
}

async function loadArtifacts(api: ApiPromise) {
  const entries: any[] = await api.query.artifacts.artifacts.entries();
  return entries.map(([k, v]) => ({ hash: tagged(k.args[0]), a: v.unwrap() }));
}

function Lineage({ hash }: { hash: string }) {
  const [entries] = useChain<any>((api) => (api.call as any).artifactsApi.lineage(untag(hash), 8), [hash]);
  if (!entries) return null;
  if (entries.length === 0) return <p className="muted">No parents registered.</p>;
  // Layered graph: the artifact at depth 0 on top, its ancestors below by depth.
  const nodes = new Map<string, { label: string; depth: number; x: number }>();
  nodes.set(hash, { label: 'this artifact', depth: 0, x: 0 });
  const byDepth = new Map<number, number>();
  for (const e of entries) {
    const h = tagged(e.hash_);
    if (nodes.has(h)) continue;
    const depth = e.depth.toNumber();
    const x = byDepth.get(depth) ?? 0;
    byDepth.set(depth, x + 1);
    nodes.set(h, { label: `${text(e.name)} (${e.kind.type}, ${e.stage.type})`, depth, x });
  }
  const pos = (n: { depth: number; x: number }) => ({ x: 20 + n.x * 240, y: 20 + n.depth * 70 });
  const height = 60 + Math.max(...[...nodes.values()].map((n) => n.depth)) * 70;
  return (
    <svg className="lineage" data-testid="lineage" width="100%" height={height}>
      {entries.map((e: any, i: number) => {
        const a = nodes.get(tagged(e.child));
        const b = nodes.get(tagged(e.hash_));
        if (!a || !b) return null;
        const pa = pos(a); const pb = pos(b);
        return <g key={i}><line x1={pa.x + 80} y1={pa.y + 10} x2={pb.x + 80} y2={pb.y} stroke="#889" /><text x={(pa.x + pb.x) / 2 + 90} y={(pa.y + pb.y) / 2 + 10}>{e.relation.type}</text></g>;
      })}
      {[...nodes.entries()].map(([h, n]) => { const p = pos(n); return <g key={h}><rect x={p.x} y={p.y - 12} width={220} height={24} rx={4} fill="#eef" stroke="#99b" /><text x={p.x + 6} y={p.y + 4}>{n.label}</text></g>; })}
    </svg>
  );
}

function Checklist({ gate, summary }: { gate: any; summary: any }) {
  if (!gate) return null;
  const n = (v: any) => Number(v.toString());
  const rows: [string, string, boolean][] = [
    ['reproductions', `${n(summary.reproductions)} of ${n(gate.minReproductions)}`, n(summary.reproductions) >= n(gate.minReproductions)],
    ['evaluation scores', `${n(summary.evalScores)} of ${n(gate.minEvalScores)}`, n(summary.evalScores) >= n(gate.minEvalScores)],
    ['distinct attesters', `${n(summary.distinctAttesters)} of ${n(gate.minAttesters)}`, n(summary.distinctAttesters) >= n(gate.minAttesters)],
  ];
  if (gate.minRedTeamScore.isSome) {
    const need = n(gate.minRedTeamScore.unwrap());
    const worst = summary.worstRedTeamScore.isSome ? n(summary.worstRedTeamScore.unwrap()) : null;
    rows.push(['red-team score', `${worst === null ? 'none' : `${(worst / 1e7).toFixed(0)} %`} (at least ${(need / 1e7).toFixed(0)} %)`, worst !== null && worst >= need]);
  }
  if (gate.requireModelCardReview.isTrue) rows.push(['model card reviewed', `${n(summary.modelCardReviews)}`, n(summary.modelCardReviews) > 0]);
  if (gate.requireLicenceReview.isTrue) rows.push(['licence reviewed', `${n(summary.licenceReviews)}`, n(summary.licenceReviews) > 0]);
  return (
    <table data-testid="gate-checklist"><tbody>
      {rows.map(([what, have, ok]) => <tr key={what}><td>{ok ? '✓' : '✗'}</td><th>{what}</th><td>{have}</td></tr>)}
    </tbody></table>
  );
}

/** An artifact attester's everyday work: attest a reproduction, a review or a score. */
function Attest({ hash }: { hash: string }) {
  const { api } = useApp();
  const [kind, setKind] = useState('Reproduced');
  const [score, setScore] = useState('90');
  return (
    <div className="form" data-testid="attest">
      <h4>Attest (artifact attesters)</h4>
      <select data-testid="attest-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
        {['Reproduced', 'ModelCardReviewed', 'LicenceReviewed', 'EvalScore', 'RedTeamScore'].map((k) => <option key={k}>{k}</option>)}
      </select>
      {kind === 'EvalScore' || kind === 'RedTeamScore' ? <> score <input value={score} onChange={(e) => setScore(e.target.value)} size={4} /> %</> : null}
      <TxButton testid="attest-submit" label="Attest" build={() => {
        const perbill = Math.round(Number(score) * 1e7);
        const k = kind === 'EvalScore' ? { EvalScore: { suite: null, score: perbill } }
          : kind === 'RedTeamScore' ? { RedTeamScore: { score: perbill, report: blake2AsHex(`report ${hash}`) } } : kind;
        return api.tx.artifacts.attest(untag(hash), k as any);
      }} />
    </div>
  );
}

/** A release manager's registration of a file (hashed here) with its metadata. */
function Register() {
  const { api } = useApp();
  const [file, setFile] = useState<{ name: string; sha2: string; size: number } | null>(null);
  const [f, setF] = useState({ kind: 'Model', name: '', version: '1.0', licence: 'Apache-2.0', uri: '', parent: '', relation: 'FineTunedFrom' });
  return (
    <div className="form" data-testid="register">
      <input data-testid="register-file" type="file" onChange={async (e) => { const x = e.target.files?.[0]; if (x) { const h = await hashFile(x); setFile({ name: x.name, sha2: h.sha2, size: h.size }); setF((o) => ({ ...o, name: o.name || x.name })); } }} />
      {file ? <span data-testid="register-hash"> sha2-256:{file.sha2.slice(0, 18)}… ({file.size} bytes)</span> : null}
      <div>kind <select value={f.kind} onChange={(e) => setF({ ...f, kind: e.target.value })}>{['Model', 'Dataset', 'EvalSuite', 'EvalResult', 'TrainingRecipe', 'Code', 'ModelCard'].map((k) => <option key={k}>{k}</option>)}</select>
        {' '}name <input data-testid="register-name" value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} /> version <input size={6} value={f.version} onChange={(e) => setF({ ...f, version: e.target.value })} /> licence <input size={10} value={f.licence} onChange={(e) => setF({ ...f, licence: e.target.value })} /></div>
      <div>uri <input size={40} value={f.uri} onChange={(e) => setF({ ...f, uri: e.target.value })} /> parent <input size={30} placeholder="sha2-256:0x… (optional)" value={f.parent} onChange={(e) => setF({ ...f, parent: e.target.value })} />
        {' '}<select value={f.relation} onChange={(e) => setF({ ...f, relation: e.target.value })}>{['FineTunedFrom', 'TrainedOn', 'EvaluatedWith', 'QuantizedFrom', 'DerivedFrom'].map((k) => <option key={k}>{k}</option>)}</select></div>
      <TxButton testid="register-submit" label="Register (deposit held)" build={() => {
        if (!file) throw new Error('choose the file first');
        return api.tx.artifacts.register({ Sha2_256: file.sha2 }, f.kind as any, f.name, f.version, file.size, f.uri || null, f.licence, f.parent ? [[untag(f.parent), f.relation]] : []);
      }} />
    </div>
  );
}

function ArtifactDetail({ hash }: { hash: string }) {
  const [data] = useChain(async (api) => {
    const r = await (api.call as any).artifactsApi.artifact(untag(hash));
    const gates = new Map<string, any>();
    for (const [stage, gate] of await (api.call as any).artifactsApi.gates()) gates.set(stage.type, gate);
    return { view: r.isSome ? r.unwrap() : null, gates };
  }, [hash]);
  const view = data === undefined ? undefined : data.view;
  if (view === undefined) return <Loading />;
  if (view === null) return <p>Not registered.</p>;
  const gate = view.nextGate.isSome ? view.nextGate.unwrap() : null;
  return (
    <div data-testid="artifact-detail">
      <p><b>{text(view.name)}</b> {text(view.version)} · {view.kind.type} · stage <b data-testid="stage">{view.stage.type}</b> · {view.size_.toString()} bytes · licence {text(view.licence)}</p>
      <p>Registered by <Address address={view.registrant} /> <When block={view.registeredAt.toNumber()} />, deposit <Amount value={view.deposit} />; {view.children.toNumber()} child artifact(s).</p>
      <h4>Attestations</h4>
      {view.attestations.length === 0 ? <p className="muted">none</p> : <ul>{view.attestations.map((a: any, i: number) => <li key={i}>{JSON.stringify(a.toHuman())}</li>)}</ul>}
      <p>Summary: {JSON.stringify(view.summary.toHuman())}</p>
      {gate ? <><h4>Next gate: {gate[0].type} — {gate[1].type === 'Met' ? 'met' : `unmet (${JSON.stringify(gate[1].toHuman())})`}</h4><Checklist gate={data!.gates.get(gate[0].type)} summary={view.summary} /></> : null}
      <Attest hash={hash} />
      {gate ? <p className="muted">When the checklist is met, a release-gate decision (Propose, class 5) advances the stage.</p> : null}
      <h4>Lineage</h4>
      <Lineage hash={hash} />
    </div>
  );
}

export function Artifacts() {
  const { api } = useApp();
  const [list, error] = useChain(loadArtifacts);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [verify, setVerify] = useState<{ file: string; verdict: Verdict; hashes: string[]; found?: string; stage?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async (file: File) => {
    setBusy(true);
    try {
      const h = await hashFile(file);
      const candidates = [`sha2-256:${h.sha2}`, `blake2-256:${h.blake2}`];
      for (const c of candidates) {
        const r = await (api.call as any).artifactsApi.artifact(untag(c));
        if (r.isSome) {
          const v = r.unwrap();
          setVerify({ file: file.name, verdict: verdictOf(v.stage), hashes: candidates, found: c, stage: v.stage.type });
          return;
        }
      }
      setVerify({ file: file.name, verdict: 'unknown', hashes: candidates });
    } finally {
      setBusy(false);
    }
  };

  if (!list) return <Loading error={error} />;
  const q = query.toLowerCase();
  const shown = list.filter(({ hash, a }) => !q || hash.includes(q) || text(a.name).toLowerCase().includes(q) || text(a.version).toLowerCase().includes(q));
  return (
    <div>
      <h2>Artifacts</h2>
      <Section testid="verify" title="Verify a file">
        <div
          className="dropzone"
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => { e.preventDefault(); const f = e.dataTransfer.files[0]; if (f) check(f); }}
        >
          Drop a file here, or <input data-testid="verify-file" type="file" onChange={(e) => { const f = e.target.files?.[0]; if (f) check(f); }} />
          <p className="muted">Hashed in your browser (SHA2-256 and BLAKE2b-256), nothing is uploaded: the same check as <code>ostrom-cli artifact verify FILE</code>.</p>
        </div>
        {busy ? <p>hashing…</p> : null}
        {verify ? (
          <div data-testid="verdict" className={verify.verdict === 'registered' ? 'ok' : 'err'}>
            <b data-testid="verdict-word">{verify.verdict}</b>: {verify.file}{' '}
            {verify.verdict === 'unknown' ? 'is not registered' : verify.verdict === 'registered' ? `is registered as ${verify.found} (stage ${verify.stage})` : `is ${verify.verdict}: do not use it`}
            <ul>{verify.hashes.map((h) => <li key={h}><code>{h}</code></li>)}</ul>
          </div>
        ) : null}
      </Section>
      <Section testid="artifact-list" title={`Registry (${list.length})`}>
        <input data-testid="artifact-search" placeholder="search name, version or hash" value={query} onChange={(e) => setQuery(e.target.value)} size={40} />
        <table><thead><tr><th>name</th><th>version</th><th>kind</th><th>stage</th><th>hash</th></tr></thead><tbody>
          {shown.map(({ hash, a }) => (
            <tr key={hash} onClick={() => setSelected(hash)} style={{ cursor: 'pointer', background: selected === hash ? '#eef' : undefined }}>
              <td>{text(a.name)}</td><td>{text(a.version)}</td><td>{a.kind.type}</td><td>{a.stage.type}</td><td><code>{hash.slice(0, 24)}…</code></td>
            </tr>
          ))}
        </tbody></table>
      </Section>
      {selected ? <Section title="Artifact"><ArtifactDetail hash={selected} /></Section> : null}
      <Section title="Register an artifact (release managers)"><Register /></Section>
    </div>
  );
}
