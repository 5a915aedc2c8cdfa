//===- ApiTests.cpp - Names, targets, loading and introspection -----------===//

#include "TestSupport.h"

#include <memory>
#include <thread>

using namespace test;

extern "C" {
// c_helpers.c: out-of-range enum parameters, passed from C.
const char *test_status_name_of_int(int value);
const char *test_dtype_name_of_int(int value);
}

TEST(RuntimeVersion) { CHECK_EQ(attn_runtime_version(), ATTN_RUNTIME_VERSION); }

TEST(StatusNames) {
  CHECK_EQ(std::string(attn_status_name(ATTN_OK)), std::string("ATTN_OK"));
  CHECK_EQ(std::string(attn_status_name(ATTN_ERROR_INVALID_ARGUMENT)),
           std::string("ATTN_ERROR_INVALID_ARGUMENT"));
  CHECK_EQ(std::string(attn_status_name(ATTN_ERROR_IO)),
           std::string("ATTN_ERROR_IO"));
  CHECK_EQ(std::string(attn_status_name(ATTN_ERROR_PACKAGE_FORMAT)),
           std::string("ATTN_ERROR_PACKAGE_FORMAT"));
  CHECK_EQ(std::string(attn_status_name(ATTN_ERROR_UNSUPPORTED)),
           std::string("ATTN_ERROR_UNSUPPORTED"));
  CHECK_EQ(std::string(attn_status_name(ATTN_ERROR_BACKEND)),
           std::string("ATTN_ERROR_BACKEND"));
  CHECK_EQ(std::string(attn_status_name(ATTN_ERROR_CHECK_FAILED)),
           std::string("ATTN_ERROR_CHECK_FAILED"));
  CHECK_EQ(std::string(test_status_name_of_int(99)),
           std::string("ATTN_UNKNOWN_STATUS"));
  CHECK_EQ(std::string(test_status_name_of_int(-1)),
           std::string("ATTN_UNKNOWN_STATUS"));
}

TEST(DtypeNames) {
  const char *names[] = {"f64", "f32", "f16", "bf16", "f8e4m3fn",
                         "i64", "i32", "i8",  "u8",   "i1"};
  for (int32_t i = 0; i < 10; ++i)
    CHECK_EQ(test_dtype_name_of_int(i), std::string(names[i]));
  CHECK_EQ(attn_dtype_name(ATTN_DTYPE_BF16), std::string("bf16"));
  CHECK(test_dtype_name_of_int(10) == nullptr);
  CHECK(test_dtype_name_of_int(-1) == nullptr);
}

TEST(TargetAvailable) {
  CHECK_EQ(attn_target_available("cpu"), 1);
  CHECK_EQ(std::string(attn_last_error()), std::string(""));
  // cuda is available where the driver and a device are; elsewhere the
  // reason names the driver.
  if (!attn_target_available("cuda"))
    CHECK_CONTAINS(attn_last_error(), "CUDA driver");
  else
    CHECK_EQ(std::string(attn_last_error()), std::string(""));
  if (!attn_target_available("hip"))
    CHECK_CONTAINS(attn_last_error(), "HIP runtime");
  else
    CHECK_EQ(std::string(attn_last_error()), std::string(""));
  CHECK_EQ(attn_target_available("metal"), 0);
  CHECK_CONTAINS(attn_last_error(), "unknown target 'metal'");
  CHECK_EQ(attn_target_available(nullptr), 0);
  CHECK_CONTAINS(attn_last_error(), "target is null");
}

TEST(LoadNullArguments) {
  attn_package *package = reinterpret_cast<attn_package *>(1);
  CHECK_ERROR(attn_package_load(nullptr, &package), ATTN_ERROR_INVALID_ARGUMENT,
              "attn_package_load: path is null");
  CHECK(package == nullptr);
  CHECK_ERROR(attn_package_load("/tmp", nullptr), ATTN_ERROR_INVALID_ARGUMENT,
              "attn_package_load: package is null");
  CHECK_ERROR(attn_package_load("", &package), ATTN_ERROR_INVALID_ARGUMENT,
              "the path is empty");
  attn_package_destroy(nullptr);
}

