// RUN: attn-opt %s -split-input-file -verify-diagnostics

// Malformed attn.paged_attention ops: PagedAttentionOp::verify, the vLLM
// cache checks (verifyVllmCaches), the shared attention checks and the
// score_mod/mask_mod region checks.

//===----------------------------------------------------------------------===//
// Queries.
//===----------------------------------------------------------------------===//

func.func @q_rank4(%a0: tensor<2x1x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{'attn.paged_attention' op expects 'q' of rank 3 ([B, Hq, D]), got 'tensor<2x1x8x64xf16>'}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x1x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @q_rank0(%a0: tensor<f16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{expects 'q' of rank 3 ([B, Hq, D]), got 'tensor<f16>'}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<f16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @q_heads_dynamic(%a0: tensor<2x?x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x?x64xf16>) {
  // expected-error @+1 {{the number of query heads (dimension 1 of 'q') must be static}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x?x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x?x64xf16>
  return %r0 : tensor<2x?x64xf16>
}

// -----

func.func @q_heads_zero(%a0: tensor<2x0x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x0x64xf16>) {
  // expected-error @+1 {{the number of query heads (dimension 1 of 'q') must be between 1 and 65536, got 0}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x0x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x0x64xf16>
  return %r0 : tensor<2x0x64xf16>
}

// -----

func.func @q_head_dim_dynamic(%a0: tensor<2x8x?xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{the head dimension (dimension 2 of 'q') must be static}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x?xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @q_head_dim_too_large(%a0: tensor<2x8x2048xf16>, %a1: tensor<?x2x256x16x8xf16>, %a2: tensor<?x2x2048x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x2048xf16>) {
  // expected-error @+1 {{head dimension 2048 of 'q' is not supported (expected 1 to 1024)}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x2048xf16>, tensor<?x2x256x16x8xf16>, tensor<?x2x2048x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x2048xf16>
  return %r0 : tensor<2x8x2048xf16>
}

// -----

func.func @q_head_dim_zero(%a0: tensor<2x8x0xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{head dimension 0 of 'q' is not supported (expected 1 to 1024)}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x0xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

//===----------------------------------------------------------------------===//
// vLLM caches.
//===----------------------------------------------------------------------===//

func.func @k_cache_rank4(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x64x16xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{expects 'k_cache' of rank 5 (vLLM: [num_blocks, Hkv, D / x, block_size, x]), got 'tensor<?x2x64x16xf16>'}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x2x64x16xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

// FlashInfer's 4-D NHD cache is not vLLM's 5-D K cache.
func.func @k_cache_nhd_layout(%a0: tensor<2x8x64xf16>, %a1: tensor<?x16x2x64xf16>, %a2: tensor<?x16x2x64xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{expects 'k_cache' of rank 5 (vLLM: [num_blocks, Hkv, D / x, block_size, x]), got 'tensor<?x16x2x64xf16>'}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x16x2x64xf16>, tensor<?x16x2x64xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @v_cache_rank5(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x8x16x8xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{expects 'v_cache' of rank 4 (vLLM: [num_blocks, Hkv, Dv, block_size]), got 'tensor<?x2x8x16x8xf16>'}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x8x16x8xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @kv_heads_dynamic(%a0: tensor<2x8x64xf16>, %a1: tensor<?x?x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{the number of key/value heads (dimension 1 of 'k_cache') must be static}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x?x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @kv_heads_zero(%a0: tensor<2x8x64xf16>, %a1: tensor<?x0x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{the number of key/value heads (dimension 1 of 'k_cache') must be between 1 and 65536, got 0}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x0x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @d_over_x_dynamic(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x?x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{D / x (dimension 2 of 'k_cache') must be static}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x2x?x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @x_dynamic(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x?xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{x (dimension 4 of 'k_cache') must be static}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x?xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @block_size_dynamic(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x?x8xf16>, %a2: tensor<?x2x64x?xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{the block size (dimension 3 of 'k_cache') must be static}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x2x8x?x8xf16>, tensor<?x2x64x?xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @v_head_dim_dynamic(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x?x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x?xf16>) {
  // expected-error @+1 {{the head dimension (dimension 2 of 'v_cache') must be static}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x?x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x?xf16>
  return %r0 : tensor<2x8x?xf16>
}

// -----

func.func @v_head_dim_too_large(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x2048x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x2048xf16>) {
  // expected-error @+1 {{head dimension 2048 of 'v_cache' is not supported (expected 1 to 1024)}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x2048x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x2048xf16>
  return %r0 : tensor<2x8x2048xf16>
}

// -----

func.func @all_dynamic(%a0: tensor<?x?x?xf16>, %a1: tensor<?x?x?x?x?xf16>, %a2: tensor<?x?x?x?xf16>, %a3: tensor<?x?xi32>, %a4: tensor<?xi32>) -> (tensor<?x?x?xf16>) {
  // expected-error @+1 {{the number of query heads (dimension 1 of 'q') must be static}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<?x?x?xf16>, tensor<?x?x?x?x?xf16>, tensor<?x?x?x?xf16>, tensor<?x?xi32>, tensor<?xi32>) -> tensor<?x?x?xf16>
  return %r0 : tensor<?x?x?xf16>
}

// -----

// A zero page size: tensor<4x2x8x0x8xf16> is a legal tensor type.
func.func @block_size_zero(%a0: tensor<2x8x64xf16>, %a1: tensor<4x2x8x0x8xf16>, %a2: tensor<4x2x64x0xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{block_size (dimension 3 of 'k_cache') must be positive, got 0}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<4x2x8x0x8xf16>, tensor<4x2x64x0xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @x_zero(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x0xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{x (dimension 4 of 'k_cache') must be positive, got 0}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x0xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @k_head_dim_too_large(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x256x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{head dimension 2048 of 'k_cache' is not supported (expected 1 to 1024)}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x2x256x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @k_head_dim_zero(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x0x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{D / x (0) and x (8) of 'k_cache' must be between 1 and 1024}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x2x0x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @num_blocks_mismatch(%a0: tensor<2x8x64xf16>, %a1: tensor<4x2x8x16x8xf16>, %a2: tensor<3x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{dimension 0 of 'v_cache' (3) must equal the number of blocks of 'k_cache' (4)}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<4x2x8x16x8xf16>, tensor<3x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @v_heads_mismatch(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x4x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{dimension 1 of 'v_cache' (4) must equal the number of key/value heads of 'k_cache' (2)}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x4x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @v_block_size_mismatch(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x32xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{dimension 3 of 'v_cache' (32) must equal the block size of 'k_cache' (16)}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x32xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

// The K cache's D/x * x = 16 * 8 = 128 is not the query's D = 64.
func.func @d_over_x_times_x_mismatch(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x16x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{dimension 2 of 'q' (64) must equal the head dimension of 'k_cache' (D/x * x) (128)}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x2x16x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @x_changes_head_dim(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x4xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{dimension 2 of 'q' (64) must equal the head dimension of 'k_cache' (D/x * x) (32)}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x4xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

//===----------------------------------------------------------------------===//
// block_tables and context_lens.
//===----------------------------------------------------------------------===//

func.func @block_tables_rank1(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<64xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{expects 'block_tables' to be a 2-D tensor of i32 or i64, got 'tensor<64xi32>'}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<64xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @block_tables_f32(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xf32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{expects 'block_tables' to be a 2-D tensor of i32 or i64, got 'tensor<2x32xf32>'}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xf32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @block_tables_i16(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi16>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{expects 'block_tables' to be a 2-D tensor of i32 or i64, got 'tensor<2x32xi16>'}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi16>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @context_lens_f32(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xf32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{expects 'context_lens' to be a 1-D tensor of i32 or i64, got 'tensor<2xf32>'}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xf32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @context_lens_i16(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi16>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{expects 'context_lens' to be a 1-D tensor of i32 or i64, got 'tensor<2xi16>'}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi16>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @context_lens_rank0(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<i32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{expects 'context_lens' to be a 1-D tensor of i32 or i64, got 'tensor<i32>'}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<i32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @block_tables_batch(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<3x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{dimension 0 of 'block_tables' (3) must equal the batch size of 'q' (2)}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<3x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @context_lens_batch(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<4xi64>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{dimension 0 of 'context_lens' (4) must equal the batch size of 'q' (2)}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<4xi64>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

//===----------------------------------------------------------------------===//
// Heads, element types and results (shared checks).
//===----------------------------------------------------------------------===//

func.func @gqa_not_divisible(%a0: tensor<2x8x64xf16>, %a1: tensor<?x3x8x16x8xf16>, %a2: tensor<?x3x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{number of query heads (8) must be a multiple of the number of key/value heads (3)}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x3x8x16x8xf16>, tensor<?x3x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @q_i8(%a0: tensor<2x8x64xi8>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{'q' has unsupported element type 'i8' (expected f32, f16, bf16 or f8E4M3FN)}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xi8>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @q_f64(%a0: tensor<2x8x64xf64>, %a1: tensor<?x2x8x16x8xf64>, %a2: tensor<?x2x64x16xf64>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{'q' has unsupported element type 'f64' (expected f32, f16, bf16 or f8E4M3FN)}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf64>, tensor<?x2x8x16x8xf64>, tensor<?x2x64x16xf64>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @k_cache_i8(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xi8>, %a2: tensor<?x2x64x16xi8>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{'k_cache' has unsupported element type 'i8' (expected f32, f16, bf16 or f8E4M3FN)}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xi8>, tensor<?x2x64x16xi8>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @cache_type_mismatch(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf32>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{'k_cache' and 'v_cache' must have the same element type, got 'f16' and 'f32'}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf32>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @q_cache_type_mismatch(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xbf16>, %a2: tensor<?x2x64x16xbf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{'q' and 'k_cache' must have the same element type unless the keys are f8E4M3FN, got 'f16' and 'bf16'}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xbf16>, tensor<?x2x64x16xbf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @out_shape(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x2x64xf16>) {
  // expected-error @+1 {{expects 'out' of shape query tokens x [Hq, Dv] = [2, 8, 64], got 'tensor<2x2x64xf16>'}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x2x64xf16>
  return %r0 : tensor<2x2x64xf16>
}

// -----

func.func @out_uses_v_head_dim(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x128x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{expects 'out' of shape query tokens x [Hq, Dv] = [2, 8, 128], got 'tensor<2x8x64xf16>'}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x128x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @out_i1(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xi1>) {
  // expected-error @+1 {{'out' has unsupported element type 'i1' (expected f32, f16, bf16 or f8E4M3FN)}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xi1>
  return %r0 : tensor<2x8x64xi1>
}

// -----

func.func @lse_with_sigmoid(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>, tensor<2x8xf32>) {
  // expected-error @+1 {{an 'lse' result requires the softmax normalizer, got sigmoid}}
  %r0, %r1 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4) {normalizer = #attn.normalizer<sigmoid>}
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> (tensor<2x8x64xf16>, tensor<2x8xf32>)
  return %r0, %r1 : tensor<2x8x64xf16>, tensor<2x8xf32>
}

// -----

func.func @lse_shape(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>, tensor<2x2xf32>) {
  // expected-error @+1 {{expects 'lse' of shape query tokens x [Hq] = [2, 8], got 'tensor<2x2xf32>'}}
  %r0, %r1 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> (tensor<2x8x64xf16>, tensor<2x2xf32>)
  return %r0, %r1 : tensor<2x8x64xf16>, tensor<2x2xf32>
}

// -----

func.func @lse_f16(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>, tensor<2x8xf16>) {
  // expected-error @+1 {{'lse' must have element type f32, got 'f16'}}
  %r0, %r1 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> (tensor<2x8x64xf16>, tensor<2x8xf16>)
  return %r0, %r1 : tensor<2x8x64xf16>, tensor<2x8xf16>
}

// -----

//===----------------------------------------------------------------------===//
// Attributes.
//===----------------------------------------------------------------------===//

func.func @scale_zero(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{'scale' must be positive and finite, got 0.000000e+00}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4) {scale = 0.0 : f32}
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @scale_negative(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{'scale' must be positive and finite, got -1.250000e-01}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4) {scale = -0.125 : f32}
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @softcap_negative(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{'softcap' must be positive and finite, got -1.000000e+00}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4) {softcap = -1.0 : f32}
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @window_one_element(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{'window' must have 2 elements (left, right), got 1}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4) {window = array<i64: 4096>}
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @window_bound(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{'window' bounds must be >= -1 (-1 = unbounded), got -2}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4) {window = array<i64: 4096, -2>}
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @causal_with_right_bound(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{'causal' conflicts with the window's right bound 2 (causal means a right bound of 0)}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4) {causal, window = array<i64: -1, 2>}
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @sigmoid_bias_without_sigmoid(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{'sigmoid_bias' requires the sigmoid normalizer}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4) {normalizer = #attn.normalizer<none>, sigmoid_bias = 0.0 : f32}
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @sigmoid_bias_neg_inf(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{'sigmoid_bias' must be finite}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4) {normalizer = #attn.normalizer<sigmoid>, sigmoid_bias = 0xFF800000 : f32}
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @rope_dim_exceeds_head_dim(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{RoPE rotary dim 96 exceeds the query/key head dimension 64}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4) {rope = #attn.rope<theta = 10000.0, dim = 96, style = neox>}
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

//===----------------------------------------------------------------------===//
// Optional operands.
//===----------------------------------------------------------------------===//

func.func @alibi_wrong_heads(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>, %a5: tensor<2xf32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{expects 'alibi_slopes' to be an f32 tensor of shape [Hq] or [B, Hq] with Hq = 8, got 'tensor<2xf32>'}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4) alibi_slopes(%a5)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>, tensor<2xf32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @alibi_wrong_batch(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>, %a5: tensor<4x8xf32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{expects 'alibi_slopes' to be an f32 tensor of shape [Hq] or [B, Hq] with Hq = 8, got 'tensor<4x8xf32>'}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4) alibi_slopes(%a5)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>, tensor<4x8xf32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @alibi_f64(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>, %a5: tensor<8xf64>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{expects 'alibi_slopes' to be an f32 tensor of shape [Hq] or [B, Hq] with Hq = 8, got 'tensor<8xf64>'}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4) alibi_slopes(%a5)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>, tensor<8xf64>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @positions_without_rope(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>, %a5: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{'positions' are only meaningful with a 'rope' attribute}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4) positions(%a5)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @positions_i16(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>, %a5: tensor<2xi16>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{expects 'positions' to be a 1-D tensor of i32 or i64, got 'tensor<2xi16>'}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4) positions(%a5) {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>}
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>, tensor<2xi16>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @positions_length(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>, %a5: tensor<3xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{expects 'positions' of shape query tokens = [2], got 'tensor<3xi32>'}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4) positions(%a5) {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>}
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>, tensor<3xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @q_descale_on_f16(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>, %a5: tensor<1xf32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{'q_descale' requires 'q' to be f8E4M3FN, got 'f16'}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4) q_descale(%a5)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>, tensor<1xf32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @k_descale_on_f16(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>, %a5: tensor<f32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{'k_descale' requires 'k_cache' to be f8E4M3FN, got 'f16'}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4) k_descale(%a5)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>, tensor<f32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @v_descale_wrong_shape(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf8E4M3FN>, %a2: tensor<?x2x64x16xf8E4M3FN>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>, %a5: tensor<8xf32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{expects 'v_descale' to be an f32 tensor of shape [], [1] or [2] (per head), got 'tensor<8xf32>'}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4) v_descale(%a5)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf8E4M3FN>, tensor<?x2x64x16xf8E4M3FN>, tensor<2x32xi32>, tensor<2xi32>, tensor<8xf32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @o_scale_on_f16(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>, %a5: tensor<f32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{'o_scale' requires an f8E4M3FN output, got 'f16'}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4) o_scale(%a5)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>, tensor<f32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @o_scale_rank2(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>, %a5: tensor<1x1xf32>) -> (tensor<2x8x64xf8E4M3FN>) {
  // expected-error @+1 {{expects 'o_scale' to be an f32 tensor of shape [] or [1], got 'tensor<1x1xf32>'}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4) o_scale(%a5)
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>, tensor<1x1xf32>) -> tensor<2x8x64xf8E4M3FN>
  return %r0 : tensor<2x8x64xf8E4M3FN>
}

// -----

//===----------------------------------------------------------------------===//
// score_mod and mask_mod regions.
//===----------------------------------------------------------------------===//

func.func @score_mod_extra_arg(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{'score_mod' region must take (f32 score, index b, index h, index q_idx, index kv_idx), got ('f32', 'index', 'index', 'index', 'index', 'index')}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4) score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index, %x: index):
    attn.yield %s : f32
  }
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @score_mod_yields_index(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4) score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
    // expected-error @+1 {{'attn.yield' op in 'score_mod' must yield one 'f32' value}}
    attn.yield %j : index
  }
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @mask_mod_no_args(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{'mask_mod' region must take (index b, index h, index q_idx, index kv_idx), got ()}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4) mask_mod {
    %t = arith.constant true
    attn.yield %t : i1
  }
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @mask_mod_yields_two(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4) mask_mod {
  ^bb0(%b: index, %h: index, %i: index, %j: index):
    %t = arith.constant true
    // expected-error @+1 {{'attn.yield' op in 'mask_mod' must yield one 'i1' value}}
    attn.yield %t, %t : i1, i1
  }
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @score_mod_two_blocks(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{'score_mod' region must have exactly one block}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4) score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
    cf.br ^bb1
  ^bb1:
    attn.yield %s : f32
  }
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

func.func @score_mod_not_yield(%a0: tensor<2x8x64xf16>, %a1: tensor<?x2x8x16x8xf16>, %a2: tensor<?x2x64x16xf16>, %a3: tensor<2x32xi32>, %a4: tensor<2xi32>) -> (tensor<2x8x64xf16>) {
  // expected-error @+1 {{'score_mod' region must end with 'attn.yield'}}
  %r0 = attn.paged_attention q(%a0) k_cache(%a1) v_cache(%a2) block_tables(%a3) context_lens(%a4) score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
    llvm.unreachable
  }
      : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %r0 : tensor<2x8x64xf16>
}

// -----

// D / x * x must not overflow into a plausible head dim.
func.func @vllm_dim_overflow(%q: tensor<2x8x64xf16>, %kc: tensor<?x2x2305843009213693960x16x8xf16>, %vc: tensor<?x2x64x16xf16>, %bt: tensor<2x4xi32>, %cl: tensor<2xi32>) -> tensor<2x8x64xf16> {
  // expected-error @+1 {{D / x (2305843009213693960) and x (8) of 'k_cache' must be between 1 and 1024}}
  %o = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc) block_tables(%bt) context_lens(%cl)
      : (tensor<2x8x64xf16>, tensor<?x2x2305843009213693960x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x4xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %o : tensor<2x8x64xf16>
}
