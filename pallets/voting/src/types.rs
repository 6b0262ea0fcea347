//! Types stored and exchanged by the voting pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_core::U256;
use sp_runtime::{traits::Zero, Perbill};

use crate::{BalanceOf, Config, PollIndexOf};

pub use ostrom_primitives::{DomainId, PersonId, Scheme};

/// A stored vote record, as stored by the pallet.
pub type VoteRecordOf<T> = VoteRecord<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

/// A delegation, as stored by the pallet.
pub type DelegationOf<T> = Delegation<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

/// The voting record of one account in one class, as stored by the pallet.
pub type VotingOf<T> = Voting<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	PollIndexOf<T>,
	<T as Config>::MaxVotes,
>;

/// The direction of a vote.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum Direction {
	/// For the proposal.
	Aye,
	/// Against the proposal.
	Nay,
	/// Neither; counts towards turnout (and, for token and reputation polls, support).
	Abstain,
}

/// A vote on one poll, in the shape of the poll's scheme.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum AccountVote<Balance> {
	/// Token: `amount` of the voter's balance is frozen and counted in `direction`, together
	/// with the weight delegated to the voter. Quadratic: `amount` is the number of votes
	/// `v ≥ 1`, costing `v²` voice credits.
	Standard {
		/// The direction of the vote.
		direction: Direction,
		/// Token: the balance to freeze and count. Quadratic: the number of votes.
		amount: Balance,
	},
	/// Token only: the balance counted in each direction (their sum is frozen). Carries no
	/// delegated weight.
	Split {
		/// Balance counted for the proposal.
		aye: Balance,
		/// Balance counted against the proposal.
		nay: Balance,
		/// Balance counted as abstaining.
		abstain: Balance,
	},
	/// Reputation and council: the voter's own weight in the scheme (its current reputation,
	/// or its seat) in `direction`; for reputation, plus the reputation delegated to it.
	Own(Direction),
}

impl<Balance> AccountVote<Balance> {
	/// Whether a ballot of this shape carries the weight delegated to the voter in `scheme`:
	/// a standard token vote or a reputation vote.
	pub fn carries_delegation(&self, scheme: Scheme) -> bool {
		matches!(
			(scheme, self),
			(Scheme::Token, AccountVote::Standard { .. })
				| (Scheme::Reputation, AccountVote::Own(_))
		)
	}
}

/// An account's vote on one poll, as kept in its [`Voting`] record.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct VoteRecord<AccountId, Balance> {
	/// The vote, or `None` if the account (a council member) is recused from the poll, or
	/// (quadratic) if the ballot was voided when the voter's credential was removed.
	pub vote: Option<AccountVote<Balance>>,
	/// The scheme of the poll when the vote was cast.
	pub scheme: Scheme,
	/// The voter's own weight counted when the vote was cast: the token amount (for a split
	/// vote, the sum of its parts), the number of quadratic votes, the weighted reputation (in
	/// the poll's decay frame, see [`crate::Tally::clock`]), or one seat. For token votes, this
	/// is the balance the vote keeps frozen.
	pub own: Balance,
	/// The delegated weight the ballot counts on top of `own` (zero for a ballot that carries
	/// no delegation, see [`AccountVote::carries_delegation`]): the weight delegated to the
	/// voter in the class less what its delegators moved out of the ballot by voting directly,
	/// as of the last change of either (reputation: in the poll's decay frame).
	pub delegated: Balance,
	/// Quadratic: the voice credits the vote cost (`own²`).
	pub credits: u32,
	/// Quadratic: the voice-credit epoch in which the credits were spent.
	pub epoch: u32,
	/// If the voter was delegating in the poll's class when it voted (or delegated later while
	/// the poll was ongoing): the delegate and the delegated weight that this direct vote moved
	/// out of the delegate's ballot on this poll.
	pub override_of: Option<DelegationOverride<AccountId, Balance>>,
	/// Quadratic: the person who cast the ballot (the voter's person id at the time).
	pub person: Option<PersonId>,
}

impl<AccountId, Balance: Copy + Zero> VoteRecord<AccountId, Balance> {
	/// A quadratic ballot voided when its voter's credential was removed: it counts nowhere,
	/// keeps the person's voice on the poll used, and is removed once the poll is over.
	pub fn is_voided(&self) -> bool {
		self.vote.is_none() && self.scheme == Scheme::Quadratic
	}

	/// A council member's recusal record.
	pub fn is_recusal(&self) -> bool {
		self.vote.is_none() && self.scheme == Scheme::Council
	}

	/// The balance this record keeps frozen: its own weight if it is a token vote.
	pub fn token_lock(&self) -> Balance {
		if self.scheme == Scheme::Token && self.vote.is_some() {
			self.own
		} else {
			Zero::zero()
		}
	}
}

