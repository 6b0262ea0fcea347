//! The aggregation of a small hand-built data set, with every expected value computed by hand.

use super::{assert_close, close};
use crate::{aggregate::*, model::*};
use alloc::{vec, vec::Vec};

/// A poll with defaults for what the test does not care about.
fn poll(index: PollIndex, class: ClassId, scheme: Scheme, created: BlockNumber) -> PollRecord {
	PollRecord {
		index,
		class,
		decision: None,
		scheme,
		kind: if scheme == Scheme::Council { PollKind::Council } else { PollKind::Community },
		created,
		closed: None,
		outcome: PollOutcome::Ongoing,
		ballots: vec![],
		aggregates: Aggregates::default(),
		electorate: Electorate::default(),
	}
}

/// A decision.
fn decision(
	id: DecisionId,
	class: ClassId,
	scheme: Scheme,
	proposed: BlockNumber,
	houses: &[(House, BlockNumber)],
	closed: Option<(BlockNumber, DecisionOutcome)>,
) -> DecisionRecord {
	DecisionRecord {
		id,
		class,
		scheme,
		proposed,
		houses: houses
			.iter()
			.map(|(house, closed)| HouseClose { house: *house, closed: *closed })
			.collect(),
		closed: closed.map(|c| c.0),
		outcome: closed.map(|c| c.1),
	}
}

/// An incident.
fn incident(
	kind: IncidentKind,
	block: BlockNumber,
	class: Option<ClassId>,
	scheme: Option<Scheme>,
) -> IncidentRecord {
	IncidentRecord { kind, block, class, scheme }
}

