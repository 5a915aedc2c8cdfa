//===- AttnTileOps.td - Operations of attn_tile ------------*- tablegen -*-===//

#ifndef ATTN_DIALECT_ATTNTILE_IR_ATTNTILEOPS_TD
#define ATTN_DIALECT_ATTNTILE_IR_ATTNTILEOPS_TD

include "attn/Dialect/Attn/IR/AttnAttrs.td"
include "attn/Dialect/AttnTile/IR/AttnTileAttrs.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// attn_tile.kernel
//===----------------------------------------------------------------------===//

def AttnTile_KernelOp : AttnTile_Op<"kernel", [
    SingleBlockImplicitTerminator<"YieldOp">,
    RecursiveMemoryEffects]> {
  let summary = "runs its body once per work item of a 4-D grid";
  let description = [{
    The body's block arguments are the work item's coordinates in the grid
    `(request, head group, query block, KV split)`, each in `[0, size)`.
    Work items are independent: each writes a disjoint set of output rows,
    so backends may run them in any order or in parallel. Operands and
    results are captured from above as memrefs.

    The attributes record the schedule for passes and backends:
    `block_m` query-tile rows, `block_n` KV-tile rows, `gqa_pack` query
    heads packed per tile, and the op it was tiled from (`source_op`).

    ```mlir
    attn_tile.kernel grid(%B, %groups, %qblocks, %c1)
        {block_m = 64 : i64, block_n = 64 : i64, gqa_pack = 4 : i64} {
    ^bb0(%b: index, %g: index, %qb: index, %split: index):
      ...
    }
    ```
  }];
  let arguments = (ins Index:$requests, Index:$head_groups, Index:$q_blocks,
                       Index:$kv_splits,
                       ConfinedAttr<I64Attr, [IntPositive]>:$block_m,
                       ConfinedAttr<I64Attr, [IntPositive]>:$block_n,
                       ConfinedAttr<I64Attr, [IntPositive]>:$gqa_pack);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    `grid` `(` $requests `,` $head_groups `,` $q_blocks `,` $kv_splits `)`
    attr-dict-with-keyword $body
  }];
  let hasVerifier = 1;
  let skipDefaultBuilders = 1;
  let builders = [OpBuilder<(ins "ValueRange":$grid, "int64_t":$blockM,
                                 "int64_t":$blockN, "int64_t":$gqaPack)>];
  let extraClassDeclaration = [{
    Value getRequest() { return getBody().getArgument(0); }
    Value getHeadGroup() { return getBody().getArgument(1); }
    Value getQBlock() { return getBody().getArgument(2); }
    Value getKVSplit() { return getBody().getArgument(3); }
  }];
}

def AttnTile_YieldOp : AttnTile_Op<"yield", [Pure, Terminator, ReturnLike,
    ParentOneOf<["KernelOp", "TransformScoresOp"]>]> {
  let summary = "terminates a kernel body or a score region";
  let description = [{
    Ends an `attn_tile.kernel` body (no values), a `score_mod` region of
    `attn_tile.transform_scores` (the modified f32 score) or its `mask_mod`
    region (an i1, true when the key is visible).
  }];
  let arguments = (ins Variadic<AnyType>:$values);
  let builders = [OpBuilder<(ins), [{ build($_builder, $_state, {}); }]>];
  let assemblyFormat = "($values^ `:` type($values))? attr-dict";
}

//===----------------------------------------------------------------------===//
// Loads
//===----------------------------------------------------------------------===//

