//! Tests of the bounty-work pallet against its mock runtime. Every test built with `test` ends
//! with `do_try_state` (see `mock::run`) and checks that no funds were created or destroyed.

#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};
use pallet_multi_asset_bounties as upstream;
use sp_runtime::{DispatchError, TokenError};

/// The specification hash of the test bounties.
const SPEC: Hash32 = [7; 32];
/// The duration of the test bounties: they end at `DEADLINE`.
const DURATION: u64 = 100;
/// The deadline of a bounty opened at block 1 by `open_bounty`.
const DEADLINE: u64 = 1 + DURATION;

/// Runs `test` (see `mock::run`) and checks that the total issuance did not change.
fn test(test: impl FnOnce()) {
	run(|| {
		let issuance = Balances::total_issuance();
		test();
		assert_eq!(Balances::total_issuance(), issuance, "no funds created or destroyed");
	});
}

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn title() -> TitleOf<Test> {
	TitleOf::<Test>::truncate_from(b"Add a bfloat16 evaluation harness".to_vec())
}

fn ms(amounts: &[Balance]) -> MilestonesOf<Test> {
	MilestonesOf::<Test>::truncate_from(amounts.to_vec())
}

/// `open` with every argument.
fn open_with(
	origin: RuntimeOrigin,
	amounts: &[Balance],
	curator: Option<AccountId>,
	fee: Balance,
	class: u8,
	upgrade: bool,
	duration: u64,
) -> DispatchResult {
	BountyWork::open(origin, title(), SPEC, ms(amounts), curator, fee, class, upgrade, duration)
}

/// Opens a bounty by a decision of `BIG`, accepted by `GATE`, for `DURATION` blocks.
fn open_bounty(
	amounts: &[Balance],
	curator: Option<AccountId>,
	fee: Balance,
	upgrade: bool,
) -> BountyIndex {
	let index = upstream::BountyCount::<Test>::get();
	assert_ok!(open_with(decision(BIG), amounts, curator, fee, GATE, upgrade, DURATION));
	index
}

/// `who` applies to `b` and is assigned by a decision of `GATE`.
fn hire(b: BountyIndex, who: AccountId) {
	assert_ok!(BountyWork::apply(signed(who), b));
	assert_ok!(BountyWork::assign(decision(GATE), b, who));
}

/// A SHA2-256-keyed artifact registered by `who`.
fn doc(seed: u8, who: AccountId) -> ArtifactId {
	let id = (false, [seed; 32]);
	MockArtifacts::add(id, who);
	id
}

/// A BLAKE2b-256-keyed artifact (a runtime's code) registered by `who`.
fn code(seed: u8, who: AccountId) -> ArtifactId {
	let id = (true, [seed; 32]);
	MockArtifacts::add(id, who);
	id
}

/// The assignee `who` delivers a fresh artifact, `GATE` accepts it, and the payout delay passes.
fn deliver_and_accept(b: BountyIndex, who: AccountId, seed: u8) {
	assert_ok!(BountyWork::deliver(signed(who), b, doc(seed, who)));
	assert_ok!(BountyWork::accept(decision(GATE), b));
	run_to(System::block_number() + PAYOUT_DELAY);
}

fn bounty(b: BountyIndex) -> BountyOf<Test> {
	crate::Bounties::<Test>::get(b).expect("the bounty exists")
}

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::Application.into(), &who)
}

fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}

fn last_event() -> Event<Test> {
	events().pop().expect("an event was deposited")
}

fn parent_account(b: BountyIndex) -> AccountId {
	upstream::Pallet::<Test>::bounty_account(b, ()).unwrap()
}

fn child_account(b: BountyIndex, child: u32) -> AccountId {
	upstream::Pallet::<Test>::child_bounty_account(b, child, ()).unwrap()
}

/// Whether nothing of `b` is left: neither here nor upstream, nor in its accounts.
fn gone(b: BountyIndex) -> bool {
	!crate::Bounties::<Test>::contains_key(b)
		&& !upstream::Bounties::<Test>::contains_key(b)
		&& upstream::ChildBounties::<Test>::iter_prefix(b).next().is_none()
		&& free(parent_account(b)) == 0
		&& (0..MAX_MILESTONES).all(|c| free(child_account(b, c)) == 0)
}

fn storage_root() -> Vec<u8> {
	sp_io::storage::root(sp_runtime::StateVersion::V1)
}

// ------------------------------------------------------------------------------------------
// open
// ------------------------------------------------------------------------------------------

#[test]
fn open_funds_the_bounty_with_a_child_per_milestone_but_the_last_and_one_for_the_fee() {
	test(|| {
		let b = open_bounty(&[10 * UNIT, 20 * UNIT, 5 * UNIT], Some(EVE), UNIT, false);
		assert_eq!(
			last_event(),
			Event::Opened { bounty: b, total: 36 * UNIT, accept_class: GATE, upgrade: false }
		);
		assert_eq!(free(treasury()), TREASURY_FUNDS - 36 * UNIT);
		assert_eq!(
			bounty(b),
			Bounty {
				title: title(),
				spec: SPEC,
				milestones: ms(&[10 * UNIT, 20 * UNIT, 5 * UNIT]),
				paid: 0,
				curator: Some(EVE),
				curator_fee: UNIT,
				accept_class: GATE,
				upgrade: false,
				deadline: DEADLINE,
				applicants: Default::default(),
				assignee: None,
				status: WorkStatus::Open,
			}
		);
		// Upstream: an active bounty curated by this pallet's account, the whole total.
		let parent = upstream::Bounties::<Test>::get(b).unwrap();
		assert_eq!(parent.value, 36 * UNIT);
		assert_eq!(
			parent.status,
			upstream::BountyStatus::Active { curator: BountyWork::account_id() }
		);
		// Children 0 and 1: the first two milestones; child 2: the fee. The parent keeps the
		// last milestone.
		assert_eq!(upstream::TotalChildBountiesPerParent::<Test>::get(b), 3);
		assert_eq!(upstream::ChildBountiesValuePerParent::<Test>::get(b), 31 * UNIT);
		for (child, value) in [(0, 10 * UNIT), (1, 20 * UNIT), (2, UNIT)] {
			let c = upstream::ChildBounties::<Test>::get(b, child).unwrap();
			assert_eq!(c.value, value);
			assert_eq!(
				c.status,
				upstream::BountyStatus::Active { curator: BountyWork::account_id() }
			);
			assert_eq!(free(child_account(b, child)), value);
		}
		assert_eq!(free(parent_account(b)), 5 * UNIT);
	});
}

#[test]
fn open_makes_no_fee_child_without_a_fee_and_no_child_for_a_single_milestone() {
	test(|| {
		let one = open_bounty(&[10 * UNIT], None, 0, false);
		assert_eq!(upstream::TotalChildBountiesPerParent::<Test>::get(one), 0);
		assert_eq!(free(parent_account(one)), 10 * UNIT);
		// A curator without a fee is fine.
		let two = open_bounty(&[10 * UNIT, 20 * UNIT], Some(EVE), 0, true);
		assert_eq!(upstream::TotalChildBountiesPerParent::<Test>::get(two), 1);
		assert_eq!(free(parent_account(two)), 20 * UNIT);
		assert_eq!(
			last_event(),
			Event::Opened { bounty: two, total: 30 * UNIT, accept_class: GATE, upgrade: true }
		);
		assert_eq!(bounty(two).curator, Some(EVE));
		assert_eq!(free(treasury()), TREASURY_FUNDS - 40 * UNIT);
	});
}

#[test]
fn open_is_allowed_up_to_the_class_limit_fee_included_and_to_root_without_limit() {
	test(|| {
		// SMALL may spend 100 tokens: 95 + a fee of 5 (5 % of 95 is 4.75: 4.75 then).
		let fee = UNIT * 475 / 100;
		assert_ok!(open_with(decision(SMALL), &[95 * UNIT], Some(EVE), fee, GATE, false, 10));
		assert_ok!(open_with(decision(SMALL), &[100 * UNIT], None, 0, GATE, false, 10));
		// Root: anything (up to what the treasury holds).
		assert_ok!(open_with(RuntimeOrigin::root(), &[50_000 * UNIT], None, 0, GATE, false, 10));
		assert_eq!(free(treasury()), TREASURY_FUNDS - 50_200 * UNIT + 25 * UNIT / 100);
	});
}

#[test]
fn open_needs_a_spend_origin() {
	test(|| {
		for origin in [signed(ALICE), decision(GATE), decision(NO_CLASS), RuntimeOrigin::none()] {
			assert_noop!(
				open_with(origin, &[10 * UNIT], None, 0, GATE, false, 10),
				DispatchError::BadOrigin
			);
		}
	});
}

#[test]
fn open_needs_milestones() {
	test(|| {
		assert_noop!(
			open_with(decision(BIG), &[], None, 0, GATE, false, 10),
			Error::<Test>::NoMilestones
		);
	});
}

