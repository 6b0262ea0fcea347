#!/usr/bin/env bash
# The simulated community of issue 16 and its governance report (see docs/metrics.md):
#
#   scripts/simulate.sh                 # the full community; rewrites docs/metrics.md and docs/metrics.svg
#   PROFILE=small scripts/simulate.sh   # a few dozen accounts (what the end-to-end test runs)
#   SEED=42 OUT=/tmp/sim scripts/simulate.sh   # another seed; results into /tmp/sim instead of docs/
#
# 1. starts a throw-away development node (`ostrom-node --dev --tmp`, archive state, free ports);
# 2. `node e2e/simulate.js run` builds the community (1,000 accounts with heavy-tailed balances,
#    300 persons, 250 reputation holders, delegations) and runs 22 decisions in the four voting
#    schemes, with their incidents (about 7 minutes; seeded, so reproducible);
# 3. `ostrom-cli report` reads the whole chain (JSON, and the text table with the chart);
# 4. `node e2e/simulate.js markdown` writes the generated part of docs/metrics.md;
# 5. stops the node.
#
# Builds ostrom-node and ostrom-cli first if they are missing (they are next to each other in
# $CARGO_TARGET_DIR/debug, or set OSTROM_NODE / OSTROM_CLI).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=env.sh
source scripts/env.sh

profile="${PROFILE:-full}"
out="${OUT:-docs}"
cli="${OSTROM_CLI:-$(dirname "$OSTROM_NODE")/ostrom-cli}"
if [ ! -x "$OSTROM_NODE" ] || [ ! -x "$cli" ]; then
	cargo build --locked -p ostrom-node -p ostrom-cli
fi
[ -d e2e/node_modules ] || (cd e2e && npm ci --no-audit --no-fund)
mkdir -p "$out"

free_port() {
	node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();});"
}
rpc_port=$(free_port)
p2p_port=$(free_port)
work=$(mktemp -d)
"$OSTROM_NODE" --dev --tmp --state-pruning archive --rpc-port "$rpc_port" --port "$p2p_port" \
	--no-prometheus --no-telemetry --no-mdns >"$work/node.log" 2>&1 &
pid=$!
cleanup() {
	kill -INT "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
url="ws://127.0.0.1:$rpc_port"
echo "[simulate] ostrom-node --dev (pid $pid) on $url"
for _ in $(seq 1 240); do
	if curl -sf -H 'content-type: application/json' \
		-d '{"id":1,"jsonrpc":"2.0","method":"system_health","params":[]}' "http://127.0.0.1:$rpc_port" >/dev/null; then
		break
	fi
	kill -0 "$pid" 2>/dev/null || { tail -20 "$work/node.log"; echo "[simulate] the node exited" >&2; exit 1; }
	sleep 0.5
done

seed_args=()
[ -n "${SEED:-}" ] && seed_args=(--seed "$SEED")
node e2e/simulate.js run --url "$url" --profile "$profile" "${seed_args[@]}" --out "$work/summary.json"

echo "[simulate] ostrom-cli report"
started=$(date +%s%N)
"$cli" report --url "$url" --format json --no-progress >"$work/report.json"
report_ms=$((($(date +%s%N) - started) / 1000000))
echo "[simulate] the report read the chain in ${report_ms} ms"
"$cli" report --url "$url" --format table --chart "$out/metrics.svg" | tee "$work/report.txt"
node e2e/simulate.js markdown --summary "$work/summary.json" --report "$work/report.json" \
	--doc "$out/metrics.md" --chart metrics.svg --table "$work/report.txt" --report-ms "$report_ms"
echo "[simulate] wrote $out/metrics.md and $out/metrics.svg"
