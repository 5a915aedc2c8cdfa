//===- CheckTests.cpp - Checked-mode metadata validation ------------------===//
//
// Kernels of flag_attn_entry, which sets its first argument (flag, i32 [1])
// to 1 and reads nothing else: a launch with bad metadata is safe, so the
// tests can also show that unchecked mode launches it.
//
//===----------------------------------------------------------------------===//

#include "TestSupport.h"

using namespace test;

namespace {

/// A flag_attn_entry kernel with arguments `args` (after flag) and checks.
std::string flagKernel(const std::string &name, const std::string &args,
                       const std::string &checks) {
  return R"({"name": ")" + name + R"(", "symbol": "flag_attn_entry",
    "abi": "packed-memref", "grid": [1, 1, 1],
    "args": [
      {"name": "flag", "kind": "buffer", "dtype": "i32", "shape": [1], "access": "write"},
      )" +
         args + R"(],
    "checks": [)" +
         checks + "]}";
}

constexpr const char *kCacheArg = R"(
  {"name": "k_cache", "kind": "buffer", "dtype": "f32", "shape": [-1, 4], "access": "read"})";

std::string indexArg(const std::string &name, const std::string &dtype,
                     const std::string &shape) {
  return R"(, {"name": ")" + name + R"(", "kind": "buffer", "dtype": ")" +
         dtype + R"(", "shape": )" + shape + R"(, "access": "read"})";
}

/// Every kernel of these tests; k_cache is [num_pages, page_size = 4].
std::string checkManifest() {
  std::vector<std::string> kernels = {
      // FlashInfer paging. The checks are listed out of their run order.
      flagKernel(
          "paged",
          kCacheArg + indexArg("kv_indptr", "i32", "[-1]") +
              indexArg("kv_indices", "i32", "[-1]") +
              indexArg("kv_last_page_len", "i32", R"(["kv_indptr.0 - 1"])"),
          R"(
        {"kind": "page_table", "indptr": "kv_indptr",
         "last_page_len": "kv_last_page_len", "page_size": "k_cache.1"},
        {"kind": "range", "arg": "kv_indices", "min": 0,
         "max": "k_cache.0 - 1", "by_indptr": "kv_indptr"},
        {"kind": "indptr", "arg": "kv_indptr", "max": "kv_indices.0"})"),
      // The same without an indptr check: range and page_table guard their
      // own reads.
      flagKernel("unguarded",
                 std::string(R"({"name": "kv_indptr", "kind": "buffer",
                     "dtype": "i64", "shape": [-1], "access": "read"})") +
                     indexArg("kv_indices", "i32", "[-1]") +
                     indexArg("kv_last_page_len", "i32", "[-1]"),
                 R"(
        {"kind": "range", "arg": "kv_indices", "min": 0, "max": 100,
         "by_indptr": "kv_indptr"},
        {"kind": "page_table", "indptr": "kv_indptr",
         "last_page_len": "kv_last_page_len", "page_size": 16})"),
      // vLLM block tables.
      flagKernel("blocks",
                 kCacheArg + indexArg("block_tables", "i64", "[-1, -1]") +
                     indexArg("context_lens", "i32", "[-1]"),
                 R"({"kind": "block_table", "block_tables": "block_tables",
          "context_lens": "context_lens", "block_size": "k_cache.1",
          "num_blocks": "k_cache.0"})"),
      flagKernel("blocks0",
                 kCacheArg + indexArg("block_tables", "i64", "[-1, -1]") +
                     indexArg("context_lens", "i32", "[-1]"),
                 R"({"kind": "block_table", "block_tables": "block_tables",
          "context_lens": "context_lens", "block_size": "k_cache.1 - 4",
          "num_blocks": "k_cache.0"})"),
      // append_kv.
      flagKernel("appends",
                 kCacheArg + indexArg("kv_indptr", "i32", "[-1]") +
                     indexArg("batch_indices", "i64", "[-1]") +
                     indexArg("positions", "i32", "[-1]"),
                 R"(
        {"kind": "append_positions", "batch_indices": "batch_indices",
         "positions": "positions", "indptr": "kv_indptr",
         "page_size": "k_cache.1"},
        {"kind": "indptr", "arg": "kv_indptr", "max": "k_cache.0"})"),
      // vLLM slot mappings with negative padding.
      flagKernel("slots", kCacheArg + indexArg("slot_mapping", "i64", "[-1]"),
                 R"({"kind": "range", "arg": "slot_mapping", "min": 0,
          "max": "k_cache.0 * k_cache.1 - 1", "skip_negative": true})"),
      // A rank-2 range check, with literal and with computed bounds.
      flagKernel("ids",
                 R"({"name": "ids", "kind": "buffer", "dtype": "i64",
                     "shape": [-1, 3], "access": "read"})",
                 R"({"kind": "range", "arg": "ids", "min": 1, "max": 9})"),
      flagKernel("ids2",
                 R"({"name": "ids", "kind": "buffer", "dtype": "i32",
                     "shape": [-1, 3], "access": "read"})",
                 R"({"kind": "range", "arg": "ids", "min": "ids.1 - 2",
          "max": "ids.1 * 3"})"),
      // Linear attention with a bias (kinds beyond the format document).
      flagKernel("segments", std::string(R"({"name": "cu", "kind": "buffer",
                     "dtype": "i64", "shape": [-1], "access": "read"},
                     {"name": "bias", "kind": "buffer", "dtype": "f32",
                     "shape": [-1, -1], "access": "read"})"),
                 R"(
        {"kind": "segment_length", "arg": "cu", "max": "bias.1"},
        {"kind": "indptr", "arg": "cu", "max": 100})"),
      flagKernel("le",
                 R"({"name": "a", "kind": "buffer", "dtype": "f32",
                     "shape": [-1, -1], "access": "read"})",
                 R"({"kind": "le", "lhs": "a.0", "rhs": "a.1"},
                    {"kind": "le", "lhs": 3, "rhs": "a.1 + 2"})"),
      flagKernel("badexpr",
                 R"({"name": "v", "kind": "buffer", "dtype": "i32",
                     "shape": [-1], "access": "read"})",
                 R"j({"kind": "range", "arg": "v", "min": 0,
          "max": "100 / (v.0 - 2)"})j"),
  };
  std::string joined;
  for (const std::string &kernel : kernels)
    joined += (joined.empty() ? "" : ",\n") + kernel;
  return makeManifest(joined);
}

