// Input of ../attn-compile.mlir: a kernel argument that is not a tensor.
func.func @f(%n: i64 {attn.name = "n"}, %b: tensor<4xf32>) -> tensor<4xf32> {
  return %b : tensor<4xf32>
}
