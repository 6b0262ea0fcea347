//! The pallet's logic: voting, vote removal, delegation, locks, voice credits, recusal, and the
//! invariant checks.

use alloc::{collections::btree_map::BTreeMap, vec::Vec};
use frame_support::traits::DefensiveSaturating as _;
use frame_support::weights::Weight;
use frame_support::{
	ensure,
	traits::{fungible, Get, PollStatus, Polling},
	BoundedVec,
};
use ostrom_primitives::{
	OnCredentialRemoved, OnReputationSlashed, PersonId, PersonhoodProvider, ReputationProvider,
};
use sp_runtime::{
	traits::{CheckedAdd, CheckedDiv, One, Saturating, Zero},
	DispatchError, DispatchResult, SaturatedConversion,
};

use crate::weights::WeightInfo;
use crate::{
	traits::{CouncilBallots, DelegationCount, Members, Recusal, SchemeOf},
	AccountVote, BalanceOf, Cast, Change, ClassDelegations, ClassLocksFor, ClassOf, Config,
	Contribution, CreditsSpent, Delegation, DelegationOverride, Error, Event, FreezeReason,
	Overrides, Pallet, PersonBallots, PollIndexOf, PollMetrics, Removal, Scheme, Tally, TallyOf,
	VoiceCreditsSpent, VoteRecord, VoteRecordOf, VotingFor, VotingOf,
};

/// An account's class locks, as stored in [`ClassLocksFor`].
type ClassLocks<T> = BoundedVec<(ClassOf<T>, BalanceOf<T>), <T as Config>::MaxClasses>;

/// An account and a class.
type AccountClass<T> = (<T as frame_system::Config>::AccountId, ClassOf<T>);

/// Per account and class: a token weight, a reputation weight in units at the current fastest
/// decay clock, and a number of accounts.
type WeightCounts<T> = BTreeMap<AccountClass<T>, (BalanceOf<T>, u128, u32)>;

/// Per poll and delegate: a weight.
type OverrideTotals<T> =
	BTreeMap<(PollIndexOf<T>, <T as frame_system::Config>::AccountId), BalanceOf<T>>;

/// What [`Pallet::do_try_state`]'s walk over [`VotingFor`] collects for the other checks.
#[derive(frame_support::DefaultNoBound)]
struct Seen<T: Config> {
	/// Each record's own totals: token weight, reputation units and delegators delegated to it.
	records: WeightCounts<T>,
	/// The same totals, summed from the delegations pointing to each account.
	delegated: WeightCounts<T>,
	/// The delegators per class.
	class_delegations: BTreeMap<ClassOf<T>, u32>,
	/// Overrides summed from the delegators' votes.
	overrides: OverrideTotals<T>,
	/// Credits of the current epoch's stored quadratic votes, per person.
	credits: BTreeMap<PersonId, u32>,
	/// The stored quadratic ballots: person and poll to the account that cast it.
	ballots: BTreeMap<(PersonId, PollIndexOf<T>), T::AccountId>,
}

impl<T: Config> Pallet<T> {
	// ---------------------------------------------------------------------------------------
	// Reading.
	// ---------------------------------------------------------------------------------------

	/// The identifier of this pallet's freeze.
	fn freeze_id() -> T::RuntimeFreezeReason {
		FreezeReason::Voting.into()
	}

	/// The balance `who` needs frozen for its token votes and delegation in `class` (its class
	/// lock).
	pub fn class_lock(who: &T::AccountId, class: &ClassOf<T>) -> BalanceOf<T> {
		ClassLocksFor::<T>::get(who).iter().find(|x| &x.0 == class).map_or_else(Zero::zero, |x| x.1)
	}

	/// The current voice-credit epoch: block number / [`Config::EpochLength`].
	pub fn current_epoch() -> u32 {
		let now = frame_system::Pallet::<T>::block_number();
		now.checked_div(&T::EpochLength::get()).unwrap_or_else(Zero::zero).saturated_into()
	}

	/// Voice credits `person` has spent in `epoch` (from any of its accounts).
	pub fn credits_spent(person: PersonId, epoch: u32) -> u32 {
		VoiceCreditsSpent::<T>::get(person)
			.filter(|record| record.epoch == epoch)
			.map_or(0, |record| record.spent)
	}

	/// Voice credits `who`'s person can still spend in the current epoch (zero if `who` is not
	/// a person).
	pub fn voice_credits_left(who: &T::AccountId) -> u32 {
		T::Personhood::person_of(who).map_or(0, |person| {
			T::VoiceCredits::get()
				.saturating_sub(Self::credits_spent(person, Self::current_epoch()))
		})
	}

	/// The account that cast `person`'s quadratic ballot on `poll`, if any.
	pub fn person_ballot(person: PersonId, poll: PollIndexOf<T>) -> Option<T::AccountId> {
		let ballots = PersonBallots::<T>::get(person);
		ballots
			.binary_search_by_key(&poll, |x| x.0)
			.ok()
			.and_then(|i| ballots.get(i))
			.map(|x| x.1.clone())
	}

	/// Forget `person`'s quadratic ballot on `poll` (its vote record is being removed).
	fn forget_person_ballot(person: PersonId, poll: PollIndexOf<T>) {
		PersonBallots::<T>::mutate_exists(person, |maybe| {
			if let Some(ballots) = maybe {
				ballots.retain(|x| x.0 != poll);
				if ballots.is_empty() {
					*maybe = None;
				}
			}
		});
	}

	/// The voice credits of `v` quadratic votes: `v²`, or `None` if that exceeds `u32`.
	fn quadratic_cost(v: BalanceOf<T>) -> Option<u32> {
		let v: u32 = v.try_into().ok()?;
		v.checked_mul(v)
	}

	/// The current reading of the fastest decay clock (reputation weight decays with it).
	fn clock_now() -> u128 {
		T::Reputation::fastest_clock()
	}

	/// The fastest decay clock reading a call on a tally of `scheme` needs, read once per
	/// call: see [`Tally::clock_of`].
	fn clock_for(scheme: Scheme) -> u128 {
		TallyOf::<T>::clock_of(scheme)
	}

	/// The delegated weight `delegate`'s ballot on `poll` (whose tally is `tally`) carries now:
	/// the weight delegated to it in the class (`voting`; reputation: decayed to now and
	/// expressed in the poll's decay frame) less what its delegators moved out of its ballot on
	/// `poll` by voting directly.
	pub fn effective_delegated(
		voting: &VotingOf<T>,
		tally: &TallyOf<T>,
		poll: PollIndexOf<T>,
		delegate: &T::AccountId,
		now: u128,
	) -> BalanceOf<T> {
		let delegated = if tally.scheme == Scheme::Reputation {
			if voting.delegated_reputation.is_zero() {
				return Zero::zero();
			}
			tally.counted_units(voting.delegated_reputation.units_at(now), now)
		} else {
			voting.delegations
		};
		if delegated.is_zero() {
			return Zero::zero();
		}
		delegated.saturating_sub(Overrides::<T>::get(poll, delegate).unwrap_or_default())
	}

