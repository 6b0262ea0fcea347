//! Runtime-level tests: genesis presets, fees, deposits and the emergency-brake filters.

#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

mod bounties;
mod caps;
mod constitution;
mod constitution_caps;
mod delegations;
mod governance;
mod guardians;
mod personhood;
mod production;
mod trust;

use frame_support::{
	assert_noop, assert_ok,
	dispatch::GetDispatchInfo,
	traits::{Contains, InstanceFilter},
};
use sp_genesis_builder::PresetId;
use sp_keyring::Sr25519Keyring;

use crate::{
	configs::monetary::TreasuryAccount,
	configs::{accounts::ProxyType, safety::SafeModeWhitelistedCalls},
	currency::{deposit, MILLI_UNIT, UNIT},
	genesis_config_presets::{self, ENDOWMENT},
	Balances, Reputation, Runtime, RuntimeCall, RuntimeOrigin, SafeMode, Sudo, System,
	TransactionPayment, TxPause,
};

/// Genesis storage of the named preset, built the way the node builds it: the preset's patch
/// applied to the default genesis config.
fn preset_ext(name: &str) -> sp_io::TestExternalities {
	let storage = genesis_config_presets::preset_storage(&PresetId::from(name))
		.unwrap_or_else(|e| panic!("preset {name}: {e}"));
	let mut ext = sp_io::TestExternalities::new(storage);
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
fn preset_names_are_development_local_testnet_and_production() {
	let names = genesis_config_presets::preset_names();
	assert_eq!(
		names,
		vec![
			PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
			PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
			PresetId::from(genesis_config_presets::PRODUCTION_PRESET),
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
		// Reputation: six domains, development attesters and issuer.
		let names: Vec<Vec<u8>> =
			Reputation::domain_list().into_iter().map(|(_, name, _)| name).collect();
		assert_eq!(
			names,
			vec![
				b"code".to_vec(),
				b"data".to_vec(),
				b"evaluation".to_vec(),
				b"safety".to_vec(),
				b"docs".to_vec(),
				b"merit".to_vec()
			]
		);
		// Alice attests in `merit` (the MeritRank tool publishes from her account on a
		// development chain); nobody else does.
		let merit = ostrom_primitives::domains::MERIT;
		assert!(pallet_reputation::Attesters::<Runtime>::contains_key(
			merit,
			Sr25519Keyring::Alice.to_account_id()
		));
		assert_eq!(pallet_reputation::Attesters::<Runtime>::iter_prefix(merit).count(), 1);
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
		assert_ok!(Reputation::issue_credential(
			RuntimeOrigin::signed(alice),
			dave.clone(),
			1,
			1_000
		));
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
