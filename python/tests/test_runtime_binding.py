"""The ctypes binding (attn._runtime) against a mock runtime built from
tests/mock_runtime.c and the real header: struct layout, name-based argument
marshalling, scalars, in-place buffers, checked flag, error mapping. Needs a
C compiler, not the real runtime."""

import ctypes
import os
import shutil
import subprocess

import numpy as np
import pytest

import attn
from attn import _runtime
from helpers import REPO_DIR

HERE = os.path.dirname(os.path.abspath(__file__))
CC = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
pytestmark = pytest.mark.skipif(CC is None, reason="no C compiler to build the mock runtime")


@pytest.fixture(scope="module")
def mock_path(tmp_path_factory):
    out = str(tmp_path_factory.mktemp("mock") / "libattn_runtime_mock.so")
    subprocess.check_call([CC, "-std=c11", "-Wall", "-Werror", "-shared", "-fPIC",
                           "-I", os.path.join(REPO_DIR, "include"),
                           os.path.join(HERE, "mock_runtime.c"), "-o", out])
    return out


@pytest.fixture(scope="module")
def rt(mock_path):
    return attn.Runtime(mock_path)


@pytest.fixture
def kernel(rt):
    return attn.Package("/some/pkg.attnpkg", runtime=rt).kernel("saxpy")


def test_struct_layout_matches_the_header(rt):
    lib = ctypes.CDLL(rt.path)
    out = (ctypes.c_int64 * 12)()
    lib.mock_abi_layout(out)
    A, O = _runtime._Arg, _runtime._LaunchOptions
    assert list(out) == [ctypes.sizeof(A), A.kind.offset, A.dtype.offset, A.data.offset,
                         A.rank.offset, A.shape.offset, A.i64.offset, A.f64.offset,
                         ctypes.sizeof(O), O.checked.offset, O.stream.offset,
                         ctypes.sizeof(ctypes.c_int)]


def test_runtime_info(rt):
    assert rt.version == 100 and rt.version == _runtime.BINDING_RUNTIME_VERSION
    assert rt.status_name(6) == "ATTN_ERROR_CHECK_FAILED"
    assert rt.dtype_name(2) == "f16" and rt.dtype_name(42) is None
    assert rt.target_available("cpu") == (True, "")
    ok, why = rt.target_available("cuda")
    assert not ok and "cuda" in why


def test_package_and_signature(rt):
    pkg = attn.Package("/some/pkg.attnpkg", runtime=rt)
    assert pkg.target == "cpu" and pkg.compiler == "mock 1.0"
    assert pkg.kernel_names == ("saxpy", "empty")
    k = pkg["saxpy"]
    assert k.arg_names == ("y", "alpha", "x", "out", "idx", "n")
    a = {x.name: x for x in k.args}
    assert (a["y"].kind, a["y"].dtype, a["y"].access, a["y"].rank) == ("buffer", "f32",
                                                                       "readwrite", 1)
    assert (a["alpha"].kind, a["alpha"].dtype) == ("scalar", "f64")
    assert a["out"].access == "write" and a["idx"].dtype == "i32"
    with pytest.raises(KeyError, match="saxpy, empty"):
        pkg.kernel("nope")
    pkg.kernel("empty").launch()


def test_launch_by_name_in_any_order(rt, kernel):
    x = np.arange(4, dtype=np.float32)
    y = np.full(3, 10.0, dtype=np.float32)
    idx = np.array([3, 0, 2], dtype=np.int32)
    out = np.empty(3, dtype=np.float32)
    kernel.launch(n=3, out=out, idx=idx, x=x, alpha=2.5, y=y)
    np.testing.assert_array_equal(out, [17.5, 10.0, 15.0])
    np.testing.assert_array_equal(y, [11.0, 11.0, 11.0])  # readwrite: updated in place
    assert ctypes.CDLL(rt.path).mock_last_checked() == 1
    # A dict works too, and checked=False reaches the runtime.
    kernel.launch(dict(n=3, out=out, idx=idx, x=x, alpha=0.0, y=y), checked=False)
    assert ctypes.CDLL(rt.path).mock_last_checked() == 0
    np.testing.assert_array_equal(out, [11.0, 11.0, 11.0])


