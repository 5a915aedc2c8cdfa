//===- AttnTileToLinalg.cpp - attn_tile to linalg and scf for the CPU -----===//
//
// The CPU lowering of the tiled form: tile computations become linalg ops
// on tensors (matmul-like generics for Q K^T and P V, reductions for the
// row max and sum, elementwise generics for the rest), loads and stores
// become generics and loops over memrefs, and the kernel's grid a loop
// nest. One-shot bufferization then turns the tiles into buffers.
//
//===----------------------------------------------------------------------===//

#include "attn/Conversion/AttnToGPU/AttnToGPU.h"
#include "attn/Conversion/AttnToLoops/Emitter.h"
#include "attn/Conversion/Passes.h"
#include "attn/Dialect/AttnTile/IR/AttnTileOps.h"
#include "attn/Dialect/AttnTile/Transforms/Passes.h"

#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "llvm/ADT/TypeSwitch.h"

#include <limits>

namespace mlir::attn {
#define GEN_PASS_DEF_CONVERTATTNTILETOLINALG
#include "attn/Conversion/Passes.h.inc"
} // namespace mlir::attn

using namespace mlir;
using namespace mlir::attn;
using namespace mlir::attn::tile;
using loops::Emitter;

namespace {

constexpr float kNegInf = -std::numeric_limits<float>::infinity();

using BodyFn = function_ref<Value(Emitter &, ValueRange indices,
                                  ValueRange args)>;

/// A linalg.generic producing a fresh tensor of `type` over its iteration
/// space; `inputs` are read through `inputMaps`, `init` (or an empty tensor)
/// is the output. `body` gets the loop indices and the block arguments.
Value generic(OpBuilder &b, Location loc, RankedTensorType type,
              ValueRange inputs, ArrayRef<AffineMap> inputMaps,
              AffineMap outputMap, ArrayRef<utils::IteratorType> iterators,
              BodyFn body, Value init = {}) {
  if (!init)
    init = tensor::EmptyOp::create(b, loc, type.getShape(),
                                   type.getElementType());
  SmallVector<AffineMap> maps(inputMaps);
  maps.push_back(outputMap);
  auto op = linalg::GenericOp::create(
      b, loc, TypeRange{type}, inputs, ValueRange{init}, maps, iterators,
      [&](OpBuilder &nb, Location nloc, ValueRange args) {
        Emitter e{nb, nloc};
        SmallVector<Value> indices;
        for (unsigned i = 0; i < iterators.size(); ++i)
          indices.push_back(linalg::IndexOp::create(nb, nloc, i));
        linalg::YieldOp::create(nb, nloc, body(e, indices, args));
      });
  return op.getResult(0);
}

/// An elementwise generic over a tensor of `type` (rank 1 or 2) reading
/// `inputs`, each either shaped like the result or a [rows] vector
/// broadcast along the columns.
Value elementwise(OpBuilder &b, Location loc, RankedTensorType type,
                  ValueRange inputs, BodyFn body, Value init = {}) {
  MLIRContext *ctx = b.getContext();
  unsigned rank = type.getRank();
  AffineMap id = AffineMap::getMultiDimIdentityMap(rank, ctx);
  SmallVector<AffineMap> maps;
  for (Value in : inputs)
    maps.push_back(cast<RankedTensorType>(in.getType()).getRank() == rank
                       ? id
                       : AffineMap::get(rank, 0, getAffineDimExpr(0, ctx)));
  SmallVector<utils::IteratorType> it(rank, utils::IteratorType::parallel);
  return generic(b, loc, type, inputs, maps, id, it, body, init);
}

/// `state` updated in place, element by element: the body gets the inputs
/// (shaped like `state`, or [rows] broadcast) and the element's old value,
/// last. So the KV loop's softmax state needs no new buffer per iteration.
Value updateInPlace(OpBuilder &b, Location loc, Value state, ValueRange inputs,
                    BodyFn body) {
  return elementwise(b, loc, cast<RankedTensorType>(state.getType()), inputs,
                     body, state);
}

/// A row reduction of a [M, N] tensor into a [M] one starting at `init`.
Value reduceRows(OpBuilder &b, Location loc, Value input, Value init,
                 function_ref<Value(Emitter &, Value, Value)> combine) {
  MLIRContext *ctx = b.getContext();
  auto type = cast<RankedTensorType>(init.getType());
  AffineMap rc = AffineMap::getMultiDimIdentityMap(2, ctx);
  AffineMap r = AffineMap::get(2, 0, getAffineDimExpr(0, ctx));
  return generic(
      b, loc, type, input, rc, r,
      {utils::IteratorType::parallel, utils::IteratorType::reduction},
      [&](Emitter &e, ValueRange, ValueRange args) {
        return combine(e, args[0], args[1]);
      },
      init);
}

Value filled(OpBuilder &b, Location loc, RankedTensorType type, float v) {
  Value empty =
      tensor::EmptyOp::create(b, loc, type.getShape(), type.getElementType());
  Value c = arith::ConstantOp::create(b, loc, b.getF32FloatAttr(v));
  return linalg::FillOp::create(b, loc, c, empty).getResult(0);
}

/// `x` (f16, bf16 or f32) as f32.
Value widen(Emitter &e, Value x) {
  if (x.getType().isF32())
    return x;
  return arith::ExtFOp::create(e.b, e.loc, e.b.getF32Type(), x);
}

/// Loads one element for a tile of element type `elt`, widening and
/// descaling as the op asks; `scale` is the descale buffer or null.
Value loadElement(Emitter &e, Type elt, Value mem, ValueRange at,
                  Value descale, Value head) {
  if (!elt.isF32())
    return memref::LoadOp::create(e.b, e.loc, mem, at);
  Value v = e.loadF32(mem, at);
  if (Value s = loops::loadScale(e, descale, head))
    v = e.mul(v, s);
  return v;
}

Value zeroOf(Emitter &e, Type elt) {
  return arith::ConstantOp::create(e.b, e.loc, e.b.getFloatAttr(elt, 0.0));
}

//===----------------------------------------------------------------------===//
// Per-op lowerings
//===----------------------------------------------------------------------===//

Value lowerLoadQ(OpBuilder &b, LoadQOp op) {
  Location loc = op.getLoc();
  auto type = op.getType();
  Type elt = type.getElementType();
  int64_t pack = op.getGqaPack();
  AffineMap id = AffineMap::getMultiDimIdentityMap(2, b.getContext());
  return generic(
      b, loc, type, {}, {}, id,
      {utils::IteratorType::parallel, utils::IteratorType::parallel},
      [&](Emitter &e, ValueRange ix, ValueRange) {
        Value pos = e.div(ix[0], e.idx(pack));
        Value head = e.add(op.getHead(), e.rem(ix[0], e.idx(pack)));
        return e.ifElse(
            e.lt(pos, op.getCount()), elt,
            [&] {
              return loadElement(e, elt, op.getSource(),
                                 {e.add(op.getToken(), pos), head, ix[1]},
                                 op.getDescale(), head);
            },
            [&] { return zeroOf(e, elt); });
      });
}

/// The indices of channel `d` of the key in `slot` of page `page`, head
/// `h`, in a paged cache of `layout`.
SmallVector<Value> pagedIndex(Emitter &e, KVSource layout, Value mem,
                              Value page, Value slot, Value h, Value d) {
  switch (layout) {
  case KVSource::nhd:
    return {page, slot, h, d};
  case KVSource::hnd:
    return {page, h, slot, d};
  case KVSource::vllm_key: {
    Value x = e.dim(mem, 4);
    return {page, h, e.div(d, x), slot, e.rem(d, x)};
  }
  case KVSource::vllm_value:
    return {page, h, d, slot};
  case KVSource::latent:
  case KVSource::rows:
    return {page, slot, d};
  }
  llvm_unreachable("unknown KV source");
}

/// A [rows, D] K/V tile: row r < count is read at `index(e, r, d)`.
Value kvTile(OpBuilder &b, Location loc, RankedTensorType type, Value mem,
             Value count, Value descale, Value head,
             function_ref<SmallVector<Value>(Emitter &, Value, Value)> index) {
  Type elt = type.getElementType();
  AffineMap id = AffineMap::getMultiDimIdentityMap(2, b.getContext());
  return generic(
      b, loc, type, {}, {}, id,
      {utils::IteratorType::parallel, utils::IteratorType::parallel},
      [&](Emitter &e, ValueRange ix, ValueRange) {
        return e.ifElse(
            e.lt(ix[0], count), elt,
            [&] {
              return loadElement(e, elt, mem, index(e, ix[0], ix[1]), descale,
                                 head);
            },
            [&] { return zeroOf(e, elt); });
      });
}

Value lowerLoadKV(OpBuilder &b, LoadKVOp op) {
  KVSource layout = op.getLayout();
  Value mem = op.getSource(), h = op.getHead();
  return kvTile(
      b, op.getLoc(), op.getType(), mem, op.getCount(), op.getDescale(), h,
      [&](Emitter &e, Value r, Value d) -> SmallVector<Value> {
        Value j = e.add(op.getKey(), r);
        if (layout == KVSource::rows)
          return {e.add(op.getFirst(), j), h, d};
        Value ps = e.dim(mem, getPageSizeDim(layout));
        Value page =
            e.loadIndex(op.getTable(), e.add(op.getFirst(), e.div(j, ps)));
        return pagedIndex(e, layout, mem, page, e.rem(j, ps), h, d);
      });
}

Value lowerGatherKV(OpBuilder &b, GatherKVOp op) {
  Value mem = op.getSource(), h = op.getHead();
  return kvTile(
      b, op.getLoc(), op.getType(), mem, op.getCount(), op.getDescale(), h,
      [&](Emitter &e, Value r, Value d) {
        Value ps = e.dim(mem, getPageSizeDim(op.getLayout()));
        Value slot = tensor::ExtractOp::create(e.b, e.loc, op.getSlots(), r);
        return pagedIndex(e, op.getLayout(), mem, e.div(slot, ps),
                          e.rem(slot, ps), h, d);
      });
}

Value lowerPageSlots(OpBuilder &b, PageSlotsOp op) {
  int64_t ps = op.getPageSize();
  return elementwise(
      b, op.getLoc(), op.getType(), {},
      [&](Emitter &e, ValueRange ix, ValueRange) {
        return e.ifElse(
            e.lt(ix[0], op.getCount()), e.b.getIndexType(),
            [&] {
              Value j = e.add(op.getKey(), ix[0]);
              Value page = e.loadIndex(
                  op.getTable(), e.add(op.getFirst(), e.div(j, e.idx(ps))));
              return e.add(e.mul(page, e.idx(ps)), e.rem(j, e.idx(ps)));
            },
            [&] { return e.idx(0); });
      });
}

Value lowerRope(OpBuilder &b, tile::RopeOp op) {
  Value tile = op.getTile();
  int64_t pack = op.getGqaPack();
  Type f32 = b.getF32Type();
  return elementwise(
      b, op.getLoc(), op.getType(), {},
      [&](Emitter &e, ValueRange ix, ValueRange) {
        auto channel = [&](Value c) {
          return widen(e, tensor::ExtractOp::create(e.b, e.loc, tile,
                                                    ValueRange{ix[0], c}));
        };
        Value row = e.div(ix[0], e.idx(pack));
        // Padding rows are copied: their positions may not exist.
        return e.ifElse(
            e.lt(row, op.getCount()), f32,
            [&] {
              Value pos = e.add(op.getOffset(), row);
              if (Value positions = op.getPositions())
                pos = e.loadIndex(positions, pos);
              return loops::applyRope(e, op.getRope(), pos, ix[1], channel);
            },
            [&] { return channel(ix[1]); });
      });
}

Value lowerConcat(OpBuilder &b, ConcatOp op) {
  int64_t split = op.getLhs().getType().getDimSize(1);
  Type elt = op.getType().getElementType();
  return elementwise(
      b, op.getLoc(), op.getType(), {},
      [&](Emitter &e, ValueRange ix, ValueRange) {
        auto from = [&](Value t, Value c) -> Value {
          Value v = tensor::ExtractOp::create(e.b, e.loc, t,
                                              ValueRange{ix[0], c});
          return v.getType() == elt ? v : widen(e, v);
        };
        return e.ifElse(
            e.lt(ix[1], e.idx(split)), elt,
            [&] { return from(op.getLhs(), ix[1]); },
            [&] { return from(op.getRhs(), e.sub(ix[1], e.idx(split))); });
      });
}

/// out[a, b] = init[a, b] + sum_k lhs(a, k) * rhs(b or k ...) in f32, with
/// the maps of the two inputs over (a, b, k).
Value contract(OpBuilder &b, Location loc, Value lhs, Value rhs,
               AffineMap lhsMap, AffineMap rhsMap, Value init) {
  auto type = cast<RankedTensorType>(init.getType());
  AffineMap out = AffineMap::get(
      3, 0, {getAffineDimExpr(0, b.getContext()),
             getAffineDimExpr(1, b.getContext())},
      b.getContext());
  return generic(
      b, loc, type, {lhs, rhs}, {lhsMap, rhsMap}, out,
      {utils::IteratorType::parallel, utils::IteratorType::parallel,
       utils::IteratorType::reduction},
      [&](Emitter &e, ValueRange, ValueRange args) {
        return e.add(args[2], e.mul(widen(e, args[0]), widen(e, args[1])));
      },
      init);
}

Value lowerQK(OpBuilder &b, QKOp op) {
  Location loc = op.getLoc();
  MLIRContext *ctx = b.getContext();
  AffineExpr r = getAffineDimExpr(0, ctx), c = getAffineDimExpr(1, ctx),
             d = getAffineDimExpr(2, ctx);
  Value s = contract(b, loc, op.getQ(), op.getK(),
                     AffineMap::get(3, 0, {r, d}, ctx),
                     AffineMap::get(3, 0, {c, d}, ctx),
                     filled(b, loc, op.getType(), 0));
  float scale = op.getScale().convertToFloat();
  return elementwise(b, loc, op.getType(), s,
                     [&](Emitter &e, ValueRange, ValueRange args) {
                       return e.mul(args[0], e.f32(scale));
                     });
}

SmallVector<Value> lowerOnlineSoftmax(OpBuilder &b, OnlineSoftmaxOp op) {
  Location loc = op.getLoc();
  MLIRContext *ctx = b.getContext();
  auto scoresType = cast<RankedTensorType>(op.getScores().getType());
  auto rowType = cast<RankedTensorType>(op.getMax().getType());
  Value s = op.getScores();
  bool softmax = op.getNormalizer() == Normalizer::softmax;

  // The new state is written over the old one (m, l and acc are updated in
  // place), temporaries are fresh: bufferization then allocates nothing
  // that the KV loop carries from one iteration to the next.
  Value newMax = op.getMax(), p, alpha;
  if (softmax) {
    // m' = max(m, rowmax s); m0 = m' or 0 where m' = -inf.
    auto safe = [](Emitter &e, Value m) {
      return e.select(e.cmpf(arith::CmpFPredicate::OEQ, m, e.f32(kNegInf)),
                      e.f32(0), m);
    };
    Value tileMax = reduceRows(b, loc, s, filled(b, loc, rowType, kNegInf),
                               [](Emitter &e, Value x, Value acc) {
                                 return e.max(x, acc);
                               });
    // alpha = exp(m - m0'), read before m is overwritten.
    alpha = elementwise(b, loc, rowType, {op.getMax(), tileMax},
                        [&](Emitter &e, ValueRange, ValueRange a) {
                          return e.exp(e.sub(a[0], safe(e, e.max(a[0], a[1]))));
                        });
    newMax = updateInPlace(b, loc, op.getMax(), tileMax,
                           [](Emitter &e, ValueRange, ValueRange a) {
                             return e.max(a[1], a[0]);
                           });
    p = elementwise(b, loc, scoresType, {s, newMax},
                    [&](Emitter &e, ValueRange, ValueRange a) {
                      return e.exp(e.sub(a[0], safe(e, a[1])));
                    });
  } else {
    // No normalizer: the weights are the visible scores themselves.
    p = elementwise(b, loc, scoresType, s,
                    [&](Emitter &e, ValueRange, ValueRange a) {
                      Value hidden = e.cmpf(arith::CmpFPredicate::OEQ, a[0],
                                            e.f32(kNegInf));
                      return e.select(hidden, e.f32(0), a[0]);
                    });
    alpha = filled(b, loc, rowType, 1);
  }
  // l' = alpha l + rowsum p.
  Value scaledSum = updateInPlace(b, loc, op.getSum(), alpha,
                                  [](Emitter &e, ValueRange, ValueRange a) {
                                    return e.mul(a[1], a[0]);
                                  });
  Value newSum = reduceRows(
      b, loc, p, scaledSum,
      [](Emitter &e, Value x, Value acc) { return e.add(x, acc); });
  // acc' = alpha acc + p V.
  Value scaledAcc = updateInPlace(b, loc, op.getAcc(), alpha,
                                  [](Emitter &e, ValueRange, ValueRange a) {
                                    return e.mul(a[1], a[0]);
                                  });
  AffineExpr r = getAffineDimExpr(0, ctx), d = getAffineDimExpr(1, ctx),
             c = getAffineDimExpr(2, ctx);
  Value newAcc = contract(b, loc, p, op.getValues(),
                          AffineMap::get(3, 0, {r, c}, ctx),
                          AffineMap::get(3, 0, {c, d}, ctx), scaledAcc);
  return {newMax, newSum, newAcc};
}

void lowerStore(OpBuilder &b, StoreOp op) {
  Emitter e{b, op.getLoc()};
  int64_t pack = op.getGqaPack();
  int64_t dv = cast<RankedTensorType>(op.getAcc().getType()).getDimSize(1);
  bool softmax = op.getNormalizer() == Normalizer::softmax;
  e.loop(e.idx(0), e.mul(op.getCount(), e.idx(pack)), [&](Value r) {
    Value token = e.add(op.getToken(), e.div(r, e.idx(pack)));
    Value head = e.add(op.getHead(), e.rem(r, e.idx(pack)));
    Value inv = e.f32(1), any;
    Value l = tensor::ExtractOp::create(b, e.loc, op.getSum(), r);
    if (softmax) {
      any = e.cmpf(arith::CmpFPredicate::OGT, l, e.f32(0));
      inv = e.select(any, e.div(e.f32(1), l), e.f32(0));
    }
    if (Value s = loops::loadScale(e, op.getOScale(), head))
      inv = e.div(inv, s);
    e.loop(e.idx(0), e.idx(dv), [&](Value d) {
      Value a = tensor::ExtractOp::create(b, e.loc, op.getAcc(),
                                          ValueRange{r, d});
      e.storeF32(e.mul(a, inv), op.getOut(), {token, head, d});
    });
    if (Value lse = op.getLse()) {
      Value m = tensor::ExtractOp::create(b, e.loc, op.getMax(), r);
      e.storeF32(e.select(any, e.add(m, e.log(l)), e.f32(kNegInf)), lse,
                 {token, head});
    }
  });
}

/// The channels of merge_splits' values.
Value mergeSplitsChannels(Emitter &e, MergeSplitsOp op) {
  Value po = op.getPartialOut();
  int64_t dv = cast<MemRefType>(po.getType()).getDimSize(3);
  return ShapedType::isDynamic(dv) ? e.dim(po, 3) : e.idx(dv);
}

/// Row (t, h) of merge_splits: lse = log sum_s exp(lse_s) and
/// out = sum_s exp(lse_s - lse) out_s; 0 and -inf without any key.
struct MergeSplitsRow {
  MergeSplitsOp op;
  Value t, h, lse, any;

