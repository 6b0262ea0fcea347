//! Tests of the artifacts pallet. Every test built with `build_and_execute` ends with
//! `do_try_state`, which checks the pallet's invariants: every parent exists, child counts are
//! exact, every suspension has a restore stage, an end and an entry in the expiry queue, and the
//! deposits held match the stored ones.

#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use crate::{
	mock::*, traits::EmergencySuspension, weights::WeightInfo, ArtifactKind,
	Artifacts as ArtifactRecords, AttestationKind, AttestationType, Attestations, ChildCount,
	ContentHash, Error, Event, Gate, GateRequirement, GateStatus, GatedStage, Gates, HoldReason,
	LineageEntry, Relation, ReleaseStage, Stage, SuspensionExpiries,
};
use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	dispatch::DispatchResult,
	traits::{fungible::InspectHold, Hooks},
};
use sp_core::H256;
use sp_runtime::{traits::BadOrigin, Perbill};

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// The release-gate decision.
fn release() -> RuntimeOrigin {
	signed(ReleaseManager::get())
}

/// The takedown decision.
fn takedown() -> RuntimeOrigin {
	signed(TakedownCouncil::get())
}

/// The gate keeper (sets gates, removes attestations).
fn gate_keeper() -> RuntimeOrigin {
	signed(GateKeeper::get())
}

/// The suspension origin.
fn guardian() -> RuntimeOrigin {
	signed(Guardian::get())
}

/// A SHA2-256 content hash.
fn h(n: u8) -> ContentHash {
	ContentHash::Sha2_256([n; 32])
}

/// Register `hash` of `kind` with the default fields and `parents`.
fn register_kind(
	who: u64,
	hash: ContentHash,
	kind: ArtifactKind,
	parents: Vec<(ContentHash, Relation)>,
) -> DispatchResult {
	Artifacts::register(
		signed(who),
		hash,
		kind,
		b"llama".to_vec(),
		b"1.0".to_vec(),
		1_000,
		Some(b"https://x.org/m".to_vec()),
		b"Apache-2.0".to_vec(),
		parents,
	)
}

/// Register a model `hash` with `parents`.
fn register(who: u64, hash: ContentHash, parents: Vec<(ContentHash, Relation)>) -> DispatchResult {
	register_kind(who, hash, ArtifactKind::Model, parents)
}

/// Register `hash` with the given text fields (model, no parents).
fn register_fields(
	name: &[u8],
	version: &[u8],
	uri: Option<&[u8]>,
	licence: &[u8],
) -> DispatchResult {
	Artifacts::register(
		signed(ALICE),
		h(1),
		ArtifactKind::Model,
		name.to_vec(),
		version.to_vec(),
		1,
		uri.map(|uri| uri.to_vec()),
		licence.to_vec(),
		vec![],
	)
}

fn attest(who: u64, hash: ContentHash, kind: AttestationKind) -> DispatchResult {
	Artifacts::attest(signed(who), hash, kind)
}

fn red_team(percent: u32) -> AttestationKind {
	AttestationKind::RedTeamScore {
		score: Perbill::from_percent(percent),
		report: H256::repeat_byte(7),
	}
}

fn eval(percent: u32) -> AttestationKind {
	AttestationKind::EvalScore { suite: None, score: Perbill::from_percent(percent) }
}

fn advance(hash: ContentHash, to: GatedStage) -> DispatchResult {
	Artifacts::advance_stage(release(), hash, to)
}

fn stage(hash: ContentHash) -> Stage<u64> {
	ArtifactRecords::<Test>::get(hash).unwrap().stage
}

fn held(who: u64) -> u64 {
	<Balances as InspectHold<u64>>::balance_on_hold(
		&RuntimeHoldReason::Artifacts(HoldReason::ArtifactDeposit),
		&who,
	)
}

fn last_event() -> Event<Test> {
	artifacts_events().pop().expect("an event was deposited")
}

/// Attestations meeting every default gate: two reproductions, both reviews, an evaluation
/// score and a red-team score of 90 %, by four attesters (six attestations, the maximum).
fn attest_all(hash: ContentHash) {
	assert_ok!(attest(EVAL_1, hash, AttestationKind::Reproduced));
	assert_ok!(attest(EVAL_2, hash, AttestationKind::Reproduced));
	assert_ok!(attest(EVAL_1, hash, AttestationKind::ModelCardReviewed));
	assert_ok!(attest(EVAL_2, hash, AttestationKind::LicenceReviewed));
	assert_ok!(attest(EVAL_3, hash, eval(70)));
	assert_ok!(attest(RED_1, hash, red_team(90)));
}

/// Register `hash` by `ALICE` and advance it to `ResearchOnly`.
fn research_only(hash: ContentHash) {
	assert_ok!(register(ALICE, hash, vec![]));
	assert_ok!(attest(EVAL_1, hash, AttestationKind::Reproduced));
	assert_ok!(advance(hash, GatedStage::ResearchOnly));
}

// ------------------------------------------------------------------------------------------
// Genesis and configuration
// ------------------------------------------------------------------------------------------

#[test]
fn genesis_sets_the_gates() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(Gates::<Test>::get(GatedStage::ResearchOnly), Some(research_gate()));
		assert_eq!(Gates::<Test>::get(GatedStage::NonCommercial), Some(non_commercial_gate()));
		assert_eq!(Gates::<Test>::get(GatedStage::General), Some(general_gate()));
		assert_eq!(
			Artifacts::gates(),
			vec![
				(GatedStage::ResearchOnly, research_gate()),
				(GatedStage::NonCommercial, non_commercial_gate()),
				(GatedStage::General, general_gate()),
			]
		);
	});
}

#[test]
#[should_panic(expected = "invalid genesis gate")]
fn genesis_rejects_an_unreachable_gate() {
	let _ = ExtBuilder::default()
		.gates(vec![(GatedStage::General, Gate { min_reproductions: 7, ..Default::default() })])
		.build();
}

#[test]
fn the_mock_configuration_passes_the_integrity_test() {
	ExtBuilder::default().build_and_execute(|| {
		<Artifacts as Hooks<u64>>::integrity_test();
	});
}

// ------------------------------------------------------------------------------------------
// Registration
// ------------------------------------------------------------------------------------------

#[test]
fn register_stores_the_artifact_and_holds_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register(ALICE, h(1), vec![]));
		let artifact = ArtifactRecords::<Test>::get(h(1)).unwrap();
		assert_eq!(artifact.kind, ArtifactKind::Model);
		assert_eq!(artifact.name.to_vec(), b"llama".to_vec());
		assert_eq!(artifact.version.to_vec(), b"1.0".to_vec());
		assert_eq!(artifact.size, 1_000);
		assert_eq!(artifact.uri.clone().unwrap().to_vec(), b"https://x.org/m".to_vec());
		assert_eq!(artifact.licence.to_vec(), b"Apache-2.0".to_vec());
		assert!(artifact.parents.is_empty());
		assert_eq!(artifact.registrant, ALICE);
		assert_eq!(artifact.stage, Stage::Registered);
		assert_eq!(artifact.registered_at, 1);
		// 100 + 73 bytes: kind 1, name 6, version 4, size 8, uri 17, licence 11, parents 1,
		// registrant 8, deposit 8, stage 1, block 8.
		assert_eq!(artifact.deposit, 173);
		assert_eq!(artifact.encoded_size() as u64 + DEPOSIT_BASE, 173);
		assert_eq!(held(ALICE), 173);
		assert_eq!(Balances::free_balance(ALICE), FUNDS - 173);
		assert_eq!(
			last_event(),
			Event::Registered {
				hash: h(1),
				kind: ArtifactKind::Model,
				registrant: ALICE,
				deposit: 173
			}
		);
	});
}

