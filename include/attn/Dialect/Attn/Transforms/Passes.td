//===- Passes.td - Transformations of the attn dialect -----*- tablegen -*-===//

#ifndef ATTN_DIALECT_ATTN_TRANSFORMS_PASSES_TD
#define ATTN_DIALECT_ATTN_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def AttnSplitFusedQKV : Pass<"attn-split-fused-qkv"> {
  let summary = "Split the fused QKV input of attn.prefill into Q, K and V";
  let description = [{
    Rewrites an `attn.prefill` that takes one fused `qkv(%t)` tensor
    (`[B, S, (Hq + 2 Hkv) * D]` or ragged `[T, (Hq + 2 Hkv) * D]`) into one
    that takes separate `q`, `k` and `v`: three `tensor.extract_slice`s of
    the last dimension (Q's heads first, then K's, then V's) reshaped by
    `tensor.expand_shape` into `[.., H, D]`. A ragged fused op's
    `cu_seqlens_q` becomes both `cu_seqlens_q` and `cu_seqlens_k`.

    Later passes then see one form of prefill. After bufferization the
    slices are strided views of the fused buffer: no copy is made.

    ```mlir
    %o = attn.prefill qkv(%qkv) {qkv_heads = array<i64: 4, 2>}
        : (tensor<1x16x512xf16>) -> tensor<1x16x4x64xf16>
    // becomes
    %q = tensor.extract_slice %qkv[0, 0, 0] [1, 16, 256] [1, 1, 1] ...
    %k = tensor.extract_slice %qkv[0, 0, 256] [1, 16, 128] [1, 1, 1] ...
    %v = tensor.extract_slice %qkv[0, 0, 384] [1, 16, 128] [1, 1, 1] ...
    // ... tensor.expand_shape to [1, 16, 4, 64] / [1, 16, 2, 64]
    %o = attn.prefill q(%q4) k(%k4) v(%v4) : ...
    ```
  }];
  let dependentDialects = ["::mlir::tensor::TensorDialect"];
  let statistics = [
    Statistic<"numSplit", "num-split", "Number of prefill ops split">
  ];
}

#endif // ATTN_DIALECT_ATTN_TRANSFORMS_PASSES_TD
