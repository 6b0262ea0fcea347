//! Caps that hold for every route (issue 13 §4), each attack performed through the runtime and
//! refused with a named error and no state change:
//!
//! - a `NonTransfer` proxy cannot move or put at risk its delegator's funds, and a `Governance`
//!   proxy can vote for its delegator and do nothing else;
//! - a `big-spend` decision cannot fund a round above the class's spend limit, nor let one
//!   project take more than a quarter of the pool;
//! - attesters cannot grant themselves power: appointing attesters and issuers needs the
//!   council's concurrence, and one attester may not mint more than a fifth of a domain.

use super::governance::*;
use crate::{
	configs::{funding::MaxRoundCap, monetary::BigSpendLimit},
	Proxy, QuadraticFunding, RuntimeEvent,
};
use frame_support::traits::fungible::Mutate;

fn call_filtered() -> DispatchError {
	frame_system::Error::<Runtime>::CallFiltered.into()
}

/// `real` lets `delegate` act for it as `proxy_type`.
fn add_proxy(real: Sr25519Keyring, delegate: Sr25519Keyring, proxy_type: ProxyType) {
	assert_ok!(Proxy::add_proxy(signed(real), account(delegate).into(), proxy_type, 0));
}

/// `delegate` dispatches `call` for `real` through `proxy.proxy`; returns the result of `call`
/// (from the `ProxyExecuted` event: the proxy call itself succeeds either way).
fn by_proxy(
	delegate: Sr25519Keyring,
	real: Sr25519Keyring,
	call: RuntimeCall,
) -> Result<(), DispatchError> {
	System::reset_events();
	assert_ok!(Proxy::proxy(signed(delegate), account(real).into(), None, Box::new(call)));
	System::events()
		.into_iter()
		.find_map(|record| match record.event {
			RuntimeEvent::Proxy(pallet_proxy::Event::ProxyExecuted { result }) => Some(result),
			_ => None,
		})
		.expect("the proxied call was dispatched")
}

/// What a proxy could take or put at risk: the delegator's free and reserved (held) balance
/// and frozen-by-vote state, the treasury, the issuance, and the records that hold deposits.
fn funds_snapshot(who: &crate::AccountId) -> Vec<u128> {
	vec![
		Balances::free_balance(who),
		Balances::reserved_balance(who),
		Balances::free_balance(TreasuryAccount::get()),
		Balances::total_issuance(),
		u128::from(pallet_constitution::NextDecisionId::<Runtime>::get()),
		u128::from(pallet_referenda::ReferendumCount::<Runtime>::get()),
		u128::from(pallet_quadratic_funding::RoundCount::<Runtime>::get()),
		u128::from(pallet_multisig::Multisigs::<Runtime>::iter().count() as u32),
		u128::from(pallet_proxy::Proxies::<Runtime>::get(who).0.len() as u32),
	]
}

fn create_round(pool: u128, cap: Perbill) -> RuntimeCall {
	RuntimeCall::QuadraticFunding(pallet_quadratic_funding::Call::create_round {
		pool,
		application_period: 5,
		contribution_period: 5,
		cap,
		min_contribution: UNIT,
	})
}

