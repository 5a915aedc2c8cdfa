//===- AttentionToLoops.cpp - Softmax-style attention ops to loops -------===//
//
// The five attention ops (prefill, batch_prefill, batch_decode,
// paged_attention, mla_decode) share one row computation (`RowEmitter`,
// docs/design.md §3.1). They differ only in where a request's query rows and
// key/value rows live, which an `AttentionSource` describes per op.
//
//===----------------------------------------------------------------------===//

#include "attn/Conversion/AttnToLoops/Emitter.h"

#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"

using namespace mlir;
using namespace mlir::attn;
using namespace mlir::attn::loops;

namespace {

//===----------------------------------------------------------------------===//
// Where rows come from
//===----------------------------------------------------------------------===//

/// The layout of one attention op's operands. `begin(b)` sets the current
/// request; the other methods then address rows of that request.
class AttentionSource {
public:
  explicit AttentionSource(Emitter &e) : e(e) {}
  virtual ~AttentionSource() = default;

  /// The leading dimensions of `out` and `lse` (query tokens).
  virtual SmallVector<Value> tokenDims() = 0;
  virtual Value numRequests() = 0;
  /// Enters request `b`: sets `numQueries` and `numKeys`.
  virtual void begin(Value b) = 0;
  /// Indices of query `i` of the current request in `out` without the
  /// trailing head (and channel) index.
  virtual SmallVector<Value> token(Value i) = 0;
  /// Raw channel `d` of query `i`, head `h`, as f32.
  virtual Value query(Value i, Value h, Value d) = 0;
  /// Raw channel `d` of key/value `j` of KV head `kvh`, as f32.
  virtual Value key(Value kvh, Value j, Value d) = 0;
  virtual Value value(Value kvh, Value j, Value d) = 0;

  Value batch, numQueries, numKeys;

protected:
  /// mem[token(i)..., tail...] as f32.
  Value loadTokenRow(Value mem, Value i, ArrayRef<Value> tail) {
    SmallVector<Value> idx = token(i);
    idx.append(tail.begin(), tail.end());
    return e.loadF32(mem, idx);
  }

  Emitter &e;
};

/// FlashInfer's page table: request b owns pages indices[indptr[b] ..
/// indptr[b+1]], the last of them holding lastLen[b] keys.
struct PageTable {
  Value indptr, indices, lastLen;
  Value pageSize;

  /// Sk_b = (pages - 1) * page_size + last_page_len, or 0 without pages.
  Value numKeys(Emitter &e, Value b) const {
    Value first = e.loadIndex(indptr, b);
    Value pages = e.sub(e.loadIndex(indptr, e.add(b, e.idx(1))), first);
    Value full = e.mul(e.sub(pages, e.idx(1)), pageSize);
    Value keys = e.add(full, e.loadIndex(lastLen, b));
    return e.select(e.cmpi(arith::CmpIPredicate::eq, pages, e.idx(0)),
                    e.idx(0), keys);
  }
  /// (page, slot) of key j of request b.
  std::pair<Value, Value> locate(Emitter &e, Value b, Value j) const {
    Value entry = e.add(e.loadIndex(indptr, b), e.div(j, pageSize));
    return {e.loadIndex(indices, entry), e.rem(j, pageSize)};
  }
};

/// A FlashInfer paged cache `[pages, page_size, H, D]` (NHD) or
/// `[pages, H, page_size, D]` (HND).
struct PagedCache {
  Value mem;
  KVLayout layout;

