// RUN: attn-opt %s --split-input-file --attn-expand-functors --attn-tile=target=nvidia -verify-diagnostics | FileCheck %s --check-prefixes=CHECK,NV
// RUN: attn-opt %s --split-input-file --attn-expand-functors --attn-tile=target=amd -verify-diagnostics | FileCheck %s --check-prefixes=CHECK,AMD

// GPU targets size tiles for their matrix-core lowering
// (convert-attn-tile-to-gpu): 128 rows (here 32 queries x a GQA group of 4),
// 64 keys, and the operands' 16-bit floats; the scores and the softmax
// state stay f32.
// CHECK-LABEL: func.func @dense_gqa
// NV: attn_tile.kernel {{.*}} attributes {block_m = 128 : i64, block_n = 64 : i64, gqa_pack = 4 : i64}
// NV: attn_tile.load_q {{.*}} {gqa_pack = 4 : i64} : memref<?x8x64xbf16> -> tensor<128x64xbf16>
// NV: attn_tile.softmax_init : tensor<128xf32>, tensor<128xf32>, tensor<128x64xf32>
// NV: attn_tile.load_kv <rows> {{.*}} : memref<?x2x64xbf16> -> tensor<64x64xbf16>
// NV: attn_tile.qk {{.*}} : tensor<128x64xbf16>, tensor<64x64xbf16> -> tensor<128x64xf32>
// The AMD target's 64 KiB of LDS: 64 rows, 32 keys.
// AMD: attn_tile.kernel {{.*}} attributes {block_m = 64 : i64, block_n = 32 : i64, gqa_pack = 4 : i64}
// AMD: attn_tile.qk {{.*}} : tensor<64x64xbf16>, tensor<32x64xbf16> -> tensor<64x32xf32>
func.func @dense_gqa(%q: tensor<2x?x8x64xbf16>, %k: tensor<2x?x2x64xbf16>, %v: tensor<2x?x2x64xbf16>)
    -> (tensor<2x?x8x64xbf16>, tensor<2x?x8xf32>) {
  %o, %lse = attn.prefill q(%q) k(%k) v(%v) {causal}
    : (tensor<2x?x8x64xbf16>, tensor<2x?x2x64xbf16>, tensor<2x?x2x64xbf16>)
    -> (tensor<2x?x8x64xbf16>, tensor<2x?x8xf32>)
  return %o, %lse : tensor<2x?x8x64xbf16>, tensor<2x?x8xf32>
}

// -----

// Decode: one packed group per tile (block_m 4), f16 kept.
// CHECK-LABEL: func.func @decode_hnd
// NV: attn_tile.kernel {{.*}} attributes {block_m = 4 : i64, block_n = 64 : i64, gqa_pack = 4 : i64}
// AMD: attn_tile.kernel {{.*}} attributes {block_m = 4 : i64, block_n = 32 : i64, gqa_pack = 4 : i64}
// CHECK: attn_tile.load_q {{.*}} -> tensor<4x128xf16>
// NV: attn_tile.load_kv <hnd> {{.*}} : memref<?x2x1x128xf16> -> tensor<64x128xf16>
// AMD: attn_tile.load_kv <hnd> {{.*}} : memref<?x2x1x128xf16> -> tensor<32x128xf16>
func.func @decode_hnd(%q: tensor<3x8x128xf16>, %kc: tensor<?x2x1x128xf16>, %vc: tensor<?x2x1x128xf16>,
                      %indptr: tensor<4xi32>, %indices: tensor<?xi32>, %last: tensor<3xi32>)
    -> tensor<3x8x128xf16> {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc) kv_indptr(%indptr)
      kv_indices(%indices) kv_last_page_len(%last) {layout = #attn.kv_layout<hnd>}
    : (tensor<3x8x128xf16>, tensor<?x2x1x128xf16>, tensor<?x2x1x128xf16>,
       tensor<4xi32>, tensor<?xi32>, tensor<3xi32>) -> tensor<3x8x128xf16>
  return %o : tensor<3x8x128xf16>
}

// -----

