// RUN: attn-opt %s -split-input-file -verify-diagnostics

// Malformed attn_tile ops: every diagnostic of the dialect's verifiers.

func.func @kernel_block_m(%n: index) {
  // expected-error @+1 {{expects block_m 6 to be a multiple of gqa_pack 4}}
  attn_tile.kernel grid(%n, %n, %n, %n)
      attributes {block_m = 6 : i64, block_n = 32 : i64, gqa_pack = 4 : i64} {
  ^bb0(%b: index, %g: index, %qb: index, %s: index):
  }
  return
}

// -----

func.func @kernel_args(%n: index) {
  // expected-error @+1 {{expects the body to take four index arguments}}
  attn_tile.kernel grid(%n, %n, %n, %n)
      attributes {block_m = 8 : i64, block_n = 32 : i64, gqa_pack = 4 : i64} {
  ^bb0(%b: index, %g: index, %qb: index):
  }
  return
}

// -----

func.func @kernel_zero_block(%n: index) {
  attn_tile.kernel grid(%n, %n, %n, %n)
      // expected-error @+1 {{attribute 'block_n' failed to satisfy constraint}}
      attributes {block_m = 8 : i64, block_n = 0 : i64, gqa_pack = 4 : i64} {
  ^bb0(%b: index, %g: index, %qb: index, %s: index):
  }
  return
}

// -----

func.func @load_q_rank(%q: memref<?x8x2x64xf16>, %n: index) {
  // expected-error @+1 {{expects a token-major [T, H, D] query buffer, got 'memref<?x8x2x64xf16>'}}
  %t = attn_tile.load_q %q[%n, %n] count %n {gqa_pack = 1 : i64}
      : memref<?x8x2x64xf16> -> tensor<16x64xf16>
  return
}

// -----

func.func @load_q_dim(%q: memref<?x8x64xf16>, %n: index) {
  // expected-error @+1 {{expects the tile's 32 channels to match the buffer's head dim 64}}
  %t = attn_tile.load_q %q[%n, %n] count %n {gqa_pack = 1 : i64}
      : memref<?x8x64xf16> -> tensor<16x32xf16>
  return
}

// -----

func.func @load_q_pack(%q: memref<?x8x64xf16>, %n: index) {
  // expected-error @+1 {{expects the tile's 6 rows to be a multiple of gqa_pack 4}}
  %t = attn_tile.load_q %q[%n, %n] count %n {gqa_pack = 4 : i64}
      : memref<?x8x64xf16> -> tensor<6x64xf16>
  return
}

// -----

func.func @load_q_type(%q: memref<?x8x64xf16>, %n: index) {
  // expected-error @+1 {{expects a tile of the buffer's elements or of f32 elements, got 'tensor<16x64xbf16>'}}
  %t = attn_tile.load_q %q[%n, %n] count %n {gqa_pack = 1 : i64}
      : memref<?x8x64xf16> -> tensor<16x64xbf16>
  return
}

// -----

func.func @load_q_descale_type(%q: memref<?x8x64xf8E4M3FN>, %d: memref<f32>, %n: index) {
  // expected-error @+1 {{expects a tile of f32 elements (descaled), got 'tensor<16x64xf8E4M3FN>'}}
  %t = attn_tile.load_q %q[%n, %n] count %n descale %d : memref<f32>
      {gqa_pack = 1 : i64} : memref<?x8x64xf8E4M3FN> -> tensor<16x64xf8E4M3FN>
  return
}

// -----

func.func @load_q_descale_shape(%q: memref<?x8x64xf8E4M3FN>, %d: memref<2x8xf32>, %n: index) {
  // expected-error @+1 {{expects descale to be an f32 buffer of rank 0 or 1, got 'memref<2x8xf32>'}}
  %t = attn_tile.load_q %q[%n, %n] count %n descale %d : memref<2x8xf32>
      {gqa_pack = 1 : i64} : memref<?x8x64xf8E4M3FN> -> tensor<16x64xf32>
  return
}

// -----

func.func @load_kv_rank(%k: memref<?x8x64xf16>, %t: memref<?xi32>, %n: index) {
  // expected-error @+1 {{expects a rank-4 buffer for the 'nhd' layout, got 'memref<?x8x64xf16>'}}
  %x = attn_tile.load_kv <nhd> %k[%n, %n, %n] count %n table %t : memref<?xi32>
      : memref<?x8x64xf16> -> tensor<16x64xf16>
  return
}

// -----

func.func @load_kv_table(%k: memref<?x16x2x64xf16>, %n: index) {
  // expected-error @+1 {{expects a page table for the 'hnd' layout}}
  %x = attn_tile.load_kv <hnd> %k[%n, %n, %n] count %n
      : memref<?x16x2x64xf16> -> tensor<16x64xf16>
  return
}

