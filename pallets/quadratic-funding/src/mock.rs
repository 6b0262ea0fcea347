//! Test runtime for the quadratic-funding pallet.

#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use crate as pallet_quadratic_funding;
use crate::{Pallet, Rounds};
use core::cell::RefCell;
use frame_support::traits::EitherOf;
use frame_support::{
	derive_impl, ord_parameter_types, parameter_types,
	traits::{ConstU128, ConstU32},
	PalletId,
};
use frame_system::{EnsureRootWithSuccess, EnsureSignedBy, EnsureWithSuccess};
use ostrom_primitives::PersonhoodProvider;
use sp_runtime::BuildStorage;
use std::collections::BTreeSet;

type Block = frame_system::mocking::MockBlock<Test>;

/// Account ids are `u128`, so that every round gets its own sub-account of the pallet id
/// (a sub-account keeps the first 16 bytes of `("modl", pallet id, round)`).
pub type AccountId = u128;
/// Balances are `u128`, as in the Ostrom runtime.
pub type Balance = u128;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		QuadraticFunding: pallet_quadratic_funding,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

/// One token, as in the Ostrom runtime (10¹² plancks; a perfect square, so that whole-token
/// contributions that are perfect squares have exact roots).
pub const UNIT: Balance = 1_000_000_000_000;
/// Existential deposit: 0.01 token.
pub const ED: Balance = UNIT / 100;
/// Application deposit.
pub const DEPOSIT: Balance = 5 * UNIT;

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<ED>;
	type AccountStore = System;
}

/// The treasury's account.
pub const TREASURY: AccountId = 1_000;
/// Initial balance of the treasury.
pub const TREASURY_FUNDS: Balance = 1_000_000 * UNIT;
/// The round curator.
pub const CURATOR: AccountId = 99;
/// A round creator other than Root, limited to [`CREATOR_LIMIT`] per pool and to [`MAX_CAP`].
pub const CREATOR: AccountId = 98;
/// The largest pool [`CREATOR`] may give one round.
pub const CREATOR_LIMIT: Balance = 1_000 * UNIT;
/// The largest per-project cap of a round created by an origin other than Root.
pub const MAX_CAP: sp_runtime::Perbill = sp_runtime::Perbill::from_percent(25);
/// Applicants (not persons).
pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
/// An account with barely more than the existential deposit.
pub const POOR: AccountId = 7;
/// Verified persons are `PERSON..PERSON + PERSONS` (see [`person`]).
pub const PERSON: AccountId = 10;
/// Number of verified persons in the default genesis.
pub const PERSONS: u32 = 40;
/// Funded accounts that are not persons (sybils) are `SYBIL..SYBIL + SYBILS`.
pub const SYBIL: AccountId = 500;
/// Number of funded sybil accounts.
pub const SYBILS: u32 = 20;
/// Recipients of projects (start without an account).
pub const RECIPIENT: AccountId = 200;
/// Initial balance of every funded account.
pub const FUNDS: Balance = 100_000 * UNIT;

/// The `i`-th verified person of the default genesis.
pub fn person(i: u32) -> AccountId {
	PERSON + AccountId::from(i)
}

/// The `i`-th funded account that is not a person.
pub fn sybil(i: u32) -> AccountId {
	SYBIL + AccountId::from(i)
}

thread_local! {
	static PERSON_SET: RefCell<BTreeSet<AccountId>> = const { RefCell::new(BTreeSet::new()) };
	static PERSON_IDS: RefCell<std::collections::BTreeMap<AccountId, u64>> =
		const { RefCell::new(std::collections::BTreeMap::new()) };
}

/// Personhood for the tests: a thread-local set of accounts.
pub struct MockPersonhood;

impl MockPersonhood {
	/// Make `who` a person.
	pub fn add(who: AccountId) {
		PERSON_SET.with(|set| set.borrow_mut().insert(who));
	}

	/// Make `who` no longer a person.
	pub fn remove(who: AccountId) {
		PERSON_SET.with(|set| set.borrow_mut().remove(&who));
	}

	/// Make `who` a person as person `person` (a rotated key of that person).
	pub fn add_as(who: AccountId, person: u64) {
		Self::add(who);
		PERSON_IDS.with(|ids| ids.borrow_mut().insert(who, person));
	}

