// A causal GQA prefill (8 query heads over 2 KV heads, head dim 64) with the
// sequence lengths left dynamic, as attn-compile packages it: arguments and
// results are named for the runtime. Run it with
//   build/bin/attn-run examples/prefill_gqa.mlir --dim q.1=5 --dim k.1=7 --check
func.func @prefill(%q: tensor<1x?x8x64xf32> {attn.name = "q"},
                   %k: tensor<1x?x2x64xf32> {attn.name = "k"},
                   %v: tensor<1x?x2x64xf32> {attn.name = "v"})
    -> (tensor<1x?x8x64xf32> {attn.name = "out"},
        tensor<1x?x8xf32> {attn.name = "lse"}) {
  %o, %lse = attn.prefill q(%q) k(%k) v(%v) {causal, softcap = 30.0 : f32}
    : (tensor<1x?x8x64xf32>, tensor<1x?x2x64xf32>, tensor<1x?x2x64xf32>)
    -> (tensor<1x?x8x64xf32>, tensor<1x?x8xf32>)
  return %o, %lse : tensor<1x?x8x64xf32>, tensor<1x?x8xf32>
}
