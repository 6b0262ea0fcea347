//! # Bounty-work pallet
//!
//! A community states what it wants built, funds it, and pays whoever delivers it, all on-chain
//! (Ostrom issue 18 part 1). The money is kept and moved by `pallet-multi-asset-bounties` from
//! polkadot-sdk; this pallet adds what that pallet lacks, wired to the constitution's classes:
//!
//! - **Open** ([`Pallet::open`]): an approved decision of a spend class opens a bounty with a
//!   title, the hash of its specification, its milestones, an optional curator and fee, the
//!   class that accepts deliveries, whether it is tied to a runtime upgrade, and a duration. The
//!   total (milestones + fee) must be within the class's spend limit ([`Config::OpenOrigin`],
//!   the treasury's own), and leaves the treasury at once: it is funded as a
//!   `pallet-multi-asset-bounties` bounty whose curator is this pallet's account
//!   ([`Pallet::account_id`]). Every milestone but the last, and the curator's fee, is a child
//!   bounty; the parent keeps the last milestone.
//! - **Apply** ([`Pallet::apply`]): anyone applies with a deposit
//!   ([`Config::ApplicationDeposit`]); at most [`Config::MaxApplicants`] per bounty; an
//!   applicant withdraws ([`Pallet::withdraw_application`]) unless assigned. All deposits come
//!   back when the bounty ends.
//! - **Assign** ([`Pallet::assign`]): the curator, or without one a decision of the acceptance
//!   class, assigns one applicant; [`Pallet::unassign`] undoes it (also the assignee itself).
//! - **Deliver** ([`Pallet::deliver`]): the assignee points to an artifact it registered in the
//!   artifact registry ([`Config::Artifacts`]).
//! - **Accept** ([`Pallet::accept`]): a decision of the acceptance class (by default the
//!   council with a community appeal window) accepts the delivery; the milestone becomes
//!   payable [`Config::PayoutDelay`] later, and anyone [`Pallet::claim`]s it for the assignee.
//! - **Runtime upgrades**: for an upgrade-tied bounty the last milestone is accepted by the
//!   upgrade itself: the runtime reports every code change ([`Pallet::note_code_change`], from
//!   `frame_system`'s `OnSetCode`), and when the new code's hash is the delivered artifact's
//!   BLAKE2b-256 hash the milestone becomes payable.
//! - **End**: after the last payout the bounty is removed; a decision of the acceptance class
//!   may [`Pallet::close`] it at any time, and after its deadline anyone may
//!   [`Pallet::expire`] a bounty with no delivery under way. Both return every unpaid amount to
//!   the treasury.
//!
//! No unbounded loops: a bounty has at most [`Config::MaxMilestones`] milestones and
//! [`Config::MaxApplicants`] applicants.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(clippy::arithmetic_side_effects, clippy::unwrap_used, clippy::indexing_slicing)]

extern crate alloc;

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

use alloc::{borrow::Cow, boxed::Box};
use codec::Encode;
use frame_support::{
	dispatch_context::with_context,
	pallet_prelude::*,
	traits::{
		fungible::{Mutate, MutateHold},
		tokens::{Fortitude, Precision, Restriction},
		Contains, EnsureOriginWithArg, QueryPreimage, StorePreimage,
	},
	PalletId,
};
use frame_system::{pallet_prelude::*, RawOrigin};
use pallet_multi_asset_bounties as bounties;
use sp_runtime::{
	traits::{AccountIdConversion, CheckedAdd, Saturating, StaticLookup, Zero},
	Permill,
};

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::bounty-work";

