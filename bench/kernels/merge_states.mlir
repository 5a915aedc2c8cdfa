// Three attention states of 4096 tokens x 32 heads x 128 (bf16 values, f32
// LSEs) merged by LSE: attn.merge_states through convert-attn-to-gpu.
// bench/gpu_check.py checks it against a float64 torch reference.
func.func @merge_states(%v0: tensor<?x32x128xbf16> {attn.name = "v0"}, %v1: tensor<?x32x128xbf16> {attn.name = "v1"},
                        %v2: tensor<?x32x128xbf16> {attn.name = "v2"}, %s0: tensor<?x32xf32> {attn.name = "s0"},
                        %s1: tensor<?x32xf32> {attn.name = "s1"}, %s2: tensor<?x32xf32> {attn.name = "s2"})
    -> (tensor<?x32x128xbf16> {attn.name = "out"}, tensor<?x32xf32> {attn.name = "lse"}) {
  %o, %l = attn.merge_states values(%v0, %v1, %v2) lse(%s0, %s1, %s2)
    : (tensor<?x32x128xbf16>, tensor<?x32x128xbf16>, tensor<?x32x128xbf16>,
       tensor<?x32xf32>, tensor<?x32xf32>, tensor<?x32xf32>)
    -> (tensor<?x32x128xbf16>, tensor<?x32xf32>)
  return %o, %l : tensor<?x32x128xbf16>, tensor<?x32xf32>
}
