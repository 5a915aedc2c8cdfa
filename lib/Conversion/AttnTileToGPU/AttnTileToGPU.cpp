//===- AttnTileToGPU.cpp - attn_tile kernels on the GPU's matrix units ----===//
//
// convert-attn-tile-to-gpu: each attn_tile.kernel whose body it can run
// becomes a gpu.launch of warps that multiply tiles on the matrix units
// (docs/design.md §8). The schedule, FlashAttention-2's:
//
// * a block per work item; warp w owns query rows [16 w, 16 w + 16) of the
//   tile (block_m rows, rounded up to 16 per warp);
// * Q, K and V tiles are copied to shared memory asynchronously (rows past
//   `count` zero-filled), in a swizzled layout (the 16-byte chunk c of row r
//   is stored at chunk c ^ (r % 8)) so that the target's operand loads hit
//   distinct banks;
// * the V copy of a KV block is in flight while Q K^T is computed;
// * scores, probabilities and the output accumulator live in registers as
//   the target's accumulator fragments; score_mod/mask_mod run per fragment
//   element; the online softmax reduces rows across the lanes that share
//   them; P is rounded to 16 bits and reused as the left operand of P V;
// * `store` normalizes by the row sums and writes each lane's elements.
//
// What is target-specific (product shape, fragment layout, instructions)
// comes from a MatrixTarget. Kernels this lowering cannot run are left for
// convert-attn-tile-to-linalg's simple path, with a remark saying why.
//
//===----------------------------------------------------------------------===//

#include "attn/Conversion/AttnTileToGPU/MatrixTarget.h"
#include "attn/Conversion/AttnToLoops/Emitter.h"
#include "attn/Conversion/Passes.h"
#include "attn/Dialect/AttnTile/IR/AttnTileOps.h"

#include "mlir/Support/DebugStringHelper.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Analysis/SliceAnalysis.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/TypeSwitch.h"

#include <limits>

namespace mlir::attn {
#define GEN_PASS_DEF_CONVERTATTNTILETOGPU
#include "attn/Conversion/Passes.h.inc"
} // namespace mlir::attn

using namespace mlir;
using namespace mlir::attn;
using namespace mlir::attn::tile;
using loops::Emitter;

//===----------------------------------------------------------------------===//
// Target registry
//===----------------------------------------------------------------------===//

MatrixTarget::~MatrixTarget() = default;

Value MatrixTarget::exp2(OpBuilder &b, Location loc, Value x) const {
  return math::Exp2Op::create(b, loc, x);
}

static llvm::StringMap<std::function<std::unique_ptr<MatrixTarget>()>> &
targets() {
  static llvm::StringMap<std::function<std::unique_ptr<MatrixTarget>()>> t;
  return t;
}

void mlir::attn::registerMatrixTarget(
    StringRef name, std::function<std::unique_ptr<MatrixTarget>()> make) {
  targets()[name] = std::move(make);
}

std::unique_ptr<MatrixTarget> mlir::attn::createMatrixTarget(StringRef name) {
  auto it = targets().find(name);
  return it == targets().end() ? nullptr : it->second();
}

SmallVector<std::string> mlir::attn::matrixTargetNames() {
  SmallVector<std::string> names;
  for (auto &entry : targets())
    names.push_back(entry.getKey().str());
  llvm::sort(names);
  return names;
}

