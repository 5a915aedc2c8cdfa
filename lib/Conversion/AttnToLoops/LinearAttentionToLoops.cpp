//===- LinearAttentionToLoops.cpp - attn.linear_attention to loops --------===//
//
// HSTU and Lightning attention (docs/design.md §3.6), one output row at a
// time in f32. Lightning follows its recurrence literally: a [D, Dv] state
// per (request, head), decayed and updated token by token.
//
//===----------------------------------------------------------------------===//

#include "attn/Conversion/AttnToLoops/Emitter.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"

#include <cmath>

using namespace mlir;
using namespace mlir::attn;
using namespace mlir::attn::loops;

namespace {

/// Lowers one op; holds the buffers of its operands.
class LinearLowering {
public:
  void lower(LinearAttentionOp op, PatternRewriter &rewriter) {
    Location loc = op.getLoc();
    Emitter e{rewriter, loc};
    q = toBuffer(rewriter, loc, op.getQ());
    k = toBuffer(rewriter, loc, op.getK());
    v = toBuffer(rewriter, loc, op.getV());
    cu = toBuffer(rewriter, loc, op.getCuSeqlens());
    auto qType = cast<ShapedType>(op.getQ().getType());
    auto vType = cast<ShapedType>(op.getV().getType());
    int64_t rank = qType.getRank();
    heads = qType.getDimSize(rank - 2);
    dqk = qType.getDimSize(rank - 1);
    dv = vType.getDimSize(rank - 1);

    SmallVector<Value> outDims;
    for (int64_t i = 0; i < rank; ++i)
      outDims.push_back(e.dim(v, i));
    Value out = allocResult(rewriter, loc, op.getOut(), outDims);
    Value finalState;
    if (op.getFinalState()) {
      Value batch = cu ? e.sub(e.dim(cu, 0), e.idx(1)) : e.dim(q, 0);
      finalState = allocResult(rewriter, loc, op.getFinalState(),
                               {batch, e.idx(heads), e.idx(dqk), e.idx(dv)});
    }

    // Scratch, allocated once outside the loops: an output row (HSTU) or
    // the [D, Dv] state (Lightning), which the CPU pipelines' deallocation
    // pass frees.
    if (op.getKind() == LinearKind::hstu)
      acc = memref::AllocaOp::create(
          rewriter, loc, MemRefType::get({dv}, rewriter.getF32Type()));
    else
      state = memref::AllocOp::create(
          rewriter, loc, MemRefType::get({dqk, dv}, rewriter.getF32Type()));
    Value numRequests = cu ? e.sub(e.dim(cu, 0), e.idx(1)) : e.dim(q, 0);
    if (op.getKind() == LinearKind::hstu)
      siluNorm = emitSiluNorm(e, op, numRequests);
    e.loop(e.idx(0), numRequests, [&](Value b) {
      Value len;
      if (cu) {
        begin = e.loadIndex(cu, b);
        len = e.sub(e.loadIndex(cu, e.add(b, e.idx(1))), begin);
      } else {
        len = e.dim(q, 1);
      }
      e.loop(e.idx(0), e.idx(heads), [&](Value h) {
        if (op.getKind() == LinearKind::hstu)
          emitHstu(e, op, out, b, h, len);
        else
          emitLightning(e, op, out, finalState, b, h, len);
      });
    });

    SmallVector<Value> results = {toTensor(rewriter, loc, op.getOut(), out)};
    if (finalState)
      results.push_back(
          toTensor(rewriter, loc, op.getFinalState(), finalState));
    rewriter.replaceOp(op, results);
  }

private:
  /// Indices of row i of request b, head h, channel d in q/k/v/out.
  SmallVector<Value> rowIndex(Emitter &e, Value b, Value i, Value h,
                              Value d) const {
    if (cu)
      return {e.add(begin, i), h, d};
    return {b, i, h, d};
  }

  /// HSTU's N as f32: `silu_norm`, else the longest sequence of the batch
  /// (S when dense, the largest cu_seqlens difference when ragged, at
  /// least 1).
  Value emitSiluNorm(Emitter &e, LinearAttentionOp op, Value numRequests) {
    if (std::optional<uint64_t> n = op.getSiluNorm())
      return e.f32(static_cast<double>(*n));
    if (!cu)
      return e.indexToF32(e.max(e.dim(q, 1), e.idx(1)));
    Value longest =
        e.reduce(e.idx(0), numRequests, e.idx(1), [&](Value b, Value longestSoFar) {
          Value len = e.sub(e.loadIndex(cu, e.add(b, e.idx(1))),
                            e.loadIndex(cu, b));
          return e.max(longestSoFar, len);
        });
    return e.indexToF32(longest);
  }

