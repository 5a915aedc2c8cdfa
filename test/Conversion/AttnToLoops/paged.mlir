// RUN: attn-opt %s --convert-attn-to-loops --split-input-file | FileCheck %s

// FlashInfer decode, NHD: Sk_b = (kv_indptr[b+1] - kv_indptr[b] - 1) *
// page_size + kv_last_page_len[b] (0 without pages), page_size is dim 1 of the
// cache; key j lives in page kv_indices[kv_indptr[b] + j / page_size] at slot
// j % page_size and is read as k_cache[page, slot, h / 2, d]; V the same way;
// one query at position Sk_b - 1.
// CHECK-LABEL: func.func @decode_nhd
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x4x8xf16>, %[[KC:[^:]*]]: tensor<?x16x2x8xf16>, %[[VC:[^:]*]]: tensor<?x16x2x4xf16>, %[[KP:[^:]*]]: tensor<3xi32>, %[[KI:[^:]*]]: tensor<?xi32>, %[[KL:[^:]*]]: tensor<2xi32>)
// CHECK-DAG: %[[QB:.*]] = bufferization.to_buffer %[[Q]] read_only
// CHECK-DAG: %[[KCB:.*]] = bufferization.to_buffer %[[KC]] read_only
// CHECK-DAG: %[[VCB:.*]] = bufferization.to_buffer %[[VC]] read_only
// CHECK-DAG: %[[KPB:.*]] = bufferization.to_buffer %[[KP]] read_only
// CHECK-DAG: %[[KIB:.*]] = bufferization.to_buffer %[[KI]] read_only
// CHECK-DAG: %[[KLB:.*]] = bufferization.to_buffer %[[KL]] read_only
// CHECK: %[[PDIM:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[PS:.*]] = memref.dim %[[KCB]], %[[PDIM]] : memref<?x16x2x8xf16>
// CHECK: %[[OUT:.*]] = memref.alloc() : memref<2x4x4xf16>
// CHECK: %[[NIP:.*]] = memref.dim %[[KPB]], %{{.*}} : memref<3xi32>
// CHECK-NEXT: %{{.*}} = arith.constant 1 : index
// CHECK-NEXT: %[[NB:.*]] = arith.subi %[[NIP]], %{{.*}} : index
// CHECK: scf.for %[[B:[^ ]+]] = %{{[^ ]+}} to %[[NB]] step
// CHECK-NEXT: %[[P0:.*]] = memref.load %[[KPB]][%[[B]]] : memref<3xi32>
// CHECK-NEXT: %[[FIRST:.*]] = arith.index_cast %[[P0]] : i32 to index
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[B1:.*]] = arith.addi %[[B]], %[[ONE]] : index
// CHECK-NEXT: %[[P1:.*]] = memref.load %[[KPB]][%[[B1]]] : memref<3xi32>
// CHECK-NEXT: %[[NEXT:.*]] = arith.index_cast %[[P1]] : i32 to index
// CHECK-NEXT: %[[PAGES:.*]] = arith.subi %[[NEXT]], %[[FIRST]] : index
// CHECK-NEXT: %[[ONE2:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[FULLPAGES:.*]] = arith.subi %[[PAGES]], %[[ONE2]] : index
// CHECK-NEXT: %[[FULL:.*]] = arith.muli %[[FULLPAGES]], %[[PS]] : index
// CHECK-NEXT: %[[L0:.*]] = memref.load %[[KLB]][%[[B]]] : memref<2xi32>
// CHECK-NEXT: %[[LAST:.*]] = arith.index_cast %[[L0]] : i32 to index
// CHECK-NEXT: %[[KEYS:.*]] = arith.addi %[[FULL]], %[[LAST]] : index
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[NOPAGES:.*]] = arith.cmpi eq, %[[PAGES]], %[[ZERO]] : index
// CHECK-NEXT: %[[ZERO2:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[SK:.*]] = arith.select %[[NOPAGES]], %[[ZERO2]], %[[KEYS]] : index
// CHECK-NEXT: %[[NQ:.*]] = arith.constant 1 : index
// CHECK: %[[HQ:.*]] = arith.constant 4 : index
// CHECK: scf.for %[[H:[^ ]+]] = %{{[^ ]+}} to %[[HQ]] step
// CHECK-NEXT: %[[G:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[KVH:.*]] = arith.divui %[[H]], %[[G]] : index
// CHECK: scf.for %[[I:[^ ]+]] = %{{[^ ]+}} to %[[NQ]] step
// CHECK: %[[OFF:.*]] = arith.subi %[[SK]], %[[NQ]] : index
// CHECK-NEXT: %{{.*}} = arith.addi %[[I]], %[[OFF]] : index
// Pass 1: the maximum score.
// CHECK: %[[MAX:.*]] = scf.for %[[J:[^ ]+]] = %{{[^ ]+}} to %[[SK]] step %{{[^ ]+}} iter_args
// CHECK: scf.for %[[D:[^ ]+]] = {{.*}} iter_args
// CHECK-NEXT: %[[QV:.*]] = memref.load %[[QB]][%[[B]], %[[H]], %[[D]]] : memref<2x4x8xf16>
// CHECK-NEXT: %[[QF:.*]] = arith.extf %[[QV]] : f16 to f32
// CHECK-NEXT: %[[E0:.*]] = memref.load %[[KPB]][%[[B]]] : memref<3xi32>
// CHECK-NEXT: %[[E0I:.*]] = arith.index_cast %[[E0]] : i32 to index
// CHECK-NEXT: %[[JP:.*]] = arith.divui %[[J]], %[[PS]] : index
// CHECK-NEXT: %[[ENTRY:.*]] = arith.addi %[[E0I]], %[[JP]] : index
// CHECK-NEXT: %[[PG:.*]] = memref.load %[[KIB]][%[[ENTRY]]] : memref<?xi32>
// CHECK-NEXT: %[[PAGE:.*]] = arith.index_cast %[[PG]] : i32 to index
// CHECK-NEXT: %[[SLOT:.*]] = arith.remui %[[J]], %[[PS]] : index
// CHECK-NEXT: %[[KV:.*]] = memref.load %[[KCB]][%[[PAGE]], %[[SLOT]], %[[KVH]], %[[D]]] : memref<?x16x2x8xf16>
// CHECK-NEXT: %[[KF:.*]] = arith.extf %[[KV]] : f16 to f32
// CHECK-NEXT: %[[PROD:.*]] = arith.mulf %[[QF]], %[[KF]] : f32
// CHECK-NEXT: arith.addf %{{.*}}, %[[PROD]] : f32
// CHECK: %[[SCALE:.*]] = arith.constant 0.353553385 : f32
// CHECK-NEXT: %[[S:.*]] = arith.mulf %{{.*}}, %[[SCALE]] : f32
// CHECK-NEXT: arith.maximumf %{{.*}}, %[[S]] : f32
// Pass 2: weights exp(s - max) times V rows from the same page lookup.
// CHECK: scf.for %[[J2:[^ ]+]] = %{{[^ ]+}} to %[[SK]] step %{{[^ ]+}} iter_args
// CHECK: %[[SHIFTED:.*]] = arith.subf %{{.*}}, %[[MAX]] : f32
// CHECK-NEXT: %[[W:.*]] = math.exp %[[SHIFTED]] : f32
// CHECK: scf.for %[[DV:[^ ]+]] =
// CHECK-NEXT: %[[ACC:.*]] = memref.load %{{.*}}[%[[DV]]] : memref<4xf32>
// CHECK-NEXT: %[[VE0:.*]] = memref.load %[[KPB]][%[[B]]] : memref<3xi32>
// CHECK-NEXT: %[[VE0I:.*]] = arith.index_cast %[[VE0]] : i32 to index
// CHECK-NEXT: %[[VJP:.*]] = arith.divui %[[J2]], %[[PS]] : index
// CHECK-NEXT: %[[VENTRY:.*]] = arith.addi %[[VE0I]], %[[VJP]] : index
// CHECK-NEXT: %[[VPG:.*]] = memref.load %[[KIB]][%[[VENTRY]]] : memref<?xi32>
// CHECK-NEXT: %[[VPAGE:.*]] = arith.index_cast %[[VPG]] : i32 to index
// CHECK-NEXT: %[[VSLOT:.*]] = arith.remui %[[J2]], %[[PS]] : index
// CHECK-NEXT: %[[VV:.*]] = memref.load %[[VCB]][%[[VPAGE]], %[[VSLOT]], %[[KVH]], %[[DV]]] : memref<?x16x2x4xf16>
// CHECK-NEXT: %[[VF:.*]] = arith.extf %[[VV]] : f16 to f32
// CHECK-NEXT: %[[WV:.*]] = arith.mulf %[[W]], %[[VF]] : f32
// CHECK-NEXT: %[[NEWACC:.*]] = arith.addf %[[ACC]], %[[WV]] : f32
// CHECK-NEXT: memref.store %[[NEWACC]], %{{.*}}[%[[DV]]] : memref<4xf32>
// CHECK: arith.truncf %{{.*}} : f32 to f16
// CHECK-NEXT: memref.store %{{.*}}, %[[OUT]][%[[B]], %[[H]], %{{.*}}] : memref<2x4x4xf16>
func.func @decode_nhd(%q: tensor<2x4x8xf16>, %kc: tensor<?x16x2x8xf16>, %vc: tensor<?x16x2x4xf16>,
                      %kp: tensor<3xi32>, %ki: tensor<?xi32>, %kl: tensor<2xi32>) -> tensor<2x4x4xf16> {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc) kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<nhd>}
      : (tensor<2x4x8xf16>, tensor<?x16x2x8xf16>, tensor<?x16x2x4xf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>)
      -> tensor<2x4x4xf16>
  return %o : tensor<2x4x4xf16>
}

