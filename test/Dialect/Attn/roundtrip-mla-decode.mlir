// RUN: attn-opt %s | attn-opt | FileCheck %s
// RUN: attn-opt %s --mlir-print-op-generic | attn-opt | FileCheck %s

//===----------------------------------------------------------------------===//
// DeepSeek MLA decode: Dc = 512, Dr = 64, one latent KV head.
//===----------------------------------------------------------------------===//

// The op description's example: page_size 1, explicit scale.
// CHECK-LABEL: func.func @page1
// CHECK-SAME: (%[[QN:[^:]*]]: tensor<2x16x512xbf16>,
// CHECK-SAME: %[[QP:[^:]*]]: tensor<2x16x64xbf16>,
// CHECK-SAME: %[[CKV:[^:]*]]: tensor<?x1x512xbf16>,
// CHECK-SAME: %[[KPE:[^:]*]]: tensor<?x1x64xbf16>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<3xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<2xi32>)
// CHECK: %[[O:.*]] = attn.mla_decode q_nope(%[[QN]]) q_pe(%[[QP]]) ckv_cache(%[[CKV]]) kpe_cache(%[[KPE]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) {scale = 0.0721687824 : f32} : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
// CHECK-NEXT: return %[[O]] : tensor<2x16x512xbf16>
func.func @page1(%qn: tensor<2x16x512xbf16>, %qp: tensor<2x16x64xbf16>,
                 %ckv: tensor<?x1x512xbf16>, %kpe: tensor<?x1x64xbf16>,
                 %kp: tensor<3xi32>, %ki: tensor<?xi32>, %kl: tensor<2xi32>)
    -> tensor<2x16x512xbf16> {
  %o = attn.mla_decode q_nope(%qn) q_pe(%qp) ckv_cache(%ckv) kpe_cache(%kpe)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>,
         tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>)
      -> tensor<2x16x512xbf16>
  return %o : tensor<2x16x512xbf16>
}

// page_size 64, 128 heads, dynamic batch, i64 page tables, with LSE.
// CHECK-LABEL: func.func @page64_dynamic_lse
// CHECK-SAME: (%[[QN:[^:]*]]: tensor<?x128x512xbf16>,
// CHECK-SAME: %[[QP:[^:]*]]: tensor<?x128x64xbf16>,
// CHECK-SAME: %[[CKV:[^:]*]]: tensor<?x64x512xbf16>,
// CHECK-SAME: %[[KPE:[^:]*]]: tensor<?x64x64xbf16>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<?xi64>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi64>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<?xi64>)
// CHECK: %[[O:.*]], %[[LSE:.*]] = attn.mla_decode q_nope(%[[QN]]) q_pe(%[[QP]]) ckv_cache(%[[CKV]]) kpe_cache(%[[KPE]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) {scale = 0.0721687824 : f32} : (tensor<?x128x512xbf16>, tensor<?x128x64xbf16>, tensor<?x64x512xbf16>, tensor<?x64x64xbf16>, tensor<?xi64>, tensor<?xi64>, tensor<?xi64>) -> (tensor<?x128x512xbf16>, tensor<?x128xf32>)
// CHECK-NEXT: return %[[O]], %[[LSE]] : tensor<?x128x512xbf16>, tensor<?x128xf32>
func.func @page64_dynamic_lse(%qn: tensor<?x128x512xbf16>, %qp: tensor<?x128x64xbf16>,
                              %ckv: tensor<?x64x512xbf16>, %kpe: tensor<?x64x64xbf16>,
                              %kp: tensor<?xi64>, %ki: tensor<?xi64>,
                              %kl: tensor<?xi64>)
    -> (tensor<?x128x512xbf16>, tensor<?x128xf32>) {
  %o, %lse = attn.mla_decode q_nope(%qn) q_pe(%qp) ckv_cache(%ckv)
      kpe_cache(%kpe) kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {scale = 0.0721687824 : f32}
      : (tensor<?x128x512xbf16>, tensor<?x128x64xbf16>, tensor<?x64x512xbf16>,
         tensor<?x64x64xbf16>, tensor<?xi64>, tensor<?xi64>, tensor<?xi64>)
      -> (tensor<?x128x512xbf16>, tensor<?x128xf32>)
  return %o, %lse : tensor<?x128x512xbf16>, tensor<?x128xf32>
}