/// Owns the data of a launch of one of the kernels above.
struct Launch {
  /// On the heap: a Launch may be moved.
  std::vector<int32_t> flag = {0};
  std::vector<float> cache;
  std::vector<std::vector<int32_t>> i32;
  std::vector<std::vector<int64_t>> i64;
  ArgList args;

  Launch() { args.buffer(ATTN_DTYPE_I32, flag.data(), {1}); }
  Launch &cacheArg(int64_t numPages) {
    cache.assign(numPages * 4, 0.0f);
    args.buffer(ATTN_DTYPE_F32, cache.data(), {numPages, 4});
    return *this;
  }
  Launch &i32Arg(std::vector<int32_t> values, std::vector<int64_t> shape = {}) {
    if (shape.empty())
      shape = {int64_t(values.size())};
    i32.push_back(std::move(values));
    args.buffer(ATTN_DTYPE_I32, i32.back().data(), std::move(shape));
    return *this;
  }
  Launch &i64Arg(std::vector<int64_t> values, std::vector<int64_t> shape = {}) {
    if (shape.empty())
      shape = {int64_t(values.size())};
    i64.push_back(std::move(values));
    args.buffer(ATTN_DTYPE_I64, i64.back().data(), std::move(shape));
    return *this;
  }
};

class CheckPackage {
public:
  CheckPackage() : package(checkManifest()) {}
  /// Launches `kernel`; returns the status.
  attn_status run(const char *kernel, Launch &launchData, bool checked = true) {
    return launch(package.kernel(kernel), launchData.args, checked);
  }

private:
  Package package;
};

/// A paged launch over num_pages pages.
Launch paged(std::vector<int32_t> indptr, std::vector<int32_t> indices,
             std::vector<int32_t> lastPageLen, int64_t numPages = 8) {
  Launch launch;
  launch.cacheArg(numPages)
      .i32Arg(std::move(indptr))
      .i32Arg(std::move(indices))
      .i32Arg(std::move(lastPageLen));
  return launch;
}

} // namespace