	/// What a stored vote adds to a tally of `scheme`; `None` for a recusal or a voided ballot.
	pub fn record_contribution(
		scheme: Scheme,
		record: &VoteRecordOf<T>,
	) -> Option<Contribution<BalanceOf<T>>> {
		record
			.vote
			.as_ref()
			.map(|vote| Contribution::of(scheme, vote, record.own, record.delegated))
	}

	/// The delegated weight a ballot of shape `vote` records and counts when `delegated` is
	/// delegated to its voter: `delegated` if the ballot carries delegation, else zero.
	fn carried(
		scheme: Scheme,
		vote: &AccountVote<BalanceOf<T>>,
		delegated: BalanceOf<T>,
	) -> BalanceOf<T> {
		if vote.carries_delegation(scheme) {
			delegated
		} else {
			Zero::zero()
		}
	}

	/// A delegation's weight as counted in `tally`: its amount (token), or its reputation
	/// decayed to now and expressed in the poll's decay frame.
	fn delegation_in(
		tally: &TallyOf<T>,
		delegation: &Delegation<T::AccountId, BalanceOf<T>>,
		now: u128,
	) -> BalanceOf<T> {
		if tally.scheme == Scheme::Reputation {
			tally.counted_units(delegation.units_at(now), now)
		} else {
			delegation.amount
		}
	}

	/// The running aggregates of the ongoing poll `poll`, with its approval and support;
	/// reputation weights as worth at the current block (see [`Tally::clock`]).
	pub fn poll_metrics(poll: PollIndexOf<T>) -> Option<PollMetrics<BalanceOf<T>>> {
		let (tally, class) = T::Polls::as_ongoing(poll)?;
		// Reputation weights are read as worth now (decayed from the poll's frame); the sum of
		// squares decays with the square of the factor.
		let now = Self::clock_for(tally.scheme);
		let total_weight = tally.current_at(tally.total_weight, now);
		let sum_of_squares = if total_weight == tally.total_weight {
			tally.sum_of_squares
		} else {
			let now = sp_core::U256::from(total_weight.saturated_into::<u128>());
			let then = sp_core::U256::from(tally.total_weight.saturated_into::<u128>());
			tally
				.sum_of_squares
				.saturating_mul(now.saturating_mul(now))
				.checked_div(then.saturating_mul(then))
				.unwrap_or_default()
		};
		Some(PollMetrics {
			scheme: tally.scheme,
			ayes: tally.current_at(tally.ayes, now),
			nays: tally.current_at(tally.nays, now),
			abstains: tally.current_at(tally.abstains, now),
			support: tally.current_at(tally.support, now),
			voters: tally.voters,
			total_weight,
			sum_of_squares,
			recused: tally.recused,
			electorate: Tally::<T>::electorate(tally.scheme, &class, tally.recused),
			approval: tally.approval_ratio(),
			support_ratio: tally.support_ratio(&class),
		})
	}

	// ---------------------------------------------------------------------------------------
	// Ballots and overrides.
	// ---------------------------------------------------------------------------------------

	/// Move `record`'s ballot in `tally` to `new` effective delegated weight (if it carries
	/// delegation).
	fn reweigh(tally: &mut TallyOf<T>, record: &mut VoteRecordOf<T>, new: BalanceOf<T>) {
		let Some(vote) = record.vote.as_ref() else { return };
		let new = Self::carried(tally.scheme, vote, new);
		if record.delegated == new {
			return;
		}
		if let Some(before) = Self::record_contribution(tally.scheme, record) {
			tally.remove(&before);
		}
		record.delegated = new;
		if let Some(after) = Self::record_contribution(tally.scheme, record) {
			tally.add(&after);
		}
	}

	/// Replace the override of `delegate` on `poll` by `f(current)` (deleting it at zero);
	/// returns the values before and after.
	fn set_override(
		poll: PollIndexOf<T>,
		delegate: &T::AccountId,
		f: impl FnOnce(BalanceOf<T>) -> BalanceOf<T>,
	) -> (BalanceOf<T>, BalanceOf<T>) {
		let before = Overrides::<T>::get(poll, delegate).unwrap_or_default();
		let after = f(before);
		if after.is_zero() {
			Overrides::<T>::remove(poll, delegate);
		} else {
			Overrides::<T>::insert(poll, delegate, after);
		}
		(before, after)
	}

	/// A delegator of `delegate` voted directly on `poll` ([`Change::Add`]), or removed that vote
	/// ([`Change::Remove`]): move `amount` into (out of) the override of `delegate` on `poll`
	/// and, if the poll is ongoing (`tally` given), out of (back into) `delegate`'s ballot on it.
	fn shift_override(
		tally: Option<&mut TallyOf<T>>,
		poll: PollIndexOf<T>,
		class: &ClassOf<T>,
		delegate: &T::AccountId,
		amount: BalanceOf<T>,
		change: Change,
	) {
		Self::set_override(poll, delegate, |current| match change {
			Change::Add => current.saturating_add(amount),
			Change::Remove => current.saturating_sub(amount),
		});
		let Some(tally) = tally else { return };
		let Some(mut voting) = VotingFor::<T>::get(delegate, class) else { return };
		let now = Self::clock_for(tally.scheme);
		let new = Self::effective_delegated(&voting, tally, poll, delegate, now);
		if let Some(record) = voting.record_mut(poll) {
			Self::reweigh(tally, record, new);
			VotingFor::<T>::insert(delegate, class, voting);
		}
	}

	/// After the weight delegated to `delegate` (whose record is `voting`) or its overrides
	/// changed: move each of its delegation-carrying ballots on ongoing polls to its new
	/// effective delegated weight (a poll is only written if its ballot changes).
	fn reweigh_ballots(delegate: &T::AccountId, voting: &mut VotingOf<T>) {
		let polls: Vec<PollIndexOf<T>> = voting
			.votes
			.iter()
			.filter(|(_, r)| r.vote.as_ref().is_some_and(|v| v.carries_delegation(r.scheme)))
			.map(|(poll, _)| *poll)
			.collect();
		for poll in polls {
			let Some((tally, _)) = T::Polls::as_ongoing(poll) else { continue };
			let now = Self::clock_for(tally.scheme);
			let new = Self::effective_delegated(voting, &tally, poll, delegate, now);
			if voting.record(poll).is_none_or(|r| r.delegated == new) {
				continue;
			}
			T::Polls::access_poll(poll, |status| {
				if let PollStatus::Ongoing(tally, _) = status {
					if let Some(record) = voting.record_mut(poll) {
						Self::reweigh(tally, record, new);
					}
				}
			});
		}
	}

	/// Store `voting` for `who` in `class`, or delete it if it is empty.
	fn put_voting(who: &T::AccountId, class: &ClassOf<T>, voting: VotingOf<T>) {
		if voting.is_empty() {
			VotingFor::<T>::remove(who, class);
		} else {
			VotingFor::<T>::insert(who, class, voting);
		}
	}

	// ---------------------------------------------------------------------------------------
	// Locks and credits.
	// ---------------------------------------------------------------------------------------

