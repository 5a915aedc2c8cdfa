// RUN: attn-opt %s -split-input-file -verify-diagnostics

// Malformed attn.append_kv ops: every diagnostic of AppendKVOp::verify and
// the FlashInfer/vLLM cache checks it shares with the attention ops.

//===----------------------------------------------------------------------===//
// New keys and values.
//===----------------------------------------------------------------------===//

func.func @k_rank4(%a0: tensor<1x?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{'attn.append_kv' op expects 'k' of rank 3 ([T, Hkv, D]), got 'tensor<1x?x8x128xbf16>'}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<1x?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @v_rank2(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x1024xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{expects 'v' of rank 3 ([T, Hkv, Dv]), got 'tensor<?x1024xbf16>'}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x1024xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @k_rank0(%a0: tensor<bf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{expects 'k' of rank 3 ([T, Hkv, D]), got 'tensor<bf16>'}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<bf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @k_heads_dynamic(%a0: tensor<?x?x128xbf16>, %a1: tensor<?x?x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{the number of key/value heads (dimension 1 of 'k') must be static}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x?x128xbf16>, tensor<?x?x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @k_heads_zero(%a0: tensor<?x0x128xbf16>, %a1: tensor<?x0x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{the number of key/value heads (dimension 1 of 'k') must be between 1 and 65536, got 0}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x0x128xbf16>, tensor<?x0x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @k_head_dim_dynamic(%a0: tensor<?x8x?xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{the head dimension (dimension 2 of 'k') must be static}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x?xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @v_head_dim_dynamic(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x?xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{the head dimension (dimension 2 of 'v') must be static}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x?xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @all_dynamic(%a0: tensor<?x?x?xbf16>, %a1: tensor<?x?x?xbf16>, %a2: tensor<?x?x?x?xbf16>, %a3: tensor<?x?x?x?xbf16>, %a4: tensor<?xi32>) -> (tensor<?x?x?x?xbf16>, tensor<?x?x?x?xbf16>) {
  // expected-error @+1 {{the number of key/value heads (dimension 1 of 'k') must be static}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x?x?xbf16>, tensor<?x?x?xbf16>, tensor<?x?x?x?xbf16>, tensor<?x?x?x?xbf16>, tensor<?xi32>) -> (tensor<?x?x?x?xbf16>, tensor<?x?x?x?xbf16>)
  return %r0, %r1 : tensor<?x?x?x?xbf16>, tensor<?x?x?x?xbf16>
}

// -----

func.func @k_head_dim_too_large(%a0: tensor<?x8x2048xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{head dimension 2048 of 'k' is not supported (expected 1 to 1024)}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x2048xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @v_head_dim_too_large(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x2048xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{head dimension 2048 of 'v' is not supported (expected 1 to 1024)}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x2048xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @v_tokens_mismatch(%a0: tensor<4x8x128xbf16>, %a1: tensor<5x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{dimension 0 of 'v' (5) must equal the number of tokens of 'k' (4)}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<4x8x128xbf16>, tensor<5x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @v_heads_mismatch(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x4x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{dimension 1 of 'v' (4) must equal the number of heads of 'k' (8)}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x4x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

// The new tokens are not FP8; only the cache may be.
func.func @k_fp8(%a0: tensor<?x8x128xf8E4M3FN>, %a1: tensor<?x8x128xf8E4M3FN>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{'k' has unsupported element type 'f8E4M3FN' (expected f32, f16 or bf16)}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xf8E4M3FN>, tensor<?x8x128xf8E4M3FN>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @k_i8(%a0: tensor<?x8x128xi8>, %a1: tensor<?x8x128xi8>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{'k' has unsupported element type 'i8' (expected f32, f16 or bf16)}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xi8>, tensor<?x8x128xi8>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @k_v_type_mismatch(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{'k' and 'v' must have the same element type}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

//===----------------------------------------------------------------------===//
// FlashInfer caches (nhd, hnd).
//===----------------------------------------------------------------------===//

func.func @k_cache_rank5_nhd(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x8x16x16x8xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>) -> (tensor<64x8x16x16x8xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{expects 'k_cache' of rank 4 (NHD: [num_pages, page_size, Hkv, D]), got 'tensor<64x8x16x16x8xbf16>'}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x8x16x16x8xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>) -> (tensor<64x8x16x16x8xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x8x16x16x8xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @v_cache_rank3_hnd(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x8x16x128xbf16>, %a3: tensor<64x8x2048xbf16>, %a4: tensor<?xi32>) -> (tensor<64x8x16x128xbf16>, tensor<64x8x2048xbf16>) {
  // expected-error @+1 {{expects 'v_cache' of rank 4 (HND: [num_pages, Hkv, page_size, D]), got 'tensor<64x8x2048xbf16>'}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<hnd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x8x16x128xbf16>, tensor<64x8x2048xbf16>, tensor<?xi32>) -> (tensor<64x8x16x128xbf16>, tensor<64x8x2048xbf16>)
  return %r0, %r1 : tensor<64x8x16x128xbf16>, tensor<64x8x2048xbf16>
}

// -----

func.func @page_size_zero(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x0x8x128xbf16>, %a3: tensor<64x0x8x128xbf16>, %a4: tensor<?xi32>) -> (tensor<64x0x8x128xbf16>, tensor<64x0x8x128xbf16>) {
  // expected-error @+1 {{page_size (dimension 1 of 'k_cache') must be positive, got 0}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x0x8x128xbf16>, tensor<64x0x8x128xbf16>, tensor<?xi32>) -> (tensor<64x0x8x128xbf16>, tensor<64x0x8x128xbf16>)
  return %r0, %r1 : tensor<64x0x8x128xbf16>, tensor<64x0x8x128xbf16>
}

// -----

func.func @page_size_dynamic_hnd(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x8x?x128xbf16>, %a3: tensor<64x8x?x128xbf16>, %a4: tensor<?xi32>) -> (tensor<64x8x?x128xbf16>, tensor<64x8x?x128xbf16>) {
  // expected-error @+1 {{the page size (dimension 2 of 'k_cache') must be static}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<hnd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x8x?x128xbf16>, tensor<64x8x?x128xbf16>, tensor<?xi32>) -> (tensor<64x8x?x128xbf16>, tensor<64x8x?x128xbf16>)
  return %r0, %r1 : tensor<64x8x?x128xbf16>, tensor<64x8x?x128xbf16>
}

// -----

func.func @cache_heads_zero(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x0x128xbf16>, %a3: tensor<64x16x0x128xbf16>, %a4: tensor<?xi32>) -> (tensor<64x16x0x128xbf16>, tensor<64x16x0x128xbf16>) {
  // expected-error @+1 {{the number of key/value heads (dimension 2 of 'k_cache') must be between 1 and 65536, got 0}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x0x128xbf16>, tensor<64x16x0x128xbf16>, tensor<?xi32>) -> (tensor<64x16x0x128xbf16>, tensor<64x16x0x128xbf16>)
  return %r0, %r1 : tensor<64x16x0x128xbf16>, tensor<64x16x0x128xbf16>
}

// -----

func.func @cache_head_dim_dynamic(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x?xbf16>, %a3: tensor<64x16x8x?xbf16>, %a4: tensor<?xi32>) -> (tensor<64x16x8x?xbf16>, tensor<64x16x8x?xbf16>) {
  // expected-error @+1 {{the head dimension (dimension 3 of 'k_cache') must be static}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x?xbf16>, tensor<64x16x8x?xbf16>, tensor<?xi32>) -> (tensor<64x16x8x?xbf16>, tensor<64x16x8x?xbf16>)
  return %r0, %r1 : tensor<64x16x8x?xbf16>, tensor<64x16x8x?xbf16>
}

// -----

func.func @cache_head_dim_too_large(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x4096xbf16>, %a4: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x4096xbf16>) {
  // expected-error @+1 {{head dimension 4096 of 'v_cache' is not supported (expected 1 to 1024)}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x4096xbf16>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x4096xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x4096xbf16>
}

// -----

func.func @num_pages_mismatch(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<32x16x8x128xbf16>, %a4: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<32x16x8x128xbf16>) {
  // expected-error @+1 {{dimension 0 of 'v_cache' (32) must equal the number of pages of 'k_cache' (64)}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<32x16x8x128xbf16>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<32x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<32x16x8x128xbf16>
}

// -----

func.func @v_cache_page_size_mismatch(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x32x8x128xbf16>, %a4: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x32x8x128xbf16>) {
  // expected-error @+1 {{'v_cache' 'tensor<64x32x8x128xbf16>' must have the page size and number of heads of 'k_cache' 'tensor<64x16x8x128xbf16>'}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x32x8x128xbf16>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x32x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x32x8x128xbf16>
}

// -----

func.func @v_cache_heads_mismatch(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x8x16x128xbf16>, %a3: tensor<64x4x16x128xbf16>, %a4: tensor<?xi32>) -> (tensor<64x8x16x128xbf16>, tensor<64x4x16x128xbf16>) {
  // expected-error @+1 {{'v_cache' 'tensor<64x4x16x128xbf16>' must have the page size and number of heads of 'k_cache' 'tensor<64x8x16x128xbf16>'}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<hnd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x8x16x128xbf16>, tensor<64x4x16x128xbf16>, tensor<?xi32>) -> (tensor<64x8x16x128xbf16>, tensor<64x4x16x128xbf16>)
  return %r0, %r1 : tensor<64x8x16x128xbf16>, tensor<64x4x16x128xbf16>
}

// -----

func.func @cache_heads_vs_k(%a0: tensor<?x4x128xbf16>, %a1: tensor<?x4x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{caches hold 8 heads of dims 128/128 but 'k'/'v' have 4 heads of dims 128/128}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x4x128xbf16>, tensor<?x4x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @cache_head_dim_vs_k(%a0: tensor<?x8x64xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{caches hold 8 heads of dims 128/128 but 'k'/'v' have 8 heads of dims 64/128}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x64xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @cache_head_dim_vs_v(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x64xbf16>, %a4: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x64xbf16>) {
  // expected-error @+1 {{caches hold 8 heads of dims 128/64 but 'k'/'v' have 8 heads of dims 128/128}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x64xbf16>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x64xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x64xbf16>
}

// -----

// An HND cache [pages, Hkv=8, page_size=16, D] read with layout nhd.
func.func @hnd_cache_read_as_nhd(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x8x16x128xbf16>, %a3: tensor<64x8x16x128xbf16>, %a4: tensor<?xi32>) -> (tensor<64x8x16x128xbf16>, tensor<64x8x16x128xbf16>) {
  // expected-error @+1 {{caches hold 16 heads of dims 128/128 but 'k'/'v' have 8 heads of dims 128/128}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x8x16x128xbf16>, tensor<64x8x16x128xbf16>, tensor<?xi32>) -> (tensor<64x8x16x128xbf16>, tensor<64x8x16x128xbf16>)
  return %r0, %r1 : tensor<64x8x16x128xbf16>, tensor<64x8x16x128xbf16>
}

// -----

//===----------------------------------------------------------------------===//
// vLLM caches.
//===----------------------------------------------------------------------===//

func.func @vllm_k_cache_rank4(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x8x128x16xbf16>, %a4: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x8x128x16xbf16>) {
  // expected-error @+1 {{expects 'k_cache' of rank 5 (vLLM: [num_blocks, Hkv, D / x, block_size, x]), got 'tensor<64x16x8x128xbf16>'}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<vllm>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x8x128x16xbf16>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x8x128x16xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x8x128x16xbf16>
}

// -----

func.func @vllm_v_cache_rank5(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x8x16x16x8xbf16>, %a3: tensor<64x8x16x16x8xbf16>, %a4: tensor<?xi32>) -> (tensor<64x8x16x16x8xbf16>, tensor<64x8x16x16x8xbf16>) {
  // expected-error @+1 {{expects 'v_cache' of rank 4 (vLLM: [num_blocks, Hkv, Dv, block_size]), got 'tensor<64x8x16x16x8xbf16>'}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<vllm>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x8x16x16x8xbf16>, tensor<64x8x16x16x8xbf16>, tensor<?xi32>) -> (tensor<64x8x16x16x8xbf16>, tensor<64x8x16x16x8xbf16>)
  return %r0, %r1 : tensor<64x8x16x16x8xbf16>, tensor<64x8x16x16x8xbf16>
}

// -----

func.func @vllm_block_size_zero(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x8x16x0x8xbf16>, %a3: tensor<64x8x128x0xbf16>, %a4: tensor<?xi32>) -> (tensor<64x8x16x0x8xbf16>, tensor<64x8x128x0xbf16>) {
  // expected-error @+1 {{block_size (dimension 3 of 'k_cache') must be positive, got 0}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<vllm>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x8x16x0x8xbf16>, tensor<64x8x128x0xbf16>, tensor<?xi32>) -> (tensor<64x8x16x0x8xbf16>, tensor<64x8x128x0xbf16>)
  return %r0, %r1 : tensor<64x8x16x0x8xbf16>, tensor<64x8x128x0xbf16>
}

// -----

func.func @vllm_x_dynamic(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x8x16x16x?xbf16>, %a3: tensor<64x8x128x16xbf16>, %a4: tensor<?xi32>) -> (tensor<64x8x16x16x?xbf16>, tensor<64x8x128x16xbf16>) {
  // expected-error @+1 {{x (dimension 4 of 'k_cache') must be static}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<vllm>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x8x16x16x?xbf16>, tensor<64x8x128x16xbf16>, tensor<?xi32>) -> (tensor<64x8x16x16x?xbf16>, tensor<64x8x128x16xbf16>)
  return %r0, %r1 : tensor<64x8x16x16x?xbf16>, tensor<64x8x128x16xbf16>
}

// -----

func.func @vllm_v_block_size(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x8x16x16x8xbf16>, %a3: tensor<64x8x128x32xbf16>, %a4: tensor<?xi32>) -> (tensor<64x8x16x16x8xbf16>, tensor<64x8x128x32xbf16>) {
  // expected-error @+1 {{dimension 3 of 'v_cache' (32) must equal the block size of 'k_cache' (16)}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<vllm>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x8x16x16x8xbf16>, tensor<64x8x128x32xbf16>, tensor<?xi32>) -> (tensor<64x8x16x16x8xbf16>, tensor<64x8x128x32xbf16>)
  return %r0, %r1 : tensor<64x8x16x16x8xbf16>, tensor<64x8x128x32xbf16>
}

// -----

// D/x * x = 8 * 8 = 64 is not k's head dimension 128.
func.func @vllm_d_over_x_times_x(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x8x8x16x8xbf16>, %a3: tensor<64x8x128x16xbf16>, %a4: tensor<?xi32>) -> (tensor<64x8x8x16x8xbf16>, tensor<64x8x128x16xbf16>) {
  // expected-error @+1 {{caches hold 8 heads of dims 64/128 but 'k'/'v' have 8 heads of dims 128/128}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<vllm>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x8x8x16x8xbf16>, tensor<64x8x128x16xbf16>, tensor<?xi32>) -> (tensor<64x8x8x16x8xbf16>, tensor<64x8x128x16xbf16>)
  return %r0, %r1 : tensor<64x8x8x16x8xbf16>, tensor<64x8x128x16xbf16>
}

// -----

//===----------------------------------------------------------------------===//
// Cache element types and results.
//===----------------------------------------------------------------------===//

func.func @cache_i8(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xi8>, %a3: tensor<64x16x8x128xi8>, %a4: tensor<?xi32>) -> (tensor<64x16x8x128xi8>, tensor<64x16x8x128xi8>) {
  // expected-error @+1 {{'k_cache' has unsupported element type 'i8' (expected f32, f16, bf16 or f8E4M3FN)}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xi8>, tensor<64x16x8x128xi8>, tensor<?xi32>) -> (tensor<64x16x8x128xi8>, tensor<64x16x8x128xi8>)
  return %r0, %r1 : tensor<64x16x8x128xi8>, tensor<64x16x8x128xi8>
}

// -----

func.func @cache_types_mismatch(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xf8E4M3FN>, %a4: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xf8E4M3FN>) {
  // expected-error @+1 {{'k_cache' and 'v_cache' must have the same element type}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xf8E4M3FN>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xf8E4M3FN>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xf8E4M3FN>
}

// -----

func.func @cache_type_vs_k(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xf16>, %a3: tensor<64x16x8x128xf16>, %a4: tensor<?xi32>) -> (tensor<64x16x8x128xf16>, tensor<64x16x8x128xf16>) {
  // expected-error @+1 {{the cache element type 'f16' must equal that of 'k' ('bf16') or be f8E4M3FN}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xf16>, tensor<64x16x8x128xf16>, tensor<?xi32>) -> (tensor<64x16x8x128xf16>, tensor<64x16x8x128xf16>)
  return %r0, %r1 : tensor<64x16x8x128xf16>, tensor<64x16x8x128xf16>
}

// -----

func.func @result_types(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xf16>) {
  // expected-error @+1 {{results must have the types of 'k_cache' and 'v_cache'}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xf16>
}

// -----

func.func @result_shape(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>) -> (tensor<?x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{results must have the types of 'k_cache' and 'v_cache'}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>) -> (tensor<?x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<?x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

//===----------------------------------------------------------------------===//
// Addressing: slot_mapping or the page-table operands.
//===----------------------------------------------------------------------===//

func.func @slot_mapping_and_page_table(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>, %a5: tensor<?xi32>, %a6: tensor<?xi32>, %a7: tensor<5xi32>, %a8: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{takes either 'slot_mapping' or the page-table operands ('batch_indices', 'positions', 'kv_indptr', 'kv_indices'), not both}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) batch_indices(%a5) positions(%a6) kv_indptr(%a7) kv_indices(%a8) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>, tensor<?xi32>, tensor<?xi32>, tensor<5xi32>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @slot_mapping_and_kv_indices(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>, %a5: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{takes either 'slot_mapping' or the page-table operands ('batch_indices', 'positions', 'kv_indptr', 'kv_indices'), not both}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) kv_indices(%a5) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @slot_mapping_f32(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xf32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{expects 'slot_mapping' to be a 1-D tensor of i32 or i64, got 'tensor<?xf32>'}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xf32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @slot_mapping_i16(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi16>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{expects 'slot_mapping' to be a 1-D tensor of i32 or i64, got 'tensor<?xi16>'}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi16>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @slot_mapping_length(%a0: tensor<4x8x128xbf16>, %a1: tensor<4x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<3xi64>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{dimension 0 of 'slot_mapping' (3) must equal the number of tokens (4)}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<4x8x128xbf16>, tensor<4x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<3xi64>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @no_addressing(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{needs 'slot_mapping' or all of 'batch_indices', 'positions', 'kv_indptr' and 'kv_indices'; 'batch_indices' is missing}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @missing_batch_indices(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>, %a5: tensor<5xi32>, %a6: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{needs 'slot_mapping' or all of 'batch_indices', 'positions', 'kv_indptr' and 'kv_indices'; 'batch_indices' is missing}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) positions(%a4) kv_indptr(%a5) kv_indices(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>, tensor<5xi32>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @missing_positions(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>, %a5: tensor<5xi32>, %a6: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{needs 'slot_mapping' or all of 'batch_indices', 'positions', 'kv_indptr' and 'kv_indices'; 'positions' is missing}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) batch_indices(%a4) kv_indptr(%a5) kv_indices(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>, tensor<5xi32>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @missing_kv_indptr(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>, %a5: tensor<?xi32>, %a6: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{needs 'slot_mapping' or all of 'batch_indices', 'positions', 'kv_indptr' and 'kv_indices'; 'kv_indptr' is missing}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) batch_indices(%a4) positions(%a5) kv_indices(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>, tensor<?xi32>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @missing_kv_indices(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>, %a5: tensor<?xi32>, %a6: tensor<5xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{needs 'slot_mapping' or all of 'batch_indices', 'positions', 'kv_indptr' and 'kv_indices'; 'kv_indices' is missing}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) batch_indices(%a4) positions(%a5) kv_indptr(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>, tensor<?xi32>, tensor<5xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @batch_indices_f32(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xf32>, %a5: tensor<?xi32>, %a6: tensor<5xi32>, %a7: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{expects 'batch_indices' to be a 1-D tensor of i32 or i64, got 'tensor<?xf32>'}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) batch_indices(%a4) positions(%a5) kv_indptr(%a6) kv_indices(%a7) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xf32>, tensor<?xi32>, tensor<5xi32>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @kv_indptr_i16(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>, %a5: tensor<?xi32>, %a6: tensor<5xi16>, %a7: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{expects 'kv_indptr' to be a 1-D tensor of i32 or i64, got 'tensor<5xi16>'}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) batch_indices(%a4) positions(%a5) kv_indptr(%a6) kv_indices(%a7) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>, tensor<?xi32>, tensor<5xi16>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @kv_indices_rank2(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>, %a5: tensor<?xi32>, %a6: tensor<5xi32>, %a7: tensor<4x16xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{expects 'kv_indices' to be a 1-D tensor of i32 or i64, got 'tensor<4x16xi32>'}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) batch_indices(%a4) positions(%a5) kv_indptr(%a6) kv_indices(%a7) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>, tensor<?xi32>, tensor<5xi32>, tensor<4x16xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @batch_indices_length(%a0: tensor<6x8x128xbf16>, %a1: tensor<6x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<7xi32>, %a5: tensor<?xi32>, %a6: tensor<5xi32>, %a7: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{dimension 0 of 'batch_indices' (7) must equal the number of tokens (6)}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) batch_indices(%a4) positions(%a5) kv_indptr(%a6) kv_indices(%a7) {layout = #attn.kv_layout<nhd>}
      : (tensor<6x8x128xbf16>, tensor<6x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<7xi32>, tensor<?xi32>, tensor<5xi32>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @positions_f32(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>, %a5: tensor<?xf32>, %a6: tensor<5xi32>, %a7: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{expects 'positions' to be a 1-D tensor of i32 or i64, got 'tensor<?xf32>'}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) batch_indices(%a4) positions(%a5) kv_indptr(%a6) kv_indices(%a7) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>, tensor<?xf32>, tensor<5xi32>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @positions_length(%a0: tensor<6x8x128xbf16>, %a1: tensor<6x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>, %a5: tensor<5xi32>, %a6: tensor<5xi32>, %a7: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{dimension 0 of 'positions' (5) must equal the number of tokens (6)}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) batch_indices(%a4) positions(%a5) kv_indptr(%a6) kv_indices(%a7) {layout = #attn.kv_layout<nhd>}
      : (tensor<6x8x128xbf16>, tensor<6x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>, tensor<5xi32>, tensor<5xi32>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

// positions may accompany slot_mapping (for RoPE); it is still checked.
func.func @positions_with_slot_mapping_i16(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>, %a5: tensor<?xi16>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{expects 'positions' to be a 1-D tensor of i32 or i64, got 'tensor<?xi16>'}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) positions(%a5) {layout = #attn.kv_layout<nhd>, rope = #attn.rope<theta = 10000.0, dim = 128, style = neox>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>, tensor<?xi16>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

//===----------------------------------------------------------------------===//
// RoPE and FP8 scales.
//===----------------------------------------------------------------------===//

func.func @rope_without_positions(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{'rope' needs the token 'positions'}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>, rope = #attn.rope<theta = 10000.0, dim = 128, style = neox>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @rope_dim_exceeds_head_dim(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>, %a5: tensor<?xi32>, %a6: tensor<5xi32>, %a7: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{RoPE rotary dim 256 exceeds the key head dimension 128}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) batch_indices(%a4) positions(%a5) kv_indptr(%a6) kv_indices(%a7) {layout = #attn.kv_layout<nhd>, rope = #attn.rope<theta = 10000.0, dim = 256, style = neox>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>, tensor<?xi32>, tensor<5xi32>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @k_scale_on_bf16_cache(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>, %a5: tensor<f32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{'k_scale' requires an f8E4M3FN cache, got 'bf16'}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) k_scale(%a5) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>, tensor<f32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @v_scale_on_bf16_cache(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>, %a5: tensor<1xf32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{'v_scale' requires an f8E4M3FN cache, got 'bf16'}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) v_scale(%a5) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>, tensor<1xf32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @k_scale_per_head(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xf8E4M3FN>, %a3: tensor<64x16x8x128xf8E4M3FN>, %a4: tensor<?xi32>, %a5: tensor<8xf32>) -> (tensor<64x16x8x128xf8E4M3FN>, tensor<64x16x8x128xf8E4M3FN>) {
  // expected-error @+1 {{expects 'k_scale' to be an f32 tensor of shape [] or [1], got 'tensor<8xf32>'}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) k_scale(%a5) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xf8E4M3FN>, tensor<64x16x8x128xf8E4M3FN>, tensor<?xi32>, tensor<8xf32>) -> (tensor<64x16x8x128xf8E4M3FN>, tensor<64x16x8x128xf8E4M3FN>)
  return %r0, %r1 : tensor<64x16x8x128xf8E4M3FN>, tensor<64x16x8x128xf8E4M3FN>
}

// -----

func.func @v_scale_f16(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xf8E4M3FN>, %a3: tensor<64x16x8x128xf8E4M3FN>, %a4: tensor<?xi32>, %a5: tensor<f32>, %a6: tensor<f16>) -> (tensor<64x16x8x128xf8E4M3FN>, tensor<64x16x8x128xf8E4M3FN>) {
  // expected-error @+1 {{expects 'v_scale' to be an f32 tensor of shape [] or [1], got 'tensor<f16>'}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) k_scale(%a5) v_scale(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xf8E4M3FN>, tensor<64x16x8x128xf8E4M3FN>, tensor<?xi32>, tensor<f32>, tensor<f16>) -> (tensor<64x16x8x128xf8E4M3FN>, tensor<64x16x8x128xf8E4M3FN>)
  return %r0, %r1 : tensor<64x16x8x128xf8E4M3FN>, tensor<64x16x8x128xf8E4M3FN>
}

// -----

//===----------------------------------------------------------------------===//
// ODS-level constraints.
//===----------------------------------------------------------------------===//

func.func @missing_layout(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{'attn.append_kv' op requires attribute 'layout'}}
  %r0, %r1 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4)
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>) -> (tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>)
  return %r0, %r1 : tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>
}

// -----

func.func @one_result(%a0: tensor<?x8x128xbf16>, %a1: tensor<?x8x128xbf16>, %a2: tensor<64x16x8x128xbf16>, %a3: tensor<64x16x8x128xbf16>, %a4: tensor<?xi32>) -> (tensor<64x16x8x128xbf16>) {
  // expected-error @+1 {{'attn.append_kv' op expected 2 results}}
  %r0 = attn.append_kv k(%a0) v(%a1) k_cache(%a2) v_cache(%a3) slot_mapping(%a4) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x8x128xbf16>, tensor<?x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<64x16x8x128xbf16>, tensor<?xi32>) -> tensor<64x16x8x128xbf16>
  return %r0 : tensor<64x16x8x128xbf16>
}
