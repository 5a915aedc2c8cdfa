//===- MfmaTarget.h - AMD matrix cores for the matrix lowering --*- C++ -*-===//

#ifndef ATTN_TARGET_ROCDL_MFMATARGET_H
#define ATTN_TARGET_ROCDL_MFMATARGET_H

namespace mlir::attn {

/// Registers the "amd" MatrixTarget of convert-attn-tile-to-gpu: MFMA
/// 16x16x16 (bf16/f16, f32 accumulators; gfx90a, gfx942, gfx950) on 64-lane
/// waves, operands read from LDS with vector loads, tiles staged in LDS by
/// 16-byte loads and stores.
void registerROCDLMatrixTarget();

} // namespace mlir::attn

#endif // ATTN_TARGET_ROCDL_MFMATARGET_H
