//===- AttnOps.td - Operations of the attn dialect ---------*- tablegen -*-===//

#ifndef ATTN_DIALECT_ATTN_IR_ATTNOPS_TD
#define ATTN_DIALECT_ATTN_IR_ATTNOPS_TD

include "attn/Dialect/Attn/IR/AttnDialect.td"
include "attn/Dialect/Attn/IR/AttnAttrs.td"
include "attn/Dialect/Attn/IR/AttnInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"

//===----------------------------------------------------------------------===//
// Pieces shared by the softmax-attention ops
//===----------------------------------------------------------------------===//

// Optional operands every attention op accepts, in this order, after its own.
defvar Attn_CommonOperands = (ins
  Optional<AnyRankedTensor>:$alibi_slopes,
  Optional<AnyRankedTensor>:$positions,
  Optional<AnyRankedTensor>:$q_descale,
  Optional<AnyRankedTensor>:$k_descale,
  Optional<AnyRankedTensor>:$v_descale,
  Optional<AnyRankedTensor>:$o_scale);

defvar Attn_CommonAttrs = (ins
  OptionalAttr<F32Attr>:$scale,
  UnitAttr:$causal,
  OptionalAttr<DenseI64ArrayAttr>:$window,
  OptionalAttr<F32Attr>:$softcap,
  OptionalAttr<Attn_NormalizerAttr>:$normalizer,
  OptionalAttr<F32Attr>:$sigmoid_bias,
  OptionalAttr<Attn_RopeAttr>:$rope);





