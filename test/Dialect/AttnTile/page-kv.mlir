// RUN: attn-opt %s --attn-tile="block-n=32" --attn-page-kv --canonicalize --split-input-file | FileCheck %s

// attn-page-kv: a paged load_kv becomes page_slots (the page-table lookup,
// once per KV tile, shared by the K and V loads of the same keys) and
// gather_kv (the layout's addressing); contiguous loads stay load_kv.

// FlashInfer NHD, page size 16.
// CHECK-LABEL: func.func @decode_nhd
// CHECK: %[[TABLE:.*]] = bufferization.to_buffer %arg4
// CHECK: scf.for %[[NB:.*]] = %c0 to
// CHECK: %[[J0:.*]] = arith.muli %[[NB]], %c32 : index
// CHECK: %[[S:.*]] = attn_tile.page_slots %[[TABLE]][%{{.*}}, %[[J0]]] count %[[N:.*]] {page_size = 16 : i64} : memref<?xi32> -> tensor<32xindex>
// CHECK-NEXT: %[[K:.*]] = attn_tile.gather_kv <nhd> %{{.*}}[%[[S]], %{{.*}}] count %[[N]] : memref<?x16x2x64xf32>, tensor<32xindex> -> tensor<32x64xf32>
// CHECK-NEXT: %[[V:.*]] = attn_tile.gather_kv <nhd> %{{.*}}[%[[S]], %{{.*}}] count %[[N]] : memref<?x16x2x64xf32>, tensor<32xindex> -> tensor<32x64xf32>
// CHECK-NOT: attn_tile.page_slots
// CHECK-NOT: attn_tile.load_kv
// CHECK: attn_tile.qk %{{.*}}, %[[K]]
func.func @decode_nhd(%q: tensor<?x8x64xf32>, %kc: tensor<?x16x2x64xf32>, %vc: tensor<?x16x2x64xf32>,
                      %kp: tensor<?xi32>, %ki: tensor<?xi32>, %kl: tensor<?xi32>) -> tensor<?x8x64xf32> {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc) kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl) {layout = #attn.kv_layout<nhd>}
    : (tensor<?x8x64xf32>, tensor<?x16x2x64xf32>, tensor<?x16x2x64xf32>, tensor<?xi32>, tensor<?xi32>, tensor<?xi32>) -> tensor<?x8x64xf32>
  return %o : tensor<?x8x64xf32>
}

// -----

// HND with page size 1 (SGLang's token-granular table): one row per page.
// CHECK-LABEL: func.func @prefill_hnd1
// CHECK: attn_tile.page_slots {{.*}} {page_size = 1 : i64}
// CHECK-COUNT-2: attn_tile.gather_kv <hnd>
func.func @prefill_hnd1(%q: tensor<?x4x32xf32>, %qo: tensor<?xi32>, %kc: tensor<?x2x1x32xf32>, %vc: tensor<?x2x1x32xf32>,
                        %kp: tensor<?xi32>, %ki: tensor<?xi32>, %kl: tensor<?xi32>) -> tensor<?x4x32xf32> {
  %o = attn.batch_prefill q(%q) qo_indptr(%qo) k_cache(%kc) v_cache(%vc) kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl) {layout = #attn.kv_layout<hnd>}
    : (tensor<?x4x32xf32>, tensor<?xi32>, tensor<?x2x1x32xf32>, tensor<?x2x1x32xf32>, tensor<?xi32>, tensor<?xi32>, tensor<?xi32>) -> tensor<?x4x32xf32>
  return %o : tensor<?x4x32xf32>
}

// -----

// vLLM: the block tables [B, 4] are one list; K and V have different
// layouts but the same slots.
// CHECK-LABEL: func.func @vllm
// CHECK: %[[S:.*]] = attn_tile.page_slots %{{.*}} {page_size = 8 : i64} : memref<12xi32> -> tensor<32xindex>
// CHECK-NEXT: attn_tile.gather_kv <vllm_key> %{{.*}}[%[[S]],
// CHECK-NEXT: attn_tile.gather_kv <vllm_value> %{{.*}}[%[[S]],
func.func @vllm(%q: tensor<3x4x16xf32>, %kc: tensor<?x2x4x8x4xf32>, %vc: tensor<?x2x16x8xf32>,
                %bt: tensor<3x4xi32>, %cl: tensor<3xi32>) -> tensor<3x4x16xf32> {
  %o = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc) block_tables(%bt) context_lens(%cl)
    : (tensor<3x4x16xf32>, tensor<?x2x4x8x4xf32>, tensor<?x2x16x8xf32>, tensor<3x4xi32>, tensor<3xi32>) -> tensor<3x4x16xf32>
  return %o : tensor<3x4x16xf32>
}

// -----

// MLA: ckv (the key's latent part and the value) and kpe share one lookup.
// CHECK-LABEL: func.func @mla
// CHECK: %[[S:.*]] = attn_tile.page_slots
// CHECK-NEXT: %[[C:.*]] = attn_tile.gather_kv <latent> %{{.*}}[%[[S]], %{{.*}}] {{.*}} -> tensor<32x32xf32>
// CHECK-NEXT: %[[P:.*]] = attn_tile.gather_kv <latent> %{{.*}}[%[[S]], %{{.*}}] {{.*}} -> tensor<32x8xf32>
// CHECK-NEXT: attn_tile.concat %[[C]], %[[P]]
// CHECK: attn_tile.gather_kv <latent> %{{.*}}[%[[S]],
func.func @mla(%qn: tensor<2x4x32xf32>, %qp: tensor<2x4x8xf32>, %ckv: tensor<?x4x32xf32>, %kpe: tensor<?x4x8xf32>,
               %kp: tensor<3xi32>, %ki: tensor<?xi32>, %kl: tensor<2xi32>) -> tensor<2x4x32xf32> {
  %o = attn.mla_decode q_nope(%qn) q_pe(%qp) ckv_cache(%ckv) kpe_cache(%kpe) kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
    : (tensor<2x4x32xf32>, tensor<2x4x8xf32>, tensor<?x4x32xf32>, tensor<?x4x8xf32>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x4x32xf32>
  return %o : tensor<2x4x32xf32>
}

// -----

// Contiguous K/V are not paged.
// CHECK-LABEL: func.func @dense
// CHECK-NOT: attn_tile.page_slots
// CHECK: attn_tile.load_kv <rows>
func.func @dense(%q: tensor<1x8x2x16xf32>, %k: tensor<1x8x2x16xf32>, %v: tensor<1x8x2x16xf32>) -> tensor<1x8x2x16xf32> {
  %o = attn.prefill q(%q) k(%k) v(%v) : (tensor<1x8x2x16xf32>, tensor<1x8x2x16xf32>, tensor<1x8x2x16xf32>) -> tensor<1x8x2x16xf32>
  return %o : tensor<1x8x2x16xf32>
}
