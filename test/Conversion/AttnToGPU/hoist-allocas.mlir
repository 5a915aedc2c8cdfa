// RUN: attn-opt %s --pass-pipeline='builtin.module(gpu.module(attn-gpu-hoist-allocas))' | FileCheck %s

// attn-gpu-hoist-allocas: a kernel's static-shape allocas, wherever they
// are, move to the entry block (static LLVM allocas) in the private address
// space, cast back to the type their users had. A dynamic-size alloca and
// allocas outside gpu.func stay.

// CHECK-LABEL: gpu.func @tiles
// CHECK-NEXT: %[[B:.*]] = memref.alloca() : memref<16xf32, #gpu.address_space<private>>
// CHECK-NEXT: %[[BC:.*]] = memref.memory_space_cast %[[B]] : memref<16xf32, #gpu.address_space<private>> to memref<16xf32>
// CHECK-NEXT: %[[A:.*]] = memref.alloca() : memref<4x64xf32, #gpu.address_space<private>>
// CHECK-NEXT: %[[AC:.*]] = memref.memory_space_cast %[[A]] : memref<4x64xf32, #gpu.address_space<private>> to memref<4x64xf32>
// CHECK: scf.if
// CHECK-NOT: memref.alloca() :
// CHECK: memref.store %{{.*}}, %[[AC]][
// CHECK: scf.for
// CHECK: memref.store %{{.*}}, %[[BC]][
// CHECK: memref.alloca(%{{.*}}) : memref<?xf32, #gpu.address_space<private>>
// CHECK: gpu.return
gpu.module @kernels {
  gpu.func @tiles(%n: index, %c: i1) kernel {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %f = arith.constant 1.0 : f32
    scf.if %c {
      %a = memref.alloca() : memref<4x64xf32>
      memref.store %f, %a[%c0, %c0] : memref<4x64xf32>
      scf.for %i = %c0 to %n step %c1 {
        %b = memref.alloca() : memref<16xf32>
        memref.store %f, %b[%c0] : memref<16xf32>
      }
      %d = memref.alloca(%n) : memref<?xf32, #gpu.address_space<private>>
      memref.store %f, %d[%c0] : memref<?xf32, #gpu.address_space<private>>
    }
    gpu.return
  }
}
