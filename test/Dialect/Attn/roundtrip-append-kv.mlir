// RUN: attn-opt %s | attn-opt | FileCheck %s
// RUN: attn-opt %s --mlir-print-op-generic | attn-opt | FileCheck %s

//===----------------------------------------------------------------------===//
// slot_mapping form (vLLM's reshape_and_cache).
//===----------------------------------------------------------------------===//

// NHD cache [pages, page_size, Hkv, D], i64 slots.
// CHECK-LABEL: func.func @nhd_slot_mapping
// CHECK-SAME: (%[[K:[^:]*]]: tensor<?x8x128xbf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<?x8x128xbf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<64x16x8x128xbf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<64x16x8x128xbf16>,
// CHECK-SAME: %[[SLOTS:[^:]*]]: tensor<?xi64>)
// CHECK: %[[KC2:.*]], %[[VC2:.*]] = attn.append_kv k(%[[K]]) v(%[[V]]) k_cache(%[[KC]]) v_cache(%[[VC]]) slot_mapping(%[[SLOTS]]) {layout = #attn.kv_layout<nhd>} : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi64>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
// CHECK-NEXT: return %[[KC2]], %[[VC2]] : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
func.func @nhd_slot_mapping(%k: tensor<?x8x128xbf16>, %v: tensor<?x8x128xbf16>,
                            %kc: tensor<64x16x8x128xbf16>, %vc: tensor<64x16x8x128xbf16>,
                            %slots: tensor<?xi64>)
    -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  %kc2, %vc2 = attn.append_kv k(%k) v(%v) k_cache(%kc) v_cache(%vc)
      slot_mapping(%slots) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>,
         tensor<64x16x8x128xbf16>, tensor<?xi64>)
      -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %kc2, %vc2 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// HND cache [pages, Hkv, page_size, D], i32 slots, static token count.
