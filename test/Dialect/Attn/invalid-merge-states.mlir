// RUN: attn-opt %s -split-input-file -verify-diagnostics

// Malformed attn.merge_states ops: every diagnostic of MergeStatesOp::verify,
// plus mismatched numbers of values and LSEs. The op uses
// SameVariadicOperandSize, which splits the operands evenly: with unequal
// counts the verifier sees a different grouping than the one written (see
// the cases at the end).

//===----------------------------------------------------------------------===//
// States.
//===----------------------------------------------------------------------===//

func.func @no_states() -> (tensor<?x32x128xf16>, tensor<?x32xf32>) {
  // expected-error @+1 {{'attn.merge_states' op expects at least one state}}
  %v, %s = attn.merge_states values() lse() : () -> (tensor<?x32x128xf16>, tensor<?x32xf32>)
  return %v, %s : tensor<?x32x128xf16>, tensor<?x32xf32>
}

// -----

func.func @value_types_differ(%va: tensor<?x32x128xf16>, %vb: tensor<?x32x64xf16>, %sa: tensor<?x32xf32>) -> (tensor<?x32x128xf16>, tensor<?x32xf32>) {
  // expected-error @+1 {{all values must have one type; value 1 is 'tensor<?x32x64xf16>', value 0 is 'tensor<?x32x128xf16>'}}
  %v, %s = attn.merge_states values(%va, %vb) lse(%sa, %sa)
      : (tensor<?x32x128xf16>, tensor<?x32x64xf16>, tensor<?x32xf32>, tensor<?x32xf32>) -> (tensor<?x32x128xf16>, tensor<?x32xf32>)
  return %v, %s : tensor<?x32x128xf16>, tensor<?x32xf32>
}

// -----

func.func @value_element_types_differ(%va: tensor<?x32x128xf16>, %vb: tensor<?x32x128xbf16>, %sa: tensor<?x32xf32>) -> (tensor<?x32x128xf16>, tensor<?x32xf32>) {
  // expected-error @+1 {{all values must have one type; value 2 is 'tensor<?x32x128xbf16>', value 0 is 'tensor<?x32x128xf16>'}}
  %v, %s = attn.merge_states values(%va, %va, %vb) lse(%sa, %sa, %sa)
      : (tensor<?x32x128xf16>, tensor<?x32x128xf16>, tensor<?x32x128xbf16>, tensor<?x32xf32>, tensor<?x32xf32>, tensor<?x32xf32>) -> (tensor<?x32x128xf16>, tensor<?x32xf32>)
  return %v, %s : tensor<?x32x128xf16>, tensor<?x32xf32>
}

// -----

func.func @static_and_dynamic_values(%va: tensor<?x32x128xf16>, %vb: tensor<8x32x128xf16>, %sa: tensor<?x32xf32>) -> (tensor<?x32x128xf16>, tensor<?x32xf32>) {
  // expected-error @+1 {{all values must have one type; value 1 is 'tensor<8x32x128xf16>', value 0 is 'tensor<?x32x128xf16>'}}
  %v, %s = attn.merge_states values(%va, %vb) lse(%sa, %sa)
      : (tensor<?x32x128xf16>, tensor<8x32x128xf16>, tensor<?x32xf32>, tensor<?x32xf32>) -> (tensor<?x32x128xf16>, tensor<?x32xf32>)
  return %v, %s : tensor<?x32x128xf16>, tensor<?x32xf32>
}

// -----

func.func @lse_types_differ(%va: tensor<?x32x128xf16>, %sa: tensor<?x32xf32>, %sb: tensor<?x16xf32>) -> (tensor<?x32x128xf16>, tensor<?x32xf32>) {
  // expected-error @+1 {{all LSEs must have one type; LSE 1 is 'tensor<?x16xf32>', LSE 0 is 'tensor<?x32xf32>'}}
  %v, %s = attn.merge_states values(%va, %va) lse(%sa, %sb)
      : (tensor<?x32x128xf16>, tensor<?x32x128xf16>, tensor<?x32xf32>, tensor<?x16xf32>) -> (tensor<?x32x128xf16>, tensor<?x32xf32>)
  return %v, %s : tensor<?x32x128xf16>, tensor<?x32xf32>
}