// Fully static shapes, f16, default scale.
// CHECK-LABEL: func.func @static_f16
// CHECK-SAME: (%[[QN:[^:]*]]: tensor<4x16x512xf16>,
// CHECK-SAME: %[[QP:[^:]*]]: tensor<4x16x64xf16>,
// CHECK-SAME: %[[CKV:[^:]*]]: tensor<256x16x512xf16>,
// CHECK-SAME: %[[KPE:[^:]*]]: tensor<256x16x64xf16>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<5xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<256xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<4xi32>)
// CHECK: %[[O:.*]] = attn.mla_decode q_nope(%[[QN]]) q_pe(%[[QP]]) ckv_cache(%[[CKV]]) kpe_cache(%[[KPE]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) : (tensor<4x16x512xf16>, tensor<4x16x64xf16>, tensor<256x16x512xf16>, tensor<256x16x64xf16>, tensor<5xi32>, tensor<256xi32>, tensor<4xi32>) -> tensor<4x16x512xf16>
// CHECK-NEXT: return %[[O]] : tensor<4x16x512xf16>
func.func @static_f16(%qn: tensor<4x16x512xf16>, %qp: tensor<4x16x64xf16>,
                      %ckv: tensor<256x16x512xf16>, %kpe: tensor<256x16x64xf16>,
                      %kp: tensor<5xi32>, %ki: tensor<256xi32>, %kl: tensor<4xi32>)
    -> tensor<4x16x512xf16> {
  %o = attn.mla_decode q_nope(%qn) q_pe(%qp) ckv_cache(%ckv) kpe_cache(%kpe)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      : (tensor<4x16x512xf16>, tensor<4x16x64xf16>, tensor<256x16x512xf16>,
         tensor<256x16x64xf16>, tensor<5xi32>, tensor<256xi32>, tensor<4xi32>)
      -> tensor<4x16x512xf16>
  return %o : tensor<4x16x512xf16>
}

//===----------------------------------------------------------------------===//
// Shared options (RoPE is not fused into MLA decode; see the description).
//===----------------------------------------------------------------------===//

// causal (hides nothing for decode), sliding window and soft-capping.
// CHECK-LABEL: func.func @causal_window_softcap
// CHECK-SAME: (%[[QN:[^:]*]]: tensor<2x16x512xbf16>,
// CHECK-SAME: %[[QP:[^:]*]]: tensor<2x16x64xbf16>,
// CHECK-SAME: %[[CKV:[^:]*]]: tensor<?x1x512xbf16>,
// CHECK-SAME: %[[KPE:[^:]*]]: tensor<?x1x64xbf16>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<3xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<2xi32>)
// CHECK: %[[O:.*]] = attn.mla_decode q_nope(%[[QN]]) q_pe(%[[QP]]) ckv_cache(%[[CKV]]) kpe_cache(%[[KPE]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) {causal, scale = 0.0721687824 : f32, softcap = 5.000000e+01 : f32, window = array<i64: 2047, 0>} : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
// CHECK-NEXT: return %[[O]] : tensor<2x16x512xbf16>
func.func @causal_window_softcap(%qn: tensor<2x16x512xbf16>, %qp: tensor<2x16x64xbf16>,
                                 %ckv: tensor<?x1x512xbf16>, %kpe: tensor<?x1x64xbf16>,
                                 %kp: tensor<3xi32>, %ki: tensor<?xi32>,
                                 %kl: tensor<2xi32>) -> tensor<2x16x512xbf16> {
  %o = attn.mla_decode q_nope(%qn) q_pe(%qp) ckv_cache(%ckv) kpe_cache(%kpe)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {causal, scale = 0.0721687824 : f32, softcap = 50.0 : f32,
       window = array<i64: 2047, 0>}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>,
         tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>)
      -> tensor<2x16x512xbf16>
  return %o : tensor<2x16x512xbf16>
}

