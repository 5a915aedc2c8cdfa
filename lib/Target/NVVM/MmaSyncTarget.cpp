//===- MmaSyncTarget.cpp - NVIDIA tensor cores for the matrix lowering ----===//
//
// The m16n8k16 warp product of sm_80+ (PTX mma.sync): lane l holds rows
// g = l / 4 and g + 8, columns 2 (l % 4) and 2 (l % 4) + 1 of each
// accumulator; A and B operands are 16-bit pairs packed in i32 registers,
// loaded from shared memory by ldmatrix (.trans for V) and fed to
// nvvm.mma.sync. Global tiles reach shared memory through 16-byte cp.async
// copies (zero-filled past the valid rows), committed and waited in groups.
//
//===----------------------------------------------------------------------===//

#include "attn/Target/NVVM/MmaSyncTarget.h"
#include "attn/Conversion/AttnTileToGPU/MatrixTarget.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/LLVMIR/NVVMDialect.h"
#include "mlir/Dialect/NVGPU/IR/NVGPUDialect.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"

using namespace mlir;

namespace {
Value cIdx(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantIndexOp::create(b, loc, v);
}
Value addIdx(OpBuilder &b, Location loc, Value x, Value y) {
  return arith::AddIOp::create(b, loc, x, y);
}

/// lane % 8 + 8 * ((lane / 8) % 2) and 8 * (lane / 16): the row and column
/// offsets of the 8x8 matrix row that `lane` addresses in an ldmatrix.x4
/// whose matrices are ordered (rows 0-7, cols 0-7), (rows 8-15, cols 0-7),
/// (rows 0-7, cols 8-15), (rows 8-15, cols 8-15).
std::pair<Value, Value> x4RowsFirst(OpBuilder &b, Location loc, Value lane) {
  Value row = arith::AndIOp::create(b, loc, lane, cIdx(b, loc, 15));
  Value col = arith::MulIOp::create(
      b, loc, arith::DivUIOp::create(b, loc, lane, cIdx(b, loc, 16)),
      cIdx(b, loc, 8));
  return {row, col};
}
/// The same with the matrices ordered (rows 0-7, cols 0-7), (rows 0-7,
/// cols 8-15), (rows 8-15, cols 0-7), (rows 8-15, cols 8-15):
/// lane % 8 + 8 * (lane / 16) and 8 * ((lane / 8) % 2).
std::pair<Value, Value> x4ColsFirst(OpBuilder &b, Location loc, Value lane) {
  Value row = addIdx(
      b, loc, arith::AndIOp::create(b, loc, lane, cIdx(b, loc, 7)),
      arith::MulIOp::create(
          b, loc, arith::DivUIOp::create(b, loc, lane, cIdx(b, loc, 16)),
          cIdx(b, loc, 8)));
  Value col = arith::AndIOp::create(b, loc, lane, cIdx(b, loc, 8));
  return {row, col};
}

struct MmaSyncTarget final : attn::MatrixTarget {
  StringRef getName() const override { return "nvidia"; }
  void getDependentDialects(DialectRegistry &registry) const override {
    registry.insert<LLVM::LLVMDialect, NVVM::NVVMDialect,
                    nvgpu::NVGPUDialect, vector::VectorDialect>();
  }
  int64_t m() const override { return 16; }
  int64_t n() const override { return 8; }
  int64_t k() const override { return 16; }
  int64_t accElements() const override { return 4; }
  std::pair<Value, Value> accPosition(OpBuilder &b, Location loc, Value lane,
                                      int64_t e) const override {
    Value g = arith::DivUIOp::create(b, loc, lane, cIdx(b, loc, 4));
    Value t = arith::RemUIOp::create(b, loc, lane, cIdx(b, loc, 4));
    Value row = addIdx(b, loc, g, cIdx(b, loc, 8 * (e / 2)));
    Value col = addIdx(
        b, loc, arith::MulIOp::create(b, loc, t, cIdx(b, loc, 2)),
        cIdx(b, loc, e % 2));
    return {row, col};
  }
  int64_t rowSlots() const override { return 2; }
  int64_t rowSlot(int64_t e) const override { return e / 2; }
  ArrayRef<int32_t> rowLaneMasks() const override {
    static const int32_t masks[] = {1, 2};
    return masks;
  }

  /// ldmatrix.x4 at (row0 + row, col0 + col) for this lane; the four i32
  /// registers it returns.
  SmallVector<Value> ldmatrix(OpBuilder &b, Location loc, Value smem,
                              attn::SmemIndexFn index, Value row0, Value r,
                              int64_t col0, Value c, bool transpose,
                              Type elt) const {
    auto fragType = VectorType::get({4, 2}, elt);
    auto ld = nvgpu::LdMatrixOp::create(b, loc, fragType, smem,
                                        index(row0, r, col0, c),
                                        b.getBoolAttr(transpose),
                                        b.getI32IntegerAttr(4));
    SmallVector<Value> regs;
    for (int64_t i = 0; i < 4; ++i) {
      Value pair = vector::ExtractOp::create(b, loc, ld, i);
      regs.push_back(packed(b, loc, pair));
    }
    return regs;
  }
  static Value packed(OpBuilder &b, Location loc, Value pair) {
    auto asInt = vector::BitCastOp::create(
        b, loc, VectorType::get({1}, b.getI32Type()), pair);
    return vector::ExtractOp::create(b, loc, asInt, 0);
  }
  static Value fragment(OpBuilder &b, Location loc, ArrayRef<Value> regs) {
    return vector::FromElementsOp::create(
        b, loc, VectorType::get({int64_t(regs.size())}, b.getI32Type()), regs);
  }

