// RUN: attn-opt %s -split-input-file -verify-diagnostics

// Malformed attn.mla_decode ops: MLADecodeOp::verify, the shared attention
// checks and the score_mod/mask_mod region checks.
//
// Not reachable for this op: "number of query heads (..) must be a multiple
// of the number of key/value heads" (MLA has one latent KV head), and
// "RoPE rotary dim .. exceeds the query/key head dimension" and the shared
// 'v_descale' checks (rope and v_descale are rejected first).

//===----------------------------------------------------------------------===//
// Ranks.
//===----------------------------------------------------------------------===//

func.func @q_nope_rank4(%a0: tensor<2x1x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{'attn.mla_decode' op expects 'q_nope' of rank 3 ([B, H, Dc]), got 'tensor<2x1x16x512xbf16>'}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x1x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @q_pe_rank2(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x1024xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{expects 'q_pe' of rank 3 ([B, H, Dr]), got 'tensor<2x1024xbf16>'}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x1024xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @ckv_cache_rank4(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{expects 'ckv_cache' of rank 3 ([num_pages, page_size, Dc]), got 'tensor<?x1x1x512xbf16>'}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @kpe_cache_rank0(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<bf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{expects 'kpe_cache' of rank 3 ([num_pages, page_size, Dr]), got 'tensor<bf16>'}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<bf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

//===----------------------------------------------------------------------===//
// Heads, head dimensions and shapes.
//===----------------------------------------------------------------------===//

func.func @heads_dynamic(%a0: tensor<2x?x512xbf16>, %a1: tensor<2x?x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x?x512xbf16>) {
  // expected-error @+1 {{the number of heads (dimension 1 of 'q_nope') must be static}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x?x512xbf16>, tensor<2x?x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x?x512xbf16>
  return %r0 : tensor<2x?x512xbf16>
}

// -----

func.func @heads_zero(%a0: tensor<2x0x512xbf16>, %a1: tensor<2x0x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x0x512xbf16>) {
  // expected-error @+1 {{the number of heads (dimension 1 of 'q_nope') must be between 1 and 65536, got 0}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x0x512xbf16>, tensor<2x0x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x0x512xbf16>
  return %r0 : tensor<2x0x512xbf16>
}

// -----

func.func @q_nope_head_dim_dynamic(%a0: tensor<2x16x?xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x?xbf16>) {
  // expected-error @+1 {{the head dimension (dimension 2 of 'q_nope') must be static}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x?xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x?xbf16>
  return %r0 : tensor<2x16x?xbf16>
}

// -----

func.func @q_pe_head_dim_dynamic(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x?xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{the head dimension (dimension 2 of 'q_pe') must be static}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x?xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @all_dynamic(%a0: tensor<?x?x?xbf16>, %a1: tensor<?x?x?xbf16>, %a2: tensor<?x?x?xbf16>, %a3: tensor<?x?x?xbf16>, %a4: tensor<?xi32>, %a5: tensor<?xi32>, %a6: tensor<?xi32>) -> (tensor<?x?x?xbf16>) {
  // expected-error @+1 {{the number of heads (dimension 1 of 'q_nope') must be static}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<?x?x?xbf16>, tensor<?x?x?xbf16>, tensor<?x?x?xbf16>, tensor<?x?x?xbf16>, tensor<?xi32>, tensor<?xi32>, tensor<?xi32>) -> tensor<?x?x?xbf16>
  return %r0 : tensor<?x?x?xbf16>
}

// -----

func.func @q_nope_head_dim_too_large(%a0: tensor<2x16x2048xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x2048xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x2048xbf16>) {
  // expected-error @+1 {{head dimension 2048 of 'q_nope' is not supported (expected 1 to 1024)}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x2048xbf16>, tensor<2x16x64xbf16>, tensor<?x1x2048xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x2048xbf16>
  return %r0 : tensor<2x16x2048xbf16>
}

// -----

func.func @q_pe_head_dim_too_large(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x2048xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x2048xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{head dimension 2048 of 'q_pe' is not supported (expected 1 to 1024)}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x2048xbf16>, tensor<?x1x512xbf16>, tensor<?x1x2048xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @q_pe_head_dim_zero(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x0xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x0xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{head dimension 0 of 'q_pe' is not supported (expected 1 to 1024)}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x0xbf16>, tensor<?x1x512xbf16>, tensor<?x1x0xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @q_pe_batch(%a0: tensor<2x16x512xbf16>, %a1: tensor<3x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{dimension 0 of 'q_pe' (3) must equal the batch size of 'q_nope' (2)}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<3x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @q_pe_heads(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x8x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{dimension 1 of 'q_pe' (8) must equal the number of heads of 'q_nope' (16)}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x8x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @ckv_latent_dim(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x256xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{dimension 2 of 'ckv_cache' (256) must equal the latent dimension Dc of 'q_nope' (512)}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x256xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @kpe_rotary_dim(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x32xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{dimension 2 of 'kpe_cache' (32) must equal the rotary dimension Dr of 'q_pe' (64)}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x32xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @kpe_num_pages(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<128x1x512xbf16>, %a3: tensor<100x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{dimension 0 of 'kpe_cache' (100) must equal the number of pages of 'ckv_cache' (128)}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<128x1x512xbf16>, tensor<100x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @page_size_dynamic(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x?x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{the page size (dimension 1 of 'ckv_cache') must be static}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x?x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @kpe_page_size(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x64x512xbf16>, %a3: tensor<?x16x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{dimension 1 of 'kpe_cache' (16) must equal the page size of 'ckv_cache' (64)}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x64x512xbf16>, tensor<?x16x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

// A zero page size: tensor<4x0x512xbf16> is a legal tensor type.
func.func @page_size_zero(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<4x0x512xbf16>, %a3: tensor<4x0x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{page_size (dimension 1 of 'ckv_cache') must be positive, got 0}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<4x0x512xbf16>, tensor<4x0x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

//===----------------------------------------------------------------------===//
// Element types.
//===----------------------------------------------------------------------===//

func.func @q_nope_q_pe_types(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{'q_nope' and 'q_pe' must have the same element type}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @ckv_kpe_types(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xf32>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{'ckv_cache' and 'kpe_cache' must have the same element type}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xf32>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @q_nope_i8(%a0: tensor<2x16x512xi8>, %a1: tensor<2x16x64xi8>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{'q_nope' has unsupported element type 'i8' (expected f32, f16, bf16 or f8E4M3FN)}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xi8>, tensor<2x16x64xi8>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @q_nope_f64(%a0: tensor<2x16x512xf64>, %a1: tensor<2x16x64xf64>, %a2: tensor<?x1x512xf64>, %a3: tensor<?x1x64xf64>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xf64>) {
  // expected-error @+1 {{'q_nope' has unsupported element type 'f64' (expected f32, f16, bf16 or f8E4M3FN)}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xf64>, tensor<2x16x64xf64>, tensor<?x1x512xf64>, tensor<?x1x64xf64>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xf64>
  return %r0 : tensor<2x16x512xf64>
}

// -----

func.func @ckv_cache_f64(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xf64>, %a3: tensor<?x1x64xf64>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{'ckv_cache' has unsupported element type 'f64' (expected f32, f16, bf16 or f8E4M3FN)}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xf64>, tensor<?x1x64xf64>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @q_cache_types(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xf16>, %a3: tensor<?x1x64xf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{'q_nope' and 'ckv_cache' must have the same element type unless the keys are f8E4M3FN, got 'bf16' and 'f16'}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xf16>, tensor<?x1x64xf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

//===----------------------------------------------------------------------===//
// Options MLA rejects.
//===----------------------------------------------------------------------===//

func.func @rope_rejected(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{does not fuse RoPE: 'q_pe' and 'kpe_cache' already carry the rotary embedding}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {rope = #attn.rope<theta = 10000.0, dim = 64, style = interleaved>}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @rope_and_positions_rejected(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>, %a7: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{does not fuse RoPE: 'q_pe' and 'kpe_cache' already carry the rotary embedding}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) positions(%a7) {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @v_descale_rejected(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xf8E4M3FN>, %a3: tensor<?x1x64xf8E4M3FN>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>, %a7: tensor<f32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{takes no 'v_descale': the latent cache is both key and value and 'k_descale' dequantizes it}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) v_descale(%a7) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xf8E4M3FN>, tensor<?x1x64xf8E4M3FN>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>, tensor<f32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @v_descale_rejected_bf16(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>, %a7: tensor<f32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{takes no 'v_descale': the latent cache is both key and value and 'k_descale' dequantizes it}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) v_descale(%a7) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>, tensor<f32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

//===----------------------------------------------------------------------===//
// Page-table operands.
//===----------------------------------------------------------------------===//

func.func @kv_indptr_f32(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xf32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{expects 'kv_indptr' to be a 1-D tensor of i32 or i64, got 'tensor<3xf32>'}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xf32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @kv_indices_i16(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi16>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{expects 'kv_indices' to be a 1-D tensor of i32 or i64, got 'tensor<?xi16>'}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi16>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @kv_last_page_len_rank2(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2x1xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{expects 'kv_last_page_len' to be a 1-D tensor of i32 or i64, got 'tensor<2x1xi32>'}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2x1xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @kv_last_page_len_batch(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<3xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{dimension 0 of 'kv_last_page_len' (3) must equal the batch size from 'kv_indptr' (2)}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<3xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @kv_indptr_batch(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<2xi64>, %a5: tensor<?xi32>, %a6: tensor<?xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{'kv_indptr' has 2 elements but the batch size is 2 (expected B + 1 = 3)}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<2xi64>, tensor<?xi32>, tensor<?xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

//===----------------------------------------------------------------------===//
// Results (shared checks).
//===----------------------------------------------------------------------===//

// The output takes the latent dimension Dc, not Dc + Dr.
func.func @out_shape(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x576xbf16>) {
  // expected-error @+1 {{expects 'out' of shape query tokens x [Hq, Dv] = [2, 16, 512], got 'tensor<2x16x576xbf16>'}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x576xbf16>
  return %r0 : tensor<2x16x576xbf16>
}

// -----

func.func @out_rank(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x1x512xbf16>) {
  // expected-error @+1 {{expects 'out' of rank 3 (query tokens x [Hq, Dv]), got 'tensor<2x16x1x512xbf16>'}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x1x512xbf16>
  return %r0 : tensor<2x16x1x512xbf16>
}

// -----

func.func @out_i32(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xi32>) {
  // expected-error @+1 {{'out' has unsupported element type 'i32' (expected f32, f16, bf16 or f8E4M3FN)}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xi32>
  return %r0 : tensor<2x16x512xi32>
}

// -----

func.func @lse_with_sigmoid(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>, tensor<2x16xf32>) {
  // expected-error @+1 {{an 'lse' result requires the softmax normalizer, got sigmoid}}
  %r0, %r1 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32, normalizer = #attn.normalizer<sigmoid>}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> (tensor<2x16x512xbf16>, tensor<2x16xf32>)
  return %r0, %r1 : tensor<2x16x512xbf16>, tensor<2x16xf32>
}

// -----

func.func @lse_shape(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>, tensor<2x1xf32>) {
  // expected-error @+1 {{expects 'lse' of shape query tokens x [Hq] = [2, 16], got 'tensor<2x1xf32>'}}
  %r0, %r1 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> (tensor<2x16x512xbf16>, tensor<2x1xf32>)
  return %r0, %r1 : tensor<2x16x512xbf16>, tensor<2x1xf32>
}

// -----

func.func @lse_bf16(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>, tensor<2x16xbf16>) {
  // expected-error @+1 {{'lse' must have element type f32, got 'bf16'}}
  %r0, %r1 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> (tensor<2x16x512xbf16>, tensor<2x16xbf16>)
  return %r0, %r1 : tensor<2x16x512xbf16>, tensor<2x16xbf16>
}

// -----

//===----------------------------------------------------------------------===//
// Attributes.
//===----------------------------------------------------------------------===//

func.func @scale_zero(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{'scale' must be positive and finite, got 0.000000e+00}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @scale_negative(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{'scale' must be positive and finite, got -7.216878e-02}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = -0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @softcap_negative(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{'softcap' must be positive and finite, got -2.000000e+00}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32, softcap = -2.0 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @window_three(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{'window' must have 2 elements (left, right), got 3}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32, window = array<i64: 1, 1, 1>}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @window_bound(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{'window' bounds must be >= -1 (-1 = unbounded), got -7}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32, window = array<i64: -7, -1>}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @causal_with_right_bound(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{'causal' conflicts with the window's right bound 8 (causal means a right bound of 0)}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32, causal, window = array<i64: -1, 8>}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @sigmoid_bias_without_sigmoid(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{'sigmoid_bias' requires the sigmoid normalizer}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32, sigmoid_bias = 0.0 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @sigmoid_bias_inf(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{'sigmoid_bias' must be finite}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32, normalizer = #attn.normalizer<sigmoid>, sigmoid_bias = 0x7F800000 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

//===----------------------------------------------------------------------===//
// Optional operands.
//===----------------------------------------------------------------------===//

func.func @alibi_wrong_heads(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>, %a7: tensor<1xf32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{expects 'alibi_slopes' to be an f32 tensor of shape [Hq] or [B, Hq] with Hq = 16, got 'tensor<1xf32>'}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) alibi_slopes(%a7) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>, tensor<1xf32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @alibi_wrong_batch(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>, %a7: tensor<3x16xf32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{expects 'alibi_slopes' to be an f32 tensor of shape [Hq] or [B, Hq] with Hq = 16, got 'tensor<3x16xf32>'}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) alibi_slopes(%a7) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>, tensor<3x16xf32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @positions_without_rope(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>, %a7: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{'positions' are only meaningful with a 'rope' attribute}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) positions(%a7) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @q_descale_on_bf16(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>, %a7: tensor<f32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{'q_descale' requires 'q_nope' to be f8E4M3FN, got 'bf16'}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) q_descale(%a7) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>, tensor<f32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @k_descale_on_bf16(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>, %a7: tensor<f32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{'k_descale' requires 'ckv_cache' to be f8E4M3FN, got 'bf16'}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) k_descale(%a7) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>, tensor<f32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

// The latent cache has one KV head: a per-head k_descale has one element.
func.func @k_descale_per_head(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xf8E4M3FN>, %a3: tensor<?x1x64xf8E4M3FN>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>, %a7: tensor<16xf32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{expects 'k_descale' to be an f32 tensor of shape [] or [1], got 'tensor<16xf32>'}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) k_descale(%a7) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xf8E4M3FN>, tensor<?x1x64xf8E4M3FN>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>, tensor<16xf32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @o_scale_on_bf16(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>, %a7: tensor<f32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{'o_scale' requires an f8E4M3FN output, got 'bf16'}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) o_scale(%a7) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>, tensor<f32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @o_scale_shape(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>, %a7: tensor<16xf32>) -> (tensor<2x16x512xf8E4M3FN>) {
  // expected-error @+1 {{expects 'o_scale' to be an f32 tensor of shape [] or [1], got 'tensor<16xf32>'}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) o_scale(%a7) {scale = 0.0721687824 : f32}
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>, tensor<16xf32>) -> tensor<2x16x512xf8E4M3FN>
  return %r0 : tensor<2x16x512xf8E4M3FN>
}

// -----

//===----------------------------------------------------------------------===//
// score_mod and mask_mod regions.
//===----------------------------------------------------------------------===//

func.func @score_mod_wrong_signature(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{'score_mod' region must take (f32 score, index b, index h, index q_idx, index kv_idx), got ('bf16', 'index', 'index', 'index', 'index')}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32} score_mod {
  ^bb0(%s: bf16, %b: index, %h: index, %i: index, %j: index):
    %t = arith.extf %s : bf16 to f32
    attn.yield %t : f32
  }
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @score_mod_yields_nothing(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32} score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
    // expected-error @+1 {{'attn.yield' op in 'score_mod' must yield one 'f32' value}}
    attn.yield
  }
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @mask_mod_wrong_signature(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{'mask_mod' region must take (index b, index h, index q_idx, index kv_idx), got ('index', 'index', 'index', 'i64')}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32} mask_mod {
  ^bb0(%b: index, %h: index, %i: index, %j: i64):
    %t = arith.constant true
    attn.yield %t : i1
  }
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @mask_mod_yields_f32(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32} mask_mod {
  ^bb0(%b: index, %h: index, %i: index, %j: index):
    %c = arith.constant 0.0 : f32
    // expected-error @+1 {{'attn.yield' op in 'mask_mod' must yield one 'i1' value}}
    attn.yield %c : f32
  }
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @mask_mod_not_yield(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{'mask_mod' region must end with 'attn.yield'}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32} mask_mod {
  ^bb0(%b: index, %h: index, %i: index, %j: index):
    llvm.unreachable
  }
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @score_mod_two_blocks(%a0: tensor<2x16x512xbf16>, %a1: tensor<2x16x64xbf16>, %a2: tensor<?x1x512xbf16>, %a3: tensor<?x1x64xbf16>, %a4: tensor<3xi32>, %a5: tensor<?xi32>, %a6: tensor<2xi32>) -> (tensor<2x16x512xbf16>) {
  // expected-error @+1 {{'score_mod' region must have exactly one block}}
  %r0 = attn.mla_decode q_nope(%a0) q_pe(%a1) ckv_cache(%a2) kpe_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {scale = 0.0721687824 : f32} score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
    attn.yield %s : f32
  ^bb1(%t: f32):
    attn.yield %t : f32
  }
      : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %r0 : tensor<2x16x512xbf16>
}

// -----

func.func @mla_total_dim(%qn: tensor<2x16x1024xbf16>, %qp: tensor<2x16x64xbf16>, %ckv: tensor<?x1x1024xbf16>, %kpe: tensor<?x1x64xbf16>, %ip: tensor<3xi32>, %ix: tensor<?xi32>, %lp: tensor<2xi32>) -> tensor<2x16x1024xbf16> {
  // expected-error @+1 {{query/key head dimension Dc + Dr = 1088 is not supported (expected at most 1024)}}
  %o = attn.mla_decode q_nope(%qn) q_pe(%qp) ckv_cache(%ckv) kpe_cache(%kpe) kv_indptr(%ip) kv_indices(%ix) kv_last_page_len(%lp) {scale = 0.07 : f32}
      : (tensor<2x16x1024xbf16>, tensor<2x16x64xbf16>, tensor<?x1x1024xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x1024xbf16>
  return %o : tensor<2x16x1024xbf16>
}

// -----

func.func @mla_empty_indptr(%qn: tensor<?x16x512xbf16>, %qp: tensor<?x16x64xbf16>, %ckv: tensor<?x1x512xbf16>, %kpe: tensor<?x1x64xbf16>, %ip: tensor<0xi32>, %ix: tensor<?xi32>, %lp: tensor<?xi32>) -> tensor<?x16x512xbf16> {
  // expected-error @+1 {{'kv_indptr' must have at least one element (B + 1)}}
  %o = attn.mla_decode q_nope(%qn) q_pe(%qp) ckv_cache(%ckv) kpe_cache(%kpe) kv_indptr(%ip) kv_indices(%ix) kv_last_page_len(%lp) {scale = 0.07 : f32}
      : (tensor<?x16x512xbf16>, tensor<?x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<0xi32>, tensor<?xi32>, tensor<?xi32>) -> tensor<?x16x512xbf16>
  return %o : tensor<?x16x512xbf16>
}
