// RUN: attn-opt %s --attn-inline-functors --split-input-file | FileCheck %s

// attn-inline-functors on hand-written attn_tile IR: each
// attn_tile.transform_scores becomes an all-parallel linalg.generic over its
// [block_m, block_n] tile whose body derives element (r, c)'s indices from
// linalg.index (query i = query + r / gqa_pack, head h = head + r % gqa_pack,
// key j = key + c), keeps the elements inside the request under an scf.if
// on (i < num_queries) AND (j < num_keys) (num_queries is a value of its own
// in every test, distinct from num_keys, so that each bound is checked
// against its own index), runs mask_mod inline only under that guard and
// score_mod only for the visible keys; every other element is -inf. Values
// the regions capture from above (here a bias tensor) stay captured.

// Both regions, gqa_pack = 4. The regions read every argument so that the
// mapping of (b, h, i, j) onto the computed indices is checked.
// CHECK-LABEL: func.func @score_and_mask
// CHECK-SAME: (%[[S:[^:]*]]: tensor<8x16xf32>, %[[B:[^:]*]]: index, %[[H0:[^:]*]]: index, %[[I0:[^:]*]]: index, %[[J0:[^:]*]]: index, %[[NQ:[^:]*]]: index, %[[N:[^:]*]]: index, %[[BIAS:[^:]*]]: tensor<?x?xf32>)
// CHECK-NOT: attn_tile.transform_scores
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<8x16xf32>
// CHECK: %[[G:.*]] = linalg.generic {indexing_maps = [#[[ID:.*]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%[[S]] : tensor<8x16xf32>) outs(%[[EMPTY]] : tensor<8x16xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]*]]: f32, %{{[^:]*}}: f32):
// CHECK-NEXT: %[[R:.*]] = linalg.index 0 : index
// CHECK-NEXT: %[[C:.*]] = linalg.index 1 : index
// CHECK-NEXT: %[[P1:.*]] = arith.constant 4 : index
// CHECK-NEXT: %[[RQ:.*]] = arith.divui %[[R]], %[[P1]] : index
// CHECK-NEXT: %[[I:.*]] = arith.addi %[[I0]], %[[RQ]] : index
// CHECK-NEXT: %[[P2:.*]] = arith.constant 4 : index
// CHECK-NEXT: %[[RH:.*]] = arith.remui %[[R]], %[[P2]] : index
// CHECK-NEXT: %[[H:.*]] = arith.addi %[[H0]], %[[RH]] : index
// CHECK-NEXT: %[[J:.*]] = arith.addi %[[J0]], %[[C]] : index
// CHECK-NEXT: %[[NEGINF:.*]] = arith.constant 0xFF800000 : f32
// Inside the request: i < num_queries and j < num_keys; the regions run only
// in the then-branch, the else-branch is -inf.
// CHECK-NEXT: %[[QIN:.*]] = arith.cmpi ult, %[[I]], %[[NQ]] : index
// CHECK-NEXT: %[[KIN:.*]] = arith.cmpi ult, %[[J]], %[[N]] : index
// CHECK-NEXT: %[[INSIDE:.*]] = arith.andi %[[QIN]], %[[KIN]] : i1
// CHECK-NEXT: %[[OUTER:.*]] = scf.if %[[INSIDE]] -> (f32) {
// mask_mod(b, h, i, j): j <= i and b != h.
// CHECK-NEXT: %[[CAUSAL:.*]] = arith.cmpi ule, %[[J]], %[[I]] : index
// CHECK-NEXT: %[[OTHER:.*]] = arith.cmpi ne, %[[B]], %[[H]] : index
// CHECK-NEXT: %[[VIS:.*]] = arith.andi %[[CAUSAL]], %[[OTHER]] : i1
// CHECK-NEXT: %[[INNER:.*]] = scf.if %[[VIS]] -> (f32) {
// score_mod(s, b, h, i, j): s + bias[h, j] + i.
// CHECK-NEXT: %[[E:.*]] = tensor.extract %[[BIAS]][%[[H]], %[[J]]] : tensor<?x?xf32>
// CHECK-NEXT: %[[X:.*]] = arith.addf %[[IN]], %[[E]] : f32
// CHECK-NEXT: %[[II:.*]] = arith.index_cast %[[I]] : index to i32
// CHECK-NEXT: %[[IF:.*]] = arith.sitofp %[[II]] : i32 to f32
// CHECK-NEXT: %[[Y:.*]] = arith.addf %[[X]], %[[IF]] : f32
// CHECK-NEXT: scf.yield %[[Y]] : f32
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %[[NEGINF]] : f32
// CHECK-NEXT: }
// CHECK-NEXT: scf.yield %[[INNER]] : f32
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %[[NEGINF]] : f32
// CHECK-NEXT: }
// CHECK-NEXT: linalg.yield %[[OUTER]] : f32
// CHECK-NEXT: } -> tensor<8x16xf32>
// CHECK-NEXT: return %[[G]] : tensor<8x16xf32>
// CHECK-NOT: attn_tile.yield
func.func @score_and_mask(%s: tensor<8x16xf32>, %b: index, %h0: index, %i0: index,
                          %j0: index, %nq: index, %n: index, %bias: tensor<?x?xf32>) -> tensor<8x16xf32> {
  %t = attn_tile.transform_scores %s at(%b, %h0, %i0, %j0) queries %nq keys %n {gqa_pack = 4 : i64}
      : tensor<8x16xf32>
    score_mod {
    ^bb0(%x: f32, %rb: index, %h: index, %i: index, %j: index):
      %e = tensor.extract %bias[%h, %j] : tensor<?x?xf32>
      %y = arith.addf %x, %e : f32
      %ii = arith.index_cast %i : index to i32
      %if = arith.sitofp %ii : i32 to f32
      %z = arith.addf %y, %if : f32
      attn_tile.yield %z : f32
    } mask_mod {
    ^bb0(%rb: index, %h: index, %i: index, %j: index):
      %c = arith.cmpi ule, %j, %i : index
      %o = arith.cmpi ne, %rb, %h : index
      %v = arith.andi %c, %o : i1
      attn_tile.yield %v : i1
    }
  return %t : tensor<8x16xf32>
}

