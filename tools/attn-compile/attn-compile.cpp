//===- attn-compile.cpp - Compile attn IR into a kernel package -----------===//
//
//   attn-compile INPUT.mlir -o OUT.attnpkg [--target=cpu]
//
// Every public function of INPUT becomes a kernel of the package
// (docs/package-format.md) that libattn_runtime loads and launches.
//
//===----------------------------------------------------------------------===//

#include "attn/InitAttn.h"
#include "attn/Package/Compile.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Support/FileUtilities.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
namespace cl = llvm::cl;

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::opt<std::string> input(cl::Positional, cl::desc("<input.mlir>"),
                             cl::init("-"));
  cl::opt<std::string> output("o", cl::desc("package directory to write"),
                              cl::value_desc("dir"), cl::Required);
  cl::opt<std::string> target("target", cl::desc("target: cpu, cuda or hip"),
                              cl::init("cpu"));
  cl::opt<std::string> chip(
      "chip",
      cl::desc("GPU architecture: sm_80, sm_90, sm_90a (cuda; default "
               "sm_90a), gfx90a, gfx942, gfx950 (hip; default gfx942)"));
  cl::opt<std::string> cc("cc", cl::desc("C compiler that links the host "
                                         "shared object"));
  cl::opt<std::string> pipeline(
      "pipeline",
      cl::desc("how attn ops are lowered: tiled (attn-to-cpu, the default) "
               "or reference (attn-to-cpu-reference)"),
      cl::init("tiled"));
  cl::opt<int64_t> blockM("block-m",
                          cl::desc("GPU targets: query rows of a tile (0: "
                                   "the target's default)"),
                          cl::init(0));
  cl::opt<int64_t> blockN("block-n",
                          cl::desc("GPU targets: keys of a KV tile (0: the "
                                   "target's default)"),
                          cl::init(0));
  cl::opt<int64_t> kvSplits("kv-splits",
                            cl::desc("GPU targets: KV splits of every kernel "
                                     "(0: chosen at run time)"),
                            cl::init(0));
  cl::opt<int64_t> kvParallelism(
      "kv-parallelism",
      cl::desc("GPU targets: work items that run-time split counts aim for"),
      cl::init(264));
  cl::opt<bool> keep("keep-intermediates",
                     cl::desc("keep kernels.ll in the package"));
  cl::AddExtraVersionPrinter([](llvm::raw_ostream &os) {
    os << attn::getCompilerVersion() << "\n";
    if (std::string id = attn::getCompilerBuildId(); !id.empty())
      os << "  build id: " << id << "\n";
  });
  cl::ParseCommandLineOptions(argc, argv, "attn kernel compiler\n");

  DialectRegistry registry;
  registerAllDialects(registry);
  registerAllExtensions(registry);
  attn::registerAttnDialects(registry);
  MLIRContext context(registry);

  std::string err;
  auto file = openInputFile(input, &err);
  if (!file) {
    llvm::errs() << "attn-compile: " << err << "\n";
    return 1;
  }
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(file), llvm::SMLoc());
  SourceMgrDiagnosticHandler handler(sourceMgr, &context);
  OwningOpRef<ModuleOp> module = parseSourceFile<ModuleOp>(sourceMgr, &context);
  if (!module)
    return 1;
  attn::CompileOptions options;
  options.target = target;
  options.chip = chip;
  options.cc = cc;
  options.keepIntermediates = keep;
  options.pipeline = pipeline;
  options.gpuKernel = {blockM, blockN, kvSplits, kvParallelism};
  return failed(attn::compilePackage(*module, options, output)) ? 1 : 0;
}
