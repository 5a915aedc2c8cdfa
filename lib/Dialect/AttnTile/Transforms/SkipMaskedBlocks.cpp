//===- SkipMaskedBlocks.cpp - attn-skip-masked-blocks ---------------------===//
//
// KV-loop bounds derived from the mask_mod region: a conjunction of signed
// comparisons linear in (i, j) bounds, for a query block, the KV blocks it
// can see and those it sees entirely.
//
//===----------------------------------------------------------------------===//

#include "attn/Dialect/AttnTile/Transforms/Passes.h"

#include "attn/Dialect/Attn/Transforms/RequestLengths.h"

#include "mlir/IR/Dominance.h"
#include "mlir/IR/IRMapping.h"

#include <limits>
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace mlir::attn::tile {
#define GEN_PASS_DEF_ATTNSKIPMASKEDBLOCKS
#include "attn/Dialect/AttnTile/Transforms/Passes.h.inc"
} // namespace mlir::attn::tile

using namespace mlir;
using namespace mlir::attn::tile;
using mlir::attn::IndexMath;

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

/// `table[row] == table[key]` with row = i + u and key = j + u' (uniform
/// u, u'): a document mask over packed sequences.
struct DocTerm {
  Value table;
  Linear row, key;
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
  SmallVector<Linear> terms(bool &complete, SmallVector<DocTerm> &docs) {
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
      if (t && std::abs(t->cj) <= 1 && t->cj != 0) {
        out.push_back(*t);
        continue;
      }
      // Not linear: the mask stays on every visited block. A document
      // term still lets hidden blocks be skipped at run time.
      complete = false;
      if (std::optional<DocTerm> d = document(v))
        docs.push_back(*d);
    }
    return out;
  }

private:
  /// `extract(T, i + u) == extract(T, j + u')`, either way round.
  std::optional<DocTerm> document(Value v) {
    auto cmp = v.getDefiningOp<arith::CmpIOp>();
    if (!cmp || cmp->getBlock() != &block ||
        cmp.getPredicate() != arith::CmpIPredicate::eq)
      return std::nullopt;
    auto lookup = [&](Value x) -> std::optional<std::pair<Value, Linear>> {
      auto e = x.getDefiningOp<tensor::ExtractOp>();
      if (!e || e->getBlock() != &block || e.getIndices().size() != 1 ||
          !isUniform(e.getTensor()))
        return std::nullopt;
      std::optional<Linear> at = linearize(e.getIndices()[0]);
      if (!at)
        return std::nullopt;
      return std::make_pair(e.getTensor(), *at);
    };
    auto l = lookup(cmp.getLhs()), r = lookup(cmp.getRhs());
    if (!l || !r || l->first != r->first)
      return std::nullopt;
    auto isRow = [](const Linear &t) { return t.ci == 1 && t.cj == 0; };
    auto isKey = [](const Linear &t) { return t.ci == 0 && t.cj == 1; };
    if (isRow(l->second) && isKey(r->second))
      return DocTerm{l->first, l->second, r->second};
    if (isKey(l->second) && isRow(r->second))
      return DocTerm{l->first, r->second, l->second};
    return std::nullopt;
  }

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

/// The [min, max] of `table[from + u .. to + u)` as signed indices
/// ([MAX, MIN] when empty).
std::pair<Value, Value> idRange(OpBuilder &b, Location loc, Value table,
                                Value from, Value to, Value u) {
  IndexMath s{b, loc};
  Value lo = s.idx(std::numeric_limits<int64_t>::max());
  Value hi = s.idx(std::numeric_limits<int64_t>::min());
  auto loop = scf::ForOp::create(
      b, loc, from, to, s.idx(1), ValueRange{lo, hi},
      [&](OpBuilder &nb, Location nloc, Value x, ValueRange range) {
        IndexMath n{nb, nloc};
        Value id = n.at(table, n.add(x, u));
        scf::YieldOp::create(nb, nloc,
                             ValueRange{n.minSigned(range[0], id), n.maxSigned(range[1], id)});
      });
  return {loop.getResult(0), loop.getResult(1)};
}

