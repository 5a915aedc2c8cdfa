// RUN: attn-opt %s --split-input-file --attn-expand-functors --attn-tile | FileCheck %s
// RUN: attn-opt %s --split-input-file --attn-expand-functors --attn-tile="block-m=16 block-n=32 gqa-pack=2" | FileCheck %s --check-prefix=OPT

// attn-tile turns each softmax attention op into one attn_tile.kernel:
// * the grid is (requests, Hq / gqa_pack, ceildiv(max queries,
//   block_m / gqa_pack), 1) and the kernel records block_m, block_n and
//   gqa_pack. Defaults: gqa_pack is the GQA group; block_m is the packed
//   group for the decode ops, else 64 on the CPU (128 on GPUs) rounded up to
//   a multiple of the pack; block_n is 64;
// * the body guards work items past the request's last query block, loads
//   the packed query tile at the request's first token (load_q), loops over
//   the request's KV tiles (load_kv from the op's KV layout: <rows>, <nhd>,
//   <hnd>, <vllm_key>/<vllm_value>, <latent> with attn_tile.concat for MLA;
//   paged layouts take the page table), scores them (qk with the op's
//   effective scale), applies transform_scores bounded by the request's
//   Sq_b (`queries`) and Sk_b (`keys`) and carrying the op's
//   score_mod/mask_mod regions (named transforms are expanded first here by
//   attn-expand-functors), folds them into the online softmax and stores
//   its rows, with the LSE when the op has one;
// * rope rotates Q at its positions (or aligned position) and K at its key
//   index, each over its tile's valid rows (`count`: the query tile's
//   min(block_m / pack, Sq_b - i0), the KV tile's min(block_n, Sk_b - j0));
//   FP8 descales go to the loads, o_scale to the store;
// * with target=cpu (the default) every tile is f32. (The GPU targets'
//   tiles are tested in attn-tile-gpu.mlir.)

// Dense prefill [B, S, H, D], GQA 8:2 (group 4), causal (expanded into a
// mask_mod) plus a user score_mod, with LSE. The dense buffers are viewed
// token-major: request b's tokens start at b * Sq (queries) and b * Sk (keys).
// CHECK-LABEL: func.func @dense_gqa
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x?x8x16xbf16>, %[[K:[^:]*]]: tensor<2x?x2x16xbf16>, %[[V:[^:]*]]: tensor<2x?x2x16xbf16>)
// CHECK: %[[QB:.*]] = bufferization.to_buffer %[[Q]] read_only : tensor<2x?x8x16xbf16> to memref<2x?x8x16xbf16>
// CHECK-NEXT: %[[KB:.*]] = bufferization.to_buffer %[[K]] read_only : tensor<2x?x2x16xbf16> to memref<2x?x2x16xbf16>
// CHECK-NEXT: %[[VB:.*]] = bufferization.to_buffer %[[V]] read_only : tensor<2x?x2x16xbf16> to memref<2x?x2x16xbf16>
// CHECK: %[[NREQ:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[C1A:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[MAXQ:.*]] = memref.dim %[[QB]], %[[C1A]] : memref<2x?x8x16xbf16>
// CHECK-NEXT: %[[C1B:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[SQ:.*]] = memref.dim %[[QB]], %[[C1B]] : memref<2x?x8x16xbf16>
// CHECK-NEXT: %[[C1C:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[SK:.*]] = memref.dim %[[KB]], %[[C1C]] : memref<2x?x2x16xbf16>
// CHECK-NEXT: %[[QROWS:.*]] = memref.collapse_shape %[[QB]] {{\[\[}}0, 1], [2], [3]] : memref<2x?x8x16xbf16> into memref<?x8x16xbf16>
// CHECK-NEXT: %[[KROWS:.*]] = memref.collapse_shape %[[KB]] {{\[\[}}0, 1], [2], [3]] : memref<2x?x2x16xbf16> into memref<?x2x16xbf16>
// CHECK-NEXT: %[[VROWS:.*]] = memref.collapse_shape %[[VB]] {{\[\[}}0, 1], [2], [3]] : memref<2x?x2x16xbf16> into memref<?x2x16xbf16>
// CHECK: %[[OUT:.*]] = memref.alloc(%{{.*}}) : memref<2x?x8x16xbf16>
// CHECK: %[[LSE:.*]] = memref.alloc(%{{.*}}) : memref<2x?x8xf32>
// CHECK-NEXT: %[[OROWS:.*]] = memref.collapse_shape %[[OUT]] {{\[\[}}0, 1], [2], [3]] : memref<2x?x8x16xbf16> into memref<?x8x16xbf16>
// CHECK-NEXT: %[[LROWS:.*]] = memref.collapse_shape %[[LSE]] {{\[\[}}0, 1], [2]] : memref<2x?x8xf32> into memref<?x8xf32>
// Grid (2, 8 / 4, ceildiv(Sq, 64 / 4), 1).
// CHECK-NEXT: %[[NGRP:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[ROWS:.*]] = arith.constant 16 : index
// CHECK-NEXT: %[[NQB:.*]] = arith.ceildivui %[[MAXQ]], %[[ROWS]] : index
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1 : index
// CHECK-NEXT: attn_tile.kernel grid(%[[NREQ]], %[[NGRP]], %[[NQB]], %[[ONE]]) attributes {block_m = 64 : i64, block_n = 64 : i64, gqa_pack = 4 : i64} {
// CHECK-NEXT: ^bb0(%[[B:[^:]*]]: index, %[[G:[^:]*]]: index, %[[QBLK:[^:]*]]: index, %{{[^:]*}}: index):
// Sq and Sk of the request, the block's first query i0, its first head and KV head.
// CHECK: %[[NQ:.*]] = memref.dim %[[QB]], %{{.*}} : memref<2x?x8x16xbf16>
// CHECK: %[[NK:.*]] = memref.dim %[[KB]], %{{.*}} : memref<2x?x2x16xbf16>
// CHECK-NEXT: %[[R16:.*]] = arith.constant 16 : index
// CHECK-NEXT: %[[I0:.*]] = arith.muli %[[QBLK]], %[[R16]] : index
// CHECK-NEXT: %[[P4:.*]] = arith.constant 4 : index
// CHECK-NEXT: %[[HEAD:.*]] = arith.muli %[[G]], %[[P4]] : index
// CHECK-NEXT: %[[GRP:.*]] = arith.constant 4 : index
// CHECK-NEXT: %[[KVH:.*]] = arith.divui %[[HEAD]], %[[GRP]] : index
// CHECK-NEXT: %[[LIVE:.*]] = arith.cmpi ult, %[[I0]], %[[NQ]] : index
// CHECK-NEXT: scf.if %[[LIVE]] {
// CHECK-NEXT: %[[R16B:.*]] = arith.constant 16 : index
// CHECK-NEXT: %[[LEFT:.*]] = arith.subi %[[NQ]], %[[I0]] : index
// CHECK-NEXT: %[[COUNT:.*]] = arith.minui %[[LEFT]], %[[R16B]] : index
// CHECK-NEXT: %[[FIRSTQ:.*]] = arith.muli %[[B]], %[[SQ]] : index
// CHECK-NEXT: %[[TOKEN:.*]] = arith.addi %[[FIRSTQ]], %[[I0]] : index
// CHECK-NEXT: %[[QT:.*]] = attn_tile.load_q %[[QROWS]][%[[TOKEN]], %[[HEAD]]] count %[[COUNT]] {gqa_pack = 4 : i64} : memref<?x8x16xbf16> -> tensor<64x16xf32>
// CHECK-NOT: attn_tile.rope
// CHECK: %[[M0:[^,]*]], %[[L0:[^,]*]], %[[A0:[^ ]*]] = attn_tile.softmax_init : tensor<64xf32>, tensor<64xf32>, tensor<64x16xf32>
// CHECK-NEXT: %[[FIRSTK:.*]] = arith.muli %[[B]], %[[SK]] : index
// CHECK-NEXT: %[[BN:.*]] = arith.constant 64 : index
// CHECK-NEXT: %[[NB:.*]] = arith.ceildivui %[[NK]], %[[BN]] : index
// CHECK: %[[RES:.*]]:3 = scf.for %[[IV:[^ ]*]] = %{{.*}} to %[[NB]] step %{{.*}} iter_args(%[[M:[^ ]*]] = %[[M0]], %[[L:[^ ]*]] = %[[L0]], %[[A:[^ ]*]] = %[[A0]]) -> (tensor<64xf32>, tensor<64xf32>, tensor<64x16xf32>) {
// CHECK-NEXT: %[[BN1:.*]] = arith.constant 64 : index
// CHECK-NEXT: %[[J0:.*]] = arith.muli %[[IV]], %[[BN1]] : index
// CHECK-NEXT: %[[BN2:.*]] = arith.constant 64 : index
// CHECK-NEXT: %[[KLEFT:.*]] = arith.subi %[[NK]], %[[J0]] : index
// CHECK-NEXT: %[[KCOUNT:.*]] = arith.minui %[[KLEFT]], %[[BN2]] : index
// CHECK-NEXT: %[[KT:.*]] = attn_tile.load_kv <rows> %[[KROWS]][%[[FIRSTK]], %[[J0]], %[[KVH]]] count %[[KCOUNT]] : memref<?x2x16xbf16> -> tensor<64x16xf32>
// CHECK-NEXT: %[[VT:.*]] = attn_tile.load_kv <rows> %[[VROWS]][%[[FIRSTK]], %[[J0]], %[[KVH]]] count %[[KCOUNT]] : memref<?x2x16xbf16> -> tensor<64x16xf32>
// Default scale 1/sqrt(16).
// CHECK-NEXT: %[[S:.*]] = attn_tile.qk %[[QT]], %[[KT]] {scale = 2.500000e-01 : f32} : tensor<64x16xf32>, tensor<64x16xf32> -> tensor<64x64xf32>
// Queries bounded by Sq (the first memref.dim in the body), keys by Sk.
// CHECK-NEXT: %[[T:.*]] = attn_tile.transform_scores %[[S]] at(%[[B]], %[[HEAD]], %[[I0]], %[[J0]]) queries %[[NQ]] keys %[[NK]] {gqa_pack = 4 : i64} : tensor<64x64xf32> score_mod {
// CHECK-NEXT: ^bb0(%[[X:[^:]*]]: f32, %{{[^:]*}}: index, %{{[^:]*}}: index, %{{[^:]*}}: index, %{{[^:]*}}: index):
// CHECK-NEXT: %[[HALF:.*]] = arith.constant 5.000000e-01 : f32
// CHECK-NEXT: %[[Y:.*]] = arith.mulf %[[X]], %[[HALF]] : f32
// CHECK-NEXT: attn_tile.yield %[[Y]] : f32
// CHECK-NEXT: } mask_mod {
// CHECK-NEXT: ^bb0(%{{[^:]*}}: index, %{{[^:]*}}: index, %[[MI:[^:]*]]: index, %[[MJ:[^:]*]]: index):
// The expanded causal mask still reads Sq and Sk off the op's tensors.
// CHECK: %[[DQ:.*]] = tensor.dim %[[Q]], %{{.*}} : tensor<2x?x8x16xbf16>
// CHECK: %[[DK:.*]] = tensor.dim %[[K]], %{{.*}} : tensor<2x?x2x16xbf16>
// CHECK-NEXT: %[[OFF:.*]] = arith.subi %[[DK]], %[[DQ]] : index
// CHECK-NEXT: %[[P:.*]] = arith.addi %[[MI]], %[[OFF]] : index
// CHECK-NEXT: %[[DIST:.*]] = arith.subi %[[P]], %[[MJ]] : index
// CHECK-NEXT: %[[Z:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[VIS:.*]] = arith.cmpi sge, %[[DIST]], %[[Z]] : index
// CHECK-NEXT: attn_tile.yield %[[VIS]] : i1
// CHECK-NEXT: }
// CHECK-NEXT: %[[NM:[^,]*]], %[[NL:[^,]*]], %[[NA:[^ ]*]] = attn_tile.online_softmax %[[T]], %[[VT]], %[[M]], %[[L]], %[[A]] <softmax> : tensor<64x64xf32>, tensor<64x16xf32>, tensor<64x16xf32> -> tensor<64xf32>, tensor<64xf32>
// CHECK-NEXT: scf.yield %[[NM]], %[[NL]], %[[NA]] : tensor<64xf32>, tensor<64xf32>, tensor<64x16xf32>
// CHECK-NEXT: }
// CHECK-NEXT: attn_tile.store %[[RES]]#2, %[[RES]]#1, %[[RES]]#0 <softmax> to %[[OROWS]] lse %[[LROWS]] : memref<?x8xf32>[%[[TOKEN]], %[[HEAD]]] count %[[COUNT]] {gqa_pack = 4 : i64} : tensor<64x16xf32>, tensor<64xf32> -> memref<?x8x16xbf16>
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: %[[OT:.*]] = bufferization.to_tensor %[[OUT]] restrict writable : memref<2x?x8x16xbf16> to tensor<2x?x8x16xbf16>
// CHECK-NEXT: %[[LT:.*]] = bufferization.to_tensor %[[LSE]] restrict writable : memref<2x?x8xf32> to tensor<2x?x8xf32>
// CHECK-NEXT: return %[[OT]], %[[LT]] : tensor<2x?x8x16xbf16>, tensor<2x?x8xf32>
// CHECK-NOT: attn.prefill
// CHECK-NOT: attn.yield
//
// block-m=16 block-n=32 gqa-pack=2: four head groups of two heads, eight
// queries per block, KV head = head / 4 still.
// OPT-LABEL: func.func @dense_gqa
// OPT: %[[C1:.*]] = arith.constant 1 : index
// OPT-NEXT: %[[MAXQ:.*]] = memref.dim %{{.*}}, %[[C1]] : memref<2x?x8x16xbf16>
// OPT: %[[NGRP:.*]] = arith.constant 4 : index
// OPT-NEXT: %[[ROWS:.*]] = arith.constant 8 : index
// OPT-NEXT: %[[NQB:.*]] = arith.ceildivui %[[MAXQ]], %[[ROWS]] : index
// OPT-NEXT: %[[ONE:.*]] = arith.constant 1 : index
// OPT-NEXT: attn_tile.kernel grid(%{{.*}}, %[[NGRP]], %[[NQB]], %[[ONE]]) attributes {block_m = 16 : i64, block_n = 32 : i64, gqa_pack = 2 : i64} {
// OPT-NEXT: ^bb0(%{{[^:]*}}: index, %[[G:[^:]*]]: index, %[[QBLK:[^:]*]]: index, %{{[^:]*}}: index):
// OPT: %[[NQ:.*]] = memref.dim %{{.*}}, %{{.*}} : memref<2x?x8x16xbf16>
// OPT: %[[NK:.*]] = memref.dim %{{.*}}, %{{.*}} : memref<2x?x2x16xbf16>
// OPT-NEXT: %[[R8:.*]] = arith.constant 8 : index
// OPT-NEXT: %[[I0:.*]] = arith.muli %[[QBLK]], %[[R8]] : index
// OPT-NEXT: %[[P2:.*]] = arith.constant 2 : index
// OPT-NEXT: %[[HEAD:.*]] = arith.muli %[[G]], %[[P2]] : index
// OPT-NEXT: %[[GRP:.*]] = arith.constant 4 : index
// OPT-NEXT: %[[KVH:.*]] = arith.divui %[[HEAD]], %[[GRP]] : index
// OPT: %[[QT:.*]] = attn_tile.load_q %{{.*}}[%{{.*}}, %[[HEAD]]] count %{{.*}} {gqa_pack = 2 : i64} : memref<?x8x16xbf16> -> tensor<16x16xf32>
// OPT: attn_tile.softmax_init : tensor<16xf32>, tensor<16xf32>, tensor<16x16xf32>
// OPT: %[[BN:.*]] = arith.constant 32 : index
// OPT-NEXT: arith.ceildivui %{{.*}}, %[[BN]] : index
// OPT: %[[KT:.*]] = attn_tile.load_kv <rows> %{{.*}}[%{{.*}}, %{{.*}}, %[[KVH]]] count %{{.*}} : memref<?x2x16xbf16> -> tensor<32x16xf32>
// OPT-NEXT: %[[VT:.*]] = attn_tile.load_kv <rows> %{{.*}}[%{{.*}}, %{{.*}}, %[[KVH]]] count %{{.*}} : memref<?x2x16xbf16> -> tensor<32x16xf32>
// OPT-NEXT: %[[S:.*]] = attn_tile.qk %[[QT]], %[[KT]] {scale = 2.500000e-01 : f32} : tensor<16x16xf32>, tensor<32x16xf32> -> tensor<16x32xf32>
// OPT-NEXT: %[[T:.*]] = attn_tile.transform_scores %[[S]] at(%{{.*}}, %[[HEAD]], %[[I0]], %{{.*}}) queries %[[NQ]] keys %[[NK]] {gqa_pack = 2 : i64} : tensor<16x32xf32> score_mod {
// OPT: } mask_mod {
// OPT: attn_tile.online_softmax %[[T]], %[[VT]], %{{.*}}, %{{.*}}, %{{.*}} <softmax> : tensor<16x32xf32>, tensor<32x16xf32>, tensor<16x16xf32> -> tensor<16xf32>, tensor<16xf32>
// OPT: attn_tile.store %{{.*}} lse %{{.*}} : memref<?x8xf32>[%{{.*}}, %[[HEAD]]] count %{{.*}} {gqa_pack = 2 : i64} : tensor<16x16xf32>, tensor<16xf32> -> memref<?x8x16xbf16>

