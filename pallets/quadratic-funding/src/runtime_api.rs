//! Runtime API of the quadratic-funding pallet, for RPC clients (`state_call`) and the node.
//!
//! The runtime implements it with the pallet's helpers [`crate::Pallet::round_info`] and
//! [`crate::Pallet::project_summaries`] (which uses [`crate::Pallet::projected_matches`]).

use crate::{ProjectSummary, RoundInfo};
use alloc::vec::Vec;
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Funding rounds, their projects, current contributions and projected matches.
	pub trait QuadraticFundingApi<AccountId, Balance, RoundIndex, BlockNumber, Hash>
	where
		AccountId: Codec,
		Balance: Codec,
		RoundIndex: Codec,
		BlockNumber: Codec,
		Hash: Codec,
	{
		/// The round `round`, or `None` if it does not exist (never created, or closed).
		fn round(round: RoundIndex) -> Option<RoundInfo<Balance, BlockNumber>>;

		/// The projects of `round` that are not settled yet, sorted by index, each with its
		/// contributions so far and its match: projected as if the round were finalised now
		/// while it is active, as computed once it is finalised, zero if it was cancelled or the
		/// project rejected. Empty for an unknown round.
		fn projects(round: RoundIndex) -> Vec<ProjectSummary<AccountId, Balance, Hash>>;
	}
}
