//! # MeritRank
//!
//! Sybil-tolerant merit from a weighted web of trust, after Nasrulin, Ishmaev and Pouwelse,
//! *MeritRank: Sybil Tolerant Reputation for Merit-based Tokenomics* (2022). See the crate's
//! README for the definition implemented here, its parameters and the measured Sybil bounds.
//!
//! - [`Graph`]: the endorsement graph (directed, weighted out-edges), nodes and edges kept in
//!   sorted order.
//! - [`merit_rank`]: personalised random walks from each seed node, with transitivity decay
//!   (stop probability α per step) and connectivity decay (γ, for nodes reached mostly through
//!   one bridge node); returns each node's score as a fixed-point share ([`SCALE`] = 1).
//! - [`to_points`]: scores scaled to a budget of whole points by largest remainder.
//! - [`attestation_count_scores`]: plain counting of endorsement weight, for comparison.
//!
//! Everything is integer arithmetic over a [`SplitMix64`] stream seeded from one `u64`, with
//! nodes, seeds and edges visited in sorted order, so the same graph, seeds, parameters and
//! seed give bit-identical results on every machine.
//!
//! ```
//! use ostrom_meritrank::{merit_rank, to_points, Graph, Params};
//!
//! let graph = Graph::from_edges([("a", "b", 10), ("b", "c", 10)]);
//! let merit = merit_rank(&graph, &["a"], &Params::default(), 42).unwrap();
//! // c is one hop further than b and only reachable through b: it has less.
//! assert!(merit.scores["b"] > merit.scores["c"]);
//! let points = to_points(&merit.scores, 100);
//! assert_eq!(points.values().sum::<u64>(), 100);
//! ```

#![forbid(unsafe_code)]

use std::collections::{BTreeMap, BTreeSet};

/// Fixed-point one of [`Merit::scores`]: a node's score is its share of all visits times this.
pub const SCALE: u64 = 1_000_000_000_000;

/// Parts per million: the unit of the probability-like parameters in [`Params`].
pub const PPM: u32 = 1_000_000;

/// SplitMix64 (Steele, Lea and Flood 2014): a small, fast, well-mixed 64-bit generator whose
/// whole state is one `u64`, so a published seed reproduces its stream exactly.
#[derive(Clone, Debug)]
pub struct SplitMix64 {
	state: u64,
}

impl SplitMix64 {
	/// A generator seeded with `seed`.
	pub fn new(seed: u64) -> Self {
		Self { state: seed }
	}

	/// The next 64 random bits.
	pub fn next_u64(&mut self) -> u64 {
		self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
		let mut z = self.state;
		z = (z ^ z.wrapping_shr(30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
		z = (z ^ z.wrapping_shr(27)).wrapping_mul(0x94D0_49BB_1331_11EB);
		z ^ z.wrapping_shr(31)
	}

	/// A number in `0..n` (`0` if `n` is `0`), by Lemire's multiply-shift (bias below
	/// `n / 2⁶⁴`).
	pub fn below(&mut self, n: u64) -> u64 {
		let wide = u128::from(self.next_u64()).saturating_mul(u128::from(n));
		u64::try_from(wide.wrapping_shr(64)).unwrap_or(0)
	}

	/// `true` with probability `ppm / 10⁶`.
	pub fn chance(&mut self, ppm: u32) -> bool {
		self.below(u64::from(PPM)) < u64::from(ppm)
	}
}

/// The parameters of [`merit_rank`]. Probabilities are in parts per million ([`PPM`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Params {
	/// Transitivity decay α: the probability that a walk stops before each step (default
	/// 150 000 = 0.15, a mean walk of (1 − α)/α ≈ 5.7 steps).
	pub alpha_ppm: u32,
	/// Walks started from each seed (default 10 000).
	pub walks: u32,
	/// Connectivity decay γ: a node whose walks mostly came through one bridge loses up to this
	/// share of its score (default 500 000 = 0.5; see [`merit_rank`]).
	pub gamma_ppm: u32,
	/// The share of a node's walks that must have passed one bridge node for connectivity decay
	/// to apply (default 750 000 = 0.75).
	pub bridge_threshold_ppm: u32,
	/// Longest walk, in steps (a bound for α close to zero; default 1 000).
	pub max_steps: u32,
}

impl Default for Params {
	fn default() -> Self {
		Self {
			alpha_ppm: 150_000,
			walks: 10_000,
			gamma_ppm: 500_000,
			bridge_threshold_ppm: 750_000,
			max_steps: 1_000,
		}
	}
}

/// Why [`merit_rank`] refused its input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
	/// α must be in `1..=1 000 000` ppm (a walk that never stops is not a walk).
	Alpha(u32),
	/// γ must be at most 1 000 000 ppm.
	Gamma(u32),
	/// The bridge threshold must be at most 1 000 000 ppm.
	Threshold(u32),
	/// At least one walk per seed, and at least one step per walk.
	NoWalks,
	/// No seed node.
	NoSeeds,
}

