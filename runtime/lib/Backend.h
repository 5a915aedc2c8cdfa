//===- Backend.h - Target backends of the runtime ---------------*- C++ -*-===//
//
// A backend loads a package's binary, resolves its kernel entry points and
// launches them. The CPU backend dlopens a shared object and calls
// `void SYMBOL(void **args)` (the packed-memref ABI). The CUDA backend runs
// the same kind of host code, whose kernels launch cubins through the
// driver (libcuda dlopened at run time, so that the runtime has no
// link-time dependency on it) on LaunchConfig::stream; HIP is to follow.
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_RUNTIME_BACKEND_H
#define ATTN_RUNTIME_BACKEND_H

#include "Launch.h"
#include "Manifest.h"
#include "Status.h"

#include <memory>
#include <string>
#include <vector>

namespace attn::runtime {

/// A kernel entry point in a loaded binary: a function pointer on the CPU,
/// a CUfunction or hipFunction_t on GPUs. Owned by the backend.
using KernelHandle = void *;

/// One loaded package binary. Not copyable; unloads the binary when
/// destroyed. launch() may be called from several threads at once.
class Backend {
public:
  Backend() = default;
  Backend(const Backend &) = delete;
  Backend &operator=(const Backend &) = delete;
  virtual ~Backend();

  virtual Target getTarget() const = 0;

  /// Loads the binary at `path`. Called once, before anything else.
  virtual Status loadBinary(const std::string &path) = 0;

  /// Resolves the entry point `symbol` of the loaded binary.
  virtual Status resolveKernel(const std::string &symbol,
                               KernelHandle &handle) = 0;

  /// Launches `handle` with `args`, which match the kernel's signature (and
  /// passed its checks). Returns when the kernel has finished on the CPU;
  /// GPU backends return once the launch is enqueued on config.stream.
  virtual Status launch(KernelHandle handle, const std::vector<BoundArg> &args,
                        const LaunchConfig &config) = 0;

  /// Whether the host can read the buffers passed to launch() (the CPU's
  /// can; a GPU's are device memory).
  virtual bool isHostAccessible() const { return true; }

  /// Copies `bytes` of device memory at `src` to the host, ordered on
  /// `stream`, and waits for it (for checked mode's metadata checks).
  virtual Status copyToHost(void *dst, const void *src, size_t bytes,
                            void *stream);
};

/// Whether `target` has a usable backend on this machine; if not, `reason`
/// says why (e.g. "cannot load the CUDA driver (libcuda.so.1): ...").
bool isTargetAvailable(Target target, std::string &reason);

/// Creates the backend for `target`, with no binary loaded yet.
/// ATTN_ERROR_UNSUPPORTED when the target has no usable backend.
Status createBackend(Target target, std::unique_ptr<Backend> &backend);

/// The CPU backend (CpuBackend.cpp).
std::unique_ptr<Backend> createCpuBackend();

// GPU backends: GpuHost.h.

} // namespace attn::runtime

#endif // ATTN_RUNTIME_BACKEND_H
