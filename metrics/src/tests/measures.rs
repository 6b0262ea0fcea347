//! Each measure against hand-computed values, and its edge cases.

use super::{assert_close, close};
use crate::{measures::*, model::*};
use alloc::{vec, vec::Vec};

// ------------------------------------------------------------------------------ participation

#[test]
fn participation_by_head_and_weight() {
	assert_eq!(participation(30, Some(120)), Some(0.25));
	assert_eq!(participation(0, Some(120)), Some(0.0));
	assert_eq!(participation(120, Some(120)), Some(1.0));
	// Unknown or empty electorate: undefined, not infinite.
	assert_eq!(participation(5, None), None);
	assert_eq!(participation(5, Some(0)), None);
	// Not clamped: an under-counted electorate shows.
	assert_eq!(participation(3, Some(2)), Some(1.5));

	assert_eq!(weight_participation(25, Some(100)), Some(0.25));
	assert_eq!(weight_participation(0, Some(100)), Some(0.0));
	assert_eq!(weight_participation(25, None), None);
	assert_eq!(weight_participation(25, Some(0)), None);
	// Large token balances (10⁹ OSTR of 12 decimals).
	assert_eq!(weight_participation(10u128.pow(21), Some(4 * 10u128.pow(21))), Some(0.25));
}

#[test]
fn represented_participation_counts_delegators() {
	let ballots = [Ballot::own(5), Ballot::delegate(5, 10, 2)];
	// Two voters and the two delegators of one of them, of 10 eligible.
	assert_eq!(represented_participation(&ballots, Some(10)), Some(0.4));
	assert_eq!(represented_participation(&[], Some(10)), Some(0.0));
	assert_eq!(represented_participation(&ballots, None), None);
	assert_eq!(represented_participation(&ballots, Some(0)), None);
}

// ------------------------------------------------------------------------------------ latency

#[test]
fn latencies_in_blocks() {
	assert_eq!(latency(10, Some(15)), Some(5));
	assert_eq!(latency(10, Some(10)), Some(0));
	assert_eq!(latency(10, None), None);
	// A close before the start is inconsistent data: undefined.
	assert_eq!(latency(10, Some(5)), None);

	let decision = DecisionRecord {
		id: 0,
		class: 1,
		scheme: Scheme::Token,
		proposed: 100,
		houses: vec![
			HouseClose { house: House::Council, closed: 150 },
			HouseClose { house: House::Community, closed: 200 },
		],
		closed: Some(210),
		outcome: Some(DecisionOutcome::Approved),
	};
	assert_eq!(decision_latency(&decision), Some(110));
	assert_eq!(house_latency(&decision, House::Council), Some(50));
	assert_eq!(house_latency(&decision, House::Community), Some(100));
	let open = DecisionRecord { houses: vec![], closed: None, outcome: None, ..decision };
	assert_eq!(decision_latency(&open), None);
	assert_eq!(house_latency(&open, House::Council), None);

	// 14 400 blocks of 6 s are one day.
	assert_eq!(blocks_to_days(14_400.0, 6000), 1.0);
	assert_eq!(blocks_to_days(0.0, 6000), 0.0);
}

#[test]
fn stats_mean_median_and_nearest_rank_p90() {
	let s = Stats::of(&[1.0, 2.0, 3.0, 4.0]).unwrap();
	// Even count: median is the mean of the middle two; p90 is rank ⌈3.6⌉ = 4.
	assert_eq!((s.count, s.mean, s.median, s.p90), (4, 2.5, 2.5, 4.0));
	let s = Stats::of(&[3.0, 1.0, 2.0]).unwrap();
	// Odd count, any order: median 2; p90 rank ⌈2.7⌉ = 3.
	assert_eq!((s.count, s.mean, s.median, s.p90), (3, 2.0, 2.0, 3.0));
	let s = Stats::of_blocks(&[10, 9, 8, 7, 6, 5, 4, 3, 2, 1]).unwrap();
	// p90 of 1..=10 is rank 9.
	assert_eq!((s.count, s.mean, s.median, s.p90), (10, 5.5, 5.5, 9.0));
	let s = Stats::of_blocks(&[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 100]).unwrap();
	// 11 values: rank ⌈9.9⌉ = 10 is still 1; the outlier moves the mean only.
	assert_eq!((s.median, s.p90, s.mean), (1.0, 1.0, 10.0));
	let s = Stats::of_blocks(&[7]).unwrap();
	assert_eq!((s.count, s.mean, s.median, s.p90), (1, 7.0, 7.0, 7.0));
	assert_eq!(Stats::of(&[]), None);
	assert_eq!(Stats::of(&[1.0, f64::NAN]), None);
	assert_eq!(Stats::of(&[1.0, f64::INFINITY]), None);
}

#[test]
fn means_do_not_depend_on_order() {
	let values = [0.1, 0.7, 0.2, 1e-9, 0.3333];
	let mut reversed = values;
	reversed.reverse();
	assert_eq!(mean(&values).unwrap().to_bits(), mean(&reversed).unwrap().to_bits());
	assert_eq!(mean(&[]), None);
	assert_eq!(mean(&[2.0, 4.0]), Some(3.0));
}

