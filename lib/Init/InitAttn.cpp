//===- InitAttn.cpp - Register attn's dialects and passes -----------------===//

#include "attn/InitAttn.h"

#include "attn/Conversion/Passes.h"
#include "attn/Dialect/Attn/IR/AttnDialect.h"
#include "attn/Dialect/AttnTile/IR/AttnTileDialect.h"
#include "attn/Dialect/AttnTile/Transforms/Passes.h"
#include "attn/Dialect/Attn/Transforms/Passes.h"
#include "attn/Target/CPU/Passes.h"
#include "attn/Target/NVVM/MmaSyncTarget.h"
#include "attn/Target/NVVM/Pipelines.h"
#include "attn/Target/ROCDL/MfmaTarget.h"
#include "attn/Target/ROCDL/Pipelines.h"

#include "mlir/Target/LLVMIR/Dialect/All.h"

void mlir::attn::registerAttnDialects(DialectRegistry &registry) {
  registry.insert<AttnDialect, tile::AttnTileDialect>();
  // The pipelines translate device code (gpu-module-to-binary) and host
  // code to LLVM IR.
  registerAllToLLVMIRTranslations(registry);
}

void mlir::attn::registerAttnPasses() {
  registerAttnTransformsPasses();
  registerAttnConversionPasses();
  tile::registerAttnTileTransformsPasses();
  registerAttnCPUPasses();
  registerAttnCPUPipelines();
  registerAttnNVVMPipelines();
  registerNVVMMatrixTarget();
  registerAttnROCDLPipelines();
  registerROCDLMatrixTarget();
}
