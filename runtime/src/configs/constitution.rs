//! The constitution (DESIGN §3): decision classes, the council and the community chamber,
//! amendments, conflicts of interest, appeals and emergency measures.
//!
//! `pallet-constitution` owns the class table; this module connects it to the rest of the
//! runtime:
//!
//! - [`ReferendaPolls`] opens each house's poll as a referendum of `pallet-referenda` (whose
//!   tracks the constitution derives from the class table) and reads its outcome;
//! - [`SchedulerEnactor`] schedules an approved decision's call through `pallet-scheduler`;
//! - [`OstromBrakes`] are the emergency brakes guardians may pull: artifact suspension
//!   (`pallet-artifacts`), safe mode (`pallet-safe-mode`) and call pauses (`pallet-tx-pause`);
//! - [`EnsureClassOrRoot`] lets each pallet accept the approved decisions of the classes that
//!   govern it (see the class map in the README and `docs/constitution.md`).

use alloc::boxed::Box;
use frame_support::{
	parameter_types,
	traits::{
		schedule::{v3::Anon as ScheduleAnon, DispatchTime},
		ConstU32, ConstU8, Contains, EitherOf, EnsureOriginWithArg, StorePreimage,
	},
};
use frame_system::EnsureRoot;
use pallet_constitution::{
	enactment_origin, BoundedCallOf, ClassId, DispatchAs, Origin, PollOutcome,
};
use pallet_referenda::ReferendumInfo;
use sp_runtime::{DispatchError, DispatchResult, Perbill};

use crate::{
	configs::monetary::TreasuryAccount, currency::UNIT, time::DAYS, AccountId, Artifacts, Balance,
	Balances, BlockNumber, OriginCaller, Preimage, Referenda, Reputation, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeHoldReason, RuntimeOrigin, SafeMode, Scheduler, TxPause, Voting,
};

pub use pallet_constitution::{presets::classes, EnsureClass};

/// Accepts Root, or an approved decision of class `C` (`Origin::Class(C)`).
pub type EnsureClassOrRoot<const C: ClassId> =
	EitherOf<EnsureRoot<AccountId>, EnsureClass<ConstU8<C>>>;

parameter_types! {
	/// Held from the proposer of a decision until it ends (the polls' own deposits come on top).
	pub const DecisionDeposit: Balance = 10 * UNIT;
	/// Held from an appellant: returned if the community upholds the appeal, slashed if not.
	pub const AppealDeposit: Balance = 50 * UNIT;
	/// Held from a challenger: returned if the council upholds the challenge, slashed if not.
	pub const ChallengeDeposit: Balance = 50 * UNIT;
	/// A member whose undeclared conflict is upheld loses a fifth of its reputation.
	pub const ChallengeSlash: Perbill = Perbill::from_percent(20);
	/// A decision or challenge still undecided after 30 days can be expired by anyone.
	pub const MaxDecisionAge: BlockNumber = 30 * DAYS;
	/// A guardian's measure lasts at most three days unless the council ratifies it.
	pub const MaxMeasureDuration: BlockNumber = 3 * DAYS;
	/// One ratification extends a measure by at most a week.
	pub const MaxMeasureExtension: BlockNumber = 7 * DAYS;
	/// The entrenched floor of the amendment class: no amendment can let a poll of the
	/// amendment class pass with less than two thirds approval.
	pub AmendmentApprovalFloor: Perbill = Perbill::from_rational(2u32, 3u32);
}

/// What a runtime-upgrade decision approved by the community override alone (against the
/// council) may enact: authorizing a runtime upgrade, nothing else Root could do.
pub struct UpgradeAuthorizations;
impl Contains<RuntimeCall> for UpgradeAuthorizations {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(
			call,
			RuntimeCall::System(
				frame_system::Call::authorize_upgrade { .. }
					| frame_system::Call::authorize_upgrade_without_checks { .. }
			)
		)
	}
}

/// Longest an emergency measure can last: its maximum duration plus every ratification. An
/// artifact suspension must be able to last that long (`pallet-artifacts`' `MaxSuspension`).
pub const MAX_MEASURE_LIFETIME: BlockNumber = 3 * DAYS + 2 * 7 * DAYS;

