//! Weights for `pallet_artifacts`.
//!
//! **ESTIMATES.** These numbers were written by hand from the storage accesses of each call and
//! the measured weights of comparable polkadot-sdk calls; they have NOT been generated on
//! reference hardware. Regenerate them before a production release with a release build of the
//! node that has the benchmark CLI:
//!
//! ```text
//! cargo build --release -p ostrom-node --features runtime-benchmarks
//! ostrom-node benchmark pallet --chain dev --pallet pallet_artifacts --extrinsic '*' \
//!     --steps 50 --repeat 20 --output pallets/artifacts/src/weights.rs --template <pallet template>
//! ```
//!
//! The storage-read/-write counts and proof sizes below are the worst cases of the benchmarks in
//! `benchmarking.rs`, for the bounds suggested in the README (`MaxNameLen = 64`,
//! `MaxVersionLen = 32`, `MaxUriLen = 256`, `MaxLicenceLen = 64`, `MaxParents = 8`,
//! `MaxAttestations = 32`, `MaxExpiriesPerBlock = 16`, `MaxLineageEntries = 64`), 32-byte
//! accounts, 16-byte balances and 4-byte block numbers. The per-generation cost of `lineage(d)`
//! assumes `MaxParents = 8` parents per generation.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_artifacts`.
pub trait WeightInfo {
	fn register(p: u32, ) -> Weight;
	fn attest() -> Weight;
	fn revoke_attestation() -> Weight;
	fn remove_attestation() -> Weight;
	fn set_gate() -> Weight;
	fn advance_stage() -> Weight;
	fn deprecate() -> Weight;
	fn suspend() -> Weight;
	fn lift() -> Weight;
	fn withdraw() -> Weight;
	fn retract(p: u32, ) -> Weight;
	fn on_initialize(e: u32, ) -> Weight;
	fn lineage(d: u32, ) -> Weight;
}

