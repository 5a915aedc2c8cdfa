//===- AttnToTile.cpp - attn-tile: attn ops to the tiled form -------------===//
//
// Every softmax attention op becomes one `attn_tile.kernel` (docs/design.md
// §7): the op's operands are read as buffers, viewed token-major, and the
// kernel body loads a packed query tile, loops over KV tiles with the online
// softmax and stores its rows. The ops differ only in how a request's query
// token and KV rows are found (`OpSources`).
//
//===----------------------------------------------------------------------===//

#include "attn/Conversion/AttnTileToGPU/MatrixTarget.h"
#include "attn/Conversion/Passes.h"
#include "attn/Dialect/Attn/IR/AttnOps.h"
#include "attn/Dialect/Attn/Transforms/RequestLengths.h"
#include "attn/Dialect/AttnTile/IR/AttnTileOps.h"

#include "mlir/Support/DebugStringHelper.h"
#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/IR/IRMapping.h"

#include "llvm/ADT/TypeSwitch.h"

namespace mlir::attn {
#define GEN_PASS_DEF_ATTNTILE
#include "attn/Conversion/Passes.h.inc"
} // namespace mlir::attn

using namespace mlir;
using namespace mlir::attn;
using tile::KVSource;

namespace {

using Idx = IndexMath;

/// A buffer viewed with its leading `n` dimensions merged into one.
Value mergeLeading(OpBuilder &b, Location loc, Value mem, int64_t n) {
  if (!mem || n <= 1)
    return mem;
  int64_t rank = cast<MemRefType>(mem.getType()).getRank();
  SmallVector<ReassociationIndices> groups(1);
  for (int64_t i = 0; i < n; ++i)
    groups[0].push_back(i);
  for (int64_t i = n; i < rank; ++i)
    groups.push_back({i});
  return memref::CollapseShapeOp::create(b, loc, mem, groups);
}

/// Where one op's query tokens and KV rows live, as buffers.
struct OpSources {
  /// Token-major query buffers [T, Hq, D] (MLA: q_nope and q_pe).
  Value q, qRope;
  /// 1-D positions per query token, or null.
  Value positions;
  /// Number of requests and an upper bound of Sq_b (sizes the grid).
  Value numRequests, maxQueries;
  /// The token of query 0 of request b.
  std::function<Value(Idx &, Value)> queryToken;
  /// K and V sources (MLA: K is ckv ++ kpe, V is ckv).
  KVSource kLayout = KVSource::rows, vLayout = KVSource::rows;
  Value k, kRope, v, table;
  /// `first` of request b's KV loads: its first row or page-table entry.
  std::function<Value(Idx &, Value)> kvFirst;
  /// The number of leading token dimensions of q/out/lse.
  int64_t tokenRank = 1;
};

/// The tile configuration of one kernel.
struct TileConfig {
  int64_t blockM, blockN, pack;
  /// Load every tile as f32 (the CPU computes in f32 and has no cheap
  /// 16-bit float registers).
  bool widen;
};

class Tiler {
public:
  Tiler(RewriterBase &rewriter, AttentionOpInterface op)
      : b(rewriter), loc(op.getLoc()), op(op), m{rewriter, op.getLoc()} {}

  /// The buffer of a tensor operand (null stays null).
  Value buffer(Value tensor) {
    if (!tensor)
      return {};
    auto it = buffers.find(tensor);
    if (it != buffers.end())
      return it->second;
    auto t = cast<RankedTensorType>(tensor.getType());
    Value mem = bufferization::ToBufferOp::create(
        b, loc, MemRefType::get(t.getShape(), t.getElementType()), tensor,
        /*read_only=*/true);
    buffers[tensor] = mem;
    return mem;
  }

  OpSources sources();
  /// Replaces the op by the kernel computing it.
  void rewrite(const OpSources &src, TileConfig config);

private:
  Value alloc(Value result, Value like);
  Type tileElementType(MemRefType buffer, Value descale);
  Value loadQ(Value mem, Value token, Value head, Value count, Value descale);
  Value loadKV(KVSource layout, Value mem, Value first, Value j0, Value kvh,
               Value count, Value descale);
  Value rope(Value tile, Value offset, Value count, Value positions,
             int64_t pack);
  void emitBody(tile::KernelOp kernel, const OpSources &src, Value out,
                Value lse);
  void cloneRegion(Region &from, Region &to);

