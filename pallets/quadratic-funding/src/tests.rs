//! Tests of the quadratic-funding pallet. Every test built with `build_and_execute` ends with
//! `do_try_state` (running sums equal a recount, Σ matches ≤ pool, each round's books balance),
//! a check that each round's account holds exactly its funds, and a check that total issuance
//! did not change.

#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use crate::{
	matching, mock::*, weights::WeightInfo, Contributions, Error, Event, HoldReason,
	PersonContributions, ProjectIndex, ProjectInfo, ProjectStatus, Projects, RoundCount,
	RoundIndex, RoundInfo, RoundStatus, Rounds,
};
use frame_support::{
	assert_noop, assert_ok, dispatch::DispatchResult, traits::fungible::InspectHold,
};
use sp_core::H256;
use sp_runtime::{traits::BadOrigin, Perbill};

/// Application period of the test rounds (blocks `[1, 11)` for a round created at block 1).
const APPLICATION: u64 = 10;
/// Contribution period of the test rounds (blocks `[11, 31)` for a round created at block 1).
const CONTRIBUTION: u64 = 20;
/// Minimum contribution of the test rounds.
const MIN: Balance = UNIT / 10;

fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn hash(n: u8) -> H256 {
	H256::repeat_byte(n)
}

fn balance(who: AccountId) -> Balance {
	Balances::free_balance(who)
}

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::ProjectDeposit.into(), &who)
}

fn last_event() -> Event<Test> {
	qf_events().pop().expect("an event was deposited")
}

/// The recipient of project `project` in the tests.
fn recipient(project: ProjectIndex) -> AccountId {
	RECIPIENT + AccountId::from(project)
}

/// Create a round with the test periods and minimum; returns its index.
fn create(pool: Balance, cap: Perbill) -> RoundIndex {
	let round = RoundCount::<Test>::get();
	assert_ok!(QuadraticFunding::create_round(root(), pool, APPLICATION, CONTRIBUTION, cap, MIN));
	round
}

/// `applicant` applies to `round` with a project paying [`recipient`]; returns its index.
fn apply_as(round: RoundIndex, applicant: AccountId) -> ProjectIndex {
	let project = Rounds::<Test>::get(round).unwrap().next_project;
	assert_ok!(QuadraticFunding::apply(
		signed(applicant),
		round,
		recipient(project),
		hash(1),
		None
	));
	project
}

fn contribute(
	who: AccountId,
	round: RoundIndex,
	project: ProjectIndex,
	amount: Balance,
) -> DispatchResult {
	QuadraticFunding::contribute(signed(who), round, project, amount)
}

fn to_contributions(round: RoundIndex) {
	run_to(Rounds::<Test>::get(round).unwrap().application_end);
}

fn to_end(round: RoundIndex) {
	run_to(Rounds::<Test>::get(round).unwrap().contribution_end);
}

fn finalize(round: RoundIndex) {
	assert_ok!(QuadraticFunding::finalize_round(signed(ALICE), round));
}

fn project(round: RoundIndex, index: ProjectIndex) -> ProjectInfo<AccountId, Balance, H256> {
	Projects::<Test>::get(round, index).expect("the project is stored")
}

/// The projected (or final) match of every unsettled project of `round`, by index.
fn projected(round: RoundIndex) -> Vec<Balance> {
	QuadraticFunding::projected_matches(round).into_iter().map(|(_, amount)| amount).collect()
}

// ------------------------------------------------------------------------------------------
// The worked example
// ------------------------------------------------------------------------------------------

/// Contributions `(person, whole units)` realising the worked example, per project: `(Σ√c, Σc)`
/// is `(7, 15)`, `(8, 10)` and `(14, 34)`. The second person's 4 to the first project comes in
/// two parts (1 + 3): matching counts each contributor's total.
const WORKED_EXAMPLE: [&[(u32, Balance)]; 3] = [
	&[(0, 1), (1, 1), (1, 3), (2, 9), (3, 1)],
	&[(0, 1), (1, 1), (2, 1), (3, 1), (4, 1), (5, 1), (6, 4)],
	&[(0, 9), (1, 9), (2, 4), (3, 4), (4, 4), (5, 4)],
];

/// A round with a pool of 100 and the worked example's three projects, in its contribution
/// period, after all of the worked example's contributions.
fn worked_example_round(cap: Perbill) -> RoundIndex {
	let round = create(100 * UNIT, cap);
	let projects = [apply_as(round, ALICE), apply_as(round, BOB), apply_as(round, CHARLIE)];
	to_contributions(round);
	for (project, contributions) in projects.iter().zip(WORKED_EXAMPLE) {
		for (who, units) in contributions {
			assert_ok!(contribute(person(*who), round, *project, units * UNIT));
		}
	}
	round
}

#[test]
fn worked_example_gives_13_6_21_6_and_64_8() {
	ExtBuilder::default().build_and_execute(|| {
		let round = worked_example_round(Perbill::from_percent(70));

		// Running sums: Σ√c in fixed point (√(1 unit) = √(10¹² plancks) = 10⁶, kept with 6
		// decimals as 10¹², i.e. `UNIT`), and the raw scores (Σ√c)² − Σc = 49 − 15 = 34,
		// 64 − 10 = 54 and 196 − 34 = 162 units.
		let summaries = QuadraticFunding::project_summaries(round);
		let sums: Vec<(u32, Balance, u128, Balance)> = summaries
			.iter()
			.map(|s| (s.contributors, s.contributed, s.sum_sqrt, s.score))
			.collect();
		assert_eq!(
			sums,
			vec![
				(4, 15 * UNIT, 7 * UNIT, 34 * UNIT),
				(7, 10 * UNIT, 8 * UNIT, 54 * UNIT),
				(6, 34 * UNIT, 14 * UNIT, 162 * UNIT),
			]
		);

		// Shares 34/250, 54/250 and 162/250 of the pool of 100: 13.6, 21.6 and 64.8, exactly.
		let expected: [Balance; 3] = [13_600_000_000_000, 21_600_000_000_000, 64_800_000_000_000];
		assert_eq!(projected(round), expected);

		to_end(round);
		let treasury = balance(TREASURY);
		finalize(round);
		assert_eq!(
			qf_events()[qf_events().len() - 4..].to_vec(),
			vec![
				Event::ProjectMatched { round, project: 0, matched: expected[0] },
				Event::ProjectMatched { round, project: 1, matched: expected[1] },
				Event::ProjectMatched { round, project: 2, matched: expected[2] },
				Event::RoundFinalized { round, matched: 100 * UNIT, returned: 0 },
			]
		);
		assert_eq!(balance(TREASURY), treasury, "the whole pool is allocated");
		assert_eq!(projected(round), expected, "the projection is the final match");
		let info = Rounds::<Test>::get(round).unwrap();
		assert_eq!((info.status, info.matched), (RoundStatus::Finalized, 100 * UNIT));

		// Claims pay contributions plus match to recipients that had no account, and return the
		// deposits.
		assert!(!System::account_exists(&recipient(0)));
		for (index, (contributed, applicant)) in
			[(15 * UNIT, ALICE), (10 * UNIT, BOB), (34 * UNIT, CHARLIE)].into_iter().enumerate()
		{
			let index = index as ProjectIndex;
			assert_ok!(QuadraticFunding::claim(signed(EVE_CALLER), round, index));
			assert_eq!(balance(recipient(index)), contributed + expected[index as usize]);
			assert_eq!(held(applicant), 0);
			assert_eq!(balance(applicant), FUNDS);
			assert!(!Projects::<Test>::contains_key(round, index));
		}
		assert_eq!(balance(recipient(0)), 28_600_000_000_000);

		// The last claim closed the round: its reserve went back to the treasury, its record
		// and its account are gone.
		assert_eq!(last_event(), Event::RoundClosed { round, returned: ED });
		assert!(!Rounds::<Test>::contains_key(round));
		assert!(!System::account_exists(&QuadraticFunding::round_account(round)));
		assert_eq!(balance(TREASURY), TREASURY_FUNDS - 100 * UNIT);

		// Only the per-contributor (and per-person) records of the claimed projects remain;
		// anyone reaps them, `RemoveItemsLimit` (3) at a time, contributions first.
		assert_eq!(Contributions::<Test>::iter().count(), 4 + 7 + 6);
		assert_eq!(PersonContributions::<Test>::iter().count(), 4 + 7 + 6);
		for (index, batches) in
			[(0, &[3u32, 3, 2][..]), (1, &[3, 3, 3, 3, 2][..]), (2, &[3, 3, 3, 3][..])]
		{
			for removed in batches.iter().copied() {
				let info =
					QuadraticFunding::reap_contributions(signed(EVE_CALLER), round, index).unwrap();
				assert_eq!(
					info.actual_weight,
					Some(<() as WeightInfo>::reap_contributions(removed))
				);
				assert_eq!(
					last_event(),
					Event::ContributionsReaped { round, project: index, removed }
				);
			}
			assert_noop!(
				QuadraticFunding::reap_contributions(signed(EVE_CALLER), round, index),
				Error::<Test>::NothingToReap
			);
		}
		assert_eq!(Contributions::<Test>::iter().count(), 0);
		assert_eq!(PersonContributions::<Test>::iter().count(), 0);
		assert_eq!(Projects::<Test>::iter().count(), 0);
		assert_eq!(Rounds::<Test>::iter().count(), 0);
	});
}

