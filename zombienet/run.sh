#!/usr/bin/env bash
# Runs the multi-validator network tests with zombienet's native provider: four ostrom-node
# processes (Alice, Bob, Charlie, Dave) on the `local` chain, on this machine.
#
#   zombienet/run.sh                 # network.zndsl; then upgrade.zndsl if OSTROM_NEXT_WASM is set
#   zombienet/run.sh network         # only network.zndsl (peering, finality, pause, kill/restart)
#   zombienet/run.sh upgrade         # only upgrade.zndsl (needs OSTROM_NEXT_WASM)
#
# OSTROM_NODE: the node binary (default: the workspace's debug build,
#   ${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ostrom/target}/debug/ostrom-node).
# OSTROM_NEXT_WASM: a runtime Wasm with a higher spec_version (scripts/build-next-runtime.sh
#   prints its path) for the runtime-upgrade test.
# OSTROM_KEEP_NETWORK=1: keep each network's directory (chain spec, databases, logs/) after a
#   passing test; a failing test always keeps it.
#
# Installs @zombienet/cli into zombienet/node_modules (npm ci) on first use. Nothing else is
# downloaded: the native provider runs the ostrom-node found on PATH.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

what="${1:-all}"
case "$what" in
	all | network | upgrade) ;;
	*) echo "usage: $0 [all|network|upgrade]" >&2; exit 2 ;;
esac

node_bin="${OSTROM_NODE:-${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ostrom/target}/debug/ostrom-node}"
if [ ! -x "$node_bin" ]; then
	echo "ostrom-node not found at $node_bin: build it (cargo build) or set OSTROM_NODE" >&2
	exit 1
fi
node_bin="$(realpath "$node_bin")"

if [ ! -x "$here/node_modules/.bin/zombienet" ]; then
	echo "installing @zombienet/cli (npm ci in zombienet/)" >&2
	(cd "$here" && npm ci --no-audit --no-fund)
fi

# Zombienet calls `ostrom-node` (network.toml's default_command): put it first on PATH.
bin_dir="$(mktemp -d -t ostrom-zombienet-bin.XXXXXX)"
trap 'rm -rf "$bin_dir"' EXIT
ln -s "$node_bin" "$bin_dir/ostrom-node"
export PATH="$bin_dir:$PATH"
echo "ostrom-node: $node_bin ($(ostrom-node --version))" >&2

# Each test spawns its own network in a fresh directory (chain spec, node data, logs): removed
# when the test passes unless OSTROM_KEEP_NETWORK=1, kept (for its logs/) when it fails.
zombienet_test() {
	local started=$SECONDS net_dir
	net_dir="$(mktemp -u -d -t "ostrom-zombienet-${1%.zndsl}.XXXXXX")"
	echo "=== zombienet test $1 (network directory $net_dir)" >&2
	if ! "$here/node_modules/.bin/zombienet" --dir "$net_dir" --force test --provider native "$here/$1"; then
		echo "=== $1 FAILED after $((SECONDS - started)) s; node logs: $net_dir/logs" >&2
		return 1
	fi
	echo "=== $1 passed in $((SECONDS - started)) s" >&2
	if [ "${OSTROM_KEEP_NETWORK:-0}" != 1 ]; then rm -rf "$net_dir"; fi
}

if [ "$what" != upgrade ]; then
	zombienet_test network.zndsl
fi
if [ "$what" = upgrade ] || { [ "$what" = all ] && [ -n "${OSTROM_NEXT_WASM:-}" ]; }; then
	if [ -z "${OSTROM_NEXT_WASM:-}" ] || [ ! -f "$OSTROM_NEXT_WASM" ]; then
		echo "OSTROM_NEXT_WASM must name the next runtime's Wasm (scripts/build-next-runtime.sh prints it)" >&2
		exit 1
	fi
	OSTROM_NEXT_WASM="$(realpath "$OSTROM_NEXT_WASM")"
	export OSTROM_NEXT_WASM
	zombienet_test upgrade.zndsl
elif [ "$what" = all ]; then
	echo "OSTROM_NEXT_WASM is not set: upgrade.zndsl (runtime upgrade) skipped" >&2
fi
