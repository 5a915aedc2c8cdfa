func.func @lightning(%q: tensor<1x8x2x16xf32>, %k: tensor<1x8x2x16xf32>, %v: tensor<1x8x2x16xf32>, %decay: tensor<2xf32>) -> tensor<1x8x2x16xf32> {
  %o = attn.linear_attention q(%q) k(%k) v(%v) decay(%decay) {causal, kind = #attn.linear_kind<lightning>}
    : (tensor<1x8x2x16xf32>, tensor<1x8x2x16xf32>, tensor<1x8x2x16xf32>, tensor<2xf32>) -> tensor<1x8x2x16xf32>
  return %o : tensor<1x8x2x16xf32>
}
