// The variants of issue 5's GPU list that packages/prefill.attnpkg and
// decode_paged.attnpkg do not cover; bench/gpu_check.py runs each against a
// float64 torch reference (gathered pages for the paged ops).

// Varlen (ragged) prefill: bf16, D = 128, GQA 4, causal, with the LSE.
func.func @varlen_causal(%q: tensor<?x8x128xbf16> {attn.name = "q"},
                         %k: tensor<?x2x128xbf16> {attn.name = "k"},
                         %v: tensor<?x2x128xbf16> {attn.name = "v"},
                         %cq: tensor<?xi32> {attn.name = "cu_seqlens_q"},
                         %ck: tensor<?xi32> {attn.name = "cu_seqlens_k"})
    -> (tensor<?x8x128xbf16> {attn.name = "out"},
        tensor<?x8xf32> {attn.name = "lse"}) {
  %o, %lse = attn.prefill q(%q) k(%k) v(%v) cu_seqlens_q(%cq) cu_seqlens_k(%ck)
      {causal}
    : (tensor<?x8x128xbf16>, tensor<?x2x128xbf16>, tensor<?x2x128xbf16>,
       tensor<?xi32>, tensor<?xi32>)
    -> (tensor<?x8x128xbf16>, tensor<?x8xf32>)
  return %o, %lse : tensor<?x8x128xbf16>, tensor<?x8xf32>
}

// Dense prefill: bf16, D = 128, MHA: sliding window [100, 0] (causal with
// 100 keys of history), softcap 30 and ALiBi per query head, with the LSE.
func.func @window_softcap_alibi(%q: tensor<?x?x8x128xbf16> {attn.name = "q"},
                                %k: tensor<?x?x8x128xbf16> {attn.name = "k"},
                                %v: tensor<?x?x8x128xbf16> {attn.name = "v"},
                                %sl: tensor<8xf32> {attn.name = "slopes"})
    -> (tensor<?x?x8x128xbf16> {attn.name = "out"},
        tensor<?x?x8xf32> {attn.name = "lse"}) {
  %o, %lse = attn.prefill q(%q) k(%k) v(%v) alibi_slopes(%sl)
      {softcap = 30.0 : f32, window = array<i64: 100, 0>}
    : (tensor<?x?x8x128xbf16>, tensor<?x?x8x128xbf16>, tensor<?x?x8x128xbf16>,
       tensor<8xf32>)
    -> (tensor<?x?x8x128xbf16>, tensor<?x?x8xf32>)
  return %o, %lse : tensor<?x?x8x128xbf16>, tensor<?x?x8xf32>
}

// Dense prefill: f16, D = 64, GQA 2, a score_mod (a relative-position bias
// of 1/32 per token of distance, FlexAttention's first example) and causal.
func.func @score_mod(%q: tensor<?x?x4x64xf16> {attn.name = "q"},
                     %k: tensor<?x?x2x64xf16> {attn.name = "k"},
                     %v: tensor<?x?x2x64xf16> {attn.name = "v"})
    -> (tensor<?x?x4x64xf16> {attn.name = "out"},
        tensor<?x?x4xf32> {attn.name = "lse"}) {
  %o, %lse = attn.prefill q(%q) k(%k) v(%v) {causal} score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
    %c = arith.constant 0.03125 : f32
    %d = arith.subi %i, %j : index
    %di = arith.index_cast %d : index to i32
    %df = arith.sitofp %di : i32 to f32
    %rel = arith.mulf %df, %c : f32
    %r = arith.subf %s, %rel : f32
    attn.yield %r : f32
  } : (tensor<?x?x4x64xf16>, tensor<?x?x2x64xf16>, tensor<?x?x2x64xf16>)
    -> (tensor<?x?x4x64xf16>, tensor<?x?x4xf32>)
  return %o, %lse : tensor<?x?x4x64xf16>, tensor<?x?x4xf32>
}