TEST(LoadMissingDirectory) {
  std::string path = makeTempDir("missing") + "/none.attnpkg";
  attn_package *package = nullptr;
  CHECK_ERROR(attn_package_load(path.c_str(), &package), ATTN_ERROR_IO,
              "cannot open package '" + path + "': No such file or directory");
  CHECK(package == nullptr);
}

TEST(LoadNotADirectory) {
  std::string path = makeTempDir("file") + "/file";
  writeFile(path, "{}");
  attn_package *package = nullptr;
  CHECK_ERROR(attn_package_load(path.c_str(), &package), ATTN_ERROR_IO,
              "cannot open package '" + path + "': not a directory");
}

TEST(LoadMissingManifest) {
  std::string path = makeTempDir("empty.attnpkg");
  attn_package *package = nullptr;
  CHECK_ERROR(attn_package_load(path.c_str(), &package), ATTN_ERROR_IO,
              "cannot read '" + path +
                  "/manifest.json': No such file or directory");
}

TEST(LoadMissingBinary) {
  std::string path = writePackage(makeManifest(kAxpyKernel), "");
  attn_package *package = nullptr;
  CHECK_ERROR(attn_package_load(path.c_str(), &package), ATTN_ERROR_IO,
              "cannot read the package binary '" + path +
                  "/kernels.so': No such file or directory");
  CHECK(package == nullptr);
}

TEST(LoadCorruptBinary) {
  std::string path = writePackage(makeManifest(kAxpyKernel), "");
  writeFile(path + "/kernels.so", "not an ELF file");
  attn_package *package = nullptr;
  CHECK_ERROR(attn_package_load(path.c_str(), &package), ATTN_ERROR_BACKEND,
              "cannot load '" + path + "/kernels.so': ");
}

TEST(LoadUnknownSymbol) {
  std::string path = writePackage(makeManifest(
      std::string(kGatherKernel) + ", " +
      replaceFirst(kAxpyKernel, "axpy_attn_entry", "missing_attn_entry")));
  attn_package *package = nullptr;
  CHECK_ERROR(attn_package_load(path.c_str(), &package), ATTN_ERROR_BACKEND,
              "kernel 'axpy': symbol 'missing_attn_entry' not found in '" +
                  path + "/kernels.so'");
  CHECK(package == nullptr);
}

TEST(LoadGpuPackagesUnsupported) {
  for (const char *target : {"cuda", "hip"}) {
    // Without the vendor's library the reason names it; with it, the binary
    // itself is refused (it is no object).
    const char *library =
        std::string(target) == "cuda" ? "CUDA driver" : "HIP runtime";
    std::string kernel = replaceFirst(kAxpyKernel, "\"grid\": [1, 1, 1]",
                                      "\"grid\": [\"ceildiv(x.0, 128)\", 1, "
                                      "1], \"block\": [128, 1, 1], "
                                      "\"shared_bytes\": 0");
    std::string path = writePackage(
        makeManifest(kernel, "\"" + std::string(target) + "\""), "");
    writeFile(path + "/kernels.so", "a cubin");
    attn_package *package = nullptr;
    if (attn_target_available(target)) {
      CHECK_ERROR(attn_package_load(path.c_str(), &package),
                  ATTN_ERROR_BACKEND, "cannot load '" + path + "/kernels.so'");
    } else {
      CHECK_ERROR(attn_package_load(path.c_str(), &package),
                  ATTN_ERROR_UNSUPPORTED,
                  "package '" + path + "' targets " + target + ": ");
      CHECK_CONTAINS(attn_last_error(), library);
    }
    CHECK(package == nullptr);
  }
}

