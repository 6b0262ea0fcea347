// Bounties (pallet-bounty-work): what the community wants built, and the contributors' and
// curators' work on it. Every action is offered only when the pallet's rules
// (pallets/bounty-work/src/lib.rs) let it succeed in the next block.
import { useState } from 'react';
import type { ApiPromise } from '@polkadot/api';
import { Address, Amount, Loading, Section, TxButton, When, useApp, useChain } from '../ui';
import type { ClassInfo } from '../gov';
import { loadClasses } from '../gov';
import { tagged } from './Artifacts';

export type HashAlg = 'Sha2_256' | 'Blake2_256';
/** An artifact registered by the selected account, usable for a delivery (not suspended or withdrawn). */
interface MyArtifact { alg: HashAlg; hex: string; name: string; version: string }

/** A bounty's title: UTF-8 (by convention), else its bytes in hex. */
export function titleText(title: any): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(title.toU8a(true));
  } catch {
    return title.toHex();
  }
}

/** `{ Sha2_256: 0x… }` / `{ Blake2_256: 0x… }` as the algorithm and the lower-case hex. */
const artifactId = (id: any): { alg: HashAlg; hex: string } =>
  ({ alg: id.type === 'Blake2_256' ? 'Blake2_256' : 'Sha2_256', hex: id.value.toHex() });

async function loadBounties(api: ApiPromise, me: string | null) {
  const [entries, classes, awaitedEntries]: any[] = await Promise.all([
    api.query.bountyWork.bounties.entries(),
    loadClasses(api),
    api.query.bountyWork.awaitedCode.entries(),
  ]);
  const bounties = entries
    .map(([k, v]: any) => ({ index: k.args[0].toNumber() as number, b: v.unwrap() }))
    .sort((x: any, y: any) => x.index - y.index);
  const awaited = new Map<string, number>(awaitedEntries.map(([k, v]: any) => [k.args[0].toHex(), v.unwrap().toNumber()]));
  let mine: MyArtifact[] = [];
  let free: bigint | null = null;
  if (me) {
    const [artifacts, account]: any[] = await Promise.all([api.query.artifacts.artifacts.entries(), api.query.system.account(me)]);
    mine = artifacts
      .map(([k, v]: any) => ({ id: k.args[0], a: v.unwrap() }))
      // `registrant` of the runtime's `RegisteredArtifacts`: registered by `me`, neither suspended nor withdrawn.
      .filter(({ a }: any) => a.registrant.toString() === me && !a.stage.isSuspended && !a.stage.isWithdrawn)
      .map(({ id, a }: any) => ({ ...artifactId(id), name: new TextDecoder().decode(a.name.toU8a(true)), version: new TextDecoder().decode(a.version.toU8a(true)) }));
    free = account.data.free.toBigInt();
  }
  return { bounties, classes: classes as Map<number, ClassInfo>, awaited, mine, free };
}

const className = (classes: Map<number, ClassInfo>, id: number) => `${id} ${classes.get(id)?.name ?? '(no such class)'}`;
const HEX32 = /^0x[0-9a-fA-F]{64}$/;

