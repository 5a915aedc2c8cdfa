"""The functional API: FlashAttention / FlashInfer / vLLM style attention ops.

Every call validates its arguments (ValueError naming the argument, before
anything is compiled), builds the op's IR specialized on head counts, head
dims, page sizes and dtypes (lengths stay dynamic), compiles it (cached on
disk and in memory) and runs it. Arguments are numpy arrays (the cpu
target) or torch tensors, all on one device: CPU tensors run on the cpu
target, GPU tensors on the cuda target (hip on a ROCm build of torch), on
torch's current stream. Outputs are allocated here, numpy arrays or torch
tensors on the arguments' device, and returned; ``append_kv`` updates the
caches in place. Without attn-compile (a GPU machine running the dist
folder), packages prebuilt by scripts/prebuild.py are used.

``checked=True`` (the CPU default) lets the runtime validate index metadata
(indptr monotonic, page indices in range, ...) before the launch; a
violation raises ``attn.CheckFailedError`` and nothing runs.

Shared options of the softmax attention ops (attn.prefill, batch_prefill,
batch_decode, paged_attention, mla_decode), see docs/design.md:

* ``causal``; ``window=(left, right)`` (FlashAttention's window_size, -1 =
  unbounded; causal forces right = 0); masks are aligned bottom-right.
* ``scale`` (default 1/sqrt(D_qk)), ``softcap`` (None or 0 = off),
  ``alibi_slopes`` ([Hq] or [B, Hq], float32).
* ``score_mod`` / ``mask_mod``: MLIR region text (FlexAttention semantics).
  The block header may be omitted; then the arguments are
  ``%score: f32, %b, %h, %q_idx, %kv_idx: index`` (``mask_mod`` without
  ``%score``) and the body ends with ``attn.yield``.
* ``normalizer``: "softmax" (default), "sigmoid" (with ``sigmoid_bias``) or
  "none".
* ``rope=attn.Rope(theta, dim, style)`` with optional ``positions``.
* ``return_lse=True`` returns ``(out, lse)``; lse is natural-log, float32,
  shaped like the query tokens plus Hq. A row without visible keys has
  out 0 and lse -inf.
"""

import numpy as np

from . import _ir
from ._compile import compile_ir
from ._runtime import _is_torch_tensor

__all__ = ["prefill", "batch_prefill", "batch_decode", "paged_attention", "mla_decode",
           "linear_attention", "append_kv", "merge_states"]


def _torch_device(ir):
    """The device of the op's torch tensors (all on one), or None for numpy
    arguments."""
    devices = set()
    for name, x in ir.inputs.items():
        if _is_torch_tensor(x):
            devices.add(x.device)
    if not devices:
        return None
    if len(devices) > 1:
        raise ValueError("the tensors are on several devices (%s); attn runs an op on one"
                         % ", ".join(sorted(str(d) for d in devices)))
    return devices.pop()


def _target_of(device):
    """cpu for numpy arrays and CPU tensors; for GPU tensors, hip on a ROCm
    build of torch, else cuda."""
    if device is None or device.type == "cpu":
        return "cpu"
    import torch
    return "hip" if getattr(torch.version, "hip", None) else "cuda"


