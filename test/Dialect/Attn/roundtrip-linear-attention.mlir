// RUN: attn-opt %s | attn-opt | FileCheck %s
// RUN: attn-opt %s --mlir-print-op-generic | attn-opt | FileCheck %s

//===----------------------------------------------------------------------===//
// kind = hstu.
//===----------------------------------------------------------------------===//

// The op description's example: dense, causal, with a relative-attention bias
// and silu_norm.
// CHECK-LABEL: func.func @hstu_dense_bias
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x256x4x64xbf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<2x256x4x64xbf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<2x256x4x64xbf16>,
// CHECK-SAME: %[[RAB:[^:]*]]: tensor<2x4x256x256xf32>)
// CHECK: %[[O:.*]] = attn.linear_attention q(%[[Q]]) k(%[[K]]) v(%[[V]]) bias(%[[RAB]]) {causal, kind = #attn.linear_kind<hstu>, silu_norm = 256 : i64} : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>, tensor<2x4x256x256xf32>) -> tensor<2x256x4x64xbf16>
// CHECK-NEXT: return %[[O]] : tensor<2x256x4x64xbf16>
func.func @hstu_dense_bias(%q: tensor<2x256x4x64xbf16>, %k: tensor<2x256x4x64xbf16>,
                           %v: tensor<2x256x4x64xbf16>, %rab: tensor<2x4x256x256xf32>)
    -> tensor<2x256x4x64xbf16> {
  %o = attn.linear_attention q(%q) k(%k) v(%v) bias(%rab)
      {causal, kind = #attn.linear_kind<hstu>, silu_norm = 256 : i64}
      : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>,
         tensor<2x256x4x64xbf16>, tensor<2x4x256x256xf32>)
      -> tensor<2x256x4x64xbf16>
  return %o : tensor<2x256x4x64xbf16>
}

