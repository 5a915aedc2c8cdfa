//===- GpuHost.cpp - The mgpu* functions and the GPU backend --------------===//

#include "GpuHost.h"

#include <cassert>
#include <dlfcn.h>

using namespace attn::runtime;

GpuDriver::~GpuDriver() = default;

namespace {
/// The driver serving mgpu* calls on this thread (set around the loading,
/// launching and unloading of a GPU package), and the caller's stream.
thread_local GpuDriver *activeDriver = nullptr;
thread_local void *activeStream = nullptr;
thread_local std::string firstError;

GpuDriver *driver() {
  if (!activeDriver)
    recordGpuError("GPU host code ran outside a GPU backend's launch");
  return activeDriver;
}

/// Sets the active driver and stream for a scope.
class Activate {
public:
  Activate(GpuDriver *driver, void *stream)
      : savedDriver(activeDriver), savedStream(activeStream) {
    activeDriver = driver;
    activeStream = stream;
  }
  ~Activate() {
    activeDriver = savedDriver;
    activeStream = savedStream;
  }

private:
  GpuDriver *savedDriver;
  void *savedStream;
};
} // namespace

void attn::runtime::recordGpuError(const std::string &message) {
  if (firstError.empty())
    firstError = message;
}

std::string attn::runtime::takeGpuError() {
  std::string e;
  e.swap(firstError);
  return e;
}

//===----------------------------------------------------------------------===//
// The mgpu* entry points of generated host code
//===----------------------------------------------------------------------===//

extern "C" {

ATTN_EXPORT void *mgpuModuleLoad(void *data, size_t size) {
  GpuDriver *d = driver();
  return d ? d->moduleLoad(data, size) : nullptr;
}

ATTN_EXPORT void mgpuModuleUnload(void *module) {
  if (GpuDriver *d = driver(); d && module)
    d->moduleUnload(module);
}

ATTN_EXPORT void *mgpuModuleGetFunction(void *module, const char *name) {
  GpuDriver *d = driver();
  if (!d)
    return nullptr;
  if (!module) {
    recordGpuError(std::string("no module for kernel '") + name + "'");
    return nullptr;
  }
  return d->getFunction(module, name);
}

ATTN_EXPORT void mgpuLaunchKernel(void *function, intptr_t gridX,
                                  intptr_t gridY, intptr_t gridZ,
                                  intptr_t blockX, intptr_t blockY,
                                  intptr_t blockZ, int32_t sharedBytes,
                                  void *stream, void **params, void **extra,
                                  size_t /*paramsCount*/) {
  GpuDriver *d = driver();
  // An empty grid launches nothing (the drivers refuse it). After a failure
  // earlier in the call (e.g. a workspace allocation, which left a null
  // pointer) nothing more is launched: the call reports that first error.
  if (!d || !function || gridX == 0 || gridY == 0 || gridZ == 0 ||
      !firstError.empty())
    return;
  d->launch(function, gridX, gridY, gridZ, blockX, blockY, blockZ,
            sharedBytes, stream, params, extra);
}

ATTN_EXPORT void *mgpuStreamCreate() { return activeStream; }

ATTN_EXPORT void mgpuStreamDestroy(void *stream) {
  assert(stream == activeStream && "streams come from mgpuStreamCreate");
  (void)stream;
}

ATTN_EXPORT void mgpuStreamSynchronize(void *) {
  // The caller's stream: the launch stays asynchronous to it.
}

ATTN_EXPORT void mgpuStreamWaitEvent(void *stream, void *event) {
  if (GpuDriver *d = driver())
    d->streamWaitEvent(stream, event);
}

ATTN_EXPORT void *mgpuEventCreate() {
  GpuDriver *d = driver();
  return d ? d->eventCreate() : nullptr;
}

ATTN_EXPORT void mgpuEventDestroy(void *event) {
  if (GpuDriver *d = driver())
    d->eventDestroy(event);
}

ATTN_EXPORT void mgpuEventSynchronize(void *event) {
  if (GpuDriver *d = driver())
    d->eventSynchronize(event);
}

ATTN_EXPORT void mgpuEventRecord(void *event, void *stream) {
  if (GpuDriver *d = driver())
    d->eventRecord(event, stream);
}

ATTN_EXPORT void *mgpuMemAlloc(uint64_t bytes, void *stream,
                               bool /*isHostShared*/) {
  GpuDriver *d = driver();
  return d && bytes ? d->memAlloc(bytes, stream) : nullptr;
}

ATTN_EXPORT void mgpuMemcpy(void *dst, void *src, size_t bytes,
                            void *stream) {
  // As for launches, nothing is copied after an earlier failure.
  if (GpuDriver *d = driver(); d && bytes && firstError.empty())
    d->memcpy(dst, src, bytes, stream);
}

ATTN_EXPORT void mgpuMemFree(void *ptr, void *stream) {
  if (GpuDriver *d = driver(); d && ptr)
    d->memFree(ptr, stream);
}

} // extern "C"