// -----

// FlashInfer decode, HND with i64 metadata: page_size is dim 2 of the cache
// and both caches are read as [page, h, slot, d]; the LSE is max + log(sum),
// -inf for a row without keys, stored at [b, h].
// CHECK-LABEL: func.func @decode_hnd
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x4x8xf16>, %[[KC:[^:]*]]: tensor<?x2x16x8xf16>, %[[VC:[^:]*]]: tensor<?x2x16x4xf16>, %[[KP:[^:]*]]: tensor<3xi64>, %[[KI:[^:]*]]: tensor<?xi64>, %[[KL:[^:]*]]: tensor<2xi64>)
// CHECK-DAG: %[[KCB:.*]] = bufferization.to_buffer %[[KC]] read_only
// CHECK-DAG: %[[VCB:.*]] = bufferization.to_buffer %[[VC]] read_only
// CHECK-DAG: %[[KPB:.*]] = bufferization.to_buffer %[[KP]] read_only
// CHECK-DAG: %[[KIB:.*]] = bufferization.to_buffer %[[KI]] read_only
// CHECK-DAG: %[[KLB:.*]] = bufferization.to_buffer %[[KL]] read_only
// CHECK: %[[PDIM:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[PS:.*]] = memref.dim %[[KCB]], %[[PDIM]] : memref<?x2x16x8xf16>
// CHECK: %[[OUT:.*]] = memref.alloc() : memref<2x4x4xf16>
// CHECK-NEXT: %[[LSE:.*]] = memref.alloc() : memref<2x4xf32>
// CHECK: scf.for %[[B:[^ ]+]] =
// CHECK: %[[PAGES:.*]] = arith.subi %{{.*}}, %{{.*}} : index
// CHECK: %[[FULL:.*]] = arith.muli %{{.*}}, %[[PS]] : index
// CHECK-NEXT: %[[L0:.*]] = memref.load %[[KLB]][%[[B]]] : memref<2xi64>
// CHECK-NEXT: %[[LAST:.*]] = arith.index_cast %[[L0]] : i64 to index
// CHECK-NEXT: %[[KEYS:.*]] = arith.addi %[[FULL]], %[[LAST]] : index
// CHECK: %[[SK:.*]] = arith.select %{{.*}}, %{{.*}}, %[[KEYS]] : index
// CHECK: scf.for %[[H:[^ ]+]] =
// CHECK: %[[KVH:.*]] = arith.divui %[[H]], %{{.*}} : index
// CHECK: %[[NEGINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[MAX:.*]] = scf.for %[[J:[^ ]+]] = %{{[^ ]+}} to %[[SK]] step %{{[^ ]+}} iter_args(%{{[^ ]+}} = %[[NEGINF]])
// CHECK: scf.for %[[D:[^ ]+]] = {{.*}} iter_args
// CHECK: %[[JP:.*]] = arith.divui %[[J]], %[[PS]] : index
// CHECK-NEXT: %[[ENTRY:.*]] = arith.addi %{{.*}}, %[[JP]] : index
// CHECK-NEXT: %[[PG:.*]] = memref.load %[[KIB]][%[[ENTRY]]] : memref<?xi64>
// CHECK-NEXT: %[[PAGE:.*]] = arith.index_cast %[[PG]] : i64 to index
// CHECK-NEXT: %[[SLOT:.*]] = arith.remui %[[J]], %[[PS]] : index
// CHECK-NEXT: memref.load %[[KCB]][%[[PAGE]], %[[KVH]], %[[SLOT]], %[[D]]] : memref<?x2x16x8xf16>
// CHECK: %[[SUM:.*]] = scf.for %[[J2:[^ ]+]] = %{{[^ ]+}} to %[[SK]] step %{{[^ ]+}} iter_args
// CHECK: math.exp
// CHECK: scf.for %[[DV:[^ ]+]] =
// CHECK: %[[VSLOT:.*]] = arith.remui %[[J2]], %[[PS]] : index
// CHECK-NEXT: memref.load %[[VCB]][%{{.*}}, %[[KVH]], %[[VSLOT]], %[[DV]]] : memref<?x2x16x4xf16>
// CHECK: %[[ANY:.*]] = arith.cmpf ogt, %[[SUM]], %{{.*}} : f32
// CHECK: memref.store %{{.*}}, %[[OUT]][%[[B]], %[[H]], %{{.*}}] : memref<2x4x4xf16>
// CHECK: %[[LOG:.*]] = math.log %[[SUM]] : f32
// CHECK-NEXT: %[[L:.*]] = arith.addf %[[MAX]], %[[LOG]] : f32
// CHECK-NEXT: %[[LSEV:.*]] = arith.select %[[ANY]], %[[L]], %[[NEGINF]] : f32
// CHECK-NEXT: memref.store %[[LSEV]], %[[LSE]][%[[B]], %[[H]]] : memref<2x4xf32>
func.func @decode_hnd(%q: tensor<2x4x8xf16>, %kc: tensor<?x2x16x8xf16>, %vc: tensor<?x2x16x4xf16>,
                      %kp: tensor<3xi64>, %ki: tensor<?xi64>, %kl: tensor<2xi64>)
    -> (tensor<2x4x4xf16>, tensor<2x4xf32>) {
  %o, %lse = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc) kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<hnd>}
      : (tensor<2x4x8xf16>, tensor<?x2x16x8xf16>, tensor<?x2x16x4xf16>, tensor<3xi64>, tensor<?xi64>, tensor<2xi64>)
      -> (tensor<2x4x4xf16>, tensor<2x4xf32>)
  return %o, %lse : tensor<2x4x4xf16>, tensor<2x4xf32>
}

