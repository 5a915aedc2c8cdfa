// The tiled CPU path equals the reference lowering. attn-run compiles each
// function below with the default pipeline, attn-to-cpu (attn-expand-functors,
// attn-tile, attn-inline-functors, convert-attn-tile-to-linalg), runs it on
// seeded random float inputs (index metadata given inline), runs the
// reference lowering (convert-attn-to-loops) of the IR as written on the same
// inputs and prints the largest error of every output; --tolerance makes the
// run fail when one exceeds it. Runs with --passes tile first with
// non-default attn-tile options (query tiles whose rows do not divide the
// sequence, KV tiles of 8 or 24 rows, gqa-pack smaller than the GQA group),
// and the pipeline lowers those attn_tile kernels.
//
// Covered: attn.prefill (dense and ragged, with empty requests and requests
// with no key), attn.batch_prefill and attn.batch_decode (NHD and HND, page
// sizes 1 and 16), attn.paged_attention (vLLM), attn.mla_decode; causal,
// sliding window, softcap, ALiBi ([Hq] and [B, Hq]), score_mod and mask_mod
// regions, the sigmoid normalizer, RoPE (NeoX and interleaved, full and
// partial) with and without positions, FP8 e4m3 with descales and o_scale,
// and the LSE. Sequence lengths 1, 7, 130 and 1023 (no tile multiples), head
// dims 64, 80, 128 and 256, GQA ratios 1, 4, 8 and 16.
//
// Tolerances (absolute; outputs are O(1)): f32 1e-5; bf16 1e-2 and f16 2e-3
// (one or two ulps of the output type); f8E4M3FN 0.125 (one ulp at the
// largest output). The LSE is f32 in every case: its check line holds it to
// 1e-5 also in runs whose --tolerance is looser.
//
// attn-run compiles every public function of its input, so split-file gives
// each function a module of its own, %t/NAME.mlir (one module for all would
// make every run compile all of them).
//
// RUN: rm -rf %t && split-file %s %t
//
// Dense prefill, f32, D = 64, GQA 4, causal: S = 1, 7, 130; chunked prefill
// (Sq = 7, Sk = 130); S = 1023; then 12 positions x 2 heads per query tile
// (gqa-pack 2 < the group of 4) and 17 KV tiles of 8 per request.
// RUN: attn-run %t/dense_causal.mlir -e dense_causal --check --tolerance=1e-5 \
// RUN:   --seed 1 --dim q.0=2 --dim k.0=2 --dim v.0=2 --dim q.1=1 --dim k.1=1 \
// RUN:   --dim v.1=1 | FileCheck %s
// RUN: attn-run %t/dense_causal.mlir -e dense_causal --check --tolerance=1e-5 \
// RUN:   --seed 2 --dim q.0=2 --dim k.0=2 --dim v.0=2 --dim q.1=7 --dim k.1=7 \
// RUN:   --dim v.1=7 | FileCheck %s
// RUN: attn-run %t/dense_causal.mlir -e dense_causal --check --tolerance=1e-5 \
// RUN:   --seed 3 --dim q.0=2 --dim k.0=2 --dim v.0=2 --dim q.1=130 \
// RUN:   --dim k.1=130 --dim v.1=130 | FileCheck %s
// RUN: attn-run %t/dense_causal.mlir -e dense_causal --check --tolerance=1e-5 \
// RUN:   --seed 4 --dim q.0=2 --dim k.0=2 --dim v.0=2 --dim q.1=7 \
// RUN:   --dim k.1=130 --dim v.1=130 | FileCheck %s
// RUN: attn-run %t/dense_causal.mlir -e dense_causal --check --tolerance=1e-5 \
// RUN:   --seed 5 --dim q.0=1 --dim k.0=1 --dim v.0=1 --dim q.1=1023 \
// RUN:   --dim k.1=1023 --dim v.1=1023 | FileCheck %s
// RUN: attn-run %t/dense_causal.mlir -e dense_causal --check --tolerance=1e-5 \
// RUN:   --seed 6 \
// RUN:   --passes='attn-expand-functors,attn-tile{block-m=24 block-n=8 gqa-pack=2}' \
// RUN:   --dim q.0=2 --dim k.0=2 --dim v.0=2 --dim q.1=130 --dim k.1=130 \
// RUN:   --dim v.1=130 | FileCheck %s
//
// Dense prefill, f32, D = 80, MHA: window [37, 5], softcap, ALiBi: S = 130;
// Sq = 7, Sk = 130; Sq = 130, Sk = 7 (the first 118 query rows see no key: out
// 0, lse -inf on both sides); 7-row query tiles and 8-row KV tiles (with the
// window, whole KV tiles are masked before and after the visible ones).
// RUN: attn-run %t/dense_window.mlir -e dense_window --check --tolerance=1e-5 \
// RUN:   --seed 7 --input 'slopes=0.25 0.125 0.0625 0.03125' --dim q.0=2 \
// RUN:   --dim k.0=2 --dim v.0=2 --dim q.1=130 --dim k.1=130 --dim v.1=130 \
// RUN:   | FileCheck %s
// RUN: attn-run %t/dense_window.mlir -e dense_window --check --tolerance=1e-5 \
// RUN:   --seed 8 --input 'slopes=0.25 0.125 0.0625 0.03125' --dim q.0=1 \
// RUN:   --dim k.0=1 --dim v.0=1 --dim q.1=7 --dim k.1=130 --dim v.1=130 \
// RUN:   | FileCheck %s
// RUN: attn-run %t/dense_window.mlir -e dense_window --check --tolerance=1e-5 \
// RUN:   --seed 9 --input 'slopes=0.25 0.125 0.0625 0.03125' --dim q.0=2 \
// RUN:   --dim k.0=2 --dim v.0=2 --dim q.1=130 --dim k.1=7 --dim v.1=7 \
// RUN:   | FileCheck %s
// RUN: attn-run %t/dense_window.mlir -e dense_window --check --tolerance=1e-5 \
// RUN:   --seed 10 --input 'slopes=0.25 0.125 0.0625 0.03125' \
// RUN:   --passes='attn-expand-functors,attn-tile{block-m=7 block-n=8}' \
// RUN:   --dim q.0=2 --dim k.0=2 --dim v.0=2 --dim q.1=130 --dim k.1=130 \
// RUN:   --dim v.1=130 | FileCheck %s
//
// Dense prefill, bf16, D = 128, GQA 8, causal, score_mod and mask_mod regions:
// S = 130; Sq = 7, Sk = 130 (B = 2, so the mask sees b); S = 1 (B = 3); 3
// positions x 2 heads per query tile (gqa-pack 2 of 8), KV tiles of 8.
// RUN: attn-run %t/dense_mods.mlir -e dense_mods --check --tolerance=1e-2 \
// RUN:   --seed 11 --dim q.0=1 --dim k.0=1 --dim v.0=1 --dim q.1=130 \
// RUN:   --dim k.1=130 --dim v.1=130 | FileCheck %s
// RUN: attn-run %t/dense_mods.mlir -e dense_mods --check --tolerance=1e-2 \
// RUN:   --seed 12 --dim q.0=2 --dim k.0=2 --dim v.0=2 --dim q.1=7 \
// RUN:   --dim k.1=130 --dim v.1=130 | FileCheck %s
// RUN: attn-run %t/dense_mods.mlir -e dense_mods --check --tolerance=1e-2 \
// RUN:   --seed 13 --dim q.0=3 --dim k.0=3 --dim v.0=3 --dim q.1=1 \
// RUN:   --dim k.1=1 --dim v.1=1 | FileCheck %s
// RUN: attn-run %t/dense_mods.mlir -e dense_mods --check --tolerance=1e-2 \
// RUN:   --seed 14 \
// RUN:   --passes='attn-expand-functors,attn-tile{block-m=6 block-n=8 gqa-pack=2}' \
// RUN:   --dim q.0=2 --dim k.0=2 --dim v.0=2 --dim q.1=130 --dim k.1=130 \
// RUN:   --dim v.1=130 | FileCheck %s
//
// Dense prefill, f16, D = 256, GQA 16, causal, sigmoid normalizer (no LSE):
// S = 130; S = 7 (B = 3); 5 positions x 4 heads per query tile (gqa-pack 4 of
// 16), KV tiles of 8.
// RUN: attn-run %t/dense_sigmoid.mlir -e dense_sigmoid --check \
// RUN:   --tolerance=2e-3 --seed 15 --dim q.0=1 --dim k.0=1 --dim v.0=1 \
// RUN:   --dim q.1=130 --dim k.1=130 --dim v.1=130 \
// RUN:   | FileCheck %s --check-prefix=NOLSE
// RUN: attn-run %t/dense_sigmoid.mlir -e dense_sigmoid --check \
// RUN:   --tolerance=2e-3 --seed 16 --dim q.0=3 --dim k.0=3 --dim v.0=3 \
// RUN:   --dim q.1=7 --dim k.1=7 --dim v.1=7 \
// RUN:   | FileCheck %s --check-prefix=NOLSE
// RUN: attn-run %t/dense_sigmoid.mlir -e dense_sigmoid --check \
// RUN:   --tolerance=2e-3 --seed 17 \
// RUN:   --passes='attn-expand-functors,attn-tile{block-m=20 block-n=8 gqa-pack=4}' \
// RUN:   --dim q.0=1 --dim k.0=1 --dim v.0=1 --dim q.1=130 --dim k.1=130 \
// RUN:   --dim v.1=130 | FileCheck %s --check-prefix=NOLSE
//
// Dense prefill, f32, D = 64, GQA 4, RoPE without positions: Sq = 7, Sk = 130
// (queries rotated at 123 + i); S = 130 with 4 positions x 4 heads per query
// tile, KV tiles of 8.
// RUN: attn-run %t/dense_rope.mlir -e dense_rope --check --tolerance=1e-5 \
// RUN:   --seed 18 --dim q.0=2 --dim k.0=2 --dim v.0=2 --dim q.1=7 \
// RUN:   --dim k.1=130 --dim v.1=130 | FileCheck %s
// RUN: attn-run %t/dense_rope.mlir -e dense_rope --check --tolerance=1e-5 \
// RUN:   --seed 19 \
// RUN:   --passes='attn-expand-functors,attn-tile{block-m=16 block-n=8 gqa-pack=4}' \
// RUN:   --dim q.0=1 --dim k.0=1 --dim v.0=1 --dim q.1=130 --dim k.1=130 \
// RUN:   --dim v.1=130 | FileCheck %s
//
// Dense prefill, f32, D = 128, GQA 4, partial RoPE at positions [B, Sq] (random
// in [0, 4096)): Sq = 7, Sk = 130; then one head and 3 positions per query
// tile, KV tiles of 8.
// RUN: attn-run %t/dense_rope_positions.mlir -e dense_rope_positions --check \
// RUN:   --tolerance=1e-5 --seed 44 \
// RUN:   --input 'positions=2806 2168 3920 1322 189 1681 2963 1200 221 2441 \
// RUN:   745 2139 3004 1368' --dim q.0=2 --dim k.0=2 --dim v.0=2 --dim q.1=7 \
// RUN:   --dim k.1=130 --dim v.1=130 | FileCheck %s
// RUN: attn-run %t/dense_rope_positions.mlir -e dense_rope_positions --check \
// RUN:   --tolerance=1e-5 --seed 45 \
// RUN:   --input 'positions=2806 2168 3920 1322 189 1681 2963 1200 221 2441 \
// RUN:   745 2139 3004 1368' \
// RUN:   --passes='attn-expand-functors,attn-tile{block-m=3 block-n=8 gqa-pack=1}' \
// RUN:   --dim q.0=2 --dim k.0=2 --dim v.0=2 --dim q.1=7 --dim k.1=130 \
// RUN:   --dim v.1=130 | FileCheck %s
//
// Ragged prefill, f32, D = 128, GQA 4, causal: requests (Sq, Sk) = (7, 7),
// (0, 0) (empty), (1, 1), (130, 130), (7, 130), (1, 0) (no key: out 0, lse
// -inf); the same with 10 positions x 2 heads per query tile and KV tiles of 8;
// then (130, 1023) and (1, 1).
// RUN: attn-run %t/ragged_causal.mlir -e ragged_causal --check \
// RUN:   --tolerance=1e-5 --seed 20 \
// RUN:   --input 'cu_seqlens_q=0 7 7 8 138 145 146' \
// RUN:   --input 'cu_seqlens_k=0 7 7 8 138 268 268' --dim q.0=146 \
// RUN:   --dim k.0=268 --dim v.0=268 | FileCheck %s
// RUN: attn-run %t/ragged_causal.mlir -e ragged_causal --check \
// RUN:   --tolerance=1e-5 --seed 21 \
// RUN:   --passes='attn-expand-functors,attn-tile{block-m=20 block-n=8 gqa-pack=2}' \
// RUN:   --input 'cu_seqlens_q=0 7 7 8 138 145 146' \
// RUN:   --input 'cu_seqlens_k=0 7 7 8 138 268 268' --dim q.0=146 \
// RUN:   --dim k.0=268 --dim v.0=268 | FileCheck %s
// RUN: attn-run %t/ragged_causal.mlir -e ragged_causal --check \
// RUN:   --tolerance=1e-5 --seed 22 --input 'cu_seqlens_q=0 130 131' \
// RUN:   --input 'cu_seqlens_k=0 1023 1024' --dim q.0=131 --dim k.0=1024 \
// RUN:   --dim v.0=1024 | FileCheck %s
//
// Ragged prefill, bf16, D = 64, MHA, causal, interleaved RoPE at per-token
// positions (random in [0, 4096)): requests (7, 130), (0, 0), (1, 1), (20, 20);
// then 5-row query tiles and KV tiles of 8.
// RUN: attn-run %t/ragged_rope_positions.mlir -e ragged_rope_positions \
// RUN:   --check --tolerance=1e-2 --seed 23 \
// RUN:   --input 'positions=2652 1235 3234 395 593 771 2995 475 1758 307 704 \
// RUN:   3552 3425 572 1971 743 3477 484 1014 1828 506 3249 406 1811 381 1090 \
// RUN:   2372 3433' --input 'cu_seqlens_q=0 7 7 8 28' \
// RUN:   --input 'cu_seqlens_k=0 130 130 131 151' --dim q.0=28 --dim k.0=151 \
// RUN:   --dim v.0=151 | FileCheck %s
// RUN: attn-run %t/ragged_rope_positions.mlir -e ragged_rope_positions \
// RUN:   --check --tolerance=1e-2 --seed 24 \
// RUN:   --input 'positions=2652 1235 3234 395 593 771 2995 475 1758 307 704 \
// RUN:   3552 3425 572 1971 743 3477 484 1014 1828 506 3249 406 1811 381 1090 \
// RUN:   2372 3433' \
// RUN:   --passes='attn-expand-functors,attn-tile{block-m=5 block-n=8}' \
// RUN:   --input 'cu_seqlens_q=0 7 7 8 28' \
// RUN:   --input 'cu_seqlens_k=0 130 130 131 151' --dim q.0=28 --dim k.0=151 \
// RUN:   --dim v.0=151 | FileCheck %s
//
// batch_prefill, f32, NHD, page_size 16, D = 128, GQA 4, causal: requests
// (Sq, Sk) = (7, 130), (1, 1), (0, 0) (no page), (130, 130), (7, 7), (7, 3)
// (its first 4 rows see no key), pages permuted; then 6 positions x 2 heads per
// query tile and KV tiles of 24 rows (tiles straddle pages).
// RUN: attn-run %t/bprefill_nhd16.mlir -e bprefill_nhd16 --check \
// RUN:   --tolerance=1e-5 --seed 25 --input 'qo_indptr=0 7 8 8 138 145 152' \
// RUN:   --dim q.0=152 --input 'kv_indptr=0 9 10 10 19 20 21' \
// RUN:   --input 'kv_indices=22 7 17 2 4 10 13 5 3 11 23 14 16 21 19 20 18 8 \
// RUN:   1 15 9' --input 'kv_last_page_len=2 1 0 2 7 3' --dim k_cache.0=24 \
// RUN:   --dim v_cache.0=24 | FileCheck %s
// RUN: attn-run %t/bprefill_nhd16.mlir -e bprefill_nhd16 --check \
// RUN:   --tolerance=1e-5 --seed 26 \
// RUN:   --passes='attn-expand-functors,attn-tile{block-m=12 block-n=24 gqa-pack=2}' \
// RUN:   --input 'qo_indptr=0 7 8 8 138 145 152' --dim q.0=152 \
// RUN:   --input 'kv_indptr=0 9 10 10 19 20 21' \
// RUN:   --input 'kv_indices=16 12 19 14 18 7 5 3 20 2 8 9 10 11 0 15 4 1 17 \
// RUN:   13 22' --input 'kv_last_page_len=2 1 0 2 7 3' --dim k_cache.0=24 \
// RUN:   --dim v_cache.0=24 | FileCheck %s
//
// batch_prefill, bf16, HND, page_size 1, D = 64, GQA 8, window and softcap:
// requests (7, 130), (1, 1), (0, 0), (7, 7); then 3 positions x 4 heads per
// query tile (gqa-pack 4 of 8), KV tiles of 8 pages.
// RUN: attn-run %t/bprefill_hnd1.mlir -e bprefill_hnd1 --check \
// RUN:   --tolerance=1e-2 --seed 27 --input 'qo_indptr=0 7 8 8 15' \
// RUN:   --dim q.0=15 --input 'kv_indptr=0 130 131 131 138' \
// RUN:   --input 'kv_indices=115 26 134 37 96 100 55 91 2 14 114 123 27 72 23 \
// RUN:   106 126 28 11 51 34 0 66 76 68 102 60 24 121 124 71 88 42 130 112 36 \
// RUN:   97 41 49 92 135 77 7 40 52 25 133 74 86 5 35 31 47 48 13 89 15 125 3 \
// RUN:   132 139 128 30 80 98 20 129 79 45 59 109 39 8 113 75 120 108 110 57 \
// RUN:   116 22 111 69 33 19 58 21 118 131 87 4 38 137 12 136 67 90 29 119 \
// RUN:   101 43 140 17 32 127 82 104 1 44 56 84 6 94 53 99 54 107 78 10 83 \
// RUN:   138 81 117 93 9 105 62 61 63 46 103 95 64 85 65 16 18 50' \
// RUN:   --input 'kv_last_page_len=1 1 0 1' --dim k_cache.0=141 \
// RUN:   --dim v_cache.0=141 | FileCheck %s
// RUN: attn-run %t/bprefill_hnd1.mlir -e bprefill_hnd1 --check \
// RUN:   --tolerance=1e-2 --seed 28 \
// RUN:   --passes='attn-expand-functors,attn-tile{block-m=12 block-n=8 gqa-pack=4}' \
// RUN:   --input 'qo_indptr=0 7 8 8 15' --dim q.0=15 \
// RUN:   --input 'kv_indptr=0 130 131 131 138' \
// RUN:   --input 'kv_indices=67 82 19 70 5 60 23 17 80 38 76 71 69 130 109 56 \
// RUN:   121 75 91 97 11 123 79 59 58 51 87 50 77 83 37 108 61 138 0 2 63 14 \
// RUN:   135 18 117 90 26 42 94 27 99 93 107 13 95 55 46 9 124 31 6 65 103 \
// RUN:   134 44 43 72 129 7 96 140 125 111 110 24 39 74 116 119 113 49 32 127 \
// RUN:   20 85 62 132 4 122 47 101 21 120 73 15 35 68 112 10 128 104 81 131 \
// RUN:   98 1 126 115 137 86 29 78 34 102 84 92 88 66 64 22 16 105 89 40 114 \
// RUN:   133 12 8 30 52 3 25 48 136 41 100 36 54 53 106 118 139 57' \
// RUN:   --input 'kv_last_page_len=1 1 0 1' --dim k_cache.0=141 \
// RUN:   --dim v_cache.0=141 | FileCheck %s
//
// batch_prefill, f16, HND, page_size 16, D = 80, MHA, causal, ALiBi [B, Hq] and
// RoPE at per-token positions: requests (7, 130), (1, 1), (0, 0), (130, 130).
// RUN: attn-run %t/bprefill_hnd16.mlir -e bprefill_hnd16 --check \
// RUN:   --tolerance=2e-3 --seed 29 \
// RUN:   --input 'slopes=0.5 0.25 0.125 0.0625 0.03125 0.015625 0.3 0.2' \
// RUN:   --dim slopes.0=4 \
// RUN:   --input 'positions=1181 964 2527 1480 844 1539 3050 798 514 488 1687 \
// RUN:   4066 3502 2573 3814 3712 2962 2455 2035 1472 1999 670 2459 4055 2813 \
// RUN:   3676 2358 599 967 3425 1351 2802 1245 4005 3454 321 635 2570 2786 \
// RUN:   2868 4068 3737 563 766 2211 3883 532 497 2536 3650 2331 3160 2842 \
// RUN:   184 3782 2911 1376 959 4044 482 1787 2354 1059 2028 3259 3202 4067 \
// RUN:   660 1362 3679 3290 2276 1121 3526 2280 3402 2939 3116 1890 1236 679 \
// RUN:   1443 1239 1900 1911 98 3972 1493 2152 2309 33 1193 3432 3024 2610 \
// RUN:   1028 442 3740 3214 3260 3268 3228 848 3944 3280 509 1561 551 1710 \
// RUN:   3609 1329 900 2785 430 838 1 1239 831 2978 208 576 1703 3082 1216 \
// RUN:   2066 2845 2983 3884 1006 944 3998 3817 3935 3963 2554 703 1180 837' \
// RUN:   --input 'qo_indptr=0 7 8 8 138' --dim q.0=138 \
// RUN:   --input 'kv_indptr=0 9 10 10 19' \
// RUN:   --input 'kv_indices=10 13 4 18 21 8 15 5 3 7 1 12 0 14 6 19 16 20 9' \
// RUN:   --input 'kv_last_page_len=2 1 0 2' --dim k_cache.0=22 \
// RUN:   --dim v_cache.0=22 | FileCheck %s
//
// batch_prefill, f32, NHD, page_size 1, D = 256, GQA 16, score_mod and mask_mod
// regions: requests (7, 130), (1, 1), (0, 0), (7, 7).
// RUN: attn-run %t/bprefill_nhd1.mlir -e bprefill_nhd1 --check \
// RUN:   --tolerance=1e-5 --seed 30 --input 'qo_indptr=0 7 8 8 15' \
// RUN:   --dim q.0=15 --input 'kv_indptr=0 130 131 131 138' \
// RUN:   --input 'kv_indices=80 94 46 124 4 132 28 5 45 29 77 48 25 140 111 \
// RUN:   125 134 41 21 49 129 100 47 82 127 95 0 85 58 126 99 108 114 36 137 \
// RUN:   56 84 79 24 50 19 90 27 121 61 70 133 122 26 18 89 98 11 55 87 69 \
// RUN:   115 102 73 37 92 30 59 33 128 75 13 2 113 43 66 139 57 136 42 60 23 \
// RUN:   120 22 38 88 52 110 15 40 109 17 10 64 32 91 93 16 39 63 78 14 71 81 \
// RUN:   105 119 135 123 54 97 35 86 72 103 31 3 130 8 112 68 44 83 106 51 \
// RUN:   117 67 76 104 107 116 131 9 6 62 1 118 20 34 96 101 12 65 53' \
// RUN:   --input 'kv_last_page_len=1 1 0 1' --dim k_cache.0=141 \
// RUN:   --dim v_cache.0=141 | FileCheck %s
//
// batch_decode, f32, NHD, page_size 16, D = 256, GQA 16: Sk = 1, 7, 130, 1023,
// 0 (no page); then 4 heads per tile (gqa-pack 4 of 16) and KV tiles of 8 (half
// pages).
// RUN: attn-run %t/decode_nhd16.mlir -e decode_nhd16 --check --tolerance=1e-5 \
// RUN:   --seed 31 --dim q.0=5 --input 'kv_indptr=0 1 2 11 75 75' \
// RUN:   --input 'kv_indices=58 52 24 32 27 63 59 9 54 30 69 53 43 66 42 10 \
// RUN:   19 61 31 76 6 20 62 16 44 2 0 48 45 39 65 40 8 22 11 36 3 35 55 57 \
// RUN:   41 47 15 38 23 74 51 56 12 21 25 49 77 64 72 37 13 26 33 28 46 34 70 \
// RUN:   67 7 4 73 71 29 68 75 17 5 18 50' \
// RUN:   --input 'kv_last_page_len=1 7 2 15 0' --dim k_cache.0=78 \
// RUN:   --dim v_cache.0=78 | FileCheck %s
// RUN: attn-run %t/decode_nhd16.mlir -e decode_nhd16 --check --tolerance=1e-5 \
// RUN:   --seed 32 \
// RUN:   --passes='attn-expand-functors,attn-tile{block-n=8 gqa-pack=4}' \
// RUN:   --dim q.0=5 --input 'kv_indptr=0 1 2 11 75 75' \
// RUN:   --input 'kv_indices=20 40 43 16 55 52 57 13 11 70 6 32 37 19 62 26 \
// RUN:   66 24 53 39 36 64 25 58 73 54 17 72 15 23 77 29 68 14 22 35 44 71 76 \
// RUN:   1 59 10 45 56 2 67 21 5 28 51 75 69 49 46 31 61 33 8 50 48 34 0 74 \
// RUN:   47 60 7 42 65 41 12 4 3 63 30 38' \
// RUN:   --input 'kv_last_page_len=1 7 2 15 0' --dim k_cache.0=78 \
// RUN:   --dim v_cache.0=78 | FileCheck %s
//
// batch_decode, bf16, HND, page_size 1, D = 80, GQA 4, window, softcap and
// ALiBi: Sk = 1, 7, 130; then 2 heads per 8-row tile (rows past the one query
// are padding) and KV tiles of 8 pages.
// RUN: attn-run %t/decode_hnd1.mlir -e decode_hnd1 --check --tolerance=1e-2 \
// RUN:   --seed 33 \
// RUN:   --input 'slopes=0.5 0.25 0.125 0.0625 0.03125 0.015625 0.0078125 \
// RUN:   0.00390625' --dim q.0=3 --input 'kv_indptr=0 1 8 138' \
// RUN:   --input 'kv_indices=21 1 33 102 80 32 121 125 69 96 53 9 134 75 132 \
// RUN:   131 3 90 89 130 61 43 12 26 117 56 68 119 103 16 13 17 64 133 5 2 51 \
// RUN:   137 10 20 28 73 139 138 74 140 79 109 48 57 124 30 129 81 100 76 55 \
// RUN:   62 29 93 37 22 85 60 58 88 24 25 44 112 126 105 91 92 78 11 19 101 \
// RUN:   98 116 99 4 14 23 49 50 118 38 84 67 45 0 114 34 65 107 41 83 106 46 \
// RUN:   120 8 27 36 111 7 15 31 87 97 71 40 35 108 104 54 86 94 110 127 95 6 \
// RUN:   115 63 66 39 52 77 18 72 113 123 82 128 47 135 136 122' \
// RUN:   --input 'kv_last_page_len=1 1 1' --dim k_cache.0=141 \
// RUN:   --dim v_cache.0=141 | FileCheck %s
// RUN: attn-run %t/decode_hnd1.mlir -e decode_hnd1 --check --tolerance=1e-2 \
// RUN:   --seed 34 \
// RUN:   --input 'slopes=0.5 0.25 0.125 0.0625 0.03125 0.015625 0.0078125 \
// RUN:   0.00390625' \
// RUN:   --passes='attn-expand-functors,attn-tile{block-m=8 block-n=8 gqa-pack=2}' \
// RUN:   --dim q.0=3 --input 'kv_indptr=0 1 8 138' \
// RUN:   --input 'kv_indices=88 83 28 119 12 76 114 63 110 41 15 109 122 89 \
// RUN:   13 2 112 86 100 127 5 1 17 65 92 120 115 45 123 62 52 23 130 125 38 \
// RUN:   113 71 20 101 106 3 42 72 29 103 105 34 124 111 61 98 64 55 132 6 33 \
// RUN:   137 4 121 18 10 79 8 104 82 134 46 59 80 60 66 118 97 43 51 95 25 36 \
// RUN:   84 85 53 126 56 9 74 14 31 30 54 69 50 139 73 133 77 22 68 57 26 27 \
// RUN:   40 48 37 128 81 75 21 49 117 116 107 90 70 94 32 47 136 102 11 67 96 \
// RUN:   19 140 0 131 44 35 129 39 24 87 78 108 16 93 99 138 58' \
// RUN:   --input 'kv_last_page_len=1 1 1' --dim k_cache.0=141 \
// RUN:   --dim v_cache.0=141 | FileCheck %s
//
// batch_decode, f16, HND, page_size 16, D = 128, GQA 8, RoPE at positions [B]:
// Sk = 7, 130, 1.
// RUN: attn-run %t/decode_hnd16_rope.mlir -e decode_hnd16_rope --check \
// RUN:   --tolerance=2e-3 --seed 35 --input 'positions=3000 129 17' \
// RUN:   --dim q.0=3 --input 'kv_indptr=0 1 10 11' \
// RUN:   --input 'kv_indices=10 1 3 7 0 13 9 6 4 11 12' \
// RUN:   --input 'kv_last_page_len=7 2 1' --dim k_cache.0=14 \
// RUN:   --dim v_cache.0=14 | FileCheck %s
//
// batch_decode, f32, NHD, page_size 1, D = 64, MHA, RoPE without positions:
// Sk = 1, 7, 130.
// RUN: attn-run %t/decode_nhd1_rope.mlir -e decode_nhd1_rope --check \
// RUN:   --tolerance=1e-5 --seed 36 --dim q.0=3 --input 'kv_indptr=0 1 8 138' \
// RUN:   --input 'kv_indices=117 95 33 102 74 92 51 39 7 115 58 54 42 136 1 \
// RUN:   24 125 25 85 56 88 134 43 28 100 112 79 126 12 87 124 116 66 60 3 35 \
// RUN:   127 133 109 18 107 129 69 86 40 61 11 99 9 71 81 83 139 13 29 101 6 \
// RUN:   138 16 46 36 34 77 104 121 48 2 55 119 120 8 22 98 137 130 38 140 10 \
// RUN:   57 106 82 59 64 80 30 4 78 32 94 108 47 53 27 17 111 122 76 135 114 \
// RUN:   70 91 41 75 90 123 23 37 67 26 97 89 132 65 15 21 118 31 113 50 103 \
// RUN:   96 44 49 62 105 52 73 19 131 93 110 68 63 45 128 0 20 72' \
// RUN:   --input 'kv_last_page_len=1 1 1' --dim k_cache.0=141 \
// RUN:   --dim v_cache.0=141 | FileCheck %s
//
// FP8 e4m3 batch_decode (f8E4M3FN query, caches and output), NHD, page_size 16,
// D = 128, GQA 4, with q/k/v descales and o_scale: Sk = 7, 130, 1023, 1.
// o_scale = 0.1 keeps |out| <= 1.25, so the tolerance 0.125 is one ulp of
// f8E4M3FN there.
// RUN: attn-run %t/decode_fp8.mlir -e decode_fp8 --check --tolerance=0.125 \
// RUN:   --seed 37 --input 'q_descale=0.5 0.75 1 1.25 1.5 0.25 2 1' \
// RUN:   --input 'k_descale=0.5 0.25' --input 'v_descale=0.125' \
// RUN:   --input 'o_scale=0.1' --dim q.0=4 --input 'kv_indptr=0 1 10 74 75' \
// RUN:   --input 'kv_indices=69 29 12 43 15 76 10 53 59 24 17 35 3 46 21 25 8 \
// RUN:   19 71 31 30 7 9 63 28 73 38 66 75 62 16 22 20 1 14 49 50 42 44 0 60 \
// RUN:   61 32 70 39 33 2 51 55 40 57 68 37 52 27 45 41 23 64 34 74 26 5 6 18 \
// RUN:   72 54 48 36 58 13 67 56 47 4' --input 'kv_last_page_len=7 2 15 1' \
// RUN:   --dim k_cache.0=78 --dim v_cache.0=78 | FileCheck %s
//
// batch_decode, f32 query and output over an f8E4M3FN cache, HND, page_size 16,
// D = 64, GQA 4, with k/v descales: Sk = 1, 130, 7.
// RUN: attn-run %t/decode_fp8_kv.mlir -e decode_fp8_kv --check \
// RUN:   --tolerance=1e-5 --seed 38 --input 'k_descale=0.125' \
// RUN:   --input 'v_descale=0.5 0.25' --dim q.0=3 \
// RUN:   --input 'kv_indptr=0 1 10 11' \
// RUN:   --input 'kv_indices=8 3 11 9 4 0 2 7 5 13 1' \
// RUN:   --input 'kv_last_page_len=1 2 7' --dim k_cache.0=14 \
// RUN:   --dim v_cache.0=14 | FileCheck %s
//
// paged_attention (vLLM), bf16, block_size 16, D = 128, GQA 4, softcap:
// context_lens 130, 7, 1, 0; then context_lens 1023, 7 with 2 heads per tile
// (gqa-pack 2 of 4) and KV tiles of 8.
// RUN: attn-run %t/vllm.mlir -e vllm --check --tolerance=1e-2 --seed 39 \
// RUN:   --input 'block_tables=7 1 8 2 10 12 5 11 9 13 0 0 0 0 0 0 0 0 0 0 0 \
// RUN:   0 0 0 0 0 0 0 0 0 0 0 0 0 0 0' --input 'context_lens=130 7 1 0' \
// RUN:   --dim q.0=4 --dim block_tables.0=4 --dim k_cache.0=14 \
// RUN:   --dim v_cache.0=14 | FileCheck %s
// RUN: attn-run %t/vllm.mlir -e vllm --check --tolerance=1e-2 --seed 40 \
// RUN:   --passes='attn-expand-functors,attn-tile{block-n=8 gqa-pack=2}' \
// RUN:   --input 'block_tables=27 18 59 19 61 25 67 60 0 43 64 65 2 54 51 13 \
// RUN:   15 34 35 14 21 46 55 5 37 66 30 40 10 24 23 42 44 63 6 53 32 9 49 16 \
// RUN:   7 20 38 11 50 29 45 39 12 41 3 62 57 33 1 52 28 47 56 17 22 48 8 26 \
// RUN:   36 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 \
// RUN:   0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0' \
// RUN:   --input 'context_lens=1023 7' --dim q.0=2 --dim block_tables.0=2 \
// RUN:   --dim k_cache.0=68 --dim v_cache.0=68 | FileCheck %s
//
// mla_decode, f32, 16 heads, Dc = 512, Dr = 64, page_size 16: Sk = 1, 7, 130,
// 1023; then Sk = 130, 7 with 4 heads per tile (gqa-pack 4 of 16) and KV tiles
// of 8.
// RUN: attn-run %t/mla.mlir -e mla --check --tolerance=1e-5 --seed 41 \
// RUN:   --dim q_nope.0=4 --dim q_pe.0=4 --input 'kv_indptr=0 1 2 11 75' \
// RUN:   --input 'kv_indices=58 76 72 74 28 32 59 22 24 38 34 43 33 26 75 55 \
// RUN:   65 15 0 77 69 57 45 12 51 67 25 61 5 47 63 40 14 60 17 53 11 9 6 52 \
// RUN:   68 71 8 30 23 4 13 18 27 66 54 50 7 3 37 39 44 41 16 10 20 46 62 64 \
// RUN:   19 56 2 31 1 73 35 70 36 49 21' --input 'kv_last_page_len=1 7 2 15' \
// RUN:   --dim ckv_cache.0=78 --dim kpe_cache.0=78 | FileCheck %s
// RUN: attn-run %t/mla.mlir -e mla --check --tolerance=1e-5 --seed 42 \
// RUN:   --passes='attn-expand-functors,attn-tile{block-n=8 gqa-pack=4}' \
// RUN:   --dim q_nope.0=2 --dim q_pe.0=2 --input 'kv_indptr=0 9 10' \
// RUN:   --input 'kv_indices=7 6 2 9 12 5 11 8 3 4' \
// RUN:   --input 'kv_last_page_len=2 7' --dim ckv_cache.0=13 \
// RUN:   --dim kpe_cache.0=13 | FileCheck %s
//
// mla_decode over an f8E4M3FN latent cache with k_descale, f32 queries and
// output, Dc = 256, Dr = 64, page_size 16: Sk = 130, 7, 1.
// RUN: attn-run %t/mla_fp8.mlir -e mla_fp8 --check --tolerance=1e-5 --seed 46 \
// RUN:   --input 'k_descale=0.5' --dim q_nope.0=3 --dim q_pe.0=3 \
// RUN:   --input 'kv_indptr=0 9 10 11' \
// RUN:   --input 'kv_indices=7 13 8 5 11 12 4 2 3 10 9' \
// RUN:   --input 'kv_last_page_len=2 7 1' --dim ckv_cache.0=14 \
// RUN:   --dim kpe_cache.0=14 | FileCheck %s
//
// mla_decode, bf16, 16 heads, Dc = 128, Dr = 64, page_size 1, softcap: Sk = 7,
// 130, 1.
// RUN: attn-run %t/mla_page1.mlir -e mla_page1 --check --tolerance=1e-2 \
// RUN:   --seed 43 --dim q_nope.0=3 --dim q_pe.0=3 \
// RUN:   --input 'kv_indptr=0 7 137 138' \
// RUN:   --input 'kv_indices=52 132 3 33 134 135 11 32 71 75 121 59 54 17 69 \
// RUN:   92 43 117 18 96 72 39 25 30 50 57 53 88 45 130 62 29 77 31 80 78 1 \
// RUN:   85 87 105 0 51 2 97 28 27 107 44 91 119 138 70 136 81 84 41 122 126 \
// RUN:   109 128 68 26 61 60 5 55 46 114 38 14 129 133 47 124 103 40 10 113 \
// RUN:   112 56 67 89 42 82 58 93 137 99 86 90 83 102 123 79 66 140 35 37 21 \
// RUN:   101 115 125 74 6 8 120 23 139 34 64 76 49 98 16 63 106 65 20 12 19 \
// RUN:   48 15 104 13 108 7 22 100 111 95 110 131 4 127 116 24 94 118' \
// RUN:   --input 'kv_last_page_len=1 1 1' --dim ckv_cache.0=141 \
// RUN:   --dim kpe_cache.0=141 | FileCheck %s
//
// HSTU (attn.linear_attention, which attn-hstu-to-prefill makes a prefill
// with the none normalizer and a SiLU score_mod), f32, D = 64, 2 heads,
// causal, a [B, H, L, L] bias, N the sequence length: S = 1, 7, 130, then
// 130 with query tiles of 8 rows and KV tiles of 8.
// RUN: attn-run %t/hstu_dense.mlir -e hstu_dense --check --tolerance=1e-5 \
// RUN:   --seed 47 --dim q.0=2 --dim k.0=2 --dim v.0=2 --dim q.1=1 --dim k.1=1 \
// RUN:   --dim v.1=1 --dim rab.0=2 --dim rab.2=1 --dim rab.3=1 \
// RUN:   | FileCheck %s --check-prefix=NOLSE
// RUN: attn-run %t/hstu_dense.mlir -e hstu_dense --check --tolerance=1e-5 \
// RUN:   --seed 48 --dim q.0=2 --dim k.0=2 --dim v.0=2 --dim q.1=7 --dim k.1=7 \
// RUN:   --dim v.1=7 --dim rab.0=2 --dim rab.2=9 --dim rab.3=9 \
// RUN:   | FileCheck %s --check-prefix=NOLSE
// RUN: attn-run %t/hstu_dense.mlir -e hstu_dense --check --tolerance=1e-5 \
// RUN:   --seed 49 --dim q.0=1 --dim k.0=1 --dim v.0=1 --dim q.1=130 \
// RUN:   --dim k.1=130 --dim v.1=130 --dim rab.0=1 --dim rab.2=130 \
// RUN:   --dim rab.3=130 | FileCheck %s --check-prefix=NOLSE
// RUN: attn-run %t/hstu_dense.mlir -e hstu_dense --check --tolerance=1e-5 \
// RUN:   --seed 50 \
// RUN:   --passes='attn-hstu-to-prefill,attn-expand-functors,attn-tile{block-m=8 block-n=8}' \
// RUN:   --dim q.0=1 --dim k.0=1 --dim v.0=1 --dim q.1=130 --dim k.1=130 \
// RUN:   --dim v.1=130 --dim rab.0=1 --dim rab.2=130 --dim rab.3=130 \
// RUN:   | FileCheck %s --check-prefix=NOLSE
//
// HSTU, bf16, D = 256, 4 heads, not causal, silu_norm = 100: S = 7 and 130.
// RUN: attn-run %t/hstu_static.mlir -e hstu_static --check --tolerance=1e-2 \
// RUN:   --seed 51 --dim q.0=2 --dim k.0=2 --dim v.0=2 --dim q.1=7 --dim k.1=7 \
// RUN:   --dim v.1=7 | FileCheck %s --check-prefix=NOLSE
// RUN: attn-run %t/hstu_static.mlir -e hstu_static --check --tolerance=1e-2 \
// RUN:   --seed 52 --dim q.0=1 --dim k.0=1 --dim v.0=1 --dim q.1=130 \
// RUN:   --dim k.1=130 --dim v.1=130 | FileCheck %s --check-prefix=NOLSE
//
// HSTU, ragged, f32, D = 128, 2 heads, causal, a bias, N the longest request
// (read from cu_seqlens in the kernel): requests 7, 0 (empty), 1, 130; then
// 1023 and 1 (L = 1023).
// RUN: attn-run %t/hstu_ragged.mlir -e hstu_ragged --check --tolerance=1e-5 \
// RUN:   --seed 53 --input 'cu_seqlens=0 7 7 8 138' --dim q.0=138 \
// RUN:   --dim k.0=138 --dim v.0=138 --dim rab.2=130 --dim rab.3=130 \
// RUN:   | FileCheck %s --check-prefix=NOLSE
// RUN: attn-run %t/hstu_ragged.mlir -e hstu_ragged --check --tolerance=1e-5 \
// RUN:   --seed 54 --input 'cu_seqlens=0 1023 1024' --dim q.0=1024 \
// RUN:   --dim k.0=1024 --dim v.0=1024 --dim rab.2=1023 --dim rab.3=1023 \
// RUN:   | FileCheck %s --check-prefix=NOLSE