namespace {
constexpr float kNegInf = -std::numeric_limits<float>::infinity();
constexpr double kLog2e = 1.4426950408889634;
/// Rows of a tile one warp owns.
constexpr int64_t kWarpRows = 16;
constexpr int64_t kMaxWarps = 8;

bool isTile(Type t) { return isa<RankedTensorType>(t); }
/// Whether `op` (in `kernel`) takes or makes tiles: tensors of the kernel
/// body. (Tensors from above, such as the op's operands, only give sizes.)
bool hasTiles(Operation *op, KernelOp kernel) {
  auto inKernel = [&](Value v) {
    return isTile(v.getType()) &&
           kernel->isAncestor(v.getParentBlock()->getParentOp());
  };
  return llvm::any_of(op->getOperands(), inKernel) ||
         llvm::any_of(op->getResults(), inKernel);
}
int64_t rowsOf(Value tile) {
  return cast<RankedTensorType>(tile.getType()).getDimSize(0);
}
int64_t colsOf(Value tile) {
  return cast<RankedTensorType>(tile.getType()).getDimSize(1);
}
Type eltOf(Value v) { return getElementTypeOrSelf(v.getType()); }
/// Whether a loaded KV tile is used as K (by Q K^T), else as V.
bool isK(Value tile) {
  return llvm::any_of(tile.getUsers(), [](Operation *u) { return isa<QKOp>(u); });
}

/// The score generic attn-inline-functors makes of transform_scores: one
/// score input, an empty output, identity maps, all parallel.
bool isScoreGeneric(linalg::GenericOp g) {
  return g.getNumDpsInputs() == 1 && g.getNumDpsInits() == 1 &&
         g.getNumLoops() == 2 &&
         llvm::all_of(g.getIndexingMapsArray(),
                      [](AffineMap m) { return m.isIdentity(); }) &&
         g.getNumParallelLoops() == 2 &&
         g.getDpsInitOperand(0)->get().getDefiningOp<tensor::EmptyOp>() &&
         g.getRegionOutputArgs()[0].use_empty();
}

/// The shared memory of a kernel: its query tile (a warp's rows per warp)
/// and two slots each of its widest K and V tiles, 128-byte aligned.
struct SmemPlan {
  Type elt;
  int64_t tileRows = 0, dq = 0, dk = 0, dv = 0;
  int64_t qBytes = 0, kBytes = 0, vBytes = 0;
  int64_t total() const { return qBytes + kBytes + vBytes; }
};

SmemPlan planSharedMemory(KernelOp kernel) {
  SmemPlan p;
  kernel.getBody().walk([&](Operation *op) {
    if (auto q = dyn_cast<QKOp>(op)) {
      p.dq = colsOf(q.getQ());
      p.dk = std::max(p.dk, colsOf(q.getK()));
      p.elt = eltOf(q.getQ());
    } else if (auto s = dyn_cast<OnlineSoftmaxOp>(op)) {
      p.dv = std::max(p.dv, colsOf(s.getValues()));
    }
  });
  if (!p.elt)
    kernel.getBody().walk([&](LoadQOp q) {
      p.dq = colsOf(q.getResult());
      p.elt = eltOf(q.getResult());
    });
  p.tileRows = llvm::divideCeil(kernel.getBlockM(), kWarpRows) * kWarpRows;
  int64_t bytes = p.elt ? p.elt.getIntOrFloatBitWidth() / 8 : 2;
  int64_t blockN = kernel.getBlockN();
  auto align = [](int64_t x) { return llvm::alignTo(x, 128); };
  p.qBytes = align(p.tileRows * p.dq * bytes);
  // K and V tiles have two slots each: block j uses slot j % 2 of its loop.
  p.kBytes = align(2 * blockN * p.dk * bytes);
  p.vBytes = align(2 * blockN * p.dv * bytes);
  return p;
}

/// Why `kernel` cannot run on matrix units, or an empty string.
std::string unfit(KernelOp kernel, const MatrixTarget &t) {
  if (kernel.getBlockM() > kWarpRows * kMaxWarps)
    return "block_m " + std::to_string(kernel.getBlockM()) + " above " +
           std::to_string(kWarpRows * kMaxWarps) + " (" +
           std::to_string(kMaxWarps) + " warps of " +
           std::to_string(kWarpRows) + " rows)";
  if (kernel.getBlockN() % (2 * t.n()) != 0 ||
      kernel.getBlockN() % t.k() != 0)
    return "block_n " + std::to_string(kernel.getBlockN()) + " (a multiple of " +
           std::to_string(2 * t.n()) + " needed)";
  Type elt;
  std::string why;
  auto tileOk = [&](Value tile, Type source) {
    Type e = eltOf(tile);
    if (!e.isBF16() && !e.isF16())
      return "a " + debugString(e) + " tile (bf16 or f16 needed)";
    if (e != source)
      return std::string("a widening load");
    if (elt && e != elt)
      return std::string("tiles of two element types");
    elt = e;
    if (colsOf(tile) % 64 != 0 || colsOf(tile) > 256)
      return "head dim " + std::to_string(colsOf(tile)) +
             " (a multiple of 64 up to 256 needed)";
    return std::string();
  };
  auto onlyUsedBy = [](Value tile, auto pred) {
    return llvm::all_of(tile.getUsers(), pred);
  };
  kernel.getBody().walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (!why.empty())
      return WalkResult::interrupt();
    if (auto g = dyn_cast<linalg::GenericOp>(op)) {
      if (!isScoreGeneric(g))
        why = "a linalg.generic that is not an elementwise score transform";
      return WalkResult::skip();
    }
    llvm::TypeSwitch<Operation *>(op)
        .Case([&](LoadQOp o) {
          if (o.getDescale())
            why = "a descaled query load";
          else
            why = tileOk(o.getResult(), eltOf(o.getSource()));
          if (why.empty() && rowsOf(o.getResult()) != kernel.getBlockM())
            why = "a query tile of another height than block_m";
        })
        .Case([&](LoadKVOp o) {
          if (o.getLayout() != KVSource::rows)
            why = "an unpaged load from a paged layout";
          else if (o.getDescale())
            why = "a descaled KV load";
          else
            why = tileOk(o.getResult(), eltOf(o.getSource()));
        })
        .Case([&](GatherKVOp o) {
          auto src = cast<MemRefType>(o.getSource().getType());
          auto slots = o.getSlots().getDefiningOp<PageSlotsOp>();
          if (o.getLayout() != KVSource::nhd && o.getLayout() != KVSource::hnd)
            why = "a gather from the " +
                  stringifyKVSource(o.getLayout()).str() + " layout";
          else if (o.getDescale())
            why = "a descaled KV gather";
          else if (!slots ||
                   src.getDimSize(o.getLayout() == KVSource::nhd ? 1 : 2) !=
                       slots.getPageSize())
            why = "a gather whose slots are not a page_slots of its pages";
          else
            why = tileOk(o.getResult(), eltOf(o.getSource()));
        })
        .Case([&](QKOp o) {
          if (!o.getQ().getDefiningOp<LoadQOp>() ||
              !isa_and_nonnull<LoadKVOp, GatherKVOp>(
                  o.getK().getDefiningOp()))
            why = "a Q K^T of tiles that are not loaded as they are";
        })
        .Case([&](OnlineSoftmaxOp o) {
          if (!isa_and_nonnull<LoadKVOp, GatherKVOp>(
                  o.getValues().getDefiningOp()))
            why = "a P V of a V tile that is not loaded as it is";
          else if (o.getNormalizer() != Normalizer::softmax &&
                   o.getNormalizer() != Normalizer::none)
            why = "the normalizer " +
                  stringifyNormalizer(o.getNormalizer()).str();
        })
        .Case([&](StoreOp o) {
          Type out = eltOf(o.getOut());
          if (!out.isF32() && !out.isBF16() && !out.isF16())
            why = "a " + debugString(out) + " output";
        })
        .Case<scf::ForOp, scf::IfOp>([&](Operation *o) {
          // Loops and branches carry the softmax state (f32 rows and
          // accumulators), not loaded tiles.
          for (Type type : o->getResultTypes())
            if (isTile(type) && !getElementTypeOrSelf(type).isF32())
              why = "a loop or branch carrying a loaded tile";
        })
        .Case<PageSlotsOp, SoftmaxInitOp, tensor::EmptyOp, scf::YieldOp,
              tile::YieldOp>([](Operation *) {})
        .Default([&](Operation *o) {
          if (isa<AttnTileDialect>(o->getDialect()))
            why = "attn_tile." + o->getName().stripDialect().str();
          else if (hasTiles(o, kernel))
            why = "'" + o->getName().getStringRef().str() +
                  "' on a tile";
          else if (o->getNumRegions())
            why = "'" + o->getName().getStringRef().str() +
                  "' with regions";
        });
    return why.empty() ? WalkResult::advance() : WalkResult::interrupt();
  });
  if (!why.empty())
    return why;
  // A KV tile feeds one product: as K (rows of Q K^T) or as V.
  kernel.getBody().walk([&](Operation *op) {
    if (!isa<LoadKVOp, GatherKVOp>(op))
      return;
    Value tile = op->getResult(0);
    bool asK = onlyUsedBy(tile, [&](Operation *u) {
      auto qk = dyn_cast<QKOp>(u);
      return qk && qk.getK() == tile;
    });
    bool asV = onlyUsedBy(tile, [&](Operation *u) {
      auto s = dyn_cast<OnlineSoftmaxOp>(u);
      return s && s.getValues() == tile;
    });
    if (!asK && !asV)
      why = "a KV tile used otherwise than as K or as V";
  });
  if (!why.empty())
    return why;
  int64_t smem = planSharedMemory(kernel).total();
  if (smem > t.sharedMemoryBytes())
    return std::to_string(smem) + " bytes of shared memory (the " +
           t.getName().str() + " target has " +
           std::to_string(t.sharedMemoryBytes()) + ")";
  return why;
}