// -----

// FlashInfer prefill, NHD, causal: request b owns query rows
// qo_indptr[b] .. qo_indptr[b+1]; q and out are addressed at row
// qo_indptr[b] + i; key j is visible iff j <= i + Sk - Sq (bottom-right
// aligned); the cache is read as [page, slot, h / 2, d].
// CHECK-LABEL: func.func @prefill_nhd
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<?x4x8xbf16>, %[[QO:[^:]*]]: tensor<3xi32>, %[[KC:[^:]*]]: tensor<?x16x2x8xbf16>, %[[VC:[^:]*]]: tensor<?x16x2x4xbf16>, %[[KP:[^:]*]]: tensor<3xi32>, %[[KI:[^:]*]]: tensor<?xi32>, %[[KL:[^:]*]]: tensor<2xi32>)
// CHECK-DAG: %[[QB:.*]] = bufferization.to_buffer %[[Q]] read_only
// CHECK-DAG: %[[QOB:.*]] = bufferization.to_buffer %[[QO]] read_only
// CHECK-DAG: %[[KCB:.*]] = bufferization.to_buffer %[[KC]] read_only
// CHECK-DAG: %[[VCB:.*]] = bufferization.to_buffer %[[VC]] read_only
// CHECK-DAG: %[[KIB:.*]] = bufferization.to_buffer %[[KI]] read_only
// CHECK-DAG: %[[KLB:.*]] = bufferization.to_buffer %[[KL]] read_only
// CHECK-DAG: %[[PS:.*]] = memref.dim %[[KCB]], %{{.*}} : memref<?x16x2x8xbf16>
// CHECK: %[[T:.*]] = memref.dim %[[QB]], %{{.*}} : memref<?x4x8xbf16>
// CHECK: %[[OUT:.*]] = memref.alloc(%[[T]]) : memref<?x4x4xbf16>
// CHECK: scf.for %[[B:[^ ]+]] =
// CHECK: %[[SK:.*]] = arith.select %{{.*}}, %{{.*}}, %{{.*}} : index
// CHECK-NEXT: %[[QO0:.*]] = memref.load %[[QOB]][%[[B]]] : memref<3xi32>
// CHECK-NEXT: %[[QBEGIN:.*]] = arith.index_cast %[[QO0]] : i32 to index
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[B1:.*]] = arith.addi %[[B]], %[[ONE]] : index
// CHECK-NEXT: %[[QO1:.*]] = memref.load %[[QOB]][%[[B1]]] : memref<3xi32>
// CHECK-NEXT: %[[QEND:.*]] = arith.index_cast %[[QO1]] : i32 to index
// CHECK-NEXT: %[[SQ:.*]] = arith.subi %[[QEND]], %[[QBEGIN]] : index
// CHECK: scf.for %[[H:[^ ]+]] =
// CHECK: %[[KVH:.*]] = arith.divui %[[H]], %{{.*}} : index
// CHECK: scf.for %[[I:[^ ]+]] = %{{[^ ]+}} to %[[SQ]] step
// CHECK: %[[OFF:.*]] = arith.subi %[[SK]], %[[SQ]] : index
// CHECK-NEXT: %[[POS:.*]] = arith.addi %[[I]], %[[OFF]] : index
// CHECK: scf.for %[[J:[^ ]+]] = %{{[^ ]+}} to %[[SK]] step %{{[^ ]+}} iter_args
// CHECK: %[[RIGHT:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[HI:.*]] = arith.addi %[[POS]], %[[RIGHT]] : index
// CHECK-NEXT: %[[LE:.*]] = arith.cmpi sle, %[[J]], %[[HI]] : index
// CHECK-NEXT: %[[VIS:.*]] = arith.andi %{{.*}}, %[[LE]] : i1
// CHECK-NEXT: scf.if %[[VIS]] -> (f32) {
// CHECK: scf.for %[[D:[^ ]+]] = {{.*}} iter_args
// CHECK-NEXT: %[[ROW:.*]] = arith.addi %[[QBEGIN]], %[[I]] : index
// CHECK-NEXT: memref.load %[[QB]][%[[ROW]], %[[H]], %[[D]]] : memref<?x4x8xbf16>
// CHECK-NEXT: arith.extf %{{.*}} : bf16 to f32
// CHECK: %[[PG:.*]] = memref.load %[[KIB]][%{{.*}}] : memref<?xi32>
// CHECK-NEXT: %[[PAGE:.*]] = arith.index_cast %[[PG]] : i32 to index
// CHECK-NEXT: %[[SLOT:.*]] = arith.remui %[[J]], %[[PS]] : index
// CHECK-NEXT: memref.load %[[KCB]][%[[PAGE]], %[[SLOT]], %[[KVH]], %[[D]]] : memref<?x16x2x8xbf16>
// CHECK: scf.for %[[J2:[^ ]+]] = %{{[^ ]+}} to %[[SK]] step %{{[^ ]+}} iter_args
// CHECK: arith.cmpi sle, %[[J2]], %{{.*}} : index
// CHECK: math.exp
// CHECK: scf.for %[[DV:[^ ]+]] =
// CHECK: %[[VSLOT:.*]] = arith.remui %[[J2]], %[[PS]] : index
// CHECK-NEXT: memref.load %[[VCB]][%{{.*}}, %[[VSLOT]], %[[KVH]], %[[DV]]] : memref<?x16x2x4xbf16>
// CHECK: %[[OROW:.*]] = arith.addi %[[QBEGIN]], %[[I]] : index
// CHECK: arith.truncf %{{.*}} : f32 to bf16
// CHECK-NEXT: memref.store %{{.*}}, %[[OUT]][%[[OROW]], %[[H]], %{{.*}}] : memref<?x4x4xbf16>
func.func @prefill_nhd(%q: tensor<?x4x8xbf16>, %qo: tensor<3xi32>, %kc: tensor<?x16x2x8xbf16>,
                       %vc: tensor<?x16x2x4xbf16>, %kp: tensor<3xi32>, %ki: tensor<?xi32>,
                       %kl: tensor<2xi32>) -> tensor<?x4x4xbf16> {
  %o = attn.batch_prefill q(%q) qo_indptr(%qo) k_cache(%kc) v_cache(%vc) kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {causal, layout = #attn.kv_layout<nhd>}
      : (tensor<?x4x8xbf16>, tensor<3xi32>, tensor<?x16x2x8xbf16>, tensor<?x16x2x4xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>)
      -> tensor<?x4x4xbf16>
  return %o : tensor<?x4x4xbf16>
}

// -----

// FlashInfer prefill, HND, page size 1 (SGLang's token table): the page size
// still comes from dim 2 and the caches are read as [page, h, slot, d].
// CHECK-LABEL: func.func @prefill_hnd_page1
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<?x2x8xf32>, %[[QO:[^:]*]]: tensor<3xi32>, %[[KC:[^:]*]]: tensor<?x2x1x8xf32>, %[[VC:[^:]*]]: tensor<?x2x1x8xf32>
// CHECK-DAG: %[[KCB:.*]] = bufferization.to_buffer %[[KC]] read_only
// CHECK-DAG: %[[VCB:.*]] = bufferization.to_buffer %[[VC]] read_only
// CHECK: %[[PDIM:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[PS:.*]] = memref.dim %[[KCB]], %[[PDIM]] : memref<?x2x1x8xf32>
// CHECK: scf.for %{{[^ ]+}} =
// CHECK: scf.for %[[H:[^ ]+]] =
// CHECK-NEXT: %[[G:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[KVH:.*]] = arith.divui %[[H]], %[[G]] : index
// CHECK: scf.for %[[J:[^ ]+]] = {{.*}} iter_args
// CHECK: scf.for %[[D:[^ ]+]] = {{.*}} iter_args
// CHECK: %[[SLOT:.*]] = arith.remui %[[J]], %[[PS]] : index
// CHECK-NEXT: %[[K:.*]] = memref.load %[[KCB]][%{{.*}}, %[[KVH]], %[[SLOT]], %[[D]]] : memref<?x2x1x8xf32>
// CHECK-NEXT: arith.mulf %{{.*}}, %[[K]] : f32
// CHECK: scf.for %[[J2:[^ ]+]] = {{.*}} iter_args
// CHECK: math.exp
// CHECK: scf.for %[[DV:[^ ]+]] =
// CHECK: %[[VSLOT:.*]] = arith.remui %[[J2]], %[[PS]] : index
// CHECK-NEXT: memref.load %[[VCB]][%{{.*}}, %[[KVH]], %[[VSLOT]], %[[DV]]] : memref<?x2x1x8xf32>
func.func @prefill_hnd_page1(%q: tensor<?x2x8xf32>, %qo: tensor<3xi32>, %kc: tensor<?x2x1x8xf32>,
                             %vc: tensor<?x2x1x8xf32>, %kp: tensor<3xi32>, %ki: tensor<?xi32>,
                             %kl: tensor<2xi32>) -> tensor<?x2x8xf32> {
  %o = attn.batch_prefill q(%q) qo_indptr(%qo) k_cache(%kc) v_cache(%vc) kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<hnd>}
      : (tensor<?x2x8xf32>, tensor<3xi32>, tensor<?x2x1x8xf32>, tensor<?x2x1x8xf32>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>)
      -> tensor<?x2x8xf32>
  return %o : tensor<?x2x8xf32>
}

