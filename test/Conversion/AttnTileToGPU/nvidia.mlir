// RUN: attn-opt %s --split-input-file --attn-expand-functors --attn-tile=target=nvidia --attn-page-kv --attn-inline-functors --convert-attn-tile-to-gpu -verify-diagnostics | FileCheck %s

// A bf16 prefill (D 64, GQA 8:2, causal) on the tensor cores: a block of 8
// warps per work item (128 packed rows, 16 per warp), Q and double-slotted
// K/V tiles in dynamic shared memory, copies committed in groups and waited
// for before the products, the score transform per fragment element, the
// online softmax with shuffles across the lanes of a row, P reused as the
// left operand of P V (ldmatrix.trans for V).
// CHECK-LABEL: func.func @prefill
// CHECK: gpu.launch blocks({{.*}}) threads({{.*}}) in (%{{.*}} = %c256{{.*}}, %{{.*}} = %c1{{.*}}, %{{.*}} = %c1{{.*}}) dynamic_shared_memory_size %c49152_i32
// CHECK: gpu.dynamic_shared_memory : memref<?xi8, #gpu.address_space<workgroup>>
// CHECK: memref.view {{.*}} to memref<128x64xbf16, #gpu.address_space<workgroup>>
// CHECK: nvgpu.device_async_copy {{.*}} 8, %{{.*}} {bypassL1}
// CHECK: nvvm.cp.async.commit.group
// CHECK: scf.for
// CHECK: nvvm.cp.async.wait.group 1
// CHECK-NEXT: gpu.barrier
// CHECK: nvgpu.ldmatrix {{.*}} {numTiles = 4 : i32, transpose = false}
// CHECK: nvvm.mma.sync {{.*}} multiplicandAPtxType = #nvvm.mma_type<bf16>, multiplicandBPtxType = #nvvm.mma_type<bf16>, shape = #nvvm.shape<m = 16, n = 8, k = 16>
// CHECK: gpu.shuffle xor
// CHECK: math.exp2
// CHECK: nvgpu.ldmatrix {{.*}} {numTiles = 4 : i32, transpose = true}
// CHECK: nvvm.mma.sync
// CHECK: scf.yield
// CHECK-NOT: attn_tile.
func.func @prefill(%q: tensor<?x?x8x64xbf16>, %k: tensor<?x?x2x64xbf16>, %v: tensor<?x?x2x64xbf16>)
    -> (tensor<?x?x8x64xbf16>, tensor<?x?x8xf32>) {
  %o, %l = attn.prefill q(%q) k(%k) v(%v) {causal}
    : (tensor<?x?x8x64xbf16>, tensor<?x?x2x64xbf16>, tensor<?x?x2x64xbf16>)
    -> (tensor<?x?x8x64xbf16>, tensor<?x?x8xf32>)
  return %o, %l : tensor<?x?x8x64xbf16>, tensor<?x?x8xf32>
}

// -----

// Paged decode (HND, page size 1): one warp, each copy's key row looked up
// in the page table.
// CHECK-LABEL: func.func @decode
// CHECK: gpu.launch {{.*}} threads({{.*}}) in (%{{.*}} = %c32{{.*}}, %{{.*}} = %c1{{.*}}, %{{.*}} = %c1{{.*}})
// CHECK: memref.load %{{.*}} : memref<?xi32>
// CHECK: nvgpu.device_async_copy {{.*}} : memref<?x2x1x128xf16> to memref<128x128xf16, #gpu.address_space<workgroup>>
// CHECK: nvvm.mma.sync {{.*}} : (vector<2xf16>, vector<2xf16>, f32)
func.func @decode(%q: tensor<3x8x128xf16>, %kc: tensor<?x2x1x128xf16>, %vc: tensor<?x2x1x128xf16>,
                  %indptr: tensor<4xi32>, %indices: tensor<?xi32>, %last: tensor<3xi32>)
    -> tensor<3x8x128xf16> {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc) kv_indptr(%indptr)
      kv_indices(%indices) kv_last_page_len(%last) {layout = #attn.kv_layout<hnd>}
    : (tensor<3x8x128xf16>, tensor<?x2x1x128xf16>, tensor<?x2x1x128xf16>,
       tensor<4xi32>, tensor<?xi32>, tensor<3xi32>) -> tensor<3x8x128xf16>
  return %o : tensor<3x8x128xf16>
}
