//! Unit tests of the report's decoding and filling: events folded into traces, ballots and
//! electorates from runtime types, decisions, storage keys.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use std::collections::BTreeMap;

use frame_support::{traits::Bounded, BoundedVec};
use ostrom_metrics::model::{
	Aggregates, Ballot, DecisionOutcome, House, HouseClose, IncidentKind, PollKind, PollOutcome,
	Scheme,
};
use ostrom_primitives::Scheme as ChainScheme;
use ostrom_runtime::{AccountId, Runtime, RuntimeEvent};
use pallet_constitution::{DecisionPolls, Outcome};
use pallet_voting::{
	AccountVote, Contribution, DelegationOverride, Direction, PollMetrics, Tally, VoteRecord,
};
use sp_runtime::Perbill;

use super::{
	fill::{self, PollState, Voting},
	state,
	trace::{self, Classes, Trace},
};

fn account(n: u8) -> AccountId {
	AccountId::new([n; 32])
}

fn classes() -> Classes {
	pallet_constitution::presets::development_classes::<u128, u32>(1_000_000_000_000)
		.into_iter()
		.collect()
}

fn tally(scheme: ChainScheme, ballots: &[(AccountVote<u128>, u128, u128)]) -> Tally<Runtime> {
	let mut t = Tally::<Runtime>::empty(scheme);
	for (vote, own, delegated) in ballots {
		t.add(&Contribution::of(scheme, vote, *own, *delegated));
	}
	t
}

fn submitted(index: u32, track: u16) -> RuntimeEvent {
	RuntimeEvent::Referenda(pallet_referenda::Event::Submitted {
		index,
		track,
		proposal: Bounded::Inline(BoundedVec::default()),
	})
}

fn voted(who: u8, poll: u32, t: &Tally<Runtime>) -> RuntimeEvent {
	RuntimeEvent::Voting(pallet_voting::Event::Voted {
		who: account(who),
		poll_index: poll,
		vote: AccountVote::Own(Direction::Aye),
		weight: 1,
		tally: t.clone(),
	})
}

fn proposed(
	decision: u32,
	class: u8,
	council: Option<u32>,
	community: Option<u32>,
) -> RuntimeEvent {
	RuntimeEvent::Constitution(pallet_constitution::Event::Proposed {
		decision,
		class,
		proposer: account(0),
		call_hash: Default::default(),
		polls: DecisionPolls { council, community, extra: None },
	})
}

fn closed(decision: u32, class: u8, outcome: Outcome<u32>) -> RuntimeEvent {
	RuntimeEvent::Constitution(pallet_constitution::Event::DecisionClosed {
		decision,
		class,
		outcome,
	})
}

fn referenda(e: pallet_referenda::Event<Runtime>) -> RuntimeEvent {
	RuntimeEvent::Referenda(e)
}

