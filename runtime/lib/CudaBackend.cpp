//===- CudaBackend.cpp - The CUDA driver behind GPU host code -------------===//
//
// cuda packages: host code whose kernels are cubins (or PTX) embedded in it
// (GpuHost.h), served by the CUDA driver API (CudaDriver.h).
//
//===----------------------------------------------------------------------===//

#include "CudaDriver.h"
#include "GpuHost.h"

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
    // a kernel must opt in to its dynamic shared memory.
    if (sharedBytes > 0) {
      int staticBytes = 0;
      if (!check(d.cuFuncGetAttribute(&staticBytes, kStaticSharedAttr, f),
                 "cuFuncGetAttribute(SHARED_SIZE_BYTES)"))
        return;
      if (staticBytes + sharedBytes > 48 * 1024 &&
          !check(d.cuFuncSetAttribute(f, kMaxDynamicSharedAttr, sharedBytes),
                 "cuFuncSetAttribute(MAX_DYNAMIC_SHARED_SIZE_BYTES)"))
        return;
    }
    check(d.cuLaunchKernel(f, gridX, gridY, gridZ, blockX, blockY, blockZ,
                           sharedBytes, static_cast<CUstream>(stream), params,
                           extra),
          "cuLaunchKernel");
  }

  void *memAlloc(uint64_t bytes, void *stream) override {
    CUdeviceptr ptr = 0;
    check(d.cuMemAllocAsync(&ptr, bytes, static_cast<CUstream>(stream)),
          "cuMemAllocAsync");
    return reinterpret_cast<void *>(ptr);
  }

  void memFree(void *ptr, void *stream) override {
    check(d.cuMemFreeAsync(reinterpret_cast<CUdeviceptr>(ptr),
                           static_cast<CUstream>(stream)),
          "cuMemFreeAsync");
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
  bool check(CUresult r, const char *what) {
    if (r == CUDA_SUCCESS)
      return true;
    recordGpuError(std::string(what) + " failed: " + describe(d, r));
    return false;
  }

  const Driver &d;
};

} // namespace

std::unique_ptr<GpuDriver> attn::runtime::createCudaDriver(std::string &why) {
  const Driver *d = getDriver(why);
  if (!d)
    return nullptr;
  return std::make_unique<CudaGpuDriver>(*d);
}