// ALiBi slopes per head [H].
// CHECK-LABEL: func.func @alibi_per_head
// CHECK-SAME: (%[[QN:[^:]*]]: tensor<2x16x512xbf16>,
// CHECK-SAME: %[[QP:[^:]*]]: tensor<2x16x64xbf16>,
// CHECK-SAME: %[[CKV:[^:]*]]: tensor<?x1x512xbf16>,
// CHECK-SAME: %[[KPE:[^:]*]]: tensor<?x1x64xbf16>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<3xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<2xi32>,
// CHECK-SAME: %[[SLOPES:[^:]*]]: tensor<16xf32>)
// CHECK: %[[O:.*]] = attn.mla_decode q_nope(%[[QN]]) q_pe(%[[QP]]) ckv_cache(%[[CKV]]) kpe_cache(%[[KPE]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) alibi_slopes(%[[SLOPES]]) : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>, tensor<16xf32>) -> tensor<2x16x512xbf16>
// CHECK-NEXT: return %[[O]] : tensor<2x16x512xbf16>
func.func @alibi_per_head(%qn: tensor<2x16x512xbf16>, %qp: tensor<2x16x64xbf16>,
                          %ckv: tensor<?x1x512xbf16>, %kpe: tensor<?x1x64xbf16>,
                          %kp: tensor<3xi32>, %ki: tensor<?xi32>,
                          %kl: tensor<2xi32>, %slopes: tensor<16xf32>)
    -> tensor<2x16x512xbf16> {
  %o = attn.mla_decode q_nope(%qn) q_pe(%qp) ckv_cache(%ckv) kpe_cache(%kpe)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl) alibi_slopes(%slopes)
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>,
         tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>,
         tensor<16xf32>) -> tensor<2x16x512xbf16>
  return %o : tensor<2x16x512xbf16>
}

// ALiBi slopes per request and head [B, H].
// CHECK-LABEL: func.func @alibi_per_request
// CHECK-SAME: (%[[QN:[^:]*]]: tensor<2x16x512xbf16>,
// CHECK-SAME: %[[QP:[^:]*]]: tensor<2x16x64xbf16>,
// CHECK-SAME: %[[CKV:[^:]*]]: tensor<?x1x512xbf16>,
// CHECK-SAME: %[[KPE:[^:]*]]: tensor<?x1x64xbf16>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<3xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<2xi32>,
// CHECK-SAME: %[[SLOPES:[^:]*]]: tensor<2x16xf32>)
// CHECK: %[[O:.*]] = attn.mla_decode q_nope(%[[QN]]) q_pe(%[[QP]]) ckv_cache(%[[CKV]]) kpe_cache(%[[KPE]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) alibi_slopes(%[[SLOPES]]) : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>, tensor<2x16xf32>) -> tensor<2x16x512xbf16>
// CHECK-NEXT: return %[[O]] : tensor<2x16x512xbf16>
func.func @alibi_per_request(%qn: tensor<2x16x512xbf16>, %qp: tensor<2x16x64xbf16>,
                             %ckv: tensor<?x1x512xbf16>, %kpe: tensor<?x1x64xbf16>,
                             %kp: tensor<3xi32>, %ki: tensor<?xi32>,
                             %kl: tensor<2xi32>, %slopes: tensor<2x16xf32>)
    -> tensor<2x16x512xbf16> {
  %o = attn.mla_decode q_nope(%qn) q_pe(%qp) ckv_cache(%ckv) kpe_cache(%kpe)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl) alibi_slopes(%slopes)
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>,
         tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>,
         tensor<2x16xf32>) -> tensor<2x16x512xbf16>
  return %o : tensor<2x16x512xbf16>
}

