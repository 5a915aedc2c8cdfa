//===- Passes.td - attn conversions ------------------------*- tablegen -*-===//

#ifndef ATTN_CONVERSION_PASSES_TD
#define ATTN_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertAttnToLoops : Pass<"convert-attn-to-loops"> {
  let summary = "Reference lowering of attn ops to scf loops over memrefs";
  let description = [{
    The executable semantics of the attn dialect: each op becomes scf loops
    that follow the formulas of docs/design.md line by line, one query row at
    a time in f32 (a max pass, then a weighted-sum pass). Operands are read
    through `bufferization.to_buffer`, results are new allocations returned
    through `bufferization.to_tensor`, so one-shot bufferization finishes the
    job. The tiled lowering is checked against this one.

    Every op of the dialect is lowered: the five attention ops through one
    row emitter (every mask, soft-cap, ALiBi, score_mod/mask_mod, every
    normalizer, LSE, RoPE, q/k/v descale and o_scale, FP8 E4M3 decoded and
    encoded by hand), linear_attention (HSTU, Lightning with its state),
    append_kv (in place on its cache tensors), merge_states and rope. A fused
    `qkv` must be split first (`attn-split-fused-qkv`).
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::bufferization::BufferizationDialect",
    "::mlir::math::MathDialect", "::mlir::memref::MemRefDialect",
    "::mlir::scf::SCFDialect", "::mlir::tensor::TensorDialect"];
}

def AttnTile : Pass<"attn-tile"> {
  let summary = "Tile attention ops into attn_tile kernels";
  let description = [{
    Rewrites every softmax attention op (prefill, batch_prefill,
    batch_decode, paged_attention, mla_decode) into one `attn_tile.kernel`
    (docs/design.md §7). The operands are read as buffers (dense `[B, S, ...]`
    ones viewed token-major), the results are fresh buffers returned through
    `bufferization.to_tensor`.

    The kernel's grid is (request, head group, query block, 1). A work item
    loads a `[block_m, D]` query tile of `block_m / gqa_pack` positions times
    `gqa_pack` heads, loops over `[block_n, D]` K/V tiles of its request
    carrying the online-softmax state, and stores its rows; work items whose
    query block starts past the request's end do nothing.

    Options: `block-m` (query-tile rows; default: one packed group for the
    decode ops, else 64 on the CPU and 128 on GPUs, rounded up to a multiple
    of `gqa-pack`), `block-n` (KV-tile rows, default 64; 32 on GPUs for
    head dims above 128, whose accumulators fill the registers), `gqa-pack` (query
    heads per tile, a divisor of Hq/Hkv; default the whole group, so each K/V
    tile is loaded once per KV head, as FlashInfer does) and `target`
    (`cpu`, `nvidia` or `amd`: whose defaults to use). Tiles keep the
    operands' 16-bit float types for GPUs; on the CPU, and for FP8 or
    descaled operands, loads widen them to f32.

    Named logits transforms must be expanded first (`attn-expand-functors`),
    and fused `qkv` split (`attn-split-fused-qkv`); the pass says so instead
    of tiling such an op.
  }];
  let options = [
    Option<"blockM", "block-m", "int64_t", "0",
           "Rows of a query tile (0: the target's default)">,
    Option<"blockN", "block-n", "int64_t", "0",
           "Rows of a K/V tile (0: the target's default)">,
    Option<"gqaPack", "gqa-pack", "int64_t", "0",
           "Query heads packed into one tile (0: the whole GQA group)">,
    Option<"target", "target", "std::string", "\"cpu\"",
           "Whose default tile sizes to use: cpu, nvidia, amd, or simt (GPU "
           "kernels running a work item in one thread: one position per "
           "tile, 16-key tiles, f32)">
  ];
  let statistics = [
    Statistic<"numTiled", "num-tiled", "Number of attention ops tiled">
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::attn::tile::AttnTileDialect",
    "::mlir::bufferization::BufferizationDialect",
    "::mlir::memref::MemRefDialect", "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect"];
}

