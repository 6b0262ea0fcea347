//! The measures, each a pure function of plain numbers.
//!
//! A measure that is undefined for its input (a ratio with a zero or unknown denominator, the
//! concentration of no weight) is `None`, never `NaN` or infinity; the renderers print it as
//! `-`, an empty CSV field or JSON `null`.
//!
//! Rounding: integer sums are exact (saturating at the type's maximum, which no real chain
//! reaches); a ratio converts its exact integer numerator and denominator to `f64` once and
//! divides. Only the Gini coefficient, the Lorenz curve and the summary statistics add `f64`s,
//! and they do so in ascending order of the values, so every result depends only on the
//! multiset of inputs, not on their order, and is bit-for-bit the same on every IEEE 754
//! platform (Rust neither fuses nor reorders float operations, and no transcendental function
//! is used), including `wasm32`.

use alloc::vec::Vec;

use crate::model::{Ballot, BlockNumber, DecisionRecord, House, PollRecord, Weight, U256};

/// `numerator / denominator` as `f64`, or `None` if the denominator is zero or unknown.
fn ratio(numerator: f64, denominator: Option<f64>) -> Option<f64> {
	let denominator = denominator.filter(|d| *d > 0.0)?;
	finite(numerator / denominator)
}

/// `Some(x)` if `x` is finite.
fn finite(x: f64) -> Option<f64> {
	x.is_finite().then_some(x)
}

/// The sum of `weights`, saturating.
fn total(weights: &[Weight]) -> Weight {
	weights.iter().fold(0, |acc: Weight, w| acc.saturating_add(*w))
}

// -------------------------------------------------------------------------------------------
// Participation.
// -------------------------------------------------------------------------------------------

/// Participation by head count: `voters / electorate`, e.g. 30 ballots among 120 eligible
/// voters is 0.25. `None` if the electorate is unknown or zero. Not clamped: a value above 1
/// means the electorate was under-counted.
pub fn participation(voters: u32, electorate: Option<u64>) -> Option<f64> {
	ratio(f64::from(voters), electorate.map(|e| e as f64))
}

/// Participation by weight: `weight cast / eligible weight` (e.g. locked balance over active
/// issuance). `None` if the eligible weight is unknown or zero. Not clamped.
pub fn weight_participation(weight_cast: Weight, eligible: Option<Weight>) -> Option<f64> {
	ratio(weight_cast as f64, eligible.map(|e| e as f64))
}

/// Represented participation: the voters plus the delegators their ballots carry, over the
/// electorate: how many eligible voters had their weight counted, directly or through a
/// delegate. `None` if the electorate is unknown or zero. Not clamped.
pub fn represented_participation(ballots: &[Ballot], electorate: Option<u64>) -> Option<f64> {
	let represented = ballots
		.iter()
		.fold(0u64, |acc, b| acc.saturating_add(1).saturating_add(u64::from(b.delegators)));
	ratio(represented as f64, electorate.map(|e| e as f64))
}

// -------------------------------------------------------------------------------------------
// Latency.
// -------------------------------------------------------------------------------------------

/// Blocks from `start` to `end`, or `None` if `end` is unknown or before `start`.
pub fn latency(start: BlockNumber, end: Option<BlockNumber>) -> Option<BlockNumber> {
	end?.checked_sub(start)
}

/// A poll's latency: submission to close, in blocks (`None` while it is ongoing).
pub fn poll_latency(poll: &PollRecord) -> Option<BlockNumber> {
	latency(poll.created, poll.closed)
}

/// A decision's latency: proposal to close, in blocks (`None` while it is open).
pub fn decision_latency(decision: &DecisionRecord) -> Option<BlockNumber> {
	latency(decision.proposed, decision.closed)
}

/// A decision's latency in one house: proposal to the close of that house's (last) poll on it,
/// in blocks (`None` if the house has not finished, or has no poll on the decision).
pub fn house_latency(decision: &DecisionRecord, house: House) -> Option<BlockNumber> {
	let closed = decision.houses.iter().find(|h| h.house == house).map(|h| h.closed);
	latency(decision.proposed, closed)
}

/// Blocks as days, for a chain of `ms_per_block` milliseconds per block (Ostrom: 6000).
pub fn blocks_to_days(blocks: f64, ms_per_block: u64) -> f64 {
	blocks * (ms_per_block as f64) / 86_400_000.0
}

/// Summary statistics of a list of values.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Stats {
	/// How many values.
	pub count: u32,
	/// Their arithmetic mean.
	pub mean: f64,
	/// Their median: the middle value, or the mean of the two middle values for an even count.
	pub median: f64,
	/// Their 90th percentile by the nearest-rank method: the smallest value that at least 90 %
	/// of the values are less than or equal to (the value of rank `⌈0.9·n⌉`, from 1).
	pub p90: f64,
}

