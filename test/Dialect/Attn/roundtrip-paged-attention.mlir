// RUN: attn-opt %s | attn-opt | FileCheck %s
// RUN: attn-opt %s --mlir-print-op-generic | attn-opt | FileCheck %s

//===----------------------------------------------------------------------===//
// vLLM caches: k_cache [blocks, Hkv, D / x, block_size, x],
// v_cache [blocks, Hkv, Dv, block_size].
//===----------------------------------------------------------------------===//

// The op description's example: GQA 4:1, D = 64 (x = 8), block_size 16.
// CHECK-LABEL: func.func @basic_gqa
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x8x64xf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x2x8x16x8xf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x2x64x16xf16>,
// CHECK-SAME: %[[BT:[^:]*]]: tensor<2x32xi32>,
// CHECK-SAME: %[[CL:[^:]*]]: tensor<2xi32>)
// CHECK: %[[O:.*]] = attn.paged_attention q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) block_tables(%[[BT]]) context_lens(%[[CL]]) {scale = 1.250000e-01 : f32} : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
// CHECK-NEXT: return %[[O]] : tensor<2x8x64xf16>
func.func @basic_gqa(%q: tensor<2x8x64xf16>, %kc: tensor<?x2x8x16x8xf16>,
                     %vc: tensor<?x2x64x16xf16>, %bt: tensor<2x32xi32>,
                     %cl: tensor<2xi32>) -> tensor<2x8x64xf16> {
  %o = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc)
      block_tables(%bt) context_lens(%cl) {scale = 0.125 : f32}
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>,
         tensor<2x32xi32>, tensor<2xi32>)
      -> tensor<2x8x64xf16>
  return %o : tensor<2x8x64xf16>
}

// MHA, bf16, D = 128 (x = 8), with LSE.
// CHECK-LABEL: func.func @mha_lse
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<4x32x128xbf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x32x16x16x8xbf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x32x128x16xbf16>,
// CHECK-SAME: %[[BT:[^:]*]]: tensor<4x64xi32>,
// CHECK-SAME: %[[CL:[^:]*]]: tensor<4xi32>)
// CHECK: %[[O:.*]], %[[LSE:.*]] = attn.paged_attention q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) block_tables(%[[BT]]) context_lens(%[[CL]]) : (tensor<4x32x128xbf16>, tensor<?x32x16x16x8xbf16>, tensor<?x32x128x16xbf16>, tensor<4x64xi32>, tensor<4xi32>) -> (tensor<4x32x128xbf16>, tensor<4x32xf32>)
// CHECK-NEXT: return %[[O]], %[[LSE]] : tensor<4x32x128xbf16>, tensor<4x32xf32>
func.func @mha_lse(%q: tensor<4x32x128xbf16>, %kc: tensor<?x32x16x16x8xbf16>,
                   %vc: tensor<?x32x128x16xbf16>, %bt: tensor<4x64xi32>,
                   %cl: tensor<4xi32>)
    -> (tensor<4x32x128xbf16>, tensor<4x32xf32>) {
  %o, %lse = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc)
      block_tables(%bt) context_lens(%cl)
      : (tensor<4x32x128xbf16>, tensor<?x32x16x16x8xbf16>,
         tensor<?x32x128x16xbf16>, tensor<4x64xi32>, tensor<4xi32>)
      -> (tensor<4x32x128xbf16>, tensor<4x32xf32>)
  return %o, %lse : tensor<4x32x128xbf16>, tensor<4x32xf32>
}

// MQA, block_size 32, f32 (x = 4), fully static.
// CHECK-LABEL: func.func @mqa_static_f32
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x16x64xf32>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<128x1x16x32x4xf32>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<128x1x64x32xf32>,
// CHECK-SAME: %[[BT:[^:]*]]: tensor<2x64xi32>,
// CHECK-SAME: %[[CL:[^:]*]]: tensor<2xi32>)
// CHECK: %[[O:.*]] = attn.paged_attention q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) block_tables(%[[BT]]) context_lens(%[[CL]]) : (tensor<2x16x64xf32>, tensor<128x1x16x32x4xf32>, tensor<128x1x64x32xf32>, tensor<2x64xi32>, tensor<2xi32>) -> tensor<2x16x64xf32>
// CHECK-NEXT: return %[[O]] : tensor<2x16x64xf32>
func.func @mqa_static_f32(%q: tensor<2x16x64xf32>, %kc: tensor<128x1x16x32x4xf32>,
                          %vc: tensor<128x1x64x32xf32>, %bt: tensor<2x64xi32>,
                          %cl: tensor<2xi32>) -> tensor<2x16x64xf32> {
  %o = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc)
      block_tables(%bt) context_lens(%cl)
      : (tensor<2x16x64xf32>, tensor<128x1x16x32x4xf32>,
         tensor<128x1x64x32xf32>, tensor<2x64xi32>, tensor<2xi32>)
      -> tensor<2x16x64xf32>
  return %o : tensor<2x16x64xf32>
}

