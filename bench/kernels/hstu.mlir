// HSTU linear attention (docs/design.md §3.6), which attn-hstu-to-prefill
// turns into a prefill with a SiLU score_mod and no normalizer, so that it
// runs on the matrix cores; bench/gpu_check.py runs both against a float64
// torch reference.

// Dense, bf16, D = 128, 4 heads, causal, a [B, H, L, L] bf16 relative
// attention bias; N defaults to the sequence length.
func.func @hstu_bias_causal(%q: tensor<?x?x4x128xbf16> {attn.name = "q"},
                            %k: tensor<?x?x4x128xbf16> {attn.name = "k"},
                            %v: tensor<?x?x4x128xbf16> {attn.name = "v"},
                            %rab: tensor<?x4x?x?xbf16> {attn.name = "rab"})
    -> (tensor<?x?x4x128xbf16> {attn.name = "out"}) {
  %o = attn.linear_attention q(%q) k(%k) v(%v) bias(%rab)
      {causal, kind = #attn.linear_kind<hstu>}
    : (tensor<?x?x4x128xbf16>, tensor<?x?x4x128xbf16>, tensor<?x?x4x128xbf16>,
       tensor<?x4x?x?xbf16>) -> tensor<?x?x4x128xbf16>
  return %o : tensor<?x?x4x128xbf16>
}

// Ragged (jagged), f16, D = 64, 2 heads, causal, no bias; N defaults to the
// longest request of the batch, read from cu_seqlens in the kernel.
func.func @hstu_ragged(%q: tensor<?x2x64xf16> {attn.name = "q"},
                       %k: tensor<?x2x64xf16> {attn.name = "k"},
                       %v: tensor<?x2x64xf16> {attn.name = "v"},
                       %cu: tensor<?xi32> {attn.name = "cu_seqlens"})
    -> (tensor<?x2x64xf16> {attn.name = "out"}) {
  %o = attn.linear_attention q(%q) k(%k) v(%v) cu_seqlens(%cu)
      {causal, kind = #attn.linear_kind<hstu>}
    : (tensor<?x2x64xf16>, tensor<?x2x64xf16>, tensor<?x2x64xf16>,
       tensor<?xi32>) -> tensor<?x2x64xf16>
  return %o : tensor<?x2x64xf16>
}
