func.func @bad(%q: tensor<2x6x64xf16>, %kc: tensor<8x16x4x64xf16>,
               %ip: tensor<3xi32>, %ix: tensor<8xi32>, %lp: tensor<2xi32>)
    -> tensor<2x6x64xf16> {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%kc) kv_indptr(%ip)
      kv_indices(%ix) kv_last_page_len(%lp) {layout = #attn.kv_layout<nhd>}
      : (tensor<2x6x64xf16>, tensor<8x16x4x64xf16>, tensor<8x16x4x64xf16>,
         tensor<3xi32>, tensor<8xi32>, tensor<2xi32>) -> tensor<2x6x64xf16>
  return %o : tensor<2x6x64xf16>
}