// CHECK-LABEL: func.func @hnd_slot_mapping
// CHECK-SAME: (%[[K:[^:]*]]: tensor<32x8x128xf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<32x8x128xf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x8x16x128xf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x8x16x128xf16>,
// CHECK-SAME: %[[SLOTS:[^:]*]]: tensor<32xi32>)
// CHECK: %[[KC2:.*]], %[[VC2:.*]] = attn.append_kv k(%[[K]]) v(%[[V]]) k_cache(%[[KC]]) v_cache(%[[VC]]) slot_mapping(%[[SLOTS]]) {layout = #attn.kv_layout<hnd>} : (tensor<32x8x128xf16>, tensor<32x8x128xf16>, tensor<?x8x16x128xf16>, tensor<?x8x16x128xf16>, tensor<32xi32>) -> (tensor<?x8x16x128xf16>, tensor<?x8x16x128xf16>)
// CHECK-NEXT: return %[[KC2]], %[[VC2]] : tensor<?x8x16x128xf16>, tensor<?x8x16x128xf16>
func.func @hnd_slot_mapping(%k: tensor<32x8x128xf16>, %v: tensor<32x8x128xf16>,
                            %kc: tensor<?x8x16x128xf16>, %vc: tensor<?x8x16x128xf16>,
                            %slots: tensor<32xi32>)
    -> (tensor<?x8x16x128xf16>, tensor<?x8x16x128xf16>) {
  %kc2, %vc2 = attn.append_kv k(%k) v(%v) k_cache(%kc) v_cache(%vc)
      slot_mapping(%slots) {layout = #attn.kv_layout<hnd>}
      : (tensor<32x8x128xf16>, tensor<32x8x128xf16>, tensor<?x8x16x128xf16>,
         tensor<?x8x16x128xf16>, tensor<32xi32>)
      -> (tensor<?x8x16x128xf16>, tensor<?x8x16x128xf16>)
  return %kc2, %vc2 : tensor<?x8x16x128xf16>, tensor<?x8x16x128xf16>
}

// vLLM caches: K [blocks, Hkv, D / x, block_size, x], V [blocks, Hkv, Dv,
// block_size].
// CHECK-LABEL: func.func @vllm_slot_mapping
// CHECK-SAME: (%[[K:[^:]*]]: tensor<?x8x128xf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<?x8x128xf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x8x16x16x8xf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x8x128x16xf16>,
// CHECK-SAME: %[[SLOTS:[^:]*]]: tensor<?xi64>)
// CHECK: %[[KC2:.*]], %[[VC2:.*]] = attn.append_kv k(%[[K]]) v(%[[V]]) k_cache(%[[KC]]) v_cache(%[[VC]]) slot_mapping(%[[SLOTS]]) {layout = #attn.kv_layout<vllm>} : (tensor<?x8x128xf16>, tensor<?x8x128xf16>, tensor<?x8x16x16x8xf16>, tensor<?x8x128x16xf16>, tensor<?xi64>) -> (tensor<?x8x16x16x8xf16>, tensor<?x8x128x16xf16>)
// CHECK-NEXT: return %[[KC2]], %[[VC2]] : tensor<?x8x16x16x8xf16>, tensor<?x8x128x16xf16>
func.func @vllm_slot_mapping(%k: tensor<?x8x128xf16>, %v: tensor<?x8x128xf16>,
                             %kc: tensor<?x8x16x16x8xf16>, %vc: tensor<?x8x128x16xf16>,
                             %slots: tensor<?xi64>)
    -> (tensor<?x8x16x16x8xf16>, tensor<?x8x128x16xf16>) {
  %kc2, %vc2 = attn.append_kv k(%k) v(%v) k_cache(%kc) v_cache(%vc)
      slot_mapping(%slots) {layout = #attn.kv_layout<vllm>}
      : (tensor<?x8x128xf16>, tensor<?x8x128xf16>, tensor<?x8x16x16x8xf16>,
         tensor<?x8x128x16xf16>, tensor<?xi64>)
      -> (tensor<?x8x16x16x8xf16>, tensor<?x8x128x16xf16>)
  return %kc2, %vc2 : tensor<?x8x16x16x8xf16>, tensor<?x8x128x16xf16>
}

// NHD with page_size 1 (SGLang's token-granular pool).
// CHECK-LABEL: func.func @nhd_page1
// CHECK-SAME: (%[[K:[^:]*]]: tensor<?x2x64xf32>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<?x2x64xf32>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<4096x1x2x64xf32>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<4096x1x2x64xf32>,
// CHECK-SAME: %[[SLOTS:[^:]*]]: tensor<?xi32>)
// CHECK: %[[KC2:.*]], %[[VC2:.*]] = attn.append_kv k(%[[K]]) v(%[[V]]) k_cache(%[[KC]]) v_cache(%[[VC]]) slot_mapping(%[[SLOTS]]) {layout = #attn.kv_layout<nhd>} : (tensor<?x2x64xf32>, tensor<?x2x64xf32>, tensor<4096x1x2x64xf32>, tensor<4096x1x2x64xf32>, tensor<?xi32>) -> (tensor<4096x1x2x64xf32>, tensor<4096x1x2x64xf32>)
// CHECK-NEXT: return %[[KC2]], %[[VC2]] : tensor<4096x1x2x64xf32>, tensor<4096x1x2x64xf32>
func.func @nhd_page1(%k: tensor<?x2x64xf32>, %v: tensor<?x2x64xf32>,
                     %kc: tensor<4096x1x2x64xf32>, %vc: tensor<4096x1x2x64xf32>,
                     %slots: tensor<?xi32>)
    -> (tensor<4096x1x2x64xf32>, tensor<4096x1x2x64xf32>) {
  %kc2, %vc2 = attn.append_kv k(%k) v(%v) k_cache(%kc) v_cache(%vc)
      slot_mapping(%slots) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x2x64xf32>, tensor<?x2x64xf32>, tensor<4096x1x2x64xf32>,
         tensor<4096x1x2x64xf32>, tensor<?xi32>)
      -> (tensor<4096x1x2x64xf32>, tensor<4096x1x2x64xf32>)
  return %kc2, %vc2 : tensor<4096x1x2x64xf32>, tensor<4096x1x2x64xf32>
}

// V head dim (128) differs from the K head dim (192).
// CHECK-LABEL: func.func @vdim
// CHECK-SAME: (%[[K:[^:]*]]: tensor<?x16x192xbf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<?x16x128xbf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x16x16x192xbf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x16x16x128xbf16>,
// CHECK-SAME: %[[SLOTS:[^:]*]]: tensor<?xi64>)
// CHECK: %[[KC2:.*]], %[[VC2:.*]] = attn.append_kv k(%[[K]]) v(%[[V]]) k_cache(%[[KC]]) v_cache(%[[VC]]) slot_mapping(%[[SLOTS]]) {layout = #attn.kv_layout<nhd>} : (tensor<?x16x192xbf16>, tensor<?x16x128xbf16>, tensor<?x16x16x192xbf16>, tensor<?x16x16x128xbf16>, tensor<?xi64>) -> (tensor<?x16x16x192xbf16>, tensor<?x16x16x128xbf16>)
// CHECK-NEXT: return %[[KC2]], %[[VC2]] : tensor<?x16x16x192xbf16>, tensor<?x16x16x128xbf16>
func.func @vdim(%k: tensor<?x16x192xbf16>, %v: tensor<?x16x128xbf16>,
                %kc: tensor<?x16x16x192xbf16>, %vc: tensor<?x16x16x128xbf16>,
                %slots: tensor<?xi64>)
    -> (tensor<?x16x16x192xbf16>, tensor<?x16x16x128xbf16>) {
  %kc2, %vc2 = attn.append_kv k(%k) v(%v) k_cache(%kc) v_cache(%vc)
      slot_mapping(%slots) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x16x192xbf16>, tensor<?x16x128xbf16>, tensor<?x16x16x192xbf16>,
         tensor<?x16x16x128xbf16>, tensor<?xi64>)
      -> (tensor<?x16x16x192xbf16>, tensor<?x16x16x128xbf16>)
  return %kc2, %vc2 : tensor<?x16x16x192xbf16>, tensor<?x16x16x128xbf16>
}

