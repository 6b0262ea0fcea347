//! The logic behind the calls: the decision state machine, amendments, seats, challenges,
//! the genesis build, reads for the runtime API, and the invariants.

use alloc::vec::Vec;
use frame_support::{
	pallet_prelude::*,
	storage::with_storage_layer,
	traits::{
		fungible::{BalancedHold, MutateHold},
		tokens::Precision,
		Bounded, Contains, OnUnbalanced, QueryPreimage,
	},
};
use frame_system::pallet_prelude::*;
use ostrom_primitives::{CouncilBallots, DelegationCount, Recusal};
use ostrom_primitives::{ReputationProvider, ReputationSlasher};
use sp_runtime::{traits::Saturating, Perbill};

use crate::*;

/// Longest call (in bytes) read to check it against [`Config::OverrideCalls`]: an upgrade
/// authorization is a few dozen bytes; longer calls approved through the override alone are
/// refused without reading their preimage.
pub const MAX_OVERRIDE_CALL_LEN: u32 = 128;

/// Who pays the deposits of a poll a transition opens.
enum Payer<AccountId> {
	/// The caller of [`Pallet::advance`]: if the poll cannot be opened, the call fails.
	Caller(AccountId),
	/// The decision's proposer (when a house's approval is recorded): if the poll cannot be
	/// opened, [`Event::PollOpenFailed`] is emitted and anyone may open it later.
	Proposer,
}

/// What a decision did when moved on.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Step<BlockNumber> {
	/// Nothing changed: its polls or timelocks are running.
	Waiting,
	/// It changed state (or tried to enact again) and stays open.
	Moved,
	/// It ended.
	Close(Outcome<BlockNumber>),
}

impl<T: Config> Pallet<T> {
	pub(crate) fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	// ---------------------------------------------------------------------------------------
	// Origins.
	// ---------------------------------------------------------------------------------------

	/// This pallet's origin in `origin`, or `origin` back if it is another origin.
	pub(crate) fn pallet_origin(origin: OriginFor<T>) -> Result<Origin<T>, OriginFor<T>> {
		let origin = <<T as Config>::RuntimeOrigin as From<OriginFor<T>>>::from(origin);
		<<T as Config>::RuntimeOrigin as Into<Result<Origin<T>, <T as Config>::RuntimeOrigin>>>::into(
			origin,
		)
		.map_err(<<T as Config>::RuntimeOrigin as Into<OriginFor<T>>>::into)
	}

	/// The class and poll kind of an [`RawOrigin::House`] origin.
	pub(crate) fn ensure_house(origin: OriginFor<T>) -> Result<(ClassId, PollKind), DispatchError> {
		match Self::pallet_origin(origin) {
			Ok(RawOrigin::House { class, kind }) => Ok((class, kind)),
			_ => Err(DispatchError::BadOrigin),
		}
	}

	/// Succeeds for [`RawOrigin::Class`] of `class` (never if `class` is `None`).
	pub(crate) fn ensure_class_origin(
		origin: OriginFor<T>,
		class: Option<ClassId>,
	) -> DispatchResult {
		match (Self::pallet_origin(origin), class) {
			(Ok(RawOrigin::Class(actual)), Some(expected)) if actual == expected => Ok(()),
			_ => Err(DispatchError::BadOrigin),
		}
	}

	// ---------------------------------------------------------------------------------------
	// Deposits.
	// ---------------------------------------------------------------------------------------

	fn hold(reason: HoldReason, who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		<T::Currency as MutateHold<T::AccountId>>::hold(&reason.into(), who, amount)
	}

	fn release(reason: HoldReason, who: &T::AccountId, amount: BalanceOf<T>) {
		let released = <T::Currency as MutateHold<T::AccountId>>::release(
			&reason.into(),
			who,
			amount,
			Precision::BestEffort,
		);
		if let Err(error) = released {
			log::error!(target: LOG_TARGET, "failed to release a deposit of {who:?}: {error:?}");
		}
	}

	/// Slash `amount` held for `reason` from `who` to [`Config::Slash`]; returns what was
	/// slashed.
	fn slash_held(reason: HoldReason, who: &T::AccountId, amount: BalanceOf<T>) -> BalanceOf<T> {
		let (credit, missing) =
			<T::Currency as BalancedHold<T::AccountId>>::slash(&reason.into(), who, amount);
		T::Slash::on_unbalanced(credit);
		amount.saturating_sub(missing)
	}

