//===- AttnDialect.td - The attn dialect -------------------*- tablegen -*-===//
//
// The `attn` dialect: attention operations at the tensor level, from which
// attn generates CPU, NVIDIA and AMD kernels.
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_DIALECT_ATTN_IR_ATTNDIALECT_TD
#define ATTN_DIALECT_ATTN_IR_ATTNDIALECT_TD

include "mlir/IR/OpBase.td"

def Attn_Dialect : Dialect {
  let name = "attn";
  let cppNamespace = "::mlir::attn";
  let summary = "Attention operations for inference kernels";
  let description = [{
    The `attn` dialect expresses the attention operations that inference
    frameworks need (dense and ragged prefill, FlashInfer-style paged prefill
    and decode, vLLM paged attention, DeepSeek MLA decode, linear attention,
    KV-cache appends and LSE merges) as tensor-level operations that share one
    vocabulary of options: softmax scale, causal and sliding-window masks,
    logits transforms (soft-capping, ALiBi, FlexAttention-style `score_mod` and
    `mask_mod` regions), the normalizer (softmax, sigmoid, none), fused RoPE,
    FP8 descaling and an optional log-sum-exp result.

    Tensor layouts follow the libraries whose users the ops serve:
    FlashAttention for dense/varlen prefill (`[B, S, H, D]` or `[T, H, D]` with
    `cu_seqlens`), FlashInfer for paged caches (`NHD`/`HND`, `kv_indptr`,
    `kv_indices`, `kv_last_page_len`) and vLLM for its block tables.

    Conventions shared by all ops:
    * The LSE is the natural logarithm of the softmax denominator of the
      scaled, transformed logits, shaped like the query tokens with a trailing
      query-head dimension, in f32. A query row whose keys are all masked has
      output 0 and LSE `-inf`.
    * When a request has fewer query tokens than key tokens (`Sq < Sk`) query
      `i` sits at absolute position `i + Sk - Sq`: causal and sliding-window
      masks are aligned to the bottom-right, as in FlashAttention.
    * Scale operands follow one rule: `real value = stored value * scale`.
  }];
  let useDefaultAttributePrinterParser = 1;
  let hasCanonicalizer = 0;
}

class Attn_Op<string mnemonic, list<Trait> traits = []>
    : Op<Attn_Dialect, mnemonic, traits>;

#endif // ATTN_DIALECT_ATTN_IR_ATTNDIALECT_TD
