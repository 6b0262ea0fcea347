//! # Ostrom runtime fuzzer
//!
//! Drives the real runtime (`construct_runtime`, native) through blocks built as a node builds
//! them (`Executive::initialize_block`, the timestamp inherent, signed extrinsics through every
//! transaction extension, `Executive::finalize_block`), with seeded random calls of every
//! Ostrom pallet and of the reused pallets, signed by a pool of accounts, and with calls
//! dispatched by governance origins (each class's `Origin::Class`, the houses' `Origin::House`),
//! as approved decisions are. After every block it checks:
//!
//! - no panic (a panicking call is reported with the seed and the calls that led to it);
//! - every pallet's `try_state` (with the `try-runtime` feature);
//! - total issuance changes only by what the balances pallet reports as minted, burned or lost
//!   as dust (fees and slashed deposits go to the treasury, which burns nothing), and equals the
//!   sum of all accounts' balances;
//! - the normal and operational block weight within the runtime's limits.
//!
//! A run is reproducible from its seed: the same seed and call count give the same blocks.

#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]

mod calls;
mod rng;

use std::collections::{BTreeMap, VecDeque};

use codec::Encode;
use frame_support::dispatch::DispatchClass;
use ostrom_runtime::{
	genesis_config_presets, AccountId, Executive, Header, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeOrigin, SignedPayload, System, TxExtension, UncheckedExtrinsic,
};
use sp_core::{sr25519, Pair};
use sp_runtime::{
	traits::{Dispatchable, Header as _},
	Digest, DigestItem,
};

pub use calls::Actor;
pub use rng::Rng;

/// How many calls a failure report shows, counting back from the failing one.
const TRACE_LEN: usize = 24;

/// What the faucet tops a signer's spendable balance up to.
const FAUCET: u128 = 10_000 * ostrom_runtime::currency::UNIT;

/// The faucet runs at the start of every block whose number is a multiple of this.
const FAUCET_EVERY: u32 = 25;

/// What to run.
#[derive(Clone, Copy, Debug)]
pub struct Config {
	/// The seed: the same seed gives the same run.
	pub seed: u64,
	/// Calls to make in all.
	pub calls: u64,
	/// At most this many calls per block (the number is drawn per block).
	pub max_calls_per_block: u32,
}

impl Default for Config {
	fn default() -> Self {
		Self { seed: 0, calls: 2_000, max_calls_per_block: 24 }
	}
}

/// What a run did.
#[derive(Clone, Debug, Default)]
pub struct Report {
	/// Blocks produced.
	pub blocks: u32,
	/// Calls made.
	pub calls: u64,
	/// Calls whose dispatch succeeded.
	pub succeeded: u64,
	/// Calls dispatched that returned an error (a named error, no state change).
	pub failed: u64,
	/// Signed calls the transaction pipeline refused before dispatch (no funds for the fee,
	/// block full, call filtered by the emergency brakes …).
	pub invalid: u64,
	/// Per pallet: calls made and calls that succeeded.
	pub per_pallet: BTreeMap<String, (u64, u64)>,
	/// Per pallet and error: how often a dispatch failed with it.
	pub errors: BTreeMap<String, u64>,
}

impl Report {
	/// A short summary: totals and the calls per pallet.
	pub fn summary(&self) -> String {
		let mut out = format!(
			"{} calls in {} blocks: {} succeeded, {} failed with a named error, {} refused by the \
			 transaction pipeline\n",
			self.calls, self.blocks, self.succeeded, self.failed, self.invalid
		);
		for (pallet, (made, ok)) in &self.per_pallet {
			out.push_str(&format!("  {pallet:<18} {made:>9} calls {ok:>9} succeeded\n"));
		}
		out
	}
}

/// A run that broke an invariant or panicked.
#[derive(Clone, Debug)]
pub struct Failure {
	/// The seed of the run.
	pub seed: u64,
	/// The block in which it happened.
	pub block: u32,
	/// What went wrong.
	pub what: String,
	/// The last calls before the failure (origin and call), oldest first.
	pub trace: Vec<String>,
}

