import { useEffect, useMemo, useState } from 'react';
import { blake2AsHex, sha256AsU8a } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { Amount, AmountInput, Loading, Section, TxButton, useApp, useChain } from '../ui';
import type { ClassInfo } from '../gov';
import { CLASS_MAP, SPEND_LIMIT, classMayDispatch, decodedCall, housesText, loadClasses, ruleText } from '../gov';
import type { ChainInfo } from '../chain';
import { parseAmount } from '../chain';
import { CallView } from './Decisions';

interface Field {
  name: string;
  label: string;
  kind: 'amount' | 'amounts' | 'account' | 'number' | 'text' | 'hash' | 'spec' | 'percent' | 'stage' | 'json' | 'class' | 'bool' | 'days';
  initial?: string;
  /** May be left empty. */
  optional?: boolean;
}
interface Template { id: string; label: string; classes: number[]; fields: Field[]; build: (api: any, v: Record<string, string>, decimals: number, cls: ClassInfo, info: ChainInfo) => any }

/** A specification: its 32-byte hash as given (0x…), else the SHA2-256 of the text. */
export const specHash = (spec: string) => (/^0x[0-9a-fA-F]{64}$/.test(spec.trim()) ? spec.trim().toLowerCase() : u8aToHex(sha256AsU8a(new TextEncoder().encode(spec))));
/** A duration in days (decimals allowed) in blocks. */
export const daysToBlocks = (days: string, blockTimeMs: number) => {
  const d = Number(days);
  if (!Number.isFinite(d) || d <= 0) throw new Error(`"${days}" is not a number of days`);
  return Math.round((d * 86_400_000) / blockTimeMs);
};
/** `100, 50.5` (whole units) in plancks. */
const parseAmounts = (list: string, decimals: number) => list.split(/[;,\s]+/).filter((x) => x !== '').map((x) => parseAmount(x, decimals));

const contentHash = (h: string) => {
  const [tag, hex] = h.includes(':') ? h.split(':') : ['sha2-256', h];
  return tag.startsWith('blake2') ? { Blake2_256: hex } : { Sha2_256: hex };
};

