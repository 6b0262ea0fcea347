//! # Voting pallet
//!
//! Ballots for `pallet-referenda` polls in four schemes, comparable side by side on one chain
//! (Ostrom design §3, "Voting schemes"):
//!
//! - **Token**: any account votes aye / nay / abstain, or splits, with balance that is frozen
//!   (one freeze per account, covering its largest vote) until the vote is removed and
//!   [`Pallet::unlock`] is called. Support = frozen aye + abstain / active issuance.
//! - **Quadratic**: persons only ([`Config::Personhood`]); `v` votes on a poll cost `v²` voice
//!   credits from an equal budget per epoch ([`Config::VoiceCredits`] every
//!   [`Config::EpochLength`] blocks); changing or removing a vote on an ongoing poll refunds
//!   the credits spent in the current epoch. Support = voters / persons (valid credentials).
//!   Credits and "has voted on this poll" belong to the **person** ([`PersonId`], the same
//!   across the person's key rotations), not the account: a second ballot of the same person on
//!   a poll from another account is refused ([`Error::PersonAlreadyVoted`]). When a credential
//!   is revoked or purged, `pallet-reputation` tells this pallet
//!   ([`ostrom_primitives::OnCredentialRemoved`]) and the account's quadratic ballots on
//!   ongoing polls are **voided**: they leave the tally, their credits stay spent, and the
//!   person cannot vote on those polls again.
//! - **Reputation**: weight = the voter's current domain-weighted reputation
//!   ([`Config::Reputation`], weights per class from [`Config::Schemes`]), read at vote time
//!   and refreshed by voting again. When the voter is slashed, `pallet-reputation` tells this
//!   pallet ([`ostrom_primitives::OnReputationSlashed`]) and the voter's reputation ballots on
//!   ongoing polls and its reputation delegations are re-weighed in the same block. Every
//!   reputation weight kept here (ballots, delegations, overrides) **decays** with the fastest
//!   decay clock ([`ostrom_primitives::ReputationProvider::fastest_clock`]): a poll's tally
//!   stores weights in the poll's decay frame ([`Tally::clock`]) and is read decayed to the
//!   current block, and a delegation decays from when it was read, so neither counts more than
//!   the reputation it came from when the poll is decided. Support = voters' reputation /
//!   total reputation, both as worth now.
//! - **Council**: one vote per seat ([`Config::Council`]); recused members
//!   ([`Recusal`]) cannot vote and leave the electorate. Support = ayes / non-recused seats.
//!
//! The pallet consumes [`frame_support::traits::Polling`] the way `pallet-conviction-voting`
//! does: its [`Tally`] is the tally `pallet-referenda` is configured with, and each poll's
//! class maps to a [`Scheme`] through [`SchemeOf`], fixed into the tally when the poll is
//! created.
//!
//! **Delegation** (token and reputation classes) is per class, revocable, one level deep, with
//! no self-delegation or loops. A delegate's ballot carries the delegated weight in O(1)
//! (`delegations − overrides` of the poll), however many accounts delegated to it. A
//! delegator who votes directly on a poll **overrides** its delegation on that poll only: its
//! weight moves out of the delegate's ballot there, and back if it removes the vote.
//!
//! Every tally keeps O(1) running aggregates for governance metrics (DESIGN §8): voters, total
//! weight, sum of squared weights, aye / nay / abstain, recusals; they are emitted in
//! [`Event::Voted`] and [`Event::VoteRemoved`] and readable through [`runtime_api::VotingApi`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod functions;
pub mod runtime_api;
pub mod tally;
pub mod traits;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use tally::{Contribution, Tally};
pub use traits::{CouncilBallots, DelegationCount, Members, Recusal, SchemeOf};
pub use types::*;
pub use weights::WeightInfo;

use frame_support::traits::{fungible, Polling};
use sp_runtime::traits::StaticLookup;

