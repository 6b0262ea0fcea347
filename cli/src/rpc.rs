//! A node's JSON-RPC read at a given block: block hashes, storage (one key, many keys, keys by
//! prefix), runtime calls and the runtime version. Answers are SCALE bytes the caller decodes
//! with the runtime's own types. A block whose state the node has pruned gives an error that
//! says so.

use codec::{Decode, DecodeAll};
use jsonrpsee::{
	core::{
		client::{ClientT, Subscription, SubscriptionClientT},
		params::ArrayParams,
		ClientError,
	},
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use serde::{de::DeserializeOwned, Deserialize};
use sp_core::H256;

/// Block numbers of Ostrom chains.
pub type BlockNumber = u32;

/// Keys asked for per `state_getKeysPaged` / `state_queryStorageAt` request.
const PAGE: usize = 1000;

/// A connection to a node.
pub struct Node {
	client: WsClient,
}

/// What `state_getRuntimeVersion` says (the fields the report needs).
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Version {
	/// The runtime's name (`ostrom` on Ostrom chains).
	pub spec_name: String,
	/// The runtime's version.
	pub spec_version: u32,
}

#[derive(Deserialize)]
struct Header {
	number: String,
}

#[derive(Deserialize)]
struct ChangeSet {
	changes: Vec<(String, Option<String>)>,
}

/// Whether an RPC error says the state of the block asked for is gone (pruned) or unknown.
pub fn is_pruned(message: &str) -> bool {
	let message = message.to_ascii_lowercase();
	[
		"discarded",
		"pruned",
		"unknown block",
		"unknownblock",
		"header was not found",
		"header not found",
	]
	.iter()
	.any(|needle| message.contains(needle))
}

/// The error for a read at block `number` that failed with `e`: a clear message if the node no
/// longer has the block's state.
fn at_block(what: &str, number: BlockNumber, e: ClientError) -> String {
	let message = e.to_string();
	if is_pruned(&message) {
		format!(
			"the node has no state for block #{number} any more (pruned: {message}). Run the \
			 report against an archive node (ostrom-node --state-pruning archive), or pick a \
			 --from within the blocks this node keeps (by default the last 256)"
		)
	} else {
		format!("{what} at block #{number} failed: {message}")
	}
}

/// `0x`-prefixed hex.
fn hex0x(bytes: &[u8]) -> String {
	format!("0x{}", hex::encode(bytes))
}

/// Bytes from `0x`-prefixed hex.
fn unhex(what: &str, text: &str) -> Result<Vec<u8>, String> {
	hex::decode(text.trim_start_matches("0x"))
		.map_err(|e| format!("{what}: the node answered with bad hex: {e}"))
}

/// A number from `0x`-prefixed hex (block numbers in headers).
fn number(text: &str) -> Result<BlockNumber, String> {
	BlockNumber::from_str_radix(text.trim_start_matches("0x"), 16)
		.map_err(|e| format!("bad block number {text:?} in a header: {e}"))
}

/// A block's hash and number, the coordinates of every read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct At {
	/// The block's number.
	pub number: BlockNumber,
	/// The block's hash.
	pub hash: H256,
}

impl Node {
	/// Connects to `url` (`ws://…` or `wss://…`).
	pub async fn connect(url: &str) -> Result<Self, String> {
		let client = WsClientBuilder::default()
			.max_response_size(256 << 20)
			.build(url)
			.await
			.map_err(|e| format!("cannot connect to {url}: {e}"))?;
		Ok(Self { client })
	}

	/// Any JSON-RPC method with positional `params`, its answer deserialised as `R`.
	pub async fn request<R: DeserializeOwned>(
		&self,
		method: &str,
		params: ArrayParams,
	) -> Result<R, String> {
		self.client.request(method, params).await.map_err(|e| format!("{method} failed: {e}"))
	}

	/// A subscription (`method`, ended by `unsubscribe`) whose notifications are read as JSON.
	pub async fn subscribe(
		&self,
		method: &str,
		params: ArrayParams,
		unsubscribe: &str,
	) -> Result<Subscription<serde_json::Value>, String> {
		self.client
			.subscribe(method, params, unsubscribe)
			.await
			.map_err(|e| format!("{method} failed: {e}"))
	}

	/// The chain's name (`system_chain`).
	pub async fn chain_name(&self) -> Result<String, String> {
		self.client
			.request("system_chain", rpc_params![])
			.await
			.map_err(|e| format!("system_chain failed: {e}"))
	}

	/// The number of the best block.
	pub async fn best_number(&self) -> Result<BlockNumber, String> {
		let header: Header = self
			.client
			.request("chain_getHeader", rpc_params![])
			.await
			.map_err(|e| format!("chain_getHeader failed: {e}"))?;
		number(&header.number)
	}

	/// The last finalized block.
	pub async fn finalized(&self) -> Result<At, String> {
		let hash: String = self
			.client
			.request("chain_getFinalizedHead", rpc_params![])
			.await
			.map_err(|e| format!("chain_getFinalizedHead failed: {e}"))?;
		let header: Header = self
			.client
			.request("chain_getHeader", rpc_params![hash.clone()])
			.await
			.map_err(|e| format!("chain_getHeader({hash}) failed: {e}"))?;
		let bytes = unhex("chain_getFinalizedHead", &hash)?;
		let hash = <[u8; 32]>::try_from(bytes.as_slice())
			.map_err(|_| "chain_getFinalizedHead: not a 32-byte hash".to_string())?;
		Ok(At { number: number(&header.number)?, hash: H256(hash) })
	}

