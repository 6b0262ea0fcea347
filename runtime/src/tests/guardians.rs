//! The guardians (`pallet-guardians`) on the real runtime: brakes through `pallet-artifacts`,
//! `pallet-safe-mode` and `pallet-tx-pause`, holds of real decisions, and the ratification and
//! amendment classes deciding through real referenda. Each attack on the guardians' limits is
//! performed and shown refused with a named error and no state change.

use super::governance::*;
use pallet_guardians::{Measure, MeasureId};

type GuardiansError = pallet_guardians::Error<Runtime>;
type ConstitutionError = pallet_constitution::Error<Runtime>;

fn take(
	k: Sr25519Keyring,
	measure: Measure<pallet_artifacts::ContentHash, u32>,
	duration: u32,
) -> frame_support::dispatch::DispatchResult {
	Guardians::take_measure(signed(k), measure, Default::default(), duration)
}

fn next_measure() -> MeasureId {
	pallet_guardians::NextMeasureId::<Runtime>::get()
}

fn pause() -> Measure<pallet_artifacts::ContentHash, u32> {
	Measure::PauseCall {
		pallet: b"Proxy".to_vec().try_into().unwrap(),
		call: b"add_proxy".to_vec().try_into().unwrap(),
	}
}

fn is_paused() -> bool {
	let name = (b"Proxy".to_vec().try_into().unwrap(), b"add_proxy".to_vec().try_into().unwrap());
	pallet_tx_pause::PausedCalls::<Runtime>::contains_key(&name)
}

/// Eve registers an artifact; returns its hash.
fn artifact(n: u8) -> pallet_artifacts::ContentHash {
	let hash = pallet_artifacts::ContentHash::Sha2_256([n; 32]);
	assert_ok!(Artifacts::register(
		signed(Sr25519Keyring::Eve),
		hash,
		pallet_artifacts::ArtifactKind::Dataset,
		b"corpus".to_vec(),
		b"1".to_vec(),
		1,
		None,
		b"CC-BY-4.0".to_vec(),
		Vec::new(),
	));
	hash
}

fn suspended_until(hash: pallet_artifacts::ContentHash) -> Option<u32> {
	match pallet_artifacts::Artifacts::<Runtime>::get(hash).unwrap().stage {
		pallet_artifacts::Stage::Suspended { until, .. } => Some(until),
		_ => None,
	}
}

/// Alice and Bob approve a decision of the council-only ratification class carrying `call`;
/// returns the decision, enacted by block `run_to(20)`.
fn ratify(call: pallet_guardians::Call<Runtime>) -> u32 {
	let (decision, polls) = propose(classes::EMERGENCY_RATIFICATION, RuntimeCall::Guardians(call));
	aye(Sr25519Keyring::Alice, polls.council.unwrap());
	aye(Sr25519Keyring::Bob, polls.council.unwrap());
	decision
}

#[test]
fn a_guardian_pause_is_lifted_by_a_council_ratification_decision() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		// Only guardians take measures.
		assert_noop!(take(Sr25519Keyring::Alice, pause(), 100), GuardiansError::NotGuardian);
		assert_ok!(take(Sr25519Keyring::Dave, pause(), 100));
		assert!(is_paused());
		let decision = ratify(pallet_guardians::Call::lift_measure { id: 0 });
		run_to(20);
		assert!(matches!(closed_with(decision), Some(Outcome::Enacted { .. })));
		assert!(pallet_guardians::Measures::<Runtime>::get(0).is_none());
		assert!(!is_paused());
	});
}

#[test]
fn guardian_brakes_end_in_their_own_pallets() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		// Safe mode, for 10 blocks: entered through block 10, exited by pallet-safe-mode at 11.
		assert_ok!(take(Sr25519Keyring::Dave, Measure::SafeMode, 10));
		assert_eq!(pallet_safe_mode::EnteredUntil::<Runtime>::get(), Some(10));
		assert!(!base_filter_allows(&transfer_call(UNIT)));
		// An artifact suspension, for 20 blocks: ended by pallet-artifacts at 21.
		let hash = artifact(7);
		assert_ok!(take(Sr25519Keyring::Dave, Measure::SuspendArtifact(hash), 20));
		assert_eq!(suspended_until(hash), Some(21));
		run_to(11);
		assert_eq!(pallet_safe_mode::EnteredUntil::<Runtime>::get(), None);
		assert!(base_filter_allows(&transfer_call(UNIT)));
		run_to(21);
		assert_eq!(
			pallet_artifacts::Artifacts::<Runtime>::get(hash).unwrap().stage,
			pallet_artifacts::Stage::Registered
		);
		assert_eq!(pallet_guardians::Measures::<Runtime>::count(), 0);
	});
}

#[test]
fn attack_renewing_a_pause_by_lifting_and_retaking_it_is_refused() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let id = next_measure();
		assert_ok!(take(Sr25519Keyring::Dave, pause(), 100));
		assert_ok!(Guardians::lift_measure(signed(Sr25519Keyring::Dave), id));
		assert!(!is_paused());
		// Neither the same guardian nor another may pause it again during the cooldown.
		assert_noop!(take(Sr25519Keyring::Dave, pause(), 100), GuardiansError::CoolingDown);
		assert_noop!(take(Sr25519Keyring::Eve, pause(), 100), GuardiansError::CoolingDown);
		assert!(!is_paused());
	});
}

