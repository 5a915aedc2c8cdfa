"""attn.prefill against the float64 reference (dense and ragged).

Kernels are specialized on head counts, head dims, dtypes and options only,
so every test below reuses a handful of (Hq, Hkv, D) shapes; calls with
different lengths share one compiled kernel.
"""

import os

import numpy as np
import pytest

import attn
import reference as R
from helpers import (ROPE_TOL, assert_close, assert_empty_rows, assert_lse_close, cu_from_lens,
                     randn)

pytestmark = pytest.mark.e2e

HQ, D = 8, 16
F32, F16 = np.float32, np.float16

# (B, Sq, Sk): chunked prefill (Sq < Sk), square, and Sq > Sk where causal
# leaves the first rows without keys.
DENSE_SHAPES = [(2, 5, 9), (1, 6, 6), (2, 7, 4)]


def run_dense(rng, dtype, hkv, shapes=DENSE_SHAPES, dv=D, **opts):
    for bsz, sq, sk in shapes:
        q = randn(rng, (bsz, sq, HQ, D), dtype)
        k = randn(rng, (bsz, sk, hkv, D), dtype)
        v = randn(rng, (bsz, sk, hkv, dv), dtype)
        return_lse = opts.get("normalizer", "softmax") == "softmax"
        res = attn.prefill(q, k, v, return_lse=return_lse, **opts)
        out, lse = res if return_lse else (res, None)
        ro, rl = R.prefill_ref(q, k, v, **opts)
        assert out.shape == (bsz, sq, HQ, dv) and out.dtype == dtype
        assert_close(out, ro, dtype)
        if return_lse:
            assert lse.shape == (bsz, sq, HQ)
            assert_lse_close(lse, rl, dtype)
            assert_empty_rows(out, lse, np.isneginf(rl))


@pytest.mark.parametrize("hkv", [8, 2, 1], ids=["mha", "gqa4", "mqa"])
def test_dense_causal_gqa_f32(rng, hkv):
    run_dense(rng, F32, hkv, causal=True)


def test_dense_causal_gqa_f16(rng):
    run_dense(rng, F16, 2, causal=True)


def test_dense_non_causal(rng):
    run_dense(rng, F32, 2)


def test_fully_masked_rows_are_zero_never_nan(rng):
    # Sq = 6 > Sk = 2: the first 4 queries sit before every key.
    q, k, v = randn(rng, (1, 6, HQ, D)), randn(rng, (1, 2, 2, D)), randn(rng, (1, 2, 2, D))
    out, lse = attn.prefill(q, k, v, causal=True, return_lse=True)
    assert not np.isnan(out).any() and not np.isnan(lse).any()
    assert (out[0, :4] == 0).all() and np.isneginf(lse[0, :4]).all()
    assert np.isfinite(lse[0, 4:]).all()


# Each option set is one kernel (f32, GQA 4).
SCORE_MOD = """
^bb0(%s: f32, %b: index, %h: index, %qi: index, %kj: index):
  %d = arith.subi %qi, %kj : index
  %di = arith.index_cast %d : index to i64
  %df = arith.sitofp %di : i64 to f32
  %c = arith.constant 0.25 : f32
  %t = arith.mulf %df, %c : f32
  %hi = arith.index_cast %h : index to i64
  %hf = arith.sitofp %hi : i64 to f32
  %u = arith.subf %s, %t : f32
  %r = arith.addf %u, %hf : f32
  attn.yield %r : f32
"""


def score_mod_py(s, b, h, i, j):
    return s - 0.25 * (i - j) + h


# Body-only form (the header "^bb0(%b, %h, %q_idx, %kv_idx: index)" is
# added): a key is visible when it is in the same block of 3 as the query's
# raw index, or when it is key 0 (an attention sink) and the head is not 1.
# Rows of later blocks with Sq > Sk then see nothing on head 1.
MASK_MOD = """
%c3 = arith.constant 3 : index
%c0 = arith.constant 0 : index
%c1 = arith.constant 1 : index
%qb = arith.divui %q_idx, %c3 : index
%kb = arith.divui %kv_idx, %c3 : index
%same = arith.cmpi eq, %qb, %kb : index
%sink = arith.cmpi eq, %kv_idx, %c0 : index
%h1 = arith.cmpi ne, %h, %c1 : index
%vis0 = arith.andi %sink, %h1 : i1
%vis = arith.ori %same, %vis0 : i1
attn.yield %vis : i1
"""


