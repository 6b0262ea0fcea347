//! Test runtime for the trust pallet.

#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use crate as pallet_trust;
use crate::Pallet;
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU128, ConstU32},
};
use ostrom_primitives::PersonhoodProvider;
use sp_runtime::BuildStorage;
use std::collections::BTreeSet;

type Block = frame_system::mocking::MockBlock<Test>;

/// Account ids, as in the default test configuration.
pub type AccountId = u64;
/// Balances are `u128`, as in the Ostrom runtime.
pub type Balance = u128;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Trust: pallet_trust,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

/// One token, as in the Ostrom runtime (10¹² plancks).
pub const UNIT: Balance = 1_000_000_000_000;
/// Existential deposit: 0.01 token.
pub const ED: Balance = UNIT / 100;
/// Deposit per endorsement: 0.1 token.
pub const DEPOSIT: Balance = UNIT / 10;
/// Most endorsements per endorser in the tests.
pub const MAX_ENDORSEMENTS: u32 = 4;

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<ED>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

/// Persons (funded).
pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
/// Funded, not a person.
pub const DAVE: AccountId = 4;
/// Not funded, not a person (endorsed accounts need not exist).
pub const EVE: AccountId = 5;
pub const FERDIE: AccountId = 6;
/// A person with the existential deposit and one deposit: it can afford a single endorsement.
pub const POOR: AccountId = 7;
/// Initial balance of the funded accounts.
pub const FUNDS: Balance = 1_000 * UNIT;

thread_local! {
	static PERSON_SET: RefCell<BTreeSet<AccountId>> = const { RefCell::new(BTreeSet::new()) };
}

/// Personhood for the tests: a thread-local set of accounts.
pub struct MockPersonhood;

impl MockPersonhood {
	/// Make `who` a person.
	pub fn add(who: AccountId) {
		PERSON_SET.with(|set| set.borrow_mut().insert(who));
	}

	/// Make `who` no longer a person (as when its credential is revoked or expires).
	pub fn remove(who: AccountId) {
		PERSON_SET.with(|set| set.borrow_mut().remove(&who));
	}

	fn reset(persons: &[AccountId]) {
		PERSON_SET.with(|set| *set.borrow_mut() = persons.iter().copied().collect());
	}
}

impl PersonhoodProvider<AccountId> for MockPersonhood {
	fn is_person(who: &AccountId) -> bool {
		PERSON_SET.with(|set| set.borrow().contains(who))
	}

	fn person_of(who: &AccountId) -> Option<ostrom_primitives::PersonId> {
		Self::is_person(who).then_some(*who)
	}

	fn person_count() -> u32 {
		PERSON_SET.with(|set| set.borrow().len() as u32)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn make_person(who: &AccountId) {
		Self::add(*who);
	}
}

parameter_types! {
	pub const EndorsementDeposit: Balance = DEPOSIT;
}

impl pallet_trust::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Personhood = MockPersonhood;
	type MaxEndorsements = ConstU32<MAX_ENDORSEMENTS>;
	type EndorsementDeposit = EndorsementDeposit;
}

/// Builds test externalities from a genesis configuration.
pub struct ExtBuilder {
	balances: Vec<(AccountId, Balance)>,
	persons: Vec<AccountId>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self {
			balances: vec![
				(ALICE, FUNDS),
				(BOB, FUNDS),
				(CHARLIE, FUNDS),
				(DAVE, FUNDS),
				(POOR, ED + DEPOSIT),
			],
			persons: vec![ALICE, BOB, CHARLIE, POOR],
		}
	}
}

impl ExtBuilder {
	/// Build the externalities, at block 1.
	pub fn build(self) -> sp_io::TestExternalities {
		MockPersonhood::reset(&self.persons);
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> { balances: self.balances, ..Default::default() }
			.assimilate_storage(&mut storage)
			.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Run `test` in the externalities, then check the pallet's invariants and that no funds
	/// were created or destroyed.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			let issuance = Balances::total_issuance();
			test();
			Pallet::<Test>::do_try_state().expect("invariants hold at the end of the test");
			assert_eq!(Balances::total_issuance(), issuance, "no funds created or destroyed");
		});
	}
}

/// Externalities with the default genesis (used by the benchmark tests).
#[allow(dead_code)]
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}

/// The events of this pallet deposited so far, oldest first.
pub fn trust_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Trust(event) => Some(event),
			_ => None,
		})
		.collect()
}