#[test]
fn events_fold_into_polls_decisions_and_incidents() {
	let council_tally = tally(ChainScheme::Council, &[(AccountVote::Own(Direction::Aye), 1, 0)]);
	let token_tally = tally(
		ChainScheme::Token,
		&[(AccountVote::Standard { direction: Direction::Aye, amount: 5 }, 5, 0)],
	);
	let mut trace = Trace::new(classes());
	// Block 10: a medium-spend decision (token poll 0) and a parameter change (council poll 1,
	// reputation poll 2); the constitution submits the polls before it says whose they are.
	trace.apply_block(
		10,
		&[
			submitted(0, 13),
			proposed(0, 3, None, Some(0)),
			submitted(1, 28),
			submitted(2, 29),
			proposed(1, 7, Some(1), Some(2)),
		],
	);
	// Block 11: votes, and a council member recuses itself.
	trace.apply_block(
		11,
		&[
			voted(1, 0, &token_tally),
			voted(2, 0, &token_tally),
			voted(1, 0, &token_tally),
			RuntimeEvent::Voting(pallet_voting::Event::Recused { who: account(3), poll_index: 1 }),
		],
	);
	// Block 15: poll 0 approved (`Confirmed`), decision 0 enacted.
	trace.apply_block(
		15,
		&[
			referenda(pallet_referenda::Event::Confirmed { index: 0, tally: token_tally.clone() }),
			closed(0, 3, Outcome::Enacted { at: 16 }),
		],
	);
	// Block 20: the council rejects decision 1; its community poll is cancelled with it
	// (routine, no incident).
	trace.apply_block(
		20,
		&[
			referenda(pallet_referenda::Event::Rejected { index: 1, tally: council_tally.clone() }),
			referenda(pallet_referenda::Event::Cancelled {
				index: 2,
				tally: Tally::<Runtime>::empty(ChainScheme::Reputation),
			}),
			closed(1, 7, Outcome::Rejected),
		],
	);
	// Block 30: a poll of a decision that is still open is cancelled (an incident), a guardian
	// holds a decision, a member is slashed in two domains (one incident).
	trace.apply_block(
		30,
		&[
			submitted(3, 9),
			proposed(2, 2, None, Some(3)),
			referenda(pallet_referenda::Event::Cancelled {
				index: 3,
				tally: Tally::<Runtime>::empty(ChainScheme::Quadratic),
			}),
			RuntimeEvent::Guardians(pallet_guardians::Event::MeasureTaken {
				id: 4,
				guardian: account(9),
				measure: pallet_guardians::Measure::HoldDecision(2),
				reason: Default::default(),
				expires: 100,
			}),
			RuntimeEvent::Reputation(pallet_reputation::Event::Slashed {
				who: account(5),
				domain: 0,
				fraction: Perbill::from_percent(20),
				points_removed: 10,
				reason: Default::default(),
			}),
			RuntimeEvent::Reputation(pallet_reputation::Event::Slashed {
				who: account(5),
				domain: 1,
				fraction: Perbill::from_percent(20),
				points_removed: 5,
				reason: Default::default(),
			}),
		],
	);

	let poll0 = &trace.polls[&0];
	assert_eq!((poll0.created, poll0.closed, poll0.outcome), (10, Some(15), PollOutcome::Approved));
	assert_eq!(poll0.voters.len(), 2);
	assert_eq!(poll0.decision, Some(0));
	assert_eq!(poll0.kind(), PollKind::Community);
	assert_eq!(poll0.scheme, Some(Scheme::Token));
	assert_eq!(poll0.tally.as_ref().unwrap().voters, 1);
	assert_eq!(trace.polls[&1].kind(), PollKind::Council);
	assert_eq!(trace.polls[&1].outcome, PollOutcome::Rejected);
	assert_eq!(trace.polls[&2].decision, Some(1));
	assert_eq!(trace.polls[&2].outcome, PollOutcome::Cancelled);
	assert_eq!(trace.decisions[&0].closed, Some(15));
	assert_eq!(trace.decisions[&1].polls.len(), 2);
	assert_eq!(trace.decisions[&1].scheme, Scheme::Reputation);
	assert_eq!(trace.decisions[&2].scheme, Scheme::Quadratic);

	let incidents: Vec<(IncidentKind, u32, Option<u8>, Option<Scheme>)> =
		trace.incidents.iter().map(|i| (i.kind, i.block, i.class, i.scheme)).collect();
	assert_eq!(
		incidents,
		vec![
			(IncidentKind::Recusal, 11, Some(7), Some(Scheme::Council)),
			(IncidentKind::EmergencyTaken, 30, Some(2), Some(Scheme::Quadratic)),
			(IncidentKind::Cancellation, 30, Some(2), Some(Scheme::Quadratic)),
			(IncidentKind::Slash, 30, None, None),
		]
	);
}

