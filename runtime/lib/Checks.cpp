//===- Checks.cpp - Checked-mode metadata validation ----------------------===//

#include "Checks.h"

#include <cassert>
#include <cstring>
#include <limits>

using namespace attn::runtime;

namespace {

constexpr int64_t kInt64Max = std::numeric_limits<int64_t>::max();
constexpr int64_t kInt64Min = std::numeric_limits<int64_t>::min();

/// Reads the elements of an i32 or i64 buffer of a launch, as int64_t.
class IndexBuffer {
public:
  IndexBuffer(const KernelSpec &kernel, const std::vector<BoundArg> &args,
              int32_t index)
      : arg(args[index]), name(kernel.args[index].name),
        is64(kernel.args[index].dtype == ATTN_DTYPE_I64) {
    assert(isIndexDtype(kernel.args[index].dtype) && "validated at load");
  }

  const std::string &getName() const { return name; }
  int64_t size() const { return arg.numElements; }
  int64_t dim(int32_t d) const {
    assert(d < arg.rank && "validated at load");
    return arg.shape[d];
  }

  int64_t operator[](int64_t i) const {
    assert(i >= 0 && i < size() && "index metadata read out of bounds");
    const char *base = static_cast<const char *>(arg.data);
    // memcpy: the caller's buffer need not be aligned for int64_t reads.
    if (is64) {
      int64_t value;
      std::memcpy(&value, base + i * sizeof(int64_t), sizeof(value));
      return value;
    }
    int32_t value;
    std::memcpy(&value, base + i * sizeof(int32_t), sizeof(value));
    return value;
  }

  /// "kv_indices[7]", or "block_tables[2, 3]" for the flat index 2*cols+3.
  std::string element(int64_t flat) const {
    if (arg.rank == 0)
      return name;
    std::string indices;
    for (int32_t d = arg.rank - 1; d >= 0; --d) {
      int64_t size = arg.shape[d];
      indices.insert(0, (d ? ", " : "") + std::to_string(flat % size));
      flat /= size;
    }
    return name + "[" + indices + "]";
  }