	/// Raise `who`'s lock for `class` to at least `amount`, and its freeze with it. A vote that
	/// does not raise the class lock writes nothing; one that raises it but not the freeze
	/// (another class locks more) leaves the freeze alone.
	fn extend_lock(who: &T::AccountId, class: &ClassOf<T>, amount: BalanceOf<T>) -> DispatchResult {
		let mut locks = ClassLocksFor::<T>::get(who);
		let before = locks.iter().map(|x| x.1).max().unwrap_or_else(Zero::zero);
		if let Some(entry) = locks.iter_mut().find(|x| &x.0 == class) {
			if entry.1 >= amount {
				return Ok(());
			}
			entry.1 = amount;
		} else {
			locks.try_push((class.clone(), amount)).map_err(|_| Error::<T>::TooManyClasses)?;
		}
		ClassLocksFor::<T>::insert(who, locks);
		if amount > before {
			<T::Currency as fungible::freeze::Mutate<T::AccountId>>::set_freeze(
				&Self::freeze_id(),
				who,
				amount,
			)?;
		}
		Ok(())
	}

	/// Store `who`'s class locks and set its freeze to the largest; returns that amount.
	fn put_locks(who: &T::AccountId, locks: ClassLocks<T>) -> Result<BalanceOf<T>, DispatchError> {
		let needed = locks.iter().map(|x| x.1).max().unwrap_or_else(Zero::zero);
		if locks.is_empty() {
			ClassLocksFor::<T>::remove(who);
		} else {
			ClassLocksFor::<T>::insert(who, locks);
		}
		let id = Self::freeze_id();
		if needed.is_zero() {
			let frozen =
				<T::Currency as fungible::freeze::Inspect<T::AccountId>>::balance_frozen(&id, who);
			if !frozen.is_zero() {
				<T::Currency as fungible::freeze::Mutate<T::AccountId>>::thaw(&id, who)?;
			}
		} else {
			<T::Currency as fungible::freeze::Mutate<T::AccountId>>::set_freeze(&id, who, needed)?;
		}
		Ok(needed)
	}

	/// Give back to its person the voice credits of a quadratic `record` whose vote is
	/// withdrawn, if they were spent in the current epoch.
	fn refund_credits(record: &VoteRecordOf<T>) {
		let Some(person) = record.person else { return };
		if record.scheme != Scheme::Quadratic || record.credits == 0 {
			return;
		}
		let epoch = Self::current_epoch();
		if record.epoch != epoch {
			return;
		}
		if let Some(CreditsSpent { epoch: stored, spent }) = VoiceCreditsSpent::<T>::get(person) {
			if stored == epoch {
				let left = spent.saturating_sub(record.credits);
				if left == 0 {
					VoiceCreditsSpent::<T>::remove(person);
				} else {
					VoiceCreditsSpent::<T>::insert(person, CreditsSpent { epoch, spent: left });
				}
			}
		}
	}

	// ---------------------------------------------------------------------------------------
	// Calls.
	// ---------------------------------------------------------------------------------------

	/// Vote on `poll`. Returns whether the account had voted on it before and its number of
	/// votes in the class before (new vote) or after (existing vote) the call.
	pub(crate) fn try_vote(
		who: &T::AccountId,
		poll: PollIndexOf<T>,
		vote: AccountVote<BalanceOf<T>>,
	) -> Result<Cast, DispatchError> {
		T::Polls::try_access_poll(poll, |status| {
			let (tally, class) = status.ensure_ongoing().ok_or(Error::<T>::NotOngoing)?;
			Self::vote_in(who, poll, tally, &class, vote)
		})
	}

	/// [`Self::try_vote`] on the ongoing poll `poll` of `class`, whose tally is `tally`.
	fn vote_in(
		who: &T::AccountId,
		poll: PollIndexOf<T>,
		tally: &mut TallyOf<T>,
		class: &ClassOf<T>,
		vote: AccountVote<BalanceOf<T>>,
	) -> Result<Cast, DispatchError> {
		let scheme = tally.scheme;
		let block = frame_system::Pallet::<T>::block_number();
		let mut voting = VotingFor::<T>::get(who, class).unwrap_or_default();
		let position = voting.votes.binary_search_by_key(&poll, |x| x.0);
		let old: Option<VoteRecordOf<T>> =
			position.ok().and_then(|i| voting.votes.get(i)).map(|x| x.1.clone());
		// The fastest decay clock, read once for the whole vote (reputation polls only).
		let now = Self::clock_for(scheme);
		let delegated = Self::effective_delegated(&voting, tally, poll, who, now);
		let epoch = Self::current_epoch();

		// Checks, per scheme: the voter's own weight and (quadratic) the credits.
		let mut credits = 0u32;
		let mut spent: Option<(PersonId, u32)> = None;
		let mut person: Option<PersonId> = None;
		let own: BalanceOf<T> = match scheme {
			Scheme::Token => {
				let own = match vote {
					AccountVote::Standard { amount, .. } => amount,
					AccountVote::Split { aye, nay, abstain } => aye
						.checked_add(&nay)
						.and_then(|x| x.checked_add(&abstain))
						.ok_or(Error::<T>::Overflow)?,
					AccountVote::Own(_) => return Err(Error::<T>::WrongVoteForScheme.into()),
				};
				ensure!(!own.is_zero(), Error::<T>::ZeroVote);
				ensure!(
					own <= <T::Currency as fungible::Inspect<T::AccountId>>::total_balance(who),
					Error::<T>::InsufficientFunds
				);
				own
			},
			Scheme::Quadratic => {
				let voter = T::Personhood::person_of(who).ok_or(Error::<T>::NotPerson)?;
				let AccountVote::Standard { amount, .. } = vote else {
					return Err(Error::<T>::WrongVoteForScheme.into());
				};
				ensure!(!amount.is_zero(), Error::<T>::ZeroVote);
				// One ballot per person and poll, whichever of its accounts casts it; a voided
				// ballot keeps the person's voice on the poll used.
				ensure!(
					old.as_ref().is_none_or(|r| r.vote.is_some() && r.person == Some(voter)),
					Error::<T>::PersonAlreadyVoted
				);
				match Self::person_ballot(voter, poll) {
					Some(account) => ensure!(&account == who, Error::<T>::PersonAlreadyVoted),
					None => ensure!(
						!PersonBallots::<T>::get(voter).is_full(),
						Error::<T>::MaxVotesReached
					),
				}
				let cost = Self::quadratic_cost(amount).ok_or(Error::<T>::InsufficientCredits)?;
				let refund = old
					.as_ref()
					.filter(|r| r.scheme == Scheme::Quadratic && r.epoch == epoch)
					.map_or(0, |r| r.credits);
				let total = Self::credits_spent(voter, epoch)
					.saturating_sub(refund)
					.checked_add(cost)
					.filter(|total| *total <= T::VoiceCredits::get())
					.ok_or(Error::<T>::InsufficientCredits)?;
				credits = cost;
				spent = Some((voter, total));
				person = Some(voter);
				amount
			},
			Scheme::Reputation => {
				ensure!(matches!(vote, AccountVote::Own(_)), Error::<T>::WrongVoteForScheme);
				let weights = T::Schemes::reputation_weights(class);
				let own = tally.counted(T::Reputation::weighted_score(who, &weights), now);
				ensure!(!own.is_zero() || !delegated.is_zero(), Error::<T>::NoReputation);
				own
			},
			Scheme::Council => {
				ensure!(T::Council::is_member(who), Error::<T>::NotCouncilMember);
				ensure!(old.as_ref().is_none_or(|r| r.vote.is_some()), Error::<T>::Recused);
				ensure!(matches!(vote, AccountVote::Own(_)), Error::<T>::WrongVoteForScheme);
				One::one()
			},
		};
		ensure!(old.as_ref().is_none_or(|r| r.vote.is_some()), Error::<T>::Recused);
		ensure!(position.is_ok() || !voting.votes.is_full(), Error::<T>::MaxVotesReached);
		if scheme == Scheme::Token {
			Self::extend_lock(who, class, own)?;
		}

		// Effects: the old ballot leaves the tally, the new one joins it.
		if let Some(old) = &old {
			if let Some(c) = Self::record_contribution(scheme, old) {
				tally.remove(&c);
			}
		}
		let override_of = match &old {
			Some(record) => record.override_of.clone(),
			None => voting.delegating.as_ref().map(|d| DelegationOverride {
				delegate: d.target.clone(),
				amount: Self::delegation_in(tally, d, now),
			}),
		};
		if old.is_none() {
			if let Some(DelegationOverride { delegate, amount }) = &override_of {
				Self::shift_override(
					Some(&mut *tally),
					poll,
					class,
					delegate,
					*amount,
					Change::Add,
				);
				Self::deposit_event(Event::DelegationOverridden {
					who: who.clone(),
					delegate: delegate.clone(),
					poll_index: poll,
					amount: *amount,
				});
			}
		}
		let delegated = Self::carried(scheme, &vote, delegated);
		let contribution = Contribution::of(scheme, &vote, own, delegated);
		tally.add(&contribution);
		let same_block = tally.last_ballot == Some(block);
		tally.last_ballot = Some(block);
		let record = VoteRecord {
			vote: Some(vote),
			scheme,
			own,
			delegated,
			credits,
			epoch: if scheme == Scheme::Quadratic { epoch } else { 0 },
			override_of,
			person,
		};
		let votes = match position {
			Ok(i) => {
				if let Some(slot) = voting.votes.get_mut(i) {
					slot.1 = record;
				}
				voting.vote_count()
			},
			Err(i) => {
				let before = voting.vote_count();
				voting
					.votes
					.try_insert(i, (poll, record))
					.map_err(|_| Error::<T>::MaxVotesReached)?;
				before
			},
		};
		VotingFor::<T>::insert(who, class, voting);
		if let Some((voter, total)) = spent {
			VoiceCreditsSpent::<T>::insert(voter, CreditsSpent { epoch, spent: total });
			if old.is_none() {
				PersonBallots::<T>::try_mutate(voter, |ballots| {
					let i = ballots.binary_search_by_key(&poll, |x| x.0).unwrap_or_else(|i| i);
					ballots.try_insert(i, (poll, who.clone()))
				})
				.map_err(|_| Error::<T>::MaxVotesReached)?;
			}
		}
		Self::deposit_event(Event::Voted {
			who: who.clone(),
			poll_index: poll,
			vote,
			weight: contribution.weight,
			tally: tally.clone(),
		});
		Ok(match old {
			Some(_) => Cast::Changed(votes),
			None if same_block => Cast::NewInSameBlock(votes),
			None => Cast::New(votes),
		})
	}

