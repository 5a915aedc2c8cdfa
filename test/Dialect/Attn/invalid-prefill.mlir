// RUN: attn-opt %s -split-input-file -verify-diagnostics

// Malformed attn.prefill ops: every diagnostic of PrefillOp::verify, the
// shared attention checks (verifyAttentionCommon) and the score_mod/mask_mod
// region checks, on the dense, ragged and fused-QKV forms.

//===----------------------------------------------------------------------===//
// Operand structure: q/k/v versus fused qkv, dense versus ragged.
//===----------------------------------------------------------------------===//

func.func @qkv_with_q(%qkv: tensor<2x16x512xf16>, %q: tensor<2x16x4x64xf16>) -> tensor<2x16x4x64xf16> {
  // expected-error @+1 {{'attn.prefill' op takes either 'q', 'k' and 'v' or one fused 'qkv', not both}}
  %o = attn.prefill q(%q) qkv(%qkv) {qkv_heads = array<i64: 4, 2>}
      : (tensor<2x16x4x64xf16>, tensor<2x16x512xf16>) -> tensor<2x16x4x64xf16>
  return %o : tensor<2x16x4x64xf16>
}

// -----

func.func @qkv_with_q_k_v(%qkv: tensor<2x16x512xf16>, %q: tensor<2x16x4x64xf16>, %k: tensor<2x16x2x64xf16>) -> tensor<2x16x4x64xf16> {
  // expected-error @+1 {{takes either 'q', 'k' and 'v' or one fused 'qkv', not both}}
  %o = attn.prefill q(%q) k(%k) v(%k) qkv(%qkv) {qkv_heads = array<i64: 4, 2>}
      : (tensor<2x16x4x64xf16>, tensor<2x16x2x64xf16>, tensor<2x16x2x64xf16>, tensor<2x16x512xf16>) -> tensor<2x16x4x64xf16>
  return %o : tensor<2x16x4x64xf16>
}

// -----

func.func @qkv_with_cu_seqlens_k(%qkv: tensor<?x512xf16>, %cu: tensor<3xi32>) -> tensor<?x4x64xf16> {
  // expected-error @+1 {{a fused 'qkv' shares 'cu_seqlens_q' between queries and keys; remove 'cu_seqlens_k'}}
  %o = attn.prefill qkv(%qkv) cu_seqlens_q(%cu) cu_seqlens_k(%cu) {qkv_heads = array<i64: 4, 2>}
      : (tensor<?x512xf16>, tensor<3xi32>, tensor<3xi32>) -> tensor<?x4x64xf16>
  return %o : tensor<?x4x64xf16>
}

// -----

func.func @qkv_with_only_cu_seqlens_k(%qkv: tensor<2x16x512xf16>, %cu: tensor<3xi32>) -> tensor<2x16x4x64xf16> {
  // expected-error @+1 {{a fused 'qkv' shares 'cu_seqlens_q' between queries and keys; remove 'cu_seqlens_k'}}
  %o = attn.prefill qkv(%qkv) cu_seqlens_k(%cu) {qkv_heads = array<i64: 4, 2>}
      : (tensor<2x16x512xf16>, tensor<3xi32>) -> tensor<2x16x4x64xf16>
  return %o : tensor<2x16x4x64xf16>
}

// -----

func.func @qkv_without_heads(%qkv: tensor<2x16x512xf16>) -> tensor<2x16x4x64xf16> {
  // expected-error @+1 {{a fused 'qkv' requires 'qkv_heads = array<i64: Hq, Hkv>'}}
  %o = attn.prefill qkv(%qkv) : (tensor<2x16x512xf16>) -> tensor<2x16x4x64xf16>
  return %o : tensor<2x16x4x64xf16>
}

// -----

func.func @qkv_heads_one_element(%qkv: tensor<2x16x512xf16>) -> tensor<2x16x4x64xf16> {
  // expected-error @+1 {{'qkv_heads' must be two head counts [Hq, Hkv] between 1 and 65536}}
  %o = attn.prefill qkv(%qkv) {qkv_heads = array<i64: 4>} : (tensor<2x16x512xf16>) -> tensor<2x16x4x64xf16>
  return %o : tensor<2x16x4x64xf16>
}

// -----

func.func @qkv_heads_three_elements(%qkv: tensor<2x16x512xf16>) -> tensor<2x16x4x64xf16> {
  // expected-error @+1 {{'qkv_heads' must be two head counts [Hq, Hkv] between 1 and 65536}}
  %o = attn.prefill qkv(%qkv) {qkv_heads = array<i64: 4, 2, 2>} : (tensor<2x16x512xf16>) -> tensor<2x16x4x64xf16>
  return %o : tensor<2x16x4x64xf16>
}

// -----

func.func @qkv_heads_empty(%qkv: tensor<2x16x512xf16>) -> tensor<2x16x4x64xf16> {
  // expected-error @+1 {{'qkv_heads' must be two head counts [Hq, Hkv] between 1 and 65536}}
  %o = attn.prefill qkv(%qkv) {qkv_heads = array<i64>} : (tensor<2x16x512xf16>) -> tensor<2x16x4x64xf16>
  return %o : tensor<2x16x4x64xf16>
}

// -----

func.func @qkv_heads_zero(%qkv: tensor<2x16x512xf16>) -> tensor<2x16x4x64xf16> {
  // expected-error @+1 {{'qkv_heads' must be two head counts [Hq, Hkv] between 1 and 65536}}
  %o = attn.prefill qkv(%qkv) {qkv_heads = array<i64: 8, 0>} : (tensor<2x16x512xf16>) -> tensor<2x16x4x64xf16>
  return %o : tensor<2x16x4x64xf16>
}

// -----

func.func @qkv_heads_negative(%qkv: tensor<2x16x512xf16>) -> tensor<2x16x4x64xf16> {
  // expected-error @+1 {{'qkv_heads' must be two head counts [Hq, Hkv] between 1 and 65536}}
  %o = attn.prefill qkv(%qkv) {qkv_heads = array<i64: -4, 6>} : (tensor<2x16x512xf16>) -> tensor<2x16x4x64xf16>
  return %o : tensor<2x16x4x64xf16>
}

// -----

func.func @qkv_dense_rank(%qkv: tensor<32x512xf16>) -> tensor<32x4x64xf16> {
  // expected-error @+1 {{expects 'qkv' of rank 3 (dense: [B, S, (Hq + 2 Hkv) * D]), got 'tensor<32x512xf16>'}}
  %o = attn.prefill qkv(%qkv) {qkv_heads = array<i64: 4, 2>} : (tensor<32x512xf16>) -> tensor<32x4x64xf16>
  return %o : tensor<32x4x64xf16>
}

// -----

func.func @qkv_ragged_rank(%qkv: tensor<2x16x512xf16>, %cu: tensor<3xi32>) -> tensor<2x16x4x64xf16> {
  // expected-error @+1 {{expects 'qkv' of rank 2 (ragged: [T, (Hq + 2 Hkv) * D]), got 'tensor<2x16x512xf16>'}}
  %o = attn.prefill qkv(%qkv) cu_seqlens_q(%cu) {qkv_heads = array<i64: 4, 2>}
      : (tensor<2x16x512xf16>, tensor<3xi32>) -> tensor<2x16x4x64xf16>
  return %o : tensor<2x16x4x64xf16>
}

// -----