// slot_mapping with RoPE at the token positions (vLLM layout).
// CHECK-LABEL: func.func @rope_slot_mapping_vllm
// CHECK-SAME: (%[[K:[^:]*]]: tensor<?x8x128xbf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<?x8x128xbf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x8x16x16x8xbf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x8x128x16xbf16>,
// CHECK-SAME: %[[SLOTS:[^:]*]]: tensor<?xi64>,
// CHECK-SAME: %[[POS:[^:]*]]: tensor<?xi64>)
// CHECK: %[[KC2:.*]], %[[VC2:.*]] = attn.append_kv k(%[[K]]) v(%[[V]]) k_cache(%[[KC]]) v_cache(%[[VC]]) slot_mapping(%[[SLOTS]]) positions(%[[POS]]) {layout = #attn.kv_layout<vllm>, rope = #attn.rope<theta = 1.000000e+04, dim = 128, style = neox>} : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<?x8x16x16x8xbf16>, tensor<?x8x128x16xbf16>, tensor<?xi64>, tensor<?xi64>) -> (tensor<?x8x16x16x8xbf16>, tensor<?x8x128x16xbf16>)
// CHECK-NEXT: return %[[KC2]], %[[VC2]] : tensor<?x8x16x16x8xbf16>, tensor<?x8x128x16xbf16>
func.func @rope_slot_mapping_vllm(%k: tensor<?x8x128xbf16>, %v: tensor<?x8x128xbf16>,
                                  %kc: tensor<?x8x16x16x8xbf16>,
                                  %vc: tensor<?x8x128x16xbf16>,
                                  %slots: tensor<?xi64>, %pos: tensor<?xi64>)
    -> (tensor<?x8x16x16x8xbf16>, tensor<?x8x128x16xbf16>) {
  %kc2, %vc2 = attn.append_kv k(%k) v(%v) k_cache(%kc) v_cache(%vc)
      slot_mapping(%slots) positions(%pos)
      {layout = #attn.kv_layout<vllm>,
       rope = #attn.rope<theta = 10000.0, dim = 128, style = neox>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<?x8x16x16x8xbf16>,
         tensor<?x8x128x16xbf16>, tensor<?xi64>, tensor<?xi64>)
      -> (tensor<?x8x16x16x8xbf16>, tensor<?x8x128x16xbf16>)
  return %kc2, %vc2 : tensor<?x8x16x16x8xbf16>, tensor<?x8x128x16xbf16>
}

