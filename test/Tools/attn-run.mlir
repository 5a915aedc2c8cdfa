// attn-run compiles a function, draws seeded random inputs for its free
// dimensions, runs it through the runtime and compares with the reference.
// RUN: attn-run %s --dim q.1=3 --dim k.1=3 --seed 7 --print --check | FileCheck %s
// RUN: not attn-run %s 2>&1 | FileCheck %s --check-prefix=NODIM
// RUN: rm -rf %t && attn-run %s --dim q.1=2 --dim k.1=4 --output-dir %t && test -f %t/out.npy

// With causal masking, query 0 sees only key 0, so both heads' first output
// row equals v[0, 0, 0, :] (printed in the second block below, which is
// `out`); the check against the reference finds no difference.
// CHECK: out: f32 [1, 3, 2, 4]
// CHECK-NEXT: [[V0:.*]] [[V1:.*]] [[V2:.*]] [[V3:.*]] [[V0]] [[V1]] [[V2]] [[V3]]
// CHECK: check out: max_abs_err=0 max_rel_err=0
// NODIM: attn-run: argument 'q' has a free dimension 1: give --dim q.1=N or --input q=FILE.npy
func.func @prefill(%q: tensor<1x?x2x4xf32> {attn.name = "q"},
                   %k: tensor<1x?x1x4xf32> {attn.name = "k"},
                   %v: tensor<1x?x1x4xf32> {attn.name = "v"})
    -> (tensor<1x?x2x4xf32> {attn.name = "out"}) {
  %o = attn.prefill q(%q) k(%k) v(%v) {causal}
    : (tensor<1x?x2x4xf32>, tensor<1x?x1x4xf32>, tensor<1x?x1x4xf32>)
    -> tensor<1x?x2x4xf32>
  return %o : tensor<1x?x2x4xf32>
}