func.func @qkv_rank0(%qkv: tensor<f16>) -> tensor<2x16x4x64xf16> {
  // expected-error @+1 {{expects 'qkv' of rank 3 (dense: [B, S, (Hq + 2 Hkv) * D]), got 'tensor<f16>'}}
  %o = attn.prefill qkv(%qkv) {qkv_heads = array<i64: 4, 2>} : (tensor<f16>) -> tensor<2x16x4x64xf16>
  return %o : tensor<2x16x4x64xf16>
}

// -----

func.func @qkv_dynamic_width(%qkv: tensor<2x16x?xf16>) -> tensor<2x16x4x64xf16> {
  // expected-error @+1 {{the fused head dimension (dimension 2 of 'qkv') must be static}}
  %o = attn.prefill qkv(%qkv) {qkv_heads = array<i64: 4, 2>} : (tensor<2x16x?xf16>) -> tensor<2x16x4x64xf16>
  return %o : tensor<2x16x4x64xf16>
}

// -----

func.func @qkv_width_not_divisible(%qkv: tensor<2x16x500xf16>) -> tensor<2x16x4x64xf16> {
  // expected-error @+1 {{fused 'qkv' width 500 is not a positive multiple of Hq + 2 Hkv = 8}}
  %o = attn.prefill qkv(%qkv) {qkv_heads = array<i64: 4, 2>} : (tensor<2x16x500xf16>) -> tensor<2x16x4x64xf16>
  return %o : tensor<2x16x4x64xf16>
}

// -----

func.func @qkv_width_zero(%qkv: tensor<2x16x0xf16>) -> tensor<2x16x4x0xf16> {
  // expected-error @+1 {{fused 'qkv' width 0 is not a positive multiple of Hq + 2 Hkv = 8}}
  %o = attn.prefill qkv(%qkv) {qkv_heads = array<i64: 4, 2>} : (tensor<2x16x0xf16>) -> tensor<2x16x4x0xf16>
  return %o : tensor<2x16x4x0xf16>
}

// -----

func.func @qkv_head_dim_too_large(%qkv: tensor<2x16x6144xf16>) -> tensor<2x16x1x2048xf16> {
  // expected-error @+1 {{head dimension 2048 of 'qkv' is not supported (expected 1 to 1024)}}
  %o = attn.prefill qkv(%qkv) {qkv_heads = array<i64: 1, 1>} : (tensor<2x16x6144xf16>) -> tensor<2x16x1x2048xf16>
  return %o : tensor<2x16x1x2048xf16>
}

// -----

// The shared checks also run on the fused form.
func.func @qkv_gqa_not_divisible(%qkv: tensor<?x448xf16>, %cu: tensor<3xi32>) -> tensor<?x3x64xf16> {
  // expected-error @+1 {{number of query heads (3) must be a multiple of the number of key/value heads (2)}}
  %o = attn.prefill qkv(%qkv) cu_seqlens_q(%cu) {qkv_heads = array<i64: 3, 2>}
      : (tensor<?x448xf16>, tensor<3xi32>) -> tensor<?x3x64xf16>
  return %o : tensor<?x3x64xf16>
}

// -----

func.func @qkv_unsupported_type(%qkv: tensor<2x16x512xi8>) -> tensor<2x16x4x64xf16> {
  // expected-error @+1 {{'qkv' has unsupported element type 'i8' (expected f32, f16, bf16 or f8E4M3FN)}}
  %o = attn.prefill qkv(%qkv) {qkv_heads = array<i64: 4, 2>} : (tensor<2x16x512xi8>) -> tensor<2x16x4x64xf16>
  return %o : tensor<2x16x4x64xf16>
}

// -----

func.func @qkv_ragged_out_shape(%qkv: tensor<?x512xf16>, %cu: tensor<3xi32>) -> tensor<?x4x128xf16> {
  // expected-error @+1 {{expects 'out' of shape query tokens x [Hq, Dv] = [?, 4, 64], got 'tensor<?x4x128xf16>'}}
  %o = attn.prefill qkv(%qkv) cu_seqlens_q(%cu) {qkv_heads = array<i64: 4, 2>}
      : (tensor<?x512xf16>, tensor<3xi32>) -> tensor<?x4x128xf16>
  return %o : tensor<?x4x128xf16>
}

// -----

func.func @qkv_positions_shape(%qkv: tensor<?x512xf16>, %cu: tensor<3xi32>, %pos: tensor<2x16xi32>) -> tensor<?x4x64xf16> {
  // expected-error @+1 {{expects 'positions' to be a 1-D tensor of i32 or i64, got 'tensor<2x16xi32>'}}
  %o = attn.prefill qkv(%qkv) cu_seqlens_q(%cu) positions(%pos)
      {qkv_heads = array<i64: 4, 2>, rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>}
      : (tensor<?x512xf16>, tensor<3xi32>, tensor<2x16xi32>) -> tensor<?x4x64xf16>
  return %o : tensor<?x4x64xf16>
}

// -----

func.func @qkv_heads_without_qkv(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'qkv_heads' is only meaningful with a fused 'qkv'}}
  %o = attn.prefill q(%q) k(%k) v(%k) {qkv_heads = array<i64: 32, 8>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @missing_v(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{expects 'q', 'k' and 'v' operands (or one fused 'qkv')}}
  %o = attn.prefill q(%q) k(%k) : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @no_inputs() -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{expects 'q', 'k' and 'v' operands (or one fused 'qkv')}}
  %o = attn.prefill : () -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @cu_seqlens_q_without_k(%q: tensor<?x32x64xf16>, %k: tensor<?x8x64xf16>, %cu: tensor<3xi32>) -> tensor<?x32x64xf16> {
  // expected-error @+1 {{'cu_seqlens_q' and 'cu_seqlens_k' must be given together (ragged layout) or not at all (dense)}}
  %o = attn.prefill q(%q) k(%k) v(%k) cu_seqlens_q(%cu)
      : (tensor<?x32x64xf16>, tensor<?x8x64xf16>, tensor<?x8x64xf16>, tensor<3xi32>) -> tensor<?x32x64xf16>
  return %o : tensor<?x32x64xf16>
}

// -----

func.func @cu_seqlens_k_without_q(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>, %cu: tensor<3xi32>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'cu_seqlens_q' and 'cu_seqlens_k' must be given together (ragged layout) or not at all (dense)}}
  %o = attn.prefill q(%q) k(%k) v(%k) cu_seqlens_k(%cu)
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>, tensor<3xi32>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

//===----------------------------------------------------------------------===//
// Index operands: cu_seqlens_q / cu_seqlens_k.
//===----------------------------------------------------------------------===//

func.func @cu_seqlens_q_f32(%q: tensor<?x32x64xf16>, %k: tensor<?x8x64xf16>, %cq: tensor<3xf32>, %ck: tensor<3xi32>) -> tensor<?x32x64xf16> {
  // expected-error @+1 {{expects 'cu_seqlens_q' to be a 1-D tensor of i32 or i64, got 'tensor<3xf32>'}}
  %o = attn.prefill q(%q) k(%k) v(%k) cu_seqlens_q(%cq) cu_seqlens_k(%ck)
      : (tensor<?x32x64xf16>, tensor<?x8x64xf16>, tensor<?x8x64xf16>, tensor<3xf32>, tensor<3xi32>) -> tensor<?x32x64xf16>
  return %o : tensor<?x32x64xf16>
}

// -----

