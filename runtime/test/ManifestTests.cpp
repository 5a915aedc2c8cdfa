//===- ManifestTests.cpp - Loading valid and malformed manifests ----------===//

#include "TestSupport.h"

using namespace test;

/// Loading `manifest` fails with `status` and a message containing
/// `substring`.
#define CHECK_LOAD_ERROR(manifest, status, substring)                          \
  do {                                                                         \
    attn_package *package_ = nullptr;                                          \
    CHECK_ERROR(attn_package_load(writePackage(manifest).c_str(), &package_),  \
                status, substring);                                            \
    CHECK(package_ == nullptr);                                                \
    attn_package_destroy(package_);                                            \
  } while (0)

#define CHECK_FORMAT_ERROR(manifest, substring)                                \
  CHECK_LOAD_ERROR(manifest, ATTN_ERROR_PACKAGE_FORMAT, substring)

namespace {

std::string axpyManifest() { return makeManifest(kAxpyKernel); }

/// The axpy kernel with `from` replaced by `to`.
std::string axpyWith(const std::string &from, const std::string &to) {
  return makeManifest(replaceFirst(kAxpyKernel, from, to));
}

/// A kernel of flag_attn_entry with extra arguments and `checks`.
std::string checkKernel(const std::string &extraArgs,
                        const std::string &checks) {
  return makeManifest(R"({"name": "k", "symbol": "flag_attn_entry",
    "abi": "packed-memref", "grid": [1, 1, 1],
    "args": [
      {"name": "flag", "kind": "buffer", "dtype": "i32", "shape": [1], "access": "write"},
      {"name": "cache", "kind": "buffer", "dtype": "f32", "shape": [-1, 4], "access": "read"},
      {"name": "scale", "kind": "scalar", "dtype": "f32"},
      {"name": "indptr", "kind": "buffer", "dtype": "i32", "shape": [-1], "access": "read"},
      {"name": "table", "kind": "buffer", "dtype": "i64", "shape": [-1, -1], "access": "read"})" +
                      extraArgs + R"(],
    "checks": [)" + checks +
                      "]}");
}

} // namespace

TEST(ManifestValid) {
  Package package(
      makeManifest(std::string(kAxpyKernel) + ", " + kGatherKernel));
  CHECK_OK(package.getStatus());
  CHECK_EQ(attn_package_num_kernels(package.get()), 2);
}

TEST(ManifestOptionalAndUnknownFields) {
  // `checks` may be absent; unknown fields are ignored; `block` and
  // `shared_bytes` are read (and unused) on the cpu.
  std::string kernel = replaceFirst(kAxpyKernel, R"("checks": [])",
                                    R"("block": [1, 1, "x.0"],
                                       "shared_bytes": "4 * x.0",
                                       "future_field": {"a": [1, 2]})");
  std::string manifest = replaceFirst(makeManifest(kernel), R"("compiler")",
                                      R"("also_new": true, "compiler")");
  Package package(manifest);
  CHECK_OK(package.getStatus());
  // Scalars need neither shape nor access.
  Package scalar(makeManifest(R"j({"name": "n", "symbol": "nothing_attn_entry",
    "abi": "packed-memref", "grid": ["1", "2 - 1", "ceildiv(3, 3)"],
    "args": [{"name": "s", "kind": "scalar", "dtype": "i64"}]})j"));
  CHECK_OK(scalar.getStatus());
}

TEST(ManifestInvalidJson) {
  std::string manifest =
      replaceFirst(axpyManifest(), "\"version\": 1,", "\"version\": 1");
  CHECK_FORMAT_ERROR(manifest, "/manifest.json: invalid JSON: line 4, column 3 "
                               "(byte ");
  CHECK_FORMAT_ERROR(manifest, "expected ',' or '}' in an object, found '\"'");
  CHECK_FORMAT_ERROR("", "manifest.json: invalid JSON: line 1, column 1 (byte "
                         "0): expected a value, found end of input");
  CHECK_FORMAT_ERROR("[]", "manifest.json: expected a JSON object at the top "
                           "level, got an array");
}