  RewriterBase &b;
  Location loc;
  AttentionOpInterface op;
  Idx m;
  DenseMap<Value, Value> buffers;
  TileConfig config{};
  Value table;
};

OpSources Tiler::sources() {
  OpSources s;
  // Every operand is read through one buffer, created before the kernel.
  for (Value operand : op->getOperands())
    buffer(operand);
  auto pagedTable = [&](Value indptr, Value indices) {
    s.table = buffer(indices);
    Value ptr = buffer(indptr);
    s.kvFirst = [ptr](Idx &m, Value r) { return m.at(ptr, r); };
    s.numRequests = m.sub(m.dim(ptr, 0), m.idx(1));
  };
  auto flashInfer = [](KVLayout l) {
    return l == KVLayout::nhd ? KVSource::nhd : KVSource::hnd;
  };
  auto oneQueryPerRequest = [&] {
    s.maxQueries = m.idx(1);
    s.queryToken = [](Idx &, Value r) { return r; };
  };
  llvm::TypeSwitch<Operation *>(op.getOperation())
      .Case([&](PrefillOp p) {
        Value q = buffer(p.getQ()), k = buffer(p.getK()), v = buffer(p.getV());
        if (Value cuQ = buffer(p.getCuSeqlensQ())) {
          Value cuK = p.getCuSeqlensK() ? buffer(p.getCuSeqlensK()) : cuQ;
          s.q = q, s.k = k, s.v = v;
          s.numRequests = m.sub(m.dim(cuQ, 0), m.idx(1));
          s.maxQueries = m.dim(q, 0);
          s.queryToken = [cuQ](Idx &m, Value r) { return m.at(cuQ, r); };
          s.kvFirst = [cuK](Idx &m, Value r) { return m.at(cuK, r); };
          s.positions = buffer(p.getPositions());
          return;
        }
        // Dense [B, S, H, D]: request b's tokens start at b * S.
        s.tokenRank = 2;
        s.numRequests = m.dim(q, 0);
        s.maxQueries = m.dim(q, 1);
        Value sq = m.dim(q, 1), sk = m.dim(k, 1);
        s.queryToken = [sq](Idx &m, Value r) { return m.mul(r, sq); };
        s.kvFirst = [sk](Idx &m, Value r) { return m.mul(r, sk); };
        s.q = mergeLeading(b, loc, q, 2);
        s.k = mergeLeading(b, loc, k, 2);
        s.v = mergeLeading(b, loc, v, 2);
        s.positions = mergeLeading(b, loc, buffer(p.getPositions()), 2);
      })
      .Case([&](BatchPrefillOp p) {
        s.q = buffer(p.getQ());
        Value qo = buffer(p.getQoIndptr());
        s.maxQueries = m.dim(s.q, 0);
        s.queryToken = [qo](Idx &m, Value r) { return m.at(qo, r); };
        s.kLayout = s.vLayout = flashInfer(p.getLayout());
        s.k = buffer(p.getKCache()), s.v = buffer(p.getVCache());
        s.positions = buffer(p.getPositions());
        pagedTable(p.getKvIndptr(), p.getKvIndices());
      })
      .Case([&](BatchDecodeOp p) {
        s.q = buffer(p.getQ());
        oneQueryPerRequest();
        s.kLayout = s.vLayout = flashInfer(p.getLayout());
        s.k = buffer(p.getKCache()), s.v = buffer(p.getVCache());
        s.positions = buffer(p.getPositions());
        pagedTable(p.getKvIndptr(), p.getKvIndices());
      })
      .Case([&](PagedAttentionOp p) {
        s.q = buffer(p.getQ());
        oneQueryPerRequest();
        s.numRequests = m.dim(s.q, 0);
        s.kLayout = KVSource::vllm_key, s.vLayout = KVSource::vllm_value;
        s.k = buffer(p.getKCache()), s.v = buffer(p.getVCache());
        s.positions = buffer(p.getPositions());
        // Block tables [B, M] viewed as one list; request b starts at b * M.
        Value tables = buffer(p.getBlockTables());
        Value perRequest = m.dim(tables, 1);
        s.table = mergeLeading(b, loc, tables, 2);
        s.kvFirst = [perRequest](Idx &m, Value r) {
          return m.mul(r, perRequest);
        };
      })
      .Case([&](MLADecodeOp p) {
        s.q = buffer(p.getQNope()), s.qRope = buffer(p.getQPe());
        oneQueryPerRequest();
        s.kLayout = s.vLayout = KVSource::latent;
        s.k = s.v = buffer(p.getCkvCache());
        s.kRope = buffer(p.getKpeCache());
        pagedTable(p.getKvIndptr(), p.getKvIndices());
        s.numRequests = m.dim(s.q, 0);
      });
  return s;
}

/// A fresh buffer for `result`, its dynamic sizes those of `like` (the query
/// operand, whose leading dimensions are the token dimensions).
Value Tiler::alloc(Value result, Value like) {
  auto t = cast<RankedTensorType>(result.getType());
  SmallVector<Value> dyn;
  for (auto [i, d] : llvm::enumerate(t.getShape()))
    if (ShapedType::isDynamic(d))
      dyn.push_back(m.dim(buffer(like), i));
  return memref::AllocOp::create(
      b, loc, MemRefType::get(t.getShape(), t.getElementType()), dyn);
}

/// Tiles keep 16- and 32-bit floats for GPUs (their MMAs take them); FP8
/// and descaled values, and every tile on the CPU, widen to f32.
Type Tiler::tileElementType(MemRefType buffer, Value descale) {
  Type elt = buffer.getElementType();
  if (config.widen || descale || elt.getIntOrFloatBitWidth() < 16)
    return Float32Type::get(buffer.getContext());
  return elt;
}

Value Tiler::loadQ(Value mem, Value token, Value head, Value count,
                   Value descale) {
  auto type = cast<MemRefType>(mem.getType());
  Type elt = tileElementType(type, descale);
  auto tileType =
      RankedTensorType::get({config.blockM, type.getDimSize(2)}, elt);
  return tile::LoadQOp::create(b, loc, tileType, mem, token, head, count,
                               descale, b.getI64IntegerAttr(config.pack));
}

Value Tiler::loadKV(KVSource layout, Value mem, Value first, Value j0,
                    Value kvh, Value count, Value descale) {
  auto type = cast<MemRefType>(mem.getType());
  Type elt = tileElementType(type, descale);
  ArrayRef<int64_t> shape = type.getShape();
  int64_t dim = layout == KVSource::vllm_key ? shape[2] * shape[4]
                : layout == KVSource::nhd || layout == KVSource::hnd
                    ? shape[3]
                    : shape[2];
  auto tileType = RankedTensorType::get({config.blockN, dim}, elt);
  return tile::LoadKVOp::create(
      b, loc, tileType, tile::KVSourceAttr::get(b.getContext(), layout), mem,
      first, j0, kvh, count, layout == KVSource::rows ? Value() : table,
      descale);
}

/// Joins a latent and a rotary tile (MLA), or returns `tile`.
static Value concat(OpBuilder &b, Location loc, Value tile, Value rope) {
  if (!rope)
    return tile;
  auto l = cast<RankedTensorType>(tile.getType());
  auto r = cast<RankedTensorType>(rope.getType());
  Type elt = l.getElementType() == r.getElementType() ? l.getElementType()
                                                      : b.getF32Type();
  auto type = RankedTensorType::get(
      {l.getDimSize(0), l.getDimSize(1) + r.getDimSize(1)}, elt);
  return tile::ConcatOp::create(b, loc, type, tile, rope);
}

Value Tiler::rope(Value t, Value offset, Value count, Value positions,
                  int64_t pack) {
  RopeAttr attr = op.getRopeAttr();
  if (!attr)
    return t;
  auto type = cast<RankedTensorType>(t.getType());
  return tile::RopeOp::create(
      b, loc, RankedTensorType::get(type.getShape(), b.getF32Type()), t,
      offset, count, positions, attr, b.getI64IntegerAttr(pack));
}

/// Copies an attn score_mod/mask_mod region, ending it in attn_tile.yield.
void Tiler::cloneRegion(Region &from, Region &to) {
  if (from.empty())
    return;
  b.cloneRegionBefore(from, to, to.end());
  auto yield = cast<attn::YieldOp>(to.front().getTerminator());
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPoint(yield);
  tile::YieldOp::create(b, yield.getLoc(), yield.getValues());
  b.eraseOp(yield);
}

void Tiler::rewrite(const OpSources &src, TileConfig cfg) {
  config = cfg;
  table = src.table;
  Operation *o = op.getOperation();
  Value qOperand = o->getOperand(0);
  Value out = alloc(op.getOut(), qOperand);
  Value lse = op.getLse() ? alloc(op.getLse(), qOperand) : Value();
  Value outRows = mergeLeading(b, loc, out, src.tokenRank);
  Value lseRows = mergeLeading(b, loc, lse, src.tokenRank);

  int64_t rowsPerBlock = config.blockM / config.pack;
  Value grid[] = {src.numRequests,
                  m.idx(op.getNumQueryHeads() / config.pack),
                  m.ceilDiv(src.maxQueries, m.idx(rowsPerBlock)), m.idx(1)};
  auto kernel = tile::KernelOp::create(b, loc, grid, config.blockM,
                                       config.blockN, config.pack);
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(&kernel.getBody().front());
    emitBody(kernel, src, outRows, lseRows);
  }
  SmallVector<Value> results = {bufferization::ToTensorOp::create(
      b, loc, op.getOut().getType(), out, /*restrict=*/true,
      /*writable=*/true)};
  if (lse)
    results.push_back(bufferization::ToTensorOp::create(
        b, loc, op.getLse().getType(), lse, /*restrict=*/true,
        /*writable=*/true));
  b.replaceOp(o, results);
}

