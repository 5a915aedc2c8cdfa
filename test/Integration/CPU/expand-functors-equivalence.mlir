// attn-expand-functors preserves the semantics: attn-run compiles the IR
// after the pass, runs it on seeded random f32 inputs and compares it with the
// reference lowering of the IR as written (docs/design.md §3.1); --tolerance
// makes any difference above 1e-5 fail the run. Index metadata is given
// inline; float inputs are random.
//
// Dense prefill, GQA, Sq < Sk (chunked prefill), then Sq > Sk (rows with no
// visible key: out 0, lse -inf on both sides).
// RUN: attn-run %s -e prefill_dense --passes='attn-expand-functors' --check --tolerance=1e-5 --seed 1 --dim q.1=5 --dim k.1=9 --dim v.1=9 | FileCheck %s --check-prefix=DENSE
// RUN: attn-run %s -e prefill_dense --passes='attn-expand-functors' --check --tolerance=1e-5 --seed 2 --dim q.1=7 --dim k.1=3 --dim v.1=3 | FileCheck %s --check-prefix=DENSE
// Ragged prefill: requests (Sq, Sk) = (2, 5), (0, 0), (3, 3), (2, 1).
// RUN: attn-run %s -e prefill_ragged --passes='attn-expand-functors' --check --tolerance=1e-5 --seed 3 --input 'cu_seqlens_q=0 2 2 5 7' --input 'cu_seqlens_k=0 5 5 8 9' --dim q.0=7 --dim k.0=9 --dim v.0=9 | FileCheck %s --check-prefix=RAGGED
// User score_mod and mask_mod after the named transforms.
// RUN: attn-run %s -e prefill_user_mods --passes='attn-expand-functors' --check --tolerance=1e-5 --seed 4 --dim q.1=6 --dim k.1=6 --dim v.1=6 | FileCheck %s --check-prefix=USER
// RUN: attn-run %s -e prefill_user_mods --passes='attn-expand-functors' --check --tolerance=1e-5 --seed 5 --dim q.1=4 --dim k.1=7 --dim v.1=7 | FileCheck %s --check-prefix=USER
// batch_prefill, NHD, page_size 4: requests (Sq, Sk) = (3, 10), (2, 4),
// (1, 5) and (2, 0) (no pages: out 0, lse -inf).
// RUN: attn-run %s -e batch_prefill_nhd --passes='attn-expand-functors' --check --tolerance=1e-5 --seed 6 --input 'qo_indptr=0 3 5 6 8' --input 'kv_indptr=0 3 4 6 6' --input 'kv_indices=5 0 2 1 3 4' --input 'kv_last_page_len=2 4 1 0' --dim q.0=8 --dim k_cache.0=6 --dim v_cache.0=6 | FileCheck %s --check-prefix=BPREFILL
// batch_decode, HND, page_size 1 (token-granular): Sk = 3, 1, 3.
// RUN: attn-run %s -e decode_hnd_page1 --passes='attn-expand-functors' --check --tolerance=1e-5 --seed 7 --input 'kv_indptr=0 3 4 7' --input 'kv_indices=6 0 2 1 3 5 4' --input 'kv_last_page_len=1 1 1' --dim k_cache.0=7 --dim v_cache.0=7 | FileCheck %s --check-prefix=DECODE1
// batch_decode, NHD, page_size 2: Sk = 5, 2, 0.
// RUN: attn-run %s -e decode_nhd_page2 --passes='attn-expand-functors' --check --tolerance=1e-5 --seed 8 --input 'kv_indptr=0 3 4 4' --input 'kv_indices=4 0 2 1' --input 'kv_last_page_len=1 2 0' --dim k_cache.0=5 --dim v_cache.0=5 | FileCheck %s --check-prefix=DECODE2
// paged_attention (vLLM), block_size 4, x = 4: context_lens 10 and 5.
// RUN: attn-run %s -e paged_vllm --passes='attn-expand-functors' --check --tolerance=1e-5 --seed 9 --input 'block_tables=3 0 4 2 1 0' --input 'context_lens=10 5' --dim k_cache.0=5 --dim v_cache.0=5 | FileCheck %s --check-prefix=VLLM
// mla_decode, page_size 2: Sk = 5, 4.
// RUN: attn-run %s -e mla --passes='attn-expand-functors' --check --tolerance=1e-5 --seed 10 --input 'kv_indptr=0 3 5' --input 'kv_indices=4 0 2 1 3' --input 'kv_last_page_len=1 2' --dim ckv_cache.0=5 --dim kpe_cache.0=5 | FileCheck %s --check-prefix=MLA
//
// Partial expansion: only the selected transforms move into the regions, the
// others stay named, and the result must not change. Selecting softcap alone
// also moves alibi_slopes, which must follow the cap (a named ALiBi would
// apply before score_mod); this case caught that order bug.
// RUN: attn-run %s -e prefill_dense --passes='attn-expand-functors{functors=softcap}' --check --tolerance=1e-5 --seed 1 --dim q.1=5 --dim k.1=9 --dim v.1=9 | FileCheck %s --check-prefix=PARTIAL
// RUN: attn-run %s -e prefill_dense --passes='attn-expand-functors{functors=alibi,mask}' --check --tolerance=1e-5 --seed 1 --dim q.1=5 --dim k.1=9 --dim v.1=9 | FileCheck %s --check-prefix=PARTIAL
// RUN: attn-run %s -e prefill_user_mods --passes='attn-expand-functors{functors=mask}' --check --tolerance=1e-5 --seed 4 --dim q.1=6 --dim k.1=6 --dim v.1=6 | FileCheck %s --check-prefix=PARTIAL
//
// Per-request slopes [B, Hq] with a dynamic B: the kernel contract is derived
// from the IR as written (B = cu_q.0 - 1), before the pass moves the slopes
// into the regions.
// RUN: attn-run %s -e prefill_dynamic_slopes --passes='attn-expand-functors' --check --tolerance=1e-5 --seed 11 --input 'cu_q=0 2 5' --input 'cu_k=0 4 7' --dim q.0=5 --dim k.0=7 --dim v.0=7 | FileCheck %s --check-prefix=DYNSLOPES
// DYNSLOPES: check out: max_abs_err=0 max_rel_err=0
//
// An unknown functor name is an error of the pipeline; nothing runs.
// RUN: not attn-run %s -e prefill_dense --passes='attn-expand-functors{functors=bogus}' --check --tolerance=1e-5 --seed 1 --dim q.1=5 --dim k.1=9 --dim v.1=9 2>&1 | FileCheck %s --check-prefix=BAD
//
// After the pass no named transform is left on any op (the function and
// argument names below avoid these words).
// RUN: attn-opt %s --attn-expand-functors | FileCheck %s --check-prefix=EXPANDED
// RUN: attn-opt %s --attn-expand-functors | FileCheck %s --check-prefix=REGIONS

