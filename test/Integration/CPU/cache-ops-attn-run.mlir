// attn.append_kv and attn.merge_states executed on the CPU through attn-run.
// The caches are writable (in place: readwrite kernel arguments), start
// filled with -1, and are printed after the append; slots that no token is
// written to keep their -1.
// RUN: attn-run %s -e append_slots --input 'k=1 2 3 4 5 6 7 8 9 10 11 12' --input 'v=10 20 30 40 50 60' --input 'k_cache=-1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1' --input 'v_cache=-1 -1 -1 -1 -1 -1 -1 -1' --input 'slot_mapping=3 -1 0' --print --check | FileCheck %s --check-prefix=SLOTS
// RUN: attn-run %s -e append_pages --input 'k=1 2 3 4 5 6' --input 'v=10 20 30 40 50 60' --input 'k_cache=-1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1' --input 'v_cache=-1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1' --input 'batch_indices=0 1 0' --input 'positions=2 1 1' --input 'kv_indptr=0 2 3' --input 'kv_indices=2 0 1' --print | FileCheck %s --check-prefix=PAGES
// RUN: attn-run %s -e merge --input 'va=4 0 100 100 7 8' --input 'vb=0 4 5 6 9 10' --input 'sa=0 -inf -inf' --input 'sb=1.0986122886681098 2 -inf' --print --check | FileCheck %s --check-prefix=MERGE