	fn increment_usage(class: ClassId) {
		ClassUsage::<T>::mutate(class, |n| *n = n.saturating_add(1));
	}

	fn decrement_usage(class: ClassId) {
		let n = ClassUsage::<T>::get(class).saturating_sub(1);
		if n == 0 {
			ClassUsage::<T>::remove(class);
		} else {
			ClassUsage::<T>::insert(class, n);
		}
	}

	// ---------------------------------------------------------------------------------------
	// Joint decisions.
	// ---------------------------------------------------------------------------------------

	/// Open a poll of kind `kind` of class `class` on decision `decision`, paid by `payer`.
	fn open_poll(
		payer: &T::AccountId,
		class: ClassId,
		kind: PollKind,
		decision: DecisionId,
	) -> Result<T::PollIndex, DispatchError> {
		let call: <T as Config>::RuntimeCall = Call::<T>::record_outcome { decision }.into();
		T::Polls::open(payer, RawOrigin::House { class, kind }, call)
	}

	/// The state of `poll`; a missing poll reads as rejected.
	fn outcome_of(poll: Option<T::PollIndex>) -> PollOutcome {
		poll.and_then(T::Polls::outcome).unwrap_or(PollOutcome::Rejected)
	}

	/// The poll of kind `kind` whose approval the decision waits for, if any.
	fn awaited_poll(decision: &DecisionOf<T>, kind: PollKind) -> Option<T::PollIndex> {
		match (decision.state, kind) {
			(DecisionState::Voting, kinds::COUNCIL) => decision.polls.council,
			(DecisionState::Voting, kinds::COMMUNITY) => decision.polls.community,
			(DecisionState::Overriding, kinds::OVERRIDE) => decision.polls.extra,
			(DecisionState::VetoWindow { .. } | DecisionState::Appealed, kinds::REVIEW) => {
				decision.polls.extra
			},
			_ => None,
		}
	}

	pub(crate) fn do_propose(
		who: T::AccountId,
		class: ClassId,
		call: BoundedCallOf<T>,
	) -> DispatchResult {
		let info = Classes::<T>::get(class).ok_or(Error::<T>::UnknownClass)?;
		ensure!(!matches!(call, Bounded::Legacy { .. }), Error::<T>::LegacyCall);
		let id = NextDecisionId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let deposit = T::DecisionDeposit::get();
		Self::hold(HoldReason::Decision, &who, deposit)?;
		let route = info.route();
		let (council, community) = route.rule.first_polls(route.houses);
		let mut polls = DecisionPolls { council: None, community: None, extra: None };
		if council {
			polls.council = Some(Self::open_poll(&who, class, kinds::COUNCIL, id)?);
		}
		if community {
			polls.community = Some(Self::open_poll(&who, class, kinds::COMMUNITY, id)?);
		}
		let call_hash = call.hash();
		// Pin the preimage of a call bound by hash until the decision closes.
		T::Preimages::hold(&call);
		Decisions::<T>::insert(
			id,
			Decision {
				class,
				proposer: who.clone(),
				call,
				deposit,
				route,
				state: DecisionState::Voting,
				polls,
				appeal: None,
				recorded: RecordedKinds::default(),
				created: Self::now(),
			},
		);
		NextDecisionId::<T>::put(next);
		Self::increment_usage(class);
		Self::deposit_event(Event::Proposed {
			decision: id,
			class,
			proposer: who,
			call_hash,
			polls,
		});
		Ok(())
	}

	pub(crate) fn do_record_outcome(
		class: ClassId,
		kind: PollKind,
		id: DecisionId,
	) -> DispatchResult {
		let mut decision = Decisions::<T>::get(id).ok_or(Error::<T>::UnknownDecision)?;
		ensure!(decision.class == class, DispatchError::BadOrigin);
		let poll = Self::awaited_poll(&decision, kind).ok_or(Error::<T>::UnexpectedOutcome)?;
		ensure!(!decision.recorded.contains(&kind), Error::<T>::AlreadyRecorded);
		ensure!(
			T::Polls::outcome(poll) == Some(PollOutcome::Approved),
			Error::<T>::PollNotApproved
		);
		// At most one approval per kind is recorded, so there is room for it.
		decision.recorded.try_push(kind).map_err(|_| Error::<T>::AlreadyRecorded)?;
		Self::deposit_event(Event::OutcomeRecorded { decision: id, kind, poll });
		let step = Self::progress(id, &mut decision, &Payer::Proposer)?;
		Self::finish(id, decision, step);
		Ok(())
	}

