//! Tests of the voting pallet. Every test built with `build_and_execute` ends with
//! `do_try_state`, which recounts every ongoing tally from the stored votes and checks the
//! delegation, override, lock and voice-credit invariants.

#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use crate::{
	mock::*, AccountVote, ClassDelegations, ClassLocksFor, CouncilBallots, CreditsSpent,
	Delegation, DelegationCount, DelegationOverride, Direction, Error, Event, FreezeReason,
	Overrides, PersonBallots, PollMetrics, Recusal, Scheme, SchemeOf, Tally, TallyOf,
	VoiceCreditsSpent, VotingFor,
};
use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	dispatch::DispatchResultWithPostInfo,
	traits::{
		fungible::{Inspect, InspectFreeze},
		tokens::{Fortitude, Preservation},
		Polling, VoteTally,
	},
};
use sp_core::U256;
use sp_runtime::Perbill;

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn standard(direction: Direction, amount: u64) -> AccountVote<u64> {
	AccountVote::Standard { direction, amount }
}

fn aye(amount: u64) -> AccountVote<u64> {
	standard(Direction::Aye, amount)
}

fn nay(amount: u64) -> AccountVote<u64> {
	standard(Direction::Nay, amount)
}

fn abstain(amount: u64) -> AccountVote<u64> {
	standard(Direction::Abstain, amount)
}

fn split(aye: u64, nay: u64, abstain: u64) -> AccountVote<u64> {
	AccountVote::Split { aye, nay, abstain }
}

fn own(direction: Direction) -> AccountVote<u64> {
	AccountVote::Own(direction)
}

fn vote(who: u64, poll: u32, vote: AccountVote<u64>) -> DispatchResultWithPostInfo {
	Voting::vote(signed(who), poll, vote)
}

fn remove(who: u64, class: Option<u8>, poll: u32) -> DispatchResultWithPostInfo {
	Voting::remove_vote(signed(who), class, poll)
}

fn delegate(who: u64, class: u8, to: u64, amount: u64) -> DispatchResultWithPostInfo {
	Voting::delegate(signed(who), class, to, amount)
}

fn undelegate(who: u64, class: u8) -> DispatchResultWithPostInfo {
	Voting::undelegate(signed(who), class)
}

fn unlock(who: u64, class: u8) -> DispatchResultWithPostInfo {
	Voting::unlock(signed(who), class, who)
}

/// Balance of `who` frozen by this pallet.
fn frozen(who: u64) -> u64 {
	<Balances as InspectFreeze<u64>>::balance_frozen(&FreezeReason::Voting.into(), &who)
}

/// Balance `who` could transfer away.
fn spendable(who: u64) -> u64 {
	<Balances as Inspect<u64>>::reducible_balance(&who, Preservation::Expendable, Fortitude::Polite)
}

/// A tally with the given fields.
#[allow(clippy::too_many_arguments)]
fn t(
	scheme: Scheme,
	ayes: u64,
	nays: u64,
	abstains: u64,
	support: u64,
	voters: u32,
	total_weight: u64,
	sum_of_squares: u128,
	recused: u32,
) -> TallyOf<Test> {
	Tally {
		scheme,
		ayes,
		nays,
		abstains,
		support,
		voters,
		total_weight,
		sum_of_squares: U256::from(sum_of_squares),
		recused,
		clock: 0,
		last_ballot: None,
	}
}

/// A reputation tally in the decay frame `half_lives` half-lives after genesis.
#[allow(clippy::too_many_arguments)]
fn t_at(
	half_lives: u32,
	ayes: u64,
	nays: u64,
	abstains: u64,
	support: u64,
	voters: u32,
	total_weight: u64,
	sum_of_squares: u128,
) -> TallyOf<Test> {
	let mut tally = t(
		Scheme::Reputation,
		ayes,
		nays,
		abstains,
		support,
		voters,
		total_weight,
		sum_of_squares,
		0,
	);
	tally.clock = u128::from(half_lives) << 32;
	tally
}

/// Reputation delegated to `who` in the reputation class, in points at the current decay clock.
fn delegated_reputation(who: u64) -> u128 {
	VotingFor::<Test>::get(who, REPUTATION)
		.map_or(0, |v| v.delegated_reputation.points_at(MockReputation::clock()))
}

fn last_event() -> Event<Test> {
	voting_events().pop().expect("an event was deposited")
}

/// The class of ongoing poll `poll`.
fn class_of(poll: u32) -> u8 {
	TestPolls::as_ongoing(poll).expect("the poll is ongoing").1
}

/// `VoteTally::support` of ongoing poll `poll`.
fn support(poll: u32) -> Perbill {
	tally(poll).support(class_of(poll))
}

/// `VoteTally::approval` of ongoing poll `poll`.
fn approval(poll: u32) -> Perbill {
	tally(poll).approval(class_of(poll))
}

fn active_issuance() -> u64 {
	<Balances as Inspect<u64>>::active_issuance()
}

// -----------------------------------------------------------------------------------------
// Token.
// -----------------------------------------------------------------------------------------

#[test]
fn token_votes_count_balance_in_each_direction() {
	ExtBuilder::default().build_and_execute(|| {
		new_poll(0, TOKEN);
		assert_ok!(vote(1, 0, aye(10)));
		assert_eq!(
			last_event(),
			Event::Voted {
				who: 1,
				poll_index: 0,
				vote: aye(10),
				weight: 10,
				tally: cast_now(t(Scheme::Token, 10, 0, 0, 10, 1, 10, 100, 0))
			}
		);
		assert_ok!(vote(2, 0, nay(20)));
		assert_ok!(vote(3, 0, abstain(5)));
		// Support counts aye and abstain balance.
		assert_eq!(tally(0), t(Scheme::Token, 10, 20, 5, 15, 3, 35, 100 + 400 + 25, 0));
		assert_eq!(approval(0), Perbill::from_rational(10u32, 30u32));
		assert_eq!(active_issuance(), 1_000);
		assert_eq!(support(0), Perbill::from_rational(15u32, 1_000u32));
	});
}

#[test]
fn the_first_ballot_in_a_block_pays_for_the_alarm_and_later_ones_are_refunded() {
	use crate::weights::WeightInfo as _;
	ExtBuilder::default().build_and_execute(|| {
		new_poll(0, TOKEN);
		let charged = |result: DispatchResultWithPostInfo| result.unwrap().actual_weight.unwrap();
		assert_eq!(stored_tally(0).last_ballot, None);
		// The first ballot in block 1 moves the poll's alarm: the full weight.
		assert_eq!(charged(vote(1, 0, aye(10))), <() as crate::WeightInfo>::vote_new(0));
		assert_eq!(stored_tally(0).last_ballot, Some(1));
		// A second new ballot in the same block finds the alarm set.
		assert_eq!(charged(vote(2, 0, nay(20))), <()>::vote_same_block(0));
		assert!(<()>::vote_same_block(0).ref_time() < <()>::vote_new(0).ref_time());
		// A changed ballot is charged as such.
		assert_eq!(charged(vote(2, 0, nay(5))), <()>::vote_existing(1));
		// In the next block the first ballot pays again; a removal also marks the block.
		run_to(2);
		assert_eq!(charged(vote(3, 0, aye(5))), <()>::vote_new(0));
		assert_eq!(stored_tally(0).last_ballot, Some(2));
		run_to(3);
		assert_ok!(Voting::remove_vote(RuntimeOrigin::signed(3), None, 0));
		assert_eq!(stored_tally(0).last_ballot, Some(3));
		assert_eq!(charged(vote(3, 0, aye(5))), <()>::vote_same_block(0));
	});
}

#[test]
fn split_token_votes_count_each_part() {
	ExtBuilder::default().build_and_execute(|| {
		new_poll(0, TOKEN);
		assert_ok!(vote(1, 0, split(10, 5, 3)));
		assert_eq!(tally(0), t(Scheme::Token, 10, 5, 3, 13, 1, 18, 18 * 18, 0));
		assert_eq!(frozen(1), 18);
		assert_eq!(approval(0), Perbill::from_rational(10u32, 15u32));
	});
}

#[test]
fn voting_again_replaces_the_vote() {
	ExtBuilder::default().build_and_execute(|| {
		new_poll(0, TOKEN);
		assert_ok!(vote(1, 0, aye(10)));
		assert_ok!(vote(1, 0, nay(20)));
		assert_eq!(tally(0), t(Scheme::Token, 0, 20, 0, 0, 1, 20, 400, 0));
		assert_ok!(vote(1, 0, split(1, 2, 3)));
		assert_eq!(tally(0), t(Scheme::Token, 1, 2, 3, 4, 1, 6, 36, 0));
		assert_eq!(VotingFor::<Test>::get(1, TOKEN).unwrap().votes.len(), 1);
	});
}

#[test]
fn one_freeze_covers_the_largest_vote_of_every_class() {
	ExtBuilder::default().build_and_execute(|| {
		new_poll(0, TOKEN);
		new_poll(1, TOKEN);
		new_poll(2, TOKEN_B);
		assert_ok!(vote(1, 0, aye(30)));
		assert_eq!(frozen(1), 30);
		assert_ok!(vote(1, 1, nay(50)));
		assert_ok!(vote(1, 2, aye(20)));
		assert_eq!(frozen(1), 50);
		assert_eq!(ClassLocksFor::<Test>::get(1).into_inner(), vec![(TOKEN, 50), (TOKEN_B, 20)]);
		assert_eq!(Voting::class_lock(&1, &TOKEN), 50);
		assert_eq!(spendable(1), 50);
		// A smaller vote does not lower the lock.
		assert_ok!(vote(1, 1, nay(5)));
		assert_eq!(frozen(1), 50);
	});
}

