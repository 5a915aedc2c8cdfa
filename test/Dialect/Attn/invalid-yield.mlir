// RUN: attn-opt %s -split-input-file -verify-diagnostics

// Malformed attn.yield ops: the ODS-level constraints (parent op, terminator
// position, no results/regions/successors) and the checks the attention ops
// make on the values their score_mod/mask_mod regions yield
// (verifyModRegion), for each op that has the regions.

//===----------------------------------------------------------------------===//
// attn.yield outside the attention ops (ParentOneOf).
//===----------------------------------------------------------------------===//

func.func @yield_in_func(%x: f32) {
  // expected-error @+1 {{'attn.yield' op expects parent op to be one of 'attn.prefill, attn.batch_prefill, attn.batch_decode, attn.paged_attention, attn.mla_decode'}}
  attn.yield %x : f32
}

// -----

// expected-error @+1 {{'attn.yield' op expects parent op to be one of 'attn.prefill, attn.batch_prefill, attn.batch_decode, attn.paged_attention, attn.mla_decode'}}
attn.yield

// -----

func.func @yield_in_execute_region(%x: f32) -> f32 {
  %r = scf.execute_region -> f32 {
    // expected-error @+1 {{'attn.yield' op expects parent op to be one of 'attn.prefill, attn.batch_prefill, attn.batch_decode, attn.paged_attention, attn.mla_decode'}}
    attn.yield %x : f32
  }
  return %r : f32
}

// -----

// Nested inside a score_mod, but its parent is the scf.if, not the attention op.
func.func @yield_in_scf_if_inside_score_mod(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>, %c: i1) -> tensor<2x16x32x64xf16> {
  %o = attn.prefill q(%q) k(%k) v(%k) score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
    %r = scf.if %c -> f32 {
      // expected-error @+1 {{'attn.yield' op expects parent op to be one of 'attn.prefill, attn.batch_prefill, attn.batch_decode, attn.paged_attention, attn.mla_decode'}}
      attn.yield %s : f32
    } else {
      scf.yield %s : f32
    }
    attn.yield %r : f32
  } : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

// The region of a non-attention op (here linalg.generic) is no place for it.
func.func @yield_in_linalg_generic(%x: tensor<4xf32>) -> tensor<4xf32> {
  %r = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>],
                       iterator_types = ["parallel"]}
      ins(%x : tensor<4xf32>) outs(%x : tensor<4xf32>) {
  ^bb0(%in: f32, %out: f32):
    // expected-error @+1 {{'attn.yield' op expects parent op to be one of 'attn.prefill, attn.batch_prefill, attn.batch_decode, attn.paged_attention, attn.mla_decode'}}
    attn.yield %in : f32
  } -> tensor<4xf32>
  return %r : tensor<4xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Other ODS-level constraints of attn.yield.
//===----------------------------------------------------------------------===//

func.func @yield_not_last(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  %o = attn.prefill q(%q) k(%k) v(%k) score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
    // expected-error @+1 {{'attn.yield' op must be the last operation in the parent block}}
    attn.yield %s : f32
    attn.yield %s : f32
  } : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @yield_type_count_mismatch(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  %o = attn.prefill q(%q) k(%k) v(%k) score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
    // expected-error @+1 {{custom op 'attn.yield' number of operands and types do not match: got 1 operands and 2 types}}
    attn.yield %s : f32, f32
  } : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @yield_with_result(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  %o = attn.prefill q(%q) k(%k) v(%k) score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
    // expected-error @+1 {{'attn.yield' op requires zero results}}
    %x = "attn.yield"(%s) : (f32) -> f32
  } : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @yield_with_region(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  %o = attn.prefill q(%q) k(%k) v(%k) score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
    // expected-error @+1 {{'attn.yield' op requires zero regions}}
    "attn.yield"(%s) ({
      "attn.yield"() : () -> ()
    }) : (f32) -> ()
  } : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @yield_with_successor() {
  // expected-error @+1 {{'attn.yield' op requires 0 successors but found 1}}
  "attn.yield"() [^bb1] : () -> ()
^bb1:
  return
}

// -----

//===----------------------------------------------------------------------===//
// A region that does not end with attn.yield.
//===----------------------------------------------------------------------===//

func.func @score_mod_ends_with_func_return(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  %o = attn.prefill q(%q) k(%k) v(%k) score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
    // expected-error @+1 {{'func.return' op expects parent op 'func.func'}}
    func.return
  } : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @score_mod_ends_with_unreachable(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'attn.prefill' op 'score_mod' region must end with 'attn.yield'}}
  %o = attn.prefill q(%q) k(%k) v(%k) score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
    llvm.unreachable
  } : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @mask_mod_empty_block(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{empty block: expect at least a terminator}}
  %o = attn.prefill q(%q) k(%k) v(%k) mask_mod {
  ^bb0(%b: index, %h: index, %i: index, %j: index):
  } : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

//===----------------------------------------------------------------------===//
// Yielded values, per op (verifyModRegion).
//===----------------------------------------------------------------------===//

