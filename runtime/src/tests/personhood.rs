//! One person, one quadratic voice across key rotation (issue 13 §2), through the runtime: a
//! person whose credential is revoked and re-issued to a new account (the lost-key flow) can
//! neither vote again on a quadratic poll nor contribute again to a funding project, and the
//! revoked account's ballots leave the tallies of ongoing polls.

use super::governance::*;
use crate::{currency::UNIT, QuadraticFunding};
use pallet_reputation::PersonId;

/// Dave's person id, given by the issuer; it follows Dave to his new key (Ferdie's account).
const DAVE: PersonId = 7;

fn issue(k: Sr25519Keyring, person: PersonId, expires_at: u32) {
	assert_ok!(Reputation::issue_credential(
		signed(Sr25519Keyring::Alice),
		account(k),
		person,
		expires_at
	));
}

fn quadratic(v: u128) -> AccountVote<u128> {
	AccountVote::Standard { direction: Direction::Aye, amount: v }
}

/// Voters and ayes of the ongoing poll `poll`, and its electorate (persons).
fn counted(poll: u32) -> (u32, u128, u128) {
	let metrics = Voting::poll_metrics(poll).expect("the poll is ongoing");
	(metrics.voters, metrics.ayes, metrics.electorate)
}

/// The voting invariants (the other pallets' `do_try_state` exist only in their own tests and
/// under try-runtime), and the person index of the reputation pallet.
fn check_invariants() {
	Voting::do_try_state().expect("voting invariants hold");
	for (who, credential) in pallet_reputation::Credentials::<Runtime>::iter() {
		assert_eq!(pallet_reputation::PersonAccount::<Runtime>::get(credential.person), Some(who));
	}
}

#[test]
fn a_rotated_key_cannot_vote_again_and_the_revoked_ballot_leaves_the_tally() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let (_, polls) = propose(classes::SMALL_SPEND, spend(1_000 * UNIT));
		let poll = polls.community.unwrap();
		issue(Sr25519Keyring::Dave, DAVE, 1_000);
		issue(Sr25519Keyring::Eve, 8, 1_000);
		assert_ok!(Voting::vote(signed(Sr25519Keyring::Dave), poll, quadratic(3)));
		assert_eq!(counted(poll), (1, 3, 2));

		// While Dave's credential stands, his person id cannot be given to another account.
		assert_noop!(
			Reputation::issue_credential(
				signed(Sr25519Keyring::Alice),
				account(Sr25519Keyring::Ferdie),
				DAVE,
				1_000
			),
			pallet_reputation::Error::<Runtime>::PersonInUse
		);

		// Dave's key is lost: his credential is revoked, and his ballot leaves the tally.
		assert_ok!(Reputation::revoke_credential(
			signed(Sr25519Keyring::Alice),
			account(Sr25519Keyring::Dave)
		));
		assert!(System::events().iter().any(|record| matches!(
			&record.event,
			crate::RuntimeEvent::Voting(pallet_voting::Event::BallotVoided { who, person, poll_index, .. })
				if *who == account(Sr25519Keyring::Dave) && *person == DAVE && *poll_index == poll
		)));
		assert_eq!(counted(poll), (0, 0, 1));

		// His new key gets his person id, and cannot vote on the poll again.
		issue(Sr25519Keyring::Ferdie, DAVE, 1_000);
		assert_eq!(counted(poll), (0, 0, 2));
		assert_noop!(
			Voting::vote(signed(Sr25519Keyring::Ferdie), poll, quadratic(3)),
			pallet_voting::Error::<Runtime>::PersonAlreadyVoted
		);
		// Nor can Dave's old key, were it credentialed again, nor can it take the void ballot
		// back while the poll is ongoing.
		assert_noop!(
			Voting::remove_vote(signed(Sr25519Keyring::Dave), None, poll),
			pallet_voting::Error::<Runtime>::Voided
		);
		// The credits Dave spent stay spent for the person: 9 of 100.
		assert_eq!(Voting::voice_credits_left(&account(Sr25519Keyring::Ferdie)), 91);
		// Other persons vote as before.
		assert_ok!(Voting::vote(signed(Sr25519Keyring::Eve), poll, quadratic(2)));
		assert_eq!(counted(poll), (1, 2, 2));
		check_invariants();
	});
}