#[test]
fn register_links_existing_parents_and_counts_children() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register_kind(BOB, h(1), ArtifactKind::Dataset, vec![]));
		assert_ok!(register_kind(BOB, h(2), ArtifactKind::EvalSuite, vec![]));
		assert_ok!(register(
			ALICE,
			h(3),
			vec![(h(1), Relation::TrainedOn), (h(2), Relation::EvaluatedWith)]
		));
		assert_ok!(register(ALICE, h(4), vec![(h(3), Relation::QuantizedFrom)]));
		assert_ok!(register(BOB, h(5), vec![(h(1), Relation::DerivedFrom)]));
		assert_eq!(ChildCount::<Test>::get(h(1)), 2);
		assert_eq!(ChildCount::<Test>::get(h(2)), 1);
		assert_eq!(ChildCount::<Test>::get(h(3)), 1);
		assert!(!ChildCount::<Test>::contains_key(h(4)));
		let parents = ArtifactRecords::<Test>::get(h(3)).unwrap().parents.to_vec();
		assert_eq!(parents, vec![(h(1), Relation::TrainedOn), (h(2), Relation::EvaluatedWith)]);
		// One parent link adds 34 bytes to the record, and as much to the deposit.
		assert_eq!(ArtifactRecords::<Test>::get(h(4)).unwrap().deposit, 173 + 34);
	});
}

#[test]
fn the_same_digest_under_two_algorithms_is_two_artifacts() {
	ExtBuilder::default().build_and_execute(|| {
		let sha = ContentHash::Sha2_256([9; 32]);
		let blake = ContentHash::Blake2_256([9; 32]);
		assert_eq!(sha.digest(), blake.digest());
		assert_ok!(register(ALICE, sha, vec![]));
		assert_ok!(register(ALICE, blake, vec![]));
		assert!(ArtifactRecords::<Test>::contains_key(sha));
		assert!(ArtifactRecords::<Test>::contains_key(blake));
	});
}

#[test]
fn register_accepts_fields_at_their_limits() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register_fields(&[b'n'; 16], &[b'v'; 8], Some(&[b'u'; 24][..]), &[b'L'; 16]));
		assert_ok!(Artifacts::register(
			signed(ALICE),
			h(2),
			ArtifactKind::Code,
			b"x".to_vec(),
			vec![],
			0,
			None,
			b"MIT OR GPL-3.0".to_vec(),
			vec![],
		));
		let artifact = ArtifactRecords::<Test>::get(h(2)).unwrap();
		assert!(artifact.uri.is_none());
		assert!(artifact.version.is_empty());
	});
}

#[test]
fn register_refuses_a_duplicate_hash() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register(ALICE, h(1), vec![]));
		assert_noop!(register(BOB, h(1), vec![]), Error::<Test>::AlreadyRegistered);
		assert_noop!(register(ALICE, h(1), vec![]), Error::<Test>::AlreadyRegistered);
	});
}

#[test]
fn register_refuses_an_unknown_parent() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register(ALICE, h(1), vec![]));
		assert_noop!(
			register(
				ALICE,
				h(2),
				vec![(h(1), Relation::FineTunedFrom), (h(9), Relation::TrainedOn)]
			),
			Error::<Test>::UnknownParent
		);
	});
}

#[test]
fn register_refuses_itself_as_a_parent() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			register(ALICE, h(1), vec![(h(1), Relation::DerivedFrom)]),
			Error::<Test>::ProvenanceCycle
		);
	});
}

#[test]
fn register_refuses_a_parent_listed_twice() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register(ALICE, h(1), vec![]));
		assert_noop!(
			register(
				ALICE,
				h(2),
				vec![(h(1), Relation::FineTunedFrom), (h(1), Relation::TrainedOn)]
			),
			Error::<Test>::DuplicateParent
		);
	});
}

#[test]
fn register_refuses_too_many_parents() {
	ExtBuilder::default().build_and_execute(|| {
		for n in 1..=4 {
			assert_ok!(register(ALICE, h(n), vec![]));
		}
		let parents: Vec<(ContentHash, Relation)> =
			(1..=4).map(|n| (h(n), Relation::DerivedFrom)).collect();
		assert_noop!(register(ALICE, h(5), parents.clone()), Error::<Test>::TooManyParents);
		assert_ok!(register(ALICE, h(5), parents[..3].to_vec()));
	});
}

#[test]
fn register_refuses_bad_fields() {
	ExtBuilder::default().build_and_execute(|| {
		let ok_uri: Option<&[u8]> = Some(&b"ipfs://x"[..]);
		assert_noop!(register_fields(b"", b"1", ok_uri, b"MIT"), Error::<Test>::EmptyName);
		assert_noop!(
			register_fields(&[b'n'; 17], b"1", ok_uri, b"MIT"),
			Error::<Test>::NameTooLong
		);
		assert_noop!(
			register_fields(b"m", &[b'v'; 9], ok_uri, b"MIT"),
			Error::<Test>::VersionTooLong
		);
		assert_noop!(
			register_fields(b"m", b"1", Some(&[b'u'; 25][..]), b"MIT"),
			Error::<Test>::UriTooLong
		);
		assert_noop!(register_fields(b"m", b"1", ok_uri, b""), Error::<Test>::EmptyLicence);
		assert_noop!(
			register_fields(b"m", b"1", ok_uri, &[b'L'; 17]),
			Error::<Test>::LicenceTooLong
		);
		assert_noop!(register_fields(b"m", b"1", ok_uri, b"MIT\n"), Error::<Test>::InvalidLicence);
		assert_noop!(
			register_fields(b"m", b"1", ok_uri, "Licença".as_bytes()),
			Error::<Test>::InvalidLicence
		);
	});
}

#[test]
fn register_refuses_a_registrant_who_cannot_pay_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(register(POOR, h(1), vec![]), Error::<Test>::InsufficientBalance);
	});
}

#[test]
fn register_needs_a_signed_origin() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Artifacts::register(
				RuntimeOrigin::none(),
				h(1),
				ArtifactKind::Model,
				b"m".to_vec(),
				vec![],
				1,
				None,
				b"MIT".to_vec(),
				vec![],
			),
			BadOrigin
		);
	});
}

#[test]
fn provenance_cannot_form_a_cycle() {
	ExtBuilder::default().build_and_execute(|| {
		// a ← b ← c: closing the cycle needs `a` to be registered again with `c` as a parent,
		// which its uniqueness forbids; and `a` cannot be retracted while `b` derives from it.
		assert_ok!(register(ALICE, h(1), vec![]));
		assert_ok!(register(ALICE, h(2), vec![(h(1), Relation::FineTunedFrom)]));
		assert_ok!(register(ALICE, h(3), vec![(h(2), Relation::FineTunedFrom)]));
		assert_noop!(
			register(ALICE, h(1), vec![(h(3), Relation::FineTunedFrom)]),
			Error::<Test>::AlreadyRegistered
		);
		assert_noop!(Artifacts::retract(signed(ALICE), h(1)), Error::<Test>::HasChildren);
		// Withdrawn artifacts stay as tombstones: their hash cannot be reused either.
		assert_ok!(Artifacts::withdraw(takedown(), h(1)));
		assert_noop!(
			register(ALICE, h(1), vec![(h(3), Relation::FineTunedFrom)]),
			Error::<Test>::AlreadyRegistered
		);
	});
}