	pub(crate) fn do_advance(who: T::AccountId, id: DecisionId) -> DispatchResult {
		let mut decision = Decisions::<T>::get(id).ok_or(Error::<T>::UnknownDecision)?;
		let mut step = Self::progress(id, &mut decision, &Payer::Caller(who))?;
		let deadline = decision.created.saturating_add(T::MaxDecisionAge::get());
		if step == Step::Waiting
			&& decision.state != DecisionState::Approved
			&& Self::now() >= deadline
		{
			step = Step::Close(Outcome::Expired);
		}
		ensure!(step != Step::Waiting, Error::<T>::NotReady);
		Self::finish(id, decision, step);
		Ok(())
	}

	pub(crate) fn do_appeal(who: T::AccountId, id: DecisionId) -> DispatchResult {
		let mut decision = Decisions::<T>::get(id).ok_or(Error::<T>::UnknownDecision)?;
		let DecisionState::AppealWindow { until } = decision.state else {
			return Err(Error::<T>::NotInAppealWindow.into());
		};
		ensure!(Self::now() < until, Error::<T>::NotInAppealWindow);
		let deposit = T::AppealDeposit::get();
		Self::hold(HoldReason::Appeal, &who, deposit)?;
		let poll = Self::open_poll(&who, decision.class, kinds::REVIEW, id)?;
		decision.polls.extra = Some(poll);
		decision.appeal = Some(Appeal { appellant: who.clone(), deposit });
		decision.state = DecisionState::Appealed;
		Decisions::<T>::insert(id, decision);
		Self::deposit_event(Event::Appealed { decision: id, appellant: who, poll });
		Ok(())
	}

	/// Store the decision, or close it.
	fn finish(id: DecisionId, decision: DecisionOf<T>, step: Step<BlockNumberFor<T>>) {
		match step {
			Step::Close(outcome) => Self::close(id, decision, outcome),
			Step::Waiting | Step::Moved => Decisions::<T>::insert(id, decision),
		}
	}

	/// Move the decision on as far as its polls and timelocks allow.
	fn progress(
		id: DecisionId,
		decision: &mut DecisionOf<T>,
		payer: &Payer<T::AccountId>,
	) -> Result<Step<BlockNumberFor<T>>, DispatchError> {
		let now = Self::now();
		let step = match decision.state {
			DecisionState::Voting => Self::progress_voting(id, decision, payer, now)?,
			DecisionState::Mediation { until } => {
				if now < until {
					Step::Waiting
				} else {
					match Self::open_extra(id, decision, kinds::OVERRIDE, payer)? {
						Some(poll) => {
							decision.polls.extra = Some(poll);
							decision.state = DecisionState::Overriding;
							Self::deposit_event(Event::OverridePollOpened { decision: id, poll });
							Step::Moved
						},
						None => Step::Waiting,
					}
				}
			},
			DecisionState::Overriding => match Self::outcome_of(decision.polls.extra) {
				PollOutcome::Approved => {
					Self::deposit_event(Event::Overridden { decision: id });
					if Self::override_may_enact(decision) {
						Self::approve(id, decision)
					} else {
						Step::Close(Outcome::Refused)
					}
				},
				PollOutcome::Rejected => Step::Close(Outcome::Rejected),
				PollOutcome::Ongoing => Step::Waiting,
			},
			DecisionState::VetoWindow { until } => match decision.polls.extra {
				None => match Self::open_extra(id, decision, kinds::REVIEW, payer)? {
					Some(poll) => {
						decision.polls.extra = Some(poll);
						Self::deposit_event(Event::VetoPollOpened { decision: id, poll, until });
						Step::Moved
					},
					None => Step::Waiting,
				},
				Some(poll) => match Self::outcome_of(Some(poll)) {
					PollOutcome::Approved => Step::Close(Outcome::Vetoed),
					PollOutcome::Rejected if now >= until => Self::approve(id, decision),
					PollOutcome::Rejected | PollOutcome::Ongoing => Step::Waiting,
				},
			},
			DecisionState::AppealWindow { until } => {
				if now >= until {
					Self::approve(id, decision)
				} else {
					Step::Waiting
				}
			},
			DecisionState::Appealed => match Self::outcome_of(decision.polls.extra) {
				PollOutcome::Approved => {
					if let Some(Appeal { appellant, .. }) = decision.appeal.as_ref() {
						Self::deposit_event(Event::AppealUpheld {
							decision: id,
							appellant: appellant.clone(),
						});
					}
					Step::Close(Outcome::Voided)
				},
				PollOutcome::Rejected => {
					if let Some(Appeal { appellant, deposit }) = decision.appeal.take() {
						let slashed = Self::slash_held(HoldReason::Appeal, &appellant, deposit);
						Self::deposit_event(Event::AppealRejected {
							decision: id,
							appellant,
							slashed,
						});
					}
					Self::approve(id, decision)
				},
				PollOutcome::Ongoing => Step::Waiting,
			},
			DecisionState::Approved => Self::approve(id, decision),
		};
		Ok(step)
	}

