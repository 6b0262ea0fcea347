//! Reputation weight is never stale (issue 13 §3, the constitution's part), through the runtime:
//!
//! - an amendment that would change how a class's delegations count (its community scheme or
//!   reputation weights) is refused while accounts delegate in the class, even when both houses
//!   approved it;
//! - upholding a conflict challenge is charged the re-weighing of the slashed member's ballots
//!   and delegations that the slash sets off;
//! - decay: a reputation delegation made long before a poll, and the ballot that carries it
//!   while the poll runs, never count more than the delegator's reputation is worth when the
//!   poll is decided.

use super::governance::*;
use crate::RuntimeEvent;
use pallet_constitution::{Classes, CommunityScheme, Error};
use pallet_voting::{ClassDelegations, DelegationCount};

use sp_keyring::Sr25519Keyring::{Alice, Bob, Dave, Eve};

const DEV: &str = sp_genesis_builder::DEV_RUNTIME_PRESET;

/// The results of the calls the scheduler dispatched so far.
fn dispatched() -> Vec<sp_runtime::DispatchResult> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Scheduler(pallet_scheduler::Event::Dispatched { result, .. }) => {
				Some(result)
			},
			_ => None,
		})
		.collect()
}

/// The amendment that counts medium spends' community polls by quadratic votes.
fn medium_spend_by_quadratic_votes() -> RuntimeCall {
	let mut info = Classes::<Runtime>::get(classes::MEDIUM_SPEND).unwrap();
	info.community.as_mut().unwrap().scheme = CommunityScheme::Quadratic;
	RuntimeCall::Constitution(pallet_constitution::Call::amend_class {
		class: classes::MEDIUM_SPEND,
		info,
	})
}

/// Both houses of the amendment class approve `polls`; the blocks run until it is enacted.
fn approve_amendment(decision: u32, polls: DecisionPolls<u32>, until: u32) {
	aye(Alice, polls.council.unwrap());
	aye(Bob, polls.council.unwrap());
	token_aye(Alice, polls.community.unwrap(), 900_000 * UNIT);
	run_to(until);
	assert!(matches!(closed_with(decision), Some(Outcome::Enacted { .. })));
}

#[test]
fn an_amendment_cannot_change_the_scheme_of_a_class_with_delegations() {
	preset_ext(DEV).execute_with(|| {
		let track = track_id(classes::MEDIUM_SPEND, kinds::COMMUNITY);
		assert_eq!(<Constitution as SchemeOf<u16>>::scheme(&track), Scheme::Token);
		// Dave delegates 1 000 UNIT of medium-spend weight to Eve.
		assert_ok!(Voting::delegate(signed(Dave), track, account(Eve).into(), 1_000 * UNIT));
		assert_eq!(<Voting as DelegationCount<u16>>::delegations(&track), 1);
		let before = Classes::<Runtime>::get(classes::MEDIUM_SPEND).unwrap();
		let delegation =
			pallet_voting::VotingFor::<Runtime>::get(account(Dave), track).unwrap().delegating;

		// The attack: both houses approve turning the class into a quadratic one, under which
		// Dave's delegated balance would still be counted on Eve's ballots.
		let (decision, polls) = propose(classes::AMENDMENT, medium_spend_by_quadratic_votes());
		approve_amendment(decision, polls, 40);
		// The amendment was dispatched, and refused.
		assert!(dispatched().contains(&Err(Error::<Runtime>::ClassHasDelegations.into())));
		assert_eq!(Classes::<Runtime>::get(classes::MEDIUM_SPEND).unwrap(), before);
		assert_eq!(<Constitution as SchemeOf<u16>>::scheme(&track), Scheme::Token);
		assert_eq!(
			pallet_voting::VotingFor::<Runtime>::get(account(Dave), track).unwrap().delegating,
			delegation
		);
		assert_eq!(ClassDelegations::<Runtime>::get(track), Some(1));

		// The same call with the amendment class's origin: a named error and no state change.
		let amendment = RuntimeOrigin::from(ConstitutionOrigin::Class(classes::AMENDMENT));
		let RuntimeCall::Constitution(pallet_constitution::Call::amend_class { class, info }) =
			medium_spend_by_quadratic_votes()
		else {
			unreachable!()
		};
		assert_noop!(
			Constitution::amend_class(amendment.clone(), class, info.clone()),
			Error::<Runtime>::ClassHasDelegations
		);

		// Once Dave undelegates, the class can change.
		assert_ok!(Voting::undelegate(signed(Dave), track));
		assert_eq!(<Voting as DelegationCount<u16>>::delegations(&track), 0);
		assert_ok!(Constitution::amend_class(amendment, class, info));
		assert_eq!(<Constitution as SchemeOf<u16>>::scheme(&track), Scheme::Quadratic);
		Voting::do_try_state().expect("voting invariants hold");
	});
}

