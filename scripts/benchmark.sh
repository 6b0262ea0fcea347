#!/usr/bin/env bash
# Measures every weight the runtime uses, in one run on this machine, and writes them to
# runtime/src/weights/ (the runtime's configs use all of them):
#
#   1. `benchmark pallet` for every pallet with benchmarks in the runtime: Ostrom's eight and the
#      reused ones (system and its extensions, balances, timestamp, utility, multisig, proxy,
#      preimage, scheduler, referenda, treasury, multi-asset bounties, safe-mode, tx-pause, sudo,
#      transaction-payment);
#   2. `benchmark overhead`: `BlockExecutionWeight` (an empty block) and `ExtrinsicBaseWeight` (a
#      no-op extrinsic), replacing polkadot-sdk's generic constants;
#   3. `benchmark storage` on ParityDB (the node's only database): the read and write weights
#      (`ParityDbWeight`) every `T::DbWeight` in the weights above is priced with.
#
#   scripts/benchmark.sh                 # release node: the numbers to ship (a long first build)
#   PROFILE=debug scripts/benchmark.sh   # debug node: quick to build, pessimistic (host calls ~30× slower)
#   PALLETS="pallet_voting pallet_balances" scripts/benchmark.sh   # only these (skips 2 and 3,
#                                                  # unless BASE_WEIGHTS=1)
#   STEPS=50 REPEAT=20 MIN_DURATION=10 scripts/benchmark.sh          # more samples (default 20 × 10, ≥ 3 s)
#
# The runtime under test is always the release-compiled Wasm (the Wasm builder builds it in
# release); the node's profile only changes the speed of the host functions (storage, hashing,
# crypto) that the Wasm calls. The node is built with the `runtime-benchmarks` feature; the
# default build (and CI) never compiles the benchmark CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

PROFILE="${PROFILE:-release}"
STEPS="${STEPS:-20}"
REPEAT="${REPEAT:-10}"
# Each benchmark repeats until it has run this many seconds (polkadot-sdk's default, 10 s, makes
# a full run take about 45 minutes on a 2-core machine; 3 s takes about 15).
MIN_DURATION="${MIN_DURATION:-3}"
flags=()
[ "$PROFILE" = release ] && flags+=(--release)
build_bench_node "${flags[@]}"
node="$CARGO_TARGET_DIR/$PROFILE/ostrom-node"
out_dir=runtime/src/weights
header=scripts/weights-header.txt

# Every pallet of the runtime's `define_benchmarks!` (runtime/src/benchmarks.rs) but the
# baseline, which only calibrates the benchmarking framework itself.
ALL_PALLETS="frame_system frame_system_extensions pallet_balances pallet_timestamp pallet_utility
pallet_multisig pallet_proxy pallet_preimage pallet_scheduler pallet_referenda pallet_treasury
pallet_safe_mode pallet_tx_pause pallet_sudo pallet_transaction_payment pallet_reputation
pallet_voting pallet_constitution pallet_guardians pallet_artifacts pallet_quadratic_funding
pallet_trust pallet_multi_asset_bounties pallet_bounty_work"
PALLETS="${PALLETS:-$ALL_PALLETS}"
if [ "$PALLETS" = "$ALL_PALLETS" ]; then BASE_WEIGHTS="${BASE_WEIGHTS:-1}"; fi

# Generated files record the command and the output path; keep this machine's paths out.
scrub() {
	sed -i -e "s|$node|ostrom-node|g" -e "s|$CARGO_TARGET_DIR|\$CARGO_TARGET_DIR|g" \
		-e "s|$PWD/||g" "$1"
}

mkdir -p "$out_dir"
started=$(date +%s)
failed=()
for pallet in $PALLETS; do
	echo "==> benchmark pallet $pallet (steps $STEPS, repeat $REPEAT, at least $MIN_DURATION s)"
	out="$out_dir/$pallet.rs"
	# A pallet whose benchmarks fail keeps its previous file; the others still run.
	if ! "$node" benchmark pallet --chain dev --pallet "$pallet" --extrinsic '*' \
		--steps "$STEPS" --repeat "$REPEAT" --min-duration "$MIN_DURATION" --wasm-execution compiled \
		--header "$header" --output "$out"; then
		failed+=("$pallet")
		continue
	fi
	scrub "$out"
done

if [ "${BASE_WEIGHTS:-0}" = 1 ]; then
	echo "==> benchmark overhead (BlockExecutionWeight, ExtrinsicBaseWeight)"
	"$node" benchmark overhead --chain dev --wasm-execution compiled \
		--header "$header" --weight-path "$out_dir"
	for f in block_weights extrinsic_weights; do scrub "$out_dir/$f.rs"; done

	echo "==> benchmark storage (ParityDB read and write weights)"
	db=$(mktemp -d)
	trap 'rm -rf "$db"' EXIT
	# A development chain's genesis state, in ParityDB, is the state measured.
	"$node" benchmark storage --chain dev --base-path "$db" --database paritydb \
		--state-version 1 --batch-size 10 --header "$header" --weight-path "$out_dir"
	scrub "$out_dir/paritydb_weights.rs"
	sed -i "s|$db|<temporary base path>|g" "$out_dir/paritydb_weights.rs"
fi
echo "==> done in $(( $(date +%s) - started )) s; weights in $out_dir/"
# The weights table of docs/performance.md (between its `weights` markers).
python3 scripts/weights-summary.py --doc docs/performance.md && echo "==> docs/performance.md updated"
if [ "${#failed[@]}" -gt 0 ]; then
	echo "==> benchmarks failed for: ${failed[*]}" >&2
	exit 1
fi
