"""Compiling IR: the disk cache (key, atomic publication, concurrent
compiles), error reporting, tool lookup, and the kernel contract the real
attn-compile writes for the IR the builder emits."""

import json
import os
import subprocess
import sys
import threading

import numpy as np
import pytest

import attn
import attn._compile as C
from attn import TensorSpec as T
from helpers import PYTHON_DIR

FAKE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fake_attn_compile.py")
IR = "func.func @k(%a: tensor<?xf32>) -> tensor<?xf32> {\n  return %a : tensor<?xf32>\n}\n"


@pytest.fixture
def fake(tmp_path, monkeypatch):
    """Points ATTN_COMPILE at the fake compiler and ATTN_CACHE_DIR at a fresh
    directory; returns a helper to read the compile log."""
    script = tmp_path / "attn-compile"
    script.write_text('#!/bin/sh\nexec "%s" "%s" "$@"\n' % (sys.executable, FAKE))
    script.chmod(0o755)
    log = tmp_path / "compiles.log"
    cache = tmp_path / "cache"
    monkeypatch.setenv("ATTN_COMPILE", str(script))
    monkeypatch.setenv("ATTN_CACHE_DIR", str(cache))
    monkeypatch.setenv("FAKE_LOG", str(log))
    C.clear_memory_cache()

    class Fake(object):
        path = str(script)
        cache_dir = str(cache)

        @staticmethod
        def compiles():
            return log.read_text().splitlines() if log.exists() else []

    yield Fake
    C.clear_memory_cache()


def test_compile_is_cached_by_ir_target_and_version(fake, tmp_path, monkeypatch):
    p1 = C.compile_to_dir(IR)
    assert os.path.dirname(p1) == fake.cache_dir and p1.endswith(".attnpkg")
    assert os.path.isfile(os.path.join(p1, "manifest.json"))
    with open(os.path.join(p1, "input.mlir")) as f:
        assert f.read() == IR  # kept for debugging
    assert C.compile_to_dir(IR) == p1
    assert len(fake.compiles()) == 1
    p2 = C.compile_to_dir(IR.replace("@k", "@k2"))
    p3 = C.compile_to_dir(IR, target="cuda")
    assert len({p1, p2, p3}) == 3 and len(fake.compiles()) == 3
    assert fake.compiles()[-1].endswith("cuda")
    # Another compiler version (a different binary) gets its own entry.
    other = tmp_path / "attn-compile-2"
    other.write_text('#!/bin/sh\nFAKE_VERSION="fake 2" exec "%s" "%s" "$@"\n' % (sys.executable,
                                                                                  FAKE))
    other.chmod(0o755)
    monkeypatch.setenv("ATTN_COMPILE", str(other))
    assert C.compiler_version() == "fake 2"
    assert C.compile_to_dir(IR) not in (p1, p2, p3)
    # No temporary directories are left behind.
    assert [n for n in os.listdir(fake.cache_dir) if not n.endswith(".attnpkg")] == []


def test_cache_key_separates_fields():
    assert C.cache_key("ab", "c", "v") != C.cache_key("a", "bc", "v")
    assert C.cache_key("x", "cpu", "1") == C.cache_key("x", "cpu", "1")
    assert len(C.cache_key("x", "cpu", "1")) == 64


def test_compile_error_carries_diagnostics(fake):
    with pytest.raises(attn.CompileError) as info:
        C.compile_to_dir(IR + "// BAD\n")
    e = info.value
    assert e.returncode == 1 and "'attn.bad' op is not known" in e.stderr
    assert "'attn.bad' op is not known" in str(e)
    assert "BAD" in e.ir and e.command[0] == fake.path
    with pytest.raises(attn.CompileError, match="no manifest"):
        C.compile_to_dir(IR + "// NOMANIFEST\n")
    assert os.listdir(fake.cache_dir) == []  # failures leave nothing behind


def test_concurrent_processes_compile_once_and_agree(fake, tmp_path, monkeypatch):
    monkeypatch.setenv("FAKE_SLEEP", "0.4")
    src = tmp_path / "in.mlir"
    src.write_text(IR)
    env = dict(os.environ, PYTHONPATH=PYTHON_DIR)
    code = ("import attn._compile as c, sys; "
            "print(c.compile_to_dir(open(sys.argv[1]).read()))")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(src)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              universal_newlines=True) for _ in range(6)]
    results = [p.communicate(timeout=60) for p in procs]
    for p, (out, err) in zip(procs, results):
        assert p.returncode == 0, err
    paths = set(out.strip() for out, _ in results)
    assert len(paths) == 1
    path = paths.pop()
    assert sorted(os.listdir(path)) == ["input.mlir", "kernels.so", "manifest.json"]
    assert os.listdir(fake.cache_dir) == [os.path.basename(path)]
    assert 1 <= len(fake.compiles()) <= 6


