// RUN: attn-opt %s | FileCheck %s
// RUN: attn-opt %s | attn-opt | FileCheck %s
// RUN: attn-opt %s --mlir-print-op-generic | attn-opt | FileCheck %s

// Round trip of the ops that attn-page-kv and attn-split-kv introduce:
// page_slots, gather_kv (every paged layout, with and without descale) and
// merge_splits (with and without an LSE).

// CHECK-LABEL: func.func @paging
// CHECK-SAME: (%[[T:[^:]*]]: memref<?xi32>, %[[F:[^:]*]]: index, %[[J:[^:]*]]: index, %[[N:[^:]*]]: index, %[[H:[^:]*]]: index
func.func @paging(%table: memref<?xi32>, %first: index, %j0: index, %n: index, %h: index,
                  %nhd: memref<?x16x2x64xbf16>, %hnd: memref<?x2x16x64xf8E4M3FN>,
                  %vk: memref<?x2x8x16x8xf16>, %vv: memref<?x2x64x16xf16>,
                  %lat: memref<?x1x576xbf16>, %d: memref<2xf32>) {
  // CHECK: %[[S:.*]] = attn_tile.page_slots %[[T]][%[[F]], %[[J]]] count %[[N]] {page_size = 16 : i64} : memref<?xi32> -> tensor<32xindex>
  %slots = attn_tile.page_slots %table[%first, %j0] count %n {page_size = 16 : i64}
      : memref<?xi32> -> tensor<32xindex>
  // CHECK: attn_tile.gather_kv <nhd> %{{.*}}[%[[S]], %[[H]]] count %[[N]] : memref<?x16x2x64xbf16>, tensor<32xindex> -> tensor<32x64xbf16>
  %a = attn_tile.gather_kv <nhd> %nhd[%slots, %h] count %n
      : memref<?x16x2x64xbf16>, tensor<32xindex> -> tensor<32x64xbf16>
  // CHECK: attn_tile.gather_kv <hnd> %{{.*}}[%[[S]], %[[H]]] count %[[N]] descale %{{.*}} : memref<2xf32> : memref<?x2x16x64xf8E4M3FN>, tensor<32xindex> -> tensor<32x64xf32>
  %b = attn_tile.gather_kv <hnd> %hnd[%slots, %h] count %n descale %d : memref<2xf32>
      : memref<?x2x16x64xf8E4M3FN>, tensor<32xindex> -> tensor<32x64xf32>
  // CHECK: attn_tile.gather_kv <vllm_key> {{.*}} -> tensor<32x64xf16>
  %c = attn_tile.gather_kv <vllm_key> %vk[%slots, %h] count %n
      : memref<?x2x8x16x8xf16>, tensor<32xindex> -> tensor<32x64xf16>
  // CHECK: attn_tile.gather_kv <vllm_value> {{.*}} -> tensor<32x64xf32>
  %e = attn_tile.gather_kv <vllm_value> %vv[%slots, %h] count %n
      : memref<?x2x64x16xf16>, tensor<32xindex> -> tensor<32x64xf32>
  %s1 = attn_tile.page_slots %table[%first, %j0] count %n {page_size = 1 : i64}
      : memref<?xi32> -> tensor<32xindex>
  // CHECK: attn_tile.gather_kv <latent> {{.*}} -> tensor<32x576xbf16>
  %f = attn_tile.gather_kv <latent> %lat[%s1, %h] count %n
      : memref<?x1x576xbf16>, tensor<32xindex> -> tensor<32x576xbf16>
  return
}

// CHECK-LABEL: func.func @merge
func.func @merge(%po: memref<?x?x8x64xf32>, %pl: memref<?x?x8xf32>,
                 %out: memref<?x8x64xbf16>, %lse: memref<?x8xf32>) {
  // CHECK: attn_tile.merge_splits %{{.*}}, %{{.*}} to %{{.*}} lse %{{.*}} : memref<?x8xf32> : memref<?x?x8x64xf32>, memref<?x?x8xf32> -> memref<?x8x64xbf16>
  attn_tile.merge_splits %po, %pl to %out lse %lse : memref<?x8xf32>
      : memref<?x?x8x64xf32>, memref<?x?x8xf32> -> memref<?x8x64xbf16>
  // CHECK: attn_tile.merge_splits %{{.*}}, %{{.*}} to %{{.*}} : memref<?x?x8x64xf32>, memref<?x?x8xf32> -> memref<?x8x64xbf16>
  attn_tile.merge_splits %po, %pl to %out
      : memref<?x?x8x64xf32>, memref<?x?x8xf32> -> memref<?x8x64xbf16>
  return
}