/// How a value of the kernel body is held once the body runs on warps.
struct Dist {
  enum Kind { Smem, Acc, Rows } kind = Smem;
  /// Smem: the tile is rows [row0, row0 + rows) of `buffer`, filled by copy
  /// group `group`.
  Value buffer, row0;
  int64_t group = -1;
  /// Acc: the lane's accumulator fragments, product tile after product tile
  /// along the columns; Rows: one value per row slot of the lane.
  SmallVector<Value> values;
};

/// Lowers one kernel. Scalars of the body are cloned; tiles become Dists.
class KernelLowering {
public:
  KernelLowering(RewriterBase &b, const MatrixTarget &t, KernelOp kernel)
      : b(b), t(t), kernel(kernel), loc(kernel.getLoc()) {}
  void run();

private:
  Emitter e() { return Emitter{b, loc}; }
  Value idx(int64_t v) { return e().idx(v); }

  void emitBlock(Block &block);
  void emitOp(Operation *op);
  void emitFor(scf::ForOp op);
  /// The first row of slot (iv - lb) % 2 of a K or V buffer of `rows` per
  /// slot (slot 0 outside pipelined loops).
  Value slotRow0(Value iv, int64_t rows) {
    if (!pipeline)
      return idx(0);
    Emitter x = e();
    Value j = x.div(x.sub(iv, pipeline->lb), pipeline->step);
    return x.mul(x.rem(j, idx(2)), idx(rows));
  }
  void emitIf(scf::IfOp op);
  void emitCopies(Value buffer, Value row0, int64_t rows, int64_t cols,
                  Value src,
                  function_ref<std::pair<SmallVector<Value>, Value>(
                      Value row, Value col, int64_t copy)>
                      source);
  void emitLoadQ(LoadQOp op);
  void emitLoadKV(Operation *op);
  void issueKV(Operation *op, IRMapping &m, Value row0);
  Operation *pipelinedK(scf::ForOp op);
  void prefetchK(Value iv);
  void emitQK(QKOp op);
  void emitScoreGeneric(linalg::GenericOp op);
  void emitOnlineSoftmax(OnlineSoftmaxOp op);
  void emitStore(StoreOp op);
  void ensureReady(ArrayRef<Value> tiles);
  void barrier() {
    gpu::BarrierOp::create(b, loc);
    readsSinceBarrier = false;
  }
  SmallVector<Value> swizzle(Value row, Value col);
  SmallVector<Value> swizzle(Value row0, Value r, int64_t col0, Value c);
  Value rowReduce(Value v, bool sum);

  SmallVector<Value> flat(Value v);
  void assign(Value old, const Dist &like, ValueRange &values);

  RewriterBase &b;
  const MatrixTarget &t;
  KernelOp kernel;
  Location loc;
  IRMapping map;
  DenseMap<Value, Dist> dist;
  Value threadId, lane, warpRow0;
  Value qBuf, kBuf, vBuf;
  int64_t threads = 0, tileRows = 0;
  /// Elements per copy chunk (the swizzle's unit).
  int64_t chunkElems = 8;
  /// Copy groups committed so far (in program order), tiles already waited
  /// for in the current block, and whether shared memory was read since the
  /// last barrier (before a copy overwrites it).
  int64_t committed = 0;
  llvm::SmallPtrSet<Value, 4> ready;
  bool readsSinceBarrier = true;
  /// The KV loop being emitted when it is pipelined: its K load is issued
  /// one block ahead (before the loop for the first block, after Q K^T of
  /// block j for block j + 1), and its tiles use slot (j - lb) % 2.
  struct Pipeline {
    scf::ForOp old;
    Operation *kLoad = nullptr;
    Value iv, lb, ub, step;
  };
  std::optional<Pipeline> pipeline;
  /// Page-table lookups of the current block: (page_slots, copy) -> (page,
  /// row in page), shared by the K and V gathers that use the same slots.
  DenseMap<std::pair<Operation *, int64_t>, std::pair<Value, Value>> pages;
};

/// Chunk c of row r is stored at chunk c ^ (r % 8).
SmallVector<Value> KernelLowering::swizzle(Value row, Value col) {
  Emitter x = e();
  Value c = x.div(col, idx(chunkElems));
  Value r8 = arith::AndIOp::create(b, loc, row, idx(7));
  Value phys = arith::XOrIOp::create(b, loc, c, r8);
  return {row, x.add(x.mul(phys, idx(chunkElems)), x.rem(col, idx(chunkElems)))};
}

/// The same for (row0 + r, col0 + c) as SmemIndexFn describes it: since
/// row0 is a multiple of 8 and col0 / 8 is even with c / 8 in {0, 1}, the
/// chunk is (col0 / 64) * 8 + (((col0 / 8) % 8 + c / 8) ^ (r % 8)): the
/// XOR involves the lane's parts only; c % 8 is the element in the chunk.
SmallVector<Value> KernelLowering::swizzle(Value row0, Value r, int64_t col0,
                                           Value c) {
  Emitter x = e();
  int64_t chunk0 = col0 / chunkElems;
  Value low = x.add(idx(chunk0 % 8), x.div(c, idx(chunkElems)));
  Value r8 = arith::AndIOp::create(b, loc, r, idx(7));
  Value phys = x.add(idx(chunk0 / 8 * 8), arith::XOrIOp::create(b, loc, low, r8));
  Value within = arith::AndIOp::create(b, loc, c, idx(chunkElems - 1));
  return {x.add(row0, r), x.add(x.mul(phys, idx(chunkElems)), within)};
}

