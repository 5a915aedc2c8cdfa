// RUN: attn-opt %s --attn-expand-functors --attn-tile=target=amd --attn-inline-functors --convert-attn-tile-to-gpu=target=amd | FileCheck %s

// convert-attn-tile-to-gpu with the "amd" MatrixTarget (lib/Target/ROCDL/
// MfmaTarget.cpp): the same schedule as the NVIDIA target's (a wave per 16
// query rows, tiles in LDS, K and V double-slotted) on 64-lane waves with
// 16x16x16 MFMA, multiplied with the operands swapped (D = B^T A^T) so that
// a lane holds one row of the accumulator and P feeds P V as it is.

// A 64-row query tile (4 waves), 32-key tiles: Q 8 KiB + K and V 2 x 4 KiB.
// CHECK-LABEL: func.func @prefill
// CHECK: gpu.launch {{.*}} threads({{.*}}) in (%{{.*}} = %c256, %{{.*}} = %{{.*}}, %{{.*}} = %{{.*}}) dynamic_shared_memory_size %c24576_i32
// Copies: 16-byte loads (zeros past the valid rows) stored into LDS.
// CHECK: %[[CHUNK:.*]] = scf.if %{{.*}} -> (vector<8xbf16>) {
// CHECK-NEXT: %[[LD:.*]] = vector.load %{{.*}} : memref<?x8x64xbf16>, vector<8xbf16>
// CHECK-NEXT: scf.yield %[[LD]] : vector<8xbf16>
// CHECK-NEXT: } else {
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : vector<8xbf16>
// CHECK-NEXT: scf.yield %[[ZERO]] : vector<8xbf16>
// CHECK: vector.store %[[CHUNK]], %{{.*}} : memref<64x64xbf16, #gpu.address_space<workgroup>>, vector<8xbf16>
// CHECK: gpu.barrier
// Q K^T: a Q row quad and two K row quads from LDS; the MFMA takes K first.
// CHECK: %[[Q:.*]] = vector.load %{{.*}} : memref<64x64xbf16, #gpu.address_space<workgroup>>, vector<4xbf16>
// CHECK: %[[K0:.*]] = vector.load %{{.*}} : memref<64x64xbf16, #gpu.address_space<workgroup>>, vector<4xbf16>
// CHECK: %[[K1:.*]] = vector.load %{{.*}} : memref<64x64xbf16, #gpu.address_space<workgroup>>, vector<4xbf16>
// CHECK: amdgpu.mfma 16x16x16 %[[K0]] * %[[Q]] + %{{.*}} blgp =  none : vector<4xbf16>, vector<4xbf16>, vector<4xf32>
// CHECK: amdgpu.mfma 16x16x16 %[[K1]] * %[[Q]] + %{{.*}} blgp =  none : vector<4xbf16>, vector<4xbf16>, vector<4xf32>
// Row reductions over the 4 lanes of a row (XOR 16 and 32 of 64).
// CHECK: gpu.shuffle  xor %{{.*}}, %c16_i32{{.*}}, %c64_i32
// CHECK: gpu.shuffle  xor %{{.*}}, %c32_i32{{.*}}, %c64_i32
// CHECK: rocdl.exp2
// P V: P's accumulators rounded are the operand; V's column quads.
// CHECK: %[[P:.*]] = arith.truncf %{{.*}} : vector<4xf32> to vector<4xbf16>
// CHECK-COUNT-4: memref.load %{{.*}} : memref<64x64xbf16, #gpu.address_space<workgroup>>
// CHECK: %[[V:.*]] = vector.from_elements %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : vector<4xbf16>
// CHECK: amdgpu.mfma 16x16x16 %[[V]] * %[[P]] + %{{.*}}
// CHECK-NOT: attn_tile.
func.func @prefill(%q: tensor<?x?x8x64xbf16>, %k: tensor<?x?x2x64xbf16>, %v: tensor<?x?x2x64xbf16>)
    -> (tensor<?x?x8x64xbf16>, tensor<?x?x8xf32>) {
  %o, %l = attn.prefill q(%q) k(%k) v(%v) {causal}
    : (tensor<?x?x8x64xbf16>, tensor<?x?x2x64xbf16>, tensor<?x?x2x64xbf16>)
    -> (tensor<?x?x8x64xbf16>, tensor<?x?x8xf32>)
  return %o, %l : tensor<?x?x8x64xbf16>, tensor<?x?x8xf32>
}