// Sigmoid normalizer with a bias.
// CHECK-LABEL: func.func @normalizer_sigmoid
// CHECK-SAME: (%[[QN:[^:]*]]: tensor<2x16x512xbf16>,
// CHECK-SAME: %[[QP:[^:]*]]: tensor<2x16x64xbf16>,
// CHECK-SAME: %[[CKV:[^:]*]]: tensor<?x1x512xbf16>,
// CHECK-SAME: %[[KPE:[^:]*]]: tensor<?x1x64xbf16>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<3xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<2xi32>)
// CHECK: %[[O:.*]] = attn.mla_decode q_nope(%[[QN]]) q_pe(%[[QP]]) ckv_cache(%[[CKV]]) kpe_cache(%[[KPE]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) {normalizer = #attn.normalizer<sigmoid>, sigmoid_bias = -3.000000e+00 : f32} : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
// CHECK-NEXT: return %[[O]] : tensor<2x16x512xbf16>
func.func @normalizer_sigmoid(%qn: tensor<2x16x512xbf16>, %qp: tensor<2x16x64xbf16>,
                              %ckv: tensor<?x1x512xbf16>, %kpe: tensor<?x1x64xbf16>,
                              %kp: tensor<3xi32>, %ki: tensor<?xi32>,
                              %kl: tensor<2xi32>) -> tensor<2x16x512xbf16> {
  %o = attn.mla_decode q_nope(%qn) q_pe(%qp) ckv_cache(%ckv) kpe_cache(%kpe)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {normalizer = #attn.normalizer<sigmoid>, sigmoid_bias = -3.0 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>,
         tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>)
      -> tensor<2x16x512xbf16>
  return %o : tensor<2x16x512xbf16>
}

// No normalizer.
// CHECK-LABEL: func.func @normalizer_none
// CHECK-SAME: (%[[QN:[^:]*]]: tensor<2x16x512xf32>,
// CHECK-SAME: %[[QP:[^:]*]]: tensor<2x16x64xf32>,
// CHECK-SAME: %[[CKV:[^:]*]]: tensor<?x1x512xf32>,
// CHECK-SAME: %[[KPE:[^:]*]]: tensor<?x1x64xf32>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<3xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<2xi32>)
// CHECK: %[[O:.*]] = attn.mla_decode q_nope(%[[QN]]) q_pe(%[[QP]]) ckv_cache(%[[CKV]]) kpe_cache(%[[KPE]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) {normalizer = #attn.normalizer<none>} : (tensor<2x16x512xf32>, tensor<2x16x64xf32>, tensor<?x1x512xf32>, tensor<?x1x64xf32>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xf32>
// CHECK-NEXT: return %[[O]] : tensor<2x16x512xf32>
func.func @normalizer_none(%qn: tensor<2x16x512xf32>, %qp: tensor<2x16x64xf32>,
                           %ckv: tensor<?x1x512xf32>, %kpe: tensor<?x1x64xf32>,
                           %kp: tensor<3xi32>, %ki: tensor<?xi32>,
                           %kl: tensor<2xi32>) -> tensor<2x16x512xf32> {
  %o = attn.mla_decode q_nope(%qn) q_pe(%qp) ckv_cache(%ckv) kpe_cache(%kpe)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {normalizer = #attn.normalizer<none>}
      : (tensor<2x16x512xf32>, tensor<2x16x64xf32>, tensor<?x1x512xf32>,
         tensor<?x1x64xf32>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>)
      -> tensor<2x16x512xf32>
  return %o : tensor<2x16x512xf32>
}

//===----------------------------------------------------------------------===//
// FP8: k_descale dequantizes both latent caches; there is no v_descale.
//===----------------------------------------------------------------------===//

// bf16 queries over FP8 latent caches, per-tensor k_descale [].
// CHECK-LABEL: func.func @fp8_cache
// CHECK-SAME: (%[[QN:[^:]*]]: tensor<2x16x512xbf16>,
// CHECK-SAME: %[[QP:[^:]*]]: tensor<2x16x64xbf16>,
// CHECK-SAME: %[[CKV:[^:]*]]: tensor<?x64x512xf8E4M3FN>,
// CHECK-SAME: %[[KPE:[^:]*]]: tensor<?x64x64xf8E4M3FN>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<3xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<2xi32>,
// CHECK-SAME: %[[KS:[^:]*]]: tensor<f32>)
// CHECK: %[[O:.*]] = attn.mla_decode q_nope(%[[QN]]) q_pe(%[[QP]]) ckv_cache(%[[CKV]]) kpe_cache(%[[KPE]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) k_descale(%[[KS]]) {scale = 0.0721687824 : f32} : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x64x512xf8E4M3FN>, tensor<?x64x64xf8E4M3FN>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>, tensor<f32>) -> tensor<2x16x512xbf16>
// CHECK-NEXT: return %[[O]] : tensor<2x16x512xbf16>
func.func @fp8_cache(%qn: tensor<2x16x512xbf16>, %qp: tensor<2x16x64xbf16>,
                     %ckv: tensor<?x64x512xf8E4M3FN>, %kpe: tensor<?x64x64xf8E4M3FN>,
                     %kp: tensor<3xi32>, %ki: tensor<?xi32>, %kl: tensor<2xi32>,
                     %ks: tensor<f32>) -> tensor<2x16x512xbf16> {
  %o = attn.mla_decode q_nope(%qn) q_pe(%qp) ckv_cache(%ckv) kpe_cache(%kpe)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl) k_descale(%ks)
      {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x64x512xf8E4M3FN>,
         tensor<?x64x64xf8E4M3FN>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>,
         tensor<f32>) -> tensor<2x16x512xbf16>
  return %o : tensor<2x16x512xbf16>
}