// -----

// vLLM paged attention: Sk = context_lens[b]; key j of sequence b is in block
// block_tables[b, j / bs] (bs = dim 3 of k_cache, x = dim 4); K channel d is
// k_cache[block, h / 2, d / x, j % bs, d % x], V channel d is
// v_cache[block, h / 2, d, j % bs].
// CHECK-LABEL: func.func @vllm
// CHECK-SAME: (%[[Q:[^:]*]]: tensor<2x4x8xf16>, %[[KC:[^:]*]]: tensor<?x2x4x16x2xf16>, %[[VC:[^:]*]]: tensor<?x2x4x16xf16>, %[[BT:[^:]*]]: tensor<2x8xi32>, %[[CL:[^:]*]]: tensor<2xi32>)
// CHECK-DAG: %[[QB:.*]] = bufferization.to_buffer %[[Q]] read_only
// CHECK-DAG: %[[KCB:.*]] = bufferization.to_buffer %[[KC]] read_only
// CHECK-DAG: %[[VCB:.*]] = bufferization.to_buffer %[[VC]] read_only
// CHECK-DAG: %[[BTB:.*]] = bufferization.to_buffer %[[BT]] read_only
// CHECK-DAG: %[[CLB:.*]] = bufferization.to_buffer %[[CL]] read_only
// CHECK: %[[C3:.*]] = arith.constant 3 : index
// CHECK-NEXT: %[[BS:.*]] = memref.dim %[[KCB]], %[[C3]] : memref<?x2x4x16x2xf16>
// CHECK-NEXT: %[[C4:.*]] = arith.constant 4 : index
// CHECK-NEXT: %[[X:.*]] = memref.dim %[[KCB]], %[[C4]] : memref<?x2x4x16x2xf16>
// CHECK: %[[OUT:.*]] = memref.alloc() : memref<2x4x4xf16>
// CHECK: %[[NB:.*]] = memref.dim %[[QB]], %{{.*}} : memref<2x4x8xf16>
// CHECK: scf.for %[[B:[^ ]+]] = %{{[^ ]+}} to %[[NB]] step
// CHECK: %[[CL0:.*]] = memref.load %[[CLB]][%[[B]]] : memref<2xi32>
// CHECK-NEXT: %[[SK:.*]] = arith.index_cast %[[CL0]] : i32 to index
// CHECK: scf.for %[[H:[^ ]+]] =
// CHECK-NEXT: %[[G:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[KVH:.*]] = arith.divui %[[H]], %[[G]] : index
// CHECK: scf.for %[[J:[^ ]+]] = %{{[^ ]+}} to %[[SK]] step %{{[^ ]+}} iter_args
// CHECK: scf.for %[[D:[^ ]+]] = {{.*}} iter_args
// CHECK-NEXT: memref.load %[[QB]][%[[B]], %[[H]], %[[D]]] : memref<2x4x8xf16>
// CHECK-NEXT: %[[QF:.*]] = arith.extf
// CHECK-NEXT: %[[BI:.*]] = arith.divui %[[J]], %[[BS]] : index
// CHECK-NEXT: %[[BLK0:.*]] = memref.load %[[BTB]][%[[B]], %[[BI]]] : memref<2x8xi32>
// CHECK-NEXT: %[[BLK:.*]] = arith.index_cast %[[BLK0]] : i32 to index
// CHECK-NEXT: %[[DX:.*]] = arith.divui %[[D]], %[[X]] : index
// CHECK-NEXT: %[[SLOT:.*]] = arith.remui %[[J]], %[[BS]] : index
// CHECK-NEXT: %[[DR:.*]] = arith.remui %[[D]], %[[X]] : index
// CHECK-NEXT: %[[K:.*]] = memref.load %[[KCB]][%[[BLK]], %[[KVH]], %[[DX]], %[[SLOT]], %[[DR]]] : memref<?x2x4x16x2xf16>
// CHECK-NEXT: %[[KF:.*]] = arith.extf %[[K]] : f16 to f32
// CHECK-NEXT: arith.mulf %[[QF]], %[[KF]] : f32
// CHECK: scf.for %[[J2:[^ ]+]] = %{{[^ ]+}} to %[[SK]] step %{{[^ ]+}} iter_args
// CHECK: math.exp
// CHECK: scf.for %[[DV:[^ ]+]] =
// CHECK-NEXT: memref.load %{{.*}}[%[[DV]]] : memref<4xf32>
// CHECK-NEXT: %[[VBI:.*]] = arith.divui %[[J2]], %[[BS]] : index
// CHECK-NEXT: %[[VBLK0:.*]] = memref.load %[[BTB]][%[[B]], %[[VBI]]] : memref<2x8xi32>
// CHECK-NEXT: %[[VBLK:.*]] = arith.index_cast %[[VBLK0]] : i32 to index
// CHECK-NEXT: %[[VSLOT:.*]] = arith.remui %[[J2]], %[[BS]] : index
// CHECK-NEXT: memref.load %[[VCB]][%[[VBLK]], %[[KVH]], %[[DV]], %[[VSLOT]]] : memref<?x2x4x16xf16>
// CHECK: memref.store %{{.*}}, %[[OUT]][%[[B]], %[[H]], %{{.*}}] : memref<2x4x4xf16>
func.func @vllm(%q: tensor<2x4x8xf16>, %kc: tensor<?x2x4x16x2xf16>, %vc: tensor<?x2x4x16xf16>,
                %bt: tensor<2x8xi32>, %cl: tensor<2xi32>) -> tensor<2x4x4xf16> {
  %o = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc) block_tables(%bt) context_lens(%cl)
      : (tensor<2x4x8xf16>, tensor<?x2x4x16x2xf16>, tensor<?x2x4x16xf16>, tensor<2x8xi32>, tensor<2xi32>)
      -> tensor<2x4x4xf16>
  return %o : tensor<2x4x4xf16>
}

