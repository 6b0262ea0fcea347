//! Emergency brakes and the development-only sudo.
//!
//! Safe mode stops every call outside a short whitelist; transaction pause stops named calls. Both
//! are entered by Root, or by a guardian's emergency measure (`pallet-guardians`), which lapses by
//! itself unless the council ratifies it (DESIGN §3). Permissionless entry with a deposit is
//! disabled. Governance itself (the constitution, the guardians, referenda, voting and preimages) stays callable
//! in safe mode and can never be paused, so the houses can always ratify, lift or overrule a
//! measure.

use frame_support::{
	parameter_types,
	traits::{ConstU32, Contains},
};
use frame_system::{EnsureRoot, EnsureRootWithSuccess};

use crate::{
	time::{DAYS, HOURS},
	AccountId, Balances, BlockNumber, Runtime, RuntimeCall, RuntimeEvent, RuntimeHoldReason,
};

/// Calls that stay available while safe mode is active: consensus inherents, the brakes
/// themselves, governance (so that the houses can decide what happens next, ratify or lift the
/// measure) and (on development chains) sudo, so the chain can always be steered out. Calls that
/// approved decisions dispatch are filtered like any other.
pub struct SafeModeWhitelistedCalls;
impl Contains<RuntimeCall> for SafeModeWhitelistedCalls {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(
			call,
			RuntimeCall::System(_)
				| RuntimeCall::Timestamp(_)
				| RuntimeCall::SafeMode(_)
				| RuntimeCall::TxPause(_)
				| RuntimeCall::Constitution(_)
				| RuntimeCall::Guardians(_)
				| RuntimeCall::Referenda(_)
				| RuntimeCall::Voting(_)
				| RuntimeCall::Preimage(_)
				| RuntimeCall::Sudo(_)
		)
	}
}

/// Calls that can never be paused, so that a pause can always be lifted and governance always
/// works.
pub struct TxPauseWhitelistedCalls;
impl Contains<pallet_tx_pause::RuntimeCallNameOf<Runtime>> for TxPauseWhitelistedCalls {
	fn contains(full_name: &pallet_tx_pause::RuntimeCallNameOf<Runtime>) -> bool {
		let pallet = full_name.0.as_slice();
		pallet == b"System"
			|| pallet == b"Timestamp"
			|| pallet == b"TxPause"
			|| pallet == b"SafeMode"
			|| pallet == b"Sudo"
			|| pallet == b"Constitution"
			|| pallet == b"Guardians"
			|| pallet == b"Referenda"
			|| pallet == b"Voting"
			|| pallet == b"Preimage"
			|| pallet == b"Scheduler"
	}
}

parameter_types! {
	/// A forced safe-mode period lasts one day unless extended.
	pub const SafeModeForceDuration: BlockNumber = DAYS;
	/// A forced extension adds twelve hours.
	pub const SafeModeForceExtendDuration: BlockNumber = 12 * HOURS;
}

impl pallet_safe_mode::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type WhitelistedCalls = SafeModeWhitelistedCalls;
	type EnterDuration = SafeModeForceDuration;
	type ExtendDuration = SafeModeForceExtendDuration;
	/// Entering safe mode by deposit is disabled: only governance (Root) may force it.
	type EnterDepositAmount = ();
	type ExtendDepositAmount = ();
	type ForceEnterOrigin = EnsureRootWithSuccess<AccountId, SafeModeForceDuration>;
	type ForceExtendOrigin = EnsureRootWithSuccess<AccountId, SafeModeForceExtendDuration>;
	type ForceExitOrigin = EnsureRoot<AccountId>;
	type ForceDepositOrigin = EnsureRoot<AccountId>;
	type Notify = ();
	type ReleaseDelay = ();
	type WeightInfo = crate::weights::pallet_safe_mode::WeightInfo<Runtime>;
}

impl pallet_tx_pause::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PauseOrigin = EnsureRoot<AccountId>;
	type UnpauseOrigin = EnsureRoot<AccountId>;
	type WhitelistedCalls = TxPauseWhitelistedCalls;
	type MaxNameLen = ConstU32<256>;
	type WeightInfo = crate::weights::pallet_tx_pause::WeightInfo<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = crate::weights::pallet_sudo::WeightInfo<Runtime>;
}