	/// Remove `who`'s vote on `poll` (of class `class`, or of the ongoing poll's class). An
	/// ongoing poll's vote may only be removed with [`Removal::Any`]. Returns the number of
	/// votes `who` had in the class.
	pub(crate) fn try_remove_vote(
		who: &T::AccountId,
		class: Option<ClassOf<T>>,
		poll: PollIndexOf<T>,
		removal: Removal,
	) -> Result<u32, DispatchError> {
		let class = class
			.or_else(|| T::Polls::as_ongoing(poll).map(|(_, class)| class))
			.ok_or(Error::<T>::ClassNeeded)?;
		let mut voting = VotingFor::<T>::get(who, &class).ok_or(Error::<T>::NotVoter)?;
		let votes = voting.vote_count();
		let i =
			voting.votes.binary_search_by_key(&poll, |x| x.0).map_err(|_| Error::<T>::NotVoter)?;
		let record = voting.votes.get(i).map(|x| x.1.clone()).ok_or(Error::<T>::NotVoter)?;
		let tally = T::Polls::try_access_poll(poll, |status| match status {
			PollStatus::Ongoing(tally, _) => {
				ensure!(removal == Removal::Any, Error::<T>::NoPermission);
				ensure!(!record.is_voided(), Error::<T>::Voided);
				ensure!(record.vote.is_some(), Error::<T>::Recused);
				if let Some(c) = Self::record_contribution(tally.scheme, &record) {
					tally.remove(&c);
				}
				tally.last_ballot = Some(frame_system::Pallet::<T>::block_number());
				if let Some(DelegationOverride { delegate, amount }) = &record.override_of {
					Self::shift_override(
						Some(&mut *tally),
						poll,
						&class,
						delegate,
						*amount,
						Change::Remove,
					);
				}
				Self::refund_credits(&record);
				Ok(Some(tally.clone()))
			},
			PollStatus::Completed(..) | PollStatus::None => {
				if let Some(DelegationOverride { delegate, amount }) = &record.override_of {
					Self::shift_override(None, poll, &class, delegate, *amount, Change::Remove);
				}
				Ok(None)
			},
		})?;
		if let Some(person) = record.person {
			Self::forget_person_ballot(person, poll);
		}
		voting.votes.remove(i);
		Self::put_voting(who, &class, voting);
		Self::deposit_event(Event::VoteRemoved { who: who.clone(), poll_index: poll, tally });
		Ok(votes)
	}

