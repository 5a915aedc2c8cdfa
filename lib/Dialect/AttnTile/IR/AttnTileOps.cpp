//===- AttnTileOps.cpp - Operations of the attn_tile dialect --------------===//

#include "attn/Dialect/AttnTile/IR/AttnTileOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/TypeUtilities.h"

using namespace mlir;
using namespace mlir::attn;
using namespace mlir::attn::tile;

int64_t mlir::attn::tile::getSourceRank(KVSource layout) {
  switch (layout) {
  case KVSource::rows:
  case KVSource::latent:
    return 3;
  case KVSource::nhd:
  case KVSource::hnd:
  case KVSource::vllm_value:
    return 4;
  case KVSource::vllm_key:
    return 5;
  }
  llvm_unreachable("unknown KV source");
}

int64_t mlir::attn::tile::getPageSizeDim(KVSource layout) {
  switch (layout) {
  case KVSource::rows:
    return -1;
  case KVSource::nhd:
  case KVSource::latent:
    return 1;
  case KVSource::hnd:
    return 2;
  case KVSource::vllm_key:
  case KVSource::vllm_value:
    return 3;
  }
  llvm_unreachable("unknown KV source");
}

//===----------------------------------------------------------------------===//
// Shared checks
//===----------------------------------------------------------------------===//

namespace {
/// Checks that `type` is a 2-D tile and returns it.
FailureOr<RankedTensorType> tile2D(Operation *op, Type type, StringRef name) {
  auto t = cast<RankedTensorType>(type);
  if (t.getRank() != 2)
    return op->emitOpError() << "expects " << name
                             << " to be a 2-D tile, got " << type;
  return t;
}

LogicalResult checkF32(Operation *op, Type type, StringRef name) {
  if (!getElementTypeOrSelf(type).isF32())
    return op->emitOpError()
           << "expects " << name << " to have f32 elements, got " << type;
  return success();
}

/// Dims `a` and `b` agree unless one of them is dynamic.
bool compatible(int64_t a, int64_t b) {
  return ShapedType::isDynamic(a) || ShapedType::isDynamic(b) || a == b;
}

LogicalResult checkPacking(Operation *op, int64_t rows, int64_t pack) {
  if (rows % pack != 0)
    return op->emitOpError() << "expects the tile's " << rows
                             << " rows to be a multiple of gqa_pack " << pack;
  return success();
}

/// A scale buffer of shape [], [1] or [H].
LogicalResult checkScale(Operation *op, Value scale, StringRef name) {
  if (!scale)
    return success();
  auto type = cast<MemRefType>(scale.getType());
  if (type.getRank() > 1 || !type.getElementType().isF32())
    return op->emitOpError() << "expects " << name
                             << " to be an f32 buffer of rank 0 or 1, got "
                             << type;
  return success();
}

/// The element type of a loaded tile: the source's, or f32 (a widening
/// load; required when descaled).
LogicalResult checkLoadedType(Operation *op, Type source, Type result,
                              Value descale) {
  Type elt = getElementTypeOrSelf(result);
  if (elt.isF32() || (!descale && elt == getElementTypeOrSelf(source)))
    return success();
  return op->emitOpError() << "expects a tile of "
                           << (descale ? "" : "the buffer's elements or of ")
                           << "f32 elements" << (descale ? " (descaled)" : "")
                           << ", got " << result;
}

void addRead(SmallVectorImpl<SideEffects::EffectInstance<MemoryEffects::Effect>>
                 &effects,
             OpOperand &operand) {
  effects.emplace_back(MemoryEffects::Read::get(), &operand,
                       SideEffects::DefaultResource::get());
}
} // namespace

//===----------------------------------------------------------------------===//
// KernelOp
//===----------------------------------------------------------------------===//

