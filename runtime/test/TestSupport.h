//===- TestSupport.h - A tiny test framework for the runtime ----*- C++ -*-===//
//
// TEST(name) { CHECK(...); } registers a test; TestMain.cpp runs them all,
// prints a summary and exits nonzero on any failure. Helpers write kernel
// packages into a temporary directory around the fake kernel library.
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_RUNTIME_TEST_TESTSUPPORT_H
#define ATTN_RUNTIME_TEST_TESTSUPPORT_H

#include "attn-c/runtime.h"

#include <cstdint>
#include <cstring>
#include <deque>
#include <sstream>
#include <string>
#include <vector>

namespace test {

//===----------------------------------------------------------------------===//
// Framework
//===----------------------------------------------------------------------===//

struct Registrar {
  Registrar(const char *name, void (*function)());
};

void countCheck();
void reportFailure(const char *file, int line, const std::string &message);

template <typename T> std::string toString(const T &value) {
  std::ostringstream stream;
  stream << value;
  return stream.str();
}
inline std::string toString(const char *value) {
  return value ? "\"" + std::string(value) + "\"" : "(null)";
}
inline std::string toString(const std::string &value) {
  return "\"" + value + "\"";
}

std::string statusText(attn_status status);

inline std::string asText(const char *text) { return text ? text : ""; }
inline std::string asText(const std::string &text) { return text; }

} // namespace test

#define TEST(name)                                                             \
  static void test_##name();                                                   \
  static ::test::Registrar registrar_##name(#name, test_##name);               \
  static void test_##name()

