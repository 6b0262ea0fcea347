import { useState } from 'react';
import type { ApiPromise } from '@polkadot/api';
import { blake2AsHex } from '@polkadot/util-crypto';
import { Address, Amount, Loading, Section, TxButton, When, useApp, useChain } from '../ui';

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
      <select value={kind} onChange={(e) => setKind(e.target.value)}>
        <option value="HoldDecision">hold a decision (id)</option>
        <option value="SuspendArtifact">suspend an artifact (sha2-256:0x… / blake2-256:0x…)</option>
        <option value="PauseCall">pause a call (pallet.call)</option>
        <option value="SafeMode">enter safe mode</option>
      </select>
      {kind !== 'SafeMode' ? <input value={target} onChange={(e) => setTarget(e.target.value)} placeholder="target" size={50} /> : null}
      <div>reason (published as its hash) <input value={reason} onChange={(e) => setReason(e.target.value)} size={50} /></div>
      <div>for <input value={hours} onChange={(e) => setHours(e.target.value)} size={4} /> hours ({blocks} blocks; at most 3 days, then it lapses unless an emergency-ratification decision ratifies it)</div>
      <TxButton label="Take the measure" onDone={onDone} build={() => {
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
        {me && c.seats.some((s: any) => s.member.toString() === me) ? <p>You hold a seat: declare a conflict on a council poll from the Vote page.</p> : null}
      </Section>
    </div>
  );
}
