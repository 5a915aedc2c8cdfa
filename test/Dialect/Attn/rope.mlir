// RUN: attn-opt %s | attn-opt | FileCheck %s
// RUN: attn-opt %s --mlir-print-op-generic | attn-opt | FileCheck %s
// RUN: attn-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC

// attn.rope round-trips through its custom and generic forms: dense
// [B, S, H, D] inputs with and without positions ([B, S], i32 or i64) and
// token-major [T, H, D] inputs with positions ([T], i32 or i64); static and
// dynamic dimensions; f32, f16 and bf16; NeoX and interleaved styles, full
// and partial rotary dims. The result type is the input's. The GENERIC
// prefix checks the generic form itself: `rope` is a property, `positions`
// an optional second operand.

//===----------------------------------------------------------------------===//
// Dense [B, S, H, D].
//===----------------------------------------------------------------------===//

// No positions: token (b, s) sits at s.
// CHECK-LABEL: func.func @dense_default_positions
// CHECK-SAME: (%[[X:[^:]*]]: tensor<2x16x8x64xbf16>)
// CHECK: %[[R:.*]] = attn.rope %[[X]] {rope = #attn.rope<theta = 1.000000e+04, dim = 64, style = neox>} : tensor<2x16x8x64xbf16>
// CHECK-NEXT: return %[[R]] : tensor<2x16x8x64xbf16>
// GENERIC-LABEL: sym_name = "dense_default_positions"
// GENERIC: %{{.*}} = "attn.rope"(%{{[^,)]*}}) <{rope = #attn.rope<theta = 1.000000e+04, dim = 64, style = neox>}> : (tensor<2x16x8x64xbf16>) -> tensor<2x16x8x64xbf16>
func.func @dense_default_positions(%x: tensor<2x16x8x64xbf16>) -> tensor<2x16x8x64xbf16> {
  %r = attn.rope %x {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>}
      : tensor<2x16x8x64xbf16>
  return %r : tensor<2x16x8x64xbf16>
}

