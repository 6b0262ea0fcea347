//! Referenda and their ballots: one `pallet-referenda` instance whose tracks the constitution
//! derives from its class table (`class · 4 + kind`, see `pallet_constitution::tracks`), and whose
//! tally `pallet-voting` counts in the scheme the class gives each house (token, quadratic or
//! reputation for the community, one vote per seat for the council).
//!
//! Referenda are opened only by the constitution (`constitution.propose`, `appeal`,
//! `challenge_conflict`, `advance`); a direct `referenda.submit` fails with `BadOrigin`.

use frame_support::{
	parameter_types,
	traits::{ConstU32, EnsureOriginWithArg},
};
use frame_system::EnsureRoot;

use crate::{
	currency::UNIT, time::DAYS, AccountId, Balance, Balances, BlockNumber, Constitution,
	OriginCaller, Preimage, Referenda, Reputation, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeFreezeReason, RuntimeOrigin, Scheduler, Treasury,
};

/// Identifier of a referendum track (and of the voting class of its polls), defined once in
/// `ostrom-primitives`.
pub use ostrom_primitives::TrackId;

parameter_types! {
	/// Deposit to submit a referendum (returned when it is decided).
	pub const SubmissionDeposit: Balance = UNIT;
	/// A referendum that has not started deciding within this time times out.
	pub const UndecidingTimeout: BlockNumber = 14 * DAYS;
}

/// Who may open a referendum: the constitution, on behalf of the account paying its deposit
/// ([`pallet_constitution::EnsureOpening`]).
///
/// Benchmark builds only (feature `runtime-benchmarks`, never a production runtime): the
/// referenda benchmarks use the successful origin of `SubmitOrigin` also as the *signed*
/// submitter of `place_decision_deposit`, `set_metadata` and the deposit refunds, so there it
/// is `Signed(whitelisted_caller)`, funded, and accepted here besides `Opening`. Submitting
/// costs the same either way: the measured weight is the one of `Opening`.
pub struct SubmitOrigin;

impl EnsureOriginWithArg<RuntimeOrigin, OriginCaller> for SubmitOrigin {
	type Success = AccountId;

	fn try_origin(o: RuntimeOrigin, track: &OriginCaller) -> Result<AccountId, RuntimeOrigin> {
		#[cfg(feature = "runtime-benchmarks")]
		use frame_support::traits::OriginTrait;
		#[cfg(feature = "runtime-benchmarks")]
		let o = match o.clone().into_signer() {
			Some(who) if who == frame_benchmarking::whitelisted_caller::<AccountId>() => {
				return Ok(who)
			},
			_ => o,
		};
		<pallet_constitution::EnsureOpening as EnsureOriginWithArg<_, _>>::try_origin(o, track)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(_track: &OriginCaller) -> Result<RuntimeOrigin, ()> {
		use frame_support::traits::fungible::Mutate;
		let payer: AccountId = frame_benchmarking::whitelisted_caller();
		Balances::set_balance(&payer, SubmissionDeposit::get().saturating_mul(1_000_000));
		Ok(RuntimeOrigin::signed(payer))
	}
}

impl pallet_referenda::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = crate::weights::pallet_referenda::WeightInfo<Runtime>;
	type Scheduler = Scheduler;
	type Currency = Balances;
	/// Only the constitution opens referenda, for the decisions, appeals and challenges it
	/// tracks.
	type SubmitOrigin = SubmitOrigin;
	/// Root: an approved runtime-upgrade decision, or the constitution when a guardian cancels a
	/// poll.
	type CancelOrigin = EnsureRoot<AccountId>;
	type KillOrigin = EnsureRoot<AccountId>;
	/// Slashed deposits go to the treasury.
	type Slash = Treasury;
	type Votes = Balance;
	type Tally = pallet_voting::TallyOf<Runtime>;
	type SubmissionDeposit = SubmissionDeposit;
	type MaxQueued = ConstU32<100>;
	type UndecidingTimeout = UndecidingTimeout;
	type AlarmInterval = ConstU32<1>;
	type Tracks = Constitution;
	type Preimages = Preimage;
	type BlockNumberProvider = crate::System;
}

parameter_types! {
	/// Quadratic voice credits per person per epoch: 100 credits buy 10 votes on one poll.
	pub const VoiceCredits: u32 = 100;
	/// Quadratic voice credits renew every week.
	pub const VoiceCreditEpoch: BlockNumber = 7 * DAYS;
}

impl pallet_voting::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = crate::weights::pallet_voting::WeightInfo<Runtime>;
	type Currency = Balances;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type Polls = Referenda;
	type Schemes = Constitution;
	type Reputation = Reputation;
	type Personhood = Reputation;
	type Council = Constitution;
	type MaxVotes = ConstU32<64>;
	type MaxClasses = ConstU32<16>;
	type VoiceCredits = VoiceCredits;
	type EpochLength = VoiceCreditEpoch;
}
