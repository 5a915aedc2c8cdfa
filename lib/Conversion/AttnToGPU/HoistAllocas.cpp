//===- HoistAllocas.cpp - attn-gpu-hoist-allocas --------------------------===//
//
// Static-shape memref.alloca ops of GPU kernels move to the entry block, so
// that they lower to static LLVM allocas (the AMDGPU backend selects no
// dynamic stack allocation).
//
//===----------------------------------------------------------------------===//

#include "attn/Conversion/Passes.h"

#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"

namespace mlir::attn {
#define GEN_PASS_DEF_ATTNGPUHOISTALLOCAS
#include "attn/Conversion/Passes.h.inc"
} // namespace mlir::attn

using namespace mlir;

namespace {
struct GpuHoistAllocasPass
    : attn::impl::AttnGpuHoistAllocasBase<GpuHoistAllocasPass> {
  void runOnOperation() override {
    getOperation().walk([&](gpu::GPUFuncOp func) {
      if (func.getBody().empty())
        return;
      Block &entry = func.getBody().front();
      SmallVector<memref::AllocaOp> allocas;
      func.walk([&](memref::AllocaOp alloca) {
        if (alloca->getBlock() != &entry && alloca.getOperands().empty())
          allocas.push_back(alloca);
      });
      for (memref::AllocaOp alloca : allocas) {
        alloca->moveBefore(&entry, entry.begin());
        ++numHoisted;
      }
      // Allocas without a memory space become private ones, cast back to
      // the type their users expect (LLVM's stack is the private address
      // space on AMDGPU; address-space inference turns the flat accesses
      // back into private ones).
      SmallVector<memref::AllocaOp> generic;
      func.walk([&](memref::AllocaOp alloca) {
        if (!alloca.getType().getMemorySpace())
          generic.push_back(alloca);
      });
      auto priv = gpu::AddressSpaceAttr::get(&getContext(),
                                             gpu::AddressSpace::Private);
      for (memref::AllocaOp alloca : generic) {
        MemRefType type = alloca.getType();
        OpBuilder b(alloca);
        auto privType = MemRefType::get(type.getShape(),
                                        type.getElementType(),
                                        type.getLayout(), priv);
        auto stack = memref::AllocaOp::create(
            b, alloca.getLoc(), privType, alloca.getDynamicSizes(),
            alloca.getSymbolOperands(), alloca.getAlignmentAttr());
        auto cast = memref::MemorySpaceCastOp::create(b, alloca.getLoc(), type,
                                                      stack);
        alloca.replaceAllUsesWith(cast.getResult());
        alloca.erase();
      }
    });
  }
};
} // namespace
