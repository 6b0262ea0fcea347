//! Deterministic fixed-point exponential decay.
//!
//! Everything here is integer arithmetic: no floats, no loops whose length depends on input
//! (the only loop walks a 32-entry constant table), no panics.
//!
//! # The decay clock
//!
//! Every domain has a *decay clock*: the number of half-lives elapsed since the domain was
//! created, as an unsigned Q32 fixed-point number (`u128`; the integer part is the *epoch*, the
//! low 32 bits the fraction of the current half-life). At block `b` it reads
//! `anchor_clock + ⌊(b − anchor_block) · 2³² / half_life⌋`. Changing a domain's half-life
//! re-anchors the clock at the current block, so the clock is continuous and non-decreasing.
//!
//! # Units and epochs
//!
//! A score is stored as `units` at an `epoch`: `units` are points scaled by `2³²` (sub-point
//! precision) and by `2^f`, where `f` is the clock's fraction at the time the points were added,
//! so that all amounts stored at the same epoch are directly comparable. The value in points of
//! `units` stored at epoch `e`, read at clock `(E, f)`, is
//!
//! ```text
//! round( ⌊units / 2^(E − e)⌋ · 2^(−f) / 2³² )
//! ```
//!
//! Moving an amount from epoch `e` to epoch `E` is a right shift by `E − e` (`0` if `≥ 128`),
//! and shifts compose exactly: `⌊⌊x / 2^a⌋ / 2^b⌋ = ⌊x / 2^(a+b)⌋`. This is what lets the
//! per-domain total (kept as one bucket per epoch, each the exact sum of the raw units of the
//! scores stored at that epoch, see [`Bucket`]) stay consistent with the sum of the scores.
//!
//! `2^(−f)` for `f ∈ [0, 1)` with 32 fractional bits is the product of the constants
//! `2^(−2^(−i))` (`i = 1..=32`, a table of Q64 values rounded to nearest) for the bits set in
//! `f`; each product is truncated to Q64.
//!
//! # Rounding bound
//!
//! * [`decay`] (the primitive): `|decay(v, Δ) − v · 2^(−Δ/2³²)| < v · 2^(−Δ/2³²) · 10⁻¹⁷ + 2`. The
//!   table and the 32 truncated products are off by at most 48 ulps of Q64 on a multiplier `≥ ½`
//!   (relative `< 6 · 10⁻¹⁸`), the right shift and the final truncation lose `< 1` each.
//! * The clock is quantised to `2⁻³²` of a half-life: the clock difference between an attestation
//!   and a read is off by less than one quantum, plus one per change of the domain's half-life in
//!   between (each re-anchoring rounds down once). One quantum is a relative error of at most
//!   `2⁻³²·ln2 < 1.7·10⁻¹⁰`.
//! * Amounts are kept with 32 bits below the point, so the truncations of adding, shifting,
//!   slashing and revoking (each `< 2` units) cost less than `2⁻³⁰` of a point per update.
//!
//! **Stated bound.** A score (or a domain total) read at any block is within
//!
//! ```text
//! ideal · (4 + 2c) · 10⁻¹⁰ + 1 point        (≤ ideal · 10⁻⁹ + 1 point for c ≤ 3)
//! ```
//!
//! of the *ideal* value obtained with exact real arithmetic by applying the decay factor
//! `2^(−1/half_life)` block by block to every attestation (with exact slashes and revocations),
//! where `c` is the number of half-life changes of the domain since the attestations that still
//! count, and for fewer than `2³⁰` updates of the score. The `+ 1` is the final rounding to whole
//! points (`½`) plus the accumulated sub-point truncations. Points are exact in the common case:
//! a fresh attestation of up to `10¹⁵` points reads back exactly, and so does a score read a whole
//! number `k` of half-lives later when the points are a multiple of `2^k`.
//!
//! **Sum invariant.** For a domain with `N` scores whose stored units are not zero,
//! `|domain_total − Σ scores| ≤ N` at every block (`0` when `N = 0`): every bucket holds the
//! exact sum of the raw units of its scores; moving to a common epoch loses `< 1` unit per score
//! in the sum of scores and none in the bucket; each read rounds to the nearest point.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;

/// `1.0` in the Q32 fixed-point format of the decay clock (one half-life).
pub const CLOCK_ONE: u128 = 0x1_0000_0000;
/// Mask of the fraction bits of a decay clock value.
pub const CLOCK_FRACTION_MASK: u128 = 0xFFFF_FFFF;
/// Number of stored units per point (32 bits of sub-point precision).
pub const UNITS_PER_POINT: u128 = 0x1_0000_0000;
/// `1.0` in Q64 fixed point.
pub const ONE_Q64: u128 = 0x1_0000_0000_0000_0000;
/// Amounts that have decayed by this many whole half-lives or more are zero (`u128 >> 128`).
pub const MAX_SHIFT: u64 = 128;
/// Maximum number of per-epoch buckets kept for a domain total: buckets older than
/// [`MAX_SHIFT`] epochs are worth zero and are dropped.
pub const MAX_BUCKETS: u32 = 128;
/// Bound type of the per-domain bucket list.
pub type MaxBuckets = ConstU32<MAX_BUCKETS>;
/// The per-epoch buckets of a domain total, sorted by strictly increasing epoch.
pub type Buckets = BoundedVec<Bucket, MaxBuckets>;

