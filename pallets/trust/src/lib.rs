//! # Trust pallet
//!
//! A web of trust on-chain (Ostrom design §11, issue 18 part 2): persons record weighted
//! endorsements of other accounts, and the MeritRank tool reads the graph off-chain to compute
//! sybil-tolerant merit, which it publishes as attestations in the `merit` reputation domain.
//!
//! - **Endorsements** are the graph's edges: [`Endorsements`] maps each endorser to its
//!   out-edges ([`Endorsement`]: the endorsed account and a weight from 1 to 100), kept sorted by
//!   the endorsed account, without duplicates, at most [`Config::MaxEndorsements`] per endorser.
//!   [`EndorsementCount`] is the number of edges in the graph.
//! - Only a **person** ([`Config::Personhood`]: a valid personhood credential) may endorse
//!   ([`Pallet::endorse`]); nobody endorses itself. Changing the weight of an edge is the same
//!   call.
//! - Each edge is **paid by a deposit**: [`Config::EndorsementDeposit`] is held from the endorser
//!   ([`HoldReason::Endorsement`]) when the edge is created, and released when it is withdrawn
//!   ([`Pallet::withdraw_endorsement`]); changing an edge's weight holds nothing more. An
//!   endorser's held deposit is always its number of edges times the deposit (checked by
//!   `try_state`).
//! - Edges are **revocable** by their endorser at any time, whether or not it is still a person.
//!   The edges of an account that is **no longer a person** (credential revoked, expired, or its
//!   issuer removed) can be removed by anyone ([`Pallet::remove_stale`]); their deposits go back
//!   to the endorser. Until then they stay in storage, and readers of the graph skip endorsers
//!   that are not persons.
//! - Every change emits an event ([`Event::Endorsed`], [`Event::EndorsementWithdrawn`],
//!   [`Event::StaleEndorsementsRemoved`]).
//!
//! The pallet does not compute trust: it only keeps the edges, bounded and paid for. Clients read
//! [`Endorsements`] (a map keyed by `Blake2_128Concat(endorser)`) directly.

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

