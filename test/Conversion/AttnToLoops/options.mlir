// RUN: attn-opt %s --convert-attn-to-loops --split-input-file | FileCheck %s

// NeoX RoPE over the first 4 of 8 channels, queries at positions[b, i]:
// channel d < 4 pairs with d + 2 (d < 2, sign -1) or d - 2 (sign +1) and
// rotates by pos * exp(m * -2 ln(10000) / 4) with m = d mod 2; channels
// d >= 4 pass through; keys rotate at their index j. bf16 inputs are
// widened with extf, the output narrowed with truncf.
// CHECK-LABEL: func.func @rope_neox_positions
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x4x2x8xbf16>, %[[K:[^:]*]]: tensor<1x6x2x8xbf16>, %[[V:[^:]*]]: tensor<1x6x2x8xbf16>, %[[POS:[^:]*]]: tensor<1x4xi32>)
// CHECK-DAG: %[[QB:.*]] = bufferization.to_buffer %[[Q]] read_only
// CHECK-DAG: %[[KB:.*]] = bufferization.to_buffer %[[K]] read_only
// CHECK-DAG: %[[POSB:.*]] = bufferization.to_buffer %[[POS]] read_only
// CHECK: scf.for %[[B:[^ ]+]] =
// CHECK: scf.for %[[H:[^ ]+]] =
// CHECK: %[[KVH:.*]] = arith.divui %[[H]], %{{.*}} : index
// CHECK: scf.for %[[I:[^ ]+]] =
// CHECK: %[[P0:.*]] = memref.load %[[POSB]][%[[B]], %[[I]]] : memref<1x4xi32>
// CHECK-NEXT: %[[QPOS:.*]] = arith.index_cast %[[P0]] : i32 to index
// CHECK: scf.for %[[J:[^ ]+]] = {{.*}} iter_args
// CHECK: scf.for %[[D:[^ ]+]] = {{.*}} iter_args
// Query channel d.
// CHECK-NEXT: %[[ROT:.*]] = arith.constant 4 : index
// CHECK-NEXT: %[[ROTATED:.*]] = arith.cmpi slt, %[[D]], %[[ROT]] : index
// CHECK-NEXT: %[[QR:.*]] = scf.if %[[ROTATED]] -> (f32) {
// CHECK-NEXT: %[[HALF:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[FIRST:.*]] = arith.cmpi slt, %[[D]], %[[HALF]] : index
// CHECK-NEXT: %[[HALF1:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[UP:.*]] = arith.addi %[[D]], %[[HALF1]] : index
// CHECK-NEXT: %[[HALF2:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[DOWN:.*]] = arith.subi %[[D]], %[[HALF2]] : index
// CHECK-NEXT: %[[PARTNER:.*]] = arith.select %[[FIRST]], %[[UP]], %[[DOWN]] : index
// CHECK-NEXT: %[[HALF3:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[DM:.*]] = arith.subi %[[D]], %[[HALF3]] : index
// CHECK-NEXT: %[[M:.*]] = arith.select %[[FIRST]], %[[D]], %[[DM]] : index
// CHECK-NEXT: %[[MI:.*]] = arith.index_cast %[[M]] : index to i64
// CHECK-NEXT: %[[MF:.*]] = arith.sitofp %[[MI]] : i64 to f32
// CHECK-NEXT: %[[LOGF:.*]] = arith.constant -4.60517025 : f32
// CHECK-NEXT: %[[EXPO:.*]] = arith.mulf %[[MF]], %[[LOGF]] : f32
// CHECK-NEXT: %[[PI:.*]] = arith.index_cast %[[QPOS]] : index to i64
// CHECK-NEXT: %[[PF:.*]] = arith.sitofp %[[PI]] : i64 to f32
// CHECK-NEXT: %[[FREQ:.*]] = math.exp %[[EXPO]] : f32
// CHECK-NEXT: %[[ANGLE:.*]] = arith.mulf %[[PF]], %[[FREQ]] : f32
// CHECK-NEXT: %[[COS:.*]] = math.cos %[[ANGLE]] : f32
// CHECK-NEXT: %[[SIN:.*]] = math.sin %[[ANGLE]] : f32
// CHECK-NEXT: %[[NEG:.*]] = arith.constant -1.000000e+00 : f32
// CHECK-NEXT: %[[POSONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %[[SIGN:.*]] = arith.select %[[FIRST]], %[[NEG]], %[[POSONE]] : f32
// CHECK-NEXT: %[[X0:.*]] = memref.load %[[QB]][%[[B]], %[[I]], %[[H]], %[[D]]] : memref<1x4x2x8xbf16>
// CHECK-NEXT: %[[X:.*]] = arith.extf %[[X0]] : bf16 to f32
// CHECK-NEXT: %[[XC:.*]] = arith.mulf %[[X]], %[[COS]] : f32
// CHECK-NEXT: %[[Y0:.*]] = memref.load %[[QB]][%[[B]], %[[I]], %[[H]], %[[PARTNER]]] : memref<1x4x2x8xbf16>
// CHECK-NEXT: %[[Y:.*]] = arith.extf %[[Y0]] : bf16 to f32
// CHECK-NEXT: %[[YS:.*]] = arith.mulf %[[Y]], %[[SIN]] : f32
// CHECK-NEXT: %[[SYS:.*]] = arith.mulf %[[SIGN]], %[[YS]] : f32
// CHECK-NEXT: %[[R:.*]] = arith.addf %[[XC]], %[[SYS]] : f32
// CHECK-NEXT: scf.yield %[[R]] : f32
// CHECK-NEXT: } else {
// CHECK-NEXT: %[[X1:.*]] = memref.load %[[QB]][%[[B]], %[[I]], %[[H]], %[[D]]] : memref<1x4x2x8xbf16>
// CHECK-NEXT: %[[XU:.*]] = arith.extf %[[X1]] : bf16 to f32
// CHECK-NEXT: scf.yield %[[XU]] : f32
// Key channel d: the same rotation at position j.
// CHECK: %[[KROTATED:.*]] = arith.cmpi slt, %[[D]], %{{.*}} : index
// CHECK-NEXT: %[[KR:.*]] = scf.if %[[KROTATED]] -> (f32) {
// CHECK: %[[KPARTNER:.*]] = arith.select %{{.*}}, %{{.*}}, %{{.*}} : index
// CHECK: arith.constant -4.60517025 : f32
// CHECK: %[[JI:.*]] = arith.index_cast %[[J]] : index to i64
// CHECK-NEXT: %[[JF:.*]] = arith.sitofp %[[JI]] : i64 to f32
// CHECK-NEXT: %[[KFREQ:.*]] = math.exp %{{.*}} : f32
// CHECK-NEXT: %[[KANGLE:.*]] = arith.mulf %[[JF]], %[[KFREQ]] : f32
// CHECK-NEXT: math.cos %[[KANGLE]] : f32
// CHECK-NEXT: math.sin %[[KANGLE]] : f32
// CHECK: memref.load %[[KB]][%[[B]], %[[J]], %[[KVH]], %[[D]]] : memref<1x6x2x8xbf16>
// CHECK: memref.load %[[KB]][%[[B]], %[[J]], %[[KVH]], %[[KPARTNER]]] : memref<1x6x2x8xbf16>
// CHECK: } else {
// CHECK-NEXT: memref.load %[[KB]][%[[B]], %[[J]], %[[KVH]], %[[D]]] : memref<1x6x2x8xbf16>
// CHECK: arith.mulf %[[QR]], %[[KR]] : f32
// CHECK: arith.truncf %{{.*}} : f32 to bf16
func.func @rope_neox_positions(%q: tensor<1x4x2x8xbf16>, %k: tensor<1x6x2x8xbf16>, %v: tensor<1x6x2x8xbf16>,
                               %pos: tensor<1x4xi32>) -> tensor<1x4x2x8xbf16> {
  %o = attn.prefill q(%q) k(%k) v(%v) positions(%pos)
      {rope = #attn.rope<theta = 10000.0, dim = 4, style = neox>}
      : (tensor<1x4x2x8xbf16>, tensor<1x6x2x8xbf16>, tensor<1x6x2x8xbf16>, tensor<1x4xi32>)
      -> tensor<1x4x2x8xbf16>
  return %o : tensor<1x4x2x8xbf16>
}

// -----

// Interleaved RoPE over all 8 channels, without positions: channel d pairs
// with d + 1 when d is even (sign -1), d - 1 when odd (sign +1), frequency
// index m = d / 2, exponent factor -2 ln(10000) / 8; queries rotate at their
// aligned position i + Sk - Sq. f32 inputs are not converted.
// CHECK-LABEL: func.func @rope_interleaved
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x4x2x8xf32>, %[[K:[^:]*]]: tensor<1x6x2x8xf32>
// CHECK-DAG: %[[QB:.*]] = bufferization.to_buffer %[[Q]] read_only
// CHECK-DAG: %[[KB:.*]] = bufferization.to_buffer %[[K]] read_only
// CHECK: scf.for %[[B:[^ ]+]] =
// CHECK: %[[SQ:.*]] = memref.dim %[[QB]], %{{.*}} : memref<1x4x2x8xf32>
// CHECK: %[[SK:.*]] = memref.dim %[[KB]], %{{.*}} : memref<1x6x2x8xf32>
// CHECK: scf.for %[[H:[^ ]+]] =
// CHECK: scf.for %[[I:[^ ]+]] =
// CHECK: %[[OFF:.*]] = arith.subi %[[SK]], %[[SQ]] : index
// CHECK-NEXT: %[[QPOS:.*]] = arith.addi %[[I]], %[[OFF]] : index
// CHECK-NOT: memref.load {{.*}} : memref<1x4xi
// CHECK: scf.for %{{[^ ]+}} = {{.*}} iter_args
// CHECK: scf.for %[[D:[^ ]+]] = {{.*}} iter_args
// CHECK-NEXT: %[[ROT:.*]] = arith.constant 8 : index
// CHECK-NEXT: %[[ROTATED:.*]] = arith.cmpi slt, %[[D]], %[[ROT]] : index
// CHECK-NEXT: scf.if %[[ROTATED]] -> (f32) {
// CHECK-NEXT: %[[TWO:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[PARITY:.*]] = arith.remui %[[D]], %[[TWO]] : index
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[EVEN:.*]] = arith.cmpi eq, %[[PARITY]], %[[ZERO]] : index
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[UP:.*]] = arith.addi %[[D]], %[[ONE]] : index
// CHECK-NEXT: %[[ONE2:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[DOWN:.*]] = arith.subi %[[D]], %[[ONE2]] : index
// CHECK-NEXT: %[[PARTNER:.*]] = arith.select %[[EVEN]], %[[UP]], %[[DOWN]] : index
// CHECK-NEXT: %[[TWO2:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[M:.*]] = arith.divui %[[D]], %[[TWO2]] : index
// CHECK-NEXT: %[[MI:.*]] = arith.index_cast %[[M]] : index to i64
// CHECK-NEXT: %[[MF:.*]] = arith.sitofp %[[MI]] : i64 to f32
// CHECK-NEXT: %[[LOGF:.*]] = arith.constant -2.30258512 : f32
// CHECK-NEXT: %[[EXPO:.*]] = arith.mulf %[[MF]], %[[LOGF]] : f32
// CHECK-NEXT: %[[PI:.*]] = arith.index_cast %[[QPOS]] : index to i64
// CHECK-NEXT: %[[PF:.*]] = arith.sitofp %[[PI]] : i64 to f32
// CHECK-NEXT: %[[FREQ:.*]] = math.exp %[[EXPO]] : f32
// CHECK-NEXT: %[[ANGLE:.*]] = arith.mulf %[[PF]], %[[FREQ]] : f32
// CHECK-NEXT: %[[COS:.*]] = math.cos %[[ANGLE]] : f32
// CHECK-NEXT: %[[SIN:.*]] = math.sin %[[ANGLE]] : f32
// CHECK-NEXT: %[[NEG:.*]] = arith.constant -1.000000e+00 : f32
// CHECK-NEXT: %[[POSONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %[[SIGN:.*]] = arith.select %[[EVEN]], %[[NEG]], %[[POSONE]] : f32
// CHECK-NEXT: %[[X:.*]] = memref.load %[[QB]][%[[B]], %[[I]], %[[H]], %[[D]]] : memref<1x4x2x8xf32>
// CHECK-NEXT: %[[XC:.*]] = arith.mulf %[[X]], %[[COS]] : f32
// CHECK-NEXT: %[[Y:.*]] = memref.load %[[QB]][%[[B]], %[[I]], %[[H]], %[[PARTNER]]] : memref<1x4x2x8xf32>
// CHECK-NEXT: %[[YS:.*]] = arith.mulf %[[Y]], %[[SIN]] : f32
// CHECK-NEXT: %[[SYS:.*]] = arith.mulf %[[SIGN]], %[[YS]] : f32
// CHECK-NEXT: arith.addf %[[XC]], %[[SYS]] : f32
// CHECK-NOT: arith.extf
// CHECK: return
func.func @rope_interleaved(%q: tensor<1x4x2x8xf32>, %k: tensor<1x6x2x8xf32>, %v: tensor<1x6x2x8xf32>)
    -> tensor<1x4x2x8xf32> {
  %o = attn.prefill q(%q) k(%k) v(%v)
      {rope = #attn.rope<theta = 10000.0, dim = 8, style = interleaved>}
      : (tensor<1x4x2x8xf32>, tensor<1x6x2x8xf32>, tensor<1x6x2x8xf32>) -> tensor<1x4x2x8xf32>
  return %o : tensor<1x4x2x8xf32>
}

// -----

// FP8 prefill: s = (q . k) * q_descale[h] (per head) * k_descale[0] ([1]),
// then the default scale; v' = v * v_descale ([]) in the weighted sum; the
// f8E4M3FN output is o / o_scale, encoded by hand: clamp to +-448, sign
// bit from bit 31, subnormal steps of 2^-9 below 2^-6, else the mantissa
// rounded to 3 bits (nearest even) and the exponent rebiased by -120, NaN as
// 0x7F, then trunci to i8 and bitcast to f8E4M3FN.
// CHECK-LABEL: func.func @descale
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<1x4x4x8xf8E4M3FN>, %[[K:[^:]*]]: tensor<1x6x2x8xf8E4M3FN>, %[[V:[^:]*]]: tensor<1x6x2x8xf8E4M3FN>, %[[QD:[^:]*]]: tensor<4xf32>, %[[KD:[^:]*]]: tensor<1xf32>, %[[VD:[^:]*]]: tensor<f32>, %[[OS:[^:]*]]: tensor<f32>)
// CHECK-DAG: %[[VB:.*]] = bufferization.to_buffer %[[V]] read_only
// CHECK-DAG: %[[QDB:.*]] = bufferization.to_buffer %[[QD]] read_only
// CHECK-DAG: %[[KDB:.*]] = bufferization.to_buffer %[[KD]] read_only
// CHECK-DAG: %[[VDB:.*]] = bufferization.to_buffer %[[VD]] read_only
// CHECK-DAG: %[[OSB:.*]] = bufferization.to_buffer %[[OS]] read_only
// CHECK: %[[OUT:.*]] = memref.alloc() : memref<1x4x4x8xf8E4M3FN>
// CHECK: scf.for %[[B:[^ ]+]] =
// CHECK: scf.for %[[H:[^ ]+]] =
// CHECK: scf.for %[[I:[^ ]+]] =
// Pass 1.
// CHECK: scf.for %{{[^ ]+}} = {{.*}} iter_args
// CHECK: %[[DOT:.*]] = scf.for %{{[^ ]+}} = {{.*}} iter_args
// CHECK: }
// CHECK-NEXT: %[[QS:.*]] = memref.load %[[QDB]][%[[H]]] : memref<4xf32>
// CHECK-NEXT: %[[S1:.*]] = arith.mulf %[[DOT]], %[[QS]] : f32
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[KS:.*]] = memref.load %[[KDB]][%[[C0]]] : memref<1xf32>
// CHECK-NEXT: %[[S2:.*]] = arith.mulf %[[S1]], %[[KS]] : f32
// CHECK-NEXT: %[[SCALE:.*]] = arith.constant 0.353553385 : f32
// CHECK-NEXT: %[[S3:.*]] = arith.mulf %[[S2]], %[[SCALE]] : f32
// CHECK-NEXT: arith.maximumf %{{.*}}, %[[S3]] : f32
// Pass 2: v_descale is loaded once per row and multiplies each value.
// CHECK: %[[VS:.*]] = memref.load %[[VDB]][] : memref<f32>
// CHECK: math.exp
// CHECK: scf.for %[[DV:[^ ]+]] =
// CHECK: memref.load %[[VB]][%[[B]], %{{.*}}, %{{.*}}, %[[DV]]] : memref<1x6x2x8xf8E4M3FN>
// CHECK: %[[VNAN:.*]] = arith.constant 0x7FC00000 : f32
// CHECK-NEXT: %[[VRAW:.*]] = arith.select %{{.*}}, %[[VNAN]], %{{.*}} : f32
// CHECK-NEXT: %[[VREAL:.*]] = arith.mulf %[[VRAW]], %[[VS]] : f32
// CHECK-NEXT: arith.mulf %{{.*}}, %[[VREAL]] : f32
// Output: 1 / l, divided by o_scale, then encoded.
// CHECK: %[[INV:.*]] = arith.select %{{.*}}, %{{.*}}, %{{.*}} : f32
// CHECK-NEXT: %[[OSV:.*]] = memref.load %[[OSB]][] : memref<f32>
// CHECK-NEXT: %[[FACTOR:.*]] = arith.divf %[[INV]], %[[OSV]] : f32
// CHECK: scf.for %[[D:[^ ]+]] =
// CHECK-NEXT: %[[A:.*]] = memref.load %{{.*}}[%[[D]]] : memref<8xf32>
// CHECK-NEXT: %[[O:.*]] = arith.mulf %[[A]], %[[FACTOR]] : f32
// CHECK-NEXT: %[[LO:.*]] = arith.constant -4.480000e+02 : f32
// CHECK-NEXT: %[[C1:.*]] = arith.maximumf %[[O]], %[[LO]] : f32
// CHECK-NEXT: %[[HI:.*]] = arith.constant 4.480000e+02 : f32
// CHECK-NEXT: %[[CL:.*]] = arith.minimumf %[[C1]], %[[HI]] : f32
// CHECK-NEXT: %[[ABS:.*]] = math.absf %[[CL]] : f32
// CHECK-NEXT: %[[BITS:.*]] = arith.bitcast %[[CL]] : f32 to i32
// CHECK-NEXT: %[[C24:.*]] = arith.constant 24 : i32
// CHECK-NEXT: %[[SH:.*]] = arith.shrui %[[BITS]], %[[C24]] : i32
// CHECK-NEXT: %[[C128:.*]] = arith.constant 128 : i32
// CHECK-NEXT: %[[SIGN:.*]] = arith.andi %[[SH]], %[[C128]] : i32
// CHECK-NEXT: %[[C512:.*]] = arith.constant 5.120000e+02 : f32
// CHECK-NEXT: %[[STEPS:.*]] = arith.mulf %[[ABS]], %[[C512]] : f32
// CHECK-NEXT: %[[RSTEPS:.*]] = math.roundeven %[[STEPS]] : f32
// CHECK-NEXT: %[[SUB:.*]] = arith.fptoui %[[RSTEPS]] : f32 to i32
// CHECK-NEXT: %[[ABITS:.*]] = arith.bitcast %[[ABS]] : f32 to i32
// CHECK-NEXT: %[[C20:.*]] = arith.constant 20 : i32
// CHECK-NEXT: %[[LSB0:.*]] = arith.shrui %[[ABITS]], %[[C20]] : i32
// CHECK-NEXT: %[[C1I:.*]] = arith.constant 1 : i32
// CHECK-NEXT: %[[LSB:.*]] = arith.andi %[[LSB0]], %[[C1I]] : i32
// CHECK-NEXT: %[[HALFULP:.*]] = arith.constant 524287 : i32
// CHECK-NEXT: %[[BIAS:.*]] = arith.addi %[[HALFULP]], %[[LSB]] : i32
// CHECK-NEXT: %[[RND:.*]] = arith.addi %[[ABITS]], %[[BIAS]] : i32
// CHECK-NEXT: %[[C23:.*]] = arith.constant 23 : i32
// CHECK-NEXT: %[[E0:.*]] = arith.shrui %[[RND]], %[[C23]] : i32
// CHECK-NEXT: %[[C120:.*]] = arith.constant 120 : i32
// CHECK-NEXT: %[[E:.*]] = arith.subi %[[E0]], %[[C120]] : i32
// CHECK-NEXT: %[[C20B:.*]] = arith.constant 20 : i32
// CHECK-NEXT: %[[M0:.*]] = arith.shrui %[[RND]], %[[C20B]] : i32
// CHECK-NEXT: %[[C7:.*]] = arith.constant 7 : i32
// CHECK-NEXT: %[[M:.*]] = arith.andi %[[M0]], %[[C7]] : i32
// CHECK-NEXT: %[[C3:.*]] = arith.constant 3 : i32
// CHECK-NEXT: %[[ES:.*]] = arith.shli %[[E]], %[[C3]] : i32
// CHECK-NEXT: %[[NORMAL:.*]] = arith.ori %[[ES]], %[[M]] : i32
// CHECK-NEXT: %[[MINNORMAL:.*]] = arith.constant 1.562500e-02 : f32
// CHECK-NEXT: %[[ISSUB:.*]] = arith.cmpf olt, %[[ABS]], %[[MINNORMAL]] : f32
// CHECK-NEXT: %[[MAG:.*]] = arith.select %[[ISSUB]], %[[SUB]], %[[NORMAL]] : i32
// CHECK-NEXT: %[[CODE:.*]] = arith.ori %[[MAG]], %[[SIGN]] : i32
// CHECK-NEXT: %[[ISNAN:.*]] = arith.cmpf uno, %[[O]], %[[O]] : f32
// CHECK-NEXT: %[[NAN:.*]] = arith.constant 127 : i32
// CHECK-NEXT: %[[FINAL:.*]] = arith.select %[[ISNAN]], %[[NAN]], %[[CODE]] : i32
// CHECK-NEXT: %[[BYTE:.*]] = arith.trunci %[[FINAL]] : i32 to i8
// CHECK-NEXT: %[[F8:.*]] = arith.bitcast %[[BYTE]] : i8 to f8E4M3FN
// CHECK-NEXT: memref.store %[[F8]], %[[OUT]][%[[B]], %[[I]], %[[H]], %[[D]]] : memref<1x4x4x8xf8E4M3FN>
func.func @descale(%q: tensor<1x4x4x8xf8E4M3FN>, %k: tensor<1x6x2x8xf8E4M3FN>, %v: tensor<1x6x2x8xf8E4M3FN>,
                   %qd: tensor<4xf32>, %kd: tensor<1xf32>, %vd: tensor<f32>, %os: tensor<f32>)
    -> tensor<1x4x4x8xf8E4M3FN> {
  %o = attn.prefill q(%q) k(%k) v(%v) q_descale(%qd) k_descale(%kd) v_descale(%vd) o_scale(%os)
      : (tensor<1x4x4x8xf8E4M3FN>, tensor<1x6x2x8xf8E4M3FN>, tensor<1x6x2x8xf8E4M3FN>,
         tensor<4xf32>, tensor<1xf32>, tensor<f32>, tensor<f32>) -> tensor<1x4x4x8xf8E4M3FN>
  return %o : tensor<1x4x4x8xf8E4M3FN>
}

