"""The cuda target from Python, on a machine with or without a GPU:
attn-compile --target=cuda builds a package (host code plus a cubin); the
runtime loads it only where the CUDA driver is, and says why elsewhere. The
GPU itself is exercised by bench/gpu_check.py on a GPU machine."""

import os

import numpy as np
import pytest

import attn
from attn import _dtypes
from attn import _runtime as rt

pytestmark = pytest.mark.e2e

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VADD = os.path.join(REPO, "bench", "kernels", "vadd.mlir")


def test_cuda_package_loads_or_explains():
    with open(VADD) as f:
        text = f.read()
    path = attn.compile_to_dir(text, target="cuda")
    assert os.path.isfile(os.path.join(path, "kernels.so"))
    if rt.target_available("cuda"):
        pkg = rt.load_package(path)
        assert pkg.target == "cuda" and pkg.kernel_names == ("vadd",)
        return
    with pytest.raises(attn.UnsupportedTargetError) as info:
        rt.load_package(path)
    message = str(info.value)
    assert "targets cuda" in message and "libcuda.so.1" in message


def test_cpu_package_refuses_nothing_new(rng):
    """numpy launches are unchanged by the torch path."""
    spec = attn.TensorSpec((1, 2, 2, 8), np.float32)
    pkg = attn.compile_ir(attn.build_op("prefill", spec, spec, spec).text)
    kernel = pkg.kernel("prefill")
    q = rng.standard_normal((1, 2, 2, 8)).astype(np.float32)
    out = np.full((1, 2, 2, 8), np.nan, np.float32)
    kernel.launch(q=q, k=q, v=q, out=out)
    assert not np.isnan(out).any()


@pytest.mark.parametrize("name,expected", [
    ("torch.float32", "f32"), ("torch.bfloat16", "bf16"), ("torch.float16", "f16"),
    ("torch.float8_e4m3fn", "f8e4m3fn"), ("torch.int32", "i32"), ("torch.int64", "i64"),
    ("torch.complex64", None)])
def test_torch_dtype_names(name, expected):
    # name_of_torch reads str(dtype), so it works without importing torch.
    assert _dtypes.name_of_torch(name) == expected


def test_numpy_is_not_a_torch_tensor():
    assert not rt._is_torch_tensor(np.zeros(3))
