//! Benchmarks of the constitution pallet (frame-benchmarking v2), each in its worst case, on the
//! development class table ([`crate::presets`]). Polls are opened through [`Config::Polls`] and
//! ended with [`BenchmarkHelper::conclude_poll`], so that in the runtime the weights include the
//! work of `pallet-referenda`, `pallet-scheduler`, `pallet-voting` and `pallet-reputation`.
//!
//! Requirements on the configuration: `MaxSeats` not zero.

#![cfg(feature = "runtime-benchmarks")]
#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use super::*;
use crate::presets::classes::*;
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	Bounded, BoundedInline,
};
use frame_system::RawOrigin;
use sp_runtime::traits::{Hash, Saturating};

const SEED: u32 = 0;

/// Install the development class table and its special classes (decision deposits of 100 and
/// 10 units of the smallest denomination).
fn install<T: Config>() {
	AmendmentClass::<T>::put(AMENDMENT);
	UpgradeClass::<T>::put(RUNTIME_UPGRADE);
	RatificationClass::<T>::put(EMERGENCY_RATIFICATION);
	ChallengeClass::<T>::put(CONFLICT_CHALLENGE);
	SeatingClass::<T>::put(COUNCIL_SEATING);
	let unit: BalanceOf<T> = 1u32.into();
	for (class, info) in presets::development_classes::<BalanceOf<T>, BlockNumberFor<T>>(unit) {
		Classes::<T>::insert(class, info);
	}
}

/// Give `who` enough for every deposit (this pallet's and the polls').
fn fund<T: Config>(who: &T::AccountId) {
	let amount = <T::Currency as Inspect<T::AccountId>>::minimum_balance()
		.saturating_add(BalanceOf::<T>::from(u32::MAX).saturating_mul(1_000_000u32.into()));
	let _ = <T::Currency as Mutate<T::AccountId>>::set_balance(who, amount);
}

/// `origin` as the runtime's origin.
fn pallet_origin<T: Config>(origin: Origin<T>) -> OriginFor<T> {
	let origin = <<T as Config>::RuntimeOrigin as From<Origin<T>>>::from(origin);
	<<T as Config>::RuntimeOrigin as Into<OriginFor<T>>>::into(origin)
}

/// A call of this pallet, as a decision's call.
fn decision_call<T: Config>() -> BoundedCallOf<T> {
	let call = <T as Config>::RuntimeCall::from(Call::<T>::purge_expired_seats {});
	Bounded::Inline(BoundedInline::truncate_from(call.encode()))
}

/// A funded account proposes a decision of `class`; returns its id.
fn propose_as<T: Config>(class: ClassId) -> Result<DecisionId, BenchmarkError> {
	let proposer: T::AccountId = account("proposer", 0, SEED);
	fund::<T>(&proposer);
	let id = NextDecisionId::<T>::get();
	Pallet::<T>::do_propose(proposer, class, decision_call::<T>())?;
	Ok(id)
}

fn polls_of<T: Config>(id: DecisionId) -> DecisionPolls<T::PollIndex> {
	Decisions::<T>::get(id).unwrap().polls
}

fn conclude<T: Config>(poll: Option<T::PollIndex>, approved: bool) {
	T::BenchmarkHelper::conclude_poll(poll.unwrap(), approved);
}

fn now<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number()
}

/// A block far in the future.
fn far<T: Config>() -> BlockNumberFor<T> {
	now::<T>() + 1_000_000u32.into()
}

/// Seat `count` members, member `i` with term end `term_end(i)`; returns them sorted.
fn seat_members<T: Config>(
	count: u32,
	term_end: impl Fn(u32) -> BlockNumberFor<T>,
) -> Vec<T::AccountId> {
	let mut seats: Vec<Seat<T::AccountId, BlockNumberFor<T>>> = (0..count)
		.map(|i| Seat { member: account("member", i, SEED), term_end: term_end(i) })
		.collect();
	seats.sort_by(|a, b| a.member.cmp(&b.member));
	Seats::<T>::put(BoundedVec::truncate_from(seats.clone()));
	seats.into_iter().map(|seat| seat.member).collect()
}

