//! Renderers: a plain-text table, CSV and JSON, hand-written (no dependencies), for
//! `ostrom-cli report --format table|csv|json`.
//!
//! Numbers: a measure that is undefined prints as `-` (text), an empty field (CSV) or `null`
//! (JSON). Fractions print with a fixed number of decimals, rounded to the nearest decimal of the
//! exact binary value by Rust's formatter (`{:.N}`): the column's own precision in the text
//! table, 6 decimals in CSV and JSON. Weights (which exceed JavaScript's 2⁵³) are JSON strings.

use alloc::{
	format,
	string::{String, ToString},
	vec,
	vec::Vec,
};
use core::{fmt::Write, str::FromStr};

use crate::{
	aggregate::{PollSummary, Row},
	measures::{blocks_to_days, Stats},
	model::{DecisionOutcome, IncidentKind},
};

/// Decimals of fractions in CSV and JSON.
const MACHINE_DECIMALS: usize = 6;

/// An output format.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Format {
	/// A plain-text table, columns aligned with spaces.
	Table,
	/// Comma-separated values (RFC 4180), with a header line.
	Csv,
	/// A JSON array of objects, one per row, keyed by column.
	Json,
}

/// The name given to [`Format::from_str`] is not `table`, `csv` or `json`.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct UnknownFormat(pub String);

impl core::fmt::Display for UnknownFormat {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		write!(f, "unknown format '{}': expected table, csv or json", self.0)
	}
}

impl FromStr for Format {
	type Err = UnknownFormat;

	fn from_str(s: &str) -> Result<Self, Self::Err> {
		match s {
			"table" => Ok(Format::Table),
			"csv" => Ok(Format::Csv),
			"json" => Ok(Format::Json),
			other => Err(UnknownFormat(String::from(other))),
		}
	}
}

/// One cell of a table.
#[derive(Clone, PartialEq, Debug)]
pub enum Cell {
	/// Text.
	Text(String),
	/// A count, or `None` if undefined.
	Int(Option<u64>),
	/// A weight (a JSON string, since it may exceed 2⁵³).
	Big(u128),
	/// A fraction or mean, or `None` if undefined, with the decimals the text table shows.
	Num(Option<f64>, usize),
}

impl Cell {
	/// Whether the cell is text (left-aligned in the text table).
	fn is_text(&self) -> bool {
		matches!(self, Cell::Text(_))
	}

	/// The cell as the text table shows it.
	fn text(&self) -> String {
		match self {
			Cell::Text(text) => text.clone(),
			Cell::Int(Some(n)) => n.to_string(),
			Cell::Big(n) => n.to_string(),
			Cell::Num(Some(x), decimals) => format!("{x:.decimals$}"),
			Cell::Int(None) | Cell::Num(None, _) => String::from("-"),
		}
	}

	/// The cell as a CSV field (not yet quoted).
	fn csv(&self) -> String {
		match self {
			Cell::Text(text) => text.clone(),
			Cell::Int(Some(n)) => n.to_string(),
			Cell::Big(n) => n.to_string(),
			Cell::Num(Some(x), _) => format!("{x:.MACHINE_DECIMALS$}"),
			Cell::Int(None) | Cell::Num(None, _) => String::new(),
		}
	}

	/// The cell as a JSON value.
	fn json(&self) -> String {
		match self {
			Cell::Text(text) => json_string(text),
			Cell::Int(Some(n)) => n.to_string(),
			Cell::Big(n) => json_string(&n.to_string()),
			Cell::Num(Some(x), _) => format!("{x:.MACHINE_DECIMALS$}"),
			Cell::Int(None) | Cell::Num(None, _) => String::from("null"),
		}
	}
}

/// A column of a table.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Column {
	/// Its key in CSV headers and JSON objects (snake_case).
	pub key: String,
	/// Its title in the text table.
	pub title: String,
}

impl Column {
	/// A column.
	pub fn new(key: impl Into<String>, title: impl Into<String>) -> Self {
		Column { key: key.into(), title: title.into() }
	}
}

