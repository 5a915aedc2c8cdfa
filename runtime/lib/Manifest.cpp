//===- Manifest.cpp - The manifest of a kernel package --------------------===//

#include "Manifest.h"

#include "Json.h"

#include <functional>
#include <initializer_list>

using namespace attn::runtime;

//===----------------------------------------------------------------------===//
// Names
//===----------------------------------------------------------------------===//

namespace {

struct DtypeInfo {
  attn_dtype dtype;
  const char *name;
  int64_t size;
};

/// Indexed by attn_dtype.
constexpr DtypeInfo kDtypes[] = {
    {ATTN_DTYPE_F64, "f64", 8},
    {ATTN_DTYPE_F32, "f32", 4},
    {ATTN_DTYPE_F16, "f16", 2},
    {ATTN_DTYPE_BF16, "bf16", 2},
    {ATTN_DTYPE_F8E4M3FN, "f8e4m3fn", 1},
    {ATTN_DTYPE_I64, "i64", 8},
    {ATTN_DTYPE_I32, "i32", 4},
    {ATTN_DTYPE_I8, "i8", 1},
    {ATTN_DTYPE_U8, "u8", 1},
    {ATTN_DTYPE_I1, "i1", 1},
};
constexpr int32_t kNumDtypes = sizeof(kDtypes) / sizeof(kDtypes[0]);

} // namespace

const char *attn::runtime::getTargetName(Target target) {
  switch (target) {
  case Target::Cpu:
    return "cpu";
  case Target::Cuda:
    return "cuda";
  case Target::Hip:
    return "hip";
  }
  return "unknown";
}

bool attn::runtime::parseTarget(std::string_view name, Target &target) {
  for (Target candidate : {Target::Cpu, Target::Cuda, Target::Hip}) {
    if (name == getTargetName(candidate)) {
      target = candidate;
      return true;
    }
  }
  return false;
}

const char *attn::runtime::getDtypeName(int32_t dtype) {
  if (dtype < 0 || dtype >= kNumDtypes)
    return nullptr;
  return kDtypes[dtype].name;
}

bool attn::runtime::parseDtype(std::string_view name, attn_dtype &dtype) {
  for (const DtypeInfo &info : kDtypes) {
    if (name == info.name) {
      dtype = info.dtype;
      return true;
    }
  }
  return false;
}

int64_t attn::runtime::getDtypeSize(attn_dtype dtype) {
  return kDtypes[static_cast<int32_t>(dtype)].size;
}

bool attn::runtime::isIndexDtype(attn_dtype dtype) {
  return dtype == ATTN_DTYPE_I32 || dtype == ATTN_DTYPE_I64;
}

const char *attn::runtime::getCheckKindName(CheckKind kind) {
  switch (kind) {
  case CheckKind::Indptr:
    return "indptr";
  case CheckKind::Range:
    return "range";
  case CheckKind::PageTable:
    return "page_table";
  case CheckKind::BlockTable:
    return "block_table";
  case CheckKind::AppendPositions:
    return "append_positions";
  case CheckKind::SegmentLength:
    return "segment_length";
  case CheckKind::Le:
    return "le";
  }
  return "unknown";
}

int32_t KernelSpec::findArg(std::string_view argName) const {
  for (size_t i = 0; i < args.size(); ++i)
    if (args[i].name == argName)
      return static_cast<int32_t>(i);
  return -1;
}

//===----------------------------------------------------------------------===//
// Reading the JSON
//===----------------------------------------------------------------------===//