def _run(ir, checked, target=None):
    for name, x in ir.inputs.items():
        if isinstance(x, _ir.TensorSpec):
            raise ValueError("%s: a TensorSpec has no data; pass an array to run the op "
                             "(TensorSpecs are for attn.build_ir)" % name)
    # torch tensors in, torch tensors out, on their device; numpy otherwise.
    device = _torch_device(ir)
    if device is not None:
        for name, x in ir.inputs.items():
            if not _is_torch_tensor(x) and hasattr(x, "shape"):
                raise ValueError("%s: a numpy array among torch tensors; pass torch "
                                 "tensors on %s" % (name, device))
    target = target or _target_of(device)
    package = compile_ir(ir.text, target=target)
    kernel = package.kernel(ir.func_name)
    args = dict(ir.inputs)
    outs = []
    for name, shape, dtype in ir.outputs:
        if device is not None:
            from ._dtypes import torch_of
            import torch
            out = torch.empty(shape, dtype=torch_of(ir.output_dtypes[name]), device=device)
        else:
            if dtype is None:
                raise ValueError("%s: its dtype needs the ml_dtypes package to be allocated"
                                 % name)
            out = np.empty(shape, dtype=dtype)
        args[name] = out
        outs.append(out)
    # In-place arguments: normally the kernel has one readwrite buffer. If
    # the compiler kept the result as a separate output, write it to a fresh
    # buffer and copy it back, so the caller sees the same semantics.
    copy_back = []
    names = set(kernel.arg_names)
    for arg, result in ir.inplace.items():
        if result in names:
            tmp = (args[arg].clone() if device is not None else np.empty_like(args[arg]))
            args[result] = tmp
            copy_back.append((args[arg], tmp))
    kernel.launch(args, checked=checked)
    for dst, src in copy_back:
        if device is not None:
            dst.copy_(src)
        else:
            np.copyto(dst, src)
    return outs


def _attention_result(outs, return_lse):
    return (outs[0], outs[1]) if return_lse else outs[0]


def prefill(q, k, v, *, causal=False, window=(-1, -1), softcap=None, alibi_slopes=None,
            scale=None, cu_seqlens_q=None, cu_seqlens_k=None, return_lse=False,
            score_mod=None, mask_mod=None, normalizer="softmax", sigmoid_bias=None,
            rope=None, positions=None, checked=True):
    """Attention over contiguous K/V (FlashAttention's flash_attn_func and,
    with cu_seqlens, flash_attn_varlen_func).

    Dense: q [B, Sq, Hq, D], k [B, Sk, Hkv, D], v [B, Sk, Hkv, Dv] ->
    out [B, Sq, Hq, Dv] (lse [B, Sq, Hq]). Ragged: q [Tq, Hq, D],
    k [Tk, Hkv, D], v [Tk, Hkv, Dv] with cu_seqlens_q/k [B + 1] (int32 or
    int64) -> out [Tq, Hq, Dv] (lse [Tq, Hq]). Hq must be a multiple of Hkv
    (GQA/MQA).
    """
    ir = _ir.prefill(q, k, v, causal=causal, window=window, softcap=softcap,
                     alibi_slopes=alibi_slopes, scale=scale, cu_seqlens_q=cu_seqlens_q,
                     cu_seqlens_k=cu_seqlens_k, return_lse=return_lse, score_mod=score_mod,
                     mask_mod=mask_mod, normalizer=normalizer, sigmoid_bias=sigmoid_bias,
                     rope=rope, positions=positions)
    return _attention_result(_run(ir, checked), return_lse)


def batch_prefill(q, qo_indptr, k_cache, v_cache, kv_indptr, kv_indices, kv_last_page_len, *,
                  layout="NHD", causal=False, window=(-1, -1), softcap=None,
                  alibi_slopes=None, scale=None, return_lse=False, score_mod=None,
                  mask_mod=None, normalizer="softmax", sigmoid_bias=None, rope=None,
                  positions=None, checked=True):
    """Prefill over a paged KV cache (FlashInfer's BatchPrefillWithPagedKVCache).

    q [Tq, Hq, D] ragged by qo_indptr [B + 1]; k_cache/v_cache
    [num_pages, page_size, Hkv, D] ("NHD") or [num_pages, Hkv, page_size, D]
    ("HND"); request b owns pages kv_indices[kv_indptr[b]:kv_indptr[b+1]],
    the last one holding kv_last_page_len[b] tokens. -> out [Tq, Hq, Dv]
    (lse [Tq, Hq]).
    """
    ir = _ir.batch_prefill(q, qo_indptr, k_cache, v_cache, kv_indptr, kv_indices,
                           kv_last_page_len, layout=layout, causal=causal, window=window,
                           softcap=softcap, alibi_slopes=alibi_slopes, scale=scale,
                           return_lse=return_lse, score_mod=score_mod, mask_mod=mask_mod,
                           normalizer=normalizer, sigmoid_bias=sigmoid_bias, rope=rope,
                           positions=positions)
    return _attention_result(_run(ir, checked), return_lse)


