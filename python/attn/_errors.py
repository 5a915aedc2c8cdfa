"""Exception classes of the attn package.

Hierarchy::

    AttnError                          base of everything attn raises itself
    ├── AttnNotFoundError              attn-compile / libattn_runtime.so missing
    ├── CompileError                   attn-compile failed (carries its stderr)
    └── AttnRuntimeError               a runtime call returned an error status
        ├── InvalidArgumentError       ATTN_ERROR_INVALID_ARGUMENT (also a ValueError)
        ├── PackageIOError             ATTN_ERROR_IO
        ├── PackageFormatError         ATTN_ERROR_PACKAGE_FORMAT
        ├── UnsupportedTargetError     ATTN_ERROR_UNSUPPORTED
        ├── BackendError               ATTN_ERROR_BACKEND
        └── CheckFailedError           ATTN_ERROR_CHECK_FAILED (checked mode)

Bad shapes or dtypes given to the functional API raise plain ``ValueError``
before anything is compiled; the message starts with the argument's name.
"""


class AttnError(Exception):
    """Base class of the errors raised by attn."""


class AttnNotFoundError(AttnError):
    """The compiler (attn-compile) or the runtime library was not found."""


class CompileError(AttnError):
    """attn-compile rejected the IR or failed.

    Attributes: ``returncode``, ``stderr`` (the tool's diagnostics), ``ir``
    (the IR text that was compiled) and ``command`` (the argv list).
    """

    def __init__(self, message, returncode=None, stderr="", ir="", command=None):
        super().__init__(message)
        self.returncode = returncode
        self.stderr = stderr
        self.ir = ir
        self.command = command


# Status codes of include/attn-c/runtime.h.
ATTN_OK = 0
ATTN_ERROR_INVALID_ARGUMENT = 1
ATTN_ERROR_IO = 2
ATTN_ERROR_PACKAGE_FORMAT = 3
ATTN_ERROR_UNSUPPORTED = 4
ATTN_ERROR_BACKEND = 5
ATTN_ERROR_CHECK_FAILED = 6

STATUS_NAMES = {
    ATTN_OK: "ATTN_OK",
    ATTN_ERROR_INVALID_ARGUMENT: "ATTN_ERROR_INVALID_ARGUMENT",
    ATTN_ERROR_IO: "ATTN_ERROR_IO",
    ATTN_ERROR_PACKAGE_FORMAT: "ATTN_ERROR_PACKAGE_FORMAT",
    ATTN_ERROR_UNSUPPORTED: "ATTN_ERROR_UNSUPPORTED",
    ATTN_ERROR_BACKEND: "ATTN_ERROR_BACKEND",
    ATTN_ERROR_CHECK_FAILED: "ATTN_ERROR_CHECK_FAILED",
}


class AttnRuntimeError(AttnError):
    """A runtime call failed.

    Attributes: ``status`` (the integer attn_status), ``status_name`` (e.g.
    ``"ATTN_ERROR_CHECK_FAILED"``) and ``message`` (attn_last_error()).
    """

    def __init__(self, status, message, context=""):
        self.status = int(status)
        self.status_name = STATUS_NAMES.get(self.status, "ATTN_STATUS_%d" % self.status)
        self.message = message
        text = "%s: %s" % (self.status_name, message or "(no message)")
        if context:
            text = "%s: %s" % (context, text)
        super().__init__(text)


class InvalidArgumentError(AttnRuntimeError, ValueError):
    """ATTN_ERROR_INVALID_ARGUMENT: wrong arguments for a kernel."""


class PackageIOError(AttnRuntimeError):
    """ATTN_ERROR_IO: a package file could not be read."""


class PackageFormatError(AttnRuntimeError):
    """ATTN_ERROR_PACKAGE_FORMAT: malformed manifest or unknown version."""


class UnsupportedTargetError(AttnRuntimeError):
    """ATTN_ERROR_UNSUPPORTED: no backend for the package's target here."""


class BackendError(AttnRuntimeError):
    """ATTN_ERROR_BACKEND: dlopen/dlsym or driver failure."""


class CheckFailedError(AttnRuntimeError):
    """ATTN_ERROR_CHECK_FAILED: checked mode found invalid index metadata
    (out-of-range page index, non-monotonic indptr, ...); nothing ran."""


_STATUS_CLASSES = {
    ATTN_ERROR_INVALID_ARGUMENT: InvalidArgumentError,
    ATTN_ERROR_IO: PackageIOError,
    ATTN_ERROR_PACKAGE_FORMAT: PackageFormatError,
    ATTN_ERROR_UNSUPPORTED: UnsupportedTargetError,
    ATTN_ERROR_BACKEND: BackendError,
    ATTN_ERROR_CHECK_FAILED: CheckFailedError,
}


def error_for_status(status, message, context=""):
    """The exception instance for a failed runtime status."""
    cls = _STATUS_CLASSES.get(int(status), AttnRuntimeError)
    return cls(status, message, context)
