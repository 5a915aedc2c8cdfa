//===- Compile.cpp - Compile a kernel module into a package ---------------===//

#include "attn/Package/Compile.h"

#include "attn/Dialect/Attn/IR/AttnDialect.h"
#include "attn/Dialect/Attn/IR/AttnOps.h"
#include "attn/Dialect/AttnTile/IR/AttnTileDialect.h"
#include "attn/Target/NVVM/Pipelines.h"
#include "attn/Target/ROCDL/Pipelines.h"

#include "attn/Package/KernelContract.h"
#include "attn/Target/CPU/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/GPU/GPUToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Export.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/SHA256.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <cstring>

#if defined(__linux__)
#include <elf.h>
#include <link.h>
#endif

using namespace mlir;
using namespace mlir::attn;
namespace json = llvm::json;

static constexpr const char *kVersion = "0.1.0";

std::string mlir::attn::getCompilerVersion() {
  return std::string("attn-compile ") + kVersion + " (MLIR " +
         LLVM_VERSION_STRING + ")";
}

#if defined(__linux__)
/// Feeds the GNU build id of a loaded object to `hash` if the object is the
/// executable or one of attn's, MLIR's or LLVM's shared libraries.
static int hashBuildId(struct dl_phdr_info *info, size_t, void *data) {
  auto &hash = *static_cast<llvm::SHA256 *>(data);
  llvm::StringRef name = llvm::sys::path::filename(info->dlpi_name);
  bool ours = name.empty() || name.starts_with("libAttn") ||
              name.starts_with("libMLIR") || name.starts_with("libLLVM");
  if (!ours)
    return 0;
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr) &ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_NOTE)
      continue;
    const char *p = reinterpret_cast<const char *>(info->dlpi_addr + ph.p_vaddr);
    const char *end = p + ph.p_memsz;
    auto align4 = [](size_t n) { return (n + 3) & ~size_t(3); };
    while (p + sizeof(ElfW(Nhdr)) <= end) {
      ElfW(Nhdr) note;
      std::memcpy(&note, p, sizeof(note));
      const char *noteName = p + sizeof(note);
      const char *desc = noteName + align4(note.n_namesz);
      if (desc + note.n_descsz > end)
        break;
      if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 &&
          std::memcmp(noteName, "GNU", 4) == 0)
        hash.update(llvm::ArrayRef<uint8_t>(
            reinterpret_cast<const uint8_t *>(desc), note.n_descsz));
      p = desc + align4(note.n_descsz);
    }
  }
  return 0;
}
#endif

std::string mlir::attn::getCompilerBuildId() {
#if defined(__linux__)
  llvm::SHA256 hash;
  dl_iterate_phdr(hashBuildId, &hash);
  std::array<uint8_t, 32> digest = hash.final();
  return llvm::toHex(llvm::ArrayRef<uint8_t>(digest).take_front(8),
                     /*LowerCase=*/true);
#else
  return {};
#endif
}

/// The C compiler that links the host shared object.
static std::string findCC(const CompileOptions &options) {
  if (!options.cc.empty())
    return options.cc;
  if (const char *env = std::getenv("ATTN_CC"); env && *env)
    return env;
  for (const char *name : {"clang-22"})
    if (auto path = llvm::sys::findProgramByName(name))
      return *path;
  if (llvm::sys::fs::can_execute("/usr/lib/llvm-22/bin/clang"))
    return "/usr/lib/llvm-22/bin/clang";
  if (auto path = llvm::sys::findProgramByName("clang"))
    return *path;
  return {};
}

/// The manifest entry of the kernel behind `_mlir_ciface_NAME`: argument
/// names and access come from the wrapper's argument attributes, dtypes and
/// shapes from the contract.
static FailureOr<json::Object> kernelEntry(LLVM::LLVMFuncOp wrapper,
                                           const KernelContract &contract) {
  // The trailing arguments are the out-parameters, named in
  // `attn.result_names` by attn-cpu-kernel-abi.
  auto resultNames = wrapper->getAttrOfType<ArrayAttr>("attn.result_names");
  unsigned numResults = resultNames ? resultNames.size() : 0;
  unsigned numInputs = wrapper.getNumArguments() - numResults;
  json::Array args;
  for (unsigned i = 0, e = wrapper.getNumArguments(); i < e; ++i) {
    std::string n;
    if (auto name = wrapper.getArgAttrOfType<StringAttr>(i, "attn.name"))
      n = name.str();
    else if (i >= numInputs)
      n = cast<StringAttr>(resultNames[i - numInputs]).str();
    else
      n = "arg" + std::to_string(i);
    const ContractArg *arg = contract.lookup(n);
    if (!arg)
      return wrapper.emitError("kernel '")
             << contract.name << "': argument #" << i << " ('" << n
             << "') has no entry in the kernel contract";
    StringRef access = arg->isResult ? "write" : "read";
    if (auto a = wrapper.getArgAttrOfType<StringAttr>(i, "attn.access"))
      access = a.getValue();
    args.push_back(json::Object{
        {"name", n},
        {"kind", "buffer"},
        {"dtype", arg->dtype},
        {"shape", json::Array(arg->shape)},
        {"access", access}});
  }
  return json::Object{{"name", contract.name},
                      {"symbol", contract.name + "_attn_entry"},
                      {"abi", "packed-memref"},
                      {"args", std::move(args)},
                      {"grid", json::Array{1, 1, 1}},
                      {"checks", json::Array(contract.checks)}};
}