	fn reset(persons: &[AccountId]) {
		PERSON_SET.with(|set| *set.borrow_mut() = persons.iter().copied().collect());
		PERSON_IDS.with(|ids| ids.borrow_mut().clear());
	}
}

impl PersonhoodProvider<AccountId> for MockPersonhood {
	fn is_person(who: &AccountId) -> bool {
		PERSON_SET.with(|set| set.borrow().contains(who))
	}

	fn person_of(who: &AccountId) -> Option<ostrom_primitives::PersonId> {
		Self::is_person(who)
			.then(|| PERSON_IDS.with(|ids| ids.borrow().get(who).copied()).unwrap_or(*who as u64))
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
	pub const QuadraticFundingPalletId: PalletId = PalletId(*b"py/qfund");
	pub const TreasuryAccount: AccountId = TREASURY;
	pub const ApplicationDeposit: Balance = DEPOSIT;
	pub const MinPeriod: u64 = 2;
	pub const MaxPeriod: u64 = 1_000;
	pub const RootLimit: Balance = Balance::MAX;
	pub const CreatorLimit: Balance = CREATOR_LIMIT;
	pub const MaxCap: sp_runtime::Perbill = MAX_CAP;
}

ord_parameter_types! {
	pub const Curator: AccountId = CURATOR;
	pub const Creator: AccountId = CREATOR;
}

impl pallet_quadratic_funding::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type PalletId = QuadraticFundingPalletId;
	type TreasuryAccount = TreasuryAccount;
	type Personhood = MockPersonhood;
	/// Root without a limit; [`CREATOR`] up to [`CREATOR_LIMIT`].
	type CreateOrigin = EitherOf<
		EnsureRootWithSuccess<AccountId, RootLimit>,
		EnsureWithSuccess<EnsureSignedBy<Creator, AccountId>, AccountId, CreatorLimit>,
	>;
	type MaxCap = MaxCap;
	type CuratorOrigin = EnsureSignedBy<Curator, AccountId>;
	type ApplicationDeposit = ApplicationDeposit;
	type MaxProjects = ConstU32<8>;
	type MinPeriod = MinPeriod;
	type MaxPeriod = MaxPeriod;
	type RemoveItemsLimit = ConstU32<3>;
}

/// Builds test externalities from a genesis configuration.
pub struct ExtBuilder {
	balances: Vec<(AccountId, Balance)>,
	persons: Vec<AccountId>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		let mut balances = vec![
			(TREASURY, TREASURY_FUNDS),
			(ALICE, FUNDS),
			(BOB, FUNDS),
			(CHARLIE, FUNDS),
			(CURATOR, FUNDS),
			(POOR, DEPOSIT),
		];
		balances.extend((0..PERSONS).map(|i| (person(i), FUNDS)));
		balances.extend((0..SYBILS).map(|i| (sybil(i), FUNDS)));
		Self { balances, persons: (0..PERSONS).map(person).collect() }
	}
}

impl ExtBuilder {
	/// Replace the treasury's initial balance.
	pub fn treasury(mut self, amount: Balance) -> Self {
		self.balances.retain(|(who, _)| *who != TREASURY);
		self.balances.push((TREASURY, amount));
		self
	}

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

	/// Run `test` in the externalities, then check the pallet's invariants, that every round's
	/// account holds exactly the round's funds, and that no funds were created or destroyed.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			let issuance = Balances::total_issuance();
			test();
			Pallet::<Test>::do_try_state().expect("invariants hold at the end of the test");
			assert_exact_round_funds();
			assert_eq!(Balances::total_issuance(), issuance, "no funds created or destroyed");
		});
	}
}

/// Every round's account holds exactly `reserve + pool + contributed − paid`.
pub fn assert_exact_round_funds() {
	for (round, info) in Rounds::<Test>::iter() {
		let expected = info.reserve + info.pool + info.contributed - info.paid;
		assert_eq!(
			Balances::free_balance(QuadraticFunding::round_account(round)),
			expected,
			"round {round} holds exactly its funds"
		);
	}
}

/// Externalities with the default genesis (used by the benchmark tests).
#[allow(dead_code)]
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}

/// Advance to block `n` (the pallet has no hooks, so only the block number matters).
pub fn run_to(n: u64) {
	System::set_block_number(n);
}

/// The events of this pallet deposited so far, oldest first.
pub fn qf_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::QuadraticFunding(event) => Some(event),
			_ => None,
		})
		.collect()
}