/// A direct vote of a delegator: the weight it moved out of its delegate's ballot on the poll.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct DelegationOverride<AccountId, Balance> {
	/// The delegate whose ballot lost the weight.
	pub delegate: AccountId,
	/// The weight moved (reputation: in the poll's decay frame, when last set).
	pub amount: Balance,
}

/// The voice credits a person spent in one epoch.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct CreditsSpent {
	/// The voice-credit epoch (block number / `EpochLength`).
	pub epoch: u32,
	/// The credits spent in it (at most `VoiceCredits`, never zero when stored).
	pub spent: u32,
}

/// A delegation of an account's weight in one class to another account.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Delegation<AccountId, Balance> {
	/// The delegate.
	pub target: AccountId,
	/// The delegated weight: the frozen balance (token), or the delegator's weighted reputation
	/// when it delegated or when the delegation was last refreshed (reputation), read at the
	/// fastest decay clock `clock`.
	pub amount: Balance,
	/// The scheme of the class when the delegation was made.
	pub scheme: Scheme,
	/// Reputation: the reading of the fastest decay clock
	/// ([`ostrom_primitives::ReputationProvider::fastest_clock`]) when `amount` was read; the
	/// delegation counts `amount` decayed from there, never more than the delegator's current
	/// reputation. Zero for token delegations.
	pub clock: u128,
}

impl<AccountId, Balance: Copy + sp_runtime::traits::UniqueSaturatedInto<u128>>
	Delegation<AccountId, Balance>
{
	/// What the delegation counts at the fastest decay clock reading `now`, in units (points ·
	/// 2³²): `amount`, decayed from its reading for a reputation delegation.
	pub fn units_at(&self, now: u128) -> u128 {
		use ostrom_primitives::decay::{decay_since, units_of_points};
		decay_since(units_of_points(self.amount.unique_saturated_into()), self.clock, now)
	}
}

/// What [`crate::Pallet::vote`] did, which decides its weight; each carries the caller's number
/// of votes in the class (before the call for a new ballot, after it for a changed one).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Cast {
	/// A new ballot, the first change to the poll's tally in this block: the poll's alarm
	/// moves ([`crate::WeightInfo::vote_new`]).
	New(u32),
	/// A new ballot on a poll whose tally already changed in this block, so its alarm is
	/// already set ([`crate::WeightInfo::vote_same_block`]).
	NewInSameBlock(u32),
	/// A changed ballot ([`crate::WeightInfo::vote_existing`]).
	Changed(u32),
}

/// Whether an amount joins or leaves a sum.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Change {
	/// It joins the sum.
	Add,
	/// It leaves the sum (saturating at zero).
	Remove,
}

/// Which votes [`crate::Pallet::try_remove_vote`] may remove.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Removal {
	/// Any vote: the voter's own (or a governance) removal.
	Any,
	/// Only a vote on a poll that is over: someone else tidying up the voter's record.
	OnlyFinished,
}

/// Reputation delegated to an account in one class, decaying with the fastest decay clock
/// ([`ostrom_primitives::ReputationProvider::fastest_clock`]): `units` (points · 2³², so that
/// re-basing it at every change loses less than `2⁻³⁰` of a point) as of the reading `clock`.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct DecayingWeight {
	/// The weight, in units (points · 2³²), at `clock`.
	pub units: u128,
	/// The fastest decay clock reading `units` are expressed at.
	pub clock: u128,
}

impl DecayingWeight {
	/// The weight in units at the fastest decay clock reading `now`.
	pub fn units_at(&self, now: u128) -> u128 {
		ostrom_primitives::decay::decay_since(self.units, self.clock, now)
	}

	/// The weight in whole points (rounded to nearest) at the reading `now`.
	pub fn points_at(&self, now: u128) -> u128 {
		ostrom_primitives::decay::units_to_points(self.units_at(now), 0)
	}

	/// Re-base at `now` and add or remove (saturating) `units`.
	pub fn shift(&mut self, units: u128, now: u128, change: Change) {
		let current = self.units_at(now);
		self.units = match change {
			Change::Add => current.saturating_add(units),
			Change::Remove => current.saturating_sub(units),
		};
		self.clock = now;
	}

	/// No weight.
	pub fn is_zero(&self) -> bool {
		self.units == 0
	}
}

