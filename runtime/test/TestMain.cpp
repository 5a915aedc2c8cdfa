//===- TestMain.cpp - Runs the runtime's tests ----------------------------===//
//
//   attn-runtime-tests [FAKE_KERNELS_SO [NAME_FILTER]]
//
// Runs every registered test (those whose name contains NAME_FILTER), prints
// each failure and a summary, and exits with 1 if any check failed.
// ATTN_TEST_KEEP_TEMP=1 keeps the temporary packages for inspection.
//
//===----------------------------------------------------------------------===//

#include "TestSupport.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace {

struct TestCase {
  const char *name;
  void (*function)();
};

std::vector<TestCase> &getTests() {
  static std::vector<TestCase> tests;
  return tests;
}

int64_t numChecks = 0;
int64_t numFailures = 0;
const char *currentTest = "";
std::string fakeKernelsPath;
std::string tempRoot;

} // namespace

test::Registrar::Registrar(const char *name, void (*function)()) {
  getTests().push_back({name, function});
}

void test::countCheck() { ++numChecks; }

void test::reportFailure(const char *file, int line,
                         const std::string &message) {
  ++numFailures;
  std::fprintf(stderr, "%s:%d: in %s: %s\n", file, line, currentTest,
               message.c_str());
}

std::string test::statusText(attn_status status) {
  return attn_status_name(status);
}

const std::string &test::getFakeKernelsPath() { return fakeKernelsPath; }

std::string test::makeTempDir(const std::string &hint) {
  static int counter = 0;
  fs::path dir = fs::path(tempRoot) / (std::to_string(counter++) + "-" + hint);
  fs::create_directories(dir);
  return dir.string();
}

void test::writeFile(const std::string &path, const std::string &contents) {
  std::ofstream file(path, std::ios::binary);
  file << contents;
  if (!file)
    reportFailure(__FILE__, __LINE__, "cannot write " + path);
}

std::string test::writePackage(const std::string &manifest,
                               const std::string &binary) {
  std::string dir = makeTempDir(std::string(currentTest) + ".attnpkg");
  writeFile(dir + "/manifest.json", manifest);
  if (!binary.empty())
    fs::copy_file(fakeKernelsPath, fs::path(dir) / binary);
  return dir;
}

std::string test::makeManifest(const std::string &kernels,
                               const std::string &target,
                               const std::string &version) {
  return R"({
  "format": "attn-kernel-package",
  "version": )" +
         version + R"(,
  "compiler": "attn-runtime-tests",
  "target": )" +
         target + R"(,
  "binary": "kernels.so",
  "kernels": [)" +
         kernels + "]\n}\n";
}

std::string test::replaceFirst(std::string text, const std::string &from,
                               const std::string &to) {
  size_t at = text.find(from);
  if (at == std::string::npos) {
    reportFailure(__FILE__, __LINE__, "replaceFirst: no '" + from + "'");
    return text;
  }
  return text.replace(at, from.size(), to);
}

test::Package::Package(const std::string &manifest) {
  status = attn_package_load(writePackage(manifest).c_str(), &package);
  if (status != ATTN_OK)
    reportFailure(__FILE__, __LINE__,
                  "loading the package failed: " + statusText(status) + ": " +
                      attn_last_error());
}

test::Package::~Package() { attn_package_destroy(package); }

attn_kernel *test::Package::kernel(const char *name) const {
  attn_kernel *kernel = nullptr;
  if (attn_package_kernel(package, name, &kernel) != ATTN_OK)
    reportFailure(__FILE__, __LINE__,
                  std::string("no kernel '") + name +
                      "': " + attn_last_error());
  return kernel;
}

test::ArgList &test::ArgList::buffer(attn_dtype dtype, void *data,
                                     std::vector<int64_t> shape) {
  shapes.push_back(std::move(shape));
  attn_arg arg{};
  arg.kind = ATTN_ARG_BUFFER;
  arg.dtype = dtype;
  arg.data = data;
  arg.rank = static_cast<int32_t>(shapes.back().size());
  arg.shape = shapes.back().data();
  args.push_back(arg);
  return *this;
}

test::ArgList &test::ArgList::integer(attn_dtype dtype, int64_t value) {
  attn_arg arg{};
  arg.kind = ATTN_ARG_SCALAR;
  arg.dtype = dtype;
  arg.i64 = value;
  args.push_back(arg);
  return *this;
}

test::ArgList &test::ArgList::floating(attn_dtype dtype, double value) {
  attn_arg arg{};
  arg.kind = ATTN_ARG_SCALAR;
  arg.dtype = dtype;
  arg.f64 = value;
  args.push_back(arg);
  return *this;
}

attn_status test::launch(attn_kernel *kernel, ArgList &args, bool checked) {
  attn_launch_options options{};
  options.checked = checked ? 1 : 0;
  return attn_kernel_launch(kernel, args.data(), args.size(), &options);
}

int main(int argc, char **argv) {
#ifdef ATTN_FAKE_KERNELS_PATH
  fakeKernelsPath = ATTN_FAKE_KERNELS_PATH;
#endif
  if (argc > 1)
    fakeKernelsPath = argv[1];
  const char *filter = argc > 2 ? argv[2] : "";
  if (fakeKernelsPath.empty() || !fs::exists(fakeKernelsPath)) {
    std::fprintf(stderr,
                 "attn-runtime-tests: fake kernel library '%s' not "
                 "found; pass its path as the first argument\n",
                 fakeKernelsPath.c_str());
    return 2;
  }

  std::string pattern =
      (fs::temp_directory_path() / "attn-runtime-tests-XXXXXX").string();
  if (!mkdtemp(pattern.data())) {
    std::perror("attn-runtime-tests: mkdtemp");
    return 2;
  }
  tempRoot = pattern;

  int numRun = 0, numFailed = 0;
  for (const TestCase &test : getTests()) {
    if (!std::string(test.name).empty() &&
        std::string(test.name).find(filter) == std::string::npos)
      continue;
    currentTest = test.name;
    int64_t failuresBefore = numFailures;
    test.function();
    ++numRun;
    if (numFailures != failuresBefore) {
      ++numFailed;
      std::fprintf(stderr, "FAILED %s\n", test.name);
    }
  }

  const char *keep = std::getenv("ATTN_TEST_KEEP_TEMP");
  if (keep && *keep && std::string(keep) != "0")
    std::printf("temporary packages kept in %s\n", tempRoot.c_str());
  else
    fs::remove_all(tempRoot);

  std::printf("attn-runtime-tests: %d tests, %lld checks, %d tests failed, "
              "%lld checks failed\n",
              numRun, static_cast<long long>(numChecks), numFailed,
              static_cast<long long>(numFailures));
  return numFailures == 0 ? 0 : 1;
}
