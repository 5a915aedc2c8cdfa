// Regression: attn.mla_decode's k_descale dequantizes the latent cache both
// as key and as value (the verifier rejects v_descale for this op), so the
// output carries the factor k_descale.
// REQUIRES: mlir-runner
// RUN: attn-opt %s --convert-attn-to-loops \
// RUN:   --one-shot-bufferize="bufferize-function-boundaries" \
// RUN:   --convert-scf-to-cf --expand-strided-metadata --finalize-memref-to-llvm \
// RUN:   --convert-math-to-llvm --convert-to-llvm --reconcile-unrealized-casts \
// RUN: | mlir-runner -e main -entry-point-result=void \
// RUN:   -shared-libs=%mlir_runner_utils,%mlir_c_runner_utils \
// RUN: | FileCheck %s

func.func private @printMemrefF32(memref<*xf32>)

func.func @main() {
  // One request with one key (one page of size 1). The stored latent row is
  // ckv = [1, 2] (exact in f8E4M3FN), k_descale = 2, so the real row is
  // [2, 4]. With a single visible key the softmax weight is 1 and
  // o = real ckv = [2, 4]; the current lowering prints [1, 2].
  // CHECK: {{\[}}{{\[}}[2, 4]]]
  %qn = arith.constant dense<[[[1.0, 0.0]]]> : tensor<1x1x2xf32>
  %qp = arith.constant dense<[[[0.0]]]> : tensor<1x1x1xf32>
  %ckv = arith.constant dense<[[[1.0, 2.0]]]> : tensor<1x1x2xf8E4M3FN>
  %kpe = arith.constant dense<[[[0.0]]]> : tensor<1x1x1xf8E4M3FN>
  %kp = arith.constant dense<[0, 1]> : tensor<2xi32>
  %ki = arith.constant dense<[0]> : tensor<1xi32>
  %kl = arith.constant dense<[1]> : tensor<1xi32>
  %ks = arith.constant dense<2.0> : tensor<f32>
  %o = attn.mla_decode q_nope(%qn) q_pe(%qp) ckv_cache(%ckv) kpe_cache(%kpe)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl) k_descale(%ks)
      {scale = 1.0 : f32}
      : (tensor<1x1x2xf32>, tensor<1x1x1xf32>, tensor<1x1x2xf8E4M3FN>,
         tensor<1x1x1xf8E4M3FN>, tensor<2xi32>, tensor<1xi32>, tensor<1xi32>,
         tensor<f32>) -> tensor<1x1x2xf32>
  %m = bufferization.to_buffer %o : tensor<1x1x2xf32> to memref<1x1x2xf32>
  %u = memref.cast %m : memref<1x1x2xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
