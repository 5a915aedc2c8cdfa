//===- Passes.td - CPU target passes -----------------------*- tablegen -*-===//

#ifndef ATTN_TARGET_CPU_PASSES_TD
#define ATTN_TARGET_CPU_PASSES_TD

include "mlir/Pass/PassBase.td"

def AttnCPUKernelABI : Pass<"attn-cpu-kernel-abi", "::mlir::ModuleOp"> {
  let summary = "Prepare bufferized kernel functions for the runtime's CPU ABI";
  let description = [{
    Runs after one-shot bufferization, before `buffer-results-to-out-params`.
    For every public function with a body:

    * a result that is one of the function's own arguments (an in-place
      update, e.g. `attn.append_kv`'s caches) is dropped, and that argument
      is marked `attn.access = "readwrite"`;
    * the names of the remaining results (their `attn.name` attribute, else
      `resultN`) are recorded in the function attribute `attn.result_names`,
      in order, since they become the trailing out-parameters;
    * `llvm.emit_c_interface` is set, so the LLVM lowering emits the
      `_mlir_ciface_` wrapper that `attn-cpu-packed-entry` calls.

    See docs/package-format.md for the ABI.
  }];
}

def AttnCPUPackedEntry : Pass<"attn-cpu-packed-entry", "::mlir::ModuleOp"> {
  let summary = "Add a `void NAME_attn_entry(void **args)` entry per kernel";
  let description = [{
    Runs on the LLVM dialect. For every `_mlir_ciface_NAME` function it adds
    `NAME_attn_entry(!llvm.ptr)`: argument `i` is read through `args[i]`
    (a pointer to a memref descriptor, or to a scalar's value) and passed to
    `_mlir_ciface_NAME`. The runtime calls every kernel through this one
    signature (the `packed-memref` ABI of docs/package-format.md).
  }];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
}

#endif // ATTN_TARGET_CPU_PASSES_TD
