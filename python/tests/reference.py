"""Independent float64 NumPy reference implementations of every attn op.

Written from the formulas of docs/design.md (section 3) and the op
descriptions in AttnOps.td, deliberately naive (explicit loops over
requests, heads and queries) and without using the attn package.

Conventions (docs/design.md 3.1):

    s_ij  = scale * <q'_i, k'_j>                 scale default 1/sqrt(D_qk)
    s_ij  = c * tanh(s_ij / c)                   softcap = c
    s_ij -= slope[b?, h] * |i + Sk - Sq - j|     alibi_slopes
    s_ij  = score_mod(s_ij, b, h, i, j)          (a Python callable here)
    vis_ij = (j >= p_i - left or left = -1) & (j <= p_i + right or right = -1)
             & mask_mod(b, h, i, j),             p_i = i + Sk - Sq, causal: right = 0
    softmax: o_i = sum_{j in V_i} exp(s_ij - lse_i) v_j, lse_i = log sum exp(s_ij)
    sigmoid: o_i = sum sigmoid(s_ij + beta) v_j;  none: o_i = sum s_ij v_j
    V_i empty -> o_i = 0, lse_i = -inf.

q_idx / kv_idx given to score_mod / mask_mod are the raw (request-local)
indices: the query index i in 0..Sq-1 (0 for the single query of a decode
op) and the key index j in 0..Sk-1.
"""

import math

import numpy as np

NEG_INF = -np.inf


def f64(x):
    return np.asarray(x, dtype=np.float64)


# ---------------------------------------------------------------------------
# RoPE
# ---------------------------------------------------------------------------

def rope_rotate(x, pos, theta, dim, style):
    """Rotate the first ``dim`` channels of x [..., D] at positions ``pos``
    (broadcast against x.shape[:-1]) by angles pos * theta^(-2i/dim).
    neox pairs channel i with i + dim/2, interleaved pairs 2i with 2i+1:
    (a, b) -> (a cos - b sin, b cos + a sin)."""
    x = np.array(x, dtype=np.float64, copy=True)
    half = dim // 2
    i = np.arange(half)
    inv_freq = float(theta) ** (-2.0 * i / dim)
    ang = np.asarray(pos, dtype=np.float64)[..., None] * inv_freq
    cos, sin = np.cos(ang), np.sin(ang)
    if style == "neox":
        ia, ib = i, i + half
    elif style == "interleaved":
        ia, ib = 2 * i, 2 * i + 1
    else:
        raise ValueError(style)
    a = x[..., ia].copy()
    b = x[..., ib].copy()
    x[..., ia] = a * cos - b * sin
    x[..., ib] = b * cos + a * sin
    return x


def _rope_tuple(rope, head_dim):
    if rope is None:
        return None
    if isinstance(rope, dict):
        theta, dim, style = rope.get("theta", 10000.0), rope.get("dim"), rope.get("style", "neox")
    else:
        theta, dim, style = (tuple(rope) + (None, None, None))[:3]
        theta = 10000.0 if theta is None else theta
        style = style or "neox"
    return float(theta), int(dim if dim is not None else head_dim), style


# ---------------------------------------------------------------------------
# Softmax-family attention
# ---------------------------------------------------------------------------

def attend_row_set(q, k, v, b, h, scale, causal=False, window=(-1, -1), softcap=None,
                   slope=None, score_mod=None, mask_mod=None, normalizer="softmax",
                   sigmoid_bias=None):
    """One request and one query head: q [Sq, D], k [Sk, D], v [Sk, Dv]
    (float64, RoPE already applied). Returns out [Sq, Dv], lse [Sq]."""
    sq, sk = q.shape[0], k.shape[0]
    dv = v.shape[1]
    out = np.zeros((sq, dv))
    lse = np.full(sq, NEG_INF)
    left, right = (-1, -1) if window is None else (int(window[0]), int(window[1]))
    if causal:
        right = 0
    js = np.arange(sk)
    for i in range(sq):
        p = i + sk - sq
        s = scale * (k @ q[i]) if sk else np.zeros(0)
        if softcap:
            s = softcap * np.tanh(s / softcap)
        if slope is not None:
            s = s - slope * np.abs(p - js)
        if score_mod is not None:
            s = np.array([float(score_mod(s[j], b, h, i, j)) for j in range(sk)],
                         dtype=np.float64)
        vis = np.ones(sk, dtype=bool)
        if left >= 0:
            vis &= js >= p - left
        if right >= 0:
            vis &= js <= p + right
        if mask_mod is not None:
            vis &= np.array([bool(mask_mod(b, h, i, j)) for j in range(sk)], dtype=bool)
        if not vis.any():
            continue
        sv, vv = s[vis], v[vis]
        if normalizer == "softmax":
            m = sv.max()
            e = np.exp(sv - m)
            total = e.sum()
            lse[i] = m + math.log(total)
            out[i] = (e / total) @ vv
        elif normalizer == "sigmoid":
            beta = 0.0 if sigmoid_bias is None else float(sigmoid_bias)
            w = 1.0 / (1.0 + np.exp(-(sv + beta)))
            out[i] = w @ vv
        elif normalizer == "none":
            out[i] = sv @ vv
        else:
            raise ValueError(normalizer)
    return out, lse


