//! Weights for `pallet_guardians` in the Ostrom runtime.
//!
//! **ESTIMATES, not measured.** The pallet is new (the emergency measures moved out of
//! `pallet_constitution`): `take_measure`, `ratify_measure`, `lift_measure`, `set_guardians` and
//! `on_initialize` are the weights measured for these calls in `pallet_constitution`
//! (2026-11-22, `scripts/benchmark.sh`) plus two reads and writes each for the per-guardian
//! counters and the cooldowns; `confirm_hold` is `lift_measure` plus `pallet_constitution`'s
//! measured `advance_expire` (closing a decision and cancelling its polls). Regenerate with
//! `scripts/benchmark.sh` (`--pallets pallet_guardians`).

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::Weight};
use core::marker::PhantomData;

/// Weight functions for `pallet_guardians`.
pub struct WeightInfo<T>(PhantomData<T>);
impl<T: frame_system::Config> pallet_guardians::WeightInfo for WeightInfo<T> {
	fn take_measure() -> Weight {
		Weight::from_parts(943_091_000, 0)
			.saturating_add(Weight::from_parts(0, 4278))
			.saturating_add(T::DbWeight::get().reads(9))
			.saturating_add(T::DbWeight::get().writes(9))
	}
	fn ratify_measure() -> Weight {
		Weight::from_parts(1_028_592_000, 0)
			.saturating_add(Weight::from_parts(0, 7022))
			.saturating_add(T::DbWeight::get().reads(9))
			.saturating_add(T::DbWeight::get().writes(8))
	}
	fn lift_measure() -> Weight {
		Weight::from_parts(945_345_000, 0)
			.saturating_add(Weight::from_parts(0, 4278))
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(8))
	}
	fn confirm_hold() -> Weight {
		Weight::from_parts(11_630_021_000, 0)
			.saturating_add(Weight::from_parts(0, 30231))
			.saturating_add(T::DbWeight::get().reads(15))
			.saturating_add(T::DbWeight::get().writes(17))
	}
	fn set_guardians(g: u32, ) -> Weight {
		Weight::from_parts(347_117_627, 0)
			.saturating_add(Weight::from_parts(0, 1486))
			.saturating_add(Weight::from_parts(1_047_547, 0).saturating_mul(g.into()))
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(g.into())))
	}
	fn on_initialize(n: u32, ) -> Weight {
		Weight::from_parts(228_246_116, 0)
			.saturating_add(Weight::from_parts(0, 4006))
			.saturating_add(Weight::from_parts(655_044_745, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1))
			.saturating_add(T::DbWeight::get().writes((6_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3288).saturating_mul(n.into()))
	}
}
