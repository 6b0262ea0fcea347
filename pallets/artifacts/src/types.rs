//! Types stored and exchanged by the artifacts pallet.
//!
//! The types returned by the runtime API ([`ArtifactView`], [`LineageEntry`], [`Gate`],
//! [`GatedStage`]) are generic only over the account, balance and block number types, so that a
//! client (e.g. `ostrom-cli`) can decode a `state_call` result with this crate's own SCALE
//! types, instantiated with the runtime's concrete types.

use alloc::{collections::btree_set::BTreeSet, vec::Vec};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::fungible::Inspect, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::{Deserialize, Perbill, Serialize};

use crate::Config;

/// Balance of the currency deposits are held in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// An artifact's name, bounded by [`Config::MaxNameLen`].
pub type NameOf<T> = BoundedVec<u8, <T as Config>::MaxNameLen>;

/// An artifact's version, bounded by [`Config::MaxVersionLen`].
pub type VersionOf<T> = BoundedVec<u8, <T as Config>::MaxVersionLen>;

/// An artifact's URI, bounded by [`Config::MaxUriLen`].
pub type UriOf<T> = BoundedVec<u8, <T as Config>::MaxUriLen>;

/// An artifact's SPDX licence expression, bounded by [`Config::MaxLicenceLen`].
pub type LicenceOf<T> = BoundedVec<u8, <T as Config>::MaxLicenceLen>;

/// An artifact's provenance links, bounded by [`Config::MaxParents`].
pub type ParentsOf<T> = BoundedVec<(ContentHash, Relation), <T as Config>::MaxParents>;

/// An artifact as stored by the pallet.
pub type ArtifactOf<T> = Artifact<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	NameOf<T>,
	VersionOf<T>,
	UriOf<T>,
	LicenceOf<T>,
	ParentsOf<T>,
>;

/// An attestation as stored by the pallet.
pub type AttestationOf<T> = Attestation<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

/// The attestations of one artifact, bounded by [`Config::MaxAttestations`].
pub type AttestationsOf<T> = BoundedVec<AttestationOf<T>, <T as Config>::MaxAttestations>;

/// The artifacts whose suspension ends at one block, bounded by [`Config::MaxExpiriesPerBlock`].
pub type ExpiriesOf<T> = BoundedVec<ContentHash, <T as Config>::MaxExpiriesPerBlock>;

/// The view of an artifact returned by the runtime API.
pub type ArtifactViewOf<T> =
	ArtifactView<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

/// The identity of an artifact: the digest of its bytes, tagged with the hash algorithm.
///
/// The same file registered under both algorithms gives two distinct artifacts.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum ContentHash {
	/// SHA2-256 of the file (what `sha256sum` prints).
	#[codec(index = 0)]
	Sha2_256([u8; 32]),
	/// BLAKE2b-256 of the file (what `b2sum -l 256` prints).
	#[codec(index = 1)]
	Blake2_256([u8; 32]),
}

impl ContentHash {
	/// The 32-byte digest, whatever the algorithm.
	pub fn digest(&self) -> &[u8; 32] {
		match self {
			Self::Sha2_256(digest) | Self::Blake2_256(digest) => digest,
		}
	}
}

/// What an artifact is.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum ArtifactKind {
	/// Model weights.
	#[codec(index = 0)]
	Model,
	/// A dataset.
	#[codec(index = 1)]
	Dataset,
	/// An evaluation suite (benchmark, test set, harness).
	#[codec(index = 2)]
	EvalSuite,
	/// The result of running an evaluation.
	#[codec(index = 3)]
	EvalResult,
	/// A training recipe (configuration, hyper-parameters, scripts).
	#[codec(index = 4)]
	TrainingRecipe,
	/// Source code.
	#[codec(index = 5)]
	Code,
	/// A model card.
	#[codec(index = 6)]
	ModelCard,
}

