//===- Runtime.cpp - The C API of the attn runtime ------------------------===//
//
// Implements include/attn-c/runtime.h on top of the manifest reader, the
// argument binding, the checks and the backends. No C++ exception leaves
// this file: every entry point turns failures into an attn_status and the
// thread's last error message.
//
//===----------------------------------------------------------------------===//

#include "Backend.h"
#include "Checks.h"
#include "Launch.h"
#include "Manifest.h"
#include "Status.h"

#include "attn-c/runtime.h"

#include <cerrno>
#include <exception>
#include <fstream>
#include <memory>
#include <new>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <system_error>
#include <vector>

using namespace attn::runtime;

struct attn_kernel {
  attn_package *package;
  const KernelSpec *spec;
  KernelHandle handle;
};

struct attn_package {
  std::string path;
  Manifest manifest;
  std::unique_ptr<Backend> backend;
  /// One per manifest kernel; `spec` points into `manifest`, which does not
  /// change after the load.
  std::vector<attn_kernel> kernels;
};

//===----------------------------------------------------------------------===//
// Last error
//===----------------------------------------------------------------------===//

namespace {

thread_local std::string lastError;
/// Set when the message itself could not be stored (out of memory).
thread_local const char *lastErrorFallback = nullptr;

void clearError() noexcept {
  lastError.clear();
  lastErrorFallback = nullptr;
}

void setError(std::string_view message, std::string_view detail = {}) noexcept {
  try {
    lastError.assign(message.data(), message.size());
    lastError.append(detail.data(), detail.size());
    lastErrorFallback = nullptr;
  } catch (...) {
    lastError.clear();
    lastErrorFallback = "out of memory (while storing an error message)";
  }
}

/// Runs `body`, a callable returning Status, as the body of an API
/// function: clears the last error, stores the message of a failure, and
/// turns exceptions (out of memory, ...) into errors.
template <typename Body> attn_status runApi(Body &&body) noexcept {
  clearError();
  try {
    Status status = body();
    if (!status.ok())
      setError(status.getMessage());
    return status.getCode();
  } catch (const std::bad_alloc &) {
    setError("out of memory");
  } catch (const std::exception &error) {
    setError("internal error: ", error.what());
  } catch (...) {
    setError("internal error: unknown exception");
  }
  return ATTN_ERROR_BACKEND;
}

Status invalidArgument(std::string message) {
  return Status::error(ATTN_ERROR_INVALID_ARGUMENT, std::move(message));
}

//===----------------------------------------------------------------------===//
// Loading
//===----------------------------------------------------------------------===//

std::string joinPath(const std::string &directory, const std::string &file) {
  if (!directory.empty() && directory.back() == '/')
    return directory + file;
  return directory + "/" + file;
}

std::string describeErrno(int error) {
  return std::generic_category().message(error);
}

/// Checks that `path` is a directory (or a regular file), with an IO error
/// "FAILURE: REASON" otherwise. Sets `size` to the file's size.
Status checkPath(const std::string &path, bool directory,
                 const std::string &failure, int64_t *size = nullptr) {
  struct stat info;
  if (stat(path.c_str(), &info) != 0) {
    int error = errno;
    return Status::error(ATTN_ERROR_IO, failure + ": " + describeErrno(error));
  }
  if (directory && !S_ISDIR(info.st_mode))
    return Status::error(ATTN_ERROR_IO, failure + ": not a directory");
  if (!directory && !S_ISREG(info.st_mode))
    return Status::error(ATTN_ERROR_IO, failure + ": not a regular file");
  if (size)
    *size = info.st_size;
  return Status::success();
}

/// Manifests are small; a larger file is not a manifest.
constexpr int64_t kMaxManifestBytes = 64 << 20;

Status readManifestFile(const std::string &path, std::string &contents) {
  std::string failure = "cannot read '" + path + "'";
  int64_t size;
  if (Status status = checkPath(path, /*directory=*/false, failure, &size);
      !status.ok())
    return status;
  if (size > kMaxManifestBytes)
    return Status::error(ATTN_ERROR_IO, failure + ": larger than " +
                                            std::to_string(kMaxManifestBytes) +
                                            " bytes");
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    int error = errno;
    return Status::error(ATTN_ERROR_IO, failure + ": " + describeErrno(error));
  }
  std::ostringstream buffer;
  buffer << file.rdbuf();
  if (file.bad())
    return Status::error(ATTN_ERROR_IO, failure + ": read error");
  contents = buffer.str();
  return Status::success();
}

