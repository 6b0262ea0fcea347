//! Signing and submitting a call with the runtime's own types (`UncheckedExtrinsic`,
//! `TxExtension`, `SignedPayload`), as a wallet does: the nonce from `system_accountNextIndex`,
//! the genesis hash and runtime version from the node, an immortal era and no tip. The
//! transaction is watched (`author_submitAndWatchExtrinsic`) until it is in a block, whose
//! events tell whether it succeeded.

use std::time::Duration;

use codec::{Decode, Encode};
use jsonrpsee::rpc_params;
use ostrom_runtime::{
	Address, Hash, Runtime, RuntimeCall, RuntimeEvent, SignedPayload, TxExtension,
	UncheckedExtrinsic,
};
use sp_core::{crypto::Pair as _, sr25519, H256};
use sp_runtime::{DispatchError, MultiSignature};

use crate::rpc::{At, Node};

/// How long to wait for the transaction to be in a block.
const TIMEOUT: Duration = Duration::from_secs(120);

/// A block's event records.
type EventRecords = Vec<frame_system::EventRecord<RuntimeEvent, H256>>;

/// The key pair of a secret URI (`//Alice`, a mnemonic, `0x…` seed, with derivations).
pub fn pair(suri: &str) -> Result<sr25519::Pair, String> {
	sr25519::Pair::from_string(suri, None)
		.map_err(|e| format!("--suri is not a valid secret URI: {e:?}"))
}

/// A transaction in a block.
pub struct Included {
	/// The block.
	pub at: At,
	/// Its index in the block.
	pub index: u32,
	/// Its events.
	pub events: Vec<RuntimeEvent>,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct RuntimeVersion {
	spec_version: u32,
	transaction_version: u32,
}

#[derive(serde::Deserialize)]
struct SignedBlock {
	block: BlockBody,
}

#[derive(serde::Deserialize)]
struct BlockBody {
	header: BlockHeader,
	extrinsics: Vec<String>,
}

#[derive(serde::Deserialize)]
struct BlockHeader {
	number: String,
}

/// The signed extrinsic of `call` by `pair` with `nonce`, for the chain of `genesis` running
/// `spec_version` / `tx_version`.
pub fn sign(
	call: RuntimeCall,
	pair: &sr25519::Pair,
	nonce: u32,
	genesis: Hash,
	spec_version: u32,
	tx_version: u32,
) -> UncheckedExtrinsic {
	let extension: TxExtension = ostrom_runtime::immortal_tx_extension(nonce);
	// What the extensions add to the signed payload without putting it in the transaction:
	// spec and transaction versions, genesis hash, the era's block (genesis, immortal), and no
	// metadata hash.
	let implicit = ((), (), spec_version, tx_version, genesis, genesis, (), (), (), None, ());
	let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
	let signature = payload.using_encoded(|bytes| pair.sign(bytes));
	let signer: ostrom_runtime::AccountId = pair.public().into();
	UncheckedExtrinsic::new_signed(
		call,
		Address::Id(signer),
		MultiSignature::Sr25519(signature),
		extension,
	)
}

/// A dispatch error with the pallet's error name when the module is known.
pub fn describe(error: &DispatchError) -> String {
	use frame_support::traits::PalletInfo as _;
	if let DispatchError::Module(module) = error {
		let reputation = ostrom_runtime::PalletInfo::index::<ostrom_runtime::Reputation>();
		let utility = ostrom_runtime::PalletInfo::index::<ostrom_runtime::Utility>();
		let index = Some(usize::from(module.index));
		if index == reputation {
			if let Ok(e) = pallet_reputation::Error::<Runtime>::decode(&mut &module.error[..]) {
				return format!("Reputation.{e:?}");
			}
		}
		if index == utility {
			if let Ok(e) = pallet_utility::Error::<Runtime>::decode(&mut &module.error[..]) {
				return format!("Utility.{e:?}");
			}
		}
	}
	format!("{error:?}")
}

/// Signs `call` with `pair`, submits it to `node` and waits until it is in a block; fails if
/// it is refused, dropped or fails in the block.
pub async fn submit(
	node: &Node,
	call: RuntimeCall,
	pair: &sr25519::Pair,
) -> Result<Included, String> {
	let signer: ostrom_runtime::AccountId = pair.public().into();
	let genesis = node.block(0).await?.hash;
	let version: RuntimeVersion = node.request("state_getRuntimeVersion", rpc_params![]).await?;
	let nonce: u32 =
		node.request("system_accountNextIndex", rpc_params![signer.to_string()]).await?;
	let xt = sign(call, pair, nonce, genesis, version.spec_version, version.transaction_version);
	let hex = format!("0x{}", hex::encode(xt.encode()));
	let mut watch = node
		.subscribe(
			"author_submitAndWatchExtrinsic",
			rpc_params![hex.clone()],
			"author_unwatchExtrinsic",
		)
		.await?;
	let block = tokio::time::timeout(TIMEOUT, async {
		while let Some(status) = watch.next().await {
			let status = status.map_err(|e| format!("watching the transaction failed: {e}"))?;
			if let Some(hash) = status.get("inBlock").or_else(|| status.get("finalized")) {
				let hash = hash.as_str().ok_or("a block hash that is not a string")?.to_string();
				return Ok(hash);
			}
			let refused = ["invalid", "dropped", "usurped", "retracted", "finalityTimeout"];
			if refused.iter().any(|s| status.as_str() == Some(s) || status.get(s).is_some()) {
				return Err(format!("the transaction was not included: {status}"));
			}
		}
		Err("the node ended the subscription before the transaction was in a block".to_string())
	})
	.await
	.map_err(|_| format!("the transaction was not in a block within {} s", TIMEOUT.as_secs()))??;
	let signed: SignedBlock = node.request("chain_getBlock", rpc_params![block.clone()]).await?;
	let number = u32::from_str_radix(signed.block.header.number.trim_start_matches("0x"), 16)
		.map_err(|e| format!("bad block number in block {block}: {e}"))?;
	let hash_bytes = hex::decode(block.trim_start_matches("0x"))
		.map_err(|e| format!("bad block hash {block}: {e}"))?;
	let at = At { number, hash: H256::from_slice(&hash_bytes) };
	let index = signed
		.block
		.extrinsics
		.iter()
		.position(|x| x.eq_ignore_ascii_case(&hex))
		.ok_or_else(|| format!("the transaction is not in block #{number} the node named"))?;
	let index = u32::try_from(index).map_err(|_| "extrinsic index out of range".to_string())?;
	let bytes = node
		.storage(&crate::governance::state::events_key(), at)
		.await?
		.ok_or_else(|| format!("block #{number} has no events"))?;
	let records = EventRecords::decode(&mut bytes.as_slice())
		.map_err(|e| format!("cannot decode the events of block #{number}: {e}"))?;
	let events: Vec<RuntimeEvent> = records
		.into_iter()
		.filter(|r| r.phase == frame_system::Phase::ApplyExtrinsic(index))
		.map(|r| r.event)
		.collect();
	for event in &events {
		if let RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
			dispatch_error, ..
		}) = event
		{
			return Err(format!(
				"the transaction failed in block #{number}: {}",
				describe(dispatch_error)
			));
		}
	}
	Ok(Included { at, index, events })
}