// Every run prints the errors of out, then of lse where the function has one;
// the pattern below accepts an lse error of at most 1e-5 as %.3g prints it.
// CHECK: check out: max_abs_err={{.*}} max_rel_err={{.*}}
// CHECK-NEXT: check lse: max_abs_err={{(0|[1-9](\.[0-9]+)?e-(0[6-9]|[1-9][0-9])|1e-05)}} max_rel_err={{.*}}
// NOLSE: check out: max_abs_err={{.*}} max_rel_err={{.*}}
// NOLSE-NOT: check lse

//--- dense_causal.mlir
// f32, D = 64, GQA 4 (8 query heads, 2 KV heads), causal, with the LSE.
func.func @dense_causal(%q: tensor<?x?x8x64xf32> {attn.name = "q"},
                        %k: tensor<?x?x2x64xf32> {attn.name = "k"},
                        %v: tensor<?x?x2x64xf32> {attn.name = "v"})
    -> (tensor<?x?x8x64xf32> {attn.name = "out"},
        tensor<?x?x8xf32> {attn.name = "lse"}) {
  %o, %lse = attn.prefill q(%q) k(%k) v(%v) {causal}
    : (tensor<?x?x8x64xf32>, tensor<?x?x2x64xf32>, tensor<?x?x2x64xf32>)
    -> (tensor<?x?x8x64xf32>, tensor<?x?x8xf32>)
  return %o, %lse : tensor<?x?x8x64xf32>, tensor<?x?x8xf32>
}