// batch_prefill: bf16, NHD, page_size 16, D = 128, GQA 4, causal.
func.func @bprefill_nhd16(%q: tensor<?x8x128xbf16> {attn.name = "q"},
                          %qo: tensor<?xi32> {attn.name = "qo_indptr"},
                          %kc: tensor<?x16x2x128xbf16> {attn.name = "k_cache"},
                          %vc: tensor<?x16x2x128xbf16> {attn.name = "v_cache"},
                          %kp: tensor<?xi32> {attn.name = "kv_indptr"},
                          %ki: tensor<?xi32> {attn.name = "kv_indices"},
                          %kl: tensor<?xi32> {attn.name = "kv_last_page_len"})
    -> (tensor<?x8x128xbf16> {attn.name = "out"},
        tensor<?x8xf32> {attn.name = "lse"}) {
  %o, %lse = attn.batch_prefill q(%q) qo_indptr(%qo) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {causal, layout = #attn.kv_layout<nhd>}
    : (tensor<?x8x128xbf16>, tensor<?xi32>, tensor<?x16x2x128xbf16>,
       tensor<?x16x2x128xbf16>, tensor<?xi32>, tensor<?xi32>, tensor<?xi32>)
    -> (tensor<?x8x128xbf16>, tensor<?x8xf32>)
  return %o, %lse : tensor<?x8x128xbf16>, tensor<?x8xf32>
}

// batch_prefill: f16, HND, page_size 1, D = 64, GQA 8, causal.
func.func @bprefill_hnd1(%q: tensor<?x8x64xf16> {attn.name = "q"},
                         %qo: tensor<?xi32> {attn.name = "qo_indptr"},
                         %kc: tensor<?x1x1x64xf16> {attn.name = "k_cache"},
                         %vc: tensor<?x1x1x64xf16> {attn.name = "v_cache"},
                         %kp: tensor<?xi32> {attn.name = "kv_indptr"},
                         %ki: tensor<?xi32> {attn.name = "kv_indices"},
                         %kl: tensor<?xi32> {attn.name = "kv_last_page_len"})
    -> (tensor<?x8x64xf16> {attn.name = "out"},
        tensor<?x8xf32> {attn.name = "lse"}) {
  %o, %lse = attn.batch_prefill q(%q) qo_indptr(%qo) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {causal, layout = #attn.kv_layout<hnd>}
    : (tensor<?x8x64xf16>, tensor<?xi32>, tensor<?x1x1x64xf16>,
       tensor<?x1x1x64xf16>, tensor<?xi32>, tensor<?xi32>, tensor<?xi32>)
    -> (tensor<?x8x64xf16>, tensor<?x8xf32>)
  return %o, %lse : tensor<?x8x64xf16>, tensor<?x8xf32>
}

// batch_decode: bf16, HND, page_size 1, D = 128, GQA 4, with the LSE.
func.func @decode_hnd1(%q: tensor<?x16x128xbf16> {attn.name = "q"},
                       %kc: tensor<?x4x1x128xbf16> {attn.name = "k_cache"},
                       %vc: tensor<?x4x1x128xbf16> {attn.name = "v_cache"},
                       %kp: tensor<?xi32> {attn.name = "kv_indptr"},
                       %ki: tensor<?xi32> {attn.name = "kv_indices"},
                       %kl: tensor<?xi32> {attn.name = "kv_last_page_len"})
    -> (tensor<?x16x128xbf16> {attn.name = "out"},
        tensor<?x16xf32> {attn.name = "lse"}) {
  %o, %lse = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<hnd>}
    : (tensor<?x16x128xbf16>, tensor<?x4x1x128xbf16>, tensor<?x4x1x128xbf16>,
       tensor<?xi32>, tensor<?xi32>, tensor<?xi32>)
    -> (tensor<?x16x128xbf16>, tensor<?x16xf32>)
  return %o, %lse : tensor<?x16x128xbf16>, tensor<?x16xf32>
}

// batch_decode: f16, NHD, page_size 16, D = 64, GQA 8, with the LSE.
func.func @decode_f16_d64(%q: tensor<?x16x64xf16> {attn.name = "q"},
                          %kc: tensor<?x16x2x64xf16> {attn.name = "k_cache"},
                          %vc: tensor<?x16x2x64xf16> {attn.name = "v_cache"},
                          %kp: tensor<?xi32> {attn.name = "kv_indptr"},
                          %ki: tensor<?xi32> {attn.name = "kv_indices"},
                          %kl: tensor<?xi32> {attn.name = "kv_last_page_len"})
    -> (tensor<?x16x64xf16> {attn.name = "out"},
        tensor<?x16xf32> {attn.name = "lse"}) {
  %o, %lse = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<nhd>}
    : (tensor<?x16x64xf16>, tensor<?x16x2x64xf16>, tensor<?x16x2x64xf16>,
       tensor<?xi32>, tensor<?xi32>, tensor<?xi32>)
    -> (tensor<?x16x64xf16>, tensor<?x16xf32>)
  return %o, %lse : tensor<?x16x64xf16>, tensor<?x16xf32>
}

