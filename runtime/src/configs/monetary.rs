//! Balances, transaction fees and the treasury.
//!
//! Fees are sized for a real chain: a plain transfer costs on the order of 0.01 OSTR, and every
//! fee goes to the treasury, which funds the commons (DESIGN §7).

use frame_support::{
	parameter_types,
	traits::{
		tokens::{imbalance::ResolveTo, Pay, PayFromAccount, UnityAssetBalanceConversion},
		ConstU32, ConstU8, EitherOf, VariantCountOf,
	},
	weights::{
		constants::ExtrinsicBaseWeight, ConstantMultiplier, WeightToFeeCoefficient,
		WeightToFeeCoefficients, WeightToFeePolynomial,
	},
	PalletId,
};
use frame_system::{EnsureRoot, EnsureWithSuccess};
use pallet_transaction_payment::{FungibleAdapter, Multiplier, TargetedFeeAdjustment};
use smallvec::smallvec;
use sp_runtime::{
	traits::{AccountIdConversion, Bounded, IdentityLookup},
	FixedPointNumber, Perbill, Permill, Perquintill,
};

use crate::{
	configs::constitution::{classes, EnsureClass},
	currency::{EXISTENTIAL_DEPOSIT, MICRO_UNIT, MILLI_UNIT, UNIT},
	time::DAYS,
	AccountId, Balance, Balances, BlockNumber, Runtime, RuntimeEvent, RuntimeFreezeReason,
	RuntimeHoldReason, System,
};

parameter_types! {
	/// Minimum balance an account must keep to exist.
	pub const ExistentialDeposit: Balance = EXISTENTIAL_DEPOSIT;
}

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = crate::weights::pallet_balances::WeightInfo<Runtime>;
	type Balance = Balance;
	type DustRemoval = ();
	type ExistentialDeposit = ExistentialDeposit;
	type AccountStore = System;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type DoneSlashHandler = ();
}

/// Maps weight to fee: the base weight of an extrinsic costs 1 milli-OSTR, linear above that.
pub struct WeightToFee;
impl WeightToFeePolynomial for WeightToFee {
	type Balance = Balance;
	fn polynomial() -> WeightToFeeCoefficients<Self::Balance> {
		let p = MILLI_UNIT;
		let q = Balance::from(ExtrinsicBaseWeight::get().ref_time());
		smallvec![WeightToFeeCoefficient {
			degree: 1,
			negative: false,
			coeff_frac: Perbill::from_rational(p.checked_rem(q).unwrap_or_default(), q),
			coeff_integer: p.checked_div(q).unwrap_or_default(),
		}]
	}
}

parameter_types! {
	/// Fee per byte of an encoded transaction: 10 micro-OSTR (a 1 KiB transaction pays ~0.01 OSTR).
	pub const TransactionByteFee: Balance = 10 * MICRO_UNIT;
	/// Operational transactions get this multiple of their fee as priority.
	pub const OperationalFeeMultiplier: u8 = 5;
	/// Fees rise when blocks are fuller than a quarter, fall when emptier.
	pub const TargetBlockFullness: Perquintill = Perquintill::from_percent(25);
	/// How fast the fee multiplier adapts (as on Polkadot).
	pub AdjustmentVariable: Multiplier = Multiplier::saturating_from_rational(75, 1_000_000);
	/// The multiplier never falls below this.
	pub MinimumMultiplier: Multiplier = Multiplier::saturating_from_rational(1, 10u128);
	/// The multiplier never rises above this.
	pub MaximumMultiplier: Multiplier = Bounded::max_value();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// All fees go to the treasury.
	type OnChargeTransaction = FungibleAdapter<Balances, ResolveTo<TreasuryAccount, Balances>>;
	type OperationalFeeMultiplier = OperationalFeeMultiplier;
	type WeightToFee = WeightToFee;
	type LengthToFee = ConstantMultiplier<Balance, TransactionByteFee>;
	type FeeMultiplierUpdate = TargetedFeeAdjustment<
		Self,
		TargetBlockFullness,
		AdjustmentVariable,
		MinimumMultiplier,
		MaximumMultiplier,
	>;
	type WeightInfo = crate::weights::pallet_transaction_payment::WeightInfo<Runtime>;
}

