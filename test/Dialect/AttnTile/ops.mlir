// RUN: attn-opt %s | FileCheck %s
// RUN: attn-opt %s | attn-opt | FileCheck %s
// RUN: attn-opt %s --mlir-print-op-generic | attn-opt | FileCheck %s
// RUN: attn-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC

// Round trip of the attn_tile ops of a kernel body (paging-ops.mlir has
// page_slots, gather_kv and merge_splits): a GQA-packed prefill body over a
// token-major query, a paged (NHD) KV source with descales, RoPE, score
// regions, and the store with LSE and o_scale. rope's `count` (the valid
// rows of the query tile, as load_q's) and transform_scores' `queries`
// bound are values distinct from every other operand, so that the round
// trip and the generic form (the GENERIC lines check the operand order:
// offset before count, num_queries before num_keys) pin each to its slot.

// CHECK-LABEL: func.func @kernel
// CHECK-SAME: %[[POS:[^:]*]]: memref<?xi64>, %[[N:[^:]*]]: index, %[[NQ:[^:]*]]: index)
// CHECK-NEXT: %[[C1:.*]] = arith.constant 1 : index
// GENERIC-LABEL: sym_name = "kernel"
// GENERIC-NEXT: ^bb0({{.*}}, %[[POS:[^:]*]]: memref<?xi64>, %[[N:[^:]*]]: index, %[[NQ:[^:]*]]: index):
// GENERIC-NEXT: %[[C1:.*]] = "arith.constant"() <{value = 1 : index}> : () -> index
// GENERIC: ^bb0(%[[B:[^:]*]]: index, %[[G:[^:]*]]: index, %{{[^:]*}}: index, %{{[^:]*}}: index):
// GENERIC-NEXT: %[[QT:.*]] = "attn_tile.load_q"
// GENERIC-NEXT: %{{.*}} = "attn_tile.rope"(%[[QT]], %[[B]], %[[C1]], %[[POS]]) <{gqa_pack = 4 : i64, rope = #attn.rope<theta = 1.000000e+04, dim = 64, style = neox>}> : (tensor<16x64xbf16>, index, index, memref<?xi64>) -> tensor<16x64xf32>
// GENERIC: %[[S:.*]] = "attn_tile.qk"
// GENERIC-NEXT: "attn_tile.transform_scores"(%[[S]], %[[B]], %[[G]], %[[C1]], %[[C1]], %[[NQ]], %[[N]]) <{gqa_pack = 4 : i64}> ({
func.func @kernel(%q: memref<?x8x64xbf16>, %kc: memref<?x16x2x64xbf16>,
                  %vc: memref<?x16x2x64xbf16>, %table: memref<?xi32>,
                  %kd: memref<f32>, %out: memref<?x8x64xbf16>,
                  %lse: memref<?x8xf32>, %os: memref<8xf32>,
                  %pos: memref<?xi64>, %n: index, %nq: index) {
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  // CHECK: attn_tile.kernel grid(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) attributes {block_m = 16 : i64, block_n = 32 : i64, gqa_pack = 4 : i64} {
  // CHECK-NEXT: ^bb0(%[[B:[^:]*]]: index, %[[G:[^:]*]]: index, %[[QB:[^:]*]]: index, %[[SPLIT:[^:]*]]: index):
  attn_tile.kernel grid(%n, %c2, %c1, %c1)
      attributes {block_m = 16 : i64, block_n = 32 : i64, gqa_pack = 4 : i64} {
  ^bb0(%b: index, %g: index, %qb: index, %split: index):
    // CHECK: %[[QT:.*]] = attn_tile.load_q %{{.*}}[%[[B]], %[[G]]] count %[[C1]] {gqa_pack = 4 : i64} : memref<?x8x64xbf16> -> tensor<16x64xbf16>
    %qt = attn_tile.load_q %q[%b, %g] count %c1 {gqa_pack = 4 : i64}
        : memref<?x8x64xbf16> -> tensor<16x64xbf16>
    // CHECK-NEXT: %[[QR:.*]] = attn_tile.rope %[[QT]] at %[[B]] count %[[C1]] positions %[[POS]] : memref<?xi64> {gqa_pack = 4 : i64, rope = #attn.rope<theta = 1.000000e+04, dim = 64, style = neox>} : tensor<16x64xbf16> -> tensor<16x64xf32>
    %qr = attn_tile.rope %qt at %b count %c1 positions %pos : memref<?xi64>
        {gqa_pack = 4 : i64, rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>}
        : tensor<16x64xbf16> -> tensor<16x64xf32>
    // CHECK: attn_tile.load_kv <nhd> %{{.*}}[%{{.*}}, %{{.*}}, %{{.*}}] count %{{.*}} table %{{.*}} : memref<?xi32> descale %{{.*}} : memref<f32> : memref<?x16x2x64xbf16> -> tensor<32x64xf32>
    %kt = attn_tile.load_kv <nhd> %kc[%b, %c1, %g] count %n
        table %table : memref<?xi32> descale %kd : memref<f32>
        : memref<?x16x2x64xbf16> -> tensor<32x64xf32>
    %vt = attn_tile.load_kv <nhd> %vc[%b, %c1, %g] count %n
        table %table : memref<?xi32> : memref<?x16x2x64xbf16> -> tensor<32x64xbf16>
    // CHECK: %[[S:.*]] = attn_tile.qk %[[QR]], %{{.*}} {scale = 1.250000e-01 : f32} : tensor<16x64xf32>, tensor<32x64xf32> -> tensor<16x32xf32>
    %s = attn_tile.qk %qr, %kt {scale = 0.125 : f32}
        : tensor<16x64xf32>, tensor<32x64xf32> -> tensor<16x32xf32>
    // CHECK-NEXT: attn_tile.transform_scores %[[S]] at(%[[B]], %[[G]], %[[C1]], %[[C1]]) queries %[[NQ]] keys %[[N]] {gqa_pack = 4 : i64} : tensor<16x32xf32> score_mod {
    // CHECK: } mask_mod {
    // CHECK: attn_tile.yield %{{.*}} : i1
    %t = attn_tile.transform_scores %s at(%b, %g, %c1, %c1) queries %nq keys %n
        {gqa_pack = 4 : i64} : tensor<16x32xf32>
      score_mod {
      ^bb0(%x: f32, %rb: index, %h: index, %i: index, %j: index):
        %y = arith.mulf %x, %x : f32
        attn_tile.yield %y : f32
      } mask_mod {
      ^bb0(%rb: index, %h: index, %i: index, %j: index):
        %v = arith.cmpi sle, %j, %i : index
        attn_tile.yield %v : i1
      }
    // CHECK: attn_tile.softmax_init : tensor<16xf32>, tensor<16xf32>, tensor<16x64xf32>
    %m0, %l0, %a0 = attn_tile.softmax_init
        : tensor<16xf32>, tensor<16xf32>, tensor<16x64xf32>
    // CHECK: attn_tile.online_softmax %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} <softmax> : tensor<16x32xf32>, tensor<32x64xbf16>, tensor<16x64xf32> -> tensor<16xf32>, tensor<16xf32>
    %m, %l, %a = attn_tile.online_softmax %t, %vt, %m0, %l0, %a0 <softmax>
        : tensor<16x32xf32>, tensor<32x64xbf16>, tensor<16x64xf32>
        -> tensor<16xf32>, tensor<16xf32>
    // CHECK: attn_tile.concat %{{.*}}, %{{.*}} : tensor<16x64xbf16>, tensor<16x64xf32> -> tensor<16x128xf32>
    %c = attn_tile.concat %qt, %qr : tensor<16x64xbf16>, tensor<16x64xf32> -> tensor<16x128xf32>
    // CHECK: attn_tile.store %{{.*}}, %{{.*}}, %{{.*}} <softmax> to %{{.*}} lse %{{.*}} : memref<?x8xf32>[%{{.*}}, %{{.*}}] count %{{.*}} o_scale %{{.*}} : memref<8xf32> {gqa_pack = 4 : i64} : tensor<16x64xf32>, tensor<16xf32> -> memref<?x8x64xbf16>
    attn_tile.store %a, %l, %m <softmax> to %out lse %lse : memref<?x8xf32>
        [%b, %g] count %c1 o_scale %os : memref<8xf32> {gqa_pack = 4 : i64}
        : tensor<16x64xf32>, tensor<16xf32> -> memref<?x8x64xbf16>
  }
  return
}

