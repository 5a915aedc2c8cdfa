//===- CpuBackend.cpp - Host shared objects, packed-memref ABI ------------===//
//
// The binary of a cpu package is a shared object exporting, per kernel,
// `void SYMBOL(void **args)`. args[i] points to argument i: an MLIR ranked
// memref descriptor for a buffer,
//
//   struct { void *allocated; void *aligned; int64_t offset;
//            int64_t sizes[R]; int64_t strides[R]; }
//
// with allocated = aligned = data, offset 0 and contiguous strides, or the
// scalar's C value.
//
//===----------------------------------------------------------------------===//

#include "Backend.h"

#include <cassert>
#include <cstring>
#include <dlfcn.h>

using namespace attn::runtime;

namespace {

/// The fixed part of a memref descriptor; sizes and strides follow it.
struct DescriptorHeader {
  void *allocated;
  void *aligned;
  int64_t offset;
};

/// The storage of one argument, in 8-byte words: every member of a
/// descriptor and every scalar type is at most 8-byte aligned.
using Word = uint64_t;
static_assert(alignof(DescriptorHeader) <= alignof(Word), "alignment");
static_assert(sizeof(DescriptorHeader) % sizeof(Word) == 0, "no padding");

size_t getNumWords(const BoundArg &arg) {
  if (!arg.spec->isBuffer())
    return 1;
  size_t bytes = sizeof(DescriptorHeader) + 2 * arg.rank * sizeof(int64_t);
  return (bytes + sizeof(Word) - 1) / sizeof(Word);
}

void writeDescriptor(const BoundArg &arg, Word *storage) {
  DescriptorHeader header{arg.data, arg.data, 0};
  std::memcpy(storage, &header, sizeof(header));
  // int64_t may alias the uint64_t storage.
  auto *sizes =
      reinterpret_cast<int64_t *>(storage + sizeof(header) / sizeof(Word));
  int64_t *strides = sizes + arg.rank;
  // bindArguments bounded the products, so the strides cannot overflow.
  int64_t stride = 1;
  for (int32_t d = arg.rank - 1; d >= 0; --d) {
    sizes[d] = arg.shape[d];
    strides[d] = stride;
    stride *= arg.shape[d];
  }
}

template <typename T> void writeValue(T value, Word *storage) {
  static_assert(sizeof(T) <= sizeof(Word), "a scalar fits in a word");
  std::memcpy(storage, &value, sizeof(value));
}

void writeScalar(const BoundArg &arg, Word *storage) {
  // bindArguments checked that the value fits the dtype.
  switch (arg.spec->dtype) {
  case ATTN_DTYPE_F64:
    writeValue(arg.f64, storage);
    return;
  case ATTN_DTYPE_F32:
    writeValue(static_cast<float>(arg.f64), storage);
    return;
  case ATTN_DTYPE_I64:
    writeValue(arg.i64, storage);
    return;
  case ATTN_DTYPE_I32:
    writeValue(static_cast<int32_t>(arg.i64), storage);
    return;
  case ATTN_DTYPE_I8:
    writeValue(static_cast<int8_t>(arg.i64), storage);
    return;
  case ATTN_DTYPE_U8:
  case ATTN_DTYPE_I1:
    writeValue(static_cast<uint8_t>(arg.i64), storage);
    return;
  default:
    assert(false && "the manifest refused scalars of this dtype");
  }
}

class CpuBackend final : public Backend {
public:
  ~CpuBackend() override {
    if (library)
      dlclose(library);
  }

  Target getTarget() const override { return Target::Cpu; }

  Status loadBinary(const std::string &path) override {
    assert(!library && "binary already loaded");
    binaryPath = path;
    dlerror(); // clear
    library = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!library)
      return Status::error(ATTN_ERROR_BACKEND,
                           "cannot load '" + path + "': " + lastDlError());
    return Status::success();
  }

  Status resolveKernel(const std::string &symbol,
                       KernelHandle &handle) override {
    assert(library && "no binary loaded");
    dlerror(); // clear
    handle = dlsym(library, symbol.c_str());
    if (!handle)
      return Status::error(ATTN_ERROR_BACKEND,
                           "symbol '" + symbol + "' not found in '" +
                               binaryPath + "': " + lastDlError());
    return Status::success();
  }

  Status launch(KernelHandle handle, const std::vector<BoundArg> &args,
                const LaunchConfig &config) override {
    if (config.grid[0] != 1 || config.grid[1] != 1 || config.grid[2] != 1)
      return Status::error(ATTN_ERROR_INVALID_ARGUMENT,
                           "a cpu kernel's grid must be [1, 1, 1]");

    // One buffer for every argument's storage, one pointer per argument.
    std::vector<size_t> offsets(args.size());
    size_t numWords = 0;
    for (size_t i = 0; i < args.size(); ++i) {
      offsets[i] = numWords;
      numWords += getNumWords(args[i]);
    }
    std::vector<Word> storage(numWords);
    std::vector<void *> pointers(args.size());
    for (size_t i = 0; i < args.size(); ++i) {
      Word *slot = storage.data() + offsets[i];
      if (args[i].spec->isBuffer())
        writeDescriptor(args[i], slot);
      else
        writeScalar(args[i], slot);
      pointers[i] = slot;
    }

    using EntryPoint = void (*)(void **);
    auto entry = reinterpret_cast<EntryPoint>(handle);
    entry(pointers.data());
    return Status::success();
  }

private:
  void *library = nullptr;
  std::string binaryPath;

  static std::string lastDlError() {
    const char *message = dlerror();
    return message ? message : "unknown error";
  }
};

} // namespace

std::unique_ptr<Backend> attn::runtime::createCpuBackend() {
  return std::make_unique<CpuBackend>();
}