//--- dense_window.mlir
// f32, D = 80, MHA (GQA 1): sliding window [37, 5], softcap 2 (scale 0.5,
// so the cap bites) and ALiBi per query head, with the LSE.
func.func @dense_window(%q: tensor<?x?x4x80xf32> {attn.name = "q"},
                        %k: tensor<?x?x4x80xf32> {attn.name = "k"},
                        %v: tensor<?x?x4x80xf32> {attn.name = "v"},
                        %sl: tensor<4xf32> {attn.name = "slopes"})
    -> (tensor<?x?x4x80xf32> {attn.name = "out"},
        tensor<?x?x4xf32> {attn.name = "lse"}) {
  %o, %lse = attn.prefill q(%q) k(%k) v(%v) alibi_slopes(%sl)
      {scale = 0.5 : f32, softcap = 2.0 : f32, window = array<i64: 37, 5>}
    : (tensor<?x?x4x80xf32>, tensor<?x?x4x80xf32>, tensor<?x?x4x80xf32>,
       tensor<4xf32>)
    -> (tensor<?x?x4x80xf32>, tensor<?x?x4xf32>)
  return %o, %lse : tensor<?x?x4x80xf32>, tensor<?x?x4xf32>
}

//--- dense_mods.mlir
// bf16, D = 128, GQA 8 (8 query heads, 1 KV head), causal, with a score_mod
// region (a relative-position bias and a per-head offset on top of a
// non-linear map of the score: it must see local indices) and a mask_mod
// region ((b + i + 2 j) mod 5 != 3), with the LSE.
func.func @dense_mods(%q: tensor<?x?x8x128xbf16> {attn.name = "q"},
                      %k: tensor<?x?x1x128xbf16> {attn.name = "k"},
                      %v: tensor<?x?x1x128xbf16> {attn.name = "v"})
    -> (tensor<?x?x8x128xbf16> {attn.name = "out"},
        tensor<?x?x8xf32> {attn.name = "lse"}) {
  %o, %lse = attn.prefill q(%q) k(%k) v(%v) {causal} score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
    %c = arith.constant 0.03125 : f32
    %sq = arith.mulf %s, %s : f32
    %t = arith.subf %s, %sq : f32
    %d = arith.subi %i, %j : index
    %di = arith.index_cast %d : index to i32
    %df = arith.sitofp %di : i32 to f32
    %rel = arith.mulf %df, %c : f32
    %hi = arith.index_cast %h : index to i32
    %hf = arith.sitofp %hi : i32 to f32
    %hb = arith.mulf %hf, %c : f32
    %u = arith.subf %t, %rel : f32
    %r = arith.addf %u, %hb : f32
    attn.yield %r : f32
  } mask_mod {
  ^bb0(%b: index, %h: index, %i: index, %j: index):
    %c5 = arith.constant 5 : index
    %c3 = arith.constant 3 : index
    %j2 = arith.addi %j, %j : index
    %ij = arith.addi %i, %j2 : index
    %sum = arith.addi %ij, %b : index
    %m = arith.remui %sum, %c5 : index
    %vis = arith.cmpi ne, %m, %c3 : index
    attn.yield %vis : i1
  } : (tensor<?x?x8x128xbf16>, tensor<?x?x1x128xbf16>, tensor<?x?x1x128xbf16>)
    -> (tensor<?x?x8x128xbf16>, tensor<?x?x8xf32>)
  return %o, %lse : tensor<?x?x8x128xbf16>, tensor<?x?x8xf32>
}

