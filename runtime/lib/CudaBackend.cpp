//===- CudaBackend.cpp - CUDA packages: host code plus embedded cubins ----===//
//
// The binary of a cuda package is a host shared object like a cpu package's
// (the packed-memref ABI), whose kernel entry points launch GPU kernels
// from cubins embedded in it. MLIR's GPU host lowering (gpu-to-llvm) emits
// calls to the `mgpu*` functions defined here: they load modules, allocate
// scratch and launch on the CUDA driver, which the runtime dlopens.
//
// Launches are asynchronous on the caller's stream (attn_launch_options::
// stream): generated host code asks for a stream with mgpuStreamCreate and
// gets the caller's; it synchronizes and destroys it afterwards, which are
// no-ops for the caller's stream. Scratch buffers are stream-ordered
// allocations (cuMemAllocAsync / cuMemFreeAsync). The mgpu* functions
// cannot return a status, so they record the first driver error of the
// thread; the backend reports it after the entry point returns.
//
//===----------------------------------------------------------------------===//

#include "Backend.h"
#include "CudaDriver.h"

#include <cassert>
#include <cstring>
#include <dlfcn.h>

using namespace attn::runtime;
using namespace attn::runtime::cuda;

namespace {

const Driver *driverOrRecord() {
  std::string why;
  const Driver *d = getDriver(why);
  if (!d)
    recordError(why);
  return d;
}

bool check(const Driver &d, CUresult r, const char *what) {
  if (r == CUDA_SUCCESS)
    return true;
  recordError(std::string(what) + " failed: " + describe(d, r));
  return false;
}

} // namespace

//===----------------------------------------------------------------------===//
// The mgpu* entry points of generated host code
//===----------------------------------------------------------------------===//

extern "C" {

ATTN_EXPORT void *mgpuModuleLoad(void *data, size_t /*size*/) {
  const Driver *d = driverOrRecord();
  std::string why;
  if (!d)
    return nullptr;
  if (!ensureContext(*d, why)) {
    recordError(why);
    return nullptr;
  }
  CUmodule module = nullptr;
  check(*d, d->cuModuleLoadData(&module, data), "cuModuleLoadData");
  return module;
}

ATTN_EXPORT void mgpuModuleUnload(void *module) {
  std::string why;
  if (const Driver *d = getDriver(why); d && module)
    d->cuModuleUnload(static_cast<CUmodule>(module));
}

ATTN_EXPORT void *mgpuModuleGetFunction(void *module, const char *name) {
  const Driver *d = driverOrRecord();
  if (!d || !module) {
    recordError(std::string("no module for kernel '") + name + "'");
    return nullptr;
  }
  CUfunction function = nullptr;
  check(*d,
        d->cuModuleGetFunction(&function, static_cast<CUmodule>(module), name),
        "cuModuleGetFunction");
  return function;
}

ATTN_EXPORT void mgpuLaunchKernel(void *function, intptr_t gridX,
                                  intptr_t gridY, intptr_t gridZ,
                                  intptr_t blockX, intptr_t blockY,
                                  intptr_t blockZ, int32_t sharedBytes,
                                  void *stream, void **params, void **extra,
                                  size_t /*paramsCount*/) {
  const Driver *d = driverOrRecord();
  if (!d || !function)
    return;
  auto f = static_cast<CUfunction>(function);
  // Above 48 KiB a kernel must opt in to its dynamic shared memory.
  if (sharedBytes > 48 * 1024 &&
      !check(*d,
             d->cuFuncSetAttribute(f, kMaxDynamicSharedAttr, sharedBytes),
             "cuFuncSetAttribute(MAX_DYNAMIC_SHARED_SIZE_BYTES)"))
    return;
  // An empty grid launches nothing (cuLaunchKernel refuses it).
  if (gridX == 0 || gridY == 0 || gridZ == 0)
    return;
  check(*d,
        d->cuLaunchKernel(f, gridX, gridY, gridZ, blockX, blockY, blockZ,
                          sharedBytes, static_cast<CUstream>(stream), params,
                          extra),
        "cuLaunchKernel");
}

ATTN_EXPORT void *mgpuStreamCreate() { return currentStream(); }

ATTN_EXPORT void mgpuStreamDestroy(void *stream) {
  assert(stream == currentStream() && "streams come from mgpuStreamCreate");
  (void)stream;
}

ATTN_EXPORT void mgpuStreamSynchronize(void *stream) {
  // The caller's stream: the launch stays asynchronous to it.
  (void)stream;
}

ATTN_EXPORT void mgpuStreamWaitEvent(void *stream, void *event) {
  if (const Driver *d = driverOrRecord())
    check(*d,
          d->cuStreamWaitEvent(static_cast<CUstream>(stream),
                               static_cast<CUevent>(event), 0),
          "cuStreamWaitEvent");
}

ATTN_EXPORT void *mgpuEventCreate() {
  const Driver *d = driverOrRecord();
  CUevent event = nullptr;
  // CU_EVENT_DISABLE_TIMING
  if (d)
    check(*d, d->cuEventCreate(&event, 2), "cuEventCreate");
  return event;
}

ATTN_EXPORT void mgpuEventDestroy(void *event) {
  if (const Driver *d = driverOrRecord())
    check(*d, d->cuEventDestroy(static_cast<CUevent>(event)),
          "cuEventDestroy");
}

ATTN_EXPORT void mgpuEventSynchronize(void *event) {
  if (const Driver *d = driverOrRecord())
    check(*d, d->cuEventSynchronize(static_cast<CUevent>(event)),
          "cuEventSynchronize");
}

ATTN_EXPORT void mgpuEventRecord(void *event, void *stream) {
  if (const Driver *d = driverOrRecord())
    check(*d,
          d->cuEventRecord(static_cast<CUevent>(event),
                           static_cast<CUstream>(stream)),
          "cuEventRecord");
}

ATTN_EXPORT void *mgpuMemAlloc(uint64_t bytes, void *stream,
                               bool /*isHostShared*/) {
  const Driver *d = driverOrRecord();
  CUdeviceptr ptr = 0;
  if (d && bytes)
    check(*d,
          d->cuMemAllocAsync(&ptr, bytes, static_cast<CUstream>(stream)),
          "cuMemAllocAsync");
  return reinterpret_cast<void *>(ptr);
}

ATTN_EXPORT void mgpuMemFree(void *ptr, void *stream) {
  if (!ptr)
    return;
  if (const Driver *d = driverOrRecord())
    check(*d,
          d->cuMemFreeAsync(reinterpret_cast<CUdeviceptr>(ptr),
                            static_cast<CUstream>(stream)),
          "cuMemFreeAsync");
}

} // extern "C"

