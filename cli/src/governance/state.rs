//! Reading what the report needs from a node: each block's events, the class table, and for
//! each poll its tally, `VotingApi.poll_metrics`, its voters' records and the holders of the
//! scheme's weight. Storage keys come from the runtime's own storage types.

use std::collections::{BTreeMap, BTreeSet};

use codec::{DecodeAll, Encode};
use frame_support::{storage::StoragePrefixedMap, StorageHasher, Twox128};
use ostrom_metrics::model::{PollIndex, Scheme};
use ostrom_runtime::{AccountId, Balance, BlockNumber, Nonce, Runtime, RuntimeEvent};
use pallet_voting::PollMetrics;
use sp_core::H256;

use super::{
	fill::{poll_scheme, PollState, Voting},
	trace::{Class, Classes, PollTrace, Tally},
};
use crate::rpc::{At, Node};

/// A block's events as the runtime stores them.
type EventRecords = Vec<frame_system::EventRecord<RuntimeEvent, H256>>;
/// An account's entry in `System.Account`.
type AccountInfo = frame_system::AccountInfo<Nonce, pallet_balances::AccountData<Balance>>;
/// A referendum as `pallet-referenda` stores it.
type ReferendumInfo = pallet_referenda::ReferendumInfoOf<Runtime, ()>;

/// `System.Events` (the storage item is private to `frame-system`; its key is its name).
pub fn events_key() -> Vec<u8> {
	[Twox128::hash(b"System"), Twox128::hash(b"Events")].concat()
}

/// The events of block `at`, decoded with the runtime's types.
pub async fn events(node: &Node, at: At) -> Result<Vec<RuntimeEvent>, String> {
	let Some(bytes) = node.storage(&events_key(), at).await? else {
		return Ok(Vec::new());
	};
	match EventRecords::decode_all(&mut bytes.as_slice()) {
		Ok(records) => Ok(records.into_iter().map(|r| r.event).collect()),
		Err(e) => {
			let built = ostrom_runtime::VERSION.spec_version;
			let why = match node.version(at).await {
				Ok(v) if v.spec_version == built => format!(
					"the chain ran runtime spec_version {built} there, as this ostrom-cli was \
					 built with, but from other sources (a development build?): build ostrom-cli \
					 from the sources of the chain's runtime"
				),
				Ok(v) => format!(
					"the chain ran runtime spec_version {} there, this ostrom-cli decodes \
					 {built}: use an ostrom-cli built from that runtime, or a --from after the \
					 runtime upgrade",
					v.spec_version
				),
				Err(_) => format!("this ostrom-cli decodes runtime spec_version {built}"),
			};
			Err(format!(
				"cannot decode the events of block #{} ({}): {why}",
				at.number,
				e.to_string().trim()
			))
		},
	}
}

/// The class table at `at` (`ConstitutionApi.classes`).
pub async fn classes(node: &Node, at: At) -> Result<Classes, String> {
	let classes: Vec<(u8, Class)> = node.call("ConstitutionApi_classes", &[], at).await?;
	Ok(classes.into_iter().collect())
}

/// Milliseconds per block (`AuraApi.slot_duration`), if the runtime says.
pub async fn ms_per_block(node: &Node, at: At) -> Option<u64> {
	node.call::<u64>("AuraApi_slot_duration", &[], at).await.ok()
}

/// The domains a class weighs (with a non-zero weight) in its reputation polls.
pub fn class_domains(class: Option<&Class>) -> Vec<u16> {
	class
		.and_then(|c| c.community.as_ref())
		.map(|c| {
			c.reputation_weights
				.iter()
				.filter(|(_, w)| w.deconstruct() > 0)
				.map(|(d, _)| *d)
				.collect()
		})
		.unwrap_or_default()
}

/// The account and domain of a `Reputation.Scores` key: prefix (32 bytes), blake2-128 (16) and
/// the account (32), twox-64 (8) and the domain (2, little-endian).
pub fn score_key_parts(key: &[u8]) -> Option<(&[u8], u16)> {
	let account = key.get(48..80)?;
	let domain = key.get(88..90)?;
	Some((account, u16::from_le_bytes([*domain.first()?, *domain.get(1)?])))
}

/// Reads state for the report, remembering the holder counts per block.
pub struct Reader<'a> {
	node: &'a Node,
	token_holders: BTreeMap<BlockNumber, u64>,
	reputation_holders: BTreeMap<(BlockNumber, Vec<u16>), u64>,
}

impl<'a> Reader<'a> {
	/// A reader of `node`.
	pub fn new(node: &'a Node) -> Self {
		Self { node, token_holders: BTreeMap::new(), reputation_holders: BTreeMap::new() }
	}