/** The assignee's delivery: an artifact it registered, typed as a hash or picked from its own. */
function Deliver({ index, b, onLast, mine, awaited, onDone }: { index: number; b: any; onLast: boolean; mine: MyArtifact[]; awaited: Map<string, number>; onDone: () => void }) {
  const { api } = useApp();
  const [alg, setAlg] = useState<HashAlg>(b.upgrade.isTrue && onLast ? 'Blake2_256' : 'Sha2_256');
  const [hex, setHex] = useState('');
  const h = hex.trim().toLowerCase();
  let why: string | null = null;
  if (!HEX32.test(h)) why = 'enter the artifact\'s 32-byte hash (0x and 64 hex digits)';
  else if (!mine.some((m) => m.alg === alg && m.hex === h)) why = 'not an artifact you registered (or it is suspended or withdrawn): register it on the Artifacts page first';
  else if (b.upgrade.isTrue && onLast && alg !== 'Blake2_256') why = 'the last milestone of an upgrade-tied bounty is a runtime\'s code, keyed by its BLAKE2b-256 hash (NotRuntimeCode)';
  else if (b.upgrade.isTrue && onLast && awaited.has(h) && awaited.get(h) !== index) why = `bounty #${awaited.get(h)} already awaits this code (CodeAlreadyAwaited)`;
  const usable = mine.filter((m) => !(b.upgrade.isTrue && onLast) || m.alg === 'Blake2_256');
  return (
    <div className="form" data-testid="deliver-form">
      <b>Deliver</b>{' '}
      {usable.length ? (
        <select data-testid="deliver-pick" value="" onChange={(e) => { const m = usable[Number(e.target.value)]; if (m) { setAlg(m.alg); setHex(m.hex); } }}>
          <option value="">pick one of your artifacts…</option>
          {usable.map((m, i) => <option key={`${m.alg}${m.hex}`} value={i}>{m.name} {m.version} ({m.alg === 'Sha2_256' ? 'sha2-256' : 'blake2-256'}:{m.hex.slice(0, 10)}…)</option>)}
        </select>
      ) : null}
      {' '}or{' '}
      <select data-testid="deliver-alg" value={alg} onChange={(e) => setAlg(e.target.value as HashAlg)}>
        <option value="Sha2_256">SHA2-256</option>
        <option value="Blake2_256">BLAKE2b-256</option>
      </select>
      <input data-testid="deliver-hash" size={68} placeholder="0x… (the artifact's 32-byte hash)" value={hex} onChange={(e) => setHex(e.target.value)} />
      {' '}<TxButton testid="deliver" label={b.status.isDelivered ? 'Deliver (replaces the delivery)' : 'Deliver'} disabled={!!why} title={why ?? ''} onDone={onDone}
        build={() => api.tx.bountyWork.deliver(index, { [alg]: h } as any)} />
      {why && hex ? <span className="muted" data-testid="deliver-why"> {why}</span> : null}
    </div>
  );
}

