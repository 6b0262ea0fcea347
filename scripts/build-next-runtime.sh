#!/usr/bin/env bash
# Builds "the next runtime": this runtime with `spec_version` raised by one (or set to
# $NEXT_SPEC_VERSION), for runtime-upgrade demos and tests. Prints the path of its Wasm blob
# (compact, compressed: what `system.applyAuthorizedUpgrade` / `setCode` take) on stdout.
#
#   scripts/build-next-runtime.sh                  # → …/wbuild/ostrom-runtime-next/…wasm
#   NEXT_SPEC_VERSION=205 scripts/build-next-runtime.sh
#
# How: the runtime and the pallets are copied to a scratch workspace under the cargo target
# directory, where the runtime package is renamed `ostrom-runtime-next` and its spec_version
# edited. The Wasm builder then gives it its own build folder, so the node's own runtime is not
# touched, while the shared target directory keeps every dependency compiled: only Ostrom's
# crates are rebuilt (a few minutes). Nothing in the repository changes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=env.sh
source scripts/env.sh

current=$(sed -n 's/^\tspec_version: \([0-9]*\),$/\1/p' runtime/src/lib.rs)
[ -n "$current" ] || { echo "spec_version not found in runtime/src/lib.rs" >&2; exit 1; }
next="${NEXT_SPEC_VERSION:-$((current + 1))}"
[ "$next" -gt "$current" ] || { echo "NEXT_SPEC_VERSION must exceed $current" >&2; exit 1; }

work="$CARGO_TARGET_DIR/next-runtime/workspace"
rm -rf "$work"
mkdir -p "$work"
# Modification times are kept (`cp -a`, and `touch -r` after the edits below), so a second run
# rebuilds nothing that did not change.
cp -a Cargo.toml Cargo.lock runtime pallets primitives "$work/"

# A workspace of the runtime, the pallets and the primitives they share only.
python3 - "$work" "$current" "$next" <<'EOF'
import re, sys, pathlib
work, current, nxt = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
root = work / "Cargo.toml"
text = root.read_text()
members = sorted(p.parent.relative_to(work).as_posix() for p in work.glob("pallets/*/Cargo.toml"))
members.append("primitives")
text = re.sub(r"members = \[[^\]]*\]",
              "members = [\n" + "".join(f'\t"{m}",\n' for m in ["runtime", *members]) + "]",
              text, count=1)
text = re.sub(r'^ostrom-runtime = .*\n', "", text, flags=re.M)
root.write_text(text)
manifest = work / "runtime" / "Cargo.toml"
manifest.write_text(manifest.read_text().replace('name = "ostrom-runtime"', 'name = "ostrom-runtime-next"', 1))
lib = work / "runtime" / "src" / "lib.rs"
source = lib.read_text()
edited = source.replace(f"\tspec_version: {current},", f"\tspec_version: {nxt},", 1)
assert edited != source, "spec_version not replaced"
lib.write_text(edited)
EOF
for edited in Cargo.toml runtime/Cargo.toml runtime/src/lib.rs; do
	touch -r "$edited" "$work/$edited"
done

# `cargo check` runs the build script, which builds the Wasm (always in release mode); the
# native side is only type-checked.
# WASM_BUILD_TYPE=release: the blob is compacted and compressed (as for a release node), a
# third of the size of the plain Wasm a debug build embeds.
(cd "$work" && WASM_BUILD_TYPE=release cargo check -p ostrom-runtime-next --quiet >&2)

wasm="$CARGO_TARGET_DIR/debug/wbuild/ostrom-runtime-next/ostrom_runtime_next.compact.compressed.wasm"
[ -f "$wasm" ] || { echo "the Wasm builder did not produce $wasm" >&2; exit 1; }
echo "spec_version $current -> $next: $wasm" >&2
echo "$wasm"
