//! Weights for `pallet_trust`.
//!
//! **ESTIMATES.** These numbers were written by hand from the storage accesses of each call and
//! the measured weights of comparable calls (a `pallet-balances` hold or release, and the
//! `pallet-quadratic-funding` calls that hold deposits); they have NOT been generated on
//! reference hardware. The runtime's weights (`runtime/src/weights/pallet_trust.rs`) are
//! generated with `PALLETS=pallet_trust scripts/benchmark.sh`; to regenerate these:
//!
//! ```text
//! cargo build --release -p ostrom-node --features runtime-benchmarks
//! ostrom-node benchmark pallet --chain dev --pallet pallet_trust --extrinsic '*' \
//!     --steps 50 --repeat 20 --output pallets/trust/src/weights.rs --template <pallet template>
//! ```
//!
//! The storage-read/-write counts and proof sizes below are the worst cases of the benchmarks in
//! `benchmarking.rs` (with `MaxEndorsements = 32`, 32-byte accounts, `u128` balances). `endorse`
//! and `remove_stale` include the two reads of `pallet-reputation`'s personhood check.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_trust`.
pub trait WeightInfo {
	fn endorse() -> Weight;
	fn withdraw_endorsement() -> Weight;
	fn remove_stale(n: u32, ) -> Weight;
}

/// Weights for `pallet_trust` using the Substrate node and recommended hardware
/// (hand-estimated, see the module documentation).
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Reputation::Credentials` (r:1 w:0)
	/// Proof: `Reputation::Credentials` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Issuers` (r:1 w:0)
	/// Proof: `Reputation::Issuers` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Trust::Endorsements` (r:1 w:1)
	/// Proof: `Trust::Endorsements` (`max_values`: None, `max_size`: Some(1105), added: 3580, mode: `MaxEncodedLen`)
	/// Storage: `Trust::EndorsementCount` (r:1 w:1)
	/// Proof: `Trust::EndorsementCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn endorse() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1700`
		//  Estimated: `14436`
		// Minimum execution time: 90_000_000 picoseconds.
		Weight::from_parts(100_000_000, 14436)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Trust::Endorsements` (r:1 w:1)
	/// Proof: `Trust::Endorsements` (`max_values`: None, `max_size`: Some(1105), added: 3580, mode: `MaxEncodedLen`)
	/// Storage: `Trust::EndorsementCount` (r:1 w:1)
	/// Proof: `Trust::EndorsementCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn withdraw_endorsement() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1500`
		//  Estimated: `9350`
		// Minimum execution time: 80_000_000 picoseconds.
		Weight::from_parts(90_000_000, 9350)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Reputation::Credentials` (r:1 w:0)
	/// Proof: `Reputation::Credentials` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Issuers` (r:1 w:0)
	/// Proof: `Reputation::Issuers` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Trust::Endorsements` (r:1 w:1)
	/// Proof: `Trust::Endorsements` (`max_values`: None, `max_size`: Some(1105), added: 3580, mode: `MaxEncodedLen`)
	/// Storage: `Trust::EndorsementCount` (r:1 w:1)
	/// Proof: `Trust::EndorsementCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 32]`.
	fn remove_stale(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `500 + n * (33 ±0)`
		//  Estimated: `14436`
		// Minimum execution time: 80_000_000 picoseconds.
		Weight::from_parts(90_000_000, 14436)
			// Standard Error: 1_000
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn endorse() -> Weight {
		Weight::from_parts(100_000_000, 14436)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn withdraw_endorsement() -> Weight {
		Weight::from_parts(90_000_000, 9350)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn remove_stale(n: u32, ) -> Weight {
		Weight::from_parts(90_000_000, 14436)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
}
