//===- AttnToLoops.cpp - convert-attn-to-loops ----------------------------===//
//
// The reference lowering: every attn op becomes plain scf loops over memrefs
// that follow the formulas of docs/design.md line by line. It is the oracle
// the tiled path is checked against, so it is written for clarity, not speed:
// one query row at a time, scores recomputed in each pass, f32 arithmetic.
//
// Operands are read through `bufferization.to_buffer`, results are fresh
// allocations wrapped by `bufferization.to_tensor`; one-shot bufferization
// then removes the tensors.
//
//===----------------------------------------------------------------------===//

#include "attn/Conversion/AttnToLoops/AttnToLoops.h"
#include "attn/Conversion/Passes.h"

#include "attn/Dialect/Attn/IR/AttnOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir::attn {
#define GEN_PASS_DEF_CONVERTATTNTOLOOPS
#include "attn/Conversion/Passes.h.inc"
} // namespace mlir::attn

using namespace mlir;
using namespace mlir::attn;

namespace {

/// Small builder helpers for index and f32 arithmetic.
struct Emitter {
  OpBuilder &b;
  Location loc;

  Value idx(int64_t v) { return arith::ConstantIndexOp::create(b, loc, v); }
  Value f32(double v) {
    return arith::ConstantOp::create(b, loc, b.getF32FloatAttr(v));
  }
  Value add(Value x, Value y) {
    if (isa<IndexType>(x.getType()))
      return arith::AddIOp::create(b, loc, x, y);
    return arith::AddFOp::create(b, loc, x, y);
  }
  Value sub(Value x, Value y) {
    if (isa<IndexType>(x.getType()))
      return arith::SubIOp::create(b, loc, x, y);
    return arith::SubFOp::create(b, loc, x, y);
  }
  Value mul(Value x, Value y) {
    if (isa<IndexType>(x.getType()))
      return arith::MulIOp::create(b, loc, x, y);
    return arith::MulFOp::create(b, loc, x, y);
  }
  Value div(Value x, Value y) {
    if (isa<IndexType>(x.getType()))
      return arith::DivUIOp::create(b, loc, x, y);
    return arith::DivFOp::create(b, loc, x, y);
  }
  Value rem(Value x, Value y) { return arith::RemUIOp::create(b, loc, x, y); }
  Value cmpi(arith::CmpIPredicate p, Value x, Value y) {
    return arith::CmpIOp::create(b, loc, p, x, y);
  }
  Value cmpf(arith::CmpFPredicate p, Value x, Value y) {
    return arith::CmpFOp::create(b, loc, p, x, y);
  }
  Value select(Value c, Value x, Value y) {
    return arith::SelectOp::create(b, loc, c, x, y);
  }
  Value andi(Value x, Value y) { return arith::AndIOp::create(b, loc, x, y); }
  Value exp(Value x) { return math::ExpOp::create(b, loc, x); }

  /// Any integer or index value as an index.
  Value toIndex(Value v) {
    if (isa<IndexType>(v.getType()))
      return v;
    return arith::IndexCastOp::create(b, loc, b.getIndexType(), v);
  }
  /// A signed index as f32.
  Value indexToF32(Value v) {
    Value i64 = arith::IndexCastOp::create(b, loc, b.getI64Type(), v);
    return arith::SIToFPOp::create(b, loc, b.getF32Type(), i64);
  }
  /// Loads an element of `mem` as f32.
  Value loadF32(Value mem, ValueRange indices) {
    Value v = memref::LoadOp::create(b, loc, mem, indices);
    if (v.getType().isF32())
      return v;
    return arith::ExtFOp::create(b, loc, b.getF32Type(), v);
  }
  /// Loads an integer element of `mem` as an index.
  Value loadIndex(Value mem, ValueRange indices) {
    return toIndex(memref::LoadOp::create(b, loc, mem, indices));
  }
  /// Stores an f32 value into `mem`, converting to its element type.
  void storeF32(Value v, Value mem, ValueRange indices) {
    Type elt = cast<MemRefType>(mem.getType()).getElementType();
    if (elt != v.getType())
      v = arith::TruncFOp::create(b, loc, elt, v);
    memref::StoreOp::create(b, loc, v, mem, indices);
  }
  Value dim(Value mem, int64_t i) {
    return memref::DimOp::create(b, loc, mem, i);
  }

