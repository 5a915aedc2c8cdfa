// RUN: attn-opt %s --attn-expand-functors --split-input-file | FileCheck %s
// RUN: attn-opt %s --attn-expand-functors=functors=softcap --split-input-file | FileCheck %s --check-prefix=SOFTCAP
// RUN: attn-opt %s --attn-expand-functors=functors=alibi --split-input-file | FileCheck %s --check-prefix=ALIBI
// RUN: not attn-opt %s --attn-expand-functors=functors=softcap,tanh 2>&1 | FileCheck %s --check-prefix=BAD

// BAD: attn-expand-functors: unknown functor 'tanh' (expected softcap, alibi, mask or sigmoid)

// Dense prefill: the capped score (c tanh(s / c)), then ALiBi with the
// distance |i + Sk - Sq - j| read from the tensors' sizes, then the user's
// score_mod on the result; the causal window and the user's mask_mod are
// and-ed. The named attributes and the slopes operand are gone.
// CHECK-LABEL: func.func @dense
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x?x4x8xf32>, %[[K:[^:]*]]: tensor<2x?x2x8xf32>, %[[V:[^:]*]]: tensor<2x?x2x8xf32>, %[[A:[^:]*]]: tensor<4xf32>)
// CHECK: attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) score_mod {
// CHECK-NEXT: ^bb0(%[[S:[^:]*]]: f32, %[[B:[^:]*]]: index, %[[H:[^:]*]]: index, %[[I:[^:]*]]: index, %[[J:[^:]*]]: index):
// CHECK-NEXT: %[[C:.*]] = arith.constant 3.000000e+01 : f32
// CHECK-NEXT: %[[X:.*]] = arith.divf %[[S]], %[[C]] : f32
// CHECK-NEXT: %[[T:.*]] = math.tanh %[[X]] : f32
// CHECK-NEXT: %[[CAP:.*]] = arith.mulf %[[C]], %[[T]] : f32
// CHECK: %[[SQ:.*]] = tensor.dim %[[Q]], %{{.*}} : tensor<2x?x4x8xf32>
// CHECK: %[[SK:.*]] = tensor.dim %[[K]], %{{.*}} : tensor<2x?x2x8xf32>
// CHECK-NEXT: %[[OFF:.*]] = arith.subi %[[SK]], %[[SQ]] : index
// CHECK-NEXT: %[[P:.*]] = arith.addi %[[I]], %[[OFF]] : index
// CHECK-NEXT: %[[D:.*]] = arith.subi %[[P]], %[[J]] : index
// CHECK: %[[NEG:.*]] = arith.cmpi slt, %[[D]], %{{.*}} : index
// CHECK: %[[MD:.*]] = arith.subi %{{.*}}, %[[D]] : index
// CHECK-NEXT: %[[ABS:.*]] = arith.select %[[NEG]], %[[MD]], %[[D]] : index
// CHECK-NEXT: %[[SLOPE:.*]] = tensor.extract %[[A]][%[[H]]] : tensor<4xf32>
// CHECK-NEXT: %[[ABSI:.*]] = arith.index_cast %[[ABS]] : index to i64
// CHECK-NEXT: %[[ABSF:.*]] = arith.sitofp %[[ABSI]] : i64 to f32
// CHECK-NEXT: %[[BIAS:.*]] = arith.mulf %[[SLOPE]], %[[ABSF]] : f32
// CHECK-NEXT: %[[AL:.*]] = arith.subf %[[CAP]], %[[BIAS]] : f32
// CHECK-NEXT: %[[HALF:.*]] = arith.constant 5.000000e-01 : f32
// CHECK-NEXT: %[[USER:.*]] = arith.mulf %[[AL]], %[[HALF]] : f32
// CHECK-NEXT: attn.yield %[[USER]] : f32
// CHECK-NEXT: } mask_mod {
// CHECK-NEXT: ^bb0(%[[MB:[^:]*]]: index, %[[MH:[^:]*]]: index, %[[MI:[^:]*]]: index, %[[MJ:[^:]*]]: index):
// CHECK: %[[MOFF:.*]] = arith.subi %{{.*}}, %{{.*}} : index
// CHECK-NEXT: %[[MP:.*]] = arith.addi %[[MI]], %[[MOFF]] : index
// CHECK-NEXT: %[[MD:.*]] = arith.subi %[[MP]], %[[MJ]] : index
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[CAUSAL:.*]] = arith.cmpi sge, %[[MD]], %[[ZERO]] : index
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[NOT1:.*]] = arith.cmpi ne, %[[MJ]], %[[ONE]] : index
// CHECK-NEXT: %[[BOTH:.*]] = arith.andi %[[CAUSAL]], %[[NOT1]] : i1
// CHECK-NEXT: attn.yield %[[BOTH]] : i1
// CHECK-NEXT: } : (tensor<2x?x4x8xf32>, tensor<2x?x2x8xf32>, tensor<2x?x2x8xf32>) -> tensor<2x?x4x8xf32>
// Only softcap selected: ALiBi, which must follow the cap, moves with it;
// the causal mask stays named. Only alibi selected: the cap stays named and
// applies first, so the order is kept without moving it.
// SOFTCAP-LABEL: func.func @dense
// SOFTCAP: attn.prefill q(%{{.*}}) k(%{{.*}}) v(%{{.*}}) {causal} score_mod {
// SOFTCAP: math.tanh
// SOFTCAP: tensor.extract
// SOFTCAP: attn.yield
// SOFTCAP: } mask_mod {
// SOFTCAP-NOT: arith.cmpi sge
// SOFTCAP: arith.cmpi ne
// ALIBI-LABEL: func.func @dense
// ALIBI: attn.prefill q(%{{.*}}) k(%{{.*}}) v(%{{.*}}) {causal, softcap = 3.000000e+01 : f32} score_mod {
// ALIBI-NOT: math.tanh
// ALIBI: tensor.extract
// ALIBI: attn.yield
func.func @dense(%q: tensor<2x?x4x8xf32>, %k: tensor<2x?x2x8xf32>, %v: tensor<2x?x2x8xf32>,
                 %a: tensor<4xf32>) -> tensor<2x?x4x8xf32> {
  %o = attn.prefill q(%q) k(%k) v(%v) alibi_slopes(%a) {causal, softcap = 30.0 : f32}
    score_mod {
    ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
      %c = arith.constant 0.5 : f32
      %r = arith.mulf %s, %c : f32
      attn.yield %r : f32
    }
    mask_mod {
    ^bb0(%b: index, %h: index, %i: index, %j: index):
      %c = arith.constant 1 : index
      %r = arith.cmpi ne, %j, %c : index
      attn.yield %r : i1
    }
    : (tensor<2x?x4x8xf32>, tensor<2x?x2x8xf32>, tensor<2x?x2x8xf32>, tensor<4xf32>)
    -> tensor<2x?x4x8xf32>
  return %o : tensor<2x?x4x8xf32>
}

