//! `ostrom-cli`: command-line tools for Ostrom chains.
//!
//! `ostrom-cli artifact verify FILE --url ws://127.0.0.1:9944` hashes a local file (streamed,
//! with a progress bar), looks both its SHA2-256 and BLAKE2b-256 hashes up in the chain's
//! artifact registry and prints what the chain knows: name, stage, licence, attestations and
//! lineage. Exit code: 0 registered, 1 unknown, 2 suspended, 3 withdrawn, 4 error.
//!
//! `ostrom-cli report --url ws://… [--from N] [--to M] [--format table|json|csv] [--chart
//! FILE.svg]` reads the chain's events and state over a block range and prints the governance
//! metrics of each voting scheme side by side (the paper's Table 1), per class and per poll,
//! and draws them. Exit code: 0, or 4 on an error (no Ostrom runtime, pruned state, …).
//!
//! `ostrom-cli merit --url ws://… [--at N] [--seeds council|ADDR,…] [--budget P] [--submit
//! --suri //Alice] [--verify --evidence 0x…]` computes MeritRank merit from the web of trust
//! (`Trust.Endorsements` of persons) at a block, prints it next to plain endorsement counting,
//! and publishes it as attestations in the `merit` reputation domain, or checks published
//! evidence. Exit code: 0, 1 when `--verify` finds another evidence, 4 on an error.

mod chain;
mod governance;
mod hash;
mod merit;
mod progress;
mod report;
mod rpc;

use std::{path::PathBuf, process::ExitCode};

use clap::{Parser, Subcommand};

use crate::report::Verdict;

#[derive(Debug, Parser)]
#[command(name = "ostrom-cli", version, about = "Command-line tools for Ostrom chains")]
struct Cli {
	#[command(subcommand)]
	command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
	/// The artifact registry: models, datasets, evaluation suites and more.
	#[command(subcommand)]
	Artifact(ArtifactCommand),
	/// Governance metrics from the chain: participation, decision latency, Gini and Nakamoto
	/// coefficients, delegation, outcomes and incidents for each voting scheme side by side
	/// (the paper's Table 1), per class and per poll. Needs a node that keeps the state of the
	/// range (an archive node for old blocks).
	Report {
		/// WebSocket RPC endpoint of an Ostrom node.
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		/// First block of the range (polls and decisions created from it on are reported).
		#[arg(long)]
		from: Option<u32>,
		/// Last block of the range (default: the best block).
		#[arg(long)]
		to: Option<u32>,
		/// Output format: table, csv or json.
		#[arg(long, default_value = "table", value_parser = parse_format)]
		format: ostrom_metrics::render::Format,
		/// Rows to print: scheme, class or poll (default: all three in a table or JSON, per
		/// scheme in CSV).
		#[arg(long)]
		by: Option<governance::By>,
		/// Also draw the charts (per-scheme bars and Lorenz curves) into this SVG file.
		#[arg(long, value_name = "FILE.svg")]
		chart: Option<PathBuf>,
		/// Latencies in days (from the chain's block time) instead of blocks (table and CSV).
		#[arg(long)]
		days: bool,
		/// Do not draw progress bars while reading blocks.
		#[arg(long)]
		no_progress: bool,
	},
	/// MeritRank: Sybil-tolerant merit from the web of trust (the endorsements of persons in
	/// pallet-trust) at a block, next to plain endorsement counting. Personalised random walks
	/// from the seeds, with transitivity decay (--alpha) and connectivity decay (--gamma),
	/// seeded from the block hash: anyone re-running it at the same block with the same flags
	/// gets the same points and the same evidence hash. --submit publishes the points as
	/// reputation.attest in the merit domain (one utility.batch_all, within the attester's
	/// limits); --verify --evidence 0x… checks published evidence (exit code 0 if it matches, 1
	/// if not).
	Merit {
		/// WebSocket RPC endpoint of an Ostrom node.
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		/// The block to read the graph at (default: the last finalized block). The node must
		/// still have its state (an archive node for old blocks).
		#[arg(long)]
		at: Option<u32>,
		/// Where the walks start: `council` (the seated council members) or a comma-separated
		/// list of SS58 or 0x-hex accounts.
		#[arg(long, default_value = "council")]
		seeds: merit::Seeds,
		/// The reputation domain to publish in, by name.
		#[arg(long, default_value = "merit")]
		domain: String,
		/// Points shared out among the accounts (largest remainder).
		#[arg(long, default_value_t = 1_000)]
		budget: u64,
		/// Transitivity decay: the probability that a walk stops before each step.
		#[arg(long, default_value = "0.15", value_parser = merit::ppm)]
		alpha: u32,
		/// Walks from each seed.
		#[arg(long, default_value_t = 10_000)]
		walks: u32,
		/// Connectivity decay: the largest share of its score an account reached mostly
		/// through one bridge account loses.
		#[arg(long, default_value = "0.5", value_parser = merit::ppm)]
		gamma: u32,
		/// The share of an account's walks that must pass one bridge account for connectivity
		/// decay to apply.
		#[arg(long, default_value = "0.75", value_parser = merit::ppm)]
		bridge_threshold: u32,
		/// Output format: table or json.
		#[arg(long, default_value = "table")]
		format: merit::Format,
		/// Publish the points as attestations in the domain (needs --suri of an attester).
		#[arg(long, conflicts_with = "verify", requires = "suri")]
		submit: bool,
		/// Secret URI of the attester that signs (`//Alice` on a dev chain, a mnemonic, …).
		#[arg(long)]
		suri: Option<String>,
		/// Recompute and compare with --evidence: exit code 0 if it matches, 1 if not.
		#[arg(long, requires = "evidence")]
		verify: bool,
		/// The evidence hash (0x…) of published merit, for --verify.
		#[arg(long)]
		evidence: Option<String>,
	},
}

