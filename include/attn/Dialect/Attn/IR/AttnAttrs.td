//===- AttnAttrs.td - Attributes of the attn dialect -------*- tablegen -*-===//

#ifndef ATTN_DIALECT_ATTN_IR_ATTNATTRS_TD
#define ATTN_DIALECT_ATTN_IR_ATTNATTRS_TD

include "attn/Dialect/Attn/IR/AttnDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

//===----------------------------------------------------------------------===//
// Enums
//===----------------------------------------------------------------------===//

def Attn_KVLayout : I32EnumAttr<"KVLayout", "layout of a paged KV cache", [
    I32EnumAttrCase<"nhd", 0>, I32EnumAttrCase<"hnd", 1>,
    I32EnumAttrCase<"vllm", 2>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::attn";
  let description = [{
    * `nhd`: FlashInfer's `[num_pages, page_size, num_kv_heads, head_dim]`.
    * `hnd`: FlashInfer's `[num_pages, num_kv_heads, page_size, head_dim]`.
    * `vllm`: vLLM's K cache `[num_blocks, num_kv_heads, head_dim / x,
      block_size, x]` and V cache `[num_blocks, num_kv_heads, head_dim,
      block_size]`.
  }];
}
def Attn_KVLayoutAttr : EnumAttr<Attn_Dialect, Attn_KVLayout, "kv_layout"> {
  let assemblyFormat = "`<` $value `>`";
}

def Attn_Normalizer : I32EnumAttr<"Normalizer",
    "how attention weights are formed from logits", [
    I32EnumAttrCase<"softmax", 0>, I32EnumAttrCase<"sigmoid", 1>,
    I32EnumAttrCase<"none", 2>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::attn";
}
def Attn_NormalizerAttr : EnumAttr<Attn_Dialect, Attn_Normalizer, "normalizer"> {
  let assemblyFormat = "`<` $value `>`";
}

def Attn_RopeStyle : I32EnumAttr<"RopeStyle", "pairing of rotary dimensions", [
    I32EnumAttrCase<"neox", 0>, I32EnumAttrCase<"interleaved", 1>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::attn";
}

def Attn_LinearKind : I32EnumAttr<"LinearKind", "linear attention variant", [
    I32EnumAttrCase<"hstu", 0>, I32EnumAttrCase<"lightning", 1>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::attn";
}
def Attn_LinearKindAttr : EnumAttr<Attn_Dialect, Attn_LinearKind, "linear_kind"> {
  let assemblyFormat = "`<` $value `>`";
}

//===----------------------------------------------------------------------===//
// RoPE
//===----------------------------------------------------------------------===//

def Attn_RopeAttr : AttrDef<Attn_Dialect, "Rope"> {
  let mnemonic = "rope";
  let summary = "rotary position embedding applied inside the kernel";
  let description = [{
    Rotates the first `dim` channels of each query/key head by angles
    `pos * theta^(-2i/dim)`, `i = 0 .. dim/2 - 1`. With `style = neox`
    channel `i` pairs with `i + dim/2` (rotate-half, GPT-NeoX/Llama); with
    `style = interleaved` channel `2i` pairs with `2i + 1` (GPT-J).

    ```mlir
    #attn.rope<theta = 10000.0, dim = 128, style = neox>
    ```
  }];
  let parameters = (ins APFloatParameter<"base of the angle frequencies">:$theta,
                        "int64_t":$dim,
                        EnumParameter<Attn_RopeStyle>:$style);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    double getThetaValue() const { return getTheta().convertToDouble(); }
  }];
}

#endif // ATTN_DIALECT_ATTN_IR_ATTNATTRS_TD
