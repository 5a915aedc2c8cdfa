// RUN: attn-opt %s --attn-expand-functors --attn-tile="block-n=16" --attn-split-kv="splits=3" --canonicalize --split-input-file | FileCheck %s
// RUN: attn-opt %s --attn-expand-functors --attn-tile="block-n=16" --attn-split-kv --canonicalize --split-input-file | FileCheck %s --check-prefix=AUTO
// RUN: attn-opt %s --attn-expand-functors --attn-tile="block-n=16" --attn-split-kv="parallelism=100 max-splits=4" --canonicalize --split-input-file | FileCheck %s --check-prefix=AUTO-OPTS
// RUN: attn-opt %s --attn-expand-functors --attn-tile="block-n=16" --attn-skip-masked-blocks --attn-split-kv="splits=2" --canonicalize --split-input-file | FileCheck %s --check-prefix=SKIP
// RUN: attn-opt %s --attn-expand-functors --attn-tile --attn-split-kv --split-input-file -verify-diagnostics -o /dev/null

// attn-split-kv: the grid's fourth dimension becomes S splits, each runs its
// share of the KV blocks and stores into an f32 workspace slice, and
// attn_tile.merge_splits combines the slices into the op's results.

// CHECK-LABEL: func.func @decode
// CHECK: %[[OUT:.*]] = memref.alloc(%{{.*}}) : memref<?x8x64xf32>
// CHECK: %[[LSE:.*]] = memref.alloc(%{{.*}}) : memref<?x8xf32>
// CHECK: %[[WO:.*]] = memref.alloc(%{{.*}}) : memref<3x?x8x64xf32>
// CHECK: %[[WL:.*]] = memref.alloc(%{{.*}}) : memref<3x?x8xf32>
// CHECK: attn_tile.kernel grid(%{{.*}}, %c2, %c1, %c3)
// CHECK-NEXT: ^bb0(%{{.*}}: index, %{{.*}}: index, %{{.*}}: index, %[[S:.*]]: index):
// Split s runs blocks [s * c, min(s * c + c, n)) with c = ceil(n / 3).
// CHECK: %[[N:.*]] = arith.ceildivui %{{.*}}, %c16 : index
// CHECK: %[[C:.*]] = arith.ceildivui %[[N]], %c3 : index
// CHECK: %[[FROM0:.*]] = arith.muli %[[S]], %[[C]] : index
// CHECK: %[[FROM:.*]] = arith.minui %[[FROM0]], %[[N]] : index
// CHECK: scf.for %{{.*}} = %[[FROM]] to
// CHECK: %[[SO:.*]] = memref.subview %[[WO]][%[[S]], 0, 0, 0] [1, %{{.*}}, 8, 64] [1, 1, 1, 1]
// CHECK: %[[SL:.*]] = memref.subview %[[WL]][%[[S]], 0, 0] [1, %{{.*}}, 8] [1, 1, 1]
// CHECK: attn_tile.store %{{.*}} <softmax> to %[[SO]] lse %[[SL]]
// CHECK: attn_tile.merge_splits %{{.*}}, %{{.*}} to %[[OUT]] lse %[[LSE]]
// AUTO-LABEL: func.func @decode
// At run time: S = max(1, min(16, ceil(264 / (requests * 2 groups * 1)))).
// AUTO: %[[ITEMS:.*]] = arith.muli %{{.*}}, %c2 : index
// AUTO: %[[ITEMS1:.*]] = arith.maxui %[[ITEMS]], %c1 : index
// AUTO: %[[WANT:.*]] = arith.ceildivui %c264, %[[ITEMS1]] : index
// AUTO: %[[CAP:.*]] = arith.minui %[[WANT]], %c16 : index
// AUTO: %[[S:.*]] = arith.maxui %[[CAP]], %c1 : index
// AUTO: attn_tile.kernel grid(%{{.*}}, %c2, %c1, %[[S]])
// The planner's target and cap are the options parallelism and max-splits.
// AUTO-OPTS-LABEL: func.func @decode
// AUTO-OPTS: %[[WANT:.*]] = arith.ceildivui %c100, %{{.*}} : index
// AUTO-OPTS: %[[CAP:.*]] = arith.minui %[[WANT]], %c4 : index
// AUTO-OPTS: %[[S:.*]] = arith.maxui %[[CAP]], %c1 : index
// AUTO-OPTS: attn_tile.kernel grid(%{{.*}}, %c2, %c1, %[[S]])
func.func @decode(%q: tensor<?x8x64xf32>, %kc: tensor<?x16x2x64xf32>, %vc: tensor<?x16x2x64xf32>,
                  %kp: tensor<?xi32>, %ki: tensor<?xi32>, %kl: tensor<?xi32>) -> (tensor<?x8x64xf32>, tensor<?x8xf32>) {
  %o, %l = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc) kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl) {layout = #attn.kv_layout<nhd>}
    : (tensor<?x8x64xf32>, tensor<?x16x2x64xf32>, tensor<?x16x2x64xf32>, tensor<?xi32>, tensor<?xi32>, tensor<?xi32>) -> (tensor<?x8x64xf32>, tensor<?x8xf32>)
  return %o, %l : tensor<?x8x64xf32>, tensor<?x8xf32>
}

