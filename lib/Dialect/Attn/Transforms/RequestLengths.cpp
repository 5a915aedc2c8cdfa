//===- RequestLengths.cpp - Per-request query and key counts --------------===//

#include "attn/Dialect/Attn/Transforms/RequestLengths.h"

#include "attn/Dialect/Attn/IR/AttnOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::attn;

Value mlir::attn::readIndex(OpBuilder &b, Location loc, Value source,
                            ValueRange indices) {
  Value v = isa<TensorType>(source.getType())
                ? tensor::ExtractOp::create(b, loc, source, indices).getResult()
                : memref::LoadOp::create(b, loc, source, indices).getResult();
  if (v.getType().isIndex())
    return v;
  return arith::IndexCastOp::create(b, loc, b.getIndexType(), v);
}

Value IndexMath::idx(int64_t v) {
  return arith::ConstantIndexOp::create(b, loc, v);
}
Value IndexMath::add(Value x, Value y) {
  return b.createOrFold<arith::AddIOp>(loc, x, y);
}
Value IndexMath::sub(Value x, Value y) {
  return b.createOrFold<arith::SubIOp>(loc, x, y);
}
Value IndexMath::mul(Value x, Value y) {
  return b.createOrFold<arith::MulIOp>(loc, x, y);
}
Value IndexMath::div(Value x, Value y) {
  return b.createOrFold<arith::DivUIOp>(loc, x, y);
}
Value IndexMath::ceilDiv(Value x, Value y) {
  return b.createOrFold<arith::CeilDivUIOp>(loc, x, y);
}
Value IndexMath::min(Value x, Value y) {
  return b.createOrFold<arith::MinUIOp>(loc, x, y);
}
Value IndexMath::lt(Value x, Value y) {
  return b.createOrFold<arith::CmpIOp>(loc, arith::CmpIPredicate::ult, x, y);
}
Value IndexMath::floorDivSigned(Value x, int64_t d) {
  return b.createOrFold<arith::FloorDivSIOp>(loc, x, idx(d));
}
Value IndexMath::ceilDivSigned(Value x, int64_t d) {
  return b.createOrFold<arith::CeilDivSIOp>(loc, x, idx(d));
}
Value IndexMath::maxSigned(Value x, Value y) {
  return b.createOrFold<arith::MaxSIOp>(loc, x, y);
}
Value IndexMath::minSigned(Value x, Value y) {
  return b.createOrFold<arith::MinSIOp>(loc, x, y);
}
Value IndexMath::dim(Value source, int64_t i) {
  if (isa<TensorType>(source.getType()))
    return b.createOrFold<tensor::DimOp>(loc, source, i);
  return b.createOrFold<memref::DimOp>(loc, source, i);
}

namespace {
/// indptr[r + 1] - indptr[r].
Value diff(IndexMath &m, Value indptr, Value r) {
  return m.sub(m.at(indptr, m.add(r, m.idx(1))), m.at(indptr, r));
}

/// Sk_b of a FlashInfer page table: 0 without pages, else
/// (pages - 1) * page_size + last_page_len[b].
Value pagedKeys(IndexMath &m, Value indptr, Value lastLen, int64_t pageSize,
                Value r) {
  Value pages = diff(m, indptr, r);
  Value keys =
      m.add(m.mul(m.sub(pages, m.idx(1)), m.idx(pageSize)), m.at(lastLen, r));
  Value none = arith::CmpIOp::create(m.b, m.loc, arith::CmpIPredicate::eq,
                                     pages, m.idx(0));
  return arith::SelectOp::create(m.b, m.loc, none, m.idx(0), keys);
}

int64_t pageSizeOf(Value cache, KVLayout layout) {
  return cast<ShapedType>(cache.getType()).getDimSize(getPageSizeDim(layout));
}
} // namespace

RequestLengths mlir::attn::buildRequestLengths(OpBuilder &b, Location loc,
                                               Operation *op, Value request,
                                               function_ref<Value(Value)> remap) {
  auto get = [&](Value v) -> Value {
    if (!v || !remap)
      return v;
    return remap(v);
  };
  IndexMath m{b, loc};
  return llvm::TypeSwitch<Operation *, RequestLengths>(op)
      .Case([&](PrefillOp p) -> RequestLengths {
        Value cuQ = get(p.getCuSeqlensQ());
        if (cuQ) {
          Value cuK = p.getCuSeqlensK() ? get(p.getCuSeqlensK()) : cuQ;
          return {diff(m, cuQ, request), diff(m, cuK, request)};
        }
        if (Value qkv = p.getQkv()) {
          Value len = m.dim(get(qkv), 1);
          return {len, len};
        }
        return {m.dim(get(p.getQ()), 1), m.dim(get(p.getK()), 1)};
      })
      .Case([&](BatchPrefillOp p) -> RequestLengths {
        return {diff(m, get(p.getQoIndptr()), request),
                pagedKeys(m, get(p.getKvIndptr()), get(p.getKvLastPageLen()),
                            pageSizeOf(p.getKCache(), p.getLayout()),
                            request)};
      })
      .Case([&](BatchDecodeOp p) -> RequestLengths {
        return {m.idx(1),
                pagedKeys(m, get(p.getKvIndptr()), get(p.getKvLastPageLen()),
                            pageSizeOf(p.getKCache(), p.getLayout()),
                            request)};
      })
      .Case([&](PagedAttentionOp p) -> RequestLengths {
        return {m.idx(1), m.at(get(p.getContextLens()), request)};
      })
      .Case([&](MLADecodeOp p) -> RequestLengths {
        int64_t pageSize =
            cast<ShapedType>(p.getCkvCache().getType()).getDimSize(1);
        return {m.idx(1),
                pagedKeys(m, get(p.getKvIndptr()), get(p.getKvLastPageLen()),
                            pageSize, request)};
      })
      .Default([](Operation *) -> RequestLengths {
        llvm_unreachable("not a softmax attention op");
      });
}