//--- dense_sigmoid.mlir
// f16, D = 256, GQA 16 (16 query heads, 1 KV head), causal, the sigmoid
// normalizer (bias -4 keeps the unnormalized sums O(1)); no LSE.
func.func @dense_sigmoid(%q: tensor<?x?x16x256xf16> {attn.name = "q"},
                         %k: tensor<?x?x1x256xf16> {attn.name = "k"},
                         %v: tensor<?x?x1x256xf16> {attn.name = "v"})
    -> (tensor<?x?x16x256xf16> {attn.name = "out"}) {
  %o = attn.prefill q(%q) k(%k) v(%v)
      {causal, normalizer = #attn.normalizer<sigmoid>, sigmoid_bias = -4.0 : f32}
    : (tensor<?x?x16x256xf16>, tensor<?x?x1x256xf16>, tensor<?x?x1x256xf16>)
    -> tensor<?x?x16x256xf16>
  return %o : tensor<?x?x16x256xf16>
}

//--- dense_rope.mlir
// f32, D = 64, GQA 4: NeoX RoPE over all 64 channels without positions
// (queries at their aligned position i + Sk - Sq), causal, with the LSE.
func.func @dense_rope(%q: tensor<?x?x8x64xf32> {attn.name = "q"},
                      %k: tensor<?x?x2x64xf32> {attn.name = "k"},
                      %v: tensor<?x?x2x64xf32> {attn.name = "v"})
    -> (tensor<?x?x8x64xf32> {attn.name = "out"},
        tensor<?x?x8xf32> {attn.name = "lse"}) {
  %o, %lse = attn.prefill q(%q) k(%k) v(%v)
      {causal, rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>}
    : (tensor<?x?x8x64xf32>, tensor<?x?x2x64xf32>, tensor<?x?x2x64xf32>)
    -> (tensor<?x?x8x64xf32>, tensor<?x?x8xf32>)
  return %o, %lse : tensor<?x?x8x64xf32>, tensor<?x?x8xf32>
}

//--- dense_rope_positions.mlir
// f32, D = 128, GQA 4 (4 query heads, 1 KV head): NeoX RoPE over the first
// 64 channels at the given positions [B, Sq] (i64), with the LSE.
func.func @dense_rope_positions(%q: tensor<?x?x4x128xf32> {attn.name = "q"},
                                %k: tensor<?x?x1x128xf32> {attn.name = "k"},
                                %v: tensor<?x?x1x128xf32> {attn.name = "v"},
                                %pos: tensor<?x?xi64> {attn.name = "positions"})
    -> (tensor<?x?x4x128xf32> {attn.name = "out"},
        tensor<?x?x4xf32> {attn.name = "lse"}) {
  %o, %lse = attn.prefill q(%q) k(%k) v(%v) positions(%pos)
      {rope = #attn.rope<theta = 10000.0, dim = 64, style = neox>}
    : (tensor<?x?x4x128xf32>, tensor<?x?x1x128xf32>, tensor<?x?x1x128xf32>,
       tensor<?x?xi64>)
    -> (tensor<?x?x4x128xf32>, tensor<?x?x4xf32>)
  return %o, %lse : tensor<?x?x4x128xf32>, tensor<?x?x4xf32>
}

//--- ragged_causal.mlir
// f32, D = 128, GQA 4, causal, with the LSE.
func.func @ragged_causal(%q: tensor<?x8x128xf32> {attn.name = "q"},
                         %k: tensor<?x2x128xf32> {attn.name = "k"},
                         %v: tensor<?x2x128xf32> {attn.name = "v"},
                         %cq: tensor<?xi32> {attn.name = "cu_seqlens_q"},
                         %ck: tensor<?xi32> {attn.name = "cu_seqlens_k"})
    -> (tensor<?x8x128xf32> {attn.name = "out"},
        tensor<?x8xf32> {attn.name = "lse"}) {
  %o, %lse = attn.prefill q(%q) k(%k) v(%v) cu_seqlens_q(%cq) cu_seqlens_k(%ck)
      {causal}
    : (tensor<?x8x128xf32>, tensor<?x2x128xf32>, tensor<?x2x128xf32>,
       tensor<?xi32>, tensor<?xi32>)
    -> (tensor<?x8x128xf32>, tensor<?x8xf32>)
  return %o, %lse : tensor<?x8x128xf32>, tensor<?x8xf32>
}

//--- ragged_rope_positions.mlir
// bf16, D = 64, MHA: interleaved RoPE over the first 32 channels at the
// given per-token positions (i32), causal, with the LSE.
func.func @ragged_rope_positions(%q: tensor<?x4x64xbf16> {attn.name = "q"},
                                 %k: tensor<?x4x64xbf16> {attn.name = "k"},
                                 %v: tensor<?x4x64xbf16> {attn.name = "v"},
                                 %cq: tensor<?xi32> {attn.name = "cu_seqlens_q"},
                                 %ck: tensor<?xi32> {attn.name = "cu_seqlens_k"},
                                 %pos: tensor<?xi32> {attn.name = "positions"})
    -> (tensor<?x4x64xbf16> {attn.name = "out"},
        tensor<?x4xf32> {attn.name = "lse"}) {
  %o, %lse = attn.prefill q(%q) k(%k) v(%v) cu_seqlens_q(%cq) cu_seqlens_k(%ck)
      positions(%pos)
      {causal, rope = #attn.rope<theta = 10000.0, dim = 32, style = interleaved>}
    : (tensor<?x4x64xbf16>, tensor<?x4x64xbf16>, tensor<?x4x64xbf16>,
       tensor<?xi32>, tensor<?xi32>, tensor<?xi32>)
    -> (tensor<?x4x64xbf16>, tensor<?x4xf32>)
  return %o, %lse : tensor<?x4x64xbf16>, tensor<?x4xf32>
}

//--- bprefill_nhd16.mlir
// f32, NHD, page_size 16, D = 128, GQA 4, causal, with the LSE.
func.func @bprefill_nhd16(%q: tensor<?x8x128xf32> {attn.name = "q"},
                          %qo: tensor<?xi32> {attn.name = "qo_indptr"},
                          %kc: tensor<?x16x2x128xf32> {attn.name = "k_cache"},
                          %vc: tensor<?x16x2x128xf32> {attn.name = "v_cache"},
                          %kp: tensor<?xi32> {attn.name = "kv_indptr"},
                          %ki: tensor<?xi32> {attn.name = "kv_indices"},
                          %kl: tensor<?xi32> {attn.name = "kv_last_page_len"})
    -> (tensor<?x8x128xf32> {attn.name = "out"},
        tensor<?x8xf32> {attn.name = "lse"}) {
  %o, %lse = attn.batch_prefill q(%q) qo_indptr(%qo) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {causal, layout = #attn.kv_layout<nhd>}
    : (tensor<?x8x128xf32>, tensor<?xi32>, tensor<?x16x2x128xf32>,
       tensor<?x16x2x128xf32>, tensor<?xi32>, tensor<?xi32>, tensor<?xi32>)
    -> (tensor<?x8x128xf32>, tensor<?x8xf32>)
  return %o, %lse : tensor<?x8x128xf32>, tensor<?x8xf32>
}

//--- bprefill_hnd1.mlir
// bf16, HND, page_size 1, D = 64, GQA 8: window [20, -1] and softcap 3
// (scale 1), with the LSE.
func.func @bprefill_hnd1(%q: tensor<?x8x64xbf16> {attn.name = "q"},
                         %qo: tensor<?xi32> {attn.name = "qo_indptr"},
                         %kc: tensor<?x1x1x64xbf16> {attn.name = "k_cache"},
                         %vc: tensor<?x1x1x64xbf16> {attn.name = "v_cache"},
                         %kp: tensor<?xi32> {attn.name = "kv_indptr"},
                         %ki: tensor<?xi32> {attn.name = "kv_indices"},
                         %kl: tensor<?xi32> {attn.name = "kv_last_page_len"})
    -> (tensor<?x8x64xbf16> {attn.name = "out"},
        tensor<?x8xf32> {attn.name = "lse"}) {
  %o, %lse = attn.batch_prefill q(%q) qo_indptr(%qo) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<hnd>, scale = 1.0 : f32, softcap = 3.0 : f32,
       window = array<i64: 20, -1>}
    : (tensor<?x8x64xbf16>, tensor<?xi32>, tensor<?x1x1x64xbf16>,
       tensor<?x1x1x64xbf16>, tensor<?xi32>, tensor<?xi32>, tensor<?xi32>)
    -> (tensor<?x8x64xbf16>, tensor<?x8xf32>)
  return %o, %lse : tensor<?x8x64xbf16>, tensor<?x8xf32>
}

//--- bprefill_hnd16.mlir
// f16, HND, page_size 16, D = 80, MHA (2 heads): causal, ALiBi per request
// and head [B, Hq], and NeoX RoPE over all 80 channels at the given
// per-token positions (i32), with the LSE.
func.func @bprefill_hnd16(%q: tensor<?x2x80xf16> {attn.name = "q"},
                          %qo: tensor<?xi32> {attn.name = "qo_indptr"},
                          %kc: tensor<?x2x16x80xf16> {attn.name = "k_cache"},
                          %vc: tensor<?x2x16x80xf16> {attn.name = "v_cache"},
                          %kp: tensor<?xi32> {attn.name = "kv_indptr"},
                          %ki: tensor<?xi32> {attn.name = "kv_indices"},
                          %kl: tensor<?xi32> {attn.name = "kv_last_page_len"},
                          %sl: tensor<?x2xf32> {attn.name = "slopes"},
                          %pos: tensor<?xi32> {attn.name = "positions"})
    -> (tensor<?x2x80xf16> {attn.name = "out"},
        tensor<?x2xf32> {attn.name = "lse"}) {
  %o, %lse = attn.batch_prefill q(%q) qo_indptr(%qo) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl) alibi_slopes(%sl)
      positions(%pos)
      {causal, layout = #attn.kv_layout<hnd>,
       rope = #attn.rope<theta = 10000.0, dim = 80, style = neox>}
    : (tensor<?x2x80xf16>, tensor<?xi32>, tensor<?x2x16x80xf16>,
       tensor<?x2x16x80xf16>, tensor<?xi32>, tensor<?xi32>, tensor<?xi32>,
       tensor<?x2xf32>, tensor<?xi32>)
    -> (tensor<?x2x80xf16>, tensor<?x2xf32>)
  return %o, %lse : tensor<?x2x80xf16>, tensor<?x2xf32>
}

//--- bprefill_nhd1.mlir
// f32, NHD, page_size 1, D = 256, GQA 16: a score_mod (tanh) and a
// mask_mod (every third key hidden, per head), with the LSE.
func.func @bprefill_nhd1(%q: tensor<?x16x256xf32> {attn.name = "q"},
                         %qo: tensor<?xi32> {attn.name = "qo_indptr"},
                         %kc: tensor<?x1x1x256xf32> {attn.name = "k_cache"},
                         %vc: tensor<?x1x1x256xf32> {attn.name = "v_cache"},
                         %kp: tensor<?xi32> {attn.name = "kv_indptr"},
                         %ki: tensor<?xi32> {attn.name = "kv_indices"},
                         %kl: tensor<?xi32> {attn.name = "kv_last_page_len"})
    -> (tensor<?x16x256xf32> {attn.name = "out"},
        tensor<?x16xf32> {attn.name = "lse"}) {
  %o, %lse = attn.batch_prefill q(%q) qo_indptr(%qo) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<nhd>} score_mod {
  ^bb0(%s: f32, %b: index, %h: index, %i: index, %j: index):
    %c2 = arith.constant 2.0 : f32
    %t = math.tanh %s : f32
    %r = arith.mulf %t, %c2 : f32
    attn.yield %r : f32
  } mask_mod {
  ^bb0(%b: index, %h: index, %i: index, %j: index):
    %c3 = arith.constant 3 : index
    %hj = arith.addi %h, %j : index
    %m = arith.remui %hj, %c3 : index
    %c0 = arith.constant 0 : index
    %vis = arith.cmpi ne, %m, %c0 : index
    attn.yield %vis : i1
  } : (tensor<?x16x256xf32>, tensor<?xi32>, tensor<?x1x1x256xf32>,
       tensor<?x1x1x256xf32>, tensor<?xi32>, tensor<?xi32>, tensor<?xi32>)
    -> (tensor<?x16x256xf32>, tensor<?x16xf32>)
  return %o, %lse : tensor<?x16x256xf32>, tensor<?x16xf32>
}

//--- decode_nhd16.mlir
// f32, NHD, page_size 16, D = 256, GQA 16, with the LSE.
func.func @decode_nhd16(%q: tensor<?x16x256xf32> {attn.name = "q"},
                        %kc: tensor<?x16x1x256xf32> {attn.name = "k_cache"},
                        %vc: tensor<?x16x1x256xf32> {attn.name = "v_cache"},
                        %kp: tensor<?xi32> {attn.name = "kv_indptr"},
                        %ki: tensor<?xi32> {attn.name = "kv_indices"},
                        %kl: tensor<?xi32> {attn.name = "kv_last_page_len"})
    -> (tensor<?x16x256xf32> {attn.name = "out"},
        tensor<?x16xf32> {attn.name = "lse"}) {
  %o, %lse = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<nhd>}
    : (tensor<?x16x256xf32>, tensor<?x16x1x256xf32>, tensor<?x16x1x256xf32>,
       tensor<?xi32>, tensor<?xi32>, tensor<?xi32>)
    -> (tensor<?x16x256xf32>, tensor<?x16xf32>)
  return %o, %lse : tensor<?x16x256xf32>, tensor<?x16xf32>
}

//--- decode_hnd1.mlir
// bf16, HND, page_size 1, D = 80, GQA 4: window [64, -1], softcap 1.5
// (scale 0.5) and ALiBi per query head, with the LSE.
func.func @decode_hnd1(%q: tensor<?x8x80xbf16> {attn.name = "q"},
                       %kc: tensor<?x2x1x80xbf16> {attn.name = "k_cache"},
                       %vc: tensor<?x2x1x80xbf16> {attn.name = "v_cache"},
                       %kp: tensor<?xi32> {attn.name = "kv_indptr"},
                       %ki: tensor<?xi32> {attn.name = "kv_indices"},
                       %kl: tensor<?xi32> {attn.name = "kv_last_page_len"},
                       %sl: tensor<8xf32> {attn.name = "slopes"})
    -> (tensor<?x8x80xbf16> {attn.name = "out"},
        tensor<?x8xf32> {attn.name = "lse"}) {
  %o, %lse = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl) alibi_slopes(%sl)
      {layout = #attn.kv_layout<hnd>, scale = 0.5 : f32, softcap = 1.5 : f32,
       window = array<i64: 64, -1>}
    : (tensor<?x8x80xbf16>, tensor<?x2x1x80xbf16>, tensor<?x2x1x80xbf16>,
       tensor<?xi32>, tensor<?xi32>, tensor<?xi32>, tensor<8xf32>)
    -> (tensor<?x8x80xbf16>, tensor<?x8xf32>)
  return %o, %lse : tensor<?x8x80xbf16>, tensor<?x8xf32>
}

