//! Traits through which the runtime connects the guardians to the brakes they pull
//! (`pallet-artifacts`, `pallet-safe-mode`, `pallet-tx-pause`) and to the decisions they may
//! put on hold (`pallet-constitution`).

use sp_runtime::{DispatchError, DispatchResult};

#[cfg(feature = "runtime-benchmarks")]
use crate::Measure;

/// The emergency brakes guardians may pull.
///
/// Each brake's end belongs to one pallet: an artifact suspension ends by itself in the artifact
/// pallet and safe mode in the safe-mode pallet, at the block this pallet asks for; a call pause
/// (which has no end of its own) is unpaused by this pallet. The queries tell whether a brake is
/// still the one a measure set (same end), so that ending a measure never releases what
/// governance set or changed. Each function may do at most the work of one call of the
/// underlying pallet (the benchmarks measure it).
///
/// Ostrom implements it with `pallet-artifacts`' `EmergencySuspension`,
/// `frame_support::traits::SafeMode` (`pallet-safe-mode`) and
/// `frame_support::traits::TransactionPause` (`pallet-tx-pause`), without touching their
/// storage.
pub trait EmergencyBrakes<ArtifactHash, BlockNumber> {
	/// The block at whose start the suspension of artifact `hash` ends, if it is suspended.
	fn artifact_suspended_until(hash: &ArtifactHash) -> Option<BlockNumber>;

	/// Suspend artifact `hash` until block `until`, or move the end of its suspension to
	/// `until`.
	fn suspend_artifact(hash: &ArtifactHash, until: BlockNumber) -> DispatchResult;

	/// End the suspension of artifact `hash` now.
	fn lift_artifact(hash: &ArtifactHash) -> DispatchResult;

	/// The block at whose start safe mode ends, if it is entered.
	fn safe_mode_until() -> Option<BlockNumber>;

	/// Enter safe mode (not entered now) until the start of block `until`.
	fn enter_safe_mode(until: BlockNumber) -> DispatchResult;

	/// Extend safe mode (entered now) by `by` blocks.
	fn extend_safe_mode(by: BlockNumber) -> DispatchResult;

	/// Exit safe mode now.
	fn exit_safe_mode() -> DispatchResult;

	/// Whether the call `call` of pallet `pallet` is paused.
	fn is_paused(pallet: &[u8], call: &[u8]) -> bool;

	/// Pause the call `call` of pallet `pallet` (names as in the runtime's metadata).
	fn pause(pallet: &[u8], call: &[u8]) -> DispatchResult;

	/// Unpause the call `call` of pallet `pallet`.
	fn unpause(pallet: &[u8], call: &[u8]) -> DispatchResult;
}

/// Holds, resumes and cancels decisions (`pallet-constitution` in Ostrom).
///
/// The implementing pallet decides which decisions may be held (in Ostrom: never a decision of
/// the amendment class, which alone changes the guardians, nor of the ratification class, which
/// oversees them). A held decision keeps its polls running but cannot be closed or enacted.
pub trait DecisionHold<DecisionId> {
	/// Put decision `decision` on hold. Fails with a named error if there is no such open
	/// decision, if it may not be held, or if it is held already; on error nothing changes.
	fn hold(decision: DecisionId) -> DispatchResult;

	/// End the hold of `decision`: it moves on again, with the time it spent on hold added to
	/// its clock. `Ok` if it is not held (or closed meanwhile).
	fn resume(decision: DecisionId) -> DispatchResult;

	/// Cancel the held decision `decision`: it is rejected and closed, its ongoing polls
	/// cancelled. Fails if it is not held.
	fn cancel(decision: DecisionId) -> DispatchResult;

	/// Whether `decision` is on hold.
	fn is_held(decision: DecisionId) -> bool;
}

/// No decisions: every hold fails.
impl<DecisionId> DecisionHold<DecisionId> for () {
	fn hold(_: DecisionId) -> DispatchResult {
		Err(DispatchError::Other("no decisions to hold"))
	}
	fn resume(_: DecisionId) -> DispatchResult {
		Ok(())
	}
	fn cancel(_: DecisionId) -> DispatchResult {
		Err(DispatchError::Other("no decisions to hold"))
	}
	fn is_held(_: DecisionId) -> bool {
		false
	}
}

/// What the benchmarks need from the runtime.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<ArtifactHash, DecisionId> {
	/// A brake measure (not a hold) a guardian can take now, the `i`-th of distinct targets,
	/// as expensive to take, extend and release as any (e.g. suspending a registered artifact).
	fn measure(i: u32) -> Measure<ArtifactHash, DecisionId>;

	/// An open decision that may be held, the `i`-th of distinct ones, as expensive to cancel
	/// as any.
	fn decision(i: u32) -> DecisionId;
}
