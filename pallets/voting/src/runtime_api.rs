//! Runtime API of the voting pallet, for RPC clients (`state_call`) and the governance-metrics
//! report (DESIGN §8).
//!
//! The runtime implements it with the pallet's helpers [`crate::Pallet::poll_metrics`] and
//! [`crate::Pallet::voice_credits_left`].

use crate::PollMetrics;
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Running aggregates of ongoing polls, and voice credits.
	pub trait VotingApi<AccountId, PollIndex, Balance>
	where
		AccountId: Codec,
		PollIndex: Codec,
		Balance: Codec,
	{
		/// The tally aggregates of the ongoing poll `poll` with its approval, support and
		/// electorate, or `None` if the poll is not ongoing.
		fn poll_metrics(poll: PollIndex) -> Option<PollMetrics<Balance>>;

		/// The voice credits `who` can still spend on quadratic votes in the current epoch.
		fn voice_credits_left(who: AccountId) -> u32;
	}
}
