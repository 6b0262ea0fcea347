//! Decision holds: the provisional cancellations of `pallet-guardians`.
//!
//! A guardian does not cancel a decision: it puts it on hold for at most the measure's duration.
//! While on hold the decision's polls keep running (their approvals are recorded by
//! [`Pallet::advance`] afterwards), but the decision cannot be closed or enacted. The
//! ratification class either confirms the cancellation ([`Pallet::cancel_held_decision`]: the
//! decision is rejected, its ongoing polls cancelled, its deposit returned) or lets the hold end
//! ([`Pallet::resume_decision`]: the decision moves on, the blocks on hold added to its age so
//! that it does not expire for having been held). Referenda cannot be re-opened once cancelled,
//! so a hold never cancels a poll: only a confirmation does.

use frame_support::pallet_prelude::*;
use sp_runtime::traits::Saturating;

use crate::*;

impl<T: Config> Pallet<T> {
	/// Whether decisions of `class` may be held: not those of the amendment class (which alone
	/// changes the guardians, and amends this rule) nor of the ratification class (which
	/// confirms and lifts the guardians' measures).
	pub fn is_holdable_class(class: ClassId) -> bool {
		Some(class) != AmendmentClass::<T>::get() && Some(class) != RatificationClass::<T>::get()
	}

	/// Whether decision `id` is on hold.
	pub fn is_on_hold(id: DecisionId) -> bool {
		OnHold::<T>::contains_key(id)
	}

	/// Put open decision `id` on hold.
	///
	/// Fails with [`Error::UnknownDecision`], [`Error::NotHoldable`] or
	/// [`Error::AlreadyOnHold`]. Emits [`Event::DecisionHeld`].
	pub fn hold_decision(id: DecisionId) -> DispatchResult {
		let decision = Decisions::<T>::get(id).ok_or(Error::<T>::UnknownDecision)?;
		ensure!(Self::is_holdable_class(decision.class), Error::<T>::NotHoldable);
		ensure!(!OnHold::<T>::contains_key(id), Error::<T>::AlreadyOnHold);
		OnHold::<T>::insert(id, Self::now());
		Self::deposit_event(Event::DecisionHeld { decision: id });
		Ok(())
	}

	/// End the hold of decision `id` (nothing if it is not on hold): the blocks it spent on
	/// hold are added to its age. Emits [`Event::DecisionResumed`].
	pub fn resume_decision(id: DecisionId) -> DispatchResult {
		let Some(since) = OnHold::<T>::take(id) else { return Ok(()) };
		let held_for = Self::now().saturating_sub(since);
		Decisions::<T>::mutate(id, |decision| {
			if let Some(decision) = decision {
				decision.created = decision.created.saturating_add(held_for);
			}
		});
		Self::deposit_event(Event::DecisionResumed { decision: id, held_for });
		Ok(())
	}

	/// Confirm the cancellation of held decision `id`: it closes as rejected (its ongoing polls
	/// cancelled, its deposits returned).
	///
	/// Fails with [`Error::NotOnHold`]. Emits [`Event::DecisionClosed`].
	pub fn cancel_held_decision(id: DecisionId) -> DispatchResult {
		ensure!(OnHold::<T>::contains_key(id), Error::<T>::NotOnHold);
		let decision = Decisions::<T>::get(id).ok_or(Error::<T>::UnknownDecision)?;
		OnHold::<T>::remove(id);
		Self::close(id, decision, Outcome::Rejected);
		Ok(())
	}
}