/// A table: columns and rows of cells (a row may be shorter than the columns; missing cells
/// render as undefined).
#[derive(Clone, PartialEq, Debug, Default)]
pub struct Table {
	/// The columns.
	pub columns: Vec<Column>,
	/// The rows.
	pub rows: Vec<Vec<Cell>>,
}

impl Table {
	/// The table with rows and columns swapped: its first column lists the other columns'
	/// titles (key `metric`), then one column per row, named after the row's first cell.
	pub fn transposed(&self) -> Table {
		let mut columns = vec![Column::new("metric", "")];
		columns.extend(self.rows.iter().map(|row| {
			let name = row.first().map(Cell::text).unwrap_or_default();
			Column::new(name.clone(), name)
		}));
		let rows = self
			.columns
			.iter()
			.enumerate()
			.skip(1)
			.map(|(i, column)| {
				let mut cells = vec![Cell::Text(column.title.clone())];
				cells.extend(
					self.rows.iter().map(|row| row.get(i).cloned().unwrap_or(Cell::Int(None))),
				);
				cells
			})
			.collect();
		Table { columns, rows }
	}

	/// The cell of `row` in column `i`.
	fn cell(row: &[Cell], i: usize) -> Cell {
		row.get(i).cloned().unwrap_or(Cell::Int(None))
	}
}

/// `table` in `format`.
pub fn render(table: &Table, format: Format) -> String {
	match format {
		Format::Table => render_text(table),
		Format::Csv => render_csv(table),
		Format::Json => render_json(table),
	}
}

/// A plain-text table: titles, a rule, then the rows; text left-aligned, numbers right-aligned,
/// columns two spaces apart, each line ending in a newline without trailing spaces.
pub fn render_text(table: &Table) -> String {
	let cells: Vec<Vec<Cell>> = table
		.rows
		.iter()
		.map(|row| (0..table.columns.len()).map(|i| Table::cell(row, i)).collect())
		.collect();
	let widths: Vec<usize> = table
		.columns
		.iter()
		.enumerate()
		.map(|(i, column)| {
			cells
				.iter()
				.filter_map(|row| row.get(i))
				.map(|cell| cell.text().chars().count())
				.fold(column.title.chars().count(), usize::max)
		})
		.collect();
	let mut out = String::new();
	let line = |out: &mut String, fields: Vec<(String, bool)>| {
		let mut text = String::new();
		for (i, ((field, left), width)) in fields.iter().zip(widths.iter()).enumerate() {
			if i > 0 {
				text.push_str("  ");
			}
			let pad = width.saturating_sub(field.chars().count());
			if *left {
				text.push_str(field);
				text.extend(core::iter::repeat_n(' ', pad));
			} else {
				text.extend(core::iter::repeat_n(' ', pad));
				text.push_str(field);
			}
		}
		out.push_str(text.trim_end());
		out.push('\n');
	};
	line(
		&mut out,
		table
			.columns
			.iter()
			.enumerate()
			.map(|(i, c)| {
				let left =
					i == 0 || cells.first().and_then(|r| r.get(i)).is_some_and(Cell::is_text);
				(c.title.clone(), left)
			})
			.collect(),
	);
	line(&mut out, widths.iter().map(|w| ("-".repeat(*w), true)).collect());
	for row in &cells {
		line(&mut out, row.iter().map(|cell| (cell.text(), cell.is_text())).collect());
	}
	out
}

/// A CSV field, quoted if it holds a comma, quote or line break (quotes doubled).
fn csv_field(field: &str) -> String {
	if field.contains([',', '"', '\n', '\r']) {
		format!("\"{}\"", field.replace('"', "\"\""))
	} else {
		String::from(field)
	}
}

