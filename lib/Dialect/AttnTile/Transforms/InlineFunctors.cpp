//===- InlineFunctors.cpp - attn-inline-functors --------------------------===//
//
// attn_tile.transform_scores to a linalg.generic running the score_mod and
// mask_mod regions inline, element by element.
//
//===----------------------------------------------------------------------===//

#include "attn/Dialect/AttnTile/Transforms/Passes.h"

#include "attn/Dialect/Attn/IR/AttnOps.h"

#include "mlir/Interfaces/SideEffectInterfaces.h"

#include <limits>

namespace mlir::attn::tile {
#define GEN_PASS_DEF_ATTNINLINEFUNCTORS
#include "attn/Dialect/AttnTile/Transforms/Passes.h.inc"
} // namespace mlir::attn::tile

using namespace mlir;
using namespace mlir::attn::tile;

/// Whether every value `op` (and the ops nested in it) reads is defined
/// outside `scope`, or inside `op` itself.
static bool readsOnlyValuesOutside(Operation *op, Operation *scope) {
  WalkResult result = op->walk([&](Operation *nested) {
    for (Value v : nested->getOperands()) {
      Operation *def = v.getDefiningOp();
      if (!def)
        def = v.getParentBlock()->getParentOp();
      if (scope->isAncestor(def) && !op->isAncestor(def))
        return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return !result.wasInterrupted();
}

/// Moves the ops of `op`'s regions that compute one value for the whole
/// tile out of them: pure, speculatable ops that read neither the score nor
/// the query, key or head index, only values defined above and the request
/// (one per work item, so the region's request argument is `op`'s). They
/// go before `op`, then out of the loops around it while their operands
/// allow, so they run once per work item instead of once per score (e.g.
/// `Sk_b - Sq_b` read from cu_seqlens, or a reduction over the batch).
static void hoistUniformOps(RewriterBase &rewriter, TransformScoresOp op) {
  SmallVector<Operation *> hoisted;
  for (auto [region, requestArg] :
       {std::pair<Region *, unsigned>{&op.getScoreMod(), 1},
        {&op.getMaskMod(), 0}}) {
    if (region->empty())
      continue;
    Block &body = region->front();
    rewriter.replaceAllUsesWith(body.getArgument(requestArg),
                                op.getRequest());
    for (Operation &nested : llvm::make_early_inc_range(body)) {
      if (nested.hasTrait<OpTrait::IsTerminator>() || !isPure(&nested) ||
          !readsOnlyValuesOutside(&nested, op))
        continue;
      rewriter.moveOpBefore(&nested, op);
      hoisted.push_back(&nested);
    }
  }
  for (Operation *h : hoisted) {
    Operation *outermost = nullptr;
    for (auto loop = dyn_cast<scf::ForOp>(h->getParentOp());
         loop && readsOnlyValuesOutside(h, loop);
         loop = dyn_cast<scf::ForOp>(loop->getParentOp()))
      outermost = loop;
    if (outermost)
      rewriter.moveOpBefore(h, outermost);
  }
}

Value mlir::attn::tile::inlineScoreFunctors(RewriterBase &rewriter,
                                            TransformScoresOp op) {
  hoistUniformOps(rewriter, op);
  Location loc = op.getLoc();
  auto type = cast<RankedTensorType>(op.getType());
  MLIRContext *ctx = op.getContext();
  bool regions = !op.getScoreMod().empty() || !op.getMaskMod().empty();
  // Nothing to apply: whole KV blocks, and rows past the request are not
  // stored.
  if (!regions && op.getKeysInBounds()) {
    Value scores = op.getScores();
    rewriter.replaceOp(op, scores);
    return scores;
  }
  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPoint(op);
  Value empty = tensor::EmptyOp::create(rewriter, loc, type.getShape(),
                                        type.getElementType());
  AffineMap id = AffineMap::getMultiDimIdentityMap(2, ctx);
  SmallVector<utils::IteratorType> iterators(2, utils::IteratorType::parallel);
  int64_t pack = op.getGqaPack();
  auto generic = linalg::GenericOp::create(
      rewriter, loc, TypeRange{type}, ValueRange{op.getScores()},
      ValueRange{empty}, ArrayRef<AffineMap>{id, id}, iterators,
      [&](OpBuilder &b, Location loc, ValueRange args) {
        auto c = [&](int64_t v) -> Value {
          return arith::ConstantIndexOp::create(b, loc, v);
        };
        Value r = linalg::IndexOp::create(b, loc, 0);
        Value col = linalg::IndexOp::create(b, loc, 1);
        Value i = arith::AddIOp::create(
            b, loc, op.getQuery(), arith::DivUIOp::create(b, loc, r, c(pack)));
        Value h = arith::AddIOp::create(
            b, loc, op.getHead(), arith::RemUIOp::create(b, loc, r, c(pack)));
        Value j = arith::AddIOp::create(b, loc, op.getKey(), col);
        Value request = op.getRequest();
        Value negInf = arith::ConstantOp::create(
            b, loc,
            b.getF32FloatAttr(-std::numeric_limits<float>::infinity()));
        Value s = args[0];
        // The regions run only inside the request (i < Sq, j < Sk), and
        // score_mod only where the key is visible.
        auto scored = [&](OpBuilder &b) -> Value {
          if (op.getScoreMod().empty())
            return s;
          return attn::inlineFunctorRegion(b, op.getScoreMod(), {s, request, h, i, j});
        };
        auto masked = [&](OpBuilder &b, Location loc) {
          if (op.getMaskMod().empty()) {
            scf::YieldOp::create(b, loc, scored(b));
            return;
          }
          Value visible =
              attn::inlineFunctorRegion(b, op.getMaskMod(), {request, h, i, j});
          auto inner = scf::IfOp::create(
              b, loc, visible,
              [&](OpBuilder &b, Location loc) {
                scf::YieldOp::create(b, loc, scored(b));
              },
              [&](OpBuilder &b, Location loc) {
                scf::YieldOp::create(b, loc, negInf);
              });
          scf::YieldOp::create(b, loc, inner.getResult(0));
        };
        // The bounds the regions need (i < Sq, j < Sk) and the key bound
        // the softmax needs, unless the keys are known to be in bounds.
        Value inside;
        auto both = [&](Value x) {
          inside = inside ? arith::AndIOp::create(b, loc, inside, x) : x;
        };
        if (regions)
          both(arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, i,
                                     op.getNumQueries()));
        if (!op.getKeysInBounds())
          both(arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, j,
                                     op.getNumKeys()));
        auto outer = scf::IfOp::create(
            b, loc, inside, masked, [&](OpBuilder &b, Location loc) {
              scf::YieldOp::create(b, loc, negInf);
            });
        linalg::YieldOp::create(b, loc, outer.getResult(0));
      });
  rewriter.replaceOp(op, generic.getResults());
  return generic.getResult(0);
}

namespace {
struct InlineFunctorsPass
    : mlir::attn::tile::impl::AttnInlineFunctorsBase<InlineFunctorsPass> {
  void runOnOperation() override {
    SmallVector<TransformScoresOp> ops;
    getOperation()->walk([&](TransformScoresOp op) { ops.push_back(op); });
    IRRewriter rewriter(&getContext());
    for (TransformScoresOp op : ops) {
      inlineScoreFunctors(rewriter, op);
      ++numInlined;
    }
  }
};
} // namespace
