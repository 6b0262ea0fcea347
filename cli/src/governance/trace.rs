//! What a chain's events say about governance, block by block: polls (submitted, voted on,
//! closed with their final tally), decisions (proposed, their polls, closed with an outcome) and
//! incidents. Pure: fed the decoded events of each block in order, it reads no state.
//!
//! Events used:
//! - `Referenda`: `Submitted` opens a poll (track = class · 4 + kind); `Confirmed` (approval),
//!   `Rejected`, `TimedOut`, `Cancelled` and `Killed` close it and carry its final tally.
//! - `Voting`: `Voted` names its voters; `Recused` is a recusal incident.
//! - `Constitution`: `Proposed`, `VetoPollOpened`, `Appealed` and `OverridePollOpened` tie polls
//!   to decisions; `Overridden`, `AppealRejected` and `DecisionClosed` give the outcome;
//!   `ClassAmended` updates the class table; `ConflictChallenged` is a challenge incident,
//!   `ChallengeUpheld` attributes the slash that follows it; `ChallengeExpired` cancels a poll
//!   routinely.
//! - `Guardians`: `MeasureTaken`, `MeasureRatified`, `MeasureLapsed` are emergency incidents (of
//!   the decision's class and scheme for a hold); `HoldConfirmed` makes the cancellation of the
//!   held decision's polls an incident.
//! - `Reputation`: `Slashed` (once per account and block, whatever the number of domains).
//! - `Artifacts`: `Withdrawn` is a takedown.
//!
//! A poll cancelled in the block its decision closed is routine (a concurrence rejected by one
//! house cancels the other house's poll) and not an incident, unless a guardian's hold was
//! confirmed; so is the cancellation of an expired challenge's poll.

use std::collections::{BTreeMap, BTreeSet};

use ostrom_metrics::model::{
	BlockNumber, ClassId, DecisionId, IncidentKind, IncidentRecord, PollIndex, PollKind,
	PollOutcome, Scheme,
};
use ostrom_runtime::{AccountId, Balance, Runtime, RuntimeEvent};
use pallet_constitution::{ChallengeId, ClassInfo, CommunityScheme, Houses, JointRule, Outcome};
use pallet_guardians::{Measure, MeasureId};

/// The tally of a poll, as the runtime keeps it.
pub type Tally = pallet_voting::TallyOf<Runtime>;
/// A class of the constitution's class table.
pub type Class = ClassInfo<Balance, BlockNumber>;
/// The class table.
pub type Classes = BTreeMap<ClassId, Class>;

/// The scheme of Ostrom's primitives as the metrics name it.
pub fn scheme(scheme: ostrom_primitives::Scheme) -> Scheme {
	match scheme {
		ostrom_primitives::Scheme::Token => Scheme::Token,
		ostrom_primitives::Scheme::Quadratic => Scheme::Quadratic,
		ostrom_primitives::Scheme::Reputation => Scheme::Reputation,
		ostrom_primitives::Scheme::Council => Scheme::Council,
	}
}

/// The scheme a community votes in.
fn community_scheme(scheme: CommunityScheme) -> Scheme {
	match scheme {
		CommunityScheme::Token => Scheme::Token,
		CommunityScheme::Quadratic => Scheme::Quadratic,
		CommunityScheme::Reputation => Scheme::Reputation,
	}
}

/// The class and kind of a track (`track = class · 4 + kind`).
pub fn class_and_kind(track: u16) -> (ClassId, u8) {
	// Truncation is intended: tracks of classes above 255 do not exist.
	((track / 4) as ClassId, (track % 4) as u8)
}

/// The scheme the polls of `track` are counted in, from the class table: the council's for
/// council and veto polls, the community's for community and appeal polls, the override
/// house's for override polls. `None` if the class or kind is unknown.
pub fn track_scheme(classes: &Classes, track: u16) -> Option<Scheme> {
	let (class, kind) = class_and_kind(track);
	let info = classes.get(&class)?;
	let community = info.community.as_ref().map(|c| community_scheme(c.scheme));
	match kind {
		0 => Some(Scheme::Council),
		1 => community,
		2 => match info.override_rule.as_ref()?.house {
			pallet_constitution::House::Council => Some(Scheme::Council),
			pallet_constitution::House::Community => community,
		},
		3 => match info.rule {
			JointRule::CommunityWithCouncilVeto { .. } => Some(Scheme::Council),
			JointRule::CouncilWithCommunityAppeal { .. } => community,
			JointRule::Concurrence => None,
		},
		_ => None,
	}
}

