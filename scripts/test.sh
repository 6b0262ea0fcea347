#!/usr/bin/env bash
# Every check CI runs: formatting, clippy (warnings denied), all Rust tests, and the end-to-end tests
# against a real ostrom-node. Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
# shellcheck source=env.sh
source scripts/env.sh
# A test run builds every workspace crate once: incremental caches (gigabytes per clone in the
# shared target directory) would only fill the disk. Dependencies are never incremental anyway.
export CARGO_INCREMENTAL=0

step() { printf '\n\033[1;34m==> %s\033[0m (%s)\n' "$*" "$(date +%T)"; }
started=$(date +%s)

step "cargo fmt --check"
cargo fmt --all --check

# Clippy only needs the runtime's Rust, not its Wasm blob.
step "cargo clippy (warnings denied)"
SKIP_WASM_BUILD=1 cargo clippy --locked --workspace --all-targets -- -D warnings

# The benchmark CLI and runtime benchmarks exist only with this feature; keep them compiling.
step "cargo clippy --features runtime-benchmarks (node and runtime)"
SKIP_WASM_BUILD=1 cargo clippy --locked -p ostrom-node -p ostrom-runtime --features runtime-benchmarks -- -D warnings

step "cargo clippy --features try-runtime (node and runtime)"
SKIP_WASM_BUILD=1 cargo clippy --locked -p ostrom-node -p ostrom-runtime --features try-runtime -- -D warnings

step "cargo build (node and runtime Wasm)"
cargo build --locked --workspace

step "cargo test"
cargo test --locked --workspace

# Every pallet's benchmarks, linted and run once as tests against its mock runtime.
for manifest in pallets/*/Cargo.toml; do
	pallet=$(sed -n 's/^name = "\(.*\)"/\1/p' "$manifest" | head -n 1)
	step "benchmarks of $pallet (clippy + tests with runtime-benchmarks)"
	SKIP_WASM_BUILD=1 cargo clippy --locked -p "$pallet" --all-targets --features runtime-benchmarks -- -D warnings
	SKIP_WASM_BUILD=1 cargo test --locked -p "$pallet" --features runtime-benchmarks
done

# The runtime fuzzer: short seeded runs through real blocks, with every pallet's try_state checked
# after each block (scripts/fuzz.sh makes long runs).
step "runtime fuzzer (seeded runs, try_state after every block)"
SKIP_WASM_BUILD=1 cargo test --locked -p ostrom-fuzz --features try-runtime

# The runtime-upgrade test needs a second runtime, identical but for a higher spec_version.
step "build the next runtime (spec_version + 1) for the upgrade test"
OSTROM_NEXT_WASM=$(bash scripts/build-next-runtime.sh)
export OSTROM_NEXT_WASM

step "end-to-end tests (@polkadot/api against ostrom-node)"
(cd e2e && npm test)

# The governance portal: built, then driven in headless Chromium against a dev ostrom-node.
step "web portal (build + browser tests against ostrom-node)"
(cd portal && npm ci --no-audit --no-fund && npm run build && npm test)

# Every command the README and docs/ show is run as written (or skipped with a stated reason):
# the docs cannot show a command that does not work.
step "documented commands (README.md and docs/)"
python3 scripts/doc_commands.py

printf '\n\033[1;32mall checks passed in %ss\033[0m\n' "$(($(date +%s) - started))"
