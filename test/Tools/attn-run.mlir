// attn-run compiles a function, draws seeded random inputs for its free
// dimensions, runs it through the runtime and compares with the reference.
// RUN: attn-run %s --dim q.1=3 --dim k.1=3 --seed 7 --print --check | FileCheck %s
// RUN: not attn-run %s 2>&1 | FileCheck %s --check-prefix=NODIM
// RUN: rm -rf %t && attn-run %s --dim q.1=2 --dim k.1=4 --output-dir %t && test -f %t/out.npy
// Values on the command line; a free dimension follows from their count.
// RUN: attn-run %s --input 'q=1 0 0 0 1 0 0 0, 0 1 0 0 0 1 0 0' --input 'k=1 0 0 0 0 1 0 0' --input 'v=1 2 3 4 5 6 7 8' --print | FileCheck %s --check-prefix=VALUES
// RUN: not attn-run %s --input 'q=1 0 0' --dim k.1=1 2>&1 | FileCheck %s --check-prefix=NOTMULT
// RUN: not attn-run %s --input 'q=1 0 0 0 0 0 0 0' --dim q.1=2 --dim k.1=1 2>&1 | FileCheck %s --check-prefix=COUNT

// With causal masking, query 0 sees only key 0, so both heads' first output
// row equals v[0, 0, 0, :] (printed in the second block below, which is
// `out`); the check against the reference finds no difference.
// CHECK: out: f32 [1, 3, 2, 4]
// CHECK-NEXT: [[V0:.*]] [[V1:.*]] [[V2:.*]] [[V3:.*]] [[V0]] [[V1]] [[V2]] [[V3]]
// CHECK: check out: max_abs_err=0 max_rel_err=0
// Query 0 sees key 0 only; query 1 weighs keys 0 and 1 by e^0 and e^0.5
// (scale 1/sqrt(4)): (1 + 5 e^0.5) / (1 + e^0.5) = 3.4898; both heads alike.
// VALUES: out: f32 [1, 2, 2, 4]
// VALUES-NEXT: 1 2 3 4 1 2 3 4
// VALUES-NEXT: 3.4898{{[0-9]}} 4.4898{{[0-9]}} 5.4898{{[0-9]}} 6.4898{{[0-9]}} 3.4898{{[0-9]}} 4.4898{{[0-9]}} 5.4898{{[0-9]}} 6.4898{{[0-9]}}
// NOTMULT: attn-run: --input q has 3 values, not a multiple of the 8 elements of the argument's other dimensions
// COUNT: attn-run: --input q has 8 values but the argument has 16 elements
// NODIM: attn-run: argument 'q' has a free dimension 1: give --dim q.1=N, --input q=FILE.npy or its values
func.func @prefill(%q: tensor<1x?x2x4xf32> {attn.name = "q"},
                   %k: tensor<1x?x1x4xf32> {attn.name = "k"},
                   %v: tensor<1x?x1x4xf32> {attn.name = "v"})
    -> (tensor<1x?x2x4xf32> {attn.name = "out"}) {
  %o = attn.prefill q(%q) k(%k) v(%v) {causal}
    : (tensor<1x?x2x4xf32>, tensor<1x?x1x4xf32>, tensor<1x?x1x4xf32>)
    -> tensor<1x?x2x4xf32>
  return %o : tensor<1x?x2x4xf32>
}
