//! The community file of a production chain: the JSON an operator edits to launch a community's
//! own Ostrom chain (`--chain production:<file>`, see `docs/operators.md` and
//! `docs/community.example.json`). It names the chain and lists who validates, sits on the
//! founding council, guards, attests, issues personhood credentials and holds what; the
//! runtime's production preset supplies everything else (the production constitution, no
//! sudo key).
//!
//! [`parse`] reads and validates it, refusing with a message that names the field: unknown or
//! missing fields, addresses that are not SS58 (format 42), an empty council or validator set,
//! duplicates, unknown reputation domains, more members than the runtime allows, zero amounts.

use std::collections::BTreeSet;

use ostrom_runtime::{
	currency::UNIT,
	genesis_config_presets::{
		community_limits, reputation_domains, Community, MONTH, PRODUCTION_MAX_PER_ATTESTATION,
		PRODUCTION_RATE_LIMIT,
	},
	AccountId, Balance,
};
use sc_network::config::MultiaddrWithPeerId;
use serde::Deserialize;
use sp_core::{
	crypto::{Ss58AddressFormat, Ss58Codec},
	ed25519, sr25519, H256,
};

/// The SS58 address format of Ostrom (generic Substrate).
const SS58_FORMAT: u16 = 42;
/// Longest founding council term and guardian mandate, in months.
const MAX_MONTHS: u32 = 36;

fn default_council_term() -> u32 {
	12
}

fn default_mandate() -> u32 {
	6
}

fn default_max_per_attestation() -> u128 {
	PRODUCTION_MAX_PER_ATTESTATION
}

fn default_rate_limit() -> u128 {
	PRODUCTION_RATE_LIMIT
}

/// The community file, as written (addresses not yet decoded).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct CommunityFile {
	/// Name of the chain, shown by wallets.
	pub name: String,
	/// Chain id: lowercase letters, digits and `_`; names the nodes' data directory.
	pub id: String,
	/// Network protocol id (keeps the network apart from other Ostrom chains); the chain id if
	/// absent.
	#[serde(default)]
	pub protocol_id: Option<String>,
	/// Multiaddresses (with `/p2p/<peer id>`) of the bootnodes.
	#[serde(default)]
	pub boot_nodes: Vec<String>,
	/// `0x`-prefixed blake2-256 hash of the constitution's text (`b2sum -l 256 FILE`).
	#[serde(default)]
	pub constitution_text_hash: Option<String>,
	/// The validators (at least one).
	pub validators: Vec<ValidatorEntry>,
	/// The founding council (at least one member, SS58 addresses).
	pub council: Vec<String>,
	/// Months the founding council's terms last (1–36, default 12).
	#[serde(default = "default_council_term")]
	pub council_term_months: u32,
	/// The guardians (SS58 addresses; may be empty: no emergency brakes).
	#[serde(default)]
	pub guardians: Vec<String>,
	/// Months the guardians' mandate lasts (1–36, default 6).
	#[serde(default = "default_mandate")]
	pub guardian_mandate_months: u32,
	/// The attesters of reputation and their domains.
	#[serde(default)]
	pub attesters: Vec<AttesterEntry>,
	/// The personhood credential issuers (SS58 addresses).
	#[serde(default)]
	pub issuers: Vec<String>,
	/// The endowed accounts (at least one: someone must pay the first fees).
	pub endowments: Vec<EndowmentEntry>,
	/// The treasury's endowment in whole OSTR (default 0).
	#[serde(default)]
	pub treasury_ostr: u64,
}

/// A validator's session keys, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ValidatorEntry {
	/// A label for the operator's own use (not stored on chain).
	#[serde(default)]
	#[allow(dead_code)]
	pub name: Option<String>,
	/// The Aura (sr25519) public key, SS58.
	pub aura: String,
	/// The GRANDPA (ed25519) public key, SS58.
	pub grandpa: String,
}

