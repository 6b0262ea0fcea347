//! Benchmarks of the quadratic-funding pallet (frame-benchmarking v2), each in its worst case.

#![cfg(feature = "runtime-benchmarks")]
#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use super::*;
use crate::Pallet as QuadraticFunding;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;

const SEED: u32 = 0;

/// A contribution: a thousand existential deposits.
fn unit<T: Config>() -> BalanceOf<T> {
	let ed = T::Currency::minimum_balance().max(1u32.into());
	ed * 1_000u32.into()
}

/// The matching pool of the benchmark rounds.
fn pool<T: Config>() -> BalanceOf<T> {
	unit::<T>() * 1_000u32.into()
}

/// Give `who` plenty of funds.
fn endow<T: Config>(who: &T::AccountId) {
	T::Currency::set_balance(who, unit::<T>() * 1_000_000u32.into());
}

/// Create a round at the current block, with the shortest periods and a cap of half the pool.
fn create<T: Config>() -> Result<RoundIndex, BenchmarkError> {
	create_with_cap::<T>(Perbill::from_percent(50))
}

/// Create a round at the current block, with the shortest periods and the given cap.
fn create_with_cap<T: Config>(cap: Perbill) -> Result<RoundIndex, BenchmarkError> {
	let treasury = T::TreasuryAccount::get();
	T::Currency::set_balance(&treasury, pool::<T>() * 10u32.into());
	let origin =
		T::CreateOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
	let round = RoundCount::<T>::get();
	QuadraticFunding::<T>::create_round(
		origin,
		pool::<T>(),
		T::MinPeriod::get(),
		T::MinPeriod::get(),
		cap,
		unit::<T>(),
	)?;
	Ok(round)
}

/// `n` projects applying to `round`, each from its own applicant.
fn apply_projects<T: Config>(round: RoundIndex, n: u32) -> Result<(), BenchmarkError> {
	for i in 0..n {
		let applicant: T::AccountId = account("applicant", i, SEED);
		endow::<T>(&applicant);
		QuadraticFunding::<T>::apply(
			RawOrigin::Signed(applicant).into(),
			round,
			account("recipient", i, SEED),
			T::Hash::default(),
			Some(T::Hash::default()),
		)?;
	}
	Ok(())
}

/// A funded person.
fn person<T: Config>(i: u32) -> T::AccountId {
	let who: T::AccountId = account("contributor", i, SEED);
	endow::<T>(&who);
	T::Personhood::make_person(&who);
	who
}

/// Move to the first block of `round`'s contribution period.
fn to_contributions<T: Config>(round: RoundIndex) {
	let info = Rounds::<T>::get(round).unwrap();
	frame_system::Pallet::<T>::set_block_number(info.application_end);
}

/// Move to the first block after `round`'s contribution period.
fn to_end<T: Config>(round: RoundIndex) {
	let info = Rounds::<T>::get(round).unwrap();
	frame_system::Pallet::<T>::set_block_number(info.contribution_end);
}