impl pallet_constitution::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = crate::weights::pallet_constitution::WeightInfo<Runtime>;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	/// Slashed appeal and challenge deposits go to the treasury.
	type Slash = frame_support::traits::tokens::imbalance::ResolveTo<TreasuryAccount, Balances>;
	type PollIndex = u32;
	type Polls = ReferendaPolls;
	type Enactor = SchedulerEnactor;
	type Recusal = Voting;
	/// Decisions proposed by hash pin their preimage until they close.
	type Preimages = Preimage;
	type OverrideCalls = UpgradeAuthorizations;
	type AmendmentApprovalFloor = AmendmentApprovalFloor;
	type Reputation = Reputation;
	type Slasher = Reputation;
	type ArtifactHash = pallet_artifacts::ContentHash;
	type Brakes = OstromBrakes;
	type DecisionDeposit = DecisionDeposit;
	type AppealDeposit = AppealDeposit;
	type ChallengeDeposit = ChallengeDeposit;
	type ChallengeSlash = ChallengeSlash;
	type MaxDecisionAge = MaxDecisionAge;
	/// Track ids are `class · 4 + kind`, so 32 classes use ids 0..128.
	type MaxClasses = ConstU32<32>;
	type MaxSeats = ConstU32<16>;
	type MaxGuardians = ConstU32<8>;
	type MaxMeasures = ConstU32<16>;
	type MaxMeasureDuration = MaxMeasureDuration;
	type MaxExtension = MaxMeasureExtension;
	type MaxRatifications = ConstU32<2>;
	type MaxExpiriesPerBlock = ConstU32<4>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::ConstitutionBenchmarkHelper;
}

/// Storage key of the account on whose behalf [`ReferendaPolls::open`] is submitting a
/// referendum. It is set and removed within the same call, so it never reaches the state.
const OPENING_POLL_KEY: &[u8] = b"ostrom:constitution:opening-poll";

/// `pallet-referenda`'s submit origin: only the constitution opens referenda. A signed
/// `referenda.submit` from anyone else fails with `BadOrigin`; proposals go through
/// `constitution.propose`, which opens the polls their class needs.
pub struct ConstitutionSubmits;
impl EnsureOriginWithArg<RuntimeOrigin, OriginCaller> for ConstitutionSubmits {
	type Success = AccountId;