//===----------------------------------------------------------------------===//
// The backend
//===----------------------------------------------------------------------===//

namespace {

/// dlopen's flags hide a library's symbols from later dlopens unless it was
/// loaded RTLD_GLOBAL; Python's ctypes loads the runtime RTLD_LOCAL. Makes
/// the runtime's own symbols (the mgpu* functions) global, so that the
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

class CudaBackend final : public Backend {
public:
  explicit CudaBackend(std::unique_ptr<Backend> host)
      : host(std::move(host)) {}

  Target getTarget() const override { return Target::Cuda; }

  Status loadBinary(const std::string &path) override {
    std::string why;
    const Driver *d = getDriver(why);
    if (!d)
      return Status::error(ATTN_ERROR_UNSUPPORTED, why);
    if (!ensureContext(*d, why) || !exportRuntimeSymbols(why))
      return Status::error(ATTN_ERROR_BACKEND, why);
    takeError();
    // Loading runs the host code's constructors, which load the cubins.
    if (Status status = host->loadBinary(path); !status.ok())
      return status;
    if (std::string error = takeError(); !error.empty())
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
    const Driver *d = getDriver(why);
    if (!d)
      return Status::error(ATTN_ERROR_UNSUPPORTED, why);
    if (!ensureContext(*d, why))
      return Status::error(ATTN_ERROR_BACKEND, why);
    // Every buffer must be device memory: a host pointer would fault on
    // the GPU, or be read as garbage.
    for (const BoundArg &arg : args) {
      if (!arg.spec->isBuffer() || arg.numElements == 0)
        continue;
      unsigned type = 0;
      CUresult r = d->cuPointerGetAttribute(
          &type, kPointerMemoryType, reinterpret_cast<CUdeviceptr>(arg.data));
      if (r != CUDA_SUCCESS || type != kMemoryTypeDevice)
        return Status::error(ATTN_ERROR_INVALID_ARGUMENT,
                             "argument '" + arg.spec->name +
                                 "' is not CUDA device memory");
    }
    CUstream &stream = currentStream();
    CUstream saved = stream;
    stream = static_cast<CUstream>(config.stream);
    takeError();
    // The host code is the CPU ABI's entry point (grid [1, 1, 1]).
    LaunchConfig hostConfig;
    Status status = host->launch(handle, args, hostConfig);
    stream = saved;
    if (!status.ok())
      return status;
    if (std::string error = takeError(); !error.empty())
      return Status::error(ATTN_ERROR_BACKEND, error);
    return Status::success();
  }

  bool isHostAccessible() const override { return false; }

  Status copyToHost(void *dst, const void *src, size_t bytes,
                    void *stream) override {
    std::string why;
    const Driver *d = getDriver(why);
    if (!d)
      return Status::error(ATTN_ERROR_UNSUPPORTED, why);
    auto s = static_cast<CUstream>(stream);
    CUresult r = d->cuMemcpyDtoHAsync(
        dst, reinterpret_cast<CUdeviceptr>(src), bytes, s);
    if (r == CUDA_SUCCESS)
      r = d->cuStreamSynchronize(s);
    if (r != CUDA_SUCCESS)
      return Status::error(ATTN_ERROR_BACKEND,
                           "reading index metadata from the device: " +
                               describe(*d, r));
    return Status::success();
  }

private:
  std::unique_ptr<Backend> host;
};

} // namespace

std::unique_ptr<Backend> attn::runtime::createCudaBackend() {
  return std::make_unique<CudaBackend>(createCpuBackend());
}
