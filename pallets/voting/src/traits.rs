//! Traits through which the runtime (and later the constitution pallet) configures the voting
//! pallet, and through which other pallets use it.

use alloc::vec::Vec;
use sp_runtime::{DispatchResult, Perbill};

use crate::{DomainId, Scheme};

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

/// The council electorate (the constitution pallet implements it later; a static set in the
/// mock).
pub trait Members<AccountId> {
	/// Whether `who` holds a council seat.
	fn is_member(who: &AccountId) -> bool;

	/// Number of council seats held.
	fn member_count() -> u32;
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

/// What the benchmarks need from the runtime to vote in every scheme.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Give `who` a valid personhood credential.
	fn make_person(who: &AccountId);

	/// Give `who` a score of (at least) `amount` in every domain listed in `weights`.
	fn set_reputation(who: &AccountId, weights: &[(DomainId, Perbill)], amount: u128);

	/// Seat `who` on the council.
	fn make_member(who: &AccountId);
}

/// Does nothing: benchmarks of quadratic, reputation and council votes fail with it.
#[cfg(feature = "runtime-benchmarks")]
impl<AccountId> BenchmarkHelper<AccountId> for () {
	fn make_person(_: &AccountId) {}
	fn set_reputation(_: &AccountId, _: &[(DomainId, Perbill)], _: u128) {}
	fn make_member(_: &AccountId) {}
}