Value KernelLowering::rowReduce(Value v, bool sum) {
  Value width = arith::ConstantIntOp::create(b, loc, t.warpSize(), 32);
  for (int32_t mask : t.rowLaneMasks()) {
    Value offset = arith::ConstantIntOp::create(b, loc, mask, 32);
    Value other = gpu::ShuffleOp::create(b, loc, v, offset, width,
                                         gpu::ShuffleMode::XOR)
                      .getShuffleResult();
    v = sum ? Value(arith::AddFOp::create(b, loc, v, other))
            : Value(arith::MaxNumFOp::create(b, loc, v, other));
  }
  return v;
}

void KernelLowering::run() {
  // Shapes: the query tile, the widest K and V tiles.
  SmemPlan plan = planSharedMemory(kernel);
  Type elt = plan.elt;
  int64_t dq = plan.dq, dk = plan.dk, dv = plan.dv;
  tileRows = plan.tileRows;
  threads = tileRows / kWarpRows * t.warpSize();
  int64_t bytes = elt ? elt.getIntOrFloatBitWidth() / 8 : 2;
  chunkElems = t.copyBytes() / bytes;
  int64_t blockN = kernel.getBlockN();
  int64_t qBytes = plan.qBytes, kBytes = plan.kBytes, vBytes = plan.vBytes;

  b.setInsertionPoint(kernel);
  Emitter x = e();
  Value splits = kernel.getKvSplits();
  Value smemSize = arith::ConstantIntOp::create(
      b, loc, qBytes + kBytes + vBytes, 32);
  auto launch = gpu::LaunchOp::create(
      b, loc, kernel.getRequests(), kernel.getHeadGroups(),
      x.mul(kernel.getQBlocks(), splits), idx(threads), idx(1), idx(1),
      smemSize);
  Block &body = launch.getBody().front();
  b.setInsertionPointToStart(&body);
  gpu::TerminatorOp::create(b, loc);
  b.setInsertionPointToStart(&body);
  gpu::KernelDim3 ids = launch.getBlockIds();
  Block &kernelBody = kernel.getBody().front();
  // Query blocks run last first: under a causal mask the late blocks see
  // the most keys, and starting them first shortens the tail.
  Value qb = x.sub(x.sub(kernel.getQBlocks(), idx(1)), x.div(ids.z, splits));
  Value ivs[] = {ids.x, ids.y, qb, x.rem(ids.z, splits)};
  for (auto [arg, iv] : llvm::zip(kernelBody.getArguments(), ivs))
    map.map(arg, iv);
  threadId = launch.getThreadIds().x;
  lane = x.rem(threadId, idx(t.warpSize()));
  warpRow0 = x.mul(x.div(threadId, idx(t.warpSize())), idx(kWarpRows));

  auto workgroup = gpu::AddressSpaceAttr::get(b.getContext(),
                                              gpu::AddressSpace::Workgroup);
  auto smem = gpu::DynamicSharedMemoryOp::create(
      b, loc,
      MemRefType::get({ShapedType::kDynamic}, b.getI8Type(),
                      MemRefLayoutAttrInterface(), workgroup));
  auto view = [&](int64_t offset, int64_t rows, int64_t cols) -> Value {
    if (!rows || !cols)
      return Value();
    auto type = MemRefType::get({rows, cols}, elt, MemRefLayoutAttrInterface(),
                                workgroup);
    return memref::ViewOp::create(b, loc, type, smem, idx(offset),
                                  ValueRange());
  };
  if (elt) {
    qBuf = view(0, tileRows, dq);
    kBuf = view(qBytes, 2 * blockN, dk);
    vBuf = view(qBytes + kBytes, 2 * blockN, dv);
  }
  emitBlock(kernelBody);
  b.eraseOp(kernel);
}

void KernelLowering::emitBlock(Block &block) {
  // Waits, barriers and lookups of an enclosing block say nothing about a
  // nested one that may run repeatedly.
  auto savedReady = ready;
  auto savedPages = pages;
  ready.clear();
  pages.clear();
  readsSinceBarrier = true;
  for (Operation &op : block.without_terminator())
    emitOp(&op);
  ready = savedReady;
  pages = savedPages;
  readsSinceBarrier = true;
}

SmallVector<Value> KernelLowering::flat(Value v) {
  auto it = dist.find(v);
  if (it != dist.end())
    return it->second.values;
  return {map.lookupOrDefault(v)};
}

/// Maps `old` to the next values of `values`, shaped like `like`.
void KernelLowering::assign(Value old, const Dist &like, ValueRange &values) {
  if (!isTile(old.getType())) {
    map.map(old, values.front());
    values = values.drop_front();
    return;
  }
  Dist d = like;
  size_t n = like.values.size();
  d.values.assign(values.begin(), values.begin() + n);
  values = values.drop_front(n);
  dist[old] = d;
}

void KernelLowering::emitFor(scf::ForOp op) {
  SmallVector<Value> inits;
  SmallVector<Dist> likes;
  for (Value init : op.getInitArgs()) {
    likes.push_back(dist.lookup(init));
    llvm::append_range(inits, flat(init));
  }
  Value lb = map.lookupOrDefault(op.getLowerBound());
  Value ub = map.lookupOrDefault(op.getUpperBound());
  Value step = map.lookupOrDefault(op.getStep());
  std::optional<Pipeline> outer = pipeline;
  pipeline.reset();
  if (Operation *kLoad = pipelinedK(op)) {
    // Block lb's K is issued before the loop, after a barrier: slot 0 of
    // K and V may still be read by an earlier loop's last block.
    pipeline = Pipeline{op, kLoad, Value(), lb, ub, step};
    if (readsSinceBarrier)
      barrier();
    prefetchK(lb);
  }
  auto loop = scf::ForOp::create(b, loc, lb, ub, step, inits);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  map.map(op.getInductionVar(), loop.getInductionVar());
  ValueRange args = loop.getRegionIterArgs();
  for (auto [old, like] : llvm::zip(op.getRegionIterArgs(), likes))
    assign(old, like, args);
  if (pipeline) {
    pipeline->iv = loop.getInductionVar();
    // Block j's K was the last group committed before its iteration.
    Dist k;
    k.buffer = kBuf;
    k.row0 = slotRow0(loop.getInductionVar(), kernel.getBlockN());
    k.group = committed - 1;
    dist[pipeline->kLoad->getResult(0)] = k;
  }
  emitBlock(*op.getBody());
  SmallVector<Value> yielded;
  for (Value v : op.getBody()->getTerminator()->getOperands())
    llvm::append_range(yielded, flat(v));
  scf::YieldOp::create(b, loc, yielded);
  pipeline = outer;
  b.setInsertionPointAfter(loop);
  ValueRange results = loop.getResults();
  for (auto [old, like] : llvm::zip(op.getResults(), likes))
    assign(old, like, results);
}

