// A small causal prefill (2 tokens, 1 head, head dim 2) that the demo lowers
// with the reference lowering and runs on the CPU with mlir-runner.
// Expected: out = [[1, 2], [2.46212, 3.46212]], lse = [1, 1.31326].
func.func private @printMemrefF32(memref<*xf32>)

func.func @main() {
  %q = arith.constant dense<[[[[1.0, 0.0]], [[0.0, 1.0]]]]> : tensor<1x2x1x2xf32>
  %v = arith.constant dense<[[[[1.0, 2.0]], [[3.0, 4.0]]]]> : tensor<1x2x1x2xf32>
  %o, %lse = attn.prefill q(%q) k(%q) v(%v) {causal, scale = 1.0 : f32}
    : (tensor<1x2x1x2xf32>, tensor<1x2x1x2xf32>, tensor<1x2x1x2xf32>)
    -> (tensor<1x2x1x2xf32>, tensor<1x2x1xf32>)
  %m = bufferization.to_buffer %o : tensor<1x2x1x2xf32> to memref<1x2x1x2xf32>
  %u = memref.cast %m : memref<1x2x1x2xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %l = bufferization.to_buffer %lse : tensor<1x2x1xf32> to memref<1x2x1xf32>
  %ul = memref.cast %l : memref<1x2x1xf32> to memref<*xf32>
  call @printMemrefF32(%ul) : (memref<*xf32>) -> ()
  return
}
