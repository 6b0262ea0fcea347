//! Genesis presets. The node builds its `dev` and `local` chain specs from these, and later pallets
//! extend them so that the development chain always shows everything that exists.
//!
//! - `development`: one validator (Alice), the well-known development accounts endowed, sudo Alice.
//! - `local_testnet`: two validators (Alice and Bob), the same endowments, **no sudo key**.
//!
//! Both seed the reputation domains `code`, `data`, `evaluation`, `safety` and `docs`, with Alice
//! attesting in every domain, Bob in code and docs, Charlie in evaluation and safety, and Alice
//! issuing personhood credentials. Release gates for the artifact registry are set (see
//! [`release_gates`]).
//!
//! Both carry the development constitution ([`pallet_constitution::presets`]): its class table
//! with short periods, so that every route completes in minutes; Alice, Bob and Charlie seated
//! on the council for a year; Dave and Eve as guardians for 90 days.

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use crate::{
	configs::monetary::TreasuryAccount, currency::UNIT, time::DAYS, AccountId, ArtifactsConfig,
	Balance, BalancesConfig, BlockNumber, ConstitutionConfig, ReputationConfig,
	RuntimeGenesisConfig, SudoConfig,
};
use pallet_artifacts::{Gate, GatedStage};
use sp_runtime::Perbill;

/// What each endowed development account starts with: one million OSTR.
pub const ENDOWMENT: Balance = 1_000_000 * UNIT;
/// What the treasury starts with, so that spends and funding rounds can be tried at once.
pub const TREASURY_ENDOWMENT: Balance = 100_000 * UNIT;

/// The reputation domains every preset seeds: `(id, name, half-life in blocks)`.
pub fn reputation_domains() -> Vec<(pallet_reputation::DomainId, Vec<u8>, BlockNumber)> {
	vec![
		(0, b"code".to_vec(), 90 * DAYS),
		(1, b"data".to_vec(), 180 * DAYS),
		(2, b"evaluation".to_vec(), 90 * DAYS),
		(3, b"safety".to_vec(), 180 * DAYS),
		(4, b"docs".to_vec(), 60 * DAYS),
	]
}

/// Most points one development attestation may carry.
pub const DEV_MAX_PER_ATTESTATION: u128 = 1_000;
/// Points a development attester may attest per day.
pub const DEV_RATE_LIMIT: u128 = 10_000;

/// Development attesters: Alice in every domain, Bob in code and docs, Charlie in evaluation and
/// safety.
fn reputation_attesters() -> Vec<(pallet_reputation::DomainId, AccountId, u128, u128)> {
	let alice = Sr25519Keyring::Alice.to_account_id();
	let bob = Sr25519Keyring::Bob.to_account_id();
	let charlie = Sr25519Keyring::Charlie.to_account_id();
	let mut attesters: Vec<_> =
		reputation_domains().into_iter().map(|(domain, ..)| (domain, alice.clone())).collect();
	attesters.extend([(0, bob.clone()), (4, bob), (2, charlie.clone()), (3, charlie)]);
	attesters
		.into_iter()
		.map(|(domain, who)| (domain, who, DEV_MAX_PER_ATTESTATION, DEV_RATE_LIMIT))
		.collect()
}

/// The text whose hash the development constitution records (an amendment replaces it with
/// the hash of a community's own text).
pub const DEV_CONSTITUTION_TEXT: &[u8] =
	b"Ostrom development constitution: the class table of pallet_constitution::presets.";

/// Development guardians: Dave and Eve.
pub fn guardians() -> Vec<AccountId> {
	[Sr25519Keyring::Dave, Sr25519Keyring::Eve].iter().map(|k| k.to_account_id()).collect()
}

