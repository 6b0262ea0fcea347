//! `ostrom-cli report`: the governance metrics of DESIGN §8 (the paper's Table 1 per scheme,
//! per class and per poll) from a chain's events and state over a block range.
//!
//! 1. Check the node runs Ostrom's runtime (`spec_name` `ostrom`) and still has the state of
//!    the range's first and last blocks.
//! 2. Read `System.Events` of every block in the range (concurrently, in order; a progress bar on
//!    a terminal) and fold them into a [`trace::Trace`].
//! 3. Read the state each poll needs ([`state::Reader::poll_state`]) and fill the records of
//!    `ostrom_metrics` ([`fill`]).
//! 4. Print the rows (table, CSV or JSON) and draw the chart ([`chart`]).

pub mod chart;
pub mod fill;
pub mod state;
pub mod trace;

#[cfg(test)]
mod tests;

use std::{
	collections::BTreeMap,
	io::{self, IsTerminal},
	path::PathBuf,
};

use futures::{stream, StreamExt, TryStreamExt};
use ostrom_metrics::{
	aggregate::{self, Grouping, PollSummary, Row},
	measures::LorenzPoint,
	model::{BlockRange, Dataset, PollIndex, PollRecord, Scheme},
	render::{self, Cell, Column, Format, Table},
};

use crate::{
	progress::{render_blocks, render_polls, ProgressBar},
	rpc::{At, Node, Version},
};

use self::{fill::PollExtras, trace::Trace};

/// Blocks read at once.
const CONCURRENCY: usize = 32;
/// Points per Lorenz curve.
const LORENZ_POINTS: usize = 200;

/// Which rows to print.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum By {
	/// One row per scheme (the paper's Table 1), then `all`.
	Scheme,
	/// One row per class, then `all`.
	Class,
	/// One row per poll.
	Poll,
}

impl std::str::FromStr for By {
	type Err = String;

	fn from_str(s: &str) -> Result<Self, Self::Err> {
		match s {
			"scheme" => Ok(By::Scheme),
			"class" => Ok(By::Class),
			"poll" => Ok(By::Poll),
			other => Err(format!("unknown grouping '{other}': expected scheme, class or poll")),
		}
	}
}

/// What `report` was asked for.
#[derive(Clone, Debug)]
pub struct Options {
	/// The node's WebSocket endpoint.
	pub url: String,
	/// The range's first block (default 0).
	pub from: Option<u32>,
	/// The range's last block (default: the best block).
	pub to: Option<u32>,
	/// The output format.
	pub format: Format,
	/// Which rows to print (default: table all three, CSV per scheme, JSON all).
	pub by: Option<By>,
	/// Where to draw the chart, if anywhere.
	pub chart: Option<PathBuf>,
	/// Latencies in days (from the chain's block time) instead of blocks, in the table and CSV.
	pub days: bool,
	/// Draw progress bars (on a terminal).
	pub progress: bool,
}

/// Everything the report computed.
pub struct Report {
	/// The chain's name.
	pub chain: String,
	/// The runtime's spec version at the range's end.
	pub spec_version: u32,
	/// The range.
	pub range: BlockRange,
	/// Milliseconds per block, if the chain says.
	pub ms_per_block: Option<u64>,
	/// The records.
	pub dataset: Dataset,
	/// What the report adds to each poll.
	pub extras: BTreeMap<PollIndex, PollExtras>,
	/// Things a reader should know (ballots that do not add up, version mismatch).
	pub warnings: Vec<String>,
}

impl Report {
	/// Rows per scheme.
	pub fn schemes(&self) -> Vec<Row> {
		aggregate::rows(&self.dataset, self.range, Grouping::Scheme)
	}

	/// Rows per class.
	pub fn classes(&self) -> Vec<Row> {
		aggregate::rows(&self.dataset, self.range, Grouping::Class)
	}

	/// The Lorenz curve of each scheme.
	pub fn lorenz(&self) -> Vec<(Scheme, Vec<LorenzPoint>)> {
		Scheme::ALL
			.iter()
			.map(|s| (*s, aggregate::scheme_lorenz(&self.dataset, self.range, *s, LORENZ_POINTS)))
			.collect()
	}