// `open` takes every field of a bounty as its own argument, and the pallet macro generates
// functions with the same arguments.
#[allow(clippy::too_many_arguments)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;

	#[pallet::pallet]
	pub struct Pallet<T>(PhantomData<T>);

	#[pallet::config]
	pub trait Config:
		frame_system::Config
		+ bounties::Config<
			AssetKind = (),
			Beneficiary = <Self as frame_system::Config>::AccountId,
			Balance = BalanceOf<Self>,
		>
	{
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// Weight information for the calls of this pallet.
		type WeightInfo: WeightInfo;

		/// The currency bounties are paid in and application deposits are held in.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who may open a bounty, and up to what total (milestones plus curator's fee): the
		/// treasury's spend origin (Root, or a spend class up to its limit).
		type OpenOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = BalanceOf<Self>>;

		/// A decision class of the constitution.
		type ClassId: Parameter + Member + MaxEncodedLen + Copy;

		/// An approved decision of the class given as argument (Root passes for every class).
		type ClassOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, Self::ClassId>;

		/// The classes a bounty may name as its acceptance class (the existing ones).
		type ClassExists: Contains<Self::ClassId>;

		/// The artifact registry deliveries point to.
		type Artifacts: Deliverables<Self::AccountId>;

		/// The pallet's id: its account curates every bounty this pallet opens.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Held from each applicant until the bounty ends or it withdraws.
		#[pallet::constant]
		type ApplicationDeposit: Get<BalanceOf<Self>>;

		/// Maximum number of applicants of one bounty. Not zero.
		#[pallet::constant]
		type MaxApplicants: Get<u32>;

		/// Maximum number of milestones of one bounty (at most the child-bounty limit of
		/// `pallet-multi-asset-bounties`, minus one for the curator's fee). Not zero.
		#[pallet::constant]
		type MaxMilestones: Get<u32>;

		/// Maximum length of a bounty's title, in bytes.
		#[pallet::constant]
		type MaxTitleLen: Get<u32>;

		/// The largest curator's fee, as a share of the milestones' total.
		#[pallet::constant]
		type MaxCuratorFee: Get<Permill>;

		/// Blocks between a decision's acceptance of a delivery and the payout.
		#[pallet::constant]
		type PayoutDelay: Get<BlockNumberFor<Self>>;

		/// The longest duration a bounty may be opened for.
		#[pallet::constant]
		type MaxDuration: Get<BlockNumberFor<Self>>;

		/// An existing class (in [`Config::ClassExists`], with a successful
		/// [`Config::ClassOrigin`]) that the benchmarks name as acceptance class.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkClass: Get<Self::ClassId>;
	}

	/// A reason for the pallet to hold funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// An applicant's deposit ([`Config::ApplicationDeposit`] per application).
		#[codec(index = 0)]
		Application,
	}

	/// The bounties this pallet opened and that have not ended, by their index in
	/// `pallet-multi-asset-bounties`.
	#[pallet::storage]
	pub type Bounties<T: Config> = StorageMap<_, Twox64Concat, BountyIndex, BountyOf<T>>;

	/// The runtime code hashes that upgrade-tied bounties wait for: the delivered artifact's
	/// BLAKE2b-256 hash, to the bounty whose last milestone its enactment accepts. At most one
	/// bounty per code hash.
	#[pallet::storage]
	pub type AwaitedCode<T: Config> = StorageMap<_, Identity, Hash32, BountyIndex>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A bounty was opened and funded from the treasury.
		Opened {
			/// The bounty.
			bounty: BountyIndex,
			/// Milestones plus the curator's fee, moved out of the treasury.
			total: BalanceOf<T>,
			/// The class that accepts deliveries.
			accept_class: T::ClassId,
			/// Whether the last milestone is paid by an enacted runtime upgrade.
			upgrade: bool,
		},
		/// `who` applied to do the work of `bounty`.
		Applied {
			/// The bounty.
			bounty: BountyIndex,
			/// The applicant.
			who: T::AccountId,
		},
		/// `who` withdrew its application; its deposit was released.
		ApplicationWithdrawn {
			/// The bounty.
			bounty: BountyIndex,
			/// The former applicant.
			who: T::AccountId,
		},
		/// The curator (or the acceptance class) dismissed `who`'s application; its deposit
		/// went to the treasury.
		ApplicationDismissed {
			/// The bounty.
			bounty: BountyIndex,
			/// The former applicant.
			who: T::AccountId,
			/// The deposit moved to the treasury.
			slashed: BalanceOf<T>,
		},
		/// `who` was assigned the work of `bounty`.
		Assigned {
			/// The bounty.
			bounty: BountyIndex,
			/// The assignee.
			who: T::AccountId,
		},
		/// `who` is no longer assigned; a delivery under way was dropped.
		Unassigned {
			/// The bounty.
			bounty: BountyIndex,
			/// The former assignee.
			who: T::AccountId,
		},
		/// The assignee delivered `artifact` for the milestone `milestone`.
		Delivered {
			/// The bounty.
			bounty: BountyIndex,
			/// The milestone (0-based).
			milestone: u32,
			/// The delivered artifact.
			artifact: ArtifactIdOf<T>,
		},
		/// The delivery for `milestone` was accepted; it can be claimed from `payable_at`.
		Accepted {
			/// The bounty.
			bounty: BountyIndex,
			/// The milestone (0-based).
			milestone: u32,
			/// First block of the payout.
			payable_at: BlockNumberFor<T>,
		},
		/// A runtime upgrade to `code_hash` was enacted: the last milestone of `bounty`, whose
		/// delivery it is, was accepted.
		UpgradeEnacted {
			/// The bounty.
			bounty: BountyIndex,
			/// The new runtime's code hash.
			code_hash: Hash32,
		},
		/// `amount` was paid to `to` for `milestone`.
		MilestonePaid {
			/// The bounty.
			bounty: BountyIndex,
			/// The milestone (0-based).
			milestone: u32,
			/// The assignee.
			to: T::AccountId,
			/// The milestone's amount.
			amount: BalanceOf<T>,
		},
		/// The curator was paid its fee.
		CuratorPaid {
			/// The bounty.
			bounty: BountyIndex,
			/// The curator.
			curator: T::AccountId,
			/// The fee.
			fee: BalanceOf<T>,
		},
		/// Every milestone was paid; the bounty ended.
		Completed {
			/// The bounty.
			bounty: BountyIndex,
		},
		/// The bounty was closed (by a decision) or expired (past its deadline); `refunded`
		/// went back to the treasury.
		Closed {
			/// The bounty.
			bounty: BountyIndex,
			/// Whether it expired (rather than being closed by a decision).
			expired: bool,
			/// The unpaid amount returned to the treasury.
			refunded: BalanceOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No such bounty (or it has ended).
		UnknownBounty,
		/// A bounty needs at least one milestone.
		NoMilestones,
		/// A milestone of zero, or the total overflows.
		InvalidAmount,
		/// The total (milestones plus fee) exceeds what the origin may spend (in one dispatch,
		/// with the other bounties it opened).
		OverSpendLimit,
		/// The curator's fee exceeds [`Config::MaxCuratorFee`] of the milestones' total.
		FeeTooHigh,
		/// A curator's fee needs a curator.
		FeeWithoutCurator,
		/// The acceptance class does not exist.
		UnknownClass,
		/// The duration is zero or longer than [`Config::MaxDuration`].
		InvalidDuration,
		/// The bounty is past its deadline.
		PastDeadline,
		/// The bounty is not yet past its deadline.
		NotExpired,
		/// The account already applied.
		AlreadyApplied,
		/// The bounty has [`Config::MaxApplicants`] applicants.
		TooManyApplicants,
		/// The curator cannot apply to (and so assign itself) its own bounty.
		CuratorCannotApply,
		/// The account is not an applicant.
		NotApplicant,
		/// The assignee cannot withdraw its application; it must unassign first.
		IsAssignee,
		/// The bounty already has an assignee.
		AlreadyAssigned,
		/// The bounty has no assignee.
		NotAssigned,
		/// Only the assignee delivers.
		NotAssignee,
		/// The artifact is not registered by the assignee, or is suspended or withdrawn.
		InvalidArtifact,
		/// The last milestone of an upgrade-tied bounty needs an artifact keyed by its
		/// BLAKE2b-256 hash: a runtime's code.
		NotRuntimeCode,
		/// Another upgrade-tied bounty awaits the same code.
		CodeAlreadyAwaited,
		/// Nothing is delivered for the current milestone.
		NotDelivered,
		/// The current milestone is accepted (its payout is pending): claim it first.
		PayoutPending,
		/// The last milestone of an upgrade-tied bounty is accepted by the upgrade's enactment,
		/// not by a decision.
		AcceptedByUpgrade,
		/// The current milestone is not accepted.
		NotAccepted,
		/// The payout delay has not passed.
		PayoutDelayed,
		/// A delivery is under way: the bounty cannot expire; the acceptance class may close it.
		DeliveryUnderWay,
		/// A bounty of `pallet-multi-asset-bounties` is not in the state this pallet expects
		/// (it was changed outside this pallet, by Root).
		BountyStateMismatch,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxApplicants::get() > 0, "MaxApplicants must not be zero");
			assert!(T::MaxMilestones::get() > 0, "MaxMilestones must not be zero");
			assert!(
				T::MaxMilestones::get()
					<= <T as bounties::Config>::MaxActiveChildBountyCount::get(),
				"a bounty's child bounties (milestones but the last, and the fee) must fit"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Open a bounty: fund it from the treasury as a bounty of
		/// `pallet-multi-asset-bounties` curated by this pallet's account.
		///
		/// The origin must be [`Config::OpenOrigin`] allowing at least the total of
		/// `milestones` and `curator_fee` (a decision of the spend class the total falls in).
		/// `milestones` are the amounts paid to the contributor, in order; `curator` (optional)
		/// assigns the work and receives `curator_fee` (at most [`Config::MaxCuratorFee`] of
		/// the milestones) with the last payout; `accept_class` is the class whose decisions
		/// accept deliveries (and, without a curator, assign); `upgrade` ties the last milestone
		/// to a runtime upgrade; the bounty can expire `duration` blocks from now.
		///
		/// Emits [`Event::Opened`].
		#[pallet::call_index(0)]
		#[pallet::weight(<T as Config>::WeightInfo::open(milestones.len() as u32))]
		#[allow(clippy::too_many_arguments)]
		pub fn open(
			origin: OriginFor<T>,
			title: TitleOf<T>,
			spec: Hash32,
			milestones: MilestonesOf<T>,
			curator: Option<<T::Lookup as StaticLookup>::Source>,
			curator_fee: BalanceOf<T>,
			accept_class: T::ClassId,
			upgrade: bool,
			duration: BlockNumberFor<T>,
		) -> DispatchResult {
			let limit = T::OpenOrigin::ensure_origin(origin)?;
			let curator = curator.map(T::Lookup::lookup).transpose()?;
			ensure!(!milestones.is_empty(), Error::<T>::NoMilestones);
			let mut value = BalanceOf::<T>::zero();
			for amount in milestones.iter() {
				ensure!(!amount.is_zero(), Error::<T>::InvalidAmount);
				value = value.checked_add(amount).ok_or(Error::<T>::InvalidAmount)?;
			}
			ensure!(curator.is_some() || curator_fee.is_zero(), Error::<T>::FeeWithoutCurator);
			ensure!(
				curator_fee <= T::MaxCuratorFee::get().mul_floor(value),
				Error::<T>::FeeTooHigh
			);
			let total = value.checked_add(&curator_fee).ok_or(Error::<T>::InvalidAmount)?;
			ensure!(total <= limit, Error::<T>::OverSpendLimit);
			// As `pallet-treasury` does for its spends: the bounties one dispatch opens (a
			// decision's `utility.batch`) share the origin's limit.
			with_context::<bounties::SpendContext<BalanceOf<T>>, _>(|v| {
				let spent = v.or_default().spend_in_context.entry(limit).or_default();
				*spent = spent
					.checked_add(&total)
					.filter(|sum| *sum <= limit)
					.ok_or(Error::<T>::OverSpendLimit)?;
				Ok::<_, Error<T>>(())
			})
			.unwrap_or(Ok(()))?;
			ensure!(T::ClassExists::contains(&accept_class), Error::<T>::UnknownClass);
			ensure!(
				!duration.is_zero() && duration <= T::MaxDuration::get(),
				Error::<T>::InvalidDuration
			);

			let desk = Self::account_id();
			let bounty = bounties::BountyCount::<T>::get();
			// The title and specification are the bounty's metadata upstream: a preimage that
			// `pallet-multi-asset-bounties` requests for each (child) bounty and unrequests when
			// it ends. `note` requests it once more if it was not requested yet: that request is
			// dropped below, so the preimage is cleared when the last bounty using it ends.
			let metadata = (&title, &spec).encode();
			let requested = <T as bounties::Config>::Preimages::is_requested(
				&<<T as frame_system::Config>::Hashing as sp_runtime::traits::Hash>::hash(
					&metadata,
				),
			);
			let metadata = <T as bounties::Config>::Preimages::note(Cow::Owned(metadata))?;
			bounties::Pallet::<T>::fund_bounty(
				RawOrigin::Root.into(),
				Box::new(()),
				total,
				T::Lookup::unlookup(desk.clone()),
				metadata,
			)?;
			bounties::Pallet::<T>::check_status(Self::desk_origin(), bounty, None)
				.map_err(|e| e.error)?;
			bounties::Pallet::<T>::accept_curator(Self::desk_origin(), bounty, None)?;
			// Child bounties, curated by this pallet's account: milestones but the last, then
			// the fee. They are numbered from 0 in this order.
			let children = milestones
				.iter()
				.take(milestones.len().saturating_sub(1))
				.chain(core::iter::once(&curator_fee).filter(|fee| !fee.is_zero()));
			for (child, amount) in children.enumerate() {
				let child = u32::try_from(child).map_err(|_| Error::<T>::InvalidAmount)?;
				bounties::Pallet::<T>::fund_child_bounty(
					Self::desk_origin(),
					bounty,
					*amount,
					metadata,
					None,
				)?;
				bounties::Pallet::<T>::check_status(Self::desk_origin(), bounty, Some(child))
					.map_err(|e| e.error)?;
			}
			if !requested {
				<T as bounties::Config>::Preimages::unrequest(&metadata);
			}

			let now = frame_system::Pallet::<T>::block_number();
			Bounties::<T>::insert(
				bounty,
				Bounty {
					title,
					spec,
					milestones,
					paid: 0,
					curator,
					curator_fee,
					accept_class,
					upgrade,
					deadline: now.saturating_add(duration),
					applicants: Default::default(),
					assignee: None,
					status: WorkStatus::Open,
				},
			);
			Self::deposit_event(Event::Opened { bounty, total, accept_class, upgrade });
			Ok(())
		}

		/// Apply to do the work of `bounty`, holding [`Config::ApplicationDeposit`] until the
		/// bounty ends or the application is withdrawn.
		///
		/// Emits [`Event::Applied`].
		#[pallet::call_index(1)]
		#[pallet::weight(<T as Config>::WeightInfo::apply())]
		pub fn apply(origin: OriginFor<T>, bounty: BountyIndex) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Bounties::<T>::try_mutate(bounty, |maybe| -> DispatchResult {
				let b = maybe.as_mut().ok_or(Error::<T>::UnknownBounty)?;
				ensure!(
					frame_system::Pallet::<T>::block_number() <= b.deadline,
					Error::<T>::PastDeadline
				);
				ensure!(b.curator.as_ref() != Some(&who), Error::<T>::CuratorCannotApply);
				ensure!(!b.applicants.contains(&who), Error::<T>::AlreadyApplied);
				b.applicants.try_push(who.clone()).map_err(|_| Error::<T>::TooManyApplicants)?;
				T::Currency::hold(
					&HoldReason::Application.into(),
					&who,
					T::ApplicationDeposit::get(),
				)?;
				Ok(())
			})?;
			Self::deposit_event(Event::Applied { bounty, who });
			Ok(())
		}

		/// Withdraw an application (not the assignee's); the deposit is released.
		///
		/// Emits [`Event::ApplicationWithdrawn`].
		#[pallet::call_index(2)]
		#[pallet::weight(<T as Config>::WeightInfo::withdraw_application())]
		pub fn withdraw_application(origin: OriginFor<T>, bounty: BountyIndex) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Bounties::<T>::try_mutate(bounty, |maybe| -> DispatchResult {
				let b = maybe.as_mut().ok_or(Error::<T>::UnknownBounty)?;
				ensure!(b.assignee.as_ref() != Some(&who), Error::<T>::IsAssignee);
				let position =
					b.applicants.iter().position(|a| *a == who).ok_or(Error::<T>::NotApplicant)?;
				b.applicants.remove(position);
				Self::release_deposit(&who)
			})?;
			Self::deposit_event(Event::ApplicationWithdrawn { bounty, who });
			Ok(())
		}

		/// Dismiss the application of `who` (not the assignee): its deposit goes to the treasury.
		///
		/// The origin is the bounty's curator, or a decision of its acceptance class. Against
		/// applicants filling a bounty's [`Config::MaxApplicants`] slots to keep others out: each
		/// slot taken and dismissed costs them a deposit.
		///
		/// Emits [`Event::ApplicationDismissed`].
		#[pallet::call_index(10)]
		#[pallet::weight(<T as Config>::WeightInfo::dismiss())]
		pub fn dismiss(
			origin: OriginFor<T>,
			bounty: BountyIndex,
			who: <T::Lookup as StaticLookup>::Source,
		) -> DispatchResult {
			let who = T::Lookup::lookup(who)?;
			let slashed = Bounties::<T>::try_mutate(bounty, |maybe| -> Result<_, DispatchError> {
				let b = maybe.as_mut().ok_or(Error::<T>::UnknownBounty)?;
				Self::ensure_curator_or_class(origin, b)?;
				ensure!(b.assignee.as_ref() != Some(&who), Error::<T>::IsAssignee);
				let position =
					b.applicants.iter().position(|a| *a == who).ok_or(Error::<T>::NotApplicant)?;
				b.applicants.remove(position);
				let treasury = bounties::Pallet::<T>::funding_source_account(())?;
				let slashed = T::Currency::transfer_on_hold(
					&HoldReason::Application.into(),
					&who,
					&treasury,
					T::ApplicationDeposit::get(),
					Precision::BestEffort,
					Restriction::Free,
					Fortitude::Force,
				)?;
				Ok(slashed)
			})?;
			Self::deposit_event(Event::ApplicationDismissed { bounty, who, slashed });
			Ok(())
		}

		/// Assign the work of `bounty` to the applicant `who`.
		///
		/// The origin is the bounty's curator, or a decision of its acceptance class (which may
		/// assign also when a curator is named).
		///
		/// Emits [`Event::Assigned`].
		#[pallet::call_index(3)]
		#[pallet::weight(<T as Config>::WeightInfo::assign())]
		pub fn assign(
			origin: OriginFor<T>,
			bounty: BountyIndex,
			who: <T::Lookup as StaticLookup>::Source,
		) -> DispatchResult {
			let who = T::Lookup::lookup(who)?;
			Bounties::<T>::try_mutate(bounty, |maybe| -> DispatchResult {
				let b = maybe.as_mut().ok_or(Error::<T>::UnknownBounty)?;
				Self::ensure_curator_or_class(origin, b)?;
				ensure!(
					frame_system::Pallet::<T>::block_number() <= b.deadline,
					Error::<T>::PastDeadline
				);
				ensure!(b.assignee.is_none(), Error::<T>::AlreadyAssigned);
				ensure!(b.applicants.contains(&who), Error::<T>::NotApplicant);
				b.assignee = Some(who.clone());
				Ok(())
			})?;
			Self::deposit_event(Event::Assigned { bounty, who });
			Ok(())
		}

		/// Remove the assignee of `bounty`, dropping a delivery not yet accepted.
		///
		/// The origin is the curator, a decision of the acceptance class, or the assignee
		/// itself. Not while an accepted milestone awaits its payout.
		///
		/// Emits [`Event::Unassigned`].
		#[pallet::call_index(4)]
		#[pallet::weight(<T as Config>::WeightInfo::unassign())]
		pub fn unassign(origin: OriginFor<T>, bounty: BountyIndex) -> DispatchResult {
			let who = Bounties::<T>::try_mutate(bounty, |maybe| -> Result<_, DispatchError> {
				let b = maybe.as_mut().ok_or(Error::<T>::UnknownBounty)?;
				let assignee = b.assignee.clone().ok_or(Error::<T>::NotAssigned)?;
				match ensure_signed(origin.clone()) {
					Ok(signer) if signer == assignee => {},
					_ => Self::ensure_curator_or_class(origin, b)?,
				}
				ensure!(
					!matches!(b.status, WorkStatus::Accepted { .. }),
					Error::<T>::PayoutPending
				);
				Self::drop_delivery(b);
				b.assignee = None;
				Ok(assignee)
			})?;
			Self::deposit_event(Event::Unassigned { bounty, who });
			Ok(())
		}

		/// Deliver the current milestone of `bounty`: `artifact`, registered in the artifact
		/// registry by the assignee (the caller). Replaces a delivery not yet accepted.
		///
		/// For the last milestone of an upgrade-tied bounty, the artifact must be keyed by its
		/// BLAKE2b-256 hash (a runtime's Wasm code): the bounty then waits for the enactment of
		/// a runtime upgrade with that code hash.
		///
		/// Emits [`Event::Delivered`].
		#[pallet::call_index(5)]
		#[pallet::weight(<T as Config>::WeightInfo::deliver())]
		pub fn deliver(
			origin: OriginFor<T>,
			bounty: BountyIndex,
			artifact: ArtifactIdOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let milestone =
				Bounties::<T>::try_mutate(bounty, |maybe| -> Result<_, DispatchError> {
					let b = maybe.as_mut().ok_or(Error::<T>::UnknownBounty)?;
					ensure!(b.assignee.as_ref() == Some(&who), Error::<T>::NotAssignee);
					ensure!(
						!matches!(b.status, WorkStatus::Accepted { .. }),
						Error::<T>::PayoutPending
					);
					ensure!(
						T::Artifacts::registrant(&artifact).as_ref() == Some(&who),
						Error::<T>::InvalidArtifact
					);
					Self::drop_delivery(b);
					if b.upgrade && on_last_milestone::<T>(&*b) {
						let code =
							T::Artifacts::code_hash(&artifact).ok_or(Error::<T>::NotRuntimeCode)?;
						ensure!(
							!AwaitedCode::<T>::contains_key(code),
							Error::<T>::CodeAlreadyAwaited
						);
						AwaitedCode::<T>::insert(code, bounty);
					}
					b.status = WorkStatus::Delivered {
						artifact: artifact.clone(),
						at: frame_system::Pallet::<T>::block_number(),
					};
					Ok(b.paid)
				})?;
			Self::deposit_event(Event::Delivered { bounty, milestone, artifact });
			Ok(())
		}

		/// Accept the delivery of the current milestone of `bounty`; its payout can be claimed
		/// [`Config::PayoutDelay`] blocks later.
		///
		/// The origin is a decision of the bounty's acceptance class. The last milestone of an
		/// upgrade-tied bounty is accepted by the upgrade's enactment instead.
		///
		/// Emits [`Event::Accepted`].
		#[pallet::call_index(6)]
		#[pallet::weight(<T as Config>::WeightInfo::accept())]
		pub fn accept(origin: OriginFor<T>, bounty: BountyIndex) -> DispatchResult {
			let (milestone, payable_at) =
				Bounties::<T>::try_mutate(bounty, |maybe| -> Result<_, DispatchError> {
					let b = maybe.as_mut().ok_or(Error::<T>::UnknownBounty)?;
					T::ClassOrigin::ensure_origin(origin, &b.accept_class)?;
					ensure!(
						!(b.upgrade && on_last_milestone::<T>(&*b)),
						Error::<T>::AcceptedByUpgrade
					);
					let WorkStatus::Delivered { artifact, .. } = b.status.clone() else {
						return Err(Error::<T>::NotDelivered.into());
					};
					let payable_at = frame_system::Pallet::<T>::block_number()
						.saturating_add(T::PayoutDelay::get());
					b.status = WorkStatus::Accepted { artifact, payable_at };
					Ok((b.paid, payable_at))
				})?;
			Self::deposit_event(Event::Accepted { bounty, milestone, payable_at });
			Ok(())
		}

		/// Pay the accepted milestone of `bounty` to its assignee (anyone may call, once the
		/// payout delay has passed). The last payout also pays the curator's fee, releases the
		/// applicants' deposits and ends the bounty.
		///
		/// Emits [`Event::MilestonePaid`], and with the last milestone [`Event::CuratorPaid`]
		/// (with a fee) and [`Event::Completed`].
		#[pallet::call_index(7)]
		#[pallet::weight(<T as Config>::WeightInfo::claim(T::MaxApplicants::get()))]
		pub fn claim(origin: OriginFor<T>, bounty: BountyIndex) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let mut b = Bounties::<T>::get(bounty).ok_or(Error::<T>::UnknownBounty)?;
			let WorkStatus::Accepted { payable_at, .. } = b.status else {
				return Err(Error::<T>::NotAccepted.into());
			};
			ensure!(
				frame_system::Pallet::<T>::block_number() >= payable_at,
				Error::<T>::PayoutDelayed
			);
			let assignee = b.assignee.clone().ok_or(Error::<T>::NotAssigned)?;
			let milestone = b.paid;
			let amount = usize::try_from(milestone)
				.ok()
				.and_then(|i| b.milestones.get(i).copied())
				.ok_or(Error::<T>::BountyStateMismatch)?;
			if !on_last_milestone::<T>(&b) {
				Self::pay(bounty, Some(milestone), &assignee)?;
				b.paid = milestone.saturating_add(1);
				b.status = WorkStatus::Open;
				Bounties::<T>::insert(bounty, b);
				Self::deposit_event(Event::MilestonePaid {
					bounty,
					milestone,
					to: assignee,
					amount,
				});
				return Ok(Some(<T as Config>::WeightInfo::claim(0)).into());
			}
			if let (Some(curator), false) = (b.curator.clone(), b.curator_fee.is_zero()) {
				let fee_child = u32::try_from(b.milestones.len().saturating_sub(1))
					.map_err(|_| Error::<T>::BountyStateMismatch)?;
				Self::pay(bounty, Some(fee_child), &curator)?;
				Self::deposit_event(Event::CuratorPaid { bounty, curator, fee: b.curator_fee });
			}
			Self::pay(bounty, None, &assignee)?;
			let applicants = b.applicants.len() as u32;
			Self::end(bounty, &b);
			Self::deposit_event(Event::MilestonePaid { bounty, milestone, to: assignee, amount });
			Self::deposit_event(Event::Completed { bounty });
			Ok(Some(<T as Config>::WeightInfo::claim(applicants)).into())
		}

		/// Close `bounty`: every unpaid amount returns to the treasury, the applicants' deposits
		/// are released. The origin is a decision of the bounty's acceptance class.
		///
		/// Emits [`Event::Closed`].
		#[pallet::call_index(8)]
		#[pallet::weight(<T as Config>::WeightInfo::close(T::MaxMilestones::get(), T::MaxApplicants::get()))]
		pub fn close(origin: OriginFor<T>, bounty: BountyIndex) -> DispatchResultWithPostInfo {
			let b = Bounties::<T>::get(bounty).ok_or(Error::<T>::UnknownBounty)?;
			T::ClassOrigin::ensure_origin(origin, &b.accept_class)?;
			Self::do_close(bounty, b, false)
		}

		/// Expire `bounty` after its deadline (anyone may call) when no delivery is under way:
		/// every unpaid amount returns to the treasury, the applicants' deposits are released.
		///
		/// Emits [`Event::Closed`].
		#[pallet::call_index(9)]
		#[pallet::weight(<T as Config>::WeightInfo::close(T::MaxMilestones::get(), T::MaxApplicants::get()))]
		pub fn expire(origin: OriginFor<T>, bounty: BountyIndex) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let b = Bounties::<T>::get(bounty).ok_or(Error::<T>::UnknownBounty)?;
			ensure!(frame_system::Pallet::<T>::block_number() > b.deadline, Error::<T>::NotExpired);
			ensure!(b.status == WorkStatus::Open, Error::<T>::DeliveryUnderWay);
			Self::do_close(bounty, b, true)
		}
	}
}