#[test]
fn a_non_transfer_proxy_cannot_move_or_risk_its_delegators_funds() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		use Sr25519Keyring::{Alice, Bob, Ferdie};
		let (alice, bob) = (account(Alice), account(Bob));
		// A round in its application period, with a project; a decision with a community poll.
		assert_ok!(QuadraticFunding::create_round(
			RuntimeOrigin::root(),
			1_000 * UNIT,
			5,
			5,
			Perbill::from_percent(25),
			UNIT
		));
		assert_ok!(QuadraticFunding::apply(signed(Bob), 0, bob.clone(), Default::default(), None));
		let (decision, polls) = propose(classes::MEDIUM_SPEND, spend(UNIT));
		add_proxy(Alice, Ferdie, ProxyType::NonTransfer);

		let attempts = vec![
			transfer_call(UNIT),
			RuntimeCall::Balances(pallet_balances::Call::transfer_all {
				dest: bob.clone().into(),
				keep_alive: false,
			}),
			RuntimeCall::Treasury(pallet_treasury::Call::payout { index: 0 }),
			RuntimeCall::QuadraticFunding(pallet_quadratic_funding::Call::contribute {
				round: 0,
				project: 0,
				amount: 100 * UNIT,
			}),
			RuntimeCall::QuadraticFunding(pallet_quadratic_funding::Call::apply {
				round: 0,
				recipient: account(Ferdie),
				description: Default::default(),
				artifact: None,
			}),
			RuntimeCall::Constitution(pallet_constitution::Call::propose {
				class: classes::MEDIUM_SPEND,
				call: inline(spend(UNIT)),
			}),
			RuntimeCall::Constitution(pallet_constitution::Call::appeal { decision }),
			RuntimeCall::Constitution(pallet_constitution::Call::challenge_conflict {
				poll: polls.community.unwrap(),
				member: bob.clone(),
				evidence: Default::default(),
			}),
			RuntimeCall::Artifacts(pallet_artifacts::Call::register {
				hash: pallet_artifacts::ContentHash::Sha2_256([9; 32]),
				kind: pallet_artifacts::ArtifactKind::Dataset,
				name: b"corpus".to_vec(),
				version: b"1".to_vec(),
				size: 1,
				uri: None,
				licence: b"CC-BY-4.0".to_vec(),
				parents: Vec::new(),
			}),
			RuntimeCall::Preimage(pallet_preimage::Call::note_preimage { bytes: vec![7; 64] }),
			RuntimeCall::Referenda(pallet_referenda::Call::place_decision_deposit {
				index: polls.community.unwrap(),
			}),
			// The multisig account's call would run without the proxy's filter.
			RuntimeCall::Multisig(pallet_multisig::Call::as_multi_threshold_1 {
				other_signatories: vec![bob.clone()],
				call: Box::new(transfer_call(UNIT)),
			}),
			// No escalation to a proxy without the filter.
			RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
				delegate: account(Ferdie).into(),
				proxy_type: ProxyType::Any,
				delay: 0,
			}),
			RuntimeCall::SafeMode(pallet_safe_mode::Call::extend {}),
			// Alice holds the development sudo key: her proxy must not dispatch as Root.
			RuntimeCall::Sudo(pallet_sudo::Call::sudo {
				call: Box::new(RuntimeCall::Balances(pallet_balances::Call::force_transfer {
					source: alice.clone().into(),
					dest: account(Ferdie).into(),
					value: UNIT,
				})),
			}),
			// A batch is allowed, but each call in it passes the filter.
			RuntimeCall::Utility(pallet_utility::Call::batch_all {
				calls: vec![remark_call(), transfer_call(UNIT)],
			}),
		];
		let before = funds_snapshot(&alice);
		for call in attempts {
			let name = format!("{:?}", call).chars().take(60).collect::<String>();
			assert_eq!(by_proxy(Ferdie, Alice, call), Err(call_filtered()), "{name}");
			assert_eq!(funds_snapshot(&alice), before, "{name} changed no funds");
		}
		// What moves nothing still works: a remark, and housekeeping.
		assert_eq!(by_proxy(Ferdie, Alice, remark_call()), Ok(()));
		// The delegator itself is not restricted.
		assert_ok!(QuadraticFunding::apply(signed(Alice), 0, alice, Default::default(), None));
	});
}

