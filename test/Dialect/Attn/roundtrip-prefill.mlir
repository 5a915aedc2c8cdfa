// RUN: attn-opt %s | attn-opt | FileCheck %s
// RUN: attn-opt %s --mlir-print-op-generic | attn-opt | FileCheck %s

//===----------------------------------------------------------------------===//
// Dense layout: q [B, Sq, Hq, D], k [B, Sk, Hkv, D], v [B, Sk, Hkv, Dv].
//===----------------------------------------------------------------------===//

// Multi-head attention with every option at its default.
// CHECK-LABEL: func.func @dense_mha
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x128x8x64xf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<2x128x8x64xf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<2x128x8x64xf16>)
// CHECK: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) : (tensor<2x128x8x64xf16>, tensor<2x128x8x64xf16>, tensor<2x128x8x64xf16>) -> tensor<2x128x8x64xf16>
// CHECK-NEXT: return %[[O]] : tensor<2x128x8x64xf16>
func.func @dense_mha(%q: tensor<2x128x8x64xf16>, %k: tensor<2x128x8x64xf16>,
                     %v: tensor<2x128x8x64xf16>) -> tensor<2x128x8x64xf16> {
  %o = attn.prefill q(%q) k(%k) v(%v)
      : (tensor<2x128x8x64xf16>, tensor<2x128x8x64xf16>, tensor<2x128x8x64xf16>)
      -> tensor<2x128x8x64xf16>
  return %o : tensor<2x128x8x64xf16>
}

// GQA 4:1, causal, explicit scale, with the LSE result.
// CHECK-LABEL: func.func @dense_gqa_causal_lse
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x256x32x128xbf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<2x256x8x128xbf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<2x256x8x128xbf16>)
// CHECK: %[[O:.*]], %[[LSE:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) {causal, scale = 0.0883883461 : f32} : (tensor<2x256x32x128xbf16>, tensor<2x256x8x128xbf16>, tensor<2x256x8x128xbf16>) -> (tensor<2x256x32x128xbf16>, tensor<2x256x32xf32>)
// CHECK-NEXT: return %[[O]], %[[LSE]] : tensor<2x256x32x128xbf16>, tensor<2x256x32xf32>
func.func @dense_gqa_causal_lse(%q: tensor<2x256x32x128xbf16>,
                                %k: tensor<2x256x8x128xbf16>,
                                %v: tensor<2x256x8x128xbf16>)
    -> (tensor<2x256x32x128xbf16>, tensor<2x256x32xf32>) {
  %o, %lse = attn.prefill q(%q) k(%k) v(%v)
      {causal, scale = 0.0883883461 : f32}
      : (tensor<2x256x32x128xbf16>, tensor<2x256x8x128xbf16>,
         tensor<2x256x8x128xbf16>)
      -> (tensor<2x256x32x128xbf16>, tensor<2x256x32xf32>)
  return %o, %lse : tensor<2x256x32x128xbf16>, tensor<2x256x32xf32>
}

// MQA: one KV head shared by all query heads, f32.
// CHECK-LABEL: func.func @dense_mqa
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x64x16x64xf32>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<1x64x1x64xf32>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<1x64x1x64xf32>)
// CHECK: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) : (tensor<1x64x16x64xf32>, tensor<1x64x1x64xf32>, tensor<1x64x1x64xf32>) -> tensor<1x64x16x64xf32>
// CHECK-NEXT: return %[[O]] : tensor<1x64x16x64xf32>
func.func @dense_mqa(%q: tensor<1x64x16x64xf32>, %k: tensor<1x64x1x64xf32>,
                     %v: tensor<1x64x1x64xf32>) -> tensor<1x64x16x64xf32> {
  %o = attn.prefill q(%q) k(%k) v(%v)
      : (tensor<1x64x16x64xf32>, tensor<1x64x1x64xf32>, tensor<1x64x1x64xf32>)
      -> tensor<1x64x16x64xf32>
  return %o : tensor<1x64x16x64xf32>
}

// V head dim (128) differs from the Q/K head dim (192), as in DeepSeek's
// un-absorbed MLA prefill.
// CHECK-LABEL: func.func @dense_vdim
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x512x16x192xbf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<1x512x16x192xbf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<1x512x16x128xbf16>)
// CHECK: %[[O:.*]], %[[LSE:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) {causal, scale = 0.0721687824 : f32} : (tensor<1x512x16x192xbf16>, tensor<1x512x16x192xbf16>, tensor<1x512x16x128xbf16>) -> (tensor<1x512x16x128xbf16>, tensor<1x512x16xf32>)
// CHECK-NEXT: return %[[O]], %[[LSE]] : tensor<1x512x16x128xbf16>, tensor<1x512x16xf32>
func.func @dense_vdim(%q: tensor<1x512x16x192xbf16>,
                      %k: tensor<1x512x16x192xbf16>,
                      %v: tensor<1x512x16x128xbf16>)
    -> (tensor<1x512x16x128xbf16>, tensor<1x512x16xf32>) {
  %o, %lse = attn.prefill q(%q) k(%k) v(%v)
      {causal, scale = 0.0721687824 : f32}
      : (tensor<1x512x16x192xbf16>, tensor<1x512x16x192xbf16>,
         tensor<1x512x16x128xbf16>)
      -> (tensor<1x512x16x128xbf16>, tensor<1x512x16xf32>)
  return %o, %lse : tensor<1x512x16x128xbf16>, tensor<1x512x16xf32>
}

// Chunked prefill: Sq (16) < Sk (1024), causal mask aligned bottom-right.
// CHECK-LABEL: func.func @dense_chunked
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x16x8x64xf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<2x1024x8x64xf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<2x1024x8x64xf16>)
// CHECK: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) {causal} : (tensor<2x16x8x64xf16>, tensor<2x1024x8x64xf16>, tensor<2x1024x8x64xf16>) -> tensor<2x16x8x64xf16>
// CHECK-NEXT: return %[[O]] : tensor<2x16x8x64xf16>
func.func @dense_chunked(%q: tensor<2x16x8x64xf16>, %k: tensor<2x1024x8x64xf16>,
                         %v: tensor<2x1024x8x64xf16>) -> tensor<2x16x8x64xf16> {
  %o = attn.prefill q(%q) k(%k) v(%v) {causal}
      : (tensor<2x16x8x64xf16>, tensor<2x1024x8x64xf16>, tensor<2x1024x8x64xf16>)
      -> tensor<2x16x8x64xf16>
  return %o : tensor<2x16x8x64xf16>
}

// Dynamic batch size and sequence lengths.
// CHECK-LABEL: func.func @dense_dynamic
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<?x?x32x128xbf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<?x?x8x128xbf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<?x?x8x128xbf16>)
// CHECK: %[[O:.*]], %[[LSE:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) {causal} : (tensor<?x?x32x128xbf16>, tensor<?x?x8x128xbf16>, tensor<?x?x8x128xbf16>) -> (tensor<?x?x32x128xbf16>, tensor<?x?x32xf32>)
// CHECK-NEXT: return %[[O]], %[[LSE]] : tensor<?x?x32x128xbf16>, tensor<?x?x32xf32>
func.func @dense_dynamic(%q: tensor<?x?x32x128xbf16>, %k: tensor<?x?x8x128xbf16>,
                         %v: tensor<?x?x8x128xbf16>)
    -> (tensor<?x?x32x128xbf16>, tensor<?x?x32xf32>) {
  %o, %lse = attn.prefill q(%q) k(%k) v(%v) {causal}
      : (tensor<?x?x32x128xbf16>, tensor<?x?x8x128xbf16>, tensor<?x?x8x128xbf16>)
      -> (tensor<?x?x32x128xbf16>, tensor<?x?x32xf32>)
  return %o, %lse : tensor<?x?x32x128xbf16>, tensor<?x?x32xf32>
}

