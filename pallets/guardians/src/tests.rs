//! Unit tests of the guardians pallet against the mock: each call's effects and events, an
//! `assert_noop!` test per error, and the guarantees (no renewal without ratification, holds
//! that lapse, a table that cannot be jammed, lifts only by a sitting guardian, lapses that
//! never release what governance set). The invariants are checked after every test.

#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::Hooks, BoundedVec};
use sp_core::H256;
use sp_runtime::DispatchError;

type Error = crate::Error<Test>;
type Event = crate::Event<Test>;

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn reason() -> H256 {
	H256::repeat_byte(7)
}

/// `guardian` takes `measure` for `duration` blocks; returns its id.
fn take(guardian: u64, measure: Measure<u64, u32>, duration: u64) -> MeasureId {
	let id = NextMeasureId::<Test>::get();
	assert_ok!(Guardians::take_measure(signed(guardian), measure, reason(), duration));
	id
}

fn set(guardians: Vec<u64>, mandate_end: u64) {
	assert_ok!(Guardians::set_guardians(
		RuntimeOrigin::root(),
		BoundedVec::truncate_from(guardians),
		mandate_end
	));
}

#[test]
fn each_measure_is_taken_and_ends_at_its_end() {
	new_test_ext(|| {
		let artifact = take(G1, Measure::SuspendArtifact(7), 10);
		let safe = take(G1, Measure::SafeMode, 5);
		let paused = take(G2, pause(b"Proxy", b"add_proxy"), 5);
		let held = take(G3, Measure::HoldDecision(3), 8);
		assert_eq!(Suspensions::get().get(&7), Some(&11));
		assert_eq!(SafeModeUntil::get(), Some(6));
		assert!(MockBrakes::is_paused(b"Proxy", b"add_proxy"));
		assert!(Held::get().contains(&3));
		assert_eq!(Measures::<Test>::count(), 4);
		assert_eq!(MeasuresOf::<Test>::get(G1), 2);
		assert_eq!(HoldsUsed::<Test>::get(G3), 1);
		assert!(events().contains(&Event::MeasureTaken {
			id: artifact,
			guardian: G1,
			measure: Measure::SuspendArtifact(7),
			reason: reason(),
			expires: 11,
		}));
		run_to(6);
		assert_eq!(SafeModeUntil::get(), None);
		assert!(!MockBrakes::is_paused(b"Proxy", b"add_proxy"));
		assert!(events().contains(&Event::MeasureLapsed {
			id: safe,
			measure: Measure::SafeMode,
			release: Release::EndsByItself,
		}));
		assert!(events().contains(&Event::MeasureLapsed {
			id: paused,
			measure: pause(b"Proxy", b"add_proxy"),
			release: Release::Released,
		}));
		run_to(9);
		assert_eq!(Resumed::get(), vec![3]);
		assert!(Measures::<Test>::get(held).is_none());
		run_to(11);
		assert!(Suspensions::get().is_empty());
		assert!(Measures::<Test>::get(artifact).is_none());
		assert_eq!(Measures::<Test>::count(), 0);
		assert_eq!(MeasuresOf::<Test>::get(G1), 0);
	});
}

#[test]
fn take_measure_fails_with_a_named_error() {
	new_test_ext(|| {
		let m = Measure::SuspendArtifact(1);
		let t = |who, m, d| Guardians::take_measure(signed(who), m, reason(), d);
		assert_noop!(t(OUTSIDER, m.clone(), 5), Error::NotGuardian);
		assert_noop!(t(G1, m.clone(), 0), Error::ZeroDuration);
		assert_noop!(t(G1, m.clone(), MAX_DURATION + 1), Error::MeasureTooLong);
		assert_noop!(t(G1, pause(b"", b"x"), 5), Error::EmptyCallName);
		assert_noop!(t(G1, pause(b"Proxy", b""), 5), Error::EmptyCallName);
		take(G1, m.clone(), 5);
		assert_noop!(t(G2, m.clone(), 5), Error::MeasureActive);
		// Two measures per guardian.
		take(G1, Measure::SuspendArtifact(2), 5);
		assert_noop!(t(G1, Measure::SuspendArtifact(3), 5), Error::GuardianLimitReached);
		// At most two measures end at the same block.
		take(G2, Measure::SuspendArtifact(4), 6);
		take(G3, Measure::SuspendArtifact(5), 6);
		assert_noop!(t(G2, Measure::SuspendArtifact(6), 5), Error::TooManyExpiries);
		// A brake governance engaged.
		assert_ok!(MockBrakes::suspend_artifact(&9, 100));
		assert_noop!(t(G3, Measure::SuspendArtifact(9), 5), Error::AlreadyEngaged);
		// A decision that may not be held: the decisions' own error.
		assert_noop!(
			t(G3, Measure::HoldDecision(UNHOLDABLE), 3),
			DispatchError::Other("not holdable")
		);
		// Identifiers run out.
		NextMeasureId::<Test>::put(MeasureId::MAX);
		assert_noop!(t(G3, Measure::SafeMode, 7), Error::Overflow);
		// The mandate ends.
		run_to(MANDATE_END);
		assert_noop!(t(G3, Measure::SafeMode, 5), Error::MandateEnded);
	});
}