// FP8 queries (per-head q_descale [H]) and caches (k_descale [1]), LSE.
// CHECK-LABEL: func.func @fp8_per_head
// CHECK-SAME: (%[[QN:[^:]*]]: tensor<2x16x512xf8E4M3FN>,
// CHECK-SAME: %[[QP:[^:]*]]: tensor<2x16x64xf8E4M3FN>,
// CHECK-SAME: %[[CKV:[^:]*]]: tensor<?x64x512xf8E4M3FN>,
// CHECK-SAME: %[[KPE:[^:]*]]: tensor<?x64x64xf8E4M3FN>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<3xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<2xi32>,
// CHECK-SAME: %[[QS:[^:]*]]: tensor<16xf32>,
// CHECK-SAME: %[[KS:[^:]*]]: tensor<1xf32>)
// CHECK: %[[O:.*]], %[[LSE:.*]] = attn.mla_decode q_nope(%[[QN]]) q_pe(%[[QP]]) ckv_cache(%[[CKV]]) kpe_cache(%[[KPE]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) q_descale(%[[QS]]) k_descale(%[[KS]]) {scale = 0.0721687824 : f32} : (tensor<2x16x512xf8E4M3FN>, tensor<2x16x64xf8E4M3FN>, tensor<?x64x512xf8E4M3FN>, tensor<?x64x64xf8E4M3FN>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>, tensor<16xf32>, tensor<1xf32>) -> (tensor<2x16x512xbf16>, tensor<2x16xf32>)
// CHECK-NEXT: return %[[O]], %[[LSE]] : tensor<2x16x512xbf16>, tensor<2x16xf32>
func.func @fp8_per_head(%qn: tensor<2x16x512xf8E4M3FN>, %qp: tensor<2x16x64xf8E4M3FN>,
                        %ckv: tensor<?x64x512xf8E4M3FN>,
                        %kpe: tensor<?x64x64xf8E4M3FN>, %kp: tensor<3xi32>,
                        %ki: tensor<?xi32>, %kl: tensor<2xi32>,
                        %qs: tensor<16xf32>, %ks: tensor<1xf32>)
    -> (tensor<2x16x512xbf16>, tensor<2x16xf32>) {
  %o, %lse = attn.mla_decode q_nope(%qn) q_pe(%qp) ckv_cache(%ckv)
      kpe_cache(%kpe) kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      q_descale(%qs) k_descale(%ks) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xf8E4M3FN>, tensor<2x16x64xf8E4M3FN>,
         tensor<?x64x512xf8E4M3FN>, tensor<?x64x64xf8E4M3FN>, tensor<3xi32>,
         tensor<?xi32>, tensor<2xi32>, tensor<16xf32>, tensor<1xf32>)
      -> (tensor<2x16x512xbf16>, tensor<2x16xf32>)
  return %o, %lse : tensor<2x16x512xbf16>, tensor<2x16xf32>
}

