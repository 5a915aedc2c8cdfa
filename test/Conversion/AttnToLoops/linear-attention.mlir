// RUN: attn-opt %s --convert-attn-to-loops --split-input-file | FileCheck %s

// Dense causal HSTU with a relative bias: for key j in [0, i + 1),
// x = scale * q_i . k_j + bias[b, h, i, j] (scale 1/sqrt(4) by default),
// w = x * sigmoid(x) / N with sigmoid(x) = 1 / (1 + exp(0 - x)) and N, with
// no silu_norm, the sequence length max(S, 1) computed once before the loops;
// o_i = sum_j w v_j, stored at [b, i, h, :].
// CHECK-LABEL: func.func @hstu_causal_bias
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x8x2x4xf32>, %[[K:[^:]*]]: tensor<2x8x2x4xf32>, %[[V:[^:]*]]: tensor<2x8x2x6xf32>, %[[RAB:[^:]*]]: tensor<2x2x8x8xf32>)
// CHECK-DAG: %[[QB:.*]] = bufferization.to_buffer %[[Q]] read_only
// CHECK-DAG: %[[KB:.*]] = bufferization.to_buffer %[[K]] read_only
// CHECK-DAG: %[[VB:.*]] = bufferization.to_buffer %[[V]] read_only
// CHECK: %[[OUT:.*]] = memref.alloc() : memref<2x8x2x6xf32>
// CHECK: %[[ACC:.*]] = memref.alloca() : memref<6xf32>
// CHECK: memref.dim %[[QB]], %{{.*}} : memref<2x8x2x4xf32>
// CHECK: %[[SEQ:.*]] = memref.dim %[[QB]], %{{.*}} : memref<2x8x2x4xf32>
// CHECK-NEXT: %[[ONEI:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[SMAX:.*]] = arith.maxsi %[[SEQ]], %[[ONEI]] : index
// CHECK-NEXT: %[[SI64:.*]] = arith.index_cast %[[SMAX]] : index to i64
// CHECK-NEXT: %[[N:.*]] = arith.sitofp %[[SI64]] : i64 to f32
// CHECK: scf.for %[[B:[^ ]+]] =
// CHECK: %[[LEN:.*]] = memref.dim %[[QB]], %{{.*}} : memref<2x8x2x4xf32>
// CHECK: scf.for %[[H:[^ ]+]] =
// CHECK: %[[RABB:.*]] = bufferization.to_buffer %[[RAB]] read_only
// CHECK: scf.for %[[I:[^ ]+]] = %{{[^ ]+}} to %[[LEN]] step
// CHECK: memref.store %{{.*}}, %[[ACC]][%{{.*}}] : memref<6xf32>
// CHECK: %[[ONE:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[KEYS:.*]] = arith.addi %[[I]], %[[ONE]] : index
// CHECK: scf.for %[[J:[^ ]+]] = %{{[^ ]+}} to %[[KEYS]] step
// CHECK: %[[DOT:.*]] = scf.for %[[D:[^ ]+]] = {{.*}} iter_args
// CHECK-NEXT: %[[QV:.*]] = memref.load %[[QB]][%[[B]], %[[I]], %[[H]], %[[D]]] : memref<2x8x2x4xf32>
// CHECK-NEXT: %[[KV:.*]] = memref.load %[[KB]][%[[B]], %[[J]], %[[H]], %[[D]]] : memref<2x8x2x4xf32>
// CHECK-NEXT: %[[P:.*]] = arith.mulf %[[QV]], %[[KV]] : f32
// CHECK-NEXT: arith.addf %{{.*}}, %[[P]] : f32
// CHECK: %[[SCALE:.*]] = arith.constant 5.000000e-01 : f32
// CHECK-NEXT: %[[S:.*]] = arith.mulf %[[DOT]], %[[SCALE]] : f32
// CHECK-NEXT: %[[BIAS:.*]] = memref.load %[[RABB]][%[[B]], %[[H]], %[[I]], %[[J]]] : memref<2x2x8x8xf32>
// CHECK-NEXT: %[[X:.*]] = arith.addf %[[S]], %[[BIAS]] : f32
// CHECK-NEXT: %[[ONEF:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %[[ONEF2:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %[[ZEROF:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[NX:.*]] = arith.subf %[[ZEROF]], %[[X]] : f32
// CHECK-NEXT: %[[E:.*]] = math.exp %[[NX]] : f32
// CHECK-NEXT: %[[DEN:.*]] = arith.addf %[[ONEF2]], %[[E]] : f32
// CHECK-NEXT: %[[SIG:.*]] = arith.divf %[[ONEF]], %[[DEN]] : f32
// CHECK-NEXT: %[[SILU:.*]] = arith.mulf %[[X]], %[[SIG]] : f32
// CHECK-NEXT: %[[W:.*]] = arith.divf %[[SILU]], %[[N]] : f32
// CHECK: scf.for %[[DV:[^ ]+]] =
// CHECK-NEXT: %[[A:.*]] = memref.load %[[ACC]][%[[DV]]] : memref<6xf32>
// CHECK-NEXT: %[[VV:.*]] = memref.load %[[VB]][%[[B]], %[[J]], %[[H]], %[[DV]]] : memref<2x8x2x6xf32>
// CHECK-NEXT: %[[WV:.*]] = arith.mulf %[[W]], %[[VV]] : f32
// CHECK-NEXT: %[[NA:.*]] = arith.addf %[[A]], %[[WV]] : f32
// CHECK-NEXT: memref.store %[[NA]], %[[ACC]][%[[DV]]] : memref<6xf32>
// CHECK: scf.for %[[DO:[^ ]+]] =
// CHECK-NEXT: %[[R:.*]] = memref.load %[[ACC]][%[[DO]]] : memref<6xf32>
// CHECK-NEXT: memref.store %[[R]], %[[OUT]][%[[B]], %[[I]], %[[H]], %[[DO]]] : memref<2x8x2x6xf32>
// CHECK-NOT: math.log
// CHECK: %[[T:.*]] = bufferization.to_tensor %[[OUT]] restrict writable
// CHECK: return %[[T]]
func.func @hstu_causal_bias(%q: tensor<2x8x2x4xf32>, %k: tensor<2x8x2x4xf32>, %v: tensor<2x8x2x6xf32>,
                            %rab: tensor<2x2x8x8xf32>) -> tensor<2x8x2x6xf32> {
  %o = attn.linear_attention q(%q) k(%k) v(%v) bias(%rab) {causal, kind = #attn.linear_kind<hstu>}
      : (tensor<2x8x2x4xf32>, tensor<2x8x2x4xf32>, tensor<2x8x2x6xf32>, tensor<2x2x8x8xf32>)
      -> tensor<2x8x2x6xf32>
  return %o : tensor<2x8x2x6xf32>
}

// -----

// Ragged, non-causal HSTU: request b owns rows cu[b] .. cu[b+1], every key of
// the request is visible (bound = the request's length), N = silu_norm = 100,
// the explicit scale 0.5 is used, bf16 is widened and narrowed.
// CHECK-LABEL: func.func @hstu_ragged
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<?x2x4xbf16>, %[[K:[^:]*]]: tensor<?x2x4xbf16>, %[[V:[^:]*]]: tensor<?x2x4xbf16>, %[[CU:[^:]*]]: tensor<3xi64>)
// CHECK-DAG: %[[QB:.*]] = bufferization.to_buffer %[[Q]] read_only
// CHECK-DAG: %[[KB:.*]] = bufferization.to_buffer %[[K]] read_only
// CHECK-DAG: %[[VB:.*]] = bufferization.to_buffer %[[V]] read_only
// CHECK-DAG: %[[CUB:.*]] = bufferization.to_buffer %[[CU]] read_only
// CHECK: %[[T:.*]] = memref.dim %[[VB]], %{{.*}} : memref<?x2x4xbf16>
// CHECK: %[[OUT:.*]] = memref.alloc(%[[T]]) : memref<?x2x4xbf16>
// CHECK: %[[N:.*]] = arith.constant 1.000000e+02 : f32
// CHECK: scf.for %[[B:[^ ]+]] =
// CHECK-NEXT: %[[C0:.*]] = memref.load %[[CUB]][%[[B]]] : memref<3xi64>
// CHECK-NEXT: %[[BEGIN:.*]] = arith.index_cast %[[C0]] : i64 to index
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[B1:.*]] = arith.addi %[[B]], %[[ONE]] : index
// CHECK-NEXT: %[[C1:.*]] = memref.load %[[CUB]][%[[B1]]] : memref<3xi64>
// CHECK-NEXT: %[[END:.*]] = arith.index_cast %[[C1]] : i64 to index
// CHECK-NEXT: %[[LEN:.*]] = arith.subi %[[END]], %[[BEGIN]] : index
// CHECK: scf.for %[[H:[^ ]+]] =
// CHECK: scf.for %[[I:[^ ]+]] = %{{[^ ]+}} to %[[LEN]] step
// CHECK: scf.for %[[J:[^ ]+]] = %{{[^ ]+}} to %[[LEN]] step
// CHECK: scf.for %[[D:[^ ]+]] = {{.*}} iter_args
// CHECK-NEXT: %[[QROW:.*]] = arith.addi %[[BEGIN]], %[[I]] : index
// CHECK-NEXT: %[[QV:.*]] = memref.load %[[QB]][%[[QROW]], %[[H]], %[[D]]] : memref<?x2x4xbf16>
// CHECK-NEXT: arith.extf %[[QV]] : bf16 to f32
// CHECK-NEXT: %[[KROW:.*]] = arith.addi %[[BEGIN]], %[[J]] : index
// CHECK-NEXT: memref.load %[[KB]][%[[KROW]], %[[H]], %[[D]]] : memref<?x2x4xbf16>
// CHECK: arith.constant 5.000000e-01 : f32
// CHECK: math.exp
// CHECK: %[[W:.*]] = arith.divf %{{.*}}, %[[N]] : f32
// CHECK: scf.for %[[DV:[^ ]+]] =
// CHECK: %[[VROW:.*]] = arith.addi %[[BEGIN]], %[[J]] : index
// CHECK-NEXT: memref.load %[[VB]][%[[VROW]], %[[H]], %[[DV]]] : memref<?x2x4xbf16>
// CHECK: scf.for %[[DO:[^ ]+]] =
// CHECK: %[[OROW:.*]] = arith.addi %[[BEGIN]], %[[I]] : index
// CHECK-NEXT: %[[R:.*]] = arith.truncf %{{.*}} : f32 to bf16
// CHECK-NEXT: memref.store %[[R]], %[[OUT]][%[[OROW]], %[[H]], %[[DO]]] : memref<?x2x4xbf16>
func.func @hstu_ragged(%q: tensor<?x2x4xbf16>, %k: tensor<?x2x4xbf16>, %v: tensor<?x2x4xbf16>,
                       %cu: tensor<3xi64>) -> tensor<?x2x4xbf16> {
  %o = attn.linear_attention q(%q) k(%k) v(%v) cu_seqlens(%cu)
      {kind = #attn.linear_kind<hstu>, silu_norm = 100 : i64, scale = 0.5 : f32}
      : (tensor<?x2x4xbf16>, tensor<?x2x4xbf16>, tensor<?x2x4xbf16>, tensor<3xi64>) -> tensor<?x2x4xbf16>
  return %o : tensor<?x2x4xbf16>
}

// -----

// Ragged HSTU without silu_norm: N is the longest request, the largest
// cu[b+1] - cu[b] (at least 1), reduced over the batch before the main loops.
// CHECK-LABEL: func.func @hstu_ragged_default_norm
// CHECK: %[[CUB:.*]] = bufferization.to_buffer %{{.*}} read_only : tensor<?xi32>
// CHECK: %[[NB:.*]] = arith.subi %{{.*}}, %{{.*}} : index
// CHECK: %[[ONE:.*]] = arith.constant 1 : index
// CHECK: %[[LONGEST:.*]] = scf.for %[[B:[^ ]+]] = %{{[^ ]+}} to %[[NB]] step %{{[^ ]+}} iter_args(%[[ACC:.*]] = %[[ONE]]) -> (index)
// CHECK: %[[HI:.*]] = memref.load %[[CUB]]
// CHECK: %[[LO:.*]] = memref.load %[[CUB]][%[[B]]]
// CHECK: %[[L:.*]] = arith.subi %{{.*}}, %{{.*}} : index
// CHECK-NEXT: %[[M:.*]] = arith.maxsi %[[ACC]], %[[L]] : index
// CHECK-NEXT: scf.yield %[[M]] : index
// CHECK: %[[LI64:.*]] = arith.index_cast %[[LONGEST]] : index to i64
// CHECK-NEXT: %[[N:.*]] = arith.sitofp %[[LI64]] : i64 to f32
// CHECK: scf.for
// CHECK: arith.divf %{{.*}}, %[[N]] : f32
func.func @hstu_ragged_default_norm(%q: tensor<?x2x4xf32>, %k: tensor<?x2x4xf32>, %v: tensor<?x2x4xf32>,
                                    %cu: tensor<?xi32>) -> tensor<?x2x4xf32> {
  %o = attn.linear_attention q(%q) k(%k) v(%v) cu_seqlens(%cu) {kind = #attn.linear_kind<hstu>}
      : (tensor<?x2x4xf32>, tensor<?x2x4xf32>, tensor<?x2x4xf32>, tensor<?xi32>) -> tensor<?x2x4xf32>
  return %o : tensor<?x2x4xf32>
}

// -----

// Lightning: a [D, Dv] = [4, 6] f32 state per (b, h), seeded from
// initial_state[b, h, :, :]; per token i, S[d, e] = exp(0 - decay[h]) *
// S[d, e] + k_i[d] * v_i[e], then o_i[e] = scale * sum_d q_i[d] * S[d, e];
// the last state is stored to final_state[b, h, :, :]; the scratch state is
// freed at the end.
// CHECK-LABEL: func.func @lightning
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x8x2x4xf32>, %[[K:[^:]*]]: tensor<2x8x2x4xf32>, %[[V:[^:]*]]: tensor<2x8x2x6xf32>, %[[DECAY:[^:]*]]: tensor<2xf32>, %[[S0:[^:]*]]: tensor<2x2x4x6xf32>)
// CHECK-DAG: %[[QB:.*]] = bufferization.to_buffer %[[Q]] read_only
// CHECK-DAG: %[[KB:.*]] = bufferization.to_buffer %[[K]] read_only
// CHECK-DAG: %[[VB:.*]] = bufferization.to_buffer %[[V]] read_only
// CHECK: %[[OUT:.*]] = memref.alloc() : memref<2x8x2x6xf32>
// CHECK: %[[FINAL:.*]] = memref.alloc() : memref<2x2x4x6xf32>
// CHECK-NEXT: %[[STATE:.*]] = memref.alloc() : memref<4x6xf32>
// CHECK: scf.for %[[B:[^ ]+]] =
// CHECK: %[[LEN:.*]] = memref.dim %[[QB]], %{{.*}} : memref<2x8x2x4xf32>
// CHECK: scf.for %[[H:[^ ]+]] =
// CHECK-NEXT: %[[DECAYB:.*]] = bufferization.to_buffer %[[DECAY]] read_only
// CHECK-NEXT: %[[S0B:.*]] = bufferization.to_buffer %[[S0]] read_only
// Seed.
// CHECK: scf.for %[[SD:[^ ]+]] =
// CHECK: scf.for %[[SE:[^ ]+]] =
// CHECK-NEXT: %[[INIT:.*]] = memref.load %[[S0B]][%[[B]], %[[H]], %[[SD]], %[[SE]]] : memref<2x2x4x6xf32>
// CHECK-NEXT: memref.store %[[INIT]], %[[STATE]][%[[SD]], %[[SE]]] : memref<4x6xf32>
// Decay factor exp(-lambda_h).
// CHECK: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[LAMBDA:.*]] = memref.load %[[DECAYB]][%[[H]]] : memref<2xf32>
// CHECK-NEXT: %[[NEGL:.*]] = arith.subf %[[Z]], %[[LAMBDA]] : f32
// CHECK-NEXT: %[[FACTOR:.*]] = math.exp %[[NEGL]] : f32
// Recurrence.
// CHECK: scf.for %[[I:[^ ]+]] = %{{[^ ]+}} to %[[LEN]] step
// CHECK: scf.for %[[D:[^ ]+]] =
// CHECK: scf.for %[[E:[^ ]+]] =
// CHECK-NEXT: %[[SOLD:.*]] = memref.load %[[STATE]][%[[D]], %[[E]]] : memref<4x6xf32>
// CHECK-NEXT: %[[KD:.*]] = memref.load %[[KB]][%[[B]], %[[I]], %[[H]], %[[D]]] : memref<2x8x2x4xf32>
// CHECK-NEXT: %[[VE:.*]] = memref.load %[[VB]][%[[B]], %[[I]], %[[H]], %[[E]]] : memref<2x8x2x6xf32>
// CHECK-NEXT: %[[KV:.*]] = arith.mulf %[[KD]], %[[VE]] : f32
// CHECK-NEXT: %[[DECAYED:.*]] = arith.mulf %[[FACTOR]], %[[SOLD]] : f32
// CHECK-NEXT: %[[SNEW:.*]] = arith.addf %[[DECAYED]], %[[KV]] : f32
// CHECK-NEXT: memref.store %[[SNEW]], %[[STATE]][%[[D]], %[[E]]] : memref<4x6xf32>
// Output row.
// CHECK: scf.for %[[C:[^ ]+]] =
// CHECK: %[[SUM:.*]] = scf.for %[[DD:[^ ]+]] = {{.*}} iter_args
// CHECK-NEXT: %[[ST:.*]] = memref.load %[[STATE]][%[[DD]], %[[C]]] : memref<4x6xf32>
// CHECK-NEXT: %[[QD:.*]] = memref.load %[[QB]][%[[B]], %[[I]], %[[H]], %[[DD]]] : memref<2x8x2x4xf32>
// CHECK-NEXT: %[[QS:.*]] = arith.mulf %[[QD]], %[[ST]] : f32
// CHECK-NEXT: arith.addf %{{.*}}, %[[QS]] : f32
// CHECK: %[[SCALE:.*]] = arith.constant 5.000000e-01 : f32
// CHECK-NEXT: %[[O:.*]] = arith.mulf %[[SUM]], %[[SCALE]] : f32
// CHECK-NEXT: memref.store %[[O]], %[[OUT]][%[[B]], %[[I]], %[[H]], %[[C]]] : memref<2x8x2x6xf32>
// Final state.
// CHECK: scf.for %[[FD:[^ ]+]] =
// CHECK: scf.for %[[FE:[^ ]+]] =
// CHECK-NEXT: %[[SL:.*]] = memref.load %[[STATE]][%[[FD]], %[[FE]]] : memref<4x6xf32>
// CHECK-NEXT: memref.store %[[SL]], %[[FINAL]][%[[B]], %[[H]], %[[FD]], %[[FE]]] : memref<2x2x4x6xf32>
// CHECK: %[[RO:.*]] = bufferization.to_tensor %[[OUT]] restrict writable
// CHECK-NEXT: %[[RS:.*]] = bufferization.to_tensor %[[FINAL]] restrict writable
// The scratch state is freed by the CPU pipelines' deallocation pass.
// CHECK-NOT: memref.dealloc
// CHECK-NEXT: return %[[RO]], %[[RS]]
func.func @lightning(%q: tensor<2x8x2x4xf32>, %k: tensor<2x8x2x4xf32>, %v: tensor<2x8x2x6xf32>,
                     %decay: tensor<2xf32>, %s0: tensor<2x2x4x6xf32>)
    -> (tensor<2x8x2x6xf32>, tensor<2x2x4x6xf32>) {
  %o, %s = attn.linear_attention q(%q) k(%k) v(%v) decay(%decay) initial_state(%s0)
      {causal, kind = #attn.linear_kind<lightning>, scale = 0.5 : f32}
      : (tensor<2x8x2x4xf32>, tensor<2x8x2x4xf32>, tensor<2x8x2x6xf32>, tensor<2xf32>, tensor<2x2x4x6xf32>)
      -> (tensor<2x8x2x6xf32>, tensor<2x2x4x6xf32>)
  return %o, %s : tensor<2x8x2x6xf32>, tensor<2x2x4x6xf32>
}

// -----

// Lightning without initial_state or final state: the state starts at 0,
// the default scale is 1, nothing is written besides the output.
// CHECK-LABEL: func.func @lightning_defaults
// CHECK: %[[OUT:.*]] = memref.alloc() : memref<1x4x1x2xf16>
// CHECK-NEXT: %[[STATE:.*]] = memref.alloc() : memref<2x2xf32>
// CHECK: scf.for %{{[^ ]+}} =
// CHECK: scf.for %{{[^ ]+}} =
// CHECK: scf.for %[[SD:[^ ]+]] =
// CHECK: scf.for %[[SE:[^ ]+]] =
// CHECK-NEXT: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: memref.store %[[Z]], %[[STATE]][%[[SD]], %[[SE]]] : memref<2x2xf32>
// CHECK: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %[[O:.*]] = arith.mulf %{{.*}}, %[[ONE]] : f32
// CHECK-NEXT: %[[OH:.*]] = arith.truncf %[[O]] : f32 to f16
// CHECK-NEXT: memref.store %[[OH]], %[[OUT]]
// CHECK-NOT: memref.store
// CHECK-NOT: memref.dealloc
// CHECK: return
func.func @lightning_defaults(%q: tensor<1x4x1x2xf16>, %k: tensor<1x4x1x2xf16>, %v: tensor<1x4x1x2xf16>,
                              %decay: tensor<1xf32>) -> tensor<1x4x1x2xf16> {
  %o = attn.linear_attention q(%q) k(%k) v(%v) decay(%decay)
      {causal, kind = #attn.linear_kind<lightning>}
      : (tensor<1x4x1x2xf16>, tensor<1x4x1x2xf16>, tensor<1x4x1x2xf16>, tensor<1xf32>) -> tensor<1x4x1x2xf16>
  return %o : tensor<1x4x1x2xf16>
}
