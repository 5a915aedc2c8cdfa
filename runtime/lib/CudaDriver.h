//===- CudaDriver.h - The CUDA driver API, loaded at run time ---*- C++ -*-===//
//
// The runtime has no link-time dependency on CUDA: libcuda.so.1 is dlopened
// on first use and the few driver entry points it needs are resolved by
// name. The declarations below are the driver API's own (cuda.h), restated
// so that the runtime builds without the CUDA toolkit.
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_RUNTIME_CUDADRIVER_H
#define ATTN_RUNTIME_CUDADRIVER_H

#include "Status.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace attn::runtime::cuda {

using CUresult = int;
using CUdevice = int;
using CUcontext = struct CUctx_st *;
using CUmodule = struct CUmod_st *;
using CUfunction = struct CUfunc_st *;
using CUstream = struct CUstream_st *;
using CUevent = struct CUevent_st *;
using CUdeviceptr = uint64_t;
using CUmemoryPool = struct CUmemPoolHandle_st *;

/// CUmemPoolProps (cuda.h, CUDA 12): a pool of pinned device memory.
struct CUmemPoolProps {
  int allocType;   // CU_MEM_ALLOCATION_TYPE_PINNED = 1
  int handleTypes; // CU_MEM_HANDLE_TYPE_NONE = 0
  int locationType; // CU_MEM_LOCATION_TYPE_DEVICE = 1
  int locationId;   // the device ordinal
  void *win32SecurityAttributes;
  size_t maxSize;
  unsigned short usage;
  unsigned char reserved[54];
};
/// CU_MEMPOOL_ATTR_RELEASE_THRESHOLD
constexpr int kPoolReleaseThreshold = 4;

constexpr CUresult CUDA_SUCCESS = 0;
/// CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES
constexpr int kMaxDynamicSharedAttr = 8;
/// CU_FUNC_ATTRIBUTE_SHARED_SIZE_BYTES: a kernel's static shared memory.
constexpr int kStaticSharedAttr = 1;
/// CU_POINTER_ATTRIBUTE_MEMORY_TYPE and CU_MEMORYTYPE_DEVICE
constexpr int kPointerMemoryType = 2;
constexpr unsigned kMemoryTypeDevice = 2;

/// The resolved driver entry points.
struct Driver {
  CUresult (*cuInit)(unsigned);
  CUresult (*cuDeviceGetCount)(int *);
  CUresult (*cuDeviceGet)(CUdevice *, int);
  CUresult (*cuDevicePrimaryCtxRetain)(CUcontext *, CUdevice);
  CUresult (*cuCtxGetCurrent)(CUcontext *);
  CUresult (*cuCtxSetCurrent)(CUcontext);
  CUresult (*cuModuleLoadData)(CUmodule *, const void *);
  CUresult (*cuModuleUnload)(CUmodule);
  CUresult (*cuModuleGetFunction)(CUfunction *, CUmodule, const char *);
  CUresult (*cuFuncSetAttribute)(CUfunction, int, int);
  CUresult (*cuFuncGetAttribute)(int *, int, CUfunction);
  CUresult (*cuLaunchKernel)(CUfunction, unsigned, unsigned, unsigned,
                             unsigned, unsigned, unsigned, unsigned, CUstream,
                             void **, void **);
  CUresult (*cuMemAllocAsync)(CUdeviceptr *, size_t, CUstream);
  CUresult (*cuMemFreeAsync)(CUdeviceptr, CUstream);
  CUresult (*cuCtxGetDevice)(CUdevice *);
  CUresult (*cuMemPoolCreate)(CUmemoryPool *, const CUmemPoolProps *);
  CUresult (*cuMemPoolSetAttribute)(CUmemoryPool, int, void *);
  CUresult (*cuMemAllocFromPoolAsync)(CUdeviceptr *, size_t, CUmemoryPool,
                                      CUstream);
  CUresult (*cuMemcpyDtoHAsync)(void *, CUdeviceptr, size_t, CUstream);
  CUresult (*cuMemcpyAsync)(CUdeviceptr, CUdeviceptr, size_t, CUstream);
  CUresult (*cuStreamSynchronize)(CUstream);
  CUresult (*cuEventCreate)(CUevent *, unsigned);
  CUresult (*cuEventRecord)(CUevent, CUstream);
  CUresult (*cuEventSynchronize)(CUevent);
  CUresult (*cuEventDestroy)(CUevent);
  CUresult (*cuStreamWaitEvent)(CUstream, CUevent, unsigned);
  CUresult (*cuPointerGetAttribute)(void *, int, CUdeviceptr);
  CUresult (*cuGetErrorName)(CUresult, const char **);
  CUresult (*cuGetErrorString)(CUresult, const char **);
};

/// The driver, loaded and initialized once per process; null when it
/// cannot be (no libcuda.so.1, no device), with the reason in `why`.
const Driver *getDriver(std::string &why);

/// "CUDA_ERROR_INVALID_VALUE (invalid argument)" for `result`.
std::string describe(const Driver &driver, CUresult result);

/// Makes a context current on this thread: the one already current, else
/// device 0's primary context. Returns false with `why` set on failure.
bool ensureContext(const Driver &driver, std::string &why);

} // namespace attn::runtime::cuda

#endif // ATTN_RUNTIME_CUDADRIVER_H
