// RUN: attn-opt %s | attn-opt | FileCheck %s
// RUN: attn-opt %s --mlir-print-op-generic | attn-opt | FileCheck %s

// One state merges to itself.
// CHECK-LABEL: func.func @one_state
// CHECK-SAME: (%[[VA:[^:]*]]: tensor<?x32x128xf16>,
// CHECK-SAME: %[[SA:[^:]*]]: tensor<?x32xf32>)
// CHECK: %[[V:.*]], %[[S:.*]] = attn.merge_states values(%[[VA]]) lse(%[[SA]]) : (tensor<?x32x128xf16>, tensor<?x32xf32>) -> (tensor<?x32x128xf16>, tensor<?x32xf32>)
// CHECK-NEXT: return %[[V]], %[[S]] : tensor<?x32x128xf16>, tensor<?x32xf32>
func.func @one_state(%va: tensor<?x32x128xf16>, %sa: tensor<?x32xf32>)
    -> (tensor<?x32x128xf16>, tensor<?x32xf32>) {
  %v, %s = attn.merge_states values(%va) lse(%sa)
      : (tensor<?x32x128xf16>, tensor<?x32xf32>)
      -> (tensor<?x32x128xf16>, tensor<?x32xf32>)
  return %v, %s : tensor<?x32x128xf16>, tensor<?x32xf32>
}

// The op description's example: two states (cascade prefix + suffix).
// CHECK-LABEL: func.func @two_states
// CHECK-SAME: (%[[VA:[^:]*]]: tensor<?x32x128xf16>,
// CHECK-SAME: %[[VB:[^:]*]]: tensor<?x32x128xf16>,
// CHECK-SAME: %[[SA:[^:]*]]: tensor<?x32xf32>,
// CHECK-SAME: %[[SB:[^:]*]]: tensor<?x32xf32>)
// CHECK: %[[V:.*]], %[[S:.*]] = attn.merge_states values(%[[VA]], %[[VB]]) lse(%[[SA]], %[[SB]]) : (tensor<?x32x128xf16>, tensor<?x32x128xf16>, tensor<?x32xf32>, tensor<?x32xf32>) -> (tensor<?x32x128xf16>, tensor<?x32xf32>)
// CHECK-NEXT: return %[[V]], %[[S]] : tensor<?x32x128xf16>, tensor<?x32xf32>
func.func @two_states(%va: tensor<?x32x128xf16>, %vb: tensor<?x32x128xf16>,
                      %sa: tensor<?x32xf32>, %sb: tensor<?x32xf32>)
    -> (tensor<?x32x128xf16>, tensor<?x32xf32>) {
  %v, %s = attn.merge_states values(%va, %vb) lse(%sa, %sb)
      : (tensor<?x32x128xf16>, tensor<?x32x128xf16>, tensor<?x32xf32>,
         tensor<?x32xf32>)
      -> (tensor<?x32x128xf16>, tensor<?x32xf32>)
  return %v, %s : tensor<?x32x128xf16>, tensor<?x32xf32>
}

// Three split-KV partial states of a bf16 decode, static shapes.
// CHECK-LABEL: func.func @three_states
// CHECK-SAME: (%[[VA:[^:]*]]: tensor<4x32x128xbf16>,
// CHECK-SAME: %[[VB:[^:]*]]: tensor<4x32x128xbf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<4x32x128xbf16>,
// CHECK-SAME: %[[SA:[^:]*]]: tensor<4x32xf32>,
// CHECK-SAME: %[[SB:[^:]*]]: tensor<4x32xf32>,
// CHECK-SAME: %[[SC:[^:]*]]: tensor<4x32xf32>)
// CHECK: %[[V:.*]], %[[S:.*]] = attn.merge_states values(%[[VA]], %[[VB]], %[[VC]]) lse(%[[SA]], %[[SB]], %[[SC]]) : (tensor<4x32x128xbf16>, tensor<4x32x128xbf16>, tensor<4x32x128xbf16>, tensor<4x32xf32>, tensor<4x32xf32>, tensor<4x32xf32>) -> (tensor<4x32x128xbf16>, tensor<4x32xf32>)
// CHECK-NEXT: return %[[V]], %[[S]] : tensor<4x32x128xbf16>, tensor<4x32xf32>
func.func @three_states(%va: tensor<4x32x128xbf16>, %vb: tensor<4x32x128xbf16>,
                        %vc: tensor<4x32x128xbf16>, %sa: tensor<4x32xf32>,
                        %sb: tensor<4x32xf32>, %sc: tensor<4x32xf32>)
    -> (tensor<4x32x128xbf16>, tensor<4x32xf32>) {
  %v, %s = attn.merge_states values(%va, %vb, %vc) lse(%sa, %sb, %sc)
      : (tensor<4x32x128xbf16>, tensor<4x32x128xbf16>, tensor<4x32x128xbf16>,
         tensor<4x32xf32>, tensor<4x32xf32>, tensor<4x32xf32>)
      -> (tensor<4x32x128xbf16>, tensor<4x32xf32>)
  return %v, %s : tensor<4x32x128xbf16>, tensor<4x32xf32>
}

