// RUN: attn-opt %s --attn-tile="target=nvidia block-m=256" --attn-inline-functors --convert-attn-tile-to-gpu -verify-diagnostics | FileCheck %s
// RUN: not attn-opt %s --convert-attn-tile-to-gpu=target=tpu 2>&1 | FileCheck %s --check-prefix=TARGET

// A kernel the matrix lowering cannot run is left for the simple path with
// a remark.
// CHECK: attn_tile.kernel
// CHECK-NOT: gpu.launch
func.func @tall(%q: tensor<1x?x2x64xbf16>, %k: tensor<1x?x2x64xbf16>, %v: tensor<1x?x2x64xbf16>)
    -> tensor<1x?x2x64xbf16> {
  // expected-remark @+1 {{left for the simple GPU path: the nvidia matrix lowering does not take block_m 256 above 128 (8 warps of 16 rows)}}
  %o = attn.prefill q(%q) k(%k) v(%v)
    : (tensor<1x?x2x64xbf16>, tensor<1x?x2x64xbf16>, tensor<1x?x2x64xbf16>) -> tensor<1x?x2x64xbf16>
  return %o : tensor<1x?x2x64xbf16>
}

// TARGET: error: convert-attn-tile-to-gpu: unknown target 'tpu' (registered: amd, nvidia)