/// Weights for `pallet_artifacts` using the Substrate node and recommended hardware
/// (hand-estimated, see the module documentation).
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Artifacts::Artifacts` (r:9 w:1)
	/// Proof: `Artifacts::Artifacts` (`max_values`: None, `max_size`: Some(813), added: 3288, mode: `MaxEncodedLen`)
	/// Storage: `Artifacts::ChildCount` (r:8 w:8)
	/// Proof: `Artifacts::ChildCount` (`max_values`: None, `max_size`: Some(53), added: 2528, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// The range of component `p` is `[0, 8]`.
	fn register(p: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `300 + p * (850 ±0)`
		//  Estimated: `4278 + p * (5816 ±0)`
		// Minimum execution time: 60_000_000 picoseconds.
		Weight::from_parts(62_000_000, 4278)
			// Standard Error: 3_000
			.saturating_add(Weight::from_parts(9_500_000, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(p.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 5816).saturating_mul(p.into()))
	}
	/// Storage: `Artifacts::Artifacts` (r:2 w:0)
	/// Proof: `Artifacts::Artifacts` (`max_values`: None, `max_size`: Some(813), added: 3288, mode: `MaxEncodedLen`)
	/// Storage: `Artifacts::Attestations` (r:1 w:1)
	/// Proof: `Artifacts::Attestations` (`max_values`: None, `max_size`: Some(2450), added: 4925, mode: `MaxEncodedLen`)
	fn attest() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `4100`
		//  Estimated: `11501`
		// Minimum execution time: 36_000_000 picoseconds.
		Weight::from_parts(38_000_000, 11501)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Artifacts::Attestations` (r:1 w:1)
	/// Proof: `Artifacts::Attestations` (`max_values`: None, `max_size`: Some(2450), added: 4925, mode: `MaxEncodedLen`)
	fn revoke_attestation() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2500`
		//  Estimated: `5915`
		// Minimum execution time: 28_000_000 picoseconds.
		Weight::from_parts(30_000_000, 5915)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Artifacts::Attestations` (r:1 w:1)
	/// Proof: `Artifacts::Attestations` (`max_values`: None, `max_size`: Some(2450), added: 4925, mode: `MaxEncodedLen`)
	fn remove_attestation() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2500`
		//  Estimated: `5915`
		// Minimum execution time: 27_000_000 picoseconds.
		Weight::from_parts(29_000_000, 5915)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Artifacts::Gates` (r:0 w:1)
	/// Proof: `Artifacts::Gates` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn set_gate() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 8_000_000 picoseconds.
		Weight::from_parts(9_000_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Artifacts::Artifacts` (r:1 w:1)
	/// Proof: `Artifacts::Artifacts` (`max_values`: None, `max_size`: Some(813), added: 3288, mode: `MaxEncodedLen`)
	/// Storage: `Artifacts::Gates` (r:1 w:0)
	/// Proof: `Artifacts::Gates` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Artifacts::Attestations` (r:1 w:0)
	/// Proof: `Artifacts::Attestations` (`max_values`: None, `max_size`: Some(2450), added: 4925, mode: `MaxEncodedLen`)
	fn advance_stage() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3300`
		//  Estimated: `8213`
		// Minimum execution time: 48_000_000 picoseconds.
		Weight::from_parts(52_000_000, 8213)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Artifacts::Artifacts` (r:1 w:1)
	/// Proof: `Artifacts::Artifacts` (`max_values`: None, `max_size`: Some(813), added: 3288, mode: `MaxEncodedLen`)
	fn deprecate() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `850`
		//  Estimated: `4278`
		// Minimum execution time: 18_000_000 picoseconds.
		Weight::from_parts(20_000_000, 4278)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Artifacts::Artifacts` (r:1 w:1)
	/// Proof: `Artifacts::Artifacts` (`max_values`: None, `max_size`: Some(813), added: 3288, mode: `MaxEncodedLen`)
	/// Storage: `Artifacts::SuspensionExpiries` (r:2 w:2)
	/// Proof: `Artifacts::SuspensionExpiries` (`max_values`: None, `max_size`: Some(541), added: 3016, mode: `MaxEncodedLen`)
	fn suspend() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1900`
		//  Estimated: `7022`
		// Minimum execution time: 36_000_000 picoseconds.
		Weight::from_parts(38_000_000, 7022)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Artifacts::Artifacts` (r:1 w:1)
	/// Proof: `Artifacts::Artifacts` (`max_values`: None, `max_size`: Some(813), added: 3288, mode: `MaxEncodedLen`)
	/// Storage: `Artifacts::SuspensionExpiries` (r:1 w:1)
	/// Proof: `Artifacts::SuspensionExpiries` (`max_values`: None, `max_size`: Some(541), added: 3016, mode: `MaxEncodedLen`)
	fn lift() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1400`
		//  Estimated: `4278`
		// Minimum execution time: 28_000_000 picoseconds.
		Weight::from_parts(30_000_000, 4278)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Artifacts::Artifacts` (r:1 w:1)
	/// Proof: `Artifacts::Artifacts` (`max_values`: None, `max_size`: Some(813), added: 3288, mode: `MaxEncodedLen`)
	/// Storage: `Artifacts::SuspensionExpiries` (r:1 w:1)
	/// Proof: `Artifacts::SuspensionExpiries` (`max_values`: None, `max_size`: Some(541), added: 3016, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Artifacts::Attestations` (r:0 w:1)
	/// Proof: `Artifacts::Attestations` (`max_values`: None, `max_size`: Some(2450), added: 4925, mode: `MaxEncodedLen`)
	fn withdraw() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1700`
		//  Estimated: `7022`
		// Minimum execution time: 66_000_000 picoseconds.
		Weight::from_parts(70_000_000, 7022)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Artifacts::Artifacts` (r:1 w:1)
	/// Proof: `Artifacts::Artifacts` (`max_values`: None, `max_size`: Some(813), added: 3288, mode: `MaxEncodedLen`)
	/// Storage: `Artifacts::ChildCount` (r:9 w:8)
	/// Proof: `Artifacts::ChildCount` (`max_values`: None, `max_size`: Some(53), added: 2528, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Artifacts::Attestations` (r:0 w:1)
	/// Proof: `Artifacts::Attestations` (`max_values`: None, `max_size`: Some(2450), added: 4925, mode: `MaxEncodedLen`)
	/// The range of component `p` is `[0, 8]`.
	fn retract(p: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1100 + p * (60 ±0)`
		//  Estimated: `4278 + p * (2528 ±0)`
		// Minimum execution time: 56_000_000 picoseconds.
		Weight::from_parts(60_000_000, 4278)
			// Standard Error: 2_000
			.saturating_add(Weight::from_parts(6_000_000, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(p.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 2528).saturating_mul(p.into()))
	}
	/// Storage: `Artifacts::SuspensionExpiries` (r:1 w:1)
	/// Proof: `Artifacts::SuspensionExpiries` (`max_values`: None, `max_size`: Some(541), added: 3016, mode: `MaxEncodedLen`)
	/// Storage: `Artifacts::Artifacts` (r:16 w:16)
	/// Proof: `Artifacts::Artifacts` (`max_values`: None, `max_size`: Some(813), added: 3288, mode: `MaxEncodedLen`)
	/// The range of component `e` is `[0, 16]`.
	/// (`2 · e` writes bound the `e` artifacts plus the removal of a non-empty queue entry.)
	fn on_initialize(e: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `100 + e * (850 ±0)`
		//  Estimated: `3016 + e * (3288 ±0)`
		// Minimum execution time: 3_000_000 picoseconds.
		Weight::from_parts(3_500_000, 3016)
			// Standard Error: 2_000
			.saturating_add(Weight::from_parts(14_000_000, 0).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(e.into())))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(e.into())))
			.saturating_add(Weight::from_parts(0, 3288).saturating_mul(e.into()))
	}
	/// Storage: `Artifacts::Artifacts` (r:65 w:0)
	/// Proof: `Artifacts::Artifacts` (`max_values`: None, `max_size`: Some(813), added: 3288, mode: `MaxEncodedLen`)
	/// The range of component `d` is `[1, 8]`.
	fn lineage(d: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `850 + d * (6800 ±0)`
		//  Estimated: `3288 + d * (26304 ±0)`
		// Minimum execution time: 4_000_000 picoseconds.
		Weight::from_parts(4_000_000, 3288)
			// Standard Error: 10_000
			.saturating_add(Weight::from_parts(38_000_000, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((8_u64).saturating_mul(d.into())))
			.saturating_add(Weight::from_parts(0, 26304).saturating_mul(d.into()))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn register(p: u32, ) -> Weight {
		Weight::from_parts(62_000_000, 4278)
			.saturating_add(Weight::from_parts(9_500_000, 0).saturating_mul(p.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(p.into())))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 5816).saturating_mul(p.into()))
	}
	fn attest() -> Weight {
		Weight::from_parts(38_000_000, 11501)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn revoke_attestation() -> Weight {
		Weight::from_parts(30_000_000, 5915)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn remove_attestation() -> Weight {
		Weight::from_parts(29_000_000, 5915)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn set_gate() -> Weight {
		Weight::from_parts(9_000_000, 0)
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn advance_stage() -> Weight {
		Weight::from_parts(52_000_000, 8213)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn deprecate() -> Weight {
		Weight::from_parts(20_000_000, 4278)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn suspend() -> Weight {
		Weight::from_parts(38_000_000, 7022)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn lift() -> Weight {
		Weight::from_parts(30_000_000, 4278)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn withdraw() -> Weight {
		Weight::from_parts(70_000_000, 7022)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn retract(p: u32, ) -> Weight {
		Weight::from_parts(60_000_000, 4278)
			.saturating_add(Weight::from_parts(6_000_000, 0).saturating_mul(p.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(p.into())))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 2528).saturating_mul(p.into()))
	}
	fn on_initialize(e: u32, ) -> Weight {
		Weight::from_parts(3_500_000, 3016)
			.saturating_add(Weight::from_parts(14_000_000, 0).saturating_mul(e.into()))
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(e.into())))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(e.into())))
			.saturating_add(Weight::from_parts(0, 3288).saturating_mul(e.into()))
	}
	fn lineage(d: u32, ) -> Weight {
		Weight::from_parts(4_000_000, 3288)
			.saturating_add(Weight::from_parts(38_000_000, 0).saturating_mul(d.into()))
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().reads((8_u64).saturating_mul(d.into())))
			.saturating_add(Weight::from_parts(0, 26304).saturating_mul(d.into()))
	}
}
