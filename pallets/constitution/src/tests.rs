//! Tests of the constitution pallet, on the development class table. Every test built with
//! `build_and_execute` ends with `do_try_state`, which checks that every open decision's polls
//! match its rule and state, that class usage and held deposits match the records, that the
//! seats are sorted and within bounds, and that every hold is of an open, holdable decision.

#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use crate::{
	kinds, mock::*, presets::classes::*, split_track, track_id, AmendmentClass, BoundedCallOf,
	ChallengeIndex, Challenges, ClassId, ClassInfo, ClassInfoOf, ClassUsage, Classes,
	CommunityScheme, CommunityTrack, ConstitutionText, CouncilSeatRules, DecisionId, DecisionPolls,
	DecisionState, Decisions, DispatchAs, EnsureAnyClass, EnsureClass, EnsureHouse, Error, Event,
	HoldReason, House, Houses, JointRule, NextDecisionId, OnHold, Outcome, Override, PollKind,
	PollOutcome, RawOrigin, ReputationWeights, Scheme, SeatRules, SeatThresholds, Seats,
	ThresholdCurve,
};
use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	traits::{
		fungible::{Inspect, InspectHold},
		Bounded, BoundedInline, ConstU8, EnsureOrigin,
	},
	BoundedVec,
};
use ostrom_primitives::{Members, SchemeOf};
use pallet_referenda::TracksInfo;
use sp_core::H256;
use sp_runtime::{traits::BadOrigin, DispatchError, Perbill, TokenError};

// -------------------------------------------------------------------------------------------
// Helpers.
// -------------------------------------------------------------------------------------------

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// The origin of an approved decision of `class`.
fn class_origin(class: ClassId) -> RuntimeOrigin {
	RuntimeOrigin::from(RawOrigin::Class(class))
}

/// The stored seats as `(member, term end)`.
fn seats() -> Vec<(u64, u64)> {
	Seats::<Test>::get().into_iter().map(|seat| (seat.member, seat.term_end)).collect()
}

/// The origin of an approved poll of kind `kind` of `class`.
fn house(class: ClassId, kind: PollKind) -> RuntimeOrigin {
	RuntimeOrigin::from(RawOrigin::House { class, kind })
}

/// A call carried inline: `System::remark([n])`.
fn remark(n: u8) -> BoundedCallOf<Test> {
	inline(RuntimeCall::System(frame_system::Call::remark { remark: vec![n] }))
}

fn inline(call: RuntimeCall) -> BoundedCallOf<Test> {
	Bounded::Inline(BoundedInline::truncate_from(call.encode()))
}

/// Propose `remark(id)` as a decision of `class` by `who`; returns the decision id.
fn propose(who: u64, class: ClassId) -> DecisionId {
	let id = NextDecisionId::<Test>::get();
	assert_ok!(Constitution::propose(signed(who), class, remark(id as u8)));
	id
}

fn polls_of(id: DecisionId) -> DecisionPolls<u32> {
	Decisions::<Test>::get(id).unwrap().polls
}

fn state_of(id: DecisionId) -> DecisionState<u64> {
	Decisions::<Test>::get(id).unwrap().state
}

fn held(who: u64, reason: HoldReason) -> u64 {
	<Balances as InspectHold<u64>>::balance_on_hold(&reason.into(), &who)
}

fn balance(who: u64) -> u64 {
	<Balances as Inspect<u64>>::balance(&who)
}

fn closed(id: DecisionId, class: ClassId, outcome: Outcome<u64>) -> Event<Test> {
	Event::DecisionClosed { decision: id, class, outcome }
}

/// The class `class` of the development table.
fn dev_class(class: ClassId) -> ClassInfoOf<Test> {
	Classes::<Test>::get(class).unwrap()
}

/// A council-only concurrence class dispatching as its class.
fn council_class(name: &str) -> ClassInfoOf<Test> {
	let mut info = dev_class(EMERGENCY_RATIFICATION);
	info.name = BoundedVec::truncate_from(name.as_bytes().to_vec());
	info
}

// -------------------------------------------------------------------------------------------
// Genesis, tracks and origins.
// -------------------------------------------------------------------------------------------

#[test]
fn genesis_sets_up_the_development_constitution() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(Classes::<Test>::count(), 11);
		assert_eq!(AmendmentClass::<Test>::get(), Some(AMENDMENT));
		assert_eq!(crate::UpgradeClass::<Test>::get(), Some(RUNTIME_UPGRADE));
		assert_eq!(crate::RatificationClass::<Test>::get(), Some(EMERGENCY_RATIFICATION));
		assert_eq!(crate::ChallengeClass::<Test>::get(), Some(CONFLICT_CHALLENGE));
		assert_eq!(crate::SeatingClass::<Test>::get(), Some(COUNCIL_SEATING));
		assert_eq!(ConstitutionText::<Test>::get(), Some(H256::repeat_byte(1)));
		assert_eq!(CouncilSeatRules::<Test>::get(), seat_rules());
		assert_eq!(seats(), vec![(ALICE, TERM_END), (BOB, TERM_END), (CHARLIE, TERM_END)]);
		for (class, info) in crate::presets::development_classes::<u64, u64>(1) {
			assert_ok!(Constitution::validate_class(&info));
			assert_eq!(Classes::<Test>::get(class), Some(info));
		}
		assert_eq!(Constitution::class_list().len(), 11);
		assert_eq!(Constitution::council().len(), 3);
	});
}

#[test]
fn genesis_without_classes_has_no_amendment_route() {
	ExtBuilder::default().classes(vec![]).build_and_execute(|| {
		assert_eq!(Classes::<Test>::count(), 0);
		assert_eq!(AmendmentClass::<Test>::get(), None);
		assert_noop!(
			Constitution::set_constitution_text(class_origin(AMENDMENT), H256::zero()),
			BadOrigin
		);
		assert_noop!(
			Constitution::propose(signed(DAVE), RUNTIME_UPGRADE, remark(0)),
			Error::<Test>::UnknownClass
		);
	});
}

#[test]
fn tracks_are_derived_from_the_class_table() {
	ExtBuilder::default().build_and_execute(|| {
		let ids: Vec<u16> =
			<Constitution as TracksInfo<u64, u64>>::tracks().map(|track| track.id).collect();
		// runtime-upgrade: council, community, override; amendment: both houses; spends:
		// community; big-spend: community and veto; release-gate and takedown: council and
		// appeal; parameter-change and seating: both; ratification and challenge: council.
		assert_eq!(ids, vec![0, 1, 2, 4, 5, 9, 13, 17, 19, 20, 23, 24, 27, 28, 29, 32, 33, 36, 40]);
		assert_ok!(<Constitution as TracksInfo<u64, u64>>::check_integrity());

		let info = <Constitution as TracksInfo<u64, u64>>::info(1).unwrap();
		assert_eq!(&info.name[..], b"runtime-upgrade:community");
		assert_eq!(info.decision_period, 100);
		assert_eq!(info.prepare_period, 2);
		let veto = <Constitution as TracksInfo<u64, u64>>::info(19).unwrap();
		assert_eq!(&veto.name[..14], b"big-spend:veto");
		let appeal = <Constitution as TracksInfo<u64, u64>>::info(23).unwrap();
		assert_eq!(&appeal.name[..19], b"release-gate:appeal");
		// A long class name is shortened to keep the suffix.
		let ratify = <Constitution as TracksInfo<u64, u64>>::info(36).unwrap();
		assert_eq!(&ratify.name[..], b"emergency-ratific:council");
		assert!(<Constitution as TracksInfo<u64, u64>>::info(3).is_none());
		assert!(<Constitution as TracksInfo<u64, u64>>::info(8).is_none());

		// The override track floors the community's approval curve at 75 %.
		let override_track = <Constitution as TracksInfo<u64, u64>>::info(2).unwrap();
		assert_eq!(
			override_track.min_approval,
			pallet_referenda::Curve::LinearDecreasing {
				length: Perbill::one(),
				floor: Perbill::from_percent(75),
				ceil: Perbill::one(),
			}
		);
		assert_eq!(override_track.min_support, info.min_support);
	});
}

#[test]
fn tracks_are_chosen_by_the_house_origin() {
	ExtBuilder::default().build_and_execute(|| {
		let track_for =
			|origin: OriginCaller| <Constitution as TracksInfo<u64, u64>>::track_for(&origin);
		let house_of = |class, kind| OriginCaller::Constitution(RawOrigin::House { class, kind });
		assert_eq!(track_for(house_of(RUNTIME_UPGRADE, kinds::COMMUNITY)), Ok(1));
		assert_eq!(track_for(house_of(BIG_SPEND, kinds::REVIEW)), Ok(19));
		assert_eq!(track_for(house_of(CONFLICT_CHALLENGE, kinds::COUNCIL)), Ok(40));
		// Small spends have no council polls; big spends no council poll but the veto.
		assert_eq!(track_for(house_of(SMALL_SPEND, kinds::COUNCIL)), Err(()));
		assert_eq!(track_for(house_of(BIG_SPEND, kinds::COUNCIL)), Err(()));
		assert_eq!(track_for(house_of(99, kinds::COUNCIL)), Err(()));
		assert_eq!(
			track_for(OriginCaller::Constitution(RawOrigin::Class(RUNTIME_UPGRADE))),
			Err(())
		);
		// Other origins have no track; benchmark builds put them on the first track, so that
		// `pallet-referenda`'s benchmarks (which propose as Root) can run.
		let first = <Constitution as TracksInfo<u64, u64>>::tracks().next().map(|track| track.id);
		let expected = if cfg!(feature = "runtime-benchmarks") { first.ok_or(()) } else { Err(()) };
		assert_eq!(track_for(OriginCaller::system(frame_system::RawOrigin::Root)), expected);
		assert_eq!(
			split_track(track_id(BIG_SPEND, kinds::REVIEW)),
			Some((BIG_SPEND, PollKind::Review))
		);
		// A poll kind is encoded as its index, one byte, which is also its offset in the
		// class's track ids.
		for (index, kind) in PollKind::ALL.into_iter().enumerate() {
			assert_eq!(kind.encode(), vec![index as u8]);
			assert_eq!(PollKind::from_index(index as u8), Some(kind));
			assert_eq!(track_id(BIG_SPEND, kind), BIG_SPEND as u16 * 4 + index as u16);
		}
		assert_eq!(PollKind::from_index(4), None);
	});
}

