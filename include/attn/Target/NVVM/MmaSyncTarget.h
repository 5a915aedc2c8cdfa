//===- MmaSyncTarget.h - NVIDIA tensor cores for the matrix lowering -*- C++ -*-===//

#ifndef ATTN_TARGET_NVVM_MMASYNCTARGET_H
#define ATTN_TARGET_NVVM_MMASYNCTARGET_H

namespace mlir::attn {

/// Registers the "nvidia" MatrixTarget of convert-attn-tile-to-gpu:
/// mma.sync m16n8k16 (bf16/f16, f32 accumulators, sm_80 and later),
/// ldmatrix from shared memory and cp.async from global memory.
void registerNVVMMatrixTarget();

} // namespace mlir::attn

#endif // ATTN_TARGET_NVVM_MMASYNCTARGET_H
