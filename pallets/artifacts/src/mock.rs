//! Test runtime for the artifacts pallet.

#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use crate as pallet_artifacts;
use crate::{ArtifactAttesters, AttestationType, Gate, GatedStage, Pallet};
use frame_support::{
	derive_impl, ord_parameter_types, parameter_types,
	traits::{ConstU32, ConstU64, Hooks},
};
use frame_system::EnsureSignedBy;
use sp_runtime::{BuildStorage, Perbill};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Artifacts: pallet_artifacts,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

/// Registrants (not attesters).
pub const ALICE: u64 = 1;
pub const BOB: u64 = 2;
/// Evaluation attesters: every type of attestation but red-team scores.
pub const EVAL_1: u64 = 10;
pub const EVAL_2: u64 = 11;
pub const EVAL_3: u64 = 12;
/// Safety attesters: red-team scores only.
pub const RED_1: u64 = 13;
pub const RED_2: u64 = 14;
/// Funded, not an attester.
pub const NOBODY: u64 = 20;
/// Cannot pay a deposit.
pub const POOR: u64 = 30;
/// Balance of every funded account.
pub const FUNDS: u64 = 1_000_000;
/// Deposit per artifact, plus one unit per byte of its record.
pub const DEPOSIT_BASE: u64 = 100;

ord_parameter_types! {
	/// The release-gate decision.
	pub const ReleaseManager: u64 = 100;
	/// The takedown decision.
	pub const TakedownCouncil: u64 = 101;
	/// Sets gates and removes attestations.
	pub const GateKeeper: u64 = 102;
	/// Suspends artifacts.
	pub const Guardian: u64 = 103;
}

parameter_types! {
	/// Attesters authorised by the benchmarks, with the type they may attest.
	pub static BenchAttesters: Vec<(u64, AttestationType)> = Vec::new();
}

/// `EVAL_*` attest everything but red-team scores; `RED_*` attest only red-team scores.
pub struct MockAttesters;
impl ArtifactAttesters<u64> for MockAttesters {
	fn is_attester(who: &u64, kind: AttestationType) -> bool {
		match *who {
			EVAL_1 | EVAL_2 | EVAL_3 => kind != AttestationType::RedTeamScore,
			RED_1 | RED_2 => kind == AttestationType::RedTeamScore,
			_ => BenchAttesters::get().contains(&(*who, kind)),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn authorise(who: &u64, kind: AttestationType) {
		BenchAttesters::mutate(|attesters| attesters.push((*who, kind)));
	}
}

impl pallet_artifacts::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Attesters = MockAttesters;
	type ReleaseOrigin = EnsureSignedBy<ReleaseManager, u64>;
	type TakedownOrigin = EnsureSignedBy<TakedownCouncil, u64>;
	type GateOrigin = EnsureSignedBy<GateKeeper, u64>;
	type SuspendOrigin = EnsureSignedBy<Guardian, u64>;
	type DepositBase = ConstU64<DEPOSIT_BASE>;
	type DepositPerByte = ConstU64<1>;
	type MaxNameLen = ConstU32<16>;
	type MaxVersionLen = ConstU32<8>;
	type MaxUriLen = ConstU32<24>;
	type MaxLicenceLen = ConstU32<16>;
	type MaxParents = ConstU32<3>;
	type MaxAttestations = ConstU32<6>;
	type MaxLineageDepth = ConstU32<3>;
	type MaxLineageEntries = ConstU32<6>;
	type MaxExpiriesPerBlock = ConstU32<2>;
	type RevocationWindow = ConstU64<10>;
	type MaxSuspension = ConstU64<50>;
}

/// Gate of `ResearchOnly` in the default genesis: one reproduction.
pub fn research_gate() -> Gate {
	Gate { min_reproductions: 1, ..Default::default() }
}

/// Gate of `NonCommercial` in the default genesis: two reproductions, both reviews, two
/// attesters.
pub fn non_commercial_gate() -> Gate {
	Gate {
		min_reproductions: 2,
		require_model_card_review: true,
		require_licence_review: true,
		min_attesters: 2,
		..Default::default()
	}
}

/// Gate of `General` in the default genesis: everything, red-team score at least 80 %, three
/// attesters (six attestations: the mock's maximum).
pub fn general_gate() -> Gate {
	Gate {
		min_reproductions: 2,
		min_eval_scores: 1,
		min_red_team_score: Some(Perbill::from_percent(80)),
		require_model_card_review: true,
		require_licence_review: true,
		min_attesters: 3,
	}
}

/// Builds test externalities from a genesis configuration.
pub struct ExtBuilder {
	gates: Vec<(GatedStage, Gate)>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self {
			gates: vec![
				(GatedStage::ResearchOnly, research_gate()),
				(GatedStage::NonCommercial, non_commercial_gate()),
				(GatedStage::General, general_gate()),
			],
		}
	}
}

impl ExtBuilder {
	/// Replace the genesis gates.
	pub fn gates(mut self, gates: Vec<(GatedStage, Gate)>) -> Self {
		self.gates = gates;
		self
	}

	/// Build the externalities, at block 1.
	pub fn build(self) -> sp_io::TestExternalities {
		BenchAttesters::set(Vec::new());
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: [ALICE, BOB, EVAL_1, EVAL_2, EVAL_3, RED_1, RED_2, NOBODY]
				.into_iter()
				.map(|who| (who, FUNDS))
				.chain([(POOR, 10)])
				.collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_artifacts::GenesisConfig::<Test> { gates: self.gates, _config: Default::default() }
			.assimilate_storage(&mut storage)
			.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Run `test` in the externalities, then check the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Pallet::<Test>::do_try_state().expect("invariants hold at the end of the test");
		});
	}
}

/// Externalities with the default genesis (used by the benchmark tests).
#[allow(dead_code)]
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}

/// Advance block by block to block `n`, running the pallet's `on_initialize` at each block.
pub fn run_to(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		<Artifacts as Hooks<u64>>::on_initialize(next);
	}
}

/// The events of this pallet deposited so far, oldest first.
pub fn artifacts_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Artifacts(event) => Some(event),
			_ => None,
		})
		.collect()
}