func.func @cu_seqlens_q_i16(%q: tensor<?x32x64xf16>, %k: tensor<?x8x64xf16>, %cq: tensor<3xi16>, %ck: tensor<3xi32>) -> tensor<?x32x64xf16> {
  // expected-error @+1 {{expects 'cu_seqlens_q' to be a 1-D tensor of i32 or i64, got 'tensor<3xi16>'}}
  %o = attn.prefill q(%q) k(%k) v(%k) cu_seqlens_q(%cq) cu_seqlens_k(%ck)
      : (tensor<?x32x64xf16>, tensor<?x8x64xf16>, tensor<?x8x64xf16>, tensor<3xi16>, tensor<3xi32>) -> tensor<?x32x64xf16>
  return %o : tensor<?x32x64xf16>
}

// -----

func.func @cu_seqlens_q_unsigned(%q: tensor<?x32x64xf16>, %k: tensor<?x8x64xf16>, %cq: tensor<3xui32>, %ck: tensor<3xi32>) -> tensor<?x32x64xf16> {
  // expected-error @+1 {{expects 'cu_seqlens_q' to be a 1-D tensor of i32 or i64, got 'tensor<3xui32>'}}
  %o = attn.prefill q(%q) k(%k) v(%k) cu_seqlens_q(%cq) cu_seqlens_k(%ck)
      : (tensor<?x32x64xf16>, tensor<?x8x64xf16>, tensor<?x8x64xf16>, tensor<3xui32>, tensor<3xi32>) -> tensor<?x32x64xf16>
  return %o : tensor<?x32x64xf16>
}

// -----

func.func @cu_seqlens_q_rank2(%q: tensor<?x32x64xf16>, %k: tensor<?x8x64xf16>, %cq: tensor<1x3xi32>, %ck: tensor<3xi32>) -> tensor<?x32x64xf16> {
  // expected-error @+1 {{expects 'cu_seqlens_q' to be a 1-D tensor of i32 or i64, got 'tensor<1x3xi32>'}}
  %o = attn.prefill q(%q) k(%k) v(%k) cu_seqlens_q(%cq) cu_seqlens_k(%ck)
      : (tensor<?x32x64xf16>, tensor<?x8x64xf16>, tensor<?x8x64xf16>, tensor<1x3xi32>, tensor<3xi32>) -> tensor<?x32x64xf16>
  return %o : tensor<?x32x64xf16>
}

// -----

func.func @cu_seqlens_q_rank0(%q: tensor<?x32x64xf16>, %k: tensor<?x8x64xf16>, %cq: tensor<i32>, %ck: tensor<3xi32>) -> tensor<?x32x64xf16> {
  // expected-error @+1 {{expects 'cu_seqlens_q' to be a 1-D tensor of i32 or i64, got 'tensor<i32>'}}
  %o = attn.prefill q(%q) k(%k) v(%k) cu_seqlens_q(%cq) cu_seqlens_k(%ck)
      : (tensor<?x32x64xf16>, tensor<?x8x64xf16>, tensor<?x8x64xf16>, tensor<i32>, tensor<3xi32>) -> tensor<?x32x64xf16>
  return %o : tensor<?x32x64xf16>
}

// -----

func.func @cu_seqlens_q_empty(%q: tensor<?x32x64xf16>, %k: tensor<?x8x64xf16>, %cq: tensor<0xi32>) -> tensor<?x32x64xf16> {
  // expected-error @+1 {{'cu_seqlens_q' must have at least one element (B + 1)}}
  %o = attn.prefill q(%q) k(%k) v(%k) cu_seqlens_q(%cq) cu_seqlens_k(%cq)
      : (tensor<?x32x64xf16>, tensor<?x8x64xf16>, tensor<?x8x64xf16>, tensor<0xi32>, tensor<0xi32>) -> tensor<?x32x64xf16>
  return %o : tensor<?x32x64xf16>
}

// -----

func.func @cu_seqlens_k_f32(%q: tensor<?x32x64xf16>, %k: tensor<?x8x64xf16>, %cq: tensor<3xi32>, %ck: tensor<3xf32>) -> tensor<?x32x64xf16> {
  // expected-error @+1 {{expects 'cu_seqlens_k' to be a 1-D tensor of i32 or i64, got 'tensor<3xf32>'}}
  %o = attn.prefill q(%q) k(%k) v(%k) cu_seqlens_q(%cq) cu_seqlens_k(%ck)
      : (tensor<?x32x64xf16>, tensor<?x8x64xf16>, tensor<?x8x64xf16>, tensor<3xi32>, tensor<3xf32>) -> tensor<?x32x64xf16>
  return %o : tensor<?x32x64xf16>
}

// -----

func.func @cu_seqlens_length_mismatch(%q: tensor<?x32x64xf16>, %k: tensor<?x8x64xf16>, %cq: tensor<3xi32>, %ck: tensor<4xi64>) -> tensor<?x32x64xf16> {
  // expected-error @+1 {{dimension 0 of 'cu_seqlens_k' (4) must equal the length of 'cu_seqlens_q' (3)}}
  %o = attn.prefill q(%q) k(%k) v(%k) cu_seqlens_q(%cq) cu_seqlens_k(%ck)
      : (tensor<?x32x64xf16>, tensor<?x8x64xf16>, tensor<?x8x64xf16>, tensor<3xi32>, tensor<4xi64>) -> tensor<?x32x64xf16>
  return %o : tensor<?x32x64xf16>
}

// -----

//===----------------------------------------------------------------------===//
// Ranks and shapes of q, k and v.
//===----------------------------------------------------------------------===//

