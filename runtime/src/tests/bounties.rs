//! Bounties through the runtime (issue 18 §1): a spend class opens a bounty within its limit,
//! the acceptance class assigns and accepts, the assignee delivers an artifact it registered,
//! and the payout leaves the bounty's account; an upgrade-tied bounty pays when the runtime
//! upgrade whose code hash is the delivered artifact is applied. `pallet-multi-asset-bounties`
//! answers to Root only: no class reaches the money around `pallet-bounty-work`.

use super::governance::*;
use crate::{
	configs::{
		bounties::{ApplicationDeposit, PayoutDelay},
		monetary::{SmallSpendLimit, TreasuryAccount},
	},
	Bounties, BountyWork, RuntimeEvent,
};
use frame_support::traits::fungible::{Inspect, InspectHold};
use pallet_artifacts::ContentHash;
use pallet_bounty_work::{Error, Event};
use sp_keyring::Sr25519Keyring::{Alice, Dave, Eve};
use sp_runtime::traits::{BlakeTwo256, Hash};

fn decision(class: u8) -> RuntimeOrigin {
	RuntimeOrigin::from(ConstitutionOrigin::Class(class))
}

fn milestones(amounts: &[u128]) -> pallet_bounty_work::MilestonesOf<Runtime> {
	pallet_bounty_work::MilestonesOf::<Runtime>::truncate_from(amounts.to_vec())
}

fn open(origin: RuntimeOrigin, amounts: &[u128], upgrade: bool) -> Result<u32, DispatchError> {
	let index = pallet_multi_asset_bounties::BountyCount::<Runtime>::get();
	BountyWork::open(
		origin,
		pallet_bounty_work::TitleOf::<Runtime>::truncate_from(b"Faster tally".to_vec()),
		[1; 32],
		milestones(amounts),
		None,
		0,
		classes::RELEASE_GATE,
		upgrade,
		1_000,
	)?;
	Ok(index)
}

/// `who` registers an artifact with id `hash`.
fn register(who: Sr25519Keyring, hash: ContentHash) {
	assert_ok!(Artifacts::register(
		signed(who),
		hash,
		pallet_artifacts::ArtifactKind::Code,
		b"ostrom-runtime".to_vec(),
		b"101".to_vec(),
		1,
		None,
		b"Apache-2.0".to_vec(),
		Vec::new(),
	));
}

fn check_invariants() {
	BountyWork::do_try_state().expect("bounty-work invariants hold");
}

#[test]
fn a_spend_class_opens_within_its_limit_and_nothing_reaches_the_money_around_the_pallet() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		let treasury = Balances::balance(&TreasuryAccount::get());
		// Over the small-spend limit: refused; a signed account or a non-spend class: refused.
		assert_noop!(
			open(decision(classes::SMALL_SPEND), &[SmallSpendLimit::get() + 1], false),
			Error::<Runtime>::OverSpendLimit
		);
		assert_noop!(open(signed(Alice), &[UNIT], false), DispatchError::BadOrigin);
		assert_noop!(
			open(decision(classes::RELEASE_GATE), &[UNIT], false),
			DispatchError::BadOrigin
		);
		// `pallet-multi-asset-bounties` funds only for Root, even for a spend class.
		assert_noop!(
			Bounties::fund_bounty(
				decision(classes::BIG_SPEND),
				Box::new(()),
				UNIT,
				account(Eve).into(),
				Default::default(),
			),
			DispatchError::BadOrigin
		);
		let b = open(decision(classes::SMALL_SPEND), &[400 * UNIT, 600 * UNIT], false).unwrap();
		assert_eq!(Balances::balance(&TreasuryAccount::get()), treasury - 1_000 * UNIT);
		// Nobody but Root closes the underlying bounty (the pallet's account is its curator).
		assert_noop!(Bounties::close_bounty(signed(Alice), b, Some(0)), DispatchError::BadOrigin);
		assert_noop!(
			Bounties::close_bounty(decision(classes::TAKEDOWN), b, None),
			DispatchError::BadOrigin
		);
		// The acceptance class closes it: everything returns to the treasury.
		assert_noop!(BountyWork::close(decision(classes::TAKEDOWN), b), DispatchError::BadOrigin);
		assert_ok!(BountyWork::close(decision(classes::RELEASE_GATE), b));
		assert_eq!(Balances::balance(&TreasuryAccount::get()), treasury);
		check_invariants();
	});
}