func.func @dense_gqa(%q: tensor<2x?x8x16xbf16>, %k: tensor<2x?x2x16xbf16>, %v: tensor<2x?x2x16xbf16>)
    -> (tensor<2x?x8x16xbf16>, tensor<2x?x8xf32>) {
  %o, %lse = attn.prefill q(%q) k(%k) v(%v) {causal}
      score_mod {
      ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
        %c = arith.constant 0.5 : f32
        %r = arith.mulf %s, %c : f32
        attn.yield %r : f32
      }
      : (tensor<2x?x8x16xbf16>, tensor<2x?x2x16xbf16>, tensor<2x?x2x16xbf16>)
      -> (tensor<2x?x8x16xbf16>, tensor<2x?x8xf32>)
  return %o, %lse : tensor<2x?x8x16xbf16>, tensor<2x?x8xf32>
}

// -----

// Ragged prefill (cu_seqlens_q i32, cu_seqlens_k i64), group 2, Dv = 8 != D,
// explicit scale, and the op's own score_mod/mask_mod regions, cloned into
// transform_scores with their terminators turned into attn_tile.yield. The
// request count is len(cu_seqlens_q) - 1, the query blocks cover all Tq
// tokens; query token cu_seqlens_q[b] + i0 and first KV row
// cu_seqlens_k[b].
// CHECK-LABEL: func.func @ragged
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<?x4x16xf16>, %[[K:[^:]*]]: tensor<?x2x16xf16>, %[[V:[^:]*]]: tensor<?x2x8xf16>, %[[CQ:[^:]*]]: tensor<?xi32>, %[[CK:[^:]*]]: tensor<?xi64>)
// CHECK: %[[QB:.*]] = bufferization.to_buffer %[[Q]] read_only : tensor<?x4x16xf16> to memref<?x4x16xf16>
// CHECK-NEXT: %[[KB:.*]] = bufferization.to_buffer %[[K]] read_only
// CHECK-NEXT: %[[VB:.*]] = bufferization.to_buffer %[[V]] read_only
// CHECK-NEXT: %[[CQB:.*]] = bufferization.to_buffer %[[CQ]] read_only : tensor<?xi32> to memref<?xi32>
// CHECK-NEXT: %[[CKB:.*]] = bufferization.to_buffer %[[CK]] read_only : tensor<?xi64> to memref<?xi64>
// CHECK: %[[LEN:.*]] = memref.dim %[[CQB]], %{{.*}} : memref<?xi32>
// CHECK-NEXT: %[[C1:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[NREQ:.*]] = arith.subi %[[LEN]], %[[C1]] : index
// CHECK: %[[TQ:.*]] = memref.dim %[[QB]], %{{.*}} : memref<?x4x16xf16>
// CHECK: %[[OUT:.*]] = memref.alloc(%{{.*}}) : memref<?x4x8xf16>
// CHECK-NEXT: %[[NGRP:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[ROWS:.*]] = arith.constant 32 : index
// CHECK-NEXT: %[[NQB:.*]] = arith.ceildivui %[[TQ]], %[[ROWS]] : index
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1 : index
// CHECK-NEXT: attn_tile.kernel grid(%[[NREQ]], %[[NGRP]], %[[NQB]], %[[ONE]]) attributes {block_m = 64 : i64, block_n = 64 : i64, gqa_pack = 2 : i64} {
// CHECK-NEXT: ^bb0(%[[B:[^:]*]]: index, %[[G:[^:]*]]: index, %[[QBLK:[^:]*]]: index, %{{[^:]*}}: index):
// CHECK-NEXT: %[[C1B:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[BP1:.*]] = arith.addi %[[B]], %[[C1B]] : index
// CHECK-NEXT: %[[QE:.*]] = memref.load %[[CQB]][%[[BP1]]] : memref<?xi32>
// CHECK-NEXT: %[[QEI:.*]] = arith.index_cast %[[QE]] : i32 to index
// CHECK-NEXT: %[[QS:.*]] = memref.load %[[CQB]][%[[B]]] : memref<?xi32>
// CHECK-NEXT: %[[QSI:.*]] = arith.index_cast %[[QS]] : i32 to index
// CHECK-NEXT: %[[SQB:.*]] = arith.subi %[[QEI]], %[[QSI]] : index
// CHECK: %[[KE:.*]] = memref.load %[[CKB]][%{{.*}}] : memref<?xi64>
// CHECK-NEXT: %[[KEI:.*]] = arith.index_cast %[[KE]] : i64 to index
// CHECK-NEXT: %[[KS:.*]] = memref.load %[[CKB]][%[[B]]] : memref<?xi64>
// CHECK-NEXT: %[[KSI:.*]] = arith.index_cast %[[KS]] : i64 to index
// CHECK-NEXT: %[[SKB:.*]] = arith.subi %[[KEI]], %[[KSI]] : index
// CHECK: %[[I0:.*]] = arith.muli %[[QBLK]], %{{.*}} : index
// CHECK: %[[HEAD:.*]] = arith.muli %[[G]], %{{.*}} : index
// CHECK: arith.cmpi ult, %[[I0]], %[[SQB]] : index
// CHECK: %[[COUNT:.*]] = arith.minui %{{.*}}, %{{.*}} : index
// CHECK-NEXT: %[[T0:.*]] = memref.load %[[CQB]][%[[B]]] : memref<?xi32>
// CHECK-NEXT: %[[T0I:.*]] = arith.index_cast %[[T0]] : i32 to index
// CHECK-NEXT: %[[TOKEN:.*]] = arith.addi %[[T0I]], %[[I0]] : index
// CHECK-NEXT: %[[QT:.*]] = attn_tile.load_q %[[QB]][%[[TOKEN]], %[[HEAD]]] count %[[COUNT]] {gqa_pack = 2 : i64} : memref<?x4x16xf16> -> tensor<64x16xf32>
// CHECK: attn_tile.softmax_init : tensor<64xf32>, tensor<64xf32>, tensor<64x8xf32>
// CHECK-NEXT: %[[F:.*]] = memref.load %[[CKB]][%[[B]]] : memref<?xi64>
// CHECK-NEXT: %[[FIRST:.*]] = arith.index_cast %[[F]] : i64 to index
// CHECK: %[[KT:.*]] = attn_tile.load_kv <rows> %[[KB]][%[[FIRST]], %[[J0:[^,]*]], %[[KVH:[0-9a-z_]+]]] count %[[KC:[^ ]*]] : memref<?x2x16xf16> -> tensor<64x16xf32>
// CHECK-NEXT: %[[VT:.*]] = attn_tile.load_kv <rows> %[[VB]][%[[FIRST]], %[[J0]], %[[KVH]]] count %[[KC]] : memref<?x2x8xf16> -> tensor<64x8xf32>
// CHECK-NEXT: %[[S:.*]] = attn_tile.qk %[[QT]], %[[KT]] {scale = 1.250000e-01 : f32} : tensor<64x16xf32>, tensor<64x16xf32> -> tensor<64x64xf32>
// CHECK-NEXT: %[[T:.*]] = attn_tile.transform_scores %[[S]] at(%[[B]], %[[HEAD]], %[[I0]], %[[J0]]) queries %[[SQB]] keys %[[SKB]] {gqa_pack = 2 : i64} : tensor<64x64xf32> score_mod {
// CHECK-NEXT: ^bb0(%[[X:[^:]*]]: f32, %{{[^:]*}}: index, %[[H:[^:]*]]: index, %{{[^:]*}}: index, %{{[^:]*}}: index):
// CHECK-NEXT: %[[HI:.*]] = arith.index_cast %[[H]] : index to i32
// CHECK-NEXT: %[[HF:.*]] = arith.sitofp %[[HI]] : i32 to f32
// CHECK-NEXT: %[[R:.*]] = arith.subf %[[X]], %[[HF]] : f32
// CHECK-NEXT: attn_tile.yield %[[R]] : f32
// CHECK-NEXT: } mask_mod {
// CHECK-NEXT: ^bb0(%{{[^:]*}}: index, %{{[^:]*}}: index, %[[I:[^:]*]]: index, %[[J:[^:]*]]: index):
// CHECK-NEXT: %[[VIS:.*]] = arith.cmpi ule, %[[J]], %[[I]] : index
// CHECK-NEXT: attn_tile.yield %[[VIS]] : i1
// CHECK-NEXT: }
// CHECK-NEXT: attn_tile.online_softmax %[[T]], %[[VT]], %{{.*}}, %{{.*}}, %{{.*}} <softmax> : tensor<64x64xf32>, tensor<64x8xf32>, tensor<64x8xf32> -> tensor<64xf32>, tensor<64xf32>
// No LSE result: the store has none.
// CHECK: attn_tile.store %{{.*}}#2, %{{.*}}#1, %{{.*}}#0 <softmax> to %[[OUT]][%[[TOKEN]], %[[HEAD]]] count %[[COUNT]] {gqa_pack = 2 : i64} : tensor<64x8xf32>, tensor<64xf32> -> memref<?x4x8xf16>
// CHECK-NOT: attn.yield
// OPT-LABEL: func.func @ragged
// OPT: attn_tile.kernel grid(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) attributes {block_m = 16 : i64, block_n = 32 : i64, gqa_pack = 2 : i64}
// OPT: attn_tile.load_kv <rows> {{.*}} : memref<?x2x8xf16> -> tensor<32x8xf32>
// OPT: attn_tile.transform_scores {{.*}} {gqa_pack = 2 : i64} : tensor<16x32xf32> score_mod {
func.func @ragged(%q: tensor<?x4x16xf16>, %k: tensor<?x2x16xf16>, %v: tensor<?x2x8xf16>,
                  %cq: tensor<?xi32>, %ck: tensor<?xi64>) -> tensor<?x4x8xf16> {
  %o = attn.prefill q(%q) k(%k) v(%v) cu_seqlens_q(%cq) cu_seqlens_k(%ck) {scale = 0.125 : f32}
      score_mod {
      ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
        %hi = arith.index_cast %h : index to i32
        %hf = arith.sitofp %hi : i32 to f32
        %r = arith.subf %s, %hf : f32
        attn.yield %r : f32
      } mask_mod {
      ^bb0(%b: index, %h: index, %i: index, %j: index):
        %r = arith.cmpi ule, %j, %i : index
        attn.yield %r : i1
      }
      : (tensor<?x4x16xf16>, tensor<?x2x16xf16>, tensor<?x2x8xf16>, tensor<?xi32>, tensor<?xi64>)
      -> tensor<?x4x8xf16>
  return %o : tensor<?x4x8xf16>
}