// DENSE: check out: max_abs_err={{.*}} max_rel_err={{.*}}
// DENSE-NEXT: check lse: max_abs_err={{.*}} max_rel_err={{.*}}
// RAGGED: check out: max_abs_err={{.*}} max_rel_err={{.*}}
// RAGGED-NEXT: check lse: max_abs_err={{.*}} max_rel_err={{.*}}
// USER: check out: max_abs_err={{.*}} max_rel_err={{.*}}
// USER-NEXT: check lse: max_abs_err={{.*}} max_rel_err={{.*}}
// BPREFILL: check out: max_abs_err={{.*}} max_rel_err={{.*}}
// BPREFILL-NEXT: check lse: max_abs_err={{.*}} max_rel_err={{.*}}
// DECODE1: check out: max_abs_err={{.*}} max_rel_err={{.*}}
// DECODE1-NOT: check lse
// DECODE2: check out: max_abs_err={{.*}} max_rel_err={{.*}}
// DECODE2-NEXT: check lse: max_abs_err={{.*}} max_rel_err={{.*}}
// VLLM: check out: max_abs_err={{.*}} max_rel_err={{.*}}
// VLLM-NEXT: check lse: max_abs_err={{.*}} max_rel_err={{.*}}
// MLA: check out: max_abs_err={{.*}} max_rel_err={{.*}}
// MLA-NEXT: check lse: max_abs_err={{.*}} max_rel_err={{.*}}
// PARTIAL: check out: max_abs_err={{.*}} max_rel_err={{.*}}
// PARTIAL-NEXT: check lse: max_abs_err={{.*}} max_rel_err={{.*}}

// BAD: error: attn-expand-functors: unknown functor 'bogus' (expected softcap, alibi, mask or sigmoid)
// BAD-NOT: check out

// EXPANDED-NOT: softcap
// EXPANDED-NOT: alibi_slopes
// EXPANDED-NOT: causal
// EXPANDED-NOT: window
// EXPANDED-NOT: sigmoid

