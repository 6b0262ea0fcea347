# Sourced by the other scripts: one persistent cargo target directory shared by every clone of the
# repository (and by CI), so repeated builds are incremental. Override with CARGO_TARGET_DIR.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ostrom/target}"
mkdir -p "$CARGO_TARGET_DIR"
export OSTROM_NODE="${OSTROM_NODE:-$CARGO_TARGET_DIR/debug/ostrom-node}"

# Builds ostrom-node with the `benchmark` subcommand (feature `runtime-benchmarks`), in the given
# cargo profile flags (e.g. `--release`). frame-benchmarking-cli carries a test runtime whose Wasm
# build cannot find itself in this workspace; Ostrom's benchmarks do not need it.
build_bench_node() {
	SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1 cargo build --locked -p ostrom-node --features runtime-benchmarks "$@"
}