/// How an artifact derives from one of its parents.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Relation {
	/// The artifact was fine-tuned from the parent (a model).
	#[codec(index = 0)]
	FineTunedFrom,
	/// The artifact was trained on the parent (a dataset).
	#[codec(index = 1)]
	TrainedOn,
	/// The artifact was evaluated with the parent (an evaluation suite).
	#[codec(index = 2)]
	EvaluatedWith,
	/// The artifact is a quantisation of the parent.
	#[codec(index = 3)]
	QuantizedFrom,
	/// Any other derivation.
	#[codec(index = 4)]
	DerivedFrom,
}

/// The stage of the release ladder an artifact can be restored to after a suspension.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum ReleaseStage {
	/// Registered, not released.
	#[codec(index = 0)]
	Registered,
	/// Released for research use only.
	#[codec(index = 1)]
	ResearchOnly,
	/// Released for non-commercial use.
	#[codec(index = 2)]
	NonCommercial,
	/// Released for general use.
	#[codec(index = 3)]
	General,
	/// Superseded or no longer recommended (final, apart from suspension and takedown).
	#[codec(index = 4)]
	Deprecated,
}

impl ReleaseStage {
	/// The stage an artifact in this stage advances to, if any.
	pub fn next_stage(self) -> Option<GatedStage> {
		match self {
			Self::Registered => Some(GatedStage::ResearchOnly),
			Self::ResearchOnly => Some(GatedStage::NonCommercial),
			Self::NonCommercial => Some(GatedStage::General),
			Self::General | Self::Deprecated => None,
		}
	}
}

/// A stage that is entered through a gate (see [`Gate`]).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(crate = "sp_runtime::serde")]
pub enum GatedStage {
	/// Released for research use only.
	#[codec(index = 0)]
	ResearchOnly,
	/// Released for non-commercial use.
	#[codec(index = 1)]
	NonCommercial,
	/// Released for general use.
	#[codec(index = 2)]
	General,
}

impl From<GatedStage> for ReleaseStage {
	fn from(stage: GatedStage) -> Self {
		match stage {
			GatedStage::ResearchOnly => Self::ResearchOnly,
			GatedStage::NonCommercial => Self::NonCommercial,
			GatedStage::General => Self::General,
		}
	}
}

/// The stage of an artifact.
///
/// `Registered → ResearchOnly → NonCommercial → General` is the release ladder, climbed one
/// rung at a time through the gates; `Deprecated` can be entered from any rung; `Suspended`
/// temporarily replaces any of these; `Withdrawn` (takedown) is final.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Stage<BlockNumber> {
	/// Registered, not released.
	#[codec(index = 0)]
	Registered,
	/// Released for research use only.
	#[codec(index = 1)]
	ResearchOnly,
	/// Released for non-commercial use.
	#[codec(index = 2)]
	NonCommercial,
	/// Released for general use.
	#[codec(index = 3)]
	General,
	/// Suspended (emergency measure) until block `until`, at the start of which `previous` is
	/// restored unless the suspension is lifted or changed before.
	#[codec(index = 4)]
	Suspended {
		/// The stage restored when the suspension ends.
		previous: ReleaseStage,
		/// The block at the start of which the suspension lapses.
		until: BlockNumber,
	},
	/// Superseded or no longer recommended.
	#[codec(index = 5)]
	Deprecated,
	/// Taken down by decision; final. The record stays so that the hash is reported as
	/// withdrawn and cannot be registered again.
	#[codec(index = 6)]
	Withdrawn,
}

impl<BlockNumber> Stage<BlockNumber> {
	/// The release stage, unless the artifact is suspended or withdrawn.
	pub fn release_stage(&self) -> Option<ReleaseStage> {
		match self {
			Self::Registered => Some(ReleaseStage::Registered),
			Self::ResearchOnly => Some(ReleaseStage::ResearchOnly),
			Self::NonCommercial => Some(ReleaseStage::NonCommercial),
			Self::General => Some(ReleaseStage::General),
			Self::Deprecated => Some(ReleaseStage::Deprecated),
			Self::Suspended { .. } | Self::Withdrawn => None,
		}
	}
}

