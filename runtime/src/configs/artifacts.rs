//! The artifact registry (DESIGN §5): hash-anchored models, datasets and evaluations with
//! provenance, attestations and staged release gates.
//!
//! Attesters are the reputation pallet's attesters of the matching domain: reproductions and
//! evaluation scores by `evaluation` attesters, red-team scores by `safety` attesters, model-card
//! and licence reviews by `docs` attesters. Stage changes and gates are decided by Root or the
//! constitution's `release-gate` class, takedowns and suspensions by Root or its `takedown` class
//! (both: the council, with a community appeal); guardians suspend through emergency measures.

use frame_support::{parameter_types, traits::ConstU32};
use pallet_artifacts::{ArtifactAttesters, AttestationType};

use crate::{
	configs::{
		constitution::{classes, EnsureClassOrRoot},
		guardians::MAX_MEASURE_LIFETIME,
	},
	currency::deposit,
	time::DAYS,
	AccountId, Balance, Balances, BlockNumber, Runtime, RuntimeEvent, RuntimeHoldReason,
};

/// Reputation domains of the presets whose attesters may attest artifacts: evaluation
/// (reproductions and evaluation scores), safety (red-team scores) and docs (model-card and
/// licence reviews).
pub use ostrom_primitives::domains as attester_domains;

/// Artifact attesters are reputation attesters of the domain matching the attestation.
pub struct ReputationAttesters;
impl ReputationAttesters {
	fn domain(kind: AttestationType) -> pallet_reputation::DomainId {
		match kind {
			AttestationType::Reproduced | AttestationType::EvalScore => {
				attester_domains::EVALUATION
			},
			AttestationType::RedTeamScore => attester_domains::SAFETY,
			AttestationType::ModelCardReviewed | AttestationType::LicenceReviewed => {
				attester_domains::DOCS
			},
		}
	}
}

impl ArtifactAttesters<AccountId> for ReputationAttesters {
	fn is_attester(who: &AccountId, kind: AttestationType) -> bool {
		pallet_reputation::Attesters::<Runtime>::contains_key(Self::domain(kind), who)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn authorise(who: &AccountId, kind: AttestationType) {
		let domain = Self::domain(kind);
		if !pallet_reputation::Domains::<Runtime>::contains_key(domain) {
			let name = frame_support::BoundedVec::truncate_from(b"bench".to_vec());
			let _ = crate::Reputation::do_add_domain(domain, name, DAYS);
		}
		let _ = crate::Reputation::do_set_attester(domain, who.clone(), 1_000, 1_000_000);
	}
}

parameter_types! {
	/// Deposit for registering an artifact: one storage item…
	pub const ArtifactDepositBase: Balance = deposit(1, 0);
	/// …plus its bytes (name, version, URI, licence, parents).
	pub const ArtifactDepositPerByte: Balance = deposit(0, 1);
	/// An attester may revoke an attestation within a week.
	pub const ArtifactRevocationWindow: BlockNumber = 7 * DAYS;
	/// A suspension lasts at most 30 days unless renewed.
	pub const MaxArtifactSuspension: BlockNumber = 30 * DAYS;
}

// A guardian's artifact suspension, ratified as often as allowed, must fit in a suspension.
const _: () = assert!(MAX_MEASURE_LIFETIME <= MaxArtifactSuspension::get());

impl pallet_artifacts::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = crate::weights::pallet_artifacts::WeightInfo<Runtime>;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Attesters = ReputationAttesters;
	/// Root, or a decision of the `release-gate` class (council, with a community appeal).
	type ReleaseOrigin = EnsureClassOrRoot<{ classes::RELEASE_GATE }>;
	/// Root, or a decision of the `takedown` class (council, with a community appeal).
	type TakedownOrigin = EnsureClassOrRoot<{ classes::TAKEDOWN }>;
	/// The release gates are release policy: Root, or a decision of the `release-gate` class.
	type GateOrigin = EnsureClassOrRoot<{ classes::RELEASE_GATE }>;
	/// Root, or a decision of the `takedown` class. Guardians suspend through the constitution's
	/// emergency measures instead.
	type SuspendOrigin = EnsureClassOrRoot<{ classes::TAKEDOWN }>;
	type DepositBase = ArtifactDepositBase;
	type DepositPerByte = ArtifactDepositPerByte;
	type MaxNameLen = ConstU32<64>;
	type MaxVersionLen = ConstU32<32>;
	type MaxUriLen = ConstU32<256>;
	type MaxLicenceLen = ConstU32<64>;
	type MaxParents = ConstU32<8>;
	type MaxAttestations = ConstU32<32>;
	type MaxLineageDepth = ConstU32<8>;
	type MaxLineageEntries = ConstU32<64>;
	type MaxExpiriesPerBlock = ConstU32<16>;
	type RevocationWindow = ArtifactRevocationWindow;
	type MaxSuspension = MaxArtifactSuspension;
}
