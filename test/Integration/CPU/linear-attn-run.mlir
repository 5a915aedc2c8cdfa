// attn.linear_attention executed on the CPU through attn-run, on inputs small
// enough to check by hand. SiLU(x) = x sigmoid(x): SiLU(0) = 0,
// SiLU(1) = 0.731059, SiLU(2) = 1.761594, SiLU(-1) = -0.268941.
// RUN: attn-run %s -e hstu_bias --input 'q=2 0 0 2' --input 'k=1 0 0 1' --input 'v=4 0 0 4' --input 'rab=0 2 -1 1' --print | FileCheck %s --check-prefix=BIAS
// RUN: attn-run %s -e hstu_ragged --input 'q=1 0 0 1 1 1' --input 'k=1 0 1 2 1 0' --input 'v=2 4 1 3 1 1' --input 'cu=0 2 3' --print --check | FileCheck %s --check-prefix=RAGGED
// RUN: attn-run %s -e lightning --input 'q=1 1 1 1 1 2 1 2' --input 'k=1 0 1 0 0 1 0 1' --input 'v=1 2 1 2 3 4 3 4' --input 'lambda=0 0.6931471805599453' --input 's0=0 0 0 0 4 0 0 4' --print --check | FileCheck %s --check-prefix=LIGHTNING