impl<BlockNumber> From<ReleaseStage> for Stage<BlockNumber> {
	fn from(stage: ReleaseStage) -> Self {
		match stage {
			ReleaseStage::Registered => Self::Registered,
			ReleaseStage::ResearchOnly => Self::ResearchOnly,
			ReleaseStage::NonCommercial => Self::NonCommercial,
			ReleaseStage::General => Self::General,
			ReleaseStage::Deprecated => Self::Deprecated,
		}
	}
}

impl<BlockNumber> From<GatedStage> for Stage<BlockNumber> {
	fn from(stage: GatedStage) -> Self {
		ReleaseStage::from(stage).into()
	}
}

/// A registered artifact.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct Artifact<AccountId, Balance, BlockNumber, Name, Version, Uri, Licence, Parents> {
	/// What the artifact is.
	pub kind: ArtifactKind,
	/// Human-readable name (UTF-8 by convention, not checked; never empty).
	pub name: Name,
	/// Version (free-form, e.g. `1.0.2` or a git tag; may be empty).
	pub version: Version,
	/// Size of the file in bytes, as declared by the registrant.
	pub size: u64,
	/// Where the file can be downloaded, if anywhere.
	pub uri: Option<Uri>,
	/// SPDX licence identifier or expression (printable ASCII, never empty).
	pub licence: Licence,
	/// Provenance: the artifacts this one derives from, and how. Each existed when this one was
	/// registered, and the list never changes.
	pub parents: Parents,
	/// The account that registered the artifact and holds its deposit.
	pub registrant: AccountId,
	/// Deposit held from the registrant (zero once withdrawn).
	pub deposit: Balance,
	/// Current stage.
	pub stage: Stage<BlockNumber>,
	/// Block of registration.
	pub registered_at: BlockNumber,
}

/// The type of an attestation, without its payload.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum AttestationType {
	/// See [`AttestationKind::Reproduced`].
	#[codec(index = 0)]
	Reproduced,
	/// See [`AttestationKind::EvalScore`].
	#[codec(index = 1)]
	EvalScore,
	/// See [`AttestationKind::RedTeamScore`].
	#[codec(index = 2)]
	RedTeamScore,
	/// See [`AttestationKind::ModelCardReviewed`].
	#[codec(index = 3)]
	ModelCardReviewed,
	/// See [`AttestationKind::LicenceReviewed`].
	#[codec(index = 4)]
	LicenceReviewed,
}

/// What an attester attests about an artifact.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum AttestationKind {
	/// An independent rebuild (training run, export, download) gave the same content hash.
	#[codec(index = 0)]
	Reproduced,
	/// The artifact scored `score` on an evaluation, with the evaluation suite if it is
	/// registered (then it must be an artifact of kind [`ArtifactKind::EvalSuite`]).
	#[codec(index = 1)]
	EvalScore {
		/// The evaluation suite, if registered.
		suite: Option<ContentHash>,
		/// The score, as a fraction of the maximum.
		score: Perbill,
	},
	/// A red team rated the artifact's safety `score` (higher is safer), with the hash of the
	/// report.
	#[codec(index = 2)]
	RedTeamScore {
		/// The safety score, as a fraction of the maximum (higher is safer).
		score: Perbill,
		/// Hash of the red-team report.
		report: H256,
	},
	/// The artifact's model card was reviewed and found adequate.
	#[codec(index = 3)]
	ModelCardReviewed,
	/// The artifact's licence was reviewed: it is the declared one and the artifact may be
	/// distributed under it.
	#[codec(index = 4)]
	LicenceReviewed,
}

impl AttestationKind {
	/// The type of this attestation.
	pub fn attestation_type(&self) -> AttestationType {
		match self {
			Self::Reproduced => AttestationType::Reproduced,
			Self::EvalScore { .. } => AttestationType::EvalScore,
			Self::RedTeamScore { .. } => AttestationType::RedTeamScore,
			Self::ModelCardReviewed => AttestationType::ModelCardReviewed,
			Self::LicenceReviewed => AttestationType::LicenceReviewed,
		}
	}
}