/// The scheme a decision of `class` is counted under in per-scheme rows: its community scheme,
/// or the council for a council-only class.
pub fn decision_scheme(class: &Class) -> Scheme {
	match (class.houses, class.community.as_ref()) {
		(Houses::CouncilOnly, _) | (_, None) => Scheme::Council,
		(_, Some(community)) => community_scheme(community.scheme),
	}
}

/// One poll, as its events tell it.
#[derive(Clone, Debug, PartialEq)]
pub struct PollTrace {
	/// The referendum index.
	pub index: PollIndex,
	/// Its track (`class · 4 + kind`).
	pub track: u16,
	/// The block it was submitted in.
	pub created: BlockNumber,
	/// The block it closed in.
	pub closed: Option<BlockNumber>,
	/// How it ended (`Ongoing` while open).
	pub outcome: PollOutcome,
	/// The tally its closing event carried.
	pub tally: Option<Tally>,
	/// Everyone who voted on it (some may have removed their vote since).
	pub voters: BTreeSet<AccountId>,
	/// The decision it belongs to, if the constitution opened it for one.
	pub decision: Option<DecisionId>,
	/// The scheme the class table gives its track when it was submitted.
	pub scheme: Option<Scheme>,
}

impl PollTrace {
	/// Its class.
	pub fn class(&self) -> ClassId {
		class_and_kind(self.track).0
	}

	/// Its kind: `Other` for a poll of no decision (a conflict challenge's council poll).
	pub fn kind(&self) -> PollKind {
		if self.decision.is_none() {
			PollKind::Other
		} else {
			PollKind::from_kind(class_and_kind(self.track).1)
		}
	}
}

/// One decision, as its events tell it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecisionTrace {
	/// Its id.
	pub id: DecisionId,
	/// Its class.
	pub class: ClassId,
	/// The scheme it is counted under (see [`decision_scheme`]).
	pub scheme: Scheme,
	/// The block it was proposed in.
	pub proposed: BlockNumber,
	/// Its polls.
	pub polls: BTreeSet<PollIndex>,
	/// The block it closed in.
	pub closed: Option<BlockNumber>,
	/// Its outcome.
	pub outcome: Option<Outcome<BlockNumber>>,
	/// It was enacted by an override.
	pub overridden: bool,
	/// An appeal against it was rejected.
	pub appeal_rejected: bool,
}

/// Events of one block that decide how others are counted, gathered until the block ends.
#[derive(Default)]
struct BlockNotes {
	cancelled: Vec<PollIndex>,
	closed_decisions: BTreeSet<DecisionId>,
	held_confirmed: BTreeSet<DecisionId>,
	expired_challenges: BTreeSet<ChallengeId>,
	slashed: BTreeSet<AccountId>,
	upheld: BTreeMap<AccountId, PollIndex>,
}

/// Everything the events of a block range say, folded block by block.
#[derive(Clone, Debug, Default)]
pub struct Trace {
	/// The polls submitted in the range, by index.
	pub polls: BTreeMap<PollIndex, PollTrace>,
	/// The decisions proposed in the range, by id.
	pub decisions: BTreeMap<DecisionId, DecisionTrace>,
	/// The incidents in the range, in order.
	pub incidents: Vec<IncidentRecord>,
	/// The class table, kept current with `ClassAmended`.
	pub classes: Classes,
	/// Poll → decision for polls tied to a decision before their `Submitted` was seen.
	decision_of: BTreeMap<PollIndex, DecisionId>,
	/// Guardians' measures taken: the decision a hold concerns.
	measures: BTreeMap<MeasureId, Option<DecisionId>>,
	/// Challenges: the challenged poll and the challenge's own poll.
	challenges: BTreeMap<ChallengeId, (PollIndex, PollIndex)>,
}

impl Trace {
	/// A trace starting with the class table `classes` (as of the range's first block).
	pub fn new(classes: Classes) -> Self {
		Self { classes, ..Default::default() }
	}

	/// The class and scheme of poll `index`, if it is known.
	fn poll_group(&self, index: PollIndex) -> (Option<ClassId>, Option<Scheme>) {
		match self.polls.get(&index) {
			Some(poll) => (Some(poll.class()), poll.scheme),
			None => (None, None),
		}
	}

	/// The class and scheme of decision `id`, if it is known.
	fn decision_group(&self, id: DecisionId) -> (Option<ClassId>, Option<Scheme>) {
		match self.decisions.get(&id) {
			Some(d) => (Some(d.class), Some(d.scheme)),
			None => (None, None),
		}
	}

	fn incident(
		&mut self,
		kind: IncidentKind,
		block: BlockNumber,
		(class, scheme): (Option<ClassId>, Option<Scheme>),
	) {
		self.incidents.push(IncidentRecord { kind, block, class, scheme });
	}