def mask_mod_py(b, h, i, j):
    return (i // 3 == j // 3) or (j == 0 and h != 1)


OPTION_SETS = {
    "window": dict(window=(3, 2)),
    "local_causal": dict(causal=True, window=(2, -1)),
    "softcap_scale": dict(softcap=2.0, scale=0.4),
    "alibi_per_head": dict(alibi_slopes=np.linspace(0.05, 0.8, HQ).astype(np.float32),
                           causal=True),
    "score_mod": dict(score_mod=SCORE_MOD, causal=True),
    "mask_mod": dict(mask_mod=MASK_MOD),
    "sigmoid": dict(normalizer="sigmoid", sigmoid_bias=-1.5, causal=True),
    "none": dict(normalizer="none", window=(4, 0)),
    "rope_neox": dict(rope=attn.Rope(100.0, D, "neox"), causal=True),
    "rope_interleaved_half": dict(rope=attn.Rope(5000.0, D // 2, "interleaved")),
}


def _ref_opts(opts):
    o = dict(opts)
    if "score_mod" in o:
        o["score_mod"] = score_mod_py
    if "mask_mod" in o:
        o["mask_mod"] = mask_mod_py
    if "rope" in o:
        o["rope"] = tuple(o["rope"])
    return o


@pytest.mark.parametrize("name", sorted(OPTION_SETS))
def test_dense_options(rng, name):
    opts = OPTION_SETS[name]
    for bsz, sq, sk in DENSE_SHAPES:
        q = randn(rng, (bsz, sq, HQ, D))
        k = randn(rng, (bsz, sk, 2, D))
        v = randn(rng, (bsz, sk, 2, D))
        softmax = opts.get("normalizer", "softmax") == "softmax"
        res = attn.prefill(q, k, v, return_lse=softmax, **opts)
        ro, rl = R.prefill_ref(q, k, v, **_ref_opts(opts))
        out = res[0] if softmax else res
        assert_close(out, ro, F32)
        if softmax:
            assert_lse_close(res[1], rl, F32)
            assert_empty_rows(out, res[1], np.isneginf(rl))


def test_alibi_per_request_and_positions(rng):
    bsz, sq, sk = 2, 4, 6
    q, k, v = randn(rng, (bsz, sq, HQ, D)), randn(rng, (bsz, sk, 2, D)), randn(rng, (bsz, sk, 2, D))
    slopes = rng.uniform(0.1, 1.0, (bsz, HQ)).astype(F32)
    pos = rng.integers(0, 50, (bsz, sq)).astype(np.int64)
    rope = attn.Rope(10000.0, 8, "neox")
    out, lse = attn.prefill(q, k, v, alibi_slopes=slopes, rope=rope, positions=pos, causal=True,
                            return_lse=True)
    ro, rl = R.prefill_ref(q, k, v, alibi_slopes=slopes, rope=tuple(rope), positions=pos,
                           causal=True)
    assert_close(out, ro, F32, tol=ROPE_TOL)
    assert_lse_close(lse, rl, F32, tol=ROPE_TOL)


def test_value_head_dim_differs(rng):
    run_dense(rng, F32, 2, shapes=[(2, 3, 5)], dv=8, causal=True)


def test_without_lse_returns_only_out(rng):
    q, k, v = randn(rng, (2, 3, HQ, D)), randn(rng, (2, 5, 2, D)), randn(rng, (2, 5, 2, D))
    out = attn.prefill(q, k, v, causal=True)
    assert isinstance(out, np.ndarray)
    assert_close(out, R.prefill_ref(q, k, v, causal=True)[0], F32)


# Ragged batches with an empty sequence, length-1 sequences and a request
# whose queries outnumber its keys.
RAGGED = [([3, 0, 1, 4, 3], [5, 0, 1, 4, 1]), ([1], [1]), ([0, 2], [3, 0])]


@pytest.mark.parametrize("dtype,idx", [(F32, np.int32), (F16, np.int64)],
                         ids=["f32-i32", "f16-i64"])
def test_ragged_causal_gqa(rng, dtype, idx):
    for q_lens, k_lens in RAGGED:
        cq, ck = cu_from_lens(q_lens, idx), cu_from_lens(k_lens, idx)
        q = randn(rng, (sum(q_lens), HQ, D), dtype)
        k = randn(rng, (sum(k_lens), 2, D), dtype)
        v = randn(rng, (sum(k_lens), 2, D), dtype)
        out, lse = attn.prefill(q, k, v, cu_seqlens_q=cq, cu_seqlens_k=ck, causal=True,
                                return_lse=True)
        ro, rl = R.prefill_ref(q, k, v, cu_seqlens_q=cq, cu_seqlens_k=ck, causal=True)
        assert out.shape == (sum(q_lens), HQ, D) and lse.shape == (sum(q_lens), HQ)
        assert_close(out, ro, dtype)
        assert_lse_close(lse, rl, dtype)
        assert_empty_rows(out, lse, np.isneginf(rl))


def test_ragged_mask_mod_and_softcap(rng):
    q_lens, k_lens = [2, 1, 0, 4], [4, 1, 2, 4]
    cq, ck = cu_from_lens(q_lens), cu_from_lens(k_lens)
    q = randn(rng, (sum(q_lens), HQ, D))
    k, v = randn(rng, (sum(k_lens), 8, D)), randn(rng, (sum(k_lens), 8, D))
    out, lse = attn.prefill(q, k, v, cu_seqlens_q=cq, cu_seqlens_k=ck, softcap=1.5,
                            mask_mod=MASK_MOD, return_lse=True)
    ro, rl = R.prefill_ref(q, k, v, cu_seqlens_q=cq, cu_seqlens_k=ck, softcap=1.5,
                           mask_mod=mask_mod_py)
    assert_close(out, ro, F32)
    assert_lse_close(lse, rl, F32)


def test_one_kernel_serves_all_lengths(rng):
    """Batch and sequence dims are dynamic: new lengths compile nothing."""
    cache = os.environ["ATTN_CACHE_DIR"]

    def packages():
        return set(p for p in os.listdir(cache) if p.endswith(".attnpkg")) \
            if os.path.isdir(cache) else set()

    q, k, v = randn(rng, (1, 2, HQ, D)), randn(rng, (1, 3, 4, D)), randn(rng, (1, 3, 4, D))
    attn.prefill(q, k, v, window=(1, 1))
    before = packages()
    for bsz, sq, sk in [(3, 1, 7), (2, 9, 9), (1, 0, 4), (1, 3, 0)]:
        q, k, v = (randn(rng, (bsz, sq, HQ, D)), randn(rng, (bsz, sk, 4, D)),
                   randn(rng, (bsz, sk, 4, D)))
        out = attn.prefill(q, k, v, window=(1, 1))
        assert_close(out, R.prefill_ref(q, k, v, window=(1, 1))[0], F32)
    assert packages() == before
