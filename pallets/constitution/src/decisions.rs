//! Joint decisions: origins, deposits, proposing, recording each house's outcome, and the
//! state machine that moves a decision through its rule's windows, appeals and overrides to
//! its enactment. The other concepts live in their own files: `amendments.rs` (the class
//! table), `seats.rs` (the council), `challenges.rs` (conflicts of interest), `hold.rs`
//! (decisions on hold), `views.rs` (reads for the runtime API) and `invariants.rs`.

use frame_support::traits::DefensiveSaturating as _;
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
use sp_runtime::traits::Saturating;

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

	pub(crate) fn hold(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		<T::Currency as MutateHold<T::AccountId>>::hold(&reason.into(), who, amount)
	}

	pub(crate) fn release(reason: HoldReason, who: &T::AccountId, amount: BalanceOf<T>) {
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
	pub(crate) fn slash_held(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> BalanceOf<T> {
		let (credit, missing) =
			<T::Currency as BalancedHold<T::AccountId>>::slash(&reason.into(), who, amount);
		T::Slash::on_unbalanced(credit);
		amount.saturating_sub(missing)
	}

	pub(crate) fn increment_usage(class: ClassId) {
		ClassUsage::<T>::mutate(class, |n| *n = n.saturating_add(1));
	}

	pub(crate) fn decrement_usage(class: ClassId) {
		let n = ClassUsage::<T>::get(class).defensive_saturating_sub(1);
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
	pub(crate) fn outcome_of(poll: Option<T::PollIndex>) -> PollOutcome {
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
}