def batch_decode(q, k_cache, v_cache, kv_indptr, kv_indices, kv_last_page_len, *,
                 layout="NHD", causal=False, window=(-1, -1), softcap=None,
                 alibi_slopes=None, scale=None, return_lse=False, score_mod=None,
                 mask_mod=None, normalizer="softmax", sigmoid_bias=None, rope=None,
                 positions=None, checked=True):
    """Decode over a paged KV cache (FlashInfer's BatchDecodeWithPagedKVCache):
    q [B, Hq, D], one query per request at position Sk_b - 1 -> out
    [B, Hq, Dv] (lse [B, Hq]). Cache arguments as in batch_prefill."""
    ir = _ir.batch_decode(q, k_cache, v_cache, kv_indptr, kv_indices, kv_last_page_len,
                          layout=layout, causal=causal, window=window, softcap=softcap,
                          alibi_slopes=alibi_slopes, scale=scale, return_lse=return_lse,
                          score_mod=score_mod, mask_mod=mask_mod, normalizer=normalizer,
                          sigmoid_bias=sigmoid_bias, rope=rope, positions=positions)
    return _attention_result(_run(ir, checked), return_lse)


def paged_attention(q, k_cache, v_cache, block_tables, context_lens, *, scale=None,
                    causal=False, window=(-1, -1), softcap=None, alibi_slopes=None,
                    return_lse=False, score_mod=None, mask_mod=None, normalizer="softmax",
                    sigmoid_bias=None, rope=None, positions=None, checked=True):
    """vLLM paged attention decode: q [B, Hq, D]; k_cache
    [num_blocks, Hkv, D / x, block_size, x]; v_cache
    [num_blocks, Hkv, Dv, block_size]; block_tables [B, max_blocks];
    context_lens [B] -> out [B, Hq, Dv] (lse [B, Hq])."""
    ir = _ir.paged_attention(q, k_cache, v_cache, block_tables, context_lens, causal=causal,
                             window=window, softcap=softcap, alibi_slopes=alibi_slopes,
                             scale=scale, return_lse=return_lse, score_mod=score_mod,
                             mask_mod=mask_mod, normalizer=normalizer,
                             sigmoid_bias=sigmoid_bias, rope=rope, positions=positions)
    return _attention_result(_run(ir, checked), return_lse)


def mla_decode(q_nope, q_pe, ckv_cache, kpe_cache, kv_indptr, kv_indices, kv_last_page_len,
               *, scale, causal=False, window=(-1, -1), softcap=None, alibi_slopes=None,
               return_lse=False, score_mod=None, mask_mod=None, normalizer="softmax",
               sigmoid_bias=None, checked=True):
    """DeepSeek MLA decode with absorbed weights: q_nope [B, H, Dc],
    q_pe [B, H, Dr], paged latent caches ckv_cache [num_pages, page_size, Dc]
    and kpe_cache [num_pages, page_size, Dr] -> out [B, H, Dc] (lse [B, H]).

    ``scale`` is required (the model's 1/sqrt(qk_nope_dim + qk_rope_dim), not
    1/sqrt(Dc + Dr)); pass ``scale=None`` explicitly for the op's default."""
    ir = _ir.mla_decode(q_nope, q_pe, ckv_cache, kpe_cache, kv_indptr, kv_indices,
                        kv_last_page_len, scale=scale, causal=causal, window=window,
                        softcap=softcap, alibi_slopes=alibi_slopes, return_lse=return_lse,
                        score_mod=score_mod, mask_mod=mask_mod, normalizer=normalizer,
                        sigmoid_bias=sigmoid_bias)
    return _attention_result(_run(ir, checked), return_lse)


