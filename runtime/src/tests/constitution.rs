//! The constitution on the real `pallet-referenda`, `pallet-voting` and `pallet-scheduler`: tracks
//! derived from the development class table and one decision per scheme and per joint rule (the
//! guardians' brakes are in `guardians.rs`).

use super::governance::*;

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
			ConstitutionOrigin::House { class: classes::SMALL_SPEND, kind: kinds::COUNCIL }.into();
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
				Box::new(origin.clone()),
				inline(remark_call()),
				frame_support::traits::schedule::DispatchTime::After(1),
			),
			DispatchError::BadOrigin
		);
		// Neither Root nor any other governance origin submits around the constitution: only
		// its `Opening` origin, which no call is dispatched with.
		for caller in [
			RuntimeOrigin::root(),
			RuntimeOrigin::from(ConstitutionOrigin::Class(classes::AMENDMENT)),
			RuntimeOrigin::from(ConstitutionOrigin::House {
				class: classes::MEDIUM_SPEND,
				kind: kinds::COMMUNITY,
			}),
		] {
			assert_noop!(
				Referenda::submit(
					caller,
					Box::new(origin.clone()),
					inline(remark_call()),
					frame_support::traits::schedule::DispatchTime::After(1),
				),
				DispatchError::BadOrigin
			);
		}
		// Through the constitution, the referendum is opened with its decision deposit, both
		// deposits paid by the proposer.
		let (_, polls) = propose(classes::MEDIUM_SPEND, spend(UNIT));
		let Some(ReferendumInfo::Ongoing(status)) =
			pallet_referenda::ReferendumInfoFor::<Runtime>::get(polls.community.unwrap())
		else {
			panic!("the community poll is ongoing")
		};
		assert_eq!(status.track, track_id(classes::MEDIUM_SPEND, kinds::COMMUNITY));
		assert_eq!(status.submission_deposit.who, account(Sr25519Keyring::Alice));
		assert_eq!(
			status.decision_deposit.map(|deposit| deposit.who),
			Some(account(Sr25519Keyring::Alice))
		);
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
fn a_decision_dry_run_tells_what_enactment_would_do_and_changes_nothing() {
	use crate::configs::constitution::dry_run_decision;
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let spend = |amount: u128| {
			RuntimeCall::Treasury(pallet_treasury::Call::spend {
				asset_kind: Box::new(()),
				amount,
				beneficiary: Box::new(account(Sr25519Keyring::Ferdie)),
				valid_from: None,
			})
		};
		let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
		// Within the class's limit: it would succeed, and nothing was spent or recorded.
		assert_eq!(dry_run_decision(classes::SMALL_SPEND, spend(1_000 * UNIT)), Ok(()));
		assert_eq!(pallet_treasury::SpendCount::<Runtime>::get(), 0);
		// Above it, or in a class that may not spend, or a class that does not exist.
		assert_eq!(
			dry_run_decision(classes::SMALL_SPEND, spend(1_000 * UNIT + 1)),
			Err(pallet_treasury::Error::<Runtime>::InsufficientPermission.into())
		);
		assert_eq!(
			dry_run_decision(classes::PARAMETER_CHANGE, spend(UNIT)),
			Err(DispatchError::BadOrigin)
		);
		assert_eq!(
			dry_run_decision(u8::MAX, spend(UNIT)),
			Err(pallet_constitution::Error::<Runtime>::UnknownClass.into())
		);
		// The runtime-upgrade class dispatches as Root: anything goes.
		assert_eq!(dry_run_decision(classes::RUNTIME_UPGRADE, spend(1_000_000 * UNIT)), Ok(()));
		assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), before);
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
		for (person, k) in [Sr25519Keyring::Dave, Sr25519Keyring::Eve].into_iter().enumerate() {
			assert_ok!(Reputation::issue_credential(
				signed(Sr25519Keyring::Alice),
				account(k),
				person as u64,
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
		// The council concurs (it appoints attesters and issuers, see tests/caps.rs).
		aye(Sr25519Keyring::Alice, polls.council.unwrap());
		aye(Sr25519Keyring::Bob, polls.council.unwrap());
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
			Voting::vote(signed(Sr25519Keyring::Dave), council, AccountVote::Own(Direction::Aye)),
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
