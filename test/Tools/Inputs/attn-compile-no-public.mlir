// Input of ../attn-compile.mlir: only a private function, nothing to export.
func.func private @helper(%a: tensor<4xf32>) -> tensor<4xf32> {
  return %a : tensor<4xf32>
}