#[test]
fn a_governance_proxy_votes_from_a_hot_key_and_can_do_nothing_else() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		use Sr25519Keyring::{Alice, Bob, Ferdie};
		let alice = account(Alice);
		let (_, polls) = propose(classes::MEDIUM_SPEND, spend(UNIT));
		let poll = polls.community.unwrap();
		let class = track_id(classes::MEDIUM_SPEND, kinds::COMMUNITY);
		add_proxy(Alice, Ferdie, ProxyType::Governance);
		assert!(ProxyType::NonTransfer.is_superset(&ProxyType::Governance));
		assert!(!ProxyType::Governance.is_superset(&ProxyType::NonTransfer));
		assert!(!ProxyType::NonTransfer.is_superset(&ProxyType::CancelProxy));

		// Ferdie votes with Alice's balance: the tally counts it, the balance is frozen.
		let vote = AccountVote::Standard { direction: Direction::Aye, amount: 900_000 * UNIT };
		let vote_call = RuntimeCall::Voting(pallet_voting::Call::vote { poll_index: poll, vote });
		assert_eq!(by_proxy(Ferdie, Alice, vote_call), Ok(()));
		let Some(ReferendumInfo::Ongoing(status)) =
			pallet_referenda::ReferendumInfoFor::<Runtime>::get(poll)
		else {
			panic!("the poll is ongoing")
		};
		assert_eq!(status.tally.ayes, 900_000 * UNIT);

		// Anything else is filtered, and moves nothing.
		let before = funds_snapshot(&alice);
		let refused = vec![
			transfer_call(UNIT),
			remark_call(),
			RuntimeCall::Constitution(pallet_constitution::Call::propose {
				class: classes::MEDIUM_SPEND,
				call: inline(spend(UNIT)),
			}),
			RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
				delegate: account(Bob).into(),
				proxy_type: ProxyType::Any,
				delay: 0,
			}),
			RuntimeCall::Utility(pallet_utility::Call::batch_all {
				calls: vec![transfer_call(UNIT)],
			}),
			RuntimeCall::Utility(pallet_utility::Call::as_derivative {
				index: 0,
				call: Box::new(remark_call()),
			}),
		];
		for call in refused {
			let name = format!("{:?}", call).chars().take(60).collect::<String>();
			assert_eq!(by_proxy(Ferdie, Alice, call), Err(call_filtered()), "{name}");
			assert_eq!(funds_snapshot(&alice), before, "{name} changed no funds");
		}

		// Removing the vote and unlocking, batched.
		let cleanup = RuntimeCall::Utility(pallet_utility::Call::batch_all {
			calls: vec![
				RuntimeCall::Voting(pallet_voting::Call::remove_vote {
					class: Some(class),
					poll_index: poll,
				}),
				RuntimeCall::Voting(pallet_voting::Call::unlock {
					class,
					target: alice.clone().into(),
				}),
			],
		});
		assert_eq!(by_proxy(Ferdie, Alice, cleanup), Ok(()));
		let Some(ReferendumInfo::Ongoing(status)) =
			pallet_referenda::ReferendumInfoFor::<Runtime>::get(poll)
		else {
			panic!("the poll is ongoing")
		};
		assert_eq!(status.tally.ayes, 0);
		assert!(Balances::transfer_allow_death(
			signed(Alice),
			account(Ferdie).into(),
			900_000 * UNIT
		)
		.is_ok());
	});
}

/// The result each `Scheduler::Dispatched` event reports, in order.
fn dispatched_results() -> Vec<Result<(), DispatchError>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Scheduler(pallet_scheduler::Event::Dispatched { result, .. }) => {
				Some(result)
			},
			_ => None,
		})
		.collect()
}

#[test]
fn a_big_spend_decision_cannot_fund_a_round_above_its_limit_or_cap() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let treasury = TreasuryAccount::get();
		// A rich treasury: the limit, not the balance, is what stops the attack.
		<Balances as Mutate<_>>::set_balance(&treasury, 1_000_000 * UNIT);
		let limit = BigSpendLimit::get();
		assert_eq!(limit, 100_000 * UNIT);
		assert_eq!(MaxRoundCap::get(), Perbill::from_percent(25));
		let attempts = [
			// Most of the treasury into one round.
			create_round(900_000 * UNIT, Perbill::from_percent(25)),
			// Just above the class's limit.
			create_round(limit + 1, Perbill::from_percent(25)),
			// The whole pool to a single project.
			create_round(limit, Perbill::one()),
			create_round(limit, Perbill::from_percent(26)),
		];
		let mut decisions = Vec::new();
		for call in attempts {
			let (decision, polls) = propose(classes::BIG_SPEND, call);
			token_aye(Sr25519Keyring::Alice, polls.community.unwrap(), 900_000 * UNIT);
			decisions.push(decision);
		}
		let before = Balances::free_balance(&treasury);
		// The council lets its veto polls time out; then every decision is enacted ...
		run_to(130);
		for decision in decisions.iter() {
			assert_ok!(Constitution::advance(signed(Sr25519Keyring::Bob), *decision));
			assert!(matches!(closed_with(*decision), Some(Outcome::Enacted { .. })));
		}
		run_to(135);
		// ... and every call was refused by the pallet, with nothing moved.
		let pool_above: DispatchError =
			pallet_quadratic_funding::Error::<Runtime>::PoolAboveLimit.into();
		let cap_above: DispatchError =
			pallet_quadratic_funding::Error::<Runtime>::CapAboveLimit.into();
		let errors: Vec<DispatchError> =
			dispatched_results().into_iter().filter_map(|result| result.err()).collect();
		assert_eq!(errors.len(), 4, "{errors:?}");
		assert_eq!(errors.iter().filter(|e| **e == pool_above).count(), 2, "{errors:?}");
		assert_eq!(errors.iter().filter(|e| **e == cap_above).count(), 2, "{errors:?}");
		assert_eq!(pallet_quadratic_funding::RoundCount::<Runtime>::get(), 0);
		assert_eq!(Balances::free_balance(&treasury), before);

		// Within the limit and the cap, a big-spend decision creates the round.
		let (decision, polls) =
			propose(classes::BIG_SPEND, create_round(limit, Perbill::from_percent(25)));
		token_aye(Sr25519Keyring::Alice, polls.community.unwrap(), 900_000 * UNIT);
		System::reset_events();
		run_to(265);
		assert_ok!(Constitution::advance(signed(Sr25519Keyring::Bob), decision));
		assert!(matches!(closed_with(decision), Some(Outcome::Enacted { .. })));
		run_to(270);
		assert!(dispatched_results().iter().all(|result| result.is_ok()));
		let round = pallet_quadratic_funding::Rounds::<Runtime>::get(0).expect("round created");
		assert_eq!((round.pool, round.cap), (limit, Perbill::from_percent(25)));
		// Root is not bounded.
		assert_ok!(QuadraticFunding::create_round(
			RuntimeOrigin::root(),
			2 * limit,
			5,
			5,
			Perbill::one(),
			UNIT
		));
	});
}

