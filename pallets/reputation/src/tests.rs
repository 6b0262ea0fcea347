//! Tests of the reputation pallet. Every test built with `build_and_execute` ends with
//! `do_try_state`, which checks the pallet's invariants, including the rounding bound between
//! each domain total and the sum of its scores.

#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use crate::{
	decay,
	mock::*,
	traits::{PersonhoodProvider, ReputationProvider, ReputationSlasher},
	weights::WeightInfo,
	Attestations, AttestedBy, Attesters, Credentials, DomainId, DomainRecords, DomainTotals,
	Domains, Error, Event, ExpiringAt, Fastest, IssuedBy, Issuers, LastFastestClock, NameOf,
	NextAttestationId, PersonAccount, PersonCount, PersonId, Scores, UnexpiredBy,
};
use frame_support::{assert_noop, assert_ok, dispatch::DispatchResult};
use sp_core::H256;
use sp_runtime::{traits::BadOrigin, Perbill};

fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// The person id the tests give `who`.
fn pid(who: u64) -> PersonId {
	100 + who
}

fn persons() -> u32 {
	<Reputation as PersonhoodProvider<u64>>::person_count()
}

fn name(s: &str) -> NameOf<Test> {
	s.as_bytes().to_vec().try_into().unwrap()
}

fn hash(n: u8) -> H256 {
	H256::repeat_byte(n)
}

fn attest(attester: u64, subject: u64, domain: DomainId, points: u128) -> DispatchResult {
	Reputation::attest(signed(attester), subject, domain, points, hash(1))
}

fn score(who: u64, domain: DomainId) -> u128 {
	Reputation::score_of(&who, domain)
}

fn total(domain: DomainId) -> u128 {
	Reputation::domain_total_of(domain)
}

fn last_event() -> Event<Test> {
	reputation_events().pop().expect("an event was deposited")
}

/// Exact (real-number) decay of `points` over `blocks` blocks.
fn ideal(points: f64, blocks: f64, half_life: f64) -> f64 {
	points * 2f64.powf(-blocks / half_life)
}

/// The stated rounding bound: within `ideal · 10⁻⁹ + 1` point.
fn assert_within(read: u128, ideal: f64) {
	let error = (read as f64 - ideal).abs();
	assert!(error <= ideal * 1e-9 + 1.0, "read {read}, ideal {ideal}, error {error}");
}

/// `who` has no stored score in `domain`, which was the domain's only one: its records and total
/// are back to zero.
fn assert_only_score_cleared(who: u64, domain: DomainId) {
	assert!(!Scores::<Test>::contains_key(who, domain));
	assert_eq!(DomainRecords::<Test>::get(domain), 0);
	assert_eq!(total(domain), 0);
}

/// Genesis with unlimited attesters `ALICE` and `BOB` in both domains.
fn unlimited() -> ExtBuilder {
	ExtBuilder::default().attesters(vec![
		(CODE, ALICE, u128::MAX, u128::MAX),
		(DATA, ALICE, u128::MAX, u128::MAX),
		(CODE, BOB, u128::MAX, u128::MAX),
		(DATA, BOB, u128::MAX, u128::MAX),
	])
}

// ------------------------------------------------------------------------------------------
// Genesis
// ------------------------------------------------------------------------------------------

#[test]
fn genesis_seeds_domains_attesters_and_issuers() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(Domains::<Test>::count(), 2);
		let code = Domains::<Test>::get(CODE).unwrap();
		assert_eq!(code.name.to_vec(), b"code".to_vec());
		assert_eq!(code.half_life, 100);
		assert_eq!(code.attesters, 2);
		assert_eq!(Domains::<Test>::get(DATA).unwrap().attesters, 1);
		let rights = Attesters::<Test>::get(CODE, ALICE).unwrap();
		assert_eq!(
			(rights.max_per_attestation, rights.rate_limit),
			(MAX_PER_ATTESTATION, RATE_LIMIT)
		);
		assert!(Attesters::<Test>::get(DATA, BOB).is_none());
		assert!(Issuers::<Test>::contains_key(ISSUER));
		assert_eq!(Issuers::<Test>::count(), 1);
		assert_eq!(
			Reputation::domain_list(),
			vec![(CODE, b"code".to_vec(), 100), (DATA, b"data".to_vec(), 7)]
		);
		assert_eq!(Reputation::domain_totals(), vec![(CODE, 0), (DATA, 0)]);
	});
}

#[test]
#[should_panic(expected = "invalid genesis domain")]
fn genesis_rejects_a_zero_half_life() {
	let _ =
		ExtBuilder::default().domains(vec![(CODE, b"code".to_vec(), 0)]).attesters(vec![]).build();
}

#[test]
#[should_panic(expected = "invalid genesis attester")]
fn genesis_rejects_an_attester_of_an_unknown_domain() {
	let _ = ExtBuilder::default().attesters(vec![(9, ALICE, 1, 1)]).build();
}

// ------------------------------------------------------------------------------------------
// Domains
// ------------------------------------------------------------------------------------------

#[test]
fn add_domain_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Reputation::add_domain(root(), 7, name("safety"), 50));
		let info = Domains::<Test>::get(7).unwrap();
		assert_eq!(info.half_life, 50);
		assert_eq!(info.anchor_block, 1);
		assert_eq!(info.anchor_clock, 0);
		assert_eq!(info.attesters, 0);
		// The two genesis domains took incarnations 0 and 1.
		assert_eq!(info.incarnation, 2);
		assert_eq!(Domains::<Test>::count(), 3);
		assert_eq!(
			last_event(),
			Event::DomainAdded { domain: 7, name: name("safety"), half_life: 50 }
		);
	});
}

#[test]
fn add_domain_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Reputation::add_domain(signed(ALICE), 7, name("x"), 50), BadOrigin);
		assert_noop!(
			Reputation::add_domain(root(), CODE, name("x"), 50),
			Error::<Test>::DomainExists
		);
		assert_noop!(Reputation::add_domain(root(), 7, name(""), 50), Error::<Test>::EmptyName);
		assert_noop!(Reputation::add_domain(root(), 7, name("x"), 0), Error::<Test>::ZeroHalfLife);
		assert_ok!(Reputation::add_domain(root(), 7, name("x"), 50));
		assert_ok!(Reputation::add_domain(root(), 8, name("y"), 50));
		// MaxDomains = 4.
		assert_noop!(
			Reputation::add_domain(root(), 9, name("z"), 50),
			Error::<Test>::TooManyDomains
		);
	});
}

#[test]
fn update_domain_keeps_scores_continuous_across_a_half_life_change() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(attest(ALICE, DAVE, CODE, 1000));
		run_to(51);
		let before = score(DAVE, CODE);
		assert_within(before, ideal(1000.0, 50.0, 100.0));

		assert_ok!(Reputation::update_domain(root(), CODE, Some(name("software")), Some(10)));
		assert_eq!(
			last_event(),
			Event::DomainUpdated { domain: CODE, name: name("software"), half_life: 10 }
		);
		let info = Domains::<Test>::get(CODE).unwrap();
		assert_eq!((info.half_life, info.anchor_block), (10, 51));
		assert_eq!(info.name, name("software"));
		// Same value at the block of the change...
		assert_eq!(score(DAVE, CODE), before);
		assert_eq!(total(CODE), before);
		// ...then decay with the new half-life: one half-life later, half of it.
		run_to(61);
		assert_within(score(DAVE, CODE), ideal(1000.0, 50.0, 100.0) / 2.0);
		run_to(81);
		assert_within(score(DAVE, CODE), ideal(1000.0, 50.0, 100.0) / 8.0);

		// Renaming alone leaves the half-life and the clock alone.
		assert_ok!(Reputation::update_domain(root(), CODE, Some(name("code")), None));
		let info = Domains::<Test>::get(CODE).unwrap();
		assert_eq!((info.half_life, info.anchor_block), (10, 51));
	});
}