#[derive(Debug, Subcommand)]
enum ArtifactCommand {
	/// Check a local file against the registry. Exit code: 0 registered, 1 unknown,
	/// 2 suspended, 3 withdrawn, 4 error.
	Verify {
		/// The file to check.
		file: PathBuf,
		/// WebSocket RPC endpoint of an Ostrom node.
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		/// Generations of lineage to show.
		#[arg(long, default_value_t = 8)]
		depth: u32,
		/// Do not draw a progress bar while hashing.
		#[arg(long)]
		no_progress: bool,
	},
	/// Print a file's content hashes, as `register` takes them.
	Hash {
		/// The file to hash.
		file: PathBuf,
		/// Do not draw a progress bar while hashing.
		#[arg(long)]
		no_progress: bool,
	},
}

/// `table`, `csv` or `json`.
fn parse_format(s: &str) -> Result<ostrom_metrics::render::Format, String> {
	s.parse().map_err(|e: ostrom_metrics::render::UnknownFormat| e.to_string())
}

/// A 32-byte hash from `0x`-prefixed hex.
fn parse_hash(text: &str) -> Result<sp_core::H256, String> {
	let bytes = hex::decode(text.trim_start_matches("0x"))
		.map_err(|e| format!("--evidence {text:?} is not hex: {e}"))?;
	let bytes: [u8; 32] =
		bytes.try_into().map_err(|_| format!("--evidence {text:?} is not 32 bytes"))?;
	Ok(sp_core::H256(bytes))
}

/// Exit code for failures (unreadable file, unreachable node, undecodable answer).
const ERROR: u8 = 4;

fn main() -> ExitCode {
	let cli = Cli::parse();
	let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
		Ok(runtime) => runtime,
		Err(e) => {
			eprintln!("error: {e}");
			return ExitCode::from(ERROR);
		},
	};
	match runtime.block_on(run(cli.command)) {
		Ok(code) => ExitCode::from(code),
		Err(e) => {
			eprintln!("error: {e}");
			ExitCode::from(ERROR)
		},
	}
}

async fn run(command: Command) -> Result<u8, String> {
	match command {
		Command::Merit {
			url,
			at,
			seeds,
			domain,
			budget,
			alpha,
			walks,
			gamma,
			bridge_threshold,
			format,
			submit,
			suri,
			verify,
			evidence,
		} => {
			let verify = match (verify, evidence) {
				(true, Some(hex)) => Some(parse_hash(&hex)?),
				_ => None,
			};
			let params = ostrom_meritrank::Params {
				alpha_ppm: alpha,
				walks,
				gamma_ppm: gamma,
				bridge_threshold_ppm: bridge_threshold,
				..Default::default()
			};
			let options = merit::Options {
				url,
				at,
				seeds,
				domain,
				budget,
				params,
				format,
				submit: if submit { suri } else { None },
				verify,
			};
			merit::run(options).await
		},
		Command::Report { url, from, to, format, by, chart, days, no_progress } => {
			let options = governance::Options {
				url,
				from,
				to,
				format,
				by,
				chart,
				days,
				progress: !no_progress,
			};
			governance::run(options).await?;
			Ok(0)
		},
		Command::Artifact(ArtifactCommand::Hash { file, no_progress }) => {
			let hashes = hash::hash_file(&file, !no_progress)
				.map_err(|e| format!("cannot read {}: {e}", file.display()))?;
			for candidate in hashes.candidates() {
				println!("{}", report::tagged(&candidate));
			}
			println!("size {}", hashes.size);
			Ok(0)
		},
		Command::Artifact(ArtifactCommand::Verify { file, url, depth, no_progress }) => {
			let chain = chain::Chain::connect(&url).await?;
			let hashes = hash::hash_file(&file, !no_progress)
				.map_err(|e| format!("cannot read {}: {e}", file.display()))?;
			for candidate in hashes.candidates() {
				if let Some(view) = chain.artifact(&candidate).await? {
					let lineage = chain.lineage(&candidate, depth).await?;
					print!("{}", report::registered(&view, &lineage, hashes.size));
					let verdict = Verdict::of(&view.stage);
					match verdict {
						Verdict::Suspended => eprintln!("{}: suspended", file.display()),
						Verdict::Withdrawn => eprintln!("{}: withdrawn", file.display()),
						_ => {},
					}
					return Ok(verdict.exit_code());
				}
			}
			let [sha2, blake2] = hashes.candidates();
			println!("unknown    {} is not registered", file.display());
			println!("           {}", report::tagged(&sha2));
			println!("           {}", report::tagged(&blake2));
			Ok(Verdict::Unknown.exit_code())
		},
	}
}
