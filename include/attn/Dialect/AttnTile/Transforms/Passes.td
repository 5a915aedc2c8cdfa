//===- Passes.td - Transformations of attn_tile ------------*- tablegen -*-===//

#ifndef ATTN_DIALECT_ATTNTILE_TRANSFORMS_PASSES_TD
#define ATTN_DIALECT_ATTNTILE_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def AttnInlineFunctors : Pass<"attn-inline-functors"> {
  let summary = "Inline score_mod/mask_mod regions into the score tile "
                "computation";
  let description = [{
    Every `attn_tile.transform_scores` becomes a `linalg.generic` over its
    `[block_m, block_n]` score tile whose body computes the element's
    request, head, query and key indices (`linalg.index`, the GQA packing
    and the tile offsets) and runs the regions inline:

        s'[r, c] = j < num_keys && mask_mod(b, h, i, j)
                   ? score_mod(s[r, c], b, h, i, j) : -inf

    `mask_mod` and `score_mod` run only for keys inside the request, and
    `score_mod` only for visible ones, so regions that read per-key data
    never read past it. The result is target-neutral: the CPU lowering runs
    the generic as loops, GPU lowerings distribute it over the lanes that
    hold each score.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::tensor::TensorDialect"];
  let statistics = [
    Statistic<"numInlined", "num-inlined", "Number of score tiles inlined">
  ];
}

#endif // ATTN_DIALECT_ATTNTILE_TRANSFORMS_PASSES_TD