	/// Delegate `who`'s weight in `class` to `to`. Returns the number of votes of `to` and of
	/// `who` in the class.
	pub(crate) fn try_delegate(
		who: &T::AccountId,
		class: ClassOf<T>,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> Result<(u32, u32), DispatchError> {
		ensure!(T::Polls::classes().contains(&class), Error::<T>::BadClass);
		let scheme = T::Schemes::scheme(&class);
		ensure!(scheme.is_delegable(), Error::<T>::NotDelegable);
		ensure!(who != to, Error::<T>::SelfDelegation);
		let mut voting = VotingFor::<T>::get(who, &class).unwrap_or_default();
		ensure!(voting.delegating.is_none(), Error::<T>::AlreadyDelegating);
		let mut target = VotingFor::<T>::get(to, &class).unwrap_or_default();
		ensure!(target.delegating.is_none(), Error::<T>::DelegationLoop);
		let weight = if scheme == Scheme::Token {
			ensure!(!amount.is_zero(), Error::<T>::ZeroVote);
			ensure!(
				amount <= <T::Currency as fungible::Inspect<T::AccountId>>::total_balance(who),
				Error::<T>::InsufficientFunds
			);
			amount
		} else {
			ensure!(amount.is_zero(), Error::<T>::AmountNotApplicable);
			let weights = T::Schemes::reputation_weights(&class);
			let weight: BalanceOf<T> =
				T::Reputation::weighted_score(who, &weights).saturated_into();
			ensure!(!weight.is_zero(), Error::<T>::NoReputation);
			weight
		};
		let now = Self::clock_for(scheme);
		let delegations = if scheme == Scheme::Token {
			target.delegations.checked_add(&weight).ok_or(Error::<T>::Overflow)?
		} else {
			target.delegations
		};
		let delegators = target.delegators.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let class_delegations = ClassDelegations::<T>::get(&class)
			.unwrap_or(0)
			.checked_add(1)
			.ok_or(Error::<T>::Overflow)?;
		if scheme == Scheme::Token {
			Self::extend_lock(who, &class, weight)?;
		}

		let delegation = Delegation {
			target: to.clone(),
			amount: weight,
			scheme,
			clock: if scheme == Scheme::Reputation { now } else { 0 },
		};
		// The delegator's direct votes on ongoing polls override the new delegation there.
		for (poll, record) in voting.votes.iter_mut() {
			if let Some((tally, _)) = T::Polls::as_ongoing(*poll) {
				let amount = Self::delegation_in(&tally, &delegation, now);
				record.override_of = Some(DelegationOverride { delegate: to.clone(), amount });
				Self::set_override(*poll, to, |current| current.saturating_add(amount));
			}
		}
		target.delegations = delegations;
		if scheme == Scheme::Reputation {
			target.delegated_reputation.shift(delegation.units_at(now), now, Change::Add);
		}
		target.delegators = delegators;
		Self::reweigh_ballots(to, &mut target);
		voting.delegating = Some(delegation);
		ClassDelegations::<T>::insert(&class, class_delegations);

		let counts = (target.vote_count(), voting.vote_count());
		Self::put_voting(to, &class, target);
		Self::put_voting(who, &class, voting);
		Self::deposit_event(Event::Delegated {
			who: who.clone(),
			target: to.clone(),
			class,
			amount: weight,
		});
		Ok(counts)
	}

	/// End `who`'s delegation in `class`. Returns the number of votes of the delegate and of
	/// `who` in the class.
	pub(crate) fn try_undelegate(
		who: &T::AccountId,
		class: ClassOf<T>,
	) -> Result<(u32, u32), DispatchError> {
		let mut voting = VotingFor::<T>::get(who, &class).ok_or(Error::<T>::NotDelegating)?;
		let delegation = voting.delegating.take().ok_or(Error::<T>::NotDelegating)?;
		let to = delegation.target.clone();
		let mut target = VotingFor::<T>::get(&to, &class).unwrap_or_default();

		for (poll, record) in voting.votes.iter_mut() {
			if let Some(DelegationOverride { delegate, amount }) = record.override_of.take() {
				Self::set_override(*poll, &delegate, |current| current.saturating_sub(amount));
			}
		}
		let now = Self::clock_for(delegation.scheme);
		let units = delegation.units_at(now);
		let amount = if delegation.scheme == Scheme::Reputation {
			target.delegated_reputation.shift(units, now, Change::Remove);
			ostrom_primitives::decay::units_to_points(units, 0).saturated_into()
		} else {
			target.delegations = target.delegations.saturating_sub(delegation.amount);
			delegation.amount
		};
		target.delegators = target.delegators.defensive_saturating_sub(1);
		if target.delegators == 0 {
			// Nothing left to carry: drop what rounding may have left.
			target.delegated_reputation = Default::default();
		}
		Self::reweigh_ballots(&to, &mut target);
		ClassDelegations::<T>::mutate_exists(&class, |count| {
			*count = count.map(|c| c.defensive_saturating_sub(1)).filter(|c| *c != 0);
		});

		let counts = (target.vote_count(), voting.vote_count());
		Self::put_voting(&to, &class, target);
		Self::put_voting(who, &class, voting);
		Self::deposit_event(Event::Undelegated { who: who.clone(), target: to, class, amount });
		Ok(counts)
	}

	/// Recompute `who`'s reputation delegation in `class`. Returns the number of votes of the
	/// delegate and of `who` in the class.
	pub(crate) fn try_refresh_delegation(
		who: &T::AccountId,
		class: ClassOf<T>,
	) -> Result<(u32, u32), DispatchError> {
		ensure!(T::Schemes::scheme(&class) == Scheme::Reputation, Error::<T>::NotDelegable);
		let mut voting = VotingFor::<T>::get(who, &class).ok_or(Error::<T>::NotDelegating)?;
		let mut delegation = voting.delegating.clone().ok_or(Error::<T>::NotDelegating)?;
		ensure!(delegation.scheme == Scheme::Reputation, Error::<T>::NotDelegable);
		let now = Self::clock_now();
		let old_units = delegation.units_at(now);
		let old: BalanceOf<T> =
			ostrom_primitives::decay::units_to_points(old_units, 0).saturated_into();
		let weights = T::Schemes::reputation_weights(&class);
		let new: BalanceOf<T> = T::Reputation::weighted_score(who, &weights).saturated_into();
		let to = delegation.target.clone();
		let mut target = VotingFor::<T>::get(&to, &class).unwrap_or_default();
		delegation.amount = new;
		delegation.clock = now;

		// Overrides on ongoing polls follow the new amount (in each poll's decay frame); those on
		// polls that are over no longer count anywhere and are left as they are.
		for (poll, record) in voting.votes.iter_mut() {
			let Some((tally, _)) = T::Polls::as_ongoing(*poll) else { continue };
			if let Some(DelegationOverride { delegate, amount }) = record.override_of.as_mut() {
				let previous = *amount;
				let next = Self::delegation_in(&tally, &delegation, now);
				Self::set_override(*poll, delegate, |current| {
					current.saturating_sub(previous).saturating_add(next)
				});
				*amount = next;
			}
		}
		target.delegated_reputation.shift(old_units, now, Change::Remove);
		target.delegated_reputation.shift(delegation.units_at(now), now, Change::Add);
		Self::reweigh_ballots(&to, &mut target);
		voting.delegating = Some(delegation);

		let counts = (target.vote_count(), voting.vote_count());
		Self::put_voting(&to, &class, target);
		Self::put_voting(who, &class, voting);
		Self::deposit_event(Event::DelegationRefreshed {
			who: who.clone(),
			target: to,
			class,
			old,
			new,
		});
		Ok(counts)
	}

	/// Recompute `who`'s lock for `class` and its freeze; delete a stale voice-credit record.
	/// Returns the number of votes `who` has in the class.
	pub(crate) fn do_unlock(who: &T::AccountId, class: ClassOf<T>) -> Result<u32, DispatchError> {
		let voting = VotingFor::<T>::get(who, &class);
		let needed = voting.as_ref().map_or_else(Zero::zero, |v| v.token_lock());
		let votes = voting.as_ref().map_or(0, |v| v.vote_count());
		let mut locks = ClassLocksFor::<T>::get(who);
		locks.retain(|x| x.0 != class);
		if !needed.is_zero() {
			locks.try_push((class.clone(), needed)).map_err(|_| Error::<T>::TooManyClasses)?;
		}
		let remaining = Self::put_locks(who, locks)?;
		if let Some(person) = T::Personhood::person_of(who) {
			if let Some(CreditsSpent { epoch, .. }) = VoiceCreditsSpent::<T>::get(person) {
				if epoch < Self::current_epoch() {
					VoiceCreditsSpent::<T>::remove(person);
				}
			}
		}
		Self::deposit_event(Event::Unlocked { who: who.clone(), class, remaining });
		Ok(votes)
	}

	/// [`Recusal::recuse`] on the ongoing poll `poll` of `class`, whose tally is `tally`.
	fn recuse_in(
		who: &T::AccountId,
		poll: PollIndexOf<T>,
		tally: &mut TallyOf<T>,
		class: &ClassOf<T>,
	) -> DispatchResult {
		ensure!(tally.scheme == Scheme::Council, Error::<T>::NotCouncilPoll);
		ensure!(T::Council::is_member(who), Error::<T>::NotCouncilMember);
		let mut voting = VotingFor::<T>::get(who, class).unwrap_or_default();
		let position = voting.votes.binary_search_by_key(&poll, |x| x.0);
		let old: Option<VoteRecordOf<T>> =
			position.ok().and_then(|i| voting.votes.get(i)).map(|x| x.1.clone());
		ensure!(old.as_ref().is_none_or(|r| r.vote.is_some()), Error::<T>::Recused);
		ensure!(position.is_ok() || !voting.votes.is_full(), Error::<T>::MaxVotesReached);

		if let Some(old) = &old {
			if let Some(c) = Self::record_contribution(tally.scheme, old) {
				tally.remove(&c);
			}
			if let Some(DelegationOverride { delegate, amount }) = &old.override_of {
				Self::shift_override(
					Some(&mut *tally),
					poll,
					class,
					delegate,
					*amount,
					Change::Remove,
				);
			}
		}
		let record = VoteRecord {
			vote: None,
			scheme: tally.scheme,
			own: Zero::zero(),
			delegated: Zero::zero(),
			credits: 0,
			epoch: 0,
			override_of: None,
			person: None,
		};
		match position {
			Ok(i) => {
				if let Some(slot) = voting.votes.get_mut(i) {
					slot.1 = record;
				}
			},
			Err(i) => voting
				.votes
				.try_insert(i, (poll, record))
				.map_err(|_| Error::<T>::MaxVotesReached)?,
		}
		tally.recused = tally.recused.saturating_add(1);
		VotingFor::<T>::insert(who, class, voting);
		Self::deposit_event(Event::Recused { who: who.clone(), poll_index: poll });
		Ok(())
	}

	// ---------------------------------------------------------------------------------------
	// Invariants.
	// ---------------------------------------------------------------------------------------

	/// Recount the tally of every ongoing poll that has stored votes, from the stored votes and
	/// delegations (the same fold as the running tallies). Iterates all of [`VotingFor`]: for
	/// tests and try-runtime only.
	pub fn recount() -> Result<BTreeMap<PollIndexOf<T>, TallyOf<T>>, sp_runtime::TryRuntimeError> {
		let mut tallies: BTreeMap<PollIndexOf<T>, TallyOf<T>> = BTreeMap::new();
		for (_, class, voting) in VotingFor::<T>::iter() {
			for (poll, record) in voting.votes.iter() {
				let Some((tally, poll_class)) = T::Polls::as_ongoing(*poll) else { continue };
				ensure!(poll_class == class, "vote stored under another class than its poll's");
				let recount = tallies.entry(*poll).or_insert_with(|| {
					let mut recount = Tally::empty(tally.scheme);
					recount.clock = tally.clock;
					recount.last_ballot = tally.last_ballot;
					recount
				});
				match record.vote {
					None if record.is_voided() => {},
					None => recount.recused = recount.recused.saturating_add(1),
					Some(_) => {
						if let Some(c) = Self::record_contribution(tally.scheme, record) {
							recount.add(&c);
						}
					},
				}
			}
		}
		Ok(tallies)
	}

	/// Check the pallet's invariants:
	///
	/// - every ongoing poll with stored votes has the tally recounted from them (all fields);
	/// - each delegation-carrying ballot on an ongoing poll records the delegated weight its
	///   voter carries there now (token: exactly; reputation: within one point per delegator
	///   plus one, the rounding of the decay);
	/// - the weight and number of delegators of each account in each class are the sum and
	///   count of the delegations pointing to it (reputation: decayed to now, within one point
	///   per delegator plus one); nobody delegates to itself;
	/// - [`ClassDelegations`] of each class is the number of accounts delegating in it (never
	///   stored as zero);
	/// - each override is the sum of the `override_of` amounts of the delegators' votes on that
	///   poll, is never stored as zero, and matches the delegator's current delegation;
	/// - each account's token votes and token delegation in a class are covered by its lock for
	///   the class, and its freeze is the largest of its class locks;
	/// - no empty [`VotingFor`] record or [`ClassLocksFor`] entry; votes sorted by poll;
	/// - voice credits spent are within the budget, never stored as zero, and at least the
	///   credits of the current epoch's stored quadratic votes.
	///
	/// Iterates all of the pallet's storage: for tests and try-runtime only.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		Self::check_tallies()?;
		let mut seen = Self::check_records()?;
		Self::check_delegations(&mut seen)?;
		Self::check_overrides(&mut seen)?;
		Self::check_locks(&seen)?;
		Self::check_voice_credits(&mut seen)?;
		Self::check_person_ballots(&mut seen)
	}

