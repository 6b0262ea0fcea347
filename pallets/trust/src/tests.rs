//! Tests of the trust pallet. Every test built with `build_and_execute` ends with
//! `do_try_state` (sorted, deduplicated lists without self-edges, the edge count, and each
//! endorser's held deposit) and checks that no funds were created or destroyed.

#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use crate::{
	mock::*, weights::WeightInfo, Endorsement, EndorsementCount, Endorsements, EndorsementsOf,
	Error, Event, HoldReason, MAX_WEIGHT, MIN_WEIGHT,
};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::GetDispatchInfo,
	traits::{
		fungible::{Inspect, InspectHold},
		Hooks,
	},
};
use ostrom_primitives::PersonhoodProvider;
use sp_runtime::{traits::BadOrigin, DispatchError, TokenError};

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// What is held from `who` for endorsements.
fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::Endorsement.into(), &who)
}

/// `who`'s endorsements as `(to, weight)`, in storage order.
fn edges(who: AccountId) -> Vec<(AccountId, u8)> {
	Endorsements::<Test>::get(who).into_iter().map(|e| (e.to, e.weight)).collect()
}

fn last_event() -> Event<Test> {
	trust_events().pop().expect("an event was deposited")
}

fn count() -> u32 {
	EndorsementCount::<Test>::get()
}

/// A list of endorsements, as stored (for corrupting storage in the invariant tests).
fn list(items: &[(AccountId, u8)]) -> EndorsementsOf<Test> {
	items
		.iter()
		.map(|(to, weight)| Endorsement { to: *to, weight: *weight })
		.collect::<Vec<_>>()
		.try_into()
		.unwrap()
}

// ------------------------------------------------------------------------------------------
// endorse
// ------------------------------------------------------------------------------------------

#[test]
fn endorse_records_an_edge_and_holds_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		let free = Balances::balance(&ALICE);
		assert_ok!(Trust::endorse(signed(ALICE), BOB, 70));
		assert_eq!(edges(ALICE), vec![(BOB, 70)]);
		assert_eq!(Trust::endorsement(&ALICE, &BOB), Some(70));
		assert_eq!(Trust::endorsement(&BOB, &ALICE), None);
		assert_eq!(count(), 1);
		assert_eq!(held(ALICE), DEPOSIT);
		assert_eq!(Trust::deposit_of(&ALICE), DEPOSIT);
		assert_eq!(Balances::balance(&ALICE), free - DEPOSIT);
		assert_eq!(last_event(), Event::Endorsed { from: ALICE, to: BOB, weight: 70 });
	});
}

#[test]
fn the_weights_at_both_ends_of_the_range_are_accepted() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Trust::endorse(signed(ALICE), BOB, MIN_WEIGHT));
		assert_ok!(Trust::endorse(signed(ALICE), CHARLIE, MAX_WEIGHT));
		assert_eq!(edges(ALICE), vec![(BOB, 1), (CHARLIE, 100)]);
	});
}

#[test]
fn edges_stay_sorted_whatever_the_order_they_are_made_in() {
	ExtBuilder::default().build_and_execute(|| {
		for (to, weight) in [(FERDIE, 10), (BOB, 20), (EVE, 30), (CHARLIE, 40)] {
			assert_ok!(Trust::endorse(signed(ALICE), to, weight));
		}
		assert_eq!(edges(ALICE), vec![(BOB, 20), (CHARLIE, 40), (EVE, 30), (FERDIE, 10)]);
		assert_eq!(count(), 4);
		assert_eq!(held(ALICE), 4 * DEPOSIT);
		// Removing one from the middle keeps the order.
		assert_ok!(Trust::withdraw_endorsement(signed(ALICE), CHARLIE));
		assert_eq!(edges(ALICE), vec![(BOB, 20), (EVE, 30), (FERDIE, 10)]);
		assert_ok!(Trust::endorse(signed(ALICE), CHARLIE, 50));
		assert_eq!(edges(ALICE), vec![(BOB, 20), (CHARLIE, 50), (EVE, 30), (FERDIE, 10)]);
	});
}

#[test]
fn changing_a_weight_holds_nothing_more() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Trust::endorse(signed(ALICE), BOB, 70));
		let free = Balances::balance(&ALICE);
		assert_ok!(Trust::endorse(signed(ALICE), BOB, 20));
		assert_eq!(edges(ALICE), vec![(BOB, 20)]);
		assert_eq!(count(), 1);
		assert_eq!(held(ALICE), DEPOSIT);
		assert_eq!(Balances::balance(&ALICE), free);
		assert_eq!(last_event(), Event::Endorsed { from: ALICE, to: BOB, weight: 20 });
	});
}

