// RUN: attn-opt %s -split-input-file -verify-diagnostics

// Malformed attn.batch_prefill ops: BatchPrefillOp::verify, the FlashInfer
// paged-cache checks (verifyPagedCache, verifyPagedKV), the shared attention
// checks and the score_mod/mask_mod region checks.

//===----------------------------------------------------------------------===//
// Queries and qo_indptr.
//===----------------------------------------------------------------------===//

func.func @q_rank4(%a0: tensor<2x16x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{'attn.batch_prefill' op expects 'q' of rank 3 ([Tq, Hq, D]), got 'tensor<2x16x32x128xf16>'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<2x16x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @q_rank0(%a0: tensor<f16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{expects 'q' of rank 3 ([Tq, Hq, D]), got 'tensor<f16>'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<f16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @q_heads_dynamic(%a0: tensor<?x?x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x?x128xf16>) {
  // expected-error @+1 {{the number of query heads (dimension 1 of 'q') must be static}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x?x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x?x128xf16>
  return %r0 : tensor<?x?x128xf16>
}

// -----

func.func @q_heads_zero(%a0: tensor<?x0x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x0x128xf16>) {
  // expected-error @+1 {{the number of query heads (dimension 1 of 'q') must be between 1 and 65536, got 0}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x0x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x0x128xf16>
  return %r0 : tensor<?x0x128xf16>
}

// -----

func.func @qo_indptr_f32(%a0: tensor<?x32x128xf16>, %a1: tensor<5xf32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{expects 'qo_indptr' to be a 1-D tensor of i32 or i64, got 'tensor<5xf32>'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xf32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @qo_indptr_i16(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi16>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{expects 'qo_indptr' to be a 1-D tensor of i32 or i64, got 'tensor<5xi16>'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi16>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @qo_indptr_rank2(%a0: tensor<?x32x128xf16>, %a1: tensor<1x5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{expects 'qo_indptr' to be a 1-D tensor of i32 or i64, got 'tensor<1x5xi32>'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<1x5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @qo_indptr_empty(%a0: tensor<?x32x128xf16>, %a1: tensor<0xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{'qo_indptr' must have at least one element (B + 1)}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<0xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

//===----------------------------------------------------------------------===//
// Cache layout and paged caches.
//===----------------------------------------------------------------------===//

func.func @layout_vllm(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x8x16x16x8xf16>, %a3: tensor<?x8x128x16xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{layout 'vllm' is only accepted by attn.paged_attention and attn.append_kv; use 'nhd' or 'hnd'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<vllm>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x8x16x16x8xf16>, tensor<?x8x128x16xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @k_cache_rank5_nhd(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x8x16x16x8xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{expects 'k_cache' of rank 4 (NHD: [num_pages, page_size, Hkv, D]), got 'tensor<?x8x16x16x8xf16>'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x8x16x16x8xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @k_cache_rank3_hnd(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<8x16x128xf16>, %a3: tensor<?x8x16x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{expects 'k_cache' of rank 4 (HND: [num_pages, Hkv, page_size, D]), got 'tensor<8x16x128xf16>'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<hnd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<8x16x128xf16>, tensor<?x8x16x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @v_cache_rank3(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{expects 'v_cache' of rank 4 (NHD: [num_pages, page_size, Hkv, D]), got 'tensor<16x8x128xf16>'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @page_size_dynamic_nhd(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x?x8x128xf16>, %a3: tensor<?x?x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{the page size (dimension 1 of 'k_cache') must be static}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x?x8x128xf16>, tensor<?x?x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @page_size_dynamic_hnd(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x8x?x128xf16>, %a3: tensor<?x8x?x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{the page size (dimension 2 of 'k_cache') must be static}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<hnd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x8x?x128xf16>, tensor<?x8x?x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @page_size_zero_nhd(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<4x0x8x128xf16>, %a3: tensor<4x0x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{page_size (dimension 1 of 'k_cache') must be positive, got 0}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<4x0x8x128xf16>, tensor<4x0x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @page_size_zero_hnd(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<4x8x0x128xf16>, %a3: tensor<4x8x0x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{page_size (dimension 2 of 'k_cache') must be positive, got 0}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<hnd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<4x8x0x128xf16>, tensor<4x8x0x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @v_page_size_zero(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<4x16x8x128xf16>, %a3: tensor<4x0x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{page_size (dimension 1 of 'v_cache') must be positive, got 0}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<4x16x8x128xf16>, tensor<4x0x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @kv_heads_dynamic(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x?x128xf16>, %a3: tensor<?x16x?x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{the number of key/value heads (dimension 2 of 'k_cache') must be static}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x?x128xf16>, tensor<?x16x?x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @kv_heads_zero_hnd(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x0x16x128xf16>, %a3: tensor<?x0x16x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{the number of key/value heads (dimension 1 of 'k_cache') must be between 1 and 65536, got 0}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<hnd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x0x16x128xf16>, tensor<?x0x16x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @k_head_dim_dynamic(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x?xf16>, %a3: tensor<?x16x8x?xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{the head dimension (dimension 3 of 'k_cache') must be static}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x?xf16>, tensor<?x16x8x?xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @v_head_dim_dynamic(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x?xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{the head dimension (dimension 3 of 'v_cache') must be static}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x?xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @all_dynamic(%a0: tensor<?x32x?xf16>, %a1: tensor<?xi32>, %a2: tensor<?x?x?x?xf16>, %a3: tensor<?x?x?x?xf16>, %a4: tensor<?xi32>, %a5: tensor<?xi32>, %a6: tensor<?xi32>) -> (tensor<?x32x?xf16>) {
  // expected-error @+1 {{the head dimension (dimension 2 of 'q') must be static}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x?xf16>, tensor<?xi32>, tensor<?x?x?x?xf16>, tensor<?x?x?x?xf16>, tensor<?xi32>, tensor<?xi32>, tensor<?xi32>) -> tensor<?x32x?xf16>
  return %r0 : tensor<?x32x?xf16>
}

// -----

func.func @k_head_dim_too_large(%a0: tensor<?x32x2048xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x2048xf16>, %a3: tensor<?x16x8x2048xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x2048xf16>) {
  // expected-error @+1 {{head dimension 2048 of 'q' is not supported (expected 1 to 1024)}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x2048xf16>, tensor<5xi32>, tensor<?x16x8x2048xf16>, tensor<?x16x8x2048xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x2048xf16>
  return %r0 : tensor<?x32x2048xf16>
}

// -----

func.func @v_head_dim_too_large(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x2048xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x2048xf16>) {
  // expected-error @+1 {{head dimension 2048 of 'v_cache' is not supported (expected 1 to 1024)}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x2048xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x2048xf16>
  return %r0 : tensor<?x32x2048xf16>
}

// -----

func.func @k_head_dim_zero(%a0: tensor<?x32x0xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x0xf16>, %a3: tensor<?x16x8x0xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x0xf16>) {
  // expected-error @+1 {{head dimension 0 of 'q' is not supported (expected 1 to 1024)}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x0xf16>, tensor<5xi32>, tensor<?x16x8x0xf16>, tensor<?x16x8x0xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x0xf16>
  return %r0 : tensor<?x32x0xf16>
}

// -----

func.func @num_pages_mismatch(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<4x16x8x128xf16>, %a3: tensor<5x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{dimension 0 of 'v_cache' (5) must equal the number of pages of 'k_cache' (4)}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<4x16x8x128xf16>, tensor<5x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @v_page_size_mismatch(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x32x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{'v_cache' 'tensor<?x32x8x128xf16>' must have the page size and number of heads of 'k_cache' 'tensor<?x16x8x128xf16>'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x32x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @v_heads_mismatch_hnd(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x8x16x128xf16>, %a3: tensor<?x4x16x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{'v_cache' 'tensor<?x4x16x128xf16>' must have the page size and number of heads of 'k_cache' 'tensor<?x8x16x128xf16>'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<hnd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x8x16x128xf16>, tensor<?x4x16x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

//===----------------------------------------------------------------------===//
// Page-table operands.
//===----------------------------------------------------------------------===//

func.func @kv_indptr_f32(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xf32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{expects 'kv_indptr' to be a 1-D tensor of i32 or i64, got 'tensor<5xf32>'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xf32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @kv_indices_i16(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi16>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{expects 'kv_indices' to be a 1-D tensor of i32 or i64, got 'tensor<?xi16>'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi16>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @kv_indices_rank0(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<i32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{expects 'kv_indices' to be a 1-D tensor of i32 or i64, got 'tensor<i32>'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<i32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @kv_last_page_len_rank2(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4x1xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{expects 'kv_last_page_len' to be a 1-D tensor of i32 or i64, got 'tensor<4x1xi32>'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4x1xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @kv_last_page_len_index(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xindex>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{expects 'kv_last_page_len' to be a 1-D tensor of i32 or i64, got 'tensor<4xindex>'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xindex>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @kv_indptr_empty(%a0: tensor<?x32x128xf16>, %a1: tensor<?xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<0xi32>, %a5: tensor<?xi32>, %a6: tensor<?xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{'kv_indptr' must have at least one element (B + 1)}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<?xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<0xi32>, tensor<?xi32>, tensor<?xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @last_page_len_length(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<3xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{dimension 0 of 'kv_last_page_len' (3) must equal the batch size from 'kv_indptr' (4)}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<3xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @kv_indptr_vs_qo_indptr(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<6xi64>, %a5: tensor<?xi32>, %a6: tensor<5xi64>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{'kv_indptr' has 6 elements but the batch size is 4 (expected B + 1 = 5)}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<6xi64>, tensor<?xi32>, tensor<5xi64>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @q_head_dim_mismatch(%a0: tensor<?x32x64xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{dimension 2 of 'q' (64) must equal the head dimension of 'k_cache' (128)}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x64xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

//===----------------------------------------------------------------------===//
// Heads, element types and results (shared checks).
//===----------------------------------------------------------------------===//

func.func @gqa_not_divisible(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x6x128xf16>, %a3: tensor<?x16x6x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{number of query heads (32) must be a multiple of the number of key/value heads (6)}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x6x128xf16>, tensor<?x16x6x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @q_i8(%a0: tensor<?x32x128xi8>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{'q' has unsupported element type 'i8' (expected f32, f16, bf16 or f8E4M3FN)}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xi8>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @q_f64(%a0: tensor<?x32x128xf64>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf64>, %a3: tensor<?x16x8x128xf64>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf64>) {
  // expected-error @+1 {{'q' has unsupported element type 'f64' (expected f32, f16, bf16 or f8E4M3FN)}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf64>, tensor<5xi32>, tensor<?x16x8x128xf64>, tensor<?x16x8x128xf64>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf64>
  return %r0 : tensor<?x32x128xf64>
}

// -----

func.func @k_cache_i8(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xi8>, %a3: tensor<?x16x8x128xi8>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{'k_cache' has unsupported element type 'i8' (expected f32, f16, bf16 or f8E4M3FN)}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xi8>, tensor<?x16x8x128xi8>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @cache_type_mismatch(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xbf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{'k_cache' and 'v_cache' must have the same element type, got 'f16' and 'bf16'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @q_cache_type_mismatch(%a0: tensor<?x32x128xbf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xbf16>) {
  // expected-error @+1 {{'q' and 'k_cache' must have the same element type unless the keys are f8E4M3FN, got 'bf16' and 'f16'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xbf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xbf16>
  return %r0 : tensor<?x32x128xbf16>
}

// -----

func.func @out_shape(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x8x128xf16>) {
  // expected-error @+1 {{expects 'out' of shape query tokens x [Hq, Dv] = [?, 32, 128], got 'tensor<?x8x128xf16>'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x8x128xf16>
  return %r0 : tensor<?x8x128xf16>
}

// -----

func.func @out_uses_v_head_dim(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x64xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{expects 'out' of shape query tokens x [Hq, Dv] = [?, 32, 64], got 'tensor<?x32x128xf16>'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x64xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @out_rank(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32xf16>) {
  // expected-error @+1 {{expects 'out' of rank 3 (query tokens x [Hq, Dv]), got 'tensor<?x32xf16>'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32xf16>
  return %r0 : tensor<?x32xf16>
}

// -----

func.func @out_f64(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf64>) {
  // expected-error @+1 {{'out' has unsupported element type 'f64' (expected f32, f16, bf16 or f8E4M3FN)}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf64>
  return %r0 : tensor<?x32x128xf64>
}

// -----

func.func @lse_with_sigmoid(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>, tensor<?x32xf32>) {
  // expected-error @+1 {{an 'lse' result requires the softmax normalizer, got sigmoid}}
  %r0, %r1 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>, normalizer = #attn.normalizer<sigmoid>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> (tensor<?x32x128xf16>, tensor<?x32xf32>)
  return %r0, %r1 : tensor<?x32x128xf16>, tensor<?x32xf32>
}

// -----

func.func @lse_shape(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>, tensor<?x8xf32>) {
  // expected-error @+1 {{expects 'lse' of shape query tokens x [Hq] = [?, 32], got 'tensor<?x8xf32>'}}
  %r0, %r1 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> (tensor<?x32x128xf16>, tensor<?x8xf32>)
  return %r0, %r1 : tensor<?x32x128xf16>, tensor<?x8xf32>
}

// -----

func.func @lse_rank(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>, tensor<?xf32>) {
  // expected-error @+1 {{expects 'lse' of rank 2 (query tokens x [Hq]), got 'tensor<?xf32>'}}
  %r0, %r1 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> (tensor<?x32x128xf16>, tensor<?xf32>)
  return %r0, %r1 : tensor<?x32x128xf16>, tensor<?xf32>
}

// -----

func.func @lse_bf16(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>, tensor<?x32xbf16>) {
  // expected-error @+1 {{'lse' must have element type f32, got 'bf16'}}
  %r0, %r1 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> (tensor<?x32x128xf16>, tensor<?x32xbf16>)
  return %r0, %r1 : tensor<?x32x128xf16>, tensor<?x32xbf16>
}

// -----

//===----------------------------------------------------------------------===//
// Attributes.
//===----------------------------------------------------------------------===//

func.func @scale_zero(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{'scale' must be positive and finite, got 0.000000e+00}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>, scale = 0.0 : f32}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @scale_negative(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{'scale' must be positive and finite, got -8.838835e-02}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>, scale = -0.0883883461 : f32}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @softcap_negative(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{'softcap' must be positive and finite, got -5.000000e+01}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>, softcap = -50.0 : f32}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @softcap_zero(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{'softcap' must be positive and finite, got 0.000000e+00}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>, softcap = 0.0 : f32}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @window_one_element(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{'window' must have 2 elements (left, right), got 1}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>, window = array<i64: 256>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @window_bound(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{'window' bounds must be >= -1 (-1 = unbounded), got -5}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>, window = array<i64: -5, -1>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @causal_with_right_bound(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{'causal' conflicts with the window's right bound 1 (causal means a right bound of 0)}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>, causal, window = array<i64: -1, 1>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @sigmoid_bias_without_sigmoid(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{'sigmoid_bias' requires the sigmoid normalizer}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>, normalizer = #attn.normalizer<softmax>, sigmoid_bias = 1.0 : f32}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @sigmoid_bias_nan(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{'sigmoid_bias' must be finite}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>, normalizer = #attn.normalizer<sigmoid>, sigmoid_bias = 0x7FC00000 : f32}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @rope_dim_exceeds_head_dim(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{RoPE rotary dim 256 exceeds the query/key head dimension 128}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>, rope = #attn.rope<theta = 10000.0, dim = 256, style = interleaved>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

//===----------------------------------------------------------------------===//
// Optional operands.
//===----------------------------------------------------------------------===//

func.func @alibi_wrong_batch(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>, %a7: tensor<3x32xf32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{expects 'alibi_slopes' to be an f32 tensor of shape [Hq] or [B, Hq] with Hq = 32, got 'tensor<3x32xf32>'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) alibi_slopes(%a7) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<3x32xf32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @alibi_wrong_heads(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>, %a7: tensor<4x8xf32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{expects 'alibi_slopes' to be an f32 tensor of shape [Hq] or [B, Hq] with Hq = 32, got 'tensor<4x8xf32>'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) alibi_slopes(%a7) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<4x8xf32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @alibi_bf16(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>, %a7: tensor<32xbf16>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{expects 'alibi_slopes' to be an f32 tensor of shape [Hq] or [B, Hq] with Hq = 32, got 'tensor<32xbf16>'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) alibi_slopes(%a7) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<32xbf16>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @positions_without_rope(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>, %a7: tensor<?xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{'positions' are only meaningful with a 'rope' attribute}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) positions(%a7) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<?xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @positions_f32(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>, %a7: tensor<?xf32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{expects 'positions' to be a 1-D tensor of i32 or i64, got 'tensor<?xf32>'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) positions(%a7) {layout = #attn.kv_layout<nhd>, rope = #attn.rope<theta = 10000.0, dim = 128, style = neox>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<?xf32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @positions_rank2(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>, %a7: tensor<4x8xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{expects 'positions' to be a 1-D tensor of i32 or i64, got 'tensor<4x8xi32>'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) positions(%a7) {layout = #attn.kv_layout<nhd>, rope = #attn.rope<theta = 10000.0, dim = 128, style = neox>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<4x8xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @positions_length(%a0: tensor<10x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>, %a7: tensor<7xi64>) -> (tensor<10x32x128xf16>) {
  // expected-error @+1 {{expects 'positions' of shape query tokens = [10], got 'tensor<7xi64>'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) positions(%a7) {layout = #attn.kv_layout<nhd>, rope = #attn.rope<theta = 10000.0, dim = 128, style = neox>}
      : (tensor<10x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<7xi64>) -> tensor<10x32x128xf16>
  return %r0 : tensor<10x32x128xf16>
}

// -----

func.func @q_descale_on_f16(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>, %a7: tensor<f32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{'q_descale' requires 'q' to be f8E4M3FN, got 'f16'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) q_descale(%a7) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<f32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @k_descale_on_f16(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>, %a7: tensor<1xf32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{'k_descale' requires 'k_cache' to be f8E4M3FN, got 'f16'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) k_descale(%a7) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<1xf32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @v_descale_wrong_heads(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf8E4M3FN>, %a3: tensor<?x16x8x128xf8E4M3FN>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>, %a7: tensor<32xf32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{expects 'v_descale' to be an f32 tensor of shape [], [1] or [8] (per head), got 'tensor<32xf32>'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) v_descale(%a7) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf8E4M3FN>, tensor<?x16x8x128xf8E4M3FN>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<32xf32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @o_scale_on_f16(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>, %a7: tensor<f32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{'o_scale' requires an f8E4M3FN output, got 'f16'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) o_scale(%a7) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<f32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @o_scale_shape(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>, %a7: tensor<2xf32>) -> (tensor<?x32x128xf8E4M3FN>) {
  // expected-error @+1 {{expects 'o_scale' to be an f32 tensor of shape [] or [1], got 'tensor<2xf32>'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) o_scale(%a7) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>, tensor<2xf32>) -> tensor<?x32x128xf8E4M3FN>
  return %r0 : tensor<?x32x128xf8E4M3FN>
}

// -----

//===----------------------------------------------------------------------===//
// score_mod and mask_mod regions.
//===----------------------------------------------------------------------===//

func.func @score_mod_i64_indices(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{'score_mod' region must take (f32 score, index b, index h, index q_idx, index kv_idx), got ('f32', 'i64', 'i64', 'i64', 'i64')}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>} score_mod {
  ^bb0(%s: f32, %b: i64, %h: i64, %i: i64, %j: i64):
    attn.yield %s : f32
  }
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @score_mod_yields_i1(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>} score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
    %m = arith.cmpi sge, %i, %j : index
    // expected-error @+1 {{'attn.yield' op in 'score_mod' must yield one 'f32' value}}
    attn.yield %m : i1
  }
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @mask_mod_three_args(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{'mask_mod' region must take (index b, index h, index q_idx, index kv_idx), got ('index', 'index', 'index')}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>} mask_mod {
  ^bb0(%h: index, %i: index, %j: index):
    %m = arith.cmpi sge, %i, %j : index
    attn.yield %m : i1
  }
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @mask_mod_yields_i32(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>} mask_mod {
  ^bb0(%b: index, %h: index, %i: index, %j: index):
    %c = arith.constant 1 : i32
    // expected-error @+1 {{'attn.yield' op in 'mask_mod' must yield one 'i1' value}}
    attn.yield %c : i32
  }
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @mask_mod_two_blocks(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{'mask_mod' region must have exactly one block}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>} mask_mod {
  ^bb0(%b: index, %h: index, %i: index, %j: index):
    %m = arith.cmpi sge, %i, %j : index
    attn.yield %m : i1
  ^bb1:
    %t = arith.constant true
    attn.yield %t : i1
  }
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @mask_mod_no_yield(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{'mask_mod' region must end with 'attn.yield'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nhd>} mask_mod {
  ^bb0(%b: index, %h: index, %i: index, %j: index):
    llvm.unreachable
  }
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

//===----------------------------------------------------------------------===//
// ODS-level constraints.
//===----------------------------------------------------------------------===//

func.func @missing_layout(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{'attn.batch_prefill' op requires attribute 'layout'}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6)
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

func.func @layout_not_enum(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+1 {{attribute 'layout' failed to satisfy constraint: layout of a paged KV cache}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = 0 : i32}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}

// -----

// An unknown layout fails to parse.
func.func @unknown_layout(%a0: tensor<?x32x128xf16>, %a1: tensor<5xi32>, %a2: tensor<?x16x8x128xf16>, %a3: tensor<?x16x8x128xf16>, %a4: tensor<5xi32>, %a5: tensor<?xi32>, %a6: tensor<4xi32>) -> (tensor<?x32x128xf16>) {
  // expected-error @+2 {{failed to parse Attn_KVLayoutAttr parameter 'value' which is to be a `::mlir::attn::KVLayout`}}
  // expected-error @+1 {{expected ::mlir::attn::KVLayout to be one of: nhd, hnd, vllm}}
  %r0 = attn.batch_prefill q(%a0) qo_indptr(%a1) k_cache(%a2) v_cache(%a3) kv_indptr(%a4) kv_indices(%a5) kv_last_page_len(%a6) {layout = #attn.kv_layout<nch>}
      : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %r0 : tensor<?x32x128xf16>
}