// Dynamic batch and sequence, partial rotary dim (32 of 128), interleaved.
// CHECK-LABEL: func.func @dense_dynamic_partial
// CHECK-SAME: (%[[X:[^:]*]]: tensor<?x?x4x128xf16>)
// CHECK: %[[R:.*]] = attn.rope %[[X]] {rope = #attn.rope<theta = 5.000000e+05, dim = 32, style = interleaved>} : tensor<?x?x4x128xf16>
// CHECK-NEXT: return %[[R]] : tensor<?x?x4x128xf16>
func.func @dense_dynamic_partial(%x: tensor<?x?x4x128xf16>) -> tensor<?x?x4x128xf16> {
  %r = attn.rope %x {rope = #attn.rope<theta = 500000.0, dim = 32, style = interleaved>}
      : tensor<?x?x4x128xf16>
  return %r : tensor<?x?x4x128xf16>
}

// Explicit i64 positions [B, S].
// CHECK-LABEL: func.func @dense_positions_i64
// CHECK-SAME: (%[[X:[^:]*]]: tensor<2x?x32x128xbf16>, %[[P:[^:]*]]: tensor<2x?xi64>)
// CHECK: %[[R:.*]] = attn.rope %[[X]] positions(%[[P]] : tensor<2x?xi64>) {rope = #attn.rope<theta = 1.000000e+04, dim = 128, style = neox>} : tensor<2x?x32x128xbf16>
// CHECK-NEXT: return %[[R]] : tensor<2x?x32x128xbf16>
// GENERIC-LABEL: sym_name = "dense_positions_i64"
// GENERIC: %{{.*}} = "attn.rope"(%{{[^,)]*}}, %{{[^,)]*}}) <{rope = #attn.rope<theta = 1.000000e+04, dim = 128, style = neox>}> : (tensor<2x?x32x128xbf16>, tensor<2x?xi64>) -> tensor<2x?x32x128xbf16>
func.func @dense_positions_i64(%x: tensor<2x?x32x128xbf16>, %p: tensor<2x?xi64>)
    -> tensor<2x?x32x128xbf16> {
  %r = attn.rope %x positions(%p : tensor<2x?xi64>)
      {rope = #attn.rope<theta = 10000.0, dim = 128, style = neox>}
      : tensor<2x?x32x128xbf16>
  return %r : tensor<2x?x32x128xbf16>
}

// Explicit i32 positions; a dynamic positions dim may meet a static token
// dim and vice versa.
// CHECK-LABEL: func.func @dense_positions_i32_mixed
// CHECK-SAME: (%[[X:[^:]*]]: tensor<?x16x2x64xf32>, %[[P:[^:]*]]: tensor<3x?xi32>)
// CHECK: %[[R:.*]] = attn.rope %[[X]] positions(%[[P]] : tensor<3x?xi32>) {rope = #attn.rope<theta = 1.000000e+06, dim = 64, style = interleaved>} : tensor<?x16x2x64xf32>
// CHECK-NEXT: return %[[R]] : tensor<?x16x2x64xf32>
func.func @dense_positions_i32_mixed(%x: tensor<?x16x2x64xf32>, %p: tensor<3x?xi32>)
    -> tensor<?x16x2x64xf32> {
  %r = attn.rope %x positions(%p : tensor<3x?xi32>)
      {rope = #attn.rope<theta = 1000000.0, dim = 64, style = interleaved>}
      : tensor<?x16x2x64xf32>
  return %r : tensor<?x16x2x64xf32>
}

//===----------------------------------------------------------------------===//
// Token-major [T, H, D]: positions are required.
//===----------------------------------------------------------------------===//

// i32 positions [T], dynamic T.
// CHECK-LABEL: func.func @token_major_i32
// CHECK-SAME: (%[[X:[^:]*]]: tensor<?x8x128xbf16>, %[[P:[^:]*]]: tensor<?xi32>)
// CHECK: %[[R:.*]] = attn.rope %[[X]] positions(%[[P]] : tensor<?xi32>) {rope = #attn.rope<theta = 1.000000e+04, dim = 128, style = neox>} : tensor<?x8x128xbf16>
// CHECK-NEXT: return %[[R]] : tensor<?x8x128xbf16>
// GENERIC-LABEL: sym_name = "token_major_i32"
// GENERIC: %{{.*}} = "attn.rope"(%{{[^,)]*}}, %{{[^,)]*}}) <{rope = #attn.rope<theta = 1.000000e+04, dim = 128, style = neox>}> : (tensor<?x8x128xbf16>, tensor<?xi32>) -> tensor<?x8x128xbf16>
func.func @token_major_i32(%x: tensor<?x8x128xbf16>, %p: tensor<?xi32>) -> tensor<?x8x128xbf16> {
  %r = attn.rope %x positions(%p : tensor<?xi32>)
      {rope = #attn.rope<theta = 10000.0, dim = 128, style = neox>}
      : tensor<?x8x128xbf16>
  return %r : tensor<?x8x128xbf16>
}

// i64 positions [T], static T, partial interleaved rotary dim.
// CHECK-LABEL: func.func @token_major_i64
// CHECK-SAME: (%[[X:[^:]*]]: tensor<7x2x80xf16>, %[[P:[^:]*]]: tensor<7xi64>)
// CHECK: %[[R:.*]] = attn.rope %[[X]] positions(%[[P]] : tensor<7xi64>) {rope = #attn.rope<theta = 1.000000e+04, dim = 16, style = interleaved>} : tensor<7x2x80xf16>
// CHECK-NEXT: return %[[R]] : tensor<7x2x80xf16>
func.func @token_major_i64(%x: tensor<7x2x80xf16>, %p: tensor<7xi64>) -> tensor<7x2x80xf16> {
  %r = attn.rope %x positions(%p : tensor<7xi64>)
      {rope = #attn.rope<theta = 10000.0, dim = 16, style = interleaved>}
      : tensor<7x2x80xf16>
  return %r : tensor<7x2x80xf16>
}

//===----------------------------------------------------------------------===//
// Chained with the attention op it feeds.
//===----------------------------------------------------------------------===//

// Rotated Q and K feed a dense prefill (the pattern attn-fuse-rope folds);
// the custom form keeps both ropes and the prefill unchanged.
// CHECK-LABEL: func.func @feeds_prefill
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x8x4x64xf32>, %[[K:[^:]*]]: tensor<1x8x2x64xf32>, %[[V:[^:]*]]: tensor<1x8x2x64xf32>)
// CHECK: %[[QR:.*]] = attn.rope %[[Q]] {rope = #attn.rope<theta = 1.000000e+04, dim = 64, style = neox>} : tensor<1x8x4x64xf32>
// CHECK-NEXT: %[[KR:.*]] = attn.rope %[[K]] {rope = #attn.rope<theta = 1.000000e+04, dim = 64, style = neox>} : tensor<1x8x2x64xf32>
// CHECK-NEXT: %[[O:.*]] = attn.prefill q(%[[QR]]) k(%[[KR]]) v(%[[V]]) {causal} : (tensor<1x8x4x64xf32>, tensor<1x8x2x64xf32>, tensor<1x8x2x64xf32>) -> tensor<1x8x4x64xf32>
// CHECK-NEXT: return %[[O]] : tensor<1x8x4x64xf32>
func.func @feeds_prefill(%q: tensor<1x8x4x64xf32>, %k: tensor<1x8x2x64xf32>,
                         %v: tensor<1x8x2x64xf32>) -> tensor<1x8x4x64xf32> {
  %qr = attn.rope %q {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>}
      : tensor<1x8x4x64xf32>
  %kr = attn.rope %k {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>}
      : tensor<1x8x2x64xf32>
  %o = attn.prefill q(%qr) k(%kr) v(%v) {causal}
      : (tensor<1x8x4x64xf32>, tensor<1x8x2x64xf32>, tensor<1x8x2x64xf32>)
      -> tensor<1x8x4x64xf32>
  return %o : tensor<1x8x4x64xf32>
}
