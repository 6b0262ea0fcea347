//! Types stored and exchanged by the reputation pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::BoundedVec;
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;

use crate::Config;

pub use ostrom_primitives::{DomainId, PersonId};

/// The name of a domain, bounded by [`Config::MaxNameLength`].
pub type NameOf<T> = BoundedVec<u8, <T as Config>::MaxNameLength>;

/// A domain as stored by the pallet.
pub type DomainOf<T> = DomainInfo<BlockNumberFor<T>, NameOf<T>>;

/// The rights of an attester in a domain, as stored by the pallet.
pub type AttesterOf<T> = AttesterRights<BlockNumberFor<T>>;

/// An attestation, as stored by the pallet.
pub type AttestationOf<T> = Attestation<
	<T as frame_system::Config>::AccountId,
	BlockNumberFor<T>,
	<T as frame_system::Config>::Hash,
>;

/// A personhood credential, as stored by the pallet.
pub type CredentialOf<T> = Credential<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

/// The chain's *fastest decay clock*: the decay clock of the fastest-decaying domain, re-anchored
/// whenever a domain is added, removed or changes its half-life, so it is continuous and
/// non-decreasing and, between any two blocks, advances at least as far as every domain's own
/// clock. Weight that other pallets keep as a snapshot (e.g. reputation ballots and delegations
/// in `pallet-voting`) decays with it, so a snapshot never counts more than the reputation it
/// was taken from (see [`crate::ReputationProvider::fastest_clock`]).
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct FastestClock<BlockNumber> {
	/// The shortest half-life of any domain, in blocks (never zero).
	pub half_life: BlockNumber,
	/// Block at which the clock was last anchored.
	pub anchor_block: BlockNumber,
	/// Clock reading at `anchor_block` (Q32 half-lives).
	pub anchor_clock: u128,
}

/// A reputation domain: a name, a half-life, and the anchor of its decay clock.
///
/// The decay clock (see [`crate::decay`]) reads, at block `b`,
/// `anchor_clock + ⌊(b − anchor_block) · 2³² / half_life⌋` (Q32 half-lives since creation).
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct DomainInfo<BlockNumber, Name> {
	/// Human-readable name (UTF-8 by convention, not checked).
	pub name: Name,
	/// Half-life of scores in this domain, in blocks (never zero).
	pub half_life: BlockNumber,
	/// Block at which the decay clock was last anchored (creation or half-life change).
	pub anchor_block: BlockNumber,
	/// Decay clock reading at `anchor_block` (Q32 half-lives).
	pub anchor_clock: u128,
	/// Number of attesters authorised in this domain.
	pub attesters: u32,
	/// Distinguishes this domain from earlier, removed domains with the same id.
	pub incarnation: u32,
}

/// What an authorised attester may attest in one domain, and its use of its rate limit.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct AttesterRights<BlockNumber> {
	/// Maximum number of points of a single attestation.
	pub max_per_attestation: u128,
	/// Maximum number of points attested per rate period ([`Config::RatePeriod`]).
	pub rate_limit: u128,
	/// Index (`block / RatePeriod`) of the rate period `used` refers to.
	pub period: BlockNumber,
	/// Points attested during period `period`.
	pub used: u128,
}

/// A recorded attestation, kept while it can be revoked.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct Attestation<AccountId, BlockNumber, Hash> {
	/// Identifier, unique across the chain.
	pub id: u64,
	/// The account whose reputation was raised.
	pub subject: AccountId,
	/// The domain.
	pub domain: DomainId,
	/// Incarnation of the domain (see [`DomainInfo::incarnation`]).
	pub incarnation: u32,
	/// Points attested.
	pub points: u128,
	/// Units added to the subject's score at `epoch` (see [`crate::decay`]).
	pub units: u128,
	/// Epoch of the domain's decay clock at which `units` were added.
	pub epoch: u64,
	/// Block of the attestation.
	pub at: BlockNumber,
	/// Hash of the evidence (e.g. a merged pull request, an evaluation report).
	pub evidence: Hash,
}

/// A score: units at an epoch of its domain's decay clock (see [`crate::decay`]).
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
pub struct ScoreRecord {
	/// Points scaled by `2³²` and by the decay of the epoch's fraction at the time they were
	/// added.
	pub units: u128,
	/// Epoch (whole half-lives) of the domain's decay clock the units are expressed at.
	pub epoch: u64,
}

/// A personhood credential: the issuer certifies that the holder is a unique person until
/// `expires_at` (exclusive).
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct Credential<AccountId, BlockNumber> {
	/// The issuer that granted the credential.
	pub issuer: AccountId,
	/// The person the credential certifies (kept by renewals and by re-issuing to a new account
	/// of the same person).
	pub person: PersonId,
	/// Block at which it was (last) issued.
	pub issued_at: BlockNumber,
	/// First block at which it is no longer valid.
	pub expires_at: BlockNumber,
}