  /// o_i = sum_{j visible} SiLU(scale * q_i . k_j + bias[b,h,i,j]) / N v_j.
  void emitHstu(Emitter &e, LinearAttentionOp op, Value out, Value b, Value h,
                Value len) {
    double scale = op.getScale() ? op.getScale()->convertToDouble()
                                 : 1.0 / std::sqrt(static_cast<double>(dqk));
    Value bias = toBuffer(e.b, e.loc, op.getBias());
    e.loop(e.idx(0), len, [&](Value i) {
      e.loop(e.idx(0), e.idx(dv), [&](Value d) {
        memref::StoreOp::create(e.b, e.loc, e.f32(0), acc, d);
      });
      Value keys = op.getCausal() ? e.add(i, e.idx(1)) : len;
      e.loop(e.idx(0), keys, [&](Value j) {
        Value s = dotProduct(
            e, dqk, [&](Value d) { return e.loadF32(q, rowIndex(e, b, i, h, d)); },
            [&](Value d) { return e.loadF32(k, rowIndex(e, b, j, h, d)); });
        s = e.mul(s, e.f32(scale));
        if (bias)
          s = e.add(s, e.loadF32(bias, {b, h, i, j}));
        // SiLU(s) / N = s * sigmoid(s) / N.
        Value sigmoid = e.div(e.f32(1), e.add(e.f32(1), e.exp(e.sub(e.f32(0), s))));
        Value w = e.div(e.mul(s, sigmoid), siluNorm);
        e.loop(e.idx(0), e.idx(dv), [&](Value d) {
          Value a = memref::LoadOp::create(e.b, e.loc, acc, d);
          Value x = e.loadF32(v, rowIndex(e, b, j, h, d));
          memref::StoreOp::create(e.b, e.loc, e.add(a, e.mul(w, x)), acc, d);
        });
      });
      e.loop(e.idx(0), e.idx(dv), [&](Value d) {
        Value a = memref::LoadOp::create(e.b, e.loc, acc, d);
        e.storeF32(a, out, rowIndex(e, b, i, h, d));
      });
    });
  }

  /// S_i = exp(-lambda_h) S_{i-1} + k_i^T v_i,  o_i = scale * q_i S_i.
  void emitLightning(Emitter &e, LinearAttentionOp op, Value out,
                     Value finalState, Value b, Value h, Value len) {
    double scale = op.getScale() ? op.getScale()->convertToDouble() : 1.0;
    Value decay = toBuffer(e.b, e.loc, op.getDecay());
    Value init = toBuffer(e.b, e.loc, op.getInitialState());
    e.loopNest({e.idx(dqk), e.idx(dv)}, [&](ValueRange de) {
      Value s0 = init ? e.loadF32(init, {b, h, de[0], de[1]}) : e.f32(0);
      memref::StoreOp::create(e.b, e.loc, s0, state, de);
    });
    Value factor = e.exp(e.sub(e.f32(0), e.loadF32(decay, h)));
    e.loop(e.idx(0), len, [&](Value i) {
      e.loopNest({e.idx(dqk), e.idx(dv)}, [&](ValueRange de) {
        Value s = memref::LoadOp::create(e.b, e.loc, state, de);
        Value kv = e.mul(e.loadF32(k, rowIndex(e, b, i, h, de[0])),
                         e.loadF32(v, rowIndex(e, b, i, h, de[1])));
        memref::StoreOp::create(e.b, e.loc, e.add(e.mul(factor, s), kv), state,
                                de);
      });
      e.loop(e.idx(0), e.idx(dv), [&](Value c) {
        Value o = e.reduce(e.idx(0), e.idx(dqk), e.f32(0), [&](Value d, Value sum) {
          Value s = memref::LoadOp::create(e.b, e.loc, state, ValueRange{d, c});
          return e.add(sum, e.mul(e.loadF32(q, rowIndex(e, b, i, h, d)), s));
        });
        e.storeF32(e.mul(o, e.f32(scale)), out, rowIndex(e, b, i, h, c));
      });
    });
    if (finalState)
      e.loopNest({e.idx(dqk), e.idx(dv)}, [&](ValueRange de) {
        Value s = memref::LoadOp::create(e.b, e.loc, state, de);
        memref::StoreOp::create(e.b, e.loc, s, finalState,
                                ValueRange{b, h, de[0], de[1]});
      });
  }

  Value q, k, v, cu, begin, acc, state, siluNorm;
  int64_t heads = 0, dqk = 0, dv = 0;
};

struct LinearAttentionToLoops : OpRewritePattern<LinearAttentionOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(LinearAttentionOp op,
                                PatternRewriter &rewriter) const override {
    LinearLowering().lower(op, rewriter);
    return success();
  }
};

} // namespace

void mlir::attn::loops::populateLinearAttentionToLoopsPatterns(
    RewritePatternSet &patterns) {
  patterns.add<LinearAttentionToLoops>(patterns.getContext());
}
