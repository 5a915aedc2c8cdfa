//===- LaunchTests.cpp - Launching, and validating launch arguments -------===//

#include "TestSupport.h"

#include <cstdint>

using namespace test;

namespace {

constexpr const char *kAffineKernel = R"({
  "name": "affine", "symbol": "affine_attn_entry", "abi": "packed-memref",
  "args": [
    {"name": "x", "kind": "buffer", "dtype": "f32", "shape": [-1], "access": "read"},
    {"name": "alpha", "kind": "scalar", "dtype": "f32"},
    {"name": "beta", "kind": "scalar", "dtype": "f64"},
    {"name": "shift", "kind": "scalar", "dtype": "i64"},
    {"name": "bias", "kind": "scalar", "dtype": "i32"},
    {"name": "small", "kind": "scalar", "dtype": "i8"},
    {"name": "byte", "kind": "scalar", "dtype": "u8"},
    {"name": "negate", "kind": "scalar", "dtype": "i1"},
    {"name": "out", "kind": "buffer", "dtype": "f32", "shape": ["x.0"], "access": "write"}
  ],
  "grid": [1, 1, 1]
})";

constexpr const char *kProbeKernel = R"({
  "name": "probe", "symbol": "probe_attn_entry", "abi": "packed-memref",
  "args": [
    {"name": "a", "kind": "buffer", "dtype": "i8", "shape": [-1, -1, 5], "access": "read"},
    {"name": "s", "kind": "buffer", "dtype": "f32", "shape": [], "access": "read"},
    {"name": "out", "kind": "buffer", "dtype": "i64", "shape": [16], "access": "write"}
  ],
  "grid": [1, 1, 1]
})";

/// Shapes whose expressions fail to evaluate; never launched.
constexpr const char *kBadShapeKernels = R"j({
  "name": "div", "symbol": "nothing_attn_entry", "abi": "packed-memref",
  "args": [
    {"name": "a", "kind": "buffer", "dtype": "f32", "shape": [-1, -1], "access": "read"},
    {"name": "b", "kind": "buffer", "dtype": "f32", "shape": ["a.0 / a.1"], "access": "read"}
  ],
  "grid": [1, 1, 1]
}, {
  "name": "mul", "symbol": "nothing_attn_entry", "abi": "packed-memref",
  "args": [
    {"name": "a", "kind": "buffer", "dtype": "f32", "shape": [-1, -1], "access": "read"},
    {"name": "b", "kind": "buffer", "dtype": "f32", "shape": ["a.0 * a.0 * a.0"], "access": "read"}
  ],
  "grid": [1, 1, 1]
}, {
  "name": "nothing", "symbol": "nothing_attn_entry", "abi": "packed-memref",
  "args": [], "grid": ["1", "2 - 1", "ceildiv(3, 3)"]
})j";

/// Arguments for axpy over x, y, out.
ArgList axpyArgs(std::vector<float> &x, std::vector<float> &y,
                 std::vector<float> &out) {
  ArgList args;
  args.buffer(ATTN_DTYPE_F32, x.data(), {int64_t(x.size())})
      .buffer(ATTN_DTYPE_F32, y.data(), {int64_t(y.size())})
      .buffer(ATTN_DTYPE_F32, out.data(), {int64_t(out.size())});
  return args;
}

ArgList affineArgs(std::vector<float> &x, std::vector<float> &out) {
  ArgList args;
  args.buffer(ATTN_DTYPE_F32, x.data(), {int64_t(x.size())})
      .floating(ATTN_DTYPE_F32, 0.5)
      .floating(ATTN_DTYPE_F64, 0.25)
      .integer(ATTN_DTYPE_I64, 100)
      .integer(ATTN_DTYPE_I32, -7)
      .integer(ATTN_DTYPE_I8, -3)
      .integer(ATTN_DTYPE_U8, 200)
      .integer(ATTN_DTYPE_I1, 1)
      .buffer(ATTN_DTYPE_F32, out.data(), {int64_t(out.size())});
  return args;
}

} // namespace

TEST(LaunchAxpy) {
  Package package(makeManifest(kAxpyKernel));
  attn_kernel *kernel = package.kernel("axpy");
  std::vector<float> x = {1, 2, 3, 4}, y = {10, 20, 30, 40}, out(4, -1.0f);
  ArgList args = axpyArgs(x, y, out);
  // Null options: checked mode, default stream.
  CHECK_OK(attn_kernel_launch(kernel, args.data(), args.size(), nullptr));
  CHECK(out == std::vector<float>({12, 24, 36, 48}));
  CHECK_EQ(std::string(attn_last_error()), std::string(""));
  y = {0, 0, 0, 1};
  CHECK_OK(launch(kernel, args, /*checked=*/false));
  CHECK(out == std::vector<float>({2, 4, 6, 9}));
}

