//! The `production` preset and a community's genesis (issue 13 §5): no sudo, the production
//! class table (periods of days to weeks, deposits of a real chain) that passes the
//! constitution's checks, every route within `MaxDecisionAge`, and a community's validators,
//! council, guardians, attesters, issuers and endowments applied at genesis.

use super::governance::*;
use crate::{
	configs::{constitution::MaxDecisionAge, guardians::MaxMeasureDuration},
	genesis_config_presets::{
		production_genesis, Community, MONTH, PRODUCTION_PRESET, PRODUCTION_SEAT_TERM,
	},
	time::{DAYS, HOURS},
	AccountId, Balance, BlockNumber,
};
use pallet_constitution::{presets, ClassId, ClassInfo, JointRule};
use sp_keyring::Ed25519Keyring;

type ClassInfoOf = ClassInfo<Balance, BlockNumber>;

/// Genesis storage built from a genesis JSON patch, the way the node builds a chain spec's.
fn patch_ext(patch: serde_json::Value) -> sp_io::TestExternalities {
	let storage = crate::genesis_config_presets::patch_storage(patch).unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

fn production_classes() -> Vec<(ClassId, ClassInfoOf)> {
	presets::production_classes::<Balance, BlockNumber>(UNIT, HOURS)
}

fn production_class(class: ClassId) -> ClassInfoOf {
	production_classes().into_iter().find(|(id, _)| *id == class).unwrap().1
}

/// The longest time a track's poll can take from submission to its recorded approval.
fn longest_poll(track: &pallet_constitution::HouseTrack<Balance, BlockNumber>) -> BlockNumber {
	track.prepare_period + track.decision_period + track.confirm_period + track.min_enactment_period
}

/// The longest a decision of `info` can stay undecided: its polls, then a veto or appeal
/// window and the review poll, or the mediation and the override poll.
fn longest_route(info: &ClassInfoOf) -> BlockNumber {
	let poll = |kind| info.house_track(kind).map(|(track, _)| longest_poll(track)).unwrap_or(0);
	let first = poll(kinds::COUNCIL).max(poll(kinds::COMMUNITY));
	let review = match info.rule {
		JointRule::Concurrence => 0,
		JointRule::CommunityWithCouncilVeto { window }
		| JointRule::CouncilWithCommunityAppeal { window } => window + poll(kinds::REVIEW),
	};
	let override_route =
		info.override_rule.as_ref().map_or(0, |rule| rule.mediation + poll(kinds::OVERRIDE));
	first + review.max(override_route)
}

/// A community of well-known keys, as the node builds it from a community file.
fn community() -> Community {
	Community {
		validators: vec![
			(Sr25519Keyring::Alice.public().into(), Ed25519Keyring::Alice.public().into()),
			(Sr25519Keyring::Bob.public().into(), Ed25519Keyring::Bob.public().into()),
		],
		council: vec![
			account(Sr25519Keyring::Alice),
			account(Sr25519Keyring::Bob),
			account(Sr25519Keyring::Charlie),
		],
		council_term_end: 12 * MONTH,
		guardians: vec![account(Sr25519Keyring::Dave), account(Sr25519Keyring::Eve)],
		mandate_end: 6 * MONTH,
		attesters: vec![
			(0, account(Sr25519Keyring::Alice), 100, 1_000),
			(2, account(Sr25519Keyring::Bob), 50, 500),
		],
		issuers: vec![account(Sr25519Keyring::Charlie)],
		endowments: vec![
			(account(Sr25519Keyring::Alice), 250_000 * UNIT),
			(account(Sr25519Keyring::Ferdie), 10 * UNIT),
		],
		treasury: 500_000 * UNIT,
		constitution_text: Some(sp_core::H256::repeat_byte(7)),
	}
}

#[test]
fn the_production_preset_has_no_sudo_and_passes_the_constitution_checks() {
	assert!(genesis_config_presets::preset_names().contains(&PresetId::from(PRODUCTION_PRESET)));
	preset_ext(PRODUCTION_PRESET).execute_with(|| {
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
		assert_noop!(
			Sudo::sudo(signed(Sr25519Keyring::Alice), Box::new(remark_call())),
			pallet_sudo::Error::<Runtime>::RequireSudo
		);
		// The class table: the production one, every track valid for pallet-referenda.
		assert_eq!(pallet_constitution::Classes::<Runtime>::iter().count(), 11);
		for (class, info) in production_classes() {
			assert_eq!(pallet_constitution::Classes::<Runtime>::get(class), Some(info));
		}
		assert_ok!(<Constitution as TracksInfo<Balance, BlockNumber>>::check_integrity());
		Constitution::do_try_state().unwrap();
		Voting::do_try_state().unwrap();
		assert_eq!(pallet_constitution::AmendmentClass::<Runtime>::get(), Some(classes::AMENDMENT));
		assert_eq!(
			pallet_constitution::CouncilSeatRules::<Runtime>::get(),
			presets::production_seat_rules(PRODUCTION_SEAT_TERM)
		);
		// No community: no validators, council, guardians, attesters, issuers or balances.
		assert!(pallet_aura::Authorities::<Runtime>::get().is_empty());
		assert!(pallet_constitution::Seats::<Runtime>::get().is_empty());
		assert!(pallet_guardians::GuardianSet::<Runtime>::get().members.is_empty());
		// (pallet-treasury's genesis gives its account the existential deposit.)
		assert!(Balances::total_issuance() <= crate::currency::EXISTENTIAL_DEPOSIT);
		assert_eq!(Reputation::domain_list().len(), 6);
	});
}

#[test]
fn production_classes_route_like_the_development_ones() {
	let development = presets::development_classes::<Balance, BlockNumber>(UNIT);
	let production = production_classes();
	assert_eq!(development.len(), production.len());
	for ((dev_id, dev), (id, info)) in development.iter().zip(production.iter()) {
		assert_eq!(dev_id, id);
		assert_eq!(dev.name, info.name);
		assert_eq!(dev.dispatch, info.dispatch, "class {id} dispatches differently");
		assert_eq!(
			dev.shape(),
			info.shape(),
			"production class {id} routes differently from the development one: change \
			 presets::production_classes along with presets::development_classes"
		);
		assert_eq!(dev.override_rule.is_some(), info.override_rule.is_some());
		for kind in pallet_constitution::PollKind::ALL {
			let (Some((dev_track, _)), Some((track, _))) =
				(dev.house_track(kind), info.house_track(kind))
			else {
				assert_eq!(dev.house_track(kind).is_some(), info.house_track(kind).is_some());
				continue;
			};
			// Same thresholds; deposits of a real chain: at least twice the development ones.
			assert_eq!(dev_track.min_approval, track.min_approval, "class {id} kind {kind:?}");
			assert_eq!(dev_track.min_support, track.min_support, "class {id} kind {kind:?}");
			assert!(track.decision_deposit >= 2 * dev_track.decision_deposit, "class {id}");
		}
	}
}

#[test]
fn production_periods_are_days_to_weeks() {
	for (class, info) in production_classes() {
		for kind in pallet_constitution::PollKind::ALL {
			let Some((track, _)) = info.house_track(kind) else { continue };
			assert!(
				track.decision_period >= DAYS,
				"class {class} kind {kind:?}: decides in < 1 day"
			);
			assert!(track.prepare_period >= HOURS, "class {class} kind {kind:?}");
			assert!(track.confirm_period >= 6 * HOURS, "class {class} kind {kind:?}");
			assert!(track.min_enactment_period >= HOURS, "class {class} kind {kind:?}");
		}
		assert!(info.enactment_delay >= HOURS, "class {class}");
		// Every route ends before a decision may be expired.
		assert!(
			longest_route(&info) < MaxDecisionAge::get(),
			"class {class}: route of {} days does not fit MaxDecisionAge",
			longest_route(&info) / DAYS
		);
	}

	// Runtime upgrades: two weeks to decide, two days of confirmation, a week of mediation,
	// a day's notice before the upgrade is dispatched, 5,000 OSTR per poll.
	let upgrade = production_class(classes::RUNTIME_UPGRADE);
	for kind in [kinds::COUNCIL, kinds::COMMUNITY, kinds::OVERRIDE] {
		let (track, _) = upgrade.house_track(kind).unwrap();
		assert_eq!(track.decision_period, 14 * DAYS);
		assert_eq!(track.confirm_period, 2 * DAYS);
		assert_eq!(track.decision_deposit, 5_000 * UNIT);
	}
	assert_eq!(upgrade.override_rule.unwrap().mediation, 7 * DAYS);
	assert_eq!(upgrade.enactment_delay, DAYS);
	assert!(longest_route(&upgrade) > 40 * DAYS);

	// Spends by size: the bigger, the longer and the dearer.
	let spend = |class| {
		let info = production_class(class);
		let (track, _) = info.house_track(kinds::COMMUNITY).unwrap();
		(track.decision_period, track.decision_deposit)
	};
	let (small, medium, big) =
		(spend(classes::SMALL_SPEND), spend(classes::MEDIUM_SPEND), spend(classes::BIG_SPEND));
	assert!(small.0 < medium.0 && medium.0 < big.0);
	assert_eq!((small.1, medium.1, big.1), (20 * UNIT, 200 * UNIT, 2_000 * UNIT));
	assert_eq!(
		production_class(classes::BIG_SPEND).rule,
		JointRule::CommunityWithCouncilVeto { window: 7 * DAYS }
	);

	// Appeal windows of release gates and takedowns: three to seven days.
	for class in [classes::RELEASE_GATE, classes::TAKEDOWN] {
		let JointRule::CouncilWithCommunityAppeal { window } = production_class(class).rule else {
			panic!("class {class} is not appealable")
		};
		assert!((3 * DAYS..=7 * DAYS).contains(&window), "class {class}");
	}

	// Emergency ratification: decided and dispatched within two days, before a measure lapses.
	let ratification = production_class(classes::EMERGENCY_RATIFICATION);
	let within = longest_route(&ratification) + ratification.enactment_delay;
	assert!(within <= 2 * DAYS && within < MaxMeasureDuration::get());
}

#[test]
fn a_community_is_applied_at_genesis() {
	patch_ext(production_genesis(&community())).execute_with(|| {
		let alice = account(Sr25519Keyring::Alice);
		let bob = account(Sr25519Keyring::Bob);
		let charlie = account(Sr25519Keyring::Charlie);
		let dave = account(Sr25519Keyring::Dave);
		// No sudo; the validators; the endowments and the treasury's.
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
		assert_eq!(
			pallet_aura::Authorities::<Runtime>::get().into_inner(),
			vec![Sr25519Keyring::Alice.public().into(), Sr25519Keyring::Bob.public().into()]
		);
		assert_eq!(
			pallet_grandpa::Pallet::<Runtime>::grandpa_authorities(),
			vec![
				(Ed25519Keyring::Alice.public().into(), 1),
				(Ed25519Keyring::Bob.public().into(), 1)
			]
		);
		assert_eq!(Balances::free_balance(&alice), 250_000 * UNIT);
		assert_eq!(Balances::free_balance(account(Sr25519Keyring::Ferdie)), 10 * UNIT);
		assert_eq!(Balances::free_balance(&bob), 0);
		assert_eq!(Balances::free_balance(TreasuryAccount::get()), 500_000 * UNIT);
		assert_eq!(Balances::total_issuance(), 750_010 * UNIT);
		// The council for a year, the guardians for six months, the constitution's text.
		let mut seats: Vec<(AccountId, BlockNumber)> =
			[&alice, &bob, &charlie].into_iter().map(|who| (who.clone(), 12 * MONTH)).collect();
		seats.sort();
		let stored: Vec<(AccountId, BlockNumber)> = pallet_constitution::Seats::<Runtime>::get()
			.into_iter()
			.map(|seat| (seat.member, seat.term_end))
			.collect();
		assert_eq!(stored, seats);
		let pallet_guardians::GuardianMandate { members: guardians, mandate_end } =
			pallet_guardians::GuardianSet::<Runtime>::get();
		assert_eq!(guardians.into_inner(), vec![dave.clone(), account(Sr25519Keyring::Eve)]);
		assert_eq!(mandate_end, 6 * MONTH);
		assert_eq!(
			pallet_constitution::ConstitutionText::<Runtime>::get(),
			Some(sp_core::H256::repeat_byte(7))
		);
		// Attesters in their own domains, with their own limits; the issuer.
		assert_ok!(Reputation::attest(
			signed(Sr25519Keyring::Alice),
			dave.clone(),
			0,
			100,
			Default::default()
		));
		assert_eq!(Reputation::score_of(&dave, 0), 100);
		assert_noop!(
			Reputation::attest(
				signed(Sr25519Keyring::Alice),
				dave.clone(),
				2,
				10,
				Default::default()
			),
			pallet_reputation::Error::<Runtime>::NotAttester
		);
		assert_noop!(
			Reputation::attest(
				signed(Sr25519Keyring::Bob),
				dave.clone(),
				2,
				51,
				Default::default()
			),
			pallet_reputation::Error::<Runtime>::ExceedsMaxPerAttestation
		);
		assert_ok!(Reputation::attest(
			signed(Sr25519Keyring::Bob),
			dave.clone(),
			2,
			50,
			Default::default()
		));
		assert_noop!(
			Reputation::issue_credential(signed(Sr25519Keyring::Alice), dave.clone(), 1, 1_000),
			pallet_reputation::Error::<Runtime>::NotIssuer
		);
		assert_ok!(Reputation::issue_credential(
			signed(Sr25519Keyring::Charlie),
			dave.clone(),
			1,
			1_000
		));
		Constitution::do_try_state().unwrap();
	});
}

#[test]
fn a_production_decision_takes_days_not_minutes() {
	patch_ext(production_genesis(&community())).execute_with(|| {
		let alice = account(Sr25519Keyring::Alice);
		let free = Balances::free_balance(&alice);
		let (decision, polls) = propose(classes::MEDIUM_SPEND, spend(5_000 * UNIT));
		let poll = polls.community.unwrap();
		token_aye(Sr25519Keyring::Alice, poll, 200_000 * UNIT);
		// Far past a development decision (prepare 2, decide 100, confirm 3 blocks), the poll
		// is still preparing: nothing is decided in minutes.
		run_to(1 + 4 * (presets::DEV_PREPARE_PERIOD + presets::DEV_DECISION_PERIOD));
		assert!(!is_approved(poll));
		assert_eq!(closed_with(decision), None);
		assert!(pallet_referenda::ReferendumInfoFor::<Runtime>::get(poll)
			.is_some_and(|info| matches!(info, ReferendumInfo::Ongoing(_))));
		// Proposing holds real money: the decision deposit and the poll's deposits.
		assert!(free - Balances::free_balance(&alice) >= 10 * UNIT);
	});
}