/// Largest number of points (`2⁹⁵ − 1`) whose scaling to units never overflows, whatever the
/// clock's fraction. Larger amounts may be refused with an overflow error (from `2⁹⁶` on,
/// always); so is any attestation that would take a domain total beyond `u128::MAX` units.
pub const MAX_POINTS: u128 = 0x7FFF_FFFF_FFFF_FFFF_FFFF_FFFF;

/// `2^(−2^(−i))` for `i = 1..=32` in Q64 (rounded to nearest), each with the bit of a Q32
/// fraction it stands for.
const HALF_POWERS: [(u32, u128); 32] = [
	(0x8000_0000, 13043817825332782212),
	(0x4000_0000, 15511800964685064948),
	(0x2000_0000, 16915738899553466671),
	(0x1000_0000, 17664662643191237676),
	(0x0800_0000, 18051468387014017850),
	(0x0400_0000, 18248035989933441397),
	(0x0200_0000, 18347121020861646924),
	(0x0100_0000, 18396865112328554661),
	(0x0080_0000, 18421787711448657618),
	(0x0040_0000, 18434261669329232140),
	(0x0020_0000, 18440501815349552982),
	(0x0010_0000, 18443622680442407998),
	(0x0008_0000, 18445183311048607332),
	(0x0004_0000, 18445963675871538004),
	(0x0002_0000, 18446353870663572145),
	(0x0001_0000, 18446548971154807802),
	(0x0000_8000, 18446646522174239825),
	(0x0000_4000, 18446695297877410579),
	(0x0000_2000, 18446719685777359791),
	(0x0000_1000, 18446731879739425374),
	(0x0000_0800, 18446737976723480912),
	(0x0000_0400, 18446741025216264368),
	(0x0000_0200, 18446742549462845018),
	(0x0000_0100, 18446743311586182574),
	(0x0000_0080, 18446743692647863159),
	(0x0000_0040, 18446743883178706404),
	(0x0000_0020, 18446743978444128764),
	(0x0000_0010, 18446744026076840128),
	(0x0000_0008, 18446744049893195857),
	(0x0000_0004, 18446744061801373733),
	(0x0000_0002, 18446744067755462673),
	(0x0000_0001, 18446744070732507144),
];

/// The units of a domain total stored at one epoch.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct Bucket {
	/// The epoch (whole half-lives of the domain's decay clock) the units are expressed at.
	pub epoch: u64,
	/// Exact sum of the raw units of the scores of the domain stored at `epoch`.
	pub units: u128,
}

/// `⌊a · m / 2⁶⁴⌋` for a Q64 multiplier `m ≤ 2⁶⁴`, exact and without overflow.
///
/// With `a = hi · 2⁶⁴ + lo`: `hi · m < 2¹²⁸`, `lo · m < 2¹²⁸` and their combination below is
/// `≤ a`, so the saturating operations never saturate.
pub fn mul_q64(a: u128, m: u128) -> u128 {
	let hi = a.checked_shr(64).unwrap_or(0);
	let lo = a & u128::from(u64::MAX);
	hi.saturating_mul(m).saturating_add(lo.saturating_mul(m).checked_shr(64).unwrap_or(0))
}

/// `2^(−frac / 2³²)` in Q64, for a Q32 fraction `frac`. Equals [`ONE_Q64`] for `frac = 0` and
/// lies in `(2⁶³, 2⁶⁴)` otherwise.
pub fn pow2_neg_fraction(frac: u32) -> u128 {
	let mut m = ONE_Q64;
	for (bit, factor) in HALF_POWERS.iter() {
		if frac & bit != 0 {
			m = mul_q64(m, *factor);
		}
	}
	m
}

/// `⌊value / 2^epochs⌋`: an amount moved forward by `epochs` whole half-lives.
pub fn shift_epochs(value: u128, epochs: u64) -> u128 {
	if epochs >= MAX_SHIFT {
		return 0;
	}
	u32::try_from(epochs).ok().and_then(|s| value.checked_shr(s)).unwrap_or(0)
}

/// Split a decay clock value into its epoch (whole half-lives) and its Q32 fraction.
pub fn split_clock(clock: u128) -> (u64, u32) {
	let epoch = u64::try_from(clock.checked_shr(32).unwrap_or(0)).unwrap_or(u64::MAX);
	let frac = u32::try_from(clock & CLOCK_FRACTION_MASK).unwrap_or(0);
	(epoch, frac)
}

