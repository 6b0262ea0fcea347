//! Test runtime for the guardians pallet: System and the pallet, with stand-ins, kept in storage
//! so that they roll back with failed calls like the real pallets, for the brakes
//! ([`MockBrakes`]: artifact suspensions and safe mode that end by themselves in [`run_to`],
//! call pauses) and the decisions ([`MockDecisions`]: decisions `0..100` exist and may be held,
//! decision [`UNHOLDABLE`] may not).
//!
//! Origins: [`Config::AmendOrigin`](crate::Config::AmendOrigin) is Root,
//! [`Config::RatifyOrigin`](crate::Config::RatifyOrigin) is a signed [`RATIFIER`].

#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use crate as pallet_guardians;
use crate::{CallName, DecisionHold, EmergencyBrakes, Measure, Pallet};
use frame_support::{
	derive_impl, ord_parameter_types, parameter_types,
	traits::{ConstU32, ConstU64, Hooks},
};
use frame_system::{EnsureRoot, EnsureSignedBy};
use sp_runtime::{BuildStorage, DispatchError, DispatchResult};
use std::collections::{BTreeMap, BTreeSet};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Guardians: pallet_guardians,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// Guardians of the default genesis.
pub const G1: u64 = 10;
pub const G2: u64 = 11;
pub const G3: u64 = 12;
/// Not a guardian.
pub const OUTSIDER: u64 = 20;
/// The ratification class.
pub const RATIFIER: u64 = 99;
/// Block at which the guardians' mandate ends in the default genesis.
pub const MANDATE_END: u64 = 500;
/// Longest measure.
pub const MAX_DURATION: u64 = 20;
/// Cooldown after an unratified measure.
pub const COOLDOWN: u64 = 30;
/// Longest extension.
pub const MAX_EXTENSION: u64 = 10;
/// A decision that may not be held.
pub const UNHOLDABLE: u32 = 100;

ord_parameter_types! {
	pub const Ratifier: u64 = RATIFIER;
}

parameter_types! {
	/// Suspended artifacts and the block their suspension ends at.
	pub storage Suspensions: BTreeMap<u64, u64> = BTreeMap::new();
	/// The block safe mode ends at, if entered.
	pub storage SafeModeUntil: Option<u64> = None;
	/// Paused calls.
	pub storage Paused: BTreeSet<(Vec<u8>, Vec<u8>)> = BTreeSet::new();
	/// Held decisions.
	pub storage Held: BTreeSet<u32> = BTreeSet::new();
	/// Decisions resumed, in order.
	pub storage Resumed: Vec<u32> = Vec::new();
	/// Decisions cancelled, in order.
	pub storage Cancelled: Vec<u32> = Vec::new();
	/// Make releasing brakes fail.
	pub static FailRelease: bool = false;
}

/// The brakes, as state.
pub struct MockBrakes;
impl EmergencyBrakes<u64, u64> for MockBrakes {
	fn artifact_suspended_until(hash: &u64) -> Option<u64> {
		Suspensions::get().get(hash).copied()
	}
	fn suspend_artifact(hash: &u64, until: u64) -> DispatchResult {
		let mut s = Suspensions::get();
		s.insert(*hash, until);
		Suspensions::set(&s);
		Ok(())
	}
	fn lift_artifact(hash: &u64) -> DispatchResult {
		fail()?;
		let mut s = Suspensions::get();
		s.remove(hash).ok_or(DispatchError::Other("not suspended"))?;
		Suspensions::set(&s);
		Ok(())
	}
	fn safe_mode_until() -> Option<u64> {
		SafeModeUntil::get()
	}
	fn enter_safe_mode(until: u64) -> DispatchResult {
		if SafeModeUntil::get().is_some() {
			return Err(DispatchError::Other("entered"));
		}
		SafeModeUntil::set(&Some(until));
		Ok(())
	}
	fn extend_safe_mode(by: u64) -> DispatchResult {
		let until = SafeModeUntil::get().ok_or(DispatchError::Other("exited"))?;
		SafeModeUntil::set(&Some(until + by));
		Ok(())
	}
	fn exit_safe_mode() -> DispatchResult {
		fail()?;
		SafeModeUntil::get().ok_or(DispatchError::Other("exited"))?;
		SafeModeUntil::set(&None);
		Ok(())
	}
	fn is_paused(pallet: &[u8], call: &[u8]) -> bool {
		Paused::get().contains(&(pallet.to_vec(), call.to_vec()))
	}
	fn pause(pallet: &[u8], call: &[u8]) -> DispatchResult {
		let mut p = Paused::get();
		p.insert((pallet.to_vec(), call.to_vec()));
		Paused::set(&p);
		Ok(())
	}
	fn unpause(pallet: &[u8], call: &[u8]) -> DispatchResult {
		fail()?;
		let mut p = Paused::get();
		p.remove(&(pallet.to_vec(), call.to_vec()));
		Paused::set(&p);
		Ok(())
	}
}

