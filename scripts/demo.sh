#!/usr/bin/env bash
# The main job: install what is missing, build attn, and lower an example
# attention op through attn-opt.
source "$(dirname "$0")/lib.sh"
attn_install_deps
attn_build
OPT="$BUILD_DIR/bin/attn-opt"
EXAMPLE="$ATTN_ROOT/examples/prefill_fused_qkv.mlir"
echo "== $EXAMPLE"
cat "$EXAMPLE"
echo "== attn-opt --attn-split-fused-qkv --canonicalize"
"$OPT" --attn-split-fused-qkv --canonicalize "$EXAMPLE"