impl core::fmt::Display for Error {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			Error::Alpha(a) => write!(f, "alpha must be in (0, 1], got {a} ppm"),
			Error::Gamma(g) => write!(f, "gamma must be in [0, 1], got {g} ppm"),
			Error::Threshold(t) => write!(f, "the bridge threshold must be in [0, 1], got {t} ppm"),
			Error::NoWalks => write!(f, "walks and max_steps must be at least 1"),
			Error::NoSeeds => write!(f, "at least one seed node is needed"),
		}
	}
}

impl std::error::Error for Error {}

impl Params {
	/// Checks the ranges documented on each field.
	pub fn check(&self) -> Result<(), Error> {
		if self.alpha_ppm == 0 || self.alpha_ppm > PPM {
			return Err(Error::Alpha(self.alpha_ppm));
		}
		if self.gamma_ppm > PPM {
			return Err(Error::Gamma(self.gamma_ppm));
		}
		if self.bridge_threshold_ppm > PPM {
			return Err(Error::Threshold(self.bridge_threshold_ppm));
		}
		if self.walks == 0 || self.max_steps == 0 {
			return Err(Error::NoWalks);
		}
		Ok(())
	}
}

/// A directed graph with positive `u64` weights on its edges (endorser → endorsed). Nodes are
/// the edges' endpoints, in sorted order; each node's out-edges are sorted by target.
#[derive(Clone, Debug)]
pub struct Graph<N> {
	nodes: Vec<N>,
	index: BTreeMap<N, u32>,
	out: Vec<Vec<(u32, u64)>>,
	out_total: Vec<u64>,
}

impl<N: Ord + Clone> Graph<N> {
	/// The graph of `edges` `(from, to, weight)`. Self-endorsements and zero weights are
	/// dropped; repeated edges add their weights (saturating).
	pub fn from_edges(edges: impl IntoIterator<Item = (N, N, u64)>) -> Self {
		let mut sorted: BTreeMap<(N, N), u64> = BTreeMap::new();
		for (from, to, weight) in edges {
			if from == to || weight == 0 {
				continue;
			}
			let w = sorted.entry((from, to)).or_insert(0);
			*w = w.saturating_add(weight);
		}
		let mut names: BTreeSet<N> = BTreeSet::new();
		for (from, to) in sorted.keys() {
			names.insert(from.clone());
			names.insert(to.clone());
		}
		let nodes: Vec<N> = names.into_iter().collect();
		let index: BTreeMap<N, u32> = nodes
			.iter()
			.enumerate()
			.map(|(i, n)| (n.clone(), u32::try_from(i).unwrap_or(u32::MAX)))
			.collect();
		let mut out: Vec<Vec<(u32, u64)>> = vec![Vec::new(); nodes.len()];
		let mut out_total: Vec<u64> = vec![0; nodes.len()];
		for ((from, to), weight) in sorted {
			let (Some(&f), Some(&t)) = (index.get(&from), index.get(&to)) else { continue };
			let f = f as usize;
			if let Some(list) = out.get_mut(f) {
				list.push((t, weight));
			}
			if let Some(total) = out_total.get_mut(f) {
				*total = total.saturating_add(weight);
			}
		}
		Self { nodes, index, out, out_total }
	}

	/// The nodes, sorted.
	pub fn nodes(&self) -> &[N] {
		&self.nodes
	}

	/// Number of edges.
	pub fn edge_count(&self) -> usize {
		self.out.iter().map(Vec::len).sum()
	}

	/// Every edge `(from, to, weight)`, sorted by `from` then `to`.
	pub fn edges(&self) -> impl Iterator<Item = (&N, &N, u64)> + '_ {
		self.nodes.iter().zip(&self.out).flat_map(move |(from, list)| {
			list.iter()
				.filter_map(move |(t, w)| self.nodes.get(*t as usize).map(|to| (from, to, *w)))
		})
	}

	/// The index of `node`, if it is in the graph.
	fn index_of(&self, node: &N) -> Option<u32> {
		self.index.get(node).copied()
	}

	/// One step of a walk from `from`: an out-neighbour drawn with probability proportional to
	/// its edge's weight, or `None` for a node without out-edges.
	fn step(&self, from: u32, rng: &mut SplitMix64) -> Option<u32> {
		let total = *self.out_total.get(from as usize)?;
		if total == 0 {
			return None;
		}
		let mut r = rng.below(total);
		for (to, weight) in self.out.get(from as usize)? {
			if r < *weight {
				return Some(*to);
			}
			r = r.saturating_sub(*weight);
		}
		None
	}
}

