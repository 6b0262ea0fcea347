#!/usr/bin/env bash
# Measures the weights of Ostrom's pallets on this machine and writes them to runtime/src/weights/
# (frame-benchmarking-cli's default template: `WeightInfo<T>` structs for the runtime to use in its
# configs). Also benchmarks `pallet_balances` so that Ostrom's calls can be compared with a plain
# transfer measured in the same run. The runtime's configs use the files written here
# (runtime/src/weights/); re-run this script after changing a pallet's storage or logic.
#
#   scripts/benchmark.sh            # debug node (quick to build; pessimistic numbers)
#   PROFILE=release scripts/benchmark.sh   # release node: the numbers to ship (a long build)
#
# The runtime under test is always the release-compiled Wasm; a debug node only slows the host
# functions (storage, hashing outside the optimised crates), so debug weights err on the high side.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

PROFILE="${PROFILE:-debug}"
STEPS="${STEPS:-20}"
REPEAT="${REPEAT:-5}"
flags=(--features runtime-benchmarks)
[ "$PROFILE" = release ] && flags+=(--release)
# frame-benchmarking-cli carries a test runtime whose Wasm build cannot find itself in this
# workspace; `benchmark pallet` does not need it.
SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1 cargo build --locked -p ostrom-node "${flags[@]}"
node="$CARGO_TARGET_DIR/$PROFILE/ostrom-node"

mkdir -p runtime/src/weights "$CARGO_TARGET_DIR/benchmarks"
# `pallet_balances` is measured for comparison only (the runtime keeps polkadot-sdk's weights for
# it): its file goes to the target directory.
for pallet in pallet_reputation pallet_voting pallet_artifacts pallet_quadratic_funding pallet_constitution pallet_balances; do
	echo "==> $pallet"
	out="runtime/src/weights/$pallet.rs"
	[ "$pallet" = pallet_balances ] && out="$CARGO_TARGET_DIR/benchmarks/$pallet.rs"
	"$node" benchmark pallet --chain dev --pallets "$pallet" --extrinsic '*' \
		--steps "$STEPS" --repeat "$REPEAT" --wasm-execution compiled \
		--header scripts/weights-header.txt --output "$out"
	# The file records the command; keep this machine's paths out of it.
	sed -i -e "s|^// $node\$|// ostrom-node|" -e "s|^// $CARGO_TARGET_DIR/|// \\$CARGO_TARGET_DIR/|" "$out"
done
