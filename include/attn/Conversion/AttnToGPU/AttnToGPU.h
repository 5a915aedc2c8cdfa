//===- AttnToGPU.h - Building GPU row kernels -------------------*- C++ -*-===//

#ifndef ATTN_CONVERSION_ATTNTOGPU_ATTNTOGPU_H
#define ATTN_CONVERSION_ATTNTOGPU_ATTNTOGPU_H

#include "attn/Conversion/AttnToLoops/Emitter.h"

namespace mlir::attn {

/// Emits a gpu.launch running `body(e, row)` once for each row in
/// [0, rows), a thread each, 128 threads a block.
void launchRows(OpBuilder &b, Location loc, Value rows,
                function_ref<void(loops::Emitter &, Value)> body);

} // namespace mlir::attn

#endif // ATTN_CONVERSION_ATTNTOGPU_ATTNTOGPU_H