	fn try_origin(o: RuntimeOrigin, _: &OriginCaller) -> Result<AccountId, RuntimeOrigin> {
		let opening = frame_support::storage::unhashed::get::<AccountId>(OPENING_POLL_KEY);
		match (o.clone().into(), opening) {
			(Ok(frame_system::RawOrigin::Signed(who)), Some(payer)) if who == payer => Ok(who),
			_ => Err(o),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(_: &OriginCaller) -> Result<RuntimeOrigin, ()> {
		// `pallet-referenda`'s own benchmarks submit directly.
		let who: AccountId = frame_benchmarking::whitelisted_caller();
		frame_support::storage::unhashed::put(OPENING_POLL_KEY, &who);
		Ok(RuntimeOrigin::signed(who))
	}
}

/// The houses' polls are referenda: `open` submits one on the track of the house origin and
/// places its decision deposit (both paid by the payer), `outcome` reads its record, `cancel`
/// cancels it as Root would.
pub struct ReferendaPolls;
impl pallet_constitution::PollOpener<AccountId, u32, RuntimeCall> for ReferendaPolls {
	fn open(payer: &AccountId, origin: Origin, call: RuntimeCall) -> Result<u32, DispatchError> {
		frame_support::storage::with_storage_layer(|| {
			let index = pallet_referenda::ReferendumCount::<Runtime>::get();
			let proposal = <Preimage as StorePreimage>::bound(call)?;
			frame_support::storage::unhashed::put(OPENING_POLL_KEY, payer);
			let submitted = Referenda::submit(
				RuntimeOrigin::signed(payer.clone()),
				Box::new(OriginCaller::Constitution(origin)),
				proposal,
				DispatchTime::After(0),
			);
			frame_support::storage::unhashed::kill(OPENING_POLL_KEY);
			submitted?;
			Referenda::place_decision_deposit(RuntimeOrigin::signed(payer.clone()), index)
				.map_err(|e| e.error)?;
			Ok(index)
		})
	}

	fn track(poll: u32) -> Option<u16> {
		match pallet_referenda::ReferendumInfoFor::<Runtime>::get(poll)? {
			ReferendumInfo::Ongoing(status) => Some(status.track),
			_ => None,
		}
	}

	fn outcome(poll: u32) -> Option<PollOutcome> {
		Some(match pallet_referenda::ReferendumInfoFor::<Runtime>::get(poll)? {
			ReferendumInfo::Ongoing(_) => PollOutcome::Ongoing,
			ReferendumInfo::Approved(..) => PollOutcome::Approved,
			ReferendumInfo::Rejected(..)
			| ReferendumInfo::Cancelled(..)
			| ReferendumInfo::TimedOut(..)
			| ReferendumInfo::Killed(..) => PollOutcome::Rejected,
		})
	}

	/// Cancelling a poll must only ever stop a decision: the council's and the community's first
	/// polls and override polls can be cancelled (the decision is then rejected), but not a veto
	/// or appeal poll (a cancelled veto or appeal would let the decision through) nor a
	/// conflict-challenge poll (the challenger's deposit would be slashed).
	fn cancel(poll: u32) -> DispatchResult {
		if let Some(ReferendumInfo::Ongoing(status)) =
			pallet_referenda::ReferendumInfoFor::<Runtime>::get(poll)
		{
			let (class, kind) = pallet_constitution::split_track(status.track)
				.ok_or(DispatchError::Other("poll on an unknown track"))?;
			if kind == pallet_constitution::kinds::REVIEW
				|| Some(class) == pallet_constitution::ChallengeClass::<Runtime>::get()
			{
				return Err(DispatchError::Other(
					"veto, appeal and challenge polls cannot be cancelled",
				));
			}
		}
		Referenda::cancel(RuntimeOrigin::root(), poll)
	}
}

/// An approved decision's call is scheduled anonymously, at block `when`, with Root or the
/// class's origin. A call bound by hash is dispatched from its preimage.
pub struct SchedulerEnactor;
impl pallet_constitution::Enactor<BlockNumber, BoundedCallOf<Runtime>> for SchedulerEnactor {
	fn enact(
		when: BlockNumber,
		class: ClassId,
		dispatch: DispatchAs,
		call: BoundedCallOf<Runtime>,
	) -> DispatchResult {
		let origin = enactment_origin::<OriginCaller, AccountId>(dispatch, class);
		// Priority 63, as `pallet-referenda` enacts.
		<Scheduler as ScheduleAnon<BlockNumber, RuntimeCall, OriginCaller>>::schedule(
			DispatchTime::At(when),
			None,
			63,
			origin,
			call,
		)
		.map(|_| ())
	}
}

/// The emergency brakes: artifact suspension, safe mode and call pauses, each pulled and released
/// as Root would (the guardians' measures are the only way to reach them without a decision).
pub struct OstromBrakes;
impl pallet_constitution::EmergencyBrakes<pallet_artifacts::ContentHash, BlockNumber>
	for OstromBrakes
{
	fn suspend_artifact(
		hash: &pallet_artifacts::ContentHash,
		until: BlockNumber,
	) -> DispatchResult {
		<Artifacts as pallet_artifacts::EmergencySuspension<_, _>>::suspend(*hash, until)
	}

	fn lift_artifact(hash: &pallet_artifacts::ContentHash) -> DispatchResult {
		match <Artifacts as pallet_artifacts::EmergencySuspension<_, _>>::lift(*hash) {
			// The suspension lapsed by itself, or the artifact was withdrawn meanwhile.
			Err(e)
				if e == pallet_artifacts::Error::<Runtime>::NotSuspended.into()
					|| e == pallet_artifacts::Error::<Runtime>::UnknownArtifact.into() =>
			{
				Ok(())
			},
			other => other,
		}
	}

	fn enter_safe_mode(until: BlockNumber) -> DispatchResult {
		match pallet_safe_mode::EnteredUntil::<Runtime>::get() {
			// Entered as Root would (with its event), then ended at the measure's end.
			None => {
				SafeMode::force_enter(RuntimeOrigin::root())?;
				pallet_safe_mode::EnteredUntil::<Runtime>::put(until);
			},
			// Entered already (by governance, or extended by a ratification): never shortened.
			Some(end) => pallet_safe_mode::EnteredUntil::<Runtime>::put(end.max(until)),
		}
		Ok(())
	}

	fn exit_safe_mode() -> DispatchResult {
		match SafeMode::force_exit(RuntimeOrigin::root()) {
			// Safe mode ended by itself (or was exited) before the measure did.
			Err(e) if e == pallet_safe_mode::Error::<Runtime>::Exited.into() => Ok(()),
			other => other,
		}
	}

	fn pause(pallet: &[u8], call: &[u8]) -> DispatchResult {
		TxPause::pause(RuntimeOrigin::root(), call_name(pallet, call)?)
	}

	fn unpause(pallet: &[u8], call: &[u8]) -> DispatchResult {
		match TxPause::unpause(RuntimeOrigin::root(), call_name(pallet, call)?) {
			// Unpaused meanwhile (by Root).
			Err(e) if e == pallet_tx_pause::Error::<Runtime>::IsUnpaused.into() => Ok(()),
			other => other,
		}
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

/// Block at which the development council's terms end: one year.
pub const DEV_COUNCIL_TERM_END: BlockNumber = 365 * DAYS;
/// Length of a council term under the development seat rules.
pub const DEV_SEAT_TERM: BlockNumber = 90 * DAYS;
/// Block at which the development guardians' mandate ends.
pub const DEV_MANDATE_END: BlockNumber = 90 * DAYS;
