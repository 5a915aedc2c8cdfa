//===- AttnToGPU.cpp - attn ops without a KV loop to gpu.launch -----------===//
//
// The target-neutral GPU lowering of the attn ops that are not attention
// kernels: attn.merge_states becomes a gpu.launch with one thread per
// (token, head) row, running the same row computation as the loop lowering
// (loops::emitMergeStatesRow). attn-to-nvvm and attn-to-rocdl both run it.
//
//===----------------------------------------------------------------------===//

#include "attn/Conversion/AttnToLoops/Emitter.h"
#include "attn/Conversion/Passes.h"

#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir::attn {
#define GEN_PASS_DEF_CONVERTATTNTOGPU
#include "attn/Conversion/Passes.h.inc"
} // namespace mlir::attn

using namespace mlir;
using namespace mlir::attn;
using namespace mlir::attn::loops;

namespace {

/// Threads per block of the row kernels.
constexpr int64_t kThreads = 128;

struct MergeStatesToGPU : OpRewritePattern<MergeStatesOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(MergeStatesOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Emitter e{rewriter, loc};
    MergeStatesBuffers m = prepareMergeStates(e, op);
    ArrayRef<Value> dims = m.dims;

    // One thread per row (the dims but the last).
    ArrayRef<Value> rowDims = dims.drop_back();
    Value rows = e.idx(1);
    for (Value d : rowDims)
      rows = e.mul(rows, d);
    Value one = e.idx(1);
    Value blocks = arith::CeilDivUIOp::create(rewriter, loc, rows,
                                              e.idx(kThreads));
    auto launch = gpu::LaunchOp::create(rewriter, loc, blocks, one, one,
                                        e.idx(kThreads), one, one);
    OpBuilder::InsertionGuard guard(rewriter);
    rewriter.setInsertionPointToStart(&launch.getBody().front());
    Value row = e.add(e.mul(launch.getBlockIds().x, e.idx(kThreads)),
                      launch.getThreadIds().x);
    e.ifThen(e.lt(row, rows), [&] {
      // Row-major delinearization of `row` over the row dims.
      SmallVector<Value> idx(rowDims.size());
      Value rest = row;
      for (int64_t i = rowDims.size() - 1; i >= 0; --i) {
        idx[i] = e.rem(rest, rowDims[i]);
        rest = e.div(rest, rowDims[i]);
      }
      emitMergeStatesRow(e, m.values, m.lses, m.out, m.lse, idx,
                         dims.back());
    });
    gpu::TerminatorOp::create(rewriter, loc);
    rewriter.setInsertionPointAfter(launch);
    replaceMergeStates(rewriter, op, m);
    return success();
  }
};

struct ConvertAttnToGPUPass
    : attn::impl::ConvertAttnToGPUBase<ConvertAttnToGPUPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<MergeStatesToGPU>(&getContext());
    ConversionTarget target(getContext());
    target.addIllegalOp<MergeStatesOp>();
    target.markUnknownOpDynamicallyLegal([](Operation *) { return true; });
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
