//! Shared test vectors: the crate's measures and aggregation on a fixed set of inputs, written to
//! `metrics/vectors.json` (inputs and expected outputs). The governance portal's TypeScript port
//! (`portal/src/metrics.ts`) is checked against the same file by
//! `portal/tests/metrics-vectors.test.js`, so that the portal's numbers come from one set of
//! formulas.
//!
//! This test fails if the file differs from what the crate computes now (byte for byte: floats
//! are written as Rust's shortest round-trip representation, so equal text is equal bits). After
//! a deliberate change of a measure, rewrite it with
//! `OSTROM_WRITE_VECTORS=1 cargo test -p ostrom-metrics vectors` and update the port.
//!
//! Encoding: integers of `u64` or `u128` (weights, electorates) are JSON strings (they exceed
//! JavaScript's 2⁵³); a `U256` is a `0x` hex string of 64 digits; `f64`s are JSON numbers; an
//! undefined measure (`None`) is `null`; enums are their report names (`Scheme::name`, …).

use super::aggregate::{dataset as hand_built, RANGE as HAND_BUILT_RANGE};
use super::std::{env, fs, path::PathBuf};
use crate::{
	aggregate::{self, Grouping, PollSummary, Row},
	measures::{self, LorenzPoint, Stats},
	model::*,
};
use alloc::{
	format,
	string::{String, ToString},
	vec,
	vec::Vec,
};

// -------------------------------------------------------------------------------------------
// A minimal JSON writer (the crate has no dependencies, not even for tests).
// -------------------------------------------------------------------------------------------