// FP8 everywhere, including the output (o_scale []).
// CHECK-LABEL: func.func @fp8_out
// CHECK-SAME: (%[[QN:[^:]*]]: tensor<2x16x512xf8E4M3FN>,
// CHECK-SAME: %[[QP:[^:]*]]: tensor<2x16x64xf8E4M3FN>,
// CHECK-SAME: %[[CKV:[^:]*]]: tensor<?x64x512xf8E4M3FN>,
// CHECK-SAME: %[[KPE:[^:]*]]: tensor<?x64x64xf8E4M3FN>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<3xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<2xi32>,
// CHECK-SAME: %[[QS:[^:]*]]: tensor<f32>,
// CHECK-SAME: %[[KS:[^:]*]]: tensor<f32>,
// CHECK-SAME: %[[OS:[^:]*]]: tensor<f32>)
// CHECK: %[[O:.*]] = attn.mla_decode q_nope(%[[QN]]) q_pe(%[[QP]]) ckv_cache(%[[CKV]]) kpe_cache(%[[KPE]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) q_descale(%[[QS]]) k_descale(%[[KS]]) o_scale(%[[OS]]) : (tensor<2x16x512xf8E4M3FN>, tensor<2x16x64xf8E4M3FN>, tensor<?x64x512xf8E4M3FN>, tensor<?x64x64xf8E4M3FN>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>, tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<2x16x512xf8E4M3FN>
// CHECK-NEXT: return %[[O]] : tensor<2x16x512xf8E4M3FN>
func.func @fp8_out(%qn: tensor<2x16x512xf8E4M3FN>, %qp: tensor<2x16x64xf8E4M3FN>,
                   %ckv: tensor<?x64x512xf8E4M3FN>, %kpe: tensor<?x64x64xf8E4M3FN>,
                   %kp: tensor<3xi32>, %ki: tensor<?xi32>, %kl: tensor<2xi32>,
                   %qs: tensor<f32>, %ks: tensor<f32>, %os: tensor<f32>)
    -> tensor<2x16x512xf8E4M3FN> {
  %o = attn.mla_decode q_nope(%qn) q_pe(%qp) ckv_cache(%ckv) kpe_cache(%kpe)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      q_descale(%qs) k_descale(%ks) o_scale(%os)
      : (tensor<2x16x512xf8E4M3FN>, tensor<2x16x64xf8E4M3FN>,
         tensor<?x64x512xf8E4M3FN>, tensor<?x64x64xf8E4M3FN>, tensor<3xi32>,
         tensor<?xi32>, tensor<2xi32>, tensor<f32>, tensor<f32>, tensor<f32>)
      -> tensor<2x16x512xf8E4M3FN>
  return %o : tensor<2x16x512xf8E4M3FN>
}

//===----------------------------------------------------------------------===//
// Regions.
//===----------------------------------------------------------------------===//

