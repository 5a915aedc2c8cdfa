// RUN: attn-opt %s --convert-attn-to-loops --split-input-file | FileCheck %s

// The reference lowering of attn.rope (RopeToLoops.cpp): the input is read
// through a read-only buffer, the result is a fresh alloc (dynamic sizes from
// the input's dims), and a loop nest over every input dim (tokens..., h, d)
// computes each channel with the shared applyRope: channels d < dim rotate
// with their partner at angle pos * exp(m * (-2 ln theta / dim)), as
// x[d] * cos + sign * x[partner] * sin (sign -1 on the first of the pair);
// channels d >= dim are copied. The value is computed in f32 and stored in
// the element type. A token's position is its sequence index s without
// positions (dense input), else positions[tokens...] cast to index.

// Dense f16 [2, ?, 4, 16], no positions, NeoX with a partial rotary dim 8
// (half = 4: d < 4 pairs with d + 4, m = d; 4 <= d < 8 pairs with d - 4,
// m = d - 4); -2 ln(1e4) / 8 = -2.30258512. The position is the loop's s.
// CHECK-LABEL: func.func @dense_no_positions
// CHECK-SAME: (%[[X:[^:]*]]: tensor<2x?x4x16xf16>) -> tensor<2x?x4x16xf16>
// CHECK: %[[XB:.*]] = bufferization.to_buffer %[[X]] read_only : tensor<2x?x4x16xf16> to memref<2x?x4x16xf16>
// CHECK-NOT: bufferization.to_buffer
// CHECK: %[[D0:.*]] = memref.dim %[[XB]], %{{.*}} : memref<2x?x4x16xf16>
// CHECK: %[[D1:.*]] = memref.dim %[[XB]], %{{.*}} : memref<2x?x4x16xf16>
// CHECK: %[[D2:.*]] = memref.dim %[[XB]], %{{.*}} : memref<2x?x4x16xf16>
// CHECK: %[[D3:.*]] = memref.dim %[[XB]], %{{.*}} : memref<2x?x4x16xf16>
// CHECK-NEXT: %[[OUT:.*]] = memref.alloc(%[[D1]]) : memref<2x?x4x16xf16>
// CHECK: scf.for %[[B:[^ ]+]] = %{{[^ ]+}} to %[[D0]] step
// CHECK: scf.for %[[S:[^ ]+]] = %{{[^ ]+}} to %[[D1]] step
// CHECK: scf.for %[[H:[^ ]+]] = %{{[^ ]+}} to %[[D2]] step
// CHECK: scf.for %[[D:[^ ]+]] = %{{[^ ]+}} to %[[D3]] step
// CHECK-NOT: memref.load
// CHECK: %[[C8:.*]] = arith.constant 8 : index
// CHECK-NEXT: %[[ROT:.*]] = arith.cmpi slt, %[[D]], %[[C8]] : index
// CHECK-NEXT: %[[Y:.*]] = scf.if %[[ROT]] -> (f32) {
// CHECK-NEXT: %[[C4:.*]] = arith.constant 4 : index
// CHECK-NEXT: %[[FIRST:.*]] = arith.cmpi slt, %[[D]], %[[C4]] : index
// CHECK-NEXT: %[[C4A:.*]] = arith.constant 4 : index
// CHECK-NEXT: %[[UP:.*]] = arith.addi %[[D]], %[[C4A]] : index
// CHECK-NEXT: %[[C4B:.*]] = arith.constant 4 : index
// CHECK-NEXT: %[[DOWN:.*]] = arith.subi %[[D]], %[[C4B]] : index
// CHECK-NEXT: %[[PARTNER:.*]] = arith.select %[[FIRST]], %[[UP]], %[[DOWN]] : index
// CHECK-NEXT: %[[C4C:.*]] = arith.constant 4 : index
// CHECK-NEXT: %[[DM4:.*]] = arith.subi %[[D]], %[[C4C]] : index
// CHECK-NEXT: %[[M:.*]] = arith.select %[[FIRST]], %[[D]], %[[DM4]] : index
// CHECK-NEXT: %[[MI:.*]] = arith.index_cast %[[M]] : index to i64
// CHECK-NEXT: %[[MF:.*]] = arith.sitofp %[[MI]] : i64 to f32
// CHECK-NEXT: %[[K:.*]] = arith.constant -2.30258512 : f32
// CHECK-NEXT: %[[EXPO:.*]] = arith.mulf %[[MF]], %[[K]] : f32
// CHECK-NEXT: %[[PI:.*]] = arith.index_cast %[[S]] : index to i64
// CHECK-NEXT: %[[PF:.*]] = arith.sitofp %[[PI]] : i64 to f32
// CHECK-NEXT: %[[FREQ:.*]] = math.exp %[[EXPO]] : f32
// CHECK-NEXT: %[[ANGLE:.*]] = arith.mulf %[[PF]], %[[FREQ]] : f32
// CHECK-NEXT: %[[COS:.*]] = math.cos %[[ANGLE]] : f32
// CHECK-NEXT: %[[SIN:.*]] = math.sin %[[ANGLE]] : f32
// CHECK-NEXT: %[[NEG:.*]] = arith.constant -1.000000e+00 : f32
// CHECK-NEXT: %[[POS:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %[[SIGN:.*]] = arith.select %[[FIRST]], %[[NEG]], %[[POS]] : f32
// CHECK-NEXT: %[[X0H:.*]] = memref.load %[[XB]][%[[B]], %[[S]], %[[H]], %[[D]]] : memref<2x?x4x16xf16>
// CHECK-NEXT: %[[X0:.*]] = arith.extf %[[X0H]] : f16 to f32
// CHECK-NEXT: %[[XCOS:.*]] = arith.mulf %[[X0]], %[[COS]] : f32
// CHECK-NEXT: %[[X1H:.*]] = memref.load %[[XB]][%[[B]], %[[S]], %[[H]], %[[PARTNER]]] : memref<2x?x4x16xf16>
// CHECK-NEXT: %[[X1:.*]] = arith.extf %[[X1H]] : f16 to f32
// CHECK-NEXT: %[[XSIN:.*]] = arith.mulf %[[X1]], %[[SIN]] : f32
// CHECK-NEXT: %[[SXSIN:.*]] = arith.mulf %[[SIGN]], %[[XSIN]] : f32
// CHECK-NEXT: %[[SUM:.*]] = arith.addf %[[XCOS]], %[[SXSIN]] : f32
// CHECK-NEXT: scf.yield %[[SUM]] : f32
// CHECK-NEXT: } else {
// CHECK-NEXT: %[[CH:.*]] = memref.load %[[XB]][%[[B]], %[[S]], %[[H]], %[[D]]] : memref<2x?x4x16xf16>
// CHECK-NEXT: %[[C:.*]] = arith.extf %[[CH]] : f16 to f32
// CHECK-NEXT: scf.yield %[[C]] : f32
// CHECK-NEXT: }
// CHECK-NEXT: %[[YH:.*]] = arith.truncf %[[Y]] : f32 to f16
// CHECK-NEXT: memref.store %[[YH]], %[[OUT]][%[[B]], %[[S]], %[[H]], %[[D]]] : memref<2x?x4x16xf16>
// CHECK: %[[R:.*]] = bufferization.to_tensor %[[OUT]] restrict writable : memref<2x?x4x16xf16> to tensor<2x?x4x16xf16>
// CHECK-NEXT: return %[[R]] : tensor<2x?x4x16xf16>
// CHECK-NOT: attn.rope
func.func @dense_no_positions(%x: tensor<2x?x4x16xf16>) -> tensor<2x?x4x16xf16> {
  %r = attn.rope %x {rope = #attn.rope<theta = 10000.0, dim = 8, style = neox>}
      : tensor<2x?x4x16xf16>
  return %r : tensor<2x?x4x16xf16>
}

// -----

// Token-major f32 [?, 2, 8] with i32 positions [T], interleaved with a
// partial rotary dim 4 (even d pairs with d + 1 and odd d with d - 1,
// m = d / 2); -2 ln(5e5) / 4 = -6.56118155. The position positions[t] is
// loaded in the innermost loop body and cast to index; the f32 result is
// stored without conversion.
// CHECK-LABEL: func.func @token_major_positions
// CHECK-SAME: (%[[X:[^:]*]]: tensor<?x2x8xf32>, %[[P:[^:]*]]: tensor<?xi32>) -> tensor<?x2x8xf32>
// CHECK: %[[XB:.*]] = bufferization.to_buffer %[[X]] read_only : tensor<?x2x8xf32> to memref<?x2x8xf32>
// CHECK-NEXT: %[[PB:.*]] = bufferization.to_buffer %[[P]] read_only : tensor<?xi32> to memref<?xi32>
// CHECK: %[[D0:.*]] = memref.dim %[[XB]], %{{.*}} : memref<?x2x8xf32>
// CHECK: %[[D1:.*]] = memref.dim %[[XB]], %{{.*}} : memref<?x2x8xf32>
// CHECK: %[[D2:.*]] = memref.dim %[[XB]], %{{.*}} : memref<?x2x8xf32>
// CHECK-NEXT: %[[OUT:.*]] = memref.alloc(%[[D0]]) : memref<?x2x8xf32>
// CHECK: scf.for %[[T:[^ ]+]] = %{{[^ ]+}} to %[[D0]] step
// CHECK: scf.for %[[H:[^ ]+]] = %{{[^ ]+}} to %[[D1]] step
// CHECK: scf.for %[[D:[^ ]+]] = %{{[^ ]+}} to %[[D2]] step
// CHECK-NEXT: %[[P0:.*]] = memref.load %[[PB]][%[[T]]] : memref<?xi32>
// CHECK-NEXT: %[[PIDX:.*]] = arith.index_cast %[[P0]] : i32 to index
// CHECK-NEXT: %[[C4:.*]] = arith.constant 4 : index
// CHECK-NEXT: %[[ROT:.*]] = arith.cmpi slt, %[[D]], %[[C4]] : index
// CHECK-NEXT: %[[Y:.*]] = scf.if %[[ROT]] -> (f32) {
// CHECK-NEXT: %[[C2:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[PAR:.*]] = arith.remui %[[D]], %[[C2]] : index
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[FIRST:.*]] = arith.cmpi eq, %[[PAR]], %[[C0]] : index
// CHECK-NEXT: %[[C1A:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[UP:.*]] = arith.addi %[[D]], %[[C1A]] : index
// CHECK-NEXT: %[[C1B:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[DOWN:.*]] = arith.subi %[[D]], %[[C1B]] : index
// CHECK-NEXT: %[[PARTNER:.*]] = arith.select %[[FIRST]], %[[UP]], %[[DOWN]] : index
// CHECK-NEXT: %[[C2A:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[M:.*]] = arith.divui %[[D]], %[[C2A]] : index
// CHECK-NEXT: %[[MI:.*]] = arith.index_cast %[[M]] : index to i64
// CHECK-NEXT: %[[MF:.*]] = arith.sitofp %[[MI]] : i64 to f32
// CHECK-NEXT: %[[K:.*]] = arith.constant -6.56118155 : f32
// CHECK-NEXT: %[[EXPO:.*]] = arith.mulf %[[MF]], %[[K]] : f32
// CHECK-NEXT: %[[PI:.*]] = arith.index_cast %[[PIDX]] : index to i64
// CHECK-NEXT: %[[PF:.*]] = arith.sitofp %[[PI]] : i64 to f32
// CHECK-NEXT: %[[FREQ:.*]] = math.exp %[[EXPO]] : f32
// CHECK-NEXT: %[[ANGLE:.*]] = arith.mulf %[[PF]], %[[FREQ]] : f32
// CHECK-NEXT: %[[COS:.*]] = math.cos %[[ANGLE]] : f32
// CHECK-NEXT: %[[SIN:.*]] = math.sin %[[ANGLE]] : f32
// CHECK-NEXT: %[[NEG:.*]] = arith.constant -1.000000e+00 : f32
// CHECK-NEXT: %[[POS:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %[[SIGN:.*]] = arith.select %[[FIRST]], %[[NEG]], %[[POS]] : f32
// CHECK-NEXT: %[[X0:.*]] = memref.load %[[XB]][%[[T]], %[[H]], %[[D]]] : memref<?x2x8xf32>
// CHECK-NEXT: %[[XCOS:.*]] = arith.mulf %[[X0]], %[[COS]] : f32
// CHECK-NEXT: %[[X1:.*]] = memref.load %[[XB]][%[[T]], %[[H]], %[[PARTNER]]] : memref<?x2x8xf32>
// CHECK-NEXT: %[[XSIN:.*]] = arith.mulf %[[X1]], %[[SIN]] : f32
// CHECK-NEXT: %[[SXSIN:.*]] = arith.mulf %[[SIGN]], %[[XSIN]] : f32
// CHECK-NEXT: %[[SUM:.*]] = arith.addf %[[XCOS]], %[[SXSIN]] : f32
// CHECK-NEXT: scf.yield %[[SUM]] : f32
// CHECK-NEXT: } else {
// CHECK-NEXT: %[[C:.*]] = memref.load %[[XB]][%[[T]], %[[H]], %[[D]]] : memref<?x2x8xf32>
// CHECK-NEXT: scf.yield %[[C]] : f32
// CHECK-NEXT: }
// CHECK-NEXT: memref.store %[[Y]], %[[OUT]][%[[T]], %[[H]], %[[D]]] : memref<?x2x8xf32>
// CHECK: %[[R:.*]] = bufferization.to_tensor %[[OUT]] restrict writable : memref<?x2x8xf32> to tensor<?x2x8xf32>
// CHECK-NEXT: return %[[R]] : tensor<?x2x8xf32>
func.func @token_major_positions(%x: tensor<?x2x8xf32>, %p: tensor<?xi32>) -> tensor<?x2x8xf32> {
  %r = attn.rope %x positions(%p : tensor<?xi32>)
      {rope = #attn.rope<theta = 500000.0, dim = 4, style = interleaved>}
      : tensor<?x2x8xf32>
  return %r : tensor<?x2x8xf32>
}

// -----

// Dense bf16 with i64 positions [B, S]: the position is positions[b, s]
// (not s), and the angle uses it.
// CHECK-LABEL: func.func @dense_positions
// CHECK-SAME: (%[[X:[^:]*]]: tensor<?x?x2x4xbf16>, %[[P:[^:]*]]: tensor<?x?xi64>)
// CHECK: %[[XB:.*]] = bufferization.to_buffer %[[X]] read_only
// CHECK-NEXT: %[[PB:.*]] = bufferization.to_buffer %[[P]] read_only : tensor<?x?xi64> to memref<?x?xi64>
// CHECK: %[[D0:.*]] = memref.dim %[[XB]], %{{.*}} : memref<?x?x2x4xbf16>
// CHECK: %[[D1:.*]] = memref.dim %[[XB]], %{{.*}} : memref<?x?x2x4xbf16>
// CHECK: memref.alloc(%[[D0]], %[[D1]]) : memref<?x?x2x4xbf16>
// CHECK: scf.for %[[B:[^ ]+]] = %{{[^ ]+}} to %[[D0]] step
// CHECK: scf.for %[[S:[^ ]+]] = %{{[^ ]+}} to %[[D1]] step
// CHECK: scf.for %[[H:[^ ]+]] =
// CHECK: scf.for %[[D:[^ ]+]] =
// CHECK-NEXT: %[[P0:.*]] = memref.load %[[PB]][%[[B]], %[[S]]] : memref<?x?xi64>
// CHECK-NEXT: %[[PIDX:.*]] = arith.index_cast %[[P0]] : i64 to index
// CHECK: arith.constant -4.60517025 : f32
// CHECK: %[[PI:.*]] = arith.index_cast %[[PIDX]] : index to i64
// CHECK-NEXT: %[[PF:.*]] = arith.sitofp %[[PI]] : i64 to f32
// CHECK-NEXT: %[[FREQ:.*]] = math.exp %{{.*}} : f32
// CHECK-NEXT: %[[ANGLE:.*]] = arith.mulf %[[PF]], %[[FREQ]] : f32
// CHECK-NEXT: math.cos %[[ANGLE]] : f32
// CHECK-NEXT: math.sin %[[ANGLE]] : f32
// CHECK: arith.truncf %{{.*}} : f32 to bf16
// CHECK-NEXT: memref.store %{{.*}}, %{{.*}}[%[[B]], %[[S]], %[[H]], %[[D]]] : memref<?x?x2x4xbf16>
func.func @dense_positions(%x: tensor<?x?x2x4xbf16>, %p: tensor<?x?xi64>) -> tensor<?x?x2x4xbf16> {
  %r = attn.rope %x positions(%p : tensor<?x?xi64>)
      {rope = #attn.rope<theta = 10000.0, dim = 4, style = neox>}
      : tensor<?x?x2x4xbf16>
  return %r : tensor<?x?x2x4xbf16>
}
