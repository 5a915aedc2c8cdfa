// RUN: attn-opt %s | attn-opt | FileCheck %s
// RUN: attn-opt %s --mlir-print-op-generic | attn-opt | FileCheck %s

//===----------------------------------------------------------------------===//
// Layouts and page sizes.
//===----------------------------------------------------------------------===//

// The op description's example: HND, page_size 16, GQA 4:1, with LSE.
// CHECK-LABEL: func.func @hnd_page16_lse
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<4x32x128xbf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x8x16x128xbf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x8x16x128xbf16>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<5xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<4xi32>)
// CHECK: %[[O:.*]], %[[LSE:.*]] = attn.batch_decode q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) {layout = #attn.kv_layout<hnd>} : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> (tensor<4x32x128xbf16>, tensor<4x32xf32>)
// CHECK-NEXT: return %[[O]], %[[LSE]] : tensor<4x32x128xbf16>, tensor<4x32xf32>
func.func @hnd_page16_lse(%q: tensor<4x32x128xbf16>, %kc: tensor<?x8x16x128xbf16>,
                          %vc: tensor<?x8x16x128xbf16>, %kp: tensor<5xi32>,
                          %ki: tensor<?xi32>, %kl: tensor<4xi32>)
    -> (tensor<4x32x128xbf16>, tensor<4x32xf32>) {
  %o, %lse = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>,
         tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>,
         tensor<4xi32>)
      -> (tensor<4x32x128xbf16>, tensor<4x32xf32>)
  return %o, %lse : tensor<4x32x128xbf16>, tensor<4x32xf32>
}

// HND, page_size 1.
// CHECK-LABEL: func.func @hnd_page1_mha
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<4x8x128xf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x8x1x128xf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x8x1x128xf16>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<5xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<4xi32>)
// CHECK: %[[O:.*]] = attn.batch_decode q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) {layout = #attn.kv_layout<hnd>} : (tensor<4x8x128xf16>, tensor<?x8x1x128xf16>, tensor<?x8x1x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x8x128xf16>
// CHECK-NEXT: return %[[O]] : tensor<4x8x128xf16>
func.func @hnd_page1_mha(%q: tensor<4x8x128xf16>, %kc: tensor<?x8x1x128xf16>,
                         %vc: tensor<?x8x1x128xf16>, %kp: tensor<5xi32>,
                         %ki: tensor<?xi32>, %kl: tensor<4xi32>)
    -> tensor<4x8x128xf16> {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<hnd>}
      : (tensor<4x8x128xf16>, tensor<?x8x1x128xf16>, tensor<?x8x1x128xf16>,
         tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x8x128xf16>
  return %o : tensor<4x8x128xf16>
}

// NHD, page_size 16, GQA 4:1, explicit scale.
// CHECK-LABEL: func.func @nhd_page16_gqa
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<4x32x128xbf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x16x8x128xbf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x16x8x128xbf16>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<5xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<4xi32>)
// CHECK: %[[O:.*]] = attn.batch_decode q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) {layout = #attn.kv_layout<nhd>, scale = 0.0883883461 : f32} : (tensor<4x32x128xbf16>, tensor<?x16x8x128xbf16>, tensor<?x16x8x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
// CHECK-NEXT: return %[[O]] : tensor<4x32x128xbf16>
func.func @nhd_page16_gqa(%q: tensor<4x32x128xbf16>, %kc: tensor<?x16x8x128xbf16>,
                          %vc: tensor<?x16x8x128xbf16>, %kp: tensor<5xi32>,
                          %ki: tensor<?xi32>, %kl: tensor<4xi32>)
    -> tensor<4x32x128xbf16> {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<nhd>, scale = 0.0883883461 : f32}
      : (tensor<4x32x128xbf16>, tensor<?x16x8x128xbf16>,
         tensor<?x16x8x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>)
      -> tensor<4x32x128xbf16>
  return %o : tensor<4x32x128xbf16>
}