#[test]
fn the_acceptance_class_assigns_and_accepts_and_the_assignee_is_paid_after_the_delay() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		let b = open(decision(classes::MEDIUM_SPEND), &[2_000 * UNIT], false).unwrap();
		assert_ok!(BountyWork::apply(signed(Dave), b));
		assert_ok!(BountyWork::apply(signed(Eve), b));
		assert_eq!(
			Balances::balance_on_hold(
				&crate::RuntimeHoldReason::BountyWork(pallet_bounty_work::HoldReason::Application),
				&account(Eve)
			),
			ApplicationDeposit::get()
		);
		// Only the acceptance class assigns a bounty without a curator.
		assert_noop!(
			BountyWork::assign(signed(Dave), b, account(Dave).into()),
			DispatchError::BadOrigin
		);
		assert_ok!(BountyWork::assign(decision(classes::RELEASE_GATE), b, account(Dave).into()));
		// Eve's artifact is not Dave's delivery.
		let eves = ContentHash::Sha2_256([0xE0; 32]);
		register(Eve, eves);
		assert_noop!(BountyWork::deliver(signed(Dave), b, eves), Error::<Runtime>::InvalidArtifact);
		assert_noop!(BountyWork::deliver(signed(Eve), b, eves), Error::<Runtime>::NotAssignee);
		let daves = ContentHash::Sha2_256([0xD0; 32]);
		register(Dave, daves);
		assert_ok!(BountyWork::deliver(signed(Dave), b, daves));
		assert_noop!(BountyWork::accept(decision(classes::TAKEDOWN), b), DispatchError::BadOrigin);
		assert_ok!(BountyWork::accept(decision(classes::RELEASE_GATE), b));
		assert_noop!(BountyWork::claim(signed(Eve), b), Error::<Runtime>::PayoutDelayed);
		run_to(1 + PayoutDelay::get());
		let before = Balances::balance(&account(Dave));
		assert_ok!(BountyWork::claim(signed(Eve), b));
		assert_eq!(
			Balances::balance(&account(Dave)),
			before + 2_000 * UNIT + ApplicationDeposit::get()
		);
		// Eve's deposit came back with the end of the bounty.
		assert_eq!(
			Balances::balance_on_hold(
				&crate::RuntimeHoldReason::BountyWork(pallet_bounty_work::HoldReason::Application),
				&account(Eve)
			),
			0
		);
		assert!(pallet_multi_asset_bounties::Bounties::<Runtime>::get(b).is_none());
		check_invariants();
	});
}

