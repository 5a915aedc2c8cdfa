//===- AttnOps.cpp - Operations of the attn dialect -----------------------===//
//
// Verifiers, folders and canonicalizations of the attn ops. Every malformed
// input gets a diagnostic that names the operand and the dimension at fault;
// nothing here may assert on user IR.
//
//===----------------------------------------------------------------------===//

#include "attn/Dialect/Attn/IR/AttnOps.h"

#include "mlir/IR/IRMapping.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/PatternMatch.h"
#include "llvm/ADT/STLExtras.h"

#include <cmath>

using namespace mlir;
using namespace mlir::attn;

#include "attn/Dialect/Attn/IR/AttnInterfaces.cpp.inc"

#define GET_OP_CLASSES
#include "attn/Dialect/Attn/IR/AttnOps.cpp.inc"

/// Largest head dimension the dialect accepts (MLA's 512 + 64 fits).
static constexpr int64_t kMaxHeadDim = 1024;
/// Largest number of heads the dialect accepts; bounds keep every product of
/// static sizes far from overflow.
static constexpr int64_t kMaxHeads = 1 << 16;

//===----------------------------------------------------------------------===//
// Verification helpers
//===----------------------------------------------------------------------===//

namespace {
/// A tensor operand (or result) with the name diagnostics use for it.
struct Named {
  Value value;
  StringRef name;

  RankedTensorType type() const {
    return cast<RankedTensorType>(value.getType());
  }
  int64_t dim(unsigned i) const { return type().getDimSize(i); }
  Type elt() const { return type().getElementType(); }
};

/// Verification context: an op to report on plus small checks that all
/// return failure after emitting a precise diagnostic.
class Checker {
public:
  explicit Checker(Operation *op) : op(op) {}

  InFlightDiagnostic error() { return op->emitOpError(); }

  LogicalResult rank(Named t, int64_t rank, StringRef layout) {
    if (t.type().getRank() == rank)
      return success();
    return error() << "expects '" << t.name << "' of rank " << rank << " ("
                   << layout << "), got " << t.type();
  }

  /// Dimension `i` of `t` must equal `expected` (described by `what`) when
  /// both are static.
  LogicalResult dim(Named t, unsigned i, int64_t expected, const Twine &what) {
    int64_t actual = t.dim(i);
    if (ShapedType::isDynamic(actual) || ShapedType::isDynamic(expected) ||
        actual == expected)
      return success();
    return error() << "dimension " << i << " of '" << t.name << "' ("
                   << actual << ") must equal " << what << " (" << expected
                   << ")";
  }

  /// Dimension `i` of `t` (described by `what`) must be static.
  LogicalResult staticDim(Named t, unsigned i, StringRef what) {
    if (!ShapedType::isDynamic(t.dim(i)))
      return success();
    return error() << what << " (dimension " << i << " of '" << t.name
                   << "') must be static";
  }

  /// `t` must have exactly the shape `shape` (dynamic entries match anything).
  LogicalResult shape(Named t, ArrayRef<int64_t> shape, StringRef layout) {
    if (failed(rank(t, shape.size(), layout)))
      return failure();
    for (auto [i, d] : llvm::enumerate(shape)) {
      int64_t actual = t.dim(i);
      if (!ShapedType::isDynamic(actual) && !ShapedType::isDynamic(d) &&
          actual != d)
        return error() << "expects '" << t.name << "' of shape " << layout
                       << " = " << formatShape(shape) << ", got " << t.type();
    }
    return success();
  }

  LogicalResult headDim(Named t, unsigned i) {
    if (failed(staticDim(t, i, "the head dimension")))
      return failure();
    int64_t d = t.dim(i);
    if (d >= 1 && d <= kMaxHeadDim)
      return success();
    return error() << "head dimension " << d << " of '" << t.name
                   << "' is not supported (expected 1 to " << kMaxHeadDim
                   << ")";
  }

  LogicalResult heads(Named t, unsigned i, StringRef what) {
    if (failed(staticDim(t, i, what)))
      return failure();
    if (t.dim(i) > 0 && t.dim(i) <= kMaxHeads)
      return success();
    return error() << what << " (dimension " << i << " of '" << t.name
                   << "') must be between 1 and " << kMaxHeads << ", got "
                   << t.dim(i);
  }

  /// A 1-D index tensor (i32 or i64).
  LogicalResult indexVector(Named t) { return indexTensor(t, 1); }

  LogicalResult indexTensor(Named t, int64_t rank) {
    Type e = t.elt();
    if (t.type().getRank() == rank &&
        (e.isSignlessInteger(32) || e.isSignlessInteger(64)))
      return success();
    return error() << "expects '" << t.name << "' to be a " << rank
                   << "-D tensor of i32 or i64, got " << t.type();
  }

  /// Element type among f32, f16, bf16 and (when `allowFp8`) f8E4M3FN.
  LogicalResult floatElt(Named t, bool allowFp8 = true) {
    Type e = t.elt();
    if (e.isF32() || e.isF16() || e.isBF16() ||
        (allowFp8 && isa<Float8E4M3FNType>(e)))
      return success();
    return error() << "'" << t.name << "' has unsupported element type " << e
                   << (allowFp8 ? " (expected f32, f16, bf16 or f8E4M3FN)"
                                : " (expected f32, f16 or bf16)");
  }

  /// A per-tensor f32 scale: shape [] or [1].
  LogicalResult scalarScale(Named t) {
    auto type = t.type();
    if (type.getElementType().isF32() &&
        (type.getRank() == 0 ||
         (type.getRank() == 1 && type.getDimSize(0) == 1)))
      return success();
    return error() << "expects '" << t.name
                   << "' to be an f32 tensor of shape [] or [1], got " << type;
  }

  /// A per-tensor or per-head f32 scale: shape [], [1] or [heads].
  LogicalResult headScale(Named t, int64_t heads) {
    auto type = t.type();
    if (type.getElementType().isF32() &&
        (type.getRank() == 0 ||
         (type.getRank() == 1 &&
          (type.getDimSize(0) == 1 || type.getDimSize(0) == heads))))
      return success();
    InFlightDiagnostic diag = error() << "expects '" << t.name
                                      << "' to be an f32 tensor of shape []";
    if (heads == 1)
      diag << " or [1]";
    else
      diag << ", [1] or [" << heads << "] (per head)";
    return diag << ", got " << type;
  }

  LogicalResult positiveFinite(FloatAttr attr, StringRef name) {
    if (!attr)
      return success();
    double v = attr.getValueAsDouble();
    if (std::isfinite(v) && v > 0)
      return success();
    return error() << "'" << name << "' must be positive and finite, got "
                   << v;
  }

