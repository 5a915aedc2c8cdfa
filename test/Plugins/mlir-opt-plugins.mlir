// Debian's mlir-opt-22 (linked against libMLIR.so) loads attn's dialect and
// pass plugins.
// REQUIRES: mlir-opt
// RUN: mlir-opt --load-dialect-plugin=%attn_libs/AttnDialectPlugin.so %s \
// RUN:   | FileCheck %s --check-prefix=DIALECT
// RUN: mlir-opt --load-dialect-plugin=%attn_libs/AttnDialectPlugin.so \
// RUN:   --load-pass-plugin=%attn_libs/AttnPassPlugin.so \
// RUN:   --pass-pipeline="builtin.module(func.func(attn-split-fused-qkv))" %s \
// RUN:   | FileCheck %s --check-prefix=PASS
// RUN: not mlir-opt --load-dialect-plugin=%attn_libs/AttnDialectPlugin.so \
// RUN:   %S/Inputs/invalid.mlir 2>&1 | FileCheck %s --check-prefix=VERIFY

// DIALECT-LABEL: func.func @fused
// DIALECT: attn.prefill qkv(%{{.*}}) {qkv_heads = array<i64: 4, 2>}
// PASS-LABEL: func.func @fused
// PASS-COUNT-3: tensor.extract_slice
// PASS: attn.prefill q(%{{.*}}) k(%{{.*}}) v(%{{.*}}) :
// VERIFY: error: 'attn.batch_decode' op number of query heads (6) must be a multiple of the number of key/value heads (4)
func.func @fused(%qkv: tensor<1x16x512xf16>) -> tensor<1x16x4x64xf16> {
  %o = attn.prefill qkv(%qkv) {qkv_heads = array<i64: 4, 2>}
      : (tensor<1x16x512xf16>) -> tensor<1x16x4x64xf16>
  return %o : tensor<1x16x4x64xf16>
}
