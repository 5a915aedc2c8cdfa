// attn-fuse-rope preserves the semantics: attn-run applies the pass to the IR
// (--passes, before the default tiled pipeline attn-to-cpu, which runs it
// too), compiles and runs the result on seeded random float inputs, runs the
// reference lowering (convert-attn-to-loops) of the IR as written, where
// attn.rope materializes the rotated Q and K before attention, on the same
// inputs, and prints the largest error of every output; --tolerance makes a
// larger one fail the run. Integer inputs (positions, cu_seqlens) are given
// inline.
//
// Tolerances: f32 1e-5. bf16 1e-2: the written IR rounds the rotated Q and K
// to bf16 before attention, the fused kernel rotates them in f32, so the two
// differ by bf16 rounding of Q and K (docs: the fusion is exact in exact
// arithmetic, not bit for bit in low precision).
//
// attn-run compiles every public function of its input, so split-file gives
// each function a module of its own.
//
// RUN: rm -rf %t && split-file %s %t
//
// Before the runs: the pass does fire on every module meant to be fused (no
// attn.rope left, the prefill has the rope attribute and the expected
// positions), and leaves the ones it must not fuse alone.
// RUN: attn-opt %t/chunked.mlir --attn-fuse-rope | FileCheck %s --check-prefix=FUSED-GEN
// RUN: attn-opt %t/static_equal.mlir --attn-fuse-rope | FileCheck %s --check-prefix=FUSED-NOPOS
// RUN: attn-opt %t/query_positions.mlir --attn-fuse-rope | FileCheck %s --check-prefix=FUSED-QPOS
// RUN: attn-opt %t/interleaved_partial.mlir --attn-fuse-rope | FileCheck %s --check-prefix=FUSED-GEN
// RUN: attn-opt %t/partial_neox.mlir --attn-fuse-rope | FileCheck %s --check-prefix=FUSED-QPOS
// RUN: attn-opt %t/bf16.mlir --attn-fuse-rope | FileCheck %s --check-prefix=FUSED-GEN
// RUN: attn-opt %t/rotated_keys.mlir --attn-fuse-rope | FileCheck %s --check-prefix=FUSED-KEEPK
// RUN: attn-opt %t/same_tensor.mlir --attn-fuse-rope | FileCheck %s --check-prefix=FUSED-GEN
// RUN: attn-opt %t/key_positions.mlir --attn-fuse-rope 2>&1 | FileCheck %s --check-prefix=NOT-FUSED
//
// Chunked prefill, f32, D = 64, GQA 4 (8 query heads, 2 KV heads), causal,
// dynamic B, Sq and Sk (the pass makes the query positions s explicit):
// Sq = 5 < Sk = 37; Sq = 1 < Sk = 130; Sq = Sk = 7 (dynamic, so still
// explicit); Sq = 7 > Sk = 3 (query rows without a visible key: out 0, lse
// -inf on both sides).
// RUN: attn-run %t/chunked.mlir --passes=attn-fuse-rope --check --tolerance=1e-5 \
// RUN:   --seed 1 --dim q.0=2 --dim k.0=2 --dim v.0=2 --dim q.1=5 --dim k.1=37 \
// RUN:   --dim v.1=37 | FileCheck %s
// RUN: attn-run %t/chunked.mlir --passes=attn-fuse-rope --check --tolerance=1e-5 \
// RUN:   --seed 2 --dim q.0=1 --dim k.0=1 --dim v.0=1 --dim q.1=1 --dim k.1=130 \
// RUN:   --dim v.1=130 | FileCheck %s
// RUN: attn-run %t/chunked.mlir --passes=attn-fuse-rope --check --tolerance=1e-5 \
// RUN:   --seed 3 --dim q.0=3 --dim k.0=3 --dim v.0=3 --dim q.1=7 --dim k.1=7 \
// RUN:   --dim v.1=7 | FileCheck %s
// RUN: attn-run %t/chunked.mlir --passes=attn-fuse-rope --check --tolerance=1e-5 \
// RUN:   --seed 4 --dim q.0=2 --dim k.0=2 --dim v.0=2 --dim q.1=7 --dim k.1=3 \
// RUN:   --dim v.1=3 | FileCheck %s
//
// Static Sq = Sk = 9, f32, MHA, causal: fused without a positions operand
// (the op's default i + Sk - Sq is i).
// RUN: attn-run %t/static_equal.mlir --passes=attn-fuse-rope --check \
// RUN:   --tolerance=1e-5 --seed 5 | FileCheck %s
//
// Query rotated at explicit i32 positions [B, Sq], forwarded to the prefill;
// causal mask and ALiBi stay aligned at i + Sk - Sq while RoPE uses the
// positions. Sq = 3, Sk = 10: the usual chunk positions 7 8 9, then
// arbitrary ones (out of order, beyond Sk).
// RUN: attn-run %t/query_positions.mlir --passes=attn-fuse-rope --check \
// RUN:   --tolerance=1e-5 --seed 6 --input 'positions=7 8 9 7 8 9' \
// RUN:   --input 'slopes=0.5 0.25 0.125 0.0625' --dim q.1=3 --dim k.1=10 \
// RUN:   --dim v.1=10 | FileCheck %s
// RUN: attn-run %t/query_positions.mlir --passes=attn-fuse-rope --check \
// RUN:   --tolerance=1e-5 --seed 7 --input 'positions=0 513 2 4095 3 1' \
// RUN:   --input 'slopes=0.5 0.25 0.125 0.0625' --dim q.1=3 --dim k.1=10 \
// RUN:   --dim v.1=10 | FileCheck %s
//
// Interleaved (GPT-J) style, partial rotary dim 16 of D = 64, theta 5e5,
// GQA 2, sliding window [6, 0]: Sq = 4 < Sk = 21; Sq = Sk = 13.
// RUN: attn-run %t/interleaved_partial.mlir --passes=attn-fuse-rope --check \
// RUN:   --tolerance=1e-5 --seed 8 --dim q.0=2 --dim k.0=2 --dim v.0=2 \
// RUN:   --dim q.1=4 --dim k.1=21 --dim v.1=21 | FileCheck %s
// RUN: attn-run %t/interleaved_partial.mlir --passes=attn-fuse-rope --check \
// RUN:   --tolerance=1e-5 --seed 9 --dim q.0=1 --dim k.0=1 --dim v.0=1 \
// RUN:   --dim q.1=13 --dim k.1=13 --dim v.1=13 | FileCheck %s
//
// NeoX, partial rotary dim 32 of D = 80 (channels 32..79 pass through), MQA
// (8 query heads, 1 KV head), i64 query positions, no mask: Sq = 2, Sk = 9.
// RUN: attn-run %t/partial_neox.mlir --passes=attn-fuse-rope --check \
// RUN:   --tolerance=1e-5 --seed 10 --input 'positions=7 8' --dim q.1=2 \
// RUN:   --dim k.1=9 --dim v.1=9 | FileCheck %s
//
// bf16, D = 128, GQA 4, causal: Sq = 6 < Sk = 40; Sq = Sk = 17.
// RUN: attn-run %t/bf16.mlir --passes=attn-fuse-rope --check --tolerance=1e-2 \
// RUN:   --seed 11 --dim q.0=2 --dim k.0=2 --dim v.0=2 --dim q.1=6 --dim k.1=40 \
// RUN:   --dim v.1=40 | FileCheck %s --check-prefix=BF16
// RUN: attn-run %t/bf16.mlir --passes=attn-fuse-rope --check --tolerance=1e-2 \
// RUN:   --seed 12 --dim q.0=1 --dim k.0=1 --dim v.0=1 --dim q.1=17 --dim k.1=17 \
// RUN:   --dim v.1=17 | FileCheck %s --check-prefix=BF16
//
// The rotated keys are returned too (as for a KV cache): the key attn.rope
// stays and is lowered by the loop lowering inside attn-to-cpu; both the
// attention output and the rotated keys match. Sq = 3, Sk = 11.
// RUN: attn-run %t/rotated_keys.mlir --passes=attn-fuse-rope --check \
// RUN:   --tolerance=1e-5 --seed 13 --dim q.0=2 --dim k.0=2 --dim v.0=2 \
// RUN:   --dim q.1=3 --dim k.1=11 --dim v.1=11 | FileCheck %s --check-prefix=KROT
//
// q and k are one rotated tensor (MHA self-attention), dynamic S = 12.
// RUN: attn-run %t/same_tensor.mlir --passes=attn-fuse-rope --check \
// RUN:   --tolerance=1e-5 --seed 14 --dim x.0=2 --dim v.0=2 --dim x.1=12 \
// RUN:   --dim v.1=12 | FileCheck %s --check-prefix=NOLSE
//
// Not fused (keys rotated at explicit positions, with a remark): the tiled
// pipeline lowers both attn.rope ops through the loop lowering and still
// matches the reference.
// RUN: attn-run %t/key_positions.mlir --passes=attn-fuse-rope --check \
// RUN:   --tolerance=1e-5 --seed 15 --input 'kpos=3 1 4 1 5 9 2 6' \
// RUN:   --dim q.1=5 --dim k.1=8 --dim v.1=8 2>/dev/null | FileCheck %s --check-prefix=NOLSE
//
// Not matched (ragged prefill over token-major ropes with positions): the
// same, through the runtime's checks of the token-major positions.
// Requests (Sq, Sk) = (2, 5), (3, 3).
// RUN: attn-run %t/ragged.mlir --passes=attn-fuse-rope --check --tolerance=1e-5 \
// RUN:   --seed 16 --input 'cu_q=0 2 5' --input 'cu_k=0 5 8' \
// RUN:   --input 'qpos=3 4 0 1 2' --input 'kpos=0 1 2 3 4 0 1 2' --dim q.0=5 \
// RUN:   --dim k.0=8 --dim v.0=8 | FileCheck %s --check-prefix=NOLSE