#[test]
fn the_freeze_is_released_only_after_removal_and_unlock() {
	ExtBuilder::default().build_and_execute(|| {
		new_poll(0, TOKEN);
		new_poll(1, TOKEN_B);
		assert_ok!(vote(1, 0, aye(60)));
		assert_ok!(vote(1, 1, aye(40)));
		// Unlocking while the votes stand changes nothing.
		assert_ok!(unlock(1, TOKEN));
		assert_eq!(frozen(1), 60);
		end_poll(0, true);
		assert_ok!(remove(1, Some(TOKEN), 0));
		assert_eq!(frozen(1), 60);
		assert_ok!(unlock(1, TOKEN));
		assert_eq!(last_event(), Event::Unlocked { who: 1, class: TOKEN, remaining: 40 });
		assert_eq!(frozen(1), 40);
		assert_ok!(remove(1, None, 1));
		assert_ok!(Voting::unlock(signed(9), TOKEN_B, 1));
		assert_eq!(last_event(), Event::Unlocked { who: 1, class: TOKEN_B, remaining: 0 });
		assert_eq!(frozen(1), 0);
		assert!(pallet_balances::Freezes::<Test>::get(1).is_empty());
		assert_eq!(ClassLocksFor::<Test>::iter().count(), 0);
		assert_eq!(VotingFor::<Test>::iter().count(), 0);
	});
}

#[test]
fn moving_tokens_after_voting_cannot_vote_them_twice() {
	ExtBuilder::default().build_and_execute(|| {
		new_poll(0, TOKEN);
		new_poll(1, TOKEN);
		assert_ok!(vote(1, 0, aye(BALANCE)));
		// The whole balance is frozen: it cannot be moved to another account to vote again.
		assert!(Balances::transfer_allow_death(signed(1), 5, 50).is_err());
		assert!(Balances::transfer_allow_death(signed(1), 5, 1).is_err());
		assert_eq!(Balances::free_balance(1), BALANCE);
		assert_eq!(Balances::free_balance(5), BALANCE);
		// Account 5 can only vote with its own balance.
		assert_noop!(vote(5, 0, aye(BALANCE + 1)), Error::<Test>::InsufficientFunds);
		assert_ok!(vote(5, 0, aye(BALANCE)));
		assert_eq!(tally(0).ayes, 2 * BALANCE);
		// The same balance may back a vote on another poll: one lock covers the largest vote.
		assert_ok!(vote(1, 1, aye(BALANCE)));
		assert_eq!(frozen(1), BALANCE);
		// Withdrawing the vote (and unlocking) frees the balance, and its weight is gone.
		assert_ok!(remove(1, None, 0));
		assert_ok!(remove(1, None, 1));
		assert_ok!(unlock(1, TOKEN));
		assert_eq!(frozen(1), 0);
		assert_ok!(Balances::transfer_allow_death(signed(1), 6, 50));
		assert_ok!(vote(6, 0, aye(150)));
		assert_eq!(tally(0).ayes, BALANCE + 150);
		assert_eq!(tally(0).voters, 2);
	});
}

#[test]
fn token_vote_errors() {
	ExtBuilder::default().build_and_execute(|| {
		new_poll(0, TOKEN);
		new_poll(1, TOKEN);
		end_poll(1, true);
		assert_noop!(vote(1, 0, aye(BALANCE + 1)), Error::<Test>::InsufficientFunds);
		assert_noop!(vote(1, 0, split(60, 40, 1)), Error::<Test>::InsufficientFunds);
		assert_noop!(vote(1, 0, aye(0)), Error::<Test>::ZeroVote);
		assert_noop!(vote(1, 0, split(0, 0, 0)), Error::<Test>::ZeroVote);
		assert_noop!(vote(1, 0, own(Direction::Aye)), Error::<Test>::WrongVoteForScheme);
		assert_noop!(vote(1, 0, split(u64::MAX, 1, 0)), Error::<Test>::Overflow);
		assert_noop!(vote(1, 1, aye(1)), Error::<Test>::NotOngoing);
		assert_noop!(vote(1, 7, aye(1)), Error::<Test>::NotOngoing);
	});
}

#[test]
fn max_votes_per_class() {
	ExtBuilder::default().build_and_execute(|| {
		for poll in 0..6 {
			new_poll(poll, TOKEN);
		}
		new_poll(6, TOKEN_B);
		for poll in 0..5 {
			assert_ok!(vote(1, poll, aye(1)));
		}
		assert_noop!(vote(1, 5, aye(1)), Error::<Test>::MaxVotesReached);
		// Changing a vote and voting in another class still work.
		assert_ok!(vote(1, 4, aye(2)));
		assert_ok!(vote(1, 6, aye(2)));
		// Removing a vote on a completed poll makes room.
		end_poll(0, false);
		assert_ok!(remove(1, Some(TOKEN), 0));
		assert_ok!(vote(1, 5, aye(1)));
	});
}

#[test]
fn too_many_classes_with_frozen_balance() {
	ExtBuilder::default().build_and_execute(|| {
		MaxClasses::set(1);
		new_poll(0, TOKEN);
		new_poll(1, TOKEN_B);
		assert_ok!(vote(1, 0, aye(10)));
		assert_noop!(vote(1, 1, aye(10)), Error::<Test>::TooManyClasses);
		assert_noop!(delegate(1, TOKEN_B, 2, 10), Error::<Test>::TooManyClasses);
		// Once the first class is unlocked, the other one can be used.
		end_poll(0, true);
		assert_ok!(remove(1, Some(TOKEN), 0));
		assert_ok!(unlock(1, TOKEN));
		assert_ok!(vote(1, 1, aye(10)));
	});
}

// -----------------------------------------------------------------------------------------
// Quadratic.
// -----------------------------------------------------------------------------------------

#[test]
fn quadratic_votes_cost_squares_and_support_counts_voters() {
	ExtBuilder::default().persons(vec![1, 2, 3, 4]).build_and_execute(|| {
		new_poll(0, QUADRATIC);
		assert_ok!(vote(1, 0, aye(3)));
		assert_eq!(VoiceCreditsSpent::<Test>::get(1), Some(CreditsSpent { epoch: 0, spent: 9 }));
		assert_ok!(vote(2, 0, nay(2)));
		assert_ok!(vote(3, 0, abstain(1)));
		assert_eq!(VoiceCreditsSpent::<Test>::get(2), Some(CreditsSpent { epoch: 0, spent: 4 }));
		assert_eq!(tally(0), t(Scheme::Quadratic, 3, 2, 1, 3, 3, 6, 9 + 4 + 1, 0));
		// Three of four persons voted.
		assert_eq!(support(0), Perbill::from_percent(75));
		assert_eq!(approval(0), Perbill::from_percent(60));
		assert_eq!(Voting::voice_credits_left(&1), CREDITS - 9);
		// Quadratic votes freeze nothing.
		assert_eq!(frozen(1), 0);
	});
}

#[test]
fn quadratic_votes_need_personhood() {
	ExtBuilder::default().persons(vec![1]).build_and_execute(|| {
		new_poll(0, QUADRATIC);
		assert_noop!(vote(2, 0, aye(1)), Error::<Test>::NotPerson);
		make_person(2);
		assert_ok!(vote(2, 0, aye(1)));
	});
}

#[test]
fn quadratic_votes_take_only_standard_votes() {
	ExtBuilder::default().persons(vec![1]).build_and_execute(|| {
		new_poll(0, QUADRATIC);
		assert_noop!(vote(1, 0, split(1, 1, 0)), Error::<Test>::WrongVoteForScheme);
		assert_noop!(vote(1, 0, own(Direction::Aye)), Error::<Test>::WrongVoteForScheme);
		assert_noop!(vote(1, 0, aye(0)), Error::<Test>::ZeroVote);
	});
}

#[test]
fn changing_a_quadratic_vote_refunds_its_credits() {
	ExtBuilder::default().persons(vec![1]).build_and_execute(|| {
		new_poll(0, QUADRATIC);
		new_poll(1, QUADRATIC);
		assert_ok!(vote(1, 0, aye(5)));
		assert_eq!(VoiceCreditsSpent::<Test>::get(1), Some(CreditsSpent { epoch: 0, spent: 25 }));
		// 9 votes cost 81 credits: 25 are refunded, so 81 are spent (not 106).
		assert_ok!(vote(1, 0, aye(9)));
		assert_eq!(VoiceCreditsSpent::<Test>::get(1), Some(CreditsSpent { epoch: 0, spent: 81 }));
		// The whole budget on one poll.
		assert_ok!(vote(1, 0, nay(10)));
		assert_eq!(
			VoiceCreditsSpent::<Test>::get(1),
			Some(CreditsSpent { epoch: 0, spent: CREDITS })
		);
		assert_noop!(vote(1, 1, aye(1)), Error::<Test>::InsufficientCredits);
		assert_eq!(tally(0), t(Scheme::Quadratic, 0, 10, 0, 1, 1, 10, 100, 0));
	});
}

#[test]
fn removing_a_quadratic_vote_on_an_ongoing_poll_refunds_its_credits() {
	ExtBuilder::default().persons(vec![1]).build_and_execute(|| {
		new_poll(0, QUADRATIC);
		new_poll(1, QUADRATIC);
		assert_ok!(vote(1, 0, aye(6)));
		assert_ok!(vote(1, 1, aye(8)));
		assert_eq!(VoiceCreditsSpent::<Test>::get(1), Some(CreditsSpent { epoch: 0, spent: 100 }));
		assert_ok!(remove(1, None, 1));
		assert_eq!(VoiceCreditsSpent::<Test>::get(1), Some(CreditsSpent { epoch: 0, spent: 36 }));
		assert_ok!(remove(1, None, 0));
		assert_eq!(VoiceCreditsSpent::<Test>::get(1), None);
		assert_eq!(tally(0), Tally::empty(Scheme::Quadratic));
	});
}

#[test]
fn removing_a_quadratic_vote_on_a_completed_poll_refunds_nothing() {
	ExtBuilder::default().persons(vec![1]).build_and_execute(|| {
		new_poll(0, QUADRATIC);
		assert_ok!(vote(1, 0, aye(6)));
		end_poll(0, true);
		assert_ok!(remove(1, Some(QUADRATIC), 0));
		assert_eq!(VoiceCreditsSpent::<Test>::get(1), Some(CreditsSpent { epoch: 0, spent: 36 }));
	});
}

