//! The data model: plain records a report tool fills from the chain's events and state.
//!
//! Nothing here reads the chain: `ostrom-cli report` (or a web page, or a test) builds these
//! records from `pallet-referenda`, `pallet-voting`, `pallet-constitution`, `pallet-guardians`,
//! `pallet-reputation` and `pallet-artifacts` events and from `VotingApi.poll_metrics`, and hands
//! them to the functions of [`crate::measures`] and [`crate::aggregate`].

use alloc::vec::Vec;

/// A block number (Ostrom's block numbers are `u32`).
pub type BlockNumber = u32;
/// The index of a poll (a `pallet-referenda` referendum index).
pub type PollIndex = u32;
/// The id of a decision class in the constitution's class table.
pub type ClassId = u8;
/// The id of a decision of `pallet-constitution`.
pub type DecisionId = u32;
/// A voting weight in the units of the poll's scheme: a token balance (in plancks), a number of
/// quadratic votes, weighted reputation points or council seats.
pub type Weight = u128;

/// The scheme in which a poll is counted (DESIGN §3, "Voting schemes"); the families of the
/// paper's Table 1, with the council as a fourth row. Delegated (liquid) voting is not a scheme
/// of its own in Ostrom: it is measured inside the token and reputation schemes by
/// [`crate::measures::delegation_share`].
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum Scheme {
	/// Balance-weighted, with delegation.
	Token,
	/// Persons only; `v` votes cost `v²` voice credits.
	Quadratic,
	/// Domain-weighted reputation, with delegation.
	Reputation,
	/// One vote per seated, non-recused council member.
	Council,
}

impl Scheme {
	/// All schemes, in the order of the report's rows.
	pub const ALL: [Scheme; 4] =
		[Scheme::Token, Scheme::Quadratic, Scheme::Reputation, Scheme::Council];

	/// The scheme's name as the report prints it (lower case, stable: used in CSV and JSON).
	pub fn name(self) -> &'static str {
		match self {
			Scheme::Token => "token",
			Scheme::Quadratic => "quadratic",
			Scheme::Reputation => "reputation",
			Scheme::Council => "council",
		}
	}
}

/// The kind of a poll of a decision (`pallet_constitution::kinds`): which house votes, and why.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum PollKind {
	/// The council's poll on a decision (House A), kind 0.
	Council,
	/// The community's poll on a decision (House B), kind 1.
	Community,
	/// The override poll after a mediation timelock, kind 2.
	Override,
	/// The council's veto poll or the community's appeal poll, kind 3.
	Review,
	/// A poll not opened by the constitution (e.g. a conflict challenge's council poll), or of a
	/// kind this crate does not know.
	Other,
}

impl PollKind {
	/// The kind of a poll from the kind number of its track (`track = class · 4 + kind`).
	pub fn from_kind(kind: u8) -> Self {
		match kind {
			0 => PollKind::Council,
			1 => PollKind::Community,
			2 => PollKind::Override,
			3 => PollKind::Review,
			_ => PollKind::Other,
		}
	}

	/// The kind's name as the report prints it.
	pub fn name(self) -> &'static str {
		match self {
			PollKind::Council => "council",
			PollKind::Community => "community",
			PollKind::Override => "override",
			PollKind::Review => "review",
			PollKind::Other => "other",
		}
	}
}

/// One of the two houses of a joint decision.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum House {
	/// House A: the seated council.
	Council,
	/// House B: the community, in the class's community scheme.
	Community,
}

impl House {
	/// The house's name as the report prints it.
	pub fn name(self) -> &'static str {
		match self {
			House::Council => "council",
			House::Community => "community",
		}
	}
}

/// How a poll ended (`pallet-referenda`'s final states).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum PollOutcome {
	/// Still open (no closing block yet).
	Ongoing,
	/// Approved.
	Approved,
	/// Rejected.
	Rejected,
	/// Timed out before it was decided.
	TimedOut,
	/// Cancelled (e.g. by a guardian's measure or by governance).
	Cancelled,
	/// Killed.
	Killed,
}

impl PollOutcome {
	/// The outcome's name as the report prints it.
	pub fn name(self) -> &'static str {
		match self {
			PollOutcome::Ongoing => "ongoing",
			PollOutcome::Approved => "approved",
			PollOutcome::Rejected => "rejected",
			PollOutcome::TimedOut => "timed_out",
			PollOutcome::Cancelled => "cancelled",
			PollOutcome::Killed => "killed",
		}
	}
}

/// One ballot counted in a poll: a voter's weight, including what its delegators gave it.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Ballot {
	/// The weight the ballot counts in the tally: the voter's own weight plus the weight
	/// delegated to it on this poll (after the overrides of delegators who voted directly).
	pub weight: Weight,
	/// The part of [`Ballot::weight`] delegated to the voter (0 for a voter nobody delegates
	/// to, and always 0 in the quadratic and council schemes).
	pub delegated: Weight,
	/// The number of accounts whose delegated weight the ballot carries.
	pub delegators: u32,
}