/// An attester, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct AttesterEntry {
	/// The attester's account, SS58.
	pub account: String,
	/// The domains it attests in, by name (`code`, `data`, `evaluation`, `safety`, `docs`, `merit`).
	pub domains: Vec<String>,
	/// Most points one attestation may carry (default 100).
	#[serde(default = "default_max_per_attestation")]
	pub max_per_attestation: u128,
	/// Points it may attest per day in each domain (default 1,000).
	#[serde(default = "default_rate_limit")]
	pub points_per_day: u128,
}

/// An endowment, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct EndowmentEntry {
	/// The account, SS58.
	pub account: String,
	/// Its balance in whole OSTR (not zero).
	pub ostr: u64,
}

/// A validated community file: the chain's identity and the community's genesis.
#[derive(Debug)]
pub struct CommunitySpec {
	/// Name of the chain.
	pub name: String,
	/// Chain id.
	pub id: String,
	/// Network protocol id.
	pub protocol_id: String,
	/// Bootnodes.
	pub boot_nodes: Vec<MultiaddrWithPeerId>,
	/// The community's genesis, for the runtime's production preset.
	pub community: Community,
	/// Fields that use well-known development keys (anyone can sign with them).
	pub development_keys: Vec<String>,
}

/// Decodes an SS58 public key in format 42, naming `field` in errors.
fn public<P: Ss58Codec>(field: &str, address: &str) -> Result<P, String> {
	let (key, format) = P::from_ss58check_with_version(address)
		.map_err(|e| format!("{field}: `{address}` is not an SS58 address: {e}"))?;
	if format != Ss58AddressFormat::custom(SS58_FORMAT) {
		return Err(format!(
			"{field}: `{address}` uses SS58 format {}; Ostrom uses {SS58_FORMAT} (`ostrom-node \
			 key inspect --network substrate <address>` shows it in format {SS58_FORMAT})",
			u16::from(format)
		));
	}
	Ok(key)
}

fn account(field: &str, address: &str) -> Result<AccountId, String> {
	public::<AccountId>(field, address)
}

/// Decodes a list of distinct accounts, naming `field` in errors.
fn accounts(field: &str, addresses: &[String], max: u32) -> Result<Vec<AccountId>, String> {
	if addresses.len() > max as usize {
		return Err(format!("{field}: {} entries, at most {max} allowed", addresses.len()));
	}
	let mut seen = BTreeSet::new();
	addresses
		.iter()
		.enumerate()
		.map(|(i, address)| {
			let who = account(&format!("{field}[{i}]"), address)?;
			if !seen.insert(who.clone()) {
				return Err(format!("{field}[{i}]: `{address}` is listed twice"));
			}
			Ok(who)
		})
		.collect()
}

fn months(field: &str, months: u32) -> Result<ostrom_runtime::BlockNumber, String> {
	if !(1..=MAX_MONTHS).contains(&months) {
		return Err(format!("{field}: {months} months; between 1 and {MAX_MONTHS} allowed"));
	}
	Ok(months.saturating_mul(MONTH))
}

fn ostr(field: &str, amount: u64) -> Result<Balance, String> {
	if amount == 0 {
		return Err(format!("{field}: zero OSTR; leave the entry out instead"));
	}
	Ok(Balance::from(amount).saturating_mul(UNIT))
}

/// Parses and validates the text of a community file.
pub fn parse(json: &str) -> Result<CommunitySpec, String> {
	let file: CommunityFile = serde_json::from_str(json).map_err(|e| e.to_string())?;
	validate(file)
}

/// Reads, parses and validates the community file at `path`.
pub fn load(path: &std::path::Path) -> Result<CommunitySpec, String> {
	let json = std::fs::read_to_string(path)
		.map_err(|e| format!("cannot read the community file {}: {e}", path.display()))?;
	parse(&json).map_err(|e| format!("community file {}: {e}", path.display()))
}

