//! Weights for `pallet_bounty_work`.
//!
//! **ESTIMATES.** Written by hand from each call's storage accesses, including the
//! `pallet-multi-asset-bounties` calls it makes (fund, check status, accept curator, award,
//! close: each a few reads and writes and one balance transfer). The runtime uses the weights
//! measured by `PALLETS=pallet_bounty_work scripts/benchmark.sh`
//! (`runtime/src/weights/pallet_bounty_work.rs`) when they exist; these serve the mock and are
//! deliberately generous.
//!
//! - `open(m)`: `m` milestones (the fee's child bounty counted as one more).
//! - `claim(a)`: `a` applicants whose deposits are released (0 for a milestone that is not the
//!   last).
//! - `close(c, a)`: `c` child bounties refunded, `a` applicants released.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_bounty_work`.
pub trait WeightInfo {
	fn open(m: u32, ) -> Weight;
	fn apply() -> Weight;
	fn withdraw_application() -> Weight;
	fn dismiss() -> Weight;
	fn assign() -> Weight;
	fn unassign() -> Weight;
	fn deliver() -> Weight;
	fn accept() -> Weight;
	fn claim(a: u32, ) -> Weight;
	fn close(c: u32, a: u32, ) -> Weight;
}

/// Hand-estimated weights (see the module documentation).
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn open(m: u32, ) -> Weight {
		Weight::from_parts(250_000_000, 12_000)
			.saturating_add(Weight::from_parts(150_000_000, 8_000).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().reads((6_u64).saturating_mul(m.into())))
			.saturating_add(T::DbWeight::get().writes(10_u64))
			.saturating_add(T::DbWeight::get().writes((6_u64).saturating_mul(m.into())))
	}
	fn apply() -> Weight {
		Weight::from_parts(80_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn withdraw_application() -> Weight {
		Weight::from_parts(80_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn dismiss() -> Weight {
		Weight::from_parts(90_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn assign() -> Weight {
		Weight::from_parts(40_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn unassign() -> Weight {
		Weight::from_parts(45_000_000, 6_000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn deliver() -> Weight {
		Weight::from_parts(60_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn accept() -> Weight {
		Weight::from_parts(40_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn claim(a: u32, ) -> Weight {
		Weight::from_parts(400_000_000, 20_000)
			.saturating_add(Weight::from_parts(40_000_000, 2_700).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(16_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes(16_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(a.into())))
	}
	fn close(c: u32, a: u32, ) -> Weight {
		Weight::from_parts(250_000_000, 12_000)
			.saturating_add(Weight::from_parts(150_000_000, 8_000).saturating_mul(c.into()))
			.saturating_add(Weight::from_parts(40_000_000, 2_700).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().reads((6_u64).saturating_mul(c.into())))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes(10_u64))
			.saturating_add(T::DbWeight::get().writes((6_u64).saturating_mul(c.into())))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(a.into())))
	}
}

impl WeightInfo for () {
	fn open(m: u32, ) -> Weight {
		Weight::from_parts(250_000_000, 12_000).saturating_add(Weight::from_parts(150_000_000, 8_000).saturating_mul(m.into()))
	}
	fn apply() -> Weight { Weight::from_parts(80_000_000, 8_000) }
	fn withdraw_application() -> Weight { Weight::from_parts(80_000_000, 8_000) }
	fn dismiss() -> Weight { Weight::from_parts(90_000_000, 10_000) }
	fn assign() -> Weight { Weight::from_parts(40_000_000, 4_000) }
	fn unassign() -> Weight { Weight::from_parts(45_000_000, 6_000) }
	fn deliver() -> Weight { Weight::from_parts(60_000_000, 8_000) }
	fn accept() -> Weight { Weight::from_parts(40_000_000, 4_000) }
	fn claim(a: u32, ) -> Weight {
		Weight::from_parts(400_000_000, 20_000).saturating_add(Weight::from_parts(40_000_000, 2_700).saturating_mul(a.into()))
	}
	fn close(c: u32, a: u32, ) -> Weight {
		Weight::from_parts(250_000_000, 12_000)
			.saturating_add(Weight::from_parts(150_000_000, 8_000).saturating_mul(c.into()))
			.saturating_add(Weight::from_parts(40_000_000, 2_700).saturating_mul(a.into()))
	}
}