//===----------------------------------------------------------------------===//
// Ragged (varlen) layout: q [Tq, Hq, D], k [Tk, Hkv, D], v [Tk, Hkv, Dv] with
// cu_seqlens_q / cu_seqlens_k [B + 1].
//===----------------------------------------------------------------------===//

// The op description's example: causal, GQA 4:1, with LSE.
// CHECK-LABEL: func.func @ragged_causal_lse
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<?x32x128xbf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<?x8x128xbf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<?x8x128xbf16>,
// CHECK-SAME: %[[CQ:[^:]*]]: tensor<3xi32>,
// CHECK-SAME: %[[CK:[^:]*]]: tensor<3xi32>)
// CHECK: %[[O:.*]], %[[LSE:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) cu_seqlens_q(%[[CQ]]) cu_seqlens_k(%[[CK]]) {causal, scale = 0.0883883461 : f32} : (tensor<?x32x128xbf16>, tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<3xi32>, tensor<3xi32>) -> (tensor<?x32x128xbf16>, tensor<?x32xf32>)
// CHECK-NEXT: return %[[O]], %[[LSE]] : tensor<?x32x128xbf16>, tensor<?x32xf32>
func.func @ragged_causal_lse(%q: tensor<?x32x128xbf16>, %k: tensor<?x8x128xbf16>,
                             %v: tensor<?x8x128xbf16>, %cq: tensor<3xi32>,
                             %ck: tensor<3xi32>)
    -> (tensor<?x32x128xbf16>, tensor<?x32xf32>) {
  %o, %lse = attn.prefill q(%q) k(%k) v(%v) cu_seqlens_q(%cq) cu_seqlens_k(%ck)
      {causal, scale = 0.0883883461 : f32}
      : (tensor<?x32x128xbf16>, tensor<?x8x128xbf16>, tensor<?x8x128xbf16>,
         tensor<3xi32>, tensor<3xi32>)
      -> (tensor<?x32x128xbf16>, tensor<?x32xf32>)
  return %o, %lse : tensor<?x32x128xbf16>, tensor<?x32xf32>
}

// i64 cu_seqlens of dynamic length (dynamic batch size).
// CHECK-LABEL: func.func @ragged_i64_dynamic
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<?x8x64xf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<?x8x64xf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<?x8x64xf16>,
// CHECK-SAME: %[[CQ:[^:]*]]: tensor<?xi64>,
// CHECK-SAME: %[[CK:[^:]*]]: tensor<?xi64>)
// CHECK: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) cu_seqlens_q(%[[CQ]]) cu_seqlens_k(%[[CK]]) : (tensor<?x8x64xf16>, tensor<?x8x64xf16>, tensor<?x8x64xf16>, tensor<?xi64>, tensor<?xi64>) -> tensor<?x8x64xf16>
// CHECK-NEXT: return %[[O]] : tensor<?x8x64xf16>
func.func @ragged_i64_dynamic(%q: tensor<?x8x64xf16>, %k: tensor<?x8x64xf16>,
                              %v: tensor<?x8x64xf16>, %cq: tensor<?xi64>,
                              %ck: tensor<?xi64>) -> tensor<?x8x64xf16> {
  %o = attn.prefill q(%q) k(%k) v(%v) cu_seqlens_q(%cq) cu_seqlens_k(%ck)
      : (tensor<?x8x64xf16>, tensor<?x8x64xf16>, tensor<?x8x64xf16>,
         tensor<?xi64>, tensor<?xi64>) -> tensor<?x8x64xf16>
  return %o : tensor<?x8x64xf16>
}

// Static token counts with Tq < Tk (prefix caching) and Dv (128) != D (192).
// CHECK-LABEL: func.func @ragged_prefix_vdim
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<100x16x192xbf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<300x16x192xbf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<300x16x128xbf16>,
// CHECK-SAME: %[[CQ:[^:]*]]: tensor<5xi32>,
// CHECK-SAME: %[[CK:[^:]*]]: tensor<5xi32>)
// CHECK: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) cu_seqlens_q(%[[CQ]]) cu_seqlens_k(%[[CK]]) {causal} : (tensor<100x16x192xbf16>, tensor<300x16x192xbf16>, tensor<300x16x128xbf16>, tensor<5xi32>, tensor<5xi32>) -> tensor<100x16x128xbf16>
// CHECK-NEXT: return %[[O]] : tensor<100x16x128xbf16>
func.func @ragged_prefix_vdim(%q: tensor<100x16x192xbf16>,
                              %k: tensor<300x16x192xbf16>,
                              %v: tensor<300x16x128xbf16>, %cq: tensor<5xi32>,
                              %ck: tensor<5xi32>) -> tensor<100x16x128xbf16> {
  %o = attn.prefill q(%q) k(%k) v(%v) cu_seqlens_q(%cq) cu_seqlens_k(%ck)
      {causal}
      : (tensor<100x16x192xbf16>, tensor<300x16x192xbf16>,
         tensor<300x16x128xbf16>, tensor<5xi32>, tensor<5xi32>)
      -> tensor<100x16x128xbf16>
  return %o : tensor<100x16x128xbf16>
}

//===----------------------------------------------------------------------===//
// Fused QKV: qkv [B, S, (Hq + 2 Hkv) * D] or ragged [T, (Hq + 2 Hkv) * D].
//===----------------------------------------------------------------------===//

// Dense fused QKV: 8 query heads, 2 KV heads, D = 64 -> width 768.
// CHECK-LABEL: func.func @fused_qkv_dense_static
// CHECK-SAME: (%[[QKV:[^:]*]]: tensor<2x128x768xf16>)
// CHECK: %[[O:.*]] = attn.prefill qkv(%[[QKV]]) {causal, qkv_heads = array<i64: 8, 2>} : (tensor<2x128x768xf16>) -> tensor<2x128x8x64xf16>
// CHECK-NEXT: return %[[O]] : tensor<2x128x8x64xf16>
func.func @fused_qkv_dense_static(%qkv: tensor<2x128x768xf16>) -> tensor<2x128x8x64xf16> {
  %o = attn.prefill qkv(%qkv) {causal, qkv_heads = array<i64: 8, 2>}
      : (tensor<2x128x768xf16>) -> tensor<2x128x8x64xf16>
  return %o : tensor<2x128x8x64xf16>
}

// Dense fused QKV with dynamic batch and sequence length, and LSE.
// CHECK-LABEL: func.func @fused_qkv_dense_dynamic
// CHECK-SAME: (%[[QKV:[^:]*]]: tensor<?x?x1536xbf16>)
// CHECK: %[[O:.*]], %[[LSE:.*]] = attn.prefill qkv(%[[QKV]]) {qkv_heads = array<i64: 8, 2>} : (tensor<?x?x1536xbf16>) -> (tensor<?x?x8x128xbf16>, tensor<?x?x8xf32>)
// CHECK-NEXT: return %[[O]], %[[LSE]] : tensor<?x?x8x128xbf16>, tensor<?x?x8xf32>
func.func @fused_qkv_dense_dynamic(%qkv: tensor<?x?x1536xbf16>)
    -> (tensor<?x?x8x128xbf16>, tensor<?x?x8xf32>) {
  %o, %lse = attn.prefill qkv(%qkv) {qkv_heads = array<i64: 8, 2>}
      : (tensor<?x?x1536xbf16>)
      -> (tensor<?x?x8x128xbf16>, tensor<?x?x8xf32>)
  return %o, %lse : tensor<?x?x8x128xbf16>, tensor<?x?x8xf32>
}