enum Json {
	Null,
	/// A number, already formatted.
	Num(String),
	Str(String),
	Arr(Vec<Json>),
	Obj(Vec<(&'static str, Json)>),
}

impl Json {
	fn float(x: f64) -> Json {
		assert!(x.is_finite(), "measures are finite or None");
		// `{:?}` is the shortest representation that parses back to the same bits (`1.0`,
		// `0.1`, `1e-7`), valid JSON.
		Json::Num(format!("{x:?}"))
	}
	fn opt_float(x: Option<f64>) -> Json {
		x.map_or(Json::Null, Json::float)
	}
	fn int(x: impl ToString) -> Json {
		Json::Num(x.to_string())
	}
	fn opt_int<T: ToString>(x: Option<T>) -> Json {
		x.map_or(Json::Null, Json::int)
	}
	/// A `u64`/`u128` as a string.
	fn big(x: impl ToString) -> Json {
		Json::Str(x.to_string())
	}
	fn opt_big<T: ToString>(x: Option<T>) -> Json {
		x.map_or(Json::Null, Json::big)
	}
	fn str(s: &str) -> Json {
		Json::Str(String::from(s))
	}
	fn opt_str(s: Option<&str>) -> Json {
		s.map_or(Json::Null, Json::str)
	}
	fn u256(x: U256) -> Json {
		let [l0, l1, l2, l3] = x.to_limbs();
		Json::Str(format!("0x{l3:016x}{l2:016x}{l1:016x}{l0:016x}"))
	}

	/// Whether it is written on one line.
	fn flat(&self) -> bool {
		match self {
			Json::Arr(items) => items
				.iter()
				.all(|i| matches!(i, Json::Null | Json::Num(_) | Json::Str(_)) || i.flat_pair()),
			Json::Obj(_) => false,
			_ => true,
		}
	}
	/// A short array of scalars (a Lorenz point, a ballot).
	fn flat_pair(&self) -> bool {
		matches!(self, Json::Arr(items) if items.len() <= 3 && items.iter().all(|i| matches!(i, Json::Null | Json::Num(_) | Json::Str(_))))
	}

	fn write(&self, out: &mut String, indent: usize) {
		let pad = |out: &mut String, n: usize| out.extend(core::iter::repeat_n(' ', n));
		match self {
			Json::Null => out.push_str("null"),
			Json::Num(n) => out.push_str(n),
			Json::Str(s) => {
				out.push('"');
				for c in s.chars() {
					match c {
						'"' => out.push_str("\\\""),
						'\\' => out.push_str("\\\\"),
						c => out.push(c),
					}
				}
				out.push('"');
			},
			Json::Arr(items) if items.is_empty() => out.push_str("[]"),
			Json::Arr(items) if self.flat() => {
				out.push('[');
				for (i, item) in items.iter().enumerate() {
					if i > 0 {
						out.push_str(", ");
					}
					item.write(out, indent);
				}
				out.push(']');
			},
			Json::Arr(items) => {
				out.push_str("[\n");
				for (i, item) in items.iter().enumerate() {
					pad(out, indent + 2);
					item.write(out, indent + 2);
					out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
				}
				pad(out, indent);
				out.push(']');
			},
			Json::Obj(fields) => {
				out.push_str("{\n");
				for (i, (key, value)) in fields.iter().enumerate() {
					pad(out, indent + 2);
					out.push('"');
					out.push_str(key);
					out.push_str("\": ");
					value.write(out, indent + 2);
					out.push_str(if i + 1 < fields.len() { ",\n" } else { "\n" });
				}
				pad(out, indent);
				out.push('}');
			},
		}
	}
}

// -------------------------------------------------------------------------------------------
// Encoders.
// -------------------------------------------------------------------------------------------

fn weights_json(weights: &[Weight]) -> Json {
	Json::Arr(weights.iter().map(|w| Json::big(*w)).collect())
}

fn ballot_json(b: &Ballot) -> Json {
	Json::Arr(vec![Json::big(b.weight), Json::big(b.delegated), Json::int(b.delegators)])
}

fn ballots_json(ballots: &[Ballot]) -> Json {
	Json::Arr(ballots.iter().map(ballot_json).collect())
}

fn floats_json(values: &[f64]) -> Json {
	Json::Arr(values.iter().map(|v| Json::float(*v)).collect())
}

fn lorenz_json(points: &[LorenzPoint]) -> Json {
	Json::Arr(
		points.iter().map(|(x, y)| Json::Arr(vec![Json::float(*x), Json::float(*y)])).collect(),
	)
}

fn stats_json(stats: Option<Stats>) -> Json {
	match stats {
		None => Json::Null,
		Some(s) => Json::Obj(vec![
			("count", Json::int(s.count)),
			("mean", Json::float(s.mean)),
			("median", Json::float(s.median)),
			("p90", Json::float(s.p90)),
		]),
	}
}

fn aggregates_json(a: &Aggregates) -> Json {
	Json::Obj(vec![
		("voters", Json::int(a.voters)),
		("total_weight", Json::big(a.total_weight)),
		("sum_of_squares", Json::u256(a.sum_of_squares)),
		("ayes", Json::big(a.ayes)),
		("nays", Json::big(a.nays)),
		("abstains", Json::big(a.abstains)),
		("recused", Json::int(a.recused)),
	])
}

fn dataset_json(d: &Dataset) -> Json {
	let polls = d
		.polls
		.iter()
		.map(|p| {
			Json::Obj(vec![
				("index", Json::int(p.index)),
				("class", Json::int(p.class)),
				("decision", Json::opt_int(p.decision)),
				("scheme", Json::str(p.scheme.name())),
				("kind", Json::str(p.kind.name())),
				("created", Json::int(p.created)),
				("closed", Json::opt_int(p.closed)),
				("outcome", Json::str(p.outcome.name())),
				("ballots", ballots_json(&p.ballots)),
				("aggregates", aggregates_json(&p.aggregates)),
				(
					"electorate",
					Json::Obj(vec![
						("count", Json::opt_big(p.electorate.count)),
						("weight", Json::opt_big(p.electorate.weight)),
					]),
				),
			])
		})
		.collect();
	let decisions = d
		.decisions
		.iter()
		.map(|x| {
			Json::Obj(vec![
				("id", Json::int(x.id)),
				("class", Json::int(x.class)),
				("scheme", Json::str(x.scheme.name())),
				("proposed", Json::int(x.proposed)),
				(
					"houses",
					Json::Arr(
						x.houses
							.iter()
							.map(|h| {
								Json::Arr(vec![Json::str(h.house.name()), Json::int(h.closed)])
							})
							.collect(),
					),
				),
				("closed", Json::opt_int(x.closed)),
				("outcome", Json::opt_str(x.outcome.map(|o| o.name()))),
			])
		})
		.collect();
	let incidents = d
		.incidents
		.iter()
		.map(|i| {
			Json::Obj(vec![
				("kind", Json::str(i.kind.name())),
				("block", Json::int(i.block)),
				("class", Json::opt_int(i.class)),
				("scheme", Json::opt_str(i.scheme.map(|s| s.name()))),
			])
		})
		.collect();
	Json::Obj(vec![
		("polls", Json::Arr(polls)),
		("decisions", Json::Arr(decisions)),
		("incidents", Json::Arr(incidents)),
	])
}

fn summary_json(s: &PollSummary) -> Json {
	Json::Obj(vec![
		("index", Json::int(s.index)),
		("class", Json::int(s.class)),
		("scheme", Json::str(s.scheme.name())),
		("kind", Json::str(s.kind.name())),
		("outcome", Json::str(s.outcome.name())),
		("voters", Json::int(s.voters)),
		("weight_cast", Json::big(s.weight_cast)),
		("participation", Json::opt_float(s.participation)),
		("weight_participation", Json::opt_float(s.weight_participation)),
		("represented_participation", Json::opt_float(s.represented_participation)),
		("latency", Json::opt_int(s.latency)),
		("gini", Json::opt_float(s.gini)),
		("nakamoto", Json::opt_int(s.nakamoto)),
		("hhi", Json::opt_float(s.hhi)),
		("effective_voters", Json::opt_float(s.effective_voters)),
		("delegation_share", Json::opt_float(s.delegation_share)),
		("delegates_half", Json::opt_int(s.delegates_half)),
	])
}

fn row_json(r: &Row) -> Json {
	Json::Obj(vec![
		("group", Json::Str(r.group.name())),
		("polls", Json::int(r.polls)),
		("decisions", Json::int(r.decisions)),
		("participation", Json::opt_float(r.participation)),
		("weight_participation", Json::opt_float(r.weight_participation)),
		("represented_participation", Json::opt_float(r.represented_participation)),
		("decision_latency", stats_json(r.decision_latency)),
		("poll_latency", stats_json(r.poll_latency)),
		("council_latency", stats_json(r.council_latency)),
		("community_latency", stats_json(r.community_latency)),
		("gini", Json::opt_float(r.gini)),
		("nakamoto", Json::opt_float(r.nakamoto)),
		("hhi", Json::opt_float(r.hhi)),
		("effective_voters", Json::opt_float(r.effective_voters)),
		("delegation_share", Json::opt_float(r.delegation_share)),
		("delegates_half", Json::opt_float(r.delegates_half)),
		(
			"outcomes",
			Json::Obj(
				DecisionOutcome::ALL
					.iter()
					.map(|o| (o.name(), Json::int(r.outcomes.get(*o))))
					.collect(),
			),
		),
		(
			"incidents",
			Json::Obj(
				IncidentKind::ALL
					.iter()
					.map(|k| (k.name(), Json::int(r.incidents.get(*k))))
					.collect(),
			),
		),
	])
}

// -------------------------------------------------------------------------------------------
// Inputs: hand-picked edge cases, and pseudo-random ones (a fixed seed) across magnitudes.
// -------------------------------------------------------------------------------------------

/// xorshift64*: deterministic, good enough for test inputs.
struct Rng(u64);

impl Rng {
	fn next(&mut self) -> u64 {
		self.0 ^= self.0 >> 12;
		self.0 ^= self.0 << 25;
		self.0 ^= self.0 >> 27;
		self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
	}
	fn below(&mut self, n: u64) -> u64 {
		self.next() % n
	}
	fn chance(&mut self, percent: u64) -> bool {
		self.below(100) < percent
	}
	/// A weight of a random magnitude: seats and votes, reputation points, token balances in
	/// plancks, and weights beyond 2⁶⁴ (whose squares exceed 128 bits).
	fn weight(&mut self) -> Weight {
		match self.below(5) {
			0 => u128::from(self.below(10)),
			1 => u128::from(self.below(100_000)),
			2 => u128::from(self.next()) % 10u128.pow(24),
			3 => (u128::from(self.next()) << 64 | u128::from(self.next())) >> self.below(64),
			_ => u128::from(self.below(1_000)) * 10u128.pow(12),
		}
	}
	fn weights(&mut self, max: u64) -> Vec<Weight> {
		let n = self.below(max + 1);
		(0..n).map(|_| self.weight()).collect()
	}
	fn ballots(&mut self, max: u64) -> Vec<Ballot> {
		let n = self.below(max + 1);
		(0..n)
			.map(|_| {
				if self.chance(30) {
					let own = self.weight() / 2;
					let delegated = self.weight() / 2;
					Ballot::delegate(own, delegated, self.below(20) as u32 + 1)
				} else {
					Ballot::own(self.weight())
				}
			})
			.collect()
	}
	fn float(&mut self) -> f64 {
		match self.below(3) {
			0 => self.below(1000) as f64,
			1 => self.below(1 << 53) as f64 / (1u64 << 53) as f64,
			_ => (self.next() >> 11) as f64 * 1e-3,
		}
	}
	fn pick<T: Copy>(&mut self, items: &[T]) -> T {
		items[self.below(items.len() as u64) as usize]
	}
}

fn weight_cases(rng: &mut Rng) -> Vec<Vec<Weight>> {
	let mut cases: Vec<Vec<Weight>> = vec![
		vec![],
		vec![0],
		vec![0, 0, 0],
		vec![7],
		vec![1, 1, 1, 1],
		vec![0, 0, 0, 1],
		vec![1, 2, 3, 4],
		vec![51, 49],
		vec![50, 50],
		vec![3, 1],
		vec![10, 10, 20, 40],
		vec![u128::MAX, u128::MAX],
		vec![u128::MAX, 1, 2],
		vec![1u128 << 100, 1u128 << 64, 1],
		vec![1_000_000_000_000_000_000_000, 3, 999_999_999_999_999_999_999],
	];
	cases.extend((0..40).map(|_| rng.weights(30)));
	cases
}

fn ballot_cases(rng: &mut Rng) -> Vec<(Vec<Ballot>, Option<u64>)> {
	let mut cases = vec![
		(vec![], None),
		(vec![], Some(10)),
		(vec![Ballot::own(0)], Some(10)),
		(vec![Ballot::own(5), Ballot::own(5)], Some(0)),
		(
			vec![Ballot::delegate(10, 30, 3), Ballot::own(10), Ballot::own(10), Ballot::own(20)],
			Some(20),
		),
		(
			vec![Ballot::delegate(0, 6, 1), Ballot::delegate(0, 3, 1), Ballot::delegate(0, 1, 1)],
			Some(3),
		),
		(vec![Ballot::delegate(1, 5, 5), Ballot::delegate(1, 5, u32::MAX)], Some(u64::MAX)),
		(vec![Ballot::delegate(u128::MAX, u128::MAX, 1), Ballot::own(1)], Some(2)),
	];
	cases.extend((0..30).map(|_| {
		let ballots = rng.ballots(20);
		let electorate =
			if rng.chance(15) { None } else { Some(rng.below(50) + ballots.len() as u64 / 2) };
		(ballots, electorate)
	}));
	cases
}

fn float_cases(rng: &mut Rng) -> Vec<Vec<f64>> {
	let mut cases = vec![
		vec![],
		vec![5.0],
		vec![1.0, 2.0, 3.0, 4.0],
		vec![4.0, 3.0, 2.0, 1.0, 0.0],
		vec![0.1, 0.2, 0.3],
		vec![0.3, 0.2, 0.1],
		vec![1e300, 1e300],
		vec![0.0, -0.0, 0.0],
		vec![1.0; 10],
	];
	cases.extend((0..30).map(|_| {
		let n = rng.below(25);
		(0..n).map(|_| rng.float()).collect()
	}));
	cases
}

/// A pseudo-random data set over blocks 0..6000 (reported over 1000..=5000).
fn random_dataset(rng: &mut Rng) -> Dataset {
	use DecisionOutcome as D;
	const OUTCOMES: [PollOutcome; 6] = [
		PollOutcome::Ongoing,
		PollOutcome::Approved,
		PollOutcome::Rejected,
		PollOutcome::TimedOut,
		PollOutcome::Cancelled,
		PollOutcome::Killed,
	];
	let polls = (0..60)
		.map(|index| {
			let scheme = rng.pick(&Scheme::ALL);
			let ballots = if rng.chance(10) { vec![] } else { rng.ballots(12) };
			let aggregates = if rng.chance(50) {
				Aggregates::default()
			} else {
				let mut a = Aggregates::of_ballots(&ballots);
				if rng.chance(20) {
					// Chain aggregates that do not match the ballots (collected ones missing).
					a.voters = a.voters.saturating_add(1);
					a.total_weight = a.total_weight.saturating_add(rng.weight());
					a.sum_of_squares = a.sum_of_squares.saturating_add(U256::square(rng.weight()));
				}
				a.ayes = a.total_weight / 2;
				a.nays = a.total_weight - a.ayes;
				a
			};
			let created = rng.below(6000) as BlockNumber;
			let closed = if rng.chance(30) { None } else { Some(created + rng.below(800) as u32) };
			let outcome = if closed.is_none() {
				PollOutcome::Ongoing
			} else {
				OUTCOMES[1 + rng.below(5) as usize]
			};
			PollRecord {
				index,
				class: rng.below(10) as ClassId,
				decision: if rng.chance(20) { None } else { Some(rng.below(30) as u32) },
				scheme,
				kind: PollKind::from_kind(rng.below(5) as u8),
				created,
				closed,
				outcome,
				ballots,
				aggregates,
				electorate: Electorate {
					count: if rng.chance(20) { None } else { Some(rng.below(200)) },
					weight: if rng.chance(20) { None } else { Some(rng.weight()) },
				},
			}
		})
		.collect();
	let decisions = (0..30)
		.map(|id| {
			let proposed = rng.below(6000) as BlockNumber;
			let mut houses = Vec::new();
			if rng.chance(60) {
				houses.push(HouseClose {
					house: House::Council,
					closed: proposed + rng.below(500) as u32,
				});
			}
			if rng.chance(60) {
				houses.push(HouseClose {
					house: House::Community,
					closed: proposed + rng.below(900) as u32,
				});
			}
			let closed =
				if rng.chance(25) { None } else { Some(proposed + rng.below(1000) as u32) };
			DecisionRecord {
				id,
				class: rng.below(10) as ClassId,
				scheme: rng.pick(&Scheme::ALL),
				proposed,
				houses,
				closed,
				outcome: closed.map(|_| rng.pick(&D::ALL)),
			}
		})
		.collect();
	let incidents = (0..25)
		.map(|_| IncidentRecord {
			kind: rng.pick(&IncidentKind::ALL),
			block: rng.below(6000) as BlockNumber,
			class: if rng.chance(20) { None } else { Some(rng.below(10) as ClassId) },
			scheme: if rng.chance(20) { None } else { Some(rng.pick(&Scheme::ALL)) },
		})
		.collect();
	Dataset { polls, decisions, incidents }
}

// -------------------------------------------------------------------------------------------
// The file.
// -------------------------------------------------------------------------------------------

fn dataset_case(dataset: &Dataset, range: BlockRange) -> Json {
	let lorenz = Scheme::ALL
		.iter()
		.map(|s| (s.name(), lorenz_json(&aggregate::scheme_lorenz(dataset, range, *s, 7))))
		.collect();
	Json::Obj(vec![
		("dataset", dataset_json(dataset)),
		("range", Json::Arr(vec![Json::int(range.from), Json::int(range.to)])),
		(
			"poll_summaries",
			Json::Arr(aggregate::poll_summaries(dataset, range).iter().map(summary_json).collect()),
		),
		(
			"rows_by_scheme",
			Json::Arr(
				aggregate::rows(dataset, range, Grouping::Scheme).iter().map(row_json).collect(),
			),
		),
		(
			"rows_by_class",
			Json::Arr(
				aggregate::rows(dataset, range, Grouping::Class).iter().map(row_json).collect(),
			),
		),
		("scheme_lorenz_7", Json::Obj(lorenz)),
	])
}

/// The vectors, as the text of `vectors.json`.
fn vectors() -> String {
	let mut rng = Rng(0x0057_7207_0000_0017);

	let weights = weight_cases(&mut rng)
		.iter()
		.map(|w| {
			Json::Obj(vec![
				("weights", weights_json(w)),
				("gini", Json::opt_float(measures::gini(w))),
				("nakamoto", Json::opt_int(measures::nakamoto(w))),
				("hhi", Json::opt_float(measures::hhi(w))),
				("effective_voters", Json::opt_float(measures::effective_voters(w))),
				("lorenz_5", lorenz_json(&measures::lorenz_curve(w, 5))),
				("lorenz_200", lorenz_json(&measures::lorenz_curve(w, 200))),
			])
		})
		.collect();

	let ballots = ballot_cases(&mut rng)
		.iter()
		.map(|(b, electorate)| {
			Json::Obj(vec![
				("ballots", ballots_json(b)),
				("electorate", Json::opt_big(*electorate)),
				("delegation_share", Json::opt_float(measures::delegation_share(b))),
				("delegates_half", Json::opt_int(measures::delegates_holding_half(b))),
				(
					"represented_participation",
					Json::opt_float(measures::represented_participation(b, *electorate)),
				),
			])
		})
		.collect();

	let mut aggregate_inputs: Vec<(Weight, U256)> = vec![
		(0, U256::ZERO),
		(5, U256::ZERO),
		(0, U256::from_u128(25)),
		(4, U256::from_u128(10)),
		(u128::MAX, U256::MAX),
		(u128::MAX, U256::square(u128::MAX)),
		(1u128 << 90, U256::square(1u128 << 89).saturating_add(U256::square(1u128 << 89))),
	];
	for _ in 0..25 {
		let w = rng.weights(10);
		let a = Aggregates::of_ballots(&w.iter().map(|x| Ballot::own(*x)).collect::<Vec<_>>());
		aggregate_inputs.push((a.total_weight, a.sum_of_squares));
	}
	let aggregates = aggregate_inputs
		.iter()
		.map(|(total, squares)| {
			Json::Obj(vec![
				("total_weight", Json::big(*total)),
				("sum_of_squares", Json::u256(*squares)),
				("hhi", Json::opt_float(measures::hhi_from_aggregates(*total, *squares))),
				(
					"effective_voters",
					Json::opt_float(measures::effective_voters_from_aggregates(*total, *squares)),
				),
			])
		})
		.collect();

	let mut head_counts: Vec<(u32, Option<u64>)> = vec![
		(30, Some(120)),
		(0, Some(0)),
		(3, None),
		(0, Some(7)),
		(u32::MAX, Some(u64::MAX)),
		(7, Some(3)),
	];
	head_counts.extend((0..20).map(|_| {
		(
			rng.below(1000) as u32,
			if rng.chance(20) { None } else { Some(rng.next() >> rng.below(64)) },
		)
	}));
	let participation = head_counts
		.iter()
		.map(|(voters, electorate)| {
			Json::Obj(vec![
				("voters", Json::int(*voters)),
				("electorate", Json::opt_big(*electorate)),
				("participation", Json::opt_float(measures::participation(*voters, *electorate))),
			])
		})
		.collect();

	let mut weight_counts: Vec<(Weight, Option<Weight>)> =
		vec![(80, Some(800)), (1, Some(0)), (1, None), (u128::MAX, Some(3)), (3, Some(u128::MAX))];
	weight_counts.extend(
		(0..20).map(|_| (rng.weight(), if rng.chance(20) { None } else { Some(rng.weight()) })),
	);
	let weight_participation = weight_counts
		.iter()
		.map(|(cast, eligible)| {
			Json::Obj(vec![
				("weight_cast", Json::big(*cast)),
				("eligible", Json::opt_big(*eligible)),
				(
					"weight_participation",
					Json::opt_float(measures::weight_participation(*cast, *eligible)),
				),
			])
		})
		.collect();

	let stats = float_cases(&mut rng)
		.iter()
		.map(|v| {
			Json::Obj(vec![
				("values", floats_json(v)),
				("stats", stats_json(Stats::of(v))),
				("mean", Json::opt_float(measures::mean(v))),
				("lorenz_4", lorenz_json(&measures::lorenz_curve_of(v, 4))),
			])
		})
		.collect();

	let mut block_cases: Vec<Vec<BlockNumber>> =
		vec![vec![], vec![100], vec![1, 2, 3, 4], vec![u32::MAX, u32::MAX, 0]];
	block_cases.extend((0..15).map(|_| {
		let n = rng.below(20);
		(0..n).map(|_| rng.below(100_000) as u32).collect()
	}));
	let block_stats = block_cases
		.iter()
		.map(|b| {
			Json::Obj(vec![
				("blocks", Json::Arr(b.iter().map(|x| Json::int(*x)).collect())),
				("stats", stats_json(Stats::of_blocks(b))),
			])
		})
		.collect();

	let latency_cases: Vec<(BlockNumber, Option<BlockNumber>)> =
		vec![(10, Some(110)), (10, None), (110, Some(10)), (0, Some(u32::MAX)), (5, Some(5))];
	let latency = latency_cases
		.iter()
		.map(|(start, end)| {
			Json::Obj(vec![
				("start", Json::int(*start)),
				("end", Json::opt_int(*end)),
				("latency", Json::opt_int(measures::latency(*start, *end))),
			])
		})
		.collect();

	let day_cases: Vec<(f64, u64)> =
		vec![(14_400.0, 6000), (1.0, 6000), (123.5, 2000), (0.0, 6000), (1e9, 12_000)];
	let days = day_cases
		.iter()
		.map(|(blocks, ms)| {
			Json::Obj(vec![
				("blocks", Json::float(*blocks)),
				("ms_per_block", Json::big(*ms)),
				("days", Json::float(measures::blocks_to_days(*blocks, *ms))),
			])
		})
		.collect();

	let random = random_dataset(&mut rng);
	let datasets = vec![
		dataset_case(&hand_built(), HAND_BUILT_RANGE),
		dataset_case(&random, BlockRange::new(1000, 5000)),
		dataset_case(&random, BlockRange::ALL),
		dataset_case(&Dataset::default(), BlockRange::ALL),
	];

	let json = Json::Obj(vec![
		(
			"about",
			Json::str(
				"Shared test vectors of ostrom-metrics (metrics/src/tests/vectors.rs writes them; \
				 portal/tests/metrics-vectors.test.js checks portal/src/metrics.ts against them). \
				 u64/u128 as strings, U256 as 0x hex, f64 as numbers, undefined as null.",
			),
		),
		("weights", Json::Arr(weights)),
		("ballots", Json::Arr(ballots)),
		("aggregates", Json::Arr(aggregates)),
		("participation", Json::Arr(participation)),
		("weight_participation", Json::Arr(weight_participation)),
		("stats", Json::Arr(stats)),
		("block_stats", Json::Arr(block_stats)),
		("latency", Json::Arr(latency)),
		("days", Json::Arr(days)),
		("datasets", Json::Arr(datasets)),
	]);
	let mut out = String::new();
	json.write(&mut out, 0);
	out.push('\n');
	out
}

#[test]
fn vectors_json_is_what_the_crate_computes() {
	let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("vectors.json");
	let expected = vectors();
	if env::var_os("OSTROM_WRITE_VECTORS").is_some_and(|v| v != "0") {
		fs::write(&path, &expected).unwrap();
		return;
	}
	let committed = fs::read_to_string(&path).unwrap_or_default();
	assert!(
		committed == expected,
		"{} differs from what the crate computes: if a measure changed on purpose, rewrite it with \
		 OSTROM_WRITE_VECTORS=1 cargo test -p ostrom-metrics vectors, and port the change to \
		 portal/src/metrics.ts",
		path.display()
	);
}