/// Everything an account does in one class: its votes, the weight delegated to it, and its own
/// delegation.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(MaxVotes))]
#[codec(mel_bound(AccountId: MaxEncodedLen, Balance: MaxEncodedLen, PollIndex: MaxEncodedLen))]
pub struct Voting<AccountId, Balance, PollIndex, MaxVotes>
where
	AccountId: Clone + PartialEq + Eq + Debug,
	Balance: Clone + PartialEq + Eq + Debug,
	PollIndex: Clone + PartialEq + Eq + Debug,
	MaxVotes: Get<u32>,
{
	/// The account's votes, sorted by poll index (at most one per poll).
	pub votes: BoundedVec<(PollIndex, VoteRecord<AccountId, Balance>), MaxVotes>,
	/// Total weight delegated to this account in this class (token classes).
	pub delegations: Balance,
	/// Total reputation delegated to this account in this class (reputation classes), decaying
	/// with the fastest decay clock: the sum of its delegators' [`Delegation::units_at`], up to
	/// rounding.
	pub delegated_reputation: DecayingWeight,
	/// Number of accounts delegating to this account in this class.
	pub delegators: u32,
	/// This account's own delegation in this class, if any.
	pub delegating: Option<Delegation<AccountId, Balance>>,
}

impl<AccountId, Balance, PollIndex, MaxVotes> Default
	for Voting<AccountId, Balance, PollIndex, MaxVotes>
where
	AccountId: Clone + PartialEq + Eq + Debug,
	Balance: Clone + PartialEq + Eq + Debug + Zero,
	PollIndex: Clone + PartialEq + Eq + Debug,
	MaxVotes: Get<u32>,
{
	fn default() -> Self {
		Self {
			votes: BoundedVec::default(),
			delegations: Zero::zero(),
			delegated_reputation: DecayingWeight::default(),
			delegators: 0,
			delegating: None,
		}
	}
}

impl<AccountId, Balance, PollIndex, MaxVotes> Voting<AccountId, Balance, PollIndex, MaxVotes>
where
	AccountId: Clone + PartialEq + Eq + Debug,
	Balance: Clone + PartialEq + Eq + Debug + Copy + Ord + Zero,
	PollIndex: Clone + PartialEq + Eq + Debug + Copy + Ord,
	MaxVotes: Get<u32>,
{
	/// No votes, nothing delegated to the account, and not delegating: the record is not
	/// stored.
	pub fn is_empty(&self) -> bool {
		self.votes.is_empty()
			&& self.delegations.is_zero()
			&& self.delegated_reputation.is_zero()
			&& self.delegators == 0
			&& self.delegating.is_none()
	}

	/// The record of the vote on `poll`, if any.
	pub fn record(&self, poll: PollIndex) -> Option<&VoteRecord<AccountId, Balance>> {
		self.votes
			.binary_search_by_key(&poll, |x| x.0)
			.ok()
			.and_then(|i| self.votes.get(i))
			.map(|x| &x.1)
	}

	/// The record of the vote on `poll`, if any, for changing it.
	pub fn record_mut(&mut self, poll: PollIndex) -> Option<&mut VoteRecord<AccountId, Balance>> {
		let i = self.votes.binary_search_by_key(&poll, |x| x.0).ok()?;
		self.votes.get_mut(i).map(|x| &mut x.1)
	}

	/// Number of stored votes.
	pub fn vote_count(&self) -> u32 {
		u32::try_from(self.votes.len()).unwrap_or(u32::MAX)
	}

	/// The balance this record needs frozen: the largest of its token votes and its token
	/// delegation.
	pub fn token_lock(&self) -> Balance {
		let votes = self.votes.iter().map(|(_, record)| record.token_lock());
		let delegation =
			self.delegating.iter().filter(|d| d.scheme == Scheme::Token).map(|d| d.amount);
		votes.chain(delegation).max().unwrap_or_else(Zero::zero)
	}
}

/// The running aggregates of an ongoing poll with its approval and support, for clients
/// (runtime API) and the governance-metrics report (DESIGN §8).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct PollMetrics<Balance> {
	/// The scheme of the poll.
	pub scheme: Scheme,
	/// Weight for the proposal.
	pub ayes: Balance,
	/// Weight against the proposal.
	pub nays: Balance,
	/// Weight abstaining.
	pub abstains: Balance,
	/// The support numerator of the scheme.
	pub support: Balance,
	/// Ballots counted (a delegate's ballot counts once).
	pub voters: u32,
	/// Sum of the ballot weights.
	pub total_weight: Balance,
	/// Sum of the squared ballot weights (for the Herfindahl–Hirschman index and the effective
	/// number of voters: `total_weight² / sum_of_squares`).
	pub sum_of_squares: U256,
	/// Council members recused from the poll.
	pub recused: u32,
	/// The support denominator of the scheme (active issuance, persons, total weighted
	/// reputation or non-recused seats).
	pub electorate: u128,
	/// `ayes / (ayes + nays)`.
	pub approval: Perbill,
	/// `support / electorate`.
	pub support_ratio: Perbill,
}
