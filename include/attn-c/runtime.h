/*===- attn-c/runtime.h - attn runtime C API ------------------------------===*\
|*                                                                            *|
|* Loads kernel packages produced by attn-compile (docs/package-format.md)    *|
|* and launches their kernels. Plain C, no MLIR or LLVM dependency: the       *|
|* runtime library can be shipped to machines that have no compiler.          *|
|*                                                                            *|
|* Errors: every function returning attn_status leaves a human-readable       *|
|* message, retrievable with attn_last_error() on the same thread. No         *|
|* function aborts the process on bad input.                                  *|
|*                                                                            *|
|* Every function except attn_runtime_version, attn_last_error,               *|
|* attn_status_name and attn_dtype_name first clears the last error, so it    *|
|* is "" after a call that succeeded. Functions that return a pointer or a    *|
|* count report a null handle or an index out of range with NULL or -1 (the   *|
|* enum getters with their first enumerator) and set the last error.          *|
|*                                                                            *|
|* Threads: a loaded package is immutable, so its kernels may be queried and  *|
|* launched from several threads at once; attn_package_destroy must not run   *|
|* concurrently with any other use of that package.                           *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#ifndef ATTN_C_RUNTIME_H
#define ATTN_C_RUNTIME_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define ATTN_EXPORT __attribute__((visibility("default")))
#else
#define ATTN_EXPORT
#endif

/// Version of this header and of the runtime: major * 10000 + minor * 100 +
/// patch. The package format version the runtime reads is separate
/// (ATTN_PACKAGE_FORMAT_VERSION).
#define ATTN_RUNTIME_VERSION 100
#define ATTN_PACKAGE_FORMAT_VERSION 1

typedef enum attn_status {
  ATTN_OK = 0,
  /// A null pointer, an unknown name, a wrong number of arguments, a dtype,
  /// rank or shape that does not match the kernel's signature.
  ATTN_ERROR_INVALID_ARGUMENT = 1,
  /// A package file could not be read.
  ATTN_ERROR_IO = 2,
  /// The manifest is malformed or of an unknown version.
  ATTN_ERROR_PACKAGE_FORMAT = 3,
  /// The package's target has no backend in this runtime or on this machine
  /// (e.g. "cuda" without libcuda).
  ATTN_ERROR_UNSUPPORTED = 4,
  /// The backend failed: dlopen/dlsym, or a driver error (message included).
  ATTN_ERROR_BACKEND = 5,
  /// Checked mode found invalid index metadata (out-of-range page index,
  /// non-monotonic indptr, ...). Nothing was launched.
  ATTN_ERROR_CHECK_FAILED = 6,
} attn_status;

typedef enum attn_dtype {
  ATTN_DTYPE_F64 = 0,
  ATTN_DTYPE_F32 = 1,
  ATTN_DTYPE_F16 = 2,
  ATTN_DTYPE_BF16 = 3,
  ATTN_DTYPE_F8E4M3FN = 4,
  ATTN_DTYPE_I64 = 5,
  ATTN_DTYPE_I32 = 6,
  ATTN_DTYPE_I8 = 7,
  ATTN_DTYPE_U8 = 8,
  ATTN_DTYPE_I1 = 9,
} attn_dtype;

typedef enum attn_arg_kind {
  ATTN_ARG_BUFFER = 0,
  ATTN_ARG_SCALAR = 1,
} attn_arg_kind;

typedef enum attn_access {
  ATTN_ACCESS_READ = 0,
  ATTN_ACCESS_WRITE = 1,
  ATTN_ACCESS_READWRITE = 2,
} attn_access;

/// One launch argument. Buffers are dense, row-major (C-contiguous).
typedef struct attn_arg {
  attn_arg_kind kind;
  attn_dtype dtype;
  /// Buffer: the data (host memory for the CPU target, device memory for
  /// GPU targets), aligned to the element size. May be NULL when the buffer
  /// has no elements.
  void *data;
  /// Buffer: rank and sizes (`rank` entries). The size in bytes must fit in
  /// int64_t.
  int32_t rank;
  const int64_t *shape;
  /// Scalar: the value, read as the argument's dtype requires: `i64` for
  /// i64, i32, i8, u8 and i1, `f64` for f64 and f32. A value the dtype cannot
  /// represent is ATTN_ERROR_INVALID_ARGUMENT. (Packages with scalars of
  /// dtype f16, bf16 or f8e4m3fn fail to load with ATTN_ERROR_UNSUPPORTED.)
  int64_t i64;
  double f64;
} attn_arg;

typedef struct attn_launch_options {
  /// Validate index metadata before launching (docs/package-format.md,
  /// "Checks"). The metadata must be host-readable; on the CPU it always is.
  int32_t checked;
  /// GPU targets: the stream (CUstream / hipStream_t); ignored on the CPU.
  void *stream;
} attn_launch_options;

typedef struct attn_package attn_package;
typedef struct attn_kernel attn_kernel;

/// The runtime's version (ATTN_RUNTIME_VERSION it was built with).
ATTN_EXPORT int32_t attn_runtime_version(void);

/// The message of the last error on this thread ("" if none). Valid until
/// the next runtime call on this thread.
ATTN_EXPORT const char *attn_last_error(void);

/// Name of a status code, e.g. "ATTN_ERROR_CHECK_FAILED".
ATTN_EXPORT const char *attn_status_name(attn_status status);

/// Name of a dtype as written in manifests ("f16", ...); NULL if unknown.
ATTN_EXPORT const char *attn_dtype_name(attn_dtype dtype);

/// Whether a backend for `target` ("cpu", "cuda", "hip") is usable here.
/// On failure returns 0 and sets the last error to the reason (e.g. "the
/// cuda backend is not part of this runtime yet").
ATTN_EXPORT int32_t attn_target_available(const char *target);

/// Loads the package in directory `path` (manifest and binary): validates
/// the whole manifest, loads the binary and resolves every kernel's symbol.
/// Sets `*package` to the package, or to NULL on failure:
/// ATTN_ERROR_IO (a missing directory, manifest or binary),
/// ATTN_ERROR_PACKAGE_FORMAT (a malformed manifest; the message names the
/// file and the JSON path of the field), ATTN_ERROR_UNSUPPORTED (a target
/// without a backend here), ATTN_ERROR_BACKEND (dlopen/dlsym failed).
ATTN_EXPORT attn_status attn_package_load(const char *path,
                                          attn_package **package);
/// Unloads a package; its kernels become invalid. Null is ignored.
ATTN_EXPORT void attn_package_destroy(attn_package *package);

/// The manifest's `target` and `compiler`; owned by the package.
ATTN_EXPORT const char *attn_package_target(const attn_package *package);
ATTN_EXPORT const char *attn_package_compiler(const attn_package *package);
ATTN_EXPORT int32_t attn_package_num_kernels(const attn_package *package);
/// Kernel by index (0 .. num_kernels-1) or by name; owned by the package.
/// ATTN_ERROR_INVALID_ARGUMENT (and `*kernel` = NULL) if there is none.
ATTN_EXPORT attn_status attn_package_kernel_at(attn_package *package,
                                               int32_t index,
                                               attn_kernel **kernel);
ATTN_EXPORT attn_status attn_package_kernel(attn_package *package,
                                            const char *name,
                                            attn_kernel **kernel);

/// Signature introspection: the kernel's name and its arguments in call
/// order. Strings are owned by the package.
ATTN_EXPORT const char *attn_kernel_name(const attn_kernel *kernel);
ATTN_EXPORT int32_t attn_kernel_num_args(const attn_kernel *kernel);
ATTN_EXPORT const char *attn_kernel_arg_name(const attn_kernel *kernel,
                                             int32_t index);
ATTN_EXPORT attn_arg_kind attn_kernel_arg_kind(const attn_kernel *kernel,
                                               int32_t index);
ATTN_EXPORT attn_dtype attn_kernel_arg_dtype(const attn_kernel *kernel,
                                             int32_t index);
ATTN_EXPORT attn_access attn_kernel_arg_access(const attn_kernel *kernel,
                                               int32_t index);
/// Rank of a buffer argument (0 for scalars).
ATTN_EXPORT int32_t attn_kernel_arg_rank(const attn_kernel *kernel,
                                         int32_t index);

/// The sizes the signature requires of buffer argument `index`, for
/// allocating outputs: writes `rank` entries to `shape`, each a static size,
/// the value of its size expression evaluated on `args` (the other
/// arguments; `num_args` entries in signature order, of which only buffers
/// with a non-null `shape` are consulted), or -1 where any size is accepted.
/// Fails with ATTN_ERROR_INVALID_ARGUMENT when an expression refers to an
/// argument whose shape is not given. `shape` may be null for a rank-0
/// argument.
ATTN_EXPORT attn_status attn_kernel_arg_shape(const attn_kernel *kernel,
                                              const attn_arg *args,
                                              int32_t num_args, int32_t index,
                                              int64_t *shape);

/// Launches `kernel` with `num_args` arguments in signature order. Checks
/// kinds, dtypes, ranks and every shape entry of the manifest (static sizes
/// and size expressions), evaluates the grid, runs the metadata checks when
/// `options->checked` (options may be null: checked, default stream), then
/// launches. On the CPU the call returns when the kernel has finished.
/// Errors (nothing was launched): ATTN_ERROR_INVALID_ARGUMENT (the
/// arguments do not match the signature, or a size expression cannot be
/// evaluated for these sizes), ATTN_ERROR_CHECK_FAILED (invalid index
/// metadata), ATTN_ERROR_BACKEND.
ATTN_EXPORT attn_status attn_kernel_launch(attn_kernel *kernel,
                                           const attn_arg *args,
                                           int32_t num_args,
                                           const attn_launch_options *options);

#ifdef __cplusplus
} // extern "C"
#endif

#endif // ATTN_C_RUNTIME_H
