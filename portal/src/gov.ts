// The governance model read from the chain: classes, tracks, polls, decisions and their calls.
import type { ApiPromise } from '@polkadot/api';
import { text } from './chain';

export type Scheme = 'council' | 'token' | 'quadratic' | 'reputation';
export const KIND_NAMES = ['council', 'community', 'override', 'review'];

export interface Curve { kind: 'linear' | 'stepped'; c: any }
export interface HouseTrack {
  maxDeciding: number;
  decisionDeposit: bigint;
  preparePeriod: number;
  decisionPeriod: number;
  confirmPeriod: number;
  minEnactmentPeriod: number;
  minApproval: any;
  minSupport: any;
}
export interface ClassInfo {
  id: number;
  name: string;
  houses: 'CouncilOnly' | 'CommunityOnly' | 'Both';
  council: HouseTrack | null;
  community: { scheme: 'Token' | 'Quadratic' | 'Reputation'; track: HouseTrack; reputationWeights: [number, number][] } | null;
  rule: { concurrence?: null; communityWithCouncilVeto?: { window: number }; councilWithCommunityAppeal?: { window: number } };
  overrideRule: { house: 'Council' | 'Community'; minApproval: number; mediation: number } | null;
  enactmentDelay: number;
  dispatch: 'Root' | 'Class';
  raw: any;
}

const track = (t: any): HouseTrack | null => t && {
  ...t,
  decisionDeposit: BigInt(String(t.decisionDeposit)),
};

export async function loadClasses(api: ApiPromise): Promise<Map<number, ClassInfo>> {
  const list = await (api.call as any).constitutionApi.classes();
  const out = new Map<number, ClassInfo>();
  for (const [id, info] of list) {
    const j = info.toJSON();
    out.set(id.toNumber(), {
      id: id.toNumber(),
      name: text(info.name),
      houses: j.houses,
      council: track(j.council),
      community: j.community && { ...j.community, track: track(j.community.track)! },
      rule: j.rule,
      overrideRule: j.overrideRule,
      enactmentDelay: j.enactmentDelay,
      dispatch: j.dispatch,
      raw: info,
    });
  }
  return out;
}

export function ruleText(c: ClassInfo): string {
  if (c.rule.communityWithCouncilVeto) return `community decides, council may veto within ${c.rule.communityWithCouncilVeto.window} blocks`;
  if (c.rule.councilWithCommunityAppeal) return `council decides, community may appeal within ${c.rule.councilWithCommunityAppeal.window} blocks`;
  return c.houses === 'Both' ? 'concurrence: both houses must approve' : 'concurrence';
}

export function housesText(c: ClassInfo): string {
  const community = c.community ? `community (${c.community.scheme.toLowerCase()})` : '';
  if (c.houses === 'Both') return `council + ${community}`;
  if (c.houses === 'CouncilOnly') return 'council';
  return community;
}

/** The house (track parameters) and scheme of a track id (`class × 4 + kind`). */
export function trackOf(classes: Map<number, ClassInfo>, trackId: number): { cls: ClassInfo | undefined; kind: number; scheme: Scheme | null; track: HouseTrack | null; label: string } {
  const cls = classes.get(Math.floor(trackId / 4));
  const kind = trackId % 4;
  let house: 'Council' | 'Community' | null = null;
  if (cls) {
    const veto = !!cls.rule.communityWithCouncilVeto;
    const appeal = !!cls.rule.councilWithCommunityAppeal;
    if (kind === 0) house = veto ? null : cls.council ? 'Council' : null;
    else if (kind === 1) house = appeal ? null : cls.community ? 'Community' : null;
    else if (kind === 2) house = cls.overrideRule?.house ?? null;
    else house = veto ? 'Council' : appeal ? 'Community' : null;
  }
  const scheme: Scheme | null = house === 'Council' ? 'council' : house === 'Community' && cls?.community ? (cls.community.scheme.toLowerCase() as Scheme) : null;
  const tr = house === 'Council' ? cls?.council ?? null : house === 'Community' ? cls?.community?.track ?? null : null;
  const kindName = kind === 3 ? (cls?.rule.communityWithCouncilVeto ? 'veto' : 'appeal') : KIND_NAMES[kind];
  return { cls, kind, scheme, track: tr, label: `${cls?.name ?? `class ${Math.floor(trackId / 4)}`}:${kindName}` };
}