void KernelLowering::emitIf(scf::IfOp op) {
  // The shapes of the results are those of the then-branch's yields.
  auto emitBranch = [&](Region &region, SmallVector<Dist> *likes) {
    emitBlock(region.front());
    SmallVector<Value> yielded;
    for (Value v : region.front().getTerminator()->getOperands()) {
      if (likes)
        likes->push_back(dist.lookup(v));
      llvm::append_range(yielded, flat(v));
    }
    return yielded;
  };
  SmallVector<Dist> likes;
  SmallVector<Type> types;
  // Emit the branches into a placeholder to learn the flattened types.
  auto ifOp = scf::IfOp::create(b, loc, TypeRange(),
                                map.lookupOrDefault(op.getCondition()),
                                /*withElseRegion=*/!op.getElseRegion().empty());
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPoint(ifOp.thenBlock()->getTerminator());
    SmallVector<Value> thenValues = emitBranch(op.getThenRegion(), &likes);
    for (Value v : thenValues)
      types.push_back(v.getType());
    if (op.getNumResults()) {
      b.eraseOp(ifOp.thenBlock()->getTerminator());
      b.setInsertionPointToEnd(ifOp.thenBlock());
      scf::YieldOp::create(b, loc, thenValues);
    }
    if (!op.getElseRegion().empty()) {
      b.setInsertionPoint(ifOp.elseBlock()->getTerminator());
      SmallVector<Value> elseValues = emitBranch(op.getElseRegion(), nullptr);
      if (op.getNumResults()) {
        b.eraseOp(ifOp.elseBlock()->getTerminator());
        b.setInsertionPointToEnd(ifOp.elseBlock());
        scf::YieldOp::create(b, loc, elseValues);
      }
    }
  }
  if (!op.getNumResults())
    return;
  // Results: a new if with the flattened types, taking the regions over.
  auto typed = scf::IfOp::create(b, loc, types, ifOp.getCondition(),
                                 /*withElseRegion=*/true);
  typed.getThenRegion().takeBody(ifOp.getThenRegion());
  typed.getElseRegion().takeBody(ifOp.getElseRegion());
  b.eraseOp(ifOp);
  ValueRange results = typed.getResults();
  for (auto [old, like] : llvm::zip(op.getResults(), likes))
    assign(old, like, results);
}

void KernelLowering::emitOp(Operation *op) {
  llvm::TypeSwitch<Operation *>(op)
      .Case([&](scf::ForOp o) { emitFor(o); })
      .Case([&](scf::IfOp o) { emitIf(o); })
      .Case([&](LoadQOp o) { emitLoadQ(o); })
      .Case<LoadKVOp, GatherKVOp>([&](Operation *o) { emitLoadKV(o); })
      .Case([&](QKOp o) { emitQK(o); })
      .Case([&](linalg::GenericOp o) { emitScoreGeneric(o); })
      .Case([&](SoftmaxInitOp o) {
        auto rows = [&](float v) {
          Dist d;
          d.kind = Dist::Rows;
          d.values.assign(t.rowSlots(), e().f32(v));
          return d;
        };
        dist[o.getMax()] = rows(kNegInf);
        dist[o.getSum()] = rows(0);
        Dist acc;
        acc.kind = Dist::Acc;
        acc.values.assign(colsOf(o.getAcc()) / t.n() * t.accElements(),
                          e().f32(0));
        dist[o.getAcc()] = acc;
      })
      .Case([&](OnlineSoftmaxOp o) { emitOnlineSoftmax(o); })
      .Case([&](StoreOp o) { emitStore(o); })
      // page_slots' lookups run where the gathers copy the rows.
      .Case<PageSlotsOp, tensor::EmptyOp>([&](Operation *) {})
      .Default([&](Operation *o) { b.clone(*o, map); });
}

/// Copies a [rows, cols] tile into rows [row0, row0 + rows) of `buffer` in
/// chunks spread over the block's threads; `source(row, col, copy)` gives
/// the indices of a chunk in `src` and whether it holds data (else it is
/// zero-filled). `copy` numbers this thread's copies, so that page lookups
/// can be shared between tiles of the same shape.
void KernelLowering::emitCopies(
    Value buffer, Value row0, int64_t rows, int64_t cols, Value src,
    function_ref<std::pair<SmallVector<Value>, Value>(Value, Value, int64_t)>
        source) {
  Emitter x = e();
  int64_t chunk = chunkElems;
  int64_t perRow = cols / chunk, total = rows * perRow;
  int64_t copies = llvm::divideCeil(total, threads);
  for (int64_t i = 0; i < copies; ++i) {
    Value id = x.add(threadId, idx(i * threads));
    auto issue = [&] {
      Value row = x.div(id, idx(perRow));
      Value col = x.mul(x.rem(id, idx(perRow)), idx(chunk));
      auto [srcIdx, valid] = source(row, col, i);
      t.copyAsync(b, loc, buffer, swizzle(x.add(row0, row), col), src, srcIdx,
                  valid);
    };
    if (total % threads == 0)
      issue();
    else
      x.ifThen(x.lt(id, idx(total)), issue);
  }
}

void KernelLowering::emitLoadQ(LoadQOp op) {
  Emitter x = e();
  int64_t pack = op.getGqaPack(), blockM = rowsOf(op.getResult());
  Value token = map.lookupOrDefault(op.getToken());
  Value head = map.lookupOrDefault(op.getHead());
  Value count = map.lookupOrDefault(op.getCount());
  // Rows past block_m (up to the warps' 16) and past `count` are zeros;
  // their chunks are addressed at the tile's first row, which exists.
  emitCopies(qBuf, idx(0), tileRows, colsOf(op.getResult()),
             map.lookupOrDefault(op.getSource()),
             [&](Value r, Value col, int64_t) {
               Value pos = x.div(r, idx(pack));
               Value valid = x.andi(x.lt(r, idx(blockM)), x.lt(pos, count));
               Value tok = x.select(valid, x.add(token, pos), token);
               Value h = x.select(valid, x.add(head, x.rem(r, idx(pack))),
                                  head);
               return std::make_pair(SmallVector<Value>{tok, h, col}, valid);
             });
  t.commitCopies(b, loc);
  Dist d;
  d.buffer = qBuf;
  d.row0 = idx(0);
  d.group = committed++;
  dist[op.getResult()] = d;
}

