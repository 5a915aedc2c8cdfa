// RUN: attn-opt %s --canonicalize --split-input-file | FileCheck %s

// A right window bound of 0 is spelled `causal`; an unbounded window goes.
// CHECK-LABEL: func.func @window_right_zero_is_causal
// CHECK: attn.prefill q(%{{.*}}) k(%{{.*}}) v(%{{.*}}) {causal, window = array<i64: 64, -1>}
// CHECK-LABEL: func.func @unbounded_window_dropped
// CHECK: attn.prefill q(%{{.*}}) k(%{{.*}}) v(%{{.*}}) :
// CHECK-LABEL: func.func @causal_window_zero_left_unbounded
// CHECK: attn.prefill q(%{{.*}}) k(%{{.*}}) v(%{{.*}}) {causal} :
// CHECK-LABEL: func.func @causal_kept
// CHECK: attn.prefill q(%{{.*}}) k(%{{.*}}) v(%{{.*}}) {causal, window = array<i64: 8, -1>}
func.func @window_right_zero_is_causal(%q: tensor<1x8x2x64xf32>) -> tensor<1x8x2x64xf32> {
  %o = attn.prefill q(%q) k(%q) v(%q) {window = array<i64: 64, 0>}
      : (tensor<1x8x2x64xf32>, tensor<1x8x2x64xf32>, tensor<1x8x2x64xf32>) -> tensor<1x8x2x64xf32>
  return %o : tensor<1x8x2x64xf32>
}
func.func @unbounded_window_dropped(%q: tensor<1x8x2x64xf32>) -> tensor<1x8x2x64xf32> {
  %o = attn.prefill q(%q) k(%q) v(%q) {window = array<i64: -1, -1>}
      : (tensor<1x8x2x64xf32>, tensor<1x8x2x64xf32>, tensor<1x8x2x64xf32>) -> tensor<1x8x2x64xf32>
  return %o : tensor<1x8x2x64xf32>
}
func.func @causal_window_zero_left_unbounded(%q: tensor<1x8x2x64xf32>) -> tensor<1x8x2x64xf32> {
  %o = attn.prefill q(%q) k(%q) v(%q) {causal, window = array<i64: -1, 0>}
      : (tensor<1x8x2x64xf32>, tensor<1x8x2x64xf32>, tensor<1x8x2x64xf32>) -> tensor<1x8x2x64xf32>
  return %o : tensor<1x8x2x64xf32>
}
func.func @causal_kept(%q: tensor<1x8x2x64xf32>) -> tensor<1x8x2x64xf32> {
  %o = attn.prefill q(%q) k(%q) v(%q) {causal, window = array<i64: 8, -1>}
      : (tensor<1x8x2x64xf32>, tensor<1x8x2x64xf32>, tensor<1x8x2x64xf32>) -> tensor<1x8x2x64xf32>
  return %o : tensor<1x8x2x64xf32>
}

// -----

