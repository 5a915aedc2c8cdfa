// bf16 and f8E4M3FN arguments through attn-run: values given on the command
// line are encoded (round to nearest even; f8 saturating), outputs decoded.
// RUN: attn-run %s -e prefill_bf16 --input 'q=1 0 0 1' --input 'k=1 0 0 1' --input 'v=1 2 3 4' --print --check --tolerance=0 | FileCheck %s --check-prefix=BF16
// RUN: attn-run %s -e decode_f8 --input 'q=1 0' --input 'k_cache=0.5 0 0 0.5' --input 'v_cache=1 2 3 4' --input 'kv_indptr=0 2' --input 'kv_indices=0 1' --input 'kv_last_page_len=1' --input 'k_descale=2' --input 'v_descale=0.5' --print --check --tolerance=0 | FileCheck %s --check-prefix=F8

// Query 1 weighs v0 = (1, 2) and v1 = (3, 4) by e^0 and e^1:
// (1 + 3e) / (1 + e) = 2.4621, which bf16 (8 bits of mantissa) rounds to
// 2.46875; 3.4621 to 3.46875. lse stays f32: log(1 + e) = 1.31326.
// BF16: out: bf16 [1, 2, 1, 2]
// BF16-NEXT: 1 2 2.46875 3.46875
// BF16-NEXT: lse: f32 [1, 2, 1]
// BF16-NEXT: 1 1.31326
// BF16: check out: max_abs_err=0 max_rel_err=0
// BF16: check lse: max_abs_err=0 max_rel_err=0
func.func @prefill_bf16(%q: tensor<1x2x1x2xbf16> {attn.name = "q"},
                        %k: tensor<1x2x1x2xbf16> {attn.name = "k"},
                        %v: tensor<1x2x1x2xbf16> {attn.name = "v"})
    -> (tensor<1x2x1x2xbf16> {attn.name = "out"}, tensor<1x2x1xf32> {attn.name = "lse"}) {
  %o, %l = attn.prefill q(%q) k(%k) v(%v) {causal, scale = 1.0 : f32}
    : (tensor<1x2x1x2xbf16>, tensor<1x2x1x2xbf16>, tensor<1x2x1x2xbf16>)
    -> (tensor<1x2x1x2xbf16>, tensor<1x2x1xf32>)
  return %o, %l : tensor<1x2x1x2xbf16>, tensor<1x2x1xf32>
}

// FP8 caches with rank-0 descales: keys 2 * (0.5, 0) and 2 * (0, 0.5) give
// scores 1 and 0; values 0.5 * (1, 2) and 0.5 * (3, 4) weighted by
// e / (1 + e) = 0.731059 and 0.268941: (0.768941, 1.26894).
// F8: out: f32 [1, 1, 2]
// F8-NEXT: 0.768941 1.26894
// F8: check out: max_abs_err=0 max_rel_err=0
func.func @decode_f8(%q: tensor<1x1x2xf32> {attn.name = "q"},
                     %kc: tensor<?x1x1x2xf8E4M3FN> {attn.name = "k_cache"},
                     %vc: tensor<?x1x1x2xf8E4M3FN> {attn.name = "v_cache"},
                     %kp: tensor<2xi32> {attn.name = "kv_indptr"},
                     %ki: tensor<?xi32> {attn.name = "kv_indices"},
                     %kl: tensor<1xi32> {attn.name = "kv_last_page_len"},
                     %ks: tensor<f32> {attn.name = "k_descale"},
                     %vs: tensor<f32> {attn.name = "v_descale"})
    -> (tensor<1x1x2xf32> {attn.name = "out"}) {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc) kv_indptr(%kp) kv_indices(%ki)
      kv_last_page_len(%kl) k_descale(%ks) v_descale(%vs)
      {layout = #attn.kv_layout<nhd>, scale = 1.0 : f32}
    : (tensor<1x1x2xf32>, tensor<?x1x1x2xf8E4M3FN>, tensor<?x1x1x2xf8E4M3FN>, tensor<2xi32>,
       tensor<?xi32>, tensor<1xi32>, tensor<f32>, tensor<f32>) -> tensor<1x1x2xf32>
  return %o : tensor<1x1x2xf32>
}
