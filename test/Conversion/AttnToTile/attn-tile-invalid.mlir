// RUN: attn-opt %s --split-input-file --verify-diagnostics --attn-tile
// RUN: not attn-opt %s --split-input-file --attn-tile=gqa-pack=3 2>&1 | FileCheck %s --check-prefix=PACK
// RUN: not attn-opt %s --split-input-file --attn-tile="block-m=6 gqa-pack=4" 2>&1 | FileCheck %s --check-prefix=BLOCKM
// RUN: not attn-opt %s --split-input-file --attn-tile=target=tpu 2>&1 | FileCheck %s --check-prefix=TARGET
// RUN: not attn-opt %s --split-input-file --attn-tile=block-m=-16 2>&1 | FileCheck %s --check-prefix=NEGM
// RUN: not attn-opt %s --split-input-file --attn-tile=block-n=-5 2>&1 | FileCheck %s --check-prefix=NEGN
// RUN: not attn-opt %s --split-input-file --attn-tile=gqa-pack=-2 2>&1 | FileCheck %s --check-prefix=NEGPACK

// Every refusal of attn-tile. Ops with named logits transforms (causal or
// window, softcap, ALiBi slopes, the sigmoid normalizer) must go through
// attn-expand-functors first and fused qkv through attn-split-fused-qkv; the
// diagnostic names every transform the op still has. A gqa-pack that does
// not divide the GQA group, a block-m that is not a multiple of the pack, a
// negative block-m, block-n or gqa-pack (0 is the default) and an unknown
// target are refused too (checked with FileCheck in the RUN lines that set
// those options; the first RUN line checks that the same ops tile with the
// defaults).

// The unknown target is reported at the module (of the first split here,
// which starts at 0:0) before any op is looked at: no op diagnostic follows.
// TARGET: attn-tile-invalid.mlir:0:0: error: attn-tile: unknown target 'tpu' (expected cpu, nvidia, amd or simt)
// TARGET-NOT: error: 'attn.

func.func @fused_qkv(%qkv: tensor<2x16x512xf16>) -> tensor<2x16x4x64xf16> {
  // expected-error @+1 {{'attn.prefill' op cannot be tiled: it has a fused 'qkv' operand; run attn-split-fused-qkv first}}
  %o = attn.prefill qkv(%qkv) {qkv_heads = array<i64: 4, 2>}
      : (tensor<2x16x512xf16>) -> tensor<2x16x4x64xf16>
  return %o : tensor<2x16x4x64xf16>
}

// -----

func.func @causal(%q: tensor<2x16x4x8xf32>, %k: tensor<2x16x2x8xf32>, %v: tensor<2x16x2x8xf32>)
    -> tensor<2x16x4x8xf32> {
  // expected-error @+1 {{'attn.prefill' op cannot be tiled: it has named logits transforms (causal/window); run attn-expand-functors first}}
  %o = attn.prefill q(%q) k(%k) v(%v) {causal}
      : (tensor<2x16x4x8xf32>, tensor<2x16x2x8xf32>, tensor<2x16x2x8xf32>) -> tensor<2x16x4x8xf32>
  return %o : tensor<2x16x4x8xf32>
}

// -----

// A one-sided window (right = -1, unbounded) on a decode op.
func.func @window(%q: tensor<2x4x8xf16>, %kc: tensor<?x16x2x8xf16>, %vc: tensor<?x16x2x8xf16>,
                  %kp: tensor<3xi32>, %ki: tensor<?xi32>, %kl: tensor<2xi32>) -> tensor<2x4x8xf16> {
  // expected-error @+1 {{'attn.batch_decode' op cannot be tiled: it has named logits transforms (causal/window); run attn-expand-functors first}}
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc) kv_indptr(%kp) kv_indices(%ki)
      kv_last_page_len(%kl) {layout = #attn.kv_layout<nhd>, window = array<i64: 64, -1>}
      : (tensor<2x4x8xf16>, tensor<?x16x2x8xf16>, tensor<?x16x2x8xf16>, tensor<3xi32>,
         tensor<?xi32>, tensor<2xi32>) -> tensor<2x4x8xf16>
  return %o : tensor<2x4x8xf16>
}

// -----