/// Whether the current (unpaid) milestone of `b` is its last.
fn on_last_milestone<T: Config>(b: &BountyOf<T>) -> bool {
	usize::try_from(b.paid).is_ok_and(|paid| paid.saturating_add(1) >= b.milestones.len())
}

impl<T: Config> Pallet<T> {
	/// The account that curates every bounty of this pallet in `pallet-multi-asset-bounties`.
	pub fn account_id() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// The runtime's code changed to code with BLAKE2b-256 hash `code_hash` (called from
	/// `frame_system`'s `OnSetCode`): accepts the last milestone of the bounty awaiting it.
	pub fn note_code_change(code_hash: Hash32) {
		let Some(bounty) = AwaitedCode::<T>::take(code_hash) else { return };
		let accepted = Bounties::<T>::mutate(bounty, |maybe| {
			let Some(b) = maybe.as_mut() else { return false };
			let WorkStatus::Delivered { artifact, .. } = b.status.clone() else { return false };
			b.status = WorkStatus::Accepted {
				artifact,
				payable_at: frame_system::Pallet::<T>::block_number(),
			};
			true
		});
		if accepted {
			Self::deposit_event(Event::UpgradeEnacted { bounty, code_hash });
		} else {
			log::warn!(target: LOG_TARGET, "awaited code of bounty {bounty} without a delivery");
		}
	}