// -----

// batch_prefill over an NHD page table [P, 16, Hkv, D], MQA (group 4): one
// head group; requests from kv_indptr; query token qo_indptr[b] + i0; Sk_b
// from the page count and the last page's length; KV tiles read through
// kv_indices starting at entry kv_indptr[b].
// CHECK-LABEL: func.func @batch_prefill_nhd
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<?x4x8xbf16>, %[[QO:[^:]*]]: tensor<?xi32>, %[[KC:[^:]*]]: tensor<?x16x1x8xbf16>, %[[VC:[^:]*]]: tensor<?x16x1x8xbf16>, %[[KP:[^:]*]]: tensor<?xi32>, %[[KI:[^:]*]]: tensor<?xi32>, %[[KL:[^:]*]]: tensor<?xi32>)
// CHECK: %[[QB:.*]] = bufferization.to_buffer %[[Q]]
// CHECK-NEXT: %[[QOB:.*]] = bufferization.to_buffer %[[QO]]
// CHECK-NEXT: %[[KCB:.*]] = bufferization.to_buffer %[[KC]]
// CHECK-NEXT: %[[VCB:.*]] = bufferization.to_buffer %[[VC]]
// CHECK-NEXT: %[[KPB:.*]] = bufferization.to_buffer %[[KP]]
// CHECK-NEXT: %[[KIB:.*]] = bufferization.to_buffer %[[KI]]
// CHECK-NEXT: %[[KLB:.*]] = bufferization.to_buffer %[[KL]]
// CHECK: %[[TQ:.*]] = memref.dim %[[QB]], %{{.*}} : memref<?x4x8xbf16>
// CHECK: %[[NPTR:.*]] = memref.dim %[[KPB]], %{{.*}} : memref<?xi32>
// CHECK-NEXT: %[[C1:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[NREQ:.*]] = arith.subi %[[NPTR]], %[[C1]] : index
// CHECK: %[[NGRP:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[ROWS:.*]] = arith.constant 16 : index
// CHECK-NEXT: %[[NQB:.*]] = arith.ceildivui %[[TQ]], %[[ROWS]] : index
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1 : index
// CHECK-NEXT: attn_tile.kernel grid(%[[NREQ]], %[[NGRP]], %[[NQB]], %[[ONE]]) attributes {block_m = 64 : i64, block_n = 64 : i64, gqa_pack = 4 : i64} {
// CHECK-NEXT: ^bb0(%[[B:[^:]*]]: index, %[[G:[^:]*]]: index, %[[QBLK:[^:]*]]: index, %{{[^:]*}}: index):
// Sq_b = qo_indptr[b + 1] - qo_indptr[b].
// CHECK: %[[QE:.*]] = memref.load %[[QOB]][%{{.*}}] : memref<?xi32>
// CHECK-NEXT: %[[QEI:.*]] = arith.index_cast %[[QE]] : i32 to index
// CHECK-NEXT: %[[QS:.*]] = memref.load %[[QOB]][%[[B]]] : memref<?xi32>
// CHECK-NEXT: %[[QSI:.*]] = arith.index_cast %[[QS]] : i32 to index
// CHECK-NEXT: %[[SQB:.*]] = arith.subi %[[QEI]], %[[QSI]] : index
// CHECK: %[[PE:.*]] = memref.load %[[KPB]][%{{.*}}] : memref<?xi32>
// CHECK-NEXT: %[[PEI:.*]] = arith.index_cast %[[PE]] : i32 to index
// CHECK-NEXT: %[[PS:.*]] = memref.load %[[KPB]][%[[B]]] : memref<?xi32>
// CHECK-NEXT: %[[PSI:.*]] = arith.index_cast %[[PS]] : i32 to index
// CHECK-NEXT: %[[NPAGES:.*]] = arith.subi %[[PEI]], %[[PSI]] : index
// CHECK-NEXT: %[[C1B:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[FULL:.*]] = arith.subi %[[NPAGES]], %[[C1B]] : index
// CHECK-NEXT: %[[PSZ:.*]] = arith.constant 16 : index
// CHECK-NEXT: %[[FULLK:.*]] = arith.muli %[[FULL]], %[[PSZ]] : index
// CHECK-NEXT: %[[LAST:.*]] = memref.load %[[KLB]][%[[B]]] : memref<?xi32>
// CHECK-NEXT: %[[LASTI:.*]] = arith.index_cast %[[LAST]] : i32 to index
// CHECK-NEXT: %[[SUM:.*]] = arith.addi %[[FULLK]], %[[LASTI]] : index
// CHECK-NEXT: %[[Z:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[EMPTY:.*]] = arith.cmpi eq, %[[NPAGES]], %[[Z]] : index
// CHECK-NEXT: %[[Z2:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[SKB:.*]] = arith.select %[[EMPTY]], %[[Z2]], %[[SUM]] : index
// CHECK: %[[I0:.*]] = arith.muli %[[QBLK]], %{{.*}} : index
// CHECK: %[[HEAD:.*]] = arith.muli %[[G]], %{{.*}} : index
// CHECK: %[[KVH:.*]] = arith.divui %[[HEAD]], %{{.*}} : index
// CHECK: %[[T0:.*]] = memref.load %[[QOB]][%[[B]]] : memref<?xi32>
// CHECK-NEXT: %[[T0I:.*]] = arith.index_cast %[[T0]] : i32 to index
// CHECK-NEXT: %[[TOKEN:.*]] = arith.addi %[[T0I]], %[[I0]] : index
// CHECK-NEXT: attn_tile.load_q %[[QB]][%[[TOKEN]], %[[HEAD]]] count %{{.*}} {gqa_pack = 4 : i64} : memref<?x4x8xbf16> -> tensor<64x8xf32>
// CHECK: attn_tile.softmax_init
// CHECK-NEXT: %[[F:.*]] = memref.load %[[KPB]][%[[B]]] : memref<?xi32>
// CHECK-NEXT: %[[FIRST:.*]] = arith.index_cast %[[F]] : i32 to index
// CHECK: arith.ceildivui %[[SKB]], %{{.*}} : index
// CHECK: %[[KT:.*]] = attn_tile.load_kv <nhd> %[[KCB]][%[[FIRST]], %[[J0:[^,]*]], %[[KVH]]] count %[[KCNT:[^ ]*]] table %[[KIB]] : memref<?xi32> : memref<?x16x1x8xbf16> -> tensor<64x8xf32>
// CHECK-NEXT: %[[VT:.*]] = attn_tile.load_kv <nhd> %[[VCB]][%[[FIRST]], %[[J0]], %[[KVH]]] count %[[KCNT]] table %[[KIB]] : memref<?xi32> : memref<?x16x1x8xbf16> -> tensor<64x8xf32>
// Default scale 1/sqrt(8); no regions, so transform_scores only bounds the
// queries (Sq_b) and the keys (Sk_b).
// CHECK-NEXT: %[[S:.*]] = attn_tile.qk %{{.*}}, %[[KT]] {scale = 0.353553385 : f32} : tensor<64x8xf32>, tensor<64x8xf32> -> tensor<64x64xf32>
// CHECK-NEXT: %[[T:.*]] = attn_tile.transform_scores %[[S]] at(%[[B]], %[[HEAD]], %[[I0]], %[[J0]]) queries %[[SQB]] keys %[[SKB]] {gqa_pack = 4 : i64} : tensor<64x64xf32>{{$}}
// CHECK-NEXT: attn_tile.online_softmax %[[T]], %[[VT]], {{.*}} : tensor<64x64xf32>, tensor<64x8xf32>, tensor<64x8xf32> -> tensor<64xf32>, tensor<64xf32>
// CHECK: attn_tile.store %{{.*}} <softmax> to %{{.*}}[%[[TOKEN]], %[[HEAD]]] count %{{.*}} {gqa_pack = 4 : i64} : tensor<64x8xf32>, tensor<64xf32> -> memref<?x4x8xbf16>
// OPT-LABEL: func.func @batch_prefill_nhd
// OPT: %[[NGRP:.*]] = arith.constant 2 : index
// OPT-NEXT: %[[ROWS:.*]] = arith.constant 8 : index
// OPT-NEXT: %[[NQB:.*]] = arith.ceildivui %{{.*}}, %[[ROWS]] : index
// OPT-NEXT: %[[ONE:.*]] = arith.constant 1 : index
// OPT-NEXT: attn_tile.kernel grid(%{{.*}}, %[[NGRP]], %[[NQB]], %[[ONE]]) attributes {block_m = 16 : i64, block_n = 32 : i64, gqa_pack = 2 : i64}
// OPT: attn_tile.load_kv <nhd> {{.*}} table %{{.*}} : memref<?xi32> : memref<?x16x1x8xbf16> -> tensor<32x8xf32>
func.func @batch_prefill_nhd(%q: tensor<?x4x8xbf16>, %qo: tensor<?xi32>, %kc: tensor<?x16x1x8xbf16>,
                             %vc: tensor<?x16x1x8xbf16>, %kp: tensor<?xi32>, %ki: tensor<?xi32>,
                             %kl: tensor<?xi32>) -> tensor<?x4x8xbf16> {
  %o = attn.batch_prefill q(%q) qo_indptr(%qo) k_cache(%kc) v_cache(%vc) kv_indptr(%kp)
      kv_indices(%ki) kv_last_page_len(%kl) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x4x8xbf16>, tensor<?xi32>, tensor<?x16x1x8xbf16>, tensor<?x16x1x8xbf16>,
         tensor<?xi32>, tensor<?xi32>, tensor<?xi32>) -> tensor<?x4x8xbf16>
  return %o : tensor<?x4x8xbf16>
}