void KernelOp::build(OpBuilder &builder, OperationState &state,
                     ValueRange grid, int64_t blockM, int64_t blockN,
                     int64_t gqaPack) {
  assert(grid.size() == 4 && "a kernel grid has four dimensions");
  state.addOperands(grid);
  state.addAttribute(getBlockMAttrName(state.name),
                     builder.getI64IntegerAttr(blockM));
  state.addAttribute(getBlockNAttrName(state.name),
                     builder.getI64IntegerAttr(blockN));
  state.addAttribute(getGqaPackAttrName(state.name),
                     builder.getI64IntegerAttr(gqaPack));
  Region *body = state.addRegion();
  Block *block = new Block();
  body->push_back(block);
  for (int i = 0; i < 4; ++i)
    block->addArgument(builder.getIndexType(), state.location);
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointToEnd(block);
  YieldOp::create(builder, state.location);
}

LogicalResult KernelOp::verify() {
  Block &body = getBody().front();
  if (body.getNumArguments() != 4 ||
      !llvm::all_of(body.getArgumentTypes(),
                    [](Type t) { return t.isIndex(); }))
    return emitOpError("expects the body to take four index arguments "
                       "(request, head group, query block, KV split)");
  if (getBlockM() % getGqaPack() != 0)
    return emitOpError() << "expects block_m " << getBlockM()
                         << " to be a multiple of gqa_pack " << getGqaPack();
  if (!body.getTerminator()->getOperands().empty())
    return emitOpError("expects the body to yield no values");
  return success();
}

//===----------------------------------------------------------------------===//
// LoadQOp
//===----------------------------------------------------------------------===//

LogicalResult LoadQOp::verify() {
  auto source = cast<MemRefType>(getSource().getType());
  if (source.getRank() != 3)
    return emitOpError() << "expects a token-major [T, H, D] query buffer, got "
                         << source;
  FailureOr<RankedTensorType> tile = tile2D(*this, getType(), "the result");
  if (failed(tile))
    return failure();
  if (!compatible(tile->getDimSize(1), source.getDimSize(2)))
    return emitOpError() << "expects the tile's " << tile->getDimSize(1)
                         << " channels to match the buffer's head dim "
                         << source.getDimSize(2);
  if (failed(checkPacking(*this, tile->getDimSize(0), getGqaPack())) ||
      failed(checkScale(*this, getDescale(), "descale")))
    return failure();
  return checkLoadedType(*this, source, *tile, getDescale());
}

void LoadQOp::getEffects(
    SmallVectorImpl<SideEffects::EffectInstance<MemoryEffects::Effect>>
        &effects) {
  addRead(effects, getSourceMutable());
  if (getDescale())
    addRead(effects, getDescaleMutable()[0]);
}

//===----------------------------------------------------------------------===//
// LoadKVOp
//===----------------------------------------------------------------------===//

/// The rank, page table and channels of a K/V buffer read by a tile op.
static LogicalResult verifyKVSource(Operation *op, KVSource layout,
                                    Value sourceValue, Type resultType,
                                    Value descale) {
  auto source = cast<MemRefType>(sourceValue.getType());
  int64_t rank = getSourceRank(layout);
  if (source.getRank() != rank)
    return op->emitOpError() << "expects a rank-" << rank
                             << " buffer for the '" << stringifyKVSource(layout)
                             << "' layout, got " << source;
  FailureOr<RankedTensorType> tile = tile2D(op, resultType, "the result");
  if (failed(tile))
    return failure();
  ArrayRef<int64_t> s = source.getShape();
  int64_t dim = ShapedType::kDynamic;
  switch (layout) {
  case KVSource::rows:
  case KVSource::latent:
  case KVSource::vllm_value:
    dim = s[2];
    break;
  case KVSource::nhd:
  case KVSource::hnd:
    dim = s[3];
    break;
  case KVSource::vllm_key:
    if (!ShapedType::isDynamic(s[2]) && !ShapedType::isDynamic(s[4]))
      dim = s[2] * s[4];
    break;
  }
  if (!compatible(tile->getDimSize(1), dim))
    return op->emitOpError() << "expects the tile's " << tile->getDimSize(1)
                             << " channels to match the buffer's head dim "
                             << dim;
  if (failed(checkScale(op, descale, "descale")))
    return failure();
  return checkLoadedType(op, source, *tile, descale);
}