#[test]
fn schemes_and_reputation_weights_follow_the_houses() {
	ExtBuilder::default().build_and_execute(|| {
		let scheme = |class, kind| <Constitution as SchemeOf<u16>>::scheme(&track_id(class, kind));
		assert_eq!(scheme(RUNTIME_UPGRADE, kinds::COUNCIL), Scheme::Council);
		assert_eq!(scheme(RUNTIME_UPGRADE, kinds::COMMUNITY), Scheme::Token);
		// The override house of runtime upgrades is the community.
		assert_eq!(scheme(RUNTIME_UPGRADE, kinds::OVERRIDE), Scheme::Token);
		assert_eq!(scheme(SMALL_SPEND, kinds::COMMUNITY), Scheme::Quadratic);
		// Vetoes are council polls; appeals community polls.
		assert_eq!(scheme(BIG_SPEND, kinds::REVIEW), Scheme::Council);
		assert_eq!(scheme(RELEASE_GATE, kinds::REVIEW), Scheme::Reputation);
		assert_eq!(scheme(PARAMETER_CHANGE, kinds::COMMUNITY), Scheme::Reputation);
		// Unknown tracks count as council polls.
		assert_eq!(scheme(99, kinds::COMMUNITY), Scheme::Council);

		let weights = |class, kind| {
			<Constitution as SchemeOf<u16>>::reputation_weights(&track_id(class, kind))
		};
		assert_eq!(
			weights(RELEASE_GATE, kinds::REVIEW),
			vec![(2, Perbill::one()), (3, Perbill::one())]
		);
		assert_eq!(weights(PARAMETER_CHANGE, kinds::COMMUNITY).len(), 5);
		assert!(weights(RUNTIME_UPGRADE, kinds::COMMUNITY).is_empty());
		assert!(weights(RELEASE_GATE, kinds::COUNCIL).is_empty());
	});
}

#[test]
fn ensure_origins_accept_their_origin_only() {
	ExtBuilder::default().build_and_execute(|| {
		type Small = EnsureClass<ConstU8<SMALL_SPEND>>;
		assert_ok!(<Small as EnsureOrigin<RuntimeOrigin>>::try_origin(class_origin(SMALL_SPEND)));
		assert!(
			<Small as EnsureOrigin<RuntimeOrigin>>::try_origin(class_origin(BIG_SPEND)).is_err()
		);
		assert!(<Small as EnsureOrigin<RuntimeOrigin>>::try_origin(signed(ALICE)).is_err());
		assert!(<Small as EnsureOrigin<RuntimeOrigin>>::try_origin(RuntimeOrigin::root()).is_err());
		assert_eq!(
			<EnsureAnyClass as EnsureOrigin<RuntimeOrigin>>::try_origin(class_origin(7)).ok(),
			Some(7)
		);
		assert_eq!(
			<EnsureHouse as EnsureOrigin<RuntimeOrigin>>::try_origin(house(4, PollKind::Review))
				.ok(),
			Some((4, PollKind::Review))
		);
		assert!(<EnsureHouse as EnsureOrigin<RuntimeOrigin>>::try_origin(class_origin(4)).is_err());
	});
}

// -------------------------------------------------------------------------------------------
// Joint decisions: concurrence and override.
// -------------------------------------------------------------------------------------------

#[test]
fn concurrence_of_both_houses_enacts_the_call() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(DAVE, RUNTIME_UPGRADE);
		let polls = polls_of(id);
		assert_eq!(polls.extra, None);
		let (council, community) = (polls.council.unwrap(), polls.community.unwrap());
		assert_eq!(
			poll(council).origin,
			RawOrigin::House { class: RUNTIME_UPGRADE, kind: PollKind::Council }
		);
		assert_eq!(
			poll(community).origin,
			RawOrigin::House { class: RUNTIME_UPGRADE, kind: PollKind::Community }
		);
		assert_eq!(poll(council).payer, DAVE);
		assert_eq!(held(DAVE, HoldReason::Decision), DECISION_DEPOSIT);
		assert_eq!(ClassUsage::<Test>::get(RUNTIME_UPGRADE), 1);
		assert_eq!(
			last_event(),
			Event::Proposed {
				decision: id,
				class: RUNTIME_UPGRADE,
				proposer: DAVE,
				call_hash: remark(0).hash(),
				polls,
			}
		);

		assert_ok!(approve(council));
		assert_eq!(
			last_event(),
			Event::OutcomeRecorded { decision: id, kind: PollKind::Council, poll: council }
		);
		assert_eq!(state_of(id), DecisionState::Voting);
		assert!(EnactedCalls::get().is_empty());

		assert_ok!(approve(community));
		assert!(Decisions::<Test>::get(id).is_none());
		assert_eq!(EnactedCalls::get(), vec![(2, RUNTIME_UPGRADE, DispatchAs::Root, remark(0))]);
		assert_eq!(last_event(), closed(id, RUNTIME_UPGRADE, Outcome::Enacted { at: 2 }));
		assert_eq!(held(DAVE, HoldReason::Decision), 0);
		assert_eq!(balance(DAVE), FUNDS);
		assert_eq!(ClassUsage::<Test>::get(RUNTIME_UPGRADE), 0);
		// The late proposal of a poll finds nothing to record.
		assert_noop!(
			Constitution::record_outcome(house(RUNTIME_UPGRADE, PollKind::Council), id),
			Error::<Test>::UnknownDecision
		);
	});
}

#[test]
fn an_approved_call_is_dispatched_with_its_class_origin_only() {
	ExtBuilder::default().build_and_execute(|| {
		let text = H256::repeat_byte(42);
		let call = RuntimeCall::Constitution(crate::Call::set_constitution_text { hash: text });
		// No other route reaches the call: not a signed account, not another class, not Root.
		assert_noop!(Constitution::set_constitution_text(signed(ALICE), text), BadOrigin);
		assert_noop!(
			Constitution::set_constitution_text(class_origin(RUNTIME_UPGRADE), text),
			BadOrigin
		);
		assert_noop!(Constitution::set_constitution_text(RuntimeOrigin::root(), text), BadOrigin);

		let id = NextDecisionId::<Test>::get();
		assert_ok!(Constitution::propose(signed(DAVE), AMENDMENT, inline(call.clone())));
		let polls = polls_of(id);
		assert_ok!(approve(polls.council.unwrap()));
		assert_ok!(approve(polls.community.unwrap()));
		assert_eq!(EnactedCalls::get(), vec![(2, AMENDMENT, DispatchAs::Class, inline(call))]);
		run_to(2);
		let results = dispatch_enacted();
		assert_eq!(results.len(), 1);
		assert!(results[0].is_ok());
		assert_eq!(ConstitutionText::<Test>::get(), Some(text));
		assert_eq!(last_event(), Event::ConstitutionTextSet { hash: text });
	});
}

#[test]
fn one_house_rejecting_rejects_the_decision() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(DAVE, AMENDMENT);
		let polls = polls_of(id);
		// Nothing can move while both polls are ongoing.
		assert_noop!(Constitution::advance(signed(EVE), id), Error::<Test>::NotReady);
		reject(polls.council.unwrap());
		assert_ok!(Constitution::advance(signed(EVE), id));
		assert_eq!(last_event(), closed(id, AMENDMENT, Outcome::Rejected));
		assert!(Decisions::<Test>::get(id).is_none());
		// The community's poll, still ongoing, is cancelled.
		assert_eq!(CancelledPolls::get(), vec![polls.community.unwrap()]);
		assert_eq!(poll(polls.community.unwrap()).outcome, PollOutcome::Rejected);
		assert_eq!(held(DAVE, HoldReason::Decision), 0);
		assert!(EnactedCalls::get().is_empty());
		assert_noop!(Constitution::advance(signed(EVE), id), Error::<Test>::UnknownDecision);
	});
}

#[test]
fn an_approval_not_recorded_yet_is_read_by_advance() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(DAVE, MEDIUM_SPEND);
		let community = polls_of(id).community.unwrap();
		set_outcome(community, PollOutcome::Approved);
		assert_ok!(Constitution::advance(signed(EVE), id));
		assert_eq!(last_event(), closed(id, MEDIUM_SPEND, Outcome::Enacted { at: 2 }));
		assert_eq!(EnactedCalls::get(), vec![(2, MEDIUM_SPEND, DispatchAs::Class, remark(0))]);
	});
}

#[test]
fn the_override_house_enacts_after_mediation() {
	ExtBuilder::default().build_and_execute(|| {
		let id = NextDecisionId::<Test>::get();
		assert_ok!(Constitution::propose(signed(DAVE), RUNTIME_UPGRADE, authorize_upgrade()));
		let polls = polls_of(id);
		assert_ok!(approve(polls.community.unwrap()));
		reject(polls.council.unwrap());
		assert_ok!(Constitution::advance(signed(EVE), id));
		assert_eq!(last_event(), Event::MediationStarted { decision: id, until: 11 });
		assert_eq!(state_of(id), DecisionState::Mediation { until: 11 });

		run_to(10);
		assert_noop!(Constitution::advance(signed(EVE), id), Error::<Test>::NotReady);
		run_to(11);
		assert_ok!(Constitution::advance(signed(EVE), id));
		let extra = polls_of(id).extra.unwrap();
		assert_eq!(last_event(), Event::OverridePollOpened { decision: id, poll: extra });
		assert_eq!(
			poll(extra).origin,
			RawOrigin::House { class: RUNTIME_UPGRADE, kind: PollKind::Override }
		);
		assert_eq!(poll(extra).payer, EVE);
		assert_eq!(state_of(id), DecisionState::Overriding);
		assert_noop!(Constitution::advance(signed(EVE), id), Error::<Test>::NotReady);

		assert_ok!(approve(extra));
		let events = constitution_events();
		assert!(events.contains(&Event::Overridden { decision: id }));
		assert_eq!(last_event(), closed(id, RUNTIME_UPGRADE, Outcome::Enacted { at: 12 }));
		assert_eq!(
			EnactedCalls::get(),
			vec![(12, RUNTIME_UPGRADE, DispatchAs::Root, authorize_upgrade())]
		);
	});
}

#[test]
fn a_rejected_override_rejects_the_decision() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(DAVE, RUNTIME_UPGRADE);
		let polls = polls_of(id);
		assert_ok!(approve(polls.community.unwrap()));
		reject(polls.council.unwrap());
		assert_ok!(Constitution::advance(signed(EVE), id));
		run_to(11);
		assert_ok!(Constitution::advance(signed(EVE), id));
		reject(polls_of(id).extra.unwrap());
		assert_ok!(Constitution::advance(signed(EVE), id));
		assert_eq!(last_event(), closed(id, RUNTIME_UPGRADE, Outcome::Rejected));
		assert!(EnactedCalls::get().is_empty());
	});
}

#[test]
fn a_rejection_by_the_override_house_is_final() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(DAVE, RUNTIME_UPGRADE);
		let polls = polls_of(id);
		assert_ok!(approve(polls.council.unwrap()));
		reject(polls.community.unwrap());
		assert_ok!(Constitution::advance(signed(EVE), id));
		assert_eq!(last_event(), closed(id, RUNTIME_UPGRADE, Outcome::Rejected));
	});
}