/// The decay clock `elapsed` blocks after an anchor reading `anchor_clock`, for a half-life of
/// `half_life` blocks: `anchor_clock + ⌊elapsed · 2³² / half_life⌋`. A zero half-life (refused
/// by the pallet) stops the clock.
pub fn clock_after(anchor_clock: u128, elapsed: u128, half_life: u128) -> u128 {
	anchor_clock
		.saturating_add(elapsed.saturating_mul(CLOCK_ONE).checked_div(half_life).unwrap_or(0))
}

/// The primitive: `value · 2^(−delta / 2³²)`, where `delta` is a Q32 number of half-lives.
///
/// Within `value · 2^(−delta/2³²) · 10⁻¹⁷ + 2` of the exact value, for every `u128` input.
pub fn decay(value: u128, delta: u128) -> u128 {
	let (whole, frac) = split_clock(delta);
	let shifted = shift_epochs(value, whole);
	if frac == 0 {
		shifted
	} else {
		mul_q64(shifted, pow2_neg_fraction(frac))
	}
}

/// `units` read at the clock `then`, decayed to the clock `now` (no decay if `now ≤ then`).
pub fn decay_since(units: u128, then: u128, now: u128) -> u128 {
	decay(units, now.saturating_sub(then))
}

/// Points as units (points · 2³², saturating), with no clock fraction applied.
pub fn units_of_points(points: u128) -> u128 {
	points.saturating_mul(UNITS_PER_POINT)
}

/// Units to store at an epoch for `points` added when the clock's fraction is `frac`:
/// `points · 2³² · 2^(frac/2³²)`, computed as `2 · (points · 2³²) · 2^(−(1 − frac))`.
///
/// `None` if the result does not fit in a `u128`: never for `points ≤` [`MAX_POINTS`], always
/// for `points ≥ 2⁹⁶`.
pub fn points_to_units(points: u128, frac: u32) -> Option<u128> {
	let base = points.checked_mul(UNITS_PER_POINT)?;
	if frac == 0 {
		return Some(base);
	}
	let complement = u32::try_from(CLOCK_ONE.saturating_sub(u128::from(frac))).ok()?;
	mul_q64(base, pow2_neg_fraction(complement)).checked_mul(2)
}

/// Points (rounded to nearest, halves up) of `units` expressed at the current epoch, read when
/// the clock's fraction is `frac`.
pub fn units_to_points(units: u128, frac: u32) -> u128 {
	let scaled = if frac == 0 { units } else { mul_q64(units, pow2_neg_fraction(frac)) };
	let whole = scaled.checked_shr(32).unwrap_or(0);
	let half = scaled.checked_shr(31).unwrap_or(0) & 1;
	whole.saturating_add(half)
}

/// Sum of the buckets, each moved to `epoch`. Saturates (the pallet refuses any addition that
/// would make this sum exceed `u128::MAX`, so it never does).
pub fn buckets_total(buckets: &[Bucket], epoch: u64) -> u128 {
	buckets.iter().fold(0u128, |acc, b| {
		acc.saturating_add(shift_epochs(b.units, epoch.saturating_sub(b.epoch)))
	})
}

/// Remove `units` from the bucket of `epoch`, dropping the bucket when it becomes empty. A
/// missing bucket (already dropped because it was worth zero) is left alone.
pub fn bucket_remove(buckets: &mut Buckets, epoch: u64, units: u128) {
	if units == 0 {
		return;
	}
	if let Some(pos) = buckets.iter().position(|b| b.epoch == epoch) {
		let emptied = match buckets.get_mut(pos) {
			Some(bucket) => {
				bucket.units = bucket.units.saturating_sub(units);
				bucket.units == 0
			},
			None => false,
		};
		if emptied {
			buckets.remove(pos);
		}
	}
}

/// [`bucket_add`] could not add: the bucket would overflow, or the epoch is out of order.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct BucketError;

/// Add `units` to the bucket of `epoch`, the current epoch of the domain (no bucket is later).
/// Buckets [`MAX_SHIFT`] or more epochs older than `epoch` are worth zero and dropped first, so
/// at most [`MAX_BUCKETS`] remain. Fails on overflow of the bucket (prevented by the pallet's
/// check of the domain total) or if `epoch` is older than the last bucket.
pub fn bucket_add(buckets: &mut Buckets, epoch: u64, units: u128) -> Result<(), BucketError> {
	if units == 0 {
		return Ok(());
	}
	buckets.retain(|b| epoch.saturating_sub(b.epoch) < MAX_SHIFT);
	if let Some(last) = buckets.last_mut() {
		if last.epoch == epoch {
			last.units = last.units.checked_add(units).ok_or(BucketError)?;
			return Ok(());
		}
		if last.epoch > epoch {
			return Err(BucketError);
		}
	}
	buckets.try_push(Bucket { epoch, units }).map_err(|_| BucketError)
}
