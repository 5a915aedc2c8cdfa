// The reference lowering of attn.prefill, executed on the host with
// mlir-runner. Expected values are worked out by hand in the comments.
// REQUIRES: mlir-runner
// RUN: attn-opt %s --convert-attn-to-loops \
// RUN:   --one-shot-bufferize="bufferize-function-boundaries" \
// RUN:   --convert-scf-to-cf --expand-strided-metadata --finalize-memref-to-llvm \
// RUN:   --convert-math-to-llvm --convert-to-llvm --reconcile-unrealized-casts \
// RUN: | mlir-runner -e main -entry-point-result=void \
// RUN:   -shared-libs=%mlir_runner_utils,%mlir_c_runner_utils \
// RUN: | FileCheck %s

func.func private @printMemrefF32(memref<*xf32>)

func.func @print4(%t: tensor<1x2x1x2xf32>) {
  %m = bufferization.to_buffer %t : tensor<1x2x1x2xf32> to memref<1x2x1x2xf32>
  %u = memref.cast %m : memref<1x2x1x2xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
func.func @print3(%t: tensor<1x2x1xf32>) {
  %m = bufferization.to_buffer %t : tensor<1x2x1xf32> to memref<1x2x1xf32>
  %u = memref.cast %m : memref<1x2x1xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}

func.func @main() {
  // q = k = [[1, 0], [0, 1]], v = [[1, 2], [3, 4]], scale 1.
  %q = arith.constant dense<[[[[1.0, 0.0]], [[0.0, 1.0]]]]> : tensor<1x2x1x2xf32>
  %v = arith.constant dense<[[[[1.0, 2.0]], [[3.0, 4.0]]]]> : tensor<1x2x1x2xf32>

  // Causal. Row 0 sees key 0 only: o = v0, lse = s00 = 1. Row 1 sees s = [0, 1]:
  // p = [1, e] / (1 + e), o = (v0 + e v1) / (1 + e), lse = log(1 + e).
  // CHECK: {{\[}}{{\[}}{{\[}}[1, 2]],
  // CHECK-NEXT: {{\[}}[2.46212, 3.46212]]]]
  // CHECK: {{\[}}{{\[}}[1],
  // CHECK-NEXT: [1.31326]]]
  %o, %lse = attn.prefill q(%q) k(%q) v(%v) {causal, scale = 1.0 : f32}
    : (tensor<1x2x1x2xf32>, tensor<1x2x1x2xf32>, tensor<1x2x1x2xf32>)
    -> (tensor<1x2x1x2xf32>, tensor<1x2x1xf32>)
  call @print4(%o) : (tensor<1x2x1x2xf32>) -> ()
  call @print3(%lse) : (tensor<1x2x1xf32>) -> ()

  // Window (0, 0) and a key that sees nothing: a mask_mod hiding key 0 from
  // row 0 leaves it empty (o = 0, lse = -inf, not NaN); row 1 sees key 1.
  // CHECK: {{\[}}{{\[}}{{\[}}[0, 0]],
  // CHECK-NEXT: {{\[}}[3, 4]]]]
  // CHECK: {{\[}}{{\[}}[-inf],
  // CHECK-NEXT: [1]]]
  %o2, %lse2 = attn.prefill q(%q) k(%q) v(%v) {window = array<i64: 0, 0>, scale = 1.0 : f32}
    mask_mod {
    ^bb0(%b: index, %h: index, %i: index, %j: index):
      %c0 = arith.constant 0 : index
      %ok = arith.cmpi ne, %j, %c0 : index
      attn.yield %ok : i1
    }
    : (tensor<1x2x1x2xf32>, tensor<1x2x1x2xf32>, tensor<1x2x1x2xf32>)
    -> (tensor<1x2x1x2xf32>, tensor<1x2x1xf32>)
  call @print4(%o2) : (tensor<1x2x1x2xf32>) -> ()
  call @print3(%lse2) : (tensor<1x2x1xf32>) -> ()

  // Non-causal with a score_mod that doubles the score, and softcap 1:
  // row 0: capped scores [tanh(1), 0], doubled: [1.523188, 0];
  // p = e^1.523188 / (e^1.523188 + 1) = 0.821005 on key 0, so
  // o0 = p [1, 2] + (1 - p) [3, 4] = [3 - 2p, 4 - 2p] = [1.35799, 2.35799].
  // Row 1 mirrors it: o1 = [1 + 2p, 2 + 2p] = [2.64201, 3.64201].
  // CHECK: {{\[}}{{\[}}{{\[}}[1.35799, 2.35799]],
  // CHECK-NEXT: {{\[}}[2.64201, 3.64201]]]]
  %o3 = attn.prefill q(%q) k(%q) v(%v) {scale = 1.0 : f32, softcap = 1.0 : f32}
    score_mod {
    ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
      %two = arith.constant 2.0 : f32
      %d = arith.mulf %s, %two : f32
      attn.yield %d : f32
    }
    : (tensor<1x2x1x2xf32>, tensor<1x2x1x2xf32>, tensor<1x2x1x2xf32>)
    -> tensor<1x2x1x2xf32>
  call @print4(%o3) : (tensor<1x2x1x2xf32>) -> ()
  return
}