#[test]
fn open_rejects_a_zero_milestone_and_an_overflowing_total() {
	test(|| {
		assert_noop!(
			open_with(decision(BIG), &[10 * UNIT, 0], None, 0, GATE, false, 10),
			Error::<Test>::InvalidAmount
		);
		assert_noop!(
			open_with(RuntimeOrigin::root(), &[Balance::MAX, 1], None, 0, GATE, false, 10),
			Error::<Test>::InvalidAmount
		);
		// The milestones fit but not with the fee.
		let fee = Balance::MAX / 100;
		assert_noop!(
			open_with(RuntimeOrigin::root(), &[Balance::MAX - 1], Some(EVE), fee, GATE, false, 10),
			Error::<Test>::InvalidAmount
		);
	});
}

#[test]
fn open_respects_the_spend_limit_of_the_class_fee_included() {
	test(|| {
		assert_noop!(
			open_with(decision(SMALL), &[100 * UNIT + 1], None, 0, GATE, false, 10),
			Error::<Test>::OverSpendLimit
		);
		assert_noop!(
			open_with(decision(SMALL), &[60 * UNIT, 40 * UNIT], Some(EVE), 1, GATE, false, 10),
			Error::<Test>::OverSpendLimit
		);
		assert_noop!(
			open_with(decision(BIG), &[10_000 * UNIT, 1], None, 0, GATE, false, 10),
			Error::<Test>::OverSpendLimit
		);
	});
}

#[test]
fn open_caps_the_curator_fee() {
	test(|| {
		assert_noop!(
			open_with(decision(BIG), &[100 * UNIT], Some(EVE), 5 * UNIT + 1, GATE, false, 10),
			Error::<Test>::FeeTooHigh
		);
		assert_ok!(open_with(decision(BIG), &[100 * UNIT], Some(EVE), 5 * UNIT, GATE, false, 10));
	});
}

#[test]
fn open_pays_a_fee_only_to_a_curator() {
	test(|| {
		assert_noop!(
			open_with(decision(BIG), &[100 * UNIT], None, UNIT, GATE, false, 10),
			Error::<Test>::FeeWithoutCurator
		);
	});
}

#[test]
fn open_needs_an_existing_acceptance_class() {
	test(|| {
		assert_noop!(
			open_with(decision(BIG), &[10 * UNIT], None, 0, NO_CLASS, false, 10),
			Error::<Test>::UnknownClass
		);
	});
}

#[test]
fn open_needs_a_duration_from_one_block_to_the_maximum() {
	test(|| {
		assert_noop!(
			open_with(decision(BIG), &[10 * UNIT], None, 0, GATE, false, 0),
			Error::<Test>::InvalidDuration
		);
		assert_noop!(
			open_with(decision(BIG), &[10 * UNIT], None, 0, GATE, false, MAX_DURATION + 1),
			Error::<Test>::InvalidDuration
		);
		let b = upstream::BountyCount::<Test>::get();
		assert_ok!(open_with(decision(BIG), &[10 * UNIT], None, 0, GATE, false, MAX_DURATION));
		assert_eq!(bounty(b).deadline, 1 + MAX_DURATION);
		assert_ok!(open_with(decision(BIG), &[10 * UNIT], None, 0, GATE, false, 1));
	});
}

#[test]
fn open_fails_below_the_minimums_of_multi_asset_bounties() {
	test(|| {
		// A fee (a child bounty) below `ChildBountyValueMinimum`.
		assert_noop!(
			open_with(decision(BIG), &[100 * UNIT], Some(EVE), UNIT / 2, GATE, false, 10),
			upstream::Error::<Test>::InvalidValue
		);
		// A milestone but the last (a child bounty) below it.
		assert_noop!(
			open_with(decision(BIG), &[UNIT / 2, 10 * UNIT], None, 0, GATE, false, 10),
			upstream::Error::<Test>::InvalidValue
		);
		// A total below `BountyValueMinimum`.
		assert_noop!(
			open_with(decision(BIG), &[UNIT / 2], None, 0, GATE, false, 10),
			upstream::Error::<Test>::InvalidValue
		);
	});
}

#[test]
fn open_fails_when_the_treasury_cannot_pay() {
	test(|| {
		assert_noop!(
			open_with(RuntimeOrigin::root(), &[TREASURY_FUNDS + UNIT], None, 0, GATE, false, 10),
			upstream::Error::<Test>::FundingError
		);
	});
}

// ------------------------------------------------------------------------------------------
// apply and withdraw_application
// ------------------------------------------------------------------------------------------

#[test]
fn apply_holds_the_deposit() {
	test(|| {
		let b = open_bounty(&[10 * UNIT], Some(EVE), 0, false);
		assert_ok!(BountyWork::apply(signed(BOB), b));
		assert_eq!(last_event(), Event::Applied { bounty: b, who: BOB });
		assert_ok!(BountyWork::apply(signed(CHARLIE), b));
		assert_eq!(bounty(b).applicants.into_inner(), vec![BOB, CHARLIE]);
		assert_eq!(held(BOB), APPLICATION_DEPOSIT);
		assert_eq!(free(BOB), FUNDS - APPLICATION_DEPOSIT);
		assert_eq!(held(CHARLIE), APPLICATION_DEPOSIT);
		// Applying to another bounty holds another deposit.
		let other = open_bounty(&[10 * UNIT], None, 0, false);
		assert_ok!(BountyWork::apply(signed(BOB), other));
		assert_eq!(held(BOB), 2 * APPLICATION_DEPOSIT);
	});
}

#[test]
fn apply_checks_the_bounty_and_the_applicant() {
	test(|| {
		let b = open_bounty(&[10 * UNIT], Some(EVE), 0, false);
		assert_noop!(BountyWork::apply(signed(BOB), 99), Error::<Test>::UnknownBounty);
		assert_noop!(BountyWork::apply(RuntimeOrigin::none(), b), DispatchError::BadOrigin);
		assert_noop!(BountyWork::apply(RuntimeOrigin::root(), b), DispatchError::BadOrigin);
		assert_ok!(BountyWork::apply(signed(BOB), b));
		assert_noop!(BountyWork::apply(signed(BOB), b), Error::<Test>::AlreadyApplied);
		assert_noop!(
			BountyWork::apply(signed(POOR), b),
			DispatchError::Token(TokenError::FundsUnavailable)
		);
	});
}

#[test]
fn the_curator_cannot_apply_to_its_own_bounty() {
	test(|| {
		let b = open_bounty(&[10 * UNIT], Some(EVE), 0, false);
		assert_noop!(BountyWork::apply(signed(EVE), b), Error::<Test>::CuratorCannotApply);
		// It may apply to a bounty it does not curate.
		let other = open_bounty(&[10 * UNIT], Some(DAVE), 0, false);
		assert_ok!(BountyWork::apply(signed(EVE), other));
	});
}

#[test]
fn apply_is_bounded() {
	test(|| {
		let b = open_bounty(&[10 * UNIT], None, 0, false);
		for who in [ALICE, BOB, CHARLIE] {
			assert_ok!(BountyWork::apply(signed(who), b));
		}
		assert_eq!(bounty(b).applicants.len() as u32, MAX_APPLICANTS);
		assert_noop!(BountyWork::apply(signed(DAVE), b), Error::<Test>::TooManyApplicants);
		// A withdrawal frees a slot.
		assert_ok!(BountyWork::withdraw_application(signed(ALICE), b));
		assert_ok!(BountyWork::apply(signed(DAVE), b));
	});
}

#[test]
fn apply_closes_after_the_deadline() {
	test(|| {
		let b = open_bounty(&[10 * UNIT], None, 0, false);
		run_to(DEADLINE);
		assert_ok!(BountyWork::apply(signed(BOB), b));
		run_to(DEADLINE + 1);
		assert_noop!(BountyWork::apply(signed(CHARLIE), b), Error::<Test>::PastDeadline);
	});
}

#[test]
fn withdraw_application_releases_the_deposit() {
	test(|| {
		let b = open_bounty(&[10 * UNIT], None, 0, false);
		assert_ok!(BountyWork::apply(signed(BOB), b));
		assert_ok!(BountyWork::apply(signed(CHARLIE), b));
		assert_ok!(BountyWork::withdraw_application(signed(BOB), b));
		assert_eq!(last_event(), Event::ApplicationWithdrawn { bounty: b, who: BOB });
		assert_eq!(bounty(b).applicants.into_inner(), vec![CHARLIE]);
		assert_eq!(held(BOB), 0);
		assert_eq!(free(BOB), FUNDS);
		// It may apply again.
		assert_ok!(BountyWork::apply(signed(BOB), b));
		assert_eq!(bounty(b).applicants.into_inner(), vec![CHARLIE, BOB]);
	});
}

#[test]
fn withdraw_application_needs_an_application_that_is_not_assigned() {
	test(|| {
		let b = open_bounty(&[10 * UNIT], None, 0, false);
		assert_noop!(
			BountyWork::withdraw_application(signed(BOB), 99),
			Error::<Test>::UnknownBounty
		);
		assert_noop!(BountyWork::withdraw_application(signed(BOB), b), Error::<Test>::NotApplicant);
		assert_noop!(
			BountyWork::withdraw_application(RuntimeOrigin::root(), b),
			DispatchError::BadOrigin
		);
		hire(b, BOB);
		assert_noop!(BountyWork::withdraw_application(signed(BOB), b), Error::<Test>::IsAssignee);
		// Once unassigned, it may.
		assert_ok!(BountyWork::unassign(signed(BOB), b));
		assert_ok!(BountyWork::withdraw_application(signed(BOB), b));
		assert_eq!(held(BOB), 0);
	});
}

