//! Aggregation: the measures of each poll, and of each scheme or class over a block range (a
//! row of the paper's Table 1).
//!
//! What a range holds: the polls **created** in it, the decisions **proposed** in it and the
//! incidents that **happened** in it (a record never moves between ranges as time passes;
//! latencies count only what has closed).
//!
//! How a row combines polls: each poll counts once. Participation, concentration and delegation
//! are the (unweighted) means of the per-poll values over the polls where the value is defined;
//! latencies are summarised by [`Stats`] (mean, median, 90th percentile) over the closed polls
//! and decisions; outcomes and incidents are counted.

use alloc::{collections::BTreeMap, format, string::String, vec::Vec};

use crate::{
	measures::{self, LorenzPoint, Stats},
	model::{
		Aggregates, BlockNumber, BlockRange, ClassId, Dataset, DecisionOutcome, DecisionRecord,
		House, IncidentKind, IncidentRecord, PollIndex, PollKind, PollOutcome, PollRecord, Scheme,
		Weight,
	},
};

/// The aggregates a poll's measures use: the chain's, or, if the report tool filled none
/// (`voters == 0`), those its ballots add up to.
pub fn effective_aggregates(poll: &PollRecord) -> Aggregates {
	if poll.aggregates.voters > 0 {
		poll.aggregates
	} else {
		Aggregates::of_ballots(&poll.ballots)
	}
}

/// The measures of one poll.
#[derive(Clone, PartialEq, Debug)]
pub struct PollSummary {
	/// The poll's index.
	pub index: PollIndex,
	/// Its class.
	pub class: ClassId,
	/// Its scheme.
	pub scheme: Scheme,
	/// Its kind.
	pub kind: PollKind,
	/// How it ended.
	pub outcome: PollOutcome,
	/// Ballots counted ([`effective_aggregates`]).
	pub voters: u32,
	/// Weight cast ([`effective_aggregates`]).
	pub weight_cast: Weight,
	/// [`measures::participation`] of the voters.
	pub participation: Option<f64>,
	/// [`measures::weight_participation`] of the weight cast.
	pub weight_participation: Option<f64>,
	/// [`measures::represented_participation`] of the ballots.
	pub represented_participation: Option<f64>,
	/// [`measures::poll_latency`], in blocks.
	pub latency: Option<BlockNumber>,
	/// [`measures::gini`] of the ballots' weights.
	pub gini: Option<f64>,
	/// [`measures::nakamoto`] of the ballots' weights.
	pub nakamoto: Option<u32>,
	/// [`measures::hhi_from_aggregates`] of the [`effective_aggregates`].
	pub hhi: Option<f64>,
	/// [`measures::effective_voters_from_aggregates`] of the [`effective_aggregates`].
	pub effective_voters: Option<f64>,
	/// [`measures::delegation_share`] of the ballots.
	pub delegation_share: Option<f64>,
	/// [`measures::delegates_holding_half`] of the ballots.
	pub delegates_half: Option<u32>,
}

/// The measures of `poll`. Those of the weight distribution (Gini, Nakamoto, delegation) come
/// from its ballots and are `None` if it has none; the counts, weight cast, HHI and effective
/// voters come from its [`effective_aggregates`].
pub fn summarize_poll(poll: &PollRecord) -> PollSummary {
	let aggregates = effective_aggregates(poll);
	let weights: Vec<Weight> = poll.ballots.iter().map(|b| b.weight).collect();
	PollSummary {
		index: poll.index,
		class: poll.class,
		scheme: poll.scheme,
		kind: poll.kind,
		outcome: poll.outcome,
		voters: aggregates.voters,
		weight_cast: aggregates.total_weight,
		participation: measures::participation(aggregates.voters, poll.electorate.count),
		weight_participation: measures::weight_participation(
			aggregates.total_weight,
			poll.electorate.weight,
		),
		// Unknown if the chain counted ballots the report tool did not collect.
		represented_participation: if poll.ballots.is_empty() && aggregates.voters > 0 {
			None
		} else {
			measures::represented_participation(&poll.ballots, poll.electorate.count)
		},
		latency: measures::poll_latency(poll),
		gini: measures::gini(&weights),
		nakamoto: measures::nakamoto(&weights),
		hhi: measures::hhi_from_aggregates(aggregates.total_weight, aggregates.sum_of_squares),
		effective_voters: measures::effective_voters_from_aggregates(
			aggregates.total_weight,
			aggregates.sum_of_squares,
		),
		delegation_share: measures::delegation_share(&poll.ballots),
		delegates_half: measures::delegates_holding_half(&poll.ballots),
	}
}

/// The measures of every poll created in `range`, by poll index.
pub fn poll_summaries(dataset: &Dataset, range: BlockRange) -> Vec<PollSummary> {
	let mut polls: Vec<&PollRecord> =
		dataset.polls.iter().filter(|p| range.contains(p.created)).collect();
	polls.sort_by_key(|p| p.index);
	polls.into_iter().map(summarize_poll).collect()
}

