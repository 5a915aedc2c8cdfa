// Regression: per-head ALiBi slopes ([Hq]) of a ragged attn.prefill do not
// tie the batch size to Hq in the kernel contract: cu_seqlens_q stays free
// and cu_seqlens_k follows it.
// RUN: rm -rf %t
// RUN: attn-compile %s -o %t
// RUN: FileCheck %s < %t/manifest.json

// CHECK: "name": "cu_seqlens_q",
// CHECK-NEXT: "shape": [
// CHECK-NEXT: -1
// CHECK-NEXT: ]
// CHECK: "name": "cu_seqlens_k",
// CHECK-NEXT: "shape": [
// CHECK-NEXT: "cu_seqlens_q.0"
// CHECK-NEXT: ]
// CHECK: "name": "alibi_slopes",
// CHECK-NEXT: "shape": [
// CHECK-NEXT: 4
// CHECK-NEXT: ]
func.func @ragged(%q: tensor<?x4x8xf16> {attn.name = "q"}, %k: tensor<?x2x8xf16> {attn.name = "k"},
                  %v: tensor<?x2x8xf16> {attn.name = "v"}, %cq: tensor<?xi32> {attn.name = "cu_seqlens_q"},
                  %ck: tensor<?xi32> {attn.name = "cu_seqlens_k"}, %sl: tensor<4xf32> {attn.name = "alibi_slopes"})
    -> (tensor<?x4x8xf16> {attn.name = "out"}) {
  %o = attn.prefill q(%q) k(%k) v(%v) cu_seqlens_q(%cq) cu_seqlens_k(%ck) alibi_slopes(%sl) {causal}
    : (tensor<?x4x8xf16>, tensor<?x2x8xf16>, tensor<?x2x8xf16>, tensor<?xi32>, tensor<?xi32>, tensor<4xf32>)
    -> tensor<?x4x8xf16>
  return %o : tensor<?x4x8xf16>
}
