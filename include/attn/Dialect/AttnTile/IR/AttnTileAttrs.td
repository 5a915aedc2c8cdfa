//===- AttnTileAttrs.td - Attributes of attn_tile ----------*- tablegen -*-===//

#ifndef ATTN_DIALECT_ATTNTILE_IR_ATTNTILEATTRS_TD
#define ATTN_DIALECT_ATTNTILE_IR_ATTNTILEATTRS_TD

include "attn/Dialect/AttnTile/IR/AttnTileDialect.td"
include "mlir/IR/EnumAttr.td"

def AttnTile_KVSource : I32EnumAttr<"KVSource",
    "where the rows of a K or V tile live", [
    I32EnumAttrCase<"rows", 0>, I32EnumAttrCase<"nhd", 1>,
    I32EnumAttrCase<"hnd", 2>, I32EnumAttrCase<"vllm_key", 3>,
    I32EnumAttrCase<"vllm_value", 4>, I32EnumAttrCase<"latent", 5>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::attn::tile";
  let description = [{
    * `rows`: a token-major `[T, H, D]` buffer; key `j` is row `first + j`.
    * `nhd`, `hnd`: FlashInfer pages `[P, page_size, H, D]`,
      `[P, H, page_size, D]`.
    * `vllm_key`: vLLM's `[P, H, D / x, block_size, x]`;
      `vllm_value`: `[P, H, D, block_size]`.
    * `latent`: MLA's head-less `[P, page_size, D]`.

    Every layout but `rows` is paged: key `j` of the request is slot
    `j % page_size` of page `table[first + j / page_size]`.
  }];
}
def AttnTile_KVSourceAttr
    : EnumAttr<AttnTile_Dialect, AttnTile_KVSource, "kv_source"> {
  let assemblyFormat = "`<` $value `>`";
}

#endif // ATTN_DIALECT_ATTNTILE_IR_ATTNTILEATTRS_TD
