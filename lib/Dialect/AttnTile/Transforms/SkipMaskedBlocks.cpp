//===- SkipMaskedBlocks.cpp - attn-skip-masked-blocks ---------------------===//
//
// KV-loop bounds derived from the mask_mod region: a conjunction of signed
// comparisons linear in (i, j) bounds, for a query block, the KV blocks it
// can see and those it sees entirely.
//
//===----------------------------------------------------------------------===//

#include "attn/Dialect/AttnTile/Transforms/Passes.h"

#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace mlir::attn::tile {
#define GEN_PASS_DEF_ATTNSKIPMASKEDBLOCKS
#include "attn/Dialect/AttnTile/Transforms/Passes.h.inc"
} // namespace mlir::attn::tile

using namespace mlir;
using namespace mlir::attn::tile;

namespace {

/// ci * i + cj * j + sum of signed uniform values.
struct Linear {
  int64_t ci = 0, cj = 0;
  SmallVector<std::pair<int64_t, Value>> uniform;

  Linear scaled(int64_t s) const {
    Linear r{ci * s, cj * s, {}};
    for (auto [sign, v] : uniform)
      r.uniform.push_back({sign * s, v});
    return r;
  }
  Linear plus(const Linear &o) const {
    Linear r{ci + o.ci, cj + o.cj, uniform};
    r.uniform.append(o.uniform.begin(), o.uniform.end());
    return r;
  }
};

/// Reads a mask_mod region (b, h, i, j) -> i1.
class MaskAnalysis {
public:
  MaskAnalysis(Region &region, scf::ForOp loop)
      : block(region.front()), loop(loop) {}

  /// A value computed from `b` and values defined before the KV loop only.
  bool isUniform(Value v) {
    if (auto arg = dyn_cast<BlockArgument>(v); arg && arg.getOwner() == &block)
      return arg.getArgNumber() == 0;
    Operation *def = v.getDefiningOp();
    if (!def || def->getBlock() != &block)
      return loop.isDefinedOutsideOfLoop(v);
    // Reads are fine (metadata is not written by the kernel); writes not.
    if (def->getNumRegions() != 0 || hasEffect<MemoryEffects::Write>(def) ||
        hasEffect<MemoryEffects::Allocate>(def) ||
        hasEffect<MemoryEffects::Free>(def))
      return false;
    return llvm::all_of(def->getOperands(),
                        [&](Value o) { return isUniform(o); });
  }

  std::optional<Linear> linearize(Value v) {
    if (auto arg = dyn_cast<BlockArgument>(v); arg && arg.getOwner() == &block) {
      if (arg.getArgNumber() == 2)
        return Linear{1, 0, {}};
      if (arg.getArgNumber() == 3)
        return Linear{0, 1, {}};
      if (arg.getArgNumber() == 1)
        return std::nullopt; // the head varies over a packed tile
    }
    if (isUniform(v))
      return Linear{0, 0, {{1, v}}};
    Operation *def = v.getDefiningOp();
    auto binary = [&](int64_t sign) -> std::optional<Linear> {
      auto l = linearize(def->getOperand(0));
      auto r = linearize(def->getOperand(1));
      if (!l || !r)
        return std::nullopt;
      return l->plus(r->scaled(sign));
    };
    if (isa<arith::AddIOp>(def))
      return binary(1);
    if (isa<arith::SubIOp>(def))
      return binary(-1);
    return std::nullopt;
  }

  /// The terms `t >= 0` of the yielded conjunction; `complete` is false when
  /// a conjunct was not recognized.
  SmallVector<Linear> terms(bool &complete) {
    SmallVector<Linear> out;
    complete = true;
    Value root = block.getTerminator()->getOperand(0);
    SmallVector<Value> work = {root};
    while (!work.empty()) {
      Value v = work.pop_back_val();
      if (auto a = v.getDefiningOp<arith::AndIOp>();
          a && a->getBlock() == &block) {
        work.push_back(a.getLhs());
        work.push_back(a.getRhs());
        continue;
      }
      std::optional<Linear> t = term(v);
      if (t && std::abs(t->cj) <= 1 && t->cj != 0)
        out.push_back(*t);
      else
        complete = false;
    }
    return out;
  }

private:
  /// cmpi as `t >= 0`.
  std::optional<Linear> term(Value v) {
    auto cmp = v.getDefiningOp<arith::CmpIOp>();
    if (!cmp || cmp->getBlock() != &block)
      return std::nullopt;
    auto l = linearize(cmp.getLhs()), r = linearize(cmp.getRhs());
    if (!l || !r)
      return std::nullopt;
    Linear lMinusR = l->plus(r->scaled(-1));
    Linear rMinusL = r->plus(l->scaled(-1));
    auto minusOne = [](Linear t) {
      t.uniform.push_back({-1, Value()}); // the constant -1
      return t;
    };
    switch (cmp.getPredicate()) {
    case arith::CmpIPredicate::sge:
      return lMinusR;
    case arith::CmpIPredicate::sgt:
      return minusOne(lMinusR);
    case arith::CmpIPredicate::sle:
      return rMinusL;
    case arith::CmpIPredicate::slt:
      return minusOne(rMinusL);
    default:
      return std::nullopt;
    }
  }

