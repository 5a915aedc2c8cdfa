// RUN: attn-opt %s --attn-split-fused-qkv --split-input-file | FileCheck %s

// Dense [B, S, (Hq + 2 Hkv) * D]: Q takes heads 0..3, K 4..5, V 6..7.
// CHECK-LABEL: func.func @dense
// CHECK-SAME: (%[[QKV:.*]]: tensor<2x16x512xf16>
// CHECK: %[[QS:.*]] = tensor.extract_slice %[[QKV]][0, 0, 0] [2, 16, 256] [1, 1, 1] : tensor<2x16x512xf16> to tensor<2x16x256xf16>
// CHECK: %[[Q:.*]] = tensor.expand_shape %[[QS]] {{\[}}[0], [1], [2, 3]] output_shape [2, 16, 4, 64] : tensor<2x16x256xf16> into tensor<2x16x4x64xf16>
// CHECK: %[[KS:.*]] = tensor.extract_slice %[[QKV]][0, 0, 256] [2, 16, 128] [1, 1, 1]
// CHECK: %[[K:.*]] = tensor.expand_shape %[[KS]] {{\[}}[0], [1], [2, 3]] output_shape [2, 16, 2, 64] : tensor<2x16x128xf16> into tensor<2x16x2x64xf16>
// CHECK: %[[VS:.*]] = tensor.extract_slice %[[QKV]][0, 0, 384] [2, 16, 128] [1, 1, 1]
// CHECK: %[[V:.*]] = tensor.expand_shape %[[VS]]
// CHECK: attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) {causal, softcap = 3.000000e+01 : f32}
// CHECK-SAME: : (tensor<2x16x4x64xf16>, tensor<2x16x2x64xf16>, tensor<2x16x2x64xf16>) -> tensor<2x16x4x64xf16>
// CHECK-NOT: qkv
func.func @dense(%qkv: tensor<2x16x512xf16>) -> tensor<2x16x4x64xf16> {
  %o = attn.prefill qkv(%qkv) {causal, softcap = 30.0 : f32, qkv_heads = array<i64: 4, 2>}
      : (tensor<2x16x512xf16>) -> tensor<2x16x4x64xf16>
  return %o : tensor<2x16x4x64xf16>
}

// -----

// Ragged [T, ...]: the token count stays dynamic, cu_seqlens_q serves keys
// too, and the shared optional operands and the LSE result are kept.
// CHECK-LABEL: func.func @ragged
// CHECK-SAME: (%[[QKV:[^:]*]]: tensor<?x768xbf16>, %[[CU:[^:]*]]: tensor<3xi32>, %[[SL:[^:]*]]: tensor<4xf32>)
// CHECK: %[[T:.*]] = tensor.dim %[[QKV]], %{{.*}} : tensor<?x768xbf16>
// CHECK: tensor.extract_slice %[[QKV]][0, 0] [%[[T]], 512] [1, 1]
// CHECK: tensor.extract_slice %[[QKV]][0, 512] [%[[T]], 128] [1, 1]
// CHECK: tensor.extract_slice %[[QKV]][0, 640] [%[[T]], 128] [1, 1]
// CHECK: %{{.*}}, %{{.*}} = attn.prefill q(%{{.*}}) k(%{{.*}}) v(%{{.*}}) cu_seqlens_q(%[[CU]]) cu_seqlens_k(%[[CU]]) alibi_slopes(%[[SL]]) {causal}
// CHECK-SAME: : (tensor<?x4x128xbf16>, tensor<?x1x128xbf16>, tensor<?x1x128xbf16>, tensor<3xi32>, tensor<3xi32>, tensor<4xf32>) -> (tensor<?x4x128xbf16>, tensor<?x4xf32>)
func.func @ragged(%qkv: tensor<?x768xbf16>, %cu: tensor<3xi32>, %slopes: tensor<4xf32>)
    -> (tensor<?x4x128xbf16>, tensor<?x4xf32>) {
  %o, %lse = attn.prefill qkv(%qkv) cu_seqlens_q(%cu) alibi_slopes(%slopes)
      {causal, qkv_heads = array<i64: 4, 1>}
      : (tensor<?x768xbf16>, tensor<3xi32>, tensor<4xf32>) -> (tensor<?x4x128xbf16>, tensor<?x4xf32>)
  return %o, %lse : tensor<?x4x128xbf16>, tensor<?x4xf32>
}

// -----

// Unfused prefills are left alone.
// CHECK-LABEL: func.func @unfused
// CHECK-NOT: tensor.extract_slice
// CHECK: attn.prefill q(
func.func @unfused(%q: tensor<1x8x2x64xf32>, %k: tensor<1x8x2x64xf32>, %v: tensor<1x8x2x64xf32>) -> tensor<1x8x2x64xf32> {
  %o = attn.prefill q(%q) k(%k) v(%v) : (tensor<1x8x2x64xf32>, tensor<1x8x2x64xf32>, tensor<1x8x2x64xf32>) -> tensor<1x8x2x64xf32>
  return %o : tensor<1x8x2x64xf32>
}
