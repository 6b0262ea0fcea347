//! Runtime-level tests: genesis presets, fees, deposits and the emergency-brake filters.

#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use frame_support::{
	assert_noop, assert_ok,
	dispatch::GetDispatchInfo,
	traits::{Contains, InstanceFilter},
};
use sp_genesis_builder::PresetId;
use sp_keyring::Sr25519Keyring;
use sp_runtime::BuildStorage;

use crate::{
	configs::monetary::TreasuryAccount,
	configs::{accounts::ProxyType, safety::SafeModeWhitelistedCalls},
	currency::{deposit, MILLI_UNIT, UNIT},
	genesis_config_presets::{self, ENDOWMENT},
	Balances, Reputation, Runtime, RuntimeCall, RuntimeGenesisConfig, RuntimeOrigin, SafeMode,
	Sudo, System, TransactionPayment, TxPause,
};

/// Merges a genesis JSON patch into `base`, as the node does when it builds a chain spec.
fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

/// Genesis storage of the named preset, built the way the node builds it: the preset's patch
/// applied to the default genesis config.
fn preset_ext(name: &str) -> sp_io::TestExternalities {
	let patch = genesis_config_presets::get_preset(&PresetId::from(name))
		.unwrap_or_else(|| panic!("preset {name} exists"));
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
	merge(&mut config, serde_json::from_slice(&patch).unwrap());
	let config: RuntimeGenesisConfig = serde_json::from_value(config).unwrap();
	let mut ext = sp_io::TestExternalities::new(config.build_storage().unwrap());
	ext.execute_with(|| System::set_block_number(1));
	ext
}

fn transfer_call(amount: u128) -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: Sr25519Keyring::Bob.to_account_id().into(),
		value: amount,
	})
}

fn remark_call() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: b"ostrom".to_vec() })
}

fn base_filter_allows(call: &RuntimeCall) -> bool {
	<Runtime as frame_system::Config>::BaseCallFilter::contains(call)
}

#[test]
fn preset_names_are_development_and_local_testnet() {
	let names = genesis_config_presets::preset_names();
	assert_eq!(
		names,
		vec![
			PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
			PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		]
	);
	assert!(genesis_config_presets::get_preset(&PresetId::from("no-such-preset")).is_none());
}

#[test]
fn development_preset_has_alice_as_validator_and_sudo() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(Sr25519Keyring::Alice.to_account_id()));
		let aura = pallet_aura::Authorities::<Runtime>::get();
		assert_eq!(aura.len(), 1);
		assert_eq!(aura[0], Sr25519Keyring::Alice.public().into());
		assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), 1);
		for who in Sr25519Keyring::well_known() {
			assert_eq!(Balances::free_balance(who.to_account_id()), ENDOWMENT);
		}
		// Reputation: five domains, development attesters and issuer.
		let names: Vec<Vec<u8>> =
			Reputation::domain_list().into_iter().map(|(_, name, _)| name).collect();
		assert_eq!(
			names,
			vec![
				b"code".to_vec(),
				b"data".to_vec(),
				b"evaluation".to_vec(),
				b"safety".to_vec(),
				b"docs".to_vec()
			]
		);
		let alice = Sr25519Keyring::Alice.to_account_id();
		let dave = Sr25519Keyring::Dave.to_account_id();
		assert_ok!(Reputation::attest(
			RuntimeOrigin::signed(alice.clone()),
			dave.clone(),
			0,
			100,
			Default::default()
		));
		assert_eq!(Reputation::score_of(&dave, 0), 100);
		assert_noop!(
			Reputation::attest(
				RuntimeOrigin::signed(Sr25519Keyring::Bob.to_account_id()),
				dave.clone(),
				2,
				100,
				Default::default()
			),
			pallet_reputation::Error::<Runtime>::NotAttester
		);
		assert_ok!(Reputation::issue_credential(RuntimeOrigin::signed(alice), dave.clone(), 1_000));
		assert_eq!(Reputation::personhood_expiry(&dave), Some(1_000));
	});
}

