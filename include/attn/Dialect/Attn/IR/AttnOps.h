//===- AttnOps.h - Operations of the attn dialect ---------------*- C++ -*-===//

#ifndef ATTN_DIALECT_ATTN_IR_ATTNOPS_H
#define ATTN_DIALECT_ATTN_IR_ATTNOPS_H

#include "attn/Dialect/Attn/IR/AttnAttrs.h"
#include "attn/Dialect/Attn/IR/AttnDialect.h"
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "attn/Dialect/Attn/IR/AttnInterfaces.h.inc"

#define GET_OP_CLASSES
#include "attn/Dialect/Attn/IR/AttnOps.h.inc"

namespace mlir::attn {
/// The dimension of a K (or V) cache in `layout` that holds the page (block)
/// size: NHD [pages, page_size, H, D] -> 1, HND [pages, H, page_size, D] -> 2,
/// vLLM K [blocks, H, D/x, block_size, x] and V [blocks, H, D, block_size]
/// -> 3.
inline int64_t getPageSizeDim(KVLayout layout) {
  switch (layout) {
  case KVLayout::nhd:
    return 1;
  case KVLayout::hnd:
    return 2;
  case KVLayout::vllm:
    return 3;
  }
  return 1;
}

/// Clones the single block of a score_mod/mask_mod region (of an attn op or
/// an attn_tile op) at `b`'s insertion point with its arguments bound to
/// `args`; returns the value its terminator yields.
Value inlineFunctorRegion(OpBuilder &b, Region &region, ValueRange args);
} // namespace mlir::attn

#endif // ATTN_DIALECT_ATTN_IR_ATTNOPS_H
