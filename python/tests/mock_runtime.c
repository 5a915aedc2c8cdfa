/* A mock of the attn runtime (include/attn-c/runtime.h) for testing the
 * Python ctypes binding without the real runtime: compiled by
 * test_runtime_binding.py into a temporary shared object.
 *
 * Every package holds two kernels:
 *   saxpy(y: f32[N] readwrite, alpha: f64 scalar, x: f32[M] read,
 *         out: f32[N] write, idx: i32[N] read, n: i64 scalar)
 *     out[i] = alpha * x[idx[i]] + y[i]; y[i] += 1.
 *     Checked mode: every idx[i] in [0, M) (ATTN_ERROR_CHECK_FAILED).
 *   empty()  (no arguments)
 * Paths containing "missing" fail with ATTN_ERROR_IO, "badformat" with
 * ATTN_ERROR_PACKAGE_FORMAT.
 */

#include "attn-c/runtime.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static __thread char last_error[512];
static int last_checked = -1;
static int destroyed = 0;

static attn_status fail(attn_status s, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(last_error, sizeof last_error, fmt, ap);
  va_end(ap);
  return s;
}

typedef struct {
  const char *name;
  attn_arg_kind kind;
  attn_dtype dtype;
  attn_access access;
  int32_t rank;
} mock_arg;

static const mock_arg saxpy_args[] = {
    {"y", ATTN_ARG_BUFFER, ATTN_DTYPE_F32, ATTN_ACCESS_READWRITE, 1},
    {"alpha", ATTN_ARG_SCALAR, ATTN_DTYPE_F64, ATTN_ACCESS_READ, 0},
    {"x", ATTN_ARG_BUFFER, ATTN_DTYPE_F32, ATTN_ACCESS_READ, 1},
    {"out", ATTN_ARG_BUFFER, ATTN_DTYPE_F32, ATTN_ACCESS_WRITE, 1},
    {"idx", ATTN_ARG_BUFFER, ATTN_DTYPE_I32, ATTN_ACCESS_READ, 1},
    {"n", ATTN_ARG_SCALAR, ATTN_DTYPE_I64, ATTN_ACCESS_READ, 0},
};

struct attn_kernel {
  const char *name;
  const mock_arg *args;
  int32_t num_args;
};

struct attn_package {
  struct attn_kernel kernels[2];
};

int32_t attn_runtime_version(void) { return ATTN_RUNTIME_VERSION; }
const char *attn_last_error(void) { return last_error; }

const char *attn_status_name(attn_status s) {
  switch (s) {
  case ATTN_OK: return "ATTN_OK";
  case ATTN_ERROR_INVALID_ARGUMENT: return "ATTN_ERROR_INVALID_ARGUMENT";
  case ATTN_ERROR_IO: return "ATTN_ERROR_IO";
  case ATTN_ERROR_PACKAGE_FORMAT: return "ATTN_ERROR_PACKAGE_FORMAT";
  case ATTN_ERROR_UNSUPPORTED: return "ATTN_ERROR_UNSUPPORTED";
  case ATTN_ERROR_BACKEND: return "ATTN_ERROR_BACKEND";
  case ATTN_ERROR_CHECK_FAILED: return "ATTN_ERROR_CHECK_FAILED";
  }
  return "ATTN_STATUS_UNKNOWN";
}

const char *attn_dtype_name(attn_dtype d) {
  static const char *names[] = {"f64", "f32", "f16", "bf16", "f8e4m3fn",
                                "i64", "i32", "i8", "u8", "i1"};
  return (d >= 0 && d <= 9) ? names[d] : NULL;
}

int32_t attn_target_available(const char *target) {
  if (target && strcmp(target, "cpu") == 0)
    return 1;
  fail(ATTN_ERROR_UNSUPPORTED, "no backend for target '%s'", target ? target : "");
  return 0;
}

attn_status attn_package_load(const char *path, attn_package **package) {
  if (!path || !package)
    return fail(ATTN_ERROR_INVALID_ARGUMENT, "null argument");
  if (strstr(path, "missing"))
    return fail(ATTN_ERROR_IO, "cannot read '%s/manifest.json'", path);
  if (strstr(path, "badformat"))
    return fail(ATTN_ERROR_PACKAGE_FORMAT, "%s: unknown package version %d", path, 9);
  attn_package *p = calloc(1, sizeof *p);
  p->kernels[0] = (struct attn_kernel){"saxpy", saxpy_args, 6};
  p->kernels[1] = (struct attn_kernel){"empty", NULL, 0};
  *package = p;
  last_error[0] = '\0';
  return ATTN_OK;
}

void attn_package_destroy(attn_package *package) {
  if (package)
    ++destroyed;
  free(package);
}

const char *attn_package_target(const attn_package *p) { (void)p; return "cpu"; }
const char *attn_package_compiler(const attn_package *p) { (void)p; return "mock 1.0"; }
int32_t attn_package_num_kernels(const attn_package *p) { (void)p; return 2; }

