//! Reads for the runtime API: the class table, the council, decisions as viewed by clients.

use alloc::vec::Vec;
use frame_system::pallet_prelude::*;

use crate::*;

impl<T: Config> Pallet<T> {
	/// The class table, sorted by class id.
	pub fn class_list() -> Vec<(ClassId, ClassInfoOf<T>)> {
		let mut classes: Vec<(ClassId, ClassInfoOf<T>)> = Classes::<T>::iter().collect();
		classes.sort_by_key(|(class, _)| *class);
		classes
	}

	/// The seated council: each seat whose term has not ended, sorted by member.
	pub fn council() -> Vec<Seat<T::AccountId, BlockNumberFor<T>>> {
		let now = Self::now();
		Seats::<T>::get().into_iter().filter(|seat| seat.term_end > now).collect()
	}

	/// An open decision, its call by hash.
	pub fn decision_view(id: DecisionId) -> Option<DecisionViewOf<T>> {
		Decisions::<T>::get(id).map(|decision| DecisionView {
			class: decision.class,
			proposer: decision.proposer,
			call_hash: decision.call.hash(),
			deposit: decision.deposit,
			state: decision.state,
			polls: decision.polls,
			appellant: decision.appeal.map(|appeal| appeal.appellant),
			created: decision.created,
		})
	}
}
