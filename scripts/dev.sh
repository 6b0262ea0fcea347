#!/usr/bin/env bash
# Sets up the machine, builds ostrom-node and starts a development chain (Alice validates, sudo
# Alice, state discarded on exit). Extra arguments go to the node, e.g. `scripts/dev.sh --rpc-external`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
# shellcheck source=env.sh
source scripts/env.sh

echo "[dev] building ostrom-node (target dir: $CARGO_TARGET_DIR; the first build takes a long while)"
cargo build --locked --workspace

cat <<MSG

  Ostrom development chain starting. RPC: ws://127.0.0.1:9944

  Next:
    - Open Polkadot.js Apps and choose Development > Local Node (ws://127.0.0.1:9944),
      or open https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A9944
    - Alice .. Ferdie hold 1,000,000 OSTR each; Alice holds the sudo key.
    - Try Accounts > Transfer, or Developer > Extrinsics.
    - Ctrl-C stops the chain (its state is temporary: --tmp).

MSG
exec "$OSTROM_NODE" --dev --tmp --rpc-cors all "$@"
