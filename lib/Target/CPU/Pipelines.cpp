//===- Pipelines.cpp - attn-to-cpu and attn-to-cpu-reference --------------===//

#include "attn/Target/CPU/Passes.h"

#include "attn/Conversion/Passes.h"
#include "attn/Dialect/Attn/Transforms/Passes.h"
#include "attn/Dialect/AttnTile/Transforms/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

/// Tensors to buffers; results become out-parameters (the kernel ABI).
void mlir::attn::addHostBufferizationPasses(OpPassManager &pm,
                                             bool deallocate) {
  bufferization::OneShotBufferizePassOptions bufferize;
  bufferize.bufferizeFunctionBoundaries = true;
  bufferize.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  // The KV loop carries the softmax state as fresh tiles.
  bufferize.allowReturnAllocsFromLoops = true;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferize));
  // Folds the loops that carry an updated buffer, so an in-place result is
  // returned as the argument itself.
  pm.addPass(createCanonicalizerPass());
  pm.addPass(attn::createAttnCPUKernelABI());
  bufferization::BufferResultsToOutParamsPassOptions outParams;
  outParams.modifyPublicFunctions = true;
  outParams.hoistStaticAllocs = true;
  outParams.hoistDynamicAllocs = true;
  pm.addPass(bufferization::createBufferResultsToOutParamsPass(outParams));
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  // Scratch buffers (tiles, states) are freed where they die.
  if (deallocate)
    bufferization::buildBufferDeallocationPipeline(pm);
}

namespace {
/// Loops and buffers to the LLVM dialect, with the packed entry points.
void addLowerToLLVM(OpPassManager &pm) {
  pm.addPass(createSCFToControlFlowPass());
  arith::ArithExpandOpsPassOptions expand;
  expand.includeBf16 = true;
  pm.addPass(arith::createArithExpandOpsPass(expand));
  pm.addPass(memref::createExpandStridedMetadataPass());
  // Views with dynamic sizes leave affine.apply index arithmetic.
  pm.addPass(createLowerAffinePass());
  pm.addPass(createFinalizeMemRefToLLVMConversionPass());
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(createConvertMathToLibmPass());
  pm.addPass(createConvertToLLVMPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  pm.addPass(attn::createAttnCPUPackedEntry());
}
} // namespace

void mlir::attn::buildAttnToCPUReferencePipeline(
    OpPassManager &pm, const CPUPipelineOptions &options) {
  // attn ops to loops on tensors.
  pm.addNestedPass<func::FuncOp>(createAttnSplitFusedQKV());
  pm.addPass(createConvertAttnToLoops());
  if (options.verifyBounds)
    pm.addPass(createGenerateRuntimeVerificationPass());
  pm.addPass(createCanonicalizerPass());
  addHostBufferizationPasses(pm);
  addLowerToLLVM(pm);
}

void mlir::attn::buildAttnToCPUPipeline(OpPassManager &pm,
                                        const CPUPipelineOptions &options) {
  // Softmax attention ops and HSTU through the tiled form; the others
  // (Lightning, KV appends, LSE merges) through the loop lowering.
  pm.addNestedPass<func::FuncOp>(createAttnSplitFusedQKV());
  pm.addPass(createAttnFuseRope());
  pm.addPass(createAttnHstuToPrefill());
  pm.addPass(createAttnExpandFunctors());
  pm.addPass(createAttnTile());
  pm.addPass(tile::createAttnSkipMaskedBlocks());
  pm.addPass(tile::createAttnPageKV());
  pm.addPass(tile::createAttnInlineFunctors());
  pm.addPass(createConvertAttnTileToLinalg());
  pm.addPass(createConvertAttnToLoops());
  // Every load of an operand, metadata included, checked against its
  // buffer's bounds (attn-run --verify-bounds).
  if (options.verifyBounds)
    pm.addPass(createGenerateRuntimeVerificationPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  addHostBufferizationPasses(pm);
  pm.addPass(createConvertLinalgToLoopsPass());
  pm.addPass(createCanonicalizerPass());
  addLowerToLLVM(pm);
}

void mlir::attn::registerAttnCPUPipelines() {
  PassPipelineRegistration<>(
      "attn-to-cpu-reference",
      "Lower attn ops to the LLVM dialect for the host CPU through the "
      "reference lowering (convert-attn-to-loops), with the runtime's "
      "packed-memref kernel ABI",
      [](OpPassManager &pm) { buildAttnToCPUReferencePipeline(pm); });
  PassPipelineRegistration<>(
      "attn-to-cpu",
      "Lower attn ops to the LLVM dialect for the host CPU through the tiled "
      "form (attn-fuse-rope, attn-hstu-to-prefill, attn-expand-functors, "
      "attn-tile, attn-skip-masked-blocks, attn-page-kv, attn-inline-functors, "
      "convert-attn-tile-to-linalg), with the runtime's packed-memref kernel "
      "ABI",
      [](OpPassManager &pm) { buildAttnToCPUPipeline(pm); });
}