#[test]
fn a_rejection_waits_for_the_override_house() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(DAVE, RUNTIME_UPGRADE);
		let polls = polls_of(id);
		reject(polls.council.unwrap());
		// The community (the override house) is still voting.
		assert_noop!(Constitution::advance(signed(EVE), id), Error::<Test>::NotReady);
		// Its approval, recorded, starts the mediation.
		assert_ok!(approve(polls.community.unwrap()));
		assert_eq!(state_of(id), DecisionState::Mediation { until: 11 });
	});
}

#[test]
fn opening_the_override_poll_fails_without_change() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(DAVE, RUNTIME_UPGRADE);
		let polls = polls_of(id);
		assert_ok!(approve(polls.community.unwrap()));
		reject(polls.council.unwrap());
		assert_ok!(Constitution::advance(signed(EVE), id));
		run_to(11);
		FailPollOpen::set(true);
		assert_noop!(
			Constitution::advance(signed(EVE), id),
			DispatchError::Other("poll cannot be opened")
		);
	});
}

// -------------------------------------------------------------------------------------------
// Joint decisions: council veto.
// -------------------------------------------------------------------------------------------

/// Propose a big spend and approve it in the community; returns the decision and veto poll.
fn big_spend_approved() -> (DecisionId, u32) {
	let id = propose(DAVE, BIG_SPEND);
	let polls = polls_of(id);
	assert_eq!(polls.council, None);
	assert_ok!(approve(polls.community.unwrap()));
	assert_eq!(state_of(id), DecisionState::VetoWindow { until: 11 });
	let veto = polls_of(id).extra.unwrap();
	assert_eq!(last_event(), Event::VetoPollOpened { decision: id, poll: veto, until: 11 });
	assert_eq!(poll(veto).origin, RawOrigin::House { class: BIG_SPEND, kind: kinds::REVIEW });
	assert_eq!(poll(veto).payer, DAVE);
	(id, veto)
}

#[test]
fn a_council_veto_within_the_window_stops_the_decision() {
	ExtBuilder::default().build_and_execute(|| {
		let (id, veto) = big_spend_approved();
		run_to(5);
		assert_ok!(approve(veto));
		assert_eq!(last_event(), closed(id, BIG_SPEND, Outcome::Vetoed));
		assert!(EnactedCalls::get().is_empty());
		assert_eq!(held(DAVE, HoldReason::Decision), 0);
	});
}

#[test]
fn without_a_veto_the_decision_is_enacted_after_the_window() {
	ExtBuilder::default().build_and_execute(|| {
		let (id, veto) = big_spend_approved();
		reject(veto);
		run_to(10);
		assert_noop!(Constitution::advance(signed(EVE), id), Error::<Test>::NotReady);
		run_to(11);
		assert_ok!(Constitution::advance(signed(EVE), id));
		assert_eq!(last_event(), closed(id, BIG_SPEND, Outcome::Enacted { at: 12 }));
		assert_eq!(EnactedCalls::get(), vec![(12, BIG_SPEND, DispatchAs::Class, remark(0))]);
	});
}

#[test]
fn an_ongoing_veto_poll_holds_the_decision_past_the_window() {
	ExtBuilder::default().build_and_execute(|| {
		let (id, veto) = big_spend_approved();
		run_to(20);
		assert_noop!(Constitution::advance(signed(EVE), id), Error::<Test>::NotReady);
		assert_ok!(approve(veto));
		assert_eq!(last_event(), closed(id, BIG_SPEND, Outcome::Vetoed));
	});
}

#[test]
fn a_veto_poll_that_could_not_be_opened_is_opened_by_advance() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(DAVE, BIG_SPEND);
		let community = polls_of(id).community.unwrap();
		FailPollOpen::set(true);
		// The community's approval is recorded even though the veto poll cannot be opened.
		assert_ok!(approve(community));
		assert_eq!(state_of(id), DecisionState::VetoWindow { until: 11 });
		assert_eq!(polls_of(id).extra, None);
		assert!(
			matches!(last_event(), Event::PollOpenFailed { decision, kind: PollKind::Review, .. } if decision == id)
		);
		// Nobody can skip the veto: advance must open the poll, paid by its caller.
		run_to(11);
		assert_noop!(
			Constitution::advance(signed(EVE), id),
			DispatchError::Other("poll cannot be opened")
		);
		FailPollOpen::set(false);
		assert_ok!(Constitution::advance(signed(EVE), id));
		let veto = polls_of(id).extra.unwrap();
		assert_eq!(poll(veto).payer, EVE);
		assert_eq!(last_event(), Event::VetoPollOpened { decision: id, poll: veto, until: 11 });
		reject(veto);
		assert_ok!(Constitution::advance(signed(EVE), id));
		assert_eq!(last_event(), closed(id, BIG_SPEND, Outcome::Enacted { at: 12 }));
	});
}

// -------------------------------------------------------------------------------------------
// Joint decisions: community appeal.
// -------------------------------------------------------------------------------------------

/// Propose a release-gate decision and approve it in the council; returns the decision.
fn release_gate_approved() -> DecisionId {
	let id = propose(DAVE, RELEASE_GATE);
	let polls = polls_of(id);
	assert_eq!(polls.community, None);
	assert_ok!(approve(polls.council.unwrap()));
	assert_eq!(state_of(id), DecisionState::AppealWindow { until: 11 });
	assert_eq!(last_event(), Event::AppealWindowOpened { decision: id, until: 11 });
	id
}

#[test]
fn an_upheld_appeal_voids_the_council_decision() {
	ExtBuilder::default().build_and_execute(|| {
		let id = release_gate_approved();
		assert_ok!(Constitution::appeal(signed(EVE), id));
		let appeal = polls_of(id).extra.unwrap();
		assert_eq!(last_event(), Event::Appealed { decision: id, appellant: EVE, poll: appeal });
		assert_eq!(
			poll(appeal).origin,
			RawOrigin::House { class: RELEASE_GATE, kind: kinds::REVIEW }
		);
		assert_eq!(poll(appeal).payer, EVE);
		assert_eq!(held(EVE, HoldReason::Appeal), APPEAL_DEPOSIT);
		assert_eq!(state_of(id), DecisionState::Appealed);
		// One appeal only.
		assert_noop!(Constitution::appeal(signed(ALICE), id), Error::<Test>::NotInAppealWindow);

		assert_ok!(approve(appeal));
		let events = constitution_events();
		assert!(events.contains(&Event::AppealUpheld { decision: id, appellant: EVE }));
		assert_eq!(last_event(), closed(id, RELEASE_GATE, Outcome::Voided));
		assert!(EnactedCalls::get().is_empty());
		assert_eq!(held(EVE, HoldReason::Appeal), 0);
		assert_eq!(balance(EVE), FUNDS);
		assert_eq!(balance(DAVE), FUNDS);
	});
}

#[test]
fn a_rejected_appeal_enacts_the_decision_and_slashes_the_appellant() {
	ExtBuilder::default().build_and_execute(|| {
		let id = release_gate_approved();
		assert_ok!(Constitution::appeal(signed(EVE), id));
		let appeal = polls_of(id).extra.unwrap();
		assert_noop!(Constitution::advance(signed(EVE), id), Error::<Test>::NotReady);
		reject(appeal);
		assert_ok!(Constitution::advance(signed(ALICE), id));
		let events = constitution_events();
		assert!(events.contains(&Event::AppealRejected {
			decision: id,
			appellant: EVE,
			slashed: APPEAL_DEPOSIT
		}));
		assert_eq!(last_event(), closed(id, RELEASE_GATE, Outcome::Enacted { at: 2 }));
		assert_eq!(balance(EVE), FUNDS - APPEAL_DEPOSIT);
		assert_eq!(balance(TREASURY), APPEAL_DEPOSIT);
		assert_eq!(held(EVE, HoldReason::Appeal), 0);
	});
}

#[test]
fn a_council_decision_is_enacted_once_the_appeal_window_passes() {
	ExtBuilder::default().build_and_execute(|| {
		let id = release_gate_approved();
		run_to(10);
		assert_noop!(Constitution::advance(signed(EVE), id), Error::<Test>::NotReady);
		run_to(11);
		assert_noop!(Constitution::appeal(signed(EVE), id), Error::<Test>::NotInAppealWindow);
		assert_ok!(Constitution::advance(signed(EVE), id));
		assert_eq!(last_event(), closed(id, RELEASE_GATE, Outcome::Enacted { at: 12 }));
	});
}

#[test]
fn appeal_fails_with_a_named_error() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(DAVE, RELEASE_GATE);
		// Not approved by the council yet.
		assert_noop!(Constitution::appeal(signed(EVE), id), Error::<Test>::NotInAppealWindow);
		assert_noop!(Constitution::appeal(signed(EVE), 99), Error::<Test>::UnknownDecision);
		assert_ok!(approve(polls_of(id).council.unwrap()));
		assert_noop!(Constitution::appeal(signed(POOR), id), TokenError::FundsUnavailable);
		FailPollOpen::set(true);
		assert_noop!(
			Constitution::appeal(signed(EVE), id),
			DispatchError::Other("poll cannot be opened")
		);
		FailPollOpen::set(false);
		assert_noop!(Constitution::appeal(RuntimeOrigin::root(), id), BadOrigin);
	});
}

// -------------------------------------------------------------------------------------------
// Joint decisions: proposals, recording, expiry, enactment failures.
// -------------------------------------------------------------------------------------------

#[test]
fn propose_fails_with_a_named_error() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Constitution::propose(signed(DAVE), 99, remark(0)),
			Error::<Test>::UnknownClass
		);
		#[allow(deprecated)]
		let legacy = Bounded::from_legacy_hash(H256::zero());
		assert_noop!(
			Constitution::propose(signed(DAVE), MEDIUM_SPEND, legacy),
			Error::<Test>::LegacyCall
		);
		assert_noop!(
			Constitution::propose(signed(POOR), MEDIUM_SPEND, remark(0)),
			TokenError::FundsUnavailable
		);
		assert_noop!(
			Constitution::propose(RuntimeOrigin::root(), MEDIUM_SPEND, remark(0)),
			BadOrigin
		);
		FailPollOpen::set(true);
		assert_noop!(
			Constitution::propose(signed(DAVE), MEDIUM_SPEND, remark(0)),
			DispatchError::Other("poll cannot be opened")
		);
		FailPollOpen::set(false);
		// A call by preimage hash and length is accepted.
		assert_ok!(Constitution::propose(
			signed(DAVE),
			MEDIUM_SPEND,
			Bounded::Lookup { hash: H256::repeat_byte(3), len: 1_000 }
		));
	});
}

