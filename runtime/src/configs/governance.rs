//! Governance plumbing: preimages (calls bound by hash) and the scheduler that enacts them.

use frame_support::{
	parameter_types,
	traits::{fungible::HoldConsideration, ConstU32, EqualPrivilegeOnly, LinearStoragePrice},
	weights::Weight,
};
use frame_system::EnsureRoot;
use sp_runtime::Perbill;

use crate::{
	configs::RuntimeBlockWeights, currency::deposit, AccountId, Balance, Balances, OriginCaller,
	Preimage, Runtime, RuntimeCall, RuntimeEvent, RuntimeHoldReason, RuntimeOrigin, System,
};

parameter_types! {
	/// Base deposit for storing a preimage.
	pub const PreimageBaseDeposit: Balance = deposit(2, 64);
	/// Per-byte deposit for storing a preimage.
	pub const PreimageByteDeposit: Balance = deposit(0, 1);
	/// The hold reason preimage deposits are held under.
	pub const PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
}

impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = crate::weights::pallet_preimage::WeightInfo<Runtime>;
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<AccountId>;
	/// A noted preimage holds a deposit linear in its length, released when it is unnoted.
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		PreimageHoldReason,
		LinearStoragePrice<PreimageBaseDeposit, PreimageByteDeposit, Balance>,
	>;
}

parameter_types! {
	/// Scheduled calls may use at most 80% of a block.
	pub MaximumSchedulerWeight: Weight = {
		let max_block = RuntimeBlockWeights::get().max_block;
		let share = Perbill::from_percent(80);
		Weight::from_parts(share.mul_floor(max_block.ref_time()), share.mul_floor(max_block.proof_size()))
	};
}

impl pallet_scheduler::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	type ScheduleOrigin = EnsureRoot<AccountId>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	/// Above `pallet_voting`'s `MaxVotes` (64): a (un)delegation re-weighs up to that many
	/// referenda in one call, and referenda re-arms an alarm for the next block for each of them.
	/// With fewer slots per block, the alarms that do not fit are silently dropped.
	type MaxScheduledPerBlock = ConstU32<128>;
	type WeightInfo = crate::weights::pallet_scheduler::WeightInfo<Runtime>;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}