  /// Registers 0-1 and 2-3 of an ldmatrix.x4: the B operands of two
  /// products side by side.
  static std::pair<Value, Value> bPair(OpBuilder &b, Location loc,
                                       ArrayRef<Value> regs) {
    return {fragment(b, loc, {regs[0], regs[1]}),
            fragment(b, loc, {regs[2], regs[3]})};
  }

  Value loadA(OpBuilder &b, Location loc, Value smem, attn::SmemIndexFn index,
              Value lane, Value row0, int64_t col0, Type elt) const override {
    auto [r, c] = x4RowsFirst(b, loc, lane);
    return fragment(b, loc,
                    ldmatrix(b, loc, smem, index, row0, r, col0, c, false, elt));
  }
  std::pair<Value, Value> loadBTransposed(OpBuilder &b, Location loc,
                                          Value smem, attn::SmemIndexFn index,
                                          Value lane, Value row0,
                                          int64_t col0,
                                          Type elt) const override {
    // Rows are B's columns n, columns its k: matrix i covers n in
    // 8 (i / 2) + [0, 8), k in 8 (i % 2) + [0, 8).
    auto [r, c] = x4ColsFirst(b, loc, lane);
    return bPair(b, loc,
                 ldmatrix(b, loc, smem, index, row0, r, col0, c, false, elt));
  }
  std::pair<Value, Value> loadB(OpBuilder &b, Location loc, Value smem,
                                attn::SmemIndexFn index, Value lane,
                                Value row0, int64_t col0,
                                Type elt) const override {
    // Rows are k, columns n; transposed loads give each lane a k pair.
    auto [r, c] = x4RowsFirst(b, loc, lane);
    return bPair(b, loc,
                 ldmatrix(b, loc, smem, index, row0, r, col0, c, true, elt));
  }
  Value accToA(OpBuilder &b, Location loc, ArrayRef<Value> acc,
               Type elt) const override {
    // K = 2 N: two accumulator tiles side by side.
    ArrayRef<Value> left = acc.take_front(4), right = acc.slice(4, 4);
    auto pairType = VectorType::get({2}, b.getF32Type());
    auto pack = [&](Value x, Value y) {
      Value v = vector::FromElementsOp::create(b, loc, pairType,
                                               ValueRange{x, y});
      return packed(b, loc,
                    arith::TruncFOp::create(
                        b, loc, VectorType::get({2}, elt), v));
    };
    return fragment(b, loc,
                    {pack(left[0], left[1]), pack(left[2], left[3]),
                     pack(right[0], right[1]), pack(right[2], right[3])});
  }
  SmallVector<Value> mma(OpBuilder &b, Location loc, Value a, Value bv,
                         ArrayRef<Value> acc, Type elt) const override {
    bool bf16 = elt.isBF16();
    // bf16 pairs go as i32 registers, f16 pairs as vector<2xf16>.
    auto operands = [&](Value frag, int64_t n) {
      SmallVector<Value> regs;
      for (int64_t i = 0; i < n; ++i) {
        Value r = vector::ExtractOp::create(b, loc, frag, i);
        if (!bf16)
          r = vector::BitCastOp::create(
              b, loc, VectorType::get({2}, b.getF16Type()),
              vector::BroadcastOp::create(
                  b, loc, VectorType::get({1}, b.getI32Type()), r));
        regs.push_back(r);
      }
      return regs;
    };
    Type f32 = b.getF32Type();
    auto resultType = LLVM::LLVMStructType::getLiteral(
        b.getContext(), {f32, f32, f32, f32});
    NVVM::MMATypes ptx = bf16 ? NVVM::MMATypes::bf16 : NVVM::MMATypes::f16;
    auto op = NVVM::MmaOp::create(
        b, loc, resultType, operands(a, 4), operands(bv, 2), acc,
        /*shape=*/{16, 8, 16}, /*b1Op=*/std::nullopt,
        /*intOverflow=*/std::nullopt,
        std::array<NVVM::MMATypes, 2>{ptx, ptx},
        std::array<NVVM::MMALayout, 2>{NVVM::MMALayout::row,
                                        NVVM::MMALayout::col});
    SmallVector<Value> out;
    for (int64_t i = 0; i < 4; ++i)
      out.push_back(LLVM::ExtractValueOp::create(b, loc, op, i));
    return out;
  }

  void copyAsync(OpBuilder &b, Location loc, Value dst, ValueRange dstIdx,
                 Value src, ValueRange srcIdx, Value valid) const override {
    int64_t bits =
        cast<MemRefType>(dst.getType()).getElementTypeBitWidth();
    int64_t elems = copyBytes() * 8 / bits;
    Value n = arith::SelectOp::create(b, loc, valid, cIdx(b, loc, elems),
                                      cIdx(b, loc, 0));
    nvgpu::DeviceAsyncCopyOp::create(b, loc, dst, dstIdx, src, srcIdx,
                                     b.getIndexAttr(elems), n,
                                     b.getUnitAttr());
  }
  void commitCopies(OpBuilder &b, Location loc) const override {
    NVVM::CpAsyncCommitGroupOp::create(b, loc);
  }
  void waitCopies(OpBuilder &b, Location loc,
                  int64_t pending) const override {
    NVVM::CpAsyncWaitGroupOp::create(b, loc, b.getI32IntegerAttr(pending));
  }
};
} // namespace

void mlir::attn::registerNVVMMatrixTarget() {
  registerMatrixTarget("nvidia", [] { return std::make_unique<MmaSyncTarget>(); });
}