// -----

// No regions: only the key bound remains (rows past the request are never
// stored, so their scores need no bound); the score passes through.
// CHECK-LABEL: func.func @bounds_only
// CHECK-SAME: (%[[S:[^:]*]]: tensor<4x32xf32>, %{{[^:]*}}: index, %[[H0:[^:]*]]: index, %[[I0:[^:]*]]: index, %[[J0:[^:]*]]: index, %[[NQ:[^:]*]]: index, %[[N:[^:]*]]: index)
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel"]} ins(%[[S]] : tensor<4x32xf32>)
// CHECK-NEXT: ^bb0(%[[IN:[^:]*]]: f32, %{{[^:]*}}: f32):
// CHECK-NEXT: %[[R:.*]] = linalg.index 0 : index
// CHECK-NEXT: %[[C:.*]] = linalg.index 1 : index
// CHECK: %[[J:.*]] = arith.addi %[[J0]], %[[C]] : index
// CHECK-NEXT: %[[NEGINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK-NEXT: %[[KIN:.*]] = arith.cmpi ult, %[[J]], %[[N]] : index
// CHECK-NEXT: %[[OUTER:.*]] = scf.if %[[KIN]] -> (f32) {
// CHECK-NEXT: scf.yield %[[IN]] : f32
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %[[NEGINF]] : f32
// CHECK-NEXT: }
// CHECK-NEXT: linalg.yield %[[OUTER]] : f32
// CHECK-NEXT: } -> tensor<4x32xf32>
// CHECK-NOT: scf.if
func.func @bounds_only(%s: tensor<4x32xf32>, %b: index, %h0: index, %i0: index,
                       %j0: index, %nq: index, %n: index) -> tensor<4x32xf32> {
  %t = attn_tile.transform_scores %s at(%b, %h0, %i0, %j0) queries %nq keys %n {gqa_pack = 1 : i64}
      : tensor<4x32xf32>
  return %t : tensor<4x32xf32>
}

