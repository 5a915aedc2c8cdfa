//===- Compile.h - Compile a kernel module into a package -------*- C++ -*-===//
//
// The driver behind attn-compile and attn-run: derive each kernel's contract,
// lower the module for the target, produce the binary and write the package
// directory (docs/package-format.md).
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_PACKAGE_COMPILE_H
#define ATTN_PACKAGE_COMPILE_H

#include "mlir/IR/BuiltinOps.h"

#include "attn/Target/GPU/Pipelines.h"

#include <string>

namespace mlir::attn {

struct CompileOptions {
  /// "cpu", "cuda" (host code plus a cubin; attn-to-nvvm) or "hip" (host
  /// code plus an HSA code object; attn-to-rocdl).
  std::string target = "cpu";
  /// GPU targets: the architecture; empty: sm_90a for cuda, gfx942 for hip.
  std::string chip;
  /// cuda: the PTX features.
  std::string ptxFeatures = "+ptx80";
  /// GPU targets: tile sizes and KV splits (attn-to-nvvm's and
  /// attn-to-rocdl's block-m, block-n, kv-splits, kv-parallelism).
  GPUKernelOptions gpuKernel;
  /// The C compiler that links the host shared object; empty: $ATTN_CC, else
  /// clang-22, else /usr/lib/llvm-22/bin/clang, else clang.
  std::string cc;
  /// How attn ops are lowered: "tiled" (the `attn-to-cpu` pipeline) or
  /// "reference" (`attn-to-cpu-reference`, the oracle).
  std::string pipeline = "tiled";
  /// Check every memref access of the kernels at run time (slow; tests).
  bool verifyBounds = false;
  /// Keep the intermediate LLVM IR (kernels.ll) in the package.
  bool keepIntermediates = false;
  /// A pass pipeline (attn-opt syntax, anchored on the module) run on the
  /// tensor-level IR after the kernel contracts are derived from it and
  /// before the target pipeline; empty: none. attn-run --passes uses it.
  std::string prePasses;
};

/// One line naming attn-compile's and MLIR's versions, as written in
/// manifests.
std::string getCompilerVersion();

/// A fingerprint of this build: a hash of the GNU build ids of the running
/// executable and the attn, MLIR and LLVM shared libraries it loaded (16 hex
/// digits), so that a rebuilt compiler with an unchanged version has a new
/// id. Empty where build ids cannot be read (non-Linux hosts).
std::string getCompilerBuildId();

/// Compiles every public function of `module` (tensor-level attn IR) into
/// the package directory `outDir`, created if needed. Diagnostics go to the
/// module's context.
LogicalResult compilePackage(ModuleOp module, const CompileOptions &options,
                             llvm::StringRef outDir);

} // namespace mlir::attn

#endif // ATTN_PACKAGE_COMPILE_H
