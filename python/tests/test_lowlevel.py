"""The lower-level API for compiler users: IR text -> package -> kernel
launch by argument name, with the real compiler and runtime."""

import numpy as np
import pytest

import attn
import reference as R
from helpers import assert_close, assert_lse_close, randn

pytestmark = pytest.mark.e2e


def test_build_compile_launch(rng):
    q = randn(rng, (2, 3, 4, 16))
    k, v = randn(rng, (2, 5, 2, 16)), randn(rng, (2, 5, 2, 16))
    text = attn.build_ir("prefill", q=attn.TensorSpec(q.shape, q.dtype),
                         k=attn.TensorSpec(k.shape, k.dtype), v=attn.TensorSpec(v.shape, v.dtype),
                         causal=True, return_lse=True)
    pkg = attn.compile_ir(text)
    assert attn.compile_ir(text) is pkg  # memoized in this process
    assert pkg.target == "cpu" and pkg.kernel_names == ("prefill",)
    kernel = pkg.kernel("prefill")
    assert set(kernel.arg_names) == {"q", "k", "v", "out", "lse"}
    access = dict((a.name, a.access) for a in kernel.args)
    assert access == {"q": "read", "k": "read", "v": "read", "out": "write", "lse": "write"}
    out = np.empty((2, 3, 4, 16), np.float32)
    lse = np.empty((2, 3, 4), np.float32)
    kernel.launch(lse=lse, out=out, v=v, k=k, q=q)  # any order: matched by name
    ro, rl = R.prefill_ref(q, k, v, causal=True)
    assert_close(out, ro, np.float32)
    assert_lse_close(lse, rl, np.float32)


def test_package_with_two_kernels(rng):
    """A module may hold several kernels; each is named after its func."""
    spec = attn.TensorSpec((1, 2, 4, 16), np.float32)
    a = attn.build_op("prefill", spec, spec, spec, func_name="plain").text
    b = attn.build_op("prefill", spec, spec, spec, causal=True, func_name="causal").text
    pkg = attn.compile_ir(a + "\n" + b)
    assert set(pkg.kernel_names) == {"plain", "causal"}
    q, k, v = randn(rng, (1, 2, 4, 16)), randn(rng, (1, 2, 4, 16)), randn(rng, (1, 2, 4, 16))
    for name, causal in (("plain", False), ("causal", True)):
        out = np.empty_like(q)
        pkg.kernel(name).launch(q=q, k=k, v=v, out=out)
        assert_close(out, R.prefill_ref(q, k, v, causal=causal)[0], np.float32)