// -----

// keys_in_bounds without regions: nothing to apply, no generic.
// CHECK-LABEL: func.func @whole_block
// CHECK-SAME: (%[[S:[^:]*]]: tensor<4x32xf32>,
// CHECK-NEXT: return %[[S]] : tensor<4x32xf32>
func.func @whole_block(%s: tensor<4x32xf32>, %b: index, %h0: index, %i0: index,
                       %j0: index, %nq: index, %n: index) -> tensor<4x32xf32> {
  %t = attn_tile.transform_scores %s at(%b, %h0, %i0, %j0) queries %nq keys %n {gqa_pack = 1 : i64, keys_in_bounds}
      : tensor<4x32xf32>
  return %t : tensor<4x32xf32>
}

// -----

// keys_in_bounds with a mask_mod: the regions' query bound stays, the key
// bound goes.
// CHECK-LABEL: func.func @whole_block_masked
// CHECK-SAME: (%[[S:[^:]*]]: tensor<4x32xf32>, %{{[^:]*}}: index, %[[H0:[^:]*]]: index, %[[I0:[^:]*]]: index, %[[J0:[^:]*]]: index, %[[NQ:[^:]*]]: index, %[[N:[^:]*]]: index)
// CHECK: linalg.generic
// CHECK: %[[I:.*]] = arith.addi %[[I0]], %{{.*}} : index
// CHECK: %[[NEGINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK-NEXT: %[[QIN:.*]] = arith.cmpi ult, %[[I]], %[[NQ]] : index
// CHECK-NEXT: %[[OUTER:.*]] = scf.if %[[QIN]] -> (f32) {
// CHECK-NOT: %[[N]]
// CHECK: linalg.yield
func.func @whole_block_masked(%s: tensor<4x32xf32>, %b: index, %h0: index, %i0: index,
                              %j0: index, %nq: index, %n: index) -> tensor<4x32xf32> {
  %t = attn_tile.transform_scores %s at(%b, %h0, %i0, %j0) queries %nq keys %n {gqa_pack = 1 : i64, keys_in_bounds}
      : tensor<4x32xf32>
    mask_mod {
    ^bb0(%rb: index, %h: index, %i: index, %j: index):
      %c = arith.cmpi ule, %j, %i : index
      attn_tile.yield %c : i1
    }
  return %t : tensor<4x32xf32>
}

// -----

// score_mod alone (gqa_pack = 2): it runs for every element inside the
// request (query i = i0 + r / 2 and key j both in bounds), with no second
// guard.
// CHECK-LABEL: func.func @score_only
// CHECK-SAME: (%[[S:[^:]*]]: tensor<4x32xf32>, %{{[^:]*}}: index, %[[H0:[^:]*]]: index, %[[I0:[^:]*]]: index, %[[J0:[^:]*]]: index, %[[NQ:[^:]*]]: index, %[[N:[^:]*]]: index)
// The region's constant is the same for every score: it is computed once,
// before the generic.
// CHECK-NEXT: %[[HALF:.*]] = arith.constant 5.000000e-01 : f32
// CHECK: linalg.generic
// CHECK-NEXT: ^bb0(%[[IN:[^:]*]]: f32, %{{[^:]*}}: f32):
// CHECK-NEXT: %[[R:.*]] = linalg.index 0 : index
// CHECK-NEXT: %[[C:.*]] = linalg.index 1 : index
// CHECK-NEXT: %[[P1:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[RQ:.*]] = arith.divui %[[R]], %[[P1]] : index
// CHECK-NEXT: %[[I:.*]] = arith.addi %[[I0]], %[[RQ]] : index
// CHECK-NEXT: %[[P2:.*]] = arith.constant 2 : index
// CHECK-NEXT: arith.remui %[[R]], %[[P2]] : index
// CHECK: %[[J:.*]] = arith.addi %[[J0]], %[[C]] : index
// CHECK-NEXT: %[[NEGINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK-NEXT: %[[QIN:.*]] = arith.cmpi ult, %[[I]], %[[NQ]] : index
// CHECK-NEXT: %[[KIN:.*]] = arith.cmpi ult, %[[J]], %[[N]] : index
// CHECK-NEXT: %[[INSIDE:.*]] = arith.andi %[[QIN]], %[[KIN]] : i1
// CHECK-NEXT: %[[OUTER:.*]] = scf.if %[[INSIDE]] -> (f32) {
// CHECK-NEXT: %[[Y:.*]] = arith.mulf %[[IN]], %[[HALF]] : f32
// CHECK-NEXT: scf.yield %[[Y]] : f32
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %[[NEGINF]] : f32
// CHECK-NEXT: }
// CHECK-NEXT: linalg.yield %[[OUTER]] : f32
func.func @score_only(%s: tensor<4x32xf32>, %b: index, %h0: index, %i0: index,
                      %j0: index, %nq: index, %n: index) -> tensor<4x32xf32> {
  %t = attn_tile.transform_scores %s at(%b, %h0, %i0, %j0) queries %nq keys %n {gqa_pack = 2 : i64}
      : tensor<4x32xf32>
    score_mod {
    ^bb0(%x: f32, %rb: index, %h: index, %i: index, %j: index):
      %c = arith.constant 0.5 : f32
      %y = arith.mulf %x, %c : f32
      attn_tile.yield %y : f32
    }
  return %t : tensor<4x32xf32>
}