	/// [`Self::progress`] for a decision whose first polls are open.
	fn progress_voting(
		id: DecisionId,
		decision: &mut DecisionOf<T>,
		payer: &Payer<T::AccountId>,
		now: BlockNumberFor<T>,
	) -> Result<Step<BlockNumberFor<T>>, DispatchError> {
		let council = decision.polls.council.map(|poll| Self::outcome_of(Some(poll)));
		let community = decision.polls.community.map(|poll| Self::outcome_of(Some(poll)));
		let step = match decision.route.rule {
			JointRule::Concurrence => {
				let outcomes = [council, community];
				let voted = || outcomes.iter().flatten();
				if voted().next().is_some() && voted().all(|o| *o == PollOutcome::Approved) {
					return Ok(Self::approve(id, decision));
				}
				if !voted().any(|o| *o == PollOutcome::Rejected) {
					return Ok(Step::Waiting);
				}
				// A house rejected: the override house may still carry it after mediation.
				if let Some(rule) = decision.route.override_rule {
					let (own, other) = match rule.house {
						House::Council => (council, community),
						House::Community => (community, council),
					};
					match (own, other) {
						(Some(PollOutcome::Approved), Some(PollOutcome::Rejected)) => {
							let until = now.saturating_add(rule.mediation);
							decision.state = DecisionState::Mediation { until };
							Self::deposit_event(Event::MediationStarted { decision: id, until });
							return Ok(Step::Moved);
						},
						(Some(PollOutcome::Ongoing), Some(PollOutcome::Rejected)) => {
							return Ok(Step::Waiting);
						},
						_ => {},
					}
				}
				Step::Close(Outcome::Rejected)
			},
			JointRule::CommunityWithCouncilVeto { window } => match community {
				Some(PollOutcome::Approved) => {
					let until = now.saturating_add(window);
					decision.state = DecisionState::VetoWindow { until };
					if let Some(poll) = Self::open_extra(id, decision, kinds::REVIEW, payer)? {
						decision.polls.extra = Some(poll);
						Self::deposit_event(Event::VetoPollOpened { decision: id, poll, until });
					}
					Step::Moved
				},
				Some(PollOutcome::Ongoing) => Step::Waiting,
				Some(PollOutcome::Rejected) | None => Step::Close(Outcome::Rejected),
			},
			JointRule::CouncilWithCommunityAppeal { window } => match council {
				Some(PollOutcome::Approved) => {
					let until = now.saturating_add(window);
					decision.state = DecisionState::AppealWindow { until };
					Self::deposit_event(Event::AppealWindowOpened { decision: id, until });
					Step::Moved
				},
				Some(PollOutcome::Ongoing) => Step::Waiting,
				Some(PollOutcome::Rejected) | None => Step::Close(Outcome::Rejected),
			},
		};
		Ok(step)
	}

	/// Open the override or review poll of a decision, paid by `payer`.
	fn open_extra(
		id: DecisionId,
		decision: &DecisionOf<T>,
		kind: PollKind,
		payer: &Payer<T::AccountId>,
	) -> Result<Option<T::PollIndex>, DispatchError> {
		match payer {
			Payer::Caller(who) => Self::open_poll(who, decision.class, kind, id).map(Some),
			Payer::Proposer => {
				let opened = with_storage_layer(|| {
					Self::open_poll(&decision.proposer, decision.class, kind, id)
				});
				match opened {
					Ok(poll) => Ok(Some(poll)),
					Err(error) => {
						Self::deposit_event(Event::PollOpenFailed { decision: id, kind, error });
						Ok(None)
					},
				}
			},
		}
	}

