//===- MatrixTarget.h - What the matrix-core lowering asks of a GPU -*- C++ -*-===//
//
// convert-attn-tile-to-gpu lowers attn_tile kernels to warps that multiply
// tiles on the GPU's matrix units (tensor cores, matrix cores). Everything
// about the schedule is target-neutral: which warp owns which query rows,
// the shared-memory layout of the tiles, the order of copies, waits and
// barriers, the online softmax on register fragments. A MatrixTarget
// supplies the rest: the shape of one warp-level product, where the
// elements of its fragments sit, and the instructions that move operands
// (global -> shared asynchronously, shared -> registers) and multiply them.
// The NVIDIA target (mma.sync, ldmatrix, cp.async) lives in
// lib/Target/NVVM; targets register themselves by name.
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_CONVERSION_ATTNTILETOGPU_MATRIXTARGET_H
#define ATTN_CONVERSION_ATTNTILETOGPU_MATRIXTARGET_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/Value.h"

#include <functional>
#include <memory>

namespace mlir::attn {

/// The address of element (row0 + r, col0 + c) of a row-major tile in
/// shared memory, as indices into the tile's buffer (the lowering swizzles
/// them). `row0` is a multiple of 8 (it may be dynamic, e.g. a warp's first
/// row), `col0` a constant multiple of 16; `r` and `c` are a lane's offsets
/// (`c` below 16). Keeping the parts apart lets the lanes' swizzled offsets
/// be computed once and the constant parts fold into the instructions. A
/// run of elements that does not cross a multiple of 8 columns stays
/// contiguous.
using SmemIndexFn = function_ref<SmallVector<Value>(Value row0, Value r,
                                                    int64_t col0, Value c)>;

/// A warp-level matrix product `C[M x N] += A[M x K] B[K x N]` with 16-bit
/// inputs and f32 accumulators, and the data movement around it.
///
/// Fragments are opaque values: an accumulator fragment is the list of
/// `accElements()` f32 values a lane holds; A and B operands are whatever
/// the target's loads return and its `mma` takes.
class MatrixTarget {
public:
  virtual ~MatrixTarget();

  virtual StringRef getName() const = 0;
  /// Loads the dialects of the ops this target creates.
  virtual void getDependentDialects(DialectRegistry &registry) const {}
  virtual int64_t warpSize() const { return 32; }
  /// Shared memory a block may use (the kernels that need more are left to
  /// the simple path).
  virtual int64_t sharedMemoryBytes() const { return 227 * 1024; }
  /// The product's shape.
  virtual int64_t m() const = 0;
  virtual int64_t n() const = 0;
  virtual int64_t k() const = 0;

  /// f32 accumulator values per lane.
  virtual int64_t accElements() const = 0;
  /// The (row, col) in [0, M) x [0, N) of accumulator element `e` of `lane`.
  virtual std::pair<Value, Value> accPosition(OpBuilder &b, Location loc,
                                              Value lane, int64_t e) const = 0;
  /// How many distinct rows a lane's accumulators cover, and which of them
  /// (in [0, rowSlots())) element `e` is in.
  virtual int64_t rowSlots() const = 0;
  virtual int64_t rowSlot(int64_t e) const = 0;
  /// XOR masks of the lanes holding the other elements of the same rows: a
  /// row reduction combines a lane's value with its shuffles by these.
  virtual ArrayRef<int32_t> rowLaneMasks() const = 0;

  /// The A operand for rows [row0, row0 + M), columns [col0, col0 + K) of
  /// a row-major tile of `elt` in shared memory.
  virtual Value loadA(OpBuilder &b, Location loc, Value smem,
                      SmemIndexFn index, Value lane, Value row0, int64_t col0,
                      Type elt) const = 0;
  /// The B operands of two products side by side, read from a row-major
  /// tile whose rows [row0, row0 + 2N) are B's columns and whose columns
  /// [col0, col0 + K) are B's rows (K in Q K^T).
  virtual std::pair<Value, Value>
  loadBTransposed(OpBuilder &b, Location loc, Value smem, SmemIndexFn index,
                  Value lane, Value row0, int64_t col0, Type elt) const = 0;
  /// The B operands of two products side by side, read from a row-major
  /// tile whose rows [row0, row0 + K) are B's rows and whose columns
  /// [col0, col0 + 2N) are B's columns (V in P V).
  virtual std::pair<Value, Value> loadB(OpBuilder &b, Location loc,
                                        Value smem, SmemIndexFn index,
                                        Value lane, Value row0, int64_t col0,
                                        Type elt) const = 0;
  /// The A operand made of the accumulators of the K / N products side by
  /// side that cover columns [0, K) (their fragments one after the other),
  /// rounded to `elt`: P reused as P V's left side.
  virtual Value accToA(OpBuilder &b, Location loc, ArrayRef<Value> acc,
                       Type elt) const = 0;
  /// `acc + a * b`, elementwise in the accumulator's layout.
  virtual SmallVector<Value> mma(OpBuilder &b, Location loc, Value a, Value bv,
                                 ArrayRef<Value> acc, Type elt) const = 0;

  /// 2^x for the online softmax (arguments <= 0; the hardware's fast
  /// exponential is precise enough).
  virtual Value exp2(OpBuilder &b, Location loc, Value x) const;

  /// Bytes one asynchronous copy moves (a contiguous chunk of a row).
  virtual int64_t copyBytes() const { return 16; }
  /// Starts copying one chunk from `src[srcIdx...]` (global memory) to
  /// `dst[dstIdx...]` (shared memory); when `valid` is false the chunk is
  /// zero-filled and nothing is read.
  virtual void copyAsync(OpBuilder &b, Location loc, Value dst,
                         ValueRange dstIdx, Value src, ValueRange srcIdx,
                         Value valid) const = 0;
  /// Closes the group of copies started since the last commit.
  virtual void commitCopies(OpBuilder &b, Location loc) const = 0;
  /// Waits until at most `pending` committed groups are still in flight
  /// (for this thread; a barrier then makes the data visible to all).
  virtual void waitCopies(OpBuilder &b, Location loc,
                          int64_t pending) const = 0;
};

/// Makes `make` the target named `name` (e.g. "nvidia").
void registerMatrixTarget(StringRef name,
                          std::function<std::unique_ptr<MatrixTarget>()> make);
/// A new instance of the target named `name`, or null.
std::unique_ptr<MatrixTarget> createMatrixTarget(StringRef name);
/// The registered names, for diagnostics.
SmallVector<std::string> matrixTargetNames();

} // namespace mlir::attn

#endif // ATTN_CONVERSION_ATTNTILETOGPU_MATRIXTARGET_H
