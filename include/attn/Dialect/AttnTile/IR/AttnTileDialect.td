//===- AttnTileDialect.td - The attn_tile dialect ----------*- tablegen -*-===//
//
// The tiled form of flash attention (docs/design.md §7): one kernel op whose
// body computes the output rows of one work item tile by tile, with the
// schedule (grid, tile sizes, GQA packing, where tiles come from, the
// online-softmax state) explicit in the IR.
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_DIALECT_ATTNTILE_IR_ATTNTILEDIALECT_TD
#define ATTN_DIALECT_ATTNTILE_IR_ATTNTILEDIALECT_TD

include "mlir/IR/OpBase.td"

def AttnTile_Dialect : Dialect {
  let name = "attn_tile";
  let cppNamespace = "::mlir::attn::tile";
  let summary = "The tiled, target-neutral form of attention kernels";
  let description = [{
    `attn_tile` states *how* an `attn` op is computed: an
    `attn_tile.kernel` runs its body once per work item of a 4-D grid
    (request, head group, query block, KV split); the body loads a query
    tile, loops over KV tiles carrying the online-softmax state (running
    max `m`, running sum `l`, accumulator `acc`) and stores its rows of the
    output and LSE.

    Tiles are statically shaped tensors; the operands they are loaded from
    and the results they are stored to are memrefs. Rows of a query tile are
    *packed*: with `gqa_pack = g`, row `r` is query position `r / g` of the
    block and head `r % g` of the group, so the `g` query heads sharing a KV
    head share each K/V tile. Partial tiles (past the end of a request) are
    zero-filled on load and not stored.

    The CPU backend lowers the dialect with `convert-attn-tile-to-linalg`;
    GPU backends map the same ops to MMA fragments.
  }];
  let dependentDialects = ["::mlir::attn::AttnDialect"];
  let useDefaultAttributePrinterParser = 1;
}

class AttnTile_Op<string mnemonic, list<Trait> traits = []>
    : Op<AttnTile_Dialect, mnemonic, traits>;

#endif // ATTN_DIALECT_ATTNTILE_IR_ATTNTILEDIALECT_TD