TEST(LaunchEmptyBuffers) {
  Package package(makeManifest(kAxpyKernel));
  ArgList args;
  args.buffer(ATTN_DTYPE_F32, nullptr, {0})
      .buffer(ATTN_DTYPE_F32, nullptr, {0})
      .buffer(ATTN_DTYPE_F32, nullptr, {0});
  CHECK_OK(launch(package.kernel("axpy"), args));
}

TEST(LaunchGather) {
  Package package(makeManifest(kGatherKernel));
  std::vector<float> table(12);
  for (int i = 0; i < 12; ++i)
    table[i] = float(i);
  std::vector<int32_t> indices = {2, 0, 2};
  std::vector<float> out(12, -1.0f);
  ArgList args;
  args.buffer(ATTN_DTYPE_F32, table.data(), {3, 4})
      .buffer(ATTN_DTYPE_I32, indices.data(), {3})
      .buffer(ATTN_DTYPE_F32, out.data(), {3, 4});
  CHECK_OK(launch(package.kernel("gather"), args));
  CHECK(out == std::vector<float>({8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11}));

  // The range check guards the kernel's reads: indices must be in [0, 2].
  indices[1] = 3;
  CHECK_ERROR(launch(package.kernel("gather"), args), ATTN_ERROR_CHECK_FAILED,
              "kernel 'gather': check failed: indices[1] = 3 is out of range "
              "[0, 2] (table.0 - 1)");
}

TEST(LaunchScalars) {
  Package package(makeManifest(kAffineKernel));
  attn_kernel *kernel = package.kernel("affine");
  std::vector<float> x = {1, 2}, out(2);
  ArgList args = affineArgs(x, out);
  CHECK_OK(launch(kernel, args));
  // -(0.5 x + 0.25 + 100 - 7 - 3 + 200)
  CHECK(out == std::vector<float>({-290.75f, -291.25f}));
}

TEST(LaunchScalarRanges) {
  Package package(makeManifest(kAffineKernel));
  attn_kernel *kernel = package.kernel("affine");
  std::vector<float> x = {1, 2}, out(2);
  {
    ArgList args = affineArgs(x, out);
    args[4].i64 = int64_t(1) << 31;
    CHECK_ERROR(launch(kernel, args), ATTN_ERROR_INVALID_ARGUMENT,
                "kernel 'affine': argument 4 'bias': value 2147483648 does "
                "not fit in i32 (range [-2147483648, 2147483647])");
  }
  {
    ArgList args = affineArgs(x, out);
    args[5].i64 = 128;
    CHECK_ERROR(launch(kernel, args), ATTN_ERROR_INVALID_ARGUMENT,
                "argument 5 'small': value 128 does not fit in i8");
  }
  {
    ArgList args = affineArgs(x, out);
    args[6].i64 = -1;
    CHECK_ERROR(launch(kernel, args), ATTN_ERROR_INVALID_ARGUMENT,
                "argument 6 'byte': value -1 does not fit in u8");
  }
  {
    ArgList args = affineArgs(x, out);
    args[7].i64 = 2;
    CHECK_ERROR(launch(kernel, args), ATTN_ERROR_INVALID_ARGUMENT,
                "argument 7 'negate': value 2 does not fit in i1 (range [0, "
                "1])");
  }
  {
    ArgList args = affineArgs(x, out);
    args[1].f64 = 1e300;
    CHECK_ERROR(launch(kernel, args), ATTN_ERROR_INVALID_ARGUMENT,
                "argument 1 'alpha': value 1e+300 does not fit in f32");
  }
}

TEST(LaunchDescriptorLayout) {
  Package package(makeManifest(kProbeKernel));
  std::vector<int8_t> a(2 * 3 * 5);
  float s = 1.5f;
  std::vector<int64_t> out(16, -1);
  ArgList args;
  args.buffer(ATTN_DTYPE_I8, a.data(), {2, 3, 5})
      .buffer(ATTN_DTYPE_F32, &s, {})
      .buffer(ATTN_DTYPE_I64, out.data(), {16});
  CHECK_OK(launch(package.kernel("probe"), args));
  CHECK_EQ(out[0], 1); // allocated == aligned
  CHECK_EQ(out[1], 0); // offset
  CHECK_EQ(out[2], 2);
  CHECK_EQ(out[3], 3);
  CHECK_EQ(out[4], 5);
  CHECK_EQ(out[5], 15); // contiguous strides
  CHECK_EQ(out[6], 5);
  CHECK_EQ(out[7], 1);
  CHECK_EQ(out[8], int64_t(reinterpret_cast<intptr_t>(a.data())));
  CHECK_EQ(out[9], 1500); // the rank-0 buffer's value, times 1000
  CHECK_EQ(out[10], 1);
}