const TEMPLATES: Template[] = [
  {
    id: 'spend', label: 'Treasury spend', classes: [2, 3, 4, 0],
    fields: [{ name: 'amount', label: 'amount', kind: 'amount' }, { name: 'beneficiary', label: 'beneficiary', kind: 'account' }],
    build: (api, v, dec) => api.tx.treasury.spend(null, parseAmount(v.amount, dec), v.beneficiary, null),
  },
  {
    id: 'bounty', label: 'Bounty: open a bounty (funded from the treasury at once)', classes: [2, 3, 4],
    fields: [
      { name: 'title', label: 'title', kind: 'text' },
      { name: 'spec', label: 'specification: its 32-byte hash (0x…), or its text (hashed here with SHA2-256)', kind: 'spec' },
      { name: 'milestones', label: 'milestones, paid in order (comma-separated)', kind: 'amounts', initial: '' },
      { name: 'curator', label: 'curator (optional; assigns the work)', kind: 'account', optional: true },
      { name: 'fee', label: 'curator\'s fee (at most 10 % of the milestones; 0 without a curator)', kind: 'amount', initial: '0' },
      { name: 'acceptClass', label: 'acceptance class (its decisions accept deliveries)', kind: 'class', initial: '5' },
      { name: 'upgrade', label: 'tied to a runtime upgrade (its enactment accepts the last milestone)', kind: 'bool', initial: 'false' },
      { name: 'days', label: 'duration (days, until it may expire)', kind: 'days', initial: '30' },
    ],
    build: (api, v, dec, _cls, info) => {
      const title = new TextEncoder().encode(v.title);
      const maxTitle = Number(api.consts.bountyWork.maxTitleLen.toString());
      if (title.length > maxTitle) throw new Error(`the title is ${title.length} bytes, at most ${maxTitle}`);
      const milestones = parseAmounts(v.milestones, dec);
      const maxMilestones = Number(api.consts.bountyWork.maxMilestones.toString());
      if (milestones.length > maxMilestones) throw new Error(`at most ${maxMilestones} milestones`);
      return api.tx.bountyWork.open(v.title, specHash(v.spec), milestones, v.curator.trim() || null, parseAmount(v.fee, dec), Number(v.acceptClass), v.upgrade === 'true', daysToBlocks(v.days, info.blockTimeMs));
    },
  },
  {
    id: 'round', label: 'Quadratic funding round', classes: [4],
    fields: [
      { name: 'pool', label: 'matching pool', kind: 'amount' },
      { name: 'app', label: 'application period (blocks)', kind: 'number', initial: '20' },
      { name: 'contrib', label: 'contribution period (blocks)', kind: 'number', initial: '40' },
      { name: 'cap', label: 'per-project cap (%)', kind: 'percent', initial: '25' },
      { name: 'min', label: 'minimum contribution', kind: 'amount', initial: '1' },
    ],
    build: (api, v, dec) => api.tx.quadraticFunding.createRound(parseAmount(v.pool, dec), Number(v.app), Number(v.contrib), Math.round(Number(v.cap) * 1e7), parseAmount(v.min, dec)),
  },
  {
    id: 'gate', label: 'Release gate: advance an artifact\'s stage', classes: [5],
    fields: [{ name: 'hash', label: 'artifact hash (sha2-256:0x… or blake2-256:0x…)', kind: 'hash' }, { name: 'stage', label: 'to stage', kind: 'stage', initial: 'ResearchOnly' }],
    build: (api, v) => api.tx.artifacts.advanceStage(contentHash(v.hash), v.stage),
  },
  {
    id: 'takedown', label: 'Takedown: withdraw an artifact', classes: [6],
    fields: [{ name: 'hash', label: 'artifact hash', kind: 'hash' }],
    build: (api, v) => api.tx.artifacts.withdraw(contentHash(v.hash)),
  },
  {
    id: 'domain', label: 'Reputation: add a domain', classes: [7],
    fields: [{ name: 'domain', label: 'domain id', kind: 'number', initial: '5' }, { name: 'name', label: 'name', kind: 'text' }, { name: 'half', label: 'half-life (blocks)', kind: 'number', initial: '1296000' }],
    build: (api, v) => api.tx.reputation.addDomain(Number(v.domain), v.name, Number(v.half)),
  },
  {
    id: 'attester', label: 'Reputation: appoint an attester', classes: [7],
    fields: [{ name: 'domain', label: 'domain id', kind: 'number', initial: '0' }, { name: 'who', label: 'attester', kind: 'account' }, { name: 'max', label: 'max points per attestation', kind: 'number', initial: '100' }, { name: 'rate', label: 'points per day', kind: 'number', initial: '1000' }],
    build: (api, v) => api.tx.reputation.setAttester(Number(v.domain), v.who, BigInt(v.max), BigInt(v.rate)),
  },
  {
    id: 'issuer', label: 'Reputation: add a personhood issuer', classes: [7],
    fields: [{ name: 'who', label: 'issuer', kind: 'account' }],
    build: (api, v) => api.tx.reputation.addIssuer(v.who),
  },
  {
    id: 'seat', label: 'Council: seat a member', classes: [8],
    fields: [{ name: 'who', label: 'member', kind: 'account' }],
    build: (api, v) => api.tx.constitution.seat(v.who),
  },
  {
    id: 'amend', label: 'Amend a class (current values pre-filled)', classes: [1],
    fields: [{ name: 'target', label: 'class to amend', kind: 'number', initial: '3' }, { name: 'info', label: 'class info (JSON)', kind: 'json' }],
    build: (api, v) => api.tx.constitution.amendClass(Number(v.target), JSON.parse(v.info)),
  },
];