/// What a row of the report covers.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum Group {
	/// The polls, decisions and incidents of one scheme.
	Scheme(Scheme),
	/// The polls, decisions and incidents of one class.
	Class(ClassId),
	/// Everything (including incidents of no scheme or class).
	All,
}

impl Group {
	/// The group's name as the report prints it: the scheme's name, `class <id>`, or `all`.
	pub fn name(&self) -> String {
		match self {
			Group::Scheme(scheme) => String::from(scheme.name()),
			Group::Class(class) => format!("class {class}"),
			Group::All => String::from("all"),
		}
	}

	/// Whether the group holds `poll`.
	pub fn holds_poll(&self, poll: &PollRecord) -> bool {
		match self {
			Group::Scheme(scheme) => poll.scheme == *scheme,
			Group::Class(class) => poll.class == *class,
			Group::All => true,
		}
	}

	/// Whether the group holds `decision`.
	pub fn holds_decision(&self, decision: &DecisionRecord) -> bool {
		match self {
			Group::Scheme(scheme) => decision.scheme == *scheme,
			Group::Class(class) => decision.class == *class,
			Group::All => true,
		}
	}

	/// Whether the group holds `incident`.
	pub fn holds_incident(&self, incident: &IncidentRecord) -> bool {
		match self {
			Group::Scheme(scheme) => incident.scheme == Some(*scheme),
			Group::Class(class) => incident.class == Some(*class),
			Group::All => true,
		}
	}
}

/// Counts per key (outcomes, incident kinds); a key never counted reads 0.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Counts<K: Ord>(BTreeMap<K, u32>);

impl<K: Ord> Default for Counts<K> {
	fn default() -> Self {
		Counts(BTreeMap::new())
	}
}

impl<K: Ord + Copy> Counts<K> {
	/// Count one more `key`.
	pub fn add(&mut self, key: K) {
		let count = self.0.entry(key).or_insert(0);
		*count = count.saturating_add(1);
	}

	/// How many `key`s were counted.
	pub fn get(&self, key: K) -> u32 {
		self.0.get(&key).copied().unwrap_or(0)
	}

	/// How many were counted in all.
	pub fn total(&self) -> u32 {
		self.0.values().fold(0u32, |acc, c| acc.saturating_add(*c))
	}
}

impl<K: Ord + Copy> FromIterator<K> for Counts<K> {
	fn from_iter<I: IntoIterator<Item = K>>(iter: I) -> Self {
		let mut counts = Counts::default();
		for key in iter {
			counts.add(key);
		}
		counts
	}
}

/// Outcome counts of decisions.
pub fn outcome_counts<'a>(
	decisions: impl IntoIterator<Item = &'a DecisionRecord>,
) -> Counts<DecisionOutcome> {
	decisions.into_iter().filter_map(|d| d.outcome).collect()
}

/// Incident counts per kind.
pub fn incident_counts<'a>(
	incidents: impl IntoIterator<Item = &'a IncidentRecord>,
) -> Counts<IncidentKind> {
	incidents.into_iter().map(|i| i.kind).collect()
}

/// One row of the report: the paper's Table 1 for one scheme (or class, or everything).
#[derive(Clone, PartialEq, Debug)]
pub struct Row {
	/// What the row covers.
	pub group: Group,
	/// Polls created in the range.
	pub polls: u32,
	/// Decisions proposed in the range.
	pub decisions: u32,
	/// Mean per-poll participation by head count.
	pub participation: Option<f64>,
	/// Mean per-poll participation by weight.
	pub weight_participation: Option<f64>,
	/// Mean per-poll represented participation (voters and the delegators they carry).
	pub represented_participation: Option<f64>,
	/// Latency of the closed decisions, proposal to close, in blocks (the paper's "decision
	/// latency": posting to finalisation).
	pub decision_latency: Option<Stats>,
	/// Latency of the closed polls, submission to close, in blocks.
	pub poll_latency: Option<Stats>,
	/// Of decisions where both houses finished: proposal to the council's close, in blocks.
	pub council_latency: Option<Stats>,
	/// Of decisions where both houses finished: proposal to the community's close, in blocks.
	pub community_latency: Option<Stats>,
	/// Mean per-poll Gini coefficient of voting power.
	pub gini: Option<f64>,
	/// Mean per-poll Nakamoto coefficient.
	pub nakamoto: Option<f64>,
	/// Mean per-poll Herfindahl–Hirschman index.
	pub hhi: Option<f64>,
	/// Mean per-poll effective number of voters.
	pub effective_voters: Option<f64>,
	/// Mean per-poll share of the weight cast through delegates (polls with weight cast).
	pub delegation_share: Option<f64>,
	/// Mean per-poll number of delegates holding half of the delegated weight (polls with
	/// delegated weight).
	pub delegates_half: Option<f64>,
	/// Outcomes of the decisions.
	pub outcomes: Counts<DecisionOutcome>,
	/// Incidents, per kind.
	pub incidents: Counts<IncidentKind>,
}

