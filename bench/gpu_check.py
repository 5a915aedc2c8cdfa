"""GPU check of attn's CUDA path, run from the dist folder on a GPU machine.

    python3 dist/bench/gpu_check.py

Loads every package in dist/packages with the runtime's CUDA backend and
checks it against torch on fresh random inputs, with outputs poisoned
(NaN) before each launch so that unwritten elements show: the smoke kernel
(vadd: the runtime, the embedded cubin, launches on a caller's stream,
device-pointer checks), attn.merge_states, a causal GQA prefill and a paged
decode with split-KV (against float64 torch references, with empty states
and requests, and checked mode on device metadata). Prints a table; exits 1
on any failure. Timings are printed for information: the attention kernels
are the simple one-thread-per-work-item path (docs/design.md §8).
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


def attention_ref(q, k, v, causal):
    """float64 attention of one request: q [Sq, Hq, D], k/v [Sk, Hkv, D];
    bottom-right causal alignment; returns out [Sq, Hq, D], lse [Sq, Hq]."""
    sq, hq, d = q.shape
    sk, hkv = k.shape[0], k.shape[1]
    g = hq // hkv
    q64, k64, v64 = q.double(), k.double(), v.double()
    kx = k64.repeat_interleave(g, dim=1)
    vx = v64.repeat_interleave(g, dim=1)
    s = torch.einsum("qhd,khd->hqk", q64, kx) / (d ** 0.5)
    if causal:
        i = torch.arange(sq, device=q.device)[:, None] + (sk - sq)
        j = torch.arange(sk, device=q.device)[None, :]
        s = s.masked_fill(j > i, float("-inf"))
    lse = torch.logsumexp(s, dim=-1)
    p = torch.exp(s - lse[..., None]).nan_to_num(0.0)
    out = torch.einsum("hqk,khd->qhd", p, vx)
    return out, lse.transpose(0, 1)


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


def main():
    print("device:", torch.cuda.get_device_name(), "| torch", torch.__version__,
          "| runtime", rt.runtime_version(), "| cuda available:",
          rt.target_available("cuda"))
    t0 = time.time()
    check_vadd()
    check_merge_states()
    check_prefill()
    check_decode()
    print("\n%-24s %-5s %s" % ("case", "", "detail"))
    for case, status, detail in rows:
        print("%-24s %-5s %s" % (case, status, detail))
    print("\n%d cases, %s, %.1f s" % (len(rows), "FAILED" if failed else "all ok",
                                      time.time() - t0))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
