//! Types of the bounty-work pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::*, traits::fungible::Inspect};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;

use crate::Config;

/// The index of a bounty: the index `pallet-multi-asset-bounties` gave it.
pub type BountyIndex = pallet_multi_asset_bounties::BountyIndex;

/// A 32-byte hash: a bounty's specification, or a runtime's code hash.
pub type Hash32 = [u8; 32];

/// Balance of the currency bounties are paid in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// The identifier of a delivered artifact.
pub type ArtifactIdOf<T> =
	<<T as Config>::Artifacts as Deliverables<<T as frame_system::Config>::AccountId>>::Id;

/// A bounty's title.
pub type TitleOf<T> = BoundedVec<u8, <T as Config>::MaxTitleLen>;

/// A bounty's milestones: the amounts paid to the contributor, in order.
pub type MilestonesOf<T> = BoundedVec<BalanceOf<T>, <T as Config>::MaxMilestones>;

/// A bounty's applicants.
pub type ApplicantsOf<T> =
	BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxApplicants>;

/// A bounty as this pallet keeps it.
pub type BountyOf<T> = Bounty<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as Config>::ClassId,
	ArtifactIdOf<T>,
	TitleOf<T>,
	MilestonesOf<T>,
	ApplicantsOf<T>,
>;

/// Where the work of a bounty's current milestone stands.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub enum WorkStatus<ArtifactId, BlockNumber> {
	/// Waiting for a delivery (the bounty may or may not have an assignee).
	#[codec(index = 0)]
	Open,
	/// The assignee delivered `artifact` at block `at`; waiting for acceptance (a decision of
	/// the bounty's acceptance class, or, for the last milestone of an upgrade-tied bounty, the
	/// enactment of the runtime upgrade whose code hash is the artifact's).
	#[codec(index = 1)]
	Delivered {
		/// The delivered artifact.
		artifact: ArtifactId,
		/// Block of the delivery.
		at: BlockNumber,
	},
	/// The delivery was accepted; anyone may `claim` the milestone's payout from `payable_at`.
	#[codec(index = 2)]
	Accepted {
		/// The accepted artifact.
		artifact: ArtifactId,
		/// First block at which the payout can be claimed.
		payable_at: BlockNumber,
	},
}

/// A bounty: what the community wants built, what it pays, and where the work stands.
///
/// Its funds sit in the bounty's account of `pallet-multi-asset-bounties` (the parent bounty
/// holds the last milestone, each earlier milestone and the curator's fee is a child bounty),
/// whose curator is this pallet's account: the money moves only by this pallet's rules.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct Bounty<
	AccountId,
	Balance,
	BlockNumber,
	ClassId,
	ArtifactId,
	Title,
	Milestones,
	Applicants,
> {
	/// A short title (UTF-8 by convention).
	pub title: Title,
	/// The hash of the specification document (kept off-chain; e.g. its SHA2-256).
	pub spec: crate::Hash32,
	/// The amounts paid to the contributor, one per milestone, in order (never empty).
	pub milestones: Milestones,
	/// Number of milestones already paid.
	pub paid: u32,
	/// The curator, if the opening decision named one; `None`: the acceptance class curates.
	pub curator: Option<AccountId>,
	/// Paid to the curator with the last milestone (zero without a curator).
	pub curator_fee: Balance,
	/// The class whose decisions accept deliveries, assign, and close the bounty.
	pub accept_class: ClassId,
	/// Whether the last milestone is accepted by the enactment of a runtime upgrade whose code
	/// hash is the delivered artifact's BLAKE2b-256 hash.
	pub upgrade: bool,
	/// After this block, a bounty with no delivery under way can be expired by anyone.
	pub deadline: BlockNumber,
	/// Accounts that applied to do the work (each holds [`crate::Config::ApplicationDeposit`]).
	pub applicants: Applicants,
	/// The applicant the curator assigned, who alone may deliver.
	pub assignee: Option<AccountId>,
	/// The current milestone's work.
	pub status: WorkStatus<ArtifactId, BlockNumber>,
}

/// The artifact registry, as bounties see it: who registered an artifact, and whether it is a
/// runtime's code.
pub trait Deliverables<AccountId> {
	/// The identifier of an artifact.
	type Id: Parameter + MaxEncodedLen + Member;

	/// The account that registered `id`, if it is registered and usable (neither suspended
	/// nor withdrawn).
	fn registrant(id: &Self::Id) -> Option<AccountId>;

	/// The BLAKE2b-256 hash of the artifact's content, if its identifier is one: the code hash a
	/// runtime upgrade of this Wasm blob would have.
	fn code_hash(id: &Self::Id) -> Option<crate::Hash32>;

	/// Registers an artifact of `registrant` for benchmarks, returning its identifier; with
	/// `code`, its identifier is a BLAKE2b-256 hash.
	#[cfg(feature = "runtime-benchmarks")]
	fn register(registrant: &AccountId, seed: u32, code: bool) -> Self::Id;
}
