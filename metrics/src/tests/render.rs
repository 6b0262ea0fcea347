//! The renderers, against exact expected output.

use crate::{
	aggregate::{poll_summaries, rows, Grouping, Row},
	measures::Stats,
	model::*,
	render::*,
};
use alloc::{string::String, vec, vec::Vec};

/// A small table with every kind of cell, and fields that need quoting or escaping.
fn table() -> Table {
	Table {
		columns: vec![
			Column::new("name", "name"),
			Column::new("n", "count"),
			Column::new("w", "weight"),
			Column::new("x", "share"),
		],
		rows: vec![
			vec![
				Cell::Text("token".into()),
				Cell::Int(Some(12)),
				Cell::Big(1 << 70),
				Cell::Num(Some(0.25), 3),
			],
			vec![
				Cell::Text("a, \"b\"\n".into()),
				Cell::Int(None),
				Cell::Big(0),
				Cell::Num(None, 3),
			],
			// A short row: the missing cell is undefined.
			vec![Cell::Text("c\\\u{1}".into()), Cell::Int(Some(3)), Cell::Big(5)],
		],
	}
}

#[test]
fn formats_parse() {
	assert_eq!("table".parse::<Format>(), Ok(Format::Table));
	assert_eq!("csv".parse::<Format>(), Ok(Format::Csv));
	assert_eq!("json".parse::<Format>(), Ok(Format::Json));
	let err = "xml".parse::<Format>().unwrap_err();
	assert_eq!(err, UnknownFormat("xml".into()));
	assert_eq!(alloc::format!("{err}"), "unknown format 'xml': expected table, csv or json");
}

#[test]
fn text_table() {
	let t = Table { rows: vec![table().rows[0].clone(), table().rows[2].clone()], ..table() };
	assert_eq!(
		render(&t, Format::Table),
		"name   count                  weight  share\n\
		 -----  -----  ----------------------  -----\n\
		 token     12  1180591620717411303424  0.250\n\
		 c\\\u{1}        3                       5      -\n"
	);
}

#[test]
fn csv_quotes_and_leaves_undefined_empty() {
	assert_eq!(
		render(&table(), Format::Csv),
		"name,n,w,x\n\
		 token,12,1180591620717411303424,0.250000\n\
		 \"a, \"\"b\"\"\n\",,0,\n\
		 c\\\u{1},3,5,\n"
	);
}

#[test]
fn json_escapes_and_uses_null() {
	assert_eq!(
		render(&table(), Format::Json),
		"[\n  \
		 {\"name\": \"token\", \"n\": 12, \"w\": \"1180591620717411303424\", \"x\": 0.250000},\n  \
		 {\"name\": \"a, \\\"b\\\"\\n\", \"n\": null, \"w\": \"0\", \"x\": null},\n  \
		 {\"name\": \"c\\\\\\u0001\", \"n\": 3, \"w\": \"5\", \"x\": null}\n\
		 ]\n"
	);
	assert_eq!(render(&Table::default(), Format::Json), "[]\n");
	assert_eq!(render(&Table::default(), Format::Csv), "\n");
}

#[test]
fn transposed_lists_columns_down() {
	let t = table().transposed();
	let keys: Vec<&str> = t.columns.iter().map(|c| c.key.as_str()).collect();
	assert_eq!(keys, vec!["metric", "token", "a, \"b\"\n", "c\\\u{1}"]);
	assert_eq!(t.rows.len(), 3);
	assert_eq!(t.rows[0][0], Cell::Text("count".into()));
	assert_eq!(t.rows[2][1], Cell::Num(Some(0.25), 3));
	assert_eq!(t.rows[2][3], Cell::Int(None));
}

/// A row with known values.
fn row() -> Row {
	let data = Dataset::default();
	let mut row = rows(&data, BlockRange::ALL, Grouping::Scheme).remove(0);
	row.polls = 2;
	row.participation = Some(0.15);
	row.decision_latency = Stats::of_blocks(&[14_400, 28_800]);
	row.gini = Some(0.5);
	row.outcomes.add(DecisionOutcome::Approved);
	row.incidents.add(IncidentKind::Slash);
	row.incidents.add(IncidentKind::Slash);
	row
}

