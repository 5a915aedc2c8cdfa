"""Compiling IR to kernel packages with attn-compile, cached on disk.

The cache directory is ``$ATTN_CACHE_DIR`` or ``~/.cache/attn``. A package
lives in ``<cache>/<key>.attnpkg`` where ``key`` is the sha256 of the IR
text, the target and the output of ``attn-compile --version``, which
includes a build id that changes whenever the compiler or its libraries are
rebuilt (so a rebuilt compiler never reuses stale packages). Several
processes may compile the same IR at once: each compiles into a fresh
temporary directory inside the cache directory and renames the finished
package into place; whoever loses the race discards its copy and uses the
winner's, so a package directory is never seen half-written.

attn-compile is found at ``$ATTN_COMPILE``, else
``<repo>/build/bin/attn-compile`` (repo = the parent of python/), else on
``$PATH``.

Machines without the compiler (a GPU machine running the dist folder) use
prebuilt packages: ``$ATTN_PREBUILT_DIR`` or the package's ``_prebuilt``
folder holds ``<key>.attnpkg`` with ``key = prebuilt_key(ir_text,
target)`` (no compiler version in it: prebuilt packages are made for one
distribution by scripts/prebuild.py). They are consulted only when no
compiler is found.
"""

import hashlib
import os
import shutil
import subprocess
import tempfile
import threading

from ._errors import AttnNotFoundError, CompileError

COMPILER_NAME = "attn-compile"
ENV_COMPILE = "ATTN_COMPILE"
ENV_CACHE_DIR = "ATTN_CACHE_DIR"
ENV_PREBUILT_DIR = "ATTN_PREBUILT_DIR"
# Bumped when the cache layout or key derivation changes.
_CACHE_FORMAT = "attn-cache-1"

_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))
_REPO_DIR = os.path.dirname(os.path.dirname(_PACKAGE_DIR))

_lock = threading.RLock()
_versions = {}   # (path, mtime_ns, size) -> version string
_loaded = {}     # (package dir, runtime path) -> Package


def compiler_candidates():
    out = []
    env = os.environ.get(ENV_COMPILE)
    if env:
        out.append(("env", env))
    out.append(("repo", os.path.join(_REPO_DIR, "build", "bin", COMPILER_NAME)))
    which = shutil.which(COMPILER_NAME)
    if which:
        out.append(("path", which))
    return out


def find_compiler():
    """Path of attn-compile; raises AttnNotFoundError if it is absent."""
    cands = compiler_candidates()
    for source, path in cands:
        if source == "env":
            if not (os.path.isfile(path) and os.access(path, os.X_OK)):
                raise AttnNotFoundError(
                    "$%s is set to %r, which is not an executable file" % (ENV_COMPILE, path))
            return path
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    raise AttnNotFoundError(
        "the attn compiler (%s) was not found; looked at: %s and $PATH. Build it "
        "(cmake --build build) or set $%s to its path."
        % (COMPILER_NAME, ", ".join(p for s, p in cands if s != "path"), ENV_COMPILE))


