"""attn.linear_attention (HSTU, Lightning) against the float64 reference."""

import numpy as np
import pytest

import attn
import reference as R
from helpers import assert_close, cu_from_lens, randn

pytestmark = pytest.mark.e2e

H, D = 2, 8
F32, F16 = np.float32, np.float16


def test_hstu_dense_causal_bias(rng):
    for bsz, s in [(2, 5), (1, 1), (3, 4)]:
        q, k, v = randn(rng, (bsz, s, H, D)), randn(rng, (bsz, s, H, D)), randn(rng, (bsz, s, H, D))
        bias = randn(rng, (bsz, H, 6, 6), scale=0.5)
        out = attn.linear_attention(q, k, v, kind="hstu", causal=True, bias=bias, silu_norm=6)
        ref = R.hstu_ref(q, k, v, causal=True, bias=bias, silu_norm=6)
        assert out.shape == v.shape and out.dtype == F32
        assert_close(out, ref, F32)


def test_hstu_dense_default_norm_f16(rng):
    # silu_norm defaults to the sequence length, read at run time: the IR
    # has no silu_norm, so every length runs the same kernel. Dv != D.
    for s in (6, 1, 9):
        q, k = randn(rng, (2, s, H, D), F16), randn(rng, (2, s, H, D), F16)
        v = randn(rng, (2, s, H, 4), F16)
        out = attn.linear_attention(q, k, v, kind="hstu", scale=0.5)
        assert_close(out, R.hstu_ref(q, k, v, scale=0.5, silu_norm=s), F16)
    ir = attn.build_ir("linear_attention", q=q, k=k, v=v, kind="hstu", scale=0.5)
    assert "silu_norm" not in ir


def test_hstu_ragged_default_norm(rng):
    # Ragged without silu_norm: N is the longest request of each batch.
    for lens in ([3, 0, 1, 5], [2, 2], [0]):
        cu = cu_from_lens(lens)
        t = sum(lens)
        q, k, v = randn(rng, (t, H, D)), randn(rng, (t, H, D)), randn(rng, (t, H, D))
        out = attn.linear_attention(q, k, v, kind="hstu", cu_seqlens=cu, causal=True)
        ref = R.hstu_ref(q, k, v, cu_seqlens=cu, causal=True,
                         silu_norm=max(1, max(lens)))
        assert_close(out, ref, F32)


def test_hstu_ragged_causal_bias(rng):
    lens = [3, 0, 1, 5]
    cu = cu_from_lens(lens)
    t = sum(lens)
    q, k, v = randn(rng, (t, H, D)), randn(rng, (t, H, D)), randn(rng, (t, H, D))
    bias = randn(rng, (len(lens), H, 5, 5), scale=0.5)
    out = attn.linear_attention(q, k, v, kind="hstu", cu_seqlens=cu, causal=True, bias=bias,
                                silu_norm=8)
    assert_close(out, R.hstu_ref(q, k, v, cu_seqlens=cu, causal=True, bias=bias, silu_norm=8),
                 F32)


def test_lightning_dense_states_and_chaining(rng):
    decay = np.array([0.1, 0.7], dtype=F32)
    q, k, v = randn(rng, (2, 7, H, D)), randn(rng, (2, 7, H, D)), randn(rng, (2, 7, H, 4))
    s0 = randn(rng, (2, H, D, 4))
    out, final = attn.linear_attention(q, k, v, kind="lightning", decay=decay, scale=0.5,
                                       initial_state=s0, return_final_state=True)
    ro, rf = R.lightning_ref(q, k, v, decay, scale=0.5, initial_state=s0)
    assert final.shape == (2, H, D, 4) and final.dtype == F32
    assert_close(out, ro, F32)
    assert_close(final, rf, F32, name="final_state")
    # Prefill the first 5 tokens, then decode two single tokens from the
    # state (the same kernel: lengths are dynamic).
    o1, st = attn.linear_attention(q[:, :5], k[:, :5], v[:, :5], kind="lightning", decay=decay,
                                   scale=0.5, initial_state=s0, return_final_state=True)
    outs = [o1]
    for i in (5, 6):
        o, st = attn.linear_attention(q[:, i:i + 1], k[:, i:i + 1], v[:, i:i + 1],
                                      kind="lightning", decay=decay, scale=0.5,
                                      initial_state=st, return_final_state=True)
        outs.append(o)
    assert_close(np.concatenate(outs, axis=1), ro, F32)
    assert_close(st, rf, F32, name="final_state")


def test_lightning_ragged_f16(rng):
    lens = [4, 0, 1, 3]
    cu = cu_from_lens(lens, np.int64)
    t = sum(lens)
    decay = np.array([0.0, 0.25])
    q, k, v = randn(rng, (t, H, D), F16), randn(rng, (t, H, D), F16), randn(rng, (t, H, D), F16)
    out, final = attn.linear_attention(q, k, v, kind="lightning", cu_seqlens=cu, decay=decay,
                                       return_final_state=True)
    ro, rf = R.lightning_ref(q, k, v, decay, cu_seqlens=cu)
    assert_close(out, ro, F16)
    # The state is f32 from f16 inputs: products exact, f32 accumulation.
    assert_close(final, rf, F32, name="final_state", tol=1e-4)
    assert (final[1] == 0).all()