// REGIONS-LABEL: func.func @prefill_dense
// REGIONS: attn.prefill q(%{{.*}}) k(%{{.*}}) v(%{{.*}}) {scale = 2.000000e+00 : f32} score_mod {
// REGIONS: math.tanh
// REGIONS: tensor.extract
// REGIONS: } mask_mod {
// REGIONS-LABEL: func.func @prefill_ragged
// REGIONS: attn.prefill {{.*}} score_mod {
// REGIONS: } mask_mod {
// REGIONS-LABEL: func.func @prefill_user_mods
// REGIONS: attn.prefill {{.*}} score_mod {
// REGIONS: math.tanh
// REGIONS: } mask_mod {
// REGIONS: arith.remui
// REGIONS-LABEL: func.func @batch_prefill_nhd
// REGIONS: attn.batch_prefill {{.*}} score_mod {
// REGIONS: } mask_mod {
// REGIONS-LABEL: func.func @decode_hnd_page1
// REGIONS: attn.batch_decode {{.*}}normalizer = #attn.normalizer<none>} score_mod {
// REGIONS: math.exp
// REGIONS-LABEL: func.func @decode_nhd_page2
// REGIONS: attn.batch_decode {{.*}} score_mod {
// REGIONS: } mask_mod {
// REGIONS-LABEL: func.func @paged_vllm
// REGIONS: attn.paged_attention {{.*}} score_mod {
// REGIONS-LABEL: func.func @mla
// REGIONS: attn.mla_decode {{.*}}{scale = 2.000000e+00 : f32} score_mod {

// Dense prefill, GQA 4 query heads / 2 KV heads: causal, softcap 1 (scale 2,
// so the cap bites) and ALiBi per query head, with the LSE.
func.func @prefill_dense(%q: tensor<2x?x4x8xf32> {attn.name = "q"},
                         %k: tensor<2x?x2x8xf32> {attn.name = "k"},
                         %v: tensor<2x?x2x8xf32> {attn.name = "v"},
                         %sl: tensor<4xf32> {attn.name = "slopes"})
    -> (tensor<2x?x4x8xf32> {attn.name = "out"},
        tensor<2x?x4xf32> {attn.name = "lse"}) {
  %o, %lse = attn.prefill q(%q) k(%k) v(%v) alibi_slopes(%sl)
      {causal, scale = 2.0 : f32, softcap = 1.0 : f32}
    : (tensor<2x?x4x8xf32>, tensor<2x?x2x8xf32>, tensor<2x?x2x8xf32>,
       tensor<4xf32>)
    -> (tensor<2x?x4x8xf32>, tensor<2x?x4xf32>)
  return %o, %lse : tensor<2x?x4x8xf32>, tensor<2x?x4xf32>
}

// Ragged prefill, GQA 2:1: window [2, 1] and ALiBi per request and head
// [B, Hq]; the per-request lengths come from cu_seqlens_q/k.
func.func @prefill_ragged(%q: tensor<?x2x4xf32> {attn.name = "q"},
                          %k: tensor<?x1x4xf32> {attn.name = "k"},
                          %v: tensor<?x1x4xf32> {attn.name = "v"},
                          %cq: tensor<5xi32> {attn.name = "cu_seqlens_q"},
                          %ck: tensor<5xi32> {attn.name = "cu_seqlens_k"},
                          %sl: tensor<4x2xf32> {attn.name = "slopes"})
    -> (tensor<?x2x4xf32> {attn.name = "out"},
        tensor<?x2xf32> {attn.name = "lse"}) {
  %o, %lse = attn.prefill q(%q) k(%k) v(%v) cu_seqlens_q(%cq) cu_seqlens_k(%ck)
      alibi_slopes(%sl) {window = array<i64: 2, 1>}
    : (tensor<?x2x4xf32>, tensor<?x1x4xf32>, tensor<?x1x4xf32>, tensor<5xi32>,
       tensor<5xi32>, tensor<4x2xf32>)
    -> (tensor<?x2x4xf32>, tensor<?x2xf32>)
  return %o, %lse : tensor<?x2x4xf32>, tensor<?x2xf32>
}