// Every run prints the errors of out, then of lse (f32 in every case, held
// to 1e-5 as %.3g prints it) or of the rotated keys.
// CHECK: check out: max_abs_err={{.*}} max_rel_err={{.*}}
// CHECK-NEXT: check lse: max_abs_err={{(0|[1-9](\.[0-9]+)?e-(0[6-9]|[1-9][0-9])|1e-05)}} max_rel_err={{.*}}
// CHECK-NOT: check
// BF16: check out: max_abs_err={{.*}} max_rel_err={{.*}}
// BF16-NEXT: check lse: max_abs_err={{.*}} max_rel_err={{.*}}
// BF16-NOT: check
// KROT: check out: max_abs_err={{.*}} max_rel_err={{.*}}
// KROT-NEXT: check k_rot: max_abs_err={{(0|[1-9](\.[0-9]+)?e-(0[6-9]|[1-9][0-9])|1e-05)}} max_rel_err={{.*}}
// KROT-NOT: check
// NOLSE: check out: max_abs_err={{.*}} max_rel_err={{.*}}
// NOLSE-NOT: check

// FUSED-GEN-NOT: attn.rope
// FUSED-GEN: %[[POS:.*]] = tensor.generate
// FUSED-GEN: attn.prefill q(%arg0) k(%arg{{[01]}}) v(%{{[^)]*}}) positions(%[[POS]]) {{.*}}rope = #attn.rope<
// FUSED-GEN-NOT: attn.rope
// FUSED-NOPOS-NOT: attn.rope
// FUSED-NOPOS-NOT: positions
// FUSED-NOPOS: attn.prefill q(%arg0) k(%arg1) v(%arg2) {causal, rope = #attn.rope<
// FUSED-NOPOS-NOT: attn.rope
// FUSED-QPOS-NOT: attn.rope
// FUSED-QPOS-NOT: tensor.generate
// FUSED-QPOS: attn.prefill q(%arg0) k(%arg1) v(%arg2) {{.*}}positions(%arg3) {{.*}}rope = #attn.rope<
// FUSED-QPOS-NOT: attn.rope
// FUSED-KEEPK-NOT: attn.rope %arg0
// FUSED-KEEPK: %[[KR:.*]] = attn.rope %arg1
// FUSED-KEEPK: attn.prefill q(%arg0) k(%arg1) v(%arg2) positions(%{{.*}}) {{.*}}rope = #attn.rope<
// FUSED-KEEPK: return %{{.*}}, %[[KR]]
// NOT-FUSED: remark: attn-fuse-rope: not fused: the keys are rotated at explicit positions; the kernel rotates key j at j
// NOT-FUSED: %[[QR:.*]] = attn.rope %arg0
// NOT-FUSED: %[[KR:.*]] = attn.rope %arg1 positions(%arg3
// NOT-FUSED: attn.prefill q(%[[QR]]) k(%[[KR]]) v(%arg2) {causal} :