  MergeSplitsRow(Emitter &e, MergeSplitsOp op, Value t, Value h)
      : op(op), t(t), h(h) {
    Value negInf = e.f32(kNegInf);
    Value maxLse = e.reduce(e.idx(0), splits(e), negInf,
                            [&](Value s, Value m) { return e.max(m, lseOf(e, s)); });
    any = e.cmpf(arith::CmpFPredicate::OGT, maxLse, negInf);
    Value safeMax = e.select(any, maxLse, e.f32(0));
    Value sum = e.reduce(e.idx(0), splits(e), e.f32(0), [&](Value s, Value acc) {
      return e.add(acc, e.exp(e.sub(lseOf(e, s), safeMax)));
    });
    lse = e.select(any, e.add(safeMax, e.log(sum)), negInf);
  }

  Value splits(Emitter &e) { return e.dim(op.getPartialLse(), 0); }
  Value lseOf(Emitter &e, Value s) {
    return memref::LoadOp::create(e.b, e.loc, op.getPartialLse(),
                                  ValueRange{s, t, h});
  }
  void storeLse(Emitter &e) {
    if (Value l = op.getLse())
      e.storeF32(lse, l, {t, h});
  }
  /// out[t, h, d].
  void storeChannel(Emitter &e, Value d) {
    Value safeLse = e.select(any, lse, e.f32(0));
    Value o = e.reduce(e.idx(0), splits(e), e.f32(0), [&](Value s, Value acc) {
      Value w = e.exp(e.sub(lseOf(e, s), safeLse));
      Value x = memref::LoadOp::create(e.b, e.loc, op.getPartialOut(),
                                       ValueRange{s, t, h, d});
      return e.add(acc, e.mul(w, x));
    });
    e.storeF32(e.select(any, o, e.f32(0)), op.getOut(), {t, h, d});
  }
};

/// On the GPU a thread per (token, head, channel), so that neighbouring
/// threads read neighbouring channels of the workspace; each computes its
/// row's LSE and the row's first thread stores it.
void lowerMergeSplits(OpBuilder &b, MergeSplitsOp op, bool gpu) {
  Emitter e{b, op.getLoc()};
  Value tokens = e.dim(op.getOut(), 0), heads = e.dim(op.getOut(), 1);
  if (gpu) {
    Value channels = mergeSplitsChannels(e, op);
    launchThreads(b, op.getLoc(), e.mul(e.mul(tokens, heads), channels),
                  [&](Emitter &e, Value id) {
                    Value d = e.rem(id, channels), row = e.div(id, channels);
                    MergeSplitsRow merged(e, op, e.div(row, heads),
                                          e.rem(row, heads));
                    e.ifThen(e.cmpi(arith::CmpIPredicate::eq, d, e.idx(0)),
                             [&] { merged.storeLse(e); });
                    merged.storeChannel(e, d);
                  });
    return;
  }
  e.loopNest({tokens, heads}, [&](ValueRange th) {
    MergeSplitsRow merged(e, op, th[0], th[1]);
    merged.storeLse(e);
    e.loop(e.idx(0), mergeSplitsChannels(e, op),
           [&](Value d) { merged.storeChannel(e, d); });
  });
}

/// On the GPU, the grid becomes a launch grid of one-thread blocks: x the
/// request, y the head group, z the query block and KV split.
void lowerKernelToLaunch(RewriterBase &rewriter, KernelOp op) {
  Location loc = op.getLoc();
  rewriter.setInsertionPoint(op);
  Emitter e{rewriter, loc};
  Value one = e.idx(1);
  Value splits = op.getKvSplits();
  auto launch = gpu::LaunchOp::create(
      rewriter, loc, op.getRequests(), op.getHeadGroups(),
      e.mul(op.getQBlocks(), splits), one, one, one);
  rewriter.setInsertionPointToStart(&launch.getBody().front());
  gpu::KernelDim3 ids = launch.getBlockIds();
  Value ivs[] = {ids.x, ids.y, e.div(ids.z, splits), e.rem(ids.z, splits)};
  Block &body = op.getBody().front();
  rewriter.eraseOp(body.getTerminator());
  auto terminator = gpu::TerminatorOp::create(rewriter, loc);
  rewriter.inlineBlockBefore(&body, terminator, ivs);
  rewriter.eraseOp(op);
}

/// The grid becomes a loop nest running the body once per work item.
void lowerKernel(RewriterBase &rewriter, KernelOp op) {
  Location loc = op.getLoc();
  rewriter.setInsertionPoint(op);
  Value zero = arith::ConstantIndexOp::create(rewriter, loc, 0);
  Value one = arith::ConstantIndexOp::create(rewriter, loc, 1);
  SmallVector<Value> ivs;
  for (Value size : op.getOperands()) {
    auto loop = scf::ForOp::create(rewriter, loc, zero, size, one);
    ivs.push_back(loop.getInductionVar());
    rewriter.setInsertionPoint(loop.getBody()->getTerminator());
  }
  Block &body = op.getBody().front();
  rewriter.eraseOp(body.getTerminator());
  rewriter.inlineBlockBefore(&body, rewriter.getInsertionBlock(),
                             rewriter.getInsertionPoint(), ivs);
  rewriter.eraseOp(op);
}

struct ConvertAttnTileToLinalgPass
    : attn::impl::ConvertAttnTileToLinalgBase<ConvertAttnTileToLinalgPass> {
  using Base::Base;
  void runOnOperation() override {
    IRRewriter rewriter(&getContext());
    // Tile ops first (post-order), kernels last.
    SmallVector<Operation *> tileOps;
    SmallVector<KernelOp> kernels;
    getOperation()->walk([&](Operation *op) {
      if (auto kernel = dyn_cast<KernelOp>(op))
        kernels.push_back(kernel);
      else if (isa<AttnTileDialect>(op->getDialect()) && !isa<tile::YieldOp>(op))
        tileOps.push_back(op);
    });
    for (Operation *op : tileOps) {
      // Regions of transform_scores are inlined with it, so their yields
      // are not visited; anything else is lowered in place.
      rewriter.setInsertionPoint(op);
      llvm::TypeSwitch<Operation *>(op)
          .Case([&](LoadQOp o) {
            rewriter.replaceOp(o, lowerLoadQ(rewriter, o));
          })
          .Case([&](LoadKVOp o) {
            rewriter.replaceOp(o, lowerLoadKV(rewriter, o));
          })
          .Case([&](GatherKVOp o) {
            rewriter.replaceOp(o, lowerGatherKV(rewriter, o));
          })
          .Case([&](PageSlotsOp o) {
            rewriter.replaceOp(o, lowerPageSlots(rewriter, o));
          })
          .Case([&](tile::RopeOp o) { rewriter.replaceOp(o, lowerRope(rewriter, o)); })
          .Case([&](ConcatOp o) {
            rewriter.replaceOp(o, lowerConcat(rewriter, o));
          })
          .Case([&](QKOp o) { rewriter.replaceOp(o, lowerQK(rewriter, o)); })
          .Case([&](TransformScoresOp o) { inlineScoreFunctors(rewriter, o); })
          .Case([&](SoftmaxInitOp o) {
            Location loc = o.getLoc();
            rewriter.replaceOp(
                o, ValueRange{filled(rewriter, loc, o.getMax().getType(),
                                     kNegInf),
                              filled(rewriter, loc, o.getSum().getType(), 0),
                              filled(rewriter, loc, o.getAcc().getType(), 0)});
          })
          .Case([&](OnlineSoftmaxOp o) {
            rewriter.replaceOp(o, lowerOnlineSoftmax(rewriter, o));
          })
          .Case([&](StoreOp o) {
            lowerStore(rewriter, o);
            rewriter.eraseOp(o);
          })
          .Case([&](MergeSplitsOp o) {
            lowerMergeSplits(rewriter, o, gpu);
            rewriter.eraseOp(o);
          });
    }
    for (KernelOp kernel : kernels) {
      if (gpu)
        lowerKernelToLaunch(rewriter, kernel);
      else
        lowerKernel(rewriter, kernel);
    }
  }
};
} // namespace
