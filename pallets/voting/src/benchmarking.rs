//! Benchmarks of the voting pallet (frame-benchmarking v2), each in its worst case.
//!
//! Votes are benchmarked in a token class (the freeze is the most written-to path); the voter
//! delegates to an account that voted on every poll, so that each vote also overrides the
//! delegation and re-weighs the delegate's ballot. Reputation delegations are refreshed in a
//! reputation class, and recusals made in a council class.

#![cfg(feature = "runtime-benchmarks")]
#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use super::*;
use crate::Pallet as VotingPallet;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible, Get, Polling};
use frame_system::RawOrigin;
use ostrom_primitives::{Members, PersonhoodProvider, ReputationProvider};
use sp_runtime::traits::{Saturating, Zero};

const SEED: u32 = 0;

/// A class of `scheme`.
fn class_of<T: Config>(scheme: Scheme) -> Result<ClassOf<T>, BenchmarkError> {
	T::Polls::classes()
		.into_iter()
		.find(|class| T::Schemes::scheme(class) == scheme)
		.ok_or(BenchmarkError::Stop("no class of the scheme"))
}

/// `n` new ongoing polls of `class`.
fn new_polls<T: Config>(class: &ClassOf<T>, n: u32) -> Result<Vec<PollIndexOf<T>>, BenchmarkError> {
	(0..n)
		.map(|_| {
			T::Polls::create_ongoing(class.clone())
				.map_err(|_| BenchmarkError::Stop("cannot create a poll"))
		})
		.collect()
}

/// A token amount to vote or delegate with.
fn amount<T: Config>() -> BalanceOf<T> {
	<T::Currency as fungible::Inspect<T::AccountId>>::minimum_balance()
		.saturating_mul(10u32.into())
		.max(1_000u32.into())
}

/// An account with enough balance for [`amount`] many times over.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId
where
	T::Currency: fungible::Mutate<T::AccountId>,
{
	let who: T::AccountId = account(name, index, SEED);
	let balance = amount::<T>().saturating_mul(1_000u32.into());
	<T::Currency as fungible::Mutate<T::AccountId>>::set_balance(&who, balance);
	who
}

/// A standard aye of `amount`.
fn aye<T: Config>(amount: BalanceOf<T>) -> AccountVote<BalanceOf<T>> {
	AccountVote::Standard { direction: Direction::Aye, amount }
}

fn signed<T: Config>(who: &T::AccountId) -> T::RuntimeOrigin {
	RawOrigin::Signed(who.clone()).into()
}

/// `delegate` votes on every poll of `polls`; `voter` delegates to it and votes on the polls
/// after the first `skip`.
fn delegated_votes<T: Config>(
	class: &ClassOf<T>,
	polls: &[PollIndexOf<T>],
	voter: &T::AccountId,
	delegate: &T::AccountId,
	skip: usize,
) -> Result<(), BenchmarkError> {
	for poll in polls {
		VotingPallet::<T>::vote(signed::<T>(delegate), *poll, aye::<T>(amount::<T>()))?;
	}
	VotingPallet::<T>::delegate(
		signed::<T>(voter),
		class.clone(),
		T::Lookup::unlookup(delegate.clone()),
		amount::<T>(),
	)?;
	for poll in polls.iter().skip(skip) {
		VotingPallet::<T>::vote(signed::<T>(voter), *poll, aye::<T>(amount::<T>()))?;
	}
	Ok(())
}

fn vote_count<T: Config>(who: &T::AccountId, class: &ClassOf<T>) -> u32 {
	VotingFor::<T>::get(who, class).map_or(0, |voting| voting.vote_count())
}

/// Move to the next block, as a new block's first extrinsic sees the chain.
fn next_block<T: Config>() {
	let now = frame_system::Pallet::<T>::block_number();
	frame_system::Pallet::<T>::set_block_number(now.saturating_add(1u32.into()));
}

/// The block of the last ballot change on the ongoing poll `poll`.
fn last_ballot<T: Config>(
	poll: PollIndexOf<T>,
) -> Option<frame_system::pallet_prelude::BlockNumberFor<T>> {
	T::Polls::as_ongoing(poll).and_then(|(tally, _)| tally.last_ballot)
}