// HSTU, dense, not causal, scale 0.5, bias [B, H, L, L] and silu_norm 4.
// q = [2, 0], [0, 2], k = [1, 0], [0, 1]: scale * q_i . k_j = [[1, 0], [0, 1]];
// plus rab = [[0, 2], [-1, 1]] gives s = [[1, 2], [-1, 2]].
// v = [4, 0], [0, 4], so o_i = [SiLU(s_i0), SiLU(s_i1)] * 4 / 4:
// o_0 = [0.731059, 1.76159] (row 0 sees key 1: no causal mask),
// o_1 = [-0.268941, 1.76159].
// BIAS: out: f32 [1, 2, 1, 2]
// BIAS-NEXT: 0.731059 1.76159 -0.268941 1.76159
func.func @hstu_bias(%q: tensor<1x2x1x2xf32> {attn.name = "q"},
                     %k: tensor<1x2x1x2xf32> {attn.name = "k"},
                     %v: tensor<1x2x1x2xf32> {attn.name = "v"},
                     %rab: tensor<1x1x2x2xf32> {attn.name = "rab"})
    -> (tensor<1x2x1x2xf32> {attn.name = "out"}) {
  %o = attn.linear_attention q(%q) k(%k) v(%v) bias(%rab)
      {kind = #attn.linear_kind<hstu>, scale = 0.5 : f32, silu_norm = 4 : i64}
      : (tensor<1x2x1x2xf32>, tensor<1x2x1x2xf32>, tensor<1x2x1x2xf32>,
         tensor<1x1x2x2xf32>) -> tensor<1x2x1x2xf32>
  return %o : tensor<1x2x1x2xf32>
}

// HSTU, ragged, causal, scale 1, no silu_norm: N is the longest sequence of
// the batch at run time, here 2 (cu_seqlens = [0, 2, 3]).
// Request 0: q = [1, 0], [0, 1], k = [1, 0], [1, 2], v = [2, 4], [1, 3].
//   row 0 sees key 0 (causal hides key 1, whose score would be 1):
//   s = 1, o = SiLU(1) / 2 * [2, 4] = [0.731059, 1.46212]
//   row 1: s = [0, 2], o = (0 + SiLU(2) [1, 3]) / 2 = [0.880797, 2.64239]
// Request 1: q = [1, 1], k = [1, 0], v = [1, 1]; it sees only its own key,
//   s = 1: o = SiLU(1) / 2 * [1, 1] = [0.365529, 0.365529]
//   (N = 1, its own length, would give 0.731059; N = 3, the token count,
//   0.243686).
// RAGGED: out: f32 [3, 1, 2]
// RAGGED-NEXT: 0.731059 1.46212 0.880797 2.64239 0.365529 0.365529
// RAGGED-NEXT: check out: max_abs_err=0 max_rel_err=0
func.func @hstu_ragged(%q: tensor<?x1x2xf32> {attn.name = "q"},
                       %k: tensor<?x1x2xf32> {attn.name = "k"},
                       %v: tensor<?x1x2xf32> {attn.name = "v"},
                       %cu: tensor<3xi32> {attn.name = "cu"})
    -> (tensor<?x1x2xf32> {attn.name = "out"}) {
  %o = attn.linear_attention q(%q) k(%k) v(%v) cu_seqlens(%cu)
      {causal, kind = #attn.linear_kind<hstu>, scale = 1.0 : f32}
      : (tensor<?x1x2xf32>, tensor<?x1x2xf32>, tensor<?x1x2xf32>,
         tensor<3xi32>) -> tensor<?x1x2xf32>
  return %o : tensor<?x1x2xf32>
}

// Lightning, 2 heads with the same k, v: head 0 decays with lambda = 0
// (factor 1), head 1 with lambda = log 2 (factor 1/2) from the initial state
// S_-1 = [[4, 0], [0, 4]] (head 0 starts at 0). Scale 1 (the default).
// k_0^T v_0 = [1, 0]^T [1, 2] = [[1, 2], [0, 0]];
// k_1^T v_1 = [0, 1]^T [3, 4] = [[0, 0], [3, 4]].
// Head 0: S_0 = [[1, 2], [0, 0]], S_1 = [[1, 2], [3, 4]].
// Head 1: S_0 = [[2, 0], [0, 2]] + [[1, 2], [0, 0]] = [[3, 2], [0, 2]],
//         S_1 = [[1.5, 1], [0, 1]] + [[0, 0], [3, 4]] = [[1.5, 1], [3, 5]].
// o_i = q_i S_i with q_0 = [1, 1], q_1 = [1, 2] (both heads):
// head 0: o_0 = [1, 2], o_1 = [1, 2] + 2 [3, 4] = [7, 10];
// head 1: o_0 = [3, 4], o_1 = [1.5, 1] + 2 [3, 5] = [7.5, 11].
// out is [B, S, H, Dv], so token 0 (both heads) prints first; the final
// state [B, H, D, Dv] is S_1 of head 0, then of head 1.
// LIGHTNING: out: f32 [1, 2, 2, 2]
// LIGHTNING-NEXT: 1 2 3 4 7 10 7.5 11
// LIGHTNING-NEXT: state: f32 [1, 2, 2, 2]
// LIGHTNING-NEXT: 1 2 3 4 1.5 1 3 5
// LIGHTNING-NEXT: check out: max_abs_err=0 max_rel_err=0
// LIGHTNING-NEXT: check state: max_abs_err=0 max_rel_err=0
func.func @lightning(%q: tensor<1x?x2x2xf32> {attn.name = "q"},
                     %k: tensor<1x?x2x2xf32> {attn.name = "k"},
                     %v: tensor<1x?x2x2xf32> {attn.name = "v"},
                     %lambda: tensor<2xf32> {attn.name = "lambda"},
                     %s0: tensor<1x2x2x2xf32> {attn.name = "s0"})
    -> (tensor<1x?x2x2xf32> {attn.name = "out"},
        tensor<1x2x2x2xf32> {attn.name = "state"}) {
  %o, %s = attn.linear_attention q(%q) k(%k) v(%v) decay(%lambda)
      initial_state(%s0) {causal, kind = #attn.linear_kind<lightning>}
      : (tensor<1x?x2x2xf32>, tensor<1x?x2x2xf32>, tensor<1x?x2x2xf32>,
         tensor<2xf32>, tensor<1x2x2x2xf32>)
      -> (tensor<1x?x2x2xf32>, tensor<1x2x2x2xf32>)
  return %o, %s : tensor<1x?x2x2xf32>, tensor<1x2x2x2xf32>
}