TEST(ManifestFormatAndVersion) {
  CHECK_FORMAT_ERROR(
      replaceFirst(axpyManifest(), "attn-kernel-package", "other-package"),
      "manifest.json: format: expected "
      "\"attn-kernel-package\", got \"other-package\"");
  CHECK_FORMAT_ERROR(makeManifest(kAxpyKernel, "\"cpu\"", "2"),
                     "manifest.json: version: unsupported package format "
                     "version 2 (this runtime reads version 1)");
  CHECK_FORMAT_ERROR(makeManifest(kAxpyKernel, "\"cpu\"", "\"1\""),
                     "manifest.json: version: expected an integer, got a "
                     "string");
  CHECK_FORMAT_ERROR(makeManifest(kAxpyKernel, "\"cpu\"", "1.0"),
                     "version: expected an integer, got a number");
  // The version is read before fields a newer format may have changed.
  CHECK_FORMAT_ERROR(makeManifest("{}", "\"cpu\"", "3"),
                     "unsupported package format version 3");
}

TEST(ManifestMissingFields) {
  CHECK_FORMAT_ERROR(
      replaceFirst(axpyManifest(), "\"compiler\": \"attn-runtime-tests\",", ""),
      "manifest.json: missing required field 'compiler'");
  CHECK_FORMAT_ERROR(
      replaceFirst(axpyManifest(), "\"binary\": \"kernels.so\",", ""),
      "manifest.json: missing required field 'binary'");
  CHECK_FORMAT_ERROR(axpyWith("\"symbol\": \"axpy_attn_entry\",", ""),
                     "manifest.json: kernels[0]: missing required field "
                     "'symbol'");
  CHECK_FORMAT_ERROR(axpyWith("\"grid\": [1, 1, 1],", ""),
                     "kernels[0]: missing required field 'grid'");
  CHECK_FORMAT_ERROR(axpyWith("\"dtype\": \"f32\", \"shape\": [\"x.0\"]",
                              "\"shape\": [\"x.0\"]"),
                     "kernels[0].args[1]: missing required field 'dtype'");
  CHECK_FORMAT_ERROR(axpyWith(", \"access\": \"write\"", ""),
                     "kernels[0].args[2]: missing required field 'access'");
  CHECK_FORMAT_ERROR(axpyWith("\"shape\": [-1], ", ""),
                     "kernels[0].args[0]: missing required field 'shape'");
}

