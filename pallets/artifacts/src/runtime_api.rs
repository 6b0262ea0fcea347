//! Runtime API of the artifacts pallet, for RPC clients (`state_call`) and the node.
//!
//! The runtime implements it with the pallet's helpers [`crate::Pallet::artifact_view`],
//! [`crate::Pallet::lineage`] and [`crate::Pallet::gates`]. A client calls, e.g.,
//! `state_call("ArtifactsApi_artifact", SCALE(ContentHash))` and decodes the result as
//! `Option<ArtifactView<AccountId, Balance, BlockNumber>>` with this crate's types.

use alloc::vec::Vec;
use codec::Codec;

use crate::types::{ArtifactView, ContentHash, Gate, GatedStage, LineageEntry};

sp_api::decl_runtime_apis! {
	/// Look up artifacts by content hash.
	pub trait ArtifactsApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// The artifact registered under `hash` (any stage, including withdrawn), with its
		/// attestations, their summary and the status of its next gate; `None` if unknown.
		fn artifact(hash: ContentHash) -> Option<ArtifactView<AccountId, Balance, BlockNumber>>;

		/// The lineage of `hash`, breadth-first over parents: every provenance link up to
		/// `max_depth` generations (capped at the pallet's `MaxLineageDepth`), at most
		/// `MaxLineageEntries` links. Each ancestor is expanded once, at its smallest depth.
		/// Empty if `hash` is unknown or has no parents.
		fn lineage(hash: ContentHash, max_depth: u32) -> Vec<LineageEntry<BlockNumber>>;

		/// The gates that are set, by stage.
		fn gates() -> Vec<(GatedStage, Gate)>;
	}
}
