"""attn.append_kv and attn.merge_states against the float64 reference."""

import numpy as np
import pytest

import attn
import reference as R
from helpers import ROPE_TOL, assert_close, assert_lse_close, randn

pytestmark = pytest.mark.e2e

HKV, D = 2, 16
F32, F16 = np.float32, np.float16


def caches(rng, layout, pages, page_size, dtype=F32, dv=D, x=4):
    if layout == "NHD":
        return (randn(rng, (pages, page_size, HKV, D), dtype),
                randn(rng, (pages, page_size, HKV, dv), dtype))
    if layout == "HND":
        return (randn(rng, (pages, HKV, page_size, D), dtype),
                randn(rng, (pages, HKV, page_size, dv), dtype))
    return (randn(rng, (pages, HKV, D // x, page_size, x), dtype),
            randn(rng, (pages, HKV, dv, page_size), dtype))


@pytest.mark.parametrize("layout,page_size,idx", [("NHD", 16, np.int64), ("HND", 1, np.int32),
                                                  ("vLLM", 16, np.int64)])
def test_append_slot_mapping(rng, layout, page_size, idx):
    pages = 16 if page_size == 1 else 4
    kc, vc = caches(rng, layout, pages, page_size)
    t = 7
    k, v = randn(rng, (t, HKV, D)), randn(rng, (t, HKV, D))
    slots = rng.choice(pages * page_size, t, replace=False).astype(idx)
    slots[2] = -1  # padding token: skipped
    want_k, want_v = R.append_kv_ref(k, v, kc, vc, slot_mapping=slots, layout=layout)
    kc_id, vc_id = id(kc), id(vc)
    rk, rv = attn.append_kv(k, v, kc, vc, slot_mapping=slots, layout=layout)
    assert id(rk) == kc_id and id(rv) == vc_id  # updated in place, returned
    np.testing.assert_array_equal(kc, want_k.astype(F32))
    np.testing.assert_array_equal(vc, want_v.astype(F32))
    # No tokens: nothing changes (the same kernel, T = 0).
    before = kc.copy()
    attn.append_kv(k[:0], v[:0], kc, vc, slot_mapping=slots[:0], layout=layout)
    np.testing.assert_array_equal(kc, before)


@pytest.mark.parametrize("layout,page_size", [("NHD", 16), ("HND", 4)])
def test_append_page_table_f16(rng, layout, page_size):
    pages = 6
    kc, vc = caches(rng, layout, pages, page_size, F16)
    kv_indptr = np.array([0, 2, 2, 3], dtype=np.int32)
    kv_indices = np.array([5, 1, 3, 0], dtype=np.int32)  # trailing entry unused
    batch_indices = np.array([0, 0, 2, 0, 2], dtype=np.int32)
    # Request 0 owns pages 5, 1; request 1 none; request 2 page 3. Distinct
    # (request, position) pairs, including a page's first and last slot.
    positions = np.array([0, 1, 0, 2 * page_size - 1, page_size - 1], dtype=np.int32)
    t = len(batch_indices)
    k, v = randn(rng, (t, HKV, D), F16), randn(rng, (t, HKV, D), F16)
    want_k, want_v = R.append_kv_ref(k, v, kc, vc, batch_indices=batch_indices,
                                     positions=positions, kv_indptr=kv_indptr,
                                     kv_indices=kv_indices, layout=layout)
    attn.append_kv(k, v, kc, vc, batch_indices=batch_indices, positions=positions,
                   kv_indptr=kv_indptr, kv_indices=kv_indices, layout=layout)
    np.testing.assert_array_equal(kc, want_k.astype(F16))
    np.testing.assert_array_equal(vc, want_v.astype(F16))


def test_append_rope(rng):
    kc, vc = caches(rng, "NHD", 3, 16)
    t = 5
    k, v = randn(rng, (t, HKV, D)), randn(rng, (t, HKV, D))
    slots = np.array([0, 17, 5, 40, 33], dtype=np.int64)
    pos = np.array([0, 3, 100, 7, 127], dtype=np.int64)
    rope = attn.Rope(10000.0, D, "neox")
    want_k, want_v = R.append_kv_ref(k, v, kc, vc, slot_mapping=slots, positions=pos,
                                     layout="NHD", rope=tuple(rope))
    attn.append_kv(k, v, kc, vc, slot_mapping=slots, positions=pos, layout="NHD", rope=rope)
    assert_close(kc, want_k, F32, name="k_cache", tol=ROPE_TOL)
    np.testing.assert_array_equal(vc, want_v.astype(F32))


# --- merge_states ------------------------------------------------------------

def states(rng, shape, dtype, n=2):
    vs = [randn(rng, shape, dtype) for _ in range(n)]
    ss = [randn(rng, shape[:-1], F32, scale=3.0) for _ in range(n)]
    # Rows empty in some states, and in all of them.
    flat = [s.reshape(-1) for s in ss]
    flat[0][0] = -np.inf
    for f in flat:
        f[1] = -np.inf
    return vs, ss


@pytest.mark.parametrize("dtype", [F32, F16])
def test_merge_two_states(rng, dtype):
    for tokens in (5, 1, 0):
        (va, vb), (sa, sb) = states(rng, (tokens + 2, 4, 8), dtype)
        v, s = attn.merge_states(va, sa, vb, sb)
        rv, rs = R.merge_states_ref([va, vb], [sa, sb])
        assert v.dtype == dtype and s.dtype == F32
        assert_close(v, rv, dtype)
        assert_lse_close(s, rs, dtype)
        empty = np.isneginf(sa) & np.isneginf(sb)
        assert empty.any()
        assert (v[empty] == 0).all() and np.isneginf(s[empty]).all()  # all -inf -> 0, -inf


def test_merge_three_rank4_states_equals_full_attention(rng):
    """Split-KV: attention over three key chunks merged = attention over all."""
    q = randn(rng, (2, 3, 4, 8))
    k, v = randn(rng, (2, 10, 4, 8)), randn(rng, (2, 10, 4, 8))
    parts = [attn.prefill(q, k[:, a:b], v[:, a:b], return_lse=True)
             for a, b in [(0, 3), (3, 4), (4, 10)]]
    args = [x for p in parts for x in p]
    mv, ms = attn.merge_states(*args)
    fo, fl = R.prefill_ref(q, k, v)
    assert_close(mv, fo, F32)
    assert_lse_close(ms, fl, F32)
