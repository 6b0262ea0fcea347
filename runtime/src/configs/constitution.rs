//! The constitution (DESIGN §3): decision classes, the council and the community chamber,
//! amendments, conflicts of interest and appeals (the guardians' emergency measures are
//! `pallet-guardians`, see [`super::guardians`]).
//!
//! `pallet-constitution` owns the class table; this module connects it to the rest of the
//! runtime:
//!
//! - [`ReferendaPolls`] opens each house's poll as a referendum of `pallet-referenda` (whose
//!   tracks the constitution derives from the class table) and reads its outcome;
//! - [`SchedulerEnactor`] schedules an approved decision's call through `pallet-scheduler`;
//! - [`EnsureClassOrRoot`] lets each pallet accept the approved decisions of the classes that
//!   govern it (see the class map in the README and `docs/constitution.md`).

use alloc::boxed::Box;
use frame_support::{
	parameter_types,
	traits::{
		schedule::{v3::Anon as ScheduleAnon, DispatchTime},
		ConstU32, ConstU8, Contains, EitherOf, StorePreimage,
	},
};
use frame_system::EnsureRoot;
use pallet_constitution::{enactment_origin, BoundedCallOf, ClassId, DispatchAs, PollOutcome};
use pallet_referenda::ReferendumInfo;
use sp_runtime::{DispatchError, DispatchResult, Perbill};

use crate::{
	configs::monetary::TreasuryAccount, currency::UNIT, time::DAYS, AccountId, Balance, Balances,
	BlockNumber, OriginCaller, Preimage, Referenda, Reputation, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeHoldReason, RuntimeOrigin, Scheduler, Voting,
};

pub use pallet_constitution::{presets::classes, EnsureClass};

/// Accepts Root, or an approved decision of class `C` (`RawOrigin::Class(C)`).
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
	/// A decision or challenge still undecided after 45 days can be expired by anyone: longer
	/// than the longest route of the production class table (a runtime upgrade the council
	/// rejects and the community overrides, about 41 days; `tests::production`).
	pub const MaxDecisionAge: BlockNumber = 45 * DAYS;
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
	/// Amendments cannot change how a class's delegations count while there are any.
	type Delegations = Voting;
	/// Decisions proposed by hash pin their preimage until they close.
	type Preimages = Preimage;
	type OverrideCalls = UpgradeAuthorizations;
	type AmendmentApprovalFloor = AmendmentApprovalFloor;
	type Reputation = Reputation;
	type Slasher = Reputation;
	type DecisionDeposit = DecisionDeposit;
	type AppealDeposit = AppealDeposit;
	type ChallengeDeposit = ChallengeDeposit;
	type ChallengeSlash = ChallengeSlash;
	type MaxDecisionAge = MaxDecisionAge;
	/// Track ids are `class · 4 + kind`, so 32 classes use ids 0..128.
	type MaxClasses = ConstU32<32>;
	type MaxSeats = ConstU32<16>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::ConstitutionBenchmarkHelper;
}

/// The houses' polls are referenda: `open` submits one on the track of the house origin and
/// places its decision deposit (both paid by the payer), `outcome` reads its record, `cancel`
/// cancels it as Root would (the constitution cancels only the polls of decisions and challenges
/// it closes; guardians never cancel polls, they put decisions on hold).
pub struct ReferendaPolls;
impl pallet_constitution::PollOpener<AccountId, u32, RuntimeCall> for ReferendaPolls {
	fn open(
		payer: &AccountId,
		origin: pallet_constitution::Origin<Runtime>,
		call: RuntimeCall,
	) -> Result<u32, DispatchError> {
		frame_support::storage::with_storage_layer(|| {
			let index = pallet_referenda::ReferendumCount::<Runtime>::get();
			let proposal = <Preimage as StorePreimage>::bound(call)?;
			Referenda::submit(
				RuntimeOrigin::from(pallet_constitution::RawOrigin::Opening(payer.clone())),
				Box::new(OriginCaller::Constitution(origin)),
				proposal,
				DispatchTime::After(0),
			)?;
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

	fn cancel(poll: u32) -> DispatchResult {
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

/// Block at which the development council's terms end: one year.
pub const DEV_COUNCIL_TERM_END: BlockNumber = 365 * DAYS;
/// Length of a council term under the development seat rules.
pub const DEV_SEAT_TERM: BlockNumber = 90 * DAYS;

/// [`pallet_constitution::runtime_api::DecisionDryRunApi::dry_run`]: dispatches `call` with the
/// origin an approved decision of `class` is dispatched with (as [`SchedulerEnactor`] schedules
/// it, through the same call filter) and rolls back everything it changed, whatever the result.
pub fn dry_run_decision(class: ClassId, call: RuntimeCall) -> Result<(), DispatchError> {
	use frame_support::storage::{with_transaction, TransactionOutcome};
	use sp_runtime::traits::Dispatchable;
	let info = pallet_constitution::Classes::<Runtime>::get(class)
		.ok_or(pallet_constitution::Error::<Runtime>::UnknownClass)?;
	let origin: RuntimeOrigin =
		enactment_origin::<OriginCaller, AccountId>(info.dispatch, class).into();
	with_transaction(|| {
		let result = call.dispatch(origin).map(|_| ()).map_err(|e| e.error);
		TransactionOutcome::Rollback(Ok::<_, DispatchError>(result))
	})
	.unwrap_or_else(Err)
}