#[test]
fn the_table_fills_only_with_measures_of_former_guardians() {
	new_test_ext(|| {
		for (i, g) in [G1, G2, G3].into_iter().enumerate() {
			take(g, Measure::SuspendArtifact(i as u64), 5 + i as u64);
			take(g, Measure::SuspendArtifact(10 + i as u64), 10 + i as u64);
		}
		// Every guardian used its own share; nobody took another's.
		set(vec![OUTSIDER], MANDATE_END);
		assert_noop!(
			Guardians::take_measure(signed(OUTSIDER), Measure::SafeMode, reason(), 5),
			Error::TooManyMeasures
		);
	});
}

#[test]
fn a_guardian_cannot_renew_its_measure_by_lifting_and_retaking() {
	new_test_ext(|| {
		let id = take(G1, Measure::SafeMode, 10);
		assert_ok!(Guardians::lift_measure(signed(G1), id));
		assert_eq!(SafeModeUntil::get(), None);
		assert!(events()
			.contains(&Event::CooldownStarted { measure: Measure::SafeMode, until: 1 + COOLDOWN }));
		// Neither the same guardian nor another may take it again during the cooldown.
		for g in [G1, G2] {
			assert_noop!(
				Guardians::take_measure(signed(g), Measure::SafeMode, reason(), 10),
				Error::CoolingDown
			);
		}
		run_to(1 + COOLDOWN);
		take(G2, Measure::SafeMode, 10);
	});
}

#[test]
fn a_guardian_cannot_retake_a_measure_the_block_it_lapses() {
	new_test_ext(|| {
		let paused = pause(b"Proxy", b"add_proxy");
		take(G1, paused.clone(), MAX_DURATION);
		run_to(1 + MAX_DURATION);
		assert!(!MockBrakes::is_paused(b"Proxy", b"add_proxy"));
		assert_noop!(
			Guardians::take_measure(signed(G2), paused.clone(), reason(), MAX_DURATION),
			Error::CoolingDown
		);
		run_to(1 + MAX_DURATION + COOLDOWN - 1);
		assert_noop!(
			Guardians::take_measure(signed(G1), paused.clone(), reason(), MAX_DURATION),
			Error::CoolingDown
		);
		run_to(1 + MAX_DURATION + COOLDOWN);
		take(G1, paused, MAX_DURATION);
		assert!(Cooldowns::<Test>::get(pause(b"Proxy", b"add_proxy")).is_none());
	});
}

#[test]
fn only_the_ratification_class_extends_and_no_cooldown_follows() {
	new_test_ext(|| {
		let id = take(G1, Measure::SuspendArtifact(7), 10);
		assert_ok!(Guardians::ratify_measure(signed(RATIFIER), id, MAX_EXTENSION));
		assert_eq!(Measures::<Test>::get(id).unwrap().expires, 11 + MAX_EXTENSION);
		assert_eq!(Suspensions::get().get(&7), Some(&(11 + MAX_EXTENSION)));
		assert!(events().contains(&Event::MeasureRatified { id, expires: 11 + MAX_EXTENSION }));
		assert_noop!(
			Guardians::ratify_measure(signed(G1), id, MAX_EXTENSION),
			DispatchError::BadOrigin
		);
		run_to(11 + MAX_EXTENSION);
		assert!(Suspensions::get().is_empty());
		assert!(Cooldowns::<Test>::get(Measure::SuspendArtifact(7)).is_none());
		take(G2, Measure::SuspendArtifact(7), 10);
	});
}