#[test]
fn the_fastest_clock_follows_the_shortest_half_life_and_never_lags_a_domain_clock() {
	ExtBuilder::default().build_and_execute(|| {
		let clock = <Reputation as ReputationProvider<u64, DomainId>>::fastest_clock;
		let domain_clock =
			|d| Reputation::clock_of(&Domains::<Test>::get(d).unwrap(), System::block_number());
		// Genesis: CODE (100 blocks) and DATA (7 blocks): the clock runs at DATA's pace.
		assert_eq!(Fastest::<Test>::get().map(|c| c.half_life), Some(7));
		let start = clock();
		let (code0, data0) = (domain_clock(CODE), domain_clock(DATA));
		run_to(15);
		// Fourteen blocks are two of DATA's half-lives.
		assert_eq!(clock() - start, 2 * decay::CLOCK_ONE);
		assert!(clock() - start >= domain_clock(CODE) - code0);
		assert!(clock() - start >= domain_clock(DATA) - data0);

		// DATA slows down to 200 blocks: CODE (100) is now the fastest, from this block on.
		assert_ok!(Reputation::update_domain(root(), DATA, None, Some(200)));
		let (at, reading) = (clock(), domain_clock(CODE));
		assert_eq!(Fastest::<Test>::get().map(|c| (c.half_life, c.anchor_block)), Some((100, 15)));
		run_to(65);
		assert_eq!(clock() - at, decay::CLOCK_ONE / 2);
		assert_eq!(clock() - at, domain_clock(CODE) - reading);

		// A new domain with a shorter half-life speeds it up; removing it slows it down again.
		assert_ok!(Reputation::add_domain(root(), 7, name("fast"), 10));
		assert_eq!(Fastest::<Test>::get().map(|c| c.half_life), Some(10));
		let at = clock();
		run_to(75);
		assert_eq!(clock() - at, decay::CLOCK_ONE);
		assert_ok!(Reputation::remove_domain(root(), 7));
		assert_eq!(Fastest::<Test>::get().map(|c| c.half_life), Some(100));

		// Without any domain the clock stands still at its last reading, and goes on from there.
		let attesters: Vec<_> = Attesters::<Test>::iter().map(|(d, a, _)| (d, a)).collect();
		for (domain, attester) in attesters {
			assert_ok!(Reputation::remove_attester(root(), domain, attester));
		}
		assert_ok!(Reputation::remove_domain(root(), CODE));
		assert_ok!(Reputation::remove_domain(root(), DATA));
		let stopped = clock();
		assert_eq!(Fastest::<Test>::get(), None);
		assert_eq!(LastFastestClock::<Test>::get(), stopped);
		run_to(200);
		assert_eq!(clock(), stopped);
		assert_ok!(Reputation::add_domain(root(), 1, name("again"), 50));
		assert_eq!(clock(), stopped);
		run_to(250);
		assert_eq!(clock(), stopped + decay::CLOCK_ONE);
	});
}

#[test]
fn update_domain_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Reputation::update_domain(signed(ALICE), CODE, None, Some(5)), BadOrigin);
		assert_noop!(
			Reputation::update_domain(root(), 9, None, Some(5)),
			Error::<Test>::DomainNotFound
		);
		assert_noop!(
			Reputation::update_domain(root(), CODE, Some(name("")), None),
			Error::<Test>::EmptyName
		);
		assert_noop!(
			Reputation::update_domain(root(), CODE, None, Some(0)),
			Error::<Test>::ZeroHalfLife
		);
	});
}

#[test]
fn remove_domain_requires_no_attesters_and_zeroes_its_scores() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Reputation::remove_domain(signed(ALICE), DATA), BadOrigin);
		assert_noop!(Reputation::remove_domain(root(), 9), Error::<Test>::DomainNotFound);
		assert_noop!(Reputation::remove_domain(root(), DATA), Error::<Test>::DomainHasAttesters);

		assert_ok!(attest(ALICE, DAVE, DATA, 10));
		assert_ok!(Reputation::remove_attester(root(), DATA, ALICE));
		assert_ok!(Reputation::remove_domain(root(), DATA));
		assert_eq!(last_event(), Event::DomainRemoved { domain: DATA });
		assert!(!Domains::<Test>::contains_key(DATA));
		assert!(!DomainTotals::<Test>::contains_key(DATA));
		assert_eq!(Domains::<Test>::count(), 1);
		assert_eq!(score(DAVE, DATA), 0);
		assert_eq!(total(DATA), 0);
		assert_eq!(Reputation::scores_of(&DAVE), vec![(CODE, 0)]);
		assert_noop!(attest(ALICE, DAVE, DATA, 10), Error::<Test>::DomainNotFound);

		// Revoking an attestation of a removed domain only drops it.
		assert_ok!(Reputation::revoke(signed(ALICE), 0));
		assert_eq!(
			last_event(),
			Event::Revoked {
				id: 0,
				attester: ALICE,
				subject: DAVE,
				domain: DATA,
				points_removed: 0
			}
		);
		assert!(Scores::<Test>::contains_key(DAVE, DATA));
	});
}

#[test]
fn a_removed_domain_id_is_reusable_once_its_scores_are_reaped() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(attest(ALICE, DAVE, DATA, 100));
		assert_ok!(Reputation::remove_attester(root(), DATA, ALICE));
		assert_ok!(Reputation::remove_domain(root(), DATA));
		assert_eq!(DomainRecords::<Test>::get(DATA), 1);
		assert_noop!(
			Reputation::add_domain(root(), DATA, name("data2"), 7),
			Error::<Test>::DomainHasStaleScores
		);

		assert_ok!(Reputation::reap_score(signed(CHARLIE), DAVE, DATA));
		assert_eq!(last_event(), Event::ScoreReaped { who: DAVE, domain: DATA });
		assert_eq!(DomainRecords::<Test>::get(DATA), 0);
		assert_ok!(Reputation::add_domain(root(), DATA, name("data2"), 7));
		assert_eq!(score(DAVE, DATA), 0);
		assert_eq!(total(DATA), 0);

		// The old attestation belongs to the removed incarnation: revoking it touches nothing.
		assert_ok!(Reputation::set_attester(root(), DATA, BOB, 100, 100));
		assert_ok!(attest(BOB, DAVE, DATA, 40));
		assert_ok!(Reputation::revoke(signed(ALICE), 0));
		assert_eq!(score(DAVE, DATA), 40);
	});
}

// ------------------------------------------------------------------------------------------
// Attesters
// ------------------------------------------------------------------------------------------

#[test]
fn set_attester_authorises_and_updates_limits() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Reputation::set_attester(root(), DATA, BOB, 50, 60));
		assert_eq!(
			last_event(),
			Event::AttesterSet {
				domain: DATA,
				attester: BOB,
				max_per_attestation: 50,
				rate_limit: 60
			}
		);
		let rights = Attesters::<Test>::get(DATA, BOB).unwrap();
		assert_eq!((rights.max_per_attestation, rights.rate_limit, rights.used), (50, 60, 0));
		assert_eq!(Domains::<Test>::get(DATA).unwrap().attesters, 2);

		// Changing the limits keeps the count and caps the use of the current period.
		assert_ok!(attest(BOB, DAVE, DATA, 50));
		assert_ok!(Reputation::set_attester(root(), DATA, BOB, 20, 30));
		let rights = Attesters::<Test>::get(DATA, BOB).unwrap();
		assert_eq!((rights.max_per_attestation, rights.rate_limit, rights.used), (20, 30, 30));
		assert_eq!(Domains::<Test>::get(DATA).unwrap().attesters, 2);
		assert_noop!(attest(BOB, DAVE, DATA, 1), Error::<Test>::RateLimitExceeded);
	});
}

#[test]
fn set_attester_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Reputation::set_attester(signed(ALICE), CODE, CHARLIE, 1, 1), BadOrigin);
		assert_noop!(
			Reputation::set_attester(root(), 9, CHARLIE, 1, 1),
			Error::<Test>::DomainNotFound
		);
		assert_noop!(
			Reputation::set_attester(root(), CODE, CHARLIE, 0, 1),
			Error::<Test>::ZeroLimit
		);
		assert_noop!(
			Reputation::set_attester(root(), CODE, CHARLIE, 1, 0),
			Error::<Test>::ZeroLimit
		);
		// MaxAttestersPerDomain = 3; `code` has ALICE and BOB.
		assert_ok!(Reputation::set_attester(root(), CODE, CHARLIE, 1, 1));
		assert_noop!(
			Reputation::set_attester(root(), CODE, EVE, 1, 1),
			Error::<Test>::TooManyAttesters
		);
		// Updating an existing attester is still possible when the domain is full.
		assert_ok!(Reputation::set_attester(root(), CODE, CHARLIE, 2, 2));
	});
}

