//! Quadratic funding of public goods (DESIGN §6): rounds with a matching pool from the treasury,
//! contributions from verified persons only.
//!
//! Rounds are created (and cancelled) by Root or a decision of the constitution's `big-spend`
//! class; projects are curated by Root or its `takedown` class (the council, with a
//! community appeal).

use frame_support::{parameter_types, traits::ConstU32, PalletId};

use crate::{
	configs::constitution::{classes, EnsureClassOrRoot},
	configs::monetary::TreasuryAccount,
	currency::UNIT,
	time::DAYS,
	Balance, Balances, BlockNumber, Reputation, Runtime, RuntimeEvent, RuntimeHoldReason,
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
}

impl pallet_quadratic_funding::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = crate::weights::pallet_quadratic_funding::WeightInfo<Runtime>;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type PalletId = QuadraticFundingPalletId;
	type TreasuryAccount = TreasuryAccount;
	type Personhood = Reputation;
	/// A round's pool leaves the treasury whatever its size, so only Root or a decision of the
	/// `big-spend` class (the community, with a council veto) creates rounds.
	type CreateOrigin = EnsureClassOrRoot<{ classes::BIG_SPEND }>;
	/// Rejecting a project is curation: Root, or a decision of the `takedown` class (council,
	/// with a community appeal).
	type CuratorOrigin = EnsureClassOrRoot<{ classes::TAKEDOWN }>;
	type ApplicationDeposit = ApplicationDeposit;
	type MaxProjects = ConstU32<64>;
	type MinPeriod = MinFundingPeriod;
	type MaxPeriod = MaxFundingPeriod;
	type RemoveItemsLimit = ConstU32<100>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = pallet_quadratic_funding::ReputationPersonhood<Runtime>;
}