/** The curator's work: assign an applicant, dismiss one, unassign. */
function CuratorActions({ index, b, now, onDone }: { index: number; b: any; now: number; onDone: () => void }) {
  const { api } = useApp();
  const applicants: string[] = b.applicants.map((a: any) => a.toString());
  const assignee = b.assignee.isSome ? b.assignee.unwrap().toString() : null;
  const others = applicants.filter((a) => a !== assignee);
  const [who, setWho] = useState('');
  const [dismissed, setDismissed] = useState('');
  const pickAssign = applicants.includes(who) ? who : applicants[0] ?? '';
  const pickDismiss = others.includes(dismissed) ? dismissed : others[0] ?? '';
  const canAssign = !assignee && applicants.length > 0 && now <= b.deadline.toNumber();
  const canUnassign = !!assignee && !b.status.isAccepted;
  if (!canAssign && !others.length && !canUnassign) return <p className="muted">As curator: nothing to do now (no applicant to assign or dismiss).</p>;
  return (
    <div className="form" data-testid="curator-actions">
      <b>As curator:</b>
      {canAssign ? (
        <div>
          <select data-testid="assign-who" value={pickAssign} onChange={(e) => setWho(e.target.value)}>
            {applicants.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
          {' '}<TxButton testid="assign" label="Assign" onDone={onDone} build={() => api.tx.bountyWork.assign(index, pickAssign)} />
        </div>
      ) : null}
      {others.length ? (
        <div>
          <select data-testid="dismiss-who" value={pickDismiss} onChange={(e) => setDismissed(e.target.value)}>
            {others.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
          {' '}<TxButton testid="dismiss" label="Dismiss (the deposit goes to the treasury)" onDone={onDone} build={() => api.tx.bountyWork.dismiss(index, pickDismiss)} />
          <span className="muted"> for applications that only take a slot; an honest applicant can simply not be assigned</span>
        </div>
      ) : null}
      {canUnassign ? <div><TxButton testid="unassign" label="Unassign (drops a delivery not yet accepted)" onDone={onDone} build={() => api.tx.bountyWork.unassign(index)} /></div> : null}
    </div>
  );
}

function BountyCard({ index, b, data, onDone }: { index: number; b: any; data: Awaited<ReturnType<typeof loadBounties>>; onDone: () => void }) {
  const { api, best, account } = useApp();
  const me = account?.address ?? null;
  // A transaction sent now is in the next block at the earliest: the rules are checked there.
  const now = best + 1;
  const deposit = BigInt((api.consts as any).bountyWork.applicationDeposit.toString());
  const maxApplicants = Number((api.consts as any).bountyWork.maxApplicants.toString());
  const ed = BigInt((api.consts as any).balances.existentialDeposit.toString());
  const milestones: any[] = b.milestones.toArray();
  const paid = b.paid.toNumber();
  const onLast = paid + 1 >= milestones.length;
  const curator = b.curator.isSome ? b.curator.unwrap().toString() : null;
  const assignee = b.assignee.isSome ? b.assignee.unwrap().toString() : null;
  const applicants: string[] = b.applicants.map((a: any) => a.toString());
  const deadline = b.deadline.toNumber();
  const acceptClass = b.acceptClass.toNumber();
  const upgrade = b.upgrade.isTrue;
  const status = b.status;
  const delivered = status.isDelivered ? status.asDelivered : status.isAccepted ? status.asAccepted : null;
  const payableAt = status.isAccepted ? status.asAccepted.payableAt.toNumber() : null;

  const canApply = !!me && now <= deadline && curator !== me && !applicants.includes(me) && applicants.length < maxApplicants && data.free !== null && data.free >= deposit + ed;
  const whyNotApply = !me ? null : applicants.includes(me) ? null : curator === me ? 'the curator cannot apply to its bounty'
    : now > deadline ? 'past the deadline' : applicants.length >= maxApplicants ? `${maxApplicants} applicants already (the most)`
      : data.free !== null && data.free < deposit + ed ? 'not enough free balance for the deposit' : null;
  const canWithdraw = !!me && applicants.includes(me) && assignee !== me;
  const canDeliver = !!me && assignee === me && !status.isAccepted;
  const canClaim = !!me && payableAt !== null && now >= payableAt && !!assignee;
  const canExpire = !!me && now > deadline && status.isOpen;
  const canGiveUp = !!me && assignee === me && curator !== me && !status.isAccepted;

  return (
    <Section testid={`bounty-${index}`} title={<>Bounty #{index}: <span data-testid="bounty-title">{titleText(b.title)}</span> · <span data-testid="bounty-status">{status.type}</span></>}>
      <table className="args"><tbody>
        <tr><th>specification</th><td><code data-testid="bounty-spec">{b.spec.toHex()}</code> <span className="muted">(hash of the document published with the proposal)</span></td></tr>
        <tr><th>milestones</th><td data-testid="bounty-milestones">{milestones.map((m, i) => (
          <span key={i} className={i < paid ? 'ok' : i === paid ? '' : 'muted'} data-testid={`milestone-${i}`}>
            {i ? ' · ' : ''}#{i} <Amount value={m} /> ({i < paid ? 'paid' : i === paid ? 'current' : 'to come'}{upgrade && i === milestones.length - 1 ? ', paid by the runtime upgrade' : ''})
          </span>
        ))}</td></tr>
        <tr><th>curator</th><td data-testid="bounty-curator">{curator ? <><Address address={curator} />, fee <Amount value={b.curatorFee} /> (paid with the last milestone)</> : <span className="muted">none: the acceptance class assigns, by decision</span>}</td></tr>
        <tr><th>acceptance class</th><td data-testid="bounty-class">{className(data.classes, acceptClass)} <span className="muted">(its decisions accept deliveries{curator ? '' : ', assign'} and may close the bounty)</span></td></tr>
        <tr><th>tied to a runtime upgrade</th><td data-testid="bounty-upgrade">{upgrade ? 'yes: the last milestone is accepted by the enactment of the runtime upgrade it delivers (an artifact keyed by its BLAKE2b-256 hash)' : 'no'}</td></tr>
        <tr><th>deadline</th><td data-testid="bounty-deadline"><When block={deadline} /> <span className="muted">(then anyone may expire it while no delivery is under way)</span></td></tr>
        <tr><th>applicants</th><td data-testid="bounty-applicants">{applicants.length ? applicants.map((a) => <div key={a}><Address address={a} />{a === assignee ? ' (assigned)' : ''}</div>) : <span className="muted">none yet</span>} <span className="muted">({applicants.length} of {maxApplicants})</span></td></tr>
        <tr><th>assignee</th><td data-testid="bounty-assignee">{assignee ? <Address address={assignee} /> : <span className="muted">nobody</span>}</td></tr>
        <tr><th>work on milestone #{paid}</th><td data-testid="bounty-work">{
          status.isOpen ? <>open: waiting for {assignee ? 'the assignee\'s delivery' : 'an assignment'}</>
            : status.isDelivered ? <>delivered <code>{tagged(delivered.artifact)}</code> <When block={delivered.at.toNumber()} />; {upgrade && onLast
              ? <>awaits the enactment of a runtime upgrade to this code</>
              : <>awaits a decision of class {className(data.classes, acceptClass)} accepting it (<code>bountyWork.accept({index})</code>, Propose)</>}</>
              : <>accepted <code>{tagged(delivered.artifact)}</code>; payable <span data-testid="bounty-payable"><When block={payableAt!} /></span>, by anyone</>
        }</td></tr>
      </tbody></table>
      {me ? (
        <div className="form" data-testid="bounty-actions">
          {canApply ? <div><TxButton testid="apply" label="Apply" onDone={onDone} build={() => api.tx.bountyWork.apply(index)} /> <span className="muted">holds a deposit of <Amount value={deposit} /> until the bounty ends or you withdraw</span></div>
            : whyNotApply ? <p className="muted" data-testid="apply-why">Cannot apply: {whyNotApply}.</p> : null}
          {canWithdraw ? <div><TxButton testid="withdraw" label="Withdraw my application" onDone={onDone} build={() => api.tx.bountyWork.withdrawApplication(index)} /> <span className="muted">releases your deposit</span></div> : null}
          {canDeliver ? <Deliver index={index} b={b} onLast={onLast} mine={data.mine} awaited={data.awaited} onDone={onDone} /> : null}
          {canGiveUp ? <div><TxButton testid="give-up" label="Give up the assignment" onDone={onDone} build={() => api.tx.bountyWork.unassign(index)} /></div> : null}
          {canClaim ? <div><TxButton testid="claim" label={`Claim milestone #${paid} for the assignee`} onDone={onDone} build={() => api.tx.bountyWork.claim(index)} /></div>
            : payableAt !== null ? <p className="muted" data-testid="claim-wait">Claimable <When block={payableAt} />.</p> : null}
          {canExpire ? <div><TxButton testid="expire" label="Expire (the funds return to the treasury)" onDone={onDone} build={() => api.tx.bountyWork.expire(index)} /></div> : null}
          {curator === me ? <CuratorActions index={index} b={b} now={now} onDone={onDone} /> : null}
        </div>
      ) : <p className="muted">Select an account to apply, deliver or claim.</p>}
    </Section>
  );
}

export function Bounties() {
  const { api, account } = useApp();
  const me = account?.address ?? null;
  const [data, error, reload] = useChain((a) => loadBounties(a, me), [me]);
  if (!data) return <Loading error={error} />;
  const deposit = (api.consts as any).bountyWork.applicationDeposit;
  return (
    <div>
      <h2>Bounties</h2>
      <p>Work the community wants done, with the money set aside by a spend decision (Propose → a spend class → Bounty). Apply (deposit <Amount value={deposit} />, returned when the bounty ends or you withdraw); the curator, or a decision of the acceptance class, assigns one applicant; the assignee registers the work on the Artifacts page and delivers it; a decision of the acceptance class accepts the delivery, and {(api.consts as any).bountyWork.payoutDelay.toString()} blocks after its enactment anyone claims the milestone for the assignee. See <code>docs/bounties.md</code>.</p>
      {data.bounties.length === 0 ? <p className="muted" data-testid="no-bounties">No open bounty. Ended bounties (paid, closed or expired) leave the chain's state.</p> : null}
      {data.bounties.map(({ index, b }) => <BountyCard key={index} index={index} b={b} data={data} onDone={reload} />)}
    </div>
  );
}
