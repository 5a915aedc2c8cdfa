//===- Pipelines.h - What every GPU target's pipeline shares ----*- C++ -*-===//
//
// attn ops to bufferized host code with gpu.launch kernels: the part of
// attn-to-nvvm and attn-to-rocdl before the vendor's device lowering.
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_TARGET_GPU_PIPELINES_H
#define ATTN_TARGET_GPU_PIPELINES_H

namespace mlir {
class OpPassManager;

namespace attn {

/// merge_states through convert-attn-to-gpu; the attention ops through the
/// tiled form (fuse-rope, expand-functors, attn-tile{target=simt},
/// skip-masked-blocks, page-kv, split-kv, inline-functors) and
/// convert-attn-tile-to-linalg{gpu}; then bufferization with the host
/// kernel ABI, tiles on the kernels' stacks, scratch on the device
/// (attn-gpu-scratch) and linalg to loops.
void addGPUKernelPasses(OpPassManager &pm);

} // namespace attn
} // namespace mlir

#endif // ATTN_TARGET_GPU_PIPELINES_H