	fn desk_origin() -> OriginFor<T> {
		RawOrigin::Signed(Self::account_id()).into()
	}

	/// The curator (signed) or a decision of the acceptance class.
	fn ensure_curator_or_class(origin: OriginFor<T>, b: &BountyOf<T>) -> DispatchResult {
		if let Ok(signer) = ensure_signed(origin.clone()) {
			if b.curator.as_ref() == Some(&signer) {
				return Ok(());
			}
		}
		T::ClassOrigin::ensure_origin(origin, &b.accept_class)?;
		Ok(())
	}

	/// Drops a delivery not yet accepted (and the code it awaited).
	fn drop_delivery(b: &mut BountyOf<T>) {
		if let WorkStatus::Delivered { artifact, .. } = &b.status {
			if b.upgrade && on_last_milestone::<T>(&*b) {
				if let Some(code) = T::Artifacts::code_hash(artifact) {
					AwaitedCode::<T>::remove(code);
				}
			}
			b.status = WorkStatus::Open;
		}
	}

	fn release_deposit(who: &T::AccountId) -> DispatchResult {
		T::Currency::release(
			&HoldReason::Application.into(),
			who,
			T::ApplicationDeposit::get(),
			Precision::BestEffort,
		)?;
		Ok(())
	}

	/// Awards the (child) bounty to `to` and completes the payment.
	fn pay(bounty: BountyIndex, child: Option<u32>, to: &T::AccountId) -> DispatchResult {
		bounties::Pallet::<T>::award_bounty(
			Self::desk_origin(),
			bounty,
			child,
			T::BeneficiaryLookup::unlookup(to.clone()),
		)?;
		bounties::Pallet::<T>::check_status(Self::desk_origin(), bounty, child)
			.map_err(|e| e.error)?;
		Ok(())
	}

