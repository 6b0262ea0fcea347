import { useState } from 'react';
import type { ApiPromise } from '@polkadot/api';
import { blake2AsHex } from '@polkadot/util-crypto';
import { Address, Amount, Loading, Section, TxButton, When, useApp, useChain } from '../ui';
import { loadClasses, loadPolls, trackOf } from '../gov';

async function loadCouncil(api: ApiPromise) {
  const [seats, rules, guardians, measures, challenges, holds]: any[] = await Promise.all([
    (api.call as any).constitutionApi.council(),
    api.query.constitution.councilSeatRules(),
    api.query.guardians.guardianSet(),
    api.query.guardians.measures.entries(),
    api.query.constitution.challenges.entries(),
    api.query.constitution.onHold.entries(),
  ]);
  return { seats, rules, guardians, measures, challenges, holds };
}

/** A guardian's emergency measure: suspend an artifact, safe mode, pause a call, hold a decision. */
function TakeMeasure({ onDone }: { onDone: () => void }) {
  const { api, info } = useApp();
  const [kind, setKind] = useState('HoldDecision');
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [hours, setHours] = useState('24');
  const blocks = Math.round((Number(hours) * 3_600_000) / info.blockTimeMs);
  return (
    <div className="form" data-testid="take-measure">
      <select data-testid="measure-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
        <option value="HoldDecision">hold a decision (id)</option>
        <option value="SuspendArtifact">suspend an artifact (sha2-256:0x… / blake2-256:0x…)</option>
        <option value="PauseCall">pause a call (pallet.call)</option>
        <option value="SafeMode">enter safe mode</option>
      </select>
      {kind !== 'SafeMode' ? <input data-testid="measure-target" value={target} onChange={(e) => setTarget(e.target.value)} placeholder="target" size={50} /> : null}
      <div>reason (published as its hash) <input data-testid="measure-reason" value={reason} onChange={(e) => setReason(e.target.value)} size={50} /></div>
      <div>for <input value={hours} onChange={(e) => setHours(e.target.value)} size={4} /> hours ({blocks} blocks; at most 3 days, then it lapses unless an emergency-ratification decision ratifies it)</div>
      <TxButton testid="measure-submit" label="Take the measure" onDone={onDone} build={() => {
        let measure: any;
        if (kind === 'HoldDecision') measure = { HoldDecision: Number(target) };
        else if (kind === 'SafeMode') measure = { SafeMode: null };
        else if (kind === 'PauseCall') { const [pallet, call] = target.split('.'); measure = { PauseCall: { pallet, call } }; }
        else measure = { SuspendArtifact: target.startsWith('blake2-256:') ? { Blake2_256: target.slice(11) } : { Sha2_256: target.replace(/^sha2-256:/, '') } };
        if (!reason.trim()) throw new Error('give a reason');
        return api.tx.guardians.takeMeasure(measure, blake2AsHex(reason), blocks);
      }} />
    </div>
  );
}

