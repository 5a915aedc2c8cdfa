//===- InitAttn.cpp - Register attn's dialects and passes -----------------===//

#include "attn/InitAttn.h"

#include "attn/Conversion/Passes.h"
#include "attn/Dialect/Attn/IR/AttnDialect.h"
#include "attn/Dialect/AttnTile/IR/AttnTileDialect.h"
#include "attn/Dialect/AttnTile/Transforms/Passes.h"
#include "attn/Dialect/Attn/Transforms/Passes.h"
#include "attn/Target/CPU/Passes.h"

void mlir::attn::registerAttnDialects(DialectRegistry &registry) {
  registry.insert<AttnDialect, tile::AttnTileDialect>();
}

void mlir::attn::registerAttnPasses() {
  registerAttnTransformsPasses();
  registerAttnConversionPasses();
  tile::registerAttnTileTransformsPasses();
  registerAttnCPUPasses();
  registerAttnCPUPipelines();
}