// -----

// Ragged prefill with a two-sided window and per-request slopes [B, Hq]:
// Sq_b and Sk_b are cu_seqlens differences; j >= p - 8 and j <= p + 2.
// CHECK-LABEL: func.func @ragged_window
// CHECK-SAME: %[[CUQ:[^:]*]]: tensor<3xi32>, %[[CUK:[^:]*]]: tensor<3xi64>, %[[A:[^:]*]]: tensor<2x4xf32>)
// CHECK: score_mod {
// CHECK-NEXT: ^bb0(%{{[^:]*}}: f32, %[[B:[^:]*]]: index, %[[H:[^:]*]]: index,
// CHECK: tensor.extract %[[CUQ]]
// CHECK: tensor.extract %[[CUK]]
// CHECK: tensor.extract %[[A]][%[[B]], %[[H]]] : tensor<2x4xf32>
// CHECK: } mask_mod {
// CHECK: %[[L:.*]] = arith.constant 8 : index
// CHECK-NEXT: %[[LEFT:.*]] = arith.cmpi sle, %[[D:.*]], %[[L]] : index
// CHECK-NEXT: %[[R:.*]] = arith.constant -2 : index
// CHECK-NEXT: %[[RIGHT:.*]] = arith.cmpi sge, %[[D]], %[[R]] : index
// CHECK-NEXT: %[[VIS:.*]] = arith.andi %[[LEFT]], %[[RIGHT]] : i1
// CHECK-NEXT: attn.yield %[[VIS]] : i1
// CHECK-NOT: window
func.func @ragged_window(%q: tensor<?x4x8xf32>, %k: tensor<?x2x8xf32>, %v: tensor<?x2x8xf32>,
                         %cuq: tensor<3xi32>, %cuk: tensor<3xi64>, %a: tensor<2x4xf32>)
    -> tensor<?x4x8xf32> {
  %o = attn.prefill q(%q) k(%k) v(%v) cu_seqlens_q(%cuq) cu_seqlens_k(%cuk) alibi_slopes(%a)
      {window = array<i64: 8, 2>}
      : (tensor<?x4x8xf32>, tensor<?x2x8xf32>, tensor<?x2x8xf32>, tensor<3xi32>, tensor<3xi64>, tensor<2x4xf32>)
      -> tensor<?x4x8xf32>
  return %o : tensor<?x4x8xf32>
}

// -----