TEST(CheckPagedPasses) {
  CheckPackage package;
  // Request 2 has no pages, so its last_page_len of 0 is fine; the indices
  // past kv_indptr[last] (99) are an unused tail and not checked.
  Launch launch = paged({0, 2, 3, 3}, {0, 5, 7, 99}, {4, 1, 0});
  CHECK_OK(package.run("paged", launch));
  CHECK_EQ(launch.flag[0], 1);
}

TEST(CheckIndptr) {
  CheckPackage package;
  {
    Launch launch = paged({-1, 2, 3, 3}, {0, 5, 7, 1}, {4, 1, 0});
    CHECK_ERROR(package.run("paged", launch), ATTN_ERROR_CHECK_FAILED,
                "kernel 'paged': check failed: kv_indptr[0] = -1 is negative");
    CHECK_EQ(launch.flag[0], 0);
  }
  {
    Launch launch = paged({0, 3, 2, 3}, {0, 5, 7, 1}, {4, 1, 0});
    CHECK_ERROR(package.run("paged", launch), ATTN_ERROR_CHECK_FAILED,
                "check failed: kv_indptr is not non-decreasing: kv_indptr[2] "
                "= 2 < kv_indptr[1] = 3");
  }
  {
    Launch launch = paged({0, 2, 3, 5}, {0, 5, 7, 1}, {4, 1, 1});
    CHECK_ERROR(package.run("paged", launch), ATTN_ERROR_CHECK_FAILED,
                "check failed: kv_indptr[3] = 5 (the last element) exceeds 4 "
                "(kv_indices.0)");
  }
  {
    // Both the indptr and a last_page_len are wrong: the indptr check runs
    // first although the manifest lists it last.
    Launch launch = paged({0, 3, 2, 3}, {0, 5, 7, 1}, {9, 9, 9});
    CHECK_ERROR(package.run("paged", launch), ATTN_ERROR_CHECK_FAILED,
                "kv_indptr is not non-decreasing");
  }
}

TEST(CheckRangeByIndptr) {
  CheckPackage package;
  {
    // The message of the spec: 64 pages, an index of 1000.
    Launch launch = paged({0, 8}, {0, 1, 2, 3, 4, 5, 6, 1000}, {1}, 64);
    CHECK_ERROR(package.run("paged", launch), ATTN_ERROR_CHECK_FAILED,
                "check failed: kv_indices[7] = 1000 is out of range [0, 63] "
                "(k_cache.0 - 1)");
  }
  {
    Launch launch = paged({0, 2, 3}, {0, -1, 7}, {4, 1});
    CHECK_ERROR(package.run("paged", launch), ATTN_ERROR_CHECK_FAILED,
                "check failed: kv_indices[1] = -1 is out of range [0, 7] "
                "(k_cache.0 - 1)");
  }
  {
    // Not checked: unchecked mode launches.
    Launch launch = paged({0, 2, 3}, {0, 1000, 7}, {4, 1});
    CHECK_OK(package.run("paged", launch, /*checked=*/false));
    CHECK_EQ(launch.flag[0], 1);
  }
}

TEST(CheckRangeGuardsItsIndptr) {
  CheckPackage package;
  {
    Launch launch;
    launch.i64Arg({0, 10}).i32Arg({1, 2, 3, 4}).i32Arg({1});
    CHECK_ERROR(package.run("unguarded", launch), ATTN_ERROR_CHECK_FAILED,
                "check failed: kv_indptr[0] = 0 .. kv_indptr[1] = 10 select "
                "elements [0, 10) of kv_indices, which has 4 elements");
  }
  {
    Launch launch;
    launch.i64Arg({3, 1}).i32Arg({1, 2, 3, 4}).i32Arg({1});
    CHECK_ERROR(package.run("unguarded", launch), ATTN_ERROR_CHECK_FAILED,
                "select elements [3, 1) of kv_indices");
  }
  {
    Launch launch;
    launch.i64Arg({-1, 1}).i32Arg({1, 2, 3, 4}).i32Arg({1});
    CHECK_ERROR(package.run("unguarded", launch), ATTN_ERROR_CHECK_FAILED,
                "kv_indptr[0] = -1 .. kv_indptr[1] = 1 select elements [-1, "
                "1)");
  }
  {
    Launch launch;
    launch.i64Arg({}).i32Arg({}).i32Arg({});
    CHECK_ERROR(package.run("unguarded", launch), ATTN_ERROR_CHECK_FAILED,
                "check failed: kv_indptr is empty, but an indptr has at least "
                "one element");
  }
  {
    // page_table: fewer last_page_len entries than requests.
    Launch launch;
    launch.i64Arg({0, 1, 2, 3}).i32Arg({1, 2, 3}).i32Arg({1});
    CHECK_ERROR(package.run("unguarded", launch), ATTN_ERROR_CHECK_FAILED,
                "check failed: kv_last_page_len has 1 element, but kv_indptr "
                "describes 3 requests");
  }
}

