"""HSTU speed, run from the dist folder on a GPU machine.

    python3 dist/bench/hstu_bench.py

torch has no HSTU kernel. attn compiles HSTU as a prefill with a SiLU
score_mod (attn-hstu-to-prefill), so this prints, for the same shapes and
in the same run, HSTU with and without its relative-attention bias, the
same prefill kernel without the SiLU (none normalizer), attn's softmax
prefill and SDPA's flash and cuDNN backends: bf16, 4 heads, D = 128, causal, TFLOP/s
(causal counts half the FLOPs).
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DIST = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(DIST, "python"))
sys.path.insert(0, HERE)

import torch  # noqa: E402
from torch.nn.attention import SDPBackend, sdpa_kernel  # noqa: E402

from attn import _runtime as rt  # noqa: E402
from gpu_check import time_ms  # noqa: E402

KERNELS = ("hstu_bias", "hstu", "prefill_none", "prefill_softmax")


def main():
    pkg = rt.load_package(os.path.join(DIST, "packages", "hstu_bench.attnpkg"))
    print("device:", torch.cuda.get_device_name(), "| torch", torch.__version__)
    print("\nbf16, 4 heads, D 128, causal, TFLOP/s")
    print("%-10s | %10s %10s %10s %10s %10s %10s" % ("B x S", "hstu+bias", "hstu", "none",
                                                       "softmax", "sdpa flash", "sdpa cudnn"))
    for b, s in ((4, 2048), (2, 8192)):
        q, k, v = (torch.randn(b, s, 4, 128, device="cuda").bfloat16() for _ in range(3))
        rab = torch.randn(b, 4, s, s, device="cuda").bfloat16()
        out = torch.empty_like(q)
        flops = 4 * b * 4 * s * s * 128 / 2
        row = []
        for name in KERNELS:
            kernel = pkg.kernel(name)
            args = dict(q=q, k=k, v=v, out=out)
            if name == "hstu_bias":
                args["rab"] = rab
            row.append(flops / time_ms(lambda: kernel(**args), iters=30) / 1e9)
        qt, kt, vt = (x.transpose(1, 2) for x in (q, k, v))
        for backend in (SDPBackend.FLASH_ATTENTION, SDPBackend.CUDNN_ATTENTION):
            with sdpa_kernel(backend):
                ms = time_ms(lambda: torch.nn.functional.scaled_dot_product_attention(
                    qt, kt, vt, is_causal=True), iters=30)
            row.append(flops / ms / 1e9)
        print("%-10s | %s" % ("%d x %d" % (b, s), " ".join("%10.1f" % x for x in row)))


if __name__ == "__main__":
    main()
