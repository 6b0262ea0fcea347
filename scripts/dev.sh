#!/usr/bin/env bash
# Sets up the machine, builds ostrom-node and starts a development chain (Alice validates, sudo
# Alice, state discarded on exit), with the governance portal served at http://127.0.0.1:8080/
# ($OSTROM_PORTAL_PORT). Extra arguments go to the node, e.g. `scripts/dev.sh --rpc-external`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
# shellcheck source=env.sh
source scripts/env.sh

echo "[dev] building ostrom-node (target dir: $CARGO_TARGET_DIR; the first build takes a long while)"
cargo build --locked --workspace

# The governance portal (portal/), built and served next to the node with a static file server.
PORTAL_PORT="${OSTROM_PORTAL_PORT:-8080}"
portal_url=""
if command -v npm >/dev/null && command -v python3 >/dev/null; then
	echo "[dev] building the governance portal (portal/)"
	if (cd portal && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run build --silent >/dev/null); then
		python3 -m http.server "$PORTAL_PORT" --bind 127.0.0.1 --directory portal/dist >/dev/null 2>&1 &
		portal_pid=$!
		trap 'kill "$portal_pid" 2>/dev/null || true' EXIT
		portal_url="http://127.0.0.1:$PORTAL_PORT/"
	else
		echo "[dev] the portal did not build: the chain starts without it" >&2
	fi
fi

cat <<MSG

  Ostrom development chain starting. RPC: ws://127.0.0.1:9944
  Governance portal: ${portal_url:-not built (needs npm)}

  Next:
    - Open the governance portal and pick a dev account (Alice .. Ferdie) to vote, propose,
      delegate and unlock; "My account" seeds personhood and reputation on a fresh chain.
    - Open Polkadot.js Apps and choose Development > Local Node (ws://127.0.0.1:9944),
      or open https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A9944
    - Alice .. Ferdie hold 1,000,000 OSTR each; Alice holds the sudo key.
    - Try Accounts > Transfer, or Developer > Extrinsics.
    - Ctrl-C stops the chain (its state is temporary: --tmp).

MSG
"$OSTROM_NODE" --dev --tmp --rpc-cors all "$@"
