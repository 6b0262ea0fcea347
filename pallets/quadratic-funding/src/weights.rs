//! Weights for `pallet_quadratic_funding`.
//!
//! **ESTIMATES.** These numbers were written by hand from the storage accesses of each call and
//! the measured weights of comparable polkadot-sdk calls (a `pallet-balances` transfer, a hold or
//! release); they have NOT been generated on reference hardware. Regenerate them before a
//! production release with a release build of the node that has the benchmark CLI:
//!
//! ```text
//! cargo build --release -p ostrom-node --features runtime-benchmarks
//! ostrom-node benchmark pallet --chain dev --pallet pallet_quadratic_funding --extrinsic '*' \
//!     --steps 50 --repeat 20 --output pallets/quadratic-funding/src/weights.rs --template <pallet template>
//! ```
//!
//! The storage-read/-write counts and proof sizes below are the worst cases of the benchmarks in
//! `benchmarking.rs` (with `MaxProjects = 64`, 32-byte accounts and hashes, `u128` balances,
//! `u32` block numbers). `contribute` includes the two reads of `pallet-reputation`'s
//! personhood check; `claim`, `cancel_round` and `refund` include closing the round (sweeping
//! its account to the treasury).

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_quadratic_funding`.
pub trait WeightInfo {
	fn create_round() -> Weight;
	fn apply() -> Weight;
	fn reject_project() -> Weight;
	fn contribute() -> Weight;
	fn finalize_round(p: u32, ) -> Weight;
	fn claim() -> Weight;
	fn cancel_round(p: u32, ) -> Weight;
	fn refund() -> Weight;
	fn reap_contributions(n: u32, ) -> Weight;
}

/// Weights for `pallet_quadratic_funding` using the Substrate node and recommended hardware
/// (hand-estimated, see the module documentation).
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `QuadraticFunding::RoundCount` (r:1 w:1)
	/// Proof: `QuadraticFunding::RoundCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `QuadraticFunding::Rounds` (r:0 w:1)
	/// Proof: `QuadraticFunding::Rounds` (`max_values`: None, `max_size`: Some(133), added: 2608, mode: `MaxEncodedLen`)
	fn create_round() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `300`
		//  Estimated: `6196`
		// Minimum execution time: 45_000_000 picoseconds.
		Weight::from_parts(48_000_000, 6196)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `QuadraticFunding::Rounds` (r:1 w:1)
	/// Proof: `QuadraticFunding::Rounds` (`max_values`: None, `max_size`: Some(133), added: 2608, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `QuadraticFunding::Projects` (r:0 w:1)
	/// Proof: `QuadraticFunding::Projects` (`max_values`: None, `max_size`: Some(222), added: 2697, mode: `MaxEncodedLen`)
	fn apply() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `500`
		//  Estimated: `7789`
		// Minimum execution time: 48_000_000 picoseconds.
		Weight::from_parts(52_000_000, 7789)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `QuadraticFunding::Rounds` (r:1 w:1)
	/// Proof: `QuadraticFunding::Rounds` (`max_values`: None, `max_size`: Some(133), added: 2608, mode: `MaxEncodedLen`)
	/// Storage: `QuadraticFunding::Projects` (r:1 w:1)
	/// Proof: `QuadraticFunding::Projects` (`max_values`: None, `max_size`: Some(222), added: 2697, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn reject_project() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `800`
		//  Estimated: `13089`
		// Minimum execution time: 58_000_000 picoseconds.
		Weight::from_parts(62_000_000, 13089)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `QuadraticFunding::Rounds` (r:1 w:1)
	/// Proof: `QuadraticFunding::Rounds` (`max_values`: None, `max_size`: Some(133), added: 2608, mode: `MaxEncodedLen`)
	/// Storage: `QuadraticFunding::Projects` (r:1 w:1)
	/// Proof: `QuadraticFunding::Projects` (`max_values`: None, `max_size`: Some(222), added: 2697, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Credentials` (r:1 w:0)
	/// Proof: `Reputation::Credentials` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Reputation::Issuers` (r:1 w:0)
	/// Proof: `Reputation::Issuers` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `QuadraticFunding::Contributions` (r:1 w:1)
	/// Proof: `QuadraticFunding::Contributions` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn contribute() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1200`
		//  Estimated: `18152`
		// Minimum execution time: 64_000_000 picoseconds.
		Weight::from_parts(68_000_000, 18152)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `QuadraticFunding::Rounds` (r:1 w:1)
	/// Proof: `QuadraticFunding::Rounds` (`max_values`: None, `max_size`: Some(133), added: 2608, mode: `MaxEncodedLen`)
	/// Storage: `QuadraticFunding::Projects` (r:64 w:64)
	/// Proof: `QuadraticFunding::Projects` (`max_values`: None, `max_size`: Some(222), added: 2697, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// The range of component `p` is `[1, 64]`.
	fn finalize_round(p: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `400 + p * (230 ±0)`
		//  Estimated: `7814 + p * (2697 ±0)`
		// Minimum execution time: 50_000_000 picoseconds.
		Weight::from_parts(40_000_000, 7814)
			// Standard Error: 3_000
			.saturating_add(Weight::from_parts(16_000_000, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(p.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 2697).saturating_mul(p.into()))
	}
	/// Storage: `QuadraticFunding::Rounds` (r:1 w:1)
	/// Proof: `QuadraticFunding::Rounds` (`max_values`: None, `max_size`: Some(133), added: 2608, mode: `MaxEncodedLen`)
	/// Storage: `QuadraticFunding::Projects` (r:1 w:1)
	/// Proof: `QuadraticFunding::Projects` (`max_values`: None, `max_size`: Some(222), added: 2697, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:4 w:4)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn claim() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `900`
		//  Estimated: `18295`
		// Minimum execution time: 100_000_000 picoseconds.
		Weight::from_parts(105_000_000, 18295)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `QuadraticFunding::Rounds` (r:1 w:1)
	/// Proof: `QuadraticFunding::Rounds` (`max_values`: None, `max_size`: Some(133), added: 2608, mode: `MaxEncodedLen`)
	/// Storage: `QuadraticFunding::Projects` (r:64 w:64)
	/// Proof: `QuadraticFunding::Projects` (`max_values`: None, `max_size`: Some(222), added: 2697, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:64 w:64)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:66 w:66)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// The range of component `p` is `[1, 64]`.
	fn cancel_round(p: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `400 + p * (400 ±0)`
		//  Estimated: `7814 + p * (7878 ±0)`
		// Minimum execution time: 75_000_000 picoseconds.
		Weight::from_parts(45_000_000, 7814)
			// Standard Error: 5_000
			.saturating_add(Weight::from_parts(30_000_000, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(p.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 7878).saturating_mul(p.into()))
	}
	/// Storage: `QuadraticFunding::Rounds` (r:1 w:1)
	/// Proof: `QuadraticFunding::Rounds` (`max_values`: None, `max_size`: Some(133), added: 2608, mode: `MaxEncodedLen`)
	/// Storage: `QuadraticFunding::Projects` (r:1 w:1)
	/// Proof: `QuadraticFunding::Projects` (`max_values`: None, `max_size`: Some(222), added: 2697, mode: `MaxEncodedLen`)
	/// Storage: `QuadraticFunding::Contributions` (r:1 w:1)
	/// Proof: `QuadraticFunding::Contributions` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:3 w:3)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn refund() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `900`
		//  Estimated: `15669`
		// Minimum execution time: 80_000_000 picoseconds.
		Weight::from_parts(85_000_000, 15669)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `QuadraticFunding::Projects` (r:1 w:0)
	/// Proof: `QuadraticFunding::Projects` (`max_values`: None, `max_size`: Some(222), added: 2697, mode: `MaxEncodedLen`)
	/// Storage: `QuadraticFunding::Contributions` (r:100 w:100)
	/// Proof: `QuadraticFunding::Contributions` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 100]`.
	fn reap_contributions(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `100 + n * (80 ±0)`
		//  Estimated: `2697 + n * (2555 ±0)`
		// Minimum execution time: 20_000_000 picoseconds.
		Weight::from_parts(12_000_000, 2697)
			// Standard Error: 1_000
			.saturating_add(Weight::from_parts(7_000_000, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2555).saturating_mul(n.into()))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn create_round() -> Weight {
		Weight::from_parts(48_000_000, 6196)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn apply() -> Weight {
		Weight::from_parts(52_000_000, 7789)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn reject_project() -> Weight {
		Weight::from_parts(62_000_000, 13089)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn contribute() -> Weight {
		Weight::from_parts(68_000_000, 18152)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn finalize_round(p: u32, ) -> Weight {
		Weight::from_parts(40_000_000, 7814)
			.saturating_add(Weight::from_parts(16_000_000, 0).saturating_mul(p.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(p.into())))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 2697).saturating_mul(p.into()))
	}
	fn claim() -> Weight {
		Weight::from_parts(105_000_000, 18295)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn cancel_round(p: u32, ) -> Weight {
		Weight::from_parts(45_000_000, 7814)
			.saturating_add(Weight::from_parts(30_000_000, 0).saturating_mul(p.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(p.into())))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 7878).saturating_mul(p.into()))
	}
	fn refund() -> Weight {
		Weight::from_parts(85_000_000, 15669)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn reap_contributions(n: u32, ) -> Weight {
		Weight::from_parts(12_000_000, 2697)
			.saturating_add(Weight::from_parts(7_000_000, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2555).saturating_mul(n.into()))
	}
}
