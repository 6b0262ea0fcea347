//! `ostrom-fuzz`: seeded random runs of the Ostrom runtime (see the crate's documentation).
//!
//! ```sh
//! ostrom-fuzz --seed 1 --calls 1000000          # one long run
//! ostrom-fuzz --seeds 1..=8 --calls 20000        # several seeds, one after the other
//! ```

use clap::Parser;
use std::{ops::RangeInclusive, process::ExitCode, time::Instant};

/// Seeded random runs of the Ostrom runtime, checking its invariants after every block.
#[derive(Parser, Debug)]
#[command(name = "ostrom-fuzz", version)]
struct Args {
	/// The seed of a single run.
	#[arg(long, default_value_t = 0, conflicts_with = "seeds")]
	seed: u64,
	/// Runs these seeds one after the other, e.g. `1..=8`.
	#[arg(long, value_parser = parse_range)]
	seeds: Option<RangeInclusive<u64>>,
	/// Calls per run.
	#[arg(long, default_value_t = 10_000)]
	calls: u64,
	/// At most this many calls per block.
	#[arg(long, default_value_t = 24)]
	max_calls_per_block: u32,
	/// Also print how often each error was returned.
	#[arg(long)]
	errors: bool,
}

fn parse_range(text: &str) -> Result<RangeInclusive<u64>, String> {
	let (from, to) = text.split_once("..=").ok_or("write the range as FROM..=TO")?;
	let from = from.trim().parse::<u64>().map_err(|e| e.to_string())?;
	let to = to.trim().parse::<u64>().map_err(|e| e.to_string())?;
	if from > to {
		return Err("the range is empty".into());
	}
	Ok(from..=to)
}

fn main() -> ExitCode {
	let args = Args::parse();
	let seeds = args.seeds.clone().unwrap_or(args.seed..=args.seed);
	let started = Instant::now();
	let mut total = 0u64;
	for seed in seeds {
		let config = ostrom_fuzz::Config {
			seed,
			calls: args.calls,
			max_calls_per_block: args.max_calls_per_block,
		};
		let run_started = Instant::now();
		match ostrom_fuzz::run(config) {
			Ok(report) => {
				total = total.saturating_add(report.calls);
				println!("seed {seed}: {:.1} s", run_started.elapsed().as_secs_f64());
				print!("{}", report.summary());
				if args.errors {
					for (error, count) in &report.errors {
						println!("  {count:>9}  {error}");
					}
				}
			},
			Err(failure) => {
				eprintln!("{failure}");
				return ExitCode::FAILURE;
			},
		}
	}
	println!(
		"all runs passed: {total} calls in {:.1} s ({} checks of every pallet's try_state)",
		started.elapsed().as_secs_f64(),
		if cfg!(feature = "try-runtime") { "with" } else { "without" }
	);
	ExitCode::SUCCESS
}
