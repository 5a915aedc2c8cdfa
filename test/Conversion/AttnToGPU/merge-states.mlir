// RUN: attn-opt %s --convert-attn-to-gpu --canonicalize | FileCheck %s
// RUN: attn-opt %s --convert-attn-to-gpu --attn-to-rocdl="format=isa" | sed 's/\\0A/\n/g; s/\\09/ /g; s/\\22/"/g' | FileCheck %s --check-prefix=GFX942
// REQUIRES: ptxas
// RUN: rm -rf %t && attn-compile --target=cuda %s -o %t
// RUN: FileCheck %s --check-prefix=PKG < %t/manifest.json

// convert-attn-to-gpu: attn.merge_states becomes a gpu.launch with one
// thread per (token, head) row, 128 a block, running the loop lowering's row
// computation; the cuda and hip targets compile it (bench/gpu_check.py runs
// it on a GPU against torch).

// CHECK-LABEL: func.func @merge
// CHECK: %[[T:.*]] = tensor.dim %arg0, %c0
// CHECK: %[[OUT:.*]] = memref.alloc(%[[T]]) : memref<?x4x16xbf16>
// CHECK: %[[LSE:.*]] = memref.alloc(%[[T]]) : memref<?x4xf32>
// Rows = T * 4, blocks = ceil(rows / 128).
// CHECK: %[[ROWS:.*]] = arith.muli %[[T]], %c4
// CHECK: %[[BLOCKS:.*]] = arith.ceildivui %[[ROWS]], %c128
// CHECK: gpu.launch blocks(%[[BX:[^,]*]], %{{.*}}) in (%{{.*}} = %[[BLOCKS]], %{{.*}} = %c1, %{{.*}} = %c1) threads(%[[TX:[^,]*]], %{{.*}}) in (%{{.*}} = %c128, %{{.*}} = %c1, %{{.*}} = %c1)
// CHECK: %[[R0:.*]] = arith.muli %[[BX]], %c128
// CHECK: %[[ROW:.*]] = arith.addi %[[R0]], %[[TX]]
// CHECK: %[[IN:.*]] = arith.cmpi slt, %[[ROW]], %[[ROWS]]
// CHECK: scf.if %[[IN]] {
// CHECK: %[[H:.*]] = arith.remui %[[ROW]], %c4
// CHECK: %[[TOK0:.*]] = arith.divui %[[ROW]], %c4
// CHECK: %[[TOK:.*]] = arith.remui %[[TOK0]], %[[T]]
// CHECK: tensor.extract %arg2[%[[TOK]], %[[H]]]
// CHECK: tensor.extract %arg3[%[[TOK]], %[[H]]]
// CHECK: math.exp
// CHECK: math.log
// CHECK: memref.store %{{.*}}, %[[LSE]][%[[TOK]], %[[H]]]
// CHECK: scf.for %[[D:.*]] = %c0 to %c16
// CHECK: memref.store %{{.*}}, %[[OUT]][%[[TOK]], %[[H]], %[[D]]] : memref<?x4x16xbf16>
// CHECK: gpu.terminator
// CHECK: bufferization.to_tensor %[[OUT]] restrict writable
// CHECK: bufferization.to_tensor %[[LSE]] restrict writable

// GFX942: .amdgcn_target "amdgcn-amd-amdhsa--gfx942"
// GFX942: .private_segment_fixed_size: 0

// PKG: "device_code": "cubin",
// PKG: "name": "merge",
// PKG: "target": "cuda",

func.func @merge(%va: tensor<?x4x16xbf16> {attn.name = "va"}, %vb: tensor<?x4x16xbf16> {attn.name = "vb"},
                 %sa: tensor<?x4xf32> {attn.name = "sa"}, %sb: tensor<?x4xf32> {attn.name = "sb"})
    -> (tensor<?x4x16xbf16> {attn.name = "out"}, tensor<?x4xf32> {attn.name = "lse"}) {
  %o, %l = attn.merge_states values(%va, %vb) lse(%sa, %sb)
    : (tensor<?x4x16xbf16>, tensor<?x4x16xbf16>, tensor<?x4xf32>, tensor<?x4xf32>)
    -> (tensor<?x4x16xbf16>, tensor<?x4xf32>)
  return %o, %l : tensor<?x4x16xbf16>, tensor<?x4xf32>
}