	/// Every ongoing poll with stored votes has the tally recounted from them.
	fn check_tallies() -> Result<(), sp_runtime::TryRuntimeError> {
		for (poll, recount) in Self::recount()? {
			let (tally, _) = T::Polls::as_ongoing(poll).ok_or("recounted poll is not ongoing")?;
			ensure!(tally == recount, "tally differs from the recount of its votes");
		}
		Ok(())
	}

	/// Walk [`VotingFor`] once: check each record on its own (not empty, sorted, each ballot's
	/// delegated weight, overrides matching the delegation, persons only on quadratic ballots,
	/// token votes covered by the class lock) and collect what the other checks compare.
	fn check_records() -> Result<Seen<T>, sp_runtime::TryRuntimeError> {
		let epoch = Self::current_epoch();
		let now = Self::clock_now();
		let mut seen = Seen::<T>::default();
		for (who, class, voting) in VotingFor::<T>::iter() {
			ensure!(!voting.is_empty(), "empty voting record stored");
			ensure!(
				voting.votes.windows(2).all(|w| matches!(w, [a, b] if a.0 < b.0)),
				"votes not sorted by poll"
			);
			seen.records.insert(
				(who.clone(), class.clone()),
				(voting.delegations, voting.delegated_reputation.units_at(now), voting.delegators),
			);
			for (poll, record) in voting.votes.iter() {
				let Some(vote) = record.vote.as_ref() else { continue };
				let Some((tally, _)) = T::Polls::as_ongoing(*poll) else { continue };
				let expected = if vote.carries_delegation(record.scheme) {
					Self::effective_delegated(&voting, &tally, *poll, &who, now)
				} else {
					Zero::zero()
				};
				let slack: BalanceOf<T> = if record.scheme == Scheme::Reputation {
					voting.delegators.saturating_add(1).into()
				} else {
					Zero::zero()
				};
				ensure!(
					record.delegated <= expected.saturating_add(slack)
						&& expected <= record.delegated.saturating_add(slack),
					"ballot's delegated weight differs from what its voter carries"
				);
			}
			if let Some(delegation) = &voting.delegating {
				ensure!(delegation.target != who, "self-delegation stored");
				let entry = seen
					.delegated
					.entry((delegation.target.clone(), class.clone()))
					.or_insert((Zero::zero(), 0, 0));
				if delegation.scheme == Scheme::Reputation {
					entry.1 = entry.1.saturating_add(delegation.units_at(now));
				} else {
					ensure!(delegation.clock == 0, "token delegation with a decay clock");
					entry.0 = entry.0.saturating_add(delegation.amount);
				}
				entry.2 = entry.2.saturating_add(1);
				let count = seen.class_delegations.entry(class.clone()).or_insert(0);
				*count = count.saturating_add(1);
			}
			for (poll, record) in voting.votes.iter() {
				if let Some(DelegationOverride { delegate, amount }) = &record.override_of {
					// Token: the amount delegated; reputation: its value in the poll's frame
					// when last set.
					ensure!(
						voting.delegating.as_ref().is_some_and(|d| &d.target == delegate
							&& (d.scheme == Scheme::Reputation || d.amount == *amount)),
						"override does not match the voter's delegation"
					);
					let entry =
						seen.overrides.entry((*poll, delegate.clone())).or_insert(Zero::zero());
					*entry = entry.saturating_add(*amount);
				}
				if record.scheme == Scheme::Quadratic {
					let person = record.person.ok_or("quadratic ballot without a person")?;
					ensure!(
						seen.ballots.insert((person, *poll), who.clone()).is_none(),
						"two quadratic ballots of one person on one poll"
					);
					if record.epoch == epoch {
						let entry = seen.credits.entry(person).or_insert(0);
						*entry = entry.saturating_add(record.credits);
					}
				} else {
					ensure!(record.person.is_none(), "person on a ballot that is not quadratic");
				}
			}
			let needed = voting.token_lock();
			if !needed.is_zero() {
				let lock = Self::class_lock(&who, &class);
				ensure!(needed <= lock, "token votes or delegation not covered by the class lock");
			}
		}
		Ok(seen)
	}

