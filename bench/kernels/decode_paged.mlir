// A FlashInfer-style paged decode: 32 query heads over 8 KV heads, head dim
// 128, bf16 pages of 16 tokens in NHD layout, with the LSE (for merging with
// another state). bench/gpu_check.py checks it against a float64 torch
// reference over gathered pages.
func.func @decode(%q: tensor<?x32x128xbf16> {attn.name = "q"},
                  %kc: tensor<?x16x8x128xbf16> {attn.name = "k_cache"},
                  %vc: tensor<?x16x8x128xbf16> {attn.name = "v_cache"},
                  %kp: tensor<?xi32> {attn.name = "kv_indptr"},
                  %ki: tensor<?xi32> {attn.name = "kv_indices"},
                  %kl: tensor<?xi32> {attn.name = "kv_last_page_len"})
    -> (tensor<?x32x128xbf16> {attn.name = "out"},
        tensor<?x32xf32> {attn.name = "lse"}) {
  %o, %lse = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<nhd>}
    : (tensor<?x32x128xbf16>, tensor<?x16x8x128xbf16>, tensor<?x16x8x128xbf16>,
       tensor<?xi32>, tensor<?xi32>, tensor<?xi32>)
    -> (tensor<?x32x128xbf16>, tensor<?x32xf32>)
  return %o, %lse : tensor<?x32x128xbf16>, tensor<?x32xf32>
}
