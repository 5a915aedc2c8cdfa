//===- Emitter.cpp - Builders shared by the reference lowering ------------===//

#include "attn/Conversion/AttnToLoops/Emitter.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/IRMapping.h"

#include <cmath>

using namespace mlir;
using namespace mlir::attn;
using namespace mlir::attn::loops;

Value Emitter::idx(int64_t v) {
  return arith::ConstantIndexOp::create(b, loc, v);
}
Value Emitter::f32(double v) {
  return arith::ConstantOp::create(b, loc, b.getF32FloatAttr(v));
}
Value Emitter::i1(bool v) {
  return arith::ConstantIntOp::create(b, loc, v ? 1 : 0, 1);
}

Value Emitter::add(Value x, Value y) {
  if (isa<FloatType>(x.getType()))
    return arith::AddFOp::create(b, loc, x, y);
  return arith::AddIOp::create(b, loc, x, y);
}
Value Emitter::sub(Value x, Value y) {
  if (isa<FloatType>(x.getType()))
    return arith::SubFOp::create(b, loc, x, y);
  return arith::SubIOp::create(b, loc, x, y);
}
Value Emitter::mul(Value x, Value y) {
  if (isa<FloatType>(x.getType()))
    return arith::MulFOp::create(b, loc, x, y);
  return arith::MulIOp::create(b, loc, x, y);
}
Value Emitter::div(Value x, Value y) {
  if (isa<FloatType>(x.getType()))
    return arith::DivFOp::create(b, loc, x, y);
  return arith::DivUIOp::create(b, loc, x, y);
}
Value Emitter::rem(Value x, Value y) {
  return arith::RemUIOp::create(b, loc, x, y);
}
Value Emitter::cmpi(arith::CmpIPredicate p, Value x, Value y) {
  return arith::CmpIOp::create(b, loc, p, x, y);
}
Value Emitter::cmpf(arith::CmpFPredicate p, Value x, Value y) {
  return arith::CmpFOp::create(b, loc, p, x, y);
}
Value Emitter::select(Value c, Value x, Value y) {
  return arith::SelectOp::create(b, loc, c, x, y);
}
Value Emitter::andi(Value x, Value y) {
  return arith::AndIOp::create(b, loc, x, y);
}
Value Emitter::max(Value x, Value y) {
  if (isa<FloatType>(x.getType()))
    return arith::MaximumFOp::create(b, loc, x, y);
  return arith::MaxSIOp::create(b, loc, x, y);
}
Value Emitter::exp(Value x) { return math::ExpOp::create(b, loc, x); }
Value Emitter::log(Value x) { return math::LogOp::create(b, loc, x); }

Value Emitter::toIndex(Value v) {
  if (isa<IndexType>(v.getType()))
    return v;
  return arith::IndexCastOp::create(b, loc, b.getIndexType(), v);
}

Value Emitter::indexToF32(Value v) {
  Value i64 = arith::IndexCastOp::create(b, loc, b.getI64Type(), v);
  return arith::SIToFPOp::create(b, loc, b.getF32Type(), i64);
}

/// f8E4M3FN: sign, 4 exponent bits (bias 7), 3 mantissa bits, no infinity,
/// S.1111.111 is NaN.
Value Emitter::decodeF8E4M3FN(Value v) {
  Type i32 = b.getI32Type();
  auto c = [&](int64_t x) { return arith::ConstantIntOp::create(b, loc, x, 32); };
  Value bits8 = arith::BitcastOp::create(b, loc, b.getI8Type(), v);
  Value bits = arith::ExtUIOp::create(b, loc, i32, bits8);
  Value sign = arith::AndIOp::create(b, loc, bits, c(0x80));
  Value exponent = arith::AndIOp::create(
      b, loc, arith::ShRUIOp::create(b, loc, bits, c(3)), c(0xF));
  Value mantissa = arith::AndIOp::create(b, loc, bits, c(0x7));
  // Normal: f32 bits sign<<24 | (e - 7 + 127) << 23 | m << 20.
  Value normalBits = arith::OrIOp::create(
      b, loc,
      arith::OrIOp::create(
          b, loc, arith::ShLIOp::create(b, loc, sign, c(24)),
          arith::ShLIOp::create(b, loc, add(exponent, c(120)), c(23))),
      arith::ShLIOp::create(b, loc, mantissa, c(20)));
  Value normal = arith::BitcastOp::create(b, loc, b.getF32Type(), normalBits);
  // Subnormal: +-m * 2^-9.
  Value magnitude = mul(arith::UIToFPOp::create(b, loc, b.getF32Type(), mantissa),
                        f32(std::ldexp(1.0, -9)));
  Value subnormal = select(cmpi(arith::CmpIPredicate::ne, sign, c(0)),
                           sub(f32(0), magnitude), magnitude);
  Value isNaN = andi(cmpi(arith::CmpIPredicate::eq, exponent, c(15)),
                     cmpi(arith::CmpIPredicate::eq, mantissa, c(7)));
  Value result = select(cmpi(arith::CmpIPredicate::eq, exponent, c(0)),
                        subnormal, normal);
  return select(isNaN, f32(std::nan("")), result);
}