// -----

// Without an LSE result the merge still reads each split's LSE.
// CHECK-LABEL: func.func @no_lse
// CHECK: %[[WL:.*]] = memref.alloc(%{{.*}}) : memref<3x?x8xf32>
// CHECK: attn_tile.store {{.*}} lse
// CHECK: attn_tile.merge_splits %{{.*}}, %{{.*}} to %{{[^ ]+}} :
// SKIP-LABEL: func.func @no_lse
func.func @no_lse(%q: tensor<?x8x64xf32>, %kc: tensor<?x2x16x64xf32>, %vc: tensor<?x2x16x64xf32>,
                  %kp: tensor<?xi32>, %ki: tensor<?xi32>, %kl: tensor<?xi32>) -> tensor<?x8x64xf32> {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc) kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl) {layout = #attn.kv_layout<hnd>}
    : (tensor<?x8x64xf32>, tensor<?x2x16x64xf32>, tensor<?x2x16x64xf32>, tensor<?xi32>, tensor<?xi32>, tensor<?xi32>) -> tensor<?x8x64xf32>
  return %o : tensor<?x8x64xf32>
}

// -----

// A causal loop cut in three by attn-skip-masked-blocks is cut per split:
// every part is clamped to the split's [from, to).
// SKIP-LABEL: func.func @causal
// SKIP: attn_tile.kernel grid(%{{.*}}, %{{.*}}, %{{.*}}, %c2)
// SKIP-COUNT-3: scf.for %{{.*}} = %{{.*}} to %{{.*}} step %c1 iter_args
// SKIP: attn_tile.merge_splits
func.func @causal(%q: tensor<1x130x2x64xf32>, %k: tensor<1x130x1x64xf32>, %v: tensor<1x130x1x64xf32>) -> tensor<1x130x2x64xf32> {
  %o = attn.prefill q(%q) k(%k) v(%v) {causal}
      : (tensor<1x130x2x64xf32>, tensor<1x130x1x64xf32>, tensor<1x130x1x64xf32>) -> tensor<1x130x2x64xf32>
  return %o : tensor<1x130x2x64xf32>
}

// -----

// An o_scale divides the final output: not split.
func.func @o_scale(%q: tensor<?x8x64xf8E4M3FN>, %kc: tensor<?x16x2x64xf8E4M3FN>, %vc: tensor<?x16x2x64xf8E4M3FN>,
                   %kp: tensor<?xi32>, %ki: tensor<?xi32>, %kl: tensor<?xi32>,
                   %qd: tensor<f32>, %kd: tensor<f32>, %vd: tensor<f32>, %os: tensor<f32>) -> tensor<?x8x64xf8E4M3FN> {
  // expected-remark @+1 {{attn-split-kv: not split: its output has an o_scale}}
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc) kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      q_descale(%qd) k_descale(%kd) v_descale(%vd) o_scale(%os) {layout = #attn.kv_layout<nhd>}
    : (tensor<?x8x64xf8E4M3FN>, tensor<?x16x2x64xf8E4M3FN>, tensor<?x16x2x64xf8E4M3FN>, tensor<?xi32>, tensor<?xi32>, tensor<?xi32>,
       tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<?x8x64xf8E4M3FN>
  return %o : tensor<?x8x64xf8E4M3FN>
}
