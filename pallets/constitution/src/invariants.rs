//! The pallet's invariants, checked after every test and in try-runtime.

use frame_support::{pallet_prelude::*, traits::QueryPreimage};
use sp_runtime::traits::Saturating;

use crate::*;

impl<T: Config> Pallet<T> {
	/// Check that a decision's polls and appeal match its rule and state.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	fn check_decision(decision: &DecisionOf<T>) -> Result<(), &'static str> {
		let route = &decision.route;
		let (council, community) = route.rule.first_polls(route.houses);
		ensure!(
			decision.polls.council.is_some() == council,
			"council poll does not match the rule"
		);
		ensure!(
			decision.polls.community.is_some() == community,
			"community poll does not match the rule"
		);
		ensure!(
			decision.appeal.is_some() == (decision.state == DecisionState::Appealed),
			"appeal record does not match the state"
		);
		let extra = decision.polls.extra.is_some();
		let consistent = match decision.state {
			DecisionState::Voting => !extra,
			DecisionState::Mediation { .. } => !extra && route.override_rule.is_some(),
			DecisionState::Overriding => extra && route.override_rule.is_some(),
			DecisionState::VetoWindow { .. } => {
				matches!(route.rule, JointRule::CommunityWithCouncilVeto { .. })
			},
			DecisionState::AppealWindow { .. } => {
				!extra && matches!(route.rule, JointRule::CouncilWithCommunityAppeal { .. })
			},
			DecisionState::Appealed => {
				extra && matches!(route.rule, JointRule::CouncilWithCommunityAppeal { .. })
			},
			DecisionState::Approved => true,
		};
		ensure!(consistent, "decision polls do not match its state");
		Ok(())
	}

	/// Check the pallet's invariants (iterates all of its storage: tests and try-runtime only).
	///
	/// - every class is well formed, the special classes exist and keep their entrenched
	///   properties, and the counter of [`Classes`] counts them (at most [`Config::MaxClasses`]);
	/// - every open decision has the polls its rule and state need, an appeal record exactly
	///   while appealed, a class, and, if its call is bound by hash, its preimage requested;
	///   [`ClassUsage`] counts the open decisions and challenges;
	/// - every challenge is indexed; the deposits recorded equal the balances on hold;
	/// - the seats are sorted, within [`Config::MaxSeats`] and the seat rules;
	/// - every decision on hold is open, of a class that may be held, and was held no later
	///   than now.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::traits::fungible::InspectHold;

		let now = Self::now();

		// The class table.
		let mut classes: u32 = 0;
		for (class, info) in Classes::<T>::iter() {
			classes = classes.saturating_add(1);
			Self::validate_class(&info).map_err(|_| "malformed class")?;
			Self::check_roles(class, &info).map_err(|_| "special class not entrenched")?;
		}
		ensure!(classes == Classes::<T>::count(), "class count mismatch");
		ensure!(classes <= T::MaxClasses::get(), "too many classes");
		for special in [
			AmendmentClass::<T>::get(),
			UpgradeClass::<T>::get(),
			RatificationClass::<T>::get(),
			ChallengeClass::<T>::get(),
			SeatingClass::<T>::get(),
		]
		.into_iter()
		.flatten()
		{
			ensure!(Classes::<T>::contains_key(special), "special class missing");
		}

		// Decisions, challenges, class usage and deposits.
		let mut usage: BTreeMap<ClassId, u32> = BTreeMap::new();
		let mut held: BTreeMap<(T::AccountId, u8), BalanceOf<T>> = BTreeMap::new();
		let mut add_held = |who: &T::AccountId, reason: u8, amount: BalanceOf<T>| {
			let entry = held.entry((who.clone(), reason)).or_default();
			*entry = entry.saturating_add(amount);
		};
		let next_decision = NextDecisionId::<T>::get();
		for (id, decision) in Decisions::<T>::iter() {
			ensure!(id < next_decision, "decision id not yet allocated");
			ensure!(Classes::<T>::contains_key(decision.class), "decision of a missing class");
			ensure!(decision.created <= now, "decision from the future");
			Self::check_decision(&decision)?;
			ensure!(
				!decision.call.lookup_needed() || T::Preimages::is_requested(&decision.call.hash()),
				"preimage of an open decision not requested"
			);
			let n = usage.entry(decision.class).or_insert(0);
			*n = n.saturating_add(1);
			add_held(&decision.proposer, 0, decision.deposit);
			if let Some(Appeal { appellant, deposit }) = decision.appeal.as_ref() {
				add_held(appellant, 1, *deposit);
			}
		}
		let next_challenge = NextChallengeId::<T>::get();
		let mut challenges: usize = 0;
		for (id, challenge) in Challenges::<T>::iter() {
			challenges = challenges.saturating_add(1);
			ensure!(id < next_challenge, "challenge id not yet allocated");
			let class = ChallengeClass::<T>::get().ok_or("challenge without a challenge class")?;
			let n = usage.entry(class).or_insert(0);
			*n = n.saturating_add(1);
			add_held(&challenge.challenger, 2, challenge.deposit);
			ensure!(
				ChallengeIndex::<T>::get(challenge.poll, challenge.member) == Some(id),
				"challenge not indexed"
			);
		}
		ensure!(ChallengeIndex::<T>::iter().count() == challenges, "stale challenge index");
		for (class, n) in ClassUsage::<T>::iter() {
			ensure!(n > 0, "zero class usage stored");
			ensure!(usage.remove(&class) == Some(n), "class usage mismatch");
		}
		ensure!(usage.is_empty(), "class usage not counted");
		for ((who, reason), amount) in held {
			let reason = match reason {
				0 => HoldReason::Decision,
				1 => HoldReason::Appeal,
				_ => HoldReason::Challenge,
			};
			let on_hold =
				<T::Currency as InspectHold<T::AccountId>>::balance_on_hold(&reason.into(), &who);
			ensure!(on_hold == amount, "deposits differ from the balance on hold");
		}

		// Seats.
		let seats = Seats::<T>::get();
		ensure!(
			seats.windows(2).all(|pair| matches!(pair, [a, b] if a.member < b.member)),
			"seats not sorted by member"
		);
		let rules = CouncilSeatRules::<T>::get();
		ensure!(rules.max_seats <= T::MaxSeats::get(), "seat rules above MaxSeats");
		ensure!(Self::active_seat_count() <= rules.max_seats, "more seats than the rules allow");

		// Holds.
		for (id, since) in OnHold::<T>::iter() {
			let decision = Decisions::<T>::get(id).ok_or("hold of no open decision")?;
			ensure!(Self::is_holdable_class(decision.class), "hold of an unholdable class");
			ensure!(since <= now, "hold from the future");
		}
		Ok(())
	}
}