/// The data set (see each record for its hand-computed measures). Reported over blocks
/// 0..=1000; the records after block 1000 must not count. Also one of the shared test vectors
/// (`vectors.rs`).
pub(super) fn dataset() -> Dataset {
	// P0, token: weights [40 (10 own + 30 from 3 delegators), 10, 10, 20], total 80, Σw² 2200;
	// 4 of 20 voters, 80 of 800 weight, 7 represented; latency 100; Gini: sorted
	// [10, 10, 20, 40] → (−3·10 − 10 + 20 + 3·40)/(4·80) = 0.3125; Nakamoto 2 (40 is not more
	// than half); HHI 2200/6400 = 0.34375; 6400/2200 effective voters; delegated 30/80 = 0.375,
	// one delegate holds it all.
	let p0 = PollRecord {
		closed: Some(200),
		outcome: PollOutcome::Approved,
		decision: Some(0),
		ballots: vec![
			Ballot::delegate(10, 30, 3),
			Ballot::own(10),
			Ballot::own(10),
			Ballot::own(20),
		],
		aggregates: Aggregates {
			voters: 4,
			total_weight: 80,
			sum_of_squares: U256::from_u128(2200),
			ayes: 60,
			nays: 20,
			abstains: 0,
			recused: 0,
		},
		electorate: Electorate { count: Some(20), weight: Some(800) },
		..poll(0, 1, Scheme::Token, 100)
	};
	// P1, token, aggregates left to the ballots: [100, 100]; 2 of 20, 200 of 800; latency 200;
	// Gini 0, Nakamoto 2, HHI 0.5, 2 effective voters, nothing delegated.
	let p1 = PollRecord {
		closed: Some(500),
		outcome: PollOutcome::Rejected,
		decision: Some(1),
		ballots: vec![Ballot::own(100), Ballot::own(100)],
		electorate: Electorate { count: Some(20), weight: Some(800) },
		..poll(1, 1, Scheme::Token, 300)
	};
	// P2, council: three seats of five vote; latency 50; Gini 0, Nakamoto 2, HHI 1/3.
	let p2 = PollRecord {
		closed: Some(150),
		outcome: PollOutcome::Approved,
		decision: Some(0),
		ballots: vec![Ballot::own(1); 3],
		electorate: Electorate { count: Some(5), weight: Some(5) },
		..poll(2, 1, Scheme::Council, 100)
	};
	// P3, quadratic, ongoing: votes [1, 2, 3, 4]; 4 of 8 persons, eligible weight unknown;
	// Gini 0.25, Nakamoto 2 (4 + 3 > 3), HHI 30/100.
	let p3 = PollRecord {
		ballots: vec![Ballot::own(1), Ballot::own(2), Ballot::own(3), Ballot::own(4)],
		electorate: Electorate { count: Some(8), weight: None },
		..poll(3, 2, Scheme::Quadratic, 400)
	};
	// P4, reputation, created after the range.
	let p4 = PollRecord {
		ballots: vec![Ballot::own(1000)],
		electorate: Electorate { count: Some(1), weight: Some(1000) },
		..poll(4, 3, Scheme::Reputation, 2000)
	};
	// P5, reputation, aggregates only (5 and 5): 2 of 4, 10 of 40; latency 100; HHI 0.5;
	// the distribution measures unknown.
	let p5 = PollRecord {
		closed: Some(700),
		outcome: PollOutcome::Rejected,
		aggregates: Aggregates {
			voters: 2,
			total_weight: 10,
			sum_of_squares: U256::from_u128(50),
			..Default::default()
		},
		electorate: Electorate { count: Some(4), weight: Some(40) },
		..poll(5, 3, Scheme::Reputation, 600)
	};
	use DecisionOutcome::*;
	use House::*;
	let decisions = vec![
		// Latency 110; joint: council 50, community 100.
		decision(
			0,
			1,
			Scheme::Token,
			100,
			&[(Council, 150), (Community, 200)],
			Some((210, Approved)),
		),
		// Latency 200; joint: council 20, community 200.
		decision(
			1,
			1,
			Scheme::Token,
			300,
			&[(Council, 320), (Community, 500)],
			Some((500, Rejected)),
		),
		// Open.
		decision(2, 2, Scheme::Quadratic, 400, &[], None),
		// Latency 100; community only.
		decision(3, 3, Scheme::Reputation, 600, &[(Community, 700)], Some((700, Vetoed))),
		// After the range.
		decision(4, 3, Scheme::Reputation, 5000, &[], Some((5100, Expired))),
	];
	let incidents = vec![
		incident(IncidentKind::EmergencyTaken, 120, Some(1), Some(Scheme::Token)),
		incident(IncidentKind::Recusal, 130, Some(1), Some(Scheme::Council)),
		// Chain-wide (safe mode): only in the `all` row.
		incident(IncidentKind::EmergencyLapsed, 900, None, None),
		// After the range.
		incident(IncidentKind::Slash, 1500, Some(3), Some(Scheme::Reputation)),
	];
	Dataset { polls: vec![p0, p1, p2, p3, p4, p5], decisions, incidents }
}

pub(super) const RANGE: BlockRange = BlockRange { from: 0, to: 1000 };