#[test]
fn remove_attester_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Reputation::remove_attester(signed(ALICE), CODE, BOB), BadOrigin);
		assert_noop!(Reputation::remove_attester(root(), DATA, BOB), Error::<Test>::NotAttester);
		assert_ok!(attest(BOB, DAVE, CODE, 100));
		assert_ok!(Reputation::remove_attester(root(), CODE, BOB));
		assert_eq!(last_event(), Event::AttesterRemoved { domain: CODE, attester: BOB });
		assert_eq!(Domains::<Test>::get(CODE).unwrap().attesters, 1);
		assert_noop!(attest(BOB, DAVE, CODE, 100), Error::<Test>::NotAttester);
		// A removed attester may still revoke within the window.
		assert_ok!(Reputation::revoke(signed(BOB), 0));
		assert_eq!(score(DAVE, CODE), 0);
	});
}

// ------------------------------------------------------------------------------------------
// Attestations
// ------------------------------------------------------------------------------------------

#[test]
fn attest_raises_scores_and_totals() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Reputation::attest(signed(ALICE), DAVE, CODE, 1000, hash(7)));
		assert_eq!(
			last_event(),
			Event::Attested {
				id: 0,
				attester: ALICE,
				subject: DAVE,
				domain: CODE,
				points: 1000,
				evidence: hash(7)
			}
		);
		assert_eq!(score(DAVE, CODE), 1000);
		assert_eq!(total(CODE), 1000);
		let ledger = Attestations::<Test>::get(ALICE);
		assert_eq!(ledger.len(), 1);
		assert_eq!((ledger[0].id, ledger[0].subject, ledger[0].points), (0, DAVE, 1000));
		assert_eq!((ledger[0].at, ledger[0].evidence), (1, hash(7)));

		assert_ok!(attest(BOB, DAVE, CODE, 500));
		assert_ok!(attest(ALICE, EVE, CODE, 250));
		assert_ok!(attest(ALICE, DAVE, DATA, 100));
		assert_eq!(NextAttestationId::<Test>::get(), 4);
		assert_eq!(score(DAVE, CODE), 1500);
		assert_eq!(score(EVE, CODE), 250);
		assert_eq!(total(CODE), 1750);
		assert_eq!(Reputation::total_score_of(&DAVE), 1600);
		assert_eq!(Reputation::scores_of(&DAVE), vec![(CODE, 1500), (DATA, 100)]);
		assert_eq!(Reputation::domain_totals(), vec![(CODE, 1750), (DATA, 100)]);
		assert_eq!(DomainRecords::<Test>::get(CODE), 2);
		assert_eq!(Attesters::<Test>::get(CODE, ALICE).unwrap().used, 1250);
	});
}

#[test]
fn attest_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Reputation::attest(root(), DAVE, CODE, 10, hash(1)), BadOrigin);
		assert_noop!(attest(ALICE, DAVE, CODE, 0), Error::<Test>::ZeroPoints);
		assert_noop!(attest(ALICE, ALICE, CODE, 10), Error::<Test>::SelfAttestation);
		assert_noop!(attest(ALICE, DAVE, 9, 10), Error::<Test>::DomainNotFound);
		assert_noop!(attest(CHARLIE, DAVE, CODE, 10), Error::<Test>::NotAttester);
		assert_noop!(attest(BOB, DAVE, DATA, 10), Error::<Test>::NotAttester);
		assert_noop!(
			attest(ALICE, DAVE, CODE, MAX_PER_ATTESTATION + 1),
			Error::<Test>::ExceedsMaxPerAttestation
		);
		assert_ok!(attest(ALICE, DAVE, CODE, 1000));
		assert_ok!(attest(ALICE, DAVE, CODE, 1000));
		// RATE_LIMIT = 2500 per period.
		assert_noop!(attest(ALICE, DAVE, CODE, 501), Error::<Test>::RateLimitExceeded);
		assert_ok!(attest(ALICE, DAVE, CODE, 499));
		// MaxAttestationsPerAttester = 4.
		assert_ok!(attest(ALICE, EVE, CODE, 1));
		assert_noop!(attest(ALICE, EVE, DATA, 1), Error::<Test>::TooManyAttestations);
	});
}

#[test]
fn rate_limits_reset_at_period_boundaries() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Reputation::set_attester(root(), DATA, ALICE, 1000, 1500));
		// RatePeriod = 10: blocks 1..=9 are period 0.
		run_to(9);
		assert_ok!(attest(ALICE, DAVE, DATA, 1000));
		assert_ok!(attest(ALICE, DAVE, DATA, 500));
		assert_noop!(attest(ALICE, DAVE, DATA, 1), Error::<Test>::RateLimitExceeded);
		// Another attester has its own limit.
		assert_ok!(attest(BOB, DAVE, CODE, 1000));

		// Block 10 starts period 1.
		run_to(10);
		assert_ok!(attest(ALICE, EVE, DATA, 1000));
		assert_eq!(Attesters::<Test>::get(DATA, ALICE).unwrap().period, 1);
		assert_eq!(Attesters::<Test>::get(DATA, ALICE).unwrap().used, 1000);
		run_to(19);
		assert_noop!(attest(ALICE, EVE, DATA, 501), Error::<Test>::RateLimitExceeded);
		assert_ok!(attest(ALICE, EVE, DATA, 500));
		assert_noop!(attest(ALICE, EVE, DATA, 1), Error::<Test>::RateLimitExceeded);

		// Period 3, and the attestations of block 9 can no longer be revoked: two slots free.
		run_to(30);
		assert_ok!(attest(ALICE, DAVE, DATA, 1000));
		assert_eq!(Attestations::<Test>::get(ALICE).len(), 3);
		assert_eq!(Attesters::<Test>::get(DATA, ALICE).unwrap().used, 1000);
	});
}

#[test]
fn attestation_lists_are_bounded_and_pruned_after_the_window() {
	ExtBuilder::default().build_and_execute(|| {
		for _ in 0..4 {
			assert_ok!(attest(ALICE, DAVE, CODE, 10));
		}
		assert_noop!(attest(ALICE, DAVE, CODE, 10), Error::<Test>::TooManyAttestations);
		// RevocationWindow = 20: the attestations of block 1 are revocable up to block 21.
		run_to(21);
		assert_noop!(attest(ALICE, DAVE, CODE, 10), Error::<Test>::TooManyAttestations);
		run_to(22);
		assert_ok!(attest(ALICE, DAVE, CODE, 10));
		let ledger = Attestations::<Test>::get(ALICE);
		assert_eq!(ledger.len(), 1);
		assert_eq!(ledger[0].id, 4);
	});
}

#[test]
fn attest_refuses_amounts_beyond_the_numeric_range() {
	unlimited().build_and_execute(|| {
		assert_noop!(attest(ALICE, DAVE, CODE, 1u128 << 96), Error::<Test>::Overflow);
		assert_noop!(attest(ALICE, DAVE, CODE, u128::MAX), Error::<Test>::Overflow);

		// The largest amount that always fits reads back within the bound and decays.
		assert_ok!(attest(ALICE, DAVE, CODE, decay::MAX_POINTS));
		assert_within(score(DAVE, CODE), decay::MAX_POINTS as f64);
		assert_within(total(CODE), decay::MAX_POINTS as f64);
		// A second one would take the domain total beyond the range.
		assert_noop!(attest(BOB, EVE, CODE, decay::MAX_POINTS), Error::<Test>::Overflow);

		run_to(101);
		assert_within(score(DAVE, CODE), decay::MAX_POINTS as f64 / 2.0);
		run_to(1 + 100 * 50);
		assert_within(score(DAVE, CODE), decay::MAX_POINTS as f64 / 2f64.powi(50));
		// 128 half-lives empty any u128.
		run_to(1 + 100 * 128);
		assert_eq!(score(DAVE, CODE), 0);
		assert_eq!(total(CODE), 0);
		assert_ok!(Reputation::reap_score(signed(CHARLIE), DAVE, CODE));
		assert!(!DomainTotals::<Test>::contains_key(CODE));
	});
}

