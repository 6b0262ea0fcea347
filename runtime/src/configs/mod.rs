//! `Config` implementations of every pallet in the runtime, grouped by area.
//!
//! - [`system`]: frame-system, block limits and the call filter;
//! - [`consensus`]: timestamp, Aura and GRANDPA;
//! - [`monetary`]: balances, transaction fees and the treasury;
//! - [`accounts`]: utility, multisig and proxy;
//! - [`governance`]: preimages and the scheduler;
//! - [`reputation`]: Ostrom's attestation-backed reputation and personhood;
//! - [`constitution`]: the class table, the two houses, amendments and appeals, and how they
//!   reach referenda and the scheduler;
//! - [`guardians`]: the guardians' emergency measures and how they reach the brakes and the
//!   constitution's decisions;
//! - [`voting`]: referenda (tracks from the constitution) and their four voting schemes;
//! - [`artifacts`]: the signed registry of models, datasets and evaluations;
//! - [`funding`]: quadratic funding rounds for public goods;
//! - [`trust`]: the web of trust (persons' endorsements, read by the MeritRank tool);
//! - [`bounties`]: bounties the community opens, assigns, accepts and pays (also for runtime
//!   upgrades);
//! - [`safety`]: safe mode, transaction pause and (development only) sudo.

// Hand-written: documented, unlike the items the runtime macros generate (see `lib.rs`).
#![warn(missing_docs)]

pub mod accounts;
pub mod artifacts;
pub mod bounties;
pub mod consensus;
pub mod constitution;
pub mod funding;
pub mod governance;
pub mod guardians;
pub mod monetary;
pub mod reputation;
pub mod safety;
pub mod system;
pub mod trust;
pub mod voting;

pub use system::{RuntimeBlockLength, RuntimeBlockWeights};