#[test]
fn per_poll_measures() {
	let data = dataset();
	let polls = poll_summaries(&data, RANGE);
	assert_eq!(polls.iter().map(|p| p.index).collect::<Vec<_>>(), vec![0, 1, 2, 3, 5]);

	let p0 = &polls[0];
	assert_eq!((p0.voters, p0.weight_cast, p0.latency), (4, 80, Some(100)));
	assert_eq!(p0.participation, Some(0.2));
	assert_eq!(p0.weight_participation, Some(0.1));
	assert_eq!(p0.represented_participation, Some(0.35));
	assert_eq!(p0.gini, Some(0.3125));
	assert_eq!(p0.nakamoto, Some(2));
	assert_eq!(p0.hhi, Some(0.34375));
	assert_close(p0.effective_voters, 6400.0 / 2200.0);
	assert_eq!(p0.delegation_share, Some(0.375));
	assert_eq!(p0.delegates_half, Some(1));

	// Aggregates taken from the ballots.
	let p1 = &polls[1];
	assert_eq!((p1.voters, p1.weight_cast, p1.latency), (2, 200, Some(200)));
	assert_eq!((p1.participation, p1.weight_participation), (Some(0.1), Some(0.25)));
	assert_eq!(
		(p1.gini, p1.nakamoto, p1.hhi, p1.effective_voters),
		(Some(0.0), Some(2), Some(0.5), Some(2.0))
	);
	assert_eq!((p1.delegation_share, p1.delegates_half), (Some(0.0), None));

	let p2 = &polls[2];
	assert_eq!(
		(p2.scheme, p2.kind, p2.participation, p2.latency),
		(Scheme::Council, PollKind::Council, Some(0.6), Some(50))
	);
	assert_close(p2.hhi, 1.0 / 3.0);
	assert_close(p2.effective_voters, 3.0);

	// Ongoing, eligible weight unknown.
	let p3 = &polls[3];
	assert_eq!(
		(p3.outcome, p3.latency, p3.participation, p3.weight_participation),
		(PollOutcome::Ongoing, None, Some(0.5), None)
	);
	assert_eq!((p3.gini, p3.nakamoto), (Some(0.25), Some(2)));
	assert_close(p3.hhi, 0.3);

	// Aggregates only: no distribution measures.
	let p5 = &polls[4];
	assert_eq!(
		(p5.voters, p5.weight_cast, p5.participation, p5.weight_participation),
		(2, 10, Some(0.5), Some(0.25))
	);
	assert_eq!((p5.hhi, p5.effective_voters), (Some(0.5), Some(2.0)));
	assert_eq!(
		(
			p5.gini,
			p5.nakamoto,
			p5.delegation_share,
			p5.delegates_half,
			p5.represented_participation
		),
		(None, None, None, None, None)
	);
}

#[test]
fn the_chains_aggregates_win_over_the_ballots() {
	let mut p = dataset().polls.remove(0);
	// A report tool that missed a ballot: counts and HHI stay the chain's, and the mismatch is
	// detectable.
	p.ballots.pop();
	let summary = summarize_poll(&p);
	assert_eq!((summary.voters, summary.weight_cast, summary.hhi), (4, 80, Some(0.34375)));
	assert!(!p.aggregates.matches_ballots(&p.ballots));
	assert!(dataset().polls[0].aggregates.matches_ballots(&dataset().polls[0].ballots));
}

