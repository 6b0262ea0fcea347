//! Benchmarks of the guardians pallet (frame-benchmarking v2).
//!
//! Requirements on the configuration: `MaxExtension` and `MaxMeasureDuration` not zero,
//! `MaxHoldsPerMandate` not zero; `RatifyOrigin` and `AmendOrigin` with a successful origin.

#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use super::*;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Hooks};
use frame_system::RawOrigin;
use sp_runtime::traits::{Bounded, Hash};

const SEED: u32 = 0;

fn now<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number()
}

/// A guardian with a mandate that does not end.
fn guardian<T: Config>() -> T::AccountId {
	let guardian: T::AccountId = whitelisted_caller();
	GuardianSet::<T>::put(GuardianMandate {
		members: BoundedVec::truncate_from(vec![guardian.clone()]),
		mandate_end: BlockNumberFor::<T>::max_value(),
	});
	guardian
}

/// Fill the expiry queue at `at` to one short of its maximum.
fn crowd_expiries<T: Config>(at: BlockNumberFor<T>) {
	let ids: Vec<MeasureId> =
		(1..T::MaxExpiriesPerBlock::get()).map(|i| MeasureId::MAX - i).collect();
	MeasureExpiries::<T>::insert(at, BoundedVec::truncate_from(ids));
}

/// The guardian takes `measure` for the longest duration; returns its id.
fn take_as<T: Config>(
	guardian: &T::AccountId,
	measure: MeasureOf<T>,
) -> Result<MeasureId, BenchmarkError> {
	let id = NextMeasureId::<T>::get();
	Pallet::<T>::do_take_measure(
		guardian.clone(),
		measure,
		T::Hashing::hash(b"reason"),
		T::MaxMeasureDuration::get(),
	)
	.map_err(|_| BenchmarkError::Stop("cannot take the measure"))?;
	Ok(id)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Worst case: the helper's (costliest) measure, ending in an expiry queue one short of
	/// full.
	#[benchmark]
	fn take_measure() -> Result<(), BenchmarkError> {
		let guardian = guardian::<T>();
		let measure = T::BenchmarkHelper::measure(0);
		let duration = T::MaxMeasureDuration::get();
		crowd_expiries::<T>(now::<T>() + duration);

		#[extrinsic_call]
		_(RawOrigin::Signed(guardian), measure.clone(), T::Hashing::hash(b"reason"), duration);

		assert!(MeasureTargets::<T>::contains_key(measure));
		Ok(())
	}

	/// The helper's measure, extended by the longest extension.
	#[benchmark]
	fn ratify_measure() -> Result<(), BenchmarkError> {
		let guardian = guardian::<T>();
		let id = take_as::<T>(&guardian, T::BenchmarkHelper::measure(0))?;
		let extension = T::MaxExtension::get();
		let expires = Measures::<T>::get(id).unwrap().expires;
		crowd_expiries::<T>(expires + extension);
		let origin =
			T::RatifyOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, extension);

		assert_eq!(Measures::<T>::get(id).unwrap().expires, expires + extension);
		Ok(())
	}

	/// The guardian lifts the helper's measure, releasing its brake.
	#[benchmark]
	fn lift_measure() -> Result<(), BenchmarkError> {
		let guardian = guardian::<T>();
		let id = take_as::<T>(&guardian, T::BenchmarkHelper::measure(0))?;

		#[extrinsic_call]
		_(RawOrigin::Signed(guardian), id);

		assert!(!Measures::<T>::contains_key(id));
		Ok(())
	}

	/// The ratification class confirms a hold: the helper's decision is cancelled.
	#[benchmark]
	fn confirm_hold() -> Result<(), BenchmarkError> {
		let guardian = guardian::<T>();
		let decision = T::BenchmarkHelper::decision(0);
		let id = take_as::<T>(&guardian, Measure::HoldDecision(decision))?;
		let origin =
			T::RatifyOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);

		assert!(!Measures::<T>::contains_key(id));
		assert!(!T::Decisions::is_held(decision));
		Ok(())
	}

	/// `g` guardians replace `MaxGuardians` others.
	#[benchmark]
	fn set_guardians(g: Linear<0, { T::MaxGuardians::get() }>) -> Result<(), BenchmarkError> {
		let old: Vec<T::AccountId> =
			(0..T::MaxGuardians::get()).map(|i| account("old", i, SEED)).collect();
		GuardianSet::<T>::put(GuardianMandate {
			members: BoundedVec::truncate_from(old),
			mandate_end: BlockNumberFor::<T>::max_value(),
		});
		let guardians: Vec<T::AccountId> = (0..g).map(|i| account("guardian", i, SEED)).collect();
		let guardians = BoundedVec::truncate_from(guardians);
		let origin =
			T::AmendOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, guardians, BlockNumberFor::<T>::max_value());

		assert_eq!(GuardianSet::<T>::get().members.len() as u32, g);
		Ok(())
	}

	/// `n` measures ending at the block, each the helper's, each released by its own pallet or
	/// by this one.
	#[benchmark]
	fn on_initialize(
		n: Linear<0, { T::MaxExpiriesPerBlock::get() }>,
	) -> Result<(), BenchmarkError> {
		let mut guardians = Vec::new();
		for i in 0..n {
			let guardian: T::AccountId = account("guardian", i, SEED);
			guardians.push(guardian);
		}
		GuardianSet::<T>::put(GuardianMandate {
			members: BoundedVec::truncate_from(guardians.clone()),
			mandate_end: BlockNumberFor::<T>::max_value(),
		});
		for (i, guardian) in guardians.iter().enumerate() {
			take_as::<T>(guardian, T::BenchmarkHelper::measure(i as u32))?;
		}
		let at = now::<T>() + T::MaxMeasureDuration::get();
		frame_system::Pallet::<T>::set_block_number(at);

		#[block]
		{
			let _ = Pallet::<T>::on_initialize(at);
		}

		assert_eq!(Measures::<T>::count(), 0);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_bench_ext(), crate::mock::Test);
}