// NHD, page_size 1 (SGLang's token table), MQA, with LSE.
// CHECK-LABEL: func.func @nhd_page1_mqa_lse
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<4x16x64xf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x1x1x64xf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x1x1x64xf16>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<5xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<4xi32>)
// CHECK: %[[O:.*]], %[[LSE:.*]] = attn.batch_decode q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) {layout = #attn.kv_layout<nhd>} : (tensor<4x16x64xf16>, tensor<?x1x1x64xf16>, tensor<?x1x1x64xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> (tensor<4x16x64xf16>, tensor<4x16xf32>)
// CHECK-NEXT: return %[[O]], %[[LSE]] : tensor<4x16x64xf16>, tensor<4x16xf32>
func.func @nhd_page1_mqa_lse(%q: tensor<4x16x64xf16>, %kc: tensor<?x1x1x64xf16>,
                             %vc: tensor<?x1x1x64xf16>, %kp: tensor<5xi32>,
                             %ki: tensor<?xi32>, %kl: tensor<4xi32>)
    -> (tensor<4x16x64xf16>, tensor<4x16xf32>) {
  %o, %lse = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<nhd>}
      : (tensor<4x16x64xf16>, tensor<?x1x1x64xf16>, tensor<?x1x1x64xf16>,
         tensor<5xi32>, tensor<?xi32>, tensor<4xi32>)
      -> (tensor<4x16x64xf16>, tensor<4x16xf32>)
  return %o, %lse : tensor<4x16x64xf16>, tensor<4x16xf32>
}

// Dynamic batch size with i64 page tables.
// CHECK-LABEL: func.func @dynamic_batch_i64
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<?x32x128xbf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x16x8x128xbf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x16x8x128xbf16>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<?xi64>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi64>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<?xi64>)
// CHECK: %[[O:.*]], %[[LSE:.*]] = attn.batch_decode q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) {layout = #attn.kv_layout<nhd>} : (tensor<?x32x128xbf16>, tensor<?x16x8x128xbf16>, tensor<?x16x8x128xbf16>, tensor<?xi64>, tensor<?xi64>, tensor<?xi64>) -> (tensor<?x32x128xbf16>, tensor<?x32xf32>)
// CHECK-NEXT: return %[[O]], %[[LSE]] : tensor<?x32x128xbf16>, tensor<?x32xf32>
func.func @dynamic_batch_i64(%q: tensor<?x32x128xbf16>, %kc: tensor<?x16x8x128xbf16>,
                             %vc: tensor<?x16x8x128xbf16>, %kp: tensor<?xi64>,
                             %ki: tensor<?xi64>, %kl: tensor<?xi64>)
    -> (tensor<?x32x128xbf16>, tensor<?x32xf32>) {
  %o, %lse = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xbf16>, tensor<?x16x8x128xbf16>,
         tensor<?x16x8x128xbf16>, tensor<?xi64>, tensor<?xi64>, tensor<?xi64>)
      -> (tensor<?x32x128xbf16>, tensor<?x32xf32>)
  return %o, %lse : tensor<?x32x128xbf16>, tensor<?x32xf32>
}

// Fully static shapes, f32.
// CHECK-LABEL: func.func @static_f32
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x8x64xf32>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<32x8x16x64xf32>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<32x8x16x64xf32>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<3xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<32xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<2xi32>)
// CHECK: %[[O:.*]] = attn.batch_decode q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) {layout = #attn.kv_layout<hnd>} : (tensor<2x8x64xf32>, tensor<32x8x16x64xf32>, tensor<32x8x16x64xf32>, tensor<3xi32>, tensor<32xi32>, tensor<2xi32>) -> tensor<2x8x64xf32>
// CHECK-NEXT: return %[[O]] : tensor<2x8x64xf32>
func.func @static_f32(%q: tensor<2x8x64xf32>, %kc: tensor<32x8x16x64xf32>,
                      %vc: tensor<32x8x16x64xf32>, %kp: tensor<3xi32>,
                      %ki: tensor<32xi32>, %kl: tensor<2xi32>)
    -> tensor<2x8x64xf32> {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<hnd>}
      : (tensor<2x8x64xf32>, tensor<32x8x16x64xf32>, tensor<32x8x16x64xf32>,
         tensor<3xi32>, tensor<32xi32>, tensor<2xi32>) -> tensor<2x8x64xf32>
  return %o : tensor<2x8x64xf32>
}

