//! Voting schemes and the council: the scheme a class's polls are counted in, and the traits
//! through which `pallet-voting` and `pallet-constitution` use each other (the runtime wires
//! them together).

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{DispatchResult, Perbill};

use crate::DomainId;

/// The scheme in which the polls of a class are counted (DESIGN §3, "Voting schemes"). It is
/// fixed into a poll's tally when the poll is created.
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
pub enum Scheme {
	/// Any account; weight = the balance it freezes for the vote (plus delegated balance).
	Token,
	/// Persons only; `v` votes cost `v²` voice credits from an equal per-epoch budget.
	Quadratic,
	/// Weight = the voter's current domain-weighted reputation (plus delegated reputation).
	Reputation,
	/// One vote per council seat; recused members leave the electorate.
	Council,
}

impl Scheme {
	/// Whether weight can be delegated in this scheme (token and reputation only).
	pub fn is_delegable(self) -> bool {
		matches!(self, Scheme::Token | Scheme::Reputation)
	}
}

/// The scheme a class's polls are counted in; fixed into the tally when the poll is created.
pub trait SchemeOf<Class> {
	/// The scheme of the polls of `class`.
	fn scheme(class: &Class) -> Scheme;

	/// Domain weights for Reputation-scheme classes (at most 8 entries, each costing one
	/// reputation read per vote; empty for other schemes). A ballot's reputation weight is
	/// `Σ weight · score(domain)`, and the support denominator `Σ weight · total(domain)`.
	fn reputation_weights(class: &Class) -> Vec<(DomainId, Perbill)>;
}

/// How many accounts delegate in a class (used by the constitution, which refuses to change
/// how a class's delegations are counted while there are any). O(1).
pub trait DelegationCount<Class> {
	/// Number of accounts delegating their weight in `class`.
	fn delegations(class: &Class) -> u32;
}

/// Nobody delegates.
impl<Class> DelegationCount<Class> for () {
	fn delegations(_: &Class) -> u32 {
		0
	}
}

/// The council electorate (`pallet-constitution` implements it with its seats).
pub trait Members<AccountId> {
	/// Whether `who` holds a council seat.
	fn is_member(who: &AccountId) -> bool;

	/// Number of council seats held.
	fn member_count() -> u32;

	/// Benchmarks only: seat `who` on the council (bypassing the seat rules). Does nothing by
	/// default.
	#[cfg(feature = "runtime-benchmarks")]
	fn make_member(_who: &AccountId) {}
}

/// Nobody sits on the council.
impl<AccountId> Members<AccountId> for () {
	fn is_member(_: &AccountId) -> bool {
		false
	}

	fn member_count() -> u32 {
		0
	}
}

/// Recusal of a council member from one poll (used by the constitution's conflict-of-interest
/// rules). The caller does its own origin checks and charges `WeightInfo::recuse(MaxVotes)`.
pub trait Recusal<AccountId, PollIndex> {
	/// Recuse `who` from the ongoing council poll `poll`: any vote it cast is removed from the
	/// tally, it can no longer vote on the poll, and it leaves the poll's electorate.
	fn recuse(who: &AccountId, poll: PollIndex) -> DispatchResult;

	/// Whether `who` is recused from the ongoing poll `poll` (`false` once it is not ongoing).
	fn is_recused(who: &AccountId, poll: PollIndex) -> bool;
}

/// Removal of the ballots of an account leaving the council (used by the constitution when a
/// member is unseated or its term lapses), so that a former member's votes do not decide ongoing
/// council polls.
pub trait CouncilBallots<AccountId> {
	/// Most ballots an account keeps in one class (`MaxVotes`): the most the caller should
	/// let one call of [`Self::remove_council_ballots`] remove, and benchmark.
	fn max_ballots() -> u32;

	/// Remove `who`'s ballots (not its recusals) from the ongoing council polls, at most `max`
	/// of them, as if `who` removed them itself. Returns how many were removed. Never fails: a
	/// ballot that cannot be removed is left as it is.
	fn remove_council_ballots(who: &AccountId, max: u32) -> u32;
}