  /// "kv_indices[7] = 1000".
  std::string describe(int64_t flat) const {
    return element(flat) + " = " + std::to_string((*this)[flat]);
  }

private:
  const BoundArg &arg;
  const std::string &name;
  bool is64;
};

/// "1 element", "3 elements".
std::string count(int64_t n, const char *noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

Status checkFailed(const std::string &message) {
  return Status::error(ATTN_ERROR_CHECK_FAILED, "check failed: " + message);
}

/// Evaluates a size-expression field of a check.
Status evaluateField(const CheckSpec &check, const char *field,
                     const SizeExpr &expr, const SizeEnv &env, int64_t &value) {
  std::string message;
  if (expr.evaluate(env, value, message))
    return Status::success();
  return Status::error(ATTN_ERROR_INVALID_ARGUMENT,
                       std::string(getCheckKindName(check.kind)) + " check: " +
                           field + " = '" + expr.getText() + "': " + message);
}

/// "16", or "16 (k_cache.1)" when the value comes from an expression.
std::string withSource(int64_t value, const SizeExpr &expr) {
  std::string text = std::to_string(value);
  if (!expr.isLiteral())
    text += " (" + expr.getText() + ")";
  return text;
}

/// "[0, 63]", followed by the expressions the bounds come from:
/// "[0, 63] (k_cache.0 - 1)".
std::string closedRange(int64_t min, const SizeExpr &minExpr, int64_t max,
                        const SizeExpr &maxExpr) {
  std::string text =
      "[" + std::to_string(min) + ", " + std::to_string(max) + "]";
  if (minExpr.isLiteral() && maxExpr.isLiteral())
    return text;
  if (minExpr.isLiteral())
    return text + " (" + maxExpr.getText() + ")";
  return text + " (min: " + minExpr.getText() + ", max: " + maxExpr.getText() +
         ")";
}

/// An indptr has at least one element.
Status checkNotEmpty(const IndexBuffer &indptr) {
  if (indptr.size() > 0)
    return Status::success();
  return checkFailed(indptr.getName() +
                     " is empty, but an indptr has at least one element");
}

Status checkIndptr(const CheckSpec &check, const KernelSpec &kernel,
                   const std::vector<BoundArg> &args, const SizeEnv &env) {
  IndexBuffer indptr(kernel, args, check.arg);
  if (Status status = checkNotEmpty(indptr); !status.ok())
    return status;
  if (indptr[0] < 0)
    return checkFailed(indptr.describe(0) + " is negative");
  int64_t last = indptr.size() - 1;
  for (int64_t i = 1; i <= last; ++i)
    if (indptr[i] < indptr[i - 1])
      return checkFailed(indptr.getName() + " is not non-decreasing: " +
                         indptr.describe(i) + " < " + indptr.describe(i - 1));
  int64_t max;
  if (Status status = evaluateField(check, "max", check.max, env, max);
      !status.ok())
    return status;
  if (indptr[last] > max)
    return checkFailed(indptr.describe(last) + " (the last element) exceeds " +
                       withSource(max, check.max));
  return Status::success();
}

Status checkRange(const CheckSpec &check, const KernelSpec &kernel,
                  const std::vector<BoundArg> &args, const SizeEnv &env) {
  IndexBuffer buffer(kernel, args, check.arg);
  int64_t min, max;
  if (Status status = evaluateField(check, "min", check.min, env, min);
      !status.ok())
    return status;
  if (Status status = evaluateField(check, "max", check.max, env, max);
      !status.ok())
    return status;

  int64_t begin = 0, end = buffer.size();
  if (check.byIndptr >= 0) {
    // Only the used part, P[0] .. P[last]-1, is checked. The indptr check
    // of P normally bounds it; check again, since reading depends on it.
    IndexBuffer indptr(kernel, args, check.byIndptr);
    if (Status status = checkNotEmpty(indptr); !status.ok())
      return status;
    int64_t last = indptr.size() - 1;
    begin = indptr[0];
    end = indptr[last];
    if (begin < 0 || begin > end || end > buffer.size())
      return checkFailed(indptr.describe(0) + " .. " + indptr.describe(last) +
                         " select elements [" + std::to_string(begin) + ", " +
                         std::to_string(end) + ") of " + buffer.getName() +
                         ", which has " + count(buffer.size(), "element"));
  }

  for (int64_t i = begin; i < end; ++i) {
    int64_t value = buffer[i];
    if (check.skipNegative && value < 0)
      continue;
    if (value < min || value > max)
      return checkFailed(buffer.describe(i) + " is out of range " +
                         closedRange(min, check.min, max, check.max));
  }
  return Status::success();
}

Status checkPageTable(const CheckSpec &check, const KernelSpec &kernel,
                      const std::vector<BoundArg> &args, const SizeEnv &env) {
  IndexBuffer indptr(kernel, args, check.indptr);
  IndexBuffer lastPageLen(kernel, args, check.lastPageLen);
  int64_t pageSize;
  if (Status status =
          evaluateField(check, "page_size", check.pageSize, env, pageSize);
      !status.ok())
    return status;
  if (Status status = checkNotEmpty(indptr); !status.ok())
    return status;

  int64_t batch = indptr.size() - 1;
  if (lastPageLen.size() < batch)
    return checkFailed(
        lastPageLen.getName() + " has " + count(lastPageLen.size(), "element") +
        ", but " + indptr.getName() + " describes " + count(batch, "request"));
  for (int64_t b = 0; b < batch; ++b) {
    // Requests without pages have no keys; their entry is not read.
    if (indptr[b + 1] <= indptr[b])
      continue;
    int64_t length = lastPageLen[b];
    if (length >= 1 && length <= pageSize)
      continue;
    // Positive difference of two int64_t: exact in uint64_t.
    uint64_t pages =
        static_cast<uint64_t>(indptr[b + 1]) - static_cast<uint64_t>(indptr[b]);
    return checkFailed(
        lastPageLen.describe(b) + " is out of range " +
        closedRange(1, SizeExpr::constant(1), pageSize, check.pageSize) +
        " for request " + std::to_string(b) + ", which has " +
        std::to_string(pages) + (pages == 1 ? " page" : " pages"));
  }
  return Status::success();
}

Status checkBlockTable(const CheckSpec &check, const KernelSpec &kernel,
                       const std::vector<BoundArg> &args, const SizeEnv &env) {
  IndexBuffer table(kernel, args, check.blockTables);
  IndexBuffer contextLens(kernel, args, check.contextLens);
  int64_t blockSize, numBlocks;
  if (Status status =
          evaluateField(check, "block_size", check.blockSize, env, blockSize);
      !status.ok())
    return status;
  if (Status status =
          evaluateField(check, "num_blocks", check.numBlocks, env, numBlocks);
      !status.ok())
    return status;
  if (blockSize <= 0)
    return checkFailed(
        "block_size = " + withSource(blockSize, check.blockSize) +
        " is not positive");

  int64_t rows = table.dim(0), cols = table.dim(1);
  if (contextLens.size() > rows)
    return checkFailed(contextLens.getName() + " has " +
                       count(contextLens.size(), "element") + ", but " +
                       table.getName() + " has " + count(rows, "row"));
  int64_t capacity;
  if (__builtin_mul_overflow(cols, blockSize, &capacity))
    capacity = kInt64Max;

  for (int64_t b = 0; b < contextLens.size(); ++b) {
    int64_t length = contextLens[b];
    if (length < 0 || length > capacity)
      return checkFailed(contextLens.describe(b) + " is out of range [0, " +
                         std::to_string(capacity) + "] (" + table.getName() +
                         ".1 * block_size = " + std::to_string(cols) + " * " +
                         withSource(blockSize, check.blockSize) + ")");
    // ceildiv(length, blockSize) <= cols, since length <= cols * blockSize.
    int64_t used = length / blockSize + (length % blockSize != 0);
    for (int64_t j = 0; j < used; ++j) {
      int64_t flat = b * cols + j;
      int64_t block = table[flat];
      if (block >= 0 && block < numBlocks)
        continue;
      std::string bound = "[0, " + std::to_string(numBlocks) + ")";
      if (!check.numBlocks.isLiteral())
        bound += " (" + check.numBlocks.getText() + ")";
      return checkFailed(table.describe(flat) + " is out of range " + bound +
                         "; " + contextLens.describe(b) + " uses " +
                         count(used, "block") + " of row " + std::to_string(b));
    }
  }
  return Status::success();
}

Status checkAppendPositions(const CheckSpec &check, const KernelSpec &kernel,
                            const std::vector<BoundArg> &args,
                            const SizeEnv &env) {
  IndexBuffer batchIndices(kernel, args, check.batchIndices);
  IndexBuffer positions(kernel, args, check.positions);
  IndexBuffer indptr(kernel, args, check.indptr);
  int64_t pageSize;
  if (Status status =
          evaluateField(check, "page_size", check.pageSize, env, pageSize);
      !status.ok())
    return status;
  if (Status status = checkNotEmpty(indptr); !status.ok())
    return status;
  if (positions.size() < batchIndices.size())
    return checkFailed(positions.getName() + " has " +
                       count(positions.size(), "element") + ", but " +
                       batchIndices.getName() + " has " +
                       std::to_string(batchIndices.size()));

  int64_t batch = indptr.size() - 1;
  for (int64_t t = 0; t < batchIndices.size(); ++t) {
    int64_t b = batchIndices[t];
    if (b < 0 || b >= batch)
      return checkFailed(batchIndices.describe(t) + " is out of range [0, " +
                         std::to_string(batch) + ") (" + indptr.getName() +
                         " describes " + count(batch, "request") + ")");
    int64_t pages, capacity;
    bool overflow = __builtin_sub_overflow(indptr[b + 1], indptr[b], &pages) ||
                    __builtin_mul_overflow(pages, pageSize, &capacity);
    if (overflow)
      capacity =
          (indptr[b + 1] > indptr[b]) == (pageSize > 0) ? kInt64Max : kInt64Min;
    int64_t position = positions[t];
    if (position >= 0 && position < capacity)
      continue;
    return checkFailed(positions.describe(t) + " is out of range [0, " +
                       std::to_string(capacity) + ") for request " +
                       std::to_string(b) + " (" + batchIndices.describe(t) +
                       "), which has " + count(pages, "page") + " of " +
                       withSource(pageSize, check.pageSize) + " tokens");
  }
  return Status::success();
}

Status checkSegmentLength(const CheckSpec &check, const KernelSpec &kernel,
                          const std::vector<BoundArg> &args,
                          const SizeEnv &env) {
  IndexBuffer indptr(kernel, args, check.arg);
  int64_t max;
  if (Status status = evaluateField(check, "max", check.max, env, max);
      !status.ok())
    return status;
  for (int64_t i = 0; i + 1 < indptr.size(); ++i) {
    int64_t length;
    bool overflow = __builtin_sub_overflow(indptr[i + 1], indptr[i], &length);
    if (!overflow && length <= max)
      continue;
    std::string lengthText =
        overflow ? "does not fit in 64 bits" : "is " + std::to_string(length);
    return checkFailed("the length of segment " + std::to_string(i) + " of " +
                       indptr.getName() + ", " + indptr.describe(i + 1) +
                       " - " + indptr.describe(i) + ", " + lengthText +
                       ", more than " + withSource(max, check.max));
  }
  return Status::success();
}

Status checkLe(const CheckSpec &check, const SizeEnv &env) {
  int64_t lhs, rhs;
  if (Status status = evaluateField(check, "lhs", check.lhs, env, lhs);
      !status.ok())
    return status;
  if (Status status = evaluateField(check, "rhs", check.rhs, env, rhs);
      !status.ok())
    return status;
  if (lhs <= rhs)
    return Status::success();
  auto describe = [](const SizeExpr &expr, int64_t value) {
    if (expr.isLiteral())
      return std::to_string(value);
    return expr.getText() + " = " + std::to_string(value);
  };
  return checkFailed(describe(check.lhs, lhs) + " exceeds " +
                     describe(check.rhs, rhs));
}

Status runCheck(const CheckSpec &check, const KernelSpec &kernel,
                const std::vector<BoundArg> &args, const SizeEnv &env) {
  switch (check.kind) {
  case CheckKind::Indptr:
    return checkIndptr(check, kernel, args, env);
  case CheckKind::Range:
    return checkRange(check, kernel, args, env);
  case CheckKind::PageTable:
    return checkPageTable(check, kernel, args, env);
  case CheckKind::BlockTable:
    return checkBlockTable(check, kernel, args, env);
  case CheckKind::AppendPositions:
    return checkAppendPositions(check, kernel, args, env);
  case CheckKind::SegmentLength:
    return checkSegmentLength(check, kernel, args, env);
  case CheckKind::Le:
    return checkLe(check, env);
  }
  return Status::error(ATTN_ERROR_CHECK_FAILED, "unknown check kind");
}

/// The phase a check runs in; see runChecks.
int getPhase(const CheckSpec &check) {
  switch (check.kind) {
  case CheckKind::Indptr:
  case CheckKind::Le:
    return 0;
  case CheckKind::Range:
    return check.byIndptr < 0 ? 1 : 2;
  default:
    return 3;
  }
}

} // namespace

Status attn::runtime::runChecks(const KernelSpec &kernel,
                                const std::vector<BoundArg> &args,
                                const SizeEnv &env) {
  for (int phase = 0; phase < 4; ++phase) {
    for (const CheckSpec &check : kernel.checks) {
      if (getPhase(check) != phase)
        continue;
      if (Status status = runCheck(check, kernel, args, env); !status.ok())
        return status;
    }
  }
  return Status::success();
}