	/// Removes the bounty and releases every applicant's deposit.
	fn end(bounty: BountyIndex, b: &BountyOf<T>) {
		for who in b.applicants.iter() {
			if let Err(e) = Self::release_deposit(who) {
				log::error!(target: LOG_TARGET, "deposit of {who:?} not released: {e:?}");
			}
		}
		Self::drop_delivery(&mut b.clone());
		Bounties::<T>::remove(bounty);
	}

	/// Refunds every child bounty left to the parent, then the parent to the treasury.
	fn do_close(bounty: BountyIndex, b: BountyOf<T>, expired: bool) -> DispatchResultWithPostInfo {
		let refunded = bounties::Bounties::<T>::get(bounty)
			.map(|parent| parent.value)
			.ok_or(Error::<T>::BountyStateMismatch)?;
		let children = bounties::TotalChildBountiesPerParent::<T>::get(bounty);
		for child in 0..children {
			if bounties::ChildBounties::<T>::contains_key(bounty, child) {
				bounties::Pallet::<T>::close_bounty(Self::desk_origin(), bounty, Some(child))?;
				bounties::Pallet::<T>::check_status(Self::desk_origin(), bounty, Some(child))
					.map_err(|e| e.error)?;
			}
		}
		if b.paid == 0 {
			bounties::Pallet::<T>::close_bounty(Self::desk_origin(), bounty, None)?;
			bounties::Pallet::<T>::check_status(Self::desk_origin(), bounty, None)
				.map_err(|e| e.error)?;
		} else {
			// `pallet-multi-asset-bounties` refunds a parent's whole value, which it no longer
			// holds once a child was paid: the rest is awarded back to the treasury instead.
			let treasury = bounties::Pallet::<T>::funding_source_account(())?;
			Self::pay(bounty, None, &treasury)?;
		}
		let applicants = b.applicants.len() as u32;
		Self::end(bounty, &b);
		// The parent's value is what it was funded with; paid milestones left it already.
		let paid: BalanceOf<T> = b
			.milestones
			.iter()
			.take(usize::try_from(b.paid).unwrap_or(usize::MAX))
			.fold(Zero::zero(), |sum: BalanceOf<T>, m| sum.saturating_add(*m));
		let refunded = refunded.saturating_sub(paid);
		Self::deposit_event(Event::Closed { bounty, expired, refunded });
		Ok(Some(<T as Config>::WeightInfo::close(children, applicants)).into())
	}