// The user's score_mod (3 s^2 - h, not linear, so it must see the capped and
// ALiBi'd score, not the raw one) and mask_mod ((i + j) mod 3 != 2, which the
// pass must AND with its causal mask), with softcap, ALiBi and causal.
func.func @prefill_user_mods(%q: tensor<1x?x2x4xf32> {attn.name = "q"},
                             %k: tensor<1x?x2x4xf32> {attn.name = "k"},
                             %v: tensor<1x?x2x4xf32> {attn.name = "v"},
                             %sl: tensor<2xf32> {attn.name = "slopes"})
    -> (tensor<1x?x2x4xf32> {attn.name = "out"},
        tensor<1x?x2xf32> {attn.name = "lse"}) {
  %o, %lse = attn.prefill q(%q) k(%k) v(%v) alibi_slopes(%sl)
      {causal, scale = 4.0 : f32, softcap = 0.75 : f32} score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
    %c3 = arith.constant 3.0 : f32
    %sq = arith.mulf %s, %s : f32
    %t = arith.mulf %sq, %c3 : f32
    %hi = arith.index_cast %h : index to i32
    %hf = arith.sitofp %hi : i32 to f32
    %r = arith.subf %t, %hf : f32
    attn.yield %r : f32
  } mask_mod {
  ^bb0(%b: index, %h: index, %i: index, %j: index):
    %c3 = arith.constant 3 : index
    %c2 = arith.constant 2 : index
    %sum = arith.addi %i, %j : index
    %m = arith.remui %sum, %c3 : index
    %vis = arith.cmpi ne, %m, %c2 : index
    attn.yield %vis : i1
  } : (tensor<1x?x2x4xf32>, tensor<1x?x2x4xf32>, tensor<1x?x2x4xf32>,
       tensor<2xf32>)
    -> (tensor<1x?x2x4xf32>, tensor<1x?x2xf32>)
  return %o, %lse : tensor<1x?x2x4xf32>, tensor<1x?x2xf32>
}

// batch_prefill, NHD, page_size 4, GQA 4:2: causal with a left window bound
// of 3, and softcap.
func.func @batch_prefill_nhd(%q: tensor<?x4x8xf32> {attn.name = "q"},
                             %qo: tensor<5xi32> {attn.name = "qo_indptr"},
                             %kc: tensor<?x4x2x8xf32> {attn.name = "k_cache"},
                             %vc: tensor<?x4x2x8xf32> {attn.name = "v_cache"},
                             %kp: tensor<5xi32> {attn.name = "kv_indptr"},
                             %ki: tensor<?xi32> {attn.name = "kv_indices"},
                             %kl: tensor<4xi32> {attn.name = "kv_last_page_len"})
    -> (tensor<?x4x8xf32> {attn.name = "out"},
        tensor<?x4xf32> {attn.name = "lse"}) {
  %o, %lse = attn.batch_prefill q(%q) qo_indptr(%qo) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {causal, layout = #attn.kv_layout<nhd>, softcap = 1.5 : f32,
       window = array<i64: 3, -1>}
    : (tensor<?x4x8xf32>, tensor<5xi32>, tensor<?x4x2x8xf32>,
       tensor<?x4x2x8xf32>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>)
    -> (tensor<?x4x8xf32>, tensor<?x4xf32>)
  return %o, %lse : tensor<?x4x8xf32>, tensor<?x4xf32>
}

// batch_decode, HND, page_size 1: the sigmoid normalizer with bias -0.5 (no
// LSE): the pass appends sigmoid(s + bias) to score_mod and sets the
// normalizer to none.
func.func @decode_hnd_page1(%q: tensor<3x4x8xf32> {attn.name = "q"},
                            %kc: tensor<?x2x1x8xf32> {attn.name = "k_cache"},
                            %vc: tensor<?x2x1x8xf32> {attn.name = "v_cache"},
                            %kp: tensor<4xi32> {attn.name = "kv_indptr"},
                            %ki: tensor<?xi32> {attn.name = "kv_indices"},
                            %kl: tensor<3xi32> {attn.name = "kv_last_page_len"})
    -> (tensor<3x4x8xf32> {attn.name = "out"}) {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<hnd>, normalizer = #attn.normalizer<sigmoid>,
       sigmoid_bias = -0.5 : f32}
    : (tensor<3x4x8xf32>, tensor<?x2x1x8xf32>, tensor<?x2x1x8xf32>,
       tensor<4xi32>, tensor<?xi32>, tensor<3xi32>) -> tensor<3x4x8xf32>
  return %o : tensor<3x4x8xf32>
}