  Value pageSize(Emitter &e) const {
    return e.dim(mem, getPageSizeDim(layout));
  }
  Value load(Emitter &e, Value page, Value slot, Value head, Value d) const {
    if (layout == KVLayout::nhd)
      return e.loadF32(mem, {page, slot, head, d});
    return e.loadF32(mem, {page, head, slot, d});
  }
};

/// attn.prefill, dense `[B, S, H, D]` or ragged `[T, H, D]` with cu_seqlens.
class PrefillSource : public AttentionSource {
public:
  PrefillSource(Emitter &e, PrefillOp op) : AttentionSource(e) {
    OpBuilder &b = e.b;
    q = toBuffer(b, e.loc, op.getQ());
    k = toBuffer(b, e.loc, op.getK());
    v = toBuffer(b, e.loc, op.getV());
    cuQ = toBuffer(b, e.loc, op.getCuSeqlensQ());
    cuK = toBuffer(b, e.loc, op.getCuSeqlensK());
  }
  SmallVector<Value> tokenDims() override {
    if (cuQ)
      return {e.dim(q, 0)};
    return {e.dim(q, 0), e.dim(q, 1)};
  }
  Value numRequests() override {
    return cuQ ? e.sub(e.dim(cuQ, 0), e.idx(1)) : e.dim(q, 0);
  }
  void begin(Value b) override {
    batch = b;
    if (!cuQ) {
      numQueries = e.dim(q, 1);
      numKeys = e.dim(k, 1);
      return;
    }
    Value b1 = e.add(b, e.idx(1));
    qBegin = e.loadIndex(cuQ, b);
    kBegin = e.loadIndex(cuK, b);
    numQueries = e.sub(e.loadIndex(cuQ, b1), qBegin);
    numKeys = e.sub(e.loadIndex(cuK, b1), kBegin);
  }
  SmallVector<Value> token(Value i) override {
    if (cuQ)
      return {e.add(qBegin, i)};
    return {batch, i};
  }
  Value query(Value i, Value h, Value d) override {
    return loadTokenRow(q, i, {h, d});
  }
  Value key(Value kvh, Value j, Value d) override {
    return e.loadF32(k, kvIndex(kvh, j, d));
  }
  Value value(Value kvh, Value j, Value d) override {
    return e.loadF32(v, kvIndex(kvh, j, d));
  }

private:
  SmallVector<Value> kvIndex(Value kvh, Value j, Value d) {
    if (cuQ)
      return {e.add(kBegin, j), kvh, d};
    return {batch, j, kvh, d};
  }
  Value q, k, v, cuQ, cuK, qBegin, kBegin;
};

/// attn.batch_prefill (ragged queries by qo_indptr) and attn.batch_decode
/// (one query per request) over a FlashInfer paged cache.
template <typename OpTy>
class PagedSource : public AttentionSource {
public:
  PagedSource(Emitter &e, OpTy op) : AttentionSource(e) {
    OpBuilder &b = e.b;
    q = toBuffer(b, e.loc, op.getQ());
    k = {toBuffer(b, e.loc, op.getKCache()), op.getLayout()};
    v = {toBuffer(b, e.loc, op.getVCache()), op.getLayout()};
    table = {toBuffer(b, e.loc, op.getKvIndptr()),
             toBuffer(b, e.loc, op.getKvIndices()),
             toBuffer(b, e.loc, op.getKvLastPageLen()), k.pageSize(e)};
    if constexpr (std::is_same_v<OpTy, BatchPrefillOp>)
      qoIndptr = toBuffer(b, e.loc, op.getQoIndptr());
  }
  SmallVector<Value> tokenDims() override { return {e.dim(q, 0)}; }
  Value numRequests() override {
    return e.sub(e.dim(table.indptr, 0), e.idx(1));
  }
  void begin(Value b) override {
    batch = b;
    numKeys = table.numKeys(e, b);
    if (!qoIndptr) {
      numQueries = e.idx(1);
      return;
    }
    qBegin = e.loadIndex(qoIndptr, b);
    numQueries = e.sub(e.loadIndex(qoIndptr, e.add(b, e.idx(1))), qBegin);
  }
  SmallVector<Value> token(Value i) override {
    if (qoIndptr)
      return {e.add(qBegin, i)};
    return {batch};
  }
  Value query(Value i, Value h, Value d) override {
    return loadTokenRow(q, i, {h, d});
  }
  Value key(Value kvh, Value j, Value d) override {
    auto [page, slot] = table.locate(e, batch, j);
    return k.load(e, page, slot, kvh, d);
  }
  Value value(Value kvh, Value j, Value d) override {
    auto [page, slot] = table.locate(e, batch, j);
    return v.load(e, page, slot, kvh, d);
  }

private:
  Value q, qoIndptr, qBegin;
  PagedCache k, v;
  PageTable table;
};

/// attn.paged_attention: vLLM's K `[blocks, H, D/x, bs, x]`, V
/// `[blocks, H, Dv, bs]`, block tables and context lengths.
class VllmSource : public AttentionSource {
public:
  VllmSource(Emitter &e, PagedAttentionOp op) : AttentionSource(e) {
    OpBuilder &b = e.b;
    q = toBuffer(b, e.loc, op.getQ());
    k = toBuffer(b, e.loc, op.getKCache());
    v = toBuffer(b, e.loc, op.getVCache());
    blockTables = toBuffer(b, e.loc, op.getBlockTables());
    contextLens = toBuffer(b, e.loc, op.getContextLens());
    blockSize = e.dim(k, 3);
    x = e.dim(k, 4);
  }
  SmallVector<Value> tokenDims() override { return {e.dim(q, 0)}; }
  Value numRequests() override { return e.dim(q, 0); }
  void begin(Value b) override {
    batch = b;
    numQueries = e.idx(1);
    numKeys = e.loadIndex(contextLens, b);
  }
  SmallVector<Value> token(Value) override { return {batch}; }
  Value query(Value, Value h, Value d) override {
    return e.loadF32(q, {batch, h, d});
  }
  Value key(Value kvh, Value j, Value d) override {
    return e.loadF32(k, {block(j), kvh, e.div(d, x), e.rem(j, blockSize),
                         e.rem(d, x)});
  }
  Value value(Value kvh, Value j, Value d) override {
    return e.loadF32(v, {block(j), kvh, d, e.rem(j, blockSize)});
  }

private:
  Value block(Value j) {
    return e.loadIndex(blockTables, {batch, e.div(j, blockSize)});
  }
  Value q, k, v, blockTables, contextLens, blockSize, x;
};

/// attn.mla_decode: the query is q_nope ++ q_pe, the key ckv ++ kpe, the
/// value ckv; caches `[pages, page_size, Dc|Dr]`.
class MLASource : public AttentionSource {
public:
  MLASource(Emitter &e, MLADecodeOp op) : AttentionSource(e) {
    OpBuilder &b = e.b;
    qNope = toBuffer(b, e.loc, op.getQNope());
    qPe = toBuffer(b, e.loc, op.getQPe());
    ckv = toBuffer(b, e.loc, op.getCkvCache());
    kpe = toBuffer(b, e.loc, op.getKpeCache());
    table = {toBuffer(b, e.loc, op.getKvIndptr()),
             toBuffer(b, e.loc, op.getKvIndices()),
             toBuffer(b, e.loc, op.getKvLastPageLen()), e.dim(ckv, 1)};
    latentDim = cast<ShapedType>(op.getCkvCache().getType()).getDimSize(2);
  }
  SmallVector<Value> tokenDims() override { return {e.dim(qNope, 0)}; }
  Value numRequests() override { return e.dim(qNope, 0); }
  void begin(Value b) override {
    batch = b;
    numQueries = e.idx(1);
    numKeys = table.numKeys(e, b);
  }
  SmallVector<Value> token(Value) override { return {batch}; }
  // Channels [0, Dc) come from the latent part, [Dc, Dc + Dr) from the
  // rotary part.
  Value query(Value, Value h, Value d) override {
    return split(d, [&](Value c) { return e.loadF32(qNope, {batch, h, c}); },
                 [&](Value c) { return e.loadF32(qPe, {batch, h, c}); });
  }
  Value key(Value, Value j, Value d) override {
    Value page, slot;
    std::tie(page, slot) = table.locate(e, batch, j);
    return split(d, [&](Value c) { return e.loadF32(ckv, {page, slot, c}); },
                 [&](Value c) { return e.loadF32(kpe, {page, slot, c}); });
  }
  Value value(Value, Value j, Value d) override {
    auto [page, slot] = table.locate(e, batch, j);
    return e.loadF32(ckv, {page, slot, d});
  }

private:
  Value split(Value d, function_ref<Value(Value)> latent,
              function_ref<Value(Value)> rotary) {
    Value dc = e.idx(latentDim);
    return e.ifElse(
        e.lt(d, dc), e.b.getF32Type(), [&] { return latent(d); },
        [&] { return rotary(e.sub(d, dc)); });
  }
  Value qNope, qPe, ckv, kpe;
  PageTable table;
  int64_t latentDim;
};

//===----------------------------------------------------------------------===//
// One output row (docs/design.md §3.1)
//===----------------------------------------------------------------------===//

/// The current row: request, head, query.
struct RowIndex {
  Value head, kvHead, query;
};

class RowEmitter {
public:
  RowEmitter(AttentionOpInterface op, Emitter &e, AttentionSource &src)
      : op(op), e(e), src(src) {
    std::tie(left, right) = op.getMaskWindow();
    normalizer = op.getEffectiveNormalizer();
    OpBuilder &b = e.b;
    alibi = toBuffer(b, e.loc, op.getAlibiSlopes());
    positions = toBuffer(b, e.loc, op.getPositions());
    qDescale = toBuffer(b, e.loc, op.getQDescale());
    kDescale = toBuffer(b, e.loc, op.getKDescale());
    vDescale = toBuffer(b, e.loc, op.getVDescale());
    oScale = toBuffer(b, e.loc, op.getOScale());
    acc = memref::AllocaOp::create(
        b, e.loc, MemRefType::get({op.getVHeadDim()}, b.getF32Type()));
  }