def test_read_buffers_are_made_contiguous(kernel):
    x = np.arange(8, dtype=np.float32)[::2]  # strided view: 0, 2, 4, 6
    y = np.zeros(2, np.float32)
    out = np.empty(2, np.float32)
    kernel.launch(y=y, alpha=1.0, x=x, out=out, idx=np.array([3, 1], np.int32), n=2)
    np.testing.assert_array_equal(out, [6.0, 2.0])


def test_check_failure_is_raised_with_message(kernel):
    x, y = np.ones(4, np.float32), np.zeros(2, np.float32)
    out = np.empty(2, np.float32)
    with pytest.raises(attn.CheckFailedError) as info:
        kernel.launch(y=y, alpha=1.0, x=x, out=out, idx=np.array([0, 7], np.int32), n=2)
    e = info.value
    assert e.status == 6 and e.status_name == "ATTN_ERROR_CHECK_FAILED"
    assert "idx[1] = 7 is out of range [0, 4)" in str(e) and "saxpy" in str(e)
    assert isinstance(e, attn.AttnRuntimeError) and isinstance(e, attn.AttnError)
    assert (y == 0).all()  # nothing ran


def test_runtime_invalid_argument_is_a_value_error(kernel):
    x, y = np.ones(4, np.float32), np.zeros(2, np.float32)
    with pytest.raises(attn.InvalidArgumentError) as info:
        kernel.launch(y=y, alpha=1.0, x=x, out=np.empty(3, np.float32),
                      idx=np.zeros(2, np.int32), n=2)
    assert isinstance(info.value, ValueError)
    assert "argument 'out': size 3, expected 2" in str(info.value)


def test_python_side_argument_errors(kernel):
    x, y = np.ones(4, np.float32), np.zeros(2, np.float32)
    out, idx = np.empty(2, np.float32), np.zeros(2, np.int32)
    good = dict(y=y, alpha=1.0, x=x, out=out, idx=idx, n=2)
    with pytest.raises(ValueError, match="missing argument.*'idx'"):
        kernel.launch(**dict((k, v) for k, v in good.items() if k != "idx"))
    with pytest.raises(ValueError, match="unknown argument.*'z'"):
        kernel.launch(z=1, **good)
    with pytest.raises(ValueError, match="x: kernel 'saxpy' expects dtype f32, got float64"):
        kernel.launch(**dict(good, x=x.astype(np.float64)))
    with pytest.raises(ValueError, match="idx: kernel 'saxpy' expects 1 dims"):
        kernel.launch(**dict(good, idx=idx.reshape(1, 2)))
    with pytest.raises(ValueError, match="out: .*C-contiguous, writeable"):
        kernel.launch(**dict(good, out=np.empty(4, np.float32)[::2]))
    ro = y.copy()
    ro.flags.writeable = False
    with pytest.raises(ValueError, match="y: .*writeable"):
        kernel.launch(**dict(good, y=ro))
    with pytest.raises(ValueError, match="twice"):
        kernel.launch({"n": 2}, n=2)


def test_load_errors_map_to_exception_classes(rt):
    with pytest.raises(attn.PackageIOError, match="cannot read '/x/missing.attnpkg"):
        attn.Package("/x/missing.attnpkg", runtime=rt)
    with pytest.raises(attn.PackageFormatError, match="unknown package version 9"):
        attn.Package("/x/badformat.attnpkg", runtime=rt)


def test_close_destroys_once(rt):
    lib = ctypes.CDLL(rt.path)
    before = lib.mock_destroyed()
    pkg = attn.Package("/some/pkg.attnpkg", runtime=rt)
    k = pkg.kernel("saxpy")
    pkg.close()
    pkg.close()
    assert lib.mock_destroyed() == before + 1
    with pytest.raises(ValueError, match="closed"):
        k.launch()


def test_env_selects_the_library(mock_path, monkeypatch):
    monkeypatch.setenv("ATTN_RUNTIME_LIBRARY", mock_path)
    assert attn.find_runtime_library() == mock_path
    assert attn.Runtime().path == mock_path


def test_not_a_runtime_library(tmp_path):
    bogus = tmp_path / "libbogus.so"
    bogus.write_text("not an ELF file")
    with pytest.raises(attn.AttnNotFoundError, match="could not load"):
        attn.Runtime(str(bogus))
