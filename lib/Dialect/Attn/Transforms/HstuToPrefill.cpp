//===- HstuToPrefill.cpp - attn-hstu-to-prefill ---------------------------===//
//
// HSTU linear attention is a prefill whose logits transform is
// SiLU(s + bias) / N and whose normalizer is none (docs/design.md §3.6); the
// pass writes it so, and the tiled pipelines take it from there.
//
//===----------------------------------------------------------------------===//

#include "attn/Dialect/Attn/IR/AttnOps.h"
#include "attn/Dialect/Attn/Transforms/Passes.h"
#include "attn/Dialect/Attn/Transforms/RequestLengths.h"

#include <cmath>

namespace mlir::attn {
#define GEN_PASS_DEF_ATTNHSTUTOPREFILL
#include "attn/Dialect/Attn/Transforms/Passes.h.inc"
} // namespace mlir::attn

using namespace mlir;
using namespace mlir::attn;

namespace {

/// A non-negative index as f32.
Value indexToF32(OpBuilder &b, Location loc, Value v) {
  Value i64 = arith::IndexCastOp::create(b, loc, b.getI64Type(), v);
  return arith::SIToFPOp::create(b, loc, b.getF32Type(), i64);
}

/// The longest request of a ragged batch, at least 1, as f32:
/// max_b (cu[b + 1] - cu[b]).
Value longestRequest(OpBuilder &b, Location loc, Value cu) {
  IndexMath m{b, loc};
  Value requests = m.sub(m.dim(cu, 0), m.idx(1));
  auto loop = scf::ForOp::create(
      b, loc, m.idx(0), requests, m.idx(1), ValueRange{m.idx(1)},
      [&](OpBuilder &nb, Location nloc, Value r, ValueRange longest) {
        IndexMath n{nb, nloc};
        Value len = n.sub(n.at(cu, n.add(r, n.idx(1))), n.at(cu, r));
        scf::YieldOp::create(nb, nloc, n.maxSigned(longest[0], len));
      });
  return indexToF32(b, loc, loop.getResult(0));
}

void rewrite(IRRewriter &rewriter, LinearAttentionOp op) {
  Location loc = op.getLoc();
  rewriter.setInsertionPoint(op);
  Value q = op.getQ(), cu = op.getCuSeqlens(), bias = op.getBias();
  auto qType = cast<RankedTensorType>(q.getType());
  int64_t dim = qType.getDimSize(qType.getRank() - 1);
  float scale = op.getScale() ? op.getScale()->convertToFloat()
                              : static_cast<float>(1.0 / std::sqrt(dim));
  // N, where it is known outside the kernel.
  Value norm;
  if (std::optional<uint64_t> n = op.getSiluNorm()) {
    norm = arith::ConstantOp::create(
        rewriter, loc, rewriter.getF32FloatAttr(static_cast<float>(*n)));
  } else if (!cu) {
    IndexMath m{rewriter, loc};
    norm = indexToF32(rewriter, loc, m.maxSigned(m.dim(q, 1), m.idx(1)));
  }

  auto prefill = PrefillOp::create(
      rewriter, loc, op.getOut().getType(), /*lse=*/Type(), q, op.getK(),
      op.getV(), /*qkv=*/Value(), cu, cu, /*alibi_slopes=*/Value(),
      /*positions=*/Value(), /*q_descale=*/Value(), /*k_descale=*/Value(),
      /*v_descale=*/Value(), /*o_scale=*/Value(),
      rewriter.getF32FloatAttr(scale), op.getCausalAttr(),
      /*window=*/nullptr, /*softcap=*/nullptr,
      NormalizerAttr::get(op.getContext(), Normalizer::none),
      /*sigmoid_bias=*/nullptr, /*rope=*/nullptr, /*qkv_heads=*/nullptr);

  // score_mod(s, b, h, i, j) = SiLU(s + bias[b, h, i, j]) / N.
  Type f32 = rewriter.getF32Type(), index = rewriter.getIndexType();
  Block *body = rewriter.createBlock(&prefill.getScoreMod(), {},
                                     {f32, index, index, index, index},
                                     SmallVector<Location>(5, loc));
  Value s = body->getArgument(0);
  if (bias) {
    Value x = tensor::ExtractOp::create(rewriter, loc, bias,
                                        body->getArguments().drop_front());
    if (!x.getType().isF32())
      x = arith::ExtFOp::create(rewriter, loc, f32, x);
    s = arith::AddFOp::create(rewriter, loc, s, x);
  }
  if (!norm)
    norm = longestRequest(rewriter, loc, cu);
  // SiLU(s) / N = s * (1 / N) / (1 + exp(-s)). 1 / N is the same for every
  // score (attn-inline-functors computes it once per work item); the
  // exponential and the division per score may be approximate (afn, arcp),
  // as attention kernels compute softmax's exponential: GPUs then use
  // their fast exp and reciprocal instead of IEEE-exact sequences.
  auto f = [&](double v) {
    return arith::ConstantOp::create(rewriter, loc,
                                     rewriter.getF32FloatAttr(v));
  };
  auto fast = arith::FastMathFlagsAttr::get(
      op.getContext(), arith::FastMathFlags::afn | arith::FastMathFlags::arcp);
  Value inverse = arith::DivFOp::create(rewriter, loc, f(1), norm);
  Value e = math::ExpOp::create(
      rewriter, loc, arith::SubFOp::create(rewriter, loc, f(0), s), fast);
  Value denominator = arith::AddFOp::create(rewriter, loc, f(1), e);
  Value w = arith::DivFOp::create(
      rewriter, loc, arith::MulFOp::create(rewriter, loc, s, inverse),
      denominator, fast);
  YieldOp::create(rewriter, loc, w);
  rewriter.replaceOp(op, prefill.getOut());
}

struct HstuToPrefillPass
    : attn::impl::AttnHstuToPrefillBase<HstuToPrefillPass> {
  void runOnOperation() override {
    SmallVector<LinearAttentionOp> ops;
    getOperation()->walk([&](LinearAttentionOp op) {
      if (op.getKind() == LinearKind::hstu)
        ops.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    for (LinearAttentionOp op : ops) {
      rewrite(rewriter, op);
      ++numRewritten;
    }
  }
};

} // namespace
