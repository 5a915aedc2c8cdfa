// The tiled kernels never read outside their operands: attn-run
// --verify-bounds compiles both pipelines with a run-time bounds check on
// every memory access of the lowered kernels (generate-runtime-verification),
// so an out-of-bounds read aborts the run. The cases are those where a tile
// is larger than what it covers: padding query rows with RoPE positions and
// a score_mod reading per-query data (both once read past their buffers),
// partial KV tiles over paged caches, and split-KV workspaces.
//
// Ragged prefill, one request of 3 tokens, 4-position tiles (block-m 4).
// RUN: attn-run %s -e rope --passes='attn-expand-functors,attn-tile{block-m=4}' --verify-bounds --check --tolerance=1e-5 --input 'cu_q=0 3' --input 'cu_k=0 3' --input 'pos=5 6 7' | FileCheck %s
// RUN: attn-run %s -e qbias --passes='attn-expand-functors,attn-tile{block-m=4 block-n=2}' --verify-bounds --check --tolerance=1e-5 --input 'cu_q=0 3' --input 'cu_k=0 3' | FileCheck %s
// Paged decode, page size 16, requests of 17, 0 and 5 keys, 8-key tiles,
// split three ways.
// RUN: attn-run %s -e decode --passes='attn-expand-functors,attn-tile{block-n=8},attn-page-kv,attn-split-kv{splits=3}' --verify-bounds --check --tolerance=1e-5 --input 'kv_indptr=0 2 2 3' --input 'kv_indices=2 0 1' --input 'kv_last_page_len=1 0 5' --dim k_cache.0=3 --dim v_cache.0=3 | FileCheck %s --check-prefix=LSE
// A causal document mask over 23 packed tokens in 4 documents (5, 3, 12
// and 3 tokens): attn-skip-masked-blocks skips other documents' KV blocks
// at run time from the ids' ranges; the reads of `doc` stay in bounds.
// RUN: attn-run %s -e documents --passes='attn-expand-functors,attn-tile{block-m=8 block-n=4},attn-skip-masked-blocks' --verify-bounds --check --tolerance=1e-5 --dim q.1=23 --dim k.1=23 --dim v.1=23 --input 'doc=0 0 0 0 0 1 1 1 2 2 2 2 2 2 2 2 2 2 2 2 3 3 3' | FileCheck %s --check-prefix=LSE
// HSTU, ragged (requests of 3, 0 and 2 tokens) with a [B, H, L, L] bias
// of L = 3, 4-position query tiles and 2-key KV tiles: the bias is read
// only for queries and keys inside their request, and the longest request,
// computed once per work item from cu_seqlens, reads cu_seqlens in bounds.
// RUN: attn-run %s -e hstu --passes='attn-hstu-to-prefill,attn-expand-functors,attn-tile{block-m=4 block-n=2}' --verify-bounds --check --tolerance=1e-5 --input 'cu=0 3 3 5' | FileCheck %s
// CHECK: check out: max_abs_err=
// LSE: check out: max_abs_err=
// LSE: check lse: max_abs_err=

