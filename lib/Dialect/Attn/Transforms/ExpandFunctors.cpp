//===- ExpandFunctors.cpp - attn-expand-functors --------------------------===//
//
// Named logits transforms (softcap, ALiBi, causal/window masks, the sigmoid
// normalizer) become score_mod/mask_mod regions that compute the same
// function (docs/design.md §3.1), so later passes see one form.
//
//===----------------------------------------------------------------------===//

#include "attn/Dialect/Attn/IR/AttnOps.h"
#include "attn/Dialect/Attn/Transforms/Passes.h"
#include "attn/Dialect/Attn/Transforms/RequestLengths.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/PatternMatch.h"
#include "llvm/ADT/TypeSwitch.h"

namespace mlir::attn {
#define GEN_PASS_DEF_ATTNEXPANDFUNCTORS
#include "attn/Dialect/Attn/Transforms/Passes.h.inc"
} // namespace mlir::attn

using namespace mlir;
using namespace mlir::attn;

namespace {
/// Which transforms the pass expands.
struct Selection {
  bool softcap = true, alibi = true, mask = true, sigmoid = true;
};

/// f32 and index arithmetic at the rewriter's insertion point.
struct Math {
  RewriterBase &b;
  Location loc;

  Value f32(double v) {
    return arith::ConstantOp::create(b, loc, b.getF32FloatAttr(v));
  }
  Value idx(int64_t v) { return arith::ConstantIndexOp::create(b, loc, v); }
  Value addf(Value x, Value y) { return arith::AddFOp::create(b, loc, x, y); }
  Value subf(Value x, Value y) { return arith::SubFOp::create(b, loc, x, y); }
  Value mulf(Value x, Value y) { return arith::MulFOp::create(b, loc, x, y); }
  Value divf(Value x, Value y) { return arith::DivFOp::create(b, loc, x, y); }
  Value addi(Value x, Value y) { return arith::AddIOp::create(b, loc, x, y); }
  Value subi(Value x, Value y) { return arith::SubIOp::create(b, loc, x, y); }
  Value cmpi(arith::CmpIPredicate p, Value x, Value y) {
    return arith::CmpIOp::create(b, loc, p, x, y);
  }
  Value andi(Value x, Value y) { return arith::AndIOp::create(b, loc, x, y); }
  /// A signed index as f32.
  Value indexToF32(Value v) {
    Value i64 = arith::IndexCastOp::create(b, loc, b.getI64Type(), v);
    return arith::SIToFPOp::create(b, loc, b.getF32Type(), i64);
  }
};

/// Prepends a fresh entry block with `argTypes` to `region`, whose old body
/// (if any) is inlined after the new block's ops by `finish`.
class RegionBuilder {
public:
  RegionBuilder(RewriterBase &rewriter, Region &region, TypeRange argTypes,
                Location loc)
      : rewriter(rewriter) {
    old = region.empty() ? nullptr : &region.front();
    block = new Block();
    for (Type t : argTypes)
      block->addArgument(t, loc);
    region.push_front(block);
    rewriter.setInsertionPointToStart(block);
  }
  BlockArgument arg(unsigned i) { return block->getArgument(i); }
  bool hasUserBody() const { return old != nullptr; }

