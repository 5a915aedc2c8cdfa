// RUN: attn-opt %s -split-input-file -verify-diagnostics

// Malformed attn.linear_attention ops: every diagnostic of
// LinearAttentionOp::verify, for the HSTU and Lightning kinds, dense and
// ragged.

//===----------------------------------------------------------------------===//
// Ranks and shapes of q, k and v.
//===----------------------------------------------------------------------===//

func.func @dense_q_rank3(%a0: tensor<256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{'attn.linear_attention' op expects 'q' of rank 4 (dense: [B, S, H, D]), got 'tensor<256x4x64xbf16>'}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) {kind = #attn.linear_kind<hstu>}
      : (tensor<256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @dense_k_rank(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x256xbf16>, %a2: tensor<2x256x4x64xbf16>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{expects 'k' of rank 4 (dense: [B, S, H, D]), got 'tensor<2x256x256xbf16>'}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) {kind = #attn.linear_kind<hstu>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x256xbf16>, tensor<2x256x4x64xbf16>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @dense_v_rank(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<bf16>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{expects 'v' of rank 4 (dense: [B, S, H, Dv]), got 'tensor<bf16>'}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) {kind = #attn.linear_kind<hstu>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<bf16>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @ragged_q_rank4(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>, %a3: tensor<3xi32>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{expects 'q' of rank 3 (ragged: [T, H, D]), got 'tensor<2x256x4x64xbf16>'}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) cu_seqlens(%a3) {kind = #attn.linear_kind<hstu>, silu_norm = 256 : i64}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<3xi32>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @heads_dynamic(%a0: tensor<2x256x?x64xbf16>, %a1: tensor<2x256x?x64xbf16>, %a2: tensor<2x256x?x64xbf16>) -> (tensor<2x256x?x64xbf16>) {
  // expected-error @+1 {{the number of heads (dimension 2 of 'q') must be static}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) {kind = #attn.linear_kind<hstu>}
      : (tensor<2x256x?x64xbf16>, tensor<2x256x?x64xbf16>, tensor<2x256x?x64xbf16>) -> tensor<2x256x?x64xbf16>
  return %r0 : tensor<2x256x?x64xbf16>
}

// -----

func.func @heads_zero(%a0: tensor<?x0x64xbf16>, %a1: tensor<?x0x64xbf16>, %a2: tensor<?x0x64xbf16>, %a3: tensor<3xi32>) -> (tensor<?x0x64xbf16>) {
  // expected-error @+1 {{the number of heads (dimension 1 of 'q') must be between 1 and 65536, got 0}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) cu_seqlens(%a3) {kind = #attn.linear_kind<hstu>, silu_norm = 256 : i64}
      : (tensor<?x0x64xbf16>, tensor<?x0x64xbf16>, tensor<?x0x64xbf16>, tensor<3xi32>) -> tensor<?x0x64xbf16>
  return %r0 : tensor<?x0x64xbf16>
}

// -----

func.func @q_head_dim_dynamic(%a0: tensor<2x256x4x?xbf16>, %a1: tensor<2x256x4x?xbf16>, %a2: tensor<2x256x4x64xbf16>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{the head dimension (dimension 3 of 'q') must be static}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) {kind = #attn.linear_kind<hstu>}
      : (tensor<2x256x4x?xbf16>, tensor<2x256x4x?xbf16>, tensor<2x256x4x64xbf16>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @v_head_dim_dynamic(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x?xbf16>) -> (tensor<2x256x4x?xbf16>) {
  // expected-error @+1 {{the head dimension (dimension 3 of 'v') must be static}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) {kind = #attn.linear_kind<hstu>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x?xbf16>) -> tensor<2x256x4x?xbf16>
  return %r0 : tensor<2x256x4x?xbf16>
}

// -----

func.func @all_dynamic(%a0: tensor<?x?x?x?xbf16>, %a1: tensor<?x?x?x?xbf16>, %a2: tensor<?x?x?x?xbf16>) -> (tensor<?x?x?x?xbf16>) {
  // expected-error @+1 {{the number of heads (dimension 2 of 'q') must be static}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) {kind = #attn.linear_kind<hstu>}
      : (tensor<?x?x?x?xbf16>, tensor<?x?x?x?xbf16>, tensor<?x?x?x?xbf16>) -> tensor<?x?x?x?xbf16>
  return %r0 : tensor<?x?x?x?xbf16>
}

// -----

func.func @q_head_dim_too_large(%a0: tensor<2x256x4x2048xbf16>, %a1: tensor<2x256x4x2048xbf16>, %a2: tensor<2x256x4x64xbf16>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{head dimension 2048 of 'q' is not supported (expected 1 to 1024)}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) {kind = #attn.linear_kind<hstu>}
      : (tensor<2x256x4x2048xbf16>, tensor<2x256x4x2048xbf16>, tensor<2x256x4x64xbf16>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @v_head_dim_too_large(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x2048xbf16>) -> (tensor<2x256x4x2048xbf16>) {
  // expected-error @+1 {{head dimension 2048 of 'v' is not supported (expected 1 to 1024)}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) {kind = #attn.linear_kind<hstu>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x2048xbf16>) -> tensor<2x256x4x2048xbf16>
  return %r0 : tensor<2x256x4x2048xbf16>
}

// -----

func.func @k_batch_mismatch(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<3x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{dimension 0 of 'k' (3) must equal the matching dimension of 'q' (2)}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) {kind = #attn.linear_kind<hstu>}
      : (tensor<2x256x4x64xbf16>, tensor<3x256x4x64xbf16>, tensor<2x256x4x64xbf16>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @v_seq_mismatch(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x128x4x64xbf16>) -> (tensor<2x128x4x64xbf16>) {
  // expected-error @+1 {{dimension 1 of 'v' (128) must equal the matching dimension of 'q' (256)}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) {kind = #attn.linear_kind<hstu>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x128x4x64xbf16>) -> tensor<2x128x4x64xbf16>
  return %r0 : tensor<2x128x4x64xbf16>
}

// -----

func.func @ragged_k_tokens_mismatch(%a0: tensor<100x4x64xbf16>, %a1: tensor<99x4x64xbf16>, %a2: tensor<100x4x64xbf16>, %a3: tensor<3xi32>) -> (tensor<100x4x64xbf16>) {
  // expected-error @+1 {{dimension 0 of 'k' (99) must equal the matching dimension of 'q' (100)}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) cu_seqlens(%a3) {kind = #attn.linear_kind<hstu>, silu_norm = 64 : i64}
      : (tensor<100x4x64xbf16>, tensor<99x4x64xbf16>, tensor<100x4x64xbf16>, tensor<3xi32>) -> tensor<100x4x64xbf16>
  return %r0 : tensor<100x4x64xbf16>
}

// -----

// Linear attention has no GQA: k has q's heads.
func.func @k_heads_mismatch(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x2x64xbf16>, %a2: tensor<2x256x4x64xbf16>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{dimension 2 of 'k' (2) must equal the number of heads of 'q' (4)}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) {kind = #attn.linear_kind<hstu>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x2x64xbf16>, tensor<2x256x4x64xbf16>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @v_heads_mismatch(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x8x64xbf16>) -> (tensor<2x256x8x64xbf16>) {
  // expected-error @+1 {{dimension 2 of 'v' (8) must equal the number of heads of 'q' (4)}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) {kind = #attn.linear_kind<hstu>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x8x64xbf16>) -> tensor<2x256x8x64xbf16>
  return %r0 : tensor<2x256x8x64xbf16>
}

// -----

func.func @k_head_dim_mismatch(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x128xbf16>, %a2: tensor<2x256x4x64xbf16>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{dimension 3 of 'k' (128) must equal the head dimension of 'q' (64)}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) {kind = #attn.linear_kind<hstu>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x128xbf16>, tensor<2x256x4x64xbf16>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

//===----------------------------------------------------------------------===//
// Element types and the result.
//===----------------------------------------------------------------------===//

func.func @q_i8(%a0: tensor<2x256x4x64xi8>, %a1: tensor<2x256x4x64xi8>, %a2: tensor<2x256x4x64xi8>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{'q' has unsupported element type 'i8' (expected f32, f16 or bf16)}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) {kind = #attn.linear_kind<hstu>}
      : (tensor<2x256x4x64xi8>, tensor<2x256x4x64xi8>, tensor<2x256x4x64xi8>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

// No FP8 for linear attention.
func.func @q_fp8(%a0: tensor<2x256x4x64xf8E4M3FN>, %a1: tensor<2x256x4x64xf8E4M3FN>, %a2: tensor<2x256x4x64xf8E4M3FN>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{'q' has unsupported element type 'f8E4M3FN' (expected f32, f16 or bf16)}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) {kind = #attn.linear_kind<hstu>}
      : (tensor<2x256x4x64xf8E4M3FN>, tensor<2x256x4x64xf8E4M3FN>, tensor<2x256x4x64xf8E4M3FN>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @q_f64(%a0: tensor<2x256x4x64xf64>, %a1: tensor<2x256x4x64xf64>, %a2: tensor<2x256x4x64xf64>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{'q' has unsupported element type 'f64' (expected f32, f16 or bf16)}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) {kind = #attn.linear_kind<hstu>}
      : (tensor<2x256x4x64xf64>, tensor<2x256x4x64xf64>, tensor<2x256x4x64xf64>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @out_i8(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>) -> (tensor<2x256x4x64xi8>) {
  // expected-error @+1 {{'out' has unsupported element type 'i8' (expected f32, f16 or bf16)}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) {kind = #attn.linear_kind<hstu>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>) -> tensor<2x256x4x64xi8>
  return %r0 : tensor<2x256x4x64xi8>
}

// -----

func.func @k_type_mismatch(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xf16>, %a2: tensor<2x256x4x64xbf16>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{'q', 'k' and 'v' must have the same element type}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) {kind = #attn.linear_kind<hstu>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xf16>, tensor<2x256x4x64xbf16>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @v_type_mismatch(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xf32>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{'q', 'k' and 'v' must have the same element type}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) {kind = #attn.linear_kind<hstu>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xf32>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @out_shape(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x32xbf16>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{expects 'out' of shape the shape of 'v' = [2, 256, 4, 32], got 'tensor<2x256x4x64xbf16>'}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) {kind = #attn.linear_kind<hstu>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x32xbf16>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @out_rank(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>) -> (tensor<2x256x256xbf16>) {
  // expected-error @+1 {{expects 'out' of rank 4 (the shape of 'v'), got 'tensor<2x256x256xbf16>'}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) {kind = #attn.linear_kind<hstu>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>) -> tensor<2x256x256xbf16>
  return %r0 : tensor<2x256x256xbf16>
}

// -----

func.func @scale_zero(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{'scale' must be positive and finite, got 0.000000e+00}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) {kind = #attn.linear_kind<hstu>, scale = 0.0 : f32}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @scale_negative(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>, %a3: tensor<4xf32>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{'scale' must be positive and finite, got -1.000000e+00}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) decay(%a3) {causal, kind = #attn.linear_kind<lightning>, scale = -1.0 : f32}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<4xf32>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

//===----------------------------------------------------------------------===//
// cu_seqlens.
//===----------------------------------------------------------------------===//

func.func @cu_seqlens_f32(%a0: tensor<?x4x64xbf16>, %a1: tensor<?x4x64xbf16>, %a2: tensor<?x4x64xbf16>, %a3: tensor<3xf32>) -> (tensor<?x4x64xbf16>) {
  // expected-error @+1 {{expects 'cu_seqlens' to be a 1-D tensor of i32 or i64, got 'tensor<3xf32>'}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) cu_seqlens(%a3) {kind = #attn.linear_kind<hstu>, silu_norm = 256 : i64}
      : (tensor<?x4x64xbf16>, tensor<?x4x64xbf16>, tensor<?x4x64xbf16>, tensor<3xf32>) -> tensor<?x4x64xbf16>
  return %r0 : tensor<?x4x64xbf16>
}

// -----

func.func @cu_seqlens_i16(%a0: tensor<?x4x64xbf16>, %a1: tensor<?x4x64xbf16>, %a2: tensor<?x4x64xbf16>, %a3: tensor<3xi16>) -> (tensor<?x4x64xbf16>) {
  // expected-error @+1 {{expects 'cu_seqlens' to be a 1-D tensor of i32 or i64, got 'tensor<3xi16>'}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) cu_seqlens(%a3) {kind = #attn.linear_kind<hstu>, silu_norm = 256 : i64}
      : (tensor<?x4x64xbf16>, tensor<?x4x64xbf16>, tensor<?x4x64xbf16>, tensor<3xi16>) -> tensor<?x4x64xbf16>
  return %r0 : tensor<?x4x64xbf16>
}

// -----

func.func @cu_seqlens_empty(%a0: tensor<?x4x64xbf16>, %a1: tensor<?x4x64xbf16>, %a2: tensor<?x4x64xbf16>, %a3: tensor<0xi64>) -> (tensor<?x4x64xbf16>) {
  // expected-error @+1 {{'cu_seqlens' must have at least one element (B + 1)}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) cu_seqlens(%a3) {kind = #attn.linear_kind<hstu>, silu_norm = 256 : i64}
      : (tensor<?x4x64xbf16>, tensor<?x4x64xbf16>, tensor<?x4x64xbf16>, tensor<0xi64>) -> tensor<?x4x64xbf16>
  return %r0 : tensor<?x4x64xbf16>
}

// -----

//===----------------------------------------------------------------------===//
// HSTU.
//===----------------------------------------------------------------------===//

func.func @hstu_with_decay(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>, %a3: tensor<4xf32>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{'decay', 'initial_state' and the final state belong to kind lightning, not hstu}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) decay(%a3) {kind = #attn.linear_kind<hstu>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<4xf32>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @hstu_with_initial_state(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>, %a3: tensor<2x4x64x64xf32>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{'decay', 'initial_state' and the final state belong to kind lightning, not hstu}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) initial_state(%a3) {kind = #attn.linear_kind<hstu>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x4x64x64xf32>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @hstu_with_final_state(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>) -> (tensor<2x256x4x64xbf16>, tensor<2x4x64x64xf32>) {
  // expected-error @+1 {{'decay', 'initial_state' and the final state belong to kind lightning, not hstu}}
  %r0, %r1 = attn.linear_attention q(%a0) k(%a1) v(%a2) {kind = #attn.linear_kind<hstu>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>) -> (tensor<2x256x4x64xbf16>, tensor<2x4x64x64xf32>)
  return %r0, %r1 : tensor<2x256x4x64xbf16>, tensor<2x4x64x64xf32>
}

// -----

func.func @silu_norm_zero(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{'silu_norm' must be positive, got 0}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) {kind = #attn.linear_kind<hstu>, silu_norm = 0 : i64}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @silu_norm_negative(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{'silu_norm' must be positive, got -256}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) {kind = #attn.linear_kind<hstu>, silu_norm = -256 : i64}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @silu_norm_i32(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{attribute 'silu_norm' failed to satisfy constraint: 64-bit signless integer attribute}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) {kind = #attn.linear_kind<hstu>, silu_norm = 256 : i32}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @bias_rank3(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>, %a3: tensor<4x256x256xf32>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{expects 'bias' of rank 4 ([B, H, L, L]), got 'tensor<4x256x256xf32>'}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) bias(%a3) {kind = #attn.linear_kind<hstu>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<4x256x256xf32>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @bias_i8(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>, %a3: tensor<2x4x256x256xi8>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{'bias' has unsupported element type 'i8' (expected f32, f16 or bf16)}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) bias(%a3) {kind = #attn.linear_kind<hstu>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x4x256x256xi8>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @bias_batch(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>, %a3: tensor<1x4x256x256xf32>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{dimension 0 of 'bias' (1) must equal the batch size (2)}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) bias(%a3) {kind = #attn.linear_kind<hstu>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<1x4x256x256xf32>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

// The ragged batch size comes from cu_seqlens: B = 3 - 1.
func.func @bias_ragged_batch(%a0: tensor<?x4x64xbf16>, %a1: tensor<?x4x64xbf16>, %a2: tensor<?x4x64xbf16>, %a3: tensor<3xi32>, %a4: tensor<4x4x512x512xbf16>) -> (tensor<?x4x64xbf16>) {
  // expected-error @+1 {{dimension 0 of 'bias' (4) must equal the batch size (2)}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) cu_seqlens(%a3) bias(%a4) {kind = #attn.linear_kind<hstu>, silu_norm = 512 : i64}
      : (tensor<?x4x64xbf16>, tensor<?x4x64xbf16>, tensor<?x4x64xbf16>, tensor<3xi32>, tensor<4x4x512x512xbf16>) -> tensor<?x4x64xbf16>
  return %r0 : tensor<?x4x64xbf16>
}

// -----

func.func @bias_heads(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>, %a3: tensor<2x8x256x256xf32>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{dimension 1 of 'bias' (8) must equal the number of heads (4)}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) bias(%a3) {kind = #attn.linear_kind<hstu>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x8x256x256xf32>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @bias_not_square(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>, %a3: tensor<2x4x256x128xf32>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{dimension 3 of 'bias' (128) must equal its dimension 2 (L) (256)}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) bias(%a3) {kind = #attn.linear_kind<hstu>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x4x256x128xf32>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @bias_too_short(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>, %a3: tensor<2x4x128x128xf32>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{'bias' covers 128 positions but the sequences have 256}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) bias(%a3) {kind = #attn.linear_kind<hstu>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x4x128x128xf32>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

//===----------------------------------------------------------------------===//
// Lightning.
//===----------------------------------------------------------------------===//

func.func @lightning_with_bias(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>, %a3: tensor<2x4x256x256xf32>, %a4: tensor<4xf32>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{'bias' and 'silu_norm' belong to kind hstu, not lightning}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) bias(%a3) decay(%a4) {causal, kind = #attn.linear_kind<lightning>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x4x256x256xf32>, tensor<4xf32>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @lightning_with_silu_norm(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>, %a3: tensor<4xf32>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{'bias' and 'silu_norm' belong to kind hstu, not lightning}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) decay(%a3) {causal, kind = #attn.linear_kind<lightning>, silu_norm = 256 : i64}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<4xf32>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @lightning_without_causal(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>, %a3: tensor<4xf32>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{lightning attention is causal by construction; add the 'causal' attribute}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) decay(%a3) {kind = #attn.linear_kind<lightning>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<4xf32>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @lightning_without_decay(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{lightning attention requires per-head 'decay' rates}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) {causal, kind = #attn.linear_kind<lightning>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @decay_wrong_heads(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>, %a3: tensor<8xf32>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{expects 'decay' of shape [H] = [4], got 'tensor<8xf32>'}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) decay(%a3) {causal, kind = #attn.linear_kind<lightning>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<8xf32>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @decay_rank2(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>, %a3: tensor<2x4xf32>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{expects 'decay' of rank 1 ([H]), got 'tensor<2x4xf32>'}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) decay(%a3) {causal, kind = #attn.linear_kind<lightning>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x4xf32>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @decay_bf16(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>, %a3: tensor<4xbf16>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{'decay' must have element type f32, got 'bf16'}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) decay(%a3) {causal, kind = #attn.linear_kind<lightning>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<4xbf16>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @initial_state_shape(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>, %a3: tensor<4xf32>, %a4: tensor<2x4x64x32xf32>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{expects 'initial_state' of shape [B, H, D, Dv] = [2, 4, 64, 64], got 'tensor<2x4x64x32xf32>'}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) decay(%a3) initial_state(%a4) {causal, kind = #attn.linear_kind<lightning>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<4xf32>, tensor<2x4x64x32xf32>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @initial_state_rank(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>, %a3: tensor<4xf32>, %a4: tensor<4x64x64xf32>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{expects 'initial_state' of rank 4 ([B, H, D, Dv]), got 'tensor<4x64x64xf32>'}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) decay(%a3) initial_state(%a4) {causal, kind = #attn.linear_kind<lightning>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<4xf32>, tensor<4x64x64xf32>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @initial_state_bf16(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>, %a3: tensor<4xf32>, %a4: tensor<2x4x64x64xbf16>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{'initial_state' must have element type f32, got 'bf16'}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) decay(%a3) initial_state(%a4) {causal, kind = #attn.linear_kind<lightning>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<4xf32>, tensor<2x4x64x64xbf16>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @final_state_shape(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>, %a3: tensor<4xf32>) -> (tensor<2x256x4x64xbf16>, tensor<1x4x64x64xf32>) {
  // expected-error @+1 {{expects 'final_state' of shape [B, H, D, Dv] = [2, 4, 64, 64], got 'tensor<1x4x64x64xf32>'}}
  %r0, %r1 = attn.linear_attention q(%a0) k(%a1) v(%a2) decay(%a3) {causal, kind = #attn.linear_kind<lightning>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<4xf32>) -> (tensor<2x256x4x64xbf16>, tensor<1x4x64x64xf32>)
  return %r0, %r1 : tensor<2x256x4x64xbf16>, tensor<1x4x64x64xf32>
}

// -----

func.func @final_state_f16(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>, %a3: tensor<4xf32>) -> (tensor<2x256x4x64xbf16>, tensor<2x4x64x64xf16>) {
  // expected-error @+1 {{'final_state' must have element type f32, got 'f16'}}
  %r0, %r1 = attn.linear_attention q(%a0) k(%a1) v(%a2) decay(%a3) {causal, kind = #attn.linear_kind<lightning>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<4xf32>) -> (tensor<2x256x4x64xbf16>, tensor<2x4x64x64xf16>)
  return %r0, %r1 : tensor<2x256x4x64xbf16>, tensor<2x4x64x64xf16>
}

// -----

// The ragged batch size comes from cu_seqlens: B = 5 - 1.
func.func @ragged_state_batch(%a0: tensor<?x4x64xbf16>, %a1: tensor<?x4x64xbf16>, %a2: tensor<?x4x32xbf16>, %a3: tensor<5xi32>, %a4: tensor<4xf32>) -> (tensor<?x4x32xbf16>, tensor<2x4x64x32xf32>) {
  // expected-error @+1 {{expects 'final_state' of shape [B, H, D, Dv] = [4, 4, 64, 32], got 'tensor<2x4x64x32xf32>'}}
  %r0, %r1 = attn.linear_attention q(%a0) k(%a1) v(%a2) cu_seqlens(%a3) decay(%a4) {causal, kind = #attn.linear_kind<lightning>}
      : (tensor<?x4x64xbf16>, tensor<?x4x64xbf16>, tensor<?x4x32xbf16>, tensor<5xi32>, tensor<4xf32>) -> (tensor<?x4x32xbf16>, tensor<2x4x64x32xf32>)
  return %r0, %r1 : tensor<?x4x32xbf16>, tensor<2x4x64x32xf32>
}

// -----

//===----------------------------------------------------------------------===//
// ODS-level constraints.
//===----------------------------------------------------------------------===//

func.func @missing_kind(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{'attn.linear_attention' op requires attribute 'kind'}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) {causal}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @unknown_kind(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+2 {{failed to parse Attn_LinearKindAttr parameter 'value' which is to be a `::mlir::attn::LinearKind`}}
  // expected-error @+1 {{expected ::mlir::attn::LinearKind to be one of: hstu, lightning}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) {kind = #attn.linear_kind<mamba>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @three_results(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>, %a3: tensor<4xf32>) -> (tensor<2x256x4x64xbf16>, tensor<2x4x64x64xf32>, tensor<2x4x64x64xf32>) {
  // expected-error @+1 {{'attn.linear_attention' op result group starting at #1 requires 0 or 1 element, but found 2}}
  %r0, %r1, %r2 = attn.linear_attention q(%a0) k(%a1) v(%a2) decay(%a3) {causal, kind = #attn.linear_kind<lightning>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<4xf32>) -> (tensor<2x256x4x64xbf16>, tensor<2x4x64x64xf32>, tensor<2x4x64x64xf32>)
  return %r0, %r1, %r2 : tensor<2x256x4x64xbf16>, tensor<2x4x64x64xf32>, tensor<2x4x64x64xf32>
}