/// The mean of the defined values.
fn mean_of(values: impl Iterator<Item = Option<f64>>) -> Option<f64> {
	let values: Vec<f64> = values.flatten().collect();
	measures::mean(&values)
}

/// The row of `group` over `range`.
pub fn row(dataset: &Dataset, range: BlockRange, group: Group) -> Row {
	let polls: Vec<PollSummary> = dataset
		.polls
		.iter()
		.filter(|p| range.contains(p.created) && group.holds_poll(p))
		.map(summarize_poll)
		.collect();
	let decisions: Vec<&DecisionRecord> = dataset
		.decisions
		.iter()
		.filter(|d| range.contains(d.proposed) && group.holds_decision(d))
		.collect();
	let incidents =
		dataset.incidents.iter().filter(|i| range.contains(i.block) && group.holds_incident(i));

	let decision_latencies: Vec<BlockNumber> =
		decisions.iter().filter_map(|d| measures::decision_latency(d)).collect();
	let poll_latencies: Vec<BlockNumber> = polls.iter().filter_map(|p| p.latency).collect();
	// Joint decisions where both houses finished: the latency of each house.
	let (council, community): (Vec<BlockNumber>, Vec<BlockNumber>) = decisions
		.iter()
		.filter_map(|d| {
			Some((
				measures::house_latency(d, House::Council)?,
				measures::house_latency(d, House::Community)?,
			))
		})
		.unzip();

	Row {
		group,
		polls: u32::try_from(polls.len()).unwrap_or(u32::MAX),
		decisions: u32::try_from(decisions.len()).unwrap_or(u32::MAX),
		participation: mean_of(polls.iter().map(|p| p.participation)),
		weight_participation: mean_of(polls.iter().map(|p| p.weight_participation)),
		represented_participation: mean_of(polls.iter().map(|p| p.represented_participation)),
		decision_latency: Stats::of_blocks(&decision_latencies),
		poll_latency: Stats::of_blocks(&poll_latencies),
		council_latency: Stats::of_blocks(&council),
		community_latency: Stats::of_blocks(&community),
		gini: mean_of(polls.iter().map(|p| p.gini)),
		nakamoto: mean_of(polls.iter().map(|p| p.nakamoto.map(f64::from))),
		hhi: mean_of(polls.iter().map(|p| p.hhi)),
		effective_voters: mean_of(polls.iter().map(|p| p.effective_voters)),
		delegation_share: mean_of(polls.iter().map(|p| p.delegation_share)),
		delegates_half: mean_of(polls.iter().map(|p| p.delegates_half.map(f64::from))),
		outcomes: outcome_counts(decisions.iter().copied()),
		incidents: incident_counts(incidents),
	}
}

/// How to group the rows of a report.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Grouping {
	/// One row per scheme (all four, even without polls: the paper's Table 1), then `all`.
	Scheme,
	/// One row per class that has a poll, decision or incident in the range, by class id, then
	/// `all`.
	Class,
}

/// The rows of the report over `range`, grouped by `grouping`, ending with the `all` row.
pub fn rows(dataset: &Dataset, range: BlockRange, grouping: Grouping) -> Vec<Row> {
	let mut groups: Vec<Group> = match grouping {
		Grouping::Scheme => Scheme::ALL.iter().map(|s| Group::Scheme(*s)).collect(),
		Grouping::Class => {
			let polls = dataset.polls.iter().filter(|p| range.contains(p.created)).map(|p| p.class);
			let decisions =
				dataset.decisions.iter().filter(|d| range.contains(d.proposed)).map(|d| d.class);
			let incidents = dataset
				.incidents
				.iter()
				.filter(|i| range.contains(i.block))
				.filter_map(|i| i.class);
			let mut classes: Vec<ClassId> = polls.chain(decisions).chain(incidents).collect();
			classes.sort_unstable();
			classes.dedup();
			classes.into_iter().map(Group::Class).collect()
		},
	};
	groups.push(Group::All);
	groups.into_iter().map(|group| row(dataset, range, group)).collect()
}

/// The Lorenz curve of voting power in `scheme` over `range`, for charts: every ballot of the
/// scheme's polls created in the range, as its share of its poll's weight cast, pooled (so that
/// each poll with weight cast counts equally), through [`measures::lorenz_curve_of`] with at most
/// `max_points` points. Empty if no poll of the scheme has ballots with weight.
pub fn scheme_lorenz(
	dataset: &Dataset,
	range: BlockRange,
	scheme: Scheme,
	max_points: usize,
) -> Vec<LorenzPoint> {
	let mut shares = Vec::new();
	for poll in dataset.polls.iter().filter(|p| p.scheme == scheme && range.contains(p.created)) {
		let total = poll.ballots.iter().fold(0 as Weight, |acc, b| acc.saturating_add(b.weight));
		if total == 0 {
			continue;
		}
		shares.extend(poll.ballots.iter().map(|b| b.weight as f64 / total as f64));
	}
	measures::lorenz_curve_of(&shares, max_points)
}
