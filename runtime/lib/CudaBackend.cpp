//===- CudaBackend.cpp - The CUDA driver behind GPU host code -------------===//
//
// cuda packages: host code whose kernels are cubins (or PTX) embedded in it
// (GpuHost.h), served by the CUDA driver API (CudaDriver.h).
//
//===----------------------------------------------------------------------===//

#include "CudaDriver.h"
#include "GpuHost.h"

#include <map>
#include <mutex>
#include <unordered_map>

using namespace attn::runtime;
using namespace attn::runtime::cuda;

namespace {

class CudaGpuDriver final : public GpuDriver {
public:
  explicit CudaGpuDriver(const Driver &d) : d(d) {}

  Target getTarget() const override { return Target::Cuda; }

  bool makeReady(std::string &why) override { return ensureContext(d, why); }

  void *moduleLoad(const void *data, size_t) override {
    std::string why;
    if (!ensureContext(d, why)) {
      recordGpuError(why);
      return nullptr;
    }
    CUmodule module = nullptr;
    check(d.cuModuleLoadData(&module, data), "cuModuleLoadData");
    return module;
  }

  void moduleUnload(void *module) override {
    d.cuModuleUnload(static_cast<CUmodule>(module));
  }

  void *getFunction(void *module, const char *name) override {
    CUfunction function = nullptr;
    check(d.cuModuleGetFunction(&function, static_cast<CUmodule>(module),
                                name),
          "cuModuleGetFunction");
    return function;
  }

  void launch(void *function, intptr_t gridX, intptr_t gridY, intptr_t gridZ,
              intptr_t blockX, intptr_t blockY, intptr_t blockZ,
              int32_t sharedBytes, void *stream, void **params,
              void **extra) override {
    auto f = static_cast<CUfunction>(function);
    // Above 48 KiB of shared memory in all (its static variables included)
    // a kernel must opt in to its dynamic shared memory; once per function
    // and size.
    if (sharedBytes > 0) {
      std::lock_guard<std::mutex> lock(mutex);
      int &optedIn = dynamicShared[f];
      if (sharedBytes > optedIn) {
        int staticBytes = 0;
        if (!check(d.cuFuncGetAttribute(&staticBytes, kStaticSharedAttr, f),
                   "cuFuncGetAttribute(SHARED_SIZE_BYTES)"))
          return;
        if (staticBytes + sharedBytes > 48 * 1024 &&
            !check(d.cuFuncSetAttribute(f, kMaxDynamicSharedAttr, sharedBytes),
                   "cuFuncSetAttribute(MAX_DYNAMIC_SHARED_SIZE_BYTES)"))
          return;
        optedIn = sharedBytes;
      }
    }
    check(d.cuLaunchKernel(f, gridX, gridY, gridZ, blockX, blockY, blockZ,
                           sharedBytes, static_cast<CUstream>(stream), params,
                           extra),
          "cuLaunchKernel");
  }

  /// Scratch (split-KV workspaces) comes from the runtime's own
  /// stream-ordered pool for the context's device, which keeps its memory
  /// across synchronizations: the device's default pool returns it to the
  /// system at every synchronization (release threshold 0), and mapping it
  /// again costs a launch a hundred microseconds or more.
  void *memAlloc(uint64_t bytes, void *stream) override {
    CUmemoryPool pool = poolOfCurrentDevice();
    if (!pool)
      return nullptr;
    CUdeviceptr ptr = 0;
    check(d.cuMemAllocFromPoolAsync(&ptr, bytes, pool,
                                    static_cast<CUstream>(stream)),
          "cuMemAllocFromPoolAsync");
    return reinterpret_cast<void *>(ptr);
  }

  void memFree(void *ptr, void *stream) override {
    check(d.cuMemFreeAsync(reinterpret_cast<CUdeviceptr>(ptr),
                           static_cast<CUstream>(stream)),
          "cuMemFreeAsync");
  }

  void memcpy(void *dst, const void *src, size_t bytes,
              void *stream) override {
    check(d.cuMemcpyAsync(reinterpret_cast<CUdeviceptr>(dst),
                          reinterpret_cast<CUdeviceptr>(src), bytes,
                          static_cast<CUstream>(stream)),
          "cuMemcpyAsync");
  }

  void *eventCreate() override {
    CUevent event = nullptr;
    // CU_EVENT_DISABLE_TIMING
    check(d.cuEventCreate(&event, 2), "cuEventCreate");
    return event;
  }
  void eventDestroy(void *event) override {
    check(d.cuEventDestroy(static_cast<CUevent>(event)), "cuEventDestroy");
  }
  void eventSynchronize(void *event) override {
    check(d.cuEventSynchronize(static_cast<CUevent>(event)),
          "cuEventSynchronize");
  }
  void eventRecord(void *event, void *stream) override {
    check(d.cuEventRecord(static_cast<CUevent>(event),
                          static_cast<CUstream>(stream)),
          "cuEventRecord");
  }
  void streamWaitEvent(void *stream, void *event) override {
    check(d.cuStreamWaitEvent(static_cast<CUstream>(stream),
                              static_cast<CUevent>(event), 0),
          "cuStreamWaitEvent");
  }

  bool isDevicePointer(const void *ptr) override {
    unsigned type = 0;
    CUresult r = d.cuPointerGetAttribute(&type, kPointerMemoryType,
                                         reinterpret_cast<CUdeviceptr>(ptr));
    return r == CUDA_SUCCESS && type == kMemoryTypeDevice;
  }

  Status copyToHost(void *dst, const void *src, size_t bytes,
                    void *stream) override {
    auto s = static_cast<CUstream>(stream);
    CUresult r =
        d.cuMemcpyDtoHAsync(dst, reinterpret_cast<CUdeviceptr>(src), bytes, s);
    if (r == CUDA_SUCCESS)
      r = d.cuStreamSynchronize(s);
    if (r != CUDA_SUCCESS)
      return Status::error(ATTN_ERROR_BACKEND,
                           "reading index metadata from the device: " +
                               describe(d, r));
    return Status::success();
  }

private:
  CUmemoryPool poolOfCurrentDevice() {
    CUdevice device = 0;
    if (!check(d.cuCtxGetDevice(&device), "cuCtxGetDevice"))
      return nullptr;
    std::lock_guard<std::mutex> lock(mutex);
    CUmemoryPool &pool = pools[device];
    if (pool)
      return pool;
    CUmemPoolProps props{};
    props.allocType = 1;
    props.locationType = 1;
    props.locationId = device;
    if (!check(d.cuMemPoolCreate(&pool, &props), "cuMemPoolCreate"))
      return pool = nullptr;
    uint64_t keepAll = UINT64_MAX;
    check(d.cuMemPoolSetAttribute(pool, kPoolReleaseThreshold, &keepAll),
          "cuMemPoolSetAttribute(RELEASE_THRESHOLD)");
    return pool;
  }

  bool check(CUresult r, const char *what) {
    if (r == CUDA_SUCCESS)
      return true;
    recordGpuError(std::string(what) + " failed: " + describe(d, r));
    return false;
  }

  const Driver &d;
  std::mutex mutex;
  /// The dynamic shared memory each function was opted in to.
  std::unordered_map<CUfunction, int> dynamicShared;
  /// The scratch pool of each device.
  std::map<CUdevice, CUmemoryPool> pools;
};

} // namespace

std::unique_ptr<GpuDriver> attn::runtime::createCudaDriver(std::string &why) {
  const Driver *d = getDriver(why);
  if (!d)
    return nullptr;
  return std::make_unique<CudaGpuDriver>(*d);
}
