// RUN: attn-opt %s --convert-attn-to-loops --split-input-file | FileCheck %s

// vLLM slot mapping, NHD: token t goes to page slots[t] / 16, offset
// slots[t] % 16 (page size = dim 1 of the cache); a negative slot skips the
// token through scf.if (the else branch yields the caches unchanged, the
// division uses max(slot, 0)); the caches are carried by scf.for and updated
// with tensor.insert at [page, offset, h, d], so bufferization can write in
// place.
// CHECK-LABEL: func.func @slots_nhd
// CHECK-SAME: (%[[K:[^:]*]]: tensor<?x2x4xf16>, %[[V:[^:]*]]: tensor<?x2x6xf16>, %[[KC:[^:]*]]: tensor<8x16x2x4xf16>, %[[VC:[^:]*]]: tensor<8x16x2x6xf16>, %[[SLOTS:[^:]*]]: tensor<?xi64>)
// CHECK-DAG: %[[KB:.*]] = bufferization.to_buffer %[[K]] read_only
// CHECK-DAG: %[[VB:.*]] = bufferization.to_buffer %[[V]] read_only
// CHECK-DAG: %[[SB:.*]] = bufferization.to_buffer %[[SLOTS]] read_only
// CHECK-NOT: bufferization.to_buffer %[[KC]]
// CHECK-NOT: bufferization.to_buffer %[[VC]]
// CHECK: %[[PDIM:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[PS:.*]] = tensor.dim %[[KC]], %[[PDIM]] : tensor<8x16x2x4xf16>
// CHECK: %[[T:.*]] = memref.dim %[[KB]], %{{.*}} : memref<?x2x4xf16>
// CHECK: %[[R:.*]]:2 = scf.for %[[TOK:[^ ]+]] = %{{[^ ]+}} to %[[T]] step %{{[^ ]+}} iter_args(%[[KACC:[^ ]+]] = %[[KC]], %[[VACC:[^ ]+]] = %[[VC]]) -> (tensor<8x16x2x4xf16>, tensor<8x16x2x6xf16>)
// CHECK-NEXT: %[[S0:.*]] = memref.load %[[SB]][%[[TOK]]] : memref<?xi64>
// CHECK-NEXT: %[[S:.*]] = arith.index_cast %[[S0]] : i64 to index
// CHECK-NEXT: %[[Z:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[VALID:.*]] = arith.cmpi sge, %[[S]], %[[Z]] : index
// CHECK-NEXT: %[[Z2:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[SAFE:.*]] = arith.select %[[VALID]], %[[S]], %[[Z2]] : index
// CHECK-NEXT: %[[PAGE:.*]] = arith.divui %[[SAFE]], %[[PS]] : index
// CHECK-NEXT: %[[OFF:.*]] = arith.remui %[[SAFE]], %[[PS]] : index
// CHECK-NEXT: %[[UPD:.*]]:2 = scf.if %[[VALID]] -> (tensor<8x16x2x4xf16>, tensor<8x16x2x6xf16>) {
// CHECK: %[[KNEW:.*]] = scf.for %[[H:[^ ]+]] = {{.*}} iter_args(%[[KH:[^ ]+]] = %[[KACC]]) -> (tensor<8x16x2x4xf16>)
// CHECK: scf.for %[[D:[^ ]+]] = {{.*}} iter_args(%[[KD:[^ ]+]] = %[[KH]]) -> (tensor<8x16x2x4xf16>)
// CHECK-NEXT: %[[X:.*]] = memref.load %[[KB]][%[[TOK]], %[[H]], %[[D]]] : memref<?x2x4xf16>
// CHECK: %[[INS:.*]] = tensor.insert %{{.*}} into %[[KD]][%[[PAGE]], %[[OFF]], %[[H]], %[[D]]] : tensor<8x16x2x4xf16>
// CHECK-NEXT: scf.yield %[[INS]] : tensor<8x16x2x4xf16>
// CHECK: %[[VNEW:.*]] = scf.for %[[VH:[^ ]+]] = {{.*}} iter_args(%[[VHA:[^ ]+]] = %[[VACC]]) -> (tensor<8x16x2x6xf16>)
// CHECK: scf.for %[[VD:[^ ]+]] = {{.*}} iter_args(%[[VDA:[^ ]+]] = %[[VHA]]) -> (tensor<8x16x2x6xf16>)
// CHECK-NEXT: memref.load %[[VB]][%[[TOK]], %[[VH]], %[[VD]]] : memref<?x2x6xf16>
// CHECK: tensor.insert %{{.*}} into %[[VDA]][%[[PAGE]], %[[OFF]], %[[VH]], %[[VD]]] : tensor<8x16x2x6xf16>
// CHECK: scf.yield %[[KNEW]], %[[VNEW]] : tensor<8x16x2x4xf16>, tensor<8x16x2x6xf16>
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %[[KACC]], %[[VACC]] : tensor<8x16x2x4xf16>, tensor<8x16x2x6xf16>
// CHECK-NEXT: }
// CHECK-NEXT: scf.yield %[[UPD]]#0, %[[UPD]]#1
// CHECK: return %[[R]]#0, %[[R]]#1
func.func @slots_nhd(%k: tensor<?x2x4xf16>, %v: tensor<?x2x6xf16>, %kc: tensor<8x16x2x4xf16>,
                     %vc: tensor<8x16x2x6xf16>, %slots: tensor<?xi64>)
    -> (tensor<8x16x2x4xf16>, tensor<8x16x2x6xf16>) {
  %kc2, %vc2 = attn.append_kv k(%k) v(%v) k_cache(%kc) v_cache(%vc) slot_mapping(%slots)
      {layout = #attn.kv_layout<nhd>}
      : (tensor<?x2x4xf16>, tensor<?x2x6xf16>, tensor<8x16x2x4xf16>, tensor<8x16x2x6xf16>, tensor<?xi64>)
      -> (tensor<8x16x2x4xf16>, tensor<8x16x2x6xf16>)
  return %kc2, %vc2 : tensor<8x16x2x4xf16>, tensor<8x16x2x6xf16>
}

// -----

// FlashInfer metadata, HND: token t of request b = batch_indices[t] at
// position p = positions[t] goes to page kv_indices[kv_indptr[b] + p / 16]
// at offset p % 16 (page size = dim 2), stored at [page, h, offset, d]; every
// token is stored (the condition is constant true).
// CHECK-LABEL: func.func @flashinfer_hnd
// CHECK-SAME: (%[[K:[^:]*]]: tensor<?x2x4xf32>, %[[V:[^:]*]]: tensor<?x2x4xf32>, %[[KC:[^:]*]]: tensor<?x2x16x4xf32>, %[[VC:[^:]*]]: tensor<?x2x16x4xf32>, %[[BI:[^:]*]]: tensor<?xi32>, %[[POS:[^:]*]]: tensor<?xi32>, %[[KP:[^:]*]]: tensor<3xi32>, %[[KI:[^:]*]]: tensor<?xi32>)
// CHECK-DAG: %[[KB:.*]] = bufferization.to_buffer %[[K]] read_only
// CHECK-DAG: %[[VB:.*]] = bufferization.to_buffer %[[V]] read_only
// CHECK-DAG: %[[BIB:.*]] = bufferization.to_buffer %[[BI]] read_only
// CHECK-DAG: %[[POSB:.*]] = bufferization.to_buffer %[[POS]] read_only
// CHECK-DAG: %[[KPB:.*]] = bufferization.to_buffer %[[KP]] read_only
// CHECK-DAG: %[[KIB:.*]] = bufferization.to_buffer %[[KI]] read_only
// CHECK: %[[PDIM:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[PS:.*]] = tensor.dim %[[KC]], %[[PDIM]] : tensor<?x2x16x4xf32>
// CHECK: %[[R:.*]]:2 = scf.for %[[TOK:[^ ]+]] = {{.*}} iter_args(%[[KACC:[^ ]+]] = %[[KC]], %[[VACC:[^ ]+]] = %[[VC]])
// CHECK-NEXT: %[[B0:.*]] = memref.load %[[BIB]][%[[TOK]]] : memref<?xi32>
// CHECK-NEXT: %[[B:.*]] = arith.index_cast %[[B0]] : i32 to index
// CHECK-NEXT: %[[P0:.*]] = memref.load %[[POSB]][%[[TOK]]] : memref<?xi32>
// CHECK-NEXT: %[[P:.*]] = arith.index_cast %[[P0]] : i32 to index
// CHECK-NEXT: %[[F0:.*]] = memref.load %[[KPB]][%[[B]]] : memref<3xi32>
// CHECK-NEXT: %[[FIRST:.*]] = arith.index_cast %[[F0]] : i32 to index
// CHECK-NEXT: %[[PP:.*]] = arith.divui %[[P]], %[[PS]] : index
// CHECK-NEXT: %[[ENTRY:.*]] = arith.addi %[[FIRST]], %[[PP]] : index
// CHECK-NEXT: %[[TRUE:.*]] = arith.constant true
// CHECK-NEXT: %[[PG0:.*]] = memref.load %[[KIB]][%[[ENTRY]]] : memref<?xi32>
// CHECK-NEXT: %[[PAGE:.*]] = arith.index_cast %[[PG0]] : i32 to index
// CHECK-NEXT: %[[OFF:.*]] = arith.remui %[[P]], %[[PS]] : index
// CHECK-NEXT: scf.if %[[TRUE]] -> (tensor<?x2x16x4xf32>, tensor<?x2x16x4xf32>) {
// CHECK: scf.for %[[H:[^ ]+]] = {{.*}} iter_args(%{{[^ ]+}} = %[[KACC]])
// CHECK: scf.for %[[D:[^ ]+]] = {{.*}} iter_args(%[[KD:[^ ]+]] = %{{[^ ]+}})
// CHECK-NEXT: %[[X:.*]] = memref.load %[[KB]][%[[TOK]], %[[H]], %[[D]]] : memref<?x2x4xf32>
// CHECK-NEXT: tensor.insert %[[X]] into %[[KD]][%[[PAGE]], %[[H]], %[[OFF]], %[[D]]] : tensor<?x2x16x4xf32>
// CHECK: scf.for %[[VH:[^ ]+]] = {{.*}} iter_args(%{{[^ ]+}} = %[[VACC]])
// CHECK: scf.for %[[VD:[^ ]+]] = {{.*}} iter_args(%[[VDA:[^ ]+]] = %{{[^ ]+}})
// CHECK-NEXT: %[[Y:.*]] = memref.load %[[VB]][%[[TOK]], %[[VH]], %[[VD]]] : memref<?x2x4xf32>
// CHECK-NEXT: tensor.insert %[[Y]] into %[[VDA]][%[[PAGE]], %[[VH]], %[[OFF]], %[[VD]]] : tensor<?x2x16x4xf32>
// CHECK: return %[[R]]#0, %[[R]]#1
func.func @flashinfer_hnd(%k: tensor<?x2x4xf32>, %v: tensor<?x2x4xf32>, %kc: tensor<?x2x16x4xf32>,
                          %vc: tensor<?x2x16x4xf32>, %bi: tensor<?xi32>, %pos: tensor<?xi32>,
                          %kp: tensor<3xi32>, %ki: tensor<?xi32>)
    -> (tensor<?x2x16x4xf32>, tensor<?x2x16x4xf32>) {
  %kc2, %vc2 = attn.append_kv k(%k) v(%v) k_cache(%kc) v_cache(%vc) batch_indices(%bi) positions(%pos)
      kv_indptr(%kp) kv_indices(%ki) {layout = #attn.kv_layout<hnd>}
      : (tensor<?x2x4xf32>, tensor<?x2x4xf32>, tensor<?x2x16x4xf32>, tensor<?x2x16x4xf32>,
         tensor<?xi32>, tensor<?xi32>, tensor<3xi32>, tensor<?xi32>)
      -> (tensor<?x2x16x4xf32>, tensor<?x2x16x4xf32>)
  return %kc2, %vc2 : tensor<?x2x16x4xf32>, tensor<?x2x16x4xf32>
}

// -----

// vLLM layout with RoPE on the keys: block size = dim 3 and x = dim 4 of the
// K cache; key channel d, rotated (NeoX, partner d +- 4) at positions[t],
// goes to [page, h, d / x, offset, d % x]; values are not rotated and go to
// [page, h, d, offset].
// CHECK-LABEL: func.func @vllm_rope
// CHECK-SAME: (%[[K:[^:]*]]: tensor<?x2x8xbf16>, %[[V:[^:]*]]: tensor<?x2x8xbf16>, %[[KC:[^:]*]]: tensor<?x2x4x16x2xbf16>, %[[VC:[^:]*]]: tensor<?x2x8x16xbf16>, %[[SLOTS:[^:]*]]: tensor<?xi64>, %[[POS:[^:]*]]: tensor<?xi64>)
// CHECK-DAG: %[[KB:.*]] = bufferization.to_buffer %[[K]] read_only
// CHECK-DAG: %[[VB:.*]] = bufferization.to_buffer %[[V]] read_only
// CHECK-DAG: %[[POSB:.*]] = bufferization.to_buffer %[[POS]] read_only
// CHECK: %[[C3:.*]] = arith.constant 3 : index
// CHECK-NEXT: %[[BS:.*]] = tensor.dim %[[KC]], %[[C3]] : tensor<?x2x4x16x2xbf16>
// CHECK-NEXT: %[[C4:.*]] = arith.constant 4 : index
// CHECK-NEXT: %[[X:.*]] = tensor.dim %[[KC]], %[[C4]] : tensor<?x2x4x16x2xbf16>
// CHECK: scf.for %[[TOK:[^ ]+]] =
// CHECK: %[[SAFE:.*]] = arith.select %{{.*}}, %{{.*}}, %{{.*}} : index
// CHECK-NEXT: %[[PAGE:.*]] = arith.divui %[[SAFE]], %[[BS]] : index
// CHECK-NEXT: %[[OFF:.*]] = arith.remui %[[SAFE]], %[[BS]] : index
// CHECK: scf.for %[[H:[^ ]+]] =
// CHECK: scf.for %[[D:[^ ]+]] = {{.*}} iter_args(%[[KD:[^ ]+]] = %{{[^ ]+}})
// CHECK-NEXT: %[[P0:.*]] = memref.load %[[POSB]][%[[TOK]]] : memref<?xi64>
// CHECK-NEXT: %[[P:.*]] = arith.index_cast %[[P0]] : i64 to index
// CHECK-NEXT: %[[ROT:.*]] = arith.constant 8 : index
// CHECK-NEXT: %[[ROTATED:.*]] = arith.cmpi slt, %[[D]], %[[ROT]] : index
// CHECK-NEXT: %[[KR:.*]] = scf.if %[[ROTATED]] -> (f32) {
// CHECK-NEXT: %[[HALF:.*]] = arith.constant 4 : index
// CHECK-NEXT: %[[FIRST:.*]] = arith.cmpi slt, %[[D]], %[[HALF]] : index
// CHECK: %[[PARTNER:.*]] = arith.select %[[FIRST]], %{{.*}}, %{{.*}} : index
// CHECK: %[[PI:.*]] = arith.index_cast %[[P]] : index to i64
// CHECK-NEXT: %[[PF:.*]] = arith.sitofp %[[PI]] : i64 to f32
// CHECK-NEXT: %[[FREQ:.*]] = math.exp %{{.*}} : f32
// CHECK-NEXT: %[[ANGLE:.*]] = arith.mulf %[[PF]], %[[FREQ]] : f32
// CHECK-NEXT: %[[COS:.*]] = math.cos %[[ANGLE]] : f32
// CHECK-NEXT: %[[SIN:.*]] = math.sin %[[ANGLE]] : f32
// CHECK: memref.load %[[KB]][%[[TOK]], %[[H]], %[[D]]] : memref<?x2x8xbf16>
// CHECK: arith.mulf %{{.*}}, %[[COS]] : f32
// CHECK: memref.load %[[KB]][%[[TOK]], %[[H]], %[[PARTNER]]] : memref<?x2x8xbf16>
// CHECK: arith.mulf %{{.*}}, %[[SIN]] : f32
// CHECK: } else {
// CHECK: %[[KT:.*]] = arith.truncf %[[KR]] : f32 to bf16
// CHECK-NEXT: %[[DX:.*]] = arith.divui %[[D]], %[[X]] : index
// CHECK-NEXT: %[[DR:.*]] = arith.remui %[[D]], %[[X]] : index
// CHECK-NEXT: tensor.insert %[[KT]] into %[[KD]][%[[PAGE]], %[[H]], %[[DX]], %[[OFF]], %[[DR]]] : tensor<?x2x4x16x2xbf16>
// CHECK: scf.for %[[VH:[^ ]+]] =
// CHECK: scf.for %[[VD:[^ ]+]] = {{.*}} iter_args(%[[VDA:[^ ]+]] = %{{[^ ]+}})
// CHECK-NEXT: memref.load %[[VB]][%[[TOK]], %[[VH]], %[[VD]]] : memref<?x2x8xbf16>
// CHECK-NOT: math.cos
// CHECK: tensor.insert %{{.*}} into %[[VDA]][%[[PAGE]], %[[VH]], %[[VD]], %[[OFF]]] : tensor<?x2x8x16xbf16>
func.func @vllm_rope(%k: tensor<?x2x8xbf16>, %v: tensor<?x2x8xbf16>, %kc: tensor<?x2x4x16x2xbf16>,
                     %vc: tensor<?x2x8x16xbf16>, %slots: tensor<?xi64>, %pos: tensor<?xi64>)
    -> (tensor<?x2x4x16x2xbf16>, tensor<?x2x8x16xbf16>) {
  %kc2, %vc2 = attn.append_kv k(%k) v(%v) k_cache(%kc) v_cache(%vc) slot_mapping(%slots) positions(%pos)
      {layout = #attn.kv_layout<vllm>, rope = #attn.rope<theta = 10000.0, dim = 8, style = neox>}
      : (tensor<?x2x8xbf16>, tensor<?x2x8xbf16>, tensor<?x2x4x16x2xbf16>, tensor<?x2x8x16xbf16>,
         tensor<?xi64>, tensor<?xi64>) -> (tensor<?x2x4x16x2xbf16>, tensor<?x2x8x16xbf16>)
  return %kc2, %vc2 : tensor<?x2x4x16x2xbf16>, tensor<?x2x8x16xbf16>
}

// -----

// FP8 cache: k_scale ([]) and v_scale ([1]) are loaded once; each element is
// stored as saturate(x / scale), encoded by hand (clamp to +-448, ...,
// trunci to i8, bitcast to f8E4M3FN) and inserted into the cache.
// CHECK-LABEL: func.func @fp8
// CHECK-SAME: (%[[K:[^:]*]]: tensor<?x2x4xbf16>, %[[V:[^:]*]]: tensor<?x2x4xbf16>, %{{[^:]*}}: tensor<?x16x2x4xf8E4M3FN>, %{{[^:]*}}: tensor<?x16x2x4xf8E4M3FN>, %{{[^:]*}}: tensor<?xi32>, %[[KS:[^:]*]]: tensor<f32>, %[[VS:[^:]*]]: tensor<1xf32>)
// CHECK-DAG: %[[KB:.*]] = bufferization.to_buffer %[[K]] read_only
// CHECK-DAG: %[[VB:.*]] = bufferization.to_buffer %[[V]] read_only
// CHECK: %[[KSB:.*]] = bufferization.to_buffer %[[KS]] read_only
// CHECK-NEXT: %[[KSV:.*]] = memref.load %[[KSB]][] : memref<f32>
// CHECK-NEXT: %[[VSB:.*]] = bufferization.to_buffer %[[VS]] read_only
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[VSV:.*]] = memref.load %[[VSB]][%[[C0]]] : memref<1xf32>
// CHECK: scf.for
// CHECK: scf.if
// CHECK: %[[KX:.*]] = memref.load %[[KB]][{{.*}}] : memref<?x2x4xbf16>
// CHECK-NEXT: %[[KF:.*]] = arith.extf %[[KX]] : bf16 to f32
// CHECK-NEXT: %[[KQ:.*]] = arith.divf %[[KF]], %[[KSV]] : f32
// CHECK-NEXT: %[[LO:.*]] = arith.constant -4.480000e+02 : f32
// CHECK-NEXT: %[[CL:.*]] = arith.maximumf %[[KQ]], %[[LO]] : f32
// CHECK-NEXT: %[[HI:.*]] = arith.constant 4.480000e+02 : f32
// CHECK-NEXT: arith.minimumf %[[CL]], %[[HI]] : f32
// CHECK: %[[KBYTE:.*]] = arith.trunci %{{.*}} : i32 to i8
// CHECK-NEXT: %[[K8:.*]] = arith.bitcast %[[KBYTE]] : i8 to f8E4M3FN
// CHECK-NEXT: tensor.insert %[[K8]] into %{{.*}} : tensor<?x16x2x4xf8E4M3FN>
// CHECK: %[[VX:.*]] = memref.load %[[VB]][{{.*}}] : memref<?x2x4xbf16>
// CHECK-NEXT: %[[VF:.*]] = arith.extf %[[VX]] : bf16 to f32
// CHECK-NEXT: %[[VQ:.*]] = arith.divf %[[VF]], %[[VSV]] : f32
// CHECK-NEXT: %[[VLO:.*]] = arith.constant -4.480000e+02 : f32
// CHECK-NEXT: arith.maximumf %[[VQ]], %[[VLO]] : f32
// CHECK: %[[VBYTE:.*]] = arith.trunci %{{.*}} : i32 to i8
// CHECK-NEXT: %[[V8:.*]] = arith.bitcast %[[VBYTE]] : i8 to f8E4M3FN
// CHECK-NEXT: tensor.insert %[[V8]] into %{{.*}} : tensor<?x16x2x4xf8E4M3FN>
func.func @fp8(%k: tensor<?x2x4xbf16>, %v: tensor<?x2x4xbf16>, %kc: tensor<?x16x2x4xf8E4M3FN>,
               %vc: tensor<?x16x2x4xf8E4M3FN>, %slots: tensor<?xi32>, %ks: tensor<f32>, %vs: tensor<1xf32>)
    -> (tensor<?x16x2x4xf8E4M3FN>, tensor<?x16x2x4xf8E4M3FN>) {
  %kc2, %vc2 = attn.append_kv k(%k) v(%v) k_cache(%kc) v_cache(%vc) slot_mapping(%slots)
      k_scale(%ks) v_scale(%vs) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x2x4xbf16>, tensor<?x2x4xbf16>, tensor<?x16x2x4xf8E4M3FN>, tensor<?x16x2x4xf8E4M3FN>,
         tensor<?xi32>, tensor<f32>, tensor<1xf32>) -> (tensor<?x16x2x4xf8E4M3FN>, tensor<?x16x2x4xf8E4M3FN>)
  return %kc2, %vc2 : tensor<?x16x2x4xf8E4M3FN>, tensor<?x16x2x4xf8E4M3FN>
}

// -----

// merge_states over two states, per token and head: m = max(-inf, s_a, s_b);
// shift = m if m > -inf else 0 (so all -inf gives no NaN); s = shift +
// log(exp(s_a - shift) + exp(s_b - shift)), or -inf when every s_n is -inf;
// v = exp(s_a - s) v_a + exp(s_b - s) v_b, or 0 when every s_n is -inf.
// CHECK-LABEL: func.func @merge
// CHECK-SAME: (%[[VA:[^:]*]]: tensor<?x2x4xf16>, %[[VB:[^:]*]]: tensor<?x2x4xf16>, %[[SA:[^:]*]]: tensor<?x2xf32>, %[[SB:[^:]*]]: tensor<?x2xf32>)
// CHECK-DAG: %[[VAB:.*]] = bufferization.to_buffer %[[VA]] read_only
// CHECK-DAG: %[[VBB:.*]] = bufferization.to_buffer %[[VB]] read_only
// CHECK-DAG: %[[SAB:.*]] = bufferization.to_buffer %[[SA]] read_only
// CHECK-DAG: %[[SBB:.*]] = bufferization.to_buffer %[[SB]] read_only
// CHECK: %[[T:.*]] = memref.dim %[[VAB]], %{{.*}} : memref<?x2x4xf16>
// CHECK: %[[OUT:.*]] = memref.alloc(%[[T]]) : memref<?x2x4xf16>
// CHECK-NEXT: %[[LSE:.*]] = memref.alloc(%[[T]]) : memref<?x2xf32>
// CHECK: scf.for %[[I:[^ ]+]] =
// CHECK: scf.for %[[H:[^ ]+]] =
// CHECK-NEXT: %[[NEGINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK-NEXT: %[[A0:.*]] = memref.load %[[SAB]][%[[I]], %[[H]]] : memref<?x2xf32>
// CHECK-NEXT: %[[M0:.*]] = arith.maximumf %[[NEGINF]], %[[A0]] : f32
// CHECK-NEXT: %[[B0:.*]] = memref.load %[[SBB]][%[[I]], %[[H]]] : memref<?x2xf32>
// CHECK-NEXT: %[[M:.*]] = arith.maximumf %[[M0]], %[[B0]] : f32
// CHECK-NEXT: %[[ANY:.*]] = arith.cmpf ogt, %[[M]], %[[NEGINF]] : f32
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[SHIFT:.*]] = arith.select %[[ANY]], %[[M]], %[[ZERO]] : f32
// CHECK-NEXT: %[[ZERO2:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[A1:.*]] = memref.load %[[SAB]][%[[I]], %[[H]]] : memref<?x2xf32>
// CHECK-NEXT: %[[DA:.*]] = arith.subf %[[A1]], %[[SHIFT]] : f32
// CHECK-NEXT: %[[EA:.*]] = math.exp %[[DA]] : f32
// CHECK-NEXT: %[[SUM0:.*]] = arith.addf %[[ZERO2]], %[[EA]] : f32
// CHECK-NEXT: %[[B1:.*]] = memref.load %[[SBB]][%[[I]], %[[H]]] : memref<?x2xf32>
// CHECK-NEXT: %[[DB:.*]] = arith.subf %[[B1]], %[[SHIFT]] : f32
// CHECK-NEXT: %[[EB:.*]] = math.exp %[[DB]] : f32
// CHECK-NEXT: %[[SUM:.*]] = arith.addf %[[SUM0]], %[[EB]] : f32
// CHECK-NEXT: %[[LOG:.*]] = math.log %[[SUM]] : f32
// CHECK-NEXT: %[[S:.*]] = arith.addf %[[SHIFT]], %[[LOG]] : f32
// CHECK-NEXT: %[[TOTAL:.*]] = arith.select %[[ANY]], %[[S]], %[[NEGINF]] : f32
// CHECK-NEXT: memref.store %[[TOTAL]], %[[LSE]][%[[I]], %[[H]]] : memref<?x2xf32>
// CHECK: scf.for %[[D:[^ ]+]] =
// CHECK-NEXT: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[A2:.*]] = memref.load %[[SAB]][%[[I]], %[[H]]] : memref<?x2xf32>
// CHECK-NEXT: %[[WA0:.*]] = arith.subf %[[A2]], %[[TOTAL]] : f32
// CHECK-NEXT: %[[WA:.*]] = math.exp %[[WA0]] : f32
// CHECK-NEXT: %[[XA0:.*]] = memref.load %[[VAB]][%[[I]], %[[H]], %[[D]]] : memref<?x2x4xf16>
// CHECK-NEXT: %[[XA:.*]] = arith.extf %[[XA0]] : f16 to f32
// CHECK-NEXT: %[[PA:.*]] = arith.mulf %[[WA]], %[[XA]] : f32
// CHECK-NEXT: %[[O0:.*]] = arith.addf %[[Z]], %[[PA]] : f32
// CHECK-NEXT: %[[B2:.*]] = memref.load %[[SBB]][%[[I]], %[[H]]] : memref<?x2xf32>
// CHECK-NEXT: %[[WB0:.*]] = arith.subf %[[B2]], %[[TOTAL]] : f32
// CHECK-NEXT: %[[WB:.*]] = math.exp %[[WB0]] : f32
// CHECK-NEXT: %[[XB0:.*]] = memref.load %[[VBB]][%[[I]], %[[H]], %[[D]]] : memref<?x2x4xf16>
// CHECK-NEXT: %[[XB:.*]] = arith.extf %[[XB0]] : f16 to f32
// CHECK-NEXT: %[[PB:.*]] = arith.mulf %[[WB]], %[[XB]] : f32
// CHECK-NEXT: %[[O:.*]] = arith.addf %[[O0]], %[[PB]] : f32
// CHECK-NEXT: %[[ZO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[OSEL:.*]] = arith.select %[[ANY]], %[[O]], %[[ZO]] : f32
// CHECK-NEXT: %[[OH:.*]] = arith.truncf %[[OSEL]] : f32 to f16
// CHECK-NEXT: memref.store %[[OH]], %[[OUT]][%[[I]], %[[H]], %[[D]]] : memref<?x2x4xf16>
// CHECK: %[[RO:.*]] = bufferization.to_tensor %[[OUT]] restrict writable
// CHECK-NEXT: %[[RL:.*]] = bufferization.to_tensor %[[LSE]] restrict writable
// CHECK-NEXT: return %[[RO]], %[[RL]]
func.func @merge(%va: tensor<?x2x4xf16>, %vb: tensor<?x2x4xf16>, %sa: tensor<?x2xf32>, %sb: tensor<?x2xf32>)
    -> (tensor<?x2x4xf16>, tensor<?x2xf32>) {
  %v, %s = attn.merge_states values(%va, %vb) lse(%sa, %sb)
      : (tensor<?x2x4xf16>, tensor<?x2x4xf16>, tensor<?x2xf32>, tensor<?x2xf32>)
      -> (tensor<?x2x4xf16>, tensor<?x2xf32>)
  return %v, %s : tensor<?x2x4xf16>, tensor<?x2xf32>
}
