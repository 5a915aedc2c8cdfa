"""GPU benchmark of attn's generated kernels against torch's, in one run.

    python3 dist/bench/gpu_bench.py [--quick]

Prefill (bf16, token-major [B, S, H, D], H = 16, B * S = 16k tokens, causal
and not, D 64 and 128): attn's kernels from packages/prefill.attnpkg against
torch SDPA's flash and cuDNN backends and FlexAttention (torch.compile'd),
in TFLOP/s (causal counts half the products). Decode (bf16, Hq/Hkv 32/8,
D 128, paged NHD cache, page 16): attn's packages/decode_paged.attnpkg
against SDPA's cuDNN and flash backends on the dense cache, in GB/s of K/V
read. Every case also checks attn's output against torch's. Prints one
table per kind with each ratio (peer time / attn time: above 1, attn is
faster). Medians of 30 CUDA-event timings after warm-up.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DIST = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(DIST, "python"))

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from torch.nn.attention import SDPBackend, sdpa_kernel  # noqa: E402

from attn import _runtime as rt  # noqa: E402
from gpu_check import time_ms  # noqa: E402

QUICK = "--quick" in sys.argv


def try_time(fn):
    try:
        return time_ms(fn, iters=30)
    except Exception as e:  # a backend that refuses the shape
        return "n/a (%s)" % type(e).__name__


def fmt(x):
    return "%8.1f" % x if isinstance(x, float) else "%8s" % "n/a"


def bench_prefill():
    pkg = rt.load_package(os.path.join(DIST, "packages", "prefill.attnpkg"))
    flex = None
    try:
        from torch.nn.attention.flex_attention import create_block_mask, flex_attention
        flex = torch.compile(flex_attention)
    except Exception as e:
        print("FlexAttention unavailable:", e)
    print("\nprefill bf16, H 16, TFLOP/s (ratio = attn / peer)")
    print("%4s %6s %4s %6s | %8s %8s %8s %8s | %7s %7s %7s | %s" % (
        "D", "S", "B", "causal", "attn", "flash", "cudnn", "flex",
        "/flash", "/cudnn", "/flex", "max rel diff vs flash"))
    h = 16
    seqs = (2048, 8192) if QUICK else (512, 2048, 4096, 8192, 16384)
    for d in (64, 128):
        for s in seqs:
            b = max(1, 16384 // s)
            for causal in (False, True):
                name = "prefill_d%d%s" % (d, "_causal" if causal else "")
                kernel = pkg.kernel(name)
                q, k, v = (torch.randn(b, s, h, d, device="cuda").bfloat16() for _ in range(3))
                out = torch.empty_like(q)
                lse = torch.empty(b, s, h, device="cuda")
                qt, kt, vt = (x.transpose(1, 2) for x in (q, k, v))
                t_attn = time_ms(lambda: kernel(q=q, k=k, v=v, out=out, lse=lse, checked=False),
                                 iters=30)
                with sdpa_kernel(SDPBackend.FLASH_ATTENTION):
                    ref = F.scaled_dot_product_attention(qt, kt, vt, is_causal=causal)
                    t_flash = try_time(lambda: F.scaled_dot_product_attention(
                        qt, kt, vt, is_causal=causal))
                with sdpa_kernel(SDPBackend.CUDNN_ATTENTION):
                    t_cudnn = try_time(lambda: F.scaled_dot_product_attention(
                        qt, kt, vt, is_causal=causal))
                t_flex = "n/a"
                if flex is not None and d == 128:
                    try:
                        mask = None
                        if causal:
                            mask = create_block_mask(lambda b_, h_, i, j: j <= i, None, None,
                                                     s, s, device="cuda")
                        t_flex = try_time(lambda: flex(qt, kt, vt, block_mask=mask))
                    except Exception as e:
                        t_flex = "n/a (%s)" % type(e).__name__
                diff = float((out.transpose(1, 2).float() - ref.float()).abs().max()
                             / ref.float().abs().max())
                flops = 4.0 * b * h * s * s * d * (0.5 if causal else 1.0)
                tf = lambda t: flops / t / 1e9 if isinstance(t, float) else "n/a"
                ratio = lambda t: "%7.2f" % (t / t_attn) if isinstance(t, float) else "%7s" % "n/a"
                print("%4d %6d %4d %6s | %s %s %s %s | %s %s %s | %.1e" % (
                    d, s, b, causal, fmt(tf(t_attn)), fmt(tf(t_flash)), fmt(tf(t_cudnn)),
                    fmt(tf(t_flex)), ratio(t_flash), ratio(t_cudnn), ratio(t_flex), diff))
                del q, k, v, out, lse, qt, kt, vt, ref
                torch.cuda.empty_cache()


def bench_decode():
    pkg = rt.load_package(os.path.join(DIST, "packages", "decode_paged.attnpkg"))
    kernel = pkg.kernel("decode")
    hq, hkv, d, page = 32, 8, 128, 16
    print("\ndecode bf16, Hq/Hkv 32/8, D 128, page 16 (attn) vs dense cache (torch), "
          "GB/s of K/V read (ratio = attn / peer)")
    print("%4s %6s | %8s %8s %8s | %7s %7s | %s" % (
        "B", "L", "attn", "cudnn", "flash", "/cudnn", "/flash", "max rel diff vs math"))
    configs = ((16, 8192), (128, 8192)) if QUICK else (
        (16, 4096), (16, 32768), (64, 8192), (128, 4096), (128, 16384))
    for b, length in configs:
        pages = length // page
        kc = torch.randn(b * pages, page, hkv, d, device="cuda").bfloat16()
        vc = torch.randn(b * pages, page, hkv, d, device="cuda").bfloat16()
        indices = torch.randperm(b * pages, device="cuda").to(torch.int32)
        indptr = torch.arange(0, b * pages + 1, pages, device="cuda", dtype=torch.int32)
        last = torch.full((b,), page, device="cuda", dtype=torch.int32)
        q = torch.randn(b, hq, d, device="cuda").bfloat16()
        out = torch.empty_like(q)
        lse = torch.empty(b, hq, device="cuda")
        args = dict(q=q, k_cache=kc, v_cache=vc, kv_indptr=indptr, kv_indices=indices,
                    kv_last_page_len=last, out=out, lse=lse, checked=False)
        t_attn = time_ms(lambda: kernel(**args), iters=30)
        # The same keys as a dense [B, Hkv, L, D] cache for torch.
        kd = kc[indices.long()].reshape(b, length, hkv, d).transpose(1, 2).contiguous()
        vd = vc[indices.long()].reshape(b, length, hkv, d).transpose(1, 2).contiguous()
        qd = q[:, :, None, :]
        # The reference on the first requests (a float copy of every cache
        # would not fit).
        n = min(b, 8)
        ref = F.scaled_dot_product_attention(
            qd[:n].float(), kd[:n].float().repeat_interleave(hq // hkv, 1),
            vd[:n].float().repeat_interleave(hq // hkv, 1))[:, :, 0]
        with sdpa_kernel(SDPBackend.CUDNN_ATTENTION):
            t_cudnn = try_time(lambda: F.scaled_dot_product_attention(qd, kd, vd, enable_gqa=True))
        with sdpa_kernel(SDPBackend.FLASH_ATTENTION):
            t_flash = try_time(lambda: F.scaled_dot_product_attention(qd, kd, vd, enable_gqa=True))
        kernel(**args)
        diff = float((out[:n].float() - ref).abs().max() / ref.abs().max())
        moved = 2.0 * b * length * hkv * d * 2
        gbs = lambda t: moved / t / 1e6 if isinstance(t, float) else "n/a"
        ratio = lambda t: "%7.2f" % (t / t_attn) if isinstance(t, float) else "%7s" % "n/a"
        print("%4d %6d | %s %s %s | %s %s | %.1e" % (
            b, length, fmt(gbs(t_attn)), fmt(gbs(t_cudnn)), fmt(gbs(t_flash)),
            ratio(t_cudnn), ratio(t_flash), diff))
        del kc, vc, kd, vd
        torch.cuda.empty_cache()


def main():
    print("device:", torch.cuda.get_device_name(), "| torch", torch.__version__)
    bench_prefill()
    bench_decode()


if __name__ == "__main__":
    main()