TEST(CheckPageTable) {
  CheckPackage package;
  {
    Launch launch = paged({0, 2, 3, 3}, {0, 5, 7, 1}, {4, 0, 0});
    CHECK_ERROR(package.run("paged", launch), ATTN_ERROR_CHECK_FAILED,
                "check failed: kv_last_page_len[1] = 0 is out of range [1, 4] "
                "(k_cache.1) for request 1, which has 1 page");
  }
  {
    Launch launch = paged({0, 2, 3, 3}, {0, 5, 7, 1}, {5, 1, 0});
    CHECK_ERROR(package.run("paged", launch), ATTN_ERROR_CHECK_FAILED,
                "check failed: kv_last_page_len[0] = 5 is out of range [1, 4] "
                "(k_cache.1) for request 0, which has 2 pages");
  }
  {
    Launch launch;
    launch.i64Arg({0, 1}).i32Arg({3}).i32Arg({17});
    CHECK_ERROR(package.run("unguarded", launch), ATTN_ERROR_CHECK_FAILED,
                "check failed: kv_last_page_len[0] = 17 is out of range [1, "
                "16] for request 0");
  }
}

TEST(CheckBlockTable) {
  CheckPackage package;
  auto blocks = [](std::vector<int64_t> table, int64_t rows,
                   std::vector<int32_t> contextLens) {
    Launch launch;
    int64_t cols = rows ? int64_t(table.size()) / rows : 0;
    launch.cacheArg(6)
        .i64Arg(std::move(table), {rows, cols})
        .i32Arg(std::move(contextLens));
    return launch;
  };
  {
    // Row 0 uses ceildiv(5, 4) = 2 blocks, row 1 one; -7 and 99 are unused.
    Launch launch = blocks({0, 5, -7, 2, 99, 99}, 2, {5, 3});
    CHECK_OK(package.run("blocks", launch));
    CHECK_EQ(launch.flag[0], 1);
  }
  {
    Launch launch = blocks({0, 5, -7, 2, 99, 99}, 2, {13, 3});
    CHECK_ERROR(package.run("blocks", launch), ATTN_ERROR_CHECK_FAILED,
                "check failed: context_lens[0] = 13 is out of range [0, 12] "
                "(block_tables.1 * block_size = 3 * 4 (k_cache.1))");
  }
  {
    Launch launch = blocks({0, 5, -7, 2, 99, 99}, 2, {5, -1});
    CHECK_ERROR(package.run("blocks", launch), ATTN_ERROR_CHECK_FAILED,
                "check failed: context_lens[1] = -1 is out of range [0, 12]");
  }
  {
    Launch launch = blocks({0, 5, -7, 6, 99, 99}, 2, {5, 3});
    CHECK_ERROR(package.run("blocks", launch), ATTN_ERROR_CHECK_FAILED,
                "check failed: block_tables[1, 0] = 6 is out of range [0, 6) "
                "(k_cache.0); context_lens[1] = 3 uses 1 block of row 1");
  }
  {
    Launch launch = blocks({0, -5, -7, 2, 99, 99}, 2, {5, 3});
    CHECK_ERROR(package.run("blocks", launch), ATTN_ERROR_CHECK_FAILED,
                "check failed: block_tables[0, 1] = -5 is out of range [0, 6) "
                "(k_cache.0); context_lens[0] = 5 uses 2 blocks of row 0");
  }
  {
    Launch launch = blocks({0, 5, -7, 2, 99, 99}, 2, {5, 3, 1});
    CHECK_ERROR(package.run("blocks", launch), ATTN_ERROR_CHECK_FAILED,
                "check failed: context_lens has 3 elements, but block_tables "
                "has 2 rows");
  }
  {
    Launch launch = blocks({0, 5, -7, 2, 99, 99}, 2, {5, 3});
    CHECK_ERROR(package.run("blocks0", launch), ATTN_ERROR_CHECK_FAILED,
                "check failed: block_size = 0 (k_cache.1 - 4) is not positive");
  }
  {
    // Unchecked: launched although row 1 points past the cache.
    Launch launch = blocks({0, 5, -7, 6, 99, 99}, 2, {5, 3});
    CHECK_OK(package.run("blocks", launch, /*checked=*/false));
    CHECK_EQ(launch.flag[0], 1);
  }
}

