//===- Launch.cpp - Binding launch arguments to a signature ---------------===//

#include "Launch.h"

#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>

using namespace attn::runtime;

bool LaunchSizeEnv::lookup(std::string_view name, int64_t dim, int64_t &value,
                           std::string &error) const {
  int32_t index = kernel.findArg(name);
  if (index < 0 || !kernel.args[index].isBuffer()) {
    error = "unknown buffer '" + std::string(name) + "'";
    return false;
  }
  const BoundArg &arg = args[index];
  if (dim < 0 || dim >= arg.rank) {
    error = "'" + std::string(name) + "' has rank " + std::to_string(arg.rank) +
            ", no dimension " + std::to_string(dim);
    return false;
  }
  value = arg.shape[dim];
  return true;
}

std::string attn::runtime::formatShape(const int64_t *shape, int32_t rank) {
  std::string text = "[";
  for (int32_t d = 0; d < rank; ++d)
    text += (d ? ", " : "") + std::to_string(shape[d]);
  return text + "]";
}

namespace {

const char *describeKind(int32_t kind) {
  switch (kind) {
  case ATTN_ARG_BUFFER:
    return "a buffer";
  case ATTN_ARG_SCALAR:
    return "a scalar";
  default:
    return nullptr;
  }
}

Status invalid(std::string message) {
  return Status::error(ATTN_ERROR_INVALID_ARGUMENT, std::move(message));
}

std::string formatPointer(const void *pointer) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%p", pointer);
  return buffer;
}

/// Checks a buffer's rank, sizes and data pointer; computes numElements.
Status bindBuffer(const ArgSpec &spec, const attn_arg &arg, BoundArg &bound) {
  if (arg.rank != spec.getRank())
    return invalid("expected rank " + std::to_string(spec.getRank()) +
                   ", got " + std::to_string(arg.rank));
  if (arg.rank > 0 && !arg.shape)
    return invalid("shape is null");

  // The size in bytes must fit in 64 bits, and so must the descriptor's
  // strides, which are products of sizes: bound the product of the element
  // size and every nonzero size (a zero size empties the buffer but leaves
  // the strides of the dimensions before it unchanged).
  int64_t elementSize = getDtypeSize(spec.dtype);
  int64_t bytes = elementSize;
  bool empty = false;
  for (int32_t d = 0; d < arg.rank; ++d) {
    int64_t size = arg.shape[d];
    if (size < 0)
      return invalid("shape " + formatShape(arg.shape, arg.rank) + ": size " +
                     std::to_string(size) + " of dimension " +
                     std::to_string(d) + " is negative");
    if (size == 0) {
      empty = true;
      continue;
    }
    if (__builtin_mul_overflow(bytes, size, &bytes))
      return invalid("shape " + formatShape(arg.shape, arg.rank) +
                     " is too large: its size in bytes does not fit in 64 "
                     "bits");
  }
  int64_t numElements = empty ? 0 : bytes / elementSize;

  for (int32_t d = 0; d < arg.rank; ++d) {
    int64_t expected = spec.shape[d].staticSize;
    if (spec.shape[d].expr || expected < 0 || arg.shape[d] == expected)
      continue;
    return invalid("dimension " + std::to_string(d) + " is " +
                   std::to_string(arg.shape[d]) +
                   ", but the signature requires " + std::to_string(expected) +
                   " (shape " + formatShape(arg.shape, arg.rank) + ")");
  }

  if (!arg.data && numElements != 0)
    return invalid("data is null, but the buffer has " +
                   std::to_string(numElements) + " elements");
  if (reinterpret_cast<uintptr_t>(arg.data) %
          static_cast<uintptr_t>(elementSize) !=
      0)
    return invalid("data " + formatPointer(arg.data) +
                   " is not aligned to the " + std::to_string(elementSize) +
                   " bytes of " + getDtypeName(spec.dtype));

  bound.data = arg.data;
  bound.shape = arg.shape;
  bound.rank = arg.rank;
  bound.numElements = numElements;
  return Status::success();
}

/// Checks that a scalar's value is representable in its dtype.
Status bindScalar(const ArgSpec &spec, const attn_arg &arg, BoundArg &bound) {
  bound.i64 = arg.i64;
  bound.f64 = arg.f64;
  int64_t min = std::numeric_limits<int64_t>::min();
  int64_t max = std::numeric_limits<int64_t>::max();
  switch (spec.dtype) {
  case ATTN_DTYPE_F64:
    return Status::success();
  case ATTN_DTYPE_F32:
    if (std::isfinite(arg.f64) && std::fabs(arg.f64) > FLT_MAX) {
      char value[64];
      std::snprintf(value, sizeof(value), "%g", arg.f64);
      return invalid(std::string("value ") + value + " does not fit in f32");
    }
    return Status::success();
  case ATTN_DTYPE_I64:
    return Status::success();
  case ATTN_DTYPE_I32:
    min = std::numeric_limits<int32_t>::min();
    max = std::numeric_limits<int32_t>::max();
    break;
  case ATTN_DTYPE_I8:
    min = -128;
    max = 127;
    break;
  case ATTN_DTYPE_U8:
    min = 0;
    max = 255;
    break;
  case ATTN_DTYPE_I1:
    min = 0;
    max = 1;
    break;
  default:
    // The manifest refused scalars of other dtypes.
    return invalid(std::string("scalars of dtype ") + getDtypeName(spec.dtype) +
                   " are not supported");
  }
  if (arg.i64 < min || arg.i64 > max)
    return invalid("value " + std::to_string(arg.i64) + " does not fit in " +
                   getDtypeName(spec.dtype) + " (range [" +
                   std::to_string(min) + ", " + std::to_string(max) + "])");
  return Status::success();
}