class Attn_AttentionOp<string mnemonic, list<Trait> traits = []>
    : Attn_Op<mnemonic, !listconcat([AttrSizedOperandSegments,
                                     RecursiveMemoryEffects,
                                     Attn_AttentionOpInterface], traits)> {
  let regions = (region AnyRegion:$score_mod, AnyRegion:$mask_mod);
  let results = (outs AnyRankedTensor:$out, Optional<AnyRankedTensor>:$lse);
  let hasVerifier = 1;
  let hasRegionVerifier = 1;
  let hasCanonicalizer = 1;
  code commonFormat = [{
  (`alibi_slopes` `(` $alibi_slopes^ `)`)?
  (`positions` `(` $positions^ `)`)?
  (`q_descale` `(` $q_descale^ `)`)?
  (`k_descale` `(` $k_descale^ `)`)?
  (`v_descale` `(` $v_descale^ `)`)?
  (`o_scale` `(` $o_scale^ `)`)?
  attr-dict
  (`score_mod` $score_mod^)?
  (`mask_mod` $mask_mod^)?
  `:` functional-type(operands, results)
}];
  code commonDoc = [{

    #### Options shared by the attention ops

    With `s_ij = scale * (q_i . k_j)` (after FP8 descaling and RoPE), the
    weights are formed in this order:

    1. `softcap = c`: `s = c * tanh(s / c)`.
    2. `alibi_slopes(%slopes)` (`[Hq]` or `[B, Hq]`, f32):
       `s -= slope[h] * |i + Sk - Sq - j|`.
    3. `score_mod` region `(f32 s, index b, index h, index q_idx,
       index kv_idx) -> f32` (FlexAttention's `score_mod`): `s = score_mod(...)`.
    4. Masks: `causal`, `window = array<i64: left, right>` (FlashAttention's
       `window_size`, -1 = unbounded; key `j` is visible to query `i` iff
       `p - left <= j <= p + right` with `p = i + Sk - Sq`; `causal` means
       `right = 0`), and the `mask_mod` region `(index b, index h,
       index q_idx, index kv_idx) -> i1` (true = visible). Hidden logits are
       `-inf`.
    5. `normalizer`: `#attn.normalizer<softmax>` (default):
       `o_i = sum_j exp(s_ij - lse_i) v_j`, `lse_i = log sum_j exp(s_ij)`;
       `#attn.normalizer<sigmoid>` with `sigmoid_bias = b`:
       `o_i = sum_j sigmoid(s_ij + b) v_j`; `#attn.normalizer<none>`:
       `o_i = sum_j s_ij v_j`. Hidden keys contribute 0. The optional `lse`
       result exists only for softmax; a row with no visible key has
       `o_i = 0`, `lse_i = -inf`.

    `scale` defaults to `1/sqrt(D_qk)`. `rope = #attn.rope<...>` rotates Q and
    K inside the kernel: queries at `positions(%pos)` when given (shaped like
    the query tokens, i32/i64), else at their aligned position `i + Sk - Sq`;
    keys at their index `j` in the sequence. Element types are f32, f16, bf16
    or f8E4M3FN; K and V share one type, equal to Q's unless the KV cache is
    f8E4M3FN. `q_descale`, `k_descale`, `v_descale` (f32, `[]`, `[1]` or per
    head) dequantize FP8 inputs; an f8E4M3FN output is stored as
    `o / o_scale`.
}];
  code attentionDecls = [{
    int64_t getNumQueryHeads();
    int64_t getNumKVHeads();
    int64_t getQKHeadDim();
    int64_t getVHeadDim();
  }];
  let extraClassDeclaration = attentionDecls;
}

//===----------------------------------------------------------------------===//
// attn.prefill
//===----------------------------------------------------------------------===//

def Attn_PrefillOp : Attn_AttentionOp<"prefill"> {
  let summary = "dense or ragged (varlen) attention over contiguous Q/K/V";
  let description = [{
    Attention of every query token over the key/value tokens of the same
    request, as FlashAttention's `flash_attn_func` (dense) and
    `flash_attn_varlen_func` (ragged).

    * Dense: `q(%q)` `[B, Sq, Hq, D]`, `k(%k)` `[B, Sk, Hkv, D]`, `v(%v)`
      `[B, Sk, Hkv, Dv]`; `out` `[B, Sq, Hq, Dv]`, `lse` `[B, Sq, Hq]`.
    * Ragged: `q` `[Tq, Hq, D]`, `k` `[Tk, Hkv, D]`, `v` `[Tk, Hkv, Dv]` with
      `cu_seqlens_q` and `cu_seqlens_k` (`[B+1]`, i32 or i64, starting at 0,
      non-decreasing); request `b` owns query rows `cu_seqlens_q[b] ..
      cu_seqlens_q[b+1]`; `out` `[Tq, Hq, Dv]`, `lse` `[Tq, Hq]`.
    * Fused QKV: `qkv(%qkv)` `[B, S, (Hq + 2 Hkv) * D]` or ragged
      `[T, (Hq + 2 Hkv) * D]` with `cu_seqlens_q` only, and
      `qkv_heads = array<i64: Hq, Hkv>`; the last dimension holds Q's heads,
      then K's, then V's.

    Query head `h` reads KV head `h / (Hq / Hkv)` (GQA/MQA). With `Sq < Sk`
    (chunked prefill, prefix caching) masks align to the bottom-right.

    ```
    o[b,i,h] = sum_j softmax_j(T(scale * q[b,i,h] . k[b,j,h/g])) v[b,j,h/g]
    ```
    where `T` applies the logits transforms and masks below.

    Example (ragged, causal, GQA 4:1, with LSE):

    ```mlir
    %o, %lse = attn.prefill q(%q) k(%k) v(%v) cu_seqlens_q(%cq) cu_seqlens_k(%ck)
        {causal, scale = 0.0883883461 : f32}
        : (tensor<?x32x128xbf16>, tensor<?x8x128xbf16>, tensor<?x8x128xbf16>,
           tensor<3xi32>, tensor<3xi32>)
        -> (tensor<?x32x128xbf16>, tensor<?x32xf32>)
    ```
  }] # commonDoc;
  let arguments = !con((ins
      Optional<AnyRankedTensor>:$q,
      Optional<AnyRankedTensor>:$k,
      Optional<AnyRankedTensor>:$v,
      Optional<AnyRankedTensor>:$qkv,
      Optional<AnyRankedTensor>:$cu_seqlens_q,
      Optional<AnyRankedTensor>:$cu_seqlens_k),
    Attn_CommonOperands, Attn_CommonAttrs,
    (ins OptionalAttr<DenseI64ArrayAttr>:$qkv_heads));
  let assemblyFormat = [{
    (`q` `(` $q^ `)`)? (`k` `(` $k^ `)`)? (`v` `(` $v^ `)`)?
    (`qkv` `(` $qkv^ `)`)?
    (`cu_seqlens_q` `(` $cu_seqlens_q^ `)`)?
    (`cu_seqlens_k` `(` $cu_seqlens_k^ `)`)?
  }] # commonFormat;
  let extraClassDeclaration = attentionDecls # [{
    /// True for the ragged (varlen) form.
    bool isRagged() { return getCuSeqlensQ() != nullptr; }
  }];
}

