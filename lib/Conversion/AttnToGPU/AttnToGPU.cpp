//===- AttnToGPU.cpp - attn ops without a KV loop to gpu.launch -----------===//
//
// The target-neutral GPU lowering of the attn ops that are not attention
// kernels: attn.merge_states becomes a gpu.launch with one thread per
// (token, head) row, running the same row computation as the loop lowering
// (loops::emitMergeStatesRow). attn-to-nvvm and attn-to-rocdl both run it.
//
//===----------------------------------------------------------------------===//

#include "attn/Conversion/AttnToGPU/AttnToGPU.h"
#include "attn/Conversion/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir::attn {
#define GEN_PASS_DEF_CONVERTATTNTOGPU
#define GEN_PASS_DEF_ATTNGPUSCRATCH
#include "attn/Conversion/Passes.h.inc"
} // namespace mlir::attn

using namespace mlir;
using namespace mlir::attn;
using namespace mlir::attn::loops;

void mlir::attn::launchRows(OpBuilder &b, Location loc, Value rows,
                            function_ref<void(Emitter &, Value)> body) {
  constexpr int64_t kThreads = 128;
  Emitter e{b, loc};
  Value one = e.idx(1);
  Value blocks = arith::CeilDivUIOp::create(b, loc, rows, e.idx(kThreads));
  auto launch = gpu::LaunchOp::create(b, loc, blocks, one, one,
                                      e.idx(kThreads), one, one);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(&launch.getBody().front());
  Value row = e.add(e.mul(launch.getBlockIds().x, e.idx(kThreads)),
                    launch.getThreadIds().x);
  e.ifThen(e.lt(row, rows), [&] { body(e, row); });
  gpu::TerminatorOp::create(b, loc);
}

namespace {


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
    launchRows(rewriter, loc, rows, [&](Emitter &e, Value row) {
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
/// Host buffers that kernels use become device allocations, freed before
/// the function returns.
struct GpuScratchPass : attn::impl::AttnGpuScratchBase<GpuScratchPass> {
  using Base::Base;

  void runOnOperation() override {
    IRRewriter rewriter(&getContext());
    getOperation()->walk([&](func::FuncOp func) {
      SmallVector<memref::AllocOp> allocs;
      SmallVector<memref::DeallocOp> deallocs;
      func.walk([&](Operation *op) {
        if (op->getParentOfType<gpu::LaunchOp>())
          return;
        if (auto alloc = dyn_cast<memref::AllocOp>(op))
          allocs.push_back(alloc);
        else if (auto dealloc = dyn_cast<memref::DeallocOp>(op))
          deallocs.push_back(dealloc);
      });
      for (memref::AllocOp alloc : allocs) {
        rewriter.setInsertionPoint(alloc);
        auto device = gpu::AllocOp::create(
            rewriter, alloc.getLoc(), alloc.getType(), /*asyncToken=*/Type(),
            /*asyncDependencies=*/ValueRange(), alloc.getDynamicSizes(),
            /*symbolOperands=*/ValueRange());
        rewriter.replaceOp(alloc, device.getMemref());
      }
      for (memref::DeallocOp dealloc : deallocs) {
        rewriter.setInsertionPoint(dealloc);
        gpu::DeallocOp::create(rewriter, dealloc.getLoc(),
                               /*asyncToken=*/Type(), ValueRange(),
                               dealloc.getMemref());
        rewriter.eraseOp(dealloc);
      }
      if (!free)
        return;
      // Device scratch nothing frees yet is freed before each return.
      SmallVector<func::ReturnOp> returns(func.getOps<func::ReturnOp>());
      func.walk([&](gpu::AllocOp alloc) {
        if (alloc->getParentOfType<gpu::LaunchOp>() ||
            llvm::any_of(alloc.getMemref().getUsers(),
                         [](Operation *u) { return isa<gpu::DeallocOp>(u); }))
          return;
        for (func::ReturnOp ret : returns) {
          rewriter.setInsertionPoint(ret);
          gpu::DeallocOp::create(rewriter, ret.getLoc(), /*asyncToken=*/Type(),
                                 ValueRange(), alloc.getMemref());
        }
      });
    });
  }
};
} // namespace
