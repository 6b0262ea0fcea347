//! The pallet's invariants, checked after every test and in try-runtime.

#[cfg(any(feature = "try-runtime", feature = "std"))]
use alloc::collections::btree_map::BTreeMap;
#[cfg(any(feature = "try-runtime", feature = "std"))]
use frame_support::{pallet_prelude::*, traits::QueryPreimage};
#[cfg(any(feature = "try-runtime", feature = "std"))]
use sp_runtime::traits::Saturating;

use crate::*;

/// The deposits recorded per account and hold reason ([`HELD_DECISION`], [`HELD_APPEAL`] or
/// [`HELD_CHALLENGE`]).
#[cfg(any(feature = "try-runtime", feature = "std"))]
type HeldDeposits<T> = BTreeMap<(<T as frame_system::Config>::AccountId, u8), BalanceOf<T>>;

/// A proposer's decision deposit, in [`HeldDeposits`].
#[cfg(any(feature = "try-runtime", feature = "std"))]
const HELD_DECISION: u8 = 0;
/// An appellant's deposit, in [`HeldDeposits`].
#[cfg(any(feature = "try-runtime", feature = "std"))]
const HELD_APPEAL: u8 = 1;
/// A challenger's deposit, in [`HeldDeposits`].
#[cfg(any(feature = "try-runtime", feature = "std"))]
const HELD_CHALLENGE: u8 = 2;

/// What [`Pallet::do_try_state`]'s walks over [`Decisions`] and [`Challenges`] collect for the
/// later checks.
#[cfg(any(feature = "try-runtime", feature = "std"))]
#[derive(frame_support::DefaultNoBound)]
struct Seen<T: Config> {
	/// The open decisions and challenges per class.
	usage: BTreeMap<ClassId, u32>,
	/// The deposits the decisions, appeals and challenges record.
	held: HeldDeposits<T>,
}

#[cfg(any(feature = "try-runtime", feature = "std"))]
impl<T: Config> Seen<T> {
	/// Count one open decision or challenge of `class`.
	fn use_class(&mut self, class: ClassId) {
		let n = self.usage.entry(class).or_insert(0);
		*n = n.saturating_add(1);
	}

	/// Record `amount` deposited by `who` under `reason`.
	fn add_held(&mut self, who: &T::AccountId, reason: u8, amount: BalanceOf<T>) {
		let entry = self.held.entry((who.clone(), reason)).or_default();
		*entry = entry.saturating_add(amount);
	}
}

impl<T: Config> Pallet<T> {
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
		Self::check_classes()?;
		let mut seen = Self::check_decisions()?;
		Self::check_challenges(&mut seen)?;
		Self::check_class_usage(seen.usage)?;
		Self::check_deposits(seen.held)?;
		Self::check_seats()?;
		Self::check_holds()
	}

	/// Every class is well formed and, if special, keeps its entrenched properties; the counter
	/// of [`Classes`] counts them, at most [`Config::MaxClasses`]; every special class exists.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	fn check_classes() -> Result<(), sp_runtime::TryRuntimeError> {
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
		Ok(())
	}

	/// Walk [`Decisions`] once: every open decision has an allocated id, an existing class, a
	/// creation no later than now, the polls and appeal record its rule and state need (see
	/// [`Self::check_decision`]) and, if its call is bound by hash, its preimage requested.
	/// Collects each decision's class and the proposer's and appellant's deposits.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	fn check_decisions() -> Result<Seen<T>, sp_runtime::TryRuntimeError> {
		let now = Self::now();
		let mut seen = Seen::<T>::default();
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
			seen.use_class(decision.class);
			seen.add_held(&decision.proposer, HELD_DECISION, decision.deposit);
			if let Some(Appeal { appellant, deposit }) = decision.appeal.as_ref() {
				seen.add_held(appellant, HELD_APPEAL, *deposit);
			}
		}
		Ok(seen)
	}

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

	/// Every challenge has an allocated id, the challenge class exists while challenges are
	/// open, and [`ChallengeIndex`] indexes exactly the challenges. Adds each challenge's class
	/// use and the challenger's deposit to `seen`.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	fn check_challenges(seen: &mut Seen<T>) -> Result<(), sp_runtime::TryRuntimeError> {
		let next_challenge = NextChallengeId::<T>::get();
		let mut challenges: usize = 0;
		for (id, challenge) in Challenges::<T>::iter() {
			challenges = challenges.saturating_add(1);
			ensure!(id < next_challenge, "challenge id not yet allocated");
			let class = ChallengeClass::<T>::get().ok_or("challenge without a challenge class")?;
			seen.use_class(class);
			seen.add_held(&challenge.challenger, HELD_CHALLENGE, challenge.deposit);
			ensure!(
				ChallengeIndex::<T>::get(challenge.poll, challenge.member) == Some(id),
				"challenge not indexed"
			);
		}
		ensure!(ChallengeIndex::<T>::iter().count() == challenges, "stale challenge index");
		Ok(())
	}

	/// [`ClassUsage`] counts, per class, the open decisions and challenges in `usage` (never
	/// stored as zero).
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	fn check_class_usage(
		mut usage: BTreeMap<ClassId, u32>,
	) -> Result<(), sp_runtime::TryRuntimeError> {
		for (class, n) in ClassUsage::<T>::iter() {
			ensure!(n > 0, "zero class usage stored");
			ensure!(usage.remove(&class) == Some(n), "class usage mismatch");
		}
		ensure!(usage.is_empty(), "class usage not counted");
		Ok(())
	}

	/// The deposits recorded in decisions, appeals and challenges (`held`) equal each account's
	/// balance on hold for the matching reason.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	fn check_deposits(held: HeldDeposits<T>) -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::traits::fungible::InspectHold;

		for ((who, reason), amount) in held {
			let reason = match reason {
				HELD_DECISION => HoldReason::Decision,
				HELD_APPEAL => HoldReason::Appeal,
				_ => HoldReason::Challenge,
			};
			let on_hold =
				<T::Currency as InspectHold<T::AccountId>>::balance_on_hold(&reason.into(), &who);
			ensure!(on_hold == amount, "deposits differ from the balance on hold");
		}
		Ok(())
	}

	/// The seats are sorted by member; the seat rules allow at most [`Config::MaxSeats`] seats
	/// and no more seats are active than they allow.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	fn check_seats() -> Result<(), sp_runtime::TryRuntimeError> {
		let seats = Seats::<T>::get();
		ensure!(
			seats.windows(2).all(|pair| matches!(pair, [a, b] if a.member < b.member)),
			"seats not sorted by member"
		);
		let rules = CouncilSeatRules::<T>::get();
		ensure!(rules.max_seats <= T::MaxSeats::get(), "seat rules above MaxSeats");
		ensure!(Self::active_seat_count() <= rules.max_seats, "more seats than the rules allow");
		Ok(())
	}

	/// Every decision on hold ([`OnHold`]) is open, of a class that may be held, and was held
	/// no later than now.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	fn check_holds() -> Result<(), sp_runtime::TryRuntimeError> {
		let now = Self::now();
		for (id, since) in OnHold::<T>::iter() {
			let decision = Decisions::<T>::get(id).ok_or("hold of no open decision")?;
			ensure!(Self::is_holdable_class(decision.class), "hold of an unholdable class");
			ensure!(since <= now, "hold from the future");
		}
		Ok(())
	}
}
