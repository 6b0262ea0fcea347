import { useState } from 'react';
import type { ApiPromise } from '@polkadot/api';
import { Address, Amount, AmountInput, Loading, Section, TxButton, useApp, useChain } from '../ui';
import { loadClasses, trackOf } from '../gov';
import { parseAmount } from '../chain';

async function loadDelegations(api: ApiPromise, who: string | null) {
  const classes = await loadClasses(api);
  const tracks: number[] = [];
  for (const c of classes.values()) for (let k = 0; k < 4; k++) {
    const t = trackOf(classes, c.id * 4 + k);
    if (t.scheme === 'token' || t.scheme === 'reputation') tracks.push(c.id * 4 + k);
  }
  const mine: { track: number; v: any }[] = [];
  if (who) {
    for (const [key, v] of (await api.query.voting.votingFor.entries(who)) as any[]) {
      if (v.isSome) mine.push({ track: key.args[1].toNumber(), v: v.unwrap() });
    }
  }
  return { classes, tracks, mine };
}

export function Delegate() {
  const { api, account, info } = useApp();
  const who = account?.address ?? null;
  const [d, error, reload] = useChain((api) => loadDelegations(api, who), [who]);
  const [track, setTrack] = useState<number | null>(null);
  const [to, setTo] = useState('');
  const [amount, setAmount] = useState('');
  if (!d) return <Loading error={error} />;
  const tr = track ?? d.tracks[0];
  const t = trackOf(d.classes, tr);
  return (
    <div>
      <h2>Delegate</h2>
      <p>Delegations are per track (token and reputation tracks). Your delegate votes with your weight on every poll of the track; voting yourself on a poll overrides the delegation for that poll only.</p>
      <Section testid="delegate-form" title="Delegate a track">
        <div className="form">
          <div>track <select data-testid="delegate-track" value={tr} onChange={(e) => setTrack(Number(e.target.value))}>
            {d.tracks.map((x) => { const tt = trackOf(d.classes, x); return <option key={x} value={x}>{x}: {tt.label} ({tt.scheme})</option>; })}
          </select></div>
          <div>to <input data-testid="delegate-to" size={52} value={to} onChange={(e) => setTo(e.target.value)} placeholder="address of your delegate" /></div>
          {t.scheme === 'token' ? <div>amount <AmountInput testid="delegate-amount" value={amount} onChange={setAmount} /> (frozen while delegated)</div> : <p className="muted">Reputation delegations lend your current reputation (amount 0).</p>}
          <TxButton testid="delegate-submit" label="Delegate" onDone={reload} build={() => api.tx.voting.delegate(tr, to.trim(), t.scheme === 'token' ? parseAmount(amount, info.decimals) : 0)} />
        </div>
      </Section>
      <Section testid="my-delegations" title="My delegations and delegators">
        {d.mine.filter(({ v }) => v.delegating.isSome || v.delegators.toNumber() > 0).length === 0 ? <p className="muted">none</p> : null}
        <table><tbody>
          {d.mine.map(({ track: x, v }) => (
            <tr key={x} data-testid={`delegation-${x}`}>
              <td>track {x} ({trackOf(d.classes, x).label})</td>
              <td>{v.delegating.isSome ? <>delegating to <Address address={v.delegating.unwrap().target} /> <Amount value={v.delegating.unwrap().amount} /></> : null}</td>
              <td>{v.delegators.toNumber() > 0 ? <>{v.delegators.toNumber()} delegator(s) lend you <Amount value={v.delegations} /></> : null}</td>
              <td>{v.delegating.isSome ? <TxButton label="Undelegate" onDone={reload} build={() => api.tx.voting.undelegate(x)} /> : null}</td>
            </tr>
          ))}
        </tbody></table>
        <p className="muted">After undelegating, the freeze stays until you unlock it (My account → Unlock everything).</p>
      </Section>
    </div>
  );
}
