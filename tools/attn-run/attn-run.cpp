//===- attn-run.cpp - Run a function of an attn IR file -------------------===//
//
//   attn-run INPUT.mlir [-e NAME] [--input NAME=FILE.npy|VALUES]...
//            [--dim NAME.I=N]
//            [--seed S] [--output-dir DIR] [--print] [--check [--tolerance T]]
//            [--passes PIPELINE] [--unchecked]
//
// Compiles INPUT with attn-compile's driver, loads the package through the
// runtime (libattn_runtime) and launches one kernel. Inputs come from .npy
// files, from values written on the command line (`--input 'q=1 0 0.5 2'`,
// numbers separated by spaces or commas, in row-major order, in the
// argument's dtype and shape; its free dimensions from --dim), or are drawn
// at random (uniform in [-1, 1], seeded); the sizes of random inputs' free
// dimensions come from --dim. Outputs are poisoned with
// NaN before the launch, then written as .npy files and/or printed.
// --check runs the reference lowering on the same inputs and prints the
// largest absolute and relative error of every output. --passes transforms
// the IR before it is compiled, so --check tests that a pass preserves the
// semantics numerically.
//
//===----------------------------------------------------------------------===//

#include "Npy.h"

#include "attn/InitAttn.h"
#include "attn/Package/Compile.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Transforms/Passes.h"

#include "llvm/ADT/ScopeExit.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <map>
#include <optional>
#include <random>
#include <vector>

using namespace mlir;
namespace cl = llvm::cl;

