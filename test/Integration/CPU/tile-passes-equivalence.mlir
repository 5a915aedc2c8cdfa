// The attn_tile passes preserve the semantics on every softmax op: the
// kernels of expand-functors-equivalence.mlir (dense, ragged with an empty
// request, user score_mod/mask_mod, batch_prefill NHD, batch_decode HND with
// page size 1 and NHD with page size 2 and an empty request, vLLM
// paged_attention, MLA) are tiled with small tiles (block-m 4, block-n 2, so
// that every request spans several KV blocks), bounded by
// attn-skip-masked-blocks, split over the grid by attn-split-kv (3 splits,
// then, for ragged prefill, decode, vLLM and MLA, the run-time choice with
// one head per tile) and compiled by the tiled
// CPU pipeline; attn-run --check compares them with the reference lowering of
// the IR as written and fails above 1e-5.
//
// RUN: attn-run %S/expand-functors-equivalence.mlir -e prefill_dense --passes='attn-expand-functors,attn-tile{block-m=4 block-n=2},attn-skip-masked-blocks,attn-split-kv{splits=3}' --check --tolerance=1e-5 --seed 1 --dim q.1=5 --dim k.1=9 --dim v.1=9 | FileCheck %s
// RUN: attn-run %S/expand-functors-equivalence.mlir -e prefill_dense --passes='attn-expand-functors,attn-tile{block-m=4 block-n=2},attn-skip-masked-blocks,attn-split-kv{splits=3}' --check --tolerance=1e-5 --seed 2 --dim q.1=7 --dim k.1=3 --dim v.1=3 | FileCheck %s
// RUN: attn-run %S/expand-functors-equivalence.mlir -e prefill_ragged --passes='attn-expand-functors,attn-tile{block-m=4 block-n=2},attn-skip-masked-blocks,attn-split-kv{splits=3}' --check --tolerance=1e-5 --seed 3 --input 'cu_seqlens_q=0 2 2 5 7' --input 'cu_seqlens_k=0 5 5 8 9' --dim q.0=7 --dim k.0=9 --dim v.0=9 | FileCheck %s
// RUN: attn-run %S/expand-functors-equivalence.mlir -e prefill_ragged --passes='attn-expand-functors,attn-tile{block-m=4 block-n=2 gqa-pack=1},attn-skip-masked-blocks,attn-split-kv' --check --tolerance=1e-5 --seed 3 --input 'cu_seqlens_q=0 2 2 5 7' --input 'cu_seqlens_k=0 5 5 8 9' --dim q.0=7 --dim k.0=9 --dim v.0=9 | FileCheck %s
// RUN: attn-run %S/expand-functors-equivalence.mlir -e prefill_user_mods --passes='attn-expand-functors,attn-tile{block-m=4 block-n=2},attn-skip-masked-blocks,attn-split-kv{splits=3}' --check --tolerance=1e-5 --seed 4 --dim q.1=6 --dim k.1=6 --dim v.1=6 | FileCheck %s
// RUN: attn-run %S/expand-functors-equivalence.mlir -e prefill_user_mods --passes='attn-expand-functors,attn-tile{block-m=4 block-n=2},attn-skip-masked-blocks,attn-split-kv{splits=3}' --check --tolerance=1e-5 --seed 5 --dim q.1=4 --dim k.1=7 --dim v.1=7 | FileCheck %s
// RUN: attn-run %S/expand-functors-equivalence.mlir -e batch_prefill_nhd --passes='attn-expand-functors,attn-tile{block-m=4 block-n=2},attn-skip-masked-blocks,attn-split-kv{splits=3}' --check --tolerance=1e-5 --seed 6 --input 'qo_indptr=0 3 5 6 8' --input 'kv_indptr=0 3 4 6 6' --input 'kv_indices=5 0 2 1 3 4' --input 'kv_last_page_len=2 4 1 0' --dim q.0=8 --dim k_cache.0=6 --dim v_cache.0=6 | FileCheck %s
// RUN: attn-run %S/expand-functors-equivalence.mlir -e decode_hnd_page1 --passes='attn-expand-functors,attn-tile{block-m=4 block-n=2},attn-skip-masked-blocks,attn-split-kv{splits=3}' --check --tolerance=1e-5 --seed 7 --input 'kv_indptr=0 3 4 7' --input 'kv_indices=6 0 2 1 3 5 4' --input 'kv_last_page_len=1 1 1' --dim k_cache.0=7 --dim v_cache.0=7 | FileCheck %s
// RUN: attn-run %S/expand-functors-equivalence.mlir -e decode_nhd_page2 --passes='attn-expand-functors,attn-tile{block-m=4 block-n=2},attn-skip-masked-blocks,attn-split-kv{splits=3}' --check --tolerance=1e-5 --seed 8 --input 'kv_indptr=0 3 4 4' --input 'kv_indices=4 0 2 1' --input 'kv_last_page_len=1 2 0' --dim k_cache.0=5 --dim v_cache.0=5 | FileCheck %s
// RUN: attn-run %S/expand-functors-equivalence.mlir -e decode_nhd_page2 --passes='attn-expand-functors,attn-tile{block-m=4 block-n=2 gqa-pack=1},attn-skip-masked-blocks,attn-split-kv' --check --tolerance=1e-5 --seed 8 --input 'kv_indptr=0 3 4 4' --input 'kv_indices=4 0 2 1' --input 'kv_last_page_len=1 2 0' --dim k_cache.0=5 --dim v_cache.0=5 | FileCheck %s
// RUN: attn-run %S/expand-functors-equivalence.mlir -e paged_vllm --passes='attn-expand-functors,attn-tile{block-m=4 block-n=2},attn-skip-masked-blocks,attn-split-kv{splits=3}' --check --tolerance=1e-5 --seed 9 --input 'block_tables=3 0 4 2 1 0' --input 'context_lens=10 5' --dim k_cache.0=5 --dim v_cache.0=5 | FileCheck %s
// RUN: attn-run %S/expand-functors-equivalence.mlir -e paged_vllm --passes='attn-expand-functors,attn-tile{block-m=4 block-n=2 gqa-pack=1},attn-skip-masked-blocks,attn-split-kv' --check --tolerance=1e-5 --seed 9 --input 'block_tables=3 0 4 2 1 0' --input 'context_lens=10 5' --dim k_cache.0=5 --dim v_cache.0=5 | FileCheck %s
// RUN: attn-run %S/expand-functors-equivalence.mlir -e mla --passes='attn-expand-functors,attn-tile{block-m=4 block-n=2},attn-skip-masked-blocks,attn-split-kv{splits=3}' --check --tolerance=1e-5 --seed 10 --input 'kv_indptr=0 3 5' --input 'kv_indices=4 0 2 1 3' --input 'kv_last_page_len=1 2' --dim ckv_cache.0=5 --dim kpe_cache.0=5 | FileCheck %s
// RUN: attn-run %S/expand-functors-equivalence.mlir -e mla --passes='attn-expand-functors,attn-tile{block-m=4 block-n=2 gqa-pack=1},attn-skip-masked-blocks,attn-split-kv' --check --tolerance=1e-5 --seed 10 --input 'kv_indptr=0 3 5' --input 'kv_indices=4 0 2 1 3' --input 'kv_last_page_len=1 2' --dim ckv_cache.0=5 --dim kpe_cache.0=5 | FileCheck %s
// RUN: attn-run %S/expand-functors-equivalence.mlir -e prefill_dynamic_slopes --passes='attn-expand-functors,attn-tile{block-m=4 block-n=2},attn-skip-masked-blocks,attn-split-kv{splits=3}' --check --tolerance=1e-5 --seed 11 --input 'cu_q=0 2 5' --input 'cu_k=0 4 7' --dim q.0=5 --dim k.0=7 --dim v.0=7 | FileCheck %s
//
// Every run prints one line per output, and --tolerance has already failed
// the run if any error exceeded 1e-5.
// CHECK: check out: max_abs_err=

// This file has no kernels of its own; lit runs it for the lines above.
