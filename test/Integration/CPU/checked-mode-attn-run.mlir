// attn-run launches in checked mode: the runtime validates index metadata
// before the kernel runs, so a page index past the cache fails with a message
// naming the element, its value and the valid range, and nothing is printed.
// RUN: attn-run %s --input 'q=1 0' --input 'k_cache=1 0 0 1' --input 'v_cache=1 2 3 4' --input 'kv_indptr=0 2' --input 'kv_indices=1 0' --input 'kv_last_page_len=1' --print --check | FileCheck %s --check-prefix=OK
// RUN: not attn-run %s --input 'q=1 0' --input 'k_cache=1 0 0 1' --input 'v_cache=1 2 3 4' --input 'kv_indptr=0 2' --input 'kv_indices=1 2' --input 'kv_last_page_len=1' --print 2>&1 | FileCheck %s --check-prefix=RANGE --implicit-check-not=out:
// RUN: not attn-run %s --input 'q=1 0' --input 'k_cache=1 0 0 1' --input 'v_cache=1 2 3 4' --input 'kv_indptr=0 2' --input 'kv_indices=-1 0' --input 'kv_last_page_len=1' --print 2>&1 | FileCheck %s --check-prefix=NEG --implicit-check-not=out:

// Two pages of size 1; the request reads page 1 (k = [0, 1], v = [3, 4],
// score 0) then page 0 (k = [1, 0], v = [1, 2], score 1), scale 1:
// o = ([3, 4] + e [1, 2]) / (1 + e) = [1.53788, 2.53788].
// OK: out: f32 [1, 1, 2]
// OK-NEXT: 1.53788 2.53788
// OK-NEXT: check out: max_abs_err=0 max_rel_err=0
// The cache has 2 pages, so kv_indices must lie in [0, 1].
// RANGE: attn-run: kernel 'decode': check failed: kv_indices[1] = 2 is out of range [0, 1] (k_cache.0 - 1)
// NEG: attn-run: kernel 'decode': check failed: kv_indices[0] = -1 is out of range [0, 1] (k_cache.0 - 1)
func.func @decode(%q: tensor<1x1x2xf32> {attn.name = "q"},
                  %kc: tensor<?x1x1x2xf32> {attn.name = "k_cache"},
                  %vc: tensor<?x1x1x2xf32> {attn.name = "v_cache"},
                  %kp: tensor<2xi32> {attn.name = "kv_indptr"},
                  %ki: tensor<?xi32> {attn.name = "kv_indices"},
                  %kl: tensor<1xi32> {attn.name = "kv_last_page_len"})
    -> (tensor<1x1x2xf32> {attn.name = "out"}) {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<nhd>, scale = 1.0 : f32}
      : (tensor<1x1x2xf32>, tensor<?x1x1x2xf32>, tensor<?x1x1x2xf32>,
         tensor<2xi32>, tensor<?xi32>, tensor<1xi32>) -> tensor<1x1x2xf32>
  return %o : tensor<1x1x2xf32>
}