// -----

// batch_decode over an HND table with page size 1 (SGLang's token table),
// i64 indices, Dv = 4, LSE. One query per request: block_m defaults to the
// GQA group (4) and there is one query block; the query token is the
// request itself.
// CHECK-LABEL: func.func @batch_decode_hnd
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<3x8x8xf16>, %[[KC:[^:]*]]: tensor<?x2x1x8xf16>, %[[VC:[^:]*]]: tensor<?x2x1x4xf16>, %[[KP:[^:]*]]: tensor<4xi64>, %[[KI:[^:]*]]: tensor<?xi64>, %[[KL:[^:]*]]: tensor<3xi64>)
// CHECK: %[[QB:.*]] = bufferization.to_buffer %[[Q]]
// CHECK-NEXT: %[[KCB:.*]] = bufferization.to_buffer %[[KC]]
// CHECK-NEXT: %[[VCB:.*]] = bufferization.to_buffer %[[VC]]
// CHECK-NEXT: %[[KPB:.*]] = bufferization.to_buffer %[[KP]]
// CHECK-NEXT: %[[KIB:.*]] = bufferization.to_buffer %[[KI]]
// CHECK-NEXT: %[[KLB:.*]] = bufferization.to_buffer %[[KL]]
// CHECK-NEXT: %[[MAXQ:.*]] = arith.constant 1 : index
// CHECK: %[[NREQ:.*]] = arith.constant 3 : index
// CHECK-NEXT: %[[OUT:.*]] = memref.alloc() : memref<3x8x4xf16>
// CHECK-NEXT: %[[LSE:.*]] = memref.alloc() : memref<3x8xf32>
// CHECK-NEXT: %[[NGRP:.*]] = arith.constant 2 : index
// CHECK-NEXT: arith.constant 1 : index
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1 : index
// CHECK-NEXT: attn_tile.kernel grid(%[[NREQ]], %[[NGRP]], %[[MAXQ]], %[[ONE]]) attributes {block_m = 4 : i64, block_n = 64 : i64, gqa_pack = 4 : i64} {
// CHECK-NEXT: ^bb0(%[[B:[^:]*]]: index, %[[G:[^:]*]]: index, %[[QBLK:[^:]*]]: index, %{{[^:]*}}: index):
// CHECK-NEXT: %[[SQ:.*]] = arith.constant 1 : index
// Sk_b = (pages - 1) * 1 + last page length.
// CHECK: %[[NPAGES:.*]] = arith.subi %{{.*}}, %{{.*}} : index
// CHECK-NEXT: %[[C1:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[FULL:.*]] = arith.subi %[[NPAGES]], %[[C1]] : index
// CHECK-NEXT: arith.constant 1 : index
// CHECK-NEXT: %[[LAST:.*]] = memref.load %[[KLB]][%[[B]]] : memref<3xi64>
// CHECK-NEXT: %[[LASTI:.*]] = arith.index_cast %[[LAST]] : i64 to index
// CHECK-NEXT: %[[SUM:.*]] = arith.addi %[[FULL]], %[[LASTI]] : index
// CHECK: %[[SKB:.*]] = arith.select %{{.*}}, %{{.*}}, %[[SUM]] : index
// CHECK: %[[HEAD:.*]] = arith.muli %[[G]], %{{.*}} : index
// CHECK: %[[KVH:.*]] = arith.divui %[[HEAD]], %{{.*}} : index
// CHECK-NEXT: %[[LIVE:.*]] = arith.cmpi ult, %[[QBLK]], %[[SQ]] : index
// CHECK-NEXT: scf.if %[[LIVE]] {
// CHECK: %[[COUNT:.*]] = arith.minui %{{.*}}, %{{.*}} : index
// CHECK-NEXT: %[[TOKEN:.*]] = arith.addi %[[B]], %[[QBLK]] : index
// CHECK-NEXT: attn_tile.load_q %[[QB]][%[[TOKEN]], %[[HEAD]]] count %[[COUNT]] {gqa_pack = 4 : i64} : memref<3x8x8xf16> -> tensor<4x8xf32>
// CHECK: attn_tile.softmax_init : tensor<4xf32>, tensor<4xf32>, tensor<4x4xf32>
// CHECK-NEXT: %[[F:.*]] = memref.load %[[KPB]][%[[B]]] : memref<4xi64>
// CHECK-NEXT: %[[FIRST:.*]] = arith.index_cast %[[F]] : i64 to index
// CHECK: %[[KT:.*]] = attn_tile.load_kv <hnd> %[[KCB]][%[[FIRST]], %[[J0:[^,]*]], %[[KVH]]] count %[[KCNT:[^ ]*]] table %[[KIB]] : memref<?xi64> : memref<?x2x1x8xf16> -> tensor<64x8xf32>
// CHECK-NEXT: %[[VT:.*]] = attn_tile.load_kv <hnd> %[[VCB]][%[[FIRST]], %[[J0]], %[[KVH]]] count %[[KCNT]] table %[[KIB]] : memref<?xi64> : memref<?x2x1x4xf16> -> tensor<64x4xf32>
// CHECK-NEXT: %[[S:.*]] = attn_tile.qk %{{.*}}, %[[KT]] {scale = 0.353553385 : f32} : tensor<4x8xf32>, tensor<64x8xf32> -> tensor<4x64xf32>
// One query per request: queries is the constant Sq_b = 1.
// CHECK-NEXT: %[[T:.*]] = attn_tile.transform_scores %[[S]] at(%[[B]], %[[HEAD]], %[[QBLK]], %[[J0]]) queries %[[SQ]] keys %[[SKB]] {gqa_pack = 4 : i64} : tensor<4x64xf32>
// CHECK-NEXT: attn_tile.online_softmax %[[T]], %[[VT]], {{.*}} <softmax> : tensor<4x64xf32>, tensor<64x4xf32>, tensor<4x4xf32> -> tensor<4xf32>, tensor<4xf32>
// CHECK: attn_tile.store %{{.*}} <softmax> to %[[OUT]] lse %[[LSE]] : memref<3x8xf32>[%[[TOKEN]], %[[HEAD]]] count %[[COUNT]] {gqa_pack = 4 : i64} : tensor<4x4xf32>, tensor<4xf32> -> memref<3x8x4xf16>
// An explicit block-m pads the decode tile: 16 rows of 8 positions x 2
// heads, still one query block.
// OPT-LABEL: func.func @batch_decode_hnd
// OPT: memref.alloc() : memref<3x8xf32>
// OPT-NEXT: %[[NGRP:.*]] = arith.constant 4 : index
// OPT-NEXT: arith.constant 8 : index
// OPT-NEXT: %[[NQB:.*]] = arith.constant 1 : index
// OPT-NEXT: %[[ONE:.*]] = arith.constant 1 : index
// OPT-NEXT: attn_tile.kernel grid(%{{.*}}, %[[NGRP]], %[[NQB]], %[[ONE]]) attributes {block_m = 16 : i64, block_n = 32 : i64, gqa_pack = 2 : i64}
// OPT: attn_tile.load_q {{.*}} {gqa_pack = 2 : i64} : memref<3x8x8xf16> -> tensor<16x8xf32>
// OPT: attn_tile.load_kv <hnd> {{.*}} : memref<?xi64> : memref<?x2x1x4xf16> -> tensor<32x4xf32>
// OPT: attn_tile.store {{.*}} lse {{.*}} {gqa_pack = 2 : i64} : tensor<16x4xf32>, tensor<16xf32> -> memref<3x8x4xf16>
// The decode default is the group on every target.
func.func @batch_decode_hnd(%q: tensor<3x8x8xf16>, %kc: tensor<?x2x1x8xf16>, %vc: tensor<?x2x1x4xf16>,
                            %kp: tensor<4xi64>, %ki: tensor<?xi64>, %kl: tensor<3xi64>)
    -> (tensor<3x8x4xf16>, tensor<3x8xf32>) {
  %o, %lse = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc) kv_indptr(%kp) kv_indices(%ki)
      kv_last_page_len(%kl) {layout = #attn.kv_layout<hnd>}
      : (tensor<3x8x8xf16>, tensor<?x2x1x8xf16>, tensor<?x2x1x4xf16>, tensor<4xi64>, tensor<?xi64>,
         tensor<3xi64>) -> (tensor<3x8x4xf16>, tensor<3x8xf32>)
  return %o, %lse : tensor<3x8x4xf16>, tensor<3x8xf32>
}

