# Sourced by the other scripts: one persistent cargo target directory shared by every clone of the
# repository (and by CI), so repeated builds are incremental. Override with CARGO_TARGET_DIR.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ostrom/target}"
mkdir -p "$CARGO_TARGET_DIR"
export OSTROM_NODE="${OSTROM_NODE:-$CARGO_TARGET_DIR/debug/ostrom-node}"