#[test]
fn a_person_votes_once_per_poll_and_shares_its_credits_across_accounts() {
	ExtBuilder::default().persons(vec![1]).build_and_execute(|| {
		new_poll(0, QUADRATIC);
		new_poll(1, QUADRATIC);
		// Account 9 is another key of person 1.
		make_person_as(9, 1);
		assert_ok!(vote(1, 0, aye(3)));
		assert_eq!(Voting::person_ballot(1, 0), Some(1));
		assert_noop!(vote(9, 0, aye(3)), Error::<Test>::PersonAlreadyVoted);
		// Credits are the person's: 9 of them are gone for account 9 too.
		assert_eq!(Voting::voice_credits_left(&9), CREDITS - 9);
		assert_noop!(vote(9, 1, aye(10)), Error::<Test>::InsufficientCredits);
		assert_ok!(vote(9, 1, aye(9)));
		assert_eq!(VoiceCreditsSpent::<Test>::get(1), Some(CreditsSpent { epoch: 0, spent: 90 }));
		assert_eq!(PersonBallots::<Test>::get(1).into_inner(), vec![(0, 1), (1, 9)]);
		// Withdrawing a ballot frees the poll for the person, from any of its accounts.
		assert_ok!(remove(1, None, 0));
		assert_eq!(Voting::person_ballot(1, 0), None);
		assert_ok!(vote(9, 0, aye(3)));
		assert_eq!(tally(0), t(Scheme::Quadratic, 3, 0, 0, 1, 1, 3, 9, 0));
		// Not a person: no credits.
		assert_eq!(Voting::voice_credits_left(&5), 0);
	});
}

#[test]
fn a_person_keeps_at_most_max_votes_quadratic_ballots_over_its_accounts() {
	ExtBuilder::default().persons(vec![1]).build_and_execute(|| {
		make_person_as(9, 1);
		for poll in 0..6 {
			new_poll(poll, QUADRATIC);
		}
		// MaxVotes = 5: three ballots from account 1 and two from account 9 fill the person's.
		for poll in 0..3 {
			assert_ok!(vote(1, poll, aye(1)));
		}
		for poll in 3..5 {
			assert_ok!(vote(9, poll, aye(1)));
		}
		assert_noop!(vote(9, 5, aye(1)), Error::<Test>::MaxVotesReached);
	});
}

#[test]
fn a_removed_credential_voids_the_accounts_quadratic_ballots_on_ongoing_polls() {
	ExtBuilder::default().persons(vec![1, 2]).build_and_execute(|| {
		new_poll(0, QUADRATIC);
		new_poll(1, QUADRATIC);
		new_poll(2, TOKEN);
		assert_ok!(vote(1, 0, aye(3)));
		assert_ok!(vote(1, 1, nay(2)));
		assert_ok!(vote(1, 2, aye(10)));
		assert_ok!(vote(2, 0, aye(1)));
		end_poll(1, true);

		let used = revoke_person(1, 1);
		assert_eq!(used, <() as crate::WeightInfo>::void_ballots(2));
		// Only the ongoing quadratic poll's ballot leaves its tally; the token vote stays.
		assert_eq!(tally(0), t(Scheme::Quadratic, 1, 0, 0, 1, 1, 1, 1, 0));
		assert_eq!(
			voting_events().last(),
			Some(&Event::BallotVoided { who: 1, person: 1, poll_index: 0, tally: stored_tally(0) })
		);
		assert_eq!(tally(2).ayes, 10);
		let voting = VotingFor::<Test>::get(1, QUADRATIC).unwrap();
		assert!(voting.record(0).unwrap().is_voided());
		assert!(voting.record(1).unwrap().vote.is_some());
		// The credits stay spent.
		assert_eq!(VoiceCreditsSpent::<Test>::get(1), Some(CreditsSpent { epoch: 0, spent: 13 }));
		assert!(!Voting::is_recused(&1, 0));

		// The person's new key cannot vote on the poll again; the old key cannot take the
		// voided ballot back, nor vote, while the poll is ongoing.
		make_person_as(9, 1);
		assert_noop!(vote(9, 0, aye(1)), Error::<Test>::PersonAlreadyVoted);
		assert_noop!(remove(1, None, 0), Error::<Test>::Voided);
		make_person_as(1, 1);
		assert_noop!(vote(1, 0, aye(1)), Error::<Test>::PersonAlreadyVoted);

		// Once the poll is over, anyone removes the voided record, and the person's entry.
		assert_noop!(
			Voting::remove_other_vote(signed(5), 1, QUADRATIC, 0),
			Error::<Test>::NoPermission
		);
		end_poll(0, false);
		assert_ok!(Voting::remove_other_vote(signed(5), 1, QUADRATIC, 0));
		assert_eq!(Voting::person_ballot(1, 0), None);
	});
}

#[test]
fn a_removed_credential_of_another_key_leaves_the_persons_other_ballots() {
	ExtBuilder::default().persons(vec![1]).build_and_execute(|| {
		new_poll(0, QUADRATIC);
		new_poll(1, QUADRATIC);
		make_person_as(9, 1);
		assert_ok!(vote(1, 0, aye(2)));
		assert_ok!(vote(9, 1, aye(2)));
		revoke_person(9, 1);
		assert_eq!(tally(0).voters, 1);
		assert_eq!(tally(1).voters, 0);
		// Nothing to void: no error, and nothing happens.
		let events = voting_events().len();
		revoke_person(4, 4);
		assert_eq!(voting_events().len(), events);
	});
}

#[test]
fn try_state_detects_a_corrupt_person_ballot_index() {
	ExtBuilder::default().persons(vec![1]).build().execute_with(|| {
		new_poll(0, QUADRATIC);
		assert_ok!(vote(1, 0, aye(2)));
		assert_ok!(crate::Pallet::<Test>::do_try_state());
		PersonBallots::<Test>::mutate(1, |b| b[0].1 = 2);
		assert!(crate::Pallet::<Test>::do_try_state().is_err());
		PersonBallots::<Test>::remove(1);
		assert!(crate::Pallet::<Test>::do_try_state().is_err());
	});
}

#[test]
fn a_slash_reweighs_the_accounts_reputation_ballots_and_delegation_at_once() {
	use ostrom_primitives::OnReputationSlashed;
	ExtBuilder::default().build_and_execute(|| {
		new_poll(0, REPUTATION);
		new_poll(1, REPUTATION);
		new_poll(2, QUADRATIC);
		set_reputation(1, 0, 100);
		set_reputation(2, 0, 50);
		set_reputation(3, 0, 40);
		assert_ok!(vote(1, 0, own(Direction::Aye)));
		assert_ok!(delegate(2, REPUTATION, 3, 0));
		assert_ok!(vote(3, 1, own(Direction::Aye)));
		assert_eq!((tally(0).ayes, tally(1).ayes), (100, 90));

		// Account 1 is slashed to nothing, account 2 by 60%: both weigh less at once.
		set_reputation(1, 0, 0);
		set_reputation(2, 0, 20);
		let used = <Voting as OnReputationSlashed<u64>>::on_slashed(&1);
		assert_eq!(used, <() as crate::WeightInfo>::reweigh_ballots(1));
		assert_eq!(tally(0).ayes, 0);
		assert_eq!(
			voting_events().last(),
			Some(&Event::BallotReweighed {
				who: 1,
				poll_index: 0,
				old: 100,
				new: 0,
				tally: stored_tally(0)
			})
		);
		<Voting as OnReputationSlashed<u64>>::on_slashed(&2);
		assert_eq!(tally(1).ayes, 60);
		assert_eq!(delegated_reputation(3), 20);
		// A completed poll keeps its count.
		end_poll(1, true);
		set_reputation(3, 0, 10);
		<Voting as OnReputationSlashed<u64>>::on_slashed(&3);
		assert_eq!(VotingFor::<Test>::get(3, REPUTATION).unwrap().record(1).unwrap().own, 40);
		// Nothing to re-weigh: nothing happens.
		let events = voting_events().len();
		<Voting as OnReputationSlashed<u64>>::on_slashed(&7);
		assert_eq!(voting_events().len(), events);
		assert!(<Voting as OnReputationSlashed<u64>>::max_weight()
			.all_gte(<() as crate::WeightInfo>::reweigh_ballots(5)));
	});
}

#[test]
fn voice_credits_renew_every_epoch() {
	ExtBuilder::default().persons(vec![1]).build_and_execute(|| {
		new_poll(0, QUADRATIC);
		new_poll(1, QUADRATIC);
		assert_ok!(vote(1, 0, aye(10)));
		assert_noop!(vote(1, 1, aye(1)), Error::<Test>::InsufficientCredits);
		run_to(EPOCH);
		assert_eq!(Voting::current_epoch(), 1);
		assert_eq!(Voting::voice_credits_left(&1), CREDITS);
		assert_ok!(vote(1, 1, aye(10)));
		assert_eq!(VoiceCreditsSpent::<Test>::get(1), Some(CreditsSpent { epoch: 1, spent: 100 }));
		// The credits of the first vote were spent in the last epoch: changing it now costs the
		// full price, with nothing to refund.
		assert_noop!(vote(1, 0, aye(1)), Error::<Test>::InsufficientCredits);
		// In the next epoch the stale record is deleted by `unlock`.
		run_to(2 * EPOCH);
		assert_ok!(unlock(1, QUADRATIC));
		assert_eq!(VoiceCreditsSpent::<Test>::get(1), None);
	});
}

#[test]
fn quadratic_vote_costs_beyond_the_budget_are_refused() {
	ExtBuilder::default().persons(vec![1]).build_and_execute(|| {
		new_poll(0, QUADRATIC);
		assert_noop!(vote(1, 0, aye(11)), Error::<Test>::InsufficientCredits);
		// v² does not even fit in the credit counter.
		assert_noop!(vote(1, 0, aye(u64::MAX)), Error::<Test>::InsufficientCredits);
		assert_noop!(vote(1, 0, aye(70_000)), Error::<Test>::InsufficientCredits);
	});
}

