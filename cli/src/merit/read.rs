//! What `merit` reads from a node at a block: the web of trust (`Trust.Endorsements`), who is a
//! person (`ReputationApi.personhood`), the council (`ConstitutionApi.council`), the reputation
//! domains and, to publish, the attester's rights, ledger and share and the accounts' scores.
//! Keys and values use the runtime's and the pallets' own types.

use std::collections::BTreeMap;

use codec::{Decode, Encode};
use frame_support::storage::StoragePrefixedMap;
use futures::{stream, StreamExt, TryStreamExt};
use ostrom_runtime::{AccountId, BlockNumber, Runtime};
use pallet_reputation::{AttestationOf, AttesterOf, DomainId, DomainOf, ScoreRecord};
use pallet_trust::Endorsement;

use crate::rpc::{At, Node};

/// Runtime calls in flight at once.
const CONCURRENCY: usize = 16;

/// The prefix of `Trust.Endorsements`' keys.
pub fn endorsements_prefix() -> Vec<u8> {
	pallet_trust::Endorsements::<Runtime>::final_prefix().to_vec()
}

/// The endorser of a `Trust.Endorsements` key: prefix (32 bytes), blake2-128 (16), the account.
pub fn endorser_of(key: &[u8]) -> Option<AccountId> {
	AccountId::decode(&mut key.get(48..)?).ok()
}

/// Every endorser's out-edges at `at`, sorted by endorser.
pub async fn endorsements(
	node: &Node,
	at: At,
) -> Result<Vec<(AccountId, Vec<Endorsement<AccountId>>)>, String> {
	let keys = node.keys(&endorsements_prefix(), at).await?;
	let values = node.storage_many(&keys, at).await?;
	let mut out = Vec::with_capacity(keys.len());
	for (key, value) in keys.iter().zip(values) {
		let endorser = endorser_of(key).ok_or_else(|| {
			format!(
				"a Trust.Endorsements key at block #{} has no account: 0x{}",
				at.number,
				hex::encode(key)
			)
		})?;
		let Some(value) = value else { continue };
		let edges = Vec::<Endorsement<AccountId>>::decode(&mut value.as_slice()).map_err(|e| {
			format!("cannot decode the endorsements of {endorser} at block #{}: {e}", at.number)
		})?;
		out.push((endorser, edges));
	}
	out.sort_by(|a, b| a.0.cmp(&b.0));
	Ok(out)
}

/// Which of `accounts` hold a valid personhood credential at `at`.
pub async fn persons(
	node: &Node,
	at: At,
	accounts: &[AccountId],
) -> Result<BTreeMap<AccountId, bool>, String> {
	stream::iter(accounts.iter().cloned())
		.map(|who| async move {
			let expiry: Option<BlockNumber> =
				node.call("ReputationApi_personhood", &who.encode(), at).await?;
			Ok::<_, String>((who, expiry.is_some()))
		})
		.buffered(CONCURRENCY)
		.try_collect()
		.await
}

/// The council members whose term has not ended at `at`, sorted.
pub async fn council(node: &Node, at: At) -> Result<Vec<AccountId>, String> {
	let seats: Vec<pallet_constitution::Seat<AccountId, BlockNumber>> =
		node.call("ConstitutionApi_council", &[], at).await?;
	let mut members: Vec<AccountId> =
		seats.into_iter().filter(|s| s.term_end > at.number).map(|s| s.member).collect();
	members.sort();
	members.dedup();
	Ok(members)
}

/// The id of the reputation domain named `name` at `at`, if there is one.
pub async fn domain_id(node: &Node, at: At, name: &str) -> Result<Option<DomainId>, String> {
	let domains: Vec<(DomainId, Vec<u8>, BlockNumber)> =
		node.call("ReputationApi_domains", &[], at).await?;
	Ok(domains.into_iter().find(|(_, n, _)| n.as_slice() == name.as_bytes()).map(|(id, ..)| id))
}

/// The score of each of `accounts` in `domain` at `at` (decayed; zero if none).
pub async fn scores(
	node: &Node,
	at: At,
	domain: DomainId,
	accounts: &[AccountId],
) -> Result<BTreeMap<AccountId, u128>, String> {
	stream::iter(accounts.iter().cloned())
		.map(|who| async move {
			let scores: Vec<(DomainId, u128)> =
				node.call("ReputationApi_scores", &who.encode(), at).await?;
			let score = scores.into_iter().find(|(d, _)| *d == domain).map_or(0, |(_, s)| s);
			Ok::<_, String>((who, score))
		})
		.buffered(CONCURRENCY)
		.try_collect()
		.await
}

/// What the attester's limits depend on, read at `at`.
pub struct AttesterState {
	/// The attester's rights in the domain (`None`: not an attester there).
	pub rights: Option<AttesterOf<Runtime>>,
	/// The domain's total (decayed).
	pub total: u128,
	/// The attester's outstanding attested points in the domain, decayed to `now`.
	pub attested_by: u128,
	/// The attester's revocable attestations.
	pub ledger: Vec<AttestationOf<Runtime>>,
}

/// Reads the attester's rights, share and ledger in `domain` at `at`, decaying its attested
/// points to block `now` as the pallet does.
pub async fn attester(
	node: &Node,
	at: At,
	domain: DomainId,
	who: &AccountId,
	now: BlockNumber,
) -> Result<AttesterState, String> {
	use pallet_reputation::{decay, Attestations, AttestedBy, Attesters, Domains, Pallet};
	let rights: Option<AttesterOf<Runtime>> = node
		.decoded("Reputation.Attesters", &Attesters::<Runtime>::hashed_key_for(domain, who), at)
		.await?;
	let info: Option<DomainOf<Runtime>> =
		node.decoded("Reputation.Domains", &Domains::<Runtime>::hashed_key_for(domain), at).await?;
	let tally: Option<ScoreRecord> = node
		.decoded("Reputation.AttestedBy", &AttestedBy::<Runtime>::hashed_key_for(domain, who), at)
		.await?;
	let ledger: Option<Vec<AttestationOf<Runtime>>> = node
		.decoded("Reputation.Attestations", &Attestations::<Runtime>::hashed_key_for(who), at)
		.await?;
	let totals: Vec<(DomainId, u128)> = node.call("ReputationApi_domain_totals", &[], at).await?;
	let total = totals.into_iter().find(|(d, _)| *d == domain).map_or(0, |(_, t)| t);
	let attested_by = match (&info, tally) {
		(Some(info), Some(tally)) => {
			let (epoch, frac) = Pallet::<Runtime>::epoch_and_fraction(info, now);
			decay::units_to_points(
				decay::shift_epochs(tally.units, epoch.saturating_sub(tally.epoch)),
				frac,
			)
		},
		_ => 0,
	};
	Ok(AttesterState { rights, total, attested_by, ledger: ledger.unwrap_or_default() })
}
