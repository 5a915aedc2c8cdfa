// Paged-KV attention ops executed on the CPU through attn-run, on caches small
// enough to check by hand. Every cache holds a slot that no request owns,
// filled with large values (k = 9 or v = 99/100) that would show in the
// output if it were read.
// RUN: attn-run %s -e decode_page1 --input 'q=1 0 0 1 1 0 0 0' --input 'k_cache=1 0 9 9 0 1 1 1' --input 'v_cache=1 2 100 100 3 4 5 6' --input 'kv_indptr=0 2 3' --input 'kv_indices=2 0 3' --input 'kv_last_page_len=1 1' --print | FileCheck %s --check-prefix=PAGE1
// RUN: attn-run %s -e decode_nhd --input 'q=1 0 1 0 1 0 1 0' --input 'k_cache=1 0 0 0 0 0 0 0 0 0 0 0 0 0 1 0 0 0 0 0 1 0 0 0' --input 'v_cache=1 0 0 1 99 0 0 99 2 0 0 2 3 0 0 3 4 0 0 4 5 0 0 5' --input 'kv_indptr=0 2 3' --input 'kv_indices=1 0 2' --input 'kv_last_page_len=1 2' --print | FileCheck %s --check-prefix=PAGE2
// RUN: attn-run %s -e decode_hnd --input 'q=1 0 1 0 1 0 1 0' --input 'k_cache=1 0 0 0 0 0 0 0 0 0 0 0 0 0 1 0 0 0 1 0 0 0 0 0' --input 'v_cache=1 0 99 0 0 1 0 99 2 0 3 0 0 2 0 3 4 0 5 0 0 4 0 5' --input 'kv_indptr=0 2 3' --input 'kv_indices=1 0 2' --input 'kv_last_page_len=1 2' --print --check | FileCheck %s --check-prefixes=PAGE2,CHECKED
// RUN: attn-run %s -e prefill --input 'q=0 0 0 0 1 0' --input 'qo_indptr=0 2 3' --input 'k_cache=0 0 0 0 1 0 0 0 0 0 0 0' --input 'v_cache=5 6 99 99 7 8 9 10 1 2 3 4' --input 'kv_indptr=0 2 3' --input 'kv_indices=2 0 1' --input 'kv_last_page_len=1 2' --print | FileCheck %s --check-prefix=PREFILL
// RUN: attn-run %s -e vllm --input 'q=1 0 0 0 0 0 0 1 1 0 0 0 0 0 0 1' --input 'k_cache=0 0 0 0 0 0 0 0 1 0 0 0 0 0 0 1 2 0 0 0 0 3 0 0' --input 'v_cache=6 99 5 99 1 3 2 4 7 99 8 99' --input 'block_tables=1 0 2 0' --input 'context_lens=3 1' --print | FileCheck %s --check-prefix=VLLM

// batch_decode, NHD, page_size 1 (a token-granular table), GQA: 2 query
// heads read the one KV head; scale 1. Pages: k = [1, 0], [9, 9] (unused),
// [0, 1], [1, 1]; v = [1, 2], [100, 100], [3, 4], [5, 6].
// Request 0 owns pages kv_indices[0 .. 2] = [2, 0]: keys K0 = [0, 1],
// K1 = [1, 0], values [3, 4], [1, 2] (Sk = 1 * 1 + 1 = 2). Request 1 owns
// page 3 (Sk = 1).
// Request 0, head 0 (q = [1, 0]): s = [0, 1], o = ([3, 4] + e [1, 2]) / (1 + e)
// = [1, 2] + 2 / (1 + e) = [1.53788, 2.53788], lse = log(1 + e) = 1.31326.
// Head 1 (q = [0, 1]): s = [1, 0], o = [3, 4] - 2 / (1 + e) =
// [2.46212, 3.46212], lse 1.31326.
// Request 1 has one key: o = [5, 6] for both heads, lse = q . [1, 1] = 1 for
// head 0 (q = [1, 0]) and 0 for head 1 (q = [0, 0]).
// PAGE1: out: f32 [2, 2, 2]
// PAGE1-NEXT: 1.53788 2.53788 2.46212 3.46212 5 6 5 6
// PAGE1-NEXT: lse: f32 [2, 2]
// PAGE1-NEXT: 1.31326 1.31326 1 0
func.func @decode_page1(%q: tensor<2x2x2xf32> {attn.name = "q"},
                        %kc: tensor<?x1x1x2xf32> {attn.name = "k_cache"},
                        %vc: tensor<?x1x1x2xf32> {attn.name = "v_cache"},
                        %kp: tensor<3xi32> {attn.name = "kv_indptr"},
                        %ki: tensor<?xi32> {attn.name = "kv_indices"},
                        %kl: tensor<2xi32> {attn.name = "kv_last_page_len"})
    -> (tensor<2x2x2xf32> {attn.name = "out"},
        tensor<2x2xf32> {attn.name = "lse"}) {
  %o, %lse = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<nhd>, scale = 1.0 : f32}
      : (tensor<2x2x2xf32>, tensor<?x1x1x2xf32>, tensor<?x1x1x2xf32>,
         tensor<3xi32>, tensor<?xi32>, tensor<2xi32>)
      -> (tensor<2x2x2xf32>, tensor<2x2xf32>)
  return %o, %lse : tensor<2x2x2xf32>, tensor<2x2xf32>
}

