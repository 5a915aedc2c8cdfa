// A downstream compiler that links the installed attn dialect.
#include "attn/Dialect/Attn/IR/AttnOps.h"
#include "attn/InitAttn.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include <iostream>

static const char *kDecode = R"mlir(
func.func @f(%q: tensor<2xQx64xf16>, %kc: tensor<8x16x4x64xf16>,
             %ip: tensor<3xi32>, %ix: tensor<8xi32>, %lp: tensor<2xi32>)
    -> tensor<2xQx64xf16> {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%kc) kv_indptr(%ip)
      kv_indices(%ix) kv_last_page_len(%lp) {layout = #attn.kv_layout<nhd>}
      : (tensor<2xQx64xf16>, tensor<8x16x4x64xf16>, tensor<8x16x4x64xf16>,
         tensor<3xi32>, tensor<8xi32>, tensor<2xi32>) -> tensor<2xQx64xf16>
  return %o : tensor<2xQx64xf16>
})mlir";

static bool parse(mlir::MLIRContext &ctx, int heads) {
  std::string src = kDecode;
  for (size_t p; (p = src.find("xQx")) != std::string::npos;)
    src.replace(p, 3, "x" + std::to_string(heads) + "x");
  return static_cast<bool>(mlir::parseSourceString(src, &ctx));
}

int main() {
  mlir::DialectRegistry registry;
  registry.insert<mlir::func::FuncDialect>();
  mlir::attn::registerAttnDialects(registry);
  mlir::MLIRContext ctx(registry);
  std::string message;
  mlir::ScopedDiagnosticHandler handler(&ctx, [&](mlir::Diagnostic &d) {
    message = d.str();
    return mlir::success();
  });
  if (!parse(ctx, 8))
    return 1;
  std::cout << "parsed and verified: "
            << mlir::attn::BatchDecodeOp::getOperationName().str() << "\n";
  if (parse(ctx, 6))
    return 1;
  std::cout << "rejected: " << message << "\n";
  return 0;
}
