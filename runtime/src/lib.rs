//! # Ostrom runtime
//!
//! The FRAME runtime of Ostrom, a chain that governs open-source AI commons (model weights, datasets,
//! evaluation suites and the treasury that maintains them). This crate wires the polkadot-sdk pallets
//! the product reuses; Ostrom's own pallets plug into the same `#[frame_support::runtime]` below.
//!
//! Layout:
//! - [`configs`]: one module per area (`system`, `consensus`, `monetary`, `accounts`, `governance`,
//!   `safety`) holding the `Config` impls;
//! - [`apis`]: the runtime APIs the node and RPC clients call;
//! - [`genesis_config_presets`]: the `development` and `local_testnet` presets the node's chain specs
//!   are built from.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime`/`impl_runtime_apis` expand to code that needs a large recursion limit.
#![recursion_limit = "256"]
// `#[frame_support::runtime]`, `impl_runtime_apis!` and the build script's `wasm_binary.rs`
// generate public items without doc comments (`Runtime`, `RuntimeEvent`'s variants,
// `RuntimeGenesisConfig`'s fields, `RuntimeApi`, `WASM_BINARY`, ...). rustc ignores lint
// attributes on macro invocations and the `runtime` macro drops those of its module, so the lint
// can only be turned off for the whole crate.
#![allow(missing_docs)]

// Make the Wasm binary available.
#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod genesis_config_presets;
#[cfg(test)]
mod tests;
pub mod weights;

use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

/// Primitive types used across the runtime and the node.
pub mod primitives {
	use super::*;

	/// Alias to 512-bit hash when used in the context of a transaction signature on the chain.
	pub type Signature = MultiSignature;
	/// An account identifier: the public key of the signer (32 bytes).
	pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
	/// Balance of an account, in plancks (1 OSTR = 10^12 plancks).
	pub type Balance = u128;
	/// Index of a transaction in the chain.
	pub type Nonce = u32;
	/// A hash of some data used by the chain.
	pub type Hash = sp_core::H256;
	/// An index to a block.
	pub type BlockNumber = u32;
}
pub use primitives::*;

/// Units of the native token `OSTR` (12 decimals) and the deposit formula.
pub mod currency {
	use super::Balance;

	/// Number of decimals of `OSTR`, reported in the chain properties.
	pub const TOKEN_DECIMALS: u8 = 12;
	/// Ticker of the native token, reported in the chain properties.
	pub const TOKEN_SYMBOL: &str = "OSTR";
	/// One `OSTR`.
	pub const UNIT: Balance = 1_000_000_000_000;
	/// One thousandth of an `OSTR`.
	pub const MILLI_UNIT: Balance = 1_000_000_000;
	/// One millionth of an `OSTR`.
	pub const MICRO_UNIT: Balance = 1_000_000;
	/// The existential deposit: an account holding less is reaped (0.01 OSTR).
	pub const EXISTENTIAL_DEPOSIT: Balance = 10 * MILLI_UNIT;

	/// Deposit for storing `items` storage items totalling `bytes` bytes: 0.1 OSTR per item plus
	/// 0.001 OSTR per byte. Every pallet that lets a user grow state charges from this formula.
	pub const fn deposit(items: u32, bytes: u32) -> Balance {
		(items as Balance)
			.saturating_mul(100 * MILLI_UNIT)
			.saturating_add((bytes as Balance).saturating_mul(MILLI_UNIT))
	}
}

/// Block-time constants: 6-second blocks.
pub mod time {
	use super::BlockNumber;

	/// Target block time in milliseconds. Aura's slot duration is twice the timestamp pallet's
	/// minimum period, which is derived from this.
	pub const MILLI_SECS_PER_BLOCK: u64 = 6000;
	/// Slot duration (one block per slot).
	pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;
	/// Blocks per minute.
	pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
	/// Blocks per hour.
	pub const HOURS: BlockNumber = MINUTES * 60;
	/// Blocks per day.
	pub const DAYS: BlockNumber = HOURS * 24;
}