#[test]
fn rows_per_scheme() {
	let rows = rows(&dataset(), RANGE, Grouping::Scheme);
	let groups: Vec<Group> = rows.iter().map(|r| r.group).collect();
	assert_eq!(
		groups,
		vec![
			Group::Scheme(Scheme::Token),
			Group::Scheme(Scheme::Quadratic),
			Group::Scheme(Scheme::Reputation),
			Group::Scheme(Scheme::Council),
			Group::All
		]
	);

	let token = &rows[0];
	assert_eq!((token.polls, token.decisions), (2, 2));
	assert_close(token.participation, 0.15); // (0.2 + 0.1) / 2
	assert_close(token.weight_participation, 0.175); // (0.1 + 0.25) / 2
	assert_close(token.represented_participation, 0.225); // (0.35 + 0.1) / 2
	let latency = token.decision_latency.unwrap(); // [110, 200]
	assert_eq!(
		(latency.count, latency.mean, latency.median, latency.p90),
		(2, 155.0, 155.0, 200.0)
	);
	assert_eq!(token.poll_latency.unwrap().median, 150.0); // [100, 200]
	assert_eq!(token.council_latency.unwrap().median, 35.0); // [50, 20]
	assert_eq!(token.community_latency.unwrap().median, 150.0); // [100, 200]
	assert_eq!(token.gini, Some(0.15625)); // (0.3125 + 0) / 2
	assert_eq!(token.nakamoto, Some(2.0));
	assert_eq!(token.hhi, Some(0.421875)); // (0.34375 + 0.5) / 2
	assert_close(token.effective_voters, (6400.0 / 2200.0 + 2.0) / 2.0);
	assert_eq!(token.delegation_share, Some(0.1875)); // (0.375 + 0) / 2
	assert_eq!(token.delegates_half, Some(1.0)); // P1 has no delegates
	assert_eq!(token.outcomes.get(DecisionOutcome::Approved), 1);
	assert_eq!(token.outcomes.get(DecisionOutcome::Rejected), 1);
	assert_eq!(token.outcomes.total(), 2);
	assert_eq!(token.incidents.get(IncidentKind::EmergencyTaken), 1);
	assert_eq!(token.incidents.total(), 1);

	let quadratic = &rows[1];
	assert_eq!((quadratic.polls, quadratic.decisions), (1, 1));
	assert_eq!((quadratic.participation, quadratic.weight_participation), (Some(0.5), None));
	assert_eq!((quadratic.decision_latency, quadratic.poll_latency), (None, None));
	assert_eq!((quadratic.gini, quadratic.nakamoto), (Some(0.25), Some(2.0)));
	assert_eq!((quadratic.outcomes.total(), quadratic.incidents.total()), (0, 0));

	// P4, D4 and the slash are after the range.
	let reputation = &rows[2];
	assert_eq!((reputation.polls, reputation.decisions), (1, 1));
	assert_eq!(
		(reputation.participation, reputation.weight_participation),
		(Some(0.5), Some(0.25))
	);
	assert_eq!((reputation.gini, reputation.nakamoto, reputation.hhi), (None, None, Some(0.5)));
	assert_eq!(reputation.decision_latency.unwrap().median, 100.0);
	// Community only: no joint latency.
	assert_eq!((reputation.council_latency, reputation.community_latency), (None, None));
	assert_eq!(reputation.outcomes.get(DecisionOutcome::Vetoed), 1);
	assert_eq!(reputation.outcomes.get(DecisionOutcome::Expired), 0);
	assert_eq!(reputation.incidents.total(), 0);

	let council = &rows[3];
	assert_eq!((council.polls, council.decisions), (1, 0));
	assert_eq!(
		(council.participation, council.gini, council.nakamoto),
		(Some(0.6), Some(0.0), Some(2.0))
	);
	assert_close(council.effective_voters, 3.0);
	assert_eq!(council.decision_latency, None);
	assert_eq!(council.incidents.get(IncidentKind::Recusal), 1);

	let all = &rows[4];
	assert_eq!((all.polls, all.decisions), (5, 4));
	assert_close(all.participation, 0.38); // (0.2 + 0.1 + 0.6 + 0.5 + 0.5) / 5
	let latency = all.decision_latency.unwrap(); // [110, 200, 100]
	assert_eq!((latency.count, latency.median, latency.p90), (3, 110.0, 200.0));
	assert!(close(latency.mean, 410.0 / 3.0));
	// The chain-wide lapse counts here only.
	assert_eq!(all.incidents.total(), 3);
	assert_eq!(all.incidents.get(IncidentKind::EmergencyLapsed), 1);
	assert_eq!(all.outcomes.total(), 3);
}

#[test]
fn rows_per_class() {
	let rows = rows(&dataset(), RANGE, Grouping::Class);
	let groups: Vec<Group> = rows.iter().map(|r| r.group).collect();
	assert_eq!(groups, vec![Group::Class(1), Group::Class(2), Group::Class(3), Group::All]);
	let class1 = &rows[0];
	// Token and council polls of the class together.
	assert_eq!((class1.polls, class1.decisions, class1.incidents.total()), (3, 2, 2));
	assert_close(class1.participation, 0.3); // (0.2 + 0.1 + 0.6) / 3
	assert_eq!(rows[2].polls, 1);
	assert_eq!(rows[2].incidents.total(), 0);
}

