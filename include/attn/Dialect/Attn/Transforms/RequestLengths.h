//===- RequestLengths.h - Per-request query and key counts ------*- C++ -*-===//
//
// Where request `b` of an attention op starts and how many queries and keys
// it has (docs/design.md §3): from cu_seqlens, qo_indptr, the page table
// (Sk_b = (pages - 1) * page_size + last_page_len) or vLLM's context_lens.
// Built as IR reading the op's index operands, as tensors (tensor.extract)
// or, after bufferization, as memrefs (memref.load).
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_DIALECT_ATTN_TRANSFORMS_REQUESTLENGTHS_H
#define ATTN_DIALECT_ATTN_TRANSFORMS_REQUESTLENGTHS_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/Value.h"

namespace mlir::attn {

struct RequestLengths {
  /// Sq_b and Sk_b, as index values.
  Value numQueries, numKeys;
};

/// The query and key counts of request `request` of the softmax attention op
/// `op` (prefill, batch_prefill, batch_decode, paged_attention, mla_decode).
/// `remap` maps each operand of `op` to the value to read instead (e.g. its
/// buffer); by default the operand itself.
RequestLengths
buildRequestLengths(OpBuilder &b, Location loc, Operation *op, Value request,
                    function_ref<Value(Value)> remap = nullptr);

/// Reads element `indices` of an integer tensor or memref as an index.
Value readIndex(OpBuilder &b, Location loc, Value source, ValueRange indices);

/// Index arithmetic at a builder's insertion point, folding constants.
/// div/ceilDiv/min/lt are unsigned (for sizes and offsets); the *Signed
/// variants are for values that may be negative (e.g. mask-derived bounds).
struct IndexMath {
  OpBuilder &b;
  Location loc;

  Value idx(int64_t v);
  Value add(Value x, Value y);
  Value sub(Value x, Value y);
  Value mul(Value x, Value y);
  Value div(Value x, Value y);
  Value ceilDiv(Value x, Value y);
  Value min(Value x, Value y);
  /// x < y, unsigned.
  Value lt(Value x, Value y);
  Value neg(Value x) { return sub(idx(0), x); }
  Value floorDivSigned(Value x, int64_t d);
  Value ceilDivSigned(Value x, int64_t d);
  Value maxSigned(Value x, Value y);
  Value minSigned(Value x, Value y);
  /// Dimension `i` of a tensor or memref.
  Value dim(Value source, int64_t i);
  /// source[i] of an integer tensor or memref, as an index.
  Value at(Value source, Value i) { return readIndex(b, loc, source, i); }
};

} // namespace mlir::attn

#endif // ATTN_DIALECT_ATTN_TRANSFORMS_REQUESTLENGTHS_H
