import type { ApiPromise } from '@polkadot/api';
import { Address, Amount, Loading, Section, TxButton, When, useApp, useChain } from '../ui';
import type { ClassInfo, DecodedCall, Poll } from '../gov';
import { decodeBounded, housesText, loadClasses, loadPolls, ruleText, stateText, trackOf } from '../gov';
import { PollTally } from './Vote';

type Outcome = 'Ongoing' | 'Approved' | 'Rejected';
const outcomeOf = (polls: Map<number, Poll>, index: number | null): Outcome => {
  if (index === null) return 'Rejected';
  const p = polls.get(index);
  if (!p) return 'Rejected';
  if (p.status === 'Ongoing') return 'Ongoing';
  return p.status === 'Approved' ? 'Approved' : 'Rejected';
};

export interface DecisionRow {
  id: number;
  d: any;
  cls: ClassInfo | undefined;
  call: DecodedCall | { error: string; hash?: string };
  polls: { council: number | null; community: number | null; extra: number | null };
}

/**
 * Whether `constitution.advance(id)` would succeed at the next block, and why (the pallet's
 * `progress` rules, read from the decision, its polls and the block number).
 */
export function advanceReadiness(row: DecisionRow, polls: Map<number, Poll>, next: number, maxAge: number): { ready: boolean; why: string } {
  const { d, polls: p } = row;
  const { name, until } = stateText(d.state);
  const route = d.route;
  if (name !== 'Approved' && next >= d.created.toNumber() + maxAge) return { ready: true, why: 'the decision is older than MaxDecisionAge: advance expires it' };
  switch (name) {
    case 'Voting': {
      const council = p.council !== null ? outcomeOf(polls, p.council) : null;
      const community = p.community !== null ? outcomeOf(polls, p.community) : null;
      if (route.rule.isConcurrence) {
        const voted = [council, community].filter((o) => o !== null);
        if (voted.length === 0) return { ready: false, why: 'no poll is open' };
        if (voted.some((o) => o === 'Rejected')) {
          const ov = route.overrideRule.isSome ? route.overrideRule.unwrap() : null;
          if (ov) {
            const [own, other] = ov.house.isCouncil ? [council, community] : [community, council];
            if (own === 'Ongoing' && other === 'Rejected') return { ready: false, why: 'a house rejected; waiting for the override house\'s poll' };
            if (own === 'Approved' && other === 'Rejected') return { ready: true, why: 'a house rejected and the other approved: advance starts the mediation' };
          }
          return { ready: true, why: 'a house rejected: advance closes the decision as Rejected' };
        }
        return { ready: false, why: 'waiting for the votes of every house (approvals are recorded by themselves)' };
      }
      if (route.rule.isCommunityWithCouncilVeto) {
        if (community === 'Ongoing') return { ready: false, why: 'waiting for the community poll' };
        return { ready: true, why: community === 'Approved' ? 'the community approved: advance opens the veto window' : 'the community rejected: advance closes the decision' };
      }
      if (council === 'Ongoing') return { ready: false, why: 'waiting for the council poll' };
      return { ready: true, why: council === 'Approved' ? 'the council approved: advance opens the appeal window' : 'the council rejected: advance closes the decision' };
    }
    case 'Mediation':
      return next >= until! ? { ready: true, why: 'the mediation is over: advance opens the override poll' } : { ready: false, why: 'mediation in progress' };
    case 'Overriding': {
      const o = outcomeOf(polls, p.extra);
      return o === 'Ongoing' ? { ready: false, why: 'waiting for the override poll' } : { ready: true, why: `the override poll ended (${o})` };
    }
    case 'VetoWindow': {
      if (p.extra === null) return { ready: true, why: 'the veto poll could not be opened: advance opens it (you pay its deposits)' };
      const o = outcomeOf(polls, p.extra);
      if (o === 'Approved') return { ready: true, why: 'the council vetoed: advance closes the decision as Vetoed' };
      if (next >= until!) return o === 'Rejected' ? { ready: true, why: 'the window is over and the veto failed: advance enacts the decision' } : { ready: false, why: 'the window is over but the veto poll is still running' };
      return { ready: false, why: 'veto window open' };
    }
    case 'AppealWindow':
      return next >= until! ? { ready: true, why: 'the appeal window is over: advance enacts the decision' } : { ready: false, why: 'appeal window open: anyone may appeal (50 OSTR)' };
    case 'Appealed': {
      const o = outcomeOf(polls, p.extra);
      return o === 'Ongoing' ? { ready: false, why: 'waiting for the appeal poll' } : { ready: true, why: `the appeal poll ended (${o})` };
    }
    case 'Approved':
      return { ready: true, why: 'approved but not yet scheduled: advance schedules it' };
  }
  return { ready: false, why: name };
}

export async function loadDecisions(api: ApiPromise) {
  const [classes, polls, entries] = await Promise.all([
    loadClasses(api),
    loadPolls(api),
    api.query.constitution.decisions.entries(),
  ]);
  const rows: DecisionRow[] = [];
  for (const [key, value] of entries) {
    const d: any = (value as any).unwrap();
    const id = (key.args[0] as any).toNumber();
    const opt = (o: any) => (o.isSome ? o.unwrap().toNumber() : null);
    rows.push({
      id,
      d,
      cls: classes.get(d.class.toNumber()),
      call: await decodeBounded(api, d.call),
      polls: { council: opt(d.polls.council), community: opt(d.polls.community), extra: opt(d.polls.extra) },
    });
  }
  rows.sort((a, b) => b.id - a.id);
  return { classes, polls, rows };
}

