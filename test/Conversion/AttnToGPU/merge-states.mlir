// RUN: attn-opt %s --convert-attn-to-gpu --canonicalize | FileCheck %s
// RUN: attn-opt %s --convert-attn-to-gpu --attn-to-rocdl="format=isa" | sed 's/\\0A/\n/g; s/\\09/ /g; s/\\22/"/g' | FileCheck %s --check-prefix=GFX942
// REQUIRES: ptxas
// RUN: rm -rf %t && attn-compile --target=cuda %s -o %t
// RUN: FileCheck %s --check-prefix=PKG < %t/manifest.json

// convert-attn-to-gpu: attn.merge_states becomes a gpu.launch with one
// thread per (token, head, channel), 128 a block: neighbouring threads read
// and write neighbouring channels. Each thread computes its row's merged LSE
// (the loop lowering's computation) and the row's first thread stores it;
// the cuda and hip targets compile it (bench/gpu_check.py runs it on a GPU
// against torch).

// CHECK-LABEL: func.func @merge
// CHECK: %[[T:.*]] = tensor.dim %arg0, %c0
// CHECK: %[[OUT:.*]] = memref.alloc(%[[T]]) : memref<?x4x16xbf16>
// CHECK: %[[LSE:.*]] = memref.alloc(%[[T]]) : memref<?x4xf32>
// Threads = T * 4 * 16, blocks = ceil(threads / 128).
// CHECK: %[[N:.*]] = arith.muli %[[T]], %c64
// CHECK: %[[BLOCKS:.*]] = arith.ceildivui %[[N]], %c128
// CHECK: gpu.launch blocks(%[[BX:[^,]*]], %{{.*}}) in (%{{.*}} = %[[BLOCKS]], %{{.*}} = %c1, %{{.*}} = %c1) threads(%[[TX:[^,]*]], %{{.*}}) in (%{{.*}} = %c128, %{{.*}} = %c1, %{{.*}} = %c1)
// CHECK: %[[I0:.*]] = arith.muli %[[BX]], %c128
// CHECK: %[[ID:.*]] = arith.addi %[[I0]], %[[TX]]
// CHECK: %[[IN:.*]] = arith.cmpi slt, %[[ID]], %[[N]]
// CHECK: scf.if %[[IN]] {
// CHECK: %[[D:.*]] = arith.remui %[[ID]], %c16
// CHECK: %[[ROW:.*]] = arith.divui %[[ID]], %c16
// CHECK: %[[H:.*]] = arith.remui %[[ROW]], %c4
// CHECK: %[[TOK:.*]] = arith.divui %[[ROW]], %c4
// CHECK: tensor.extract %arg2[%[[TOK]], %[[H]]]
// CHECK: tensor.extract %arg3[%[[TOK]], %[[H]]]
// CHECK: math.exp
// CHECK: %[[MERGED:.*]] = arith.select
// CHECK: %[[FIRST:.*]] = arith.cmpi eq, %[[D]], %c0
// CHECK: scf.if %[[FIRST]] {
// CHECK-NEXT: memref.store %[[MERGED]], %[[LSE]][%[[TOK]], %[[H]]]
// CHECK: tensor.extract %arg0[%[[TOK]], %[[H]], %[[D]]]
// CHECK: tensor.extract %arg1[%[[TOK]], %[[H]], %[[D]]]
// CHECK: memref.store %{{.*}}, %[[OUT]][%[[TOK]], %[[H]], %[[D]]] : memref<?x4x16xbf16>
// CHECK-NOT: scf.for
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