impl Stats {
	/// The statistics of `values`, or `None` if there are none (or one is not finite).
	pub fn of(values: &[f64]) -> Option<Stats> {
		let sorted = sorted(values)?;
		let n = sorted.len();
		let mean = mean_of_sorted(&sorted)?;
		let half = n.checked_div(2)?;
		let median = if n.checked_rem(2)? == 1 {
			*sorted.get(half)?
		} else {
			(*sorted.get(half.checked_sub(1)?)? + *sorted.get(half)?) / 2.0
		};
		// Nearest rank ⌈9n/10⌉ (1-based), computed exactly in integers.
		let rank = n.checked_mul(9)?.checked_add(9)?.checked_div(10)?;
		let p90 = *sorted.get(rank.checked_sub(1)?)?;
		Some(Stats { count: u32::try_from(n).unwrap_or(u32::MAX), mean, median, p90 })
	}

	/// The statistics of block counts (e.g. latencies).
	pub fn of_blocks(blocks: &[BlockNumber]) -> Option<Stats> {
		let values: Vec<f64> = blocks.iter().map(|b| f64::from(*b)).collect();
		Stats::of(&values)
	}
}

/// The arithmetic mean of `values` (summed in ascending order), or `None` if there are none
/// (or one is not finite).
pub fn mean(values: &[f64]) -> Option<f64> {
	mean_of_sorted(&sorted(values)?)
}

/// `values` sorted ascending, or `None` if empty or one is not finite.
fn sorted(values: &[f64]) -> Option<Vec<f64>> {
	if values.is_empty() || values.iter().any(|v| !v.is_finite()) {
		return None;
	}
	let mut sorted = values.to_vec();
	sorted.sort_unstable_by(f64::total_cmp);
	Some(sorted)
}

/// The mean of non-empty, sorted, finite values.
fn mean_of_sorted(sorted: &[f64]) -> Option<f64> {
	let sum: f64 = sorted.iter().sum();
	ratio(sum, Some(sorted.len() as f64))
}

// -------------------------------------------------------------------------------------------
// Concentration of voting power among those who voted.
// -------------------------------------------------------------------------------------------

/// The Gini coefficient of `weights`: 0 when all are equal, `(n − 1)/n` when one holds
/// everything among `n`. With the weights sorted ascending, `x₍₁₎ ≤ … ≤ x₍ₙ₎`,
/// `G = Σᵢ (2i − n − 1)·x₍ᵢ₎ / (n·Σᵢ x₍ᵢ₎)` (equal to the mean absolute difference over twice
/// the mean). Examples: `[1, 1, 1, 1]` → 0, `[0, 0, 0, 1]` → 0.75, `[1, 2, 3, 4]` → 0.25.
/// `None` if there are no weights or they sum to zero.
pub fn gini(weights: &[Weight]) -> Option<f64> {
	let sum = total(weights);
	if sum == 0 {
		return None;
	}
	let mut sorted = weights.to_vec();
	sorted.sort_unstable();
	let n = sorted.len() as f64;
	let numerator: f64 = sorted
		.iter()
		.enumerate()
		.map(|(i, x)| (2.0 * (i as f64 + 1.0) - n - 1.0) * (*x as f64))
		.sum();
	ratio(numerator, Some(n * (sum as f64)))
}

/// The Nakamoto coefficient of `weights`: the fewest voters who together hold **more** than
/// half of the weight (exact, in integers). One voter holding 51 of 100 → 1; two equal voters
/// → 2 (one holds exactly half, not more). `None` if the weights sum to zero.
pub fn nakamoto(weights: &[Weight]) -> Option<u32> {
	let sum = total(weights);
	if sum == 0 {
		return None;
	}
	let mut sorted = weights.to_vec();
	sorted.sort_unstable_by(|a, b| b.cmp(a));
	let mut held: Weight = 0;
	for (count, weight) in (1u32..).zip(sorted.iter()) {
		held = held.saturating_add(*weight);
		// held > sum − held  ⇔  held > sum / 2, without overflow (held ≤ sum).
		if held > sum.saturating_sub(held) {
			return Some(count);
		}
	}
	// Unreachable: all the weights together hold the whole sum, which is more than half.
	u32::try_from(sorted.len()).ok()
}

/// The Herfindahl–Hirschman index `Σᵢ sᵢ²` of the voters' shares `sᵢ = wᵢ / Σ w`: `1/n` for
/// `n` equal voters, 1 for a single holder. `None` if the weights sum to zero. Computed from
/// the exact sum of squares, as [`hhi_from_aggregates`] does from the chain's tally.
pub fn hhi(weights: &[Weight]) -> Option<f64> {
	let sum_of_squares =
		weights.iter().fold(U256::ZERO, |acc, w| acc.saturating_add(U256::square(*w)));
	hhi_from_aggregates(total(weights), sum_of_squares)
}

/// The effective number of voters `1 / HHI = (Σ w)² / Σ w²`: `n` for `n` equal voters, 1 for a
/// single holder. `None` if the weights sum to zero.
pub fn effective_voters(weights: &[Weight]) -> Option<f64> {
	hhi(weights).and_then(|h| ratio(1.0, Some(h)))
}

