//! Chain specifications: `dev` and `local` are built from the runtime's genesis presets;
//! `production:<file>` from the runtime's production preset and a community file
//! ([`crate::community`]); any other `--chain` value is read as a JSON chain-spec file.

use ostrom_runtime::{
	currency::{TOKEN_DECIMALS, TOKEN_SYMBOL},
	WASM_BINARY,
};
use sc_service::{ChainType, Properties};

/// Chain spec of the Ostrom node (no extensions).
pub type ChainSpec = sc_service::GenericChainSpec;

/// Network protocol id: Ostrom nodes only peer with Ostrom nodes.
const PROTOCOL_ID: &str = "ostrom";

/// SS58 address format reported to wallets (generic Substrate, as the runtime's `SS58Prefix`).
const SS58_FORMAT: u16 = 42;

/// Chain properties wallets read: token symbol `OSTR`, 12 decimals, SS58 format 42.
pub fn properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_FORMAT.into());
	properties
}

fn wasm_binary() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"The runtime's Wasm binary is not available: build without SKIP_WASM_BUILD.".to_string()
	})
}

/// `--dev`: a single-validator development chain (Alice), sudo Alice.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Ostrom Development")
		.with_id("ostrom_dev")
		.with_chain_type(ChainType::Development)
		.with_protocol_id(PROTOCOL_ID)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// `--chain local`: a two-validator local testnet (Alice and Bob), no sudo.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Ostrom Local Testnet")
		.with_id("ostrom_local_testnet")
		.with_chain_type(ChainType::Local)
		.with_protocol_id(PROTOCOL_ID)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// The prefix of `--chain production:<community file>`.
pub const PRODUCTION_PREFIX: &str = "production:";

/// `--chain production:<file>`: a community's own chain, from the runtime's production preset
/// (the production constitution, no sudo key) completed with the community file at `path`
/// (validators, council, guardians, attesters, issuers, endowments). Refuses an invalid file
/// with a message that names the field; warns on standard error about every well-known
/// development key it uses.
pub fn production_chain_spec(path: &std::path::Path) -> Result<ChainSpec, String> {
	let spec = crate::community::load(path)?;
	for field in &spec.development_keys {
		eprintln!(
			"warning: community file {}: {field} is a well-known development key (Alice, Bob, \
			 …): anyone can sign with it. Use it for a trial only.",
			path.display()
		);
	}
	let patch = ostrom_runtime::genesis_config_presets::production_genesis(&spec.community);
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name(&spec.name)
		.with_id(&spec.id)
		.with_chain_type(ChainType::Live)
		.with_protocol_id(&spec.protocol_id)
		.with_boot_nodes(spec.boot_nodes)
		.with_genesis_config_patch(patch)
		.with_properties(properties())
		.build())
}

#[cfg(test)]
mod tests {
	#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

	use super::*;
	use sc_service::ChainSpec as _;

	#[test]
	fn a_production_chain_needs_a_valid_community_file() {
		// Checked before the runtime's Wasm is needed.
		let missing = std::path::Path::new("/nonexistent/community.json");
		let error = production_chain_spec(missing).err().unwrap();
		assert!(error.starts_with("cannot read the community file /nonexistent/community.json"));

		let path =
			std::env::temp_dir().join(format!("ostrom-community-{}.json", std::process::id()));
		std::fs::write(
			&path,
			r#"{ "name": "x", "id": "x", "validators": [], "council": [], "endowments": [] }"#,
		)
		.unwrap();
		let error = production_chain_spec(&path).err().unwrap();
		std::fs::remove_file(&path).unwrap();
		assert_eq!(
			error,
			format!(
				"community file {}: validators: empty; a chain needs at least one validator",
				path.display()
			)
		);
	}

	#[test]
	fn both_chains_report_ostr_with_12_decimals() {
		for spec in [development_chain_spec().unwrap(), local_chain_spec().unwrap()] {
			let props = spec.properties();
			assert_eq!(props["tokenSymbol"], "OSTR");
			assert_eq!(props["tokenDecimals"], 12);
			assert_eq!(props["ss58Format"], 42);
		}
	}

	#[test]
	fn chains_are_built_from_the_runtime_presets() {
		let dev = development_chain_spec().unwrap();
		assert_eq!(dev.id(), "ostrom_dev");
		assert_eq!(dev.chain_type(), ChainType::Development);
		let local = local_chain_spec().unwrap();
		assert_eq!(local.id(), "ostrom_local_testnet");
		assert_eq!(local.chain_type(), ChainType::Local);
		assert_eq!(dev.protocol_id(), Some(PROTOCOL_ID));
		assert_eq!(local.protocol_id(), Some(PROTOCOL_ID));

		// The genesis each spec produces (the runtime's preset): dev has a sudo key, local none.
		let dev_json: serde_json::Value =
			serde_json::from_str(&dev.as_json(false).unwrap()).unwrap();
		let local_json: serde_json::Value =
			serde_json::from_str(&local.as_json(false).unwrap()).unwrap();
		let dev_genesis = &dev_json["genesis"]["runtimeGenesis"]["patch"];
		let local_genesis = &local_json["genesis"]["runtimeGenesis"]["patch"];
		assert_eq!(dev_genesis["sudo"]["key"], "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
		assert!(local_genesis["sudo"]["key"].is_null(), "local testnet has a sudo key");
		assert_eq!(dev_genesis["aura"]["authorities"].as_array().unwrap().len(), 1);
		assert_eq!(local_genesis["aura"]["authorities"].as_array().unwrap().len(), 2);
	}
}