// -----

// mask_mod alone: visible keys keep their score, hidden ones are -inf; the
// mask runs only for elements inside the request.
// CHECK-LABEL: func.func @mask_only
// CHECK-SAME: (%[[S:[^:]*]]: tensor<2x8xf32>, %{{[^:]*}}: index, %{{[^:]*}}: index, %[[I0:[^:]*]]: index, %[[J0:[^:]*]]: index, %[[NQ:[^:]*]]: index, %[[N:[^:]*]]: index, %[[W:[^:]*]]: index)
// CHECK: linalg.generic
// CHECK-NEXT: ^bb0(%[[IN:[^:]*]]: f32, %{{[^:]*}}: f32):
// CHECK: %[[I:.*]] = arith.addi %[[I0]], %{{.*}} : index
// CHECK: %[[J:.*]] = arith.addi %[[J0]], %{{.*}} : index
// CHECK-NEXT: %[[NEGINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK-NEXT: %[[QIN:.*]] = arith.cmpi ult, %[[I]], %[[NQ]] : index
// CHECK-NEXT: %[[KIN:.*]] = arith.cmpi ult, %[[J]], %[[N]] : index
// CHECK-NEXT: %[[INSIDE:.*]] = arith.andi %[[QIN]], %[[KIN]] : i1
// CHECK-NEXT: %[[OUTER:.*]] = scf.if %[[INSIDE]] -> (f32) {
// CHECK-NEXT: %[[VIS:.*]] = arith.cmpi uge, %[[J]], %[[W]] : index
// CHECK-NEXT: %[[INNER:.*]] = scf.if %[[VIS]] -> (f32) {
// CHECK-NEXT: scf.yield %[[IN]] : f32
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %[[NEGINF]] : f32
// CHECK-NEXT: }
// CHECK-NEXT: scf.yield %[[INNER]] : f32
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %[[NEGINF]] : f32
// CHECK-NEXT: }
// CHECK-NEXT: linalg.yield %[[OUTER]] : f32
func.func @mask_only(%s: tensor<2x8xf32>, %b: index, %h0: index, %i0: index,
                     %j0: index, %nq: index, %n: index, %w: index) -> tensor<2x8xf32> {
  %t = attn_tile.transform_scores %s at(%b, %h0, %i0, %j0) queries %nq keys %n {gqa_pack = 1 : i64}
      : tensor<2x8xf32>
    mask_mod {
    ^bb0(%rb: index, %h: index, %i: index, %j: index):
      %v = arith.cmpi uge, %j, %w : index
      attn_tile.yield %v : i1
    }
  return %t : tensor<2x8xf32>
}

// -----

