//===- Pipelines.h - The AMD target's pipelines -----------------*- C++ -*-===//
//
// attn-to-rocdl: kernel functions whose GPU work is expressed with the gpu
// dialect become a host shared object for the runtime's packed-memref ABI,
// with the device code compiled to an HSA code object (HSACO, linked by
// ld.lld) embedded in it. The runtime's HIP backend provides the mgpu*
// functions the host code calls.
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_TARGET_ROCDL_PIPELINES_H
#define ATTN_TARGET_ROCDL_PIPELINES_H

#include "attn/Target/GPU/Pipelines.h"

#include <string>

namespace mlir {
class OpPassManager;

namespace attn {

struct AttnToROCDLOptions : public GPUPipelineOptions<AttnToROCDLOptions> {
  PassOptions::Option<std::string> chip{
      *this, "chip", llvm::cl::desc("GPU architecture: gfx90a, gfx942, gfx950"),
      llvm::cl::init("gfx942")};
  PassOptions::Option<std::string> format{
      *this, "format",
      llvm::cl::desc("what is embedded: bin (an HSA code object, linked by "
                     "ld.lld from `toolkit`) or isa (assembly, for reading)"),
      llvm::cl::init("bin")};
  PassOptions::Option<std::string> toolkit{
      *this, "toolkit",
      llvm::cl::desc("a directory holding llvm/bin/ld.lld, which links the "
                     "code object"),
      llvm::cl::init("")};
};

void buildAttnToROCDLPipeline(OpPassManager &pm,
                              const AttnToROCDLOptions &options);

void registerAttnROCDLPipelines();

/// The path of LLVM 22's ld.lld (/usr/lib/llvm-22/bin/ld.lld, else
/// ld.lld-22 on PATH), or "".
std::string findLld();

} // namespace attn
} // namespace mlir

#endif // ATTN_TARGET_ROCDL_PIPELINES_H