// -----

func.func @load_kv_rows_table(%k: memref<?x2x64xf16>, %t: memref<?xi32>, %n: index) {
  // expected-error @+1 {{expects a page table only for paged layouts, not the 'rows' layout}}
  %x = attn_tile.load_kv <rows> %k[%n, %n, %n] count %n table %t : memref<?xi32>
      : memref<?x2x64xf16> -> tensor<16x64xf16>
  return
}

// -----

func.func @load_kv_vllm_dim(%k: memref<?x2x8x16x8xf16>, %t: memref<?xi32>, %n: index) {
  // expected-error @+1 {{expects the tile's 32 channels to match the buffer's head dim 64}}
  %x = attn_tile.load_kv <vllm_key> %k[%n, %n, %n] count %n table %t : memref<?xi32>
      : memref<?x2x8x16x8xf16> -> tensor<16x32xf16>
  return
}

// -----

func.func @rope_type(%t: tensor<16x64xf16>, %n: index) {
  // expected-error @+1 {{expects the result to have f32 elements, got 'tensor<16x64xf16>'}}
  %r = attn_tile.rope %t at %n count %n
      {gqa_pack = 1 : i64, rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>}
      : tensor<16x64xf16> -> tensor<16x64xf16>
  return
}

// -----

func.func @rope_dim(%t: tensor<16x32xf16>, %n: index) {
  // expected-error @+1 {{rotates 64 channels of a tile with 32}}
  %r = attn_tile.rope %t at %n count %n
      {gqa_pack = 1 : i64, rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>}
      : tensor<16x32xf16> -> tensor<16x32xf32>
  return
}

// -----

// rope takes the number of valid rows (`count`) after the offset: the form
// without it no longer parses, and the generic form needs the operand.
func.func @rope_no_count(%t: tensor<16x64xf16>, %n: index) {
  %r = attn_tile.rope %t at %n
      // expected-error @+1 {{custom op 'attn_tile.rope' expected 'count'}}
      {gqa_pack = 1 : i64, rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>}
      : tensor<16x64xf16> -> tensor<16x64xf32>
  return
}

// -----

func.func @rope_generic_no_count(%t: tensor<16x64xf16>, %n: index) {
  // expected-error @+1 {{'attn_tile.rope' op expected 3 or more operands, but found 2}}
  %r = "attn_tile.rope"(%t, %n)
      <{gqa_pack = 1 : i64, rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>}>
      : (tensor<16x64xf16>, index) -> tensor<16x64xf32>
  return
}

// -----

// The third operand is the count, an index (not the positions buffer).
func.func @rope_count_type(%t: tensor<16x64xf16>, %n: index, %p: memref<?xi32>) {
  // expected-error @+1 {{'attn_tile.rope' op operand #2 must be index, but got 'memref<?xi32>'}}
  %r = "attn_tile.rope"(%t, %n, %p)
      <{gqa_pack = 1 : i64, rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>}>
      : (tensor<16x64xf16>, index, memref<?xi32>) -> tensor<16x64xf32>
  return
}

// -----

func.func @concat_shape(%a: tensor<16x64xf16>, %b: tensor<16x8xf16>) {
  // expected-error @+1 {{expects 'tensor<16x64xf16>' and 'tensor<16x8xf16>' to join into a tile of the same rows and the summed channels, got 'tensor<16x64xf16>'}}
  %c = attn_tile.concat %a, %b : tensor<16x64xf16>, tensor<16x8xf16> -> tensor<16x64xf16>
  return
}

// -----

func.func @qk_dim(%q: tensor<16x64xf16>, %k: tensor<32x32xf16>) {
  // expected-error @+1 {{expects query and key tiles of the same head dim, got 64 and 32}}
  %s = attn_tile.qk %q, %k {scale = 1.0 : f32}
      : tensor<16x64xf16>, tensor<32x32xf16> -> tensor<16x32xf32>
  return
}

// -----

func.func @qk_shape(%q: tensor<16x64xf16>, %k: tensor<32x64xf16>) {
  // expected-error @+1 {{expects a 16x32 score tile, got 'tensor<32x16xf32>'}}
  %s = attn_tile.qk %q, %k {scale = 1.0 : f32}
      : tensor<16x64xf16>, tensor<32x64xf16> -> tensor<32x16xf32>
  return
}

// -----

