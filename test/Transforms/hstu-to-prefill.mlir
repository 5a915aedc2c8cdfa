// RUN: attn-opt %s --attn-hstu-to-prefill --split-input-file | FileCheck %s
// RUN: attn-opt %s --attn-hstu-to-prefill --attn-expand-functors --attn-tile --split-input-file | FileCheck %s --check-prefix=TILED

// attn-hstu-to-prefill: HSTU becomes the prefill computing
// o_i = sum_{j visible} SiLU(scale q_i . k_j + bias[b,h,i,j]) / N v_j, i.e.
// normalizer none and a score_mod SiLU(s + bias) / N, computed as
// x * (1 / N) / (1 + exp(-x)) with an approximate exponential and division
// (fastmath afn, arcp; 1 / N is the same for every score); causal stays a
// named mask; the default scale 1/sqrt(D) is written out. Lightning is left
// alone.

// Dense, a bf16 bias (read at (b, h, i, j), widened to f32), a static N.
// CHECK-LABEL: func.func @dense_bias
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x?x4x64xbf16>, %[[K:[^:]*]]: tensor<2x?x4x64xbf16>, %[[V:[^:]*]]: tensor<2x?x4x32xbf16>, %[[RAB:[^:]*]]: tensor<2x4x256x256xbf16>)
// CHECK-NEXT: %[[N:.*]] = arith.constant 2.560000e+02 : f32
// CHECK-NEXT: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) {causal, normalizer = #attn.normalizer<none>, scale = 1.250000e-01 : f32} score_mod {
// CHECK-NEXT: ^bb0(%[[S:[^:]*]]: f32, %[[B:[^:]*]]: index, %[[H:[^:]*]]: index, %[[I:[^:]*]]: index, %[[J:[^:]*]]: index):
// CHECK-NEXT: %[[E:.*]] = tensor.extract %[[RAB]][%[[B]], %[[H]], %[[I]], %[[J]]] : tensor<2x4x256x256xbf16>
// CHECK-NEXT: %[[EF:.*]] = arith.extf %[[E]] : bf16 to f32
// CHECK-NEXT: %[[X:.*]] = arith.addf %[[S]], %[[EF]] : f32
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %[[INV:.*]] = arith.divf %[[ONE]], %[[N]] : f32
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[NEG:.*]] = arith.subf %[[ZERO]], %[[X]] : f32
// CHECK-NEXT: %[[EXP:.*]] = math.exp %[[NEG]] fastmath<arcp,afn> : f32
// CHECK-NEXT: %[[ONE2:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %[[DEN:.*]] = arith.addf %[[ONE2]], %[[EXP]] : f32
// CHECK-NEXT: %[[XN:.*]] = arith.mulf %[[X]], %[[INV]] : f32
// CHECK-NEXT: %[[W:.*]] = arith.divf %[[XN]], %[[DEN]] fastmath<arcp,afn> : f32
// CHECK-NEXT: attn.yield %[[W]] : f32
// CHECK-NEXT: } : (tensor<2x?x4x64xbf16>, tensor<2x?x4x64xbf16>, tensor<2x?x4x32xbf16>) -> tensor<2x?x4x32xbf16>
// CHECK-NEXT: return %[[O]]
// CHECK-NOT: attn.linear_attention
func.func @dense_bias(%q: tensor<2x?x4x64xbf16>, %k: tensor<2x?x4x64xbf16>,
                      %v: tensor<2x?x4x32xbf16>, %rab: tensor<2x4x256x256xbf16>)
    -> tensor<2x?x4x32xbf16> {
  %o = attn.linear_attention q(%q) k(%k) v(%v) bias(%rab)
      {causal, kind = #attn.linear_kind<hstu>, silu_norm = 256 : i64}
    : (tensor<2x?x4x64xbf16>, tensor<2x?x4x64xbf16>, tensor<2x?x4x32xbf16>,
       tensor<2x4x256x256xbf16>) -> tensor<2x?x4x32xbf16>
  return %o : tensor<2x?x4x32xbf16>
}

// The tiled form: a prefill kernel whose softmax state update and store use
// the none normalizer (p = s, out = acc), the SiLU in transform_scores.
// TILED-LABEL: func.func @dense_bias
// TILED-NOT: attn.linear_attention
// TILED: attn_tile.kernel
// TILED: attn_tile.transform_scores
// TILED: math.exp
// TILED: attn_tile.online_softmax {{.*}} <none>
// TILED: attn_tile.store {{.*}} <none>
// TILED-LABEL: func.func @dense_default_norm

// -----

// Dense, no bias, N by default: the sequence length (at least 1), computed
// before the op from Q's shape; an explicit scale is kept.
// CHECK-LABEL: func.func @dense_default_norm
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<?x?x2x16xf32>,
// CHECK-NEXT: %[[C1:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[S:.*]] = tensor.dim %[[Q]], %[[C1]] : tensor<?x?x2x16xf32>
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[L:.*]] = arith.maxsi %[[S]], %[[ONE]] : index
// CHECK-NEXT: %[[L64:.*]] = arith.index_cast %[[L]] : index to i64
// CHECK-NEXT: %[[N:.*]] = arith.sitofp %[[L64]] : i64 to f32
// CHECK-NEXT: attn.prefill q(%[[Q]]) {{.*}} {normalizer = #attn.normalizer<none>, scale = 5.000000e-01 : f32} score_mod {
// CHECK-NOT: tensor.extract
// CHECK: arith.divf %{{.*}}, %[[N]] : f32
// CHECK: attn.yield
func.func @dense_default_norm(%q: tensor<?x?x2x16xf32>, %k: tensor<?x?x2x16xf32>,
                              %v: tensor<?x?x2x16xf32>) -> tensor<?x?x2x16xf32> {
  %o = attn.linear_attention q(%q) k(%k) v(%v)
      {kind = #attn.linear_kind<hstu>, scale = 0.5 : f32}
    : (tensor<?x?x2x16xf32>, tensor<?x?x2x16xf32>, tensor<?x?x2x16xf32>)
    -> tensor<?x?x2x16xf32>
  return %o : tensor<?x?x2x16xf32>
}

// -----

// Ragged: cu_seqlens bounds both the queries and the keys; N by default is
// the longest request, max_b (cu[b + 1] - cu[b]) and at least 1, computed in
// the region from cu_seqlens alone (attn-inline-functors hoists it out of
// the score loop).
// CHECK-LABEL: func.func @ragged_default_norm
// CHECK-SAME: %[[CU:[^:]*]]: tensor<?xi64>)
// CHECK-NEXT: attn.prefill q(%{{.*}}) k(%{{.*}}) v(%{{.*}}) cu_seqlens_q(%[[CU]]) cu_seqlens_k(%[[CU]]) {causal, normalizer = #attn.normalizer<none>, scale = 2.500000e-01 : f32} score_mod {
// CHECK-NEXT: ^bb0(%[[S:[^:]*]]: f32,
// CHECK: %[[DIM:.*]] = tensor.dim %[[CU]], %{{.*}} : tensor<?xi64>
// CHECK-NEXT: %[[C1:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[NB:.*]] = arith.subi %[[DIM]], %[[C1]] : index
// CHECK: %[[LONGEST:.*]] = scf.for %[[R:.*]] = %{{.*}} to %[[NB]] step %{{.*}} iter_args(%[[ACC:.*]] = %{{.*}}) -> (index) {
// CHECK: %[[R1:.*]] = arith.addi %[[R]], %{{.*}} : index
// CHECK-NEXT: %[[END:.*]] = tensor.extract %[[CU]][%[[R1]]] : tensor<?xi64>
// CHECK-NEXT: %[[ENDI:.*]] = arith.index_cast %[[END]] : i64 to index
// CHECK-NEXT: %[[BEGIN:.*]] = tensor.extract %[[CU]][%[[R]]] : tensor<?xi64>
// CHECK-NEXT: %[[BEGINI:.*]] = arith.index_cast %[[BEGIN]] : i64 to index
// CHECK-NEXT: %[[LEN:.*]] = arith.subi %[[ENDI]], %[[BEGINI]] : index
// CHECK-NEXT: %[[MAX:.*]] = arith.maxsi %[[ACC]], %[[LEN]] : index
// CHECK-NEXT: scf.yield %[[MAX]] : index
// CHECK-NEXT: }
// CHECK-NEXT: %[[L64:.*]] = arith.index_cast %[[LONGEST]] : index to i64
// CHECK-NEXT: %[[N:.*]] = arith.sitofp %[[L64]] : i64 to f32
// CHECK: arith.divf %{{.*}}, %[[N]] : f32
// CHECK: attn.yield
func.func @ragged_default_norm(%q: tensor<?x2x16xf16>, %k: tensor<?x2x16xf16>,
                               %v: tensor<?x2x16xf16>, %cu: tensor<?xi64>)
    -> tensor<?x2x16xf16> {
  %o = attn.linear_attention q(%q) k(%k) v(%v) cu_seqlens(%cu)
      {causal, kind = #attn.linear_kind<hstu>}
    : (tensor<?x2x16xf16>, tensor<?x2x16xf16>, tensor<?x2x16xf16>, tensor<?xi64>)
    -> tensor<?x2x16xf16>
  return %o : tensor<?x2x16xf16>
}

// After inline-functors, the loop over cu_seqlens runs once per work item,
// before the KV loop, not per score.
// RUN: attn-opt %s --attn-hstu-to-prefill --attn-expand-functors --attn-tile --attn-inline-functors --split-input-file | FileCheck %s --check-prefix=HOISTED
// HOISTED-LABEL: func.func @ragged_default_norm
// HOISTED: attn_tile.kernel
// HOISTED: attn_tile.load_q
// HOISTED: scf.for {{.*}} -> (index) {
// HOISTED: arith.maxsi
// HOISTED: scf.for {{.*}} -> (tensor<
// HOISTED-NOT: -> (index)
// HOISTED: linalg.generic
// HOISTED: attn_tile.online_softmax

// -----

// Lightning's state recurrence is not a score matrix: left alone.
// CHECK-LABEL: func.func @lightning
// CHECK: attn.linear_attention {{.*}}kind = #attn.linear_kind<lightning>
// CHECK-NOT: attn.prefill
func.func @lightning(%q: tensor<1x8x2x16xf32>, %k: tensor<1x8x2x16xf32>,
                     %v: tensor<1x8x2x16xf32>, %decay: tensor<2xf32>)
    -> tensor<1x8x2x16xf32> {
  %o = attn.linear_attention q(%q) k(%k) v(%v) decay(%decay)
      {causal, kind = #attn.linear_kind<lightning>}
    : (tensor<1x8x2x16xf32>, tensor<1x8x2x16xf32>, tensor<1x8x2x16xf32>,
       tensor<2xf32>) -> tensor<1x8x2x16xf32>
  return %o : tensor<1x8x2x16xf32>
}
