"""pytest configuration for the attn Python tests.

* Makes ``import attn`` work from the source tree (python/).
* Uses a fresh package cache per session (``$ATTN_CACHE_DIR`` in a temporary
  directory) so that runs are hermetic; set ``$ATTN_TEST_CACHE_DIR`` to reuse
  a cache across runs instead.
* Tests marked ``e2e`` compile and run kernels. When attn-compile or
  libattn_runtime.so (or its CPU backend) is missing they are skipped with
  the reason; if attn-opt exists they still run up to the compile step, so
  their argument validation and IR are exercised (the IR is verified with
  attn-opt) before the skip.
"""

import os
import shutil
import sys
import tempfile
import zlib

import numpy as np
import pytest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import attn  # noqa: E402
import attn._compile  # noqa: E402
import attn.ops  # noqa: E402
import helpers  # noqa: E402

_state = {}


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "e2e: compiles and runs kernels (needs attn-compile and libattn_runtime.so)")
    persistent = os.environ.get("ATTN_TEST_CACHE_DIR")
    if persistent:
        os.environ["ATTN_CACHE_DIR"] = persistent
    else:
        tmp = tempfile.mkdtemp(prefix="attn-test-cache-")
        _state["tmp_cache"] = tmp
        os.environ["ATTN_CACHE_DIR"] = tmp


def pytest_unconfigure(config):
    tmp = _state.pop("tmp_cache", None)
    if tmp:
        shutil.rmtree(tmp, ignore_errors=True)


def e2e_status():
    """(available, reason): whether kernels can be compiled and run here."""
    if "e2e" not in _state:
        problems = []
        try:
            comp = attn.find_compiler()
            attn.compiler_version(comp)
        except attn.AttnError as e:
            problems.append(str(e))
        try:
            rt = attn.get_runtime()
            ok, why = rt.target_available("cpu")
            if not ok:
                problems.append("the runtime has no usable CPU backend: %s" % why)
        except attn.AttnError as e:
            problems.append(str(e))
        _state["e2e"] = (not problems, "; ".join(problems))
    return _state["e2e"]


def pytest_report_header(config):
    ok, reason = e2e_status()
    if ok:
        return "attn end-to-end tests: enabled (compiler %s, runtime %s, cache %s)" % (
            attn.find_compiler(), attn.get_runtime().path, os.environ["ATTN_CACHE_DIR"])
    return "attn end-to-end tests: SKIPPED (%s)" % reason


@pytest.fixture(autouse=True)
def _e2e_gate(request, monkeypatch):
    if request.node.get_closest_marker("e2e") is None:
        return
    ok, reason = e2e_status()
    if ok:
        return
    if helpers.attn_opt_path() is None:
        pytest.skip("end-to-end test needs the compiler and runtime: " + reason)

    def verify_then_skip(ir_text, target="cpu", *args, **kwargs):
        rc, err = helpers.verify_ir(ir_text)
        assert rc == 0, "attn-opt rejected the generated IR:\n%s\n%s" % (err, ir_text)
        pytest.skip("end-to-end test needs the compiler and runtime (its IR was built and "
                    "verified with attn-opt): " + reason)

    monkeypatch.setattr(attn.ops, "compile_ir", verify_then_skip)
    monkeypatch.setattr(attn._compile, "compile_ir", verify_then_skip)
    monkeypatch.setattr(attn, "compile_ir", verify_then_skip)


@pytest.fixture
def rng(request):
    """A generator seeded from the test's id: reproducible, distinct per test."""
    return np.random.default_rng(zlib.crc32(request.node.nodeid.encode("utf-8")))
