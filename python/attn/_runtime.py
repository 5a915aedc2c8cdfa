"""ctypes binding of the attn runtime (include/attn-c/runtime.h).

``Runtime`` wraps one loaded ``libattn_runtime.so``; ``Package`` and
``Kernel`` wrap the handles it returns. Kernels are launched with arguments
given by *name*: the argument order is read from the kernel's signature
(attn_kernel_arg_name/kind/dtype/access/rank), never assumed.

Where the library is found (first hit wins):

1. ``$ATTN_RUNTIME_LIBRARY`` (a path to the shared object);
2. ``attn/_lib/libattn_runtime.so`` next to this package (a bundled copy);
3. ``<repo>/build/lib/libattn_runtime.so`` (repo = the parent of python/).
"""

import ctypes
import os
import threading

import numpy as np

from . import _dtypes
from ._errors import AttnNotFoundError, error_for_status

LIBRARY_NAME = "libattn_runtime.so"
ENV_RUNTIME = "ATTN_RUNTIME_LIBRARY"

# Version of include/attn-c/runtime.h this binding was written against.
BINDING_RUNTIME_VERSION = 100
PACKAGE_FORMAT_VERSION = 1

ARG_BUFFER = 0
ARG_SCALAR = 1
_KIND_NAMES = {ARG_BUFFER: "buffer", ARG_SCALAR: "scalar"}

ACCESS_READ = 0
ACCESS_WRITE = 1
ACCESS_READWRITE = 2
_ACCESS_NAMES = {ACCESS_READ: "read", ACCESS_WRITE: "write", ACCESS_READWRITE: "readwrite"}

_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))
_REPO_DIR = os.path.dirname(os.path.dirname(_PACKAGE_DIR))


class _Arg(ctypes.Structure):
    """struct attn_arg."""

    _fields_ = [
        ("kind", ctypes.c_int),
        ("dtype", ctypes.c_int),
        ("data", ctypes.c_void_p),
        ("rank", ctypes.c_int32),
        ("shape", ctypes.c_void_p),  # const int64_t *
        ("i64", ctypes.c_int64),
        ("f64", ctypes.c_double),
    ]


class _LaunchOptions(ctypes.Structure):
    """struct attn_launch_options."""

    _fields_ = [("checked", ctypes.c_int32), ("stream", ctypes.c_void_p)]


def runtime_library_candidates():
    """The paths searched for the runtime library, in order, with the source
    of each ("env", "bundled", "repo")."""
    out = []
    env = os.environ.get(ENV_RUNTIME)
    if env:
        out.append(("env", env))
    out.append(("bundled", os.path.join(_PACKAGE_DIR, "_lib", LIBRARY_NAME)))
    out.append(("repo", os.path.join(_REPO_DIR, "build", "lib", LIBRARY_NAME)))
    return out


def find_runtime_library():
    """Path of the runtime library; raises AttnNotFoundError if absent."""
    cands = runtime_library_candidates()
    for source, path in cands:
        if source == "env":
            # An explicit setting must point at the library: no fallback.
            if not os.path.isfile(path):
                raise AttnNotFoundError(
                    "$%s is set to %r, which is not a file" % (ENV_RUNTIME, path))
            return path
        if os.path.isfile(path):
            return path
    raise AttnNotFoundError(
        "the attn runtime library (%s) was not found; looked at: %s. Build it "
        "(cmake --build build) or set $%s to its path."
        % (LIBRARY_NAME, ", ".join(p for _, p in cands), ENV_RUNTIME))


def _decode(b):
    if b is None:
        return ""
    return b.decode("utf-8", errors="replace")