/// Validates a community file and converts it to the runtime's [`Community`].
pub fn validate(file: CommunityFile) -> Result<CommunitySpec, String> {
	let limits = community_limits();

	if file.name.trim().is_empty() {
		return Err("name: empty".into());
	}
	let id_ok = |id: &str| {
		!id.is_empty()
			&& id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
	};
	if !id_ok(&file.id) {
		return Err(format!(
			"id: `{}` must be non-empty lowercase letters, digits and `_`",
			file.id
		));
	}
	let protocol_id = file.protocol_id.clone().unwrap_or_else(|| file.id.clone());
	if protocol_id.is_empty() || protocol_id.contains(char::is_whitespace) {
		return Err(format!("protocolId: `{protocol_id}` must be non-empty, without spaces"));
	}
	let boot_nodes = file
		.boot_nodes
		.iter()
		.enumerate()
		.map(|(i, address)| {
			address
				.parse::<MultiaddrWithPeerId>()
				.map_err(|e| format!("bootNodes[{i}]: `{address}`: {e}"))
		})
		.collect::<Result<Vec<_>, _>>()?;
	let constitution_text = file
		.constitution_text_hash
		.as_deref()
		.map(|hex| {
			let digits = hex
				.strip_prefix("0x")
				.filter(|digits| {
					digits.len() == 64 && digits.bytes().all(|b| b.is_ascii_hexdigit())
				})
				.ok_or_else(|| {
					format!("constitutionTextHash: `{hex}` is not 0x and 64 hex digits")
				})?;
			let mut bytes = [0u8; 32];
			for (byte, pair) in bytes.iter_mut().zip(digits.as_bytes().chunks(2)) {
				let pair = std::str::from_utf8(pair).map_err(|e| e.to_string())?;
				*byte = u8::from_str_radix(pair, 16).map_err(|e| e.to_string())?;
			}
			Ok::<_, String>(H256::from(bytes))
		})
		.transpose()?;

	// Validators.
	if file.validators.is_empty() {
		return Err("validators: empty; a chain needs at least one validator".into());
	}
	let mut validators = Vec::with_capacity(file.validators.len());
	let (mut auras, mut grandpas) = (BTreeSet::new(), BTreeSet::new());
	for (i, validator) in file.validators.iter().enumerate() {
		let aura: sr25519::Public = public(&format!("validators[{i}].aura"), &validator.aura)?;
		let grandpa: ed25519::Public =
			public(&format!("validators[{i}].grandpa"), &validator.grandpa)?;
		if !auras.insert(AsRef::<[u8]>::as_ref(&aura).to_vec()) {
			return Err(format!("validators[{i}].aura: `{}` is listed twice", validator.aura));
		}
		if !grandpas.insert(AsRef::<[u8]>::as_ref(&grandpa).to_vec()) {
			return Err(format!(
				"validators[{i}].grandpa: `{}` is listed twice",
				validator.grandpa
			));
		}
		validators.push((aura.into(), grandpa.into()));
	}

	// Council and guardians.
	if file.council.is_empty() {
		return Err("council: empty; the founding council needs at least one member".into());
	}
	let council = accounts("council", &file.council, limits.max_council)?;
	let guardians = accounts("guardians", &file.guardians, limits.max_guardians)?;
	let council_term_end = months("councilTermMonths", file.council_term_months)?;
	let mandate_end = months("guardianMandateMonths", file.guardian_mandate_months)?;

	// Attesters, by domain name.
	let domains = reputation_domains();
	let mut attesters = Vec::new();
	let mut pairs = BTreeSet::new();
	for (i, entry) in file.attesters.iter().enumerate() {
		let field = format!("attesters[{i}]");
		let who = account(&format!("{field}.account"), &entry.account)?;
		if entry.domains.is_empty() {
			return Err(format!("{field}.domains: empty"));
		}
		if entry.max_per_attestation == 0 || entry.points_per_day == 0 {
			return Err(format!("{field}: maxPerAttestation and pointsPerDay must not be zero"));
		}
		for name in &entry.domains {
			let domain = domains
				.iter()
				.find(|(_, domain_name, _)| domain_name.as_slice() == name.as_bytes())
				.map(|(id, ..)| *id)
				.ok_or_else(|| {
					let known: Vec<String> = domains
						.iter()
						.map(|(_, n, _)| String::from_utf8_lossy(n).into_owned())
						.collect();
					format!(
						"{field}.domains: unknown domain `{name}` (known: {})",
						known.join(", ")
					)
				})?;
			if !pairs.insert((domain, who.clone())) {
				return Err(format!(
					"{field}: `{}` is already an attester in `{name}`",
					entry.account
				));
			}
			attesters.push((domain, who.clone(), entry.max_per_attestation, entry.points_per_day));
		}
	}
	for (domain, name, _) in &domains {
		let count = attesters.iter().filter(|(d, ..)| d == domain).count();
		if count > limits.max_attesters_per_domain as usize {
			return Err(format!(
				"attesters: {count} in `{}`, at most {} allowed",
				String::from_utf8_lossy(name),
				limits.max_attesters_per_domain
			));
		}
	}
	let issuers = accounts("issuers", &file.issuers, limits.max_issuers)?;

	// Endowments.
	if file.endowments.is_empty() {
		return Err("endowments: empty; someone must be able to pay the first fees".into());
	}
	let mut endowed = BTreeSet::new();
	let mut endowments = Vec::with_capacity(file.endowments.len());
	for (i, entry) in file.endowments.iter().enumerate() {
		let who = account(&format!("endowments[{i}].account"), &entry.account)?;
		if !endowed.insert(who.clone()) {
			return Err(format!("endowments[{i}]: `{}` is listed twice", entry.account));
		}
		endowments.push((who, ostr(&format!("endowments[{i}].ostr"), entry.ostr)?));
	}
	let treasury = Balance::from(file.treasury_ostr).saturating_mul(UNIT);

	let community = Community {
		validators,
		council,
		council_term_end,
		guardians,
		mandate_end,
		attesters,
		issuers,
		endowments,
		treasury,
		constitution_text,
	};
	let development_keys = development_keys(&file);
	Ok(CommunitySpec {
		name: file.name,
		id: file.id,
		protocol_id,
		boot_nodes,
		community,
		development_keys,
	})
}

