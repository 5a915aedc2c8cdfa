//===- MfmaTarget.cpp - AMD matrix cores for the matrix lowering ----------===//
//
// The 16x16x16 MFMA of CDNA (amdgpu.mfma, v_mfma_f32_16x16x16_{bf16,f16}) on
// a 64-lane wave. In the hardware's layout lane l holds A[l % 16][4 (l / 16)
// + v], B[4 (l / 16) + v][l % 16] and D[4 (l / 16) + v][l % 16], v < 4.
// This target multiplies with the operands swapped, D = B^T A^T = C^T, so
// that lane l holds row l % 16 of the logical accumulator C, columns
// 4 (l / 16) + v:
//
// * a row lives in the 4 lanes l % 16 + 16 g (row reductions: XOR 16, 32);
// * P's accumulators are, as they are, the operand P V needs (the hardware
//   B = P^T holds P[l % 16][4 (l / 16) + v]): no data moves between lanes;
// * Q and K operands are 4 consecutive elements of a row in LDS (one 8-byte
//   read); V's are 4 elements of a column (4 reads).
//
// Tiles reach LDS through 16-byte global loads and LDS stores (zeros past
// the valid rows); the copies are synchronous, so committing and waiting
// are no-ops and the lowering's barriers make them visible.
//
//===----------------------------------------------------------------------===//

#include "attn/Target/ROCDL/MfmaTarget.h"
#include "attn/Conversion/AttnTileToGPU/MatrixTarget.h"

#include "mlir/Dialect/AMDGPU/IR/AMDGPUDialect.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/LLVMIR/ROCDLDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"

using namespace mlir;

namespace {
Value cIdx(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantIndexOp::create(b, loc, v);
}

struct MfmaTarget final : attn::MatrixTarget {
  StringRef getName() const override { return "amd"; }
  void getDependentDialects(DialectRegistry &registry) const override {
    registry.insert<amdgpu::AMDGPUDialect, memref::MemRefDialect,
                    ROCDL::ROCDLDialect, scf::SCFDialect,
                    vector::VectorDialect>();
  }
  int64_t warpSize() const override { return 64; }
  int64_t m() const override { return 16; }
  int64_t n() const override { return 16; }
  int64_t k() const override { return 16; }
  // LDS of a workgroup on gfx90a/gfx942.
  int64_t sharedMemoryBytes() const override { return 64 * 1024; }

  /// l % 16 and 4 (l / 16): the lane's row (of A, or of B^T) and its first
  /// column (k) in every operand and accumulator.
  static std::pair<Value, Value> rowAndCol(OpBuilder &b, Location loc,
                                           Value lane) {
    Value row = arith::RemUIOp::create(b, loc, lane, cIdx(b, loc, 16));
    Value col = arith::MulIOp::create(
        b, loc, arith::DivUIOp::create(b, loc, lane, cIdx(b, loc, 16)),
        cIdx(b, loc, 4));
    return {row, col};
  }

  int64_t accElements() const override { return 4; }
  std::pair<Value, Value> accPosition(OpBuilder &b, Location loc, Value lane,
                                      int64_t e) const override {
    auto [row, col] = rowAndCol(b, loc, lane);
    return {row, arith::AddIOp::create(b, loc, col, cIdx(b, loc, e))};
  }
  int64_t rowSlots() const override { return 1; }
  int64_t rowSlot(int64_t) const override { return 0; }
  ArrayRef<int32_t> rowLaneMasks() const override {
    static const int32_t masks[] = {16, 32};
    return masks;
  }

  /// Elements (row0 + r, col0 + c .. c + 3) of a row-major tile.
  static Value rowQuad(OpBuilder &b, Location loc, Value smem,
                       attn::SmemIndexFn index, Value row0, Value r,
                       int64_t col0, Value c, Type elt) {
    return vector::LoadOp::create(b, loc, VectorType::get({4}, elt), smem,
                                  index(row0, r, col0, c));
  }
  /// Elements (row0 + r .. r + 3, col0 + c) of a row-major tile.
  static Value columnQuad(OpBuilder &b, Location loc, Value smem,
                          attn::SmemIndexFn index, Value row0, Value r,
                          int64_t col0, Value c, Type elt) {
    SmallVector<Value> elems;
    for (int64_t v = 0; v < 4; ++v) {
      Value rv = arith::AddIOp::create(b, loc, r, cIdx(b, loc, v));
      elems.push_back(
          memref::LoadOp::create(b, loc, smem, index(row0, rv, col0, c)));
    }
    return vector::FromElementsOp::create(b, loc, VectorType::get({4}, elt),
                                          elems);
  }