  static std::string formatShape(ArrayRef<int64_t> shape) {
    std::string s = "[";
    for (auto [i, d] : llvm::enumerate(shape)) {
      if (i)
        s += ", ";
      s += ShapedType::isDynamic(d) ? std::string("?") : std::to_string(d);
    }
    return s + "]";
  }

private:
  Operation *op;
};

/// What the shared verifier needs to know about an attention op, computed by
/// the op from its own layout.
struct AttentionShape {
  int64_t numQHeads = 0, numKVHeads = 0, qkDim = 0, vDim = 0;
  /// Dims of the query-token index space, e.g. [B, Sq], [Tq] or [B].
  SmallVector<int64_t> tokenShape;
  /// Batch size when known (for per-request ALiBi slopes).
  int64_t batch = ShapedType::kDynamic;
  Named q, k, v;
};
} // namespace

static bool isFp8(Type t) { return isa<Float8E4M3FNType>(t); }

static SmallVector<int64_t> concat(ArrayRef<int64_t> a, ArrayRef<int64_t> b) {
  SmallVector<int64_t> r(a);
  r.append(b.begin(), b.end());
  return r;
}

/// Checks everything the attention ops share: heads, element types, the
/// result shapes and the common options and operands.
static LogicalResult verifyAttentionCommon(AttentionOpInterface op,
                                           const AttentionShape &s) {
  Operation *operation = op.getOperation();
  Checker c(operation);

  if (s.numQHeads % s.numKVHeads != 0)
    return c.error() << "number of query heads (" << s.numQHeads
                     << ") must be a multiple of the number of key/value "
                        "heads ("
                     << s.numKVHeads << ")";

  // Element types.
  if (failed(c.floatElt(s.q)) || failed(c.floatElt(s.k)) ||
      failed(c.floatElt(s.v)))
    return failure();
  if (s.k.elt() != s.v.elt())
    return c.error() << "'" << s.k.name << "' and '" << s.v.name
                     << "' must have the same element type, got "
                     << s.k.elt() << " and " << s.v.elt();
  if (s.q.elt() != s.k.elt() && !isFp8(s.k.elt()))
    return c.error() << "'" << s.q.name << "' and '" << s.k.name
                     << "' must have the same element type unless the keys "
                        "are f8E4M3FN, got "
                     << s.q.elt() << " and " << s.k.elt();

  // Results.
  Named out{op.getOut(), "out"};
  SmallVector<int64_t> outShape =
      concat(s.tokenShape, {s.numQHeads, s.vDim});
  if (failed(c.shape(out, outShape, "query tokens x [Hq, Dv]")) ||
      failed(c.floatElt(out)))
    return failure();
  Normalizer normalizer = op.getEffectiveNormalizer();
  if (Value lse = op.getLse()) {
    if (normalizer != Normalizer::softmax)
      return c.error() << "an 'lse' result requires the softmax normalizer, "
                          "got "
                       << stringifyNormalizer(normalizer);
    Named l{lse, "lse"};
    if (failed(c.shape(l, concat(s.tokenShape, {s.numQHeads}),
                       "query tokens x [Hq]")))
      return failure();
    if (!l.elt().isF32())
      return c.error() << "'lse' must have element type f32, got " << l.elt();
  }

  // Attributes.
  if (failed(c.positiveFinite(op.getScaleAttr(), "scale")) ||
      failed(c.positiveFinite(op.getSoftcapAttr(), "softcap")))
    return failure();
  if (DenseI64ArrayAttr window = op.getWindowAttr()) {
    if (window.size() != 2)
      return c.error() << "'window' must have 2 elements (left, right), got "
                       << window.size();
    for (int64_t w : window.asArrayRef())
      if (w < -1)
        return c.error() << "'window' bounds must be >= -1 (-1 = unbounded), "
                            "got "
                         << w;
    if (op.getCausal() && window[1] > 0)
      return c.error() << "'causal' conflicts with the window's right bound "
                       << window[1] << " (causal means a right bound of 0)";
  }
  if (op.getSigmoidBiasAttr() && normalizer != Normalizer::sigmoid)
    return c.error() << "'sigmoid_bias' requires the sigmoid normalizer";
  if (FloatAttr bias = op.getSigmoidBiasAttr())
    if (!std::isfinite(bias.getValueAsDouble()))
      return c.error() << "'sigmoid_bias' must be finite";

  // Operands shared by all attention ops.
  if (Value slopes = op.getAlibiSlopes()) {
    Named a{slopes, "alibi_slopes"};
    RankedTensorType t = a.type();
    bool ok = t.getElementType().isF32() &&
              ((t.getRank() == 1) ||
               (t.getRank() == 2 &&
                (ShapedType::isDynamic(s.batch) ||
                 ShapedType::isDynamic(t.getDimSize(0)) ||
                 t.getDimSize(0) == s.batch))) &&
              !ShapedType::isDynamic(t.getDimSize(t.getRank() - 1)) &&
              t.getDimSize(t.getRank() - 1) == s.numQHeads;
    if (t.getRank() == 0 || !ok)
      return c.error() << "expects 'alibi_slopes' to be an f32 tensor of "
                          "shape [Hq] or [B, Hq] with Hq = "
                       << s.numQHeads << ", got " << t;
  }
  RopeAttr rope = op.getRopeAttr();
  if (Value pos = op.getPositions()) {
    Named p{pos, "positions"};
    if (!rope)
      return c.error() << "'positions' are only meaningful with a 'rope' "
                          "attribute";
    if (failed(c.indexTensor(p, s.tokenShape.size())) ||
        failed(c.shape(p, s.tokenShape, "query tokens")))
      return failure();
  }
  if (rope && rope.getDim() > s.qkDim)
    return c.error() << "RoPE rotary dim " << rope.getDim()
                     << " exceeds the query/key head dimension " << s.qkDim;

  struct Descale {
    Value value;
    StringRef name;
    Named of;
    int64_t heads;
  } descales[] = {{op.getQDescale(), "q_descale", s.q, s.numQHeads},
                  {op.getKDescale(), "k_descale", s.k, s.numKVHeads},
                  {op.getVDescale(), "v_descale", s.v, s.numKVHeads}};
  for (const Descale &d : descales) {
    if (!d.value)
      continue;
    if (!isFp8(d.of.elt()))
      return c.error() << "'" << d.name << "' requires '" << d.of.name
                       << "' to be f8E4M3FN, got " << d.of.elt();
    if (failed(c.headScale(Named{d.value, d.name}, d.heads)))
      return failure();
  }
  if (Value oScale = op.getOScale()) {
    if (!isFp8(out.elt()))
      return c.error() << "'o_scale' requires an f8E4M3FN output, got "
                       << out.elt();
    if (failed(c.scalarScale(Named{oScale, "o_scale"})))
      return failure();
  }
  return success();
}

