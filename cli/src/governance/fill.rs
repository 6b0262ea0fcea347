//! Filling `ostrom_metrics` records from a [`Trace`] and the state read for each poll. Pure:
//! the state comes in as decoded runtime types, so every rule here is unit-tested without a
//! node.
//!
//! For each poll:
//! - **aggregates**: the tally of its closing event (or, while it is ongoing, of its
//!   referendum at the range's last block), as the chain keeps it;
//! - **ballots**: its voters' records (`Voting.VotingFor(voter, track)`) at its closing block:
//!   per ballot the weight counted (own + delegated), the delegated part, and the delegators it
//!   carries (the delegate's delegators less those who voted directly on the poll);
//! - **electorate**: from `VotingApi.poll_metrics` at the last block the poll was ongoing (the
//!   support denominator: active issuance, persons, weighted reputation or non-recused seats)
//!   and, for token and reputation polls, the holders counted from state at that block.

use std::collections::BTreeMap;

use ostrom_metrics::model::{
	Aggregates, Ballot, DecisionOutcome, DecisionRecord, Electorate, House, HouseClose, PollIndex,
	PollRecord, Scheme, U256,
};
use ostrom_runtime::{AccountId, Balance, Runtime};
use pallet_constitution::Outcome;
use pallet_voting::{Contribution, PollMetrics, VotingOf};

use super::trace::{scheme, DecisionTrace, PollTrace, Tally};

/// An account's voting record in one class, as the runtime stores it.
pub type Voting = VotingOf<Runtime>;

/// The state read for one poll.
#[derive(Clone, Debug, Default)]
pub struct PollState {
	/// The tally: the closing event's, or the ongoing referendum's at the range's end.
	pub tally: Option<Tally>,
	/// `VotingApi.poll_metrics` at the last block the poll was ongoing.
	pub metrics: Option<PollMetrics<Balance>>,
	/// The voters' records in the poll's track at its closing block (or the range's end).
	pub records: Vec<(AccountId, Voting)>,
	/// Eligible voters counted from state: token holders above the existential deposit, or
	/// holders of reputation in the class's domains (`None` for the other schemes).
	pub holders: Option<u64>,
}

/// What the report adds to a poll's measures: where it sits in the chain, and checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PollExtras {
	/// The block it was submitted in.
	pub created: u32,
	/// The block it closed in.
	pub closed: Option<u32>,
	/// Its decision.
	pub decision: Option<u32>,
	/// Whether the ballots read from state add up to its tally (voters, weight, squares).
	pub ballots_match: bool,
}

/// The metrics' aggregates of a tally.
pub fn aggregates(tally: &Tally) -> Aggregates {
	Aggregates {
		voters: tally.voters,
		total_weight: tally.total_weight,
		sum_of_squares: U256::from_limbs(tally.sum_of_squares.0),
		ayes: tally.ayes,
		nays: tally.nays,
		abstains: tally.abstains,
		recused: tally.recused,
	}
}

/// The ballots counted on `poll` from its voters' `records` (in the poll's track): one per
/// record with a vote on the poll (recusals and voided ballots count nowhere), in the order of
/// `records`.
pub fn ballots(poll: PollIndex, records: &[(AccountId, Voting)]) -> Vec<Ballot> {
	// Delegators who voted directly on the poll, per delegate.
	let mut overriding: BTreeMap<&AccountId, u32> = BTreeMap::new();
	for (_, voting) in records {
		if let Some(delegate) = voting
			.record(poll)
			.and_then(|r| r.vote.as_ref().and(r.override_of.as_ref()))
			.map(|o| &o.delegate)
		{
			let n = overriding.entry(delegate).or_insert(0);
			*n = n.saturating_add(1);
		}
	}
	records
		.iter()
		.filter_map(|(who, voting)| {
			let record = voting.record(poll)?;
			let vote = record.vote.as_ref()?;
			let contribution = Contribution::of(record.scheme, vote, record.own, record.delegated);
			let delegated =
				if vote.carries_delegation(record.scheme) { record.delegated } else { 0 };
			let delegators = if delegated > 0 {
				voting.delegators.saturating_sub(overriding.get(who).copied().unwrap_or(0))
			} else {
				0
			};
			Some(Ballot { weight: contribution.weight, delegated, delegators })
		})
		.collect()
}

/// The integer square root (⌊√n⌋).
pub fn isqrt(n: u32) -> u32 {
	let mut root = (n as f64).sqrt() as u32;
	while root.checked_mul(root).is_some_and(|sq| sq > n) {
		root = root.saturating_sub(1);
	}
	while root.saturating_add(1).checked_mul(root.saturating_add(1)).is_some_and(|sq| sq <= n) {
		root = root.saturating_add(1);
	}
	root
}

/// `value · numerator / denominator`, exactly when it fits in 128 bits, otherwise through
/// `f64`; `value` if the denominator is zero.
fn rescale(value: u128, numerator: u128, denominator: u128) -> u128 {
	if denominator == 0 {
		return value;
	}
	match value.checked_mul(numerator) {
		Some(product) => product.checked_div(denominator).unwrap_or(value),
		None => (value as f64 * numerator as f64 / denominator as f64) as u128,
	}
}