  /// Writes out[token(i), h, :] and lse[token(i), h].
  void emit(const RowIndex &r, Value out, Value lse) {
    Value zero = e.idx(0);
    Value negInf = e.f32(-std::numeric_limits<float>::infinity());
    int64_t dv = op.getVHeadDim();
    // Aligned query position p = i + Sk - Sq.
    Value pos = e.add(r.query, e.sub(src.numKeys, src.numQueries));
    Value qPos = pos;
    if (positions) {
      SmallVector<Value> token = src.token(r.query);
      qPos = e.loadIndex(positions, token);
    }

    // Pass 1 (softmax): m = max over visible keys of s_ij.
    Value maxScore = negInf;
    if (normalizer == Normalizer::softmax)
      maxScore = e.reduce(zero, src.numKeys, negInf, [&](Value j, Value m) {
        return e.ifElse(
            visible(r, pos, j), e.b.getF32Type(),
            [&] { return e.max(m, score(r, pos, qPos, j)); },
            [&] { return m; });
      });

    // Pass 2: acc = sum_j w_ij v'_j, l = sum_j w_ij.
    e.loop(zero, e.idx(dv), [&](Value d) {
      memref::StoreOp::create(e.b, e.loc, e.f32(0), acc, d);
    });
    // MLA's latent cache is key and value; k_descale dequantizes both.
    Value vScale = loadScale(e, isa<MLADecodeOp>(op) ? kDescale : vDescale,
                             r.kvHead);
    Value total = e.reduce(zero, src.numKeys, e.f32(0), [&](Value j, Value l) {
      return e.ifElse(
          visible(r, pos, j), e.b.getF32Type(),
          [&] {
            Value w = weight(score(r, pos, qPos, j), maxScore);
            e.loop(zero, e.idx(dv), [&](Value d) {
              Value a = memref::LoadOp::create(e.b, e.loc, acc, d);
              Value v = src.value(r.kvHead, j, d);
              if (vScale)
                v = e.mul(v, vScale);
              memref::StoreOp::create(e.b, e.loc, e.add(a, e.mul(w, v)), acc,
                                      d);
            });
            return e.add(l, w);
          },
          [&] { return l; });
    });

    // Output: softmax divides by l; a row with no visible key is 0, -inf.
    SmallVector<Value> token = src.token(r.query);
    Value inv = e.f32(1);
    Value any;
    if (normalizer == Normalizer::softmax) {
      any = e.cmpf(arith::CmpFPredicate::OGT, total, e.f32(0));
      inv = e.select(any, e.div(e.f32(1), total), e.f32(0));
    }
    if (Value s = loadScale(e, oScale, r.head))
      inv = e.div(inv, s);
    e.loop(zero, e.idx(dv), [&](Value d) {
      Value a = memref::LoadOp::create(e.b, e.loc, acc, d);
      SmallVector<Value> idx(token);
      idx.append({r.head, d});
      e.storeF32(e.mul(a, inv), out, idx);
    });
    if (lse) {
      Value l = e.add(maxScore, e.log(total));
      SmallVector<Value> idx(token);
      idx.push_back(r.head);
      e.storeF32(e.select(any, l, negInf), lse, idx);
    }
  }

private:
  /// q'_i . k'_j: descaled, rotated.
  Value dot(const RowIndex &r, Value qPos, Value j) {
    RopeAttr rope = op.getRopeAttr();
    auto q = [&](Value d) {
      auto raw = [&](Value c) { return src.query(r.query, r.head, c); };
      return rope ? applyRope(e, rope, qPos, d, raw) : raw(d);
    };
    auto k = [&](Value d) {
      auto raw = [&](Value c) { return src.key(r.kvHead, j, c); };
      return rope ? applyRope(e, rope, j, d, raw) : raw(d);
    };
    Value s = dotProduct(e, op.getQKHeadDim(), q, k);
    if (Value qs = loadScale(e, qDescale, r.head))
      s = e.mul(s, qs);
    if (Value ks = loadScale(e, kDescale, r.kvHead))
      s = e.mul(s, ks);
    return s;
  }