// ------------------------------------------------------------------------------------------
// Decay
// ------------------------------------------------------------------------------------------

#[test]
fn scores_halve_every_half_life() {
	ExtBuilder::default().build_and_execute(|| {
		// The largest power of two an attester may attest at once (the maximum is 1000).
		assert_ok!(attest(ALICE, DAVE, CODE, 512));
		for k in 0..=9u32 {
			run_to(1 + 100 * k as u64);
			assert_eq!(score(DAVE, CODE), 512 >> k, "after {k} half-lives");
			assert_eq!(total(CODE), 512 >> k, "after {k} half-lives");
		}
		run_to(1 + 100 * 10);
		assert!(score(DAVE, CODE) <= 1);
		run_to(1 + 100 * 128);
		assert_eq!(score(DAVE, CODE), 0);
		assert_eq!(total(CODE), 0);
	});
}

#[test]
fn lazy_reads_match_block_by_block_decay_across_many_half_lives() {
	unlimited().build_and_execute(|| {
		// Exact decay applied block by block, in floating point (test only).
		let factor_data = 2f64.powf(-1.0 / 7.0);
		let factor_code = 2f64.powf(-1.0 / 100.0);
		let (mut ideal_data, mut ideal_code, mut ideal_eve) = (0f64, 0f64, 0f64);
		for block in 1..=400u64 {
			if block > 1 {
				run_to(block);
				ideal_data *= factor_data;
				ideal_code *= factor_code;
				ideal_eve *= factor_data;
			}
			if block % 37 == 1 {
				let points = 1_000_000_007u128 * block as u128;
				assert_ok!(attest(ALICE, DAVE, DATA, points));
				assert_ok!(attest(ALICE, DAVE, CODE, points));
				ideal_data += points as f64;
				ideal_code += points as f64;
			}
			if block % 53 == 52 {
				assert_ok!(attest(BOB, EVE, DATA, 12_345));
				ideal_eve += 12_345.0;
			}
			assert_within(score(DAVE, DATA), ideal_data);
			assert_within(score(DAVE, CODE), ideal_code);
			assert_within(score(EVE, DATA), ideal_eve);
			assert_within(total(DATA), ideal_data + ideal_eve);
			assert_within(total(CODE), ideal_code);
		}
		// 400 blocks are 57 half-lives of `data`.
		assert_eq!(Domains::<Test>::get(DATA).map(|d| d.half_life), Some(7));
	});
}

#[test]
fn a_half_life_of_one_block_halves_exactly_every_block() {
	unlimited().build_and_execute(|| {
		assert_ok!(Reputation::add_domain(root(), 5, name("fast"), 1));
		assert_ok!(Reputation::set_attester(root(), 5, ALICE, u128::MAX, u128::MAX));
		assert_ok!(attest(ALICE, DAVE, 5, 1u128 << 90));
		for k in 0..=90u64 {
			run_to(1 + k);
			assert_eq!(score(DAVE, 5), 1u128 << (90 - k));
		}
		// Half a point rounds up, a quarter down.
		run_to(92);
		assert_eq!(score(DAVE, 5), 1);
		run_to(93);
		assert_eq!(score(DAVE, 5), 0);
		run_to(1 + 128);
		assert_eq!(total(5), 0);
	});
}

#[test]
fn huge_gaps_decay_to_zero_and_the_domain_keeps_working() {
	unlimited().build_and_execute(|| {
		assert_ok!(attest(ALICE, DAVE, CODE, decay::MAX_POINTS));
		run_to(1u64 << 62);
		assert_eq!(score(DAVE, CODE), 0);
		assert_eq!(total(CODE), 0);
		assert_ok!(attest(ALICE, EVE, CODE, 1000));
		assert_eq!(score(EVE, CODE), 1000);
		assert_eq!(total(CODE), 1000);
		// The old score's bucket was dropped (worth zero); the old score can be reaped.
		assert_eq!(DomainTotals::<Test>::get(CODE).len(), 1);
		assert_ok!(Reputation::reap_score(signed(CHARLIE), DAVE, CODE));
	});
}

#[test]
fn decay_primitive_is_within_the_stated_bound_across_the_range() {
	let values = [1u128, 3, 1000, 10u128.pow(12), 1u128 << 64, (1u128 << 127) + 12_345, u128::MAX];
	let deltas = [
		0u128,
		1,
		1 << 31,
		1 << 32,
		(1 << 32) + 1,
		3 << 31,
		(10 << 32) + 123_456_789,
		(127 << 32) + (1 << 31),
		128 << 32,
		1 << 100,
		u128::MAX,
	];
	for value in values {
		for delta in deltas {
			let got = decay::decay(value, delta);
			let exact = value as f64 * 2f64.powf(-(delta as f64) / 4_294_967_296.0);
			let error = (got as f64 - exact).abs();
			assert!(error <= exact * 1e-12 + 2.0, "decay({value}, {delta}) = {got}, exact {exact}");
			assert!(got <= value);
		}
	}
	// Whole half-lives are exact shifts; 128 of them empty any value.
	assert_eq!(decay::decay(u128::MAX, 0), u128::MAX);
	assert_eq!(decay::decay(u128::MAX, 5 << 32), u128::MAX >> 5);
	assert_eq!(decay::decay(u128::MAX, 127 << 32), 1);
	assert_eq!(decay::decay(u128::MAX, 128 << 32), 0);
	// 2^(-1/2) in Q64.
	assert_eq!(decay::pow2_neg_fraction(1 << 31), 0xb504_f333_f9de_6484);
	assert_eq!(decay::pow2_neg_fraction(0), decay::ONE_Q64);
	assert!(decay::pow2_neg_fraction(u32::MAX) > decay::ONE_Q64 / 2);
	assert_eq!(decay::mul_q64(u128::MAX, decay::ONE_Q64), u128::MAX);
}

#[test]
fn decay_applied_step_by_step_matches_one_shot_decay_within_the_bound() {
	// One block of a 7-block half-life, as the clock sees it.
	let step = (1u128 << 32) / 7;
	for value in [10u128.pow(18), u128::MAX / 3] {
		let mut stepwise = value;
		for n in 1..=500u128 {
			stepwise = decay::decay(stepwise, step);
			let one_shot = decay::decay(value, step * n);
			let error = (stepwise as f64 - one_shot as f64).abs();
			// Each application loses less than 2 (plus a relative 10⁻¹⁷).
			assert!(error <= one_shot as f64 * 1e-12 + 2.0 * n as f64, "after {n} steps");
		}
	}
}

#[test]
fn units_round_trip_exactly_for_realistic_amounts() {
	for points in [1u128, 7, 1000, 10u128.pow(12), 10u128.pow(15)] {
		for frac in [0u32, 1, 1 << 31, 123_456_789, u32::MAX] {
			let units = decay::points_to_units(points, frac).unwrap();
			assert_eq!(decay::units_to_points(units, frac), points, "{points} at {frac}");
		}
	}
	assert!(decay::points_to_units(decay::MAX_POINTS, u32::MAX).is_some());
	assert!(decay::points_to_units(1u128 << 96, 0).is_none());
	// A half-life of one block: the clock counts whole half-lives.
	assert_eq!(decay::clock_after(0, 5, 1), 5 << 32);
	assert_eq!(decay::split_clock((7 << 32) + 9), (7, 9));
	// A huge gap saturates instead of overflowing.
	assert_eq!(decay::clock_after(0, u128::MAX, 1), u128::MAX);
}

// ------------------------------------------------------------------------------------------
// Revocation
// ------------------------------------------------------------------------------------------

