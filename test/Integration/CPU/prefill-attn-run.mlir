// attn.prefill executed on the CPU through attn-run (compiled package, run by
// the runtime), on inputs small enough to check by hand.
// RUN: attn-run %s -e gqa --input 'q=1 0 0 1 1 0 0 1' --input 'k=1 0 0 1' --input 'v=1 2 3 4' --print | FileCheck %s --check-prefix=GQA
// RUN: attn-run %s -e window --input 'q=0 0 0 0 0 0' --input 'k=0 0 0 0 0 0' --input 'v=1 10 2 20 3 30' --print | FileCheck %s --check-prefix=WINDOW
// RUN: attn-run %s -e softcap_masked --input 'q=5 5 1 0 2 0' --input 'k=1 0 0 1' --input 'v=1 2 3 4' --print | FileCheck %s --check-prefix=SOFTCAP
// RUN: attn-run %s -e ragged --input 'q=1 0 0 1 0 1' --input 'k=1 0 0 1 1 0 0 1' --input 'v=1 2 3 4 5 6 7 8' --input 'cu_q=0 2 2 3' --input 'cu_k=0 2 2 4' --print --check | FileCheck %s --check-prefix=RAGGED

// Dense, causal, grouped-query: 2 query heads share 1 KV head; scale 1.
// k0 = [1, 0], k1 = [0, 1], v0 = [1, 2], v1 = [3, 4]; query head 0 is [1, 0]
// and head 1 is [0, 1] at both positions.
// Row 0 sees key 0 only: o = v0 for both heads; lse = q . k0 = 1 (head 0),
// 0 (head 1).
// Row 1 sees keys 0 and 1. Head 0: s = [1, 0], o = (e v0 + v1) / (1 + e)
// = v0 + 2 / (1 + e) = [1.53788, 2.53788]. Head 1: s = [0, 1],
// o = (v0 + e v1) / (1 + e) = v1 - 2 / (1 + e) = [2.46212, 3.46212]. Both
// have lse = log(1 + e) = 1.31326.
// GQA: out: f32 [1, 2, 2, 2]
// GQA-NEXT: 1 2 1 2 1.53788 2.53788 2.46212 3.46212
// GQA-NEXT: lse: f32 [1, 2, 2]
// GQA-NEXT: 1 0 1.31326 1.31326
func.func @gqa(%q: tensor<1x2x2x2xf32> {attn.name = "q"},
               %k: tensor<1x2x1x2xf32> {attn.name = "k"},
               %v: tensor<1x2x1x2xf32> {attn.name = "v"})
    -> (tensor<1x2x2x2xf32> {attn.name = "out"},
        tensor<1x2x2xf32> {attn.name = "lse"}) {
  %o, %lse = attn.prefill q(%q) k(%k) v(%v) {causal, scale = 1.0 : f32}
    : (tensor<1x2x2x2xf32>, tensor<1x2x1x2xf32>, tensor<1x2x1x2xf32>)
    -> (tensor<1x2x2x2xf32>, tensor<1x2x2xf32>)
  return %o, %lse : tensor<1x2x2x2xf32>, tensor<1x2x2xf32>
}

// Sliding window (left 1, right 0) over 3 tokens. q = k = 0, so every visible
// key has score 0 and the output is the mean of the visible values,
// v_j = [j + 1, 10 (j + 1)]; lse = log(number of visible keys).
// Row 0 sees key 0: [1, 10], lse 0. Row 1 sees keys 0, 1: [1.5, 15],
// lse log 2 = 0.693147. Row 2 sees keys 1, 2 (not key 0, which plain causal
// would add, giving [2, 20]): [2.5, 25], lse log 2.
// WINDOW: out: f32 [1, 3, 1, 2]
// WINDOW-NEXT: 1 10 1.5 15 2.5 25
// WINDOW-NEXT: lse: f32 [1, 3, 1]
// WINDOW-NEXT: 0 0.693147 0.693147
func.func @window(%q: tensor<1x3x1x2xf32> {attn.name = "q"},
                  %k: tensor<1x3x1x2xf32> {attn.name = "k"},
                  %v: tensor<1x3x1x2xf32> {attn.name = "v"})
    -> (tensor<1x3x1x2xf32> {attn.name = "out"},
        tensor<1x3x1xf32> {attn.name = "lse"}) {
  %o, %lse = attn.prefill q(%q) k(%k) v(%v) {window = array<i64: 1, 0>}
    : (tensor<1x3x1x2xf32>, tensor<1x3x1x2xf32>, tensor<1x3x1x2xf32>)
    -> (tensor<1x3x1x2xf32>, tensor<1x3x1xf32>)
  return %o, %lse : tensor<1x3x1x2xf32>, tensor<1x3x1xf32>
}