// ------------------------------------------------------------------------------------------
// assign and unassign
// ------------------------------------------------------------------------------------------

#[test]
fn the_curator_assigns() {
	test(|| {
		let b = open_bounty(&[10 * UNIT], Some(EVE), 0, false);
		assert_ok!(BountyWork::apply(signed(BOB), b));
		assert_ok!(BountyWork::assign(signed(EVE), b, BOB));
		assert_eq!(last_event(), Event::Assigned { bounty: b, who: BOB });
		assert_eq!(bounty(b).assignee, Some(BOB));
	});
}

#[test]
fn the_acceptance_class_assigns_with_or_without_a_curator_and_root_too() {
	test(|| {
		let with = open_bounty(&[10 * UNIT], Some(EVE), 0, false);
		let without = open_bounty(&[10 * UNIT], None, 0, false);
		let by_root = open_bounty(&[10 * UNIT], Some(EVE), 0, false);
		for b in [with, without, by_root] {
			assert_ok!(BountyWork::apply(signed(BOB), b));
		}
		assert_ok!(BountyWork::assign(decision(GATE), with, BOB));
		assert_ok!(BountyWork::assign(decision(GATE), without, BOB));
		assert_ok!(BountyWork::assign(RuntimeOrigin::root(), by_root, BOB));
		for b in [with, without, by_root] {
			assert_eq!(bounty(b).assignee, Some(BOB));
		}
	});
}

#[test]
fn a_non_curator_cannot_assign() {
	test(|| {
		let b = open_bounty(&[10 * UNIT], Some(EVE), 0, false);
		let uncurated = open_bounty(&[10 * UNIT], None, 0, false);
		for x in [b, uncurated] {
			assert_ok!(BountyWork::apply(signed(BOB), x));
			assert_ok!(BountyWork::apply(signed(CHARLIE), x));
			// A stranger, an applicant (itself or another), another class (the one that
			// opened it), the curator of another bounty, an unsigned origin.
			for origin in
				[signed(ALICE), signed(BOB), signed(CHARLIE), decision(BIG), RuntimeOrigin::none()]
			{
				assert_noop!(BountyWork::assign(origin, x, BOB), DispatchError::BadOrigin);
			}
		}
		assert_noop!(BountyWork::assign(signed(EVE), uncurated, BOB), DispatchError::BadOrigin);
		assert!(bounty(b).assignee.is_none() && bounty(uncurated).assignee.is_none());
	});
}

#[test]
fn assign_needs_an_applicant_no_assignee_and_time() {
	test(|| {
		let b = open_bounty(&[10 * UNIT], Some(EVE), 0, false);
		assert_noop!(BountyWork::assign(signed(EVE), 99, BOB), Error::<Test>::UnknownBounty);
		assert_noop!(BountyWork::assign(signed(EVE), b, BOB), Error::<Test>::NotApplicant);
		assert_ok!(BountyWork::apply(signed(BOB), b));
		assert_ok!(BountyWork::apply(signed(CHARLIE), b));
		assert_ok!(BountyWork::assign(signed(EVE), b, BOB));
		assert_noop!(BountyWork::assign(signed(EVE), b, CHARLIE), Error::<Test>::AlreadyAssigned);
		assert_noop!(BountyWork::assign(signed(EVE), b, BOB), Error::<Test>::AlreadyAssigned);
		assert_ok!(BountyWork::unassign(signed(EVE), b));
		run_to(DEADLINE + 1);
		assert_noop!(BountyWork::assign(signed(EVE), b, CHARLIE), Error::<Test>::PastDeadline);
		assert_noop!(BountyWork::assign(decision(GATE), b, CHARLIE), Error::<Test>::PastDeadline);
	});
}

#[test]
fn the_assignee_may_unassign_itself_and_stays_an_applicant() {
	test(|| {
		let b = open_bounty(&[10 * UNIT], Some(EVE), 0, false);
		hire(b, BOB);
		assert_ok!(BountyWork::unassign(signed(BOB), b));
		assert_eq!(last_event(), Event::Unassigned { bounty: b, who: BOB });
		assert_eq!(bounty(b).assignee, None);
		assert_eq!(bounty(b).applicants.into_inner(), vec![BOB]);
		assert_eq!(held(BOB), APPLICATION_DEPOSIT);
		// And may be assigned again.
		assert_ok!(BountyWork::assign(signed(EVE), b, BOB));
	});
}

#[test]
fn the_curator_the_class_and_root_unassign_dropping_a_delivery() {
	test(|| {
		let b = open_bounty(&[10 * UNIT], Some(EVE), 0, false);
		for origin in [signed(EVE), decision(GATE), RuntimeOrigin::root()] {
			hire(b, BOB);
			assert_ok!(BountyWork::deliver(signed(BOB), b, doc(1, BOB)));
			assert_ok!(BountyWork::unassign(origin, b));
			assert_eq!(last_event(), Event::Unassigned { bounty: b, who: BOB });
			assert_eq!(bounty(b).assignee, None);
			assert_eq!(bounty(b).status, WorkStatus::Open);
			assert_ok!(BountyWork::withdraw_application(signed(BOB), b));
		}
	});
}

#[test]
fn unassign_drops_an_upgrade_delivery_and_its_awaited_code() {
	test(|| {
		let b = open_bounty(&[10 * UNIT], None, 0, true);
		hire(b, BOB);
		assert_ok!(BountyWork::deliver(signed(BOB), b, code(2, BOB)));
		assert_eq!(AwaitedCode::<Test>::get([2; 32]), Some(b));
		assert_ok!(BountyWork::unassign(decision(GATE), b));
		assert_eq!(AwaitedCode::<Test>::get([2; 32]), None);
		assert_eq!(bounty(b).status, WorkStatus::Open);
		// The upgrade no longer pays anyone.
		let root = storage_root();
		BountyWork::note_code_change([2; 32]);
		assert_eq!(storage_root(), root);
		assert_noop!(BountyWork::claim(signed(DAVE), b), Error::<Test>::NotAccepted);
	});
}

#[test]
fn unassign_needs_an_assignee_and_the_right_origin_and_no_pending_payout() {
	test(|| {
		let b = open_bounty(&[10 * UNIT, 10 * UNIT], Some(EVE), 0, false);
		assert_noop!(BountyWork::unassign(signed(EVE), 99), Error::<Test>::UnknownBounty);
		assert_noop!(BountyWork::unassign(signed(EVE), b), Error::<Test>::NotAssigned);
		hire(b, BOB);
		assert_ok!(BountyWork::apply(signed(CHARLIE), b));
		for origin in [signed(ALICE), signed(CHARLIE), decision(BIG), RuntimeOrigin::none()] {
			assert_noop!(BountyWork::unassign(origin, b), DispatchError::BadOrigin);
		}
		assert_ok!(BountyWork::deliver(signed(BOB), b, doc(1, BOB)));
		assert_ok!(BountyWork::accept(decision(GATE), b));
		for origin in [signed(BOB), signed(EVE), decision(GATE), RuntimeOrigin::root()] {
			assert_noop!(BountyWork::unassign(origin, b), Error::<Test>::PayoutPending);
		}
		// Once paid, the next milestone is open: unassigning is possible again.
		run_to(1 + PAYOUT_DELAY);
		assert_ok!(BountyWork::claim(signed(DAVE), b));
		assert_ok!(BountyWork::unassign(signed(BOB), b));
	});
}

// ------------------------------------------------------------------------------------------
// deliver
// ------------------------------------------------------------------------------------------

#[test]
fn the_assignee_delivers_its_artifact() {
	test(|| {
		let b = open_bounty(&[10 * UNIT, 10 * UNIT], None, 0, false);
		hire(b, BOB);
		run_to(7);
		let art = doc(1, BOB);
		assert_ok!(BountyWork::deliver(signed(BOB), b, art));
		assert_eq!(last_event(), Event::Delivered { bounty: b, milestone: 0, artifact: art });
		assert_eq!(bounty(b).status, WorkStatus::Delivered { artifact: art, at: 7 });
		// After the deadline too: delivering is not bounded by it.
		run_to(DEADLINE + 1);
		let again = doc(2, BOB);
		assert_ok!(BountyWork::deliver(signed(BOB), b, again));
		assert_eq!(bounty(b).status, WorkStatus::Delivered { artifact: again, at: DEADLINE + 1 });
	});
}

#[test]
fn a_new_upgrade_delivery_replaces_the_awaited_code() {
	test(|| {
		let b = open_bounty(&[10 * UNIT], None, 0, true);
		hire(b, BOB);
		assert_ok!(BountyWork::deliver(signed(BOB), b, code(2, BOB)));
		// The same code again is fine.
		assert_ok!(BountyWork::deliver(signed(BOB), b, code(2, BOB)));
		assert_eq!(AwaitedCode::<Test>::get([2; 32]), Some(b));
		assert_ok!(BountyWork::deliver(signed(BOB), b, code(3, BOB)));
		assert_eq!(
			last_event(),
			Event::Delivered { bounty: b, milestone: 0, artifact: code(3, BOB) }
		);
		assert_eq!(AwaitedCode::<Test>::get([2; 32]), None);
		assert_eq!(AwaitedCode::<Test>::get([3; 32]), Some(b));
		assert_eq!(AwaitedCode::<Test>::iter().count(), 1);
	});
}

