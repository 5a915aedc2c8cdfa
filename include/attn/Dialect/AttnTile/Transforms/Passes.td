//===- Passes.td - Transformations of attn_tile ------------*- tablegen -*-===//

#ifndef ATTN_DIALECT_ATTNTILE_TRANSFORMS_PASSES_TD
#define ATTN_DIALECT_ATTNTILE_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def AttnInlineFunctors : Pass<"attn-inline-functors"> {
  let summary = "Inline score_mod/mask_mod regions into the score tile "
                "computation";
  let description = [{
    Every `attn_tile.transform_scores` becomes a `linalg.generic` over its
    `[block_m, block_n]` score tile whose body computes the element's
    request, head, query and key indices (`linalg.index`, the GQA packing
    and the tile offsets) and runs the regions inline:

        s'[r, c] = i < num_queries && j < num_keys && mask_mod(b, h, i, j)
                   ? score_mod(s[r, c], b, h, i, j) : -inf

    `mask_mod` and `score_mod` run only for queries and keys inside the
    request, and `score_mod` only for visible keys, so regions that read
    per-query or per-key data never read past it. The bounds are checked
    only where needed: `i < num_queries` only for the regions (rows past
    the request are never stored), `j < num_keys` unless the op has
    `keys_in_bounds`; a tile with neither regions nor a bound to check is
    left as it is (no generic).

    What the regions compute once per work item leaves them first: pure,
    speculatable ops that read neither the score nor the head, query or key
    index (only values defined above and the request, e.g. `Sk_b - Sq_b`
    read from `cu_seqlens`, or a reduction over the batch) move before the
    generic and out of the KV loops around it, so they run once per work
    item instead of once per score.

    The result is target-neutral: the CPU
    lowering runs the generic as loops, GPU lowerings distribute it over
    the lanes that hold each score.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::tensor::TensorDialect"];
  let statistics = [
    Statistic<"numInlined", "num-inlined", "Number of score tiles inlined">
  ];
}

def AttnSkipMaskedBlocks : Pass<"attn-skip-masked-blocks"> {
  let summary = "Derive KV-loop bounds from the mask: skip hidden blocks, "
                "drop the mask on fully visible ones";
  let description = [{
    Analyses the `mask_mod` region of the `attn_tile.transform_scores` in
    each kernel's KV loop. The region's result is read as a conjunction
    (`arith.andi`) of signed comparisons (`arith.cmpi slt/sle/sgt/sge`)
    whose sides are linear in the query index `i` and key index `j` with
    coefficients in {-1, 0, 1} for `j`, plus terms uniform over the work
    item (constants, values defined above, and values computed from the
    request index `b`, such as `Sk_b - Sq_b` read from `cu_seqlens`).
    Causal, sliding-window and chunked masks written this way are
    recognized whatever produced them; `attn-expand-functors` writes the
    named ones so.

    For a query block with rows `i` in `[i0, i0 + block_m / gqa_pack)`:

    * KV blocks on which some term is false for every (i, j) are *hidden*:
      the loop runs only over `[lo, hi)`;
    * when every term was recognized, blocks on which every term is true
      for every (i, j) are *fully visible*: the loop is split in three, and
      the middle part's `transform_scores` has no `mask_mod`, so only
      boundary blocks pay for the mask.

    The loop over unmasked blocks (the whole loop when there is no
    `mask_mod`) is split once more at the request's last whole KV block:
    its first part's `transform_scores` gets `keys_in_bounds`, so that it
    checks no key bound either, and only the partial last block does.

    A term that depends on the head `h` or on anything else it cannot read
    is left to the mask (it still runs on every visited block), so the
    result is exact: skipped blocks are hidden and unmasked blocks visible.

    Document masks over packed sequences, `doc[i + u] == doc[j + u']` with
    `doc` a tensor defined above, are not linear: for them each KV block
    computes the range `[kmin, kmax]` of its keys' ids and skips the block
    at run time when it does not meet the query block's `[rmin, rmax]`
    (then no pair of ids can be equal, whatever their order); visited
    blocks keep the mask.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::scf::SCFDialect"];
  let statistics = [
    Statistic<"numBounded", "num-bounded",
              "Number of KV loops whose bounds come from the mask">,
    Statistic<"numSplit", "num-split",
              "Number of KV loops split around fully visible blocks">,
    Statistic<"numDocuments", "num-documents",
              "Number of KV loops skipping other documents' blocks at run "
              "time">,
    Statistic<"numKeyBounded", "num-key-bounded",
              "Number of KV loops split at their last whole KV block">
  ];
}

def AttnSplitKV : Pass<"attn-split-kv"> {
  let summary = "Split the KV loop of each kernel over the grid (flash "
                "decoding) and merge the partial results by LSE";
  let description = [{
    For every `attn_tile.kernel` with the softmax normalizer, the grid's
    fourth dimension becomes `S` KV splits: split `s` runs the KV blocks
    `[lo + s*c, lo + (s+1)*c)` of its work item's range `[lo, hi)`, with
    `c = ceil((hi - lo) / S)` (a KV loop already cut in three by
    `attn-skip-masked-blocks` is cut the same way). Each split stores its
    normalized output and LSE into an f32 workspace `[S, T, H, Dv]` /
    `[S, T, H]`, and an `attn_tile.merge_splits` after the kernel combines
    them by LSE into the original output and LSE.

    `S` is the option `splits` when it is positive. With `splits=0` it is
    chosen at run time from the problem size, as FlashInfer's planner does:
    enough splits to give `parallelism` work items in all
    (`S = ceil(parallelism / (requests * head_groups * q_blocks))`), at most
    `max-splits`, and 1 when the other dimensions already fill the machine.

    Kernels with an `o_scale` or another normalizer are left alone (a
    remark says why): a split's partial output would be scaled or summed
    differently.
  }];
  let options = [
    Option<"splits", "splits", "int64_t", "0",
           "Number of KV splits (0: chosen at run time from the problem size)">,
    Option<"parallelism", "parallelism", "int64_t", "264",
           "Work items to aim for when choosing the split count">,
    Option<"maxSplits", "max-splits", "int64_t", "16",
           "Largest split count chosen at run time">
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::scf::SCFDialect"];
  let statistics = [
    Statistic<"numSplit", "num-split", "Number of kernels split">
  ];
}

def AttnPageKV : Pass<"attn-page-kv"> {
  let summary = "Split paged KV tile loads into page-table lookups and "
                "slot gathers";
  let description = [{
    Every `attn_tile.load_kv` of a paged layout (FlashInfer `nhd`/`hnd` with
    any page size including 1, vLLM `vllm_key`/`vllm_value`, MLA `latent`)
    reads key rows through the request's page table. The pass makes the
    two steps explicit:

        %slots = attn_tile.page_slots %table[%first, %j0] count %n
            {page_size = P}                 // one slot id per tile row
        %k = attn_tile.gather_kv <nhd> %cache[%slots, %kvh] count %n

    so the metadata lookup is done once per KV tile and shared by its K and
    V loads (a K and a V load of the same keys reuse one `page_slots`), and
    the data movement is one gather whose addressing alone depends on the
    layout. Contiguous (`rows`) loads are left alone. A cache whose page
    size is not static is left alone with a remark.
  }];
  let dependentDialects = ["::mlir::tensor::TensorDialect"];
  let statistics = [
    Statistic<"numPaged", "num-paged", "Number of paged loads rewritten">
  ];
}

#endif // ATTN_DIALECT_ATTNTILE_TRANSFORMS_PASSES_TD