#[test]
fn local_testnet_preset_has_two_validators_and_no_sudo() {
	preset_ext(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
		let aura = pallet_aura::Authorities::<Runtime>::get();
		assert_eq!(
			aura.into_inner(),
			vec![Sr25519Keyring::Alice.public().into(), Sr25519Keyring::Bob.public().into()]
		);
		assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), 2);
		// Without a key, sudo cannot be used at all.
		assert_noop!(
			Sudo::sudo(
				RuntimeOrigin::signed(Sr25519Keyring::Alice.to_account_id()),
				Box::new(remark_call())
			),
			pallet_sudo::Error::<Runtime>::RequireSudo
		);
	});
}

#[test]
fn a_transfer_costs_about_a_hundredth_of_an_ostr_and_fees_fund_the_treasury() {
	use frame_support::dispatch::PostDispatchInfo;
	use pallet_transaction_payment::OnChargeTransaction;
	type Charger = <Runtime as pallet_transaction_payment::Config>::OnChargeTransaction;

	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		let call = transfer_call(10 * UNIT);
		let info = call.get_dispatch_info();
		// A signed transfer is ~140 bytes on the wire.
		let fee = TransactionPayment::compute_fee(140, &info, 0);
		assert!(fee >= MILLI_UNIT, "fee {fee} too small for a real chain");
		assert!(fee <= 100 * MILLI_UNIT, "fee {fee} too large for a transfer");

		let treasury = TreasuryAccount::get();
		let treasury_before = Balances::free_balance(&treasury);
		let withdrawn =
			<Charger as OnChargeTransaction<Runtime>>::withdraw_fee(&alice, &call, &info, fee, 0)
				.unwrap();
		let post_info = PostDispatchInfo { actual_weight: None, pays_fee: Default::default() };
		<Charger as OnChargeTransaction<Runtime>>::correct_and_deposit_fee(
			&alice, &info, &post_info, fee, 0, withdrawn,
		)
		.unwrap();
		assert_eq!(Balances::free_balance(&alice), ENDOWMENT - fee);
		assert_eq!(Balances::free_balance(&treasury), treasury_before + fee);
	});
}

#[test]
fn deposits_grow_with_items_and_bytes() {
	assert_eq!(deposit(0, 0), 0);
	assert_eq!(deposit(1, 0), 100 * MILLI_UNIT);
	assert_eq!(deposit(0, 1), MILLI_UNIT);
	assert_eq!(deposit(2, 64), 264 * MILLI_UNIT);
	// Saturates instead of overflowing.
	assert!(deposit(u32::MAX, u32::MAX) > 0);
}

#[test]
fn non_transfer_proxies_cannot_move_funds() {
	assert!(!ProxyType::NonTransfer.filter(&transfer_call(1)));
	assert!(ProxyType::NonTransfer.filter(&remark_call()));
	assert!(ProxyType::Any.filter(&transfer_call(1)));
	assert!(!ProxyType::CancelProxy.filter(&remark_call()));
	assert!(ProxyType::Any.is_superset(&ProxyType::NonTransfer));
	assert!(!ProxyType::NonTransfer.is_superset(&ProxyType::Any));
}

#[test]
fn safe_mode_stops_everything_but_the_whitelist_and_only_root_enters_it() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		assert!(base_filter_allows(&transfer_call(UNIT)));
		// Entering by deposit is disabled; only Root may force safe mode.
		assert_noop!(
			SafeMode::enter(RuntimeOrigin::signed(alice.clone())),
			pallet_safe_mode::Error::<Runtime>::NotConfigured
		);
		assert_ok!(SafeMode::force_enter(RuntimeOrigin::root()));
		assert!(!base_filter_allows(&transfer_call(UNIT)));
		// System calls are whitelisted, so the chain can still be steered.
		assert!(SafeModeWhitelistedCalls::contains(&remark_call()));
		assert!(base_filter_allows(&remark_call()));
		assert!(base_filter_allows(&RuntimeCall::SafeMode(pallet_safe_mode::Call::force_exit {})));
		// Governance goes on, so that the houses can ratify, lift or overrule the measure.
		assert!(base_filter_allows(&RuntimeCall::Constitution(
			pallet_constitution::Call::advance { decision: 0 }
		)));
		assert!(base_filter_allows(&RuntimeCall::Voting(pallet_voting::Call::unlock {
			class: 0,
			target: alice.clone().into()
		})));
		assert_ok!(SafeMode::force_exit(RuntimeOrigin::root()));
		assert!(base_filter_allows(&transfer_call(UNIT)));
	});
}