// ------------------------------------------------------------------------------------------
// Attestations
// ------------------------------------------------------------------------------------------

#[test]
fn attestations_are_recorded_and_summarised() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register(ALICE, h(1), vec![]));
		run_to(3);
		attest_all(h(1));
		assert_eq!(
			last_event(),
			Event::Attested { hash: h(1), attester: RED_1, kind: red_team(90) }
		);
		let attestations = Attestations::<Test>::get(h(1));
		assert_eq!(attestations.len(), 6);
		assert_eq!(attestations[0].attester, EVAL_1);
		assert_eq!(attestations[0].kind, AttestationKind::Reproduced);
		assert_eq!(attestations[0].at, 3);
		let summary = Artifacts::summary_of(&h(1));
		assert_eq!(summary.reproductions, 2);
		assert_eq!(summary.eval_scores, 1);
		assert_eq!(summary.red_team_scores, 1);
		assert_eq!(summary.model_card_reviews, 1);
		assert_eq!(summary.licence_reviews, 1);
		assert_eq!(summary.distinct_attesters, 4);
		assert_eq!(summary.best_red_team_score, Some(Perbill::from_percent(90)));
		assert_eq!(summary.worst_red_team_score, Some(Perbill::from_percent(90)));
	});
}

#[test]
fn an_evaluation_score_may_name_a_registered_suite() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register(ALICE, h(1), vec![]));
		assert_ok!(register_kind(BOB, h(2), ArtifactKind::EvalSuite, vec![]));
		assert_ok!(register_kind(BOB, h(3), ArtifactKind::Dataset, vec![]));
		let score = Perbill::from_percent(61);
		assert_noop!(
			attest(EVAL_1, h(1), AttestationKind::EvalScore { suite: Some(h(9)), score }),
			Error::<Test>::UnknownEvalSuite
		);
		assert_noop!(
			attest(EVAL_1, h(1), AttestationKind::EvalScore { suite: Some(h(3)), score }),
			Error::<Test>::NotAnEvalSuite
		);
		assert_ok!(attest(EVAL_1, h(1), AttestationKind::EvalScore { suite: Some(h(2)), score }));
	});
}

#[test]
fn attest_refuses_an_unknown_or_withdrawn_artifact() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			attest(EVAL_1, h(1), AttestationKind::Reproduced),
			Error::<Test>::UnknownArtifact
		);
		assert_ok!(register(ALICE, h(1), vec![]));
		assert_ok!(Artifacts::withdraw(takedown(), h(1)));
		assert_noop!(
			attest(EVAL_1, h(1), AttestationKind::Reproduced),
			Error::<Test>::ArtifactWithdrawn
		);
	});
}

#[test]
fn only_authorised_attesters_attest_and_only_their_types() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register(ALICE, h(1), vec![]));
		assert_noop!(attest(NOBODY, h(1), AttestationKind::Reproduced), Error::<Test>::NotAttester);
		assert_noop!(attest(RED_1, h(1), AttestationKind::Reproduced), Error::<Test>::NotAttester);
		assert_noop!(attest(EVAL_1, h(1), red_team(90)), Error::<Test>::NotAttester);
		assert_noop!(
			Artifacts::attest(RuntimeOrigin::none(), h(1), AttestationKind::Reproduced),
			BadOrigin
		);
	});
}

#[test]
fn the_registrant_cannot_attest_its_own_artifact() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register(EVAL_1, h(1), vec![]));
		assert_noop!(
			attest(EVAL_1, h(1), AttestationKind::Reproduced),
			Error::<Test>::RegistrantCannotAttest
		);
		assert_ok!(attest(EVAL_2, h(1), AttestationKind::Reproduced));
	});
}

#[test]
fn one_attestation_of_each_type_per_attester() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register(ALICE, h(1), vec![]));
		assert_ok!(attest(EVAL_1, h(1), eval(50)));
		assert_noop!(attest(EVAL_1, h(1), eval(60)), Error::<Test>::AlreadyAttested);
		assert_ok!(attest(EVAL_1, h(1), AttestationKind::Reproduced));
		assert_noop!(
			attest(EVAL_1, h(1), AttestationKind::Reproduced),
			Error::<Test>::AlreadyAttested
		);
		// Another attester may attest the same type.
		assert_ok!(attest(EVAL_2, h(1), eval(60)));
	});
}

#[test]
fn attestations_per_artifact_are_bounded() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register(ALICE, h(1), vec![]));
		attest_all(h(1));
		assert_noop!(
			attest(EVAL_3, h(1), AttestationKind::Reproduced),
			Error::<Test>::TooManyAttestations
		);
	});
}

#[test]
fn an_attester_revokes_within_the_window() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register(ALICE, h(1), vec![]));
		assert_ok!(attest(EVAL_1, h(1), AttestationKind::Reproduced));
		assert_ok!(attest(EVAL_1, h(1), eval(40)));
		run_to(11); // attested at 1, window 10: the last block to revoke
		assert_ok!(Artifacts::revoke_attestation(signed(EVAL_1), h(1), AttestationType::EvalScore));
		assert_eq!(
			last_event(),
			Event::AttestationRevoked {
				hash: h(1),
				attester: EVAL_1,
				kind: AttestationType::EvalScore
			}
		);
		let attestations = Attestations::<Test>::get(h(1));
		assert_eq!(attestations.len(), 1);
		assert_eq!(attestations[0].kind, AttestationKind::Reproduced);
		// Revoking the last attestation deletes the list.
		assert_ok!(Artifacts::revoke_attestation(
			signed(EVAL_1),
			h(1),
			AttestationType::Reproduced
		));
		assert!(!Attestations::<Test>::contains_key(h(1)));
		// And the attester may attest again.
		assert_ok!(attest(EVAL_1, h(1), eval(45)));
	});
}

#[test]
fn revocation_fails_after_the_window() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register(ALICE, h(1), vec![]));
		assert_ok!(attest(EVAL_1, h(1), AttestationKind::Reproduced));
		run_to(12);
		assert_noop!(
			Artifacts::revoke_attestation(signed(EVAL_1), h(1), AttestationType::Reproduced),
			Error::<Test>::RevocationWindowPassed
		);
	});
}

#[test]
fn revocation_needs_an_attestation_of_the_caller() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register(ALICE, h(1), vec![]));
		assert_ok!(attest(EVAL_1, h(1), AttestationKind::Reproduced));
		assert_noop!(
			Artifacts::revoke_attestation(signed(EVAL_2), h(1), AttestationType::Reproduced),
			Error::<Test>::AttestationNotFound
		);
		assert_noop!(
			Artifacts::revoke_attestation(signed(EVAL_1), h(1), AttestationType::EvalScore),
			Error::<Test>::AttestationNotFound
		);
		assert_noop!(
			Artifacts::revoke_attestation(signed(EVAL_1), h(2), AttestationType::Reproduced),
			Error::<Test>::AttestationNotFound
		);
		assert_noop!(
			Artifacts::revoke_attestation(RuntimeOrigin::none(), h(1), AttestationType::Reproduced),
			BadOrigin
		);
	});
}