/// Checks the signature and terminator of a `score_mod`/`mask_mod` region.
static LogicalResult verifyModRegion(Operation *op, Region &region,
                                     StringRef name, TypeRange argTypes,
                                     Type resultType, StringRef signature) {
  if (region.empty())
    return success();
  if (!region.hasOneBlock())
    return op->emitOpError() << "'" << name
                             << "' region must have exactly one block";
  Block &block = region.front();
  if (block.getNumArguments() != argTypes.size() ||
      !llvm::equal(block.getArgumentTypes(), argTypes)) {
    InFlightDiagnostic diag = op->emitOpError()
                              << "'" << name << "' region must take "
                              << signature << ", got (";
    llvm::interleaveComma(block.getArgumentTypes(), diag);
    return diag << ")";
  }
  auto yield = block.mightHaveTerminator()
                   ? dyn_cast<YieldOp>(block.getTerminator())
                   : YieldOp();
  if (!yield)
    return op->emitOpError() << "'" << name
                             << "' region must end with 'attn.yield'";
  if (yield.getValues().size() != 1 ||
      yield.getValues().front().getType() != resultType)
    return yield.emitOpError()
           << "in '" << name << "' must yield one " << resultType << " value";
  return success();
}

static LogicalResult verifyModRegions(AttentionOpInterface op) {
  MLIRContext *ctx = op->getContext();
  Type f32 = Float32Type::get(ctx), i1 = IntegerType::get(ctx, 1);
  Type index = IndexType::get(ctx);
  if (failed(verifyModRegion(op, op.getScoreMod(), "score_mod",
                             {f32, index, index, index, index}, f32,
                             "(f32 score, index b, index h, index q_idx, "
                             "index kv_idx)")))
    return failure();
  return verifyModRegion(op, op.getMaskMod(), "mask_mod",
                         {index, index, index, index}, i1,
                         "(index b, index h, index q_idx, index kv_idx)");
}

/// Reads the number of KV heads, page size and head dim of a FlashInfer
/// paged cache (NHD or HND).
static LogicalResult verifyPagedCache(Checker &c, KVLayout layout, Named cache,
                                      int64_t &heads, int64_t &pageSize,
                                      int64_t &headDim) {
  if (layout == KVLayout::vllm)
    return c.error() << "layout 'vllm' is only accepted by "
                        "attn.paged_attention and attn.append_kv; use 'nhd' "
                        "or 'hnd'";
  bool nhd = layout == KVLayout::nhd;
  StringRef desc = nhd ? "NHD: [num_pages, page_size, Hkv, D]"
                       : "HND: [num_pages, Hkv, page_size, D]";
  unsigned pageDim = getPageSizeDim(layout), headsDim = nhd ? 2 : 1;
  if (failed(c.rank(cache, 4, desc)) ||
      failed(c.staticDim(cache, pageDim, "the page size")) ||
      failed(c.heads(cache, headsDim, "the number of key/value heads")) ||
      failed(c.headDim(cache, 3)))
    return failure();
  pageSize = cache.dim(pageDim);
  if (pageSize <= 0)
    return c.error() << "page_size (dimension " << pageDim << " of '"
                     << cache.name << "') must be positive, got " << pageSize;
  heads = cache.dim(headsDim);
  headDim = cache.dim(3);
  return success();
}

/// Verifies a K/V pair of FlashInfer paged caches and the page-table
/// operands that index them.
/// Verifies the page table of a paged KV cache: `indptr` [B + 1],
/// `indices` [nnz] and `lastPageLen` [B] are 1-D integer tensors whose sizes
/// agree with each other and with `batch` (the batch size of the queries,
/// possibly dynamic).
static LogicalResult verifyPageTable(Checker &c, Named indptr, Named indices,
                                     Named lastPageLen, int64_t batch) {
  if (failed(c.indexVector(indptr)) || failed(c.indexVector(indices)) ||
      failed(c.indexVector(lastPageLen)))
    return failure();
  int64_t n = indptr.dim(0);
  if (!ShapedType::isDynamic(n) && n < 1)
    return c.error() << "'" << indptr.name
                     << "' must have at least one element (B + 1)";
  if (failed(c.dim(lastPageLen, 0,
                   ShapedType::isDynamic(n) ? n : n - 1,
                   "the batch size from 'kv_indptr'")))
    return failure();
  if (!ShapedType::isDynamic(batch) && !ShapedType::isDynamic(n) &&
      n != batch + 1)
    return c.error() << "'" << indptr.name << "' has " << n
                     << " elements but the batch size is " << batch
                     << " (expected B + 1 = " << batch + 1 << ")";
  return success();
}

static LogicalResult verifyPagedKV(Checker &c, KVLayout layout, Named kCache,
                                   Named vCache, Named indptr, Named indices,
                                   Named lastPageLen, int64_t batch,
                                   AttentionShape &s) {
  int64_t kHeads, kPage, vHeads, vPage;
  if (failed(verifyPagedCache(c, layout, kCache, kHeads, kPage, s.qkDim)) ||
      failed(verifyPagedCache(c, layout, vCache, vHeads, vPage, s.vDim)))
    return failure();
  if (failed(c.dim(vCache, 0, kCache.dim(0), "the number of pages of 'k_cache'")))
    return failure();
  if (vPage != kPage || vHeads != kHeads)
    return c.error() << "'" << vCache.name << "' " << vCache.type()
                     << " must have the page size and number of heads of '"
                     << kCache.name << "' " << kCache.type();
  s.numKVHeads = kHeads;
  return verifyPageTable(c, indptr, indices, lastPageLen, batch);
}

//===----------------------------------------------------------------------===//
// AttentionOpInterface
//===----------------------------------------------------------------------===//

double AttentionOpInterface::getEffectiveScale() {
  if (FloatAttr scale = getScaleAttr())
    return scale.getValueAsDouble();
  return 1.0 / std::sqrt(static_cast<double>(getQKHeadDim()));
}

Normalizer AttentionOpInterface::getEffectiveNormalizer() {
  if (NormalizerAttr n = getNormalizerAttr())
    return n.getValue();
  return Normalizer::softmax;
}

std::pair<int64_t, int64_t> AttentionOpInterface::getMaskWindow() {
  int64_t left = -1, right = -1;
  if (DenseI64ArrayAttr w = getWindowAttr()) {
    left = w[0];
    right = w[1];
  }
  if (getCausal())
    right = 0;
  return {left, right};
}

//===----------------------------------------------------------------------===//
// Canonicalization shared by the attention ops
//===----------------------------------------------------------------------===//

namespace {
/// Puts the mask in one form: a right window bound of 0 is spelled `causal`,
/// an unbounded window is dropped, and for decode ops (one query at the end
/// of its sequence) `causal` and the right bound, which hide nothing, go.
template <typename OpTy>
struct CanonicalizeMask : OpRewritePattern<OpTy> {
  CanonicalizeMask(MLIRContext *ctx, bool isDecode)
      : OpRewritePattern<OpTy>(ctx), isDecode(isDecode) {}

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    auto [left, right] =
        cast<AttentionOpInterface>(op.getOperation()).getMaskWindow();
    bool causal = isDecode ? false : right == 0;
    if (isDecode)
      right = -1;
    else if (right == 0)
      right = -1;
    DenseI64ArrayAttr window;
    if (left != -1 || right != -1)
      window = rewriter.getDenseI64ArrayAttr({left, right});
    if (causal == op.getCausal() && window == op.getWindowAttr())
      return failure();
    rewriter.modifyOpInPlace(op, [&] {
      op.setCausal(causal);
      if (window)
        op.setWindowAttr(window);
      else
        op.removeWindowAttr();
    });
    return success();
  }