pub use ostrom_primitives::PersonhoodProvider;
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Mutate, MutateHold},
		tokens::Precision,
		DefensiveSaturating as _,
	},
};
use frame_system::pallet_prelude::*;
use sp_runtime::traits::Saturating;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::trust";

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

		/// The currency endorsement deposits are held in (`InspectHold` comes with
		/// `MutateHold`; `Mutate` funds the benchmark accounts).
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who is a verified unique person: only persons may endorse, and the edges of an
		/// account that is no longer a person may be removed by anyone.
		type Personhood: PersonhoodProvider<Self::AccountId>;

		/// Maximum number of endorsements (out-edges) of one endorser. Not zero.
		#[pallet::constant]
		type MaxEndorsements: Get<u32>;

		/// Deposit held from the endorser for each of its endorsements. Changing it needs a
		/// migration that adjusts the deposits already held (`try_state` checks that each
		/// endorser's held deposit is its number of edges times this).
		#[pallet::constant]
		type EndorsementDeposit: Get<BalanceOf<Self>>;
	}

	/// A reason for the pallet to hold funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposits of an endorser's endorsements (one [`Config::EndorsementDeposit`] per
		/// edge).
		#[codec(index = 0)]
		Endorsement,
	}

	/// The endorsements (out-edges) of each endorser, sorted by [`Endorsement::to`] without
	/// duplicates, at most [`Config::MaxEndorsements`]; never stored empty.
	#[pallet::storage]
	pub type Endorsements<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, EndorsementsOf<T>, ValueQuery>;

	/// Number of endorsements in the graph: the sum of the lengths of [`Endorsements`].
	#[pallet::storage]
	pub type EndorsementCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `from` endorsed `to` with `weight` (a new edge, or a new weight of an existing one).
		Endorsed {
			/// The endorser (a person).
			from: T::AccountId,
			/// The endorsed account.
			to: T::AccountId,
			/// The edge's weight, from 1 to 100.
			weight: u8,
		},
		/// `from` withdrew its endorsement of `to`; its deposit was released.
		EndorsementWithdrawn {
			/// The endorser.
			from: T::AccountId,
			/// The account no longer endorsed.
			to: T::AccountId,
		},
		/// The `count` endorsements of `endorser`, no longer a person, were removed; their
		/// deposits were released to it.
		StaleEndorsementsRemoved {
			/// The endorser that is no longer a person.
			endorser: T::AccountId,
			/// The number of endorsements removed.
			count: u32,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Only a person (an account with a valid personhood credential) may endorse.
		NotPerson,
		/// An account cannot endorse itself.
		SelfEndorsement,
		/// The weight of an endorsement must be from 1 to 100.
		InvalidWeight,
		/// The endorser already has [`Config::MaxEndorsements`] endorsements.
		TooManyEndorsements,
		/// The endorsement already has this weight.
		Unchanged,
		/// The account has no such endorsement (or none at all).
		NotEndorsed,
		/// The endorser is still a person: only its own calls withdraw its endorsements.
		StillAPerson,
		/// The number of endorsements would exceed the numeric range.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxEndorsements::get() > 0, "MaxEndorsements must not be zero");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Endorse `to` with `weight` (1 to 100), or change the weight of the caller's
		/// endorsement of `to`. The caller must be a person and not `to`. A new endorsement
		/// holds [`Config::EndorsementDeposit`] from the caller and needs a free slot (at most
		/// [`Config::MaxEndorsements`]); a new weight holds nothing more.
		///
		/// Emits [`Event::Endorsed`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::endorse())]
		pub fn endorse(origin: OriginFor<T>, to: T::AccountId, weight: u8) -> DispatchResult {
			let from = ensure_signed(origin)?;
			ensure!((MIN_WEIGHT..=MAX_WEIGHT).contains(&weight), Error::<T>::InvalidWeight);
			ensure!(from != to, Error::<T>::SelfEndorsement);
			ensure!(T::Personhood::is_person(&from), Error::<T>::NotPerson);
			let mut edges = Endorsements::<T>::get(&from);
			match edges.binary_search_by(|edge| edge.to.cmp(&to)) {
				Ok(pos) => {
					let edge = edges.get_mut(pos).ok_or(Error::<T>::NotEndorsed)?;
					ensure!(edge.weight != weight, Error::<T>::Unchanged);
					edge.weight = weight;
				},
				Err(pos) => {
					ensure!(!edges.is_full(), Error::<T>::TooManyEndorsements);
					let count =
						EndorsementCount::<T>::get().checked_add(1).ok_or(Error::<T>::Overflow)?;
					edges
						.try_insert(pos, Endorsement { to: to.clone(), weight })
						.map_err(|_| Error::<T>::TooManyEndorsements)?;
					T::Currency::hold(&Self::hold_reason(), &from, T::EndorsementDeposit::get())?;
					EndorsementCount::<T>::put(count);
				},
			}
			Endorsements::<T>::insert(&from, edges);
			Self::deposit_event(Event::Endorsed { from, to, weight });
			Ok(())
		}

		/// Withdraw the caller's endorsement of `to` and release its deposit (the caller need
		/// not be a person any more).
		///
		/// Emits [`Event::EndorsementWithdrawn`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::withdraw_endorsement())]
		pub fn withdraw_endorsement(origin: OriginFor<T>, to: T::AccountId) -> DispatchResult {
			let from = ensure_signed(origin)?;
			let mut edges = Endorsements::<T>::get(&from);
			let pos = edges
				.binary_search_by(|edge| edge.to.cmp(&to))
				.map_err(|_| Error::<T>::NotEndorsed)?;
			edges.remove(pos);
			EndorsementCount::<T>::mutate(|n| *n = n.defensive_saturating_sub(1));
			if edges.is_empty() {
				// The endorser's last edge: release everything held for endorsements, so that
				// nothing stays held whatever the deposit was when the edges were made.
				Endorsements::<T>::remove(&from);
				Self::release_all(&from);
			} else {
				Endorsements::<T>::insert(&from, edges);
				Self::release(&from, T::EndorsementDeposit::get());
			}
			Self::deposit_event(Event::EndorsementWithdrawn { from, to });
			Ok(())
		}

		/// Remove every endorsement of `endorser`, which must no longer be a person, and release
		/// their deposits to it. Anyone may call this: it keeps the graph to persons and frees
		/// storage.
		///
		/// Charged for [`Config::MaxEndorsements`] edges, refunded to the number removed.
		/// Emits [`Event::StaleEndorsementsRemoved`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::remove_stale(T::MaxEndorsements::get()))]
		pub fn remove_stale(
			origin: OriginFor<T>,
			endorser: T::AccountId,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			ensure!(!T::Personhood::is_person(&endorser), Error::<T>::StillAPerson);
			let edges = Endorsements::<T>::take(&endorser);
			ensure!(!edges.is_empty(), Error::<T>::NotEndorsed);
			let count = u32::try_from(edges.len()).unwrap_or(u32::MAX);
			EndorsementCount::<T>::mutate(|n| *n = n.defensive_saturating_sub(count));
			Self::release_all(&endorser);
			Self::deposit_event(Event::StaleEndorsementsRemoved { endorser, count });
			Ok(Some(T::WeightInfo::remove_stale(count)).into())
		}
	}
}

