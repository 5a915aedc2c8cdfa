// RUN: attn-opt %s --attn-expand-functors --attn-tile="block-m=8 block-n=16" --attn-skip-masked-blocks --canonicalize --split-input-file | FileCheck %s

// attn-skip-masked-blocks on the masks attn-expand-functors writes: the KV
// loop of a causal prefill is bounded by the query block's last row and
// split around the fully visible blocks (no mask_mod there), and those at
// the request's last whole KV block (keys_in_bounds before it: no key
// bound either); a left window also raises the lower bound; a mask the
// analysis cannot read (it depends on the head) leaves the loop alone;
// without a mask the loop is split at the last whole block only.

// Causal, Sq = Sk = 130, 4 positions x 2 heads per 8-row block, 16 keys
// (8 whole blocks).
// CHECK-LABEL: func.func @causal
// CHECK: attn_tile.kernel
// CHECK: %[[I0:.*]] = arith.muli %{{.*}}, %c4 : index
// The last row is i0 + 3; the mask is j <= i: hi = (i0 + 3) floordiv 16 + 1.
// CHECK: %[[LAST:.*]] = arith.addi %[[I0]], %c3 : index
// CHECK: arith.floordivsi
// CHECK: %[[W:.*]] = arith.minsi %[[FULL_HI:.*]], %c8 : index
// CHECK-NEXT: %[[SPLIT:.*]] = arith.maxsi %[[W]], %[[FULL_LO:.*]] : index
// CHECK: %[[FIRST:.*]]:3 = scf.for %{{.*}} = %c0 to %[[FULL_LO]]
// CHECK: attn_tile.transform_scores {{.*}} mask_mod
// CHECK: %[[WHOLE:.*]]:3 = scf.for %{{.*}} = %[[FULL_LO]] to %[[SPLIT]] step %c1 iter_args(%{{.*}} = %[[FIRST]]#0, %{{.*}} = %[[FIRST]]#1, %{{.*}} = %[[FIRST]]#2)
// CHECK: attn_tile.transform_scores {{.*}} {gqa_pack = 2 : i64, keys_in_bounds} : tensor<8x16xf32>{{$}}
// CHECK: %[[MID:.*]]:3 = scf.for %{{.*}} = %[[SPLIT]] to %[[FULL_HI]] step %c1 iter_args(%{{.*}} = %[[WHOLE]]#0, %{{.*}} = %[[WHOLE]]#1, %{{.*}} = %[[WHOLE]]#2)
// CHECK: attn_tile.transform_scores {{.*}} {gqa_pack = 2 : i64} : tensor<8x16xf32>{{$}}
// CHECK: %[[LAST_LOOP:.*]]:3 = scf.for %{{.*}} = %[[FULL_HI]] to %[[HI:[^ ]+]] step %c1 iter_args(%{{.*}} = %[[MID]]#0
// CHECK: attn_tile.transform_scores {{.*}} mask_mod
// CHECK: attn_tile.store %[[LAST_LOOP]]#2, %[[LAST_LOOP]]#1, %[[LAST_LOOP]]#0
func.func @causal(%q: tensor<1x130x2x64xf32>, %k: tensor<1x130x1x64xf32>, %v: tensor<1x130x1x64xf32>) -> tensor<1x130x2x64xf32> {
  %o = attn.prefill q(%q) k(%k) v(%v) {causal}
      : (tensor<1x130x2x64xf32>, tensor<1x130x1x64xf32>, tensor<1x130x1x64xf32>) -> tensor<1x130x2x64xf32>
  return %o : tensor<1x130x2x64xf32>
}

// -----

// A left window of 32 keys: the first visible block is
// (i0 - 32) floordiv 16 (rounded down over the block's first row).
// CHECK-LABEL: func.func @window
// CHECK: %[[I0:.*]] = arith.muli
// CHECK: arith.floordivsi
// CHECK: arith.maxsi
// CHECK: scf.for
// CHECK: scf.for
// CHECK-NOT: mask_mod
// CHECK: scf.for
func.func @window(%q: tensor<1x300x2x64xf32>, %k: tensor<1x300x2x64xf32>, %v: tensor<1x300x2x64xf32>) -> tensor<1x300x2x64xf32> {
  %o = attn.prefill q(%q) k(%k) v(%v) {window = array<i64: 32, 0>}
      : (tensor<1x300x2x64xf32>, tensor<1x300x2x64xf32>, tensor<1x300x2x64xf32>) -> tensor<1x300x2x64xf32>
  return %o : tensor<1x300x2x64xf32>
}

// -----

// The head varies across a packed tile: nothing is derived.
// CHECK-LABEL: func.func @head_mask
// CHECK: scf.for %{{.*}} = %c0 to %c
// CHECK-NOT: scf.for
// CHECK: attn_tile.store
func.func @head_mask(%q: tensor<1x130x2x64xf32>, %k: tensor<1x130x1x64xf32>, %v: tensor<1x130x1x64xf32>) -> tensor<1x130x2x64xf32> {
  %o = attn.prefill q(%q) k(%k) v(%v)
    mask_mod {
    ^bb0(%b: index, %h: index, %i: index, %j: index):
      %x = arith.addi %i, %h : index
      %vis = arith.cmpi sle, %j, %x : index
      attn.yield %vis : i1
    }
    : (tensor<1x130x2x64xf32>, tensor<1x130x1x64xf32>, tensor<1x130x1x64xf32>) -> tensor<1x130x2x64xf32>
  return %o : tensor<1x130x2x64xf32>
}

