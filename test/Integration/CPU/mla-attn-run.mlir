// attn.mla_decode executed on the CPU through attn-run, on a latent cache
// small enough to check by hand: Dc = 2 latent channels, Dr = 1 rotary
// channel, 2 heads, page_size 2, scale 1.
// RUN: attn-run %s --input 'q_nope=1 0 0 0 1 0 0 0' --input 'q_pe=1 1 1 1' --input 'ckv_cache=0 0 99 99 1 0 0 1 3 4 99 99' --input 'kpe_cache=1 0 0 0 2 0' --input 'kv_indptr=0 2 3' --input 'kv_indices=1 0 2' --input 'kv_last_page_len=1 1' --print --check | FileCheck %s
// Random inputs (page tables still given): the compiled kernel and the
// reference lowering agree.
// RUN: attn-run %s --seed 3 --dim q_nope.0=2 --dim q_pe.0=2 --dim ckv_cache.0=3 --dim kpe_cache.0=3 --input 'kv_indptr=0 2 3' --input 'kv_indices=1 0 2' --input 'kv_last_page_len=1 1' --check | FileCheck %s --check-prefix=RANDOM

// Latent cache by (page, slot): ckv / kpe =
//   (0, 0): [0, 0] / 1     (0, 1): [99, 99] / 0 (not owned by any request)
//   (1, 0): [1, 0] / 0     (1, 1): [0, 1] / 0
//   (2, 0): [3, 4] / 2     (2, 1): [99, 99] / 0 (past the last page's length)
// s_j = q_nope . ckv_j + q_pe . kpe_j, and the value of key j is ckv_j.
// Head 0: q_nope = [1, 0], q_pe = [1]; head 1: q_nope = [0, 0], q_pe = [1].
// Request 0: pages [1, 0], last page 1 used: keys (1, 0), (1, 1), (0, 0).
//   head 0: s = [1 + 0, 0 + 0, 0 + 1] = [1, 0, 1]:
//     o = (e [1, 0] + [0, 1] + e [0, 0]) / (1 + 2e) = [e, 1] / (1 + 2e)
//       = [0.422319, 0.155362], lse = log(1 + 2e) = 1.86199
//   head 1: s = [0, 0, 1]: o = ([1, 0] + [0, 1]) / (2 + e) = [0.211942, 0.211942],
//     lse = log(2 + e) = 1.55144
// Request 1: page [2], 1 slot used: the one key (2, 0), o = [3, 4] for both
// heads; lse = 3 * 1 + 2 * 1 = 5 (head 0), 0 + 2 * 1 = 2 (head 1).
// CHECK: out: f32 [2, 2, 2]
// CHECK-NEXT: 0.422319 0.155362 0.211942 0.211942 3 4 3 4
// CHECK-NEXT: lse: f32 [2, 2]
// CHECK-NEXT: 1.86199 1.55144 5 2
// CHECK-NEXT: check out: max_abs_err=0 max_rel_err=0
// CHECK-NEXT: check lse: max_abs_err=0 max_rel_err=0
// RANDOM: check out: max_abs_err=0 max_rel_err=0
// RANDOM-NEXT: check lse: max_abs_err=0 max_rel_err=0
func.func @mla(%qn: tensor<?x2x2xf32> {attn.name = "q_nope"},
               %qp: tensor<?x2x1xf32> {attn.name = "q_pe"},
               %ckv: tensor<?x2x2xf32> {attn.name = "ckv_cache"},
               %kpe: tensor<?x2x1xf32> {attn.name = "kpe_cache"},
               %kp: tensor<3xi32> {attn.name = "kv_indptr"},
               %ki: tensor<?xi32> {attn.name = "kv_indices"},
               %kl: tensor<2xi32> {attn.name = "kv_last_page_len"})
    -> (tensor<?x2x2xf32> {attn.name = "out"},
        tensor<?x2xf32> {attn.name = "lse"}) {
  %o, %lse = attn.mla_decode q_nope(%qn) q_pe(%qp) ckv_cache(%ckv)
      kpe_cache(%kpe) kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {scale = 1.0 : f32}
      : (tensor<?x2x2xf32>, tensor<?x2x1xf32>, tensor<?x2x2xf32>,
         tensor<?x2x1xf32>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>)
      -> (tensor<?x2x2xf32>, tensor<?x2xf32>)
  return %o, %lse : tensor<?x2x2xf32>, tensor<?x2xf32>
}
