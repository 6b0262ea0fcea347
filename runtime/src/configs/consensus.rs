//! Block production (Aura), finality (GRANDPA) and the timestamp they share.

use frame_support::traits::{ConstBool, ConstU32, ConstU64};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;

use crate::{time::SLOT_DURATION, Aura, Runtime};

/// Upper bound on the validator set (Aura and GRANDPA authorities).
pub type MaxAuthorities = ConstU32<32>;

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = Aura;
	/// Blocks are at least half a slot apart; Aura's slot is twice this (6 s).
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = crate::weights::pallet_timestamp::WeightInfo<Runtime>;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = MaxAuthorities;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = crate::RuntimeEvent;
	/// pallet-grandpa ships no benchmarked weights; its only call (equivocation reports) is
	/// unusable here because `KeyOwnerProof` is `Void`.
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	/// No session/staking pallet: equivocation proofs cannot be checked, so none are accepted.
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}
