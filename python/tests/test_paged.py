"""Paged-KV ops against the float64 reference: attn.batch_prefill,
attn.batch_decode (FlashInfer NHD/HND caches, page sizes 1 and 16),
attn.paged_attention (vLLM caches) and attn.mla_decode."""

import numpy as np
import pytest

import attn
import reference as R
from helpers import (ROPE_TOL, assert_close, assert_empty_rows, assert_lse_close,
                     cu_from_lens, make_paged_kv, make_vllm_kv, randn)

pytestmark = pytest.mark.e2e

HQ, D = 8, 16
F32, F16 = np.float32, np.float16

# Requests: an empty one (no pages, no queries), one whose single query has
# no key (Sk = 0), length-1 sequences, more queries than keys, and a long
# one spanning several 16-token pages.
KV_LENS = [5, 0, 0, 1, 2, 37]
Q_LENS = [2, 0, 1, 1, 4, 3]


def check_attention(res, ref, dtype, return_lse=True, tol=None):
    out, lse = res
    ro, rl = ref
    assert out.dtype == dtype
    assert_close(out, ro, dtype, tol=tol)
    if return_lse:
        assert_lse_close(lse, rl, dtype, tol=tol)
        assert_empty_rows(out, lse, np.isneginf(rl))


# --- batch_prefill -----------------------------------------------------------

@pytest.mark.parametrize("page_size", [1, 16])
@pytest.mark.parametrize("layout", ["NHD", "HND"])
def test_batch_prefill_layouts_and_page_sizes(rng, layout, page_size):
    kc, vc, ip, ix, last = make_paged_kv(rng, KV_LENS, page_size, 2, D, D, layout)
    qo = cu_from_lens(Q_LENS)
    q = randn(rng, (sum(Q_LENS), HQ, D))
    res = attn.batch_prefill(q, qo, kc, vc, ip, ix, last, layout=layout, causal=True,
                             return_lse=True)
    ref = R.batch_prefill_ref(q, qo, kc, vc, ip, ix, last, layout=layout, causal=True)
    check_attention(res, ref, F32)


def test_batch_prefill_f16_mha_i64(rng):
    kc, vc, ip, ix, last = make_paged_kv(rng, KV_LENS, 16, 8, D, D, "NHD", F16, np.int64)
    qo = cu_from_lens(Q_LENS, np.int64)
    q = randn(rng, (sum(Q_LENS), HQ, D), F16)
    res = attn.batch_prefill(q, qo, kc, vc, ip, ix, last, causal=True, return_lse=True)
    ref = R.batch_prefill_ref(q, qo, kc, vc, ip, ix, last, causal=True)
    check_attention(res, ref, F16)


def test_batch_prefill_window_softcap_alibi(rng):
    kc, vc, ip, ix, last = make_paged_kv(rng, KV_LENS, 16, 1, D, D, "HND")
    qo = cu_from_lens(Q_LENS)
    q = randn(rng, (sum(Q_LENS), HQ, D))
    slopes = rng.uniform(0.0, 0.5, (len(Q_LENS), HQ)).astype(F32)
    opts = dict(causal=True, window=(3, -1), softcap=1.5, alibi_slopes=slopes, scale=0.3)
    res = attn.batch_prefill(q, qo, kc, vc, ip, ix, last, layout="HND", return_lse=True, **opts)
    ref = R.batch_prefill_ref(q, qo, kc, vc, ip, ix, last, layout="HND", **opts)
    check_attention(res, ref, F32)


SCORE_MOD = """
%hi = arith.index_cast %h : index to i64
%hf = arith.sitofp %hi : i64 to f32
%c = arith.constant 0.125 : f32
%t = arith.mulf %hf, %c : f32
%r = arith.subf %score, %t : f32
attn.yield %r : f32
"""
# mask_mod: only keys 0 and 1 (attention sinks) pass.
MASK_MOD = """
%c2 = arith.constant 2 : index
%sink = arith.cmpi ult, %kv_idx, %c2 : index
attn.yield %sink : i1
"""