impl Ballot {
	/// A ballot of `weight` with nothing delegated.
	pub fn own(weight: Weight) -> Self {
		Ballot { weight, delegated: 0, delegators: 0 }
	}

	/// A delegate's ballot: `own` weight plus `delegated` weight from `delegators` accounts.
	pub fn delegate(own: Weight, delegated: Weight, delegators: u32) -> Self {
		Ballot { weight: own.saturating_add(delegated), delegated, delegators }
	}
}

/// An unsigned 256-bit integer: the sum of squared ballot weights the chain keeps in each
/// tally (`sp_core::U256`), which does not fit in 128 bits.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default)]
pub struct U256 {
	/// The high 128 bits (declared first so that the derived order is numeric).
	hi: u128,
	/// The low 128 bits.
	lo: u128,
}

impl U256 {
	/// Zero.
	pub const ZERO: U256 = U256 { hi: 0, lo: 0 };

	/// The largest value.
	pub const MAX: U256 = U256 { hi: u128::MAX, lo: u128::MAX };

	/// `value`.
	pub fn from_u128(value: u128) -> Self {
		U256 { hi: 0, lo: value }
	}

	/// From four little-endian 64-bit limbs, the representation of `sp_core::U256` (its field
	/// `.0`).
	pub fn from_limbs(limbs: [u64; 4]) -> Self {
		let [l0, l1, l2, l3] = limbs;
		U256 {
			lo: u128::from(l0) | u128::from(l1).wrapping_shl(64),
			hi: u128::from(l2) | u128::from(l3).wrapping_shl(64),
		}
	}

	/// From 32 little-endian bytes (`sp_core::U256::to_little_endian`, or its SCALE encoding).
	pub fn from_le_bytes(bytes: [u8; 32]) -> Self {
		let mut lo = [0u8; 16];
		let mut hi = [0u8; 16];
		for (i, byte) in bytes.iter().enumerate() {
			if let Some(slot) = lo.get_mut(i) {
				*slot = *byte;
			} else if let Some(slot) = hi.get_mut(i.saturating_sub(16)) {
				*slot = *byte;
			}
		}
		U256 { hi: u128::from_le_bytes(hi), lo: u128::from_le_bytes(lo) }
	}

	/// The four little-endian 64-bit limbs (inverse of [`U256::from_limbs`]).
	pub fn to_limbs(self) -> [u64; 4] {
		// Truncating casts select the limbs.
		[
			self.lo as u64,
			self.lo.wrapping_shr(64) as u64,
			self.hi as u64,
			self.hi.wrapping_shr(64) as u64,
		]
	}

	/// `value²`, exactly.
	pub fn square(value: u128) -> Self {
		// value = a1·2⁶⁴ + a0, so value² = a1²·2¹²⁸ + 2·a0·a1·2⁶⁴ + a0². Each product of two
		// 64-bit halves fits in 128 bits, so the `wrapping_mul`s never wrap.
		let a0 = u128::from(value as u64);
		let a1 = value.wrapping_shr(64);
		let low = a0.wrapping_mul(a0);
		let cross = a0.wrapping_mul(a1);
		let high = a1.wrapping_mul(a1);
		// cross·2⁶⁴ split across the two halves of the result.
		let cross = U256 { hi: cross.wrapping_shr(64), lo: cross.wrapping_shl(64) };
		U256 { hi: high, lo: low }.saturating_add(cross).saturating_add(cross)
	}

	/// `self + other`, or `None` on overflow.
	pub fn checked_add(self, other: U256) -> Option<U256> {
		let (lo, carry) = self.lo.overflowing_add(other.lo);
		let hi = self.hi.checked_add(other.hi)?.checked_add(u128::from(carry))?;
		Some(U256 { hi, lo })
	}

	/// `self + other`, or [`U256::MAX`] on overflow.
	pub fn saturating_add(self, other: U256) -> U256 {
		self.checked_add(other).unwrap_or(U256::MAX)
	}

	/// Whether the value is zero.
	pub fn is_zero(self) -> bool {
		self == U256::ZERO
	}

	/// The nearest `f64` (rounded as `u128 as f64` rounds each half, so within a relative
	/// 2⁻⁵² of the exact value).
	pub fn to_f64(self) -> f64 {
		// 2¹²⁸, exactly representable.
		const TWO_POW_128: f64 = 340_282_366_920_938_463_463_374_607_431_768_211_456.0;
		(self.hi as f64) * TWO_POW_128 + (self.lo as f64)
	}
}

