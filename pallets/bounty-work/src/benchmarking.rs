//! Benchmarks of the bounty-work pallet (frame-benchmarking v2), each in its worst case.
//!
//! Every benchmark goes through the pallet's calls (and so through `pallet-multi-asset-bounties`
//! as configured): the treasury is funded with the `Paymaster`'s `ensure_successful`, the
//! bounties name [`Config::BenchmarkClass`] as acceptance class, and artifacts are registered
//! with [`Deliverables::register`].

#![cfg(feature = "runtime-benchmarks")]
#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use super::*;
use crate::Pallet as BountyWork;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Inspect, tokens::PayWithSource, Consideration};
use frame_system::RawOrigin;

const SEED: u32 = 0;

/// The `i`-th applicant.
fn applicant<T: Config>(i: u32) -> T::AccountId {
	account("applicant", i, SEED)
}

/// The curator every benchmark bounty names.
fn curator<T: Config>() -> T::AccountId {
	account("curator", 0, SEED)
}

/// Give `who` enough for a few deposits.
fn endow<T: Config>(who: &T::AccountId) {
	let ed = T::Currency::minimum_balance().max(1u32.into());
	T::Currency::set_balance(
		who,
		T::ApplicationDeposit::get() * 10u32.into() + ed * 1_000u32.into(),
	);
}

/// A decision of the benchmarks' acceptance class.
fn class_origin<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::ClassOrigin::try_successful_origin(&T::BenchmarkClass::get())
		.map_err(|_| BenchmarkError::Stop("ClassOrigin has no successful origin"))
}

/// The amount of each milestone: at least the minimums of `pallet-multi-asset-bounties`, and
/// enough for the largest curator's fee of one milestone to be a valid child bounty.
fn milestone<T: Config>() -> BalanceOf<T> {
	let child_min = <T as bounties::Config>::ChildBountyValueMinimum::get();
	let min = <T as bounties::Config>::BountyValueMinimum::get()
		.max(child_min)
		.max(T::Currency::minimum_balance());
	let max_fee = T::MaxCuratorFee::get();
	if max_fee.is_zero() {
		min
	} else {
		min.max(max_fee.saturating_reciprocal_mul_ceil(child_min))
	}
}

/// The arguments of `open` for a bounty of `m` milestones, with (if `fee`) the largest curator's
/// fee; the treasury is funded for it.
struct OpenArgs<T: Config> {
	origin: T::RuntimeOrigin,
	title: TitleOf<T>,
	milestones: MilestonesOf<T>,
	fee: BalanceOf<T>,
}

fn open_args<T: Config>(m: u32, fee: bool) -> Result<OpenArgs<T>, BenchmarkError> {
	let origin = T::OpenOrigin::try_successful_origin()
		.map_err(|_| BenchmarkError::Stop("OpenOrigin has no successful origin"))?;
	let limit = T::OpenOrigin::ensure_origin(origin.clone())
		.map_err(|_| BenchmarkError::Stop("OpenOrigin rejects its successful origin"))?;
	let amount = milestone::<T>();
	let value = amount * m.into();
	let mut curator_fee = Zero::zero();
	if fee {
		let max = T::MaxCuratorFee::get().mul_floor(value);
		if max >= <T as bounties::Config>::ChildBountyValueMinimum::get() {
			curator_fee = max;
		}
	}
	let total = value + curator_fee;
	if total > limit {
		return Err(BenchmarkError::Stop("OpenOrigin's limit is below the benchmark's bounty"));
	}
	let index = bounties::BountyCount::<T>::get();
	let treasury = bounties::Pallet::<T>::funding_source_account(())?;
	let account = bounties::Pallet::<T>::bounty_account(index, ())?;
	<T as bounties::Config>::Paymaster::ensure_successful(&treasury, &account, (), total);
	<T as bounties::Config>::Consideration::ensure_successful(
		&BountyWork::<T>::account_id(),
		total,
	);
	Ok(OpenArgs {
		origin,
		title: BoundedVec::truncate_from(vec![b'x'; T::MaxTitleLen::get() as usize]),
		milestones: BoundedVec::truncate_from(vec![amount; m as usize]),
		fee: curator_fee,
	})
}