Value Emitter::encodeF8E4M3FN(Value v) {
  Type i32 = b.getI32Type();
  auto c = [&](int64_t x) { return arith::ConstantIntOp::create(b, loc, x, 32); };
  // Saturate to the largest finite value, 448.
  Value clamped = arith::MinimumFOp::create(
      b, loc, arith::MaximumFOp::create(b, loc, v, f32(-448)), f32(448));
  Value a = math::AbsFOp::create(b, loc, clamped);
  Value bits = arith::BitcastOp::create(b, loc, i32, clamped);
  Value sign = arith::AndIOp::create(
      b, loc, arith::ShRUIOp::create(b, loc, bits, c(24)), c(0x80));
  // Below 2^-6 the code is the mantissa count of 2^-9 steps (a code of 8
  // is exactly the smallest normal).
  Value steps = math::RoundEvenOp::create(b, loc, mul(a, f32(512)));
  Value subnormal = arith::FPToUIOp::create(b, loc, i32, steps);
  // Normal: round the f32 mantissa to 3 bits, nearest even, then rebias.
  Value aBits = arith::BitcastOp::create(b, loc, i32, a);
  Value lsb = arith::AndIOp::create(
      b, loc, arith::ShRUIOp::create(b, loc, aBits, c(20)), c(1));
  Value rounded = add(aBits, add(c(0x7FFFF), lsb));
  Value exponent =
      sub(arith::ShRUIOp::create(b, loc, rounded, c(23)), c(120));
  Value mantissa = arith::AndIOp::create(
      b, loc, arith::ShRUIOp::create(b, loc, rounded, c(20)), c(7));
  Value normal = arith::OrIOp::create(
      b, loc, arith::ShLIOp::create(b, loc, exponent, c(3)), mantissa);
  Value code = select(cmpf(arith::CmpFPredicate::OLT, a, f32(std::ldexp(1.0, -6))),
                      subnormal, normal);
  code = arith::OrIOp::create(b, loc, code, sign);
  Value isNaN = cmpf(arith::CmpFPredicate::UNO, v, v);
  code = select(isNaN, c(0x7F), code);
  Value byte = arith::TruncIOp::create(b, loc, b.getI8Type(), code);
  return arith::BitcastOp::create(b, loc, b.getType<Float8E4M3FNType>(), byte);
}

Value Emitter::loadF32(Value mem, ValueRange indices) {
  Value v = memref::LoadOp::create(b, loc, mem, indices);
  if (v.getType().isF32())
    return v;
  if (isa<Float8E4M3FNType>(v.getType()))
    return decodeF8E4M3FN(v);
  return arith::ExtFOp::create(b, loc, b.getF32Type(), v);
}

Value Emitter::loadIndex(Value mem, ValueRange indices) {
  return toIndex(memref::LoadOp::create(b, loc, mem, indices));
}

Value Emitter::fromF32(Value v, Type elt) {
  if (elt == v.getType())
    return v;
  if (isa<Float8E4M3FNType>(elt))
    return encodeF8E4M3FN(v);
  return arith::TruncFOp::create(b, loc, elt, v);
}

void Emitter::storeF32(Value v, Value mem, ValueRange indices) {
  Type elt = cast<MemRefType>(mem.getType()).getElementType();
  memref::StoreOp::create(b, loc, fromF32(v, elt), mem, indices);
}

Value Emitter::dim(Value mem, int64_t i) {
  if (isa<MemRefType>(mem.getType()))
    return memref::DimOp::create(b, loc, mem, i);
  return tensor::DimOp::create(b, loc, mem, i);
}

void Emitter::loop(Value lb, Value ub, function_ref<void(Value)> body) {
  scf::ForOp::create(b, loc, lb, ub, idx(1), ValueRange{},
                     [&](OpBuilder &nb, Location, Value iv, ValueRange) {
                       OpBuilder::InsertionGuard g(b);
                       b.setInsertionPointToStart(nb.getInsertionBlock());
                       body(iv);
                       scf::YieldOp::create(b, loc);
                     });
}

void Emitter::loopNest(ArrayRef<Value> ubs,
                       function_ref<void(ValueRange)> body) {
  SmallVector<Value> ivs;
  std::function<void(size_t)> nest = [&](size_t depth) {
    if (depth == ubs.size())
      return body(ivs);
    loop(idx(0), ubs[depth], [&](Value iv) {
      ivs.push_back(iv);
      nest(depth + 1);
      ivs.pop_back();
    });
  };
  nest(0);
}

