//===- Npy.h - Read and write NumPy .npy files ------------------*- C++ -*-===//

#ifndef ATTN_TOOLS_ATTNRUN_NPY_H
#define ATTN_TOOLS_ATTNRUN_NPY_H

#include "attn-c/runtime.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <vector>

namespace attn_run {

/// A dense, C-ordered array.
struct Array {
  attn_dtype dtype = ATTN_DTYPE_F32;
  std::vector<int64_t> shape;
  std::vector<uint8_t> bytes;

  int64_t numElements() const;
  /// Element `i` as a double (floating and integer dtypes).
  double get(int64_t i) const;
  void set(int64_t i, double v);
};

/// Bytes per element of `dtype`.
size_t dtypeSize(attn_dtype dtype);

/// Reads a version 1-3 .npy file of dtype <f8, <f4, <f2, <i8, <i4, |i1,
/// |u1 or |b1, C order.
llvm::Expected<Array> readNpy(llvm::StringRef path);
llvm::Error writeNpy(llvm::StringRef path, const Array &array);

} // namespace attn_run

#endif // ATTN_TOOLS_ATTNRUN_NPY_H