// Inside a kernel body: every transform_scores is rewritten, the rest of the
// tile IR is left alone. One query per request (queries %c1, the count of
// the query tile), %n keys: without regions only the key bound is checked.
// CHECK-LABEL: func.func @in_kernel
// CHECK-SAME: %[[N:[^:]*]]: index)
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[C1:.*]] = arith.constant 1 : index
// CHECK: attn_tile.kernel
// CHECK: attn_tile.qk
// CHECK-NOT: attn_tile.transform_scores
// CHECK: linalg.generic
// CHECK: %[[KIN:.*]] = arith.cmpi ult, %{{.*}}, %[[N]] : index
// CHECK-NEXT: scf.if %[[KIN]] -> (f32) {
// CHECK: attn_tile.online_softmax
func.func @in_kernel(%q: memref<?x2x8xf32>, %k: memref<?x1x8xf32>, %v: memref<?x1x8xf32>,
                     %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  attn_tile.kernel grid(%c1, %c1, %c1, %c1)
      attributes {block_m = 4 : i64, block_n = 4 : i64, gqa_pack = 2 : i64} {
  ^bb0(%b: index, %g: index, %qb: index, %split: index):
    %qt = attn_tile.load_q %q[%c0, %c0] count %c1 {gqa_pack = 2 : i64}
        : memref<?x2x8xf32> -> tensor<4x8xf32>
    %kt = attn_tile.load_kv <rows> %k[%c0, %c0, %c0] count %n
        : memref<?x1x8xf32> -> tensor<4x8xf32>
    %vt = attn_tile.load_kv <rows> %v[%c0, %c0, %c0] count %n
        : memref<?x1x8xf32> -> tensor<4x8xf32>
    %s = attn_tile.qk %qt, %kt {scale = 1.0 : f32}
        : tensor<4x8xf32>, tensor<4x8xf32> -> tensor<4x4xf32>
    %t = attn_tile.transform_scores %s at(%b, %c0, %c0, %c0) queries %c1 keys %n {gqa_pack = 2 : i64}
        : tensor<4x4xf32>
    %m0, %l0, %a0 = attn_tile.softmax_init : tensor<4xf32>, tensor<4xf32>, tensor<4x8xf32>
    %m, %l, %a = attn_tile.online_softmax %t, %vt, %m0, %l0, %a0 <softmax>
        : tensor<4x4xf32>, tensor<4x8xf32>, tensor<4x8xf32> -> tensor<4xf32>, tensor<4xf32>
  }
  return
}

// -----