#[test]
fn upholding_a_conflict_challenge_is_charged_the_reweighing_of_the_slashed_ballots() {
	use frame_support::dispatch::DispatchClass;
	use pallet_constitution::WeightInfo;
	type Weights = crate::weights::pallet_constitution::WeightInfo<Runtime>;

	// The hook's bound depends on the class table: read it in the development genesis.
	preset_ext(DEV).execute_with(|| {
		let hook =
			<Voting as pallet_reputation::OnReputationSlashed<crate::AccountId>>::max_weight();
		// The development table has reputation classes: the hook costs something.
		assert!(hook.ref_time() > 0);
		let record =
			RuntimeCall::Constitution(pallet_constitution::Call::record_challenge { challenge: 0 })
				.get_dispatch_info()
				.call_weight;
		let advance = RuntimeCall::Constitution(pallet_constitution::Call::advance_challenge {
			challenge: 0,
		})
		.get_dispatch_info()
		.call_weight;
		assert_eq!(record, Weights::record_challenge() + hook);
		// Advancing a challenge may uphold it: it is charged at least as much.
		assert!(advance.all_gte(record));
		// And it still fits in a block.
		let max = <Runtime as frame_system::Config>::BlockWeights::get()
			.get(DispatchClass::Normal)
			.max_extrinsic
			.unwrap();
		assert!(advance.all_lte(max), "{advance:?} above {max:?}");
	});
}

/// `who`'s weighted reputation in the parameter-change class's community polls, now.
fn parameter_change_weight_of(who: sp_keyring::Sr25519Keyring) -> u128 {
	use pallet_reputation::ReputationProvider;
	let track = track_id(classes::PARAMETER_CHANGE, kinds::COMMUNITY);
	<Reputation as ReputationProvider<crate::AccountId, u16>>::weighted_score(
		&account(who),
		&<Constitution as SchemeOf<u16>>::reputation_weights(&track),
	)
}

#[test]
fn attack_a_stale_reputation_delegation_counts_no_more_than_the_delegators_reputation_now() {
	preset_ext(DEV).execute_with(|| {
		run_to(1);
		// Every domain decays with a half-life of 10 blocks, so that time passes quickly here.
		for domain in 0..5 {
			assert_ok!(Reputation::update_domain(RuntimeOrigin::root(), domain, None, Some(10)));
		}
		// Dave earns 800 points in evaluation and in safety and delegates them to Eve in the
		// parameter-change class's community polls (counted in all domains' reputation).
		for domain in [2, 3] {
			assert_ok!(Reputation::attest(
				signed(Alice),
				account(Dave),
				domain,
				800,
				Default::default()
			));
		}
		let track = track_id(classes::PARAMETER_CHANGE, kinds::COMMUNITY);
		assert_eq!(<Constitution as SchemeOf<u16>>::scheme(&track), Scheme::Reputation);
		assert_eq!(parameter_change_weight_of(Dave), 1_600);
		assert_ok!(Voting::delegate(signed(Dave), track, account(Eve).into(), 0));

		// The attack: Dave's reputation decays for three half-lives (to 200), then Eve votes
		// with the delegation Dave made when it was worth 1,600.
		run_to(31);
		assert_eq!(parameter_change_weight_of(Dave), 200);
		assert_eq!(parameter_change_weight_of(Eve), 0);
		let (_, polls) = propose(classes::PARAMETER_CHANGE, remark_call());
		let poll = polls.community.unwrap();
		aye(Eve, poll);
		let metrics = Voting::poll_metrics(poll).unwrap();
		assert_eq!((metrics.ayes, metrics.support), (200, 200));

		// While the poll runs, what Eve's ballot counts decays with Dave's reputation, block by
		// block, and so does its support: whenever the poll is decided, it counts what Dave's
		// reputation is worth then (rounded to the point), never the 1,600 it was.
		let mut blocks = 0;
		while let Some(metrics) = Voting::poll_metrics(poll) {
			let now = parameter_change_weight_of(Dave);
			assert!(metrics.ayes.abs_diff(now) <= 1, "{} counted, {now} now", metrics.ayes);
			let (tally, _) =
				<Referenda as frame_support::traits::Polling<_>>::as_ongoing(poll).unwrap();
			assert_eq!(tally.ayes(track), metrics.ayes);
			assert_eq!(
				tally.support(track),
				Perbill::from_rational(metrics.support, metrics.electorate)
			);
			run_to(System::block_number() + 1);
			blocks += 1;
		}
		assert!(blocks >= 5, "the poll ran for {blocks} blocks");
		assert!(parameter_change_weight_of(Dave) < 200 * 3 / 4);
	});
}
