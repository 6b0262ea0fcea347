//! Traits through which the runtime connects the constitution to the polls that decide
//! (`pallet-referenda` with `pallet-voting`) and the scheduler that enacts.
//!
//! The pallet implements `pallet_referenda::TracksInfo`, `ostrom_primitives::SchemeOf` and
//! `ostrom_primitives::Members` itself (see [`crate::tracks`]); it uses `ostrom_primitives::Recusal`,
//! `ostrom_primitives::ReputationProvider` and `ostrom_primitives::ReputationSlasher` as they
//! are.

use sp_runtime::{DispatchError, DispatchResult};

use crate::{ClassId, DispatchAs, PollOutcome, RawOrigin, TrackId};

/// Opens and reads the polls of the two houses.
///
/// Ostrom implements it with `pallet-referenda`: [`Self::open`] submits a referendum whose
/// proposal origin is `origin` (so its track is `TracksInfo::track_for(origin)`, a track of this
/// pallet) and whose proposal is `call` (bound with the preimage provider), and places its
/// decision deposit, both paid by `payer`; [`Self::outcome`] and [`Self::track`] read
/// `ReferendumInfoFor`;
/// [`Self::cancel`] cancels an ongoing referendum as the cancel origin would.
pub trait PollOpener<AccountId, PollIndex, Call> {
	/// Open a poll on the track of `origin` (an [`RawOrigin::House`]) which, if approved,
	/// dispatches `call` with `origin`. `payer` pays the deposits the poll needs. Returns the
	/// poll's index. On error, nothing must have changed.
	fn open(
		payer: &AccountId,
		origin: RawOrigin<AccountId>,
		call: Call,
	) -> Result<PollIndex, DispatchError>;

	/// The state of poll `poll`, `None` if there is no such poll.
	fn outcome(poll: PollIndex) -> Option<PollOutcome>;

	/// The track (`class · 4 + kind`) of poll `poll` if it is ongoing; `None` if there is no
	/// such poll or it is not ongoing.
	fn track(poll: PollIndex) -> Option<TrackId>;

	/// Cancel the ongoing poll `poll` (it then reads as [`PollOutcome::Rejected`]).
	fn cancel(poll: PollIndex) -> DispatchResult;
}

/// Schedules the call of an approved decision.
///
/// Ostrom implements it with `pallet-scheduler`'s `ScheduleAnon::schedule(DispatchTime::At(when),
/// None, priority, origin, call)`, where `origin` is [`crate::enactment_origin`]`(dispatch,
/// class)` (Root or `RawOrigin::Class(class)` as the runtime's `OriginCaller`). The scheduler
/// requests the preimage of a call bound by hash.
pub trait Enactor<BlockNumber, Call> {
	/// Dispatch `call` at block `when` (after the current block) with the origin `dispatch`
	/// names for class `class`. On error, nothing must have changed.
	fn enact(when: BlockNumber, class: ClassId, dispatch: DispatchAs, call: Call)
		-> DispatchResult;
}

/// What the benchmarks need from the runtime.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, PollIndex> {
	/// End poll `poll` (opened through [`crate::Config::Polls`]) approved or rejected, without
	/// dispatching its proposal.
	fn conclude_poll(poll: PollIndex, approved: bool);

	/// Council member `who` votes aye on the ongoing council poll `poll`.
	fn vote_council(who: &AccountId, poll: PollIndex);
}