	/// The block numbered `number` on the best chain, or an error if there is none.
	pub async fn block(&self, number: BlockNumber) -> Result<At, String> {
		let hash: Option<String> = self
			.client
			.request("chain_getBlockHash", rpc_params![number])
			.await
			.map_err(|e| format!("chain_getBlockHash({number}) failed: {e}"))?;
		let hash = hash.ok_or_else(|| format!("the chain has no block #{number}"))?;
		let bytes = unhex("chain_getBlockHash", &hash)?;
		let hash = <[u8; 32]>::try_from(bytes.as_slice())
			.map_err(|_| format!("chain_getBlockHash({number}): not a 32-byte hash"))?;
		Ok(At { number, hash: H256(hash) })
	}

	/// The runtime version at `at`.
	pub async fn version(&self, at: At) -> Result<Version, String> {
		self.client
			.request("state_getRuntimeVersion", rpc_params![hex0x(at.hash.as_bytes())])
			.await
			.map_err(|e| at_block("state_getRuntimeVersion", at.number, e))
	}

	/// The raw value under `key` at `at`.
	pub async fn storage(&self, key: &[u8], at: At) -> Result<Option<Vec<u8>>, String> {
		let value: Option<String> = self
			.client
			.request("state_getStorage", rpc_params![hex0x(key), hex0x(at.hash.as_bytes())])
			.await
			.map_err(|e| at_block("state_getStorage", at.number, e))?;
		value.map(|v| unhex("state_getStorage", &v)).transpose()
	}

	/// The value under `key` at `at`, decoded as `T` (`None` if there is none).
	pub async fn decoded<T: Decode>(
		&self,
		what: &str,
		key: &[u8],
		at: At,
	) -> Result<Option<T>, String> {
		self.storage(key, at)
			.await?
			.map(|bytes| {
				T::decode_all(&mut bytes.as_slice())
					.map_err(|e| format!("cannot decode {what} at block #{}: {e}", at.number))
			})
			.transpose()
	}

	/// The raw values under `keys` at `at`, in order (`state_queryStorageAt`, a page at a time).
	pub async fn storage_many(
		&self,
		keys: &[Vec<u8>],
		at: At,
	) -> Result<Vec<Option<Vec<u8>>>, String> {
		let mut out = Vec::with_capacity(keys.len());
		for page in keys.chunks(PAGE) {
			let hexed: Vec<String> = page.iter().map(|k| hex0x(k)).collect();
			let sets: Vec<ChangeSet> = self
				.client
				.request(
					"state_queryStorageAt",
					rpc_params![hexed.clone(), hex0x(at.hash.as_bytes())],
				)
				.await
				.map_err(|e| at_block("state_queryStorageAt", at.number, e))?;
			let mut found = std::collections::BTreeMap::new();
			for set in sets {
				for (key, value) in set.changes {
					found.insert(key.to_ascii_lowercase(), value);
				}
			}
			for key in hexed {
				let value = found.get(&key.to_ascii_lowercase()).cloned().flatten();
				out.push(value.map(|v| unhex("state_queryStorageAt", &v)).transpose()?);
			}
		}
		Ok(out)
	}

	/// Every key starting with `prefix` at `at` (`state_getKeysPaged`).
	pub async fn keys(&self, prefix: &[u8], at: At) -> Result<Vec<Vec<u8>>, String> {
		let mut out = Vec::new();
		let mut start: Option<String> = None;
		loop {
			let page: Vec<String> = self
				.client
				.request(
					"state_getKeysPaged",
					rpc_params![hex0x(prefix), PAGE, start.clone(), hex0x(at.hash.as_bytes())],
				)
				.await
				.map_err(|e| at_block("state_getKeysPaged", at.number, e))?;
			let full = page.len() == PAGE;
			start = page.last().cloned();
			for key in page {
				out.push(unhex("state_getKeysPaged", &key)?);
			}
			if !full {
				return Ok(out);
			}
		}
	}

	/// Calls runtime API `method` with SCALE-encoded `args` at `at` and decodes the answer.
	pub async fn call<R: Decode>(&self, method: &str, args: &[u8], at: At) -> Result<R, String> {
		let answer: String = self
			.client
			.request("state_call", rpc_params![method, hex0x(args), hex0x(at.hash.as_bytes())])
			.await
			.map_err(|e| at_block(method, at.number, e))?;
		let bytes = unhex(method, &answer)?;
		R::decode_all(&mut bytes.as_slice()).map_err(|e| {
			format!(
				"{method} at block #{}: cannot decode the answer ({e}); is this ostrom-cli built \
				 from the runtime the chain runs?",
				at.number
			)
		})
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn pruned_state_is_recognised() {
		assert!(is_pruned("State already discarded for 0x1234"));
		assert!(is_pruned("Client error: UnknownBlock: header not found"));
		assert!(!is_pruned("Method not found: state_call"));
		assert!(!is_pruned("Execution failed: wasm trap"));
	}

	#[test]
	fn hex_helpers_round_trip() {
		assert_eq!(hex0x(&[0xab, 0x01]), "0xab01");
		assert_eq!(unhex("t", "0xab01"), Ok(vec![0xab, 0x01]));
		assert_eq!(number("0x1f"), Ok(31));
		assert!(number("zz").is_err());
	}
}