// -----

func.func @values_rank1(%va: tensor<128xf16>, %sa: tensor<f32>) -> (tensor<128xf16>, tensor<f32>) {
  // expected-error @+1 {{values must have rank >= 2 ([..., H, D]), got 'tensor<128xf16>'}}
  %v, %s = attn.merge_states values(%va) lse(%sa) : (tensor<128xf16>, tensor<f32>) -> (tensor<128xf16>, tensor<f32>)
  return %v, %s : tensor<128xf16>, tensor<f32>
}

// -----

func.func @values_rank0(%va: tensor<f16>, %sa: tensor<f32>) -> (tensor<f16>, tensor<f32>) {
  // expected-error @+1 {{values must have rank >= 2 ([..., H, D]), got 'tensor<f16>'}}
  %v, %s = attn.merge_states values(%va, %va) lse(%sa, %sa)
      : (tensor<f16>, tensor<f16>, tensor<f32>, tensor<f32>) -> (tensor<f16>, tensor<f32>)
  return %v, %s : tensor<f16>, tensor<f32>
}

// -----

func.func @values_i8(%va: tensor<?x32x128xi8>, %sa: tensor<?x32xf32>) -> (tensor<?x32x128xi8>, tensor<?x32xf32>) {
  // expected-error @+1 {{'values' has unsupported element type 'i8' (expected f32, f16 or bf16)}}
  %v, %s = attn.merge_states values(%va, %va) lse(%sa, %sa)
      : (tensor<?x32x128xi8>, tensor<?x32x128xi8>, tensor<?x32xf32>, tensor<?x32xf32>) -> (tensor<?x32x128xi8>, tensor<?x32xf32>)
  return %v, %s : tensor<?x32x128xi8>, tensor<?x32xf32>
}

// -----

func.func @values_fp8(%va: tensor<?x32x128xf8E4M3FN>, %sa: tensor<?x32xf32>) -> (tensor<?x32x128xf8E4M3FN>, tensor<?x32xf32>) {
  // expected-error @+1 {{'values' has unsupported element type 'f8E4M3FN' (expected f32, f16 or bf16)}}
  %v, %s = attn.merge_states values(%va, %va) lse(%sa, %sa)
      : (tensor<?x32x128xf8E4M3FN>, tensor<?x32x128xf8E4M3FN>, tensor<?x32xf32>, tensor<?x32xf32>) -> (tensor<?x32x128xf8E4M3FN>, tensor<?x32xf32>)
  return %v, %s : tensor<?x32x128xf8E4M3FN>, tensor<?x32xf32>
}

// -----

func.func @values_f64(%va: tensor<4x32x128xf64>, %sa: tensor<4x32xf32>) -> (tensor<4x32x128xf64>, tensor<4x32xf32>) {
  // expected-error @+1 {{'values' has unsupported element type 'f64' (expected f32, f16 or bf16)}}
  %v, %s = attn.merge_states values(%va, %va) lse(%sa, %sa)
      : (tensor<4x32x128xf64>, tensor<4x32x128xf64>, tensor<4x32xf32>, tensor<4x32xf32>) -> (tensor<4x32x128xf64>, tensor<4x32xf32>)
  return %v, %s : tensor<4x32x128xf64>, tensor<4x32xf32>
}

// -----

//===----------------------------------------------------------------------===//
// LSEs.
//===----------------------------------------------------------------------===//

func.func @lse_shape(%va: tensor<?x32x128xf16>, %sa: tensor<?x16xf32>) -> (tensor<?x32x128xf16>, tensor<?x16xf32>) {
  // expected-error @+1 {{expects 'lse' of shape values' shape without D = [?, 32], got 'tensor<?x16xf32>'}}
  %v, %s = attn.merge_states values(%va, %va) lse(%sa, %sa)
      : (tensor<?x32x128xf16>, tensor<?x32x128xf16>, tensor<?x16xf32>, tensor<?x16xf32>) -> (tensor<?x32x128xf16>, tensor<?x16xf32>)
  return %v, %s : tensor<?x32x128xf16>, tensor<?x16xf32>
}

// -----