Value Emitter::reduce(Value lb, Value ub, Value init,
                      function_ref<Value(Value, Value)> body) {
  return reduce(lb, ub, ValueRange{init},
                [&](Value iv, ValueRange args) -> SmallVector<Value> {
                  return {body(iv, args.front())};
                })
      .front();
}

SmallVector<Value>
Emitter::reduce(Value lb, Value ub, ValueRange inits,
                function_ref<SmallVector<Value>(Value, ValueRange)> body) {
  auto forOp = scf::ForOp::create(
      b, loc, lb, ub, idx(1), inits,
      [&](OpBuilder &nb, Location, Value iv, ValueRange args) {
        OpBuilder::InsertionGuard g(b);
        b.setInsertionPointToStart(nb.getInsertionBlock());
        scf::YieldOp::create(b, loc, body(iv, args));
      });
  return SmallVector<Value>(forOp.getResults());
}

Value Emitter::ifElse(Value cond, Type type, function_ref<Value()> thenFn,
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

void Emitter::ifThen(Value cond, function_ref<void()> thenFn) {
  // The then block gets its yield explicitly: the IfOp builder adds none
  // when called through some rewriters.
  scf::IfOp::create(b, loc, cond, [&](OpBuilder &nb, Location) {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(nb.getInsertionBlock());
    thenFn();
    scf::YieldOp::create(b, loc);
  });
}

Value mlir::attn::loops::toBuffer(OpBuilder &b, Location loc, Value tensor) {
  if (!tensor)
    return {};
  auto t = cast<RankedTensorType>(tensor.getType());
  auto type = MemRefType::get(t.getShape(), t.getElementType());
  return bufferization::ToBufferOp::create(b, loc, type, tensor,
                                           /*read_only=*/true);
}

Value mlir::attn::loops::allocResult(OpBuilder &b, Location loc, Value result,
                                     ArrayRef<Value> sizes) {
  auto t = cast<RankedTensorType>(result.getType());
  auto type = MemRefType::get(t.getShape(), t.getElementType());
  SmallVector<Value> dyn;
  for (auto [i, d] : llvm::enumerate(t.getShape()))
    if (ShapedType::isDynamic(d))
      dyn.push_back(sizes[i]);
  return memref::AllocOp::create(b, loc, type, dyn);
}

Value mlir::attn::loops::toTensor(OpBuilder &b, Location loc, Value result,
                                  Value buffer) {
  return bufferization::ToTensorOp::create(b, loc, result.getType(), buffer,
                                           /*restrict=*/true,
                                           /*writable=*/true);
}

Value mlir::attn::loops::loadScale(Emitter &e, Value scale, Value head) {
  if (!scale)
    return {};
  auto type = cast<MemRefType>(scale.getType());
  if (type.getRank() == 0)
    return e.loadF32(scale, {});
  if (type.getDimSize(0) == 1)
    return e.loadF32(scale, e.idx(0));
  return e.loadF32(scale, head);
}

Value mlir::attn::loops::applyRope(Emitter &e, RopeAttr rope, Value pos,
                                   Value d, function_ref<Value(Value)> load) {
  int64_t rotary = rope.getDim(), half = rotary / 2;
  return e.ifElse(
      e.lt(d, e.idx(rotary)), e.b.getF32Type(),
      [&] {
        // Channel d pairs with `partner`; both rotate by pos * freq(m).
        Value partner, m, first;
        if (rope.getStyle() == RopeStyle::neox) {
          first = e.lt(d, e.idx(half));
          partner = e.select(first, e.add(d, e.idx(half)),
                             e.sub(d, e.idx(half)));
          m = e.select(first, d, e.sub(d, e.idx(half)));
        } else {
          first = e.cmpi(arith::CmpIPredicate::eq, e.rem(d, e.idx(2)),
                         e.idx(0));
          partner = e.select(first, e.add(d, e.idx(1)), e.sub(d, e.idx(1)));
          m = e.div(d, e.idx(2));
        }
        // freq = theta^(-2m / dim) = exp(-2m / dim * ln theta).
        Value exponent = e.mul(e.indexToF32(m),
                               e.f32(-2.0 * std::log(rope.getThetaValue()) /
                                     static_cast<double>(rotary)));
        Value angle = e.mul(e.indexToF32(pos), e.exp(exponent));
        Value cos = math::CosOp::create(e.b, e.loc, angle);
        Value sin = math::SinOp::create(e.b, e.loc, angle);
        Value sign = e.select(first, e.f32(-1), e.f32(1));
        return e.add(e.mul(load(d), cos), e.mul(sign, e.mul(load(partner), sin)));
      },
      [&] { return load(d); });
}

Value mlir::attn::loops::dotProduct(Emitter &e, int64_t dim,
                                    function_ref<Value(Value)> lhs,
                                    function_ref<Value(Value)> rhs) {
  return e.reduce(e.idx(0), e.idx(dim), e.f32(0), [&](Value d, Value sum) {
    return e.add(sum, e.mul(lhs(d), rhs(d)));
  });
}
