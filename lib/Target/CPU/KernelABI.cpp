//===- KernelABI.cpp - attn-cpu-kernel-abi --------------------------------===//
//
// Bufferized kernels return their results; the runtime passes every buffer
// as an argument. This pass drops results that are in-place updates of an
// argument and records the names of the others, which
// `buffer-results-to-out-params` then turns into trailing arguments.
//
//===----------------------------------------------------------------------===//

#include "attn/Target/CPU/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"

namespace mlir::attn {
#define GEN_PASS_DEF_ATTNCPUKERNELABI
#include "attn/Target/CPU/Passes.h.inc"
} // namespace mlir::attn

using namespace mlir;

namespace {

/// The block argument every `func.return` of `func` returns as result
/// `index`, or null.
static BlockArgument tiedArgument(func::FuncOp func, unsigned index) {
  BlockArgument tied;
  WalkResult walk = func.walk([&](func::ReturnOp ret) {
    auto arg = dyn_cast<BlockArgument>(ret.getOperand(index));
    if (!arg || arg.getOwner() != &func.getBody().front() ||
        (tied && tied != arg))
      return WalkResult::interrupt();
    tied = arg;
    return WalkResult::advance();
  });
  return walk.wasInterrupted() ? BlockArgument() : tied;
}

struct AttnCPUKernelABIPass
    : attn::impl::AttnCPUKernelABIBase<AttnCPUKernelABIPass> {
  void runOnOperation() override {
    for (auto func : getOperation().getOps<func::FuncOp>())
      if (func.isPublic() && !func.isExternal())
        if (failed(prepare(func)))
          return signalPassFailure();
  }

  LogicalResult prepare(func::FuncOp func) {
    Builder b(func.getContext());
    SmallVector<Attribute> names;
    llvm::BitVector dropped(func.getNumResults());
    for (unsigned r = 0, e = func.getNumResults(); r < e; ++r) {
      if (!isa<BaseMemRefType>(func.getResultTypes()[r]))
        return func.emitError("result #")
               << r << " is not a buffer after bufferization: "
               << func.getResultTypes()[r];
      if (BlockArgument arg = tiedArgument(func, r)) {
        func.setArgAttr(arg.getArgNumber(), "attn.access",
                        b.getStringAttr("readwrite"));
        dropped.set(r);
        continue;
      }
      auto name = func.getResultAttrOfType<StringAttr>(r, "attn.name");
      names.push_back(name ? name
                           : b.getStringAttr("result" + std::to_string(r)));
    }
    // Drop the tied results from every return, then from the signature.
    func.walk([&](func::ReturnOp ret) {
      SmallVector<Value> kept;
      for (auto [r, v] : llvm::enumerate(ret.getOperands()))
        if (!dropped.test(r))
          kept.push_back(v);
      ret->setOperands(kept);
    });
    if (failed(func.eraseResults(dropped)))
      return failure();
    func->setAttr("attn.result_names", b.getArrayAttr(names));
    func->setAttr("llvm.emit_c_interface", b.getUnitAttr());
    return success();
  }
};

} // namespace