void KernelLowering::emitLoadKV(Operation *op) {
  Value tile = op->getResult(0);
  if (pipeline && pipeline->kLoad == op)
    return; // issued one block ahead; its Dist is set by emitFor
  // Outside pipelined loops the buffer's previous tile may still be read by
  // other warps. In them, slot (j - lb) % 2 was last read in block j - 2,
  // before the barrier every warp passed ahead of block j - 1's Q K^T.
  if (readsSinceBarrier && !pipeline)
    barrier();
  Value row0 = pipeline ? slotRow0(pipeline->iv, rowsOf(tile)) : idx(0);
  issueKV(op, map, row0);
  t.commitCopies(b, loc);
  Dist d;
  d.buffer = isK(tile) ? kBuf : vBuf;
  d.row0 = row0;
  d.group = committed++;
  dist[tile] = d;
}

/// Issues (and commits) the copies of the K or V load `op` into rows
/// [row0, row0 + block_n) of its buffer, its operands looked up in `m`.
void KernelLowering::issueKV(Operation *op, IRMapping &m, Value row0) {
  Emitter x = e();
  Value tile = op->getResult(0);
  Value buffer = isK(tile) ? kBuf : vBuf;
  int64_t rows = rowsOf(tile);
  if (auto load = dyn_cast<LoadKVOp>(op)) {
    // Key j = key + r of the request is row first + j of [T, H, D].
    Value first = x.add(m.lookupOrDefault(load.getFirst()),
                        m.lookupOrDefault(load.getKey()));
    Value head = m.lookupOrDefault(load.getHead());
    Value count = m.lookupOrDefault(load.getCount());
    emitCopies(buffer, row0, rows, colsOf(tile),
               m.lookupOrDefault(load.getSource()),
               [&](Value r, Value col, int64_t) {
                 Value valid = x.lt(r, count);
                 Value row = x.add(first, x.select(valid, r, idx(0)));
                 return std::make_pair(SmallVector<Value>{row, head, col},
                                       valid);
               });
    return;
  }
  auto gather = cast<GatherKVOp>(op);
  auto slots = gather.getSlots().getDefiningOp<PageSlotsOp>();
  int64_t pageSize = slots.getPageSize();
  Value table = m.lookupOrDefault(slots.getTable());
  Value first = m.lookupOrDefault(slots.getFirst());
  Value key = m.lookupOrDefault(slots.getKey());
  Value count = m.lookupOrDefault(gather.getCount());
  Value head = m.lookupOrDefault(gather.getHead());
  bool nhd = gather.getLayout() == KVSource::nhd;
  // Lookups are shared by the K and V gathers of one block (same slots);
  // a prefetch (another mapping) looks up its own.
  bool shared = &m == &map;
  emitCopies(buffer, row0, rows, colsOf(tile),
             m.lookupOrDefault(gather.getSource()),
             [&](Value r, Value col, int64_t copy) {
               Value valid = x.lt(r, count);
               auto lookup = [&]() -> std::pair<Value, Value> {
                 // Key j of the request: page table[first + j / page_size],
                 // row j % page_size of it.
                 Value j = x.add(key, x.select(valid, r, idx(0)));
                 Value entry = x.add(first, x.div(j, idx(pageSize)));
                 return {x.loadIndex(table, {entry}), x.rem(j, idx(pageSize))};
               };
               std::pair<Value, Value> at;
               if (shared) {
                 // Tiles of the same width copy the same rows in order.
                 auto [it, fresh] = pages.try_emplace(
                     {slots, copy * 4096 + colsOf(tile)});
                 if (fresh)
                   it->second = lookup();
                 at = it->second;
               } else {
                 at = lookup();
               }
               auto [page, inPage] = at;
               SmallVector<Value> idxs =
                   nhd ? SmallVector<Value>{page, inPage, head, col}
                       : SmallVector<Value>{page, head, inPage, col};
               return std::make_pair(idxs, valid);
             });
}

/// The K load of `loop` that can be issued a block ahead, or null: one
/// load_kv or gather_kv feeding Q K^T at the top of the body, whose
/// operands come from side-effect-free scalar ops of the body (and a
/// page_slots) that can be recomputed for another block.
Operation *KernelLowering::pipelinedK(scf::ForOp loop) {
  Operation *kLoad = nullptr;
  for (Operation &op : loop.getBody()->without_terminator()) {
    if (!isa<LoadKVOp, GatherKVOp>(op) || !isK(op.getResult(0)))
      continue;
    if (kLoad)
      return nullptr;
    kLoad = &op;
  }
  if (!kLoad)
    return nullptr;
  SetVector<Operation *> slice;
  BackwardSliceOptions options;
  options.filter = [&](Operation *o) {
    return o->getBlock() == loop.getBody();
  };
  options.omitBlockArguments = true;
  (void)getBackwardSlice(kLoad, &slice, options);
  for (Operation *o : slice) {
    if (isa<PageSlotsOp>(o))
      continue;
    if (o->getNumRegions() || !isMemoryEffectFree(o))
      return nullptr;
  }
  return kLoad;
}

/// Issues the K tile of the pipelined loop's block `iv` (when iv < ub) into
/// its slot and commits a group (empty past the last block, so that every
/// block commits the same number of groups).
void KernelLowering::prefetchK(Value iv) {
  Emitter x = e();
  Operation *kLoad = pipeline->kLoad;
  scf::ForOp old = pipeline->old;
  // The load's operands for block iv: its slice of the body, recomputed.
  IRMapping m = map;
  m.map(old.getInductionVar(), iv);
  SetVector<Operation *> slice;
  BackwardSliceOptions options;
  options.filter = [&](Operation *o) {
    return o->getBlock() == old.getBody() && !isa<PageSlotsOp>(o);
  };
  options.omitBlockArguments = true;
  (void)getBackwardSlice(kLoad, &slice, options);
  if (auto gather = dyn_cast<GatherKVOp>(kLoad)) {
    auto slots = gather.getSlots().getDefiningOp<PageSlotsOp>();
    SetVector<Operation *> more;
    (void)getBackwardSlice(slots.getOperation(), &more, options);
    slice.insert(more.begin(), more.end());
  }
  SmallVector<Operation *> ops(slice.begin(), slice.end());
  llvm::sort(ops, [](Operation *a, Operation *b) {
    return a->isBeforeInBlock(b);
  });
  Value row0 = slotRow0(iv, kernel.getBlockN());
  x.ifThen(x.cmpi(arith::CmpIPredicate::slt, iv, pipeline->ub), [&] {
    for (Operation *o : ops)
      b.clone(*o, m);
    issueKV(kLoad, m, row0);
  });
  t.commitCopies(b, loc);
  ++committed;
}