// Ragged fused QKV with cu_seqlens_q only (examples/prefill_fused_qkv.mlir).
// CHECK-LABEL: func.func @fused_qkv_ragged_window
// CHECK-SAME: (%[[QKV:[^:]*]]: tensor<?x512xf16>,
// CHECK-SAME: %[[CQ:[^:]*]]: tensor<3xi32>)
// CHECK: %[[O:.*]], %[[LSE:.*]] = attn.prefill qkv(%[[QKV]]) cu_seqlens_q(%[[CQ]]) {qkv_heads = array<i64: 4, 2>, window = array<i64: 256, 0>} : (tensor<?x512xf16>, tensor<3xi32>) -> (tensor<?x4x64xf16>, tensor<?x4xf32>)
// CHECK-NEXT: return %[[O]], %[[LSE]] : tensor<?x4x64xf16>, tensor<?x4xf32>
func.func @fused_qkv_ragged_window(%qkv: tensor<?x512xf16>, %cq: tensor<3xi32>)
    -> (tensor<?x4x64xf16>, tensor<?x4xf32>) {
  %o, %lse = attn.prefill qkv(%qkv) cu_seqlens_q(%cq)
      {window = array<i64: 256, 0>, qkv_heads = array<i64: 4, 2>}
      : (tensor<?x512xf16>, tensor<3xi32>) -> (tensor<?x4x64xf16>, tensor<?x4xf32>)
  return %o, %lse : tensor<?x4x64xf16>, tensor<?x4xf32>
}

// Ragged fused QKV, i64 cu_seqlens, RoPE at explicit i64 positions.
// CHECK-LABEL: func.func @fused_qkv_ragged_rope
// CHECK-SAME: (%[[QKV:[^:]*]]: tensor<?x3072xbf16>,
// CHECK-SAME: %[[CQ:[^:]*]]: tensor<?xi64>,
// CHECK-SAME: %[[POS:[^:]*]]: tensor<?xi64>)
// CHECK: %[[O:.*]] = attn.prefill qkv(%[[QKV]]) cu_seqlens_q(%[[CQ]]) positions(%[[POS]]) {causal, qkv_heads = array<i64: 16, 4>, rope = #attn.rope<theta = 1.000000e+04, dim = 128, style = neox>} : (tensor<?x3072xbf16>, tensor<?xi64>, tensor<?xi64>) -> tensor<?x16x128xbf16>
// CHECK-NEXT: return %[[O]] : tensor<?x16x128xbf16>
func.func @fused_qkv_ragged_rope(%qkv: tensor<?x3072xbf16>, %cq: tensor<?xi64>,
                                 %pos: tensor<?xi64>) -> tensor<?x16x128xbf16> {
  %o = attn.prefill qkv(%qkv) cu_seqlens_q(%cq) positions(%pos)
      {causal, qkv_heads = array<i64: 16, 4>,
       rope = #attn.rope<theta = 10000.0, dim = 128, style = neox>}
      : (tensor<?x3072xbf16>, tensor<?xi64>, tensor<?xi64>)
      -> tensor<?x16x128xbf16>
  return %o : tensor<?x16x128xbf16>
}

// Dense fused QKV in FP8 with per-head Q/K descales, a per-tensor V descale,
// [B, Hq] ALiBi slopes, RoPE at [B, S] positions and LSE.
// CHECK-LABEL: func.func @fused_qkv_fp8_all
// CHECK-SAME: (%[[QKV:[^:]*]]: tensor<2x128x768xf8E4M3FN>,
// CHECK-SAME: %[[SLOPES:[^:]*]]: tensor<2x8xf32>,
// CHECK-SAME: %[[POS:[^:]*]]: tensor<2x128xi64>,
// CHECK-SAME: %[[QS:[^:]*]]: tensor<8xf32>,
// CHECK-SAME: %[[KS:[^:]*]]: tensor<2xf32>,
// CHECK-SAME: %[[VS:[^:]*]]: tensor<1xf32>)
// CHECK: %[[O:.*]], %[[LSE:.*]] = attn.prefill qkv(%[[QKV]]) alibi_slopes(%[[SLOPES]]) positions(%[[POS]]) q_descale(%[[QS]]) k_descale(%[[KS]]) v_descale(%[[VS]]) {causal, qkv_heads = array<i64: 8, 2>, rope = #attn.rope<theta = 1.000000e+04, dim = 64, style = neox>} : (tensor<2x128x768xf8E4M3FN>, tensor<2x8xf32>, tensor<2x128xi64>, tensor<8xf32>, tensor<2xf32>, tensor<1xf32>) -> (tensor<2x128x8x64xbf16>, tensor<2x128x8xf32>)
// CHECK-NEXT: return %[[O]], %[[LSE]] : tensor<2x128x8x64xbf16>, tensor<2x128x8xf32>
func.func @fused_qkv_fp8_all(%qkv: tensor<2x128x768xf8E4M3FN>,
                             %slopes: tensor<2x8xf32>, %pos: tensor<2x128xi64>,
                             %qs: tensor<8xf32>, %ks: tensor<2xf32>,
                             %vs: tensor<1xf32>)
    -> (tensor<2x128x8x64xbf16>, tensor<2x128x8xf32>) {
  %o, %lse = attn.prefill qkv(%qkv) alibi_slopes(%slopes) positions(%pos)
      q_descale(%qs) k_descale(%ks) v_descale(%vs)
      {causal, qkv_heads = array<i64: 8, 2>,
       rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>}
      : (tensor<2x128x768xf8E4M3FN>, tensor<2x8xf32>, tensor<2x128xi64>,
         tensor<8xf32>, tensor<2xf32>, tensor<1xf32>)
      -> (tensor<2x128x8x64xbf16>, tensor<2x128x8xf32>)
  return %o, %lse : tensor<2x128x8x64xbf16>, tensor<2x128x8xf32>
}

//===----------------------------------------------------------------------===//
// Masks and logits transforms.
//===----------------------------------------------------------------------===//

// Causal sliding window (Mistral): the last 4096 keys.
// CHECK-LABEL: func.func @window_causal
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x128x32x128xbf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<1x128x8x128xbf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<1x128x8x128xbf16>)
// CHECK: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) {causal, window = array<i64: 4095, 0>} : (tensor<1x128x32x128xbf16>, tensor<1x128x8x128xbf16>, tensor<1x128x8x128xbf16>) -> tensor<1x128x32x128xbf16>
// CHECK-NEXT: return %[[O]] : tensor<1x128x32x128xbf16>
func.func @window_causal(%q: tensor<1x128x32x128xbf16>, %k: tensor<1x128x8x128xbf16>,
                         %v: tensor<1x128x8x128xbf16>) -> tensor<1x128x32x128xbf16> {
  %o = attn.prefill q(%q) k(%k) v(%v) {causal, window = array<i64: 4095, 0>}
      : (tensor<1x128x32x128xbf16>, tensor<1x128x8x128xbf16>,
         tensor<1x128x8x128xbf16>) -> tensor<1x128x32x128xbf16>
  return %o : tensor<1x128x32x128xbf16>
}

// Two-sided local window without causal.
// CHECK-LABEL: func.func @window_two_sided
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x128x8x64xf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<1x128x8x64xf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<1x128x8x64xf16>)
// CHECK: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) {window = array<i64: 64, 64>} : (tensor<1x128x8x64xf16>, tensor<1x128x8x64xf16>, tensor<1x128x8x64xf16>) -> tensor<1x128x8x64xf16>
// CHECK-NEXT: return %[[O]] : tensor<1x128x8x64xf16>
func.func @window_two_sided(%q: tensor<1x128x8x64xf16>, %k: tensor<1x128x8x64xf16>,
                            %v: tensor<1x128x8x64xf16>) -> tensor<1x128x8x64xf16> {
  %o = attn.prefill q(%q) k(%k) v(%v) {window = array<i64: 64, 64>}
      : (tensor<1x128x8x64xf16>, tensor<1x128x8x64xf16>, tensor<1x128x8x64xf16>)
      -> tensor<1x128x8x64xf16>
  return %o : tensor<1x128x8x64xf16>
}

