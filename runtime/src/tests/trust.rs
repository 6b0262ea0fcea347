//! The web of trust through the runtime (issue 18 §2): only persons (a valid personhood
//! credential of `pallet-reputation`) endorse, at most `MAX_ENDORSEMENTS` each, every
//! endorsement holding a deposit from the endorser; a revoked credential lets anyone remove the
//! former person's endorsements, whose deposits go back to it. The storage layout the MeritRank
//! tool reads is pinned here too.

use super::governance::*;
use crate::{
	configs::trust::{EndorsementDeposit, ENDORSEMENT_BYTES, MAX_ENDORSEMENTS},
	Balance, RuntimeEvent, RuntimeHoldReason, Trust,
};
use codec::MaxEncodedLen;
use frame_support::traits::{fungible::InspectHold, Get};
use pallet_trust::{Endorsement, EndorsementCount, Endorsements, Error, Event};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave};

/// The `i`-th endorsed account (not a development account).
fn target(i: u32) -> crate::AccountId {
	let mut bytes = [0xE0u8; 32];
	bytes[..4].copy_from_slice(&i.to_le_bytes());
	crate::AccountId::from(bytes)
}

/// What is held from `who` for endorsements.
fn held(who: &crate::AccountId) -> Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::Trust(pallet_trust::HoldReason::Endorsement), who)
}

/// Alice (the development issuer) makes `k` a person until block 1,000.
fn credential(k: Sr25519Keyring, person: u64) {
	assert_ok!(Reputation::issue_credential(signed(Alice), account(k), person, 1_000));
}

fn check_invariants() {
	Trust::do_try_state().expect("trust invariants hold");
}

#[test]
fn only_persons_endorse_within_the_bound_and_each_endorsement_holds_its_deposit() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let dave = account(Dave);
		// Dave has funds but no credential.
		assert_noop!(Trust::endorse(signed(Dave), target(0), 50), Error::<Runtime>::NotPerson);
		credential(Dave, 4);

		let free = Balances::free_balance(&dave);
		for i in 0..MAX_ENDORSEMENTS {
			assert_ok!(Trust::endorse(signed(Dave), target(i), 50));
		}
		// The 33rd endorsement is refused: the bound is per endorser.
		assert_noop!(
			Trust::endorse(signed(Dave), target(MAX_ENDORSEMENTS), 50),
			Error::<Runtime>::TooManyEndorsements
		);
		assert_eq!(Endorsements::<Runtime>::get(&dave).len() as u32, MAX_ENDORSEMENTS);
		assert_eq!(EndorsementCount::<Runtime>::get(), MAX_ENDORSEMENTS);
		let deposits = EndorsementDeposit::get() * Balance::from(MAX_ENDORSEMENTS);
		assert_eq!(held(&dave), deposits);
		assert_eq!(Balances::free_balance(&dave), free - deposits);
		// A new weight is free; the same weight again is refused.
		assert_ok!(Trust::endorse(signed(Dave), target(0), 90));
		assert_noop!(Trust::endorse(signed(Dave), target(0), 90), Error::<Runtime>::Unchanged);
		assert_eq!(held(&dave), deposits);
		// Withdrawing releases one deposit.
		assert_ok!(Trust::withdraw_endorsement(signed(Dave), target(0)));
		assert_eq!(held(&dave), deposits - EndorsementDeposit::get());
		assert_eq!(Balances::free_balance(&dave), free - deposits + EndorsementDeposit::get());
		check_invariants();
	});
}

#[test]
fn a_revoked_credential_lets_anyone_remove_the_endorsements_and_returns_the_deposits() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let dave = account(Dave);
		credential(Dave, 4);
		credential(Charlie, 3);
		let free = Balances::free_balance(&dave);
		for i in 0..3 {
			assert_ok!(Trust::endorse(signed(Dave), target(i), 40));
		}
		assert_ok!(Trust::endorse(signed(Charlie), dave.clone(), 70));
		// While Dave is a person, only he withdraws his endorsements.
		assert_noop!(
			Trust::remove_stale(signed(Bob), dave.clone()),
			Error::<Runtime>::StillAPerson
		);

		assert_ok!(Reputation::revoke_credential(signed(Alice), dave.clone()));
		assert_noop!(Trust::endorse(signed(Dave), target(5), 40), Error::<Runtime>::NotPerson);
		// Bob, who is not a person either, cleans up; the deposits go back to Dave.
		let bob_before = Balances::free_balance(account(Bob));
		let info = Trust::remove_stale(signed(Bob), dave.clone()).unwrap();
		assert_eq!(
			info.actual_weight,
			Some(<crate::weights::pallet_trust::WeightInfo<Runtime> as pallet_trust::WeightInfo>::remove_stale(3))
		);
		assert!(System::events().iter().any(|record| record.event
			== RuntimeEvent::Trust(Event::StaleEndorsementsRemoved {
				endorser: dave.clone(),
				count: 3
			})));
		assert!(!Endorsements::<Runtime>::contains_key(&dave));
		assert_eq!(held(&dave), 0);
		assert_eq!(Balances::free_balance(&dave), free);
		assert_eq!(Balances::free_balance(account(Bob)), bob_before);
		// Charlie's endorsement of Dave is Charlie's, and stays.
		assert_eq!(Trust::endorsement(&account(Charlie), &dave), Some(70));
		assert_eq!(EndorsementCount::<Runtime>::get(), 1);
		assert_noop!(
			Trust::remove_stale(signed(Bob), dave.clone()),
			Error::<Runtime>::NotEndorsed
		);
		check_invariants();
	});
}

