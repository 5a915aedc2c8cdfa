// Dense prefill variants (token-major [B, S, H, D], lengths dynamic) for
// bench/gpu_check.py (against float64 torch references) and
// bench/gpu_bench.py (against torch's SDPA backends and FlexAttention).

func.func @prefill_d64(%q: tensor<?x?x16x64xbf16> {attn.name = "q"}, %k: tensor<?x?x16x64xbf16> {attn.name = "k"},
    %v: tensor<?x?x16x64xbf16> {attn.name = "v"})
    -> (tensor<?x?x16x64xbf16> {attn.name = "out"}, tensor<?x?x16xf32> {attn.name = "lse"}) {
  %o, %l = attn.prefill q(%q) k(%k) v(%v)
    : (tensor<?x?x16x64xbf16>, tensor<?x?x16x64xbf16>, tensor<?x?x16x64xbf16>) -> (tensor<?x?x16x64xbf16>, tensor<?x?x16xf32>)
  return %o, %l : tensor<?x?x16x64xbf16>, tensor<?x?x16xf32>
}

func.func @prefill_d64_causal(%q: tensor<?x?x16x64xbf16> {attn.name = "q"}, %k: tensor<?x?x16x64xbf16> {attn.name = "k"},
    %v: tensor<?x?x16x64xbf16> {attn.name = "v"})
    -> (tensor<?x?x16x64xbf16> {attn.name = "out"}, tensor<?x?x16xf32> {attn.name = "lse"}) {
  %o, %l = attn.prefill q(%q) k(%k) v(%v) {causal}
    : (tensor<?x?x16x64xbf16>, tensor<?x?x16x64xbf16>, tensor<?x?x16x64xbf16>) -> (tensor<?x?x16x64xbf16>, tensor<?x?x16xf32>)
  return %o, %l : tensor<?x?x16x64xbf16>, tensor<?x?x16xf32>
}

func.func @prefill_d128(%q: tensor<?x?x16x128xbf16> {attn.name = "q"}, %k: tensor<?x?x16x128xbf16> {attn.name = "k"},
    %v: tensor<?x?x16x128xbf16> {attn.name = "v"})
    -> (tensor<?x?x16x128xbf16> {attn.name = "out"}, tensor<?x?x16xf32> {attn.name = "lse"}) {
  %o, %l = attn.prefill q(%q) k(%k) v(%v)
    : (tensor<?x?x16x128xbf16>, tensor<?x?x16x128xbf16>, tensor<?x?x16x128xbf16>) -> (tensor<?x?x16x128xbf16>, tensor<?x?x16xf32>)
  return %o, %l : tensor<?x?x16x128xbf16>, tensor<?x?x16xf32>
}

func.func @prefill_d128_causal(%q: tensor<?x?x16x128xbf16> {attn.name = "q"}, %k: tensor<?x?x16x128xbf16> {attn.name = "k"},
    %v: tensor<?x?x16x128xbf16> {attn.name = "v"})
    -> (tensor<?x?x16x128xbf16> {attn.name = "out"}, tensor<?x?x16xf32> {attn.name = "lse"}) {
  %o, %l = attn.prefill q(%q) k(%k) v(%v) {causal}
    : (tensor<?x?x16x128xbf16>, tensor<?x?x16x128xbf16>, tensor<?x?x16x128xbf16>) -> (tensor<?x?x16x128xbf16>, tensor<?x?x16xf32>)
  return %o, %l : tensor<?x?x16x128xbf16>, tensor<?x?x16xf32>
}

func.func @prefill_d256_causal(%q: tensor<?x?x8x256xbf16> {attn.name = "q"}, %k: tensor<?x?x8x256xbf16> {attn.name = "k"},
    %v: tensor<?x?x8x256xbf16> {attn.name = "v"})
    -> (tensor<?x?x8x256xbf16> {attn.name = "out"}, tensor<?x?x8xf32> {attn.name = "lse"}) {
  %o, %l = attn.prefill q(%q) k(%k) v(%v) {causal}
    : (tensor<?x?x8x256xbf16>, tensor<?x?x8x256xbf16>, tensor<?x?x8x256xbf16>) -> (tensor<?x?x8x256xbf16>, tensor<?x?x8xf32>)
  return %o, %l : tensor<?x?x8x256xbf16>, tensor<?x?x8xf32>
}

func.func @prefill_f16_gqa_causal(%q: tensor<?x?x8x128xf16> {attn.name = "q"}, %k: tensor<?x?x2x128xf16> {attn.name = "k"},
    %v: tensor<?x?x2x128xf16> {attn.name = "v"})
    -> (tensor<?x?x8x128xf16> {attn.name = "out"}, tensor<?x?x8xf32> {attn.name = "lse"}) {
  %o, %l = attn.prefill q(%q) k(%k) v(%v) {causal}
    : (tensor<?x?x8x128xf16>, tensor<?x?x2x128xf16>, tensor<?x?x2x128xf16>) -> (tensor<?x?x8x128xf16>, tensor<?x?x8xf32>)
  return %o, %l : tensor<?x?x8x128xf16>, tensor<?x?x8xf32>
}