export function Propose() {
  const { api, info, accounts } = useApp();
  const [classes, error] = useChain(loadClasses);
  const [clsId, setClsId] = useState(3);
  const [tplId, setTplId] = useState('spend');
  const [values, setValues] = useState<Record<string, string>>({});
  const [generic, setGeneric] = useState({ section: 'system', method: 'remark', args: '["0x00"]' });
  const [proposed, setProposed] = useState<string | null>(null);
  const cls = classes?.get(clsId);
  const templates = TEMPLATES.filter((t) => t.classes.includes(clsId) || (clsId === 0 && t.id !== 'amend'));
  const tpl = templates.find((t) => t.id === tplId) ?? null;
  const set = (k: string, v: string) => setValues((o) => ({ ...o, [k]: v }));
  const valueOf = (f: Field) => {
    if (values[f.name] !== undefined) return values[f.name];
    if (f.kind === 'json' && classes) {
      const target = classes.get(Number(values.target ?? '3'));
      return target ? JSON.stringify(target.raw.toJSON(), null, 1) : '';
    }
    return f.initial ?? '';
  };

  const built = useMemo(() => {
    if (!cls) return null;
    try {
      let call: any;
      if (tpl) {
        const v: Record<string, string> = {};
        for (const f of tpl.fields) {
          v[f.name] = valueOf(f);
          if (v[f.name].trim() === '' && !f.optional) return { error: `fill in "${f.label}"` };
        }
        call = tpl.build(api, v, info.decimals, cls, info);
      } else {
        const fn = (api.tx as any)[generic.section]?.[generic.method];
        if (!fn) return { error: `no call ${generic.section}.${generic.method}` };
        call = fn(...JSON.parse(generic.args));
      }
      const hex: string = call.method.toHex();
      const len = (hex.length - 2) / 2;
      const why = classMayDispatch(api, cls, call.method, info.decimals);
      return { call, hex, len, why, decoded: decodedCall(api, call.method) };
    } catch (e: any) {
      return { error: e.message };
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cls, tpl, values, generic, classes]);

  // The runtime's dry run (DecisionDryRunApi): the call dispatched as the class would dispatch
  // it once approved, on the current state, and rolled back. Authoritative where the runtime
  // has it; the class map above only explains which class to use instead.
  const [dryRun, setDryRun] = useState<{ key: string; error: string | null } | null>(null);
  const dryRunKey = built && !('error' in built) ? `${clsId}:${built.hex}` : null;
  useEffect(() => {
    const fn = (api.call as any).decisionDryRunApi?.dryRun;
    if (!dryRunKey || !fn || !built || 'error' in built) return undefined;
    let live = true;
    fn(clsId, built.call.method).then((result: any) => {
      if (!live) return;
      let why: string | null = null;
      if (result.isErr) {
        const err = result.asErr;
        if (err.isModule) {
          const { section, name, docs } = api.registry.findMetaError(err.asModule);
          why = `${section}.${name}${docs.length ? `: ${docs.join(' ')}` : ''}`;
        } else {
          why = err.type;
        }
      }
      setDryRun({ key: dryRunKey, error: why });
    }).catch((e: any) => { if (live) setDryRun({ key: dryRunKey, error: `the dry run failed: ${e.message}` }); });
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dryRunKey]);
  const hasDryRun = !!(api.call as any).decisionDryRunApi?.dryRun;
  const dry = dryRun && dryRun.key === dryRunKey ? dryRun : null;

  if (!classes) return <Loading error={error} />;
  const polls = cls ? [cls.rule.communityWithCouncilVeto ? null : cls.council, cls.rule.councilWithCommunityAppeal ? null : cls.community?.track].filter((t) => t) : [];
  const pollDeposits = polls.reduce((s, t: any) => s + t.decisionDeposit, 0n);
  const decisionDeposit = BigInt((api.consts as any).constitution.decisionDeposit.toString());
  const submission = BigInt((api.consts as any).referenda.submissionDeposit.toString()) * BigInt(polls.length);

  return (
    <div>
      <h2>Propose</h2>
      <Section title="1. Class">
        <select data-testid="propose-class" value={clsId} onChange={(e) => {
          const id = Number(e.target.value);
          setClsId(id);
          setTplId(TEMPLATES.find((t) => t.classes.includes(id))?.id ?? 'generic');
          setValues({});
          setProposed(null);
        }}>
          {[...classes.values()].map((c) => <option key={c.id} value={c.id}>{c.id} {c.name}</option>)}
        </select>
        {cls ? <p>{housesText(cls)}; {ruleText(cls)}. May call: {cls.dispatch === 'Root' ? 'anything (Root)' : (CLASS_MAP[cls.id] ?? []).join(', ') || 'nothing (do not propose in this class)'}{SPEND_LIMIT[cls.id] ? `; spends up to ${SPEND_LIMIT[cls.id].toLocaleString('en')} ${info.symbol}` : ''}.</p> : null}
      </Section>
      <Section title="2. Call">
        <select data-testid="propose-template" value={tpl?.id ?? ''} onChange={(e) => { setTplId(e.target.value); setValues({}); setProposed(null); }}>
          {templates.map((t) => <option key={t.id} value={t.id}>{t.label}</option>)}
          <option value="generic">Any call (generic builder)</option>
        </select>
        {tpl ? (
          <div className="form">
            {tpl.fields.map((f) => (
              <div key={f.name}>
                <label>{f.label} </label>
                {f.kind === 'amount' ? <AmountInput testid={`field-${f.name}`} value={valueOf(f)} onChange={(v) => set(f.name, v)} />
                  : f.kind === 'account' ? (
                    <>
                      <input data-testid={`field-${f.name}`} list="known-accounts" size={52} value={valueOf(f)} onChange={(e) => set(f.name, e.target.value)} placeholder="address" />
                      <datalist id="known-accounts">{accounts.map((a) => <option key={a.address} value={a.address}>{a.name}</option>)}</datalist>
                    </>
                  ) : f.kind === 'stage' ? (
                    <select data-testid={`field-${f.name}`} value={valueOf(f)} onChange={(e) => set(f.name, e.target.value)}>
                      {['ResearchOnly', 'NonCommercial', 'General'].map((s) => <option key={s}>{s}</option>)}
                    </select>
                  ) : f.kind === 'class' ? (
                    <select data-testid={`field-${f.name}`} value={valueOf(f)} onChange={(e) => set(f.name, e.target.value)}>
                      {[...classes.values()].map((c) => <option key={c.id} value={c.id}>{c.id} {c.name}</option>)}
                    </select>
                  ) : f.kind === 'bool' ? (
                    <input type="checkbox" data-testid={`field-${f.name}`} checked={valueOf(f) === 'true'} onChange={(e) => set(f.name, e.target.checked ? 'true' : 'false')} />
                  ) : f.kind === 'spec' ? (
                    <>
                      <textarea data-testid={`field-${f.name}`} rows={2} cols={70} value={valueOf(f)} onChange={(e) => set(f.name, e.target.value)} />
                      {valueOf(f).trim() ? <div className="muted">hash: <code data-testid={`field-${f.name}-hash`}>{specHash(valueOf(f))}</code>{/^0x[0-9a-fA-F]{64}$/.test(valueOf(f).trim()) ? ' (as given)' : ' (SHA2-256 of the text: publish the text with the proposal)'}</div> : null}
                    </>
                  ) : f.kind === 'amounts' ? (
                    <><input data-testid={`field-${f.name}`} size={30} placeholder="e.g. 100, 200" value={valueOf(f)} onChange={(e) => set(f.name, e.target.value)} /><span className="unit">{info.symbol} each</span></>
                  ) : f.kind === 'days' ? (
                    <><input data-testid={`field-${f.name}`} size={6} value={valueOf(f)} onChange={(e) => set(f.name, e.target.value)} />
                      <span className="muted" data-testid={`field-${f.name}-blocks`}> {(() => { try { return `= ${daysToBlocks(valueOf(f), info.blockTimeMs).toLocaleString('en')} blocks`; } catch (e: any) { return e.message; } })()}</span></>
                  ) : f.kind === 'json' ? (
                    <textarea data-testid={`field-${f.name}`} rows={16} cols={80} value={valueOf(f)} onChange={(e) => set(f.name, e.target.value)} />
                  ) : <input data-testid={`field-${f.name}`} value={valueOf(f)} onChange={(e) => set(f.name, e.target.value)} />}
              </div>
            ))}
          </div>
        ) : (
          <div className="form">
            <input data-testid="generic-section" value={generic.section} onChange={(e) => setGeneric({ ...generic, section: e.target.value })} />.
            <input data-testid="generic-method" value={generic.method} onChange={(e) => setGeneric({ ...generic, method: e.target.value })} />
            <span className="muted"> ({((api.tx as any)[generic.section]?.[generic.method]?.meta.args ?? []).map((a: any) => `${a.name}: ${a.type}`).join(', ')})</span>
            <div>arguments (JSON array): <input data-testid="generic-args" size={60} value={generic.args} onChange={(e) => setGeneric({ ...generic, args: e.target.value })} /></div>
          </div>
        )}
      </Section>
      <Section title="3. Check and propose">
        {!built ? null : 'error' in built ? <p className="err" data-testid="propose-invalid">{built.error}</p> : (
          <>
            <CallView call={built.decoded} />
            <p>{built.len} bytes: {built.len <= 128 ? 'bound inline' : 'noted as a preimage first (a deposit is held until you unnote it), then bound by hash'}.</p>
            {hasDryRun ? (
              !dry ? <p className="muted" data-testid="dispatch-check">Dry run…</p>
                : dry.error ? <p className="err" data-testid="dispatch-check">Will fail at enactment (dry run on the current state): {dry.error}{built.why ? `. ${built.why}` : ''}</p>
                  : <p className="ok" data-testid="dispatch-check">Dry run passed: dispatched as class {cls!.id} ({cls!.name}) on the current state, the call succeeds.</p>
            ) : built.why ? <p className="err" data-testid="dispatch-check">Will fail at enactment: {built.why}</p>
              : <p className="ok" data-testid="dispatch-check">Check passed: class {cls!.id} ({cls!.name}) may dispatch this call.</p>}
            <p>You pay: decision deposit <Amount value={decisionDeposit} /> (returned when it closes), and for the first polls <Amount value={pollDeposits} /> of decision deposits plus <Amount value={submission} /> of submission deposits (refund them on My account when the polls end).</p>
            <TxButton testid="propose-submit" label="Propose" disabled={hasDryRun ? !dry || !!dry.error : !!built.why} onDone={(r) => {
              const ev = r.events.find(({ event }: any) => api.events.constitution.Proposed.is(event));
              setProposed(ev ? `Decision #${ev.event.data.decision.toString()} proposed; polls ${JSON.stringify(ev.event.data.polls.toJSON())}` : 'proposed');
            }} build={() => {
              const hash = blake2AsHex(built.hex);
              if (built.len <= 128) return api.tx.constitution.propose(clsId, { Inline: built.hex });
              return api.tx.utility.batchAll([api.tx.preimage.notePreimage(built.hex), api.tx.constitution.propose(clsId, { Lookup: { hash, len: built.len } })]);
            }} />
            {proposed ? <p className="ok" data-testid="proposed">{proposed}</p> : null}
          </>
        )}
      </Section>
    </div>
  );
}