#[test]
fn governance_removes_an_attestation_at_any_time() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register(ALICE, h(1), vec![]));
		assert_ok!(attest(RED_1, h(1), red_team(10)));
		run_to(100);
		assert_noop!(
			Artifacts::remove_attestation(release(), h(1), RED_1, AttestationType::RedTeamScore),
			BadOrigin
		);
		assert_noop!(
			Artifacts::remove_attestation(
				gate_keeper(),
				h(1),
				RED_2,
				AttestationType::RedTeamScore
			),
			Error::<Test>::AttestationNotFound
		);
		assert_ok!(Artifacts::remove_attestation(
			gate_keeper(),
			h(1),
			RED_1,
			AttestationType::RedTeamScore
		));
		assert_eq!(
			last_event(),
			Event::AttestationRemoved {
				hash: h(1),
				attester: RED_1,
				kind: AttestationType::RedTeamScore
			}
		);
		assert!(!Attestations::<Test>::contains_key(h(1)));
	});
}

#[test]
fn a_suspended_artifact_can_still_be_attested() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register(ALICE, h(1), vec![]));
		assert_ok!(Artifacts::suspend(guardian(), h(1), 20));
		assert_ok!(attest(RED_1, h(1), red_team(30)));
	});
}

// ------------------------------------------------------------------------------------------
// Gates and stages
// ------------------------------------------------------------------------------------------

#[test]
fn an_artifact_advances_through_every_stage() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register(ALICE, h(1), vec![]));
		assert_ok!(attest(EVAL_1, h(1), AttestationKind::Reproduced));
		assert_ok!(advance(h(1), GatedStage::ResearchOnly));
		assert_eq!(stage(h(1)), Stage::ResearchOnly);
		assert_eq!(
			last_event(),
			Event::StageAdvanced {
				hash: h(1),
				from: ReleaseStage::Registered,
				to: GatedStage::ResearchOnly
			}
		);
		assert_ok!(attest(EVAL_2, h(1), AttestationKind::Reproduced));
		assert_ok!(attest(EVAL_1, h(1), AttestationKind::ModelCardReviewed));
		assert_ok!(attest(EVAL_2, h(1), AttestationKind::LicenceReviewed));
		assert_ok!(advance(h(1), GatedStage::NonCommercial));
		assert_eq!(stage(h(1)), Stage::NonCommercial);
		assert_ok!(attest(EVAL_3, h(1), eval(70)));
		assert_ok!(attest(RED_1, h(1), red_team(80)));
		assert_ok!(advance(h(1), GatedStage::General));
		assert_eq!(stage(h(1)), Stage::General);
		assert_eq!(
			last_event(),
			Event::StageAdvanced {
				hash: h(1),
				from: ReleaseStage::NonCommercial,
				to: GatedStage::General
			}
		);
		assert_noop!(advance(h(1), GatedStage::General), Error::<Test>::FinalStage);
		assert_eq!(Artifacts::artifact_view(h(1)).unwrap().next_gate, None);
	});
}

#[test]
fn an_unmet_gate_names_its_first_missing_requirement() {
	ExtBuilder::default()
		.gates(vec![(GatedStage::ResearchOnly, general_gate())])
		.build_and_execute(|| {
			let hash = h(1);
			assert_ok!(register(ALICE, hash, vec![]));
			let check = |error: Error<Test>, requirement: GateRequirement| {
				assert_noop!(advance(hash, GatedStage::ResearchOnly), error);
				assert_eq!(
					Artifacts::artifact_view(hash).unwrap().next_gate,
					Some((GatedStage::ResearchOnly, GateStatus::Unmet(requirement)))
				);
			};
			check(Error::<Test>::GateMissingReproductions, GateRequirement::Reproductions);
			assert_ok!(attest(EVAL_1, hash, AttestationKind::Reproduced));
			check(Error::<Test>::GateMissingReproductions, GateRequirement::Reproductions);
			assert_ok!(attest(EVAL_2, hash, AttestationKind::Reproduced));
			check(Error::<Test>::GateMissingEvalScores, GateRequirement::EvalScores);
			assert_ok!(attest(EVAL_3, hash, eval(55)));
			check(Error::<Test>::GateMissingRedTeam, GateRequirement::RedTeam);
			assert_ok!(attest(RED_1, hash, red_team(79)));
			check(Error::<Test>::GateRedTeamScoreTooLow, GateRequirement::RedTeamScore);
			assert_ok!(Artifacts::revoke_attestation(
				signed(RED_1),
				hash,
				AttestationType::RedTeamScore
			));
			assert_ok!(attest(RED_1, hash, red_team(80)));
			check(Error::<Test>::GateMissingModelCardReview, GateRequirement::ModelCardReview);
			assert_ok!(attest(EVAL_1, hash, AttestationKind::ModelCardReviewed));
			check(Error::<Test>::GateMissingLicenceReview, GateRequirement::LicenceReview);
			// Four distinct attesters; ask governance for five.
			let strict = Gate { min_attesters: 5, ..general_gate() };
			assert_ok!(Artifacts::set_gate(gate_keeper(), GatedStage::ResearchOnly, strict));
			assert_ok!(attest(EVAL_2, hash, AttestationKind::LicenceReviewed));
			check(Error::<Test>::GateMissingAttesters, GateRequirement::DistinctAttesters);
			assert_ok!(Artifacts::set_gate(
				gate_keeper(),
				GatedStage::ResearchOnly,
				general_gate()
			));
			assert_eq!(
				Artifacts::artifact_view(hash).unwrap().next_gate,
				Some((GatedStage::ResearchOnly, GateStatus::Met))
			);
			assert_ok!(advance(hash, GatedStage::ResearchOnly));
		});
}

#[test]
fn the_worst_red_team_score_counts() {
	ExtBuilder::default()
		.gates(vec![(
			GatedStage::ResearchOnly,
			Gate { min_red_team_score: Some(Perbill::from_percent(80)), ..Default::default() },
		)])
		.build_and_execute(|| {
			assert_ok!(register(ALICE, h(1), vec![]));
			assert_ok!(attest(RED_1, h(1), red_team(95)));
			assert_ok!(attest(RED_2, h(1), red_team(60)));
			let summary = Artifacts::summary_of(&h(1));
			assert_eq!(summary.best_red_team_score, Some(Perbill::from_percent(95)));
			assert_eq!(summary.worst_red_team_score, Some(Perbill::from_percent(60)));
			assert_noop!(
				advance(h(1), GatedStage::ResearchOnly),
				Error::<Test>::GateRedTeamScoreTooLow
			);
			// Governance strikes the low score (e.g. a discredited attester).
			assert_ok!(Artifacts::remove_attestation(
				gate_keeper(),
				h(1),
				RED_2,
				AttestationType::RedTeamScore
			));
			assert_ok!(advance(h(1), GatedStage::ResearchOnly));
		});
}

#[test]
fn a_revoked_attestation_no_longer_counts() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register(ALICE, h(1), vec![]));
		assert_ok!(attest(EVAL_1, h(1), AttestationKind::Reproduced));
		assert_ok!(Artifacts::revoke_attestation(
			signed(EVAL_1),
			h(1),
			AttestationType::Reproduced
		));
		assert_noop!(
			advance(h(1), GatedStage::ResearchOnly),
			Error::<Test>::GateMissingReproductions
		);
	});
}