/** A threshold curve's value (0..1) at `x`, the share (0..1) of the decision period passed. */
export function curveAt(curve: any, x: number): number {
  const p = (v: any) => Number(v) / 1e9;
  if (curve.linearDecreasing) {
    const { length, floor, ceil } = curve.linearDecreasing;
    const l = p(length);
    if (x >= l) return p(floor);
    return p(ceil) - (p(ceil) - p(floor)) * (x / l);
  }
  if (curve.steppedDecreasing) {
    const { begin, end, step, period } = curve.steppedDecreasing;
    const steps = Math.floor(x / p(period));
    return Math.max(p(end), p(begin) - steps * p(step));
  }
  return 0;
}

export interface Poll {
  index: number;
  status: 'Ongoing' | 'Approved' | 'Rejected' | 'Cancelled' | 'TimedOut' | 'Killed';
  track: number;
  submitted?: number;
  deciding?: { since: number; confirming: number | null } | null;
  tally?: any;
  submissionDeposit?: { who: string; amount: bigint } | null;
  decisionDeposit?: { who: string; amount: bigint } | null;
  endedAt?: number;
  proposalDecision?: number | null;
}

const dep = (d: any) => (d && d.isSome !== false ? (() => { const v = d.unwrapOr ? d.unwrapOr(null) : d; return v ? { who: v.who.toString(), amount: BigInt(v.amount.toString()) } : null; })() : null);

export function parsePoll(index: number, info: any): Poll | null {
  if (!info || info.isNone) return null;
  const r = info.unwrap ? info.unwrap() : info;
  if (r.isOngoing) {
    const o = r.asOngoing;
    return {
      index,
      status: 'Ongoing',
      track: o.track.toNumber(),
      submitted: o.submitted.toNumber(),
      deciding: o.deciding.isSome ? {
        since: o.deciding.unwrap().since.toNumber(),
        confirming: o.deciding.unwrap().confirming.isSome ? o.deciding.unwrap().confirming.unwrap().toNumber() : null,
      } : null,
      tally: o.tally,
      submissionDeposit: dep(o.submissionDeposit),
      decisionDeposit: dep(o.decisionDeposit),
    };
  }
  if (r.isKilled) return { index, status: 'Killed', track: -1, endedAt: r.asKilled.toNumber() };
  const [at, sub, dec] = (r as any)[`as${r.type}`];
  return { index, status: r.type, track: -1, endedAt: at.toNumber(), submissionDeposit: dep(sub), decisionDeposit: dep(dec) };
}

export async function loadPolls(api: ApiPromise): Promise<Map<number, Poll>> {
  const entries = await api.query.referenda.referendumInfoFor.entries();
  const out = new Map<number, Poll>();
  for (const [key, info] of entries) {
    const index = (key.args[0] as any).toNumber();
    const p = parsePoll(index, info);
    if (p) out.set(index, p);
  }
  return out;
}

export interface DecodedArg { name: string; type: string; human: any; raw: any }
export interface DecodedCall { section: string; method: string; args: DecodedArg[]; hex: string; call: any }

/** A decision's bounded call, decoded (inline, or from its preimage). */
export async function decodeBounded(api: ApiPromise, bounded: any): Promise<DecodedCall | { error: string; hash?: string }> {
  let bytes: any;
  if (bounded.isInline) bytes = bounded.asInline;
  else if (bounded.isLookup) {
    // `hash_`: a codec's own `hash` is the hash of its encoding.
    const { hash_: hash, len } = bounded.asLookup;
    const pre: any = await api.query.preimage.preimageFor([hash, len]);
    if (pre.isNone) return { error: 'the preimage is not stored (note it before enactment)', hash: hash.toHex() };
    bytes = pre.unwrap();
  } else {
    return { error: 'legacy bound call', hash: bounded.asLegacy.hash_.toHex() };
  }
  try {
    const call = api.createType('Call', bytes.toU8a(true));
    return decodedCall(api, call);
  } catch (e: any) {
    return { error: `cannot decode the call: ${e.message}` };
  }
}

export function decodedCall(api: ApiPromise, call: any): DecodedCall {
  const { section, method } = api.registry.findMetaCall(call.callIndex);
  const args: DecodedArg[] = call.meta.args.map((a: any, i: number) => ({
    name: a.name.toString(),
    type: a.type.toString(),
    human: call.args[i].toHuman(),
    raw: call.args[i],
  }));
  return { section, method, args, hex: call.toHex(), call };
}

/**
 * The classes whose approved decisions may make a call, as set by the runtime (docs/constitution.md
 * section 2, `EnsureClassOrRoot` in runtime/src/configs/). Root (class 0) may make any call.
 */