def attention_request(q, k, v, b=0, scale=None, causal=False, window=(-1, -1), softcap=None,
                      alibi_slopes=None, score_mod=None, mask_mod=None, normalizer="softmax",
                      sigmoid_bias=None, rope=None, q_positions=None):
    """All heads of one request: q [Sq, Hq, D], k [Sk, Hkv, D], v [Sk, Hkv, Dv]
    -> out [Sq, Hq, Dv], lse [Sq, Hq]. GQA: head h reads KV head h // (Hq/Hkv).
    alibi_slopes: [Hq] or [B, Hq] (row b is used)."""
    q, k, v = f64(q), f64(k), f64(v)
    sq, hq, d = q.shape
    sk, hkv = k.shape[0], k.shape[1]
    dv = v.shape[2]
    assert hq % hkv == 0
    g = hq // hkv
    if scale is None:
        scale = 1.0 / math.sqrt(d)
    r = _rope_tuple(rope, d)
    if r is not None:
        theta, dim, style = r
        qpos = (np.arange(sq) + sk - sq) if q_positions is None else np.asarray(q_positions)
        q = rope_rotate(q, np.asarray(qpos)[:, None], theta, dim, style)
        k = rope_rotate(k, np.arange(sk)[:, None], theta, dim, style)
    out = np.zeros((sq, hq, dv))
    lse = np.full((sq, hq), NEG_INF)
    for h in range(hq):
        slope = None
        if alibi_slopes is not None:
            a = f64(alibi_slopes)
            slope = a[h] if a.ndim == 1 else a[b, h]
        o, l = attend_row_set(q[:, h], k[:, h // g], v[:, h // g], b, h, scale, causal=causal,
                              window=window, softcap=softcap, slope=slope,
                              score_mod=score_mod, mask_mod=mask_mod, normalizer=normalizer,
                              sigmoid_bias=sigmoid_bias)
        out[:, h] = o
        lse[:, h] = l
    return out, lse


_ATTN_KEYS = ("scale", "causal", "window", "softcap", "alibi_slopes", "score_mod", "mask_mod",
              "normalizer", "sigmoid_bias", "rope")


def _opts(kw):
    bad = set(kw) - set(_ATTN_KEYS) - {"positions"}
    if bad:
        raise TypeError("unknown options %s" % sorted(bad))
    return dict((k, v) for k, v in kw.items() if k in _ATTN_KEYS)


def prefill_ref(q, k, v, cu_seqlens_q=None, cu_seqlens_k=None, positions=None, **kw):
    """attn.prefill: dense [B, S, H, D] or ragged [T, H, D] with cu_seqlens."""
    o = _opts(kw)
    q, k, v = f64(q), f64(k), f64(v)
    if cu_seqlens_q is None:
        bsz, sq, hq = q.shape[:3]
        out = np.zeros((bsz, sq, hq, v.shape[3]))
        lse = np.full((bsz, sq, hq), NEG_INF)
        for b in range(bsz):
            pos = None if positions is None else np.asarray(positions)[b]
            out[b], lse[b] = attention_request(q[b], k[b], v[b], b=b, q_positions=pos, **o)
        return out, lse
    cq, ck = np.asarray(cu_seqlens_q), np.asarray(cu_seqlens_k)
    out = np.zeros((q.shape[0], q.shape[1], v.shape[2]))
    lse = np.full((q.shape[0], q.shape[1]), NEG_INF)
    for b in range(len(cq) - 1):
        qs, qe, ks, ke = int(cq[b]), int(cq[b + 1]), int(ck[b]), int(ck[b + 1])
        pos = None if positions is None else np.asarray(positions)[qs:qe]
        out[qs:qe], lse[qs:qe] = attention_request(q[qs:qe], k[ks:ke], v[ks:ke], b=b,
                                                   q_positions=pos, **o)
    return out, lse


# ---------------------------------------------------------------------------
# Paged caches
# ---------------------------------------------------------------------------

def paged_seq_len(kv_indptr, kv_last_page_len, b, page_size):
    """Sk_b = (pages - 1) * page_size + last_page_len (0 without pages)."""
    n = int(kv_indptr[b + 1]) - int(kv_indptr[b])
    return 0 if n <= 0 else (n - 1) * page_size + int(kv_last_page_len[b])


def page_size_of(cache, layout):
    return cache.shape[1] if layout.upper() == "NHD" else cache.shape[2]


def paged_gather(cache, kv_indptr, kv_indices, kv_last_page_len, b, layout="NHD"):
    """Keys (or values) of request b of a FlashInfer paged cache: [Sk, Hkv, D]."""
    nhd = layout.upper() == "NHD"
    ps = page_size_of(cache, layout)
    sk = paged_seq_len(kv_indptr, kv_last_page_len, b, ps)
    rows = []
    for j in range(sk):
        page = int(kv_indices[int(kv_indptr[b]) + j // ps])
        slot = j % ps
        rows.append(cache[page, slot] if nhd else cache[page, :, slot])
    heads = cache.shape[2] if nhd else cache.shape[1]
    if not rows:
        return np.zeros((0, heads, cache.shape[3]))
    return f64(np.stack(rows))


def batch_prefill_ref(q, qo_indptr, k_cache, v_cache, kv_indptr, kv_indices, kv_last_page_len,
                      layout="NHD", positions=None, **kw):
    o = _opts(kw)
    q = f64(q)
    out = np.zeros((q.shape[0], q.shape[1], v_cache.shape[3]))
    lse = np.full((q.shape[0], q.shape[1]), NEG_INF)
    for b in range(len(qo_indptr) - 1):
        qs, qe = int(qo_indptr[b]), int(qo_indptr[b + 1])
        kb = paged_gather(k_cache, kv_indptr, kv_indices, kv_last_page_len, b, layout)
        vb = paged_gather(v_cache, kv_indptr, kv_indices, kv_last_page_len, b, layout)
        pos = None if positions is None else np.asarray(positions)[qs:qe]
        out[qs:qe], lse[qs:qe] = attention_request(q[qs:qe], kb, vb, b=b, q_positions=pos, **o)
    return out, lse


def batch_decode_ref(q, k_cache, v_cache, kv_indptr, kv_indices, kv_last_page_len,
                     layout="NHD", positions=None, **kw):
    """One query per request at position Sk_b - 1 (Sq = 1)."""
    o = _opts(kw)
    q = f64(q)
    bsz, hq = q.shape[:2]
    out = np.zeros((bsz, hq, v_cache.shape[3]))
    lse = np.full((bsz, hq), NEG_INF)
    for b in range(bsz):
        kb = paged_gather(k_cache, kv_indptr, kv_indices, kv_last_page_len, b, layout)
        vb = paged_gather(v_cache, kv_indptr, kv_indices, kv_last_page_len, b, layout)
        pos = None if positions is None else [np.asarray(positions)[b]]
        ob, lb = attention_request(q[b][None], kb, vb, b=b, q_positions=pos, **o)
        out[b], lse[b] = ob[0], lb[0]
    return out, lse


def vllm_gather(k_cache, v_cache, block_tables, context_lens, b):
    """K_b[j][h][d] = k_cache[bt[b, j/bs], h, d/x, j%bs, d%x];
    V_b[j][h][d] = v_cache[bt[b, j/bs], h, d, j%bs]."""
    _, hkv, dx, bs, x = k_cache.shape
    dv = v_cache.shape[2]
    n = int(context_lens[b])
    kb = np.zeros((n, hkv, dx * x))
    vb = np.zeros((n, hkv, dv))
    for j in range(n):
        blk = int(block_tables[b, j // bs])
        slot = j % bs
        for d in range(dx * x):
            kb[j, :, d] = k_cache[blk, :, d // x, slot, d % x]
        for d in range(dv):
            vb[j, :, d] = v_cache[blk, :, d, slot]
    return kb, vb


def paged_attention_ref(q, k_cache, v_cache, block_tables, context_lens, positions=None, **kw):
    o = _opts(kw)
    q = f64(q)
    bsz, hq = q.shape[:2]
    out = np.zeros((bsz, hq, v_cache.shape[2]))
    lse = np.full((bsz, hq), NEG_INF)
    for b in range(bsz):
        kb, vb = vllm_gather(k_cache, v_cache, block_tables, context_lens, b)
        pos = None if positions is None else [np.asarray(positions)[b]]
        ob, lb = attention_request(q[b][None], kb, vb, b=b, q_positions=pos, **o)
        out[b], lse[b] = ob[0], lb[0]
    return out, lse


def mla_decode_ref(q_nope, q_pe, ckv_cache, kpe_cache, kv_indptr, kv_indices, kv_last_page_len,
                   scale=None, **kw):
    """s = scale (q_nope . ckv_j + q_pe . kpe_j); o = softmax(s) ckv (one
    latent KV head shared by every head)."""
    o = _opts(kw)
    alibi = o.pop("alibi_slopes", None)
    alibi = None if alibi is None else f64(alibi)
    if o.pop("rope", None) is not None:
        raise ValueError("mla_decode fuses no RoPE")
    qn, qp = f64(q_nope), f64(q_pe)
    bsz, h, dc = qn.shape
    dr = qp.shape[2]
    if scale is None:
        scale = 1.0 / math.sqrt(dc + dr)
    ps = ckv_cache.shape[1]
    out = np.zeros((bsz, h, dc))
    lse = np.full((bsz, h), NEG_INF)
    for b in range(bsz):
        sk = paged_seq_len(kv_indptr, kv_last_page_len, b, ps)
        ckv = np.zeros((sk, dc))
        kpe = np.zeros((sk, dr))
        for j in range(sk):
            page = int(kv_indices[int(kv_indptr[b]) + j // ps])
            ckv[j] = ckv_cache[page, j % ps]
            kpe[j] = kpe_cache[page, j % ps]
        kcat = np.concatenate([ckv, kpe], axis=1)
        for hh in range(h):
            # [q_nope, q_pe] . [ckv, kpe] = q_nope . ckv + q_pe . kpe
            qcat = np.concatenate([qn[b, hh], qp[b, hh]])[None]
            slope = None
            if alibi is not None:
                slope = alibi[hh] if alibi.ndim == 1 else alibi[b, hh]
            ob, lb = attend_row_set(qcat, kcat, ckv, b, hh, scale, slope=slope, **o)
            out[b, hh], lse[b, hh] = ob[0], lb[0]
    return out, lse


# ---------------------------------------------------------------------------
# Linear attention
# ---------------------------------------------------------------------------

def _segments(n_dense_batch, seq_len, cu_seqlens):
    if cu_seqlens is None:
        return [(b, None, None) for b in range(n_dense_batch)]
    cu = np.asarray(cu_seqlens)
    return [(b, int(cu[b]), int(cu[b + 1])) for b in range(len(cu) - 1)]


def hstu_ref(q, k, v, cu_seqlens=None, causal=False, scale=None, bias=None, silu_norm=None):
    """o_i = sum_{j visible} SiLU(scale q_i.k_j + bias[b,h,i,j]) / N v_j;
    visible: j in the same sequence, and j <= i when causal."""
    q, k, v = f64(q), f64(k), f64(v)
    d = q.shape[-1]
    if scale is None:
        scale = 1.0 / math.sqrt(d)
    out = np.zeros(v.shape)
    ragged = cu_seqlens is not None
    if silu_norm is None:
        if ragged:
            silu_norm = max(1, int(np.diff(np.asarray(cu_seqlens)).max()))
        else:
            silu_norm = q.shape[1]
    n = float(silu_norm)
    for b, s, e in _segments(q.shape[0], None, cu_seqlens):
        qb, kb, vb = (q[s:e], k[s:e], v[s:e]) if ragged else (q[b], k[b], v[b])
        ob = np.zeros(vb.shape)
        length, heads = qb.shape[0], qb.shape[1]
        for h in range(heads):
            for i in range(length):
                for j in range(length):
                    if causal and j > i:
                        continue
                    x = scale * float(np.dot(qb[i, h], kb[j, h]))
                    if bias is not None:
                        x += float(bias[b, h, i, j])
                    silu = x / (1.0 + math.exp(-x))
                    ob[i, h] += silu / n * vb[j, h]
        if ragged:
            out[s:e] = ob
        else:
            out[b] = ob
    return out


def lightning_ref(q, k, v, decay, cu_seqlens=None, scale=None, initial_state=None):
    """S_i = exp(-lambda_h) S_{i-1} + k_i^T v_i; o_i = scale q_i S_i;
    S_{-1} = initial_state (default 0). Returns (out, final_state [B,H,D,Dv])."""
    q, k, v = f64(q), f64(k), f64(v)
    lam = f64(decay)
    scale = 1.0 if scale is None else float(scale)
    ragged = cu_seqlens is not None
    bsz = (len(cu_seqlens) - 1) if ragged else q.shape[0]
    heads, d, dv = q.shape[-2], q.shape[-1], v.shape[-1]
    out = np.zeros(v.shape)
    final = np.zeros((bsz, heads, d, dv))
    for b, s, e in _segments(q.shape[0], None, cu_seqlens):
        qb, kb, vb = (q[s:e], k[s:e], v[s:e]) if ragged else (q[b], k[b], v[b])
        ob = np.zeros(vb.shape)
        for h in range(heads):
            st = np.zeros((d, dv)) if initial_state is None else f64(initial_state)[b, h].copy()
            for i in range(qb.shape[0]):
                st = math.exp(-lam[h]) * st + np.outer(kb[i, h], vb[i, h])
                ob[i, h] = scale * (qb[i, h] @ st)
            final[b, h] = st
        if ragged:
            out[s:e] = ob
        else:
            out[b] = ob
    return out, final


def lightning_closed_form(q, k, v, decay, scale=1.0):
    """Dense, zero initial state: o_i = scale sum_{j<=i} exp(-lambda_h (i-j)) (q_i.k_j) v_j."""
    q, k, v = f64(q), f64(k), f64(v)
    out = np.zeros(v.shape)
    bsz, sl, heads = q.shape[:3]
    for b in range(bsz):
        for h in range(heads):
            for i in range(sl):
                for j in range(i + 1):
                    w = math.exp(-decay[h] * (i - j)) * float(np.dot(q[b, i, h], k[b, j, h]))
                    out[b, i, h] += scale * w * v[b, j, h]
    return out


# ---------------------------------------------------------------------------
# append_kv, merge_states
# ---------------------------------------------------------------------------

def append_kv_ref(k, v, k_cache, v_cache, slot_mapping=None, batch_indices=None, positions=None,
                  kv_indptr=None, kv_indices=None, layout="NHD", rope=None):
    """Returns updated copies of the caches. Token t goes to page
    slot // ps, offset slot % ps (slot_mapping; negative = skip) or to page
    kv_indices[kv_indptr[b] + p // ps], offset p % ps with b = batch_indices[t],
    p = positions[t]. With rope, keys are rotated at positions[t] first."""
    kc, vc = k_cache.copy(), v_cache.copy()
    lay = layout.upper()
    ps = k_cache.shape[3] if lay == "VLLM" else page_size_of(k_cache, lay)
    kf, vf = f64(k), f64(v)
    r = _rope_tuple(rope, k.shape[2])
    for t in range(k.shape[0]):
        if slot_mapping is not None:
            slot = int(slot_mapping[t])
            if slot < 0:
                continue
            page, off = slot // ps, slot % ps
        else:
            b, p = int(batch_indices[t]), int(positions[t])
            page, off = int(kv_indices[int(kv_indptr[b]) + p // ps]), p % ps
        kt = kf[t]
        if r is not None:
            kt = rope_rotate(kt, np.full(kt.shape[0], float(positions[t])), *r)
        if lay == "NHD":
            kc[page, off] = kt
            vc[page, off] = vf[t]
        elif lay == "HND":
            kc[page, :, off] = kt
            vc[page, :, off] = vf[t]
        else:
            x = k_cache.shape[4]
            for d in range(kt.shape[1]):
                kc[page, :, d // x, off, d % x] = kt[:, d]
            for d in range(vf.shape[2]):
                vc[page, :, d, off] = vf[t, :, d]
    return kc, vc


def merge_states_ref(values, lses):
    """s = log sum_n exp(s_n), v = sum_n exp(s_n - s) v_n; all -inf -> v = 0, s = -inf."""
    vs = [f64(x) for x in values]
    ss = [f64(x) for x in lses]
    stack = np.stack(ss)                      # [N, ..., H]
    m = stack.max(axis=0)
    empty = np.isneginf(m)
    m_safe = np.where(empty, 0.0, m)
    w = np.exp(stack - m_safe)                # exp(-inf) = 0
    total = w.sum(axis=0)
    s = np.where(empty, NEG_INF, m_safe + np.log(np.where(empty, 1.0, total)))
    v = np.zeros(vs[0].shape)
    for n in range(len(vs)):
        coef = np.where(empty, 0.0, w[n] / np.where(empty, 1.0, total))
        v += coef[..., None] * vs[n]
    return v, s