// Left-unbounded window (-1) with a bounded right side.
// CHECK-LABEL: func.func @window_left_unbounded
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x128x8x64xf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<1x128x8x64xf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<1x128x8x64xf16>)
// CHECK: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) {window = array<i64: -1, 16>} : (tensor<1x128x8x64xf16>, tensor<1x128x8x64xf16>, tensor<1x128x8x64xf16>) -> tensor<1x128x8x64xf16>
// CHECK-NEXT: return %[[O]] : tensor<1x128x8x64xf16>
func.func @window_left_unbounded(%q: tensor<1x128x8x64xf16>,
                                 %k: tensor<1x128x8x64xf16>,
                                 %v: tensor<1x128x8x64xf16>)
    -> tensor<1x128x8x64xf16> {
  %o = attn.prefill q(%q) k(%k) v(%v) {window = array<i64: -1, 16>}
      : (tensor<1x128x8x64xf16>, tensor<1x128x8x64xf16>, tensor<1x128x8x64xf16>)
      -> tensor<1x128x8x64xf16>
  return %o : tensor<1x128x8x64xf16>
}

// Logit soft-capping (Gemma 2) with a sliding window.
// CHECK-LABEL: func.func @softcap
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x128x16x256xbf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<1x128x8x256xbf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<1x128x8x256xbf16>)
// CHECK: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) {causal, scale = 6.250000e-02 : f32, softcap = 5.000000e+01 : f32, window = array<i64: 4095, 0>} : (tensor<1x128x16x256xbf16>, tensor<1x128x8x256xbf16>, tensor<1x128x8x256xbf16>) -> tensor<1x128x16x256xbf16>
// CHECK-NEXT: return %[[O]] : tensor<1x128x16x256xbf16>
func.func @softcap(%q: tensor<1x128x16x256xbf16>, %k: tensor<1x128x8x256xbf16>,
                   %v: tensor<1x128x8x256xbf16>) -> tensor<1x128x16x256xbf16> {
  %o = attn.prefill q(%q) k(%k) v(%v)
      {causal, scale = 0.0625 : f32, softcap = 50.0 : f32,
       window = array<i64: 4095, 0>}
      : (tensor<1x128x16x256xbf16>, tensor<1x128x8x256xbf16>,
         tensor<1x128x8x256xbf16>) -> tensor<1x128x16x256xbf16>
  return %o : tensor<1x128x16x256xbf16>
}

// ALiBi slopes per query head [Hq].
// CHECK-LABEL: func.func @alibi_per_head
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x128x16x128xf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<2x128x16x128xf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<2x128x16x128xf16>,
// CHECK-SAME: %[[SLOPES:[^:]*]]: tensor<16xf32>)
// CHECK: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) alibi_slopes(%[[SLOPES]]) {causal} : (tensor<2x128x16x128xf16>, tensor<2x128x16x128xf16>, tensor<2x128x16x128xf16>, tensor<16xf32>) -> tensor<2x128x16x128xf16>
// CHECK-NEXT: return %[[O]] : tensor<2x128x16x128xf16>
func.func @alibi_per_head(%q: tensor<2x128x16x128xf16>, %k: tensor<2x128x16x128xf16>,
                          %v: tensor<2x128x16x128xf16>, %slopes: tensor<16xf32>)
    -> tensor<2x128x16x128xf16> {
  %o = attn.prefill q(%q) k(%k) v(%v) alibi_slopes(%slopes) {causal}
      : (tensor<2x128x16x128xf16>, tensor<2x128x16x128xf16>,
         tensor<2x128x16x128xf16>, tensor<16xf32>) -> tensor<2x128x16x128xf16>
  return %o : tensor<2x128x16x128xf16>
}

// ALiBi slopes per request and query head [B, Hq], GQA.
// CHECK-LABEL: func.func @alibi_per_request
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x128x16x128xf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<2x128x4x128xf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<2x128x4x128xf16>,
// CHECK-SAME: %[[SLOPES:[^:]*]]: tensor<2x16xf32>)
// CHECK: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) alibi_slopes(%[[SLOPES]]) {causal} : (tensor<2x128x16x128xf16>, tensor<2x128x4x128xf16>, tensor<2x128x4x128xf16>, tensor<2x16xf32>) -> tensor<2x128x16x128xf16>
// CHECK-NEXT: return %[[O]] : tensor<2x128x16x128xf16>
func.func @alibi_per_request(%q: tensor<2x128x16x128xf16>,
                             %k: tensor<2x128x4x128xf16>,
                             %v: tensor<2x128x4x128xf16>,
                             %slopes: tensor<2x16xf32>)
    -> tensor<2x128x16x128xf16> {
  %o = attn.prefill q(%q) k(%k) v(%v) alibi_slopes(%slopes) {causal}
      : (tensor<2x128x16x128xf16>, tensor<2x128x4x128xf16>,
         tensor<2x128x4x128xf16>, tensor<2x16xf32>) -> tensor<2x128x16x128xf16>
  return %o : tensor<2x128x16x128xf16>
}

// Ragged ALiBi with [B, Hq] slopes (B = 4 from cu_seqlens).
// CHECK-LABEL: func.func @alibi_ragged
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<?x8x64xf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<?x8x64xf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<?x8x64xf16>,
// CHECK-SAME: %[[CQ:[^:]*]]: tensor<5xi32>,
// CHECK-SAME: %[[CK:[^:]*]]: tensor<5xi32>,
// CHECK-SAME: %[[SLOPES:[^:]*]]: tensor<4x8xf32>)
// CHECK: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) cu_seqlens_q(%[[CQ]]) cu_seqlens_k(%[[CK]]) alibi_slopes(%[[SLOPES]]) : (tensor<?x8x64xf16>, tensor<?x8x64xf16>, tensor<?x8x64xf16>, tensor<5xi32>, tensor<5xi32>, tensor<4x8xf32>) -> tensor<?x8x64xf16>
// CHECK-NEXT: return %[[O]] : tensor<?x8x64xf16>
func.func @alibi_ragged(%q: tensor<?x8x64xf16>, %k: tensor<?x8x64xf16>,
                        %v: tensor<?x8x64xf16>, %cq: tensor<5xi32>,
                        %ck: tensor<5xi32>, %slopes: tensor<4x8xf32>)
    -> tensor<?x8x64xf16> {
  %o = attn.prefill q(%q) k(%k) v(%v) cu_seqlens_q(%cq) cu_seqlens_k(%ck)
      alibi_slopes(%slopes)
      : (tensor<?x8x64xf16>, tensor<?x8x64xf16>, tensor<?x8x64xf16>,
         tensor<5xi32>, tensor<5xi32>, tensor<4x8xf32>) -> tensor<?x8x64xf16>
  return %o : tensor<?x8x64xf16>
}