#[test]
fn a_challenge_attributes_its_slash_and_its_poll_is_of_no_decision() {
	let mut trace = Trace::new(classes());
	trace.apply_block(5, &[submitted(0, 36), proposed(0, 9, Some(0), None)]);
	trace.apply_block(
		6,
		&[
			submitted(1, 40),
			RuntimeEvent::Constitution(pallet_constitution::Event::ConflictChallenged {
				challenge: 0,
				challenger: account(7),
				member: account(2),
				poll: 0,
				evidence: Default::default(),
				challenge_poll: 1,
			}),
		],
	);
	trace.apply_block(
		9,
		&[
			RuntimeEvent::Reputation(pallet_reputation::Event::Slashed {
				who: account(2),
				domain: 0,
				fraction: Perbill::from_percent(20),
				points_removed: 120,
				reason: Default::default(),
			}),
			RuntimeEvent::Constitution(pallet_constitution::Event::ChallengeUpheld {
				challenge: 0,
				member: account(2),
				poll: 0,
				recused: true,
				slashed: 120,
			}),
		],
	);
	assert_eq!(trace.polls[&1].kind(), PollKind::Other);
	assert_eq!(trace.polls[&1].class(), 10);
	let incidents: Vec<(IncidentKind, Option<u8>, Option<Scheme>)> =
		trace.incidents.iter().map(|i| (i.kind, i.class, i.scheme)).collect();
	assert_eq!(
		incidents,
		vec![
			(IncidentKind::Challenge, Some(9), Some(Scheme::Council)),
			(IncidentKind::Slash, Some(9), Some(Scheme::Council)),
		]
	);
}

/// A voting record with one vote on `poll`.
fn record(
	poll: u32,
	scheme: ChainScheme,
	vote: Option<AccountVote<u128>>,
	own: u128,
	delegated: u128,
	delegators: u32,
	override_of: Option<AccountId>,
) -> Voting {
	let vote_record = VoteRecord {
		vote,
		scheme,
		own,
		delegated,
		credits: 0,
		epoch: 0,
		override_of: override_of.map(|delegate| DelegationOverride { delegate, amount: 7 }),
		person: None,
	};
	Voting {
		votes: BoundedVec::truncate_from(vec![(poll, vote_record)]),
		delegators,
		..Default::default()
	}
}

#[test]
fn ballots_carry_delegation_less_the_delegators_who_voted() {
	let aye = |amount| AccountVote::Standard { direction: Direction::Aye, amount };
	let records = vec![
		// A delegate: 100 own + 50 delegated by 3 delegators, one of whom voted directly.
		(account(1), record(4, ChainScheme::Token, Some(aye(100)), 100, 50, 3, None)),
		(account(2), record(4, ChainScheme::Token, Some(aye(7)), 7, 0, 0, Some(account(1)))),
		// A split vote carries no delegation.
		(
			account(3),
			record(
				4,
				ChainScheme::Token,
				Some(AccountVote::Split { aye: 2, nay: 3, abstain: 1 }),
				6,
				9,
				2,
				None,
			),
		),
		// A vote on another poll, and a record without a vote on this one.
		(account(4), record(5, ChainScheme::Token, Some(aye(1)), 1, 0, 0, None)),
	];
	let ballots = fill::ballots(4, &records);
	assert_eq!(
		ballots,
		vec![
			Ballot { weight: 150, delegated: 50, delegators: 2 },
			Ballot { weight: 7, delegated: 0, delegators: 0 },
			Ballot { weight: 6, delegated: 0, delegators: 0 },
		]
	);
	// The chain's tally of the same ballots adds up to them.
	let t = tally(
		ChainScheme::Token,
		&[
			(aye(100), 100, 50),
			(aye(7), 7, 0),
			(AccountVote::Split { aye: 2, nay: 3, abstain: 1 }, 6, 9),
		],
	);
	let aggregates = fill::aggregates(&t);
	assert_eq!(aggregates.voters, 3);
	assert_eq!(aggregates.total_weight, 163);
	assert!(aggregates.matches_ballots(&ballots));
	assert_eq!(aggregates.sum_of_squares, Aggregates::of_ballots(&ballots).sum_of_squares);
}

