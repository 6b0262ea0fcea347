// Reputation decay, for the My account page's chart of scores over the coming days. The runtime
// has no API to read a score at a future block, so this is the pallet's rule ported exactly
// (integer arithmetic, bigint): `ostrom_primitives::decay` (primitives/src/decay.rs) and
// `pallet_reputation::Pallet::record_points` (pallets/reputation/src/lib.rs). Points at block `b`
// of a score stored as `units` at `epoch`, in a domain whose clock reads
// `anchor_clock + ⌊(b − anchor_block) · 2³² / half_life⌋` = (E, f):
// `units_to_points(units >> (E − epoch), f)`. The browser test checks it against
// `ReputationApi.scores` at the blocks it predicts.

const U128_MAX = (1n << 128n) - 1n;
const U64_MAX = (1n << 64n) - 1n;
const CLOCK_ONE = 1n << 32n;
const ONE_Q64 = 1n << 64n;
const MAX_SHIFT = 128n;

/** `2^(−2^(−i))` for `i = 1..=32` in Q64, with the bit of a Q32 fraction each stands for. */
const HALF_POWERS: [number, bigint][] = [
  [0x8000_0000, 13043817825332782212n],
  [0x4000_0000, 15511800964685064948n],
  [0x2000_0000, 16915738899553466671n],
  [0x1000_0000, 17664662643191237676n],
  [0x0800_0000, 18051468387014017850n],
  [0x0400_0000, 18248035989933441397n],
  [0x0200_0000, 18347121020861646924n],
  [0x0100_0000, 18396865112328554661n],
  [0x0080_0000, 18421787711448657618n],
  [0x0040_0000, 18434261669329232140n],
  [0x0020_0000, 18440501815349552982n],
  [0x0010_0000, 18443622680442407998n],
  [0x0008_0000, 18445183311048607332n],
  [0x0004_0000, 18445963675871538004n],
  [0x0002_0000, 18446353870663572145n],
  [0x0001_0000, 18446548971154807802n],
  [0x0000_8000, 18446646522174239825n],
  [0x0000_4000, 18446695297877410579n],
  [0x0000_2000, 18446719685777359791n],
  [0x0000_1000, 18446731879739425374n],
  [0x0000_0800, 18446737976723480912n],
  [0x0000_0400, 18446741025216264368n],
  [0x0000_0200, 18446742549462845018n],
  [0x0000_0100, 18446743311586182574n],
  [0x0000_0080, 18446743692647863159n],
  [0x0000_0040, 18446743883178706404n],
  [0x0000_0020, 18446743978444128764n],
  [0x0000_0010, 18446744026076840128n],
  [0x0000_0008, 18446744049893195857n],
  [0x0000_0004, 18446744061801373733n],
  [0x0000_0002, 18446744067755462673n],
  [0x0000_0001, 18446744070732507144n],
];

const sat = (x: bigint) => (x > U128_MAX ? U128_MAX : x);

/** `decay::mul_q64`: `⌊a · m / 2⁶⁴⌋` computed as the crate does (hi and lo halves). */
export function mulQ64(a: bigint, m: bigint): bigint {
  const hi = a >> 64n;
  const lo = a & U64_MAX;
  return sat(sat(hi * m) + (sat(lo * m) >> 64n));
}

/** `decay::pow2_neg_fraction`. */
export function pow2NegFraction(frac: number): bigint {
  let m = ONE_Q64;
  for (const [bit, factor] of HALF_POWERS) if ((frac & bit) >>> 0 !== 0) m = mulQ64(m, factor);
  return m;
}

/** `decay::shift_epochs`. */
export const shiftEpochs = (value: bigint, epochs: bigint) => (epochs >= MAX_SHIFT ? 0n : value >> epochs);

/** `decay::split_clock`: (epoch, Q32 fraction). */
export function splitClock(clock: bigint): [bigint, number] {
  const epoch = clock >> 32n;
  return [epoch > U64_MAX ? U64_MAX : epoch, Number(clock & 0xffff_ffffn)];
}

/** `decay::clock_after`. */
export const clockAfter = (anchorClock: bigint, elapsed: bigint, halfLife: bigint) => sat(anchorClock + (halfLife === 0n ? 0n : sat(elapsed * CLOCK_ONE) / halfLife));

/** `decay::units_to_points`: rounded to nearest, halves up. */
export function unitsToPoints(units: bigint, frac: number): bigint {
  const scaled = frac === 0 ? units : mulQ64(units, pow2NegFraction(frac));
  return sat((scaled >> 32n) + ((scaled >> 31n) & 1n));
}

export interface DomainClock { halfLife: bigint; anchorBlock: bigint; anchorClock: bigint }
export interface ScoreRecord { units: bigint; epoch: bigint }

/** `Pallet::record_points`: the points of `record` in the domain at block `at`. */
export function pointsAt(domain: DomainClock, record: ScoreRecord, at: number): bigint {
  const elapsed = BigInt(at) > domain.anchorBlock ? BigInt(at) - domain.anchorBlock : 0n;
  const [epoch, frac] = splitClock(clockAfter(domain.anchorClock, elapsed, domain.halfLife));
  return unitsToPoints(shiftEpochs(record.units, epoch > record.epoch ? epoch - record.epoch : 0n), frac);
}
