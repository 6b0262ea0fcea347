//! The class table and its amendments: validating a class, the roles classes play, the
//! delegations a change of scheme would strand, and the genesis build.

use alloc::vec::Vec;
use frame_support::pallet_prelude::*;
use ostrom_primitives::DelegationCount;
use sp_runtime::Perbill;

use crate::*;

impl<T: Config> Pallet<T> {
	/// Check that a class is well formed.
	pub fn validate_class(info: &ClassInfoOf<T>) -> Result<(), Error<T>> {
		ensure!(!info.name.is_empty(), Error::<T>::EmptyClassName);
		ensure!(
			info.houses.has_council() == info.council.is_some()
				&& info.houses.has_community() == info.community.is_some(),
			Error::<T>::HousesMismatch
		);
		if !matches!(info.rule, JointRule::Concurrence) {
			ensure!(info.houses == Houses::Both, Error::<T>::RuleNeedsBothHouses);
		}
		if let Some(rule) = info.override_rule.as_ref() {
			ensure!(
				info.houses == Houses::Both && matches!(info.rule, JointRule::Concurrence),
				Error::<T>::OverrideNeedsConcurrence
			);
			ensure!(
				rule.min_approval >= Perbill::from_percent(50),
				Error::<T>::ApprovalBelowMajority
			);
		}
		let community_track = info.community.as_ref().map(|community| &community.track);
		for track in info.council.iter().chain(community_track) {
			ensure!(
				track.max_deciding > 0 && !track.decision_period.is_zero(),
				Error::<T>::InvalidTrack
			);
			ensure!(
				track.min_approval.is_valid() && track.min_support.is_valid(),
				Error::<T>::InvalidCurve
			);
			ensure!(
				track.min_approval.minimum() >= Perbill::from_percent(50),
				Error::<T>::ApprovalBelowMajority
			);
		}
		if let Some(community) = info.community.as_ref() {
			ensure!(
				(community.scheme == CommunityScheme::Reputation)
					!= community.reputation_weights.is_empty(),
				Error::<T>::ReputationWeightsMismatch
			);
		}
		Ok(())
	}

	/// Check the entrenched properties of the special classes: the amendment class is a
	/// two-house concurrence class without override dispatching as its class, whose
	/// approvals never go below [`Config::AmendmentApprovalFloor`]; the runtime-upgrade class
	/// is a two-house concurrence class and the only class that may dispatch as Root; the
	/// ratification and seating classes dispatch as their class; the challenge class has
	/// council polls (kind 0) whose support floor is above half of the council.
	pub fn check_roles(class: ClassId, info: &ClassInfoOf<T>) -> Result<(), Error<T>> {
		if AmendmentClass::<T>::get() == Some(class) {
			ensure!(
				info.houses == Houses::Both
					&& matches!(info.rule, JointRule::Concurrence)
					&& info.override_rule.is_none()
					&& info.dispatch == DispatchAs::Class,
				Error::<T>::EntrenchedClass
			);
			let floor = T::AmendmentApprovalFloor::get();
			let community = info.community.as_ref().map(|community| &community.track);
			ensure!(
				info.council.iter().chain(community).all(|t| t.min_approval.minimum() >= floor),
				Error::<T>::AmendmentBelowFloor
			);
		}
		if UpgradeClass::<T>::get() == Some(class) {
			ensure!(
				info.houses == Houses::Both && matches!(info.rule, JointRule::Concurrence),
				Error::<T>::EntrenchedClass
			);
		}
		if RatificationClass::<T>::get() == Some(class) || SeatingClass::<T>::get() == Some(class) {
			ensure!(info.dispatch == DispatchAs::Class, Error::<T>::EntrenchedClass);
		}
		if ChallengeClass::<T>::get() == Some(class) {
			ensure!(
				info.house_track(kinds::COUNCIL)
					.is_some_and(
						|(track, _)| track.min_support.minimum() > Perbill::from_percent(50)
					),
				Error::<T>::EntrenchedClass
			);
		}
		if UpgradeClass::<T>::get() != Some(class) {
			ensure!(info.dispatch != DispatchAs::Root, Error::<T>::RootReserved);
		}
		Ok(())
	}