// V head dim (128) differs from the Q/K head dim (192).
// CHECK-LABEL: func.func @vdim
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<4x16x192xbf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x16x16x192xbf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x16x16x128xbf16>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<5xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<4xi32>)
// CHECK: %[[O:.*]] = attn.batch_decode q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) {layout = #attn.kv_layout<nhd>} : (tensor<4x16x192xbf16>, tensor<?x16x16x192xbf16>, tensor<?x16x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x16x128xbf16>
// CHECK-NEXT: return %[[O]] : tensor<4x16x128xbf16>
func.func @vdim(%q: tensor<4x16x192xbf16>, %kc: tensor<?x16x16x192xbf16>,
                %vc: tensor<?x16x16x128xbf16>, %kp: tensor<5xi32>,
                %ki: tensor<?xi32>, %kl: tensor<4xi32>) -> tensor<4x16x128xbf16> {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<nhd>}
      : (tensor<4x16x192xbf16>, tensor<?x16x16x192xbf16>,
         tensor<?x16x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>)
      -> tensor<4x16x128xbf16>
  return %o : tensor<4x16x128xbf16>
}

//===----------------------------------------------------------------------===//
// Shared options.
//===----------------------------------------------------------------------===//

// causal (hides nothing for decode), sliding window and soft-capping.
// CHECK-LABEL: func.func @causal_window_softcap
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<4x16x256xbf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x16x8x256xbf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x16x8x256xbf16>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<5xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<4xi32>)
// CHECK: %[[O:.*]] = attn.batch_decode q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) {causal, layout = #attn.kv_layout<nhd>, scale = 6.250000e-02 : f32, softcap = 5.000000e+01 : f32, window = array<i64: 4095, 0>} : (tensor<4x16x256xbf16>, tensor<?x16x8x256xbf16>, tensor<?x16x8x256xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x16x256xbf16>
// CHECK-NEXT: return %[[O]] : tensor<4x16x256xbf16>
func.func @causal_window_softcap(%q: tensor<4x16x256xbf16>,
                                 %kc: tensor<?x16x8x256xbf16>,
                                 %vc: tensor<?x16x8x256xbf16>, %kp: tensor<5xi32>,
                                 %ki: tensor<?xi32>, %kl: tensor<4xi32>)
    -> tensor<4x16x256xbf16> {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {causal, layout = #attn.kv_layout<nhd>, scale = 0.0625 : f32,
       softcap = 50.0 : f32, window = array<i64: 4095, 0>}
      : (tensor<4x16x256xbf16>, tensor<?x16x8x256xbf16>,
         tensor<?x16x8x256xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>)
      -> tensor<4x16x256xbf16>
  return %o : tensor<4x16x256xbf16>
}

// ALiBi slopes per query head [Hq].
// CHECK-LABEL: func.func @alibi_per_head
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<4x16x128xf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x16x16x128xf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x16x16x128xf16>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<5xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<4xi32>,
// CHECK-SAME: %[[SLOPES:[^:]*]]: tensor<16xf32>)
// CHECK: %[[O:.*]] = attn.batch_decode q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) alibi_slopes(%[[SLOPES]]) {layout = #attn.kv_layout<hnd>} : (tensor<4x16x128xf16>, tensor<?x16x16x128xf16>, tensor<?x16x16x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<16xf32>) -> tensor<4x16x128xf16>
// CHECK-NEXT: return %[[O]] : tensor<4x16x128xf16>
func.func @alibi_per_head(%q: tensor<4x16x128xf16>, %kc: tensor<?x16x16x128xf16>,
                          %vc: tensor<?x16x16x128xf16>, %kp: tensor<5xi32>,
                          %ki: tensor<?xi32>, %kl: tensor<4xi32>,
                          %slopes: tensor<16xf32>) -> tensor<4x16x128xf16> {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl) alibi_slopes(%slopes)
      {layout = #attn.kv_layout<hnd>}
      : (tensor<4x16x128xf16>, tensor<?x16x16x128xf16>, tensor<?x16x16x128xf16>,
         tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<16xf32>)
      -> tensor<4x16x128xf16>
  return %o : tensor<4x16x128xf16>
}