def compiler_version(compiler=None):
    """The one-line output of ``attn-compile --version`` (memoized per binary)."""
    compiler = compiler or find_compiler()
    st = os.stat(compiler)
    key = (os.path.abspath(compiler), st.st_mtime_ns, st.st_size)
    with _lock:
        if key in _versions:
            return _versions[key]
    try:
        proc = subprocess.run([compiler, "--version"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, universal_newlines=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise CompileError("could not run %s --version: %s" % (compiler, e),
                           command=[compiler, "--version"])
    if proc.returncode != 0:
        raise CompileError("%s --version failed (exit %d): %s"
                           % (compiler, proc.returncode, proc.stderr.strip()),
                           returncode=proc.returncode, stderr=proc.stderr,
                           command=[compiler, "--version"])
    version = proc.stdout.strip()
    with _lock:
        _versions[key] = version
    return version


def cache_dir():
    """The package cache directory (not created here)."""
    d = os.environ.get(ENV_CACHE_DIR)
    if d:
        return os.path.abspath(os.path.expanduser(d))
    return os.path.join(os.path.expanduser("~"), ".cache", "attn")


def cache_key(ir_text, target, version):
    h = hashlib.sha256()
    for part in (_CACHE_FORMAT, target, version, ir_text):
        data = part.encode("utf-8")
        # Length-prefixed so that no two different tuples hash alike.
        h.update(str(len(data)).encode("ascii") + b":" + data)
    return h.hexdigest()


def _is_package(path):
    return os.path.isfile(os.path.join(path, "manifest.json"))


def prebuilt_dir():
    d = os.environ.get(ENV_PREBUILT_DIR)
    if d:
        return os.path.abspath(os.path.expanduser(d))
    return os.path.join(_PACKAGE_DIR, "_prebuilt")


def prebuilt_key(ir_text, target):
    return cache_key(ir_text, target, "prebuilt")


def _prebuilt(ir_text, target, missing):
    """The prebuilt package of the IR, or re-raises `missing` (the
    compiler-not-found error) saying that none was prebuilt either."""
    path = os.path.join(prebuilt_dir(), prebuilt_key(ir_text, target) + ".attnpkg")
    if _is_package(path):
        return path
    raise AttnNotFoundError("%s No prebuilt package for this op call (target %s) in %s "
                            "either (scripts/prebuild.py makes them)."
                            % (missing, target, prebuilt_dir()))


def compile_to_dir(ir_text, target="cpu", cache=None, compiler=None):
    """Compile IR text to a package directory in the cache and return its
    path. Nothing is compiled when the cache already has it."""
    if not isinstance(ir_text, str):
        raise TypeError("ir_text must be a str, got %s" % type(ir_text).__name__)
    if compiler is None:
        try:
            compiler = find_compiler()
        except AttnNotFoundError as missing:
            return _prebuilt(ir_text, target, missing)
    version = compiler_version(compiler)
    root = os.path.abspath(cache or cache_dir())
    key = cache_key(ir_text, target, version)
    dest = os.path.join(root, key + ".attnpkg")
    if _is_package(dest):
        return dest
    os.makedirs(root, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=".tmp-%s-" % key[:12], dir=root)
    try:
        src = os.path.join(tmp, "input.mlir")
        with open(src, "w") as f:
            f.write(ir_text)
        out = os.path.join(tmp, "out.attnpkg")
        cmd = [compiler, src, "-o", out, "--target=%s" % target]
        try:
            proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  universal_newlines=True)
        except OSError as e:
            raise CompileError("could not run %s: %s" % (compiler, e), ir=ir_text, command=cmd)
        if proc.returncode != 0 or not _is_package(out):
            diag = (proc.stderr or "").strip() or (proc.stdout or "").strip()
            if proc.returncode == 0:
                diag = "attn-compile exited 0 but wrote no manifest.json to %s. %s" % (out, diag)
            raise CompileError(
                "attn-compile failed (exit %d) for target %r:\n%s"
                % (proc.returncode, target, diag),
                returncode=proc.returncode, stderr=proc.stderr, ir=ir_text, command=cmd)
        # Keep the IR next to the package, for debugging; the runtime reads
        # only the manifest and the binary.
        try:
            os.replace(src, os.path.join(out, "input.mlir"))
        except OSError:
            pass
        try:
            os.rename(out, dest)
        except OSError:
            # Another process renamed its copy into place first.
            if not _is_package(dest):
                raise
        return dest
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def compile_ir(ir_text, target="cpu", cache=None, runtime=None):
    """Compile IR text (cached on disk and in this process) and load it.

    Returns an ``attn.Package``; get its kernels with ``package.kernel(name)``
    (a kernel is named after its func.func).
    """
    from ._runtime import Package, get_runtime

    rt = runtime or get_runtime()
    # Compiling is safe without the lock (each compile has its own temporary
    # directory), so threads may compile different IR in parallel.
    path = compile_to_dir(ir_text, target=target, cache=cache)
    with _lock:
        key = (path, rt.path)
        pkg = _loaded.get(key)
        if pkg is None:
            pkg = Package(path, runtime=rt)
            _loaded[key] = pkg
        return pkg


def clear_memory_cache():
    """Forget the packages loaded by compile_ir in this process."""
    with _lock:
        _loaded.clear()
        _versions.clear()