#[test]
fn record_outcome_accepts_only_the_awaited_house_origin() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(DAVE, RUNTIME_UPGRADE);
		let council = polls_of(id).council.unwrap();
		assert_noop!(Constitution::record_outcome(signed(ALICE), id), BadOrigin);
		assert_noop!(Constitution::record_outcome(RuntimeOrigin::root(), id), BadOrigin);
		assert_noop!(Constitution::record_outcome(class_origin(RUNTIME_UPGRADE), id), BadOrigin);
		// A poll of another class.
		assert_noop!(
			Constitution::record_outcome(house(AMENDMENT, PollKind::Council), id),
			BadOrigin
		);
		// No override poll is awaited while voting.
		assert_noop!(
			Constitution::record_outcome(house(RUNTIME_UPGRADE, kinds::OVERRIDE), id),
			Error::<Test>::UnexpectedOutcome
		);
		// The council's poll is not approved (e.g. another referendum on the same track).
		assert_noop!(
			Constitution::record_outcome(house(RUNTIME_UPGRADE, PollKind::Council), id),
			Error::<Test>::PollNotApproved
		);
		assert_noop!(
			Constitution::record_outcome(house(RUNTIME_UPGRADE, PollKind::Council), 99),
			Error::<Test>::UnknownDecision
		);
		assert_ok!(approve(council));
		assert_noop!(
			Constitution::record_outcome(house(RUNTIME_UPGRADE, PollKind::Council), id),
			Error::<Test>::AlreadyRecorded
		);
		assert_noop!(Constitution::advance(RuntimeOrigin::root(), id), BadOrigin);
	});
}

#[test]
fn an_undecided_decision_expires() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(DAVE, MEDIUM_SPEND);
		let community = polls_of(id).community.unwrap();
		run_to(MAX_DECISION_AGE);
		assert_noop!(Constitution::advance(signed(EVE), id), Error::<Test>::NotReady);
		run_to(1 + MAX_DECISION_AGE);
		assert_ok!(Constitution::advance(signed(EVE), id));
		assert_eq!(last_event(), closed(id, MEDIUM_SPEND, Outcome::Expired));
		assert_eq!(CancelledPolls::get(), vec![community]);
		assert_eq!(held(DAVE, HoldReason::Decision), 0);
		assert_eq!(ClassUsage::<Test>::get(MEDIUM_SPEND), 0);
	});
}

#[test]
fn an_expired_appeal_returns_both_deposits() {
	ExtBuilder::default().build_and_execute(|| {
		let id = release_gate_approved();
		assert_ok!(Constitution::appeal(signed(EVE), id));
		run_to(1 + MAX_DECISION_AGE);
		assert_ok!(Constitution::advance(signed(ALICE), id));
		assert_eq!(last_event(), closed(id, RELEASE_GATE, Outcome::Expired));
		assert_eq!(balance(EVE), FUNDS);
		assert_eq!(balance(DAVE), FUNDS);
	});
}

#[test]
fn a_failed_enactment_is_retried_by_advance() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(DAVE, MEDIUM_SPEND);
		FailEnactment::set(true);
		assert_ok!(approve(polls_of(id).community.unwrap()));
		assert_eq!(state_of(id), DecisionState::Approved);
		// (A `DispatchError::Other` message is not encoded: events read back without it.)
		assert!(matches!(last_event(), Event::EnactmentFailed { decision, .. } if decision == id));
		// An approved decision never expires.
		run_to(1 + MAX_DECISION_AGE);
		assert_ok!(Constitution::advance(signed(EVE), id));
		assert_eq!(state_of(id), DecisionState::Approved);
		FailEnactment::set(false);
		assert_ok!(Constitution::advance(signed(EVE), id));
		let at = 2 + MAX_DECISION_AGE;
		assert_eq!(last_event(), closed(id, MEDIUM_SPEND, Outcome::Enacted { at }));
		assert_eq!(EnactedCalls::get(), vec![(at, MEDIUM_SPEND, DispatchAs::Class, remark(0))]);
	});
}

#[test]
fn decision_view_shows_an_open_decision() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(DAVE, RUNTIME_UPGRADE);
		let view = Constitution::decision_view(id).unwrap();
		assert_eq!(view.class, RUNTIME_UPGRADE);
		assert_eq!(view.proposer, DAVE);
		assert_eq!(view.call_hash, remark(0).hash());
		assert_eq!(view.deposit, DECISION_DEPOSIT);
		assert_eq!(view.state, DecisionState::Voting);
		assert_eq!(view.polls, polls_of(id));
		assert_eq!(view.appellant, None);
		assert!(Constitution::decision_view(id + 1).is_none());
	});
}

// -------------------------------------------------------------------------------------------
// Amendments.
// -------------------------------------------------------------------------------------------

/// Medium spends turned into a community decision the council may veto within 5 blocks.
fn medium_spend_with_veto() -> ClassInfoOf<Test> {
	let mut info = dev_class(MEDIUM_SPEND);
	info.houses = Houses::Both;
	info.council = dev_class(BIG_SPEND).council;
	info.rule = JointRule::CommunityWithCouncilVeto { window: 5 };
	info
}

#[test]
fn an_amended_class_decides_new_decisions_under_the_new_rule() {
	ExtBuilder::default().build_and_execute(|| {
		// A decision proposed before the amendment keeps its rule.
		let before = propose(DAVE, MEDIUM_SPEND);
		// Its class's houses cannot change while it is open...
		assert_noop!(
			Constitution::amend_class(
				class_origin(AMENDMENT),
				MEDIUM_SPEND,
				medium_spend_with_veto()
			),
			Error::<Test>::ClassInUse
		);
		// ...nor the scheme its community poll is counted in...
		let mut quadratic = dev_class(MEDIUM_SPEND);
		quadratic.community.as_mut().unwrap().scheme = CommunityScheme::Quadratic;
		assert_noop!(
			Constitution::amend_class(class_origin(AMENDMENT), MEDIUM_SPEND, quadratic),
			Error::<Test>::ClassInUse
		);
		// ...but its parameters can.
		let mut stricter = dev_class(MEDIUM_SPEND);
		stricter.enactment_delay = 5;
		assert_ok!(Constitution::amend_class(
			class_origin(AMENDMENT),
			MEDIUM_SPEND,
			stricter.clone()
		));
		assert_eq!(last_event(), Event::ClassAmended { class: MEDIUM_SPEND, info: stricter });
		assert_ok!(approve(polls_of(before).community.unwrap()));
		// Enacted under the rules it was proposed under (delay 1).
		assert_eq!(last_event(), closed(before, MEDIUM_SPEND, Outcome::Enacted { at: 2 }));

		assert_ok!(Constitution::amend_class(
			class_origin(AMENDMENT),
			MEDIUM_SPEND,
			medium_spend_with_veto()
		));
		let veto_track =
			<Constitution as TracksInfo<u64, u64>>::info(track_id(MEDIUM_SPEND, PollKind::Review));
		assert_eq!(&veto_track.unwrap().name[..17], b"medium-spend:veto");

		let after = propose(DAVE, MEDIUM_SPEND);
		assert_eq!(polls_of(after).council, None);
		assert_ok!(approve(polls_of(after).community.unwrap()));
		assert_eq!(state_of(after), DecisionState::VetoWindow { until: 6 });
		assert!(polls_of(after).extra.is_some());
	});
}

#[test]
fn the_class_table_is_amended_through_the_amendment_class() {
	ExtBuilder::default().build_and_execute(|| {
		let info = council_class("treasury-council");
		let call =
			RuntimeCall::Constitution(crate::Call::amend_class { class: 11, info: info.clone() });
		let id = NextDecisionId::<Test>::get();
		assert_ok!(Constitution::propose(signed(DAVE), AMENDMENT, inline(call)));
		let polls = polls_of(id);
		assert_ok!(approve(polls.council.unwrap()));
		assert_ok!(approve(polls.community.unwrap()));
		run_to(2);
		assert!(dispatch_enacted()[0].is_ok());
		assert_eq!(Classes::<Test>::get(11), Some(info));
		assert_eq!(Classes::<Test>::count(), 12);
		// The new class decides at once.
		let decision = propose(EVE, 11);
		assert_eq!(
			poll(polls_of(decision).council.unwrap()).origin,
			RawOrigin::House { class: 11, kind: PollKind::Council }
		);
	});
}

#[test]
fn an_amendment_cannot_change_how_delegations_count_while_there_are_any() {
	ExtBuilder::default().build_and_execute(|| {
		let amend = |class: ClassId, info: ClassInfoOf<Test>| {
			Constitution::amend_class(class_origin(AMENDMENT), class, info)
		};
		// Token delegations on medium spends' community track.
		set_delegations(track_id(MEDIUM_SPEND, kinds::COMMUNITY), 1);
		let mut quadratic = dev_class(MEDIUM_SPEND);
		quadratic.community.as_mut().unwrap().scheme = CommunityScheme::Quadratic;
		assert_noop!(amend(MEDIUM_SPEND, quadratic.clone()), Error::<Test>::ClassHasDelegations);
		let mut reputation = dev_class(MEDIUM_SPEND);
		reputation.community.as_mut().unwrap().scheme = CommunityScheme::Reputation;
		reputation.community.as_mut().unwrap().reputation_weights =
			ReputationWeights::truncate_from(vec![(CODE, Perbill::one())]);
		assert_noop!(amend(MEDIUM_SPEND, reputation), Error::<Test>::ClassHasDelegations);
		// What does not change how they count can change.
		let mut slower = dev_class(MEDIUM_SPEND);
		slower.enactment_delay = 5;
		assert_ok!(amend(MEDIUM_SPEND, slower));

		// Reputation delegations on the release gate's appeal track (its only community
		// track): neither its weights...
		set_delegations(track_id(RELEASE_GATE, kinds::REVIEW), 2);
		let mut reweighted = dev_class(RELEASE_GATE);
		reweighted.community.as_mut().unwrap().reputation_weights =
			ReputationWeights::truncate_from(vec![(CODE, Perbill::one())]);
		assert_noop!(amend(RELEASE_GATE, reweighted.clone()), Error::<Test>::ClassHasDelegations);
		// ...nor the scheme of the delegated track (a concurrence class has no appeal track)
		// can change.
		let mut concurrence = dev_class(RELEASE_GATE);
		concurrence.rule = JointRule::Concurrence;
		assert_noop!(amend(RELEASE_GATE, concurrence), Error::<Test>::ClassHasDelegations);

		// Once nobody delegates, the same amendments pass.
		set_delegations(track_id(MEDIUM_SPEND, kinds::COMMUNITY), 0);
		set_delegations(track_id(RELEASE_GATE, kinds::REVIEW), 0);
		assert_ok!(amend(MEDIUM_SPEND, quadratic.clone()));
		assert_eq!(dev_class(MEDIUM_SPEND), quadratic);
		assert_ok!(amend(RELEASE_GATE, reweighted.clone()));
		assert_eq!(dev_class(RELEASE_GATE), reweighted);
	});
}