// -----

// vLLM paged_attention: K [P, Hkv, D / x, bs, x] and V [P, Hkv, D, bs];
// the [B, 5] block tables are read as one list of 10 entries, request b's
// starting at b * 5; Sk_b = context_lens[b].
// CHECK-LABEL: func.func @paged_vllm
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x4x8xf16>, %[[KC:[^:]*]]: tensor<?x2x4x16x2xf16>, %[[VC:[^:]*]]: tensor<?x2x8x16xf16>, %[[BT:[^:]*]]: tensor<2x5xi32>, %[[CL:[^:]*]]: tensor<2xi32>)
// CHECK: %[[KCB:.*]] = bufferization.to_buffer %[[KC]]
// CHECK-NEXT: %[[VCB:.*]] = bufferization.to_buffer %[[VC]]
// CHECK-NEXT: %[[BTB:.*]] = bufferization.to_buffer %[[BT]] read_only : tensor<2x5xi32> to memref<2x5xi32>
// CHECK-NEXT: %[[CLB:.*]] = bufferization.to_buffer %[[CL]]
// CHECK: %[[NREQ:.*]] = arith.constant 2 : index
// CHECK: %[[PER:.*]] = arith.constant 5 : index
// CHECK-NEXT: %[[TABLE:.*]] = memref.collapse_shape %[[BTB]] {{\[\[}}0, 1]] : memref<2x5xi32> into memref<10xi32>
// CHECK-NEXT: %[[OUT:.*]] = memref.alloc() : memref<2x4x8xf16>
// CHECK-NEXT: %[[NGRP:.*]] = arith.constant 2 : index
// CHECK: attn_tile.kernel grid(%[[NREQ]], %[[NGRP]], %{{.*}}, %{{.*}}) attributes {block_m = 2 : i64, block_n = 64 : i64, gqa_pack = 2 : i64} {
// CHECK-NEXT: ^bb0(%[[B:[^:]*]]: index, %{{[^:]*}}: index, %{{[^:]*}}: index, %{{[^:]*}}: index):
// CHECK-NEXT: %[[SQ:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[CTX:.*]] = memref.load %[[CLB]][%[[B]]] : memref<2xi32>
// CHECK-NEXT: %[[SKB:.*]] = arith.index_cast %[[CTX]] : i32 to index
// CHECK: attn_tile.load_q %{{.*}} : memref<2x4x8xf16> -> tensor<2x8xf32>
// CHECK: attn_tile.softmax_init
// CHECK-NEXT: %[[FIRST:.*]] = arith.muli %[[B]], %[[PER]] : index
// CHECK-NEXT: %[[BN:.*]] = arith.constant 64 : index
// CHECK-NEXT: arith.ceildivui %[[SKB]], %[[BN]] : index
// CHECK: %[[KT:.*]] = attn_tile.load_kv <vllm_key> %[[KCB]][%[[FIRST]], %[[J0:[^,]*]], %[[KVH:[0-9a-z_]+]]] count %[[KCNT:[^ ]*]] table %[[TABLE]] : memref<10xi32> : memref<?x2x4x16x2xf16> -> tensor<64x8xf32>
// CHECK-NEXT: %[[VT:.*]] = attn_tile.load_kv <vllm_value> %[[VCB]][%[[FIRST]], %[[J0]], %[[KVH]]] count %[[KCNT]] table %[[TABLE]] : memref<10xi32> : memref<?x2x8x16xf16> -> tensor<64x8xf32>
// CHECK-NEXT: attn_tile.qk %{{.*}}, %[[KT]] {scale = 0.353553385 : f32} : tensor<2x8xf32>, tensor<64x8xf32> -> tensor<2x64xf32>
// CHECK-NEXT: %[[T:.*]] = attn_tile.transform_scores %{{.*}} queries %[[SQ]] keys %[[SKB]] {gqa_pack = 2 : i64} : tensor<2x64xf32>
// CHECK-NEXT: attn_tile.online_softmax %[[T]], %[[VT]], {{.*}} : tensor<2x64xf32>, tensor<64x8xf32>, tensor<2x8xf32> -> tensor<2xf32>, tensor<2xf32>
// CHECK: attn_tile.store {{.*}} to %[[OUT]][{{.*}}] count {{.*}} : tensor<2x8xf32>, tensor<2xf32> -> memref<2x4x8xf16>
// OPT-LABEL: func.func @paged_vllm
// OPT: attn_tile.kernel {{.*}} attributes {block_m = 16 : i64, block_n = 32 : i64, gqa_pack = 2 : i64}
// OPT: attn_tile.load_kv <vllm_key> {{.*}} : memref<10xi32> : memref<?x2x4x16x2xf16> -> tensor<32x8xf32>
// OPT-NEXT: attn_tile.load_kv <vllm_value> {{.*}} : memref<10xi32> : memref<?x2x8x16xf16> -> tensor<32x8xf32>
func.func @paged_vllm(%q: tensor<2x4x8xf16>, %kc: tensor<?x2x4x16x2xf16>, %vc: tensor<?x2x8x16xf16>,
                      %bt: tensor<2x5xi32>, %cl: tensor<2xi32>) -> tensor<2x4x8xf16> {
  %o = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc) block_tables(%bt) context_lens(%cl)
      : (tensor<2x4x8xf16>, tensor<?x2x4x16x2xf16>, tensor<?x2x8x16xf16>, tensor<2x5xi32>,
         tensor<2xi32>) -> tensor<2x4x8xf16>
  return %o : tensor<2x4x8xf16>
}