TEST(ManifestWrongTypesAndValues) {
  CHECK_FORMAT_ERROR(axpyWith("\"name\": \"out\", \"kind\": \"buffer\", "
                              "\"dtype\": \"f32\"",
                              "\"name\": \"out\", \"kind\": \"buffer\", "
                              "\"dtype\": \"f17\""),
                     "manifest.json: kernels[0].args[2].dtype: unknown dtype "
                     "'f17'");
  CHECK_FORMAT_ERROR(axpyWith("\"dtype\": \"f32\"", "\"dtype\": 32"),
                     "kernels[0].args[0].dtype: expected a string, got an "
                     "integer");
  CHECK_FORMAT_ERROR(axpyWith("\"kind\": \"buffer\"", "\"kind\": \"tensor\""),
                     "kernels[0].args[0].kind: unknown kind 'tensor' (expected "
                     "buffer or scalar)");
  CHECK_FORMAT_ERROR(axpyWith("\"access\": \"write\"", "\"access\": \"rw\""),
                     "kernels[0].args[2].access: unknown access 'rw' (expected "
                     "read, write or readwrite)");
  CHECK_FORMAT_ERROR(axpyWith("\"shape\": [-1]", "\"shape\": [-2]"),
                     "kernels[0].args[0].shape[0]: invalid static size -2 "
                     "(expected -1 for any size, or a size >= 0)");
  CHECK_FORMAT_ERROR(axpyWith("\"shape\": [-1]", "\"shape\": [true]"),
                     "kernels[0].args[0].shape[0]: expected an integer or a "
                     "size expression string, got a boolean");
  CHECK_FORMAT_ERROR(axpyWith("\"shape\": [-1]", "\"shape\": -1"),
                     "kernels[0].args[0].shape: expected an array, got an "
                     "integer");
  CHECK_FORMAT_ERROR(axpyWith("\"args\": [", "\"args\": [3, "),
                     "kernels[0].args[0]: expected an object, got an integer");
  CHECK_FORMAT_ERROR(axpyWith("\"name\": \"y\"", "\"name\": \"x\""),
                     "kernels[0].args[1].name: duplicate argument name 'x'");
  CHECK_FORMAT_ERROR(axpyWith("\"name\": \"x\"", "\"name\": \"\""),
                     "kernels[0].args[0].name: must not be empty");
  CHECK_FORMAT_ERROR(axpyWith("\"axpy_attn_entry\"", "\"axpy\\u0000x\""),
                     "kernels[0].symbol: contains a NUL character");
  CHECK_FORMAT_ERROR(
      axpyWith("\"abi\": \"packed-memref\"", "\"abi\": \"unpacked\""),
      "kernels[0].abi: unknown ABI 'unpacked' (this runtime "
      "knows packed-memref)");
}

TEST(ManifestTopLevel) {
  CHECK_FORMAT_ERROR(makeManifest(""),
                     "manifest.json: kernels: a package needs at least one "
                     "kernel");
  CHECK_FORMAT_ERROR(replaceFirst(axpyManifest(), "\"kernels\": [",
                                  "\"kernels\": 5, \"old_kernels\": ["),
                     "manifest.json: kernels: expected an array, got an "
                     "integer");
  CHECK_FORMAT_ERROR(makeManifest(std::string(kAxpyKernel) + "," + kAxpyKernel),
                     "manifest.json: kernels[1].name: duplicate kernel name "
                     "'axpy'");
  CHECK_FORMAT_ERROR(
      replaceFirst(axpyManifest(), "\"kernels.so\"", "\"../kernels.so\""),
      "manifest.json: binary: '../kernels.so' must be a file "
      "name in the package directory, without '/'");
  CHECK_FORMAT_ERROR(replaceFirst(axpyManifest(), "\"kernels.so\"", "\"\""),
                     "manifest.json: binary: must not be empty");
  CHECK_LOAD_ERROR(makeManifest(kAxpyKernel, "\"metal\""),
                   ATTN_ERROR_UNSUPPORTED,
                   "manifest.json: target: unknown target 'metal' (this "
                   "runtime knows cpu, cuda and hip)");
  CHECK_FORMAT_ERROR(makeManifest(kAxpyKernel, "7"),
                     "manifest.json: target: expected a string, got an "
                     "integer");
}

TEST(ManifestSizeExpressions) {
  CHECK_FORMAT_ERROR(axpyWith("\"shape\": [\"x.0\"]", "\"shape\": [\"x.0 +\"]"),
                     "manifest.json: kernels[0].args[1].shape[0]: invalid "
                     "size expression 'x.0 +': expected a number, NAME.INT, "
                     "ceildiv/min/max(...) or '(', found end of expression");
  CHECK_FORMAT_ERROR(axpyWith("\"shape\": [\"x.0\"]", "\"shape\": [\"z.0\"]"),
                     "kernels[0].args[1].shape[0]: size expression 'z.0' "
                     "refers to 'z.0', but kernel 'axpy' has no argument 'z'");
  CHECK_FORMAT_ERROR(axpyWith("\"shape\": [\"x.0\"]", "\"shape\": [\"x.1\"]"),
                     "kernels[0].args[1].shape[0]: size expression 'x.1' "
                     "refers to 'x.1', but 'x' has rank 1");
  // Later arguments may be referred to.
  Package forward(makeManifest(
      replaceFirst(kAxpyKernel, "\"shape\": [-1]", "\"shape\": [\"out.0\"]")));
  CHECK_OK(forward.getStatus());
  CHECK_FORMAT_ERROR(checkKernel(R"(, {"name": "o", "kind": "buffer",
                                   "dtype": "f32", "shape": ["scale.0"],
                                   "access": "write"})",
                                 ""),
                     "kernels[0].args[5].shape[0]: size expression 'scale.0' "
                     "refers to 'scale.0', but 'scale' is a scalar");
}