// ------------------------------------------------------------------------------ concentration

#[test]
fn gini_of_known_distributions() {
	assert_eq!(gini(&[1, 1, 1, 1]), Some(0.0));
	assert_eq!(gini(&[0, 0, 0, 1]), Some(0.75));
	assert_eq!(gini(&[1, 2, 3, 4]), Some(0.25));
	// Σ|xᵢ − xⱼ| over ordered pairs = 4, over 2n²μ = 2·4·2 = 16.
	assert_eq!(gini(&[1, 3]), Some(0.25));
	// One whale among n: (n − 1)/n.
	for n in 1..=20u32 {
		let mut weights = vec![0u128; n as usize - 1];
		weights.push(1_000_000);
		assert_close(gini(&weights), f64::from(n - 1) / f64::from(n));
	}
	// Scale-free, and order-free.
	assert_eq!(
		gini(&[4 * 10u128.pow(24), 10u128.pow(24), 3 * 10u128.pow(24), 2 * 10u128.pow(24)]),
		Some(0.25)
	);
	// One voter: no inequality.
	assert_eq!(gini(&[42]), Some(0.0));
}

#[test]
fn gini_is_undefined_without_weight() {
	assert_eq!(gini(&[]), None);
	assert_eq!(gini(&[0, 0, 0]), None);
}

#[test]
fn gini_equals_the_mean_absolute_difference_formula() {
	// G = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² μ), by brute force.
	for weights in [vec![5u128, 1, 9, 9, 0, 2], vec![1, 10, 100, 1000], vec![7, 7, 8]] {
		let n = weights.len() as f64;
		let sum: u128 = weights.iter().sum();
		let pairs: f64 = weights
			.iter()
			.flat_map(|a| weights.iter().map(move |b| (*a as f64 - *b as f64).abs()))
			.sum();
		assert_close(gini(&weights), pairs / (2.0 * n * n * (sum as f64 / n)));
	}
}

#[test]
fn nakamoto_counts_more_than_half() {
	// A whale with a majority alone.
	assert_eq!(nakamoto(&[1, 1, 100, 1]), Some(1));
	assert_eq!(nakamoto(&[51, 49]), Some(1));
	// Exactly half is not more than half.
	assert_eq!(nakamoto(&[50, 50]), Some(2));
	assert_eq!(nakamoto(&[1, 1, 1]), Some(2));
	assert_eq!(nakamoto(&[10, 10, 10, 10, 10]), Some(3));
	assert_eq!(nakamoto(&[10, 10, 10, 10]), Some(3));
	assert_eq!(nakamoto(&[0, 0, 5]), Some(1));
	assert_eq!(nakamoto(&[7]), Some(1));
	assert_eq!(nakamoto(&[]), None);
	assert_eq!(nakamoto(&[0, 0]), None);
}

#[test]
fn hhi_and_effective_voters_of_known_distributions() {
	// n equal shares: 1/n and n.
	for n in 1..=10u32 {
		let weights = vec![5u128; n as usize];
		assert_close(hhi(&weights), 1.0 / f64::from(n));
		assert_close(effective_voters(&weights), f64::from(n));
	}
	// Shares 3/4 and 1/4: 9/16 + 1/16 = 0.625, and 1.6 effective voters.
	assert_eq!(hhi(&[3, 1]), Some(0.625));
	assert_eq!(effective_voters(&[3, 1]), Some(1.6));
	// A whale with everything among zeros: one effective voter.
	assert_eq!(hhi(&[0, 0, 9]), Some(1.0));
	assert_eq!(effective_voters(&[0, 0, 9]), Some(1.0));
	assert_eq!(hhi(&[]), None);
	assert_eq!(hhi(&[0, 0]), None);
	assert_eq!(effective_voters(&[]), None);
}

