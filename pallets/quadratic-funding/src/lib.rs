//! # Quadratic funding pallet
//!
//! Sybil-gated quadratic funding rounds for public goods (Ostrom design §6): compute credits,
//! evaluation grants, documentation bounties — funded so that broad support beats deep pockets.
//!
//! - [`Config::CreateOrigin`] creates a **round** with a matching pool moved from the treasury
//!   ([`Config::TreasuryAccount`]) into the round's own account (a sub-account of
//!   [`Config::PalletId`]), an application period, a contribution period, a per-project cap (a
//!   fraction of the pool) and a minimum contribution. The pool is at most the limit the origin
//!   carries, and the cap at most [`Config::MaxCap`] unless the origin is Root.
//! - During the application period anyone may [`Pallet::apply`] with a project (recipient,
//!   description hash, optional artifact hash), holding [`Config::ApplicationDeposit`]. The
//!   curator ([`Config::CuratorOrigin`]) may [`Pallet::reject_project`] with a reason hash; the
//!   deposit of a rejected project is **slashed to the treasury** (the deposit is what makes
//!   spam applications costly), and contributions it received become refundable.
//! - During the contribution period, accounts with a personhood credential
//!   ([`Config::Personhood`]) [`Pallet::contribute`] to projects; others are refused with
//!   [`Error::NotPerson`]. Contributions move into the round's account. Matching counts
//!   **persons**, not accounts: a person (the [`ostrom_primitives::PersonId`] of its
//!   credential, the same across key rotations) contributes to a project from one account
//!   only; a contribution of the same person from another account is refused with
//!   [`Error::PersonAlreadyContributed`] ([`PersonContributions`]).
//! - After the contribution period anyone may [`Pallet::finalize_round`]: it computes every
//!   project's match in one step, O(projects), and returns the part of the pool that is not
//!   allocated to the treasury. Anyone may then [`Pallet::claim`] a project's payout
//!   (contributions plus match, to the recipient), which also returns its deposit.
//! - [`Config::CreateOrigin`] or the curator may [`Pallet::cancel_round`] before it is
//!   finalised: the pool returns to the treasury, deposits are returned, and every contribution
//!   can be [`Pallet::refund`]ed.
//!
//! ## Matching
//!
//! Project `p`'s raw score is `(Σᵢ √cᵢₚ)² − Σᵢ cᵢₚ`, where `cᵢₚ` is contributor `i`'s total to
//! `p`. Its match is its share of the pool in proportion to its score, at most `cap · pool`, with
//! the excess of capped projects redistributed among the others. Integer maths only, every share
//! rounded down (see [`matching`]). Each project keeps `Σᵢ √cᵢₚ` and `Σᵢ cᵢₚ` as running sums
//! and each contributor's total in [`Contributions`], so a contribution costs O(1).
//!
//! ## Storage lifecycle
//!
//! A project record is removed when the project is settled: claimed, or (rejected or in a
//! cancelled round) with all of its contributions refunded. A round record is removed — and its
//! account swept to the treasury, which returns the reserve — once the round is finalised or
//! cancelled and all of its projects are settled. The per-contributor records of a claimed
//! project are no longer needed; anyone may delete them with [`Pallet::reap_contributions`]
//! ([`Config::RemoveItemsLimit`] per call). Nothing else is left behind.
//!
//! Clients read rounds and projects, with projected matches, through
//! [`runtime_api::QuadraticFundingApi`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod matching;
pub mod runtime_api;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(any(feature = "try-runtime", test))]
use alloc::collections::btree_map::BTreeMap;
use alloc::vec::Vec;
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Restriction},
	},
	PalletId,
};
use frame_system::pallet_prelude::*;
use ostrom_primitives::{PersonId, PersonhoodProvider};
use sp_runtime::{
	traits::{AccountIdConversion, Saturating},
	Perbill, SaturatedConversion,
};

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	#[pallet::pallet]
	pub struct Pallet<T>(PhantomData<T>);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// Weight information for the calls of this pallet.
		type WeightInfo: WeightInfo;

		/// The currency of pools, contributions and deposits.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The pallet's id: each round's account is its sub-account for the round index.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The treasury's account: pools come from it; unallocated funds, slashed deposits and
		/// round reserves go back to it. It must exist (hold at least the existential deposit).
		type TreasuryAccount: Get<Self::AccountId>;

		/// Who is a verified unique person; only persons may contribute.
		type Personhood: PersonhoodProvider<Self::AccountId>;

		/// Origin that creates and cancels rounds (a decision class of the constitution). Its
		/// success value is the largest pool it may give one round, as the treasury's
		/// `SpendOrigin` carries the largest spend: [`Pallet::create_round`] refuses a larger
		/// pool with [`Error::PoolAboveLimit`].
		type CreateOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = BalanceOf<Self>>;

		/// Origin of the round curator, who rejects projects and may cancel rounds.
		type CuratorOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Largest per-project cap (fraction of the pool) a round created by an origin other
		/// than Root may have; a higher cap is refused with [`Error::CapAboveLimit`]. Bounds
		/// how much of one decision's pool a single project can take.
		#[pallet::constant]
		type MaxCap: Get<Perbill>;

		/// Deposit held on the applicant of a project until the project is settled (returned,
		/// or slashed to the treasury if the project is rejected).
		#[pallet::constant]
		type ApplicationDeposit: Get<BalanceOf<Self>>;

		/// Maximum number of project records a round holds at a time; bounds the work of
		/// finalising or cancelling a round.
		#[pallet::constant]
		type MaxProjects: Get<u32>;

		/// Shortest application or contribution period, in blocks. Not zero.
		#[pallet::constant]
		type MinPeriod: Get<BlockNumberFor<Self>>;

		/// Longest application or contribution period, in blocks.
		#[pallet::constant]
		type MaxPeriod: Get<BlockNumberFor<Self>>;

		/// Maximum number of contribution records one [`Pallet::reap_contributions`] deletes.
		#[pallet::constant]
		type RemoveItemsLimit: Get<u32>;
	}

	/// A reason for the pallet to hold funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a project application.
		#[codec(index = 0)]
		ProjectDeposit,
	}

	/// Number of rounds ever created: the index of the next round.
	#[pallet::storage]
	pub type RoundCount<T: Config> = StorageValue<_, RoundIndex, ValueQuery>;

	/// The rounds that are not closed yet.
	#[pallet::storage]
	pub type Rounds<T: Config> = StorageMap<_, Twox64Concat, RoundIndex, RoundOf<T>, OptionQuery>;

	/// The projects that are not settled yet: round → project index → project.
	#[pallet::storage]
	pub type Projects<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		RoundIndex,
		Twox64Concat,
		ProjectIndex,
		ProjectOf<T>,
		OptionQuery,
	>;

	/// Each contributor's total to a project: (round, project) → contributor → total.
	#[pallet::storage]
	pub type Contributions<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		(RoundIndex, ProjectIndex),
		Blake2_128Concat,
		T::AccountId,
		BalanceOf<T>,
		OptionQuery,
	>;

	/// The account each person contributed to a project from: (round, project) → person →
	/// account. Deleted with the project's contribution records
	/// ([`Pallet::reap_contributions`]).
	#[pallet::storage]
	pub type PersonContributions<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		(RoundIndex, ProjectIndex),
		Twox64Concat,
		PersonId,
		T::AccountId,
		OptionQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A round was created; `pool` plus the account's reserve moved from the treasury to
		/// `account`.
		RoundCreated {
			/// The new round's index.
			round: RoundIndex,
			/// The round's account, holding its pool and the contributions.
			account: T::AccountId,
			/// The matching pool, in plancks.
			pool: BalanceOf<T>,
			/// The block at which the application period ends and the contribution period
			/// starts.
			application_end: BlockNumberFor<T>,
			/// The block at which the contribution period ends; the round can be finalised from
			/// it on.
			contribution_end: BlockNumberFor<T>,
			/// The largest match one project may get, as a fraction of the pool.
			cap: Perbill,
			/// The smallest contribution accepted, in plancks.
			min_contribution: BalanceOf<T>,
		},
		/// A project applied to a round; `deposit` is held on `applicant`.
		ProjectApplied {
			/// The round's index.
			round: RoundIndex,
			/// The new project's index in the round.
			project: ProjectIndex,
			/// The account that applied and whose deposit is held.
			applicant: T::AccountId,
			/// The account the project's payout goes to.
			recipient: T::AccountId,
			/// Hash of the document describing the project.
			description: T::Hash,
			/// Hash of the registry artifact the project is about, if any.
			artifact: Option<T::Hash>,
			/// The application deposit held on the applicant, in plancks.
			deposit: BalanceOf<T>,
		},
		/// The curator rejected a project for `reason`; `slashed` of its deposit went to the
		/// treasury.
		ProjectRejected {
			/// The round's index.
			round: RoundIndex,
			/// The rejected project's index in the round.
			project: ProjectIndex,
			/// Hash of the curator's reason.
			reason: T::Hash,
			/// The part of the applicant's deposit moved to the treasury, in plancks.
			slashed: BalanceOf<T>,
		},
		/// `who` contributed `amount` to a project; its total to the project is now `total`.
		Contributed {
			/// The round's index.
			round: RoundIndex,
			/// The project's index in the round.
			project: ProjectIndex,
			/// The contributing account.
			who: T::AccountId,
			/// The amount contributed now, in plancks.
			amount: BalanceOf<T>,
			/// The account's total contribution to the project, in plancks (what matching
			/// counts).
			total: BalanceOf<T>,
		},
		/// Finalisation computed a project's match.
		ProjectMatched {
			/// The round's index.
			round: RoundIndex,
			/// The project's index in the round.
			project: ProjectIndex,
			/// The project's share of the matching pool, in plancks.
			matched: BalanceOf<T>,
		},
		/// A round was finalised: `matched` of the pool is allocated to its projects and
		/// `returned` went back to the treasury.
		RoundFinalized {
			/// The round's index.
			round: RoundIndex,
			/// The part of the pool allocated to the projects, in plancks.
			matched: BalanceOf<T>,
			/// The part of the pool returned to the treasury, in plancks.
			returned: BalanceOf<T>,
		},
		/// A project's payout was paid to its recipient.
		Claimed {
			/// The round's index.
			round: RoundIndex,
			/// The project's index in the round.
			project: ProjectIndex,
			/// The account paid.
			recipient: T::AccountId,
			/// The contributions to the project paid out, in plancks.
			contributions: BalanceOf<T>,
			/// The project's match paid out, in plancks.
			matched: BalanceOf<T>,
		},
		/// A project's application deposit was returned to its applicant.
		DepositReleased {
			/// The round's index.
			round: RoundIndex,
			/// The project's index in the round.
			project: ProjectIndex,
			/// The account that applied.
			applicant: T::AccountId,
			/// The deposit released, in plancks.
			amount: BalanceOf<T>,
		},
		/// A round was cancelled; its pool (`returned`) went back to the treasury.
		RoundCancelled {
			/// The round's index.
			round: RoundIndex,
			/// The pool returned to the treasury, in plancks.
			returned: BalanceOf<T>,
		},
		/// A contribution was refunded to its contributor.
		Refunded {
			/// The round's index.
			round: RoundIndex,
			/// The project's index in the round.
			project: ProjectIndex,
			/// The contributor refunded.
			who: T::AccountId,
			/// The amount refunded (the contributor's total to the project), in plancks.
			amount: BalanceOf<T>,
		},
		/// A round was settled and deleted; what remained on its account (its reserve, plus
		/// anything sent to it directly) went to the treasury.
		RoundClosed {
			/// The closed round's index.
			round: RoundIndex,
			/// The balance moved from the round's account to the treasury, in plancks.
			returned: BalanceOf<T>,
		},
		/// `removed` contribution records of a claimed project were deleted.
		ContributionsReaped {
			/// The round's index.
			round: RoundIndex,
			/// The project's index in the round.
			project: ProjectIndex,
			/// The number of records deleted (contribution records, then per-person records).
			removed: u32,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No round with this index (never created, or closed).
		RoundNotFound,
		/// No unsettled project with this index in the round.
		ProjectNotFound,
		/// A round's matching pool must not be zero.
		ZeroPool,
		/// A round's per-project cap must not be zero.
		ZeroCap,
		/// The pool is larger than the creating origin may give one round (the success value
		/// of [`Config::CreateOrigin`]).
		PoolAboveLimit,
		/// The per-project cap is above [`Config::MaxCap`], which binds every origin but Root.
		CapAboveLimit,
		/// The minimum contribution must be at least the existential deposit (and not zero).
		MinContributionTooLow,
		/// A period is shorter than [`Config::MinPeriod`].
		PeriodTooShort,
		/// A period is longer than [`Config::MaxPeriod`].
		PeriodTooLong,
		/// The treasury cannot pay the pool and the round account's reserve and stay alive.
		InsufficientTreasuryFunds,
		/// The round's application period is over.
		NotApplicationPeriod,
		/// The round holds [`Config::MaxProjects`] projects.
		TooManyProjects,
		/// The account cannot pay this amount and stay alive.
		InsufficientBalance,
		/// The round is finalised or cancelled.
		RoundNotActive,
		/// The project was rejected.
		ProjectIsRejected,
		/// The round is not in its contribution period.
		NotContributionPeriod,
		/// Only accounts with a valid personhood credential may contribute.
		NotPerson,
		/// The caller's person already contributed to this project from another account (a
		/// person's contributions to a project count once, from one account).
		PersonAlreadyContributed,
		/// The contribution is below the round's minimum.
		ContributionTooLow,
		/// The round's contribution period is not over yet.
		ContributionPeriodNotOver,
		/// The round is not finalised.
		RoundNotFinalized,
		/// Contributions to this project are not refundable: the round is not cancelled and the
		/// project not rejected.
		NotRefundable,
		/// The account has no contribution to this project.
		NoContribution,
		/// The project is not settled; its contributions may not be deleted.
		ProjectNotSettled,
		/// The project has no contribution records left.
		NothingToReap,
		/// An amount or index would exceed the numeric range.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(!T::MinPeriod::get().is_zero(), "MinPeriod must not be zero");
			assert!(
				T::MinPeriod::get() <= T::MaxPeriod::get(),
				"MinPeriod must not exceed MaxPeriod"
			);
			assert!(T::MaxProjects::get() > 0, "MaxProjects must not be zero");
			assert!(T::RemoveItemsLimit::get() > 0, "RemoveItemsLimit must not be zero");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Create a round: move `pool` (plus the existential deposit, which keeps the round's
		/// account alive until the round is closed) from the treasury into the round's account.
		/// Applications are open for `application_period` blocks from now, then contributions
		/// for `contribution_period` blocks. No project receives more than `cap · pool`; no
		/// contribution is below `min_contribution` (at least the existential deposit).
		///
		/// The pool may not exceed the limit the origin carries ([`Error::PoolAboveLimit`]); an
		/// origin other than Root may not set a cap above [`Config::MaxCap`]
		/// ([`Error::CapAboveLimit`]).
		///
		/// Origin: [`Config::CreateOrigin`]. Emits [`Event::RoundCreated`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_round())]
		pub fn create_round(
			origin: OriginFor<T>,
			pool: BalanceOf<T>,
			application_period: BlockNumberFor<T>,
			contribution_period: BlockNumberFor<T>,
			cap: Perbill,
			min_contribution: BalanceOf<T>,
		) -> DispatchResult {
			let is_root = ensure_root(origin.clone()).is_ok();
			let max_pool = T::CreateOrigin::ensure_origin(origin)?;
			ensure!(!pool.is_zero(), Error::<T>::ZeroPool);
			ensure!(pool <= max_pool, Error::<T>::PoolAboveLimit);
			ensure!(!cap.is_zero(), Error::<T>::ZeroCap);
			ensure!(is_root || cap <= T::MaxCap::get(), Error::<T>::CapAboveLimit);
			let reserve = <T::Currency as Inspect<T::AccountId>>::minimum_balance();
			ensure!(
				!min_contribution.is_zero() && min_contribution >= reserve,
				Error::<T>::MinContributionTooLow
			);
			for period in [application_period, contribution_period] {
				ensure!(period >= T::MinPeriod::get(), Error::<T>::PeriodTooShort);
				ensure!(period <= T::MaxPeriod::get(), Error::<T>::PeriodTooLong);
			}
			let start = Self::now();
			let application_end =
				start.checked_add(&application_period).ok_or(Error::<T>::Overflow)?;
			let contribution_end =
				application_end.checked_add(&contribution_period).ok_or(Error::<T>::Overflow)?;
			let round = RoundCount::<T>::get();
			let next_round = round.checked_add(1).ok_or(Error::<T>::Overflow)?;
			let endowment = pool.checked_add(&reserve).ok_or(Error::<T>::Overflow)?;
			let treasury = T::TreasuryAccount::get();
			ensure!(
				T::Currency::reducible_balance(
					&treasury,
					Preservation::Preserve,
					Fortitude::Polite
				) >= endowment,
				Error::<T>::InsufficientTreasuryFunds
			);

			let account = Self::round_account(round);
			T::Currency::transfer(&treasury, &account, endowment, Preservation::Preserve)?;
			Rounds::<T>::insert(
				round,
				RoundInfo {
					pool,
					reserve,
					start,
					application_end,
					contribution_end,
					cap,
					min_contribution,
					status: RoundStatus::Active,
					next_project: 0,
					projects: 0,
					contributed: Zero::zero(),
					paid: Zero::zero(),
					matched: Zero::zero(),
				},
			);
			RoundCount::<T>::put(next_round);
			Self::deposit_event(Event::RoundCreated {
				round,
				account,
				pool,
				application_end,
				contribution_end,
				cap,
				min_contribution,
			});
			Ok(())
		}

		/// Apply to `round` with a project paying `recipient`, described by the document with
		/// hash `description`, optionally about the registry artifact with hash `artifact`.
		/// Only during the application period; holds [`Config::ApplicationDeposit`] on the
		/// caller until the project is settled.
		///
		/// Emits [`Event::ProjectApplied`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::apply())]
		pub fn apply(
			origin: OriginFor<T>,
			round: RoundIndex,
			recipient: T::AccountId,
			description: T::Hash,
			artifact: Option<T::Hash>,
		) -> DispatchResult {
			let applicant = ensure_signed(origin)?;
			let mut info = Rounds::<T>::get(round).ok_or(Error::<T>::RoundNotFound)?;
			ensure!(info.status == RoundStatus::Active, Error::<T>::RoundNotActive);
			ensure!(Self::now() < info.application_end, Error::<T>::NotApplicationPeriod);
			ensure!(info.projects < T::MaxProjects::get(), Error::<T>::TooManyProjects);
			let project = info.next_project;
			info.next_project = project.checked_add(1).ok_or(Error::<T>::Overflow)?;
			info.projects = info.projects.saturating_add(1);
			let deposit = T::ApplicationDeposit::get();
			if !deposit.is_zero() {
				ensure!(
					T::Currency::reducible_balance(
						&applicant,
						Preservation::Preserve,
						Fortitude::Polite
					) >= deposit,
					Error::<T>::InsufficientBalance
				);
				T::Currency::hold(&Self::hold_reason(), &applicant, deposit)?;
			}

			Projects::<T>::insert(
				round,
				project,
				ProjectInfo {
					applicant: applicant.clone(),
					recipient: recipient.clone(),
					description,
					artifact,
					deposit,
					status: ProjectStatus::Active,
					contributors: 0,
					contributed: Zero::zero(),
					sum_sqrt: 0,
					matched: Zero::zero(),
				},
			);
			Rounds::<T>::insert(round, info);
			Self::deposit_event(Event::ProjectApplied {
				round,
				project,
				applicant,
				recipient,
				description,
				artifact,
				deposit,
			});
			Ok(())
		}

		/// Reject a project of an active round (in any period before finalisation), for the
		/// reason whose hash is given. The project's deposit is slashed to the treasury; it
		/// takes no part in matching and takes no more contributions; those it received are
		/// refundable with [`Pallet::refund`].
		///
		/// Origin: [`Config::CuratorOrigin`]. Emits [`Event::ProjectRejected`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::reject_project())]
		pub fn reject_project(
			origin: OriginFor<T>,
			round: RoundIndex,
			project: ProjectIndex,
			reason: T::Hash,
		) -> DispatchResult {
			T::CuratorOrigin::ensure_origin(origin)?;
			let mut info = Rounds::<T>::get(round).ok_or(Error::<T>::RoundNotFound)?;
			ensure!(info.status == RoundStatus::Active, Error::<T>::RoundNotActive);
			let mut record =
				Projects::<T>::get(round, project).ok_or(Error::<T>::ProjectNotFound)?;
			ensure!(record.status == ProjectStatus::Active, Error::<T>::ProjectIsRejected);
			let slashed = if record.deposit.is_zero() {
				Zero::zero()
			} else {
				T::Currency::transfer_on_hold(
					&Self::hold_reason(),
					&record.applicant,
					&T::TreasuryAccount::get(),
					record.deposit,
					Precision::BestEffort,
					Restriction::Free,
					Fortitude::Force,
				)?
			};
			record.deposit = Zero::zero();
			record.status = ProjectStatus::Rejected;
			Self::store_project(round, project, record, &mut info);
			Rounds::<T>::insert(round, info);
			Self::deposit_event(Event::ProjectRejected { round, project, reason, slashed });
			Ok(())
		}

		/// Contribute `amount` to a project during the round's contribution period. The caller
		/// must be a verified person ([`Config::Personhood`]); `amount` must be at least the
		/// round's minimum. The funds move into the round's account. A second contribution to
		/// the same project adds to the caller's total, which is what matching counts; a
		/// contribution of the same person from another account (a rotated key) is refused
		/// ([`Error::PersonAlreadyContributed`]). O(1).
		///
		/// Emits [`Event::Contributed`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::contribute())]
		pub fn contribute(
			origin: OriginFor<T>,
			round: RoundIndex,
			project: ProjectIndex,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut info = Rounds::<T>::get(round).ok_or(Error::<T>::RoundNotFound)?;
			ensure!(info.status == RoundStatus::Active, Error::<T>::RoundNotActive);
			let now = Self::now();
			ensure!(
				(info.application_end..info.contribution_end).contains(&now),
				Error::<T>::NotContributionPeriod
			);
			let mut record =
				Projects::<T>::get(round, project).ok_or(Error::<T>::ProjectNotFound)?;
			ensure!(record.status == ProjectStatus::Active, Error::<T>::ProjectIsRejected);
			let person = T::Personhood::person_of(&who).ok_or(Error::<T>::NotPerson)?;
			let first_of_person = match PersonContributions::<T>::get((round, project), person) {
				Some(account) => {
					ensure!(account == who, Error::<T>::PersonAlreadyContributed);
					false
				},
				None => true,
			};
			ensure!(amount >= info.min_contribution, Error::<T>::ContributionTooLow);
			ensure!(
				T::Currency::reducible_balance(&who, Preservation::Preserve, Fortitude::Polite)
					>= amount,
				Error::<T>::InsufficientBalance
			);

			let previous = Contributions::<T>::get((round, project), &who);
			let old = previous.unwrap_or_default();
			let total = old.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
			let old_root = matching::root(old.saturated_into::<u128>());
			let new_root = matching::root(total.saturated_into::<u128>());
			record.sum_sqrt = record
				.sum_sqrt
				.checked_sub(old_root)
				.and_then(|sum| sum.checked_add(new_root))
				.ok_or(Error::<T>::Overflow)?;
			record.contributed =
				record.contributed.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
			if previous.is_none() {
				record.contributors =
					record.contributors.checked_add(1).ok_or(Error::<T>::Overflow)?;
			}
			info.contributed = info.contributed.checked_add(&amount).ok_or(Error::<T>::Overflow)?;

			T::Currency::transfer(
				&who,
				&Self::round_account(round),
				amount,
				Preservation::Preserve,
			)?;
			Contributions::<T>::insert((round, project), &who, total);
			if first_of_person {
				PersonContributions::<T>::insert((round, project), person, &who);
			}
			Projects::<T>::insert(round, project, record);
			Rounds::<T>::insert(round, info);
			Self::deposit_event(Event::Contributed { round, project, who, amount, total });
			Ok(())
		}

		/// Finalise a round after its contribution period: compute and store every active
		/// project's match, and return the part of the pool that is not allocated (rounding
		/// dust, the excess no project may take because of the cap, or all of it if no project
		/// scores) to the treasury. Anyone may call this. O(projects).
		///
		/// Emits [`Event::ProjectMatched`] for each active project, then [`Event::RoundFinalized`]
		/// (and [`Event::RoundClosed`] if no project is left to settle).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::finalize_round(T::MaxProjects::get()))]
		pub fn finalize_round(
			origin: OriginFor<T>,
			round: RoundIndex,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let mut info = Rounds::<T>::get(round).ok_or(Error::<T>::RoundNotFound)?;
			ensure!(info.status == RoundStatus::Active, Error::<T>::RoundNotActive);
			ensure!(Self::now() >= info.contribution_end, Error::<T>::ContributionPeriodNotOver);

			let projects = Self::projects_of(round);
			let count = u32::try_from(projects.len()).unwrap_or(u32::MAX);
			let matches = Self::compute_matches(&info, &projects);
			let mut matched: BalanceOf<T> = Zero::zero();
			for ((index, mut record), amount) in projects.into_iter().zip(matches) {
				if record.status != ProjectStatus::Active {
					continue;
				}
				record.matched = amount;
				matched = matched.saturating_add(amount);
				Projects::<T>::insert(round, index, record);
				Self::deposit_event(Event::ProjectMatched {
					round,
					project: index,
					matched: amount,
				});
			}
			let returned = info.pool.saturating_sub(matched);
			if !returned.is_zero() {
				T::Currency::transfer(
					&Self::round_account(round),
					&T::TreasuryAccount::get(),
					returned,
					Preservation::Preserve,
				)?;
			}
			info.matched = matched;
			info.paid = info.paid.checked_add(&returned).ok_or(Error::<T>::Overflow)?;
			info.status = RoundStatus::Finalized;
			Self::deposit_event(Event::RoundFinalized { round, matched, returned });
			Self::put_round(round, info)?;
			Ok(Some(T::WeightInfo::finalize_round(count)).into())
		}

		/// Pay a project of a finalised round: its contributions plus its match go to its
		/// recipient, and its deposit back to its applicant. Anyone may call this. The last
		/// claim of a round closes it.
		///
		/// Emits [`Event::Claimed`] (and [`Event::DepositReleased`], [`Event::RoundClosed`]).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::claim())]
		pub fn claim(
			origin: OriginFor<T>,
			round: RoundIndex,
			project: ProjectIndex,
		) -> DispatchResult {
			ensure_signed(origin)?;
			let mut info = Rounds::<T>::get(round).ok_or(Error::<T>::RoundNotFound)?;
			ensure!(info.status == RoundStatus::Finalized, Error::<T>::RoundNotFinalized);
			let record = Projects::<T>::get(round, project).ok_or(Error::<T>::ProjectNotFound)?;
			ensure!(record.status == ProjectStatus::Active, Error::<T>::ProjectIsRejected);
			let payout =
				record.contributed.checked_add(&record.matched).ok_or(Error::<T>::Overflow)?;
			if !payout.is_zero() {
				T::Currency::transfer(
					&Self::round_account(round),
					&record.recipient,
					payout,
					Preservation::Preserve,
				)?;
			}
			Self::release_deposit(round, project, &record)?;
			info.paid = info.paid.checked_add(&payout).ok_or(Error::<T>::Overflow)?;
			info.projects = info.projects.saturating_sub(1);
			Projects::<T>::remove(round, project);
			Self::deposit_event(Event::Claimed {
				round,
				project,
				recipient: record.recipient,
				contributions: record.contributed,
				matched: record.matched,
			});
			Self::put_round(round, info)
		}

		/// Cancel a round that is not finalised: its pool goes back to the treasury, every
		/// project's deposit back to its applicant, and every contribution becomes refundable
		/// with [`Pallet::refund`]. Closes the round if no contribution is left to refund.
		///
		/// Origin: [`Config::CreateOrigin`] or [`Config::CuratorOrigin`]. Emits
		/// [`Event::RoundCancelled`] (and [`Event::DepositReleased`], [`Event::RoundClosed`]).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::cancel_round(T::MaxProjects::get()))]
		pub fn cancel_round(origin: OriginFor<T>, round: RoundIndex) -> DispatchResultWithPostInfo {
			Self::ensure_create_or_curator(origin)?;
			let mut info = Rounds::<T>::get(round).ok_or(Error::<T>::RoundNotFound)?;
			ensure!(info.status == RoundStatus::Active, Error::<T>::RoundNotActive);
			let returned = info.pool;
			T::Currency::transfer(
				&Self::round_account(round),
				&T::TreasuryAccount::get(),
				returned,
				Preservation::Preserve,
			)?;
			info.paid = info.paid.checked_add(&returned).ok_or(Error::<T>::Overflow)?;
			info.status = RoundStatus::Cancelled;
			Self::deposit_event(Event::RoundCancelled { round, returned });

			let projects = Self::projects_of(round);
			let count = u32::try_from(projects.len()).unwrap_or(u32::MAX);
			for (index, mut record) in projects {
				Self::release_deposit(round, index, &record)?;
				record.deposit = Zero::zero();
				Self::store_project(round, index, record, &mut info);
			}
			Self::put_round(round, info)?;
			Ok(Some(T::WeightInfo::cancel_round(count)).into())
		}

		/// Refund `contributor`'s contribution to a project of a cancelled round, or to a
		/// rejected project. Anyone may call this; the funds go to the contributor. The last
		/// refund of a settled project removes it, and of a settled round closes it.
		///
		/// Emits [`Event::Refunded`] (and [`Event::RoundClosed`]).
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::refund())]
		pub fn refund(
			origin: OriginFor<T>,
			round: RoundIndex,
			project: ProjectIndex,
			contributor: T::AccountId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			let mut info = Rounds::<T>::get(round).ok_or(Error::<T>::RoundNotFound)?;
			let mut record =
				Projects::<T>::get(round, project).ok_or(Error::<T>::ProjectNotFound)?;
			ensure!(
				info.status == RoundStatus::Cancelled || record.status == ProjectStatus::Rejected,
				Error::<T>::NotRefundable
			);
			let amount = Contributions::<T>::get((round, project), &contributor)
				.ok_or(Error::<T>::NoContribution)?;
			T::Currency::transfer(
				&Self::round_account(round),
				&contributor,
				amount,
				Preservation::Preserve,
			)?;
			Contributions::<T>::remove((round, project), &contributor);
			record.contributors = record.contributors.saturating_sub(1);
			record.contributed = record.contributed.saturating_sub(amount);
			record.sum_sqrt =
				record.sum_sqrt.saturating_sub(matching::root(amount.saturated_into::<u128>()));
			info.paid = info.paid.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
			Self::store_project(round, project, record, &mut info);
			Self::deposit_event(Event::Refunded { round, project, who: contributor, amount });
			Self::put_round(round, info)
		}

		/// Delete up to [`Config::RemoveItemsLimit`] contribution records of a settled project
		/// (one that was claimed: records of refundable projects are deleted by their refunds),
		/// then its per-person records ([`PersonContributions`]). Anyone may call this: it only
		/// frees storage.
		///
		/// Emits [`Event::ContributionsReaped`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::reap_contributions(T::RemoveItemsLimit::get()))]
		pub fn reap_contributions(
			origin: OriginFor<T>,
			round: RoundIndex,
			project: ProjectIndex,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			ensure!(!Projects::<T>::contains_key(round, project), Error::<T>::ProjectNotSettled);
			let limit = usize::try_from(T::RemoveItemsLimit::get()).unwrap_or(usize::MAX);
			let mut removed =
				Contributions::<T>::drain_prefix((round, project)).take(limit).count();
			if removed < limit {
				removed = removed.saturating_add(
					PersonContributions::<T>::drain_prefix((round, project))
						.take(limit.saturating_sub(removed))
						.count(),
				);
			}
			let removed = u32::try_from(removed).unwrap_or(u32::MAX);
			ensure!(removed > 0, Error::<T>::NothingToReap);
			Self::deposit_event(Event::ContributionsReaped { round, project, removed });
			Ok(Some(T::WeightInfo::reap_contributions(removed)).into())
		}
	}
}

