#!/usr/bin/env bash
# Installs what a fresh Debian/Ubuntu machine lacks to build and test Ostrom. Idempotent: each step
# checks first and does nothing when its tool is already there.
#   - protobuf compiler (libp2p build scripts) and clang (C code of -sys crates)
#   - Rust: the wasm32v1-none target and rust-src (runtime Wasm build), rustfmt and clippy
#   - Node.js + npm, and the end-to-end tests' packages from e2e/package-lock.json
#   - Chromium (Debian's package) for the web portal's browser tests (portal/tests)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
		echo "need root (or sudo) to run: $*" >&2
		return 1
	fi
}

apt_updated=0
apt_install() {
	if ! command -v apt-get >/dev/null; then
		echo "apt-get not found: install $* with your package manager" >&2
		return 1
	fi
	if [ "$apt_updated" -eq 0 ]; then
		as_root apt-get update -qq
		apt_updated=1
	fi
	log "installing $*"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

missing=()
command -v protoc >/dev/null || missing+=(protobuf-compiler)
command -v clang >/dev/null || missing+=(clang)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
command -v python3 >/dev/null || missing+=(python3)
command -v curl >/dev/null || missing+=(curl)
# The portal's browser tests drive Debian's Chromium with playwright-core (Playwright's own
# browser download is not used).
command -v chromium >/dev/null || command -v chromium-browser >/dev/null || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi

if ! command -v cargo >/dev/null; then
	echo "Rust is not installed: install rustup (https://rustup.rs) first" >&2
	exit 1
fi
if command -v rustup >/dev/null; then
	installed_targets=$(rustup target list --installed)
	grep -qx wasm32v1-none <<<"$installed_targets" || { log "adding target wasm32v1-none"; rustup target add wasm32v1-none; }
	installed_components=$(rustup component list --installed)
	for c in rust-src rustfmt clippy; do
		grep -q "^$c" <<<"$installed_components" || { log "adding component $c"; rustup component add "$c"; }
	done
fi

# End-to-end test packages, exactly as locked. Re-installed only when the lockfile changes.
lock_hash=$(sha256sum e2e/package-lock.json | cut -d' ' -f1)
stamp=e2e/node_modules/.ostrom-lock-hash
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
	log "installing e2e packages (npm ci)"
	(cd e2e && npm ci --no-audit --no-fund --loglevel=error)
	echo "$lock_hash" >"$stamp"
fi
log "ready"