// batch_decode, page_size 2, 2 KV heads (MHA), scale 1, in NHD
// [page, slot, head, d] and in HND [page, head, slot, d]: both runs hold the
// same logical cache, so they print the same result.
// Logical cache, (page, slot): head 0 v = [a, 0], head 1 v = [0, a] with
// a = 1, 99, 2, 3, 4, 5 for (0, 0), (0, 1), (1, 0), (1, 1), (2, 0), (2, 1).
// Every k is [0, 0] except k = [1, 0] at (0, 0) head 0, (1, 1) head 1 and
// (2, 1) head 0. Every query is [1, 0], so a key scores 1 where k = [1, 0].
// Request 0: pages [1, 0], last page 1 of 2 slots used, so Sk = 3: keys
// (1, 0), (1, 1), (0, 0) with a = 2, 3, 1; (0, 1) is not read.
//   head 0: (0, 0) scores 1: o = [(2 + 3 + e) / (2 + e), 0] = [1.63582, 0]
//   head 1: (1, 1) scores 1: o = [0, (2 + 3e + 1) / (2 + e)] = [0, 2.36418]
//   lse = log(2 + e) = 1.55144 for both.
// Request 1: page [2], full (Sk = 2): keys (2, 0), (2, 1), a = 4, 5.
//   head 0: (2, 1) scores 1: o = [(4 + 5e) / (1 + e), 0] = [4.73106, 0],
//   lse = log(1 + e) = 1.31326.
//   head 1: equal scores: o = [0, 4.5], lse = log 2 = 0.693147.
// PAGE2: out: f32 [2, 2, 2]
// PAGE2-NEXT: 1.63582 0 0 2.36418 4.73106 0 0 4.5
// PAGE2-NEXT: lse: f32 [2, 2]
// PAGE2-NEXT: 1.55144 1.55144 1.31326 0.693147
// CHECKED-NEXT: check out: max_abs_err=0 max_rel_err=0
// CHECKED-NEXT: check lse: max_abs_err=0 max_rel_err=0
func.func @decode_nhd(%q: tensor<2x2x2xf32> {attn.name = "q"},
                      %kc: tensor<?x2x2x2xf32> {attn.name = "k_cache"},
                      %vc: tensor<?x2x2x2xf32> {attn.name = "v_cache"},
                      %kp: tensor<3xi32> {attn.name = "kv_indptr"},
                      %ki: tensor<?xi32> {attn.name = "kv_indices"},
                      %kl: tensor<2xi32> {attn.name = "kv_last_page_len"})
    -> (tensor<2x2x2xf32> {attn.name = "out"},
        tensor<2x2xf32> {attn.name = "lse"}) {
  %o, %lse = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<nhd>, scale = 1.0 : f32}
      : (tensor<2x2x2xf32>, tensor<?x2x2x2xf32>, tensor<?x2x2x2xf32>,
         tensor<3xi32>, tensor<?xi32>, tensor<2xi32>)
      -> (tensor<2x2x2xf32>, tensor<2x2xf32>)
  return %o, %lse : tensor<2x2x2xf32>, tensor<2x2xf32>
}

func.func @decode_hnd(%q: tensor<2x2x2xf32> {attn.name = "q"},
                      %kc: tensor<?x2x2x2xf32> {attn.name = "k_cache"},
                      %vc: tensor<?x2x2x2xf32> {attn.name = "v_cache"},
                      %kp: tensor<3xi32> {attn.name = "kv_indptr"},
                      %ki: tensor<?xi32> {attn.name = "kv_indices"},
                      %kl: tensor<2xi32> {attn.name = "kv_last_page_len"})
    -> (tensor<2x2x2xf32> {attn.name = "out"},
        tensor<2x2xf32> {attn.name = "lse"}) {
  %o, %lse = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<hnd>, scale = 1.0 : f32}
      : (tensor<2x2x2xf32>, tensor<?x2x2x2xf32>, tensor<?x2x2x2xf32>,
         tensor<3xi32>, tensor<?xi32>, tensor<2xi32>)
      -> (tensor<2x2x2xf32>, tensor<2x2xf32>)
  return %o, %lse : tensor<2x2x2xf32>, tensor<2x2xf32>
}