	/// Ties `poll` to `decision`.
	fn tie(&mut self, poll: PollIndex, decision: DecisionId) {
		if let Some(trace) = self.polls.get_mut(&poll) {
			trace.decision = Some(decision);
		} else {
			self.decision_of.insert(poll, decision);
		}
		if let Some(d) = self.decisions.get_mut(&decision) {
			d.polls.insert(poll);
		}
	}

	fn close_poll(
		&mut self,
		index: PollIndex,
		block: BlockNumber,
		outcome: PollOutcome,
		tally: Option<Tally>,
	) {
		if let Some(poll) = self.polls.get_mut(&index) {
			poll.closed = Some(block);
			poll.outcome = outcome;
			if tally.is_some() {
				poll.tally = tally;
			}
		}
	}

	/// Folds in the events of `block`, in their order.
	pub fn apply_block<'a>(
		&mut self,
		block: BlockNumber,
		events: impl IntoIterator<Item = &'a RuntimeEvent>,
	) {
		use pallet_constitution::Event as C;
		use pallet_guardians::Event as G;
		use pallet_referenda::Event as R;
		use pallet_voting::Event as V;

		let mut notes = BlockNotes::default();
		for event in events {
			match event {
				RuntimeEvent::Referenda(e) => match e {
					R::Submitted { index, track, .. } => {
						let decision = self.decision_of.remove(index);
						let scheme = track_scheme(&self.classes, *track);
						self.polls.insert(
							*index,
							PollTrace {
								index: *index,
								track: *track,
								created: block,
								closed: None,
								outcome: PollOutcome::Ongoing,
								tally: None,
								voters: BTreeSet::new(),
								decision,
								scheme,
							},
						);
					},
					R::Confirmed { index, tally } => {
						self.close_poll(*index, block, PollOutcome::Approved, Some(tally.clone()))
					},
					R::Approved { index } => {
						self.close_poll(*index, block, PollOutcome::Approved, None)
					},
					R::Rejected { index, tally } => {
						self.close_poll(*index, block, PollOutcome::Rejected, Some(tally.clone()))
					},
					R::TimedOut { index, tally } => {
						self.close_poll(*index, block, PollOutcome::TimedOut, Some(tally.clone()))
					},
					R::Cancelled { index, tally } => {
						self.close_poll(*index, block, PollOutcome::Cancelled, Some(tally.clone()));
						notes.cancelled.push(*index);
					},
					R::Killed { index, tally } => {
						self.close_poll(*index, block, PollOutcome::Killed, Some(tally.clone()));
						notes.cancelled.push(*index);
					},
					_ => {},
				},
				RuntimeEvent::Voting(e) => match e {
					V::Voted { who, poll_index, .. } => {
						if let Some(poll) = self.polls.get_mut(poll_index) {
							poll.voters.insert(who.clone());
						}
					},
					V::Recused { poll_index, .. } => {
						let group = self.poll_group(*poll_index);
						self.incident(IncidentKind::Recusal, block, group);
					},
					_ => {},
				},
				RuntimeEvent::Constitution(e) => match e {
					C::Proposed { decision, class, polls, .. } => {
						let scheme =
							self.classes.get(class).map(decision_scheme).unwrap_or(Scheme::Council);
						self.decisions.insert(
							*decision,
							DecisionTrace {
								id: *decision,
								class: *class,
								scheme,
								proposed: block,
								polls: BTreeSet::new(),
								closed: None,
								outcome: None,
								overridden: false,
								appeal_rejected: false,
							},
						);
						for poll in
							[polls.council, polls.community, polls.extra].into_iter().flatten()
						{
							self.tie(poll, *decision);
						}
					},
					C::VetoPollOpened { decision, poll, .. }
					| C::Appealed { decision, poll, .. }
					| C::OverridePollOpened { decision, poll } => self.tie(*poll, *decision),
					C::Overridden { decision } => {
						if let Some(d) = self.decisions.get_mut(decision) {
							d.overridden = true;
						}
					},
					C::AppealRejected { decision, .. } => {
						if let Some(d) = self.decisions.get_mut(decision) {
							d.appeal_rejected = true;
						}
					},
					C::DecisionClosed { decision, outcome, .. } => {
						if let Some(d) = self.decisions.get_mut(decision) {
							d.closed = Some(block);
							d.outcome = Some(*outcome);
						}
						notes.closed_decisions.insert(*decision);
					},
					C::ClassAmended { class, info } => {
						self.classes.insert(*class, info.clone());
					},
					C::ConflictChallenged { challenge, poll, challenge_poll, .. } => {
						self.challenges.insert(*challenge, (*poll, *challenge_poll));
						let group = self.poll_group(*poll);
						self.incident(IncidentKind::Challenge, block, group);
					},
					C::ChallengeUpheld { member, poll, .. } => {
						notes.upheld.insert(member.clone(), *poll);
					},
					C::ChallengeExpired { challenge } => {
						notes.expired_challenges.insert(*challenge);
					},
					_ => {},
				},
				RuntimeEvent::Guardians(e) => match e {
					G::MeasureTaken { id, measure, .. } => {
						let decision = match measure {
							Measure::HoldDecision(d) => Some(*d),
							_ => None,
						};
						self.measures.insert(*id, decision);
						let group = decision.map(|d| self.decision_group(d)).unwrap_or_default();
						self.incident(IncidentKind::EmergencyTaken, block, group);
					},
					G::MeasureRatified { id, .. } => {
						let group = self.measure_group(*id);
						self.incident(IncidentKind::EmergencyRatified, block, group);
					},
					G::MeasureLapsed { id, .. } => {
						let group = self.measure_group(*id);
						self.incident(IncidentKind::EmergencyLapsed, block, group);
					},
					G::HoldConfirmed { decision, .. } => {
						notes.held_confirmed.insert(*decision);
					},
					_ => {},
				},
				RuntimeEvent::Reputation(pallet_reputation::Event::Slashed { who, .. }) => {
					notes.slashed.insert(who.clone());
				},
				RuntimeEvent::Artifacts(pallet_artifacts::Event::Withdrawn { .. }) => {
					self.incident(IncidentKind::Takedown, block, (None, None));
				},
				_ => {},
			}
		}
		self.end_block(block, notes);
	}

	/// The class and scheme of the decision a measure holds, if any.
	fn measure_group(&self, id: MeasureId) -> (Option<ClassId>, Option<Scheme>) {
		match self.measures.get(&id).copied().flatten() {
			Some(decision) => self.decision_group(decision),
			None => (None, None),
		}
	}

	/// Counts what needed the whole block: cancellations that were not routine, and slashes.
	fn end_block(&mut self, block: BlockNumber, notes: BlockNotes) {
		let expired_polls: BTreeSet<PollIndex> = notes
			.expired_challenges
			.iter()
			.filter_map(|c| self.challenges.get(c).map(|(_, own)| *own))
			.collect();
		for index in notes.cancelled {
			let decision = self.polls.get(&index).and_then(|p| p.decision);
			let routine = match decision {
				Some(d) => {
					notes.closed_decisions.contains(&d) && !notes.held_confirmed.contains(&d)
				},
				None => expired_polls.contains(&index),
			};
			if !routine {
				let group = self.poll_group(index);
				self.incident(IncidentKind::Cancellation, block, group);
			}
		}
		for who in notes.slashed {
			let group = match notes.upheld.get(&who) {
				Some(poll) => self.poll_group(*poll),
				None => (None, None),
			};
			self.incident(IncidentKind::Slash, block, group);
		}
	}
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::arithmetic_side_effects)]
mod tests {
	use super::*;
	use pallet_constitution::presets;