  /// for (iv = lb; iv < ub; ++iv) body(iv)
  void loop(Value lb, Value ub, function_ref<void(Value)> body) {
    scf::ForOp::create(b, loc, lb, ub, idx(1), ValueRange{},
                       [&](OpBuilder &nb, Location, Value iv, ValueRange) {
                         OpBuilder::InsertionGuard g(b);
                         b.setInsertionPointToStart(nb.getInsertionBlock());
                         body(iv);
                         scf::YieldOp::create(b, loc);
                       });
  }
  /// A loop carrying one value: acc = body(iv, acc).
  Value reduce(Value lb, Value ub, Value init,
               function_ref<Value(Value, Value)> body) {
    auto forOp = scf::ForOp::create(
        b, loc, lb, ub, idx(1), ValueRange{init},
        [&](OpBuilder &nb, Location, Value iv, ValueRange args) {
          OpBuilder::InsertionGuard g(b);
          b.setInsertionPointToStart(nb.getInsertionBlock());
          scf::YieldOp::create(b, loc, body(iv, args.front()));
        });
    return forOp.getResult(0);
  }
  /// cond ? then() : other, both producing one value of `type`.
  Value ifElse(Value cond, Type type, function_ref<Value()> thenFn,
               function_ref<Value()> elseFn) {
    auto ifOp = scf::IfOp::create(b, loc, TypeRange{type}, cond,
                                  /*addThenBlock=*/true,
                                  /*addElseBlock=*/true);
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(&ifOp.getThenRegion().front());
    scf::YieldOp::create(b, loc, thenFn());
    b.setInsertionPointToStart(&ifOp.getElseRegion().front());
    scf::YieldOp::create(b, loc, elseFn());
    return ifOp.getResult(0);
  }
  void ifThen(Value cond, function_ref<void()> thenFn) {
    auto ifOp = scf::IfOp::create(b, loc, TypeRange{}, cond,
                                  /*addThenBlock=*/true,
                                  /*addElseBlock=*/false);
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(&ifOp.getThenRegion().front());
    thenFn();
  }
};

/// Reads a buffer of a tensor operand (null stays null).
static Value toBuffer(OpBuilder &b, Location loc, Value tensor) {
  if (!tensor)
    return {};
  auto t = cast<RankedTensorType>(tensor.getType());
  auto type = MemRefType::get(t.getShape(), t.getElementType());
  return bufferization::ToBufferOp::create(b, loc, type, tensor,
                                           /*read_only=*/true);
}

/// A fresh buffer shaped like `result`, with dynamic sizes taken from
/// `dynSizes` in order.
static Value allocResult(OpBuilder &b, Location loc, Value result,
                         ArrayRef<Value> dynSizes) {
  auto t = cast<RankedTensorType>(result.getType());
  auto type = MemRefType::get(t.getShape(), t.getElementType());
  SmallVector<Value> dyn;
  for (auto [i, d] : llvm::enumerate(t.getShape()))
    if (ShapedType::isDynamic(d))
      dyn.push_back(dynSizes[i]);
  return memref::AllocOp::create(b, loc, type, dyn);
}

static Value toTensor(OpBuilder &b, Location loc, Value result, Value buffer) {
  return bufferization::ToTensorOp::create(b, loc, result.getType(), buffer,
                                           /*restrict=*/true,
                                           /*writable=*/true);
}

/// Clones the single block of `region` at the insertion point with its
/// arguments bound to `args`; returns the yielded value.
static Value inlineRegion(OpBuilder &b, Region &region, ValueRange args) {
  Block &block = region.front();
  IRMapping map;
  map.map(block.getArguments(), args);
  for (Operation &op : block.without_terminator())
    b.clone(op, map);
  auto yield = cast<YieldOp>(block.getTerminator());
  return map.lookupOrDefault(yield.getValues().front());
}

/// One query row of softmax-style attention: the pieces an op provides.
struct Row {
  Value batch, head, kvHead; // index
  Value query;               // local query index i
  Value numQueries, numKeys; // Sq_b, Sk_b
  /// Scaled-but-untransformed dot product q'_i . k'_j (without `scale`).
  function_ref<Value(Value j)> dot;
  /// v'_j[d] as f32.
  function_ref<Value(Value j, Value d)> value;
  function_ref<void(Value d, Value v)> storeOut;
  function_ref<void(Value lse)> storeLse; // may be null
};

/// Emits one output row following design.md §3.1.
class RowEmitter {
public:
  RowEmitter(AttentionOpInterface op, Emitter &e, Value alibi, Value acc)
      : op(op), e(e), alibi(alibi), acc(acc) {
    std::tie(left, right) = op.getMaskWindow();
    normalizer = op.getEffectiveNormalizer();
  }