//--- decode_hnd16_rope.mlir
// f16, HND, page_size 16, D = 128, GQA 8: NeoX RoPE over all channels with
// the query at positions[b] (i64), with the LSE.
func.func @decode_hnd16_rope(%q: tensor<?x8x128xf16> {attn.name = "q"},
                             %kc: tensor<?x1x16x128xf16> {attn.name = "k_cache"},
                             %vc: tensor<?x1x16x128xf16> {attn.name = "v_cache"},
                             %kp: tensor<?xi32> {attn.name = "kv_indptr"},
                             %ki: tensor<?xi32> {attn.name = "kv_indices"},
                             %kl: tensor<?xi32> {attn.name = "kv_last_page_len"},
                             %pos: tensor<?xi64> {attn.name = "positions"})
    -> (tensor<?x8x128xf16> {attn.name = "out"},
        tensor<?x8xf32> {attn.name = "lse"}) {
  %o, %lse = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl) positions(%pos)
      {layout = #attn.kv_layout<hnd>,
       rope = #attn.rope<theta = 10000.0, dim = 128, style = neox>}
    : (tensor<?x8x128xf16>, tensor<?x1x16x128xf16>, tensor<?x1x16x128xf16>,
       tensor<?xi32>, tensor<?xi32>, tensor<?xi32>, tensor<?xi64>)
    -> (tensor<?x8x128xf16>, tensor<?x8xf32>)
  return %o, %lse : tensor<?x8x128xf16>, tensor<?x8xf32>
}