TEST(CheckAppendPositions) {
  CheckPackage package;
  auto appends = [](std::vector<int32_t> indptr, std::vector<int64_t> batch,
                    std::vector<int32_t> positions) {
    Launch launch;
    launch.cacheArg(8)
        .i32Arg(std::move(indptr))
        .i64Arg(std::move(batch))
        .i32Arg(std::move(positions));
    return launch;
  };
  {
    // Request 0 has 2 pages (8 slots), request 1 one page (4 slots).
    Launch launch = appends({0, 2, 3}, {0, 0, 1}, {0, 7, 3});
    CHECK_OK(package.run("appends", launch));
    CHECK_EQ(launch.flag[0], 1);
  }
  {
    Launch launch = appends({0, 2, 3}, {0, 2, 1}, {0, 7, 3});
    CHECK_ERROR(package.run("appends", launch), ATTN_ERROR_CHECK_FAILED,
                "check failed: batch_indices[1] = 2 is out of range [0, 2) "
                "(kv_indptr describes 2 requests)");
  }
  {
    Launch launch = appends({0, 2, 3}, {0, -1, 1}, {0, 7, 3});
    CHECK_ERROR(package.run("appends", launch), ATTN_ERROR_CHECK_FAILED,
                "check failed: batch_indices[1] = -1 is out of range [0, 2)");
  }
  {
    Launch launch = appends({0, 2, 3}, {0, 0, 1}, {0, 8, 3});
    CHECK_ERROR(package.run("appends", launch), ATTN_ERROR_CHECK_FAILED,
                "check failed: positions[1] = 8 is out of range [0, 8) for "
                "request 0 (batch_indices[1] = 0), which has 2 pages of 4 "
                "(k_cache.1) tokens");
  }
  {
    Launch launch = appends({0, 2, 3}, {0, 0, 1}, {0, 7, -3});
    CHECK_ERROR(package.run("appends", launch), ATTN_ERROR_CHECK_FAILED,
                "check failed: positions[2] = -3 is out of range [0, 4) for "
                "request 1");
  }
  {
    Launch launch = appends({0, 2, 3}, {0, 0, 1}, {0, 7});
    CHECK_ERROR(package.run("appends", launch), ATTN_ERROR_CHECK_FAILED,
                "check failed: positions has 2 elements, but batch_indices "
                "has 3");
  }
  {
    // The indptr check of the same launch runs first.
    Launch launch = appends({0, 2, 9}, {0, 0, 1}, {0, 7, 30});
    CHECK_ERROR(package.run("appends", launch), ATTN_ERROR_CHECK_FAILED,
                "check failed: kv_indptr[2] = 9 (the last element) exceeds 8 "
                "(k_cache.0)");
  }
}

TEST(CheckRangeSkipNegative) {
  CheckPackage package;
  {
    Launch launch;
    launch.cacheArg(2).i64Arg({0, -1, 7, -5});
    CHECK_OK(package.run("slots", launch));
    CHECK_EQ(launch.flag[0], 1);
  }
  {
    Launch launch;
    launch.cacheArg(2).i64Arg({0, -1, 8});
    CHECK_ERROR(package.run("slots", launch), ATTN_ERROR_CHECK_FAILED,
                "check failed: slot_mapping[2] = 8 is out of range [0, 7] "
                "(k_cache.0 * k_cache.1 - 1)");
  }
}

