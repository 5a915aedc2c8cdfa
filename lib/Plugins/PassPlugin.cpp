//===- PassPlugin.cpp - attn's passes as an mlir-opt pass plugin ----------===//
//
//   mlir-opt-22 --load-dialect-plugin=lib/AttnDialectPlugin.so \
//               --load-pass-plugin=lib/AttnPassPlugin.so \
//               --attn-split-fused-qkv in.mlir
//
//===----------------------------------------------------------------------===//

#include "attn/InitAttn.h"

#include "mlir/Tools/Plugins/PassPlugin.h"
#include "llvm/Config/llvm-config.h"

extern "C" LLVM_ATTRIBUTE_WEAK mlir::PassPluginLibraryInfo
mlirGetPassPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "AttnPasses", LLVM_VERSION_STRING,
          [] { mlir::attn::registerAttnPasses(); }};
}
