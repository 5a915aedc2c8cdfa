// RUN: attn-opt %s -split-input-file -verify-diagnostics

// Malformed attn.rope ops: every diagnostic of RopeOp::verify (input rank
// neither 3 nor 4, non-float elements, rotary dim above the head dim,
// token-major input without positions, positions of the wrong element type,
// rank or shape), the ODS constraints (result type equal to the input's,
// ranked operands, the required `rope` attribute) and the #attn.rope
// attribute's own verifier on this op.

//===----------------------------------------------------------------------===//
// Input.
//===----------------------------------------------------------------------===//

func.func @input_rank2(%x: tensor<16x64xf32>) -> tensor<16x64xf32> {
  // expected-error @+1 {{'attn.rope' op expects a dense [B, S, H, D] or token-major [T, H, D] input, got 'tensor<16x64xf32>'}}
  %r = attn.rope %x {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<16x64xf32>
  return %r : tensor<16x64xf32>
}

// -----

func.func @input_rank5(%x: tensor<2x3x16x4x64xf32>) -> tensor<2x3x16x4x64xf32> {
  // expected-error @+1 {{'attn.rope' op expects a dense [B, S, H, D] or token-major [T, H, D] input, got 'tensor<2x3x16x4x64xf32>'}}
  %r = attn.rope %x {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<2x3x16x4x64xf32>
  return %r : tensor<2x3x16x4x64xf32>
}

// -----

func.func @input_rank0(%x: tensor<f32>) -> tensor<f32> {
  // expected-error @+1 {{'attn.rope' op expects a dense [B, S, H, D] or token-major [T, H, D] input, got 'tensor<f32>'}}
  %r = attn.rope %x {rope = #attn.rope<theta = 10000.0, dim = 2, style = neox>} : tensor<f32>
  return %r : tensor<f32>
}

// -----

func.func @input_integer(%x: tensor<2x16x4x64xi32>) -> tensor<2x16x4x64xi32> {
  // expected-error @+1 {{'input' has unsupported element type 'i32' (expected f32, f16, bf16 or f8E4M3FN)}}
  %r = attn.rope %x {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<2x16x4x64xi32>
  return %r : tensor<2x16x4x64xi32>
}

// -----

func.func @input_integer_token_major(%x: tensor<?x4x64xi8>, %p: tensor<?xi32>) -> tensor<?x4x64xi8> {
  // expected-error @+1 {{'input' has unsupported element type 'i8' (expected f32, f16, bf16 or f8E4M3FN)}}
  %r = attn.rope %x positions(%p : tensor<?xi32>) {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<?x4x64xi8>
  return %r : tensor<?x4x64xi8>
}

// -----

func.func @input_complex(%x: tensor<2x16x4x64xcomplex<f32>>) -> tensor<2x16x4x64xcomplex<f32>> {
  // expected-error @+1 {{'input' has unsupported element type 'complex<f32>' (expected f32, f16, bf16 or f8E4M3FN)}}
  %r = attn.rope %x {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<2x16x4x64xcomplex<f32>>
  return %r : tensor<2x16x4x64xcomplex<f32>>
}

// -----

func.func @result_type_mismatch(%x: tensor<2x16x4x64xf32>) -> tensor<2x16x4x64xf16> {
  // expected-error @+1 {{'attn.rope' op failed to verify that all of {input, result} have same type}}
  %r = "attn.rope"(%x) <{rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>}> : (tensor<2x16x4x64xf32>) -> tensor<2x16x4x64xf16>
  return %r : tensor<2x16x4x64xf16>
}

// -----

func.func @input_unranked(%x: tensor<*xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'attn.rope' op operand #0 must be ranked tensor of any type values, but got 'tensor<*xf32>'}}
  %r = "attn.rope"(%x) <{rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>}> : (tensor<*xf32>) -> tensor<*xf32>
  return %r : tensor<*xf32>
}

//===----------------------------------------------------------------------===//
// The rotary dim.
//===----------------------------------------------------------------------===//

// -----

func.func @rotary_dim_exceeds_head_dim(%x: tensor<2x16x4x64xf32>) -> tensor<2x16x4x64xf32> {
  // expected-error @+1 {{'attn.rope' op RoPE rotary dim 128 exceeds the head dimension 64}}
  %r = attn.rope %x {rope = #attn.rope<theta = 10000.0, dim = 128, style = neox>} : tensor<2x16x4x64xf32>
  return %r : tensor<2x16x4x64xf32>
}

// -----

func.func @rotary_dim_exceeds_head_dim_token_major(%x: tensor<?x4x80xbf16>, %p: tensor<?xi64>) -> tensor<?x4x80xbf16> {
  // expected-error @+1 {{'attn.rope' op RoPE rotary dim 82 exceeds the head dimension 80}}
  %r = attn.rope %x positions(%p : tensor<?xi64>) {rope = #attn.rope<theta = 10000.0, dim = 82, style = interleaved>} : tensor<?x4x80xbf16>
  return %r : tensor<?x4x80xbf16>
}

// -----

func.func @rope_attr_odd_dim(%x: tensor<2x16x4x64xf32>) -> tensor<2x16x4x64xf32> {
  // expected-error @+1 {{RoPE rotary dim must be positive and even, got 63}}
  %r = attn.rope %x {rope = #attn.rope<theta = 10000.0, dim = 63, style = neox>} : tensor<2x16x4x64xf32>
  return %r : tensor<2x16x4x64xf32>
}

// -----

func.func @rope_attr_theta(%x: tensor<2x16x4x64xf32>) -> tensor<2x16x4x64xf32> {
  // expected-error @+1 {{RoPE theta must be a finite number above 1, got 1.000000e+00}}
  %r = attn.rope %x {rope = #attn.rope<theta = 1.0, dim = 64, style = neox>} : tensor<2x16x4x64xf32>
  return %r : tensor<2x16x4x64xf32>
}

// -----

func.func @rope_attr_missing(%x: tensor<2x16x4x64xf32>) -> tensor<2x16x4x64xf32> {
  // expected-error @+1 {{'attn.rope' op requires attribute 'rope'}}
  %r = "attn.rope"(%x) : (tensor<2x16x4x64xf32>) -> tensor<2x16x4x64xf32>
  return %r : tensor<2x16x4x64xf32>
}

//===----------------------------------------------------------------------===//
// Positions.
//===----------------------------------------------------------------------===//

// -----

func.func @token_major_without_positions(%x: tensor<?x4x64xf32>) -> tensor<?x4x64xf32> {
  // expected-error @+1 {{'attn.rope' op needs 'positions' for a token-major [T, H, D] input}}
  %r = attn.rope %x {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<?x4x64xf32>
  return %r : tensor<?x4x64xf32>
}

// -----

func.func @positions_float(%x: tensor<2x16x4x64xf32>, %p: tensor<2x16xf32>) -> tensor<2x16x4x64xf32> {
  // expected-error @+1 {{expects 'positions' to be a 2-D tensor of i32 or i64, got 'tensor<2x16xf32>'}}
  %r = attn.rope %x positions(%p : tensor<2x16xf32>) {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<2x16x4x64xf32>
  return %r : tensor<2x16x4x64xf32>
}

// -----

func.func @positions_index(%x: tensor<?x4x64xf32>, %p: tensor<?xindex>) -> tensor<?x4x64xf32> {
  // expected-error @+1 {{expects 'positions' to be a 1-D tensor of i32 or i64, got 'tensor<?xindex>'}}
  %r = attn.rope %x positions(%p : tensor<?xindex>) {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<?x4x64xf32>
  return %r : tensor<?x4x64xf32>
}

// -----

// Dense input: positions must be [B, S], not [S].
func.func @positions_rank1_for_dense(%x: tensor<2x16x4x64xf32>, %p: tensor<16xi32>) -> tensor<2x16x4x64xf32> {
  // expected-error @+1 {{expects 'positions' to be a 2-D tensor of i32 or i64, got 'tensor<16xi32>'}}
  %r = attn.rope %x positions(%p : tensor<16xi32>) {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<2x16x4x64xf32>
  return %r : tensor<2x16x4x64xf32>
}

// -----

// Token-major input: positions must be [T], not [1, T].
func.func @positions_rank2_for_token_major(%x: tensor<?x4x64xf32>, %p: tensor<1x?xi64>) -> tensor<?x4x64xf32> {
  // expected-error @+1 {{expects 'positions' to be a 1-D tensor of i32 or i64, got 'tensor<1x?xi64>'}}
  %r = attn.rope %x positions(%p : tensor<1x?xi64>) {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<?x4x64xf32>
  return %r : tensor<?x4x64xf32>
}

// -----

func.func @positions_wrong_sequence_length(%x: tensor<2x16x4x64xf32>, %p: tensor<2x15xi64>) -> tensor<2x16x4x64xf32> {
  // expected-error @+1 {{expects 'positions' of shape [B, S] = [2, 16], got 'tensor<2x15xi64>'}}
  %r = attn.rope %x positions(%p : tensor<2x15xi64>) {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<2x16x4x64xf32>
  return %r : tensor<2x16x4x64xf32>
}

// -----

func.func @positions_wrong_batch(%x: tensor<2x?x4x64xf32>, %p: tensor<3x?xi32>) -> tensor<2x?x4x64xf32> {
  // expected-error @+1 {{expects 'positions' of shape [B, S] = [2, ?], got 'tensor<3x?xi32>'}}
  %r = attn.rope %x positions(%p : tensor<3x?xi32>) {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<2x?x4x64xf32>
  return %r : tensor<2x?x4x64xf32>
}

// -----

func.func @positions_wrong_token_count(%x: tensor<7x4x64xf32>, %p: tensor<8xi32>) -> tensor<7x4x64xf32> {
  // expected-error @+1 {{expects 'positions' of shape [T] = [7], got 'tensor<8xi32>'}}
  %r = attn.rope %x positions(%p : tensor<8xi32>) {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<7x4x64xf32>
  return %r : tensor<7x4x64xf32>
}

// -----

func.func @positions_unranked(%x: tensor<?x4x64xf32>, %p: tensor<*xi32>) -> tensor<?x4x64xf32> {
  // expected-error @+1 {{'attn.rope' op operand #1 must be ranked tensor of any type values, but got 'tensor<*xi32>'}}
  %r = "attn.rope"(%x, %p) <{rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>}> : (tensor<?x4x64xf32>, tensor<*xi32>) -> tensor<?x4x64xf32>
  return %r : tensor<?x4x64xf32>
}

// -----

func.func @f64_input(%x: tensor<1x4x2x8xf64>) {
  // expected-error @+1 {{'input' has unsupported element type 'f64' (expected f32, f16, bf16 or f8E4M3FN)}}
  %y = attn.rope %x {rope = #attn.rope<theta = 10000.0, dim = 8, style = neox>} : tensor<1x4x2x8xf64>
  return
}

// -----

func.func @i16_positions(%x: tensor<1x4x2x8xf32>, %p: tensor<1x4xi16>) {
  // expected-error @+1 {{expects 'positions' to be a 2-D tensor of i32 or i64, got 'tensor<1x4xi16>'}}
  %y = attn.rope %x positions(%p : tensor<1x4xi16>) {rope = #attn.rope<theta = 10000.0, dim = 8, style = neox>} : tensor<1x4x2x8xf32>
  return
}

// -----

func.func @unsigned_positions(%x: tensor<4x2x8xf32>, %p: tensor<4xui32>) {
  // expected-error @+1 {{expects 'positions' to be a 1-D tensor of i32 or i64, got 'tensor<4xui32>'}}
  %y = attn.rope %x positions(%p : tensor<4xui32>) {rope = #attn.rope<theta = 10000.0, dim = 8, style = neox>} : tensor<4x2x8xf32>
  return
}

// -----

func.func @dynamic_head_dim(%x: tensor<1x4x2x?xf32>) {
  // expected-error @+1 {{the head dimension (dimension 3 of 'input') must be static}}
  %y = attn.rope %x {rope = #attn.rope<theta = 10000.0, dim = 8, style = neox>} : tensor<1x4x2x?xf32>
  return
}

