// Regression: a kernel whose arguments and results carry no attn.name
// compiles; its out-parameters are named result<i> in the manifest, as
// attn-cpu-kernel-abi records them in attn.result_names.
// RUN: rm -rf %t
// RUN: attn-compile %s -o %t
// RUN: FileCheck %s < %t/manifest.json

// CHECK: "name": "arg0",
// CHECK: "name": "arg1",
// CHECK: "name": "arg2",
// CHECK: "access": "write",
// CHECK-NEXT: "dtype": "f16",
// CHECK-NEXT: "kind": "buffer",
// CHECK-NEXT: "name": "result0",
// CHECK-NEXT: "shape": [
// CHECK-NEXT: 1,
// CHECK-NEXT: 4,
// CHECK-NEXT: 2,
// CHECK-NEXT: 8
// CHECK-NEXT: ]
func.func @prefill(%q: tensor<1x4x2x8xf16>, %k: tensor<1x4x2x8xf16>, %v: tensor<1x4x2x8xf16>)
    -> tensor<1x4x2x8xf16> {
  %o = attn.prefill q(%q) k(%k) v(%v) {causal}
    : (tensor<1x4x2x8xf16>, tensor<1x4x2x8xf16>, tensor<1x4x2x8xf16>) -> tensor<1x4x2x8xf16>
  return %o : tensor<1x4x2x8xf16>
}
