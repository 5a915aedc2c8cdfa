//===- InitAttn.h - Register attn's dialects and passes ---------*- C++ -*-===//

#ifndef ATTN_INITATTN_H
#define ATTN_INITATTN_H

#include "mlir/IR/DialectRegistry.h"

namespace mlir::attn {

/// Adds the attn and attn_tile dialects to `registry`, and the translations
/// to LLVM IR that attn's pipelines need.
void registerAttnDialects(DialectRegistry &registry);

/// Registers attn's passes and pass pipelines with the global registry, so
/// that mlir-opt-style drivers parse their flags.
void registerAttnPasses();

} // namespace mlir::attn

#endif // ATTN_INITATTN_H
