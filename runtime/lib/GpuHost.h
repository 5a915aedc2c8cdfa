//===- GpuHost.h - Running GPU packages' host code --------------*- C++ -*-===//
//
// A GPU package's binary is host code (the packed-memref ABI) produced by
// MLIR's GPU host lowering, which calls `mgpu*` functions to load modules,
// allocate scratch and launch kernels. The runtime implements them once
// (GpuHost.cpp) on top of a GpuDriver, the per-vendor part: the CUDA driver
// (CudaBackend.cpp) or HIP (HipBackend.cpp), each dlopened at run time.
//
// Launches go to the caller's stream: generated code asks for a stream
// with mgpuStreamCreate and gets the caller's; it synchronizes and destroys
// it afterwards, which are no-ops for the caller's stream. Scratch buffers
// are stream-ordered allocations. The mgpu* functions cannot return a
// status, so they record the first driver error of the thread; the backend
// reports it after the entry point returns.
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_RUNTIME_GPUHOST_H
#define ATTN_RUNTIME_GPUHOST_H

#include "Backend.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace attn::runtime {

/// What generated host code needs from a GPU driver. Methods record driver
/// errors with recordGpuError() instead of returning them.
class GpuDriver {
public:
  virtual ~GpuDriver();
  virtual Target getTarget() const = 0;

  /// The driver is loaded and a device context is current on this thread;
  /// else false with `why` (no driver library, no device, ...).
  virtual bool makeReady(std::string &why) = 0;

  virtual void *moduleLoad(const void *data, size_t size) = 0;
  virtual void moduleUnload(void *module) = 0;
  virtual void *getFunction(void *module, const char *name) = 0;
  virtual void launch(void *function, intptr_t gridX, intptr_t gridY,
                      intptr_t gridZ, intptr_t blockX, intptr_t blockY,
                      intptr_t blockZ, int32_t sharedBytes, void *stream,
                      void **params, void **extra) = 0;
  virtual void *memAlloc(uint64_t bytes, void *stream) = 0;
  virtual void memFree(void *ptr, void *stream) = 0;
  /// Copies `bytes` between buffers of the device, ordered on `stream`.
  virtual void memcpy(void *dst, const void *src, size_t bytes,
                      void *stream) = 0;
  virtual void *eventCreate() = 0;
  virtual void eventDestroy(void *event) = 0;
  virtual void eventSynchronize(void *event) = 0;
  virtual void eventRecord(void *event, void *stream) = 0;
  virtual void streamWaitEvent(void *stream, void *event) = 0;

  /// Whether `ptr` is device memory of this driver.
  virtual bool isDevicePointer(const void *ptr) = 0;
  /// Copies device memory to the host on `stream` and waits.
  virtual Status copyToHost(void *dst, const void *src, size_t bytes,
                            void *stream) = 0;
};

/// The first driver error recorded on this thread since the last take.
void recordGpuError(const std::string &message);
std::string takeGpuError();

/// A backend for a GPU target: the host code runs through the CPU backend
/// while `driver` serves its mgpu* calls.
std::unique_ptr<Backend> createGpuBackend(std::unique_ptr<GpuDriver> driver);

/// The per-vendor drivers; null with `why` when the vendor's library or
/// device is missing.
std::unique_ptr<GpuDriver> createCudaDriver(std::string &why);
std::unique_ptr<GpuDriver> createHipDriver(std::string &why);

} // namespace attn::runtime

#endif // ATTN_RUNTIME_GPUHOST_H
