//! The Sybil-tolerance test of issue 18: an honest random graph plus a Sybil region of `k` fake
//! accounts endorsing each other densely, attached by `m` attack edges from honest accounts.
//! MeritRank bounds the Sybils' total merit by the attack edges, whatever `k`; plain
//! attestation counting grows with `k`.
//!
//! `cargo test -p ostrom-meritrank --test sybil -- --nocapture` prints the table the README
//! quotes.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use std::collections::BTreeSet;

use ostrom_meritrank::{
	attestation_count_scores, merit_rank, to_points, Graph, Params, SplitMix64,
};

/// Honest accounts.
const HONEST: u32 = 200;
/// Endorsements per honest account (to distinct random honest accounts, weights 1..=100).
const HONEST_DEGREE: u32 = 8;
/// Seeds: honest accounts 0..SEEDS.
const SEEDS: u32 = 5;
/// Sybil ids start here.
const SYBIL: u32 = 1_000_000;
/// Endorsements per Sybil (the on-chain bound, `MaxEndorsements`), weight 100 each.
const SYBIL_DEGREE: u32 = 32;
/// Points shared out (for the integer view of the same numbers).
const BUDGET: u64 = 1_000_000;

/// The honest graph, the same for every experiment.
fn honest_edges() -> Vec<(u32, u32, u64)> {
	let mut rng = SplitMix64::new(2026);
	let mut edges = Vec::new();
	for from in 0..HONEST {
		let mut targets = BTreeSet::new();
		while targets.len() < HONEST_DEGREE as usize {
			let to = rng.below(u64::from(HONEST)) as u32;
			if to != from {
				targets.insert(to);
			}
		}
		for to in targets {
			edges.push((from, to, 1 + rng.below(100)));
		}
	}
	edges
}

/// `m` distinct non-seed honest attackers (the same first ones for every `k`, so that only
/// `k` changes between runs with the same `m`).
fn attackers(m: u32) -> Vec<u32> {
	let mut rng = SplitMix64::new(99);
	let mut out: Vec<u32> = Vec::new();
	while out.len() < m as usize {
		let h = SEEDS + rng.below(u64::from(HONEST - SEEDS)) as u32;
		if !out.contains(&h) {
			out.push(h);
		}
	}
	out
}

struct Outcome {
	/// The Sybils' share of MeritRank's merit.
	merit: f64,
	/// The Sybils' share of plain counting (incoming endorsement weight).
	counting: f64,
	/// The Sybils' share of the points of a budget of one million.
	points: u64,
	/// Mean merit of an honest non-seed account and of a Sybil (shares).
	honest_mean: f64,
	sybil_mean: f64,
}

fn experiment(k: u32, m: u32, params: &Params) -> Outcome {
	let mut edges = honest_edges();
	for (i, h) in attackers(m).into_iter().enumerate() {
		edges.push((h, SYBIL + (i as u32 % k), 100));
	}
	for s in 0..k {
		for d in 1..=SYBIL_DEGREE.min(k - 1) {
			edges.push((SYBIL + s, SYBIL + (s + d) % k, 100));
		}
	}
	let graph = Graph::from_edges(edges);
	let seeds: Vec<u32> = (0..SEEDS).collect();
	let merit = merit_rank(&graph, &seeds, params, 7).unwrap();
	let total: u64 = merit.scores.values().sum();
	let sybil: u64 = merit.scores.iter().filter(|(n, _)| **n >= SYBIL).map(|(_, s)| s).sum();
	let honest: u64 =
		merit.scores.iter().filter(|(n, _)| **n >= SEEDS && **n < SYBIL).map(|(_, s)| s).sum();
	let counts = attestation_count_scores(&graph);
	let counted: u64 = counts.values().sum();
	let sybil_counted: u64 = counts.iter().filter(|(n, _)| **n >= SYBIL).map(|(_, s)| s).sum();
	let points = to_points(&merit.scores, BUDGET);
	Outcome {
		merit: sybil as f64 / total as f64,
		counting: sybil_counted as f64 / counted as f64,
		points: points.iter().filter(|(n, _)| **n >= SYBIL).map(|(_, p)| p).sum(),
		honest_mean: honest as f64 / total as f64 / f64::from(HONEST - SEEDS),
		sybil_mean: sybil as f64 / total as f64 / f64::from(k),
	}
}

#[test]
fn sybils_are_bounded_by_attack_edges_not_by_their_number() {
	let params = Params::default();
	println!("|   k |  m | MeritRank Sybil share | points of 10⁶ | counting Sybil share | mean honest | mean Sybil |");
	println!("|----:|---:|----------------------:|--------------:|---------------------:|------------:|-----------:|");
	let mut by_m = Vec::new();
	for m in [1u32, 2, 4, 8] {
		let mut row = Vec::new();
		for k in [10u32, 100, 1000] {
			let o = experiment(k, m, &params);
			println!(
				"| {k:>4} | {m:>2} | {:>20.4}% | {:>13} | {:>19.2}% | {:>11.5} | {:>10.6} |",
				o.merit * 100.0,
				o.points,
				o.counting * 100.0,
				o.honest_mean,
				o.sybil_mean
			);
			// A Sybil is worth less than an honest account (far less once there are more
			// Sybils than attack edges).
			assert!(o.sybil_mean < o.honest_mean, "k {k} m {m}");
			if k >= 10 * m {
				assert!(o.sybil_mean < o.honest_mean / 5.0, "k {k} m {m}");
			}
			row.push(o);
		}
		// Bounded by the attack edges: about 1% of the merit per attack edge, whatever k.
		for o in &row {
			assert!(o.merit < 0.012 * f64::from(m), "m {m}: {}", o.merit);
		}
		// Not by the number of Sybils: 10 → 100 → 1000 fake accounts change their share by
		// less than half …
		let (small, large) = (row[0].merit, row.iter().map(|o| o.merit).fold(0.0, f64::max));
		assert!(large < 1.5 * small, "m {m}: {small} → {large}");
		// … while plain counting grows with them: 100 times the accounts, ≥ 30 times the share
		// of the count (the share is bounded by 1, so it saturates).
		assert!(row[2].counting > 0.9, "m {m}: {}", row[2].counting);
		assert!(row[1].counting > 5.0 * row[0].counting, "m {m}");
		by_m.push(row);
	}
	// More attack edges, more Sybil merit (roughly in proportion).
	for k in 0..3 {
		let shares: Vec<f64> = by_m.iter().map(|row| row[k].merit).collect();
		assert!(shares.windows(2).all(|w| w[1] > w[0]), "{shares:?}");
		assert!(shares[3] > 3.0 * shares[0] && shares[3] < 16.0 * shares[0], "{shares:?}");
	}
}

/// Without connectivity decay the bound still holds (transitivity decay alone caps what a walk
/// can spend in the Sybil region at 1/α steps); connectivity decay lowers it further.
#[test]
fn connectivity_decay_lowers_the_sybil_share() {
	let no_gamma = Params { gamma_ppm: 0, ..Params::default() };
	let with = experiment(1000, 2, &Params::default());
	let without = experiment(1000, 2, &no_gamma);
	println!(
		"k 1000, m 2: Sybil share {:.4}% with γ = 0.5, {:.4}% without",
		with.merit * 100.0,
		without.merit * 100.0
	);
	assert!(with.merit < without.merit);
	assert!(without.merit < 0.03);
}
