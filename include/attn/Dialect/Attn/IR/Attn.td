//===- Attn.td - attn dialect umbrella ---------------------*- tablegen -*-===//

#ifndef ATTN_DIALECT_ATTN_IR_ATTN_TD
#define ATTN_DIALECT_ATTN_IR_ATTN_TD

include "attn/Dialect/Attn/IR/AttnDialect.td"
include "attn/Dialect/Attn/IR/AttnAttrs.td"
include "attn/Dialect/Attn/IR/AttnInterfaces.td"
include "attn/Dialect/Attn/IR/AttnOps.td"

#endif // ATTN_DIALECT_ATTN_IR_ATTN_TD
