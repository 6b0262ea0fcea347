#!/usr/bin/env bash
# Vote throughput and cost on a release development chain (issue #15).
#
#   scripts/bench-votes.sh              # N = 2000 voters
#   N=500 scripts/bench-votes.sh        # or: scripts/bench-votes.sh 500
#
# 1. Builds the release node with the benchmark subcommand if it is missing (the binary
#    scripts/benchmark.sh uses) and starts `ostrom-node --dev` on free ports
#    with a temporary base path (archive state, so that its blocks can be re-executed afterwards).
# 2. `node e2e/bench-votes.js run`: funds N accounts, makes them persons and reputation holders,
#    has every account vote at once on a token, a quadratic and a reputation poll (and the
#    council's seats on a council poll), printing the votes per block and the time from the first
#    submission to the last inclusion; compares a vote's weight and fee with a transfer's; measures
#    a delegate's vote with 1, 1,000 and 10,000 delegators.
# 3. Stops the node and re-executes the blocks with votes (`ostrom-node benchmark block`) for
#    their import times.
# 4. `node e2e/bench-votes.js report`: writes $CARGO_TARGET_DIR/bench-votes.json, the generated
#    section of docs/performance.md (between its bench-votes markers) and
#    docs/performance-votes.svg.
#
# Environment: N (voters, default 2000), DELEGATORS (default 1,1000,10000), SIGNED_DELEGATIONS
# (delegations sent as the delegators' own transactions, default 1000; the rest are dispatched as
# them by sudo), REPEAT (runs per re-executed block with votes, default 5), REPEAT_SINGLE (runs per
# re-executed block of a delegate's single vote, default 50), KEEP=1 (keep the temporary
# directory: node log, database, raw results). About 6 minutes on a 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

N="${1:-${N:-2000}}"
DELEGATORS="${DELEGATORS:-1,1000,10000}"
SIGNED_DELEGATIONS="${SIGNED_DELEGATIONS:-1000}"
REPEAT="${REPEAT:-5}"
REPEAT_SINGLE="${REPEAT_SINGLE:-50}"
case "$N" in '' | *[!0-9]* | 0) echo "bench-votes: N must be a positive integer, not '$N'" >&2; exit 2 ;; esac

bin="$CARGO_TARGET_DIR/release/ostrom-node"
if [ ! -x "$bin" ]; then
	echo "==> building the release node with the benchmark subcommand (a long build)"
	build_bench_node --release
fi
if ! "$bin" benchmark block --help >/dev/null 2>&1; then
	echo "bench-votes: $bin has no 'benchmark' subcommand: it was built without --features runtime-benchmarks." >&2
	echo "  Rebuild it: (source scripts/env.sh; build_bench_node --release)" >&2
	exit 1
fi
command -v node >/dev/null || { echo "bench-votes: Node.js is needed (scripts/setup.sh installs it)" >&2; exit 1; }
[ -d e2e/node_modules/@polkadot/api ] || (cd e2e && npm ci --no-audit --no-fund)

commit="$(git describe --always --dirty 2>/dev/null || echo unknown)"
work="$(mktemp -d "${TMPDIR:-/tmp}/ostrom-bench-votes.XXXXXX")"
node_pid=""
stop_node() {
	if [ -n "$node_pid" ] && kill -0 "$node_pid" 2>/dev/null; then
		kill -INT "$node_pid" 2>/dev/null || true
		for _ in $(seq 1 60); do
			kill -0 "$node_pid" 2>/dev/null || break
			sleep 0.5
		done
		kill -KILL "$node_pid" 2>/dev/null || true
		wait "$node_pid" 2>/dev/null || true
	fi
	node_pid=""
}
cleanup() {
	stop_node
	if [ "${KEEP:-0}" = 1 ]; then
		echo "bench-votes: kept $work (node.log, base/, raw.json, bench-block.log)"
	else
		rm -rf "$work"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Two free TCP ports (RPC, p2p), taken while both are held so that they differ.
read -r rpc_port p2p_port < <(node -e '
	const net = require("net");
	const a = net.createServer().listen(0, "127.0.0.1", () => {
		const b = net.createServer().listen(0, "127.0.0.1", () => {
			console.log(a.address().port, b.address().port);
			a.close(); b.close();
		});
	});')
pool_limit=$((N * 3 + 12000))
echo "==> starting $bin --dev (RPC ws://127.0.0.1:$rpc_port, base path $work/base)"
"$bin" --dev --base-path "$work/base" --state-pruning archive \
	--rpc-port "$rpc_port" --port "$p2p_port" --no-prometheus --no-telemetry --no-mdns \
	--pool-limit "$pool_limit" --pool-kbytes 262144 \
	>"$work/node.log" 2>&1 &
node_pid=$!

for i in $(seq 1 120); do
	if ! kill -0 "$node_pid" 2>/dev/null; then
		echo "bench-votes: the node exited at start:" >&2
		tail -20 "$work/node.log" >&2
		exit 1
	fi
	if node -e '
		fetch(process.argv[1], { method: "POST", headers: { "content-type": "application/json" },
			body: JSON.stringify({ id: 1, jsonrpc: "2.0", method: "system_health", params: [] }) })
			.then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1));' "http://127.0.0.1:$rpc_port"; then
		break
	fi
	[ "$i" = 120 ] && { echo "bench-votes: the node's RPC did not answer within 60 s" >&2; tail -20 "$work/node.log" >&2; exit 1; }
	sleep 0.5
done

echo "==> measuring (N = $N, delegators $DELEGATORS)"
if ! node e2e/bench-votes.js run --url "ws://127.0.0.1:$rpc_port" --log "$work/node.log" \
	--raw "$work/raw.json" --range "$work/range.env" --n "$N" \
	--delegators "$DELEGATORS" --signed-delegations "$SIGNED_DELEGATIONS"; then
	echo "bench-votes: the measurement failed; the node's last lines:" >&2
	tail -15 "$work/node.log" >&2
	exit 1
fi

echo "==> stopping the node"
stop_node
# shellcheck disable=SC1091
source "$work/range.env"
echo "==> re-executing blocks #$FROM … #$TO (ostrom-node benchmark block, $REPEAT runs each)"
if ! "$bin" benchmark block --dev --base-path "$work/base" --state-pruning archive \
	--from "$FROM" --to "$TO" --repeat "$REPEAT" >"$work/bench-block.log" 2>&1; then
	echo "bench-votes: benchmark block failed:" >&2
	tail -20 "$work/bench-block.log" >&2
	exit 1
fi
# The first block a `benchmark block` process executes also pays for compiling the runtime: each
# range starts with a block that is not measured for itself (range.env's FROM is one early).
for block in ${EXTRA:-}; do
	echo "==> re-executing block #$block (a delegate's vote), after #$((block - 1)), $REPEAT_SINGLE runs each"
	if ! "$bin" benchmark block --dev --base-path "$work/base" --state-pruning archive \
		--from "$((block - 1))" --to "$block" --repeat "$REPEAT_SINGLE" >>"$work/bench-block.log" 2>&1; then
		echo "bench-votes: benchmark block failed:" >&2
		tail -20 "$work/bench-block.log" >&2
		exit 1
	fi
done

echo "==> report"
node e2e/bench-votes.js report --raw "$work/raw.json" --log "$work/node.log" --bench "$work/bench-block.log" \
	--repeat "$REPEAT" --repeat-single "$REPEAT_SINGLE" --commit "$commit" \
	--json "$CARGO_TARGET_DIR/bench-votes.json" --doc docs/performance.md --svg docs/performance-votes.svg