//--- chunked.mlir
// f32, D = 64, GQA 4, causal, with the LSE; NeoX over the whole head.
func.func @chunked(%q: tensor<?x?x8x64xf32> {attn.name = "q"},
                   %k: tensor<?x?x2x64xf32> {attn.name = "k"},
                   %v: tensor<?x?x2x64xf32> {attn.name = "v"})
    -> (tensor<?x?x8x64xf32> {attn.name = "out"},
        tensor<?x?x8xf32> {attn.name = "lse"}) {
  %qr = attn.rope %q {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>}
      : tensor<?x?x8x64xf32>
  %kr = attn.rope %k {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>}
      : tensor<?x?x2x64xf32>
  %o, %lse = attn.prefill q(%qr) k(%kr) v(%v) {causal}
    : (tensor<?x?x8x64xf32>, tensor<?x?x2x64xf32>, tensor<?x?x2x64xf32>)
    -> (tensor<?x?x8x64xf32>, tensor<?x?x8xf32>)
  return %o, %lse : tensor<?x?x8x64xf32>, tensor<?x?x8xf32>
}

//--- static_equal.mlir
// f32, D = 32, MHA, static S = 9, causal.
func.func @static_equal(%q: tensor<2x9x4x32xf32> {attn.name = "q"},
                        %k: tensor<2x9x4x32xf32> {attn.name = "k"},
                        %v: tensor<2x9x4x32xf32> {attn.name = "v"})
    -> (tensor<2x9x4x32xf32> {attn.name = "out"},
        tensor<2x9x4xf32> {attn.name = "lse"}) {
  %qr = attn.rope %q {rope = #attn.rope<theta = 10000.0, dim = 32, style = neox>}
      : tensor<2x9x4x32xf32>
  %kr = attn.rope %k {rope = #attn.rope<theta = 10000.0, dim = 32, style = neox>}
      : tensor<2x9x4x32xf32>
  %o, %lse = attn.prefill q(%qr) k(%kr) v(%v) {causal}
    : (tensor<2x9x4x32xf32>, tensor<2x9x4x32xf32>, tensor<2x9x4x32xf32>)
    -> (tensor<2x9x4x32xf32>, tensor<2x9x4xf32>)
  return %o, %lse : tensor<2x9x4x32xf32>, tensor<2x9x4xf32>
}

//--- query_positions.mlir
// f32, D = 64, MHA, B = 2, causal, ALiBi [Hq]; the query's i32 positions.
func.func @query_positions(%q: tensor<2x?x4x64xf32> {attn.name = "q"},
                           %k: tensor<2x?x4x64xf32> {attn.name = "k"},
                           %v: tensor<2x?x4x64xf32> {attn.name = "v"},
                           %p: tensor<2x?xi32> {attn.name = "positions"},
                           %sl: tensor<4xf32> {attn.name = "slopes"})
    -> (tensor<2x?x4x64xf32> {attn.name = "out"},
        tensor<2x?x4xf32> {attn.name = "lse"}) {
  %qr = attn.rope %q positions(%p : tensor<2x?xi32>)
      {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>}
      : tensor<2x?x4x64xf32>
  %kr = attn.rope %k {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>}
      : tensor<2x?x4x64xf32>
  %o, %lse = attn.prefill q(%qr) k(%kr) v(%v) alibi_slopes(%sl) {causal}
    : (tensor<2x?x4x64xf32>, tensor<2x?x4x64xf32>, tensor<2x?x4x64xf32>,
       tensor<4xf32>)
    -> (tensor<2x?x4x64xf32>, tensor<2x?x4xf32>)
  return %o, %lse : tensor<2x?x4x64xf32>, tensor<2x?x4xf32>
}

//--- interleaved_partial.mlir
// f32, D = 64, GQA 2, interleaved RoPE on 16 channels, theta 5e5, window.
func.func @interleaved_partial(%q: tensor<?x?x4x64xf32> {attn.name = "q"},
                               %k: tensor<?x?x2x64xf32> {attn.name = "k"},
                               %v: tensor<?x?x2x64xf32> {attn.name = "v"})
    -> (tensor<?x?x4x64xf32> {attn.name = "out"},
        tensor<?x?x4xf32> {attn.name = "lse"}) {
  %qr = attn.rope %q {rope = #attn.rope<theta = 500000.0, dim = 16, style = interleaved>}
      : tensor<?x?x4x64xf32>
  %kr = attn.rope %k {rope = #attn.rope<theta = 500000.0, dim = 16, style = interleaved>}
      : tensor<?x?x2x64xf32>
  %o, %lse = attn.prefill q(%qr) k(%kr) v(%v) {window = array<i64: 6, 0>}
    : (tensor<?x?x4x64xf32>, tensor<?x?x2x64xf32>, tensor<?x?x2x64xf32>)
    -> (tensor<?x?x4x64xf32>, tensor<?x?x4xf32>)
  return %o, %lse : tensor<?x?x4x64xf32>, tensor<?x?x4xf32>
}

//--- partial_neox.mlir
// f32, D = 80, MQA, NeoX on 32 channels, i64 query positions, no mask.
func.func @partial_neox(%q: tensor<1x?x8x80xf32> {attn.name = "q"},
                        %k: tensor<1x?x1x80xf32> {attn.name = "k"},
                        %v: tensor<1x?x1x80xf32> {attn.name = "v"},
                        %p: tensor<1x?xi64> {attn.name = "positions"})
    -> (tensor<1x?x8x80xf32> {attn.name = "out"},
        tensor<1x?x8xf32> {attn.name = "lse"}) {
  %qr = attn.rope %q positions(%p : tensor<1x?xi64>)
      {rope = #attn.rope<theta = 10000.0, dim = 32, style = neox>}
      : tensor<1x?x8x80xf32>
  %kr = attn.rope %k {rope = #attn.rope<theta = 10000.0, dim = 32, style = neox>}
      : tensor<1x?x1x80xf32>
  %o, %lse = attn.prefill q(%qr) k(%kr) v(%v)
    : (tensor<1x?x8x80xf32>, tensor<1x?x1x80xf32>, tensor<1x?x1x80xf32>)
    -> (tensor<1x?x8x80xf32>, tensor<1x?x8xf32>)
  return %o, %lse : tensor<1x?x8x80xf32>, tensor<1x?x8xf32>
}

//--- bf16.mlir
// bf16, D = 128, GQA 4, causal, NeoX over the whole head.
func.func @bf16(%q: tensor<?x?x8x128xbf16> {attn.name = "q"},
                %k: tensor<?x?x2x128xbf16> {attn.name = "k"},
                %v: tensor<?x?x2x128xbf16> {attn.name = "v"})
    -> (tensor<?x?x8x128xbf16> {attn.name = "out"},
        tensor<?x?x8xf32> {attn.name = "lse"}) {
  %qr = attn.rope %q {rope = #attn.rope<theta = 10000.0, dim = 128, style = neox>}
      : tensor<?x?x8x128xbf16>
  %kr = attn.rope %k {rope = #attn.rope<theta = 10000.0, dim = 128, style = neox>}
      : tensor<?x?x2x128xbf16>
  %o, %lse = attn.prefill q(%qr) k(%kr) v(%v) {causal}
    : (tensor<?x?x8x128xbf16>, tensor<?x?x2x128xbf16>, tensor<?x?x2x128xbf16>)
    -> (tensor<?x?x8x128xbf16>, tensor<?x?x8xf32>)
  return %o, %lse : tensor<?x?x8x128xbf16>, tensor<?x?x8xf32>
}

//--- rotated_keys.mlir
// f32, D = 32, GQA 2, causal; returns the output and the rotated keys.
func.func @rotated_keys(%q: tensor<?x?x4x32xf32> {attn.name = "q"},
                        %k: tensor<?x?x2x32xf32> {attn.name = "k"},
                        %v: tensor<?x?x2x32xf32> {attn.name = "v"})
    -> (tensor<?x?x4x32xf32> {attn.name = "out"},
        tensor<?x?x2x32xf32> {attn.name = "k_rot"}) {
  %qr = attn.rope %q {rope = #attn.rope<theta = 10000.0, dim = 32, style = neox>}
      : tensor<?x?x4x32xf32>
  %kr = attn.rope %k {rope = #attn.rope<theta = 10000.0, dim = 32, style = neox>}
      : tensor<?x?x2x32xf32>
  %o = attn.prefill q(%qr) k(%kr) v(%v) {causal}
    : (tensor<?x?x4x32xf32>, tensor<?x?x2x32xf32>, tensor<?x?x2x32xf32>)
    -> tensor<?x?x4x32xf32>
  return %o, %kr : tensor<?x?x4x32xf32>, tensor<?x?x2x32xf32>
}

//--- same_tensor.mlir
// f32, D = 32, MHA; q and k are the same rotated tensor.
func.func @same_tensor(%x: tensor<?x?x4x32xf32> {attn.name = "x"},
                       %v: tensor<?x?x4x32xf32> {attn.name = "v"})
    -> (tensor<?x?x4x32xf32> {attn.name = "out"}) {
  %xr = attn.rope %x {rope = #attn.rope<theta = 10000.0, dim = 32, style = interleaved>}
      : tensor<?x?x4x32xf32>
  %o = attn.prefill q(%xr) k(%xr) v(%v) {causal}
    : (tensor<?x?x4x32xf32>, tensor<?x?x4x32xf32>, tensor<?x?x4x32xf32>)
    -> tensor<?x?x4x32xf32>
  return %o : tensor<?x?x4x32xf32>
}

//--- key_positions.mlir
// f32, D = 32, MHA, B = 1; keys rotated at explicit i32 positions.
func.func @key_positions(%q: tensor<1x?x2x32xf32> {attn.name = "q"},
                         %k: tensor<1x?x2x32xf32> {attn.name = "k"},
                         %v: tensor<1x?x2x32xf32> {attn.name = "v"},
                         %kp: tensor<1x?xi32> {attn.name = "kpos"})
    -> (tensor<1x?x2x32xf32> {attn.name = "out"}) {
  %qr = attn.rope %q {rope = #attn.rope<theta = 10000.0, dim = 32, style = neox>}
      : tensor<1x?x2x32xf32>
  %kr = attn.rope %k positions(%kp : tensor<1x?xi32>)
      {rope = #attn.rope<theta = 10000.0, dim = 32, style = neox>}
      : tensor<1x?x2x32xf32>
  %o = attn.prefill q(%qr) k(%kr) v(%v) {causal}
    : (tensor<1x?x2x32xf32>, tensor<1x?x2x32xf32>, tensor<1x?x2x32xf32>)
    -> tensor<1x?x2x32xf32>
  return %o : tensor<1x?x2x32xf32>
}

//--- ragged.mlir
// f32, D = 32, GQA 2, ragged, causal; token-major ropes at positions [T].
func.func @ragged(%q: tensor<?x4x32xf32> {attn.name = "q"},
                  %k: tensor<?x2x32xf32> {attn.name = "k"},
                  %v: tensor<?x2x32xf32> {attn.name = "v"},
                  %cq: tensor<3xi32> {attn.name = "cu_q"},
                  %ck: tensor<3xi32> {attn.name = "cu_k"},
                  %qp: tensor<?xi32> {attn.name = "qpos"},
                  %kp: tensor<?xi32> {attn.name = "kpos"})
    -> (tensor<?x4x32xf32> {attn.name = "out"}) {
  %qr = attn.rope %q positions(%qp : tensor<?xi32>)
      {rope = #attn.rope<theta = 10000.0, dim = 32, style = neox>}
      : tensor<?x4x32xf32>
  %kr = attn.rope %k positions(%kp : tensor<?xi32>)
      {rope = #attn.rope<theta = 10000.0, dim = 32, style = neox>}
      : tensor<?x2x32xf32>
  %o = attn.prefill q(%qr) k(%kr) v(%v) cu_seqlens_q(%cq) cu_seqlens_k(%ck) {causal}
    : (tensor<?x4x32xf32>, tensor<?x2x32xf32>, tensor<?x2x32xf32>,
       tensor<3xi32>, tensor<3xi32>)
    -> tensor<?x4x32xf32>
  return %o : tensor<?x4x32xf32>
}
