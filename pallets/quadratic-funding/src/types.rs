//! Types stored and exchanged by the quadratic-funding pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::traits::fungible;
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_runtime::Perbill;

use crate::Config;

/// Index of a funding round (allocated sequentially from 0, never reused).
pub type RoundIndex = u32;

/// Index of a project within its round (allocated sequentially from 0, never reused).
pub type ProjectIndex = u32;

/// The balance type of [`Config::Currency`].
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// A round as stored by the pallet.
pub type RoundOf<T> = RoundInfo<BalanceOf<T>, BlockNumberFor<T>>;

/// A project as stored by the pallet.
pub type ProjectOf<T> = ProjectInfo<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	<T as frame_system::Config>::Hash,
>;

/// A project as reported by the runtime API.
pub type ProjectSummaryOf<T> = ProjectSummary<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	<T as frame_system::Config>::Hash,
>;

/// Where a round is in its life.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum RoundStatus {
	/// Applications, then contributions, then waiting for finalisation.
	Active,
	/// Matches are computed; projects claim their payouts.
	Finalized,
	/// Cancelled: the pool went back to the treasury and contributions are refundable.
	Cancelled,
}

/// Where a project is in its life.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum ProjectStatus {
	/// Taking contributions, taking part in matching, or waiting for its claim.
	Active,
	/// Rejected by the curator: no match; its contributions are refundable.
	Rejected,
}

/// A funding round.
///
/// The round's account (see [`crate::Pallet::round_account`]) holds
/// `reserve + pool + contributed − paid` (more only if someone sent it funds directly, which
/// go to the treasury when the round is closed).
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct RoundInfo<Balance, BlockNumber> {
	/// The matching pool moved from the treasury.
	pub pool: Balance,
	/// The existential deposit moved from the treasury with the pool, so that the round's
	/// account exists until the round is closed (returned then).
	pub reserve: Balance,
	/// Block at which the round was created: applications are open from here.
	pub start: BlockNumber,
	/// First block of the contribution period (applications close here).
	pub application_end: BlockNumber,
	/// First block after the contribution period, from which the round can be finalised.
	pub contribution_end: BlockNumber,
	/// The most one project may receive from the pool, as a fraction of the pool.
	pub cap: Perbill,
	/// The smallest contribution accepted (at least the existential deposit).
	pub min_contribution: Balance,
	/// Where the round is in its life.
	pub status: RoundStatus,
	/// Index of the next project to apply.
	pub next_project: ProjectIndex,
	/// Number of project records stored (at most [`Config::MaxProjects`]).
	pub projects: u32,
	/// Sum of all contributions received.
	pub contributed: Balance,
	/// Sum of all funds paid out of the round's account so far (payouts, refunds, and what was
	/// returned to the treasury), not counting the final sweep when the round is closed.
	pub paid: Balance,
	/// Sum of the matches computed at finalisation (zero before).
	pub matched: Balance,
}

/// A project applying for funding in a round.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct ProjectInfo<AccountId, Balance, Hash> {
	/// The account that applied and whose deposit is held.
	pub applicant: AccountId,
	/// The account paid the contributions and the match.
	pub recipient: AccountId,
	/// Hash of the project's description.
	pub description: Hash,
	/// Hash of an artifact of the registry the project is about, if any.
	pub artifact: Option<Hash>,
	/// The application deposit still held on the applicant (zero once released or slashed).
	pub deposit: Balance,
	/// Where the project is in its life.
	pub status: ProjectStatus,
	/// Number of accounts with a stored contribution to the project.
	pub contributors: u32,
	/// Running sum of the contributors' totals, `Σᵢ cᵢ`.
	pub contributed: Balance,
	/// Running sum of the roots of the contributors' totals, `Σᵢ root(cᵢ)` (see
	/// [`crate::matching::root`]: `√c` in fixed point with 6 decimal digits).
	pub sum_sqrt: u128,
	/// The project's match, set at finalisation.
	pub matched: Balance,
}

/// A project of a round with its current contributions and (projected) match, for the runtime
/// API.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct ProjectSummary<AccountId, Balance, Hash> {
	/// Index of the project in its round.
	pub index: ProjectIndex,
	/// The account paid the contributions and the match.
	pub recipient: AccountId,
	/// Hash of the project's description.
	pub description: Hash,
	/// Hash of an artifact of the registry the project is about, if any.
	pub artifact: Option<Hash>,
	/// Whether the project is active or rejected.
	pub status: ProjectStatus,
	/// Number of contributors.
	pub contributors: u32,
	/// Sum of the contributors' totals.
	pub contributed: Balance,
	/// `Σᵢ root(cᵢ)`: the sum of the square roots of the contributors' totals, in fixed point
	/// with 6 decimal digits.
	pub sum_sqrt: u128,
	/// The raw score `(Σᵢ √cᵢ)² − Σᵢ cᵢ` in the currency's units (rounded down; zero for a
	/// rejected project).
	pub score: Balance,
	/// The match: as if the round were finalised now while it is active, the computed match
	/// once it is finalised, zero if it was cancelled or the project rejected.
	pub projected_match: Balance,
}
