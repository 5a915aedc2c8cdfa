//===- Pipelines.h - What every GPU target's pipeline shares ----*- C++ -*-===//
//
// attn ops to bufferized host code with gpu.launch kernels: the part of
// attn-to-nvvm and attn-to-rocdl before the vendor's device lowering.
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_TARGET_GPU_PIPELINES_H
#define ATTN_TARGET_GPU_PIPELINES_H

#include "mlir/Pass/PassOptions.h"
#include "llvm/ADT/StringRef.h"

namespace mlir {
class OpPassManager;

namespace attn {

/// The kernel configuration every GPU pipeline takes (0: the target's
/// default, or chosen at run time).
struct GPUKernelOptions {
  /// attn-tile's block-m and block-n.
  int64_t blockM = 0, blockN = 0;
  /// attn-split-kv's splits and parallelism.
  int64_t kvSplits = 0, kvParallelism = 264;
};

/// The options of GPUKernelOptions as pipeline options, shared by
/// attn-to-nvvm and attn-to-rocdl.
template <typename Derived>
struct GPUPipelineOptions : public PassPipelineOptions<Derived> {
  ::mlir::detail::PassOptions::Option<int64_t> blockM{
      *this, "block-m",
      llvm::cl::desc("Query rows of a tile (attn-tile's block-m; 0: the "
                     "target's default)"),
      llvm::cl::init(0)};
  ::mlir::detail::PassOptions::Option<int64_t> blockN{
      *this, "block-n",
      llvm::cl::desc("Keys of a KV tile (attn-tile's block-n; 0: the "
                     "target's default)"),
      llvm::cl::init(0)};
  ::mlir::detail::PassOptions::Option<int64_t> kvSplits{
      *this, "kv-splits",
      llvm::cl::desc("KV splits of every kernel (attn-split-kv's splits; 0: "
                     "chosen at run time)"),
      llvm::cl::init(0)};
  ::mlir::detail::PassOptions::Option<int64_t> kvParallelism{
      *this, "kv-parallelism",
      llvm::cl::desc("Work items that run-time split counts aim for "
                     "(attn-split-kv's parallelism)"),
      llvm::cl::init(264)};

  GPUKernelOptions kernelOptions() const {
    return {blockM, blockN, kvSplits, kvParallelism};
  }
  void setKernelOptions(const GPUKernelOptions &o) {
    blockM = o.blockM;
    blockN = o.blockN;
    kvSplits = o.kvSplits;
    kvParallelism = o.kvParallelism;
  }
};

/// merge_states through convert-attn-to-gpu; the attention ops through the
/// tiled form (fuse-rope, expand-functors, attn-tile, skip-masked-blocks,
/// page-kv, split-kv, inline-functors); kernels on the matrix units of
/// `matrixTarget` (convert-attn-tile-to-gpu, tiles sized for it by
/// attn-tile) where they fit, the others and every kernel when
/// `matrixTarget` is empty through convert-attn-tile-to-linalg{gpu}; then
/// bufferization with the host kernel ABI, tiles on the simple kernels'
/// stacks, scratch on the device (attn-gpu-scratch) and linalg to loops.
void addGPUKernelPasses(OpPassManager &pm, llvm::StringRef matrixTarget,
                        const GPUKernelOptions &options);

} // namespace attn
} // namespace mlir

#endif // ATTN_TARGET_GPU_PIPELINES_H