/// `who`'s lock in `class`.
fn lock_of<T: Config>(who: &T::AccountId, class: &ClassOf<T>) -> BalanceOf<T> {
	VotingPallet::<T>::class_lock(who, class)
}

/// What [`new_vote_setup`] returns: the class, the first poll, the caller and its delegate.
type NewVote<T> = (
	ClassOf<T>,
	PollIndexOf<T>,
	<T as frame_system::Config>::AccountId,
	<T as frame_system::Config>::AccountId,
);

/// The setup of a new token vote: `r + 1` polls of a token class, the whitelisted caller
/// delegating to an account that voted on all of them and voting itself on all but the first,
/// then a new block. Returns the class, the first poll, the caller and its delegate.
fn new_vote_setup<T: Config>(r: u32) -> Result<NewVote<T>, BenchmarkError>
where
	T::Currency: fungible::Mutate<T::AccountId>,
{
	let class = class_of::<T>(Scheme::Token)?;
	let polls = new_polls::<T>(&class, r.saturating_add(1))?;
	let caller: T::AccountId = whitelisted_caller();
	<T::Currency as fungible::Mutate<T::AccountId>>::set_balance(
		&caller,
		amount::<T>().saturating_mul(1_000u32.into()),
	);
	let target = funded::<T>("delegate", 0);
	delegated_votes::<T>(&class, &polls, &caller, &target, 1)?;
	let poll = *polls.first().ok_or(BenchmarkError::Stop("no poll"))?;
	next_block::<T>();
	Ok((class, poll, caller, target))
}

#[benchmarks(where T::Currency: fungible::Mutate<T::AccountId>)]
mod benchmarks {
	use super::*;

	/// A new token vote by a delegating account with `r` other votes in the class, on a poll
	/// its delegate voted on, the first ballot on the poll in its block (the poll's alarm
	/// moves), raising the caller's lock and freeze.
	#[benchmark]
	fn vote_new(r: Linear<0, { T::MaxVotes::get() - 1 }>) -> Result<(), BenchmarkError> {
		let (class, poll, caller, target) = new_vote_setup::<T>(r)?;
		assert_ne!(last_ballot::<T>(poll), Some(frame_system::Pallet::<T>::block_number()));
		let more = amount::<T>().saturating_mul(2u32.into());

		#[extrinsic_call]
		vote(RawOrigin::Signed(caller.clone()), poll, aye::<T>(more));

		assert_eq!(vote_count::<T>(&caller, &class), r + 1);
		assert!(Overrides::<T>::contains_key(poll, &target));
		assert_eq!(lock_of::<T>(&caller, &class), more);
		Ok(())
	}

	/// `vote_new`'s vote on a poll that already took a ballot in this block, so its
	/// alarm is already set for the next block.
	#[benchmark]
	fn vote_same_block(r: Linear<0, { T::MaxVotes::get() - 1 }>) -> Result<(), BenchmarkError> {
		let (class, poll, caller, target) = new_vote_setup::<T>(r)?;
		let other = funded::<T>("voter", 0);
		VotingPallet::<T>::vote(signed::<T>(&other), poll, aye::<T>(amount::<T>()))?;
		assert_eq!(last_ballot::<T>(poll), Some(frame_system::Pallet::<T>::block_number()));
		let more = amount::<T>().saturating_mul(2u32.into());

		#[extrinsic_call]
		vote(RawOrigin::Signed(caller.clone()), poll, aye::<T>(more));

		assert_eq!(vote_count::<T>(&caller, &class), r + 1);
		assert!(Overrides::<T>::contains_key(poll, &target));
		assert_eq!(lock_of::<T>(&caller, &class), more);
		Ok(())
	}