  bool isDecode;
};
} // namespace

void PrefillOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                            MLIRContext *ctx) {
  results.add<CanonicalizeMask<PrefillOp>>(ctx, /*isDecode=*/false);
}
void BatchPrefillOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                                 MLIRContext *ctx) {
  results.add<CanonicalizeMask<BatchPrefillOp>>(ctx, /*isDecode=*/false);
}
void BatchDecodeOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                                MLIRContext *ctx) {
  results.add<CanonicalizeMask<BatchDecodeOp>>(ctx, /*isDecode=*/true);
}
void PagedAttentionOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                                   MLIRContext *ctx) {
  results.add<CanonicalizeMask<PagedAttentionOp>>(ctx, /*isDecode=*/true);
}
void MLADecodeOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                              MLIRContext *ctx) {
  results.add<CanonicalizeMask<MLADecodeOp>>(ctx, /*isDecode=*/true);
}

//===----------------------------------------------------------------------===//
// PrefillOp
//===----------------------------------------------------------------------===//

/// Q/K/V head counts and dims of a fused QKV tensor [.., (Hq + 2 Hkv) * D].
static void fusedHeads(PrefillOp op, int64_t &hq, int64_t &hkv, int64_t &d) {
  ArrayRef<int64_t> heads = *op.getQkvHeads();
  hq = heads[0];
  hkv = heads[1];
  auto t = cast<RankedTensorType>(op.getQkv().getType());
  d = t.getDimSize(t.getRank() - 1) / (hq + 2 * hkv);
}

int64_t PrefillOp::getNumQueryHeads() {
  if (getQkv())
    return (*getQkvHeads())[0];
  auto t = cast<RankedTensorType>(getQ().getType());
  return t.getDimSize(t.getRank() - 2);
}
int64_t PrefillOp::getNumKVHeads() {
  if (getQkv())
    return (*getQkvHeads())[1];
  auto t = cast<RankedTensorType>(getK().getType());
  return t.getDimSize(t.getRank() - 2);
}
int64_t PrefillOp::getQKHeadDim() {
  if (getQkv()) {
    int64_t hq, hkv, d;
    fusedHeads(*this, hq, hkv, d);
    return d;
  }
  auto t = cast<RankedTensorType>(getQ().getType());
  return t.getDimSize(t.getRank() - 1);
}
int64_t PrefillOp::getVHeadDim() {
  if (getQkv())
    return getQKHeadDim();
  auto t = cast<RankedTensorType>(getV().getType());
  return t.getDimSize(t.getRank() - 1);
}

LogicalResult PrefillOp::verify() {
  Checker c(*this);
  bool ragged = getCuSeqlensQ() != nullptr;
  AttentionShape s;
  Named cuQ{getCuSeqlensQ(), "cu_seqlens_q"},
      cuK{getCuSeqlensK(), "cu_seqlens_k"};

  if (ragged) {
    if (failed(c.indexVector(cuQ)))
      return failure();
    int64_t n = cuQ.dim(0);
    if (!ShapedType::isDynamic(n) && n < 1)
      return c.error() << "'cu_seqlens_q' must have at least one element "
                          "(B + 1)";
    s.batch = ShapedType::isDynamic(n) ? n : n - 1;
  }

  if (Value qkv = getQkv()) {
    if (getQ() || getK() || getV())
      return c.error() << "takes either 'q', 'k' and 'v' or one fused 'qkv', "
                          "not both";
    if (getCuSeqlensK())
      return c.error() << "a fused 'qkv' shares 'cu_seqlens_q' between "
                          "queries and keys; remove 'cu_seqlens_k'";
    std::optional<ArrayRef<int64_t>> heads = getQkvHeads();
    if (!heads)
      return c.error() << "a fused 'qkv' requires 'qkv_heads = array<i64: "
                          "Hq, Hkv>'";
    if (heads->size() != 2 || llvm::any_of(*heads, [](int64_t h) {
          return h <= 0 || h > kMaxHeads;
        }))
      return c.error() << "'qkv_heads' must be two head counts [Hq, Hkv] "
                          "between 1 and "
                       << kMaxHeads;
    Named t{qkv, "qkv"};
    if (failed(c.rank(t, ragged ? 2 : 3,
                      ragged ? "ragged: [T, (Hq + 2 Hkv) * D]"
                             : "dense: [B, S, (Hq + 2 Hkv) * D]")))
      return failure();
    unsigned last = t.type().getRank() - 1;
    if (failed(c.staticDim(t, last, "the fused head dimension")))
      return failure();
    int64_t width = t.dim(last), groups = (*heads)[0] + 2 * (*heads)[1];
    if (width % groups != 0 || width == 0)
      return c.error() << "fused 'qkv' width " << width
                       << " is not a positive multiple of Hq + 2 Hkv = "
                       << groups;
    s.numQHeads = (*heads)[0];
    s.numKVHeads = (*heads)[1];
    s.qkDim = s.vDim = width / groups;
    if (s.qkDim > kMaxHeadDim)
      return c.error() << "head dimension " << s.qkDim
                       << " of 'qkv' is not supported (expected 1 to "
                       << kMaxHeadDim << ")";
    s.q = s.k = s.v = t;
    if (ragged)
      s.tokenShape = {t.dim(0)};
    else {
      s.tokenShape = {t.dim(0), t.dim(1)};
      s.batch = t.dim(0);
    }
    return verifyAttentionCommon(*this, s);
  }

  if (getQkvHeads())
    return c.error() << "'qkv_heads' is only meaningful with a fused 'qkv'";
  if (!getQ() || !getK() || !getV())
    return c.error() << "expects 'q', 'k' and 'v' operands (or one fused "
                        "'qkv')";
  Named q{getQ(), "q"}, k{getK(), "k"}, v{getV(), "v"};
  if (ragged != (getCuSeqlensK() != nullptr))
    return c.error() << "'cu_seqlens_q' and 'cu_seqlens_k' must be given "
                        "together (ragged layout) or not at all (dense)";
  if (ragged) {
    if (failed(c.indexVector(cuK)) ||
        failed(c.dim(cuK, 0, cuQ.dim(0), "the length of 'cu_seqlens_q'")))
      return failure();
    if (failed(c.rank(q, 3, "ragged: [Tq, Hq, D]")) ||
        failed(c.rank(k, 3, "ragged: [Tk, Hkv, D]")) ||
        failed(c.rank(v, 3, "ragged: [Tk, Hkv, Dv]")))
      return failure();
  } else {
    if (failed(c.rank(q, 4, "dense: [B, Sq, Hq, D]")) ||
        failed(c.rank(k, 4, "dense: [B, Sk, Hkv, D]")) ||
        failed(c.rank(v, 4, "dense: [B, Sk, Hkv, Dv]")))
      return failure();
    s.batch = q.dim(0);
    if (failed(c.dim(k, 0, q.dim(0), "the batch size of 'q'")) ||
        failed(c.dim(v, 0, q.dim(0), "the batch size of 'q'")))
      return failure();
  }
  unsigned h = q.type().getRank() - 2, d = h + 1, seq = h - 1;
  if (failed(c.heads(q, h, "the number of query heads")) ||
      failed(c.heads(k, h, "the number of key/value heads")) ||
      failed(c.headDim(q, d)) || failed(c.headDim(v, d)) ||
      failed(c.dim(k, d, q.dim(d), "the head dimension of 'q'")) ||
      failed(c.dim(v, h, k.dim(h), "the number of key/value heads of 'k'")) ||
      failed(c.dim(v, seq, k.dim(seq), "the number of keys of 'k'")))
    return failure();
  s.numQHeads = q.dim(h);
  s.numKVHeads = k.dim(h);
  s.qkDim = q.dim(d);
  s.vDim = v.dim(d);
  s.q = q;
  s.k = k;
  s.v = v;
  s.tokenShape = ragged ? SmallVector<int64_t>{q.dim(0)}
                        : SmallVector<int64_t>{q.dim(0), q.dim(1)};
  return verifyAttentionCommon(*this, s);
}

