//===- SplitKV.cpp - attn-split-kv ----------------------------------------===//
//
// Flash decoding: the KV loop of a kernel is shared among S work items of
// the grid's fourth dimension, each storing a partial output and LSE, which
// attn_tile.merge_splits combines after the kernel.
//
//===----------------------------------------------------------------------===//

#include "attn/Dialect/Attn/Transforms/RequestLengths.h"
#include "attn/Dialect/AttnTile/Transforms/Passes.h"

namespace mlir::attn::tile {
#define GEN_PASS_DEF_ATTNSPLITKV
#include "attn/Dialect/AttnTile/Transforms/Passes.h.inc"
} // namespace mlir::attn::tile

using namespace mlir;
using namespace mlir::attn;
using namespace mlir::attn::tile;

namespace {

/// The KV loops feeding `store`: scf.for ops in its block that carry an
/// online softmax, in program order.
SmallVector<scf::ForOp> kvLoops(StoreOp store) {
  SmallVector<scf::ForOp> loops;
  for (Operation &op : *store->getBlock())
    if (auto loop = dyn_cast<scf::ForOp>(op))
      if (!loop.getBody()->getOps<OnlineSoftmaxOp>().empty())
        loops.push_back(loop);
  return loops;
}

/// An f32 workspace [S] + the first `rank` dimensions of `view`.
Value workspace(OpBuilder &b, Location loc, Value splits, Value view,
                int64_t rank) {
  auto type = cast<MemRefType>(view.getType());
  SmallVector<int64_t> shape = {ShapedType::kDynamic};
  SmallVector<Value> dyn = {splits};
  for (int64_t d = 0; d < rank; ++d) {
    shape.push_back(type.getDimSize(d));
    if (type.isDynamicDim(d))
      dyn.push_back(memref::DimOp::create(b, loc, view, d));
  }
  return memref::AllocOp::create(
      b, loc, MemRefType::get(shape, b.getF32Type()), dyn);
}

/// ws[s] as a rank-reduced view.
Value splitView(OpBuilder &b, Location loc, Value ws, Value s) {
  auto type = cast<MemRefType>(ws.getType());
  int64_t rank = type.getRank();
  SmallVector<OpFoldResult> offsets(rank, b.getIndexAttr(0)),
      sizes, strides(rank, b.getIndexAttr(1));
  offsets[0] = s;
  sizes.push_back(b.getIndexAttr(1));
  for (int64_t d = 1; d < rank; ++d)
    sizes.push_back(memref::getMixedSize(b, loc, ws, d));
  auto resultType = memref::SubViewOp::inferRankReducedResultType(
      type.getShape().drop_front(), type, offsets, sizes, strides);
  return memref::SubViewOp::create(b, loc, cast<MemRefType>(resultType), ws,
                                   offsets, sizes, strides);
}

struct SplitKVPass
    : mlir::attn::tile::impl::AttnSplitKVBase<SplitKVPass> {
  using Base::Base;

  void runOnOperation() override {
    SmallVector<KernelOp> kernels;
    getOperation()->walk([&](KernelOp k) { kernels.push_back(k); });
    for (KernelOp kernel : kernels)
      if (succeeded(split(kernel)))
        ++numSplit;
  }

  LogicalResult split(KernelOp kernel) {
    SmallVector<StoreOp> stores(kernel.getBody().getOps<StoreOp>());
    kernel.walk([&](StoreOp s) {
      if (!llvm::is_contained(stores, s))
        stores.push_back(s);
    });
    if (stores.size() != 1)
      return failure();
    StoreOp store = stores.front();
    if (store.getNormalizer() != Normalizer::softmax || store.getOScale()) {
      emitRemark(kernel.getLoc()) << "attn-split-kv: not split: "
                          << (store.getOScale()
                                  ? "its output has an o_scale"
                                  : "its normalizer is not softmax");
      return failure();
    }
    if (!matchPattern(kernel.getKvSplits(), m_One()))
      return failure(); // already split
    SmallVector<scf::ForOp> loops = kvLoops(store);
    if (loops.empty())
      return failure();
    // The blocks' range must be known before the first loop.
    Value hi = loops.back().getUpperBound();
    if (Operation *def = hi.getDefiningOp();
        def && def->getBlock() == loops.front()->getBlock() &&
        !def->isBeforeInBlock(loops.front()))
      return failure();

    Location loc = kernel.getLoc();
    OpBuilder b(kernel);
    IndexMath m{b, loc};
    // S: the option, or enough splits to fill the machine.
    Value splits;
    if (this->splits > 0) {
      splits = m.idx(this->splits);
    } else {
      Value items = m.mul(m.mul(kernel.getRequests(), kernel.getHeadGroups()),
                          kernel.getQBlocks());
      Value wanted = m.ceilDiv(m.idx(parallelism),
                               b.createOrFold<arith::MaxUIOp>(loc, items,
                                                              m.idx(1)));
      splits = b.createOrFold<arith::MaxUIOp>(
          loc, m.min(wanted, m.idx(maxSplits)), m.idx(1));
    }
    // With S chosen at run time, S = 1 (the grid already fills the
    // machine) keeps the unsplit kernel: no workspace, no merge.
    bool runtime = this->splits <= 0;
    Value isSplit;
    Value wsSplits = splits;
    if (runtime) {
      isSplit = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ugt,
                                      splits, m.idx(1));
      wsSplits = arith::SelectOp::create(b, loc, isSplit, splits, m.idx(0));
    }
    Value out = store.getOut(), lse = store.getLse();
    Value wsOut = workspace(b, loc, wsSplits, out, 3);
    // The merge needs every split's LSE even when the op returns none.
    Value wsLse = workspace(b, loc, wsSplits, out, 2);
    kernel.getKvSplitsMutable().assign(splits);

    // Split s runs blocks [lo + s*c, min(hi, lo + (s+1)*c)).
    Value s = kernel.getKVSplit();
    OpBuilder inner(loops.front());
    IndexMath im{inner, loc};
    Value lo = loops.front().getLowerBound();
    Value chunk = im.ceilDiv(im.sub(hi, lo), splits);
    Value from = im.min(im.add(lo, im.mul(s, chunk)), hi);
    Value to = im.min(im.add(from, chunk), hi);
    for (scf::ForOp loop : loops) {
      Value lb = inner.createOrFold<arith::MaxUIOp>(loc, loop.getLowerBound(),
                                                    from);
      Value ub = inner.createOrFold<arith::MaxUIOp>(
          loc, im.min(loop.getUpperBound(), to), lb);
      loop.getLowerBoundMutable().assign(lb);
      loop.getUpperBoundMutable().assign(ub);
    }

    // The split's partial results go to its slice of the workspace.
    inner.setInsertionPoint(store);
    if (runtime) {
      // if (S > 1) store to the slice, else store as before.
      auto branch = scf::IfOp::create(inner, loc, isSplit, /*withElse=*/true);
      inner.setInsertionPointToStart(branch.elseBlock());
      inner.clone(*store);
      store->moveBefore(branch.thenBlock()->getTerminator());
      inner.setInsertionPoint(store);
    }
    Value outSlice = splitView(inner, loc, wsOut, s);
    Value lseSlice = splitView(inner, loc, wsLse, s);
    store.getOutMutable().assign(outSlice);
    if (lse)
      store.getLseMutable().assign(lseSlice);
    else
      store.getLseMutable().append(lseSlice);

    b.setInsertionPointAfter(kernel);
    if (runtime) {
      auto branch = scf::IfOp::create(b, loc, isSplit, /*withElse=*/false);
      b.setInsertionPoint(branch.thenBlock()->getTerminator());
    }
    MergeSplitsOp::create(b, loc, wsOut, wsLse, out, lse);
    return success();
  }
};
} // namespace
