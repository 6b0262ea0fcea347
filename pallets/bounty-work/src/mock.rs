//! Test runtime for the bounty-work pallet: balances, preimages, `pallet-multi-asset-bounties`
//! and this pallet, with a mock artifact registry and mock decision classes.

#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use crate as pallet_bounty_work;
use crate::{BountyIndex, Deliverables, Hash32, Pallet};
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{
		tokens::UnityAssetBalanceConversion, ConstU128, ConstU32, ConstU64, Contains, EnsureOrigin,
		EnsureOriginWithArg,
	},
	PalletId,
};
use frame_system::EnsureRoot;
use pallet_multi_asset_bounties::PalletIdAsFundingSource;
use sp_runtime::{
	traits::{AccountIdConversion, Identity, IdentityLookup, TryConvert},
	BuildStorage, Permill,
};
use std::collections::BTreeMap;

type Block = frame_system::mocking::MockBlock<Test>;

/// Account ids: `u64`.
pub type AccountId = u64;
/// Balances are `u128`, as in the Ostrom runtime.
pub type Balance = u128;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Preimage: pallet_preimage,
		Utility: pallet_utility,
		Bounties: pallet_multi_asset_bounties,
		BountyWork: pallet_bounty_work,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

/// One token (10¹² plancks).
pub const UNIT: Balance = 1_000_000_000_000;
/// Existential deposit: 0.01 token.
pub const ED: Balance = UNIT / 100;
/// Application deposit: 1 token.
pub const APPLICATION_DEPOSIT: Balance = UNIT;
/// Blocks between acceptance and payout.
pub const PAYOUT_DELAY: u64 = 5;
/// Longest duration of a bounty.
pub const MAX_DURATION: u64 = 1_000;
/// Most applicants of one bounty.
pub const MAX_APPLICANTS: u32 = 3;
/// Most milestones of one bounty.
pub const MAX_MILESTONES: u32 = 3;

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<ED>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

impl pallet_utility::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = ();
}

impl pallet_preimage::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<AccountId>;
	type Consideration = ();
}

parameter_types! {
	pub const TreasuryPalletId: PalletId = PalletId(*b"py/trsry");
	pub const BountyWorkPalletId: PalletId = PalletId(*b"py/bwork");
}

/// The treasury's account (the funding source).
pub fn treasury() -> AccountId {
	TreasuryPalletId::get().into_account_truncating()
}

/// The spend classes of the tests: class `SMALL` may spend 100 tokens, `BIG` 10,000; Root
/// anything. Decisions are `RawOrigin::Signed(CLASS_BASE + class)` (mock decision origins).
pub const CLASS_BASE: AccountId = 1_000;
/// A spend class (100 tokens).
pub const SMALL: u8 = 2;
/// A spend class (10,000 tokens).
pub const BIG: u8 = 4;
/// An acceptance class (no spending).
pub const GATE: u8 = 5;
/// A class that does not exist.
pub const NO_CLASS: u8 = 99;

/// The origin of an approved decision of `class` in the tests.
pub fn decision(class: u8) -> RuntimeOrigin {
	RuntimeOrigin::signed(CLASS_BASE + AccountId::from(class))
}

fn class_of(o: &RuntimeOrigin) -> Option<u8> {
	match o.clone().into() {
		Ok(frame_system::RawOrigin::Signed(who))
			if (CLASS_BASE..CLASS_BASE + 100).contains(&who) =>
		{
			Some((who - CLASS_BASE) as u8)
		},
		_ => None,
	}
}