//===----------------------------------------------------------------------===//
// FlashInfer page-table form (append_paged_kv_cache).
//===----------------------------------------------------------------------===//

// The op description's example: NHD with RoPE.
// CHECK-LABEL: func.func @page_table_nhd_rope
// CHECK-SAME: (%[[K:[^:]*]]: tensor<?x8x128xbf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<?x8x128xbf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<64x16x8x128xbf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<64x16x8x128xbf16>,
// CHECK-SAME: %[[BI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[POS:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<5xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>)
// CHECK: %[[KC2:.*]], %[[VC2:.*]] = attn.append_kv k(%[[K]]) v(%[[V]]) k_cache(%[[KC]]) v_cache(%[[VC]]) batch_indices(%[[BI]]) positions(%[[POS]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) {layout = #attn.kv_layout<nhd>, rope = #attn.rope<theta = 1.000000e+04, dim = 128, style = neox>} : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>, tensor<?xi32>, tensor<5xi32>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
// CHECK-NEXT: return %[[KC2]], %[[VC2]] : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
func.func @page_table_nhd_rope(%k: tensor<?x8x128xbf16>, %v: tensor<?x8x128xbf16>,
                               %kc: tensor<64x16x8x128xbf16>,
                               %vc: tensor<64x16x8x128xbf16>, %bi: tensor<?xi32>,
                               %pos: tensor<?xi32>, %kp: tensor<5xi32>,
                               %ki: tensor<?xi32>)
    -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  %kc2, %vc2 = attn.append_kv k(%k) v(%v) k_cache(%kc) v_cache(%vc)
      batch_indices(%bi) positions(%pos) kv_indptr(%kp) kv_indices(%ki)
      {layout = #attn.kv_layout<nhd>,
       rope = #attn.rope<theta = 10000.0, dim = 128, style = neox>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>,
         tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>,
         tensor<?xi32>, tensor<5xi32>, tensor<?xi32>)
      -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %kc2, %vc2 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// HND without RoPE, i64 metadata, dynamic batch.
