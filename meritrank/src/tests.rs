//! Unit tests with hand-checkable values.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use super::*;

fn approx(score: u64, expected: f64, tolerance: f64) -> bool {
	(share(score) - expected).abs() <= tolerance
}

#[test]
fn splitmix_is_the_reference_stream() {
	// First outputs of SplitMix64 seeded with 1234567 (the reference implementation's test).
	let mut rng = SplitMix64::new(1234567);
	assert_eq!(rng.next_u64(), 6457827717110365317);
	assert_eq!(rng.next_u64(), 3203168211198807973);
	let mut rng = SplitMix64::new(7);
	for _ in 0..1000 {
		assert!(rng.below(10) < 10);
	}
	assert_eq!(SplitMix64::new(7).below(0), 0);
	// `chance` hits its probability.
	let mut rng = SplitMix64::new(9);
	let hits = (0..100_000).filter(|_| rng.chance(150_000)).count();
	assert!((14_000..16_000).contains(&hits), "{hits}");
}

#[test]
fn graph_sorts_merges_and_drops() {
	let graph = Graph::from_edges([
		("b", "a", 2),
		("a", "c", 1),
		("a", "b", 3),
		("a", "b", 4),
		("c", "c", 9),
		("c", "d", 0),
	]);
	assert_eq!(graph.nodes(), &["a", "b", "c"]);
	let edges: Vec<_> = graph.edges().map(|(f, t, w)| (*f, *t, w)).collect();
	assert_eq!(edges, vec![("a", "b", 7), ("a", "c", 1), ("b", "a", 2)]);
	assert_eq!(graph.edge_count(), 3);
}

#[test]
fn bad_parameters_are_refused() {
	let graph = Graph::from_edges([("a", "b", 1)]);
	let bad = |p: Params| merit_rank(&graph, &["a"], &p, 1).unwrap_err();
	assert_eq!(bad(Params { alpha_ppm: 0, ..Default::default() }), Error::Alpha(0));
	assert_eq!(bad(Params { alpha_ppm: 1_000_001, ..Default::default() }), Error::Alpha(1_000_001));
	assert_eq!(bad(Params { gamma_ppm: 2_000_000, ..Default::default() }), Error::Gamma(2_000_000));
	assert_eq!(
		bad(Params { bridge_threshold_ppm: PPM + 1, ..Default::default() }),
		Error::Threshold(PPM + 1)
	);
	assert_eq!(bad(Params { walks: 0, ..Default::default() }), Error::NoWalks);
	assert_eq!(merit_rank(&graph, &[], &Params::default(), 1).unwrap_err(), Error::NoSeeds);
}

/// a → b → c from seed a. Per walk b is visited with probability 1 − α = 0.85 and c with
/// 0.85² = 0.7225 (c has no out-edges), so b's share is 0.85 / 1.5725 = 0.5405 and c's 0.4595.
/// Every walk that reaches c passed b (bridge share 1 ≥ 0.75), so connectivity decay halves c:
/// 0.2297.
#[test]
fn a_chain_decays() {
	let graph = Graph::from_edges([("a", "b", 10), ("b", "c", 10)]);
	let no_gamma = Params { gamma_ppm: 0, ..Default::default() };
	let plain = merit_rank(&graph, &["a"], &no_gamma, 1).unwrap();
	assert!(approx(plain.scores["b"], 0.5405, 0.01), "{plain:?}");
	assert!(approx(plain.scores["c"], 0.4595, 0.01), "{plain:?}");
	assert!(!plain.scores.contains_key("a"), "the seed does not score itself");
	assert!(plain.decayed.is_empty());

	let merit = merit_rank(&graph, &["a"], &Params::default(), 1).unwrap();
	assert_eq!(merit.scores["b"], plain.scores["b"], "b has no bridge before it");
	assert!(approx(merit.scores["c"], 0.2297, 0.01), "{merit:?}");
	assert_eq!(merit.scores["c"] + merit.decayed["c"], plain.scores["c"]);
	// Walks that reached c (0.7225) and were not stopped by α there (0.85) ended at its dead
	// end: 0.614 of them.
	assert!(merit.dead_ends > 5_900 && merit.dead_ends < 6_400, "{}", merit.dead_ends);

	// A longer chain: each hop further gets less.
	let graph = Graph::from_edges([(1, 2, 1), (2, 3, 1), (3, 4, 1), (4, 5, 1)]);
	let merit = merit_rank(&graph, &[1], &no_gamma, 3).unwrap();
	let s: Vec<u64> = (2..=5).map(|n| merit.scores[&n]).collect();
	assert!(s.windows(2).all(|w| w[0] > w[1]), "{s:?}");
}

