// A ragged causal prefill over a fused QKV projection (4 query heads sharing
// 2 KV heads, head dim 64), as a serving framework hands it to attn.
func.func @prefill(%qkv: tensor<?x512xf16>, %cu_seqlens: tensor<3xi32>)
    -> (tensor<?x4x64xf16>, tensor<?x4xf32>) {
  %o, %lse = attn.prefill qkv(%qkv) cu_seqlens_q(%cu_seqlens)
      {window = array<i64: 256, 0>, qkv_heads = array<i64: 4, 2>}
      : (tensor<?x512xf16>, tensor<3xi32>) -> (tensor<?x4x64xf16>, tensor<?x4xf32>)
  return %o, %lse : tensor<?x4x64xf16>, tensor<?x4xf32>
}