fn contribute_as<T: Config>(
	who: &T::AccountId,
	round: RoundIndex,
	project: ProjectIndex,
	amount: BalanceOf<T>,
) -> Result<(), BenchmarkError> {
	QuadraticFunding::<T>::contribute(
		RawOrigin::Signed(who.clone()).into(),
		round,
		project,
		amount,
	)?;
	Ok(())
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_round() -> Result<(), BenchmarkError> {
		let origin =
			T::CreateOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let treasury = T::TreasuryAccount::get();
		T::Currency::set_balance(&treasury, pool::<T>() * 10u32.into());
		let round = RoundCount::<T>::get();

		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			pool::<T>(),
			T::MaxPeriod::get(),
			T::MaxPeriod::get(),
			Perbill::from_percent(50),
			unit::<T>(),
		);

		assert!(Rounds::<T>::contains_key(round));
		Ok(())
	}

	/// Worst case: the application fills the round's last project slot.
	#[benchmark]
	fn apply() -> Result<(), BenchmarkError> {
		let round = create::<T>()?;
		let max = T::MaxProjects::get();
		apply_projects::<T>(round, max - 1)?;
		let caller: T::AccountId = whitelisted_caller();
		endow::<T>(&caller);
		let recipient: T::AccountId = account("recipient", max, SEED);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(caller),
			round,
			recipient,
			T::Hash::default(),
			Some(T::Hash::default()),
		);

		assert_eq!(Rounds::<T>::get(round).unwrap().projects, max);
		Ok(())
	}

	/// Rejection of a project without contributions: the deposit is slashed to the treasury
	/// and the record removed.
	#[benchmark]
	fn reject_project() -> Result<(), BenchmarkError> {
		let origin =
			T::CuratorOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let round = create::<T>()?;
		apply_projects::<T>(round, 1)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, round, 0, T::Hash::default());

		assert!(!Projects::<T>::contains_key(round, 0));
		Ok(())
	}

	/// Worst case: the caller already contributed to the project (its old root is replaced).
	#[benchmark]
	fn contribute() -> Result<(), BenchmarkError> {
		let round = create::<T>()?;
		apply_projects::<T>(round, 1)?;
		to_contributions::<T>(round);
		let contributor = person::<T>(0);
		contribute_as::<T>(&contributor, round, 0, unit::<T>())?;
		let amount = unit::<T>() * 3u32.into();

		#[extrinsic_call]
		_(RawOrigin::Signed(contributor.clone()), round, 0, amount);

		assert_eq!(
			Contributions::<T>::get((round, 0), contributor),
			Some(unit::<T>() * 4u32.into())
		);
		Ok(())
	}

	/// `p` projects, each with two contributors (so that all of them score) giving `k` units
	/// to the `k`-th project, and a cap of `1 / (p + 1)` of the pool, which binds on the larger
	/// half of the projects (the capping loop and the proportional split both run).
	#[benchmark]
	fn finalize_round(p: Linear<1, { T::MaxProjects::get() }>) -> Result<(), BenchmarkError> {
		let round = create_with_cap::<T>(Perbill::from_rational(1u32, p + 1))?;
		apply_projects::<T>(round, p)?;
		to_contributions::<T>(round);
		let first = person::<T>(0);
		let second = person::<T>(1);
		for project in 0..p {
			let amount = unit::<T>() * (project + 1).into();
			contribute_as::<T>(&first, round, project, amount)?;
			contribute_as::<T>(&second, round, project, amount)?;
		}
		to_end::<T>(round);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), round);

		assert_eq!(Rounds::<T>::get(round).unwrap().status, RoundStatus::Finalized);
		Ok(())
	}

	/// Worst case: the claim of the round's last project, which closes the round.
	#[benchmark]
	fn claim() -> Result<(), BenchmarkError> {
		let round = create::<T>()?;
		apply_projects::<T>(round, 1)?;
		to_contributions::<T>(round);
		contribute_as::<T>(&person::<T>(0), round, 0, unit::<T>())?;
		contribute_as::<T>(&person::<T>(1), round, 0, unit::<T>())?;
		to_end::<T>(round);
		let caller: T::AccountId = whitelisted_caller();
		QuadraticFunding::<T>::finalize_round(RawOrigin::Signed(caller.clone()).into(), round)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), round, 0);

		assert!(!Rounds::<T>::contains_key(round));
		Ok(())
	}

	/// Cancellation by the curator (the origin check tries the create origin first) of a round
	/// with `p` projects without contributions: every deposit is released, every record
	/// removed, and the round closed.
	#[benchmark]
	fn cancel_round(p: Linear<1, { T::MaxProjects::get() }>) -> Result<(), BenchmarkError> {
		let origin =
			T::CuratorOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let round = create::<T>()?;
		apply_projects::<T>(round, p)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, round);

		assert!(!Rounds::<T>::contains_key(round));
		Ok(())
	}

	/// Worst case: the last refund of a cancelled round, which removes the project and closes
	/// the round.
	#[benchmark]
	fn refund() -> Result<(), BenchmarkError> {
		let round = create::<T>()?;
		apply_projects::<T>(round, 1)?;
		to_contributions::<T>(round);
		let contributor = person::<T>(0);
		contribute_as::<T>(&contributor, round, 0, unit::<T>())?;
		let origin =
			T::CreateOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		QuadraticFunding::<T>::cancel_round(origin, round)?;
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), round, 0, contributor);

		assert!(!Rounds::<T>::contains_key(round));
		Ok(())
	}

	/// `n` contribution records of a claimed project.
	#[benchmark]
	fn reap_contributions(
		n: Linear<1, { T::RemoveItemsLimit::get() }>,
	) -> Result<(), BenchmarkError> {
		let round = create::<T>()?;
		apply_projects::<T>(round, 1)?;
		to_end::<T>(round);
		let caller: T::AccountId = whitelisted_caller();
		QuadraticFunding::<T>::finalize_round(RawOrigin::Signed(caller.clone()).into(), round)?;
		QuadraticFunding::<T>::claim(RawOrigin::Signed(caller.clone()).into(), round, 0)?;
		for i in 0..n {
			let contributor: T::AccountId = account("contributor", i, SEED);
			Contributions::<T>::insert((round, 0), contributor, unit::<T>());
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), round, 0);

		assert_eq!(Contributions::<T>::iter_prefix((round, 0)).count(), 0);
		Ok(())
	}

	impl_benchmark_test_suite!(QuadraticFunding, crate::mock::new_test_ext(), crate::mock::Test);
}