/// The fields of `file` that use a well-known development key (Alice … Ferdie), whose secret
/// everyone knows.
fn development_keys(file: &CommunityFile) -> Vec<String> {
	use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
	let well_known = |address: &str| {
		Sr25519Keyring::iter().any(|k| k.to_account_id().to_ss58check() == address)
			|| Ed25519Keyring::iter().any(|k| k.to_account_id().to_ss58check() == address)
	};
	let mut fields = Vec::new();
	let mut check = |field: String, address: &str| {
		if well_known(address) {
			fields.push(field);
		}
	};
	for (i, v) in file.validators.iter().enumerate() {
		check(format!("validators[{i}].aura"), &v.aura);
		check(format!("validators[{i}].grandpa"), &v.grandpa);
	}
	for (field, list) in
		[("council", &file.council), ("guardians", &file.guardians), ("issuers", &file.issuers)]
	{
		for (i, address) in list.iter().enumerate() {
			check(format!("{field}[{i}]"), address);
		}
	}
	for (i, a) in file.attesters.iter().enumerate() {
		check(format!("attesters[{i}].account"), &a.account);
	}
	for (i, e) in file.endowments.iter().enumerate() {
		check(format!("endowments[{i}].account"), &e.account);
	}
	fields
}

#[cfg(test)]
mod tests {
	#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

	use super::*;
	use ostrom_runtime::genesis_config_presets::production_genesis;
	use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

	const EXAMPLE: &str = include_str!("../../docs/community.example.json");

