"""GPU check of attn's CUDA path, run from the dist folder on a GPU machine.

    python3 dist/bench/gpu_check.py

Loads every package in dist/packages with the runtime's CUDA backend and
checks it against torch on fresh random inputs, with outputs poisoned
(NaN) before each launch so that unwritten elements show: the smoke kernel
(vadd: the runtime, the embedded cubin, launches on a caller's stream,
device-pointer checks), attn.merge_states, dense prefill (bf16/f16, D 64,
128 and 256, GQA and MHA, causal and not), paged decode with split-KV, and
the variants of packages/variants.attnpkg: varlen prefill, sliding window
with softcap and ALiBi, a score_mod, batch_prefill (NHD page 16, HND page
1), batch_decode (HND page 1, f16 D 64, D 256), paged_attention (vLLM) and
append_kv (FlashInfer metadata, vLLM slot_mapping); HSTU (packages/
hstu.attnpkg: dense with a bias, ragged). Attention outputs are
compared with float64 torch references (over gathered pages for the paged
ops), including requests without keys or queries (0 and -inf); checked
mode is exercised on bad device metadata. Prints a table; exits 1 on any
failure.
"""

import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DIST = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(DIST, "python"))

import torch  # noqa: E402

import attn  # noqa: E402
from attn import _runtime as rt  # noqa: E402

rows = []
failed = False


def record(case, ok, detail):
    global failed
    rows.append((case, "ok" if ok else "FAIL", detail))
    failed = failed or not ok


def rel_err(out, ref):
    out64, ref64 = out.double(), ref.double()
    return float((out64 - ref64).norm() / ref64.norm())