	/// Accounts whose free balance is at least the existential deposit at `at`.
	pub async fn token_holders(&mut self, at: At) -> Result<u64, String> {
		if let Some(n) = self.token_holders.get(&at.number) {
			return Ok(*n);
		}
		let existential: Balance = <Runtime as pallet_balances::Config>::ExistentialDeposit::get();
		let keys = self.node.keys(&frame_system::Account::<Runtime>::final_prefix(), at).await?;
		let values = self.node.storage_many(&keys, at).await?;
		let mut count: u64 = 0;
		for value in values.into_iter().flatten() {
			let info = AccountInfo::decode_all(&mut value.as_slice())
				.map_err(|e| format!("cannot decode an account at block #{}: {e}", at.number))?;
			if info.data.free >= existential {
				count = count.saturating_add(1);
			}
		}
		self.token_holders.insert(at.number, count);
		Ok(count)
	}

	/// Accounts with a reputation score in one of `domains` at `at`.
	pub async fn reputation_holders(&mut self, at: At, domains: Vec<u16>) -> Result<u64, String> {
		let cache = (at.number, domains);
		if let Some(n) = self.reputation_holders.get(&cache) {
			return Ok(*n);
		}
		let keys =
			self.node.keys(&pallet_reputation::Scores::<Runtime>::final_prefix(), at).await?;
		let holders: BTreeSet<&[u8]> = keys
			.iter()
			.filter_map(|k| score_key_parts(k))
			.filter(|(_, domain)| cache.1.contains(domain))
			.map(|(account, _)| account)
			.collect();
		let count = u64::try_from(holders.len()).unwrap_or(u64::MAX);
		self.reputation_holders.insert(cache, count);
		Ok(count)
	}

	/// The tally of poll `index` if it is ongoing at `at`.
	async fn ongoing_tally(&self, index: PollIndex, at: At) -> Result<Option<Tally>, String> {
		let key = pallet_referenda::ReferendumInfoFor::<Runtime, ()>::hashed_key_for(index);
		let info: Option<ReferendumInfo> =
			self.node.decoded(&format!("referendum {index}"), &key, at).await?;
		Ok(match info {
			Some(pallet_referenda::ReferendumInfo::Ongoing(status)) => Some(status.tally),
			_ => None,
		})
	}

	/// Everything the report needs about `poll`, read at its closing block (or `end`, the
	/// range's last block, while it is ongoing) and at the last block it was ongoing.
	pub async fn poll_state(
		&mut self,
		poll: &PollTrace,
		classes: &Classes,
		end: At,
	) -> Result<PollState, String> {
		let last = match poll.closed {
			Some(closed) => self.node.block(closed).await?,
			None => end,
		};
		// The last block the poll was ongoing in: the one before its close (a poll closed in the
		// block it was submitted in never was, at the end of a block).
		let ongoing = match poll.closed {
			Some(closed) if closed > poll.created => {
				Some(self.node.block(closed.saturating_sub(1)).await?)
			},
			Some(_) => None,
			None => Some(end),
		};
		let tally = match (&poll.tally, poll.closed) {
			(Some(t), _) => Some(t.clone()),
			(None, None) => self.ongoing_tally(poll.index, end).await?,
			(None, Some(_)) => match ongoing {
				Some(at) => self.ongoing_tally(poll.index, at).await?,
				None => None,
			},
		};
		let metrics: Option<PollMetrics<Balance>> = match ongoing {
			Some(at) => self.node.call("VotingApi_poll_metrics", &poll.index.encode(), at).await?,
			None => None,
		};
		let voters: Vec<&AccountId> = poll.voters.iter().collect();
		let keys: Vec<Vec<u8>> = voters
			.iter()
			.map(|who| pallet_voting::VotingFor::<Runtime>::hashed_key_for(*who, poll.track))
			.collect();
		let mut records = Vec::with_capacity(voters.len());
		for (who, value) in voters.into_iter().zip(self.node.storage_many(&keys, last).await?) {
			let Some(value) = value else { continue };
			let voting = Voting::decode_all(&mut value.as_slice()).map_err(|e| {
				format!("cannot decode the voting record of {who} at block #{}: {e}", last.number)
			})?;
			records.push((who.clone(), voting));
		}
		let mut state = PollState { tally, metrics, records, holders: None };
		state.holders = match (poll_scheme(poll, &state), ongoing) {
			(Scheme::Token, Some(at)) => Some(self.token_holders(at).await?),
			(Scheme::Reputation, Some(at)) => {
				let domains = class_domains(classes.get(&poll.class()));
				Some(self.reputation_holders(at, domains).await?)
			},
			_ => None,
		};
		Ok(state)
	}
}