/// a endorses b with weight 3 and c with weight 1: walks go to b three times as often.
#[test]
fn next_hop_is_proportional_to_weight() {
	let graph = Graph::from_edges([("a", "b", 3), ("a", "c", 1)]);
	let merit = merit_rank(&graph, &["a"], &Params::default(), 5).unwrap();
	assert!(approx(merit.scores["b"], 0.75, 0.015), "{merit:?}");
	assert!(approx(merit.scores["c"], 0.25, 0.015), "{merit:?}");
}

/// d is reached through b or c, half of the walks each: below the threshold, no decay.
#[test]
fn two_paths_are_not_a_bridge() {
	let graph = Graph::from_edges([("a", "b", 1), ("a", "c", 1), ("b", "d", 1), ("c", "d", 1)]);
	let merit = merit_rank(&graph, &["a"], &Params::default(), 5).unwrap();
	assert!(!merit.decayed.contains_key("d"), "{merit:?}");
	// One path only: d is decayed.
	let graph = Graph::from_edges([("a", "b", 1), ("b", "d", 1), ("a", "c", 1)]);
	let merit = merit_rank(&graph, &["a"], &Params::default(), 5).unwrap();
	assert!(merit.decayed.contains_key("d"), "{merit:?}");
	// Seeds are never bridges: s → t → x with both s and t seeds.
	let graph = Graph::from_edges([("s", "t", 1), ("t", "x", 1)]);
	let merit = merit_rank(&graph, &["s", "t"], &Params::default(), 5).unwrap();
	assert!(!merit.decayed.contains_key("x"), "{merit:?}");
}

#[test]
fn same_seed_same_result_other_seed_close() {
	let mut rng = SplitMix64::new(11);
	let edges: Vec<(u32, u32, u64)> = (0..300)
		.map(|_| (rng.below(40) as u32, rng.below(40) as u32, 1 + rng.below(100)))
		.collect();
	let graph = Graph::from_edges(edges.clone());
	let seeds = [0, 1, 2];
	let one = merit_rank(&graph, &seeds, &Params::default(), 42).unwrap();
	let again =
		merit_rank(&Graph::from_edges(edges.into_iter().rev()), &seeds, &Params::default(), 42)
			.unwrap();
	assert_eq!(one, again, "same graph (in any order), seeds and seed: identical");
	assert_eq!(to_points(&one.scores, 10_000), to_points(&again.scores, 10_000));
	let other = merit_rank(&graph, &[2, 1, 0, 1], &Params::default(), 43).unwrap();
	assert_ne!(one.scores, other.scores, "another seed draws other walks");
	for (node, score) in &one.scores {
		let o = other.scores.get(node).copied().unwrap_or(0);
		assert!((share(*score) - share(o)).abs() < 0.01, "{node}: {score} vs {o}");
	}
}

#[test]
fn points_use_the_largest_remainder() {
	let scores: BTreeMap<&str, u64> = [("a", 1), ("b", 1), ("c", 1)].into();
	// 10 / 3 = 3 each, one left over: equal remainders, so the first node gets it.
	assert_eq!(to_points(&scores, 10), [("a", 4), ("b", 3), ("c", 3)].into());
	let scores: BTreeMap<&str, u64> = [("a", 50), ("b", 30), ("c", 15), ("d", 5)].into();
	// 7 · (0.5, 0.3, 0.15, 0.05) = 3.5, 2.1, 1.05, 0.35: floors 3, 2, 1, 0; the one left goes
	// to a (remainder 0.5).
	assert_eq!(to_points(&scores, 7), [("a", 4), ("b", 2), ("c", 1)].into());
	assert_eq!(to_points(&scores, 0), BTreeMap::new());
	assert_eq!(to_points(&BTreeMap::<&str, u64>::new(), 5), BTreeMap::new());
	let big: BTreeMap<u8, u64> = [(1, u64::MAX), (2, u64::MAX), (3, 1)].into();
	assert_eq!(
		to_points(&big, u64::MAX).values().map(|p| u128::from(*p)).sum::<u128>(),
		u128::from(u64::MAX)
	);
}

#[test]
fn counting_adds_incoming_weight() {
	let graph = Graph::from_edges([("a", "b", 3), ("c", "b", 4), ("b", "a", 1)]);
	assert_eq!(attestation_count_scores(&graph), [("a", 1), ("b", 7)].into());
}