/// Opens a bounty of `m` milestones with a curator (and, if `fee`, the largest fee), accepted by
/// [`Config::BenchmarkClass`], tied to a runtime upgrade if `upgrade`.
fn open_bounty<T: Config>(m: u32, fee: bool, upgrade: bool) -> Result<BountyIndex, BenchmarkError> {
	let args = open_args::<T>(m, fee)?;
	let index = bounties::BountyCount::<T>::get();
	BountyWork::<T>::open(
		args.origin,
		args.title,
		[1; 32],
		args.milestones,
		Some(T::Lookup::unlookup(curator::<T>())),
		args.fee,
		T::BenchmarkClass::get(),
		upgrade,
		T::MaxDuration::get(),
	)?;
	Ok(index)
}

/// The applicants `0..n` apply to `b`.
fn apply_many<T: Config>(b: BountyIndex, n: u32) -> Result<(), BenchmarkError> {
	for i in 0..n {
		let who = applicant::<T>(i);
		endow::<T>(&who);
		BountyWork::<T>::apply(RawOrigin::Signed(who).into(), b)?;
	}
	Ok(())
}

/// `who` (an applicant) is assigned `b` by a decision of the acceptance class.
fn assign_to<T: Config>(b: BountyIndex, who: &T::AccountId) -> Result<(), BenchmarkError> {
	BountyWork::<T>::assign(class_origin::<T>()?, b, T::Lookup::unlookup(who.clone()))?;
	Ok(())
}

/// The assignee `who` delivers an artifact (runtime code if `code`) it registers with `seed`.
fn deliver_as<T: Config>(
	b: BountyIndex,
	who: &T::AccountId,
	seed: u32,
	code: bool,
) -> Result<ArtifactIdOf<T>, BenchmarkError> {
	let artifact = T::Artifacts::register(who, seed, code);
	BountyWork::<T>::deliver(RawOrigin::Signed(who.clone()).into(), b, artifact.clone())?;
	Ok(artifact)
}

/// The acceptance class accepts the delivery of `b`, and the payout delay passes.
fn accept_and_wait<T: Config>(b: BountyIndex) -> Result<(), BenchmarkError> {
	BountyWork::<T>::accept(class_origin::<T>()?, b)?;
	let now = frame_system::Pallet::<T>::block_number();
	frame_system::Pallet::<T>::set_block_number(now + T::PayoutDelay::get());
	Ok(())
}

/// A bounty with a full list of applicants, the acceptance class's origin, and the last
/// applicant (with its lookup source): the worst case of `assign` and `dismiss`.
#[allow(clippy::type_complexity)]
fn full_list<T: Config>() -> Result<
	(BountyIndex, u32, T::RuntimeOrigin, T::AccountId, <T::Lookup as StaticLookup>::Source),
	BenchmarkError,
