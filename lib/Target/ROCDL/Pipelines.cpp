//===- Pipelines.cpp - attn-to-rocdl --------------------------------------===//

#include "attn/Target/ROCDL/Pipelines.h"
#include "attn/Target/ROCDL/MfmaTarget.h"

#include "attn/Conversion/Passes.h"

#include "attn/Target/GPU/Pipelines.h"
#include "attn/Target/CPU/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/GPU/Transforms/Passes.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
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
  // Kernels on the matrix cores (MFMA) where they fit.
  registerROCDLMatrixTarget();
  addGPUKernelPasses(pm, "amd", options.kernelOptions());
  pm.addPass(createGpuLaunchSinkIndexComputationsPass());
  pm.addPass(createGpuKernelOutliningPass());
  pm.addNestedPass<func::FuncOp>(createGpuAsyncRegionPass());
  pm.addNestedPass<gpu::GPUModuleOp>(createAttnGpuHoistAllocas());
  GpuROCDLAttachTargetOptions target;
  target.chip = options.chip;
  pm.addPass(createGpuROCDLAttachTarget(target));
  // Views (the simple path's tile slices) become explicit address
  // arithmetic, as upstream's NVVM pipeline does before its device pass.
  pm.addPass(createSCFToControlFlowPass());
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  // Device side: MFMA and the other amdgpu ops, then gpu/arith/math/memref
  // /vector to ROCDL and LLVM.
  OpPassManager &device = pm.nest<gpu::GPUModuleOp>();
  // tanh (softcap) in terms of exp, which lowers to an LLVM intrinsic: the
  // device library's __ocml_tanh_f32 would need ROCm's bitcode, which
  // Debian's packages do not provide for LLVM 22.
  math::MathExpandOpsPassOptions expand;
  expand.opMnemonics = {"tanh"};
  device.addPass(math::createMathExpandOpsPass(expand));
  ConvertAMDGPUToROCDLPassOptions amdgpu;
  amdgpu.chipset = options.chip;
  device.addPass(createConvertAMDGPUToROCDLPass(amdgpu));
  ConvertGpuOpsToROCDLOpsOptions rocdl;
  rocdl.chipset = options.chip;
  device.addPass(createConvertGpuOpsToROCDLOps(rocdl));
  device.addPass(createCanonicalizerPass());
  device.addPass(createCSEPass());
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
