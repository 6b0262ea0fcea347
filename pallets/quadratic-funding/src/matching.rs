//! Quadratic matching in integer arithmetic.
//!
//! A project `p` with contributions `cᵢₚ` (contributor `i`'s **total** to `p`) has the raw score
//!
//! ```text
//! score(p) = (Σᵢ √cᵢₚ)² − Σᵢ cᵢₚ
//! ```
//!
//! and receives a share of the matching pool proportional to its score, at most `cap`; what a
//! capped project would have received beyond the cap goes to the uncapped projects, again in
//! proportion to their scores (water-filling).
//!
//! # Fixed point
//!
//! Square roots are kept in fixed point with 6 decimal digits: [`root`]`(c) = ⌊√(c · 10¹²)⌋ =
//! ⌊√c · 10⁶⌋`, computed exactly with a 256-bit integer square root. A project keeps the running
//! sum `S = Σᵢ root(cᵢₚ)` (a contributor's second contribution replaces `root(old)` by
//! `root(old + new)`, so a contribution costs O(1)). Scores are computed scaled by `10¹²`:
//!
//! ```text
//! scaled_score(p) = max(0, S² − 10¹² · Σᵢ cᵢₚ)          (256-bit, never overflows)
//! ```
//!
//! Because every root is rounded down, `S² ≤ 10¹² · (Σ √c)²`: a project with a single
//! contributor always scores exactly zero, and amounts that are perfect squares of whole units
//! (e.g. `c = k² · 10¹²` plancks) give exact scores.
//!
//! # Rounding
//!
//! Every share is rounded **down** and a cap `C` is only applied to a project whose exact share
//! is at least `C`, so the matches never add up to more than the pool. With `k` projects that
//! score above zero, the matches add up to at least `min(pool, k · C) − k`; the rest (rounding
//! dust, or the part of the pool no project may take because of the caps) is left over.
//!
//! Scores are divided by a common factor before the split only if a scaled score exceeds
//! `(2¹²⁸ − 1) / n` for `n` projects (that is, `(Σ √c)²` above about `5 · 10²⁴` units — far
//! beyond any real round), which keeps every product within 256 bits; below that the split is
//! exact up to the final rounding down.

use alloc::{vec, vec::Vec};
use sp_core::U256;
use sp_runtime::{helpers_128bit::multiply_by_rational_with_rounding, Rounding};

/// Square roots are scaled by this factor: `root(c) = ⌊√c · ROOT_SCALE⌋`.
pub const ROOT_SCALE: u128 = 1_000_000;

/// `ROOT_SCALE²`: the factor by which [`scaled_score`] exceeds the score in the currency's units.
pub const SCORE_SCALE: u128 = 1_000_000_000_000;

/// `⌊√(c · 10¹²)⌋`, i.e. `√c` in fixed point with 6 decimal digits, rounded down. Exact for the
/// whole `u128` range (the result is below `2⁸⁴`).
pub fn root(c: u128) -> u128 {
	let scaled = U256::from(c).saturating_mul(U256::from(SCORE_SCALE));
	u128::try_from(scaled.integer_sqrt()).unwrap_or(u128::MAX)
}

/// The score of a project whose roots add up to `sum_roots` and whose contributions add up to
/// `contributed`, scaled by [`SCORE_SCALE`]: `max(0, sum_roots² − 10¹² · contributed)`.
pub fn scaled_score(sum_roots: u128, contributed: u128) -> U256 {
	let square = U256::from(sum_roots).saturating_mul(U256::from(sum_roots));
	let direct = U256::from(contributed).saturating_mul(U256::from(SCORE_SCALE));
	square.saturating_sub(direct)
}

/// The score in the currency's units, `⌊scaled_score / 10¹²⌋` (saturating at `u128::MAX`):
/// `(Σ √c)² − Σ c` up to the rounding of the roots.
pub fn score(sum_roots: u128, contributed: u128) -> u128 {
	let units = scaled_score(sum_roots, contributed)
		.checked_div(U256::from(SCORE_SCALE))
		.unwrap_or_default();
	u128::try_from(units).unwrap_or(u128::MAX)
}

/// Split `pool` among projects in proportion to their scores, no project receiving more than
/// `cap`; the excess of capped projects is shared among the others in proportion to their
/// scores. `sums[p]` is `(Σ root, Σ c)` of project `p` (`(0, 0)` for a project that takes no
/// part). Returns the match of each project, in the order of `sums`.
///
/// Every share is rounded down, so the matches never add up to more than `pool`, and none is
/// above `cap`. Costs O(n log n) for `n` projects.
pub fn allocate(sums: &[(u128, u128)], pool: u128, cap: u128) -> Vec<u128> {
	let scores: Vec<U256> =
		sums.iter().map(|(roots, contributed)| scaled_score(*roots, *contributed)).collect();
	allocate_scores(&scores, pool, cap)
}

/// [`allocate`] for scores already computed (any common scale).
pub fn allocate_scores(scores: &[U256], pool: u128, cap: u128) -> Vec<u128> {
	let mut matches = vec![0u128; scores.len()];
	let max = scores.iter().copied().max().unwrap_or_default();
	if max.is_zero() || pool == 0 {
		return matches;
	}

	// Scale the scores down (only ever for astronomically large ones) so that their sum fits in
	// 128 bits; then every product below fits in 256 bits.
	let count = U256::from(scores.len());
	let limit = U256::from(u128::MAX).checked_div(count).unwrap_or_default();
	let divisor = if max <= limit {
		U256::one()
	} else {
		max.checked_div(limit).unwrap_or(max).saturating_add(U256::one())
	};
	let mut weights: Vec<(usize, u128)> = scores
		.iter()
		.enumerate()
		.map(|(index, s)| {
			let weight = s.checked_div(divisor).unwrap_or_default();
			(index, u128::try_from(weight).unwrap_or(0))
		})
		.filter(|(_, weight)| *weight > 0)
		.collect();
	// Largest score first (ties by index): the projects a cap binds on come first.
	weights.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));

	let mut remaining_pool = pool;
	let mut remaining_weight = weights.iter().fold(0u128, |sum, (_, w)| sum.saturating_add(*w));
	let mut capped: usize = 0;
	for (index, weight) in weights.iter() {
		// Capped iff the exact share `remaining_pool · weight / remaining_weight` reaches `cap`.
		// Capping a project never lowers the share of the others, so once a project is below
		// the cap, all smaller ones are too.
		let share = U256::from(remaining_pool).saturating_mul(U256::from(*weight));
		let bound = U256::from(cap).saturating_mul(U256::from(remaining_weight));
		if remaining_weight == 0 || share < bound {
			break;
		}
		if let Some(slot) = matches.get_mut(*index) {
			*slot = cap;
		}
		remaining_pool = remaining_pool.saturating_sub(cap);
		remaining_weight = remaining_weight.saturating_sub(*weight);
		capped = capped.saturating_add(1);
	}
	for (index, weight) in weights.iter().skip(capped) {
		let share = multiply_by_rational_with_rounding(
			remaining_pool,
			*weight,
			remaining_weight,
			Rounding::Down,
		)
		.unwrap_or(0);
		if let Some(slot) = matches.get_mut(*index) {
			*slot = share;
		}
	}
	matches
}
