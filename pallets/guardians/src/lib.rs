//! # Guardians pallet
//!
//! Emergency measures that really lapse (DESIGN §3). A bounded set of **guardians**, with a
//! mandate that ends at a set block ([`GuardianSet`], changed by [`Config::AmendOrigin`] — the
//! constitution's amendment class in Ostrom), may pull an emergency brake for at most
//! [`Config::MaxMeasureDuration`] blocks ([`Pallet::take_measure`]):
//!
//! - suspend an artifact, enter safe mode or pause a call ([`Config::Brakes`]);
//! - put a decision on hold ([`Config::Decisions`]): cancelling a decision is only ever
//!   provisional; the ratification class confirms it ([`Pallet::confirm_hold`], the decision is
//!   rejected) within the measure's duration, or the decision resumes with its clock restored.
//!
//! Only [`Config::RatifyOrigin`] (the constitution's ratification class) extends a measure
//! ([`Pallet::ratify_measure`]). The pallet guarantees:
//!
//! - **No renewal without ratification.** When a measure that was never ratified ends (lapses or
//!   is lifted), its target cools down for [`Config::Cooldown`] blocks (at least
//!   `MaxMeasureDuration`): no guardian can take a measure on it meanwhile.
//! - **Holds are bounded.** Each guardian has [`Config::MaxHoldsPerMandate`] holds per mandate;
//!   the pallet holding decisions refuses those of the amendment and ratification classes.
//! - **The measure table cannot be jammed.** Every record holds a brake until it ends; each
//!   guardian has at most [`Config::MaxMeasuresPerGuardian`] measures in force, and
//!   `MaxMeasures ≥ MaxGuardians · MaxMeasuresPerGuardian`, so a guardian always has room.
//! - **Only a sitting guardian lifts.** A guardian lifts only its own measure, while it is a
//!   guardian with a running mandate, and not once it is ratified; the ratification class lifts
//!   any measure ([`Pallet::lift_measure`]).
//! - **A lapse never releases what governance set.** A measure is refused on a brake already
//!   engaged, and ending it releases the brake only while the brake is still the one it set
//!   (same end): an artifact suspension or safe mode governance set, extended or changed is
//!   left alone. Artifact suspensions and safe mode end in their own pallets.
//!
//! Measures end in `on_initialize` (at most [`Config::MaxExpiriesPerBlock`] per block).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod traits;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
#[cfg(feature = "runtime-benchmarks")]
pub use traits::BenchmarkHelper;
pub use traits::{DecisionHold, EmergencyBrakes};
pub use types::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use frame_support::traits::DefensiveSaturating as _;
use frame_support::{pallet_prelude::*, storage::with_storage_layer};
use frame_system::pallet_prelude::*;
use sp_runtime::traits::{Saturating, Zero};

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::guardians";

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

		/// The identity of an artifact (`pallet_artifacts::ContentHash` in Ostrom).
		type ArtifactHash: Parameter + Member + MaxEncodedLen + Copy;

		/// The identity of a decision (`pallet_constitution::DecisionId` in Ostrom).
		type DecisionId: Parameter + Member + MaxEncodedLen + Copy;

		/// The emergency brakes guardians may pull.
		type Brakes: EmergencyBrakes<Self::ArtifactHash, BlockNumberFor<Self>>;

		/// The decisions guardians may put on hold.
		type Decisions: DecisionHold<Self::DecisionId>;

		/// Sets the guardians and their mandate (the constitution's amendment class).
		type AmendOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Extends and lifts measures and confirms holds (the constitution's ratification
		/// class).
		type RatifyOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Maximum number of guardians (not zero).
		#[pallet::constant]
		type MaxGuardians: Get<u32>;

		/// Maximum number of emergency measures in force at once (at least `MaxGuardians ·
		/// MaxMeasuresPerGuardian`).
		#[pallet::constant]
		type MaxMeasures: Get<u32>;

		/// Maximum number of measures one guardian has in force at once (not zero).
		#[pallet::constant]
		type MaxMeasuresPerGuardian: Get<u32>;

		/// Maximum number of decisions one guardian puts on hold per mandate.
		#[pallet::constant]
		type MaxHoldsPerMandate: Get<u32>;

		/// Maximum length of an emergency measure when taken, in blocks (not zero).
		#[pallet::constant]
		type MaxMeasureDuration: Get<BlockNumberFor<Self>>;

		/// Blocks during which no guardian may take a measure on a target whose last measure
		/// ended without ratification (at least `MaxMeasureDuration`).
		#[pallet::constant]
		type Cooldown: Get<BlockNumberFor<Self>>;

		/// Maximum extension of a measure by one ratification, in blocks.
		#[pallet::constant]
		type MaxExtension: Get<BlockNumberFor<Self>>;

		/// Maximum number of ratifications of one measure.
		#[pallet::constant]
		type MaxRatifications: Get<u32>;

		/// Maximum number of measures ending at the same block (not zero, at most
		/// `MaxMeasures`).
		#[pallet::constant]
		type MaxExpiriesPerBlock: Get<u32>;

		/// Picks measures and decisions for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::ArtifactHash, Self::DecisionId>;
	}

	/// The guardians and the block at which their mandate ends.
	#[pallet::storage]
	pub type GuardianSet<T: Config> = StorageValue<_, GuardianMandateOf<T>, ValueQuery>;

	/// The emergency measures in force (at most [`Config::MaxMeasures`], counted).
	#[pallet::storage]
	pub type Measures<T: Config> =
		CountedStorageMap<_, Twox64Concat, MeasureId, MeasureInfoOf<T>, OptionQuery>;

	/// The measure in force on each target (one at a time).
	#[pallet::storage]
	pub type MeasureTargets<T: Config> =
		StorageMap<_, Blake2_128Concat, MeasureOf<T>, MeasureId, OptionQuery>;

	/// The measures ending at the start of each block (absent when none).
	#[pallet::storage]
	pub type MeasureExpiries<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<MeasureId, T::MaxExpiriesPerBlock>,
		ValueQuery,
	>;

	/// Number of measures in force taken by each guardian (absent when zero; at most
	/// [`Config::MaxMeasuresPerGuardian`]).
	#[pallet::storage]
	pub type MeasuresOf<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Number of decisions each guardian put on hold in the current mandate (absent when
	/// zero; at most [`Config::MaxHoldsPerMandate`]; cleared when the guardians are set).
	#[pallet::storage]
	pub type HoldsUsed<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The block until which no guardian may take a measure on a target, after an unratified
	/// measure on it ended. An entry that has passed is removed when the target is next taken.
	#[pallet::storage]
	pub type Cooldowns<T: Config> =
		StorageMap<_, Blake2_128Concat, MeasureOf<T>, BlockNumberFor<T>, OptionQuery>;

	/// Identifier of the next measure.
	#[pallet::storage]
	pub type NextMeasureId<T: Config> = StorageValue<_, MeasureId, ValueQuery>;

	/// The initial guardians.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The guardians.
		pub guardians: Vec<T::AccountId>,
		/// The block at which their mandate ends.
		pub mandate_end: BlockNumberFor<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if !self.guardians.is_empty() {
				let guardians = BoundedVec::try_from(self.guardians.clone())
					.expect("too many genesis guardians");
				Pallet::<T>::do_set_guardians(guardians, self.mandate_end)
					.expect("invalid genesis guardians");
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The guardians and their mandate changed; every guardian's hold quota is reset.
		GuardiansSet {
			/// The new guardians, replacing the previous ones.
			guardians: BoundedVec<T::AccountId, T::MaxGuardians>,
			/// The block at which their mandate ends: from it on, they can no longer take or lift
			/// measures.
			mandate_end: BlockNumberFor<T>,
		},
		/// A guardian took an emergency measure, in force until block `expires`.
		MeasureTaken {
			/// The measure's identifier.
			id: MeasureId,
			/// The guardian who took it.
			guardian: T::AccountId,
			/// The measure and its target.
			measure: MeasureOf<T>,
			/// Hash of the guardian's stated reason.
			reason: T::Hash,
			/// The block at whose start the measure ends unless it is ratified.
			expires: BlockNumberFor<T>,
		},
		/// The ratification class extended a measure until block `expires`.
		MeasureRatified {
			/// The measure's identifier.
			id: MeasureId,
			/// The new block at whose start the measure ends.
			expires: BlockNumberFor<T>,
		},
		/// A measure was lifted before its end by `by`; `release` says what happened to its
		/// brake.
		MeasureLifted {
			/// The measure's identifier.
			id: MeasureId,
			/// The measure and its target.
			measure: MeasureOf<T>,
			/// Who lifted it: the guardian who took it, or the ratification class.
			by: Lifter,
			/// What lifting it did to its brake.
			release: Release,
		},
		/// A measure ended; `release` says what happened to its brake.
		MeasureLapsed {
			/// The measure's identifier.
			id: MeasureId,
			/// The measure and its target.
			measure: MeasureOf<T>,
			/// What ending it did to its brake.
			release: Release,
		},
		/// A measure ended but releasing its brake failed (the record is removed anyway).
		MeasureReleaseFailed {
			/// The measure's identifier.
			id: MeasureId,
			/// The measure and its target.
			measure: MeasureOf<T>,
			/// Why releasing the brake failed; the brake was left as it was.
			error: DispatchError,
		},
		/// The ratification class confirmed a hold: the decision was cancelled (rejected).
		HoldConfirmed {
			/// The identifier of the hold measure, which ended.
			id: MeasureId,
			/// The decision that was cancelled (rejected and closed).
			decision: T::DecisionId,
		},
		/// No guardian may take a measure on `measure`'s target before block `until`.
		CooldownStarted {
			/// The measure that ended without ratification; its target cools down.
			measure: MeasureOf<T>,
			/// The first block at which a guardian may take a measure on the target again.
			until: BlockNumberFor<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// An account is listed twice.
		DuplicateGuardian,
		/// The caller is not a guardian.
		NotGuardian,
		/// The guardians' mandate has ended.
		MandateEnded,
		/// A measure must last at least one block.
		ZeroDuration,
		/// A measure must last at most `MaxMeasureDuration` blocks.
		MeasureTooLong,
		/// Pallet and call names must not be empty.
		EmptyCallName,
		/// A measure on this target is in force already.
		MeasureActive,
		/// The target's last measure ended without ratification: it cools down until
		/// [`Cooldowns`] says.
		CoolingDown,
		/// The brake is engaged already (by governance): there is nothing for a measure to do.
		AlreadyEngaged,
		/// The maximum number of measures in force is reached.
		TooManyMeasures,
		/// The guardian has `MaxMeasuresPerGuardian` measures in force.
		GuardianLimitReached,
		/// The guardian has used its `MaxHoldsPerMandate` holds in this mandate.
		HoldQuotaUsed,
		/// The maximum number of measures ending at that block is reached.
		TooManyExpiries,
		/// No measure in force with this id.
		UnknownMeasure,
		/// A hold is not extended: the ratification class confirms it instead.
		NotExtendable,
		/// The measure is not a hold.
		NotAHold,
		/// The brake is no longer the measure's own (governance changed or released it).
		BrakeNotOwn,
		/// An extension must be between one block and `MaxExtension` blocks.
		InvalidExtension,
		/// The measure was ratified the maximum number of times.
		TooManyRatifications,
		/// Only the guardian who took a measure, or the ratification class, may lift it.
		NoPermission,
		/// A ratified measure is lifted only by the ratification class.
		Ratified,
		/// An identifier or a block number overflows.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// End the emergency measures that end at block `n`.
		fn on_initialize(n: BlockNumberFor<T>) -> Weight {
			Self::expire_measures(n)
		}

		fn integrity_test() {
			assert!(T::MaxGuardians::get() > 0, "MaxGuardians must not be zero");
			assert!(
				T::MaxMeasuresPerGuardian::get() > 0,
				"MaxMeasuresPerGuardian must not be zero"
			);
			assert!(
				T::MaxMeasures::get()
					>= T::MaxGuardians::get().saturating_mul(T::MaxMeasuresPerGuardian::get()),
				"MaxMeasures must leave every guardian its MaxMeasuresPerGuardian"
			);
			assert!(T::MaxExpiriesPerBlock::get() > 0, "MaxExpiriesPerBlock must not be zero");
			assert!(
				T::MaxExpiriesPerBlock::get() <= T::MaxMeasures::get(),
				"MaxExpiriesPerBlock must not exceed MaxMeasures"
			);
			assert!(!T::MaxMeasureDuration::get().is_zero(), "MaxMeasureDuration must not be zero");
			assert!(
				T::Cooldown::get() >= T::MaxMeasureDuration::get(),
				"Cooldown must be at least MaxMeasureDuration"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Take emergency measure `measure` for `duration` blocks (at most
		/// [`Config::MaxMeasureDuration`]), with the hash of the reason. The caller must be a
		/// guardian whose mandate has not ended, with fewer than
		/// [`Config::MaxMeasuresPerGuardian`] measures in force (and, for a hold, holds left in
		/// its quota). The target must have no measure in force, must not be cooling down, and
		/// its brake must not be engaged already. The measure ends at the start of block
		/// `now + duration` unless ratified.
		///
		/// Emits [`Event::MeasureTaken`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::take_measure())]
		pub fn take_measure(
			origin: OriginFor<T>,
			measure: MeasureOf<T>,
			reason: T::Hash,
			duration: BlockNumberFor<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_take_measure(who, measure, reason, duration)
		}

		/// Extend measure `id` by `extension` blocks (at most [`Config::MaxExtension`]), at most
		/// [`Config::MaxRatifications`] times, while its brake is still its own. Holds are
		/// confirmed with [`Pallet::confirm_hold`] instead.
		///
		/// Origin: [`Config::RatifyOrigin`]. Emits [`Event::MeasureRatified`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::ratify_measure())]
		pub fn ratify_measure(
			origin: OriginFor<T>,
			id: MeasureId,
			extension: BlockNumberFor<T>,
		) -> DispatchResult {
			T::RatifyOrigin::ensure_origin(origin)?;
			Self::do_ratify_measure(id, extension)
		}

		/// End measure `id` now, releasing its brake if it is still the measure's own (a hold:
		/// the decision resumes). An unratified measure's target cools down.
		///
		/// Origin: the sitting guardian who took it, if it was not ratified (signed), or
		/// [`Config::RatifyOrigin`]. Emits [`Event::MeasureLifted`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::lift_measure())]
		pub fn lift_measure(origin: OriginFor<T>, id: MeasureId) -> DispatchResult {
			Self::do_lift_measure(origin, id)
		}

		/// Confirm hold `id`: the held decision is cancelled (rejected and closed) and the
		/// measure ends.
		///
		/// Origin: [`Config::RatifyOrigin`]. Emits [`Event::HoldConfirmed`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::confirm_hold())]
		pub fn confirm_hold(origin: OriginFor<T>, id: MeasureId) -> DispatchResult {
			T::RatifyOrigin::ensure_origin(origin)?;
			Self::do_confirm_hold(id)
		}

		/// Replace the guardians and set the block at which their mandate ends (a block in the
		/// past ends it now), and reset every hold quota. Measures in force stay until they end;
		/// a guardian no longer listed cannot lift them.
		///
		/// Origin: [`Config::AmendOrigin`]. Emits [`Event::GuardiansSet`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_guardians(T::MaxGuardians::get()))]
		pub fn set_guardians(
			origin: OriginFor<T>,
			guardians: BoundedVec<T::AccountId, T::MaxGuardians>,
			mandate_end: BlockNumberFor<T>,
		) -> DispatchResult {
			T::AmendOrigin::ensure_origin(origin)?;
			Self::do_set_guardians(guardians, mandate_end)
		}
	}
}

/// The number of measures in force per guardian.
#[cfg(any(feature = "try-runtime", feature = "std"))]
type MeasureCounts<T> =
	alloc::collections::btree_map::BTreeMap<<T as frame_system::Config>::AccountId, u32>;

impl<T: Config> Pallet<T> {
	fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	/// Whether `who` is a guardian whose mandate has not ended; the named error if not.
	pub fn ensure_sitting(who: &T::AccountId) -> DispatchResult {
		let set = GuardianSet::<T>::get();
		ensure!(set.members.contains(who), Error::<T>::NotGuardian);
		ensure!(Self::now() < set.mandate_end, Error::<T>::MandateEnded);
		Ok(())
	}

	pub(crate) fn do_set_guardians(
		guardians: BoundedVec<T::AccountId, T::MaxGuardians>,
		mandate_end: BlockNumberFor<T>,
	) -> DispatchResult {
		let mut sorted = guardians.clone().into_inner();
		sorted.sort();
		sorted.dedup();
		ensure!(sorted.len() == guardians.len(), Error::<T>::DuplicateGuardian);
		let old = GuardianSet::<T>::get().members;
		for who in old.iter().chain(guardians.iter()) {
			HoldsUsed::<T>::remove(who);
		}
		GuardianSet::<T>::put(GuardianMandate { members: guardians.clone(), mandate_end });
		Self::deposit_event(Event::GuardiansSet { guardians, mandate_end });
		Ok(())
	}

	/// Whether the brake of `measure` is engaged now (by anyone).
	fn is_engaged(measure: &MeasureOf<T>) -> bool {
		match measure {
			Measure::SuspendArtifact(hash) => T::Brakes::artifact_suspended_until(hash).is_some(),
			Measure::SafeMode => T::Brakes::safe_mode_until().is_some(),
			Measure::PauseCall { pallet, call } => T::Brakes::is_paused(pallet, call),
			Measure::HoldDecision(decision) => T::Decisions::is_held(*decision),
		}
	}

	/// Whether the brake of a measure ending at `expires` is still the one it set.
	fn is_own(measure: &MeasureOf<T>, expires: BlockNumberFor<T>) -> bool {
		match measure {
			Measure::SuspendArtifact(hash) => {
				T::Brakes::artifact_suspended_until(hash) == Some(expires)
			},
			Measure::SafeMode => T::Brakes::safe_mode_until() == Some(expires),
			Measure::PauseCall { pallet, call } => T::Brakes::is_paused(pallet, call),
			Measure::HoldDecision(decision) => T::Decisions::is_held(*decision),
		}
	}

	fn apply(measure: &MeasureOf<T>, until: BlockNumberFor<T>) -> DispatchResult {
		match measure {
			Measure::SuspendArtifact(hash) => T::Brakes::suspend_artifact(hash, until),
			Measure::SafeMode => T::Brakes::enter_safe_mode(until),
			Measure::PauseCall { pallet, call } => T::Brakes::pause(pallet, call),
			Measure::HoldDecision(decision) => T::Decisions::hold(*decision),
		}
	}

	/// Release the brake of a measure ending now, before its end (lift) or at it (lapse), if
	/// it is still the measure's own. At a lapse, an artifact suspension or safe mode is left
	/// to its own pallet, which ends it at the same block.
	fn release(info: &MeasureInfoOf<T>, ending: Ending) -> Result<Release, DispatchError> {
		if ending == Ending::Lapsed && Self::self_ending(&info.measure) {
			return Ok(
				if Self::is_engaged(&info.measure) && !Self::is_own(&info.measure, info.expires) {
					Release::NotOwn
				} else {
					Release::EndsByItself
				},
			);
		}
		if !Self::is_own(&info.measure, info.expires) {
			return Ok(Release::NotOwn);
		}
		match &info.measure {
			Measure::SuspendArtifact(hash) => T::Brakes::lift_artifact(hash),
			Measure::SafeMode => T::Brakes::exit_safe_mode(),
			Measure::PauseCall { pallet, call } => T::Brakes::unpause(pallet, call),
			Measure::HoldDecision(decision) => T::Decisions::resume(*decision),
		}?;
		Ok(Release::Released)
	}

	/// Whether the measure's brake is ended by its own pallet.
	fn self_ending(measure: &MeasureOf<T>) -> bool {
		matches!(measure, Measure::SuspendArtifact(_) | Measure::SafeMode)
	}

	fn unqueue_expiry(at: BlockNumberFor<T>, id: MeasureId) {
		let mut queue = MeasureExpiries::<T>::get(at);
		queue.retain(|queued| *queued != id);
		if queue.is_empty() {
			MeasureExpiries::<T>::remove(at);
		} else {
			MeasureExpiries::<T>::insert(at, queue);
		}
	}

	/// Remove a measure's record that ends by `ending`: its queued expiry (unless it lapsed, when
	/// the queue was taken already), and, unless it is a confirmed hold, start its target's
	/// cooldown if it was never ratified.
	fn remove_measure(id: MeasureId, info: &MeasureInfoOf<T>, ending: Ending) {
		Measures::<T>::remove(id);
		MeasureTargets::<T>::remove(&info.measure);
		if ending != Ending::Lapsed {
			Self::unqueue_expiry(info.expires, id);
		}
		let own = MeasuresOf::<T>::get(&info.guardian).defensive_saturating_sub(1);
		if own == 0 {
			MeasuresOf::<T>::remove(&info.guardian);
		} else {
			MeasuresOf::<T>::insert(&info.guardian, own);
		}
		if ending != Ending::Confirmed && info.extensions == 0 {
			let until = Self::now().saturating_add(T::Cooldown::get());
			Cooldowns::<T>::insert(&info.measure, until);
			Self::deposit_event(Event::CooldownStarted { measure: info.measure.clone(), until });
		}
	}

	pub(crate) fn do_take_measure(
		who: T::AccountId,
		measure: MeasureOf<T>,
		reason: T::Hash,
		duration: BlockNumberFor<T>,
	) -> DispatchResult {
		Self::ensure_sitting(&who)?;
		let now = Self::now();
		ensure!(!duration.is_zero(), Error::<T>::ZeroDuration);
		ensure!(duration <= T::MaxMeasureDuration::get(), Error::<T>::MeasureTooLong);
		if let Measure::PauseCall { pallet, call } = &measure {
			ensure!(!pallet.is_empty() && !call.is_empty(), Error::<T>::EmptyCallName);
		}
		ensure!(!MeasureTargets::<T>::contains_key(&measure), Error::<T>::MeasureActive);
		if let Some(until) = Cooldowns::<T>::get(&measure) {
			ensure!(now >= until, Error::<T>::CoolingDown);
		}
		let count = Measures::<T>::count();
		ensure!(count < T::MaxMeasures::get(), Error::<T>::TooManyMeasures);
		let own = MeasuresOf::<T>::get(&who);
		ensure!(own < T::MaxMeasuresPerGuardian::get(), Error::<T>::GuardianLimitReached);
		let is_hold = matches!(measure, Measure::HoldDecision(_));
		let holds = HoldsUsed::<T>::get(&who);
		if is_hold {
			ensure!(holds < T::MaxHoldsPerMandate::get(), Error::<T>::HoldQuotaUsed);
		}
		ensure!(!Self::is_engaged(&measure), Error::<T>::AlreadyEngaged);
		let id = NextMeasureId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let expires = now.saturating_add(duration);
		let mut queue = MeasureExpiries::<T>::get(expires);
		queue.try_push(id).map_err(|_| Error::<T>::TooManyExpiries)?;
		Self::apply(&measure, expires)?;
		MeasureExpiries::<T>::insert(expires, queue);
		MeasureTargets::<T>::insert(&measure, id);
		Cooldowns::<T>::remove(&measure);
		Measures::<T>::insert(
			id,
			MeasureInfo {
				guardian: who.clone(),
				measure: measure.clone(),
				reason,
				created: now,
				expires,
				extensions: 0,
			},
		);
		MeasuresOf::<T>::insert(&who, own.saturating_add(1));
		if is_hold {
			HoldsUsed::<T>::insert(&who, holds.saturating_add(1));
		}
		NextMeasureId::<T>::put(next);
		Self::deposit_event(Event::MeasureTaken { id, guardian: who, measure, reason, expires });
		Ok(())
	}

	pub(crate) fn do_ratify_measure(id: MeasureId, extension: BlockNumberFor<T>) -> DispatchResult {
		let mut info = Measures::<T>::get(id).ok_or(Error::<T>::UnknownMeasure)?;
		ensure!(!matches!(info.measure, Measure::HoldDecision(_)), Error::<T>::NotExtendable);
		ensure!(
			!extension.is_zero() && extension <= T::MaxExtension::get(),
			Error::<T>::InvalidExtension
		);
		ensure!(info.extensions < T::MaxRatifications::get(), Error::<T>::TooManyRatifications);
		ensure!(Self::is_own(&info.measure, info.expires), Error::<T>::BrakeNotOwn);
		let expires = info.expires.saturating_add(extension);
		let mut queue = MeasureExpiries::<T>::get(expires);
		queue.try_push(id).map_err(|_| Error::<T>::TooManyExpiries)?;
		match &info.measure {
			Measure::SuspendArtifact(hash) => T::Brakes::suspend_artifact(hash, expires)?,
			Measure::SafeMode => T::Brakes::extend_safe_mode(extension)?,
			Measure::PauseCall { .. } | Measure::HoldDecision(_) => {},
		}
		Self::unqueue_expiry(info.expires, id);
		MeasureExpiries::<T>::insert(expires, queue);
		info.expires = expires;
		info.extensions = info.extensions.saturating_add(1);
		Measures::<T>::insert(id, info);
		Self::deposit_event(Event::MeasureRatified { id, expires });
		Ok(())
	}

	pub(crate) fn do_lift_measure(origin: OriginFor<T>, id: MeasureId) -> DispatchResult {
		let info = Measures::<T>::get(id).ok_or(Error::<T>::UnknownMeasure)?;
		let by = match T::RatifyOrigin::try_origin(origin) {
			Ok(_) => Lifter::Governance,
			Err(origin) => {
				let who = ensure_signed(origin)?;
				ensure!(who == info.guardian, Error::<T>::NoPermission);
				Self::ensure_sitting(&who)?;
				ensure!(info.extensions == 0, Error::<T>::Ratified);
				Lifter::Guardian
			},
		};
		let release = Self::release(&info, Ending::Lifted)?;
		Self::remove_measure(id, &info, Ending::Lifted);
		Self::deposit_event(Event::MeasureLifted { id, measure: info.measure, by, release });
		Ok(())
	}

	pub(crate) fn do_confirm_hold(id: MeasureId) -> DispatchResult {
		let info = Measures::<T>::get(id).ok_or(Error::<T>::UnknownMeasure)?;
		let Measure::HoldDecision(decision) = info.measure else {
			return Err(Error::<T>::NotAHold.into());
		};
		T::Decisions::cancel(decision)?;
		Self::remove_measure(id, &info, Ending::Confirmed);
		Self::deposit_event(Event::HoldConfirmed { id, decision });
		Ok(())
	}

	/// End the measures that end at block `now` (at most [`Config::MaxExpiriesPerBlock`]);
	/// returns the weight used.
	pub(crate) fn expire_measures(now: BlockNumberFor<T>) -> Weight {
		let expiring = MeasureExpiries::<T>::take(now);
		let count = u32::try_from(expiring.len()).unwrap_or(u32::MAX);
		for id in expiring {
			let Some(info) = Measures::<T>::get(id) else {
				log::error!(target: LOG_TARGET, "expiry of an unknown measure {id}");
				continue;
			};
			let released = with_storage_layer(|| Self::release(&info, Ending::Lapsed));
			Self::remove_measure(id, &info, Ending::Lapsed);
			let measure = info.measure;
			match released {
				Ok(release) => Self::deposit_event(Event::MeasureLapsed { id, measure, release }),
				Err(error) => {
					log::error!(target: LOG_TARGET, "releasing measure {id} failed: {error:?}");
					Self::deposit_event(Event::MeasureReleaseFailed { id, measure, error });
				},
			}
		}
		T::WeightInfo::on_initialize(count)
	}

	/// The measures in force, by id.
	pub fn measures() -> Vec<(MeasureId, MeasureInfoOf<T>)> {
		let mut measures: Vec<_> = Measures::<T>::iter().collect();
		measures.sort_by_key(|(id, _)| *id);
		measures
	}

	/// Check the pallet's invariants (iterates all of its storage: tests and try-runtime only).
	///
	/// - no guardian is listed twice;
	/// - **no emergency measure outlives its maximum**: each ends after the current block and
	///   at most `MaxMeasureDuration + extensions · MaxExtension` after it was taken, with at
	///   most [`Config::MaxRatifications`] extensions, and a hold is never extended; each is
	///   queued for expiry at its end and indexed by its target; [`Measures`]' counter counts them
	///   (at most [`Config::MaxMeasures`]);
	/// - **no guardian jams the table**: [`MeasuresOf`] counts each guardian's measures in
	///   force, at most [`Config::MaxMeasuresPerGuardian`] each; [`HoldsUsed`] is at most
	///   [`Config::MaxHoldsPerMandate`];
	/// - **no renewal**: no target has a measure in force and a running cooldown.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		Self::check_guardians()?;
		let (measures, per_guardian) = Self::check_measures()?;
		Self::check_measure_targets(measures)?;
		Self::check_guardian_measures(per_guardian)?;
		Self::check_hold_quotas()?;
		Self::check_expiries(measures)
	}

	/// No guardian is listed twice in the [`GuardianSet`].
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	fn check_guardians() -> Result<(), sp_runtime::TryRuntimeError> {
		let guardians = GuardianSet::<T>::get().members;
		let mut sorted = guardians.clone().into_inner();
		sorted.sort();
		sorted.dedup();
		ensure!(sorted.len() == guardians.len(), "guardian listed twice");
		Ok(())
	}

	/// Walk [`Measures`] once: every measure has an allocated id, at most
	/// [`Config::MaxRatifications`] extensions (none for a hold), ends after the current block
	/// and no later than its maximum, is queued for expiry at its end, is indexed by its target,
	/// and was not taken during its target's cooldown (no renewal); [`Measures`]' counter counts
	/// them, at most [`Config::MaxMeasures`]. Returns the number of measures and the number
	/// per guardian.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	fn check_measures() -> Result<(u32, MeasureCounts<T>), sp_runtime::TryRuntimeError> {
		let now = Self::now();
		let next_measure = NextMeasureId::<T>::get();
		let mut measures: u32 = 0;
		let mut per_guardian = MeasureCounts::<T>::new();
		for (id, info) in Measures::<T>::iter() {
			measures = measures.saturating_add(1);
			ensure!(id < next_measure, "measure id not yet allocated");
			ensure!(info.extensions <= T::MaxRatifications::get(), "too many ratifications");
			ensure!(
				info.extensions == 0 || !matches!(info.measure, Measure::HoldDecision(_)),
				"a hold was extended"
			);
			ensure!(info.expires > now, "measure outlived its end");
			let longest = info
				.created
				.saturating_add(T::MaxMeasureDuration::get())
				.saturating_add(T::MaxExtension::get().saturating_mul(info.extensions.into()));
			ensure!(info.expires <= longest, "measure outlives its maximum");
			ensure!(
				MeasureExpiries::<T>::get(info.expires).contains(&id),
				"measure not queued for expiry"
			);
			ensure!(MeasureTargets::<T>::get(&info.measure) == Some(id), "measure target mismatch");
			if let Some(until) = Cooldowns::<T>::get(&info.measure) {
				ensure!(until <= info.created, "measure taken during its target's cooldown");
			}
			let n = per_guardian.entry(info.guardian.clone()).or_insert(0);
			*n = n.saturating_add(1);
		}
		ensure!(measures == Measures::<T>::count(), "measure count mismatch");
		ensure!(measures <= T::MaxMeasures::get(), "too many measures");
		Ok((measures, per_guardian))
	}

	/// [`MeasureTargets`] holds exactly as many entries as there are `measures` in force (each
	/// of which [`Self::check_measures`] found indexed by its target): no target is stale.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	fn check_measure_targets(measures: u32) -> Result<(), sp_runtime::TryRuntimeError> {
		let targets = MeasureTargets::<T>::iter().count();
		ensure!(u32::try_from(targets).ok() == Some(measures), "stale measure target");
		Ok(())
	}

	/// [`MeasuresOf`] counts each guardian's measures in force (`per_guardian`), never stored as
	/// zero and at most [`Config::MaxMeasuresPerGuardian`] each.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	fn check_guardian_measures(
		mut per_guardian: MeasureCounts<T>,
	) -> Result<(), sp_runtime::TryRuntimeError> {
		for (who, n) in MeasuresOf::<T>::iter() {
			ensure!(n > 0, "zero measure count stored");
			ensure!(n <= T::MaxMeasuresPerGuardian::get(), "guardian above its measure limit");
			ensure!(per_guardian.remove(&who) == Some(n), "guardian measure count mismatch");
		}
		ensure!(per_guardian.is_empty(), "guardian measures not counted");
		Ok(())
	}

	/// Every entry of [`HoldsUsed`] is at most [`Config::MaxHoldsPerMandate`].
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	fn check_hold_quotas() -> Result<(), sp_runtime::TryRuntimeError> {
		for (_, n) in HoldsUsed::<T>::iter() {
			ensure!(n <= T::MaxHoldsPerMandate::get(), "hold quota exceeded");
		}
		Ok(())
	}

	/// No queue of [`MeasureExpiries`] is stored empty, every queued id is a measure ending at
	/// that block, and the queues hold as many entries as there are `measures` in force.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	fn check_expiries(measures: u32) -> Result<(), sp_runtime::TryRuntimeError> {
		let mut queued: u32 = 0;
		for (at, queue) in MeasureExpiries::<T>::iter() {
			ensure!(!queue.is_empty(), "empty expiry queue stored");
			for id in queue.iter() {
				queued = queued.saturating_add(1);
				let expires = Measures::<T>::get(id).map(|info| info.expires);
				ensure!(expires == Some(at), "queued expiry of no measure ending then");
			}
		}
		ensure!(queued == measures, "expiry queue mismatch");
		Ok(())
	}
}
