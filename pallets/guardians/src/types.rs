//! Types stored and exchanged by the guardians pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;

use crate::Config;

/// Identifier of an emergency measure.
pub type MeasureId = u32;

/// How a measure ends.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Ending {
	/// Lifted before its end, by its guardian or the ratification class.
	Lifted,
	/// A hold confirmed by the ratification class (its decision is cancelled).
	Confirmed,
	/// It reached its end.
	Lapsed,
}

/// The guardians and the end of their mandate, as stored by the pallet.
pub type GuardianMandateOf<T> = GuardianMandate<
	BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxGuardians>,
	BlockNumberFor<T>,
>;

/// The guardians and the block at which their mandate ends.
#[derive(
	Clone,
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
pub struct GuardianMandate<Members, BlockNumber> {
	/// The guardians (no duplicates).
	pub members: Members,
	/// The block at which their mandate ends: from then on none of them may take or lift a
	/// measure.
	pub mandate_end: BlockNumber,
}

/// Maximum length of a pallet or call name in a [`Measure::PauseCall`], in bytes.
pub const MAX_CALL_NAME_LEN: u32 = 32;

/// The name of a pallet or of a call, as `pallet-tx-pause` names them.
pub type CallName = BoundedVec<u8, ConstU32<MAX_CALL_NAME_LEN>>;

/// An emergency measure, as taken by a guardian.
pub type MeasureOf<T> = Measure<<T as Config>::ArtifactHash, <T as Config>::DecisionId>;

/// An emergency measure in force, as stored by the pallet.
pub type MeasureInfoOf<T> = MeasureInfo<
	<T as frame_system::Config>::AccountId,
	BlockNumberFor<T>,
	<T as frame_system::Config>::Hash,
	MeasureOf<T>,
>;

/// An emergency measure a guardian may take, and its target: one measure per target at a time,
/// and a target whose last measure was not ratified cools down (see [`crate::Cooldowns`]).
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub enum Measure<ArtifactHash, DecisionId> {
	/// Suspend an artifact of the registry. The artifact pallet ends the suspension at the
	/// measure's end.
	#[codec(index = 0)]
	SuspendArtifact(ArtifactHash),
	/// Put the chain in safe mode. The safe-mode pallet exits it at the measure's end.
	#[codec(index = 1)]
	SafeMode,
	/// Pause one call, named as `pallet-tx-pause` names it (unpaused at the measure's end).
	#[codec(index = 2)]
	PauseCall {
		/// The pallet's name in the runtime (not empty).
		pallet: CallName,
		/// The call's name (not empty).
		call: CallName,
	},
	/// Put a decision of the constitution on hold: it cannot be closed or enacted until the
	/// ratification class confirms the cancellation ([`crate::Pallet::confirm_hold`]: the
	/// decision is rejected) or the measure ends (the decision resumes, its clock restored).
	#[codec(index = 3)]
	HoldDecision(DecisionId),
}

/// An emergency measure in force.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct MeasureInfo<AccountId, BlockNumber, Hash, M> {
	/// The guardian who took it.
	pub guardian: AccountId,
	/// The measure.
	pub measure: M,
	/// Hash of the guardian's stated reason.
	pub reason: Hash,
	/// The block it was taken at.
	pub created: BlockNumber,
	/// The block at whose start it ends. While the brake is the measure's own, the brake's
	/// pallet ends it at that block too (see [`crate::EmergencyBrakes`]).
	pub expires: BlockNumber,
	/// How many times the ratification class extended it (a ratified measure is lifted only by
	/// the ratification class, and no cooldown follows it).
	pub extensions: u32,
}

/// Who lifted a measure before its end.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Lifter {
	/// The sitting guardian who took it.
	#[codec(index = 0)]
	Guardian,
	/// The ratification class.
	#[codec(index = 1)]
	Governance,
}

/// What ending a measure did to its brake.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Release {
	/// The measure's brake was released (lifted, exited, unpaused or resumed) by this pallet.
	#[codec(index = 0)]
	Released,
	/// The brake's own pallet ends it at the measure's end (an artifact suspension, safe mode).
	#[codec(index = 1)]
	EndsByItself,
	/// The brake is no longer the measure's own (governance changed, extended or released it,
	/// or the target is gone): nothing was touched.
	#[codec(index = 2)]
	NotOwn,
}