def AttnTile_LoadQOp : AttnTile_Op<"load_q",
    [DeclareOpInterfaceMethods<MemoryEffectsOpInterface>]> {
  let summary = "loads a packed query tile";
  let description = [{
    Reads a `[block_m, D]` tile from a token-major query buffer
    `[T, H, D]`: row `r` is token `token + r / gqa_pack`, head
    `head + r % gqa_pack`. Rows whose position `r / gqa_pack` is not below
    `count` are zero. The tile has the buffer's element type or f32 (a
    widening load). With `descale` (shape `[]`, `[1]` or `[H]`), each row
    is multiplied by its head's factor and the tile is f32.

    ```mlir
    %q = attn_tile.load_q %qbuf[%tok, %h0] count %n {gqa_pack = 4 : i64}
        : memref<?x32x128xbf16> -> tensor<64x128xbf16>
    ```
  }];
  let arguments = (ins AnyMemRef:$source, Index:$token, Index:$head,
                       Index:$count, Optional<AnyMemRef>:$descale,
                       ConfinedAttr<I64Attr, [IntPositive]>:$gqa_pack);
  let results = (outs AnyStaticShapeTensor:$result);
  let assemblyFormat = [{
    $source `[` $token `,` $head `]` `count` $count
    (`descale` $descale^ `:` type($descale))?
    attr-dict `:` type($source) `->` type($result)
  }];
  let hasVerifier = 1;
}

def AttnTile_LoadKVOp : AttnTile_Op<"load_kv",
    [AttrSizedOperandSegments, DeclareOpInterfaceMethods<MemoryEffectsOpInterface>]> {
  let summary = "loads a K or V tile of logical rows";
  let description = [{
    Reads a `[block_n, D]` tile: row `r` is key `key + r` of the current
    request, in KV head `head`; rows at or past `count` are zero. Where the
    key lives is the `layout`'s business (see `KVSource`): for `rows`, key
    `j` is row `first + j` of a `[T, H, D]` buffer; for the paged layouts it
    is in page `table[first + j / page_size]`, and `table` is required.
    `latent` caches have no head dimension (`head` is ignored). The tile has
    the buffer's element type or f32 (a widening load). With `descale`
    (shape `[]`, `[1]` or `[H]`), the tile is multiplied by the head's
    factor and is f32.

    ```mlir
    %k = attn_tile.load_kv <nhd> %kcache[%first, %j0, %kvh] count %n
        table %kv_indices : memref<?xi32> : memref<?x16x8x128xbf16>
        -> tensor<64x128xbf16>
    ```
  }];
  let arguments = (ins AttnTile_KVSourceAttr:$layout, AnyMemRef:$source,
                       Index:$first, Index:$key, Index:$head, Index:$count,
                       Optional<MemRefRankOf<[AnyInteger], [1]>>:$table,
                       Optional<AnyMemRef>:$descale);
  let results = (outs AnyStaticShapeTensor:$result);
  let assemblyFormat = [{
    $layout $source `[` $first `,` $key `,` $head `]` `count` $count
    (`table` $table^ `:` type($table))?
    (`descale` $descale^ `:` type($descale))?
    attr-dict `:` type($source) `->` type($result)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    bool isPaged() { return getLayout() != KVSource::rows; }
  }];
}

def AttnTile_PageSlotsOp : AttnTile_Op<"page_slots",
    [DeclareOpInterfaceMethods<MemoryEffectsOpInterface>]> {
  let summary = "looks up the cache slots of a tile's keys in a page table";
  let description = [{
    For row `r < count` of a KV tile, key `j = key + r` of the request lives
    in page `p = table[first + j / page_size]`, slot `j % page_size`; the
    result holds its slot id `p * page_size + j % page_size` (0 for rows at
    or past `count`). `attn-page-kv` splits a paged `load_kv` into this
    metadata lookup and a `gather_kv`, so backends can fetch the indices
    first and then issue one row copy per slot.

    ```mlir
    %slots = attn_tile.page_slots %kv_indices[%first, %j0] count %n
        {page_size = 16 : i64} : memref<?xi32> -> tensor<64xindex>
    ```
  }];
  let arguments = (ins MemRefRankOf<[AnyInteger], [1]>:$table, Index:$first,
                       Index:$key, Index:$count,
                       ConfinedAttr<I64Attr, [IntPositive]>:$page_size);
  let results = (outs 1DTensorOf<[Index]>:$slots);
  let assemblyFormat = [{
    $table `[` $first `,` $key `]` `count` $count attr-dict
    `:` type($table) `->` type($slots)
  }];
}

