//! Weights of Ostrom's pallets measured on this runtime with `scripts/benchmark.sh`
//! (frame-benchmarking-cli), used by the pallets' configurations in `crate::configs`.
//!
//! They were measured with a debug build of the node on a small development machine, so they
//! overestimate what a release node on reference hardware needs (safe for block limits, dear in
//! fees). Regenerate them with `PROFILE=release scripts/benchmark.sh` on reference hardware
//! before a production release. The other pallets use the weights their crates ship
//! (`SubstrateWeight`), measured by polkadot-sdk on its reference hardware.

pub mod pallet_artifacts;
pub mod pallet_constitution;
pub mod pallet_guardians;
pub mod pallet_quadratic_funding;
pub mod pallet_reputation;
pub mod pallet_voting;