func.func @prefill_score_mod_yields_nothing(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  %o = attn.prefill q(%q) k(%k) v(%k) score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
    // expected-error @+1 {{'attn.yield' op in 'score_mod' must yield one 'f32' value}}
    attn.yield
  } : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @prefill_mask_mod_yields_two(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  %o = attn.prefill q(%q) k(%k) v(%k) mask_mod {
  ^bb0(%b: index, %h: index, %i: index, %j: index):
    %m = arith.cmpi sge, %i, %j : index
    // expected-error @+1 {{'attn.yield' op in 'mask_mod' must yield one 'i1' value}}
    attn.yield %m, %m : i1, i1
  } : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @prefill_mask_mod_yields_vector(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  %o = attn.prefill q(%q) k(%k) v(%k) mask_mod {
  ^bb0(%b: index, %h: index, %i: index, %j: index):
    %m = arith.constant dense<true> : vector<4xi1>
    // expected-error @+1 {{'attn.yield' op in 'mask_mod' must yield one 'i1' value}}
    attn.yield %m : vector<4xi1>
  } : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}

// -----

func.func @batch_prefill_score_mod_yields_f64(%q: tensor<?x32x128xf16>, %qo: tensor<5xi32>, %kc: tensor<?x16x8x128xf16>, %kp: tensor<5xi32>, %ki: tensor<?xi32>, %kl: tensor<4xi32>) -> tensor<?x32x128xf16> {
  %o = attn.batch_prefill q(%q) qo_indptr(%qo) k_cache(%kc) v_cache(%kc) kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<nhd>} score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
    %d = arith.extf %s : f32 to f64
    // expected-error @+1 {{'attn.yield' op in 'score_mod' must yield one 'f32' value}}
    attn.yield %d : f64
  } : (tensor<?x32x128xf16>, tensor<5xi32>, tensor<?x16x8x128xf16>, tensor<?x16x8x128xf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<?x32x128xf16>
  return %o : tensor<?x32x128xf16>
}

// -----

func.func @batch_decode_mask_mod_yields_index(%q: tensor<4x32x128xbf16>, %kc: tensor<?x8x16x128xbf16>, %kp: tensor<5xi32>, %ki: tensor<?xi32>, %kl: tensor<4xi32>) -> tensor<4x32x128xbf16> {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%kc) kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<hnd>} mask_mod {
  ^bb0(%b: index, %h: index, %i: index, %j: index):
    // expected-error @+1 {{'attn.yield' op in 'mask_mod' must yield one 'i1' value}}
    attn.yield %j : index
  } : (tensor<4x32x128xbf16>, tensor<?x8x16x128xbf16>, tensor<?x8x16x128xbf16>, tensor<5xi32>, tensor<?xi32>, tensor<4xi32>) -> tensor<4x32x128xbf16>
  return %o : tensor<4x32x128xbf16>
}

// -----

func.func @paged_attention_score_mod_yields_i1(%q: tensor<2x8x64xf16>, %kc: tensor<?x2x8x16x8xf16>, %vc: tensor<?x2x64x16xf16>, %bt: tensor<2x32xi32>, %cl: tensor<2xi32>) -> tensor<2x8x64xf16> {
  %o = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc) block_tables(%bt) context_lens(%cl) score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
    %m = arith.cmpi sge, %i, %j : index
    // expected-error @+1 {{'attn.yield' op in 'score_mod' must yield one 'f32' value}}
    attn.yield %m : i1
  } : (tensor<2x8x64xf16>, tensor<?x2x8x16x8xf16>, tensor<?x2x64x16xf16>, tensor<2x32xi32>, tensor<2xi32>) -> tensor<2x8x64xf16>
  return %o : tensor<2x8x64xf16>
}

// -----

func.func @mla_decode_mask_mod_yields_i8(%qn: tensor<2x16x512xbf16>, %qp: tensor<2x16x64xbf16>, %ckv: tensor<?x1x512xbf16>, %kpe: tensor<?x1x64xbf16>, %kp: tensor<3xi32>, %ki: tensor<?xi32>, %kl: tensor<2xi32>) -> tensor<2x16x512xbf16> {
  %o = attn.mla_decode q_nope(%qn) q_pe(%qp) ckv_cache(%ckv) kpe_cache(%kpe) kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {scale = 0.0721687824 : f32} mask_mod {
  ^bb0(%b: index, %h: index, %i: index, %j: index):
    %c = arith.constant 1 : i8
    // expected-error @+1 {{'attn.yield' op in 'mask_mod' must yield one 'i1' value}}
    attn.yield %c : i8
  } : (tensor<2x16x512xbf16>, tensor<2x16x64xbf16>, tensor<?x1x512xbf16>, tensor<?x1x64xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>) -> tensor<2x16x512xbf16>
  return %o : tensor<2x16x512xbf16>
}

// -----

// A score_mod and a mask_mod that are swapped: the score_mod's signature is
// reported first.
func.func @regions_swapped(%q: tensor<2x16x32x64xf16>, %k: tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16> {
  // expected-error @+1 {{'score_mod' region must take (f32 score, index b, index h, index q_idx, index kv_idx), got ('index', 'index', 'index', 'index')}}
  %o = attn.prefill q(%q) k(%k) v(%k) score_mod {
  ^bb0(%b: index, %h: index, %i: index, %j: index):
    %m = arith.cmpi sge, %i, %j : index
    attn.yield %m : i1
  } mask_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
    attn.yield %s : f32
  } : (tensor<2x16x32x64xf16>, tensor<2x16x8x64xf16>, tensor<2x16x8x64xf16>) -> tensor<2x16x32x64xf16>
  return %o : tensor<2x16x32x64xf16>
}
