// RUN: attn-opt %s -split-input-file -verify-diagnostics

// Malformed attn.batch_decode ops: BatchDecodeOp::verify, the FlashInfer
// paged-cache checks (verifyPagedCache, verifyPagedKV), the shared attention
// checks and the score_mod/mask_mod region checks.

//===----------------------------------------------------------------------===//
// Queries.
//===----------------------------------------------------------------------===//

func.func @q_rank4(%a0: tensor<4x1x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{'attn.batch_decode' op expects 'q' of rank 3 ([B, Hq, D]), got 'tensor<4x1x32x128xbf16>'}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x1x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @q_rank2(%a0: tensor<4x4096xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{expects 'q' of rank 3 ([B, Hq, D]), got 'tensor<4x4096xbf16>'}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x4096xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @q_heads_dynamic(%a0: tensor<4x?x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x?x128xbf16>) {
  // expected-error @+1 {{the number of query heads (dimension 1 of 'q') must be static}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x?x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x?x128xbf16>
  return %r0 : tensor<4x?x128xbf16>
}

// -----

func.func @q_heads_zero(%a0: tensor<4x0x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x0x128xbf16>) {
  // expected-error @+1 {{the number of query heads (dimension 1 of 'q') must be between 1 and 65536, got 0}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x0x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x0x128xbf16>
  return %r0 : tensor<4x0x128xbf16>
}

// -----

func.func @q_head_dim_mismatch(%a0: tensor<4x32x64xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{dimension 2 of 'q' (64) must equal the head dimension of 'k_cache' (128)}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x64xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

//===----------------------------------------------------------------------===//
// Cache layout and paged caches.
//===----------------------------------------------------------------------===//

func.func @layout_vllm(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x16x8xbf16>, %a2: tensor<?x8x128x16xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{layout 'vllm' is only accepted by attn.paged_attention and attn.append_kv; use 'nhd' or 'hnd'}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<vllm>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x16x8xbf16>, tensor<?x8x128x16xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @k_cache_rank3(%a0: tensor<4x32x128xbf16>, %a1: tensor<8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{expects 'k_cache' of rank 4 (HND: [num_pages, Hkv, page_size, D]), got 'tensor<8x16x128xbf16>'}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @v_cache_rank5_nhd(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x16x8x128xbf16>, %a2: tensor<?x16x8x128x1xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{expects 'v_cache' of rank 4 (NHD: [num_pages, page_size, Hkv, D]), got 'tensor<?x16x8x128x1xbf16>'}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<nhd>}
      : (tensor<4x32x128xbf16>, tensor<?x16x8x128xbf16>, tensor<?x16x8x128x1xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @page_size_dynamic(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x?x128xbf16>, %a2: tensor<?x8x?x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{the page size (dimension 2 of 'k_cache') must be static}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x?x128xbf16>, tensor<?x8x?x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @page_size_zero_hnd(%a0: tensor<4x32x128xbf16>, %a1: tensor<4x8x0x128xbf16>, %a2: tensor<4x8x0x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{page_size (dimension 2 of 'k_cache') must be positive, got 0}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<4x8x0x128xbf16>, tensor<4x8x0x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @page_size_zero_nhd(%a0: tensor<4x32x128xbf16>, %a1: tensor<4x0x8x128xbf16>, %a2: tensor<4x0x8x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{page_size (dimension 1 of 'k_cache') must be positive, got 0}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<nhd>}
      : (tensor<4x32x128xbf16>, tensor<4x0x8x128xbf16>, tensor<4x0x8x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @v_page_size_zero(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x0x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{page_size (dimension 2 of 'v_cache') must be positive, got 0}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x0x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @kv_heads_dynamic(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x?x16x128xbf16>, %a2: tensor<?x?x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{the number of key/value heads (dimension 1 of 'k_cache') must be static}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x?x16x128xbf16>, tensor<?x?x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @kv_heads_zero(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x0x16x128xbf16>, %a2: tensor<?x0x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{the number of key/value heads (dimension 1 of 'k_cache') must be between 1 and 65536, got 0}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x0x16x128xbf16>, tensor<?x0x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @k_head_dim_dynamic(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x?xbf16>, %a2: tensor<?x8x16x?xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{the head dimension (dimension 3 of 'k_cache') must be static}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x?xbf16>, tensor<?x8x16x?xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @v_head_dim_dynamic(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x?xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x?xbf16>) {
  // expected-error @+1 {{the head dimension (dimension 3 of 'v_cache') must be static}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x?xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x?xbf16>
  return %r0 : tensor<4x32x?xbf16>
}

// -----

func.func @all_dynamic(%a0: tensor<?x?x?xbf16>, %a1: tensor<?x?x?x?xbf16>, %a2: tensor<?x?x?x?xbf16>, %a3: tensor<?xi32>, %a4: tensor<?xi32>, %a5: tensor<?xi32>) -> (tensor<?x?x?xbf16>) {
  // expected-error @+1 {{the number of query heads (dimension 1 of 'q') must be static}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<?x?x?xbf16>, tensor<?x?x?x?xbf16>, tensor<?x?x?x?xbf16>, tensor<?xi32>, tensor<?xi32>, tensor<?xi32>) -> tensor<?x?x?xbf16>
  return %r0 : tensor<?x?x?xbf16>
}

// -----

func.func @k_head_dim_too_large(%a0: tensor<4x32x2048xbf16>, %a1: tensor<?x8x16x2048xbf16>, %a2: tensor<?x8x16x2048xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x2048xbf16>) {
  // expected-error @+1 {{head dimension 2048 of 'q' is not supported (expected 1 to 1024)}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x2048xbf16>, tensor<?x8x16x2048xbf16>, tensor<?x8x16x2048xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x2048xbf16>
  return %r0 : tensor<4x32x2048xbf16>
}

// -----

func.func @v_head_dim_too_large(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x2048xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x2048xbf16>) {
  // expected-error @+1 {{head dimension 2048 of 'v_cache' is not supported (expected 1 to 1024)}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x2048xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x2048xbf16>
  return %r0 : tensor<4x32x2048xbf16>
}

// -----

func.func @num_pages_mismatch(%a0: tensor<4x32x128xbf16>, %a1: tensor<32x8x16x128xbf16>, %a2: tensor<16x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{dimension 0 of 'v_cache' (16) must equal the number of pages of 'k_cache' (32)}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<32x8x16x128xbf16>, tensor<16x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @v_page_size_mismatch(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x32x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{'v_cache' 'tensor<?x8x32x128xbf16>' must have the page size and number of heads of 'k_cache' 'tensor<?x8x16x128xbf16>'}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x32x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @v_heads_mismatch(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x16x8x128xbf16>, %a2: tensor<?x16x4x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{'v_cache' 'tensor<?x16x4x128xbf16>' must have the page size and number of heads of 'k_cache' 'tensor<?x16x8x128xbf16>'}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<nhd>}
      : (tensor<4x32x128xbf16>, tensor<?x16x8x128xbf16>, tensor<?x16x4x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

//===----------------------------------------------------------------------===//
// Page-table operands.
//===----------------------------------------------------------------------===//

func.func @kv_indptr_f32(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xf32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{expects 'kv_indptr' to be a 1-D tensor of i32 or i64, got 'tensor<5xf32>'}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xf32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @kv_indptr_i16(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi16>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{expects 'kv_indptr' to be a 1-D tensor of i32 or i64, got 'tensor<5xi16>'}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi16>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @kv_indices_f16(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xf16>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{expects 'kv_indices' to be a 1-D tensor of i32 or i64, got 'tensor<?xf16>'}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xf16>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @kv_last_page_len_i8(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi8>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{expects 'kv_last_page_len' to be a 1-D tensor of i32 or i64, got 'tensor<4xi8>'}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi8>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @kv_indptr_empty(%a0: tensor<?x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<0xi32>, %a4: tensor<?xi32>, %a5: tensor<?xi32>) -> (tensor<?x32x128xbf16>) {
  // expected-error @+1 {{'kv_indptr' must have at least one element (B + 1)}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<?x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<0xi32>, tensor<?xi32>, tensor<?xi32>) -> tensor<?x32x128xbf16>
  return %r0 : tensor<?x32x128xbf16>
}

// -----

func.func @last_page_len_length(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<5xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{dimension 0 of 'kv_last_page_len' (5) must equal the batch size from 'kv_indptr' (4)}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<5xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @kv_indptr_vs_batch(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<3xi32>, %a4: tensor<?xi32>, %a5: tensor<2xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{'kv_indptr' has 3 elements but the batch size is 4 (expected B + 1 = 5)}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @kv_indptr_vs_batch_dynamic_last(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<9xi64>, %a4: tensor<?xi32>, %a5: tensor<?xi64>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{'kv_indptr' has 9 elements but the batch size is 4 (expected B + 1 = 5)}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<9xi64>, tensor<?xi32>, tensor<?xi64>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

//===----------------------------------------------------------------------===//
// Heads, element types and results (shared checks).
//===----------------------------------------------------------------------===//

func.func @gqa_not_divisible(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x6x16x128xbf16>, %a2: tensor<?x6x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{number of query heads (32) must be a multiple of the number of key/value heads (6)}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x6x16x128xbf16>, tensor<?x6x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @q_i8(%a0: tensor<4x32x128xi8>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{'q' has unsupported element type 'i8' (expected f32, f16, bf16 or f8E4M3FN)}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xi8>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @q_f64(%a0: tensor<4x32x128xf64>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{'q' has unsupported element type 'f64' (expected f32, f16, bf16 or f8E4M3FN)}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xf64>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @v_cache_f64(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xf64>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{'v_cache' has unsupported element type 'f64' (expected f32, f16, bf16 or f8E4M3FN)}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xf64>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @cache_type_mismatch(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xf8E4M3FN>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{'k_cache' and 'v_cache' must have the same element type, got 'f8E4M3FN' and 'bf16'}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xf8E4M3FN>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @q_cache_type_mismatch(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xf32>, %a2: tensor<?x8x16x128xf32>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{'q' and 'k_cache' must have the same element type unless the keys are f8E4M3FN, got 'bf16' and 'f32'}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xf32>, tensor<?x8x16x128xf32>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @out_shape(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<8x32x128xbf16>) {
  // expected-error @+1 {{expects 'out' of shape query tokens x [Hq, Dv] = [4, 32, 128], got 'tensor<8x32x128xbf16>'}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<8x32x128xbf16>
  return %r0 : tensor<8x32x128xbf16>
}

// -----

func.func @out_rank(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x1x32x128xbf16>) {
  // expected-error @+1 {{expects 'out' of rank 3 (query tokens x [Hq, Dv]), got 'tensor<4x1x32x128xbf16>'}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x1x32x128xbf16>
  return %r0 : tensor<4x1x32x128xbf16>
}

// -----

func.func @out_i16(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xi16>) {
  // expected-error @+1 {{'out' has unsupported element type 'i16' (expected f32, f16, bf16 or f8E4M3FN)}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xi16>
  return %r0 : tensor<4x32x128xi16>
}

// -----

func.func @lse_with_none(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>, tensor<4x32xf32>) {
  // expected-error @+1 {{an 'lse' result requires the softmax normalizer, got none}}
  %r0, %r1 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>, normalizer = #attn.normalizer<none>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> (tensor<4x32x128xbf16>, tensor<4x32xf32>)
  return %r0, %r1 : tensor<4x32x128xbf16>, tensor<4x32xf32>
}

// -----

func.func @lse_with_sigmoid(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>, tensor<4x32xf32>) {
  // expected-error @+1 {{an 'lse' result requires the softmax normalizer, got sigmoid}}
  %r0, %r1 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>, normalizer = #attn.normalizer<sigmoid>, sigmoid_bias = -1.0 : f32}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> (tensor<4x32x128xbf16>, tensor<4x32xf32>)
  return %r0, %r1 : tensor<4x32x128xbf16>, tensor<4x32xf32>
}

// -----

func.func @lse_shape(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>, tensor<4x8xf32>) {
  // expected-error @+1 {{expects 'lse' of shape query tokens x [Hq] = [4, 32], got 'tensor<4x8xf32>'}}
  %r0, %r1 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> (tensor<4x32x128xbf16>, tensor<4x8xf32>)
  return %r0, %r1 : tensor<4x32x128xbf16>, tensor<4x8xf32>
}

// -----

func.func @lse_rank(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>, tensor<4x32x1xf32>) {
  // expected-error @+1 {{expects 'lse' of rank 2 (query tokens x [Hq]), got 'tensor<4x32x1xf32>'}}
  %r0, %r1 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> (tensor<4x32x128xbf16>, tensor<4x32x1xf32>)
  return %r0, %r1 : tensor<4x32x128xbf16>, tensor<4x32x1xf32>
}

// -----

func.func @lse_f16(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>, tensor<4x32xf16>) {
  // expected-error @+1 {{'lse' must have element type f32, got 'f16'}}
  %r0, %r1 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> (tensor<4x32x128xbf16>, tensor<4x32xf16>)
  return %r0, %r1 : tensor<4x32x128xbf16>, tensor<4x32xf16>
}

// -----

//===----------------------------------------------------------------------===//
// Attributes.
//===----------------------------------------------------------------------===//

func.func @scale_zero(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{'scale' must be positive and finite, got 0.000000e+00}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>, scale = 0.0 : f32}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @scale_negative(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{'scale' must be positive and finite, got -1.000000e+00}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>, scale = -1.0 : f32}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @softcap_zero(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{'softcap' must be positive and finite, got 0.000000e+00}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>, softcap = 0.0 : f32}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @softcap_negative(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{'softcap' must be positive and finite, got -3.000000e+01}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>, softcap = -30.0 : f32}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @window_three_elements(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{'window' must have 2 elements (left, right), got 3}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>, window = array<i64: 1, 2, 3>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @window_bound(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{'window' bounds must be >= -1 (-1 = unbounded), got -3}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>, window = array<i64: -3, 0>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @causal_with_right_bound(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{'causal' conflicts with the window's right bound 16 (causal means a right bound of 0)}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>, causal, window = array<i64: 1024, 16>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @sigmoid_bias_without_sigmoid(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{'sigmoid_bias' requires the sigmoid normalizer}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>, sigmoid_bias = 0.5 : f32}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @sigmoid_bias_inf(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{'sigmoid_bias' must be finite}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>, normalizer = #attn.normalizer<sigmoid>, sigmoid_bias = 0x7F800000 : f32}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @rope_dim_exceeds_head_dim(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{RoPE rotary dim 130 exceeds the query/key head dimension 128}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>, rope = #attn.rope<theta = 10000.0, dim = 130, style = neox>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

//===----------------------------------------------------------------------===//
// Optional operands.
//===----------------------------------------------------------------------===//

func.func @alibi_wrong_batch(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>, %a6: tensor<2x32xf32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{expects 'alibi_slopes' to be an f32 tensor of shape [Hq] or [B, Hq] with Hq = 32, got 'tensor<2x32xf32>'}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) alibi_slopes(%a6) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<2x32xf32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @alibi_wrong_heads(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>, %a6: tensor<8xf32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{expects 'alibi_slopes' to be an f32 tensor of shape [Hq] or [B, Hq] with Hq = 32, got 'tensor<8xf32>'}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) alibi_slopes(%a6) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<8xf32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @alibi_rank0(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>, %a6: tensor<f32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{expects 'alibi_slopes' to be an f32 tensor of shape [Hq] or [B, Hq] with Hq = 32, got 'tensor<f32>'}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) alibi_slopes(%a6) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<f32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @positions_without_rope(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>, %a6: tensor<4xi64>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{'positions' are only meaningful with a 'rope' attribute}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) positions(%a6) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<4xi64>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @positions_f32(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>, %a6: tensor<4xf32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{expects 'positions' to be a 1-D tensor of i32 or i64, got 'tensor<4xf32>'}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) positions(%a6) {layout = #attn.kv_layout<hnd>, rope = #attn.rope<theta = 500000.0, dim = 64, style = neox>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<4xf32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @positions_length(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>, %a6: tensor<5xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{expects 'positions' of shape query tokens = [4], got 'tensor<5xi32>'}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) positions(%a6) {layout = #attn.kv_layout<hnd>, rope = #attn.rope<theta = 500000.0, dim = 64, style = neox>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<5xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @q_descale_on_bf16(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>, %a6: tensor<f32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{'q_descale' requires 'q' to be f8E4M3FN, got 'bf16'}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) q_descale(%a6) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<f32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @k_descale_on_bf16(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>, %a6: tensor<8xf32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{'k_descale' requires 'k_cache' to be f8E4M3FN, got 'bf16'}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) k_descale(%a6) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<8xf32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @v_descale_on_bf16(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>, %a6: tensor<8xf32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{'v_descale' requires 'v_cache' to be f8E4M3FN, got 'bf16'}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) v_descale(%a6) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<8xf32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @k_descale_wrong_heads(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xf8E4M3FN>, %a2: tensor<?x8x16x128xf8E4M3FN>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>, %a6: tensor<32xf32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{expects 'k_descale' to be an f32 tensor of shape [], [1] or [8] (per head), got 'tensor<32xf32>'}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) k_descale(%a6) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xf8E4M3FN>, tensor<?x8x16x128xf8E4M3FN>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<32xf32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @o_scale_on_bf16(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>, %a6: tensor<1xf32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{'o_scale' requires an f8E4M3FN output, got 'bf16'}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) o_scale(%a6) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<1xf32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @o_scale_f16(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>, %a6: tensor<f16>) -> (tensor<4x32x128xf8E4M3FN>) {
  // expected-error @+1 {{expects 'o_scale' to be an f32 tensor of shape [] or [1], got 'tensor<f16>'}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) o_scale(%a6) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<f16>) -> tensor<4x32x128xf8E4M3FN>
  return %r0 : tensor<4x32x128xf8E4M3FN>
}

// -----

//===----------------------------------------------------------------------===//
// score_mod and mask_mod regions.
//===----------------------------------------------------------------------===//

func.func @score_mod_wrong_order(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{'score_mod' region must take (f32 score, index b, index h, index q_idx, index kv_idx), got ('index', 'index', 'index', 'index', 'f32')}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>} score_mod {
  ^bb0(%b: index, %h: index, %i: index, %j: index, %s: f32):
    attn.yield %s : f32
  }
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @score_mod_yields_f16(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>} score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
    %t = arith.truncf %s : f32 to f16
    // expected-error @+1 {{'attn.yield' op in 'score_mod' must yield one 'f32' value}}
    attn.yield %t : f16
  }
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @mask_mod_f32_args(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{'mask_mod' region must take (index b, index h, index q_idx, index kv_idx), got ('f32', 'f32', 'f32', 'f32')}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>} mask_mod {
  ^bb0(%b: f32, %h: f32, %i: f32, %j: f32):
    %t = arith.constant true
    attn.yield %t : i1
  }
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @mask_mod_yields_nothing(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>} mask_mod {
  ^bb0(%b: index, %h: index, %i: index, %j: index):
    // expected-error @+1 {{'attn.yield' op in 'mask_mod' must yield one 'i1' value}}
    attn.yield
  }
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @score_mod_two_blocks(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{'score_mod' region must have exactly one block}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>} score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
    attn.yield %s : f32
  ^bb1:
    %c = arith.constant 0.0 : f32
    attn.yield %c : f32
  }
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @mask_mod_not_yield(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{'mask_mod' region must end with 'attn.yield'}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>} mask_mod {
  ^bb0(%b: index, %h: index, %i: index, %j: index):
    llvm.unreachable
  }
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

//===----------------------------------------------------------------------===//
// ODS-level constraints.
//===----------------------------------------------------------------------===//

func.func @missing_layout(%a0: tensor<4x32x128xbf16>, %a1: tensor<?x8x16x128xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{'attn.batch_decode' op requires attribute 'layout'}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5)
      : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}

// -----

func.func @unranked_cache(%a0: tensor<4x32x128xbf16>, %a1: tensor<*xbf16>, %a2: tensor<?x8x16x128xbf16>, %a3: tensor<5xi32>, %a4: tensor<?xi32>, %a5: tensor<4xi32>) -> (tensor<4x32x128xbf16>) {
  // expected-error @+1 {{operand #1 must be ranked tensor of any type values, but got 'tensor<*xbf16>'}}
  %r0 = attn.batch_decode q(%a0) k_cache(%a1) v_cache(%a2) kv_indptr(%a3) kv_indices(%a4) kv_last_page_len(%a5) {layout = #attn.kv_layout<hnd>}
      : (tensor<4x32x128xbf16>, tensor<*xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %r0 : tensor<4x32x128xbf16>
}