/// What [`merit_rank`] computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merit<N> {
	/// Each node's score (a share of the seeds' walks, [`SCALE`] = all of them, after
	/// connectivity decay, averaged over the seeds). Nodes no walk reached are absent.
	pub scores: BTreeMap<N, u64>,
	/// The score each node lost to connectivity decay (same unit); only nodes that lost some.
	pub decayed: BTreeMap<N, u64>,
	/// Walks that stopped at a node without out-edges (before α stopped them).
	pub dead_ends: u64,
	/// Total steps walked.
	pub steps: u64,
}

/// MeritRank scores of `graph` seen from `seeds`, with `params`, random walks drawn from
/// [`SplitMix64`] seeded with `rng_seed`.
///
/// For each seed `s` (sorted, duplicates ignored) `params.walks` walks start at `s`. Before each
/// step a walk stops with probability α; otherwise it moves along an out-edge chosen with
/// probability proportional to the edge's weight, or stops at a node with none. Then, per seed:
///
/// - `visits(j)` counts every arrival at `j ≠ s` over all walks (revisits included) and
///   `base(j) = visits(j) / Σₖ visits(k)` (transitivity decay: each hop costs a factor 1 − α);
/// - `reached(j)` counts the walks that arrived at `j`, and `through(j, b)` those that had
///   passed non-seed node `b ≠ j` before first arriving at `j`; the bridge share of `j` is
///   `f(j) = maxᵦ through(j, b) / reached(j)`;
/// - connectivity decay: if `f(j) ≥ threshold`, `score_s(j) = base(j) · (1 − γ · f(j))`,
///   otherwise `score_s(j) = base(j)`.
///
/// A node's score is the mean of `score_s` over the seeds (a seed without out-edges contributes
/// zero). All of it is integer arithmetic (shares in units of 1/[`SCALE`], factors in ppm,
/// rounded down).
pub fn merit_rank<N: Ord + Clone>(
	graph: &Graph<N>,
	seeds: &[N],
	params: &Params,
	rng_seed: u64,
) -> Result<Merit<N>, Error> {
	params.check()?;
	let seed_set: BTreeSet<&N> = seeds.iter().collect();
	if seed_set.is_empty() {
		return Err(Error::NoSeeds);
	}
	let n = graph.nodes.len();
	let is_seed: Vec<bool> = graph.nodes.iter().map(|node| seed_set.contains(node)).collect();
	let seed_count = u128::try_from(seed_set.len()).unwrap_or(u128::MAX);
	let mut rng = SplitMix64::new(rng_seed);
	let mut sum: Vec<u128> = vec![0; n];
	let mut lost: Vec<u128> = vec![0; n];
	let mut dead_ends: u64 = 0;
	let mut steps: u64 = 0;
	let mut path: Vec<u32> = Vec::new();
	for seed in &seed_set {
		let Some(s) = graph.index_of(seed) else { continue };
		let mut visits: Vec<u64> = vec![0; n];
		let mut reached: Vec<u64> = vec![0; n];
		let mut through: BTreeMap<(u32, u32), u64> = BTreeMap::new();
		for _ in 0..params.walks {
			path.clear();
			let mut at = s;
			for _ in 0..params.max_steps {
				if rng.chance(params.alpha_ppm) {
					break;
				}
				match graph.step(at, &mut rng) {
					Some(next) => {
						path.push(next);
						at = next;
					},
					None => {
						dead_ends = dead_ends.saturating_add(1);
						break;
					},
				}
			}
			steps = steps.saturating_add(path.len() as u64);
			// Distinct nodes seen so far on this walk, and the non-seed ones among them.
			let mut seen: BTreeSet<u32> = BTreeSet::new();
			let mut bridges: Vec<u32> = Vec::new();
			for &j in &path {
				if j == s {
					continue;
				}
				if let Some(v) = visits.get_mut(j as usize) {
					*v = v.saturating_add(1);
				}
				if seen.insert(j) {
					if let Some(r) = reached.get_mut(j as usize) {
						*r = r.saturating_add(1);
					}
					for &b in &bridges {
						let t = through.entry((j, b)).or_insert(0);
						*t = t.saturating_add(1);
					}
					if !is_seed.get(j as usize).copied().unwrap_or(true) {
						bridges.push(j);
					}
				}
			}
		}
		let total: u128 = visits.iter().map(|v| u128::from(*v)).sum();
		if total == 0 {
			continue;
		}
		let mut bridge_max: Vec<u64> = vec![0; n];
		for ((j, _), count) in &through {
			if let Some(m) = bridge_max.get_mut(*j as usize) {
				*m = (*m).max(*count);
			}
		}
		for j in 0..n {
			let v = visits.get(j).copied().unwrap_or(0);
			if v == 0 {
				continue;
			}
			let base =
				u128::from(v).saturating_mul(u128::from(SCALE)).checked_div(total).unwrap_or(0);
			let r = reached.get(j).copied().unwrap_or(0);
			let through_max = bridge_max.get(j).copied().unwrap_or(0);
			let share_ppm = u128::from(through_max)
				.saturating_mul(u128::from(PPM))
				.checked_div(u128::from(r))
				.unwrap_or(0);
			let score = if share_ppm >= u128::from(params.bridge_threshold_ppm) && share_ppm > 0 {
				let cut_ppm = u128::from(params.gamma_ppm)
					.saturating_mul(share_ppm)
					.checked_div(u128::from(PPM))
					.unwrap_or(0);
				let keep_ppm = u128::from(PPM).saturating_sub(cut_ppm);
				base.saturating_mul(keep_ppm).checked_div(u128::from(PPM)).unwrap_or(0)
			} else {
				base
			};
			if let Some(acc) = sum.get_mut(j) {
				*acc = acc.saturating_add(score);
			}
			if let Some(acc) = lost.get_mut(j) {
				*acc = acc.saturating_add(base.saturating_sub(score));
			}
		}
	}
	let mean = |x: u128| u64::try_from(x.checked_div(seed_count).unwrap_or(0)).unwrap_or(u64::MAX);
	let mut scores = BTreeMap::new();
	let mut decayed = BTreeMap::new();
	for (j, node) in graph.nodes.iter().enumerate() {
		let score = mean(sum.get(j).copied().unwrap_or(0));
		if score > 0 {
			scores.insert(node.clone(), score);
		}
		let cut = mean(lost.get(j).copied().unwrap_or(0));
		if cut > 0 {
			decayed.insert(node.clone(), cut);
		}
	}
	Ok(Merit { scores, decayed, dead_ends, steps })
}