//===----------------------------------------------------------------------===//
// attn.batch_prefill
//===----------------------------------------------------------------------===//

def Attn_BatchPrefillOp : Attn_AttentionOp<"batch_prefill"> {
  let summary = "FlashInfer-style prefill over a paged KV cache";
  let description = [{
    Ragged queries `q(%q)` `[Tq, Hq, D]` with `qo_indptr` (`[B+1]`) attend to
    a paged KV cache, as FlashInfer's `BatchPrefillWithPagedKVCacheWrapper`.

    * `k_cache`/`v_cache`: `layout = #attn.kv_layout<nhd>`
      `[num_pages, page_size, Hkv, D]` or `#attn.kv_layout<hnd>`
      `[num_pages, Hkv, page_size, D]` (`Dv` for V). `page_size >= 1`;
      `page_size = 1` is the token-granular table of SGLang.
    * Request `b` owns pages `kv_indices[kv_indptr[b] .. kv_indptr[b+1]]`;
      its last page holds `kv_last_page_len[b]` tokens, so
      `Sk_b = (kv_indptr[b+1] - kv_indptr[b] - 1) * page_size +
      kv_last_page_len[b]` (0 when it has no page). Key `j` of request `b`
      lives in page `kv_indices[kv_indptr[b] + j / page_size]` at slot
      `j % page_size`.
    * `out` `[Tq, Hq, Dv]`, `lse` `[Tq, Hq]`. Masks align bottom-right
      (query `i` of request `b` sits at `i + Sk_b - Sq_b`).

    ```mlir
    %o = attn.batch_prefill q(%q) qo_indptr(%qo) k_cache(%kc) v_cache(%vc)
        kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
        {causal, layout = #attn.kv_layout<nhd>}
        : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x1x8x128xf16>,
           tensor<?x1x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>)
        -> tensor<?x32x128xf16>
    ```
  }] # commonDoc;
  let arguments = !con((ins
      AnyRankedTensor:$q, AnyRankedTensor:$qo_indptr,
      AnyRankedTensor:$k_cache, AnyRankedTensor:$v_cache,
      AnyRankedTensor:$kv_indptr, AnyRankedTensor:$kv_indices,
      AnyRankedTensor:$kv_last_page_len),
    Attn_CommonOperands, Attn_CommonAttrs,
    (ins Attn_KVLayoutAttr:$layout));
  let assemblyFormat = [{
    `q` `(` $q `)` `qo_indptr` `(` $qo_indptr `)`
    `k_cache` `(` $k_cache `)` `v_cache` `(` $v_cache `)`
    `kv_indptr` `(` $kv_indptr `)` `kv_indices` `(` $kv_indices `)`
    `kv_last_page_len` `(` $kv_last_page_len `)`
  }] # commonFormat;
}

//===----------------------------------------------------------------------===//
// attn.batch_decode
//===----------------------------------------------------------------------===//