Status loadPackage(const std::string &path,
                   std::unique_ptr<attn_package> &package) {
  if (path.empty())
    return invalidArgument("attn_package_load: the path is empty");
  if (Status status = checkPath(path, /*directory=*/true,
                                "cannot open package '" + path + "'");
      !status.ok())
    return status;

  auto loaded = std::make_unique<attn_package>();
  loaded->path = path;
  std::string manifestPath = joinPath(path, "manifest.json");
  std::string text;
  if (Status status = readManifestFile(manifestPath, text); !status.ok())
    return status;
  if (Status status = parseManifest(text, manifestPath, loaded->manifest);
      !status.ok())
    return status;

  const Manifest &manifest = loaded->manifest;
  if (Status status = createBackend(manifest.target, loaded->backend);
      !status.ok())
    return status.prepend("package '" + path + "' targets " +
                          getTargetName(manifest.target) + ": ");

  std::string binaryPath = joinPath(path, manifest.binary);
  if (Status status =
          checkPath(binaryPath, /*directory=*/false,
                    "cannot read the package binary '" + binaryPath + "'");
      !status.ok())
    return status;
  if (Status status = loaded->backend->loadBinary(binaryPath); !status.ok())
    return status;

  loaded->kernels.reserve(manifest.kernels.size());
  for (const KernelSpec &spec : manifest.kernels) {
    KernelHandle handle = nullptr;
    if (Status status = loaded->backend->resolveKernel(spec.symbol, handle);
        !status.ok())
      return status.prepend("kernel '" + spec.name + "': ");
    loaded->kernels.push_back({loaded.get(), &spec, handle});
  }
  package = std::move(loaded);
  return Status::success();
}

//===----------------------------------------------------------------------===//
// Launching
//===----------------------------------------------------------------------===//

Status launchKernel(const attn_kernel &kernel, const attn_arg *args,
                    int32_t numArgs, const attn_launch_options *options) {
  const KernelSpec &spec = *kernel.spec;
  std::vector<BoundArg> bound;
  if (Status status = bindArguments(spec, args, numArgs, bound); !status.ok())
    return status;

  LaunchSizeEnv env(spec, bound);
  LaunchConfig config;
  if (Status status = evaluateLaunchConfig(spec, env, config); !status.ok())
    return status;
  config.stream = options ? options->stream : nullptr;

  bool checked = !options || options->checked != 0;
  Backend &backend = *kernel.package->backend;
  if (checked && !spec.checks.empty()) {
    if (backend.isHostAccessible()) {
      if (Status status = runChecks(spec, bound, env); !status.ok())
        return status;
    } else {
      // Device buffers: the checks read host copies of the index metadata
      // (the integer buffers), taken on the launch's stream.
      std::vector<BoundArg> host = bound;
      std::vector<std::vector<uint8_t>> copies;
      for (BoundArg &arg : host) {
        if (!arg.spec->isBuffer() || (arg.spec->dtype != ATTN_DTYPE_I32 &&
                                      arg.spec->dtype != ATTN_DTYPE_I64))
          continue;
        size_t bytes = static_cast<size_t>(arg.numElements) *
                       getDtypeSize(arg.spec->dtype);
        copies.emplace_back(bytes);
        if (bytes) {
          if (Status status = backend.copyToHost(copies.back().data(),
                                                 arg.data, bytes,
                                                 config.stream);
              !status.ok())
            return status;
        }
        arg.data = copies.back().data();
      }
      LaunchSizeEnv hostEnv(spec, host);
      if (Status status = runChecks(spec, host, hostEnv); !status.ok())
        return status;
    }
  }
  return backend.launch(kernel.handle, bound, config);
}

/// The kernel's argument `index`, or null with the last error set.
const ArgSpec *getArg(const attn_kernel *kernel, int32_t index,
                      const char *function) noexcept {
  clearError();
  try {
    if (!kernel) {
      setError(std::string(function) + ": kernel is null");
      return nullptr;
    }
    const std::vector<ArgSpec> &args = kernel->spec->args;
    if (index >= 0 && static_cast<size_t>(index) < args.size())
      return &args[index];
    setError(std::string(function) + ": argument index " +
             std::to_string(index) + " is out of range [0, " +
             std::to_string(args.size()) + ") for kernel '" +
             kernel->spec->name + "'");
  } catch (...) {
    setError("out of memory");
  }
  return nullptr;
}

} // namespace