// Dynamic batch size and table width, i64 block tables and context lengths.
// CHECK-LABEL: func.func @dynamic_i64
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<?x32x128xf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x8x16x16x8xf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x8x128x16xf16>,
// CHECK-SAME: %[[BT:[^:]*]]: tensor<?x?xi64>,
// CHECK-SAME: %[[CL:[^:]*]]: tensor<?xi64>)
// CHECK: %[[O:.*]], %[[LSE:.*]] = attn.paged_attention q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) block_tables(%[[BT]]) context_lens(%[[CL]]) : (tensor<?x32x128xf16>, tensor<?x8x16x16x8xf16>, tensor<?x8x128x16xf16>, tensor<?x?xi64>, tensor<?xi64>) -> (tensor<?x32x128xf16>, tensor<?x32xf32>)
// CHECK-NEXT: return %[[O]], %[[LSE]] : tensor<?x32x128xf16>, tensor<?x32xf32>
func.func @dynamic_i64(%q: tensor<?x32x128xf16>, %kc: tensor<?x8x16x16x8xf16>,
                       %vc: tensor<?x8x128x16xf16>, %bt: tensor<?x?xi64>,
                       %cl: tensor<?xi64>) -> (tensor<?x32x128xf16>, tensor<?x32xf32>) {
  %o, %lse = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc)
      block_tables(%bt) context_lens(%cl)
      : (tensor<?x32x128xf16>, tensor<?x8x16x16x8xf16>, tensor<?x8x128x16xf16>,
         tensor<?x?xi64>, tensor<?xi64>) -> (tensor<?x32x128xf16>, tensor<?x32xf32>)
  return %o, %lse : tensor<?x32x128xf16>, tensor<?x32xf32>
}

// block_size 1.
// CHECK-LABEL: func.func @block1
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x8x64xf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x2x8x1x8xf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x2x64x1xf16>,
// CHECK-SAME: %[[BT:[^:]*]]: tensor<2x512xi32>,
// CHECK-SAME: %[[CL:[^:]*]]: tensor<2xi32>)
// CHECK: %[[O:.*]] = attn.paged_attention q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) block_tables(%[[BT]]) context_lens(%[[CL]]) : (tensor<2x8x64xf16>, tensor<?x2x8x1x8xf16>, tensor<?x2x64x1xf16>, tensor<2x512xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
// CHECK-NEXT: return %[[O]] : tensor<2x8x64xf16>
func.func @block1(%q: tensor<2x8x64xf16>, %kc: tensor<?x2x8x1x8xf16>,
                  %vc: tensor<?x2x64x1xf16>, %bt: tensor<2x512xi32>,
                  %cl: tensor<2xi32>) -> tensor<2x8x64xf16> {
  %o = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc)
      block_tables(%bt) context_lens(%cl)
      : (tensor<2x8x64xf16>, tensor<?x2x8x1x8xf16>, tensor<?x2x64x1xf16>,
         tensor<2x512xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %o : tensor<2x8x64xf16>
}

