//===- AttnDialect.cpp - The attn dialect and its attributes --------------===//

#include "attn/Dialect/Attn/IR/AttnDialect.h"
#include "attn/Dialect/Attn/IR/AttnAttrs.h"
#include "attn/Dialect/Attn/IR/AttnOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>

using namespace mlir;
using namespace mlir::attn;

#include "attn/Dialect/Attn/IR/AttnDialect.cpp.inc"
#include "attn/Dialect/Attn/IR/AttnEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "attn/Dialect/Attn/IR/AttnAttrs.cpp.inc"

void AttnDialect::initialize() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "attn/Dialect/Attn/IR/AttnAttrs.cpp.inc"
      >();
  addOperations<
#define GET_OP_LIST
#include "attn/Dialect/Attn/IR/AttnOps.cpp.inc"
      >();
}

//===----------------------------------------------------------------------===//
// RopeAttr
//===----------------------------------------------------------------------===//

// #attn.rope<theta = 10000.0, dim = 128, style = neox>
Attribute RopeAttr::parse(AsmParser &parser, Type) {
  SMLoc loc = parser.getCurrentLocation();
  double theta = 0;
  int64_t dim = 0;
  StringRef styleName;
  if (parser.parseLess() || parser.parseKeyword("theta") ||
      parser.parseEqual())
    return {};
  // theta = 10000 and theta = 10000.0 both parse (any sign; the verifier
  // judges the value).
  SMLoc thetaLoc = parser.getCurrentLocation();
  Attribute thetaAttr;
  if (parser.parseAttribute(thetaAttr))
    return {};
  if (auto f = dyn_cast<FloatAttr>(thetaAttr)) {
    theta = f.getValueAsDouble();
  } else if (auto i = dyn_cast<IntegerAttr>(thetaAttr)) {
    theta = static_cast<double>(i.getValue().getSExtValue());
  } else {
    parser.emitError(thetaLoc, "expected a number for RoPE theta");
    return {};
  }
  if (parser.parseComma() ||
      parser.parseKeyword("dim") || parser.parseEqual() ||
      parser.parseInteger(dim) || parser.parseComma() ||
      parser.parseKeyword("style") || parser.parseEqual())
    return {};
  SMLoc styleLoc = parser.getCurrentLocation();
  if (parser.parseKeyword(&styleName))
    return {};
  std::optional<RopeStyle> style = symbolizeRopeStyle(styleName);
  if (!style) {
    parser.emitError(styleLoc, "expected RoPE style 'neox' or 'interleaved'");
    return {};
  }
  if (parser.parseGreater())
    return {};
  return RopeAttr::getChecked([&] { return parser.emitError(loc); },
                              parser.getContext(), llvm::APFloat(theta), dim,
                              *style);
}

void RopeAttr::print(AsmPrinter &printer) const {
  printer << "<theta = ";
  printer.printFloat(getTheta());
  printer << ", dim = " << getDim()
          << ", style = " << stringifyRopeStyle(getStyle()) << ">";
}

LogicalResult RopeAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                               llvm::APFloat thetaValue, int64_t dim,
                               RopeStyle) {
  double theta = thetaValue.convertToDouble();
  if (!std::isfinite(theta) || theta <= 1.0)
    return emitError() << "RoPE theta must be a finite number above 1, got "
                       << theta;
  if (dim <= 0 || dim % 2 != 0)
    return emitError() << "RoPE rotary dim must be positive and even, got "
                       << dim;
  return success();
}