//===----------------------------------------------------------------------===//
// The C API
//===----------------------------------------------------------------------===//

int32_t attn_runtime_version(void) { return ATTN_RUNTIME_VERSION; }

const char *attn_last_error(void) {
  return lastErrorFallback ? lastErrorFallback : lastError.c_str();
}

const char *attn_status_name(attn_status status) {
  switch (getRawEnumValue(status)) {
  case ATTN_OK:
    return "ATTN_OK";
  case ATTN_ERROR_INVALID_ARGUMENT:
    return "ATTN_ERROR_INVALID_ARGUMENT";
  case ATTN_ERROR_IO:
    return "ATTN_ERROR_IO";
  case ATTN_ERROR_PACKAGE_FORMAT:
    return "ATTN_ERROR_PACKAGE_FORMAT";
  case ATTN_ERROR_UNSUPPORTED:
    return "ATTN_ERROR_UNSUPPORTED";
  case ATTN_ERROR_BACKEND:
    return "ATTN_ERROR_BACKEND";
  case ATTN_ERROR_CHECK_FAILED:
    return "ATTN_ERROR_CHECK_FAILED";
  default:
    return "ATTN_UNKNOWN_STATUS";
  }
}

const char *attn_dtype_name(attn_dtype dtype) {
  return getDtypeName(getRawEnumValue(dtype));
}

int32_t attn_target_available(const char *target) {
  Target parsed;
  attn_status status = runApi([&] {
    if (!target)
      return invalidArgument("attn_target_available: target is null");
    if (!parseTarget(target, parsed))
      return Status::error(ATTN_ERROR_UNSUPPORTED,
                           "unknown target '" + std::string(target) +
                               "' (this runtime knows cpu, cuda and hip)");
    std::string reason;
    if (!isTargetAvailable(parsed, reason))
      return Status::error(ATTN_ERROR_UNSUPPORTED, reason);
    return Status::success();
  });
  return status == ATTN_OK ? 1 : 0;
}

attn_status attn_package_load(const char *path, attn_package **package) {
  return runApi([&] {
    if (!package)
      return invalidArgument("attn_package_load: package is null");
    *package = nullptr;
    if (!path)
      return invalidArgument("attn_package_load: path is null");
    std::unique_ptr<attn_package> loaded;
    if (Status status = loadPackage(path, loaded); !status.ok())
      return status;
    *package = loaded.release();
    return Status::success();
  });
}

void attn_package_destroy(attn_package *package) { delete package; }

const char *attn_package_target(const attn_package *package) {
  clearError();
  if (!package) {
    setError("attn_package_target: package is null");
    return nullptr;
  }
  return getTargetName(package->manifest.target);
}

const char *attn_package_compiler(const attn_package *package) {
  clearError();
  if (!package) {
    setError("attn_package_compiler: package is null");
    return nullptr;
  }
  return package->manifest.compiler.c_str();
}

int32_t attn_package_num_kernels(const attn_package *package) {
  clearError();
  if (!package) {
    setError("attn_package_num_kernels: package is null");
    return -1;
  }
  return static_cast<int32_t>(package->kernels.size());
}

attn_status attn_package_kernel_at(attn_package *package, int32_t index,
                                   attn_kernel **kernel) {
  return runApi([&] {
    if (!kernel)
      return invalidArgument("attn_package_kernel_at: kernel is null");
    *kernel = nullptr;
    if (!package)
      return invalidArgument("attn_package_kernel_at: package is null");
    if (index < 0 || static_cast<size_t>(index) >= package->kernels.size())
      return invalidArgument("attn_package_kernel_at: index " +
                             std::to_string(index) + " is out of range [0, " +
                             std::to_string(package->kernels.size()) + ")");
    *kernel = &package->kernels[index];
    return Status::success();
  });
}

attn_status attn_package_kernel(attn_package *package, const char *name,
                                attn_kernel **kernel) {
  return runApi([&] {
    if (!kernel)
      return invalidArgument("attn_package_kernel: kernel is null");
    *kernel = nullptr;
    if (!package)
      return invalidArgument("attn_package_kernel: package is null");
    if (!name)
      return invalidArgument("attn_package_kernel: name is null");
    std::string names;
    for (attn_kernel &candidate : package->kernels) {
      if (candidate.spec->name == name) {
        *kernel = &candidate;
        return Status::success();
      }
      names += (names.empty() ? "" : ", ") + candidate.spec->name;
    }
    return invalidArgument("package '" + package->path + "' has no kernel '" +
                           name + "' (kernels: " + names + ")");
  });
}

