// REQUIRES: ptxas
// RUN: rm -rf %t && attn-compile --target=cuda --chip=sm_90a %s -o %t --keep-intermediates
// RUN: FileCheck %s --check-prefix=MANIFEST < %t/manifest.json
// RUN: FileCheck %s --check-prefix=HOST < %t/kernels.ll
// RUN: not attn-compile --target=cuda %S/Inputs/linear.mlir -o %t.attn 2>&1 | FileCheck %s --check-prefix=ATTN
// RUN: not attn-compile --target=cuda --chip=sm_90a %s -o %t.bad --pass-typo 2>&1 | FileCheck %s --check-prefix=OPTION

// A cuda package: attn-to-nvvm compiles a kernel function written with
// gpu.launch into host code for the runtime's packed-memref ABI (the same
// entry point as a cpu package) that loads an embedded sm_90a cubin and
// launches it through the runtime's mgpu* functions. bench/gpu_check.py runs
// the same kind of package on a GPU.

// MANIFEST: "binary": "kernels.so",
// MANIFEST: "chip": "sm_90a",
// MANIFEST: "device_code": "cubin",
// MANIFEST: "name": "scale",
// MANIFEST: "symbol": "scale_attn_entry"
// MANIFEST: "target": "cuda",

// The cubin is an ELF image in a constant loaded by a constructor.
// HOST: @scale_kernel_binary = internal constant [{{[0-9]+}} x i8] c"\7FELF
// HOST: @llvm.global_ctors = {{.*}} @scale_kernel_load
// HOST: define void @scale(
// HOST-NEXT: call ptr @mgpuStreamCreate()
// HOST: call ptr @mgpuModuleGetFunction
// HOST-NEXT: call void @mgpuLaunchKernel(ptr %{{.*}}, i64 64, i64 1, i64 1, i64 128, i64 1, i64 1, i32 0,
// HOST-NEXT: call void @mgpuStreamSynchronize
// HOST-NEXT: call void @mgpuStreamDestroy
// HOST: define void @scale_attn_entry(ptr
// HOST: define internal void @scale_kernel_load()
// HOST: call ptr @mgpuModuleLoad(ptr @scale_kernel_binary

// ATTN: error: the cuda target cannot lower 'attn.linear_attention' yet; compile it with --target=cpu
// OPTION: Unknown command line argument '--pass-typo'

func.func @scale(%x: tensor<8192xf32> {attn.name = "x"}) -> (tensor<8192xf32> {attn.name = "y"}) {
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  %c128 = arith.constant 128 : index
  %two = arith.constant 2.0 : f32
  %mx = bufferization.to_buffer %x read_only : tensor<8192xf32> to memref<8192xf32>
  %my = memref.alloc() : memref<8192xf32>
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c64, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c128, %sy = %c1, %sz = %c1) {
    %i0 = arith.muli %bx, %c128 : index
    %i = arith.addi %i0, %tx : index
    %v = memref.load %mx[%i] : memref<8192xf32>
    %w = arith.mulf %v, %two : f32
    memref.store %w, %my[%i] : memref<8192xf32>
    gpu.terminator
  }
  %y = bufferization.to_tensor %my restrict writable : memref<8192xf32> to tensor<8192xf32>
  return %y : tensor<8192xf32>
}
