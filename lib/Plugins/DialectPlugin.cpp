//===- DialectPlugin.cpp - attn as an mlir-opt dialect plugin -------------===//
//
//   mlir-opt-22 --load-dialect-plugin=lib/AttnDialectPlugin.so in.mlir
//
//===----------------------------------------------------------------------===//

#include "attn/InitAttn.h"

#include "mlir/Tools/Plugins/DialectPlugin.h"
#include "llvm/Config/llvm-config.h"

extern "C" LLVM_ATTRIBUTE_WEAK mlir::DialectPluginLibraryInfo
mlirGetDialectPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "Attn", LLVM_VERSION_STRING,
          [](mlir::DialectRegistry *registry) {
            mlir::attn::registerAttnDialects(*registry);
          }};
}
