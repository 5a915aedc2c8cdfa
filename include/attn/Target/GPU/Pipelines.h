//===- Pipelines.h - What every GPU target's pipeline shares ----*- C++ -*-===//
//
// attn ops to bufferized host code with gpu.launch kernels: the part of
// attn-to-nvvm and attn-to-rocdl before the vendor's device lowering.
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_TARGET_GPU_PIPELINES_H
#define ATTN_TARGET_GPU_PIPELINES_H

#include "llvm/ADT/StringRef.h"

namespace mlir {
class OpPassManager;

namespace attn {

/// merge_states through convert-attn-to-gpu; the attention ops through the
/// tiled form (fuse-rope, expand-functors, attn-tile, skip-masked-blocks,
/// page-kv, split-kv, inline-functors); kernels on the matrix units of
/// `matrixTarget` (convert-attn-tile-to-gpu, tiles sized for it by
/// attn-tile) where they fit, the others and every kernel when
/// `matrixTarget` is empty through convert-attn-tile-to-linalg{gpu}; then
/// bufferization with the host kernel ABI, tiles on the simple kernels'
/// stacks, scratch on the device (attn-gpu-scratch) and linalg to loops.
void addGPUKernelPasses(OpPassManager &pm, llvm::StringRef matrixTarget);

} // namespace attn
} // namespace mlir

#endif // ATTN_TARGET_GPU_PIPELINES_H