LogicalResult LoadKVOp::verify() {
  if (isPaged() != static_cast<bool>(getTable()))
    return emitOpError() << "expects a page table "
                         << (isPaged() ? "for" : "only for paged layouts, not")
                         << " the '" << stringifyKVSource(getLayout())
                         << "' layout";
  return verifyKVSource(*this, getLayout(), getSource(), getType(),
                        getDescale());
}

LogicalResult GatherKVOp::verify() {
  if (getLayout() == KVSource::rows)
    return emitOpError("gathers from paged layouts only; 'rows' buffers are "
                       "read with load_kv");
  if (getSlots().getType().getDimSize(0) != getType().getDimSize(0))
    return emitOpError() << "expects one slot per tile row, got "
                         << getSlots().getType() << " for " << getType();
  return verifyKVSource(*this, getLayout(), getSource(), getType(),
                        getDescale());
}

void GatherKVOp::getEffects(
    SmallVectorImpl<SideEffects::EffectInstance<MemoryEffects::Effect>>
        &effects) {
  addRead(effects, getSourceMutable());
  if (getDescale())
    addRead(effects, getDescaleMutable()[0]);
}

void PageSlotsOp::getEffects(
    SmallVectorImpl<SideEffects::EffectInstance<MemoryEffects::Effect>>
        &effects) {
  addRead(effects, getTableMutable());
}

void LoadKVOp::getEffects(
    SmallVectorImpl<SideEffects::EffectInstance<MemoryEffects::Effect>>
        &effects) {
  addRead(effects, getSourceMutable());
  if (getTable())
    addRead(effects, getTableMutable()[0]);
  if (getDescale())
    addRead(effects, getDescaleMutable()[0]);
}

//===----------------------------------------------------------------------===//
// RopeOp, ConcatOp, QKOp
//===----------------------------------------------------------------------===//

LogicalResult RopeOp::verify() {
  FailureOr<RankedTensorType> tile = tile2D(*this, getTile().getType(), "the tile");
  if (failed(tile))
    return failure();
  if (getType().getShape() != tile->getShape())
    return emitOpError() << "expects the result shaped like the tile, got "
                         << getType();
  if (failed(checkF32(*this, getType(), "the result")) ||
      failed(checkPacking(*this, tile->getDimSize(0), getGqaPack())))
    return failure();
  if (getRope().getDim() > tile->getDimSize(1))
    return emitOpError() << "rotates " << getRope().getDim()
                         << " channels of a tile with " << tile->getDimSize(1);
  return success();
}

void RopeOp::getEffects(
    SmallVectorImpl<SideEffects::EffectInstance<MemoryEffects::Effect>>
        &effects) {
  if (getPositions())
    addRead(effects, getPositionsMutable()[0]);
}

LogicalResult ConcatOp::verify() {
  auto lhs = tile2D(*this, getLhs().getType(), "the first tile");
  auto rhs = tile2D(*this, getRhs().getType(), "the second tile");
  auto res = tile2D(*this, getType(), "the result");
  if (failed(lhs) || failed(rhs) || failed(res))
    return failure();
  if (lhs->getDimSize(0) != rhs->getDimSize(0) ||
      res->getDimSize(0) != lhs->getDimSize(0) ||
      res->getDimSize(1) != lhs->getDimSize(1) + rhs->getDimSize(1))
    return emitOpError() << "expects " << *lhs << " and " << *rhs
                         << " to join into a tile of the same rows and the "
                            "summed channels, got "
                         << *res;
  return success();
}

LogicalResult QKOp::verify() {
  auto q = tile2D(*this, getQ().getType(), "the query tile");
  auto k = tile2D(*this, getK().getType(), "the key tile");
  auto s = tile2D(*this, getType(), "the result");
  if (failed(q) || failed(k) || failed(s))
    return failure();
  if (q->getDimSize(1) != k->getDimSize(1))
    return emitOpError() << "expects query and key tiles of the same head dim, "
                         << "got " << q->getDimSize(1) << " and "
                         << k->getDimSize(1);
  if (s->getDimSize(0) != q->getDimSize(0) ||
      s->getDimSize(1) != k->getDimSize(0))
    return emitOpError() << "expects a " << q->getDimSize(0) << "x"
                         << k->getDimSize(0) << " score tile, got " << *s;
  return checkF32(*this, *s, "the result");
}