// -----

// An f8E4M3FN paged cache with a bf16 query: each cache element is decoded by
// hand (bitcast f8 -> i8, extui, sign = bits & 0x80, exponent = (bits >> 3) &
// 0xF, mantissa = bits & 7; normal f32 bits sign << 24 | (e + 120) << 23 |
// m << 20, subnormal +-m * 2^-9, e == 0xF && m == 7 is NaN); per-head
// k_descale/v_descale are read at the KV head h / 2.
// CHECK-LABEL: func.func @fp8_cache
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x4x8xbf16>, %[[KC:[^:]*]]: tensor<?x16x2x8xf8E4M3FN>, %[[VC:[^:]*]]: tensor<?x16x2x8xf8E4M3FN>, %{{[^:]*}}: tensor<3xi32>, %{{[^:]*}}: tensor<?xi32>, %{{[^:]*}}: tensor<2xi32>, %[[KD:[^:]*]]: tensor<2xf32>, %[[VD:[^:]*]]: tensor<2xf32>)
// CHECK-DAG: %[[QB:.*]] = bufferization.to_buffer %[[Q]] read_only
// CHECK-DAG: %[[KCB:.*]] = bufferization.to_buffer %[[KC]] read_only
// CHECK-DAG: %[[VCB:.*]] = bufferization.to_buffer %[[VC]] read_only
// CHECK-DAG: %[[KDB:.*]] = bufferization.to_buffer %[[KD]] read_only
// CHECK-DAG: %[[VDB:.*]] = bufferization.to_buffer %[[VD]] read_only
// CHECK: scf.for %{{[^ ]+}} =
// CHECK: scf.for %[[H:[^ ]+]] =
// CHECK-NEXT: %[[G:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[KVH:.*]] = arith.divui %[[H]], %[[G]] : index
// CHECK: scf.for %{{[^ ]+}} = {{.*}} iter_args
// CHECK: %[[DOT:.*]] = scf.for %[[D:[^ ]+]] = {{.*}} iter_args
// CHECK: %[[QRAW:.*]] = memref.load %[[QB]][%{{.*}}, %[[H]], %[[D]]] : memref<2x4x8xbf16>
// CHECK-NEXT: %[[QF:.*]] = arith.extf %[[QRAW]] : bf16 to f32
// CHECK: %[[RAW:.*]] = memref.load %[[KCB]][%{{.*}}, %{{.*}}, %[[KVH]], %[[D]]] : memref<?x16x2x8xf8E4M3FN>
// CHECK-NEXT: %[[I8:.*]] = arith.bitcast %[[RAW]] : f8E4M3FN to i8
// CHECK-NEXT: %[[BITS:.*]] = arith.extui %[[I8]] : i8 to i32
// CHECK-NEXT: %[[C128:.*]] = arith.constant 128 : i32
// CHECK-NEXT: %[[SIGN:.*]] = arith.andi %[[BITS]], %[[C128]] : i32
// CHECK-NEXT: %[[C3:.*]] = arith.constant 3 : i32
// CHECK-NEXT: %[[E0:.*]] = arith.shrui %[[BITS]], %[[C3]] : i32
// CHECK-NEXT: %[[C15:.*]] = arith.constant 15 : i32
// CHECK-NEXT: %[[E:.*]] = arith.andi %[[E0]], %[[C15]] : i32
// CHECK-NEXT: %[[C7:.*]] = arith.constant 7 : i32
// CHECK-NEXT: %[[M:.*]] = arith.andi %[[BITS]], %[[C7]] : i32
// CHECK-NEXT: %[[C24:.*]] = arith.constant 24 : i32
// CHECK-NEXT: %[[SB:.*]] = arith.shli %[[SIGN]], %[[C24]] : i32
// CHECK-NEXT: %[[C120:.*]] = arith.constant 120 : i32
// CHECK-NEXT: %[[EB0:.*]] = arith.addi %[[E]], %[[C120]] : i32
// CHECK-NEXT: %[[C23:.*]] = arith.constant 23 : i32
// CHECK-NEXT: %[[EB:.*]] = arith.shli %[[EB0]], %[[C23]] : i32
// CHECK-NEXT: %[[SE:.*]] = arith.ori %[[SB]], %[[EB]] : i32
// CHECK-NEXT: %[[C20:.*]] = arith.constant 20 : i32
// CHECK-NEXT: %[[MB:.*]] = arith.shli %[[M]], %[[C20]] : i32
// CHECK-NEXT: %[[NBITS:.*]] = arith.ori %[[SE]], %[[MB]] : i32
// CHECK-NEXT: %[[NORMAL:.*]] = arith.bitcast %[[NBITS]] : i32 to f32
// CHECK-NEXT: %[[MF:.*]] = arith.uitofp %[[M]] : i32 to f32
// CHECK-NEXT: %[[ULP:.*]] = arith.constant 0.001953125 : f32
// CHECK-NEXT: %[[MAG:.*]] = arith.mulf %[[MF]], %[[ULP]] : f32
// CHECK-NEXT: %[[Z:.*]] = arith.constant 0 : i32
// CHECK-NEXT: %[[NEG:.*]] = arith.cmpi ne, %[[SIGN]], %[[Z]] : i32
// CHECK-NEXT: %[[ZF:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[NMAG:.*]] = arith.subf %[[ZF]], %[[MAG]] : f32
// CHECK-NEXT: %[[SUBN:.*]] = arith.select %[[NEG]], %[[NMAG]], %[[MAG]] : f32
// CHECK-NEXT: %[[C15B:.*]] = arith.constant 15 : i32
// CHECK-NEXT: %[[EMAX:.*]] = arith.cmpi eq, %[[E]], %[[C15B]] : i32
// CHECK-NEXT: %[[C7B:.*]] = arith.constant 7 : i32
// CHECK-NEXT: %[[MMAX:.*]] = arith.cmpi eq, %[[M]], %[[C7B]] : i32
// CHECK-NEXT: %[[ISNAN:.*]] = arith.andi %[[EMAX]], %[[MMAX]] : i1
// CHECK-NEXT: %[[Z2:.*]] = arith.constant 0 : i32
// CHECK-NEXT: %[[EZERO:.*]] = arith.cmpi eq, %[[E]], %[[Z2]] : i32
// CHECK-NEXT: %[[FIN:.*]] = arith.select %[[EZERO]], %[[SUBN]], %[[NORMAL]] : f32
// CHECK-NEXT: %[[NANV:.*]] = arith.constant 0x7FC00000 : f32
// CHECK-NEXT: %[[KF:.*]] = arith.select %[[ISNAN]], %[[NANV]], %[[FIN]] : f32
// CHECK-NEXT: arith.mulf %[[QF]], %[[KF]] : f32
// CHECK: %[[KS:.*]] = memref.load %[[KDB]][%[[KVH]]] : memref<2xf32>
// CHECK-NEXT: arith.mulf %[[DOT]], %[[KS]] : f32
// CHECK: %[[VS:.*]] = memref.load %[[VDB]][%[[KVH]]] : memref<2xf32>
// CHECK: memref.load %[[VCB]][%{{.*}}, %{{.*}}, %[[KVH]], %{{.*}}] : memref<?x16x2x8xf8E4M3FN>
// CHECK-NEXT: arith.bitcast %{{.*}} : f8E4M3FN to i8
// CHECK: %[[VNAN:.*]] = arith.constant 0x7FC00000 : f32
// CHECK-NEXT: %[[V:.*]] = arith.select %{{.*}}, %[[VNAN]], %{{.*}} : f32
// CHECK-NEXT: arith.mulf %[[V]], %[[VS]] : f32
// CHECK: arith.truncf %{{.*}} : f32 to bf16
func.func @fp8_cache(%q: tensor<2x4x8xbf16>, %kc: tensor<?x16x2x8xf8E4M3FN>, %vc: tensor<?x16x2x8xf8E4M3FN>,
                     %kp: tensor<3xi32>, %ki: tensor<?xi32>, %kl: tensor<2xi32>,
                     %kd: tensor<2xf32>, %vd: tensor<2xf32>) -> tensor<2x4x8xbf16> {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc) kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      k_descale(%kd) v_descale(%vd) {layout = #attn.kv_layout<nhd>}
      : (tensor<2x4x8xbf16>, tensor<?x16x2x8xf8E4M3FN>, tensor<?x16x2x8xf8E4M3FN>, tensor<3xi32>,
         tensor<?xi32>, tensor<2xi32>, tensor<2xf32>, tensor<2xf32>) -> tensor<2x4x8xbf16>
  return %o : tensor<2x4x8xbf16>
}