	/// The development class table.
	pub fn dev_classes() -> Classes {
		presets::development_classes::<Balance, BlockNumber>(1_000_000_000_000)
			.into_iter()
			.collect()
	}

	#[test]
	fn tracks_map_to_the_schemes_of_the_development_table() {
		let classes = dev_classes();
		assert_eq!(track_scheme(&classes, 13), Some(Scheme::Token)); // medium-spend community
		assert_eq!(track_scheme(&classes, 9), Some(Scheme::Quadratic)); // small-spend community
		assert_eq!(track_scheme(&classes, 29), Some(Scheme::Reputation)); // parameter-change
		assert_eq!(track_scheme(&classes, 28), Some(Scheme::Council));
		assert_eq!(track_scheme(&classes, 19), Some(Scheme::Council)); // big-spend veto
		assert_eq!(track_scheme(&classes, 23), Some(Scheme::Reputation)); // release-gate appeal
		assert_eq!(track_scheme(&classes, 27), Some(Scheme::Token)); // takedown appeal
		assert_eq!(track_scheme(&classes, 2), Some(Scheme::Token)); // runtime-upgrade override
		assert_eq!(track_scheme(&classes, 99 * 4), None);
		assert_eq!(decision_scheme(&classes[&9]), Scheme::Council);
		assert_eq!(decision_scheme(&classes[&5]), Scheme::Reputation);
		assert_eq!(decision_scheme(&classes[&4]), Scheme::Token);
	}
}
