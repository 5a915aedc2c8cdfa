//===- Pipelines.h - The NVIDIA target's pipelines --------------*- C++ -*-===//
//
// attn-to-nvvm: kernel functions whose GPU work is expressed with the gpu
// dialect (gpu.launch, gpu.alloc) become a host shared object for the
// runtime's packed-memref ABI, with the device code compiled to a cubin
// (or PTX) embedded in it. The runtime's CUDA backend provides the mgpu*
// functions the host code calls (docs/package-format.md).
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_TARGET_NVVM_PIPELINES_H
#define ATTN_TARGET_NVVM_PIPELINES_H

#include "attn/Target/GPU/Pipelines.h"

#include <string>

namespace mlir {
class OpPassManager;

namespace attn {

struct AttnToNVVMOptions : public GPUPipelineOptions<AttnToNVVMOptions> {
  PassOptions::Option<std::string> chip{
      *this, "chip",
      llvm::cl::desc("GPU architecture: sm_80, sm_90 or sm_90a"),
      llvm::cl::init("sm_90a")};
  PassOptions::Option<std::string> features{
      *this, "features", llvm::cl::desc("PTX features (e.g. +ptx80)"),
      llvm::cl::init("+ptx80")};
  PassOptions::Option<std::string> format{
      *this, "format",
      llvm::cl::desc("what is embedded: bin (a cubin, needs ptxas) or isa "
                     "(PTX, compiled by the driver when loaded)"),
      llvm::cl::init("bin")};
};

/// The attn-to-nvvm pipeline.
void buildAttnToNVVMPipeline(OpPassManager &pm,
                             const AttnToNVVMOptions &options);

/// Registers attn-to-nvvm.
void registerAttnNVVMPipelines();

/// The path of ptxas (on PATH, else /usr/local/cuda/bin/ptxas), or "" when
/// there is none: then only PTX can be embedded.
std::string findPtxas();

} // namespace attn
} // namespace mlir

#endif // ATTN_TARGET_NVVM_PIPELINES_H