#[test]
fn an_expired_credential_makes_the_endorsements_stale_too() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		assert_ok!(Reputation::issue_credential(signed(Alice), account(Dave), 4, 5));
		assert_ok!(Trust::endorse(signed(Dave), target(0), 40));
		run_to(5);
		assert_ok!(Trust::remove_stale(signed(Bob), account(Dave)));
		assert_eq!(held(&account(Dave)), 0);
		check_invariants();
	});
}

#[test]
fn the_deposit_follows_the_storage_formula_and_non_transfer_proxies_cannot_endorse() {
	// One storage item plus the endorsement's encoded bytes.
	assert_eq!(ENDORSEMENT_BYTES as usize, Endorsement::<crate::AccountId>::max_encoded_len());
	assert_eq!(EndorsementDeposit::get(), deposit(1, ENDORSEMENT_BYTES));
	assert_eq!(<<Runtime as pallet_trust::Config>::MaxEndorsements as Get<u32>>::get(), 32);
	// Endorsing holds a deposit; withdrawing and removing only return deposits.
	let endorse = RuntimeCall::Trust(pallet_trust::Call::endorse { to: target(0), weight: 1 });
	let withdraw = RuntimeCall::Trust(pallet_trust::Call::withdraw_endorsement { to: target(0) });
	let stale = RuntimeCall::Trust(pallet_trust::Call::remove_stale { endorser: target(0) });
	assert!(!ProxyType::NonTransfer.filter(&endorse));
	assert!(ProxyType::NonTransfer.filter(&withdraw));
	assert!(ProxyType::NonTransfer.filter(&stale));
	assert!(!ProxyType::Governance.filter(&endorse));
}

#[test]
fn the_graph_is_stored_where_the_meritrank_tool_reads_it() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		use codec::Encode;
		use sp_io::hashing::{blake2_128, twox_128};
		credential(Dave, 4);
		assert_ok!(Trust::endorse(signed(Dave), target(1), 40));
		assert_ok!(Trust::endorse(signed(Dave), target(0), 60));
		let dave = account(Dave);
		// `Trust::Endorsements`: twox128("Trust") ++ twox128("Endorsements") ++
		// blake2_128(endorser) ++ endorser → a vector of `(to, weight: u8)` sorted by `to`.
		let mut key = twox_128(b"Trust").to_vec();
		key.extend(twox_128(b"Endorsements"));
		key.extend(blake2_128(&dave.encode()));
		key.extend(dave.encode());
		assert_eq!(Endorsements::<Runtime>::hashed_key_for(&dave), key);
		let raw = sp_io::storage::get(&key).expect("Dave's endorsements are stored");
		let expected = vec![(target(0), 60u8), (target(1), 40u8)];
		assert_eq!(raw.to_vec(), expected.encode());
		// `Trust::EndorsementCount`: a `u32`.
		let mut count_key = twox_128(b"Trust").to_vec();
		count_key.extend(twox_128(b"EndorsementCount"));
		assert_eq!(sp_io::storage::get(&count_key).map(|v| v.to_vec()), Some(2u32.encode()));
		check_invariants();
	});
}

/// What the benchmarks rely on in this runtime: `pallet-reputation`'s `make_person` makes an
/// endorser, and a person's full list of endorsements fits its funds.
#[cfg(feature = "runtime-benchmarks")]
#[test]
fn benchmark_persons_can_fill_their_endorsements() {
	use ostrom_primitives::PersonhoodProvider;
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let who: crate::AccountId = frame_benchmarking::whitelisted_caller();
		<Balances as frame_support::traits::fungible::Mutate<_>>::set_balance(
			&who,
			1_000 * crate::currency::UNIT,
		);
		<Reputation as PersonhoodProvider<_>>::make_person(&who);
		assert!(<Reputation as PersonhoodProvider<_>>::is_person(&who));
		for i in 0..MAX_ENDORSEMENTS {
			assert_ok!(Trust::endorse(RuntimeOrigin::signed(who.clone()), target(i), 100));
		}
		check_invariants();
	});
}