  Value loadA(OpBuilder &b, Location loc, Value smem, attn::SmemIndexFn index,
              Value lane, Value row0, int64_t col0, Type elt) const override {
    // The hardware B operand (A^T): row l % 16 of A, k = 4 (l / 16) + v.
    auto [r, c] = rowAndCol(b, loc, lane);
    return rowQuad(b, loc, smem, index, row0, r, col0, c, elt);
  }
  std::pair<Value, Value> loadBTransposed(OpBuilder &b, Location loc,
                                          Value smem, attn::SmemIndexFn index,
                                          Value lane, Value row0,
                                          int64_t col0,
                                          Type elt) const override {
    // The hardware A operand (B^T): B's column n = l % 16 is row n of the
    // tile, k = 4 (l / 16) + v its columns; the second product's columns
    // are the next 16 rows.
    auto [r, c] = rowAndCol(b, loc, lane);
    Value second = arith::AddIOp::create(b, loc, row0, cIdx(b, loc, 16));
    return {rowQuad(b, loc, smem, index, row0, r, col0, c, elt),
            rowQuad(b, loc, smem, index, second, r, col0, c, elt)};
  }
  std::pair<Value, Value> loadB(OpBuilder &b, Location loc, Value smem,
                                attn::SmemIndexFn index, Value lane,
                                Value row0, int64_t col0,
                                Type elt) const override {
    // The hardware A operand (B^T): B's column n = l % 16 is column n of
    // the tile, k = 4 (l / 16) + v its rows.
    auto [n, k] = rowAndCol(b, loc, lane);
    return {columnQuad(b, loc, smem, index, row0, k, col0, n, elt),
            columnQuad(b, loc, smem, index, row0, k, col0 + 16, n, elt)};
  }
  Value accToA(OpBuilder &b, Location loc, ArrayRef<Value> acc,
               Type elt) const override {
    // K = N: one accumulator tile, already in the operand's layout.
    Value v = vector::FromElementsOp::create(
        b, loc, VectorType::get({4}, b.getF32Type()), acc.take_front(4));
    return arith::TruncFOp::create(b, loc, VectorType::get({4}, elt), v);
  }
  SmallVector<Value> mma(OpBuilder &b, Location loc, Value a, Value bv,
                         ArrayRef<Value> acc, Type elt) const override {
    auto accType = VectorType::get({4}, b.getF32Type());
    Value c = vector::FromElementsOp::create(b, loc, accType, acc);
    // D = C^T + B^T A^T: the hardware's A is our B and its B our A.
    Value d = amdgpu::MFMAOp::create(b, loc, accType, /*m=*/16, /*n=*/16,
                                     /*k=*/16, /*blocks=*/1, bv, a, c);
    SmallVector<Value> out;
    for (int64_t i = 0; i < 4; ++i)
      out.push_back(vector::ExtractOp::create(b, loc, d, i));
    return out;
  }

  void copyAsync(OpBuilder &b, Location loc, Value dst, ValueRange dstIdx,
                 Value src, ValueRange srcIdx, Value valid) const override {
    Type elt = cast<MemRefType>(dst.getType()).getElementType();
    int64_t elems = copyBytes() * 8 / elt.getIntOrFloatBitWidth();
    auto chunk = VectorType::get({elems}, elt);
    auto load = scf::IfOp::create(
        b, loc, valid,
        [&](OpBuilder &b, Location loc) {
          scf::YieldOp::create(
              b, loc, Value(vector::LoadOp::create(b, loc, chunk, src, srcIdx)));
        },
        [&](OpBuilder &b, Location loc) {
          scf::YieldOp::create(
              b, loc,
              Value(arith::ConstantOp::create(
                  b, loc, chunk, DenseElementsAttr::get(
                                     chunk, b.getZeroAttr(elt)))));
        });
    vector::StoreOp::create(b, loc, load.getResult(0), dst, dstIdx);
  }
  Value exp2(OpBuilder &b, Location loc, Value x) const override {
    // v_exp_f32 (the device library's exp2 is this plus denormal care).
    return ROCDL::ROCDLExp2::create(b, loc, x.getType(), x);
  }
  void commitCopies(OpBuilder &, Location) const override {}
  void waitCopies(OpBuilder &, Location, int64_t) const override {}
};
} // namespace

void mlir::attn::registerROCDLMatrixTarget() {
  registerMatrixTarget("amd", [] { return std::make_unique<MfmaTarget>(); });
}
