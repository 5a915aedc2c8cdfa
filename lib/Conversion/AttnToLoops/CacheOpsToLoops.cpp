//===- CacheOpsToLoops.cpp - attn.append_kv, attn.merge_states to loops ---===//
//
// append_kv (docs/design.md §3.7) updates the caches with tensor.insert in
// scf.for loops that carry them, so bufferization writes in place when the
// caches' buffers are writable. merge_states is elementwise over the tokens
// and heads of its states.
//
//===----------------------------------------------------------------------===//

#include "attn/Conversion/AttnToLoops/Emitter.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace mlir::attn;
using namespace mlir::attn::loops;

//===----------------------------------------------------------------------===//
// attn.append_kv
//===----------------------------------------------------------------------===//

AppendKVEmitter::AppendKVEmitter(Emitter &e, AppendKVOp op) : e(e), op(op) {
  OpBuilder &b = e.b;
  k = toBuffer(b, e.loc, op.getK());
  v = toBuffer(b, e.loc, op.getV());
  slots = toBuffer(b, e.loc, op.getSlotMapping());
  batchIndices = toBuffer(b, e.loc, op.getBatchIndices());
  positions = toBuffer(b, e.loc, op.getPositions());
  indptr = toBuffer(b, e.loc, op.getKvIndptr());
  indices = toBuffer(b, e.loc, op.getKvIndices());
  kScale = loadScale(e, toBuffer(b, e.loc, op.getKScale()), {});
  vScale = loadScale(e, toBuffer(b, e.loc, op.getVScale()), {});
  layout = op.getLayout();
  pageSize = e.dim(op.getKCache(), getPageSizeDim(layout));
  if (layout == KVLayout::vllm)
    x = e.dim(op.getKCache(), 4);
}

int64_t AppendKVEmitter::heads() {
  return cast<ShapedType>(op.getK().getType()).getDimSize(1);
}

int64_t AppendKVEmitter::dim(bool isKey) {
  return cast<ShapedType>((isKey ? op.getK() : op.getV()).getType())
      .getDimSize(2);
}

std::tuple<Value, Value, Value> AppendKVEmitter::locate(Value t) {
  if (slots) {
    Value s = e.loadIndex(slots, t);
    Value valid = e.cmpi(arith::CmpIPredicate::sge, s, e.idx(0));
    // A negative slot is skipped; keep the division well defined anyway.
    Value safe = e.select(valid, s, e.idx(0));
    return {valid, e.div(safe, pageSize), e.rem(safe, pageSize)};
  }
  Value b = e.loadIndex(batchIndices, t);
  Value p = e.loadIndex(positions, t);
  Value entry = e.add(e.loadIndex(indptr, b), e.div(p, pageSize));
  return {e.i1(true), e.loadIndex(indices, entry), e.rem(p, pageSize)};
}

Value AppendKVEmitter::element(bool isKey, Value t, Value h, Value d,
                               Type elt) {
  Value src = isKey ? k : v;
  Value scale = isKey ? kScale : vScale;
  RopeAttr rope = isKey ? op.getRopeAttr() : RopeAttr();
  auto raw = [&](Value ch) { return e.loadF32(src, {t, h, ch}); };
  Value x = rope ? applyRope(e, rope, e.loadIndex(positions, t), d, raw)
                 : raw(d);
  if (scale)
    x = e.div(x, scale);
  return e.fromF32(x, elt);
}

SmallVector<Value> AppendKVEmitter::index(bool isKey, Value page, Value slot,
                                          Value h, Value d) {
  switch (layout) {
  case KVLayout::nhd:
    return {page, slot, h, d};
  case KVLayout::hnd:
    return {page, h, slot, d};
  case KVLayout::vllm:
    if (isKey)
      return {page, h, e.div(d, x), slot, e.rem(d, x)};
    return {page, h, d, slot};
  }
  llvm_unreachable("unknown layout");
}