TEST(ManifestCpuGrid) {
  CHECK_FORMAT_ERROR(axpyWith("\"grid\": [1, 1, 1]", "\"grid\": [2, 1, 1]"),
                     "manifest.json: kernels[0].grid: the CPU runs a kernel "
                     "as one call, so a cpu kernel's grid must be [1, 1, 1], "
                     "got [2, 1, 1]");
  CHECK_FORMAT_ERROR(
      axpyWith("\"grid\": [1, 1, 1]", "\"grid\": [\"x.0\", 1, 1]"),
      "cpu kernel's grid must be [1, 1, 1], got [x.0, 1, 1]");
  CHECK_FORMAT_ERROR(axpyWith("\"grid\": [1, 1, 1]", "\"grid\": [1, 1]"),
                     "kernels[0].grid: expected 3 size expressions, got 2");
  CHECK_FORMAT_ERROR(
      axpyWith("\"grid\": [1, 1, 1]", "\"grid\": [\"1 / 0\", 1, 1]"),
      "kernels[0].grid[0]: size expression '1 / 0': division "
      "by zero (1 / 0)");
  CHECK_FORMAT_ERROR(
      axpyWith("\"grid\": [1, 1, 1]", "\"grid\": [1, 1, \"q.0\"]"),
      "kernels[0].grid[2]: size expression 'q.0' refers to "
      "'q.0', but kernel 'axpy' has no argument 'q'");
}

TEST(ManifestScalars) {
  CHECK_LOAD_ERROR(makeManifest(R"({"name": "n", "symbol": "nothing_attn_entry",
    "abi": "packed-memref", "grid": [1, 1, 1],
    "args": [{"name": "s", "kind": "scalar", "dtype": "bf16"}]})"),
                   ATTN_ERROR_UNSUPPORTED,
                   "kernels[0].args[0].dtype: scalar arguments of dtype bf16 "
                   "are not supported by this runtime (use f32 or f64)");
}