def time_ms(fn, iters=200):
    for _ in range(10):
        fn()
    start = torch.cuda.Event(enable_timing=True)
    end = torch.cuda.Event(enable_timing=True)
    times = []
    for _ in range(iters):
        start.record()
        fn()
        end.record()
        end.synchronize()
        times.append(start.elapsed_time(end))
    times.sort()
    return times[len(times) // 2]


def check_vadd():
    pkg = rt.load_package(os.path.join(DIST, "packages", "vadd.attnpkg"))
    kernel = pkg.kernel("vadd")
    n = 1 << 20
    a = torch.randn(n, device="cuda")
    b = torch.randn(n, device="cuda")
    c = torch.full((n,), float("nan"), device="cuda")
    kernel(a=a, b=b, c=c)
    torch.cuda.synchronize()
    unwritten = int(torch.isnan(c).sum())
    err = rel_err(c, a + b)
    record("vadd default stream", unwritten == 0 and err < 1e-6,
           "rel err %.2e, unwritten %d" % (err, unwritten))

    # A caller's stream: the launch is ordered on it.
    side = torch.cuda.Stream()
    c.fill_(float("nan"))
    torch.cuda.synchronize()
    with torch.cuda.stream(side):
        a2 = torch.randn(n, device="cuda")
        kernel(a=a2, b=b, c=c, stream=side)
    side.synchronize()
    err = rel_err(c, a2 + b)
    record("vadd side stream", err < 1e-6 and not torch.isnan(c).any(),
           "rel err %.2e" % err)

    # A host tensor is refused with a message, nothing launched.
    try:
        kernel(a=a.cpu(), b=b, c=c)
        record("host pointer refused", False, "no error")
    except attn.AttnError as e:
        message = str(e)
        record("host pointer refused", "argument 'a' is not CUDA device memory" in message,
               message[message.find("argument"):][:60])

    ms = time_ms(lambda: kernel(a=a, b=b, c=c, checked=False))
    ms_torch = time_ms(lambda: torch.add(a, b, out=c))
    gbs = 3 * 4 * n / ms / 1e6
    record("vadd time", True, "%.4f ms (%.0f GB/s); torch.add %.4f ms" % (ms, gbs, ms_torch))


def check_merge_states():
    pkg = rt.load_package(os.path.join(DIST, "packages", "merge_states.attnpkg"))
    kernel = pkg.kernel("merge_states")
    t, h, d = 4096, 32, 128
    vs = [torch.randn(t, h, d, device="cuda").bfloat16() for _ in range(3)]
    ss = [torch.randn(t, h, device="cuda") * 4 for _ in range(3)]
    # Rows with no key in some states (-inf), and in every state.
    ss[0][:64] = float("-inf")
    for s in ss:
        s[-16:] = float("-inf")
    out = torch.full((t, h, d), float("nan"), device="cuda").bfloat16()
    lse = torch.full((t, h), float("nan"), device="cuda")
    kernel(v0=vs[0], v1=vs[1], v2=vs[2], s0=ss[0], s1=ss[1], s2=ss[2], out=out, lse=lse)
    torch.cuda.synchronize()
    s64 = torch.stack([s.double() for s in ss])
    ref_lse = torch.logsumexp(s64, dim=0)
    w = torch.exp(s64 - ref_lse).nan_to_num(0.0)
    ref = (w[..., None] * torch.stack([v.double() for v in vs])).sum(0)
    live = slice(0, t - 16)
    unwritten = int(torch.isnan(out.float()).sum() + torch.isnan(lse).sum())
    err = rel_err(out[live].float(), ref[live])
    lse_err = float((lse[live].double() - ref_lse[live]).abs().max())
    empty_ok = bool((out[-16:].float() == 0).all() and torch.isneginf(lse[-16:]).all())
    record("merge_states bf16", unwritten == 0 and err < 1e-2 and lse_err < 1e-4 and empty_ok,
           "rel err %.2e, lse err %.1e, empty rows 0/-inf: %s, unwritten %d"
           % (err, lse_err, empty_ok, unwritten))
    ms = time_ms(lambda: kernel(v0=vs[0], v1=vs[1], v2=vs[2], s0=ss[0], s1=ss[1],
                                s2=ss[2], out=out, lse=lse, checked=False))
    moved = 4 * t * h * d * 2 + 4 * t * h * 4
    record("merge_states time", True, "%.4f ms (%.0f GB/s, thread per row)"
           % (ms, moved / ms / 1e6))


def attention_ref(q, k, v, causal=False, window=None, softcap=None, slopes=None,
                  score_mod=None, scale=None):
    """float64 attention of one request (the order of docs of the attn ops:
    softcap, ALiBi, score_mod, masks): q [Sq, Hq, D], k/v [Sk, Hkv, D];
    bottom-right alignment p = i + Sk - Sq; returns out [Sq, Hq, D],
    lse [Sq, Hq] (-inf and 0 for rows without a visible key)."""
    sq, hq, d = q.shape
    sk, hkv = k.shape[0], k.shape[1]
    g = hq // hkv
    q64, k64, v64 = q.double(), k.double(), v.double()
    kx = k64.repeat_interleave(g, dim=1)
    vx = v64.repeat_interleave(g, dim=1)
    s = torch.einsum("qhd,khd->hqk", q64, kx) * (scale or 1 / d ** 0.5)
    i = torch.arange(sq, device=q.device)[:, None]
    j = torch.arange(sk, device=q.device)[None, :]
    p = i + (sk - sq)
    if softcap:
        s = softcap * torch.tanh(s / softcap)
    if slopes is not None:
        s = s - slopes.double()[:, None, None] * (p - j).abs()
    if score_mod is not None:
        s = score_mod(s, i, j)
    visible = torch.ones(sq, sk, dtype=torch.bool, device=q.device)
    left, right = window if window else (-1, 0 if causal else -1)
    if left >= 0:
        visible &= j >= p - left
    if right >= 0:
        visible &= j <= p + right
    s = s.masked_fill(~visible, float("-inf"))
    lse = torch.logsumexp(s, dim=-1)
    w = torch.exp(s - lse[..., None]).nan_to_num(0.0)
    out = torch.einsum("hqk,khd->qhd", w, vx)
    return out, lse.transpose(0, 1)


def lse_error(lse, ref):
    """Max |lse - ref| over rows with a key; inf when a row without one
    (ref -inf) is not -inf."""
    empty = torch.isneginf(ref)
    if not bool(torch.isneginf(lse.double()[empty]).all()):
        return float("inf")
    if bool(empty.all()):
        return 0.0
    return float((lse.double()[~empty] - ref[~empty]).abs().max())


def compare(case, outs, refs, unwritten, detail="", tol=1e-2):
    """Records one case: outs/refs lists of (out, lse) and (ref_out,
    ref_lse) per request (requests without query rows left out)."""
    errs, lse_errs, empty_ok = [], [], True
    num = den = 0.0
    for (o, l), (ro, rl) in zip(outs, refs):
        if o.numel() == 0:
            continue
        num += float(((o.double() - ro) ** 2).sum())
        den += float((ro ** 2).sum())
        lse_errs.append(lse_error(l, rl))
        rows = torch.isneginf(rl)
        empty_ok = empty_ok and bool((o.float()[rows] == 0).all())
    err = (num / den) ** 0.5 if den else 0.0
    lse_err = max(lse_errs) if lse_errs else 0.0
    ok = unwritten == 0 and err < tol and lse_err < 1e-3 and empty_ok
    record(case, ok, "%srel err %.2e, lse err %.1e, unwritten %d%s"
           % (detail, err, lse_err, unwritten, "" if empty_ok else ", EMPTY ROWS NOT 0"))


def poisoned(*shape, dtype=torch.float32):
    return torch.full(shape, float("nan"), device="cuda").to(dtype)


def nans(*tensors):
    return int(sum(torch.isnan(t.float()).sum() for t in tensors))


# The dense prefill variants of packages/prefill.attnpkg and the D = 64 GQA
# kernel of prefill_causal.attnpkg: (package, function, dtype, Hq, Hkv, D,
# causal).
PREFILL_CASES = [
    ("prefill_causal", "prefill_causal", torch.bfloat16, 8, 2, 64, True),
    ("prefill", "prefill_d64", torch.bfloat16, 16, 16, 64, False),
    ("prefill", "prefill_d64_causal", torch.bfloat16, 16, 16, 64, True),
    ("prefill", "prefill_d128", torch.bfloat16, 16, 16, 128, False),
    ("prefill", "prefill_d128_causal", torch.bfloat16, 16, 16, 128, True),
    ("prefill", "prefill_d256_causal", torch.bfloat16, 8, 8, 256, True),
    ("prefill", "prefill_f16_gqa_causal", torch.float16, 8, 2, 128, True),
]


def check_prefill():
    packages = {}
    for pkg_name, fn, dtype, hq, hkv, d, causal in PREFILL_CASES:
        if pkg_name not in packages:
            packages[pkg_name] = rt.load_package(
                os.path.join(DIST, "packages", pkg_name + ".attnpkg"))
        kernel = packages[pkg_name].kernel(fn)
        # Lengths off the tile sizes; queries fewer than keys (bottom-right
        # causal alignment) in the second shape.
        for b, sq, sk in ((2, 300, 300), (1, 77, 1030)):
            q = torch.randn(b, sq, hq, d, device="cuda").to(dtype)
            k = torch.randn(b, sk, hkv, d, device="cuda").to(dtype)
            v = torch.randn(b, sk, hkv, d, device="cuda").to(dtype)
            out = torch.full((b, sq, hq, d), float("nan"), device="cuda").to(dtype)
            lse = torch.full((b, sq, hq), float("nan"), device="cuda")
            kernel(q=q, k=k, v=v, out=out, lse=lse)
            torch.cuda.synchronize()
            errs, lse_errs = [], []
            for r in range(b):
                ro, rl = attention_ref(q[r], k[r], v[r], causal=causal)
                errs.append(rel_err(out[r].float(), ro))
                lse_errs.append(float((lse[r].double() - rl).abs().max()))
            unwritten = int(torch.isnan(out.float()).sum() + torch.isnan(lse).sum())
            ok = unwritten == 0 and max(errs) < 1e-2 and max(lse_errs) < 1e-3
            record("%s %dx%d/%d" % (fn, b, sq, sk), ok,
                   "%s Hq/Hkv %d/%d D %d: rel err %.2e, lse err %.1e, unwritten %d"
                   % (str(dtype)[6:], hq, hkv, d, max(errs), max(lse_errs), unwritten))
    # A first look at speed (gpu_bench.py measures properly).
    kernel = packages["prefill"].kernel("prefill_d128_causal")
    b, s, h, d = 4, 4096, 16, 128
    q, k, v = (torch.randn(b, s, h, d, device="cuda").bfloat16() for _ in range(3))
    out = torch.empty_like(q)
    lse = torch.empty(b, s, h, device="cuda")
    ms = time_ms(lambda: kernel(q=q, k=k, v=v, out=out, lse=lse, checked=False), iters=20)
    qt, kt, vt = (x.transpose(1, 2) for x in (q, k, v))
    from torch.nn.attention import sdpa_kernel, SDPBackend
    with sdpa_kernel(SDPBackend.FLASH_ATTENTION):
        sdpa = time_ms(lambda: torch.nn.functional.scaled_dot_product_attention(
            qt, kt, vt, is_causal=True), iters=20)
    flops = 4 * b * h * s * s * d / 2
    record("prefill time", True, "B4 S4096 H16 D128 causal: attn %.3f ms (%.0f TFLOP/s), "
           "SDPA flash %.3f ms (%.0f TFLOP/s)" % (ms, flops / ms / 1e9, sdpa, flops / sdpa / 1e9))


def check_decode():
    pkg = rt.load_package(os.path.join(DIST, "packages", "decode_paged.attnpkg"))
    kernel = pkg.kernel("decode")
    lengths = [37, 1, 0, 130, 16]
    page = 16
    pages = [(n + page - 1) // page for n in lengths]
    total = sum(pages) + 3
    kc = torch.randn(total, page, 8, 128, device="cuda").bfloat16()
    vc = torch.randn(total, page, 8, 128, device="cuda").bfloat16()
    perm = torch.randperm(total, device="cuda")[:sum(pages)].to(torch.int32)
    indptr = torch.tensor([0] + list(torch.tensor(pages).cumsum(0)), dtype=torch.int32,
                          device="cuda")
    last = torch.tensor([(n - 1) % page + 1 if n else 0 for n in lengths],
                        dtype=torch.int32, device="cuda")
    q = torch.randn(len(lengths), 32, 128, device="cuda").bfloat16()
    out = torch.full_like(q, float("nan"))
    lse = torch.full((len(lengths), 32), float("nan"), device="cuda")
    kernel(q=q, k_cache=kc, v_cache=vc, kv_indptr=indptr, kv_indices=perm,
           kv_last_page_len=last, out=out, lse=lse)
    torch.cuda.synchronize()
    errs, lse_errs, empty_ok = [], [], True
    for r, n in enumerate(lengths):
        idx = perm[indptr[r]:indptr[r + 1]].long()
        k = kc[idx].reshape(-1, 8, 128)[:n]
        v = vc[idx].reshape(-1, 8, 128)[:n]
        if n == 0:
            empty_ok = bool((out[r].float() == 0).all() and torch.isneginf(lse[r]).all())
            continue
        ro, rl = attention_ref(q[r:r + 1], k, v, causal=False)
        errs.append(rel_err(out[r:r + 1].float(), ro))
        lse_errs.append(float((lse[r:r + 1].double() - rl).abs().max()))
    unwritten = int(torch.isnan(out.float()).sum() + torch.isnan(lse).sum())
    ok = unwritten == 0 and max(errs) < 1e-2 and max(lse_errs) < 1e-3 and empty_ok
    record("decode paged NHD bf16", ok, "Sk 37/1/0/130/16, page 16, split-KV: rel err %.2e, "
           "lse err %.1e, empty 0/-inf: %s" % (max(errs), max(lse_errs), empty_ok))
    # Checked mode reads the device metadata: a bad page index is refused.
    bad = perm.clone()
    bad[3] = total + 100
    try:
        kernel(q=q, k_cache=kc, v_cache=vc, kv_indptr=indptr, kv_indices=bad,
               kv_last_page_len=last, out=out, lse=lse)
        record("decode bad page index", False, "no error")
    except attn.AttnError as e:
        message = str(e)
        record("decode bad page index", "kv_indices[3]" in message,
               message[message.find("kv_indices"):][:60])


class PagedKV:
    """A FlashInfer paged cache (NHD [pages, page, Hkv, D] or HND
    [pages, Hkv, page, D]) holding requests of `lengths` tokens in shuffled
    pages, with spare pages that no request uses."""

    def __init__(self, lengths, page, hkv, d, dtype, layout="nhd"):
        self.lengths, self.page, self.layout = lengths, page, layout
        pages = [(n + page - 1) // page for n in lengths]
        total = sum(pages) + 3
        shape = (total, page, hkv, d) if layout == "nhd" else (total, hkv, page, d)
        self.k_cache = torch.randn(*shape, device="cuda").to(dtype)
        self.v_cache = torch.randn(*shape, device="cuda").to(dtype)
        self.indices = torch.randperm(total, device="cuda")[:sum(pages)].to(torch.int32)
        self.indptr = torch.tensor([0] + list(torch.tensor(pages).cumsum(0)),
                                   dtype=torch.int32, device="cuda")
        self.last = torch.tensor([(n - 1) % page + 1 if n else 0 for n in lengths],
                                 dtype=torch.int32, device="cuda")

    def args(self):
        return dict(k_cache=self.k_cache, v_cache=self.v_cache, kv_indptr=self.indptr,
                    kv_indices=self.indices, kv_last_page_len=self.last)

    def gather(self, r):
        """Request r's K and V, [Sk, Hkv, D]."""
        idx = self.indices[self.indptr[r]:self.indptr[r + 1]].long()
        def tokens(cache):
            c = cache[idx]
            if self.layout == "hnd":
                c = c.transpose(1, 2)
            return c.reshape(-1, c.shape[2], c.shape[3])[:self.lengths[r]]
        return tokens(self.k_cache), tokens(self.v_cache)


def ragged(lengths):
    return torch.tensor([0] + list(torch.tensor(lengths).cumsum(0)), dtype=torch.int32,
                        device="cuda")


def check_variants():
    pkg = rt.load_package(os.path.join(DIST, "packages", "variants.attnpkg"))

    # Varlen prefill: an empty request, one with keys but no query, a
    # decode-like row, and one with more queries than keys (its first rows
    # see no key: 0 and -inf).
    lq, lk = [7, 0, 0, 1, 292, 513, 20], [7, 0, 5, 130, 292, 1030, 10]
    cq, ck = ragged(lq), ragged(lk)
    q = torch.randn(sum(lq), 8, 128, device="cuda").bfloat16()
    k = torch.randn(sum(lk), 2, 128, device="cuda").bfloat16()
    v = torch.randn(sum(lk), 2, 128, device="cuda").bfloat16()
    out, lse = poisoned(sum(lq), 8, 128, dtype=torch.bfloat16), poisoned(sum(lq), 8)
    pkg.kernel("varlen_causal")(q=q, k=k, v=v, cu_seqlens_q=cq, cu_seqlens_k=ck,
                                out=out, lse=lse)
    torch.cuda.synchronize()
    outs, refs = [], []
    for r in range(len(lq)):
        qs, ks = slice(cq[r], cq[r + 1]), slice(ck[r], ck[r + 1])
        outs.append((out[qs], lse[qs]))
        refs.append(attention_ref(q[qs], k[ks], v[ks], causal=True))
    compare("prefill varlen causal", outs, refs, nans(out, lse),
            "bf16 8/2 D128, Sq/Sk %s: " % "/".join("%d:%d" % x for x in zip(lq, lk)))

    # Dense: window, softcap and ALiBi; then a score_mod.
    slopes = torch.tensor([2.0 ** -(h + 1) for h in range(8)], device="cuda")
    for b, sq, sk in ((2, 300, 300), (1, 77, 1030)):
        q = torch.randn(b, sq, 8, 128, device="cuda").bfloat16()
        k = torch.randn(b, sk, 8, 128, device="cuda").bfloat16()
        v = torch.randn(b, sk, 8, 128, device="cuda").bfloat16()
        out, lse = poisoned(b, sq, 8, 128, dtype=torch.bfloat16), poisoned(b, sq, 8)
        pkg.kernel("window_softcap_alibi")(q=q, k=k, v=v, slopes=slopes, out=out, lse=lse)
        torch.cuda.synchronize()
        refs = [attention_ref(q[r], k[r], v[r], window=(100, 0), softcap=30.0,
                              slopes=slopes) for r in range(b)]
        compare("prefill window %dx%d/%d" % (b, sq, sk), list(zip(out, lse)), refs,
                nans(out, lse), "bf16 8/8 D128 window [100,0] softcap 30 ALiBi: ")

        q = torch.randn(b, sq, 4, 64, device="cuda").half()
        k = torch.randn(b, sk, 2, 64, device="cuda").half()
        v = torch.randn(b, sk, 2, 64, device="cuda").half()
        out, lse = poisoned(b, sq, 4, 64, dtype=torch.half), poisoned(b, sq, 4)
        pkg.kernel("score_mod")(q=q, k=k, v=v, out=out, lse=lse)
        torch.cuda.synchronize()
        bias = lambda s, i, j: s - (i - j).double() / 32  # noqa: E731
        refs = [attention_ref(q[r], k[r], v[r], causal=True, score_mod=bias)
                for r in range(b)]
        compare("prefill score_mod %dx%d/%d" % (b, sq, sk), list(zip(out, lse)), refs,
                nans(out, lse), "f16 4/2 D64 causal, s - (i-j)/32: ", tol=2e-3)

    # batch_prefill over pages: NHD page 16 and HND page 1.
    lq, lk = [5, 1, 130, 0, 300], [5, 40, 130, 17, 600]
    cq = ragged(lq)
    for fn, page, layout, hq, hkv, d, dtype, tol in (
            ("bprefill_nhd16", 16, "nhd", 8, 2, 128, torch.bfloat16, 1e-2),
            ("bprefill_hnd1", 1, "hnd", 8, 1, 64, torch.half, 2e-3)):
        kv = PagedKV(lk, page, hkv, d, dtype, layout)
        q = torch.randn(sum(lq), hq, d, device="cuda").to(dtype)
        out, lse = poisoned(sum(lq), hq, d, dtype=dtype), poisoned(sum(lq), hq)
        pkg.kernel(fn)(q=q, qo_indptr=cq, out=out, lse=lse, **kv.args())
        torch.cuda.synchronize()
        outs, refs = [], []
        for r in range(len(lq)):
            qs = slice(cq[r], cq[r + 1])
            outs.append((out[qs], lse[qs]))
            refs.append(attention_ref(q[qs], *kv.gather(r), causal=True))
        compare("batch_prefill %s page %d" % (layout.upper(), page), outs, refs,
                nans(out, lse), "%s %d/%d D%d causal: " % (str(dtype)[6:], hq, hkv, d),
                tol=tol)

    # batch_decode: HND page 1, f16 D 64, D 256 (split-KV on the long ones).
    lengths = [1, 0, 300, 1000, 4097, 37]
    for fn, page, layout, hq, hkv, d, dtype, tol in (
            ("decode_hnd1", 1, "hnd", 16, 4, 128, torch.bfloat16, 1e-2),
            ("decode_f16_d64", 16, "nhd", 16, 2, 64, torch.half, 2e-3),
            ("decode_d256", 16, "nhd", 8, 2, 256, torch.bfloat16, 1e-2)):
        kv = PagedKV(lengths, page, hkv, d, dtype, layout)
        q = torch.randn(len(lengths), hq, d, device="cuda").to(dtype)
        out, lse = poisoned(len(lengths), hq, d, dtype=dtype), poisoned(len(lengths), hq)
        pkg.kernel(fn)(q=q, out=out, lse=lse, **kv.args())
        torch.cuda.synchronize()
        refs = [attention_ref(q[r:r + 1], *kv.gather(r)) for r in range(len(lengths))]
        outs = [(out[r:r + 1], lse[r:r + 1]) for r in range(len(lengths))]
        compare("batch_decode %s page %d D%d" % (layout.upper(), page, d), outs, refs,
                nans(out, lse), "%s %d/%d, Sk %s: " % (str(dtype)[6:], hq, hkv,
                                                      "/".join(map(str, lengths))), tol=tol)

    # paged_attention, vLLM's layout: K [blocks, Hkv, D/8, 16, 8], V
    # [blocks, Hkv, D, 16], block tables padded with a bad entry.
    lengths, bs = [130, 1, 0, 2049, 17], 16
    blocks = [(n + bs - 1) // bs for n in lengths]
    total = sum(blocks) + 2
    kc = torch.randn(total, 2, 16, bs, 8, device="cuda").bfloat16()
    vc = torch.randn(total, 2, 128, bs, device="cuda").bfloat16()
    perm = torch.randperm(total, device="cuda").to(torch.int32)
    tables = torch.full((len(lengths), max(blocks)), -7, dtype=torch.int32, device="cuda")
    used = 0
    for r, nb in enumerate(blocks):
        tables[r, :nb] = perm[used:used + nb]
        used += nb
    cl = torch.tensor(lengths, dtype=torch.int32, device="cuda")
    q = torch.randn(len(lengths), 8, 128, device="cuda").bfloat16()
    out, lse = poisoned(len(lengths), 8, 128, dtype=torch.bfloat16), poisoned(len(lengths), 8)
    pkg.kernel("vllm_decode")(q=q, k_cache=kc, v_cache=vc, block_tables=tables,
                              context_lens=cl, out=out, lse=lse)
    torch.cuda.synchronize()
    refs, outs = [], []
    for r, n in enumerate(lengths):
        idx = tables[r, :blocks[r]].long()
        k = kc[idx].permute(0, 3, 1, 2, 4).reshape(-1, 2, 128)[:n]
        v = vc[idx].permute(0, 3, 1, 2).reshape(-1, 2, 128)[:n]
        refs.append(attention_ref(q[r:r + 1], k, v))
        outs.append((out[r:r + 1], lse[r:r + 1]))
    compare("paged_attention vLLM", outs, refs, nans(out, lse),
            "bf16 8/2 D128 block 16, Sk %s: " % "/".join(map(str, lengths)))

    # append_kv with FlashInfer's metadata (NHD page 16): tokens appended
    # to 3 requests; every other cache element unchanged.
    kv = PagedKV([40, 16, 3], 16, 8, 128, torch.bfloat16)
    pos = [30, 31, 32, 33, 0, 5, 15, 2]
    req = [0, 0, 0, 0, 1, 1, 1, 2]
    bi = torch.tensor(req, dtype=torch.int32, device="cuda")
    pi = torch.tensor(pos, dtype=torch.int32, device="cuda")
    k = torch.randn(len(pos), 8, 128, device="cuda").bfloat16()
    v = torch.randn(len(pos), 8, 128, device="cuda").bfloat16()
    ek, ev = kv.k_cache.clone(), kv.v_cache.clone()
    for t, (r, p_) in enumerate(zip(req, pos)):
        page = int(kv.indices[int(kv.indptr[r]) + p_ // 16])
        ek[page, p_ % 16] = k[t]
        ev[page, p_ % 16] = v[t]
    pkg.kernel("append_nhd")(k=k, v=v, k_cache=kv.k_cache, v_cache=kv.v_cache,
                             batch_indices=bi, positions=pi, kv_indptr=kv.indptr,
                             kv_indices=kv.indices)
    torch.cuda.synchronize()
    same = bool(torch.equal(kv.k_cache, ek) and torch.equal(kv.v_cache, ev))
    record("append_kv NHD page 16", same, "bf16 8 heads D128, 8 tokens into 3 requests: "
           "caches %s the expected ones" % ("equal" if same else "DIFFER from"))

    # append_kv with vLLM's slot_mapping (HND page 1), -1 = padding.
    kc = torch.randn(64, 4, 1, 64, device="cuda").half()
    vc = torch.randn(64, 4, 1, 64, device="cuda").half()
    slots = [5, -1, 63, 0, -1, 17]
    k = torch.randn(len(slots), 4, 64, device="cuda").half()
    v = torch.randn(len(slots), 4, 64, device="cuda").half()
    ek, ev = kc.clone(), vc.clone()
    for t, sl in enumerate(slots):
        if sl >= 0:
            ek[sl, :, 0] = k[t]
            ev[sl, :, 0] = v[t]
    sm = torch.tensor(slots, dtype=torch.int64, device="cuda")
    kernel = pkg.kernel("append_slots")
    kernel(k=k, v=v, k_cache=kc, v_cache=vc, slot_mapping=sm)
    torch.cuda.synchronize()
    same = bool(torch.equal(kc, ek) and torch.equal(vc, ev))
    record("append_kv slots HND page 1", same, "f16 4 heads D64, slots 5/-1/63/0/-1/17: "
           "caches %s the expected ones" % ("equal" if same else "DIFFER from"))
    # Checked mode: a slot past the cache is refused, nothing written.
    bad = sm.clone()
    bad[2] = 64
    try:
        kernel(k=k, v=v, k_cache=kc, v_cache=vc, slot_mapping=bad)
        record("append_kv bad slot", False, "no error")
    except attn.AttnError as e:
        message = str(e)
        untouched = bool(torch.equal(kc, ek))
        record("append_kv bad slot", "slot_mapping[2]" in message and untouched,
               message[message.find("slot_mapping"):][:60])


def hstu_ref(q, k, v, n, bias=None, causal=True, scale=None):
    """float64 HSTU of one request: q/k [S, H, D], v [S, H, Dv], bias
    [H, S, S] or None; o_i = sum_{j visible} SiLU(scale q_i.k_j + bias) / n v_j."""
    s = torch.einsum("qhd,khd->hqk", q.double(), k.double()) * (scale or 1 / q.shape[-1] ** 0.5)
    if bias is not None:
        s = s + bias.double()
    w = s * torch.sigmoid(s) / n
    if causal:
        sq = q.shape[0]
        w = w.masked_fill(torch.ones(sq, sq, dtype=torch.bool, device=q.device).triu(1), 0.0)
    return torch.einsum("hqk,khd->qhd", w, v.double())


def compare_plain(case, outs, refs, unwritten, detail, tol):
    """Records a case without an LSE: relative error over all requests."""
    num = sum(float(((o.double() - r) ** 2).sum()) for o, r in zip(outs, refs))
    den = sum(float((r ** 2).sum()) for r in refs)
    err = (num / den) ** 0.5 if den else 0.0
    record(case, unwritten == 0 and err < tol,
           "%srel err %.2e, unwritten %d" % (detail, err, unwritten))


def check_hstu():
    """HSTU (attn.linear_attention kind hstu), which attn-hstu-to-prefill
    compiles as a prefill with a SiLU score_mod and no normalizer."""
    pkg = rt.load_package(os.path.join(DIST, "packages", "hstu.attnpkg"))
    # Dense, bf16, causal, a bias longer than the sequences (L = S + 5).
    for b, s in ((2, 300), (1, 1030)):
        q = torch.randn(b, s, 4, 128, device="cuda").bfloat16()
        k = torch.randn(b, s, 4, 128, device="cuda").bfloat16()
        v = torch.randn(b, s, 4, 128, device="cuda").bfloat16()
        rab = torch.randn(b, 4, s + 5, s + 5, device="cuda").bfloat16()
        out = poisoned(b, s, 4, 128, dtype=torch.bfloat16)
        pkg.kernel("hstu_bias_causal")(q=q, k=k, v=v, rab=rab, out=out)
        torch.cuda.synchronize()
        refs = [hstu_ref(q[r], k[r], v[r], s, bias=rab[r, :, :s, :s]) for r in range(b)]
        compare_plain("hstu dense %dx%d" % (b, s), list(out), refs, nans(out),
                      "bf16 4 heads D128 causal, bias L=S+5, N=S: ", 1e-2)
    # Ragged, f16: an empty request and a length-1 one; N is the longest
    # request, found in the kernel.
    lengths = [7, 0, 1, 292, 513]
    cu = ragged(lengths)
    q = torch.randn(sum(lengths), 2, 64, device="cuda").half()
    k = torch.randn(sum(lengths), 2, 64, device="cuda").half()
    v = torch.randn(sum(lengths), 2, 64, device="cuda").half()
    out = poisoned(sum(lengths), 2, 64, dtype=torch.half)
    pkg.kernel("hstu_ragged")(q=q, k=k, v=v, cu_seqlens=cu, out=out)
    torch.cuda.synchronize()
    outs, refs = [], []
    for r in range(len(lengths)):
        t = slice(cu[r], cu[r + 1])
        outs.append(out[t])
        refs.append(hstu_ref(q[t], k[t], v[t], max(lengths)))
    compare_plain("hstu ragged", outs, refs, nans(out),
                  "f16 2 heads D64 causal, lengths %s, N=%d: "
                  % ("/".join(map(str, lengths)), max(lengths)), 2e-3)
    # Speed of one shape, for the record (no peer: torch has no HSTU kernel).
    b, s = 4, 2048
    q, k, v = (torch.randn(b, s, 4, 128, device="cuda").bfloat16() for _ in range(3))
    rab = torch.randn(b, 4, s, s, device="cuda").bfloat16()
    out = torch.empty_like(q)
    kernel = pkg.kernel("hstu_bias_causal")
    ms = time_ms(lambda: kernel(q=q, k=k, v=v, rab=rab, out=out), iters=50)
    flops = 4 * b * 4 * s * s * 128 / 2
    record("hstu dense speed", True, "4x2048, 4 heads D128 causal with bias: %.3f ms, "
           "%.0f TFLOP/s" % (ms, flops / ms / 1e9))


def check_functional_torch():
    """attn's functional API on torch CUDA tensors: it picks the cuda
    target, returns torch tensors on the inputs' device, launches on the
    current stream. The packages come from dist's prebuilt folder (this
    machine has no attn-compile; scripts/prebuild.py lists the calls)."""
    q = torch.randn(2, 300, 8, 64, device="cuda").half()
    k = torch.randn(2, 300, 2, 64, device="cuda").half()
    v = torch.randn(2, 300, 2, 64, device="cuda").half()
    out, lse = attn.prefill(q, k, v, causal=True, return_lse=True)
    torch.cuda.synchronize()
    kinds = (type(out).__name__, str(out.device), str(out.dtype), str(lse.dtype))
    torch_out = kinds == ("Tensor", "cuda:0", "torch.float16", "torch.float32")
    refs = [attention_ref(q[r], k[r], v[r], causal=True) for r in range(2)]
    compare("attn.prefill(torch)", list(zip(out, lse)), refs, nans(out, lse) + (not torch_out),
            "f16 8/2 D64 causal, out %s %s %s: " % kinds[:3], tol=2e-3)

    lengths = [1, 0, 300, 1000]
    kv = PagedKV(lengths, 16, 2, 128, torch.half)
    qd = torch.randn(len(lengths), 16, 128, device="cuda").half()
    side = torch.cuda.Stream()
    with torch.cuda.stream(side):
        od, ld = attn.batch_decode(qd, kv.k_cache, kv.v_cache, kv.indptr, kv.indices, kv.last,
                                   return_lse=True)
    side.synchronize()
    refs = [attention_ref(qd[r:r + 1], *kv.gather(r)) for r in range(len(lengths))]
    compare("attn.batch_decode(torch)", [(od[r:r + 1], ld[r:r + 1]) for r in range(len(lengths))],
            refs, nans(od, ld), "f16 16/2 D128 NHD page 16, side stream: ", tol=2e-3)

    kc = torch.randn(64, 4, 1, 64, device="cuda").half()
    vc = torch.randn(64, 4, 1, 64, device="cuda").half()
    slots = torch.tensor([9, -1, 0, 63], dtype=torch.int64, device="cuda")
    kn = torch.randn(4, 4, 64, device="cuda").half()
    vn = torch.randn(4, 4, 64, device="cuda").half()
    ek, ev = kc.clone(), vc.clone()
    for t, sl in enumerate(slots.tolist()):
        if sl >= 0:
            ek[sl, :, 0] = kn[t]
            ev[sl, :, 0] = vn[t]
    rk, rv = attn.append_kv(kn, vn, kc, vc, slot_mapping=slots, layout="HND")
    torch.cuda.synchronize()
    same = bool(torch.equal(kc, ek) and torch.equal(vc, ev)) and rk is kc and rv is vc
    record("attn.append_kv(torch)", same, "f16 HND page 1, slots 9/-1/0/63: caches updated "
           "in place and returned: %s" % same)

    lengths = [5, 0, 300, 1]
    cu = ragged(lengths)
    qh, kh, vh = (torch.randn(sum(lengths), 2, 64, device="cuda").half() for _ in range(3))
    oh = attn.linear_attention(qh, kh, vh, kind="hstu", cu_seqlens=cu, causal=True)
    torch.cuda.synchronize()
    refs = [hstu_ref(qh[cu[r]:cu[r + 1]], kh[cu[r]:cu[r + 1]], vh[cu[r]:cu[r + 1]],
                     max(lengths)) for r in range(len(lengths))]
    compare_plain("attn.linear_attention(torch)",
                  [oh[cu[r]:cu[r + 1]] for r in range(len(lengths))], refs, nans(oh),
                  "hstu f16 2 heads D64 ragged causal, on %s: " % oh.device, 2e-3)

    try:
        attn.prefill(q, k.cpu().numpy(), v, causal=True)
        record("torch/numpy mix refused", False, "no error")
    except ValueError as e:
        record("torch/numpy mix refused", "numpy array among torch tensors" in str(e),
               str(e)[:60])


def main():
    print("device:", torch.cuda.get_device_name(), "| torch", torch.__version__,
          "| runtime", rt.runtime_version(), "| cuda available:",
          rt.target_available("cuda"))
    t0 = time.time()
    check_vadd()
    check_merge_states()
    check_prefill()
    check_decode()
    check_variants()
    check_hstu()
    check_functional_torch()
    print("\n%-24s %-5s %s" % ("case", "", "detail"))
    for case, status, detail in rows:
        print("%-24s %-5s %s" % (case, status, detail))
    print("\n%d cases, %s, %.1f s" % (len(rows), "FAILED" if failed else "all ok",
                                      time.time() - t0))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
