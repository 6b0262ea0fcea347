//! Reputation: non-transferable, attestation-backed scores per domain, with decay, slashing and
//! personhood credentials (DESIGN §4).
//!
//! Domains, attesters, issuers and slashing are governed by Root until the constitution pallet
//! provides its decision classes.

use frame_support::traits::ConstU32;
use frame_system::EnsureRoot;

use crate::{time::DAYS, AccountId, BlockNumber, Runtime, RuntimeEvent};

frame_support::parameter_types! {
	/// Attesters' rate limits are counted per day.
	pub const ReputationRatePeriod: BlockNumber = DAYS;
	/// An attester may revoke an attestation within a week.
	pub const ReputationRevocationWindow: BlockNumber = 7 * DAYS;
	/// A personhood credential lasts at most a year.
	pub const MaxCredentialDuration: BlockNumber = 365 * DAYS;
}

impl pallet_reputation::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_reputation::weights::SubstrateWeight<Runtime>;
	type DomainOrigin = EnsureRoot<AccountId>;
	type AttesterOrigin = EnsureRoot<AccountId>;
	type SlashOrigin = EnsureRoot<AccountId>;
	type PersonhoodOrigin = EnsureRoot<AccountId>;
	type MaxDomains = ConstU32<16>;
	type MaxNameLength = ConstU32<32>;
	type MaxAttestersPerDomain = ConstU32<64>;
	type MaxAttestationsPerAttester = ConstU32<64>;
	type RatePeriod = ReputationRatePeriod;
	type RevocationWindow = ReputationRevocationWindow;
	type MaxIssuers = ConstU32<16>;
	type MaxCredentialsPerIssuer = ConstU32<100_000>;
	type MaxCredentialDuration = MaxCredentialDuration;
}