//===----------------------------------------------------------------------===//
// TransformScoresOp
//===----------------------------------------------------------------------===//

LogicalResult TransformScoresOp::verify() {
  auto s = tile2D(*this, getScores().getType(), "the score tile");
  if (failed(s) || failed(checkF32(*this, *s, "the score tile")))
    return failure();
  return checkPacking(*this, s->getDimSize(0), getGqaPack());
}

LogicalResult TransformScoresOp::verifyRegions() {
  auto check = [&](Region &region, StringRef name, ArrayRef<Type> args,
                   Type result) -> LogicalResult {
    if (region.empty())
      return success();
    Block &block = region.front();
    if (block.getArgumentTypes() != TypeRange(args))
      return emitOpError() << "expects the " << name << " region to take "
                           << args.size() << " arguments ("
                           << (args.size() == 5 ? "f32, " : "")
                           << "index x4)";
    auto yield = dyn_cast<YieldOp>(block.getTerminator());
    if (!yield || yield.getValues().getTypes() != TypeRange(result))
      return emitOpError() << "expects the " << name
                           << " region to yield one " << result;
    return success();
  };
  Builder b(getContext());
  Type idx = b.getIndexType();
  if (failed(check(getScoreMod(), "score_mod",
                   {b.getF32Type(), idx, idx, idx, idx}, b.getF32Type())))
    return failure();
  return check(getMaskMod(), "mask_mod", {idx, idx, idx, idx},
               b.getI1Type());
}

//===----------------------------------------------------------------------===//
// Softmax state
//===----------------------------------------------------------------------===//

namespace {
/// m and l are [M] f32, acc is [M, Dv] f32.
LogicalResult checkState(Operation *op, Type max, Type sum, Type acc) {
  auto m = cast<RankedTensorType>(max);
  auto a = cast<RankedTensorType>(acc);
  if (m.getRank() != 1 || max != sum)
    return op->emitOpError() << "expects the running max and sum to be "
                                "1-D tiles of one type, got "
                             << max << " and " << sum;
  if (a.getRank() != 2 || a.getDimSize(0) != m.getDimSize(0))
    return op->emitOpError() << "expects an accumulator of " << m.getDimSize(0)
                             << " rows, got " << acc;
  if (failed(checkF32(op, max, "the running max")) ||
      failed(checkF32(op, acc, "the accumulator")))
    return failure();
  return success();
}
} // namespace

LogicalResult SoftmaxInitOp::verify() {
  return checkState(*this, getMax().getType(), getSum().getType(),
                    getAcc().getType());
}

LogicalResult OnlineSoftmaxOp::verify() {
  if (failed(checkState(*this, getMax().getType(), getSum().getType(),
                        getAcc().getType())))
    return failure();
  auto s = tile2D(*this, getScores().getType(), "the score tile");
  auto v = tile2D(*this, getValues().getType(), "the value tile");
  if (failed(s) || failed(v) || failed(checkF32(*this, *s, "the score tile")))
    return failure();
  auto acc = cast<RankedTensorType>(getAcc().getType());
  if (s->getDimSize(0) != acc.getDimSize(0) ||
      s->getDimSize(1) != v->getDimSize(0) ||
      v->getDimSize(1) != acc.getDimSize(1))
    return emitOpError() << "expects scores [M, N], values [N, Dv] and an "
                            "accumulator [M, Dv], got "
                         << *s << ", " << *v << " and " << acc;
  if (getNormalizer() == Normalizer::sigmoid)
    return emitOpError("does not take the sigmoid normalizer; "
                       "attn-expand-functors rewrites it to 'none'");
  return success();
}

//===----------------------------------------------------------------------===//
// StoreOp
//===----------------------------------------------------------------------===//