export function CallView({ call }: { call: DecisionRow['call'] }) {
  if ('error' in call) return <p className="err">{call.error}{call.hash ? ` (${call.hash})` : ''}</p>;
  return (
    <div className="call" data-testid="decoded-call">
      <code>{call.section}.{call.method}</code>
      <table className="args"><tbody>
        {call.args.map((a) => (
          <tr key={a.name}><th>{a.name}</th><td>{
            /^(Compact<)?(u128|Balance)/.test(a.type) && /amount|pool|contribution|deposit|value|fee/i.test(a.name) ? <Amount value={a.raw} />
              : /^Vec<(u128|Balance)>$/.test(a.type) && /milestones|amounts/i.test(a.name) ? <>{[...a.raw].map((m: any, i: number) => <span key={i}>{i ? ', ' : ''}<Amount value={m} /></span>)}</>
              : a.type === 'Option<MultiAddress>' && a.raw.isSome ? <Address address={a.raw.unwrap().toString()} />
              : a.type === 'AccountId32' || a.type === 'MultiAddress' ? <Address address={a.raw.toString()} />
                  : typeof a.human === 'string' ? a.human : <code>{JSON.stringify(a.human)}</code>
          }</td></tr>
        ))}
      </tbody></table>
    </div>
  );
}

export function Decisions() {
  const { api, best, info } = useApp();
  const [data, error, reload] = useChain(loadDecisions);
  if (!data) return <Loading error={error} />;
  const maxAge = Number((api.consts as any).constitution.maxDecisionAge.toString());
  return (
    <div>
      <h2>Decisions</h2>
      {data.rows.length === 0 ? <p className="muted" data-testid="no-decisions">No open decision. Start one on the Propose page.</p> : null}
      {data.rows.map((row) => {
        const { d, cls } = row;
        const st = stateText(d.state);
        const adv = advanceReadiness(row, data.polls, best + 1, maxAge);
        return (
          <Section key={row.id} testid={`decision-${row.id}`} title={<>Decision #{row.id} · class {d.class.toNumber()} {cls?.name} · <span className="state">{st.name}</span></>}>
            <div className="grid2">
              <div>
                <p>Proposed by <Address address={d.proposer} /> <When block={d.created.toNumber()} />; deposit <Amount value={d.deposit} /> (returned when it closes).</p>
                {cls ? <p>Route: {housesText(cls)}; {ruleText(cls)}{cls.overrideRule ? `; override by the ${cls.overrideRule.house.toLowerCase()} (approval ≥ ${(cls.overrideRule.minApproval / 1e7).toFixed(0)} %, after ${cls.overrideRule.mediation} blocks of mediation)` : ''}; dispatched as {cls.dispatch === 'Root' ? 'Root' : `Class(${cls.id})`} {cls.enactmentDelay} block(s) after approval.</p> : null}
                <p data-testid="waits-for">
                  {st.until !== null ? <>Window ends <When block={st.until} />. </> : null}
                  {adv.why}.
                </p>
                {d.appeal.isSome ? <p>Appealed by <Address address={d.appeal.unwrap().appellant} /> (deposit <Amount value={d.appeal.unwrap().deposit} />)</p> : null}
                {adv.ready ? (
                  <TxButton testid={`advance-${row.id}`} label="Advance" build={() => api.tx.constitution.advance(row.id)} onDone={reload} />
                ) : <p className="muted">Advance is not offered: it would fail with NotReady. Expires <When block={d.created.toNumber() + maxAge} /> at the latest.</p>}
                {st.name === 'AppealWindow' ? <TxButton testid={`appeal-${row.id}`} label="Appeal (50 OSTR deposit)" build={() => api.tx.constitution.appeal(row.id)} onDone={reload} /> : null}
              </div>
              <div>
                <h4>What it would do</h4>
                <CallView call={row.call} />
              </div>
            </div>
            <h4>Polls</h4>
            <div className="polls">
              {(['council', 'community', 'extra'] as const).map((k) => {
                const idx = row.polls[k];
                if (idx === null) return null;
                const p = data.polls.get(idx);
                const t = p && p.track >= 0 ? trackOf(data.classes, p.track) : null;
                return (
                  <div key={k} className="poll" data-testid={`poll-${idx}`}>
                    <b>{k === 'extra' ? 'override / veto / appeal' : k} poll #{idx}</b> {t ? <span className="muted">({t.label}, {t.scheme})</span> : null}
                    <div>{p ? p.status : 'unknown'}{p?.endedAt ? <> <When block={p.endedAt} /></> : null}</div>
                    {p?.status === 'Ongoing' ? (
                      <>
                        <div>
                          {p.deciding ? <>Deciding since <When block={p.deciding.since} />{t?.track ? <>; the decision period ends <When block={p.deciding.since + t.track.decisionPeriod} /></> : null}{p.deciding.confirming ? <>; confirming until <When block={p.deciding.confirming} /></> : null}</>
                            : <>Preparing: deciding starts <When block={(p.submitted ?? 0) + (t?.track?.preparePeriod ?? 0)} /></>}
                        </div>
                        <PollTally poll={idx} />
                      </>
                    ) : null}
                    {p?.decisionDeposit ? <div className="muted">deposits: decision <Amount value={p.decisionDeposit.amount} /> by <Address address={p.decisionDeposit.who} />{p.submissionDeposit ? <>, submission <Amount value={p.submissionDeposit.amount} /></> : null}</div> : null}
                  </div>
                );
              })}
            </div>
          </Section>
        );
      })}
      <p className="muted">Times assume {info.blockTimeMs / 1000} s blocks.</p>
    </div>
  );
}