/// Anyone may call the permissionless calls; this account takes no other part.
const EVE_CALLER: AccountId = 5;

#[test]
fn worked_example_with_a_binding_cap_redistributes_the_excess() {
	ExtBuilder::default().build_and_execute(|| {
		// A cap of 50: the third project (64.8) is capped at 50; the other 50 is shared 34 : 54
		// between the first two (19.318…, 30.681…), rounded down; 1 planck of dust is returned.
		let round = worked_example_round(Perbill::from_percent(50));
		let expected: [Balance; 3] = [19_318_181_818_181, 30_681_818_181_818, 50_000_000_000_000];
		assert_eq!(projected(round), expected);
		to_end(round);
		let treasury = balance(TREASURY);
		finalize(round);
		assert_eq!(
			last_event(),
			Event::RoundFinalized { round, matched: 100 * UNIT - 1, returned: 1 }
		);
		assert_eq!(balance(TREASURY), treasury + 1);
		assert_eq!(projected(round), expected);
		for index in 0..3 {
			assert_ok!(QuadraticFunding::claim(signed(EVE_CALLER), round, index));
		}
		assert!(!Rounds::<Test>::contains_key(round));
		assert_eq!(balance(TREASURY), TREASURY_FUNDS - 100 * UNIT + 1);
	});
}

// ------------------------------------------------------------------------------------------
// Creating rounds
// ------------------------------------------------------------------------------------------

#[test]
fn create_round_moves_the_pool_and_a_reserve_into_the_round_account() {
	ExtBuilder::default().build_and_execute(|| {
		let round = create(100 * UNIT, Perbill::from_percent(70));
		assert_eq!(round, 0);
		assert_eq!(RoundCount::<Test>::get(), 1);
		let account = QuadraticFunding::round_account(round);
		assert_eq!(balance(account), 100 * UNIT + ED);
		assert_eq!(balance(TREASURY), TREASURY_FUNDS - 100 * UNIT - ED);
		assert_eq!(
			Rounds::<Test>::get(round),
			Some(RoundInfo {
				pool: 100 * UNIT,
				reserve: ED,
				start: 1,
				application_end: 11,
				contribution_end: 31,
				cap: Perbill::from_percent(70),
				min_contribution: MIN,
				status: RoundStatus::Active,
				next_project: 0,
				projects: 0,
				contributed: 0,
				paid: 0,
				matched: 0,
			})
		);
		assert_eq!(QuadraticFunding::round_info(round), Rounds::<Test>::get(round));
		assert_eq!(
			last_event(),
			Event::RoundCreated {
				round,
				account,
				pool: 100 * UNIT,
				application_end: 11,
				contribution_end: 31,
				cap: Perbill::from_percent(70),
				min_contribution: MIN,
			}
		);

		// Every round has its own account.
		let second = create(UNIT, Perbill::from_percent(10));
		assert_eq!(second, 1);
		assert_ne!(QuadraticFunding::round_account(second), account);
		assert_eq!(balance(QuadraticFunding::round_account(second)), UNIT + ED);
		assert_eq!(QuadraticFunding::round_info(7), None);
	});
}

#[test]
fn create_round_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let cap = Perbill::from_percent(50);
		let create_round = QuadraticFunding::create_round;
		assert_noop!(create_round(signed(ALICE), UNIT, 10, 20, cap, MIN), BadOrigin);
		assert_noop!(create_round(signed(CURATOR), UNIT, 10, 20, cap, MIN), BadOrigin);
		assert_noop!(create_round(root(), 0, 10, 20, cap, MIN), Error::<Test>::ZeroPool);
		assert_noop!(
			create_round(root(), UNIT, 10, 20, Perbill::zero(), MIN),
			Error::<Test>::ZeroCap
		);
		assert_noop!(
			create_round(root(), UNIT, 10, 20, cap, 0),
			Error::<Test>::MinContributionTooLow
		);
		assert_noop!(
			create_round(root(), UNIT, 10, 20, cap, ED - 1),
			Error::<Test>::MinContributionTooLow
		);
		assert_noop!(create_round(root(), UNIT, 1, 20, cap, MIN), Error::<Test>::PeriodTooShort);
		assert_noop!(create_round(root(), UNIT, 10, 1, cap, MIN), Error::<Test>::PeriodTooShort);
		assert_noop!(create_round(root(), UNIT, 1_001, 20, cap, MIN), Error::<Test>::PeriodTooLong);
		assert_noop!(create_round(root(), UNIT, 10, 1_001, cap, MIN), Error::<Test>::PeriodTooLong);
		// The treasury must pay the pool and the reserve and keep its existential deposit.
		assert_noop!(
			create_round(root(), TREASURY_FUNDS - 2 * ED + 1, 10, 20, cap, MIN),
			Error::<Test>::InsufficientTreasuryFunds
		);
		// The bounds themselves are accepted.
		assert_ok!(create_round(root(), TREASURY_FUNDS - 2 * ED, 2, 1_000, cap, ED));
		assert_eq!(balance(TREASURY), ED);
	});
}

#[test]
fn create_round_needs_a_funded_treasury() {
	ExtBuilder::default().treasury(50 * UNIT).build_and_execute(|| {
		assert_noop!(
			QuadraticFunding::create_round(
				root(),
				100 * UNIT,
				APPLICATION,
				CONTRIBUTION,
				Perbill::one(),
				MIN
			),
			Error::<Test>::InsufficientTreasuryFunds
		);
		assert_eq!(create(40 * UNIT, Perbill::one()), 0);
	});
}

#[test]
fn create_round_is_bounded_by_the_origins_limit_and_a_cap_bound_for_all_but_root() {
	ExtBuilder::default().build_and_execute(|| {
		let create_round = QuadraticFunding::create_round;
		let (app, contrib) = (APPLICATION, CONTRIBUTION);
		let above_bound = Perbill::from_parts(MAX_CAP.deconstruct() + 1);
		// A pool above the limit the origin carries is refused, though the treasury could pay.
		assert!(balance(TREASURY) > CREATOR_LIMIT * 10);
		assert_noop!(
			create_round(signed(CREATOR), CREATOR_LIMIT + 1, app, contrib, MAX_CAP, MIN),
			Error::<Test>::PoolAboveLimit
		);
		// A per-project cap above the bound is refused to every origin but Root.
		for cap in [above_bound, Perbill::one()] {
			assert_noop!(
				create_round(signed(CREATOR), UNIT, app, contrib, cap, MIN),
				Error::<Test>::CapAboveLimit
			);
		}
		// Both bounds themselves are accepted.
		assert_ok!(create_round(signed(CREATOR), CREATOR_LIMIT, app, contrib, MAX_CAP, MIN));
		assert_eq!(balance(TREASURY), TREASURY_FUNDS - CREATOR_LIMIT - ED);
		assert_eq!(Rounds::<Test>::get(0).unwrap().cap, MAX_CAP);
		// Root has neither bound.
		assert_ok!(create_round(root(), CREATOR_LIMIT * 10, app, contrib, Perbill::one(), MIN));
		assert_eq!(Rounds::<Test>::get(1).unwrap().pool, CREATOR_LIMIT * 10);
		// The limited creator still cancels rounds.
		assert_ok!(QuadraticFunding::cancel_round(signed(CREATOR), 0));
		assert_eq!(balance(TREASURY), TREASURY_FUNDS - CREATOR_LIMIT * 10 - ED);
	});
}