#[test]
fn paused_calls_are_filtered_and_the_brakes_cannot_be_paused() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let name =
			|p: &[u8], c: &[u8]| (p.to_vec().try_into().unwrap(), c.to_vec().try_into().unwrap());
		assert_ok!(TxPause::pause(
			RuntimeOrigin::root(),
			name(b"Balances", b"transfer_keep_alive")
		));
		assert!(!base_filter_allows(&transfer_call(UNIT)));
		assert!(base_filter_allows(&remark_call()));
		for (pallet, call) in [
			(&b"TxPause"[..], &b"unpause"[..]),
			(b"Constitution", b"lift_measure"),
			(b"Voting", b"vote"),
			(b"Referenda", b"place_decision_deposit"),
		] {
			assert_noop!(
				TxPause::pause(RuntimeOrigin::root(), name(pallet, call)),
				pallet_tx_pause::Error::<Runtime>::Unpausable
			);
		}
		assert_ok!(TxPause::unpause(
			RuntimeOrigin::root(),
			name(b"Balances", b"transfer_keep_alive")
		));
		assert!(base_filter_allows(&transfer_call(UNIT)));
	});
}

/// The constitution on the real `pallet-referenda`, `pallet-voting` and `pallet-scheduler`: tracks
/// derived from the development class table, one decision per scheme and per joint rule, and the
/// guardians' brakes.
mod constitution {
	use super::*;
	use crate::{
		configs::constitution::classes, Artifacts, Constitution, Referenda, Scheduler, Treasury,
		Voting,
	};
	use frame_support::traits::{Bounded, BoundedInline, OnInitialize, OriginTrait, VoteTally};
	use pallet_constitution::{
		kinds, track_id, DecisionPolls, Measure, Origin as ConstitutionOrigin, Outcome,
	};
	use pallet_referenda::{ReferendumInfo, TracksInfo};
	use pallet_voting::{AccountVote, Direction, Scheme, SchemeOf};
	use sp_runtime::{DispatchError, Perbill};

	type PalletsOrigin = <RuntimeOrigin as OriginTrait>::PalletsOrigin;
	type BoundedCall = pallet_constitution::BoundedCallOf<Runtime>;

	fn account(k: Sr25519Keyring) -> crate::AccountId {
		k.to_account_id()
	}

	fn signed(k: Sr25519Keyring) -> RuntimeOrigin {
		RuntimeOrigin::signed(account(k))
	}

	/// Runs blocks up to `n` (the hooks that decisions and measures need), checking the voting
	/// and constitution invariants at every block.
	fn run_to(n: u32) {
		while System::block_number() < n {
			let next = System::block_number() + 1;
			System::set_block_number(next);
			<Scheduler as OnInitialize<u32>>::on_initialize(next);
			<Constitution as OnInitialize<u32>>::on_initialize(next);
			<Artifacts as OnInitialize<u32>>::on_initialize(next);
			<SafeMode as OnInitialize<u32>>::on_initialize(next);
			Voting::do_try_state().expect("voting invariants hold");
			Constitution::do_try_state().expect("constitution invariants hold");
		}
	}

	fn inline(call: RuntimeCall) -> BoundedCall {
		Bounded::Inline(BoundedInline::truncate_from(codec::Encode::encode(&call)))
	}

	/// Alice proposes `call` as a decision of `class`; returns the decision and its polls.
	fn propose(class: u8, call: RuntimeCall) -> (u32, DecisionPolls<u32>) {
		let decision = pallet_constitution::NextDecisionId::<Runtime>::get();
		assert_ok!(Constitution::propose(signed(Sr25519Keyring::Alice), class, inline(call)));
		let polls = pallet_constitution::Decisions::<Runtime>::get(decision).unwrap().polls;
		(decision, polls)
	}

	fn aye(k: Sr25519Keyring, poll: u32) {
		assert_ok!(Voting::vote(signed(k), poll, AccountVote::Own(Direction::Aye)));
	}

	fn token_aye(k: Sr25519Keyring, poll: u32, amount: u128) {
		assert_ok!(Voting::vote(
			signed(k),
			poll,
			AccountVote::Standard { direction: Direction::Aye, amount }
		));
	}