#[test]
fn an_upgrade_tied_bounty_pays_when_the_delivered_code_is_applied() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		let b = open(decision(classes::MEDIUM_SPEND), &[500 * UNIT], true).unwrap();
		assert_ok!(BountyWork::apply(signed(Dave), b));
		assert_ok!(BountyWork::assign(decision(classes::RELEASE_GATE), b, account(Dave).into()));
		let code = b"\0asm the next runtime".to_vec();
		let code_hash = BlakeTwo256::hash(&code);
		let other = b"\0asm another runtime".to_vec();
		// A SHA2-256 id is not a code hash.
		let sha = ContentHash::Sha2_256([0xD1; 32]);
		register(Dave, sha);
		assert_noop!(BountyWork::deliver(signed(Dave), b, sha), Error::<Runtime>::NotRuntimeCode);
		let wasm = ContentHash::Blake2_256(code_hash.0);
		register(Dave, wasm);
		assert_ok!(BountyWork::deliver(signed(Dave), b, wasm));
		// The acceptance class cannot accept it: the upgrade does.
		assert_noop!(
			BountyWork::accept(decision(classes::RELEASE_GATE), b),
			Error::<Runtime>::AcceptedByUpgrade
		);
		// Another code applied: nothing is payable.
		assert_ok!(System::authorize_upgrade_without_checks(
			RuntimeOrigin::root(),
			BlakeTwo256::hash(&other)
		));
		assert_ok!(System::apply_authorized_upgrade(signed(Eve), other));
		assert_noop!(BountyWork::claim(signed(Eve), b), Error::<Runtime>::NotAccepted);
		// The delivered code, authorised (as a runtime-upgrade decision does) and applied.
		assert_ok!(System::authorize_upgrade_without_checks(RuntimeOrigin::root(), code_hash));
		assert_ok!(System::apply_authorized_upgrade(signed(Eve), code));
		assert!(System::events().iter().any(|r| matches!(
			&r.event,
			RuntimeEvent::BountyWork(Event::UpgradeEnacted { bounty, code_hash: h })
				if *bounty == b && *h == code_hash.0
		)));
		let before = Balances::balance(&account(Dave));
		assert_ok!(BountyWork::claim(signed(Eve), b));
		assert_eq!(
			Balances::balance(&account(Dave)),
			before + 500 * UNIT + ApplicationDeposit::get()
		);
		check_invariants();
	});
}

#[test]
fn a_curator_cannot_pay_itself_squatters_lose_deposits_and_a_batch_shares_the_limit() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		let open_call = |amount: u128, curator: Option<crate::AccountId>| {
			RuntimeCall::BountyWork(pallet_bounty_work::Call::open {
				title: pallet_bounty_work::TitleOf::<Runtime>::truncate_from(b"work".to_vec()),
				spec: [2; 32],
				milestones: milestones(&[amount]),
				curator: curator.map(Into::into),
				curator_fee: 0,
				accept_class: classes::RELEASE_GATE,
				upgrade: false,
				duration: 1_000,
			})
		};
		// Two bounties of 600 OSTR in one small-spend decision exceed its 1,000 OSTR limit.
		let treasury = Balances::balance(&TreasuryAccount::get());
		let batch = RuntimeCall::Utility(pallet_utility::Call::batch_all {
			calls: vec![open_call(600 * UNIT, None), open_call(600 * UNIT, None)],
		});
		assert_eq!(
			sp_runtime::traits::Dispatchable::dispatch(batch, decision(classes::SMALL_SPEND))
				.unwrap_err()
				.error,
			Error::<Runtime>::OverSpendLimit.into()
		);
		assert_eq!(Balances::balance(&TreasuryAccount::get()), treasury);

		// Eve curates: she cannot apply (and so cannot assign herself), nor accept.
		let b = pallet_multi_asset_bounties::BountyCount::<Runtime>::get();
		assert_ok!(sp_runtime::traits::Dispatchable::dispatch(
			open_call(600 * UNIT, Some(account(Eve))),
			decision(classes::SMALL_SPEND)
		)
		.map_err(|e| e.error));
		assert_noop!(BountyWork::apply(signed(Eve), b), Error::<Runtime>::CuratorCannotApply);
		assert_noop!(BountyWork::accept(signed(Eve), b), DispatchError::BadOrigin);
		// A squatter's application is dismissed by the curator: its deposit goes to the treasury.
		assert_ok!(BountyWork::apply(signed(Dave), b));
		let treasury = Balances::balance(&TreasuryAccount::get());
		assert_ok!(BountyWork::dismiss(signed(Eve), b, account(Dave).into()));
		assert_eq!(
			Balances::balance(&TreasuryAccount::get()),
			treasury + ApplicationDeposit::get()
		);
		assert_noop!(
			BountyWork::dismiss(signed(Alice), b, account(Dave).into()),
			DispatchError::BadOrigin
		);
		check_invariants();
	});
}
