//! Reputation and personhood: the traits through which pallets (voting, the constitution,
//! quadratic funding) use them, implemented by `pallet-reputation` in the runtime.

use frame_support::weights::Weight;
use sp_runtime::{DispatchError, Perbill};

use crate::PersonId;

/// Read access to current (decayed) reputation.
///
/// Every score is the value at the current block, with decay applied; see [`crate::decay`] for
/// the rounding bound.
pub trait ReputationProvider<AccountId, DomainId> {
	/// Current score of `who` in `domain` (`0` for an unknown domain).
	fn score(who: &AccountId, domain: DomainId) -> u128;

	/// Sum of the current scores of `who` over all domains (at most `MaxDomains` reads).
	fn total_score(who: &AccountId) -> u128;

	/// `Σ weight · score(who, domain)` over `weights` (each product rounded down). A domain listed
	/// twice counts twice; unknown domains count zero. Costs one score read per entry.
	fn weighted_score(who: &AccountId, weights: &[(DomainId, Perbill)]) -> u128;

	/// Current total reputation in `domain`: the sum of all scores, within the bound stated in
	/// [`crate::decay`] (`0` for an unknown domain).
	fn domain_total(domain: DomainId) -> u128;

	/// `Σ weight · domain_total(domain)` over `weights`: the denominator matching
	/// [`Self::weighted_score`] (e.g. for a support threshold).
	fn weighted_total(weights: &[(DomainId, Perbill)]) -> u128;

	/// The current reading of the *fastest decay clock* (Q32 half-lives, non-decreasing): between
	/// any two blocks it advances at least as far as the decay clock of every domain. An amount
	/// of reputation read at clock `c` and decayed with [`crate::decay::decay`] by
	/// `fastest_clock() − c` is never more than what the same reputation is worth now (up to
	/// the rounding stated in [`crate::decay`]), whatever its domains: this is how a snapshot
	/// (a ballot, a delegation) stays a lower bound of the reputation it was taken from.
	/// One storage read.
	fn fastest_clock() -> u128;

	/// Benchmarks only: give `who` a score of (at least) `amount` in every domain listed in
	/// `weights` (creating the domains if needed). Does nothing by default.
	#[cfg(feature = "runtime-benchmarks")]
	fn set_reputation(_who: &AccountId, _weights: &[(DomainId, Perbill)], _amount: u128) {}
}

/// Read access to personhood credentials.
pub trait PersonhoodProvider<AccountId> {
	/// Whether `who` holds a credential that has not expired and whose issuer is still
	/// authorised.
	fn is_person(who: &AccountId) -> bool;

	/// The person `who` holds a valid credential for, if any (the same id across the person's
	/// key rotations).
	fn person_of(who: &AccountId) -> Option<PersonId>;

	/// Number of valid credentials (unexpired, from an authorised issuer): the number of
	/// persons. Expired credentials stop counting in the block they expire, before they are
	/// purged. O(1).
	fn person_count() -> u32;

	/// Benchmarks only: make `who` a person with a valid credential for the longest duration
	/// (a person id of its own). Does nothing by default.
	#[cfg(feature = "runtime-benchmarks")]
	fn make_person(_who: &AccountId) {}
}

/// Told when a personhood credential is removed (revoked or purged), so that what the account
/// did as that person can be undone (e.g. its quadratic ballots on ongoing polls).
pub trait OnCredentialRemoved<AccountId> {
	/// `who`'s credential for `person` was removed. Returns the weight used, at most
	/// [`Self::max_weight`].
	fn on_credential_removed(who: &AccountId, person: PersonId) -> Weight;

	/// The most [`Self::on_credential_removed`] may cost (charged up front by the calls that
	/// remove credentials).
	fn max_weight() -> Weight;
}

/// Told when an account's reputation is slashed, so that weight it carries elsewhere (its
/// reputation ballots and delegations on ongoing polls) is recomputed in the same block.
pub trait OnReputationSlashed<AccountId> {
	/// `who`'s reputation was slashed. Returns the weight used, at most [`Self::max_weight`].
	fn on_slashed(who: &AccountId) -> Weight;

	/// The most [`Self::on_slashed`] may cost (charged up front by the slashing call).
	fn max_weight() -> Weight;
}

/// Nothing to recompute.
impl<AccountId> OnReputationSlashed<AccountId> for () {
	fn on_slashed(_: &AccountId) -> Weight {
		Weight::zero()
	}
	fn max_weight() -> Weight {
		Weight::zero()
	}
}

/// Nothing to undo.
impl<AccountId> OnCredentialRemoved<AccountId> for () {
	fn on_credential_removed(_: &AccountId, _: PersonId) -> Weight {
		Weight::zero()
	}
	fn max_weight() -> Weight {
		Weight::zero()
	}
}

/// Slashing of reputation by other pallets (e.g. the constitution's conflict-of-interest
/// challenges). The caller is responsible for its own origin checks and for charging
/// `WeightInfo::slash(n)` for the `n` domains touched (`MaxDomains` when `domain` is `None`),
/// plus [`Self::on_slashed_max_weight`] (the slashed account's ballots are re-weighed).
pub trait ReputationSlasher<AccountId, DomainId, Hash> {
	/// Remove `fraction` of the reputation of `who` in `domain` (or in every domain if `None`),
	/// recording `reason`. Returns the number of points removed.
	fn slash(
		who: &AccountId,
		domain: Option<DomainId>,
		fraction: Perbill,
		reason: Hash,
	) -> Result<u128, DispatchError>;

	/// The most the work that follows one [`Self::slash`] may cost (in `pallet-reputation`:
	/// `Config::OnSlashed::max_weight()`, re-weighing the slashed account's ballots and
	/// delegations): what a caller charges on top of `WeightInfo::slash(n)`.
	fn on_slashed_max_weight() -> Weight;
}

/// No reputation at all: for runtimes or tests without the pallet.
impl<AccountId, DomainId> ReputationProvider<AccountId, DomainId> for () {
	fn score(_: &AccountId, _: DomainId) -> u128 {
		0
	}
	fn total_score(_: &AccountId) -> u128 {
		0
	}
	fn fastest_clock() -> u128 {
		0
	}
	fn weighted_score(_: &AccountId, _: &[(DomainId, Perbill)]) -> u128 {
		0
	}
	fn domain_total(_: DomainId) -> u128 {
		0
	}
	fn weighted_total(_: &[(DomainId, Perbill)]) -> u128 {
		0
	}
}

/// Nobody is a person: for runtimes or tests without the pallet.
impl<AccountId> PersonhoodProvider<AccountId> for () {
	fn is_person(_: &AccountId) -> bool {
		false
	}
	fn person_of(_: &AccountId) -> Option<PersonId> {
		None
	}
	fn person_count() -> u32 {
		0
	}
}
