//! Quadratic funding of public goods (DESIGN §6): rounds with a matching pool from the treasury,
//! contributions from verified persons only.
//!
//! Rounds are created (and cancelled) by Root or a decision of the constitution's `big-spend`
//! class; projects are curated by Root or its `takedown` class (the council, with a
//! community appeal). A `big-spend` decision moves at most the class's spend limit
//! ([`BigSpendLimit`], 100,000 OSTR) into one round, with a per-project cap of at most
//! [`MaxRoundCap`] (25 %); only Root is unbounded.

use frame_support::{
	parameter_types,
	traits::{ConstU32, ConstU8, EitherOf},
	PalletId,
};
use frame_system::{EnsureRootWithSuccess, EnsureWithSuccess};
use sp_runtime::Perbill;

use crate::{
	configs::constitution::{classes, EnsureClass, EnsureClassOrRoot},
	configs::monetary::{BigSpendLimit, MaxTreasurySpend, TreasuryAccount},
	currency::UNIT,
	time::DAYS,
	AccountId, Balance, Balances, BlockNumber, Reputation, Runtime, RuntimeEvent,
	RuntimeHoldReason,
};

parameter_types! {
	/// Round accounts are sub-accounts of this id.
	pub const QuadraticFundingPalletId: PalletId = PalletId(*b"ostr/qfr");
	/// Deposit for a project application, returned when the round ends.
	pub const ApplicationDeposit: Balance = 10 * UNIT;
	/// Shortest application or contribution period: 30 s, so that a development round completes
	/// in minutes.
	pub const MinFundingPeriod: BlockNumber = 5;
	/// Longest application or contribution period.
	pub const MaxFundingPeriod: BlockNumber = 90 * DAYS;
	/// Largest per-project cap of a round not created by Root: no project takes more than a
	/// quarter of a governance-funded pool.
	pub const MaxRoundCap: Perbill = Perbill::from_percent(25);
}

/// Who creates (and cancels) funding rounds, with the largest pool each may give one round:
/// Root without a limit ([`MaxTreasurySpend`]), or an approved decision of the `big-spend`
/// class up to that class's spend limit ([`BigSpendLimit`]), as for `treasury.spend`.
pub type RoundCreateOrigin = EitherOf<
	EnsureRootWithSuccess<AccountId, MaxTreasurySpend>,
	EnsureWithSuccess<EnsureClass<ConstU8<{ classes::BIG_SPEND }>>, AccountId, BigSpendLimit>,
>;

impl pallet_quadratic_funding::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = crate::weights::pallet_quadratic_funding::WeightInfo<Runtime>;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type PalletId = QuadraticFundingPalletId;
	type TreasuryAccount = TreasuryAccount;
	type Personhood = Reputation;
	/// A round's pool leaves the treasury, so only Root or a decision of the `big-spend` class
	/// (the community, with a council veto) creates rounds, the class up to its spend limit.
	type CreateOrigin = RoundCreateOrigin;
	type MaxCap = MaxRoundCap;
	/// Rejecting a project is curation: Root, or a decision of the `takedown` class (council,
	/// with a community appeal).
	type CuratorOrigin = EnsureClassOrRoot<{ classes::TAKEDOWN }>;
	type ApplicationDeposit = ApplicationDeposit;
	type MaxProjects = ConstU32<64>;
	type MinPeriod = MinFundingPeriod;
	type MaxPeriod = MaxFundingPeriod;
	type RemoveItemsLimit = ConstU32<100>;
}