> {
	let b = open_bounty::<T>(1, false, false)?;
	let max = T::MaxApplicants::get();
	apply_many::<T>(b, max)?;
	let origin = class_origin::<T>()?;
	let who = applicant::<T>(max - 1);
	let lookup = T::Lookup::unlookup(who.clone());
	Ok((b, max, origin, who, lookup))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// `m` milestones and a curator's fee: `m` child bounties funded (`m - 1` milestones and
	/// the fee), the longest title noted as preimage.
	#[benchmark]
	fn open(m: Linear<1, { T::MaxMilestones::get() }>) -> Result<(), BenchmarkError> {
		let args = open_args::<T>(m, true)?;
		let index = bounties::BountyCount::<T>::get();
		let curator = T::Lookup::unlookup(curator::<T>());
		let class = T::BenchmarkClass::get();
		let duration = T::MaxDuration::get();

		#[extrinsic_call]
		_(
			args.origin as T::RuntimeOrigin,
			args.title,
			[1; 32],
			args.milestones,
			Some(curator),
			args.fee,
			class,
			true,
			duration,
		);

		let b = Bounties::<T>::get(index).ok_or("bounty not opened")?;
		assert_eq!(b.milestones.len() as u32, m);
		Ok(())
	}

	/// The last free slot of the applicants' list.
	#[benchmark]
	fn apply() -> Result<(), BenchmarkError> {
		let b = open_bounty::<T>(1, false, false)?;
		let max = T::MaxApplicants::get();
		apply_many::<T>(b, max - 1)?;
		let caller: T::AccountId = whitelisted_caller();
		endow::<T>(&caller);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), b);

		let applicants = Bounties::<T>::get(b).ok_or("bounty gone")?.applicants;
		assert_eq!(applicants.len() as u32, max);
		assert!(applicants.contains(&caller));
		Ok(())
	}

	/// The last applicant of a full list.
	#[benchmark]
	fn withdraw_application() -> Result<(), BenchmarkError> {
		let b = open_bounty::<T>(1, false, false)?;
		let max = T::MaxApplicants::get();
		apply_many::<T>(b, max)?;
		let caller = applicant::<T>(max - 1);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), b);

		let applicants = Bounties::<T>::get(b).ok_or("bounty gone")?.applicants;
		assert_eq!(applicants.len() as u32, max - 1);
		assert!(!applicants.contains(&caller));
		Ok(())
	}

	/// A decision of the acceptance class dismisses the last applicant of a full list; its
	/// deposit moves to the treasury.
	#[benchmark]
	fn dismiss() -> Result<(), BenchmarkError> {
		let (b, max, origin, who, lookup) = full_list::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, b, lookup);

		let applicants = Bounties::<T>::get(b).ok_or("bounty gone")?.applicants;
		assert_eq!(applicants.len() as u32, max - 1);
		assert!(!applicants.contains(&who));
		Ok(())
	}

	/// A decision of the acceptance class (a bounty with a curator: both origins are tried)
	/// assigns the last applicant of a full list.
	#[benchmark]
	fn assign() -> Result<(), BenchmarkError> {
		let (b, _, origin, who, lookup) = full_list::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, b, lookup);

		assert_eq!(Bounties::<T>::get(b).ok_or("bounty gone")?.assignee, Some(who));
		Ok(())
	}

	/// A decision of the acceptance class unassigns the assignee of an upgrade-tied bounty,
	/// dropping its delivery and the code it awaits.
	#[benchmark]
	fn unassign() -> Result<(), BenchmarkError> {
		let b = open_bounty::<T>(1, false, true)?;
		let max = T::MaxApplicants::get();
		apply_many::<T>(b, max)?;
		let who = applicant::<T>(max - 1);
		assign_to::<T>(b, &who)?;
		let artifact = deliver_as::<T>(b, &who, 0, true)?;
		let code = T::Artifacts::code_hash(&artifact).ok_or("not runtime code")?;
		assert!(AwaitedCode::<T>::contains_key(code));
		let origin = class_origin::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, b);

		let after = Bounties::<T>::get(b).ok_or("bounty gone")?;
		assert!(after.assignee.is_none() && after.status == WorkStatus::Open);
		assert!(!AwaitedCode::<T>::contains_key(code));
		Ok(())
	}

	/// The last milestone of an upgrade-tied bounty: a new runtime code replaces the one
	/// delivered before (its awaited code removed, the new one inserted).
	#[benchmark]
	fn deliver() -> Result<(), BenchmarkError> {
		let b = open_bounty::<T>(1, false, true)?;
		let max = T::MaxApplicants::get();
		apply_many::<T>(b, max)?;
		let who = applicant::<T>(max - 1);
		assign_to::<T>(b, &who)?;
		let previous = deliver_as::<T>(b, &who, 0, true)?;
		let previous = T::Artifacts::code_hash(&previous).ok_or("not runtime code")?;
		let artifact = T::Artifacts::register(&who, 1, true);
		let code = T::Artifacts::code_hash(&artifact).ok_or("not runtime code")?;

		#[extrinsic_call]
		_(RawOrigin::Signed(who), b, artifact);

		assert!(!AwaitedCode::<T>::contains_key(previous));
		assert_eq!(AwaitedCode::<T>::get(code), Some(b));
		Ok(())
	}

	/// A decision of the acceptance class accepts a delivery.
	#[benchmark]
	fn accept() -> Result<(), BenchmarkError> {
		let b = open_bounty::<T>(T::MaxMilestones::get(), true, false)?;
		let max = T::MaxApplicants::get();
		apply_many::<T>(b, max)?;
		let who = applicant::<T>(0);
		assign_to::<T>(b, &who)?;
		deliver_as::<T>(b, &who, 0, false)?;
		let origin = class_origin::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, b);

		let status = Bounties::<T>::get(b).ok_or("bounty gone")?.status;
		assert!(matches!(status, WorkStatus::Accepted { .. }));
		Ok(())
	}

	/// The last milestone of a bounty with the most milestones and a curator's fee: the fee's
	/// child bounty and the parent are paid, the bounty ends and the deposits of its `a`
	/// applicants are released. (The assignee is an applicant: `a` is at least one; the claim
	/// of an earlier milestone is charged `claim(0)`, which pays one child bounty.)
	#[benchmark]
	fn claim(a: Linear<1, { T::MaxApplicants::get() }>) -> Result<(), BenchmarkError> {
		let m = T::MaxMilestones::get();
		let b = open_bounty::<T>(m, true, false)?;
		apply_many::<T>(b, a)?;
		let who = applicant::<T>(0);
		assign_to::<T>(b, &who)?;
		for milestone in 0..m {
			deliver_as::<T>(b, &who, milestone, false)?;
			accept_and_wait::<T>(b)?;
			if milestone + 1 < m {
				BountyWork::<T>::claim(RawOrigin::Signed(who.clone()).into(), b)?;
			}
		}
		let fee = Bounties::<T>::get(b).ok_or("bounty gone")?.curator_fee;
		assert!(!fee.is_zero());
		let curator_before = T::Currency::balance(&curator::<T>());
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), b);

		assert!(!Bounties::<T>::contains_key(b));
		assert!(!bounties::Bounties::<T>::contains_key(b));
		assert_eq!(T::Currency::balance(&curator::<T>()), curator_before + fee);
		Ok(())
	}

	/// A decision of the acceptance class closes a bounty with `c` child bounties to refund
	/// (`c` milestones, the last one in the parent, and the fee; `c = 0`: one milestone and no
	/// fee) and `a` applicants to release, one of them assigned with a delivery under way
	/// (runtime code: with one milestone, the code it awaits is removed too).
	#[benchmark]
	fn close(
		c: Linear<0, { T::MaxMilestones::get() }>,
		a: Linear<0, { T::MaxApplicants::get() }>,
	) -> Result<(), BenchmarkError> {
		let b = open_bounty::<T>(c.max(1), c > 0, true)?;
		apply_many::<T>(b, a)?;
		if a > 0 {
			let who = applicant::<T>(0);
			assign_to::<T>(b, &who)?;
			deliver_as::<T>(b, &who, 0, true)?;
		}
		let origin = class_origin::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, b);

		assert!(!Bounties::<T>::contains_key(b));
		assert!(!bounties::Bounties::<T>::contains_key(b));
		assert_eq!(AwaitedCode::<T>::iter().count(), 0);
		Ok(())
	}

	impl_benchmark_test_suite!(BountyWork, crate::mock::new_test_ext(), crate::mock::Test);
}