  /// Runs the user's body (if any) on `args` and returns its yield, whose
  /// operand `post` may then replace; without a user body yields `value`.
  YieldOp finish(Location loc, Value value, ValueRange args) {
    if (!old)
      return YieldOp::create(rewriter, loc, value);
    rewriter.inlineBlockBefore(old, block, block->end(), args);
    return cast<YieldOp>(block->getTerminator());
  }

private:
  RewriterBase &rewriter;
  Block *old = nullptr;
  Block *block = nullptr;
};

/// p_i - j = i + Sk_b - Sq_b - j: how far key j lies before query i's
/// position (bottom-right alignment).
Value distance(Math &m, RequestLengths lens, Value i, Value j) {
  return m.subi(m.addi(i, m.subi(lens.numKeys, lens.numQueries)), j);
}

template <typename OpTy>
bool expand(OpTy op, const Selection &sel, IRRewriter &rewriter) {
  Location loc = op.getLoc();
  MLIRContext *ctx = op.getContext();
  std::optional<float> softcap;
  if (sel.softcap && op.getSoftcapAttr())
    softcap = op.getSoftcapAttr().getValueAsDouble();
  // ALiBi follows soft-capping (§3.1): once the cap moves into score_mod, a
  // named ALiBi would apply before it, so it moves too.
  Value slopes = sel.alibi || softcap ? op.getAlibiSlopes() : Value();
  std::optional<float> sigmoidBias;
  if (sel.sigmoid && op.getNormalizer() == Normalizer::sigmoid)
    sigmoidBias = op.getSigmoidBias() ? op.getSigmoidBias()->convertToFloat()
                                      : 0.0f;
  auto [left, right] =
      cast<AttentionOpInterface>(op.getOperation()).getMaskWindow();
  bool mask = sel.mask && (left >= 0 || right >= 0);
  if (!softcap && !slopes && !sigmoidBias && !mask)
    return false;

  Type f32 = rewriter.getF32Type(), index = rewriter.getIndexType();
  Math m{rewriter, loc};
  if (softcap || slopes || sigmoidBias) {
    RegionBuilder rb(rewriter, op.getScoreMod(),
                     {f32, index, index, index, index}, loc);
    Value s = rb.arg(0), b = rb.arg(1), h = rb.arg(2), i = rb.arg(3),
          j = rb.arg(4);
    if (softcap) {
      Value c = m.f32(*softcap);
      s = m.mulf(c, math::TanhOp::create(rewriter, loc, m.divf(s, c)));
    }
    if (slopes) {
      RequestLengths lens = buildRequestLengths(rewriter, loc, op, b);
      Value d = distance(m, lens, i, j);
      Value negative = m.cmpi(arith::CmpIPredicate::slt, d, m.idx(0));
      Value absD = arith::SelectOp::create(rewriter, loc, negative,
                                           m.subi(m.idx(0), d), d);
      bool perRequest = cast<ShapedType>(slopes.getType()).getRank() == 2;
      SmallVector<Value> at = perRequest ? SmallVector<Value>{b, h}
                                         : SmallVector<Value>{h};
      Value slope = tensor::ExtractOp::create(rewriter, loc, slopes, at);
      s = m.subf(s, m.mulf(slope, m.indexToF32(absD)));
    }
    YieldOp yield = rb.finish(loc, s, {s, b, h, i, j});
    if (sigmoidBias) {
      rewriter.setInsertionPoint(yield);
      Value x = m.addf(yield.getValues()[0], m.f32(*sigmoidBias));
      Value e = math::ExpOp::create(rewriter, loc, m.subf(m.f32(0), x));
      Value sig = m.divf(m.f32(1), m.addf(m.f32(1), e));
      rewriter.modifyOpInPlace(
          yield, [&] { yield.getValuesMutable().assign(sig); });
    }
  }
  if (mask) {
    RegionBuilder rb(rewriter, op.getMaskMod(), {index, index, index, index},
                     loc);
    Value b = rb.arg(0), h = rb.arg(1), i = rb.arg(2), j = rb.arg(3);
    RequestLengths lens = buildRequestLengths(rewriter, loc, op, b);
    // j >= p - left  <=>  p - j <= left;  j <= p + right  <=>  j - p <= right.
    Value d = distance(m, lens, i, j);
    Value visible;
    if (left >= 0)
      visible = m.cmpi(arith::CmpIPredicate::sle, d, m.idx(left));
    if (right >= 0) {
      Value ok = m.cmpi(arith::CmpIPredicate::sge, d, m.idx(-right));
      visible = visible ? m.andi(visible, ok) : ok;
    }
    bool user = rb.hasUserBody();
    YieldOp yield = rb.finish(loc, visible, {b, h, i, j});
    if (user) {
      rewriter.setInsertionPoint(yield);
      Value both = m.andi(visible, yield.getValues()[0]);
      rewriter.modifyOpInPlace(
          yield, [&] { yield.getValuesMutable().assign(both); });
    }
  }

  rewriter.modifyOpInPlace(op, [&] {
    if (softcap)
      op.removeSoftcapAttr();
    if (slopes)
      op.getAlibiSlopesMutable().clear();
    if (sigmoidBias) {
      op.setNormalizerAttr(NormalizerAttr::get(ctx, Normalizer::none));
      op.removeSigmoidBiasAttr();
    }
    if (mask) {
      op.removeCausalAttr();
      op.removeWindowAttr();
    }
  });
  return true;
}

struct ExpandFunctorsPass
    : attn::impl::AttnExpandFunctorsBase<ExpandFunctorsPass> {
  using Base::Base;

  LogicalResult initialize(MLIRContext *ctx) override {
    if (functors.empty())
      return success();
    selection = Selection{false, false, false, false};
    for (const std::string &name : functors) {
      if (name == "softcap")
        selection.softcap = true;
      else if (name == "alibi")
        selection.alibi = true;
      else if (name == "mask")
        selection.mask = true;
      else if (name == "sigmoid")
        selection.sigmoid = true;
      else
        return emitError(UnknownLoc::get(ctx))
               << "attn-expand-functors: unknown functor '" << name
               << "' (expected softcap, alibi, mask or sigmoid)";
    }
    return success();
  }

  void runOnOperation() override {
    IRRewriter rewriter(&getContext());
    getOperation()->walk([&](Operation *op) {
      bool changed =
          llvm::TypeSwitch<Operation *, bool>(op)
              .Case<PrefillOp, BatchPrefillOp, BatchDecodeOp,
                    PagedAttentionOp, MLADecodeOp>([&](auto concrete) {
                return expand(concrete, selection, rewriter);
              })
              .Default([](Operation *) { return false; });
      if (changed)
        ++numExpanded;
    });
  }

  Selection selection;
};
} // namespace
