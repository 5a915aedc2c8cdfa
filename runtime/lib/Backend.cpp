//===- Backend.cpp - Choosing a target backend ----------------------------===//

#include "Backend.h"
#include "CudaDriver.h"
#include "GpuHost.h"

using namespace attn::runtime;

Backend::~Backend() = default;

Status Backend::copyToHost(void *, const void *, size_t, void *) {
  return Status::error(ATTN_ERROR_UNSUPPORTED,
                       "this backend's buffers are host memory");
}

bool attn::runtime::isTargetAvailable(Target target, std::string &reason) {
  switch (target) {
  case Target::Cpu:
    return true;
  case Target::Cuda:
    return cuda::getDriver(reason) != nullptr;
  case Target::Hip:
    return createHipDriver(reason) != nullptr;
  }
  reason = "unknown target";
  return false;
}

Status attn::runtime::createBackend(Target target,
                                    std::unique_ptr<Backend> &backend) {
  std::string reason;
  if (!isTargetAvailable(target, reason))
    return Status::error(ATTN_ERROR_UNSUPPORTED, reason);
  switch (target) {
  case Target::Cpu:
    backend = createCpuBackend();
    return Status::success();
  case Target::Cuda: {
    std::unique_ptr<GpuDriver> driver = createCudaDriver(reason);
    if (!driver)
      return Status::error(ATTN_ERROR_UNSUPPORTED, reason);
    backend = createGpuBackend(std::move(driver));
    return Status::success();
  }
  case Target::Hip: {
    std::unique_ptr<GpuDriver> driver = createHipDriver(reason);
    if (!driver)
      return Status::error(ATTN_ERROR_UNSUPPORTED, reason);
    backend = createGpuBackend(std::move(driver));
    return Status::success();
  }
  }
  return Status::error(ATTN_ERROR_UNSUPPORTED,
                       std::string("no backend for target ") +
                           getTargetName(target));
}
