//===- SplitFusedQKV.cpp - attn-split-fused-qkv ---------------------------===//
//
// A prefill over one fused [.., (Hq + 2 Hkv) * D] QKV tensor becomes a
// prefill over three slices of it, so that every later pass sees separate
// q, k and v operands.
//
//===----------------------------------------------------------------------===//

#include "attn/Dialect/Attn/IR/AttnOps.h"
#include "attn/Dialect/Attn/Transforms/Passes.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::attn {
#define GEN_PASS_DEF_ATTNSPLITFUSEDQKV
#include "attn/Dialect/Attn/Transforms/Passes.h.inc"
} // namespace mlir::attn

using namespace mlir;
using namespace mlir::attn;

namespace {
struct SplitFusedQKV : OpRewritePattern<PrefillOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(PrefillOp op,
                                PatternRewriter &rewriter) const override {
    Value qkv = op.getQkv();
    if (!qkv)
      return rewriter.notifyMatchFailure(op, "no fused qkv operand");
    auto type = cast<RankedTensorType>(qkv.getType());
    int64_t hq = op.getNumQueryHeads(), hkv = op.getNumKVHeads();
    int64_t d = op.getQKHeadDim();
    unsigned rank = type.getRank();
    Location loc = op.getLoc();

    // Slice [.., first * D, (first + heads) * D) and view it as [.., heads, D].
    SmallVector<OpFoldResult> fusedSizes =
        tensor::getMixedSizes(rewriter, loc, qkv);
    auto slice = [&](int64_t firstHead, int64_t heads) -> Value {
      SmallVector<OpFoldResult> offsets(rank, rewriter.getIndexAttr(0));
      SmallVector<OpFoldResult> strides(rank, rewriter.getIndexAttr(1));
      SmallVector<OpFoldResult> sizes = fusedSizes;
      offsets.back() = rewriter.getIndexAttr(firstHead * d);
      sizes.back() = rewriter.getIndexAttr(heads * d);
      Value part = tensor::ExtractSliceOp::create(rewriter, loc, qkv, offsets,
                                                  sizes, strides);
      SmallVector<int64_t> shape(type.getShape().drop_back());
      shape.append({heads, d});
      SmallVector<ReassociationIndices> reassoc;
      for (unsigned i = 0; i + 1 < rank; ++i)
        reassoc.push_back({static_cast<int64_t>(i)});
      reassoc.push_back({rank - 1, rank});
      SmallVector<OpFoldResult> outSizes(sizes.begin(), sizes.end() - 1);
      outSizes.append({rewriter.getIndexAttr(heads), rewriter.getIndexAttr(d)});
      return tensor::ExpandShapeOp::create(
          rewriter, loc, RankedTensorType::get(shape, type.getElementType()),
          part, reassoc, outSizes);
    };
    Value q = slice(0, hq), k = slice(hq, hkv), v = slice(hq + hkv, hkv);

    // Operand segments: q, k, v, qkv, cu_seqlens_q, cu_seqlens_k, then the
    // shared optional operands, which keep their values.
    Value cu = op.getCuSeqlensQ();
    SmallVector<Value> operands = {q, k, v};
    if (cu)
      operands.append({cu, cu});
    ValueRange operandsTail =
        op->getOperands().drop_front(1 + (cu ? 1 : 0));
    operands.append(operandsTail.begin(), operandsTail.end());
    rewriter.modifyOpInPlace(op, [&] {
      op->setOperands(operands);
      auto &segments = op.getProperties().operandSegmentSizes;
      segments[0] = segments[1] = segments[2] = 1;
      segments[3] = 0;
      segments[4] = segments[5] = cu ? 1 : 0;
      op.removeQkvHeadsAttr();
    });
    return success();
  }
};

struct AttnSplitFusedQKVPass
    : attn::impl::AttnSplitFusedQKVBase<AttnSplitFusedQKVPass> {
  void runOnOperation() override {
    SmallVector<PrefillOp> fused;
    getOperation()->walk([&](PrefillOp op) {
      if (op.getQkv())
        fused.push_back(op);
    });
    RewritePatternSet patterns(&getContext());
    populateSplitFusedQKVPatterns(patterns);
    FrozenRewritePatternSet frozen(std::move(patterns));
    SmallVector<Operation *> ops(fused.begin(), fused.end());
    if (failed(applyOpPatternsGreedily(ops, frozen)))
      return signalPassFailure();
    numSplit += fused.size();
  }
};
} // namespace

void mlir::attn::populateSplitFusedQKVPatterns(RewritePatternSet &patterns) {
  patterns.add<SplitFusedQKV>(patterns.getContext());
}
