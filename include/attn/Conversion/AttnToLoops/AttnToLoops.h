//===- AttnToLoops.h - Reference lowering of attn ops -----------*- C++ -*-===//

#ifndef ATTN_CONVERSION_ATTNTOLOOPS_ATTNTOLOOPS_H
#define ATTN_CONVERSION_ATTNTOLOOPS_ATTNTOLOOPS_H

#include "mlir/IR/PatternMatch.h"

namespace mlir::attn {

/// Patterns of `convert-attn-to-loops`: attn ops to scf loops over memrefs.
void populateAttnToLoopsPatterns(RewritePatternSet &patterns);

} // namespace mlir::attn

#endif // ATTN_CONVERSION_ATTNTOLOOPS_ATTNTOLOOPS_H