namespace {

constexpr const char *kFormatName = "attn-kernel-package";
constexpr const char *kAbiName = "packed-memref";

std::string indexPath(const std::string &path, size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

std::string fieldPath(const std::string &path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

/// Runs `steps` in order and returns the first error.
Status all(std::initializer_list<std::function<Status()>> steps) {
  for (const auto &step : steps)
    if (Status status = step(); !status.ok())
      return status;
  return Status::success();
}

/// Reads a manifest's JSON into a Manifest, stopping at the first problem.
/// `path` arguments are JSON paths such as "kernels[0].args[2]".
class ManifestReader {
public:
  explicit ManifestReader(std::string_view fileName) : fileName(fileName) {}

  Status read(const JsonValue &root, Manifest &manifest);

private:
  std::string fileName;

  Status error(const std::string &path, const std::string &message,
               attn_status code = ATTN_ERROR_PACKAGE_FORMAT) const {
    return Status::error(code, fileName + ": " +
                                   (path.empty() ? "" : path + ": ") + message);
  }

  // Fields of an object. `path` is the object's path.
  Status getField(const JsonValue &object, const std::string &path,
                  const char *key, const JsonValue *&field) const;
  Status getString(const JsonValue &object, const std::string &path,
                   const char *key, std::string &out) const;
  Status getName(const JsonValue &object, const std::string &path,
                 const char *key, std::string &out) const;
  Status getArray(const JsonValue &object, const std::string &path,
                  const char *key, const JsonValue *&array) const;
  Status typeError(const std::string &path, const char *expected,
                   const JsonValue &value) const;

  Status readTarget(const JsonValue &root, Manifest &manifest) const;
  Status readBinary(const JsonValue &root, Manifest &manifest) const;
  Status readKernel(const JsonValue &json, const std::string &path,
                    Target target, KernelSpec &kernel) const;
  Status readArg(const JsonValue &json, const std::string &path,
                 ArgSpec &arg) const;
  Status readShape(const JsonValue &json, const std::string &path,
                   ArgSpec &arg) const;
  Status readSizeExpr(const JsonValue &value, const std::string &path,
                      SizeExpr &expr) const;
  Status readSizeExprField(const JsonValue &object, const std::string &path,
                           const char *key, const KernelSpec &kernel,
                           SizeExpr &expr) const;
  Status readGrid(const JsonValue &json, const std::string &path,
                  const KernelSpec &kernel,
                  std::array<SizeExpr, 3> &grid) const;
  Status checkCpuGrid(const KernelSpec &kernel, const std::string &path) const;
  Status readCheck(const JsonValue &json, const std::string &path,
                   const KernelSpec &kernel, CheckSpec &check) const;
  Status readCheckArg(const JsonValue &json, const std::string &path,
                      const char *key, const KernelSpec &kernel,
                      int32_t requiredRank, int32_t &index) const;
  Status validateDimRefs(const SizeExpr &expr, const std::string &path,
                         const KernelSpec &kernel) const;
};

Status ManifestReader::typeError(const std::string &path, const char *expected,
                                 const JsonValue &value) const {
  return error(path, std::string("expected ") + expected + ", got " +
                         value.describeKind());
}

Status ManifestReader::getField(const JsonValue &object,
                                const std::string &path, const char *key,
                                const JsonValue *&field) const {
  field = object.get(key);
  if (!field)
    return error(path, std::string("missing required field '") + key + "'");
  return Status::success();
}

Status ManifestReader::getString(const JsonValue &object,
                                 const std::string &path, const char *key,
                                 std::string &out) const {
  const JsonValue *field;
  if (Status status = getField(object, path, key, field); !status.ok())
    return status;
  if (!field->isString())
    return typeError(fieldPath(path, key), "a string", *field);
  if (field->string.find('\0') != std::string::npos)
    return error(fieldPath(path, key), "contains a NUL character");
  out = field->string;
  return Status::success();
}

Status ManifestReader::getName(const JsonValue &object, const std::string &path,
                               const char *key, std::string &out) const {
  if (Status status = getString(object, path, key, out); !status.ok())
    return status;
  if (out.empty())
    return error(fieldPath(path, key), "must not be empty");
  return Status::success();
}

Status ManifestReader::getArray(const JsonValue &object,
                                const std::string &path, const char *key,
                                const JsonValue *&array) const {
  if (Status status = getField(object, path, key, array); !status.ok())
    return status;
  if (!array->isArray())
    return typeError(fieldPath(path, key), "an array", *array);
  return Status::success();
}

Status ManifestReader::read(const JsonValue &root, Manifest &manifest) {
  if (!root.isObject())
    return typeError("", "a JSON object at the top level", root);

  std::string format;
  if (Status status = getString(root, "", "format", format); !status.ok())
    return status;
  if (format != kFormatName)
    return error("format", "expected \"" + std::string(kFormatName) +
                               "\", got \"" + format + "\"");

  // The version comes before every other field: a newer package may have
  // changed them.
  const JsonValue *version;
  if (Status status = getField(root, "", "version", version); !status.ok())
    return status;
  if (!version->isInteger())
    return typeError("version", "an integer", *version);
  if (version->integer != ATTN_PACKAGE_FORMAT_VERSION)
    return error("version", "unsupported package format version " +
                                std::to_string(version->integer) +
                                " (this runtime reads version " +
                                std::to_string(ATTN_PACKAGE_FORMAT_VERSION) +
                                ")");
  manifest.version = version->integer;

  if (Status status = getString(root, "", "compiler", manifest.compiler);
      !status.ok())
    return status;
  if (Status status = readTarget(root, manifest); !status.ok())
    return status;
  if (Status status = readBinary(root, manifest); !status.ok())
    return status;

  const JsonValue *kernels;
  if (Status status = getArray(root, "", "kernels", kernels); !status.ok())
    return status;
  if (kernels->array.empty())
    return error("kernels", "a package needs at least one kernel");
  manifest.kernels.resize(kernels->array.size());
  for (size_t i = 0; i < kernels->array.size(); ++i) {
    std::string path = indexPath("kernels", i);
    if (Status status = readKernel(kernels->array[i], path, manifest.target,
                                   manifest.kernels[i]);
        !status.ok())
      return status;
    for (size_t j = 0; j < i; ++j)
      if (manifest.kernels[j].name == manifest.kernels[i].name)
        return error(path + ".name", "duplicate kernel name '" +
                                         manifest.kernels[i].name + "'");
  }
  return Status::success();
}

Status ManifestReader::readTarget(const JsonValue &root,
                                  Manifest &manifest) const {
  std::string target;
  if (Status status = getString(root, "", "target", target); !status.ok())
    return status;
  // A target added after this runtime was built is a valid package that
  // this runtime cannot run, not a malformed one.
  if (!parseTarget(target, manifest.target))
    return error("target",
                 "unknown target '" + target +
                     "' (this runtime knows cpu, cuda and hip)",
                 ATTN_ERROR_UNSUPPORTED);
  return Status::success();
}

Status ManifestReader::readBinary(const JsonValue &root,
                                  Manifest &manifest) const {
  if (Status status = getName(root, "", "binary", manifest.binary);
      !status.ok())
    return status;
  const std::string &binary = manifest.binary;
  if (binary.find('/') != std::string::npos || binary == "." || binary == "..")
    return error("binary", "'" + binary +
                               "' must be a file name in the package "
                               "directory, without '/'");
  return Status::success();
}

Status ManifestReader::readKernel(const JsonValue &json,
                                  const std::string &path, Target target,
                                  KernelSpec &kernel) const {
  if (!json.isObject())
    return typeError(path, "an object", json);
  if (Status status = getName(json, path, "name", kernel.name); !status.ok())
    return status;
  if (Status status = getName(json, path, "symbol", kernel.symbol);
      !status.ok())
    return status;
  std::string abi;
  if (Status status = getString(json, path, "abi", abi); !status.ok())
    return status;
  if (abi != kAbiName)
    return error(path + ".abi", "unknown ABI '" + abi +
                                    "' (this runtime knows " + kAbiName + ")");

  const JsonValue *args;
  if (Status status = getArray(json, path, "args", args); !status.ok())
    return status;
  kernel.args.resize(args->array.size());
  for (size_t i = 0; i < args->array.size(); ++i) {
    std::string argPath = indexPath(path + ".args", i);
    if (Status status = readArg(args->array[i], argPath, kernel.args[i]);
        !status.ok())
      return status;
    for (size_t j = 0; j < i; ++j)
      if (kernel.args[j].name == kernel.args[i].name)
        return error(argPath + ".name",
                     "duplicate argument name '" + kernel.args[i].name + "'");
  }

  // Size expressions may refer to any buffer, also to later ones: resolve
  // names once every argument is known.
  for (size_t i = 0; i < kernel.args.size(); ++i) {
    const ArgSpec &arg = kernel.args[i];
    for (size_t d = 0; d < arg.shape.size(); ++d) {
      if (!arg.shape[d].expr)
        continue;
      std::string dimPath =
          indexPath(indexPath(path + ".args", i) + ".shape", d);
      if (Status status = validateDimRefs(*arg.shape[d].expr, dimPath, kernel);
          !status.ok())
        return status;
    }
  }

  const JsonValue *grid;
  if (Status status = getArray(json, path, "grid", grid); !status.ok())
    return status;
  if (Status status = readGrid(*grid, path + ".grid", kernel, kernel.grid);
      !status.ok())
    return status;
  if (target == Target::Cpu) {
    if (Status status = checkCpuGrid(kernel, path + ".grid"); !status.ok())
      return status;
  }
  if (const JsonValue *block = json.get("block")) {
    kernel.block.emplace();
    if (Status status =
            readGrid(*block, path + ".block", kernel, *kernel.block);
        !status.ok())
      return status;
  }
  if (json.get("shared_bytes")) {
    kernel.sharedBytes.emplace();
    if (Status status = readSizeExprField(json, path, "shared_bytes", kernel,
                                          *kernel.sharedBytes);
        !status.ok())
      return status;
  }

  // `checks` may be left out when there are none.
  const JsonValue *checks = json.get("checks");
  if (!checks)
    return Status::success();
  if (!checks->isArray())
    return typeError(path + ".checks", "an array", *checks);
  kernel.checks.resize(checks->array.size());
  for (size_t i = 0; i < checks->array.size(); ++i) {
    if (Status status =
            readCheck(checks->array[i], indexPath(path + ".checks", i), kernel,
                      kernel.checks[i]);
        !status.ok())
      return status;
  }
  return Status::success();
}

Status ManifestReader::readArg(const JsonValue &json, const std::string &path,
                               ArgSpec &arg) const {
  if (!json.isObject())
    return typeError(path, "an object", json);
  if (Status status = getName(json, path, "name", arg.name); !status.ok())
    return status;

  std::string kind;
  if (Status status = getString(json, path, "kind", kind); !status.ok())
    return status;
  if (kind == "buffer")
    arg.kind = ATTN_ARG_BUFFER;
  else if (kind == "scalar")
    arg.kind = ATTN_ARG_SCALAR;
  else
    return error(path + ".kind",
                 "unknown kind '" + kind + "' (expected buffer or scalar)");

  std::string dtype;
  if (Status status = getString(json, path, "dtype", dtype); !status.ok())
    return status;
  if (!parseDtype(dtype, arg.dtype))
    return error(path + ".dtype", "unknown dtype '" + dtype + "'");

  if (!arg.isBuffer()) {
    // The packed-memref ABI passes a scalar as a C value; this runtime has
    // no conversion from attn_arg::f64 to the 16- and 8-bit float formats.
    switch (arg.dtype) {
    case ATTN_DTYPE_F16:
    case ATTN_DTYPE_BF16:
    case ATTN_DTYPE_F8E4M3FN:
      return error(path + ".dtype",
                   "scalar arguments of dtype " + dtype +
                       " are not supported by this runtime (use f32 or f64)",
                   ATTN_ERROR_UNSUPPORTED);
    default:
      return Status::success(); // `shape` and `access` are for buffers
    }
  }

  std::string access;
  if (Status status = getString(json, path, "access", access); !status.ok())
    return status;
  if (access == "read")
    arg.access = ATTN_ACCESS_READ;
  else if (access == "write")
    arg.access = ATTN_ACCESS_WRITE;
  else if (access == "readwrite")
    arg.access = ATTN_ACCESS_READWRITE;
  else
    return error(path + ".access", "unknown access '" + access +
                                       "' (expected read, write or readwrite)");
  return readShape(json, path, arg);
}

Status ManifestReader::readShape(const JsonValue &json, const std::string &path,
                                 ArgSpec &arg) const {
  const JsonValue *shape;
  if (Status status = getArray(json, path, "shape", shape); !status.ok())
    return status;
  arg.shape.resize(shape->array.size());
  for (size_t d = 0; d < shape->array.size(); ++d) {
    const JsonValue &entry = shape->array[d];
    std::string dimPath = indexPath(path + ".shape", d);
    DimSpec &dim = arg.shape[d];
    if (entry.isInteger()) {
      if (entry.integer < -1)
        return error(dimPath,
                     "invalid static size " + std::to_string(entry.integer) +
                         " (expected -1 for any size, or a size >= 0)");
      dim.staticSize = entry.integer;
      continue;
    }
    if (!entry.isString())
      return typeError(dimPath, "an integer or a size expression string",
                       entry);
    dim.expr.emplace();
    if (Status status = readSizeExpr(entry, dimPath, *dim.expr); !status.ok())
      return status;
  }
  return Status::success();
}

Status ManifestReader::readSizeExpr(const JsonValue &value,
                                    const std::string &path,
                                    SizeExpr &expr) const {
  if (value.isInteger()) {
    expr = SizeExpr::constant(value.integer);
    return Status::success();
  }
  if (!value.isString())
    return typeError(path, "an integer or a size expression string", value);
  std::string message;
  if (!SizeExpr::parse(value.string, expr, message))
    return error(path,
                 "invalid size expression '" + value.string + "': " + message);
  return Status::success();
}

Status ManifestReader::readSizeExprField(const JsonValue &object,
                                         const std::string &path,
                                         const char *key,
                                         const KernelSpec &kernel,
                                         SizeExpr &expr) const {
  const JsonValue *field;
  if (Status status = getField(object, path, key, field); !status.ok())
    return status;
  std::string exprPath = fieldPath(path, key);
  if (Status status = readSizeExpr(*field, exprPath, expr); !status.ok())
    return status;
  return validateDimRefs(expr, exprPath, kernel);
}

Status ManifestReader::readGrid(const JsonValue &json, const std::string &path,
                                const KernelSpec &kernel,
                                std::array<SizeExpr, 3> &grid) const {
  if (!json.isArray())
    return typeError(path, "an array", json);
  if (json.array.size() != 3)
    return error(path, "expected 3 size expressions, got " +
                           std::to_string(json.array.size()));
  for (size_t i = 0; i < 3; ++i) {
    std::string entryPath = indexPath(path, i);
    if (Status status = readSizeExpr(json.array[i], entryPath, grid[i]);
        !status.ok())
      return status;
    if (Status status = validateDimRefs(grid[i], entryPath, kernel);
        !status.ok())
      return status;
  }
  return Status::success();
}

Status ManifestReader::checkCpuGrid(const KernelSpec &kernel,
                                    const std::string &path) const {
  bool allOnes = true;
  std::string found;
  for (size_t i = 0; i < 3; ++i) {
    const SizeExpr &expr = kernel.grid[i];
    found += (i ? ", " : "") + expr.getText();
    int64_t value = 0;
    std::string message;
    if (expr.isConstant() && !expr.evaluate(EmptySizeEnv(), value, message))
      return error(indexPath(path, i),
                   "size expression '" + expr.getText() + "': " + message);
    allOnes &= expr.isConstant() && value == 1;
  }
  if (!allOnes)
    return error(path, "the CPU runs a kernel as one call, so a cpu kernel's "
                       "grid must be [1, 1, 1], got [" +
                           found + "]");
  return Status::success();
}

Status ManifestReader::validateDimRefs(const SizeExpr &expr,
                                       const std::string &path,
                                       const KernelSpec &kernel) const {
  for (const SizeExpr::DimRef &ref : expr.getDimRefs()) {
    std::string prefix = "size expression '" + expr.getText() +
                         "' refers to '" + ref.name + "." +
                         std::to_string(ref.dim) + "', but ";
    int32_t index = kernel.findArg(ref.name);
    if (index < 0)
      return error(path, prefix + "kernel '" + kernel.name +
                             "' has no argument '" + ref.name + "'");
    const ArgSpec &arg = kernel.args[index];
    if (!arg.isBuffer())
      return error(path, prefix + "'" + ref.name + "' is a scalar");
    if (ref.dim >= arg.getRank())
      return error(path, prefix + "'" + ref.name + "' has rank " +
                             std::to_string(arg.getRank()));
  }
  return Status::success();
}

Status ManifestReader::readCheckArg(const JsonValue &json,
                                    const std::string &path, const char *key,
                                    const KernelSpec &kernel,
                                    int32_t requiredRank,
                                    int32_t &index) const {
  std::string name;
  if (Status status = getName(json, path, key, name); !status.ok())
    return status;
  std::string argPath = fieldPath(path, key);
  index = kernel.findArg(name);
  if (index < 0)
    return error(argPath,
                 "kernel '" + kernel.name + "' has no argument '" + name + "'");
  const ArgSpec &arg = kernel.args[index];
  if (!arg.isBuffer())
    return error(argPath, "'" + name + "' is a scalar; checks read buffers");
  if (!isIndexDtype(arg.dtype))
    return error(argPath, "'" + name + "' has dtype " +
                              getDtypeName(arg.dtype) +
                              "; index metadata must be i32 or i64");
  if (requiredRank >= 0 && arg.getRank() != requiredRank)
    return error(argPath, "'" + name + "' has rank " +
                              std::to_string(arg.getRank()) +
                              "; the check reads a rank-" +
                              std::to_string(requiredRank) + " buffer");
  return Status::success();
}

Status ManifestReader::readCheck(const JsonValue &json, const std::string &path,
                                 const KernelSpec &kernel,
                                 CheckSpec &check) const {
  if (!json.isObject())
    return typeError(path, "an object", json);
  std::string kind;
  if (Status status = getString(json, path, "kind", kind); !status.ok())
    return status;

  auto argField = [&](const char *key, int32_t rank, int32_t &index) {
    return readCheckArg(json, path, key, kernel, rank, index);
  };
  auto exprField = [&](const char *key, SizeExpr &expr) {
    return readSizeExprField(json, path, key, kernel, expr);
  };

  if (kind == "indptr") {
    check.kind = CheckKind::Indptr;
    return all({[&] { return argField("arg", 1, check.arg); },
                [&] { return exprField("max", check.max); }});
  }
  if (kind == "range") {
    check.kind = CheckKind::Range;
    Status required =
        all({[&] { return argField("arg", /*any rank*/ -1, check.arg); },
             [&] { return exprField("min", check.min); },
             [&] { return exprField("max", check.max); }});
    if (!required.ok())
      return required;
    if (json.get("by_indptr")) {
      if (Status status = argField("by_indptr", 1, check.byIndptr);
          !status.ok())
        return status;
    }
    if (const JsonValue *skip = json.get("skip_negative")) {
      if (!skip->isBool())
        return typeError(path + ".skip_negative", "a boolean", *skip);
      check.skipNegative = skip->boolean;
    }
    return Status::success();
  }
  if (kind == "page_table") {
    check.kind = CheckKind::PageTable;
    return all({[&] { return argField("indptr", 1, check.indptr); },
                [&] { return argField("last_page_len", 1, check.lastPageLen); },
                [&] { return exprField("page_size", check.pageSize); }});
  }
  if (kind == "block_table") {
    check.kind = CheckKind::BlockTable;
    return all({[&] { return argField("block_tables", 2, check.blockTables); },
                [&] { return argField("context_lens", 1, check.contextLens); },
                [&] { return exprField("block_size", check.blockSize); },
                [&] { return exprField("num_blocks", check.numBlocks); }});
  }
  if (kind == "append_positions") {
    check.kind = CheckKind::AppendPositions;
    return all(
        {[&] { return argField("batch_indices", 1, check.batchIndices); },
         [&] { return argField("positions", 1, check.positions); },
         [&] { return argField("indptr", 1, check.indptr); },
         [&] { return exprField("page_size", check.pageSize); }});
  }
  if (kind == "segment_length") {
    check.kind = CheckKind::SegmentLength;
    return all({[&] { return argField("arg", 1, check.arg); },
                [&] { return exprField("max", check.max); }});
  }
  if (kind == "le") {
    check.kind = CheckKind::Le;
    return all({[&] { return exprField("lhs", check.lhs); },
                [&] { return exprField("rhs", check.rhs); }});
  }
  return error(path + ".kind",
               "unknown check kind '" + kind +
                   "' (this runtime knows indptr, range, page_table, "
                   "block_table, append_positions, segment_length and le)");
}

} // namespace

Status attn::runtime::parseManifest(std::string_view text,
                                    std::string_view fileName,
                                    Manifest &manifest) {
  manifest = Manifest();
  JsonValue root;
  JsonError jsonError;
  if (!parseJson(text, root, jsonError))
    return Status::error(ATTN_ERROR_PACKAGE_FORMAT,
                         std::string(fileName) +
                             ": invalid JSON: " + jsonError.str());
  return ManifestReader(fileName).read(root, manifest);
}