parameter_types! {
	/// The treasury's pallet id; its account holds the commons' funds.
	pub const TreasuryPalletId: PalletId = PalletId(*b"py/trsry");
	/// The treasury's account.
	pub TreasuryAccount: AccountId = TreasuryPalletId::get().into_account_truncating();
	/// Approved spends are paid out once per spend period.
	pub const SpendPeriod: BlockNumber = 6 * DAYS;
	/// No funds are burnt at the end of a spend period.
	pub const Burn: Permill = Permill::zero();
	/// A payout must be claimed within this many blocks of becoming valid.
	pub const PayoutPeriod: BlockNumber = 30 * DAYS;
	/// Upper bound on what Root may approve in one spend.
	pub const MaxTreasurySpend: Balance = Balance::MAX;
	/// Upper bound on one spend of the `small-spend` class (community, quadratic vote).
	pub const SmallSpendLimit: Balance = 1_000 * UNIT;
	/// Upper bound on one spend of the `medium-spend` class (community, token vote).
	pub const MediumSpendLimit: Balance = 10_000 * UNIT;
	/// Upper bound on one spend of the `big-spend` class (community, with a council veto).
	pub const BigSpendLimit: Balance = 100_000 * UNIT;
}

/// Treasury payouts: transfers from the treasury account (`PayFromAccount`). In benchmark builds
/// only, preparing a payout also gives the treasury and the beneficiary the existential deposit,
/// since `pallet-treasury`'s benchmarks pay 100 plancks, below this chain's existential deposit.
pub struct TreasuryPaymaster;

impl Pay for TreasuryPaymaster {
	type Balance = Balance;
	type Beneficiary = AccountId;
	type AssetKind = ();
	type Id = ();
	type Error = sp_runtime::DispatchError;

	fn pay(who: &AccountId, asset_kind: (), amount: Balance) -> Result<(), Self::Error> {
		PayFromAccount::<Balances, TreasuryAccount>::pay(who, asset_kind, amount)
	}

	fn check_payment(id: ()) -> frame_support::traits::tokens::PaymentStatus {
		PayFromAccount::<Balances, TreasuryAccount>::check_payment(id)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn ensure_successful(who: &AccountId, _: (), amount: Balance) {
		use frame_support::traits::fungible::Mutate;
		let _ = Balances::mint_into(
			&TreasuryAccount::get(),
			amount.saturating_add(ExistentialDeposit::get()),
		);
		let _ = Balances::mint_into(who, ExistentialDeposit::get());
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn ensure_concluded(_: ()) {}
}

/// What a treasury spend (and a bounty's opening) needs: Root, without a limit, or an approved
/// decision of the `small-spend`, `medium-spend` or `big-spend` class, up to that class's limit.
pub type TreasurySpendOrigin = EitherOf<
	EnsureWithSuccess<EnsureRoot<AccountId>, AccountId, MaxTreasurySpend>,
	EitherOf<
		EnsureWithSuccess<
			EnsureClass<ConstU8<{ classes::SMALL_SPEND }>>,
			AccountId,
			SmallSpendLimit,
		>,
		EitherOf<
			EnsureWithSuccess<
				EnsureClass<ConstU8<{ classes::MEDIUM_SPEND }>>,
				AccountId,
				MediumSpendLimit,
			>,
			EnsureWithSuccess<
				EnsureClass<ConstU8<{ classes::BIG_SPEND }>>,
				AccountId,
				BigSpendLimit,
			>,
		>,
	>,
>;

impl pallet_treasury::Config for Runtime {
	type Currency = Balances;
	type RejectOrigin = EnsureRoot<AccountId>;
	type RuntimeEvent = RuntimeEvent;
	type SpendPeriod = SpendPeriod;
	type Burn = Burn;
	type PalletId = TreasuryPalletId;
	type BurnDestination = ();
	type WeightInfo = crate::weights::pallet_treasury::WeightInfo<Runtime>;
	type SpendFunds = ();
	type MaxApprovals = ConstU32<100>;
	/// Root may spend anything; an approved decision of the `small-spend`, `medium-spend` or
	/// `big-spend` class up to that class's limit per spend.
	type SpendOrigin = TreasurySpendOrigin;
	type AssetKind = ();
	type Beneficiary = AccountId;
	type BeneficiaryLookup = IdentityLookup<AccountId>;
	type Paymaster = TreasuryPaymaster;
	type BalanceConverter = UnityAssetBalanceConversion;
	type PayoutPeriod = PayoutPeriod;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
	type BlockNumberProvider = System;
}