#[test]
fn only_the_assignee_delivers() {
	test(|| {
		let b = open_bounty(&[10 * UNIT], Some(EVE), 0, false);
		assert_noop!(
			BountyWork::deliver(signed(BOB), 99, doc(1, BOB)),
			Error::<Test>::UnknownBounty
		);
		assert_ok!(BountyWork::apply(signed(BOB), b));
		// Nobody is assigned yet.
		assert_noop!(BountyWork::deliver(signed(BOB), b, doc(1, BOB)), Error::<Test>::NotAssignee);
		assert_ok!(BountyWork::assign(signed(EVE), b, BOB));
		assert_ok!(BountyWork::apply(signed(CHARLIE), b));
		for who in [CHARLIE, EVE, ALICE] {
			assert_noop!(
				BountyWork::deliver(signed(who), b, doc(5, who)),
				Error::<Test>::NotAssignee
			);
		}
		assert_noop!(
			BountyWork::deliver(RuntimeOrigin::root(), b, doc(1, BOB)),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn the_artifact_must_be_the_assignees_and_usable() {
	test(|| {
		let b = open_bounty(&[10 * UNIT], None, 0, false);
		hire(b, BOB);
		// Not registered.
		assert_noop!(
			BountyWork::deliver(signed(BOB), b, (false, [1; 32])),
			Error::<Test>::InvalidArtifact
		);
		// Registered by someone else: a stranger's artifact cannot be delivered.
		let charlies = doc(2, CHARLIE);
		assert_noop!(BountyWork::deliver(signed(BOB), b, charlies), Error::<Test>::InvalidArtifact);
		// Withdrawn (or suspended) from the registry.
		let withdrawn = doc(3, BOB);
		MockArtifacts::withdraw(withdrawn);
		assert_noop!(
			BountyWork::deliver(signed(BOB), b, withdrawn),
			Error::<Test>::InvalidArtifact
		);
	});
}

#[test]
fn a_stranger_cannot_deliver_someone_elses_artifact() {
	test(|| {
		let b = open_bounty(&[10 * UNIT], None, 0, false);
		hire(b, BOB);
		let bobs = doc(1, BOB);
		// Charlie, not assigned, tries Bob's artifact.
		assert_noop!(BountyWork::deliver(signed(CHARLIE), b, bobs), Error::<Test>::NotAssignee);
		// Charlie, assigned to another bounty, tries Bob's artifact there.
		let other = open_bounty(&[10 * UNIT], None, 0, false);
		hire(other, CHARLIE);
		assert_noop!(
			BountyWork::deliver(signed(CHARLIE), other, bobs),
			Error::<Test>::InvalidArtifact
		);
		// Bob's own delivery stands.
		assert_ok!(BountyWork::deliver(signed(BOB), b, bobs));
		assert_eq!(bounty(other).status, WorkStatus::Open);
	});
}

#[test]
fn deliver_cannot_replace_an_accepted_delivery() {
	test(|| {
		let b = open_bounty(&[10 * UNIT], None, 0, false);
		hire(b, BOB);
		let art = doc(1, BOB);
		assert_ok!(BountyWork::deliver(signed(BOB), b, art));
		assert_ok!(BountyWork::accept(decision(GATE), b));
		assert_noop!(
			BountyWork::deliver(signed(BOB), b, doc(2, BOB)),
			Error::<Test>::PayoutPending
		);
		assert_noop!(BountyWork::deliver(signed(BOB), b, art), Error::<Test>::PayoutPending);
	});
}

#[test]
fn the_last_milestone_of_an_upgrade_bounty_needs_runtime_code_not_awaited_elsewhere() {
	test(|| {
		let b = open_bounty(&[10 * UNIT], None, 0, true);
		let other = open_bounty(&[10 * UNIT], None, 0, true);
		hire(b, BOB);
		hire(other, BOB);
		assert_noop!(
			BountyWork::deliver(signed(BOB), b, doc(1, BOB)),
			Error::<Test>::NotRuntimeCode
		);
		let wasm = code(2, BOB);
		assert_ok!(BountyWork::deliver(signed(BOB), b, wasm));
		assert_noop!(
			BountyWork::deliver(signed(BOB), other, wasm),
			Error::<Test>::CodeAlreadyAwaited
		);
		// A failed replacement keeps the previous delivery and the code it awaits.
		assert_noop!(
			BountyWork::deliver(signed(BOB), b, doc(1, BOB)),
			Error::<Test>::NotRuntimeCode
		);
		assert_eq!(AwaitedCode::<Test>::get([2; 32]), Some(b));
		assert_ok!(BountyWork::deliver(signed(BOB), other, code(3, BOB)));
		assert_eq!(AwaitedCode::<Test>::get([3; 32]), Some(other));
	});
}

#[test]
fn an_earlier_milestone_of_an_upgrade_bounty_awaits_no_code() {
	test(|| {
		let b = open_bounty(&[10 * UNIT, 10 * UNIT], None, 0, true);
		hire(b, BOB);
		// Any artifact, code or not, for milestone 0; it awaits nothing.
		assert_ok!(BountyWork::deliver(signed(BOB), b, code(2, BOB)));
		assert_eq!(AwaitedCode::<Test>::iter().count(), 0);
		let root = storage_root();
		BountyWork::note_code_change([2; 32]);
		assert_eq!(storage_root(), root);
		assert_ok!(BountyWork::deliver(signed(BOB), b, doc(1, BOB)));
		assert_eq!(AwaitedCode::<Test>::iter().count(), 0);
	});
}

// ------------------------------------------------------------------------------------------
// accept
// ------------------------------------------------------------------------------------------

#[test]
fn the_acceptance_class_accepts_and_the_payout_waits_for_the_delay() {
	test(|| {
		let b = open_bounty(&[10 * UNIT], None, 0, false);
		hire(b, BOB);
		let art = doc(1, BOB);
		assert_ok!(BountyWork::deliver(signed(BOB), b, art));
		run_to(3);
		assert_ok!(BountyWork::accept(decision(GATE), b));
		let payable_at = 3 + PAYOUT_DELAY;
		assert_eq!(last_event(), Event::Accepted { bounty: b, milestone: 0, payable_at });
		assert_eq!(bounty(b).status, WorkStatus::Accepted { artifact: art, payable_at });
		run_to(payable_at - 1);
		assert_noop!(BountyWork::claim(signed(DAVE), b), Error::<Test>::PayoutDelayed);
		run_to(payable_at);
		assert_ok!(BountyWork::claim(signed(DAVE), b));
	});
}

#[test]
fn accept_needs_a_decision_of_the_acceptance_class() {
	test(|| {
		let b = open_bounty(&[10 * UNIT], Some(EVE), 0, false);
		hire(b, BOB);
		assert_ok!(BountyWork::deliver(signed(BOB), b, doc(1, BOB)));
		// The curator, the assignee, a stranger, the opening class, another class.
		for origin in [signed(EVE), signed(BOB), signed(ALICE), decision(BIG), decision(SMALL)] {
			assert_noop!(BountyWork::accept(origin, b), DispatchError::BadOrigin);
		}
		assert_noop!(BountyWork::accept(decision(GATE), 99), Error::<Test>::UnknownBounty);
		assert_ok!(BountyWork::accept(RuntimeOrigin::root(), b));
	});
}

#[test]
fn accept_needs_a_delivery() {
	test(|| {
		let b = open_bounty(&[10 * UNIT], None, 0, false);
		assert_noop!(BountyWork::accept(decision(GATE), b), Error::<Test>::NotDelivered);
		hire(b, BOB);
		assert_noop!(BountyWork::accept(decision(GATE), b), Error::<Test>::NotDelivered);
		assert_ok!(BountyWork::deliver(signed(BOB), b, doc(1, BOB)));
		assert_ok!(BountyWork::accept(decision(GATE), b));
		// Not twice.
		assert_noop!(BountyWork::accept(decision(GATE), b), Error::<Test>::NotDelivered);
	});
}

// ------------------------------------------------------------------------------------------
// claim
// ------------------------------------------------------------------------------------------

#[test]
fn claim_pays_a_milestone_to_the_assignee_and_opens_the_next() {
	test(|| {
		let b = open_bounty(&[10 * UNIT, 20 * UNIT], Some(EVE), UNIT, false);
		hire(b, BOB);
		deliver_and_accept(b, BOB, 1);
		// Anyone claims, for the assignee.
		let info = BountyWork::claim(signed(DAVE), b).unwrap();
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::claim(0)));
		assert_eq!(
			last_event(),
			Event::MilestonePaid { bounty: b, milestone: 0, to: BOB, amount: 10 * UNIT }
		);
		assert_eq!(free(BOB), FUNDS - APPLICATION_DEPOSIT + 10 * UNIT);
		assert_eq!(free(DAVE), FUNDS);
		let after = bounty(b);
		assert_eq!((after.paid, after.status, after.assignee), (1, WorkStatus::Open, Some(BOB)));
		// The milestone's child bounty is gone; the fee's stays.
		assert!(!upstream::ChildBounties::<Test>::contains_key(b, 0));
		assert!(upstream::ChildBounties::<Test>::contains_key(b, 1));
		assert_eq!(free(child_account(b, 0)), 0);
	});
}

#[test]
fn the_last_claim_pays_the_fee_releases_the_deposits_and_ends_the_bounty() {
	test(|| {
		let b = open_bounty(&[10 * UNIT, 20 * UNIT], Some(EVE), UNIT, false);
		assert_ok!(BountyWork::apply(signed(ALICE), b));
		assert_ok!(BountyWork::apply(signed(CHARLIE), b));
		assert_ok!(BountyWork::apply(signed(BOB), b));
		assert_ok!(BountyWork::assign(signed(EVE), b, BOB));
		deliver_and_accept(b, BOB, 1);
		assert_ok!(BountyWork::claim(signed(DAVE), b));
		deliver_and_accept(b, BOB, 2);
		System::reset_events();
		let info = BountyWork::claim(signed(DAVE), b).unwrap();
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::claim(3)));
		assert_eq!(
			events(),
			vec![
				Event::CuratorPaid { bounty: b, curator: EVE, fee: UNIT },
				Event::MilestonePaid { bounty: b, milestone: 1, to: BOB, amount: 20 * UNIT },
				Event::Completed { bounty: b },
			]
		);
		assert_eq!(free(BOB), FUNDS + 30 * UNIT);
		assert_eq!(free(EVE), FUNDS + UNIT);
		for who in [ALICE, BOB, CHARLIE] {
			assert_eq!(held(who), 0);
		}
		assert_eq!(free(ALICE), FUNDS);
		assert_eq!(free(treasury()), TREASURY_FUNDS - 31 * UNIT);
		assert!(gone(b));
	});
}