// V head dim (128) differs from the Q/K head dim (192 = 24 x 8).
// CHECK-LABEL: func.func @vdim
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x16x192xbf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x16x24x16x8xbf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x16x128x16xbf16>,
// CHECK-SAME: %[[BT:[^:]*]]: tensor<2x32xi32>,
// CHECK-SAME: %[[CL:[^:]*]]: tensor<2xi32>)
// CHECK: %[[O:.*]] = attn.paged_attention q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) block_tables(%[[BT]]) context_lens(%[[CL]]) : (tensor<2x16x192xbf16>, tensor<?x16x24x16x8xbf16>, tensor<?x16x128x16xbf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x16x128xbf16>
// CHECK-NEXT: return %[[O]] : tensor<2x16x128xbf16>
func.func @vdim(%q: tensor<2x16x192xbf16>, %kc: tensor<?x16x24x16x8xbf16>,
                %vc: tensor<?x16x128x16xbf16>, %bt: tensor<2x32xi32>,
                %cl: tensor<2xi32>) -> tensor<2x16x128xbf16> {
  %o = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc)
      block_tables(%bt) context_lens(%cl)
      : (tensor<2x16x192xbf16>, tensor<?x16x24x16x8xbf16>,
         tensor<?x16x128x16xbf16>, tensor<2x32xi32>, tensor<2xi32>)
      -> tensor<2x16x128xbf16>
  return %o : tensor<2x16x128xbf16>
}

//===----------------------------------------------------------------------===//
// Shared options.
//===----------------------------------------------------------------------===//

// causal (hides nothing for decode), sliding window and soft-capping.
// CHECK-LABEL: func.func @causal_window_softcap
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x8x256xbf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x4x32x16x8xbf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x4x256x16xbf16>,
// CHECK-SAME: %[[BT:[^:]*]]: tensor<2x32xi32>,
// CHECK-SAME: %[[CL:[^:]*]]: tensor<2xi32>)
// CHECK: %[[O:.*]] = attn.paged_attention q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) block_tables(%[[BT]]) context_lens(%[[CL]]) {causal, scale = 6.250000e-02 : f32, softcap = 5.000000e+01 : f32, window = array<i64: 4095, 0>} : (tensor<2x8x256xbf16>, tensor<?x4x32x16x8xbf16>, tensor<?x4x256x16xbf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x256xbf16>
// CHECK-NEXT: return %[[O]] : tensor<2x8x256xbf16>
func.func @causal_window_softcap(%q: tensor<2x8x256xbf16>,
                                 %kc: tensor<?x4x32x16x8xbf16>,
                                 %vc: tensor<?x4x256x16xbf16>,
                                 %bt: tensor<2x32xi32>, %cl: tensor<2xi32>)
    -> tensor<2x8x256xbf16> {
  %o = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc)
      block_tables(%bt) context_lens(%cl)
      {causal, scale = 0.0625 : f32, softcap = 50.0 : f32,
       window = array<i64: 4095, 0>}
      : (tensor<2x8x256xbf16>, tensor<?x4x32x16x8xbf16>, tensor<?x4x256x16xbf16>,
         tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x256xbf16>
  return %o : tensor<2x8x256xbf16>
}

// ALiBi slopes per query head [Hq].
// CHECK-LABEL: func.func @alibi_per_head
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x8x64xf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x8x8x16x8xf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x8x64x16xf16>,
// CHECK-SAME: %[[BT:[^:]*]]: tensor<2x32xi32>,
// CHECK-SAME: %[[CL:[^:]*]]: tensor<2xi32>,
// CHECK-SAME: %[[SLOPES:[^:]*]]: tensor<8xf32>)
// CHECK: %[[O:.*]] = attn.paged_attention q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) block_tables(%[[BT]]) context_lens(%[[CL]]) alibi_slopes(%[[SLOPES]]) : (tensor<2x8x64xf16>, tensor<?x8x8x16x8xf16>, tensor<?x8x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>, tensor<8xf32>) -> tensor<2x8x64xf16>
// CHECK-NEXT: return %[[O]] : tensor<2x8x64xf16>
func.func @alibi_per_head(%q: tensor<2x8x64xf16>, %kc: tensor<?x8x8x16x8xf16>,
                          %vc: tensor<?x8x64x16xf16>, %bt: tensor<2x32xi32>,
                          %cl: tensor<2xi32>, %slopes: tensor<8xf32>)
    -> tensor<2x8x64xf16> {
  %o = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc)
      block_tables(%bt) context_lens(%cl) alibi_slopes(%slopes)
      : (tensor<2x8x64xf16>, tensor<?x8x8x16x8xf16>, tensor<?x8x64x16xf16>,
         tensor<2x32xi32>, tensor<2xi32>, tensor<8xf32>) -> tensor<2x8x64xf16>
  return %o : tensor<2x8x64xf16>
}