// Explicit softmax normalizer with LSE.
// CHECK-LABEL: func.func @normalizer_softmax
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x64x8x64xf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<1x64x8x64xf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<1x64x8x64xf16>)
// CHECK: %[[O:.*]], %[[LSE:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) {normalizer = #attn.normalizer<softmax>} : (tensor<1x64x8x64xf16>, tensor<1x64x8x64xf16>, tensor<1x64x8x64xf16>) -> (tensor<1x64x8x64xf16>, tensor<1x64x8xf32>)
// CHECK-NEXT: return %[[O]], %[[LSE]] : tensor<1x64x8x64xf16>, tensor<1x64x8xf32>
func.func @normalizer_softmax(%q: tensor<1x64x8x64xf16>, %k: tensor<1x64x8x64xf16>,
                              %v: tensor<1x64x8x64xf16>)
    -> (tensor<1x64x8x64xf16>, tensor<1x64x8xf32>) {
  %o, %lse = attn.prefill q(%q) k(%k) v(%v)
      {normalizer = #attn.normalizer<softmax>}
      : (tensor<1x64x8x64xf16>, tensor<1x64x8x64xf16>, tensor<1x64x8x64xf16>)
      -> (tensor<1x64x8x64xf16>, tensor<1x64x8xf32>)
  return %o, %lse : tensor<1x64x8x64xf16>, tensor<1x64x8xf32>
}

// Sigmoid attention with a bias.
// CHECK-LABEL: func.func @normalizer_sigmoid_bias
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x64x8x64xf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<1x64x8x64xf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<1x64x8x64xf16>)
// CHECK: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) {normalizer = #attn.normalizer<sigmoid>, sigmoid_bias = -4.500000e+00 : f32} : (tensor<1x64x8x64xf16>, tensor<1x64x8x64xf16>, tensor<1x64x8x64xf16>) -> tensor<1x64x8x64xf16>
// CHECK-NEXT: return %[[O]] : tensor<1x64x8x64xf16>
func.func @normalizer_sigmoid_bias(%q: tensor<1x64x8x64xf16>, %k: tensor<1x64x8x64xf16>,
                              %v: tensor<1x64x8x64xf16>) -> tensor<1x64x8x64xf16> {
  %o = attn.prefill q(%q) k(%k) v(%v)
      {normalizer = #attn.normalizer<sigmoid>, sigmoid_bias = -4.5 : f32}
      : (tensor<1x64x8x64xf16>, tensor<1x64x8x64xf16>, tensor<1x64x8x64xf16>)
      -> tensor<1x64x8x64xf16>
  return %o : tensor<1x64x8x64xf16>
}

// Sigmoid attention without a bias (b = 0), causal.
// CHECK-LABEL: func.func @normalizer_sigmoid_nobias
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x64x8x64xf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<1x64x8x64xf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<1x64x8x64xf16>)
// CHECK: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) {causal, normalizer = #attn.normalizer<sigmoid>} : (tensor<1x64x8x64xf16>, tensor<1x64x8x64xf16>, tensor<1x64x8x64xf16>) -> tensor<1x64x8x64xf16>
// CHECK-NEXT: return %[[O]] : tensor<1x64x8x64xf16>
func.func @normalizer_sigmoid_nobias(%q: tensor<1x64x8x64xf16>,
                                     %k: tensor<1x64x8x64xf16>,
                                     %v: tensor<1x64x8x64xf16>)
    -> tensor<1x64x8x64xf16> {
  %o = attn.prefill q(%q) k(%k) v(%v)
      {causal, normalizer = #attn.normalizer<sigmoid>}
      : (tensor<1x64x8x64xf16>, tensor<1x64x8x64xf16>, tensor<1x64x8x64xf16>)
      -> tensor<1x64x8x64xf16>
  return %o : tensor<1x64x8x64xf16>
}

// No normalizer: o = sum_j s_ij v_j.
// CHECK-LABEL: func.func @normalizer_none
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x64x8x64xf32>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<1x64x8x64xf32>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<1x64x8x64xf32>)
// CHECK: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) {causal, normalizer = #attn.normalizer<none>, scale = 1.000000e+00 : f32} : (tensor<1x64x8x64xf32>, tensor<1x64x8x64xf32>, tensor<1x64x8x64xf32>) -> tensor<1x64x8x64xf32>
// CHECK-NEXT: return %[[O]] : tensor<1x64x8x64xf32>
func.func @normalizer_none(%q: tensor<1x64x8x64xf32>, %k: tensor<1x64x8x64xf32>,
                           %v: tensor<1x64x8x64xf32>) -> tensor<1x64x8x64xf32> {
  %o = attn.prefill q(%q) k(%k) v(%v)
      {causal, normalizer = #attn.normalizer<none>, scale = 1.0 : f32}
      : (tensor<1x64x8x64xf32>, tensor<1x64x8x64xf32>, tensor<1x64x8x64xf32>)
      -> tensor<1x64x8x64xf32>
  return %o : tensor<1x64x8x64xf32>
}

//===----------------------------------------------------------------------===//
// RoPE.
//===----------------------------------------------------------------------===//

// RoPE at the aligned positions (no positions operand).
// CHECK-LABEL: func.func @rope_default_positions
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x128x32x128xbf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<2x128x8x128xbf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<2x128x8x128xbf16>)
// CHECK: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) {causal, rope = #attn.rope<theta = 5.000000e+05, dim = 128, style = neox>} : (tensor<2x128x32x128xbf16>, tensor<2x128x8x128xbf16>, tensor<2x128x8x128xbf16>) -> tensor<2x128x32x128xbf16>
// CHECK-NEXT: return %[[O]] : tensor<2x128x32x128xbf16>
func.func @rope_default_positions(%q: tensor<2x128x32x128xbf16>,
                                  %k: tensor<2x128x8x128xbf16>,
                                  %v: tensor<2x128x8x128xbf16>)
    -> tensor<2x128x32x128xbf16> {
  %o = attn.prefill q(%q) k(%k) v(%v)
      {causal, rope = #attn.rope<theta = 500000.0, dim = 128, style = neox>}
      : (tensor<2x128x32x128xbf16>, tensor<2x128x8x128xbf16>,
         tensor<2x128x8x128xbf16>) -> tensor<2x128x32x128xbf16>
  return %o : tensor<2x128x32x128xbf16>
}

// Partial interleaved RoPE at explicit dense positions [B, Sq] (i64).
// CHECK-LABEL: func.func @rope_positions_dense
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x16x8x64xf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<2x64x8x64xf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<2x64x8x64xf16>,
// CHECK-SAME: %[[POS:[^:]*]]: tensor<2x16xi64>)
// CHECK: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) positions(%[[POS]]) {causal, rope = #attn.rope<theta = 1.000000e+04, dim = 32, style = interleaved>} : (tensor<2x16x8x64xf16>, tensor<2x64x8x64xf16>, tensor<2x64x8x64xf16>, tensor<2x16xi64>) -> tensor<2x16x8x64xf16>
// CHECK-NEXT: return %[[O]] : tensor<2x16x8x64xf16>
func.func @rope_positions_dense(%q: tensor<2x16x8x64xf16>, %k: tensor<2x64x8x64xf16>,
                                %v: tensor<2x64x8x64xf16>, %pos: tensor<2x16xi64>)
    -> tensor<2x16x8x64xf16> {
  %o = attn.prefill q(%q) k(%k) v(%v) positions(%pos)
      {causal, rope = #attn.rope<theta = 10000.0, dim = 32, style = interleaved>}
      : (tensor<2x16x8x64xf16>, tensor<2x64x8x64xf16>, tensor<2x64x8x64xf16>,
         tensor<2x16xi64>) -> tensor<2x16x8x64xf16>
  return %o : tensor<2x16x8x64xf16>
}

// RoPE at explicit ragged positions [Tq] (i32).
// CHECK-LABEL: func.func @rope_positions_ragged
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<?x32x128xbf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<?x8x128xbf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<?x8x128xbf16>,
// CHECK-SAME: %[[CQ:[^:]*]]: tensor<3xi32>,
// CHECK-SAME: %[[CK:[^:]*]]: tensor<3xi32>,
// CHECK-SAME: %[[POS:[^:]*]]: tensor<?xi32>)
// CHECK: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) cu_seqlens_q(%[[CQ]]) cu_seqlens_k(%[[CK]]) positions(%[[POS]]) {causal, rope = #attn.rope<theta = 1.000000e+06, dim = 128, style = neox>} : (tensor<?x32x128xbf16>, tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<3xi32>, tensor<3xi32>, tensor<?xi32>) -> tensor<?x32x128xbf16>
// CHECK-NEXT: return %[[O]] : tensor<?x32x128xbf16>
func.func @rope_positions_ragged(%q: tensor<?x32x128xbf16>, %k: tensor<?x8x128xbf16>,
                                 %v: tensor<?x8x128xbf16>, %cq: tensor<3xi32>,
                                 %ck: tensor<3xi32>, %pos: tensor<?xi32>)
    -> tensor<?x32x128xbf16> {
  %o = attn.prefill q(%q) k(%k) v(%v) cu_seqlens_q(%cq) cu_seqlens_k(%ck)
      positions(%pos)
      {causal, rope = #attn.rope<theta = 1000000.0, dim = 128, style = neox>}
      : (tensor<?x32x128xbf16>, tensor<?x8x128xbf16>, tensor<?x8x128xbf16>,
         tensor<3xi32>, tensor<3xi32>, tensor<?xi32>) -> tensor<?x32x128xbf16>
  return %o : tensor<?x32x128xbf16>
}

// RoPE over the whole Q/K head dim (192) while V's head dim is 128.
// CHECK-LABEL: func.func @rope_vdim
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x64x16x192xbf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<1x64x16x192xbf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<1x64x16x128xbf16>,
// CHECK-SAME: %[[POS:[^:]*]]: tensor<1x64xi32>)
// CHECK: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) positions(%[[POS]]) {causal, rope = #attn.rope<theta = 1.000000e+04, dim = 192, style = neox>} : (tensor<1x64x16x192xbf16>, tensor<1x64x16x192xbf16>, tensor<1x64x16x128xbf16>, tensor<1x64xi32>) -> tensor<1x64x16x128xbf16>
// CHECK-NEXT: return %[[O]] : tensor<1x64x16x128xbf16>
func.func @rope_vdim(%q: tensor<1x64x16x192xbf16>, %k: tensor<1x64x16x192xbf16>,
                     %v: tensor<1x64x16x128xbf16>, %pos: tensor<1x64xi32>)
    -> tensor<1x64x16x128xbf16> {
  %o = attn.prefill q(%q) k(%k) v(%v) positions(%pos)
      {causal, rope = #attn.rope<theta = 10000.0, dim = 192, style = neox>}
      : (tensor<1x64x16x192xbf16>, tensor<1x64x16x192xbf16>,
         tensor<1x64x16x128xbf16>, tensor<1x64xi32>) -> tensor<1x64x16x128xbf16>
  return %o : tensor<1x64x16x128xbf16>
}

//===----------------------------------------------------------------------===//
// FP8.
//===----------------------------------------------------------------------===//

// FP8 Q/K/V with per-tensor descales ([] and [1]), bf16 output.
// CHECK-LABEL: func.func @fp8_per_tensor
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x128x32x128xf8E4M3FN>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<2x128x8x128xf8E4M3FN>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<2x128x8x128xf8E4M3FN>,
// CHECK-SAME: %[[QS:[^:]*]]: tensor<f32>,
// CHECK-SAME: %[[KS:[^:]*]]: tensor<1xf32>,
// CHECK-SAME: %[[VS:[^:]*]]: tensor<1xf32>)
// CHECK: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) q_descale(%[[QS]]) k_descale(%[[KS]]) v_descale(%[[VS]]) {causal} : (tensor<2x128x32x128xf8E4M3FN>, tensor<2x128x8x128xf8E4M3FN>, tensor<2x128x8x128xf8E4M3FN>, tensor<f32>, tensor<1xf32>, tensor<1xf32>) -> tensor<2x128x32x128xbf16>
// CHECK-NEXT: return %[[O]] : tensor<2x128x32x128xbf16>
func.func @fp8_per_tensor(%q: tensor<2x128x32x128xf8E4M3FN>,
                          %k: tensor<2x128x8x128xf8E4M3FN>,
                          %v: tensor<2x128x8x128xf8E4M3FN>,
                          %qs: tensor<f32>, %ks: tensor<1xf32>, %vs: tensor<1xf32>)
    -> tensor<2x128x32x128xbf16> {
  %o = attn.prefill q(%q) k(%k) v(%v) q_descale(%qs) k_descale(%ks) v_descale(%vs)
      {causal}
      : (tensor<2x128x32x128xf8E4M3FN>, tensor<2x128x8x128xf8E4M3FN>,
         tensor<2x128x8x128xf8E4M3FN>, tensor<f32>, tensor<1xf32>, tensor<1xf32>)
      -> tensor<2x128x32x128xbf16>
  return %o : tensor<2x128x32x128xbf16>
}

// FP8 Q/K/V with per-head descales ([Hq] for Q, [Hkv] for K and V), LSE.
// CHECK-LABEL: func.func @fp8_per_head
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<?x32x128xf8E4M3FN>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<?x8x128xf8E4M3FN>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<?x8x128xf8E4M3FN>,
// CHECK-SAME: %[[CQ:[^:]*]]: tensor<3xi32>,
// CHECK-SAME: %[[CK:[^:]*]]: tensor<3xi32>,
// CHECK-SAME: %[[QS:[^:]*]]: tensor<32xf32>,
// CHECK-SAME: %[[KS:[^:]*]]: tensor<8xf32>,
// CHECK-SAME: %[[VS:[^:]*]]: tensor<8xf32>)
// CHECK: %[[O:.*]], %[[LSE:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) cu_seqlens_q(%[[CQ]]) cu_seqlens_k(%[[CK]]) q_descale(%[[QS]]) k_descale(%[[KS]]) v_descale(%[[VS]]) {causal} : (tensor<?x32x128xf8E4M3FN>, tensor<?x8x128xf8E4M3FN>, tensor<?x8x128xf8E4M3FN>, tensor<3xi32>, tensor<3xi32>, tensor<32xf32>, tensor<8xf32>, tensor<8xf32>) -> (tensor<?x32x128xbf16>, tensor<?x32xf32>)
// CHECK-NEXT: return %[[O]], %[[LSE]] : tensor<?x32x128xbf16>, tensor<?x32xf32>
func.func @fp8_per_head(%q: tensor<?x32x128xf8E4M3FN>, %k: tensor<?x8x128xf8E4M3FN>,
                        %v: tensor<?x8x128xf8E4M3FN>, %cq: tensor<3xi32>,
                        %ck: tensor<3xi32>, %qs: tensor<32xf32>,
                        %ks: tensor<8xf32>, %vs: tensor<8xf32>)
    -> (tensor<?x32x128xbf16>, tensor<?x32xf32>) {
  %o, %lse = attn.prefill q(%q) k(%k) v(%v) cu_seqlens_q(%cq) cu_seqlens_k(%ck)
      q_descale(%qs) k_descale(%ks) v_descale(%vs) {causal}
      : (tensor<?x32x128xf8E4M3FN>, tensor<?x8x128xf8E4M3FN>,
         tensor<?x8x128xf8E4M3FN>, tensor<3xi32>, tensor<3xi32>,
         tensor<32xf32>, tensor<8xf32>, tensor<8xf32>)
      -> (tensor<?x32x128xbf16>, tensor<?x32xf32>)
  return %o, %lse : tensor<?x32x128xbf16>, tensor<?x32xf32>
}

// bf16 queries over an FP8 K/V (only k_descale and v_descale).
// CHECK-LABEL: func.func @fp8_kv_only
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x64x8x128xbf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<1x64x8x128xf8E4M3FN>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<1x64x8x128xf8E4M3FN>,
// CHECK-SAME: %[[KS:[^:]*]]: tensor<f32>,
// CHECK-SAME: %[[VS:[^:]*]]: tensor<f32>)
// CHECK: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) k_descale(%[[KS]]) v_descale(%[[VS]]) : (tensor<1x64x8x128xbf16>, tensor<1x64x8x128xf8E4M3FN>, tensor<1x64x8x128xf8E4M3FN>, tensor<f32>, tensor<f32>) -> tensor<1x64x8x128xbf16>
// CHECK-NEXT: return %[[O]] : tensor<1x64x8x128xbf16>
func.func @fp8_kv_only(%q: tensor<1x64x8x128xbf16>, %k: tensor<1x64x8x128xf8E4M3FN>,
                       %v: tensor<1x64x8x128xf8E4M3FN>, %ks: tensor<f32>,
                       %vs: tensor<f32>) -> tensor<1x64x8x128xbf16> {
  %o = attn.prefill q(%q) k(%k) v(%v) k_descale(%ks) v_descale(%vs)
      : (tensor<1x64x8x128xbf16>, tensor<1x64x8x128xf8E4M3FN>,
         tensor<1x64x8x128xf8E4M3FN>, tensor<f32>, tensor<f32>)
      -> tensor<1x64x8x128xbf16>
  return %o : tensor<1x64x8x128xbf16>
}

// FP8 inputs and an FP8 output stored as o / o_scale (o_scale of shape []).
// CHECK-LABEL: func.func @fp8_out_fp8_in
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x64x8x128xf8E4M3FN>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<1x64x8x128xf8E4M3FN>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<1x64x8x128xf8E4M3FN>,
// CHECK-SAME: %[[QS:[^:]*]]: tensor<f32>,
// CHECK-SAME: %[[KS:[^:]*]]: tensor<f32>,
// CHECK-SAME: %[[VS:[^:]*]]: tensor<f32>,
// CHECK-SAME: %[[OS:[^:]*]]: tensor<f32>)
// CHECK: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) q_descale(%[[QS]]) k_descale(%[[KS]]) v_descale(%[[VS]]) o_scale(%[[OS]]) {causal} : (tensor<1x64x8x128xf8E4M3FN>, tensor<1x64x8x128xf8E4M3FN>, tensor<1x64x8x128xf8E4M3FN>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<1x64x8x128xf8E4M3FN>
// CHECK-NEXT: return %[[O]] : tensor<1x64x8x128xf8E4M3FN>
func.func @fp8_out_fp8_in(%q: tensor<1x64x8x128xf8E4M3FN>, %k: tensor<1x64x8x128xf8E4M3FN>,
                   %v: tensor<1x64x8x128xf8E4M3FN>, %qs: tensor<f32>,
                   %ks: tensor<f32>, %vs: tensor<f32>, %os: tensor<f32>)
    -> tensor<1x64x8x128xf8E4M3FN> {
  %o = attn.prefill q(%q) k(%k) v(%v) q_descale(%qs) k_descale(%ks) v_descale(%vs)
      o_scale(%os) {causal}
      : (tensor<1x64x8x128xf8E4M3FN>, tensor<1x64x8x128xf8E4M3FN>,
         tensor<1x64x8x128xf8E4M3FN>, tensor<f32>, tensor<f32>, tensor<f32>,
         tensor<f32>) -> tensor<1x64x8x128xf8E4M3FN>
  return %o : tensor<1x64x8x128xf8E4M3FN>
}

// bf16 inputs, FP8 output with o_scale of shape [1], plus LSE.
// CHECK-LABEL: func.func @fp8_out_from_bf16
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x64x8x128xbf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<1x64x8x128xbf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<1x64x8x128xbf16>,
// CHECK-SAME: %[[OS:[^:]*]]: tensor<1xf32>)
// CHECK: %[[O:.*]], %[[LSE:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) o_scale(%[[OS]]) : (tensor<1x64x8x128xbf16>, tensor<1x64x8x128xbf16>, tensor<1x64x8x128xbf16>, tensor<1xf32>) -> (tensor<1x64x8x128xf8E4M3FN>, tensor<1x64x8xf32>)
// CHECK-NEXT: return %[[O]], %[[LSE]] : tensor<1x64x8x128xf8E4M3FN>, tensor<1x64x8xf32>
func.func @fp8_out_from_bf16(%q: tensor<1x64x8x128xbf16>, %k: tensor<1x64x8x128xbf16>,
                             %v: tensor<1x64x8x128xbf16>, %os: tensor<1xf32>)
    -> (tensor<1x64x8x128xf8E4M3FN>, tensor<1x64x8xf32>) {
  %o, %lse = attn.prefill q(%q) k(%k) v(%v) o_scale(%os)
      : (tensor<1x64x8x128xbf16>, tensor<1x64x8x128xbf16>,
         tensor<1x64x8x128xbf16>, tensor<1xf32>)
      -> (tensor<1x64x8x128xf8E4M3FN>, tensor<1x64x8xf32>)
  return %o, %lse : tensor<1x64x8x128xf8E4M3FN>, tensor<1x64x8xf32>
}

//===----------------------------------------------------------------------===//
// score_mod / mask_mod regions.
//===----------------------------------------------------------------------===//

// score_mod: a relative-position bias (FlexAttention style).
// CHECK-LABEL: func.func @score_mod
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x128x8x64xf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<2x128x8x64xf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<2x128x8x64xf16>)
// CHECK: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) {causal} score_mod {
// CHECK-NEXT: ^bb0(%[[S:[^:]*]]: f32, %[[B:[^:]*]]: index, %[[H:[^:]*]]: index, %[[QI:[^:]*]]: index, %[[KI:[^:]*]]: index):
// CHECK-NEXT: %[[D:.*]] = arith.subi %[[QI]], %[[KI]] : index
// CHECK-NEXT: %[[DI:.*]] = arith.index_cast %[[D]] : index to i64
// CHECK-NEXT: %[[DF:.*]] = arith.sitofp %[[DI]] : i64 to f32
// CHECK-NEXT: %[[R:.*]] = arith.subf %[[S]], %[[DF]] : f32
// CHECK-NEXT: attn.yield %[[R]] : f32
// CHECK-NEXT: } : (tensor<2x128x8x64xf16>, tensor<2x128x8x64xf16>, tensor<2x128x8x64xf16>) -> tensor<2x128x8x64xf16>
// CHECK-NEXT: return %[[O]] : tensor<2x128x8x64xf16>
func.func @score_mod(%q: tensor<2x128x8x64xf16>, %k: tensor<2x128x8x64xf16>,
                     %v: tensor<2x128x8x64xf16>) -> tensor<2x128x8x64xf16> {
  %o = attn.prefill q(%q) k(%k) v(%v) {causal} score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %qi: index, %ki: index):
    %d = arith.subi %qi, %ki : index
    %di = arith.index_cast %d : index to i64
    %df = arith.sitofp %di : i64 to f32
    %r = arith.subf %s, %df : f32
    attn.yield %r : f32
  } : (tensor<2x128x8x64xf16>, tensor<2x128x8x64xf16>, tensor<2x128x8x64xf16>)
      -> tensor<2x128x8x64xf16>
  return %o : tensor<2x128x8x64xf16>
}

// mask_mod: a prefix-LM mask (the first 32 keys are always visible).
// CHECK-LABEL: func.func @mask_mod
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<?x8x64xf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<?x8x64xf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<?x8x64xf16>,
// CHECK-SAME: %[[CQ:[^:]*]]: tensor<3xi32>,
// CHECK-SAME: %[[CK:[^:]*]]: tensor<3xi32>)
// CHECK: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) cu_seqlens_q(%[[CQ]]) cu_seqlens_k(%[[CK]]) mask_mod {
// CHECK-NEXT: ^bb0(%[[B:[^:]*]]: index, %[[H:[^:]*]]: index, %[[QI:[^:]*]]: index, %[[KI:[^:]*]]: index):
// CHECK-NEXT: %[[C32:.*]] = arith.constant 32 : index
// CHECK-NEXT: %[[PREFIX:.*]] = arith.cmpi ult, %[[KI]], %[[C32]] : index
// CHECK-NEXT: %[[CAUSAL:.*]] = arith.cmpi ule, %[[KI]], %[[QI]] : index
// CHECK-NEXT: %[[VIS:.*]] = arith.ori %[[PREFIX]], %[[CAUSAL]] : i1
// CHECK-NEXT: attn.yield %[[VIS]] : i1
// CHECK-NEXT: } : (tensor<?x8x64xf16>, tensor<?x8x64xf16>, tensor<?x8x64xf16>, tensor<3xi32>, tensor<3xi32>) -> tensor<?x8x64xf16>
// CHECK-NEXT: return %[[O]] : tensor<?x8x64xf16>
func.func @mask_mod(%q: tensor<?x8x64xf16>, %k: tensor<?x8x64xf16>,
                    %v: tensor<?x8x64xf16>, %cq: tensor<3xi32>, %ck: tensor<3xi32>)
    -> tensor<?x8x64xf16> {
  %o = attn.prefill q(%q) k(%k) v(%v) cu_seqlens_q(%cq) cu_seqlens_k(%ck)
      mask_mod {
  ^bb0(%b: index, %h: index, %qi: index, %ki: index):
    %c32 = arith.constant 32 : index
    %prefix = arith.cmpi ult, %ki, %c32 : index
    %causal = arith.cmpi ule, %ki, %qi : index
    %vis = arith.ori %prefix, %causal : i1
    attn.yield %vis : i1
  } : (tensor<?x8x64xf16>, tensor<?x8x64xf16>, tensor<?x8x64xf16>,
       tensor<3xi32>, tensor<3xi32>) -> tensor<?x8x64xf16>
  return %o : tensor<?x8x64xf16>
}

// Both regions, GQA and LSE: a tanh soft-cap in score_mod and a document
// mask in mask_mod.
// CHECK-LABEL: func.func @score_and_mask_mod
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x256x16x128xbf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<1x256x4x128xbf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<1x256x4x128xbf16>)
// CHECK: %[[O:.*]], %[[LSE:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) {causal} score_mod {
// CHECK-NEXT: ^bb0(%[[S:[^:]*]]: f32, %[[B:[^:]*]]: index, %[[H:[^:]*]]: index, %[[QI:[^:]*]]: index, %[[KI:[^:]*]]: index):
// CHECK-NEXT: %[[CAP:.*]] = arith.constant 3.000000e+01 : f32
// CHECK-NEXT: %[[X:.*]] = arith.divf %[[S]], %[[CAP]] : f32
// CHECK-NEXT: %[[T:.*]] = math.tanh %[[X]] : f32
// CHECK-NEXT: %[[R:.*]] = arith.mulf %[[T]], %[[CAP]] : f32
// CHECK-NEXT: attn.yield %[[R]] : f32
// CHECK-NEXT: } mask_mod {
// CHECK-NEXT: ^bb0(%[[B:[^:]*]]: index, %[[H:[^:]*]]: index, %[[QI:[^:]*]]: index, %[[KI:[^:]*]]: index):
// CHECK-NEXT: %[[C128:.*]] = arith.constant 128 : index
// CHECK-NEXT: %[[QD:.*]] = arith.divui %[[QI]], %[[C128]] : index
// CHECK-NEXT: %[[KD:.*]] = arith.divui %[[KI]], %[[C128]] : index
// CHECK-NEXT: %[[SAME:.*]] = arith.cmpi eq, %[[QD]], %[[KD]] : index
// CHECK-NEXT: attn.yield %[[SAME]] : i1
// CHECK-NEXT: } : (tensor<1x256x16x128xbf16>, tensor<1x256x4x128xbf16>, tensor<1x256x4x128xbf16>) -> (tensor<1x256x16x128xbf16>, tensor<1x256x16xf32>)
// CHECK-NEXT: return %[[O]], %[[LSE]] : tensor<1x256x16x128xbf16>, tensor<1x256x16xf32>
func.func @score_and_mask_mod(%q: tensor<1x256x16x128xbf16>,
                              %k: tensor<1x256x4x128xbf16>,
                              %v: tensor<1x256x4x128xbf16>)
    -> (tensor<1x256x16x128xbf16>, tensor<1x256x16xf32>) {
  %o, %lse = attn.prefill q(%q) k(%k) v(%v) {causal} score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %qi: index, %ki: index):
    %cap = arith.constant 30.0 : f32
    %x = arith.divf %s, %cap : f32
    %t = math.tanh %x : f32
    %r = arith.mulf %t, %cap : f32
    attn.yield %r : f32
  } mask_mod {
  ^bb0(%b: index, %h: index, %qi: index, %ki: index):
    %c128 = arith.constant 128 : index
    %qd = arith.divui %qi, %c128 : index
    %kd = arith.divui %ki, %c128 : index
    %same = arith.cmpi eq, %qd, %kd : index
    attn.yield %same : i1
  } : (tensor<1x256x16x128xbf16>, tensor<1x256x4x128xbf16>,
       tensor<1x256x4x128xbf16>)
      -> (tensor<1x256x16x128xbf16>, tensor<1x256x16xf32>)
  return %o, %lse : tensor<1x256x16x128xbf16>, tensor<1x256x16xf32>
}