TEST(LaunchWithoutArguments) {
  Package package(makeManifest(kBadShapeKernels));
  attn_kernel *kernel = package.kernel("nothing");
  CHECK_OK(attn_kernel_launch(kernel, nullptr, 0, nullptr));
  attn_arg arg{};
  CHECK_ERROR(attn_kernel_launch(kernel, &arg, 1, nullptr),
              ATTN_ERROR_INVALID_ARGUMENT,
              "kernel 'nothing': expected 0 arguments (), got 1");
  CHECK_ERROR(attn_kernel_launch(nullptr, nullptr, 0, nullptr),
              ATTN_ERROR_INVALID_ARGUMENT,
              "attn_kernel_launch: kernel is null");
}

TEST(LaunchWrongArgumentCount) {
  Package package(makeManifest(kAxpyKernel));
  attn_kernel *kernel = package.kernel("axpy");
  std::vector<float> x(4), y(4), out(4);
  ArgList args = axpyArgs(x, y, out);
  CHECK_ERROR(attn_kernel_launch(kernel, args.data(), 2, nullptr),
              ATTN_ERROR_INVALID_ARGUMENT,
              "kernel 'axpy': expected 3 arguments (x, y, out), got 2");
  CHECK_ERROR(attn_kernel_launch(kernel, args.data(), -1, nullptr),
              ATTN_ERROR_INVALID_ARGUMENT, "got -1");
  CHECK_ERROR(attn_kernel_launch(kernel, nullptr, 3, nullptr),
              ATTN_ERROR_INVALID_ARGUMENT, "kernel 'axpy': args is null");
}

TEST(LaunchWrongKindDtypeRank) {
  Package package(makeManifest(kAxpyKernel));
  attn_kernel *kernel = package.kernel("axpy");
  std::vector<float> x(4), y(4), out(4);
  {
    ArgList args = axpyArgs(x, y, out);
    args[1].kind = ATTN_ARG_SCALAR;
    CHECK_ERROR(launch(kernel, args), ATTN_ERROR_INVALID_ARGUMENT,
                "kernel 'axpy': argument 1 'y': expected a buffer, got a "
                "scalar");
    setRawEnum(args[1].kind, 7);
    CHECK_ERROR(launch(kernel, args), ATTN_ERROR_INVALID_ARGUMENT,
                "argument 1 'y': expected a buffer, got invalid kind 7");
  }
  {
    ArgList args = axpyArgs(x, y, out);
    args[2].dtype = ATTN_DTYPE_F16;
    CHECK_ERROR(launch(kernel, args), ATTN_ERROR_INVALID_ARGUMENT,
                "kernel 'axpy': argument 2 'out': expected dtype f32, got f16");
    setRawEnum(args[2].dtype, 42);
    CHECK_ERROR(launch(kernel, args), ATTN_ERROR_INVALID_ARGUMENT,
                "argument 2 'out': expected dtype f32, got invalid dtype 42");
  }
  {
    ArgList args;
    args.buffer(ATTN_DTYPE_F32, x.data(), {4})
        .buffer(ATTN_DTYPE_F32, y.data(), {2, 2})
        .buffer(ATTN_DTYPE_F32, out.data(), {4});
    CHECK_ERROR(launch(kernel, args), ATTN_ERROR_INVALID_ARGUMENT,
                "kernel 'axpy': argument 1 'y': expected rank 1, got 2");
  }
}

