//! Traits connecting the artifacts pallet to the rest of the runtime: who may attest (provided by
//! the runtime, e.g. from pallet-reputation's attesters), and emergency suspension (provided by
//! this pallet, used by the constitution's guardians).

use frame_support::weights::Weight;
use sp_runtime::DispatchResult;

use crate::types::AttestationType;

/// Who may attest artifacts.
///
/// The runtime implements it, typically with pallet-reputation's attesters of the evaluation
/// domain (reproductions, evaluation scores, reviews) and of the safety domain (red-team scores).
pub trait ArtifactAttesters<AccountId> {
	/// Whether `who` may make attestations of type `kind`.
	fn is_attester(who: &AccountId, kind: AttestationType) -> bool;

	/// Make `who` an attester of `kind` (benchmarks only).
	#[cfg(feature = "runtime-benchmarks")]
	fn authorise(who: &AccountId, kind: AttestationType);
}

/// Nobody may attest: for runtimes or tests without attesters.
impl<AccountId> ArtifactAttesters<AccountId> for () {
	fn is_attester(_: &AccountId, _: AttestationType) -> bool {
		false
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn authorise(_: &AccountId, _: AttestationType) {}
}

/// Emergency suspension of an artifact, for the constitution's emergency measures.
///
/// A suspension ends by itself: at the start of block `until` the artifact's previous stage is
/// restored, unless the suspension was lifted or changed before. The caller does its own origin
/// checks and charges [`Self::suspend_weight`] / [`Self::lift_weight`].
pub trait EmergencySuspension<Hash, BlockNumber> {
	/// Suspend `hash` until block `until` (after the current block, at most the pallet's
	/// maximum suspension ahead). Suspending a suspended artifact again replaces its end block
	/// and keeps the stage it will be restored to.
	fn suspend(hash: Hash, until: BlockNumber) -> DispatchResult;

	/// End the suspension of `hash` now, restoring its previous stage.
	fn lift(hash: Hash) -> DispatchResult;

	/// Worst-case weight of [`Self::suspend`].
	fn suspend_weight() -> Weight;

	/// Worst-case weight of [`Self::lift`].
	fn lift_weight() -> Weight;
}

/// Suspension is not available: every call fails.
impl<Hash, BlockNumber> EmergencySuspension<Hash, BlockNumber> for () {
	fn suspend(_: Hash, _: BlockNumber) -> DispatchResult {
		Err(sp_runtime::DispatchError::Other("artifact suspension is not available"))
	}

	fn lift(_: Hash) -> DispatchResult {
		Err(sp_runtime::DispatchError::Other("artifact suspension is not available"))
	}

	fn suspend_weight() -> Weight {
		Weight::zero()
	}

	fn lift_weight() -> Weight {
		Weight::zero()
	}
}