// ------------------------------------------------------------------------------------------
// Applications and rejections
// ------------------------------------------------------------------------------------------

#[test]
fn apply_holds_the_deposit_and_records_the_project() {
	ExtBuilder::default().build_and_execute(|| {
		let round = create(100 * UNIT, Perbill::from_percent(50));
		assert_ok!(QuadraticFunding::apply(
			signed(ALICE),
			round,
			recipient(0),
			hash(1),
			Some(hash(2))
		));
		assert_eq!(held(ALICE), DEPOSIT);
		assert_eq!(balance(ALICE), FUNDS - DEPOSIT);
		assert_eq!(
			project(round, 0),
			ProjectInfo {
				applicant: ALICE,
				recipient: recipient(0),
				description: hash(1),
				artifact: Some(hash(2)),
				deposit: DEPOSIT,
				status: ProjectStatus::Active,
				contributors: 0,
				contributed: 0,
				sum_sqrt: 0,
				matched: 0,
			}
		);
		assert_eq!(
			last_event(),
			Event::ProjectApplied {
				round,
				project: 0,
				applicant: ALICE,
				recipient: recipient(0),
				description: hash(1),
				artifact: Some(hash(2)),
				deposit: DEPOSIT,
			}
		);
		// The same applicant may apply again, with another deposit; applications are allowed
		// up to the last block of the application period.
		run_to(10);
		assert_eq!(apply_as(round, ALICE), 1);
		assert_eq!(held(ALICE), 2 * DEPOSIT);
		let info = Rounds::<Test>::get(round).unwrap();
		assert_eq!((info.next_project, info.projects), (2, 2));
	});
}

#[test]
fn apply_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let round = create(100 * UNIT, Perbill::from_percent(50));
		let apply =
			|who, round| QuadraticFunding::apply(signed(who), round, recipient(0), hash(1), None);
		assert_noop!(apply(ALICE, 9), Error::<Test>::RoundNotFound);
		// POOR holds exactly the deposit and must keep its existential deposit.
		assert_noop!(apply(POOR, round), Error::<Test>::InsufficientBalance);
		// MaxProjects = 8.
		for _ in 0..8 {
			apply_as(round, ALICE);
		}
		assert_noop!(apply(BOB, round), Error::<Test>::TooManyProjects);

		let other = create(100 * UNIT, Perbill::from_percent(50));
		run_to(11);
		assert_noop!(apply(BOB, other), Error::<Test>::NotApplicationPeriod);

		// A finalised round with projects to settle is still stored, but not active.
		to_end(round);
		finalize(round);
		assert_noop!(apply(BOB, round), Error::<Test>::RoundNotActive);
		// A cancelled round without contributions is closed at once.
		let cancelled = create(100 * UNIT, Perbill::from_percent(50));
		assert_ok!(QuadraticFunding::cancel_round(root(), cancelled));
		assert_noop!(apply(BOB, cancelled), Error::<Test>::RoundNotFound);
	});
}

#[test]
fn reject_slashes_the_deposit_to_the_treasury_and_frees_the_slot() {
	ExtBuilder::default().build_and_execute(|| {
		let round = create(100 * UNIT, Perbill::from_percent(50));
		for _ in 0..8 {
			apply_as(round, ALICE);
		}
		let treasury = balance(TREASURY);
		assert_ok!(QuadraticFunding::reject_project(signed(CURATOR), round, 3, hash(9)));
		assert_eq!(
			last_event(),
			Event::ProjectRejected { round, project: 3, reason: hash(9), slashed: DEPOSIT }
		);
		assert_eq!(balance(TREASURY), treasury + DEPOSIT);
		assert_eq!(held(ALICE), 7 * DEPOSIT);
		assert_eq!(balance(ALICE), FUNDS - 8 * DEPOSIT);
		// Without contributions to refund, the project is settled at once.
		assert!(!Projects::<Test>::contains_key(round, 3));
		assert_eq!(Rounds::<Test>::get(round).unwrap().projects, 7);
		// Its slot is free again; indices are never reused.
		assert_eq!(apply_as(round, BOB), 8);
		assert_eq!(QuadraticFunding::projected_matches(round).len(), 8);
	});
}

#[test]
fn contributions_to_a_rejected_project_are_refundable() {
	ExtBuilder::default().build_and_execute(|| {
		let round = create(100 * UNIT, Perbill::from_percent(70));
		let rejected = apply_as(round, ALICE);
		let other = apply_as(round, BOB);
		to_contributions(round);
		assert_ok!(contribute(person(0), round, rejected, 2 * UNIT));
		assert_ok!(contribute(person(1), round, rejected, 3 * UNIT));
		assert_ok!(contribute(person(0), round, other, UNIT));
		assert_ok!(contribute(person(1), round, other, UNIT));

		assert_ok!(QuadraticFunding::reject_project(signed(CURATOR), round, rejected, hash(9)));
		let record = project(round, rejected);
		assert_eq!(
			(record.status, record.deposit, record.contributors),
			(ProjectStatus::Rejected, 0, 2)
		);
		assert_noop!(
			contribute(person(2), round, rejected, UNIT),
			Error::<Test>::ProjectIsRejected
		);
		assert_noop!(
			QuadraticFunding::reject_project(signed(CURATOR), round, rejected, hash(9)),
			Error::<Test>::ProjectIsRejected
		);
		// The rejected project takes no part in matching: the other one takes its cap.
		assert_eq!(projected(round), vec![0, 70 * UNIT]);
		let summary = &QuadraticFunding::project_summaries(round)[0];
		assert_eq!(
			(summary.status, summary.score, summary.projected_match),
			(ProjectStatus::Rejected, 0, 0)
		);

		// Refunds, by anyone, while the round goes on.
		assert_noop!(
			QuadraticFunding::refund(signed(EVE_CALLER), round, other, person(0)),
			Error::<Test>::NotRefundable
		);
		assert_noop!(
			QuadraticFunding::refund(signed(EVE_CALLER), round, rejected, person(2)),
			Error::<Test>::NoContribution
		);
		assert_ok!(QuadraticFunding::refund(signed(EVE_CALLER), round, rejected, person(0)));
		assert_eq!(
			last_event(),
			Event::Refunded { round, project: rejected, who: person(0), amount: 2 * UNIT }
		);
		assert_eq!(balance(person(0)), FUNDS - UNIT);
		let record = project(round, rejected);
		assert_eq!(
			(record.contributors, record.contributed, record.sum_sqrt),
			(1, 3 * UNIT, matching::root(3 * UNIT))
		);
		assert_ok!(QuadraticFunding::refund(signed(EVE_CALLER), round, rejected, person(1)));
		assert!(!Projects::<Test>::contains_key(round, rejected));
		assert_eq!(Rounds::<Test>::get(round).unwrap().projects, 1);
		assert_noop!(
			QuadraticFunding::refund(signed(EVE_CALLER), round, rejected, person(1)),
			Error::<Test>::ProjectNotFound
		);

		to_end(round);
		finalize(round);
		assert_ok!(QuadraticFunding::claim(signed(EVE_CALLER), round, other));
		assert_eq!(balance(recipient(other)), 2 * UNIT + 70 * UNIT);
		assert!(!Rounds::<Test>::contains_key(round));
	});
}

#[test]
fn a_rejected_project_keeps_refunds_open_after_finalisation() {
	ExtBuilder::default().build_and_execute(|| {
		let round = create(100 * UNIT, Perbill::from_percent(70));
		let rejected = apply_as(round, ALICE);
		let other = apply_as(round, BOB);
		to_contributions(round);
		assert_ok!(contribute(person(0), round, rejected, UNIT));
		assert_ok!(contribute(person(0), round, other, UNIT));
		assert_ok!(QuadraticFunding::reject_project(signed(CURATOR), round, rejected, hash(9)));
		to_end(round);
		finalize(round);
		assert_noop!(
			QuadraticFunding::claim(signed(EVE_CALLER), round, rejected),
			Error::<Test>::ProjectIsRejected
		);
		assert_ok!(QuadraticFunding::claim(signed(EVE_CALLER), round, other));
		// The round waits for the refund of the rejected project's contribution.
		assert!(Rounds::<Test>::contains_key(round));
		assert_noop!(
			QuadraticFunding::reap_contributions(signed(EVE_CALLER), round, rejected),
			Error::<Test>::ProjectNotSettled
		);
		assert_ok!(QuadraticFunding::refund(signed(EVE_CALLER), round, rejected, person(0)));
		assert_eq!(last_event(), Event::RoundClosed { round, returned: ED });
		assert_eq!(balance(person(0)), FUNDS - UNIT);
	});
}