TEST(PackageIntrospection) {
  Package package(
      makeManifest(std::string(kAxpyKernel) + ", " + kGatherKernel));
  attn_package *p = package.get();
  CHECK_EQ(attn_package_target(p), std::string("cpu"));
  CHECK_EQ(attn_package_compiler(p), std::string("attn-runtime-tests"));
  CHECK_EQ(attn_package_num_kernels(p), 2);

  attn_kernel *kernel = nullptr;
  CHECK_OK(attn_package_kernel_at(p, 1, &kernel));
  CHECK_EQ(attn_kernel_name(kernel), std::string("gather"));
  CHECK_ERROR(attn_package_kernel_at(p, 2, &kernel),
              ATTN_ERROR_INVALID_ARGUMENT,
              "attn_package_kernel_at: index 2 is out of range [0, 2)");
  CHECK(kernel == nullptr);
  CHECK_ERROR(attn_package_kernel_at(p, -1, &kernel),
              ATTN_ERROR_INVALID_ARGUMENT, "index -1 is out of range");
  CHECK_ERROR(attn_package_kernel(p, "decode", &kernel),
              ATTN_ERROR_INVALID_ARGUMENT,
              "has no kernel 'decode' (kernels: axpy, gather)");
  CHECK_ERROR(attn_package_kernel(p, nullptr, &kernel),
              ATTN_ERROR_INVALID_ARGUMENT, "name is null");
  CHECK_ERROR(attn_package_kernel(nullptr, "axpy", &kernel),
              ATTN_ERROR_INVALID_ARGUMENT, "package is null");
  CHECK_ERROR(attn_package_kernel(p, "axpy", nullptr),
              ATTN_ERROR_INVALID_ARGUMENT, "kernel is null");
  CHECK_OK(attn_package_kernel(p, "axpy", &kernel));
  CHECK_EQ(std::string(attn_last_error()), std::string(""));

  CHECK_EQ(attn_kernel_name(kernel), std::string("axpy"));
  CHECK_EQ(attn_kernel_num_args(kernel), 3);
  CHECK_EQ(attn_kernel_arg_name(kernel, 2), std::string("out"));
  CHECK_EQ(attn_kernel_arg_kind(kernel, 0), ATTN_ARG_BUFFER);
  CHECK_EQ(attn_kernel_arg_dtype(kernel, 1), ATTN_DTYPE_F32);
  CHECK_EQ(attn_kernel_arg_access(kernel, 0), ATTN_ACCESS_READ);
  CHECK_EQ(attn_kernel_arg_access(kernel, 2), ATTN_ACCESS_WRITE);
  CHECK_EQ(attn_kernel_arg_rank(kernel, 2), 1);

  CHECK(attn_kernel_arg_name(kernel, 3) == nullptr);
  CHECK_EQ(std::string(attn_last_error()),
           std::string("attn_kernel_arg_name: argument index 3 is out of "
                       "range [0, 3) for kernel 'axpy'"));
  CHECK_EQ(attn_kernel_arg_rank(kernel, -1), -1);
  CHECK_CONTAINS(attn_last_error(), "attn_kernel_arg_rank: argument index -1");
  attn_kernel_arg_dtype(kernel, 7);
  CHECK_CONTAINS(attn_last_error(), "attn_kernel_arg_dtype: argument index 7");
  // A successful call clears the last error.
  CHECK_EQ(attn_kernel_arg_rank(kernel, 0), 1);
  CHECK_EQ(std::string(attn_last_error()), std::string(""));

  CHECK(attn_kernel_name(nullptr) == nullptr);
  CHECK_CONTAINS(attn_last_error(), "attn_kernel_name: kernel is null");
  CHECK_EQ(attn_kernel_num_args(nullptr), -1);
  CHECK(attn_package_target(nullptr) == nullptr);
  CHECK(attn_package_compiler(nullptr) == nullptr);
  CHECK_EQ(attn_package_num_kernels(nullptr), -1);
  CHECK_CONTAINS(attn_last_error(),
                 "attn_package_num_kernels: package is null");
}

TEST(ScalarIntrospection) {
  Package package(makeManifest(R"({"name": "n", "symbol": "nothing_attn_entry",
    "abi": "packed-memref", "grid": [1, 1, 1],
    "args": [{"name": "s", "kind": "scalar", "dtype": "i32"},
             {"name": "b", "kind": "buffer", "dtype": "u8", "shape": [],
              "access": "readwrite"}]})"));
  attn_kernel *kernel = package.kernel("n");
  CHECK_EQ(attn_kernel_arg_kind(kernel, 0), ATTN_ARG_SCALAR);
  CHECK_EQ(attn_kernel_arg_dtype(kernel, 0), ATTN_DTYPE_I32);
  CHECK_EQ(attn_kernel_arg_rank(kernel, 0), 0);
  CHECK_EQ(attn_kernel_arg_access(kernel, 0), ATTN_ACCESS_READ);
  CHECK_EQ(attn_kernel_arg_kind(kernel, 1), ATTN_ARG_BUFFER);
  CHECK_EQ(attn_kernel_arg_rank(kernel, 1), 0);
  CHECK_EQ(attn_kernel_arg_access(kernel, 1), ATTN_ACCESS_READWRITE);
}

