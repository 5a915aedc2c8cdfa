//===- CudaDriver.cpp - The CUDA driver API, loaded at run time -----------===//

#include "CudaDriver.h"

#include <dlfcn.h>
#include <mutex>

using namespace attn::runtime;
using namespace attn::runtime::cuda;

namespace {

struct Loaded {
  Driver driver{};
  bool ok = false;
  std::string why;
};

/// Resolves `name` into `fn`; false (with `why`) when it is missing. With
/// `v2`, the entry point's "_v2" version is taken where there is one (the
/// current ABI of cuMemAlloc and others); without, the name as is, for
/// entry points whose _v2 has another signature (cuCtxGetDevice_v2 of
/// CUDA 13 takes a context too).
template <typename Fn>
bool resolve(void *library, const char *name, Fn &fn, std::string &why,
             bool v2 = true) {
  void *symbol =
      v2 ? dlsym(library, (std::string(name) + "_v2").c_str()) : nullptr;
  if (!symbol)
    symbol = dlsym(library, name);
  if (!symbol) {
    why = std::string("libcuda.so.1 lacks ") + name +
          " (a driver older than CUDA 11.2?)";
    return false;
  }
  fn = reinterpret_cast<Fn>(symbol);
  return true;
}

Loaded load() {
  Loaded l;
  const char *path = "libcuda.so.1";
  void *library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    const char *error = dlerror();
    l.why = std::string("cannot load the CUDA driver (") + path +
            "): " + (error ? error : "unknown error") +
            "; is this a machine with an NVIDIA GPU and its driver?";
    return l;
  }
  Driver &d = l.driver;
#define ATTN_RESOLVE(NAME)                                                     \
  if (!resolve(library, #NAME, d.NAME, l.why))                                 \
    return l;
  ATTN_RESOLVE(cuInit)
  ATTN_RESOLVE(cuDeviceGetCount)
  ATTN_RESOLVE(cuDeviceGet)
  ATTN_RESOLVE(cuDevicePrimaryCtxRetain)
  ATTN_RESOLVE(cuCtxGetCurrent)
  ATTN_RESOLVE(cuCtxSetCurrent)
  ATTN_RESOLVE(cuModuleLoadData)
  ATTN_RESOLVE(cuModuleUnload)
  ATTN_RESOLVE(cuModuleGetFunction)
  ATTN_RESOLVE(cuFuncSetAttribute)
  ATTN_RESOLVE(cuFuncGetAttribute)
  ATTN_RESOLVE(cuLaunchKernel)
  ATTN_RESOLVE(cuMemAllocAsync)
  ATTN_RESOLVE(cuMemFreeAsync)
  if (!resolve(library, "cuCtxGetDevice", d.cuCtxGetDevice, l.why,
               /*v2=*/false))
    return l;
  ATTN_RESOLVE(cuMemPoolCreate)
  ATTN_RESOLVE(cuMemPoolSetAttribute)
  ATTN_RESOLVE(cuMemAllocFromPoolAsync)
  ATTN_RESOLVE(cuMemcpyDtoHAsync)
  ATTN_RESOLVE(cuMemcpyAsync)
  ATTN_RESOLVE(cuStreamSynchronize)
  ATTN_RESOLVE(cuEventCreate)
  ATTN_RESOLVE(cuEventRecord)
  ATTN_RESOLVE(cuEventSynchronize)
  ATTN_RESOLVE(cuEventDestroy)
  ATTN_RESOLVE(cuStreamWaitEvent)
  ATTN_RESOLVE(cuPointerGetAttribute)
  ATTN_RESOLVE(cuGetErrorName)
  ATTN_RESOLVE(cuGetErrorString)
#undef ATTN_RESOLVE
  if (CUresult r = d.cuInit(0); r != CUDA_SUCCESS) {
    l.why = "the CUDA driver failed to initialize (cuInit): " + describe(d, r);
    return l;
  }
  int count = 0;
  if (CUresult r = d.cuDeviceGetCount(&count); r != CUDA_SUCCESS) {
    l.why = "the CUDA driver cannot count devices (cuDeviceGetCount): " +
            describe(d, r);
    return l;
  }
  if (count == 0) {
    l.why = "the CUDA driver sees no device";
    return l;
  }
  l.ok = true;
  return l;
}

} // namespace

const Driver *cuda::getDriver(std::string &why) {
  static const Loaded loaded = load();
  if (!loaded.ok) {
    why = loaded.why;
    return nullptr;
  }
  return &loaded.driver;
}

std::string cuda::describe(const Driver &driver, CUresult result) {
  const char *name = nullptr, *text = nullptr;
  driver.cuGetErrorName(result, &name);
  driver.cuGetErrorString(result, &text);
  std::string s = name ? name : "CUDA error " + std::to_string(result);
  if (text)
    s += std::string(" (") + text + ")";
  return s;
}

bool cuda::ensureContext(const Driver &driver, std::string &why) {
  CUcontext context = nullptr;
  if (CUresult r = driver.cuCtxGetCurrent(&context); r != CUDA_SUCCESS) {
    why = "cuCtxGetCurrent failed: " + describe(driver, r);
    return false;
  }
  if (context)
    return true;
  CUdevice device = 0;
  if (CUresult r = driver.cuDeviceGet(&device, 0); r != CUDA_SUCCESS) {
    why = "cuDeviceGet failed: " + describe(driver, r);
    return false;
  }
  if (CUresult r = driver.cuDevicePrimaryCtxRetain(&context, device);
      r != CUDA_SUCCESS) {
    why = "cuDevicePrimaryCtxRetain failed: " + describe(driver, r);
    return false;
  }
  if (CUresult r = driver.cuCtxSetCurrent(context); r != CUDA_SUCCESS) {
    why = "cuCtxSetCurrent failed: " + describe(driver, r);
    return false;
  }
  return true;
}