	pub(crate) fn do_amend_class(class: ClassId, info: ClassInfoOf<T>) -> DispatchResult {
		Self::validate_class(&info)?;
		Self::check_roles(class, &info)?;
		match Classes::<T>::get(class) {
			Some(old) => {
				ensure!(
					ClassUsage::<T>::get(class) == 0 || old.shape() == info.shape(),
					Error::<T>::ClassInUse
				);
				Self::ensure_delegations_unaffected(class, &old, &info)?;
			},
			None => {
				ensure!(Classes::<T>::count() < T::MaxClasses::get(), Error::<T>::TooManyClasses);
			},
		}
		Classes::<T>::insert(class, info.clone());
		Self::deposit_event(Event::ClassAmended { class, info });
		Ok(())
	}

	/// Refuse ([`Error::ClassHasDelegations`]) to amend `class` from `old` to `new` if that
	/// changes the community scheme or reputation weights while accounts delegate on any track
	/// of the class, or the scheme of a track on which accounts delegate: their delegations
	/// carry weight taken under the current rules. At most [`kinds::COUNT`] reads, none if
	/// neither changes.
	fn ensure_delegations_unaffected(
		class: ClassId,
		old: &ClassInfoOf<T>,
		new: &ClassInfoOf<T>,
	) -> DispatchResult {
		let community = |info: &ClassInfoOf<T>| {
			info.community.as_ref().map(|c| (c.scheme, c.reputation_weights.clone()))
		};
		let community_changed = community(old) != community(new);
		for kind in PollKind::ALL {
			let changed = community_changed || old.scheme_of(kind) != new.scheme_of(kind);
			ensure!(
				!changed || T::Delegations::delegations(&track_id(class, kind)) == 0,
				Error::<T>::ClassHasDelegations
			);
		}
		Ok(())
	}

	pub(crate) fn do_set_seat_rules(rules: SeatRulesOf<T>) -> DispatchResult {
		ensure!(
			rules.max_seats <= T::MaxSeats::get() && !rules.term.is_zero(),
			Error::<T>::InvalidSeatRules
		);
		ensure!(Self::active_seat_count() <= rules.max_seats, Error::<T>::SeatsAboveLimit);
		CouncilSeatRules::<T>::put(rules.clone());
		Self::deposit_event(Event::SeatRulesSet { rules });
		Ok(())
	}

	/// Build the genesis state (shared checks with the calls; errors abort the genesis).
	pub(crate) fn build_genesis(config: &GenesisConfig<T>) -> DispatchResult {
		if !config.classes.is_empty() {
			AmendmentClass::<T>::put(config.amendment_class);
			UpgradeClass::<T>::put(config.upgrade_class);
			RatificationClass::<T>::put(config.ratification_class);
			ChallengeClass::<T>::put(config.challenge_class);
			SeatingClass::<T>::put(config.seating_class);
			for (class, info) in config.classes.iter() {
				Self::do_amend_class(*class, info.clone())?;
			}
			for class in [
				config.amendment_class,
				config.upgrade_class,
				config.ratification_class,
				config.challenge_class,
				config.seating_class,
			] {
				ensure!(Classes::<T>::contains_key(class), Error::<T>::UnknownClass);
			}
		}
		if config.seat_rules != SeatRulesOf::<T>::default() {
			Self::do_set_seat_rules(config.seat_rules.clone())?;
		}
		if !config.seats.is_empty() {
			let mut seats = config.seats.clone();
			seats.sort_by(|a, b| a.0.cmp(&b.0));
			seats.dedup_by(|a, b| a.0 == b.0);
			ensure!(seats.len() == config.seats.len(), Error::<T>::AlreadySeated);
			let max = usize::try_from(CouncilSeatRules::<T>::get().max_seats).unwrap_or(0);
			ensure!(seats.len() <= max, Error::<T>::SeatsFull);
			let seats: Vec<_> =
				seats.into_iter().map(|(member, term_end)| Seat { member, term_end }).collect();
			let seats = BoundedVec::try_from(seats).map_err(|_| Error::<T>::SeatsFull)?;
			Seats::<T>::put(seats);
		}
		if let Some(hash) = config.constitution_text {
			ConstitutionText::<T>::put(hash);
		}
		Ok(())
	}
}
