"""Sanity checks of the float64 reference itself (no compiler needed).

They tie the reference's pieces to each other and to textbook formulas, so
that the end-to-end tests compare the kernels with something trustworthy.
"""

import math

import numpy as np
import pytest

import reference as R
from helpers import cu_from_lens, make_paged_kv, make_vllm_kv, randn


def dense_softmax(q, k, v, scale):
    """Textbook softmax(QK^T) V for one head, no mask."""
    s = scale * (q @ k.T)
    p = np.exp(s - s.max(axis=1, keepdims=True))
    lse = np.log(np.exp(s).sum(axis=1))
    return (p / p.sum(axis=1, keepdims=True)) @ v, lse


def test_matches_textbook_softmax_with_gqa(rng):
    q, k, v = randn(rng, (5, 8, 16)), randn(rng, (7, 2, 16)), randn(rng, (7, 2, 12))
    out, lse = R.attention_request(q, k, v)
    for h in range(8):
        o, l = dense_softmax(R.f64(q[:, h]), R.f64(k[:, h // 4]), R.f64(v[:, h // 4]),
                             1 / math.sqrt(16))
        np.testing.assert_allclose(out[:, h], o, rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(lse[:, h], l, rtol=1e-12, atol=1e-12)


def test_causal_is_bottom_right_aligned(rng):
    # Sq = 3 < Sk = 5: query i sees keys 0 .. i + 2.
    q, k, v = randn(rng, (3, 1, 4)), randn(rng, (5, 1, 4)), randn(rng, (5, 1, 4))
    out, lse = R.attention_request(q, k, v, causal=True)
    for i in range(3):
        o, l = dense_softmax(R.f64(q[i:i + 1, 0]), R.f64(k[:i + 3, 0]), R.f64(v[:i + 3, 0]), 0.5)
        np.testing.assert_allclose(out[i, 0], o[0], atol=1e-12)
        np.testing.assert_allclose(lse[i, 0], l[0], atol=1e-12)


def test_fully_masked_rows_are_zero_with_neg_inf_lse(rng):
    # Sq = 4 > Sk = 2 with causal: queries 0 and 1 sit before every key.
    q, k, v = randn(rng, (4, 2, 8)), randn(rng, (2, 2, 8)), randn(rng, (2, 2, 8))
    out, lse = R.attention_request(q, k, v, causal=True)
    assert not np.isnan(out).any() and not np.isnan(lse).any()
    assert (out[:2] == 0).all() and np.isneginf(lse[:2]).all()
    assert np.isfinite(lse[2:]).all()
    # No keys at all.
    out, lse = R.attention_request(q, k[:0], v[:0])
    assert (out == 0).all() and np.isneginf(lse).all()
    # A window that hides everything for some rows via mask_mod.
    out, lse = R.attention_request(q, k, v, mask_mod=lambda b, h, i, j: i % 2 == 0)
    assert (out[1::2] == 0).all() and np.isneginf(lse[1::2]).all()


def test_window_matches_mask_mod(rng):
    q, k, v = randn(rng, (4, 2, 8)), randn(rng, (9, 2, 8)), randn(rng, (9, 2, 8))
    left, right = 2, 1
    a = R.attention_request(q, k, v, window=(left, right))
    p = lambda i: i + 9 - 4  # noqa: E731
    b = R.attention_request(q, k, v, mask_mod=lambda bb, h, i, j: p(i) - left <= j <= p(i) + right)
    np.testing.assert_allclose(a[0], b[0], atol=1e-12)
    np.testing.assert_allclose(a[1], b[1], atol=1e-12)


def test_alibi_softcap_order_matches_score_mod(rng):
    q, k, v = randn(rng, (3, 4, 8)), randn(rng, (6, 2, 8)), randn(rng, (6, 2, 8))
    slopes = np.array([0.5, 0.25, 0.125, 0.0625])
    cap, scale = 2.0, 0.3
    a = R.attention_request(q, k, v, scale=scale, softcap=cap, alibi_slopes=slopes, causal=True)

    def mod(s, b, h, i, j):
        # s arrives scaled; softcap first, then ALiBi with p_i = i + Sk - Sq.
        s = cap * math.tanh(s / cap)
        return s - slopes[h] * abs(i + 6 - 3 - j)

    b = R.attention_request(q, k, v, scale=scale, score_mod=mod, causal=True)
    np.testing.assert_allclose(a[0], b[0], atol=1e-12)
    np.testing.assert_allclose(a[1], b[1], atol=1e-12)


def test_merge_of_two_key_halves_equals_full_attention(rng):
    q, k, v = randn(rng, (4, 8, 16)), randn(rng, (10, 2, 16)), randn(rng, (10, 2, 16))
    full = R.attention_request(q, k, v)
    a = R.attention_request(q, k[:3], v[:3])
    b = R.attention_request(q, k[3:], v[3:])
    vm, sm = R.merge_states_ref([a[0], b[0]], [a[1], b[1]])
    np.testing.assert_allclose(vm, full[0], atol=1e-12)
    np.testing.assert_allclose(sm, full[1], atol=1e-12)
    # Merging with an empty split changes nothing; three-way split too.
    e = R.attention_request(q, k[:0], v[:0])
    vm, sm = R.merge_states_ref([a[0], e[0]], [a[1], e[1]])
    np.testing.assert_allclose(vm, a[0], atol=1e-12)
    np.testing.assert_allclose(sm, a[1], atol=1e-12)
    c = [R.attention_request(q, k[s], v[s]) for s in (slice(0, 2), slice(2, 7), slice(7, 10))]
    vm, sm = R.merge_states_ref([x[0] for x in c], [x[1] for x in c])
    np.testing.assert_allclose(vm, full[0], atol=1e-12)


def test_merge_all_empty_is_zero_and_neg_inf():
    v = np.ones((2, 3, 4))
    s = np.full((2, 3), -np.inf)
    vm, sm = R.merge_states_ref([v, 2 * v], [s, s])
    assert (vm == 0).all() and np.isneginf(sm).all()


@pytest.mark.parametrize("layout", ["NHD", "HND"])
@pytest.mark.parametrize("page_size", [1, 3, 16])
def test_paged_gather_equals_contiguous(rng, layout, page_size):
    lens = [5, 0, 1, 17]
    kc, vc, ip, ix, last = make_paged_kv(rng, lens, page_size, 2, 4, 3, layout)
    for b, n in enumerate(lens):
        assert R.paged_seq_len(ip, last, b, page_size) == n
        kb = R.paged_gather(kc, ip, ix, last, b, layout)
        assert kb.shape == (n, 2, 4)
        for j in range(n):
            page, slot = ix[ip[b] + j // page_size], j % page_size
            want = kc[page, slot] if layout == "NHD" else kc[page, :, slot]
            np.testing.assert_array_equal(kb[j], want)


@pytest.mark.parametrize("layout", ["NHD", "HND"])
def test_batch_prefill_and_decode_equal_contiguous_prefill(rng, layout):
    kv_lens, q_lens = [6, 0, 1, 20], [2, 0, 1, 5]
    kc, vc, ip, ix, last = make_paged_kv(rng, kv_lens, 4, 2, 8, 8, layout)
    k = np.concatenate([R.paged_gather(kc, ip, ix, last, b, layout) for b in range(4)])
    v = np.concatenate([R.paged_gather(vc, ip, ix, last, b, layout) for b in range(4)])
    q = randn(rng, (sum(q_lens), 8, 8))
    cq, ck = cu_from_lens(q_lens), cu_from_lens(kv_lens)
    a = R.batch_prefill_ref(q, cq, kc, vc, ip, ix, last, layout=layout, causal=True)
    b = R.prefill_ref(q, k, v, cu_seqlens_q=cq, cu_seqlens_k=ck, causal=True)
    np.testing.assert_allclose(a[0], b[0], atol=1e-12)
    np.testing.assert_allclose(a[1], b[1], atol=1e-12)
    # Decode = the last query row of a prefill over the same keys.
    qd = randn(rng, (4, 8, 8))
    d = R.batch_decode_ref(qd, kc, vc, ip, ix, last, layout=layout)
    for bb in range(4):
        kb = R.paged_gather(kc, ip, ix, last, bb, layout)
        vb = R.paged_gather(vc, ip, ix, last, bb, layout)
        o, l = R.attention_request(qd[bb][None], kb, vb, causal=True)
        np.testing.assert_allclose(d[0][bb], o[0], atol=1e-12)
        np.testing.assert_allclose(d[1][bb], l[0], atol=1e-12)
    assert (d[0][1] == 0).all() and np.isneginf(d[1][1]).all()


def test_vllm_gather_equals_definition(rng):
    lens = [5, 33, 0]
    kc, vc, bt, cl = make_vllm_kv(rng, lens, 16, 2, 16, 8, x=4)
    for b, n in enumerate(lens):
        kb, vb = R.vllm_gather(kc, vc, bt, cl, b)
        assert kb.shape == (n, 2, 16) and vb.shape == (n, 2, 8)
        for j in range(n):
            blk, slot = bt[b, j // 16], j % 16
            np.testing.assert_array_equal(kb[j], kc[blk, :, :, slot, :].reshape(2, 16))
            np.testing.assert_array_equal(vb[j], vc[blk, :, :, slot])


def test_mla_equals_decode_over_concatenated_latents(rng):
    lens = [3, 0, 9]
    ps = 4
    kc, vc, ip, ix, last = make_paged_kv(rng, lens, ps, 1, 16, 4, "NHD")
    ckv, kpe = kc[:, :, 0, :], vc[:, :, 0, :]       # [pages, ps, Dc], [pages, ps, Dr]
    qn, qp = randn(rng, (3, 8, 16)), randn(rng, (3, 8, 4))
    a = R.mla_decode_ref(qn, qp, ckv, kpe, ip, ix, last, scale=0.2)
    kcat = np.concatenate([ckv, kpe], axis=2)[:, :, None, :]
    vcat = ckv[:, :, None, :]
    b = R.batch_decode_ref(np.concatenate([qn, qp], axis=2), kcat, vcat, ip, ix, last,
                           scale=0.2)
    np.testing.assert_allclose(a[0], b[0], atol=1e-12)
    np.testing.assert_allclose(a[1], b[1], atol=1e-12)


def test_rope_rotation_is_relative(rng):
    x, y = randn(rng, (16,)), randn(rng, (16,))
    for style in ("neox", "interleaved"):
        rx = R.rope_rotate(x, 7, 10000.0, 16, style)
        np.testing.assert_allclose(np.linalg.norm(rx), np.linalg.norm(R.f64(x)), rtol=1e-12)
        d1 = R.rope_rotate(x, 7, 100.0, 16, style) @ R.rope_rotate(y, 3, 100.0, 16, style)
        d2 = R.rope_rotate(x, 14, 100.0, 16, style) @ R.rope_rotate(y, 10, 100.0, 16, style)
        assert abs(d1 - d2) < 1e-9
        # Position 0 is the identity; channels past dim are untouched.
        np.testing.assert_allclose(R.rope_rotate(x, 0, 100.0, 16, style), x, atol=1e-15)
        part = R.rope_rotate(x, 5, 100.0, 8, style)
        np.testing.assert_array_equal(part[8:], R.f64(x)[8:])
    # neox pairs (i, i + dim/2): channel 0 and 8 rotate by pos * 1 radian.
    e0 = np.zeros(16)
    e0[0] = 1
    r = R.rope_rotate(e0, 1, 100.0, 16, "neox")
    np.testing.assert_allclose([r[0], r[8]], [math.cos(1), math.sin(1)], atol=1e-15)
    r = R.rope_rotate(e0, 1, 100.0, 16, "interleaved")
    np.testing.assert_allclose([r[0], r[1]], [math.cos(1), math.sin(1)], atol=1e-15)


def test_lightning_recurrence_equals_closed_form_and_chains(rng):
    q, k, v = randn(rng, (2, 7, 3, 4)), randn(rng, (2, 7, 3, 4)), randn(rng, (2, 7, 3, 5))
    decay = np.array([0.0, 0.3, 1.2])
    out, final = R.lightning_ref(q, k, v, decay, scale=0.5)
    np.testing.assert_allclose(out, R.lightning_closed_form(q, k, v, decay, 0.5), atol=1e-12)
    # Chaining: first 4 tokens, then the rest from the final state.
    o1, s1 = R.lightning_ref(q[:, :4], k[:, :4], v[:, :4], decay, scale=0.5)
    o2, s2 = R.lightning_ref(q[:, 4:], k[:, 4:], v[:, 4:], decay, scale=0.5, initial_state=s1)
    np.testing.assert_allclose(np.concatenate([o1, o2], axis=1), out, atol=1e-12)
    np.testing.assert_allclose(s2, final, atol=1e-12)
    # Ragged = dense per sequence.
    lens = [3, 0, 1]
    qr, kr, vr = randn(rng, (4, 3, 4)), randn(rng, (4, 3, 4)), randn(rng, (4, 3, 5))
    orr, fr = R.lightning_ref(qr, kr, vr, decay, cu_seqlens=cu_from_lens(lens))
    od, fd = R.lightning_ref(qr[None, :3], kr[None, :3], vr[None, :3], decay)
    np.testing.assert_allclose(orr[:3], od[0], atol=1e-12)
    np.testing.assert_allclose(fr[0], fd[0], atol=1e-12)
    assert (fr[1] == 0).all()


def test_hstu_single_pair_formula(rng):
    q, k, v = randn(rng, (1, 2, 1, 4)), randn(rng, (1, 2, 1, 4)), randn(rng, (1, 2, 1, 3))
    bias = randn(rng, (1, 1, 2, 2))
    out = R.hstu_ref(q, k, v, causal=True, scale=0.5, bias=bias, silu_norm=2)
    x00 = 0.5 * float(R.f64(q[0, 0, 0]) @ R.f64(k[0, 0, 0])) + float(bias[0, 0, 0, 0])
    silu = x00 / (1 + math.exp(-x00))
    np.testing.assert_allclose(out[0, 0, 0], silu / 2 * R.f64(v[0, 0, 0]), atol=1e-12)
    # Non-causal sees the later key too; ragged equals dense.
    nc = R.hstu_ref(q, k, v, causal=False, scale=0.5, silu_norm=2)
    c = R.hstu_ref(q, k, v, causal=True, scale=0.5, silu_norm=2)
    assert not np.allclose(nc[0, 0], c[0, 0])
    np.testing.assert_allclose(nc[0, 1], c[0, 1], atol=1e-12)
    rg = R.hstu_ref(q[0], k[0], v[0], cu_seqlens=[0, 2], causal=True, scale=0.5, silu_norm=2)
    np.testing.assert_allclose(rg, c[0], atol=1e-12)


@pytest.mark.parametrize("layout", ["NHD", "HND", "vLLM"])
def test_append_then_gather_returns_the_tokens(rng, layout):
    hkv, d, ps = 2, 8, 4
    t = 6
    k, v = randn(rng, (t, hkv, d)), randn(rng, (t, hkv, d))
    if layout == "vLLM":
        kc = randn(rng, (5, hkv, d // 4, ps, 4))
        vc = randn(rng, (5, hkv, d, ps))
    elif layout == "NHD":
        kc, vc = randn(rng, (5, ps, hkv, d)), randn(rng, (5, ps, hkv, d))
    else:
        kc, vc = randn(rng, (5, hkv, ps, d)), randn(rng, (5, hkv, ps, d))
    slots = np.array([0, 5, -1, 19, 7, 6])
    kc2, vc2 = R.append_kv_ref(k, v, kc, vc, slot_mapping=slots, layout=layout)
    for tt, s in enumerate(slots):
        if s < 0:
            continue
        page, off = s // ps, s % ps
        if layout == "NHD":
            got_k, got_v = kc2[page, off], vc2[page, off]
        elif layout == "HND":
            got_k, got_v = kc2[page, :, off], vc2[page, :, off]
        else:
            got_k = kc2[page, :, :, off, :].reshape(hkv, d)
            got_v = vc2[page, :, :, off]
        np.testing.assert_array_equal(got_k, k[tt])
        np.testing.assert_array_equal(got_v, v[tt])
    # Only the written slots changed (the skipped token wrote nothing).
    changed = (kc2 != kc).any(axis=tuple(range(1, kc.ndim)))
    assert changed.sum() <= 4
    # Page-table form: tokens of request b at positions p.
    if layout != "vLLM":
        ip, ix = np.array([0, 2, 3]), np.array([4, 1, 3])
        bi, pos = np.array([0, 0, 1, 0, 1, 1]), np.array([0, 5, 0, 7, 1, 3])
        kc3, _ = R.append_kv_ref(k, v, kc, vc, batch_indices=bi, positions=pos, kv_indptr=ip,
                                 kv_indices=ix, layout=layout)
        for tt in range(t):
            page, off = ix[ip[bi[tt]] + pos[tt] // ps], pos[tt] % ps
            got = kc3[page, off] if layout == "NHD" else kc3[page, :, off]
            np.testing.assert_array_equal(got, k[tt])


def test_append_with_rope_rotates_keys_only(rng):
    k, v = randn(rng, (2, 1, 8)), randn(rng, (2, 1, 8))
    kc, vc = randn(rng, (2, 4, 1, 8)), randn(rng, (2, 4, 1, 8))
    kc2, vc2 = R.append_kv_ref(k, v, kc, vc, slot_mapping=[1, 6], positions=[3, 9],
                               layout="NHD", rope=(100.0, 8, "neox"))
    np.testing.assert_allclose(kc2[0, 1, 0], R.rope_rotate(k[0, 0], 3, 100.0, 8, "neox"),
                               rtol=1e-6)
    np.testing.assert_array_equal(vc2[1, 2], v[1])


def test_no_nan_anywhere_with_every_option(rng):
    q, k, v = randn(rng, (2, 5, 8, 8)), randn(rng, (2, 3, 2, 8)), randn(rng, (2, 3, 2, 8))
    out, lse = R.prefill_ref(q, k, v, causal=True, window=(1, -1), softcap=3.0,
                             alibi_slopes=np.ones((2, 8)), rope=(1000.0, 4, "interleaved"),
                             score_mod=lambda s, b, h, i, j: s * 0.5,
                             mask_mod=lambda b, h, i, j: j != 1)
    assert not np.isnan(out).any() and not np.isnan(lse).any()
    assert np.isneginf(lse).any()  # Sq > Sk with causal: early rows see nothing