#[test]
fn endorsements_are_directed_and_may_name_accounts_that_are_not_persons() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Trust::endorse(signed(ALICE), BOB, 70));
		assert_ok!(Trust::endorse(signed(BOB), ALICE, 30));
		// Dave is funded but not a person; Eve does not even exist.
		assert_ok!(Trust::endorse(signed(ALICE), DAVE, 5));
		assert_ok!(Trust::endorse(signed(ALICE), EVE, 5));
		assert_eq!(edges(ALICE), vec![(BOB, 70), (DAVE, 5), (EVE, 5)]);
		assert_eq!(edges(BOB), vec![(ALICE, 30)]);
		assert_eq!(count(), 4);
		assert_eq!((held(ALICE), held(BOB)), (3 * DEPOSIT, DEPOSIT));
	});
}

#[test]
fn endorse_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Trust::endorse(RuntimeOrigin::none(), BOB, 50), BadOrigin);
		assert_noop!(Trust::endorse(RuntimeOrigin::root(), BOB, 50), BadOrigin);
		assert_noop!(Trust::endorse(signed(ALICE), BOB, 0), Error::<Test>::InvalidWeight);
		assert_noop!(Trust::endorse(signed(ALICE), BOB, 101), Error::<Test>::InvalidWeight);
		assert_noop!(Trust::endorse(signed(ALICE), BOB, u8::MAX), Error::<Test>::InvalidWeight);
		assert_noop!(Trust::endorse(signed(ALICE), ALICE, 50), Error::<Test>::SelfEndorsement);
		// Dave has funds but no credential.
		assert_noop!(Trust::endorse(signed(DAVE), BOB, 50), Error::<Test>::NotPerson);
		// The same weight again changes nothing.
		assert_ok!(Trust::endorse(signed(ALICE), BOB, 50));
		assert_noop!(Trust::endorse(signed(ALICE), BOB, 50), Error::<Test>::Unchanged);
	});
}

#[test]
fn endorse_is_bounded_per_endorser() {
	ExtBuilder::default().build_and_execute(|| {
		for to in 10..10 + AccountId::from(MAX_ENDORSEMENTS) {
			assert_ok!(Trust::endorse(signed(ALICE), to, 50));
		}
		assert_noop!(Trust::endorse(signed(ALICE), BOB, 50), Error::<Test>::TooManyEndorsements);
		// A full list still takes new weights for its edges.
		assert_ok!(Trust::endorse(signed(ALICE), 10, 60));
		// Other endorsers are not affected.
		assert_ok!(Trust::endorse(signed(BOB), ALICE, 50));
		// A withdrawal frees a slot.
		assert_ok!(Trust::withdraw_endorsement(signed(ALICE), 11));
		assert_ok!(Trust::endorse(signed(ALICE), BOB, 50));
		assert_eq!(count(), MAX_ENDORSEMENTS + 1);
	});
}

#[test]
fn endorse_needs_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		// Poor can pay one deposit (and keeps the existential deposit), not two.
		assert_ok!(Trust::endorse(signed(POOR), ALICE, 50));
		assert_eq!(held(POOR), DEPOSIT);
		assert_noop!(
			Trust::endorse(signed(POOR), BOB, 50),
			DispatchError::Token(TokenError::FundsUnavailable)
		);
		// Changing the weight of its edge costs no deposit.
		assert_ok!(Trust::endorse(signed(POOR), ALICE, 60));
	});
}

#[test]
fn endorse_refuses_to_overflow_the_edge_count() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Trust::endorse(signed(ALICE), BOB, 50));
		EndorsementCount::<Test>::put(u32::MAX);
		assert_noop!(Trust::endorse(signed(ALICE), CHARLIE, 50), Error::<Test>::Overflow);
		// A new weight adds no edge.
		assert_ok!(Trust::endorse(signed(ALICE), BOB, 60));
		EndorsementCount::<Test>::put(1);
	});
}

// ------------------------------------------------------------------------------------------
// withdraw_endorsement
// ------------------------------------------------------------------------------------------

#[test]
fn withdraw_endorsement_releases_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		let free = Balances::balance(&ALICE);
		assert_ok!(Trust::endorse(signed(ALICE), BOB, 70));
		assert_ok!(Trust::endorse(signed(ALICE), CHARLIE, 30));
		assert_ok!(Trust::withdraw_endorsement(signed(ALICE), BOB));
		assert_eq!(edges(ALICE), vec![(CHARLIE, 30)]);
		assert_eq!(count(), 1);
		assert_eq!(held(ALICE), DEPOSIT);
		assert_eq!(last_event(), Event::EndorsementWithdrawn { from: ALICE, to: BOB });
		// The last edge: the list is deleted and nothing stays held.
		assert_ok!(Trust::withdraw_endorsement(signed(ALICE), CHARLIE));
		assert!(!Endorsements::<Test>::contains_key(ALICE));
		assert_eq!(count(), 0);
		assert_eq!(held(ALICE), 0);
		assert_eq!(Balances::balance(&ALICE), free);
		assert_eq!(last_event(), Event::EndorsementWithdrawn { from: ALICE, to: CHARLIE });
	});
}

