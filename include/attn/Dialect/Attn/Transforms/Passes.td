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

def AttnExpandFunctors : Pass<"attn-expand-functors"> {
  let summary = "Rewrite named logits transforms into score_mod/mask_mod "
                "regions";
  let description = [{
    The softmax-functor rewrite. The named transforms of the softmax
    attention ops (docs/design.md §3.1) become the generic FlexAttention
    form, so that later passes (tiling, mask analysis, functor inlining)
    handle one form:

    * `softcap = c`: `score_mod` starts with `s = c * tanh(s / c)`;
    * `alibi_slopes(%a)`: then `s = s - a[b?, h] * |i + Sk_b - Sq_b - j|`,
      reading the slopes operand, which the op drops;
    * the user's `score_mod` follows, unchanged;
    * `normalizer = sigmoid` with bias `β`: then `s = sigmoid(s + β)`, and
      the normalizer becomes `none` (the output is the sum of the
      transformed scores times the values over the visible keys, which is
      what sigmoid attention computes);
    * `causal` and `window = [left, right]`: the `mask_mod` computes
      `j >= p - left` and `j <= p + right` with `p = i + Sk_b - Sq_b`
      (bottom-right alignment), and with the user's `mask_mod`.

    The per-request lengths `Sq_b`/`Sk_b` are read inside the regions from
    the op's index operands (cu_seqlens, qo_indptr, the page table or
    context_lens); they depend only on `b`, so they hoist out of the key
    loop once the regions are inlined. The order of the transforms is the
    order of the semantics, so the result is the same function.

    ```mlir
    %o = attn.prefill q(%q) k(%k) v(%v) {causal, softcap = 30.0 : f32} : ...
    // becomes
    %o = attn.prefill q(%q) k(%k) v(%v) score_mod {
    ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
      // 30 * tanh(s / 30)
      attn.yield %capped : f32
    } mask_mod {
    ^bb0(%b: index, %h: index, %i: index, %j: index):
      // j <= i + Sk - Sq
      attn.yield %visible : i1
    } : ...
    ```
  }];
  let options = [
    ListOption<"functors", "functors", "std::string",
               "the transforms to expand: softcap, alibi, mask (causal and "
               "window), sigmoid (default: all); softcap brings alibi along, "
               "which must follow it">
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::math::MathDialect",
                           "::mlir::tensor::TensorDialect"];
  let statistics = [
    Statistic<"numExpanded", "num-expanded",
              "Number of attention ops whose transforms were expanded">
  ];
}

def AttnFuseRope : Pass<"attn-fuse-rope"> {
  let summary = "Fold attn.rope on the query and key into the attention op";
  let description = [{
    A model applies RoPE to Q and K, then attends:

        %qr = attn.rope %q {rope = R} : tensor<B x Sq x Hq x D>
        %kr = attn.rope %k {rope = R} : tensor<B x Sk x Hkv x D>
        %o = attn.prefill q(%qr) k(%kr) v(%v) ...

    The pass rewrites the prefill to read `%q` and `%k` with `rope = R`, so
    the kernel rotates Q and K tiles right after loading them (attn-tile's
    `attn_tile.rope`) and no rotated copy of Q or K is written to memory.
    It is exact: the attention op rotates key `j` at `j` and query `i` at
    `positions` (taken from the query's `attn.rope`, or `s` made explicit
    as a `[B, Sq]` position tensor unless `Sq = Sk` statically, where the
    op's default `i + Sk - Sq` is `i`).

    The rotated tensors stay where something else uses them (e.g. the keys
    appended to a cache). A dense prefill whose keys were rotated at
    explicit positions, or whose query and key use different RoPE, is left
    alone with a remark; ragged and paged ops keep their keys in a layout
    whose positions the kernel cannot see, and are not matched.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::tensor::TensorDialect"];
  let statistics = [
    Statistic<"numFused", "num-fused", "Number of attention ops given RoPE">
  ];
}

def AttnHstuToPrefill : Pass<"attn-hstu-to-prefill"> {
  let summary = "Rewrite HSTU linear attention as a prefill with a SiLU "
                "score_mod and no normalizer";
  let description = [{
    HSTU (`attn.linear_attention` with `kind = #attn.linear_kind<hstu>`,
    docs/design.md §3.6) is attention whose logits transform is
    `SiLU(s + bias[b, h, i, j]) / N` and whose normalizer is none:

        o_i = sum_{j visible} SiLU(scale * q_i . k_j + bias[b,h,i,j]) / N v_j

    The pass rewrites it into the `attn.prefill` that computes exactly that:
    the same Q, K and V (dense, or ragged with `cu_seqlens` for both the
    queries and the keys), `scale`, `causal`, `normalizer = none` and a
    `score_mod` region computing `x * (1 / N) / (1 + exp(-x))` with
    `x = s + bias[b, h, i, j]`. The exponential and the division per score
    carry `fastmath<afn, arcp>`: like softmax's exponential in attention
    kernels, they may be approximate (GPUs then use their fast exp and
    reciprocal, about twice as fast as IEEE-exact sequences). Every later
    pass then runs HSTU as it runs any prefill: attn-expand-functors turns
    `causal` into a mask that attn-skip-masked-blocks bounds the KV loop
    by, attn-tile tiles it, and the GPU targets run it on their matrix
    cores.

    `N` is `silu_norm` when given, else the longest sequence of the batch:
    `max(S, 1)` for dense inputs, computed outside the op, and for ragged
    ones the largest difference of consecutive `cu_seqlens` (at least 1),
    computed in the region from `cu_seqlens` alone, so that
    attn-inline-functors computes it once per work item.

    Lightning attention is left alone: its output at `i` depends on every
    earlier token through the running state, a scan that its loop lowering
    runs in `O(S D Dv)`; written as a score matrix it would cost `O(S^2 D)`.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::math::MathDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::tensor::TensorDialect"];
  let statistics = [
    Statistic<"numRewritten", "num-rewritten",
              "Number of HSTU ops rewritten as prefills">
  ];
}

#endif // ATTN_DIALECT_ATTN_TRANSFORMS_PASSES_TD