/// Wraps the body of the KV loop in `scf.if`: a block whose keys' document
/// ids [kmin, kmax] do not meet the rows' [rmin, rmax] is hidden (no pair of
/// equal ids exists), and the loop passes the softmax state through.
void skipOtherDocuments(OpBuilder &b, scf::ForOp loop, TransformScoresOp op,
                        const DocTerm &d, Value table, Value rowU, Value keyU,
                        int64_t rows, int64_t blockN) {
  Location loc = op.getLoc();
  IndexMath s{b, loc};
  // Rows [i0, min(i0 + rows, Sq)): padding rows have no ids.
  Value i0 = op.getQuery();
  Value rowsEnd = s.minSigned(s.add(i0, s.idx(rows)), op.getNumQueries());
  auto [rmin, rmax] = idRange(b, loc, table, i0, s.maxSigned(rowsEnd, i0), rowU);

  Block *body = loop.getBody();
  auto yield = cast<scf::YieldOp>(body->getTerminator());
  OpBuilder inner = OpBuilder::atBlockBegin(body);
  IndexMath n{inner, loc};
  Value j0 = n.mul(loop.getInductionVar(), n.idx(blockN));
  Value keysEnd = n.minSigned(n.add(j0, n.idx(blockN)), op.getNumKeys());
  auto [kmin, kmax] = idRange(inner, loc, table, j0, n.maxSigned(keysEnd, j0), keyU);
  Value hidden = arith::OrIOp::create(
      inner, loc,
      arith::CmpIOp::create(inner, loc, arith::CmpIPredicate::slt, kmax, rmin),
      arith::CmpIOp::create(inner, loc, arith::CmpIPredicate::sgt, kmin, rmax));
  auto branch = scf::IfOp::create(inner, loc, loop.getResultTypes(), hidden,
                                  /*withElseRegion=*/true);
  Operation *first = branch->getNextNode();
  // then: hidden, the state passes through; else: the block's work.
  OpBuilder thenB = branch.getThenBodyBuilder();
  scf::YieldOp::create(thenB, loc, loop.getRegionIterArgs());
  Block *elseBlock = branch.elseBlock();
  for (Operation *op = first; op != yield;) {
    Operation *next = op->getNextNode();
    op->moveBefore(elseBlock, elseBlock->end());
    op = next;
  }
  OpBuilder elseB = OpBuilder::atBlockEnd(elseBlock);
  scf::YieldOp::create(elseB, loc, yield.getOperands());
  yield->setOperands(branch.getResults());
}