class Runtime(object):
    """One loaded runtime library and its C functions."""

    def __init__(self, path=None):
        self.path = os.path.abspath(path if path is not None else find_runtime_library())
        try:
            lib = ctypes.CDLL(self.path)
        except OSError as e:
            raise AttnNotFoundError("could not load the attn runtime %r: %s" % (self.path, e))
        self._lib = lib
        self._declare()
        self.version = int(lib.attn_runtime_version())

    def _declare(self):
        lib = self._lib
        c_int, c_int32, c_char_p, c_void_p = (ctypes.c_int, ctypes.c_int32,
                                               ctypes.c_char_p, ctypes.c_void_p)
        P = ctypes.POINTER

        def fn(name, restype, argtypes):
            try:
                f = getattr(lib, name)
            except AttributeError:
                raise AttnNotFoundError(
                    "%s does not export %s (not an attn runtime, or too old)"
                    % (self.path, name))
            f.restype = restype
            f.argtypes = argtypes
            return f

        self.attn_runtime_version = fn("attn_runtime_version", c_int32, [])
        self.attn_last_error = fn("attn_last_error", c_char_p, [])
        self.attn_status_name = fn("attn_status_name", c_char_p, [c_int])
        self.attn_dtype_name = fn("attn_dtype_name", c_char_p, [c_int])
        self.attn_target_available = fn("attn_target_available", c_int32, [c_char_p])
        self.attn_package_load = fn("attn_package_load", c_int, [c_char_p, P(c_void_p)])
        self.attn_package_destroy = fn("attn_package_destroy", None, [c_void_p])
        self.attn_package_target = fn("attn_package_target", c_char_p, [c_void_p])
        self.attn_package_compiler = fn("attn_package_compiler", c_char_p, [c_void_p])
        self.attn_package_num_kernels = fn("attn_package_num_kernels", c_int32, [c_void_p])
        self.attn_package_kernel_at = fn("attn_package_kernel_at", c_int,
                                         [c_void_p, c_int32, P(c_void_p)])
        self.attn_package_kernel = fn("attn_package_kernel", c_int,
                                      [c_void_p, c_char_p, P(c_void_p)])
        self.attn_kernel_name = fn("attn_kernel_name", c_char_p, [c_void_p])
        self.attn_kernel_num_args = fn("attn_kernel_num_args", c_int32, [c_void_p])
        self.attn_kernel_arg_name = fn("attn_kernel_arg_name", c_char_p, [c_void_p, c_int32])
        self.attn_kernel_arg_kind = fn("attn_kernel_arg_kind", c_int, [c_void_p, c_int32])
        self.attn_kernel_arg_dtype = fn("attn_kernel_arg_dtype", c_int, [c_void_p, c_int32])
        self.attn_kernel_arg_access = fn("attn_kernel_arg_access", c_int, [c_void_p, c_int32])
        self.attn_kernel_arg_rank = fn("attn_kernel_arg_rank", c_int32, [c_void_p, c_int32])
        self.attn_kernel_launch = fn("attn_kernel_launch", c_int,
                                     [c_void_p, P(_Arg), c_int32, P(_LaunchOptions)])

    # -- helpers ----------------------------------------------------------

    def last_error(self):
        return _decode(self.attn_last_error())

    def check(self, status, context=""):
        """Raise the matching AttnRuntimeError subclass unless status is OK.
        Must be called right after the failing call, on the same thread."""
        if status != 0:
            raise error_for_status(status, self.last_error(), context)

    def status_name(self, status):
        return _decode(self.attn_status_name(int(status)))

    def dtype_name(self, dtype):
        return _decode(self.attn_dtype_name(int(dtype))) or None

    def target_available(self, target):
        """(available, reason): whether a backend for target works here."""
        ok = bool(self.attn_target_available(target.encode()))
        return ok, ("" if ok else self.last_error())

    def load_package(self, path):
        return Package(path, runtime=self)

    def __repr__(self):
        return "<attn.Runtime %s version %d>" % (self.path, self.version)


_default_runtime = None
_default_lock = threading.Lock()


def get_runtime():
    """The process-wide Runtime (loaded on first use)."""
    global _default_runtime
    with _default_lock:
        if _default_runtime is None:
            _default_runtime = Runtime()
        return _default_runtime


def runtime_version():
    return get_runtime().version


def target_available(target="cpu"):
    """Whether the runtime has a usable backend for target."""
    return get_runtime().target_available(target)[0]


class ArgInfo(object):
    """One argument of a kernel's signature."""

    __slots__ = ("index", "name", "kind", "dtype", "access", "rank")

    def __init__(self, index, name, kind, dtype, access, rank):
        self.index = index
        self.name = name
        self.kind = kind        # "buffer" | "scalar"
        self.dtype = dtype      # "f32", "i64", ...
        self.access = access    # "read" | "write" | "readwrite" (buffers)
        self.rank = rank

    def __repr__(self):
        if self.kind == "scalar":
            return "ArgInfo(%r, scalar %s)" % (self.name, self.dtype)
        return "ArgInfo(%r, %s rank %d, %s)" % (self.name, self.dtype, self.rank, self.access)