#[test]
fn quadratic_and_council_votes_are_not_delegable() {
	ExtBuilder::default().persons(vec![1, 2]).members(vec![1, 2]).build_and_execute(|| {
		assert_noop!(delegate(1, QUADRATIC, 2, 0), Error::<Test>::NotDelegable);
		assert_noop!(delegate(1, COUNCIL, 2, 0), Error::<Test>::NotDelegable);
		assert_noop!(
			Voting::refresh_delegation(signed(1), 1, QUADRATIC),
			Error::<Test>::NotDelegable
		);
	});
}

// -----------------------------------------------------------------------------------------
// Reputation.
// -----------------------------------------------------------------------------------------

#[test]
fn reputation_votes_weigh_domain_weighted_reputation() {
	ExtBuilder::default().build_and_execute(|| {
		// Class 2 weighs domain 0 fully and domain 1 by half.
		set_reputation(1, 0, 100);
		set_reputation(1, 1, 40);
		set_reputation(2, 0, 300);
		set_reputation(3, 5, 1_000);
		new_poll(0, REPUTATION);
		assert_ok!(vote(1, 0, own(Direction::Aye)));
		assert_eq!(tally(0), t(Scheme::Reputation, 120, 0, 0, 120, 1, 120, 120 * 120, 0));
		// Total weighted reputation: 100 + 300 + 40 / 2 = 420.
		assert_eq!(support(0), Perbill::from_rational(120u32, 420u32));
		assert_ok!(vote(2, 0, own(Direction::Nay)));
		// Support counts the reputation of every voter, whatever the direction.
		assert_eq!(tally(0), t(Scheme::Reputation, 120, 300, 0, 420, 2, 420, 14_400 + 90_000, 0));
		assert_eq!(support(0), Perbill::one());
		assert_eq!(approval(0), Perbill::from_rational(120u32, 420u32));
		// Reputation votes freeze nothing.
		assert_eq!(frozen(1), 0);
	});
}

#[test]
fn voting_again_refreshes_reputation() {
	ExtBuilder::default().build_and_execute(|| {
		set_reputation(1, 0, 100);
		new_poll(0, REPUTATION);
		assert_ok!(vote(1, 0, own(Direction::Aye)));
		assert_eq!(tally(0).ayes, 100);
		// Decay or a slash lowers the score: the vote keeps its weight until it is cast again.
		set_reputation(1, 0, 30);
		assert_eq!(tally(0).ayes, 100);
		assert_ok!(vote(1, 0, own(Direction::Aye)));
		assert_eq!(tally(0), t(Scheme::Reputation, 30, 0, 0, 30, 1, 30, 900, 0));
	});
}

#[test]
fn reputation_vote_errors() {
	ExtBuilder::default().build_and_execute(|| {
		set_reputation(1, 0, 100);
		// Reputation in a domain the class does not weigh counts nothing.
		set_reputation(2, 7, 100);
		new_poll(0, REPUTATION);
		assert_noop!(vote(2, 0, own(Direction::Aye)), Error::<Test>::NoReputation);
		assert_noop!(vote(3, 0, own(Direction::Aye)), Error::<Test>::NoReputation);
		assert_noop!(vote(1, 0, aye(1)), Error::<Test>::WrongVoteForScheme);
		assert_noop!(vote(1, 0, split(1, 0, 0)), Error::<Test>::WrongVoteForScheme);
	});
}

// -----------------------------------------------------------------------------------------
// Council.
// -----------------------------------------------------------------------------------------

#[test]
fn council_members_have_one_vote_each() {
	ExtBuilder::default().members(vec![1, 2, 3]).build_and_execute(|| {
		new_poll(0, COUNCIL);
		assert_ok!(vote(1, 0, own(Direction::Aye)));
		assert_ok!(vote(2, 0, own(Direction::Nay)));
		assert_eq!(tally(0), t(Scheme::Council, 1, 1, 0, 1, 2, 2, 2, 0));
		// Support counts ayes over the seats.
		assert_eq!(support(0), Perbill::from_rational(1u32, 3u32));
		assert_eq!(approval(0), Perbill::from_percent(50));
		assert_ok!(vote(3, 0, own(Direction::Aye)));
		assert_eq!(support(0), Perbill::from_rational(2u32, 3u32));
		assert_noop!(vote(4, 0, own(Direction::Aye)), Error::<Test>::NotCouncilMember);
		assert_noop!(vote(1, 0, aye(1)), Error::<Test>::WrongVoteForScheme);
		// A new seat joins the electorate.
		set_members(vec![1, 2, 3, 4]);
		assert_eq!(support(0), Perbill::from_percent(50));
		assert_ok!(vote(4, 0, own(Direction::Abstain)));
		assert_eq!(tally(0), t(Scheme::Council, 2, 1, 1, 2, 4, 4, 4, 0));
		assert_eq!(approval(0), Perbill::from_rational(2u32, 3u32));
	});
}

#[test]
fn recusal_removes_the_vote_and_shrinks_the_electorate() {
	ExtBuilder::default().members(vec![1, 2, 3]).build_and_execute(|| {
		new_poll(0, COUNCIL);
		assert_ok!(vote(1, 0, own(Direction::Aye)));
		assert_ok!(vote(2, 0, own(Direction::Aye)));
		assert_eq!(support(0), Perbill::from_rational(2u32, 3u32));
		assert!(!Voting::is_recused(&1, 0));
		assert_ok!(Voting::recuse(&1, 0));
		assert_eq!(last_event(), Event::Recused { who: 1, poll_index: 0 });
		assert!(Voting::is_recused(&1, 0));
		assert_eq!(tally(0), t(Scheme::Council, 1, 0, 0, 1, 1, 1, 1, 1));
		// One aye of the two seats left.
		assert_eq!(support(0), Perbill::from_percent(50));
		// A recused member cannot vote, nor remove the recusal while the poll is ongoing.
		assert_noop!(vote(1, 0, own(Direction::Aye)), Error::<Test>::Recused);
		assert_noop!(remove(1, None, 0), Error::<Test>::Recused);
		// A member who had not voted can be recused too.
		assert_ok!(Voting::recuse(&3, 0));
		assert_eq!(tally(0).recused, 2);
		assert_eq!(support(0), Perbill::one());
		end_poll(0, true);
		assert!(!Voting::is_recused(&1, 0));
		assert_ok!(remove(1, Some(COUNCIL), 0));
		assert_ok!(Voting::remove_other_vote(signed(9), 3, COUNCIL, 0));
		assert!(!VotingFor::<Test>::contains_key(1, COUNCIL));
		assert!(!VotingFor::<Test>::contains_key(3, COUNCIL));
	});
}

#[test]
fn recusal_errors() {
	ExtBuilder::default().members(vec![1, 2]).build_and_execute(|| {
		new_poll(0, COUNCIL);
		new_poll(1, TOKEN);
		new_poll(2, COUNCIL);
		end_poll(2, true);
		assert_noop!(Voting::recuse(&1, 1), Error::<Test>::NotCouncilPoll);
		assert_noop!(Voting::recuse(&1, 2), Error::<Test>::NotOngoing);
		assert_noop!(Voting::recuse(&1, 9), Error::<Test>::NotOngoing);
		assert_noop!(Voting::recuse(&3, 0), Error::<Test>::NotCouncilMember);
		assert_ok!(Voting::recuse(&1, 0));
		assert_noop!(Voting::recuse(&1, 0), Error::<Test>::Recused);
	});
}

#[test]
fn recusal_needs_room_for_its_record() {
	ExtBuilder::default().members(vec![1]).build_and_execute(|| {
		for poll in 0..6 {
			new_poll(poll, COUNCIL);
		}
		for poll in 0..5 {
			assert_ok!(vote(1, poll, own(Direction::Aye)));
		}
		assert_noop!(Voting::recuse(&1, 5), Error::<Test>::MaxVotesReached);
		// Recusal from a poll already voted on replaces the vote.
		assert_ok!(Voting::recuse(&1, 4));
	});
}

// -----------------------------------------------------------------------------------------
// Delegation.
// -----------------------------------------------------------------------------------------

#[test]
fn a_delegates_vote_carries_the_delegated_weight() {
	ExtBuilder::default().build_and_execute(|| {
		new_poll(0, TOKEN);
		assert_ok!(delegate(2, TOKEN, 1, 30));
		assert_eq!(last_event(), Event::Delegated { who: 2, target: 1, class: TOKEN, amount: 30 });
		assert_ok!(delegate(3, TOKEN, 1, 20));
		assert_eq!(frozen(2), 30);
		assert_eq!(frozen(3), 20);
		let record = VotingFor::<Test>::get(1, TOKEN).unwrap();
		assert_eq!((record.delegations, record.delegators), (50, 2));
		assert_ok!(vote(1, 0, aye(10)));
		// One ballot of 10 + 30 + 20: delegated weight is counted once, on the delegate's ballot.
		assert_eq!(tally(0), t(Scheme::Token, 60, 0, 0, 60, 1, 60, 3_600, 0));
		assert_eq!(
			last_event(),
			Event::Voted {
				who: 1,
				poll_index: 0,
				vote: aye(10),
				weight: 60,
				tally: cast_now(t(Scheme::Token, 60, 0, 0, 60, 1, 60, 3_600, 0))
			}
		);
		// A split vote carries no delegated weight.
		assert_ok!(vote(1, 0, split(5, 5, 0)));
		assert_eq!(tally(0), t(Scheme::Token, 5, 5, 0, 5, 1, 10, 100, 0));
	});
}

