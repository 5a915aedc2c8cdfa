// RUN: attn-opt %s --attn-fuse-rope --split-input-file -verify-diagnostics | FileCheck %s
// RUN: echo 'module {}' | attn-opt --attn-to-cpu --dump-pass-pipeline 2>&1 | FileCheck %s --check-prefix=PIPELINE
// RUN: echo 'module {}' | attn-opt --attn-to-cpu-reference --dump-pass-pipeline 2>&1 | FileCheck %s --check-prefix=REFERENCE

// attn-fuse-rope folds attn.rope on a dense attn.prefill's query and key
// into the prefill's `rope` attribute. The prefill then reads the unrotated
// q and k, with positions: the query rope's own when it has them; none when
// Sq == Sk statically (the op's default i + Sk - Sq is i); else an explicit
// [B, Sq] i64 tensor.generate of the sequence index s (dims taken from the
// unrotated query). The other operands and attributes of the prefill are
// kept. Rope ops left without uses are erased, the others stay. Not fused,
// with a remark at the prefill: q and k rotated by different RoPE, keys
// rotated at explicit positions. Not matched at all (no remark): ragged
// prefills, a rope on q only or on k only, a prefill that already has a
// `rope` attribute.
//
// The default CPU pipeline, attn-to-cpu, runs the pass after splitting fused
// QKV and before the named transforms are expanded and the ops tiled; the
// reference pipeline (what attn-run --check compares with) does not run it.

// PIPELINE: attn-split-fused-qkv
// PIPELINE: attn-fuse-rope,
// PIPELINE-NEXT: attn-hstu-to-prefill,
// PIPELINE-NEXT: attn-expand-functors
// PIPELINE: attn-tile
// REFERENCE-NOT: attn-fuse-rope
// REFERENCE: convert-attn-to-loops
// REFERENCE-NOT: attn-fuse-rope

//===----------------------------------------------------------------------===//
// Fused.
//===----------------------------------------------------------------------===//

