//===- Pipelines.cpp - attn-to-rocdl --------------------------------------===//

#include "attn/Target/ROCDL/Pipelines.h"

#include "attn/Target/GPU/Pipelines.h"
#include "attn/Target/CPU/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/GPU/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Program.h"

using namespace mlir;

std::string mlir::attn::findLld() {
  // The LLVM 22 one: an older ld.lld (Debian's plain `ld.lld` may be
  // lld-14) does not know the code object versions LLVM 22 emits.
  const char *llvm22 = "/usr/lib/llvm-22/bin/ld.lld";
  if (llvm::sys::fs::can_execute(llvm22))
    return llvm22;
  if (llvm::ErrorOr<std::string> path = llvm::sys::findProgramByName("ld.lld-22"))
    return *path;
  return "";
}

void mlir::attn::buildAttnToROCDLPipeline(OpPassManager &pm,
                                          const AttnToROCDLOptions &options) {
  // attn ops to kernels and host code (shared with the other GPU target).
  // No AMD matrix target yet: every kernel takes the simple path.
  addGPUKernelPasses(pm, /*matrixTarget=*/"", options.kernelOptions());
  pm.addPass(createGpuLaunchSinkIndexComputationsPass());
  pm.addPass(createGpuKernelOutliningPass());
  pm.addNestedPass<func::FuncOp>(createGpuAsyncRegionPass());
  GpuROCDLAttachTargetOptions target;
  target.chip = options.chip;
  pm.addPass(createGpuROCDLAttachTarget(target));
  // Device side.
  OpPassManager &device = pm.nest<gpu::GPUModuleOp>();
  device.addPass(createSCFToControlFlowPass());
  ConvertGpuOpsToROCDLOpsOptions rocdl;
  rocdl.chipset = options.chip;
  device.addPass(createConvertGpuOpsToROCDLOps(rocdl));
  device.addPass(createReconcileUnrealizedCastsPass());
  // Host side to LLVM, then the code object.
  pm.addPass(createGpuToLLVMConversionPass());
  GpuModuleToBinaryPassOptions binary;
  binary.compilationTarget = options.format;
  binary.toolkitPath = options.toolkit;
  pm.addPass(createGpuModuleToBinaryPass(binary));
  pm.addPass(createConvertToLLVMPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  pm.addPass(createAttnCPUPackedEntry());
}

void mlir::attn::registerAttnROCDLPipelines() {
  PassPipelineRegistration<AttnToROCDLOptions>(
      "attn-to-rocdl",
      "Lower kernel functions with gpu.launch to a host object for the "
      "runtime's packed-memref ABI with an embedded HSA code object",
      buildAttnToROCDLPipeline);
}