  /// s_ij after scale, softcap, ALiBi and score_mod.
  Value score(const RowIndex &r, Value pos, Value qPos, Value j) {
    Value s = e.mul(dot(r, qPos, j), e.f32(op.getEffectiveScale()));
    if (FloatAttr cap = op.getSoftcapAttr()) {
      Value c = e.f32(cap.getValueAsDouble());
      s = e.mul(c, math::TanhOp::create(e.b, e.loc, e.div(s, c)));
    }
    if (alibi) {
      SmallVector<Value> idx;
      if (cast<MemRefType>(alibi.getType()).getRank() == 2)
        idx.push_back(src.batch);
      idx.push_back(r.head);
      Value slope = e.loadF32(alibi, idx);
      Value dist =
          math::AbsFOp::create(e.b, e.loc, e.indexToF32(e.sub(pos, j)));
      s = e.sub(s, e.mul(slope, dist));
    }
    if (!op.getScoreMod().empty())
      s = inlineFunctorRegion(e.b, op.getScoreMod(),
                       {s, src.batch, r.head, r.query, j});
    return s;
  }

  /// Window bounds and mask_mod.
  Value visible(const RowIndex &r, Value pos, Value j) {
    Value vis = e.i1(true);
    if (left >= 0)
      vis = e.andi(vis, e.cmpi(arith::CmpIPredicate::sge, j,
                               e.sub(pos, e.idx(left))));
    if (right >= 0)
      vis = e.andi(vis, e.cmpi(arith::CmpIPredicate::sle, j,
                               e.add(pos, e.idx(right))));
    if (!op.getMaskMod().empty())
      vis = e.andi(vis, inlineFunctorRegion(e.b, op.getMaskMod(),
                                     {src.batch, r.head, r.query, j}));
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
  AttentionSource &src;
  Value alibi, positions, qDescale, kDescale, vDescale, oScale, acc;
  int64_t left, right;
  Normalizer normalizer;
};

//===----------------------------------------------------------------------===//
// Patterns
//===----------------------------------------------------------------------===//

/// for b, h, i: one row each.
template <typename OpTy, typename SourceTy>
struct AttentionToLoops : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    if constexpr (std::is_same_v<OpTy, PrefillOp>)
      if (op.getQkv())
        return rewriter.notifyMatchFailure(
            op, "fused qkv: run attn-split-fused-qkv first");
    auto iface = cast<AttentionOpInterface>(op.getOperation());
    Location loc = op.getLoc();
    Emitter e{rewriter, loc};
    SourceTy src(e, op);
    RowEmitter rows(iface, e, src);
    int64_t hq = iface.getNumQueryHeads();
    int64_t group = hq / iface.getNumKVHeads();