#[test]
fn without_a_fee_nobody_but_the_assignee_is_paid() {
	test(|| {
		let b = open_bounty(&[10 * UNIT], Some(EVE), 0, false);
		hire(b, BOB);
		deliver_and_accept(b, BOB, 1);
		System::reset_events();
		assert_ok!(BountyWork::claim(signed(BOB), b));
		assert_eq!(
			events(),
			vec![
				Event::MilestonePaid { bounty: b, milestone: 0, to: BOB, amount: 10 * UNIT },
				Event::Completed { bounty: b },
			]
		);
		assert_eq!(free(EVE), FUNDS);
		assert!(gone(b));
	});
}

#[test]
fn claim_needs_an_accepted_milestone_after_its_delay() {
	test(|| {
		let b = open_bounty(&[10 * UNIT], None, 0, false);
		assert_noop!(BountyWork::claim(signed(DAVE), 99), Error::<Test>::UnknownBounty);
		assert_noop!(BountyWork::claim(signed(DAVE), b), Error::<Test>::NotAccepted);
		hire(b, BOB);
		assert_noop!(BountyWork::claim(signed(BOB), b), Error::<Test>::NotAccepted);
		assert_ok!(BountyWork::deliver(signed(BOB), b, doc(1, BOB)));
		assert_noop!(BountyWork::claim(signed(BOB), b), Error::<Test>::NotAccepted);
		assert_ok!(BountyWork::accept(decision(GATE), b));
		assert_noop!(BountyWork::claim(signed(BOB), b), Error::<Test>::PayoutDelayed);
		run_to(1 + PAYOUT_DELAY);
		assert_noop!(BountyWork::claim(RuntimeOrigin::root(), b), DispatchError::BadOrigin);
		assert_noop!(BountyWork::claim(RuntimeOrigin::none(), b), DispatchError::BadOrigin);
		assert_ok!(BountyWork::claim(signed(BOB), b));
	});
}

#[test]
fn a_payout_cannot_be_claimed_twice() {
	test(|| {
		let b = open_bounty(&[10 * UNIT, 20 * UNIT], None, 0, false);
		hire(b, BOB);
		deliver_and_accept(b, BOB, 1);
		assert_ok!(BountyWork::claim(signed(DAVE), b));
		assert_noop!(BountyWork::claim(signed(DAVE), b), Error::<Test>::NotAccepted);
		assert_noop!(BountyWork::claim(signed(BOB), b), Error::<Test>::NotAccepted);
		deliver_and_accept(b, BOB, 2);
		assert_ok!(BountyWork::claim(signed(DAVE), b));
		assert_noop!(BountyWork::claim(signed(DAVE), b), Error::<Test>::UnknownBounty);
		assert_eq!(free(BOB), FUNDS + 30 * UNIT);
		assert_eq!(free(treasury()), TREASURY_FUNDS - 30 * UNIT);
	});
}

#[test]
fn the_milestone_is_paid_to_whoever_is_assigned_when_it_is_claimed() {
	test(|| {
		// Bob delivers milestone 0 and is paid; Charlie takes over and is paid milestone 1.
		let b = open_bounty(&[10 * UNIT, 20 * UNIT], Some(EVE), 0, false);
		hire(b, BOB);
		assert_ok!(BountyWork::apply(signed(CHARLIE), b));
		deliver_and_accept(b, BOB, 1);
		assert_ok!(BountyWork::claim(signed(DAVE), b));
		assert_ok!(BountyWork::unassign(signed(EVE), b));
		assert_ok!(BountyWork::assign(signed(EVE), b, CHARLIE));
		deliver_and_accept(b, CHARLIE, 2);
		assert_ok!(BountyWork::claim(signed(DAVE), b));
		assert_eq!(free(BOB), FUNDS + 10 * UNIT);
		assert_eq!(free(CHARLIE), FUNDS + 20 * UNIT);
	});
}

// ------------------------------------------------------------------------------------------
// close and expire
// ------------------------------------------------------------------------------------------

#[test]
fn close_returns_everything_and_releases_every_deposit() {
	test(|| {
		let b = open_bounty(&[10 * UNIT, 20 * UNIT, 5 * UNIT], Some(EVE), UNIT, false);
		assert_ok!(BountyWork::apply(signed(ALICE), b));
		assert_ok!(BountyWork::apply(signed(BOB), b));
		assert_ok!(BountyWork::assign(signed(EVE), b, BOB));
		let info = BountyWork::close(decision(GATE), b).unwrap();
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::close(3, 2)));
		assert_eq!(last_event(), Event::Closed { bounty: b, expired: false, refunded: 36 * UNIT });
		assert_eq!(free(treasury()), TREASURY_FUNDS);
		assert_eq!((held(ALICE), held(BOB)), (0, 0));
		assert_eq!((free(ALICE), free(BOB), free(EVE)), (FUNDS, FUNDS, FUNDS));
		assert!(gone(b));
		assert_noop!(BountyWork::close(decision(GATE), b), Error::<Test>::UnknownBounty);
	});
}

#[test]
fn closing_after_a_paid_milestone_returns_the_rest_to_the_treasury() {
	test(|| {
		let b = open_bounty(&[10 * UNIT, 20 * UNIT, 5 * UNIT], Some(EVE), UNIT, false);
		hire(b, BOB);
		deliver_and_accept(b, BOB, 1);
		assert_ok!(BountyWork::claim(signed(DAVE), b));
		assert_ok!(BountyWork::close(decision(GATE), b));
		assert_eq!(last_event(), Event::Closed { bounty: b, expired: false, refunded: 26 * UNIT });
		assert_eq!(free(treasury()), TREASURY_FUNDS - 10 * UNIT);
		assert_eq!(free(BOB), FUNDS + 10 * UNIT);
		assert_eq!(free(EVE), FUNDS);
		assert!(gone(b));
	});
}

#[test]
fn closing_before_the_last_milestone_returns_only_it() {
	test(|| {
		let b = open_bounty(&[10 * UNIT, 20 * UNIT], None, 0, false);
		hire(b, BOB);
		deliver_and_accept(b, BOB, 1);
		assert_ok!(BountyWork::claim(signed(DAVE), b));
		assert_ok!(BountyWork::close(RuntimeOrigin::root(), b));
		assert_eq!(last_event(), Event::Closed { bounty: b, expired: false, refunded: 20 * UNIT });
		assert_eq!(free(treasury()), TREASURY_FUNDS - 10 * UNIT);
		assert!(gone(b));
	});
}

#[test]
fn close_drops_a_delivery_under_way_and_its_awaited_code() {
	test(|| {
		let b = open_bounty(&[10 * UNIT], None, 0, true);
		hire(b, BOB);
		assert_ok!(BountyWork::deliver(signed(BOB), b, code(2, BOB)));
		assert_ok!(BountyWork::close(decision(GATE), b));
		assert_eq!(AwaitedCode::<Test>::iter().count(), 0);
		assert_eq!(free(treasury()), TREASURY_FUNDS);
		assert!(gone(b));
		// The upgrade, enacted later, changes nothing.
		let root = storage_root();
		BountyWork::note_code_change([2; 32]);
		assert_eq!(storage_root(), root);
	});
}

