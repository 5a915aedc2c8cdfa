// RUN: attn-opt %s | FileCheck %s
// RUN: attn-opt %s | attn-opt | FileCheck %s
// RUN: attn-opt %s --mlir-print-op-generic | attn-opt | FileCheck %s

// Round trip of every attn_tile op: a GQA-packed prefill body over a
// token-major query, a paged (NHD) KV source with descales, RoPE, score
// regions, and the store with LSE and o_scale.

// CHECK-LABEL: func.func @kernel
func.func @kernel(%q: memref<?x8x64xbf16>, %kc: memref<?x16x2x64xbf16>,
                  %vc: memref<?x16x2x64xbf16>, %table: memref<?xi32>,
                  %kd: memref<f32>, %out: memref<?x8x64xbf16>,
                  %lse: memref<?x8xf32>, %os: memref<8xf32>,
                  %pos: memref<?xi64>, %n: index) {
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  // CHECK: attn_tile.kernel grid(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) attributes {block_m = 16 : i64, block_n = 32 : i64, gqa_pack = 4 : i64} {
  // CHECK-NEXT: ^bb0(%[[B:.*]]: index, %[[G:.*]]: index, %[[QB:.*]]: index, %[[S:.*]]: index):
  attn_tile.kernel grid(%n, %c2, %c1, %c1)
      attributes {block_m = 16 : i64, block_n = 32 : i64, gqa_pack = 4 : i64} {
  ^bb0(%b: index, %g: index, %qb: index, %split: index):
    // CHECK: attn_tile.load_q %{{.*}}[%{{.*}}, %{{.*}}] count %{{.*}} {gqa_pack = 4 : i64} : memref<?x8x64xbf16> -> tensor<16x64xbf16>
    %qt = attn_tile.load_q %q[%b, %g] count %c1 {gqa_pack = 4 : i64}
        : memref<?x8x64xbf16> -> tensor<16x64xbf16>
    // CHECK: attn_tile.rope %{{.*}} at %{{.*}} positions %{{.*}} : memref<?xi64> {gqa_pack = 4 : i64, rope = #attn.rope<theta = 1.000000e+04, dim = 64, style = neox>} : tensor<16x64xbf16> -> tensor<16x64xf32>
    %qr = attn_tile.rope %qt at %b positions %pos : memref<?xi64>
        {gqa_pack = 4 : i64, rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>}
        : tensor<16x64xbf16> -> tensor<16x64xf32>
    // CHECK: attn_tile.load_kv <nhd> %{{.*}}[%{{.*}}, %{{.*}}, %{{.*}}] count %{{.*}} table %{{.*}} : memref<?xi32> descale %{{.*}} : memref<f32> : memref<?x16x2x64xbf16> -> tensor<32x64xf32>
    %kt = attn_tile.load_kv <nhd> %kc[%b, %c1, %g] count %n
        table %table : memref<?xi32> descale %kd : memref<f32>
        : memref<?x16x2x64xbf16> -> tensor<32x64xf32>
    %vt = attn_tile.load_kv <nhd> %vc[%b, %c1, %g] count %n
        table %table : memref<?xi32> : memref<?x16x2x64xbf16> -> tensor<32x64xbf16>
    // CHECK: attn_tile.qk %{{.*}}, %{{.*}} {scale = 1.250000e-01 : f32} : tensor<16x64xf32>, tensor<32x64xf32> -> tensor<16x32xf32>
    %s = attn_tile.qk %qr, %kt {scale = 0.125 : f32}
        : tensor<16x64xf32>, tensor<32x64xf32> -> tensor<16x32xf32>
    // CHECK: attn_tile.transform_scores %{{.*}} at(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) keys %{{.*}} {gqa_pack = 4 : i64} : tensor<16x32xf32> score_mod {
    // CHECK: } mask_mod {
    // CHECK: attn_tile.yield %{{.*}} : i1
    %t = attn_tile.transform_scores %s at(%b, %g, %c1, %c1) keys %n
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