  void emit(const Row &r) {
    Value zero = e.idx(0);
    Value negInf = e.f32(-std::numeric_limits<float>::infinity());
    int64_t dv = op.getVHeadDim();
    // Aligned query position p = i + Sk - Sq.
    Value pos = e.add(r.query, e.sub(r.numKeys, r.numQueries));

    // Pass 1 (softmax): m = max over visible keys of s_ij.
    Value maxScore = negInf;
    if (normalizer == Normalizer::softmax)
      maxScore = e.reduce(zero, r.numKeys, negInf, [&](Value j, Value m) {
        return e.ifElse(
            visible(r, pos, j), e.b.getF32Type(),
            [&] { return arith::MaximumFOp::create(e.b, e.loc, m, score(r, pos, j)); },
            [&] { return m; });
      });

    // Pass 2: acc = sum_j w_ij v_j, l = sum_j w_ij.
    e.loop(zero, e.idx(dv), [&](Value d) {
      memref::StoreOp::create(e.b, e.loc, e.f32(0), acc, d);
    });
    Value total = e.reduce(zero, r.numKeys, e.f32(0), [&](Value j, Value l) {
      return e.ifElse(
          visible(r, pos, j), e.b.getF32Type(),
          [&] {
            Value w = weight(score(r, pos, j), maxScore);
            e.loop(zero, e.idx(dv), [&](Value d) {
              Value a = memref::LoadOp::create(e.b, e.loc, acc, d);
              Value v = r.value(j, d);
              memref::StoreOp::create(e.b, e.loc, e.add(a, e.mul(w, v)), acc,
                                      d);
            });
            return e.add(l, w);
          },
          [&] { return l; });
    });

    // Output: softmax divides by l; a row with no visible key is 0, -inf.
    if (normalizer == Normalizer::softmax) {
      Value any = e.cmpf(arith::CmpFPredicate::OGT, total, e.f32(0));
      Value inv = e.select(any, e.div(e.f32(1), total), e.f32(0));
      e.loop(zero, e.idx(dv), [&](Value d) {
        Value a = memref::LoadOp::create(e.b, e.loc, acc, d);
        r.storeOut(d, e.mul(a, inv));
      });
      if (r.storeLse) {
        Value lse = e.add(maxScore, math::LogOp::create(e.b, e.loc, total));
        r.storeLse(e.select(any, lse, negInf));
      }
      return;
    }
    e.loop(zero, e.idx(dv), [&](Value d) {
      r.storeOut(d, memref::LoadOp::create(e.b, e.loc, acc, d));
    });
  }

private:
  /// s_ij after scale, softcap, ALiBi and score_mod.
  Value score(const Row &r, Value pos, Value j) {
    Value s = e.mul(r.dot(j), e.f32(op.getEffectiveScale()));
    if (FloatAttr cap = op.getSoftcapAttr()) {
      Value c = e.f32(cap.getValueAsDouble());
      s = e.mul(c, math::TanhOp::create(e.b, e.loc, e.div(s, c)));
    }
    if (alibi) {
      SmallVector<Value> idx;
      if (cast<MemRefType>(alibi.getType()).getRank() == 2)
        idx.push_back(r.batch);
      idx.push_back(r.head);
      Value slope = e.loadF32(alibi, idx);
      Value dist = math::AbsFOp::create(e.b, e.loc,
                                        e.indexToF32(e.sub(pos, j)));
      s = e.sub(s, e.mul(slope, dist));
    }
    if (!op.getScoreMod().empty())
      s = inlineRegion(e.b, op.getScoreMod(),
                       {s, r.batch, r.head, r.query, j});
    return s;
  }