#[test]
fn reject_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let round = create(100 * UNIT, Perbill::from_percent(50));
		let index = apply_as(round, ALICE);
		let reject = |origin, round, project| {
			QuadraticFunding::reject_project(origin, round, project, hash(9))
		};
		assert_noop!(reject(signed(ALICE), round, index), BadOrigin);
		assert_noop!(reject(root(), round, index), BadOrigin);
		assert_noop!(reject(signed(CURATOR), 9, index), Error::<Test>::RoundNotFound);
		assert_noop!(reject(signed(CURATOR), round, 5), Error::<Test>::ProjectNotFound);
		to_contributions(round);
		assert_ok!(contribute(person(0), round, index, UNIT));
		to_end(round);
		finalize(round);
		assert_noop!(reject(signed(CURATOR), round, index), Error::<Test>::RoundNotActive);
	});
}

// ------------------------------------------------------------------------------------------
// Contributions
// ------------------------------------------------------------------------------------------

#[test]
fn contribute_moves_funds_and_keeps_running_sums() {
	ExtBuilder::default().build_and_execute(|| {
		let round = create(100 * UNIT, Perbill::from_percent(50));
		let index = apply_as(round, ALICE);
		to_contributions(round);
		let account = QuadraticFunding::round_account(round);

		assert_ok!(contribute(person(0), round, index, UNIT));
		assert_eq!(
			last_event(),
			Event::Contributed { round, project: index, who: person(0), amount: UNIT, total: UNIT }
		);
		assert_eq!(balance(person(0)), FUNDS - UNIT);
		assert_eq!(balance(account), 100 * UNIT + ED + UNIT);
		assert_eq!(Contributions::<Test>::get((round, index), person(0)), Some(UNIT));
		let record = project(round, index);
		assert_eq!((record.contributors, record.contributed, record.sum_sqrt), (1, UNIT, UNIT));

		// A second contribution replaces √1 by √(1 + 3) = 2 in the running sum.
		assert_ok!(contribute(person(0), round, index, 3 * UNIT));
		assert_eq!(
			last_event(),
			Event::Contributed {
				round,
				project: index,
				who: person(0),
				amount: 3 * UNIT,
				total: 4 * UNIT
			}
		);
		let record = project(round, index);
		assert_eq!(
			(record.contributors, record.contributed, record.sum_sqrt),
			(1, 4 * UNIT, 2 * UNIT)
		);
		assert_eq!(QuadraticFunding::project_summaries(round)[0].score, 0, "one contributor");

		// Contributions are accepted up to the last block of the contribution period.
		run_to(30);
		assert_ok!(contribute(person(1), round, index, 9 * UNIT));
		let record = project(round, index);
		assert_eq!(
			(record.contributors, record.contributed, record.sum_sqrt),
			(2, 13 * UNIT, 5 * UNIT)
		);
		// (2 + 3)² − 13 = 12.
		assert_eq!(QuadraticFunding::project_summaries(round)[0].score, 12 * UNIT);
		assert_eq!(Rounds::<Test>::get(round).unwrap().contributed, 13 * UNIT);
		assert_eq!(balance(account), 100 * UNIT + ED + 13 * UNIT);
	});
}

#[test]
fn contribute_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let round = create(100 * UNIT, Perbill::from_percent(50));
		let index = apply_as(round, ALICE);
		assert_noop!(contribute(person(0), 9, index, UNIT), Error::<Test>::RoundNotFound);
		assert_noop!(
			contribute(person(0), round, index, UNIT),
			Error::<Test>::NotContributionPeriod
		);
		to_contributions(round);
		assert_noop!(contribute(person(0), round, 5, UNIT), Error::<Test>::ProjectNotFound);
		assert_noop!(contribute(sybil(0), round, index, UNIT), Error::<Test>::NotPerson);
		assert_noop!(
			contribute(person(0), round, index, MIN - 1),
			Error::<Test>::ContributionTooLow
		);
		assert_ok!(contribute(person(0), round, index, MIN));
		// A person who cannot pay and stay alive.
		MockPersonhood::add(POOR);
		assert_noop!(contribute(POOR, round, index, DEPOSIT), Error::<Test>::InsufficientBalance);
		assert_ok!(contribute(POOR, round, index, DEPOSIT - ED));
		// Personhood is checked at each contribution.
		MockPersonhood::remove(person(0));
		assert_noop!(contribute(person(0), round, index, UNIT), Error::<Test>::NotPerson);
		to_end(round);
		assert_noop!(
			contribute(person(1), round, index, UNIT),
			Error::<Test>::NotContributionPeriod
		);

		let cancelled = create(100 * UNIT, Perbill::from_percent(50));
		let kept = apply_as(cancelled, ALICE);
		to_contributions(cancelled);
		assert_ok!(contribute(person(1), cancelled, kept, UNIT));
		assert_ok!(QuadraticFunding::cancel_round(root(), cancelled));
		assert_noop!(contribute(person(1), cancelled, kept, UNIT), Error::<Test>::RoundNotActive);
	});
}

#[test]
fn a_person_contributes_to_a_project_from_one_account_only() {
	ExtBuilder::default().build_and_execute(|| {
		let round = create(100 * UNIT, Perbill::from_percent(50));
		let first = apply_as(round, ALICE);
		let second = apply_as(round, BOB);
		to_contributions(round);
		assert_ok!(contribute(person(0), round, first, UNIT));
		assert_eq!(
			PersonContributions::<Test>::get((round, first), person(0) as u64),
			Some(person(0))
		);
		// A second key of the same person (its old credential revoked, say).
		MockPersonhood::remove(person(0));
		MockPersonhood::add_as(sybil(0), person(0) as u64);
		let project = Projects::<Test>::get(round, first).unwrap();
		assert_noop!(
			contribute(sybil(0), round, first, UNIT),
			Error::<Test>::PersonAlreadyContributed
		);
		assert_eq!(Projects::<Test>::get(round, first).unwrap(), project);
		// Another project of the round is open to the person, from the new key.
		assert_ok!(contribute(sybil(0), round, second, UNIT));
		// The first key adds to its own contribution once it is the person's again.
		MockPersonhood::remove(sybil(0));
		MockPersonhood::add(person(0));
		assert_ok!(contribute(person(0), round, first, UNIT));
		assert_eq!(Projects::<Test>::get(round, first).unwrap().contributors, 1);
	});
}

// ------------------------------------------------------------------------------------------
// Finalisation and claims
// ------------------------------------------------------------------------------------------

#[test]
fn finalize_without_projects_returns_the_pool_and_closes_the_round() {
	ExtBuilder::default().build_and_execute(|| {
		let round = create(100 * UNIT, Perbill::from_percent(50));
		to_end(round);
		let info = QuadraticFunding::finalize_round(signed(EVE_CALLER), round).unwrap();
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::finalize_round(0)));
		assert_eq!(
			qf_events()[qf_events().len() - 2..].to_vec(),
			vec![
				Event::RoundFinalized { round, matched: 0, returned: 100 * UNIT },
				Event::RoundClosed { round, returned: ED },
			]
		);
		assert_eq!(balance(TREASURY), TREASURY_FUNDS);
		assert!(!Rounds::<Test>::contains_key(round));
		assert!(!System::account_exists(&QuadraticFunding::round_account(round)));
	});
}