// ALiBi slopes per sequence and query head [B, Hq], GQA.
// CHECK-LABEL: func.func @alibi_per_request
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x8x64xf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x2x8x16x8xf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x2x64x16xf16>,
// CHECK-SAME: %[[BT:[^:]*]]: tensor<2x32xi32>,
// CHECK-SAME: %[[CL:[^:]*]]: tensor<2xi32>,
// CHECK-SAME: %[[SLOPES:[^:]*]]: tensor<2x8xf32>)
// CHECK: %[[O:.*]] = attn.paged_attention q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) block_tables(%[[BT]]) context_lens(%[[CL]]) alibi_slopes(%[[SLOPES]]) : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>, tensor<2x8xf32>) -> tensor<2x8x64xf16>
// CHECK-NEXT: return %[[O]] : tensor<2x8x64xf16>
func.func @alibi_per_request(%q: tensor<2x8x64xf16>, %kc: tensor<?x2x8x16x8xf16>,
                             %vc: tensor<?x2x64x16xf16>, %bt: tensor<2x32xi32>,
                             %cl: tensor<2xi32>, %slopes: tensor<2x8xf32>)
    -> tensor<2x8x64xf16> {
  %o = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc)
      block_tables(%bt) context_lens(%cl) alibi_slopes(%slopes)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>,
         tensor<2x32xi32>, tensor<2xi32>, tensor<2x8xf32>) -> tensor<2x8x64xf16>
  return %o : tensor<2x8x64xf16>
}

// Sigmoid normalizer with a bias.
// CHECK-LABEL: func.func @normalizer_sigmoid
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x8x64xf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x2x8x16x8xf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x2x64x16xf16>,
// CHECK-SAME: %[[BT:[^:]*]]: tensor<2x32xi32>,
// CHECK-SAME: %[[CL:[^:]*]]: tensor<2xi32>)
// CHECK: %[[O:.*]] = attn.paged_attention q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) block_tables(%[[BT]]) context_lens(%[[CL]]) {normalizer = #attn.normalizer<sigmoid>, sigmoid_bias = -1.000000e+01 : f32} : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
// CHECK-NEXT: return %[[O]] : tensor<2x8x64xf16>
func.func @normalizer_sigmoid(%q: tensor<2x8x64xf16>, %kc: tensor<?x2x8x16x8xf16>,
                              %vc: tensor<?x2x64x16xf16>, %bt: tensor<2x32xi32>,
                              %cl: tensor<2xi32>) -> tensor<2x8x64xf16> {
  %o = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc)
      block_tables(%bt) context_lens(%cl)
      {normalizer = #attn.normalizer<sigmoid>, sigmoid_bias = -10.0 : f32}
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>,
         tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %o : tensor<2x8x64xf16>
}