func.func @rope(%q: tensor<3x1x4xf32> {attn.name = "q"}, %k: tensor<3x1x4xf32> {attn.name = "k"},
                %v: tensor<3x1x4xf32> {attn.name = "v"}, %cq: tensor<2xi32> {attn.name = "cu_q"},
                %ck: tensor<2xi32> {attn.name = "cu_k"}, %pos: tensor<3xi64> {attn.name = "pos"})
    -> (tensor<3x1x4xf32> {attn.name = "out"}) {
  %o = attn.prefill q(%q) k(%k) v(%v) cu_seqlens_q(%cq) cu_seqlens_k(%ck) positions(%pos)
      {rope = #attn.rope<theta = 10000.0, dim = 4, style = neox>}
      : (tensor<3x1x4xf32>, tensor<3x1x4xf32>, tensor<3x1x4xf32>, tensor<2xi32>, tensor<2xi32>, tensor<3xi64>) -> tensor<3x1x4xf32>
  return %o : tensor<3x1x4xf32>
}

func.func @qbias(%q: tensor<3x1x4xf32> {attn.name = "q"}, %k: tensor<3x1x4xf32> {attn.name = "k"},
                 %v: tensor<3x1x4xf32> {attn.name = "v"}, %cq: tensor<2xi32> {attn.name = "cu_q"},
                 %ck: tensor<2xi32> {attn.name = "cu_k"}, %bias: tensor<3xf32> {attn.name = "bias"})
    -> (tensor<3x1x4xf32> {attn.name = "out"}) {
  %o = attn.prefill q(%q) k(%k) v(%v) cu_seqlens_q(%cq) cu_seqlens_k(%ck)
      score_mod {
      ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
        %x = tensor.extract %bias[%i] : tensor<3xf32>
        %y = tensor.extract %bias[%j] : tensor<3xf32>
        %r = arith.addf %s, %x : f32
        %t = arith.subf %r, %y : f32
        attn.yield %t : f32
      }
      : (tensor<3x1x4xf32>, tensor<3x1x4xf32>, tensor<3x1x4xf32>, tensor<2xi32>, tensor<2xi32>) -> tensor<3x1x4xf32>
  return %o : tensor<3x1x4xf32>
}

func.func @decode(%q: tensor<3x4x8xf32> {attn.name = "q"}, %kc: tensor<?x16x2x8xf32> {attn.name = "k_cache"},
                  %vc: tensor<?x16x2x8xf32> {attn.name = "v_cache"}, %kp: tensor<4xi32> {attn.name = "kv_indptr"},
                  %ki: tensor<3xi32> {attn.name = "kv_indices"}, %kl: tensor<3xi32> {attn.name = "kv_last_page_len"})
    -> (tensor<3x4x8xf32> {attn.name = "out"}, tensor<3x4xf32> {attn.name = "lse"}) {
  %o, %l = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc) kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<nhd>, window = array<i64: 9, 0>}
    : (tensor<3x4x8xf32>, tensor<?x16x2x8xf32>, tensor<?x16x2x8xf32>, tensor<4xi32>, tensor<3xi32>, tensor<3xi32>)
    -> (tensor<3x4x8xf32>, tensor<3x4xf32>)
  return %o, %l : tensor<3x4x8xf32>, tensor<3x4xf32>
}

func.func @documents(%q: tensor<1x?x2x16xf32> {attn.name = "q"}, %k: tensor<1x?x2x16xf32> {attn.name = "k"},
                     %v: tensor<1x?x2x16xf32> {attn.name = "v"}, %doc: tensor<?xi32> {attn.name = "doc"})
    -> (tensor<1x?x2x16xf32> {attn.name = "out"}, tensor<1x?x2xf32> {attn.name = "lse"}) {
  %o, %l = attn.prefill q(%q) k(%k) v(%v) {causal}
      mask_mod {
      ^bb0(%b: index, %h: index, %i: index, %j: index):
        %di = tensor.extract %doc[%i] : tensor<?xi32>
        %dj = tensor.extract %doc[%j] : tensor<?xi32>
        %same = arith.cmpi eq, %di, %dj : i32
        attn.yield %same : i1
      }
      : (tensor<1x?x2x16xf32>, tensor<1x?x2x16xf32>, tensor<1x?x2x16xf32>) -> (tensor<1x?x2x16xf32>, tensor<1x?x2xf32>)
  return %o, %l : tensor<1x?x2x16xf32>, tensor<1x?x2xf32>
}

func.func @hstu(%q: tensor<5x1x4xf32> {attn.name = "q"}, %k: tensor<5x1x4xf32> {attn.name = "k"},
                %v: tensor<5x1x4xf32> {attn.name = "v"}, %cu: tensor<4xi32> {attn.name = "cu"},
                %rab: tensor<3x1x3x3xf32> {attn.name = "rab"})
    -> (tensor<5x1x4xf32> {attn.name = "out"}) {
  %o = attn.linear_attention q(%q) k(%k) v(%v) cu_seqlens(%cu) bias(%rab)
      {causal, kind = #attn.linear_kind<hstu>}
      : (tensor<5x1x4xf32>, tensor<5x1x4xf32>, tensor<5x1x4xf32>, tensor<4xi32>, tensor<3x1x3x3xf32>) -> tensor<5x1x4xf32>
  return %o : tensor<5x1x4xf32>
}