const char *attn_kernel_name(const attn_kernel *kernel) {
  clearError();
  if (!kernel) {
    setError("attn_kernel_name: kernel is null");
    return nullptr;
  }
  return kernel->spec->name.c_str();
}

int32_t attn_kernel_num_args(const attn_kernel *kernel) {
  clearError();
  if (!kernel) {
    setError("attn_kernel_num_args: kernel is null");
    return -1;
  }
  return static_cast<int32_t>(kernel->spec->args.size());
}

const char *attn_kernel_arg_name(const attn_kernel *kernel, int32_t index) {
  const ArgSpec *arg = getArg(kernel, index, "attn_kernel_arg_name");
  return arg ? arg->name.c_str() : nullptr;
}

attn_arg_kind attn_kernel_arg_kind(const attn_kernel *kernel, int32_t index) {
  const ArgSpec *arg = getArg(kernel, index, "attn_kernel_arg_kind");
  return arg ? arg->kind : ATTN_ARG_BUFFER;
}

attn_dtype attn_kernel_arg_dtype(const attn_kernel *kernel, int32_t index) {
  const ArgSpec *arg = getArg(kernel, index, "attn_kernel_arg_dtype");
  return arg ? arg->dtype : ATTN_DTYPE_F64;
}

attn_access attn_kernel_arg_access(const attn_kernel *kernel, int32_t index) {
  const ArgSpec *arg = getArg(kernel, index, "attn_kernel_arg_access");
  return arg ? arg->access : ATTN_ACCESS_READ;
}

int32_t attn_kernel_arg_rank(const attn_kernel *kernel, int32_t index) {
  const ArgSpec *arg = getArg(kernel, index, "attn_kernel_arg_rank");
  return arg ? arg->getRank() : -1;
}

namespace {
/// Sizes of the arguments a caller has given so far (shape non-null).
class PartialSizeEnv final : public SizeEnv {
public:
  PartialSizeEnv(const KernelSpec &kernel, const attn_arg *args,
                 int32_t numArgs)
      : kernel(kernel), args(args), numArgs(numArgs) {}

  bool lookup(std::string_view name, int64_t dim, int64_t &value,
              std::string &error) const override {
    for (int32_t i = 0; i < numArgs && static_cast<size_t>(i) < kernel.args.size();
         ++i) {
      if (kernel.args[i].name != name)
        continue;
      const attn_arg &arg = args[i];
      if (!arg.shape || dim < 0 || dim >= arg.rank) {
        error = "the shape of '" + std::string(name) + "' is not given";
        return false;
      }
      value = arg.shape[dim];
      return true;
    }
    error = "no argument '" + std::string(name) + "'";
    return false;
  }

private:
  const KernelSpec &kernel;
  const attn_arg *args;
  int32_t numArgs;
};
} // namespace

attn_status attn_kernel_arg_shape(const attn_kernel *kernel,
                                  const attn_arg *args, int32_t num_args,
                                  int32_t index, int64_t *shape) {
  const ArgSpec *arg = getArg(kernel, index, "attn_kernel_arg_shape");
  if (!arg)
    return ATTN_ERROR_INVALID_ARGUMENT;
  return runApi([&] {
    if ((!shape && arg->getRank() > 0) || (num_args > 0 && !args) ||
        num_args < 0)
      return invalidArgument("attn_kernel_arg_shape: null shape or arguments");
    PartialSizeEnv env(*kernel->spec, args, num_args);
    for (int32_t d = 0; d < arg->getRank(); ++d) {
      const DimSpec &spec = arg->shape[d];
      if (!spec.expr) {
        shape[d] = spec.staticSize;
        continue;
      }
      std::string error;
      int64_t value = 0;
      if (!spec.expr->evaluate(env, value, error))
        return invalidArgument("attn_kernel_arg_shape: dimension " +
                               std::to_string(d) + " of '" + arg->name +
                               "': " + error);
      shape[d] = value;
    }
    return Status::success();
  });
}

attn_status attn_kernel_launch(attn_kernel *kernel, const attn_arg *args,
                               int32_t num_args,
                               const attn_launch_options *options) {
  return runApi([&] {
    if (!kernel)
      return invalidArgument("attn_kernel_launch: kernel is null");
    Status status = launchKernel(*kernel, args, num_args, options);
    return status.prepend("kernel '" + kernel->spec->name + "': ");
  });
}