func.func @ragged_q_rank(%q: tensor<2x16x32x64xf16>, %k: tensor<?x8x64xf16>, %cu: tensor<3xi32>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{expects 'q' of rank 3 (ragged: [Tq, Hq, D]), got 'tensor<2x16x32x64xf16>'}}
  %o = attn.prefill q(%q) k(%k) v(%k) cu_seqlens_q(%cu) cu_seqlens_k(%cu)
      : (tensor<2x16x32x64xf16>, tensor<?x8x64xf16>, tensor<?x8x64xf16>, tensor<3xi32>, tensor<3xi32>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @ragged_k_rank(%q: tensor<?x32x64xf16>, %k: tensor<2x16x8x64xf16>, %v: tensor<?x8x64xf16>, %cu: tensor<3xi32>) -> tensor<?x32x64xf16> {
  // expected-error @+1 {{expects 'k' of rank 3 (ragged: [Tk, Hkv, D]), got 'tensor<2x16x8x64xf16>'}}
  %o = attn.prefill q(%q) k(%k) v(%v) cu_seqlens_q(%cu) cu_seqlens_k(%cu)
      : (tensor<?x32x64xf16>, tensor<2x16x8x64xf16>, tensor<?x8x64xf16>, tensor<3xi32>, tensor<3xi32>) -> tensor<?x32x64xf16>
  return %o : tensor<?x32x64xf16>
}

// -----

func.func @ragged_v_rank(%q: tensor<?x32x64xf16>, %k: tensor<?x8x64xf16>, %v: tensor<8x64xf16>, %cu: tensor<3xi32>) -> tensor<?x32x64xf16> {
  // expected-error @+1 {{expects 'v' of rank 3 (ragged: [Tk, Hkv, Dv]), got 'tensor<8x64xf16>'}}
  %o = attn.prefill q(%q) k(%k) v(%v) cu_seqlens_q(%cu) cu_seqlens_k(%cu)
      : (tensor<?x32x64xf16>, tensor<?x8x64xf16>, tensor<8x64xf16>, tensor<3xi32>, tensor<3xi32>) -> tensor<?x32x64xf16>
  return %o : tensor<?x32x64xf16>
}

// -----

func.func @dense_q_rank(%q: tensor<16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<16x32x64xf16> {
  // expected-error @+1 {{expects 'q' of rank 4 (dense: [B, Sq, Hq, D]), got 'tensor<16x32x64xf16>'}}
  %o = attn.prefill q(%q) k(%k) v(%k)
      : (tensor<16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<16x32x64xf16>
  return %o : tensor<16x32x64xf16>
}

// -----

func.func @dense_q_rank0(%q: tensor<f16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{expects 'q' of rank 4 (dense: [B, Sq, Hq, D]), got 'tensor<f16>'}}
  %o = attn.prefill q(%q) k(%k) v(%k)
      : (tensor<f16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @dense_k_rank(%q: tensor<2x16x32x64xf16>, %k: tensor<16x8x64xf16>, %v: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{expects 'k' of rank 4 (dense: [B, Sk, Hkv, D]), got 'tensor<16x8x64xf16>'}}
  %o = attn.prefill q(%q) k(%k) v(%v)
      : (tensor<2x16x32x64xf16>, tensor<16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @dense_v_rank(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>, %v: tensor<1x2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{expects 'v' of rank 4 (dense: [B, Sk, Hkv, Dv]), got 'tensor<1x2x16x8x64xf16>'}}
  %o = attn.prefill q(%q) k(%k) v(%v)
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<1x2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @k_batch_mismatch(%q: tensor<2x16x32x64xf16>, %k: tensor<3x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{dimension 0 of 'k' (3) must equal the batch size of 'q' (2)}}
  %o = attn.prefill q(%q) k(%k) v(%k)
      : (tensor<2x16x32x64xf16>, tensor<3x16x8x64xf16>, tensor<3x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @v_batch_mismatch(%q: tensor<2x16x32x64xf16>, %k: tensor<?x16x8x64xf16>, %v: tensor<4x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{dimension 0 of 'v' (4) must equal the batch size of 'q' (2)}}
  %o = attn.prefill q(%q) k(%k) v(%v)
      : (tensor<2x16x32x64xf16>, tensor<?x16x8x64xf16>, tensor<4x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @q_heads_dynamic(%q: tensor<2x16x?x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x?x64xf16> {
  // expected-error @+1 {{the number of query heads (dimension 2 of 'q') must be static}}
  %o = attn.prefill q(%q) k(%k) v(%k)
      : (tensor<2x16x?x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x?x64xf16>
  return %o : tensor<2x16x?x64xf16>
}

// -----

func.func @q_heads_zero(%q: tensor<2x16x0x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x0x64xf16> {
  // expected-error @+1 {{the number of query heads (dimension 2 of 'q') must be between 1 and 65536, got 0}}
  %o = attn.prefill q(%q) k(%k) v(%k)
      : (tensor<2x16x0x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x0x64xf16>
  return %o : tensor<2x16x0x64xf16>
}

// -----

func.func @kv_heads_dynamic(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x?x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{the number of key/value heads (dimension 2 of 'k') must be static}}
  %o = attn.prefill q(%q) k(%k) v(%k)
      : (tensor<2x16x32x64xf16>, tensor<2x16x?x64xf16>, tensor<2x16x?x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @kv_heads_zero(%q: tensor<?x32x64xf16>, %k: tensor<?x0x64xf16>, %cu: tensor<3xi32>) -> tensor<?x32x64xf16> {
  // expected-error @+1 {{the number of key/value heads (dimension 1 of 'k') must be between 1 and 65536, got 0}}
  %o = attn.prefill q(%q) k(%k) v(%k) cu_seqlens_q(%cu) cu_seqlens_k(%cu)
      : (tensor<?x32x64xf16>, tensor<?x0x64xf16>, tensor<?x0x64xf16>, tensor<3xi32>, tensor<3xi32>) -> tensor<?x32x64xf16>
  return %o : tensor<?x32x64xf16>
}

// -----

func.func @q_head_dim_dynamic(%q: tensor<2x16x32x?xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{the head dimension (dimension 3 of 'q') must be static}}
  %o = attn.prefill q(%q) k(%k) v(%k)
      : (tensor<2x16x32x?xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @v_head_dim_dynamic(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>, %v: tensor<2x16x8x?xf16>) -> tensor<2x16x32x?xf16> {
  // expected-error @+1 {{the head dimension (dimension 3 of 'v') must be static}}
  %o = attn.prefill q(%q) k(%k) v(%v)
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x?xf16>) -> tensor<2x16x32x?xf16>
  return %o : tensor<2x16x32x?xf16>
}

// -----

func.func @all_dynamic(%q: tensor<?x?x?x?xf16>) -> tensor<?x?x?x?xf16> {
  // expected-error @+1 {{the number of query heads (dimension 2 of 'q') must be static}}
  %o = attn.prefill q(%q) k(%q) v(%q)
      : (tensor<?x?x?x?xf16>, tensor<?x?x?x?xf16>, tensor<?x?x?x?xf16>) -> tensor<?x?x?x?xf16>
  return %o : tensor<?x?x?x?xf16>
}

// -----

func.func @q_head_dim_too_large(%q: tensor<1x4x2x2048xf16>, %k: tensor<1x4x1x2048xf16>) -> tensor<1x4x2x2048xf16> {
  // expected-error @+1 {{head dimension 2048 of 'q' is not supported (expected 1 to 1024)}}
  %o = attn.prefill q(%q) k(%k) v(%k)
      : (tensor<1x4x2x2048xf16>, tensor<1x4x1x2048xf16>, tensor<1x4x1x2048xf16>) -> tensor<1x4x2x2048xf16>
  return %o : tensor<1x4x2x2048xf16>
}

// -----

func.func @q_head_dim_zero(%q: tensor<2x16x32x0xf16>, %k: tensor<2x16x8x0xf16>) -> tensor<2x16x32x0xf16> {
  // expected-error @+1 {{head dimension 0 of 'q' is not supported (expected 1 to 1024)}}
  %o = attn.prefill q(%q) k(%k) v(%k)
      : (tensor<2x16x32x0xf16>, tensor<2x16x8x0xf16>, tensor<2x16x8x0xf16>) -> tensor<2x16x32x0xf16>
  return %o : tensor<2x16x32x0xf16>
}

// -----

func.func @v_head_dim_too_large(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>, %v: tensor<2x16x8x2048xf16>) -> tensor<2x16x32x2048xf16> {
  // expected-error @+1 {{head dimension 2048 of 'v' is not supported (expected 1 to 1024)}}
  %o = attn.prefill q(%q) k(%k) v(%v)
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x2048xf16>) -> tensor<2x16x32x2048xf16>
  return %o : tensor<2x16x32x2048xf16>
}

// -----

func.func @k_head_dim_mismatch(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x128xf16>, %v: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{dimension 3 of 'k' (128) must equal the head dimension of 'q' (64)}}
  %o = attn.prefill q(%q) k(%k) v(%v)
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x128xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @v_heads_mismatch(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>, %v: tensor<2x16x4x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{dimension 2 of 'v' (4) must equal the number of key/value heads of 'k' (8)}}
  %o = attn.prefill q(%q) k(%k) v(%v)
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x4x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @v_keys_mismatch(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>, %v: tensor<2x12x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{dimension 1 of 'v' (12) must equal the number of keys of 'k' (16)}}
  %o = attn.prefill q(%q) k(%k) v(%v)
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x12x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @ragged_v_tokens_mismatch(%q: tensor<?x32x64xf16>, %k: tensor<100x8x64xf16>, %v: tensor<99x8x64xf16>, %cu: tensor<3xi32>) -> tensor<?x32x64xf16> {
  // expected-error @+1 {{dimension 0 of 'v' (99) must equal the number of keys of 'k' (100)}}
  %o = attn.prefill q(%q) k(%k) v(%v) cu_seqlens_q(%cu) cu_seqlens_k(%cu)
      : (tensor<?x32x64xf16>, tensor<100x8x64xf16>, tensor<99x8x64xf16>, tensor<3xi32>, tensor<3xi32>) -> tensor<?x32x64xf16>
  return %o : tensor<?x32x64xf16>
}

// -----

//===----------------------------------------------------------------------===//
// Heads and element types (shared checks).
//===----------------------------------------------------------------------===//

func.func @gqa_not_divisible(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x6x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{number of query heads (32) must be a multiple of the number of key/value heads (6)}}
  %o = attn.prefill q(%q) k(%k) v(%k)
      : (tensor<2x16x32x64xf16>, tensor<2x16x6x64xf16>, tensor<2x16x6x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @fewer_q_heads_than_kv(%q: tensor<2x16x4x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x4x64xf16> {
  // expected-error @+1 {{number of query heads (4) must be a multiple of the number of key/value heads (8)}}
  %o = attn.prefill q(%q) k(%k) v(%k)
      : (tensor<2x16x4x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x4x64xf16>
  return %o : tensor<2x16x4x64xf16>
}

// -----

func.func @q_i8(%q: tensor<2x16x32x64xi8>, %k: tensor<2x16x8x64xi8>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'q' has unsupported element type 'i8' (expected f32, f16, bf16 or f8E4M3FN)}}
  %o = attn.prefill q(%q) k(%k) v(%k)
      : (tensor<2x16x32x64xi8>, tensor<2x16x8x64xi8>, tensor<2x16x8x64xi8>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @q_f64(%q: tensor<2x16x32x64xf64>, %k: tensor<2x16x8x64xf64>) -> tensor<2x16x32x64xf64> {
  // expected-error @+1 {{'q' has unsupported element type 'f64' (expected f32, f16, bf16 or f8E4M3FN)}}
  %o = attn.prefill q(%q) k(%k) v(%k)
      : (tensor<2x16x32x64xf64>, tensor<2x16x8x64xf64>, tensor<2x16x8x64xf64>) -> tensor<2x16x32x64xf64>
  return %o : tensor<2x16x32x64xf64>
}

// -----

func.func @q_f8e5m2(%q: tensor<2x16x32x64xf8E5M2>, %k: tensor<2x16x8x64xf8E5M2>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'q' has unsupported element type 'f8E5M2' (expected f32, f16, bf16 or f8E4M3FN)}}
  %o = attn.prefill q(%q) k(%k) v(%k)
      : (tensor<2x16x32x64xf8E5M2>, tensor<2x16x8x64xf8E5M2>, tensor<2x16x8x64xf8E5M2>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @k_f64(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf64>, %v: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'k' has unsupported element type 'f64' (expected f32, f16, bf16 or f8E4M3FN)}}
  %o = attn.prefill q(%q) k(%k) v(%v)
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf64>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @v_i32(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>, %v: tensor<2x16x8x64xi32>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'v' has unsupported element type 'i32' (expected f32, f16, bf16 or f8E4M3FN)}}
  %o = attn.prefill q(%q) k(%k) v(%v)
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xi32>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @k_v_type_mismatch(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>, %v: tensor<2x16x8x64xbf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'k' and 'v' must have the same element type, got 'f16' and 'bf16'}}
  %o = attn.prefill q(%q) k(%k) v(%v)
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xbf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @q_k_type_mismatch(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xbf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'q' and 'k' must have the same element type unless the keys are f8E4M3FN, got 'f16' and 'bf16'}}
  %o = attn.prefill q(%q) k(%k) v(%k)
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xbf16>, tensor<2x16x8x64xbf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @fp8_q_with_f16_kv(%q: tensor<2x16x32x64xf8E4M3FN>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'q' and 'k' must have the same element type unless the keys are f8E4M3FN, got 'f8E4M3FN' and 'f16'}}
  %o = attn.prefill q(%q) k(%k) v(%k)
      : (tensor<2x16x32x64xf8E4M3FN>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

//===----------------------------------------------------------------------===//
// Results: out and lse.
//===----------------------------------------------------------------------===//

func.func @out_shape(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x8x64xf16> {
  // expected-error @+1 {{expects 'out' of shape query tokens x [Hq, Dv] = [2, 16, 32, 64], got 'tensor<2x16x8x64xf16>'}}
  %o = attn.prefill q(%q) k(%k) v(%k)
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x8x64xf16>
  return %o : tensor<2x16x8x64xf16>
}

// -----

func.func @out_takes_v_head_dim(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>, %v: tensor<2x16x8x128xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{expects 'out' of shape query tokens x [Hq, Dv] = [2, 16, 32, 128], got 'tensor<2x16x32x64xf16>'}}
  %o = attn.prefill q(%q) k(%k) v(%v)
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x128xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @out_rank(%q: tensor<?x32x64xf16>, %k: tensor<?x8x64xf16>, %cu: tensor<3xi32>) -> tensor<1x?x32x64xf16> {
  // expected-error @+1 {{expects 'out' of rank 3 (query tokens x [Hq, Dv]), got 'tensor<1x?x32x64xf16>'}}
  %o = attn.prefill q(%q) k(%k) v(%k) cu_seqlens_q(%cu) cu_seqlens_k(%cu)
      : (tensor<?x32x64xf16>, tensor<?x8x64xf16>, tensor<?x8x64xf16>, tensor<3xi32>, tensor<3xi32>) -> tensor<1x?x32x64xf16>
  return %o : tensor<1x?x32x64xf16>
}

// -----

func.func @out_i8(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xi8> {
  // expected-error @+1 {{'out' has unsupported element type 'i8' (expected f32, f16, bf16 or f8E4M3FN)}}
  %o = attn.prefill q(%q) k(%k) v(%k)
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xi8>
  return %o : tensor<2x16x32x64xi8>
}

// -----

func.func @lse_with_sigmoid(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>, tensor<2x16x32xf32>) {
  // expected-error @+1 {{an 'lse' result requires the softmax normalizer, got sigmoid}}
  %o, %lse = attn.prefill q(%q) k(%k) v(%k) {normalizer = #attn.normalizer<sigmoid>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>, tensor<2x16x32xf32>)
  return %o, %lse : tensor<2x16x32x64xf16>, tensor<2x16x32xf32>
}

// -----

func.func @lse_with_none(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>, tensor<2x16x32xf32>) {
  // expected-error @+1 {{an 'lse' result requires the softmax normalizer, got none}}
  %o, %lse = attn.prefill q(%q) k(%k) v(%k) {normalizer = #attn.normalizer<none>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>, tensor<2x16x32xf32>)
  return %o, %lse : tensor<2x16x32x64xf16>, tensor<2x16x32xf32>
}

// -----

func.func @lse_shape(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>, tensor<2x16x8xf32>) {
  // expected-error @+1 {{expects 'lse' of shape query tokens x [Hq] = [2, 16, 32], got 'tensor<2x16x8xf32>'}}
  %o, %lse = attn.prefill q(%q) k(%k) v(%k)
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>, tensor<2x16x8xf32>)
  return %o, %lse : tensor<2x16x32x64xf16>, tensor<2x16x8xf32>
}

// -----

func.func @lse_rank(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>, tensor<2x16x32x1xf32>) {
  // expected-error @+1 {{expects 'lse' of rank 3 (query tokens x [Hq]), got 'tensor<2x16x32x1xf32>'}}
  %o, %lse = attn.prefill q(%q) k(%k) v(%k)
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>, tensor<2x16x32x1xf32>)
  return %o, %lse : tensor<2x16x32x64xf16>, tensor<2x16x32x1xf32>
}

// -----

func.func @lse_f16(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>, tensor<2x16x32xf16>) {
  // expected-error @+1 {{'lse' must have element type f32, got 'f16'}}
  %o, %lse = attn.prefill q(%q) k(%k) v(%k)
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>, tensor<2x16x32xf16>)
  return %o, %lse : tensor<2x16x32x64xf16>, tensor<2x16x32xf16>
}

// -----

//===----------------------------------------------------------------------===//
// Attributes: scale, softcap, window, causal, normalizer, sigmoid_bias, rope.
//===----------------------------------------------------------------------===//

func.func @scale_zero(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'scale' must be positive and finite, got 0.000000e+00}}
  %o = attn.prefill q(%q) k(%k) v(%k) {scale = 0.0 : f32}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @scale_negative(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'scale' must be positive and finite, got -1.250000e-01}}
  %o = attn.prefill q(%q) k(%k) v(%k) {scale = -0.125 : f32}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @scale_inf(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'scale' must be positive and finite, got INF}}
  %o = attn.prefill q(%q) k(%k) v(%k) {scale = 0x7F800000 : f32}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @scale_f64(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{attribute 'scale' failed to satisfy constraint: 32-bit float attribute}}
  %o = attn.prefill q(%q) k(%k) v(%k) {scale = 0.125 : f64}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @softcap_zero(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'softcap' must be positive and finite, got 0.000000e+00}}
  %o = attn.prefill q(%q) k(%k) v(%k) {softcap = 0.0 : f32}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @softcap_negative(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'softcap' must be positive and finite, got -3.000000e+01}}
  %o = attn.prefill q(%q) k(%k) v(%k) {softcap = -30.0 : f32}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @softcap_nan(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'softcap' must be positive and finite, got nan}}
  %o = attn.prefill q(%q) k(%k) v(%k) {softcap = 0x7FC00000 : f32}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @window_three_elements(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'window' must have 2 elements (left, right), got 3}}
  %o = attn.prefill q(%q) k(%k) v(%k) {window = array<i64: 128, 0, 0>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @window_empty(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'window' must have 2 elements (left, right), got 0}}
  %o = attn.prefill q(%q) k(%k) v(%k) {window = array<i64>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @window_left_below_minus_one(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'window' bounds must be >= -1 (-1 = unbounded), got -2}}
  %o = attn.prefill q(%q) k(%k) v(%k) {window = array<i64: -2, 0>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @window_right_below_minus_one(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'window' bounds must be >= -1 (-1 = unbounded), got -100}}
  %o = attn.prefill q(%q) k(%k) v(%k) {window = array<i64: 128, -100>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @window_i32(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{attribute 'window' failed to satisfy constraint: i64 dense array attribute}}
  %o = attn.prefill q(%q) k(%k) v(%k) {window = array<i32: 128, 0>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @causal_with_right_bound(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'causal' conflicts with the window's right bound 4 (causal means a right bound of 0)}}
  %o = attn.prefill q(%q) k(%k) v(%k) {causal, window = array<i64: 128, 4>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @sigmoid_bias_without_sigmoid(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'sigmoid_bias' requires the sigmoid normalizer}}
  %o = attn.prefill q(%q) k(%k) v(%k) {sigmoid_bias = -2.0 : f32}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @sigmoid_bias_with_none(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'sigmoid_bias' requires the sigmoid normalizer}}
  %o = attn.prefill q(%q) k(%k) v(%k) {normalizer = #attn.normalizer<none>, sigmoid_bias = -2.0 : f32}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @sigmoid_bias_inf(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'sigmoid_bias' must be finite}}
  %o = attn.prefill q(%q) k(%k) v(%k) {normalizer = #attn.normalizer<sigmoid>, sigmoid_bias = 0xFF800000 : f32}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @normalizer_wrong_attr_kind(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{attribute 'normalizer' failed to satisfy constraint: how attention weights are formed from logits}}
  %o = attn.prefill q(%q) k(%k) v(%k) {normalizer = 1 : i32}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @rope_dim_exceeds_head_dim(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{RoPE rotary dim 128 exceeds the query/key head dimension 64}}
  %o = attn.prefill q(%q) k(%k) v(%k) {rope = #attn.rope<theta = 10000.0, dim = 128, style = neox>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

//===----------------------------------------------------------------------===//
// Optional operands: alibi_slopes, positions, descales, o_scale.
//===----------------------------------------------------------------------===//

func.func @alibi_wrong_heads(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>, %a: tensor<8xf32>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{expects 'alibi_slopes' to be an f32 tensor of shape [Hq] or [B, Hq] with Hq = 32, got 'tensor<8xf32>'}}
  %o = attn.prefill q(%q) k(%k) v(%k) alibi_slopes(%a)
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>, tensor<8xf32>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @alibi_wrong_batch(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>, %a: tensor<3x32xf32>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{expects 'alibi_slopes' to be an f32 tensor of shape [Hq] or [B, Hq] with Hq = 32, got 'tensor<3x32xf32>'}}
  %o = attn.prefill q(%q) k(%k) v(%k) alibi_slopes(%a)
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>, tensor<3x32xf32>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @alibi_ragged_wrong_batch(%q: tensor<?x32x64xf16>, %k: tensor<?x8x64xf16>, %cu: tensor<3xi32>, %a: tensor<3x32xf32>) -> tensor<?x32x64xf16> {
  // expected-error @+1 {{expects 'alibi_slopes' to be an f32 tensor of shape [Hq] or [B, Hq] with Hq = 32, got 'tensor<3x32xf32>'}}
  %o = attn.prefill q(%q) k(%k) v(%k) cu_seqlens_q(%cu) cu_seqlens_k(%cu) alibi_slopes(%a)
      : (tensor<?x32x64xf16>, tensor<?x8x64xf16>, tensor<?x8x64xf16>, tensor<3xi32>, tensor<3xi32>, tensor<3x32xf32>) -> tensor<?x32x64xf16>
  return %o : tensor<?x32x64xf16>
}

// -----

func.func @alibi_f16(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>, %a: tensor<32xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{expects 'alibi_slopes' to be an f32 tensor of shape [Hq] or [B, Hq] with Hq = 32, got 'tensor<32xf16>'}}
  %o = attn.prefill q(%q) k(%k) v(%k) alibi_slopes(%a)
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>, tensor<32xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @alibi_rank0(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>, %a: tensor<f32>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{expects 'alibi_slopes' to be an f32 tensor of shape [Hq] or [B, Hq] with Hq = 32, got 'tensor<f32>'}}
  %o = attn.prefill q(%q) k(%k) v(%k) alibi_slopes(%a)
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>, tensor<f32>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @alibi_rank3(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>, %a: tensor<2x16x32xf32>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{expects 'alibi_slopes' to be an f32 tensor of shape [Hq] or [B, Hq] with Hq = 32, got 'tensor<2x16x32xf32>'}}
  %o = attn.prefill q(%q) k(%k) v(%k) alibi_slopes(%a)
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x32xf32>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @alibi_dynamic_heads(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>, %a: tensor<?xf32>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{expects 'alibi_slopes' to be an f32 tensor of shape [Hq] or [B, Hq] with Hq = 32, got 'tensor<?xf32>'}}
  %o = attn.prefill q(%q) k(%k) v(%k) alibi_slopes(%a)
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>, tensor<?xf32>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @positions_without_rope(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>, %pos: tensor<2x16xi32>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'positions' are only meaningful with a 'rope' attribute}}
  %o = attn.prefill q(%q) k(%k) v(%k) positions(%pos)
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16xi32>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @positions_f32(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>, %pos: tensor<2x16xf32>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{expects 'positions' to be a 2-D tensor of i32 or i64, got 'tensor<2x16xf32>'}}
  %o = attn.prefill q(%q) k(%k) v(%k) positions(%pos) {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16xf32>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @positions_i16(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>, %pos: tensor<2x16xi16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{expects 'positions' to be a 2-D tensor of i32 or i64, got 'tensor<2x16xi16>'}}
  %o = attn.prefill q(%q) k(%k) v(%k) positions(%pos) {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16xi16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @positions_shape(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>, %pos: tensor<2x8xi64>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{expects 'positions' of shape query tokens = [2, 16], got 'tensor<2x8xi64>'}}
  %o = attn.prefill q(%q) k(%k) v(%k) positions(%pos) {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>, tensor<2x8xi64>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @q_descale_on_f16(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>, %s: tensor<f32>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'q_descale' requires 'q' to be f8E4M3FN, got 'f16'}}
  %o = attn.prefill q(%q) k(%k) v(%k) q_descale(%s)
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>, tensor<f32>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @k_descale_on_bf16(%q: tensor<2x16x32x64xbf16>, %k: tensor<2x16x8x64xbf16>, %s: tensor<1xf32>) -> tensor<2x16x32x64xbf16> {
  // expected-error @+1 {{'k_descale' requires 'k' to be f8E4M3FN, got 'bf16'}}
  %o = attn.prefill q(%q) k(%k) v(%k) k_descale(%s)
      : (tensor<2x16x32x64xbf16>, tensor<2x16x8x64xbf16>, tensor<2x16x8x64xbf16>, tensor<1xf32>) -> tensor<2x16x32x64xbf16>
  return %o : tensor<2x16x32x64xbf16>
}

// -----

func.func @v_descale_on_f32(%q: tensor<2x16x32x64xf32>, %k: tensor<2x16x8x64xf32>, %s: tensor<8xf32>) -> tensor<2x16x32x64xf32> {
  // expected-error @+1 {{'v_descale' requires 'v' to be f8E4M3FN, got 'f32'}}
  %o = attn.prefill q(%q) k(%k) v(%k) v_descale(%s)
      : (tensor<2x16x32x64xf32>, tensor<2x16x8x64xf32>, tensor<2x16x8x64xf32>, tensor<8xf32>) -> tensor<2x16x32x64xf32>
  return %o : tensor<2x16x32x64xf32>
}

// -----

func.func @q_descale_wrong_heads(%q: tensor<2x16x32x64xf8E4M3FN>, %k: tensor<2x16x8x64xf8E4M3FN>, %s: tensor<8xf32>) -> tensor<2x16x32x64xbf16> {
  // expected-error @+1 {{expects 'q_descale' to be an f32 tensor of shape [], [1] or [32] (per head), got 'tensor<8xf32>'}}
  %o = attn.prefill q(%q) k(%k) v(%k) q_descale(%s)
      : (tensor<2x16x32x64xf8E4M3FN>, tensor<2x16x8x64xf8E4M3FN>, tensor<2x16x8x64xf8E4M3FN>, tensor<8xf32>) -> tensor<2x16x32x64xbf16>
  return %o : tensor<2x16x32x64xbf16>
}

// -----

func.func @k_descale_wrong_heads(%q: tensor<2x16x32x64xbf16>, %k: tensor<2x16x8x64xf8E4M3FN>, %s: tensor<32xf32>) -> tensor<2x16x32x64xbf16> {
  // expected-error @+1 {{expects 'k_descale' to be an f32 tensor of shape [], [1] or [8] (per head), got 'tensor<32xf32>'}}
  %o = attn.prefill q(%q) k(%k) v(%k) k_descale(%s)
      : (tensor<2x16x32x64xbf16>, tensor<2x16x8x64xf8E4M3FN>, tensor<2x16x8x64xf8E4M3FN>, tensor<32xf32>) -> tensor<2x16x32x64xbf16>
  return %o : tensor<2x16x32x64xbf16>
}

// -----

func.func @v_descale_f16(%q: tensor<2x16x32x64xbf16>, %k: tensor<2x16x8x64xf8E4M3FN>, %s: tensor<f16>) -> tensor<2x16x32x64xbf16> {
  // expected-error @+1 {{expects 'v_descale' to be an f32 tensor of shape [], [1] or [8] (per head), got 'tensor<f16>'}}
  %o = attn.prefill q(%q) k(%k) v(%k) v_descale(%s)
      : (tensor<2x16x32x64xbf16>, tensor<2x16x8x64xf8E4M3FN>, tensor<2x16x8x64xf8E4M3FN>, tensor<f16>) -> tensor<2x16x32x64xbf16>
  return %o : tensor<2x16x32x64xbf16>
}

// -----

func.func @k_descale_rank2(%q: tensor<2x16x32x64xbf16>, %k: tensor<2x16x8x64xf8E4M3FN>, %s: tensor<1x8xf32>) -> tensor<2x16x32x64xbf16> {
  // expected-error @+1 {{expects 'k_descale' to be an f32 tensor of shape [], [1] or [8] (per head), got 'tensor<1x8xf32>'}}
  %o = attn.prefill q(%q) k(%k) v(%k) k_descale(%s)
      : (tensor<2x16x32x64xbf16>, tensor<2x16x8x64xf8E4M3FN>, tensor<2x16x8x64xf8E4M3FN>, tensor<1x8xf32>) -> tensor<2x16x32x64xbf16>
  return %o : tensor<2x16x32x64xbf16>
}

// -----

func.func @o_scale_on_f16_out(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>, %s: tensor<f32>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'o_scale' requires an f8E4M3FN output, got 'f16'}}
  %o = attn.prefill q(%q) k(%k) v(%k) o_scale(%s)
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>, tensor<f32>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @o_scale_per_head(%q: tensor<2x16x32x64xf8E4M3FN>, %k: tensor<2x16x8x64xf8E4M3FN>, %s: tensor<32xf32>) -> tensor<2x16x32x64xf8E4M3FN> {
  // expected-error @+1 {{expects 'o_scale' to be an f32 tensor of shape [] or [1], got 'tensor<32xf32>'}}
  %o = attn.prefill q(%q) k(%k) v(%k) o_scale(%s)
      : (tensor<2x16x32x64xf8E4M3FN>, tensor<2x16x8x64xf8E4M3FN>, tensor<2x16x8x64xf8E4M3FN>, tensor<32xf32>) -> tensor<2x16x32x64xf8E4M3FN>
  return %o : tensor<2x16x32x64xf8E4M3FN>
}

// -----

func.func @o_scale_bf16(%q: tensor<2x16x32x64xf8E4M3FN>, %k: tensor<2x16x8x64xf8E4M3FN>, %s: tensor<bf16>) -> tensor<2x16x32x64xf8E4M3FN> {
  // expected-error @+1 {{expects 'o_scale' to be an f32 tensor of shape [] or [1], got 'tensor<bf16>'}}
  %o = attn.prefill q(%q) k(%k) v(%k) o_scale(%s)
      : (tensor<2x16x32x64xf8E4M3FN>, tensor<2x16x8x64xf8E4M3FN>, tensor<2x16x8x64xf8E4M3FN>, tensor<bf16>) -> tensor<2x16x32x64xf8E4M3FN>
  return %o : tensor<2x16x32x64xf8E4M3FN>
}

// -----

//===----------------------------------------------------------------------===//
// score_mod and mask_mod regions.
//===----------------------------------------------------------------------===//

func.func @score_mod_wrong_arg_types(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'score_mod' region must take (f32 score, index b, index h, index q_idx, index kv_idx), got ('f16', 'index', 'index', 'index', 'index')}}
  %o = attn.prefill q(%q) k(%k) v(%k) score_mod {
  ^bb0(%s: f16, %b: index, %h: index, %i: index, %j: index):
    %c = arith.extf %s : f16 to f32
    attn.yield %c : f32
  } : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @score_mod_too_few_args(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'score_mod' region must take (f32 score, index b, index h, index q_idx, index kv_idx), got ('f32', 'index', 'index')}}
  %o = attn.prefill q(%q) k(%k) v(%k) score_mod {
  ^bb0(%s: f32, %b: index, %h: index):
    attn.yield %s : f32
  } : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @score_mod_no_args(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'score_mod' region must take (f32 score, index b, index h, index q_idx, index kv_idx), got ()}}
  %o = attn.prefill q(%q) k(%k) v(%k) score_mod {
    %c = arith.constant 0.0 : f32
    attn.yield %c : f32
  } : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @score_mod_yields_index(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  %o = attn.prefill q(%q) k(%k) v(%k) score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
    // expected-error @+1 {{'attn.yield' op in 'score_mod' must yield one 'f32' value}}
    attn.yield %i : index
  } : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @score_mod_yields_two(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  %o = attn.prefill q(%q) k(%k) v(%k) score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
    // expected-error @+1 {{'attn.yield' op in 'score_mod' must yield one 'f32' value}}
    attn.yield %s, %s : f32, f32
  } : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @score_mod_two_blocks(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'score_mod' region must have exactly one block}}
  %o = attn.prefill q(%q) k(%k) v(%k) score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
    cf.br ^bb1(%s : f32)
  ^bb1(%t: f32):
    attn.yield %t : f32
  } : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @score_mod_no_yield(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'score_mod' region must end with 'attn.yield'}}
  %o = attn.prefill q(%q) k(%k) v(%k) score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
    llvm.unreachable
  } : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @mask_mod_wrong_signature(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'mask_mod' region must take (index b, index h, index q_idx, index kv_idx), got ('f32', 'index', 'index', 'index', 'index')}}
  %o = attn.prefill q(%q) k(%k) v(%k) mask_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
    %t = arith.constant true
    attn.yield %t : i1
  } : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @mask_mod_i32_indices(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'mask_mod' region must take (index b, index h, index q_idx, index kv_idx), got ('i32', 'i32', 'i32', 'i32')}}
  %o = attn.prefill q(%q) k(%k) v(%k) mask_mod {
  ^bb0(%b: i32, %h: i32, %i: i32, %j: i32):
    %t = arith.cmpi sge, %i, %j : i32
    attn.yield %t : i1
  } : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @mask_mod_yields_f32(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  %o = attn.prefill q(%q) k(%k) v(%k) mask_mod {
  ^bb0(%b: index, %h: index, %i: index, %j: index):
    %c = arith.constant 1.0 : f32
    // expected-error @+1 {{'attn.yield' op in 'mask_mod' must yield one 'i1' value}}
    attn.yield %c : f32
  } : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

// A valid score_mod does not hide a bad mask_mod.
func.func @valid_score_mod_bad_mask_mod(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  %o = attn.prefill q(%q) k(%k) v(%k) score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
    attn.yield %s : f32
  } mask_mod {
  ^bb0(%b: index, %h: index, %i: index, %j: index):
    // expected-error @+1 {{'attn.yield' op in 'mask_mod' must yield one 'i1' value}}
    attn.yield
  } : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @score_mod_empty_block(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{empty block: expect at least a terminator}}
  %o = attn.prefill q(%q) k(%k) v(%k) score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
  } : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @score_mod_no_terminator(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  %o = attn.prefill q(%q) k(%k) v(%k) score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
    // expected-error @+1 {{block with no terminator}}
    %c = arith.addf %s, %s : f32
  } : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

