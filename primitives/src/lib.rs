//! # Ostrom primitives
//!
//! What Ostrom's pallets share, so that no pallet depends on another pallet's crate (as
//! `sp-staking` serves the staking pallets): the runtime is the only place where they meet.
//!
//! - ids: [`DomainId`], [`PersonId`], [`TrackId`], and the reputation [`domains`] of the
//!   presets;
//! - [`decay`]: the deterministic fixed-point exponential decay of reputation, and the
//!   arithmetic other pallets use to decay their snapshots of it;
//! - reputation and personhood: [`ReputationProvider`], [`PersonhoodProvider`],
//!   [`ReputationSlasher`], [`OnReputationSlashed`], [`OnCredentialRemoved`] (implemented by
//!   `pallet-reputation`);
//! - voting: [`Scheme`], [`SchemeOf`] (implemented by `pallet-constitution`), [`Members`]
//!   (the council, implemented by `pallet-constitution`), [`Recusal`], [`CouncilBallots`],
//!   [`DelegationCount`] (implemented by `pallet-voting`).
//!
//! The traits carry their benchmark-only setters (feature `runtime-benchmarks`): making a
//! person, giving reputation, seating a member, each implemented by the pallet that owns the
//! state.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod decay;
#[cfg(feature = "mock")]
pub mod mock;
mod reputation;
mod voting;

pub use reputation::*;
pub use voting::*;

/// Identifier of a reputation domain (e.g. code, data, evaluation, safety, docs, merit).
pub type DomainId = u16;

/// Identifier of a person: the subject of a personhood credential, the same across the
/// accounts (keys) the person holds a credential on. Person ids are one chain-wide namespace:
/// issuers coordinate on it (e.g. disjoint ranges, or a shared registry off chain), since two
/// stored credentials never share one.
pub type PersonId = u64;

/// Identifier of a referendum track: `class · 4 + kind` in the constitution (see
/// `pallet_constitution::track_id`), the class of a poll in `pallet-voting`.
pub type TrackId = u16;

/// The reputation domains of Ostrom's presets: the development and production genesis create
/// them, and the preset class table weighs them. One source for their ids.
pub mod domains {
	use super::DomainId;

	/// Code: software contributions.
	pub const CODE: DomainId = 0;
	/// Data: datasets and their curation.
	pub const DATA: DomainId = 1;
	/// Evaluation: evaluation suites and baselines.
	pub const EVALUATION: DomainId = 2;
	/// Safety: safety reviews and red-teaming.
	pub const SAFETY: DomainId = 3;
	/// Docs: documentation.
	pub const DOCS: DomainId = 4;
	/// Merit: sybil-tolerant trust computed off chain from the endorsement graph of
	/// `pallet-trust` (MeritRank) and published as attestations.
	pub const MERIT: DomainId = 5;

	/// The contribution domains: every preset domain but [`MERIT`]. The preset class table
	/// weighs these; merit, a score the MeritRank tool publishes from one attester, carries no
	/// voting weight unless an amendment gives it some.
	pub const ALL: [DomainId; 5] = [CODE, DATA, EVALUATION, SAFETY, DOCS];
	/// Evaluation and safety (the release gate's domains).
	pub const EVALUATION_AND_SAFETY: [DomainId; 2] = [EVALUATION, SAFETY];
}
