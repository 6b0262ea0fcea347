//! Caps that hold for every route (issue 13 §4, the constitution's part). Each test performs an
//! attack through the real `pallet-referenda`, `pallet-voting`, `pallet-scheduler` and
//! `pallet-preimage`, and shows it refused with a named error (or outcome) and no state change:
//!
//! - Root belongs to the runtime-upgrade class alone, and its override enacts only upgrades;
//! - the amendment class cannot lower its approval below the entrenched floor;
//! - conflict challenges need an ongoing council poll, a real majority, and slash once;
//! - a decision proposed by hash pins its preimage until it closes;
//! - a member who leaves the council leaves the ongoing council polls too.

use super::governance::*;
use crate::{Preimage, RuntimeEvent};
use frame_support::traits::{QueryPreimage, StorePreimage};
use pallet_constitution::{Classes, ConstitutionText, DispatchAs, Error, ThresholdCurve};
use pallet_reputation::ReputationProvider;
use sp_core::H256;
use sp_runtime::traits::Hash;

const DEV: &str = sp_genesis_builder::DEV_RUNTIME_PRESET;

use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve};

fn nay(k: Sr25519Keyring, poll: u32) {
	assert_ok!(Voting::vote(signed(k), poll, AccountVote::Own(Direction::Nay)));
}

/// Alice proposes `call` as a decision of `class`, by hash if it is longer than 128 bytes (its
/// preimage noted); returns the decision and its polls.
fn propose_any(class: u8, call: RuntimeCall) -> (u32, DecisionPolls<u32>) {
	let bounded = <Preimage as StorePreimage>::bound(call).unwrap();
	let decision = pallet_constitution::NextDecisionId::<Runtime>::get();
	assert_ok!(Constitution::propose(signed(Alice), class, bounded));
	(decision, pallet_constitution::Decisions::<Runtime>::get(decision).unwrap().polls)
}

/// Both houses approve: Alice and Bob in the council, Alice's tokens in the community.
fn both_houses_approve(polls: DecisionPolls<u32>) {
	aye(Alice, polls.council.unwrap());
	aye(Bob, polls.council.unwrap());
	token_aye(Alice, polls.community.unwrap(), 900_000 * UNIT);
}

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

fn remark_long() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: vec![7; 300] })
}

fn remark(n: u8) -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: vec![n] })
}

fn constitution_events() -> Vec<pallet_constitution::Event<Runtime>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Constitution(event) => Some(event),
			_ => None,
		})
		.collect()
}

// -------------------------------------------------------------------------------------------
// Root and the amendment floor.
// -------------------------------------------------------------------------------------------

#[test]
fn an_amendment_can_neither_give_root_away_nor_lower_the_amendment_threshold() {
	preset_ext(DEV).execute_with(|| {
		// Give Root to the medium-spend class (voted by token holders alone).
		let mut medium = Classes::<Runtime>::get(classes::MEDIUM_SPEND).unwrap();
		medium.dispatch = DispatchAs::Root;
		let give_root = RuntimeCall::Constitution(pallet_constitution::Call::amend_class {
			class: classes::MEDIUM_SPEND,
			info: medium,
		});
		// Take the amendment class's own 2/3 down to a simple majority.
		let mut amendment = Classes::<Runtime>::get(classes::AMENDMENT).unwrap();
		amendment.community.as_mut().unwrap().track.min_approval =
			ThresholdCurve::linear(Perbill::one(), Perbill::from_percent(50));
		let lower = RuntimeCall::Constitution(pallet_constitution::Call::amend_class {
			class: classes::AMENDMENT,
			info: amendment,
		});
		let before = Constitution::class_list();

		let (root_decision, root_polls) = propose_any(classes::AMENDMENT, give_root);
		let (floor_decision, floor_polls) = propose_any(classes::AMENDMENT, lower);
		both_houses_approve(root_polls);
		both_houses_approve(floor_polls);
		run_to(40);

		// Both houses approved, and the calls were dispatched as the amendment class...
		assert!(matches!(closed_with(root_decision), Some(Outcome::Enacted { .. })));
		assert!(matches!(closed_with(floor_decision), Some(Outcome::Enacted { .. })));
		// ...but the constitution refused them.
		let results = dispatched();
		assert!(results.contains(&Err(Error::<Runtime>::RootReserved.into())));
		assert!(results.contains(&Err(Error::<Runtime>::AmendmentBelowFloor.into())));
		assert_eq!(Constitution::class_list(), before);
		assert_eq!(
			pallet_constitution::UpgradeClass::<Runtime>::get(),
			Some(classes::RUNTIME_UPGRADE)
		);
	});
}

