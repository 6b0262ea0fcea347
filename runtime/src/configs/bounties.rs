//! Bounties (issue 18): the community pays for the work it elects.
//!
//! `pallet-multi-asset-bounties` (polkadot-sdk) keeps and moves the money; `pallet-bounty-work`
//! adds applications, assignment, delivery of a registered artifact, acceptance by a decision,
//! milestones and runtime-upgrade-tied payouts, wired to the constitution's classes:
//!
//! - a bounty is opened by an approved decision of a **spend class**, within that class's limit
//!   (the treasury's own [`TreasurySpendOrigin`]): its funds leave the treasury at once;
//! - the **acceptance class** the opening decision names (by default `release-gate`: the
//!   council, with a community appeal window) accepts deliveries, assigns when no curator is
//!   named, and may close the bounty;
//! - `pallet-multi-asset-bounties` itself answers only to Root (its spend and reject origins):
//!   every bounty goes through `pallet-bounty-work`, whose account curates them all;
//! - the runtime reports each code change to `pallet-bounty-work` ([`NoteCodeChange`], the
//!   system pallet's `OnSetCode`): an enacted upgrade whose code hash is an upgrade-tied
//!   bounty's delivered artifact accepts its last milestone.

use alloc::vec::Vec;
use frame_support::{
	parameter_types,
	traits::{
		tokens::UnityAssetBalanceConversion, ConstU32, Contains, EnsureOrigin, EnsureOriginWithArg,
	},
	PalletId,
};
use frame_system::{EnsureRoot, EnsureRootWithSuccess};
use pallet_artifacts::ContentHash;
use pallet_constitution::{ClassId, EnsureAnyClass};
use pallet_multi_asset_bounties::{
	BountySourceFromPalletId, ChildBountySourceFromPalletId, PalletIdAsFundingSource,
};
use sp_runtime::{
	traits::{Identity, IdentityLookup},
	DispatchResult, Permill,
};

use crate::{
	configs::monetary::{MaxTreasurySpend, TreasuryPalletId, TreasurySpendOrigin},
	currency::{deposit, UNIT},
	time::DAYS,
	AccountId, Balance, Balances, BlockNumber, BountyWork, Preimage, Runtime, RuntimeEvent,
	RuntimeHoldReason, RuntimeOrigin,
};

/// Most milestones of one bounty (each but the last, and the curator's fee, is a child bounty).
pub const MAX_MILESTONES: u32 = 8;
/// Most applicants of one bounty.
pub const MAX_APPLICANTS: u32 = 16;

parameter_types! {
	/// The account of `pallet-multi-asset-bounties`' bounties derive from this id.
	pub const BountiesPalletId: PalletId = PalletId(*b"py/bntys");
	/// `pallet-bounty-work`'s account, the curator of every bounty it opens.
	pub const BountyWorkPalletId: PalletId = PalletId(*b"ostr/bwk");
	/// Prefix of a bounty's account.
	pub const BountyAccountPrefix: [u8; 3] = *b"mbt";
	/// Prefix of a child bounty's account.
	pub const ChildBountyAccountPrefix: [u8; 3] = *b"mcb";
	/// The smallest bounty (all its milestones and the fee): 1 OSTR.
	pub const BountyValueMinimum: Balance = UNIT;
	/// The smallest child bounty, i.e. milestone but the last, or curator's fee: half an OSTR
	/// (at most half the smallest bounty, as `pallet-multi-asset-bounties`' benchmarks need).
	pub const ChildBountyValueMinimum: Balance = UNIT / 2;
	/// Held from an applicant until the bounty ends or it withdraws: one storage item and an
	/// account (0.132 OSTR) times ten: filling a bounty's 16 applicant slots to keep others out
	/// costs 21 OSTR each time the curator dismisses them (`dismiss` sends it to the treasury).
	pub const ApplicationDeposit: Balance = deposit(10, 320);
	/// Curators take at most a tenth of the milestones.
	pub const MaxCuratorFee: Permill = Permill::from_percent(10);
	/// Between an accepted delivery and its payout: one minute. The appeal window is the
	/// acceptance class's (the decision is enacted only after it); this last delay leaves the
	/// guardians time to react to an enactment.
	pub const PayoutDelay: BlockNumber = 10;
	/// The longest a bounty may stay open: a year.
	pub const MaxBountyDuration: BlockNumber = 365 * DAYS;
}