LogicalResult PrefillOp::verifyRegions() { return verifyModRegions(*this); }

//===----------------------------------------------------------------------===//
// BatchPrefillOp
//===----------------------------------------------------------------------===//

static int64_t pagedHeads(Value cache, KVLayout layout) {
  return cast<RankedTensorType>(cache.getType())
      .getDimSize(layout == KVLayout::nhd ? 2 : 1);
}
static int64_t lastDim(Value v) {
  auto t = cast<RankedTensorType>(v.getType());
  return t.getDimSize(t.getRank() - 1);
}

int64_t BatchPrefillOp::getNumQueryHeads() {
  return cast<RankedTensorType>(getQ().getType()).getDimSize(1);
}
int64_t BatchPrefillOp::getNumKVHeads() {
  return pagedHeads(getKCache(), getLayout());
}
int64_t BatchPrefillOp::getQKHeadDim() { return lastDim(getQ()); }
int64_t BatchPrefillOp::getVHeadDim() { return lastDim(getVCache()); }

LogicalResult BatchPrefillOp::verify() {
  Checker c(*this);
  AttentionShape s;
  Named q{getQ(), "q"}, qoIndptr{getQoIndptr(), "qo_indptr"};
  if (failed(c.rank(q, 3, "[Tq, Hq, D]")) ||
      failed(c.heads(q, 1, "the number of query heads")) ||
      failed(c.headDim(q, 2)) ||
      failed(c.indexVector(qoIndptr)))
    return failure();
  int64_t n = qoIndptr.dim(0);
  if (!ShapedType::isDynamic(n) && n < 1)
    return c.error() << "'qo_indptr' must have at least one element (B + 1)";
  s.batch = ShapedType::isDynamic(n) ? n : n - 1;
  s.q = q;
  s.k = {getKCache(), "k_cache"};
  s.v = {getVCache(), "v_cache"};
  if (failed(verifyPagedKV(c, getLayout(), s.k, s.v, {getKvIndptr(), "kv_indptr"},
                           {getKvIndices(), "kv_indices"},
                           {getKvLastPageLen(), "kv_last_page_len"}, s.batch,
                           s)))
    return failure();
  if (failed(c.dim(q, 2, s.qkDim, "the head dimension of 'k_cache'")))
    return failure();
  s.numQHeads = q.dim(1);
  s.tokenShape = {q.dim(0)};
  return verifyAttentionCommon(*this, s);
}

LogicalResult BatchPrefillOp::verifyRegions() {
  return verifyModRegions(*this);
}

//===----------------------------------------------------------------------===//
// BatchDecodeOp
//===----------------------------------------------------------------------===//

int64_t BatchDecodeOp::getNumQueryHeads() {
  return cast<RankedTensorType>(getQ().getType()).getDimSize(1);
}
int64_t BatchDecodeOp::getNumKVHeads() {
  return pagedHeads(getKCache(), getLayout());
}
int64_t BatchDecodeOp::getQKHeadDim() { return lastDim(getQ()); }
int64_t BatchDecodeOp::getVHeadDim() { return lastDim(getVCache()); }

LogicalResult BatchDecodeOp::verify() {
  Checker c(*this);
  AttentionShape s;
  Named q{getQ(), "q"};
  if (failed(c.rank(q, 3, "[B, Hq, D]")) ||
      failed(c.heads(q, 1, "the number of query heads")) ||
      failed(c.headDim(q, 2)))
    return failure();
  s.batch = q.dim(0);
  s.q = q;
  s.k = {getKCache(), "k_cache"};
  s.v = {getVCache(), "v_cache"};
  if (failed(verifyPagedKV(c, getLayout(), s.k, s.v, {getKvIndptr(), "kv_indptr"},
                           {getKvIndices(), "kv_indices"},
                           {getKvLastPageLen(), "kv_last_page_len"}, s.batch,
                           s)))
    return failure();
  if (failed(c.dim(q, 2, s.qkDim, "the head dimension of 'k_cache'")))
    return failure();
  s.numQHeads = q.dim(1);
  s.tokenShape = {q.dim(0)};
  return verifyAttentionCommon(*this, s);
}

LogicalResult BatchDecodeOp::verifyRegions() { return verifyModRegions(*this); }

//===----------------------------------------------------------------------===//
// PagedAttentionOp
//===----------------------------------------------------------------------===//

int64_t PagedAttentionOp::getNumQueryHeads() {
  return cast<RankedTensorType>(getQ().getType()).getDimSize(1);
}
int64_t PagedAttentionOp::getNumKVHeads() {
  return cast<RankedTensorType>(getKCache().getType()).getDimSize(1);
}
int64_t PagedAttentionOp::getQKHeadDim() { return lastDim(getQ()); }
int64_t PagedAttentionOp::getVHeadDim() {
  return cast<RankedTensorType>(getVCache().getType()).getDimSize(2);
}