/// The aggregates the chain keeps in a poll's tally (O(1) per vote) and reports in `Voted`
/// events and `VotingApi.poll_metrics`.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Aggregates {
	/// Ballots counted (a delegate's ballot counts once).
	pub voters: u32,
	/// Sum of the ballot weights.
	pub total_weight: Weight,
	/// Sum of the squared ballot weights.
	pub sum_of_squares: U256,
	/// Weight for the proposal.
	pub ayes: Weight,
	/// Weight against the proposal.
	pub nays: Weight,
	/// Weight abstaining.
	pub abstains: Weight,
	/// Council members recused from the poll.
	pub recused: u32,
}

impl Aggregates {
	/// The voter-count, total-weight and sum-of-squares aggregates that `ballots` add up to
	/// (the direction totals and recusals are left at zero: ballots carry no direction). A
	/// report tool compares them with the chain's with [`Aggregates::matches_ballots`].
	pub fn of_ballots(ballots: &[Ballot]) -> Self {
		let mut aggregates = Aggregates::default();
		for ballot in ballots {
			aggregates.voters = aggregates.voters.saturating_add(1);
			aggregates.total_weight = aggregates.total_weight.saturating_add(ballot.weight);
			aggregates.sum_of_squares =
				aggregates.sum_of_squares.saturating_add(U256::square(ballot.weight));
		}
		aggregates
	}

	/// Whether `ballots` add up to these aggregates' voters, total weight and sum of squares:
	/// the check that the ballots a report tool collected from events are the ones the chain
	/// counted.
	pub fn matches_ballots(&self, ballots: &[Ballot]) -> bool {
		let sum = Aggregates::of_ballots(ballots);
		sum.voters == self.voters
			&& sum.total_weight == self.total_weight
			&& sum.sum_of_squares == self.sum_of_squares
	}
}

/// Who could have voted in a poll: the denominators of participation. Either may be unknown
/// (`None`), and the participation it divides is then unknown too.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Electorate {
	/// Eligible voters: token holders above the existential deposit, persons with a valid
	/// credential (quadratic), holders of reputation in the class's domains, or non-recused
	/// council seats.
	pub count: Option<u64>,
	/// Eligible weight, in the units of the poll's weights: active issuance (token), the most
	/// votes all persons could cast (quadratic), total weighted reputation of the class's
	/// domains, or non-recused seats (council).
	pub weight: Option<Weight>,
}

/// One poll.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct PollRecord {
	/// The poll's index.
	pub index: PollIndex,
	/// The decision class of its track.
	pub class: ClassId,
	/// The decision it belongs to, if it was opened by the constitution.
	pub decision: Option<DecisionId>,
	/// The scheme it is counted in.
	pub scheme: Scheme,
	/// Which house votes, and why.
	pub kind: PollKind,
	/// The block it was submitted in.
	pub created: BlockNumber,
	/// The block it was closed in (approved, rejected, timed out, cancelled or killed), or
	/// `None` while it is ongoing.
	pub closed: Option<BlockNumber>,
	/// How it ended.
	pub outcome: PollOutcome,
	/// The ballots counted at its close (or now, while ongoing), one per voter, in any order.
	/// May be empty if the report tool has only the aggregates: the measures that need the
	/// distribution (Gini, Nakamoto coefficient, delegation) are then unknown.
	pub ballots: Vec<Ballot>,
	/// The chain's aggregates at its close (or now, while ongoing).
	pub aggregates: Aggregates,
	/// Who could have voted.
	pub electorate: Electorate,
}

/// How a decision ended. Mapping from `pallet_constitution::Outcome` in `DecisionClosed`: `Enacted`
/// is [`Overridden`](Self::Overridden) if the decision had an `Overridden` event,
/// [`Appealed`](Self::Appealed) if it had an `AppealRejected` event, and
/// [`Approved`](Self::Approved) otherwise; `Rejected`, `Vetoed`, `Voided` (an appeal upheld) and
/// `Expired` map to the variants of the same name.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum DecisionOutcome {
	/// Enacted by the deciding house(s), without override or appeal.
	Approved,
	/// A deciding house rejected it.
	Rejected,
	/// The council vetoed the community's approval.
	Vetoed,
	/// Enacted after an appeal against it was rejected.
	Appealed,
	/// Enacted by the override house despite the other house's rejection.
	Overridden,
	/// Not decided in time.
	Expired,
	/// Voided: the community upheld an appeal against the council's approval.
	Voided,
}

impl DecisionOutcome {
	/// All outcomes, in the order of the report's columns.
	pub const ALL: [DecisionOutcome; 7] = [
		DecisionOutcome::Approved,
		DecisionOutcome::Rejected,
		DecisionOutcome::Vetoed,
		DecisionOutcome::Appealed,
		DecisionOutcome::Overridden,
		DecisionOutcome::Expired,
		DecisionOutcome::Voided,
	];

