//! Test runtime for the reputation pallet.

#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use crate as pallet_reputation;
use crate::{DomainId, Pallet};
use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Reputation: pallet_reputation,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// Domain `code` (half-life 100 blocks) in the default genesis.
pub const CODE: DomainId = 0;
/// Domain `data` (half-life 7 blocks) in the default genesis.
pub const DATA: DomainId = 1;
/// Attester in `code` and `data`.
pub const ALICE: u64 = 1;
/// Attester in `code`.
pub const BOB: u64 = 2;
/// Not an attester.
pub const CHARLIE: u64 = 3;
/// Subjects.
pub const DAVE: u64 = 4;
pub const EVE: u64 = 5;
/// Personhood issuer.
pub const ISSUER: u64 = 10;
/// Not an issuer.
pub const OTHER_ISSUER: u64 = 11;

/// Maximum points per attestation of the genesis attesters.
pub const MAX_PER_ATTESTATION: u128 = 1_000;
/// Rate limit (points per period) of the genesis attesters.
pub const RATE_LIMIT: u128 = 2_500;

parameter_types! {
	pub const RatePeriod: u64 = 10;
	pub const RevocationWindow: u64 = 20;
	pub const MaxCredentialDuration: u64 = 1_000;
	/// An attester may hold at most a fifth of a domain's total.
	pub const MaxAttesterShare: sp_runtime::Perbill = sp_runtime::Perbill::from_percent(20);
	/// No share check by default (many tests mint a domain from one attester); the share tests
	/// set a real floor.
	pub static AttesterShareFloor: u128 = u128::MAX;
}

impl pallet_reputation::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type DomainOrigin = EnsureRoot<u64>;
	type AttesterOrigin = EnsureRoot<u64>;
	type SlashOrigin = EnsureRoot<u64>;
	type PersonhoodOrigin = EnsureRoot<u64>;
	type MaxDomains = ConstU32<4>;
	type MaxNameLength = ConstU32<16>;
	type MaxAttestersPerDomain = ConstU32<3>;
	type MaxAttestationsPerAttester = ConstU32<4>;
	type RatePeriod = RatePeriod;
	type RevocationWindow = RevocationWindow;
	type MaxIssuers = ConstU32<3>;
	type MaxCredentialsPerIssuer = ConstU32<3>;
	type MaxCredentialDuration = MaxCredentialDuration;
	type MaxAttesterShare = MaxAttesterShare;
	type AttesterShareFloor = AttesterShareFloor;
	type OnCredentialRemoved = RecordRemovals;
	type OnSlashed = ();
}

thread_local! {
	static REMOVALS: core::cell::RefCell<Vec<(u64, crate::PersonId)>> =
		const { core::cell::RefCell::new(Vec::new()) };
}

/// Records the credentials removed (what the voting pallet is told in the runtime).
pub struct RecordRemovals;
impl RecordRemovals {
	/// The `(account, person)` of each credential removed so far, oldest first.
	pub fn taken() -> Vec<(u64, crate::PersonId)> {
		REMOVALS.with(|r| r.borrow().clone())
	}
}
impl crate::OnCredentialRemoved<u64> for RecordRemovals {
	fn on_credential_removed(who: &u64, person: crate::PersonId) -> frame_support::weights::Weight {
		REMOVALS.with(|r| r.borrow_mut().push((*who, person)));
		frame_support::weights::Weight::from_parts(7, 0)
	}
	fn max_weight() -> frame_support::weights::Weight {
		frame_support::weights::Weight::from_parts(10, 0)
	}
}

/// Builds test externalities from a genesis configuration.
pub struct ExtBuilder {
	domains: Vec<(DomainId, Vec<u8>, u64)>,
	attesters: Vec<(DomainId, u64, u128, u128)>,
	issuers: Vec<u64>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self {
			domains: vec![(CODE, b"code".to_vec(), 100), (DATA, b"data".to_vec(), 7)],
			attesters: vec![
				(CODE, ALICE, MAX_PER_ATTESTATION, RATE_LIMIT),
				(DATA, ALICE, MAX_PER_ATTESTATION, RATE_LIMIT),
				(CODE, BOB, MAX_PER_ATTESTATION, RATE_LIMIT),
			],
			issuers: vec![ISSUER],
		}
	}
}

impl ExtBuilder {
	/// Replace the genesis domains.
	pub fn domains(mut self, domains: Vec<(DomainId, Vec<u8>, u64)>) -> Self {
		self.domains = domains;
		self
	}

	/// Replace the genesis attesters.
	pub fn attesters(mut self, attesters: Vec<(DomainId, u64, u128, u128)>) -> Self {
		self.attesters = attesters;
		self
	}

	/// Build the externalities, at block 1.
	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_reputation::GenesisConfig::<Test> {
			domains: self.domains,
			attesters: self.attesters,
			issuers: self.issuers,
		}
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

/// Advance to block `n`, running the pallet's `on_initialize` (credential expiries) in each
/// block where it has work (it does nothing in the others), so that huge jumps stay cheap.
pub fn run_to(n: u64) {
	use frame_support::traits::Hooks;
	let now = System::block_number();
	let mut due: Vec<u64> =
		crate::ExpiringAt::<Test>::iter_keys().filter(|at| *at > now && *at <= n).collect();
	due.sort();
	for at in due {
		System::set_block_number(at);
		Reputation::on_initialize(at);
	}
	System::set_block_number(n);
}

/// The events of this pallet deposited so far, oldest first.
pub fn reputation_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Reputation(event) => Some(event),
			_ => None,
		})
		.collect()
}