#[test]
fn recusals_and_voided_ballots_count_nowhere() {
	let records = vec![
		(account(1), record(1, ChainScheme::Council, None, 0, 0, 0, None)),
		(
			account(2),
			record(1, ChainScheme::Council, Some(AccountVote::Own(Direction::Nay)), 1, 0, 0, None),
		),
		(account(3), record(1, ChainScheme::Quadratic, None, 3, 0, 0, None)),
	];
	assert_eq!(fill::ballots(1, &records), vec![Ballot::own(1)]);
}

fn metrics(scheme: ChainScheme, total_weight: u128, electorate: u128) -> PollMetrics<u128> {
	PollMetrics {
		scheme,
		ayes: total_weight,
		nays: 0,
		abstains: 0,
		support: total_weight,
		voters: 1,
		total_weight,
		sum_of_squares: Default::default(),
		recused: 0,
		electorate,
		approval: Perbill::one(),
		support_ratio: Perbill::zero(),
	}
}

#[test]
fn electorates_per_scheme() {
	let m = metrics(ChainScheme::Token, 10, 1_000);
	let token = fill::electorate(Scheme::Token, Some(&m), None, Some(40), 100);
	assert_eq!((token.count, token.weight), (Some(40), Some(1_000)));
	// Persons, each with at most ⌊√100⌋ = 10 votes.
	let m = metrics(ChainScheme::Quadratic, 10, 30);
	let quadratic = fill::electorate(Scheme::Quadratic, Some(&m), None, None, 100);
	assert_eq!((quadratic.count, quadratic.weight), (Some(30), Some(300)));
	// Reputation: the metrics' electorate (worth now) in the tally's frame.
	let m = metrics(ChainScheme::Reputation, 500, 2_000);
	let mut t = Tally::<Runtime>::empty(ChainScheme::Reputation);
	t.total_weight = 1_000;
	let reputation = fill::electorate(Scheme::Reputation, Some(&m), Some(&t), Some(12), 100);
	assert_eq!((reputation.count, reputation.weight), (Some(12), Some(4_000)));
	let m = metrics(ChainScheme::Council, 2, 3);
	let council = fill::electorate(Scheme::Council, Some(&m), None, None, 100);
	assert_eq!((council.count, council.weight), (Some(3), Some(3)));
	// Without poll metrics, only what was counted from state.
	let unknown = fill::electorate(Scheme::Token, None, None, Some(5), 100);
	assert_eq!((unknown.count, unknown.weight), (Some(5), None));
	assert_eq!([0, 1, 3, 4, 99, 100, 101].map(fill::isqrt), [0, 1, 1, 2, 9, 10, 10]);
}

#[test]
fn poll_records_take_the_tally_the_ballots_and_the_electorate() {
	let mut trace = Trace::new(classes());
	trace.apply_block(3, &[submitted(0, 9), proposed(0, 2, None, Some(0))]);
	let quadratic = |amount| AccountVote::Standard { direction: Direction::Aye, amount };
	let t = tally(ChainScheme::Quadratic, &[(quadratic(3), 3, 0), (quadratic(1), 1, 0)]);
	trace.apply_block(
		8,
		&[referenda(pallet_referenda::Event::Confirmed { index: 0, tally: t.clone() })],
	);
	let state = PollState {
		tally: Some(t),
		metrics: Some(metrics(ChainScheme::Quadratic, 4, 20)),
		records: vec![
			(account(1), record(0, ChainScheme::Quadratic, Some(quadratic(3)), 3, 0, 0, None)),
			(account(2), record(0, ChainScheme::Quadratic, Some(quadratic(1)), 1, 0, 0, None)),
		],
		holders: None,
	};
	let (poll, extras) = fill::poll_record(&trace.polls[&0], &state, 100);
	assert_eq!(poll.scheme, Scheme::Quadratic);
	assert_eq!((poll.created, poll.closed, poll.outcome), (3, Some(8), PollOutcome::Approved));
	assert_eq!(poll.aggregates.voters, 2);
	assert_eq!(poll.electorate.count, Some(20));
	assert!(extras.ballots_match);
	let summary = ostrom_metrics::aggregate::summarize_poll(&poll);
	assert_eq!(summary.participation, Some(0.1));
	assert_eq!(summary.weight_participation, Some(4.0 / 200.0));
	assert_eq!(summary.latency, Some(5));
	assert_eq!(summary.nakamoto, Some(1));
}

