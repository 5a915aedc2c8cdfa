// RUN: attn-opt %s --convert-attn-to-loops --split-input-file --verify-diagnostics | FileCheck %s

// Ragged GQA prefill: per request b the query/key ranges come from
// cu_seqlens; query head h reads KV head h / 2; a max pass and a weighted-sum
// pass over the keys, scores in f32 with the default scale 1/sqrt(64).
// CHECK-LABEL: func.func @ragged
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<?x4x64xf16>, %[[K:[^:]*]]: tensor<?x2x64xf16>, %[[V:[^:]*]]: tensor<?x2x32xf16>, %[[CQ:[^:]*]]: tensor<3xi32>, %[[CK:[^:]*]]: tensor<3xi64>)
// CHECK-DAG: %[[QB:.*]] = bufferization.to_buffer %[[Q]] read_only
// CHECK-DAG: %[[CQB:.*]] = bufferization.to_buffer %[[CQ]] read_only
// CHECK: %[[ACC:.*]] = memref.alloca() : memref<32xf32>
// CHECK: %[[OUT:.*]] = memref.alloc(%{{.*}}) : memref<?x4x32xf16>
// CHECK: %[[LSE:.*]] = memref.alloc(%{{.*}}) : memref<?x4xf32>
// CHECK: scf.for %[[B:.*]] =
// CHECK:   memref.load %[[CQB]][%[[B]]] : memref<3xi32>
// CHECK:   scf.for %[[H:.*]] =
// CHECK:     arith.divui %[[H]], %{{.*}} : index
// CHECK:     scf.for %[[I:.*]] =
// CHECK:       scf.for {{.*}} iter_args
// CHECK:         arith.cmpi sle
// CHECK:         arith.extf %{{.*}} : f16 to f32
// CHECK:         %[[SCALE:.*]] = arith.constant 1.250000e-01 : f32
// CHECK:         arith.mulf %{{.*}}, %[[SCALE]] : f32
// CHECK:         arith.maximumf
// CHECK:       scf.for {{.*}} iter_args
// CHECK:         math.exp
// CHECK:       arith.cmpf ogt
// CHECK:       arith.truncf %{{.*}} : f32 to f16
// CHECK:       memref.store %{{.*}}, %[[OUT]]
// CHECK:       math.log
// CHECK:       memref.store %{{.*}}, %[[LSE]]
// CHECK: %[[O:.*]] = bufferization.to_tensor %[[OUT]] restrict writable
// CHECK: %[[L:.*]] = bufferization.to_tensor %[[LSE]] restrict writable
// CHECK: return %[[O]], %[[L]]
func.func @ragged(%q: tensor<?x4x64xf16>, %k: tensor<?x2x64xf16>, %v: tensor<?x2x32xf16>,
                  %cq: tensor<3xi32>, %ck: tensor<3xi64>) -> (tensor<?x4x32xf16>, tensor<?x4xf32>) {
  %o, %l = attn.prefill q(%q) k(%k) v(%v) cu_seqlens_q(%cq) cu_seqlens_k(%ck) {causal}
    : (tensor<?x4x64xf16>, tensor<?x2x64xf16>, tensor<?x2x32xf16>, tensor<3xi32>, tensor<3xi64>)
    -> (tensor<?x4x32xf16>, tensor<?x4xf32>)
  return %o, %l : tensor<?x4x32xf16>, tensor<?x4xf32>
}

// -----

// The sigmoid normalizer has no max pass and no division.
// CHECK-LABEL: func.func @sigmoid
// CHECK-NOT: arith.maximumf
// CHECK: arith.constant -2.000000e+00 : f32
// CHECK: math.exp
// CHECK-NOT: math.log
func.func @sigmoid(%q: tensor<1x8x2x16xf32>) -> tensor<1x8x2x16xf32> {
  %o = attn.prefill q(%q) k(%q) v(%q) {normalizer = #attn.normalizer<sigmoid>, sigmoid_bias = -2.0 : f32}
    : (tensor<1x8x2x16xf32>, tensor<1x8x2x16xf32>, tensor<1x8x2x16xf32>) -> tensor<1x8x2x16xf32>
  return %o : tensor<1x8x2x16xf32>
}

// -----

// Not lowered yet: a fused qkv (split it first) is reported, not dropped.
func.func @fused(%qkv: tensor<1x16x512xf16>) -> tensor<1x16x4x64xf16> {
  // expected-error @+1 {{failed to legalize operation 'attn.prefill'}}
  %o = attn.prefill qkv(%qkv) {qkv_heads = array<i64: 4, 2>}
      : (tensor<1x16x512xf16>) -> tensor<1x16x4x64xf16>
  return %o : tensor<1x16x4x64xf16>
}