#[test]
fn revoke_after_partial_decay_removes_what_remains_of_the_attestation() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(attest(ALICE, DAVE, CODE, 1000));
		assert_ok!(attest(BOB, DAVE, CODE, 500));
		// 15 of the code domain's 100-block half-life: inside the 20-block revocation window.
		run_to(16);
		let before = score(DAVE, CODE);
		assert_within(before, ideal(1500.0, 15.0, 100.0));

		assert_ok!(Reputation::revoke(signed(ALICE), 0));
		let Event::Revoked { id, attester, subject, domain, points_removed } = last_event() else {
			panic!("expected a Revoked event");
		};
		assert_eq!((id, attester, subject, domain), (0, ALICE, DAVE, CODE));
		assert_within(points_removed, ideal(1000.0, 15.0, 100.0));
		assert_within(score(DAVE, CODE), ideal(500.0, 15.0, 100.0));
		assert_eq!(before - score(DAVE, CODE), points_removed);
		assert_eq!(total(CODE), score(DAVE, CODE));
		assert!(!Attestations::<Test>::contains_key(ALICE));

		// What remains is exactly BOB's attestation.
		assert_ok!(Reputation::revoke(signed(BOB), 1));
		assert_eq!(score(DAVE, CODE), 0);
		assert_only_score_cleared(DAVE, CODE);
	});
}

#[test]
fn revoke_across_half_lives_removes_the_decayed_points() {
	ExtBuilder::default().build_and_execute(|| {
		// `data` has a half-life of 7 blocks: two half-lives by block 15.
		assert_ok!(attest(ALICE, DAVE, DATA, 1000));
		assert_ok!(attest(ALICE, EVE, DATA, 1000));
		run_to(15);
		assert_ok!(Reputation::revoke(signed(ALICE), 0));
		let Event::Revoked { points_removed, .. } = last_event() else {
			panic!("expected a Revoked event");
		};
		assert_eq!(points_removed, 250);
		assert_eq!(score(DAVE, DATA), 0);
		assert_eq!(score(EVE, DATA), 250);
		assert_eq!(total(DATA), 250);
	});
}

#[test]
fn revoke_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(attest(ALICE, DAVE, CODE, 100));
		assert_noop!(Reputation::revoke(root(), 0), BadOrigin);
		// Not BOB's attestation.
		assert_noop!(Reputation::revoke(signed(BOB), 0), Error::<Test>::AttestationNotFound);
		assert_noop!(Reputation::revoke(signed(ALICE), 7), Error::<Test>::AttestationNotFound);
		// RevocationWindow = 20: revocable up to block 21.
		run_to(22);
		assert_noop!(Reputation::revoke(signed(ALICE), 0), Error::<Test>::RevocationWindowPassed);
	});
}

#[test]
fn revoke_is_allowed_on_the_last_block_of_the_window() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(attest(ALICE, DAVE, CODE, 100));
		run_to(21);
		assert_ok!(Reputation::revoke(signed(ALICE), 0));
		assert_eq!(score(DAVE, CODE), 0);
	});
}

#[test]
fn revoke_after_a_slash_removes_at_most_what_is_left() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(attest(ALICE, DAVE, CODE, 1000));
		assert_ok!(attest(BOB, DAVE, CODE, 1000));
		assert_ok!(Reputation::slash(root(), DAVE, Some(CODE), Perbill::from_percent(75), hash(2)));
		assert_eq!(score(DAVE, CODE), 500);
		assert_ok!(Reputation::revoke(signed(ALICE), 0));
		assert_eq!(
			last_event(),
			Event::Revoked {
				id: 0,
				attester: ALICE,
				subject: DAVE,
				domain: CODE,
				points_removed: 500
			}
		);
		assert_eq!(score(DAVE, CODE), 0);
		assert_ok!(Reputation::revoke(signed(BOB), 1));
		assert_eq!(
			last_event(),
			Event::Revoked { id: 1, attester: BOB, subject: DAVE, domain: CODE, points_removed: 0 }
		);
	});
}

// ------------------------------------------------------------------------------------------
// Slashing and reaping
// ------------------------------------------------------------------------------------------

#[test]
fn slash_in_one_domain_then_decay() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(attest(ALICE, DAVE, CODE, 1000));
		assert_ok!(attest(ALICE, DAVE, DATA, 1000));
		assert_ok!(Reputation::slash(root(), DAVE, Some(CODE), Perbill::from_percent(25), hash(9)));
		assert_eq!(
			last_event(),
			Event::Slashed {
				who: DAVE,
				domain: CODE,
				fraction: Perbill::from_percent(25),
				points_removed: 250,
				reason: hash(9)
			}
		);
		assert_eq!(score(DAVE, CODE), 750);
		assert_eq!(total(CODE), 750);
		assert_eq!(score(DAVE, DATA), 1000);
		// Decay continues from the slashed value.
		run_to(101);
		assert_eq!(score(DAVE, CODE), 375);
		assert_within(score(DAVE, CODE), ideal(750.0, 100.0, 100.0));
	});
}

#[test]
fn slash_in_every_domain_refunds_unused_weight() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(attest(ALICE, DAVE, CODE, 1000));
		assert_ok!(attest(ALICE, DAVE, DATA, 800));
		assert_ok!(attest(BOB, EVE, CODE, 100));
		let info =
			Reputation::slash(root(), DAVE, None, Perbill::from_percent(50), hash(3)).unwrap();
		// Two domains examined, not MaxDomains.
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::slash(2)));
		assert_eq!(score(DAVE, CODE), 500);
		assert_eq!(score(DAVE, DATA), 400);
		assert_eq!(score(EVE, CODE), 100);
		assert_eq!(total(CODE), 600);
		let events = reputation_events();
		for (domain, points_removed) in [(CODE, 500), (DATA, 400)] {
			assert!(events.contains(&Event::Slashed {
				who: DAVE,
				domain,
				fraction: Perbill::from_percent(50),
				points_removed,
				reason: hash(3)
			}));
		}
	});
}

#[test]
fn slashing_everything_deletes_the_score() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(attest(ALICE, DAVE, CODE, 1000));
		assert_ok!(Reputation::slash(root(), DAVE, None, Perbill::one(), hash(3)));
		assert_only_score_cleared(DAVE, CODE);
	});
}

#[test]
fn slash_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(attest(ALICE, DAVE, CODE, 1000));
		assert_noop!(
			Reputation::slash(signed(ALICE), DAVE, None, Perbill::from_percent(1), hash(0)),
			BadOrigin
		);
		assert_noop!(
			Reputation::slash(root(), DAVE, Some(CODE), Perbill::zero(), hash(0)),
			Error::<Test>::ZeroFraction
		);
		assert_noop!(
			Reputation::slash(root(), DAVE, Some(9), Perbill::from_percent(1), hash(0)),
			Error::<Test>::DomainNotFound
		);
		assert_noop!(
			Reputation::slash(root(), DAVE, Some(DATA), Perbill::from_percent(1), hash(0)),
			Error::<Test>::NoReputation
		);
		assert_noop!(
			Reputation::slash(root(), EVE, None, Perbill::from_percent(1), hash(0)),
			Error::<Test>::NoReputation
		);
	});
}

#[test]
fn the_slasher_trait_slashes_and_returns_the_points_removed() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(attest(ALICE, DAVE, CODE, 1000));
		assert_eq!(
			<Reputation as ReputationSlasher<u64, DomainId, H256>>::slash(
				&DAVE,
				Some(CODE),
				Perbill::from_percent(10),
				hash(4)
			),
			Ok(100)
		);
		assert_eq!(score(DAVE, CODE), 900);
		assert_eq!(
			<Reputation as ReputationSlasher<u64, DomainId, H256>>::slash(
				&EVE,
				None,
				Perbill::from_percent(10),
				hash(4)
			),
			Err(Error::<Test>::NoReputation.into())
		);
	});
}

