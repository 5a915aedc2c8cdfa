"""Run generated CPU kernels through the attn Python package and compare them
with the independent float64 NumPy reference of python/tests/reference.py."""

import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "python"))
sys.path.insert(0, os.path.join(HERE, "..", "python", "tests"))

import attn  # noqa: E402
import reference as ref  # noqa: E402

rng = np.random.default_rng(2026)


def report(name, got, want):
    err = np.max(np.abs(got.astype(np.float64) - want))
    rel = err / max(np.max(np.abs(want)), 1e-30)
    print("%-52s max abs err %.2e  rel %.2e" % (name, err, rel))


# Ragged causal GQA prefill with soft-capping, f16.
lens_q, lens_k = [3, 1, 6], [5, 1, 6]
cu_q = np.cumsum([0] + lens_q).astype(np.int32)
cu_k = np.cumsum([0] + lens_k).astype(np.int32)
q = rng.standard_normal((cu_q[-1], 8, 64)).astype(np.float16)
k = rng.standard_normal((cu_k[-1], 2, 64)).astype(np.float16)
v = rng.standard_normal((cu_k[-1], 2, 64)).astype(np.float16)
out, lse = attn.prefill(q, k, v, causal=True, softcap=30.0, cu_seqlens_q=cu_q,
                        cu_seqlens_k=cu_k, return_lse=True)
want, want_lse = ref.prefill_ref(q, k, v, cu_seqlens_q=cu_q, cu_seqlens_k=cu_k,
                                 causal=True, softcap=30.0)
report("prefill (ragged, causal, softcap, GQA 4, f16) out", out, want)
report("prefill lse", lse, want_lse)

# Decode over a page table with page size 1 (SGLang), f32.
pages, heads, kv_heads, d = 32, 8, 2, 64
k_cache = rng.standard_normal((pages, 1, kv_heads, d)).astype(np.float32)
v_cache = rng.standard_normal((pages, 1, kv_heads, d)).astype(np.float32)
kv_indptr = np.array([0, 7, 7, 20], dtype=np.int32)
kv_indices = rng.permutation(pages)[:20].astype(np.int32)
last = np.ones(3, dtype=np.int32)
qd = rng.standard_normal((3, heads, d)).astype(np.float32)
out, lse = attn.batch_decode(qd, k_cache, v_cache, kv_indptr, kv_indices, last,
                             return_lse=True)
want, want_lse = ref.batch_decode_ref(qd, k_cache, v_cache, kv_indptr, kv_indices, last)
report("batch_decode (page size 1, an empty request, f32)", out, want)
print("empty request: out all zero:", bool(np.all(out[1] == 0)), " lse:", lse[1][:2])

# Checked mode catches a bad page index before the kernel runs.
bad = kv_indices.copy()
bad[3] = 1000
try:
    attn.batch_decode(qd, k_cache, v_cache, kv_indptr, bad, last)
except attn.AttnError as e:
    print("checked mode:", e)