/// Opaque types: the node knows the block format without knowing the runtime's types.
pub mod opaque {
	use super::*;
	use sp_runtime::{
		generic,
		traits::{BlakeTwo256, Hash as HashT},
	};

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as HashT>::Output;
}

impl_opaque_keys! {
	/// The session keys of a validator: an Aura (block production) and a GRANDPA (finality) key.
	pub struct SessionKeys {
		/// The sr25519 key the validator authors blocks with (Aura).
		pub aura: Aura,
		/// The ed25519 key the validator signs finality votes with (GRANDPA).
		pub grandpa: Grandpa,
	}
}

/// The runtime's version. `spec_version` must be bumped for every runtime change that reaches a
/// live chain; `transaction_version` when call indices or transaction encodings change.
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("ostrom"),
	impl_name: alloc::borrow::Cow::Borrowed("ostrom-node"),
	authoring_version: 1,
	spec_version: 100,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// The address format for describing accounts.
pub type Address = MultiAddress<AccountId, ()>;

/// Block header type as expected by this runtime.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;

/// Block type as expected by this runtime.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// The transaction extensions checked on every signed transaction. Polkadot.js knows each of them
/// (or reads their types from the metadata), so no custom type definitions are needed.
pub type TxExtension = (
	frame_system::AuthorizeCall<Runtime>,
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// The extensions of an immortal transaction with `nonce` and no tip, for signing outside a
/// wallet (the CLI, the fuzzer), without the metadata hash. Its implicit data are the spec and
/// transaction versions, the genesis hash twice (genesis, and the era's block) and `None` (no
/// metadata hash).
pub fn immortal_tx_extension(nonce: Nonce) -> TxExtension {
	(
		frame_system::AuthorizeCall::<Runtime>::new(),
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(sp_runtime::generic::Era::Immortal),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0),
		frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
		frame_system::WeightReclaim::<Runtime>::new(),
	)
}

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Migrations to apply on runtime upgrade. Empty for the first release.
type Migrations = ();

/// Executive: handles dispatch to the various modules.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

/// The runtime: every pallet with its index. Indices are part of the transaction format and must
/// never be reused or reordered on a live chain.
#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	// Chain foundation.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	// Money.
	#[runtime::pallet_index(10)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(11)]
	pub type TransactionPayment = pallet_transaction_payment;
	#[runtime::pallet_index(12)]
	pub type Treasury = pallet_treasury;

	// Accounts.
	#[runtime::pallet_index(20)]
	pub type Utility = pallet_utility;
	#[runtime::pallet_index(21)]
	pub type Multisig = pallet_multisig;
	#[runtime::pallet_index(22)]
	pub type Proxy = pallet_proxy;

	// Governance plumbing.
	#[runtime::pallet_index(30)]
	pub type Preimage = pallet_preimage;
	#[runtime::pallet_index(31)]
	pub type Scheduler = pallet_scheduler;
	#[runtime::pallet_index(32)]
	pub type Referenda = pallet_referenda;
	#[runtime::pallet_index(33)]
	pub type Constitution = pallet_constitution;
	#[runtime::pallet_index(34)]
	pub type Guardians = pallet_guardians;

	// Ostrom.
	#[runtime::pallet_index(50)]
	pub type Reputation = pallet_reputation;
	#[runtime::pallet_index(51)]
	pub type Voting = pallet_voting;
	#[runtime::pallet_index(52)]
	pub type Artifacts = pallet_artifacts;
	#[runtime::pallet_index(53)]
	pub type QuadraticFunding = pallet_quadratic_funding;
	#[runtime::pallet_index(54)]
	pub type Trust = pallet_trust;
	#[runtime::pallet_index(55)]
	pub type Bounties = pallet_multi_asset_bounties;
	#[runtime::pallet_index(56)]
	pub type BountyWork = pallet_bounty_work;

	// Emergency brakes.
	#[runtime::pallet_index(40)]
	pub type SafeMode = pallet_safe_mode;
	#[runtime::pallet_index(41)]
	pub type TxPause = pallet_tx_pause;

	// Development only: no preset other than `development` sets a sudo key.
	#[runtime::pallet_index(255)]
	pub type Sudo = pallet_sudo;
}
