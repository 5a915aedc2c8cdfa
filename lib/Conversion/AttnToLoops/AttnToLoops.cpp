//===- AttnToLoops.cpp - convert-attn-to-loops ----------------------------===//
//
// The reference lowering: every attn op becomes plain scf loops over memrefs
// that follow the formulas of docs/design.md line by line. It is the oracle
// the tiled path is checked against, so it is written for clarity, not speed:
// one query row at a time, scores recomputed in each pass, f32 arithmetic.
//
// Operands are read through `bufferization.to_buffer`, results are fresh
// allocations wrapped by `bufferization.to_tensor` (append_kv inserts into
// its cache tensors instead, so its update can happen in place); one-shot
// bufferization then removes the tensors.
//
// The patterns live in one file per op family:
//   AttentionToLoops.cpp        prefill, batch_prefill, batch_decode,
//                               paged_attention, mla_decode
//   LinearAttentionToLoops.cpp  linear_attention (HSTU, Lightning)
//   CacheOpsToLoops.cpp         append_kv, merge_states
//
//===----------------------------------------------------------------------===//

#include "attn/Conversion/AttnToLoops/AttnToLoops.h"
#include "attn/Conversion/Passes.h"

#include "attn/Conversion/AttnToLoops/Emitter.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir::attn {
#define GEN_PASS_DEF_CONVERTATTNTOLOOPS
#include "attn/Conversion/Passes.h.inc"
} // namespace mlir::attn

using namespace mlir;
using namespace mlir::attn;

namespace {
struct ConvertAttnToLoopsPass
    : attn::impl::ConvertAttnToLoopsBase<ConvertAttnToLoopsPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populateAttnToLoopsPatterns(patterns);
    ConversionTarget target(getContext());
    target.addIllegalDialect<AttnDialect>();
    target.addLegalDialect<arith::ArithDialect,
                           bufferization::BufferizationDialect,
                           math::MathDialect, memref::MemRefDialect,
                           scf::SCFDialect, tensor::TensorDialect>();
    // The mod regions' ops are cloned into the loops; whatever dialects they
    // use stay legal.
    target.markUnknownOpDynamicallyLegal([](Operation *) { return true; });
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace

void mlir::attn::populateAttnToLoopsPatterns(RewritePatternSet &patterns) {
  loops::populateAttentionToLoopsPatterns(patterns);
  loops::populateLinearAttentionToLoopsPatterns(patterns);
  loops::populateCacheOpsToLoopsPatterns(patterns);
  loops::populateRopeToLoopsPatterns(patterns);
}