	fn is_approved(index: u32) -> bool {
		matches!(
			pallet_referenda::ReferendumInfoFor::<Runtime>::get(index),
			Some(ReferendumInfo::Approved(..))
		)
	}

	/// The outcome `decision` closed with, from its `DecisionClosed` event.
	fn closed_with(decision: u32) -> Option<Outcome<u32>> {
		System::events().into_iter().find_map(|record| match record.event {
			crate::RuntimeEvent::Constitution(pallet_constitution::Event::DecisionClosed {
				decision: d,
				outcome,
				..
			}) if d == decision => Some(outcome),
			_ => None,
		})
	}

	fn spend(amount: u128) -> RuntimeCall {
		RuntimeCall::Treasury(pallet_treasury::Call::spend {
			asset_kind: Box::new(()),
			amount,
			beneficiary: Box::new(account(Sr25519Keyring::Ferdie)),
			valid_from: None,
		})
	}

	#[test]
	fn tracks_and_schemes_come_from_the_class_table() {
		preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			assert_ok!(<Constitution as TracksInfo<_, _>>::check_integrity());
			let cases = [
				(classes::RUNTIME_UPGRADE, kinds::COUNCIL, Scheme::Council),
				(classes::RUNTIME_UPGRADE, kinds::COMMUNITY, Scheme::Token),
				(classes::RUNTIME_UPGRADE, kinds::OVERRIDE, Scheme::Token),
				(classes::SMALL_SPEND, kinds::COMMUNITY, Scheme::Quadratic),
				(classes::BIG_SPEND, kinds::REVIEW, Scheme::Council),
				(classes::RELEASE_GATE, kinds::REVIEW, Scheme::Reputation),
				(classes::PARAMETER_CHANGE, kinds::COMMUNITY, Scheme::Reputation),
				(classes::EMERGENCY_RATIFICATION, kinds::COUNCIL, Scheme::Council),
			];
			for (class, kind, scheme) in cases {
				let origin: PalletsOrigin = ConstitutionOrigin::House { class, kind }.into();
				let track = track_id(class, kind);
				assert_eq!(<Constitution as TracksInfo<_, _>>::track_for(&origin), Ok(track));
				assert_eq!(<Constitution as SchemeOf<u16>>::scheme(&track), scheme);
			}
			// A class without council polls has no council track; Root and signed origins have
			// no track at all.
			let community_only: PalletsOrigin =
				ConstitutionOrigin::House { class: classes::SMALL_SPEND, kind: kinds::COUNCIL }
					.into();
			assert_eq!(<Constitution as TracksInfo<_, _>>::track_for(&community_only), Err(()));
			let root: PalletsOrigin = frame_system::RawOrigin::Root.into();
			assert_eq!(<Constitution as TracksInfo<_, _>>::track_for(&root), Err(()));
			let weights = <Constitution as SchemeOf<u16>>::reputation_weights(&track_id(
				classes::RELEASE_GATE,
				kinds::REVIEW,
			));
			assert_eq!(weights.iter().map(|(domain, _)| *domain).collect::<Vec<_>>(), vec![2, 3]);
		});
	}

	#[test]
	fn referenda_are_opened_only_by_the_constitution() {
		preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			let origin: PalletsOrigin =
				ConstitutionOrigin::House { class: classes::MEDIUM_SPEND, kind: kinds::COMMUNITY }
					.into();
			assert_noop!(
				Referenda::submit(
					signed(Sr25519Keyring::Alice),
					Box::new(origin),
					inline(remark_call()),
					frame_support::traits::schedule::DispatchTime::After(1),
				),
				DispatchError::BadOrigin
			);
			// Through the constitution, the referendum is opened with its decision deposit.
			let (_, polls) = propose(classes::MEDIUM_SPEND, spend(UNIT));
			let Some(ReferendumInfo::Ongoing(status)) =
				pallet_referenda::ReferendumInfoFor::<Runtime>::get(polls.community.unwrap())
			else {
				panic!("the community poll is ongoing")
			};
			assert_eq!(status.track, track_id(classes::MEDIUM_SPEND, kinds::COMMUNITY));
			assert!(status.decision_deposit.is_some());
			assert_eq!(polls.council, None);
		});
	}

	#[test]
	fn a_token_decision_of_the_community_enacts_a_medium_spend() {
		preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			let (decision, polls) = propose(classes::MEDIUM_SPEND, spend(10_000 * UNIT));
			let poll = polls.community.unwrap();
			// Locked aye is 7.5% of the issuance: above the 5% the track needs at the start.
			token_aye(Sr25519Keyring::Alice, poll, 900_000 * UNIT);
			// The frozen balance cannot leave the account while the vote stands.
			assert!(Balances::transfer_allow_death(
				signed(Sr25519Keyring::Alice),
				account(Sr25519Keyring::Ferdie).into(),
				500_000 * UNIT
			)
			.is_err());
			run_to(20);
			assert!(is_approved(poll));
			assert!(matches!(closed_with(decision), Some(Outcome::Enacted { .. })));
			assert_eq!(pallet_treasury::SpendCount::<Runtime>::get(), 1);
			assert!(pallet_constitution::Decisions::<Runtime>::get(decision).is_none());
			// The vote is removed and the freeze released.
			let class = track_id(classes::MEDIUM_SPEND, kinds::COMMUNITY);
			let alice = account(Sr25519Keyring::Alice);
			assert_ok!(Voting::remove_vote(signed(Sr25519Keyring::Alice), Some(class), poll));
			assert_ok!(Voting::unlock(signed(Sr25519Keyring::Alice), class, alice.clone().into()));
			assert!(pallet_balances::Freezes::<Runtime>::get(&alice).is_empty());
		});
	}

	#[test]
	fn each_spend_class_is_capped_by_its_limit() {
		preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			let class_spend = |class: u8, amount: u128| {
				Treasury::spend(
					RuntimeOrigin::from(ConstitutionOrigin::Class(class)),
					Box::new(()),
					amount,
					Box::new(account(Sr25519Keyring::Ferdie)),
					None,
				)
			};
			for (class, limit) in [
				(classes::SMALL_SPEND, 1_000 * UNIT),
				(classes::MEDIUM_SPEND, 10_000 * UNIT),
				(classes::BIG_SPEND, 100_000 * UNIT),
			] {
				assert_ok!(class_spend(class, limit));
				assert_noop!(
					class_spend(class, limit + 1),
					pallet_treasury::Error::<Runtime>::InsufficientPermission
				);
			}
			// Other classes cannot spend at all.
			assert_noop!(class_spend(classes::PARAMETER_CHANGE, UNIT), DispatchError::BadOrigin);
		});
	}

	#[test]
	fn a_quadratic_decision_needs_persons_and_enacts_a_small_spend() {
		preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			let (decision, polls) = propose(classes::SMALL_SPEND, spend(1_000 * UNIT));
			let poll = polls.community.unwrap();
			let vote = |v| AccountVote::Standard { direction: Direction::Aye, amount: v };
			assert_noop!(
				Voting::vote(signed(Sr25519Keyring::Dave), poll, vote(3)),
				pallet_voting::Error::<Runtime>::NotPerson
			);
			for k in [Sr25519Keyring::Dave, Sr25519Keyring::Eve] {
				assert_ok!(Reputation::issue_credential(
					signed(Sr25519Keyring::Alice),
					account(k),
					1_000
				));
			}
			assert_ok!(Voting::vote(signed(Sr25519Keyring::Dave), poll, vote(3)));
			assert_ok!(Voting::vote(signed(Sr25519Keyring::Eve), poll, vote(2)));
			// 11 votes cost 121 credits: more than the 100 of an epoch.
			assert_noop!(
				Voting::vote(signed(Sr25519Keyring::Eve), poll, vote(11)),
				pallet_voting::Error::<Runtime>::InsufficientCredits
			);
			run_to(20);
			assert!(matches!(closed_with(decision), Some(Outcome::Enacted { .. })));
			assert_eq!(pallet_treasury::SpendCount::<Runtime>::get(), 1);
		});
	}

	#[test]
	fn a_reputation_decision_enacts_a_parameter_change() {
		preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			let call = RuntimeCall::Reputation(pallet_reputation::Call::add_domain {
				domain: 9,
				name: b"e2e".to_vec().try_into().unwrap(),
				half_life: 1_000,
			});
			let (decision, polls) = propose(classes::PARAMETER_CHANGE, call);
			let poll = polls.community.unwrap();
			assert_noop!(
				Voting::vote(signed(Sr25519Keyring::Dave), poll, AccountVote::Own(Direction::Aye)),
				pallet_voting::Error::<Runtime>::NoReputation
			);
			let alice = signed(Sr25519Keyring::Alice);
			let (bob, dave) = (account(Sr25519Keyring::Bob), account(Sr25519Keyring::Dave));
			assert_ok!(Reputation::attest(alice.clone(), bob, 0, 800, Default::default()));
			assert_ok!(Reputation::attest(alice, dave, 4, 200, Default::default()));
			aye(Sr25519Keyring::Bob, poll);
			let Some(ReferendumInfo::Ongoing(status)) =
				pallet_referenda::ReferendumInfoFor::<Runtime>::get(poll)
			else {
				panic!("referendum is ongoing")
			};
			let track = track_id(classes::PARAMETER_CHANGE, kinds::COMMUNITY);
			assert_eq!(status.tally.ayes, 800);
			assert_eq!(status.tally.support(track), Perbill::from_percent(80));
			run_to(20);
			assert!(matches!(closed_with(decision), Some(Outcome::Enacted { .. })));
			assert!(Reputation::domain_list().iter().any(|(id, ..)| *id == 9));
		});
	}

	#[test]
	fn a_runtime_upgrade_class_decision_needs_both_houses_and_dispatches_as_root() {
		preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			let ferdie = account(Sr25519Keyring::Ferdie);
			let call = RuntimeCall::Balances(pallet_balances::Call::force_set_balance {
				who: ferdie.clone().into(),
				new_free: 42 * UNIT,
			});
			let (decision, polls) = propose(classes::RUNTIME_UPGRADE, call);
			let (council, community) = (polls.council.unwrap(), polls.community.unwrap());
			// Dave holds no seat.
			assert_noop!(
				Voting::vote(
					signed(Sr25519Keyring::Dave),
					council,
					AccountVote::Own(Direction::Aye)
				),
				pallet_voting::Error::<Runtime>::NotCouncilMember
			);
			aye(Sr25519Keyring::Alice, council);
			aye(Sr25519Keyring::Bob, council);
			let Some(ReferendumInfo::Ongoing(status)) =
				pallet_referenda::ReferendumInfoFor::<Runtime>::get(council)
			else {
				panic!("the council poll is ongoing")
			};
			let track = track_id(classes::RUNTIME_UPGRADE, kinds::COUNCIL);
			assert_eq!(status.tally.support(track), Perbill::from_rational(2u32, 3));
			// The council alone is not enough: the decision waits for the community.
			run_to(20);
			assert!(is_approved(council));
			assert_eq!(closed_with(decision), None);
			assert_eq!(Balances::free_balance(&ferdie), ENDOWMENT);
			token_aye(Sr25519Keyring::Alice, community, 900_000 * UNIT);
			run_to(40);
			assert!(is_approved(community));
			assert!(matches!(closed_with(decision), Some(Outcome::Enacted { .. })));
			assert_eq!(Balances::free_balance(&ferdie), 42 * UNIT);
		});
	}

	#[test]
	fn the_council_vetoes_a_big_spend_within_the_window() {
		preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			let (decision, polls) = propose(classes::BIG_SPEND, spend(50_000 * UNIT));
			assert_eq!(polls.council, None);
			token_aye(Sr25519Keyring::Alice, polls.community.unwrap(), 900_000 * UNIT);
			run_to(12);
			let veto = pallet_constitution::Decisions::<Runtime>::get(decision)
				.unwrap()
				.polls
				.extra
				.expect("the veto poll is open");
			assert_eq!(
				pallet_referenda::ReferendumInfoFor::<Runtime>::get(veto)
					.map(|info| matches!(info, ReferendumInfo::Ongoing(_))),
				Some(true)
			);
			aye(Sr25519Keyring::Alice, veto);
			aye(Sr25519Keyring::Charlie, veto);
			run_to(40);
			assert_eq!(closed_with(decision), Some(Outcome::Vetoed));
			assert_eq!(pallet_treasury::SpendCount::<Runtime>::get(), 0);
		});
	}

	#[test]
	fn a_guardian_pause_is_lifted_by_a_council_ratification_decision() {
		preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			let pause = Measure::PauseCall {
				pallet: b"Proxy".to_vec().try_into().unwrap(),
				call: b"add_proxy".to_vec().try_into().unwrap(),
			};
			let name =
				(b"Proxy".to_vec().try_into().unwrap(), b"add_proxy".to_vec().try_into().unwrap());
			// Only guardians take measures.
			assert_noop!(
				Constitution::take_measure(
					signed(Sr25519Keyring::Alice),
					pause.clone(),
					Default::default(),
					100
				),
				pallet_constitution::Error::<Runtime>::NotGuardian
			);
			assert_ok!(Constitution::take_measure(
				signed(Sr25519Keyring::Dave),
				pause,
				Default::default(),
				100
			));
			assert!(pallet_tx_pause::PausedCalls::<Runtime>::contains_key(&name));
			let lift = RuntimeCall::Constitution(pallet_constitution::Call::lift_measure { id: 0 });
			let (decision, polls) = propose(classes::EMERGENCY_RATIFICATION, lift);
			aye(Sr25519Keyring::Alice, polls.council.unwrap());
			aye(Sr25519Keyring::Bob, polls.council.unwrap());
			run_to(20);
			assert!(matches!(closed_with(decision), Some(Outcome::Enacted { .. })));
			assert!(pallet_constitution::Measures::<Runtime>::get(0).is_none());
			assert!(!pallet_tx_pause::PausedCalls::<Runtime>::contains_key(&name));
		});
	}

	#[test]
	fn a_guardian_may_cancel_a_decision_poll_but_not_a_veto_poll() {
		preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			let cancel = |poll| {
				Constitution::take_measure(
					signed(Sr25519Keyring::Dave),
					Measure::CancelPoll(poll),
					Default::default(),
					10,
				)
			};
			// A big spend the community approved: cancelling the council's veto poll would let
			// it through, so it is refused.
			let (big, polls) = propose(classes::BIG_SPEND, spend(50_000 * UNIT));
			token_aye(Sr25519Keyring::Alice, polls.community.unwrap(), 900_000 * UNIT);
			run_to(12);
			let veto = pallet_constitution::Decisions::<Runtime>::get(big).unwrap().polls.extra;
			assert!(cancel(veto.unwrap()).is_err());
			assert!(matches!(
				pallet_referenda::ReferendumInfoFor::<Runtime>::get(veto.unwrap()),
				Some(ReferendumInfo::Ongoing(_))
			));
			// A medium spend's community poll can be cancelled: the decision is then rejected.
			let (medium, polls) = propose(classes::MEDIUM_SPEND, spend(UNIT));
			assert_ok!(cancel(polls.community.unwrap()));
			assert_ok!(Constitution::advance(signed(Sr25519Keyring::Bob), medium));
			assert_eq!(closed_with(medium), Some(Outcome::Rejected));
		});
	}

	#[test]
	fn guardian_brakes_revert_by_themselves() {
		preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			let dave = signed(Sr25519Keyring::Dave);
			// Safe mode, for 10 blocks.
			assert_ok!(Constitution::take_measure(
				dave.clone(),
				Measure::SafeMode,
				Default::default(),
				10
			));
			assert_eq!(pallet_safe_mode::EnteredUntil::<Runtime>::get(), Some(11));
			assert!(!base_filter_allows(&transfer_call(UNIT)));
			// An artifact suspension, for 20 blocks.
			let hash = pallet_artifacts::ContentHash::Sha2_256([7; 32]);
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
			assert_ok!(Constitution::take_measure(
				dave,
				Measure::SuspendArtifact(hash),
				Default::default(),
				20
			));
			assert!(matches!(
				pallet_artifacts::Artifacts::<Runtime>::get(hash).unwrap().stage,
				pallet_artifacts::Stage::Suspended { .. }
			));
			run_to(12);
			assert_eq!(pallet_safe_mode::EnteredUntil::<Runtime>::get(), None);
			assert!(base_filter_allows(&transfer_call(UNIT)));
			run_to(22);
			assert_eq!(
				pallet_artifacts::Artifacts::<Runtime>::get(hash).unwrap().stage,
				pallet_artifacts::Stage::Registered
			);
			assert_eq!(pallet_constitution::MeasureCount::<Runtime>::get(), 0);
		});
	}
}