#[test]
fn close_revokes_even_an_accepted_milestone_not_yet_claimed() {
	// `close` has no `PayoutPending` check: until it is claimed, an accepted milestone can be
	// taken back by the acceptance class (during the payout delay and after it).
	test(|| {
		let b = open_bounty(&[10 * UNIT], None, 0, false);
		hire(b, BOB);
		assert_ok!(BountyWork::deliver(signed(BOB), b, doc(1, BOB)));
		assert_ok!(BountyWork::accept(decision(GATE), b));
		run_to(1 + PAYOUT_DELAY + 1);
		assert_ok!(BountyWork::close(decision(GATE), b));
		assert_eq!(last_event(), Event::Closed { bounty: b, expired: false, refunded: 10 * UNIT });
		assert_eq!(free(BOB), FUNDS);
		assert_eq!(free(treasury()), TREASURY_FUNDS);
		assert_noop!(BountyWork::claim(signed(BOB), b), Error::<Test>::UnknownBounty);
		// The same for an upgrade-tied bounty whose upgrade was enacted.
		let u = open_bounty(&[10 * UNIT], None, 0, true);
		hire(u, BOB);
		assert_ok!(BountyWork::deliver(signed(BOB), u, code(2, BOB)));
		BountyWork::note_code_change([2; 32]);
		assert_ok!(BountyWork::close(decision(GATE), u));
		assert_eq!(free(treasury()), TREASURY_FUNDS);
		assert!(gone(u));
	});
}

#[test]
fn only_the_acceptance_class_closes() {
	test(|| {
		let b = open_bounty(&[10 * UNIT], Some(EVE), 0, false);
		hire(b, BOB);
		// The curator, the assignee, a stranger, the spend class that opened it, another.
		for origin in [
			signed(EVE),
			signed(BOB),
			signed(ALICE),
			decision(BIG),
			decision(SMALL),
			RuntimeOrigin::none(),
		] {
			assert_noop!(BountyWork::close(origin, b), DispatchError::BadOrigin);
		}
		assert_noop!(BountyWork::close(decision(GATE), 99), Error::<Test>::UnknownBounty);
		assert_ok!(BountyWork::close(RuntimeOrigin::root(), b));
		assert!(gone(b));
	});
}

#[test]
fn expire_returns_all_unpaid_funds_and_releases_every_deposit() {
	test(|| {
		let b = open_bounty(&[10 * UNIT, 20 * UNIT], Some(EVE), UNIT, false);
		for who in [ALICE, BOB, CHARLIE] {
			assert_ok!(BountyWork::apply(signed(who), b));
		}
		assert_ok!(BountyWork::assign(signed(EVE), b, BOB));
		assert_eq!(free(treasury()), TREASURY_FUNDS - 31 * UNIT);
		run_to(DEADLINE);
		assert_noop!(BountyWork::expire(signed(DAVE), b), Error::<Test>::NotExpired);
		run_to(DEADLINE + 1);
		// Anyone, even an account without funds.
		let info = BountyWork::expire(signed(POOR), b).unwrap();
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::close(2, 3)));
		assert_eq!(last_event(), Event::Closed { bounty: b, expired: true, refunded: 31 * UNIT });
		assert_eq!(free(treasury()), TREASURY_FUNDS);
		for who in [ALICE, BOB, CHARLIE] {
			assert_eq!((held(who), free(who)), (0, FUNDS));
		}
		assert_eq!(free(POOR), 0);
		assert!(gone(b));
	});
}

#[test]
fn expire_after_a_paid_milestone_returns_the_rest() {
	test(|| {
		let b = open_bounty(&[10 * UNIT, 20 * UNIT], Some(EVE), UNIT, false);
		hire(b, BOB);
		deliver_and_accept(b, BOB, 1);
		assert_ok!(BountyWork::claim(signed(DAVE), b));
		run_to(DEADLINE + 1);
		assert_ok!(BountyWork::expire(signed(DAVE), b));
		assert_eq!(last_event(), Event::Closed { bounty: b, expired: true, refunded: 21 * UNIT });
		assert_eq!(free(treasury()), TREASURY_FUNDS - 10 * UNIT);
		assert_eq!((held(BOB), free(BOB)), (0, FUNDS + 10 * UNIT));
		assert!(gone(b));
	});
}

#[test]
fn expire_waits_for_a_delivery_under_way() {
	test(|| {
		let b = open_bounty(&[10 * UNIT], None, 0, false);
		assert_noop!(BountyWork::expire(signed(DAVE), 99), Error::<Test>::UnknownBounty);
		hire(b, BOB);
		assert_ok!(BountyWork::deliver(signed(BOB), b, doc(1, BOB)));
		run_to(DEADLINE + 1);
		assert_noop!(BountyWork::expire(signed(DAVE), b), Error::<Test>::DeliveryUnderWay);
		assert_ok!(BountyWork::accept(decision(GATE), b));
		assert_noop!(BountyWork::expire(signed(DAVE), b), Error::<Test>::DeliveryUnderWay);
		assert_noop!(BountyWork::expire(RuntimeOrigin::root(), b), DispatchError::BadOrigin);
		// The payout goes through after the deadline.
		run_to(DEADLINE + 1 + PAYOUT_DELAY);
		assert_ok!(BountyWork::claim(signed(DAVE), b));
		assert_eq!(free(BOB), FUNDS + 10 * UNIT);
	});
}

#[test]
fn expire_after_the_delivery_is_dropped() {
	test(|| {
		let b = open_bounty(&[10 * UNIT], None, 0, true);
		hire(b, BOB);
		assert_ok!(BountyWork::deliver(signed(BOB), b, code(2, BOB)));
		run_to(DEADLINE + 1);
		assert_noop!(BountyWork::expire(signed(DAVE), b), Error::<Test>::DeliveryUnderWay);
		assert_ok!(BountyWork::unassign(signed(BOB), b));
		assert_ok!(BountyWork::expire(signed(DAVE), b));
		assert_eq!(AwaitedCode::<Test>::iter().count(), 0);
		assert_eq!(free(treasury()), TREASURY_FUNDS);
		assert!(gone(b));
	});
}

// ------------------------------------------------------------------------------------------
// Runtime upgrades
// ------------------------------------------------------------------------------------------

#[test]
fn an_upgrade_tied_bounty_pays_when_the_code_is_enacted() {
	test(|| {
		let b = open_bounty(&[10 * UNIT], None, 0, true);
		hire(b, BOB);
		let wasm = code(2, BOB);
		assert_ok!(BountyWork::deliver(signed(BOB), b, wasm));
		assert_noop!(BountyWork::accept(decision(GATE), b), Error::<Test>::AcceptedByUpgrade);
		assert_noop!(
			BountyWork::accept(RuntimeOrigin::root(), b),
			Error::<Test>::AcceptedByUpgrade
		);
		run_to(4);
		BountyWork::note_code_change([3; 32]);
		assert_noop!(BountyWork::claim(signed(DAVE), b), Error::<Test>::NotAccepted);
		BountyWork::note_code_change([2; 32]);
		assert_eq!(last_event(), Event::UpgradeEnacted { bounty: b, code_hash: [2; 32] });
		assert_eq!(bounty(b).status, WorkStatus::Accepted { artifact: wasm, payable_at: 4 });
		assert_eq!(AwaitedCode::<Test>::iter().count(), 0);
		// No payout delay: the enactment was the decision.
		assert_ok!(BountyWork::claim(signed(DAVE), b));
		assert_eq!(free(BOB), FUNDS + 10 * UNIT);
		assert!(gone(b));
		// A second enactment of the same code changes nothing.
		let root = storage_root();
		BountyWork::note_code_change([2; 32]);
		assert_eq!(storage_root(), root);
	});
}

#[test]
fn an_upgrade_tied_bounty_pays_earlier_milestones_by_decision_and_the_last_by_the_upgrade() {
	test(|| {
		let b = open_bounty(&[10 * UNIT, 20 * UNIT, 30 * UNIT], Some(EVE), 3 * UNIT, true);
		hire(b, BOB);
		for (milestone, seed) in [(0, 1), (1, 2)] {
			// Earlier milestones: no code needed, accepted by a decision.
			assert_ok!(BountyWork::deliver(signed(BOB), b, doc(seed, BOB)));
			assert_eq!(AwaitedCode::<Test>::iter().count(), 0);
			assert_ok!(BountyWork::accept(decision(GATE), b));
			run_to(System::block_number() + PAYOUT_DELAY);
			assert_ok!(BountyWork::claim(signed(DAVE), b));
			assert_eq!(bounty(b).paid, milestone + 1);
		}
		assert_eq!(free(BOB), FUNDS - APPLICATION_DEPOSIT + 30 * UNIT);
		// The last: only runtime code, and only the upgrade accepts it.
		assert_noop!(
			BountyWork::deliver(signed(BOB), b, doc(3, BOB)),
			Error::<Test>::NotRuntimeCode
		);
		assert_ok!(BountyWork::deliver(signed(BOB), b, code(4, BOB)));
		assert_eq!(
			last_event(),
			Event::Delivered { bounty: b, milestone: 2, artifact: code(4, BOB) }
		);
		assert_noop!(BountyWork::accept(decision(GATE), b), Error::<Test>::AcceptedByUpgrade);
		assert_noop!(BountyWork::claim(signed(DAVE), b), Error::<Test>::NotAccepted);
		BountyWork::note_code_change([4; 32]);
		assert_eq!(last_event(), Event::UpgradeEnacted { bounty: b, code_hash: [4; 32] });
		System::reset_events();
		assert_ok!(BountyWork::claim(signed(DAVE), b));
		assert_eq!(
			events(),
			vec![
				Event::CuratorPaid { bounty: b, curator: EVE, fee: 3 * UNIT },
				Event::MilestonePaid { bounty: b, milestone: 2, to: BOB, amount: 30 * UNIT },
				Event::Completed { bounty: b },
			]
		);
		assert_eq!(free(BOB), FUNDS + 60 * UNIT);
		assert_eq!(free(EVE), FUNDS + 3 * UNIT);
		assert_eq!(free(treasury()), TREASURY_FUNDS - 63 * UNIT);
		assert!(gone(b));
	});
}

