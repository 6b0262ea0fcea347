//! Genesis presets. The node builds its `dev` and `local` chain specs from these, and later pallets
//! extend them so that the development chain always shows everything that exists.
//!
//! - `development`: one validator (Alice), the well-known development accounts endowed, sudo Alice.
//! - `local_testnet`: two validators (Alice and Bob), the same endowments, **no sudo key**.
//! - `production`: the production constitution (periods of days to weeks, deposits of a real
//!   chain), **no sudo key**, and no community: no validators, council, guardians, attesters,
//!   issuers or endowments. The node completes it with a community's own [`Community`] (read
//!   from the JSON file an operator edits: `--chain production:community.json`) through
//!   [`production_genesis`].
//!
//! The development presets seed the reputation domains `code`, `data`, `evaluation`, `safety`,
//! `docs` and `merit` (published by the MeritRank tool from `pallet-trust`'s endorsements), with
//! Alice attesting in every domain, Bob in code and docs, Charlie in evaluation and safety, and
//! Alice issuing personhood credentials. Release gates for the artifact registry are set (see
//! [`release_gates`]).
//!
//! The development presets carry the development constitution ([`pallet_constitution::presets`]): its class table
//! with short periods, so that every route completes in minutes; Alice, Bob and Charlie seated
//! on the council for a year; Dave and Eve as guardians for 90 days.

// Hand-written: documented, unlike the items the runtime macros generate (see `lib.rs`).
#![warn(missing_docs)]

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use crate::{
	configs::monetary::TreasuryAccount, currency::UNIT, time::DAYS, AccountId, ArtifactsConfig,
	Balance, BalancesConfig, BlockNumber, ConstitutionConfig, GuardiansConfig, ReputationConfig,
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
	use ostrom_primitives::domains::{CODE, DATA, DOCS, EVALUATION, MERIT, SAFETY};
	vec![
		(CODE, b"code".to_vec(), 90 * DAYS),
		(DATA, b"data".to_vec(), 180 * DAYS),
		(EVALUATION, b"evaluation".to_vec(), 90 * DAYS),
		(SAFETY, b"safety".to_vec(), 180 * DAYS),
		(DOCS, b"docs".to_vec(), 60 * DAYS),
		// Published by the MeritRank tool from the endorsement graph (`pallet-trust`); a short
		// half-life, so that merit follows the graph as endorsements change.
		(MERIT, b"merit".to_vec(), 30 * DAYS),
	]
}

/// Most points one development attestation may carry.
pub const DEV_MAX_PER_ATTESTATION: u128 = 1_000;
/// Points a development attester may attest per day.
pub const DEV_RATE_LIMIT: u128 = 10_000;

/// Development attesters: Alice in every domain (merit included, so that the MeritRank tool can
/// publish from her account on a development chain), Bob in code and docs, Charlie in evaluation
/// and safety.
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
/// that need 100 points of `code` reputation and the founding council.
pub fn constitution_genesis() -> ConstitutionConfig {
	use crate::configs::constitution::{classes, DEV_COUNCIL_TERM_END, DEV_SEAT_TERM};
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
		guardians: GuardiansConfig {
			guardians: guardians(),
			mandate_end: crate::configs::guardians::DEV_MANDATE_END,
		},
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

// -------------------------------------------------------------------------------------------
// The production preset.
// -------------------------------------------------------------------------------------------

/// Name of the production preset.
pub const PRODUCTION_PRESET: &str = "production";

/// A month, for terms and mandates: 30 days.
pub const MONTH: BlockNumber = 30 * DAYS;

/// Term of a council member seated on a production chain (the seat rules): a year.
pub const PRODUCTION_SEAT_TERM: BlockNumber = 12 * MONTH;

/// Default most points one attestation of a production attester may carry.
pub const PRODUCTION_MAX_PER_ATTESTATION: u128 = 100;
/// Default points a production attester may attest per day (`RatePeriod`).
pub const PRODUCTION_RATE_LIMIT: u128 = 1_000;

/// A community's own genesis: who validates, sits on the council, guards, attests, issues
/// personhood credentials and holds what. The node reads it from the community file an
/// operator edits (see `docs/operators.md`); [`production_genesis`] puts it into the
/// production preset. The node validates it first; the genesis build refuses what the pallets
/// refuse (duplicate seats or guardians, too many of either, unknown domains).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Community {
	/// The validators' Aura (sr25519) and GRANDPA (ed25519) public keys.
	pub validators: Vec<(AuraId, GrandpaId)>,
	/// The founding council.
	pub council: Vec<AccountId>,
	/// The block at which the founding council's terms end.
	pub council_term_end: BlockNumber,
	/// The guardians.
	pub guardians: Vec<AccountId>,
	/// The block at which the guardians' mandate ends.
	pub mandate_end: BlockNumber,
	/// Attesters: `(domain, attester, max points per attestation, points per day)`.
	pub attesters: Vec<(pallet_reputation::DomainId, AccountId, u128, u128)>,
	/// Personhood credential issuers.
	pub issuers: Vec<AccountId>,
	/// Endowed accounts and their balances.
	pub endowments: Vec<(AccountId, Balance)>,
	/// The treasury's endowment (none if zero).
	pub treasury: Balance,
	/// Hash (blake2-256) of the text of the community's constitution.
	pub constitution_text: Option<crate::Hash>,
}

