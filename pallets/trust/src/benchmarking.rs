//! Benchmarks of the trust pallet (frame-benchmarking v2), each in its worst case.

#![cfg(feature = "runtime-benchmarks")]
#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use super::*;
use crate::Pallet as Trust;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::fungible::Inspect;
use frame_system::RawOrigin;
use sp_runtime::traits::Zero;

const SEED: u32 = 0;

/// Give `who` enough for every deposit it may need, and a thousand existential deposits more.
fn endow<T: Config>(who: &T::AccountId) {
	let ed = T::Currency::minimum_balance().max(1u32.into());
	let deposits = T::EndorsementDeposit::get() * (T::MaxEndorsements::get() + 1).into();
	T::Currency::set_balance(who, deposits + ed * 1_000u32.into());
}

/// The `i`-th endorsed account.
fn endorsee<T: Config>(i: u32) -> T::AccountId {
	account("endorsee", i, SEED)
}

/// A funded person.
fn person<T: Config>() -> T::AccountId {
	let who: T::AccountId = whitelisted_caller();
	endow::<T>(&who);
	T::Personhood::make_person(&who);
	who
}

/// `from` (a person) endorses the endorsees `0..n`.
fn endorse_many<T: Config>(from: &T::AccountId, n: u32) -> Result<(), BenchmarkError> {
	for i in 0..n {
		Trust::<T>::endorse(RawOrigin::Signed(from.clone()).into(), endorsee::<T>(i), 50)?;
	}
	Ok(())
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Worst case: a new edge in a list one short of full (the whole list is decoded, shifted
	/// and written back), holding a deposit.
	#[benchmark]
	fn endorse() -> Result<(), BenchmarkError> {
		let caller = person::<T>();
		let max = T::MaxEndorsements::get();
		endorse_many::<T>(&caller, max.saturating_sub(1))?;
		let to = endorsee::<T>(max);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), to.clone(), MAX_WEIGHT);

		assert_eq!(Trust::<T>::endorsement(&caller, &to), Some(MAX_WEIGHT));
		assert_eq!(Endorsements::<T>::get(&caller).len() as u32, max);
		Ok(())
	}

	/// Worst case: an edge of a full list, which is written back one shorter, releasing a
	/// deposit.
	#[benchmark]
	fn withdraw_endorsement() -> Result<(), BenchmarkError> {
		let caller = person::<T>();
		let max = T::MaxEndorsements::get();
		endorse_many::<T>(&caller, max)?;
		let to = Endorsements::<T>::get(&caller).first().map(|edge| edge.to.clone()).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), to.clone());

		assert_eq!(Trust::<T>::endorsement(&caller, &to), None);
		assert_eq!(Endorsements::<T>::get(&caller).len() as u32, max - 1);
		Ok(())
	}

	/// `n` edges of an endorser that is not a person (set up in storage, with their deposits
	/// held), removed by another account.
	#[benchmark]
	fn remove_stale(n: Linear<1, { T::MaxEndorsements::get() }>) -> Result<(), BenchmarkError> {
		let endorser: T::AccountId = account("endorser", 0, SEED);
		endow::<T>(&endorser);
		let mut edges: Vec<EndorsementOf<T>> =
			(0..n).map(|i| Endorsement { to: endorsee::<T>(i), weight: MAX_WEIGHT }).collect();
		edges.sort_by(|a, b| a.to.cmp(&b.to));
		Endorsements::<T>::insert(&endorser, BoundedVec::truncate_from(edges));
		EndorsementCount::<T>::put(n);
		T::Currency::hold(
			&HoldReason::Endorsement.into(),
			&endorser,
			T::EndorsementDeposit::get() * n.into(),
		)?;
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), endorser.clone());

		assert!(!Endorsements::<T>::contains_key(&endorser));
		assert_eq!(EndorsementCount::<T>::get(), 0);
		assert!(Trust::<T>::deposit_of(&endorser).is_zero());
		Ok(())
	}

	impl_benchmark_test_suite!(Trust, crate::mock::new_test_ext(), crate::mock::Test);
}