TEST(LastErrorIsPerThread) {
  CHECK_EQ(attn_target_available("metal"), 0);
  std::string other;
  std::thread thread([&] {
    other = attn_last_error();
    attn_target_available("vulkan");
  });
  thread.join();
  CHECK_EQ(other, std::string(""));
  CHECK_CONTAINS(attn_last_error(), "unknown target 'metal'");
}

TEST(ConcurrentLaunches) {
  Package package(makeManifest(kAxpyKernel));
  attn_kernel *kernel = package.kernel("axpy");
  const int numThreads = 4, numLaunches = 50;
  int failures[numThreads] = {};
  std::vector<std::thread> threads;
  for (int t = 0; t < numThreads; ++t) {
    threads.emplace_back([&, t] {
      std::vector<float> x(64, float(t)), y(64, 1.0f), out(64);
      for (int i = 0; i < numLaunches; ++i) {
        ArgList args;
        args.buffer(ATTN_DTYPE_F32, x.data(), {64})
            .buffer(ATTN_DTYPE_F32, y.data(), {64})
            .buffer(ATTN_DTYPE_F32, out.data(), {64});
        if (launch(kernel, args) != ATTN_OK || out[63] != 2.0f * t + 1.0f)
          ++failures[t];
      }
    });
  }
  for (std::thread &thread : threads)
    thread.join();
  for (int t = 0; t < numThreads; ++t)
    CHECK_EQ(failures[t], 0);
}

TEST(SameBinaryInTwoPackages) {
  auto first = std::make_unique<Package>(makeManifest(kAxpyKernel));
  Package second(makeManifest(kAxpyKernel));
  first.reset();
  std::vector<float> x = {1, 2}, y = {3, 4}, out(2);
  ArgList args;
  args.buffer(ATTN_DTYPE_F32, x.data(), {2})
      .buffer(ATTN_DTYPE_F32, y.data(), {2})
      .buffer(ATTN_DTYPE_F32, out.data(), {2});
  CHECK_OK(launch(second.kernel("axpy"), args));
  CHECK_EQ(out[1], 8.0f);
}

TEST(ArgShape) {
  Package package(
      makeManifest(std::string(kAxpyKernel) + ", " + kGatherKernel));
  attn_kernel *gather = package.kernel("gather");
  std::vector<float> table(3 * 4, 1.0f);
  std::vector<int32_t> indices = {0, 2, 1, 1, 0};
  ArgList args;
  args.buffer(ATTN_DTYPE_F32, table.data(), {3, 4})
      .buffer(ATTN_DTYPE_I32, indices.data(), {5})
      .buffer(ATTN_DTYPE_F32, nullptr, {});
  // A size expression over other arguments ("indices.0", "table.1"); a
  // free input dimension is -1; static sizes come as they are.
  int64_t shape[2] = {0, 0};
  CHECK_OK(attn_kernel_arg_shape(gather, args.data(), 2, 2, shape));
  CHECK_EQ(shape[0], 5);
  CHECK_EQ(shape[1], 4);
  CHECK_OK(attn_kernel_arg_shape(gather, args.data(), 0, 0, shape));
  CHECK_EQ(shape[0], -1);
  CHECK_EQ(shape[1], 4);
  CHECK_ERROR(attn_kernel_arg_shape(gather, args.data(), 2, 2, nullptr),
              ATTN_ERROR_INVALID_ARGUMENT,
              "attn_kernel_arg_shape: null shape or arguments");
  CHECK_ERROR(attn_kernel_arg_shape(gather, args.data(), 2, 3, shape),
              ATTN_ERROR_INVALID_ARGUMENT, "argument index 3");
}

TEST(ArgShapeRankZero) {
  // A rank-0 argument needs no shape array: null is fine.
  Package package(makeManifest(R"({"name": "n", "symbol": "nothing_attn_entry",
    "abi": "packed-memref", "grid": [1, 1, 1],
    "args": [{"name": "b", "kind": "buffer", "dtype": "f32", "shape": [],
              "access": "read"}]})"));
  attn_kernel *kernel = package.kernel("n");
  CHECK_OK(attn_kernel_arg_shape(kernel, nullptr, 0, 0, nullptr));
}