/// Per round and project: the contributor count, `Σ c` and `Σ root(c)`, recounted from
/// [`Contributions`].
#[cfg(any(feature = "try-runtime", test))]
type Recount = BTreeMap<(RoundIndex, ProjectIndex), (u32, u128, u128)>;

/// The deposits of unsettled projects, summed per applicant.
#[cfg(any(feature = "try-runtime", test))]
type Deposits<T> = BTreeMap<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

impl<T: Config> Pallet<T> {
	fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	/// The account of round `round`: the sub-account of [`Config::PalletId`] for the index.
	pub fn round_account(round: RoundIndex) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(round)
	}

	fn hold_reason() -> T::RuntimeHoldReason {
		HoldReason::ProjectDeposit.into()
	}

	fn ensure_create_or_curator(origin: OriginFor<T>) -> DispatchResult {
		match T::CreateOrigin::try_origin(origin) {
			Ok(_) => Ok(()),
			Err(origin) => T::CuratorOrigin::ensure_origin(origin).map(|_| ()).map_err(Into::into),
		}
	}

	/// The project records of `round`, sorted by index (at most [`Config::MaxProjects`]).
	fn projects_of(round: RoundIndex) -> Vec<(ProjectIndex, ProjectOf<T>)> {
		let mut projects: Vec<(ProjectIndex, ProjectOf<T>)> =
			Projects::<T>::iter_prefix(round).collect();
		projects.sort_by_key(|(index, _)| *index);
		projects
	}

	/// The matches of `projects` (the records of a round) if the round were finalised with
	/// its current running sums; zero for rejected projects.
	fn compute_matches(
		info: &RoundOf<T>,
		projects: &[(ProjectIndex, ProjectOf<T>)],
	) -> Vec<BalanceOf<T>> {
		let sums: Vec<(u128, u128)> = projects
			.iter()
			.map(|(_, record)| match record.status {
				ProjectStatus::Active => {
					(record.sum_sqrt, record.contributed.saturated_into::<u128>())
				},
				ProjectStatus::Rejected => (0, 0),
			})
			.collect();
		let pool = info.pool.saturated_into::<u128>();
		matching::allocate(&sums, pool, info.cap.mul_floor(pool))
			.into_iter()
			.map(|amount| amount.saturated_into::<BalanceOf<T>>())
			.collect()
	}

	/// The current or projected matches of `projects` (the records of a round): computed as
	/// if finalised now while the round is active, as stored once it is finalised, zero if it
	/// was cancelled.
	fn current_matches(
		info: &RoundOf<T>,
		projects: &[(ProjectIndex, ProjectOf<T>)],
	) -> Vec<BalanceOf<T>> {
		match info.status {
			RoundStatus::Active => Self::compute_matches(info, projects),
			RoundStatus::Finalized => projects.iter().map(|(_, record)| record.matched).collect(),
			RoundStatus::Cancelled => projects.iter().map(|_| Zero::zero()).collect(),
		}
	}

	/// Return a project's deposit to its applicant, if any is held.
	fn release_deposit(
		round: RoundIndex,
		project: ProjectIndex,
		record: &ProjectOf<T>,
	) -> DispatchResult {
		if record.deposit.is_zero() {
			return Ok(());
		}
		let amount = T::Currency::release(
			&Self::hold_reason(),
			&record.applicant,
			record.deposit,
			Precision::BestEffort,
		)?;
		Self::deposit_event(Event::DepositReleased {
			round,
			project,
			applicant: record.applicant.clone(),
			amount,
		});
		Ok(())
	}

	/// Store a project record, or remove it (counting it out of `info.projects`) if it is
	/// settled: rejected or in a cancelled round, with its deposit dealt with and no
	/// contribution left to refund.
	fn store_project(
		round: RoundIndex,
		project: ProjectIndex,
		record: ProjectOf<T>,
		info: &mut RoundOf<T>,
	) {
		let refunds_only =
			record.status == ProjectStatus::Rejected || info.status == RoundStatus::Cancelled;
		if refunds_only && record.contributors == 0 && record.deposit.is_zero() {
			Projects::<T>::remove(round, project);
			info.projects = info.projects.saturating_sub(1);
		} else {
			Projects::<T>::insert(round, project, record);
		}
	}

	/// Store a round record, or close the round if it is finalised or cancelled and has no
	/// project left to settle: sweep its account to the treasury and remove the record.
	fn put_round(round: RoundIndex, info: RoundOf<T>) -> DispatchResult {
		if info.status == RoundStatus::Active || info.projects > 0 {
			Rounds::<T>::insert(round, info);
			return Ok(());
		}
		let account = Self::round_account(round);
		let returned = T::Currency::balance(&account);
		if !returned.is_zero() {
			T::Currency::transfer(
				&account,
				&T::TreasuryAccount::get(),
				returned,
				Preservation::Expendable,
			)?;
		}
		Rounds::<T>::remove(round);
		Self::deposit_event(Event::RoundClosed { round, returned });
		Ok(())
	}

	// ---------------------------------------------------------------------------------------
	// Reads, used by the runtime API.
	// ---------------------------------------------------------------------------------------

	/// The round `round`, if it is not closed (runtime API).
	pub fn round_info(round: RoundIndex) -> Option<RoundOf<T>> {
		Rounds::<T>::get(round)
	}

	/// The match of every unsettled project of `round`, sorted by project index: as if the
	/// round were finalised now while it is active, as computed once it is finalised, zero if
	/// it was cancelled (and for rejected projects). Empty for an unknown round. O(projects).
	pub fn projected_matches(round: RoundIndex) -> Vec<(ProjectIndex, BalanceOf<T>)> {
		let Some(info) = Rounds::<T>::get(round) else { return Vec::new() };
		let projects = Self::projects_of(round);
		let matches = Self::current_matches(&info, &projects);
		projects.iter().map(|(index, _)| *index).zip(matches).collect()
	}

	/// Every unsettled project of `round` with its contributions, score and (projected) match,
	/// sorted by project index (runtime API).
	pub fn project_summaries(round: RoundIndex) -> Vec<ProjectSummaryOf<T>> {
		let Some(info) = Rounds::<T>::get(round) else { return Vec::new() };
		let projects = Self::projects_of(round);
		let matches = Self::current_matches(&info, &projects);
		projects
			.into_iter()
			.zip(matches)
			.map(|((index, record), projected_match)| {
				let score = match record.status {
					ProjectStatus::Active => matching::score(
						record.sum_sqrt,
						record.contributed.saturated_into::<u128>(),
					),
					ProjectStatus::Rejected => 0,
				};
				ProjectSummary {
					index,
					recipient: record.recipient,
					description: record.description,
					artifact: record.artifact,
					status: record.status,
					contributors: record.contributors,
					contributed: record.contributed,
					sum_sqrt: record.sum_sqrt,
					score: score.saturated_into::<BalanceOf<T>>(),
					projected_match,
				}
			})
			.collect()
	}

	// ---------------------------------------------------------------------------------------
	// Invariants.
	// ---------------------------------------------------------------------------------------

	/// Check the pallet's invariants (iterates all of its storage: tests and try-runtime only).
	///
	/// - every round and contribution belongs to a round index below [`RoundCount`]; a round
	///   record exists only while the round is active or has projects left to settle;
	/// - **running sums**: each project's contributor count, `Σ c` and `Σ root(c)` equal a
	///   recount from [`Contributions`]; contribution records without a project record belong
	///   to claimed projects of finalised (or closed) rounds;
	/// - **matches**: `Σ matches ≤ pool`, every match `≤ cap · pool`, no match before
	///   finalisation or for a rejected project;
	/// - **held funds**: each round's books balance, `reserve + pool + contributed − paid =
	///   reserve + what the round still owes` (the pool while active, plus every unsettled
	///   project's contributions, plus the matches of unclaimed projects once finalised), and
	///   the round's account holds at least that (exactly, unless someone sent it funds);
	/// - the project count of each round is right and at most [`Config::MaxProjects`]; the
	///   deposits of unsettled projects are exactly what is on hold for their applicants.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let round_count = RoundCount::<T>::get();
		let mut recount = Self::check_contributions(round_count)?;
		let deposits = Self::check_rounds(round_count, &mut recount)?;
		Self::check_person_contributions(round_count)?;
		Self::check_unclaimed_contributions(&recount)?;
		Self::check_deposits(deposits)
	}

	/// Every contribution is non-zero and to a round below `round_count`; returns the recount
	/// of each project's running sums from [`Contributions`].
	#[cfg(any(feature = "try-runtime", test))]
	fn check_contributions(
		round_count: RoundIndex,
	) -> Result<Recount, sp_runtime::TryRuntimeError> {
		let mut recount = Recount::new();
		for ((round, project), _, amount) in Contributions::<T>::iter() {
			ensure!(round < round_count, "contribution to a round not yet created");
			ensure!(!amount.is_zero(), "stored zero contribution");
			let amount = amount.saturated_into::<u128>();
			let entry = recount.entry((round, project)).or_insert((0, 0, 0));
			entry.0 = entry.0.checked_add(1).ok_or("contributor count overflows")?;
			entry.1 = entry.1.checked_add(amount).ok_or("contribution sum overflows")?;
			entry.2 = entry.2.checked_add(matching::root(amount)).ok_or("root sum overflows")?;
		}
		Ok(recount)
	}

	/// Every round has an index below `round_count`, its periods in order, `Σ matches ≤ pool`
	/// and no matches before finalisation, and is not kept once settled; its projects pass
	/// [`Self::check_projects`], are counted right (at most [`Config::MaxProjects`]) and
	/// matched no more than the round's total; its books balance ([`Self::check_books`]).
	/// Takes each project's recount out of `recount`; returns the deposits of the unsettled
	/// projects per applicant.
	#[cfg(any(feature = "try-runtime", test))]
	fn check_rounds(
		round_count: RoundIndex,
		recount: &mut Recount,
	) -> Result<Deposits<T>, sp_runtime::TryRuntimeError> {
		let mut deposits = Deposits::<T>::new();
		for (round, info) in Rounds::<T>::iter() {
			ensure!(round < round_count, "round index not yet allocated");
			ensure!(
				info.start < info.application_end && info.application_end < info.contribution_end,
				"round periods out of order"
			);
			ensure!(info.matched <= info.pool, "matches exceed the pool");
			ensure!(
				info.status == RoundStatus::Active || info.projects > 0,
				"a settled round was not closed"
			);
			if info.status == RoundStatus::Active {
				ensure!(info.matched.is_zero(), "matches before finalisation");
			}
			let (stored, matched, owed) =
				Self::check_projects(round, &info, recount, &mut deposits)?;
			ensure!(stored == info.projects, "project count mismatch");
			ensure!(stored <= T::MaxProjects::get(), "too many projects");
			ensure!(matched <= info.matched, "project matches exceed the round's total");
			Self::check_books(round, &info, owed)?;
		}
		Ok(deposits)
	}

	/// Every project of `round` has an allocated index and running sums (contributor count,
	/// `Σ c`, `Σ root(c)`) equal to its recount, taken out of `recount`; its match is at most
	/// `cap · pool`, and zero for a rejected project or before finalisation; a refund-only
	/// project (rejected, or of a cancelled round) keeps no deposit and is removed once its
	/// contributors are refunded. Adds the deposits kept to `deposits`; returns the number of
	/// projects, the sum of their matches, and what the round owes: its reserve, the pool
	/// while active, and every project's contributions and match.
	#[cfg(any(feature = "try-runtime", test))]
	fn check_projects(
		round: RoundIndex,
		info: &RoundOf<T>,
		recount: &mut Recount,
		deposits: &mut Deposits<T>,
	) -> Result<(u32, BalanceOf<T>, BalanceOf<T>), sp_runtime::TryRuntimeError> {
		let cap = info.cap.mul_floor(info.pool);
		let mut stored: u32 = 0;
		let mut matched: BalanceOf<T> = Zero::zero();
		let mut owed: BalanceOf<T> = info.reserve;
		if info.status == RoundStatus::Active {
			owed = owed.checked_add(&info.pool).ok_or("owed overflows")?;
		}
		for (index, record) in Projects::<T>::iter_prefix(round) {
			stored = stored.saturating_add(1);
			ensure!(index < info.next_project, "project index not yet allocated");
			let (count, sum, roots) = recount.remove(&(round, index)).unwrap_or((0, 0, 0));
			ensure!(count == record.contributors, "contributor count differs from a recount");
			ensure!(
				sum == record.contributed.saturated_into::<u128>(),
				"running contribution sum differs from a recount"
			);
			ensure!(roots == record.sum_sqrt, "running root sum differs from a recount");
			ensure!(record.matched <= cap, "a match exceeds the cap");
			let refunds_only =
				record.status == ProjectStatus::Rejected || info.status == RoundStatus::Cancelled;
			if refunds_only {
				ensure!(record.deposit.is_zero(), "deposit kept by a refund-only project");
				ensure!(record.contributors > 0, "a settled project was not removed");
			}
			if record.status == ProjectStatus::Rejected || info.status != RoundStatus::Finalized {
				ensure!(record.matched.is_zero(), "match of a project that takes no part");
			}
			owed = owed
				.checked_add(&record.contributed)
				.and_then(|owed| owed.checked_add(&record.matched))
				.ok_or("owed overflows")?;
			matched = matched.checked_add(&record.matched).ok_or("matches overflow")?;
			if !record.deposit.is_zero() {
				let held = deposits.entry(record.applicant.clone()).or_insert(Zero::zero());
				*held = held.checked_add(&record.deposit).ok_or("deposits overflow")?;
			}
		}
		Ok((stored, matched, owed))
	}

	/// The books of `round` balance, `reserve + pool + contributed − paid = owed` (what the
	/// round still owes, from [`Self::check_projects`]), and the round's account holds at
	/// least that.
	#[cfg(any(feature = "try-runtime", test))]
	fn check_books(
		round: RoundIndex,
		info: &RoundOf<T>,
		owed: BalanceOf<T>,
	) -> Result<(), sp_runtime::TryRuntimeError> {
		let books = info
			.reserve
			.checked_add(&info.pool)
			.and_then(|sum| sum.checked_add(&info.contributed))
			.and_then(|sum| sum.checked_sub(&info.paid))
			.ok_or("round paid out more than it received")?;
		ensure!(books == owed, "round books differ from what the round owes");
		ensure!(
			T::Currency::balance(&Self::round_account(round)) >= books,
			"round account holds less than the round's funds"
		);
		Ok(())
	}

	/// Every person's record ([`PersonContributions`]) is of a round below `round_count` and,
	/// while its project takes contributions, names an account that contributed to it.
	#[cfg(any(feature = "try-runtime", test))]
	fn check_person_contributions(
		round_count: RoundIndex,
	) -> Result<(), sp_runtime::TryRuntimeError> {
		for ((round, project), _, account) in PersonContributions::<T>::iter() {
			ensure!(round < round_count, "person record of a round not yet created");
			let open = Rounds::<T>::get(round)
				.is_some_and(|info| info.status == RoundStatus::Active)
				&& Projects::<T>::get(round, project)
					.is_some_and(|record| record.status == ProjectStatus::Active);
			if open {
				ensure!(
					Contributions::<T>::contains_key((round, project), &account),
					"person record without its contribution"
				);
			}
		}
		Ok(())
	}

	/// Contributions left in `recount` have no project record: they belong to claimed projects,
	/// so their round, if still stored, is finalised.
	#[cfg(any(feature = "try-runtime", test))]
	fn check_unclaimed_contributions(recount: &Recount) -> Result<(), sp_runtime::TryRuntimeError> {
		for (round, _) in recount.keys() {
			if let Some(info) = Rounds::<T>::get(round) {
				ensure!(
					info.status == RoundStatus::Finalized,
					"contributions without a project in an unfinished round"
				);
			}
		}
		Ok(())
	}

	/// The deposits of unsettled projects (`deposits`) are exactly what is on hold for this
	/// pallet from each applicant.
	#[cfg(any(feature = "try-runtime", test))]
	fn check_deposits(deposits: Deposits<T>) -> Result<(), sp_runtime::TryRuntimeError> {
		for (applicant, amount) in deposits {
			let on_hold = <T::Currency as frame_support::traits::fungible::InspectHold<
				T::AccountId,
			>>::balance_on_hold(&Self::hold_reason(), &applicant);
			ensure!(on_hold == amount, "held deposits differ from the projects' deposits");
		}
		Ok(())
	}
}