// Sq == Sk == 16 statically, GQA 4:1, causal kept: no positions operand,
// both ropes erased.
// CHECK-LABEL: func.func @static_same_length
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x16x8x64xbf16>, %[[K:[^:]*]]: tensor<2x16x2x64xbf16>, %[[V:[^:]*]]: tensor<2x16x2x64xbf16>)
// CHECK-NOT: attn.rope
// CHECK-NOT: tensor.generate
// CHECK: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) {causal, rope = #attn.rope<theta = 1.000000e+04, dim = 64, style = neox>} : (tensor<2x16x8x64xbf16>, tensor<2x16x2x64xbf16>, tensor<2x16x2x64xbf16>) -> tensor<2x16x8x64xbf16>
// CHECK-NEXT: return %[[O]] : tensor<2x16x8x64xbf16>
func.func @static_same_length(%q: tensor<2x16x8x64xbf16>, %k: tensor<2x16x2x64xbf16>,
                              %v: tensor<2x16x2x64xbf16>) -> tensor<2x16x8x64xbf16> {
  %qr = attn.rope %q {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<2x16x8x64xbf16>
  %kr = attn.rope %k {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<2x16x2x64xbf16>
  %o = attn.prefill q(%qr) k(%kr) v(%v) {causal}
      : (tensor<2x16x8x64xbf16>, tensor<2x16x2x64xbf16>, tensor<2x16x2x64xbf16>) -> tensor<2x16x8x64xbf16>
  return %o : tensor<2x16x8x64xbf16>
}

// -----

// Dynamic B, Sq and Sk (chunked prefill, Sq may be < Sk): the query rotated
// at s becomes positions = tensor.generate [B, Sq] of s (i64), its sizes the
// unrotated query's dims 0 and 1. The LSE result, causal and the partial
// interleaved RoPE are kept.
// CHECK-LABEL: func.func @dynamic_lengths
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<?x?x8x128xf32>, %[[K:[^:]*]]: tensor<?x?x2x128xf32>, %[[V:[^:]*]]: tensor<?x?x2x128xf32>)
// CHECK-NOT: attn.rope
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[B:.*]] = tensor.dim %[[Q]], %[[C0]] : tensor<?x?x8x128xf32>
// CHECK-NEXT: %[[C1:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[SQ:.*]] = tensor.dim %[[Q]], %[[C1]] : tensor<?x?x8x128xf32>
// CHECK-NEXT: %[[POS:.*]] = tensor.generate %[[B]], %[[SQ]] {
// CHECK-NEXT: ^bb0(%{{[^:]*}}: index, %[[S:[^:]*]]: index):
// CHECK-NEXT: %[[SI:.*]] = arith.index_cast %[[S]] : index to i64
// CHECK-NEXT: tensor.yield %[[SI]] : i64
// CHECK-NEXT: } : tensor<?x?xi64>
// CHECK-NEXT: %[[O:.*]], %[[L:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) positions(%[[POS]]) {causal, rope = #attn.rope<theta = 5.000000e+05, dim = 32, style = interleaved>} : (tensor<?x?x8x128xf32>, tensor<?x?x2x128xf32>, tensor<?x?x2x128xf32>, tensor<?x?xi64>) -> (tensor<?x?x8x128xf32>, tensor<?x?x8xf32>)
// CHECK-NEXT: return %[[O]], %[[L]]
func.func @dynamic_lengths(%q: tensor<?x?x8x128xf32>, %k: tensor<?x?x2x128xf32>, %v: tensor<?x?x2x128xf32>)
    -> (tensor<?x?x8x128xf32>, tensor<?x?x8xf32>) {
  %qr = attn.rope %q {rope = #attn.rope<theta = 500000.0, dim = 32, style = interleaved>} : tensor<?x?x8x128xf32>
  %kr = attn.rope %k {rope = #attn.rope<theta = 500000.0, dim = 32, style = interleaved>} : tensor<?x?x2x128xf32>
  %o, %lse = attn.prefill q(%qr) k(%kr) v(%v) {causal}
      : (tensor<?x?x8x128xf32>, tensor<?x?x2x128xf32>, tensor<?x?x2x128xf32>)
      -> (tensor<?x?x8x128xf32>, tensor<?x?x8xf32>)
  return %o, %lse : tensor<?x?x8x128xf32>, tensor<?x?x8xf32>
}

// -----

// Static Sq (4) < Sk (32): the default i + Sk - Sq would rotate query i at
// i + 28, so the positions s are made explicit; a static [2, 4] generate
// takes no size operands.
// CHECK-LABEL: func.func @static_chunk
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x4x4x64xf16>, %[[K:[^:]*]]: tensor<2x32x4x64xf16>, %[[V:[^:]*]]: tensor<2x32x4x64xf16>)
// CHECK-NOT: attn.rope
// CHECK-NOT: tensor.dim
// CHECK: %[[POS:.*]] = tensor.generate  {
// CHECK-NEXT: ^bb0(%{{[^:]*}}: index, %[[S:[^:]*]]: index):
// CHECK-NEXT: %[[SI:.*]] = arith.index_cast %[[S]] : index to i64
// CHECK-NEXT: tensor.yield %[[SI]] : i64
// CHECK-NEXT: } : tensor<2x4xi64>
// CHECK-NEXT: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) positions(%[[POS]]) {causal, rope = #attn.rope<theta = 1.000000e+04, dim = 64, style = neox>, scale = 1.250000e-01 : f32} : (tensor<2x4x4x64xf16>, tensor<2x32x4x64xf16>, tensor<2x32x4x64xf16>, tensor<2x4xi64>) -> tensor<2x4x4x64xf16>
// CHECK-NEXT: return %[[O]]
func.func @static_chunk(%q: tensor<2x4x4x64xf16>, %k: tensor<2x32x4x64xf16>, %v: tensor<2x32x4x64xf16>)
    -> tensor<2x4x4x64xf16> {
  %qr = attn.rope %q {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<2x4x4x64xf16>
  %kr = attn.rope %k {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<2x32x4x64xf16>
  %o = attn.prefill q(%qr) k(%kr) v(%v) {causal, scale = 0.125 : f32}
      : (tensor<2x4x4x64xf16>, tensor<2x32x4x64xf16>, tensor<2x32x4x64xf16>) -> tensor<2x4x4x64xf16>
  return %o : tensor<2x4x4x64xf16>
}

// -----

// Static Sq but dynamic Sk: not provably equal, so the positions are
// explicit (only B is dynamic in the generate).
// CHECK-LABEL: func.func @static_q_dynamic_k
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<?x16x2x64xf32>, %[[K:[^:]*]]: tensor<?x?x2x64xf32>, %[[V:[^:]*]]: tensor<?x?x2x64xf32>)
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[B:.*]] = tensor.dim %[[Q]], %[[C0]] : tensor<?x16x2x64xf32>
// CHECK-NEXT: %[[POS:.*]] = tensor.generate %[[B]] {
// CHECK: } : tensor<?x16xi64>
// CHECK-NEXT: attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) positions(%[[POS]]) {rope = #attn.rope<theta = 1.000000e+04, dim = 64, style = neox>}
func.func @static_q_dynamic_k(%q: tensor<?x16x2x64xf32>, %k: tensor<?x?x2x64xf32>, %v: tensor<?x?x2x64xf32>)
    -> tensor<?x16x2x64xf32> {
  %qr = attn.rope %q {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<?x16x2x64xf32>
  %kr = attn.rope %k {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<?x?x2x64xf32>
  %o = attn.prefill q(%qr) k(%kr) v(%v)
      : (tensor<?x16x2x64xf32>, tensor<?x?x2x64xf32>, tensor<?x?x2x64xf32>) -> tensor<?x16x2x64xf32>
  return %o : tensor<?x16x2x64xf32>
}

// -----

// The query rope's positions (i32) are forwarded as they are, even with
// Sq == Sk, and no generate is built.
// CHECK-LABEL: func.func @query_positions
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x?x4x64xbf16>, %[[K:[^:]*]]: tensor<1x?x4x64xbf16>, %[[V:[^:]*]]: tensor<1x?x4x64xbf16>, %[[P:[^:]*]]: tensor<1x?xi32>)
// CHECK-NOT: attn.rope
// CHECK-NOT: tensor.generate
// CHECK: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) positions(%[[P]]) {causal, rope = #attn.rope<theta = 1.000000e+04, dim = 64, style = neox>} : (tensor<1x?x4x64xbf16>, tensor<1x?x4x64xbf16>, tensor<1x?x4x64xbf16>, tensor<1x?xi32>) -> tensor<1x?x4x64xbf16>
// CHECK-NEXT: return %[[O]]
func.func @query_positions(%q: tensor<1x?x4x64xbf16>, %k: tensor<1x?x4x64xbf16>, %v: tensor<1x?x4x64xbf16>,
                           %p: tensor<1x?xi32>) -> tensor<1x?x4x64xbf16> {
  %qr = attn.rope %q positions(%p : tensor<1x?xi32>) {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<1x?x4x64xbf16>
  %kr = attn.rope %k {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<1x?x4x64xbf16>
  %o = attn.prefill q(%qr) k(%kr) v(%v) {causal}
      : (tensor<1x?x4x64xbf16>, tensor<1x?x4x64xbf16>, tensor<1x?x4x64xbf16>) -> tensor<1x?x4x64xbf16>
  return %o : tensor<1x?x4x64xbf16>
}

// -----

// The rotated keys are also returned (e.g. to be written to a cache): the
// key rope stays and is returned, the prefill reads the unrotated k; the
// query rope, now unused, is erased.
// CHECK-LABEL: func.func @rotated_keys_returned
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x8x4x64xf32>, %[[K:[^:]*]]: tensor<1x8x4x64xf32>, %[[V:[^:]*]]: tensor<1x8x4x64xf32>)
// CHECK-NOT: attn.rope %[[Q]]
// CHECK: %[[KR:.*]] = attn.rope %[[K]] {rope = #attn.rope<theta = 1.000000e+04, dim = 64, style = neox>} : tensor<1x8x4x64xf32>
// CHECK-NOT: attn.rope
// CHECK: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) {rope = #attn.rope<theta = 1.000000e+04, dim = 64, style = neox>} : (tensor<1x8x4x64xf32>, tensor<1x8x4x64xf32>, tensor<1x8x4x64xf32>) -> tensor<1x8x4x64xf32>
// CHECK-NEXT: return %[[O]], %[[KR]] : tensor<1x8x4x64xf32>, tensor<1x8x4x64xf32>
func.func @rotated_keys_returned(%q: tensor<1x8x4x64xf32>, %k: tensor<1x8x4x64xf32>, %v: tensor<1x8x4x64xf32>)
    -> (tensor<1x8x4x64xf32>, tensor<1x8x4x64xf32>) {
  %qr = attn.rope %q {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<1x8x4x64xf32>
  %kr = attn.rope %k {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<1x8x4x64xf32>
  %o = attn.prefill q(%qr) k(%kr) v(%v)
      : (tensor<1x8x4x64xf32>, tensor<1x8x4x64xf32>, tensor<1x8x4x64xf32>) -> tensor<1x8x4x64xf32>
  return %o, %kr : tensor<1x8x4x64xf32>, tensor<1x8x4x64xf32>
}

// -----

// The rotated query is also used elsewhere: the query rope stays, the key
// rope is erased.
// CHECK-LABEL: func.func @rotated_query_used
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x8x4x64xf32>, %[[K:[^:]*]]: tensor<1x8x4x64xf32>, %[[V:[^:]*]]: tensor<1x8x4x64xf32>)
// CHECK: %[[QR:.*]] = attn.rope %[[Q]] {rope = #attn.rope<theta = 1.000000e+04, dim = 64, style = neox>} : tensor<1x8x4x64xf32>
// CHECK-NOT: attn.rope
// CHECK: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) {rope = #attn.rope<theta = 1.000000e+04, dim = 64, style = neox>}
// CHECK-NEXT: return %[[O]], %[[QR]]
func.func @rotated_query_used(%q: tensor<1x8x4x64xf32>, %k: tensor<1x8x4x64xf32>, %v: tensor<1x8x4x64xf32>)
    -> (tensor<1x8x4x64xf32>, tensor<1x8x4x64xf32>) {
  %qr = attn.rope %q {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<1x8x4x64xf32>
  %kr = attn.rope %k {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<1x8x4x64xf32>
  %o = attn.prefill q(%qr) k(%kr) v(%v)
      : (tensor<1x8x4x64xf32>, tensor<1x8x4x64xf32>, tensor<1x8x4x64xf32>) -> tensor<1x8x4x64xf32>
  return %o, %qr : tensor<1x8x4x64xf32>, tensor<1x8x4x64xf32>
}

// -----

// q and k are the same rotated tensor: both read the unrotated one, the
// single rope is erased (once), Sq == Sk so no positions.
// CHECK-LABEL: func.func @same_rotated_q_and_k
// CHECK-SAME: (%[[X:[^:]*]]: tensor<2x8x4x32xf32>, %[[V:[^:]*]]: tensor<2x8x4x32xf32>)
// CHECK-NOT: attn.rope
// CHECK-NOT: tensor.generate
// CHECK: %[[O:.*]] = attn.prefill q(%[[X]]) k(%[[X]]) v(%[[V]]) {rope = #attn.rope<theta = 1.000000e+04, dim = 16, style = neox>} : (tensor<2x8x4x32xf32>, tensor<2x8x4x32xf32>, tensor<2x8x4x32xf32>) -> tensor<2x8x4x32xf32>
// CHECK-NEXT: return %[[O]]
func.func @same_rotated_q_and_k(%x: tensor<2x8x4x32xf32>, %v: tensor<2x8x4x32xf32>) -> tensor<2x8x4x32xf32> {
  %xr = attn.rope %x {rope = #attn.rope<theta = 10000.0, dim = 16, style = neox>} : tensor<2x8x4x32xf32>
  %o = attn.prefill q(%xr) k(%xr) v(%v)
      : (tensor<2x8x4x32xf32>, tensor<2x8x4x32xf32>, tensor<2x8x4x32xf32>) -> tensor<2x8x4x32xf32>
  return %o : tensor<2x8x4x32xf32>
}

// -----

// Two prefills share the rotated query and keys: both are fused; the ropes
// are erased once the second prefill stops using them.
// CHECK-LABEL: func.func @shared_by_two_prefills
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x8x4x64xf32>, %[[K:[^:]*]]: tensor<1x8x4x64xf32>, %[[V:[^:]*]]: tensor<1x8x4x64xf32>)
// CHECK-NOT: attn.rope
// CHECK: %[[O1:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) {causal, rope = #attn.rope<theta = 1.000000e+04, dim = 64, style = neox>}
// CHECK-NEXT: %[[O2:.*]] = attn.prefill q(%[[Q]]) k(%[[K]]) v(%[[V]]) {rope = #attn.rope<theta = 1.000000e+04, dim = 64, style = neox>}
// CHECK-NEXT: return %[[O1]], %[[O2]]
func.func @shared_by_two_prefills(%q: tensor<1x8x4x64xf32>, %k: tensor<1x8x4x64xf32>, %v: tensor<1x8x4x64xf32>)
    -> (tensor<1x8x4x64xf32>, tensor<1x8x4x64xf32>) {
  %qr = attn.rope %q {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<1x8x4x64xf32>
  %kr = attn.rope %k {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<1x8x4x64xf32>
  %o1 = attn.prefill q(%qr) k(%kr) v(%v) {causal}
      : (tensor<1x8x4x64xf32>, tensor<1x8x4x64xf32>, tensor<1x8x4x64xf32>) -> tensor<1x8x4x64xf32>
  %o2 = attn.prefill q(%qr) k(%kr) v(%v)
      : (tensor<1x8x4x64xf32>, tensor<1x8x4x64xf32>, tensor<1x8x4x64xf32>) -> tensor<1x8x4x64xf32>
  return %o1, %o2 : tensor<1x8x4x64xf32>, tensor<1x8x4x64xf32>
}

//===----------------------------------------------------------------------===//
// Not fused, with a remark.
//===----------------------------------------------------------------------===//

// -----

// Different theta on q and k.
// CHECK-LABEL: func.func @different_rope
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x8x4x64xf32>, %[[K:[^:]*]]: tensor<1x8x4x64xf32>, %[[V:[^:]*]]: tensor<1x8x4x64xf32>)
// CHECK: %[[QR:.*]] = attn.rope %[[Q]] {rope = #attn.rope<theta = 1.000000e+04, dim = 64, style = neox>}
// CHECK-NEXT: %[[KR:.*]] = attn.rope %[[K]] {rope = #attn.rope<theta = 5.000000e+05, dim = 64, style = neox>}
// CHECK-NEXT: %[[O:.*]] = attn.prefill q(%[[QR]]) k(%[[KR]]) v(%[[V]]) :
// CHECK-NEXT: return %[[O]]
func.func @different_rope(%q: tensor<1x8x4x64xf32>, %k: tensor<1x8x4x64xf32>, %v: tensor<1x8x4x64xf32>)
    -> tensor<1x8x4x64xf32> {
  %qr = attn.rope %q {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<1x8x4x64xf32>
  %kr = attn.rope %k {rope = #attn.rope<theta = 500000.0, dim = 64, style = neox>} : tensor<1x8x4x64xf32>
  // expected-remark @+1 {{attn-fuse-rope: not fused: the query and key are rotated by different RoPE}}
  %o = attn.prefill q(%qr) k(%kr) v(%v)
      : (tensor<1x8x4x64xf32>, tensor<1x8x4x64xf32>, tensor<1x8x4x64xf32>) -> tensor<1x8x4x64xf32>
  return %o : tensor<1x8x4x64xf32>
}

// -----

// Same theta and dim, different style.
// CHECK-LABEL: func.func @different_style
// CHECK: attn.rope %{{.*}} {rope = #attn.rope<theta = 1.000000e+04, dim = 64, style = neox>}
// CHECK-NEXT: attn.rope %{{.*}} {rope = #attn.rope<theta = 1.000000e+04, dim = 64, style = interleaved>}
// CHECK-NEXT: attn.prefill q(%{{.*}}) k(%{{.*}}) v(%{{.*}}) {causal} :
func.func @different_style(%q: tensor<1x8x4x64xf32>, %k: tensor<1x8x4x64xf32>, %v: tensor<1x8x4x64xf32>)
    -> tensor<1x8x4x64xf32> {
  %qr = attn.rope %q {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<1x8x4x64xf32>
  %kr = attn.rope %k {rope = #attn.rope<theta = 10000.0, dim = 64, style = interleaved>} : tensor<1x8x4x64xf32>
  // expected-remark @+1 {{attn-fuse-rope: not fused: the query and key are rotated by different RoPE}}
  %o = attn.prefill q(%qr) k(%kr) v(%v) {causal}
      : (tensor<1x8x4x64xf32>, tensor<1x8x4x64xf32>, tensor<1x8x4x64xf32>) -> tensor<1x8x4x64xf32>
  return %o : tensor<1x8x4x64xf32>
}

// -----

// Keys rotated at explicit positions (the kernel rotates key j at j).
// CHECK-LABEL: func.func @key_positions
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x8x4x64xf32>, %[[K:[^:]*]]: tensor<1x8x4x64xf32>, %[[V:[^:]*]]: tensor<1x8x4x64xf32>, %[[P:[^:]*]]: tensor<1x8xi64>)
// CHECK: %[[QR:.*]] = attn.rope %[[Q]] {rope =
// CHECK-NEXT: %[[KR:.*]] = attn.rope %[[K]] positions(%[[P]] : tensor<1x8xi64>) {rope =
// CHECK-NEXT: %[[O:.*]] = attn.prefill q(%[[QR]]) k(%[[KR]]) v(%[[V]]) :
// CHECK-NEXT: return %[[O]]
func.func @key_positions(%q: tensor<1x8x4x64xf32>, %k: tensor<1x8x4x64xf32>, %v: tensor<1x8x4x64xf32>,
                         %p: tensor<1x8xi64>) -> tensor<1x8x4x64xf32> {
  %qr = attn.rope %q {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<1x8x4x64xf32>
  %kr = attn.rope %k positions(%p : tensor<1x8xi64>) {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<1x8x4x64xf32>
  // expected-remark @+1 {{attn-fuse-rope: not fused: the keys are rotated at explicit positions; the kernel rotates key j at j}}
  %o = attn.prefill q(%qr) k(%kr) v(%v)
      : (tensor<1x8x4x64xf32>, tensor<1x8x4x64xf32>, tensor<1x8x4x64xf32>) -> tensor<1x8x4x64xf32>
  return %o : tensor<1x8x4x64xf32>
}

// -----

// q and k the same tensor rotated at explicit positions: the key rope has
// positions, so the second remark.
// CHECK-LABEL: func.func @same_rotated_with_positions
// CHECK: %[[XR:.*]] = attn.rope %{{[^ ]*}} positions(
// CHECK-NEXT: attn.prefill q(%[[XR]]) k(%[[XR]]) v(
func.func @same_rotated_with_positions(%x: tensor<1x8x4x64xf32>, %v: tensor<1x8x4x64xf32>,
                                       %p: tensor<1x8xi32>) -> tensor<1x8x4x64xf32> {
  %xr = attn.rope %x positions(%p : tensor<1x8xi32>) {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<1x8x4x64xf32>
  // expected-remark @+1 {{attn-fuse-rope: not fused: the keys are rotated at explicit positions; the kernel rotates key j at j}}
  %o = attn.prefill q(%xr) k(%xr) v(%v)
      : (tensor<1x8x4x64xf32>, tensor<1x8x4x64xf32>, tensor<1x8x4x64xf32>) -> tensor<1x8x4x64xf32>
  return %o : tensor<1x8x4x64xf32>
}

//===----------------------------------------------------------------------===//
// Not matched: left untouched, no remark.
//===----------------------------------------------------------------------===//

// -----

// Ragged prefill: token-major q and k rotated at explicit positions.
// CHECK-LABEL: func.func @ragged
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<?x4x64xf32>, %[[K:[^:]*]]: tensor<?x4x64xf32>, %[[V:[^:]*]]: tensor<?x4x64xf32>, %[[CQ:[^:]*]]: tensor<3xi32>, %[[CK:[^:]*]]: tensor<3xi32>, %[[PQ:[^:]*]]: tensor<?xi32>, %[[PK:[^:]*]]: tensor<?xi32>)
// CHECK: %[[QR:.*]] = attn.rope %[[Q]] positions(%[[PQ]] : tensor<?xi32>)
// CHECK-NEXT: %[[KR:.*]] = attn.rope %[[K]] positions(%[[PK]] : tensor<?xi32>)
// CHECK-NEXT: %[[O:.*]] = attn.prefill q(%[[QR]]) k(%[[KR]]) v(%[[V]]) cu_seqlens_q(%[[CQ]]) cu_seqlens_k(%[[CK]]) {causal} :
// CHECK-NEXT: return %[[O]]
func.func @ragged(%q: tensor<?x4x64xf32>, %k: tensor<?x4x64xf32>, %v: tensor<?x4x64xf32>,
                  %cq: tensor<3xi32>, %ck: tensor<3xi32>, %pq: tensor<?xi32>, %pk: tensor<?xi32>)
    -> tensor<?x4x64xf32> {
  %qr = attn.rope %q positions(%pq : tensor<?xi32>) {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<?x4x64xf32>
  %kr = attn.rope %k positions(%pk : tensor<?xi32>) {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<?x4x64xf32>
  %o = attn.prefill q(%qr) k(%kr) v(%v) cu_seqlens_q(%cq) cu_seqlens_k(%ck) {causal}
      : (tensor<?x4x64xf32>, tensor<?x4x64xf32>, tensor<?x4x64xf32>, tensor<3xi32>, tensor<3xi32>)
      -> tensor<?x4x64xf32>
  return %o : tensor<?x4x64xf32>
}

// -----

// RoPE on the query only.
// CHECK-LABEL: func.func @query_only
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x8x4x64xf32>, %[[K:[^:]*]]: tensor<1x8x4x64xf32>, %[[V:[^:]*]]: tensor<1x8x4x64xf32>)
// CHECK: %[[QR:.*]] = attn.rope %[[Q]] {rope =
// CHECK-NEXT: %[[O:.*]] = attn.prefill q(%[[QR]]) k(%[[K]]) v(%[[V]]) :
// CHECK-NEXT: return %[[O]]
func.func @query_only(%q: tensor<1x8x4x64xf32>, %k: tensor<1x8x4x64xf32>, %v: tensor<1x8x4x64xf32>)
    -> tensor<1x8x4x64xf32> {
  %qr = attn.rope %q {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<1x8x4x64xf32>
  %o = attn.prefill q(%qr) k(%k) v(%v)
      : (tensor<1x8x4x64xf32>, tensor<1x8x4x64xf32>, tensor<1x8x4x64xf32>) -> tensor<1x8x4x64xf32>
  return %o : tensor<1x8x4x64xf32>
}

// -----

// RoPE on the key only.
// CHECK-LABEL: func.func @key_only
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x8x4x64xf32>, %[[K:[^:]*]]: tensor<1x8x4x64xf32>, %[[V:[^:]*]]: tensor<1x8x4x64xf32>)
// CHECK: %[[KR:.*]] = attn.rope %[[K]] {rope =
// CHECK-NEXT: %[[O:.*]] = attn.prefill q(%[[Q]]) k(%[[KR]]) v(%[[V]]) :
// CHECK-NEXT: return %[[O]]
func.func @key_only(%q: tensor<1x8x4x64xf32>, %k: tensor<1x8x4x64xf32>, %v: tensor<1x8x4x64xf32>)
    -> tensor<1x8x4x64xf32> {
  %kr = attn.rope %k {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<1x8x4x64xf32>
  %o = attn.prefill q(%q) k(%kr) v(%v)
      : (tensor<1x8x4x64xf32>, tensor<1x8x4x64xf32>, tensor<1x8x4x64xf32>) -> tensor<1x8x4x64xf32>
  return %o : tensor<1x8x4x64xf32>
}

// -----

// The prefill already has a `rope` attribute (it rotates the rotated
// tensors once more): left as it is.
// CHECK-LABEL: func.func @prefill_has_rope
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x8x4x64xf32>, %[[K:[^:]*]]: tensor<1x8x4x64xf32>, %[[V:[^:]*]]: tensor<1x8x4x64xf32>)
// CHECK: %[[QR:.*]] = attn.rope %[[Q]] {rope =
// CHECK-NEXT: %[[KR:.*]] = attn.rope %[[K]] {rope =
// CHECK-NEXT: %[[O:.*]] = attn.prefill q(%[[QR]]) k(%[[KR]]) v(%[[V]]) {rope = #attn.rope<theta = 1.000000e+04, dim = 32, style = neox>} :
// CHECK-NEXT: return %[[O]]
func.func @prefill_has_rope(%q: tensor<1x8x4x64xf32>, %k: tensor<1x8x4x64xf32>, %v: tensor<1x8x4x64xf32>)
    -> tensor<1x8x4x64xf32> {
  %qr = attn.rope %q {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<1x8x4x64xf32>
  %kr = attn.rope %k {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<1x8x4x64xf32>
  %o = attn.prefill q(%qr) k(%kr) v(%v) {rope = #attn.rope<theta = 10000.0, dim = 32, style = neox>}
      : (tensor<1x8x4x64xf32>, tensor<1x8x4x64xf32>, tensor<1x8x4x64xf32>) -> tensor<1x8x4x64xf32>
  return %o : tensor<1x8x4x64xf32>
}

// -----

// A rope that feeds no attention op stays.
// CHECK-LABEL: func.func @standalone
// CHECK: %[[R:.*]] = attn.rope %{{.*}} {rope =
// CHECK-NEXT: return %[[R]]
func.func @standalone(%x: tensor<1x8x4x64xf32>) -> tensor<1x8x4x64xf32> {
  %r = attn.rope %x {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>} : tensor<1x8x4x64xf32>
  return %r : tensor<1x8x4x64xf32>
}
