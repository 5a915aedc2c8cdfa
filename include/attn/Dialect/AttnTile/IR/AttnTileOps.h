//===- AttnTileOps.h - Operations of the attn_tile dialect ------*- C++ -*-===//

#ifndef ATTN_DIALECT_ATTNTILE_IR_ATTNTILEOPS_H
#define ATTN_DIALECT_ATTNTILE_IR_ATTNTILEOPS_H

#include "attn/Dialect/Attn/IR/AttnAttrs.h"
#include "attn/Dialect/AttnTile/IR/AttnTileDialect.h"
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "attn/Dialect/AttnTile/IR/AttnTileEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "attn/Dialect/AttnTile/IR/AttnTileAttrs.h.inc"

#define GET_OP_CLASSES
#include "attn/Dialect/AttnTile/IR/AttnTileOps.h.inc"

namespace mlir::attn::tile {
/// The rank of a K/V buffer in `layout`.
int64_t getSourceRank(KVSource layout);
/// The dimension of a K/V buffer in `layout` that holds the page size, or
/// -1 for `rows`.
int64_t getPageSizeDim(KVSource layout);
} // namespace mlir::attn::tile

#endif // ATTN_DIALECT_ATTNTILE_IR_ATTNTILEOPS_H
