import { useState } from 'react';
import type { ApiPromise } from '@polkadot/api';
import { Address, Amount, AmountInput, Loading, Section, TxButton, When, useApp, useChain } from '../ui';
import { parseAmount } from '../chain';

async function loadFunding(api: ApiPromise) {
  const count = ((await api.query.quadraticFunding.roundCount()) as any).toNumber();
  const rounds: any[] = [];
  for (let i = count - 1; i >= 0 && rounds.length < 10; i--) {
    const r = await (api.call as any).quadraticFundingApi.round(i);
    if (r.isNone) continue;
    rounds.push({ index: i, r: r.unwrap(), projects: await (api.call as any).quadraticFundingApi.projects(i) });
  }
  return rounds;
}

function Contribute({ round, project, onDone }: { round: number; project: number; onDone: () => void }) {
  const { api, info } = useApp();
  const [amount, setAmount] = useState('');
  return (
    <span data-testid={`contribute-${round}-${project}`}>
      <AmountInput testid="contribute-amount" value={amount} onChange={setAmount} />
      <TxButton testid="contribute-submit" label="Contribute" onDone={onDone} build={() => api.tx.quadraticFunding.contribute(round, project, parseAmount(amount, info.decimals))} />
    </span>
  );
}

export function Funding() {
  const { api, best, account } = useApp();
  const [rounds, error, reload] = useChain(loadFunding);
  if (!rounds) return <Loading error={error} />;
  return (
    <div>
      <h2>Funding</h2>
      <p>Quadratic funding: the matching pool goes to projects in proportion to (Σ√contribution)², so many small contributions count more than a few big ones. Contributing needs a personhood credential. Rounds are created by big-spend decisions (Propose).</p>
      {rounds.length === 0 ? <p className="muted">No round yet.</p> : null}
      {rounds.map(({ index, r, projects }) => {
        const phase = best < r.applicationEnd.toNumber() ? 'applications' : best < r.contributionEnd.toNumber() ? 'contributions' : 'ended';
        return (
          <Section key={index} testid={`round-${index}`} title={<>Round #{index} · {r.status.type} · {phase}</>}>
            <p>Pool <Amount value={r.pool} />; applications until <When block={r.applicationEnd.toNumber()} />; contributions until <When block={r.contributionEnd.toNumber()} />; cap {(r.cap.toNumber() / 1e7).toFixed(0)} % per project; minimum <Amount value={r.minContribution} />. Contributed so far <Amount value={r.contributed} />.</p>
            <table><thead><tr><th>project</th><th>recipient</th><th>status</th><th>contributors</th><th>contributed</th><th>projected match (live)</th><th></th></tr></thead><tbody>
              {projects.map((p: any) => (
                <tr key={p.index.toNumber()} data-testid={`project-${index}-${p.index.toNumber()}`}>
                  <td>#{p.index.toNumber()}</td><td><Address address={p.recipient} /></td><td>{p.status.type}</td><td data-testid="contributors">{p.contributors.toNumber()}</td><td><Amount value={p.contributed} /></td><td data-testid="projected"><Amount value={p.projectedMatch} /></td>
                  <td>{phase === 'contributions' ? <Contribute round={index} project={p.index.toNumber()} onDone={reload} /> : null}</td>
                </tr>
              ))}
            </tbody></table>
            {phase === 'applications' ? <TxButton label="Apply with the selected account as recipient (10 OSTR deposit)" onDone={reload} build={() => api.tx.quadraticFunding.apply(index, account?.address ?? '', '0x' + '00'.repeat(32), null)} /> : null}
            {phase === 'ended' && r.status.type === 'Active' ? <TxButton label="Finalize round" onDone={reload} build={() => api.tx.quadraticFunding.finalizeRound(index)} /> : null}
          </Section>
        );
      })}
    </div>
  );
}