// -----

// Decode with RoPE at explicit positions [B] (i64): the query angle uses
// positions[b], not the aligned position; the key angle uses j.
// CHECK-LABEL: func.func @decode_positions
// CHECK-SAME: %[[POS:[^:]*]]: tensor<2xi64>)
// CHECK: %[[POSB:.*]] = bufferization.to_buffer %[[POS]] read_only
// CHECK: scf.for %[[B:[^ ]+]] =
// CHECK: scf.for %{{[^ ]+}} =
// CHECK: scf.for %{{[^ ]+}} =
// CHECK: %[[P0:.*]] = memref.load %[[POSB]][%[[B]]] : memref<2xi64>
// CHECK-NEXT: %[[QPOS:.*]] = arith.index_cast %[[P0]] : i64 to index
// CHECK: scf.for %[[J:[^ ]+]] = {{.*}} iter_args
// CHECK: %[[PI:.*]] = arith.index_cast %[[QPOS]] : index to i64
// CHECK-NEXT: %[[PF:.*]] = arith.sitofp %[[PI]] : i64 to f32
// CHECK-NEXT: %[[FREQ:.*]] = math.exp %{{.*}} : f32
// CHECK-NEXT: arith.mulf %[[PF]], %[[FREQ]] : f32
// CHECK: %[[JI:.*]] = arith.index_cast %[[J]] : index to i64
// CHECK-NEXT: %[[JF:.*]] = arith.sitofp %[[JI]] : i64 to f32
// CHECK-NEXT: %[[KFREQ:.*]] = math.exp %{{.*}} : f32
// CHECK-NEXT: arith.mulf %[[JF]], %[[KFREQ]] : f32
func.func @decode_positions(%q: tensor<2x4x8xf32>, %kc: tensor<?x16x2x8xf32>, %vc: tensor<?x16x2x8xf32>,
                            %kp: tensor<3xi32>, %ki: tensor<?xi32>, %kl: tensor<2xi32>,
                            %pos: tensor<2xi64>) -> tensor<2x4x8xf32> {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc) kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      positions(%pos) {layout = #attn.kv_layout<nhd>, rope = #attn.rope<theta = 10000.0, dim = 8, style = neox>}
      : (tensor<2x4x8xf32>, tensor<?x16x2x8xf32>, tensor<?x16x2x8xf32>, tensor<3xi32>,
         tensor<?xi32>, tensor<2xi32>, tensor<2xi64>) -> tensor<2x4x8xf32>
  return %o : tensor<2x4x8xf32>
}
