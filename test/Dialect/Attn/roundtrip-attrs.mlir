// RUN: attn-opt %s | attn-opt | FileCheck %s
// RUN: attn-opt %s --mlir-print-op-generic | attn-opt | FileCheck %s

// Attributes are attached to functions as discardable attributes, then used
// by the ops that take them.

#rope_alias = #attn.rope<theta = 10000.0, dim = 64, style = neox>

//===----------------------------------------------------------------------===//
// #attn.rope
//===----------------------------------------------------------------------===//

// neox (rotate-half) style.
// CHECK-LABEL: func.func @rope_neox
// CHECK-SAME: attributes {rope = #attn.rope<theta = 1.000000e+04, dim = 128, style = neox>}
// CHECK: return
func.func @rope_neox() attributes {rope = #attn.rope<theta = 10000.0, dim = 128, style = neox>} {
  return
}

// interleaved (GPT-J) style.
// CHECK-LABEL: func.func @rope_interleaved
// CHECK-SAME: attributes {rope = #attn.rope<theta = 1.000000e+04, dim = 64, style = interleaved>}
// CHECK: return
func.func @rope_interleaved() attributes {rope = #attn.rope<theta = 10000.0, dim = 64, style = interleaved>} {
  return
}

// Non-integer theta values: one the short form prints exactly, one that
// needs the full-precision form, one just above 1 with the smallest dim.
// CHECK-LABEL: func.func @rope_fractional_theta
// CHECK-SAME: attributes {a = #attn.rope<theta = 1.000050e+04, dim = 128, style = neox>, b = #attn.rope<theta = 8192.1229999999996, dim = 32, style = interleaved>, c = #attn.rope<theta = 1.500000e+00, dim = 2, style = neox>}
// CHECK: return
func.func @rope_fractional_theta() attributes {
    a = #attn.rope<theta = 10000.5, dim = 128, style = neox>,
    b = #attn.rope<theta = 8192.123, dim = 32, style = interleaved>,
    c = #attn.rope<theta = 1.5, dim = 2, style = neox>} {
  return
}

// theta written with an exponent.
// CHECK-LABEL: func.func @rope_exponent_theta
// CHECK-SAME: attributes {a = #attn.rope<theta = 1.000000e+06, dim = 128, style = neox>, b = #attn.rope<theta = 5.000000e+05, dim = 128, style = interleaved>}
// CHECK: return
func.func @rope_exponent_theta() attributes {
    a = #attn.rope<theta = 1.0e6, dim = 128, style = neox>,
    b = #attn.rope<theta = 5.0e+05, dim = 128, style = interleaved>} {
  return
}

// A rope attribute reached through an alias.
// CHECK-LABEL: func.func @rope_through_alias
// CHECK-SAME: attributes {rope = #attn.rope<theta = 1.000000e+04, dim = 64, style = neox>}
// CHECK: return
func.func @rope_through_alias() attributes {rope = #rope_alias} {
  return
}

//===----------------------------------------------------------------------===//
// Enum attributes.
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @normalizer_values
// CHECK-SAME: attributes {a = #attn.normalizer<softmax>, b = #attn.normalizer<sigmoid>, c = #attn.normalizer<none>}
// CHECK: return
func.func @normalizer_values() attributes {
    a = #attn.normalizer<softmax>, b = #attn.normalizer<sigmoid>,
    c = #attn.normalizer<none>} {
  return
}

// CHECK-LABEL: func.func @kv_layout_values
// CHECK-SAME: attributes {a = #attn.kv_layout<nhd>, b = #attn.kv_layout<hnd>, c = #attn.kv_layout<vllm>}
// CHECK: return
func.func @kv_layout_values() attributes {
    a = #attn.kv_layout<nhd>, b = #attn.kv_layout<hnd>,
    c = #attn.kv_layout<vllm>} {
  return
}

// CHECK-LABEL: func.func @linear_kind_values
// CHECK-SAME: attributes {a = #attn.linear_kind<hstu>, b = #attn.linear_kind<lightning>}
// CHECK: return
func.func @linear_kind_values() attributes {
    a = #attn.linear_kind<hstu>, b = #attn.linear_kind<lightning>} {
  return
}

//===----------------------------------------------------------------------===//
// The attributes in the ops that take them.
//===----------------------------------------------------------------------===//