  /// Window bounds and mask_mod.
  Value visible(const Row &r, Value pos, Value j) {
    Value vis = arith::ConstantIntOp::create(e.b, e.loc, 1, 1);
    if (left >= 0)
      vis = e.andi(vis, e.cmpi(arith::CmpIPredicate::sge, j,
                               e.sub(pos, e.idx(left))));
    if (right >= 0)
      vis = e.andi(vis, e.cmpi(arith::CmpIPredicate::sle, j,
                               e.add(pos, e.idx(right))));
    if (!op.getMaskMod().empty())
      vis = e.andi(vis, inlineRegion(e.b, op.getMaskMod(),
                                     {r.batch, r.head, r.query, j}));
    return vis;
  }

  /// The weight of a visible key under the op's normalizer.
  Value weight(Value s, Value maxScore) {
    switch (normalizer) {
    case Normalizer::softmax:
      return e.exp(e.sub(s, maxScore));
    case Normalizer::sigmoid: {
      double bias = 0;
      if (FloatAttr b = op.getSigmoidBiasAttr())
        bias = b.getValueAsDouble();
      Value x = e.add(s, e.f32(bias));
      Value negExp = e.exp(e.sub(e.f32(0), x));
      return e.div(e.f32(1), e.add(e.f32(1), negExp));
    }
    case Normalizer::none:
      return s;
    }
    llvm_unreachable("unknown normalizer");
  }