/// The Herfindahl–Hirschman index from a tally's O(1) aggregates: `Σ w² / (Σ w)²`. `None` if
/// the total weight or the sum of squares is zero.
pub fn hhi_from_aggregates(total_weight: Weight, sum_of_squares: U256) -> Option<f64> {
	if sum_of_squares.is_zero() {
		return None;
	}
	let total = total_weight as f64;
	ratio(sum_of_squares.to_f64(), Some(total * total))
}

/// The effective number of voters from a tally's O(1) aggregates: `(Σ w)² / Σ w²`. `None` if
/// the total weight or the sum of squares is zero.
pub fn effective_voters_from_aggregates(total_weight: Weight, sum_of_squares: U256) -> Option<f64> {
	if total_weight == 0 {
		return None;
	}
	let total = total_weight as f64;
	ratio(total * total, Some(sum_of_squares.to_f64()))
}

// -------------------------------------------------------------------------------------------
// Delegation.
// -------------------------------------------------------------------------------------------

/// The share of the weight cast that was cast through delegates: `Σ delegated / Σ weight`.
/// `None` if no weight was cast.
pub fn delegation_share(ballots: &[Ballot]) -> Option<f64> {
	let (delegated, cast) = ballots.iter().fold((0 as Weight, 0 as Weight), |(d, c), b| {
		(d.saturating_add(b.delegated), c.saturating_add(b.weight))
	});
	if cast == 0 {
		return None;
	}
	ratio(delegated as f64, Some(cast as f64))
}

/// The number of delegates holding half of the delegated weight: the fewest ballots whose
/// delegated weight, largest first, adds up to **at least** half of all the delegated weight
/// cast (exact, in integers). `None` if no weight was delegated.
pub fn delegates_holding_half(ballots: &[Ballot]) -> Option<u32> {
	let mut delegated: Vec<Weight> =
		ballots.iter().map(|b| b.delegated).filter(|d| *d > 0).collect();
	let sum = total(&delegated);
	if sum == 0 {
		return None;
	}
	delegated.sort_unstable_by(|a, b| b.cmp(a));
	let mut held: Weight = 0;
	for (count, weight) in (1u32..).zip(delegated.iter()) {
		held = held.saturating_add(*weight);
		// held ≥ sum − held  ⇔  held ≥ sum / 2.
		if held >= sum.saturating_sub(held) {
			return Some(count);
		}
	}
	u32::try_from(delegated.len()).ok()
}

// -------------------------------------------------------------------------------------------
// Lorenz curve.
// -------------------------------------------------------------------------------------------

/// A point `(x, y)` of a Lorenz curve: the poorest share `x` of the voters hold the share `y`
/// of the weight.
pub type LorenzPoint = (f64, f64);

/// The Lorenz curve of `weights`, for charts: with the `n` weights sorted ascending, the points
/// `(k/n, (x₍₁₎ + … + x₍ₖ₎)/Σ x)` for `k = 0..=n`, from `(0, 0)` to `(1, 1)`. If `n + 1 >
/// max_points` (at least 2), only the points for `k = ⌊i·n/(max_points − 1)⌋`,
/// `i = 0..max_points`, are kept (always including both ends). Empty if the weights sum to
/// zero. Equality is the diagonal; the Gini coefficient is twice the area between it and the
/// curve.
pub fn lorenz_curve(weights: &[Weight], max_points: usize) -> Vec<LorenzPoint> {
	let values: Vec<f64> = weights.iter().map(|w| *w as f64).collect();
	lorenz_curve_of(&values, max_points)
}

/// The Lorenz curve of non-negative `f64` values (e.g. ballots' shares of their polls, pooled
/// over polls), as [`lorenz_curve`]. Empty if the values sum to zero or one is negative or not
/// finite.
pub fn lorenz_curve_of(values: &[f64], max_points: usize) -> Vec<LorenzPoint> {
	if values.iter().any(|v| !v.is_finite() || *v < 0.0) {
		return Vec::new();
	}
	let mut sorted = values.to_vec();
	sorted.sort_unstable_by(f64::total_cmp);
	// Cumulative sums, in ascending order: cumulative[k] = sum of the k smallest.
	let mut cumulative = Vec::with_capacity(sorted.len().saturating_add(1));
	cumulative.push(0.0);
	let mut acc = 0.0;
	for value in &sorted {
		acc += value;
		cumulative.push(acc);
	}
	if acc <= 0.0 || !acc.is_finite() {
		return Vec::new();
	}
	let n = sorted.len();
	let wanted = max_points.max(2);
	let point = |k: usize| -> Option<LorenzPoint> {
		Some((k as f64 / n as f64, *cumulative.get(k)? / acc))
	};
	if n < wanted {
		(0..=n).filter_map(point).collect()
	} else {
		let steps = wanted.saturating_sub(1);
		(0..wanted)
			.filter_map(|i| i.checked_mul(n).and_then(|x| x.checked_div(steps)))
			.filter_map(point)
			.collect()
	}
}
