//! The guardians (DESIGN §3): emergency measures that lapse unless governance ratifies them.
//!
//! `pallet-guardians` keeps the guardian set and its mandate, and the measures; this module
//! connects it to the rest of the runtime:
//!
//! - the guardians are set by the constitution's amendment class, and their measures are
//!   ratified, lifted and (holds) confirmed by its ratification class;
//! - [`OstromBrakes`] are the brakes guardians pull, through each pallet's own interface and never
//!   its storage: artifact suspension (`pallet-artifacts`' `EmergencySuspension`, which ends the
//!   suspension itself), safe mode (`frame_support::traits::SafeMode` of `pallet-safe-mode`,
//!   which exits itself) and call pauses (`frame_support::traits::TransactionPause` of
//!   `pallet-tx-pause`);
//! - [`ConstitutionHolds`] puts decisions on hold through `pallet-constitution`, which decides
//!   which decisions may be held.

use frame_support::{
	parameter_types,
	traits::{ConstU32, SafeMode as SafeModeTrait, TransactionPause},
};
use pallet_constitution::DecisionId;
use sp_runtime::{DispatchError, DispatchResult};

use crate::{
	configs::constitution::{classes, EnsureClass},
	time::DAYS,
	Artifacts, BlockNumber, Constitution, Runtime, RuntimeEvent, SafeMode, System, TxPause,
};

parameter_types! {
	/// A guardian's measure lasts at most three days unless the ratification class extends it.
	pub const MaxMeasureDuration: BlockNumber = 3 * DAYS;
	/// After an unratified measure ends, no guardian may take one on the same target for three
	/// days (at least `MaxMeasureDuration`): only the ratification class keeps a brake on longer.
	pub const MeasureCooldown: BlockNumber = 3 * DAYS;
	/// One ratification extends a measure by at most a week.
	pub const MaxMeasureExtension: BlockNumber = 7 * DAYS;
}

/// How many times the ratification class may extend one measure.
pub const MAX_RATIFICATIONS: u32 = 2;

/// Longest an emergency measure can last: its maximum duration plus every ratification, worked
/// out from those parameters. An artifact suspension must be able to last that long
/// (`pallet-artifacts`' `MaxSuspension`, checked where it is set).
pub const MAX_MEASURE_LIFETIME: BlockNumber = MaxMeasureDuration::get()
	.saturating_add(MaxMeasureExtension::get().saturating_mul(MAX_RATIFICATIONS));

/// Block at which the development guardians' mandate ends.
pub const DEV_MANDATE_END: BlockNumber = 90 * DAYS;

impl pallet_guardians::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = crate::weights::pallet_guardians::WeightInfo<Runtime>;
	type ArtifactHash = pallet_artifacts::ContentHash;
	type DecisionId = DecisionId;
	type Brakes = OstromBrakes;
	type Decisions = ConstitutionHolds;
	/// Only an amendment (both houses, entrenched) changes the guardians; not even Root.
	type AmendOrigin = EnsureClass<frame_support::traits::ConstU8<{ classes::AMENDMENT }>>;
	/// The council's emergency-ratification class.
	type RatifyOrigin =
		EnsureClass<frame_support::traits::ConstU8<{ classes::EMERGENCY_RATIFICATION }>>;
	type MaxGuardians = ConstU32<8>;
	/// Two measures in force per guardian: eight guardians fill at most the sixteen slots.
	type MaxMeasures = ConstU32<16>;
	type MaxMeasuresPerGuardian = ConstU32<2>;
	/// Two holds per guardian per mandate.
	type MaxHoldsPerMandate = ConstU32<2>;
	type MaxMeasureDuration = MaxMeasureDuration;
	type Cooldown = MeasureCooldown;
	type MaxExtension = MaxMeasureExtension;
	type MaxRatifications = ConstU32<MAX_RATIFICATIONS>;
	type MaxExpiriesPerBlock = ConstU32<4>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::GuardiansBenchmarkHelper;
}