#[test]
fn reap_score_works_once_a_score_is_worth_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Reputation::reap_score(signed(CHARLIE), DAVE, DATA), Error::<Test>::NoScore);
		assert_ok!(attest(ALICE, DAVE, DATA, 1000));
		assert_noop!(
			Reputation::reap_score(signed(CHARLIE), DAVE, DATA),
			Error::<Test>::NotReapable
		);
		assert_noop!(Reputation::reap_score(root(), DAVE, DATA), BadOrigin);
		// 10 half-lives: about one point left.
		run_to(1 + 7 * 10);
		assert_eq!(score(DAVE, DATA), 1);
		assert_noop!(
			Reputation::reap_score(signed(CHARLIE), DAVE, DATA),
			Error::<Test>::NotReapable
		);
		// 11 half-lives: less than half a point.
		run_to(1 + 7 * 11);
		assert_eq!(score(DAVE, DATA), 0);
		assert_ok!(Reputation::reap_score(signed(CHARLIE), DAVE, DATA));
		assert_eq!(last_event(), Event::ScoreReaped { who: DAVE, domain: DATA });
		assert!(!Scores::<Test>::contains_key(DAVE, DATA));
		assert!(!DomainTotals::<Test>::contains_key(DATA));
		assert_eq!(DomainRecords::<Test>::get(DATA), 0);
	});
}

// ------------------------------------------------------------------------------------------
// Personhood
// ------------------------------------------------------------------------------------------

#[test]
fn issuers_are_managed_by_governance() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Reputation::add_issuer(signed(ALICE), OTHER_ISSUER), BadOrigin);
		assert_noop!(Reputation::add_issuer(root(), ISSUER), Error::<Test>::AlreadyIssuer);
		assert_ok!(Reputation::add_issuer(root(), OTHER_ISSUER));
		assert_eq!(last_event(), Event::IssuerAdded { issuer: OTHER_ISSUER });
		// MaxIssuers = 3.
		assert_ok!(Reputation::add_issuer(root(), 12));
		assert_noop!(Reputation::add_issuer(root(), 13), Error::<Test>::TooManyIssuers);
		assert_eq!(Issuers::<Test>::count(), 3);

		assert_noop!(Reputation::remove_issuer(signed(ALICE), 12), BadOrigin);
		assert_noop!(Reputation::remove_issuer(root(), 13), Error::<Test>::NotIssuer);
		assert_ok!(Reputation::remove_issuer(root(), 12));
		assert_eq!(last_event(), Event::IssuerRemoved { issuer: 12 });
		assert!(!Issuers::<Test>::contains_key(12));
		assert_eq!(Issuers::<Test>::count(), 2);
	});
}

#[test]
fn credentials_expire_on_read() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Reputation::issue_credential(signed(ISSUER), DAVE, pid(DAVE), 11));
		assert_eq!(
			last_event(),
			Event::CredentialIssued {
				who: DAVE,
				issuer: ISSUER,
				person: pid(DAVE),
				expires_at: 11
			}
		);
		assert!(Reputation::is_person(&DAVE));
		assert_eq!(Reputation::personhood_expiry(&DAVE), Some(11));
		assert_eq!(<Reputation as PersonhoodProvider<u64>>::person_count(), 1);
		assert_eq!(IssuedBy::<Test>::get(ISSUER), 1);

		run_to(10);
		assert!(Reputation::is_person(&DAVE));
		assert_noop!(
			Reputation::purge_credential(signed(CHARLIE), DAVE),
			Error::<Test>::CredentialStillValid
		);
		run_to(11);
		assert!(!Reputation::is_person(&DAVE));
		assert_eq!(Reputation::personhood_expiry(&DAVE), None);

		assert_noop!(Reputation::purge_credential(root(), DAVE), BadOrigin);
		assert_ok!(Reputation::purge_credential(signed(CHARLIE), DAVE));
		assert_eq!(last_event(), Event::CredentialPurged { who: DAVE, issuer: ISSUER });
		assert!(!Credentials::<Test>::contains_key(DAVE));
		assert_eq!(Credentials::<Test>::count(), 0);
		assert_eq!(IssuedBy::<Test>::get(ISSUER), 0);
		assert_noop!(
			Reputation::purge_credential(signed(CHARLIE), DAVE),
			Error::<Test>::NoCredential
		);
	});
}

#[test]
fn issue_credential_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Reputation::issue_credential(root(), DAVE, pid(DAVE), 10), BadOrigin);
		assert_noop!(
			Reputation::issue_credential(signed(CHARLIE), DAVE, pid(DAVE), 10),
			Error::<Test>::NotIssuer
		);
		assert_noop!(
			Reputation::issue_credential(signed(ISSUER), ISSUER, pid(ISSUER), 10),
			Error::<Test>::SelfIssuance
		);
		assert_noop!(
			Reputation::issue_credential(signed(ISSUER), DAVE, pid(DAVE), 1),
			Error::<Test>::ExpiryInPast
		);
		// MaxCredentialDuration = 1000 blocks from now (block 1).
		assert_noop!(
			Reputation::issue_credential(signed(ISSUER), DAVE, pid(DAVE), 1002),
			Error::<Test>::ExpiryTooFar
		);
		assert_ok!(Reputation::issue_credential(signed(ISSUER), DAVE, pid(DAVE), 1001));

		assert_ok!(Reputation::add_issuer(root(), OTHER_ISSUER));
		assert_noop!(
			Reputation::issue_credential(signed(OTHER_ISSUER), DAVE, pid(DAVE), 100),
			Error::<Test>::CredentialExists
		);
		// MaxCredentialsPerIssuer = 3.
		assert_ok!(Reputation::issue_credential(signed(ISSUER), EVE, pid(EVE), 100));
		assert_ok!(Reputation::issue_credential(signed(ISSUER), CHARLIE, pid(CHARLIE), 100));
		assert_noop!(
			Reputation::issue_credential(signed(ISSUER), ALICE, pid(ALICE), 100),
			Error::<Test>::TooManyCredentials
		);
	});
}

#[test]
fn credentials_are_renewed_by_their_issuer_and_replaced_once_invalid() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Reputation::issue_credential(signed(ISSUER), DAVE, pid(DAVE), 11));
		assert_ok!(Reputation::issue_credential(signed(ISSUER), DAVE, pid(DAVE), 50));
		assert_eq!(Reputation::personhood_expiry(&DAVE), Some(50));
		assert_eq!((IssuedBy::<Test>::get(ISSUER), Credentials::<Test>::count()), (1, 1));

		assert_ok!(Reputation::add_issuer(root(), OTHER_ISSUER));
		run_to(50);
		assert_ok!(Reputation::issue_credential(signed(OTHER_ISSUER), DAVE, pid(DAVE), 60));
		assert_eq!(Credentials::<Test>::get(DAVE).unwrap().issuer, OTHER_ISSUER);
		assert_eq!(Credentials::<Test>::get(DAVE).unwrap().issued_at, 50);
		assert_eq!(IssuedBy::<Test>::get(ISSUER), 0);
		assert!(!IssuedBy::<Test>::contains_key(ISSUER));
		assert_eq!(IssuedBy::<Test>::get(OTHER_ISSUER), 1);
		assert_eq!(Credentials::<Test>::count(), 1);
		assert!(Reputation::is_person(&DAVE));
	});
}

#[test]
fn removing_an_issuer_invalidates_its_credentials() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Reputation::issue_credential(signed(ISSUER), DAVE, pid(DAVE), 100));
		assert_ok!(Reputation::remove_issuer(root(), ISSUER));
		assert!(!Reputation::is_person(&DAVE));
		// Authorised again before expiry: valid again.
		assert_ok!(Reputation::add_issuer(root(), ISSUER));
		assert!(Reputation::is_person(&DAVE));
		assert_ok!(Reputation::remove_issuer(root(), ISSUER));
		assert_ok!(Reputation::purge_credential(signed(CHARLIE), DAVE));
		assert_eq!(Credentials::<Test>::count(), 0);
	});
}