#[test]
fn ratify_measure_fails_with_a_named_error() {
	new_test_ext(|| {
		let r = |id, ext| Guardians::ratify_measure(signed(RATIFIER), id, ext);
		assert_noop!(r(0, 5), Error::UnknownMeasure);
		let hold = take(G1, Measure::HoldDecision(1), 10);
		assert_noop!(r(hold, 5), Error::NotExtendable);
		let id = take(G2, Measure::SafeMode, 10);
		assert_noop!(r(id, 0), Error::InvalidExtension);
		assert_noop!(r(id, MAX_EXTENSION + 1), Error::InvalidExtension);
		assert_ok!(r(id, 1));
		assert_ok!(r(id, 1));
		assert_noop!(r(id, 1), Error::TooManyRatifications);
		// Governance extended the artifact suspension itself: the brake is no longer the
		// measure's.
		let artifact = take(G3, Measure::SuspendArtifact(4), 10);
		assert_ok!(MockBrakes::suspend_artifact(&4, 100));
		assert_noop!(r(artifact, 5), Error::BrakeNotOwn);
		// Two measures ending at the same block.
		let a = take(G1, Measure::SuspendArtifact(5), 12);
		take(G2, pause(b"A", b"b"), 13);
		take(G3, pause(b"C", b"d"), 13);
		assert_noop!(r(a, 1), Error::TooManyExpiries);
	});
}

#[test]
fn only_a_sitting_guardian_lifts_its_own_unratified_measure() {
	new_test_ext(|| {
		let id = take(G1, Measure::SuspendArtifact(7), 10);
		assert_noop!(Guardians::lift_measure(signed(G2), id), Error::NoPermission);
		assert_noop!(Guardians::lift_measure(signed(G1), 99), Error::UnknownMeasure);
		assert_noop!(Guardians::lift_measure(RuntimeOrigin::root(), id), DispatchError::BadOrigin);
		// Removed from the guardians: it cannot lift any more.
		set(vec![G2, G3], MANDATE_END);
		assert_noop!(Guardians::lift_measure(signed(G1), id), Error::NotGuardian);
		// Mandate ended.
		let other = take(G2, Measure::SuspendArtifact(8), 10);
		set(vec![G2, G3], 3);
		run_to(3);
		assert_noop!(Guardians::lift_measure(signed(G2), other), Error::MandateEnded);
		// The ratification class lifts any measure.
		assert_ok!(Guardians::lift_measure(signed(RATIFIER), id));
		assert!(events().contains(&Event::MeasureLifted {
			id,
			measure: Measure::SuspendArtifact(7),
			by: Lifter::Governance,
			release: Release::Released,
		}));
		assert!(!Suspensions::get().contains_key(&7));
	});
}

#[test]
fn a_ratified_measure_is_lifted_only_by_the_ratification_class() {
	new_test_ext(|| {
		let id = take(G1, Measure::SafeMode, 10);
		assert_ok!(Guardians::ratify_measure(signed(RATIFIER), id, 5));
		assert_noop!(Guardians::lift_measure(signed(G1), id), Error::Ratified);
		assert_ok!(Guardians::lift_measure(signed(RATIFIER), id));
		assert_eq!(SafeModeUntil::get(), None);
		// A ratified measure leaves no cooldown.
		take(G2, Measure::SafeMode, 10);
	});
}

#[test]
fn lifting_or_lapsing_never_releases_what_governance_set() {
	new_test_ext(|| {
		// Governance suspended the artifact itself: no measure on it.
		assert_ok!(MockBrakes::suspend_artifact(&1, 50));
		assert_noop!(
			Guardians::take_measure(signed(G1), Measure::SuspendArtifact(1), reason(), 5),
			Error::AlreadyEngaged
		);
		// Governance extended a guardian's suspension: the guardian's lift leaves it.
		let id = take(G1, Measure::SuspendArtifact(2), 5);
		assert_ok!(MockBrakes::suspend_artifact(&2, 60));
		assert_ok!(Guardians::lift_measure(signed(G1), id));
		assert_eq!(Suspensions::get().get(&2), Some(&60));
		assert!(events().contains(&Event::MeasureLifted {
			id,
			measure: Measure::SuspendArtifact(2),
			by: Lifter::Guardian,
			release: Release::NotOwn,
		}));
		// Governance extended safe mode: the measure's lapse leaves it.
		let safe = take(G2, Measure::SafeMode, 5);
		assert_ok!(MockBrakes::extend_safe_mode(20));
		run_to(6);
		assert_eq!(SafeModeUntil::get(), Some(26));
		assert!(events().contains(&Event::MeasureLapsed {
			id: safe,
			measure: Measure::SafeMode,
			release: Release::NotOwn,
		}));
		// Governance exited safe mode and entered it again: the lift leaves it.
		SafeModeUntil::set(&None);
		run_to(System::block_number() + COOLDOWN);
		let safe = take(G3, Measure::SafeMode, 5);
		assert_ok!(MockBrakes::exit_safe_mode());
		assert_ok!(MockBrakes::enter_safe_mode(100));
		assert_ok!(Guardians::lift_measure(signed(G3), safe));
		assert_eq!(SafeModeUntil::get(), Some(100));
	});
}