def test_batch_prefill_score_and_mask_mod(rng):
    kc, vc, ip, ix, last = make_paged_kv(rng, KV_LENS, 16, 2, D, D, "NHD")
    qo = cu_from_lens(Q_LENS)
    q = randn(rng, (sum(Q_LENS), HQ, D))
    res = attn.batch_prefill(q, qo, kc, vc, ip, ix, last, window=(1, -1), score_mod=SCORE_MOD,
                             mask_mod=MASK_MOD, return_lse=True)
    # mask_mod is ANDed with the window: keys < 2 that also lie in the window.
    ref = R.batch_prefill_ref(q, qo, kc, vc, ip, ix, last, window=(1, -1),
                              score_mod=lambda s, b, h, i, j: s - 0.125 * h,
                              mask_mod=lambda b, h, i, j: j < 2)
    check_attention(res, ref, F32)


# --- batch_decode ------------------------------------------------------------

DEC_LENS = [5, 0, 1, 16, 37]


@pytest.mark.parametrize("page_size", [1, 16])
@pytest.mark.parametrize("layout", ["NHD", "HND"])
def test_batch_decode_layouts_and_page_sizes(rng, layout, page_size):
    kc, vc, ip, ix, last = make_paged_kv(rng, DEC_LENS, page_size, 2, D, D, layout)
    q = randn(rng, (len(DEC_LENS), HQ, D))
    res = attn.batch_decode(q, kc, vc, ip, ix, last, layout=layout, return_lse=True)
    ref = R.batch_decode_ref(q, kc, vc, ip, ix, last, layout=layout)
    check_attention(res, ref, F32)
    assert (res[0][1] == 0).all() and np.isneginf(res[1][1]).all()  # Sk = 0


@pytest.mark.parametrize("hkv", [8, 1], ids=["mha", "mqa"])
def test_batch_decode_f16(rng, hkv):
    kc, vc, ip, ix, last = make_paged_kv(rng, DEC_LENS, 16, hkv, D, D, "HND", F16)
    q = randn(rng, (len(DEC_LENS), HQ, D), F16)
    res = attn.batch_decode(q, kc, vc, ip, ix, last, layout="HND", return_lse=True)
    ref = R.batch_decode_ref(q, kc, vc, ip, ix, last, layout="HND")
    check_attention(res, ref, F16)


def test_batch_decode_window_softcap_alibi_rope(rng):
    kc, vc, ip, ix, last = make_paged_kv(rng, DEC_LENS, 16, 2, D, D, "NHD")
    q = randn(rng, (len(DEC_LENS), HQ, D))
    slopes = np.linspace(0.1, 0.9, HQ).astype(F32)
    rope = attn.Rope(500.0, D, "neox")
    # window (4, -1) keeps the last 5 keys; decode ignores causal.
    opts = dict(window=(4, -1), softcap=3.0, alibi_slopes=slopes, causal=True)
    res = attn.batch_decode(q, kc, vc, ip, ix, last, rope=rope, return_lse=True, **opts)
    ref = R.batch_decode_ref(q, kc, vc, ip, ix, last, rope=tuple(rope), **opts)
    check_attention(res, ref, F32, tol=ROPE_TOL)


def test_batch_decode_mods_and_positions(rng):
    kc, vc, ip, ix, last = make_paged_kv(rng, DEC_LENS, 1, 2, D, D, "HND")
    q = randn(rng, (len(DEC_LENS), HQ, D))
    pos = rng.integers(0, 100, len(DEC_LENS)).astype(np.int32)
    rope = attn.Rope(10000.0, 8, "interleaved")
    res = attn.batch_decode(q, kc, vc, ip, ix, last, layout="HND", score_mod=SCORE_MOD,
                            mask_mod=MASK_MOD, rope=rope, positions=pos, return_lse=True)
    ref = R.batch_decode_ref(q, kc, vc, ip, ix, last, layout="HND",
                             score_mod=lambda s, b, h, i, j: s - 0.125 * h,
                             mask_mod=lambda b, h, i, j: j < 2, rope=tuple(rope),
                             positions=pos)
    check_attention(res, ref, F32, tol=ROPE_TOL)