	/// The per-poll table: the metrics' columns, then where the poll sits in the chain, its
	/// electorate and whether its ballots add up to its tally.
	pub fn polls_table(&self) -> Table {
		let summaries: Vec<PollSummary> = aggregate::poll_summaries(&self.dataset, self.range);
		let mut table = render::polls_table(&summaries);
		table.columns.extend([
			Column::new("decision", "decision"),
			Column::new("created", "created"),
			Column::new("closed", "closed"),
			Column::new("electorate", "electorate"),
			Column::new("eligible_weight", "eligible weight"),
			Column::new("ballots_match", "ballots = tally"),
		]);
		let records: BTreeMap<PollIndex, &PollRecord> =
			self.dataset.polls.iter().map(|p| (p.index, p)).collect();
		for (row, summary) in table.rows.iter_mut().zip(&summaries) {
			let extras = self.extras.get(&summary.index);
			let record = records.get(&summary.index);
			row.extend([
				Cell::Int(extras.and_then(|e| e.decision).map(u64::from)),
				Cell::Int(extras.map(|e| u64::from(e.created))),
				Cell::Int(extras.and_then(|e| e.closed).map(u64::from)),
				Cell::Int(record.and_then(|r| r.electorate.count)),
				match record.and_then(|r| r.electorate.weight) {
					Some(w) => Cell::Big(w),
					None => Cell::Int(None),
				},
				Cell::Text(
					match extras.map(|e| e.ballots_match) {
						Some(true) => "yes",
						Some(false) => "no",
						None => "-",
					}
					.into(),
				),
			]);
		}
		table
	}

	/// The report in `format` (see [`Options::by`]).
	pub fn render(&self, format: Format, by: Option<By>, days: bool) -> String {
		let ms = if days { self.ms_per_block } else { None };
		let title = format!(
			"Governance metrics of {} (runtime spec {}), blocks #{}–#{}",
			self.chain, self.spec_version, self.range.from, self.range.to
		);
		match (format, by) {
			(Format::Json, None) => self.json(),
			(Format::Table, None) => format!(
				"{title}\n\nPer scheme\n{}\nPer class\n{}\nPer poll\n{}",
				render::render_rows(&self.schemes(), Format::Table, ms),
				render::render_rows(&self.classes(), Format::Table, ms),
				render::render(&self.polls_table(), Format::Table),
			),
			(_, Some(By::Poll)) => render::render(&self.polls_table(), format),
			(_, Some(By::Class)) => render::render_rows(&self.classes(), format, ms),
			(_, _) => render::render_rows(&self.schemes(), format, ms),
		}
	}

	/// The whole report as one JSON object: the chain, the range, the rows per scheme and per
	/// class, the polls, the Lorenz curves and the warnings. Latencies are in blocks.
	pub fn json(&self) -> String {
		let string = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
		let lorenz: Vec<String> = self
			.lorenz()
			.iter()
			.map(|(scheme, points)| {
				let points: Vec<String> =
					points.iter().map(|(x, y)| format!("[{x:.6}, {y:.6}]")).collect();
				format!("{}: [{}]", string(scheme.name()), points.join(", "))
			})
			.collect();
		let warnings: Vec<String> = self.warnings.iter().map(|w| string(w)).collect();
		format!(
			"{{\n\"chain\": {},\n\"spec_version\": {},\n\"range\": {{\"from\": {}, \"to\": {}}},\n\
			 \"ms_per_block\": {},\n\"schemes\": {},\"classes\": {},\"polls\": {},\
			 \"lorenz\": {{{}}},\n\"warnings\": [{}]\n}}\n",
			string(&self.chain),
			self.spec_version,
			self.range.from,
			self.range.to,
			self.ms_per_block.map_or("null".into(), |m| m.to_string()),
			render::render_rows(&self.schemes(), Format::Json, None),
			render::render_rows(&self.classes(), Format::Json, None),
			render::render(&self.polls_table(), Format::Json),
			lorenz.join(", "),
			warnings.join(", "),
		)
	}
}

/// The spec version of `version` if it is Ostrom's runtime (`spec_name` `ostrom`), or why the
/// node at `url` cannot be reported on.
pub fn ostrom_spec_version(url: &str, version: &Version, block: u32) -> Result<u32, String> {
	let ostrom = &ostrom_runtime::VERSION.spec_name;
	if version.spec_name != *ostrom {
		return Err(format!(
			"{url} runs the runtime '{}' at block #{block}, not Ostrom's ('{ostrom}'): it has \
			 none of Ostrom's governance pallets to report on",
			version.spec_name
		));
	}
	Ok(version.spec_version)
}