def Attn_BatchDecodeOp : Attn_AttentionOp<"batch_decode"> {
  let summary = "FlashInfer-style decode over a paged KV cache";
  let description = [{
    One query token per request, `q(%q)` `[B, Hq, D]`, over the paged KV cache
    described as in `attn.batch_prefill` (`kv_indptr`, `kv_indices`,
    `kv_last_page_len`, `layout` NHD or HND, any `page_size >= 1`). The query
    sits at position `Sk_b - 1`, so `causal` hides nothing and `window`'s
    left bound keeps the last `left + 1` keys. `out` `[B, Hq, Dv]`, `lse`
    `[B, Hq]`.

    ```
    o[b,h] = sum_j softmax_j(T(scale * q[b,h] . K_b[j, h/g])) V_b[j, h/g]
    ```

    ```mlir
    %o, %lse = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
        kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
        {layout = #attn.kv_layout<hnd>}
        : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>,
           tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>,
           tensor<4xi32>)
        -> (tensor<4x32x128xbf16>, tensor<4x32xf32>)
    ```
  }] # commonDoc;
  let arguments = !con((ins
      AnyRankedTensor:$q,
      AnyRankedTensor:$k_cache, AnyRankedTensor:$v_cache,
      AnyRankedTensor:$kv_indptr, AnyRankedTensor:$kv_indices,
      AnyRankedTensor:$kv_last_page_len),
    Attn_CommonOperands, Attn_CommonAttrs,
    (ins Attn_KVLayoutAttr:$layout));
  let assemblyFormat = [{
    `q` `(` $q `)` `k_cache` `(` $k_cache `)` `v_cache` `(` $v_cache `)`
    `kv_indptr` `(` $kv_indptr `)` `kv_indices` `(` $kv_indices `)`
    `kv_last_page_len` `(` $kv_last_page_len `)`
  }] # commonFormat;
}

//===----------------------------------------------------------------------===//
// attn.paged_attention
//===----------------------------------------------------------------------===//

def Attn_PagedAttentionOp : Attn_AttentionOp<"paged_attention"> {
  let summary = "vLLM-style paged attention decode";
  let description = [{
    One query token per sequence, `q(%q)` `[B, Hq, D]`, over vLLM's block
    caches: `k_cache` `[num_blocks, Hkv, D / x, block_size, x]` (key channel
    `d` of slot `s` at `[.., d / x, s, d % x]`), `v_cache`
    `[num_blocks, Hkv, Dv, block_size]`, `block_tables` `[B, max_blocks]` and
    `context_lens` `[B]` (i32 or i64). Key `j` of sequence `b` lives in block
    `block_tables[b, j / block_size]` at slot `j % block_size`, for
    `j < context_lens[b]`. `out` `[B, Hq, Dv]`, `lse` `[B, Hq]`.

    ```mlir
    %o = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc)
        block_tables(%bt) context_lens(%cl) {scale = 0.125 : f32}
        : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>,
           tensor<2x32xi32>, tensor<2xi32>)
        -> tensor<2x8x64xf16>
    ```
  }] # commonDoc;
  let arguments = !con((ins
      AnyRankedTensor:$q,
      AnyRankedTensor:$k_cache, AnyRankedTensor:$v_cache,
      AnyRankedTensor:$block_tables, AnyRankedTensor:$context_lens),
    Attn_CommonOperands, Attn_CommonAttrs);
  let assemblyFormat = [{
    `q` `(` $q `)` `k_cache` `(` $k_cache `)` `v_cache` `(` $v_cache `)`
    `block_tables` `(` $block_tables `)` `context_lens` `(` $context_lens `)`
  }] # commonFormat;
}

//===----------------------------------------------------------------------===//
// attn.mla_decode
//===----------------------------------------------------------------------===//