#[test]
fn delegating_moves_weight_onto_the_delegates_ongoing_ballots_only() {
	ExtBuilder::default().build_and_execute(|| {
		new_poll(0, TOKEN);
		new_poll(1, TOKEN);
		assert_ok!(vote(1, 0, aye(10)));
		assert_ok!(vote(1, 1, nay(10)));
		end_poll(1, false);
		let completed = PollStates::get().get(&1).cloned();
		assert_ok!(delegate(2, TOKEN, 1, 30));
		assert_eq!(tally(0), t(Scheme::Token, 40, 0, 0, 40, 1, 40, 1_600, 0));
		assert_eq!(PollStates::get().get(&1).cloned(), completed);
		assert_ok!(undelegate(2, TOKEN));
		assert_eq!(
			last_event(),
			Event::Undelegated { who: 2, target: 1, class: TOKEN, amount: 30 }
		);
		assert_eq!(tally(0), t(Scheme::Token, 10, 0, 0, 10, 1, 10, 100, 0));
		assert_eq!(PollStates::get().get(&1).cloned(), completed);
		assert!(VotingFor::<Test>::get(2, TOKEN).is_none());
		assert_eq!(VotingFor::<Test>::get(1, TOKEN).unwrap().delegators, 0);
	});
}

#[test]
fn a_direct_vote_overrides_the_delegation_on_that_poll_only() {
	ExtBuilder::default().build_and_execute(|| {
		new_poll(0, TOKEN);
		new_poll(1, TOKEN);
		assert_ok!(delegate(2, TOKEN, 1, 30));
		assert_ok!(vote(1, 0, aye(10)));
		assert_ok!(vote(1, 1, aye(10)));
		let before = tally(0);
		assert_eq!(before, t(Scheme::Token, 40, 0, 0, 40, 1, 40, 1_600, 0));
		assert_ok!(vote(2, 0, nay(5)));
		assert!(voting_events().contains(&Event::DelegationOverridden {
			who: 2,
			delegate: 1,
			poll_index: 0,
			amount: 30
		}));
		// The delegator's 30 left the delegate's ballot on poll 0; it votes 5 itself.
		assert_eq!(tally(0), t(Scheme::Token, 10, 5, 0, 10, 2, 15, 100 + 25, 0));
		assert_eq!(Overrides::<Test>::get(0, 1), Some(30));
		// Poll 1 still counts the delegation.
		assert_eq!(tally(1), t(Scheme::Token, 40, 0, 0, 40, 1, 40, 1_600, 0));
		// Changing the direct vote keeps the override.
		assert_ok!(vote(2, 0, nay(7)));
		assert_eq!(tally(0).ayes, 10);
		// Removing the direct vote restores the tally exactly.
		assert_ok!(remove(2, None, 0));
		assert_eq!(tally(0), before);
		assert_eq!(Overrides::<Test>::get(0, 1), None);
	});
}

#[test]
fn a_delegate_voting_after_the_override_gets_only_the_remaining_delegations() {
	ExtBuilder::default().build_and_execute(|| {
		new_poll(0, TOKEN);
		assert_ok!(delegate(2, TOKEN, 1, 30));
		assert_ok!(delegate(3, TOKEN, 1, 20));
		assert_ok!(vote(2, 0, aye(5)));
		assert_ok!(vote(1, 0, nay(10)));
		// 1's ballot: 10 own + 20 from 3 (2 voted directly).
		assert_eq!(tally(0), t(Scheme::Token, 5, 30, 0, 5, 2, 35, 25 + 900, 0));
	});
}

#[test]
fn delegating_after_voting_directly_overrides_on_ongoing_polls() {
	ExtBuilder::default().build_and_execute(|| {
		new_poll(0, TOKEN);
		new_poll(1, TOKEN);
		new_poll(2, TOKEN);
		assert_ok!(vote(1, 0, aye(10)));
		assert_ok!(vote(1, 1, aye(10)));
		assert_ok!(vote(2, 0, nay(5)));
		assert_ok!(vote(2, 2, nay(5)));
		end_poll(2, false);
		assert_ok!(delegate(2, TOKEN, 1, 30));
		// Poll 0: 2 voted directly, so 1's ballot does not carry its delegation.
		assert_eq!(tally(0), t(Scheme::Token, 10, 5, 0, 10, 2, 15, 125, 0));
		// Poll 1: it does.
		assert_eq!(tally(1), t(Scheme::Token, 40, 0, 0, 40, 1, 40, 1_600, 0));
		let record = VotingFor::<Test>::get(2, TOKEN).unwrap();
		assert_eq!(
			record.record(0).unwrap().override_of,
			Some(DelegationOverride { delegate: 1, amount: 30 })
		);
		// No override is recorded on the completed poll.
		assert_eq!(record.record(2).unwrap().override_of, None);
		assert_eq!(Overrides::<Test>::get(2, 1), None);
		assert_ok!(undelegate(2, TOKEN));
		assert_eq!(tally(0), t(Scheme::Token, 10, 5, 0, 10, 2, 15, 125, 0));
		assert_eq!(tally(1), t(Scheme::Token, 10, 0, 0, 10, 1, 10, 100, 0));
		assert_eq!(Overrides::<Test>::iter().count(), 0);
	});
}

#[test]
fn removing_an_overriding_vote_on_a_completed_poll_clears_the_override() {
	ExtBuilder::default().build_and_execute(|| {
		new_poll(0, TOKEN);
		assert_ok!(delegate(2, TOKEN, 1, 30));
		assert_ok!(vote(1, 0, aye(10)));
		assert_ok!(vote(2, 0, nay(5)));
		end_poll(0, false);
		assert_noop!(Voting::remove_other_vote(signed(9), 2, TOKEN, 7), Error::<Test>::NotVoter);
		assert_ok!(Voting::remove_other_vote(signed(9), 2, TOKEN, 0));
		assert_eq!(last_event(), Event::VoteRemoved { who: 2, poll_index: 0, tally: None });
		assert_eq!(Overrides::<Test>::get(0, 1), None);
	});
}

#[test]
fn delegation_is_per_class() {
	ExtBuilder::default().build_and_execute(|| {
		new_poll(0, TOKEN);
		new_poll(1, TOKEN_B);
		assert_ok!(delegate(2, TOKEN, 1, 30));
		// Account 2 may delegate in another class, to another delegate.
		assert_ok!(delegate(2, TOKEN_B, 3, 40));
		assert_ok!(vote(1, 0, aye(10)));
		assert_ok!(vote(1, 1, aye(10)));
		assert_ok!(vote(3, 1, aye(10)));
		assert_eq!(tally(0).ayes, 40);
		// In class 4, 1 carries nothing delegated; 3 carries 2's 40.
		assert_eq!(tally(1), t(Scheme::Token, 60, 0, 0, 60, 2, 60, 100 + 2_500, 0));
		assert_eq!(frozen(2), 40);
		assert_eq!(ClassLocksFor::<Test>::get(2).into_inner(), vec![(TOKEN, 30), (TOKEN_B, 40)]);
	});
}

#[test]
fn each_class_counts_the_accounts_delegating_in_it() {
	ExtBuilder::default().build_and_execute(|| {
		let count = |class: u8| <Voting as DelegationCount<u8>>::delegations(&class);
		assert_eq!(count(TOKEN), 0);
		assert_ok!(delegate(2, TOKEN, 1, 30));
		assert_ok!(delegate(3, TOKEN, 1, 10));
		assert_ok!(delegate(2, TOKEN_B, 3, 40));
		set_reputation(4, 0, 10);
		assert_ok!(delegate(4, REPUTATION, 1, 0));
		assert_eq!((count(TOKEN), count(TOKEN_B), count(REPUTATION)), (2, 1, 1));
		// Refused delegations count nothing.
		assert_noop!(delegate(2, TOKEN, 3, 10), Error::<Test>::AlreadyDelegating);
		assert_noop!(delegate(5, TOKEN, 2, 10), Error::<Test>::DelegationLoop);
		assert_eq!(count(TOKEN), 2);
		// Refreshing a delegation, even to no reputation, keeps it counted.
		set_reputation(4, 0, 0);
		assert_ok!(Voting::refresh_delegation(signed(9), 4, REPUTATION));
		assert_eq!(count(REPUTATION), 1);
		assert_ok!(undelegate(2, TOKEN));
		assert_eq!(count(TOKEN), 1);
		assert_noop!(undelegate(2, TOKEN), Error::<Test>::NotDelegating);
		assert_ok!(undelegate(3, TOKEN));
		assert_ok!(undelegate(4, REPUTATION));
		// A class nobody delegates in has no stored count.
		assert_eq!(count(TOKEN), 0);
		assert_eq!(ClassDelegations::<Test>::get(TOKEN), None);
		assert_eq!(ClassDelegations::<Test>::iter().collect::<Vec<_>>(), vec![(TOKEN_B, 1)]);
	});
}

#[test]
fn a_delegate_that_delegates_keeps_the_weight_it_received() {
	ExtBuilder::default().build_and_execute(|| {
		new_poll(0, TOKEN);
		new_poll(1, TOKEN);
		assert_ok!(delegate(2, TOKEN, 1, 30));
		// 1 may delegate its own weight onwards; 2's weight does not follow it.
		assert_ok!(delegate(1, TOKEN, 3, 10));
		assert_ok!(vote(3, 0, aye(5)));
		assert_eq!(tally(0), t(Scheme::Token, 15, 0, 0, 15, 1, 15, 225, 0));
		// 1 voting overrides its delegation to 3 on poll 0 and carries 2's delegation.
		assert_ok!(vote(1, 0, nay(10)));
		assert_eq!(tally(0), t(Scheme::Token, 5, 40, 0, 5, 2, 45, 25 + 1_600, 0));
		// On poll 1 only 3 votes: with 1's 10, not 2's 30.
		assert_ok!(vote(3, 1, aye(5)));
		assert_eq!(tally(1).ayes, 15);
	});
}