#[test]
fn withdraw_endorsement_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Trust::withdraw_endorsement(RuntimeOrigin::none(), BOB), BadOrigin);
		// No edges at all.
		assert_noop!(Trust::withdraw_endorsement(signed(ALICE), BOB), Error::<Test>::NotEndorsed);
		assert_ok!(Trust::endorse(signed(ALICE), BOB, 70));
		// Edges, but not this one; nor can anyone withdraw another's edge.
		assert_noop!(
			Trust::withdraw_endorsement(signed(ALICE), CHARLIE),
			Error::<Test>::NotEndorsed
		);
		assert_noop!(Trust::withdraw_endorsement(signed(BOB), BOB), Error::<Test>::NotEndorsed);
		assert_noop!(Trust::withdraw_endorsement(signed(BOB), ALICE), Error::<Test>::NotEndorsed);
	});
}

#[test]
fn a_former_person_may_still_withdraw_its_endorsements() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Trust::endorse(signed(ALICE), BOB, 70));
		MockPersonhood::remove(ALICE);
		assert_noop!(Trust::endorse(signed(ALICE), BOB, 80), Error::<Test>::NotPerson);
		assert_ok!(Trust::withdraw_endorsement(signed(ALICE), BOB));
		assert_eq!(held(ALICE), 0);
		assert_eq!(count(), 0);
	});
}

// ------------------------------------------------------------------------------------------
// remove_stale
// ------------------------------------------------------------------------------------------

#[test]
fn remove_stale_removes_the_edges_of_a_former_person_and_refunds_weight() {
	ExtBuilder::default().build_and_execute(|| {
		let free = Balances::balance(&ALICE);
		for to in [BOB, CHARLIE, EVE] {
			assert_ok!(Trust::endorse(signed(ALICE), to, 50));
		}
		assert_ok!(Trust::endorse(signed(BOB), ALICE, 50));
		// Alice's credential is revoked: anyone, even a non-person, may clean up.
		MockPersonhood::remove(ALICE);
		let call = RuntimeCall::Trust(crate::Call::remove_stale { endorser: ALICE });
		assert_eq!(
			call.get_dispatch_info().call_weight,
			<() as WeightInfo>::remove_stale(MAX_ENDORSEMENTS)
		);
		let info = Trust::remove_stale(signed(DAVE), ALICE).unwrap();
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::remove_stale(3)));
		assert!(!Endorsements::<Test>::contains_key(ALICE));
		assert_eq!(held(ALICE), 0);
		// The deposits go back to Alice, not to the caller.
		assert_eq!(Balances::balance(&ALICE), free);
		assert_eq!(Balances::balance(&DAVE), FUNDS);
		// Edges to Alice are others' and stay.
		assert_eq!(edges(BOB), vec![(ALICE, 50)]);
		assert_eq!(count(), 1);
		assert_eq!(last_event(), Event::StaleEndorsementsRemoved { endorser: ALICE, count: 3 });
	});
}

#[test]
fn remove_stale_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Trust::endorse(signed(ALICE), BOB, 50));
		assert_noop!(Trust::remove_stale(RuntimeOrigin::none(), ALICE), BadOrigin);
		// Alice is still a person; only she withdraws her edges.
		assert_noop!(Trust::remove_stale(signed(BOB), ALICE), Error::<Test>::StillAPerson);
		assert_noop!(Trust::remove_stale(signed(ALICE), ALICE), Error::<Test>::StillAPerson);
		// Dave is no person, but has no edges.
		assert_noop!(Trust::remove_stale(signed(BOB), DAVE), Error::<Test>::NotEndorsed);
		// Once removed, they are gone.
		MockPersonhood::remove(ALICE);
		assert_ok!(Trust::remove_stale(signed(BOB), ALICE));
		assert_noop!(Trust::remove_stale(signed(BOB), ALICE), Error::<Test>::NotEndorsed);
	});
}

#[test]
fn a_person_again_keeps_its_endorsements() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Trust::endorse(signed(ALICE), BOB, 50));
		MockPersonhood::remove(ALICE);
		// Credentialed again before anyone removed the edges: they stand.
		MockPersonhood::add(ALICE);
		assert_noop!(Trust::remove_stale(signed(BOB), ALICE), Error::<Test>::StillAPerson);
		assert_ok!(Trust::endorse(signed(ALICE), CHARLIE, 50));
		assert_eq!(edges(ALICE), vec![(BOB, 50), (CHARLIE, 50)]);
	});
}