#[test]
fn credentials_are_revoked_by_their_issuer_or_governance() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Reputation::add_issuer(root(), OTHER_ISSUER));
		assert_ok!(Reputation::issue_credential(signed(ISSUER), DAVE, pid(DAVE), 100));
		assert_ok!(Reputation::issue_credential(signed(OTHER_ISSUER), EVE, pid(EVE), 100));

		assert_noop!(Reputation::revoke_credential(RuntimeOrigin::none(), DAVE), BadOrigin);
		assert_noop!(
			Reputation::revoke_credential(signed(OTHER_ISSUER), DAVE),
			Error::<Test>::NotCredentialIssuer
		);
		assert_noop!(
			Reputation::revoke_credential(signed(ISSUER), CHARLIE),
			Error::<Test>::NoCredential
		);
		assert_ok!(Reputation::revoke_credential(signed(ISSUER), DAVE));
		assert_eq!(last_event(), Event::CredentialRevoked { who: DAVE, issuer: ISSUER });
		assert_ok!(Reputation::revoke_credential(root(), EVE));
		assert_eq!(last_event(), Event::CredentialRevoked { who: EVE, issuer: OTHER_ISSUER });
		assert!(!Reputation::is_person(&DAVE));
		assert!(!Reputation::is_person(&EVE));
		assert_eq!(Credentials::<Test>::count(), 0);
	});
}

#[test]
fn a_person_id_follows_the_person_across_accounts() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Reputation::issue_credential(signed(ISSUER), DAVE, 7, 100));
		assert_eq!(Reputation::person_of(&DAVE), Some(7));
		assert_eq!(PersonAccount::<Test>::get(7), Some(DAVE));
		// Two stored credentials never share a person id.
		assert_noop!(
			Reputation::issue_credential(signed(ISSUER), EVE, 7, 100),
			Error::<Test>::PersonInUse
		);
		// A stored credential keeps its person, on renewal as on replacement.
		assert_noop!(
			Reputation::issue_credential(signed(ISSUER), DAVE, 8, 100),
			Error::<Test>::PersonMismatch
		);
		assert_ok!(Reputation::issue_credential(signed(ISSUER), DAVE, 7, 200));
		assert_eq!(Reputation::person_of(&DAVE), Some(7));

		// Lost key: the old account's credential is revoked, the new one gets the same id.
		assert_ok!(Reputation::revoke_credential(signed(ISSUER), DAVE));
		assert_eq!(RecordRemovals::taken(), vec![(DAVE, 7)]);
		assert_eq!(Reputation::person_of(&DAVE), None);
		assert_ok!(Reputation::issue_credential(signed(ISSUER), EVE, 7, 100));
		assert_eq!(Reputation::person_of(&EVE), Some(7));
		assert_eq!(PersonAccount::<Test>::get(7), Some(EVE));
		assert_eq!(
			last_event(),
			Event::CredentialIssued { who: EVE, issuer: ISSUER, person: 7, expires_at: 100 }
		);
		assert_eq!(persons(), 1);
	});
}

#[test]
fn removing_a_credential_tells_the_hook_and_refunds_unused_weight() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Reputation::issue_credential(signed(ISSUER), DAVE, pid(DAVE), 11));
		assert_ok!(Reputation::issue_credential(signed(ISSUER), EVE, pid(EVE), 100));
		let info = Reputation::revoke_credential(signed(ISSUER), EVE).unwrap();
		// The mock hook uses 7 of the 10 it may use.
		let base = <() as WeightInfo>::revoke_credential();
		assert_eq!(
			info.actual_weight,
			Some(base + frame_support::weights::Weight::from_parts(7, 0))
		);
		run_to(11);
		assert_ok!(Reputation::purge_credential(signed(CHARLIE), DAVE));
		assert_eq!(RecordRemovals::taken(), vec![(EVE, pid(EVE)), (DAVE, pid(DAVE))]);
		assert_eq!(PersonAccount::<Test>::iter().count(), 0);
	});
}

#[test]
fn the_person_count_counts_valid_credentials_only() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Reputation::add_issuer(root(), OTHER_ISSUER));
		assert_ok!(Reputation::issue_credential(signed(ISSUER), DAVE, pid(DAVE), 11));
		assert_ok!(Reputation::issue_credential(signed(OTHER_ISSUER), EVE, pid(EVE), 50));
		assert_eq!(persons(), 2);
		assert_eq!(ExpiringAt::<Test>::get(11).into_inner(), vec![(ISSUER, 1)]);

		// Expired but not purged: no longer counted, from the block it expires in.
		run_to(10);
		assert_eq!(persons(), 2);
		run_to(11);
		assert_eq!(persons(), 1);
		assert!(!ExpiringAt::<Test>::contains_key(11));
		assert_eq!(Credentials::<Test>::count(), 2);

		// A removed issuer's credentials leave the count, and come back with it.
		assert_ok!(Reputation::remove_issuer(root(), OTHER_ISSUER));
		assert_eq!(persons(), 0);
		assert_ok!(Reputation::add_issuer(root(), OTHER_ISSUER));
		assert_eq!(persons(), 1);

		// Renewal moves the expiry; revocation and purge uncount exactly once.
		assert_ok!(Reputation::issue_credential(signed(OTHER_ISSUER), EVE, pid(EVE), 60));
		assert!(!ExpiringAt::<Test>::contains_key(50));
		assert_eq!(UnexpiredBy::<Test>::get(OTHER_ISSUER), 1);
		assert_eq!(persons(), 1);
		assert_ok!(Reputation::purge_credential(signed(CHARLIE), DAVE));
		assert_eq!(persons(), 1);
		assert_ok!(Reputation::revoke_credential(signed(OTHER_ISSUER), EVE));
		assert_eq!(persons(), 0);
		assert_eq!(PersonCount::<Test>::get(), 0);
		assert_eq!(ExpiringAt::<Test>::iter().count(), 0);
		run_to(70);
		assert_eq!(persons(), 0);
	});
}

#[test]
fn an_expiry_block_holds_at_most_max_issuers() {
	ExtBuilder::default().build_and_execute(|| {
		// MaxIssuers = 3: issuers 10, 11, 12 fill block 100; 12 is removed and 13 added.
		assert_ok!(Reputation::add_issuer(root(), OTHER_ISSUER));
		assert_ok!(Reputation::add_issuer(root(), 12));
		assert_ok!(Reputation::issue_credential(signed(ISSUER), ALICE, pid(ALICE), 100));
		assert_ok!(Reputation::issue_credential(signed(OTHER_ISSUER), BOB, pid(BOB), 100));
		assert_ok!(Reputation::issue_credential(signed(12), CHARLIE, pid(CHARLIE), 100));
		assert_ok!(Reputation::remove_issuer(root(), 12));
		assert_ok!(Reputation::add_issuer(root(), 13));
		assert_noop!(
			Reputation::issue_credential(signed(13), DAVE, pid(DAVE), 100),
			Error::<Test>::ExpiryBlockFull
		);
		// The same issuer adds to its entry; another block is free.
		assert_ok!(Reputation::issue_credential(signed(ISSUER), EVE, pid(EVE), 100));
		assert_eq!(ExpiringAt::<Test>::get(100).len(), 3);
		assert_ok!(Reputation::issue_credential(signed(13), DAVE, pid(DAVE), 101));
		assert_eq!(persons(), 4);
		run_to(101);
		assert_eq!(persons(), 0);
	});
}

// ------------------------------------------------------------------------------------------
// Traits, runtime API helpers, invariants
// ------------------------------------------------------------------------------------------

