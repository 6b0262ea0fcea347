//! `ostrom-node`: the Ostrom governance chain's node (Aura blocks, GRANDPA finality, ParityDB,
//! JSON-RPC on port 9944).

#![warn(missing_docs)]

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
