//===- Pipelines.cpp - attn-to-nvvm ---------------------------------------===//

#include "attn/Target/NVVM/Pipelines.h"
#include "attn/Target/NVVM/MmaSyncTarget.h"

#include "attn/Target/GPU/Pipelines.h"
#include "attn/Target/CPU/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/Pipelines/Passes.h"
#include "mlir/Dialect/GPU/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include <cstdlib>

using namespace mlir;

std::string mlir::attn::findPtxas() {
  if (llvm::ErrorOr<std::string> path = llvm::sys::findProgramByName("ptxas"))
    return *path;
  const char *fallback = "/usr/local/cuda/bin/ptxas";
  if (llvm::sys::fs::can_execute(fallback))
    return fallback;
  return "";
}

/// The CUDA toolkit that holds libdevice: ptxas's own toolkit (ptxas may be
/// a wrapper script or link elsewhere, e.g. /usr/local/bin/ptxas), else
/// /usr/local/cuda. Empty when none has libdevice.
static std::string findCudaRoot(llvm::StringRef ptxas) {
  llvm::SmallVector<std::string> candidates;
  if (!ptxas.empty()) {
    llvm::SmallString<128> real;
    if (!llvm::sys::fs::real_path(ptxas, real))
      candidates.push_back(llvm::sys::path::parent_path(
                               llvm::sys::path::parent_path(real))
                               .str());
  }
  candidates.push_back("/usr/local/cuda");
  for (const std::string &root : candidates) {
    llvm::SmallString<128> libdevice(root);
    llvm::sys::path::append(libdevice, "nvvm", "libdevice",
                            "libdevice.10.bc");
    if (llvm::sys::fs::exists(libdevice))
      return root;
  }
  return "";
}

void mlir::attn::buildAttnToNVVMPipeline(OpPassManager &pm,
                                         const AttnToNVVMOptions &options) {
  // MLIR's NVVM serializer finds libdevice (__nv_expf, ...) through
  // $CUDA_HOME (or CUDA_PATH, CUDA_ROOT); point it at a toolkit that has
  // libdevice when none is set.
  if (!getenv("CUDA_HOME") && !getenv("CUDA_PATH") && !getenv("CUDA_ROOT")) {
    std::string root = findCudaRoot(findPtxas());
    if (!root.empty())
      setenv("CUDA_HOME", root.c_str(), /*overwrite=*/0);
  }
  // attn ops to kernels and host code (shared with the other GPU target).
  // Kernels on the tensor cores where they fit.
  registerNVVMMatrixTarget();
  addGPUKernelPasses(pm, "nvidia", options.kernelOptions());
  // Device side: kernels outlined into gpu.module, launches and scratch
  // allocations made stream-ordered, then the upstream NVVM pipeline
  // (convert-gpu-to-nvvm, gpu-module-to-binary, gpu-to-llvm for the host).
  pm.addPass(createGpuLaunchSinkIndexComputationsPass());
  pm.addPass(createGpuKernelOutliningPass());
  pm.addNestedPass<func::FuncOp>(createGpuAsyncRegionPass());
  gpu::GPUToNVVMPipelineOptions nvvm;
  nvvm.cubinChip = options.chip;
  nvvm.cubinFeatures = options.features;
  nvvm.cubinFormat = options.format;
  gpu::buildLowerToNVVMPassPipeline(pm, nvvm);
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  pm.addPass(createAttnCPUPackedEntry());
}

void mlir::attn::registerAttnNVVMPipelines() {
  PassPipelineRegistration<AttnToNVVMOptions>(
      "attn-to-nvvm",
      "Lower kernel functions with gpu.launch to a host object for the "
      "runtime's packed-memref ABI with an embedded cubin (or PTX)",
      buildAttnToNVVMPipeline);
}