#[test]
fn attack_retaking_safe_mode_the_block_it_lapses_is_refused() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		assert_ok!(take(Sr25519Keyring::Dave, Measure::SafeMode, 10));
		run_to(11);
		assert_eq!(pallet_safe_mode::EnteredUntil::<Runtime>::get(), None);
		assert_noop!(take(Sr25519Keyring::Eve, Measure::SafeMode, 10), GuardiansError::CoolingDown);
		assert_noop!(
			take(Sr25519Keyring::Dave, Measure::SafeMode, 10),
			GuardiansError::CoolingDown
		);
		assert_eq!(pallet_safe_mode::EnteredUntil::<Runtime>::get(), None);
		// Only the ratification class keeps a brake on longer: a ratified suspension leaves no
		// cooldown, and a ratified measure is lifted only by that class.
		let hash = artifact(3);
		let id = next_measure();
		assert_ok!(take(Sr25519Keyring::Dave, Measure::SuspendArtifact(hash), 30));
		let decision = ratify(pallet_guardians::Call::ratify_measure { id, extension: 10 });
		run_to(30);
		assert!(matches!(closed_with(decision), Some(Outcome::Enacted { .. })));
		assert_eq!(suspended_until(hash), Some(51));
		assert_noop!(
			Guardians::lift_measure(signed(Sr25519Keyring::Dave), id),
			GuardiansError::Ratified
		);
	});
}

#[test]
fn attack_a_silent_veto_by_cancelling_a_poll_becomes_a_hold_that_lapses() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let (decision, polls) = propose(classes::MEDIUM_SPEND, spend(10_000 * UNIT));
		let poll = polls.community.unwrap();
		assert_ok!(take(Sr25519Keyring::Dave, Measure::HoldDecision(decision), 30));
		token_aye(Sr25519Keyring::Alice, poll, 900_000 * UNIT);
		run_to(20);
		// The poll runs and is approved, but the decision does not move while held.
		assert!(is_approved(poll));
		assert_eq!(closed_with(decision), None);
		assert_noop!(
			Constitution::advance(signed(Sr25519Keyring::Bob), decision),
			ConstitutionError::DecisionOnHold
		);
		assert_eq!(pallet_treasury::SpendCount::<Runtime>::get(), 0);
		// The ratification class did not confirm: the hold lapses and the decision is enacted.
		run_to(31);
		assert!(!Constitution::is_on_hold(decision));
		assert_ok!(Constitution::advance(signed(Sr25519Keyring::Bob), decision));
		assert!(matches!(closed_with(decision), Some(Outcome::Enacted { .. })));
		run_to(40);
		assert_eq!(pallet_treasury::SpendCount::<Runtime>::get(), 1);
	});
}

#[test]
fn a_hold_confirmed_by_the_ratification_class_rejects_the_decision() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let (decision, polls) = propose(classes::MEDIUM_SPEND, spend(10_000 * UNIT));
		let id = next_measure();
		assert_ok!(take(Sr25519Keyring::Dave, Measure::HoldDecision(decision), 100));
		let confirm = ratify(pallet_guardians::Call::confirm_hold { id });
		run_to(20);
		assert!(matches!(closed_with(confirm), Some(Outcome::Enacted { .. })));
		assert_eq!(closed_with(decision), Some(Outcome::Rejected));
		assert!(matches!(
			pallet_referenda::ReferendumInfoFor::<Runtime>::get(polls.community.unwrap()),
			Some(ReferendumInfo::Cancelled(..))
		));
		assert!(pallet_guardians::Measures::<Runtime>::get(id).is_none());
	});
}

#[test]
fn attack_holding_the_amendment_that_removes_a_guardian_is_refused_and_it_cannot_lift_after() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let id = next_measure();
		assert_ok!(take(Sr25519Keyring::Dave, pause(), 100));
		let eve = account(Sr25519Keyring::Eve);
		let set = RuntimeCall::Guardians(pallet_guardians::Call::set_guardians {
			guardians: vec![eve.clone()].try_into().unwrap(),
			mandate_end: 1_000,
		});
		let (amendment, polls) = propose(classes::AMENDMENT, set);
		// Neither the amendment nor a ratification decision can be held.
		assert_noop!(
			take(Sr25519Keyring::Dave, Measure::HoldDecision(amendment), 10),
			ConstitutionError::NotHoldable
		);
		let ratification = ratify(pallet_guardians::Call::lift_measure { id });
		assert_noop!(
			take(Sr25519Keyring::Dave, Measure::HoldDecision(ratification), 10),
			ConstitutionError::NotHoldable
		);
		aye(Sr25519Keyring::Alice, polls.council.unwrap());
		aye(Sr25519Keyring::Bob, polls.council.unwrap());
		token_aye(Sr25519Keyring::Alice, polls.community.unwrap(), 900_000 * UNIT);
		run_to(40);
		assert!(matches!(closed_with(ratification), Some(Outcome::Enacted { .. })));
		assert!(!is_paused());
		assert!(matches!(closed_with(amendment), Some(Outcome::Enacted { .. })));
		assert_eq!(pallet_guardians::GuardianSet::<Runtime>::get().members.into_inner(), vec![eve]);
		// A removed guardian takes and lifts nothing.
		assert_noop!(
			take(Sr25519Keyring::Dave, Measure::SafeMode, 10),
			GuardiansError::NotGuardian
		);
		let other = next_measure();
		assert_ok!(take(Sr25519Keyring::Eve, Measure::SafeMode, 10));
		assert_noop!(
			Guardians::lift_measure(signed(Sr25519Keyring::Dave), other),
			GuardiansError::NoPermission
		);
	});
}

