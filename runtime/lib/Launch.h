//===- Launch.h - Binding launch arguments to a signature -------*- C++ -*-===//
//
// Validates a caller's attn_arg array against a kernel's signature (kinds,
// dtypes, ranks, static sizes, size expressions, data pointers, scalar
// ranges) and evaluates the launch grid. What comes out is safe to hand to a
// backend and to the metadata checks.
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_RUNTIME_LAUNCH_H
#define ATTN_RUNTIME_LAUNCH_H

#include "Manifest.h"
#include "SizeExpr.h"
#include "Status.h"

#include "attn-c/runtime.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace attn::runtime {

/// A launch argument that matches its ArgSpec.
struct BoundArg {
  const ArgSpec *spec = nullptr;

  /// Buffers: data, and `rank` sizes in the caller's memory (valid during
  /// the launch). The size in bytes, numElements * dtype size, fits in
  /// int64_t, and so does every contiguous stride.
  void *data = nullptr;
  const int64_t *shape = nullptr;
  int32_t rank = 0;
  int64_t numElements = 0;

  /// Scalars: the value, within the range of the dtype. Integer dtypes use
  /// i64, floating-point ones f64.
  int64_t i64 = 0;
  double f64 = 0;
};

/// Resolves `NAME.i` to the sizes of a launch's buffers.
class LaunchSizeEnv final : public SizeEnv {
public:
  LaunchSizeEnv(const KernelSpec &kernel, const std::vector<BoundArg> &args)
      : kernel(kernel), args(args) {}

  bool lookup(std::string_view name, int64_t dim, int64_t &value,
              std::string &error) const override;

private:
  const KernelSpec &kernel;
  const std::vector<BoundArg> &args;
};

/// How a kernel is launched: grid, and for GPU targets block, dynamic
/// shared memory and stream.
struct LaunchConfig {
  std::array<int64_t, 3> grid{{1, 1, 1}};
  std::array<int64_t, 3> block{{1, 1, 1}};
  int64_t sharedBytes = 0;
  void *stream = nullptr;
};

/// Checks `args` against `kernel`'s signature and fills `bound` (one entry
/// per argument). Errors are ATTN_ERROR_INVALID_ARGUMENT with messages such
/// as "argument 1 'y': expected dtype f32, got f16".
Status bindArguments(const KernelSpec &kernel, const attn_arg *args,
                     int32_t numArgs, std::vector<BoundArg> &bound);

/// Evaluates `kernel`'s grid, block and shared_bytes for a launch.
Status evaluateLaunchConfig(const KernelSpec &kernel, const SizeEnv &env,
                            LaunchConfig &config);

/// "[2, 3, 4]".
std::string formatShape(const int64_t *shape, int32_t rank);

/// The int value of an enum that comes from a C caller (or ctypes) and may
/// be out of the enum's range: read without loading an enum value, which
/// would be undefined behavior in C++.
template <typename Enum> int32_t getRawEnumValue(const Enum &value) {
  static_assert(sizeof(Enum) == sizeof(int32_t), "enums are int-sized");
  int32_t raw;
  std::memcpy(&raw, &value, sizeof(raw));
  return raw;
}

} // namespace attn::runtime

#endif // ATTN_RUNTIME_LAUNCH_H