// rope (interleaved, non-integer theta) and normalizer on an attention op.
// CHECK-LABEL: func.func @attrs_in_prefill
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x64x8x64xf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<1x64x8x64xf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<1x64x8x64xf16>)
// CHECK: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) {normalizer = #attn.normalizer<sigmoid>, rope = #attn.rope<theta = 25000.25, dim = 64, style = interleaved>} : (tensor<1x64x8x64xf16>, tensor<1x64x8x64xf16>, tensor<1x64x8x64xf16>) -> tensor<1x64x8x64xf16>
// CHECK-NEXT: return %[[O]] : tensor<1x64x8x64xf16>
func.func @attrs_in_prefill(%q: tensor<1x64x8x64xf16>, %k: tensor<1x64x8x64xf16>,
                            %v: tensor<1x64x8x64xf16>) -> tensor<1x64x8x64xf16> {
  %o = attn.prefill q(%q) k(%k) v(%v)
      {normalizer = #attn.normalizer<sigmoid>,
       rope = #attn.rope<theta = 25000.25, dim = 64, style = interleaved>}
      : (tensor<1x64x8x64xf16>, tensor<1x64x8x64xf16>, tensor<1x64x8x64xf16>)
      -> tensor<1x64x8x64xf16>
  return %o : tensor<1x64x8x64xf16>
}

// An aliased rope attribute in an op.
// CHECK-LABEL: func.func @alias_in_prefill
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x64x8x64xf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<1x64x8x64xf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<1x64x8x64xf16>)
// CHECK: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) {rope = #attn.rope<theta = 1.000000e+04, dim = 64, style = neox>} : (tensor<1x64x8x64xf16>, tensor<1x64x8x64xf16>, tensor<1x64x8x64xf16>) -> tensor<1x64x8x64xf16>
// CHECK-NEXT: return %[[O]] : tensor<1x64x8x64xf16>
func.func @alias_in_prefill(%q: tensor<1x64x8x64xf16>, %k: tensor<1x64x8x64xf16>,
                            %v: tensor<1x64x8x64xf16>) -> tensor<1x64x8x64xf16> {
  %o = attn.prefill q(%q) k(%k) v(%v) {rope = #rope_alias}
      : (tensor<1x64x8x64xf16>, tensor<1x64x8x64xf16>, tensor<1x64x8x64xf16>)
      -> tensor<1x64x8x64xf16>
  return %o : tensor<1x64x8x64xf16>
}

// kv_layout vllm and a neox rope with non-integer theta on append_kv.
// CHECK-LABEL: func.func @attrs_in_append_kv
// CHECK-SAME: (%[[K:[^:]*]]: tensor<?x2x64xf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<?x2x64xf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x2x8x16x8xf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x2x64x16xf16>,
// CHECK-SAME: %[[SLOTS:[^:]*]]: tensor<?xi64>,
// CHECK-SAME: %[[POS:[^:]*]]: tensor<?xi64>)
// CHECK: %[[KC2:.*]], %[[VC2:.*]] = attn.append_kv k(%[[K]]) v(%[[V]]) k_cache(%[[KC]]) v_cache(%[[VC]]) slot_mapping(%[[SLOTS]]) positions(%[[POS]]) {layout = #attn.kv_layout<vllm>, rope = #attn.rope<theta = 1.000050e+04, dim = 64, style = neox>} : (tensor<?x2x64xf16>, tensor<?x2x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<?xi64>, tensor<?xi64>) -> (tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>)
// CHECK-NEXT: return %[[KC2]], %[[VC2]] : tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>
func.func @attrs_in_append_kv(%k: tensor<?x2x64xf16>, %v: tensor<?x2x64xf16>,
                              %kc: tensor<?x2x8x16x8xf16>, %vc: tensor<?x2x64x16xf16>,
                              %slots: tensor<?xi64>, %pos: tensor<?xi64>)
    -> (tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>) {
  %kc2, %vc2 = attn.append_kv k(%k) v(%v) k_cache(%kc) v_cache(%vc)
      slot_mapping(%slots) positions(%pos)
      {layout = #attn.kv_layout<vllm>,
       rope = #attn.rope<theta = 10000.5, dim = 64, style = neox>}
      : (tensor<?x2x64xf16>, tensor<?x2x64xf16>, tensor<?x2x8x16x8xf16>,
         tensor<?x2x64x16xf16>, tensor<?xi64>, tensor<?xi64>)
      -> (tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>)
  return %kc2, %vc2 : tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>
}

// linear_kind on linear_attention.
// CHECK-LABEL: func.func @attrs_in_linear_attention
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x16x2x32xf32>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<1x16x2x32xf32>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<1x16x2x32xf32>,
// CHECK-SAME: %[[LAMBDA:[^:]*]]: tensor<2xf32>)
// CHECK: %[[H:.*]] = attn.linear_attention q(%[[Q]]) k(%[[K]]) v(%[[V]]) {kind = #attn.linear_kind<hstu>} : (tensor<1x16x2x32xf32>, tensor<1x16x2x32xf32>, tensor<1x16x2x32xf32>) -> tensor<1x16x2x32xf32>
// CHECK-NEXT: %[[L:.*]] = attn.linear_attention q(%[[Q]]) k(%[[K]]) v(%[[V]]) decay(%[[LAMBDA]]) {causal, kind = #attn.linear_kind<lightning>} : (tensor<1x16x2x32xf32>, tensor<1x16x2x32xf32>, tensor<1x16x2x32xf32>, tensor<2xf32>) -> tensor<1x16x2x32xf32>
// CHECK-NEXT: return %[[H]], %[[L]] : tensor<1x16x2x32xf32>, tensor<1x16x2x32xf32>
func.func @attrs_in_linear_attention(%q: tensor<1x16x2x32xf32>,
                                     %k: tensor<1x16x2x32xf32>,
                                     %v: tensor<1x16x2x32xf32>,
                                     %lambda: tensor<2xf32>)
    -> (tensor<1x16x2x32xf32>, tensor<1x16x2x32xf32>) {
  %h = attn.linear_attention q(%q) k(%k) v(%v)
      {kind = #attn.linear_kind<hstu>}
      : (tensor<1x16x2x32xf32>, tensor<1x16x2x32xf32>, tensor<1x16x2x32xf32>)
      -> tensor<1x16x2x32xf32>
  %l = attn.linear_attention q(%q) k(%k) v(%v) decay(%lambda)
      {causal, kind = #attn.linear_kind<lightning>}
      : (tensor<1x16x2x32xf32>, tensor<1x16x2x32xf32>, tensor<1x16x2x32xf32>,
         tensor<2xf32>) -> tensor<1x16x2x32xf32>
  return %h, %l : tensor<1x16x2x32xf32>, tensor<1x16x2x32xf32>
}

// An integer theta is accepted and prints as a float.
// CHECK-LABEL: func.func @rope_integer_theta
// CHECK-SAME: r = #attn.rope<theta = 1.000000e+04, dim = 64, style = neox>
func.func @rope_integer_theta() attributes {r = #attn.rope<theta = 10000, dim = 64, style = neox>} {
  return
}