def Attn_MLADecodeOp : Attn_AttentionOp<"mla_decode"> {
  let summary = "DeepSeek multi-head latent attention decode (absorbed weights)";
  let description = [{
    DeepSeek MLA decode with the up-projections absorbed into the query and
    output: all `H` heads share one latent KV head. `q_nope` `[B, H, Dc]`,
    `q_pe` `[B, H, Dr]`, paged latent caches `ckv_cache`
    `[num_pages, page_size, Dc]` and `kpe_cache` `[num_pages, page_size, Dr]`
    addressed by FlashInfer-style `kv_indptr`, `kv_indices`,
    `kv_last_page_len`. The latent vector is both key (with its rotary part)
    and value:

    ```
    s[b,h,j] = scale * (q_nope[b,h] . ckv_b[j] + q_pe[b,h] . kpe_b[j])
    o[b,h]   = sum_j softmax_j(T(s[b,h,j])) ckv_b[j]
    ```

    `D_qk = Dc + Dr`, `Dv = Dc` (512 and 64 in DeepSeek-V2/V3). Pass `scale`
    explicitly: the model's scale is `1/sqrt(qk_nope_head_dim +
    qk_rope_head_dim)` of the un-absorbed heads, not the default
    `1/sqrt(Dc + Dr)`. RoPE is not fused here (`q_pe` and `kpe_cache` carry
    it already); `k_descale` dequantizes both latent caches. `out`
    `[B, H, Dc]`, `lse` `[B, H]`.

    ```mlir
    %o = attn.mla_decode q_nope(%qn) q_pe(%qp) ckv_cache(%ckv) kpe_cache(%kpe)
        kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
        {scale = 0.0721687824 : f32}
        : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>,
           tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>)
        -> tensor<2x16x512xbf16>
    ```
  }] # commonDoc;
  let arguments = !con((ins
      AnyRankedTensor:$q_nope, AnyRankedTensor:$q_pe,
      AnyRankedTensor:$ckv_cache, AnyRankedTensor:$kpe_cache,
      AnyRankedTensor:$kv_indptr, AnyRankedTensor:$kv_indices,
      AnyRankedTensor:$kv_last_page_len),
    Attn_CommonOperands, Attn_CommonAttrs);
  let assemblyFormat = [{
    `q_nope` `(` $q_nope `)` `q_pe` `(` $q_pe `)`
    `ckv_cache` `(` $ckv_cache `)` `kpe_cache` `(` $kpe_cache `)`
    `kv_indptr` `(` $kv_indptr `)` `kv_indices` `(` $kv_indices `)`
    `kv_last_page_len` `(` $kv_last_page_len `)`
  }] # commonFormat;
}

//===----------------------------------------------------------------------===//
// attn.linear_attention
//===----------------------------------------------------------------------===//

def Attn_LinearAttentionOp : Attn_Op<"linear_attention",
    [AttrSizedOperandSegments, Pure]> {
  let summary = "linear attention: HSTU and Lightning (MiniMax)";
  let description = [{
    Attention without softmax. Q/K `[B, S, H, D]` and V `[B, S, H, Dv]`, or
    ragged `[T, H, D]` / `[T, H, Dv]` with `cu_seqlens(%cu)` (`[B+1]`);
    `out` has V's shape.

    `kind = #attn.linear_kind<hstu>` (Meta's HSTU, generative recommenders):

    ```
    o_i = sum_{j visible} SiLU(scale * q_i . k_j + bias[b,h,i,j]) / N * v_j
    ```
    with `scale` defaulting to `1/sqrt(D)`, the optional relative-attention
    bias `bias(%rab)` `[B, H, L, L]` (`L` >= the longest sequence, indexed by
    local positions), `N = silu_norm` (default: the longest sequence of the
    batch, determined at run time: `S` when dense, the largest difference of
    consecutive `cu_seqlens` when ragged), and `j <= i` when `causal` is set.

    `kind = #attn.linear_kind<lightning>` (Lightning attention / MiniMax-01),
    causal by construction (the `causal` attribute is required), with
    per-head decay rates `decay(%lambda)` `[H]` (f32, >= 0):

    ```
    S_i = exp(-lambda_h) S_{i-1} + k_i^T v_i,   o_i = scale * q_i S_i
    ```
    i.e. `o_i = scale * sum_{j<=i} exp(-lambda_h (i-j)) (q_i . k_j) v_j`, with
    `scale` defaulting to 1. `initial_state(%s0)` `[B, H, D, Dv]` (f32) seeds
    `S_{-1}` (default 0); the optional second result is the final state
    `S_{S-1}` `[B, H, D, Dv]` (f32), so prefill and decode can be chained.

    ```mlir
    %o = attn.linear_attention q(%q) k(%k) v(%v) bias(%rab)
        {causal, kind = #attn.linear_kind<hstu>, silu_norm = 256 : i64}
        : (tensor<2x256x4x64xbf16>, tensor<2x256x4x64xbf16>,
           tensor<2x256x4x64xbf16>, tensor<2x4x256x256xf32>)
        -> tensor<2x256x4x64xbf16>
    ```
  }];
  let arguments = (ins
      AnyRankedTensor:$q, AnyRankedTensor:$k, AnyRankedTensor:$v,
      Optional<AnyRankedTensor>:$cu_seqlens,
      Optional<AnyRankedTensor>:$bias,
      Optional<AnyRankedTensor>:$decay,
      Optional<AnyRankedTensor>:$initial_state,
      Attn_LinearKindAttr:$kind,
      OptionalAttr<F32Attr>:$scale,
      UnitAttr:$causal,
      OptionalAttr<I64Attr>:$silu_norm);
  let results = (outs AnyRankedTensor:$out,
                      Optional<AnyRankedTensor>:$final_state);
  let assemblyFormat = [{
    `q` `(` $q `)` `k` `(` $k `)` `v` `(` $v `)`
    (`cu_seqlens` `(` $cu_seqlens^ `)`)?
    (`bias` `(` $bias^ `)`)?
    (`decay` `(` $decay^ `)`)?
    (`initial_state` `(` $initial_state^ `)`)?
    attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// attn.rope
//===----------------------------------------------------------------------===//

def Attn_RopeOp : Attn_Op<"rope", [Pure, AllTypesMatch<["input", "result"]>]> {
  let summary = "rotate query or key vectors by RoPE";
  let description = [{
    Applies rotary position embedding (`rope`, docs/design.md §3.6) to every
    head vector of `input`, dense `[B, S, H, D]` or token-major `[T, H, D]`.
    Token `t` sits at `positions[t]` (an integer tensor shaped like the
    token dimensions, `[B, S]` or `[T]`); without `positions`, a dense
    input's token `(b, s)` sits at `s` (token-major inputs need them).

    This is RoPE as a model writes it, before attention;
    `attn-fuse-rope` moves it into the attention op's `rope` attribute so
    the kernel rotates Q and K tiles after loading them instead of
    materializing rotated tensors.

    ```mlir
    %qr = attn.rope %q {rope = #attn.rope<theta = 10000.0, dim = 128, style = neox>}
        : tensor<2x?x32x128xbf16>
    ```
  }];
  let arguments = (ins AnyRankedTensor:$input,
                       Optional<AnyRankedTensor>:$positions,
                       Attn_RopeAttr:$rope);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = [{
    $input (`positions` `(` $positions^ `:` type($positions) `)`)?
    attr-dict `:` type($input)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// attn.append_kv
//===----------------------------------------------------------------------===//

def Attn_AppendKVOp : Attn_Op<"append_kv", [AttrSizedOperandSegments, Pure]> {
  let summary = "write new K/V tokens into a paged KV cache";
  let description = [{
    Writes the keys `k(%k)` `[T, Hkv, D]` and values `v(%v)` `[T, Hkv, Dv]`
    of `T` new tokens into `k_cache`/`v_cache` and returns the updated caches
    (in place after bufferization). `layout` is `nhd`, `hnd` (FlashInfer) or
    `vllm` (K `[blocks, Hkv, D/x, block_size, x]`, V
    `[blocks, Hkv, Dv, block_size]`). Each token's slot comes from one of:

    * `slot_mapping(%slots)` `[T]` (vLLM's `reshape_and_cache`): token `t`
      goes to page `slots[t] / page_size`, offset `slots[t] % page_size`; a
      negative slot skips the token (padding).
    * FlashInfer's `append_paged_kv_cache` metadata:
      `batch_indices(%bi)` `[T]`, `positions(%pos)` `[T]`, `kv_indptr`,
      `kv_indices`: token `t` of request `b = bi[t]` at position `p = pos[t]`
      goes to page `kv_indices[kv_indptr[b] + p / page_size]`, offset
      `p % page_size`.

    With `rope = #attn.rope<...>` the keys are rotated at `positions` before
    they are stored (so `positions` is required). With an f8E4M3FN cache the
    stored values are `saturate(k / k_scale)` and `saturate(v / v_scale)`
    (`k_scale`, `v_scale`: f32 `[]` or `[1]`, default 1).

    ```mlir
    %kc2, %vc2 = attn.append_kv k(%k) v(%v) k_cache(%kc) v_cache(%vc)
        batch_indices(%bi) positions(%pos) kv_indptr(%kp) kv_indices(%ki)
        {layout = #attn.kv_layout<nhd>,
         rope = #attn.rope<theta = 10000.0, dim = 128, style = neox>}
        : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>,
           tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>,
           tensor<?xi32>, tensor<5xi32>, tensor<?xi32>)
        -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
    ```
  }];
  let arguments = (ins
      AnyRankedTensor:$k, AnyRankedTensor:$v,
      AnyRankedTensor:$k_cache, AnyRankedTensor:$v_cache,
      Optional<AnyRankedTensor>:$slot_mapping,
      Optional<AnyRankedTensor>:$batch_indices,
      Optional<AnyRankedTensor>:$positions,
      Optional<AnyRankedTensor>:$kv_indptr,
      Optional<AnyRankedTensor>:$kv_indices,
      Optional<AnyRankedTensor>:$k_scale,
      Optional<AnyRankedTensor>:$v_scale,
      Attn_KVLayoutAttr:$layout,
      OptionalAttr<Attn_RopeAttr>:$rope);
  let results = (outs AnyRankedTensor:$k_cache_out,
                      AnyRankedTensor:$v_cache_out);
  let assemblyFormat = [{
    `k` `(` $k `)` `v` `(` $v `)`
    `k_cache` `(` $k_cache `)` `v_cache` `(` $v_cache `)`
    (`slot_mapping` `(` $slot_mapping^ `)`)?
    (`batch_indices` `(` $batch_indices^ `)`)?
    (`positions` `(` $positions^ `)`)?
    (`kv_indptr` `(` $kv_indptr^ `)`)?
    (`kv_indices` `(` $kv_indices^ `)`)?
    (`k_scale` `(` $k_scale^ `)`)?
    (`v_scale` `(` $v_scale^ `)`)?
    attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// attn.merge_states
//===----------------------------------------------------------------------===//

def Attn_MergeStatesOp : Attn_Op<"merge_states",
    [SameVariadicOperandSize, Pure]> {
  let summary = "merge partial attention outputs by their log-sum-exp";
  let description = [{
    Combines partial attention states computed over disjoint key sets (the
    splits of split-KV decode, the shared prefix and the suffix of cascade
    attention) into the state over their union. Each state is a value
    `v_n` `[..., H, D]` and its LSE `s_n` `[..., H]` (f32, natural log); all
    states share one shape.

    ```
    s = log(sum_n exp(s_n)),   v = sum_n exp(s_n - s) v_n
    ```

    A row whose every `s_n` is `-inf` (no key in any split) merges to
    `v = 0`, `s = -inf`. One state merges to itself.

    ```mlir
    %v, %s = attn.merge_states values(%va, %vb) lse(%sa, %sb)
        : (tensor<?x32x128xf16>, tensor<?x32x128xf16>, tensor<?x32xf32>,
           tensor<?x32xf32>)
        -> (tensor<?x32x128xf16>, tensor<?x32xf32>)
    ```
  }];
  let arguments = (ins Variadic<AnyRankedTensor>:$values,
                       Variadic<AnyRankedTensor>:$lses);
  let results = (outs AnyRankedTensor:$out, AnyRankedTensor:$lse);
  let assemblyFormat = [{
    `values` `(` $values `)` `lse` `(` $lses `)`
    attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// attn.yield
//===----------------------------------------------------------------------===//

def Attn_YieldOp : Attn_Op<"yield", [Pure, Terminator, ReturnLike,
    ParentOneOf<["PrefillOp", "BatchPrefillOp", "BatchDecodeOp",
                 "PagedAttentionOp", "MLADecodeOp"]>]> {
  let summary = "yields the value of a `score_mod` or `mask_mod` region";
  let description = [{
    Terminates the `score_mod` region (one f32 value, the modified score) and
    the `mask_mod` region (one i1, true when the key is visible).

    ```mlir
    attn.yield %s : f32
    ```
  }];
  let arguments = (ins Variadic<AnyType>:$values);
  let assemblyFormat = "($values^ `:` type($values))? attr-dict";
}

#endif // ATTN_DIALECT_ATTN_IR_ATTNOPS_TD