#define CHECK(condition)                                                       \
  do {                                                                         \
    ::test::countCheck();                                                      \
    if (!(condition))                                                          \
      ::test::reportFailure(__FILE__, __LINE__, "CHECK(" #condition ")");      \
  } while (0)

#define CHECK_EQ(actual, expected)                                             \
  do {                                                                         \
    ::test::countCheck();                                                      \
    const auto actual_ = (actual);                                             \
    const auto expected_ = (expected);                                         \
    if (!(actual_ == expected_))                                               \
      ::test::reportFailure(__FILE__, __LINE__,                                \
                            "CHECK_EQ(" #actual ", " #expected "): " +         \
                                ::test::toString(actual_) +                    \
                                " != " + ::test::toString(expected_));         \
  } while (0)

/// Checks that `text` (a std::string or const char *) contains `substring`.
#define CHECK_CONTAINS(text, substring)                                        \
  do {                                                                         \
    ::test::countCheck();                                                      \
    std::string text_ = ::test::asText(text);                                  \
    if (text_.find(substring) == std::string::npos)                            \
      ::test::reportFailure(__FILE__, __LINE__,                                \
                            std::string("CHECK_CONTAINS(" #text "): \"") +     \
                                text_ + "\" does not contain \"" +             \
                                (substring) + "\"");                           \
  } while (0)

/// Checks the status of a runtime call.
#define CHECK_STATUS(call, expected)                                           \
  do {                                                                         \
    ::test::countCheck();                                                      \
    attn_status status_ = (call);                                              \
    if (status_ != (expected))                                                 \
      ::test::reportFailure(__FILE__, __LINE__,                                \
                            #call " returned " + ::test::statusText(status_) + \
                                ", expected " + ::test::statusText(expected)); \
  } while (0)

#define CHECK_OK(call) CHECK_STATUS(call, ATTN_OK)

/// Checks a runtime call's error status and that attn_last_error()
/// contains `substring`.
#define CHECK_ERROR(call, expected, substring)                                 \
  do {                                                                         \
    CHECK_STATUS(call, expected);                                              \
    CHECK_CONTAINS(attn_last_error(), substring);                              \
  } while (0)

namespace test {

//===----------------------------------------------------------------------===//
// Packages
//===----------------------------------------------------------------------===//

/// The fake kernel library (fake_kernel.c).
const std::string &getFakeKernelsPath();

/// A new, empty directory under the test's temporary root.
std::string makeTempDir(const std::string &hint);

/// Writes `contents` to `path`.
void writeFile(const std::string &path, const std::string &contents);

/// Writes a package directory holding `manifest` as manifest.json and, if
/// `binary` is not empty, a copy of the fake kernels under that name.
std::string writePackage(const std::string &manifest,
                         const std::string &binary = "kernels.so");

/// A complete manifest around a comma-separated list of kernel objects.
std::string makeManifest(const std::string &kernels,
                         const std::string &target = "\"cpu\"",
                         const std::string &version = "1");

/// `text` with the first occurrence of `from` replaced by `to`; a test
/// failure if there is none.
std::string replaceFirst(std::string text, const std::string &from,
                         const std::string &to);

/// Loads a package written from `manifest`; destroys it at scope exit.
class Package {
public:
  explicit Package(const std::string &manifest);
  ~Package();
  Package(const Package &) = delete;
  Package &operator=(const Package &) = delete;

  attn_status getStatus() const { return status; }
  attn_package *get() const { return package; }
  /// The kernel `name`, or null (a test failure) if there is none.
  attn_kernel *kernel(const char *name) const;

private:
  attn_package *package = nullptr;
  attn_status status;
};

//===----------------------------------------------------------------------===//
// Arguments
//===----------------------------------------------------------------------===//

/// Launch arguments; owns the shapes they point to.
class ArgList {
public:
  ArgList() = default;
  ArgList(ArgList &&) = default;
  ArgList(const ArgList &) = delete; // the shapes would be shared
  ArgList &operator=(const ArgList &) = delete;

  ArgList &buffer(attn_dtype dtype, void *data, std::vector<int64_t> shape);
  ArgList &integer(attn_dtype dtype, int64_t value);
  ArgList &floating(attn_dtype dtype, double value);

  attn_arg &operator[](size_t index) { return args[index]; }
  attn_arg *data() { return args.data(); }
  int32_t size() const { return static_cast<int32_t>(args.size()); }

private:
  std::vector<attn_arg> args;
  std::deque<std::vector<int64_t>> shapes;
};

/// Launches with options {checked, null stream}.
attn_status launch(attn_kernel *kernel, ArgList &args, bool checked = true);

/// Stores a raw int in an enum field, as a C caller could.
template <typename Enum> void setRawEnum(Enum &field, int32_t value) {
  static_assert(sizeof(Enum) == sizeof(int32_t), "enums are int-sized");
  std::memcpy(&field, &value, sizeof(value));
}

//===----------------------------------------------------------------------===//
// Kernels of the fake kernel library, as manifest entries
//===----------------------------------------------------------------------===//

/// out = 2 * x + y over f32 [n].
inline const char *const kAxpyKernel = R"({
  "name": "axpy", "symbol": "axpy_attn_entry", "abi": "packed-memref",
  "args": [
    {"name": "x", "kind": "buffer", "dtype": "f32", "shape": [-1], "access": "read"},
    {"name": "y", "kind": "buffer", "dtype": "f32", "shape": ["x.0"], "access": "read"},
    {"name": "out", "kind": "buffer", "dtype": "f32", "shape": ["x.0"], "access": "write"}
  ],
  "grid": [1, 1, 1],
  "checks": []
})";

/// out[i, :] = table[indices[i], :]; table f32 [rows, 4], indices i32 [n].
inline const char *const kGatherKernel = R"({
  "name": "gather", "symbol": "gather_attn_entry", "abi": "packed-memref",
  "args": [
    {"name": "table", "kind": "buffer", "dtype": "f32", "shape": [-1, 4], "access": "read"},
    {"name": "indices", "kind": "buffer", "dtype": "i32", "shape": [-1], "access": "read"},
    {"name": "out", "kind": "buffer", "dtype": "f32", "shape": ["indices.0", "table.1"], "access": "write"}
  ],
  "grid": [1, 1, 1],
  "checks": [{"kind": "range", "arg": "indices", "min": 0, "max": "table.0 - 1"}]
})";

} // namespace test

#endif // ATTN_RUNTIME_TEST_TESTSUPPORT_H
