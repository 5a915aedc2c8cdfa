//===- AttnToGPU.h - Building GPU row kernels -------------------*- C++ -*-===//

#ifndef ATTN_CONVERSION_ATTNTOGPU_ATTNTOGPU_H
#define ATTN_CONVERSION_ATTNTOGPU_ATTNTOGPU_H

#include "attn/Conversion/AttnToLoops/Emitter.h"

namespace mlir::attn {

/// Emits a gpu.launch running `body(e, id)` once for each id in
/// [0, count), a thread each, 128 threads a block.
void launchThreads(OpBuilder &b, Location loc, Value count,
                   function_ref<void(loops::Emitter &, Value)> body);

} // namespace mlir::attn

#endif // ATTN_CONVERSION_ATTNTOGPU_ATTNTOGPU_H