#[test]
fn single_contributor_projects_get_no_match_and_the_pool_returns() {
	ExtBuilder::default().build_and_execute(|| {
		let round = create(100 * UNIT, Perbill::one());
		let first = apply_as(round, ALICE);
		let second = apply_as(round, BOB);
		to_contributions(round);
		// However large, a single contributor's project scores zero.
		assert_ok!(contribute(person(0), round, first, 5_000 * UNIT));
		assert_ok!(contribute(person(0), round, first, 3 * UNIT));
		assert_ok!(contribute(person(1), round, second, UNIT));
		assert_eq!(projected(round), vec![0, 0]);
		to_end(round);
		let treasury = balance(TREASURY);
		let info = QuadraticFunding::finalize_round(signed(EVE_CALLER), round).unwrap();
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::finalize_round(2)));
		assert_eq!(last_event(), Event::RoundFinalized { round, matched: 0, returned: 100 * UNIT });
		assert_eq!(balance(TREASURY), treasury + 100 * UNIT);
		assert_ok!(QuadraticFunding::claim(signed(EVE_CALLER), round, first));
		assert_eq!(
			last_event(),
			Event::Claimed {
				round,
				project: first,
				recipient: recipient(first),
				contributions: 5_003 * UNIT,
				matched: 0
			}
		);
		assert_eq!(balance(recipient(first)), 5_003 * UNIT);
		assert_ok!(QuadraticFunding::claim(signed(EVE_CALLER), round, second));
		assert_eq!(balance(TREASURY), TREASURY_FUNDS);
	});
}

#[test]
fn a_project_without_contributions_is_claimed_for_its_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		let round = create(100 * UNIT, Perbill::one());
		let index = apply_as(round, ALICE);
		to_end(round);
		finalize(round);
		assert_ok!(QuadraticFunding::claim(signed(EVE_CALLER), round, index));
		assert_eq!(
			qf_events()[qf_events().len() - 3..].to_vec(),
			vec![
				Event::DepositReleased { round, project: index, applicant: ALICE, amount: DEPOSIT },
				Event::Claimed {
					round,
					project: index,
					recipient: recipient(index),
					contributions: 0,
					matched: 0
				},
				Event::RoundClosed { round, returned: ED },
			]
		);
		assert_eq!(balance(ALICE), FUNDS);
		assert!(!System::account_exists(&recipient(index)));
	});
}

#[test]
fn finalize_and_claim_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let round = create(100 * UNIT, Perbill::one());
		let index = apply_as(round, ALICE);
		apply_as(round, BOB);
		let finalize_round = |round| QuadraticFunding::finalize_round(signed(EVE_CALLER), round);
		let claim = |round, project| QuadraticFunding::claim(signed(EVE_CALLER), round, project);
		assert_noop!(finalize_round(9), Error::<Test>::RoundNotFound);
		run_to(30);
		assert_noop!(finalize_round(round), Error::<Test>::ContributionPeriodNotOver);
		assert_noop!(claim(round, index), Error::<Test>::RoundNotFinalized);
		assert_noop!(claim(9, index), Error::<Test>::RoundNotFound);
		run_to(31);
		assert_ok!(finalize_round(round));
		assert_noop!(finalize_round(round), Error::<Test>::RoundNotActive);
		assert_noop!(claim(round, 5), Error::<Test>::ProjectNotFound);
		assert_ok!(claim(round, index));
		assert_noop!(claim(round, index), Error::<Test>::ProjectNotFound);
	});
}

// ------------------------------------------------------------------------------------------
// Cancellation and refunds
// ------------------------------------------------------------------------------------------

#[test]
fn cancel_returns_pool_and_deposits_and_makes_contributions_refundable() {
	ExtBuilder::default().build_and_execute(|| {
		let round = create(100 * UNIT, Perbill::from_percent(50));
		let funded = apply_as(round, ALICE);
		let unfunded = apply_as(round, BOB);
		let rejected = apply_as(round, CHARLIE);
		assert_ok!(QuadraticFunding::reject_project(signed(CURATOR), round, rejected, hash(9)));
		to_contributions(round);
		assert_ok!(contribute(person(0), round, funded, 2 * UNIT));
		assert_ok!(contribute(person(1), round, funded, 3 * UNIT));

		let info = QuadraticFunding::cancel_round(signed(CURATOR), round).unwrap();
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::cancel_round(2)));
		assert_eq!(
			qf_events()[qf_events().len() - 3..].to_vec(),
			vec![
				Event::RoundCancelled { round, returned: 100 * UNIT },
				Event::DepositReleased {
					round,
					project: funded,
					applicant: ALICE,
					amount: DEPOSIT
				},
				Event::DepositReleased {
					round,
					project: unfunded,
					applicant: BOB,
					amount: DEPOSIT
				},
			]
		);
		assert_eq!((held(ALICE), held(BOB)), (0, 0));
		assert_eq!(balance(CHARLIE), FUNDS - DEPOSIT, "the rejected deposit stays slashed");
		assert_eq!(balance(TREASURY), TREASURY_FUNDS - ED + DEPOSIT);
		// The project without contributions is settled; the other one waits for its refunds.
		assert!(!Projects::<Test>::contains_key(round, unfunded));
		let info = Rounds::<Test>::get(round).unwrap();
		assert_eq!((info.status, info.projects), (RoundStatus::Cancelled, 1));
		assert_eq!(projected(round), vec![0]);

		assert_noop!(contribute(person(2), round, funded, UNIT), Error::<Test>::RoundNotActive);
		assert_noop!(
			QuadraticFunding::finalize_round(signed(EVE_CALLER), round),
			Error::<Test>::RoundNotActive
		);
		assert_noop!(
			QuadraticFunding::claim(signed(EVE_CALLER), round, funded),
			Error::<Test>::RoundNotFinalized
		);
		assert_noop!(QuadraticFunding::cancel_round(root(), round), Error::<Test>::RoundNotActive);

		assert_ok!(QuadraticFunding::refund(signed(EVE_CALLER), round, funded, person(0)));
		assert_eq!(balance(person(0)), FUNDS);
		assert_ok!(QuadraticFunding::refund(signed(EVE_CALLER), round, funded, person(1)));
		assert_eq!(balance(person(1)), FUNDS);
		assert_eq!(last_event(), Event::RoundClosed { round, returned: ED });
		assert_eq!(balance(TREASURY), TREASURY_FUNDS + DEPOSIT);
		assert_eq!(Projects::<Test>::iter().count(), 0);
		assert_eq!(Contributions::<Test>::iter().count(), 0);
	});
}

#[test]
fn cancel_without_contributions_closes_the_round_at_once() {
	ExtBuilder::default().build_and_execute(|| {
		let round = create(100 * UNIT, Perbill::from_percent(50));
		apply_as(round, ALICE);
		assert_ok!(QuadraticFunding::cancel_round(root(), round));
		assert_eq!(last_event(), Event::RoundClosed { round, returned: ED });
		assert_eq!(balance(TREASURY), TREASURY_FUNDS);
		assert_eq!(balance(ALICE), FUNDS);
		assert!(!Rounds::<Test>::contains_key(round));
	});
}

#[test]
fn cancel_and_refund_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let round = create(100 * UNIT, Perbill::from_percent(50));
		let index = apply_as(round, ALICE);
		to_contributions(round);
		assert_ok!(contribute(person(0), round, index, UNIT));
		let refund =
			|round, project, who| QuadraticFunding::refund(signed(EVE_CALLER), round, project, who);
		assert_noop!(QuadraticFunding::cancel_round(signed(ALICE), round), BadOrigin);
		assert_noop!(QuadraticFunding::cancel_round(root(), 9), Error::<Test>::RoundNotFound);
		assert_noop!(refund(9, index, person(0)), Error::<Test>::RoundNotFound);
		assert_noop!(refund(round, 5, person(0)), Error::<Test>::ProjectNotFound);
		assert_noop!(refund(round, index, person(0)), Error::<Test>::NotRefundable);
		to_end(round);
		finalize(round);
		assert_noop!(refund(round, index, person(0)), Error::<Test>::NotRefundable);
		assert_noop!(QuadraticFunding::cancel_round(root(), round), Error::<Test>::RoundNotActive);

		let other = create(100 * UNIT, Perbill::from_percent(50));
		let kept = apply_as(other, BOB);
		to_contributions(other);
		assert_ok!(contribute(person(0), other, kept, UNIT));
		assert_ok!(QuadraticFunding::cancel_round(root(), other));
		assert_noop!(refund(other, kept, person(1)), Error::<Test>::NoContribution);
		assert_ok!(refund(other, kept, person(0)));
		assert_noop!(refund(other, kept, person(0)), Error::<Test>::RoundNotFound);
		assert_ok!(QuadraticFunding::claim(signed(EVE_CALLER), round, index));
	});
}