  AttentionOpInterface op;
  Emitter &e;
  Value alibi, acc;
  int64_t left, right;
  Normalizer normalizer;
};

/// Checks the options the reference lowering does not handle yet.
static LogicalResult checkSupported(AttentionOpInterface op,
                                    PatternRewriter &rewriter) {
  if (op.getRopeAttr())
    return rewriter.notifyMatchFailure(op, "fused RoPE is not lowered yet");
  if (op.getQDescale() || op.getKDescale() || op.getVDescale() ||
      op.getOScale())
    return rewriter.notifyMatchFailure(op, "FP8 scales are not lowered yet");
  return success();
}

/// Dot product over the head dim of two row accessors.
static Value dotProduct(Emitter &e, int64_t dim,
                        function_ref<Value(Value)> lhs,
                        function_ref<Value(Value)> rhs) {
  return e.reduce(e.idx(0), e.idx(dim), e.f32(0), [&](Value d, Value sum) {
    return e.add(sum, e.mul(lhs(d), rhs(d)));
  });
}

//===----------------------------------------------------------------------===//
// attn.prefill
//===----------------------------------------------------------------------===//

struct PrefillToLoops : OpRewritePattern<PrefillOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(PrefillOp op,
                                PatternRewriter &rewriter) const override {
    if (op.getQkv())
      return rewriter.notifyMatchFailure(
          op, "fused qkv: run attn-split-fused-qkv first");
    if (failed(checkSupported(op, rewriter)))
      return failure();
    Location loc = op.getLoc();
    Emitter e{rewriter, loc};
    bool ragged = op.isRagged();
    Value q = toBuffer(rewriter, loc, op.getQ());
    Value k = toBuffer(rewriter, loc, op.getK());
    Value v = toBuffer(rewriter, loc, op.getV());
    Value cuQ = toBuffer(rewriter, loc, op.getCuSeqlensQ());
    Value cuK = toBuffer(rewriter, loc, op.getCuSeqlensK());
    Value alibi = toBuffer(rewriter, loc, op.getAlibiSlopes());
    int64_t hq = op.getNumQueryHeads(), group = hq / op.getNumKVHeads();
    int64_t dqk = op.getQKHeadDim(), dv = op.getVHeadDim();

    // Result buffers: out [.., Sq|Tq, Hq, Dv], lse [.., Hq].
    SmallVector<Value> tokenDims;
    if (ragged)
      tokenDims = {e.dim(q, 0)};
    else
      tokenDims = {e.dim(q, 0), e.dim(q, 1)};
    SmallVector<Value> outDims(tokenDims);
    outDims.append({e.idx(hq), e.idx(dv)});
    Value out = allocResult(rewriter, loc, op.getOut(), outDims);
    Value lse;
    if (op.getLse())
      lse = allocResult(rewriter, loc, op.getLse(), outDims);
    Value acc = memref::AllocaOp::create(
        rewriter, loc, MemRefType::get({dv}, rewriter.getF32Type()));

    RowEmitter rows(op, e, alibi, acc);
    Value batch = ragged ? e.sub(e.dim(cuQ, 0), e.idx(1)) : e.dim(q, 0);
    e.loop(e.idx(0), batch, [&](Value b) {
      // Request b: its query and key rows and their counts.
      Value qBegin, kBegin, sq, sk;
      if (ragged) {
        Value b1 = e.add(b, e.idx(1));
        qBegin = e.loadIndex(cuQ, b);
        kBegin = e.loadIndex(cuK, b);
        sq = e.sub(e.loadIndex(cuQ, b1), qBegin);
        sk = e.sub(e.loadIndex(cuK, b1), kBegin);
      } else {
        sq = e.dim(q, 1);
        sk = e.dim(k, 1);
      }
      e.loop(e.idx(0), e.idx(hq), [&](Value h) {
        Value kvh = e.div(h, e.idx(group));
        e.loop(e.idx(0), sq, [&](Value i) {
          // Row indices of query i and key j in the operand layouts.
          auto qIdx = [&](Value d) -> SmallVector<Value> {
            if (ragged)
              return {e.add(qBegin, i), h, d};
            return {b, i, h, d};
          };
          auto kvIdx = [&](Value j, Value d) -> SmallVector<Value> {
            if (ragged)
              return {e.add(kBegin, j), kvh, d};
            return {b, j, kvh, d};
          };
          auto outIdx = [&](ArrayRef<Value> tail) {
            SmallVector<Value> idx;
            if (ragged)
              idx.push_back(e.add(qBegin, i));
            else
              idx.append({b, i});
            idx.append(tail.begin(), tail.end());
            return idx;
          };
          auto dot = [&](Value j) {
            return dotProduct(
                e, dqk, [&](Value d) { return e.loadF32(q, qIdx(d)); },
                [&](Value d) { return e.loadF32(k, kvIdx(j, d)); });
          };
          auto value = [&](Value j, Value d) {
            return e.loadF32(v, kvIdx(j, d));
          };
          auto storeOut = [&](Value d, Value x) {
            e.storeF32(x, out, outIdx({h, d}));
          };
          auto storeLse = [&](Value x) { e.storeF32(x, lse, outIdx({h})); };
          Row row{b,  h,   kvh,   i, sq, sk, dot, value, storeOut,
                  lse ? function_ref<void(Value)>(storeLse) : nullptr};
          rows.emit(row);
        });
      });
    });

    SmallVector<Value> results = {toTensor(rewriter, loc, op.getOut(), out)};
    if (lse)
      results.push_back(toTensor(rewriter, loc, op.getLse(), lse));
    rewriter.replaceOp(op, results);
    return success();
  }
};

struct ConvertAttnToLoopsPass
    : attn::impl::ConvertAttnToLoopsBase<ConvertAttnToLoopsPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populateAttnToLoopsPatterns(patterns);
    ConversionTarget target(getContext());
    target.addIllegalDialect<AttnDialect>();
    target.addLegalDialect<arith::ArithDialect, bufferization::BufferizationDialect,
                           math::MathDialect, memref::MemRefDialect,
                           scf::SCFDialect, tensor::TensorDialect>();
    // The mod regions' ops are cloned into the loops; whatever dialects they
    // use stay legal.
    target.markUnknownOpDynamicallyLegal([](Operation *) { return true; });
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace

void mlir::attn::populateAttnToLoopsPatterns(RewritePatternSet &patterns) {
  patterns.add<PrefillToLoops>(patterns.getContext());
}
