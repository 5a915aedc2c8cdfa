#!/usr/bin/env bash
# The main job: install what is missing, build attn, show attn-opt on an
# example, then compile attention kernels for the CPU and run them through the
# runtime, comparing with a float64 NumPy reference.
source "$(dirname "$0")/lib.sh"
attn_install_deps
attn_build
OPT="$BUILD_DIR/bin/attn-opt"
EXAMPLE="$ATTN_ROOT/examples/prefill_fused_qkv.mlir"
echo "== $EXAMPLE"
cat "$EXAMPLE"
echo "== attn-opt --attn-split-fused-qkv --canonicalize"
"$OPT" --attn-split-fused-qkv --canonicalize "$EXAMPLE"

echo "== attn-run: a causal GQA prefill compiled for the CPU (examples/prefill_gqa.mlir)"
"$BUILD_DIR/bin/attn-run" "$ATTN_ROOT/examples/prefill_gqa.mlir" \
  --dim q.1=5 --dim k.1=7 --seed 1 --check

echo "== Python: generated kernels vs. a float64 NumPy reference"
cd "$ATTN_ROOT/python"
/usr/bin/python3 "$ATTN_ROOT/examples/demo.py"