#[test]
fn reap_contributions_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let round = create(100 * UNIT, Perbill::from_percent(50));
		let index = apply_as(round, ALICE);
		to_contributions(round);
		assert_ok!(contribute(person(0), round, index, UNIT));
		let reap = |round, project| {
			QuadraticFunding::reap_contributions(signed(EVE_CALLER), round, project)
		};
		assert_noop!(reap(round, index), Error::<Test>::ProjectNotSettled);
		assert_noop!(reap(round, 5), Error::<Test>::NothingToReap);
		assert_noop!(reap(9, 0), Error::<Test>::NothingToReap);
		to_end(round);
		finalize(round);
		assert_noop!(reap(round, index), Error::<Test>::ProjectNotSettled);
		assert_ok!(QuadraticFunding::claim(signed(EVE_CALLER), round, index));
		// The contribution and the person's record, in one call.
		assert_eq!(
			reap(round, index).unwrap().actual_weight,
			Some(<() as WeightInfo>::reap_contributions(2))
		);
		assert_eq!(PersonContributions::<Test>::iter().count(), 0);
		assert_noop!(reap(round, index), Error::<Test>::NothingToReap);
	});
}

// ------------------------------------------------------------------------------------------
// Runtime API and invariants
// ------------------------------------------------------------------------------------------

#[test]
fn project_summaries_report_contributions_and_projected_matches() {
	ExtBuilder::default().build_and_execute(|| {
		assert!(QuadraticFunding::project_summaries(0).is_empty());
		assert!(QuadraticFunding::projected_matches(0).is_empty());
		let round = create(10 * UNIT, Perbill::from_percent(60));
		assert_ok!(QuadraticFunding::apply(
			signed(ALICE),
			round,
			recipient(0),
			hash(3),
			Some(hash(4))
		));
		apply_as(round, BOB);
		to_contributions(round);
		for i in 0..4 {
			assert_ok!(contribute(person(i), round, 0, UNIT));
		}
		assert_ok!(contribute(person(0), round, 1, UNIT));
		assert_ok!(contribute(person(1), round, 1, 4 * UNIT));
		// Scores: 4² − 4 = 12 and 3² − 5 = 4; shares 7.5 and 2.5, but the cap is 6: 6 and 4.
		let summaries = QuadraticFunding::project_summaries(round);
		assert_eq!(summaries.len(), 2);
		let first = &summaries[0];
		assert_eq!(
			(first.index, first.recipient, first.description, first.artifact, first.status),
			(0, recipient(0), hash(3), Some(hash(4)), ProjectStatus::Active)
		);
		assert_eq!(
			(first.contributors, first.contributed, first.sum_sqrt, first.score),
			(4, 4 * UNIT, 4 * UNIT, 12 * UNIT)
		);
		assert_eq!(
			summaries.iter().map(|s| s.projected_match).collect::<Vec<_>>(),
			vec![6 * UNIT, 4 * UNIT]
		);
		assert_eq!(QuadraticFunding::projected_matches(round), vec![(0, 6 * UNIT), (1, 4 * UNIT)]);
		to_end(round);
		finalize(round);
		assert_eq!(projected(round), vec![6 * UNIT, 4 * UNIT]);
		assert_ok!(QuadraticFunding::claim(signed(EVE_CALLER), round, 0));
		assert_eq!(QuadraticFunding::projected_matches(round), vec![(1, 4 * UNIT)]);
		assert_ok!(QuadraticFunding::claim(signed(EVE_CALLER), round, 1));
	});
}

#[test]
fn try_state_detects_corruption() {
	ExtBuilder::default().build().execute_with(|| {
		let round = worked_example_round(Perbill::from_percent(70));
		assert_ok!(QuadraticFunding::do_try_state());

		Projects::<Test>::mutate(round, 0, |p| p.as_mut().unwrap().sum_sqrt += 1);
		assert!(QuadraticFunding::do_try_state().is_err());
		Projects::<Test>::mutate(round, 0, |p| p.as_mut().unwrap().sum_sqrt -= 1);

		Projects::<Test>::mutate(round, 1, |p| p.as_mut().unwrap().contributors += 1);
		assert!(QuadraticFunding::do_try_state().is_err());
		Projects::<Test>::mutate(round, 1, |p| p.as_mut().unwrap().contributors -= 1);

		Contributions::<Test>::insert((round, 2), sybil(0), UNIT);
		assert!(QuadraticFunding::do_try_state().is_err());
		Contributions::<Test>::remove((round, 2), sybil(0));

		Rounds::<Test>::mutate(round, |r| r.as_mut().unwrap().paid += 1);
		assert!(QuadraticFunding::do_try_state().is_err());
		Rounds::<Test>::mutate(round, |r| r.as_mut().unwrap().paid -= 1);

		Rounds::<Test>::mutate(round, |r| r.as_mut().unwrap().projects += 1);
		assert!(QuadraticFunding::do_try_state().is_err());
		Rounds::<Test>::mutate(round, |r| r.as_mut().unwrap().projects -= 1);

		Projects::<Test>::mutate(round, 0, |p| p.as_mut().unwrap().deposit += 1);
		assert!(QuadraticFunding::do_try_state().is_err());
		Projects::<Test>::mutate(round, 0, |p| p.as_mut().unwrap().deposit -= 1);

		// The round's account holding less than its funds.
		let account = QuadraticFunding::round_account(round);
		assert_ok!(<Balances as frame_support::traits::fungible::Mutate<AccountId>>::transfer(
			&account,
			&TREASURY,
			UNIT,
			frame_support::traits::tokens::Preservation::Preserve
		));
		assert!(QuadraticFunding::do_try_state().is_err());
		assert_ok!(<Balances as frame_support::traits::fungible::Mutate<AccountId>>::transfer(
			&TREASURY,
			&account,
			UNIT,
			frame_support::traits::tokens::Preservation::Preserve
		));

		// Matches above the cap, or above the pool.
		to_end(round);
		finalize(round);
		assert_ok!(QuadraticFunding::do_try_state());
		Projects::<Test>::mutate(round, 2, |p| p.as_mut().unwrap().matched = 71 * UNIT);
		assert!(QuadraticFunding::do_try_state().is_err());
		Projects::<Test>::mutate(round, 2, |p| p.as_mut().unwrap().matched = 64_800_000_000_000);
		Rounds::<Test>::mutate(round, |r| r.as_mut().unwrap().matched = 101 * UNIT);
		assert!(QuadraticFunding::do_try_state().is_err());
		Rounds::<Test>::mutate(round, |r| r.as_mut().unwrap().matched = 100 * UNIT);

		assert_ok!(QuadraticFunding::do_try_state());
	});
}

// ------------------------------------------------------------------------------------------
// The fixed-point maths
// ------------------------------------------------------------------------------------------

#[test]
fn roots_are_exact_floors_over_the_whole_range() {
	use sp_core::U256;
	for k in [0u128, 1, 2, 3, 10, 1_000, 1 << 40, (1 << 63) + 7] {
		assert_eq!(matching::root(k * k), k * matching::ROOT_SCALE);
	}
	assert_eq!(matching::root(UNIT), UNIT);
	assert_eq!(matching::root(9 * UNIT), 3 * UNIT);
	let mut rng = Rng::new(7);
	for i in 0..2_000 {
		let c = match i % 4 {
			0 => rng.below(1_000) as u128,
			1 => rng.next_u64() as u128,
			2 => ((rng.next_u64() as u128) << 64) | rng.next_u64() as u128,
			_ => u128::MAX - rng.below(1_000) as u128,
		};
		let r = U256::from(matching::root(c));
		let scaled = U256::from(c) * U256::from(matching::SCORE_SCALE);
		let next = r + U256::one();
		assert!(r * r <= scaled && next * next > scaled, "root({c})");
		// A single contributor scores zero, whatever the amount.
		assert_eq!(matching::score(matching::root(c), c), 0);
	}
}

#[test]
fn scores_follow_the_formula() {
	// (√1 + √4 + √9 + √1)² − 15 = 34, in units.
	let roots: u128 = [1u128, 4, 9, 1].iter().map(|c| matching::root(c * UNIT)).sum();
	assert_eq!(matching::score(roots, 15 * UNIT), 34 * UNIT);
	// Two equal contributors c: (2√c)² − 2c = 2c.
	assert_eq!(matching::score(2 * matching::root(49), 98), 98);
	// Roots are rounded down (√50 ≈ 7.071067 in fixed point), so scores may be a little low:
	// 99.99… instead of 100, rounded down to 99.
	assert_eq!(matching::score(2 * matching::root(50), 100), 99);
	assert!(matching::scaled_score(0, 1).is_zero());
}