// batch_decode: bf16, NHD, page_size 16, D = 256, GQA 4, with the LSE.
func.func @decode_d256(%q: tensor<?x8x256xbf16> {attn.name = "q"},
                       %kc: tensor<?x16x2x256xbf16> {attn.name = "k_cache"},
                       %vc: tensor<?x16x2x256xbf16> {attn.name = "v_cache"},
                       %kp: tensor<?xi32> {attn.name = "kv_indptr"},
                       %ki: tensor<?xi32> {attn.name = "kv_indices"},
                       %kl: tensor<?xi32> {attn.name = "kv_last_page_len"})
    -> (tensor<?x8x256xbf16> {attn.name = "out"},
        tensor<?x8xf32> {attn.name = "lse"}) {
  %o, %lse = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<nhd>}
    : (tensor<?x8x256xbf16>, tensor<?x16x2x256xbf16>, tensor<?x16x2x256xbf16>,
       tensor<?xi32>, tensor<?xi32>, tensor<?xi32>)
    -> (tensor<?x8x256xbf16>, tensor<?x8xf32>)
  return %o, %lse : tensor<?x8x256xbf16>, tensor<?x8xf32>
}

// paged_attention (vLLM): bf16, block_size 16, x = 8, D = 128, GQA 4, with
// the LSE.
func.func @vllm_decode(%q: tensor<?x8x128xbf16> {attn.name = "q"},
                       %kc: tensor<?x2x16x16x8xbf16> {attn.name = "k_cache"},
                       %vc: tensor<?x2x128x16xbf16> {attn.name = "v_cache"},
                       %bt: tensor<?x?xi32> {attn.name = "block_tables"},
                       %cl: tensor<?xi32> {attn.name = "context_lens"})
    -> (tensor<?x8x128xbf16> {attn.name = "out"},
        tensor<?x8xf32> {attn.name = "lse"}) {
  %o, %lse = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc)
      block_tables(%bt) context_lens(%cl)
    : (tensor<?x8x128xbf16>, tensor<?x2x16x16x8xbf16>,
       tensor<?x2x128x16xbf16>, tensor<?x?xi32>, tensor<?xi32>)
    -> (tensor<?x8x128xbf16>, tensor<?x8xf32>)
  return %o, %lse : tensor<?x8x128xbf16>, tensor<?x8xf32>
}

// append_kv, FlashInfer's metadata: bf16, NHD, page_size 16, 8 KV heads,
// D = 128.
func.func @append_nhd(%k: tensor<?x8x128xbf16> {attn.name = "k"},
                      %v: tensor<?x8x128xbf16> {attn.name = "v"},
                      %kc: tensor<?x16x8x128xbf16> {attn.name = "k_cache"},
                      %vc: tensor<?x16x8x128xbf16> {attn.name = "v_cache"},
                      %bi: tensor<?xi32> {attn.name = "batch_indices"},
                      %pos: tensor<?xi32> {attn.name = "positions"},
                      %kp: tensor<?xi32> {attn.name = "kv_indptr"},
                      %ki: tensor<?xi32> {attn.name = "kv_indices"})
    -> (tensor<?x16x8x128xbf16> {attn.name = "k_cache_out"},
        tensor<?x16x8x128xbf16> {attn.name = "v_cache_out"}) {
  %kc2, %vc2 = attn.append_kv k(%k) v(%v) k_cache(%kc) v_cache(%vc)
      batch_indices(%bi) positions(%pos) kv_indptr(%kp) kv_indices(%ki)
      {layout = #attn.kv_layout<nhd>}
    : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<?x16x8x128xbf16>,
       tensor<?x16x8x128xbf16>, tensor<?xi32>, tensor<?xi32>, tensor<?xi32>,
       tensor<?xi32>)
    -> (tensor<?x16x8x128xbf16>, tensor<?x16x8x128xbf16>)
  return %kc2, %vc2 : tensor<?x16x8x128xbf16>, tensor<?x16x8x128xbf16>
}

// append_kv, vLLM's slot_mapping: f16, HND, page_size 1, 4 KV heads,
// D = 64; negative slots skip padding tokens.
func.func @append_slots(%k: tensor<?x4x64xf16> {attn.name = "k"},
                        %v: tensor<?x4x64xf16> {attn.name = "v"},
                        %kc: tensor<?x4x1x64xf16> {attn.name = "k_cache"},
                        %vc: tensor<?x4x1x64xf16> {attn.name = "v_cache"},
                        %slots: tensor<?xi64> {attn.name = "slot_mapping"})
    -> (tensor<?x4x1x64xf16> {attn.name = "k_cache_out"},
        tensor<?x4x1x64xf16> {attn.name = "v_cache_out"}) {
  %kc2, %vc2 = attn.append_kv k(%k) v(%v) k_cache(%kc) v_cache(%vc)
      slot_mapping(%slots) {layout = #attn.kv_layout<hnd>}
    : (tensor<?x4x64xf16>, tensor<?x4x64xf16>, tensor<?x4x1x64xf16>,
       tensor<?x4x1x64xf16>, tensor<?xi64>)
    -> (tensor<?x4x1x64xf16>, tensor<?x4x1x64xf16>)
  return %kc2, %vc2 : tensor<?x4x1x64xf16>, tensor<?x4x1x64xf16>
}