//===----------------------------------------------------------------------===//
// ODS-level constraints.
//===----------------------------------------------------------------------===//

func.func @unranked_q(%q: tensor<*xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{operand #0 must be ranked tensor of any type values, but got 'tensor<*xf16>'}}
  %o = attn.prefill q(%q) k(%k) v(%k)
      : (tensor<*xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @memref_q(%q: memref<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{operand #0 must be ranked tensor of any type values, but got 'memref<2x16x32x64xf16>'}}
  %o = attn.prefill q(%q) k(%k) v(%k)
      : (memref<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @unranked_out(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<*xf16> {
  // expected-error @+1 {{result #0 must be ranked tensor of any type values, but got 'tensor<*xf16>'}}
  %o = attn.prefill q(%q) k(%k) v(%k)
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<*xf16>
  return %o : tensor<*xf16>
}

// -----

func.func @generic_missing_segments(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'attn.prefill' op operand count (3) does not match with the total size (0) specified in attribute 'operandSegmentSizes'}}
  %o = "attn.prefill"(%q, %k, %k) ({}, {})
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @generic_too_many_results(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'attn.prefill' op result group starting at #1 requires 0 or 1 element, but found 2}}
  %o:3 = "attn.prefill"(%q, %k, %k) <{operandSegmentSizes = array<i32: 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0>}> ({}, {})
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>, tensor<2x16x32xf32>, tensor<2x16x32xf32>)
  return %o#0 : tensor<2x16x32x64xf16>
}

// -----

// Head counts that would overflow (Hq + 2 Hkv) are rejected, not divided by.
func.func @qkv_heads_overflow(%qkv: tensor<2x16x512xf16>) -> tensor<2x16x4x64xf16> {
  // expected-error @+1 {{'qkv_heads' must be two head counts [Hq, Hkv] between 1 and 65536}}
  %o = attn.prefill qkv(%qkv) {qkv_heads = array<i64: 4611686018427387904, 6917529027641081856>} : (tensor<2x16x512xf16>) -> tensor<2x16x4x64xf16>
  return %o : tensor<2x16x4x64xf16>
}
