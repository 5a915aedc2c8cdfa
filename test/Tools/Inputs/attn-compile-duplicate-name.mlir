// Input of ../attn-compile.mlir: an argument and a result share attn.name.
func.func @f(%a: tensor<4xf32> {attn.name = "x"}, %b: tensor<4xf32> {attn.name = "y"})
    -> (tensor<4xf32> {attn.name = "x"}) {
  %r = arith.addf %a, %b : tensor<4xf32>
  return %r : tensor<4xf32>
}
