//===- Manifest.h - The manifest of a kernel package ------------*- C++ -*-===//
//
// manifest.json as C++ structs (docs/package-format.md, "The manifest"),
// validated completely at load time: every required field, every dtype and
// size expression, every name a size expression or check refers to. A
// launch then only compares the caller's arguments against these structs.
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_RUNTIME_MANIFEST_H
#define ATTN_RUNTIME_MANIFEST_H

#include "SizeExpr.h"
#include "Status.h"

#include "attn-c/runtime.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attn::runtime {

enum class Target { Cpu, Cuda, Hip };

/// "cpu", "cuda", "hip".
const char *getTargetName(Target target);
/// Parses a target name; false if unknown.
bool parseTarget(std::string_view name, Target &target);

/// "f16", ...; null for a value outside the enum.
const char *getDtypeName(int32_t dtype);
/// Parses a dtype name as written in manifests; false if unknown.
bool parseDtype(std::string_view name, attn_dtype &dtype);
/// Bytes per element: 8 for f64, 1 for i1 (stored as a byte), ...
int64_t getDtypeSize(attn_dtype dtype);
/// Whether `dtype` is a valid index-metadata type (i32 or i64).
bool isIndexDtype(attn_dtype dtype);

/// One dimension of a buffer argument's declared shape.
struct DimSpec {
  /// A static size (>= 0), or -1 for any size. Unused when `expr` is set.
  int64_t staticSize = -1;
  /// A size expression the given size must equal.
  std::optional<SizeExpr> expr;
};

struct ArgSpec {
  std::string name;
  attn_arg_kind kind = ATTN_ARG_BUFFER;
  attn_dtype dtype = ATTN_DTYPE_F32;
  /// Buffers only; scalars are ATTN_ACCESS_READ.
  attn_access access = ATTN_ACCESS_READ;
  /// Buffers only: one entry per dimension.
  std::vector<DimSpec> shape;

  bool isBuffer() const { return kind == ATTN_ARG_BUFFER; }
  int32_t getRank() const { return static_cast<int32_t>(shape.size()); }
};

/// The check kinds of docs/package-format.md, and two that attn-compile
/// emits for linear attention with a bias, not yet in that document:
/// `segment_length` (`arg`, `max`: every segment arg[i+1] - arg[i] of an
/// indptr is at most `max`) and `le` (`lhs`, `rhs`: size expressions with
/// lhs <= rhs).
enum class CheckKind {
  Indptr,
  Range,
  PageTable,
  BlockTable,
  AppendPositions,
  SegmentLength,
  Le,
};

/// "indptr", "range", ...
const char *getCheckKindName(CheckKind kind);

/// A metadata check. Argument references are indices into KernelSpec::args
/// (-1 when absent); which fields are used depends on `kind`, as in the
/// table of docs/package-format.md. The load validated that every referenced
/// argument is an i32 or i64 buffer of the rank the check reads.
struct CheckSpec {
  CheckKind kind = CheckKind::Indptr;
  /// indptr, range, segment_length: the checked buffer.
  int32_t arg = -1;
  /// range: only P[0] .. P[last]-1 are checked.
  int32_t byIndptr = -1;
  /// range: negative elements pass.
  bool skipNegative = false;
  /// page_table, append_positions.
  int32_t indptr = -1;
  /// page_table.
  int32_t lastPageLen = -1;
  /// block_table.
  int32_t blockTables = -1;
  int32_t contextLens = -1;
  /// append_positions.
  int32_t batchIndices = -1;
  int32_t positions = -1;

  /// range: min; indptr, range, segment_length: max; page_table,
  /// append_positions: page_size; block_table: block_size, num_blocks; le:
  /// lhs, rhs.
  SizeExpr min, max, pageSize, blockSize, numBlocks, lhs, rhs;
};

struct KernelSpec {
  std::string name;
  std::string symbol;
  std::vector<ArgSpec> args;
  std::array<SizeExpr, 3> grid;
  /// GPU targets only.
  std::optional<std::array<SizeExpr, 3>> block;
  std::optional<SizeExpr> sharedBytes;
  std::vector<CheckSpec> checks;

  /// Index of the argument called `name`, or -1.
  int32_t findArg(std::string_view name) const;
};

struct Manifest {
  int64_t version = 0;
  std::string compiler;
  Target target = Target::Cpu;
  std::string binary;
  std::vector<KernelSpec> kernels;
};

/// Parses and validates the text of a manifest. Error messages start with
/// `fileName` and the JSON path of the offending field, e.g.
/// "pkg/manifest.json: kernels[0].args[2].dtype: unknown dtype 'f17'".
/// Malformed manifests give ATTN_ERROR_PACKAGE_FORMAT; well-formed ones this
/// runtime cannot run (an unknown target) ATTN_ERROR_UNSUPPORTED.
Status parseManifest(std::string_view text, std::string_view fileName,
                     Manifest &manifest);

} // namespace attn::runtime

#endif // ATTN_RUNTIME_MANIFEST_H