impl pallet_multi_asset_bounties::Config for Runtime {
	type Balance = Balance;
	/// Only Root closes or unassigns directly; decisions go through `pallet-bounty-work`.
	type RejectOrigin = EnsureRoot<AccountId>;
	/// Only Root funds directly; spend classes open bounties through `pallet-bounty-work`.
	type SpendOrigin = EnsureRootWithSuccess<AccountId, MaxTreasurySpend>;
	type AssetKind = ();
	type Beneficiary = AccountId;
	type BeneficiaryLookup = IdentityLookup<AccountId>;
	type BountyValueMinimum = BountyValueMinimum;
	type ChildBountyValueMinimum = ChildBountyValueMinimum;
	type MaxActiveChildBountyCount = ConstU32<MAX_MILESTONES>;
	type WeightInfo = crate::weights::pallet_multi_asset_bounties::WeightInfo<Runtime>;
	/// Bounties are funded from, and refunded to, the treasury.
	type FundingSource = PalletIdAsFundingSource<TreasuryPalletId, Runtime, Identity>;
	type BountySource =
		BountySourceFromPalletId<BountiesPalletId, BountyAccountPrefix, Runtime, Identity>;
	type ChildBountySource = ChildBountySourceFromPalletId<
		BountiesPalletId,
		ChildBountyAccountPrefix,
		Runtime,
		Identity,
	>;
	type Paymaster = pallet_bounty_work::NativePay<Balances, AccountId>;
	type BalanceConverter = UnityAssetBalanceConversion;
	type Preimages = Preimage;
	/// The only curator is `pallet-bounty-work`'s account: no curator deposit.
	type Consideration = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

/// Root, or an approved decision of the class given.
pub struct EnsureClassArg;
impl EnsureOriginWithArg<RuntimeOrigin, ClassId> for EnsureClassArg {
	type Success = ();

	fn try_origin(o: RuntimeOrigin, class: &ClassId) -> Result<(), RuntimeOrigin> {
		let o = match <EnsureRoot<AccountId> as EnsureOrigin<RuntimeOrigin>>::try_origin(o) {
			Ok(()) => return Ok(()),
			Err(o) => o,
		};
		match <EnsureAnyClass as EnsureOrigin<RuntimeOrigin>>::try_origin(o.clone()) {
			Ok(c) if c == *class => Ok(()),
			_ => Err(o),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(_: &ClassId) -> Result<RuntimeOrigin, ()> {
		Ok(RuntimeOrigin::root())
	}
}

/// The classes of the constitution's class table.
pub struct ExistingClasses;
impl Contains<ClassId> for ExistingClasses {
	fn contains(class: &ClassId) -> bool {
		pallet_constitution::Classes::<Runtime>::contains_key(class)
	}
}

/// Deliveries are artifacts of `pallet-artifacts`: usable (neither suspended nor withdrawn),
/// and, for runtime upgrades, keyed by their BLAKE2b-256 hash (a runtime's code hash).
pub struct RegisteredArtifacts;
impl pallet_bounty_work::Deliverables<AccountId> for RegisteredArtifacts {
	type Id = ContentHash;

	fn registrant(id: &ContentHash) -> Option<AccountId> {
		pallet_artifacts::Artifacts::<Runtime>::get(id)
			.filter(|a| a.stage.release_stage().is_some())
			.map(|a| a.registrant)
	}

	fn code_hash(id: &ContentHash) -> Option<[u8; 32]> {
		match id {
			ContentHash::Blake2_256(hash) => Some(*hash),
			ContentHash::Sha2_256(_) => None,
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn register(registrant: &AccountId, seed: u32, code: bool) -> ContentHash {
		use codec::Encode;
		use frame_support::traits::fungible::Mutate;
		let digest = <sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash(
			&(b"bounty-artifact", seed).encode(),
		)
		.0;
		let id = if code { ContentHash::Blake2_256(digest) } else { ContentHash::Sha2_256(digest) };
		let _ = Balances::mint_into(registrant, 1_000 * UNIT);
		let _ = crate::Artifacts::register(
			RuntimeOrigin::signed(registrant.clone()),
			id,
			pallet_artifacts::ArtifactKind::Code,
			b"artifact".to_vec(),
			b"1".to_vec(),
			1,
			None,
			b"Apache-2.0".to_vec(),
			Vec::new(),
		);
		id
	}
}

impl pallet_bounty_work::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = crate::weights::pallet_bounty_work::WeightInfo<Runtime>;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	/// The treasury's spend origin: Root, or a spend class up to its limit.
	type OpenOrigin = TreasurySpendOrigin;
	type ClassId = ClassId;
	type ClassOrigin = EnsureClassArg;
	type ClassExists = ExistingClasses;
	type Artifacts = RegisteredArtifacts;
	type PalletId = BountyWorkPalletId;
	type ApplicationDeposit = ApplicationDeposit;
	type MaxApplicants = ConstU32<MAX_APPLICANTS>;
	type MaxMilestones = ConstU32<MAX_MILESTONES>;
	type MaxTitleLen = ConstU32<128>;
	type MaxCuratorFee = MaxCuratorFee;
	type PayoutDelay = PayoutDelay;
	type MaxDuration = MaxBountyDuration;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkClass =
		frame_support::traits::ConstU8<{ crate::configs::constitution::classes::RELEASE_GATE }>;
}

/// The system pallet's `OnSetCode`: tells `pallet-bounty-work` the new code's hash (the
/// BLAKE2b-256 hash `authorize_upgrade` names), then stores the code as the system pallet does.
pub struct NoteCodeChange;
impl frame_system::SetCode<Runtime> for NoteCodeChange {
	fn set_code(code: Vec<u8>) -> DispatchResult {
		BountyWork::note_code_change(
			<sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash(&code).0,
		);
		frame_system::Pallet::<Runtime>::update_code_in_storage(&code);
		Ok(())
	}
}