@pytest.mark.parametrize("normalizer", ["sigmoid", "none"])
def test_batch_decode_normalizers(rng, normalizer):
    kc, vc, ip, ix, last = make_paged_kv(rng, DEC_LENS, 16, 2, D, D, "NHD")
    q = randn(rng, (len(DEC_LENS), HQ, D))
    bias = 0.5 if normalizer == "sigmoid" else None
    out = attn.batch_decode(q, kc, vc, ip, ix, last, normalizer=normalizer, sigmoid_bias=bias)
    ro, _ = R.batch_decode_ref(q, kc, vc, ip, ix, last, normalizer=normalizer,
                               sigmoid_bias=bias)
    assert_close(out, ro, F32)
    assert (out[1] == 0).all()


# --- paged_attention (vLLM) --------------------------------------------------

VLLM_LENS = [5, 0, 1, 16, 33]


@pytest.mark.parametrize("dtype,block,x,hkv", [(F32, 16, 4, 2), (F16, 1, 8, 8)],
                         ids=["f32-bs16-x4-gqa", "f16-bs1-x8-mha"])
def test_paged_attention(rng, dtype, block, x, hkv):
    kc, vc, bt, cl = make_vllm_kv(rng, VLLM_LENS, block, hkv, D, D, x, dtype)
    q = randn(rng, (len(VLLM_LENS), HQ, D), dtype)
    res = attn.paged_attention(q, kc, vc, bt, cl, scale=0.3, return_lse=True)
    ref = R.paged_attention_ref(q, kc, vc, bt, cl, scale=0.3)
    check_attention(res, ref, dtype)


def test_paged_attention_options_i64(rng):
    kc, vc, bt, cl = make_vllm_kv(rng, VLLM_LENS, 16, 1, D, 8, 4, F32, np.int64)
    q = randn(rng, (len(VLLM_LENS), HQ, D))
    slopes = rng.uniform(0.0, 0.3, (len(VLLM_LENS), HQ)).astype(F32)
    opts = dict(softcap=2.0, alibi_slopes=slopes, window=(7, -1))
    res = attn.paged_attention(q, kc, vc, bt, cl, mask_mod=MASK_MOD, return_lse=True, **opts)
    ref = R.paged_attention_ref(q, kc, vc, bt, cl, mask_mod=lambda b, h, i, j: j < 2, **opts)
    check_attention(res, ref, F32)


# --- mla_decode --------------------------------------------------------------

H_MLA, DC, DR = 8, 32, 8


@pytest.mark.parametrize("dtype,page_size", [(F32, 1), (F32, 16), (F16, 16)])
def test_mla_decode(rng, dtype, page_size):
    kc, vc, ip, ix, last = make_paged_kv(rng, DEC_LENS, page_size, 1, DC, DR, "NHD", dtype)
    ckv, kpe = np.ascontiguousarray(kc[:, :, 0]), np.ascontiguousarray(vc[:, :, 0])
    b = len(DEC_LENS)
    qn, qp = randn(rng, (b, H_MLA, DC), dtype), randn(rng, (b, H_MLA, DR), dtype)
    scale = 1.0 / np.sqrt(24.0)  # as DeepSeek: not 1/sqrt(Dc + Dr)
    res = attn.mla_decode(qn, qp, ckv, kpe, ip, ix, last, scale=scale, return_lse=True)
    ref = R.mla_decode_ref(qn, qp, ckv, kpe, ip, ix, last, scale=scale)
    check_attention(res, ref, dtype)
    assert res[0].shape == (b, H_MLA, DC) and res[1].shape == (b, H_MLA)