// No normalizer.
// CHECK-LABEL: func.func @normalizer_none
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x8x64xf32>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x2x16x16x4xf32>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x2x64x16xf32>,
// CHECK-SAME: %[[BT:[^:]*]]: tensor<2x32xi32>,
// CHECK-SAME: %[[CL:[^:]*]]: tensor<2xi32>)
// CHECK: %[[O:.*]] = attn.paged_attention q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) block_tables(%[[BT]]) context_lens(%[[CL]]) {normalizer = #attn.normalizer<none>} : (tensor<2x8x64xf32>, tensor<?x2x16x16x4xf32>, tensor<?x2x64x16xf32>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf32>
// CHECK-NEXT: return %[[O]] : tensor<2x8x64xf32>
func.func @normalizer_none(%q: tensor<2x8x64xf32>, %kc: tensor<?x2x16x16x4xf32>,
                           %vc: tensor<?x2x64x16xf32>, %bt: tensor<2x32xi32>,
                           %cl: tensor<2xi32>) -> tensor<2x8x64xf32> {
  %o = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc)
      block_tables(%bt) context_lens(%cl)
      {normalizer = #attn.normalizer<none>}
      : (tensor<2x8x64xf32>, tensor<?x2x16x16x4xf32>, tensor<?x2x64x16xf32>,
         tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf32>
  return %o : tensor<2x8x64xf32>
}

// RoPE at explicit query positions [B].
// CHECK-LABEL: func.func @rope_positions
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x8x128xbf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x2x16x16x8xbf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x2x128x16xbf16>,
// CHECK-SAME: %[[BT:[^:]*]]: tensor<2x32xi32>,
// CHECK-SAME: %[[CL:[^:]*]]: tensor<2xi32>,
// CHECK-SAME: %[[POS:[^:]*]]: tensor<2xi32>)
// CHECK: %[[O:.*]] = attn.paged_attention q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) block_tables(%[[BT]]) context_lens(%[[CL]]) positions(%[[POS]]) {rope = #attn.rope<theta = 1.000000e+04, dim = 64, style = interleaved>} : (tensor<2x8x128xbf16>, tensor<?x2x16x16x8xbf16>, tensor<?x2x128x16xbf16>, tensor<2x32xi32>, tensor<2xi32>, tensor<2xi32>) -> tensor<2x8x128xbf16>
// CHECK-NEXT: return %[[O]] : tensor<2x8x128xbf16>
func.func @rope_positions(%q: tensor<2x8x128xbf16>, %kc: tensor<?x2x16x16x8xbf16>,
                          %vc: tensor<?x2x128x16xbf16>, %bt: tensor<2x32xi32>,
                          %cl: tensor<2xi32>, %pos: tensor<2xi32>)
    -> tensor<2x8x128xbf16> {
  %o = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc)
      block_tables(%bt) context_lens(%cl) positions(%pos)
      {rope = #attn.rope<theta = 10000.0, dim = 64, style = interleaved>}
      : (tensor<2x8x128xbf16>, tensor<?x2x16x16x8xbf16>, tensor<?x2x128x16xbf16>,
         tensor<2x32xi32>, tensor<2xi32>, tensor<2xi32>) -> tensor<2x8x128xbf16>
  return %o : tensor<2x8x128xbf16>
}

// RoPE at the default position (the last key), neox style.
// CHECK-LABEL: func.func @rope_default_positions
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x8x128xbf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x2x16x16x8xbf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x2x128x16xbf16>,
// CHECK-SAME: %[[BT:[^:]*]]: tensor<2x32xi32>,
// CHECK-SAME: %[[CL:[^:]*]]: tensor<2xi32>)
// CHECK: %[[O:.*]] = attn.paged_attention q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) block_tables(%[[BT]]) context_lens(%[[CL]]) {rope = #attn.rope<theta = 5.000000e+05, dim = 128, style = neox>} : (tensor<2x8x128xbf16>, tensor<?x2x16x16x8xbf16>, tensor<?x2x128x16xbf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x128xbf16>
// CHECK-NEXT: return %[[O]] : tensor<2x8x128xbf16>
func.func @rope_default_positions(%q: tensor<2x8x128xbf16>,
                                  %kc: tensor<?x2x16x16x8xbf16>,
                                  %vc: tensor<?x2x128x16xbf16>,
                                  %bt: tensor<2x32xi32>, %cl: tensor<2xi32>)
    -> tensor<2x8x128xbf16> {
  %o = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc)
      block_tables(%bt) context_lens(%cl)
      {rope = #attn.rope<theta = 500000.0, dim = 128, style = neox>}
      : (tensor<2x8x128xbf16>, tensor<?x2x16x16x8xbf16>, tensor<?x2x128x16xbf16>,
         tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x128xbf16>
  return %o : tensor<2x8x128xbf16>
}

//===----------------------------------------------------------------------===//
// FP8.
//===----------------------------------------------------------------------===//

// bf16 queries over an FP8 cache (x = 16) with per-tensor descales.
// CHECK-LABEL: func.func @fp8_cache_per_tensor
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x32x128xbf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x8x8x16x16xf8E4M3FN>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x8x128x16xf8E4M3FN>,
// CHECK-SAME: %[[BT:[^:]*]]: tensor<2x32xi32>,
// CHECK-SAME: %[[CL:[^:]*]]: tensor<2xi32>,
// CHECK-SAME: %[[KS:[^:]*]]: tensor<f32>,
// CHECK-SAME: %[[VS:[^:]*]]: tensor<1xf32>)
// CHECK: %[[O:.*]] = attn.paged_attention q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) block_tables(%[[BT]]) context_lens(%[[CL]]) k_descale(%[[KS]]) v_descale(%[[VS]]) : (tensor<2x32x128xbf16>, tensor<?x8x8x16x16xf8E4M3FN>, tensor<?x8x128x16xf8E4M3FN>, tensor<2x32xi32>, tensor<2xi32>, tensor<f32>, tensor<1xf32>) -> tensor<2x32x128xbf16>
// CHECK-NEXT: return %[[O]] : tensor<2x32x128xbf16>
func.func @fp8_cache_per_tensor(%q: tensor<2x32x128xbf16>,
                                %kc: tensor<?x8x8x16x16xf8E4M3FN>,
                                %vc: tensor<?x8x128x16xf8E4M3FN>,
                                %bt: tensor<2x32xi32>, %cl: tensor<2xi32>,
                                %ks: tensor<f32>, %vs: tensor<1xf32>)
    -> tensor<2x32x128xbf16> {
  %o = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc)
      block_tables(%bt) context_lens(%cl) k_descale(%ks) v_descale(%vs)
      : (tensor<2x32x128xbf16>, tensor<?x8x8x16x16xf8E4M3FN>,
         tensor<?x8x128x16xf8E4M3FN>, tensor<2x32xi32>, tensor<2xi32>,
         tensor<f32>, tensor<1xf32>) -> tensor<2x32x128xbf16>
  return %o : tensor<2x32x128xbf16>
}

// FP8 queries and cache with per-head descales, LSE.
// CHECK-LABEL: func.func @fp8_per_head
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x32x128xf8E4M3FN>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x8x8x16x16xf8E4M3FN>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x8x128x16xf8E4M3FN>,
// CHECK-SAME: %[[BT:[^:]*]]: tensor<2x32xi32>,
// CHECK-SAME: %[[CL:[^:]*]]: tensor<2xi32>,
// CHECK-SAME: %[[QS:[^:]*]]: tensor<32xf32>,
// CHECK-SAME: %[[KS:[^:]*]]: tensor<8xf32>,
// CHECK-SAME: %[[VS:[^:]*]]: tensor<8xf32>)
// CHECK: %[[O:.*]], %[[LSE:.*]] = attn.paged_attention q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) block_tables(%[[BT]]) context_lens(%[[CL]]) q_descale(%[[QS]]) k_descale(%[[KS]]) v_descale(%[[VS]]) : (tensor<2x32x128xf8E4M3FN>, tensor<?x8x8x16x16xf8E4M3FN>, tensor<?x8x128x16xf8E4M3FN>, tensor<2x32xi32>, tensor<2xi32>, tensor<32xf32>, tensor<8xf32>, tensor<8xf32>) -> (tensor<2x32x128xf16>, tensor<2x32xf32>)
// CHECK-NEXT: return %[[O]], %[[LSE]] : tensor<2x32x128xf16>, tensor<2x32xf32>
func.func @fp8_per_head(%q: tensor<2x32x128xf8E4M3FN>,
                        %kc: tensor<?x8x8x16x16xf8E4M3FN>,
                        %vc: tensor<?x8x128x16xf8E4M3FN>, %bt: tensor<2x32xi32>,
                        %cl: tensor<2xi32>, %qs: tensor<32xf32>,
                        %ks: tensor<8xf32>, %vs: tensor<8xf32>)
    -> (tensor<2x32x128xf16>, tensor<2x32xf32>) {
  %o, %lse = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc)
      block_tables(%bt) context_lens(%cl)
      q_descale(%qs) k_descale(%ks) v_descale(%vs)
      : (tensor<2x32x128xf8E4M3FN>, tensor<?x8x8x16x16xf8E4M3FN>,
         tensor<?x8x128x16xf8E4M3FN>, tensor<2x32xi32>, tensor<2xi32>,
         tensor<32xf32>, tensor<8xf32>, tensor<8xf32>)
      -> (tensor<2x32x128xf16>, tensor<2x32xf32>)
  return %o, %lse : tensor<2x32x128xf16>, tensor<2x32xf32>
}