/// Bounds the runtime puts on a [`Community`], so that the node can refuse a community file
/// with a clear message before the genesis build would.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CommunityLimits {
	/// Most council seats (the production seat rules).
	pub max_council: u32,
	/// Most guardians.
	pub max_guardians: u32,
	/// Most personhood issuers.
	pub max_issuers: u32,
	/// Most attesters per domain.
	pub max_attesters_per_domain: u32,
}

/// The bounds of a [`Community`] in this runtime.
pub fn community_limits() -> CommunityLimits {
	use frame_support::traits::Get;
	CommunityLimits {
		max_council: pallet_constitution::presets::PRODUCTION_MAX_SEATS,
		max_guardians: <crate::Runtime as pallet_guardians::Config>::MaxGuardians::get(),
		max_issuers: <crate::Runtime as pallet_reputation::Config>::MaxIssuers::get(),
		max_attesters_per_domain:
			<crate::Runtime as pallet_reputation::Config>::MaxAttestersPerDomain::get(),
	}
}

/// The production constitution of `community`: the production class table
/// ([`pallet_constitution::presets::production_classes`]: periods of days to weeks, decision
/// deposits from 20 to 5,000 OSTR), the production seat rules (9 seats, one-year terms, 500
/// points of `code` reputation), the founding council and the text's hash.
pub fn production_constitution_genesis(community: &Community) -> ConstitutionConfig {
	use crate::{configs::constitution::classes, time::HOURS};
	use pallet_constitution::presets;
	ConstitutionConfig {
		classes: presets::production_classes::<Balance, BlockNumber>(UNIT, HOURS),
		amendment_class: classes::AMENDMENT,
		upgrade_class: classes::RUNTIME_UPGRADE,
		ratification_class: classes::EMERGENCY_RATIFICATION,
		challenge_class: classes::CONFLICT_CHALLENGE,
		seating_class: classes::COUNCIL_SEATING,
		seat_rules: presets::production_seat_rules(PRODUCTION_SEAT_TERM),
		seats: community
			.council
			.iter()
			.cloned()
			.map(|who| (who, community.council_term_end))
			.collect(),
		constitution_text: community.constitution_text,
	}
}

/// The genesis JSON patch of a production chain run by `community`: no sudo key, the
/// production constitution, the reputation domains and release gates of every preset, and the
/// community's validators, council, guardians, attesters, issuers and endowments. With
/// `Community::default()` this is the `production` preset.
pub fn production_genesis(community: &Community) -> Value {
	let treasury = (community.treasury > 0).then(|| (TreasuryAccount::get(), community.treasury));
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: community.endowments.iter().cloned().chain(treasury).collect::<Vec<_>>(),
		},
		aura: pallet_aura::GenesisConfig {
			authorities: community.validators.iter().map(|x| x.0.clone()).collect::<Vec<_>>(),
		},
		grandpa: pallet_grandpa::GenesisConfig {
			authorities: community.validators.iter().map(|x| (x.1.clone(), 1)).collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: None },
		reputation: ReputationConfig {
			domains: reputation_domains(),
			attesters: community.attesters.clone(),
			issuers: community.issuers.clone(),
		},
		constitution: production_constitution_genesis(community),
		guardians: GuardiansConfig {
			guardians: community.guardians.clone(),
			mandate_end: community.mandate_end,
		},
		artifacts: ArtifactsConfig { gates: release_gates() },
	})
}

/// The JSON of the preset named `id`, if it exists.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		PRODUCTION_PRESET => production_genesis(&Community::default()),
		_ => return None,
	};
	Some(serde_json::to_string(&patch).unwrap_or_default().into_bytes())
}

/// The names of all presets. Later pallets add their genesis to the presets above, not new names.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(PRODUCTION_PRESET),
	]
}

/// The genesis storage of the preset named `id`, built as the node builds a chain spec's genesis
/// (see [`patch_storage`]). For native tools and tests (the runtime tests, the fuzzer).
#[cfg(feature = "std")]
pub fn preset_storage(id: &PresetId) -> Result<sp_runtime::Storage, alloc::string::String> {
	let patch = get_preset(id).ok_or_else(|| alloc::format!("no preset named {id:?}"))?;
	patch_storage(serde_json::from_slice(&patch).map_err(|e| alloc::format!("{e}"))?)
}

/// The genesis storage of a genesis JSON `patch` (a preset's, or a community's), built as the
/// node builds a chain spec's genesis: the patch merged into the default genesis config, object
/// by object.
#[cfg(feature = "std")]
pub fn patch_storage(patch: Value) -> Result<sp_runtime::Storage, alloc::string::String> {
	use sp_runtime::BuildStorage;
	/// Merges `patch` into `base`, objects key by key, anything else replaced.
	fn merge(base: &mut Value, patch: Value) {
		match (base, patch) {
			(Value::Object(base), Value::Object(patch)) => {
				for (key, value) in patch {
					merge(base.entry(key).or_insert(Value::Null), value);
				}
			},
			(base, patch) => *base = patch,
		}
	}
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default())
		.map_err(|e| alloc::format!("default genesis config: {e}"))?;
	merge(&mut config, patch);
	let config: RuntimeGenesisConfig =
		serde_json::from_value(config).map_err(|e| alloc::format!("genesis config: {e}"))?;
	config.build_storage()
}