export const CLASS_MAP: Record<number, string[]> = {
  1: ['constitution.amendClass', 'constitution.setConstitutionText', 'constitution.setSeatRules', 'guardians.setGuardians'],
  2: ['treasury.spend', 'bountyWork.open'],
  3: ['treasury.spend', 'bountyWork.open'],
  4: ['treasury.spend', 'bountyWork.open', 'quadraticFunding.createRound', 'quadraticFunding.cancelRound'],
  5: ['artifacts.advanceStage', 'artifacts.setGate', 'artifacts.removeAttestation', 'artifacts.deprecate'],
  6: ['artifacts.withdraw', 'artifacts.suspend', 'artifacts.lift', 'reputation.slash', 'quadraticFunding.rejectProject', 'quadraticFunding.cancelRound'],
  7: ['reputation.addDomain', 'reputation.updateDomain', 'reputation.removeDomain', 'reputation.setAttester', 'reputation.removeAttester', 'reputation.addIssuer', 'reputation.removeIssuer', 'reputation.revokeCredential'],
  8: ['constitution.seat', 'constitution.unseat'],
  9: ['guardians.ratifyMeasure', 'guardians.liftMeasure', 'guardians.confirmHold'],
  10: [],
};
/**
 * Calls a bounty's acceptance class makes (`ClassOrigin(accept_class)` of pallet-bounty-work):
 * any class may, for the bounties that name it; the dry run checks the bounty's class.
 */
export const BOUNTY_CLASS_CALLS = ['bountyWork.accept', 'bountyWork.close', 'bountyWork.assign', 'bountyWork.unassign', 'bountyWork.dismiss'];
/** Spend limits of the spend classes, in whole OSTR. */
export const SPEND_LIMIT: Record<number, number> = { 2: 1_000, 3: 10_000, 4: 100_000 };
export const ROUND_POOL_LIMIT = 100_000;

/** Why class `cls` may not dispatch `call` (null if it may), with the runtime's class map. */
export function classMayDispatch(api: ApiPromise, cls: ClassInfo, call: any, decimals: number): string | null {
  if (cls.dispatch === 'Root') return null;
  const { section, method } = api.registry.findMetaCall(call.callIndex);
  const name = `${section}.${method}`;
  if (section === 'utility' && ['batch', 'batchAll', 'forceBatch'].includes(method)) {
    for (const inner of call.args[0]) {
      const why = classMayDispatch(api, cls, inner, decimals);
      if (why) return why;
    }
    return null;
  }
  if (BOUNTY_CLASS_CALLS.includes(name)) return null;
  const allowed = CLASS_MAP[cls.id];
  if (!allowed) return `class ${cls.id} is not in the portal's class map: check docs/constitution.md`;
  if (!allowed.includes(name)) {
    const who = Object.entries(CLASS_MAP).filter(([, calls]) => calls.includes(name)).map(([c]) => c);
    return `${name} would fail with BadOrigin when class ${cls.id} (${cls.name}) dispatches it; ${who.length ? `propose it in class ${who.join(' or ')}` : 'only the runtime-upgrade class (Root) may make it'}`;
  }
  if (name === 'treasury.spend' && SPEND_LIMIT[cls.id] !== undefined) {
    const limit = BigInt(SPEND_LIMIT[cls.id]) * 10n ** BigInt(decimals);
    if (BigInt(call.args[1].toString()) > limit) return `${cls.name} may spend at most ${SPEND_LIMIT[cls.id].toLocaleString('en')} OSTR per decision`;
  }
  if (name === 'bountyWork.open' && SPEND_LIMIT[cls.id] !== undefined) {
    const limit = BigInt(SPEND_LIMIT[cls.id]) * 10n ** BigInt(decimals);
    const total = [...call.args[2]].reduce((s: bigint, m: any) => s + BigInt(m.toString()), BigInt(call.args[4].toString()));
    if (total > limit) return `${cls.name} may open bounties of at most ${SPEND_LIMIT[cls.id].toLocaleString('en')} OSTR (milestones and curator's fee) per decision (OverSpendLimit)`;
  }
  if (name === 'quadraticFunding.createRound') {
    const limit = BigInt(ROUND_POOL_LIMIT) * 10n ** BigInt(decimals);
    if (BigInt(call.args[0].toString()) > limit) return `a round's pool is at most ${ROUND_POOL_LIMIT.toLocaleString('en')} OSTR (PoolAboveLimit)`;
    if (Number(call.args[3].toString()) > 250_000_000) return 'the per-project cap is at most 25 % (CapAboveLimit)';
  }
  return null;
}

export function stateText(state: any): { name: string; until: number | null } {
  const name = state.type as string;
  const v = state[`as${name}`];
  const until = v && v.until ? v.until.toNumber() : null;
  return { name, until };
}
