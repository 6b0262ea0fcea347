#!/usr/bin/env bash
# Long runs of the runtime fuzzer (fuzz/): seeded random calls of every pallet through real blocks,
# with every pallet's try_state, the issuance and the block weight checked after each block.
#   scripts/fuzz.sh                       # seeds 1..=10, 100,000 calls each (1,000,000 calls)
#   scripts/fuzz.sh --seed 7 --calls 50000
#   PROFILE=debug scripts/fuzz.sh ...     # without the release build (slower calls, faster build)
# A failure prints the seed, the block and the calls that led to it; re-run that seed to replay it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh >/dev/null
# shellcheck source=env.sh
source scripts/env.sh
profile=${PROFILE:-release}
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(--seeds 1..=10 --calls 100000)
flag=()
[ "$profile" = release ] && flag=(--release)
SKIP_WASM_BUILD=1 cargo build --locked "${flag[@]}" -p ostrom-fuzz --features try-runtime
"$CARGO_TARGET_DIR/$profile/ostrom-fuzz" "${args[@]}"