LogicalResult StoreOp::verify() {
  if (failed(checkState(*this, getMax().getType(), getSum().getType(),
                        getAcc().getType())))
    return failure();
  auto acc = cast<RankedTensorType>(getAcc().getType());
  auto out = cast<MemRefType>(getOut().getType());
  if (out.getRank() != 3 || !compatible(out.getDimSize(2), acc.getDimSize(1)))
    return emitOpError() << "expects a token-major [T, H, " << acc.getDimSize(1)
                         << "] output buffer, got " << out;
  if (getLse()) {
    auto lse = cast<MemRefType>(getLse().getType());
    if (lse.getRank() != 2 || !lse.getElementType().isF32())
      return emitOpError() << "expects a [T, H] f32 LSE buffer, got " << lse;
  }
  if (getNormalizer() == Normalizer::sigmoid)
    return emitOpError("does not take the sigmoid normalizer; "
                       "attn-expand-functors rewrites it to 'none'");
  if (getNormalizer() != Normalizer::softmax && getLse())
    return emitOpError("has an LSE only with the softmax normalizer");
  if (failed(checkScale(*this, getOScale(), "o_scale")))
    return failure();
  return checkPacking(*this, acc.getDimSize(0), getGqaPack());
}

void StoreOp::getEffects(
    SmallVectorImpl<SideEffects::EffectInstance<MemoryEffects::Effect>>
        &effects) {
  effects.emplace_back(MemoryEffects::Write::get(), &getOutMutable(),
                       SideEffects::DefaultResource::get());
  if (getLse())
    effects.emplace_back(MemoryEffects::Write::get(), &getLseMutable()[0],
                         SideEffects::DefaultResource::get());
  if (getOScale())
    addRead(effects, getOScaleMutable()[0]);
}

//===----------------------------------------------------------------------===//
// MergeSplitsOp
//===----------------------------------------------------------------------===//

LogicalResult MergeSplitsOp::verify() {
  auto po = cast<MemRefType>(getPartialOut().getType());
  auto pl = cast<MemRefType>(getPartialLse().getType());
  auto out = cast<MemRefType>(getOut().getType());
  if (po.getRank() != 4 || !po.getElementType().isF32())
    return emitOpError() << "expects f32 partial outputs [S, T, H, Dv], got "
                         << po;
  if (pl.getRank() != 3 || !pl.getElementType().isF32())
    return emitOpError() << "expects f32 partial LSEs [S, T, H], got " << pl;
  if (out.getRank() != 3)
    return emitOpError() << "expects a token-major [T, H, Dv] output, got "
                         << out;
  for (int64_t d = 0; d < 3; ++d)
    if (!compatible(po.getDimSize(d + 1), out.getDimSize(d)) ||
        (d < 2 && !compatible(pl.getDimSize(d + 1), out.getDimSize(d))) ||
        (d < 2 && !compatible(po.getDimSize(d), pl.getDimSize(d))))
      return emitOpError() << "expects partial results shaped [S] + the "
                              "output's shape, got "
                           << po << ", " << pl << " and " << out;
  if (getLse()) {
    auto lse = cast<MemRefType>(getLse().getType());
    if (lse.getRank() != 2 || !lse.getElementType().isF32())
      return emitOpError() << "expects a [T, H] f32 LSE buffer, got " << lse;
  }
  return success();
}

void MergeSplitsOp::getEffects(
    SmallVectorImpl<SideEffects::EffectInstance<MemoryEffects::Effect>>
        &effects) {
  addRead(effects, getPartialOutMutable());
  addRead(effects, getPartialLseMutable());
  effects.emplace_back(MemoryEffects::Write::get(), &getOutMutable(),
                       SideEffects::DefaultResource::get());
  if (getLse())
    effects.emplace_back(MemoryEffects::Write::get(), &getLseMutable()[0],
                         SideEffects::DefaultResource::get());
}

#define GET_OP_CLASSES
#include "attn/Dialect/AttnTile/IR/AttnTileOps.cpp.inc"