// FP8 everywhere, including the output (o_scale []).
// CHECK-LABEL: func.func @fp8_out
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x32x128xf8E4M3FN>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x8x8x16x16xf8E4M3FN>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x8x128x16xf8E4M3FN>,
// CHECK-SAME: %[[BT:[^:]*]]: tensor<2x32xi32>,
// CHECK-SAME: %[[CL:[^:]*]]: tensor<2xi32>,
// CHECK-SAME: %[[QS:[^:]*]]: tensor<f32>,
// CHECK-SAME: %[[KS:[^:]*]]: tensor<f32>,
// CHECK-SAME: %[[VS:[^:]*]]: tensor<f32>,
// CHECK-SAME: %[[OS:[^:]*]]: tensor<f32>)
// CHECK: %[[O:.*]] = attn.paged_attention q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) block_tables(%[[BT]]) context_lens(%[[CL]]) q_descale(%[[QS]]) k_descale(%[[KS]]) v_descale(%[[VS]]) o_scale(%[[OS]]) : (tensor<2x32x128xf8E4M3FN>, tensor<?x8x8x16x16xf8E4M3FN>, tensor<?x8x128x16xf8E4M3FN>, tensor<2x32xi32>, tensor<2xi32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<2x32x128xf8E4M3FN>
// CHECK-NEXT: return %[[O]] : tensor<2x32x128xf8E4M3FN>
func.func @fp8_out(%q: tensor<2x32x128xf8E4M3FN>, %kc: tensor<?x8x8x16x16xf8E4M3FN>,
                   %vc: tensor<?x8x128x16xf8E4M3FN>, %bt: tensor<2x32xi32>,
                   %cl: tensor<2xi32>, %qs: tensor<f32>, %ks: tensor<f32>,
                   %vs: tensor<f32>, %os: tensor<f32>)
    -> tensor<2x32x128xf8E4M3FN> {
  %o = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc)
      block_tables(%bt) context_lens(%cl)
      q_descale(%qs) k_descale(%ks) v_descale(%vs) o_scale(%os)
      : (tensor<2x32x128xf8E4M3FN>, tensor<?x8x8x16x16xf8E4M3FN>,
         tensor<?x8x128x16xf8E4M3FN>, tensor<2x32xi32>, tensor<2xi32>,
         tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>)
      -> tensor<2x32x128xf8E4M3FN>
  return %o : tensor<2x32x128xf8E4M3FN>
}

