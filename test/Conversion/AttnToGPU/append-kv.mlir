// RUN: attn-opt %s --convert-attn-to-gpu --canonicalize --cse | FileCheck %s
// RUN: attn-opt %s --attn-to-nvvm="format=isa" --mlir-print-ir-after=attn-gpu-scratch -o /dev/null 2>&1 | FileCheck %s --check-prefix=SCRATCH
// REQUIRES: ptxas
// RUN: rm -rf %t && mkdir %t && sed '/^func.func @reads_old/,/^}/d' %s > %t/in.mlir
// RUN: attn-compile --target=cuda %t/in.mlir -o %t/pkg
// RUN: FileCheck %s --check-prefix=PKG < %t/pkg/manifest.json

// convert-attn-to-gpu: attn.append_kv becomes a gpu.launch with a thread
// per (token, head, channel) of the longer of K and V, 128 a block. The
// thread finds its token's page and slot, and stores its key channel and
// its value channel into the caches' buffers, taken with a writing
// bufferization.to_buffer, so that the update is in place (bench/gpu_check.py
// runs it on a GPU).

// NHD, slot_mapping (negative slots skip the token), K and V of different
// head dims.
// CHECK-LABEL: func.func @slots
// CHECK-DAG: %[[KC:.*]] = bufferization.to_buffer %arg2 : tensor<?x16x2x64xf16> to memref<?x16x2x64xf16>
// CHECK-DAG: %[[VC:.*]] = bufferization.to_buffer %arg3 : tensor<?x16x2x32xf16> to memref<?x16x2x32xf16>
// Threads = T * 2 heads * 64 channels.
// CHECK: %[[T:.*]] = tensor.dim %arg0, %c0
// CHECK: %[[N:.*]] = arith.muli %[[T]], %c128
// CHECK: %[[BLOCKS:.*]] = arith.ceildivui %[[N]], %c128
// CHECK: gpu.launch blocks(%[[BX:[^,]*]], %{{.*}}) in (%{{.*}} = %[[BLOCKS]], %{{.*}} = %c1, %{{.*}} = %c1) threads(%[[TX:[^,]*]], %{{.*}}) in (%{{.*}} = %c128,
// CHECK: %[[D:.*]] = arith.remui %[[ID:.*]], %c64
// CHECK: %[[TH:.*]] = arith.divui %[[ID]], %c64
// CHECK: %[[H:.*]] = arith.remui %[[TH]], %c2
// CHECK: %[[TOK:.*]] = arith.divui %[[TH]], %c2
// CHECK: %[[SLOT:.*]] = tensor.extract %arg4[%[[TOK]]] : tensor<?xi64>
// CHECK: %[[S:.*]] = arith.index_cast %[[SLOT]]
// CHECK: %[[VALID:.*]] = arith.cmpi sge, %[[S]], %c0
// CHECK: %[[SAFE:.*]] = arith.select %[[VALID]], %[[S]], %c0
// CHECK: %[[PAGE:.*]] = arith.divui %[[SAFE]], %c16
// CHECK: %[[INPAGE:.*]] = arith.remui %[[SAFE]], %c16
// CHECK: scf.if %[[VALID]] {
// CHECK: %[[K:.*]] = tensor.extract %arg0[%[[TOK]], %[[H]], %[[D]]]
// CHECK: memref.store %[[K]], %[[KC]][%[[PAGE]], %[[INPAGE]], %[[H]], %[[D]]]
// The value's channels stop at 32.
// CHECK: %[[VD:.*]] = arith.cmpi slt, %[[D]], %c32
// CHECK: scf.if %[[VD]] {
// CHECK: %[[V:.*]] = tensor.extract %arg1[%[[TOK]], %[[H]], %[[D]]]
// CHECK: memref.store %[[V]], %[[VC]][%[[PAGE]], %[[INPAGE]], %[[H]], %[[D]]]
// CHECK: gpu.terminator
// CHECK: %[[KOUT:.*]] = bufferization.to_tensor %[[KC]] restrict writable
// CHECK: %[[VOUT:.*]] = bufferization.to_tensor %[[VC]] restrict writable
// CHECK: return %[[KOUT]], %[[VOUT]]
func.func @slots(%k: tensor<?x2x64xf16> {attn.name = "k"}, %v: tensor<?x2x32xf16> {attn.name = "v"},
                 %kc: tensor<?x16x2x64xf16> {attn.name = "k_cache"}, %vc: tensor<?x16x2x32xf16> {attn.name = "v_cache"},
                 %slots: tensor<?xi64> {attn.name = "slot_mapping"})
    -> (tensor<?x16x2x64xf16> {attn.name = "k_cache_out"}, tensor<?x16x2x32xf16> {attn.name = "v_cache_out"}) {
  %kc2, %vc2 = attn.append_kv k(%k) v(%v) k_cache(%kc) v_cache(%vc) slot_mapping(%slots)
      {layout = #attn.kv_layout<nhd>}
    : (tensor<?x2x64xf16>, tensor<?x2x32xf16>, tensor<?x16x2x64xf16>, tensor<?x16x2x32xf16>, tensor<?xi64>)
    -> (tensor<?x16x2x64xf16>, tensor<?x16x2x32xf16>)
  return %kc2, %vc2 : tensor<?x16x2x64xf16>, tensor<?x16x2x32xf16>
}

// vLLM layout with FlashInfer's metadata and RoPE on the keys: page
// kv_indices[kv_indptr[b] + p / 8], slot p % 8; K channel d at
// [page, h, d / x, slot, d % x], V at [page, h, d, slot].
// CHECK-LABEL: func.func @vllm_rope
// CHECK: gpu.launch
// CHECK: %[[B:.*]] = arith.index_cast %{{.*}} : i32 to index
// CHECK: %[[P:.*]] = arith.index_cast %{{.*}} : i32 to index
// CHECK: tensor.extract %arg6[%[[B]]]
// CHECK: arith.divui %[[P]], %c8
// CHECK: tensor.extract %arg7[
// CHECK: %[[INPAGE:.*]] = arith.remui %[[P]], %c8
// CHECK: math.cos
// CHECK: math.sin
// CHECK: memref.store %{{.*}}, %{{.*}}[%{{.*}}, %{{.*}}, %{{.*}}, %[[INPAGE]], %{{.*}}] : memref<?x1x16x8x8xbf16>
// CHECK: memref.store %{{.*}}, %{{.*}}[%{{.*}}, %{{.*}}, %{{.*}}, %[[INPAGE]]] : memref<?x1x128x8xbf16>
// CHECK: gpu.terminator
func.func @vllm_rope(%k: tensor<?x1x128xbf16> {attn.name = "k"}, %v: tensor<?x1x128xbf16> {attn.name = "v"},
                     %kc: tensor<?x1x16x8x8xbf16> {attn.name = "k_cache"}, %vc: tensor<?x1x128x8xbf16> {attn.name = "v_cache"},
                     %bi: tensor<?xi32> {attn.name = "batch_indices"}, %pos: tensor<?xi32> {attn.name = "positions"},
                     %kp: tensor<?xi32> {attn.name = "kv_indptr"}, %ki: tensor<?xi32> {attn.name = "kv_indices"})
    -> (tensor<?x1x16x8x8xbf16> {attn.name = "k_cache_out"}, tensor<?x1x128x8xbf16> {attn.name = "v_cache_out"}) {
  %kc2, %vc2 = attn.append_kv k(%k) v(%v) k_cache(%kc) v_cache(%vc)
      batch_indices(%bi) positions(%pos) kv_indptr(%kp) kv_indices(%ki)
      {layout = #attn.kv_layout<vllm>, rope = #attn.rope<theta = 10000.0, dim = 128, style = neox>}
    : (tensor<?x1x128xbf16>, tensor<?x1x128xbf16>, tensor<?x1x16x8x8xbf16>, tensor<?x1x128x8xbf16>,
       tensor<?xi32>, tensor<?xi32>, tensor<?xi32>, tensor<?xi32>)
    -> (tensor<?x1x16x8x8xbf16>, tensor<?x1x128x8xbf16>)
  return %kc2, %vc2 : tensor<?x1x16x8x8xbf16>, tensor<?x1x128x8xbf16>
}

// A cache that is read after the append is copied first (one-shot
// bufferization), on the device: attn-gpu-scratch makes the copy a
// gpu.memcpy into the new cache's buffer, which the kernel then writes; the
// old cache is returned as it was.
// SCRATCH-LABEL: func.func @reads_old
// SCRATCH-SAME: %[[KC:[^:]*]]: memref<?x16x2x64xf16> {attn.access = "readwrite", attn.name = "k_cache"}
// SCRATCH-SAME: %[[VC:[^:]*]]: memref<?x16x2x64xf16> {attn.access = "readwrite", attn.name = "v_cache"}
// SCRATCH-SAME: %[[NEW:[^:]*]]: memref<?x16x2x64xf16> {attn.name = "k_cache_out"}
// SCRATCH-NOT: gpu.launch
// SCRATCH: gpu.memcpy %[[NEW]], %[[KC]]
// SCRATCH-NOT: memref.copy
// SCRATCH: gpu.launch
// SCRATCH: memref.store %{{.*}}, %[[NEW]][
// SCRATCH: memref.store %{{.*}}, %[[VC]][
func.func @reads_old(%k: tensor<?x2x64xf16> {attn.name = "k"}, %v: tensor<?x2x64xf16> {attn.name = "v"},
                     %kc: tensor<?x16x2x64xf16> {attn.name = "k_cache"}, %vc: tensor<?x16x2x64xf16> {attn.name = "v_cache"},
                     %slots: tensor<?xi32> {attn.name = "slot_mapping"})
    -> (tensor<?x16x2x64xf16> {attn.name = "k_cache_out"}, tensor<?x16x2x64xf16> {attn.name = "v_cache_out"},
        tensor<?x16x2x64xf16> {attn.name = "old_k"}) {
  %kc2, %vc2 = attn.append_kv k(%k) v(%v) k_cache(%kc) v_cache(%vc) slot_mapping(%slots)
      {layout = #attn.kv_layout<nhd>}
    : (tensor<?x2x64xf16>, tensor<?x2x64xf16>, tensor<?x16x2x64xf16>, tensor<?x16x2x64xf16>, tensor<?xi32>)
    -> (tensor<?x16x2x64xf16>, tensor<?x16x2x64xf16>)
  return %kc2, %vc2, %kc : tensor<?x16x2x64xf16>, tensor<?x16x2x64xf16>, tensor<?x16x2x64xf16>
}


// The caches are readwrite arguments of the cuda package (@reads_old
// left out: a package's results must be computed by attn ops).
// PKG: "access": "readwrite",
// PKG-NEXT: "dtype": "f16",
// PKG-NEXT: "kind": "buffer",
// PKG-NEXT: "name": "k_cache",
// PKG: "access": "readwrite",
// PKG-NEXT: "dtype": "f16",
// PKG-NEXT: "kind": "buffer",
// PKG-NEXT: "name": "v_cache",
// PKG: "arg": "slot_mapping",
// PKG-NEXT: "kind": "range",
// PKG-NEXT: "max": "(k_cache.0) * 16 - 1",
// PKG-NEXT: "min": 0,
// PKG-NEXT: "skip_negative": true
// PKG: "name": "slots",