func.func @qk_type(%q: tensor<16x64xf16>, %k: tensor<32x64xf16>) {
  // expected-error @+1 {{expects the result to have f32 elements, got 'tensor<16x32xf16>'}}
  %s = attn_tile.qk %q, %k {scale = 1.0 : f32}
      : tensor<16x64xf16>, tensor<32x64xf16> -> tensor<16x32xf16>
  return
}

// -----

func.func @scores_region(%s: tensor<16x32xf32>, %n: index) {
  // expected-error @+1 {{expects the mask_mod region to take 4 arguments (index x4)}}
  %t = attn_tile.transform_scores %s at(%n, %n, %n, %n) queries %n keys %n
      {gqa_pack = 1 : i64} : tensor<16x32xf32>
    mask_mod {
    ^bb0(%b: index, %h: index, %i: index):
      %v = arith.cmpi sle, %i, %h : index
      attn_tile.yield %v : i1
    }
  return
}

// -----

func.func @scores_yield(%s: tensor<16x32xf32>, %n: index) {
  // expected-error @+1 {{expects the score_mod region to yield one 'f32'}}
  %t = attn_tile.transform_scores %s at(%n, %n, %n, %n) queries %n keys %n
      {gqa_pack = 1 : i64} : tensor<16x32xf32>
    score_mod {
    ^bb0(%x: f32, %b: index, %h: index, %i: index, %j: index):
      %c = arith.cmpi sle, %i, %j : index
      attn_tile.yield %c : i1
    }
  return
}

// -----

// transform_scores bounds the queries as well as the keys: `queries` comes
// first and is required, and the op has seven operands (the score tile,
// b, h, i0, j0, num_queries, num_keys).
func.func @scores_no_queries(%s: tensor<16x32xf32>, %n: index) {
  // expected-error @+1 {{custom op 'attn_tile.transform_scores' expected 'queries'}}
  %t = attn_tile.transform_scores %s at(%n, %n, %n, %n) keys %n
      {gqa_pack = 1 : i64} : tensor<16x32xf32>
  return
}

// -----

func.func @scores_keys_first(%s: tensor<16x32xf32>, %nq: index, %nk: index) {
  // expected-error @+1 {{custom op 'attn_tile.transform_scores' expected 'queries'}}
  %t = attn_tile.transform_scores %s at(%nq, %nq, %nq, %nq) keys %nk queries %nq
      {gqa_pack = 1 : i64} : tensor<16x32xf32>
  return
}

// -----

func.func @scores_generic_six(%s: tensor<16x32xf32>, %n: index) {
  // expected-error @+1 {{'attn_tile.transform_scores' op expected 7 operands, but found 6}}
  %t = "attn_tile.transform_scores"(%s, %n, %n, %n, %n, %n) <{gqa_pack = 1 : i64}> ({}, {})
      : (tensor<16x32xf32>, index, index, index, index, index) -> tensor<16x32xf32>
  return
}

// -----

func.func @scores_queries_type(%s: tensor<16x32xf32>, %n: index, %nq: i32) {
  // expected-error @+1 {{'attn_tile.transform_scores' op operand #5 must be index, but got 'i32'}}
  %t = "attn_tile.transform_scores"(%s, %n, %n, %n, %n, %nq, %n) <{gqa_pack = 1 : i64}> ({}, {})
      : (tensor<16x32xf32>, index, index, index, index, i32, index) -> tensor<16x32xf32>
  return
}

// -----

func.func @init_rows() {
  // expected-error @+1 {{expects an accumulator of 16 rows, got 'tensor<8x64xf32>'}}
  %m, %l, %a = attn_tile.softmax_init : tensor<16xf32>, tensor<16xf32>, tensor<8x64xf32>
  return
}

// -----

func.func @softmax_shapes(%s: tensor<16x32xf32>, %v: tensor<16x64xf16>,
                          %m: tensor<16xf32>, %a: tensor<16x64xf32>) {
  // expected-error @+1 {{expects scores [M, N], values [N, Dv] and an accumulator [M, Dv], got 'tensor<16x32xf32>', 'tensor<16x64xf16>' and 'tensor<16x64xf32>'}}
  %m2, %l2, %a2 = attn_tile.online_softmax %s, %v, %m, %m, %a <softmax>
      : tensor<16x32xf32>, tensor<16x64xf16>, tensor<16x64xf32> -> tensor<16xf32>, tensor<16xf32>
  return
}

// -----

func.func @softmax_sigmoid(%s: tensor<16x32xf32>, %v: tensor<32x64xf16>,
                           %m: tensor<16xf32>, %a: tensor<16x64xf32>) {
  // expected-error @+1 {{does not take the sigmoid normalizer; attn-expand-functors rewrites it to 'none'}}
  %m2, %l2, %a2 = attn_tile.online_softmax %s, %v, %m, %m, %a <sigmoid>
      : tensor<16x32xf32>, tensor<32x64xf16>, tensor<16x64xf32> -> tensor<16xf32>, tensor<16xf32>
  return
}