// Causal with Sq = 3 > Sk = 2 and softcap 1, scale 1. Bottom-right alignment
// puts query i at p = i + Sk - Sq = i - 1.
// Row 0 (p = -1) sees no key: o = 0 and lse = -inf (not NaN), whatever q is.
// Row 1 (p = 0), q = [1, 0], sees key 0: o = v0 = [1, 2],
// lse = tanh(q . k0) = tanh(1) = 0.761594.
// Row 2 (p = 1), q = [2, 0], sees both keys: capped scores [tanh 2, 0] =
// [0.964028, 0]; p0 = sigmoid(0.964028) = 0.723927, o = v1 - 2 p0 [1, 1] =
// [1.55215, 2.55215], lse = log(e^0.964028 + 1) = 1.28709. (Without softcap
// the row would be [1.2384, 2.2384].)
// SOFTCAP: out: f32 [1, 3, 1, 2]
// SOFTCAP-NEXT: 0 0 1 2 1.55215 2.55215
// SOFTCAP-NEXT: lse: f32 [1, 3, 1]
// SOFTCAP-NEXT: -inf 0.761594 1.28709
func.func @softcap_masked(%q: tensor<1x3x1x2xf32> {attn.name = "q"},
                          %k: tensor<1x2x1x2xf32> {attn.name = "k"},
                          %v: tensor<1x2x1x2xf32> {attn.name = "v"})
    -> (tensor<1x3x1x2xf32> {attn.name = "out"},
        tensor<1x3x1xf32> {attn.name = "lse"}) {
  %o, %lse = attn.prefill q(%q) k(%k) v(%v)
    {causal, scale = 1.0 : f32, softcap = 1.0 : f32}
    : (tensor<1x3x1x2xf32>, tensor<1x2x1x2xf32>, tensor<1x2x1x2xf32>)
    -> (tensor<1x3x1x2xf32>, tensor<1x3x1xf32>)
  return %o, %lse : tensor<1x3x1x2xf32>, tensor<1x3x1xf32>
}

// Ragged, causal, scale 1: cu_seqlens_q = [0, 2, 2, 3], cu_seqlens_k =
// [0, 2, 2, 4]. Request 0 owns q rows 0-1 and keys 0-1; request 1 is empty;
// request 2 owns q row 2 and keys 2-3 (Sq = 1 < Sk = 2: its query sits at
// position 1 and sees both keys). q = [1, 0], [0, 1], [0, 1];
// k = [1, 0], [0, 1], [1, 0], [0, 1]; v = [1, 2], [3, 4], [5, 6], [7, 8].
// Row 0 sees key 0: [1, 2], lse 1. Row 1 sees keys 0, 1 with s = [0, 1]:
// (v0 + e v1) / (1 + e) = [2.46212, 3.46212], lse log(1 + e) = 1.31326.
// Row 2 sees keys 2, 3 with s = [0, 1]: v2 + 2e / (1 + e) = [6.46212, 7.46212],
// lse 1.31326. The token count Tq = 3 follows from q's 6 values.
// RAGGED: out: f32 [3, 1, 2]
// RAGGED-NEXT: 1 2 2.46212 3.46212 6.46212 7.46212
// RAGGED-NEXT: lse: f32 [3, 1]
// RAGGED-NEXT: 1 1.31326 1.31326
// RAGGED-NEXT: check out: max_abs_err=0 max_rel_err=0
// RAGGED-NEXT: check lse: max_abs_err=0 max_rel_err=0
func.func @ragged(%q: tensor<?x1x2xf32> {attn.name = "q"},
                  %k: tensor<?x1x2xf32> {attn.name = "k"},
                  %v: tensor<?x1x2xf32> {attn.name = "v"},
                  %cq: tensor<4xi32> {attn.name = "cu_q"},
                  %ck: tensor<4xi32> {attn.name = "cu_k"})
    -> (tensor<?x1x2xf32> {attn.name = "out"},
        tensor<?x1xf32> {attn.name = "lse"}) {
  %o, %lse = attn.prefill q(%q) k(%k) v(%v) cu_seqlens_q(%cq) cu_seqlens_k(%ck)
    {causal, scale = 1.0 : f32}
    : (tensor<?x1x2xf32>, tensor<?x1x2xf32>, tensor<?x1x2xf32>,
       tensor<4xi32>, tensor<4xi32>)
    -> (tensor<?x1x2xf32>, tensor<?x1xf32>)
  return %o, %lse : tensor<?x1x2xf32>, tensor<?x1xf32>
}