// batch_prefill over a paged bf16 cache: the matrix-core sizes too (K and V
// are the caches, of Q's element type; no remark).
// CHECK-LABEL: func.func @batch_prefill_nhd
// NV: attn_tile.kernel {{.*}} attributes {block_m = 128 : i64, block_n = 64 : i64, gqa_pack = 4 : i64}
// NV: attn_tile.load_kv <nhd> {{.*}} : memref<?x16x2x128xbf16> -> tensor<64x128xbf16>
// AMD: attn_tile.kernel {{.*}} attributes {block_m = 64 : i64, block_n = 32 : i64, gqa_pack = 4 : i64}
// AMD: attn_tile.load_kv <nhd> {{.*}} : memref<?x16x2x128xbf16> -> tensor<32x128xbf16>
func.func @batch_prefill_nhd(%q: tensor<?x8x128xbf16>, %qo: tensor<3xi32>, %kc: tensor<?x16x2x128xbf16>,
                             %vc: tensor<?x16x2x128xbf16>, %indptr: tensor<3xi32>, %indices: tensor<?xi32>,
                             %last: tensor<2xi32>) -> tensor<?x8x128xbf16> {
  %o = attn.batch_prefill q(%q) qo_indptr(%qo) k_cache(%kc) v_cache(%vc) kv_indptr(%indptr)
      kv_indices(%indices) kv_last_page_len(%last) {causal, layout = #attn.kv_layout<nhd>}
    : (tensor<?x8x128xbf16>, tensor<3xi32>, tensor<?x16x2x128xbf16>, tensor<?x16x2x128xbf16>,
       tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<?x8x128xbf16>
  return %o : tensor<?x8x128xbf16>
}

// -----

// What the matrix-core lowering cannot run is tiled for the simple path (a
// position per tile, 16 keys, f32 tiles), with a remark saying why.
// CHECK-LABEL: func.func @head_dim_80
// CHECK: attn_tile.kernel {{.*}} attributes {block_m = 4 : i64, block_n = 16 : i64, gqa_pack = 4 : i64}
// CHECK: attn_tile.load_q {{.*}} -> tensor<4x80xf32>
func.func @head_dim_80(%q: tensor<2x?x8x80xbf16>, %k: tensor<2x?x2x80xbf16>, %v: tensor<2x?x2x80xbf16>)
    -> tensor<2x?x8x80xbf16> {
  // expected-remark @+1 {{tiled for the simple GPU path (a work item per thread): the matrix-core lowering does not take head dim 80 (a multiple of 64 up to 256 needed)}}
  %o = attn.prefill q(%q) k(%k) v(%v)
    : (tensor<2x?x8x80xbf16>, tensor<2x?x2x80xbf16>, tensor<2x?x2x80xbf16>) -> tensor<2x?x8x80xbf16>
  return %o : tensor<2x?x8x80xbf16>
}

// -----

// CHECK-LABEL: func.func @f32_inputs
// CHECK: attn_tile.kernel {{.*}} attributes {block_m = 1 : i64, block_n = 16 : i64, gqa_pack = 1 : i64}
func.func @f32_inputs(%q: tensor<1x?x2x64xf32>, %k: tensor<1x?x2x64xf32>, %v: tensor<1x?x2x64xf32>)
    -> tensor<1x?x2x64xf32> {
  // expected-remark @+1 {{the matrix-core lowering does not take element type f32 (bf16 or f16 needed)}}
  %o = attn.prefill q(%q) k(%k) v(%v)
    : (tensor<1x?x2x64xf32>, tensor<1x?x2x64xf32>, tensor<1x?x2x64xf32>) -> tensor<1x?x2x64xf32>
  return %o : tensor<1x?x2x64xf32>
}

// -----

// CHECK-LABEL: func.func @rope_in_kernel
func.func @rope_in_kernel(%q: tensor<?x4x64xbf16>, %k: tensor<?x4x64xbf16>, %v: tensor<?x4x64xbf16>,
                          %cq: tensor<3xi32>, %ck: tensor<3xi32>) -> tensor<?x4x64xbf16> {
  // expected-remark @+1 {{the matrix-core lowering does not take RoPE in the kernel}}
  %o = attn.prefill q(%q) k(%k) v(%v) cu_seqlens_q(%cq) cu_seqlens_k(%ck)
      {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>}
    : (tensor<?x4x64xbf16>, tensor<?x4x64xbf16>, tensor<?x4x64xbf16>, tensor<3xi32>, tensor<3xi32>)
    -> tensor<?x4x64xbf16>
  return %o : tensor<?x4x64xbf16>
}
