//! `ostrom-node`: the Ostrom governance chain's node (Aura blocks, GRANDPA finality, ParityDB,
//! JSON-RPC on port 9944).

#![warn(missing_docs)]
// `sc_cli::Error` and `sc_service::Error` are polkadot-sdk's types, fixed by the traits this crate
// implements; their size is not ours to change.
#![allow(clippy::result_large_err)]

mod chain_spec;
mod cli;
mod command;
mod community;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