#[test]
fn the_community_override_alone_cannot_do_what_root_can() {
	preset_ext(DEV).execute_with(|| {
		let text = ConstitutionText::<Runtime>::get();
		// The attack: act as the amendment class through `utility.dispatch_as`.
		let as_amendment = RuntimeCall::Utility(pallet_utility::Call::dispatch_as {
			as_origin: Box::new(crate::OriginCaller::Constitution(ConstitutionOrigin::Class(
				classes::AMENDMENT,
			))),
			call: Box::new(RuntimeCall::Constitution(
				pallet_constitution::Call::set_constitution_text { hash: H256::repeat_byte(9) },
			)),
		});
		let code_hash = H256::repeat_byte(7);
		let upgrade = RuntimeCall::System(frame_system::Call::authorize_upgrade { code_hash });
		let (attack, attack_polls) = propose_any(classes::RUNTIME_UPGRADE, as_amendment);
		let (authorize, authorize_polls) = propose_any(classes::RUNTIME_UPGRADE, upgrade);
		// The council rejects both, the community approves both.
		for polls in [attack_polls, authorize_polls] {
			for member in [Alice, Bob, Charlie] {
				nay(member, polls.council.unwrap());
			}
			token_aye(Alice, polls.community.unwrap(), 900_000 * UNIT);
		}
		run_to(110);
		assert!(!is_approved(attack_polls.council.unwrap()));
		// Mediation, then the community's override polls.
		for decision in [attack, authorize] {
			assert_ok!(Constitution::advance(signed(Bob), decision));
		}
		run_to(121);
		for decision in [attack, authorize] {
			assert_ok!(Constitution::advance(signed(Bob), decision));
			let extra = pallet_constitution::Decisions::<Runtime>::get(decision)
				.unwrap()
				.polls
				.extra
				.unwrap();
			token_aye(Alice, extra, 900_000 * UNIT);
		}
		run_to(160);

		// The community carried both against the council: only the upgrade is enacted.
		assert_eq!(closed_with(attack), Some(Outcome::Refused));
		assert!(matches!(closed_with(authorize), Some(Outcome::Enacted { .. })));
		assert_eq!(ConstitutionText::<Runtime>::get(), text);
		assert!(System::events().iter().any(|record| matches!(
			record.event,
			RuntimeEvent::System(frame_system::Event::UpgradeAuthorized { code_hash: hash, .. })
				if hash == code_hash
		)));
		// The refused decision's deposit was returned, its record removed.
		assert!(pallet_constitution::Decisions::<Runtime>::get(attack).is_none());
	});
}

// -------------------------------------------------------------------------------------------
// Conflict challenges.
// -------------------------------------------------------------------------------------------

