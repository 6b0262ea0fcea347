//! A short seeded run of the runtime fuzzer: part of the test suite (`scripts/test.sh` runs it
//! with every pallet's `try_state`); `scripts/fuzz.sh` makes long runs.

#![allow(clippy::unwrap_used)]

#[test]
fn short_seeded_runs_keep_every_invariant() {
	let calls =
		std::env::var("OSTROM_FUZZ_CALLS").ok().and_then(|n| n.parse().ok()).unwrap_or(1_500);
	for seed in 1..=3 {
		let report = ostrom_fuzz::run(ostrom_fuzz::Config { seed, calls, ..Default::default() })
			.unwrap_or_else(|failure| panic!("{failure}"));
		assert_eq!(report.calls, calls);
		// The run reached deep into the pallets: calls of every Ostrom pallet succeeded.
		for pallet in [
			"Voting",
			"Constitution",
			"Reputation",
			"Artifacts",
			"QuadraticFunding",
			"Trust",
			"BountyWork",
		] {
			let (made, ok) = report.per_pallet.get(pallet).copied().unwrap_or_default();
			assert!(made > 0 && ok > 0, "seed {seed}: {pallet}: {ok} of {made} calls succeeded");
		}
		println!("seed {seed}: {}", report.summary());
	}
}

#[test]
fn the_same_seed_gives_the_same_run() {
	let config = ostrom_fuzz::Config { seed: 42, calls: 300, ..Default::default() };
	let (a, b) = (ostrom_fuzz::run(config).unwrap(), ostrom_fuzz::run(config).unwrap());
	assert_eq!(
		(a.blocks, a.succeeded, a.failed, a.invalid),
		(b.blocks, b.succeeded, b.failed, b.invalid)
	);
	assert_eq!(a.errors, b.errors);
}