/// Checks that the node at `at` runs Ostrom's runtime; returns its spec version.
async fn check_ostrom(node: &Node, url: &str, at: At) -> Result<u32, String> {
	ostrom_spec_version(url, &node.version(at).await?, at.number)
}

/// Reads the chain and computes the report.
pub async fn collect(options: &Options) -> Result<Report, String> {
	let node = Node::connect(&options.url).await?;
	let best = node.best_number().await?;
	let to = options.to.unwrap_or(best);
	let from = options.from.unwrap_or(0);
	if to > best {
		return Err(format!("--to {to} is beyond the chain's best block #{best}"));
	}
	if from > to {
		return Err(format!("--from {from} is after --to {to}"));
	}
	let (first, last) = (node.block(from).await?, node.block(to).await?);
	let spec_version = check_ostrom(&node, &options.url, last).await?;
	check_ostrom(&node, &options.url, first).await?;
	let mut warnings = Vec::new();
	if spec_version != ostrom_runtime::VERSION.spec_version {
		warnings.push(format!(
			"the chain runs runtime spec_version {spec_version}, this ostrom-cli was built with \
			 {}: events and state are decoded with the built one's types",
			ostrom_runtime::VERSION.spec_version
		));
	}
	let chain = node.chain_name().await?;
	let ms_per_block = state::ms_per_block(&node, last).await;
	let mut trace = Trace::new(state::classes(&node, first).await?);

	// Every block's events, in order.
	let total = u64::from(to.saturating_sub(from)).saturating_add(1);
	let show = options.progress && io::stderr().is_terminal();
	let mut bar = ProgressBar::new(total, show, render_blocks);
	let node_ref = &node;
	let mut blocks = stream::iter(from..=to)
		.map(|n| async move {
			let at = node_ref.block(n).await?;
			Ok::<_, String>((n, state::events(node_ref, at).await?))
		})
		.buffered(CONCURRENCY);
	let mut done: u64 = 0;
	while let Some((n, events)) = blocks.try_next().await? {
		trace.apply_block(n, &events);
		done = done.saturating_add(1);
		bar.update(done);
	}
	bar.finish();

	// The state of each poll.
	let voice_credits = <ostrom_runtime::Runtime as pallet_voting::Config>::VoiceCredits::get();
	let mut reader = state::Reader::new(&node);
	let mut bar = ProgressBar::new(trace.polls.len() as u64, show, render_polls);
	let mut dataset = Dataset::default();
	let mut extras = BTreeMap::new();
	for (i, poll) in trace.polls.values().enumerate() {
		let state = reader.poll_state(poll, &trace.classes, last).await?;
		let (record, extra) = fill::poll_record(poll, &state, voice_credits);
		if !extra.ballots_match && state.tally.is_some() {
			warnings.push(format!(
				"poll {}: the {} ballots read from its voters' records do not add up to its tally \
				 ({} voters); its distribution measures use the ballots read",
				poll.index,
				record.ballots.len(),
				record.aggregates.voters
			));
		}
		extras.insert(poll.index, extra);
		dataset.polls.push(record);
		bar.update((i as u64).saturating_add(1));
	}
	bar.finish();
	let records: BTreeMap<PollIndex, PollRecord> =
		dataset.polls.iter().map(|p| (p.index, p.clone())).collect();
	dataset.decisions =
		trace.decisions.values().map(|d| fill::decision_record(d, &records)).collect();
	dataset.incidents = trace.incidents.clone();
	Ok(Report {
		chain,
		spec_version,
		range: BlockRange::new(from, to),
		ms_per_block,
		dataset,
		extras,
		warnings,
	})
}

/// `ostrom-cli report`: collects, prints and draws.
pub async fn run(options: Options) -> Result<(), String> {
	let report = collect(&options).await?;
	print!("{}", report.render(options.format, options.by, options.days));
	for warning in &report.warnings {
		eprintln!("warning: {warning}");
	}
	if let Some(path) = &options.chart {
		let title = format!(
			"Ostrom governance metrics: {}, blocks #{}–#{}",
			report.chain, report.range.from, report.range.to
		);
		let ms = if options.days { report.ms_per_block } else { None };
		chart::draw(path, &title, &report.schemes(), &report.lorenz(), ms)?;
		eprintln!("chart written to {}", path.display());
	}
	Ok(())
}