// batch_prefill, causal, NHD, page_size 2, one head, scale 1.
// qo_indptr = [0, 2, 3]: request 0 has queries 0-1, request 1 query 2.
// Request 0: pages [2, 0], last page 1 used: Sk = 3, keys v = [1, 2], [3, 4]
// (page 2), [5, 6] (page 0, slot 0). Request 1: page [1], Sk = 2, keys
// k = [1, 0], [0, 0] with v = [7, 8], [9, 10].
// Queries align bottom-right: request 0's queries sit at positions 1 and 2.
// Their q is 0, so every visible key weighs the same:
//   query 0 sees keys 0-1: [2, 3], lse = log 2 = 0.693147;
//   query 1 sees keys 0-2: [3, 4], lse = log 3 = 1.09861.
// Request 1's query (q = [1, 0]) sits at position 1 and sees both keys,
// s = [1, 0]: o = (e [7, 8] + [9, 10]) / (1 + e) = [7, 8] + 2 / (1 + e) =
// [7.53788, 8.53788], lse = log(1 + e) = 1.31326.
// PREFILL: out: f32 [3, 1, 2]
// PREFILL-NEXT: 2 3 3 4 7.53788 8.53788
// PREFILL-NEXT: lse: f32 [3, 1]
// PREFILL-NEXT: 0.693147 1.09861 1.31326
func.func @prefill(%q: tensor<?x1x2xf32> {attn.name = "q"},
                   %qo: tensor<3xi32> {attn.name = "qo_indptr"},
                   %kc: tensor<?x2x1x2xf32> {attn.name = "k_cache"},
                   %vc: tensor<?x2x1x2xf32> {attn.name = "v_cache"},
                   %kp: tensor<3xi32> {attn.name = "kv_indptr"},
                   %ki: tensor<?xi32> {attn.name = "kv_indices"},
                   %kl: tensor<2xi32> {attn.name = "kv_last_page_len"})
    -> (tensor<?x1x2xf32> {attn.name = "out"},
        tensor<?x1xf32> {attn.name = "lse"}) {
  %o, %lse = attn.batch_prefill q(%q) qo_indptr(%qo) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {causal, layout = #attn.kv_layout<nhd>, scale = 1.0 : f32}
      : (tensor<?x1x2xf32>, tensor<3xi32>, tensor<?x2x1x2xf32>,
         tensor<?x2x1x2xf32>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>)
      -> (tensor<?x1x2xf32>, tensor<?x1xf32>)
  return %o, %lse : tensor<?x1x2xf32>, tensor<?x1xf32>
}

// paged_attention (vLLM): k_cache [blocks, Hkv, D / x, block_size, x] with
// D = 4, x = 2, block_size 2 (channel d of slot s at [.., d / 2, s, d % 2]);
// v_cache [blocks, Hkv, Dv, block_size] with Dv = 2. One KV head read by 2
// query heads, q = [1, 0, 0, 0] (head 0) and [0, 0, 0, 1] (head 1); scale 1.
// Keys by (block, slot): (1, 0) k = [1, 0, 0, 0], v = [1, 2];
// (1, 1) k = [0, 0, 0, 1], v = [3, 4]; (0, 0) k = 0, v = [6, 5];
// (2, 0) k = [2, 0, 0, 3], v = [7, 8]; the other slots hold v = 99.
// Sequence 0: block_tables row [1, 0], context_lens 3: keys (1, 0), (1, 1),
// (0, 0).
//   head 0: s = [1, 0, 0], o = (e [1, 2] + [3, 4] + [6, 5]) / (2 + e) =
//   [2.48359, 3.05971]
//   head 1: s = [0, 1, 0], o = ([1, 2] + e [3, 4] + [6, 5]) / (2 + e) =
//   [3.21194, 3.78806]
//   lse = log(2 + e) = 1.55144 for both.
// Sequence 1: row [2, 0], context_lens 1: the one key (2, 0): o = [7, 8];
// lse = q . k = 2 (head 0), 3 (head 1).
// VLLM: out: f32 [2, 2, 2]
// VLLM-NEXT: 2.48359 3.05971 3.21194 3.78806 7 8 7 8
// VLLM-NEXT: lse: f32 [2, 2]
// VLLM-NEXT: 1.55144 1.55144 2 3
func.func @vllm(%q: tensor<2x2x4xf32> {attn.name = "q"},
                %kc: tensor<?x1x2x2x2xf32> {attn.name = "k_cache"},
                %vc: tensor<?x1x2x2xf32> {attn.name = "v_cache"},
                %bt: tensor<2x2xi32> {attn.name = "block_tables"},
                %cl: tensor<2xi32> {attn.name = "context_lens"})
    -> (tensor<2x2x2xf32> {attn.name = "out"},
        tensor<2x2xf32> {attn.name = "lse"}) {
  %o, %lse = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc)
      block_tables(%bt) context_lens(%cl) {scale = 1.0 : f32}
      : (tensor<2x2x4xf32>, tensor<?x1x2x2x2xf32>, tensor<?x1x2x2xf32>,
         tensor<2x2xi32>, tensor<2xi32>)
      -> (tensor<2x2x2xf32>, tensor<2x2xf32>)
  return %o, %lse : tensor<2x2x2xf32>, tensor<2x2xf32>
}