// ALiBi slopes per request and query head [B, Hq], GQA.
// CHECK-LABEL: func.func @alibi_per_request
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<4x16x128xf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x16x4x128xf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x16x4x128xf16>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<5xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<4xi32>,
// CHECK-SAME: %[[SLOPES:[^:]*]]: tensor<4x16xf32>)
// CHECK: %[[O:.*]] = attn.batch_decode q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) alibi_slopes(%[[SLOPES]]) {layout = #attn.kv_layout<nhd>} : (tensor<4x16x128xf16>, tensor<?x16x4x128xf16>, tensor<?x16x4x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<4x16xf32>) -> tensor<4x16x128xf16>
// CHECK-NEXT: return %[[O]] : tensor<4x16x128xf16>
func.func @alibi_per_request(%q: tensor<4x16x128xf16>, %kc: tensor<?x16x4x128xf16>,
                             %vc: tensor<?x16x4x128xf16>, %kp: tensor<5xi32>,
                             %ki: tensor<?xi32>, %kl: tensor<4xi32>,
                             %slopes: tensor<4x16xf32>) -> tensor<4x16x128xf16> {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl) alibi_slopes(%slopes)
      {layout = #attn.kv_layout<nhd>}
      : (tensor<4x16x128xf16>, tensor<?x16x4x128xf16>, tensor<?x16x4x128xf16>,
         tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<4x16xf32>)
      -> tensor<4x16x128xf16>
  return %o : tensor<4x16x128xf16>
}

// Sigmoid normalizer with a bias.
// CHECK-LABEL: func.func @normalizer_sigmoid
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<4x8x64xf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x16x8x64xf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x16x8x64xf16>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<5xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<4xi32>)
// CHECK: %[[O:.*]] = attn.batch_decode q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) {layout = #attn.kv_layout<nhd>, normalizer = #attn.normalizer<sigmoid>, sigmoid_bias = 1.500000e+00 : f32} : (tensor<4x8x64xf16>, tensor<?x16x8x64xf16>, tensor<?x16x8x64xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x8x64xf16>
// CHECK-NEXT: return %[[O]] : tensor<4x8x64xf16>
func.func @normalizer_sigmoid(%q: tensor<4x8x64xf16>, %kc: tensor<?x16x8x64xf16>,
                              %vc: tensor<?x16x8x64xf16>, %kp: tensor<5xi32>,
                              %ki: tensor<?xi32>, %kl: tensor<4xi32>)
    -> tensor<4x8x64xf16> {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<nhd>, normalizer = #attn.normalizer<sigmoid>,
       sigmoid_bias = 1.5 : f32}
      : (tensor<4x8x64xf16>, tensor<?x16x8x64xf16>, tensor<?x16x8x64xf16>,
         tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x8x64xf16>
  return %o : tensor<4x8x64xf16>
}