/// Seat rules with `MaxSeats` seats and a threshold in the most domains.
fn strict_rules<T: Config>() -> SeatRulesOf<T> {
	let thresholds: Vec<(DomainId, u128)> =
		(0..MAX_DOMAIN_ENTRIES).map(|domain| (domain as DomainId, 1)).collect();
	SeatRules {
		max_seats: T::MaxSeats::get(),
		term: 100u32.into(),
		thresholds: SeatThresholds::truncate_from(thresholds),
	}
}

/// An ongoing council poll this pallet did not open.
fn council_poll<T: Config>() -> Result<T::PollIndex, BenchmarkError> {
	let payer: T::AccountId = account("payer", 0, SEED);
	fund::<T>(&payer);
	let call = <T as Config>::RuntimeCall::from(Call::<T>::purge_expired_seats {});
	let origin = crate::RawOrigin::House { class: EMERGENCY_RATIFICATION, kind: kinds::COUNCIL };
	T::Polls::open(&payer, origin, call).map_err(Into::into)
}

/// A funded challenger challenges a seated member on an ongoing council poll; returns the
/// challenge and its poll.
fn challenge<T: Config>() -> Result<(ChallengeId, T::PollIndex), BenchmarkError> {
	let members = seat_members::<T>(T::MaxSeats::get(), |_| far::<T>());
	let member = members[0].clone();
	for domain in 0..MAX_DOMAIN_ENTRIES {
		T::Reputation::set_reputation(&member, &[(domain as DomainId, Perbill::one())], 1_000_000);
	}
	let poll = council_poll::<T>()?;
	let challenger: T::AccountId = account("challenger", 0, SEED);
	fund::<T>(&challenger);
	let id = NextChallengeId::<T>::get();
	Pallet::<T>::do_challenge(challenger, poll, member, T::Hashing::hash(b"evidence"))?;
	Ok((id, Challenges::<T>::get(id).unwrap().challenge_poll))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Worst case: a two-house class (two polls opened), a call by hash (its preimage requested).
	#[benchmark]
	fn propose() -> Result<(), BenchmarkError> {
		install::<T>();
		let caller: T::AccountId = whitelisted_caller();
		fund::<T>(&caller);
		let id = NextDecisionId::<T>::get();
		// A call by hash: its preimage is requested.
		let call = Bounded::Lookup { hash: T::Hashing::hash(b"decision call"), len: 1_000 };

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), RUNTIME_UPGRADE, call);

		let polls = polls_of::<T>(id);
		assert!(polls.council.is_some() && polls.community.is_some());
		assert!(T::Preimages::is_requested(&T::Hashing::hash(b"decision call")));
		Ok(())
	}

	/// Worst case: the approval that completes a concurrence and enacts the decision.
	#[benchmark]
	fn record_outcome() -> Result<(), BenchmarkError> {
		install::<T>();
		let id = propose_as::<T>(RUNTIME_UPGRADE)?;
		let polls = polls_of::<T>(id);
		conclude::<T>(polls.council, true);
		conclude::<T>(polls.community, true);
		let origin = pallet_origin::<T>(crate::RawOrigin::House {
			class: RUNTIME_UPGRADE,
			kind: kinds::COMMUNITY,
		});

		#[extrinsic_call]
		_(origin, id);

		assert!(!Decisions::<T>::contains_key(id));
		Ok(())
	}

	/// `advance` reading two approvals and enacting the decision.
	#[benchmark]
	fn advance_enact() -> Result<(), BenchmarkError> {
		install::<T>();
		let id = propose_as::<T>(RUNTIME_UPGRADE)?;
		let polls = polls_of::<T>(id);
		conclude::<T>(polls.council, true);
		conclude::<T>(polls.community, true);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		advance(RawOrigin::Signed(caller), id);

		assert!(!Decisions::<T>::contains_key(id));
		Ok(())
	}

	/// `advance` opening the override poll after the mediation timelock.
	#[benchmark]
	fn advance_open() -> Result<(), BenchmarkError> {
		install::<T>();
		let id = propose_as::<T>(RUNTIME_UPGRADE)?;
		let polls = polls_of::<T>(id);
		conclude::<T>(polls.council, false);
		conclude::<T>(polls.community, true);
		let caller: T::AccountId = whitelisted_caller();
		fund::<T>(&caller);
		Pallet::<T>::do_advance(caller.clone(), id)?;
		let DecisionState::Mediation { until } = Decisions::<T>::get(id).unwrap().state else {
			return Err(BenchmarkError::Stop("the decision is not in mediation"));
		};
		frame_system::Pallet::<T>::set_block_number(until);

		#[extrinsic_call]
		advance(RawOrigin::Signed(caller), id);

		assert_eq!(Decisions::<T>::get(id).unwrap().state, DecisionState::Overriding);
		Ok(())
	}

	/// `advance` expiring a decision with two ongoing polls (both cancelled).
	#[benchmark]
	fn advance_expire() -> Result<(), BenchmarkError> {
		install::<T>();
		let id = propose_as::<T>(RUNTIME_UPGRADE)?;
		let created = Decisions::<T>::get(id).unwrap().created;
		frame_system::Pallet::<T>::set_block_number(created + T::MaxDecisionAge::get());
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		advance(RawOrigin::Signed(caller), id);

		assert!(!Decisions::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn appeal() -> Result<(), BenchmarkError> {
		install::<T>();
		let id = propose_as::<T>(RELEASE_GATE)?;
		conclude::<T>(polls_of::<T>(id).council, true);
		Pallet::<T>::do_advance(account("advancer", 0, SEED), id)?;
		let caller: T::AccountId = whitelisted_caller();
		fund::<T>(&caller);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);

		assert_eq!(Decisions::<T>::get(id).unwrap().state, DecisionState::Appealed);
		Ok(())
	}

	/// Worst case: the amendment class itself (every entrenchment check), with its community
	/// scheme changed, so that the delegations on every track of the class are read (there are
	/// none).
	#[benchmark]
	fn amend_class() -> Result<(), BenchmarkError> {
		install::<T>();
		let mut info = Classes::<T>::get(AMENDMENT).unwrap();
		info.community.as_mut().unwrap().scheme = CommunityScheme::Quadratic;
		let origin = pallet_origin::<T>(crate::RawOrigin::Class(AMENDMENT));

		#[extrinsic_call]
		_(origin, AMENDMENT, info.clone());

		assert_eq!(Classes::<T>::get(AMENDMENT), Some(info));
		Ok(())
	}

	#[benchmark]
	fn set_constitution_text() -> Result<(), BenchmarkError> {
		install::<T>();
		let origin = pallet_origin::<T>(crate::RawOrigin::Class(AMENDMENT));
		let hash = T::Hashing::hash(b"constitution");

		#[extrinsic_call]
		_(origin, hash);

		assert_eq!(ConstitutionText::<T>::get(), Some(hash));
		Ok(())
	}

	/// Worst case: one seat short of `MaxSeats` held.
	#[benchmark]
	fn set_seat_rules() -> Result<(), BenchmarkError> {
		install::<T>();
		seat_members::<T>(T::MaxSeats::get() - 1, |_| far::<T>());
		let origin = pallet_origin::<T>(crate::RawOrigin::Class(AMENDMENT));
		let rules = strict_rules::<T>();

		#[extrinsic_call]
		_(origin, rules.clone());

		assert_eq!(CouncilSeatRules::<T>::get(), rules);
		Ok(())
	}

	/// Worst case: a threshold in the most domains, and every seat's term ended (all purged to
	/// make room).
	#[benchmark]
	fn seat() -> Result<(), BenchmarkError> {
		install::<T>();
		let rules = strict_rules::<T>();
		CouncilSeatRules::<T>::put(rules.clone());
		let ended = now::<T>();
		frame_system::Pallet::<T>::set_block_number(ended + 1u32.into());
		seat_members::<T>(T::MaxSeats::get(), |_| ended);
		let who: T::AccountId = account("candidate", 0, SEED);
		for (domain, threshold) in rules.thresholds.iter() {
			T::Reputation::set_reputation(&who, &[(*domain, Perbill::one())], *threshold);
		}
		let origin = pallet_origin::<T>(crate::RawOrigin::Class(COUNCIL_SEATING));

		#[extrinsic_call]
		_(origin, who.clone());

		assert!(Pallet::<T>::is_seated(&who));
		assert_eq!(Seats::<T>::get().len(), 1);
		Ok(())
	}

	/// Worst case: every seat held.
	#[benchmark]
	fn unseat() -> Result<(), BenchmarkError> {
		install::<T>();
		let members = seat_members::<T>(T::MaxSeats::get(), |_| far::<T>());
		let who = members.last().cloned().unwrap();
		let origin = pallet_origin::<T>(crate::RawOrigin::Class(COUNCIL_SEATING));

		#[extrinsic_call]
		_(origin, who.clone());

		assert!(!Pallet::<T>::is_seated(&who));
		Ok(())
	}

	/// `n` ended terms among `MaxSeats` seats.
	#[benchmark]
	fn purge_expired_seats(n: Linear<1, { T::MaxSeats::get() }>) -> Result<(), BenchmarkError> {
		let ended = now::<T>();
		frame_system::Pallet::<T>::set_block_number(ended + 1u32.into());
		seat_members::<T>(T::MaxSeats::get(), |i| if i < n { ended } else { far::<T>() });
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller));

		assert_eq!(Seats::<T>::get().len() as u32, T::MaxSeats::get() - n);
		Ok(())
	}

	/// `b` ballots of a member on ongoing council polls (at most `max_ballots`, `MaxVotes` of
	/// `pallet-voting`), removed when it leaves the council.
	#[benchmark]
	fn remove_council_ballots(
		b: Linear<0, { <T::Recusal as CouncilBallots<T::AccountId>>::max_ballots() }>,
	) -> Result<(), BenchmarkError> {
		install::<T>();
		let members = seat_members::<T>(T::MaxSeats::get(), |_| far::<T>());
		let member = members[0].clone();
		for _ in 0..b {
			let poll = council_poll::<T>()?;
			T::BenchmarkHelper::vote_council(&member, poll);
		}
		let removed;

		#[block]
		{
			removed = T::Recusal::remove_council_ballots(&member, b);
		}

		assert_eq!(removed, b);
		Ok(())
	}

	#[benchmark]
	fn declare_conflict() -> Result<(), BenchmarkError> {
		install::<T>();
		let members = seat_members::<T>(T::MaxSeats::get(), |_| far::<T>());
		let member = members[0].clone();
		let poll = council_poll::<T>()?;

		#[extrinsic_call]
		_(RawOrigin::Signed(member.clone()), poll);

		assert!(T::Recusal::is_recused(&member, poll));
		Ok(())
	}

	#[benchmark]
	fn challenge_conflict() -> Result<(), BenchmarkError> {
		install::<T>();
		let members = seat_members::<T>(T::MaxSeats::get(), |_| far::<T>());
		let member = members[0].clone();
		let poll = council_poll::<T>()?;
		let caller: T::AccountId = whitelisted_caller();
		fund::<T>(&caller);
		let id = NextChallengeId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), poll, member, T::Hashing::hash(b"evidence"));

		assert!(Challenges::<T>::contains_key(id));
		Ok(())
	}

	/// An upheld challenge: recusal, a slash in the most domains, the deposit returned.
	#[benchmark]
	fn record_challenge() -> Result<(), BenchmarkError> {
		install::<T>();
		let (id, challenge_poll) = challenge::<T>()?;
		T::BenchmarkHelper::conclude_poll(challenge_poll, true);
		let origin = pallet_origin::<T>(crate::RawOrigin::House {
			class: CONFLICT_CHALLENGE,
			kind: kinds::COUNCIL,
		});

		#[extrinsic_call]
		_(origin, id);

		assert!(!Challenges::<T>::contains_key(id));
		Ok(())
	}

	/// A rejected challenge: the deposit slashed.
	#[benchmark]
	fn advance_challenge() -> Result<(), BenchmarkError> {
		install::<T>();
		let (id, challenge_poll) = challenge::<T>()?;
		T::BenchmarkHelper::conclude_poll(challenge_poll, false);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);

		assert!(!Challenges::<T>::contains_key(id));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
