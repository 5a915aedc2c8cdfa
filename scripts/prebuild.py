"""Prebuilt packages for the functional API on machines without attn-compile.

    python3 scripts/prebuild.py DIR [--target cuda]

Compiles the op calls listed in CALLS (their IR depends on head counts,
head dims, page sizes and dtypes, not on lengths) with the build's
attn-compile into DIR/<prebuilt_key>.attnpkg, where attn's functional API
looks when no compiler is found (attn/_compile.py). scripts/make-dist.sh
runs it into dist/python/attn/_prebuilt, for bench/gpu_check.py's torch
calls. float16, since numpy has no bfloat16 without ml_dtypes.
"""

import os
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "python"))

import numpy as np  # noqa: E402

from attn import _compile  # noqa: E402
from attn._ir import TensorSpec as T, build_ir  # noqa: E402

F16, I32, I64 = np.float16, np.int32, np.int64

# (op, positional specs, keyword arguments)
CALLS = [
    # attn.prefill(q, k, v, causal=True, return_lse=True): f16, GQA 8/2, D 64.
    ("prefill", (), dict(q=T((1, 1, 8, 64), F16), k=T((1, 1, 2, 64), F16),
                         v=T((1, 1, 2, 64), F16), causal=True, return_lse=True)),
    # attn.batch_decode over an NHD page-16 cache: f16, 16/2 heads, D 128.
    ("batch_decode", (T((1, 16, 128), F16), T((1, 16, 2, 128), F16),
                      T((1, 16, 2, 128), F16), T((2,), I32), T((1,), I32), T((1,), I32)),
     dict(return_lse=True)),
    # attn.linear_attention(kind="hstu"), ragged, causal: f16, 2 heads, D 64.
    ("linear_attention", (T((1, 2, 64), F16), T((1, 2, 64), F16), T((1, 2, 64), F16)),
     dict(kind="hstu", cu_seqlens=T((2,), I32), causal=True)),
    # attn.append_kv with vLLM's slot_mapping into an HND page-1 cache.
    ("append_kv", (T((1, 4, 64), F16), T((1, 4, 64), F16), T((1, 4, 1, 64), F16),
                   T((1, 4, 1, 64), F16)), dict(slot_mapping=T((1,), I64), layout="HND")),
]


def main():
    out = os.path.abspath(sys.argv[1])
    target = sys.argv[sys.argv.index("--target") + 1] if "--target" in sys.argv else "cuda"
    os.makedirs(out, exist_ok=True)
    compiler = _compile.find_compiler()
    for op, args, kwargs in CALLS:
        text = build_ir(op, *args, **kwargs)
        built = _compile.compile_to_dir(text, target=target, compiler=compiler,
                                        cache=os.path.join(out, ".cache"))
        dest = os.path.join(out, _compile.prebuilt_key(text, target) + ".attnpkg")
        shutil.rmtree(dest, ignore_errors=True)
        shutil.copytree(built, dest)
        print("prebuilt %s (%s): %s" % (op, target, os.path.basename(dest)))
    shutil.rmtree(os.path.join(out, ".cache"), ignore_errors=True)


if __name__ == "__main__":
    main()