namespace {
cl::opt<std::string> inputFile(cl::Positional, cl::desc("<input.mlir>"),
                               cl::Required);
cl::opt<std::string> entry("e", cl::desc("function to run (default: the only "
                                         "public function)"));
cl::list<std::string> inputs(
    "input", cl::desc("NAME=FILE.npy or NAME='V0 V1 ...': an argument's value"));
cl::list<std::string> dims("dim", cl::desc("NAME.I=N: size of a free dimension "
                                           "of a random input"));
cl::opt<unsigned> seed("seed", cl::desc("seed of random inputs"), cl::init(0));
cl::opt<std::string> outputDir("output-dir",
                               cl::desc("write every output as NAME.npy here"));
cl::opt<bool> print("print", cl::desc("print every output"));
cl::opt<bool> check("check", cl::desc("compare with the reference lowering"));
cl::opt<double> tolerance(
    "tolerance",
    cl::desc("with --check: fail (exit 1) if an output's max abs error "
             "exceeds this"),
    cl::init(-1));
cl::opt<std::string> passes(
    "passes",
    cl::desc("a pass pipeline (attn-opt syntax, e.g. "
             "'func.func(attn-expand-functors)') applied to the IR before it "
             "is compiled; --check still compares with the reference "
             "lowering of the IR as written"),
    cl::init(""));
cl::opt<std::string> pipeline(
    "pipeline",
    cl::desc("how the kernel is lowered: tiled (the default) or reference; "
             "--check always compares with the reference lowering"),
    cl::init("tiled"));
cl::opt<bool> verifyBounds(
    "verify-bounds",
    cl::desc("compile both kernels with a bounds check on every memory "
             "access (an out-of-bounds read aborts with its location)"));
cl::opt<bool> unchecked("unchecked",
                        cl::desc("skip the runtime's metadata checks"));

int fail(const llvm::Twine &msg) {
  llvm::errs() << "attn-run: " << msg << "\n";
  return 1;
}

/// A kernel's argument values, by signature position.
struct Launch {
  std::vector<attn_run::Array> arrays;
  std::vector<attn_arg> args;
};

/// Compiles `module` into a fresh package directory and loads `name`.
attn_kernel *compileAndLoad(ModuleOp module, llvm::StringRef dir,
                            attn_package **package, std::string &name,
                            llvm::StringRef pipelineName,
                            llvm::StringRef prePasses = "") {
  mlir::attn::CompileOptions options;
  options.pipeline = pipelineName.str();
  options.verifyBounds = verifyBounds;
  options.prePasses = prePasses.str();
  if (failed(mlir::attn::compilePackage(module, options, dir)))
    return nullptr;
  if (attn_package_load(dir.str().c_str(), package) != ATTN_OK) {
    fail(attn_last_error());
    return nullptr;
  }
  attn_kernel *kernel = nullptr;
  if (name.empty()) {
    if (attn_package_num_kernels(*package) != 1) {
      fail("the module has several public functions; choose one with -e");
      return nullptr;
    }
    attn_package_kernel_at(*package, 0, &kernel);
    name = attn_kernel_name(kernel);
    return kernel;
  }
  if (attn_package_kernel(*package, name.c_str(), &kernel) != ATTN_OK) {
    fail(attn_last_error());
    return nullptr;
  }
  return kernel;
}

/// Parses `--input` values: numbers separated by spaces or commas. None if
/// `text` is not such a list (then it names a .npy file).
std::optional<std::vector<double>> parseValues(llvm::StringRef text) {
  llvm::SmallVector<llvm::StringRef> tokens;
  text.split(tokens, ' ', -1, /*KeepEmpty=*/false);
  std::vector<double> list;
  for (llvm::StringRef token : tokens) {
    llvm::SmallVector<llvm::StringRef> parts;
    token.split(parts, ',', -1, /*KeepEmpty=*/false);
    for (llvm::StringRef part : parts) {
      double v;
      if (part.getAsDouble(v, /*AllowInexact=*/true))
        return std::nullopt;
      list.push_back(v);
    }
  }
  if (list.empty())
    return std::nullopt;
  return list;
}

/// Fills the free dimensions (-1) of `shape` from --dim NAME.I=N. One free
/// dimension left without --dim is inferred from the number of `values`
/// given on the command line, if any.
bool resolveShape(const std::string &name, std::vector<int64_t> &shape,
                  const std::map<std::string, int64_t> &dimSizes,
                  const std::vector<double> *values) {
  std::optional<size_t> inferred;
  int64_t known = 1;
  for (auto [d, size] : llvm::enumerate(shape)) {
    if (size < 0) {
      std::string key = name + "." + std::to_string(d);
      auto it = dimSizes.find(key);
      if (it != dimSizes.end()) {
        size = it->second;
      } else if (values && !inferred) {
        inferred = d;
        continue;
      } else {
        return fail("argument '" + name + "' has a free dimension " +
                    std::to_string(d) + ": give --dim " + key +
                    "=N, --input " + name + "=FILE.npy or its values"),
               false;
      }
    }
    known *= size;
  }
  if (inferred) {
    int64_t count = static_cast<int64_t>(values->size());
    if (known == 0 || count % known != 0)
      return fail("--input " + name + " has " + std::to_string(count) +
                  " values, not a multiple of the " + std::to_string(known) +
                  " elements of the argument's other dimensions"),
             false;
    shape[*inferred] = count / known;
  }
  return true;
}

/// Gathers inputs (files, values or random) and NaN-poisoned outputs for
/// `kernel`.
bool prepare(attn_kernel *kernel, Launch &launch) {
  std::map<std::string, std::string> files;
  std::map<std::string, std::vector<double>> values;
  for (const std::string &in : inputs) {
    auto [n, value] = llvm::StringRef(in).split('=');
    if (std::optional<std::vector<double>> list = parseValues(value))
      values[n.str()] = std::move(*list);
    else
      files[n.str()] = value.str();
  }
  std::map<std::string, int64_t> dimSizes;
  for (const std::string &d : dims) {
    auto [n, v] = llvm::StringRef(d).split('=');
    int64_t size;
    if (v.getAsInteger(10, size) || size < 0)
      return fail("bad --dim '" + d + "'"), false;
    dimSizes[n.str()] = size;
  }
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> uniform(-1.0, 1.0);
  int32_t n = attn_kernel_num_args(kernel);
  launch.arrays.resize(n);
  launch.args.assign(n, attn_arg{});
  // Inputs first (outputs' sizes are expressions over them).
  for (int pass = 0; pass < 2; ++pass) {
    for (int32_t i = 0; i < n; ++i) {
      bool isOutput = attn_kernel_arg_access(kernel, i) == ATTN_ACCESS_WRITE;
      if (isOutput != (pass == 1))
        continue;
      std::string name = attn_kernel_arg_name(kernel, i);
      attn_run::Array &a = launch.arrays[i];
      if (!isOutput && files.count(name)) {
        auto loaded = attn_run::readNpy(files[name]);
        if (!loaded)
          return fail(llvm::toString(loaded.takeError())), false;
        a = std::move(*loaded);
      } else {
        a.dtype = attn_kernel_arg_dtype(kernel, i);
        a.shape.assign(attn_kernel_arg_rank(kernel, i), -1);
        if (attn_kernel_arg_shape(kernel, launch.args.data(), n, i,
                                  a.shape.data()) != ATTN_OK)
          return fail(attn_last_error()), false;
        const std::vector<double> *list =
            !isOutput && values.count(name) ? &values[name] : nullptr;
        if (!resolveShape(name, a.shape, dimSizes, list))
          return false;
        a.bytes.assign(a.numElements() * attn_run::dtypeSize(a.dtype), 0);
        if (list) {
          if (static_cast<int64_t>(list->size()) != a.numElements())
            return fail("--input " + name + " has " +
                        std::to_string(list->size()) +
                        " values but the argument has " +
                        std::to_string(a.numElements()) + " elements"),
                   false;
          for (auto [e, v] : llvm::enumerate(*list))
            a.set(e, v);
        } else {
          bool isFloat = a.dtype == ATTN_DTYPE_F64 ||
                         a.dtype == ATTN_DTYPE_F32 ||
                         a.dtype == ATTN_DTYPE_F16 ||
                         a.dtype == ATTN_DTYPE_BF16 ||
                         a.dtype == ATTN_DTYPE_F8E4M3FN;
          if (!isOutput && !isFloat)
            return fail("argument '" + name + "' (" +
                        attn_dtype_name(a.dtype) +
                        ") is index metadata: give --input " + name +
                        "=FILE.npy or its values"),
                   false;
          for (int64_t e = 0, end = a.numElements(); e < end; ++e)
            a.set(e, isOutput ? NAN : uniform(rng));
        }
      }
      attn_arg &arg = launch.args[i];
      arg.kind = ATTN_ARG_BUFFER;
      arg.dtype = a.dtype;
      arg.data = a.bytes.data();
      arg.rank = static_cast<int32_t>(a.shape.size());
      arg.shape = a.shape.data();
    }
  }
  return true;
}

bool run(attn_kernel *kernel, Launch &launch) {
  attn_launch_options options{unchecked ? 0 : 1, nullptr};
  if (attn_kernel_launch(kernel, launch.args.data(),
                         static_cast<int32_t>(launch.args.size()),
                         &options) != ATTN_OK)
    return fail(attn_last_error()), false;
  return true;
}

void printArray(llvm::StringRef name, const attn_run::Array &a) {
  llvm::outs() << name << ": " << attn_dtype_name(a.dtype) << " [";
  llvm::interleaveComma(a.shape, llvm::outs());
  llvm::outs() << "]\n";
  for (int64_t e = 0, end = a.numElements(); e < end; ++e)
    llvm::outs() << llvm::format("%.6g", a.get(e))
                 << ((e + 1) % 8 == 0 || e + 1 == end ? "\n" : " ");
}
} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::ParseCommandLineOptions(argc, argv, "run a function of an attn IR file\n");
  mlir::attn::registerAttnPasses();
  mlir::registerTransformsPasses();
  if (tolerance >= 0 && !check)
    return fail("--tolerance needs --check");

  DialectRegistry registry;
  registerAllDialects(registry);
  registerAllExtensions(registry);
  mlir::attn::registerAttnDialects(registry);
  MLIRContext context(registry);
  std::string err;
  auto file = openInputFile(inputFile, &err);
  if (!file)
    return fail(err);
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(file), llvm::SMLoc());
  SourceMgrDiagnosticHandler handler(sourceMgr, &context);
  OwningOpRef<ModuleOp> module = parseSourceFile<ModuleOp>(sourceMgr, &context);
  if (!module)
    return 1;
  // --passes run inside compilePackage, after the kernel contract is derived
  // from the IR as written.
  OwningOpRef<ModuleOp> reference = module->clone();

  llvm::SmallString<128> dir;
  if (std::error_code ec =
          llvm::sys::fs::createUniqueDirectory("attn-run", dir))
    return fail("cannot create a temporary directory: " + ec.message());
  llvm::scope_exit cleanup(
      [&] { llvm::sys::fs::remove_directories(dir); });

  std::string name = entry;
  attn_package *package = nullptr;
  attn_kernel *kernel =
      compileAndLoad(*module, (dir + "/kernel").str(), &package, name,
                     pipeline, passes);
  if (!kernel)
    return 1;
  Launch launch;
  if (!prepare(kernel, launch))
    return 1;
  std::vector<attn_run::Array> initial = launch.arrays;
  if (!run(kernel, launch))
    return 1;

  int32_t n = attn_kernel_num_args(kernel);
  for (int32_t i = 0; i < n; ++i) {
    if (attn_kernel_arg_access(kernel, i) == ATTN_ACCESS_READ)
      continue;
    std::string argName = attn_kernel_arg_name(kernel, i);
    if (print)
      printArray(argName, launch.arrays[i]);
    if (!outputDir.empty()) {
      llvm::sys::fs::create_directories(outputDir);
      if (llvm::Error e = attn_run::writeNpy(outputDir + "/" + argName + ".npy",
                                         launch.arrays[i]))
        return fail(llvm::toString(std::move(e)));
    }
  }

  if (check) {
    // The reference lowering of the IR as written, on the same inputs.
    attn_package *refPackage = nullptr;
    attn_kernel *refKernel = compileAndLoad(
        *reference, (dir + "/reference").str(), &refPackage, name, "reference");
    if (!refKernel)
      return 1;
    Launch ref{initial, launch.args};
    for (int32_t i = 0; i < n; ++i) {
      ref.args[i].data = ref.arrays[i].bytes.data();
      ref.args[i].shape = ref.arrays[i].shape.data();
    }
    if (!run(refKernel, ref))
      return 1;
    bool withinTolerance = true;
    for (int32_t i = 0; i < n; ++i) {
      if (attn_kernel_arg_access(kernel, i) == ATTN_ACCESS_READ)
        continue;
      const attn_run::Array &x = launch.arrays[i], &y = ref.arrays[i];
      double maxAbs = 0, maxRel = 0;
      for (int64_t e = 0, end = x.numElements(); e < end; ++e) {
        double a = x.get(e), b = y.get(e);
        if (std::isinf(a) && a == b)
          continue;
        double d = std::fabs(a - b);
        if (std::isnan(d))
          d = INFINITY;
        maxAbs = std::max(maxAbs, d);
        maxRel = std::max(maxRel, d / std::max(std::fabs(b), 1e-6));
      }
      llvm::outs() << "check " << attn_kernel_arg_name(kernel, i)
                   << ": max_abs_err=" << llvm::format("%.3g", maxAbs)
                   << " max_rel_err=" << llvm::format("%.3g", maxRel) << "\n";
      if (tolerance >= 0 && !(maxAbs <= tolerance))
        withinTolerance = false;
    }
    attn_package_destroy(refPackage);
    if (!withinTolerance) {
      attn_package_destroy(package);
      return fail("the outputs differ from the reference by more than "
                  "--tolerance=" +
                  llvm::formatv("{0}", llvm::format("%g", tolerance.getValue()))
                      .str());
    }
  }
  attn_package_destroy(package);
  return 0;
}