#[test]
fn note_code_change_with_an_unknown_hash_changes_nothing() {
	test(|| {
		let b = open_bounty(&[10 * UNIT], None, 0, true);
		hire(b, BOB);
		assert_ok!(BountyWork::deliver(signed(BOB), b, code(2, BOB)));
		let root = storage_root();
		let events_before = System::events().len();
		BountyWork::note_code_change([9; 32]);
		assert_eq!(storage_root(), root);
		assert_eq!(System::events().len(), events_before);
		assert_eq!(AwaitedCode::<Test>::get([2; 32]), Some(b));
	});
}

#[test]
fn each_bounty_is_paid_by_its_own_upgrade() {
	test(|| {
		let one = open_bounty(&[10 * UNIT], None, 0, true);
		let two = open_bounty(&[20 * UNIT], None, 0, true);
		hire(one, BOB);
		hire(two, CHARLIE);
		assert_ok!(BountyWork::deliver(signed(BOB), one, code(1, BOB)));
		assert_ok!(BountyWork::deliver(signed(CHARLIE), two, code(2, CHARLIE)));
		BountyWork::note_code_change([2; 32]);
		assert_eq!(last_event(), Event::UpgradeEnacted { bounty: two, code_hash: [2; 32] });
		assert_noop!(BountyWork::claim(signed(DAVE), one), Error::<Test>::NotAccepted);
		assert_ok!(BountyWork::claim(signed(DAVE), two));
		assert_eq!(free(CHARLIE), FUNDS + 20 * UNIT);
		assert_eq!(AwaitedCode::<Test>::get([1; 32]), Some(one));
	});
}

// ------------------------------------------------------------------------------------------
// Root, several bounties, conservation
// ------------------------------------------------------------------------------------------

#[test]
fn root_may_act_as_any_class() {
	test(|| {
		let b = upstream::BountyCount::<Test>::get();
		assert_ok!(open_with(
			RuntimeOrigin::root(),
			&[10 * UNIT, 20 * UNIT],
			None,
			0,
			7,
			false,
			10
		));
		assert_ok!(BountyWork::apply(signed(BOB), b));
		// `GATE` is not this bounty's class.
		assert_noop!(BountyWork::assign(decision(GATE), b, BOB), DispatchError::BadOrigin);
		assert_ok!(BountyWork::assign(decision(7), b, BOB));
		assert_ok!(BountyWork::unassign(RuntimeOrigin::root(), b));
		assert_ok!(BountyWork::assign(RuntimeOrigin::root(), b, BOB));
		assert_ok!(BountyWork::deliver(signed(BOB), b, doc(1, BOB)));
		assert_noop!(BountyWork::accept(decision(GATE), b), DispatchError::BadOrigin);
		assert_ok!(BountyWork::accept(RuntimeOrigin::root(), b));
		run_to(1 + PAYOUT_DELAY);
		assert_ok!(BountyWork::claim(signed(BOB), b));
		assert_noop!(BountyWork::close(decision(GATE), b), DispatchError::BadOrigin);
		assert_ok!(BountyWork::close(RuntimeOrigin::root(), b));
		assert_eq!(free(treasury()), TREASURY_FUNDS - 10 * UNIT);
	});
}

#[test]
fn bounties_are_independent() {
	test(|| {
		let one = open_bounty(&[10 * UNIT, 10 * UNIT], Some(EVE), UNIT, false);
		let two = open_bounty(&[20 * UNIT], Some(EVE), UNIT, false);
		assert_eq!(two, one + 1);
		hire(one, BOB);
		hire(two, BOB);
		assert_eq!(held(BOB), 2 * APPLICATION_DEPOSIT);
		deliver_and_accept(one, BOB, 1);
		assert_ok!(BountyWork::claim(signed(DAVE), one));
		assert_ok!(BountyWork::close(decision(GATE), two));
		assert!(gone(two));
		// Bob's deposit for `one` is still held.
		assert_eq!(held(BOB), APPLICATION_DEPOSIT);
		assert_eq!(bounty(one).paid, 1);
		deliver_and_accept(one, BOB, 2);
		assert_ok!(BountyWork::claim(signed(DAVE), one));
		assert!(gone(one));
		assert_eq!(free(BOB), FUNDS + 20 * UNIT);
		assert_eq!(free(EVE), FUNDS + UNIT);
		assert_eq!(free(treasury()), TREASURY_FUNDS - 21 * UNIT);
	});
}

#[test]
fn a_whole_flow_moves_funds_without_creating_or_destroying_any() {
	test(|| {
		let issuance = Balances::total_issuance();
		let accounts = [ALICE, BOB, CHARLIE, DAVE, EVE, treasury()];
		let total = || accounts.iter().map(Balances::total_balance).sum::<Balance>();
		let before = total();
		let b = open_bounty(&[10 * UNIT, 20 * UNIT, 30 * UNIT], Some(EVE), 3 * UNIT, true);
		for who in [ALICE, BOB, CHARLIE] {
			assert_ok!(BountyWork::apply(signed(who), b));
		}
		assert_ok!(BountyWork::withdraw_application(signed(ALICE), b));
		assert_ok!(BountyWork::assign(signed(EVE), b, CHARLIE));
		deliver_and_accept(b, CHARLIE, 1);
		assert_ok!(BountyWork::claim(signed(DAVE), b));
		assert_ok!(BountyWork::unassign(signed(CHARLIE), b));
		assert_ok!(BountyWork::assign(decision(GATE), b, BOB));
		deliver_and_accept(b, BOB, 2);
		assert_ok!(BountyWork::claim(signed(DAVE), b));
		assert_eq!(Balances::total_issuance(), issuance);
		// Funds out of the tracked accounts: what the bounty still holds.
		assert_eq!(before - total(), 33 * UNIT);
		assert_ok!(BountyWork::deliver(signed(BOB), b, code(3, BOB)));
		BountyWork::note_code_change([3; 32]);
		assert_ok!(BountyWork::claim(signed(DAVE), b));
		assert!(gone(b));
		assert_eq!(total(), before);
		assert_eq!(free(CHARLIE), FUNDS + 10 * UNIT);
		assert_eq!(free(BOB), FUNDS + 50 * UNIT);
		assert_eq!(free(EVE), FUNDS + 3 * UNIT);
		assert_eq!(free(treasury()), TREASURY_FUNDS - 63 * UNIT);
		assert_eq!(Balances::total_issuance(), issuance);
	});
}

// ------------------------------------------------------------------------------------------
// Invariants
// ------------------------------------------------------------------------------------------

/// Sets up a bounty (two milestones, a fee, Bob assigned), checks the invariants hold, applies
/// `corrupt` and checks `do_try_state` reports `error`.
fn corrupted(corrupt: impl FnOnce(BountyIndex), error: &'static str) {
	new_test_ext().execute_with(|| {
		let b = open_bounty(&[10 * UNIT, 20 * UNIT], Some(EVE), UNIT, true);
		hire(b, BOB);
		assert_ok!(BountyWork::do_try_state());
		corrupt(b);
		assert_eq!(BountyWork::do_try_state(), Err(error.into()));
	});
}