/// An attestation on an artifact.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct Attestation<AccountId, BlockNumber> {
	/// The attester.
	pub attester: AccountId,
	/// What is attested.
	pub kind: AttestationKind,
	/// Block of the attestation.
	pub at: BlockNumber,
}

/// Counts of an artifact's attestations, as the gates see them.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct AttestationSummary {
	/// Number of [`AttestationKind::Reproduced`] attestations (each by a distinct attester).
	pub reproductions: u32,
	/// Number of [`AttestationKind::EvalScore`] attestations.
	pub eval_scores: u32,
	/// Number of [`AttestationKind::RedTeamScore`] attestations.
	pub red_team_scores: u32,
	/// Number of [`AttestationKind::ModelCardReviewed`] attestations.
	pub model_card_reviews: u32,
	/// Number of [`AttestationKind::LicenceReviewed`] attestations.
	pub licence_reviews: u32,
	/// Number of distinct attesters, over all kinds.
	pub distinct_attesters: u32,
	/// The highest red-team score, if any.
	pub best_red_team_score: Option<Perbill>,
	/// The lowest red-team score, if any: the one a gate's minimum applies to.
	pub worst_red_team_score: Option<Perbill>,
}

impl AttestationSummary {
	/// Summarise `attestations` (one pass, plus a set of the attesters).
	pub fn of<AccountId: Ord, BlockNumber>(
		attestations: &[Attestation<AccountId, BlockNumber>],
	) -> Self {
		let mut summary = Self::default();
		let mut attesters: BTreeSet<&AccountId> = BTreeSet::new();
		for attestation in attestations {
			attesters.insert(&attestation.attester);
			match attestation.kind {
				AttestationKind::Reproduced => {
					summary.reproductions = summary.reproductions.saturating_add(1)
				},
				AttestationKind::EvalScore { .. } => {
					summary.eval_scores = summary.eval_scores.saturating_add(1)
				},
				AttestationKind::RedTeamScore { score, .. } => {
					summary.red_team_scores = summary.red_team_scores.saturating_add(1);
					summary.best_red_team_score =
						Some(summary.best_red_team_score.map_or(score, |best| best.max(score)));
					summary.worst_red_team_score =
						Some(summary.worst_red_team_score.map_or(score, |worst| worst.min(score)));
				},
				AttestationKind::ModelCardReviewed => {
					summary.model_card_reviews = summary.model_card_reviews.saturating_add(1)
				},
				AttestationKind::LicenceReviewed => {
					summary.licence_reviews = summary.licence_reviews.saturating_add(1)
				},
			}
		}
		summary.distinct_attesters = u32::try_from(attesters.len()).unwrap_or(u32::MAX);
		summary
	}
}

/// The checklist an artifact's attestations must meet to enter a [`GatedStage`].
///
/// Requirements are checked in the order of the fields; the first unmet one is reported.
/// Attestations count once per attester and kind (an attester cannot attest one kind twice),
/// and never from the registrant.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(crate = "sp_runtime::serde", rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Gate {
	/// Minimum number of reproductions (each by a distinct attester).
	pub min_reproductions: u32,
	/// Minimum number of evaluation scores (each by a distinct attester).
	pub min_eval_scores: u32,
	/// If set: at least one red-team score is required, and **every** red-team score must be
	/// at least this (the worst one counts).
	pub min_red_team_score: Option<Perbill>,
	/// Whether a model-card review is required.
	pub require_model_card_review: bool,
	/// Whether a licence review is required.
	pub require_licence_review: bool,
	/// Minimum number of distinct attesters, over all kinds.
	pub min_attesters: u32,
}

impl Gate {
	/// The first requirement of this gate that `summary` does not meet, or `None` if it meets
	/// them all.
	pub fn first_unmet(&self, summary: &AttestationSummary) -> Option<GateRequirement> {
		if summary.reproductions < self.min_reproductions {
			return Some(GateRequirement::Reproductions);
		}
		if summary.eval_scores < self.min_eval_scores {
			return Some(GateRequirement::EvalScores);
		}
		if let Some(min) = self.min_red_team_score {
			match summary.worst_red_team_score {
				None => return Some(GateRequirement::RedTeam),
				Some(worst) if worst < min => return Some(GateRequirement::RedTeamScore),
				Some(_) => {},
			}
		}
		if self.require_model_card_review && summary.model_card_reviews == 0 {
			return Some(GateRequirement::ModelCardReview);
		}
		if self.require_licence_review && summary.licence_reviews == 0 {
			return Some(GateRequirement::LicenceReview);
		}
		if summary.distinct_attesters < self.min_attesters {
			return Some(GateRequirement::DistinctAttesters);
		}
		None
	}