//===----------------------------------------------------------------------===//
// Regions.
//===----------------------------------------------------------------------===//

// score_mod and mask_mod with LSE.
// CHECK-LABEL: func.func @score_and_mask_mod
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x8x64xf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x2x8x16x8xf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x2x64x16xf16>,
// CHECK-SAME: %[[BT:[^:]*]]: tensor<2x32xi32>,
// CHECK-SAME: %[[CL:[^:]*]]: tensor<2xi32>)
// CHECK: %[[O:.*]], %[[LSE:.*]] = attn.paged_attention q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) block_tables(%[[BT]]) context_lens(%[[CL]]) score_mod {
// CHECK-NEXT: ^bb0(%[[S:[^:]*]]: f32, %[[B:[^:]*]]: index, %[[H:[^:]*]]: index, %[[QI:[^:]*]]: index, %[[KJ:[^:]*]]: index):
// CHECK-NEXT: %[[TWO:.*]] = arith.constant 2.000000e+00 : f32
// CHECK-NEXT: %[[R:.*]] = arith.mulf %[[S]], %[[TWO]] : f32
// CHECK-NEXT: attn.yield %[[R]] : f32
// CHECK-NEXT: } mask_mod {
// CHECK-NEXT: ^bb0(%[[B:[^:]*]]: index, %[[H:[^:]*]]: index, %[[QI:[^:]*]]: index, %[[KJ:[^:]*]]: index):
// CHECK-NEXT: %[[VIS:.*]] = arith.cmpi ne, %[[KJ]], %[[QI]] : index
// CHECK-NEXT: attn.yield %[[VIS]] : i1
// CHECK-NEXT: } : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> (tensor<2x8x64xf16>, tensor<2x8xf32>)
// CHECK-NEXT: return %[[O]], %[[LSE]] : tensor<2x8x64xf16>, tensor<2x8xf32>
func.func @score_and_mask_mod(%q: tensor<2x8x64xf16>, %kc: tensor<?x2x8x16x8xf16>,
                              %vc: tensor<?x2x64x16xf16>, %bt: tensor<2x32xi32>,
                              %cl: tensor<2xi32>)
    -> (tensor<2x8x64xf16>, tensor<2x8xf32>) {
  %o, %lse = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc)
      block_tables(%bt) context_lens(%cl) score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %qi: index, %kj: index):
    %two = arith.constant 2.0 : f32
    %r = arith.mulf %s, %two : f32
    attn.yield %r : f32
  } mask_mod {
  ^bb0(%b: index, %h: index, %qi: index, %kj: index):
    %vis = arith.cmpi ne, %kj, %qi : index
    attn.yield %vis : i1
  } : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>,
       tensor<2x32xi32>, tensor<2xi32>) -> (tensor<2x8x64xf16>, tensor<2x8xf32>)
  return %o, %lse : tensor<2x8x64xf16>, tensor<2x8xf32>
}