#[test]
fn upholding_a_challenge_charges_the_reweighing_after_the_slash() {
	use crate::WeightInfo;
	use frame_support::dispatch::GetDispatchInfo;
	let record = crate::Call::<Test>::record_challenge { challenge: 0 }.get_dispatch_info();
	assert_eq!(record.call_weight, <() as WeightInfo>::record_challenge() + SLASH_HOOK_WEIGHT);
	// Advancing may uphold: it is charged as much.
	let advance = crate::Call::<Test>::advance_challenge { challenge: 0 }.get_dispatch_info();
	assert_eq!(
		advance.call_weight,
		<() as WeightInfo>::advance_challenge()
			.max(<() as WeightInfo>::record_challenge() + SLASH_HOOK_WEIGHT)
	);
	assert!(advance.call_weight.all_gte(SLASH_HOOK_WEIGHT));
}

#[test]
fn amend_class_fails_with_a_named_error() {
	ExtBuilder::default().build_and_execute(|| {
		let amend = |class: ClassId, info: ClassInfoOf<Test>| {
			Constitution::amend_class(class_origin(AMENDMENT), class, info)
		};
		let valid = dev_class(MEDIUM_SPEND);
		assert_noop!(Constitution::amend_class(signed(ALICE), 3, valid.clone()), BadOrigin);
		assert_noop!(Constitution::amend_class(RuntimeOrigin::root(), 3, valid.clone()), BadOrigin);
		assert_noop!(
			Constitution::amend_class(class_origin(MEDIUM_SPEND), 3, valid.clone()),
			BadOrigin
		);

		let mut info = valid.clone();
		info.name = BoundedVec::new();
		assert_noop!(amend(3, info), Error::<Test>::EmptyClassName);

		let mut info = valid.clone();
		info.houses = Houses::Both;
		assert_noop!(amend(3, info), Error::<Test>::HousesMismatch);

		let mut info = valid.clone();
		info.rule = JointRule::CommunityWithCouncilVeto { window: 5 };
		assert_noop!(amend(3, info), Error::<Test>::RuleNeedsBothHouses);

		let mut info = dev_class(BIG_SPEND);
		info.override_rule = Some(Override {
			house: House::Council,
			min_approval: Perbill::from_percent(80),
			mediation: 5,
		});
		assert_noop!(amend(4, info), Error::<Test>::OverrideNeedsConcurrence);

		let mut info = dev_class(RUNTIME_UPGRADE);
		info.override_rule.as_mut().unwrap().min_approval = Perbill::from_percent(40);
		assert_noop!(amend(0, info), Error::<Test>::ApprovalBelowMajority);

		let mut info = valid.clone();
		info.community.as_mut().unwrap().track.max_deciding = 0;
		assert_noop!(amend(3, info), Error::<Test>::InvalidTrack);

		let mut info = valid.clone();
		info.community.as_mut().unwrap().track.decision_period = 0;
		assert_noop!(amend(3, info), Error::<Test>::InvalidTrack);

		let mut info = valid.clone();
		info.community.as_mut().unwrap().track.min_support = ThresholdCurve::LinearDecreasing {
			length: Perbill::one(),
			floor: Perbill::from_percent(20),
			ceil: Perbill::from_percent(10),
		};
		assert_noop!(amend(3, info), Error::<Test>::InvalidCurve);

		let mut info = valid.clone();
		info.community.as_mut().unwrap().track.min_approval = ThresholdCurve::SteppedDecreasing {
			begin: Perbill::one(),
			end: Perbill::from_percent(60),
			step: Perbill::zero(),
			period: Perbill::from_percent(10),
		};
		assert_noop!(amend(3, info), Error::<Test>::InvalidCurve);

		let mut info = valid.clone();
		info.community.as_mut().unwrap().track.min_approval =
			ThresholdCurve::linear(Perbill::one(), Perbill::from_percent(40));
		assert_noop!(amend(3, info), Error::<Test>::ApprovalBelowMajority);

		let mut info = valid.clone();
		info.community.as_mut().unwrap().scheme = CommunityScheme::Reputation;
		assert_noop!(amend(3, info), Error::<Test>::ReputationWeightsMismatch);

		let mut info = valid.clone();
		info.community.as_mut().unwrap().reputation_weights =
			ReputationWeights::truncate_from(vec![(0, Perbill::one())]);
		assert_noop!(amend(3, info), Error::<Test>::ReputationWeightsMismatch);

		// The amendment class stays a two-house concurrence without override.
		let mut info = dev_class(AMENDMENT);
		info.houses = Houses::CouncilOnly;
		info.community = None;
		assert_noop!(amend(AMENDMENT, info), Error::<Test>::EntrenchedClass);
		let mut info = dev_class(AMENDMENT);
		info.override_rule = dev_class(RUNTIME_UPGRADE).override_rule;
		assert_noop!(amend(AMENDMENT, info), Error::<Test>::EntrenchedClass);
		// The seating class dispatches as its class.
		let mut info = dev_class(COUNCIL_SEATING);
		info.dispatch = DispatchAs::Root;
		assert_noop!(amend(COUNCIL_SEATING, info), Error::<Test>::EntrenchedClass);
		// The challenge class keeps council polls.
		assert_noop!(amend(CONFLICT_CHALLENGE, valid.clone()), Error::<Test>::EntrenchedClass);

		// The table is bounded: 11 classes + 5 = 16.
		for class in 11..16 {
			assert_ok!(amend(class, council_class("extra")));
		}
		assert_noop!(amend(16, council_class("extra")), Error::<Test>::TooManyClasses);
		// Replacing a class does not count.
		assert_ok!(amend(15, council_class("replaced")));
	});
}

#[test]
fn constitution_text_is_set_by_amendment() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Constitution::set_constitution_text(class_origin(AMENDMENT), H256::zero()));
		assert_eq!(ConstitutionText::<Test>::get(), Some(H256::zero()));
		assert_eq!(last_event(), Event::ConstitutionTextSet { hash: H256::zero() });

		assert_noop!(
			Constitution::set_constitution_text(class_origin(EMERGENCY_RATIFICATION), H256::zero()),
			BadOrigin
		);
	});
}

// -------------------------------------------------------------------------------------------
// Council seats.
// -------------------------------------------------------------------------------------------

fn seating() -> RuntimeOrigin {
	class_origin(COUNCIL_SEATING)
}

#[test]
fn a_seat_requires_the_reputation_thresholds() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Constitution::seat(seating(), DAVE), Error::<Test>::NotEligible);
		set_score(DAVE, CODE, SEAT_THRESHOLD - 1);
		assert_noop!(Constitution::seat(seating(), DAVE), Error::<Test>::NotEligible);
		set_score(DAVE, CODE, SEAT_THRESHOLD);
		assert!(!<Constitution as Members<u64>>::is_member(&DAVE));
		assert_ok!(Constitution::seat(seating(), DAVE));
		assert_eq!(last_event(), Event::Seated { who: DAVE, term_end: 1 + TERM });
		assert!(<Constitution as Members<u64>>::is_member(&DAVE));
		assert_eq!(<Constitution as Members<u64>>::member_count(), 4);
		assert_noop!(Constitution::seat(seating(), DAVE), Error::<Test>::AlreadySeated);
		assert_noop!(Constitution::seat(signed(ALICE), EVE), BadOrigin);
		assert_noop!(Constitution::seat(class_origin(AMENDMENT), EVE), BadOrigin);
	});
}

#[test]
fn seats_are_bounded_by_the_seat_rules() {
	ExtBuilder::default().build_and_execute(|| {
		set_score(DAVE, CODE, SEAT_THRESHOLD);
		set_score(EVE, CODE, SEAT_THRESHOLD);
		assert_ok!(Constitution::seat(seating(), DAVE));
		assert_noop!(Constitution::seat(seating(), EVE), Error::<Test>::SeatsFull);
	});
}

#[test]
fn terms_lapse_and_expired_seats_are_purged() {
	ExtBuilder::default().build_and_execute(|| {
		set_score(DAVE, CODE, SEAT_THRESHOLD);
		set_score(EVE, CODE, SEAT_THRESHOLD);
		assert_ok!(Constitution::seat(seating(), DAVE));
		assert_noop!(Constitution::purge_expired_seats(signed(EVE)), Error::<Test>::NothingToPurge);
		run_to(1 + TERM);
		// The lapsed seat counts for nothing...
		assert!(!<Constitution as Members<u64>>::is_member(&DAVE));
		assert_eq!(<Constitution as Members<u64>>::member_count(), 3);
		assert_eq!(Constitution::council().len(), 3);
		// ...and its place is taken when the seats are full (purging it).
		assert_ok!(Constitution::seat(seating(), EVE));
		assert!(constitution_events().contains(&Event::SeatLapsed { who: DAVE }));
		assert_eq!(
			seats(),
			vec![(ALICE, TERM_END), (BOB, TERM_END), (CHARLIE, TERM_END), (EVE, 1 + 2 * TERM)]
		);
		run_to(1 + 2 * TERM);
		assert_ok!(Constitution::purge_expired_seats(signed(DAVE)));
		assert_eq!(last_event(), Event::SeatLapsed { who: EVE });
		assert_eq!(Seats::<Test>::get().len(), 3);
		assert_noop!(Constitution::purge_expired_seats(RuntimeOrigin::root()), BadOrigin);
	});
}

#[test]
fn a_lapsed_seat_can_be_renewed() {
	ExtBuilder::default().build_and_execute(|| {
		set_score(DAVE, CODE, SEAT_THRESHOLD);
		assert_ok!(Constitution::seat(seating(), DAVE));
		run_to(1 + TERM);
		assert_ok!(Constitution::seat(seating(), DAVE));
		assert_eq!(last_event(), Event::Seated { who: DAVE, term_end: 1 + 2 * TERM });
		assert_eq!(Seats::<Test>::get().len(), 4);
	});
}

#[test]
fn members_are_unseated_by_the_seating_class() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Constitution::unseat(seating(), DAVE), Error::<Test>::NotSeated);
		assert_noop!(Constitution::unseat(signed(ALICE), ALICE), BadOrigin);
		assert_ok!(Constitution::unseat(seating(), ALICE));
		assert_eq!(last_event(), Event::Unseated { who: ALICE });
		assert!(!<Constitution as Members<u64>>::is_member(&ALICE));
		assert_eq!(<Constitution as Members<u64>>::member_count(), 2);
	});
}