impl<T: Config> Pallet<T> {
	fn hold_reason() -> T::RuntimeHoldReason {
		HoldReason::Endorsement.into()
	}

	/// Release `amount` of `who`'s endorsement deposits (at most what is held).
	fn release(who: &T::AccountId, amount: BalanceOf<T>) {
		let released =
			T::Currency::release(&Self::hold_reason(), who, amount, Precision::BestEffort);
		if let Err(error) = released {
			log::error!(target: LOG_TARGET, "failed to release a deposit of {who:?}: {error:?}");
		}
	}

	/// Release all of `who`'s endorsement deposits.
	fn release_all(who: &T::AccountId) {
		let released = T::Currency::release_all(&Self::hold_reason(), who, Precision::BestEffort);
		if let Err(error) = released {
			log::error!(target: LOG_TARGET, "failed to release the deposits of {who:?}: {error:?}");
		}
	}

	/// The weight of `from`'s endorsement of `to`, if it endorses it.
	pub fn endorsement(from: &T::AccountId, to: &T::AccountId) -> Option<u8> {
		let edges = Endorsements::<T>::get(from);
		let pos = edges.binary_search_by(|edge| edge.to.cmp(to)).ok()?;
		edges.get(pos).map(|edge| edge.weight)
	}

	/// What is held from `who` for its endorsements.
	pub fn deposit_of(who: &T::AccountId) -> BalanceOf<T> {
		<T::Currency as frame_support::traits::fungible::InspectHold<T::AccountId>>::balance_on_hold(
			&Self::hold_reason(),
			who,
		)
	}

	/// Check the pallet's invariants (iterates all of its storage: tests, the runtime's tests
	/// and try-runtime only).
	///
	/// - no endorser's list is stored empty; each is sorted by the endorsed account without
	///   duplicates, within [`Config::MaxEndorsements`], without self-endorsements, and every
	///   weight is from 1 to 100;
	/// - [`EndorsementCount`] is the sum of the lengths of the lists;
	/// - each endorser's deposit held for endorsements ([`HoldReason::Endorsement`]) is its
	///   number of endorsements times [`Config::EndorsementDeposit`].
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut total: u32 = 0;
		for (endorser, edges) in Endorsements::<T>::iter() {
			ensure!(!edges.is_empty(), "stored empty endorsement list");
			ensure!(edges.len() <= T::MaxEndorsements::get() as usize, "too many endorsements");
			let mut previous: Option<&T::AccountId> = None;
			for edge in edges.iter() {
				ensure!(edge.to != endorser, "self-endorsement");
				ensure!(
					(MIN_WEIGHT..=MAX_WEIGHT).contains(&edge.weight),
					"endorsement weight out of range"
				);
				ensure!(
					previous.is_none_or(|p| *p < edge.to),
					"endorsements not sorted or duplicated"
				);
				previous = Some(&edge.to);
			}
			let count = u32::try_from(edges.len()).unwrap_or(u32::MAX);
			total = total.checked_add(count).ok_or("endorsement count overflows")?;
			let expected = T::EndorsementDeposit::get().saturating_mul(count.into());
			ensure!(
				Self::deposit_of(&endorser) == expected,
				"held deposit differs from the endorsements' deposits"
			);
		}
		ensure!(total == EndorsementCount::<T>::get(), "endorsement count mismatch");
		Ok(())
	}
}