// -----

// Causal and a document mask over a packed sequence: the causal term bounds
// the loop; the document term skips, at run time, each KV block whose ids
// [kmin, kmax] miss the query block's [rmin, rmax]; visited blocks keep the
// whole mask.
// CHECK-LABEL: func.func @documents
// Row ids over [i0, min(i0 + 4, Sq)).
// CHECK: %[[ROWS:.*]]:2 = scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step %c1 iter_args(%[[LO:.*]] = %c9223372036854775807, %[[HI:.*]] = %c-9223372036854775808)
// CHECK: tensor.extract %{{.*}}[%[[I]]] : tensor<?xi32>
// CHECK: arith.minsi
// CHECK: arith.maxsi
// CHECK: scf.for %[[NB:.*]] = %c0 to %{{.*}} step %c1 iter_args(%[[M:.*]] = %{{.*}}, %[[L:.*]] = %{{.*}}, %[[A:.*]] = %{{.*}})
// CHECK: %[[KEYS:.*]]:2 = scf.for
// CHECK: %[[BELOW:.*]] = arith.cmpi slt, %[[KEYS]]#1, %[[ROWS]]#0 : index
// CHECK: %[[ABOVE:.*]] = arith.cmpi sgt, %[[KEYS]]#0, %[[ROWS]]#1 : index
// CHECK: %[[HIDDEN:.*]] = arith.ori %[[BELOW]], %[[ABOVE]] : i1
// CHECK: scf.if %[[HIDDEN]]
// CHECK-NEXT: scf.yield %[[M]], %[[L]], %[[A]]
// CHECK-NEXT: } else {
// CHECK: attn_tile.transform_scores {{.*}} mask_mod
// CHECK: attn_tile.online_softmax
func.func @documents(%q: tensor<1x?x2x16xf32>, %k: tensor<1x?x2x16xf32>, %v: tensor<1x?x2x16xf32>,
                     %doc: tensor<?xi32>) -> tensor<1x?x2x16xf32> {
  %o = attn.prefill q(%q) k(%k) v(%v) {causal}
      mask_mod {
      ^bb0(%b: index, %h: index, %i: index, %j: index):
        %di = tensor.extract %doc[%i] : tensor<?xi32>
        %dj = tensor.extract %doc[%j] : tensor<?xi32>
        %same = arith.cmpi eq, %di, %dj : i32
        attn.yield %same : i1
      }
      : (tensor<1x?x2x16xf32>, tensor<1x?x2x16xf32>, tensor<1x?x2x16xf32>) -> tensor<1x?x2x16xf32>
  return %o : tensor<1x?x2x16xf32>
}

// -----

// No mask, Sk dynamic: blocks [0, Sk / 16) are whole (keys_in_bounds), the
// partial last block checks the key bound.
// CHECK-LABEL: func.func @no_mask
// CHECK: attn_tile.kernel
// CHECK: %[[SK:.*]] = tensor.dim %arg1, %c1 : tensor<1x?x1x64xf32>
// CHECK: %[[N:.*]] = arith.ceildivui %[[SK]], %c16
// CHECK: %[[W:.*]] = arith.divui %[[SK]], %c16 : index
// CHECK: %[[MIN:.*]] = arith.minsi %[[W]], %[[N]] : index
// CHECK: %[[SPLIT:.*]] = arith.maxsi %[[MIN]], %c0 : index
// CHECK: %[[WHOLE:.*]]:3 = scf.for %{{.*}} = %c0 to %[[SPLIT]] step %c1
// CHECK: attn_tile.transform_scores {{.*}} keys_in_bounds
// CHECK: %[[REST:.*]]:3 = scf.for %{{.*}} = %[[SPLIT]] to %[[N]] step %c1 iter_args(%{{.*}} = %[[WHOLE]]#0, %{{.*}} = %[[WHOLE]]#1, %{{.*}} = %[[WHOLE]]#2)
// CHECK: attn_tile.transform_scores {{.*}} {gqa_pack = 2 : i64} : tensor<8x16xf32>{{$}}
// CHECK: attn_tile.store %[[REST]]#2
func.func @no_mask(%q: tensor<1x?x2x64xf32>, %k: tensor<1x?x1x64xf32>, %v: tensor<1x?x1x64xf32>) -> tensor<1x?x2x64xf32> {
  %o = attn.prefill q(%q) k(%k) v(%v)
      : (tensor<1x?x2x64xf32>, tensor<1x?x1x64xf32>, tensor<1x?x1x64xf32>) -> tensor<1x?x2x64xf32>
  return %o : tensor<1x?x2x64xf32>
}