// No normalizer.
// CHECK-LABEL: func.func @normalizer_none
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<4x8x64xf32>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x8x16x64xf32>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x8x16x64xf32>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<5xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<4xi32>)
// CHECK: %[[O:.*]] = attn.batch_decode q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) {layout = #attn.kv_layout<hnd>, normalizer = #attn.normalizer<none>} : (tensor<4x8x64xf32>, tensor<?x8x16x64xf32>, tensor<?x8x16x64xf32>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x8x64xf32>
// CHECK-NEXT: return %[[O]] : tensor<4x8x64xf32>
func.func @normalizer_none(%q: tensor<4x8x64xf32>, %kc: tensor<?x8x16x64xf32>,
                           %vc: tensor<?x8x16x64xf32>, %kp: tensor<5xi32>,
                           %ki: tensor<?xi32>, %kl: tensor<4xi32>)
    -> tensor<4x8x64xf32> {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<hnd>, normalizer = #attn.normalizer<none>}
      : (tensor<4x8x64xf32>, tensor<?x8x16x64xf32>, tensor<?x8x16x64xf32>,
         tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x8x64xf32>
  return %o : tensor<4x8x64xf32>
}

// RoPE at explicit query positions [B] (i64).
// CHECK-LABEL: func.func @rope_positions
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<4x32x128xbf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x16x8x128xbf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x16x8x128xbf16>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<5xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<4xi32>,
// CHECK-SAME: %[[POS:[^:]*]]: tensor<4xi64>)
// CHECK: %[[O:.*]] = attn.batch_decode q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) positions(%[[POS]]) {layout = #attn.kv_layout<nhd>, rope = #attn.rope<theta = 1.000000e+04, dim = 128, style = neox>} : (tensor<4x32x128xbf16>, tensor<?x16x8x128xbf16>, tensor<?x16x8x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<4xi64>) -> tensor<4x32x128xbf16>
// CHECK-NEXT: return %[[O]] : tensor<4x32x128xbf16>
func.func @rope_positions(%q: tensor<4x32x128xbf16>, %kc: tensor<?x16x8x128xbf16>,
                          %vc: tensor<?x16x8x128xbf16>, %kp: tensor<5xi32>,
                          %ki: tensor<?xi32>, %kl: tensor<4xi32>,
                          %pos: tensor<4xi64>) -> tensor<4x32x128xbf16> {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl) positions(%pos)
      {layout = #attn.kv_layout<nhd>,
       rope = #attn.rope<theta = 10000.0, dim = 128, style = neox>}
      : (tensor<4x32x128xbf16>, tensor<?x16x8x128xbf16>,
         tensor<?x16x8x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>,
         tensor<4xi64>) -> tensor<4x32x128xbf16>
  return %o : tensor<4x32x128xbf16>
}

// RoPE at the default position Sk_b - 1, interleaved style.
// CHECK-LABEL: func.func @rope_default_positions
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<?x8x64xf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x8x16x64xf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x8x16x64xf16>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<?xi32>)
// CHECK: %[[O:.*]] = attn.batch_decode q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) {layout = #attn.kv_layout<hnd>, rope = #attn.rope<theta = 1.000000e+04, dim = 64, style = interleaved>} : (tensor<?x8x64xf16>, tensor<?x8x16x64xf16>, tensor<?x8x16x64xf16>, tensor<?xi32>, tensor<?xi32>, tensor<?xi32>) -> tensor<?x8x64xf16>
// CHECK-NEXT: return %[[O]] : tensor<?x8x64xf16>
func.func @rope_default_positions(%q: tensor<?x8x64xf16>, %kc: tensor<?x8x16x64xf16>,
                                  %vc: tensor<?x8x16x64xf16>, %kp: tensor<?xi32>,
                                  %ki: tensor<?xi32>, %kl: tensor<?xi32>)
    -> tensor<?x8x64xf16> {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<hnd>,
       rope = #attn.rope<theta = 10000.0, dim = 64, style = interleaved>}
      : (tensor<?x8x64xf16>, tensor<?x8x16x64xf16>, tensor<?x8x16x64xf16>,
         tensor<?xi32>, tensor<?xi32>, tensor<?xi32>) -> tensor<?x8x64xf16>
  return %o : tensor<?x8x64xf16>
}

//===----------------------------------------------------------------------===//
// FP8.
//===----------------------------------------------------------------------===//