class Package(object):
    """A loaded kernel package (a directory NAME.attnpkg; see
    docs/package-format.md)."""

    def __init__(self, path, runtime=None):
        self._handle = None
        self._kernels = {}
        self.runtime = runtime if runtime is not None else get_runtime()
        self.path = os.path.abspath(path)
        handle = ctypes.c_void_p()
        rt = self.runtime
        rt.check(rt.attn_package_load(self.path.encode(), ctypes.byref(handle)),
                 "loading package %s" % self.path)
        self._handle = handle
        self.target = _decode(rt.attn_package_target(handle))
        self.compiler = _decode(rt.attn_package_compiler(handle))
        names = []
        for i in range(int(rt.attn_package_num_kernels(handle))):
            k = ctypes.c_void_p()
            rt.check(rt.attn_package_kernel_at(handle, i, ctypes.byref(k)),
                     "kernel %d of %s" % (i, self.path))
            kernel = Kernel(self, k)
            self._kernels[kernel.name] = kernel
            names.append(kernel.name)
        self.kernel_names = tuple(names)

    def kernel(self, name):
        """The kernel called name (the IR function's name)."""
        try:
            return self._kernels[name]
        except KeyError:
            raise KeyError("package %s has no kernel %r (it has: %s)"
                           % (self.path, name, ", ".join(self.kernel_names) or "none"))

    @property
    def kernels(self):
        return [self._kernels[n] for n in self.kernel_names]

    def __getitem__(self, name):
        return self.kernel(name)

    def close(self):
        """Unload the package; its kernels become unusable."""
        handle, self._handle = getattr(self, "_handle", None), None
        if handle:
            for k in self._kernels.values():
                k._handle = None
            try:
                self.runtime.attn_package_destroy(handle)
            except Exception:  # interpreter shutdown
                pass

    def __del__(self):
        self.close()

    def __repr__(self):
        return "<attn.Package %s target=%s kernels=%s>" % (
            self.path, self.target, list(self.kernel_names))