#[test]
fn attack_a_removed_guardian_lifting_its_own_measure_is_refused() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let id = next_measure();
		assert_ok!(take(Sr25519Keyring::Dave, pause(), 1_000));
		let eve = account(Sr25519Keyring::Eve);
		let set = RuntimeCall::Guardians(pallet_guardians::Call::set_guardians {
			guardians: vec![eve].try_into().unwrap(),
			mandate_end: 1_000,
		});
		let (amendment, polls) = propose(classes::AMENDMENT, set);
		aye(Sr25519Keyring::Alice, polls.council.unwrap());
		aye(Sr25519Keyring::Bob, polls.council.unwrap());
		token_aye(Sr25519Keyring::Alice, polls.community.unwrap(), 900_000 * UNIT);
		run_to(40);
		assert!(matches!(closed_with(amendment), Some(Outcome::Enacted { .. })));
		assert_noop!(
			Guardians::lift_measure(signed(Sr25519Keyring::Dave), id),
			GuardiansError::NotGuardian
		);
		assert!(is_paused());
	});
}

#[test]
fn attack_jamming_the_measure_table_or_holding_every_decision_is_refused() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		// Two holds per mandate.
		for _ in 0..2 {
			let (decision, _) = propose(classes::MEDIUM_SPEND, spend(UNIT));
			let id = next_measure();
			assert_ok!(take(Sr25519Keyring::Dave, Measure::HoldDecision(decision), 10));
			assert_ok!(Guardians::lift_measure(signed(Sr25519Keyring::Dave), id));
		}
		let (third, _) = propose(classes::MEDIUM_SPEND, spend(UNIT));
		assert_noop!(
			take(Sr25519Keyring::Dave, Measure::HoldDecision(third), 10),
			GuardiansError::HoldQuotaUsed
		);
		// Two measures in force per guardian: the others keep their room.
		assert_ok!(take(Sr25519Keyring::Dave, Measure::SuspendArtifact(artifact(1)), 10));
		assert_ok!(take(Sr25519Keyring::Dave, Measure::SuspendArtifact(artifact(2)), 10));
		let hash = artifact(3);
		assert_noop!(
			take(Sr25519Keyring::Dave, Measure::SuspendArtifact(hash), 10),
			GuardiansError::GuardianLimitReached
		);
		assert_ok!(take(Sr25519Keyring::Eve, Measure::SuspendArtifact(hash), 10));
		assert_ok!(take(Sr25519Keyring::Eve, Measure::HoldDecision(third), 10));
	});
}

#[test]
fn attack_a_lapse_releasing_what_governance_set_is_refused() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		// Governance (Root here) suspended an artifact: a guardian's measure on it is refused,
		// so no lapse can lift it.
		let governed = artifact(1);
		assert_ok!(Artifacts::suspend(RuntimeOrigin::root(), governed, 500));
		assert_noop!(
			take(Sr25519Keyring::Dave, Measure::SuspendArtifact(governed), 10),
			GuardiansError::AlreadyEngaged
		);
		// Governance extended a guardian's suspension: the guardian's lift leaves it.
		let hash = artifact(2);
		let id = next_measure();
		assert_ok!(take(Sr25519Keyring::Dave, Measure::SuspendArtifact(hash), 10));
		assert_ok!(Artifacts::suspend(RuntimeOrigin::root(), hash, 300));
		assert_ok!(Guardians::lift_measure(signed(Sr25519Keyring::Dave), id));
		assert_eq!(suspended_until(hash), Some(300));
		// Governance extended safe mode: the guardian's measure lapses, safe mode stays.
		assert_ok!(take(Sr25519Keyring::Eve, Measure::SafeMode, 10));
		assert_ok!(SafeMode::force_extend(RuntimeOrigin::root()));
		let until = pallet_safe_mode::EnteredUntil::<Runtime>::get().unwrap();
		assert!(until > 11);
		run_to(12);
		assert_eq!(pallet_safe_mode::EnteredUntil::<Runtime>::get(), Some(until));
		assert_eq!(suspended_until(governed), Some(500));
		assert_eq!(pallet_guardians::Measures::<Runtime>::count(), 0);
	});
}