#[test]
fn a_hold_is_confirmed_by_the_ratification_class_or_the_decision_resumes() {
	new_test_ext(|| {
		let first = take(G1, Measure::HoldDecision(1), 10);
		let second = take(G2, Measure::HoldDecision(2), 10);
		assert_noop!(Guardians::confirm_hold(signed(G1), first), DispatchError::BadOrigin);
		assert_ok!(Guardians::confirm_hold(signed(RATIFIER), first));
		assert_eq!(Cancelled::get(), vec![1]);
		assert!(events().contains(&Event::HoldConfirmed { id: first, decision: 1 }));
		assert!(Measures::<Test>::get(first).is_none());
		assert_eq!(MeasuresOf::<Test>::get(G1), 0);
		run_to(11);
		assert_eq!(Resumed::get(), vec![2]);
		assert!(!Held::get().contains(&2));
		assert!(Measures::<Test>::get(second).is_none());
		// The resumed decision cools down: no guardian may hold it again at once.
		assert_noop!(
			Guardians::take_measure(signed(G3), Measure::HoldDecision(2), reason(), 10),
			Error::CoolingDown
		);
	});
}

#[test]
fn confirm_hold_fails_with_a_named_error() {
	new_test_ext(|| {
		assert_noop!(Guardians::confirm_hold(signed(RATIFIER), 0), Error::UnknownMeasure);
		let id = take(G1, Measure::SafeMode, 10);
		assert_noop!(Guardians::confirm_hold(signed(RATIFIER), id), Error::NotAHold);
	});
}

#[test]
fn each_guardian_has_a_quota_of_holds_per_mandate() {
	new_test_ext(|| {
		for decision in [1, 2] {
			let id = take(G1, Measure::HoldDecision(decision), 10);
			assert_ok!(Guardians::lift_measure(signed(G1), id));
		}
		assert_eq!(Resumed::get(), vec![1, 2]);
		assert_noop!(
			Guardians::take_measure(signed(G1), Measure::HoldDecision(3), reason(), 10),
			Error::HoldQuotaUsed
		);
		// Other measures and other guardians are not affected.
		take(G1, Measure::SafeMode, 10);
		take(G2, Measure::HoldDecision(3), 9);
		// A new mandate resets the quota.
		set(vec![G1, G2, G3], MANDATE_END + 100);
		assert_eq!(HoldsUsed::<Test>::get(G1), 0);
		take(G1, Measure::HoldDecision(4), 8);
	});
}

#[test]
fn set_guardians_is_for_the_amendment_origin_and_refuses_duplicates() {
	new_test_ext(|| {
		let list = BoundedVec::truncate_from(vec![G1, G1]);
		assert_noop!(
			Guardians::set_guardians(RuntimeOrigin::root(), list, 10),
			Error::DuplicateGuardian
		);
		let list = BoundedVec::truncate_from(vec![G1]);
		assert_noop!(
			Guardians::set_guardians(signed(RATIFIER), list.clone(), 10),
			DispatchError::BadOrigin
		);
		assert_ok!(Guardians::set_guardians(RuntimeOrigin::root(), list.clone(), 10));
		assert_eq!(
			GuardianSet::<Test>::get(),
			GuardianMandate { members: list.clone(), mandate_end: 10 }
		);
		assert!(events().contains(&Event::GuardiansSet { guardians: list, mandate_end: 10 }));
	});
}

#[test]
fn a_failed_release_is_reported_and_the_measure_ends() {
	new_test_ext(|| {
		let id = take(G1, pause(b"A", b"b"), 5);
		FailRelease::set(true);
		run_to(6);
		// (The message of `DispatchError::Other` is not stored.)
		assert!(events().iter().any(|event| matches!(
			event,
			Event::MeasureReleaseFailed { id: i, measure, error: DispatchError::Other(_) }
				if *i == id && *measure == pause(b"A", b"b")
		)));
		assert!(Measures::<Test>::get(id).is_none());
		FailRelease::set(false);
	});
}

#[test]
fn on_initialize_charges_per_expired_measure() {
	new_test_ext(|| {
		take(G1, Measure::SuspendArtifact(1), 5);
		take(G2, Measure::SuspendArtifact(2), 5);
		System::set_block_number(6);
		assert_eq!(Guardians::on_initialize(6), <() as crate::WeightInfo>::on_initialize(2));
		assert_eq!(Guardians::on_initialize(7), <() as crate::WeightInfo>::on_initialize(0));
	});
}