#[test]
fn decisions_take_their_outcome_and_house_closes() {
	let mut trace = Trace::new(classes());
	trace.apply_block(1, &[submitted(0, 16 + 1), proposed(0, 4, None, Some(0))]);
	trace.apply_block(
		9,
		&[
			referenda(pallet_referenda::Event::Confirmed {
				index: 0,
				tally: Tally::<Runtime>::empty(ChainScheme::Token),
			}),
			submitted(1, 19),
			RuntimeEvent::Constitution(pallet_constitution::Event::VetoPollOpened {
				decision: 0,
				poll: 1,
				until: 19,
			}),
		],
	);
	trace.apply_block(
		14,
		&[
			referenda(pallet_referenda::Event::Confirmed {
				index: 1,
				tally: Tally::<Runtime>::empty(ChainScheme::Council),
			}),
			closed(0, 4, Outcome::Vetoed),
		],
	);
	let records = trace
		.polls
		.values()
		.map(|p| {
			let state = PollState { tally: p.tally.clone(), ..Default::default() };
			(p.index, fill::poll_record(p, &state, 100).0)
		})
		.collect::<BTreeMap<_, _>>();
	assert_eq!(records[&1].kind, PollKind::Review);
	let decision = fill::decision_record(&trace.decisions[&0], &records);
	assert_eq!(decision.outcome, Some(DecisionOutcome::Vetoed));
	assert_eq!(decision.scheme, Scheme::Token);
	assert_eq!(
		decision.houses,
		vec![
			HouseClose { house: House::Council, closed: 14 },
			HouseClose { house: House::Community, closed: 9 },
		]
	);
	assert_eq!(ostrom_metrics::measures::decision_latency(&decision), Some(13));

	let mut d = trace.decisions[&0].clone();
	d.outcome = Some(Outcome::Enacted { at: 20 });
	assert_eq!(fill::decision_outcome(&d), Some(DecisionOutcome::Approved));
	d.appeal_rejected = true;
	assert_eq!(fill::decision_outcome(&d), Some(DecisionOutcome::Appealed));
	d.overridden = true;
	assert_eq!(fill::decision_outcome(&d), Some(DecisionOutcome::Overridden));
	d.outcome = Some(Outcome::Refused);
	assert_eq!(fill::decision_outcome(&d), Some(DecisionOutcome::Rejected));
	d.outcome = None;
	assert_eq!(fill::decision_outcome(&d), None);
}

#[test]
fn storage_keys() {
	assert_eq!(
		hex::encode(state::events_key()),
		"26aa394eea5630e07c48ae0c9558cef780d41e5e16056765bc8461851072c9d7"
	);
	let mut key = vec![0u8; 48];
	key.extend([7u8; 32]);
	key.extend([0u8; 8]);
	key.extend(3u16.to_le_bytes());
	let (who, domain) = state::score_key_parts(&key).unwrap();
	assert_eq!((who, domain), (&[7u8; 32][..], 3));
	assert_eq!(state::score_key_parts(&key[..60]), None);
	let weights = classes();
	assert_eq!(state::class_domains(weights.get(&5)), vec![2, 3]);
	assert_eq!(state::class_domains(weights.get(&7)), vec![0, 1, 2, 3, 4]);
	assert!(state::class_domains(weights.get(&9)).is_empty());
	assert_eq!(trace::class_and_kind(29), (7, 1));
}