// rope without positions (a K tile: pack 1, rows past `count` copied) and a
// transform_scores with neither region: the op ends at its type.
// CHECK-LABEL: func.func @no_positions_no_regions
// CHECK-SAME: (%[[K:[^:]*]]: tensor<32x64xbf16>, %[[S:[^:]*]]: tensor<16x32xf32>, %[[B:[^:]*]]: index, %[[H:[^:]*]]: index, %[[I0:[^:]*]]: index, %[[J0:[^:]*]]: index, %[[KN:[^:]*]]: index, %[[NQ:[^:]*]]: index, %[[NK:[^:]*]]: index)
// CHECK-NEXT: %[[KR:.*]] = attn_tile.rope %[[K]] at %[[J0]] count %[[KN]] {gqa_pack = 1 : i64, rope = #attn.rope<theta = 5.000000e+05, dim = 32, style = interleaved>} : tensor<32x64xbf16> -> tensor<32x64xf32>{{$}}
// CHECK-NEXT: %[[T:.*]] = attn_tile.transform_scores %[[S]] at(%[[B]], %[[H]], %[[I0]], %[[J0]]) queries %[[NQ]] keys %[[NK]] {gqa_pack = 2 : i64} : tensor<16x32xf32>{{$}}
// CHECK-NEXT: return %[[KR]], %[[T]] : tensor<32x64xf32>, tensor<16x32xf32>
// GENERIC-LABEL: sym_name = "no_positions_no_regions"
// GENERIC-NEXT: ^bb0(%[[K:[^:]*]]: tensor<32x64xbf16>, %[[S:[^:]*]]: tensor<16x32xf32>, %[[B:[^:]*]]: index, %[[H:[^:]*]]: index, %[[I0:[^:]*]]: index, %[[J0:[^:]*]]: index, %[[KN:[^:]*]]: index, %[[NQ:[^:]*]]: index, %[[NK:[^:]*]]: index):
// GENERIC-NEXT: "attn_tile.rope"(%[[K]], %[[J0]], %[[KN]]) <{{.*}}> : (tensor<32x64xbf16>, index, index) -> tensor<32x64xf32>
// GENERIC-NEXT: "attn_tile.transform_scores"(%[[S]], %[[B]], %[[H]], %[[I0]], %[[J0]], %[[NQ]], %[[NK]]) <{gqa_pack = 2 : i64}> ({
// GENERIC-NEXT: }, {
// GENERIC-NEXT: }) : (tensor<16x32xf32>, index, index, index, index, index, index) -> tensor<16x32xf32>
func.func @no_positions_no_regions(%k: tensor<32x64xbf16>, %s: tensor<16x32xf32>, %b: index,
                                   %h: index, %i0: index, %j0: index, %kn: index, %nq: index,
                                   %nk: index) -> (tensor<32x64xf32>, tensor<16x32xf32>) {
  %kr = attn_tile.rope %k at %j0 count %kn
      {gqa_pack = 1 : i64, rope = #attn.rope<theta = 500000.0, dim = 32, style = interleaved>}
      : tensor<32x64xbf16> -> tensor<32x64xf32>
  %t = attn_tile.transform_scores %s at(%b, %h, %i0, %j0) queries %nq keys %nk
      {gqa_pack = 2 : i64} : tensor<16x32xf32>
  return %kr, %t : tensor<32x64xf32>, tensor<16x32xf32>
}

// keys_in_bounds (the tile's keys are all below num_keys) round-trips as a
// unit attribute.
// CHECK-LABEL: func.func @keys_in_bounds
// CHECK: attn_tile.transform_scores %{{.*}} {gqa_pack = 1 : i64, keys_in_bounds} : tensor<16x32xf32>{{$}}
// GENERIC-LABEL: sym_name = "keys_in_bounds"
// GENERIC: "attn_tile.transform_scores"({{.*}}) <{gqa_pack = 1 : i64, keys_in_bounds}> ({
func.func @keys_in_bounds(%s: tensor<16x32xf32>, %b: index, %h: index, %i0: index, %j0: index,
                          %nq: index, %nk: index) -> tensor<16x32xf32> {
  %t = attn_tile.transform_scores %s at(%b, %h, %i0, %j0) queries %nq keys %nk
      {gqa_pack = 1 : i64, keys_in_bounds} : tensor<16x32xf32>
  return %t : tensor<16x32xf32>
}
