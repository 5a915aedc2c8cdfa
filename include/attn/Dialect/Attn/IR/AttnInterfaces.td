//===- AttnInterfaces.td - Interfaces of the attn dialect --*- tablegen -*-===//

#ifndef ATTN_DIALECT_ATTN_IR_ATTNINTERFACES_TD
#define ATTN_DIALECT_ATTN_IR_ATTNINTERFACES_TD

include "mlir/IR/OpBase.td"

def Attn_AttentionOpInterface : OpInterface<"AttentionOpInterface"> {
  let cppNamespace = "::mlir::attn";
  let description = [{
    Implemented by every softmax-style attention op (`prefill`,
    `batch_prefill`, `batch_decode`, `paged_attention`, `mla_decode`). It gives
    passes one view of the options these ops share (scale, mask, logits
    transforms, normalizer, RoPE, FP8 scales, LSE), whatever the op's tensor
    layout.
  }];
  let methods = [
    InterfaceMethod<"Number of query heads (Hq).", "int64_t", "getNumQueryHeads">,
    InterfaceMethod<"Number of key/value heads (Hkv).", "int64_t", "getNumKVHeads">,
    InterfaceMethod<"Head dimension of queries and keys.", "int64_t", "getQKHeadDim">,
    InterfaceMethod<"Head dimension of values and the output.", "int64_t", "getVHeadDim">,
    InterfaceMethod<"", "::mlir::FloatAttr", "getScaleAttr">,
    InterfaceMethod<"", "bool", "getCausal">,
    InterfaceMethod<"", "void", "setCausal", (ins "bool":$value)>,
    InterfaceMethod<"", "::mlir::DenseI64ArrayAttr", "getWindowAttr">,
    InterfaceMethod<"", "void", "setWindowAttr", (ins "::mlir::DenseI64ArrayAttr":$value)>,
    InterfaceMethod<"", "::mlir::Attribute", "removeWindowAttr">,
    InterfaceMethod<"", "::mlir::FloatAttr", "getSoftcapAttr">,
    InterfaceMethod<"", "::mlir::attn::NormalizerAttr", "getNormalizerAttr">,
    InterfaceMethod<"", "::mlir::FloatAttr", "getSigmoidBiasAttr">,
    InterfaceMethod<"", "::mlir::attn::RopeAttr", "getRopeAttr">,
    InterfaceMethod<"", "::mlir::Value", "getAlibiSlopes">,
    InterfaceMethod<"", "::mlir::Value", "getPositions">,
    InterfaceMethod<"", "::mlir::Value", "getQDescale">,
    InterfaceMethod<"", "::mlir::Value", "getKDescale">,
    InterfaceMethod<"", "::mlir::Value", "getVDescale">,
    InterfaceMethod<"", "::mlir::Value", "getOScale">,
    InterfaceMethod<"", "::mlir::Region &", "getScoreMod">,
    InterfaceMethod<"", "::mlir::Region &", "getMaskMod">,
    InterfaceMethod<"", "::mlir::Value", "getOut">,
    InterfaceMethod<"", "::mlir::Value", "getLse">,
  ];
  let extraClassDeclaration = [{
    /// The softmax scale: the `scale` attribute, else 1/sqrt(D_qk).
    double getEffectiveScale();
    /// The normalizer, softmax when the attribute is absent.
    Normalizer getEffectiveNormalizer();
    /// The visible key range relative to a query's aligned position `p`:
    /// keys `j` with `p - left <= j <= p + right`, -1 meaning unbounded.
    /// `causal` contributes `right = 0`.
    std::pair<int64_t, int64_t> getMaskWindow();
  }];
}

#endif // ATTN_DIALECT_ATTN_IR_ATTNINTERFACES_TD