// batch_decode, NHD, page_size 2: ALiBi per query head and a left window
// bound of 2 (the query sits at Sk - 1); the third request has no pages.
func.func @decode_nhd_page2(%q: tensor<3x4x8xf32> {attn.name = "q"},
                            %kc: tensor<?x2x2x8xf32> {attn.name = "k_cache"},
                            %vc: tensor<?x2x2x8xf32> {attn.name = "v_cache"},
                            %kp: tensor<4xi32> {attn.name = "kv_indptr"},
                            %ki: tensor<?xi32> {attn.name = "kv_indices"},
                            %kl: tensor<3xi32> {attn.name = "kv_last_page_len"},
                            %sl: tensor<4xf32> {attn.name = "slopes"})
    -> (tensor<3x4x8xf32> {attn.name = "out"},
        tensor<3x4xf32> {attn.name = "lse"}) {
  %o, %lse = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl) alibi_slopes(%sl)
      {layout = #attn.kv_layout<nhd>, window = array<i64: 2, -1>}
    : (tensor<3x4x8xf32>, tensor<?x2x2x8xf32>, tensor<?x2x2x8xf32>,
       tensor<4xi32>, tensor<?xi32>, tensor<3xi32>, tensor<4xf32>)
    -> (tensor<3x4x8xf32>, tensor<3x4xf32>)
  return %o, %lse : tensor<3x4x8xf32>, tensor<3x4xf32>
}

// paged_attention (vLLM layout: k_cache [blocks, Hkv, D / x, bs, x], v_cache
// [blocks, Hkv, Dv, bs]), GQA 4:2: softcap and ALiBi per sequence and head
// [B, Hq]; Sk comes from context_lens.
func.func @paged_vllm(%q: tensor<2x4x8xf32> {attn.name = "q"},
                      %kc: tensor<?x2x2x4x4xf32> {attn.name = "k_cache"},
                      %vc: tensor<?x2x8x4xf32> {attn.name = "v_cache"},
                      %bt: tensor<2x3xi32> {attn.name = "block_tables"},
                      %cl: tensor<2xi32> {attn.name = "context_lens"},
                      %sl: tensor<2x4xf32> {attn.name = "slopes"})
    -> (tensor<2x4x8xf32> {attn.name = "out"},
        tensor<2x4xf32> {attn.name = "lse"}) {
  %o, %lse = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc)
      block_tables(%bt) context_lens(%cl) alibi_slopes(%sl)
      {softcap = 0.5 : f32}
    : (tensor<2x4x8xf32>, tensor<?x2x2x4x4xf32>, tensor<?x2x8x4xf32>,
       tensor<2x3xi32>, tensor<2xi32>, tensor<2x4xf32>)
    -> (tensor<2x4x8xf32>, tensor<2x4xf32>)
  return %o, %lse : tensor<2x4x8xf32>, tensor<2x4xf32>
}

// mla_decode (Dc = 8, Dr = 2, page_size 2) with softcap; scale is required.
func.func @mla(%qn: tensor<2x4x8xf32> {attn.name = "q_nope"},
               %qp: tensor<2x4x2xf32> {attn.name = "q_pe"},
               %ckv: tensor<?x2x8xf32> {attn.name = "ckv_cache"},
               %kpe: tensor<?x2x2xf32> {attn.name = "kpe_cache"},
               %kp: tensor<3xi32> {attn.name = "kv_indptr"},
               %ki: tensor<?xi32> {attn.name = "kv_indices"},
               %kl: tensor<2xi32> {attn.name = "kv_last_page_len"})
    -> (tensor<2x4x8xf32> {attn.name = "out"},
        tensor<2x4xf32> {attn.name = "lse"}) {
  %o, %lse = attn.mla_decode q_nope(%qn) q_pe(%qp) ckv_cache(%ckv)
      kpe_cache(%kpe) kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {scale = 2.0 : f32, softcap = 0.8 : f32}
    : (tensor<2x4x8xf32>, tensor<2x4x2xf32>, tensor<?x2x8xf32>,
       tensor<?x2x2xf32>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>)
    -> (tensor<2x4x8xf32>, tensor<2x4xf32>)
  return %o, %lse : tensor<2x4x8xf32>, tensor<2x4xf32>
}

func.func @prefill_dynamic_slopes(%q: tensor<?x4x8xf32> {attn.name = "q"},
                                  %k: tensor<?x2x8xf32> {attn.name = "k"},
                                  %v: tensor<?x2x8xf32> {attn.name = "v"},
                                  %cuq: tensor<?xi32> {attn.name = "cu_q"},
                                  %cuk: tensor<?xi32> {attn.name = "cu_k"},
                                  %a: tensor<?x4xf32> {attn.name = "slopes"})
    -> (tensor<?x4x8xf32> {attn.name = "out"}) {
  %o = attn.prefill q(%q) k(%k) v(%v) cu_seqlens_q(%cuq) cu_seqlens_k(%cuk) alibi_slopes(%a)
      {causal}
      : (tensor<?x4x8xf32>, tensor<?x2x8xf32>, tensor<?x2x8xf32>, tensor<?xi32>, tensor<?xi32>,
         tensor<?x4xf32>) -> tensor<?x4x8xf32>
  return %o : tensor<?x4x8xf32>
}