// CHECK-LABEL: func.func @page_table_hnd
// CHECK-SAME: (%[[K:[^:]*]]: tensor<?x4x64xf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<?x4x64xf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x4x16x64xf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x4x16x64xf16>,
// CHECK-SAME: %[[BI:[^:]*]]: tensor<?xi64>,
// CHECK-SAME: %[[POS:[^:]*]]: tensor<?xi64>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<?xi64>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi64>)
// CHECK: %[[KC2:.*]], %[[VC2:.*]] = attn.append_kv k(%[[K]]) v(%[[V]]) k_cache(%[[KC]]) v_cache(%[[VC]]) batch_indices(%[[BI]]) positions(%[[POS]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) {layout = #attn.kv_layout<hnd>} : (tensor<?x4x64xf16>, tensor<?x4x64xf16>, tensor<?x4x16x64xf16>, tensor<?x4x16x64xf16>, tensor<?xi64>, tensor<?xi64>, tensor<?xi64>, tensor<?xi64>) -> (tensor<?x4x16x64xf16>, tensor<?x4x16x64xf16>)
// CHECK-NEXT: return %[[KC2]], %[[VC2]] : tensor<?x4x16x64xf16>, tensor<?x4x16x64xf16>
func.func @page_table_hnd(%k: tensor<?x4x64xf16>, %v: tensor<?x4x64xf16>,
                          %kc: tensor<?x4x16x64xf16>, %vc: tensor<?x4x16x64xf16>,
                          %bi: tensor<?xi64>, %pos: tensor<?xi64>,
                          %kp: tensor<?xi64>, %ki: tensor<?xi64>)
    -> (tensor<?x4x16x64xf16>, tensor<?x4x16x64xf16>) {
  %kc2, %vc2 = attn.append_kv k(%k) v(%v) k_cache(%kc) v_cache(%vc)
      batch_indices(%bi) positions(%pos) kv_indptr(%kp) kv_indices(%ki)
      {layout = #attn.kv_layout<hnd>}
      : (tensor<?x4x64xf16>, tensor<?x4x64xf16>, tensor<?x4x16x64xf16>,
         tensor<?x4x16x64xf16>, tensor<?xi64>, tensor<?xi64>, tensor<?xi64>,
         tensor<?xi64>) -> (tensor<?x4x16x64xf16>, tensor<?x4x16x64xf16>)
  return %kc2, %vc2 : tensor<?x4x16x64xf16>, tensor<?x4x16x64xf16>
}

// Page-table form into vLLM caches, interleaved RoPE.
// CHECK-LABEL: func.func @page_table_vllm_rope
// CHECK-SAME: (%[[K:[^:]*]]: tensor<16x2x64xbf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<16x2x64xbf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x2x8x16x8xbf16>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x2x64x16xbf16>,
// CHECK-SAME: %[[BI:[^:]*]]: tensor<16xi32>,
// CHECK-SAME: %[[POS:[^:]*]]: tensor<16xi32>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<3xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>)
// CHECK: %[[KC2:.*]], %[[VC2:.*]] = attn.append_kv k(%[[K]]) v(%[[V]]) k_cache(%[[KC]]) v_cache(%[[VC]]) batch_indices(%[[BI]]) positions(%[[POS]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) {layout = #attn.kv_layout<vllm>, rope = #attn.rope<theta = 1.000000e+04, dim = 64, style = interleaved>} : (tensor<16x2x64xbf16>, tensor<16x2x64xbf16>, tensor<?x2x8x16x8xbf16>, tensor<?x2x64x16xbf16>, tensor<16xi32>, tensor<16xi32>, tensor<3xi32>, tensor<?xi32>) -> (tensor<?x2x8x16x8xbf16>, tensor<?x2x64x16xbf16>)
// CHECK-NEXT: return %[[KC2]], %[[VC2]] : tensor<?x2x8x16x8xbf16>, tensor<?x2x64x16xbf16>
func.func @page_table_vllm_rope(%k: tensor<16x2x64xbf16>, %v: tensor<16x2x64xbf16>,
                                %kc: tensor<?x2x8x16x8xbf16>,
                                %vc: tensor<?x2x64x16xbf16>, %bi: tensor<16xi32>,
                                %pos: tensor<16xi32>, %kp: tensor<3xi32>,
                                %ki: tensor<?xi32>)
    -> (tensor<?x2x8x16x8xbf16>, tensor<?x2x64x16xbf16>) {
  %kc2, %vc2 = attn.append_kv k(%k) v(%v) k_cache(%kc) v_cache(%vc)
      batch_indices(%bi) positions(%pos) kv_indptr(%kp) kv_indices(%ki)
      {layout = #attn.kv_layout<vllm>,
       rope = #attn.rope<theta = 10000.0, dim = 64, style = interleaved>}
      : (tensor<16x2x64xbf16>, tensor<16x2x64xbf16>, tensor<?x2x8x16x8xbf16>,
         tensor<?x2x64x16xbf16>, tensor<16xi32>, tensor<16xi32>, tensor<3xi32>,
         tensor<?xi32>) -> (tensor<?x2x8x16x8xbf16>, tensor<?x2x64x16xbf16>)
  return %kc2, %vc2 : tensor<?x2x8x16x8xbf16>, tensor<?x2x64x16xbf16>
}

//===----------------------------------------------------------------------===//
// FP8 caches.
//===----------------------------------------------------------------------===//

// FP8 NHD cache with k_scale [] and v_scale [1].
// CHECK-LABEL: func.func @fp8_nhd_scales
// CHECK-SAME: (%[[K:[^:]*]]: tensor<?x8x128xbf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<?x8x128xbf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x16x8x128xf8E4M3FN>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x16x8x128xf8E4M3FN>,
// CHECK-SAME: %[[SLOTS:[^:]*]]: tensor<?xi64>,
// CHECK-SAME: %[[KS:[^:]*]]: tensor<f32>,
// CHECK-SAME: %[[VS:[^:]*]]: tensor<1xf32>)
// CHECK: %[[KC2:.*]], %[[VC2:.*]] = attn.append_kv k(%[[K]]) v(%[[V]]) k_cache(%[[KC]]) v_cache(%[[VC]]) slot_mapping(%[[SLOTS]]) k_scale(%[[KS]]) v_scale(%[[VS]]) {layout = #attn.kv_layout<nhd>} : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<?x16x8x128xf8E4M3FN>, tensor<?x16x8x128xf8E4M3FN>, tensor<?xi64>, tensor<f32>, tensor<1xf32>) -> (tensor<?x16x8x128xf8E4M3FN>, tensor<?x16x8x128xf8E4M3FN>)
// CHECK-NEXT: return %[[KC2]], %[[VC2]] : tensor<?x16x8x128xf8E4M3FN>, tensor<?x16x8x128xf8E4M3FN>
func.func @fp8_nhd_scales(%k: tensor<?x8x128xbf16>, %v: tensor<?x8x128xbf16>,
                          %kc: tensor<?x16x8x128xf8E4M3FN>,
                          %vc: tensor<?x16x8x128xf8E4M3FN>, %slots: tensor<?xi64>,
                          %ks: tensor<f32>, %vs: tensor<1xf32>)
    -> (tensor<?x16x8x128xf8E4M3FN>, tensor<?x16x8x128xf8E4M3FN>) {
  %kc2, %vc2 = attn.append_kv k(%k) v(%v) k_cache(%kc) v_cache(%vc)
      slot_mapping(%slots) k_scale(%ks) v_scale(%vs)
      {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>,
         tensor<?x16x8x128xf8E4M3FN>, tensor<?x16x8x128xf8E4M3FN>,
         tensor<?xi64>, tensor<f32>, tensor<1xf32>)
      -> (tensor<?x16x8x128xf8E4M3FN>, tensor<?x16x8x128xf8E4M3FN>)
  return %kc2, %vc2 : tensor<?x16x8x128xf8E4M3FN>, tensor<?x16x8x128xf8E4M3FN>
}

// FP8 vLLM cache (x = 16) with k_scale [1] and v_scale [].
// CHECK-LABEL: func.func @fp8_vllm_scales
// CHECK-SAME: (%[[K:[^:]*]]: tensor<?x8x128xf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<?x8x128xf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x8x8x16x16xf8E4M3FN>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x8x128x16xf8E4M3FN>,
// CHECK-SAME: %[[SLOTS:[^:]*]]: tensor<?xi64>,
// CHECK-SAME: %[[KS:[^:]*]]: tensor<1xf32>,
// CHECK-SAME: %[[VS:[^:]*]]: tensor<f32>)
// CHECK: %[[KC2:.*]], %[[VC2:.*]] = attn.append_kv k(%[[K]]) v(%[[V]]) k_cache(%[[KC]]) v_cache(%[[VC]]) slot_mapping(%[[SLOTS]]) k_scale(%[[KS]]) v_scale(%[[VS]]) {layout = #attn.kv_layout<vllm>} : (tensor<?x8x128xf16>, tensor<?x8x128xf16>, tensor<?x8x8x16x16xf8E4M3FN>, tensor<?x8x128x16xf8E4M3FN>, tensor<?xi64>, tensor<1xf32>, tensor<f32>) -> (tensor<?x8x8x16x16xf8E4M3FN>, tensor<?x8x128x16xf8E4M3FN>)
// CHECK-NEXT: return %[[KC2]], %[[VC2]] : tensor<?x8x8x16x16xf8E4M3FN>, tensor<?x8x128x16xf8E4M3FN>
func.func @fp8_vllm_scales(%k: tensor<?x8x128xf16>, %v: tensor<?x8x128xf16>,
                           %kc: tensor<?x8x8x16x16xf8E4M3FN>,
                           %vc: tensor<?x8x128x16xf8E4M3FN>, %slots: tensor<?xi64>,
                           %ks: tensor<1xf32>, %vs: tensor<f32>)
    -> (tensor<?x8x8x16x16xf8E4M3FN>, tensor<?x8x128x16xf8E4M3FN>) {
  %kc2, %vc2 = attn.append_kv k(%k) v(%v) k_cache(%kc) v_cache(%vc)
      slot_mapping(%slots) k_scale(%ks) v_scale(%vs)
      {layout = #attn.kv_layout<vllm>}
      : (tensor<?x8x128xf16>, tensor<?x8x128xf16>,
         tensor<?x8x8x16x16xf8E4M3FN>, tensor<?x8x128x16xf8E4M3FN>,
         tensor<?xi64>, tensor<1xf32>, tensor<f32>)
      -> (tensor<?x8x8x16x16xf8E4M3FN>, tensor<?x8x128x16xf8E4M3FN>)
  return %kc2, %vc2 : tensor<?x8x8x16x16xf8E4M3FN>, tensor<?x8x128x16xf8E4M3FN>
}

// FP8 HND cache through the page-table form, with RoPE and both scales.
// CHECK-LABEL: func.func @fp8_page_table_rope
// CHECK-SAME: (%[[K:[^:]*]]: tensor<?x8x128xbf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<?x8x128xbf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x8x16x128xf8E4M3FN>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x8x16x128xf8E4M3FN>,
// CHECK-SAME: %[[BI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[POS:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KP:[^:]*]]: tensor<5xi32>,
// CHECK-SAME: %[[KI:[^:]*]]: tensor<?xi32>,
// CHECK-SAME: %[[KS:[^:]*]]: tensor<f32>,
// CHECK-SAME: %[[VS:[^:]*]]: tensor<f32>)
// CHECK: %[[KC2:.*]], %[[VC2:.*]] = attn.append_kv k(%[[K]]) v(%[[V]]) k_cache(%[[KC]]) v_cache(%[[VC]]) batch_indices(%[[BI]]) positions(%[[POS]]) kv_indptr(%[[KP]]) kv_indices(%[[KI]]) k_scale(%[[KS]]) v_scale(%[[VS]]) {layout = #attn.kv_layout<hnd>, rope = #attn.rope<theta = 1.000000e+06, dim = 64, style = neox>} : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<?x8x16x128xf8E4M3FN>, tensor<?x8x16x128xf8E4M3FN>, tensor<?xi32>, tensor<?xi32>, tensor<5xi32>, tensor<?xi32>, tensor<f32>, tensor<f32>) -> (tensor<?x8x16x128xf8E4M3FN>, tensor<?x8x16x128xf8E4M3FN>)
// CHECK-NEXT: return %[[KC2]], %[[VC2]] : tensor<?x8x16x128xf8E4M3FN>, tensor<?x8x16x128xf8E4M3FN>
func.func @fp8_page_table_rope(%k: tensor<?x8x128xbf16>, %v: tensor<?x8x128xbf16>,
                               %kc: tensor<?x8x16x128xf8E4M3FN>,
                               %vc: tensor<?x8x16x128xf8E4M3FN>, %bi: tensor<?xi32>,
                               %pos: tensor<?xi32>, %kp: tensor<5xi32>,
                               %ki: tensor<?xi32>, %ks: tensor<f32>,
                               %vs: tensor<f32>)
    -> (tensor<?x8x16x128xf8E4M3FN>, tensor<?x8x16x128xf8E4M3FN>) {
  %kc2, %vc2 = attn.append_kv k(%k) v(%v) k_cache(%kc) v_cache(%vc)
      batch_indices(%bi) positions(%pos) kv_indptr(%kp) kv_indices(%ki)
      k_scale(%ks) v_scale(%vs)
      {layout = #attn.kv_layout<hnd>,
       rope = #attn.rope<theta = 1000000.0, dim = 64, style = neox>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>,
         tensor<?x8x16x128xf8E4M3FN>, tensor<?x8x16x128xf8E4M3FN>,
         tensor<?xi32>, tensor<?xi32>, tensor<5xi32>, tensor<?xi32>,
         tensor<f32>, tensor<f32>)
      -> (tensor<?x8x16x128xf8E4M3FN>, tensor<?x8x16x128xf8E4M3FN>)
  return %kc2, %vc2 : tensor<?x8x16x128xf8E4M3FN>, tensor<?x8x16x128xf8E4M3FN>
}

// FP8 cache without scales (both default to 1).
// CHECK-LABEL: func.func @fp8_default_scales
// CHECK-SAME: (%[[K:[^:]*]]: tensor<?x8x128xbf16>,
// CHECK-SAME: %[[V:[^:]*]]: tensor<?x8x128xbf16>,
// CHECK-SAME: %[[KC:[^:]*]]: tensor<?x16x8x128xf8E4M3FN>,
// CHECK-SAME: %[[VC:[^:]*]]: tensor<?x16x8x128xf8E4M3FN>,
// CHECK-SAME: %[[SLOTS:[^:]*]]: tensor<?xi32>)
// CHECK: %[[KC2:.*]], %[[VC2:.*]] = attn.append_kv k(%[[K]]) v(%[[V]]) k_cache(%[[KC]]) v_cache(%[[VC]]) slot_mapping(%[[SLOTS]]) {layout = #attn.kv_layout<nhd>} : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<?x16x8x128xf8E4M3FN>, tensor<?x16x8x128xf8E4M3FN>, tensor<?xi32>) -> (tensor<?x16x8x128xf8E4M3FN>, tensor<?x16x8x128xf8E4M3FN>)
// CHECK-NEXT: return %[[KC2]], %[[VC2]] : tensor<?x16x8x128xf8E4M3FN>, tensor<?x16x8x128xf8E4M3FN>
func.func @fp8_default_scales(%k: tensor<?x8x128xbf16>, %v: tensor<?x8x128xbf16>,
                              %kc: tensor<?x16x8x128xf8E4M3FN>,
                              %vc: tensor<?x16x8x128xf8E4M3FN>,
                              %slots: tensor<?xi32>)
    -> (tensor<?x16x8x128xf8E4M3FN>, tensor<?x16x8x128xf8E4M3FN>) {
  %kc2, %vc2 = attn.append_kv k(%k) v(%v) k_cache(%kc) v_cache(%vc)
      slot_mapping(%slots) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>,
         tensor<?x16x8x128xf8E4M3FN>, tensor<?x16x8x128xf8E4M3FN>,
         tensor<?xi32>)
      -> (tensor<?x16x8x128xf8E4M3FN>, tensor<?x16x8x128xf8E4M3FN>)
  return %kc2, %vc2 : tensor<?x16x8x128xf8E4M3FN>, tensor<?x16x8x128xf8E4M3FN>
}