// -----

// MLA decode (dynamic kv_indptr): all 4 heads share the latent cache, so
// one head group of 4.
// The query tile is q_nope ++ q_pe, the key tile ckv ++ kpe (both <latent>
// through kv_indices), the value tile ckv alone.
// CHECK-LABEL: func.func @mla
// CHECK-SAME: (%[[QN:[^:]*]]: tensor<2x4x16xbf16>, %[[QP:[^:]*]]: tensor<2x4x8xbf16>, %[[CKV:[^:]*]]: tensor<?x32x16xbf16>, %[[KPE:[^:]*]]: tensor<?x32x8xbf16>, %[[KP:[^:]*]]: tensor<?xi32>, %[[KI:[^:]*]]: tensor<?xi32>, %[[KL:[^:]*]]: tensor<2xi32>)
// CHECK: %[[QNB:.*]] = bufferization.to_buffer %[[QN]]
// CHECK-NEXT: %[[QPB:.*]] = bufferization.to_buffer %[[QP]]
// CHECK-NEXT: %[[CKVB:.*]] = bufferization.to_buffer %[[CKV]]
// CHECK-NEXT: %[[KPEB:.*]] = bufferization.to_buffer %[[KPE]]
// CHECK-NEXT: %[[KPB:.*]] = bufferization.to_buffer %[[KP]]
// CHECK-NEXT: %[[KIB:.*]] = bufferization.to_buffer %[[KI]]
// The request count is q_nope's batch size, not len(kv_indptr) - 1.
// CHECK: memref.dim %[[KPB]]
// CHECK: %[[NREQ:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[OUT:.*]] = memref.alloc() : memref<2x4x16xbf16>
// CHECK-NEXT: %[[LSE:.*]] = memref.alloc() : memref<2x4xf32>
// CHECK-NEXT: %[[NGRP:.*]] = arith.constant 1 : index
// CHECK: attn_tile.kernel grid(%[[NREQ]], %[[NGRP]], %{{.*}}, %{{.*}}) attributes {block_m = 4 : i64, block_n = 64 : i64, gqa_pack = 4 : i64} {
// CHECK-NEXT: ^bb0(%[[B:[^:]*]]: index, %{{[^:]*}}: index, %[[QBLK:[^:]*]]: index, %{{[^:]*}}: index):
// CHECK-NEXT: %[[SQ:.*]] = arith.constant 1 : index
// CHECK: %[[TOKEN:.*]] = arith.addi %[[B]], %[[QBLK]] : index
// CHECK-NEXT: %[[QNT:.*]] = attn_tile.load_q %[[QNB]][%[[TOKEN]], %[[HEAD:[0-9a-z_]+]]] count %[[COUNT:[^ ]*]] {gqa_pack = 4 : i64} : memref<2x4x16xbf16> -> tensor<4x16xf32>
// CHECK-NEXT: %[[QPT:.*]] = attn_tile.load_q %[[QPB]][%[[TOKEN]], %[[HEAD]]] count %[[COUNT]] {gqa_pack = 4 : i64} : memref<2x4x8xbf16> -> tensor<4x8xf32>
// CHECK-NEXT: %[[QT:.*]] = attn_tile.concat %[[QNT]], %[[QPT]] : tensor<4x16xf32>, tensor<4x8xf32> -> tensor<4x24xf32>
// CHECK: attn_tile.softmax_init : tensor<4xf32>, tensor<4xf32>, tensor<4x16xf32>
// CHECK: %[[CT:.*]] = attn_tile.load_kv <latent> %[[CKVB]][%[[FIRST:[^,]*]], %[[J0:[^,]*]], %[[H:[0-9a-z_]+]]] count %[[KCNT:[^ ]*]] table %[[KIB]] : memref<?xi32> : memref<?x32x16xbf16> -> tensor<64x16xf32>
// CHECK-NEXT: %[[RT:.*]] = attn_tile.load_kv <latent> %[[KPEB]][%[[FIRST]], %[[J0]], %[[H]]] count %[[KCNT]] table %[[KIB]] : memref<?xi32> : memref<?x32x8xbf16> -> tensor<64x8xf32>
// CHECK-NEXT: %[[KT:.*]] = attn_tile.concat %[[CT]], %[[RT]] : tensor<64x16xf32>, tensor<64x8xf32> -> tensor<64x24xf32>
// CHECK-NEXT: %[[VT:.*]] = attn_tile.load_kv <latent> %[[CKVB]][%[[FIRST]], %[[J0]], %[[H]]] count %[[KCNT]] table %[[KIB]] : memref<?xi32> : memref<?x32x16xbf16> -> tensor<64x16xf32>
// CHECK-NEXT: %[[S:.*]] = attn_tile.qk %[[QT]], %[[KT]] {scale = 2.500000e-01 : f32} : tensor<4x24xf32>, tensor<64x24xf32> -> tensor<4x64xf32>
// CHECK-NEXT: %[[T:.*]] = attn_tile.transform_scores %[[S]] at(%{{.*}}, %[[HEAD]], %[[QBLK]], %[[J0]]) queries %[[SQ]] keys %{{.*}} {gqa_pack = 4 : i64} : tensor<4x64xf32>
// CHECK-NEXT: attn_tile.online_softmax %[[T]], %[[VT]], {{.*}} : tensor<4x64xf32>, tensor<64x16xf32>, tensor<4x16xf32> -> tensor<4xf32>, tensor<4xf32>
// CHECK: attn_tile.store %{{.*}} <softmax> to %[[OUT]] lse %[[LSE]] : memref<2x4xf32>[%[[TOKEN]], %[[HEAD]]] count %[[COUNT]] {gqa_pack = 4 : i64} : tensor<4x16xf32>, tensor<4xf32> -> memref<2x4x16xbf16>
// CHECK-NOT: attn.mla_decode
// OPT-LABEL: func.func @mla
// OPT: memref.alloc() : memref<2x4xf32>
// OPT-NEXT: %[[NGRP:.*]] = arith.constant 2 : index
// OPT-NEXT: arith.constant 8 : index
// OPT-NEXT: %[[NQB:.*]] = arith.constant 1 : index
// OPT-NEXT: %[[ONE:.*]] = arith.constant 1 : index
// OPT-NEXT: attn_tile.kernel grid(%{{.*}}, %[[NGRP]], %[[NQB]], %[[ONE]]) attributes {block_m = 16 : i64, block_n = 32 : i64, gqa_pack = 2 : i64}
// OPT: attn_tile.concat {{.*}} : tensor<16x16xf32>, tensor<16x8xf32> -> tensor<16x24xf32>
// OPT: attn_tile.concat {{.*}} : tensor<32x16xf32>, tensor<32x8xf32> -> tensor<32x24xf32>
func.func @mla(%qn: tensor<2x4x16xbf16>, %qp: tensor<2x4x8xbf16>, %ckv: tensor<?x32x16xbf16>,
               %kpe: tensor<?x32x8xbf16>, %kp: tensor<?xi32>, %ki: tensor<?xi32>, %kl: tensor<2xi32>)
    -> (tensor<2x4x16xbf16>, tensor<2x4xf32>) {
  %o, %lse = attn.mla_decode q_nope(%qn) q_pe(%qp) ckv_cache(%ckv) kpe_cache(%kpe) kv_indptr(%kp)
      kv_indices(%ki) kv_last_page_len(%kl) {scale = 0.25 : f32}
      : (tensor<2x4x16xbf16>, tensor<2x4x8xbf16>, tensor<?x32x16xbf16>, tensor<?x32x8xbf16>,
         tensor<?xi32>, tensor<?xi32>, tensor<2xi32>) -> (tensor<2x4x16xbf16>, tensor<2x4xf32>)
  return %o, %lse : tensor<2x4x16xbf16>, tensor<2x4xf32>
}

// -----