#[test]
fn an_unseated_members_ballots_leave_the_ongoing_council_polls() {
	ExtBuilder::default().build_and_execute(|| {
		let ongoing = council_poll();
		let ended = council_poll();
		cast_ballot(CHARLIE, ongoing);
		cast_ballot(CHARLIE, ended);
		cast_ballot(BOB, ongoing);
		reject(ended);
		assert_ok!(Constitution::unseat(seating(), CHARLIE));
		assert_eq!(CouncilBallotLog::get(), vec![(CHARLIE, ended), (BOB, ongoing)]);
		let events = constitution_events();
		assert!(events.contains(&Event::CouncilBallotsRemoved { who: CHARLIE, count: 1 }));
		assert_eq!(last_event(), Event::Unseated { who: CHARLIE });
		// Nothing to remove: no event.
		assert_ok!(Constitution::unseat(seating(), ALICE));
		assert_eq!(
			constitution_events()
				.iter()
				.filter(|e| matches!(e, Event::CouncilBallotsRemoved { .. }))
				.count(),
			1
		);
	});
}

#[test]
fn lapsed_members_ballots_leave_the_ongoing_council_polls_when_purged() {
	ExtBuilder::default().build_and_execute(|| {
		set_score(DAVE, CODE, SEAT_THRESHOLD);
		set_score(EVE, CODE, SEAT_THRESHOLD);
		assert_ok!(Constitution::unseat(seating(), ALICE));
		assert_ok!(Constitution::seat(seating(), DAVE));
		assert_ok!(Constitution::seat(seating(), EVE));
		for _ in 0..3 {
			cast_ballot(DAVE, council_poll());
			cast_ballot(EVE, council_poll());
		}
		cast_ballot(BOB, council_poll());
		run_to(1 + TERM);
		// At most MAX_BALLOTS (4) ballots per purge: DAVE's 3, then 1 of EVE's, whose seat
		// stays until its other ballots are removed.
		assert_ok!(Constitution::purge_expired_seats(signed(ALICE)));
		let events = constitution_events();
		assert!(events.contains(&Event::CouncilBallotsRemoved { who: DAVE, count: 3 }));
		assert!(events.contains(&Event::CouncilBallotsRemoved { who: EVE, count: 1 }));
		assert!(events.contains(&Event::SeatLapsed { who: DAVE }));
		assert!(!events.contains(&Event::SeatLapsed { who: EVE }));
		assert_eq!(Seats::<Test>::get().len(), 3);
		assert_ok!(Constitution::purge_expired_seats(signed(ALICE)));
		assert_eq!(last_event(), Event::SeatLapsed { who: EVE });
		assert_eq!(Seats::<Test>::get().len(), 2);
		// Only the sitting member's ballot is left.
		assert_eq!(CouncilBallotLog::get().len(), 1);
		assert_eq!(CouncilBallotLog::get()[0].0, BOB);
		assert_noop!(
			Constitution::purge_expired_seats(signed(ALICE)),
			Error::<Test>::NothingToPurge
		);
	});
}

#[test]
fn seat_rules_are_set_by_amendment() {
	ExtBuilder::default().build_and_execute(|| {
		let rules = |max_seats, term| SeatRules {
			max_seats,
			term,
			thresholds: SeatThresholds::truncate_from(vec![(CODE, 1), (1, 2)]),
		};
		assert_noop!(
			Constitution::set_seat_rules(class_origin(AMENDMENT), rules(5, TERM)),
			Error::<Test>::InvalidSeatRules
		);
		assert_noop!(
			Constitution::set_seat_rules(class_origin(AMENDMENT), rules(4, 0)),
			Error::<Test>::InvalidSeatRules
		);
		assert_noop!(
			Constitution::set_seat_rules(class_origin(AMENDMENT), rules(2, TERM)),
			Error::<Test>::SeatsAboveLimit
		);
		assert_noop!(Constitution::set_seat_rules(seating(), rules(3, TERM)), BadOrigin);
		assert_ok!(Constitution::set_seat_rules(class_origin(AMENDMENT), rules(3, 7)));
		assert_eq!(CouncilSeatRules::<Test>::get(), rules(3, 7));
		assert_eq!(last_event(), Event::SeatRulesSet { rules: rules(3, 7) });
		// Now every seat is taken.
		set_score(DAVE, CODE, 1);
		set_score(DAVE, 1, 2);
		assert_noop!(Constitution::seat(seating(), DAVE), Error::<Test>::SeatsFull);
	});
}

// -------------------------------------------------------------------------------------------
// Conflicts of interest.
// -------------------------------------------------------------------------------------------

/// An ongoing council poll (of the emergency-ratification class) the pallet did not open.
fn council_poll() -> u32 {
	open_other_poll(RawOrigin::House { class: EMERGENCY_RATIFICATION, kind: kinds::COUNCIL })
}

#[test]
fn a_declared_conflict_recuses_the_member() {
	ExtBuilder::default().build_and_execute(|| {
		let poll = council_poll();
		assert_ok!(Constitution::declare_conflict(signed(ALICE), poll));
		assert_eq!(RecusalLog::get(), vec![(ALICE, poll)]);
		assert_eq!(last_event(), Event::ConflictDeclared { member: ALICE, poll });
		assert_noop!(
			Constitution::declare_conflict(signed(ALICE), poll),
			DispatchError::Other("Recused")
		);
		assert_noop!(Constitution::declare_conflict(signed(DAVE), poll), Error::<Test>::NotMember);
		let community_poll =
			open_other_poll(RawOrigin::House { class: MEDIUM_SPEND, kind: kinds::COMMUNITY });
		assert_noop!(
			Constitution::declare_conflict(signed(BOB), community_poll),
			DispatchError::Other("NotCouncilPoll")
		);
		assert_noop!(Constitution::declare_conflict(RuntimeOrigin::root(), poll), BadOrigin);
	});
}

/// EVE challenges BOB's conflict on a council poll; returns (poll, challenge, challenge poll).
fn challenge_bob() -> (u32, u32, u32) {
	let poll = council_poll();
	let challenge = crate::NextChallengeId::<Test>::get();
	assert_ok!(Constitution::challenge_conflict(signed(EVE), poll, BOB, H256::repeat_byte(7)));
	let challenge_poll = Challenges::<Test>::get(challenge).unwrap().challenge_poll;
	assert_eq!(
		last_event(),
		Event::ConflictChallenged {
			challenge,
			challenger: EVE,
			member: BOB,
			poll,
			evidence: H256::repeat_byte(7),
			challenge_poll,
		}
	);
	let opened = crate::mock::poll(challenge_poll);
	assert_eq!(opened.origin, RawOrigin::House { class: CONFLICT_CHALLENGE, kind: kinds::COUNCIL });
	assert_eq!(opened.payer, EVE);
	// The council decides without the member.
	assert!(RecusalLog::get().contains(&(BOB, challenge_poll)));
	assert_eq!(held(EVE, HoldReason::Challenge), CHALLENGE_DEPOSIT);
	assert_eq!(ClassUsage::<Test>::get(CONFLICT_CHALLENGE), 1);
	(poll, challenge, challenge_poll)
}

#[test]
fn an_upheld_challenge_recuses_and_slashes_the_member() {
	ExtBuilder::default().build_and_execute(|| {
		let (poll, challenge, challenge_poll) = challenge_bob();
		assert_ok!(approve(challenge_poll));
		assert_eq!(
			last_event(),
			Event::ChallengeUpheld {
				challenge,
				member: BOB,
				poll,
				recused: true,
				slashed: SLASHED_POINTS
			}
		);
		assert!(RecusalLog::get().contains(&(BOB, poll)));
		assert_eq!(
			SlashLog::get(),
			vec![(BOB, None, Perbill::from_percent(10), H256::repeat_byte(7))]
		);
		assert_eq!(balance(EVE), FUNDS);
		assert_eq!(held(EVE, HoldReason::Challenge), 0);
		assert!(Challenges::<Test>::get(challenge).is_none());
		assert!(ChallengeIndex::<Test>::get(poll, BOB).is_none());
		assert_eq!(ClassUsage::<Test>::get(CONFLICT_CHALLENGE), 0);
	});
}

#[test]
fn a_challenge_upheld_after_the_poll_ended_does_not_slash() {
	ExtBuilder::default().build_and_execute(|| {
		let (poll, challenge, challenge_poll) = challenge_bob();
		reject(poll);
		set_outcome(challenge_poll, PollOutcome::Approved);
		assert_ok!(Constitution::advance_challenge(signed(ALICE), challenge));
		// The recusal cannot take effect any more: no slash.
		assert_eq!(
			last_event(),
			Event::ChallengeUpheld { challenge, member: BOB, poll, recused: false, slashed: 0 }
		);
		assert!(SlashLog::get().is_empty());
		assert_eq!(balance(EVE), FUNDS);
	});
}

#[test]
fn an_upheld_challenge_slashes_at_most_once_per_member_and_poll() {
	ExtBuilder::default().build_and_execute(|| {
		let (poll, _, challenge_poll) = challenge_bob();
		assert_ok!(approve(challenge_poll));
		assert_eq!(SlashLog::get().len(), 1);
		// Recused now, BOB cannot be challenged on the poll again.
		assert_noop!(
			Constitution::challenge_conflict(signed(DAVE), poll, BOB, H256::repeat_byte(8)),
			Error::<Test>::AlreadyRecused
		);
		// A member who recuses itself before the challenge is upheld is not slashed.
		let (poll, challenge, challenge_poll) = challenge_bob();
		assert_ok!(Constitution::declare_conflict(signed(BOB), poll));
		assert_ok!(approve(challenge_poll));
		assert_eq!(
			last_event(),
			Event::ChallengeUpheld { challenge, member: BOB, poll, recused: false, slashed: 0 }
		);
		assert_eq!(SlashLog::get().len(), 1);
	});
}