// -----

func.func @store_out(%a: tensor<16x64xf32>, %m: tensor<16xf32>, %o: memref<?x8x32xf16>, %n: index) {
  // expected-error @+1 {{expects a token-major [T, H, 64] output buffer, got 'memref<?x8x32xf16>'}}
  attn_tile.store %a, %m, %m <softmax> to %o [%n, %n] count %n {gqa_pack = 1 : i64}
      : tensor<16x64xf32>, tensor<16xf32> -> memref<?x8x32xf16>
  return
}

// -----

func.func @store_lse(%a: tensor<16x64xf32>, %m: tensor<16xf32>, %o: memref<?x8x64xf16>,
                     %l: memref<?x8xf32>, %n: index) {
  // expected-error @+1 {{has an LSE only with the softmax normalizer}}
  attn_tile.store %a, %m, %m <none> to %o lse %l : memref<?x8xf32> [%n, %n] count %n
      {gqa_pack = 1 : i64} : tensor<16x64xf32>, tensor<16xf32> -> memref<?x8x64xf16>
  return
}

// -----

func.func @store_lse_type(%a: tensor<16x64xf32>, %m: tensor<16xf32>, %o: memref<?x8x64xf16>,
                          %l: memref<?x8xf16>, %n: index) {
  // expected-error @+1 {{expects a [T, H] f32 LSE buffer, got 'memref<?x8xf16>'}}
  attn_tile.store %a, %m, %m <softmax> to %o lse %l : memref<?x8xf16> [%n, %n] count %n
      {gqa_pack = 1 : i64} : tensor<16x64xf32>, tensor<16xf32> -> memref<?x8x64xf16>
  return
}

// -----

func.func @yield_parent() {
  // expected-error @+1 {{expects parent op to be one of 'attn_tile.kernel, attn_tile.transform_scores'}}
  attn_tile.yield
}

// -----

func.func @gather_rows(%k: memref<?x2x64xf16>, %s: tensor<16xindex>, %n: index) {
  // expected-error @+1 {{gathers from paged layouts only; 'rows' buffers are read with load_kv}}
  %x = attn_tile.gather_kv <rows> %k[%s, %n] count %n
      : memref<?x2x64xf16>, tensor<16xindex> -> tensor<16x64xf16>
  return
}

// -----

func.func @gather_slots(%k: memref<?x16x2x64xf16>, %s: tensor<8xindex>, %n: index) {
  // expected-error @+1 {{expects one slot per tile row, got 'tensor<8xindex>' for 'tensor<16x64xf16>'}}
  %x = attn_tile.gather_kv <nhd> %k[%s, %n] count %n
      : memref<?x16x2x64xf16>, tensor<8xindex> -> tensor<16x64xf16>
  return
}

// -----

func.func @gather_rank(%k: memref<?x16x64xf16>, %s: tensor<16xindex>, %n: index) {
  // expected-error @+1 {{expects a rank-4 buffer for the 'hnd' layout, got 'memref<?x16x64xf16>'}}
  %x = attn_tile.gather_kv <hnd> %k[%s, %n] count %n
      : memref<?x16x64xf16>, tensor<16xindex> -> tensor<16x64xf16>
  return
}

// -----

func.func @page_size(%t: memref<?xi32>, %n: index) {
  // expected-error @+1 {{attribute 'page_size' failed to satisfy constraint}}
  %s = attn_tile.page_slots %t[%n, %n] count %n {page_size = 0 : i64}
      : memref<?xi32> -> tensor<16xindex>
  return
}

// -----

func.func @merge_partials(%po: memref<?x?x8x64xf16>, %pl: memref<?x?x8xf32>, %o: memref<?x8x64xf16>) {
  // expected-error @+1 {{expects f32 partial outputs [S, T, H, Dv], got 'memref<?x?x8x64xf16>'}}
  attn_tile.merge_splits %po, %pl to %o : memref<?x?x8x64xf16>, memref<?x?x8xf32> -> memref<?x8x64xf16>
  return
}

// -----

func.func @merge_shape(%po: memref<?x?x8x64xf32>, %pl: memref<?x?x4xf32>, %o: memref<?x8x64xf16>) {
  // expected-error @+1 {{expects partial results shaped [S] + the output's shape}}
  attn_tile.merge_splits %po, %pl to %o : memref<?x?x8x64xf32>, memref<?x?x4xf32> -> memref<?x8x64xf16>
  return
}