/** Challenge a council member's undeclared conflict of interest on an ongoing council poll. */
function ChallengeConflict({ seats, onDone }: { seats: any[]; onDone: () => void }) {
  const { api } = useApp();
  const [polls] = useChain(async (a) => {
    const [classes, all] = await Promise.all([loadClasses(a), loadPolls(a)]);
    return [...all.values()].filter((p) => p.status === 'Ongoing' && trackOf(classes, p.track).scheme === 'council').map((p) => ({ index: p.index, label: trackOf(classes, p.track).label }));
  });
  const [poll, setPoll] = useState('');
  const [member, setMember] = useState('');
  const [evidence, setEvidence] = useState('');
  const deposit = (api.consts as any).constitution?.challengeDeposit;
  return (
    <div className="form" data-testid="challenge-form">
      <h4>Challenge a conflict of interest</h4>
      <div>council poll <select data-testid="challenge-poll" value={poll} onChange={(e) => setPoll(e.target.value)}>
        <option value="">choose…</option>
        {(polls ?? []).map((p) => <option key={p.index} value={p.index}>#{p.index} ({p.label})</option>)}
      </select>{' '}
      member <select data-testid="challenge-member" value={member} onChange={(e) => setMember(e.target.value)}>
        <option value="">choose…</option>
        {seats.map((s: any) => <option key={s.member.toString()} value={s.member.toString()}>{s.member.toString()}</option>)}
      </select></div>
      <div>evidence (published as its hash) <input data-testid="challenge-evidence" value={evidence} onChange={(e) => setEvidence(e.target.value)} size={50} /></div>
      <p className="muted">A challenge opens a council poll of the challenge class; the deposit{deposit ? <> (<Amount value={deposit} />)</> : null} is returned if it is upheld. An upheld challenge slashes the member's reputation.</p>
      <TxButton testid="challenge-submit" label="Challenge" onDone={onDone} build={() => {
        if (!poll || !member) throw new Error('choose a council poll and a member');
        if (!evidence.trim()) throw new Error('give the evidence');
        return api.tx.constitution.challengeConflict(Number(poll), member, blake2AsHex(evidence));
      }} />
    </div>
  );
}

export function Council() {
  const { api, account } = useApp();
  const [c, error, reload] = useChain(loadCouncil);
  if (!c) return <Loading error={error} />;
  const me = account?.address;
  return (
    <div>
      <h2>Council and guardians</h2>
      <Section testid="seats" title={`Council seats (${c.seats.length} of ${c.rules.maxSeats.toNumber()})`}>
        <ul>{c.seats.map((s: any) => <li key={s.member.toString()}><Address address={s.member} /> term ends <When block={s.termEnd.toNumber()} /></li>)}</ul>
        <p className="muted">Term {c.rules.term.toNumber()} blocks; thresholds {JSON.stringify(c.rules.thresholds.toJSON())}. Seating and unseating are decisions of the council-seating class (Propose).</p>
        <TxButton label="Purge expired seats" onDone={reload} build={() => api.tx.constitution.purgeExpiredSeats()} />
      </Section>
      <Section testid="guardians" title="Guardians and measures in force">
        <p>Guardians: {c.guardians.members.map((g: any) => <Address key={g.toString()} address={g} />)}; mandate ends <When block={c.guardians.mandateEnd.toNumber()} />.</p>
        {c.measures.length === 0 ? <p className="muted">No emergency measure in force.</p> : (
          <table><thead><tr><th>id</th><th>measure</th><th>by</th><th>lapses</th><th>ratify / lift (emergency-ratification decision)</th></tr></thead><tbody>
            {c.measures.map(([k, m]: any) => {
              const id = k.args[0].toNumber();
              const v = m.unwrap();
              return (
                <tr key={id}>
                  <td>{id}</td><td>{JSON.stringify(v.measure.toHuman())}</td><td><Address address={v.guardian} /></td><td><When block={v.expires.toNumber()} /> ({v.extensions.toNumber()} extension(s))</td>
                  <td>
                    <TxButton label="Propose ratify (+3 d)" onDone={reload} build={() => api.tx.constitution.propose(9, { Inline: api.tx.guardians.ratifyMeasure(id, 43_200).method.toHex() })} />
                    <TxButton label="Propose lift" onDone={reload} build={() => api.tx.constitution.propose(9, { Inline: api.tx.guardians.liftMeasure(id).method.toHex() })} />
                  </td>
                </tr>
              );
            })}
          </tbody></table>
        )}
        {me && c.guardians.members.some((g: any) => g.toString() === me) ? <><h4>You are a guardian</h4><TakeMeasure onDone={reload} /></> : null}
        {c.holds.length ? <p>Decisions on hold: {c.holds.map(([k, m]: any) => `#${k.args[0].toString()} (measure ${m.toString()})`).join(', ')}</p> : null}
      </Section>
      <Section testid="challenges" title="Conflict challenges">
        {c.challenges.length === 0 ? <p className="muted">none open</p> : (
          <ul>{c.challenges.map(([k, ch]: any) => {
            const v = ch.unwrap();
            const id = k.args[0].toNumber();
            return <li key={id}>#{id}: <Address address={v.challenger} /> challenges <Address address={v.member} /> on poll #{v.poll.toNumber()} (challenge poll #{v.challengePoll.toNumber()}, deposit <Amount value={v.deposit} />) <TxButton label="Advance challenge" onDone={reload} build={() => api.tx.constitution.advanceChallenge(id)} /></li>;
          })}</ul>
        )}
        {me ? <ChallengeConflict seats={c.seats} onDone={reload} /> : null}
        {me && c.seats.some((s: any) => s.member.toString() === me) ? <p>You hold a seat: declare a conflict on a council poll from the Vote page.</p> : null}
      </Section>
    </div>
  );
}