struct SkipMaskedBlocksPass
    : mlir::attn::tile::impl::AttnSkipMaskedBlocksBase<SkipMaskedBlocksPass> {
  void runOnOperation() override {
    SmallVector<std::pair<KernelOp, TransformScoresOp>> work;
    getOperation()->walk([&](TransformScoresOp op) {
      if (auto kernel = op->getParentOfType<KernelOp>())
        work.push_back({kernel, op});
    });
    for (auto [kernel, op] : work)
      rewrite(kernel, op);
  }

  /// Splits `loop` at its last whole KV block (keys j0 + block_n <=
  /// num_keys): the first part's blocks need no key bound. The split point
  /// is computed before `chainStart`, the first loop of the chain `loop`
  /// belongs to (attn-split-kv bounds every loop of a chain there), where
  /// `loop`'s bounds must be known.
  void splitAtKeyBound(scf::ForOp loop, TransformScoresOp op, int64_t blockN,
                       Operation *chainStart) {
    Value keys = op.getNumKeys();
    Value lo = loop.getLowerBound(), hi = loop.getUpperBound();
    DominanceInfo dom;
    for (Value v : {keys, lo, hi})
      if (!dom.properlyDominates(v, chainStart))
        return;
    OpBuilder b(chainStart);
    IndexMath s{b, loop.getLoc()};
    Value whole = s.div(keys, s.idx(blockN));
    Value mid = s.maxSigned(s.minSigned(whole, hi), lo);
    b.setInsertionPoint(loop);
    auto first = cast<scf::ForOp>(b.clone(*loop));
    first.getUpperBoundMutable().assign(mid);
    first.walk([](TransformScoresOp t) { t.setKeysInBounds(true); });
    loop.getLowerBoundMutable().assign(mid);
    loop.getInitArgsMutable().assign(first.getResults());
    ++numKeyBounded;
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
    if (op.getMaskMod().empty()) {
      splitAtKeyBound(loop, op, blockN, loop);
      return;
    }
    Block &region = op.getMaskMod().front();
    MaskAnalysis analysis(op.getMaskMod(), loop);
    bool complete;
    SmallVector<DocTerm> docs;
    SmallVector<Linear> terms = analysis.terms(complete, docs);
    if (terms.empty() && docs.empty())
      return;

    OpBuilder b(loop);
    IndexMath s{b, loop.getLoc()};
    IRMapping map;
    int64_t rows = kernel.getBlockM() / op.getGqaPack();
    Value iLo = op.getQuery(), iHi = s.add(iLo, s.idx(rows - 1));
    Value lo = s.idx(0), hi = loop.getUpperBound();
    Value fullLo = lo, fullHi = hi;
    // The sum of a term's uniform values, computed before the loop.
    auto uniformSum = [&](const Linear &t) {
      Value u = s.idx(0);
      for (auto [sign, v] : t.uniform) {
        Value m = v ? materialize(b, v, region, op.getRequest(), map)
                    : s.idx(1);
        u = s.add(u, sign == 1 ? m : sign == -1 ? s.neg(m)
                                                : s.mul(s.idx(sign), m));
      }
      return u;
    };
    for (const Linear &t : terms) {
      // u = sum of the uniform values, a * i over the block's rows.
      Value u = uniformSum(t);
      Value aLo = s.mul(s.idx(t.ci), iLo), aHi = s.mul(s.idx(t.ci), iHi);
      Value aMax = s.add(s.maxSigned(aLo, aHi), u), aMin = s.add(s.minSigned(aLo, aHi), u);
      if (t.cj < 0) {
        // j <= a i + u: blocks past the largest bound are hidden; blocks
        // ending at or before the smallest one are fully visible.
        hi = s.minSigned(hi, s.add(s.floorDivSigned(aMax, blockN), s.idx(1)));
        fullHi = s.minSigned(fullHi, s.floorDivSigned(s.add(aMin, s.idx(1)), blockN));
      } else {
        // j >= -(a i + u).
        lo = s.maxSigned(lo, s.floorDivSigned(s.neg(aMax), blockN));
        fullLo = s.maxSigned(fullLo, s.ceilDivSigned(s.neg(aMin), blockN));
      }
    }
    hi = s.maxSigned(hi, lo);
    if (!terms.empty())
      ++numBounded;
    if (!complete) {
      loop.getLowerBoundMutable().assign(lo);
      loop.getUpperBoundMutable().assign(hi);
      for (const DocTerm &d : docs)
        skipOtherDocuments(b, loop, op, d,
                           materialize(b, d.table, region, op.getRequest(),
                                       map),
                           uniformSum(d.row), uniformSum(d.key), rows, blockN);
      if (!docs.empty())
        ++numDocuments;
      return;
    }
    // [lo, fullLo) masked, [fullLo, fullHi) unmasked, [fullHi, hi) masked.
    fullLo = s.minSigned(s.maxSigned(fullLo, lo), hi);
    fullHi = s.maxSigned(s.minSigned(fullHi, hi), fullLo);
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
    // Unmasked blocks before the last whole one need no key bound either.
    splitAtKeyBound(middle, op, blockN, first);
  }
};
} // namespace