/// CSV (RFC 4180): a header line of column keys, then one line per row, `\n`-terminated.
pub fn render_csv(table: &Table) -> String {
	let mut out = String::new();
	let header: Vec<String> = table.columns.iter().map(|c| csv_field(&c.key)).collect();
	out.push_str(&header.join(","));
	out.push('\n');
	for row in &table.rows {
		let fields: Vec<String> =
			(0..table.columns.len()).map(|i| csv_field(&Table::cell(row, i).csv())).collect();
		out.push_str(&fields.join(","));
		out.push('\n');
	}
	out
}

/// A JSON string literal of `text`, escaped.
fn json_string(text: &str) -> String {
	let mut out = String::from("\"");
	for c in text.chars() {
		match c {
			'"' => out.push_str("\\\""),
			'\\' => out.push_str("\\\\"),
			'\n' => out.push_str("\\n"),
			'\r' => out.push_str("\\r"),
			'\t' => out.push_str("\\t"),
			c if u32::from(c) < 0x20 => {
				// Writing to a String cannot fail.
				let _ = write!(out, "\\u{:04x}", u32::from(c));
			},
			c => out.push(c),
		}
	}
	out.push('"');
	out
}

/// JSON: an array with one object per row, keyed by column key, in column order.
pub fn render_json(table: &Table) -> String {
	let mut out = String::from("[");
	for (r, row) in table.rows.iter().enumerate() {
		out.push_str(if r == 0 { "\n  {" } else { ",\n  {" });
		for (i, column) in table.columns.iter().enumerate() {
			if i > 0 {
				out.push_str(", ");
			}
			out.push_str(&json_string(&column.key));
			out.push_str(": ");
			out.push_str(&Table::cell(row, i).json());
		}
		out.push('}');
	}
	out.push_str(if table.rows.is_empty() { "]\n" } else { "\n]\n" });
	out
}

// -------------------------------------------------------------------------------------------
// The report's tables.
// -------------------------------------------------------------------------------------------

/// A fraction cell (3 decimals in the text table).
fn fraction(value: Option<f64>) -> Cell {
	Cell::Num(value, 3)
}

/// A count cell.
fn count(value: Option<u32>) -> Cell {
	Cell::Int(value.map(u64::from))
}

/// The table of report rows (one per scheme or class, then `all`): the paper's Table 1 with
/// Ostrom's further measures. Latencies are in blocks, or in days if `ms_per_block` is given.
pub fn rows_table(rows: &[Row], ms_per_block: Option<u64>) -> Table {
	let unit = if ms_per_block.is_some() { "days" } else { "blocks" };
	let latency = |stats: &Option<Stats>, pick: fn(&Stats) -> f64| -> Cell {
		let value = stats.as_ref().map(pick);
		let value = match ms_per_block {
			Some(ms) => value.map(|blocks| blocks_to_days(blocks, ms)),
			None => value,
		};
		Cell::Num(value, if ms_per_block.is_some() { 2 } else { 1 })
	};
	let mut columns = vec![
		Column::new("group", "group"),
		Column::new("polls", "polls"),
		Column::new("decisions", "decisions"),
		Column::new("participation", "participation (voters/electorate)"),
		Column::new("weight_participation", "participation (weight/eligible)"),
		Column::new("represented_participation", "represented (incl. delegators)"),
		Column::new(format!("decision_latency_mean_{unit}"), format!("latency mean ({unit})")),
		Column::new(format!("decision_latency_median_{unit}"), format!("latency median ({unit})")),
		Column::new(format!("decision_latency_p90_{unit}"), format!("latency p90 ({unit})")),
		Column::new(format!("poll_latency_median_{unit}"), format!("poll latency median ({unit})")),
		Column::new(
			format!("council_latency_median_{unit}"),
			format!("joint: council median ({unit})"),
		),
		Column::new(
			format!("community_latency_median_{unit}"),
			format!("joint: community median ({unit})"),
		),
		Column::new("gini", "Gini"),
		Column::new("nakamoto", "Nakamoto"),
		Column::new("hhi", "HHI"),
		Column::new("effective_voters", "effective voters"),
		Column::new("delegation_share", "delegated share"),
		Column::new("delegates_half", "delegates holding half"),
	];
	columns.extend(
		DecisionOutcome::ALL.iter().map(|o| {
			Column::new(format!("outcome_{}", o.name()), format!("outcome: {}", o.name()))
		}),
	);
	columns.extend(
		IncidentKind::ALL.iter().map(|k| {
			Column::new(format!("incident_{}", k.name()), format!("incident: {}", k.name()))
		}),
	);
	columns.push(Column::new("incidents", "incidents"));

	let rows = rows
		.iter()
		.map(|row| {
			let mut cells = vec![
				Cell::Text(row.group.name()),
				count(Some(row.polls)),
				count(Some(row.decisions)),
				fraction(row.participation),
				fraction(row.weight_participation),
				fraction(row.represented_participation),
				latency(&row.decision_latency, |s| s.mean),
				latency(&row.decision_latency, |s| s.median),
				latency(&row.decision_latency, |s| s.p90),
				latency(&row.poll_latency, |s| s.median),
				latency(&row.council_latency, |s| s.median),
				latency(&row.community_latency, |s| s.median),
				fraction(row.gini),
				Cell::Num(row.nakamoto, 2),
				fraction(row.hhi),
				Cell::Num(row.effective_voters, 2),
				fraction(row.delegation_share),
				Cell::Num(row.delegates_half, 2),
			];
			cells.extend(DecisionOutcome::ALL.iter().map(|o| count(Some(row.outcomes.get(*o)))));
			cells.extend(IncidentKind::ALL.iter().map(|k| count(Some(row.incidents.get(*k)))));
			cells.push(count(Some(row.incidents.total())));
			cells
		})
		.collect();
	Table { columns, rows }
}