// bf16 queries over an FP8 cache with per-tensor descales ([] and [1]).
// CHECK-LABEL: func.func @fp8_cache_per_tensor
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<4x32x128xbf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x16x8x128xf8E4M3FN>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x16x8x128xf8E4M3FN>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<5xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<4xi32>,
// CHECK-SAME: %[[KS:[^:]*]]: tensor<f32>,
// CHECK-SAME: %[[VS:[^:]*]]: tensor<1xf32>)
// CHECK: %[[O:.*]] = attn.batch_decode q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) k_descale(%[[KS]]) v_descale(%[[VS]]) {layout = #attn.kv_layout<nhd>} : (tensor<4x32x128xbf16>, tensor<?x16x8x128xf8E4M3FN>, tensor<?x16x8x128xf8E4M3FN>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<f32>, tensor<1xf32>) -> tensor<4x32x128xbf16>
// CHECK-NEXT: return %[[O]] : tensor<4x32x128xbf16>
func.func @fp8_cache_per_tensor(%q: tensor<4x32x128xbf16>,
                                %kc: tensor<?x16x8x128xf8E4M3FN>,
                                %vc: tensor<?x16x8x128xf8E4M3FN>,
                                %kp: tensor<5xi32>, %ki: tensor<?xi32>,
                                %kl: tensor<4xi32>, %ks: tensor<f32>,
                                %vs: tensor<1xf32>) -> tensor<4x32x128xbf16> {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      k_descale(%ks) v_descale(%vs) {layout = #attn.kv_layout<nhd>}
      : (tensor<4x32x128xbf16>, tensor<?x16x8x128xf8E4M3FN>,
         tensor<?x16x8x128xf8E4M3FN>, tensor<5xi32>, tensor<?xi32>,
         tensor<4xi32>, tensor<f32>, tensor<1xf32>) -> tensor<4x32x128xbf16>
  return %o : tensor<4x32x128xbf16>
}

// FP8 queries and cache with per-head descales, LSE.
// CHECK-LABEL: func.func @fp8_per_head
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<4x32x128xf8E4M3FN>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x8x16x128xf8E4M3FN>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x8x16x128xf8E4M3FN>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<5xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<4xi32>,
// CHECK-SAME: %[[QS:[^:]*]]: tensor<32xf32>,
// CHECK-SAME: %[[KS:[^:]*]]: tensor<8xf32>,
// CHECK-SAME: %[[VS:[^:]*]]: tensor<8xf32>)
// CHECK: %[[O:.*]], %[[LSE:.*]] = attn.batch_decode q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) q_descale(%[[QS]]) k_descale(%[[KS]]) v_descale(%[[VS]]) {layout = #attn.kv_layout<hnd>} : (tensor<4x32x128xf8E4M3FN>, tensor<?x8x16x128xf8E4M3FN>, tensor<?x8x16x128xf8E4M3FN>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<32xf32>, tensor<8xf32>, tensor<8xf32>) -> (tensor<4x32x128xbf16>, tensor<4x32xf32>)
// CHECK-NEXT: return %[[O]], %[[LSE]] : tensor<4x32x128xbf16>, tensor<4x32xf32>
func.func @fp8_per_head(%q: tensor<4x32x128xf8E4M3FN>,
                        %kc: tensor<?x8x16x128xf8E4M3FN>,
                        %vc: tensor<?x8x16x128xf8E4M3FN>, %kp: tensor<5xi32>,
                        %ki: tensor<?xi32>, %kl: tensor<4xi32>,
                        %qs: tensor<32xf32>, %ks: tensor<8xf32>, %vs: tensor<8xf32>)
    -> (tensor<4x32x128xbf16>, tensor<4x32xf32>) {
  %o, %lse = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      q_descale(%qs) k_descale(%ks) v_descale(%vs)
      {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xf8E4M3FN>, tensor<?x8x16x128xf8E4M3FN>,
         tensor<?x8x16x128xf8E4M3FN>, tensor<5xi32>, tensor<?xi32>,
         tensor<4xi32>, tensor<32xf32>, tensor<8xf32>, tensor<8xf32>)
      -> (tensor<4x32x128xbf16>, tensor<4x32xf32>)
  return %o, %lse : tensor<4x32x128xbf16>, tensor<4x32xf32>
}

// FP8 everywhere, including the output (o_scale []).
// CHECK-LABEL: func.func @fp8_out
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<4x32x128xf8E4M3FN>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x1x8x128xf8E4M3FN>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x1x8x128xf8E4M3FN>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<5xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<4xi32>,
// CHECK-SAME: %[[QS:[^:]*]]: tensor<f32>,
// CHECK-SAME: %[[KS:[^:]*]]: tensor<f32>,
// CHECK-SAME: %[[VS:[^:]*]]: tensor<f32>,
// CHECK-SAME: %[[OS:[^:]*]]: tensor<f32>)
// CHECK: %[[O:.*]] = attn.batch_decode q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) q_descale(%[[QS]]) k_descale(%[[KS]]) v_descale(%[[VS]]) o_scale(%[[OS]]) {layout = #attn.kv_layout<nhd>} : (tensor<4x32x128xf8E4M3FN>, tensor<?x1x8x128xf8E4M3FN>, tensor<?x1x8x128xf8E4M3FN>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<4x32x128xf8E4M3FN>
// CHECK-NEXT: return %[[O]] : tensor<4x32x128xf8E4M3FN>
func.func @fp8_out(%q: tensor<4x32x128xf8E4M3FN>, %kc: tensor<?x1x8x128xf8E4M3FN>,
                   %vc: tensor<?x1x8x128xf8E4M3FN>, %kp: tensor<5xi32>,
                   %ki: tensor<?xi32>, %kl: tensor<4xi32>, %qs: tensor<f32>,
                   %ks: tensor<f32>, %vs: tensor<f32>, %os: tensor<f32>)
    -> tensor<4x32x128xf8E4M3FN> {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      q_descale(%qs) k_descale(%ks) v_descale(%vs) o_scale(%os)
      {layout = #attn.kv_layout<nhd>}
      : (tensor<4x32x128xf8E4M3FN>, tensor<?x1x8x128xf8E4M3FN>,
         tensor<?x1x8x128xf8E4M3FN>, tensor<5xi32>, tensor<?xi32>,
         tensor<4xi32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>)
      -> tensor<4x32x128xf8E4M3FN>
  return %o : tensor<4x32x128xf8E4M3FN>
}

//===----------------------------------------------------------------------===//
// Regions.
//===----------------------------------------------------------------------===//

// score_mod and mask_mod with LSE.
// CHECK-LABEL: func.func @score_and_mask_mod
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<4x32x128xbf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x8x16x128xbf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x8x16x128xbf16>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<5xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<4xi32>)
// CHECK: %[[O:.*]], %[[LSE:.*]] = attn.batch_decode q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) {layout = #attn.kv_layout<hnd>} score_mod {
// CHECK-NEXT: ^bb0(%[[S:[^:]*]]: f32, %[[B:[^:]*]]: index, %[[H:[^:]*]]: index, %[[QI:[^:]*]]: index, %[[KJ:[^:]*]]: index):
// CHECK-NEXT: %[[CAP:.*]] = arith.constant 3.000000e+01 : f32
// CHECK-NEXT: %[[X:.*]] = arith.divf %[[S]], %[[CAP]] : f32
// CHECK-NEXT: %[[T:.*]] = math.tanh %[[X]] : f32
// CHECK-NEXT: %[[R:.*]] = arith.mulf %[[T]], %[[CAP]] : f32
// CHECK-NEXT: attn.yield %[[R]] : f32
// CHECK-NEXT: } mask_mod {
// CHECK-NEXT: ^bb0(%[[B:[^:]*]]: index, %[[H:[^:]*]]: index, %[[QI:[^:]*]]: index, %[[KJ:[^:]*]]: index):
// CHECK-NEXT: %[[C4:.*]] = arith.constant 4 : index
// CHECK-NEXT: %[[SINK:.*]] = arith.cmpi ult, %[[KJ]], %[[C4]] : index
// CHECK-NEXT: attn.yield %[[SINK]] : i1
// CHECK-NEXT: } : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> (tensor<4x32x128xbf16>, tensor<4x32xf32>)
// CHECK-NEXT: return %[[O]], %[[LSE]] : tensor<4x32x128xbf16>, tensor<4x32xf32>
func.func @score_and_mask_mod(%q: tensor<4x32x128xbf16>,
                              %kc: tensor<?x8x16x128xbf16>,
                              %vc: tensor<?x8x16x128xbf16>, %kp: tensor<5xi32>,
                              %ki: tensor<?xi32>, %kl: tensor<4xi32>)
    -> (tensor<4x32x128xbf16>, tensor<4x32xf32>) {
  %o, %lse = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<hnd>} score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %qi: index, %kj: index):
    %cap = arith.constant 30.0 : f32
    %x = arith.divf %s, %cap : f32
    %t = math.tanh %x : f32
    %r = arith.mulf %t, %cap : f32
    attn.yield %r : f32
  } mask_mod {
  ^bb0(%b: index, %h: index, %qi: index, %kj: index):
    %c4 = arith.constant 4 : index
    %sink = arith.cmpi ult, %kj, %c4 : index
    attn.yield %sink : i1
  } : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>,
       tensor<5xi32>, tensor<?xi32>, tensor<4xi32>)
      -> (tensor<4x32x128xbf16>, tensor<4x32xf32>)
  return %o, %lse : tensor<4x32x128xbf16>, tensor<4x32xf32>
}