def ConvertAttnTileToGPU : Pass<"convert-attn-tile-to-gpu"> {
  let summary = "Lower attn_tile kernels to warps on the GPU's matrix units";
  let description = [{
    The fast GPU lowering of the tiled form (docs/design.md §8). Each
    `attn_tile.kernel` it can run becomes a `gpu.launch` with a block per
    work item (grid x = request, y = head group, z = query block x KV
    split) and a warp per 16 query rows of the tile, FlashAttention-2's
    schedule:

    * Q, K and V tiles are copied to shared memory asynchronously, rows
      past `count` zero-filled, in a swizzled layout (16-byte chunk `c` of
      row `r` at chunk `c ^ (r % 8)`); the V copy of a KV block is in flight
      while `Q K^T` is computed; paged K/V (`page_slots` + `gather_kv`, NHD
      or HND, any page size) are gathered row by row through the page table;
    * `qk` and the `P V` of `online_softmax` are warp-level matrix products
      with 16-bit inputs and f32 accumulators; scores, probabilities and
      the output accumulator stay in registers as accumulator fragments;
    * the score generic of `attn-inline-functors` (score_mod, mask_mod and
      the request's bounds) runs per fragment element with the element's
      row and column as its indices;
    * the online softmax reduces rows across the lanes that share them
      (base-2 exponentials); P is rounded to the input type and reused as
      the left operand of `P V`; row sums stay per lane until `store`.

    What depends on the GPU (the product's shape, where fragment elements
    sit, the copy and multiply instructions) comes from the `MatrixTarget`
    named by `target`; `nvidia` (mma.sync m16n8k16, ldmatrix, cp.async) is
    registered by lib/Target/NVVM.

    Kernels it cannot run (f32 or FP8 tiles, head dims that are not
    multiples of 64 up to 256, RoPE or concatenation in the kernel, the
    vLLM and MLA layouts, block_m above 128) are left as they are, with a
    remark saying why, for `convert-attn-tile-to-linalg{gpu}`.
  }];
  let options = [
    Option<"target", "target", "std::string", "\"nvidia\"",
           "The matrix target whose products and copies to use">
  ];
  let statistics = [
    Statistic<"numLowered", "kernels", "Kernels lowered to matrix units">
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::gpu::GPUDialect",
    "::mlir::math::MathDialect", "::mlir::memref::MemRefDialect",
    "::mlir::scf::SCFDialect"
  ];
}

def ConvertAttnTileToLinalg : Pass<"convert-attn-tile-to-linalg"> {
  let summary = "Lower attn_tile kernels to linalg and scf for the CPU";
  let description = [{
    The CPU lowering of the tiled form (docs/design.md §7). Each
    `attn_tile.kernel` becomes a loop nest over its grid whose body is the
    kernel's; the tile ops inside become linalg ops on tensors:

    * `load_q`/`load_kv`: generics reading the buffer element by element
      (page-table lookups for paged layouts, FP8 decoding and descales),
      zero past `count`;
    * `rope`, `concat`: generics; `qk` and the `p V` product of
      `online_softmax`: contraction generics accumulating in f32;
    * `transform_scores`: as in `attn-inline-functors`;
    * `online_softmax`: row reductions and elementwise generics (the update
      of the op's description);
    * `store`: loops over the valid rows writing `acc / l` and the LSE;
    * `merge_splits`: loops over tokens and heads combining the splits.

    One-shot bufferization then gives every tile a buffer; the
    `attn-to-cpu` pipeline runs it.

    With `gpu`, each kernel becomes a `gpu.launch` of one-thread blocks
    instead (grid x = request, y = head group, z = query block x KV split),
    whose thread runs the same body, and `merge_splits` a launch with a
    thread per (token, head, channel): the simple GPU path of `attn-to-nvvm` and
    `attn-to-rocdl` (tiles in local memory; correct, not fast), until the
    matrix-core lowering replaces it.
  }];
  let options = [
    Option<"gpu", "gpu", "bool", "false",
           "Launch the kernels on a GPU (one thread per work item)">
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::gpu::GPUDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect", "::mlir::memref::MemRefDialect",
    "::mlir::scf::SCFDialect", "::mlir::tensor::TensorDialect"];
}

def ConvertAttnToGPU : Pass<"convert-attn-to-gpu"> {
  let summary = "Lower the attn ops that are not attention kernels to "
                "gpu.launch";
  let description = [{
    The target-neutral GPU lowering of the ops that are not attention
    kernels, each a `gpu.launch` with a thread per output element (128
    threads a block) running the element computation of
    `convert-attn-to-loops`:

    * `attn.merge_states`: a thread per (token, head, channel); it computes
      its row's log-sum-exp of the states' LSEs (the row's first thread
      stores it) and the weighted sum of its channel; 0 and `-inf` for rows
      whose states are all empty. Results are new buffers.
    * `attn.append_kv`: a thread per (token, head, channel) of the new
      tokens, which stores its key and value channel (rotated and scaled as
      the op says) where `slot_mapping` or FlashInfer's page metadata puts
      the token. The caches are written through a writing
      `bufferization.to_buffer`, so the update is in place, and one-shot
      bufferization copies a cache first when the old one is read later.

    Operands are read through `bufferization.to_buffer`. `attn-to-nvvm` and
    `attn-to-rocdl` run it before outlining. The attention ops reach the GPU
    through `attn_tile`.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::bufferization::BufferizationDialect",
    "::mlir::gpu::GPUDialect", "::mlir::math::MathDialect",
    "::mlir::memref::MemRefDialect", "::mlir::scf::SCFDialect"];
}

def AttnGpuScratch : Pass<"attn-gpu-scratch", "::mlir::ModuleOp"> {
  let summary = "Make a GPU package's host-side buffers device allocations";
  let description = [{
    Runs on bufferized GPU host code, after the kernel ABI has turned the
    results into out-parameters: every `memref.alloc` and `memref.dealloc`
    of a host function outside a `gpu.launch` (scratch that kernels use,
    such as split-KV workspaces) becomes a `gpu.alloc` / `gpu.dealloc`, and
    every `memref.copy` there (bufferization's copy of a cache that is read
    after `attn.append_kv` wrote it) a `gpu.memcpy`. Device scratch that
    nothing frees is freed before each return.
    `attn-to-nvvm` and `attn-to-rocdl` run it before stack promotion (so
    that only kernels' buffers go to the stack); `gpu-async-region`
    then makes both stream-ordered on the caller's stream.
}];
  let options = [
    Option<"free", "free", "bool", "true",
           "Free device scratch that nothing frees before each return">
  ];
  let dependentDialects = ["::mlir::gpu::GPUDialect"];
}

def AttnGpuHoistAllocas : Pass<"attn-gpu-hoist-allocas",
                                "::mlir::gpu::GPUModuleOp"> {
  let summary = "Move a GPU kernel's fixed-size stack buffers to its entry "
                "block, in the private address space";
  let description = [{
    Every `memref.alloca` of static shape in a `gpu.func` of the module,
    wherever it is (in a loop, a branch, a block after control flow was
    lowered), moves to the start of the function's entry block, so that it
    becomes a static `alloca` of the LLVM function. The AMDGPU backend
    cannot select dynamic stack allocations, which any alloca outside the
    entry block is to LLVM. The simple GPU path's tiles are such buffers;
    bufferized code writes a buffer before reading it, so one buffer per
    kernel serves every iteration. Allocas without a memory space are made
    in the private one (`#gpu.address_space<private>`, the stack of AMDGPU
    functions) and cast back for their users. `attn-to-rocdl` runs it after
    outlining.
  }];
  let statistics = [
    Statistic<"numHoisted", "num-hoisted", "Number of allocas hoisted">
  ];
}

#endif // ATTN_CONVERSION_PASSES_TD