#[test]
fn hhi_from_the_chains_aggregates_matches_the_distribution() {
	// Σw = 4, Σw² = 10: HHI 10/16, effective voters 16/10.
	assert_eq!(hhi_from_aggregates(4, U256::from_u128(10)), Some(0.625));
	assert_eq!(effective_voters_from_aggregates(4, U256::from_u128(10)), Some(1.6));
	// Nothing cast, or inconsistent aggregates: undefined, not infinite.
	assert_eq!(hhi_from_aggregates(0, U256::ZERO), None);
	assert_eq!(hhi_from_aggregates(5, U256::ZERO), None);
	assert_eq!(effective_voters_from_aggregates(0, U256::from_u128(3)), None);
	assert_eq!(effective_voters_from_aggregates(5, U256::ZERO), None);

	// Token weights whose squares exceed 128 bits, as the chain keeps them in a U256.
	let unit = 10u128.pow(30);
	let distributions: [Vec<u128>; 4] = [
		vec![unit, 3 * unit],
		vec![unit, unit, unit, unit, 4 * unit],
		vec![1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
		vec![u128::from(u64::MAX), 17, 1 << 100],
	];
	for weights in distributions {
		let chain =
			Aggregates::of_ballots(&weights.iter().map(|w| Ballot::own(*w)).collect::<Vec<_>>());
		let from_chain = hhi_from_aggregates(chain.total_weight, chain.sum_of_squares).unwrap();
		let effective =
			effective_voters_from_aggregates(chain.total_weight, chain.sum_of_squares).unwrap();
		// HHI ↔ effective voters, and the distribution ↔ the aggregates.
		assert!(close(from_chain * effective, 1.0));
		assert_close(hhi(&weights), from_chain);
		assert_close(effective_voters(&weights), effective);
		// Against Σ sᵢ² computed share by share.
		let total = weights.iter().map(|w| *w as f64).sum::<f64>();
		let shares: f64 = weights.iter().map(|w| (*w as f64 / total).powi(2)).sum();
		assert!((from_chain - shares).abs() < 1e-9);
	}
	// 1·10³⁰ and 3·10³⁰: 0.625 exactly as for 1 and 3.
	assert_close(hhi(&[unit, 3 * unit]), 0.625);
}

// --------------------------------------------------------------------------------- delegation

#[test]
fn delegation_share_and_delegates_holding_half() {
	let ballots = [Ballot::own(10), Ballot::delegate(10, 20, 3)];
	// 20 of 40 through a delegate.
	assert_eq!(delegation_share(&ballots), Some(0.5));
	assert_eq!(delegation_share(&[Ballot::own(10)]), Some(0.0));
	assert_eq!(delegation_share(&[]), None);
	assert_eq!(delegation_share(&[Ballot::own(0)]), None);

	let delegates = |amounts: &[u128]| -> Vec<Ballot> {
		amounts.iter().map(|d| Ballot::delegate(1, *d, 1)).collect()
	};
	// 6 of 10 with the largest delegate.
	assert_eq!(delegates_holding_half(&delegates(&[1, 6, 3])), Some(1));
	// Exactly half is holding half.
	assert_eq!(delegates_holding_half(&delegates(&[5, 5])), Some(1));
	// 3 + 3 of 10.
	assert_eq!(delegates_holding_half(&delegates(&[3, 1, 3, 3])), Some(2));
	// Voters without delegated weight are not delegates.
	let mut mixed = delegates(&[2, 2, 2]);
	mixed.push(Ballot::own(1000));
	assert_eq!(delegates_holding_half(&mixed), Some(2));
	assert_eq!(delegates_holding_half(&[Ballot::own(5)]), None);
	assert_eq!(delegates_holding_half(&[]), None);
}

// ------------------------------------------------------------------------------------- Lorenz

#[test]
fn lorenz_curve_points() {
	assert_eq!(
		lorenz_curve(&[4, 1, 3, 2], 100),
		vec![(0.0, 0.0), (0.25, 0.1), (0.5, 0.3), (0.75, 0.6), (1.0, 1.0)]
	);
	// Equality is the diagonal.
	assert_eq!(lorenz_curve(&[2, 2], 100), vec![(0.0, 0.0), (0.5, 0.5), (1.0, 1.0)]);
	// Sampled: k = ⌊i·4/2⌋ for i = 0, 1, 2.
	assert_eq!(lorenz_curve(&[4, 1, 3, 2], 3), vec![(0.0, 0.0), (0.5, 0.3), (1.0, 1.0)]);
	// At least both ends, even if fewer are asked for.
	assert_eq!(lorenz_curve(&[4, 1, 3, 2], 0), vec![(0.0, 0.0), (1.0, 1.0)]);
	// Exactly n + 1 points asked for: all of them.
	assert_eq!(lorenz_curve(&[1, 1, 2], 4).len(), 4);
	let sampled = lorenz_curve(&(1..=1000u128).collect::<Vec<_>>(), 11);
	assert_eq!(sampled.len(), 11);
	assert_eq!(sampled.first(), Some(&(0.0, 0.0)));
	assert_eq!(sampled.last(), Some(&(1.0, 1.0)));
	assert!(sampled.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 <= w[1].1));
	// Nothing to draw.
	assert!(lorenz_curve(&[], 10).is_empty());
	assert!(lorenz_curve(&[0, 0], 10).is_empty());
	assert!(lorenz_curve_of(&[1.0, -1.0, 2.0], 10).is_empty());
	assert!(lorenz_curve_of(&[1.0, f64::NAN], 10).is_empty());
}

#[test]
fn gini_is_twice_the_area_between_diagonal_and_lorenz_curve() {
	for weights in [vec![1u128, 2, 3, 4], vec![0, 0, 0, 1], vec![5, 1, 9, 9, 0, 2], vec![8]] {
		let curve = lorenz_curve(&weights, usize::MAX);
		let under: f64 =
			curve.windows(2).map(|w| (w[1].0 - w[0].0) * (w[0].1 + w[1].1) / 2.0).sum();
		assert_close(gini(&weights), 1.0 - 2.0 * under);
	}
}