TEST(CheckRangeMultiDimensional) {
  CheckPackage package;
  {
    Launch launch;
    launch.i64Arg({1, 2, 3, 4, 5, 9}, {2, 3});
    CHECK_OK(package.run("ids", launch));
  }
  {
    Launch launch;
    launch.i64Arg({1, 2, 3, 4, 5, 10}, {2, 3});
    CHECK_ERROR(package.run("ids", launch), ATTN_ERROR_CHECK_FAILED,
                "check failed: ids[1, 2] = 10 is out of range [1, 9]");
    // Literal bounds: nothing follows the range.
    std::string message = attn_last_error();
    CHECK(message.size() >= 2 && message.substr(message.size() - 2) == "9]");
  }
  {
    Launch launch;
    launch.i32Arg({1, 2, 3, 4, 9, 10}, {2, 3});
    CHECK_ERROR(package.run("ids2", launch), ATTN_ERROR_CHECK_FAILED,
                "check failed: ids[1, 2] = 10 is out of range [1, 9] (min: "
                "ids.1 - 2, max: ids.1 * 3)");
  }
}

TEST(CheckBoundExpressionErrors) {
  CheckPackage package;
  Launch launch;
  launch.i32Arg({1, 2});
  CHECK_ERROR(package.run("badexpr", launch), ATTN_ERROR_INVALID_ARGUMENT,
              "kernel 'badexpr': range check: max = '100 / (v.0 - 2)': "
              "division by zero (100 / 0)");
  // Unchecked mode does not evaluate the checks.
  CHECK_OK(package.run("badexpr", launch, /*checked=*/false));
}

TEST(CheckOptionsDefaultToChecked) {
  CheckPackage package;
  Launch launch = paged({0, 2, 3}, {0, 1000, 7}, {4, 1});
  Package direct(checkManifest());
  attn_kernel *kernel = direct.kernel("paged");
  CHECK_ERROR(attn_kernel_launch(kernel, launch.args.data(), launch.args.size(),
                                 nullptr),
              ATTN_ERROR_CHECK_FAILED, "kv_indices[1] = 1000");
  attn_launch_options options{};
  options.checked = 0;
  CHECK_OK(attn_kernel_launch(kernel, launch.args.data(), launch.args.size(),
                              &options));
  CHECK_EQ(launch.flag[0], 1);
}

TEST(CheckSegmentLength) {
  CheckPackage package;
  auto segments = [](std::vector<int64_t> cu, int64_t maxLength) {
    Launch launch;
    launch.i64Arg(std::move(cu));
    launch.args.buffer(ATTN_DTYPE_F32, nullptr, {0, maxLength});
    return launch;
  };
  {
    Launch launch = segments({0, 3, 5, 5}, 3);
    CHECK_OK(package.run("segments", launch));
    CHECK_EQ(launch.flag[0], 1);
  }
  {
    Launch launch = segments({0, 3, 7}, 3);
    CHECK_ERROR(package.run("segments", launch), ATTN_ERROR_CHECK_FAILED,
                "check failed: the length of segment 1 of cu, cu[2] = 7 - "
                "cu[1] = 3, is 4, more than 3 (bias.1)");
  }
  {
    // The indptr check runs first.
    Launch launch = segments({0, 9, 7}, 3);
    CHECK_ERROR(package.run("segments", launch), ATTN_ERROR_CHECK_FAILED,
                "check failed: cu is not non-decreasing");
  }
}

TEST(CheckLe) {
  CheckPackage package;
  {
    Launch launch;
    launch.args.buffer(ATTN_DTYPE_F32, nullptr, {2, 0});
    CHECK_ERROR(package.run("le", launch), ATTN_ERROR_CHECK_FAILED,
                "check failed: a.0 = 2 exceeds a.1 = 0");
  }
  {
    Launch launch;
    launch.args.buffer(ATTN_DTYPE_F32, nullptr, {0, 0});
    CHECK_ERROR(package.run("le", launch), ATTN_ERROR_CHECK_FAILED,
                "check failed: 3 exceeds a.1 + 2 = 2");
  }
  {
    Launch launch;
    launch.args.buffer(ATTN_DTYPE_F32, nullptr, {0, 1});
    CHECK_OK(package.run("le", launch));
    CHECK_EQ(launch.flag[0], 1);
  }
}