#[test]
fn purging_an_expired_credential_voids_its_ballots_and_expiry_leaves_the_electorate_at_once() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let (_, polls) = propose(classes::SMALL_SPEND, spend(1_000 * UNIT));
		let poll = polls.community.unwrap();
		issue(Sr25519Keyring::Dave, DAVE, 3);
		issue(Sr25519Keyring::Eve, 8, 1_000);
		issue(Sr25519Keyring::Ferdie, 9, 1_000);
		assert_ok!(Voting::vote(signed(Sr25519Keyring::Dave), poll, quadratic(1)));
		assert_eq!(counted(poll), (1, 1, 3));

		// Expired, not yet purged: out of the electorate from the block it expires in.
		run_to(3);
		assert_eq!(counted(poll).2, 2);
		assert_noop!(
			Voting::vote(signed(Sr25519Keyring::Dave), poll, quadratic(2)),
			pallet_voting::Error::<Runtime>::NotPerson
		);
		// Anyone purges it; the ballot it cast leaves the tally.
		assert_ok!(Reputation::purge_credential(
			signed(Sr25519Keyring::Bob),
			account(Sr25519Keyring::Dave)
		));
		assert_eq!(counted(poll), (0, 0, 2));
		check_invariants();
	});
}

#[test]
fn a_rotated_key_cannot_contribute_again_to_a_project() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		assert_ok!(QuadraticFunding::create_round(
			RuntimeOrigin::root(),
			1_000 * UNIT,
			5,
			10,
			Perbill::from_percent(50),
			UNIT,
		));
		let round = pallet_quadratic_funding::RoundCount::<Runtime>::get() - 1;
		assert_ok!(QuadraticFunding::apply(
			signed(Sr25519Keyring::Bob),
			round,
			account(Sr25519Keyring::Bob),
			Default::default(),
			None,
		));
		issue(Sr25519Keyring::Dave, DAVE, 1_000);
		run_to(7);
		assert_ok!(QuadraticFunding::contribute(signed(Sr25519Keyring::Dave), round, 0, UNIT));

		assert_ok!(Reputation::revoke_credential(
			signed(Sr25519Keyring::Alice),
			account(Sr25519Keyring::Dave)
		));
		issue(Sr25519Keyring::Ferdie, DAVE, 1_000);
		let project = pallet_quadratic_funding::Projects::<Runtime>::get(round, 0).unwrap();
		assert_noop!(
			QuadraticFunding::contribute(signed(Sr25519Keyring::Ferdie), round, 0, UNIT),
			pallet_quadratic_funding::Error::<Runtime>::PersonAlreadyContributed
		);
		assert_eq!(pallet_quadratic_funding::Projects::<Runtime>::get(round, 0).unwrap(), project);
		// Another person contributes as before.
		issue(Sr25519Keyring::Eve, 8, 1_000);
		assert_ok!(QuadraticFunding::contribute(signed(Sr25519Keyring::Eve), round, 0, UNIT));
		check_invariants();
	});
}

/// Issue 13 §3: a reputation ballot does not keep the weight it had when cast after its voter is
/// slashed: the slash re-weighs it in the same block.
#[test]
fn a_slash_reweighs_reputation_ballots_in_the_same_block() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let call = RuntimeCall::Reputation(pallet_reputation::Call::add_domain {
			domain: 9,
			name: b"e2e".to_vec().try_into().unwrap(),
			half_life: 1_000,
		});
		let (_, polls) = propose(classes::PARAMETER_CHANGE, call);
		let poll = polls.community.unwrap();
		let bob = account(Sr25519Keyring::Bob);
		assert_ok!(Reputation::attest(
			signed(Sr25519Keyring::Alice),
			bob.clone(),
			0,
			800,
			Default::default()
		));
		aye(Sr25519Keyring::Bob, poll);
		assert!(Voting::poll_metrics(poll).unwrap().ayes > 0);
		assert_ok!(Reputation::slash(
			RuntimeOrigin::root(),
			bob,
			None,
			Perbill::one(),
			Default::default()
		));
		assert_eq!(Voting::poll_metrics(poll).unwrap().ayes, 0);
		Voting::do_try_state().expect("voting invariants hold");
	});
}