def AttnTile_GatherKVOp : AttnTile_Op<"gather_kv",
    [DeclareOpInterfaceMethods<MemoryEffectsOpInterface>]> {
  let summary = "gathers a K or V tile from cache slots";
  let description = [{
    Row `r < count` of the tile is the key in slot `slots[r]` of a paged
    cache (page `slots[r] / page_size`, position `slots[r] % page_size`),
    in KV head `head`, addressed as the `layout` says (`nhd`, `hnd`,
    `vllm_key`, `vllm_value`, `latent`); rows at or past `count` are zero.
    Element types and `descale` are as for `load_kv`.

    ```mlir
    %k = attn_tile.gather_kv <nhd> %kcache[%slots, %kvh] count %n
        : memref<?x16x8x128xbf16>, tensor<64xindex> -> tensor<64x128xbf16>
    ```
  }];
  let arguments = (ins AttnTile_KVSourceAttr:$layout, AnyMemRef:$source,
                       1DTensorOf<[Index]>:$slots, Index:$head, Index:$count,
                       Optional<AnyMemRef>:$descale);
  let results = (outs AnyStaticShapeTensor:$result);
  let assemblyFormat = [{
    $layout $source `[` $slots `,` $head `]` `count` $count
    (`descale` $descale^ `:` type($descale))?
    attr-dict `:` type($source) `,` type($slots) `->` type($result)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Tile computations
//===----------------------------------------------------------------------===//

def AttnTile_RopeOp : AttnTile_Op<"rope", [
    DeclareOpInterfaceMethods<MemoryEffectsOpInterface>]> {
  let summary = "rotates the rows of a Q or K tile by RoPE";
  let description = [{
    Applies `rope` to the rows of a `[rows, D]` tile whose position index
    `r / gqa_pack` is below `count`; the result is f32. Row `r` sits at
    position `offset + r / gqa_pack`, or, with `positions` (a 1-D integer
    buffer), at `positions[offset + r / gqa_pack]`. Channels at or past the
    attribute's `dim`, and rows past `count` (padding, never read from
    `positions`), are copied.

    ```mlir
    %qr = attn_tile.rope %q at %pos count %n {gqa_pack = 4 : i64,
        rope = #attn.rope<theta = 10000.0, dim = 128, style = neox>}
        : tensor<64x128xbf16> -> tensor<64x128xf32>
    ```
  }];
  let arguments = (ins AnyStaticShapeTensor:$tile, Index:$offset,
                       Index:$count,
                       Optional<MemRefRankOf<[AnyInteger], [1]>>:$positions,
                       Attn_RopeAttr:$rope,
                       ConfinedAttr<I64Attr, [IntPositive]>:$gqa_pack);
  let results = (outs AnyStaticShapeTensor:$result);
  let assemblyFormat = [{
    $tile `at` $offset `count` $count
    (`positions` $positions^ `:` type($positions))?
    attr-dict `:` type($tile) `->` type($result)
  }];
  let hasVerifier = 1;
}

def AttnTile_ConcatOp : AttnTile_Op<"concat", [Pure]> {
  let summary = "joins two tiles along the channel dimension";
  let description = [{
    `[rows, D0]` and `[rows, D1]` give `[rows, D0 + D1]` in the element
    type of the result (MLA's `q_nope ++ q_pe` and `ckv ++ kpe`).
  }];
  let arguments = (ins AnyStaticShapeTensor:$lhs, AnyStaticShapeTensor:$rhs);
  let results = (outs AnyStaticShapeTensor:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)
  }];
  let hasVerifier = 1;
}

def AttnTile_QKOp : AttnTile_Op<"qk", [Pure]> {
  let summary = "the scaled score tile Q K^T in f32";
  let description = [{
    `s[r, c] = scale * sum_d q[r, d] * k[c, d]`, products and sums in f32.

    ```mlir
    %s = attn_tile.qk %q, %k {scale = 0.0883883 : f32}
        : tensor<64x128xbf16>, tensor<64x128xbf16> -> tensor<64x64xf32>
    ```
  }];
  let arguments = (ins AnyStaticShapeTensor:$q, AnyStaticShapeTensor:$k,
                       F32Attr:$scale);
  let results = (outs AnyStaticShapeTensor:$result);
  let assemblyFormat = [{
    $q `,` $k attr-dict `:` type($q) `,` type($k) `->` type($result)
  }];
  let hasVerifier = 1;
}

def AttnTile_TransformScoresOp : AttnTile_Op<"transform_scores", [
    RecursiveMemoryEffects, AllTypesMatch<["scores", "result"]>]> {
  let summary = "applies score_mod, mask_mod and the request's bounds";
  let description = [{
    Element `(r, c)` of a `[block_m, block_n]` score tile belongs to
    query `i = query + r / gqa_pack` of the request, head
    `h = head + r % gqa_pack` and key `j = key + c`. It becomes `-inf` when
    `j >= num_keys` or `mask_mod(b, h, i, j)` is false, and
    `score_mod(s, b, h, i, j)` otherwise; both regions are optional and end
    in `attn_tile.yield`, and run only for elements inside the request
    (`i < num_queries`, `j < num_keys`: so they may index per-query and
    per-key data). They are the regions of the `attn` op this tile came
    from, so they may read values defined above. Rows past the request
    (`i >= num_queries`) are never stored: without regions their scores
    are left as they are.

    `keys_in_bounds` says that every key of the tile is below `num_keys`
    (`attn-skip-masked-blocks` sets it on the loop over whole KV blocks), so
    the key bound need not be checked.

    ```mlir
    %t = attn_tile.transform_scores %s at(%b, %h0, %i0, %j0) queries %sq
        keys %sk {gqa_pack = 4 : i64} : tensor<64x64xf32>
      score_mod {
      ^bb0(%x: f32, %b: index, %h: index, %i: index, %j: index):
        attn_tile.yield %x : f32
      } mask_mod {
      ^bb0(%b: index, %h: index, %i: index, %j: index):
        %v = arith.cmpi sle, %j, %i : index
        attn_tile.yield %v : i1
      }
    ```
  }];
  let arguments = (ins AnyStaticShapeTensor:$scores, Index:$request,
                       Index:$head, Index:$query, Index:$key,
                       Index:$num_queries, Index:$num_keys,
                       ConfinedAttr<I64Attr, [IntPositive]>:$gqa_pack,
                       UnitAttr:$keys_in_bounds);
  let results = (outs AnyStaticShapeTensor:$result);
  let regions = (region AnyRegion:$score_mod, AnyRegion:$mask_mod);
  let assemblyFormat = [{
    $scores `at` `(` $request `,` $head `,` $query `,` $key `)`
    `queries` $num_queries `keys` $num_keys attr-dict `:` type($scores)
    (`score_mod` $score_mod^)? (`mask_mod` $mask_mod^)?
  }];
  let hasVerifier = 1;
  let hasRegionVerifier = 1;
}

def AttnTile_SoftmaxInitOp : AttnTile_Op<"softmax_init", [Pure]> {
  let summary = "the empty online-softmax state";
  let description = [{
    `m = -inf`, `l = 0`, `acc = 0`: the state before the first KV tile.

    ```mlir
    %m, %l, %acc = attn_tile.softmax_init
        : tensor<64xf32>, tensor<64xf32>, tensor<64x128xf32>
    ```
  }];
  let results = (outs AnyStaticShapeTensor:$max, AnyStaticShapeTensor:$sum,
                      AnyStaticShapeTensor:$acc);
  let assemblyFormat = "attr-dict `:` type($max) `,` type($sum) `,` type($acc)";
  let hasVerifier = 1;
}

def AttnTile_OnlineSoftmaxOp : AttnTile_Op<"online_softmax", [Pure,
    AllTypesMatch<["max", "new_max"]>, AllTypesMatch<["sum", "new_sum"]>,
    AllTypesMatch<["acc", "new_acc"]>]> {
  let summary = "folds one score tile and V tile into the softmax state";
  let description = [{
    With the `softmax` normalizer (FlashAttention-2's update, written so
    that a row whose scores are all `-inf` stays `m = -inf`, `l = 0`,
    `acc = 0` without NaNs):

        m' = max(m, rowmax s)          m0 = (m' == -inf) ? 0 : m'
        p  = exp(s - m0)               a  = exp(m - m0)
        l' = a l + rowsum p            acc' = a acc + p V

    With `none`, `p = s` where `s > -inf` and 0 elsewhere, `m` is kept and
    `a = 1`. Products of `p V` are taken in f32.
  }];
  let arguments = (ins AnyStaticShapeTensor:$scores,
                       AnyStaticShapeTensor:$values, AnyStaticShapeTensor:$max,
                       AnyStaticShapeTensor:$sum, AnyStaticShapeTensor:$acc,
                       Attn_NormalizerAttr:$normalizer);
  let results = (outs AnyStaticShapeTensor:$new_max,
                      AnyStaticShapeTensor:$new_sum,
                      AnyStaticShapeTensor:$new_acc);
  let assemblyFormat = [{
    $scores `,` $values `,` $max `,` $sum `,` $acc $normalizer attr-dict
    `:` type($scores) `,` type($values) `,` type($acc)
    `->` type($max) `,` type($sum)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Store
//===----------------------------------------------------------------------===//

def AttnTile_StoreOp : AttnTile_Op<"store", [AttrSizedOperandSegments,
    AllTypesMatch<["sum", "max"]>,
    DeclareOpInterfaceMethods<MemoryEffectsOpInterface>]> {
  let summary = "normalizes the softmax state and stores output and LSE rows";
  let description = [{
    Row `r` of the tile is written to token `token + r / gqa_pack`, head
    `head + r % gqa_pack` of `out` (`[T, H, Dv]`) and, when given, `lse`
    (`[T, H]`), for positions `r / gqa_pack < count`. With `softmax`, the
    output is `acc / l` and the LSE `m + log l`, or 0 and `-inf` when
    `l = 0` (no visible key); with `none` it is `acc` itself. `o_scale`
    (`[]`, `[1]` or `[H]`) divides the output, converted to `out`'s element
    type (FP8 saturates).
  }];
  let arguments = (ins AnyStaticShapeTensor:$acc, AnyStaticShapeTensor:$sum,
                       AnyStaticShapeTensor:$max, AnyMemRef:$out,
                       Optional<AnyMemRef>:$lse, Index:$token, Index:$head,
                       Index:$count, Optional<AnyMemRef>:$o_scale,
                       Attn_NormalizerAttr:$normalizer,
                       ConfinedAttr<I64Attr, [IntPositive]>:$gqa_pack);
  let assemblyFormat = [{
    $acc `,` $sum `,` $max $normalizer `to` $out (`lse` $lse^ `:` type($lse))?
    `[` $token `,` $head `]` `count` $count
    (`o_scale` $o_scale^ `:` type($o_scale))?
    attr-dict `:` type($acc) `,` type($sum) `->` type($out)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Split-KV merge
//===----------------------------------------------------------------------===//

def AttnTile_MergeSplitsOp : AttnTile_Op<"merge_splits", [
    DeclareOpInterfaceMethods<MemoryEffectsOpInterface>]> {
  let summary = "merges the partial results of a split KV loop by LSE";
  let description = [{
    `partial_out` (`[S, T, H, Dv]`, f32) and `partial_lse` (`[S, T, H]`)
    hold, for each of `S` KV splits, the normalized output and LSE of that
    split's keys (`attn-split-kv` writes them). For every token and head:

        lse = log sum_s exp(lse_s)
        out = sum_s exp(lse_s - lse) out_s

    written to `out` (`[T, H, Dv]`, converted to its element type) and,
    when given, `lse`. A row whose splits all have LSE `-inf` (no visible
    key) gets 0 and `-inf`. This is `attn.merge_states` over the splits.

    ```mlir
    attn_tile.merge_splits %po, %pl to %out lse %lse : memref<?x?x32xf32>
        : memref<?x?x32x128xf32>, memref<?x?x32xf32> -> memref<?x32x128xbf16>
    ```
  }];
  let arguments = (ins AnyMemRef:$partial_out, AnyMemRef:$partial_lse,
                       AnyMemRef:$out, Optional<AnyMemRef>:$lse);
  let assemblyFormat = [{
    $partial_out `,` $partial_lse `to` $out (`lse` $lse^ `:` type($lse))?
    attr-dict `:` type($partial_out) `,` type($partial_lse) `->` type($out)
  }];
  let hasVerifier = 1;
}

#endif // ATTN_DIALECT_ATTNTILE_IR_ATTNTILEOPS_TD