/// The balance type of [`Config::Currency`]: token amounts, and every ballot weight.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// The tally of a poll; `pallet-referenda`'s `Tally`.
pub type TallyOf<T> = Tally<T>;
/// The vote weights of a tally; `pallet-referenda`'s `Votes`.
pub type VotesOf<T> = BalanceOf<T>;
/// The class of a poll (the referendum track).
pub type ClassOf<T> = <<T as Config>::Polls as Polling<TallyOf<T>>>::Class;
/// The index of a poll (the referendum index).
pub type PollIndexOf<T> = <<T as Config>::Polls as Polling<TallyOf<T>>>::Index;
/// Account lookup source.
pub type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use ostrom_primitives::{PersonhoodProvider, ReputationProvider};

	#[pallet::pallet]
	pub struct Pallet<T>(PhantomData<T>);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// Weight information for the calls of this pallet.
		type WeightInfo: WeightInfo;

		/// The currency token votes and token delegations freeze.
		type Currency: fungible::Inspect<Self::AccountId>
			+ fungible::freeze::Mutate<Self::AccountId, Id = Self::RuntimeFreezeReason>;

		/// The overarching freeze reason.
		type RuntimeFreezeReason: From<FreezeReason>;

		/// The polls voted on (`pallet-referenda`); each poll's class is a referendum track.
		type Polls: Polling<TallyOf<Self>, Votes = BalanceOf<Self>>;

		/// The scheme of each class, and the domain weights of reputation classes.
		type Schemes: SchemeOf<ClassOf<Self>>;

		/// Current reputation, for reputation-scheme weights and support.
		type Reputation: ReputationProvider<Self::AccountId, DomainId>;

		/// Personhood, for who may vote in quadratic polls and their support.
		type Personhood: PersonhoodProvider<Self::AccountId>;

		/// The council electorate, for council-scheme polls.
		type Council: Members<Self::AccountId>;

		/// Maximum number of votes an account keeps in one class (votes on completed polls count
		/// until they are removed).
		#[pallet::constant]
		type MaxVotes: Get<u32>;

		/// Maximum number of classes in which one account has token balance frozen.
		#[pallet::constant]
		type MaxClasses: Get<u32>;

		/// Voice credits each person may spend on quadratic votes per epoch.
		#[pallet::constant]
		type VoiceCredits: Get<u32>;

		/// Length of a voice-credit epoch in blocks (epoch = block number / length). Not zero.
		#[pallet::constant]
		type EpochLength: Get<BlockNumberFor<Self>>;
	}

	/// The reason this pallet freezes balance.
	#[pallet::composite_enum]
	pub enum FreezeReason {
		/// Balance counted by token votes and token delegations.
		#[codec(index = 0)]
		Voting,
	}

	/// Everything an account does in a class: its votes (sorted by poll), the weight delegated
	/// to it, and its own delegation. Removed when empty.
	#[pallet::storage]
	pub type VotingFor<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		T::AccountId,
		Twox64Concat,
		ClassOf<T>,
		VotingOf<T>,
		OptionQuery,
	>;

	/// Weight moved out of a delegate's ballot on one poll by its delegators' direct votes:
	/// poll → delegate → weight. Never stored as zero.
	#[pallet::storage]
	pub type Overrides<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		PollIndexOf<T>,
		Twox64Concat,
		T::AccountId,
		BalanceOf<T>,
		OptionQuery,
	>;

	/// The balance each class needs frozen for an account (the largest of its token votes and
	/// token delegation there, until [`Pallet::unlock`] lowers it). The account's one freeze
	/// is the largest of these. Removed when empty.
	#[pallet::storage]
	pub type ClassLocksFor<T: Config> = StorageMap<
		_,
		Twox64Concat,
		T::AccountId,
		BoundedVec<(ClassOf<T>, BalanceOf<T>), T::MaxClasses>,
		ValueQuery,
	>;

	/// Number of accounts delegating in each class (each referendum track): one per
	/// [`VotingFor`] record whose `delegating` is set. Kept by [`Pallet::delegate`] and
	/// [`Pallet::undelegate`]; never stored as zero. The constitution reads it
	/// ([`DelegationCount`]) to refuse amendments that would change how a class's delegations
	/// count.
	#[pallet::storage]
	pub type ClassDelegations<T: Config> =
		StorageMap<_, Twox64Concat, ClassOf<T>, u32, OptionQuery>;

	/// Voice credits a person spent on quadratic votes, from any of its accounts, in one
	/// epoch. A record from an earlier epoch reads as nothing spent; [`Pallet::unlock`] of one
	/// of the person's accounts deletes it.
	#[pallet::storage]
	pub type VoiceCreditsSpent<T: Config> =
		StorageMap<_, Twox64Concat, PersonId, CreditsSpent, OptionQuery>;

	/// The quadratic ballots of each person (live or voided), sorted by poll: the poll and the
	/// account that cast it, one per poll, at most [`Config::MaxVotes`] over all classes. An
	/// entry lives as long as the account's vote record on the poll.
	#[pallet::storage]
	pub type PersonBallots<T: Config> = StorageMap<
		_,
		Twox64Concat,
		PersonId,
		BoundedVec<(PollIndexOf<T>, T::AccountId), T::MaxVotes>,
		ValueQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` voted on a poll; `weight` is its ballot weight, `tally` the poll's new tally.
		Voted {
			/// The voting account.
			who: T::AccountId,
			/// The poll (referendum index).
			poll_index: PollIndexOf<T>,
			/// The vote as cast.
			vote: AccountVote<BalanceOf<T>>,
			/// The ballot's weight in the tally (with the delegated weight it carries): token,
			/// balance in plancks; quadratic, votes; reputation, points in the poll's decay frame;
			/// council, 1.
			weight: BalanceOf<T>,
			/// The poll's tally after the vote.
			tally: TallyOf<T>,
		},
		/// `who`'s vote on a poll was removed; `tally` is the new tally if the poll is ongoing.
		VoteRemoved {
			/// The account whose vote was removed.
			who: T::AccountId,
			/// The poll (referendum index).
			poll_index: PollIndexOf<T>,
			/// The poll's tally after the removal; `None` if the poll is no longer ongoing.
			tally: Option<TallyOf<T>>,
		},
		/// `who`, delegating to `delegate`, voted directly on a poll: `amount` of weight left the
		/// delegate's ballot on that poll.
		DelegationOverridden {
			/// The delegating account that voted directly.
			who: T::AccountId,
			/// The account it delegates to.
			delegate: T::AccountId,
			/// The poll (referendum index).
			poll_index: PollIndexOf<T>,
			/// The delegated weight moved out of the delegate's ballot: token, balance in plancks;
			/// reputation, points in the poll's decay frame.
			amount: BalanceOf<T>,
		},
		/// `who` delegated `amount` of weight in `class` to `target`.
		Delegated {
			/// The delegating account.
			who: T::AccountId,
			/// The account delegated to.
			target: T::AccountId,
			/// The class (referendum track) of the delegation.
			class: ClassOf<T>,
			/// The weight delegated: token, balance in plancks (frozen); reputation, the
			/// delegator's current weighted reputation, in points.
			amount: BalanceOf<T>,
		},
		/// `who` withdrew its delegation of `amount` in `class` from `target` (token balance stays
		/// frozen until [`Pallet::unlock`]).
		Undelegated {
			/// The account that delegated.
			who: T::AccountId,
			/// The account it had delegated to.
			target: T::AccountId,
			/// The class (referendum track) of the delegation.
			class: ClassOf<T>,
			/// The weight withdrawn: token, balance in plancks; reputation, points as worth now
			/// (decayed).
			amount: BalanceOf<T>,
		},
		/// `who`'s reputation delegation to `target` in `class` was recomputed from `old` to
		/// `new`.
		DelegationRefreshed {
			/// The delegating account.
			who: T::AccountId,
			/// The account it delegates to.
			target: T::AccountId,
			/// The class (referendum track) of the delegation.
			class: ClassOf<T>,
			/// The delegation's weight before, as worth now (decayed), in reputation points.
			old: BalanceOf<T>,
			/// The delegation's new weight: the delegator's current weighted reputation, in points.
			new: BalanceOf<T>,
		},
		/// `who`'s frozen balance for `class` was recomputed; `remaining` is the balance the
		/// account still has frozen for voting (over all classes).
		Unlocked {
			/// The account whose freeze was recomputed.
			who: T::AccountId,
			/// The class (referendum track) recomputed.
			class: ClassOf<T>,
			/// The balance still frozen for voting, in plancks (zero: the freeze is removed).
			remaining: BalanceOf<T>,
		},
		/// Council member `who` was recused from a poll.
		Recused {
			/// The recused council member.
			who: T::AccountId,
			/// The poll (referendum index).
			poll_index: PollIndexOf<T>,
		},
		/// `who`'s reputation was slashed: its own weight in its reputation ballot on an ongoing
		/// poll went from `old` to `new` (`tally` is the new tally).
		BallotReweighed {
			/// The slashed voter.
			who: T::AccountId,
			/// The poll (referendum index).
			poll_index: PollIndexOf<T>,
			/// The voter's own weight before, in reputation points in the poll's decay frame.
			old: BalanceOf<T>,
			/// The voter's own weight now, in reputation points in the poll's decay frame.
			new: BalanceOf<T>,
			/// The poll's tally after the change.
			tally: TallyOf<T>,
		},
		/// `who`'s credential for `person` was removed: its quadratic ballot on an ongoing poll
		/// left the tally (`tally` is the new tally) and was voided.
		BallotVoided {
			/// The account whose credential was removed.
			who: T::AccountId,
			/// The person the credential was for; it cannot vote on the poll again.
			person: PersonId,
			/// The poll (referendum index).
			poll_index: PollIndexOf<T>,
			/// The poll's tally after the ballot left it.
			tally: TallyOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The poll is not ongoing.
		NotOngoing,
		/// The account has no vote on this poll (in this class).
		NotVoter,
		/// Only the voter may remove its vote from an ongoing poll.
		NoPermission,
		/// The poll is not ongoing: give its class.
		ClassNeeded,
		/// The class is not a class of the polls.
		BadClass,
		/// The vote does not have the shape of the poll's scheme (token: standard or split;
		/// quadratic: standard; reputation and council: own).
		WrongVoteForScheme,
		/// A token vote or delegation of no balance, or a quadratic vote of no votes.
		ZeroVote,
		/// The account's balance is smaller than the amount.
		InsufficientFunds,
		/// Only persons may vote in quadratic polls.
		NotPerson,
		/// The vote costs more voice credits than are left in this epoch.
		InsufficientCredits,
		/// The account has no reputation (and no delegated reputation) in the class's domains.
		NoReputation,
		/// Only council members may vote in (or be recused from) council polls.
		NotCouncilMember,
		/// The member is recused from this poll.
		Recused,
		/// Only council polls have recusals.
		NotCouncilPoll,
		/// The account has the maximum number of votes in this class; remove votes on
		/// completed polls first.
		MaxVotesReached,
		/// The class's scheme has no delegation (quadratic and council).
		NotDelegable,
		/// An account cannot delegate to itself.
		SelfDelegation,
		/// The account is already delegating in this class.
		AlreadyDelegating,
		/// The account is not delegating in this class.
		NotDelegating,
		/// The target is itself delegating in this class (delegation is one level deep, which
		/// also rules out loops).
		DelegationLoop,
		/// Reputation delegations carry the delegator's reputation: the amount must be zero.
		AmountNotApplicable,
		/// An amount overflows.
		Overflow,
		/// The account has frozen balance in the maximum number of classes; unlock one first.
		TooManyClasses,
		/// The voter's person already has a quadratic ballot on this poll (cast from another
		/// account, or voided when a credential of the person was removed).
		PersonAlreadyVoted,
		/// The ballot was voided when the voter's credential was removed; it is removed once
		/// the poll is over.
		Voided,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(!T::EpochLength::get().is_zero(), "EpochLength must not be zero");
			assert!(T::MaxVotes::get() > 0, "MaxVotes must not be zero");
			assert!(T::MaxClasses::get() > 0, "MaxClasses must not be zero");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Vote on an ongoing poll, or change the caller's vote on it, in the shape of the
		/// poll's scheme (see [`AccountVote`]):
		///
		/// - token: `Standard` or `Split`, with at most the caller's balance, which is frozen;
		/// - quadratic (persons only): `Standard` with `v ≥ 1` votes for `v²` voice credits;
		/// - reputation: `Own`, weighing the caller's current reputation;
		/// - council (members not recused): `Own`.
		///
		/// A standard token vote and a reputation vote also carry the weight delegated to the
		/// caller. If the caller delegates in the poll's class, a new vote overrides the
		/// delegation on this poll ([`Event::DelegationOverridden`]).
		///
		/// Emits [`Event::Voted`].
		#[pallet::call_index(0)]
		#[pallet::weight(
			T::WeightInfo::vote_new(T::MaxVotes::get())
				.max(T::WeightInfo::vote_existing(T::MaxVotes::get()))
		)]
		pub fn vote(
			origin: OriginFor<T>,
			#[pallet::compact] poll_index: PollIndexOf<T>,
			vote: AccountVote<BalanceOf<T>>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let weight = match Self::try_vote(&who, poll_index, vote)? {
				Cast::New(votes) => T::WeightInfo::vote_new(votes),
				Cast::NewInSameBlock(votes) => T::WeightInfo::vote_same_block(votes),
				Cast::Changed(votes) => T::WeightInfo::vote_existing(votes),
			};
			Ok(Some(weight).into())
		}

		/// Remove the caller's vote on a poll. On an ongoing poll its weight leaves the tally
		/// (and quadratic credits spent in this epoch are refunded); a completed poll's vote is
		/// just deleted, for which `class` must be given. A delegation the vote overrode is
		/// restored on the poll. A recused member's record, or a voided quadratic ballot, can
		/// only be removed once the poll is not ongoing. Frozen balance stays until
		/// [`Pallet::unlock`].
		///
		/// Emits [`Event::VoteRemoved`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_vote(T::MaxVotes::get()))]
		pub fn remove_vote(
			origin: OriginFor<T>,
			class: Option<ClassOf<T>>,
			poll_index: PollIndexOf<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let votes = Self::try_remove_vote(&who, class, poll_index, Removal::Any)?;
			Ok(Some(T::WeightInfo::remove_vote(votes)).into())
		}

		/// Remove `target`'s vote on a poll that is no longer ongoing (anyone may clean up).
		/// If `target` is the caller, this is [`Pallet::remove_vote`].
		///
		/// Emits [`Event::VoteRemoved`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::remove_other_vote(T::MaxVotes::get()))]
		pub fn remove_other_vote(
			origin: OriginFor<T>,
			target: AccountIdLookupOf<T>,
			class: ClassOf<T>,
			poll_index: PollIndexOf<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let target = T::Lookup::lookup(target)?;
			let removal = if target == who { Removal::Any } else { Removal::OnlyFinished };
			let votes = Self::try_remove_vote(&target, Some(class), poll_index, removal)?;
			Ok(Some(T::WeightInfo::remove_other_vote(votes)).into())
		}

		/// Delegate the caller's weight in `class` (a token or reputation class) to `to`:
		/// `amount` of frozen balance (token), or the caller's current weighted reputation
		/// (reputation; `amount` must be zero). One level only: `to` must not be delegating in
		/// `class`. The weight joins `to`'s ballots on ongoing polls, except the polls the caller
		/// voted on directly, where the caller's own vote overrides the delegation.
		///
		/// Emits [`Event::Delegated`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::delegate(T::MaxVotes::get(), T::MaxVotes::get()))]
		pub fn delegate(
			origin: OriginFor<T>,
			class: ClassOf<T>,
			to: AccountIdLookupOf<T>,
			amount: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let to = T::Lookup::lookup(to)?;
			let (target_votes, own_votes) = Self::try_delegate(&who, class, &to, amount)?;
			Ok(Some(T::WeightInfo::delegate(target_votes, own_votes)).into())
		}

		/// End the caller's delegation in `class`: its weight leaves the delegate's ballots on
		/// ongoing polls. Token balance stays frozen until [`Pallet::unlock`].
		///
		/// Emits [`Event::Undelegated`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::undelegate(T::MaxVotes::get(), T::MaxVotes::get()))]
		pub fn undelegate(origin: OriginFor<T>, class: ClassOf<T>) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let (target_votes, own_votes) = Self::try_undelegate(&who, class)?;
			Ok(Some(T::WeightInfo::undelegate(target_votes, own_votes)).into())
		}

		/// Recompute the weight of `who`'s reputation delegation in `class` from its current
		/// reputation, and move the difference onto the delegate's totals and ongoing ballots, so
		/// that decay and slashing reach delegated weight. Anyone may call this.
		///
		/// Emits [`Event::DelegationRefreshed`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::refresh_delegation(
			T::MaxVotes::get(),
			T::MaxVotes::get()
		))]
		pub fn refresh_delegation(
			origin: OriginFor<T>,
			who: AccountIdLookupOf<T>,
			class: ClassOf<T>,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let who = T::Lookup::lookup(who)?;
			let (target_votes, own_votes) = Self::try_refresh_delegation(&who, class)?;
			Ok(Some(T::WeightInfo::refresh_delegation(target_votes, own_votes)).into())
		}

		/// Recompute the balance `target` needs frozen for `class` (its largest token vote still
		/// stored there and its token delegation), lower its freeze accordingly, and delete its
		/// voice-credit record if it is from an earlier epoch. Anyone may call this.
		///
		/// Emits [`Event::Unlocked`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::unlock(T::MaxVotes::get()))]
		pub fn unlock(
			origin: OriginFor<T>,
			class: ClassOf<T>,
			target: AccountIdLookupOf<T>,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let target = T::Lookup::lookup(target)?;
			let votes = Self::do_unlock(&target, class)?;
			Ok(Some(T::WeightInfo::unlock(votes)).into())
		}
	}
}