// Paged decode with the sigmoid normalizer: score_mod ends in
// sigmoid(s + 0.25) and the normalizer becomes none; a left window reads Sk_b
// from the page table ((pages - 1) * 16 + last_page_len, 0 without pages)
// with Sq_b = 1.
// CHECK-LABEL: func.func @decode_sigmoid_window
// CHECK-SAME: %[[KP:[^:]*]]: tensor<5xi32>, %[[KI:[^:]*]]: tensor<?xi32>, %[[KL:[^:]*]]: tensor<4xi32>)
// CHECK: attn.batch_decode
// CHECK-SAME: normalizer = #attn.normalizer<none>
// CHECK-NOT: sigmoid_bias
// CHECK: score_mod {
// CHECK: %[[BETA:.*]] = arith.constant 2.500000e-01 : f32
// CHECK-NEXT: %[[X:.*]] = arith.addf %{{.*}}, %[[BETA]] : f32
// CHECK: %[[NX:.*]] = arith.subf %{{.*}}, %[[X]] : f32
// CHECK-NEXT: %[[E:.*]] = math.exp %[[NX]] : f32
// CHECK: %[[DEN:.*]] = arith.addf %{{.*}}, %[[E]] : f32
// CHECK-NEXT: %[[SIG:.*]] = arith.divf %{{.*}}, %[[DEN]] : f32
// CHECK-NEXT: attn.yield %[[SIG]] : f32
// CHECK: } mask_mod {
// CHECK: tensor.extract %[[KP]]
// CHECK: tensor.extract %[[KP]]
// CHECK: arith.constant 16 : index
// CHECK: tensor.extract %[[KL]]
// CHECK: arith.select
// CHECK: arith.constant 100 : index
// CHECK-NEXT: arith.cmpi sle
func.func @decode_sigmoid_window(%q: tensor<4x8x64xf16>, %kc: tensor<?x16x2x64xf16>,
                                 %vc: tensor<?x16x2x64xf16>, %kp: tensor<5xi32>,
                                 %ki: tensor<?xi32>, %kl: tensor<4xi32>) -> tensor<4x8x64xf16> {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc) kv_indptr(%kp) kv_indices(%ki)
      kv_last_page_len(%kl)
      {layout = #attn.kv_layout<nhd>, normalizer = #attn.normalizer<sigmoid>,
       sigmoid_bias = 0.25 : f32, window = array<i64: 100, -1>}
      : (tensor<4x8x64xf16>, tensor<?x16x2x64xf16>, tensor<?x16x2x64xf16>, tensor<5xi32>,
         tensor<?xi32>, tensor<4xi32>) -> tensor<4x8x64xf16>
  return %o : tensor<4x8x64xf16>
}

// -----

// vLLM paged attention: Sk_b is context_lens[b].
// CHECK-LABEL: func.func @vllm_alibi
// CHECK-SAME: %[[CL:[^:]*]]: tensor<3xi32>, %[[A:[^:]*]]: tensor<4xf32>)
// CHECK: attn.paged_attention
// CHECK-NOT: alibi_slopes
// CHECK-SAME: score_mod {
// CHECK: %[[N:.*]] = tensor.extract %[[CL]][%{{.*}}] : tensor<3xi32>
// CHECK-NEXT: arith.index_cast %[[N]] : i32 to index
// CHECK: tensor.extract %[[A]]
func.func @vllm_alibi(%q: tensor<3x4x64xf16>, %kc: tensor<?x2x8x16x8xf16>, %vc: tensor<?x2x64x16xf16>,
                      %bt: tensor<3x?xi32>, %cl: tensor<3xi32>, %a: tensor<4xf32>) -> tensor<3x4x64xf16> {
  %o = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc) block_tables(%bt) context_lens(%cl)
      alibi_slopes(%a)
      : (tensor<3x4x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<3x?xi32>,
         tensor<3xi32>, tensor<4xf32>) -> tensor<3x4x64xf16>
  return %o : tensor<3x4x64xf16>
}

// -----

// Nothing to expand: the op is left as it is.
// CHECK-LABEL: func.func @plain
// CHECK: attn.prefill q(%{{.*}}) k(%{{.*}}) v(%{{.*}}) : (
// CHECK-NOT: score_mod
func.func @plain(%q: tensor<1x4x2x8xf32>, %k: tensor<1x4x2x8xf32>, %v: tensor<1x4x2x8xf32>)
    -> tensor<1x4x2x8xf32> {
  %o = attn.prefill q(%q) k(%k) v(%v)
      : (tensor<1x4x2x8xf32>, tensor<1x4x2x8xf32>, tensor<1x4x2x8xf32>) -> tensor<1x4x2x8xf32>
  return %o : tensor<1x4x2x8xf32>
}