// score_mod and mask_mod with LSE.
// CHECK-LABEL: func.func @score_and_mask_mod
// CHECK-SAME: (%[[QN:[^:]*]]: tensor<2x16x512xbf16>,
// CHECK-SAME: %[[QP:[^:]*]]: tensor<2x16x64xbf16>,
// CHECK-SAME: %[[CKV:[^:]*]]: tensor<?x1x512xbf16>,
// CHECK-SAME: %[[KPE:[^:]*]]: tensor<?x1x64xbf16>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<3xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<2xi32>)
// CHECK: %[[O:.*]], %[[LSE:.*]] = attn.mla_decode q_nope(%[[QN]]) q_pe(%[[QP]]) ckv_cache(%[[CKV]]) kpe_cache(%[[KPE]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) {scale = 0.0721687824 : f32} score_mod {
// CHECK-NEXT: ^bb0(%[[S:[^:]*]]: f32, %[[B:[^:]*]]: index, %[[H:[^:]*]]: index, %[[QI:[^:]*]]: index, %[[KJ:[^:]*]]: index):
// CHECK-NEXT: %[[HI:.*]] = arith.index_cast %[[H]] : index to i32
// CHECK-NEXT: %[[HF:.*]] = arith.sitofp %[[HI]] : i32 to f32
// CHECK-NEXT: %[[R:.*]] = arith.subf %[[S]], %[[HF]] : f32
// CHECK-NEXT: attn.yield %[[R]] : f32
// CHECK-NEXT: } mask_mod {
// CHECK-NEXT: ^bb0(%[[B:[^:]*]]: index, %[[H:[^:]*]]: index, %[[QI:[^:]*]]: index, %[[KJ:[^:]*]]: index):
// CHECK-NEXT: %[[VIS:.*]] = arith.cmpi ule, %[[KJ]], %[[QI]] : index
// CHECK-NEXT: attn.yield %[[VIS]] : i1
// CHECK-NEXT: } : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> (tensor<2x16x512xbf16>, tensor<2x16xf32>)
// CHECK-NEXT: return %[[O]], %[[LSE]] : tensor<2x16x512xbf16>, tensor<2x16xf32>
func.func @score_and_mask_mod(%qn: tensor<2x16x512xbf16>, %qp: tensor<2x16x64xbf16>,
                              %ckv: tensor<?x1x512xbf16>, %kpe: tensor<?x1x64xbf16>,
                              %kp: tensor<3xi32>, %ki: tensor<?xi32>,
                              %kl: tensor<2xi32>)
    -> (tensor<2x16x512xbf16>, tensor<2x16xf32>) {
  %o, %lse = attn.mla_decode q_nope(%qn) q_pe(%qp) ckv_cache(%ckv)
      kpe_cache(%kpe) kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {scale = 0.0721687824 : f32} score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %qi: index, %kj: index):
    %hi = arith.index_cast %h : index to i32
    %hf = arith.sitofp %hi : i32 to f32
    %r = arith.subf %s, %hf : f32
    attn.yield %r : f32
  } mask_mod {
  ^bb0(%b: index, %h: index, %qi: index, %kj: index):
    %vis = arith.cmpi ule, %kj, %qi : index
    attn.yield %vis : i1
  } : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>,
       tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>)
      -> (tensor<2x16x512xbf16>, tensor<2x16xf32>)
  return %o, %lse : tensor<2x16x512xbf16>, tensor<2x16xf32>
}