// Values that are the same for every score of a work item leave the
// regions, and the KV loop: the request's Sk_b - Sq_b read from cu_seqlens
// (through the region's request argument, which is the op's request) and a
// reduction over the batch are computed once, before the KV loop; what reads
// the query, key or head index stays in the generic.
// CHECK-LABEL: func.func @uniform_hoisted
// CHECK-SAME: %[[CU:[^:]*]]: tensor<?xi32>)
// CHECK: attn_tile.kernel
// CHECK-NEXT: ^bb0(%[[B:[^:]*]]: index,
// CHECK: attn_tile.softmax_init
// CHECK: %[[LONGEST:.*]] = scf.for
// CHECK: arith.maxsi
// CHECK: scf.yield
// CHECK-NEXT: }
// CHECK-NEXT: %[[NF:.*]] = arith.sitofp %[[LONGEST]] : i32 to f32
// CHECK: %[[B1:.*]] = arith.addi %[[B]], %{{.*}} : index
// CHECK-NEXT: %[[END:.*]] = tensor.extract %[[CU]][%[[B1]]] : tensor<?xi32>
// CHECK-NEXT: %[[BEGIN:.*]] = tensor.extract %[[CU]][%[[B]]] : tensor<?xi32>
// CHECK-NEXT: %[[LEN:.*]] = arith.subi %[[END]], %[[BEGIN]] : i32
// CHECK-NEXT: scf.for
// CHECK-NOT: tensor.extract %[[CU]]
// CHECK: linalg.generic
// CHECK-NOT: tensor.extract %[[CU]]
// CHECK-NOT: scf.for
// CHECK: arith.index_cast %{{.*}} : index to i32
// CHECK-NEXT: arith.cmpi sle, %{{.*}}, %[[LEN]] : i32
// CHECK: arith.divf %{{.*}}, %[[NF]] : f32
// CHECK: linalg.yield
// CHECK: attn_tile.online_softmax
func.func @uniform_hoisted(%q: memref<?x1x8xf32>, %k: memref<?x1x8xf32>,
                           %v: memref<?x1x8xf32>, %n: index,
                           %cu: tensor<?xi32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  attn_tile.kernel grid(%c2, %c1, %c1, %c1)
      attributes {block_m = 4 : i64, block_n = 4 : i64, gqa_pack = 1 : i64} {
  ^bb0(%b: index, %g: index, %qb: index, %split: index):
    %qt = attn_tile.load_q %q[%c0, %c0] count %c1 {gqa_pack = 1 : i64}
        : memref<?x1x8xf32> -> tensor<4x8xf32>
    %m0, %l0, %a0 = attn_tile.softmax_init : tensor<4xf32>, tensor<4xf32>, tensor<4x8xf32>
    %r:3 = scf.for %nb = %c0 to %c2 step %c1
        iter_args(%m = %m0, %l = %l0, %a = %a0) -> (tensor<4xf32>, tensor<4xf32>, tensor<4x8xf32>) {
      %j0 = arith.muli %nb, %c2 : index
      %kt = attn_tile.load_kv <rows> %k[%c0, %j0, %c0] count %n
          : memref<?x1x8xf32> -> tensor<4x8xf32>
      %vt = attn_tile.load_kv <rows> %v[%c0, %j0, %c0] count %n
          : memref<?x1x8xf32> -> tensor<4x8xf32>
      %s = attn_tile.qk %qt, %kt {scale = 1.0 : f32}
          : tensor<4x8xf32>, tensor<4x8xf32> -> tensor<4x4xf32>
      %t = attn_tile.transform_scores %s at(%b, %c0, %c0, %j0) queries %c1 keys %n {gqa_pack = 1 : i64}
          : tensor<4x4xf32>
        score_mod {
        ^bb0(%x: f32, %rb: index, %h: index, %i: index, %j: index):
          // The longest request of the batch.
          %cz = arith.constant 0 : index
          %co = arith.constant 1 : index
          %nb1 = tensor.dim %cu, %cz : tensor<?xi32>
          %nreq = arith.subi %nb1, %co : index
          %zero = arith.constant 0 : i32
          %longest = scf.for %rr = %cz to %nreq step %co iter_args(%mx = %zero) -> (i32) {
            %rr1 = arith.addi %rr, %co : index
            %e = tensor.extract %cu[%rr1] : tensor<?xi32>
            %st = tensor.extract %cu[%rr] : tensor<?xi32>
            %len = arith.subi %e, %st : i32
            %mx2 = arith.maxsi %mx, %len : i32
            scf.yield %mx2 : i32
          }
          %nf = arith.sitofp %longest : i32 to f32
          %y = arith.divf %x, %nf : f32
          attn_tile.yield %y : f32
        } mask_mod {
        ^bb0(%rb: index, %h: index, %i: index, %j: index):
          // Keys of the request: j <= cu[b + 1] - cu[b].
          %co = arith.constant 1 : index
          %rb1 = arith.addi %rb, %co : index
          %e = tensor.extract %cu[%rb1] : tensor<?xi32>
          %st = tensor.extract %cu[%rb] : tensor<?xi32>
          %len = arith.subi %e, %st : i32
          %ji = arith.index_cast %j : index to i32
          %vis = arith.cmpi sle, %ji, %len : i32
          attn_tile.yield %vis : i1
        }
      %m1, %l1, %a1 = attn_tile.online_softmax %t, %vt, %m, %l, %a <softmax>
          : tensor<4x4xf32>, tensor<4x8xf32>, tensor<4x8xf32> -> tensor<4xf32>, tensor<4xf32>
      scf.yield %m1, %l1, %a1 : tensor<4xf32>, tensor<4xf32>, tensor<4x8xf32>
    }
  }
  return
}