#[test]
fn governance_changes_a_gate() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register(ALICE, h(1), vec![]));
		assert_ok!(attest(EVAL_1, h(1), AttestationKind::Reproduced));
		let stricter = Gate { min_reproductions: 2, ..research_gate() };
		assert_ok!(Artifacts::set_gate(gate_keeper(), GatedStage::ResearchOnly, stricter));
		assert_eq!(
			last_event(),
			Event::GateSet { stage: GatedStage::ResearchOnly, gate: stricter }
		);
		assert_eq!(Gates::<Test>::get(GatedStage::ResearchOnly), Some(stricter));
		assert_noop!(
			advance(h(1), GatedStage::ResearchOnly),
			Error::<Test>::GateMissingReproductions
		);
		let open = Gate::default();
		assert_ok!(Artifacts::set_gate(gate_keeper(), GatedStage::ResearchOnly, open));
		assert_ok!(advance(h(1), GatedStage::ResearchOnly));
	});
}

#[test]
fn set_gate_needs_the_gate_origin_and_a_reachable_gate() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Artifacts::set_gate(release(), GatedStage::General, Gate::default()),
			BadOrigin
		);
		assert_noop!(
			Artifacts::set_gate(
				gate_keeper(),
				GatedStage::General,
				Gate { min_attesters: 7, ..Default::default() }
			),
			Error::<Test>::GateUnreachable
		);
		// Six attestations at most: 2 + 1 + 1 + 1 + 1 fit, one more reproduction does not.
		assert_noop!(
			Artifacts::set_gate(
				gate_keeper(),
				GatedStage::General,
				Gate { min_reproductions: 3, ..general_gate() }
			),
			Error::<Test>::GateUnreachable
		);
	});
}

#[test]
fn a_stage_without_a_gate_is_closed() {
	ExtBuilder::default()
		.gates(vec![(GatedStage::ResearchOnly, research_gate())])
		.build_and_execute(|| {
			research_only(h(1));
			attest_all_remaining(h(1));
			assert_noop!(advance(h(1), GatedStage::NonCommercial), Error::<Test>::GateNotSet);
			assert_eq!(
				Artifacts::artifact_view(h(1)).unwrap().next_gate,
				Some((GatedStage::NonCommercial, GateStatus::NotSet))
			);
		});
}

/// After `research_only`: the other five attestations of `attest_all`.
fn attest_all_remaining(hash: ContentHash) {
	assert_ok!(attest(EVAL_2, hash, AttestationKind::Reproduced));
	assert_ok!(attest(EVAL_1, hash, AttestationKind::ModelCardReviewed));
	assert_ok!(attest(EVAL_2, hash, AttestationKind::LicenceReviewed));
	assert_ok!(attest(EVAL_3, hash, eval(70)));
	assert_ok!(attest(RED_1, hash, red_team(90)));
}

#[test]
fn advance_needs_the_release_origin() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register(ALICE, h(1), vec![]));
		assert_ok!(attest(EVAL_1, h(1), AttestationKind::Reproduced));
		for origin in [signed(ALICE), takedown(), gate_keeper(), guardian()] {
			assert_noop!(
				Artifacts::advance_stage(origin, h(1), GatedStage::ResearchOnly),
				BadOrigin
			);
		}
	});
}

#[test]
fn advance_goes_one_named_stage_at_a_time() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(advance(h(1), GatedStage::ResearchOnly), Error::<Test>::UnknownArtifact);
		assert_ok!(register(ALICE, h(1), vec![]));
		attest_all(h(1));
		assert_noop!(advance(h(1), GatedStage::NonCommercial), Error::<Test>::NotNextStage);
		assert_noop!(advance(h(1), GatedStage::General), Error::<Test>::NotNextStage);
		assert_ok!(advance(h(1), GatedStage::ResearchOnly));
		// The same decision enacted twice does not advance further.
		assert_noop!(advance(h(1), GatedStage::ResearchOnly), Error::<Test>::NotNextStage);
	});
}

#[test]
fn suspended_deprecated_and_withdrawn_artifacts_do_not_advance() {
	ExtBuilder::default().build_and_execute(|| {
		for n in 1..=3 {
			assert_ok!(register(ALICE, h(n), vec![]));
			assert_ok!(attest(EVAL_1, h(n), AttestationKind::Reproduced));
		}
		assert_ok!(Artifacts::suspend(guardian(), h(1), 10));
		assert_ok!(Artifacts::deprecate(signed(ALICE), h(2)));
		assert_ok!(Artifacts::withdraw(takedown(), h(3)));
		assert_noop!(advance(h(1), GatedStage::ResearchOnly), Error::<Test>::ArtifactSuspended);
		assert_noop!(advance(h(2), GatedStage::ResearchOnly), Error::<Test>::ArtifactDeprecated);
		assert_noop!(advance(h(3), GatedStage::ResearchOnly), Error::<Test>::ArtifactWithdrawn);
	});
}

// ------------------------------------------------------------------------------------------
// Deprecation
// ------------------------------------------------------------------------------------------

#[test]
fn the_registrant_or_the_release_origin_deprecates() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register(ALICE, h(1), vec![]));
		research_only(h(2));
		assert_ok!(Artifacts::deprecate(signed(ALICE), h(1)));
		assert_eq!(stage(h(1)), Stage::Deprecated);
		assert_eq!(last_event(), Event::Deprecated { hash: h(1), from: ReleaseStage::Registered });
		assert_ok!(Artifacts::deprecate(release(), h(2)));
		assert_eq!(stage(h(2)), Stage::Deprecated);
		assert_eq!(
			last_event(),
			Event::Deprecated { hash: h(2), from: ReleaseStage::ResearchOnly }
		);
		// The deposit stays held: the record stays.
		assert_eq!(held(ALICE), 2 * 173);
	});
}

#[test]
fn deprecate_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Artifacts::deprecate(signed(ALICE), h(1)), Error::<Test>::UnknownArtifact);
		for n in 1..=3 {
			assert_ok!(register(ALICE, h(n), vec![]));
		}
		assert_noop!(Artifacts::deprecate(signed(BOB), h(1)), Error::<Test>::NotRegistrant);
		assert_noop!(Artifacts::deprecate(takedown(), h(1)), Error::<Test>::NotRegistrant);
		assert_noop!(Artifacts::deprecate(RuntimeOrigin::none(), h(1)), BadOrigin);
		assert_ok!(Artifacts::deprecate(signed(ALICE), h(1)));
		assert_noop!(Artifacts::deprecate(release(), h(1)), Error::<Test>::AlreadyDeprecated);
		assert_ok!(Artifacts::suspend(guardian(), h(2), 10));
		assert_noop!(Artifacts::deprecate(signed(ALICE), h(2)), Error::<Test>::ArtifactSuspended);
		assert_ok!(Artifacts::withdraw(takedown(), h(3)));
		assert_noop!(Artifacts::deprecate(signed(ALICE), h(3)), Error::<Test>::ArtifactWithdrawn);
	});
}

// ------------------------------------------------------------------------------------------
// Suspension
// ------------------------------------------------------------------------------------------