attn_status attn_package_kernel_at(attn_package *p, int32_t i, attn_kernel **k) {
  if (!p || !k || i < 0 || i > 1)
    return fail(ATTN_ERROR_INVALID_ARGUMENT, "no kernel %d", (int)i);
  *k = &p->kernels[i];
  return ATTN_OK;
}

attn_status attn_package_kernel(attn_package *p, const char *name, attn_kernel **k) {
  for (int i = 0; i < 2; ++i)
    if (strcmp(p->kernels[i].name, name) == 0)
      return attn_package_kernel_at(p, i, k);
  return fail(ATTN_ERROR_INVALID_ARGUMENT, "no kernel named '%s'", name);
}

const char *attn_kernel_name(const attn_kernel *k) { return k->name; }
int32_t attn_kernel_num_args(const attn_kernel *k) { return k->num_args; }
const char *attn_kernel_arg_name(const attn_kernel *k, int32_t i) { return k->args[i].name; }
attn_arg_kind attn_kernel_arg_kind(const attn_kernel *k, int32_t i) { return k->args[i].kind; }
attn_dtype attn_kernel_arg_dtype(const attn_kernel *k, int32_t i) { return k->args[i].dtype; }
attn_access attn_kernel_arg_access(const attn_kernel *k, int32_t i) {
  return k->args[i].access;
}
int32_t attn_kernel_arg_rank(const attn_kernel *k, int32_t i) { return k->args[i].rank; }

attn_status attn_kernel_launch(attn_kernel *k, const attn_arg *args, int32_t num_args,
                               const attn_launch_options *options) {
  last_checked = options ? options->checked : -2;
  if (num_args != k->num_args)
    return fail(ATTN_ERROR_INVALID_ARGUMENT, "kernel %s takes %d arguments, got %d",
                k->name, (int)k->num_args, (int)num_args);
  for (int i = 0; i < num_args; ++i) {
    const mock_arg *m = &k->args[i];
    if (args[i].kind != m->kind || args[i].dtype != m->dtype)
      return fail(ATTN_ERROR_INVALID_ARGUMENT, "argument '%s': kind %d / dtype %d",
                  m->name, (int)args[i].kind, (int)args[i].dtype);
    if (m->kind == ATTN_ARG_BUFFER && (args[i].rank != m->rank || !args[i].shape ||
                                       (!args[i].data && args[i].shape[0] > 0)))
      return fail(ATTN_ERROR_INVALID_ARGUMENT, "argument '%s': rank %d", m->name,
                  (int)args[i].rank);
  }
  if (num_args == 0)
    return ATTN_OK;
  float *y = args[0].data, *x = args[2].data, *out = args[3].data;
  const int32_t *idx = args[4].data;
  int64_t n = args[0].shape[0], m = args[2].shape[0];
  if (args[3].shape[0] != n || args[4].shape[0] != n)
    return fail(ATTN_ERROR_INVALID_ARGUMENT, "argument '%s': size %lld, expected %lld",
                args[3].shape[0] != n ? "out" : "idx",
                (long long)(args[3].shape[0] != n ? args[3].shape[0] : args[4].shape[0]),
                (long long)n);
  if (args[5].i64 != n)
    return fail(ATTN_ERROR_INVALID_ARGUMENT, "argument 'n' = %lld, expected %lld",
                (long long)args[5].i64, (long long)n);
  if (!options || options->checked)
    for (int64_t i = 0; i < n; ++i)
      if (idx[i] < 0 || idx[i] >= m) {
        return fail(ATTN_ERROR_CHECK_FAILED, "idx[%lld] = %d is out of range [0, %lld)",
                    (long long)i, (int)idx[i], (long long)m);
      }
  for (int64_t i = 0; i < n; ++i) {
    int32_t j = idx[i] < 0 ? 0 : (idx[i] >= m ? (int32_t)m - 1 : idx[i]);
    out[i] = (float)(args[1].f64 * x[j] + y[i]);
    y[i] += 1.0f;
  }
  return ATTN_OK;
}

/* Test hooks (not part of the API). */
int32_t mock_last_checked(void) { return last_checked; }
int32_t mock_destroyed(void) { return destroyed; }
void mock_abi_layout(int64_t *out) {
  out[0] = sizeof(attn_arg);
  out[1] = offsetof(attn_arg, kind);
  out[2] = offsetof(attn_arg, dtype);
  out[3] = offsetof(attn_arg, data);
  out[4] = offsetof(attn_arg, rank);
  out[5] = offsetof(attn_arg, shape);
  out[6] = offsetof(attn_arg, i64);
  out[7] = offsetof(attn_arg, f64);
  out[8] = sizeof(attn_launch_options);
  out[9] = offsetof(attn_launch_options, checked);
  out[10] = offsetof(attn_launch_options, stream);
  out[11] = sizeof(attn_status);
}