namespace {

/// The caches are carried through loops over the tokens, heads and
/// channels and updated with tensor.insert.
struct AppendKVToLoops : OpRewritePattern<AppendKVOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(AppendKVOp op,
                                PatternRewriter &rewriter) const override {
    Emitter e{rewriter, op.getLoc()};
    AppendKVEmitter append(e, op);
    int64_t heads = append.heads();
    auto write = [&](Value cache, bool isKey, Value t, Value page,
                     Value slot) {
      Type elt = cast<ShapedType>(cache.getType()).getElementType();
      return e.reduce(e.idx(0), e.idx(heads), cache, [&](Value h, Value c) {
        return e.reduce(
            e.idx(0), e.idx(append.dim(isKey)), c, [&](Value d, Value c2) {
              return tensor::InsertOp::create(
                         e.b, e.loc, append.element(isKey, t, h, d, elt), c2,
                         append.index(isKey, page, slot, h, d))
                  .getResult();
            });
      });
    };
    SmallVector<Value> caches = e.reduce(
        e.idx(0), append.tokens(), ValueRange{op.getKCache(), op.getVCache()},
        [&](Value t, ValueRange caches) -> SmallVector<Value> {
          auto [valid, page, slot] = append.locate(t);
          auto ifOp = scf::IfOp::create(e.b, e.loc, caches.getTypes(), valid,
                                        /*addThenBlock=*/true,
                                        /*addElseBlock=*/true);
          OpBuilder::InsertionGuard g(e.b);
          e.b.setInsertionPointToStart(&ifOp.getElseRegion().front());
          scf::YieldOp::create(e.b, e.loc, caches);
          e.b.setInsertionPointToStart(&ifOp.getThenRegion().front());
          Value kc = write(caches[0], /*isKey=*/true, t, page, slot);
          Value vc = write(caches[1], /*isKey=*/false, t, page, slot);
          scf::YieldOp::create(e.b, e.loc, ValueRange{kc, vc});
          return SmallVector<Value>(ifOp.getResults());
        });
    rewriter.replaceOp(op, caches);
    return success();
  }
};

} // namespace

//===----------------------------------------------------------------------===//
// attn.merge_states
//===----------------------------------------------------------------------===//

/// s = log sum_n exp(s_n), v = sum_n exp(s_n - s) v_n; all -inf: 0, -inf.
MergedRow mlir::attn::loops::emitMergedLse(Emitter &e, ValueRange lses,
                                           ValueRange idx) {
  Value negInf = e.f32(-std::numeric_limits<float>::infinity());
  Value m = negInf;
  for (Value s : lses)
    m = e.max(m, e.loadF32(s, idx));
  Value any = e.cmpf(arith::CmpFPredicate::OGT, m, negInf);
  // Subtract the max only when it is finite (-inf - -inf is NaN).
  Value shift = e.select(any, m, e.f32(0));
  Value sum = e.f32(0);
  for (Value s : lses)
    sum = e.add(sum, e.exp(e.sub(e.loadF32(s, idx), shift)));
  return {e.select(any, e.add(shift, e.log(sum)), negInf), any};
}

void mlir::attn::loops::emitMergedValue(Emitter &e, ValueRange values,
                                        ValueRange lses, Value out,
                                        MergedRow row, ValueRange idx,
                                        Value d) {
  SmallVector<Value> vIdx(idx);
  vIdx.push_back(d);
  Value o = e.f32(0);
  for (auto [v, s] : llvm::zip(values, lses)) {
    Value w = e.exp(e.sub(e.loadF32(s, idx), row.lse));
    o = e.add(o, e.mul(w, e.loadF32(v, vIdx)));
  }
  e.storeF32(e.select(row.any, o, e.f32(0)), out, vIdx);
}

MergeStatesBuffers mlir::attn::loops::prepareMergeStates(Emitter &e,
                                                        MergeStatesOp op) {
  MergeStatesBuffers m;
  for (Value x : op.getValues())
    m.values.push_back(toBuffer(e.b, e.loc, x));
  for (Value x : op.getLses())
    m.lses.push_back(toBuffer(e.b, e.loc, x));
  int64_t rank = cast<ShapedType>(op.getOut().getType()).getRank();
  for (int64_t i = 0; i < rank; ++i)
    m.dims.push_back(e.dim(m.values.front(), i));
  m.out = allocResult(e.b, e.loc, op.getOut(), m.dims);
  m.lse = allocResult(e.b, e.loc, op.getLse(), m.dims);
  return m;
}

void mlir::attn::loops::replaceMergeStates(RewriterBase &rewriter,
                                           MergeStatesOp op,
                                           const MergeStatesBuffers &m) {
  Location loc = op.getLoc();
  rewriter.replaceOp(op, {toTensor(rewriter, loc, op.getOut(), m.out),
                          toTensor(rewriter, loc, op.getLse(), m.lse)});
}

namespace {
struct MergeStatesToLoops : OpRewritePattern<MergeStatesOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(MergeStatesOp op,
                                PatternRewriter &rewriter) const override {
    Emitter e{rewriter, op.getLoc()};
    MergeStatesBuffers m = prepareMergeStates(e, op);
    e.loopNest(ArrayRef(m.dims).drop_back(), [&](ValueRange idx) {
      MergedRow row = emitMergedLse(e, m.lses, idx);
      e.storeF32(row.lse, m.lse, idx);
      e.loop(e.idx(0), m.dims.back(), [&](Value d) {
        emitMergedValue(e, m.values, m.lses, m.out, row, idx, d);
      });
    });
    replaceMergeStates(rewriter, op, m);
    return success();
  }
};

} // namespace

void mlir::attn::loops::populateCacheOpsToLoopsPatterns(
    RewritePatternSet &patterns) {
  patterns.add<AppendKVToLoops, MergeStatesToLoops>(patterns.getContext());
}