// score_mod alone.
// CHECK-LABEL: func.func @score_mod_only
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<4x8x64xf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x16x8x64xf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x16x8x64xf16>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<5xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<4xi32>)
// CHECK: %[[O:.*]] = attn.batch_decode q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) {layout = #attn.kv_layout<nhd>} score_mod {
// CHECK-NEXT: ^bb0(%[[S:[^:]*]]: f32, %[[B:[^:]*]]: index, %[[H:[^:]*]]: index, %[[QI:[^:]*]]: index, %[[KJ:[^:]*]]: index):
// CHECK-NEXT: %[[D:.*]] = arith.subi %[[QI]], %[[KJ]] : index
// CHECK-NEXT: %[[DI:.*]] = arith.index_cast %[[D]] : index to i32
// CHECK-NEXT: %[[DF:.*]] = arith.sitofp %[[DI]] : i32 to f32
// CHECK-NEXT: %[[R:.*]] = arith.subf %[[S]], %[[DF]] : f32
// CHECK-NEXT: attn.yield %[[R]] : f32
// CHECK-NEXT: } : (tensor<4x8x64xf16>, tensor<?x16x8x64xf16>, tensor<?x16x8x64xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x8x64xf16>
// CHECK-NEXT: return %[[O]] : tensor<4x8x64xf16>
func.func @score_mod_only(%q: tensor<4x8x64xf16>, %kc: tensor<?x16x8x64xf16>,
                          %vc: tensor<?x16x8x64xf16>, %kp: tensor<5xi32>,
                          %ki: tensor<?xi32>, %kl: tensor<4xi32>)
    -> tensor<4x8x64xf16> {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<nhd>} score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %qi: index, %kj: index):
    %d = arith.subi %qi, %kj : index
    %di = arith.index_cast %d : index to i32
    %df = arith.sitofp %di : i32 to f32
    %r = arith.subf %s, %df : f32
    attn.yield %r : f32
  } : (tensor<4x8x64xf16>, tensor<?x16x8x64xf16>, tensor<?x16x8x64xf16>,
       tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x8x64xf16>
  return %o : tensor<4x8x64xf16>
}