	/// The least number of attestations that can meet this gate.
	pub fn attestations_needed(&self) -> u32 {
		self.min_reproductions
			.saturating_add(self.min_eval_scores)
			.saturating_add(u32::from(self.min_red_team_score.is_some()))
			.saturating_add(u32::from(self.require_model_card_review))
			.saturating_add(u32::from(self.require_licence_review))
	}
}

/// A requirement of a [`Gate`].
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum GateRequirement {
	/// Not enough reproductions.
	#[codec(index = 0)]
	Reproductions,
	/// Not enough evaluation scores.
	#[codec(index = 1)]
	EvalScores,
	/// No red-team score.
	#[codec(index = 2)]
	RedTeam,
	/// A red-team score below the minimum.
	#[codec(index = 3)]
	RedTeamScore,
	/// No model-card review.
	#[codec(index = 4)]
	ModelCardReview,
	/// No licence review.
	#[codec(index = 5)]
	LicenceReview,
	/// Not enough distinct attesters.
	#[codec(index = 6)]
	DistinctAttesters,
}

/// Whether an artifact's attestations meet the gate of its next stage.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum GateStatus {
	/// Governance has not set this gate: the stage cannot be entered.
	#[codec(index = 0)]
	NotSet,
	/// The first unmet requirement.
	#[codec(index = 1)]
	Unmet(GateRequirement),
	/// All requirements are met; a release-gate decision can advance the artifact.
	#[codec(index = 2)]
	Met,
}

/// Everything known about an artifact (runtime API).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct ArtifactView<AccountId, Balance, BlockNumber> {
	/// The content hash.
	pub hash: ContentHash,
	/// What the artifact is.
	pub kind: ArtifactKind,
	/// Name.
	pub name: Vec<u8>,
	/// Version.
	pub version: Vec<u8>,
	/// Declared size in bytes.
	pub size: u64,
	/// Download location, if any.
	pub uri: Option<Vec<u8>>,
	/// SPDX licence identifier or expression.
	pub licence: Vec<u8>,
	/// Registrant.
	pub registrant: AccountId,
	/// Deposit currently held.
	pub deposit: Balance,
	/// Current stage.
	pub stage: Stage<BlockNumber>,
	/// Block of registration.
	pub registered_at: BlockNumber,
	/// Direct parents and relations (see the runtime API's `lineage` for more generations).
	pub parents: Vec<(ContentHash, Relation)>,
	/// Number of registered artifacts that name this one as a parent.
	pub children: u32,
	/// All current attestations, oldest first.
	pub attestations: Vec<Attestation<AccountId, BlockNumber>>,
	/// Counts of the attestations.
	pub summary: AttestationSummary,
	/// The next stage (after the restored stage, if suspended) and whether its gate is met;
	/// `None` for an artifact in `General`, `Deprecated` or `Withdrawn`.
	pub next_gate: Option<(GatedStage, GateStatus)>,
}

/// One provenance link in an artifact's lineage (runtime API).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct LineageEntry<BlockNumber> {
	/// Generation: 1 for a parent of the queried artifact, 2 for a grandparent, …
	pub depth: u32,
	/// The artifact that names `hash` as a parent.
	pub child: ContentHash,
	/// The parent.
	pub hash: ContentHash,
	/// How `child` derives from `hash`.
	pub relation: Relation,
	/// What the parent is.
	pub kind: ArtifactKind,
	/// The parent's name.
	pub name: Vec<u8>,
	/// The parent's current stage.
	pub stage: Stage<BlockNumber>,
}