#[test]
fn report_rows_in_blocks_and_days() {
	let t = rows_table(&[row()], None);
	assert_eq!(t.columns.len(), 18 + 7 + 8 + 1);
	assert_eq!(t.columns.len(), t.rows[0].len());
	let csv = render(&t, Format::Csv);
	let mut lines = csv.lines();
	let header = lines.next().unwrap();
	assert!(header.starts_with(
		"group,polls,decisions,participation,weight_participation,represented_participation,\
		 decision_latency_mean_blocks,decision_latency_median_blocks,decision_latency_p90_blocks,"
	));
	assert!(header.ends_with(
		"outcome_approved,outcome_rejected,outcome_vetoed,outcome_appealed,outcome_overridden,\
		 outcome_expired,outcome_voided,incident_emergency_taken,incident_emergency_lapsed,\
		 incident_emergency_ratified,incident_cancellation,incident_slash,incident_takedown,\
		 incident_recusal,incident_challenge,incidents"
	));
	let values = lines.next().unwrap();
	assert!(values.starts_with("token,2,0,0.150000,,,21600.000000,21600.000000,28800.000000,"));
	assert!(values.ends_with(",1,0,0,0,0,0,0,0,0,0,0,2,0,0,0,2"));

	// In days at 6 s per block: 1.5 days mean, 2 days p90.
	let days = rows_table(&[row()], Some(6000));
	assert_eq!(days.columns[6].key, "decision_latency_mean_days");
	assert_eq!(days.rows[0][6], Cell::Num(Some(1.5), 2));
	assert_eq!(days.rows[0][8], Cell::Num(Some(2.0), 2));
}

#[test]
fn report_rows_text_is_transposed() {
	let text = render_rows(&[row()], Format::Table, Some(6000));
	let lines: Vec<&str> = text.lines().collect();
	assert_eq!(lines[0].split_whitespace().collect::<Vec<_>>(), vec!["token"]);
	// The titles are padded to the longest, "participation (voters/electorate)" (33); the values
	// are right-aligned to the group's name, "token" (5).
	let line = |title: &str, value: &str| alloc::format!("{title:<33}  {value:>5}");
	let lines: Vec<String> = lines.iter().map(|l| String::from(*l)).collect();
	assert!(lines.contains(&line("participation (voters/electorate)", "0.150")));
	assert!(lines.contains(&line("latency median (days)", "1.50")));
	assert!(lines.contains(&line("Gini", "0.500")));
	assert!(lines.contains(&line("Nakamoto", "-")));
	assert!(lines.contains(&line("incident: slash", "2")));
	// JSON and CSV have one record per row.
	let json = render_rows(&[row(), row()], Format::Json, None);
	assert_eq!(json.matches("\"group\": \"token\"").count(), 2);
	assert_eq!(render_rows(&[row()], Format::Csv, None).lines().count(), 2);
}

#[test]
fn per_poll_table() {
	let poll = PollRecord {
		index: 7,
		class: 2,
		decision: None,
		scheme: Scheme::Quadratic,
		kind: PollKind::Community,
		created: 10,
		closed: Some(30),
		outcome: PollOutcome::TimedOut,
		ballots: vec![Ballot::own(1), Ballot::own(3)],
		aggregates: Aggregates::default(),
		electorate: Electorate { count: Some(8), weight: None },
	};
	let data = Dataset { polls: vec![poll], ..Default::default() };
	let csv = render_polls(&poll_summaries(&data, BlockRange::ALL), Format::Csv);
	assert_eq!(
		csv,
		"poll,class,scheme,kind,outcome,voters,weight_cast,participation,weight_participation,\
		 represented_participation,latency_blocks,gini,nakamoto,hhi,effective_voters,\
		 delegation_share,delegates_half\n\
		 7,2,quadratic,community,timed_out,2,4,0.250000,,0.250000,20,0.250000,1,0.625000,1.600000,\
		 0.000000,\n"
	);
	let text = render_polls(&poll_summaries(&data, BlockRange::ALL), Format::Table);
	assert_eq!(text.lines().count(), 3);
	let _: String = text;
}