// mask_mod alone.
// CHECK-LABEL: func.func @mask_mod_only
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<4x8x64xf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x8x1x64xf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x8x1x64xf16>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<5xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KL:[^:]*]]: tensor<4xi32>)
// CHECK: %[[O:.*]] = attn.batch_decode q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) kv_last_page_len(%[[KL]]) {layout = #attn.kv_layout<hnd>} mask_mod {
// CHECK-NEXT: ^bb0(%[[B:[^:]*]]: index, %[[H:[^:]*]]: index, %[[QI:[^:]*]]: index, %[[KJ:[^:]*]]: index):
// CHECK-NEXT: %[[C1:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[ODD:.*]] = arith.andi %[[B]], %[[C1]] : index
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[VIS:.*]] = arith.cmpi eq, %[[ODD]], %[[C0]] : index
// CHECK-NEXT: attn.yield %[[VIS]] : i1
// CHECK-NEXT: } : (tensor<4x8x64xf16>, tensor<?x8x1x64xf16>, tensor<?x8x1x64xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x8x64xf16>
// CHECK-NEXT: return %[[O]] : tensor<4x8x64xf16>
func.func @mask_mod_only(%q: tensor<4x8x64xf16>, %kc: tensor<?x8x1x64xf16>,
                         %vc: tensor<?x8x1x64xf16>, %kp: tensor<5xi32>,
                         %ki: tensor<?xi32>, %kl: tensor<4xi32>)
    -> tensor<4x8x64xf16> {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<hnd>} mask_mod {
  ^bb0(%b: index, %h: index, %qi: index, %kj: index):
    %c1 = arith.constant 1 : index
    %odd = arith.andi %b, %c1 : index
    %c0 = arith.constant 0 : index
    %vis = arith.cmpi eq, %odd, %c0 : index
    attn.yield %vis : i1
  } : (tensor<4x8x64xf16>, tensor<?x8x1x64xf16>, tensor<?x8x1x64xf16>,
       tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x8x64xf16>
  return %o : tensor<4x8x64xf16>
}
