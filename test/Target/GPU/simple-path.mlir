// RUN: attn-opt %s --attn-tile=target=simt | FileCheck %s --check-prefix=TILE
// RUN: attn-opt %s --attn-tile=target=simt --attn-split-kv=splits=2 --attn-inline-functors --convert-attn-tile-to-linalg=gpu --canonicalize | FileCheck %s --check-prefix=LAUNCH
// RUN: attn-opt %s --attn-to-nvvm --mlir-print-ir-after=convert-linalg-to-loops -o /dev/null 2>&1 | FileCheck %s --check-prefix=SCRATCH
// REQUIRES: ptxas
// RUN: attn-opt %s --attn-to-rocdl="format=isa" 2>/dev/null | sed 's/\\0A/\n/g; s/\\09/ /g; s/\\22/"/g' | FileCheck %s --check-prefix=HIP

// The simple GPU path of attention ops (attn-to-nvvm, attn-to-rocdl):
// attn-tile{target=simt} tiles one position per query tile, 16-key f32
// tiles; convert-attn-tile-to-linalg{gpu} launches one thread per work
// item (grid x = request, y = head group, z = query block x KV split) and
// merges split-KV partials in a kernel of a thread per (token, head,
// channel); attn-gpu-scratch puts the split workspaces on the device.
// bench/gpu_check.py runs such kernels on an H100 against torch.

// TILE: attn_tile.kernel grid({{.*}}) attributes {block_m = 4 : i64, block_n = 16 : i64, gqa_pack = 4 : i64}
// TILE: attn_tile.load_q {{.*}} -> tensor<4x64xf32>

// LAUNCH: gpu.launch blocks(%[[B:[^,]*]], %[[G:[^,]*]], %[[Z:[^)]*]]) in (%{{.*}} = %{{.*}}, %{{.*}} = %c2, %{{.*}} = %c2) threads({{.*}}) in (%{{.*}} = %c1, %{{.*}} = %c1, %{{.*}} = %c1)
// LAUNCH: %[[QB:.*]] = arith.divui %[[Z]], %c2
// LAUNCH: %[[SPLIT:.*]] = arith.remui %[[Z]], %c2
// LAUNCH: gpu.terminator
// The merge of the splits: a thread per (token, head, channel).
// LAUNCH: gpu.launch blocks({{.*}}) threads({{.*}}) in (%{{.*}} = %c128,
// LAUNCH: gpu.terminator

// The split count is 16 here (2 work items: ceil(264 / 2), at most 16), so
// the workspaces are static; they are device allocations all the same, and
// freed; the kernels' tiles are on their stacks.
// SCRATCH: %[[WO:.*]] = gpu.alloc () : memref<16x1x8x64xf32>
// SCRATCH: %[[WL:.*]] = gpu.alloc () : memref<16x1x8xf32>
// SCRATCH: gpu.launch blocks
// SCRATCH: memref.alloca() {{.*}} : memref<4x64xf32>
// SCRATCH-NOT: memref.alloc(
// SCRATCH: gpu.terminator
// SCRATCH: gpu.launch blocks
// SCRATCH: gpu.dealloc %[[WO]]
// SCRATCH: gpu.dealloc %[[WL]]
// SCRATCH: return

// The hip target runs the same simple kernels: attn-gpu-hoist-allocas puts
// their tiles in the private segment (scratch), allocated statically.
// HIP: .amdgcn_target "amdgcn-amd-amdhsa--gfx942"
// HIP: decode_kernel:
// HIP: scratch_store_dword
// HIP: .name: decode_kernel
// HIP: .private_segment_fixed_size: {{[1-9][0-9]*}}
// HIP: .uses_dynamic_stack: false

func.func @decode(%q: tensor<1x8x64xf32> {attn.name = "q"}, %kc: tensor<?x16x2x64xf32> {attn.name = "k_cache"},
                  %vc: tensor<?x16x2x64xf32> {attn.name = "v_cache"}, %kp: tensor<2xi32> {attn.name = "kv_indptr"},
                  %ki: tensor<?xi32> {attn.name = "kv_indices"}, %kl: tensor<1xi32> {attn.name = "kv_last_page_len"})
    -> (tensor<1x8x64xf32> {attn.name = "out"}) {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc) kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl) {layout = #attn.kv_layout<nhd>}
    : (tensor<1x8x64xf32>, tensor<?x16x2x64xf32>, tensor<?x16x2x64xf32>, tensor<2xi32>, tensor<?xi32>, tensor<1xi32>) -> tensor<1x8x64xf32>
  return %o : tensor<1x8x64xf32>
}