	/// The weight and number of delegators of each account in each class are the sum and count
	/// of the delegations pointing to it; [`ClassDelegations`] counts the delegators per class.
	fn check_delegations(seen: &mut Seen<T>) -> Result<(), sp_runtime::TryRuntimeError> {
		for (key, (delegations, reputation, delegators)) in seen.records.iter() {
			let (expected, expected_units, count) =
				seen.delegated.remove(key).unwrap_or((Zero::zero(), 0, 0));
			ensure!(*delegations == expected, "delegated weight differs from its delegations");
			let slack = u128::from(count.saturating_add(1))
				.saturating_mul(ostrom_primitives::decay::UNITS_PER_POINT);
			ensure!(
				reputation.abs_diff(expected_units) <= slack,
				"delegated reputation differs from its delegations"
			);
			ensure!(count != 0 || *reputation == 0, "delegated reputation without delegators");
			ensure!(*delegators == count, "delegator count differs from its delegations");
		}
		ensure!(seen.delegated.is_empty(), "delegation to an account without a voting record");
		for (class, count) in ClassDelegations::<T>::iter() {
			ensure!(count != 0, "zero class delegation count stored");
			ensure!(
				seen.class_delegations.remove(&class) == Some(count),
				"class delegation count differs from its delegations"
			);
		}
		ensure!(seen.class_delegations.is_empty(), "class delegation count missing");
		Ok(())
	}

	/// Each override is the sum of its delegators' `override_of` amounts, never zero.
	fn check_overrides(seen: &mut Seen<T>) -> Result<(), sp_runtime::TryRuntimeError> {
		for (poll, delegate, amount) in Overrides::<T>::iter() {
			ensure!(!amount.is_zero(), "zero override stored");
			let expected = seen.overrides.remove(&(poll, delegate)).unwrap_or_else(Zero::zero);
			ensure!(amount == expected, "override differs from its delegators' votes");
		}
		ensure!(seen.overrides.values().all(|a| a.is_zero()), "override missing");
		Ok(())
	}

	/// Class locks are not empty, not zero, one per class; each account's freeze is its
	/// largest class lock (none without locks).
	fn check_locks(seen: &Seen<T>) -> Result<(), sp_runtime::TryRuntimeError> {
		for (who, locks) in ClassLocksFor::<T>::iter() {
			ensure!(!locks.is_empty(), "empty class locks stored");
			ensure!(locks.iter().all(|x| !x.1.is_zero()), "zero class lock stored");
			let unique = locks
				.iter()
				.enumerate()
				.all(|(i, x)| locks.iter().skip(i.saturating_add(1)).all(|y| y.0 != x.0));
			ensure!(unique, "class lock stored twice");
			let needed = locks.iter().map(|x| x.1).max().unwrap_or_else(Zero::zero);
			let frozen = <T::Currency as fungible::freeze::Inspect<T::AccountId>>::balance_frozen(
				&Self::freeze_id(),
				&who,
			);
			ensure!(frozen == needed, "freeze differs from the largest class lock");
		}
		for ((who, _), _) in seen.records.iter() {
			if ClassLocksFor::<T>::get(who).is_empty() {
				let frozen =
					<T::Currency as fungible::freeze::Inspect<T::AccountId>>::balance_frozen(
						&Self::freeze_id(),
						who,
					);
				ensure!(frozen.is_zero(), "freeze without class locks");
			}
		}
		Ok(())
	}

	/// Voice credits spent are within the budget, never zero, not from a future epoch, and at
	/// least the credits of the current epoch's stored quadratic votes.
	fn check_voice_credits(seen: &mut Seen<T>) -> Result<(), sp_runtime::TryRuntimeError> {
		let epoch = Self::current_epoch();
		let budget = T::VoiceCredits::get();
		for (who, CreditsSpent { epoch: stored, spent }) in VoiceCreditsSpent::<T>::iter() {
			ensure!(spent != 0, "zero voice credits stored");
			ensure!(spent <= budget, "voice credits over budget");
			ensure!(stored <= epoch, "voice credits of a future epoch");
			if stored == epoch {
				let voted = seen.credits.remove(&who).unwrap_or(0);
				ensure!(voted <= spent, "stored quadratic votes cost more than the credits spent");
			}
		}
		ensure!(seen.credits.values().all(|c| *c == 0), "quadratic votes without credits spent");
		Ok(())
	}

	/// [`PersonBallots`] lists exactly the stored quadratic ballots, sorted by poll.
	fn check_person_ballots(seen: &mut Seen<T>) -> Result<(), sp_runtime::TryRuntimeError> {
		for (person, entries) in PersonBallots::<T>::iter() {
			ensure!(!entries.is_empty(), "empty person ballots stored");
			ensure!(
				entries.windows(2).all(|w| matches!(w, [a, b] if a.0 < b.0)),
				"person ballots not sorted by poll"
			);
			for (poll, account) in entries.iter() {
				ensure!(
					seen.ballots.remove(&(person, *poll)).as_ref() == Some(account),
					"person ballot without its vote record"
				);
			}
		}
		ensure!(seen.ballots.is_empty(), "quadratic vote record missing from its person's ballots");
		Ok(())
	}
}

