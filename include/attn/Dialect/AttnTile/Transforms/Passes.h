//===- Passes.h - Transformations of the attn_tile dialect ------*- C++ -*-===//

#ifndef ATTN_DIALECT_ATTNTILE_TRANSFORMS_PASSES_H
#define ATTN_DIALECT_ATTNTILE_TRANSFORMS_PASSES_H

#include "attn/Dialect/AttnTile/IR/AttnTileOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Pass/Pass.h"

namespace mlir::attn::tile {

#define GEN_PASS_DECL
#include "attn/Dialect/AttnTile/Transforms/Passes.h.inc"

/// Replaces `op` by a linalg.generic over its score tile that runs the
/// score_mod and mask_mod regions inline (attn-inline-functors).
Value inlineScoreFunctors(RewriterBase &rewriter, TransformScoresOp op);

#define GEN_PASS_REGISTRATION
#include "attn/Dialect/AttnTile/Transforms/Passes.h.inc"

} // namespace mlir::attn::tile

#endif // ATTN_DIALECT_ATTNTILE_TRANSFORMS_PASSES_H