/// Root (anything) or a spend class up to its limit.
pub struct TestSpendOrigin;
impl EnsureOrigin<RuntimeOrigin> for TestSpendOrigin {
	type Success = Balance;
	fn try_origin(o: RuntimeOrigin) -> Result<Balance, RuntimeOrigin> {
		if <EnsureRoot<AccountId> as EnsureOrigin<RuntimeOrigin>>::try_origin(o.clone()).is_ok() {
			return Ok(Balance::MAX);
		}
		match class_of(&o) {
			Some(SMALL) => Ok(100 * UNIT),
			Some(BIG) => Ok(10_000 * UNIT),
			_ => Err(o),
		}
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<RuntimeOrigin, ()> {
		Ok(RuntimeOrigin::root())
	}
}

/// Root, or a decision of the class given.
pub struct TestClassOrigin;
impl EnsureOriginWithArg<RuntimeOrigin, u8> for TestClassOrigin {
	type Success = ();
	fn try_origin(o: RuntimeOrigin, class: &u8) -> Result<(), RuntimeOrigin> {
		if <EnsureRoot<AccountId> as EnsureOrigin<RuntimeOrigin>>::try_origin(o.clone()).is_ok()
			|| class_of(&o) == Some(*class)
		{
			Ok(())
		} else {
			Err(o)
		}
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(class: &u8) -> Result<RuntimeOrigin, ()> {
		Ok(decision(*class))
	}
}

/// Classes 0–10 exist.
pub struct TestClasses;
impl Contains<u8> for TestClasses {
	fn contains(class: &u8) -> bool {
		*class <= 10
	}
}

/// A mock artifact id: `(blake2, hash)`, where `blake2` says whether `hash` is a BLAKE2b-256
/// hash (a runtime's code) or a SHA2-256 one.
pub type ArtifactId = (bool, Hash32);

thread_local! {
	static ARTIFACTS: RefCell<BTreeMap<ArtifactId, AccountId>> = const { RefCell::new(BTreeMap::new()) };
}

/// The artifact registry of the tests.
pub struct MockArtifacts;
impl MockArtifacts {
	/// Registers `id` as `registrant`'s.
	pub fn add(id: ArtifactId, registrant: AccountId) {
		ARTIFACTS.with(|a| a.borrow_mut().insert(id, registrant));
	}
	/// Withdraws `id`.
	pub fn withdraw(id: ArtifactId) {
		ARTIFACTS.with(|a| a.borrow_mut().remove(&id));
	}
}
impl Deliverables<AccountId> for MockArtifacts {
	type Id = ArtifactId;
	fn registrant(id: &ArtifactId) -> Option<AccountId> {
		ARTIFACTS.with(|a| a.borrow().get(id).copied())
	}
	fn code_hash(id: &ArtifactId) -> Option<Hash32> {
		id.0.then_some(id.1)
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn register(registrant: &AccountId, seed: u32, code: bool) -> ArtifactId {
		let mut hash = [0u8; 32];
		hash[..4].copy_from_slice(&seed.to_le_bytes());
		let id = (code, hash);
		Self::add(id, *registrant);
		id
	}
}

/// The account of bounty `b`: `BOUNTY_ACCOUNTS + b`. (`BountySourceFromPalletId` would
/// truncate every bounty's account, and this pallet's, to the same `u64`.)
pub const BOUNTY_ACCOUNTS: AccountId = 10_000;
/// The account of child bounty `c` of bounty `b`: `CHILD_BOUNTY_ACCOUNTS + 100 b + c`.
pub const CHILD_BOUNTY_ACCOUNTS: AccountId = 20_000;

/// Distinct accounts for the bounties.
pub struct BountyAccounts;
impl TryConvert<(BountyIndex, ()), AccountId> for BountyAccounts {
	fn try_convert((b, _): (BountyIndex, ())) -> Result<AccountId, (BountyIndex, ())> {
		Ok(BOUNTY_ACCOUNTS + AccountId::from(b))
	}
}

/// Distinct accounts for the child bounties.
pub struct ChildBountyAccounts;
impl TryConvert<(BountyIndex, BountyIndex, ()), AccountId> for ChildBountyAccounts {
	fn try_convert(
		(b, c, _): (BountyIndex, BountyIndex, ()),
	) -> Result<AccountId, (BountyIndex, BountyIndex, ())> {
		Ok(CHILD_BOUNTY_ACCOUNTS + 100 * AccountId::from(b) + AccountId::from(c))
	}
}

impl pallet_multi_asset_bounties::Config for Test {
	type Balance = Balance;
	type RejectOrigin = EnsureRoot<AccountId>;
	type SpendOrigin = frame_system::EnsureRootWithSuccess<AccountId, ConstU128<{ u128::MAX }>>;
	type AssetKind = ();
	type Beneficiary = AccountId;
	type BeneficiaryLookup = IdentityLookup<AccountId>;
	type BountyValueMinimum = ConstU128<UNIT>;
	type ChildBountyValueMinimum = ConstU128<UNIT>;
	type MaxActiveChildBountyCount = ConstU32<{ MAX_MILESTONES }>;
	type WeightInfo = ();
	type FundingSource = PalletIdAsFundingSource<TreasuryPalletId, Test, Identity>;
	type BountySource = BountyAccounts;
	type ChildBountySource = ChildBountyAccounts;
	type Paymaster = crate::NativePay<Balances, AccountId>;
	type BalanceConverter = UnityAssetBalanceConversion;
	type Preimages = Preimage;
	type Consideration = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

impl pallet_bounty_work::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type OpenOrigin = TestSpendOrigin;
	type ClassId = u8;
	type ClassOrigin = TestClassOrigin;
	type ClassExists = TestClasses;
	type Artifacts = MockArtifacts;
	type PalletId = BountyWorkPalletId;
	type ApplicationDeposit = ConstU128<APPLICATION_DEPOSIT>;
	type MaxApplicants = ConstU32<MAX_APPLICANTS>;
	type MaxMilestones = ConstU32<MAX_MILESTONES>;
	type MaxTitleLen = ConstU32<64>;
	type MaxCuratorFee = MaxCuratorFee;
	type PayoutDelay = ConstU64<PAYOUT_DELAY>;
	type MaxDuration = ConstU64<MAX_DURATION>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkClass = frame_support::traits::ConstU8<GATE>;
}

parameter_types! {
	/// Curators take at most 5 %.
	pub const MaxCuratorFee: Permill = Permill::from_percent(5);
}

/// Accounts.
pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
pub const EVE: AccountId = 5;
/// Not funded.
pub const POOR: AccountId = 9;
/// Initial balance of the funded accounts.
pub const FUNDS: Balance = 1_000 * UNIT;
/// Initial balance of the treasury.
pub const TREASURY_FUNDS: Balance = 100_000 * UNIT;

/// Builds the test externalities: funded accounts and treasury, block 1; every test ends with
/// the pallet's `do_try_state`.
pub fn new_test_ext() -> sp_io::TestExternalities {
	ARTIFACTS.with(|a| a.borrow_mut().clear());
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [ALICE, BOB, CHARLIE, DAVE, EVE]
			.into_iter()
			.map(|who| (who, FUNDS))
			.chain([(treasury(), TREASURY_FUNDS)])
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut t)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` in fresh externalities and checks the invariants at its end.
pub fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Pallet::<Test>::do_try_state().expect("invariants hold at the end of the test");
	});
}

/// Advances to block `n`.
pub fn run_to(n: u64) {
	System::set_block_number(n);
}

/// The events of this pallet so far.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::BountyWork(e) => Some(e),
			_ => None,
		})
		.collect()
}
