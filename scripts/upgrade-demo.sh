#!/usr/bin/env bash
# A forkless runtime upgrade voted by the community, on a running development chain:
#
#   scripts/upgrade-demo.sh                         # starts a throw-away `--dev` node for the demo
#   scripts/upgrade-demo.sh ws://127.0.0.1:9944     # a dev chain you already run (scripts/dev.sh)
#
# 1. builds the next runtime (spec_version + 1) with scripts/build-next-runtime.sh;
# 2. proposes `system.authorizeUpgrade(codeHash)` as a decision of the constitution's
#    runtime-upgrade class (council and community, concurrence) and votes it through as the
#    development accounts (council: Alice and Bob; community: 900,000 OSTR locked aye by Alice);
# 3. once the decision is enacted, submits `system.applyAuthorizedUpgrade(code)`;
# 4. prints `state_getRuntimeVersion` before and after, and a block finalised after the switch.
#
# The node is never restarted. The same flow is the end-to-end test e2e/tests/upgrade.test.js.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=env.sh
source scripts/env.sh

wasm=$(bash scripts/build-next-runtime.sh)
[ -d e2e/node_modules ] || (cd e2e && npm ci --no-audit --no-fund)

url="${1:-}"
if [ -z "$url" ]; then
	[ -x "$OSTROM_NODE" ] || cargo build --locked -p ostrom-node
	base=$(mktemp -d)
	port=$((20000 + RANDOM % 20000))
	"$OSTROM_NODE" --dev --base-path "$base" --rpc-port "$port" --port $((port + 1)) \
		--no-prometheus --no-telemetry --no-mdns >"$base/node.log" 2>&1 &
	pid=$!
	trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$base"' EXIT
	echo "started ostrom-node --dev (pid $pid, log $base/node.log)"
	url="ws://127.0.0.1:$port"
fi
node e2e/upgrade-demo.js "$url" "$wasm"