#[test]
fn delegation_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(delegate(1, 9, 2, 10), Error::<Test>::BadClass);
		assert_noop!(delegate(1, TOKEN, 1, 10), Error::<Test>::SelfDelegation);
		assert_noop!(delegate(1, TOKEN, 2, 0), Error::<Test>::ZeroVote);
		assert_noop!(delegate(1, TOKEN, 2, BALANCE + 1), Error::<Test>::InsufficientFunds);
		assert_noop!(delegate(1, REPUTATION, 2, 0), Error::<Test>::NoReputation);
		set_reputation(1, 0, 10);
		assert_noop!(delegate(1, REPUTATION, 2, 10), Error::<Test>::AmountNotApplicable);
		assert_ok!(delegate(1, TOKEN, 2, 10));
		assert_noop!(delegate(1, TOKEN, 3, 10), Error::<Test>::AlreadyDelegating);
		assert_noop!(undelegate(3, TOKEN), Error::<Test>::NotDelegating);
		assert_noop!(undelegate(1, TOKEN_B), Error::<Test>::NotDelegating);
		assert_noop!(
			Voting::refresh_delegation(signed(9), 1, REPUTATION),
			Error::<Test>::NotDelegating
		);
		assert_noop!(Voting::refresh_delegation(signed(9), 1, TOKEN), Error::<Test>::NotDelegable);
	});
}

#[test]
fn delegation_loops_are_refused() {
	ExtBuilder::default().build_and_execute(|| {
		// A → B, then B → A.
		assert_ok!(delegate(1, TOKEN, 2, 10));
		assert_noop!(delegate(2, TOKEN, 1, 10), Error::<Test>::DelegationLoop);
		// A → B, B → C, C → A (in another class).
		assert_ok!(delegate(1, TOKEN_B, 2, 10));
		assert_ok!(delegate(2, TOKEN_B, 3, 10));
		assert_noop!(delegate(3, TOKEN_B, 1, 10), Error::<Test>::DelegationLoop);
		// Delegating to an account that already delegates is refused as well.
		assert_noop!(delegate(4, TOKEN_B, 2, 10), Error::<Test>::DelegationLoop);
	});
}

#[test]
fn undelegating_keeps_the_freeze_until_unlock() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(delegate(2, TOKEN, 1, 30));
		assert_eq!(frozen(2), 30);
		assert_ok!(undelegate(2, TOKEN));
		assert_eq!(frozen(2), 30);
		assert_ok!(unlock(2, TOKEN));
		assert_eq!(frozen(2), 0);
		assert_eq!(ClassLocksFor::<Test>::iter().count(), 0);
		assert_eq!(VotingFor::<Test>::iter().count(), 0);
	});
}

#[test]
fn reputation_delegations_carry_reputation_and_can_be_refreshed() {
	ExtBuilder::default().build_and_execute(|| {
		set_reputation(1, 0, 50);
		set_reputation(2, 0, 100);
		set_reputation(3, 0, 10);
		new_poll(0, REPUTATION);
		new_poll(1, REPUTATION);
		assert_ok!(delegate(2, REPUTATION, 1, 0));
		assert_eq!(
			VotingFor::<Test>::get(2, REPUTATION).unwrap().delegating,
			Some(Delegation { target: 1, amount: 100, scheme: Scheme::Reputation, clock: 0 })
		);
		assert_ok!(vote(1, 0, own(Direction::Aye)));
		assert_ok!(vote(1, 1, own(Direction::Aye)));
		assert_ok!(vote(2, 1, own(Direction::Nay)));
		assert_eq!(tally(0), t(Scheme::Reputation, 150, 0, 0, 150, 1, 150, 22_500, 0));
		// A slash halves and then some: anyone may refresh the delegation.
		set_reputation(2, 0, 40);
		assert_ok!(Voting::refresh_delegation(signed(3), 2, REPUTATION));
		assert_eq!(
			last_event(),
			Event::DelegationRefreshed { who: 2, target: 1, class: REPUTATION, old: 100, new: 40 }
		);
		assert_eq!(tally(0), t(Scheme::Reputation, 90, 0, 0, 90, 1, 90, 8_100, 0));
		// On poll 1, 2 voted directly (its vote keeps the weight it was cast with).
		assert_eq!(tally(1), t(Scheme::Reputation, 50, 100, 0, 150, 2, 150, 2_500 + 10_000, 0));
		assert_eq!(Overrides::<Test>::get(1, 1), Some(40));
		assert_eq!(delegated_reputation(1), 40);
		// A delegate without reputation of its own may vote with what it was delegated.
		assert_ok!(delegate(3, REPUTATION, 4, 0));
		assert_ok!(vote(4, 0, own(Direction::Nay)));
		assert_eq!(tally(0).nays, 10);
	});
}

#[test]
fn refreshing_to_zero_reputation_keeps_an_empty_delegation() {
	ExtBuilder::default().build_and_execute(|| {
		set_reputation(1, 0, 50);
		set_reputation(2, 0, 100);
		new_poll(0, REPUTATION);
		assert_ok!(delegate(2, REPUTATION, 1, 0));
		assert_ok!(vote(2, 0, own(Direction::Nay)));
		set_reputation(2, 0, 0);
		assert_ok!(Voting::refresh_delegation(signed(3), 2, REPUTATION));
		assert_eq!(Overrides::<Test>::get(0, 1), None);
		let record = VotingFor::<Test>::get(1, REPUTATION).unwrap();
		assert_eq!((delegated_reputation(1), record.delegators), (0, 1));
		set_reputation(2, 0, 20);
		assert_ok!(Voting::refresh_delegation(signed(3), 2, REPUTATION));
		assert_eq!(Overrides::<Test>::get(0, 1), Some(20));
	});
}

// -----------------------------------------------------------------------------------------
// Vote removal.
// -----------------------------------------------------------------------------------------

#[test]
fn vote_removal_errors() {
	ExtBuilder::default().build_and_execute(|| {
		new_poll(0, TOKEN);
		new_poll(1, TOKEN);
		assert_ok!(vote(1, 0, aye(10)));
		assert_ok!(vote(1, 1, aye(10)));
		end_poll(1, true);
		assert_noop!(remove(2, None, 0), Error::<Test>::NotVoter);
		assert_noop!(remove(1, Some(TOKEN_B), 0), Error::<Test>::NotVoter);
		assert_noop!(remove(1, None, 1), Error::<Test>::ClassNeeded);
		assert_noop!(remove(1, None, 9), Error::<Test>::ClassNeeded);
		assert_noop!(
			Voting::remove_other_vote(signed(2), 1, TOKEN, 0),
			Error::<Test>::NoPermission
		);
		assert_noop!(Voting::remove_other_vote(signed(2), 3, TOKEN, 1), Error::<Test>::NotVoter);
		// The voter may remove its own vote through `remove_other_vote`.
		assert_ok!(Voting::remove_other_vote(signed(1), 1, TOKEN, 0));
		assert_eq!(
			last_event(),
			Event::VoteRemoved {
				who: 1,
				poll_index: 0,
				tally: Some(cast_now(Tally::empty(Scheme::Token)))
			}
		);
		assert_ok!(Voting::remove_other_vote(signed(2), 1, TOKEN, 1));
	});
}

// -----------------------------------------------------------------------------------------
// Metrics and runtime API.
// -----------------------------------------------------------------------------------------

#[test]
fn metrics_follow_every_change() {
	ExtBuilder::default().build_and_execute(|| {
		new_poll(0, TOKEN);
		assert_ok!(vote(1, 0, aye(10)));
		assert_ok!(vote(2, 0, aye(20)));
		assert_ok!(vote(3, 0, nay(30)));
		assert_ok!(delegate(4, TOKEN, 1, 40));
		assert_ok!(vote(5, 0, split(1, 2, 3)));
		// Ballots: 50 (10 + 40), 20, 30 and 6.
		let tally = tally(0);
		assert_eq!(tally.voters, 4);
		assert_eq!(tally.total_weight, 106);
		assert_eq!(tally.sum_of_squares, U256::from(2_500u32 + 400 + 900 + 36));
		assert_ok!(remove(2, None, 0));
		assert_eq!(crate::mock::tally(0).voters, 3);
		assert_eq!(crate::mock::tally(0).sum_of_squares, U256::from(2_500u32 + 900 + 36));
		let metrics = Voting::poll_metrics(0).unwrap();
		assert_eq!(
			metrics,
			PollMetrics {
				scheme: Scheme::Token,
				ayes: 51,
				nays: 32,
				abstains: 3,
				support: 54,
				voters: 3,
				total_weight: 86,
				sum_of_squares: U256::from(3_436u32),
				recused: 0,
				electorate: 1_000,
				approval: Perbill::from_rational(51u32, 83u32),
				support_ratio: Perbill::from_rational(54u32, 1_000u32),
			}
		);
		end_poll(0, true);
		assert_eq!(Voting::poll_metrics(0), None);
	});
}

#[test]
fn empty_tallies_and_empty_electorates_read_zero() {
	ExtBuilder::default().build_and_execute(|| {
		new_poll(0, TOKEN);
		new_poll(1, QUADRATIC);
		new_poll(2, COUNCIL);
		new_poll(3, REPUTATION);
		assert_eq!(approval(0), Perbill::zero());
		assert_eq!(support(0), Perbill::zero());
		// Nobody is a person, sits on the council or has reputation.
		for poll in 1..=3 {
			assert_eq!(support(poll), Perbill::zero());
		}
		assert_eq!(tally(1).scheme, Scheme::Quadratic);
		assert_eq!(tally(2).scheme, Scheme::Council);
		assert_eq!(tally(3).scheme, Scheme::Reputation);
	});
}

// -----------------------------------------------------------------------------------------
// Invariants and cleanup.
// -----------------------------------------------------------------------------------------

#[test]
fn try_state_detects_inconsistent_state() {
	ExtBuilder::default().build().execute_with(|| {
		new_poll(0, TOKEN);
		assert_ok!(delegate(2, TOKEN, 1, 30));
		assert_ok!(vote(1, 0, aye(10)));
		assert_ok!(Voting::do_try_state());
		// A tally that differs from its votes.
		PollStates::mutate(|polls| {
			if let Some(TestPollState::Ongoing(tally, _)) = polls.get_mut(&0) {
				tally.ayes += 1;
			}
		});
		assert!(Voting::do_try_state().is_err());
		PollStates::mutate(|polls| {
			if let Some(TestPollState::Ongoing(tally, _)) = polls.get_mut(&0) {
				tally.ayes -= 1;
			}
		});
		assert_ok!(Voting::do_try_state());
		// An override no delegator accounts for.
		Overrides::<Test>::insert(0, 3, 5);
		assert!(Voting::do_try_state().is_err());
		Overrides::<Test>::remove(0, 3);
		// A delegation total that is not the sum of the delegations.
		VotingFor::<Test>::mutate(1, TOKEN, |voting| voting.as_mut().unwrap().delegations = 31);
		assert!(Voting::do_try_state().is_err());
		VotingFor::<Test>::mutate(1, TOKEN, |voting| voting.as_mut().unwrap().delegations = 30);
		// A vote not covered by the lock.
		ClassLocksFor::<Test>::remove(1);
		assert!(Voting::do_try_state().is_err());
	});
}