#[test]
fn the_report_renders_as_json_table_and_csv() {
	let mut trace = Trace::new(classes());
	trace.apply_block(3, &[submitted(0, 36), proposed(0, 9, Some(0), None)]);
	let t = tally(
		ChainScheme::Council,
		&[(AccountVote::Own(Direction::Aye), 1, 0), (AccountVote::Own(Direction::Aye), 1, 0)],
	);
	trace.apply_block(
		9,
		&[
			referenda(pallet_referenda::Event::Confirmed { index: 0, tally: t.clone() }),
			closed(0, 9, Outcome::Enacted { at: 10 }),
		],
	);
	let own = || Some(AccountVote::Own(Direction::Aye));
	let state = PollState {
		tally: Some(t),
		metrics: Some(metrics(ChainScheme::Council, 2, 3)),
		records: vec![
			(account(1), record(0, ChainScheme::Council, own(), 1, 0, 0, None)),
			(account(2), record(0, ChainScheme::Council, own(), 1, 0, 0, None)),
		],
		holders: None,
	};
	let (poll, extras) = fill::poll_record(&trace.polls[&0], &state, 100);
	let records: BTreeMap<_, _> = [(0, poll.clone())].into_iter().collect();
	let report = super::Report {
		chain: "Ostrom \"Development\"".into(),
		spec_version: 100,
		range: ostrom_metrics::model::BlockRange::new(0, 20),
		ms_per_block: Some(6000),
		dataset: ostrom_metrics::model::Dataset {
			decisions: vec![fill::decision_record(&trace.decisions[&0], &records)],
			polls: vec![poll],
			incidents: trace.incidents.clone(),
		},
		extras: [(0, extras)].into_iter().collect(),
		warnings: vec!["a \"quoted\" warning".into()],
	};
	let json: serde_json::Value = serde_json::from_str(&report.json()).unwrap();
	assert_eq!(json["chain"], "Ostrom \"Development\"");
	assert_eq!(json["range"]["to"], 20);
	let poll = &json["polls"][0];
	assert_eq!(poll["scheme"], "council");
	assert_eq!(poll["kind"], "council");
	assert_eq!(poll["outcome"], "approved");
	assert_eq!(
		(poll["created"].clone(), poll["closed"].clone(), poll["decision"].clone()),
		(3.into(), 9.into(), 0.into())
	);
	assert_eq!(poll["voters"], 2);
	assert_eq!(poll["electorate"], 3);
	assert_eq!(poll["ballots_match"], "yes");
	assert_eq!(poll["latency_blocks"], 6);
	let council =
		json["schemes"].as_array().unwrap().iter().find(|r| r["group"] == "council").unwrap();
	assert_eq!(council["decisions"], 1);
	assert_eq!(council["outcome_approved"], 1);
	assert_eq!(json["lorenz"]["council"].as_array().unwrap().len(), 3);
	assert_eq!(json["warnings"][0], "a \"quoted\" warning");

	let table = report.render(ostrom_metrics::render::Format::Table, None, true);
	assert!(table.starts_with(
		"Governance metrics of Ostrom \"Development\" (runtime spec 100), blocks #0–#20"
	));
	assert!(
		table.contains("Per scheme") && table.contains("Per class") && table.contains("Per poll")
	);
	assert!(table.contains("latency median (days)"));
	let csv = report.render(ostrom_metrics::render::Format::Csv, Some(super::By::Poll), false);
	assert_eq!(csv.lines().count(), 2);
	assert!(csv
		.lines()
		.next()
		.unwrap()
		.ends_with("decision,created,closed,electorate,eligible_weight,ballots_match"));
}

#[test]
fn groupings_parse() {
	assert_eq!("class".parse::<super::By>(), Ok(super::By::Class));
	assert!("house".parse::<super::By>().is_err());
}

#[test]
fn only_ostrom_runtimes_are_reported_on() {
	let version =
		|name: &str, spec_version| crate::rpc::Version { spec_name: name.into(), spec_version };
	assert_eq!(super::ostrom_spec_version("ws://x", &version("ostrom", 101), 5), Ok(101));
	let refused = super::ostrom_spec_version("ws://x", &version("polkadot", 1_006_000), 5);
	assert_eq!(
		refused,
		Err(
			"ws://x runs the runtime 'polkadot' at block #5, not Ostrom's ('ostrom'): it has none \
		     of Ostrom's governance pallets to report on"
				.into()
		)
	);
}