// Every option at once on a ragged GQA prefill.
// CHECK-LABEL: func.func @all_options
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<?x32x128xbf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<?x8x128xbf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<?x8x128xbf16>,
// CHECK-SAME: %[[CQ:[^:]*]]: tensor<3xi32>,
// CHECK-SAME: %[[CK:[^:]*]]: tensor<3xi32>,
// CHECK-SAME: %[[SLOPES:[^:]*]]: tensor<2x32xf32>,
// CHECK-SAME: %[[POS:[^:]*]]: tensor<?xi32>)
// CHECK: %[[O:.*]], %[[LSE:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) cu_seqlens_q(%[[CQ]]) cu_seqlens_k(%[[CK]]) alibi_slopes(%[[SLOPES]]) positions(%[[POS]]) {causal, normalizer = #attn.normalizer<softmax>, rope = #attn.rope<theta = 1.000000e+04, dim = 64, style = neox>, scale = 0.0883883461 : f32, softcap = 3.000000e+01 : f32, window = array<i64: 1024, 0>} score_mod {
// CHECK-NEXT: ^bb0(%[[S:[^:]*]]: f32, %[[B:[^:]*]]: index, %[[H:[^:]*]]: index, %[[QI:[^:]*]]: index, %[[KI:[^:]*]]: index):
// CHECK-NEXT: attn.yield %[[S]] : f32
// CHECK-NEXT: } mask_mod {
// CHECK-NEXT: ^bb0(%[[B:[^:]*]]: index, %[[H:[^:]*]]: index, %[[QI:[^:]*]]: index, %[[KI:[^:]*]]: index):
// CHECK-NEXT: %[[TRUE:.*]] = arith.constant true
// CHECK-NEXT: attn.yield %[[TRUE]] : i1
// CHECK-NEXT: } : (tensor<?x32x128xbf16>, tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<3xi32>, tensor<3xi32>, tensor<2x32xf32>, tensor<?xi32>) -> (tensor<?x32x128xbf16>, tensor<?x32xf32>)
// CHECK-NEXT: return %[[O]], %[[LSE]] : tensor<?x32x128xbf16>, tensor<?x32xf32>
func.func @all_options(%q: tensor<?x32x128xbf16>, %k: tensor<?x8x128xbf16>,
                       %v: tensor<?x8x128xbf16>, %cq: tensor<3xi32>,
                       %ck: tensor<3xi32>, %slopes: tensor<2x32xf32>,
                       %pos: tensor<?xi32>)
    -> (tensor<?x32x128xbf16>, tensor<?x32xf32>) {
  %o, %lse = attn.prefill q(%q) k(%k) v(%v) cu_seqlens_q(%cq) cu_seqlens_k(%ck)
      alibi_slopes(%slopes) positions(%pos)
      {causal, normalizer = #attn.normalizer<softmax>,
       rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>,
       scale = 0.0883883461 : f32, softcap = 30.0 : f32,
       window = array<i64: 1024, 0>}
      score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %qi: index, %ki: index):
    attn.yield %s : f32
  } mask_mod {
  ^bb0(%b: index, %h: index, %qi: index, %ki: index):
    %true = arith.constant true
    attn.yield %true : i1
  } : (tensor<?x32x128xbf16>, tensor<?x8x128xbf16>, tensor<?x8x128xbf16>,
       tensor<3xi32>, tensor<3xi32>, tensor<2x32xf32>, tensor<?xi32>)
      -> (tensor<?x32x128xbf16>, tensor<?x32xf32>)
  return %o, %lse : tensor<?x32x128xbf16>, tensor<?x32xf32>
}