//--- decode_nhd1_rope.mlir
// f32, NHD, page_size 1, D = 64, MHA (4 heads): interleaved RoPE over all
// channels without positions (the query at Sk - 1), with the LSE.
func.func @decode_nhd1_rope(%q: tensor<?x4x64xf32> {attn.name = "q"},
                            %kc: tensor<?x1x4x64xf32> {attn.name = "k_cache"},
                            %vc: tensor<?x1x4x64xf32> {attn.name = "v_cache"},
                            %kp: tensor<?xi32> {attn.name = "kv_indptr"},
                            %ki: tensor<?xi32> {attn.name = "kv_indices"},
                            %kl: tensor<?xi32> {attn.name = "kv_last_page_len"})
    -> (tensor<?x4x64xf32> {attn.name = "out"},
        tensor<?x4xf32> {attn.name = "lse"}) {
  %o, %lse = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<nhd>,
       rope = #attn.rope<theta = 10000.0, dim = 64, style = interleaved>}
    : (tensor<?x4x64xf32>, tensor<?x1x4x64xf32>, tensor<?x1x4x64xf32>,
       tensor<?xi32>, tensor<?xi32>, tensor<?xi32>)
    -> (tensor<?x4x64xf32>, tensor<?x4xf32>)
  return %o, %lse : tensor<?x4x64xf32>, tensor<?x4xf32>
}