func.func @softcap(%q: tensor<?x4x8xbf16>, %qo: tensor<3xi32>, %kc: tensor<?x2x16x8xbf16>,
                   %vc: tensor<?x2x16x8xbf16>, %kp: tensor<3xi32>, %ki: tensor<?xi32>,
                   %kl: tensor<2xi32>) -> tensor<?x4x8xbf16> {
  // expected-error @+1 {{'attn.batch_prefill' op cannot be tiled: it has named logits transforms (softcap); run attn-expand-functors first}}
  %o = attn.batch_prefill q(%q) qo_indptr(%qo) k_cache(%kc) v_cache(%vc) kv_indptr(%kp)
      kv_indices(%ki) kv_last_page_len(%kl) {layout = #attn.kv_layout<hnd>, softcap = 50.0 : f32}
      : (tensor<?x4x8xbf16>, tensor<3xi32>, tensor<?x2x16x8xbf16>, tensor<?x2x16x8xbf16>,
         tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<?x4x8xbf16>
  return %o : tensor<?x4x8xbf16>
}

// -----

func.func @alibi(%q: tensor<2x4x8xf16>, %kc: tensor<?x2x4x16x2xf16>, %vc: tensor<?x2x8x16xf16>,
                 %bt: tensor<2x8xi32>, %cl: tensor<2xi32>, %a: tensor<4xf32>) -> tensor<2x4x8xf16> {
  // expected-error @+1 {{'attn.paged_attention' op cannot be tiled: it has named logits transforms (alibi_slopes); run attn-expand-functors first}}
  %o = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc) block_tables(%bt) context_lens(%cl)
      alibi_slopes(%a)
      : (tensor<2x4x8xf16>, tensor<?x2x4x16x2xf16>, tensor<?x2x8x16xf16>, tensor<2x8xi32>,
         tensor<2xi32>, tensor<4xf32>) -> tensor<2x4x8xf16>
  return %o : tensor<2x4x8xf16>
}

// -----

func.func @sigmoid(%qn: tensor<2x4x16xbf16>, %qp: tensor<2x4x8xbf16>, %ckv: tensor<?x32x16xbf16>,
                   %kpe: tensor<?x32x8xbf16>, %kp: tensor<3xi32>, %ki: tensor<?xi32>,
                   %kl: tensor<2xi32>) -> tensor<2x4x16xbf16> {
  // expected-error @+1 {{'attn.mla_decode' op cannot be tiled: it has named logits transforms (the sigmoid normalizer); run attn-expand-functors first}}
  %o = attn.mla_decode q_nope(%qn) q_pe(%qp) ckv_cache(%ckv) kpe_cache(%kpe) kv_indptr(%kp)
      kv_indices(%ki) kv_last_page_len(%kl)
      {normalizer = #attn.normalizer<sigmoid>, sigmoid_bias = -1.0 : f32}
      : (tensor<2x4x16xbf16>, tensor<2x4x8xbf16>, tensor<?x32x16xbf16>, tensor<?x32x8xbf16>,
         tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x4x16xbf16>
  return %o : tensor<2x4x16xbf16>
}

// -----

// All four at once, listed in the order they apply; the user's regions do
// not make the op tileable.
func.func @all_named(%q: tensor<?x4x8xf32>, %k: tensor<?x2x8xf32>, %v: tensor<?x2x8xf32>,
                     %cq: tensor<3xi32>, %ck: tensor<3xi32>, %a: tensor<2x4xf32>)
    -> tensor<?x4x8xf32> {
  // expected-error @+1 {{'attn.prefill' op cannot be tiled: it has named logits transforms (softcap, alibi_slopes, causal/window, the sigmoid normalizer); run attn-expand-functors first}}
  %o = attn.prefill q(%q) k(%k) v(%v) cu_seqlens_q(%cq) cu_seqlens_k(%ck) alibi_slopes(%a)
      {causal, softcap = 30.0 : f32, normalizer = #attn.normalizer<sigmoid>}
      score_mod {
      ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
        attn.yield %s : f32
      }
      : (tensor<?x4x8xf32>, tensor<?x2x8xf32>, tensor<?x2x8xf32>, tensor<3xi32>, tensor<3xi32>,
         tensor<2x4xf32>) -> tensor<?x4x8xf32>
  return %o : tensor<?x4x8xf32>
}

// -----

// Every op is checked before any is rewritten: the first op of the function
// is tileable, the second is not, and the pass fails leaving both as they
// were.
func.func @second_refused(%q: tensor<2x16x4x8xf32>, %k: tensor<2x16x2x8xf32>,
                          %v: tensor<2x16x2x8xf32>) -> (tensor<2x16x4x8xf32>, tensor<2x16x4x8xf32>) {
  %o1 = attn.prefill q(%q) k(%k) v(%v)
      : (tensor<2x16x4x8xf32>, tensor<2x16x2x8xf32>, tensor<2x16x2x8xf32>) -> tensor<2x16x4x8xf32>
  // expected-error @+1 {{'attn.prefill' op cannot be tiled: it has named logits transforms (softcap); run attn-expand-functors first}}
  %o2 = attn.prefill q(%q) k(%k) v(%v) {softcap = 20.0 : f32}
      : (tensor<2x16x4x8xf32>, tensor<2x16x2x8xf32>, tensor<2x16x2x8xf32>) -> tensor<2x16x4x8xf32>
  return %o1, %o2 : tensor<2x16x4x8xf32>, tensor<2x16x4x8xf32>
}

// -----

// Tileable with the defaults (GQA group 2 here, 4 below); refused with
// gqa-pack=3, which divides neither group. Negative sizes are refused
// before anything is derived from them, each naming its option and value:
// -16 is a multiple of both default packs and -2 divides both groups (C++
// remainders), so the later checks alone would let them through.
// NEGM: attn-tile-invalid.mlir:[[@LINE+6]]:8: error: 'attn.prefill' op cannot be tiled: attn-tile's block-m must be positive (or 0 for the default), got -16
// NEGN: attn-tile-invalid.mlir:[[@LINE+5]]:8: error: 'attn.prefill' op cannot be tiled: attn-tile's block-n must be positive (or 0 for the default), got -5
// NEGPACK: attn-tile-invalid.mlir:[[@LINE+4]]:8: error: 'attn.prefill' op cannot be tiled: attn-tile's gqa-pack must be positive (or 0 for the default), got -2
// PACK: attn-tile-invalid.mlir:[[@LINE+3]]:{{[0-9]+}}: error: 'attn.prefill' op cannot pack 3 query heads per tile: the GQA group has 2 (gqa-pack must divide it)
func.func @pack_prefill(%q: tensor<2x16x4x8xf32>, %k: tensor<2x16x2x8xf32>, %v: tensor<2x16x2x8xf32>)
    -> tensor<2x16x4x8xf32> {
  %o = attn.prefill q(%q) k(%k) v(%v)
      : (tensor<2x16x4x8xf32>, tensor<2x16x2x8xf32>, tensor<2x16x2x8xf32>) -> tensor<2x16x4x8xf32>
  return %o : tensor<2x16x4x8xf32>
}

// -----

// NEGM: attn-tile-invalid.mlir:[[@LINE+9]]:8: error: 'attn.batch_decode' op cannot be tiled: attn-tile's block-m must be positive (or 0 for the default), got -16
// NEGN: attn-tile-invalid.mlir:[[@LINE+8]]:8: error: 'attn.batch_decode' op cannot be tiled: attn-tile's block-n must be positive (or 0 for the default), got -5
// NEGPACK: attn-tile-invalid.mlir:[[@LINE+7]]:8: error: 'attn.batch_decode' op cannot be tiled: attn-tile's gqa-pack must be positive (or 0 for the default), got -2
// PACK: attn-tile-invalid.mlir:[[@LINE+6]]:{{[0-9]+}}: error: 'attn.batch_decode' op cannot pack 3 query heads per tile: the GQA group has 4 (gqa-pack must divide it)
// With block-m=6 gqa-pack=4, the decode op's block_m is not a multiple of
// the pack either.
// BLOCKM: attn-tile-invalid.mlir:[[@LINE+3]]:{{[0-9]+}}: error: 'attn.batch_decode' op block-m 6 is not a multiple of the 4 query heads packed per tile
func.func @pack_decode(%q: tensor<2x8x8xf16>, %kc: tensor<?x16x2x8xf16>, %vc: tensor<?x16x2x8xf16>,
                       %kp: tensor<3xi32>, %ki: tensor<?xi32>, %kl: tensor<2xi32>) -> tensor<2x8x8xf16> {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc) kv_indptr(%kp) kv_indices(%ki)
      kv_last_page_len(%kl) {layout = #attn.kv_layout<nhd>}
      : (tensor<2x8x8xf16>, tensor<?x16x2x8xf16>, tensor<?x16x2x8xf16>, tensor<3xi32>,
         tensor<?xi32>, tensor<2xi32>) -> tensor<2x8x8xf16>
  return %o : tensor<2x8x8xf16>
}
