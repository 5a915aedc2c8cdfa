//===- Passes.td - attn conversions ------------------------*- tablegen -*-===//

#ifndef ATTN_CONVERSION_PASSES_TD
#define ATTN_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertAttnToLoops : Pass<"convert-attn-to-loops"> {
  let summary = "Reference lowering of attn ops to scf loops over memrefs";
  let description = [{
    The executable semantics of the attn dialect: each op becomes scf loops
    that follow the formulas of docs/design.md line by line, one query row at
    a time in f32 (a max pass, then a weighted-sum pass). Operands are read
    through `bufferization.to_buffer`, results are new allocations returned
    through `bufferization.to_tensor`, so one-shot bufferization finishes the
    job. The tiled lowering is checked against this one.

    Every op of the dialect is lowered: the five attention ops through one
    row emitter (every mask, soft-cap, ALiBi, score_mod/mask_mod, every
    normalizer, LSE, RoPE, q/k/v descale and o_scale, FP8 E4M3 decoded and
    encoded by hand), linear_attention (HSTU, Lightning with its state),
    append_kv (in place on its cache tensors) and merge_states. A fused
    `qkv` must be split first (`attn-split-fused-qkv`).
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::bufferization::BufferizationDialect",
    "::mlir::math::MathDialect", "::mlir::memref::MemRefDialect",
    "::mlir::scf::SCFDialect", "::mlir::tensor::TensorDialect"];
}

#endif // ATTN_CONVERSION_PASSES_TD