impl core::fmt::Display for Failure {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		writeln!(f, "seed {} failed in block {}: {}", self.seed, self.block, self.what)?;
		writeln!(f, "last calls, oldest first:")?;
		for line in &self.trace {
			writeln!(f, "  {line}")?;
		}
		Ok(())
	}
}

/// The accounts that sign: the six well-known development accounts (endowed by the development
/// preset; Alice, Bob and Charlie hold council seats, Dave and Eve are guardians, Alice is an
/// issuer and attester) and four fresh ones; the run's faucet funds all but the last. Before the
/// first block Alice makes Bob, Eve and the first two fresh accounts persons (see
/// [`PERSONS`]), so that calls only persons may make (endorsements, quadratic votes,
/// contributions) reach their pallets from the start.
pub fn signers() -> Vec<sr25519::Pair> {
	use sp_keyring::Sr25519Keyring as K;
	let mut pairs: Vec<sr25519::Pair> = [K::Alice, K::Bob, K::Charlie, K::Dave, K::Eve, K::Ferdie]
		.iter()
		.map(|k| k.pair())
		.collect();
	for i in 0..4 {
		pairs.push(
			sr25519::Pair::from_string(&format!("//fuzz{i}"), None).expect("a valid derivation"),
		);
	}
	pairs
}

/// The signers (indices into [`signers`]) Alice makes persons before the first block, with
/// person ids `100 + index` (outside the ids random credential calls use) for a year.
pub const PERSONS: [usize; 4] = [1, 4, 6, 7];

/// The state a run keeps between blocks.
struct Run {
	rng: Rng,
	signers: Vec<sr25519::Pair>,
	accounts: Vec<AccountId>,
	report: Report,
	trace: VecDeque<String>,
	parent_hash: sp_core::H256,
}

/// Runs `config` on a fresh development chain.
pub fn run(config: Config) -> Result<Report, Failure> {
	let storage = genesis_config_presets::preset_storage(&sp_genesis_builder::PresetId::from(
		sp_genesis_builder::DEV_RUNTIME_PRESET,
	))
	.map_err(|what| Failure { seed: config.seed, block: 0, what, trace: vec![] })?;
	let mut ext = sp_io::TestExternalities::new(storage);
	let signers = signers();
	let accounts = signers.iter().map(|p| AccountId::from(p.public())).collect();
	let mut run = Run {
		rng: Rng::new(config.seed),
		signers,
		accounts,
		report: Report::default(),
		trace: VecDeque::with_capacity(TRACE_LEN),
		parent_hash: Default::default(),
	};
	ext.execute_with(|| {
		// Genesis is block 0; hashes of earlier blocks are what the transaction extensions check.
		run.parent_hash = frame_system::BlockHash::<Runtime>::get(0);
		run.faucet();
		run.persons();
		let mut block = 0u32;
		while run.report.calls < config.calls {
			block += 1;
			let budget = run.rng.below(config.max_calls_per_block as u64 + 1);
			let budget = budget.min(config.calls - run.report.calls);
			run.block(block, budget).map_err(|what| Failure {
				seed: config.seed,
				block,
				what,
				trace: run.trace.iter().cloned().collect(),
			})?;
			run.report.blocks = block;
		}
		Ok(run.report.clone())
	})
}

/// The name of a call's pallet and the call, e.g. `Voting.vote`.
fn call_name(call: &RuntimeCall) -> (String, String) {
	use frame_support::traits::GetCallMetadata;
	let meta = call.get_call_metadata();
	(meta.pallet_name.to_string(), meta.function_name.to_string())
}