// Dense-layout states [B, S, H, D] in f32.
// CHECK-LABEL: func.func @rank4_states
// CHECK-SAME: (%[[VA:[^:]*]]: tensor<2x?x8x64xf32>,
// CHECK-SAME: %[[VB:[^:]*]]: tensor<2x?x8x64xf32>,
// CHECK-SAME: %[[SA:[^:]*]]: tensor<2x?x8xf32>,
// CHECK-SAME: %[[SB:[^:]*]]: tensor<2x?x8xf32>)
// CHECK: %[[V:.*]], %[[S:.*]] = attn.merge_states values(%[[VA]], %[[VB]]) lse(%[[SA]], %[[SB]]) : (tensor<2x?x8x64xf32>, tensor<2x?x8x64xf32>, tensor<2x?x8xf32>, tensor<2x?x8xf32>) -> (tensor<2x?x8x64xf32>, tensor<2x?x8xf32>)
// CHECK-NEXT: return %[[V]], %[[S]] : tensor<2x?x8x64xf32>, tensor<2x?x8xf32>
func.func @rank4_states(%va: tensor<2x?x8x64xf32>, %vb: tensor<2x?x8x64xf32>,
                            %sa: tensor<2x?x8xf32>, %sb: tensor<2x?x8xf32>)
    -> (tensor<2x?x8x64xf32>, tensor<2x?x8xf32>) {
  %v, %s = attn.merge_states values(%va, %vb) lse(%sa, %sb)
      : (tensor<2x?x8x64xf32>, tensor<2x?x8x64xf32>, tensor<2x?x8xf32>,
         tensor<2x?x8xf32>)
      -> (tensor<2x?x8x64xf32>, tensor<2x?x8xf32>)
  return %v, %s : tensor<2x?x8x64xf32>, tensor<2x?x8xf32>
}

// Rank-2 states [H, D] (a single token).
// CHECK-LABEL: func.func @one_token
// CHECK-SAME: (%[[VA:[^:]*]]: tensor<8x64xf16>,
// CHECK-SAME: %[[VB:[^:]*]]: tensor<8x64xf16>,
// CHECK-SAME: %[[SA:[^:]*]]: tensor<8xf32>,
// CHECK-SAME: %[[SB:[^:]*]]: tensor<8xf32>)
// CHECK: %[[V:.*]], %[[S:.*]] = attn.merge_states values(%[[VA]], %[[VB]]) lse(%[[SA]], %[[SB]]) : (tensor<8x64xf16>, tensor<8x64xf16>, tensor<8xf32>, tensor<8xf32>) -> (tensor<8x64xf16>, tensor<8xf32>)
// CHECK-NEXT: return %[[V]], %[[S]] : tensor<8x64xf16>, tensor<8xf32>
func.func @one_token(%va: tensor<8x64xf16>, %vb: tensor<8x64xf16>,
                     %sa: tensor<8xf32>, %sb: tensor<8xf32>)
    -> (tensor<8x64xf16>, tensor<8xf32>) {
  %v, %s = attn.merge_states values(%va, %vb) lse(%sa, %sb)
      : (tensor<8x64xf16>, tensor<8x64xf16>, tensor<8xf32>, tensor<8xf32>)
      -> (tensor<8x64xf16>, tensor<8xf32>)
  return %v, %s : tensor<8x64xf16>, tensor<8xf32>
}
