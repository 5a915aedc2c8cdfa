// HSTU beside the same prefill kernel without the SiLU (none normalizer),
// and attn's softmax prefill, for bench/hstu_bench.py: bf16, 4 heads,
// D = 128, causal.
func.func @hstu_bias(%q: tensor<?x?x4x128xbf16> {attn.name = "q"}, %k: tensor<?x?x4x128xbf16> {attn.name = "k"},
                %v: tensor<?x?x4x128xbf16> {attn.name = "v"}, %rab: tensor<?x4x?x?xbf16> {attn.name = "rab"})
    -> (tensor<?x?x4x128xbf16> {attn.name = "out"}) {
  %o = attn.linear_attention q(%q) k(%k) v(%v) bias(%rab) {causal, kind = #attn.linear_kind<hstu>}
    : (tensor<?x?x4x128xbf16>, tensor<?x?x4x128xbf16>, tensor<?x?x4x128xbf16>, tensor<?x4x?x?xbf16>) -> tensor<?x?x4x128xbf16>
  return %o : tensor<?x?x4x128xbf16>
}
func.func @hstu(%q: tensor<?x?x4x128xbf16> {attn.name = "q"}, %k: tensor<?x?x4x128xbf16> {attn.name = "k"},
                  %v: tensor<?x?x4x128xbf16> {attn.name = "v"})
    -> (tensor<?x?x4x128xbf16> {attn.name = "out"}) {
  %o = attn.linear_attention q(%q) k(%k) v(%v) {causal, kind = #attn.linear_kind<hstu>}
    : (tensor<?x?x4x128xbf16>, tensor<?x?x4x128xbf16>, tensor<?x?x4x128xbf16>) -> tensor<?x?x4x128xbf16>
  return %o : tensor<?x?x4x128xbf16>
}
func.func @prefill_none(%q: tensor<?x?x4x128xbf16> {attn.name = "q"}, %k: tensor<?x?x4x128xbf16> {attn.name = "k"},
                 %v: tensor<?x?x4x128xbf16> {attn.name = "v"})
    -> (tensor<?x?x4x128xbf16> {attn.name = "out"}) {
  %o = attn.prefill q(%q) k(%k) v(%v) {causal, normalizer = #attn.normalizer<none>}
    : (tensor<?x?x4x128xbf16>, tensor<?x?x4x128xbf16>, tensor<?x?x4x128xbf16>) -> tensor<?x?x4x128xbf16>
  return %o : tensor<?x?x4x128xbf16>
}
func.func @prefill_softmax(%q: tensor<?x?x4x128xbf16> {attn.name = "q"}, %k: tensor<?x?x4x128xbf16> {attn.name = "k"},
                 %v: tensor<?x?x4x128xbf16> {attn.name = "v"})
    -> (tensor<?x?x4x128xbf16> {attn.name = "out"}) {
  %o = attn.prefill q(%q) k(%k) v(%v) {causal}
    : (tensor<?x?x4x128xbf16>, tensor<?x?x4x128xbf16>, tensor<?x?x4x128xbf16>) -> tensor<?x?x4x128xbf16>
  return %o : tensor<?x?x4x128xbf16>
}