	/// Whether a decision approved through the override alone may be enacted: a decision of
	/// the runtime-upgrade class, or dispatched as Root, only if its call (at most
	/// [`MAX_OVERRIDE_CALL_LEN`] bytes, its preimage available) is one
	/// [`Config::OverrideCalls`] allows; any other decision always.
	fn override_may_enact(decision: &DecisionOf<T>) -> bool {
		let restricted = decision.route.dispatch == DispatchAs::Root
			|| UpgradeClass::<T>::get() == Some(decision.class);
		if !restricted {
			return true;
		}
		if decision.call.len().is_none_or(|len| len > MAX_OVERRIDE_CALL_LEN) {
			return false;
		}
		T::Preimages::peek(&decision.call).is_ok_and(|(call, _)| T::OverrideCalls::contains(&call))
	}

	/// The decision is approved: schedule its call.
	fn approve(id: DecisionId, decision: &mut DecisionOf<T>) -> Step<BlockNumberFor<T>> {
		decision.state = DecisionState::Approved;
		let delay = decision.route.enactment_delay.max(One::one());
		let at = Self::now().saturating_add(delay);
		let (class, dispatch, call) =
			(decision.class, decision.route.dispatch, decision.call.clone());
		match with_storage_layer(|| T::Enactor::enact(at, class, dispatch, call)) {
			Ok(()) => Step::Close(Outcome::Enacted { at }),
			Err(error) => {
				Self::deposit_event(Event::EnactmentFailed { decision: id, error });
				Step::Moved
			},
		}
	}

	/// End a decision: cancel its ongoing polls, return the deposits still held, remove it.
	pub(crate) fn close(
		id: DecisionId,
		decision: DecisionOf<T>,
		outcome: Outcome<BlockNumberFor<T>>,
	) {
		let polls = [decision.polls.council, decision.polls.community, decision.polls.extra];
		for poll in polls.into_iter().flatten() {
			if T::Polls::outcome(poll) == Some(PollOutcome::Ongoing) {
				if let Err(error) = with_storage_layer(|| T::Polls::cancel(poll)) {
					log::warn!(target: LOG_TARGET, "could not cancel poll {poll:?}: {error:?}");
				}
			}
		}
		Self::release(HoldReason::Decision, &decision.proposer, decision.deposit);
		if let Some(Appeal { appellant, deposit }) = decision.appeal.as_ref() {
			Self::release(HoldReason::Appeal, appellant, *deposit);
		}
		// Unpin the preimage (the scheduler holds its own request for an enacted call).
		T::Preimages::drop(&decision.call);
		Decisions::<T>::remove(id);
		Self::decrement_usage(decision.class);
		Self::deposit_event(Event::DecisionClosed { decision: id, class: decision.class, outcome });
	}

	// ---------------------------------------------------------------------------------------
	// The class table and amendments.
	// ---------------------------------------------------------------------------------------

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

	// ---------------------------------------------------------------------------------------
	// Council seats.
	// ---------------------------------------------------------------------------------------

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

	// ---------------------------------------------------------------------------------------
	// Conflict-of-interest challenges.
	// ---------------------------------------------------------------------------------------

	pub(crate) fn do_challenge(
		who: T::AccountId,
		poll: T::PollIndex,
		member: T::AccountId,
		evidence: T::Hash,
	) -> DispatchResult {
		match T::Polls::outcome(poll) {
			None => return Err(Error::<T>::UnknownPoll.into()),
			Some(PollOutcome::Ongoing) => {},
			Some(PollOutcome::Approved | PollOutcome::Rejected) => {
				return Err(Error::<T>::PollNotOngoing.into())
			},
		}
		let track = T::Polls::track(poll).ok_or(Error::<T>::PollNotOngoing)?;
		let is_council = split_track(track)
			.and_then(|(class, kind)| Classes::<T>::get(class)?.scheme_of(kind))
			== Some(Scheme::Council);
		ensure!(is_council, Error::<T>::NotCouncilPoll);
		ensure!(Self::is_seated(&member), Error::<T>::NotMember);
		ensure!(!ChallengeIndex::<T>::contains_key(poll, &member), Error::<T>::AlreadyChallenged);
		ensure!(!T::Recusal::is_recused(&member, poll), Error::<T>::AlreadyRecused);
		let class = ChallengeClass::<T>::get().ok_or(Error::<T>::UnknownClass)?;
		let id = NextChallengeId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let deposit = T::ChallengeDeposit::get();
		Self::hold(HoldReason::Challenge, &who, deposit)?;
		let call: <T as Config>::RuntimeCall = Call::<T>::record_challenge { challenge: id }.into();
		let challenge_poll =
			T::Polls::open(&who, RawOrigin::House { class, kind: kinds::COUNCIL }, call)?;
		T::Recusal::recuse(&member, challenge_poll)?;
		Challenges::<T>::insert(
			id,
			Challenge {
				challenger: who.clone(),
				member: member.clone(),
				poll,
				evidence,
				deposit,
				challenge_poll,
				created: Self::now(),
			},
		);
		ChallengeIndex::<T>::insert(poll, &member, id);
		NextChallengeId::<T>::put(next);
		Self::increment_usage(class);
		Self::deposit_event(Event::ConflictChallenged {
			challenge: id,
			challenger: who,
			member,
			poll,
			evidence,
			challenge_poll,
		});
		Ok(())
	}