#[test]
fn a_suspension_lapses_by_itself_and_restores_the_previous_stage() {
	ExtBuilder::default().build_and_execute(|| {
		research_only(h(1));
		assert_ok!(Artifacts::suspend(guardian(), h(1), 5));
		assert_eq!(
			stage(h(1)),
			Stage::Suspended { previous: ReleaseStage::ResearchOnly, until: 5 }
		);
		assert_eq!(
			last_event(),
			Event::Suspended { hash: h(1), previous: ReleaseStage::ResearchOnly, until: 5 }
		);
		assert_eq!(SuspensionExpiries::<Test>::get(5).to_vec(), vec![h(1)]);
		run_to(4);
		assert!(matches!(stage(h(1)), Stage::Suspended { .. }));
		run_to(5);
		assert_eq!(stage(h(1)), Stage::ResearchOnly);
		assert_eq!(
			last_event(),
			Event::SuspensionLapsed { hash: h(1), restored: ReleaseStage::ResearchOnly }
		);
		assert!(!SuspensionExpiries::<Test>::contains_key(5));
	});
}

#[test]
fn every_suspension_ending_at_a_block_lapses_in_it() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register(ALICE, h(1), vec![]));
		research_only(h(2));
		assert_ok!(Artifacts::suspend(guardian(), h(1), 3));
		assert_ok!(Artifacts::suspend(guardian(), h(2), 3));
		System::set_block_number(3);
		let weight = <Artifacts as Hooks<u64>>::on_initialize(3);
		assert_eq!(weight, <() as WeightInfo>::on_initialize(2));
		assert_eq!(stage(h(1)), Stage::Registered);
		assert_eq!(stage(h(2)), Stage::ResearchOnly);
		// An empty block costs one read.
		assert_eq!(
			<Artifacts as Hooks<u64>>::on_initialize(4),
			<() as WeightInfo>::on_initialize(0)
		);
	});
}

#[test]
fn lifting_restores_the_previous_stage_now() {
	ExtBuilder::default().build_and_execute(|| {
		research_only(h(1));
		assert_ok!(Artifacts::suspend(guardian(), h(1), 5));
		assert_ok!(Artifacts::lift(guardian(), h(1)));
		assert_eq!(stage(h(1)), Stage::ResearchOnly);
		assert_eq!(
			last_event(),
			Event::SuspensionLifted { hash: h(1), restored: ReleaseStage::ResearchOnly }
		);
		assert!(!SuspensionExpiries::<Test>::contains_key(5));
		let events = artifacts_events().len();
		run_to(6);
		assert_eq!(artifacts_events().len(), events);
	});
}

#[test]
fn suspending_again_moves_the_end_and_keeps_the_restore_stage() {
	ExtBuilder::default().build_and_execute(|| {
		research_only(h(1));
		assert_ok!(Artifacts::suspend(guardian(), h(1), 5));
		assert_ok!(Artifacts::suspend(guardian(), h(1), 8));
		assert_eq!(
			stage(h(1)),
			Stage::Suspended { previous: ReleaseStage::ResearchOnly, until: 8 }
		);
		assert!(!SuspensionExpiries::<Test>::contains_key(5));
		assert_eq!(SuspensionExpiries::<Test>::get(8).to_vec(), vec![h(1)]);
		run_to(7);
		assert!(matches!(stage(h(1)), Stage::Suspended { .. }));
		// The same end again changes nothing in the queue.
		assert_ok!(Artifacts::suspend(guardian(), h(1), 8));
		assert_eq!(SuspensionExpiries::<Test>::get(8).to_vec(), vec![h(1)]);
		run_to(8);
		assert_eq!(stage(h(1)), Stage::ResearchOnly);
	});
}

#[test]
fn a_deprecated_artifact_returns_to_deprecated_after_a_suspension() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register(ALICE, h(1), vec![]));
		assert_ok!(Artifacts::deprecate(signed(ALICE), h(1)));
		assert_ok!(Artifacts::suspend(guardian(), h(1), 2));
		run_to(2);
		assert_eq!(stage(h(1)), Stage::Deprecated);
	});
}

#[test]
fn suspend_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Artifacts::suspend(guardian(), h(1), 5), Error::<Test>::UnknownArtifact);
		for n in 1..=4 {
			assert_ok!(register(ALICE, h(n), vec![]));
		}
		assert_noop!(Artifacts::suspend(release(), h(1), 5), BadOrigin);
		assert_noop!(Artifacts::suspend(signed(ALICE), h(1), 5), BadOrigin);
		assert_noop!(Artifacts::suspend(guardian(), h(1), 1), Error::<Test>::SuspensionInPast);
		assert_noop!(Artifacts::suspend(guardian(), h(1), 52), Error::<Test>::SuspensionTooLong);
		assert_ok!(Artifacts::suspend(guardian(), h(1), 51));
		assert_ok!(Artifacts::suspend(guardian(), h(2), 9));
		assert_ok!(Artifacts::suspend(guardian(), h(3), 9));
		assert_noop!(Artifacts::suspend(guardian(), h(4), 9), Error::<Test>::TooManyExpiries);
		// Moving a suspension into a full block fails too, leaving it where it was.
		assert_noop!(Artifacts::suspend(guardian(), h(1), 9), Error::<Test>::TooManyExpiries);
		assert_ok!(Artifacts::withdraw(takedown(), h(4)));
		assert_noop!(Artifacts::suspend(guardian(), h(4), 10), Error::<Test>::ArtifactWithdrawn);
	});
}

#[test]
fn lift_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Artifacts::lift(guardian(), h(1)), Error::<Test>::UnknownArtifact);
		assert_ok!(register(ALICE, h(1), vec![]));
		assert_noop!(Artifacts::lift(guardian(), h(1)), Error::<Test>::NotSuspended);
		assert_ok!(Artifacts::suspend(guardian(), h(1), 5));
		assert_noop!(Artifacts::lift(takedown(), h(1)), BadOrigin);
	});
}

#[test]
fn the_emergency_suspension_trait_suspends_and_lifts() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register(ALICE, h(1), vec![]));
		assert_noop!(
			<Artifacts as EmergencySuspension<ContentHash, u64>>::suspend(h(2), 5),
			Error::<Test>::UnknownArtifact
		);
		assert_ok!(<Artifacts as EmergencySuspension<ContentHash, u64>>::suspend(h(1), 5));
		assert_eq!(stage(h(1)), Stage::Suspended { previous: ReleaseStage::Registered, until: 5 });
		assert_ok!(<Artifacts as EmergencySuspension<ContentHash, u64>>::lift(h(1)));
		assert_eq!(stage(h(1)), Stage::Registered);
		assert_ok!(<Artifacts as EmergencySuspension<ContentHash, u64>>::suspend(h(1), 3));
		run_to(3);
		assert_eq!(stage(h(1)), Stage::Registered);
		assert_eq!(
			<Artifacts as EmergencySuspension<ContentHash, u64>>::suspend_weight(),
			<() as WeightInfo>::suspend()
		);
		assert_eq!(
			<Artifacts as EmergencySuspension<ContentHash, u64>>::lift_weight(),
			<() as WeightInfo>::lift()
		);
	});
}

// ------------------------------------------------------------------------------------------
// Takedown and retraction
// ------------------------------------------------------------------------------------------