	/// A changed token vote by a delegating account with `r` votes in the class, the first
	/// ballot change on the poll in its block, raising the caller's lock and freeze.
	#[benchmark]
	fn vote_existing(r: Linear<1, { T::MaxVotes::get() }>) -> Result<(), BenchmarkError> {
		let class = class_of::<T>(Scheme::Token)?;
		let polls = new_polls::<T>(&class, r)?;
		let caller: T::AccountId = whitelisted_caller();
		<T::Currency as fungible::Mutate<T::AccountId>>::set_balance(
			&caller,
			amount::<T>().saturating_mul(1_000u32.into()),
		);
		let target = funded::<T>("delegate", 0);
		delegated_votes::<T>(&class, &polls, &caller, &target, 0)?;
		let poll = polls[0];
		next_block::<T>();
		let larger = amount::<T>().saturating_mul(2u32.into());

		#[extrinsic_call]
		vote(RawOrigin::Signed(caller.clone()), poll, aye::<T>(larger));

		assert_eq!(vote_count::<T>(&caller, &class), r);
		assert_eq!(lock_of::<T>(&caller, &class), larger);
		Ok(())
	}

	/// Removal of a vote on an ongoing poll, which restores the overridden delegation there.
	#[benchmark]
	fn remove_vote(r: Linear<1, { T::MaxVotes::get() }>) -> Result<(), BenchmarkError> {
		let class = class_of::<T>(Scheme::Token)?;
		let polls = new_polls::<T>(&class, r)?;
		let caller: T::AccountId = whitelisted_caller();
		<T::Currency as fungible::Mutate<T::AccountId>>::set_balance(
			&caller,
			amount::<T>().saturating_mul(1_000u32.into()),
		);
		let target = funded::<T>("delegate", 0);
		delegated_votes::<T>(&class, &polls, &caller, &target, 0)?;
		let poll = polls[0];

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), Some(class.clone()), poll);

		assert_eq!(vote_count::<T>(&caller, &class), r - 1);
		assert!(!Overrides::<T>::contains_key(poll, &target));
		Ok(())
	}

	/// Removal of another account's vote on a completed poll, with an override to reverse.
	#[benchmark]
	fn remove_other_vote(r: Linear<1, { T::MaxVotes::get() }>) -> Result<(), BenchmarkError> {
		let class = class_of::<T>(Scheme::Token)?;
		let polls = new_polls::<T>(&class, r)?;
		let voter = funded::<T>("voter", 0);
		let target = funded::<T>("delegate", 0);
		delegated_votes::<T>(&class, &polls, &voter, &target, 0)?;
		let poll = polls[0];
		T::Polls::end_ongoing(poll, false).map_err(|_| BenchmarkError::Stop("cannot end poll"))?;
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), T::Lookup::unlookup(voter.clone()), class.clone(), poll);

		assert_eq!(vote_count::<T>(&voter, &class), r - 1);
		Ok(())
	}

	/// A token delegation to an account with `r` votes on ongoing polls, by an account with `s`
	/// votes on other ongoing polls (each becomes an override).
	#[benchmark]
	fn delegate(
		r: Linear<0, { T::MaxVotes::get() }>,
		s: Linear<0, { T::MaxVotes::get() }>,
	) -> Result<(), BenchmarkError> {
		let class = class_of::<T>(Scheme::Token)?;
		let polls = new_polls::<T>(&class, r + s)?;
		let caller: T::AccountId = whitelisted_caller();
		<T::Currency as fungible::Mutate<T::AccountId>>::set_balance(
			&caller,
			amount::<T>().saturating_mul(1_000u32.into()),
		);
		let target = funded::<T>("delegate", 0);
		for poll in polls.iter().take(r as usize) {
			VotingPallet::<T>::vote(signed::<T>(&target), *poll, aye::<T>(amount::<T>()))?;
		}
		for poll in polls.iter().skip(r as usize) {
			VotingPallet::<T>::vote(signed::<T>(&caller), *poll, aye::<T>(amount::<T>()))?;
		}

		// Delegating more than the caller's votes lock raises its freeze: the worst case, and the
		// same storage touched whatever `s` is.
		let delegated = amount::<T>().saturating_mul(2u32.into());

		#[extrinsic_call]
		_(
			RawOrigin::Signed(caller.clone()),
			class.clone(),
			T::Lookup::unlookup(target.clone()),
			delegated,
		);

		let voting = VotingFor::<T>::get(&caller, &class).unwrap();
		assert!(voting.delegating.is_some());
		assert_eq!(VotingFor::<T>::get(&target, &class).unwrap().delegators, 1);
		Ok(())
	}

	/// The end of a token delegation to an account with `r` votes, by an account with `s`
	/// overriding votes.
	#[benchmark]
	fn undelegate(
		r: Linear<0, { T::MaxVotes::get() }>,
		s: Linear<0, { T::MaxVotes::get() }>,
	) -> Result<(), BenchmarkError> {
		let class = class_of::<T>(Scheme::Token)?;
		let polls = new_polls::<T>(&class, r + s)?;
		let caller: T::AccountId = whitelisted_caller();
		<T::Currency as fungible::Mutate<T::AccountId>>::set_balance(
			&caller,
			amount::<T>().saturating_mul(1_000u32.into()),
		);
		let target = funded::<T>("delegate", 0);
		VotingPallet::<T>::delegate(
			signed::<T>(&caller),
			class.clone(),
			T::Lookup::unlookup(target.clone()),
			amount::<T>(),
		)?;
		for poll in polls.iter().take(r as usize) {
			VotingPallet::<T>::vote(signed::<T>(&target), *poll, aye::<T>(amount::<T>()))?;
		}
		for poll in polls.iter().skip(r as usize) {
			VotingPallet::<T>::vote(signed::<T>(&caller), *poll, aye::<T>(amount::<T>()))?;
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), class.clone());

		assert!(VotingFor::<T>::get(&caller, &class).is_none_or(|v| v.delegating.is_none()));
		Ok(())
	}

	/// A refreshed reputation delegation to an account with `r` votes, by an account with `s`
	/// overriding votes, after the delegator's reputation changed.
	#[benchmark]
	fn refresh_delegation(
		r: Linear<0, { T::MaxVotes::get() }>,
		s: Linear<0, { T::MaxVotes::get() }>,
	) -> Result<(), BenchmarkError> {
		let class = class_of::<T>(Scheme::Reputation)?;
		let weights = T::Schemes::reputation_weights(&class);
		let polls = new_polls::<T>(&class, r + s)?;
		let delegator = funded::<T>("delegator", 0);
		let target = funded::<T>("delegate", 0);
		T::Reputation::set_reputation(&delegator, &weights, 1_000);
		T::Reputation::set_reputation(&target, &weights, 1_000);
		VotingPallet::<T>::delegate(
			signed::<T>(&delegator),
			class.clone(),
			T::Lookup::unlookup(target.clone()),
			Zero::zero(),
		)?;
		let own = AccountVote::Own(Direction::Aye);
		for poll in polls.iter().take(r as usize) {
			VotingPallet::<T>::vote(signed::<T>(&target), *poll, own)?;
		}
		for poll in polls.iter().skip(r as usize) {
			VotingPallet::<T>::vote(signed::<T>(&delegator), *poll, own)?;
		}
		let old = VotingFor::<T>::get(&delegator, &class).unwrap().delegating.unwrap().amount;
		T::Reputation::set_reputation(&delegator, &weights, 2_000);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), T::Lookup::unlookup(delegator.clone()), class.clone());

		let new = VotingFor::<T>::get(&delegator, &class).unwrap().delegating.unwrap().amount;
		assert!(new > old);
		Ok(())
	}

	/// Unlocking a class whose lock falls (a larger delegation ended) while `r` token votes
	/// remain, with a stale voice-credit record to delete.
	#[benchmark]
	fn unlock(r: Linear<0, { T::MaxVotes::get() }>) -> Result<(), BenchmarkError> {
		let class = class_of::<T>(Scheme::Token)?;
		let polls = new_polls::<T>(&class, r)?;
		let caller: T::AccountId = whitelisted_caller();
		<T::Currency as fungible::Mutate<T::AccountId>>::set_balance(
			&caller,
			amount::<T>().saturating_mul(1_000u32.into()),
		);
		let target = funded::<T>("delegate", 0);
		let larger = amount::<T>().saturating_mul(2u32.into());
		VotingPallet::<T>::delegate(
			signed::<T>(&caller),
			class.clone(),
			T::Lookup::unlookup(target.clone()),
			larger,
		)?;
		VotingPallet::<T>::undelegate(signed::<T>(&caller), class.clone())?;
		for poll in polls.iter() {
			VotingPallet::<T>::vote(signed::<T>(&caller), *poll, aye::<T>(amount::<T>()))?;
		}
		T::Personhood::make_person(&caller);
		let person = T::Personhood::person_of(&caller).ok_or(BenchmarkError::Stop("no person"))?;
		VoiceCreditsSpent::<T>::insert(person, CreditsSpent { epoch: 0, spent: 1 });
		frame_system::Pallet::<T>::set_block_number(T::EpochLength::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), class.clone(), T::Lookup::unlookup(caller.clone()));

		let expected = if r == 0 { Zero::zero() } else { amount::<T>() };
		assert_eq!(VotingPallet::<T>::class_lock(&caller, &class), expected);
		assert!(!VoiceCreditsSpent::<T>::contains_key(person));
		Ok(())
	}

	/// A slashed account with `v` reputation ballots on ongoing polls of one class: all of them
	/// are re-weighed.
	#[benchmark]
	fn reweigh_ballots(v: Linear<0, { T::MaxVotes::get() }>) -> Result<(), BenchmarkError> {
		let class = class_of::<T>(Scheme::Reputation)?;
		let polls = new_polls::<T>(&class, v)?;
		let voter = funded::<T>("voter", 0);
		T::Reputation::set_reputation(&voter, &T::Schemes::reputation_weights(&class), 1_000);
		for poll in polls.iter() {
			VotingPallet::<T>::vote(signed::<T>(&voter), *poll, AccountVote::Own(Direction::Aye))?;
		}
		let voting = VotingFor::<T>::get(&voter, &class).unwrap_or_default();
		let examined;

		#[block]
		{
			examined = VotingPallet::<T>::reweigh_own(&voter, &class, voting);
		}

		assert_eq!(examined, v);
		Ok(())
	}

	/// A removed credential whose account cast `v` quadratic ballots on ongoing polls: all of
	/// them are voided.
	#[benchmark]
	fn void_ballots(v: Linear<0, { T::MaxVotes::get() }>) -> Result<(), BenchmarkError> {
		let class = class_of::<T>(Scheme::Quadratic)?;
		let polls = new_polls::<T>(&class, v)?;
		let voter = funded::<T>("person", 0);
		T::Personhood::make_person(&voter);
		let person = T::Personhood::person_of(&voter).ok_or(BenchmarkError::Stop("no person"))?;
		for poll in polls.iter() {
			VotingPallet::<T>::vote(signed::<T>(&voter), *poll, aye::<T>(1u32.into()))?;
		}

		#[block]
		{
			<VotingPallet<T> as ostrom_primitives::OnCredentialRemoved<T::AccountId>>::on_credential_removed(
				&voter, person,
			);
		}

		for poll in polls.iter() {
			let voting =
				VotingFor::<T>::get(&voter, &class).ok_or(BenchmarkError::Stop("no votes"))?;
			assert!(voting.record(*poll).is_some_and(|record| record.is_voided()));
		}
		Ok(())
	}

	/// Recusal of a council member that voted on the poll and on `r` others.
	#[benchmark]
	fn recuse(r: Linear<0, { T::MaxVotes::get() - 1 }>) -> Result<(), BenchmarkError> {
		let class = class_of::<T>(Scheme::Council)?;
		let polls = new_polls::<T>(&class, r + 1)?;
		let member = funded::<T>("member", 0);
		T::Council::make_member(&member);
		for poll in polls.iter() {
			VotingPallet::<T>::vote(signed::<T>(&member), *poll, AccountVote::Own(Direction::Aye))?;
		}
		let poll = polls[0];
		let result;

		#[block]
		{
			result =
				<VotingPallet<T> as Recusal<T::AccountId, PollIndexOf<T>>>::recuse(&member, poll);
		}

		result?;
		assert!(<VotingPallet<T> as Recusal<T::AccountId, PollIndexOf<T>>>::is_recused(
			&member, poll
		));
		Ok(())
	}

	impl_benchmark_test_suite!(VotingPallet, crate::mock::new_test_ext(), crate::mock::Test);
}