void Tiler::emitBody(tile::KernelOp kernel, const OpSources &src, Value out,
                     Value lse) {
  Value request = kernel.getRequest();
  int64_t pack = config.pack;
  int64_t group = op.getNumQueryHeads() / op.getNumKVHeads();
  int64_t rowsPerBlock = config.blockM / pack;
  RequestLengths lens = buildRequestLengths(
      b, loc, op, request, [&](Value v) { return buffer(v); });
  Value i0 = m.mul(kernel.getQBlock(), m.idx(rowsPerBlock));
  Value head = m.mul(kernel.getHeadGroup(), m.idx(pack));
  Value kvHead = m.div(head, m.idx(group));
  Normalizer normalizer = op.getEffectiveNormalizer();
  auto normAttr = NormalizerAttr::get(b.getContext(), normalizer);
  Type f32 = b.getF32Type();

  // Work items past the request's last query block have nothing to do.
  auto guard = scf::IfOp::create(b, loc, m.lt(i0, lens.numQueries));
  b.setInsertionPointToStart(guard.thenBlock());
  Value count = m.min(m.idx(rowsPerBlock), m.sub(lens.numQueries, i0));
  Value token = m.add(src.queryToken(m, request), i0);
  Value qDescale = buffer(op.getQDescale());
  Value qt = loadQ(src.q, token, head, count, qDescale);
  if (src.qRope)
    qt = concat(b, loc, qt, loadQ(src.qRope, token, head, count, qDescale));
  // Query i sits at position i + Sk - Sq unless positions are given.
  if (op.getRopeAttr()) {
    Value qPos = src.positions
                     ? token
                     : m.add(i0, m.sub(lens.numKeys, lens.numQueries));
    qt = rope(qt, qPos, count, src.positions, pack);
  }

  int64_t dv = op.getVHeadDim();
  auto rowType = RankedTensorType::get({config.blockM}, f32);
  auto accType = RankedTensorType::get({config.blockM, dv}, f32);
  auto init = tile::SoftmaxInitOp::create(b, loc, rowType, rowType, accType);
  Value first = src.kvFirst(m, request);
  Value numBlocks = m.ceilDiv(lens.numKeys, m.idx(config.blockN));
  Value kDescale = buffer(op.getKDescale());
  // MLA's latent cache is key and value; k_descale dequantizes both.
  Value vDescale = src.kRope ? kDescale : buffer(op.getVDescale());
  auto loop = scf::ForOp::create(
      b, loc, m.idx(0), numBlocks, m.idx(1), init.getResults(),
      [&](OpBuilder &, Location, Value nb, ValueRange state) {
        Value j0 = m.mul(nb, m.idx(config.blockN));
        Value kCount = m.min(m.idx(config.blockN), m.sub(lens.numKeys, j0));
        Value kt = loadKV(src.kLayout, src.k, first, j0, kvHead, kCount,
                          kDescale);
        if (src.kRope)
          kt = concat(b, loc, kt,
                      loadKV(src.kLayout, src.kRope, first, j0, kvHead,
                             kCount, kDescale));
        kt = rope(kt, j0, kCount, Value(), 1);
        Value vt = loadKV(src.vLayout, src.v, first, j0, kvHead, kCount,
                          vDescale);
        auto scoreType = RankedTensorType::get(
            {config.blockM, config.blockN}, f32);
        Value s = tile::QKOp::create(
            b, loc, scoreType, qt, kt,
            b.getF32FloatAttr(op.getEffectiveScale()));
        auto scores = tile::TransformScoresOp::create(
            b, loc, scoreType, s, request, head, i0, j0, lens.numQueries,
            lens.numKeys, b.getI64IntegerAttr(pack), /*keys_in_bounds=*/nullptr);
        cloneRegion(op.getScoreMod(), scores.getScoreMod());
        cloneRegion(op.getMaskMod(), scores.getMaskMod());
        auto update = tile::OnlineSoftmaxOp::create(
            b, loc, rowType, rowType, accType, scores.getResult(), vt, state[0], state[1], state[2],
            normAttr);
        scf::YieldOp::create(b, loc, update.getResults());
      });
  tile::StoreOp::create(b, loc, loop.getResult(2), loop.getResult(1),
                        loop.getResult(0), out, lse, token, head, count,
                        buffer(op.getOScale()), normAttr,
                        b.getI64IntegerAttr(pack));
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

/// Why `op` cannot be tiled as it is, or an empty string.
std::string unsupported(AttentionOpInterface op) {
  if (auto p = dyn_cast<PrefillOp>(op.getOperation()); p && p.getQkv())
    return "has a fused 'qkv' operand; run attn-split-fused-qkv first";
  SmallVector<StringRef> named;
  if (op.getSoftcapAttr())
    named.push_back("softcap");
  if (op.getAlibiSlopes())
    named.push_back("alibi_slopes");
  auto [left, right] = op.getMaskWindow();
  if (left >= 0 || right >= 0)
    named.push_back("causal/window");
  if (op.getEffectiveNormalizer() == Normalizer::sigmoid)
    named.push_back("the sigmoid normalizer");
  if (named.empty())
    return {};
  return "has named logits transforms (" + llvm::join(named, ", ") +
         "); run attn-expand-functors first";
}

/// Why the matrix-core GPU lowering (convert-attn-tile-to-gpu) cannot run
/// `op`, or an empty string: it takes 16-bit float Q, K and V of one type,
/// head dims that are multiples of 64 up to 256, token-major or
/// FlashInfer-paged K/V, and no in-kernel RoPE or FP8 scales.
std::string matrixUnfit(AttentionOpInterface op) {
  if (isa<MLADecodeOp>(op.getOperation()))
    return "MLA's latent cache";
  if (isa<PagedAttentionOp>(op.getOperation()))
    return "the vLLM cache layout";
  if (op.getRopeAttr())
    return "RoPE in the kernel";
  if (op.getQDescale() || op.getKDescale() || op.getVDescale())
    return "descaled (FP8) inputs";
  Operation *o = op.getOperation();
  Type elt = getElementTypeOrSelf(o->getOperand(0).getType());
  if (!elt.isBF16() && !elt.isF16())
    return "element type " + debugString(elt) + " (bf16 or f16 needed)";
  std::pair<Value, Value> kv =
      TypeSwitch<Operation *, std::pair<Value, Value>>(o)
          .Case([](PrefillOp p) { return std::pair(p.getK(), p.getV()); })
          .Case<BatchPrefillOp, BatchDecodeOp>([](auto p) {
            return std::pair(p.getKCache(), p.getVCache());
          });
  auto [k, v] = kv;
  for (Value kv : {k, v})
    if (getElementTypeOrSelf(kv.getType()) != elt)
      return "K or V of another element type than Q";
  for (int64_t d : {op.getQKHeadDim(), op.getVHeadDim()})
    if (d % 64 != 0 || d > 256)
      return "head dim " + std::to_string(d) +
             " (a multiple of 64 up to 256 needed)";
  return {};
}

/// Tile sizes of the simple GPU path (a work item per thread): one query
/// position per tile, 16 keys.
constexpr int64_t kSimtRows = 1, kSimtKeys = 16;

struct AttnTilePass : attn::impl::AttnTileBase<AttnTilePass> {
  using Base::Base;

  /// The tile configuration of `op`, or failure with a diagnostic.
  FailureOr<TileConfig> configure(AttentionOpInterface op) {
    for (auto [name, value] : {std::pair<StringRef, int64_t>{"block-m", blockM},
                               {"block-n", blockN},
                               {"gqa-pack", gqaPack}})
      if (value < 0)
        return op.emitOpError()
               << "cannot be tiled: attn-tile's " << name
               << " must be positive (or 0 for the default), got " << value;
    int64_t group = op.getNumQueryHeads() / op.getNumKVHeads();
    int64_t pack = gqaPack ? gqaPack : group;
    if (group % pack != 0)
      return op.emitOpError() << "cannot pack " << pack
                              << " query heads per tile: the GQA group has "
                              << group << " (gqa-pack must divide it)";
    // Decode ops have one query per request: one packed group fills a tile.
    bool decode = isa<BatchDecodeOp, PagedAttentionOp, MLADecodeOp>(
        op.getOperation());
    // GPU targets tile what their matrix-core lowering cannot run for the
    // simple path instead: a position per tile, short KV tiles, f32.
    bool simt = target == "simt";
    int64_t width = std::max(op.getQKHeadDim(), op.getVHeadDim());
    auto sizes = [&](bool simt) -> std::pair<int64_t, int64_t> {
      int64_t rows = blockM;
      if (!rows)
        rows = decode ? pack
                      : llvm::divideCeil(simt ? kSimtRows : defaultRows,
                                         pack) *
                            pack;
      int64_t keys = blockN;
      if (!keys)
        keys = simt ? kSimtKeys
               // NVIDIA tiles of more than 128 channels: 32 keys, so that a
               // warp's scores and its [16, D] accumulator fit its
               // registers.
               : target == "nvidia" && width > 128 ? defaultKeys / 2
                                                   : defaultKeys;
      return {rows, keys};
    };
    if (target == "nvidia" || target == "amd") {
      auto [rows, keys] = sizes(/*simt=*/false);
      std::string why = matrixUnfit(op);
      // The matrix lowering's shared memory: the query tile (16-row warps)
      // and two slots of K and V tiles of 16-bit elements.
      std::unique_ptr<MatrixTarget> t = createMatrixTarget(target);
      int64_t bytes = 2 * (llvm::alignTo(rows, 16) * op.getQKHeadDim() +
                           2 * keys * (op.getQKHeadDim() + op.getVHeadDim()));
      if (why.empty() && t && bytes > t->sharedMemoryBytes())
        why = std::to_string(bytes) + " bytes of shared memory for " +
              std::to_string(rows) + "x" + std::to_string(keys) +
              " tiles (the " + target + " target has " +
              std::to_string(t->sharedMemoryBytes()) + ")";
      if (!why.empty()) {
        op.emitRemark() << "tiled for the simple GPU path (a work item per "
                           "thread): the matrix-core lowering does not take "
                        << why;
        simt = true;
      }
    }
    auto [rows, keys] = sizes(simt);
    if (rows % pack != 0)
      return op.emitOpError() << "block-m " << rows
                              << " is not a multiple of the " << pack
                              << " query heads packed per tile";
    return TileConfig{rows, keys, pack, target == "cpu" || simt};
  }

  void runOnOperation() override {
    if (target == "cpu" || target == "nvidia") {
      defaultRows = target == "cpu" ? 64 : 128;
      defaultKeys = 64;
    } else if (target == "amd") {
      // 64 KiB of LDS: a 64-row query tile and two slots of 32-key K and V
      // tiles fit up to head dim 128.
      defaultRows = 64;
      defaultKeys = 32;
    } else if (target == "simt") {
      // One position per tile and short KV tiles: the GPU kernels that run
      // a work item in one thread keep their tiles in registers and local
      // memory.
      defaultRows = kSimtRows;
      defaultKeys = kSimtKeys;
    } else {
      emitError(getOperation()->getLoc())
          << "attn-tile: unknown target '" << target
          << "' (expected cpu, nvidia, amd or simt)";
      return signalPassFailure();
    }
    SmallVector<AttentionOpInterface> ops;
    getOperation()->walk([&](AttentionOpInterface op) { ops.push_back(op); });
    // Every op is checked before any is rewritten, so a refusal leaves the
    // IR as it was.
    SmallVector<TileConfig> configs;
    bool refused = false;
    for (AttentionOpInterface op : ops) {
      if (std::string why = unsupported(op); !why.empty()) {
        op.emitOpError() << "cannot be tiled: it " << why;
        refused = true;
        continue;
      }
      FailureOr<TileConfig> config = configure(op);
      if (failed(config)) {
        refused = true;
        continue;
      }
      configs.push_back(*config);
    }
    if (refused)
      return signalPassFailure();
    IRRewriter rewriter(&getContext());
    for (auto [op, config] : llvm::zip(ops, configs)) {
      rewriter.setInsertionPoint(op);
      Tiler tiler(rewriter, op);
      tiler.rewrite(tiler.sources(), config);
      ++numTiled;
    }
  }

  int64_t defaultRows = 64, defaultKeys = 64;
};
} // namespace
