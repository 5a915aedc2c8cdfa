// A causal GQA prefill (8 query heads over 2 KV heads, D = 64, bf16) with
// the LSE, lengths dynamic; bench/gpu_check.py checks it against a float64
// torch reference.
func.func @prefill_causal(%q: tensor<?x?x8x64xbf16> {attn.name = "q"},
                          %k: tensor<?x?x2x64xbf16> {attn.name = "k"},
                          %v: tensor<?x?x2x64xbf16> {attn.name = "v"})
    -> (tensor<?x?x8x64xbf16> {attn.name = "out"}, tensor<?x?x8xf32> {attn.name = "lse"}) {
  %o, %l = attn.prefill q(%q) k(%k) v(%v) {causal}
    : (tensor<?x?x8x64xbf16>, tensor<?x?x2x64xbf16>, tensor<?x?x2x64xbf16>)
    -> (tensor<?x?x8x64xbf16>, tensor<?x?x8xf32>)
  return %o, %l : tensor<?x?x8x64xbf16>, tensor<?x?x8xf32>
}
