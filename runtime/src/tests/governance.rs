//! A kit for runtime tests of governance on the real `pallet-referenda`, `pallet-voting` and
//! `pallet-scheduler`: development genesis, block production with hooks and invariants, and
//! proposing and voting helpers. Each topic's tests live in their own module and `use` this one.

pub(super) use super::*;
pub(super) use crate::{
	configs::constitution::classes, Artifacts, Constitution, Guardians, Referenda, Scheduler,
	Treasury, Voting,
};
pub(super) use frame_support::traits::{
	Bounded, BoundedInline, OnInitialize, OriginTrait, VoteTally,
};
pub(super) use pallet_constitution::{kinds, track_id, DecisionPolls, Outcome};
pub(super) use pallet_referenda::{ReferendumInfo, TracksInfo};
pub(super) use pallet_voting::{AccountVote, Direction, Scheme, SchemeOf};
pub(super) use sp_runtime::{DispatchError, Perbill};

/// The constitution's origin in this runtime.
pub(super) type ConstitutionOrigin = pallet_constitution::Origin<Runtime>;
pub(super) type PalletsOrigin = <RuntimeOrigin as OriginTrait>::PalletsOrigin;
pub(super) type BoundedCall = pallet_constitution::BoundedCallOf<Runtime>;

pub(super) fn account(k: Sr25519Keyring) -> crate::AccountId {
	k.to_account_id()
}

pub(super) fn signed(k: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(account(k))
}

/// Runs blocks up to `n` (the hooks that decisions and measures need, in the runtime's order),
/// checking the voting, constitution and guardians invariants at every block.
pub(super) fn run_to(n: u32) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		<Reputation as OnInitialize<u32>>::on_initialize(next);
		<Scheduler as OnInitialize<u32>>::on_initialize(next);
		<Constitution as OnInitialize<u32>>::on_initialize(next);
		<Guardians as OnInitialize<u32>>::on_initialize(next);
		<Artifacts as OnInitialize<u32>>::on_initialize(next);
		<SafeMode as OnInitialize<u32>>::on_initialize(next);
		Voting::do_try_state().expect("voting invariants hold");
		Constitution::do_try_state().expect("constitution invariants hold");
		Guardians::do_try_state().expect("guardians invariants hold");
	}
}

pub(super) fn inline(call: RuntimeCall) -> BoundedCall {
	Bounded::Inline(BoundedInline::truncate_from(codec::Encode::encode(&call)))
}

/// Alice proposes `call` as a decision of `class`; returns the decision and its polls.
pub(super) fn propose(class: u8, call: RuntimeCall) -> (u32, DecisionPolls<u32>) {
	let decision = pallet_constitution::NextDecisionId::<Runtime>::get();
	assert_ok!(Constitution::propose(signed(Sr25519Keyring::Alice), class, inline(call)));
	let polls = pallet_constitution::Decisions::<Runtime>::get(decision).unwrap().polls;
	(decision, polls)
}

pub(super) fn aye(k: Sr25519Keyring, poll: u32) {
	assert_ok!(Voting::vote(signed(k), poll, AccountVote::Own(Direction::Aye)));
}

pub(super) fn token_aye(k: Sr25519Keyring, poll: u32, amount: u128) {
	assert_ok!(Voting::vote(
		signed(k),
		poll,
		AccountVote::Standard { direction: Direction::Aye, amount }
	));
}

pub(super) fn is_approved(index: u32) -> bool {
	matches!(
		pallet_referenda::ReferendumInfoFor::<Runtime>::get(index),
		Some(ReferendumInfo::Approved(..))
	)
}

/// The outcome `decision` closed with, from its `DecisionClosed` event.
pub(super) fn closed_with(decision: u32) -> Option<Outcome<u32>> {
	System::events().into_iter().find_map(|record| match record.event {
		crate::RuntimeEvent::Constitution(pallet_constitution::Event::DecisionClosed {
			decision: d,
			outcome,
			..
		}) if d == decision => Some(outcome),
		_ => None,
	})
}

pub(super) fn spend(amount: u128) -> RuntimeCall {
	RuntimeCall::Treasury(pallet_treasury::Call::spend {
		asset_kind: Box::new(()),
		amount,
		beneficiary: Box::new(account(Sr25519Keyring::Ferdie)),
		valid_from: None,
	})
}
