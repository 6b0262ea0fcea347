//! frame-system: block weight and length limits, account data and the base call filter.

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::InsideBoth,
	weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight},
};
use frame_system::limits::{BlockLength, BlockWeights};
use sp_runtime::Perbill;

use crate::weights::{
	block_weights::BlockExecutionWeight, extrinsic_weights::ExtrinsicBaseWeight,
	paritydb_weights::constants::ParityDbWeight,
};
use crate::{
	AccountId, Balance, Block, BlockNumber, Hash, Nonce, PalletInfo, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, RuntimeTask, SafeMode, TxPause, VERSION,
};

/// The share of a block that normal (user) transactions may fill; the rest is reserved for
/// operational transactions and `on_initialize` work.
pub const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// Two seconds of compute per 6-second block (the standard Substrate limit). Proof size is not
/// constrained on a solo chain.
pub const MAXIMUM_BLOCK_WEIGHT: Weight =
	Weight::from_parts(WEIGHT_REF_TIME_PER_SECOND.saturating_mul(2), u64::MAX);

/// Maximum encoded length of a block: 5 MiB.
pub const MAXIMUM_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

/// The weight normal (user) transactions may fill: [`NORMAL_DISPATCH_RATIO`] of a block (of both
/// its components, so that operational transactions keep a reserve of each).
fn normal_block_weight() -> Weight {
	Weight::from_parts(
		NORMAL_DISPATCH_RATIO.mul_floor(MAXIMUM_BLOCK_WEIGHT.ref_time()),
		NORMAL_DISPATCH_RATIO.mul_floor(MAXIMUM_BLOCK_WEIGHT.proof_size()),
	)
}

parameter_types! {
	/// The runtime's version, reported by `state_getRuntimeVersion`.
	pub const Version: sp_version::RuntimeVersion = VERSION;
	/// How many recent block hashes the runtime keeps (mortal transactions refer to them).
	pub const BlockHashCount: BlockNumber = 2400;
	/// Per-class block weight limits (as `BlockWeights::with_sensible_defaults`), with the base
	/// weights of an empty block and of an extrinsic measured on this runtime
	/// (`crate::weights::block_weights`, `crate::weights::extrinsic_weights`).
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::builder()
		.base_block(BlockExecutionWeight::get())
		.for_class(DispatchClass::all(), |weights| {
			weights.base_extrinsic = ExtrinsicBaseWeight::get();
		})
		.for_class(DispatchClass::Normal, |weights| {
			weights.max_total = Some(normal_block_weight());
		})
		.for_class(DispatchClass::Operational, |weights| {
			weights.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
			weights.reserved = Some(MAXIMUM_BLOCK_WEIGHT.saturating_sub(normal_block_weight()));
		})
		.avg_block_initialization(Perbill::from_percent(10))
		.build_or_panic();
	/// Per-class block length limits.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(MAXIMUM_BLOCK_LENGTH)
		.modify_max_length_for_class(DispatchClass::Normal, |max| {
			*max = NORMAL_DISPATCH_RATIO.mul_floor(*max)
		})
		.build();
	/// Generic Substrate SS58 prefix (addresses start with `5`), so Polkadot.js shows the
	/// well-known development accounts as people expect.
	pub const SS58Prefix: u8 = 42;
}

// Fail the build if the runtime's weights do not leave room for the base costs.
const _: () = assert!(
	BlockExecutionWeight::get().ref_time() < MAXIMUM_BLOCK_WEIGHT.ref_time()
		&& ExtrinsicBaseWeight::get().ref_time() < MAXIMUM_BLOCK_WEIGHT.ref_time()
);

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	/// Calls are filtered by the emergency brakes: nothing outside their whitelists passes while
	/// safe mode is active, and paused calls never pass.
	type BaseCallFilter = InsideBoth<SafeMode, TxPause>;
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// The node stores state in ParityDB; weights use its read/write costs as measured on this
	/// runtime (`crate::weights::paritydb_weights`).
	type DbWeight = ParityDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SystemWeightInfo = crate::weights::frame_system::WeightInfo<Runtime>;
	type ExtensionsWeightInfo = crate::weights::frame_system_extensions::WeightInfo<Runtime>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = frame_support::traits::ConstU32<16>;
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeCall = RuntimeCall;
	type RuntimeTask = RuntimeTask;
	type PalletInfo = PalletInfo;
	/// Code changes are reported to `pallet-bounty-work` (upgrade-tied bounties) before the
	/// code is stored.
	type OnSetCode = crate::configs::bounties::NoteCodeChange;
}
