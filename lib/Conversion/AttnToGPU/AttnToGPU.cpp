//===- AttnToGPU.cpp - attn ops without a KV loop to gpu.launch -----------===//
//
// The target-neutral GPU lowering of the attn ops that are not attention
// kernels, a gpu.launch with a thread per output element running the same
// element computation as the loop lowering: attn.merge_states (a thread per
// (token, head, channel): neighbouring threads read and write neighbouring
// channels) and attn.append_kv (a thread per (token, head, channel) of the
// new tokens, writing into the caches' buffers in place). attn-to-nvvm and
// attn-to-rocdl both run it.
//
//===----------------------------------------------------------------------===//

#include "attn/Conversion/AttnToGPU/AttnToGPU.h"
#include "attn/Conversion/Passes.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
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

void mlir::attn::launchThreads(OpBuilder &b, Location loc, Value count,
                               function_ref<void(Emitter &, Value)> body) {
  constexpr int64_t kThreads = 128;
  Emitter e{b, loc};
  Value one = e.idx(1);
  Value blocks = arith::CeilDivUIOp::create(b, loc, count, e.idx(kThreads));
  auto launch = gpu::LaunchOp::create(b, loc, blocks, one, one,
                                      e.idx(kThreads), one, one);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(&launch.getBody().front());
  Value id = e.add(e.mul(launch.getBlockIds().x, e.idx(kThreads)),
                   launch.getThreadIds().x);
  e.ifThen(e.lt(id, count), [&] { body(e, id); });
  gpu::TerminatorOp::create(b, loc);
}

/// Row-major delinearization of `linear` < product(dims) over `dims`.
static SmallVector<Value> delinearize(Emitter &e, Value linear,
                                      ArrayRef<Value> dims) {
  SmallVector<Value> idx(dims.size());
  for (int64_t i = dims.size() - 1; i > 0; --i) {
    idx[i] = e.rem(linear, dims[i]);
    linear = e.div(linear, dims[i]);
  }
  idx[0] = linear;
  return idx;
}

static Value product(Emitter &e, ArrayRef<Value> dims) {
  Value n = e.idx(1);
  for (Value d : dims)
    n = e.mul(n, d);
  return n;
}

namespace {

/// A thread per element of `out`; each computes its row's merged LSE (a
/// handful of loads that the row's threads share through the cache) and
/// the row's first thread stores it.
struct MergeStatesToGPU : OpRewritePattern<MergeStatesOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(MergeStatesOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Emitter e{rewriter, loc};
    MergeStatesBuffers m = prepareMergeStates(e, op);
    launchThreads(rewriter, loc, product(e, m.dims),
                  [&](Emitter &e, Value id) {
                    SmallVector<Value> idx = delinearize(e, id, m.dims);
                    Value d = idx.pop_back_val();
                    MergedRow row = emitMergedLse(e, m.lses, idx);
                    e.ifThen(e.cmpi(arith::CmpIPredicate::eq, d, e.idx(0)),
                             [&] { e.storeF32(row.lse, m.lse, idx); });
                    emitMergedValue(e, m.values, m.lses, m.out, row, idx, d);
                  });
    replaceMergeStates(rewriter, op, m);
    return success();
  }
};

/// A thread per (token, head, channel) of the longer of K and V: it stores
/// its key channel and its value channel where the token goes. The caches'
/// buffers are written in place; bufferization copies them first where the
/// caches are read after the append (a writing to_buffer).
struct AppendKVToGPU : OpRewritePattern<AppendKVOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(AppendKVOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Emitter e{rewriter, loc};
    AppendKVEmitter append(e, op);
    auto writable = [&](Value cache) -> Value {
      auto t = cast<RankedTensorType>(cache.getType());
      return bufferization::ToBufferOp::create(
          rewriter, loc, MemRefType::get(t.getShape(), t.getElementType()),
          cache, /*read_only=*/false);
    };
    Value caches[] = {writable(op.getKCache()), writable(op.getVCache())};
    int64_t dk = append.dim(/*isKey=*/true), dv = append.dim(/*isKey=*/false);
    Value dims[] = {append.tokens(), e.idx(append.heads()),
                    e.idx(std::max(dk, dv))};
    launchThreads(rewriter, loc, product(e, dims), [&](Emitter &e, Value id) {
      SmallVector<Value> thd = delinearize(e, id, dims);
      Value t = thd[0], h = thd[1], d = thd[2];
      auto [valid, page, slot] = append.locate(t);
      e.ifThen(valid, [&] {
        for (auto [isKey, cache, dim] :
             {std::tuple(true, caches[0], dk), std::tuple(false, caches[1], dv)})
          e.ifThen(e.lt(d, e.idx(dim)), [&] {
            Type elt = cast<MemRefType>(cache.getType()).getElementType();
            memref::StoreOp::create(rewriter, loc,
                                    append.element(isKey, t, h, d, elt), cache,
                                    append.index(isKey, page, slot, h, d));
          });
      });
    });
    rewriter.replaceOp(op, {toTensor(rewriter, loc, op.getKCacheOut(), caches[0]),
                            toTensor(rewriter, loc, op.getVCacheOut(), caches[1])});
    return success();
  }
};

struct ConvertAttnToGPUPass
    : attn::impl::ConvertAttnToGPUBase<ConvertAttnToGPUPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<MergeStatesToGPU, AppendKVToGPU>(&getContext());
    ConversionTarget target(getContext());
    target.addIllegalOp<MergeStatesOp, AppendKVOp>();
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
      SmallVector<memref::CopyOp> copies;
      func.walk([&](Operation *op) {
        if (op->getParentOfType<gpu::LaunchOp>())
          return;
        if (auto alloc = dyn_cast<memref::AllocOp>(op))
          allocs.push_back(alloc);
        else if (auto dealloc = dyn_cast<memref::DeallocOp>(op))
          deallocs.push_back(dealloc);
        else if (auto copy = dyn_cast<memref::CopyOp>(op))
          copies.push_back(copy);
      });
      // Host buffers are device memory: bufferization's copies (of a cache
      // read after append_kv writes it) become device copies.
      for (memref::CopyOp copy : copies) {
        rewriter.setInsertionPoint(copy);
        gpu::MemcpyOp::create(rewriter, copy.getLoc(), /*asyncToken=*/Type(),
                              ValueRange(), copy.getTarget(),
                              copy.getSource());
        rewriter.eraseOp(copy);
      }
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