/// The table of per-poll measures, one row per poll.
pub fn polls_table(polls: &[PollSummary]) -> Table {
	let columns = vec![
		Column::new("poll", "poll"),
		Column::new("class", "class"),
		Column::new("scheme", "scheme"),
		Column::new("kind", "kind"),
		Column::new("outcome", "outcome"),
		Column::new("voters", "voters"),
		Column::new("weight_cast", "weight cast"),
		Column::new("participation", "participation"),
		Column::new("weight_participation", "weight part."),
		Column::new("represented_participation", "represented"),
		Column::new("latency_blocks", "latency (blocks)"),
		Column::new("gini", "Gini"),
		Column::new("nakamoto", "Nakamoto"),
		Column::new("hhi", "HHI"),
		Column::new("effective_voters", "eff. voters"),
		Column::new("delegation_share", "delegated"),
		Column::new("delegates_half", "delegates half"),
	];
	let rows = polls
		.iter()
		.map(|p| {
			vec![
				Cell::Int(Some(u64::from(p.index))),
				Cell::Int(Some(u64::from(p.class))),
				Cell::Text(String::from(p.scheme.name())),
				Cell::Text(String::from(p.kind.name())),
				Cell::Text(String::from(p.outcome.name())),
				count(Some(p.voters)),
				Cell::Big(p.weight_cast),
				fraction(p.participation),
				fraction(p.weight_participation),
				fraction(p.represented_participation),
				count(p.latency),
				fraction(p.gini),
				count(p.nakamoto),
				fraction(p.hhi),
				Cell::Num(p.effective_voters, 2),
				fraction(p.delegation_share),
				count(p.delegates_half),
			]
		})
		.collect();
	Table { columns, rows }
}

/// The report rows in `format`: the text table lists the measures down and the groups across
/// (there are too many measures for one line per group); CSV and JSON have one record per group.
pub fn render_rows(rows: &[Row], format: Format, ms_per_block: Option<u64>) -> String {
	let table = rows_table(rows, ms_per_block);
	match format {
		Format::Table => render_text(&table.transposed()),
		_ => render(&table, format),
	}
}

/// The per-poll measures in `format`, one line or record per poll.
pub fn render_polls(polls: &[PollSummary], format: Format) -> String {
	render(&polls_table(polls), format)
}