#[test]
fn try_state_detects_corruption() {
	corrupted(
		|b| {
			crate::Bounties::<Test>::mutate(b, |x| {
				x.as_mut().unwrap().applicants.try_push(ALICE).unwrap()
			})
		},
		"applicant without its deposit",
	);
	corrupted(
		|b| crate::Bounties::<Test>::mutate(b, |x| x.as_mut().unwrap().assignee = Some(CHARLIE)),
		"assignee is not an applicant",
	);
	corrupted(
		|b| {
			crate::Bounties::<Test>::mutate(b, |x| {
				x.as_mut().unwrap().milestones = ms(&[10 * UNIT, 21 * UNIT])
			})
		},
		"upstream value differs from the unpaid milestones and fee",
	);
	corrupted(
		|b| crate::Bounties::<Test>::mutate(b, |x| x.as_mut().unwrap().paid = 2),
		"every milestone paid but the bounty kept",
	);
	corrupted(
		|b| crate::Bounties::<Test>::mutate(b, |x| x.as_mut().unwrap().milestones = ms(&[])),
		"bounty without milestones",
	);
	corrupted(
		|b| {
			crate::Bounties::<Test>::mutate(b, |x| {
				let x = x.as_mut().unwrap();
				x.assignee = None;
				x.status = WorkStatus::Delivered { artifact: (false, [1; 32]), at: 1 };
			})
		},
		"delivery without assignee",
	);
	corrupted(|b| crate::Bounties::<Test>::insert(b + 1, bounty(b)), "bounty missing upstream");
	corrupted(
		|b| {
			upstream::Bounties::<Test>::mutate(b, |x| {
				x.as_mut().unwrap().status = upstream::BountyStatus::Active { curator: EVE }
			})
		},
		"upstream bounty not active with this pallet as curator",
	);
	corrupted(|b| AwaitedCode::<Test>::insert([1; 32], b + 1), "awaited code of an ended bounty");
	corrupted(|b| AwaitedCode::<Test>::insert([1; 32], b), "awaited code without a delivery");
	corrupted(
		|b| {
			// Milestone 0 of two: a delivery that awaits no code.
			assert_ok!(BountyWork::deliver(signed(BOB), b, code(1, BOB)));
			AwaitedCode::<Test>::insert([1; 32], b);
		},
		"awaited code of a non-upgrade milestone",
	);
	corrupted(
		|b| {
			crate::Bounties::<Test>::mutate(b, |x| {
				let x = x.as_mut().unwrap();
				x.paid = 1;
				x.milestones = ms(&[10 * UNIT, 20 * UNIT]);
			});
			// Keep the value invariant: the first milestone's child as if paid.
			upstream::ChildBounties::<Test>::remove(b, 0);
			assert_ok!(BountyWork::deliver(signed(BOB), b, code(2, BOB)));
			AwaitedCode::<Test>::remove([2; 32]);
			AwaitedCode::<Test>::insert([3; 32], b);
		},
		"awaited code is not the delivery's",
	);
}

#[test]
fn note_code_change_for_a_bounty_without_a_delivery_only_drops_the_entry() {
	// Defensive: a corrupted `AwaitedCode` entry is taken and ignored.
	new_test_ext().execute_with(|| {
		let b = open_bounty(&[10 * UNIT], None, 0, true);
		AwaitedCode::<Test>::insert([1; 32], b);
		let events_before = System::events().len();
		BountyWork::note_code_change([1; 32]);
		assert_eq!(AwaitedCode::<Test>::iter().count(), 0);
		assert_eq!(System::events().len(), events_before);
		assert_eq!(bounty(b).status, WorkStatus::Open);
		assert_ok!(BountyWork::do_try_state());
	});
}

/// The status of the preimage of the test bounties' metadata.
fn metadata_status() -> Option<pallet_preimage::RequestStatus<AccountId, ()>> {
	use codec::Encode;
	use sp_runtime::traits::Hash;
	let hash = <Test as frame_system::Config>::Hashing::hash(&(title(), SPEC).encode());
	pallet_preimage::RequestStatusFor::<Test>::get(hash)
}

#[test]
fn the_metadata_preimage_is_cleared_when_the_last_bounty_using_it_ends() {
	test(|| {
		let one = open_bounty(&[10 * UNIT, 20 * UNIT], Some(EVE), UNIT, false);
		// Requested by the bounty and its two child bounties.
		assert_eq!(
			metadata_status(),
			Some(pallet_preimage::RequestStatus::Requested {
				maybe_ticket: None,
				count: 3,
				maybe_len: Some(66)
			})
		);
		// A second bounty with the same title and specification shares it.
		let two = open_bounty(&[10 * UNIT], None, 0, false);
		assert!(matches!(
			metadata_status(),
			Some(pallet_preimage::RequestStatus::Requested { count: 4, .. })
		));
		assert_ok!(BountyWork::close(decision(GATE), one));
		assert!(matches!(
			metadata_status(),
			Some(pallet_preimage::RequestStatus::Requested { count: 1, .. })
		));
		hire(two, BOB);
		deliver_and_accept(two, BOB, 1);
		assert_ok!(BountyWork::claim(signed(BOB), two));
		assert_eq!(metadata_status(), None);
		assert_eq!(pallet_preimage::PreimageFor::<Test>::iter_keys().count(), 0);
	});
}

#[test]
fn a_preimage_noted_by_someone_is_left_to_them() {
	test(|| {
		use codec::Encode;
		assert_ok!(Preimage::note_preimage(signed(ALICE), (title(), SPEC).encode()));
		let b = open_bounty(&[10 * UNIT], None, 0, false);
		assert!(matches!(
			metadata_status(),
			Some(pallet_preimage::RequestStatus::Requested { count: 1, .. })
		));
		assert_ok!(BountyWork::close(decision(GATE), b));
		assert!(matches!(
			metadata_status(),
			Some(pallet_preimage::RequestStatus::Unrequested { .. })
		));
	});
}

#[test]
fn a_bounty_changed_upstream_by_root_cannot_be_closed_here() {
	// `pallet-multi-asset-bounties` answers to Root: if Root closes a bounty there, this
	// pallet's entry can no longer be closed (and `do_try_state` reports it).
	new_test_ext().execute_with(|| {
		let b = open_bounty(&[10 * UNIT], None, 0, false);
		assert_ok!(BountyWork::apply(signed(BOB), b));
		assert_ok!(upstream::Pallet::<Test>::close_bounty(RuntimeOrigin::root(), b, None));
		assert_ok!(upstream::Pallet::<Test>::check_status(signed(ALICE), b, None));
		assert_eq!(free(treasury()), TREASURY_FUNDS);
		assert_noop!(BountyWork::close(decision(GATE), b), Error::<Test>::BountyStateMismatch);
		assert_eq!(BountyWork::do_try_state(), Err("bounty missing upstream".into()));
		// Applicants get their deposits back by withdrawing.
		assert_ok!(BountyWork::withdraw_application(signed(BOB), b));
		assert_eq!(held(BOB), 0);
	});
}

#[test]
fn the_curator_or_the_class_dismisses_an_applicant_whose_deposit_goes_to_the_treasury() {
	test(|| {
		let b = open_bounty(&[10 * UNIT], Some(EVE), 0, false);
		for who in [BOB, CHARLIE, DAVE] {
			assert_ok!(BountyWork::apply(signed(who), b));
		}
		assert_ok!(BountyWork::assign(signed(EVE), b, BOB));
		let treasury_before = free(treasury());
		// Nobody else dismisses; the assignee and non-applicants cannot be dismissed.
		assert_noop!(BountyWork::dismiss(signed(BOB), b, CHARLIE), DispatchError::BadOrigin);
		assert_noop!(BountyWork::dismiss(decision(BIG), b, CHARLIE), DispatchError::BadOrigin);
		assert_noop!(BountyWork::dismiss(signed(EVE), b, BOB), Error::<Test>::IsAssignee);
		assert_noop!(BountyWork::dismiss(signed(EVE), b, ALICE), Error::<Test>::NotApplicant);
		assert_noop!(BountyWork::dismiss(signed(EVE), 99, CHARLIE), Error::<Test>::UnknownBounty);
		// The curator dismisses Charlie, the class Dave: both deposits go to the treasury.
		assert_ok!(BountyWork::dismiss(signed(EVE), b, CHARLIE));
		assert_eq!(
			last_event(),
			Event::ApplicationDismissed { bounty: b, who: CHARLIE, slashed: APPLICATION_DEPOSIT }
		);
		assert_ok!(BountyWork::dismiss(decision(GATE), b, DAVE));
		assert_eq!(held(CHARLIE), 0);
		assert_eq!(held(DAVE), 0);
		assert_eq!(free(CHARLIE), FUNDS - APPLICATION_DEPOSIT);
		assert_eq!(free(treasury()), treasury_before + 2 * APPLICATION_DEPOSIT);
		assert_eq!(bounty(b).applicants.to_vec(), vec![BOB]);
		// A dismissed applicant may apply again (with a new deposit).
		assert_ok!(BountyWork::apply(signed(CHARLIE), b));
		assert_eq!(held(CHARLIE), APPLICATION_DEPOSIT);
	});
}

#[test]
fn the_bounties_of_one_dispatch_share_the_spend_limit() {
	test(|| {
		// Two bounties of 60 tokens in one small-spend dispatch exceed its 100-token limit.
		let open_60 = || {
			RuntimeCall::BountyWork(crate::Call::open {
				title: title(),
				spec: SPEC,
				milestones: ms(&[60 * UNIT]),
				curator: None,
				curator_fee: 0,
				accept_class: GATE,
				upgrade: false,
				duration: DURATION,
			})
		};
		let two = RuntimeCall::Utility(pallet_utility::Call::batch_all {
			calls: vec![open_60(), open_60()],
		});
		let before = free(treasury());
		assert_eq!(
			sp_runtime::traits::Dispatchable::dispatch(two, decision(SMALL)).unwrap_err().error,
			Error::<Test>::OverSpendLimit.into()
		);
		assert_eq!(free(treasury()), before);
		// One alone passes, and a second dispatch has the full limit again.
		assert_ok!(sp_runtime::traits::Dispatchable::dispatch(open_60(), decision(SMALL))
			.map_err(|e| e.error));
		assert_ok!(sp_runtime::traits::Dispatchable::dispatch(open_60(), decision(SMALL))
			.map_err(|e| e.error));
		assert_eq!(free(treasury()), before - 120 * UNIT);
	});
}
