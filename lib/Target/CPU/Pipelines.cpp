//===- Pipelines.cpp - attn-to-cpu-reference ------------------------------===//

#include "attn/Target/CPU/Passes.h"

#include "attn/Conversion/Passes.h"
#include "attn/Dialect/Attn/Transforms/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

void mlir::attn::buildAttnToCPUReferencePipeline(OpPassManager &pm) {
  // attn ops to loops on tensors.
  pm.addNestedPass<func::FuncOp>(createAttnSplitFusedQKV());
  pm.addPass(createConvertAttnToLoops());
  pm.addPass(createCanonicalizerPass());

  // Tensors to buffers; results become out-parameters.
  bufferization::OneShotBufferizePassOptions bufferize;
  bufferize.bufferizeFunctionBoundaries = true;
  bufferize.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferize));
  // Folds the loops that carry an updated buffer, so an in-place result is
  // returned as the argument itself.
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createAttnCPUKernelABI());
  bufferization::BufferResultsToOutParamsPassOptions outParams;
  outParams.modifyPublicFunctions = true;
  outParams.hoistStaticAllocs = true;
  outParams.hoistDynamicAllocs = true;
  pm.addPass(bufferization::createBufferResultsToOutParamsPass(outParams));
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());

  // Loops and buffers to the LLVM dialect.
  pm.addPass(createSCFToControlFlowPass());
  arith::ArithExpandOpsPassOptions expand;
  expand.includeBf16 = true;
  pm.addPass(arith::createArithExpandOpsPass(expand));
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createFinalizeMemRefToLLVMConversionPass());
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(createConvertMathToLibmPass());
  pm.addPass(createConvertToLLVMPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  pm.addPass(createAttnCPUPackedEntry());
}

void mlir::attn::registerAttnCPUPipelines() {
  PassPipelineRegistration<>(
      "attn-to-cpu-reference",
      "Lower attn ops to the LLVM dialect for the host CPU through the "
      "reference lowering (convert-attn-to-loops), with the runtime's "
      "packed-memref kernel ABI",
      buildAttnToCPUReferencePipeline);
}
