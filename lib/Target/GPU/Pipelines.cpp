//===- Pipelines.cpp - What every GPU target's pipeline shares ------------===//

#include "attn/Target/GPU/Pipelines.h"

#include "attn/Conversion/Passes.h"
#include "attn/Dialect/Attn/Transforms/Passes.h"
#include "attn/Dialect/AttnTile/Transforms/Passes.h"
#include "attn/Target/CPU/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/GPU/Transforms/Passes.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

void mlir::attn::addGPUKernelPasses(OpPassManager &pm,
                                     StringRef matrixTarget,
                                     const GPUKernelOptions &options) {
  pm.addPass(createConvertAttnToGPU());
  pm.addNestedPass<func::FuncOp>(createAttnSplitFusedQKV());
  pm.addPass(createAttnFuseRope());
  pm.addPass(createAttnHstuToPrefill());
  pm.addPass(createAttnExpandFunctors());
  AttnTileOptions tile;
  tile.target = matrixTarget.empty() ? "simt" : matrixTarget.str();
  tile.blockM = options.blockM;
  tile.blockN = options.blockN;
  pm.addPass(createAttnTile(tile));
  pm.addPass(tile::createAttnSkipMaskedBlocks());
  pm.addPass(tile::createAttnPageKV());
  tile::AttnSplitKVOptions split;
  split.splits = options.kvSplits;
  split.parallelism = options.kvParallelism;
  pm.addPass(tile::createAttnSplitKV(split));
  pm.addPass(tile::createAttnInlineFunctors());
  if (!matrixTarget.empty()) {
    ConvertAttnTileToGPUOptions matrix;
    matrix.target = matrixTarget.str();
    pm.addPass(createConvertAttnTileToGPU(matrix));
  }
  ConvertAttnTileToLinalgOptions toLinalg;
  toLinalg.gpu = true;
  pm.addPass(createConvertAttnTileToLinalg(toLinalg));
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  // Host buffers (split-KV workspaces) become device allocations, freed
  // before the function returns, so that only kernels' buffers go to the
  // stack: a simple kernel's tiles live on its thread's stack, allocated
  // once. (The softmax state the KV loop carries is updated in place, so
  // kernels allocate nothing else. The ownership-based deallocation
  // pipeline is not used: it refuses the matrix kernels' copy and barrier
  // ops, whose memory effects are unknown to it.)
  addHostBufferizationPasses(pm, /*deallocate=*/false);
  pm.addPass(createAttnGpuScratch());
  pm.addNestedPass<func::FuncOp>(bufferization::createBufferLoopHoistingPass());
  bufferization::PromoteBuffersToStackPassOptions stack;
  stack.maxAllocSizeInBytes = 1 << 20;
  stack.maxRankOfAllocatedMemRef = 2;
  pm.addNestedPass<func::FuncOp>(
      bufferization::createPromoteBuffersToStackPass(stack));
  pm.addPass(createConvertLinalgToLoopsPass());
  pm.addPass(createCanonicalizerPass());
}