#[test]
fn a_takedown_keeps_a_tombstone_and_releases_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register_kind(ALICE, h(1), ArtifactKind::Dataset, vec![]));
		assert_ok!(register(BOB, h(2), vec![(h(1), Relation::TrainedOn)]));
		assert_ok!(attest(EVAL_1, h(1), AttestationKind::Reproduced));
		assert_ok!(Artifacts::withdraw(takedown(), h(1)));
		assert_eq!(
			last_event(),
			Event::Withdrawn { hash: h(1), registrant: ALICE, deposit_released: 173 }
		);
		let tombstone = ArtifactRecords::<Test>::get(h(1)).unwrap();
		assert_eq!(tombstone.stage, Stage::Withdrawn);
		assert_eq!(tombstone.deposit, 0);
		assert_eq!(held(ALICE), 0);
		assert_eq!(Balances::free_balance(ALICE), FUNDS);
		assert!(!Attestations::<Test>::contains_key(h(1)));
		// Derived artifacts keep their link, and show the parent as withdrawn.
		assert_eq!(ChildCount::<Test>::get(h(1)), 1);
		assert_eq!(Artifacts::lineage(h(2), 1)[0].stage, Stage::Withdrawn);
		// A withdrawn artifact may still be named as a parent: provenance records facts.
		assert_ok!(register(BOB, h(3), vec![(h(1), Relation::DerivedFrom)]));
	});
}

#[test]
fn a_takedown_cancels_a_suspension() {
	ExtBuilder::default().build_and_execute(|| {
		research_only(h(1));
		assert_ok!(Artifacts::suspend(guardian(), h(1), 5));
		assert_ok!(Artifacts::withdraw(takedown(), h(1)));
		assert!(!SuspensionExpiries::<Test>::contains_key(5));
		run_to(5);
		assert_eq!(stage(h(1)), Stage::Withdrawn);
	});
}

#[test]
fn withdraw_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Artifacts::withdraw(takedown(), h(1)), Error::<Test>::UnknownArtifact);
		assert_ok!(register(ALICE, h(1), vec![]));
		assert_noop!(Artifacts::withdraw(signed(ALICE), h(1)), BadOrigin);
		assert_noop!(Artifacts::withdraw(release(), h(1)), BadOrigin);
		assert_ok!(Artifacts::withdraw(takedown(), h(1)));
		assert_noop!(Artifacts::withdraw(takedown(), h(1)), Error::<Test>::ArtifactWithdrawn);
	});
}

#[test]
fn the_registrant_retracts_an_unreleased_artifact() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register_kind(BOB, h(1), ArtifactKind::Dataset, vec![]));
		assert_ok!(register_kind(BOB, h(2), ArtifactKind::Dataset, vec![]));
		assert_ok!(register(ALICE, h(3), vec![(h(1), Relation::TrainedOn)]));
		assert_ok!(register(
			ALICE,
			h(4),
			vec![(h(1), Relation::TrainedOn), (h(2), Relation::TrainedOn)]
		));
		assert_ok!(attest(EVAL_1, h(4), AttestationKind::Reproduced));
		assert_eq!(ChildCount::<Test>::get(h(1)), 2);
		let info = Artifacts::retract(signed(ALICE), h(4)).unwrap();
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::retract(2)));
		assert_eq!(
			last_event(),
			Event::Retracted { hash: h(4), registrant: ALICE, deposit_released: 173 + 2 * 34 }
		);
		assert!(!ArtifactRecords::<Test>::contains_key(h(4)));
		assert!(!Attestations::<Test>::contains_key(h(4)));
		assert_eq!(ChildCount::<Test>::get(h(1)), 1);
		assert!(!ChildCount::<Test>::contains_key(h(2)));
		assert_ok!(Artifacts::retract(signed(ALICE), h(3)));
		assert!(!ChildCount::<Test>::contains_key(h(1)));
		assert_eq!(held(ALICE), 0);
		assert_eq!(Balances::free_balance(ALICE), FUNDS);
		// The hash is free again.
		assert_ok!(register(BOB, h(4), vec![]));
	});
}

#[test]
fn retract_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Artifacts::retract(signed(ALICE), h(1)), Error::<Test>::UnknownArtifact);
		assert_ok!(register(ALICE, h(1), vec![]));
		assert_ok!(register(BOB, h(2), vec![(h(1), Relation::FineTunedFrom)]));
		assert_noop!(Artifacts::retract(signed(BOB), h(1)), Error::<Test>::NotRegistrant);
		assert_noop!(Artifacts::retract(signed(ALICE), h(1)), Error::<Test>::HasChildren);
		assert_noop!(Artifacts::retract(RuntimeOrigin::none(), h(1)), BadOrigin);
		research_only(h(3));
		assert_noop!(Artifacts::retract(signed(ALICE), h(3)), Error::<Test>::NotRetractable);
		assert_ok!(register(ALICE, h(4), vec![]));
		assert_ok!(Artifacts::deprecate(signed(ALICE), h(4)));
		assert_noop!(Artifacts::retract(signed(ALICE), h(4)), Error::<Test>::NotRetractable);
		assert_ok!(register(ALICE, h(5), vec![]));
		assert_ok!(Artifacts::suspend(guardian(), h(5), 9));
		assert_noop!(Artifacts::retract(signed(ALICE), h(5)), Error::<Test>::NotRetractable);
	});
}

// ------------------------------------------------------------------------------------------
// Runtime API
// ------------------------------------------------------------------------------------------

#[test]
fn the_artifact_view_reports_everything() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(Artifacts::artifact_view(h(1)), None);
		assert_ok!(register_kind(BOB, h(1), ArtifactKind::Dataset, vec![]));
		assert_ok!(register(ALICE, h(2), vec![(h(1), Relation::TrainedOn)]));
		let view = Artifacts::artifact_view(h(1)).unwrap();
		assert_eq!(view.hash, h(1));
		assert_eq!(view.kind, ArtifactKind::Dataset);
		assert_eq!(view.name, b"llama".to_vec());
		assert_eq!(view.version, b"1.0".to_vec());
		assert_eq!(view.size, 1_000);
		assert_eq!(view.uri, Some(b"https://x.org/m".to_vec()));
		assert_eq!(view.licence, b"Apache-2.0".to_vec());
		assert_eq!(view.registrant, BOB);
		assert_eq!(view.deposit, 173);
		assert_eq!(view.stage, Stage::Registered);
		assert_eq!(view.registered_at, 1);
		assert!(view.parents.is_empty());
		assert_eq!(view.children, 1);
		assert!(view.attestations.is_empty());
		assert_eq!(
			view.next_gate,
			Some((GatedStage::ResearchOnly, GateStatus::Unmet(GateRequirement::Reproductions)))
		);
		assert_ok!(attest(EVAL_1, h(2), AttestationKind::Reproduced));
		let view = Artifacts::artifact_view(h(2)).unwrap();
		assert_eq!(view.parents, vec![(h(1), Relation::TrainedOn)]);
		assert_eq!(view.children, 0);
		assert_eq!(view.attestations.len(), 1);
		assert_eq!(view.summary.reproductions, 1);
		assert_eq!(view.summary.distinct_attesters, 1);
		assert_eq!(view.next_gate, Some((GatedStage::ResearchOnly, GateStatus::Met)));
		// A suspended artifact reports the gate after the stage it returns to.
		assert_ok!(Artifacts::suspend(guardian(), h(2), 9));
		let view = Artifacts::artifact_view(h(2)).unwrap();
		assert_eq!(view.stage, Stage::Suspended { previous: ReleaseStage::Registered, until: 9 });
		assert_eq!(view.next_gate, Some((GatedStage::ResearchOnly, GateStatus::Met)));
		// The view decodes from its SCALE encoding (what a `state_call` client receives).
		let encoded = Some(view.clone()).encode();
		let decoded: Option<crate::ArtifactView<u64, u64, u64>> =
			codec::Decode::decode(&mut &encoded[..]).unwrap();
		assert_eq!(decoded, Some(view));
	});
}

