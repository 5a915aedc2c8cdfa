//===- Passes.h - CPU target passes and pipelines ---------------*- C++ -*-===//

#ifndef ATTN_TARGET_CPU_PASSES_H
#define ATTN_TARGET_CPU_PASSES_H

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassOptions.h"

namespace mlir {
class OpPassManager;

namespace attn {

#define GEN_PASS_DECL
#define GEN_PASS_REGISTRATION
#include "attn/Target/CPU/Passes.h.inc"

/// One-shot bufferization of kernel functions, the runtime's kernel ABI
/// (attn-cpu-kernel-abi, results as out-parameters) and, with `deallocate`,
/// the buffer-deallocation pipeline. The host side of every target's
/// package uses this ABI, so GPU pipelines run these passes too (without
/// deallocation: their scratch is gpu.alloc'ed and gpu.dealloc'ed).
void addHostBufferizationPasses(OpPassManager &pm, bool deallocate = true);

/// Options shared by the CPU pipelines.
struct CPUPipelineOptions {
  /// Check every memref access of the lowered kernels at run time
  /// (`generate-runtime-verification`): an out-of-bounds read aborts with
  /// its location. For tests; slow.
  bool verifyBounds = false;
};

/// The reference CPU pipeline, `attn-to-cpu-reference`: attn ops (tensors)
/// through `convert-attn-to-loops`, bufferization and the kernel ABI to the
/// LLVM dialect, with a `NAME_attn_entry` per public function.
void buildAttnToCPUReferencePipeline(OpPassManager &pm,
                                     const CPUPipelineOptions &options = {});

/// The CPU pipeline, `attn-to-cpu`: softmax attention ops through the tiled
/// form (attn-expand-functors, attn-tile, attn-inline-functors,
/// convert-attn-tile-to-linalg), the other ops through the loop lowering,
/// then as the reference pipeline from bufferization on.
void buildAttnToCPUPipeline(OpPassManager &pm,
                            const CPUPipelineOptions &options = {});

/// Registers the `attn-to-cpu` and `attn-to-cpu-reference` pipelines.
void registerAttnCPUPipelines();

} // namespace attn
} // namespace mlir

#endif // ATTN_TARGET_CPU_PASSES_H