#[test]
fn declared_weights_are_the_benchmarked_ones() {
	ExtBuilder::default().build_and_execute(|| {
		let endorse = RuntimeCall::Trust(crate::Call::endorse { to: BOB, weight: 1 });
		assert_eq!(endorse.get_dispatch_info().call_weight, <() as WeightInfo>::endorse());
		let withdraw = RuntimeCall::Trust(crate::Call::withdraw_endorsement { to: BOB });
		assert_eq!(
			withdraw.get_dispatch_info().call_weight,
			<() as WeightInfo>::withdraw_endorsement()
		);
		// The component grows with the number of edges removed.
		assert!(
			<() as WeightInfo>::remove_stale(1).ref_time()
				< <() as WeightInfo>::remove_stale(32).ref_time()
		);
	});
}

// ------------------------------------------------------------------------------------------
// Invariants
// ------------------------------------------------------------------------------------------

#[test]
fn integrity_test_passes() {
	ExtBuilder::default().build_and_execute(|| {
		<Trust as Hooks<u64>>::integrity_test();
	});
}

#[test]
fn try_state_detects_corruption() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Trust::endorse(signed(ALICE), BOB, 50));
		assert_ok!(Trust::endorse(signed(ALICE), CHARLIE, 60));
		assert_ok!(Trust::do_try_state());
		let good = Endorsements::<Test>::get(ALICE);
		let corrupt = |items: &[(AccountId, u8)]| {
			Endorsements::<Test>::insert(ALICE, list(items));
			assert!(Trust::do_try_state().is_err(), "{items:?} is not a valid list");
			Endorsements::<Test>::insert(ALICE, good.clone());
			assert_ok!(Trust::do_try_state());
		};
		// Unsorted, duplicated, a self-edge, a weight out of range.
		corrupt(&[(CHARLIE, 60), (BOB, 50)]);
		corrupt(&[(BOB, 50), (BOB, 60)]);
		corrupt(&[(ALICE, 50), (CHARLIE, 60)]);
		corrupt(&[(BOB, 0), (CHARLIE, 60)]);
		corrupt(&[(BOB, 101), (CHARLIE, 60)]);
		// The count.
		EndorsementCount::<Test>::put(3);
		assert!(Trust::do_try_state().is_err());
		EndorsementCount::<Test>::put(2);
		assert_ok!(Trust::do_try_state());
		// An empty list stored.
		Endorsements::<Test>::insert(DAVE, list(&[]));
		assert!(Trust::do_try_state().is_err());
		Endorsements::<Test>::remove(DAVE);
		// Deposits: an edge without its deposit.
		Endorsements::<Test>::insert(BOB, list(&[(ALICE, 10)]));
		EndorsementCount::<Test>::put(3);
		assert!(Trust::do_try_state().is_err());
		Endorsements::<Test>::remove(BOB);
		EndorsementCount::<Test>::put(2);
		assert_ok!(Trust::do_try_state());
	});
}

/// xorshift64*: a deterministic pseudo-random sequence without extra crates.
struct Rng(u64);
impl Rng {
	fn next(&mut self) -> u64 {
		self.0 ^= self.0 >> 12;
		self.0 ^= self.0 << 25;
		self.0 ^= self.0 >> 27;
		self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
	}
	fn below(&mut self, n: u64) -> u64 {
		self.next() % n
	}
}

#[test]
fn a_random_workload_keeps_every_invariant() {
	ExtBuilder::default().build_and_execute(|| {
		let mut rng = Rng(0x0057_7255_7400_0018);
		let accounts = [ALICE, BOB, CHARLIE, DAVE, EVE, FERDIE];
		let mut ok = 0;
		for _ in 0..2_000 {
			let who = accounts[rng.below(accounts.len() as u64) as usize];
			let to = accounts[rng.below(accounts.len() as u64) as usize];
			let succeeded = match rng.below(10) {
				0..=5 => Trust::endorse(signed(who), to, rng.below(102) as u8).is_ok(),
				6..=7 => Trust::withdraw_endorsement(signed(who), to).is_ok(),
				8 => {
					// Credentials come and go (Dave never holds one).
					if MockPersonhood::is_person(&who) {
						MockPersonhood::remove(who);
					} else if who != DAVE {
						MockPersonhood::add(who);
					}
					true
				},
				_ => Trust::remove_stale(signed(to), who).is_ok(),
			};
			if succeeded {
				ok += 1;
			}
			Trust::do_try_state().unwrap();
		}
		assert!(ok > 300, "only {ok} calls succeeded");
		assert!(count() > 0);
	});
}