#[test]
fn the_block_range_filters_everything() {
	let data = dataset();
	let range = BlockRange::new(0, 250);
	let rows = rows(&data, range, Grouping::Scheme);
	// P0 and P2, D0, the emergency and the recusal.
	let (token, all) = (&rows[0], &rows[4]);
	assert_eq!((token.polls, token.decisions, token.incidents.total()), (1, 1, 1));
	assert_eq!(token.participation, Some(0.2));
	assert_eq!((all.polls, all.decisions, all.incidents.total()), (2, 1, 2));
	assert_eq!(poll_summaries(&data, range).len(), 2);
	// Per-class rows list only classes with records in the range.
	let by_class: Vec<Group> =
		crate::aggregate::rows(&data, range, Grouping::Class).iter().map(|r| r.group).collect();
	assert_eq!(by_class, vec![Group::Class(1), Group::All]);
	// After the range of P4 alone.
	let late = crate::aggregate::rows(&data, BlockRange::new(1001, 3000), Grouping::Scheme);
	assert_eq!(late[2].polls, 1);
	assert_eq!(late[2].gini, Some(0.0));
	assert_eq!(late[4].incidents.get(IncidentKind::Slash), 1);
}

#[test]
fn an_empty_dataset_gives_empty_rows() {
	let rows = rows(&Dataset::default(), BlockRange::ALL, Grouping::Scheme);
	assert_eq!(rows.len(), 5);
	for row in &rows {
		assert_eq!((row.polls, row.decisions), (0, 0));
		assert_eq!((row.participation, row.gini, row.nakamoto, row.hhi), (None, None, None, None));
		assert_eq!((row.decision_latency, row.poll_latency), (None, None));
		assert_eq!((row.outcomes.total(), row.incidents.total()), (0, 0));
	}
	assert_eq!(
		crate::aggregate::rows(&Dataset::default(), BlockRange::ALL, Grouping::Class).len(),
		1
	);
}

#[test]
fn a_poll_with_no_voters() {
	let p = PollRecord {
		electorate: Electorate { count: Some(10), weight: Some(100) },
		..poll(9, 1, Scheme::Token, 5)
	};
	let s = summarize_poll(&p);
	assert_eq!(
		(s.voters, s.weight_cast, s.participation, s.weight_participation),
		(0, 0, Some(0.0), Some(0.0))
	);
	assert_eq!(s.represented_participation, Some(0.0));
	assert_eq!(
		(s.gini, s.nakamoto, s.hhi, s.effective_voters, s.delegation_share),
		(None, None, None, None, None)
	);
}

#[test]
fn scheme_lorenz_pools_shares_of_each_poll() {
	let data = dataset();
	// P0 shares [1/8, 1/8, 1/4, 1/2] and P1 [1/2, 1/2]: six values summing to 2.
	assert_eq!(
		scheme_lorenz(&data, RANGE, Scheme::Token, 100),
		vec![
			(0.0, 0.0),
			(1.0 / 6.0, 0.0625),
			(2.0 / 6.0, 0.125),
			(3.0 / 6.0, 0.25),
			(4.0 / 6.0, 0.5),
			(5.0 / 6.0, 0.75),
			(1.0, 1.0)
		]
	);
	// P5 has no ballots; P4 is after the range.
	assert!(scheme_lorenz(&data, RANGE, Scheme::Reputation, 100).is_empty());
	assert_eq!(
		scheme_lorenz(&data, BlockRange::ALL, Scheme::Reputation, 100),
		vec![(0.0, 0.0), (1.0, 1.0)]
	);
}

#[test]
fn counts() {
	let counts: Counts<IncidentKind> =
		[IncidentKind::Slash, IncidentKind::Slash, IncidentKind::Takedown].into_iter().collect();
	assert_eq!((counts.get(IncidentKind::Slash), counts.get(IncidentKind::Takedown)), (2, 1));
	assert_eq!((counts.get(IncidentKind::Challenge), counts.total()), (0, 3));
	let data = dataset();
	// Open decisions have no outcome.
	assert_eq!(outcome_counts(&data.decisions).total(), 4);
	assert_eq!(Group::Class(7).name(), "class 7");
	assert_eq!(Group::Scheme(Scheme::Quadratic).name(), "quadratic");
}
