//! The node's JSON-RPC: `state_call` into the runtime's `ArtifactsApi`, decoded with the pallet's
//! own SCALE types (no metadata download, no code generation).

use codec::{Decode, Encode};
use jsonrpsee::{
	core::client::ClientT,
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use pallet_artifacts::{ArtifactView, ContentHash, LineageEntry};
use sp_core::crypto::AccountId32;

/// Block numbers of the Ostrom runtime.
pub type BlockNumber = u32;
/// Balances of the Ostrom runtime.
pub type Balance = u128;
/// An artifact as the Ostrom runtime reports it.
pub type View = ArtifactView<AccountId32, Balance, BlockNumber>;
/// A lineage entry as the Ostrom runtime reports it.
pub type Lineage = LineageEntry<BlockNumber>;

/// A connection to an Ostrom node.
pub struct Chain {
	client: WsClient,
}

impl Chain {
	/// Connects to `url` (`ws://…` or `wss://…`).
	pub async fn connect(url: &str) -> Result<Self, String> {
		let client = WsClientBuilder::default()
			.build(url)
			.await
			.map_err(|e| format!("cannot connect to {url}: {e}"))?;
		Ok(Self { client })
	}

	/// Calls runtime API `method` with SCALE-encoded `args` at the best block and decodes the
	/// answer as `R`.
	async fn runtime_call<R: Decode>(&self, method: &str, args: impl Encode) -> Result<R, String> {
		let data = format!("0x{}", hex::encode(args.encode()));
		let answer: String = self
			.client
			.request("state_call", rpc_params![method, data])
			.await
			.map_err(|e| format!("{method} failed: {e}"))?;
		let bytes = hex::decode(answer.trim_start_matches("0x"))
			.map_err(|e| format!("{method}: the node answered with bad hex: {e}"))?;
		R::decode(&mut bytes.as_slice()).map_err(|e| {
			format!("{method}: cannot decode the answer ({e}); is this an Ostrom node of a matching version?")
		})
	}

	/// The artifact registered under `hash`, if any.
	pub async fn artifact(&self, hash: &ContentHash) -> Result<Option<View>, String> {
		self.runtime_call("ArtifactsApi_artifact", hash).await
	}

	/// The lineage of `hash` up to `max_depth` generations.
	pub async fn lineage(
		&self,
		hash: &ContentHash,
		max_depth: u32,
	) -> Result<Vec<Lineage>, String> {
		self.runtime_call("ArtifactsApi_lineage", (hash, max_depth)).await
	}
}