#[test]
fn a_challenge_needs_an_ongoing_council_poll() {
	ExtBuilder::default().build_and_execute(|| {
		let evidence = H256::repeat_byte(7);
		let challenge =
			|poll: u32| Constitution::challenge_conflict(signed(EVE), poll, BOB, evidence);
		// The attack: a challenge about a poll that does not exist (one per unused index).
		assert_noop!(challenge(77), Error::<Test>::UnknownPoll);
		assert_noop!(challenge(NextPollIndex::get()), Error::<Test>::UnknownPoll);
		// Finished polls.
		let rejected = council_poll();
		reject(rejected);
		assert_noop!(challenge(rejected), Error::<Test>::PollNotOngoing);
		let approved = council_poll();
		set_outcome(approved, PollOutcome::Approved);
		assert_noop!(challenge(approved), Error::<Test>::PollNotOngoing);
		// Polls of the community.
		let community =
			open_other_poll(RawOrigin::House { class: MEDIUM_SPEND, kind: kinds::COMMUNITY });
		assert_noop!(challenge(community), Error::<Test>::NotCouncilPoll);
		let appeal = open_other_poll(RawOrigin::House { class: RELEASE_GATE, kind: kinds::REVIEW });
		assert_noop!(challenge(appeal), Error::<Test>::NotCouncilPoll);
		assert_eq!(held(EVE, HoldReason::Challenge), 0);
		assert!(SlashLog::get().is_empty());
		// A veto poll is the council's: it can be challenged.
		let veto = open_other_poll(RawOrigin::House { class: BIG_SPEND, kind: kinds::REVIEW });
		assert_ok!(challenge(veto));
	});
}

#[test]
fn the_challenge_class_keeps_a_majority_support_floor() {
	ExtBuilder::default().build_and_execute(|| {
		let info = dev_class(CONFLICT_CHALLENGE);
		assert_eq!(
			info.council.as_ref().unwrap().min_support.minimum(),
			Perbill::from_rational(2u32, 3u32)
		);
		let mut info = dev_class(CONFLICT_CHALLENGE);
		info.council.as_mut().unwrap().min_support =
			ThresholdCurve::flat(Perbill::from_percent(50));
		assert_noop!(
			Constitution::amend_class(class_origin(AMENDMENT), CONFLICT_CHALLENGE, info),
			Error::<Test>::EntrenchedClass
		);
		let mut info = dev_class(CONFLICT_CHALLENGE);
		info.council.as_mut().unwrap().min_support =
			ThresholdCurve::linear(Perbill::one(), Perbill::zero());
		assert_noop!(
			Constitution::amend_class(class_origin(AMENDMENT), CONFLICT_CHALLENGE, info),
			Error::<Test>::EntrenchedClass
		);
	});
}

#[test]
fn a_rejected_challenge_slashes_the_challenger() {
	ExtBuilder::default().build_and_execute(|| {
		let (poll, challenge, challenge_poll) = challenge_bob();
		assert_noop!(
			Constitution::advance_challenge(signed(ALICE), challenge),
			Error::<Test>::NotReady
		);
		reject(challenge_poll);
		assert_ok!(Constitution::advance_challenge(signed(ALICE), challenge));
		assert_eq!(
			last_event(),
			Event::ChallengeRejected { challenge, challenger: EVE, slashed: CHALLENGE_DEPOSIT }
		);
		assert_eq!(balance(EVE), FUNDS - CHALLENGE_DEPOSIT);
		assert_eq!(balance(TREASURY), CHALLENGE_DEPOSIT);
		assert!(!RecusalLog::get().contains(&(BOB, poll)));
		assert!(SlashLog::get().is_empty());
	});
}

#[test]
fn an_undecided_challenge_expires() {
	ExtBuilder::default().build_and_execute(|| {
		let (_, challenge, challenge_poll) = challenge_bob();
		run_to(MAX_DECISION_AGE);
		assert_noop!(
			Constitution::advance_challenge(signed(ALICE), challenge),
			Error::<Test>::NotReady
		);
		run_to(1 + MAX_DECISION_AGE);
		assert_ok!(Constitution::advance_challenge(signed(ALICE), challenge));
		assert_eq!(last_event(), Event::ChallengeExpired { challenge });
		assert_eq!(CancelledPolls::get(), vec![challenge_poll]);
		assert_eq!(balance(EVE), FUNDS);
	});
}

#[test]
fn challenges_fail_with_a_named_error() {
	ExtBuilder::default().build_and_execute(|| {
		let evidence = H256::repeat_byte(7);
		let poll = council_poll();
		assert_noop!(
			Constitution::challenge_conflict(signed(EVE), poll, DAVE, evidence),
			Error::<Test>::NotMember
		);
		assert_noop!(
			Constitution::challenge_conflict(signed(POOR), poll, BOB, evidence),
			TokenError::FundsUnavailable
		);
		assert_ok!(Constitution::declare_conflict(signed(ALICE), poll));
		assert_noop!(
			Constitution::challenge_conflict(signed(EVE), poll, ALICE, evidence),
			Error::<Test>::AlreadyRecused
		);
		let (poll, challenge, _) = challenge_bob();
		assert_noop!(
			Constitution::challenge_conflict(signed(DAVE), poll, BOB, evidence),
			Error::<Test>::AlreadyChallenged
		);
		assert_noop!(
			Constitution::advance_challenge(signed(ALICE), 99),
			Error::<Test>::UnknownChallenge
		);
		// Only the challenge class's council polls record challenges, once approved.
		assert_noop!(Constitution::record_challenge(signed(ALICE), challenge), BadOrigin);
		assert_noop!(
			Constitution::record_challenge(
				house(EMERGENCY_RATIFICATION, PollKind::Council),
				challenge
			),
			BadOrigin
		);
		assert_noop!(
			Constitution::record_challenge(
				house(CONFLICT_CHALLENGE, PollKind::Community),
				challenge
			),
			BadOrigin
		);
		assert_noop!(
			Constitution::record_challenge(house(CONFLICT_CHALLENGE, PollKind::Council), challenge),
			Error::<Test>::PollNotApproved
		);
		assert_noop!(
			Constitution::record_challenge(house(CONFLICT_CHALLENGE, PollKind::Council), 99),
			Error::<Test>::UnknownChallenge
		);
		assert_noop!(Constitution::advance_challenge(RuntimeOrigin::root(), challenge), BadOrigin);
		// Only seated members can be challenged.
		assert_ok!(Constitution::unseat(seating(), CHARLIE));
		assert_noop!(
			Constitution::challenge_conflict(signed(EVE), poll, CHARLIE, evidence),
			Error::<Test>::NotMember
		);
	});
}

#[test]
fn class_info_helpers_describe_the_tracks() {
	ExtBuilder::default().build_and_execute(|| {
		let classes = crate::presets::development_classes::<u64, u64>(1);
		let info: &ClassInfo<u64, u64> = &classes[RUNTIME_UPGRADE as usize].1;
		assert_eq!(
			info.track_kinds(),
			vec![PollKind::Council, PollKind::Community, PollKind::Override]
		);
		assert_eq!(
			classes[BIG_SPEND as usize].1.track_kinds(),
			vec![PollKind::Community, PollKind::Review]
		);
		assert_eq!(
			classes[RELEASE_GATE as usize].1.track_kinds(),
			vec![PollKind::Council, PollKind::Review]
		);
		assert_eq!(info.scheme_of(kinds::OVERRIDE), Some(Scheme::Token));
		let community: &CommunityTrack<u64, u64> = info.community.as_ref().unwrap();
		assert_eq!(community.scheme, CommunityScheme::Token);
		assert!(ThresholdCurve::flat(Perbill::from_percent(60)).is_valid());
		assert_eq!(
			ThresholdCurve::linear(Perbill::one(), Perbill::from_percent(50))
				.floored(Perbill::from_percent(70))
				.minimum(),
			Perbill::from_percent(70)
		);
	});
}

// -------------------------------------------------------------------------------------------
// Holds (the guardians' provisional cancellations).
// -------------------------------------------------------------------------------------------

#[test]
fn a_held_decision_cannot_move_until_resumed() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(DAVE, MEDIUM_SPEND);
		let community = polls_of(id).community.unwrap();
		assert_ok!(Constitution::hold_decision(id));
		assert!(Constitution::is_on_hold(id));
		assert_eq!(last_event(), Event::DecisionHeld { decision: id });
		// The poll is approved meanwhile: its proposal cannot record it, nor can `advance`.
		set_outcome(community, PollOutcome::Approved);
		assert_noop!(
			Constitution::record_outcome(house(MEDIUM_SPEND, kinds::COMMUNITY), id),
			Error::<Test>::DecisionOnHold
		);
		assert_noop!(Constitution::advance(signed(EVE), id), Error::<Test>::DecisionOnHold);
		assert!(EnactedCalls::get().is_empty());
		run_to(11);
		assert_ok!(Constitution::resume_decision(id));
		assert_eq!(last_event(), Event::DecisionResumed { decision: id, held_for: 10 });
		assert!(OnHold::<Test>::get(id).is_none());
		// The approval is read once the hold ends.
		assert_ok!(Constitution::advance(signed(EVE), id));
		assert_eq!(last_event(), closed(id, MEDIUM_SPEND, Outcome::Enacted { at: 12 }));
	});
}

#[test]
fn a_confirmed_hold_rejects_the_decision_and_cancels_its_polls() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(DAVE, RUNTIME_UPGRADE);
		let polls = polls_of(id);
		assert_ok!(Constitution::hold_decision(id));
		assert_ok!(Constitution::cancel_held_decision(id));
		assert_eq!(last_event(), closed(id, RUNTIME_UPGRADE, Outcome::Rejected));
		assert!(Decisions::<Test>::get(id).is_none());
		assert!(OnHold::<Test>::get(id).is_none());
		assert_eq!(CancelledPolls::get(), vec![polls.council.unwrap(), polls.community.unwrap()]);
		assert_eq!(held(DAVE, HoldReason::Decision), 0);
	});
}

#[test]
fn the_time_on_hold_does_not_count_towards_expiry() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(DAVE, MEDIUM_SPEND);
		assert_ok!(Constitution::hold_decision(id));
		run_to(101);
		assert_ok!(Constitution::resume_decision(id));
		assert_eq!(Decisions::<Test>::get(id).unwrap().created, 101);
		run_to(1 + MAX_DECISION_AGE);
		assert_noop!(Constitution::advance(signed(EVE), id), Error::<Test>::NotReady);
		run_to(101 + MAX_DECISION_AGE);
		assert_ok!(Constitution::advance(signed(EVE), id));
		assert_eq!(last_event(), closed(id, MEDIUM_SPEND, Outcome::Expired));
	});
}

#[test]
fn holds_fail_with_a_named_error() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Constitution::hold_decision(99), Error::<Test>::UnknownDecision);
		// The amendment class (which changes the guardians) and the ratification class (which
		// oversees them) are never held.
		let amendment = propose(DAVE, AMENDMENT);
		assert_noop!(Constitution::hold_decision(amendment), Error::<Test>::NotHoldable);
		let ratification = propose(DAVE, EMERGENCY_RATIFICATION);
		assert_noop!(Constitution::hold_decision(ratification), Error::<Test>::NotHoldable);
		let id = propose(DAVE, MEDIUM_SPEND);
		assert_noop!(Constitution::cancel_held_decision(id), Error::<Test>::NotOnHold);
		assert_ok!(Constitution::hold_decision(id));
		assert_noop!(Constitution::hold_decision(id), Error::<Test>::AlreadyOnHold);
		// Resuming a decision that is not held does nothing.
		assert_ok!(Constitution::resume_decision(amendment));
		assert!(Decisions::<Test>::get(amendment).is_some());
	});
}

