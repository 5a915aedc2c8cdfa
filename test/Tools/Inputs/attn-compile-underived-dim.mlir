// Input of ../attn-compile.mlir: a dynamic result size no attn op ties to
// the arguments.
func.func @f(%a: tensor<?xf32> {attn.name = "a"}, %n: tensor<2xi64> {attn.name = "n"}) -> tensor<?xf32> {
  %c0 = arith.constant 0 : index
  %x = tensor.extract %n[%c0] : tensor<2xi64>
  %d = arith.index_cast %x : i64 to index
  %e = tensor.empty(%d) : tensor<?xf32>
  return %e : tensor<?xf32>
}
