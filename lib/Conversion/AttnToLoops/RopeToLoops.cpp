//===- RopeToLoops.cpp - attn.rope to loops -------------------------------===//
//
// Every channel of every head vector, rotated at its token's position by
// the same applyRope the attention ops use (docs/design.md §3.6).
//
//===----------------------------------------------------------------------===//

#include "attn/Conversion/AttnToLoops/Emitter.h"

using namespace mlir;
using namespace mlir::attn;
using namespace mlir::attn::loops;

namespace {
struct RopeToLoops : OpRewritePattern<RopeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(RopeOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Emitter e{rewriter, loc};
    Value x = toBuffer(rewriter, loc, op.getInput());
    Value positions = toBuffer(rewriter, loc, op.getPositions());
    int64_t rank = cast<MemRefType>(x.getType()).getRank();
    SmallVector<Value> sizes;
    for (int64_t d = 0; d < rank; ++d)
      sizes.push_back(e.dim(x, d));
    Value out = allocResult(rewriter, loc, op.getResult(), sizes);
    e.loopNest(sizes, [&](ValueRange ix) {
      // ix = (tokens..., h, d); a dense token (b, s) sits at s by default.
      ValueRange tokens = ix.drop_back(2);
      Value pos = positions ? e.loadIndex(positions, tokens) : tokens.back();
      auto channel = [&](Value c) {
        SmallVector<Value> at(ix.drop_back());
        at.push_back(c);
        return e.loadF32(x, at);
      };
      e.storeF32(applyRope(e, op.getRope(), pos, ix.back(), channel), out,
                 ix);
    });
    rewriter.replaceOp(op, toTensor(rewriter, loc, op.getResult(), out));
    return success();
  }
};
} // namespace

void mlir::attn::loops::populateRopeToLoopsPatterns(
    RewritePatternSet &patterns) {
  patterns.add<RopeToLoops>(patterns.getContext());
}