/// Who could have voted on a poll of `scheme`:
/// - token: the holders above the existential deposit / active issuance;
/// - quadratic: the persons / the most votes they could cast (`⌊√voice_credits⌋` each);
/// - reputation: the holders of reputation in the class's domains / the total weighted
///   reputation, expressed in the tally's decay frame (the poll metrics report it as worth at
///   their block; the tally's weights are expressed at the poll's creation, so it is scaled by
///   the tally's total over the metrics' total);
/// - council: the non-recused seats (both).
pub fn electorate(
	scheme: Scheme,
	metrics: Option<&PollMetrics<Balance>>,
	tally: Option<&Tally>,
	holders: Option<u64>,
	voice_credits: u32,
) -> Electorate {
	let denominator = metrics.map(|m| m.electorate);
	match scheme {
		Scheme::Token => Electorate { count: holders, weight: denominator },
		Scheme::Quadratic => Electorate {
			count: denominator.and_then(|d| u64::try_from(d).ok()),
			weight: denominator.map(|d| d.saturating_mul(u128::from(isqrt(voice_credits)))),
		},
		Scheme::Reputation => Electorate {
			count: holders,
			weight: match (metrics, tally) {
				(Some(m), Some(t)) => Some(rescale(m.electorate, t.total_weight, m.total_weight)),
				(Some(m), None) => Some(m.electorate),
				_ => None,
			},
		},
		Scheme::Council => Electorate {
			count: denominator.and_then(|d| u64::try_from(d).ok()),
			weight: denominator,
		},
	}
}

/// The scheme of a poll: its tally's, else its metrics', else the class table's, else token.
pub fn poll_scheme(poll: &PollTrace, state: &PollState) -> Scheme {
	state
		.tally
		.as_ref()
		.map(|t| scheme(t.scheme))
		.or_else(|| state.metrics.as_ref().map(|m| scheme(m.scheme)))
		.or(poll.scheme)
		.unwrap_or(Scheme::Token)
}

/// The metrics record of a poll, and what the report adds to it.
pub fn poll_record(
	poll: &PollTrace,
	state: &PollState,
	voice_credits: u32,
) -> (PollRecord, PollExtras) {
	let scheme = poll_scheme(poll, state);
	let ballots = ballots(poll.index, &state.records);
	let aggregates = state.tally.as_ref().map(aggregates).unwrap_or_default();
	let ballots_match = aggregates.matches_ballots(&ballots);
	let record = PollRecord {
		index: poll.index,
		class: poll.class(),
		decision: poll.decision,
		scheme,
		kind: poll.kind(),
		created: poll.created,
		closed: poll.closed,
		outcome: poll.outcome,
		ballots,
		aggregates,
		electorate: electorate(
			scheme,
			state.metrics.as_ref(),
			state.tally.as_ref(),
			state.holders,
			voice_credits,
		),
	};
	let extras = PollExtras {
		created: poll.created,
		closed: poll.closed,
		decision: poll.decision,
		ballots_match,
	};
	(record, extras)
}

/// How a decision ended, in the metrics' terms (`Refused`, an override of the wrong call, is
/// counted as rejected: nothing was enacted).
pub fn decision_outcome(decision: &DecisionTrace) -> Option<DecisionOutcome> {
	Some(match decision.outcome.as_ref()? {
		Outcome::Enacted { .. } if decision.overridden => DecisionOutcome::Overridden,
		Outcome::Enacted { .. } if decision.appeal_rejected => DecisionOutcome::Appealed,
		Outcome::Enacted { .. } => DecisionOutcome::Approved,
		Outcome::Rejected | Outcome::Refused => DecisionOutcome::Rejected,
		Outcome::Vetoed => DecisionOutcome::Vetoed,
		Outcome::Voided => DecisionOutcome::Voided,
		Outcome::Expired => DecisionOutcome::Expired,
	})
}

/// The metrics record of a decision; `polls` are the records of the range's polls (a house
/// finishes when its last closed poll on the decision closed: council polls for the council,
/// the others for the community).
pub fn decision_record(
	decision: &DecisionTrace,
	polls: &BTreeMap<PollIndex, PollRecord>,
) -> DecisionRecord {
	let mut council: Option<u32> = None;
	let mut community: Option<u32> = None;
	for poll in decision.polls.iter().filter_map(|i| polls.get(i)) {
		let Some(closed) = poll.closed else { continue };
		let slot = if poll.scheme == Scheme::Council { &mut council } else { &mut community };
		*slot = Some(slot.map_or(closed, |c| c.max(closed)));
	}
	let houses = [(House::Council, council), (House::Community, community)]
		.into_iter()
		.filter_map(|(house, closed)| Some(HouseClose { house, closed: closed? }))
		.collect();
	DecisionRecord {
		id: decision.id,
		class: decision.class,
		scheme: decision.scheme,
		proposed: decision.proposed,
		houses,
		closed: decision.closed,
		outcome: decision_outcome(decision),
	}
}