fn fail() -> DispatchResult {
	if FailRelease::get() {
		Err(DispatchError::Other("release failed"))
	} else {
		Ok(())
	}
}

/// The decisions, as state.
pub struct MockDecisions;
impl DecisionHold<u32> for MockDecisions {
	fn hold(decision: u32) -> DispatchResult {
		if decision >= UNHOLDABLE {
			return Err(DispatchError::Other("not holdable"));
		}
		let mut held = Held::get();
		if !held.insert(decision) {
			return Err(DispatchError::Other("held already"));
		}
		Held::set(&held);
		Ok(())
	}
	fn resume(decision: u32) -> DispatchResult {
		fail()?;
		let mut held = Held::get();
		if held.remove(&decision) {
			Held::set(&held);
			let mut resumed = Resumed::get();
			resumed.push(decision);
			Resumed::set(&resumed);
		}
		Ok(())
	}
	fn cancel(decision: u32) -> DispatchResult {
		let mut held = Held::get();
		if !held.remove(&decision) {
			return Err(DispatchError::Other("not held"));
		}
		Held::set(&held);
		let mut cancelled = Cancelled::get();
		cancelled.push(decision);
		Cancelled::set(&cancelled);
		Ok(())
	}
	fn is_held(decision: u32) -> bool {
		Held::get().contains(&decision)
	}
}

/// Suspends artifact `i`, or holds decision `i`.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64, u32> for MockBenchmarkHelper {
	fn measure(i: u32) -> Measure<u64, u32> {
		Measure::SuspendArtifact(u64::from(i))
	}
	fn decision(i: u32) -> u32 {
		i
	}
}

impl pallet_guardians::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type ArtifactHash = u64;
	type DecisionId = u32;
	type Brakes = MockBrakes;
	type Decisions = MockDecisions;
	type AmendOrigin = EnsureRoot<u64>;
	type RatifyOrigin = EnsureSignedBy<Ratifier, u64>;
	type MaxGuardians = ConstU32<3>;
	type MaxMeasures = ConstU32<6>;
	type MaxMeasuresPerGuardian = ConstU32<2>;
	type MaxHoldsPerMandate = ConstU32<2>;
	type MaxMeasureDuration = ConstU64<MAX_DURATION>;
	type Cooldown = ConstU64<COOLDOWN>;
	type MaxExtension = ConstU64<MAX_EXTENSION>;
	type MaxRatifications = ConstU32<2>;
	type MaxExpiriesPerBlock = ConstU32<2>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// A pause of `pallet.call`.
pub fn pause(pallet: &[u8], call: &[u8]) -> Measure<u64, u32> {
	Measure::PauseCall {
		pallet: CallName::truncate_from(pallet.to_vec()),
		call: CallName::truncate_from(call.to_vec()),
	}
}

/// Runs `test` with guardians G1, G2 and G3 (mandate until [`MANDATE_END`]), at block 1, then
/// checks the pallet's invariants.
pub fn new_test_ext(test: impl FnOnce()) {
	FailRelease::set(false);
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_guardians::GenesisConfig::<Test> {
		guardians: vec![G1, G2, G3],
		mandate_end: MANDATE_END,
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		test();
		Pallet::<Test>::do_try_state().unwrap();
	});
}

/// Runs blocks up to `n`: the brakes' own pallets end artifact suspensions and safe mode at
/// their end, then the guardians' `on_initialize` runs; invariants are checked at each block.
pub fn run_to(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		let mut s = Suspensions::get();
		s.retain(|_, until| *until > next);
		Suspensions::set(&s);
		if SafeModeUntil::get().is_some_and(|until| until <= next) {
			SafeModeUntil::set(&None);
		}
		Guardians::on_initialize(next);
		Pallet::<Test>::do_try_state().unwrap();
	}
}

/// The events of this pallet, in order.
pub fn events() -> Vec<pallet_guardians::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Guardians(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// Externalities for the benchmark tests: the default genesis, at block 1.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_bench_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_guardians::GenesisConfig::<Test> {
		guardians: vec![G1, G2, G3],
		mandate_end: MANDATE_END,
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
