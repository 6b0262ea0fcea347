//! Runtime API of the constitution pallet, for RPC clients (`state_call`) and the node.
//!
//! The runtime implements it with the pallet's helpers [`crate::Pallet::class_list`],
//! [`crate::Pallet::council`] and [`crate::Pallet::decision_view`].

use crate::{ClassId, ClassInfo, DecisionId, DecisionView, Seat};
use alloc::vec::Vec;
use codec::Codec;

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
}