Status bindArgument(const ArgSpec &spec, const attn_arg &arg, BoundArg &bound) {
  bound.spec = &spec;
  int32_t kind = getRawEnumValue(arg.kind);
  if (kind != spec.kind) {
    const char *given = describeKind(kind);
    return invalid(std::string("expected ") + describeKind(spec.kind) +
                   ", got " +
                   (given ? given : "invalid kind " + std::to_string(kind)));
  }
  int32_t dtype = getRawEnumValue(arg.dtype);
  if (dtype != spec.dtype) {
    const char *given = getDtypeName(dtype);
    return invalid(std::string("expected dtype ") + getDtypeName(spec.dtype) +
                   ", got " +
                   (given ? given : "invalid dtype " + std::to_string(dtype)));
  }
  return spec.isBuffer() ? bindBuffer(spec, arg, bound)
                         : bindScalar(spec, arg, bound);
}

std::string describeArg(const KernelSpec &kernel, size_t index) {
  return "argument " + std::to_string(index) + " '" + kernel.args[index].name +
         "': ";
}

/// Checks every shape entry given as a size expression; they may refer to
/// any buffer, so this runs once all of them are bound.
Status checkShapeExpressions(const KernelSpec &kernel,
                             const std::vector<BoundArg> &bound) {
  LaunchSizeEnv env(kernel, bound);
  for (size_t i = 0; i < kernel.args.size(); ++i) {
    const ArgSpec &spec = kernel.args[i];
    for (int32_t d = 0; d < spec.getRank(); ++d) {
      if (!spec.shape[d].expr)
        continue;
      const SizeExpr &expr = *spec.shape[d].expr;
      int64_t expected;
      std::string message;
      if (!expr.evaluate(env, expected, message))
        return invalid(describeArg(kernel, i) + "size expression '" +
                       expr.getText() + "' of dimension " + std::to_string(d) +
                       ": " + message);
      int64_t given = bound[i].shape[d];
      if (given == expected)
        continue;
      return invalid(describeArg(kernel, i) + "dimension " + std::to_string(d) +
                     " is " + std::to_string(given) +
                     ", but the signature requires " + expr.getText() + " = " +
                     std::to_string(expected) + " (shape " +
                     formatShape(bound[i].shape, bound[i].rank) + ")");
    }
  }
  return Status::success();
}

std::string listArgNames(const KernelSpec &kernel) {
  std::string names;
  for (size_t i = 0; i < kernel.args.size(); ++i)
    names += (i ? ", " : "") + kernel.args[i].name;
  return names;
}

Status evaluateTriple(const std::array<SizeExpr, 3> &exprs, const char *field,
                      const SizeEnv &env, std::array<int64_t, 3> &values) {
  for (size_t i = 0; i < 3; ++i) {
    std::string message;
    std::string where = std::string(field) + "[" + std::to_string(i) + "] = '" +
                        exprs[i].getText() + "'";
    if (!exprs[i].evaluate(env, values[i], message))
      return invalid(where + ": " + message);
    if (values[i] < 0)
      return invalid(where + " is " + std::to_string(values[i]) +
                     ", which is negative");
  }
  return Status::success();
}

} // namespace

Status attn::runtime::bindArguments(const KernelSpec &kernel,
                                    const attn_arg *args, int32_t numArgs,
                                    std::vector<BoundArg> &bound) {
  if (numArgs < 0 || static_cast<size_t>(numArgs) != kernel.args.size())
    return invalid("expected " + std::to_string(kernel.args.size()) +
                   " arguments (" + listArgNames(kernel) + "), got " +
                   std::to_string(numArgs));
  if (numArgs > 0 && !args)
    return invalid("args is null");
  bound.assign(kernel.args.size(), BoundArg());
  for (size_t i = 0; i < kernel.args.size(); ++i) {
    Status status = bindArgument(kernel.args[i], args[i], bound[i]);
    if (!status.ok())
      return status.prepend(describeArg(kernel, i));
  }
  return checkShapeExpressions(kernel, bound);
}

Status attn::runtime::evaluateLaunchConfig(const KernelSpec &kernel,
                                           const SizeEnv &env,
                                           LaunchConfig &config) {
  if (Status status = evaluateTriple(kernel.grid, "grid", env, config.grid);
      !status.ok())
    return status;
  if (kernel.block) {
    if (Status status =
            evaluateTriple(*kernel.block, "block", env, config.block);
        !status.ok())
      return status;
  }
  if (kernel.sharedBytes) {
    std::string message;
    if (!kernel.sharedBytes->evaluate(env, config.sharedBytes, message))
      return invalid("shared_bytes = '" + kernel.sharedBytes->getText() +
                     "': " + message);
    if (config.sharedBytes < 0)
      return invalid("shared_bytes = '" + kernel.sharedBytes->getText() +
                     "' is " + std::to_string(config.sharedBytes) +
                     ", which is negative");
  }
  return Status::success();
}