/// Verifies vLLM's K cache [blocks, Hkv, D/x, block_size, x] and V cache
/// [blocks, Hkv, Dv, block_size]; returns Hkv, block size, D and Dv.
static LogicalResult verifyVllmCaches(Checker &c, Named k, Named v,
                                      int64_t &heads, int64_t &blockSize,
                                      int64_t &qkDim, int64_t &vDim) {
  if (failed(c.rank(k, 5, "vLLM: [num_blocks, Hkv, D / x, block_size, x]")) ||
      failed(c.rank(v, 4, "vLLM: [num_blocks, Hkv, Dv, block_size]")) ||
      failed(c.heads(k, 1, "the number of key/value heads")) ||
      failed(c.staticDim(k, 2, "D / x")) || failed(c.staticDim(k, 4, "x")) ||
      failed(c.staticDim(k, 3, "the block size")) ||
      failed(c.headDim(v, 2)))
    return failure();
  blockSize = k.dim(3);
  if (blockSize <= 0)
    return c.error() << "block_size (dimension 3 of '" << k.name
                     << "') must be positive, got " << blockSize;
  if (k.dim(4) <= 0)
    return c.error() << "x (dimension 4 of '" << k.name
                     << "') must be positive, got " << k.dim(4);
  if (k.dim(2) <= 0 || k.dim(2) > kMaxHeadDim || k.dim(4) > kMaxHeadDim)
    return c.error() << "D / x (" << k.dim(2) << ") and x (" << k.dim(4)
                     << ") of '" << k.name << "' must be between 1 and "
                     << kMaxHeadDim;
  heads = k.dim(1);
  qkDim = k.dim(2) * k.dim(4);
  vDim = v.dim(2);
  if (qkDim < 1 || qkDim > kMaxHeadDim)
    return c.error() << "head dimension " << qkDim << " of '" << k.name
                     << "' is not supported (expected 1 to " << kMaxHeadDim
                     << ")";
  if (failed(c.dim(v, 0, k.dim(0), "the number of blocks of 'k_cache'")) ||
      failed(c.dim(v, 1, heads, "the number of key/value heads of 'k_cache'")) ||
      failed(c.dim(v, 3, blockSize, "the block size of 'k_cache'")))
    return failure();
  return success();
}

LogicalResult PagedAttentionOp::verify() {
  Checker c(*this);
  AttentionShape s;
  Named q{getQ(), "q"}, k{getKCache(), "k_cache"}, v{getVCache(), "v_cache"};
  Named tables{getBlockTables(), "block_tables"},
      lens{getContextLens(), "context_lens"};
  if (failed(c.rank(q, 3, "[B, Hq, D]")) ||
      failed(c.heads(q, 1, "the number of query heads")) ||
      failed(c.headDim(q, 2)))
    return failure();
  int64_t blockSize;
  if (failed(verifyVllmCaches(c, k, v, s.numKVHeads, blockSize, s.qkDim,
                              s.vDim)))
    return failure();
  if (failed(c.dim(q, 2, s.qkDim, "the head dimension of 'k_cache' (D/x * x)")) ||
      failed(c.indexTensor(tables, 2)) || failed(c.indexVector(lens)) ||
      failed(c.dim(tables, 0, q.dim(0), "the batch size of 'q'")) ||
      failed(c.dim(lens, 0, q.dim(0), "the batch size of 'q'")))
    return failure();
  s.batch = q.dim(0);
  s.numQHeads = q.dim(1);
  s.q = q;
  s.k = k;
  s.v = v;
  s.tokenShape = {q.dim(0)};
  return verifyAttentionCommon(*this, s);
}

LogicalResult PagedAttentionOp::verifyRegions() {
  return verifyModRegions(*this);
}

//===----------------------------------------------------------------------===//
// MLADecodeOp
//===----------------------------------------------------------------------===//

int64_t MLADecodeOp::getNumQueryHeads() {
  return cast<RankedTensorType>(getQNope().getType()).getDimSize(1);
}
int64_t MLADecodeOp::getNumKVHeads() { return 1; }
int64_t MLADecodeOp::getQKHeadDim() {
  return lastDim(getQNope()) + lastDim(getQPe());
}
int64_t MLADecodeOp::getVHeadDim() { return lastDim(getQNope()); }

LogicalResult MLADecodeOp::verify() {
  Checker c(*this);
  AttentionShape s;
  Named qNope{getQNope(), "q_nope"}, qPe{getQPe(), "q_pe"};
  Named ckv{getCkvCache(), "ckv_cache"}, kpe{getKpeCache(), "kpe_cache"};
  if (failed(c.rank(qNope, 3, "[B, H, Dc]")) ||
      failed(c.rank(qPe, 3, "[B, H, Dr]")) ||
      failed(c.rank(ckv, 3, "[num_pages, page_size, Dc]")) ||
      failed(c.rank(kpe, 3, "[num_pages, page_size, Dr]")) ||
      failed(c.heads(qNope, 1, "the number of heads")) ||
      failed(c.headDim(qNope, 2)) || failed(c.headDim(qPe, 2)) ||
      failed(c.dim(qPe, 0, qNope.dim(0), "the batch size of 'q_nope'")) ||
      failed(c.dim(qPe, 1, qNope.dim(1), "the number of heads of 'q_nope'")) ||
      failed(c.dim(ckv, 2, qNope.dim(2), "the latent dimension Dc of 'q_nope'")) ||
      failed(c.dim(kpe, 2, qPe.dim(2), "the rotary dimension Dr of 'q_pe'")) ||
      failed(c.dim(kpe, 0, ckv.dim(0), "the number of pages of 'ckv_cache'")) ||
      failed(c.staticDim(ckv, 1, "the page size")) ||
      failed(c.dim(kpe, 1, ckv.dim(1), "the page size of 'ckv_cache'")))
    return failure();
  if (ckv.dim(1) <= 0)
    return c.error() << "page_size (dimension 1 of 'ckv_cache') must be "
                        "positive, got "
                     << ckv.dim(1);
  if (qNope.elt() != qPe.elt())
    return c.error() << "'q_nope' and 'q_pe' must have the same element type";
  if (ckv.elt() != kpe.elt())
    return c.error() << "'ckv_cache' and 'kpe_cache' must have the same "
                        "element type";
  if (getRopeAttr())
    return c.error() << "does not fuse RoPE: 'q_pe' and 'kpe_cache' already "
                        "carry the rotary embedding";
  if (getVDescale())
    return c.error() << "takes no 'v_descale': the latent cache is both key "
                        "and value and 'k_descale' dequantizes it";
  if (qNope.dim(2) + qPe.dim(2) > kMaxHeadDim)
    return c.error() << "query/key head dimension Dc + Dr = "
                     << qNope.dim(2) + qPe.dim(2)
                     << " is not supported (expected at most " << kMaxHeadDim
                     << ")";
  s.batch = qNope.dim(0);
  if (failed(verifyPageTable(c, {getKvIndptr(), "kv_indptr"},
                             {getKvIndices(), "kv_indices"},
                             {getKvLastPageLen(), "kv_last_page_len"},
                             s.batch)))
    return failure();
  s.numQHeads = qNope.dim(1);
  s.numKVHeads = 1;
  s.qkDim = qNope.dim(2) + qPe.dim(2);
  s.vDim = qNope.dim(2);
  s.q = qNope;
  s.k = ckv;
  s.v = ckv;
  s.tokenShape = {qNope.dim(0)};
  return verifyAttentionCommon(*this, s);
}

LogicalResult MLADecodeOp::verifyRegions() { return verifyModRegions(*this); }