// score_mod alone.
// CHECK-LABEL: func.func @score_mod_only
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x8x64xf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x2x8x16x8xf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x2x64x16xf16>,
// CHECK-SAME: %[[BT:[^:]*]]: tensor<2x32xi32>,
// CHECK-SAME: %[[CL:[^:]*]]: tensor<2xi32>)
// CHECK: %[[O:.*]] = attn.paged_attention q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) block_tables(%[[BT]]) context_lens(%[[CL]]) score_mod {
// CHECK-NEXT: ^bb0(%[[S:[^:]*]]: f32, %[[B:[^:]*]]: index, %[[H:[^:]*]]: index, %[[QI:[^:]*]]: index, %[[KJ:[^:]*]]: index):
// CHECK-NEXT: attn.yield %[[S]] : f32
// CHECK-NEXT: } : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
// CHECK-NEXT: return %[[O]] : tensor<2x8x64xf16>
func.func @score_mod_only(%q: tensor<2x8x64xf16>, %kc: tensor<?x2x8x16x8xf16>,
                          %vc: tensor<?x2x64x16xf16>, %bt: tensor<2x32xi32>,
                          %cl: tensor<2xi32>) -> tensor<2x8x64xf16> {
  %o = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc)
      block_tables(%bt) context_lens(%cl) score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %qi: index, %kj: index):
    attn.yield %s : f32
  } : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>,
       tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %o : tensor<2x8x64xf16>
}

// mask_mod alone.
// CHECK-LABEL: func.func @mask_mod_only
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x8x64xf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x2x8x16x8xf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x2x64x16xf16>,
// CHECK-SAME: %[[BT:[^:]*]]: tensor<2x32xi32>,
// CHECK-SAME: %[[CL:[^:]*]]: tensor<2xi32>)
// CHECK: %[[O:.*]] = attn.paged_attention q(%[[Q]]) k_cache(%[[KC]]) v_cache(%[[VC]]) block_tables(%[[BT]]) context_lens(%[[CL]]) mask_mod {
// CHECK-NEXT: ^bb0(%[[B:[^:]*]]: index, %[[H:[^:]*]]: index, %[[QI:[^:]*]]: index, %[[KJ:[^:]*]]: index):
// CHECK-NEXT: %[[C64:.*]] = arith.constant 64 : index
// CHECK-NEXT: %[[LO:.*]] = arith.subi %[[QI]], %[[C64]] : index
// CHECK-NEXT: %[[VIS:.*]] = arith.cmpi sge, %[[KJ]], %[[LO]] : index
// CHECK-NEXT: attn.yield %[[VIS]] : i1
// CHECK-NEXT: } : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
// CHECK-NEXT: return %[[O]] : tensor<2x8x64xf16>
func.func @mask_mod_only(%q: tensor<2x8x64xf16>, %kc: tensor<?x2x8x16x8xf16>,
                         %vc: tensor<?x2x64x16xf16>, %bt: tensor<2x32xi32>,
                         %cl: tensor<2xi32>) -> tensor<2x8x64xf16> {
  %o = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc)
      block_tables(%bt) context_lens(%cl) mask_mod {
  ^bb0(%b: index, %h: index, %qi: index, %kj: index):
    %c64 = arith.constant 64 : index
    %lo = arith.subi %qi, %c64 : index
    %vis = arith.cmpi sge, %kj, %lo : index
    attn.yield %vis : i1
  } : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>,
       tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %o : tensor<2x8x64xf16>
}