	/// The outcome's name as the report prints it.
	pub fn name(self) -> &'static str {
		match self {
			DecisionOutcome::Approved => "approved",
			DecisionOutcome::Rejected => "rejected",
			DecisionOutcome::Vetoed => "vetoed",
			DecisionOutcome::Appealed => "appealed",
			DecisionOutcome::Overridden => "overridden",
			DecisionOutcome::Expired => "expired",
			DecisionOutcome::Voided => "voided",
		}
	}
}

/// The block at which one house finished with a decision (its last poll on it closed).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct HouseClose {
	/// The house.
	pub house: House,
	/// The block its (last) poll on the decision closed.
	pub closed: BlockNumber,
}

/// One decision of the constitution (one `Proposed` event).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct DecisionRecord {
	/// The decision's id.
	pub id: DecisionId,
	/// Its class.
	pub class: ClassId,
	/// The scheme the decision is counted under in per-scheme rows: the class's community
	/// scheme, or [`Scheme::Council`] for a council-only class.
	pub scheme: Scheme,
	/// The block it was proposed in.
	pub proposed: BlockNumber,
	/// The blocks at which each house finished with it, for houses that have.
	pub houses: Vec<HouseClose>,
	/// The block it closed in (`DecisionClosed`), or `None` while it is open.
	pub closed: Option<BlockNumber>,
	/// How it ended, or `None` while it is open.
	pub outcome: Option<DecisionOutcome>,
}

/// The kinds of incident the report counts (the paper's "security incidents", split by kind).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum IncidentKind {
	/// A guardian took an emergency measure.
	EmergencyTaken,
	/// An emergency measure lapsed without ratification.
	EmergencyLapsed,
	/// The ratification class ratified an emergency measure.
	EmergencyRatified,
	/// A poll was cancelled (or put on hold) by a guardian or by governance.
	Cancellation,
	/// Reputation was slashed (by decision, or by an upheld conflict challenge).
	Slash,
	/// An artifact was withdrawn (taken down) by decision.
	Takedown,
	/// A council member declared a conflict and was recused from a poll.
	Recusal,
	/// Someone challenged a council member's undeclared conflict.
	Challenge,
}

impl IncidentKind {
	/// All kinds, in the order of the report's columns.
	pub const ALL: [IncidentKind; 8] = [
		IncidentKind::EmergencyTaken,
		IncidentKind::EmergencyLapsed,
		IncidentKind::EmergencyRatified,
		IncidentKind::Cancellation,
		IncidentKind::Slash,
		IncidentKind::Takedown,
		IncidentKind::Recusal,
		IncidentKind::Challenge,
	];

	/// The kind's name as the report prints it.
	pub fn name(self) -> &'static str {
		match self {
			IncidentKind::EmergencyTaken => "emergency_taken",
			IncidentKind::EmergencyLapsed => "emergency_lapsed",
			IncidentKind::EmergencyRatified => "emergency_ratified",
			IncidentKind::Cancellation => "cancellation",
			IncidentKind::Slash => "slash",
			IncidentKind::Takedown => "takedown",
			IncidentKind::Recusal => "recusal",
			IncidentKind::Challenge => "challenge",
		}
	}
}

/// One incident.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct IncidentRecord {
	/// What happened.
	pub kind: IncidentKind,
	/// The block it happened in.
	pub block: BlockNumber,
	/// The class it concerns (the class of the poll or decision), if any.
	pub class: Option<ClassId>,
	/// The scheme it is counted under in per-scheme rows (the scheme of the poll it concerns),
	/// or `None` for a chain-wide incident (e.g. safe mode), counted only in the total row.
	pub scheme: Option<Scheme>,
}

/// Everything a report covers.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Dataset {
	/// The polls.
	pub polls: Vec<PollRecord>,
	/// The decisions.
	pub decisions: Vec<DecisionRecord>,
	/// The incidents.
	pub incidents: Vec<IncidentRecord>,
}

/// An inclusive range of blocks, `from..=to`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct BlockRange {
	/// The first block in the range.
	pub from: BlockNumber,
	/// The last block in the range.
	pub to: BlockNumber,
}

impl BlockRange {
	/// Every block.
	pub const ALL: BlockRange = BlockRange { from: 0, to: BlockNumber::MAX };

	/// `from..=to`.
	pub fn new(from: BlockNumber, to: BlockNumber) -> Self {
		BlockRange { from, to }
	}

	/// Whether `block` is in the range (never, if `from > to`).
	pub fn contains(&self, block: BlockNumber) -> bool {
		self.from <= block && block <= self.to
	}
}