//===----------------------------------------------------------------------===//
// LinearAttentionOp
//===----------------------------------------------------------------------===//

LogicalResult LinearAttentionOp::verify() {
  Checker c(*this);
  Named q{getQ(), "q"}, k{getK(), "k"}, v{getV(), "v"}, out{getOut(), "out"};
  bool ragged = getCuSeqlens() != nullptr;
  int64_t rank = ragged ? 3 : 4;
  StringRef qLayout = ragged ? "ragged: [T, H, D]" : "dense: [B, S, H, D]";
  StringRef vLayout = ragged ? "ragged: [T, H, Dv]" : "dense: [B, S, H, Dv]";
  if (failed(c.rank(q, rank, qLayout)) || failed(c.rank(k, rank, qLayout)) ||
      failed(c.rank(v, rank, vLayout)))
    return failure();
  unsigned h = rank - 2, d = rank - 1;
  if (failed(c.heads(q, h, "the number of heads")) ||
      failed(c.headDim(q, d)) || failed(c.headDim(v, d)))
    return failure();
  for (unsigned i = 0; i < h; ++i)
    if (failed(c.dim(k, i, q.dim(i), "the matching dimension of 'q'")) ||
        failed(c.dim(v, i, q.dim(i), "the matching dimension of 'q'")))
      return failure();
  if (failed(c.dim(k, h, q.dim(h), "the number of heads of 'q'")) ||
      failed(c.dim(v, h, q.dim(h), "the number of heads of 'q'")) ||
      failed(c.dim(k, d, q.dim(d), "the head dimension of 'q'")))
    return failure();
  if (failed(c.floatElt(q, false)) || failed(c.floatElt(out, false)))
    return failure();
  if (k.elt() != q.elt() || v.elt() != q.elt())
    return c.error() << "'q', 'k' and 'v' must have the same element type";
  if (failed(c.shape(out, v.type().getShape(), "the shape of 'v'")))
    return failure();
  if (failed(c.positiveFinite(getScaleAttr(), "scale")))
    return failure();

  int64_t heads = q.dim(h), qkDim = q.dim(d), vDim = v.dim(d);
  int64_t batch = q.dim(0);
  if (ragged) {
    Named cu{getCuSeqlens(), "cu_seqlens"};
    if (failed(c.indexVector(cu)))
      return failure();
    int64_t n = cu.dim(0);
    if (!ShapedType::isDynamic(n) && n < 1)
      return c.error() << "'cu_seqlens' must have at least one element "
                          "(B + 1)";
    batch = ShapedType::isDynamic(n) ? n : n - 1;
  }

  if (getKind() == LinearKind::hstu) {
    if (getDecay() || getInitialState() || getFinalState())
      return c.error() << "'decay', 'initial_state' and the final state "
                          "belong to kind lightning, not hstu";
    if (std::optional<uint64_t> n = getSiluNorm();
        n && static_cast<int64_t>(*n) <= 0)
      return c.error() << "'silu_norm' must be positive, got "
                       << static_cast<int64_t>(*n);
    if (Value bias = getBias()) {
      Named b{bias, "bias"};
      if (failed(c.rank(b, 4, "[B, H, L, L]")) || failed(c.floatElt(b, false)) ||
          failed(c.dim(b, 0, batch, "the batch size")) ||
          failed(c.dim(b, 1, heads, "the number of heads")) ||
          failed(c.dim(b, 3, b.dim(2), "its dimension 2 (L)")))
        return failure();
      if (!ragged && !ShapedType::isDynamic(b.dim(2)) &&
          !ShapedType::isDynamic(q.dim(1)) && b.dim(2) < q.dim(1))
        return c.error() << "'bias' covers " << b.dim(2)
                         << " positions but the sequences have " << q.dim(1);
    }
    return success();
  }

  // Lightning.
  if (getBias() || getSiluNormAttr())
    return c.error() << "'bias' and 'silu_norm' belong to kind hstu, not "
                        "lightning";
  if (!getCausal())
    return c.error() << "lightning attention is causal by construction; add "
                        "the 'causal' attribute";
  if (!getDecay())
    return c.error() << "lightning attention requires per-head 'decay' rates";
  Named decay{getDecay(), "decay"};
  if (failed(c.shape(decay, {heads}, "[H]")))
    return failure();
  if (!decay.elt().isF32())
    return c.error() << "'decay' must have element type f32, got "
                     << decay.elt();
  SmallVector<int64_t> stateShape = {batch, heads, qkDim, vDim};
  for (Named state : {Named{getInitialState(), "initial_state"},
                      Named{getFinalState(), "final_state"}}) {
    if (!state.value)
      continue;
    if (failed(c.shape(state, stateShape, "[B, H, D, Dv]")))
      return failure();
    if (!state.elt().isF32())
      return c.error() << "'" << state.name
                       << "' must have element type f32, got " << state.elt();
  }
  return success();
}

//===----------------------------------------------------------------------===//
// AppendKVOp
//===----------------------------------------------------------------------===//