//===----------------------------------------------------------------------===//
// The backend
//===----------------------------------------------------------------------===//

namespace {

/// dlopen hides a library's symbols from later dlopens unless it was
/// loaded RTLD_GLOBAL, and Python's ctypes loads the runtime RTLD_LOCAL.
/// Makes the runtime's own symbols (the mgpu* functions) global, so that
/// generated host code resolves them.
bool exportRuntimeSymbols(std::string &why) {
  Dl_info info;
  if (!dladdr(reinterpret_cast<void *>(&mgpuLaunchKernel), &info) ||
      !info.dli_fname) {
    why = "cannot find the runtime library's own path (dladdr)";
    return false;
  }
  if (!dlopen(info.dli_fname, RTLD_NOW | RTLD_NOLOAD | RTLD_GLOBAL)) {
    const char *error = dlerror();
    why = std::string("cannot make the runtime's symbols global: ") +
          (error ? error : "unknown error");
    return false;
  }
  return true;
}

class GpuBackend final : public Backend {
public:
  explicit GpuBackend(std::unique_ptr<GpuDriver> driver)
      : driver(std::move(driver)), host(createCpuBackend()) {}

  ~GpuBackend() override {
    // Unloading runs the host code's destructors, which unload modules.
    Activate active(driver.get(), nullptr);
    host.reset();
    takeGpuError();
  }

  Target getTarget() const override { return driver->getTarget(); }

  Status loadBinary(const std::string &path) override {
    std::string why;
    if (!driver->makeReady(why) || !exportRuntimeSymbols(why))
      return Status::error(ATTN_ERROR_BACKEND, why);
    Activate active(driver.get(), nullptr);
    takeGpuError();
    // Loading runs the host code's constructors, which load the modules.
    if (Status status = host->loadBinary(path); !status.ok())
      return status;
    if (std::string error = takeGpuError(); !error.empty())
      return Status::error(ATTN_ERROR_BACKEND,
                           "loading the kernels of '" + path + "': " + error);
    return Status::success();
  }

  Status resolveKernel(const std::string &symbol,
                       KernelHandle &handle) override {
    return host->resolveKernel(symbol, handle);
  }

  Status launch(KernelHandle handle, const std::vector<BoundArg> &args,
                const LaunchConfig &config) override {
    std::string why;
    if (!driver->makeReady(why))
      return Status::error(ATTN_ERROR_BACKEND, why);
    // A host pointer would fault on the GPU, or be read as garbage.
    for (const BoundArg &arg : args)
      if (arg.spec->isBuffer() && arg.numElements != 0 &&
          !driver->isDevicePointer(arg.data))
        return Status::error(ATTN_ERROR_INVALID_ARGUMENT,
                             "argument '" + arg.spec->name + "' is not " +
                                 (getTarget() == Target::Cuda ? "CUDA"
                                                              : "HIP") +
                                 " device memory");
    Activate active(driver.get(), config.stream);
    takeGpuError();
    // The host code is the CPU ABI's entry point (grid [1, 1, 1]).
    if (Status status = host->launch(handle, args, LaunchConfig());
        !status.ok())
      return status;
    if (std::string error = takeGpuError(); !error.empty())
      return Status::error(ATTN_ERROR_BACKEND, error);
    return Status::success();
  }

  bool isHostAccessible() const override { return false; }

  Status copyToHost(void *dst, const void *src, size_t bytes,
                    void *stream) override {
    return driver->copyToHost(dst, src, bytes, stream);
  }

private:
  std::unique_ptr<GpuDriver> driver;
  std::unique_ptr<Backend> host;
};

} // namespace

std::unique_ptr<Backend>
attn::runtime::createGpuBackend(std::unique_ptr<GpuDriver> driver) {
  return std::make_unique<GpuBackend>(std::move(driver));
}