def test_concurrent_threads(fake, monkeypatch):
    monkeypatch.setenv("FAKE_SLEEP", "0.2")
    out = []
    threads = [threading.Thread(target=lambda: out.append(C.compile_to_dir(IR)))
               for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(out) == 4 and len(set(out)) == 1
    assert os.listdir(fake.cache_dir) == [os.path.basename(out[0])]


def test_tool_lookup(fake, monkeypatch, tmp_path):
    assert C.find_compiler() == fake.path
    monkeypatch.setenv("ATTN_COMPILE", str(tmp_path / "missing"))
    with pytest.raises(attn.AttnNotFoundError, match="ATTN_COMPILE"):
        C.find_compiler()
    monkeypatch.setenv("ATTN_RUNTIME_LIBRARY", str(tmp_path / "missing.so"))
    with pytest.raises(attn.AttnNotFoundError, match="ATTN_RUNTIME_LIBRARY"):
        attn.find_runtime_library()
    assert issubclass(attn.AttnNotFoundError, attn.AttnError)


def test_cache_dir_default(monkeypatch):
    monkeypatch.delenv("ATTN_CACHE_DIR", raising=False)
    assert C.cache_dir() == os.path.join(os.path.expanduser("~"), ".cache", "attn")
    monkeypatch.setenv("ATTN_CACHE_DIR", "/some/where")
    assert C.cache_dir() == "/some/where"


# --- the real compiler --------------------------------------------------------

def _real_compiler():
    try:
        return attn.find_compiler()
    except attn.AttnError:
        return None


needs_compiler = pytest.mark.skipif(_real_compiler() is None,
                                    reason="attn-compile is not built yet")

F32, F16, I32, I64 = np.float32, np.float16, np.int32, np.int64

CONTRACT_CASES = [
    ("prefill", dict(q=T((2, 5, 8, 16), F16), k=T((2, 7, 2, 16), F16), v=T((2, 7, 2, 8), F16),
                     causal=True, return_lse=True)),
    ("prefill", dict(q=T((9, 8, 16), F32), k=T((11, 2, 16), F32), v=T((11, 2, 16), F32),
                     cu_seqlens_q=T((4,), I32), cu_seqlens_k=T((4,), I64),
                     alibi_slopes=T((3, 8), F32))),
    ("batch_prefill", dict(q=T((9, 8, 16), F32), qo_indptr=T((4,), I32),
                           k_cache=T((10, 2, 16, 16), F32), v_cache=T((10, 2, 16, 16), F32),
                           kv_indptr=T((4,), I32), kv_indices=T((12,), I32),
                           kv_last_page_len=T((3,), I32), layout="HND", return_lse=True)),
    ("batch_decode", dict(q=T((3, 8, 16), F32), k_cache=T((10, 1, 2, 16), F32),
                          v_cache=T((10, 1, 2, 16), F32), kv_indptr=T((4,), I64),
                          kv_indices=T((12,), I64), kv_last_page_len=T((3,), I64),
                          return_lse=True)),
    ("paged_attention", dict(q=T((3, 8, 16), F32), k_cache=T((10, 2, 4, 16, 4), F32),
                             v_cache=T((10, 2, 16, 16), F32), block_tables=T((3, 5), I32),
                             context_lens=T((3,), I32), return_lse=True)),
    ("mla_decode", dict(q_nope=T((3, 8, 32), F32), q_pe=T((3, 8, 8), F32),
                        ckv_cache=T((10, 16, 32), F32), kpe_cache=T((10, 16, 8), F32),
                        kv_indptr=T((4,), I32), kv_indices=T((12,), I32),
                        kv_last_page_len=T((3,), I32), scale=0.2, return_lse=True)),
    ("linear_attention", dict(q=T((9, 2, 8), F32), k=T((9, 2, 8), F32), v=T((9, 2, 4), F32),
                              cu_seqlens=T((4,), I32), kind="lightning", decay=T((2,), F32),
                              initial_state=T((3, 2, 8, 4), F32), return_final_state=True)),
    ("append_kv", dict(k=T((5, 2, 16), F16), v=T((5, 2, 16), F16),
                       k_cache=T((10, 2, 4, 16), F16), v_cache=T((10, 2, 4, 16), F16),
                       batch_indices=T((5,), I32), positions=T((5,), I32),
                       kv_indptr=T((4,), I32), kv_indices=T((7,), I32), layout="HND")),
    ("merge_states", dict(values=[T((5, 8, 16), F16)] * 3, lses=[T((5, 8), F32)] * 3)),
]


@needs_compiler
@pytest.mark.parametrize("op,kw", CONTRACT_CASES,
                         ids=["%s-%d" % (c[0], i) for i, c in enumerate(CONTRACT_CASES)])
def test_real_compiler_honours_the_naming_contract(op, kw):
    """The manifest lists every argument the Python side passes, by name,
    with the access, dtype and rank it will have: inputs read, outputs
    write, in-place caches readwrite (no separate output)."""
    ir = attn.build_op(op, **kw)
    path = attn.compile_to_dir(ir.text)
    with open(os.path.join(path, "manifest.json")) as f:
        manifest = json.load(f)
    assert manifest["format"] == "attn-kernel-package" and manifest["version"] == 1
    kernels = dict((k["name"], k) for k in manifest["kernels"])
    assert list(kernels) == [ir.func_name]
    args = dict((a["name"], a) for a in kernels[ir.func_name]["args"])
    expected = {}
    for name, x in ir.inputs.items():
        access = "readwrite" if name in ir.inplace else "read"
        expected[name] = (access, attn._dtypes.name_of(x.dtype), len(x.shape))
    for name, shape, dtype in ir.outputs:
        expected[name] = ("write", attn._dtypes.name_of(dtype), len(shape))
    got = dict((n, (a["access"], a["dtype"], len(a["shape"]))) for n, a in args.items())
    assert got == expected


@needs_compiler
def test_real_compiler_error_is_a_compile_error():
    bad = "func.func @f(%a: tensor<?xf32>) -> tensor<?xf32> {\n  %0 = attn.nope %a\n}\n"
    with pytest.raises(attn.CompileError) as info:
        attn.compile_to_dir(bad)
    assert info.value.returncode != 0 and "attn.nope" in info.value.stderr


def test_prebuilt_packages_serve_machines_without_the_compiler(fake, tmp_path, monkeypatch):
    # A package built with the compiler, stored under its prebuilt key (what
    # scripts/prebuild.py does), is found when no compiler is.
    built = C.compile_to_dir(IR, target="cuda")
    prebuilt = tmp_path / "prebuilt"
    prebuilt.mkdir()
    dest = prebuilt / (C.prebuilt_key(IR, "cuda") + ".attnpkg")
    os.rename(built, str(dest))
    monkeypatch.setenv("ATTN_PREBUILT_DIR", str(prebuilt))
    monkeypatch.setenv("ATTN_COMPILE", str(tmp_path / "no-such-compiler"))
    assert C.compile_to_dir(IR, target="cuda") == str(dest)
    # The key holds the target and the IR.
    with pytest.raises(attn.AttnNotFoundError) as e:
        C.compile_to_dir(IR, target="cpu")
    assert "No prebuilt package for this op call (target cpu)" in str(e.value)
    assert "ATTN_COMPILE is set to" in str(e.value)
    with pytest.raises(attn.AttnNotFoundError):
        C.compile_to_dir(IR.replace("@k", "@other"), target="cuda")
    # With a compiler, prebuilt packages are not used (its cache is).
    monkeypatch.setenv("ATTN_COMPILE", fake.path)
    assert C.compile_to_dir(IR, target="cuda") != str(dest)


def test_prebuild_script_calls_build_their_ir():
    # Every call scripts/prebuild.py lists builds IR with lengths left
    # dynamic, so one package serves every length (what the GPU check
    # relies on).
    sys.path.insert(0, os.path.join(os.path.dirname(PYTHON_DIR), "scripts"))
    try:
        import prebuild
    finally:
        sys.path.pop(0)
    from attn._ir import build_ir
    for op, args, kwargs in prebuild.CALLS:
        text = build_ir(op, *args, **kwargs)
        assert "func.func @%s(" % op in text and "?x" in text