/// The development constitution: the preset class table (decision deposits of 100 and 10
/// OSTR), its amendment, ratification, challenge and seating classes, 9 seats of 90-day terms
/// that need 100 points of `code` reputation, the founding council and the guardians.
pub fn constitution_genesis() -> ConstitutionConfig {
	use crate::configs::constitution::{
		classes, DEV_COUNCIL_TERM_END, DEV_MANDATE_END, DEV_SEAT_TERM,
	};
	use pallet_constitution::presets;
	ConstitutionConfig {
		classes: presets::development_classes::<Balance, BlockNumber>(UNIT),
		amendment_class: classes::AMENDMENT,
		upgrade_class: classes::RUNTIME_UPGRADE,
		ratification_class: classes::EMERGENCY_RATIFICATION,
		challenge_class: classes::CONFLICT_CHALLENGE,
		seating_class: classes::COUNCIL_SEATING,
		seat_rules: presets::development_seat_rules(DEV_SEAT_TERM),
		seats: council_members().into_iter().map(|who| (who, DEV_COUNCIL_TERM_END)).collect(),
		guardians: guardians(),
		mandate_end: DEV_MANDATE_END,
		constitution_text: Some(
			<sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash(
				DEV_CONSTITUTION_TEXT,
			),
		),
	}
}

/// Development council: Alice, Bob and Charlie.
pub fn council_members() -> Vec<AccountId> {
	[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie]
		.iter()
		.map(|k| k.to_account_id())
		.collect()
}

/// The release gates: what an artifact's attestations must show before a release-gate decision
/// may move it to each stage.
///
/// - research-only: one independent reproduction and a licence review;
/// - non-commercial: two reproductions, every red-team score at least 50%, model card and
///   licence reviewed, two distinct attesters;
/// - general: as non-commercial, plus an evaluation score, red-team scores at least 80% and
///   three distinct attesters.
pub fn release_gates() -> Vec<(GatedStage, Gate)> {
	vec![
		(
			GatedStage::ResearchOnly,
			Gate { min_reproductions: 1, require_licence_review: true, ..Default::default() },
		),
		(
			GatedStage::NonCommercial,
			Gate {
				min_reproductions: 2,
				min_red_team_score: Some(Perbill::from_percent(50)),
				require_model_card_review: true,
				require_licence_review: true,
				min_attesters: 2,
				..Default::default()
			},
		),
		(
			GatedStage::General,
			Gate {
				min_reproductions: 2,
				min_eval_scores: 1,
				min_red_team_score: Some(Perbill::from_percent(80)),
				require_model_card_review: true,
				require_licence_review: true,
				min_attesters: 3,
			},
		),
	]
}

/// Builds the genesis JSON patch shared by every preset.
fn testnet_genesis(
	initial_authorities: Vec<(AuraId, GrandpaId)>,
	endowed_accounts: Vec<AccountId>,
	root: Option<AccountId>,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed_accounts
				.iter()
				.cloned()
				.map(|k| (k, ENDOWMENT))
				.chain([(TreasuryAccount::get(), TREASURY_ENDOWMENT)])
				.collect::<Vec<_>>(),
		},
		aura: pallet_aura::GenesisConfig {
			authorities: initial_authorities.iter().map(|x| x.0.clone()).collect::<Vec<_>>(),
		},
		grandpa: pallet_grandpa::GenesisConfig {
			authorities: initial_authorities.iter().map(|x| (x.1.clone(), 1)).collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: root },
		reputation: ReputationConfig {
			domains: reputation_domains(),
			attesters: reputation_attesters(),
			issuers: vec![Sr25519Keyring::Alice.to_account_id()],
		},
		constitution: constitution_genesis(),
		artifacts: ArtifactsConfig { gates: release_gates() },
	})
}

/// Aura (sr25519) and GRANDPA (ed25519) keys of a well-known development validator, as
/// `--alice` / `--bob` put them into the node's keystore.
fn authority_keys(aura: Sr25519Keyring, grandpa: Ed25519Keyring) -> (AuraId, GrandpaId) {
	(aura.public().into(), grandpa.public().into())
}

/// The well-known development accounts (Alice … Ferdie and their stashes).
fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect()
}

/// The `development` preset: Alice validates alone and holds the sudo key.
pub fn development_config_genesis() -> Value {
	testnet_genesis(
		vec![authority_keys(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		dev_accounts(),
		Some(Sr25519Keyring::Alice.to_account_id()),
	)
}

/// The `local_testnet` preset: Alice and Bob validate; there is no sudo key.
pub fn local_config_genesis() -> Value {
	testnet_genesis(
		vec![
			authority_keys(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			authority_keys(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		],
		dev_accounts(),
		None,
	)
}

/// The JSON of the preset named `id`, if it exists.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		_ => return None,
	};
	Some(serde_json::to_string(&patch).unwrap_or_default().into_bytes())
}

/// The names of all presets. Later pallets add their genesis to the presets above, not new names.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}