    // out [tokens.., Hq, Dv], lse [tokens.., Hq].
    SmallVector<Value> dims = src.tokenDims();
    dims.append({e.idx(hq), e.idx(iface.getVHeadDim())});
    Value out = allocResult(rewriter, loc, op.getOut(), dims);
    Value lse;
    if (op.getLse())
      lse = allocResult(rewriter, loc, op.getLse(), dims);

    e.loop(e.idx(0), src.numRequests(), [&](Value b) {
      src.begin(b);
      e.loop(e.idx(0), e.idx(hq), [&](Value h) {
        Value kvh = e.div(h, e.idx(group));
        e.loop(e.idx(0), src.numQueries, [&](Value i) {
          rows.emit(RowIndex{h, kvh, i}, out, lse);
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

} // namespace

void mlir::attn::loops::populateAttentionToLoopsPatterns(
    RewritePatternSet &patterns) {
  MLIRContext *ctx = patterns.getContext();
  patterns.add<AttentionToLoops<PrefillOp, PrefillSource>,
               AttentionToLoops<BatchPrefillOp, PagedSource<BatchPrefillOp>>,
               AttentionToLoops<BatchDecodeOp, PagedSource<BatchDecodeOp>>,
               AttentionToLoops<PagedAttentionOp, VllmSource>,
               AttentionToLoops<MLADecodeOp, MLASource>>(ctx);
}