/// End every poll, remove every vote and delegation, move to the next epoch and unlock every
/// account in every class; then nothing of this pallet is left in storage.
fn clean_up_everything() {
	let polls: Vec<u32> = PollStates::get().keys().copied().collect();
	for poll in polls.iter() {
		if is_ongoing(*poll) {
			end_poll(*poll, true);
		}
	}
	for who in 1..=10u64 {
		for class in CLASSES {
			let _ = undelegate(who, class);
			for poll in polls.iter() {
				let _ = Voting::remove_other_vote(signed(10), who, class, *poll);
			}
		}
	}
	run_to(System::block_number() + EPOCH);
	for who in 1..=10u64 {
		for class in CLASSES {
			assert_ok!(unlock(who, class));
		}
	}
	assert_eq!(VotingFor::<Test>::iter().count(), 0);
	assert_eq!(Overrides::<Test>::iter().count(), 0);
	assert_eq!(ClassLocksFor::<Test>::iter().count(), 0);
	assert_eq!(VoiceCreditsSpent::<Test>::iter().count(), 0);
	for who in 1..=10u64 {
		assert_eq!(frozen(who), 0);
		assert!(pallet_balances::Freezes::<Test>::get(who).is_empty());
	}
}

#[test]
fn no_storage_is_left_once_polls_end_and_votes_are_removed() {
	ExtBuilder::default().persons(vec![1, 2, 3]).members(vec![1, 2, 3]).build_and_execute(|| {
		set_reputation(1, 0, 100);
		set_reputation(2, 1, 100);
		for (poll, class) in CLASSES.iter().enumerate() {
			new_poll(poll as u32, *class);
		}
		assert_ok!(delegate(2, TOKEN, 1, 30));
		assert_ok!(delegate(2, REPUTATION, 1, 0));
		assert_ok!(vote(1, 0, aye(10)));
		assert_ok!(vote(2, 0, split(1, 2, 3)));
		assert_ok!(vote(1, 1, aye(5)));
		assert_ok!(vote(2, 1, nay(3)));
		assert_ok!(vote(1, 2, own(Direction::Aye)));
		assert_ok!(vote(2, 2, own(Direction::Nay)));
		assert_ok!(vote(1, 3, own(Direction::Aye)));
		assert_ok!(Voting::recuse(&2, 3));
		assert_ok!(vote(3, 4, nay(60)));
		check_invariants();
		clean_up_everything();
	});
}

// -----------------------------------------------------------------------------------------
// Property tests (deterministic pseudo-random operations).
// -----------------------------------------------------------------------------------------

/// xorshift64*.
struct Rng(u64);

impl Rng {
	fn new(seed: u64) -> Self {
		Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
	}

	fn next_u64(&mut self) -> u64 {
		self.0 ^= self.0 >> 12;
		self.0 ^= self.0 << 25;
		self.0 ^= self.0 >> 27;
		self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
	}

	fn below(&mut self, n: u64) -> u64 {
		self.next_u64() % n
	}

	fn pick<T: Copy>(&mut self, items: &[T]) -> T {
		items[self.below(items.len() as u64) as usize]
	}

	fn direction(&mut self) -> Direction {
		self.pick(&[Direction::Aye, Direction::Nay, Direction::Abstain])
	}
}

/// A random vote for a poll of `class` (occasionally of the wrong shape).
fn random_vote(rng: &mut Rng, class: u8) -> AccountVote<u64> {
	if rng.below(20) == 0 {
		return match rng.below(3) {
			0 => aye(rng.below(4)),
			1 => split(rng.below(3), rng.below(3), rng.below(3)),
			_ => own(rng.direction()),
		};
	}
	match MockSchemes::scheme(&class) {
		Scheme::Token => {
			if rng.below(4) == 0 {
				split(rng.below(30), rng.below(30), rng.below(30))
			} else {
				standard(rng.direction(), 1 + rng.below(80))
			}
		},
		Scheme::Quadratic => standard(rng.direction(), 1 + rng.below(8)),
		Scheme::Reputation | Scheme::Council => own(rng.direction()),
	}
}

/// The invariants after every random operation: `do_try_state` (tallies equal their recount,
/// delegations counted once, overrides consistent, locks cover the votes), voice credits within
/// the budget, and frozen balance never more than the account holds.
fn check_properties() {
	check_invariants();
	for (_, CreditsSpent { spent, .. }) in VoiceCreditsSpent::<Test>::iter() {
		assert!(spent <= CREDITS);
	}
	for who in 1..=8u64 {
		assert!(frozen(who) <= <Balances as Inspect<u64>>::total_balance(&who));
	}
}

/// One random operation.
fn random_operation(rng: &mut Rng, next_poll: &mut u32) {
	let who = 1 + rng.below(8);
	let other = 1 + rng.below(8);
	let polls: Vec<u32> = PollStates::get().keys().copied().collect();
	let poll = rng.pick(&polls);
	let class_of_poll = match PollStates::get().get(&poll) {
		Some(TestPollState::Ongoing(_, class)) => *class,
		_ => rng.pick(&CLASSES),
	};
	let delegable = [TOKEN, REPUTATION, TOKEN_B];
	match rng.below(18) {
		0..=4 => {
			let v = random_vote(rng, class_of_poll);
			let _ = vote(who, poll, v);
		},
		5 => {
			let class = if rng.below(2) == 0 { None } else { Some(class_of_poll) };
			let _ = remove(who, class, poll);
		},
		6 => {
			let _ = Voting::remove_other_vote(signed(other), who, class_of_poll, poll);
		},
		7 | 8 => {
			let class = rng.pick(&delegable);
			let amount = if class == REPUTATION { 0 } else { 1 + rng.below(90) };
			let _ = delegate(who, class, other, amount);
		},
		9 => {
			let _ = undelegate(who, rng.pick(&delegable));
		},
		10 => {
			let _ = Voting::refresh_delegation(signed(other), who, REPUTATION);
		},
		11 => {
			if is_ongoing(poll) {
				end_poll(poll, rng.below(2) == 0);
			}
		},
		12 => {
			if *next_poll < 40 {
				new_poll(*next_poll, rng.pick(&CLASSES));
				*next_poll += 1;
			}
		},
		13 => {
			// Try to move balance away (the freeze must hold).
			let _ = Balances::transfer_allow_death(signed(who), other, 1 + rng.below(100));
		},
		14 => {
			let _ = unlock(who, rng.pick(&CLASSES));
		},
		15 => {
			run_to(System::block_number() + rng.below(60));
			// Time passes for reputation too: a whole half-life now and then, or a fraction of
			// one (the decay clock moves, scores are left as they are).
			match rng.below(4) {
				0 => advance_decay_clock(1),
				1 => MockReputation::advance_clock(u128::from(rng.below(1 << 31))),
				_ => {},
			}
		},
		16 => set_reputation(who, rng.below(2) as u16, rng.below(200) as u128),
		_ => {
			let _ = Voting::recuse(&who, poll);
		},
	}
}

/// A random genesis: six polls, persons, members and reputation.
fn random_setup(rng: &mut Rng) {
	for (poll, class) in [TOKEN, QUADRATIC, REPUTATION, COUNCIL, TOKEN_B, TOKEN].iter().enumerate()
	{
		new_poll(poll as u32, *class);
	}
	for who in 1..=8u64 {
		for domain in 0..2u16 {
			if rng.below(3) != 0 {
				set_reputation(who, domain, rng.below(500) as u128);
			}
		}
	}
}

#[test]
fn random_operations_keep_every_invariant_and_leave_no_storage() {
	for seed in 0..200u64 {
		ExtBuilder::default()
			.persons(vec![1, 2, 3, 4, 5, 6])
			.members(vec![1, 2, 3, 4])
			.build_and_execute(|| {
				let mut rng = Rng::new(seed);
				random_setup(&mut rng);
				let mut next_poll = 6u32;
				for _ in 0..60 {
					random_operation(&mut rng, &mut next_poll);
					check_properties();
				}
				clean_up_everything();
			});
	}
}

#[test]
fn override_then_un_override_restores_the_tally_byte_for_byte() {
	let mut checked = 0;
	for seed in 0..200u64 {
		ExtBuilder::default().build_and_execute(|| {
			let mut rng = Rng::new(seed);
			let class = if rng.below(2) == 0 { TOKEN } else { REPUTATION };
			new_poll(0, class);
			for who in 1..=8u64 {
				set_reputation(who, 0, 1 + rng.below(300) as u128);
			}
			// Accounts 3 to 8 may delegate to 1 or 2, and 1, 2 and some others vote.
			for who in 3..=8u64 {
				if rng.below(3) != 0 {
					let to = 1 + rng.below(2);
					let amount = if class == TOKEN { 1 + rng.below(90) } else { 0 };
					assert_ok!(delegate(who, class, to, amount));
				}
			}
			for who in 1..=8u64 {
				if who <= 2 || rng.below(4) == 0 {
					assert_ok!(vote(who, 0, random_vote_of(&mut rng, class)));
				}
			}
			let delegators: Vec<u64> = (3..=8u64)
				.filter(|who| {
					VotingFor::<Test>::get(who, class)
						.is_some_and(|v| v.delegating.is_some() && v.record(0).is_none())
				})
				.collect();
			if delegators.is_empty() {
				return;
			}
			let who = rng.pick(&delegators);
			let before = tally(0).encode();
			assert_ok!(vote(who, 0, random_vote_of(&mut rng, class)));
			check_invariants();
			assert_ok!(remove(who, None, 0));
			assert_eq!(tally(0).encode(), before);
			checked += 1;
		});
	}
	assert!(checked > 100, "only {checked} seeds had a delegator to override");
}