// Decode ops: the single query sits at the end of its sequence, so `causal`
// and the right window bound hide nothing and are dropped; the left bound
// stays.
// CHECK-LABEL: func.func @decode_causal_dropped
// CHECK: attn.batch_decode {{.*}} {layout = #attn.kv_layout<nhd>, window = array<i64: 32, -1>}
// CHECK: attn.paged_attention {{.*}} : (
// CHECK-NOT: causal
// CHECK: attn.mla_decode {{.*}} {scale = 1.250000e-01 : f32} :
func.func @decode_causal_dropped(%q: tensor<2x8x64xf16>, %kc: tensor<?x16x2x64xf16>,
    %ip: tensor<3xi32>, %ix: tensor<?xi32>, %lp: tensor<2xi32>,
    %pk: tensor<?x2x8x16x8xf16>, %pv: tensor<?x2x64x16xf16>, %bt: tensor<2x4xi32>,
    %qn: tensor<2x8x512xf16>, %qp: tensor<2x8x64xf16>, %ckv: tensor<?x1x512xf16>,
    %kpe: tensor<?x1x64xf16>) -> (tensor<2x8x64xf16>, tensor<2x8x64xf16>, tensor<2x8x512xf16>) {
  %a = attn.batch_decode q(%q) k_cache(%kc) v_cache(%kc) kv_indptr(%ip) kv_indices(%ix)
      kv_last_page_len(%lp) {window = array<i64: 32, 4>, layout = #attn.kv_layout<nhd>}
      : (tensor<2x8x64xf16>, tensor<?x16x2x64xf16>, tensor<?x16x2x64xf16>, tensor<3xi32>,
         tensor<?xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  %b = attn.paged_attention q(%q) k_cache(%pk) v_cache(%pv) block_tables(%bt) context_lens(%lp)
      {causal}
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x4xi32>,
         tensor<2xi32>) -> tensor<2x8x64xf16>
  %c = attn.mla_decode q_nope(%qn) q_pe(%qp) ckv_cache(%ckv) kpe_cache(%kpe) kv_indptr(%ip)
      kv_indices(%ix) kv_last_page_len(%lp) {causal, scale = 0.125 : f32}
      : (tensor<2x8x512xf16>, tensor<2x8x64xf16>, tensor<?x1x512xf16>, tensor<?x1x64xf16>,
         tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x8x512xf16>
  return %a, %b, %c : tensor<2x8x64xf16>, tensor<2x8x64xf16>, tensor<2x8x512xf16>
}

// -----

// Appending no token folds to the caches; merging one state folds to it.
// CHECK-LABEL: func.func @empty_append
// CHECK-SAME: (%{{[^:]*}}: tensor<0x2x64xf16>, %[[KC:[^:]*]]: tensor<8x16x2x64xf16>, %[[VC:[^:]*]]: tensor<8x16x2x64xf16>
// CHECK-NOT: attn.append_kv
// CHECK: return %[[KC]], %[[VC]]
func.func @empty_append(%k: tensor<0x2x64xf16>, %kc: tensor<8x16x2x64xf16>,
    %vc: tensor<8x16x2x64xf16>, %slots: tensor<0xi64>) -> (tensor<8x16x2x64xf16>, tensor<8x16x2x64xf16>) {
  %kc2, %vc2 = attn.append_kv k(%k) v(%k) k_cache(%kc) v_cache(%vc) slot_mapping(%slots)
      {layout = #attn.kv_layout<nhd>}
      : (tensor<0x2x64xf16>, tensor<0x2x64xf16>, tensor<8x16x2x64xf16>, tensor<8x16x2x64xf16>,
         tensor<0xi64>) -> (tensor<8x16x2x64xf16>, tensor<8x16x2x64xf16>)
  return %kc2, %vc2 : tensor<8x16x2x64xf16>, tensor<8x16x2x64xf16>
}

// CHECK-LABEL: func.func @single_state
// CHECK-SAME: (%[[V:[^:]*]]: tensor<?x4x64xf32>, %[[S:[^:]*]]: tensor<?x4xf32>)
// CHECK-NEXT: return %[[V]], %[[S]]
func.func @single_state(%v: tensor<?x4x64xf32>, %s: tensor<?x4xf32>) -> (tensor<?x4x64xf32>, tensor<?x4xf32>) {
  %o, %l = attn.merge_states values(%v) lse(%s)
      : (tensor<?x4x64xf32>, tensor<?x4xf32>) -> (tensor<?x4x64xf32>, tensor<?x4xf32>)
  return %o, %l : tensor<?x4x64xf32>, tensor<?x4xf32>
}

// CHECK-LABEL: func.func @two_states_kept
// CHECK: attn.merge_states values(
func.func @two_states_kept(%v: tensor<?x4x64xf32>, %s: tensor<?x4xf32>) -> (tensor<?x4x64xf32>, tensor<?x4xf32>) {
  %o, %l = attn.merge_states values(%v, %v) lse(%s, %s)
      : (tensor<?x4x64xf32>, tensor<?x4x64xf32>, tensor<?x4xf32>, tensor<?x4xf32>) -> (tensor<?x4x64xf32>, tensor<?x4xf32>)
  return %o, %l : tensor<?x4x64xf32>, tensor<?x4xf32>
}