// A group of 6 does not divide 64: the default block_m is rounded
// up to a multiple of it, 66 on the CPU (11 queries per block). gqa-pack=2
// splits the group into three head groups. With Sq = 8
// the block's rows past query 8 are padding: the query tile counts
// min(8 - i0, 11) valid rows and transform_scores bounds the queries by the
// static Sq (and the keys by the static Sk).
// CHECK-LABEL: func.func @pack6
// CHECK: memref.alloc() : memref<1x8x6x8xf32>
// CHECK-NEXT: memref.collapse_shape
// CHECK-NEXT: %[[NGRP:.*]] = arith.constant 1 : index
// CHECK-NEXT: arith.constant 11 : index
// CHECK: attn_tile.kernel grid(%{{.*}}, %[[NGRP]], %{{.*}}, %{{.*}}) attributes {block_m = 66 : i64, block_n = 64 : i64, gqa_pack = 6 : i64}
// CHECK-NEXT: ^bb0
// CHECK-NEXT: arith.constant 1 : index
// CHECK-NEXT: %[[SQ:.*]] = arith.constant 8 : index
// CHECK-NEXT: arith.constant 1 : index
// CHECK-NEXT: %[[SK:.*]] = arith.constant 8 : index
// CHECK-NEXT: %[[R11:.*]] = arith.constant 11 : index
// CHECK-NEXT: %[[I0:.*]] = arith.muli %{{.*}}, %[[R11]] : index
// CHECK: %[[LEFT:.*]] = arith.subi %[[SQ]], %[[I0]] : index
// CHECK-NEXT: %[[COUNT:.*]] = arith.minui %[[LEFT]], %{{.*}} : index
// CHECK: attn_tile.load_q {{.*}} count %[[COUNT]] {gqa_pack = 6 : i64} : memref<8x6x8xf32> -> tensor<66x8xf32>
// CHECK: %[[S:.*]] = attn_tile.qk {{.*}} : tensor<66x8xf32>, tensor<64x8xf32> -> tensor<66x64xf32>
// CHECK-NEXT: attn_tile.transform_scores %[[S]] at(%{{.*}}, %{{.*}}, %[[I0]], %{{.*}}) queries %[[SQ]] keys %[[SK]] {gqa_pack = 6 : i64} : tensor<66x64xf32>
// OPT-LABEL: func.func @pack6
// OPT: %[[NGRP:.*]] = arith.constant 3 : index
// OPT: attn_tile.kernel grid(%{{.*}}, %[[NGRP]], %{{.*}}, %{{.*}}) attributes {block_m = 16 : i64, block_n = 32 : i64, gqa_pack = 2 : i64}
// OPT: %[[P2:.*]] = arith.constant 2 : index
// OPT-NEXT: %[[HEAD:.*]] = arith.muli %{{.*}}, %[[P2]] : index
// OPT-NEXT: %[[GRP:.*]] = arith.constant 6 : index
// OPT-NEXT: arith.divui %[[HEAD]], %[[GRP]] : index
func.func @pack6(%q: tensor<1x8x6x8xf32>, %k: tensor<1x8x1x8xf32>, %v: tensor<1x8x1x8xf32>)
    -> tensor<1x8x6x8xf32> {
  %o = attn.prefill q(%q) k(%k) v(%v)
      : (tensor<1x8x6x8xf32>, tensor<1x8x1x8xf32>, tensor<1x8x1x8xf32>) -> tensor<1x8x6x8xf32>
  return %o : tensor<1x8x6x8xf32>
}

// -----

