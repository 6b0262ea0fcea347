//! The council seats: who sits, for how long, seating, unseating and purging ended terms
//! with the ballots of those who leave.

use alloc::vec::Vec;
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::*;
use ostrom_primitives::CouncilBallots;
use ostrom_primitives::ReputationProvider;
use sp_runtime::traits::Saturating;

use crate::*;

impl<T: Config> Pallet<T> {
	/// Whether `who` holds a seat whose term has not ended.
	pub fn is_seated(who: &T::AccountId) -> bool {
		let now = Self::now();
		let seats = Seats::<T>::get();
		seats
			.binary_search_by(|seat| seat.member.cmp(who))
			.ok()
			.and_then(|i| seats.get(i))
			.is_some_and(|seat| seat.term_end > now)
	}

	/// Number of seats whose term has not ended.
	pub fn active_seat_count() -> u32 {
		let now = Self::now();
		let active = Seats::<T>::get().iter().filter(|seat| seat.term_end > now).count();
		u32::try_from(active).unwrap_or(u32::MAX)
	}

	/// The weight of removing the ballots of members leaving the council: at most
	/// `CouncilBallots::max_ballots` per call.
	pub(crate) fn ballot_removal_weight() -> Weight {
		T::WeightInfo::remove_council_ballots(T::Recusal::max_ballots())
	}

	/// Remove at most `max` ballots of `who`, who left the council, from ongoing council polls;
	/// returns how many were removed.
	fn remove_ballots(who: &T::AccountId, max: u32) -> u32 {
		let count = T::Recusal::remove_council_ballots(who, max);
		if count > 0 {
			Self::deposit_event(Event::CouncilBallotsRemoved { who: who.clone(), count });
		}
		count
	}

	/// Remove the seats whose term has ended from `seats`, with their members' ballots on
	/// ongoing council polls: at most `CouncilBallots::max_ballots` ballots in all. Once they
	/// are used up, the remaining ended seats (and the one whose ballots may not all be
	/// removed yet) stay, counting for nothing, until the next purge; the first ended seat is
	/// always removed. Returns how many seats were removed.
	fn purge_seats(seats: &mut SeatsOf<T>, now: BlockNumberFor<T>) -> u32 {
		let mut budget = T::Recusal::max_ballots();
		let mut lapsed = Vec::new();
		seats.retain(|Seat { member, term_end }| {
			if *term_end > now || (budget == 0 && !lapsed.is_empty()) {
				return true;
			}
			let removed = Self::remove_ballots(member, budget);
			budget = budget.saturating_sub(removed);
			if budget == 0 && !lapsed.is_empty() {
				// It may have ballots left: the next purge removes them, then the seat.
				return true;
			}
			lapsed.push(member.clone());
			false
		});
		let count = u32::try_from(lapsed.len()).unwrap_or(u32::MAX);
		for who in lapsed {
			Self::deposit_event(Event::SeatLapsed { who });
		}
		count
	}

	pub(crate) fn do_seat(who: T::AccountId) -> DispatchResult {
		let rules = CouncilSeatRules::<T>::get();
		for (domain, threshold) in rules.thresholds.iter() {
			ensure!(T::Reputation::score(&who, *domain) >= *threshold, Error::<T>::NotEligible);
		}
		let now = Self::now();
		let mut seats = Seats::<T>::get();
		let position = seats.binary_search_by(|seat| seat.member.cmp(&who));
		if let Ok(i) = position {
			ensure!(
				seats.get(i).is_none_or(|seat| seat.term_end <= now),
				Error::<T>::AlreadySeated
			);
		}
		ensure!(Self::active_seat_count() < rules.max_seats, Error::<T>::SeatsFull);
		let term_end = now.saturating_add(rules.term);
		match position {
			Ok(i) => {
				if let Some(seat) = seats.get_mut(i) {
					seat.term_end = term_end;
				}
			},
			Err(_) => {
				if seats.is_full() {
					Self::purge_seats(&mut seats, now);
				}
				let i = seats.binary_search_by(|seat| seat.member.cmp(&who)).unwrap_or_else(|i| i);
				seats
					.try_insert(i, Seat { member: who.clone(), term_end })
					.map_err(|_| Error::<T>::SeatsFull)?;
			},
		}
		Seats::<T>::put(seats);
		Self::deposit_event(Event::Seated { who, term_end });
		Ok(())
	}

	pub(crate) fn do_unseat(who: T::AccountId) -> DispatchResult {
		let mut seats = Seats::<T>::get();
		let i = seats
			.binary_search_by(|seat| seat.member.cmp(&who))
			.map_err(|_| Error::<T>::NotSeated)?;
		seats.remove(i);
		Seats::<T>::put(seats);
		Self::remove_ballots(&who, T::Recusal::max_ballots());
		Self::deposit_event(Event::Unseated { who });
		Ok(())
	}

	/// Purge the seats whose term has ended; returns how many were purged and examined.
	pub(crate) fn do_purge_expired_seats() -> (u32, u32) {
		let mut seats = Seats::<T>::get();
		let examined = u32::try_from(seats.len()).unwrap_or(u32::MAX);
		let purged = Self::purge_seats(&mut seats, Self::now());
		if purged > 0 {
			Seats::<T>::put(seats);
		}
		(purged, examined)
	}
}