	/// The example with `edit` applied to its JSON.
	fn edited(edit: impl FnOnce(&mut serde_json::Value)) -> Result<CommunitySpec, String> {
		let mut json: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
		edit(&mut json);
		parse(&json.to_string())
	}

	fn refused(edit: impl FnOnce(&mut serde_json::Value)) -> String {
		edited(edit).unwrap_err()
	}

	#[test]
	fn the_example_is_a_valid_community() {
		let spec = parse(EXAMPLE).unwrap();
		assert_eq!(spec.id, "example_commons");
		assert_eq!(spec.protocol_id, "example-commons");
		let c = &spec.community;
		assert_eq!(
			c.validators,
			vec![
				(Sr25519Keyring::Alice.public().into(), Ed25519Keyring::Alice.public().into()),
				(Sr25519Keyring::Bob.public().into(), Ed25519Keyring::Bob.public().into()),
			]
		);
		assert_eq!(c.council.len(), 3);
		assert_eq!(c.council_term_end, 12 * MONTH);
		assert_eq!(
			c.guardians,
			vec![Sr25519Keyring::Dave.to_account_id(), Sr25519Keyring::Eve.to_account_id()]
		);
		assert_eq!(c.mandate_end, 6 * MONTH);
		// Alice in code, data and docs with the defaults; Bob in evaluation and safety.
		let alice: AccountId = Sr25519Keyring::Alice.to_account_id();
		let bob: AccountId = Sr25519Keyring::Bob.to_account_id();
		assert_eq!(
			c.attesters,
			vec![
				(0, alice.clone(), 100, 1_000),
				(1, alice.clone(), 100, 1_000),
				(4, alice.clone(), 100, 1_000),
				(2, bob.clone(), 50, 500),
				(3, bob, 50, 500),
			]
		);
		assert_eq!(c.issuers, vec![Sr25519Keyring::Charlie.to_account_id()]);
		assert_eq!(c.endowments[0], (alice, 100_000 * UNIT));
		assert_eq!(c.treasury, 500_000 * UNIT);
		assert_eq!(c.constitution_text, Some(H256::zero()));
		// The example uses development keys: the node warns about each.
		assert!(spec.development_keys.contains(&"validators[0].aura".to_string()));
		assert!(spec.development_keys.contains(&"validators[1].grandpa".to_string()));

		// The genesis patch the chain spec carries: no sudo, the community's authorities.
		let patch = production_genesis(c);
		assert!(patch["sudo"]["key"].is_null());
		assert_eq!(patch["aura"]["authorities"].as_array().unwrap().len(), 2);
		assert_eq!(patch["constitution"]["seats"].as_array().unwrap().len(), 3);
		assert_eq!(patch["constitution"]["classes"].as_array().unwrap().len(), 11);
	}

	#[test]
	fn unknown_and_missing_fields_are_refused() {
		let e = refused(|j| j["councill"] = serde_json::json!([]));
		assert!(e.contains("unknown field `councill`"), "{e}");
		let e = refused(|j| j["validators"][0]["babe"] = serde_json::json!("x"));
		assert!(e.contains("unknown field `babe`"), "{e}");
		let e = refused(|j| {
			j.as_object_mut().unwrap().remove("council");
		});
		assert!(e.contains("missing field `council`"), "{e}");
	}

	#[test]
	fn bad_addresses_are_refused_with_their_field() {
		let e = refused(|j| j["council"][1] = serde_json::json!("5FHneW46xGXgs5mUiveU4sbTyGBzm"));
		assert!(e.starts_with("council[1]: `5FHneW46xGXgs5mUiveU4sbTyGBzm` is not an SS58"), "{e}");
		// Alice's Polkadot address (format 0): the right key in the wrong format.
		let e = refused(|j| {
			j["guardians"][0] =
				serde_json::json!("15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5")
		});
		assert!(e.starts_with("guardians[0]: "), "{e}");
		assert!(e.contains("SS58 format 0; Ostrom uses 42"), "{e}");
		let e = refused(|j| j["validators"][1]["grandpa"] = serde_json::json!("not-a-key"));
		assert!(e.starts_with("validators[1].grandpa: "), "{e}");
		let e = refused(|j| j["bootNodes"] = serde_json::json!(["/ip4/10.0.0.1/tcp/30333"]));
		assert!(e.starts_with("bootNodes[0]: "), "{e}");
		let e = refused(|j| j["constitutionTextHash"] = serde_json::json!("0x1234"));
		assert!(e.starts_with("constitutionTextHash: "), "{e}");
	}

