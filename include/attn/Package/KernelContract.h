//===- KernelContract.h - What a kernel promises the runtime ----*- C++ -*-===//
//
// The runtime-facing contract of a tensor-level kernel function: each
// argument's name, dtype and shape, where every dynamic size the kernel
// relies on is written as a size expression over other arguments (so the
// runtime can refuse inconsistent buffers), and the index-metadata checks of
// checked mode. It is derived from the attn ops' semantics and serialized into
// the package manifest (docs/package-format.md).
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_PACKAGE_KERNELCONTRACT_H
#define ATTN_PACKAGE_KERNELCONTRACT_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/Support/JSON.h"

#include <string>
#include <vector>

namespace mlir::attn {

struct ContractArg {
  std::string name;
  /// Manifest dtype ("f16", "i32", ...).
  std::string dtype;
  /// One JSON value per dimension: an integer (static size, -1 = any) or a
  /// size expression string.
  std::vector<llvm::json::Value> shape;
  bool isResult = false;
};

struct KernelContract {
  std::string name;
  /// The function's arguments, then its results.
  std::vector<ContractArg> args;
  std::vector<llvm::json::Value> checks;

  const ContractArg *lookup(llvm::StringRef name) const;
};

/// The name of argument `i` / result `i` of a kernel function: its
/// `attn.name` attribute, else `argI` / `resultI`.
std::string getKernelArgName(func::FuncOp func, unsigned i);
std::string getKernelResultName(func::FuncOp func, unsigned i);

/// Derives the contract of a public, tensor-level kernel function. Fails
/// (with a diagnostic on the function) when an argument has a type the
/// runtime cannot pass, names collide, or an output size cannot be derived
/// from the inputs.
FailureOr<KernelContract> deriveKernelContract(func::FuncOp func);

} // namespace mlir::attn

#endif // ATTN_PACKAGE_KERNELCONTRACT_H