#[test]
fn provider_traits_read_current_values() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(attest(ALICE, DAVE, CODE, 1000));
		assert_ok!(attest(ALICE, DAVE, DATA, 400));
		assert_ok!(attest(BOB, EVE, CODE, 600));
		type R = Reputation;
		assert_eq!(<R as ReputationProvider<u64, DomainId>>::score(&DAVE, CODE), 1000);
		assert_eq!(<R as ReputationProvider<u64, DomainId>>::score(&DAVE, 9), 0);
		assert_eq!(<R as ReputationProvider<u64, DomainId>>::total_score(&DAVE), 1400);
		assert_eq!(
			<R as ReputationProvider<u64, DomainId>>::weighted_score(
				&DAVE,
				&[(CODE, Perbill::from_percent(50)), (DATA, Perbill::from_percent(25))]
			),
			600
		);
		assert_eq!(<R as ReputationProvider<u64, DomainId>>::domain_total(CODE), 1600);
		assert_eq!(
			<R as ReputationProvider<u64, DomainId>>::weighted_total(&[
				(CODE, Perbill::from_percent(50)),
				(DATA, Perbill::one())
			]),
			1200
		);

		assert!(!<R as PersonhoodProvider<u64>>::is_person(&DAVE));
		assert_ok!(Reputation::issue_credential(signed(ISSUER), DAVE, pid(DAVE), 100));
		assert!(<R as PersonhoodProvider<u64>>::is_person(&DAVE));
		assert_eq!(<R as PersonhoodProvider<u64>>::person_count(), 1);

		// The no-op implementations.
		assert_eq!(<() as ReputationProvider<u64, DomainId>>::total_score(&DAVE), 0);
		assert!(!<() as PersonhoodProvider<u64>>::is_person(&DAVE));

		// Runtime API helpers.
		assert_eq!(Reputation::scores_of(&DAVE), vec![(CODE, 1000), (DATA, 400)]);
		assert_eq!(Reputation::domain_totals(), vec![(CODE, 1600), (DATA, 400)]);
		assert_eq!(Reputation::personhood_expiry(&DAVE), Some(100));
		assert_eq!(Reputation::personhood_expiry(&EVE), None);
	});
}

#[test]
fn try_state_detects_corruption() {
	ExtBuilder::default().build().execute_with(|| {
		assert_ok!(attest(ALICE, DAVE, CODE, 1000));
		assert_ok!(Reputation::issue_credential(signed(ISSUER), DAVE, pid(DAVE), 100));
		assert_ok!(Reputation::do_try_state());

		DomainTotals::<Test>::mutate(CODE, |b| b[0].units += 1);
		assert!(Reputation::do_try_state().is_err());
		DomainTotals::<Test>::mutate(CODE, |b| b[0].units -= 1);
		assert_ok!(Reputation::do_try_state());

		DomainRecords::<Test>::insert(CODE, 2);
		assert!(Reputation::do_try_state().is_err());
		DomainRecords::<Test>::insert(CODE, 1);

		PersonCount::<Test>::put(2);
		assert!(Reputation::do_try_state().is_err());
		PersonCount::<Test>::put(1);

		PersonAccount::<Test>::insert(pid(DAVE), EVE);
		assert!(Reputation::do_try_state().is_err());
		PersonAccount::<Test>::insert(pid(DAVE), DAVE);

		ExpiringAt::<Test>::mutate(100, |e| e[0].1 = 2);
		assert!(Reputation::do_try_state().is_err());
		ExpiringAt::<Test>::mutate(100, |e| e[0].1 = 1);

		assert_ok!(Reputation::do_try_state());
	});
}

#[test]
fn totals_track_the_sum_of_scores_under_a_random_workload() {
	unlimited().build_and_execute(|| {
		// A deterministic pseudo-random sequence (64-bit LCG).
		let mut seed: u64 = 42;
		let mut next = move || {
			seed = seed
				.wrapping_mul(6_364_136_223_846_793_005)
				.wrapping_add(1_442_695_040_888_963_407);
			seed >> 33
		};
		let mut successes = 0;
		for _ in 0..600 {
			run_to(System::block_number() + next() % 5);
			let attester = if next() % 2 == 1 { ALICE } else { BOB };
			let subject = 20 + next() % 6;
			let domain = if next() % 2 == 1 { CODE } else { DATA };
			let result = match next() % 6 {
				0..=2 => {
					let points = match next() % 3 {
						0 => 1 + (next() % 3) as u128,
						1 => 1 + (next() % 1_000_000) as u128,
						_ => (next() as u128) << 60,
					};
					attest(attester, subject, domain, points)
				},
				3 => match Attestations::<Test>::get(attester).last() {
					Some(a) => Reputation::revoke(signed(attester), a.id),
					None => Ok(()),
				},
				4 => Reputation::slash(
					root(),
					subject,
					if next() % 2 == 1 { Some(domain) } else { None },
					Perbill::from_parts(1 + (next() % 1_000_000_000) as u32),
					hash(0),
				)
				.map(|_| ())
				.map_err(|e| e.error),
				_ => Reputation::reap_score(signed(CHARLIE), subject, domain),
			};
			if result.is_ok() {
				successes += 1;
			}
			Reputation::do_try_state().unwrap();
		}
		assert!(successes > 100, "the workload mostly did something ({successes})");
	});
}

// ------------------------------------------------------------------------------------------
// Attester shares
// ------------------------------------------------------------------------------------------

/// `attester`'s outstanding attested points in `domain` now (its [`AttestedBy`] tally, decayed).
fn attested_by(attester: u64, domain: DomainId) -> u128 {
	let Some(tally) = AttestedBy::<Test>::get(domain, attester) else { return 0 };
	let info = Domains::<Test>::get(domain).unwrap();
	let (epoch, frac) = Reputation::epoch_and_fraction(&info, System::block_number());
	decay::units_to_points(decay::shift_epochs(tally.units, epoch - tally.epoch), frac)
}

#[test]
fn an_attester_may_not_exceed_its_share_of_a_domain_past_the_bootstrap_floor() {
	ExtBuilder::default().build_and_execute(|| {
		AttesterShareFloor::set(2_000);
		// Bootstrap: up to the floor, one attester may start the domain alone.
		assert_ok!(attest(ALICE, DAVE, CODE, 1000));
		assert_ok!(attest(ALICE, EVE, CODE, 1000));
		assert_eq!((total(CODE), attested_by(ALICE, CODE)), (2000, 2000));
		// Past the floor, ALICE already holds 100 % of the domain, above the 20 % share.
		assert_noop!(attest(ALICE, DAVE, CODE, 1), Error::<Test>::AttesterShareExceeded);
		// BOB may bring its own share up to 20 % of the total after its attestation:
		// 500 of 2500, not 501 of 2501.
		assert_noop!(attest(BOB, DAVE, CODE, 501), Error::<Test>::AttesterShareExceeded);
		assert_ok!(attest(BOB, DAVE, CODE, 500));
		assert_eq!((total(CODE), attested_by(BOB, CODE)), (2500, 500));
		assert_noop!(attest(BOB, EVE, CODE, 1), Error::<Test>::AttesterShareExceeded);
		// Shares are per domain: the data domain is still below the floor.
		assert_ok!(attest(ALICE, DAVE, DATA, 1000));
		assert_eq!(attested_by(ALICE, DATA), 1000);
	});
}

#[test]
fn an_attesters_tally_decays_shrinks_on_revoke_and_goes_with_its_authorisation() {
	ExtBuilder::default().build_and_execute(|| {
		AttesterShareFloor::set(2_000);
		assert_ok!(attest(ALICE, DAVE, CODE, 1000));
		assert_ok!(attest(ALICE, EVE, CODE, 1000));
		assert_noop!(attest(ALICE, DAVE, CODE, 1), Error::<Test>::AttesterShareExceeded);
		// Revoking frees the attester's share by what remains of the attestation.
		assert_ok!(Reputation::revoke(signed(ALICE), 0));
		assert_eq!((total(CODE), attested_by(ALICE, CODE)), (1000, 1000));
		assert_ok!(attest(ALICE, DAVE, CODE, 500));
		assert_eq!(attested_by(ALICE, CODE), 1500);
		// The tally decays with the domain: `data` halves every 7 blocks.
		assert_ok!(attest(ALICE, DAVE, DATA, 1000));
		run_to(15);
		assert_eq!(attested_by(ALICE, DATA), 250);
		assert_eq!(attested_by(ALICE, DATA), score(DAVE, DATA));
		// Revoking everything deletes the tally.
		assert_ok!(Reputation::revoke(signed(ALICE), 3));
		assert!(!AttestedBy::<Test>::contains_key(DATA, ALICE));
		// Removing the attester deletes its tally in that domain.
		assert_ok!(Reputation::remove_attester(root(), CODE, ALICE));
		assert!(!AttestedBy::<Test>::contains_key(CODE, ALICE));
	});
}