#[test]
fn allocate_handles_edge_cases() {
	// Nothing to share, or nobody to share with.
	assert_eq!(matching::allocate(&[], 100, 100), Vec::<u128>::new());
	assert_eq!(matching::allocate(&[(0, 0), (0, 0)], 100, 100), vec![0, 0]);
	let scoring = (2 * matching::root(49), 98);
	assert_eq!(matching::allocate(&[scoring], 0, 0), vec![0]);
	// A lone scoring project takes the pool up to the cap.
	assert_eq!(matching::allocate(&[scoring, (0, 0)], 100, 100), vec![100, 0]);
	assert_eq!(matching::allocate(&[scoring, (0, 0)], 100, 30), vec![30, 0]);
	// Equal scores, cap of a third: everyone capped, exactly.
	assert_eq!(matching::allocate(&[scoring, scoring, scoring], 99, 33), vec![33, 33, 33]);
	// Equal scores, rounding down: 100 / 3.
	assert_eq!(matching::allocate(&[scoring, scoring, scoring], 100, 100), vec![33, 33, 33]);
	// Astronomical scores are scaled down and still split correctly.
	let huge = (u128::MAX, 0);
	let half = (u128::MAX / 2, 0);
	let matches = matching::allocate(&[huge, half, huge], 1_000_000, 1_000_000);
	assert_eq!(matches, vec![444_444, 111_111, 444_444]);
	let matches = matching::allocate(&[huge, half, huge], 1_000_000, 300_000);
	assert_eq!(matches, vec![300_000, 300_000, 300_000]);
}

// ------------------------------------------------------------------------------------------
// Property tests (deterministic pseudo-random inputs)
// ------------------------------------------------------------------------------------------

/// A deterministic xorshift64 generator.
struct Rng(u64);

impl Rng {
	fn new(seed: u64) -> Self {
		Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
	}

	fn next_u64(&mut self) -> u64 {
		let mut x = self.0;
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		self.0 = x;
		x
	}

	/// Uniform in `[0, n)`.
	fn below(&mut self, n: u64) -> u64 {
		self.next_u64() % n
	}

	/// Uniform in `[lo, hi]`.
	fn range(&mut self, lo: u64, hi: u64) -> u64 {
		lo + self.below(hi - lo + 1)
	}

	fn shuffle<T>(&mut self, items: &mut [T]) {
		for i in (1..items.len()).rev() {
			let j = self.below(i as u64 + 1) as usize;
			items.swap(i, j);
		}
	}
}

/// A contribution: `(person index, project, amount)`.
type Contribution = (u32, ProjectIndex, Balance);

/// A random round: pool, cap, number of projects and contributions.
struct Scenario {
	pool: Balance,
	cap: Perbill,
	projects: u32,
	contributions: Vec<Contribution>,
}

fn random_amount(rng: &mut Rng) -> Balance {
	match rng.below(3) {
		0 => MIN + rng.below(1_000) as Balance,
		1 => rng.range(1, 100) as Balance * UNIT,
		_ => MIN + rng.next_u64() as Balance % (300 * UNIT),
	}
}

fn random_scenario(rng: &mut Rng) -> Scenario {
	let projects = rng.range(1, 8) as u32;
	let count = rng.range(0, 30);
	let contributions = (0..count)
		.map(|_| {
			let who = rng.below(12) as u32;
			let project = rng.below(u64::from(projects)) as ProjectIndex;
			(who, project, random_amount(rng))
		})
		.collect();
	Scenario {
		pool: rng.range(1, 10_000) as Balance * UNIT + rng.below(UNIT as u64) as Balance,
		cap: Perbill::from_parts(rng.range(1, 1_000_000_000) as u32),
		projects,
		contributions,
	}
}

/// What a round came to.
#[derive(Debug, PartialEq)]
struct Outcome {
	/// Matches projected at the end of the contribution period.
	projected: Vec<Balance>,
	/// `(contributors, Σ c, Σ root)` of each project.
	sums: Vec<(u32, Balance, u128)>,
	/// Matches computed by finalisation.
	matched: Vec<Balance>,
	/// What finalisation returned to the treasury.
	returned: Balance,
}

/// Run `scenario` with `contributions` (in this order) in fresh externalities: create, apply,
/// contribute, finalise and claim every project (all invariants are checked at the end).
fn run(scenario: &Scenario, contributions: &[Contribution]) -> Outcome {
	let mut outcome = None;
	ExtBuilder::default().build_and_execute(|| {
		let round = create(scenario.pool, scenario.cap);
		for _ in 0..scenario.projects {
			apply_as(round, ALICE);
		}
		to_contributions(round);
		for (who, index, amount) in contributions {
			assert_ok!(contribute(person(*who), round, *index, *amount));
		}
		let projection = projected(round);
		let sums = (0..scenario.projects)
			.map(|index| {
				let record = project(round, index);
				(record.contributors, record.contributed, record.sum_sqrt)
			})
			.collect();
		to_end(round);
		let treasury = balance(TREASURY);
		finalize(round);
		let matched = (0..scenario.projects).map(|index| project(round, index).matched).collect();
		let returned = balance(TREASURY) - treasury;
		for index in 0..scenario.projects {
			assert_ok!(QuadraticFunding::claim(signed(EVE_CALLER), round, index));
		}
		assert!(!Rounds::<Test>::contains_key(round));
		outcome = Some(Outcome { projected: projection, sums, matched, returned });
	});
	outcome.unwrap()
}

/// Water-filling in floating point, as an independent reference.
fn reference_allocation(scores: &[f64], pool: f64, cap: f64) -> Vec<f64> {
	let mut matches = vec![0.0; scores.len()];
	let mut open: Vec<usize> = (0..scores.len()).filter(|i| scores[*i] > 0.0).collect();
	let mut remaining = pool;
	while !open.is_empty() {
		let total: f64 = open.iter().map(|i| scores[*i]).sum();
		let capped: Vec<usize> =
			open.iter().copied().filter(|i| remaining * scores[*i] / total >= cap).collect();
		if capped.is_empty() {
			for i in open.iter() {
				matches[*i] = remaining * scores[*i] / total;
			}
			break;
		}
		for i in capped.iter() {
			matches[*i] = cap;
			remaining -= cap;
		}
		open.retain(|i| !capped.contains(i));
	}
	matches
}

/// Σ matches ≤ pool; every match ≤ cap; with `k` scoring projects, Σ ≥ min(pool, k · cap) − k;
/// and every match within rounding of the floating-point reference.
fn check_allocation(sums: &[(u128, u128)], matches: &[u128], pool: u128, cap: u128) {
	let total: u128 = matches.iter().sum();
	assert!(total <= pool, "Σ matches {total} > pool {pool}");
	assert!(matches.iter().all(|m| *m <= cap), "a match above the cap {cap}: {matches:?}");
	let scores: Vec<f64> = sums
		.iter()
		.map(|(roots, contributed)| {
			let score = matching::scaled_score(*roots, *contributed);
			assert!(score.bits() <= 128, "test scores fit in 128 bits");
			score.low_u128() as f64
		})
		.collect();
	let k = scores.iter().filter(|s| **s > 0.0).count() as u128;
	assert!(total + k >= pool.min(k * cap), "Σ {total} too far below min({pool}, {k} · {cap})");
	for (index, score) in scores.iter().enumerate() {
		if *score <= 0.0 {
			assert_eq!(matches[index], 0, "a project that does not score gets nothing");
		}
	}
	let reference = reference_allocation(&scores, pool as f64, cap as f64);
	for (actual, ideal) in matches.iter().zip(reference) {
		let error = (*actual as f64 - ideal).abs();
		assert!(error <= 2.0 + pool as f64 * 1e-12, "match {actual}, reference {ideal}");
	}
}

