//===- Backend.cpp - Choosing a target backend ----------------------------===//

#include "Backend.h"
#include "GpuHost.h"

using namespace attn::runtime;

Backend::~Backend() = default;

Status Backend::copyToHost(void *, const void *, size_t, void *) {
  return Status::error(ATTN_ERROR_UNSUPPORTED,
                       "this backend's buffers are host memory");
}

namespace {
/// The driver of a GPU target, or null with `why`.
std::unique_ptr<GpuDriver> createGpuDriver(Target target, std::string &why) {
  switch (target) {
  case Target::Cuda:
    return createCudaDriver(why);
  case Target::Hip:
    return createHipDriver(why);
  case Target::Cpu:
    break;
  }
  why = std::string("no GPU driver for target ") + getTargetName(target);
  return nullptr;
}
} // namespace

bool attn::runtime::isTargetAvailable(Target target, std::string &reason) {
  if (target == Target::Cpu)
    return true;
  return createGpuDriver(target, reason) != nullptr;
}

Status attn::runtime::createBackend(Target target,
                                    std::unique_ptr<Backend> &backend) {
  if (target == Target::Cpu) {
    backend = createCpuBackend();
    return Status::success();
  }
  std::string reason;
  std::unique_ptr<GpuDriver> driver = createGpuDriver(target, reason);
  if (!driver)
    return Status::error(ATTN_ERROR_UNSUPPORTED, reason);
  backend = createGpuBackend(std::move(driver));
  return Status::success();
}