/// The number of accounts delegating in a class, from [`ClassDelegations`].
impl<T: Config> DelegationCount<ClassOf<T>> for Pallet<T> {
	fn delegations(class: &ClassOf<T>) -> u32 {
		ClassDelegations::<T>::get(class).unwrap_or(0)
	}
}

impl<T: Config> Recusal<T::AccountId, PollIndexOf<T>> for Pallet<T> {
	fn recuse(who: &T::AccountId, poll: PollIndexOf<T>) -> DispatchResult {
		frame_support::storage::with_storage_layer(|| {
			T::Polls::try_access_poll(poll, |status| {
				let (tally, class) = status.ensure_ongoing().ok_or(Error::<T>::NotOngoing)?;
				Self::recuse_in(who, poll, tally, &class)
			})
		})
	}

	fn is_recused(who: &T::AccountId, poll: PollIndexOf<T>) -> bool {
		let Some((_, class)) = T::Polls::as_ongoing(poll) else { return false };
		VotingFor::<T>::get(who, &class)
			.and_then(|voting| voting.record(poll).map(|record| record.is_recusal()))
			.unwrap_or(false)
	}
}

impl<T: Config> CouncilBallots<T::AccountId> for Pallet<T> {
	fn max_ballots() -> u32 {
		T::MaxVotes::get()
	}

	fn remove_council_ballots(who: &T::AccountId, max: u32) -> u32 {
		let mut removed: u32 = 0;
		// The classes `who` has records in (its council tracks, and any other track it voted
		// on), then in each its ballots on ongoing council polls.
		let classes: Vec<ClassOf<T>> = VotingFor::<T>::iter_key_prefix(who).collect();
		for class in classes {
			let Some(voting) = VotingFor::<T>::get(who, &class) else { continue };
			let polls: Vec<PollIndexOf<T>> = voting
				.votes
				.iter()
				.filter(|(_, record)| record.scheme == Scheme::Council && record.vote.is_some())
				.map(|(poll, _)| *poll)
				.collect();
			for poll in polls {
				if removed >= max {
					return removed;
				}
				if T::Polls::as_ongoing(poll).is_none() {
					continue;
				}
				let result = frame_support::storage::with_storage_layer(|| {
					Self::try_remove_vote(who, Some(class.clone()), poll, Removal::Any)
				});
				// An ongoing poll's ballot is always removable; if not, it is left as it is.
				if result.is_ok() {
					removed = removed.saturating_add(1);
				}
			}
		}
		removed
	}
}

impl<T: Config> Pallet<T> {
	/// Void `who`'s quadratic ballot on `poll` if the poll is ongoing and the ballot is live:
	/// it leaves the tally and stays as a voided record (credits stay spent). Returns whether
	/// a ballot was voided.
	fn void_ballot(who: &T::AccountId, person: PersonId, poll: PollIndexOf<T>) -> bool {
		T::Polls::access_poll(poll, |status| {
			let PollStatus::Ongoing(tally, class) = status else { return false };
			let Some(mut voting) = VotingFor::<T>::get(who, &class) else { return false };
			let Some(record) = voting.record_mut(poll) else { return false };
			if record.scheme != Scheme::Quadratic || record.vote.is_none() {
				return false;
			}
			if let Some(c) = Self::record_contribution(tally.scheme, record) {
				tally.remove(&c);
			}
			record.vote = None;
			record.own = Zero::zero();
			record.delegated = Zero::zero();
			VotingFor::<T>::insert(who, &class, voting);
			Self::deposit_event(Event::BallotVoided {
				who: who.clone(),
				person,
				poll_index: poll,
				tally: tally.clone(),
			});
			true
		})
	}
}

/// A removed credential voids the account's quadratic ballots on ongoing polls (at most
/// [`Config::MaxVotes`], the bound of [`PersonBallots`]).
impl<T: Config> OnCredentialRemoved<T::AccountId> for Pallet<T> {
	fn on_credential_removed(who: &T::AccountId, person: PersonId) -> Weight {
		let entries = PersonBallots::<T>::get(person);
		let examined = u32::try_from(entries.len()).unwrap_or(u32::MAX);
		for (poll, account) in entries.iter() {
			if account == who {
				Self::void_ballot(who, person, *poll);
			}
		}
		T::WeightInfo::void_ballots(examined)
	}

	fn max_weight() -> Weight {
		T::WeightInfo::void_ballots(T::MaxVotes::get())
	}
}

impl<T: Config> Pallet<T> {
	/// Set the own weight of `who`'s reputation ballots on ongoing polls of `class` (whose
	/// record is `voting`) to its current weighted reputation. Returns the number of votes
	/// examined.
	pub(crate) fn reweigh_own(
		who: &T::AccountId,
		class: &ClassOf<T>,
		mut voting: VotingOf<T>,
	) -> u32 {
		let weights = T::Schemes::reputation_weights(class);
		let score = T::Reputation::weighted_score(who, &weights);
		let now = Self::clock_now();
		let examined = voting.vote_count();
		for (poll, record) in voting.votes.iter_mut() {
			if record.scheme != Scheme::Reputation || record.vote.is_none() {
				continue;
			}
			let poll = *poll;
			T::Polls::access_poll(poll, |status| {
				let PollStatus::Ongoing(tally, _) = status else { return };
				let old = record.own;
				let own = tally.counted(score, now);
				if let Some(c) = Self::record_contribution(tally.scheme, record) {
					tally.remove(&c);
				}
				record.own = own;
				if let Some(c) = Self::record_contribution(tally.scheme, record) {
					tally.add(&c);
				}
				Self::deposit_event(Event::BallotReweighed {
					who: who.clone(),
					poll_index: poll,
					old,
					new: own,
					tally: tally.clone(),
				});
			});
		}
		VotingFor::<T>::insert(who, class, voting);
		examined
	}
}

/// A slashed account's reputation ballots on ongoing polls and its reputation delegations are
/// re-weighed at once, in every reputation class (per class: at most [`Config::MaxVotes`]
/// ballots, and one delegation refresh).
impl<T: Config> OnReputationSlashed<T::AccountId> for Pallet<T> {
	fn on_slashed(who: &T::AccountId) -> Weight {
		let mut used = Weight::zero();
		for class in T::Polls::classes() {
			if T::Schemes::scheme(&class) != Scheme::Reputation {
				continue;
			}
			let Some(voting) = VotingFor::<T>::get(who, &class) else { continue };
			let examined = Self::reweigh_own(who, &class, voting);
			used = used.saturating_add(T::WeightInfo::reweigh_ballots(examined));
			if let Ok((target_votes, own_votes)) = Self::try_refresh_delegation(who, class) {
				used =
					used.saturating_add(T::WeightInfo::refresh_delegation(target_votes, own_votes));
			}
		}
		used
	}

	fn max_weight() -> Weight {
		let classes = T::Polls::classes()
			.iter()
			.filter(|class| T::Schemes::scheme(class) == Scheme::Reputation)
			.count();
		let max = T::MaxVotes::get();
		T::WeightInfo::reweigh_ballots(max)
			.saturating_add(T::WeightInfo::refresh_delegation(max, max))
			.saturating_mul(u64::try_from(classes).unwrap_or(u64::MAX))
	}
}