#[test]
fn a_challenge_about_no_poll_a_finished_poll_or_a_community_poll_is_refused() {
	preset_ext(DEV).execute_with(|| {
		let evidence = H256::repeat_byte(1);
		let challenge = |poll: u32, member: Sr25519Keyring| {
			Constitution::challenge_conflict(signed(Eve), poll, account(member), evidence)
		};
		// The attack: a challenge about a poll that does not exist, one per unused index.
		let next = pallet_referenda::ReferendumCount::<Runtime>::get();
		for poll in [next, next + 5, u32::MAX] {
			assert_noop!(challenge(poll, Bob), Error::<Runtime>::UnknownPoll);
		}
		// A community poll.
		let (_, spend_polls) = propose(classes::MEDIUM_SPEND, spend(10 * UNIT));
		assert_noop!(
			challenge(spend_polls.community.unwrap(), Bob),
			Error::<Runtime>::NotCouncilPoll
		);
		// A finished council poll.
		let (_, finished) = propose(classes::EMERGENCY_RATIFICATION, remark(1));
		let finished = finished.council.unwrap();
		for member in [Alice, Bob, Charlie] {
			aye(member, finished);
		}
		run_to(15);
		assert!(is_approved(finished));
		assert_noop!(challenge(finished, Bob), Error::<Runtime>::PollNotOngoing);
		// A council poll the member cannot vote on.
		let (_, ongoing) = propose(classes::EMERGENCY_RATIFICATION, remark(2));
		let ongoing = ongoing.council.unwrap();
		assert_noop!(challenge(ongoing, Dave), Error::<Runtime>::NotMember);
		assert_ok!(Constitution::declare_conflict(signed(Charlie), ongoing));
		assert_noop!(challenge(ongoing, Charlie), Error::<Runtime>::AlreadyRecused);
	});
}

#[test]
fn one_aye_does_not_uphold_a_challenge_and_an_upheld_one_slashes_once() {
	preset_ext(DEV).execute_with(|| {
		let charlie = account(Charlie);
		assert_ok!(Reputation::attest(
			signed(Alice),
			charlie.clone(),
			0,
			1_000,
			Default::default()
		));
		let score = || <Reputation as ReputationProvider<_, _>>::score(&charlie, 0);
		assert_eq!(score(), 1_000);
		let (_, polls) = propose(classes::EMERGENCY_RATIFICATION, remark(1));
		let poll = polls.council.unwrap();
		aye(Charlie, poll);

		let challenge = pallet_constitution::NextChallengeId::<Runtime>::get();
		assert_ok!(Constitution::challenge_conflict(
			signed(Eve),
			poll,
			charlie.clone(),
			H256::repeat_byte(1)
		));
		let challenge_poll =
			pallet_constitution::Challenges::<Runtime>::get(challenge).unwrap().challenge_poll;
		// Charlie is recused from the challenge poll: Alice's aye is half of the two seats
		// left, below the challenge class's 2/3 support floor.
		aye(Alice, challenge_poll);
		run_to(60);
		assert!(!is_approved(challenge_poll));
		assert_eq!(score(), 1_000);
		// A real majority upholds it: Charlie is recused from the poll and slashed once.
		aye(Bob, challenge_poll);
		run_to(75);
		assert!(is_approved(challenge_poll));
		assert!(constitution_events().contains(&pallet_constitution::Event::ChallengeUpheld {
			challenge,
			member: charlie.clone(),
			poll,
			recused: true,
			slashed: 200,
		}));
		assert_eq!(score(), 800);
		let Some(ReferendumInfo::Ongoing(status)) =
			pallet_referenda::ReferendumInfoFor::<Runtime>::get(poll)
		else {
			panic!("the challenged poll is ongoing")
		};
		assert_eq!(status.tally.ayes, 0);
		// No second slash for the same member and poll.
		assert_noop!(
			Constitution::challenge_conflict(signed(Dave), poll, charlie, H256::repeat_byte(2)),
			Error::<Runtime>::AlreadyRecused
		);
	});
}

// -------------------------------------------------------------------------------------------
// Preimages.
// -------------------------------------------------------------------------------------------