def linear_attention(q, k, v, *, kind="hstu", cu_seqlens=None, causal=None, scale=None,
                     bias=None, silu_norm=None, decay=None, initial_state=None,
                     return_final_state=False, checked=True):
    """Linear attention, dense [B, S, H, D] or ragged [T, H, D] with
    cu_seqlens; out has v's shape.

    kind="hstu": o_i = sum_{j visible} SiLU(scale q_i.k_j + bias[b,h,i,j]) / N v_j
    (scale default 1/sqrt(D); optional bias [B, H, L, L]; N = silu_norm,
    default the longest sequence of the batch, found at run time so that one
    compiled kernel serves every length; ``causal`` optional). It compiles as
    a prefill with a SiLU score_mod (attn-hstu-to-prefill), on every target.

    kind="lightning": S_i = exp(-decay_h) S_{i-1} + k_i^T v_i,
    o_i = scale q_i S_i (scale default 1; always causal); decay [H];
    initial_state [B, H, D, Dv] (float32); ``return_final_state=True``
    returns (out, final_state). CPU only: the GPU targets refuse it."""
    ir = _ir.linear_attention(q, k, v, kind=kind, cu_seqlens=cu_seqlens, causal=causal,
                              scale=scale, bias=bias, silu_norm=silu_norm, decay=decay,
                              initial_state=initial_state,
                              return_final_state=return_final_state)
    outs = _run(ir, checked)
    return (outs[0], outs[1]) if len(outs) == 2 else outs[0]


def append_kv(k, v, k_cache, v_cache, *, slot_mapping=None, batch_indices=None,
              positions=None, kv_indptr=None, kv_indices=None, kv_last_page_len=None,
              layout="NHD", rope=None, checked=True):
    """Write new tokens k [T, Hkv, D], v [T, Hkv, Dv] into k_cache/v_cache
    in place and return ``(k_cache, v_cache)``.

    Slots come from ``slot_mapping`` [T] (vLLM's reshape_and_cache: page
    slot // page_size, offset slot % page_size; negative slots are skipped)
    or from FlashInfer's append_paged_kv_cache metadata ``batch_indices``,
    ``positions``, ``kv_indptr``, ``kv_indices`` (``kv_last_page_len`` is
    accepted for signature compatibility and only shape-checked). layout:
    "NHD", "HND" or "vLLM" (K [blocks, Hkv, D/x, bs, x], V [blocks, Hkv, Dv,
    bs]). With ``rope`` the keys are rotated at ``positions`` first."""
    ir = _ir.append_kv(k, v, k_cache, v_cache, slot_mapping=slot_mapping,
                       batch_indices=batch_indices, positions=positions, kv_indptr=kv_indptr,
                       kv_indices=kv_indices, kv_last_page_len=kv_last_page_len,
                       layout=layout, rope=rope)
    _run(ir, checked)
    return ir.inputs["k_cache"], ir.inputs["v_cache"]


def merge_states(v_a, s_a, v_b, s_b, *more, checked=True):
    """Merge attention states over disjoint key sets (FlashInfer's
    merge_state): values [..., H, D], LSEs [..., H] (float32, natural log)
    -> (v, s) with s = log(exp(s_a) + exp(s_b)),
    v = exp(s_a - s) v_a + exp(s_b - s) v_b. More (value, lse) pairs may
    follow. Rows where every LSE is -inf merge to v = 0, s = -inf."""
    if len(more) % 2:
        raise ValueError("merge_states: extra states must come as (value, lse) pairs")
    values = [v_a, v_b] + list(more[0::2])
    lses = [s_a, s_b] + list(more[1::2])
    ir = _ir.merge_states(values, lses)
    v, s = _run(ir, checked)
    return v, s
