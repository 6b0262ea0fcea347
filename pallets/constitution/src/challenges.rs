//! Conflict-of-interest challenges: recusal, the challenge poll, and upholding or
//! dismissing it (with the slash and the deposit).

use frame_support::{pallet_prelude::*, storage::with_storage_layer};
use ostrom_primitives::Recusal;
use ostrom_primitives::ReputationSlasher;
use sp_runtime::traits::Saturating;

use crate::*;

impl<T: Config> Pallet<T> {
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
}