  Block &block;
  scf::ForOp loop;
};

/// Signed index arithmetic at a builder.
struct S {
  OpBuilder &b;
  Location loc;
  Value c(int64_t v) { return arith::ConstantIndexOp::create(b, loc, v); }
  Value add(Value x, Value y) { return b.createOrFold<arith::AddIOp>(loc, x, y); }
  Value mul(Value x, Value y) { return b.createOrFold<arith::MulIOp>(loc, x, y); }
  Value neg(Value x) { return b.createOrFold<arith::SubIOp>(loc, c(0), x); }
  Value floorDiv(Value x, int64_t d) {
    return b.createOrFold<arith::FloorDivSIOp>(loc, x, c(d));
  }
  Value ceilDiv(Value x, int64_t d) {
    return b.createOrFold<arith::CeilDivSIOp>(loc, x, c(d));
  }
  Value max(Value x, Value y) { return b.createOrFold<arith::MaxSIOp>(loc, x, y); }
  Value min(Value x, Value y) { return b.createOrFold<arith::MinSIOp>(loc, x, y); }
};

/// Clones the uniform computation of `v` out of the mask region, with `b`
/// bound to the request.
Value materialize(OpBuilder &builder, Value v, Block &region, Value request,
                  IRMapping &map) {
  if (Value m = map.lookupOrNull(v))
    return m;
  if (auto arg = dyn_cast<BlockArgument>(v); arg && arg.getOwner() == &region) {
    map.map(arg, request);
    return request;
  }
  Operation *def = v.getDefiningOp();
  if (!def || def->getBlock() != &region)
    return v;
  for (Value o : def->getOperands())
    materialize(builder, o, region, request, map);
  builder.clone(*def, map);
  return map.lookup(v);
}

struct SkipMaskedBlocksPass
    : mlir::attn::tile::impl::AttnSkipMaskedBlocksBase<SkipMaskedBlocksPass> {
  void runOnOperation() override {
    SmallVector<std::pair<KernelOp, TransformScoresOp>> work;
    getOperation()->walk([&](TransformScoresOp op) {
      auto kernel = op->getParentOfType<KernelOp>();
      if (kernel && !op.getMaskMod().empty())
        work.push_back({kernel, op});
    });
    for (auto [kernel, op] : work)
      rewrite(kernel, op);
  }

  void rewrite(KernelOp kernel, TransformScoresOp op) {
    // The KV loop must run nb over [0, n) with keys j0 = nb * block_n.
    auto loop = dyn_cast<scf::ForOp>(op->getParentOp());
    int64_t blockN = kernel.getBlockN();
    if (!loop || !matchPattern(loop.getLowerBound(), m_Zero()) ||
        !matchPattern(loop.getStep(), m_One()))
      return;
    auto key = op.getKey().getDefiningOp<arith::MulIOp>();
    APInt keyStride;
    if (!key || key.getLhs() != loop.getInductionVar() ||
        !matchPattern(key.getRhs(), m_ConstantInt(&keyStride)) ||
        keyStride.getSExtValue() != blockN || !loop.isDefinedOutsideOfLoop(
                                                  op.getQuery()) ||
        !loop.isDefinedOutsideOfLoop(op.getRequest()))
      return;
    Block &region = op.getMaskMod().front();
    MaskAnalysis analysis(op.getMaskMod(), loop);
    bool complete;
    SmallVector<Linear> terms = analysis.terms(complete);
    if (terms.empty())
      return;

    OpBuilder b(loop);
    S s{b, loop.getLoc()};
    IRMapping map;
    int64_t rows = kernel.getBlockM() / op.getGqaPack();
    Value iLo = op.getQuery(), iHi = s.add(iLo, s.c(rows - 1));
    Value lo = s.c(0), hi = loop.getUpperBound();
    Value fullLo = lo, fullHi = hi;
    for (const Linear &t : terms) {
      // u = sum of the uniform values, a * i over the block's rows.
      Value u = s.c(0);
      for (auto [sign, v] : t.uniform) {
        Value m = v ? materialize(b, v, region, op.getRequest(), map)
                    : s.c(1);
        u = s.add(u, sign == 1 ? m : sign == -1 ? s.neg(m)
                                                : s.mul(s.c(sign), m));
      }
      Value aLo = s.mul(s.c(t.ci), iLo), aHi = s.mul(s.c(t.ci), iHi);
      Value aMax = s.add(s.max(aLo, aHi), u), aMin = s.add(s.min(aLo, aHi), u);
      if (t.cj < 0) {
        // j <= a i + u: blocks past the largest bound are hidden; blocks
        // ending at or before the smallest one are fully visible.
        hi = s.min(hi, s.add(s.floorDiv(aMax, blockN), s.c(1)));
        fullHi = s.min(fullHi, s.floorDiv(s.add(aMin, s.c(1)), blockN));
      } else {
        // j >= -(a i + u).
        lo = s.max(lo, s.floorDiv(s.neg(aMax), blockN));
        fullLo = s.max(fullLo, s.ceilDiv(s.neg(aMin), blockN));
      }
    }
    hi = s.max(hi, lo);
    ++numBounded;
    if (!complete) {
      loop.getLowerBoundMutable().assign(lo);
      loop.getUpperBoundMutable().assign(hi);
      return;
    }
    // [lo, fullLo) masked, [fullLo, fullHi) unmasked, [fullHi, hi) masked.
    fullLo = s.min(s.max(fullLo, lo), hi);
    fullHi = s.max(s.min(fullHi, hi), fullLo);
    auto first = cast<scf::ForOp>(b.clone(*loop));
    first.getLowerBoundMutable().assign(lo);
    first.getUpperBoundMutable().assign(fullLo);
    auto middle = cast<scf::ForOp>(b.clone(*loop));
    middle.getLowerBoundMutable().assign(fullLo);
    middle.getUpperBoundMutable().assign(fullHi);
    middle.getInitArgsMutable().assign(first.getResults());
    middle.walk([](TransformScoresOp t) { t.getMaskMod().getBlocks().clear(); });
    loop.getLowerBoundMutable().assign(fullHi);
    loop.getUpperBoundMutable().assign(hi);
    loop.getInitArgsMutable().assign(middle.getResults());
    ++numSplit;
  }
};
} // namespace