/// Waits for the copies that fill `tiles` (the newest groups may stay in
/// flight) and makes them visible to every warp.
void KernelLowering::ensureReady(ArrayRef<Value> tiles) {
  int64_t pending = std::numeric_limits<int64_t>::max();
  for (Value tile : tiles)
    if (!ready.contains(tile))
      pending = std::min(pending, committed - 1 - dist[tile].group);
  if (pending == std::numeric_limits<int64_t>::max())
    return;
  t.waitCopies(b, loc, pending);
  barrier();
  for (Value tile : tiles)
    ready.insert(tile);
}

void KernelLowering::emitQK(QKOp op) {
  ensureReady({op.getQ(), op.getK()});
  Emitter x = e();
  const Dist &q = dist[op.getQ()], &k = dist[op.getK()];
  Type elt = eltOf(op.getQ());
  int64_t cols = colsOf(op.getK()), keys = rowsOf(op.getK());
  int64_t tilesN = keys / t.n(), acc = t.accElements();
  SmallVector<Value> s(tilesN * acc, x.f32(0));
  auto index = [&](Value row0, Value r, int64_t col0, Value c) {
    return swizzle(row0, r, col0, c);
  };
  for (int64_t kk = 0; kk < cols; kk += t.k()) {
    Value a = t.loadA(b, loc, q.buffer, index, lane,
                      x.add(q.row0, warpRow0), kk, elt);
    for (int64_t n = 0; n < tilesN; n += 2) {
      auto [b0, b1] =
          t.loadBTransposed(b, loc, k.buffer, index, lane,
                            x.add(k.row0, idx(n * t.n())), kk, elt);
      for (auto [i, bv] : llvm::enumerate(ArrayRef<Value>{b0, b1})) {
        MutableArrayRef<Value> c(s.data() + (n + i) * acc, acc);
        SmallVector<Value> out = t.mma(b, loc, a, bv, c, elt);
        llvm::copy(out, c.begin());
      }
    }
  }
  readsSinceBarrier = true;
  // The next block's K goes to the other slot while this block finishes.
  if (pipeline && op.getK() == pipeline->kLoad->getResult(0))
    prefetchK(x.add(pipeline->iv, pipeline->step));
  Value scale = x.f32(op.getScale().convertToFloat());
  Dist d;
  d.kind = Dist::Acc;
  for (Value v : s)
    d.values.push_back(x.mul(v, scale));
  dist[op.getResult()] = d;
}

/// The score transform, element by element of the lane's fragments: the
/// generic's indices are the element's row and column in the tile.
void KernelLowering::emitScoreGeneric(linalg::GenericOp op) {
  Emitter x = e();
  const Dist &in = dist[op.getDpsInputOperand(0)->get()];
  Block &body = op.getRegion().front();
  int64_t acc = t.accElements(), blockM = kernel.getBlockM();
  Dist d;
  d.kind = Dist::Acc;
  for (auto [i, v] : llvm::enumerate(in.values)) {
    int64_t tileN = i / acc, elem = i % acc;
    auto [row, col] = t.accPosition(b, loc, lane, elem);
    Value r = x.add(warpRow0, row);
    Value c = x.add(idx(tileN * t.n()), col);
    map.map(body.getArgument(0), v);
    for (Operation &o : body.without_terminator()) {
      if (auto index = dyn_cast<linalg::IndexOp>(o)) {
        map.map(index.getResult(), index.getDim() == 0 ? r : c);
        continue;
      }
      b.clone(o, map);
    }
    Value s = map.lookupOrDefault(body.getTerminator()->getOperand(0));
    // Rows past block_m (the last warp's padding) see no key.
    if (blockM % kWarpRows != 0)
      s = x.select(x.lt(r, idx(blockM)), s, x.f32(kNegInf));
    d.values.push_back(s);
  }
  dist[op.getResult(0)] = d;
}