static LogicalResult writeFile(Location loc, StringRef path,
                               function_ref<void(llvm::raw_ostream &)> write) {
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec);
  if (ec)
    return emitError(loc) << "cannot write '" << path << "': " << ec.message();
  write(os);
  return success();
}

LogicalResult mlir::attn::compilePackage(ModuleOp module,
                                         const CompileOptions &options,
                                         StringRef outDir) {
  Location loc = module.getLoc();
  bool cuda = options.target == "cuda", hip = options.target == "hip";
  if (options.target != "cpu" && !cuda && !hip)
    return emitError(loc) << "unknown target '" << options.target
                          << "'; this attn-compile generates for: cpu, cuda, "
                             "hip";
  std::string chip =
      !options.chip.empty() ? options.chip : cuda ? "sm_90a" : "gfx942";
  if (cuda || hip) {
    // The ops the GPU targets do not lower yet: Lightning's recurrence
    // (HSTU runs as a prefill), attn.rope other than fused into a prefill.
    WalkResult notYet = module.walk([&](Operation *op) {
      bool unfused = false;
      if (auto rope = dyn_cast<RopeOp>(op))
        unfused = !llvm::all_of(rope->getUsers(),
                                [](Operation *u) { return isa<PrefillOp>(u); });
      auto linear = dyn_cast<LinearAttentionOp>(op);
      bool lightning = linear && linear.getKind() == LinearKind::lightning;
      if (!lightning && !unfused)
        return WalkResult::advance();
      op->emitError() << "the " << options.target << " target cannot lower '"
                      << op->getName()
                      << "' yet; compile it with --target=cpu";
      return WalkResult::interrupt();
    });
    if (notYet.wasInterrupted())
      return failure();
  }

  // Contracts are derived from the tensor-level functions.
  std::vector<KernelContract> contracts;
  for (auto func : module.getOps<func::FuncOp>()) {
    if (!func.isPublic() || func.isExternal())
      continue;
    FailureOr<KernelContract> contract = deriveKernelContract(func);
    if (failed(contract))
      return failure();
    contracts.push_back(std::move(*contract));
  }
  if (contracts.empty())
    return emitError(loc) << "the module has no public function to compile";

  if (options.pipeline != "tiled" && options.pipeline != "reference")
    return emitError(loc) << "unknown pipeline '" << options.pipeline
                          << "' (expected tiled or reference)";
  PassManager pm(module.getContext());
  if (!options.prePasses.empty()) {
    std::string error;
    llvm::raw_string_ostream os(error);
    if (failed(parsePassPipeline(options.prePasses, pm, os)))
      return emitError(loc) << "bad pass pipeline '" << options.prePasses
                            << "': " << error;
  }
  std::string binaryFormat;
  // hip: gpu-module-to-binary links with DIR/llvm/bin/ld.lld; DIR is a
  // temporary directory holding a link to ld.lld.
  SmallString<128> toolkit;
  auto removeToolkit = llvm::make_scope_exit([&] {
    if (!toolkit.empty())
      llvm::sys::fs::remove_directories(toolkit);
  });
  if (hip) {
    std::string lld = findLld();
    if (lld.empty())
      return emitError(loc) << "the hip target links code objects with "
                               "ld.lld, which was not found (install lld-22)";
    SmallString<128> bin;
    if (std::error_code ec = llvm::sys::fs::createUniqueDirectory(
            "attn-rocm-toolkit", toolkit))
      return emitError(loc) << "cannot create a temporary directory: "
                            << ec.message();
    bin = toolkit;
    llvm::sys::path::append(bin, "llvm", "bin");
    SmallString<128> link(bin);
    llvm::sys::path::append(link, "ld.lld");
    if (std::error_code ec = llvm::sys::fs::create_directories(bin);
        ec || (ec = llvm::sys::fs::create_link(lld, link)))
      return emitError(loc) << "cannot link ld.lld into '" << bin
                            << "': " << ec.message();
    AttnToROCDLOptions rocdl;
    rocdl.chip = chip;
    rocdl.toolkit = std::string(toolkit);
    rocdl.setKernelOptions(options.gpuKernel);
    binaryFormat = "hsaco";
    buildAttnToROCDLPipeline(pm, rocdl);
  } else if (cuda) {
    AttnToNVVMOptions nvvm;
    nvvm.chip = chip;
    nvvm.features = options.ptxFeatures;
    nvvm.setKernelOptions(options.gpuKernel);
    // Without ptxas the package carries PTX, which the driver compiles
    // when it loads the module.
    std::string ptxas = findPtxas();
    binaryFormat = ptxas.empty() ? "ptx" : "cubin";

    nvvm.format = binaryFormat == "ptx" ? "isa" : "bin";
    if (binaryFormat == "ptx")
      emitWarning(loc) << "no ptxas found (PATH, /usr/local/cuda/bin): the "
                          "package embeds PTX, compiled by the CUDA driver "
                          "when it is loaded";
    buildAttnToNVVMPipeline(pm, nvvm);
  } else {
    CPUPipelineOptions cpu;
    cpu.verifyBounds = options.verifyBounds;
    if (options.pipeline == "reference")
      buildAttnToCPUReferencePipeline(pm, cpu);
    else
      buildAttnToCPUPipeline(pm, cpu);
  }
  if (failed(pm.run(module)))
    return failure();

  json::Array kernels;
  for (const KernelContract &contract : contracts) {
    auto wrapper =
        module.lookupSymbol<LLVM::LLVMFuncOp>("_mlir_ciface_" + contract.name);
    if (!wrapper)
      return emitError(loc) << "kernel '" << contract.name
                            << "' has no C interface after lowering";
    FailureOr<json::Object> entry = kernelEntry(wrapper, contract);
    if (failed(entry))
      return failure();
    kernels.push_back(std::move(*entry));
  }

  // The attn.* attributes have served the manifest; LLVM IR has no use for
  // them.
  module.walk([](LLVM::LLVMFuncOp fn) {
    fn->removeAttr("attn.result_names");
    for (unsigned i = 0, e = fn.getNumArguments(); i < e; ++i) {
      fn.removeArgAttr(i, "attn.name");
      fn.removeArgAttr(i, "attn.access");
    }
  });

  // LLVM IR, then a host shared object.
  registerBuiltinDialectTranslation(*module.getContext());
  registerLLVMDialectTranslation(*module.getContext());
  registerGPUDialectTranslation(*module.getContext());
  llvm::LLVMContext llvmContext;
  std::unique_ptr<llvm::Module> llvmModule =
      translateModuleToLLVMIR(module, llvmContext, "attn_kernels");
  if (!llvmModule)
    return emitError(loc) << "translation to LLVM IR failed";

  if (std::error_code ec = llvm::sys::fs::create_directories(outDir))
    return emitError(loc) << "cannot create '" << outDir
                          << "': " << ec.message();
  SmallString<256> llPath(outDir), soPath(outDir), manifestPath(outDir);
  llvm::sys::path::append(llPath, "kernels.ll");
  llvm::sys::path::append(soPath, "kernels.so");
  llvm::sys::path::append(manifestPath, "manifest.json");
  if (failed(writeFile(loc, llPath,
                       [&](llvm::raw_ostream &os) { llvmModule->print(os, nullptr); })))
    return failure();

  std::string cc = findCC(options);
  if (cc.empty())
    return emitError(loc) << "no C compiler to link the kernels: install "
                             "clang-22 or set ATTN_CC";
  SmallVector<StringRef> argv = {cc,     "-shared", "-fPIC", "-O2",
                                 "-Wno-override-module", llPath, "-o",
                                 soPath, "-lm"};
  std::string errMsg;
  int rc = llvm::sys::ExecuteAndWait(cc, argv, std::nullopt, {}, 0, 0, &errMsg);
  if (rc != 0)
    return emitError(loc) << "linking the kernels with '" << cc
                          << "' failed (exit code " << rc << ")"
                          << (errMsg.empty() ? "" : ": " + errMsg);
  if (!options.keepIntermediates)
    llvm::sys::fs::remove(llPath);

  json::Object manifest{{"format", "attn-kernel-package"},
                        {"version", 1},
                        {"compiler", getCompilerVersion()},
                        {"pipeline", options.pipeline},
                        {"target", options.target},
                        {"binary", "kernels.so"},
                        {"kernels", std::move(kernels)}};
  if (cuda || hip) {
    manifest["chip"] = chip;
    manifest["device_code"] = binaryFormat;
  }
  return writeFile(loc, manifestPath, [&](llvm::raw_ostream &os) {
    os << llvm::formatv("{0:2}", json::Value(std::move(manifest))) << "\n";
  });
}