	fn remove_challenge(id: ChallengeId, challenge: &ChallengeOf<T>) {
		Challenges::<T>::remove(id);
		ChallengeIndex::<T>::remove(challenge.poll, &challenge.member);
		if let Some(class) = ChallengeClass::<T>::get() {
			Self::decrement_usage(class);
		}
	}

	/// The council upheld `challenge`: recuse the member and, only if the recusal took effect
	/// (a member is recused from a poll at most once), slash it; return the deposit.
	pub(crate) fn uphold_challenge(id: ChallengeId, challenge: ChallengeOf<T>) {
		let recused =
			with_storage_layer(|| T::Recusal::recuse(&challenge.member, challenge.poll)).is_ok();
		let slashed = if recused {
			with_storage_layer(|| {
				T::Slasher::slash(
					&challenge.member,
					None,
					T::ChallengeSlash::get(),
					challenge.evidence,
				)
			})
			.unwrap_or(0)
		} else {
			0
		};
		Self::release(HoldReason::Challenge, &challenge.challenger, challenge.deposit);
		Self::remove_challenge(id, &challenge);
		Self::deposit_event(Event::ChallengeUpheld {
			challenge: id,
			member: challenge.member,
			poll: challenge.poll,
			recused,
			slashed,
		});
	}

	pub(crate) fn do_advance_challenge(id: ChallengeId) -> DispatchResult {
		let challenge = Challenges::<T>::get(id).ok_or(Error::<T>::UnknownChallenge)?;
		match Self::outcome_of(Some(challenge.challenge_poll)) {
			PollOutcome::Approved => Self::uphold_challenge(id, challenge),
			PollOutcome::Rejected => {
				let slashed = Self::slash_held(
					HoldReason::Challenge,
					&challenge.challenger,
					challenge.deposit,
				);
				Self::remove_challenge(id, &challenge);
				Self::deposit_event(Event::ChallengeRejected {
					challenge: id,
					challenger: challenge.challenger,
					slashed,
				});
			},
			PollOutcome::Ongoing => {
				let deadline = challenge.created.saturating_add(T::MaxDecisionAge::get());
				ensure!(Self::now() >= deadline, Error::<T>::NotReady);
				if let Err(error) =
					with_storage_layer(|| T::Polls::cancel(challenge.challenge_poll))
				{
					log::warn!(target: LOG_TARGET, "could not cancel a challenge poll: {error:?}");
				}
				Self::release(HoldReason::Challenge, &challenge.challenger, challenge.deposit);
				Self::remove_challenge(id, &challenge);
				Self::deposit_event(Event::ChallengeExpired { challenge: id });
			},
		}
		Ok(())
	}

	// ---------------------------------------------------------------------------------------
	// Reads, used by the runtime API.
	// ---------------------------------------------------------------------------------------

	/// The class table, sorted by class id.
	pub fn class_list() -> Vec<(ClassId, ClassInfoOf<T>)> {
		let mut classes: Vec<(ClassId, ClassInfoOf<T>)> = Classes::<T>::iter().collect();
		classes.sort_by_key(|(class, _)| *class);
		classes
	}

	/// The seated council: `(member, block at which the term ends)`, sorted by member.
	pub fn council() -> Vec<(T::AccountId, BlockNumberFor<T>)> {
		let now = Self::now();
		Seats::<T>::get()
			.into_iter()
			.filter(|seat| seat.term_end > now)
			.map(|seat| (seat.member, seat.term_end))
			.collect()
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

	// ---------------------------------------------------------------------------------------
	// Invariants.
	// ---------------------------------------------------------------------------------------

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
