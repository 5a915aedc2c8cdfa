//===- Emitter.h - Builders shared by the reference lowering ----*- C++ -*-===//
//
// Small builders for index and f32 arithmetic, scf loops, typed loads and
// stores (f16/bf16/f8E4M3FN are widened to and narrowed from f32), RoPE and
// FP8 scales. Shared by convert-attn-to-loops and the CPU lowering of
// attn_tile (convert-attn-tile-to-linalg).
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_CONVERSION_ATTNTOLOOPS_EMITTER_H
#define ATTN_CONVERSION_ATTNTOLOOPS_EMITTER_H

#include "attn/Dialect/Attn/IR/AttnOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::attn::loops {

struct Emitter {
  OpBuilder &b;
  Location loc;

  Value idx(int64_t v);
  Value f32(double v);
  Value i1(bool v);
  Value add(Value x, Value y);
  Value sub(Value x, Value y);
  Value mul(Value x, Value y);
  /// Unsigned division/remainder for index values, fdiv for f32.
  Value div(Value x, Value y);
  Value rem(Value x, Value y);
  Value cmpi(arith::CmpIPredicate p, Value x, Value y);
  Value cmpf(arith::CmpFPredicate p, Value x, Value y);
  Value lt(Value x, Value y) { return cmpi(arith::CmpIPredicate::slt, x, y); }
  Value select(Value c, Value x, Value y);
  Value andi(Value x, Value y);
  Value max(Value x, Value y);
  Value exp(Value x);
  Value log(Value x);

  /// Any integer or index value as an index.
  Value toIndex(Value v);
  /// A signed index as f32.
  Value indexToF32(Value v);

  /// Loads an element of `mem` as f32 (f8E4M3FN decoded by hand, since LLVM
  /// has no such type).
  Value loadF32(Value mem, ValueRange indices);
  /// Loads an integer element of `mem` as an index.
  Value loadIndex(Value mem, ValueRange indices);
  /// Converts an f32 to `elt`; f8E4M3FN saturates to +-448 and rounds to
  /// nearest even.
  Value fromF32(Value v, Type elt);
  /// Stores an f32 value into `mem`, converting to its element type.
  void storeF32(Value v, Value mem, ValueRange indices);
  Value dim(Value mem, int64_t i);

  /// for (iv = lb; iv < ub; ++iv) body(iv)
  void loop(Value lb, Value ub, function_ref<void(Value)> body);
  /// Nested loops over [0, ub_0) x [0, ub_1) x ...
  void loopNest(ArrayRef<Value> ubs, function_ref<void(ValueRange)> body);
  /// A loop carrying one value: acc = body(iv, acc).
  Value reduce(Value lb, Value ub, Value init,
               function_ref<Value(Value, Value)> body);
  /// A loop carrying several values.
  SmallVector<Value> reduce(Value lb, Value ub, ValueRange inits,
                            function_ref<SmallVector<Value>(Value, ValueRange)>
                                body);
  /// cond ? then() : other, both producing one value of `type`.
  Value ifElse(Value cond, Type type, function_ref<Value()> thenFn,
               function_ref<Value()> elseFn);
  void ifThen(Value cond, function_ref<void()> thenFn);

private:
  Value decodeF8E4M3FN(Value v);
  Value encodeF8E4M3FN(Value v);
};

/// Reads a buffer of a tensor operand (null stays null).
Value toBuffer(OpBuilder &b, Location loc, Value tensor);

/// A fresh buffer shaped like `result`, with the sizes of the dynamic
/// dimensions taken from `sizes` (one entry per dimension).
Value allocResult(OpBuilder &b, Location loc, Value result,
                  ArrayRef<Value> sizes);

/// Wraps a result buffer as the tensor replacing `result`.
Value toTensor(OpBuilder &b, Location loc, Value result, Value buffer);

/// The scale factor of a `[]`, `[1]` or per-head `[H]` scale buffer for head
/// `head`, or null when `scale` is null.
Value loadScale(Emitter &e, Value scale, Value head);

/// Channel `d` of a vector rotated by RoPE at position `pos`: `load(c)` reads
/// channel `c` (called only for channels that exist). Channels at or past
/// `rope.getDim()` are returned unrotated.
Value applyRope(Emitter &e, RopeAttr rope, Value pos, Value d,
                function_ref<Value(Value)> load);

/// Dot product over [0, dim) of two channel accessors.
Value dotProduct(Emitter &e, int64_t dim, function_ref<Value(Value)> lhs,
                 function_ref<Value(Value)> rhs);

/// attn.merge_states' operand buffers, its dims (those of the values) and
/// fresh result buffers.
struct MergeStatesBuffers {
  SmallVector<Value> values, lses, dims;
  Value out, lse;
};
MergeStatesBuffers prepareMergeStates(Emitter &e, MergeStatesOp op);
/// Replaces `op` by tensors of `m`'s result buffers.
void replaceMergeStates(RewriterBase &rewriter, MergeStatesOp op,
                        const MergeStatesBuffers &m);

/// The merged LSE of one (token, head) row of attn.merge_states: `lse` =
/// log sum_s exp(lse_s[idx]) and whether any state has a key (`lse` is
/// -inf otherwise).
struct MergedRow {
  Value lse, any;
};
MergedRow emitMergedLse(Emitter &e, ValueRange lses, ValueRange idx);
/// out[idx, d] = sum_s exp(lse_s[idx] - row.lse) v_s[idx, d]; 0 when no
/// state has a key.
void emitMergedValue(Emitter &e, ValueRange values, ValueRange lses,
                     Value out, MergedRow row, ValueRange idx, Value d);

/// attn.append_kv, one element at a time: where token `t` goes (after
/// `locate`) and the (rotated, scaled) element to store. The loop lowering
/// inserts the elements into the carried cache tensors; the GPU one stores
/// them into the caches' buffers, a thread per element.
class AppendKVEmitter {
public:
  /// Reads the operands' buffers (all but the caches).
  AppendKVEmitter(Emitter &e, AppendKVOp op);

  /// (token is stored, page, slot) of token `t`: a negative slot_mapping
  /// entry skips the token.
  std::tuple<Value, Value, Value> locate(Value t);
  /// Channel `d` of head `h` of token `t`'s key (or value), converted to
  /// `elt`.
  Value element(bool isKey, Value t, Value h, Value d, Type elt);
  /// The cache indices of that element.
  SmallVector<Value> index(bool isKey, Value page, Value slot, Value h,
                           Value d);

  Value tokens() { return e.dim(k, 0); }
  int64_t heads();
  int64_t dim(bool isKey);

private:
  Emitter &e;
  AppendKVOp op;
  Value k, v, slots, batchIndices, positions, indptr, indices, kScale, vScale;
  Value pageSize, x;
  KVLayout layout;
};

/// Pattern populators of the individual files.
void populateAttentionToLoopsPatterns(RewritePatternSet &patterns);
void populateLinearAttentionToLoopsPatterns(RewritePatternSet &patterns);
void populateCacheOpsToLoopsPatterns(RewritePatternSet &patterns);
void populateRopeToLoopsPatterns(RewritePatternSet &patterns);

} // namespace mlir::attn::loops

#endif // ATTN_CONVERSION_ATTNTOLOOPS_EMITTER_H