// Dense without bias, silu_norm defaulting to the longest sequence (S),
// explicit scale, not causal.
// CHECK-LABEL: func.func @hstu_dense_defaults
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x128x4x64xf32>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<2x128x4x64xf32>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<2x128x4x64xf32>)
// CHECK: %[[O:.*]] = attn.linear_attention q(%[[Q]]) k(%[[K]]) v(%[[V]]) {kind = #attn.linear_kind<hstu>, scale = 1.250000e-01 : f32} : (tensor<2x128x4x64xf32>, tensor<2x128x4x64xf32>, tensor<2x128x4x64xf32>) -> tensor<2x128x4x64xf32>
// CHECK-NEXT: return %[[O]] : tensor<2x128x4x64xf32>
func.func @hstu_dense_defaults(%q: tensor<2x128x4x64xf32>, %k: tensor<2x128x4x64xf32>,
                               %v: tensor<2x128x4x64xf32>) -> tensor<2x128x4x64xf32> {
  %o = attn.linear_attention q(%q) k(%k) v(%v)
      {kind = #attn.linear_kind<hstu>, scale = 0.125 : f32}
      : (tensor<2x128x4x64xf32>, tensor<2x128x4x64xf32>, tensor<2x128x4x64xf32>)
      -> tensor<2x128x4x64xf32>
  return %o : tensor<2x128x4x64xf32>
}

// Dense with dynamic batch and length, an explicit silu_norm, Dv != D and a
// bias larger than the sequences.
// CHECK-LABEL: func.func @hstu_dense_dynamic
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<?x?x8x128xf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<?x?x8x128xf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<?x?x8x64xf16>,
// CHECK-SAME: %[[RAB:[^:]*]]: tensor<?x8x512x512xf16>)
// CHECK: %[[O:.*]] = attn.linear_attention q(%[[Q]]) k(%[[K]]) v(%[[V]]) bias(%[[RAB]]) {causal, kind = #attn.linear_kind<hstu>, silu_norm = 512 : i64} : (tensor<?x?x8x128xf16>, tensor<?x?x8x128xf16>, tensor<?x?x8x64xf16>, tensor<?x8x512x512xf16>) -> tensor<?x?x8x64xf16>
// CHECK-NEXT: return %[[O]] : tensor<?x?x8x64xf16>
func.func @hstu_dense_dynamic(%q: tensor<?x?x8x128xf16>, %k: tensor<?x?x8x128xf16>,
                              %v: tensor<?x?x8x64xf16>, %rab: tensor<?x8x512x512xf16>)
    -> tensor<?x?x8x64xf16> {
  %o = attn.linear_attention q(%q) k(%k) v(%v) bias(%rab)
      {causal, kind = #attn.linear_kind<hstu>, silu_norm = 512 : i64}
      : (tensor<?x?x8x128xf16>, tensor<?x?x8x128xf16>, tensor<?x?x8x64xf16>,
         tensor<?x8x512x512xf16>) -> tensor<?x?x8x64xf16>
  return %o : tensor<?x?x8x64xf16>
}

// Ragged with cu_seqlens and silu_norm.
// CHECK-LABEL: func.func @hstu_ragged_silu_norm
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<?x4x64xbf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<?x4x64xbf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<?x4x64xbf16>,
// CHECK-SAME: %[[CU:[^:]*]]: tensor<9xi32>)
// CHECK: %[[O:.*]] = attn.linear_attention q(%[[Q]]) k(%[[K]]) v(%[[V]]) cu_seqlens(%[[CU]]) {causal, kind = #attn.linear_kind<hstu>, silu_norm = 1024 : i64} : (tensor<?x4x64xbf16>, tensor<?x4x64xbf16>, tensor<?x4x64xbf16>, tensor<9xi32>) -> tensor<?x4x64xbf16>
// CHECK-NEXT: return %[[O]] : tensor<?x4x64xbf16>
func.func @hstu_ragged_silu_norm(%q: tensor<?x4x64xbf16>, %k: tensor<?x4x64xbf16>,
                       %v: tensor<?x4x64xbf16>, %cu: tensor<9xi32>)
    -> tensor<?x4x64xbf16> {
  %o = attn.linear_attention q(%q) k(%k) v(%v) cu_seqlens(%cu)
      {causal, kind = #attn.linear_kind<hstu>, silu_norm = 1024 : i64}
      : (tensor<?x4x64xbf16>, tensor<?x4x64xbf16>, tensor<?x4x64xbf16>,
         tensor<9xi32>) -> tensor<?x4x64xbf16>
  return %o : tensor<?x4x64xbf16>
}

// Ragged with i64 cu_seqlens, a bias [B, H, L, L] (B = 8) and silu_norm.
// CHECK-LABEL: func.func @hstu_ragged_bias
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<?x4x64xbf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<?x4x64xbf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<?x4x64xbf16>,
// CHECK-SAME: %[[CU:[^:]*]]: tensor<9xi64>,
// CHECK-SAME: %[[RAB:[^:]*]]: tensor<8x4x1024x1024xbf16>)
// CHECK: %[[O:.*]] = attn.linear_attention q(%[[Q]]) k(%[[K]]) v(%[[V]]) cu_seqlens(%[[CU]]) bias(%[[RAB]]) {causal, kind = #attn.linear_kind<hstu>, scale = 1.250000e-01 : f32, silu_norm = 1024 : i64} : (tensor<?x4x64xbf16>, tensor<?x4x64xbf16>, tensor<?x4x64xbf16>, tensor<9xi64>, tensor<8x4x1024x1024xbf16>) -> tensor<?x4x64xbf16>
// CHECK-NEXT: return %[[O]] : tensor<?x4x64xbf16>
func.func @hstu_ragged_bias(%q: tensor<?x4x64xbf16>, %k: tensor<?x4x64xbf16>,
                            %v: tensor<?x4x64xbf16>, %cu: tensor<9xi64>,
                            %rab: tensor<8x4x1024x1024xbf16>)
    -> tensor<?x4x64xbf16> {
  %o = attn.linear_attention q(%q) k(%k) v(%v) cu_seqlens(%cu) bias(%rab)
      {causal, kind = #attn.linear_kind<hstu>, scale = 0.125 : f32,
       silu_norm = 1024 : i64}
      : (tensor<?x4x64xbf16>, tensor<?x4x64xbf16>, tensor<?x4x64xbf16>,
         tensor<9xi64>, tensor<8x4x1024x1024xbf16>) -> tensor<?x4x64xbf16>
  return %o : tensor<?x4x64xbf16>
}

//===----------------------------------------------------------------------===//
// kind = lightning.
//===----------------------------------------------------------------------===//

// Per-head decay only.
// CHECK-LABEL: func.func @lightning_decay
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x1024x8x128xbf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<2x1024x8x128xbf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<2x1024x8x128xbf16>,
// CHECK-SAME: %[[LAMBDA:[^:]*]]: tensor<8xf32>)
// CHECK: %[[O:.*]] = attn.linear_attention q(%[[Q]]) k(%[[K]]) v(%[[V]]) decay(%[[LAMBDA]]) {causal, kind = #attn.linear_kind<lightning>} : (tensor<2x1024x8x128xbf16>, tensor<2x1024x8x128xbf16>, tensor<2x1024x8x128xbf16>, tensor<8xf32>) -> tensor<2x1024x8x128xbf16>
// CHECK-NEXT: return %[[O]] : tensor<2x1024x8x128xbf16>
func.func @lightning_decay(%q: tensor<2x1024x8x128xbf16>, %k: tensor<2x1024x8x128xbf16>,
                           %v: tensor<2x1024x8x128xbf16>, %lambda: tensor<8xf32>)
    -> tensor<2x1024x8x128xbf16> {
  %o = attn.linear_attention q(%q) k(%k) v(%v) decay(%lambda)
      {causal, kind = #attn.linear_kind<lightning>}
      : (tensor<2x1024x8x128xbf16>, tensor<2x1024x8x128xbf16>,
         tensor<2x1024x8x128xbf16>, tensor<8xf32>) -> tensor<2x1024x8x128xbf16>
  return %o : tensor<2x1024x8x128xbf16>
}

// Decay, initial state and the final state result, explicit scale.
// CHECK-LABEL: func.func @lightning_states
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x1024x8x128xbf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<2x1024x8x128xbf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<2x1024x8x128xbf16>,
// CHECK-SAME: %[[LAMBDA:[^:]*]]: tensor<8xf32>,
// CHECK-SAME: %[[S0:[^:]*]]: tensor<2x8x128x128xf32>)
// CHECK: %[[O:.*]], %[[S:.*]] = attn.linear_attention q(%[[Q]]) k(%[[K]]) v(%[[V]]) decay(%[[LAMBDA]]) initial_state(%[[S0]]) {causal, kind = #attn.linear_kind<lightning>, scale = 5.000000e-01 : f32} : (tensor<2x1024x8x128xbf16>, tensor<2x1024x8x128xbf16>, tensor<2x1024x8x128xbf16>, tensor<8xf32>, tensor<2x8x128x128xf32>) -> (tensor<2x1024x8x128xbf16>, tensor<2x8x128x128xf32>)
// CHECK-NEXT: return %[[O]], %[[S]] : tensor<2x1024x8x128xbf16>, tensor<2x8x128x128xf32>
func.func @lightning_states(%q: tensor<2x1024x8x128xbf16>, %k: tensor<2x1024x8x128xbf16>,
                            %v: tensor<2x1024x8x128xbf16>, %lambda: tensor<8xf32>,
                            %s0: tensor<2x8x128x128xf32>)
    -> (tensor<2x1024x8x128xbf16>, tensor<2x8x128x128xf32>) {
  %o, %s = attn.linear_attention q(%q) k(%k) v(%v) decay(%lambda)
      initial_state(%s0)
      {causal, kind = #attn.linear_kind<lightning>, scale = 0.5 : f32}
      : (tensor<2x1024x8x128xbf16>, tensor<2x1024x8x128xbf16>,
         tensor<2x1024x8x128xbf16>, tensor<8xf32>, tensor<2x8x128x128xf32>)
      -> (tensor<2x1024x8x128xbf16>, tensor<2x8x128x128xf32>)
  return %o, %s : tensor<2x1024x8x128xbf16>, tensor<2x8x128x128xf32>
}

// The final state without an initial state; Dv (64) != D (128).
// CHECK-LABEL: func.func @lightning_final_state
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x512x4x128xf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<1x512x4x128xf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<1x512x4x64xf16>,
// CHECK-SAME: %[[LAMBDA:[^:]*]]: tensor<4xf32>)
// CHECK: %[[O:.*]], %[[S:.*]] = attn.linear_attention q(%[[Q]]) k(%[[K]]) v(%[[V]]) decay(%[[LAMBDA]]) {causal, kind = #attn.linear_kind<lightning>} : (tensor<1x512x4x128xf16>, tensor<1x512x4x128xf16>, tensor<1x512x4x64xf16>, tensor<4xf32>) -> (tensor<1x512x4x64xf16>, tensor<1x4x128x64xf32>)
// CHECK-NEXT: return %[[O]], %[[S]] : tensor<1x512x4x64xf16>, tensor<1x4x128x64xf32>
func.func @lightning_final_state(%q: tensor<1x512x4x128xf16>, %k: tensor<1x512x4x128xf16>,
                                 %v: tensor<1x512x4x64xf16>, %lambda: tensor<4xf32>)
    -> (tensor<1x512x4x64xf16>, tensor<1x4x128x64xf32>) {
  %o, %s = attn.linear_attention q(%q) k(%k) v(%v) decay(%lambda)
      {causal, kind = #attn.linear_kind<lightning>}
      : (tensor<1x512x4x128xf16>, tensor<1x512x4x128xf16>, tensor<1x512x4x64xf16>,
         tensor<4xf32>) -> (tensor<1x512x4x64xf16>, tensor<1x4x128x64xf32>)
  return %o, %s : tensor<1x512x4x64xf16>, tensor<1x4x128x64xf32>
}

// Single-token decode step chained from a previous state (dynamic batch).
// CHECK-LABEL: func.func @lightning_decode_step
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<?x1x8x128xbf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<?x1x8x128xbf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<?x1x8x128xbf16>,
// CHECK-SAME: %[[LAMBDA:[^:]*]]: tensor<8xf32>,
// CHECK-SAME: %[[S0:[^:]*]]: tensor<?x8x128x128xf32>)
// CHECK: %[[O:.*]], %[[S:.*]] = attn.linear_attention q(%[[Q]]) k(%[[K]]) v(%[[V]]) decay(%[[LAMBDA]]) initial_state(%[[S0]]) {causal, kind = #attn.linear_kind<lightning>} : (tensor<?x1x8x128xbf16>, tensor<?x1x8x128xbf16>, tensor<?x1x8x128xbf16>, tensor<8xf32>, tensor<?x8x128x128xf32>) -> (tensor<?x1x8x128xbf16>, tensor<?x8x128x128xf32>)
// CHECK-NEXT: return %[[O]], %[[S]] : tensor<?x1x8x128xbf16>, tensor<?x8x128x128xf32>
func.func @lightning_decode_step(%q: tensor<?x1x8x128xbf16>, %k: tensor<?x1x8x128xbf16>,
                                 %v: tensor<?x1x8x128xbf16>, %lambda: tensor<8xf32>,
                                 %s0: tensor<?x8x128x128xf32>)
    -> (tensor<?x1x8x128xbf16>, tensor<?x8x128x128xf32>) {
  %o, %s = attn.linear_attention q(%q) k(%k) v(%v) decay(%lambda)
      initial_state(%s0) {causal, kind = #attn.linear_kind<lightning>}
      : (tensor<?x1x8x128xbf16>, tensor<?x1x8x128xbf16>, tensor<?x1x8x128xbf16>,
         tensor<8xf32>, tensor<?x8x128x128xf32>)
      -> (tensor<?x1x8x128xbf16>, tensor<?x8x128x128xf32>)
  return %o, %s : tensor<?x1x8x128xbf16>, tensor<?x8x128x128xf32>
}

// Ragged lightning with cu_seqlens: states are [B, H, D, Dv] with B = 3.
// CHECK-LABEL: func.func @lightning_ragged
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<?x8x64xbf16>,
// CHECK-SAME: %[[K:[^:]*]]: tensor<?x8x64xbf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<?x8x64xbf16>,
// CHECK-SAME: %[[CU:[^:]*]]: tensor<4xi32>,
// CHECK-SAME: %[[LAMBDA:[^:]*]]: tensor<8xf32>,
// CHECK-SAME: %[[S0:[^:]*]]: tensor<3x8x64x64xf32>)
// CHECK: %[[O:.*]], %[[S:.*]] = attn.linear_attention q(%[[Q]]) k(%[[K]]) v(%[[V]]) cu_seqlens(%[[CU]]) decay(%[[LAMBDA]]) initial_state(%[[S0]]) {causal, kind = #attn.linear_kind<lightning>} : (tensor<?x8x64xbf16>, tensor<?x8x64xbf16>, tensor<?x8x64xbf16>, tensor<4xi32>, tensor<8xf32>, tensor<3x8x64x64xf32>) -> (tensor<?x8x64xbf16>, tensor<3x8x64x64xf32>)
// CHECK-NEXT: return %[[O]], %[[S]] : tensor<?x8x64xbf16>, tensor<3x8x64x64xf32>
func.func @lightning_ragged(%q: tensor<?x8x64xbf16>, %k: tensor<?x8x64xbf16>,
                            %v: tensor<?x8x64xbf16>, %cu: tensor<4xi32>,
                            %lambda: tensor<8xf32>, %s0: tensor<3x8x64x64xf32>)
    -> (tensor<?x8x64xbf16>, tensor<3x8x64x64xf32>) {
  %o, %s = attn.linear_attention q(%q) k(%k) v(%v) cu_seqlens(%cu)
      decay(%lambda) initial_state(%s0)
      {causal, kind = #attn.linear_kind<lightning>}
      : (tensor<?x8x64xbf16>, tensor<?x8x64xbf16>, tensor<?x8x64xbf16>,
         tensor<4xi32>, tensor<8xf32>, tensor<3x8x64x64xf32>)
      -> (tensor<?x8x64xbf16>, tensor<3x8x64x64xf32>)
  return %o, %s : tensor<?x8x64xbf16>, tensor<3x8x64x64xf32>
}

// Ragged without silu_norm: N is the longest request, found at run time.
// CHECK-LABEL: func.func @hstu_ragged_default_norm
// CHECK: attn.linear_attention q(%{{.*}}) k(%{{.*}}) v(%{{.*}}) cu_seqlens(%{{.*}}) {kind = #attn.linear_kind<hstu>} : (tensor<?x4x64xbf16>, tensor<?x4x64xbf16>, tensor<?x4x64xbf16>, tensor<?xi32>) -> tensor<?x4x64xbf16>
func.func @hstu_ragged_default_norm(%q: tensor<?x4x64xbf16>, %k: tensor<?x4x64xbf16>,
                                    %v: tensor<?x4x64xbf16>, %cu: tensor<?xi32>)
    -> tensor<?x4x64xbf16> {
  %o = attn.linear_attention q(%q) k(%k) v(%v) cu_seqlens(%cu) {kind = #attn.linear_kind<hstu>}
      : (tensor<?x4x64xbf16>, tensor<?x4x64xbf16>, tensor<?x4x64xbf16>, tensor<?xi32>)
      -> tensor<?x4x64xbf16>
  return %o : tensor<?x4x64xbf16>
}