#[test]
fn the_preimage_of_a_decision_by_hash_stays_until_it_is_enacted() {
	preset_ext(DEV).execute_with(|| {
		// A spend, padded past the 128 bytes a call can be carried inline.
		let call = RuntimeCall::Utility(pallet_utility::Call::batch_all {
			calls: vec![spend(10 * UNIT), remark_long()],
		});
		let encoded = codec::Encode::encode(&call);
		let hash = <Runtime as frame_system::Config>::Hashing::hash(&encoded);
		let bounded = Bounded::Lookup { hash, len: encoded.len() as u32 };
		// Bob notes the preimage (with a deposit); Alice proposes the call by hash.
		assert_ok!(Preimage::note_preimage(signed(Bob), encoded));
		let decision = pallet_constitution::NextDecisionId::<Runtime>::get();
		assert_ok!(Constitution::propose(signed(Alice), classes::MEDIUM_SPEND, bounded.clone()));
		assert!(<Preimage as QueryPreimage>::is_requested(&hash));
		// The attack: Bob unnotes it while the decision is open. He gets his deposit back,
		// but the preimage stays.
		assert_ok!(Preimage::unnote_preimage(signed(Bob), hash));
		assert!(<Preimage as QueryPreimage>::have(&bounded));
		assert_noop!(
			Preimage::unnote_preimage(signed(Bob), hash),
			pallet_preimage::Error::<Runtime>::NotAuthorized
		);
		let community =
			pallet_constitution::Decisions::<Runtime>::get(decision).unwrap().polls.community;
		token_aye(Alice, community.unwrap(), 900_000 * UNIT);
		run_to(40);
		// Enacted from the preimage; then nobody holds it any more.
		assert!(matches!(closed_with(decision), Some(Outcome::Enacted { .. })));
		assert_eq!(pallet_treasury::SpendCount::<Runtime>::get(), 1);
		assert!(!<Preimage as QueryPreimage>::is_requested(&hash));
		assert!(!<Preimage as QueryPreimage>::have(&bounded));
	});
}

// -------------------------------------------------------------------------------------------
// Seats.
// -------------------------------------------------------------------------------------------

fn tally_ayes(poll: u32) -> u128 {
	match pallet_referenda::ReferendumInfoFor::<Runtime>::get(poll) {
		Some(ReferendumInfo::Ongoing(status)) => status.tally.ayes,
		_ => panic!("poll {poll} is ongoing"),
	}
}

#[test]
fn an_unseated_members_ballots_leave_the_ongoing_council_polls() {
	preset_ext(DEV).execute_with(|| {
		let (_, polls) = propose(classes::EMERGENCY_RATIFICATION, remark(1));
		let poll = polls.council.unwrap();
		// Two ayes to one nay: 2/3 approval, which the curve (100 % down to 60 %) accepts
		// before the end of the decision period.
		aye(Alice, poll);
		aye(Charlie, poll);
		nay(Bob, poll);
		assert_eq!(tally_ayes(poll), 2);
		// The seating class removes Charlie (as its approved decision would).
		let seating = RuntimeOrigin::from(ConstitutionOrigin::Class(classes::COUNCIL_SEATING));
		assert_ok!(Constitution::unseat(seating, account(Charlie)));
		assert_eq!(tally_ayes(poll), 1);
		let track = track_id(classes::EMERGENCY_RATIFICATION, kinds::COUNCIL);
		assert!(pallet_voting::VotingFor::<Runtime>::get(account(Charlie), track).is_none());
		assert!(constitution_events().contains(
			&pallet_constitution::Event::CouncilBallotsRemoved { who: account(Charlie), count: 1 }
		));
		// Without Charlie's aye, one aye to one nay never reaches the 60 % floor.
		run_to(110);
		assert!(matches!(
			pallet_referenda::ReferendumInfoFor::<Runtime>::get(poll),
			Some(ReferendumInfo::Rejected(..))
		));
	});
}

#[test]
fn a_lapsed_members_ballots_leave_the_ongoing_council_polls_when_purged() {
	preset_ext(DEV).execute_with(|| {
		let (_, polls) = propose(classes::EMERGENCY_RATIFICATION, remark(1));
		let poll = polls.council.unwrap();
		aye(Charlie, poll);
		assert_eq!(tally_ayes(poll), 1);
		// Charlie's term ends at block 5.
		pallet_constitution::Seats::<Runtime>::mutate(|seats| {
			for seat in seats.iter_mut() {
				if seat.member == account(Charlie) {
					seat.term_end = 5;
				}
			}
		});
		run_to(6);
		assert_ok!(Constitution::purge_expired_seats(signed(Dave)));
		assert_eq!(tally_ayes(poll), 0);
		assert!(constitution_events()
			.contains(&pallet_constitution::Event::SeatLapsed { who: account(Charlie) }));
		assert_noop!(
			Constitution::purge_expired_seats(signed(Dave)),
			Error::<Runtime>::NothingToPurge
		);
	});
}
