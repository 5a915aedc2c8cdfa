//===- AttnTileDialect.h - The attn_tile dialect ----------------*- C++ -*-===//

#ifndef ATTN_DIALECT_ATTNTILE_IR_ATTNTILEDIALECT_H
#define ATTN_DIALECT_ATTNTILE_IR_ATTNTILEDIALECT_H

#include "attn/Dialect/Attn/IR/AttnDialect.h"
#include "mlir/IR/Dialect.h"

#include "attn/Dialect/AttnTile/IR/AttnTileDialect.h.inc"

#endif // ATTN_DIALECT_ATTNTILE_IR_ATTNTILEDIALECT_H
