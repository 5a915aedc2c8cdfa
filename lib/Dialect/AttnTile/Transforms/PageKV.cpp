//===- PageKV.cpp - attn-page-kv ------------------------------------------===//
//
// Paged load_kv -> page_slots (the page-table lookup) + gather_kv.
//
//===----------------------------------------------------------------------===//

#include "attn/Dialect/AttnTile/Transforms/Passes.h"

namespace mlir::attn::tile {
#define GEN_PASS_DEF_ATTNPAGEKV
#include "attn/Dialect/AttnTile/Transforms/Passes.h.inc"
} // namespace mlir::attn::tile

using namespace mlir;
using namespace mlir::attn::tile;

namespace {
struct PageKVPass : mlir::attn::tile::impl::AttnPageKVBase<PageKVPass> {
  void runOnOperation() override {
    SmallVector<LoadKVOp> loads;
    getOperation()->walk([&](LoadKVOp op) {
      if (op.isPaged())
        loads.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    // One lookup per (block, table, first, key, count, rows): K and V share.
    DenseMap<std::tuple<Block *, Value, Value, Value, Value, int64_t>,
             PageSlotsOp>
        lookups;
    for (LoadKVOp op : loads) {
      auto type = cast<MemRefType>(op.getSource().getType());
      int64_t pageSize = type.getDimSize(getPageSizeDim(op.getLayout()));
      if (ShapedType::isDynamic(pageSize)) {
        emitRemark(op.getLoc())
            << "attn-page-kv: the cache's page size is not static; the "
               "load keeps its page table";
        continue;
      }
      int64_t rows = op.getType().getDimSize(0);
      auto key = std::make_tuple(op->getBlock(), op.getTable(), op.getFirst(),
                                 op.getKey(), op.getCount(), rows);
      PageSlotsOp &slots = lookups[key];
      if (!slots) {
        // The lookup goes before the first load that needs it, which every
        // later load of the same block with the same operands follows.
        rewriter.setInsertionPoint(op);
        slots = PageSlotsOp::create(
            rewriter, op.getLoc(),
            RankedTensorType::get({rows}, rewriter.getIndexType()),
            op.getTable(), op.getFirst(), op.getKey(), op.getCount(),
            rewriter.getI64IntegerAttr(pageSize));
      }
      rewriter.setInsertionPoint(op);
      rewriter.replaceOpWithNewOp<GatherKVOp>(
          op, op.getType(), op.getLayoutAttr(), op.getSource(),
          slots.getResult(), op.getHead(), op.getCount(), op.getDescale());
      ++numPaged;
    }
  }
};
} // namespace