	#[test]
	fn empty_and_duplicate_members_are_refused() {
		let e = refused(|j| j["council"] = serde_json::json!([]));
		assert!(e.starts_with("council: empty"), "{e}");
		let e = refused(|j| j["validators"] = serde_json::json!([]));
		assert!(e.starts_with("validators: empty"), "{e}");
		let e = refused(|j| j["endowments"] = serde_json::json!([]));
		assert!(e.starts_with("endowments: empty"), "{e}");
		let e = refused(|j| {
			let dave = j["guardians"][0].clone();
			j["guardians"][1] = dave;
		});
		assert!(e.starts_with("guardians[1]: ") && e.ends_with("is listed twice"), "{e}");
		let e = refused(|j| {
			let alice = j["council"][0].clone();
			j["council"][2] = alice;
		});
		assert!(e.starts_with("council[2]: "), "{e}");
		let e = refused(|j| {
			let first = j["validators"][0]["aura"].clone();
			j["validators"][1]["aura"] = first;
		});
		assert!(e.starts_with("validators[1].aura: "), "{e}");
		let e = refused(|j| {
			let first = j["endowments"][0]["account"].clone();
			j["endowments"][1]["account"] = first;
		});
		assert!(e.starts_with("endowments[1]: "), "{e}");
		// More guardians than the runtime allows.
		let e = refused(|j| {
			j["guardians"] = serde_json::json!(Sr25519Keyring::well_known()
				.map(|k| k.to_account_id().to_ss58check())
				.collect::<Vec<_>>())
		});
		assert!(e.starts_with("guardians: ") && e.contains("at most 8"), "{e}");
	}

	#[test]
	fn bad_values_are_refused() {
		let e = refused(|j| j["attesters"][0]["domains"][1] = serde_json::json!("datasets"));
		assert!(e.contains("attesters[0].domains: unknown domain `datasets`"), "{e}");
		let e = refused(|j| j["attesters"][1]["domains"] = serde_json::json!(["safety", "safety"]));
		assert!(e.contains("already an attester in `safety`"), "{e}");
		let e = refused(|j| j["attesters"][1]["pointsPerDay"] = serde_json::json!(0));
		assert!(e.starts_with("attesters[1]: "), "{e}");
		let e = refused(|j| j["endowments"][2]["ostr"] = serde_json::json!(0));
		assert!(e.starts_with("endowments[2].ostr: zero OSTR"), "{e}");
		let e = refused(|j| j["guardianMandateMonths"] = serde_json::json!(0));
		assert!(e.starts_with("guardianMandateMonths: "), "{e}");
		let e = refused(|j| j["councilTermMonths"] = serde_json::json!(120));
		assert!(e.starts_with("councilTermMonths: "), "{e}");
		let e = refused(|j| j["id"] = serde_json::json!("My Chain"));
		assert!(e.starts_with("id: "), "{e}");
		// Optional fields take their defaults.
		let spec = edited(|j| {
			let o = j.as_object_mut().unwrap();
			for key in ["protocolId", "guardians", "councilTermMonths", "treasuryOstr"] {
				o.remove(key);
			}
		})
		.unwrap();
		assert_eq!(spec.protocol_id, "example_commons");
		assert!(spec.community.guardians.is_empty());
		assert_eq!(spec.community.council_term_end, 12 * MONTH);
		assert_eq!(spec.community.treasury, 0);
	}
}