void KernelLowering::emitOnlineSoftmax(OnlineSoftmaxOp op) {
  Emitter x = e();
  ArrayRef<Value> s = dist[op.getScores()].values;
  SmallVector<Value> m = dist[op.getMax()].values;
  SmallVector<Value> l = dist[op.getSum()].values;
  SmallVector<Value> acc = dist[op.getAcc()].values;
  int64_t n = t.accElements();
  bool softmax = op.getNormalizer() == Normalizer::softmax;
  Value negInf = x.f32(kNegInf), log2e = x.f32(kLog2e);
  SmallVector<Value> p(s.size()), scale(t.rowSlots(), x.f32(1));
  for (int64_t slot = 0; slot < t.rowSlots(); ++slot) {
    auto inSlot = [&](size_t i) { return t.rowSlot(i % n) == slot; };
    if (softmax) {
      // m' = max(m, rowmax s); m0 = m' or 0 when the row saw no key;
      // p = exp(s - m0) and the old state's factor exp(m - m0), in base 2.
      Value rowMax = negInf;
      for (size_t i = 0; i < s.size(); ++i)
        if (inSlot(i))
          rowMax = arith::MaxNumFOp::create(b, loc, rowMax, s[i]);
      Value newMax = arith::MaxNumFOp::create(b, loc, m[slot],
                                              rowReduce(rowMax, false));
      Value m0 = x.select(x.cmpf(arith::CmpFPredicate::OEQ, newMax, negInf),
                          x.f32(0), newMax);
      Value m0s = x.mul(m0, log2e);
      scale[slot] = t.exp2(b, loc, x.sub(x.mul(m[slot], log2e), m0s));
      for (size_t i = 0; i < s.size(); ++i)
        if (inSlot(i))
          p[i] = t.exp2(b, loc,
                        math::FmaOp::create(b, loc, s[i], log2e,
                                            arith::NegFOp::create(b, loc, m0s)));
      m[slot] = newMax;
    } else {
      // p = s where a key is visible, 0 elsewhere; m is kept.
      for (size_t i = 0; i < s.size(); ++i)
        if (inSlot(i))
          p[i] = x.select(x.cmpf(arith::CmpFPredicate::OGT, s[i], negInf),
                          s[i], x.f32(0));
    }
    // Row sums stay per lane until `store` adds the lanes of a row.
    Value sum = softmax ? x.mul(scale[slot], l[slot]) : l[slot];
    for (size_t i = 0; i < s.size(); ++i)
      if (inSlot(i))
        sum = x.add(sum, p[i]);
    l[slot] = sum;
  }
  if (softmax)
    for (size_t i = 0; i < acc.size(); ++i)
      acc[i] = x.mul(acc[i], scale[t.rowSlot(i % n)]);
  // acc += P V: P's accumulators, K / N product tiles at a time, are the
  // left operand over K keys.
  ensureReady({op.getValues()});
  const Dist &v = dist[op.getValues()];
  Type elt = eltOf(op.getValues());
  auto index = [&](Value row0, Value r, int64_t col0, Value c) {
    return swizzle(row0, r, col0, c);
  };
  int64_t keys = rowsOf(op.getValues()), cols = colsOf(op.getValues());
  for (int64_t kk = 0; kk < keys; kk += t.k()) {
    int64_t first = kk / t.n(), tiles = t.k() / t.n();
    Value a = t.accToA(b, loc, ArrayRef<Value>(p).slice(first * n, tiles * n),
                       elt);
    for (int64_t c = 0; c < cols; c += 2 * t.n()) {
      auto [b0, b1] = t.loadB(b, loc, v.buffer, index, lane,
                              x.add(v.row0, idx(kk)), c, elt);
      for (auto [i, bv] : llvm::enumerate(ArrayRef<Value>{b0, b1})) {
        MutableArrayRef<Value> out(acc.data() + (c / t.n() + i) * n, n);
        SmallVector<Value> r = t.mma(b, loc, a, bv, out, elt);
        llvm::copy(r, out.begin());
      }
    }
  }
  readsSinceBarrier = true;
  auto rows = [&](ArrayRef<Value> values) {
    Dist d;
    d.kind = Dist::Rows;
    d.values.assign(values.begin(), values.end());
    return d;
  };
  dist[op.getNewMax()] = rows(m);
  dist[op.getNewSum()] = rows(l);
  Dist a;
  a.kind = Dist::Acc;
  a.values = acc;
  dist[op.getNewAcc()] = a;
}

void KernelLowering::emitStore(StoreOp op) {
  Emitter x = e();
  ArrayRef<Value> acc = dist[op.getAcc()].values;
  ArrayRef<Value> l = dist[op.getSum()].values;
  ArrayRef<Value> m = dist[op.getMax()].values;
  int64_t n = t.accElements(), pack = op.getGqaPack();
  int64_t blockM = rowsOf(op.getAcc());
  bool softmax = op.getNormalizer() == Normalizer::softmax;
  Value token = map.lookupOrDefault(op.getToken());
  Value head0 = map.lookupOrDefault(op.getHead());
  Value count = map.lookupOrDefault(op.getCount());
  Value out = map.lookupOrDefault(op.getOut());
  Value lse = op.getLse() ? map.lookupOrDefault(op.getLse()) : Value();
  Value oScale = op.getOScale() ? map.lookupOrDefault(op.getOScale()) : Value();
  for (int64_t slot = 0; slot < t.rowSlots(); ++slot) {
    int64_t first = 0;
    while (t.rowSlot(first) != slot)
      ++first;
    Value total = rowReduce(l[slot], /*sum=*/true);
    auto [row, col] = t.accPosition(b, loc, lane, first);
    Value r = x.add(warpRow0, row);
    Value pos = x.div(r, idx(pack));
    Value valid = x.andi(x.lt(r, idx(blockM)), x.lt(pos, count));
    x.ifThen(valid, [&] {
      Value tok = x.add(token, pos);
      Value head = x.add(head0, x.rem(r, idx(pack)));
      Value inv = x.f32(1), any;
      if (softmax) {
        any = x.cmpf(arith::CmpFPredicate::OGT, total, x.f32(0));
        inv = x.select(any, x.div(x.f32(1), total), x.f32(0));
      }
      if (Value sc = loops::loadScale(x, oScale, head))
        inv = x.div(inv, sc);
      for (size_t i = 0; i < acc.size(); ++i) {
        if (t.rowSlot(i % n) != slot)
          continue;
        auto [ignored, c] = t.accPosition(b, loc, lane, i % n);
        Value d = x.add(idx(i / n * t.n()), c);
        x.storeF32(x.mul(acc[i], inv), out, {tok, head, d});
      }
      if (lse && softmax) {
        // One lane per row writes the LSE: the one holding column 0.
        x.ifThen(x.cmpi(arith::CmpIPredicate::eq, col, idx(0)), [&] {
          x.storeF32(x.select(any, x.add(m[slot], x.log(total)),
                              x.f32(kNegInf)),
                     lse, {tok, head});
        });
      }
    });
  }
}

struct ConvertAttnTileToGPUPass
    : attn::impl::ConvertAttnTileToGPUBase<ConvertAttnTileToGPUPass> {
  using Base::Base;

  void getDependentDialects(DialectRegistry &registry) const override {
    Base::getDependentDialects(registry);
    if (auto t = createMatrixTarget(target))
      t->getDependentDialects(registry);
  }

  void runOnOperation() override {
    std::unique_ptr<MatrixTarget> t = createMatrixTarget(target);
    if (!t) {
      emitError(getOperation()->getLoc())
          << "convert-attn-tile-to-gpu: unknown target '" << target
          << "' (registered: " << llvm::join(matrixTargetNames(), ", ")
          << ")";
      return signalPassFailure();
    }
    SmallVector<KernelOp> kernels;
    getOperation()->walk([&](KernelOp k) { kernels.push_back(k); });
    IRRewriter rewriter(&getContext());
    for (KernelOp kernel : kernels) {
      if (std::string why = unfit(kernel, *t); !why.empty()) {
        kernel.emitRemark() << "left for the simple GPU path: the "
                            << t->getName()
                            << " matrix lowering does not take " << why;
        continue;
      }
      KernelLowering(rewriter, *t, kernel).run();
      ++numLowered;
    }
  }
};
} // namespace