// -----

// MLA decode: one dot product over Dc + Dr = 24 channels whose two parts are
// chosen by scf.if on d < Dc (q_nope . ckv, then q_pe . kpe at d - Dc); the
// caches are [page, slot, c] with the page size from dim 1 of ckv_cache;
// the explicit scale is used; the value is the ckv row, kpe is never read as
// a value.
// CHECK-LABEL: func.func @mla
// CHECK-SAME: (%[[QN:[^:]*]]: tensor<2x4x16xbf16>, %[[QP:[^:]*]]: tensor<2x4x8xbf16>, %[[CKV:[^:]*]]: tensor<?x32x16xbf16>, %[[KPE:[^:]*]]: tensor<?x32x8xbf16>, %[[KP:[^:]*]]: tensor<3xi32>, %[[KI:[^:]*]]: tensor<?xi32>, %[[KL:[^:]*]]: tensor<2xi32>)
// CHECK-DAG: %[[QNB:.*]] = bufferization.to_buffer %[[QN]] read_only
// CHECK-DAG: %[[QPB:.*]] = bufferization.to_buffer %[[QP]] read_only
// CHECK-DAG: %[[CKVB:.*]] = bufferization.to_buffer %[[CKV]] read_only
// CHECK-DAG: %[[KPEB:.*]] = bufferization.to_buffer %[[KPE]] read_only
// CHECK-DAG: %[[KIB:.*]] = bufferization.to_buffer %[[KI]] read_only
// CHECK-DAG: %[[KLB:.*]] = bufferization.to_buffer %[[KL]] read_only
// CHECK: %[[PDIM:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[PS:.*]] = memref.dim %[[CKVB]], %[[PDIM]] : memref<?x32x16xbf16>
// CHECK: %[[OUT:.*]] = memref.alloc() : memref<2x4x16xbf16>
// CHECK: %[[NB:.*]] = memref.dim %[[QNB]], %{{.*}} : memref<2x4x16xbf16>
// CHECK: scf.for %[[B:[^ ]+]] = %{{[^ ]+}} to %[[NB]] step
// CHECK: %[[FULL:.*]] = arith.muli %{{.*}}, %[[PS]] : index
// CHECK-NEXT: memref.load %[[KLB]][%[[B]]] : memref<2xi32>
// CHECK: %[[SK:.*]] = arith.select %{{.*}}, %{{.*}}, %{{.*}} : index
// CHECK: scf.for %[[H:[^ ]+]] =
// CHECK: scf.for %[[J:[^ ]+]] = %{{[^ ]+}} to %[[SK]] step %{{[^ ]+}} iter_args
// CHECK: %[[DQK:.*]] = arith.constant 24 : index
// CHECK: scf.for %[[D:[^ ]+]] = %{{[^ ]+}} to %[[DQK]] step %{{[^ ]+}} iter_args
// CHECK-NEXT: %[[DC:.*]] = arith.constant 16 : index
// CHECK-NEXT: %[[ISNOPE:.*]] = arith.cmpi slt, %[[D]], %[[DC]] : index
// CHECK-NEXT: %[[QX:.*]] = scf.if %[[ISNOPE]] -> (f32) {
// CHECK-NEXT: memref.load %[[QNB]][%[[B]], %[[H]], %[[D]]] : memref<2x4x16xbf16>
// CHECK: } else {
// CHECK-NEXT: %[[DR:.*]] = arith.subi %[[D]], %[[DC]] : index
// CHECK-NEXT: memref.load %[[QPB]][%[[B]], %[[H]], %[[DR]]] : memref<2x4x8xbf16>
// CHECK: %[[PG:.*]] = memref.load %[[KIB]][%{{.*}}] : memref<?xi32>
// CHECK-NEXT: %[[PAGE:.*]] = arith.index_cast %[[PG]] : i32 to index
// CHECK-NEXT: %[[SLOT:.*]] = arith.remui %[[J]], %[[PS]] : index
// CHECK-NEXT: %[[DC2:.*]] = arith.constant 16 : index
// CHECK-NEXT: %[[ISNOPE2:.*]] = arith.cmpi slt, %[[D]], %[[DC2]] : index
// CHECK-NEXT: %[[KX:.*]] = scf.if %[[ISNOPE2]] -> (f32) {
// CHECK-NEXT: memref.load %[[CKVB]][%[[PAGE]], %[[SLOT]], %[[D]]] : memref<?x32x16xbf16>
// CHECK: } else {
// CHECK-NEXT: %[[KR:.*]] = arith.subi %[[D]], %[[DC2]] : index
// CHECK-NEXT: memref.load %[[KPEB]][%[[PAGE]], %[[SLOT]], %[[KR]]] : memref<?x32x8xbf16>
// CHECK: arith.mulf %[[QX]], %[[KX]] : f32
// CHECK: %[[SCALE:.*]] = arith.constant 2.500000e-01 : f32
// CHECK-NEXT: arith.mulf %{{.*}}, %[[SCALE]] : f32
// CHECK: scf.for %[[J2:[^ ]+]] = %{{[^ ]+}} to %[[SK]] step %{{[^ ]+}} iter_args
// CHECK: math.exp
// CHECK: scf.for %[[DV:[^ ]+]] =
// CHECK: %[[VSLOT:.*]] = arith.remui %[[J2]], %[[PS]] : index
// CHECK-NEXT: %[[VAL:.*]] = memref.load %[[CKVB]][%{{.*}}, %[[VSLOT]], %[[DV]]] : memref<?x32x16xbf16>
// CHECK-NOT: memref.load %[[KPEB]][
// CHECK: memref.store %{{.*}}, %[[OUT]][%[[B]], %[[H]], %{{.*}}] : memref<2x4x16xbf16>
func.func @mla(%qn: tensor<2x4x16xbf16>, %qp: tensor<2x4x8xbf16>, %ckv: tensor<?x32x16xbf16>,
               %kpe: tensor<?x32x8xbf16>, %kp: tensor<3xi32>, %ki: tensor<?xi32>,
               %kl: tensor<2xi32>) -> tensor<2x4x16xbf16> {
  %o = attn.mla_decode q_nope(%qn) q_pe(%qp) ckv_cache(%ckv) kpe_cache(%kpe) kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {scale = 0.25 : f32}
      : (tensor<2x4x16xbf16>, tensor<2x4x8xbf16>, tensor<?x32x16xbf16>, tensor<?x32x8xbf16>, tensor<3xi32>, tensor<?xi32>, tensor<2xi32>)
      -> tensor<2x4x16xbf16>
  return %o : tensor<2x4x16xbf16>
}