impl Run {
	/// A faucet: every signer but the last gets its spendable balance topped up to
	/// [`FAUCET`] (minted, which the issuance check sees as a `Minted` event), so that long runs
	/// keep reaching the pallets instead of failing on fees once transfers and votes have drained
	/// or frozen the accounts. The last signer never gets any, so calls from an account that
	/// cannot pay are tried too.
	fn faucet(&self) {
		use frame_support::traits::{
			fungible::{Inspect, Mutate},
			tokens::{Fortitude, Preservation},
		};
		for who in self.accounts.iter().take(self.accounts.len().saturating_sub(1)) {
			let spendable = ostrom_runtime::Balances::reducible_balance(
				who,
				Preservation::Preserve,
				Fortitude::Polite,
			);
			if spendable < FAUCET / 10 {
				let _ = ostrom_runtime::Balances::mint_into(who, FAUCET - spendable);
			}
		}
	}

	/// Alice (the development issuer) makes the signers of [`PERSONS`] persons for a year.
	fn persons(&self) {
		let alice = RuntimeOrigin::signed(self.accounts[0].clone());
		for i in PERSONS {
			let _ = ostrom_runtime::Reputation::issue_credential(
				alice.clone(),
				self.accounts[i].clone(),
				100 + i as u64,
				365 * ostrom_runtime::time::DAYS,
			);
		}
	}

	/// Produces block `n` with `budget` random calls and checks the invariants after it.
	fn block(&mut self, n: u32, budget: u64) -> Result<(), String> {
		let slot = sp_consensus_aura::Slot::from(n as u64);
		let digest = Digest {
			logs: vec![DigestItem::PreRuntime(sp_consensus_aura::AURA_ENGINE_ID, slot.encode())],
		};
		let header =
			Header::new(n, Default::default(), Default::default(), self.parent_hash, digest);
		let issuance_before = pallet_balances::TotalIssuance::<Runtime>::get();
		guard(|| {
			Executive::initialize_block(&header);
		})?;
		let now = n as u64 * ostrom_runtime::time::SLOT_DURATION;
		let inherent =
			UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(pallet_timestamp::Call::set {
				now,
			}));
		guard(|| Executive::apply_extrinsic(inherent))?
			.map_err(|e| format!("timestamp inherent refused: {e:?}"))?
			.map_err(|e| format!("timestamp inherent failed: {e:?}"))?;
		guard(Executive::inherents_applied)?;

		if n.is_multiple_of(FAUCET_EVERY) {
			self.faucet();
		}
		for _ in 0..budget {
			self.one_call(n)?;
		}