/// The emergency brakes, each pulled through its pallet's own interface.
pub struct OstromBrakes;
impl pallet_guardians::EmergencyBrakes<pallet_artifacts::ContentHash, BlockNumber>
	for OstromBrakes
{
	fn artifact_suspended_until(hash: &pallet_artifacts::ContentHash) -> Option<BlockNumber> {
		match pallet_artifacts::Artifacts::<Runtime>::get(hash)?.stage {
			pallet_artifacts::Stage::Suspended { until, .. } => Some(until),
			_ => None,
		}
	}

	fn suspend_artifact(
		hash: &pallet_artifacts::ContentHash,
		until: BlockNumber,
	) -> DispatchResult {
		<Artifacts as pallet_artifacts::EmergencySuspension<_, _>>::suspend(*hash, until)
	}

	fn lift_artifact(hash: &pallet_artifacts::ContentHash) -> DispatchResult {
		<Artifacts as pallet_artifacts::EmergencySuspension<_, _>>::lift(*hash)
	}

	/// `pallet-safe-mode` stays entered through block `EnteredUntil` and exits at the start of
	/// the next (read only; `remaining()` saturates at zero in that block).
	fn safe_mode_until() -> Option<BlockNumber> {
		pallet_safe_mode::EnteredUntil::<Runtime>::get().map(|until| until.saturating_add(1))
	}

	fn enter_safe_mode(until: BlockNumber) -> DispatchResult {
		let duration = until.saturating_sub(System::block_number()).saturating_sub(1);
		<SafeMode as SafeModeTrait>::enter(duration)
			.map_err(|_| DispatchError::Other("safe mode is entered"))
	}

	fn extend_safe_mode(by: BlockNumber) -> DispatchResult {
		<SafeMode as SafeModeTrait>::extend(by)
			.map_err(|_| DispatchError::Other("safe mode is not entered"))
	}

	fn exit_safe_mode() -> DispatchResult {
		<SafeMode as SafeModeTrait>::exit()
			.map_err(|_| DispatchError::Other("safe mode is not entered"))
	}

	fn is_paused(pallet: &[u8], call: &[u8]) -> bool {
		call_name(pallet, call).is_ok_and(<TxPause as TransactionPause>::is_paused)
	}

	fn pause(pallet: &[u8], call: &[u8]) -> DispatchResult {
		<TxPause as TransactionPause>::pause(call_name(pallet, call)?)
			.map_err(|_| DispatchError::Other("the call cannot be paused"))
	}

	fn unpause(pallet: &[u8], call: &[u8]) -> DispatchResult {
		<TxPause as TransactionPause>::unpause(call_name(pallet, call)?)
			.map_err(|_| DispatchError::Other("the call is not paused"))
	}
}

/// A call's full name as `pallet-tx-pause` takes it.
fn call_name(
	pallet: &[u8],
	call: &[u8],
) -> Result<pallet_tx_pause::RuntimeCallNameOf<Runtime>, DispatchError> {
	let too_long = DispatchError::Other("call name too long");
	Ok((
		pallet.to_vec().try_into().map_err(|_| too_long)?,
		call.to_vec().try_into().map_err(|_| too_long)?,
	))
}

/// Decision holds, as `pallet-constitution` implements them (it refuses the amendment and
/// ratification classes).
pub struct ConstitutionHolds;
impl pallet_guardians::DecisionHold<DecisionId> for ConstitutionHolds {
	fn hold(decision: DecisionId) -> DispatchResult {
		Constitution::hold_decision(decision)
	}

	fn resume(decision: DecisionId) -> DispatchResult {
		Constitution::resume_decision(decision)
	}

	fn cancel(decision: DecisionId) -> DispatchResult {
		Constitution::cancel_held_decision(decision)
	}

	fn is_held(decision: DecisionId) -> bool {
		Constitution::is_on_hold(decision)
	}
}