TEST(ManifestChecks) {
  CHECK_FORMAT_ERROR(checkKernel("", R"({"kind": "sorted", "arg": "indptr"})"),
                     "manifest.json: kernels[0].checks[0].kind: unknown check "
                     "kind 'sorted' (this runtime knows indptr, range, "
                     "page_table, block_table, append_positions, "
                     "segment_length and le)");
  CHECK_FORMAT_ERROR(checkKernel("", R"({"arg": "indptr", "max": 4})"),
                     "kernels[0].checks[0]: missing required field 'kind'");
  CHECK_FORMAT_ERROR(checkKernel("", R"({"kind": "indptr", "arg": "indptr"})"),
                     "kernels[0].checks[0]: missing required field 'max'");
  CHECK_FORMAT_ERROR(checkKernel("", R"({"kind": "indptr", "arg": "nope",
                                         "max": 4})"),
                     "kernels[0].checks[0].arg: kernel 'k' has no argument "
                     "'nope'");
  CHECK_FORMAT_ERROR(checkKernel("", R"({"kind": "indptr", "arg": "scale",
                                         "max": 4})"),
                     "kernels[0].checks[0].arg: 'scale' is a scalar; checks "
                     "read buffers");
  CHECK_FORMAT_ERROR(checkKernel("", R"({"kind": "range", "arg": "cache",
                                         "min": 0, "max": 4})"),
                     "kernels[0].checks[0].arg: 'cache' has dtype f32; index "
                     "metadata must be i32 or i64");
  CHECK_FORMAT_ERROR(checkKernel("", R"({"kind": "indptr", "arg": "table",
                                         "max": 4})"),
                     "kernels[0].checks[0].arg: 'table' has rank 2; the check "
                     "reads a rank-1 buffer");
  CHECK_FORMAT_ERROR(checkKernel("", R"({"kind": "range", "arg": "table",
                                         "min": 0, "max": 4,
                                         "by_indptr": "table"})"),
                     "kernels[0].checks[0].by_indptr: 'table' has rank 2");
  CHECK_FORMAT_ERROR(checkKernel("", R"({"kind": "range", "arg": "table",
                                         "min": 0, "max": 4,
                                         "skip_negative": 1})"),
                     "kernels[0].checks[0].skip_negative: expected a boolean, "
                     "got an integer");
  CHECK_FORMAT_ERROR(checkKernel("", R"({"kind": "block_table",
                                         "block_tables": "indptr",
                                         "context_lens": "indptr",
                                         "block_size": 4, "num_blocks": 4})"),
                     "kernels[0].checks[0].block_tables: 'indptr' has rank 1; "
                     "the check reads a rank-2 buffer");
  CHECK_FORMAT_ERROR(checkKernel("", R"({"kind": "page_table",
                                         "indptr": "indptr",
                                         "last_page_len": "indptr",
                                         "page_size": "cache.2"})"),
                     "kernels[0].checks[0].page_size: size expression "
                     "'cache.2' refers to 'cache.2', but 'cache' has rank 2");
  CHECK_FORMAT_ERROR(checkKernel("", R"({"kind": "append_positions",
                                         "batch_indices": "indptr",
                                         "positions": "indptr",
                                         "page_size": 4})"),
                     "kernels[0].checks[0]: missing required field 'indptr'");
  CHECK_FORMAT_ERROR(checkKernel("", R"({"kind": "segment_length",
                                         "arg": "table", "max": 4})"),
                     "kernels[0].checks[0].arg: 'table' has rank 2");
  CHECK_FORMAT_ERROR(checkKernel("", R"({"kind": "le", "lhs": "cache.0"})"),
                     "kernels[0].checks[0]: missing required field 'rhs'");
  CHECK_FORMAT_ERROR(checkKernel("", R"({"kind": "le", "lhs": "cache.0",
                                         "rhs": "nope.0"})"),
                     "kernels[0].checks[0].rhs: size expression 'nope.0' "
                     "refers to 'nope.0', but kernel 'k' has no argument "
                     "'nope'");
  CHECK_FORMAT_ERROR(checkKernel("", R"({"kind": "range", "arg": "indptr",
                                         "min": "0 +", "max": 4})"),
                     "kernels[0].checks[0].min: invalid size expression '0 +'");
  // Every kind, well-formed.
  Package package(checkKernel("", R"(
    {"kind": "indptr", "arg": "indptr", "max": "cache.0"},
    {"kind": "range", "arg": "table", "min": 0, "max": "cache.0 - 1",
     "by_indptr": "indptr", "skip_negative": true},
    {"kind": "page_table", "indptr": "indptr", "last_page_len": "indptr",
     "page_size": "cache.1"},
    {"kind": "block_table", "block_tables": "table", "context_lens": "indptr",
     "block_size": "cache.1", "num_blocks": "cache.0"},
    {"kind": "append_positions", "batch_indices": "indptr",
     "positions": "indptr", "indptr": "indptr", "page_size": 4},
    {"kind": "segment_length", "arg": "indptr", "max": "cache.1"},
    {"kind": "le", "lhs": "cache.1", "rhs": 4})"));
  CHECK_OK(package.getStatus());
}
