//===- FuseRope.cpp - attn-fuse-rope --------------------------------------===//
//
// attn.rope on a dense prefill's query and key becomes the prefill's own
// `rope` attribute, applied by the kernel to Q and K tiles.
//
//===----------------------------------------------------------------------===//

#include "attn/Dialect/Attn/IR/AttnOps.h"
#include "attn/Dialect/Attn/Transforms/Passes.h"

namespace mlir::attn {
#define GEN_PASS_DEF_ATTNFUSEROPE
#include "attn/Dialect/Attn/Transforms/Passes.h.inc"
} // namespace mlir::attn

using namespace mlir;
using namespace mlir::attn;

namespace {

/// The positions `s` of a dense `[B, S, ...]` query as a [B, S] i64 tensor.
Value sequencePositions(OpBuilder &b, Location loc, Value q) {
  auto type = cast<RankedTensorType>(q.getType());
  SmallVector<Value> dyn;
  for (int64_t d = 0; d < 2; ++d)
    if (type.isDynamicDim(d))
      dyn.push_back(tensor::DimOp::create(b, loc, q, d));
  auto posType =
      RankedTensorType::get(type.getShape().take_front(2), b.getI64Type());
  return tensor::GenerateOp::create(
      b, loc, posType, dyn, [&](OpBuilder &nb, Location nloc, ValueRange ix) {
        Value s = arith::IndexCastOp::create(nb, nloc, nb.getI64Type(), ix[1]);
        tensor::YieldOp::create(nb, nloc, s);
      });
}

struct FuseRopePass : attn::impl::AttnFuseRopeBase<FuseRopePass> {
  void runOnOperation() override {
    SmallVector<PrefillOp> ops;
    getOperation()->walk([&](PrefillOp op) { ops.push_back(op); });
    IRRewriter rewriter(&getContext());
    for (PrefillOp op : ops)
      if (succeeded(fuse(rewriter, op)))
        ++numFused;
  }

  LogicalResult fuse(IRRewriter &rewriter, PrefillOp op) {
    if (op.getQkv() || op.getRopeAttr() || op.getCuSeqlensQ())
      return failure();
    auto qr = op.getQ().getDefiningOp<RopeOp>();
    auto kr = op.getK().getDefiningOp<RopeOp>();
    if (!qr || !kr)
      return failure();
    if (qr.getRope() != kr.getRope()) {
      emitRemark(op.getLoc()) << "attn-fuse-rope: not fused: the query and "
                                 "key are rotated by different RoPE";
      return failure();
    }
    if (kr.getPositions()) {
      emitRemark(op.getLoc())
          << "attn-fuse-rope: not fused: the keys are rotated at explicit "
             "positions; the kernel rotates key j at j";
      return failure();
    }
    rewriter.setInsertionPoint(op);
    Value positions = qr.getPositions();
    auto qType = cast<RankedTensorType>(qr.getInput().getType());
    auto kType = cast<RankedTensorType>(kr.getInput().getType());
    bool sameLength = !qType.isDynamicDim(1) &&
                      qType.getDimSize(1) == kType.getDimSize(1);
    if (!positions && !sameLength)
      positions = sequencePositions(rewriter, op.getLoc(), qr.getInput());
    rewriter.modifyOpInPlace(op, [&] {
      op.getQMutable().assign(qr.getInput());
      op.getKMutable().assign(kr.getInput());
      if (positions)
        op.getPositionsMutable().assign(positions);
      op.setRopeAttr(qr.getRope());
    });
    if (qr->use_empty())
      rewriter.eraseOp(qr);
    if (kr != qr && kr->use_empty())
      rewriter.eraseOp(kr);
    return success();
  }
};
} // namespace