#[test]
fn property_one_contributor_gets_no_match() {
	for seed in 1..=25 {
		let mut rng = Rng::new(seed);
		let mut scenario = random_scenario(&mut rng);
		// Every contribution to project 0 comes from the same person, at least once.
		scenario.contributions.push((0, 0, random_amount(&mut rng)));
		for (who, index, _) in scenario.contributions.iter_mut() {
			if *index == 0 {
				*who = 0;
			}
		}
		let contributions = scenario.contributions.clone();
		let outcome = run(&scenario, &contributions);
		assert_eq!(outcome.sums[0].0, 1);
		assert_eq!(matching::score(outcome.sums[0].2, outcome.sums[0].1), 0);
		assert_eq!(outcome.projected[0], 0, "seed {seed}");
		assert_eq!(outcome.matched[0], 0, "seed {seed}");
	}
	// The pure function, over the whole range of amounts.
	let mut rng = Rng::new(99);
	for _ in 0..500 {
		let c = ((rng.next_u64() as u128) << rng.below(64)) | 1;
		let lone = (matching::root(c), c);
		let pair = (2 * matching::root(c), 2 * c);
		assert_eq!(matching::allocate(&[lone, pair], 1_000 * UNIT, 1_000 * UNIT)[0], 0);
	}
}

#[test]
fn property_matches_do_not_depend_on_the_order_of_contributions() {
	for seed in 1..=20 {
		let mut rng = Rng::new(seed);
		let scenario = random_scenario(&mut rng);
		let baseline = run(&scenario, &scenario.contributions);

		// The same contributions, shuffled, some of them split in two parts.
		let mut reordered = Vec::new();
		for (who, index, amount) in scenario.contributions.iter().copied() {
			if amount >= 2 * MIN && rng.below(2) == 1 {
				let first = MIN + rng.below((amount - 2 * MIN) as u64 + 1) as Balance;
				reordered.push((who, index, first));
				reordered.push((who, index, amount - first));
			} else {
				reordered.push((who, index, amount));
			}
		}
		rng.shuffle(&mut reordered);
		assert_eq!(run(&scenario, &reordered), baseline, "seed {seed}");
	}
	// The pure function: permuting the projects permutes the matches.
	let mut rng = Rng::new(5);
	for _ in 0..200 {
		let sums: Vec<(u128, u128)> = (0..rng.range(1, 10))
			.map(|_| {
				let amounts: Vec<u128> =
					(0..rng.range(1, 6)).map(|_| rng.range(1, 1 << 40) as u128).collect();
				(amounts.iter().map(|c| matching::root(*c)).sum(), amounts.iter().sum())
			})
			.collect();
		let pool = rng.range(1, 1 << 50) as u128;
		let cap = rng.range(1, 1 << 50) as u128;
		let matches = matching::allocate(&sums, pool, cap);
		let mut order: Vec<usize> = (0..sums.len()).collect();
		rng.shuffle(&mut order);
		let permuted: Vec<(u128, u128)> = order.iter().map(|i| sums[*i]).collect();
		let permuted_matches = matching::allocate(&permuted, pool, cap);
		for (position, i) in order.iter().enumerate() {
			assert_eq!(permuted_matches[position], matches[*i]);
		}
	}
}

#[test]
fn property_total_never_exceeds_the_pool_and_caps_hold() {
	for seed in 1..=25 {
		let mut rng = Rng::new(seed);
		let scenario = random_scenario(&mut rng);
		let outcome = run(&scenario, &scenario.contributions);
		let total: Balance = outcome.matched.iter().sum();
		assert_eq!(outcome.projected, outcome.matched, "seed {seed}: the projection is exact");
		assert_eq!(outcome.returned, scenario.pool - total, "seed {seed}: the rest is returned");
		let sums: Vec<(u128, u128)> =
			outcome.sums.iter().map(|(_, contributed, roots)| (*roots, *contributed)).collect();
		check_allocation(
			&sums,
			&outcome.matched,
			scenario.pool,
			scenario.cap.mul_floor(scenario.pool),
		);
	}
	// The pure function, with many more (and larger) random inputs.
	let mut rng = Rng::new(11);
	for _ in 0..2_000 {
		let sums: Vec<(u128, u128)> = (0..rng.range(1, 12))
			.map(|_| {
				let magnitude = rng.range(1, 70);
				let amounts: Vec<u128> = (0..rng.range(1, 8))
					.map(|_| (rng.next_u64() as u128 % (1u128 << magnitude)) + 1)
					.collect();
				(amounts.iter().map(|c| matching::root(*c)).sum(), amounts.iter().sum())
			})
			.collect();
		let pool = (rng.next_u64() as u128) << rng.below(36);
		let cap = match rng.below(3) {
			0 => pool,
			1 => Perbill::from_parts(rng.range(1, 1_000_000_000) as u32).mul_floor(pool),
			_ => pool / (rng.range(1, 12) as u128),
		};
		let matches = matching::allocate(&sums, pool, cap);
		check_allocation(&sums, &matches, pool, cap);
	}
}

#[test]
fn property_splitting_a_contribution_across_unverified_accounts_gains_nothing() {
	for seed in 1..=15 {
		let mut rng = Rng::new(seed);
		ExtBuilder::default().build_and_execute(|| {
			let round = create(rng.range(10, 1_000) as Balance * UNIT, Perbill::one());
			let projects = rng.range(2, 4) as u32;
			for _ in 0..projects {
				apply_as(round, ALICE);
			}
			to_contributions(round);
			// Honest persons give to every project (so every project scores).
			for index in 0..projects {
				for who in 0..rng.range(2, 6) as u32 {
					assert_ok!(contribute(person(who), round, index, random_amount(&mut rng)));
				}
			}
			// The attacker, a person, gives to its target.
			let target = rng.below(u64::from(projects)) as ProjectIndex;
			assert_ok!(contribute(person(PERSONS - 1), round, target, random_amount(&mut rng)));
			let baseline = projected(round);

			// Its unverified accounts try to add more, split in parts: all refused.
			let parts = rng.range(2, 6) as u32;
			for part in 0..parts {
				let amount = random_amount(&mut rng);
				assert_noop!(
					contribute(sybil(part), round, target, amount),
					Error::<Test>::NotPerson
				);
			}
			assert_eq!(projected(round), baseline, "seed {seed}: nothing gained");

			// Were they persons, the same split would have raised the target's match: the
			// personhood gate is what stops it.
			for part in 0..parts {
				MockPersonhood::add(sybil(part));
				assert_ok!(contribute(sybil(part), round, target, MIN));
			}
			let target = target as usize;
			assert!(projected(round)[target] > baseline[target], "seed {seed}");
		});
	}
}

#[test]
fn property_random_workloads_keep_the_invariants() {
	for seed in 1..=4 {
		ExtBuilder::default().build_and_execute(|| {
			let mut rng = Rng::new(seed);
			let mut successes = 0;
			for _ in 0..400 {
				run_to(System::block_number() + rng.below(3));
				let rounds = u64::from(RoundCount::<Test>::get()).max(1);
				let round = rng.below(rounds) as RoundIndex;
				let next = Rounds::<Test>::get(round).map_or(1, |r| r.next_project.max(1));
				let index = rng.below(u64::from(next)) as ProjectIndex;
				let who = if rng.below(5) == 0 {
					sybil(rng.below(4) as u32)
				} else {
					person(rng.below(10) as u32)
				};
				let applicant = [ALICE, BOB, CHARLIE][rng.below(3) as usize];
				let result = match rng.below(13) {
					0 => QuadraticFunding::create_round(
						root(),
						rng.range(1, 500) as Balance * UNIT,
						rng.range(2, 8),
						rng.range(2, 12),
						Perbill::from_percent(rng.range(10, 100) as u32),
						MIN,
					),
					1 | 2 => QuadraticFunding::apply(
						signed(applicant),
						round,
						recipient(index),
						hash(1),
						None,
					),
					3..=6 => contribute(who, round, index, random_amount(&mut rng)),
					7 => QuadraticFunding::reject_project(signed(CURATOR), round, index, hash(2)),
					8 => QuadraticFunding::finalize_round(signed(EVE_CALLER), round)
						.map(|_| ())
						.map_err(|e| e.error),
					9 => QuadraticFunding::claim(signed(EVE_CALLER), round, index),
					10 => QuadraticFunding::cancel_round(
						if rng.below(2) == 0 { root() } else { signed(CURATOR) },
						round,
					)
					.map(|_| ())
					.map_err(|e| e.error),
					11 => QuadraticFunding::refund(signed(EVE_CALLER), round, index, who),
					_ => QuadraticFunding::reap_contributions(signed(EVE_CALLER), round, index)
						.map(|_| ())
						.map_err(|e| e.error),
				};
				if result.is_ok() {
					successes += 1;
				}
				QuadraticFunding::do_try_state().unwrap();
				assert_exact_round_funds();
			}
			assert!(successes > 40, "the workload mostly did something ({successes})");
		});
	}
}