func.func @lse_static_shape(%va: tensor<4x2x32x128xf32>, %sa: tensor<4x3x32xf32>) -> (tensor<4x2x32x128xf32>, tensor<4x3x32xf32>) {
  // expected-error @+1 {{expects 'lse' of shape values' shape without D = [4, 2, 32], got 'tensor<4x3x32xf32>'}}
  %v, %s = attn.merge_states values(%va, %va) lse(%sa, %sa)
      : (tensor<4x2x32x128xf32>, tensor<4x2x32x128xf32>, tensor<4x3x32xf32>, tensor<4x3x32xf32>) -> (tensor<4x2x32x128xf32>, tensor<4x3x32xf32>)
  return %v, %s : tensor<4x2x32x128xf32>, tensor<4x3x32xf32>
}

// -----

func.func @lse_rank(%va: tensor<?x32x128xf16>, %sa: tensor<?x32x1xf32>) -> (tensor<?x32x128xf16>, tensor<?x32x1xf32>) {
  // expected-error @+1 {{expects 'lse' of rank 2 (values' shape without D), got 'tensor<?x32x1xf32>'}}
  %v, %s = attn.merge_states values(%va, %va) lse(%sa, %sa)
      : (tensor<?x32x128xf16>, tensor<?x32x128xf16>, tensor<?x32x1xf32>, tensor<?x32x1xf32>) -> (tensor<?x32x128xf16>, tensor<?x32x1xf32>)
  return %v, %s : tensor<?x32x128xf16>, tensor<?x32x1xf32>
}

// -----

func.func @lse_f16(%va: tensor<?x32x128xf16>, %sa: tensor<?x32xf16>) -> (tensor<?x32x128xf16>, tensor<?x32xf16>) {
  // expected-error @+1 {{LSEs must have element type f32, got 'f16'}}
  %v, %s = attn.merge_states values(%va, %va) lse(%sa, %sa)
      : (tensor<?x32x128xf16>, tensor<?x32x128xf16>, tensor<?x32xf16>, tensor<?x32xf16>) -> (tensor<?x32x128xf16>, tensor<?x32xf16>)
  return %v, %s : tensor<?x32x128xf16>, tensor<?x32xf16>
}

// -----

func.func @lse_f64(%va: tensor<?x32x128xf32>, %sa: tensor<?x32xf64>) -> (tensor<?x32x128xf32>, tensor<?x32xf64>) {
  // expected-error @+1 {{LSEs must have element type f32, got 'f64'}}
  %v, %s = attn.merge_states values(%va) lse(%sa)
      : (tensor<?x32x128xf32>, tensor<?x32xf64>) -> (tensor<?x32x128xf32>, tensor<?x32xf64>)
  return %v, %s : tensor<?x32x128xf32>, tensor<?x32xf64>
}

// -----

//===----------------------------------------------------------------------===//
// Results.
//===----------------------------------------------------------------------===//

func.func @out_type(%va: tensor<?x32x128xf16>, %sa: tensor<?x32xf32>) -> (tensor<?x32x128xf32>, tensor<?x32xf32>) {
  // expected-error @+1 {{results must have the types of the merged value and LSE}}
  %v, %s = attn.merge_states values(%va, %va) lse(%sa, %sa)
      : (tensor<?x32x128xf16>, tensor<?x32x128xf16>, tensor<?x32xf32>, tensor<?x32xf32>) -> (tensor<?x32x128xf32>, tensor<?x32xf32>)
  return %v, %s : tensor<?x32x128xf32>, tensor<?x32xf32>
}

// -----

func.func @lse_result_type(%va: tensor<?x32x128xf16>, %sa: tensor<?x32xf32>) -> (tensor<?x32x128xf16>, tensor<8x32xf32>) {
  // expected-error @+1 {{results must have the types of the merged value and LSE}}
  %v, %s = attn.merge_states values(%va, %va) lse(%sa, %sa)
      : (tensor<?x32x128xf16>, tensor<?x32x128xf16>, tensor<?x32xf32>, tensor<?x32xf32>) -> (tensor<?x32x128xf16>, tensor<8x32xf32>)
  return %v, %s : tensor<?x32x128xf16>, tensor<8x32xf32>
}

// -----