class Kernel(object):
    """An entry point of a package. Launch it with named arrays::

        kernel.launch(q=q, k=k, v=v, out=out, lse=lse)
    """

    def __init__(self, package, handle):
        self.package = package  # keeps the package (and the .so) alive
        self._handle = handle
        rt = package.runtime
        self.name = _decode(rt.attn_kernel_name(handle))
        args = []
        for i in range(int(rt.attn_kernel_num_args(handle))):
            kind = int(rt.attn_kernel_arg_kind(handle, i))
            dtype_enum = int(rt.attn_kernel_arg_dtype(handle, i))
            dtype = _dtypes.name_of_enum(dtype_enum) or ("dtype%d" % dtype_enum)
            access = int(rt.attn_kernel_arg_access(handle, i))
            args.append(ArgInfo(
                index=i,
                name=_decode(rt.attn_kernel_arg_name(handle, i)),
                kind=_KIND_NAMES.get(kind, "kind%d" % kind),
                dtype=dtype,
                access=_ACCESS_NAMES.get(access, "access%d" % access),
                rank=int(rt.attn_kernel_arg_rank(handle, i))))
        self.args = tuple(args)
        self._by_name = dict((a.name, a) for a in args)
        # What launch() needs of each argument, worked out once.
        self._plan = tuple(
            (a, _dtypes.enum_of(a.dtype) if a.dtype in _dtypes._TABLE else 0)
            for a in args)
        self._total_rank = sum(a.rank for a in args if a.kind != "scalar")

    @property
    def arg_names(self):
        return tuple(a.name for a in self.args)

    def arg(self, name):
        return self._by_name[name]

    def launch(self, arrays=None, checked=True, stream=None, **named):
        """Launch with the arguments given by name (a dict and/or keywords).

        Buffers are numpy arrays (cpu packages) or torch tensors (torch CPU
        tensors for cpu packages, CUDA tensors for cuda packages) whose dtype
        and rank match the signature; read-only buffers are made
        C-contiguous if needed, written buffers must already be contiguous
        and writeable (they are written in place). Scalars are Python
        numbers. ``checked`` runs the runtime's metadata checks first
        (raising CheckFailedError on bad indices). ``stream``: for GPU
        packages, a CUstream handle as an int, or a torch.cuda.Stream;
        default torch's current stream of the tensors' device. GPU launches
        are asynchronous on that stream.
        """
        if self._handle is None:
            raise ValueError("kernel %r: its package was closed" % self.name)
        given = dict(arrays or {})
        for k, v in named.items():
            if k in given:
                raise ValueError("argument %r given twice" % k)
            given[k] = v
        missing = [a.name for a in self.args if a.name not in given]
        if missing:
            raise ValueError("kernel %r: missing argument(s) %s; its signature is (%s)"
                             % (self.name, ", ".join(repr(m) for m in missing),
                                ", ".join(self.arg_names)))
        extra = sorted(set(given) - set(self._by_name))
        if extra:
            raise ValueError("kernel %r: unknown argument(s) %s; its signature is (%s)"
                             % (self.name, ", ".join(repr(e) for e in extra),
                                ", ".join(self.arg_names)))

        n = len(self.args)
        c_args = (_Arg * max(n, 1))()
        # Every buffer's dims in one vector, each arg pointing into it.
        dims_all = (ctypes.c_int64 * max(self._total_rank, 1))()
        dims_at = ctypes.addressof(dims_all)
        keep = []  # keeps contiguous copies alive during the call
        cuda_device = None
        offset = 0
        for a, dtype_enum in self._plan:
            value = given[a.name]
            c = c_args[a.index]
            if a.kind == "scalar":
                c.kind = ARG_SCALAR
                c.dtype = dtype_enum
                if a.dtype.startswith("f") or a.dtype == "bf16":
                    c.f64 = float(value)
                else:
                    c.i64 = int(value)
                continue
            if _is_torch_tensor(value):
                arr = self._tensor(a, value)
                data, dims = arr.data_ptr(), arr.shape
                if arr.is_cuda:
                    cuda_device = arr.device
            else:
                arr = self._buffer(a, value)
                data, dims = arr.ctypes.data, arr.shape
            if arr is not value:
                keep.append(arr)
            for i, d in enumerate(dims):
                dims_all[offset + i] = d
            c.kind = ARG_BUFFER
            c.dtype = dtype_enum
            c.data = data
            c.rank = len(dims)
            c.shape = dims_at + 8 * offset
            offset += len(dims)

        if stream is None and cuda_device is not None:
            stream = _current_stream(cuda_device)
        elif stream is not None and not isinstance(stream, int):
            stream = int(stream.cuda_stream)
        opts = _LaunchOptions(1 if checked else 0, stream or None)
        rt = self.package.runtime
        status = rt.attn_kernel_launch(self._handle, c_args, n, ctypes.byref(opts))
        if status != 0:
            rt.check(status, "launching kernel %r" % self.name)
        del keep

    __call__ = launch

    def _buffer(self, a, value):
        if not isinstance(value, np.ndarray):
            if a.access != "read":
                raise ValueError("%s: kernel %r writes this argument, so it must be a "
                                 "numpy array (got %s)" % (a.name, self.name, type(value).__name__))
            value = np.asarray(value)
        got = _dtypes.name_of(value.dtype)
        if got != a.dtype:
            raise ValueError("%s: kernel %r expects dtype %s, got %s"
                             % (a.name, self.name, a.dtype, value.dtype))
        if value.ndim != a.rank:
            raise ValueError("%s: kernel %r expects %d dims, got shape %s"
                             % (a.name, self.name, a.rank, tuple(value.shape)))
        if a.access == "read":
            return np.ascontiguousarray(value)
        if not value.flags.c_contiguous or not value.flags.writeable:
            raise ValueError("%s: kernel %r writes this argument in place, so it must "
                             "be a C-contiguous, writeable array" % (a.name, self.name))
        return value

    def _tensor(self, a, value):
        got = _torch_dtype_name(value.dtype)
        if got != a.dtype:
            raise ValueError("%s: kernel %r expects dtype %s, got %s"
                             % (a.name, self.name, a.dtype, value.dtype))
        if value.dim() != a.rank:
            raise ValueError("%s: kernel %r expects %d dims, got shape %s"
                             % (a.name, self.name, a.rank, tuple(value.shape)))
        if a.access == "read":
            return value.contiguous()
        if not value.is_contiguous():
            raise ValueError("%s: kernel %r writes this argument in place, so it must "
                             "be a contiguous tensor" % (a.name, self.name))
        return value

    def __repr__(self):
        return "<attn.Kernel %s(%s)>" % (self.name, ", ".join(self.arg_names))


_TORCH_TENSOR_TYPES = {}


def _is_torch_tensor(value):
    """Whether `value` is a torch.Tensor, without importing torch."""
    t = type(value)
    known = _TORCH_TENSOR_TYPES.get(t)
    if known is None:
        known = t.__module__.startswith("torch") and hasattr(value, "data_ptr")
        _TORCH_TENSOR_TYPES[t] = known
    return known


_TORCH_DTYPE_NAMES = {}


def _torch_dtype_name(dtype):
    """_dtypes.name_of_torch, memoized (it is on every launch's path)."""
    try:
        return _TORCH_DTYPE_NAMES[dtype]
    except KeyError:
        name = _TORCH_DTYPE_NAMES[dtype] = _dtypes.name_of_torch(dtype)
        return name


def _current_stream(device):
    """The raw CUstream (an int) of torch's current stream on `device`."""
    import torch
    raw = getattr(torch._C, "_cuda_getCurrentRawStream", None)
    if raw is not None:
        return raw(device.index if device.index is not None else
                   torch.cuda.current_device())
    return int(torch.cuda.current_stream(device).cuda_stream)


def load_package(path):
    """Load a package directory with the process-wide runtime."""
    return Package(path)