// score_mod alone.
// CHECK-LABEL: func.func @score_mod_only
// CHECK-SAME: (%[[QN:[^:]*]]: tensor<2x16x512xbf16>,
// CHECK-SAME: %[[QP:[^:]*]]: tensor<2x16x64xbf16>,
// CHECK-SAME: %[[CKV:[^:]*]]: tensor<?x1x512xbf16>,
// CHECK-SAME: %[[KPE:[^:]*]]: tensor<?x1x64xbf16>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<3xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<2xi32>)
// CHECK: %[[O:.*]] = attn.mla_decode q_nope(%[[QN]]) q_pe(%[[QP]]) ckv_cache(%[[CKV]]) kpe_cache(%[[KPE]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) score_mod {
// CHECK-NEXT: ^bb0(%[[S:[^:]*]]: f32, %[[B:[^:]*]]: index, %[[H:[^:]*]]: index, %[[QI:[^:]*]]: index, %[[KJ:[^:]*]]: index):
// CHECK-NEXT: %[[C:.*]] = arith.constant 2.500000e-01 : f32
// CHECK-NEXT: %[[R:.*]] = arith.addf %[[S]], %[[C]] : f32
// CHECK-NEXT: attn.yield %[[R]] : f32
// CHECK-NEXT: } : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
// CHECK-NEXT: return %[[O]] : tensor<2x16x512xbf16>
func.func @score_mod_only(%qn: tensor<2x16x512xbf16>, %qp: tensor<2x16x64xbf16>,
                          %ckv: tensor<?x1x512xbf16>, %kpe: tensor<?x1x64xbf16>,
                          %kp: tensor<3xi32>, %ki: tensor<?xi32>,
                          %kl: tensor<2xi32>) -> tensor<2x16x512xbf16> {
  %o = attn.mla_decode q_nope(%qn) q_pe(%qp) ckv_cache(%ckv) kpe_cache(%kpe)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl) score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %qi: index, %kj: index):
    %c = arith.constant 0.25 : f32
    %r = arith.addf %s, %c : f32
    attn.yield %r : f32
  } : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>,
       tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>)
      -> tensor<2x16x512xbf16>
  return %o : tensor<2x16x512xbf16>
}

// mask_mod alone.
// CHECK-LABEL: func.func @mask_mod_only
// CHECK-SAME: (%[[QN:[^:]*]]: tensor<2x16x512xbf16>,
// CHECK-SAME: %[[QP:[^:]*]]: tensor<2x16x64xbf16>,
// CHECK-SAME: %[[CKV:[^:]*]]: tensor<?x1x512xbf16>,
// CHECK-SAME: %[[KPE:[^:]*]]: tensor<?x1x64xbf16>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<3xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<2xi32>)
// CHECK: %[[O:.*]] = attn.mla_decode q_nope(%[[QN]]) q_pe(%[[QP]]) ckv_cache(%[[CKV]]) kpe_cache(%[[KPE]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) mask_mod {
// CHECK-NEXT: ^bb0(%[[B:[^:]*]]: index, %[[H:[^:]*]]: index, %[[QI:[^:]*]]: index, %[[KJ:[^:]*]]: index):
// CHECK-NEXT: %[[C8:.*]] = arith.constant 8 : index
// CHECK-NEXT: %[[VIS:.*]] = arith.cmpi uge, %[[KJ]], %[[C8]] : index
// CHECK-NEXT: attn.yield %[[VIS]] : i1
// CHECK-NEXT: } : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
// CHECK-NEXT: return %[[O]] : tensor<2x16x512xbf16>
func.func @mask_mod_only(%qn: tensor<2x16x512xbf16>, %qp: tensor<2x16x64xbf16>,
                         %ckv: tensor<?x1x512xbf16>, %kpe: tensor<?x1x64xbf16>,
                         %kp: tensor<3xi32>, %ki: tensor<?xi32>,
                         %kl: tensor<2xi32>) -> tensor<2x16x512xbf16> {
  %o = attn.mla_decode q_nope(%qn) q_pe(%qp) ckv_cache(%ckv) kpe_cache(%kpe)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl) mask_mod {
  ^bb0(%b: index, %h: index, %qi: index, %kj: index):
    %c8 = arith.constant 8 : index
    %vis = arith.cmpi uge, %kj, %c8 : index
    attn.yield %vis : i1
  } : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>,
       tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>)
      -> tensor<2x16x512xbf16>
  return %o : tensor<2x16x512xbf16>
}