// -------------------------------------------------------------------------------------------
// Caps: Root belongs to the runtime-upgrade class, the amendment floor, pinned preimages.
// -------------------------------------------------------------------------------------------

fn authorize_upgrade() -> BoundedCallOf<Test> {
	inline(RuntimeCall::System(frame_system::Call::authorize_upgrade {
		code_hash: H256::repeat_byte(3),
	}))
}

fn force_set_balance() -> BoundedCallOf<Test> {
	inline(RuntimeCall::Balances(pallet_balances::Call::force_set_balance {
		who: EVE,
		new_free: 1,
	}))
}

/// DAVE proposes `call` in the runtime-upgrade class; the community approves it, the council
/// rejects it, and after the mediation the community's override poll approves it.
fn overridden_upgrade(call: BoundedCallOf<Test>) -> DecisionId {
	let id = NextDecisionId::<Test>::get();
	assert_ok!(Constitution::propose(signed(DAVE), RUNTIME_UPGRADE, call));
	let polls = polls_of(id);
	assert_ok!(approve(polls.community.unwrap()));
	reject(polls.council.unwrap());
	assert_ok!(Constitution::advance(signed(EVE), id));
	run_to(System::block_number() + 10);
	assert_ok!(Constitution::advance(signed(EVE), id));
	assert_ok!(approve(polls_of(id).extra.unwrap()));
	id
}

#[test]
fn the_override_alone_enacts_nothing_but_an_upgrade_authorization() {
	ExtBuilder::default().build_and_execute(|| {
		let id = overridden_upgrade(force_set_balance());
		assert!(constitution_events().contains(&Event::Overridden { decision: id }));
		assert_eq!(last_event(), closed(id, RUNTIME_UPGRADE, Outcome::Refused));
		assert!(EnactedCalls::get().is_empty());
		assert!(Decisions::<Test>::get(id).is_none());
		assert_eq!(ClassUsage::<Test>::get(RUNTIME_UPGRADE), 0);
		// The proposer's deposit is returned; the poll deposits are the polls' own.
		assert_eq!(held(DAVE, HoldReason::Decision), 0);
		assert_eq!(balance(DAVE), FUNDS);

		// A call by hash too long to be an upgrade authorization is refused unread.
		let id = overridden_upgrade(Bounded::Lookup { hash: H256::repeat_byte(4), len: 200 });
		assert_eq!(last_event(), closed(id, RUNTIME_UPGRADE, Outcome::Refused));
		assert!(EnactedCalls::get().is_empty());

		// The upgrade path itself is enacted, as Root.
		let id = overridden_upgrade(authorize_upgrade());
		assert!(matches!(last_event(), Event::DecisionClosed { decision, outcome: Outcome::Enacted { .. }, .. } if decision == id));
		assert_eq!(EnactedCalls::get().len(), 1);
		assert_eq!(EnactedCalls::get()[0].3, authorize_upgrade());
	});
}

#[test]
fn with_both_houses_the_upgrade_class_enacts_any_call() {
	ExtBuilder::default().build_and_execute(|| {
		let id = NextDecisionId::<Test>::get();
		assert_ok!(Constitution::propose(signed(DAVE), RUNTIME_UPGRADE, force_set_balance()));
		let polls = polls_of(id);
		assert_ok!(approve(polls.council.unwrap()));
		assert_ok!(approve(polls.community.unwrap()));
		assert_eq!(last_event(), closed(id, RUNTIME_UPGRADE, Outcome::Enacted { at: 2 }));
		assert_eq!(
			EnactedCalls::get(),
			vec![(2, RUNTIME_UPGRADE, DispatchAs::Root, force_set_balance())]
		);
	});
}

#[test]
fn only_the_upgrade_class_dispatches_as_root() {
	ExtBuilder::default().build_and_execute(|| {
		let amend = |class: ClassId, info: ClassInfoOf<Test>| {
			Constitution::amend_class(class_origin(AMENDMENT), class, info)
		};
		for class in [MEDIUM_SPEND, BIG_SPEND, RELEASE_GATE, PARAMETER_CHANGE] {
			let mut info = dev_class(class);
			info.dispatch = DispatchAs::Root;
			assert_noop!(amend(class, info), Error::<Test>::RootReserved);
		}
		let mut info = council_class("root-council");
		info.dispatch = DispatchAs::Root;
		assert_noop!(amend(11, info), Error::<Test>::RootReserved);

		// The upgrade class stays two houses in concurrence.
		let mut info = dev_class(RUNTIME_UPGRADE);
		info.houses = Houses::CommunityOnly;
		info.council = None;
		info.override_rule = None;
		assert_noop!(amend(RUNTIME_UPGRADE, info), Error::<Test>::EntrenchedClass);
		let mut info = dev_class(RUNTIME_UPGRADE);
		info.rule = JointRule::CouncilWithCommunityAppeal { window: 5 };
		info.override_rule = None;
		assert_noop!(amend(RUNTIME_UPGRADE, info), Error::<Test>::EntrenchedClass);
		// Within its entrenchment it can be amended.
		let mut info = dev_class(RUNTIME_UPGRADE);
		info.enactment_delay = 5;
		assert_ok!(amend(RUNTIME_UPGRADE, info.clone()));
		assert_eq!(Classes::<Test>::get(RUNTIME_UPGRADE), Some(info));
	});
}

#[test]
fn the_amendment_class_cannot_go_below_its_approval_floor() {
	ExtBuilder::default().build_and_execute(|| {
		let amend = |info: ClassInfoOf<Test>| {
			Constitution::amend_class(class_origin(AMENDMENT), AMENDMENT, info)
		};
		// The attack: a simple majority at the end of the community's curve.
		let mut info = dev_class(AMENDMENT);
		info.community.as_mut().unwrap().track.min_approval =
			ThresholdCurve::linear(Perbill::one(), Perbill::from_percent(50));
		assert_noop!(amend(info), Error::<Test>::AmendmentBelowFloor);
		// Or a stepped council curve ending at 60 %.
		let mut info = dev_class(AMENDMENT);
		info.council.as_mut().unwrap().min_approval = ThresholdCurve::SteppedDecreasing {
			begin: Perbill::one(),
			end: Perbill::from_percent(60),
			step: Perbill::from_percent(10),
			period: Perbill::from_percent(10),
		};
		assert_noop!(amend(info), Error::<Test>::AmendmentBelowFloor);
		// Raising it is allowed.
		let mut info = dev_class(AMENDMENT);
		info.council.as_mut().unwrap().min_approval =
			ThresholdCurve::flat(Perbill::from_percent(75));
		assert_ok!(amend(info.clone()));
		assert_eq!(Classes::<Test>::get(AMENDMENT), Some(info));
		// Other classes may go down to a simple majority.
		let mut info = dev_class(MEDIUM_SPEND);
		info.community.as_mut().unwrap().track.min_approval =
			ThresholdCurve::flat(Perbill::from_percent(50));
		assert_ok!(Constitution::amend_class(class_origin(AMENDMENT), MEDIUM_SPEND, info));
	});
}

#[test]
fn a_decision_by_hash_pins_its_preimage_until_it_closes() {
	use frame_support::traits::QueryPreimage;
	use sp_runtime::traits::Hash;
	ExtBuilder::default().build_and_execute(|| {
		let call = RuntimeCall::System(frame_system::Call::remark { remark: vec![1; 300] });
		let encoded = call.encode();
		let hash = <Test as frame_system::Config>::Hashing::hash(&encoded);
		let bounded = BoundedCallOf::<Test>::Lookup { hash, len: encoded.len() as u32 };
		assert_ok!(Preimage::note_preimage(signed(EVE), encoded));
		assert!(!<Preimage as QueryPreimage>::is_requested(&hash));

		let id = NextDecisionId::<Test>::get();
		assert_ok!(Constitution::propose(signed(DAVE), MEDIUM_SPEND, bounded.clone()));
		assert!(<Preimage as QueryPreimage>::is_requested(&hash));
		// The noter can take its deposit back, but not the preimage: it stays while the
		// decision is open.
		assert_ok!(Preimage::unnote_preimage(signed(EVE), hash));
		assert!(<Preimage as QueryPreimage>::have(&bounded));
		assert_noop!(
			Preimage::unnote_preimage(signed(EVE), hash),
			pallet_preimage::Error::<Test>::NotAuthorized
		);

		// The decision closes: the request is dropped (and the preimage, now unowned, cleared).
		reject(polls_of(id).community.unwrap());
		assert_ok!(Constitution::advance(signed(EVE), id));
		assert_eq!(last_event(), closed(id, MEDIUM_SPEND, Outcome::Rejected));
		assert!(!<Preimage as QueryPreimage>::is_requested(&hash));
		assert!(!<Preimage as QueryPreimage>::have(&bounded));
	});
}

#[test]
fn an_enacted_decision_by_hash_drops_its_own_request() {
	use frame_support::traits::QueryPreimage;
	use sp_runtime::traits::Hash;
	ExtBuilder::default().build_and_execute(|| {
		let encoded =
			RuntimeCall::System(frame_system::Call::remark { remark: vec![2; 300] }).encode();
		let hash = <Test as frame_system::Config>::Hashing::hash(&encoded);
		let bounded = BoundedCallOf::<Test>::Lookup { hash, len: encoded.len() as u32 };
		assert_ok!(Preimage::note_preimage(signed(EVE), encoded));
		let id = NextDecisionId::<Test>::get();
		assert_ok!(Constitution::propose(signed(DAVE), MEDIUM_SPEND, bounded.clone()));
		assert_ok!(approve(polls_of(id).community.unwrap()));
		assert_eq!(last_event(), closed(id, MEDIUM_SPEND, Outcome::Enacted { at: 2 }));
		// Unrequested again: the noter owns it (the scheduler requests it in the runtime).
		assert!(!<Preimage as QueryPreimage>::is_requested(&hash));
		assert!(<Preimage as QueryPreimage>::have(&bounded));
	});
}

#[test]
#[should_panic(expected = "invalid constitution genesis")]
fn a_genesis_giving_root_to_another_class_is_refused() {
	let mut classes = crate::presets::development_classes::<u64, u64>(1);
	for (class, info) in classes.iter_mut() {
		if *class == MEDIUM_SPEND {
			info.dispatch = DispatchAs::Root;
		}
	}
	let _ = ExtBuilder::default().classes(classes).build();
}
