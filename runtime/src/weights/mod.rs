//! Every weight the runtime uses, measured on this runtime with `scripts/benchmark.sh` in one run
//! on one machine (a release `ostrom-node` with the benchmark CLI; see docs/performance.md):
//! the calls of every pallet (Ostrom's and the reused ones), the base weights of a block and of an
//! extrinsic (`benchmark overhead`) and ParityDB's read and write weights (`benchmark storage`).
//! `pallet_referenda` and `pallet_trust` were measured in a later run on the same machine.
//! The pallets' configurations in `crate::configs` use all of them. Regenerate them on the
//! validators' reference hardware before a production release.

pub mod block_weights;
pub mod extrinsic_weights;
pub mod frame_system;
pub mod frame_system_extensions;
pub mod pallet_artifacts;
pub mod pallet_balances;
pub mod pallet_bounty_work;
pub mod pallet_constitution;
pub mod pallet_guardians;
pub mod pallet_multi_asset_bounties;
pub mod pallet_multisig;
pub mod pallet_preimage;
pub mod pallet_proxy;
pub mod pallet_quadratic_funding;
pub mod pallet_referenda;
pub mod pallet_reputation;
pub mod pallet_safe_mode;
pub mod pallet_scheduler;
pub mod pallet_sudo;
pub mod pallet_timestamp;
pub mod pallet_transaction_payment;
pub mod pallet_treasury;
pub mod pallet_trust;
pub mod pallet_tx_pause;
pub mod pallet_utility;
pub mod pallet_voting;
// The storage benchmark's template documents the fields of a struct expression.
#[allow(unused_doc_comments)]
pub mod paritydb_weights;