// RoPE with explicit positions: the query tile rotates at
// positions[token + r / pack] (offset = the block's first token) over its
// valid rows (count = min(Sq_b - i0, 32), as load_q's, so positions past
// the request's last query are never read), each key tile at its key
// indices j0 + r (pack 1, no positions) over the KV tile's valid rows
// (min(Sk_b - j0, 64), as load_kv's). The rotated tiles feed qk.
// CHECK-LABEL: func.func @rope_positions
// CHECK-SAME: %[[POS:[^:]*]]: tensor<?xi64>)
// CHECK: %[[POSB:.*]] = bufferization.to_buffer %[[POS]] read_only : tensor<?xi64> to memref<?xi64>
// CHECK: attn_tile.kernel
// CHECK-NEXT: ^bb0(%[[B:[^:]*]]: index, %{{[^:]*}}: index, %[[QBLK:[^:]*]]: index, %{{[^:]*}}: index):
// Sq_b and Sk_b from cu_seqlens_q and cu_seqlens_k.
// CHECK: %[[SQB:.*]] = arith.subi %{{.*}}, %{{.*}} : index
// CHECK: %[[SKB:.*]] = arith.subi %{{.*}}, %{{.*}} : index
// CHECK-NEXT: %[[R32:.*]] = arith.constant 32 : index
// CHECK-NEXT: %[[I0:.*]] = arith.muli %[[QBLK]], %[[R32]] : index
// CHECK: scf.if
// CHECK-NEXT: %[[R32B:.*]] = arith.constant 32 : index
// CHECK-NEXT: %[[LEFT:.*]] = arith.subi %[[SQB]], %[[I0]] : index
// CHECK-NEXT: %[[COUNT:.*]] = arith.minui %[[LEFT]], %[[R32B]] : index
// CHECK: %[[QT:.*]] = attn_tile.load_q %{{.*}}[%[[TOKEN:[0-9a-z_]+]], %{{.*}}] count %[[COUNT]] {gqa_pack = 2 : i64} : memref<?x4x16xbf16> -> tensor<64x16xf32>
// CHECK-NEXT: %[[QR:.*]] = attn_tile.rope %[[QT]] at %[[TOKEN]] count %[[COUNT]] positions %[[POSB]] : memref<?xi64> {gqa_pack = 2 : i64, rope = #attn.rope<theta = 1.000000e+04, dim = 16, style = neox>} : tensor<64x16xf32> -> tensor<64x16xf32>
// CHECK: %[[J0:.*]] = arith.muli %{{.*}}, %{{.*}} : index
// CHECK-NEXT: %[[BN:.*]] = arith.constant 64 : index
// CHECK-NEXT: %[[KLEFT:.*]] = arith.subi %[[SKB]], %[[J0]] : index
// CHECK-NEXT: %[[KCOUNT:.*]] = arith.minui %[[KLEFT]], %[[BN]] : index
// CHECK-NEXT: %[[KT:.*]] = attn_tile.load_kv <rows> %{{.*}}[%{{.*}}, %[[J0]], %{{.*}}] count %[[KCOUNT]] : memref<?x2x16xbf16> -> tensor<64x16xf32>
// CHECK-NEXT: %[[KR:.*]] = attn_tile.rope %[[KT]] at %[[J0]] count %[[KCOUNT]] {gqa_pack = 1 : i64, rope = #attn.rope<theta = 1.000000e+04, dim = 16, style = neox>} : tensor<64x16xf32> -> tensor<64x16xf32>
// CHECK-NEXT: %[[VT:.*]] = attn_tile.load_kv <rows>
// CHECK-NEXT: %[[S:.*]] = attn_tile.qk %[[QR]], %[[KR]] {scale = 2.500000e-01 : f32} : tensor<64x16xf32>, tensor<64x16xf32> -> tensor<64x64xf32>
// CHECK-NEXT: attn_tile.transform_scores %[[S]] at(%[[B]], %{{.*}}, %[[I0]], %[[J0]]) queries %[[SQB]] keys %[[SKB]] {gqa_pack = 2 : i64} : tensor<64x64xf32>
// CHECK-NOT: attn_tile.rope
// CHECK: attn_tile.online_softmax %{{.*}}, %[[VT]],
// block-m=16 block-n=32: 8 queries per block, 32-row KV tiles; the counts
// follow.
// OPT-LABEL: func.func @rope_positions
// OPT: scf.if
// OPT-NEXT: %[[OR8:.*]] = arith.constant 8 : index
// OPT-NEXT: %[[OLEFT:.*]] = arith.subi %{{.*}}, %{{.*}} : index
// OPT-NEXT: %[[OCOUNT:.*]] = arith.minui %[[OLEFT]], %[[OR8]] : index
// OPT: %[[OQT:.*]] = attn_tile.load_q {{.*}} count %[[OCOUNT]] {gqa_pack = 2 : i64}
// OPT-NEXT: attn_tile.rope %[[OQT]] at %{{.*}} count %[[OCOUNT]] positions {{.*}} {gqa_pack = 2 : i64, rope = #attn.rope<theta = 1.000000e+04, dim = 16, style = neox>} : tensor<16x16xf32> -> tensor<16x16xf32>
// OPT: %[[OJ0:.*]] = arith.muli %{{.*}}, %{{.*}} : index
// OPT-NEXT: %[[OBN:.*]] = arith.constant 32 : index
// OPT-NEXT: %[[OKLEFT:.*]] = arith.subi %{{.*}}, %[[OJ0]] : index
// OPT-NEXT: %[[OKCOUNT:.*]] = arith.minui %[[OKLEFT]], %[[OBN]] : index
// OPT-NEXT: %[[OKT:.*]] = attn_tile.load_kv <rows> {{.*}} count %[[OKCOUNT]] : memref<?x2x16xbf16> -> tensor<32x16xf32>
// OPT-NEXT: attn_tile.rope %[[OKT]] at %{{.*}} count %[[OKCOUNT]] {gqa_pack = 1 : i64, rope = #attn.rope<theta = 1.000000e+04, dim = 16, style = neox>} : tensor<32x16xf32> -> tensor<32x16xf32>
func.func @rope_positions(%q: tensor<?x4x16xbf16>, %k: tensor<?x2x16xbf16>, %v: tensor<?x2x16xbf16>,
                          %cq: tensor<3xi32>, %ck: tensor<3xi32>, %pos: tensor<?xi64>)
    -> tensor<?x4x16xbf16> {
  %o = attn.prefill q(%q) k(%k) v(%v) cu_seqlens_q(%cq) cu_seqlens_k(%ck) positions(%pos)
      {rope = #attn.rope<theta = 10000.0, dim = 16, style = neox>}
      : (tensor<?x4x16xbf16>, tensor<?x2x16xbf16>, tensor<?x2x16xbf16>, tensor<3xi32>,
         tensor<3xi32>, tensor<?xi64>) -> tensor<?x4x16xbf16>
  return %o : tensor<?x4x16xbf16>
}

// -----

// RoPE without positions: queries rotate at their aligned position
// i0 + Sk - Sq, over the query tile's valid rows (load_q's count); keys at
// j0 over the KV tile's (load_kv's count).
// CHECK-LABEL: func.func @rope_aligned
// CHECK: attn_tile.kernel
// CHECK: %[[NQ:.*]] = memref.dim %{{.*}}, %{{.*}} : memref<2x?x4x16xf16>
// CHECK: %[[NK:.*]] = memref.dim %{{.*}}, %{{.*}} : memref<2x?x2x16xf16>
// CHECK-NEXT: %[[R32:.*]] = arith.constant 32 : index
// CHECK-NEXT: %[[I0:.*]] = arith.muli %{{.*}}, %[[R32]] : index
// CHECK: %[[LEFT:.*]] = arith.subi %[[NQ]], %[[I0]] : index
// CHECK-NEXT: %[[COUNT:.*]] = arith.minui %[[LEFT]], %{{.*}} : index
// CHECK: %[[QT:.*]] = attn_tile.load_q {{.*}} count %[[COUNT]] {gqa_pack = 2 : i64}
// CHECK-NEXT: %[[OFF:.*]] = arith.subi %[[NK]], %[[NQ]] : index
// CHECK-NEXT: %[[QPOS:.*]] = arith.addi %[[I0]], %[[OFF]] : index
// CHECK-NEXT: %[[QR:.*]] = attn_tile.rope %[[QT]] at %[[QPOS]] count %[[COUNT]] {gqa_pack = 2 : i64, rope = #attn.rope<theta = 5.000000e+05, dim = 8, style = interleaved>} : tensor<64x16xf32> -> tensor<64x16xf32>
// CHECK: %[[KT:.*]] = attn_tile.load_kv <rows> %{{.*}}[%{{.*}}, %[[J0:[^,]*]], %{{.*}}] count %[[KCOUNT:[^ ]*]] :
// CHECK-NEXT: %[[KR:.*]] = attn_tile.rope %[[KT]] at %[[J0]] count %[[KCOUNT]] {gqa_pack = 1 : i64, rope = #attn.rope<theta = 5.000000e+05, dim = 8, style = interleaved>}
// CHECK: %[[S:.*]] = attn_tile.qk %[[QR]], %[[KR]]
// CHECK-NEXT: attn_tile.transform_scores %[[S]] at(%{{.*}}, %{{.*}}, %[[I0]], %[[J0]]) queries %[[NQ]] keys %[[NK]] {gqa_pack = 2 : i64} : tensor<64x64xf32>
func.func @rope_aligned(%q: tensor<2x?x4x16xf16>, %k: tensor<2x?x2x16xf16>, %v: tensor<2x?x2x16xf16>)
    -> tensor<2x?x4x16xf16> {
  %o = attn.prefill q(%q) k(%k) v(%v)
      {rope = #attn.rope<theta = 500000.0, dim = 8, style = interleaved>}
      : (tensor<2x?x4x16xf16>, tensor<2x?x2x16xf16>, tensor<2x?x2x16xf16>) -> tensor<2x?x4x16xf16>
  return %o : tensor<2x?x4x16xf16>
}

// -----

// FP8 decode: q_descale [Hq] on load_q, k_descale [] on the K load,
// v_descale [1] on the V load, o_scale [] on the store. Descaled tiles are
// f32 on every target.
// CHECK-LABEL: func.func @fp8
// CHECK-SAME: %[[QS:[^:]*]]: tensor<8xf32>, %[[KS:[^:]*]]: tensor<f32>, %[[VS:[^:]*]]: tensor<1xf32>, %[[OS:[^:]*]]: tensor<f32>)
// CHECK: %[[QSB:.*]] = bufferization.to_buffer %[[QS]] read_only : tensor<8xf32> to memref<8xf32>
// CHECK-NEXT: %[[KSB:.*]] = bufferization.to_buffer %[[KS]] read_only : tensor<f32> to memref<f32>
// CHECK-NEXT: %[[VSB:.*]] = bufferization.to_buffer %[[VS]] read_only : tensor<1xf32> to memref<1xf32>
// CHECK-NEXT: %[[OSB:.*]] = bufferization.to_buffer %[[OS]] read_only : tensor<f32> to memref<f32>
// CHECK: %[[OUT:.*]] = memref.alloc() : memref<4x8x16xf8E4M3FN>
// CHECK: attn_tile.kernel {{.*}} attributes {block_m = 4 : i64, block_n = 64 : i64, gqa_pack = 4 : i64}
// CHECK: %[[QT:.*]] = attn_tile.load_q %{{.*}}[%{{.*}}, %{{.*}}] count %{{.*}} descale %[[QSB]] : memref<8xf32> {gqa_pack = 4 : i64} : memref<4x8x16xf8E4M3FN> -> tensor<4x16xf32>
// CHECK: %[[KT:.*]] = attn_tile.load_kv <nhd> %{{.*}}[%{{.*}}, %{{.*}}, %{{.*}}] count %{{.*}} table %{{.*}} : memref<?xi32> descale %[[KSB]] : memref<f32> : memref<?x16x2x16xf8E4M3FN> -> tensor<64x16xf32>
// CHECK-NEXT: %[[VT:.*]] = attn_tile.load_kv <nhd> %{{.*}}[%{{.*}}, %{{.*}}, %{{.*}}] count %{{.*}} table %{{.*}} : memref<?xi32> descale %[[VSB]] : memref<1xf32> : memref<?x16x2x16xf8E4M3FN> -> tensor<64x16xf32>
// CHECK-NEXT: attn_tile.qk %[[QT]], %[[KT]] {scale = 2.500000e-01 : f32} : tensor<4x16xf32>, tensor<64x16xf32> -> tensor<4x64xf32>
// CHECK: attn_tile.online_softmax %{{.*}}, %[[VT]],
// CHECK: attn_tile.store %{{.*}} <softmax> to %[[OUT]][%{{.*}}, %{{.*}}] count %{{.*}} o_scale %[[OSB]] : memref<f32> {gqa_pack = 4 : i64} : tensor<4x16xf32>, tensor<4xf32> -> memref<4x8x16xf8E4M3FN>
// OPT-LABEL: func.func @fp8
// OPT: attn_tile.load_q {{.*}} descale {{.*}} : memref<8xf32> {gqa_pack = 2 : i64} : memref<4x8x16xf8E4M3FN> -> tensor<16x16xf32>
// OPT: attn_tile.store {{.*}} o_scale {{.*}} : memref<f32> {gqa_pack = 2 : i64}
func.func @fp8(%q: tensor<4x8x16xf8E4M3FN>, %kc: tensor<?x16x2x16xf8E4M3FN>,
               %vc: tensor<?x16x2x16xf8E4M3FN>, %kp: tensor<5xi32>, %ki: tensor<?xi32>,
               %kl: tensor<4xi32>, %qs: tensor<8xf32>, %ks: tensor<f32>, %vs: tensor<1xf32>,
               %os: tensor<f32>) -> tensor<4x8x16xf8E4M3FN> {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc) kv_indptr(%kp) kv_indices(%ki)
      kv_last_page_len(%kl) q_descale(%qs) k_descale(%ks) v_descale(%vs) o_scale(%os)
      {layout = #attn.kv_layout<nhd>}
      : (tensor<4x8x16xf8E4M3FN>, tensor<?x16x2x16xf8E4M3FN>, tensor<?x16x2x16xf8E4M3FN>,
         tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<8xf32>, tensor<f32>, tensor<1xf32>,
         tensor<f32>) -> tensor<4x8x16xf8E4M3FN>
  return %o : tensor<4x8x16xf8E4M3FN>
}

// -----

// MLA over FP8 latent caches: k_descale dequantizes ckv and kpe, for the
// key and for the value tile alike.
// CHECK-LABEL: func.func @mla_fp8
// CHECK-SAME: %[[KS:[^:]*]]: tensor<1xf32>)
// CHECK: %[[KSB:.*]] = bufferization.to_buffer %[[KS]] read_only : tensor<1xf32> to memref<1xf32>
// CHECK: attn_tile.load_q {{.*}} : memref<2x4x16xbf16> -> tensor<4x16xf32>
// CHECK-NOT: descale
// CHECK: attn_tile.load_kv <latent> {{.*}} descale %[[KSB]] : memref<1xf32> : memref<?x32x16xf8E4M3FN> -> tensor<64x16xf32>
// CHECK-NEXT: attn_tile.load_kv <latent> {{.*}} descale %[[KSB]] : memref<1xf32> : memref<?x32x8xf8E4M3FN> -> tensor<64x8xf32>
// CHECK-NEXT: attn_tile.concat
// CHECK-NEXT: %[[VT:.*]] = attn_tile.load_kv <latent> {{.*}} descale %[[KSB]] : memref<1xf32> : memref<?x32x16xf8E4M3FN> -> tensor<64x16xf32>
// CHECK: attn_tile.online_softmax %{{.*}}, %[[VT]],
func.func @mla_fp8(%qn: tensor<2x4x16xbf16>, %qp: tensor<2x4x8xbf16>, %ckv: tensor<?x32x16xf8E4M3FN>,
                   %kpe: tensor<?x32x8xf8E4M3FN>, %kp: tensor<3xi32>, %ki: tensor<?xi32>,
                   %kl: tensor<2xi32>, %ks: tensor<1xf32>) -> tensor<2x4x16xbf16> {
  %o = attn.mla_decode q_nope(%qn) q_pe(%qp) ckv_cache(%ckv) kpe_cache(%kpe) kv_indptr(%kp)
      kv_indices(%ki) kv_last_page_len(%kl) k_descale(%ks) {scale = 0.25 : f32}
      : (tensor<2x4x16xbf16>, tensor<2x4x8xbf16>, tensor<?x32x16xf8E4M3FN>, tensor<?x32x8xf8E4M3FN>,
         tensor<3xi32>, tensor<?xi32>, tensor<2xi32>, tensor<1xf32>) -> tensor<2x4x16xbf16>
  return %o : tensor<2x4x16xbf16>
}
