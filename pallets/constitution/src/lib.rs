//! # Constitution pallet
//!
//! The institutional core of Ostrom (design §3): a council of non-transferable seats
//! (**House A**) and a community chamber (**House B**) decide together under rules the chain
//! enforces and that only an amendment can change.
//!
//! - **Class table** ([`Classes`]): per decision class, the houses that vote, each house's
//!   scheme and referendum track parameters, the [`JointRule`] (`Concurrence`,
//!   `CommunityWithCouncilVeto { window }`, `CouncilWithCommunityAppeal { window }`), an optional
//!   supermajority [`Override`] after a mediation timelock, the enactment delay and the
//!   [`DispatchAs`] origin of approved calls. Set at genesis; changed only by
//!   [`Pallet::amend_class`] with the origin of the amendment class. Only the runtime-upgrade
//!   class ([`UpgradeClass`], two houses in concurrence) dispatches as Root, and approved
//!   through its override alone it enacts only [`Config::OverrideCalls`] (the upgrade path);
//!   the amendment class's approvals never go below [`Config::AmendmentApprovalFloor`]. The pallet implements
//!   `pallet_referenda::TracksInfo` and `ostrom_primitives::SchemeOf` from it (track
//!   `class · 4 + kind`, see [`kinds`]), so thresholds change by amendment, without a runtime
//!   upgrade.
//! - **Joint decisions**: [`Pallet::propose`] (with [`Config::DecisionDeposit`]) opens the
//!   polls the class's rule needs through [`Config::Polls`]. Each poll's proposal is this
//!   pallet's [`Pallet::record_outcome`], dispatched with [`RawOrigin::House`] when the poll is
//!   approved; rejections, timelocks and timeouts are observed by the permissionless
//!   [`Pallet::advance`]. An approved decision's call is scheduled through [`Config::Enactor`]
//!   after the class's enactment delay, with Root or [`RawOrigin::Class`]. A call is enacted by no
//!   other route: only polls this pallet opened for the decision count. Every decision ends in
//!   an [`Outcome`] (enacted, rejected, vetoed, voided, expired) with
//!   [`Event::DecisionClosed`], and its record is removed.
//! - **Amendments**: the class table, the constitution text hash and the council seat rules
//!   change only with [`RawOrigin::Class`] of the amendment class (a two-house concurrence class,
//!   entrenched as such); so do the guardians (`pallet-guardians`, whose amendment origin the
//!   runtime maps to this class).
//! - **Council seats** ([`Seats`]): bounded, non-transferable, with terms that lapse;
//!   eligibility is reputation thresholds; seating and removal are decisions of the seating
//!   class. The pallet implements `ostrom_primitives::Members` for council voting.
//! - **Conflict of interest**: [`Pallet::declare_conflict`] recuses a member from a poll
//!   ([`Config::Recusal`]); [`Pallet::challenge_conflict`] (with [`Config::ChallengeDeposit`])
//!   opens a council poll of the challenge class from which the member is recused, about an
//!   ongoing council poll the member may vote on; upheld → the member is recused from the poll
//!   (its vote removed) and, if that recusal took effect, its reputation slashed
//!   ([`Config::Slasher`]), at most once per member and poll; rejected → the deposit is slashed.
//! - **Appeals**: a decision of a `CouncilWithCommunityAppeal` class is enacted only after its
//!   window; [`Pallet::appeal`] (with [`Config::AppealDeposit`]) opens a community poll that
//!   voids it if approved.
//! - **Holds**: a guardian's provisional cancellation of a decision (`pallet-guardians`) puts it
//!   on hold ([`Pallet::hold_decision`]): its polls keep running, but it cannot be closed or
//!   enacted ([`Error::DecisionOnHold`]) until the hold is confirmed
//!   ([`Pallet::cancel_held_decision`]: the decision is rejected) or ends
//!   ([`Pallet::resume_decision`]: the decision moves on, the time on hold added to its age).
//!   Decisions of the amendment class (which alone changes the guardians) and of the
//!   ratification class (which oversees them) are never held ([`Error::NotHoldable`]).
//!
//! Clients read the table, the council and decisions through [`runtime_api::ConstitutionApi`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod amendments;
mod challenges;
mod decisions;
mod hold;
mod invariants;
pub mod origins;
pub mod presets;
pub mod runtime_api;
mod seats;
pub mod tracks;
pub mod traits;
pub mod types;
mod views;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use origins::{enactment_origin, EnsureAnyClass, EnsureClass, EnsureHouse, EnsureOpening};
pub use pallet::*;
#[cfg(feature = "runtime-benchmarks")]
pub use traits::BenchmarkHelper;
pub use traits::{Enactor, PollOpener};
pub use types::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use frame_support::{
	pallet_prelude::*,
	traits::{fungible, Contains, OnUnbalanced, QueryPreimage},
};
use frame_system::pallet_prelude::*;
use ostrom_primitives::{CouncilBallots, DelegationCount, Recusal};
use ostrom_primitives::{ReputationProvider, ReputationSlasher};
use sp_runtime::Perbill;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::constitution";

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	#[pallet::pallet]
	pub struct Pallet<T>(PhantomData<T>);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// The overarching origin, which this pallet's [`Origin`] converts into and out of.
		type RuntimeOrigin: From<Origin<Self>>
			+ Into<Result<Origin<Self>, <Self as Config>::RuntimeOrigin>>
			+ IsType<<Self as frame_system::Config>::RuntimeOrigin>;

		/// The overarching call: the calls decisions carry, and the proposals of their polls
		/// (calls of this pallet).
		type RuntimeCall: Parameter
			+ From<Call<Self>>
			+ IsType<<Self as frame_system::Config>::RuntimeCall>;

		/// Weight information for the calls of this pallet.
		type WeightInfo: WeightInfo;

		/// The currency deposits are held in.
		type Currency: fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ fungible::BalancedHold<Self::AccountId>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Where slashed deposits (rejected challenges and appeals) go, e.g. the treasury.
		type Slash: OnUnbalanced<CreditOf<Self>>;

		/// The index of a poll (the referendum index).
		type PollIndex: Parameter + Member + MaxEncodedLen + Copy + Ord;

		/// Opens and reads the houses' polls (`pallet-referenda` in Ostrom).
		type Polls: PollOpener<Self::AccountId, Self::PollIndex, <Self as Config>::RuntimeCall>;

		/// Schedules the calls of approved decisions (`pallet-scheduler` in Ostrom).
		type Enactor: Enactor<BlockNumberFor<Self>, BoundedCallOf<Self>>;

		/// Recuses council members from polls, and removes the ballots of members who leave
		/// the council from ongoing council polls (`pallet-voting` in Ostrom).
		type Recusal: Recusal<Self::AccountId, Self::PollIndex> + CouncilBallots<Self::AccountId>;

		/// How many accounts delegate on each track (`pallet-voting` in Ostrom): while any do
		/// on a track of a class, an amendment may not change how their delegations count
		/// ([`Error::ClassHasDelegations`]).
		type Delegations: DelegationCount<TrackId>;

		/// The preimages of calls proposed by hash (`pallet-preimage` in Ostrom): a decision
		/// requests its call's preimage when it is proposed and drops the request when it
		/// closes, so the call voted on cannot be removed before it is enacted.
		type Preimages: QueryPreimage<H = Self::Hashing>;

		/// The only calls a decision of the runtime-upgrade class (or any decision dispatched as
		/// Root) may enact when it was approved through the override alone, against the other
		/// house (Ostrom: `system.authorize_upgrade` and `authorize_upgrade_without_checks`).
		type OverrideCalls: Contains<<Self as Config>::RuntimeCall>;

		/// The lowest approval any poll of the amendment class may require, at any point of its
		/// track's curve (Ostrom: 2/3). An amendment cannot take the amendment class below it.
		#[pallet::constant]
		type AmendmentApprovalFloor: Get<Perbill>;

		/// Current reputation, for seat eligibility.
		type Reputation: ReputationProvider<Self::AccountId, DomainId>;

		/// Slashes the reputation of members whose undeclared conflict is upheld. Upholding a
		/// challenge charges its `on_slashed_max_weight` (the re-weighing of the member's
		/// ballots that follows a slash) on top of the measured weight.
		type Slasher: ReputationSlasher<Self::AccountId, DomainId, Self::Hash>;

		/// Deposit held from the proposer of a decision until it ends.
		#[pallet::constant]
		type DecisionDeposit: Get<BalanceOf<Self>>;

		/// Deposit held from an appellant; returned if the appeal is upheld, slashed if not.
		#[pallet::constant]
		type AppealDeposit: Get<BalanceOf<Self>>;

		/// Deposit held from a challenger; returned if the challenge is upheld, slashed if not.
		#[pallet::constant]
		type ChallengeDeposit: Get<BalanceOf<Self>>;

		/// Share of a member's reputation (in every domain) slashed when a challenge of its
		/// undeclared conflict is upheld.
		#[pallet::constant]
		type ChallengeSlash: Get<Perbill>;

		/// Blocks after which an undecided decision or challenge can be expired (not zero;
		/// longer than the longest route of the class table).
		#[pallet::constant]
		type MaxDecisionAge: Get<BlockNumberFor<Self>>;

		/// Maximum number of classes (at most 256, not zero).
		#[pallet::constant]
		type MaxClasses: Get<u32>;

		/// Maximum number of council seats (not zero).
		#[pallet::constant]
		type MaxSeats: Get<u32>;

		/// Opens polls and sets reputation for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, Self::PollIndex>;
	}

	/// The origins of this pallet (see [`Origin`]).
	#[derive(
		Clone,
		Copy,
		PartialEq,
		Eq,
		Debug,
		Encode,
		Decode,
		DecodeWithMemTracking,
		TypeInfo,
		MaxEncodedLen,
	)]
	pub enum RawOrigin<AccountId> {
		/// A house's poll of kind `kind` (see [`kinds`]) on a decision of class `class`: the
		/// origin a poll's proposal ([`Pallet::record_outcome`]) is dispatched with, and the
		/// origin whose track (`class · 4 + kind`) the poll runs on.
		#[codec(index = 0)]
		House {
			/// The class.
			class: ClassId,
			/// The poll kind.
			kind: PollKind,
		},
		/// An approved decision of class `class` whose class dispatches as
		/// [`DispatchAs::Class`].
		#[codec(index = 1)]
		Class(ClassId),
		/// The constitution opening a poll of one of its decisions, challenges or appeals on
		/// behalf of `payer`, who pays the poll's deposits: the origin `pallet-referenda`'s
		/// `submit` is dispatched with by the runtime's poll opener, and the only one its
		/// `SubmitOrigin` accepts ([`EnsureOpening`]), so nobody submits referenda around the
		/// constitution. No call is ever dispatched with it otherwise.
		#[codec(index = 2)]
		Opening(AccountId),
	}

	/// The origins of this pallet, with the runtime's account type.
	#[pallet::origin]
	pub type Origin<T> = RawOrigin<<T as frame_system::Config>::AccountId>;

	/// A reason for this pallet placing a hold on funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a decision's proposer.
		#[codec(index = 0)]
		Decision,
		/// The deposit of an appellant.
		#[codec(index = 1)]
		Appeal,
		/// The deposit of a challenger.
		#[codec(index = 2)]
		Challenge,
	}

	/// The class table (at most [`Config::MaxClasses`] entries, counted).
	#[pallet::storage]
	pub type Classes<T: Config> =
		CountedStorageMap<_, Twox64Concat, ClassId, ClassInfoOf<T>, OptionQuery>;

	/// Number of open decisions and challenges of each class (absent when zero). While it is
	/// not zero, an amendment may not change the class's houses, rule kind, override house,
	/// community scheme or reputation weights.
	#[pallet::storage]
	pub type ClassUsage<T: Config> = StorageMap<_, Twox64Concat, ClassId, u32, ValueQuery>;

	/// The class whose [`RawOrigin::Class`] amends the class table, the constitution text and the
	/// seat rules, and (in the runtime) the guardians (set at genesis).
	#[pallet::storage]
	pub type AmendmentClass<T: Config> = StorageValue<_, ClassId, OptionQuery>;

	/// The runtime-upgrade class (set at genesis): the only class that may dispatch as Root,
	/// entrenched as a two-house concurrence class; approved through its override alone, it
	/// enacts only [`Config::OverrideCalls`].
	#[pallet::storage]
	pub type UpgradeClass<T: Config> = StorageValue<_, ClassId, OptionQuery>;

	/// The class that ratifies, lifts and confirms the guardians' emergency measures (set at
	/// genesis; the runtime maps `pallet-guardians`' ratification origin to it).
	#[pallet::storage]
	pub type RatificationClass<T: Config> = StorageValue<_, ClassId, OptionQuery>;

	/// The class whose council track decides conflict-of-interest challenges (set at genesis).
	#[pallet::storage]
	pub type ChallengeClass<T: Config> = StorageValue<_, ClassId, OptionQuery>;

	/// The class whose [`RawOrigin::Class`] seats and unseats council members (set at genesis).
	#[pallet::storage]
	pub type SeatingClass<T: Config> = StorageValue<_, ClassId, OptionQuery>;

	/// Hash of the text of the constitution.
	#[pallet::storage]
	pub type ConstitutionText<T: Config> = StorageValue<_, T::Hash, OptionQuery>;

	/// The open joint decisions.
	#[pallet::storage]
	pub type Decisions<T: Config> =
		StorageMap<_, Twox64Concat, DecisionId, DecisionOf<T>, OptionQuery>;

	/// Identifier of the next decision.
	#[pallet::storage]
	pub type NextDecisionId<T: Config> = StorageValue<_, DecisionId, ValueQuery>;

	/// The council seats, `(member, block at which the term ends)`, sorted by member. A seat
	/// whose term has ended counts for nothing until it is purged or renewed.
	#[pallet::storage]
	pub type Seats<T: Config> = StorageValue<_, SeatsOf<T>, ValueQuery>;

	/// The council seat rules.
	#[pallet::storage]
	pub type CouncilSeatRules<T: Config> = StorageValue<_, SeatRulesOf<T>, ValueQuery>;

	/// The open conflict-of-interest challenges.
	#[pallet::storage]
	pub type Challenges<T: Config> =
		StorageMap<_, Twox64Concat, ChallengeId, ChallengeOf<T>, OptionQuery>;

	/// The open challenge of each (poll, member), if any.
	#[pallet::storage]
	pub type ChallengeIndex<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		T::PollIndex,
		Blake2_128Concat,
		T::AccountId,
		ChallengeId,
		OptionQuery,
	>;

	/// Identifier of the next challenge.
	#[pallet::storage]
	pub type NextChallengeId<T: Config> = StorageValue<_, ChallengeId, ValueQuery>;

	/// The decisions on hold, and the block each hold began (see [`Pallet::hold_decision`]).
	#[pallet::storage]
	pub type OnHold<T: Config> =
		StorageMap<_, Twox64Concat, DecisionId, BlockNumberFor<T>, OptionQuery>;

	/// The initial constitution.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The class table: `(id, class)` (see [`presets::development_classes`]).
		pub classes: Vec<(ClassId, ClassInfoOf<T>)>,
		/// The amendment class (ignored without classes).
		pub amendment_class: ClassId,
		/// The runtime-upgrade class, the only one that may dispatch as Root (ignored without
		/// classes).
		pub upgrade_class: ClassId,
		/// The emergency-ratification class (ignored without classes).
		pub ratification_class: ClassId,
		/// The conflict-challenge class (ignored without classes).
		pub challenge_class: ClassId,
		/// The council-seating class (ignored without classes).
		pub seating_class: ClassId,
		/// The council seat rules.
		pub seat_rules: SeatRulesOf<T>,
		/// The founding council: `(member, block at which the term ends)`; eligibility is not
		/// checked.
		pub seats: Vec<(T::AccountId, BlockNumberFor<T>)>,
		/// Hash of the text of the constitution.
		pub constitution_text: Option<T::Hash>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Pallet::<T>::build_genesis(self).expect("invalid constitution genesis");
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Class `class` was added to the table or replaced.
		ClassAmended {
			/// The class's id.
			class: ClassId,
			/// The class's new rules.
			info: ClassInfoOf<T>,
		},
		/// The hash of the constitution's text changed.
		ConstitutionTextSet {
			/// Hash of the constitution's new text.
			hash: T::Hash,
		},
		/// The council seat rules changed.
		SeatRulesSet {
			/// The new rules: number of seats, term length and reputation thresholds.
			rules: SeatRulesOf<T>,
		},
		/// A decision of `class` was proposed; `polls` are the polls opened.
		Proposed {
			/// The new decision's id.
			decision: DecisionId,
			/// The decision's class.
			class: ClassId,
			/// The account that proposed it and whose deposit is held.
			proposer: T::AccountId,
			/// Hash of the proposed call.
			call_hash: T::Hash,
			/// The polls opened: the council's and/or the community's.
			polls: DecisionPolls<T::PollIndex>,
		},
		/// The approval of poll `poll` (of kind `kind`) on a decision was recorded.
		OutcomeRecorded {
			/// The decision.
			decision: DecisionId,
			/// The kind of the approved poll.
			kind: PollKind,
			/// The approved poll (referendum index).
			poll: T::PollIndex,
		},
		/// One house rejected what the override house approved: the override poll can be
		/// opened from block `until`.
		MediationStarted {
			/// The decision.
			decision: DecisionId,
			/// The block from which the override poll can be opened.
			until: BlockNumberFor<T>,
		},
		/// The override poll of a decision was opened.
		OverridePollOpened {
			/// The decision.
			decision: DecisionId,
			/// The override poll (referendum index).
			poll: T::PollIndex,
		},
		/// The override house overrode the other house's rejection.
		Overridden {
			/// The decision.
			decision: DecisionId,
		},
		/// The council's veto poll on a community decision was opened; the decision cannot be
		/// enacted before block `until`.
		VetoPollOpened {
			/// The decision.
			decision: DecisionId,
			/// The council's veto poll (referendum index).
			poll: T::PollIndex,
			/// The block at which the veto window ends.
			until: BlockNumberFor<T>,
		},
		/// The council approved a decision that can be appealed until block `until`.
		AppealWindowOpened {
			/// The decision.
			decision: DecisionId,
			/// The block at which the appeal window ends (appeals are accepted before it).
			until: BlockNumberFor<T>,
		},
		/// `appellant` appealed a council decision: the community's appeal poll `poll` is open.
		Appealed {
			/// The appealed decision.
			decision: DecisionId,
			/// The account that appealed and whose deposit is held.
			appellant: T::AccountId,
			/// The community's appeal poll (referendum index).
			poll: T::PollIndex,
		},
		/// The community upheld an appeal; the appellant's deposit is returned.
		AppealUpheld {
			/// The decision, voided.
			decision: DecisionId,
			/// The account that appealed.
			appellant: T::AccountId,
		},
		/// The community rejected an appeal; the appellant's deposit was slashed.
		AppealRejected {
			/// The appealed decision, which moves on to enactment.
			decision: DecisionId,
			/// The account that appealed.
			appellant: T::AccountId,
			/// The part of the appeal deposit slashed, in plancks.
			slashed: BalanceOf<T>,
		},
		/// A poll of kind `kind` could not be opened (paid by the proposer); anyone may open it
		/// with [`Pallet::advance`].
		PollOpenFailed {
			/// The decision.
			decision: DecisionId,
			/// The kind of the poll not opened.
			kind: PollKind,
			/// Why opening the poll failed (e.g. the proposer cannot pay its deposit).
			error: DispatchError,
		},
		/// An approved decision's call could not be scheduled; [`Pallet::advance`] retries.
		EnactmentFailed {
			/// The approved decision.
			decision: DecisionId,
			/// Why scheduling the call failed.
			error: DispatchError,
		},
		/// A decision ended with `outcome`; its record was removed and its deposits returned
		/// (or slashed, as reported before).
		DecisionClosed {
			/// The decision.
			decision: DecisionId,
			/// The decision's class.
			class: ClassId,
			/// How the decision ended (if enacted, the block its call is dispatched at).
			outcome: Outcome<BlockNumberFor<T>>,
		},
		/// `who` was seated on the council until block `term_end`.
		Seated {
			/// The council member.
			who: T::AccountId,
			/// The block at which the member's term ends.
			term_end: BlockNumberFor<T>,
		},
		/// `who` was removed from the council by the seating class.
		Unseated {
			/// The former council member.
			who: T::AccountId,
		},
		/// The term of `who` had ended; its seat was removed.
		SeatLapsed {
			/// The former council member.
			who: T::AccountId,
		},
		/// `count` ballots of `who`, who left the council, were removed from ongoing council
		/// polls.
		CouncilBallotsRemoved {
			/// The former council member.
			who: T::AccountId,
			/// The number of ballots removed.
			count: u32,
		},
		/// Council member `member` declared a conflict on poll `poll` and was recused.
		ConflictDeclared {
			/// The recused council member.
			member: T::AccountId,
			/// The council poll (referendum index).
			poll: T::PollIndex,
		},
		/// `challenger` challenged `member`'s undeclared conflict on `poll`; the council decides
		/// in `challenge_poll`, without `member`.
		ConflictChallenged {
			/// The challenge's id.
			challenge: ChallengeId,
			/// The account that challenged and whose deposit is held.
			challenger: T::AccountId,
			/// The challenged council member.
			member: T::AccountId,
			/// The council poll the conflict is about (referendum index).
			poll: T::PollIndex,
			/// Hash of the challenger's evidence.
			evidence: T::Hash,
			/// The council poll deciding the challenge (referendum index).
			challenge_poll: T::PollIndex,
		},
		/// The council upheld a challenge: `member` was recused from `poll` (`recused` is false
		/// if the poll had ended or the member was recused already) and `slashed` points of its
		/// reputation removed; the challenger's deposit is returned.
		ChallengeUpheld {
			/// The challenge's id.
			challenge: ChallengeId,
			/// The challenged council member.
			member: T::AccountId,
			/// The council poll the conflict is about (referendum index).
			poll: T::PollIndex,
			/// Whether the member was recused from `poll` now.
			recused: bool,
			/// The reputation points removed from the member, over all domains (zero if it was
			/// not recused or the slash failed).
			slashed: u128,
		},
		/// The council rejected a challenge; the challenger's deposit was slashed.
		ChallengeRejected {
			/// The challenge's id.
			challenge: ChallengeId,
			/// The account that challenged.
			challenger: T::AccountId,
			/// The part of the challenge deposit slashed, in plancks.
			slashed: BalanceOf<T>,
		},
		/// A challenge was not decided in time; the challenger's deposit is returned.
		ChallengeExpired {
			/// The challenge's id.
			challenge: ChallengeId,
		},
		/// A decision was put on hold: it cannot be closed or enacted until the hold ends.
		DecisionHeld {
			/// The decision.
			decision: DecisionId,
		},
		/// A decision's hold ended: it moves on again, `held_for` blocks added to its age.
		DecisionResumed {
			/// The decision.
			decision: DecisionId,
			/// The number of blocks the decision was on hold.
			held_for: BlockNumberFor<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No class with this id.
		UnknownClass,
		/// The maximum number of classes is reached.
		TooManyClasses,
		/// A class name must not be empty.
		EmptyClassName,
		/// The class's houses do not match the tracks it has.
		HousesMismatch,
		/// Vetoes and appeals need both houses.
		RuleNeedsBothHouses,
		/// An override needs both houses and the concurrence rule.
		OverrideNeedsConcurrence,
		/// A track needs a non-zero `max_deciding` and decision period.
		InvalidTrack,
		/// A threshold curve is malformed.
		InvalidCurve,
		/// An approval threshold (or an override's approval) goes below 50 %.
		ApprovalBelowMajority,
		/// Reputation weights are needed for, and only for, a reputation scheme.
		ReputationWeightsMismatch,
		/// The amendment class must be a two-house concurrence class without override,
		/// dispatching as its class; the runtime-upgrade class a two-house concurrence class;
		/// the ratification and seating classes must dispatch as their class; the challenge
		/// class needs council polls whose support floor is above half of the council.
		EntrenchedClass,
		/// Only the runtime-upgrade class may dispatch as Root.
		RootReserved,
		/// A track of the amendment class would require less approval than
		/// [`Config::AmendmentApprovalFloor`] at some point of its curve.
		AmendmentBelowFloor,
		/// No poll with this index.
		UnknownPoll,
		/// The poll is not ongoing.
		PollNotOngoing,
		/// The poll is not a council poll.
		NotCouncilPoll,
		/// The class has open decisions or challenges: its houses, rule kind, override house,
		/// community scheme and reputation weights cannot change.
		ClassInUse,
		/// Accounts delegate on a track of the class: its community scheme and reputation
		/// weights, and the scheme of each track with delegations, cannot change until they
		/// undelegate (their delegated weight was taken under the current rules).
		ClassHasDelegations,
		/// Calls by legacy preimage hash (without length) are not accepted.
		LegacyCall,
		/// No open decision with this id.
		UnknownDecision,
		/// The decision does not wait for an approval of this kind of poll.
		UnexpectedOutcome,
		/// This approval was recorded already.
		AlreadyRecorded,
		/// The poll is not approved.
		PollNotApproved,
		/// Nothing can move yet (polls ongoing, timelock running).
		NotReady,
		/// The decision cannot be appealed (not a council approval, or its window has passed).
		NotInAppealWindow,
		/// The account does not meet the seat's reputation thresholds.
		NotEligible,
		/// Every seat is taken.
		SeatsFull,
		/// The account holds a seat already.
		AlreadySeated,
		/// The account holds no seat.
		NotSeated,
		/// No seat's term has ended.
		NothingToPurge,
		/// Seat rules need at most `MaxSeats` seats and a non-zero term.
		InvalidSeatRules,
		/// More members are seated than the new rules allow; unseat some first.
		SeatsAboveLimit,
		/// The account is not a seated council member.
		NotMember,
		/// This member's conflict on this poll is challenged already.
		AlreadyChallenged,
		/// The member is recused from this poll already.
		AlreadyRecused,
		/// No open challenge with this id.
		UnknownChallenge,
		/// The decision is on hold: it cannot move until the hold is confirmed or ends.
		DecisionOnHold,
		/// Decisions of the amendment and ratification classes cannot be put on hold.
		NotHoldable,
		/// The decision is on hold already.
		AlreadyOnHold,
		/// The decision is not on hold.
		NotOnHold,
		/// An identifier or a block number overflows.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxClasses::get() > 0, "MaxClasses must not be zero");
			assert!(T::MaxClasses::get() <= 256, "MaxClasses must be at most 256");
			assert!(T::MaxSeats::get() > 0, "MaxSeats must not be zero");
			assert!(!T::MaxDecisionAge::get().is_zero(), "MaxDecisionAge must not be zero");
			assert!(
				T::AmendmentApprovalFloor::get() >= Perbill::from_percent(50),
				"AmendmentApprovalFloor must be at least 50 %"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Propose `call` as a decision of `class`: hold [`Config::DecisionDeposit`] and open
		/// the polls the class's rule starts with (the council's and/or the community's, paid
		/// by the caller). The decision is decided by the class's rules as they are now. A call
		/// bound by hash has its preimage requested ([`Config::Preimages`]) until the decision
		/// closes.
		///
		/// Emits [`Event::Proposed`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::propose())]
		pub fn propose(
			origin: OriginFor<T>,
			class: ClassId,
			call: BoundedCallOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_propose(who, class, call)
		}

		/// Record the approval of one of a decision's polls and move the decision on. This is
		/// the proposal of every poll this pallet opens: only [`RawOrigin::House`] of the
		/// decision's class and of the kind of poll its state waits for is accepted, and only
		/// if that poll is approved, and not while the decision is on hold
		/// ([`Error::DecisionOnHold`]: [`Pallet::advance`] records it once the hold ends).
		///
		/// Emits [`Event::OutcomeRecorded`], and the events of the decision's next state.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::record_outcome().max(T::WeightInfo::advance_open()))]
		pub fn record_outcome(origin: OriginFor<T>, decision: DecisionId) -> DispatchResult {
			let (class, kind) = Self::ensure_house(origin)?;
			ensure!(!OnHold::<T>::contains_key(decision), Error::<T>::DecisionOnHold);
			Self::do_record_outcome(class, kind, decision)
		}

		/// Move a decision on from what its polls and timelocks say: a rejection, the end of a
		/// mediation (opening the override poll, paid by the caller), the end of a veto or
		/// appeal window, an approval not recorded yet, a retry of a failed enactment, or
		/// expiry after [`Config::MaxDecisionAge`]. Anyone may call this.
		///
		/// Fails with [`Error::NotReady`] if nothing can move, and with
		/// [`Error::DecisionOnHold`] while the decision is on hold.
		#[pallet::call_index(2)]
		#[pallet::weight(
			T::WeightInfo::advance_enact()
				.max(T::WeightInfo::advance_open())
				.max(T::WeightInfo::advance_expire())
		)]
		pub fn advance(origin: OriginFor<T>, decision: DecisionId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!OnHold::<T>::contains_key(decision), Error::<T>::DecisionOnHold);
			Self::do_advance(who, decision)
		}

		/// Appeal a council decision during its appeal window: hold
		/// [`Config::AppealDeposit`] and open the community's appeal poll (paid by the caller).
		/// Approved, it voids the decision and the deposit is returned; rejected, the decision
		/// is enacted and the deposit slashed.
		///
		/// Emits [`Event::Appealed`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::appeal())]
		pub fn appeal(origin: OriginFor<T>, decision: DecisionId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_appeal(who, decision)
		}

		/// Add class `class` to the table or replace it. The class must be well formed; only
		/// the runtime-upgrade class may dispatch as Root ([`Error::RootReserved`]); the
		/// amendment class keeps every approval at or above [`Config::AmendmentApprovalFloor`]
		/// ([`Error::AmendmentBelowFloor`]); the runtime-upgrade, amendment, ratification,
		/// seating and challenge classes keep their entrenched properties; a class with open decisions keeps its houses, rule kind, override house,
		/// community scheme and reputation weights. Open decisions keep the rules they were proposed under; their polls use the
		/// new track parameters. While accounts delegate on a track of the class, its community
		/// scheme and reputation weights and the scheme of each track with delegations cannot
		/// change ([`Error::ClassHasDelegations`]).
		///
		/// Origin: [`RawOrigin::Class`] of the amendment class. Emits [`Event::ClassAmended`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::amend_class())]
		pub fn amend_class(
			origin: OriginFor<T>,
			class: ClassId,
			info: ClassInfoOf<T>,
		) -> DispatchResult {
			Self::ensure_class_origin(origin, AmendmentClass::<T>::get())?;
			Self::do_amend_class(class, info)
		}

		/// Set the hash of the constitution's text.
		///
		/// Origin: [`RawOrigin::Class`] of the amendment class. Emits
		/// [`Event::ConstitutionTextSet`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_constitution_text())]
		pub fn set_constitution_text(origin: OriginFor<T>, hash: T::Hash) -> DispatchResult {
			Self::ensure_class_origin(origin, AmendmentClass::<T>::get())?;
			ConstitutionText::<T>::put(hash);
			Self::deposit_event(Event::ConstitutionTextSet { hash });
			Ok(())
		}

		/// Set the council seat rules: number of seats (at most [`Config::MaxSeats`], at least
		/// the seats held now), term length (not zero) and reputation thresholds. Seats held
		/// keep their terms.
		///
		/// Origin: [`RawOrigin::Class`] of the amendment class. Emits [`Event::SeatRulesSet`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::set_seat_rules())]
		pub fn set_seat_rules(origin: OriginFor<T>, rules: SeatRulesOf<T>) -> DispatchResult {
			Self::ensure_class_origin(origin, AmendmentClass::<T>::get())?;
			Self::do_set_seat_rules(rules)
		}

		/// Seat `who` on the council for a term, if it meets every reputation threshold of the
		/// seat rules and a seat is free (seats whose term ended are purged to make room, and
		/// their members' ballots removed from ongoing council polls). An ended term of `who`
		/// is renewed.
		///
		/// Origin: [`RawOrigin::Class`] of the seating class. Emits [`Event::Seated`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::seat().saturating_add(Pallet::<T>::ballot_removal_weight()))]
		pub fn seat(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			Self::ensure_class_origin(origin, SeatingClass::<T>::get())?;
			Self::do_seat(who)
		}

		/// Remove `who`'s seat, and its ballots from ongoing council polls (at most
		/// `CouncilBallots::max_ballots`).
		///
		/// Origin: [`RawOrigin::Class`] of the seating class. Emits [`Event::Unseated`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::unseat().saturating_add(Pallet::<T>::ballot_removal_weight()))]
		pub fn unseat(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			Self::ensure_class_origin(origin, SeatingClass::<T>::get())?;
			Self::do_unseat(who)
		}

		/// Remove the seats whose term has ended, and their members' ballots from ongoing
		/// council polls: at most `CouncilBallots::max_ballots` ballots per call; seats whose
		/// members' ballots did not fit stay (counting for nothing) until the next purge.
		/// Anyone may call this.
		///
		/// Emits [`Event::SeatLapsed`] for each.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::purge_expired_seats(T::MaxSeats::get())
			.saturating_add(Pallet::<T>::ballot_removal_weight()))]
		pub fn purge_expired_seats(origin: OriginFor<T>) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let (purged, examined) = Self::do_purge_expired_seats();
			ensure!(purged > 0, Error::<T>::NothingToPurge);
			let weight = T::WeightInfo::purge_expired_seats(examined);
			Ok(Some(weight.saturating_add(Self::ballot_removal_weight())).into())
		}

		/// Declare a conflict of interest on poll `poll`: the caller, a council member, is
		/// recused from it (its vote removed, and it leaves the poll's electorate).
		///
		/// Emits [`Event::ConflictDeclared`].
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::declare_conflict())]
		pub fn declare_conflict(origin: OriginFor<T>, poll: T::PollIndex) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(Self::is_seated(&who), Error::<T>::NotMember);
			T::Recusal::recuse(&who, poll)?;
			Self::deposit_event(Event::ConflictDeclared { member: who, poll });
			Ok(())
		}

		/// Challenge council member `member`'s undeclared conflict of interest on poll `poll`,
		/// with the hash of the evidence: hold [`Config::ChallengeDeposit`] and open a council
		/// poll of the challenge class (paid by the caller) from which `member` is recused.
		/// Approved, the challenge is upheld.
		///
		/// `poll` must exist ([`Error::UnknownPoll`]), be ongoing ([`Error::PollNotOngoing`])
		/// and be a council poll ([`Error::NotCouncilPoll`]) on which `member` may vote: seated
		/// ([`Error::NotMember`]) and not recused ([`Error::AlreadyRecused`]).
		///
		/// Emits [`Event::ConflictChallenged`].
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::challenge_conflict())]
		pub fn challenge_conflict(
			origin: OriginFor<T>,
			poll: T::PollIndex,
			member: T::AccountId,
			evidence: T::Hash,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_challenge(who, poll, member, evidence)
		}

		/// Uphold a challenge whose council poll is approved: recuse the member from the
		/// challenged poll and, only if that recusal took effect, slash
		/// [`Config::ChallengeSlash`] of its reputation (a member is recused from a poll at most
		/// once, so it is slashed at most once per poll); return the challenger's deposit.
		/// This is the proposal of every challenge poll.
		///
		/// Origin: [`RawOrigin::House`] of the challenge class's council polls. Emits
		/// [`Event::ChallengeUpheld`].
		#[pallet::call_index(13)]
		#[pallet::weight(
			T::WeightInfo::record_challenge().saturating_add(T::Slasher::on_slashed_max_weight())
		)]
		pub fn record_challenge(origin: OriginFor<T>, challenge: ChallengeId) -> DispatchResult {
			let (class, kind) = Self::ensure_house(origin)?;
			ensure!(
				Some(class) == ChallengeClass::<T>::get() && kind == kinds::COUNCIL,
				DispatchError::BadOrigin
			);
			let record = Challenges::<T>::get(challenge).ok_or(Error::<T>::UnknownChallenge)?;
			ensure!(
				T::Polls::outcome(record.challenge_poll) == Some(PollOutcome::Approved),
				Error::<T>::PollNotApproved
			);
			Self::uphold_challenge(challenge, record);
			Ok(())
		}

		/// Settle a challenge from its council poll: upheld if approved, rejected (deposit
		/// slashed) if rejected, expired (deposit returned) once older than
		/// [`Config::MaxDecisionAge`]. Anyone may call this.
		///
		/// Emits [`Event::ChallengeUpheld`], [`Event::ChallengeRejected`] or
		/// [`Event::ChallengeExpired`]; fails with [`Error::NotReady`] otherwise.
		#[pallet::call_index(14)]
		#[pallet::weight(
			T::WeightInfo::advance_challenge().max(
				T::WeightInfo::record_challenge()
					.saturating_add(T::Slasher::on_slashed_max_weight())
			)
		)]
		pub fn advance_challenge(origin: OriginFor<T>, challenge: ChallengeId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_advance_challenge(challenge)
		}
	}
}
