//! Weights for `pallet_guardians`.
//!
//! **ESTIMATES.** `take_measure`, `ratify_measure`, `lift_measure`, `set_guardians` and
//! `on_initialize` carry the weights these calls had in `pallet-constitution` (from where they
//! moved), with two more reads and writes each for the per-guardian counters and the cooldowns;
//! `confirm_hold` is `lift_measure` plus the constitution's `advance_expire` (closing a decision
//! and cancelling its polls). Regenerate with the benchmarks in `benchmarking.rs`:
//!
//! ```text
//! ostrom-node benchmark pallet --chain dev --pallet pallet_guardians --extrinsic '*' \
//!     --steps 50 --repeat 20 --output pallets/guardians/src/weights.rs --template <pallet template>
//! ```

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_guardians`.
pub trait WeightInfo {
	fn take_measure() -> Weight;
	fn ratify_measure() -> Weight;
	fn lift_measure() -> Weight;
	fn confirm_hold() -> Weight;
	fn set_guardians(g: u32, ) -> Weight;
	fn on_initialize(n: u32, ) -> Weight;
}

/// Weights for `pallet_guardians` using the Substrate node and recommended hardware
/// (hand-estimated, see the module documentation).
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn take_measure() -> Weight {
		Weight::from_parts(60_000_000, 8212)
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn ratify_measure() -> Weight {
		Weight::from_parts(60_000_000, 9206)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	fn lift_measure() -> Weight {
		Weight::from_parts(57_000_000, 6106)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
	fn confirm_hold() -> Weight {
		Weight::from_parts(177_000_000, 159279)
			.saturating_add(T::DbWeight::get().reads(23_u64))
			.saturating_add(T::DbWeight::get().writes(21_u64))
	}
	fn set_guardians(g: u32, ) -> Weight {
		Weight::from_parts(12_000_000, 1486)
			.saturating_add(Weight::from_parts(2_000_000, 0).saturating_mul(g.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(g.into())))
	}
	fn on_initialize(n: u32, ) -> Weight {
		Weight::from_parts(5_000_000, 4006)
			.saturating_add(Weight::from_parts(40_000_000, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((6_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((7_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3288).saturating_mul(n.into()))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn take_measure() -> Weight {
		Weight::from_parts(60_000_000, 8212)
			.saturating_add(RocksDbWeight::get().reads(11_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn ratify_measure() -> Weight {
		Weight::from_parts(60_000_000, 9206)
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn lift_measure() -> Weight {
		Weight::from_parts(57_000_000, 6106)
			.saturating_add(RocksDbWeight::get().reads(9_u64))
			.saturating_add(RocksDbWeight::get().writes(9_u64))
	}
	fn confirm_hold() -> Weight {
		Weight::from_parts(177_000_000, 159279)
			.saturating_add(RocksDbWeight::get().reads(23_u64))
			.saturating_add(RocksDbWeight::get().writes(21_u64))
	}
	fn set_guardians(g: u32, ) -> Weight {
		Weight::from_parts(12_000_000, 1486)
			.saturating_add(Weight::from_parts(2_000_000, 0).saturating_mul(g.into()))
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(g.into())))
	}
	fn on_initialize(n: u32, ) -> Weight {
		Weight::from_parts(5_000_000, 4006)
			.saturating_add(Weight::from_parts(40_000_000, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().reads((6_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(RocksDbWeight::get().writes((7_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3288).saturating_mul(n.into()))
	}
}
