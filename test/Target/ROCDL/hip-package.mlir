// RUN: rm -rf %t && attn-compile --target=hip %s -o %t --keep-intermediates
// RUN: FileCheck %s --check-prefix=MANIFEST < %t/manifest.json
// RUN: FileCheck %s --check-prefix=HOST < %t/kernels.ll
// RUN: attn-opt %s --attn-to-rocdl="format=isa chip=gfx942" | sed 's/\\0A/\n/g; s/\\09/ /g; s/\\22/"/g' | FileCheck %s --check-prefix=ISA
// RUN: not attn-compile --target=hip %S/../NVVM/Inputs/linear.mlir -o %t.attn 2>&1 | FileCheck %s --check-prefix=ATTN

// A hip package: attn-to-rocdl compiles a kernel function written with
// gpu.launch into host code for the runtime's packed-memref ABI that loads
// an embedded gfx942 HSA code object (linked by LLVM 22's ld.lld) through
// the runtime's mgpu* functions, served by HIP. No AMD GPU is available
// here: generation, the code object and its resource use are checked, not
// its execution.

// MANIFEST: "chip": "gfx942",
// MANIFEST: "device_code": "hsaco",
// MANIFEST: "target": "hip",

// The code object is an ELF image for the AMDGPU machine (EM_AMDGPU = 224,
// "\E0\00" little-endian at offset 18), loaded by a constructor.
// HOST: @scale_kernel_binary = internal constant [{{[0-9]+}} x i8] c"\7FELF\02\01\01@\04\00\00\00\00\00\00\00\03\00\E0\00
// HOST: define void @scale(
// HOST-NEXT: call ptr @mgpuStreamCreate()
// HOST: call void @mgpuLaunchKernel(ptr %{{.*}}, i64 64, i64 1, i64 1, i64 128, i64 1, i64 1, i32 0,
// HOST: define void @scale_attn_entry(ptr
// HOST: call ptr @mgpuModuleLoad(ptr @scale_kernel_binary

// ISA: .amdgcn_target "amdgcn-amd-amdhsa--gfx942"
// ISA: scale_kernel:
// ISA: global_load_dword
// ISA: v_mul_f32
// ISA: global_store_dword
// ISA: .group_segment_fixed_size: 0
// ISA: .private_segment_fixed_size: 0
// ISA: .sgpr_count: {{[0-9]+}}
// ISA: .vgpr_count: {{[0-9]+}}

// ATTN: error: the hip target cannot lower 'attn.linear_attention' yet; compile it with --target=cpu

func.func @scale(%x: tensor<8192xf32> {attn.name = "x"}) -> (tensor<8192xf32> {attn.name = "y"}) {
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  %c128 = arith.constant 128 : index
  %three = arith.constant 3.0 : f32
  %mx = bufferization.to_buffer %x read_only : tensor<8192xf32> to memref<8192xf32>
  %my = memref.alloc() : memref<8192xf32>
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c64, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c128, %sy = %c1, %sz = %c1) {
    %i0 = arith.muli %bx, %c128 : index
    %i = arith.addi %i0, %tx : index
    %v = memref.load %mx[%i] : memref<8192xf32>
    %w = arith.mulf %v, %three : f32
    memref.store %w, %my[%i] : memref<8192xf32>
    gpu.terminator
  }
  %y = bufferization.to_tensor %my restrict writable : memref<8192xf32> to tensor<8192xf32>
  return %y : tensor<8192xf32>
}
