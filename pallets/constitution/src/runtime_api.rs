//! Runtime API of the constitution pallet, for RPC clients (`state_call`) and the node.
//!
//! The runtime implements it with the pallet's helpers [`crate::Pallet::class_list`],
//! [`crate::Pallet::council`] and [`crate::Pallet::decision_view`]; [`DecisionDryRunApi`] needs
//! the runtime's own call and origin types, so the runtime implements it itself.

use crate::{ClassId, ClassInfo, DecisionId, DecisionView, Seat};
use alloc::vec::Vec;
use codec::Codec;
use sp_runtime::DispatchError;

sp_api::decl_runtime_apis! {
	/// The class table, the council and open decisions.
	pub trait ConstitutionApi<AccountId, Balance, BlockNumber, Hash, PollIndex>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
		Hash: Codec,
		PollIndex: Codec,
	{
		/// Every class, sorted by id.
		fn classes() -> Vec<(ClassId, ClassInfo<Balance, BlockNumber>)>;

		/// The seated council: each seat (`member`, `term_end`: the block at which its term
		/// ends), sorted by member (ended terms left out).
		fn council() -> Vec<Seat<AccountId, BlockNumber>>;

		/// The open decision `id` (its call by hash), or `None` if it is not open.
		fn decision(
			id: DecisionId,
		) -> Option<DecisionView<AccountId, Balance, BlockNumber, Hash, PollIndex>>;
	}

	/// What would happen if a decision of a class were approved now: its call dispatched with the
	/// origin the class dispatches with, on the current state, and everything it changed rolled
	/// back. Lets a proposer check, before paying deposits and weeks of voting, that the class
	/// may make the call and that it succeeds on today's state.
	pub trait DecisionDryRunApi<Call>
	where
		Call: Codec,
	{
		/// The result of dispatching `call` as an approved decision of `class` would be
		/// dispatched: `Ok`, or the error (`BadOrigin` when the class may not make the call;
		/// `constitution.UnknownClass` for a class that does not exist).
		fn dry_run(class: ClassId, call: Call) -> Result<(), DispatchError>;
	}
}
