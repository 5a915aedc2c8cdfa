// RUN: attn-opt %s -split-input-file -verify-diagnostics

// Malformed attn attributes: #attn.rope (RopeAttr::parse and
// RopeAttr::verify: theta <= 1, odd, zero or negative dim, unknown style,
// bad syntax) and unknown values of the enum attributes #attn.normalizer,
// #attn.kv_layout and #attn.linear_kind, each on an op that takes it.

//===----------------------------------------------------------------------===//
// #attn.rope: theta must be finite and above 1.
//===----------------------------------------------------------------------===//

func.func @rope_theta_one(%a0: tensor<2x16x32x64xf16>, %a1: tensor<2x16x8x64xf16>, %a2: tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>) {
  // expected-error @+1 {{RoPE theta must be a finite number above 1, got 1.000000e+00}}
  %r0 = attn.prefill q(%a0) k(%a1) v(%a2) {rope = #attn.rope<theta = 1.0, dim = 64, style = neox>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %r0 : tensor<2x16x32x64xf16>
}

// -----

func.func @rope_theta_below_one(%a0: tensor<2x16x32x64xf16>, %a1: tensor<2x16x8x64xf16>, %a2: tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>) {
  // expected-error @+1 {{RoPE theta must be a finite number above 1, got 5.000000e-01}}
  %r0 = attn.prefill q(%a0) k(%a1) v(%a2) {rope = #attn.rope<theta = 0.5, dim = 64, style = neox>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %r0 : tensor<2x16x32x64xf16>
}

// -----

func.func @rope_theta_integer_one(%a0: tensor<2x16x32x64xf16>, %a1: tensor<2x16x8x64xf16>, %a2: tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>) {
  // expected-error @+1 {{RoPE theta must be a finite number above 1, got 1.000000e+00}}
  %r0 = attn.prefill q(%a0) k(%a1) v(%a2) {rope = #attn.rope<theta = 1, dim = 64, style = neox>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %r0 : tensor<2x16x32x64xf16>
}

// -----

func.func @rope_theta_zero(%a0: tensor<2x16x32x64xf16>, %a1: tensor<2x16x8x64xf16>, %a2: tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>) {
  // expected-error @+1 {{RoPE theta must be a finite number above 1, got 0.000000e+00}}
  %r0 = attn.prefill q(%a0) k(%a1) v(%a2) {rope = #attn.rope<theta = 0, dim = 64, style = neox>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %r0 : tensor<2x16x32x64xf16>
}

// -----

func.func @rope_theta_negative(%a0: tensor<2x16x32x64xf16>, %a1: tensor<2x16x8x64xf16>, %a2: tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>) {
  // expected-error @+1 {{RoPE theta must be a finite number above 1, got -1.000000e+04}}
  %r0 = attn.prefill q(%a0) k(%a1) v(%a2) {rope = #attn.rope<theta = -10000, dim = 64, style = neox>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %r0 : tensor<2x16x32x64xf16>
}

// -----

//===----------------------------------------------------------------------===//
// #attn.rope: dim must be positive and even.
//===----------------------------------------------------------------------===//

func.func @rope_dim_odd(%a0: tensor<2x16x32x64xf16>, %a1: tensor<2x16x8x64xf16>, %a2: tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>) {
  // expected-error @+1 {{RoPE rotary dim must be positive and even, got 63}}
  %r0 = attn.prefill q(%a0) k(%a1) v(%a2) {rope = #attn.rope<theta = 10000.0, dim = 63, style = neox>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %r0 : tensor<2x16x32x64xf16>
}

// -----

func.func @rope_dim_one(%a0: tensor<2x16x32x64xf16>, %a1: tensor<2x16x8x64xf16>, %a2: tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>) {
  // expected-error @+1 {{RoPE rotary dim must be positive and even, got 1}}
  %r0 = attn.prefill q(%a0) k(%a1) v(%a2) {rope = #attn.rope<theta = 10000.0, dim = 1, style = neox>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %r0 : tensor<2x16x32x64xf16>
}

// -----

func.func @rope_dim_zero(%a0: tensor<2x16x32x64xf16>, %a1: tensor<2x16x8x64xf16>, %a2: tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>) {
  // expected-error @+1 {{RoPE rotary dim must be positive and even, got 0}}
  %r0 = attn.prefill q(%a0) k(%a1) v(%a2) {rope = #attn.rope<theta = 10000.0, dim = 0, style = neox>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %r0 : tensor<2x16x32x64xf16>
}

// -----

func.func @rope_dim_negative(%a0: tensor<2x16x32x64xf16>, %a1: tensor<2x16x8x64xf16>, %a2: tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>) {
  // expected-error @+1 {{RoPE rotary dim must be positive and even, got -2}}
  %r0 = attn.prefill q(%a0) k(%a1) v(%a2) {rope = #attn.rope<theta = 10000.0, dim = -2, style = neox>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %r0 : tensor<2x16x32x64xf16>
}

// -----

func.func @rope_dim_float(%a0: tensor<2x16x32x64xf16>, %a1: tensor<2x16x8x64xf16>, %a2: tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>) {
  // expected-error @+1 {{expected integer value}}
  %r0 = attn.prefill q(%a0) k(%a1) v(%a2) {rope = #attn.rope<theta = 10000.0, dim = 64.0, style = neox>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %r0 : tensor<2x16x32x64xf16>
}

// -----

func.func @rope_dim_too_large(%a0: tensor<2x16x32x64xf16>, %a1: tensor<2x16x8x64xf16>, %a2: tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>) {
  // expected-error @+1 {{integer value too large}}
  %r0 = attn.prefill q(%a0) k(%a1) v(%a2) {rope = #attn.rope<theta = 10000.0, dim = 99999999999999999999, style = neox>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %r0 : tensor<2x16x32x64xf16>
}

// -----

//===----------------------------------------------------------------------===//
// #attn.rope: style must be neox or interleaved.
//===----------------------------------------------------------------------===//

func.func @rope_style_unknown(%a0: tensor<2x16x32x64xf16>, %a1: tensor<2x16x8x64xf16>, %a2: tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>) {
  // expected-error @+1 {{expected RoPE style 'neox' or 'interleaved'}}
  %r0 = attn.prefill q(%a0) k(%a1) v(%a2) {rope = #attn.rope<theta = 10000.0, dim = 64, style = gptj>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %r0 : tensor<2x16x32x64xf16>
}

// -----

func.func @rope_style_uppercase(%a0: tensor<2x16x32x64xf16>, %a1: tensor<2x16x8x64xf16>, %a2: tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>) {
  // expected-error @+1 {{expected RoPE style 'neox' or 'interleaved'}}
  %r0 = attn.prefill q(%a0) k(%a1) v(%a2) {rope = #attn.rope<theta = 10000.0, dim = 64, style = NEOX>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %r0 : tensor<2x16x32x64xf16>
}

// -----

func.func @rope_style_string(%a0: tensor<2x16x32x64xf16>, %a1: tensor<2x16x8x64xf16>, %a2: tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>) {
  // expected-error @+1 {{expected valid keyword}}
  %r0 = attn.prefill q(%a0) k(%a1) v(%a2) {rope = #attn.rope<theta = 10000.0, dim = 64, style = "neox">}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %r0 : tensor<2x16x32x64xf16>
}

// -----

//===----------------------------------------------------------------------===//
// #attn.rope: syntax.
//===----------------------------------------------------------------------===//

func.func @rope_missing_style(%a0: tensor<2x16x32x64xf16>, %a1: tensor<2x16x8x64xf16>, %a2: tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>) {
  // expected-error @+1 {{expected ','}}
  %r0 = attn.prefill q(%a0) k(%a1) v(%a2) {rope = #attn.rope<theta = 10000.0, dim = 64>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %r0 : tensor<2x16x32x64xf16>
}

// -----

func.func @rope_out_of_order(%a0: tensor<2x16x32x64xf16>, %a1: tensor<2x16x8x64xf16>, %a2: tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>) {
  // expected-error @+1 {{expected 'theta'}}
  %r0 = attn.prefill q(%a0) k(%a1) v(%a2) {rope = #attn.rope<dim = 64, theta = 10000.0, style = neox>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %r0 : tensor<2x16x32x64xf16>
}

// -----

func.func @rope_no_parameters(%a0: tensor<2x16x32x64xf16>, %a1: tensor<2x16x8x64xf16>, %a2: tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>) {
  // expected-error @+1 {{expected '<'}}
  %r0 = attn.prefill q(%a0) k(%a1) v(%a2) {rope = #attn.rope}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %r0 : tensor<2x16x32x64xf16>
}

// -----

func.func @rope_extra_parameter(%a0: tensor<2x16x32x64xf16>, %a1: tensor<2x16x8x64xf16>, %a2: tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>) {
  // expected-error @+1 {{expected '>'}}
  %r0 = attn.prefill q(%a0) k(%a1) v(%a2) {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox, scaling = 8>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %r0 : tensor<2x16x32x64xf16>
}

// -----

func.func @rope_wrong_attribute(%a0: tensor<2x16x32x64xf16>, %a1: tensor<2x16x8x64xf16>, %a2: tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>) {
  // expected-error @+1 {{attribute 'rope' failed to satisfy constraint: rotary position embedding applied inside the kernel}}
  %r0 = attn.prefill q(%a0) k(%a1) v(%a2) {rope = #attn.normalizer<softmax>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %r0 : tensor<2x16x32x64xf16>
}

// -----

func.func @rope_dim_odd_on_append_kv(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>, %a5: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{RoPE rotary dim must be positive and even, got 127}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) positions(%a5) {layout = #attn.kv_layout<nhd>, rope = #attn.rope<theta = 10000.0, dim = 127, style = neox>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

//===----------------------------------------------------------------------===//
// Unknown enum values.
//===----------------------------------------------------------------------===//

func.func @normalizer_unknown(%a0: tensor<2x16x32x64xf16>, %a1: tensor<2x16x8x64xf16>, %a2: tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>) {
  // expected-error @+2 {{failed to parse Attn_NormalizerAttr parameter 'value' which is to be a `::mlir::attn::Normalizer`}}
  // expected-error @+1 {{expected ::mlir::attn::Normalizer to be one of: softmax, sigmoid, none}}
  %r0 = attn.prefill q(%a0) k(%a1) v(%a2) {normalizer = #attn.normalizer<relu>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %r0 : tensor<2x16x32x64xf16>
}

// -----

func.func @normalizer_uppercase(%a0: tensor<2x16x32x64xf16>, %a1: tensor<2x16x8x64xf16>, %a2: tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>) {
  // expected-error @+2 {{failed to parse Attn_NormalizerAttr parameter 'value' which is to be a `::mlir::attn::Normalizer`}}
  // expected-error @+1 {{expected ::mlir::attn::Normalizer to be one of: softmax, sigmoid, none}}
  %r0 = attn.prefill q(%a0) k(%a1) v(%a2) {normalizer = #attn.normalizer<Softmax>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %r0 : tensor<2x16x32x64xf16>
}

// -----

func.func @normalizer_empty(%a0: tensor<2x16x32x64xf16>, %a1: tensor<2x16x8x64xf16>, %a2: tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>) {
  // expected-error @+2 {{failed to parse Attn_NormalizerAttr parameter 'value' which is to be a `::mlir::attn::Normalizer`}}
  // expected-error @+1 {{expected valid keyword or string}}
  %r0 = attn.prefill q(%a0) k(%a1) v(%a2) {normalizer = #attn.normalizer<>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %r0 : tensor<2x16x32x64xf16>
}

// -----

func.func @normalizer_integer(%a0: tensor<2x16x32x64xf16>, %a1: tensor<2x16x8x64xf16>, %a2: tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>) {
  // expected-error @+2 {{failed to parse Attn_NormalizerAttr parameter 'value' which is to be a `::mlir::attn::Normalizer`}}
  // expected-error @+1 {{expected valid keyword or string}}
  %r0 = attn.prefill q(%a0) k(%a1) v(%a2) {normalizer = #attn.normalizer<0>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %r0 : tensor<2x16x32x64xf16>
}

// -----

func.func @kv_layout_unknown(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+2 {{failed to parse Attn_KVLayoutAttr parameter 'value' which is to be a `::mlir::attn::KVLayout`}}
  // expected-error @+1 {{expected ::mlir::attn::KVLayout to be one of: nhd, hnd, vllm}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<nch>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @kv_layout_uppercase(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+2 {{failed to parse Attn_KVLayoutAttr parameter 'value' which is to be a `::mlir::attn::KVLayout`}}
  // expected-error @+1 {{expected ::mlir::attn::KVLayout to be one of: nhd, hnd, vllm}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<HND>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @linear_kind_unknown(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+2 {{failed to parse Attn_LinearKindAttr parameter 'value' which is to be a `::mlir::attn::LinearKind`}}
  // expected-error @+1 {{expected ::mlir::attn::LinearKind to be one of: hstu, lightning}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) {kind = #attn.linear_kind<mamba>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

//===----------------------------------------------------------------------===//
// Enum attributes in the wrong place.
//===----------------------------------------------------------------------===//

func.func @normalizer_is_layout(%a0: tensor<2x16x32x64xf16>, %a1: tensor<2x16x8x64xf16>, %a2: tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>) {
  // expected-error @+1 {{attribute 'normalizer' failed to satisfy constraint: how attention weights are formed from logits}}
  %r0 = attn.prefill q(%a0) k(%a1) v(%a2) {normalizer = #attn.kv_layout<nhd>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %r0 : tensor<2x16x32x64xf16>
}

// -----

func.func @normalizer_is_string(%a0: tensor<2x16x32x64xf16>, %a1: tensor<2x16x8x64xf16>, %a2: tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>) {
  // expected-error @+1 {{attribute 'normalizer' failed to satisfy constraint: how attention weights are formed from logits}}
  %r0 = attn.prefill q(%a0) k(%a1) v(%a2) {normalizer = "softmax"}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %r0 : tensor<2x16x32x64xf16>
}

// -----

func.func @layout_is_normalizer(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{attribute 'layout' failed to satisfy constraint: layout of a paged KV cache}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.normalizer<softmax>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @kind_is_layout(%a0: tensor<2x256x4x64xbf16>, %a1: tensor<2x256x4x64xbf16>, %a2: tensor<2x256x4x64xbf16>) -> (tensor<2x256x4x64xbf16>) {
  // expected-error @+1 {{attribute 'kind' failed to satisfy constraint: linear attention variant}}
  %r0 = attn.linear_attention q(%a0) k(%a1) v(%a2) {kind = #attn.kv_layout<nhd>}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>) -> tensor<2x256x4x64xbf16>
  return %r0 : tensor<2x256x4x64xbf16>
}

// -----

func.func @unknown_attribute(%a0: tensor<2x16x32x64xf16>, %a1: tensor<2x16x8x64xf16>, %a2: tensor<2x16x8x64xf16>) -> (tensor<2x16x32x64xf16>) {
  // expected-error @+1 {{unknown attribute `rope_style` in dialect `attn`}}
  %r0 = attn.prefill q(%a0) k(%a1) v(%a2) {style = #attn.rope_style<neox>}
      : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %r0 : tensor<2x16x32x64xf16>
}

// -----

// A negative float theta reaches the verifier.
// expected-error @+1 {{RoPE theta must be a finite number above 1, got -1.000000e+04}}
func.func @rope_negative_float_theta() attributes {r = #attn.rope<theta = -10000.0, dim = 64, style = neox>} {
  return
}