/// Plain attestation counting, for comparison: each node's total incoming endorsement weight.
pub fn attestation_count_scores<N: Ord + Clone>(graph: &Graph<N>) -> BTreeMap<N, u64> {
	let mut scores: BTreeMap<N, u64> = BTreeMap::new();
	for (_, to, weight) in graph.edges() {
		let s = scores.entry(to.clone()).or_insert(0);
		*s = s.saturating_add(weight);
	}
	scores
}

/// `scores` scaled to `budget` whole points by the largest-remainder method: each node gets
/// `⌊budget · score / Σ scores⌋`, and the points left over go one each to the nodes with the
/// largest remainders (ties to the smaller node). The points add up to `budget` exactly (or to
/// nothing if every score is zero). Nodes with zero points are left out.
pub fn to_points<N: Ord + Clone>(scores: &BTreeMap<N, u64>, budget: u64) -> BTreeMap<N, u64> {
	let total: u128 = scores.values().map(|s| u128::from(*s)).sum();
	let mut out: BTreeMap<N, u64> = BTreeMap::new();
	if total == 0 {
		return out;
	}
	let mut given: u128 = 0;
	let mut remainders: Vec<(u128, &N)> = Vec::with_capacity(scores.len());
	for (node, score) in scores {
		let numerator = u128::from(budget).saturating_mul(u128::from(*score));
		let whole = numerator.checked_div(total).unwrap_or(0);
		let rest = numerator.checked_rem(total).unwrap_or(0);
		given = given.saturating_add(whole);
		out.insert(node.clone(), u64::try_from(whole).unwrap_or(u64::MAX));
		remainders.push((rest, node));
	}
	// Largest remainder first; among equal remainders the smaller node (stable sort keeps the
	// sorted order of `scores`).
	remainders.sort_by_key(|r| core::cmp::Reverse(r.0));
	let left = u128::from(budget).saturating_sub(given);
	for (_, node) in remainders.into_iter().take(usize::try_from(left).unwrap_or(usize::MAX)) {
		if let Some(p) = out.get_mut(node) {
			*p = p.saturating_add(1);
		}
	}
	out.retain(|_, p| *p > 0);
	out
}

/// A fixed-point score as a fraction of one (for display).
pub fn share(score: u64) -> f64 {
	score as f64 / SCALE as f64
}

#[cfg(test)]
mod tests;