TEST(LaunchShapeMismatch) {
  Package gather(makeManifest(kGatherKernel));
  std::vector<float> table(15), out(10);
  std::vector<int32_t> indices = {0, 1};
  {
    ArgList args;
    args.buffer(ATTN_DTYPE_F32, table.data(), {3, 5})
        .buffer(ATTN_DTYPE_I32, indices.data(), {2})
        .buffer(ATTN_DTYPE_F32, out.data(), {2, 5});
    CHECK_ERROR(launch(gather.kernel("gather"), args),
                ATTN_ERROR_INVALID_ARGUMENT,
                "kernel 'gather': argument 0 'table': dimension 1 is 5, but "
                "the signature requires 4 (shape [3, 5])");
  }
  {
    ArgList args;
    args.buffer(ATTN_DTYPE_F32, table.data(), {3, 4})
        .buffer(ATTN_DTYPE_I32, indices.data(), {2})
        .buffer(ATTN_DTYPE_F32, out.data(), {1, 4});
    CHECK_ERROR(launch(gather.kernel("gather"), args),
                ATTN_ERROR_INVALID_ARGUMENT,
                "kernel 'gather': argument 2 'out': dimension 0 is 1, but the "
                "signature requires indices.0 = 2 (shape [1, 4])");
  }
  Package axpy(makeManifest(kAxpyKernel));
  std::vector<float> x(4), y(5), out1(4);
  ArgList args = axpyArgs(x, y, out1);
  CHECK_ERROR(launch(axpy.kernel("axpy"), args), ATTN_ERROR_INVALID_ARGUMENT,
              "kernel 'axpy': argument 1 'y': dimension 0 is 5, but the "
              "signature requires x.0 = 4 (shape [5])");
}

TEST(LaunchInvalidBuffers) {
  Package package(makeManifest(kAxpyKernel));
  attn_kernel *kernel = package.kernel("axpy");
  std::vector<float> x(4), y(4), out(4);
  {
    ArgList args = axpyArgs(x, y, out);
    args[1].data = nullptr;
    CHECK_ERROR(launch(kernel, args), ATTN_ERROR_INVALID_ARGUMENT,
                "kernel 'axpy': argument 1 'y': data is null, but the buffer "
                "has 4 elements");
  }
  {
    ArgList args = axpyArgs(x, y, out);
    args[0].shape = nullptr;
    CHECK_ERROR(launch(kernel, args), ATTN_ERROR_INVALID_ARGUMENT,
                "argument 0 'x': shape is null");
  }
  {
    ArgList args = axpyArgs(x, y, out);
    args[2].data = reinterpret_cast<char *>(out.data()) + 2;
    CHECK_ERROR(launch(kernel, args), ATTN_ERROR_INVALID_ARGUMENT,
                "is not aligned to the 4 bytes of f32");
  }
  {
    ArgList args;
    args.buffer(ATTN_DTYPE_F32, x.data(), {-4})
        .buffer(ATTN_DTYPE_F32, y.data(), {4})
        .buffer(ATTN_DTYPE_F32, out.data(), {4});
    CHECK_ERROR(launch(kernel, args), ATTN_ERROR_INVALID_ARGUMENT,
                "argument 0 'x': shape [-4]: size -4 of dimension 0 is "
                "negative");
  }
  {
    ArgList args;
    args.buffer(ATTN_DTYPE_F32, x.data(), {int64_t(1) << 62})
        .buffer(ATTN_DTYPE_F32, y.data(), {int64_t(1) << 62})
        .buffer(ATTN_DTYPE_F32, out.data(), {int64_t(1) << 62});
    CHECK_ERROR(launch(kernel, args), ATTN_ERROR_INVALID_ARGUMENT,
                "argument 0 'x': shape [4611686018427387904] is too large: "
                "its size in bytes does not fit in 64 bits");
  }
}

TEST(LaunchSizeExpressionErrors) {
  Package package(makeManifest(kBadShapeKernels));
  {
    ArgList args;
    args.buffer(ATTN_DTYPE_F32, nullptr, {4, 0})
        .buffer(ATTN_DTYPE_F32, nullptr, {0});
    CHECK_ERROR(launch(package.kernel("div"), args),
                ATTN_ERROR_INVALID_ARGUMENT,
                "kernel 'div': argument 1 'b': size expression 'a.0 / a.1' of "
                "dimension 0: division by zero (4 / 0)");
  }
  {
    // Empty, so no data is needed, but the sizes are huge.
    ArgList args;
    args.buffer(ATTN_DTYPE_F32, nullptr, {int64_t(1) << 22, 0})
        .buffer(ATTN_DTYPE_F32, nullptr, {0});
    CHECK_ERROR(launch(package.kernel("mul"), args),
                ATTN_ERROR_INVALID_ARGUMENT,
                "kernel 'mul': argument 1 'b': size expression 'a.0 * a.0 * "
                "a.0' of dimension 0: integer overflow (17592186044416 * "
                "4194304)");
  }
}