func.func @one_result(%va: tensor<?x32x128xf16>, %sa: tensor<?x32xf32>) -> tensor<?x32x128xf16> {
  // expected-error @+1 {{'attn.merge_states' op expected 2 results}}
  %v = attn.merge_states values(%va, %va) lse(%sa, %sa)
      : (tensor<?x32x128xf16>, tensor<?x32x128xf16>, tensor<?x32xf32>, tensor<?x32xf32>) -> tensor<?x32x128xf16>
  return %v : tensor<?x32x128xf16>
}

// -----

func.func @unranked_value(%va: tensor<*xf16>, %sa: tensor<?x32xf32>) -> (tensor<*xf16>, tensor<?x32xf32>) {
  // expected-error @+1 {{operand #0 must be variadic of ranked tensor of any type values, but got 'tensor<*xf16>'}}
  %v, %s = attn.merge_states values(%va) lse(%sa) : (tensor<*xf16>, tensor<?x32xf32>) -> (tensor<*xf16>, tensor<?x32xf32>)
  return %v, %s : tensor<*xf16>, tensor<?x32xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Mismatched numbers of values and LSEs. SameVariadicOperandSize splits the
// operand list in two equal halves (rounding down), so the diagnostic
// reflects that split, not the values(...)/lse(...) groups as written.
// These diagnostics are imprecise; a count check would name the mismatch.
// (values(%v) lse(%s, %s) and values(%v, %v) lse(%s, %s, %s) are accepted
// today, the extra LSE silently dropped, so they cannot be tested here.)
//===----------------------------------------------------------------------===//

// 2 values + 1 LSE: split as values = [%va], lses = [%va], %sa dropped.
func.func @two_values_one_lse(%va: tensor<?x32x128xf16>, %sa: tensor<?x32xf32>) -> (tensor<?x32x128xf16>, tensor<?x32xf32>) {
  // expected-error @+1 {{expects one LSE per value, got 3 operands in all}}
  %v, %s = attn.merge_states values(%va, %va) lse(%sa)
      : (tensor<?x32x128xf16>, tensor<?x32x128xf16>, tensor<?x32xf32>) -> (tensor<?x32x128xf16>, tensor<?x32xf32>)
  return %v, %s : tensor<?x32x128xf16>, tensor<?x32xf32>
}

// -----

// 3 values + 1 LSE: split as values = [%va, %va], lses = [%va, %sa].
func.func @three_values_one_lse(%va: tensor<?x32x128xf16>, %sa: tensor<?x32xf32>) -> (tensor<?x32x128xf16>, tensor<?x32xf32>) {
  // expected-error @+1 {{all LSEs must have one type; LSE 1 is 'tensor<?x32xf32>', LSE 0 is 'tensor<?x32x128xf16>'}}
  %v, %s = attn.merge_states values(%va, %va, %va) lse(%sa)
      : (tensor<?x32x128xf16>, tensor<?x32x128xf16>, tensor<?x32x128xf16>, tensor<?x32xf32>) -> (tensor<?x32x128xf16>, tensor<?x32xf32>)
  return %v, %s : tensor<?x32x128xf16>, tensor<?x32xf32>
}

// -----

// 1 value + 0 LSEs: both halves are empty.
func.func @one_value_no_lse(%va: tensor<?x32x128xf16>) -> (tensor<?x32x128xf16>, tensor<?x32xf32>) {
  // expected-error @+1 {{expects one LSE per value, got 1 operands in all}}
  %v, %s = attn.merge_states values(%va) lse() : (tensor<?x32x128xf16>) -> (tensor<?x32x128xf16>, tensor<?x32xf32>)
  return %v, %s : tensor<?x32x128xf16>, tensor<?x32xf32>
}

// -----

// 0 values + 1 LSE: both halves are empty.
func.func @no_value_one_lse(%sa: tensor<?x32xf32>) -> (tensor<?x32x128xf16>, tensor<?x32xf32>) {
  // expected-error @+1 {{expects one LSE per value, got 1 operands in all}}
  %v, %s = attn.merge_states values() lse(%sa) : (tensor<?x32xf32>) -> (tensor<?x32x128xf16>, tensor<?x32xf32>)
  return %v, %s : tensor<?x32x128xf16>, tensor<?x32xf32>
}