#[test]
fn appointing_an_attester_needs_the_council() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		use Sr25519Keyring::{Alice, Bob, Charlie, Dave};
		let dave = account(Dave);
		let appoint = RuntimeCall::Reputation(pallet_reputation::Call::set_attester {
			domain: 0,
			attester: dave.clone(),
			max_per_attestation: 1_000,
			rate_limit: 10_000,
		});
		// The community house alone is not the class's origin.
		let community_only: RuntimeOrigin =
			ConstitutionOrigin::House { class: classes::PARAMETER_CHANGE, kind: kinds::COMMUNITY }
				.into();
		assert_noop!(
			Reputation::set_attester(community_only, 0, dave.clone(), 1_000, 10_000),
			DispatchError::BadOrigin
		);

		// An attester mints reputation for an accomplice, who carries the community poll.
		let (decision, polls) = propose(classes::PARAMETER_CHANGE, appoint);
		let (council, community) =
			(polls.council.expect("a council poll"), polls.community.unwrap());
		assert_ok!(Reputation::attest(signed(Alice), account(Bob), 0, 1_000, Default::default()));
		aye(Bob, community);
		// The council does not concur.
		assert_ok!(Voting::vote(signed(Alice), council, AccountVote::Own(Direction::Nay)));
		assert_ok!(Voting::vote(signed(Charlie), council, AccountVote::Own(Direction::Nay)));
		// The community's approval alone enacts nothing.
		run_to(30);
		assert!(is_approved(community));
		assert_noop!(
			Constitution::advance(signed(Charlie), decision),
			pallet_constitution::Error::<Runtime>::NotReady
		);
		assert!(pallet_reputation::Attesters::<Runtime>::get(0, &dave).is_none());
		// The council poll times out unapproved: the decision is rejected.
		run_to(130);
		assert_ok!(Constitution::advance(signed(Charlie), decision));
		assert_eq!(closed_with(decision), Some(Outcome::Rejected));
		assert!(pallet_reputation::Attesters::<Runtime>::get(0, &dave).is_none());
		assert_noop!(
			Reputation::attest(signed(Dave), account(Charlie), 0, 10, Default::default()),
			pallet_reputation::Error::<Runtime>::NotAttester
		);
	});
}

#[test]
fn one_attester_cannot_mint_more_than_its_share_of_a_domain() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		use Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve};
		const DOCS: u16 = ostrom_primitives::domains::DOCS;
		let attest = |attester, subject, points| {
			Reputation::attest(signed(attester), account(subject), DOCS, points, Default::default())
		};
		// Bootstrap: Alice alone may bring the new domain to the 5,000-point floor.
		for _ in 0..5 {
			assert_ok!(attest(Alice, Dave, 1_000));
		}
		assert_eq!(Reputation::domain_total_of(DOCS), 5_000);
		// Past it, she holds all of it: above the 20 % share, whoever the subject.
		assert_noop!(
			attest(Alice, Eve, 1),
			pallet_reputation::Error::<Runtime>::AttesterShareExceeded
		);
		assert_noop!(
			attest(Alice, Charlie, 1_000),
			pallet_reputation::Error::<Runtime>::AttesterShareExceeded
		);
		// Bob, the domain's other attester, up to a fifth of the total.
		assert_ok!(attest(Bob, Eve, 1_000));
		assert_noop!(
			attest(Bob, Charlie, 500),
			pallet_reputation::Error::<Runtime>::AttesterShareExceeded
		);
		assert_eq!(Reputation::domain_total_of(DOCS), 6_000);
		assert_eq!(Reputation::score_of(&account(Charlie), DOCS), 0);
	});
}
