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

EXAMPLE="$ATTN_ROOT/examples/prefill_cpu.mlir"
echo "== $EXAMPLE: reference lowering (convert-attn-to-loops), run on the CPU"
"$OPT" "$EXAMPLE" --convert-attn-to-loops \
  --one-shot-bufferize="bufferize-function-boundaries" --convert-scf-to-cf \
  --expand-strided-metadata --finalize-memref-to-llvm --convert-math-to-llvm \
  --convert-to-llvm --reconcile-unrealized-casts |
  "$LLVM_PREFIX/bin/mlir-runner" -e main -entry-point-result=void \
    -shared-libs="$LLVM_PREFIX/lib/libmlir_runner_utils.so,$LLVM_PREFIX/lib/libmlir_c_runner_utils.so"