LogicalResult AppendKVOp::verify() {
  Checker c(*this);
  Named k{getK(), "k"}, v{getV(), "v"};
  Named kc{getKCache(), "k_cache"}, vc{getVCache(), "v_cache"};
  if (failed(c.rank(k, 3, "[T, Hkv, D]")) ||
      failed(c.rank(v, 3, "[T, Hkv, Dv]")) ||
      failed(c.heads(k, 1, "the number of key/value heads")) ||
      failed(c.headDim(k, 2)) || failed(c.headDim(v, 2)) ||
      failed(c.dim(v, 0, k.dim(0), "the number of tokens of 'k'")) ||
      failed(c.dim(v, 1, k.dim(1), "the number of heads of 'k'")) ||
      failed(c.floatElt(k, false)))
    return failure();
  if (v.elt() != k.elt())
    return c.error() << "'k' and 'v' must have the same element type";

  int64_t heads, pageSize, qkDim, vDim;
  KVLayout layout = getLayout();
  if (layout == KVLayout::vllm) {
    if (failed(verifyVllmCaches(c, kc, vc, heads, pageSize, qkDim, vDim)))
      return failure();
  } else {
    int64_t vHeads, vPage;
    if (failed(verifyPagedCache(c, layout, kc, heads, pageSize, qkDim)) ||
        failed(verifyPagedCache(c, layout, vc, vHeads, vPage, vDim)) ||
        failed(c.dim(vc, 0, kc.dim(0), "the number of pages of 'k_cache'")))
      return failure();
    if (vHeads != heads || vPage != pageSize)
      return c.error() << "'v_cache' " << vc.type()
                       << " must have the page size and number of heads of "
                          "'k_cache' "
                       << kc.type();
  }
  if (heads != k.dim(1) || qkDim != k.dim(2) || vDim != v.dim(2))
    return c.error() << "caches hold " << heads << " heads of dims " << qkDim
                     << "/" << vDim << " but 'k'/'v' have " << k.dim(1)
                     << " heads of dims " << k.dim(2) << "/" << v.dim(2);
  if (failed(c.floatElt(kc)))
    return failure();
  if (kc.elt() != vc.elt())
    return c.error() << "'k_cache' and 'v_cache' must have the same element "
                        "type";
  if (kc.elt() != k.elt() && !isFp8(kc.elt()))
    return c.error() << "the cache element type " << kc.elt()
                     << " must equal that of 'k' (" << k.elt()
                     << ") or be f8E4M3FN";
  if (getKCacheOut().getType() != kc.type() ||
      getVCacheOut().getType() != vc.type())
    return c.error() << "results must have the types of 'k_cache' and "
                        "'v_cache'";

  // Addressing: slot_mapping, or FlashInfer's page-table metadata.
  int64_t tokens = k.dim(0);
  bool pageTable = getBatchIndices() || getKvIndptr() || getKvIndices();
  if (Value slots = getSlotMapping()) {
    if (pageTable)
      return c.error() << "takes either 'slot_mapping' or the page-table "
                          "operands ('batch_indices', 'positions', "
                          "'kv_indptr', 'kv_indices'), not both";
    Named s{slots, "slot_mapping"};
    if (failed(c.indexVector(s)) ||
        failed(c.dim(s, 0, tokens, "the number of tokens")))
      return failure();
  } else {
    for (Named n : {Named{getBatchIndices(), "batch_indices"},
                    Named{getPositions(), "positions"},
                    Named{getKvIndptr(), "kv_indptr"},
                    Named{getKvIndices(), "kv_indices"}})
      if (!n.value)
        return c.error() << "needs 'slot_mapping' or all of 'batch_indices', "
                            "'positions', 'kv_indptr' and 'kv_indices'; '"
                         << n.name << "' is missing";
    Named bi{getBatchIndices(), "batch_indices"},
        ip{getKvIndptr(), "kv_indptr"}, ix{getKvIndices(), "kv_indices"};
    if (failed(c.indexVector(bi)) || failed(c.indexVector(ip)) ||
        failed(c.indexVector(ix)) ||
        failed(c.dim(bi, 0, tokens, "the number of tokens")))
      return failure();
  }
  if (Value pos = getPositions()) {
    Named p{pos, "positions"};
    if (failed(c.indexVector(p)) ||
        failed(c.dim(p, 0, tokens, "the number of tokens")))
      return failure();
  }
  if (RopeAttr rope = getRopeAttr()) {
    if (!getPositions())
      return c.error() << "'rope' needs the token 'positions'";
    if (rope.getDim() > qkDim)
      return c.error() << "RoPE rotary dim " << rope.getDim()
                       << " exceeds the key head dimension " << qkDim;
  }
  for (Named s : {Named{getKScale(), "k_scale"}, Named{getVScale(), "v_scale"}}) {
    if (!s.value)
      continue;
    if (!isFp8(kc.elt()))
      return c.error() << "'" << s.name << "' requires an f8E4M3FN cache, got "
                       << kc.elt();
    if (failed(c.scalarScale(s)))
      return failure();
  }
  return success();
}

LogicalResult AppendKVOp::fold(FoldAdaptor,
                               SmallVectorImpl<OpFoldResult> &results) {
  // Appending no token leaves the caches as they are.
  if (cast<RankedTensorType>(getK().getType()).getDimSize(0) != 0)
    return failure();
  results.push_back(getKCache());
  results.push_back(getVCache());
  return success();
}

//===----------------------------------------------------------------------===//
// MergeStatesOp
//===----------------------------------------------------------------------===//

LogicalResult MergeStatesOp::verify() {
  Checker c(*this);
  if (getOperation()->getNumOperands() % 2 != 0)
    return c.error() << "expects one LSE per value, got "
                     << getOperation()->getNumOperands()
                     << " operands in all";
  if (getValues().empty())
    return c.error() << "expects at least one state";
  Type vType = getValues().front().getType(),
       sType = getLses().front().getType();
  for (auto [i, v] : llvm::enumerate(getValues()))
    if (v.getType() != vType)
      return c.error() << "all values must have one type; value " << i
                       << " is " << v.getType() << ", value 0 is " << vType;
  for (auto [i, s] : llvm::enumerate(getLses()))
    if (s.getType() != sType)
      return c.error() << "all LSEs must have one type; LSE " << i << " is "
                       << s.getType() << ", LSE 0 is " << sType;
  Named v{getValues().front(), "values"}, s{getLses().front(), "lse"};
  if (v.type().getRank() < 2)
    return c.error() << "values must have rank >= 2 ([..., H, D]), got "
                     << v.type();
  if (failed(c.floatElt(v, false)))
    return failure();
  if (failed(c.shape(s, v.type().getShape().drop_back(), "values' shape "
                                                         "without D")))
    return failure();
  if (!s.elt().isF32())
    return c.error() << "LSEs must have element type f32, got " << s.elt();
  if (getOut().getType() != vType || getLse().getType() != sType)
    return c.error() << "results must have the types of the merged value and "
                        "LSE";
  return success();
}

LogicalResult MergeStatesOp::fold(FoldAdaptor,
                                  SmallVectorImpl<OpFoldResult> &results) {
  if (getValues().size() != 1)
    return failure();
  results.push_back(getValues().front());
  results.push_back(getLses().front());
  return success();
}

//===----------------------------------------------------------------------===//
// RopeOp
//===----------------------------------------------------------------------===//

LogicalResult RopeOp::verify() {
  Checker c(*this);
  Named x{getInput(), "input"};
  int64_t rank = x.type().getRank();
  if (rank != 3 && rank != 4)
    return emitOpError() << "expects a dense [B, S, H, D] or token-major "
                            "[T, H, D] input, got "
                         << x.type();
  // The element types, head dims and positions of the attention ops, whose
  // operands this op produces.
  if (failed(c.floatElt(x)) || failed(c.headDim(x, rank - 1)))
    return failure();
  if (getRope().getDim() > x.dim(rank - 1))
    return emitOpError() << "RoPE rotary dim " << getRope().getDim()
                         << " exceeds the head dimension " << x.dim(rank - 1);
  Value pos = getPositions();
  if (!pos) {
    if (rank == 3)
      return emitOpError("needs 'positions' for a token-major [T, H, D] "
                         "input");
    return success();
  }
  Named p{pos, "positions"};
  return failure(failed(c.indexTensor(p, rank - 2)) ||
                 failed(c.shape(p, x.type().getShape().drop_back(2),
                                rank == 4 ? "[B, S]" : "[T]")));
}

Value mlir::attn::inlineFunctorRegion(OpBuilder &b, Region &region,
                                      ValueRange args) {
  Block &block = region.front();
  IRMapping map;
  map.map(block.getArguments(), args);
  for (Operation &op : block.without_terminator())
    b.clone(op, map);
  return map.lookupOrDefault(block.getTerminator()->getOperand(0));
}
