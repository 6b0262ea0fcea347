//! Reputation: non-transferable, attestation-backed scores per domain, with decay, slashing and
//! personhood credentials (DESIGN §4).
//!
//! Domains, attesters and personhood issuers are administered by Root or by a decision of the
//! `parameter-change` class (community, reputation-weighted); slashing by Root or a decision of
//! the `takedown` class (council, with a community appeal). Conflict-of-interest challenges the
//! council upholds slash through the constitution directly.

use frame_support::traits::ConstU32;
use sp_runtime::Perbill;

use crate::configs::constitution::{classes, EnsureClassOrRoot};

use crate::{time::DAYS, BlockNumber, Runtime, RuntimeEvent};

frame_support::parameter_types! {
	/// Attesters' rate limits are counted per day.
	pub const ReputationRatePeriod: BlockNumber = DAYS;
	/// An attester may revoke an attestation within a week.
	pub const ReputationRevocationWindow: BlockNumber = 7 * DAYS;
	/// A personhood credential lasts at most a year.
	pub const MaxCredentialDuration: BlockNumber = 365 * DAYS;
	/// No attester may hold more than a fifth of a domain's reputation: the attesters of a
	/// domain are appointed by `parameter-change` decisions, which reputation votes on, so a
	/// single attester must not be able to mint the majority that re-appoints it.
	pub const MaxAttesterShare: Perbill = Perbill::from_percent(20);
	/// Bootstrap allowance: until a domain holds 5,000 points (five maximal development
	/// attestations), one attester may start it alone.
	pub const AttesterShareFloor: u128 = 5_000;
}

/// Root, or an approved decision of the `parameter-change` class.
pub type ReputationAdminOrigin = EnsureClassOrRoot<{ classes::PARAMETER_CHANGE }>;

impl pallet_reputation::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = crate::weights::pallet_reputation::WeightInfo<Runtime>;
	type DomainOrigin = ReputationAdminOrigin;
	type AttesterOrigin = ReputationAdminOrigin;
	type SlashOrigin = EnsureClassOrRoot<{ classes::TAKEDOWN }>;
	type PersonhoodOrigin = ReputationAdminOrigin;
	type MaxDomains = ConstU32<16>;
	type MaxNameLength = ConstU32<32>;
	type MaxAttestersPerDomain = ConstU32<64>;
	type MaxAttestationsPerAttester = ConstU32<64>;
	type RatePeriod = ReputationRatePeriod;
	type RevocationWindow = ReputationRevocationWindow;
	type MaxIssuers = ConstU32<16>;
	type MaxCredentialsPerIssuer = ConstU32<100_000>;
	type MaxCredentialDuration = MaxCredentialDuration;
	/// A revoked or purged credential voids the account's quadratic ballots on ongoing polls.
	type OnCredentialRemoved = crate::Voting;
	/// A slash re-weighs the account's reputation ballots and delegations on ongoing polls.
	type OnSlashed = crate::Voting;
	type MaxAttesterShare = MaxAttesterShare;
	type AttesterShareFloor = AttesterShareFloor;
}