//--- decode_fp8.mlir
// FP8 e4m3: f8E4M3FN query, caches and output, NHD, page_size 16, D = 128,
// GQA 4: q_descale per query head, k_descale per KV head, v_descale [],
// output stored as o / o_scale, with the LSE.
func.func @decode_fp8(%q: tensor<?x8x128xf8E4M3FN> {attn.name = "q"},
                      %kc: tensor<?x16x2x128xf8E4M3FN> {attn.name = "k_cache"},
                      %vc: tensor<?x16x2x128xf8E4M3FN> {attn.name = "v_cache"},
                      %kp: tensor<?xi32> {attn.name = "kv_indptr"},
                      %ki: tensor<?xi32> {attn.name = "kv_indices"},
                      %kl: tensor<?xi32> {attn.name = "kv_last_page_len"},
                      %qd: tensor<8xf32> {attn.name = "q_descale"},
                      %kd: tensor<2xf32> {attn.name = "k_descale"},
                      %vd: tensor<f32> {attn.name = "v_descale"},
                      %os: tensor<f32> {attn.name = "o_scale"})
    -> (tensor<?x8x128xf8E4M3FN> {attn.name = "out"},
        tensor<?x8xf32> {attn.name = "lse"}) {
  %o, %lse = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      q_descale(%qd) k_descale(%kd) v_descale(%vd) o_scale(%os)
      {layout = #attn.kv_layout<nhd>}
    : (tensor<?x8x128xf8E4M3FN>, tensor<?x16x2x128xf8E4M3FN>,
       tensor<?x16x2x128xf8E4M3FN>, tensor<?xi32>, tensor<?xi32>,
       tensor<?xi32>, tensor<8xf32>, tensor<2xf32>, tensor<f32>, tensor<f32>)
    -> (tensor<?x8x128xf8E4M3FN>, tensor<?x8xf32>)
  return %o, %lse : tensor<?x8x128xf8E4M3FN>, tensor<?x8xf32>
}

//--- decode_fp8_kv.mlir
// An FP8 e4m3 KV cache under an f32 query and output, HND, page_size 16,
// D = 64, GQA 4: k_descale [1], v_descale per KV head, with the LSE.
func.func @decode_fp8_kv(%q: tensor<?x8x64xf32> {attn.name = "q"},
                         %kc: tensor<?x2x16x64xf8E4M3FN> {attn.name = "k_cache"},
                         %vc: tensor<?x2x16x64xf8E4M3FN> {attn.name = "v_cache"},
                         %kp: tensor<?xi32> {attn.name = "kv_indptr"},
                         %ki: tensor<?xi32> {attn.name = "kv_indices"},
                         %kl: tensor<?xi32> {attn.name = "kv_last_page_len"},
                         %kd: tensor<1xf32> {attn.name = "k_descale"},
                         %vd: tensor<2xf32> {attn.name = "v_descale"})
    -> (tensor<?x8x64xf32> {attn.name = "out"},
        tensor<?x8xf32> {attn.name = "lse"}) {
  %o, %lse = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      k_descale(%kd) v_descale(%vd) {layout = #attn.kv_layout<hnd>}
    : (tensor<?x8x64xf32>, tensor<?x2x16x64xf8E4M3FN>,
       tensor<?x2x16x64xf8E4M3FN>, tensor<?xi32>, tensor<?xi32>,
       tensor<?xi32>, tensor<1xf32>, tensor<2xf32>)
    -> (tensor<?x8x64xf32>, tensor<?x8xf32>)
  return %o, %lse : tensor<?x8x64xf32>, tensor<?x8xf32>
}

//--- vllm.mlir
// bf16, D = 128 (D / x = 16, x = 8), block_size 16, GQA 4, softcap 1
// (scale 0.25), with the LSE.
func.func @vllm(%q: tensor<?x8x128xbf16> {attn.name = "q"},
                %kc: tensor<?x2x16x16x8xbf16> {attn.name = "k_cache"},
                %vc: tensor<?x2x128x16xbf16> {attn.name = "v_cache"},
                %bt: tensor<?x?xi32> {attn.name = "block_tables"},
                %cl: tensor<?xi32> {attn.name = "context_lens"})
    -> (tensor<?x8x128xbf16> {attn.name = "out"},
        tensor<?x8xf32> {attn.name = "lse"}) {
  %o, %lse = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc)
      block_tables(%bt) context_lens(%cl)
      {scale = 0.25 : f32, softcap = 1.0 : f32}
    : (tensor<?x8x128xbf16>, tensor<?x2x16x16x8xbf16>,
       tensor<?x2x128x16xbf16>, tensor<?x?xi32>, tensor<?xi32>)
    -> (tensor<?x8x128xbf16>, tensor<?x8xf32>)
  return %o, %lse : tensor<?x8x128xbf16>, tensor<?x8xf32>
}

//--- mla.mlir
// f32, DeepSeek's shapes: 16 heads, Dc = 512, Dr = 64, page_size 16, with
// the LSE.
func.func @mla(%qn: tensor<?x16x512xf32> {attn.name = "q_nope"},
               %qp: tensor<?x16x64xf32> {attn.name = "q_pe"},
               %ckv: tensor<?x16x512xf32> {attn.name = "ckv_cache"},
               %kpe: tensor<?x16x64xf32> {attn.name = "kpe_cache"},
               %kp: tensor<?xi32> {attn.name = "kv_indptr"},
               %ki: tensor<?xi32> {attn.name = "kv_indices"},
               %kl: tensor<?xi32> {attn.name = "kv_last_page_len"})
    -> (tensor<?x16x512xf32> {attn.name = "out"},
        tensor<?x16xf32> {attn.name = "lse"}) {
  %o, %lse = attn.mla_decode q_nope(%qn) q_pe(%qp) ckv_cache(%ckv)
      kpe_cache(%kpe) kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {scale = 0.0721687824 : f32}
    : (tensor<?x16x512xf32>, tensor<?x16x64xf32>, tensor<?x16x512xf32>,
       tensor<?x16x64xf32>, tensor<?xi32>, tensor<?xi32>, tensor<?xi32>)
    -> (tensor<?x16x512xf32>, tensor<?x16xf32>)
  return %o, %lse : tensor<?x16x512xf32>, tensor<?x16xf32>
}

//--- mla_fp8.mlir
// An FP8 e4m3 latent cache under f32 queries and output: 16 heads,
// Dc = 256, Dr = 64, page_size 16; k_descale dequantizes the latent cache
// both as key and as value. With the LSE.
func.func @mla_fp8(%qn: tensor<?x16x256xf32> {attn.name = "q_nope"},
                   %qp: tensor<?x16x64xf32> {attn.name = "q_pe"},
                   %ckv: tensor<?x16x256xf8E4M3FN> {attn.name = "ckv_cache"},
                   %kpe: tensor<?x16x64xf8E4M3FN> {attn.name = "kpe_cache"},
                   %kp: tensor<?xi32> {attn.name = "kv_indptr"},
                   %ki: tensor<?xi32> {attn.name = "kv_indices"},
                   %kl: tensor<?xi32> {attn.name = "kv_last_page_len"},
                   %kd: tensor<f32> {attn.name = "k_descale"})
    -> (tensor<?x16x256xf32> {attn.name = "out"},
        tensor<?x16xf32> {attn.name = "lse"}) {
  %o, %lse = attn.mla_decode q_nope(%qn) q_pe(%qp) ckv_cache(%ckv)
      kpe_cache(%kpe) kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      k_descale(%kd) {scale = 0.0625 : f32}
    : (tensor<?x16x256xf32>, tensor<?x16x64xf32>, tensor<?x16x256xf8E4M3FN>,
       tensor<?x16x64xf8E4M3FN>, tensor<?xi32>, tensor<?xi32>, tensor<?xi32>,
       tensor<f32>)
    -> (tensor<?x16x256xf32>, tensor<?x16xf32>)
  return %o, %lse : tensor<?x16x256xf32>, tensor<?x16xf32>
}

//--- mla_page1.mlir
// bf16, 16 heads, Dc = 128, Dr = 64, page_size 1, softcap 1 (scale 0.5),
// with the LSE.
func.func @mla_page1(%qn: tensor<?x16x128xbf16> {attn.name = "q_nope"},
                     %qp: tensor<?x16x64xbf16> {attn.name = "q_pe"},
                     %ckv: tensor<?x1x128xbf16> {attn.name = "ckv_cache"},
                     %kpe: tensor<?x1x64xbf16> {attn.name = "kpe_cache"},
                     %kp: tensor<?xi32> {attn.name = "kv_indptr"},
                     %ki: tensor<?xi32> {attn.name = "kv_indices"},
                     %kl: tensor<?xi32> {attn.name = "kv_last_page_len"})
    -> (tensor<?x16x128xbf16> {attn.name = "out"},
        tensor<?x16xf32> {attn.name = "lse"}) {
  %o, %lse = attn.mla_decode q_nope(%qn) q_pe(%qp) ckv_cache(%ckv)
      kpe_cache(%kpe) kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {scale = 0.5 : f32, softcap = 1.0 : f32}
    : (tensor<?x16x128xbf16>, tensor<?x16x64xbf16>, tensor<?x1x128xbf16>,
       tensor<?x1x64xbf16>, tensor<?xi32>, tensor<?xi32>, tensor<?xi32>)
    -> (tensor<?x16x128xbf16>, tensor<?x16xf32>)
  return %o, %lse : tensor<?x16x128xbf16>, tensor<?x16xf32>
}

//--- hstu_dense.mlir
// f32, D = 64, 2 heads, causal, bias [B, 2, L, L], N = S.
func.func @hstu_dense(%q: tensor<?x?x2x64xf32> {attn.name = "q"},
                      %k: tensor<?x?x2x64xf32> {attn.name = "k"},
                      %v: tensor<?x?x2x64xf32> {attn.name = "v"},
                      %rab: tensor<?x2x?x?xf32> {attn.name = "rab"})
    -> (tensor<?x?x2x64xf32> {attn.name = "out"}) {
  %o = attn.linear_attention q(%q) k(%k) v(%v) bias(%rab)
      {causal, kind = #attn.linear_kind<hstu>}
    : (tensor<?x?x2x64xf32>, tensor<?x?x2x64xf32>, tensor<?x?x2x64xf32>,
       tensor<?x2x?x?xf32>) -> tensor<?x?x2x64xf32>
  return %o : tensor<?x?x2x64xf32>
}

//--- hstu_static.mlir
// bf16, D = 256, 4 heads, not causal, scale 0.05, silu_norm 100.
func.func @hstu_static(%q: tensor<?x?x4x256xbf16> {attn.name = "q"},
                       %k: tensor<?x?x4x256xbf16> {attn.name = "k"},
                       %v: tensor<?x?x4x256xbf16> {attn.name = "v"})
    -> (tensor<?x?x4x256xbf16> {attn.name = "out"}) {
  %o = attn.linear_attention q(%q) k(%k) v(%v)
      {kind = #attn.linear_kind<hstu>, scale = 0.05 : f32, silu_norm = 100 : i64}
    : (tensor<?x?x4x256xbf16>, tensor<?x?x4x256xbf16>, tensor<?x?x4x256xbf16>)
    -> tensor<?x?x4x256xbf16>
  return %o : tensor<?x?x4x256xbf16>
}

//--- hstu_ragged.mlir
// Ragged, f32, D = 128, 2 heads, causal, bias [B, 2, L, L], N = the longest
// request.
func.func @hstu_ragged(%q: tensor<?x2x128xf32> {attn.name = "q"},
                       %k: tensor<?x2x128xf32> {attn.name = "k"},
                       %v: tensor<?x2x128xf32> {attn.name = "v"},
                       %cu: tensor<?xi32> {attn.name = "cu_seqlens"},
                       %rab: tensor<?x2x?x?xf32> {attn.name = "rab"})
    -> (tensor<?x2x128xf32> {attn.name = "out"}) {
  %o = attn.linear_attention q(%q) k(%k) v(%v) cu_seqlens(%cu) bias(%rab)
      {causal, kind = #attn.linear_kind<hstu>}
    : (tensor<?x2x128xf32>, tensor<?x2x128xf32>, tensor<?x2x128xf32>,
       tensor<?xi32>, tensor<?x2x?x?xf32>) -> tensor<?x2x128xf32>
  return %o : tensor<?x2x128xf32>
}
