//===- HipBackend.cpp - The HIP runtime behind GPU host code --------------===//
//
// hip packages: host code whose kernels are HSA code objects embedded in it
// (GpuHost.h), served by HIP's module API. libamdhip64 is dlopened at run
// time; the declarations below restate hip_runtime_api.h's, so that the
// runtime builds without ROCm. No AMD GPU is available where this project
// is developed: this path is built and its error reporting tested, but it
// has not executed a kernel (docs/package-format.md says so too).
//
//===----------------------------------------------------------------------===//

#include "GpuHost.h"

#include <dlfcn.h>

using namespace attn::runtime;

namespace {

using hipError_t = int;
using hipModule_t = struct ihipModule_t *;
using hipFunction_t = struct ihipModuleSymbol_t *;
using hipStream_t = struct ihipStream_t *;
using hipEvent_t = struct ihipEvent_t *;
constexpr hipError_t hipSuccess = 0;
/// HIP_POINTER_ATTRIBUTE_MEMORY_TYPE, and hipMemoryTypeDevice.
constexpr int kPointerMemoryType = 2;
constexpr unsigned kMemoryTypeDevice = 2;

struct Hip {
  hipError_t (*hipInit)(unsigned);
  hipError_t (*hipGetDeviceCount)(int *);
  hipError_t (*hipModuleLoadData)(hipModule_t *, const void *);
  hipError_t (*hipModuleUnload)(hipModule_t);
  hipError_t (*hipModuleGetFunction)(hipFunction_t *, hipModule_t,
                                     const char *);
  hipError_t (*hipModuleLaunchKernel)(hipFunction_t, unsigned, unsigned,
                                      unsigned, unsigned, unsigned, unsigned,
                                      unsigned, hipStream_t, void **, void **);
  hipError_t (*hipMallocAsync)(void **, size_t, hipStream_t);
  hipError_t (*hipFreeAsync)(void *, hipStream_t);
  hipError_t (*hipMemcpyDtoHAsync)(void *, void *, size_t, hipStream_t);
  hipError_t (*hipMemcpyAsync)(void *, const void *, size_t, int,
                               hipStream_t);
  hipError_t (*hipStreamSynchronize)(hipStream_t);
  hipError_t (*hipEventCreateWithFlags)(hipEvent_t *, unsigned);
  hipError_t (*hipEventDestroy)(hipEvent_t);
  hipError_t (*hipEventSynchronize)(hipEvent_t);
  hipError_t (*hipEventRecord)(hipEvent_t, hipStream_t);
  hipError_t (*hipStreamWaitEvent)(hipStream_t, hipEvent_t, unsigned);
  hipError_t (*hipPointerGetAttribute)(void *, int, void *);
  const char *(*hipGetErrorName)(hipError_t);
  const char *(*hipGetErrorString)(hipError_t);
};

struct Loaded {
  Hip hip{};
  bool ok = false;
  std::string why;
};

std::string describe(const Hip &h, hipError_t e) {
  std::string s = h.hipGetErrorName(e);
  return s + " (" + h.hipGetErrorString(e) + ")";
}

Loaded load() {
  Loaded l;
  void *library = nullptr;
  std::string tried;
  for (const char *name :
       {"libamdhip64.so", "libamdhip64.so.6", "libamdhip64.so.5"}) {
    library = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (library)
      break;
    const char *error = dlerror();
    tried = error ? error : name;
  }
  if (!library) {
    l.why = "cannot load the HIP runtime (libamdhip64.so): " + tried +
            "; is this a machine with an AMD GPU and ROCm?";
    return l;
  }
  Hip &h = l.hip;
#define ATTN_RESOLVE(NAME)                                                     \
  h.NAME = reinterpret_cast<decltype(h.NAME)>(dlsym(library, #NAME));          \
  if (!h.NAME) {                                                               \
    l.why = "libamdhip64.so lacks " #NAME;                                     \
    return l;                                                                  \
  }
  ATTN_RESOLVE(hipInit)
  ATTN_RESOLVE(hipGetDeviceCount)
  ATTN_RESOLVE(hipModuleLoadData)
  ATTN_RESOLVE(hipModuleUnload)
  ATTN_RESOLVE(hipModuleGetFunction)
  ATTN_RESOLVE(hipModuleLaunchKernel)
  ATTN_RESOLVE(hipMallocAsync)
  ATTN_RESOLVE(hipFreeAsync)
  ATTN_RESOLVE(hipMemcpyDtoHAsync)
  ATTN_RESOLVE(hipMemcpyAsync)
  ATTN_RESOLVE(hipStreamSynchronize)
  ATTN_RESOLVE(hipEventCreateWithFlags)
  ATTN_RESOLVE(hipEventDestroy)
  ATTN_RESOLVE(hipEventSynchronize)
  ATTN_RESOLVE(hipEventRecord)
  ATTN_RESOLVE(hipStreamWaitEvent)
  ATTN_RESOLVE(hipPointerGetAttribute)
  ATTN_RESOLVE(hipGetErrorName)
  ATTN_RESOLVE(hipGetErrorString)
#undef ATTN_RESOLVE
  if (hipError_t e = h.hipInit(0); e != hipSuccess) {
    l.why = "the HIP runtime failed to initialize (hipInit): " +
            describe(h, e);
    return l;
  }
  int count = 0;
  if (hipError_t e = h.hipGetDeviceCount(&count); e != hipSuccess || !count) {
    l.why = "the HIP runtime sees no device" +
            (e != hipSuccess ? ": " + describe(h, e) : std::string());
    return l;
  }
  l.ok = true;
  return l;
}

const Hip *getHip(std::string &why) {
  static const Loaded loaded = load();
  if (!loaded.ok) {
    why = loaded.why;
    return nullptr;
  }
  return &loaded.hip;
}

class HipGpuDriver final : public GpuDriver {
public:
  explicit HipGpuDriver(const Hip &h) : h(h) {}

  Target getTarget() const override { return Target::Hip; }

  // HIP makes the device current by itself.
  bool makeReady(std::string &) override { return true; }

  void *moduleLoad(const void *data, size_t) override {
    hipModule_t module = nullptr;
    check(h.hipModuleLoadData(&module, data), "hipModuleLoadData");
    return module;
  }
  void moduleUnload(void *module) override {
    h.hipModuleUnload(static_cast<hipModule_t>(module));
  }
  void *getFunction(void *module, const char *name) override {
    hipFunction_t function = nullptr;
    check(h.hipModuleGetFunction(&function, static_cast<hipModule_t>(module),
                                 name),
          "hipModuleGetFunction");
    return function;
  }
  void launch(void *function, intptr_t gridX, intptr_t gridY, intptr_t gridZ,
              intptr_t blockX, intptr_t blockY, intptr_t blockZ,
              int32_t sharedBytes, void *stream, void **params,
              void **extra) override {
    check(h.hipModuleLaunchKernel(static_cast<hipFunction_t>(function), gridX,
                                  gridY, gridZ, blockX, blockY, blockZ,
                                  sharedBytes, static_cast<hipStream_t>(stream),
                                  params, extra),
          "hipModuleLaunchKernel");
  }
  void *memAlloc(uint64_t bytes, void *stream) override {
    void *ptr = nullptr;
    check(h.hipMallocAsync(&ptr, bytes, static_cast<hipStream_t>(stream)),
          "hipMallocAsync");
    return ptr;
  }
  void memFree(void *ptr, void *stream) override {
    check(h.hipFreeAsync(ptr, static_cast<hipStream_t>(stream)),
          "hipFreeAsync");
  }
  void memcpy(void *dst, const void *src, size_t bytes,
              void *stream) override {
    // hipMemcpyDeviceToDevice = 3
    check(h.hipMemcpyAsync(dst, src, bytes, 3, static_cast<hipStream_t>(stream)),
          "hipMemcpyAsync");
  }

  void *eventCreate() override {
    hipEvent_t event = nullptr;
    // hipEventDisableTiming
    check(h.hipEventCreateWithFlags(&event, 2), "hipEventCreateWithFlags");
    return event;
  }
  void eventDestroy(void *event) override {
    check(h.hipEventDestroy(static_cast<hipEvent_t>(event)), "hipEventDestroy");
  }
  void eventSynchronize(void *event) override {
    check(h.hipEventSynchronize(static_cast<hipEvent_t>(event)),
          "hipEventSynchronize");
  }
  void eventRecord(void *event, void *stream) override {
    check(h.hipEventRecord(static_cast<hipEvent_t>(event),
                           static_cast<hipStream_t>(stream)),
          "hipEventRecord");
  }
  void streamWaitEvent(void *stream, void *event) override {
    check(h.hipStreamWaitEvent(static_cast<hipStream_t>(stream),
                               static_cast<hipEvent_t>(event), 0),
          "hipStreamWaitEvent");
  }
  bool isDevicePointer(const void *ptr) override {
    unsigned type = 0;
    return h.hipPointerGetAttribute(&type, kPointerMemoryType,
                                    const_cast<void *>(ptr)) == hipSuccess &&
           type == kMemoryTypeDevice;
  }
  Status copyToHost(void *dst, const void *src, size_t bytes,
                    void *stream) override {
    auto s = static_cast<hipStream_t>(stream);
    hipError_t e = h.hipMemcpyDtoHAsync(dst, const_cast<void *>(src), bytes, s);
    if (e == hipSuccess)
      e = h.hipStreamSynchronize(s);
    if (e != hipSuccess)
      return Status::error(ATTN_ERROR_BACKEND,
                           "reading index metadata from the device: " +
                               describe(h, e));
    return Status::success();
  }

private:
  bool check(hipError_t e, const char *what) {
    if (e == hipSuccess)
      return true;
    recordGpuError(std::string(what) + " failed: " + describe(h, e));
    return false;
  }

  const Hip &h;
};

} // namespace

std::unique_ptr<GpuDriver> attn::runtime::createHipDriver(std::string &why) {
  const Hip *h = getHip(why);
  if (!h)
    return nullptr;
  return std::make_unique<HipGpuDriver>(*h);
}