		let header = guard(Executive::finalize_block)?;
		self.parent_hash = header.hash();
		self.check_block(n, issuance_before)
	}

	/// Makes one random call: signed through the transaction pipeline, or dispatched with a
	/// governance origin.
	fn one_call(&mut self, n: u32) -> Result<(), String> {
		let world = calls::World::read(&self.accounts);
		let (actor, call) = calls::generate(&mut self.rng, &world);
		let (pallet, function) = call_name(&call);
		self.report.calls += 1;
		let entry = self.report.per_pallet.entry(pallet.clone()).or_default();
		entry.0 += 1;
		let line = format!("#{n} {actor:?} {pallet}.{function} {}", short_debug(&call));
		if self.trace.len() == TRACE_LEN {
			self.trace.pop_front();
		}
		self.trace.push_back(line);

		let outcome = match actor {
			Actor::Signed(i) => {
				let xt = self.sign(i, call);
				match guard(|| Executive::apply_extrinsic(xt))? {
					Err(invalid) => {
						self.report.invalid += 1;
						let name = format!("{pallet}.{function}: refused: {invalid:?}");
						*self.report.errors.entry(name).or_default() += 1;
						return Ok(());
					},
					Ok(result) => result.map(|_| ()),
				}
			},
			Actor::Governance(origin) => {
				let origin = RuntimeOrigin::from(origin);
				guard(|| call.dispatch(origin))?.map(|_| ()).map_err(|e| e.error)
			},
		};
		match outcome {
			Ok(()) => {
				self.report.succeeded += 1;
				if let Some(entry) = self.report.per_pallet.get_mut(&pallet) {
					entry.1 += 1;
				}
			},
			Err(error) => {
				self.report.failed += 1;
				let name = match error {
					sp_runtime::DispatchError::Module(module) => {
						format!("{pallet}.{function}: {}", module.message.unwrap_or("?"))
					},
					other => format!("{pallet}.{function}: {other:?}"),
				};
				*self.report.errors.entry(name).or_default() += 1;
			},
		}
		Ok(())
	}

	/// `call` signed by signer `i` with its next nonce, immortal, no tip.
	fn sign(&self, i: usize, call: RuntimeCall) -> UncheckedExtrinsic {
		let pair = &self.signers[i];
		let who = self.accounts[i].clone();
		let nonce = System::account_nonce(&who);
		let extension: TxExtension = ostrom_runtime::immortal_tx_extension(nonce);
		let payload =
			SignedPayload::new(call.clone(), extension.clone()).expect("implicit data is readable");
		let signature = payload.using_encoded(|bytes| pair.sign(bytes));
		UncheckedExtrinsic::new_signed(call, who.into(), signature.into(), extension)
	}

	/// The invariants after block `n`.
	fn check_block(&mut self, n: u32, issuance_before: u128) -> Result<(), String> {
		// Issuance moves only by what the balances pallet reports.
		let mut expected = issuance_before as i128;
		for record in System::events() {
			if let RuntimeEvent::Balances(event) = record.event {
				use pallet_balances::Event as E;
				match event {
					E::Minted { amount, .. } | E::Issued { amount } => expected += amount as i128,
					E::Burned { amount, .. }
					| E::Rescinded { amount }
					| E::DustLost { amount, .. } => expected -= amount as i128,
					_ => {},
				}
			}
		}
		let issuance = pallet_balances::TotalIssuance::<Runtime>::get();
		if issuance as i128 != expected {
			return Err(format!(
				"total issuance went from {issuance_before} to {issuance}; the balances events \
				 account for {expected}"
			));
		}
		let held: u128 = frame_system::Account::<Runtime>::iter()
			.map(|(_, info)| info.data.free.saturating_add(info.data.reserved))
			.sum();
		if held != issuance {
			return Err(format!(
				"accounts hold {held} in all but the total issuance is {issuance}"
			));
		}

		// Block weight within the limits of its class.
		let limits = <Runtime as frame_system::Config>::BlockWeights::get();
		let used = frame_system::BlockWeight::<Runtime>::get();
		for class in [DispatchClass::Normal, DispatchClass::Operational] {
			let weight = *used.get(class);
			if let Some(max) = limits.get(class).max_total {
				if weight.any_gt(max) {
					return Err(format!(
						"{class:?} block weight {weight:?} above its limit {max:?}"
					));
				}
			}
		}

		#[cfg(feature = "try-runtime")]
		{
			use frame_support::traits::{TryState, TryStateSelect};
			guard(|| {
				<ostrom_runtime::AllPalletsWithSystem as TryState<u32>>::try_state(
					n,
					TryStateSelect::All,
				)
			})?
			.map_err(|e| format!("try_state: {e:?}"))?;
		}
		#[cfg(not(feature = "try-runtime"))]
		{
			let _ = n;
			ostrom_runtime::Voting::do_try_state().map_err(|e| format!("voting: {e:?}"))?;
			ostrom_runtime::Constitution::do_try_state()
				.map_err(|e| format!("constitution: {e:?}"))?;
		}
		Ok(())
	}
}

/// Runs `f`, turning a panic into an error that names it.
fn guard<R>(f: impl FnOnce() -> R) -> Result<R, String> {
	std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|panic| {
		let message = panic
			.downcast_ref::<String>()
			.cloned()
			.or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
			.unwrap_or_else(|| "a panic".into());
		format!("PANIC: {message}")
	})
}

/// A call's debug form, cut to a readable length.
fn short_debug(call: &RuntimeCall) -> String {
	let text = format!("{call:?}");
	if text.len() > 240 {
		let mut cut = 240;
		while !text.is_char_boundary(cut) {
			cut -= 1;
		}
		format!("{}…", &text[..cut])
	} else {
		text
	}
}
