//===- PackedEntry.cpp - attn-cpu-packed-entry ----------------------------===//
//
// One C signature for every kernel: `void NAME_attn_entry(void **args)`, so
// the runtime can call a kernel of any arity without libffi.
//
//===----------------------------------------------------------------------===//

#include "attn/Target/CPU/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"

namespace mlir::attn {
#define GEN_PASS_DEF_ATTNCPUPACKEDENTRY
#include "attn/Target/CPU/Passes.h.inc"
} // namespace mlir::attn

using namespace mlir;

namespace {

constexpr llvm::StringLiteral kCInterfacePrefix = "_mlir_ciface_";

struct AttnCPUPackedEntryPass
    : attn::impl::AttnCPUPackedEntryBase<AttnCPUPackedEntryPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<LLVM::LLVMFuncOp> wrappers;
    for (auto fn : module.getOps<LLVM::LLVMFuncOp>())
      if (fn.getName().starts_with(kCInterfacePrefix) && !fn.isExternal())
        wrappers.push_back(fn);
    for (LLVM::LLVMFuncOp wrapper : wrappers)
      if (failed(addEntry(module, wrapper)))
        return signalPassFailure();
  }

  LogicalResult addEntry(ModuleOp module, LLVM::LLVMFuncOp wrapper) {
    MLIRContext *ctx = module.getContext();
    std::string name =
        (wrapper.getName().drop_front(kCInterfacePrefix.size()) + "_attn_entry")
            .str();
    if (module.lookupSymbol(name))
      return wrapper.emitError("cannot add the kernel entry '")
             << name << "': the symbol exists";
    LLVM::LLVMFunctionType wrapperType = wrapper.getFunctionType();
    if (!isa<LLVM::LLVMVoidType>(wrapperType.getReturnType()))
      return wrapper.emitError("kernel '")
             << wrapper.getName()
             << "' returns a value; run attn-cpu-kernel-abi and "
                "buffer-results-to-out-params first";

    OpBuilder b(ctx);
    b.setInsertionPointAfter(wrapper);
    Location loc = wrapper.getLoc();
    auto ptrType = LLVM::LLVMPointerType::get(ctx);
    auto entry = LLVM::LLVMFuncOp::create(
        b, loc, name,
        LLVM::LLVMFunctionType::get(LLVM::LLVMVoidType::get(ctx), {ptrType}));
    Block *body = entry.addEntryBlock(b);
    b.setInsertionPointToStart(body);
    Value args = body->getArgument(0);
    SmallVector<Value> operands;
    for (auto [i, type] : llvm::enumerate(wrapperType.getParams())) {
      // args[i] points to a descriptor (passed by pointer) or a scalar.
      Value slot = LLVM::GEPOp::create(b, loc, ptrType, ptrType, args,
                                       ArrayRef<LLVM::GEPArg>{(int32_t)i});
      Value storage = LLVM::LoadOp::create(b, loc, ptrType, slot);
      if (isa<LLVM::LLVMPointerType>(type))
        operands.push_back(storage);
      else
        operands.push_back(LLVM::LoadOp::create(b, loc, type, storage));
    }
    LLVM::CallOp::create(b, loc, wrapper, operands);
    LLVM::ReturnOp::create(b, loc, ValueRange{});
    return success();
  }
};

} // namespace