#[test]
fn the_lineage_is_breadth_first_and_depth_bounded() {
	ExtBuilder::default().build_and_execute(|| {
		// d ← a ← b → s ; b ← q
		assert_ok!(register_kind(BOB, h(1), ArtifactKind::Dataset, vec![]));
		assert_ok!(register(ALICE, h(2), vec![(h(1), Relation::TrainedOn)]));
		assert_ok!(register_kind(BOB, h(3), ArtifactKind::EvalSuite, vec![]));
		assert_ok!(register(
			ALICE,
			h(4),
			vec![(h(2), Relation::FineTunedFrom), (h(3), Relation::EvaluatedWith)]
		));
		assert_ok!(register(ALICE, h(5), vec![(h(4), Relation::QuantizedFrom)]));
		let links = |depth: u32| -> Vec<(u32, ContentHash, ContentHash, Relation)> {
			Artifacts::lineage(h(5), depth)
				.into_iter()
				.map(|e| (e.depth, e.child, e.hash, e.relation))
				.collect()
		};
		assert_eq!(
			links(10),
			vec![
				(1, h(5), h(4), Relation::QuantizedFrom),
				(2, h(4), h(2), Relation::FineTunedFrom),
				(2, h(4), h(3), Relation::EvaluatedWith),
				(3, h(2), h(1), Relation::TrainedOn),
			]
		);
		assert_eq!(links(2).len(), 3);
		assert_eq!(links(1).len(), 1);
		assert!(links(0).is_empty());
		let lineage = Artifacts::lineage(h(5), 1);
		assert_eq!(
			lineage[0],
			LineageEntry {
				depth: 1,
				child: h(5),
				hash: h(4),
				relation: Relation::QuantizedFrom,
				kind: ArtifactKind::Model,
				name: b"llama".to_vec(),
				stage: Stage::Registered,
			}
		);
		// Unknown hashes and artifacts without parents have no lineage.
		assert!(Artifacts::lineage(h(9), 3).is_empty());
		assert!(Artifacts::lineage(h(1), 3).is_empty());
	});
}

#[test]
fn the_lineage_stops_at_the_maximum_depth() {
	ExtBuilder::default().build_and_execute(|| {
		// A chain of five: four generations behind h(5), the mock's maximum depth is three.
		assert_ok!(register(ALICE, h(1), vec![]));
		for n in 2..=5 {
			assert_ok!(register(ALICE, h(n), vec![(h(n - 1), Relation::FineTunedFrom)]));
		}
		let lineage = Artifacts::lineage(h(5), u32::MAX);
		assert_eq!(lineage.len(), 3);
		assert_eq!(lineage.last().unwrap().depth, 3);
		assert_eq!(lineage.last().unwrap().hash, h(2));
	});
}

#[test]
fn the_lineage_lists_every_link_and_expands_an_ancestor_once() {
	ExtBuilder::default().build_and_execute(|| {
		// e ← d ← a, d ← b, and m from both a and b (a diamond over d).
		assert_ok!(register_kind(BOB, h(1), ArtifactKind::Dataset, vec![]));
		assert_ok!(register_kind(
			BOB,
			h(2),
			ArtifactKind::Dataset,
			vec![(h(1), Relation::DerivedFrom)]
		));
		assert_ok!(register(ALICE, h(3), vec![(h(2), Relation::TrainedOn)]));
		assert_ok!(register(ALICE, h(4), vec![(h(2), Relation::TrainedOn)]));
		assert_ok!(register(
			ALICE,
			h(5),
			vec![(h(3), Relation::FineTunedFrom), (h(4), Relation::DerivedFrom)]
		));
		let links: Vec<(u32, ContentHash, ContentHash)> =
			Artifacts::lineage(h(5), 3).into_iter().map(|e| (e.depth, e.child, e.hash)).collect();
		assert_eq!(
			links,
			vec![
				(1, h(5), h(3)),
				(1, h(5), h(4)),
				(2, h(3), h(2)),
				(2, h(4), h(2)),
				(3, h(2), h(1)),
			]
		);
	});
}

#[test]
fn the_lineage_is_capped_at_the_maximum_number_of_links() {
	ExtBuilder::default().build_and_execute(|| {
		// h(1) has three parents, each with three parents: twelve links, six returned.
		let mut n = 10;
		let mut parents = vec![];
		for _ in 0..3 {
			let mut grandparents = vec![];
			for _ in 0..3 {
				n += 1;
				assert_ok!(register(BOB, h(n), vec![]));
				grandparents.push((h(n), Relation::TrainedOn));
			}
			n += 1;
			assert_ok!(register(BOB, h(n), grandparents));
			parents.push((h(n), Relation::FineTunedFrom));
		}
		assert_ok!(register(ALICE, h(1), parents));
		let lineage = Artifacts::lineage(h(1), 3);
		assert_eq!(lineage.len(), 6);
		assert_eq!(lineage.iter().filter(|e| e.depth == 1).count(), 3);
	});
}

// ------------------------------------------------------------------------------------------
// Weights and invariants
// ------------------------------------------------------------------------------------------

#[test]
fn weights_grow_with_their_components() {
	type W = ();
	assert!(<W as WeightInfo>::register(3).all_gt(<W as WeightInfo>::register(0)));
	assert!(<W as WeightInfo>::retract(3).all_gt(<W as WeightInfo>::retract(0)));
	assert!(<W as WeightInfo>::on_initialize(2).all_gt(<W as WeightInfo>::on_initialize(0)));
	assert!(<W as WeightInfo>::lineage(3).all_gt(<W as WeightInfo>::lineage(1)));
	assert!(<W as WeightInfo>::on_initialize(0).ref_time() > 0);
}

#[test]
fn try_state_detects_a_missing_parent() {
	ExtBuilder::default().build().execute_with(|| {
		assert_ok!(register(ALICE, h(1), vec![]));
		assert_ok!(register(ALICE, h(2), vec![(h(1), Relation::FineTunedFrom)]));
		assert_ok!(Artifacts::do_try_state());
		ArtifactRecords::<Test>::remove(h(1));
		assert!(Artifacts::do_try_state().is_err());
	});
}

#[test]
fn try_state_detects_a_deposit_mismatch() {
	ExtBuilder::default().build().execute_with(|| {
		assert_ok!(register(ALICE, h(1), vec![]));
		ArtifactRecords::<Test>::mutate(h(1), |artifact| {
			artifact.as_mut().unwrap().deposit = 1;
		});
		assert!(Artifacts::do_try_state().is_err());
	});
}

#[test]
fn try_state_detects_an_unqueued_suspension() {
	ExtBuilder::default().build().execute_with(|| {
		assert_ok!(register(ALICE, h(1), vec![]));
		assert_ok!(Artifacts::suspend(guardian(), h(1), 5));
		assert_ok!(Artifacts::do_try_state());
		SuspensionExpiries::<Test>::remove(5);
		assert!(Artifacts::do_try_state().is_err());
	});
}