	/// Invariants: every bounty exists in `pallet-multi-asset-bounties` as an active bounty
	/// curated by this pallet's account with the value of its unpaid milestones and fee; its
	/// assignee is an applicant; each applicant holds at least a deposit; every awaited code
	/// belongs to a delivered upgrade-tied bounty.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::traits::fungible::InspectHold;
		let desk = Self::account_id();
		for (index, b) in Bounties::<T>::iter() {
			let parent = bounties::Bounties::<T>::get(index).ok_or("bounty missing upstream")?;
			ensure!(
				parent.status == bounties::BountyStatus::Active { curator: desk.clone() },
				"upstream bounty not active with this pallet as curator"
			);
			ensure!(!b.milestones.is_empty(), "bounty without milestones");
			ensure!(
				usize::try_from(b.paid).is_ok_and(|p| p < b.milestones.len()),
				"every milestone paid but the bounty kept"
			);
			let unpaid = b
				.milestones
				.iter()
				.skip(usize::try_from(b.paid).unwrap_or(usize::MAX))
				.fold(b.curator_fee, |sum, m| sum.saturating_add(*m));
			let children = bounties::ChildBounties::<T>::iter_prefix(index)
				.fold(BalanceOf::<T>::zero(), |sum, (_, c)| sum.saturating_add(c.value));
			ensure!(
				parent.value.saturating_sub(
					bounties::ChildBountiesValuePerParent::<T>::get(index).saturating_sub(children)
				) == unpaid,
				"upstream value differs from the unpaid milestones and fee"
			);
			if let Some(assignee) = &b.assignee {
				ensure!(b.applicants.contains(assignee), "assignee is not an applicant");
			}
			for who in b.applicants.iter() {
				ensure!(
					T::Currency::balance_on_hold(&HoldReason::Application.into(), who)
						>= T::ApplicationDeposit::get(),
					"applicant without its deposit"
				);
			}
			ensure!(
				b.assignee.is_some() || b.status == WorkStatus::Open,
				"delivery without assignee"
			);
		}
		for (code, index) in AwaitedCode::<T>::iter() {
			let b = Bounties::<T>::get(index).ok_or("awaited code of an ended bounty")?;
			let WorkStatus::Delivered { artifact, .. } = &b.status else {
				return Err("awaited code without a delivery".into());
			};
			ensure!(
				b.upgrade && on_last_milestone::<T>(&b),
				"awaited code of a non-upgrade milestone"
			);
			ensure!(
				T::Artifacts::code_hash(artifact) == Some(code),
				"awaited code is not the delivery's"
			);
		}
		Ok(())
	}
}

/// Pays bounties in the native currency `C`: a transfer from the source account to the
/// beneficiary, complete at once (`check_payment` reports success). The `Paymaster` of
/// `pallet-multi-asset-bounties` for a chain with one currency.
pub struct NativePay<C, A>(PhantomData<(C, A)>);

impl<C, A> frame_support::traits::tokens::PayWithSource for NativePay<C, A>
where
	A: Eq + Clone,
	C: Mutate<A>,
{
	type Balance = C::Balance;
	type Source = A;
	type Beneficiary = A;
	type AssetKind = ();
	type Id = ();
	type Error = DispatchError;

	fn pay(source: &A, beneficiary: &A, _: (), amount: Self::Balance) -> Result<(), DispatchError> {
		C::transfer(
			source,
			beneficiary,
			amount,
			frame_support::traits::tokens::Preservation::Expendable,
		)?;
		Ok(())
	}

	fn check_payment(_: ()) -> frame_support::traits::tokens::PaymentStatus {
		frame_support::traits::tokens::PaymentStatus::Success
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn ensure_successful(source: &A, _: &A, _: (), amount: Self::Balance) {
		let _ = C::mint_into(source, amount.saturating_add(C::minimum_balance()));
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn ensure_concluded(_: ()) {}
}