// vLLM's reshape_and_cache: slot_mapping, layout vllm, block_size 2, one KV
// head, D = 4 with x = 2 (k_cache [blocks, 1, 2, 2, 2]: channel d of slot s at
// [block, 0, d / 2, s, d % 2]), Dv = 2 (v_cache [blocks, 1, 2, 2]: channel d
// of slot s at [block, 0, d, s]).
// Token 0 (k = [1, 2, 3, 4], v = [10, 20]) goes to slot 3 = block 1, slot 1;
// token 1 has slot -1 and is skipped; token 2 (k = [9, 10, 11, 12],
// v = [50, 60]) goes to slot 0 = block 0, slot 0.
// k_cache, as [block][d / 2][slot][d % 2]:
//   block 0: [[9, 10], [-1, -1]], [[11, 12], [-1, -1]]
//   block 1: [[-1, -1], [1, 2]], [[-1, -1], [3, 4]]
// v_cache, as [block][d][slot]: block 0: [50, -1], [60, -1];
//   block 1: [-1, 10], [-1, 20].
// SLOTS: k_cache: f32 [2, 1, 2, 2, 2]
// SLOTS-NEXT: 9 10 -1 -1 11 12 -1 -1
// SLOTS-NEXT: -1 -1 1 2 -1 -1 3 4
// SLOTS-NEXT: v_cache: f32 [2, 1, 2, 2]
// SLOTS-NEXT: 50 -1 60 -1 -1 10 -1 20
// SLOTS-NEXT: check k_cache: max_abs_err=0 max_rel_err=0
// SLOTS-NEXT: check v_cache: max_abs_err=0 max_rel_err=0
func.func @append_slots(%k: tensor<?x1x4xf32> {attn.name = "k"},
                        %v: tensor<?x1x2xf32> {attn.name = "v"},
                        %kc: tensor<?x1x2x2x2xf32> {attn.name = "k_cache", bufferization.writable = true},
                        %vc: tensor<?x1x2x2xf32> {attn.name = "v_cache", bufferization.writable = true},
                        %slots: tensor<?xi64> {attn.name = "slot_mapping"})
    -> (tensor<?x1x2x2x2xf32>, tensor<?x1x2x2xf32>) {
  %kc2, %vc2 = attn.append_kv k(%k) v(%v) k_cache(%kc) v_cache(%vc)
      slot_mapping(%slots) {layout = #attn.kv_layout<vllm>}
      : (tensor<?x1x4xf32>, tensor<?x1x2xf32>, tensor<?x1x2x2x2xf32>,
         tensor<?x1x2x2xf32>, tensor<?xi64>)
      -> (tensor<?x1x2x2x2xf32>, tensor<?x1x2x2xf32>)
  return %kc2, %vc2 : tensor<?x1x2x2x2xf32>, tensor<?x1x2x2xf32>
}

// FlashInfer's append_paged_kv_cache: layout hnd ([page, head, slot, d]),
// page_size 2, 2 KV heads, D = 1. Request 0 owns pages [2, 0], request 1
// page [1] (kv_indptr = [0, 2, 3], kv_indices = [2, 0, 1]).
// Token 0 (k = [1, 2] for heads 0, 1; v = [10, 20]): request 0, position 2
//   -> its page 2 / 2 = 1, i.e. page 0, slot 0.
// Token 1 (k = [3, 4]): request 1, position 1 -> page 1, slot 1.
// Token 2 (k = [5, 6]): request 0, position 1 -> page 2, slot 1.
// k_cache as [page][head][slot]: page 0: [1, -1], [2, -1];
// page 1: [-1, 3], [-1, 4]; page 2: [-1, 5], [-1, 6]. v_cache alike, x10.
// PAGES: k_cache: f32 [3, 2, 2, 1]
// PAGES-NEXT: 1 -1 2 -1 -1 3 -1 4
// PAGES-NEXT: -1 5 -1 6
// PAGES-NEXT: v_cache: f32 [3, 2, 2, 1]
// PAGES-NEXT: 10 -1 20 -1 -1 30 -1 40
// PAGES-NEXT: -1 50 -1 60
func.func @append_pages(%k: tensor<?x2x1xf32> {attn.name = "k"},
                        %v: tensor<?x2x1xf32> {attn.name = "v"},
                        %kc: tensor<?x2x2x1xf32> {attn.name = "k_cache", bufferization.writable = true},
                        %vc: tensor<?x2x2x1xf32> {attn.name = "v_cache", bufferization.writable = true},
                        %bi: tensor<?xi32> {attn.name = "batch_indices"},
                        %pos: tensor<?xi32> {attn.name = "positions"},
                        %kp: tensor<3xi32> {attn.name = "kv_indptr"},
                        %ki: tensor<?xi32> {attn.name = "kv_indices"})
    -> (tensor<?x2x2x1xf32>, tensor<?x2x2x1xf32>) {
  %kc2, %vc2 = attn.append_kv k(%k) v(%v) k_cache(%kc) v_cache(%vc)
      batch_indices(%bi) positions(%pos) kv_indptr(%kp) kv_indices(%ki)
      {layout = #attn.kv_layout<hnd>}
      : (tensor<?x2x1xf32>, tensor<?x2x1xf32>, tensor<?x2x2x1xf32>,
         tensor<?x2x2x1xf32>, tensor<?xi32>, tensor<?xi32>, tensor<3xi32>,
         tensor<?xi32>)
      -> (tensor<?x2x2x1xf32>, tensor<?x2x2x1xf32>)
  return %kc2, %vc2 : tensor<?x2x2x1xf32>, tensor<?x2x2x1xf32>
}

// merge_states of two states over 3 tokens, 1 head, D = 2:
// s = log(e^sa + e^sb), v = e^(sa - s) va + e^(sb - s) vb.
// Token 0: sa = 0, sb = log 3: s = log 4 = 1.38629, weights 1/4 and 3/4:
//   v = [4, 0] / 4 + 3 [0, 4] / 4 = [1, 3].
// Token 1: sa = -inf (an empty split; its value [100, 100] gets weight 0),
//   sb = 2: s = 2, v = vb = [5, 6].
// Token 2: both -inf: v = 0, s = -inf (not NaN).
// MERGE: out: f32 [3, 1, 2]
// MERGE-NEXT: 1 3 5 6 0 0
// MERGE-NEXT: lse: f32 [3, 1]
// MERGE-NEXT: 1.38629 2 -inf
// MERGE-NEXT: check out: max_abs_err=0 max_rel_err=0
// MERGE-NEXT: check lse: max_abs_err=0 max_rel_err=0
func.func @merge(%va: tensor<?x1x2xf32> {attn.name = "va"},
                 %vb: tensor<?x1x2xf32> {attn.name = "vb"},
                 %sa: tensor<?x1xf32> {attn.name = "sa"},
                 %sb: tensor<?x1xf32> {attn.name = "sb"})
    -> (tensor<?x1x2xf32> {attn.name = "out"},
        tensor<?x1xf32> {attn.name = "lse"}) {
  %v, %s = attn.merge_states values(%va, %vb) lse(%sa, %sb)
      : (tensor<?x1x2xf32>, tensor<?x1x2xf32>, tensor<?x1xf32>,
         tensor<?x1xf32>)
      -> (tensor<?x1x2xf32>, tensor<?x1xf32>)
  return %v, %s : tensor<?x1x2xf32>, tensor<?x1xf32>
}
