// RUN: attn-opt %s --attn-to-nvvm="format=isa block-m=64 block-n=32 kv-splits=3" --mlir-print-ir-after=attn-split-kv -o /dev/null 2>&1 | FileCheck %s --check-prefix=NVVM
// RUN: attn-opt %s --attn-to-nvvm="format=isa kv-parallelism=1000" --mlir-print-ir-after=attn-split-kv -o /dev/null 2>&1 | FileCheck %s --check-prefix=PAR
// RUN: not attn-opt %s --attn-to-nvvm="format=isa block-m=62" -o /dev/null 2>&1 | FileCheck %s --check-prefix=BAD

// The kernel configuration options of the GPU pipelines (attn-compile's
// --block-m, --block-n, --kv-splits and --kv-parallelism): attn-tile's tile
// sizes and attn-split-kv's split count, or the work items a run-time split
// count aims for.

// NVVM: attn_tile.kernel grid({{.*}}, %c3{{(_[0-9]+)?}}) attributes {block_m = 64 : i64, block_n = 32 : i64, gqa_pack = 4 : i64}
// PAR: %[[WANTED:.*]] = arith.ceildivui %c1000,
// PAR: attn_tile.kernel {{.*}} attributes {block_m = 128 : i64, block_n = 64 : i64, gqa_pack = 4 : i64}
// BAD: error: 'attn.prefill' op block-m 62 is not a multiple of the 4 query heads packed per tile

func.func @prefill(%q: tensor<?x?x8x64xbf16> {attn.name = "q"}, %k: tensor<?x?x2x64xbf16> {attn.name = "k"},
                   %v: tensor<?x?x2x64xbf16> {attn.name = "v"}) -> (tensor<?x?x8x64xbf16> {attn.name = "out"}) {
  %o = attn.prefill q(%q) k(%k) v(%v) {causal}
    : (tensor<?x?x8x64xbf16>, tensor<?x?x2x64xbf16>, tensor<?x?x2x64xbf16>) -> tensor<?x?x8x64xbf16>
  return %o : tensor<?x?x8x64xbf16>
}