/// A random vote of the right shape for `class`.
fn random_vote_of(rng: &mut Rng, class: u8) -> AccountVote<u64> {
	match MockSchemes::scheme(&class) {
		Scheme::Token => standard(rng.direction(), 1 + rng.below(50)),
		_ => own(rng.direction()),
	}
}

#[test]
fn delegation_is_counted_exactly_once() {
	for seed in 0..100u64 {
		ExtBuilder::default().build_and_execute(|| {
			let mut rng = Rng::new(seed);
			new_poll(0, TOKEN);
			let mut delegated = 0;
			for who in 2..=8u64 {
				if rng.below(2) == 0 {
					let amount = 1 + rng.below(90);
					assert_ok!(delegate(who, TOKEN, 1, amount));
					delegated += amount;
				}
			}
			assert_ok!(vote(1, 0, aye(10)));
			assert_eq!(tally(0).ayes, 10 + delegated);
			assert_eq!(tally(0).voters, 1);
			// Every delegator voting directly takes exactly its own weight out.
			for who in 2..=8u64 {
				if let Some(d) = VotingFor::<Test>::get(who, TOKEN).and_then(|v| v.delegating) {
					assert_ok!(vote(who, 0, nay(1)));
					delegated -= d.amount;
					assert_eq!(tally(0).ayes, 10 + delegated);
				}
			}
			assert_eq!(tally(0).ayes, 10);
		});
	}
}

#[test]
fn a_former_members_council_ballots_are_removed_from_ongoing_polls() {
	ExtBuilder::default().members(vec![1, 2, 3]).build_and_execute(|| {
		new_poll(0, COUNCIL);
		new_poll(1, COUNCIL);
		new_poll(2, COUNCIL);
		new_poll(3, TOKEN);
		assert_ok!(vote(1, 0, own(Direction::Aye)));
		assert_ok!(vote(2, 0, own(Direction::Aye)));
		assert_ok!(vote(1, 1, own(Direction::Nay)));
		assert_ok!(vote(1, 2, own(Direction::Aye)));
		assert_ok!(vote(1, 3, standard(Direction::Aye, 10)));
		end_poll(2, true);
		// Member 1 leaves the council.
		set_members(vec![2, 3]);
		assert_eq!(<Voting as CouncilBallots<u64>>::max_ballots(), 5);
		assert_eq!(Voting::remove_council_ballots(&1, 5), 2);
		// Gone from the ongoing council polls, with their weight.
		assert_eq!(tally(0), t(Scheme::Council, 1, 0, 0, 1, 1, 1, 1, 0));
		assert_eq!(tally(1).nays, 0);
		let council = VotingFor::<Test>::get(1, COUNCIL).unwrap();
		// The completed poll's ballot stays until it is cleaned up as usual.
		assert_eq!(council.votes.iter().map(|(poll, _)| *poll).collect::<Vec<_>>(), vec![2]);
		// Its token ballot is not a council ballot.
		assert!(VotingFor::<Test>::get(1, TOKEN).unwrap().record(3).is_some());
		assert_eq!(Voting::remove_council_ballots(&1, 5), 0);
	});
}

#[test]
fn council_ballot_removal_keeps_recusals_and_stops_at_max_votes() {
	ExtBuilder::default().members(vec![1, 2]).build_and_execute(|| {
		new_poll(0, COUNCIL);
		assert_ok!(Voting::recuse(&1, 0));
		for poll in 1..5 {
			new_poll(poll, COUNCIL);
			assert_ok!(vote(1, poll, own(Direction::Aye)));
		}
		set_members(vec![2]);
		// At most `max` ballots go at once.
		assert_eq!(Voting::remove_council_ballots(&1, 3), 3);
		assert_eq!(Voting::remove_council_ballots(&1, 0), 0);
		// Four ballots and a recusal: the ballots go, the recusal stays.
		assert_eq!(Voting::remove_council_ballots(&1, 5), 1);
		assert_eq!(tally(0).recused, 1);
		assert!(Voting::is_recused(&1, 0));
		for poll in 1..5 {
			assert_eq!(tally(poll).ayes, 0);
		}
	});
}

#[test]
fn a_reputation_delegation_decays_and_never_counts_more_than_the_delegators_reputation() {
	ExtBuilder::default().build_and_execute(|| {
		set_reputation(1, 0, 16);
		set_reputation(2, 0, 1024);
		assert_ok!(delegate(2, REPUTATION, 1, 0));
		assert_eq!(delegated_reputation(1), 1024);

		// Three half-lives pass before a poll: 2 is worth 128 now, and so is its delegation.
		advance_decay_clock(3);
		assert_eq!(delegated_reputation(1), 128);
		new_poll(0, REPUTATION);
		assert_eq!(tally(0).clock, 3 << 32);
		assert_ok!(vote(1, 0, own(Direction::Aye)));
		// 1's own 2 and the 128 delegated to it, not the 1,024 delegated three half-lives ago.
		assert_eq!(tally(0), t_at(3, 130, 0, 0, 130, 1, 130, 130 * 130));
		let current = |who| {
			<MockReputation as ostrom_primitives::ReputationProvider<u64, crate::DomainId>>::weighted_score(
				&who,
				&MockSchemes::reputation_weights(&REPUTATION),
			)
		};
		assert_eq!(current(1) + current(2), 130);

		// A half-life passes while the poll is ongoing: the tally reads what the ballots are
		// worth now when the poll is decided (65 = 1 + 64), against the decayed electorate.
		advance_decay_clock(1);
		assert_eq!(current(1) + current(2), 65);
		let metrics = Voting::poll_metrics(0).unwrap();
		assert_eq!((metrics.ayes, metrics.support, metrics.total_weight), (65, 65, 65));
		assert_eq!(metrics.sum_of_squares, U256::from(65 * 65));
		assert_eq!(<TallyOf<Test> as VoteTally<u64, u8>>::ayes(&tally(0), REPUTATION), 65);
		assert_eq!(metrics.electorate, 65);
		assert_eq!(tally(0).support_ratio(&REPUTATION), Perbill::one());
		// The stored frame values are unchanged: no write is needed for the decay.
		assert_eq!(tally(0).ayes, 130);
	});
}

#[test]
fn decayed_delegations_leave_and_override_exactly_what_they_count() {
	ExtBuilder::default().build_and_execute(|| {
		set_reputation(1, 0, 8);
		set_reputation(2, 0, 400);
		set_reputation(3, 0, 200);
		assert_ok!(delegate(2, REPUTATION, 1, 0));
		advance_decay_clock(1);
		// 3 delegates later, with its current reputation (100): 200 + 100 delegated now.
		assert_ok!(delegate(3, REPUTATION, 1, 0));
		assert_eq!(delegated_reputation(1), 300);
		new_poll(0, REPUTATION);
		assert_ok!(vote(1, 0, own(Direction::Aye)));
		assert_eq!(tally(0).ayes, 4 + 300);

		// 2 votes directly: exactly its decayed 200 moves out of 1's ballot, in the poll's frame.
		assert_ok!(vote(2, 0, own(Direction::Nay)));
		assert_eq!(Overrides::<Test>::get(0, 1), Some(200));
		assert_eq!((tally(0).ayes, tally(0).nays), (104, 200));
		assert_eq!(
			last_event(),
			Event::Voted {
				who: 2,
				poll_index: 0,
				vote: own(Direction::Nay),
				weight: 200,
				tally: stored_tally(0)
			}
		);

		// Another half-life: 3 leaves, taking what its delegation is worth now (50), which is
		// what it counts in the poll's frame (100); the event reports the value now.
		advance_decay_clock(1);
		assert_ok!(undelegate(3, REPUTATION));
		assert_eq!(
			last_event(),
			Event::Undelegated { who: 3, target: 1, class: REPUTATION, amount: 50 }
		);
		assert_eq!(tally(0).ayes, 4);
		assert_eq!(Voting::poll_metrics(0).unwrap().ayes, 2);
		assert_eq!(delegated_reputation(1), 100);

		// 2 leaves too: nothing is left delegated to 1, not even rounding.
		assert_ok!(undelegate(2, REPUTATION));
		let record = VotingFor::<Test>::get(1, REPUTATION).unwrap();
		assert_eq!((record.delegated_reputation.units, record.delegators), (0, 0));
		assert_eq!(Overrides::<Test>::get(0, 1), None);
		assert_eq!((tally(0).ayes, tally(0).nays), (4, 200));
	});
}

#[test]
fn refreshing_a_decayed_delegation_reads_the_delegators_reputation_again() {
	ExtBuilder::default().build_and_execute(|| {
		set_reputation(1, 0, 10);
		set_reputation(2, 0, 1000);
		assert_ok!(delegate(2, REPUTATION, 1, 0));
		advance_decay_clock(2);
		// New attestations since: 2 is worth 250 + 750 = 1,000 again, but the delegation only
		// counts what it read, decayed (250), until it is refreshed.
		set_reputation(2, 0, 1000);
		new_poll(0, REPUTATION);
		assert_ok!(vote(1, 0, own(Direction::Aye)));
		assert_eq!(tally(0).ayes, 2 + 250);
		assert_ok!(Voting::refresh_delegation(signed(5), 2, REPUTATION));
		assert_eq!(
			last_event(),
			Event::DelegationRefreshed {
				who: 2,
				target: 1,
				class: REPUTATION,
				old: 250,
				new: 1000
			}
		);
		assert_eq!(
			VotingFor::<Test>::get(2, REPUTATION).unwrap().delegating,
			Some(Delegation {
				target: 1,
				amount: 1000,
				scheme: Scheme::Reputation,
				clock: 2 << 32
			})
		);
		assert_eq!(tally(0).ayes, 2 + 1000);
	});
}
