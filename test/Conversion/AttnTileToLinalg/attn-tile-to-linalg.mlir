// RUN: attn-opt %s --convert-attn-tile-to-linalg | FileCheck %s

// convert-attn-tile-to-linalg on hand-written attn_tile IR:
// * the kernel becomes a 4-deep scf.for nest over its grid whose induction
//   variables replace the body's block arguments;
// * load_q/load_kv become all-parallel generics reading the buffer element by
//   element under a `row < count` guard (zero otherwise): load_q at token
//   token + r / pack, head head + r % pack; paged load_kv through the page
//   table (page = table[first + j / page_size], slot j % page_size), each
//   layout with its own index order; widening, FP8 decoding and descales;
// * qk is a contraction generic (parallel, parallel, reduction) into a zero
//   fill followed by an elementwise multiply by the scale;
// * rope rotates the rows whose position index r / pack is below count and
//   copies the padding rows past it (their positions are never read);
// * transform_scores is inlined as in attn-inline-functors (-inf outside
//   i < num_queries and j < num_keys, the regions only inside);
// * softmax_init is three fills (-inf, 0, 0); online_softmax is the row max
//   reduction, p = exp(s - m0), alpha = exp(m - m0), the row sum and the
//   p V contraction (with `none`: p = the visible scores, alpha = 1);
// * store is a loop over count * pack rows and an inner loop over Dv writing
//   acc / l (or acc with `none`, divided by o_scale when given), and the
//   LSE m + log l (-inf without a visible key).
// No attn_tile op survives.

// CHECK-DAG: #[[$ID2:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[$ROW:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-DAG: #[[$ID1:.*]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[$LHS:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[$KT:.*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[$RHS:.*]] = affine_map<(d0, d1, d2) -> (d2, d1)>
// CHECK-DAG: #[[$OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>

// A whole kernel: GQA pack 2, a 4-row query tile, 16-row K/V tiles from an
// NHD page table, a mask_mod, the online softmax and the store with LSE.
// CHECK-LABEL: func.func @kernel
// CHECK-SAME: (%[[Q:[^:]*]]: memref<?x4x8xbf16>, %[[KC:[^:]*]]: memref<?x16x2x8xbf16>, %[[VC:[^:]*]]: memref<?x16x2x8xbf16>, %[[TABLE:[^:]*]]: memref<?xi32>, %[[OUTB:[^:]*]]: memref<?x4x8xbf16>, %[[LSEB:[^:]*]]: memref<?x4xf32>, %[[NREQ:[^:]*]]: index, %[[FIRST:[^:]*]]: index, %[[NK:[^:]*]]: index, %[[NQ:[^:]*]]: index)
// CHECK: %[[C1:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[C2:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[STEP:.*]] = arith.constant 1 : index
// CHECK-NEXT: scf.for %[[B:[^ ]*]] = %[[ZERO]] to %[[NREQ]] step %[[STEP]] {
// CHECK-NEXT: scf.for %[[G:[^ ]*]] = %[[ZERO]] to %[[C2]] step %[[STEP]] {
// CHECK-NEXT: scf.for %[[QB:[^ ]*]] = %[[ZERO]] to %[[C1]] step %[[STEP]] {
// CHECK-NEXT: scf.for %[[SPLIT:[^ ]*]] = %[[ZERO]] to %[[C1]] step %[[STEP]] {
//
// load_q: token b + r / 2, head g + r % 2, zero past count (2 positions).
// CHECK-NEXT: %[[QE:.*]] = tensor.empty() : tensor<4x8xf32>
// CHECK-NEXT: %[[QT:.*]] = linalg.generic {indexing_maps = [#[[$ID2]]], iterator_types = ["parallel", "parallel"]} outs(%[[QE]] : tensor<4x8xf32>) {
// CHECK-NEXT: ^bb0(%{{[^:]*}}: f32):
// CHECK-NEXT: %[[R:.*]] = linalg.index 0 : index
// CHECK-NEXT: %[[D:.*]] = linalg.index 1 : index
// CHECK-NEXT: %[[P1:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[POS:.*]] = arith.divui %[[R]], %[[P1]] : index
// CHECK-NEXT: %[[P2:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[HR:.*]] = arith.remui %[[R]], %[[P2]] : index
// CHECK-NEXT: %[[H:.*]] = arith.addi %[[G]], %[[HR]] : index
// CHECK-NEXT: %[[IN:.*]] = arith.cmpi slt, %[[POS]], %[[C2]] : index
// CHECK-NEXT: %[[V:.*]] = scf.if %[[IN]] -> (f32) {
// CHECK-NEXT: %[[TOK:.*]] = arith.addi %[[B]], %[[POS]] : index
// CHECK-NEXT: %[[X:.*]] = memref.load %[[Q]][%[[TOK]], %[[H]], %[[D]]] : memref<?x4x8xbf16>
// CHECK-NEXT: %[[XF:.*]] = arith.extf %[[X]] : bf16 to f32
// CHECK-NEXT: scf.yield %[[XF]] : f32
// CHECK-NEXT: } else {
// CHECK-NEXT: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: scf.yield %[[Z]] : f32
// CHECK-NEXT: }
// CHECK-NEXT: linalg.yield %[[V]] : f32
// CHECK-NEXT: } -> tensor<4x8xf32>
//
// load_kv <nhd>: key j = key + r; page table[first + j / page_size], slot
// j % page_size, at [page, slot, head, d].
// CHECK-NEXT: %[[KE:.*]] = tensor.empty() : tensor<16x8xf32>
// CHECK-NEXT: %[[KT:.*]] = linalg.generic {indexing_maps = [#[[$ID2]]], iterator_types = ["parallel", "parallel"]} outs(%[[KE]] : tensor<16x8xf32>) {
// CHECK-NEXT: ^bb0(%{{[^:]*}}: f32):
// CHECK-NEXT: %[[R:.*]] = linalg.index 0 : index
// CHECK-NEXT: %[[D:.*]] = linalg.index 1 : index
// CHECK: %[[IN:.*]] = arith.cmpi slt, %[[R]], %[[NK]] : index
// CHECK-NEXT: %[[V:.*]] = scf.if %[[IN]] -> (f32) {
// CHECK: %[[J:.*]] = arith.addi %[[QB]], %[[R]] : index
// CHECK: %[[PSD:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[PS:.*]] = memref.dim %[[KC]], %[[PSD]] : memref<?x16x2x8xbf16>
// CHECK-NEXT: %[[PI:.*]] = arith.divui %[[J]], %[[PS]] : index
// CHECK-NEXT: %[[ENTRY:.*]] = arith.addi %[[FIRST]], %[[PI]] : index
// CHECK-NEXT: %[[PAGE32:.*]] = memref.load %[[TABLE]][%[[ENTRY]]] : memref<?xi32>
// CHECK-NEXT: %[[PAGE:.*]] = arith.index_cast %[[PAGE32]] : i32 to index
// CHECK-NEXT: %[[SLOT:.*]] = arith.remui %[[J]], %[[PS]] : index
// CHECK-NEXT: %[[X:.*]] = memref.load %[[KC]][%[[PAGE]], %[[SLOT]], %[[G]], %[[D]]] : memref<?x16x2x8xbf16>
// CHECK-NEXT: %[[XF:.*]] = arith.extf %[[X]] : bf16 to f32
// CHECK-NEXT: scf.yield %[[XF]] : f32
// CHECK-NEXT: } else {
// CHECK-NEXT: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: scf.yield %[[Z]] : f32
// CHECK-NEXT: }
// CHECK-NEXT: linalg.yield %[[V]] : f32
// CHECK-NEXT: } -> tensor<16x8xf32>
// The V tile likewise, from the V cache.
// CHECK-NEXT: %[[VE:.*]] = tensor.empty() : tensor<16x8xf32>
// CHECK-NEXT: %[[VT:.*]] = linalg.generic {indexing_maps = [#[[$ID2]]], iterator_types = ["parallel", "parallel"]} outs(%[[VE]] : tensor<16x8xf32>) {
// CHECK: memref.load %[[TABLE]]
// CHECK: memref.load %[[VC]][%{{.*}}, %{{.*}}, %[[G]], %{{.*}}] : memref<?x16x2x8xbf16>
// CHECK: } -> tensor<16x8xf32>
//
// qk: s = sum_d q[r, d] k[c, d] into zeros, then times the scale.
// CHECK-NEXT: %[[SE:.*]] = tensor.empty() : tensor<4x16xf32>
// CHECK-NEXT: %[[ZF:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[SZ:.*]] = linalg.fill ins(%[[ZF]] : f32) outs(%[[SE]] : tensor<4x16xf32>) -> tensor<4x16xf32>
// CHECK-NEXT: %[[QK:.*]] = linalg.generic {indexing_maps = [#[[$LHS]], #[[$KT]], #[[$OUT]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[QT]], %[[KT]] : tensor<4x8xf32>, tensor<16x8xf32>) outs(%[[SZ]] : tensor<4x16xf32>) {
// CHECK-NEXT: ^bb0(%[[A:[^:]*]]: f32, %[[BV:[^:]*]]: f32, %[[ACC:[^:]*]]: f32):
// CHECK-COUNT-3: linalg.index
// CHECK-NEXT: %[[PR:.*]] = arith.mulf %[[A]], %[[BV]] : f32
// CHECK-NEXT: %[[SUM:.*]] = arith.addf %[[ACC]], %[[PR]] : f32
// CHECK-NEXT: linalg.yield %[[SUM]] : f32
// CHECK-NEXT: } -> tensor<4x16xf32>
// CHECK-NEXT: %[[SE2:.*]] = tensor.empty() : tensor<4x16xf32>
// CHECK-NEXT: %[[S:.*]] = linalg.generic {indexing_maps = [#[[$ID2]], #[[$ID2]]], iterator_types = ["parallel", "parallel"]} ins(%[[QK]] : tensor<4x16xf32>) outs(%[[SE2]] : tensor<4x16xf32>) {
// CHECK-NEXT: ^bb0(%[[SIN:[^:]*]]: f32, %{{[^:]*}}: f32):
// CHECK-COUNT-2: linalg.index
// CHECK-NEXT: %[[SCALE:.*]] = arith.constant 1.250000e-01 : f32
// CHECK-NEXT: %[[SS:.*]] = arith.mulf %[[SIN]], %[[SCALE]] : f32
// CHECK-NEXT: linalg.yield %[[SS]] : f32
// CHECK-NEXT: } -> tensor<4x16xf32>
//
// transform_scores: query i = query + r / 2 < num_queries and key
// j = key + c < num_keys, then the mask_mod (j <= i) inside that guard only.
// CHECK-NEXT: tensor.empty() : tensor<4x16xf32>
// CHECK-NEXT: %[[T:.*]] = linalg.generic {indexing_maps = [#[[$ID2]], #[[$ID2]]], iterator_types = ["parallel", "parallel"]} ins(%[[S]] : tensor<4x16xf32>)
// CHECK-NEXT: ^bb0(%[[TS:[^:]*]]: f32, %{{[^:]*}}: f32):
// CHECK-NEXT: %[[TR:.*]] = linalg.index 0 : index
// CHECK-NEXT: %[[TC:.*]] = linalg.index 1 : index
// CHECK-NEXT: %[[TP:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[TRQ:.*]] = arith.divui %[[TR]], %[[TP]] : index
// CHECK-NEXT: %[[TI:.*]] = arith.addi %[[QB]], %[[TRQ]] : index
// CHECK: %[[TJ:.*]] = arith.addi %[[SPLIT]], %[[TC]] : index
// CHECK-NEXT: %[[TNEG:.*]] = arith.constant 0xFF800000 : f32
// CHECK-NEXT: %[[TQIN:.*]] = arith.cmpi ult, %[[TI]], %[[NQ]] : index
// CHECK-NEXT: %[[TKIN:.*]] = arith.cmpi ult, %[[TJ]], %[[NK]] : index
// CHECK-NEXT: %[[TIN:.*]] = arith.andi %[[TQIN]], %[[TKIN]] : i1
// CHECK-NEXT: %[[TV:.*]] = scf.if %[[TIN]] -> (f32) {
// CHECK-NEXT: %[[TVIS:.*]] = arith.cmpi ule, %[[TJ]], %[[TI]] : index
// CHECK-NEXT: %[[TM:.*]] = scf.if %[[TVIS]] -> (f32) {
// CHECK-NEXT: scf.yield %[[TS]] : f32
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %[[TNEG]] : f32
// CHECK-NEXT: }
// CHECK-NEXT: scf.yield %[[TM]] : f32
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %[[TNEG]] : f32
// CHECK-NEXT: }
// CHECK-NEXT: linalg.yield %[[TV]] : f32
// CHECK-NEXT: } -> tensor<4x16xf32>
//
// softmax_init: m = -inf, l = 0, acc = 0.
// CHECK-NEXT: %[[ME:.*]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[NEGINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK-NEXT: %[[M0:.*]] = linalg.fill ins(%[[NEGINF]] : f32) outs(%[[ME]] : tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[LE:.*]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[LZ:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[L0:.*]] = linalg.fill ins(%[[LZ]] : f32) outs(%[[LE]] : tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[AE:.*]] = tensor.empty() : tensor<4x8xf32>
// CHECK-NEXT: %[[AZ:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[A0:.*]] = linalg.fill ins(%[[AZ]] : f32) outs(%[[AE]] : tensor<4x8xf32>) -> tensor<4x8xf32>
//
// online_softmax: the tile's row max into a fresh [4] tensor.
// CHECK-NEXT: %[[TME:.*]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[TNI:.*]] = arith.constant 0xFF800000 : f32
// CHECK-NEXT: %[[TM0:.*]] = linalg.fill ins(%[[TNI]] : f32) outs(%[[TME]] : tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[TM:.*]] = linalg.generic {indexing_maps = [#[[$ID2]], #[[$ROW]]], iterator_types = ["parallel", "reduction"]} ins(%[[T]] : tensor<4x16xf32>) outs(%[[TM0]] : tensor<4xf32>) {
// CHECK: arith.maximumf
// CHECK: } -> tensor<4xf32>
// alpha = exp(m - m0) with m0 = max(m, rowmax), read before m changes.
// CHECK-NEXT: %[[ALE:.*]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[ALPHA:.*]] = linalg.generic {indexing_maps = [#[[$ID1]], #[[$ID1]], #[[$ID1]]], iterator_types = ["parallel"]} ins(%[[M0]], %[[TM]] : tensor<4xf32>, tensor<4xf32>) outs(%[[ALE]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[OLD:[^:]*]]: f32, %[[TILE:[^:]*]]: f32, %{{[^:]*}}: f32):
// CHECK: %[[NEWM:.*]] = arith.maximumf %[[OLD]], %[[TILE]] : f32
// CHECK: %[[ASAFE:.*]] = arith.select %{{.*}}, %{{.*}}, %[[NEWM]] : f32
// CHECK-NEXT: %[[ADIFF:.*]] = arith.subf %[[OLD]], %[[ASAFE]] : f32
// CHECK-NEXT: %[[AEXP:.*]] = math.exp %[[ADIFF]] : f32
// CHECK-NEXT: linalg.yield %[[AEXP]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// m' = max(m, rowmax s), written over m (no new buffer in the KV loop).
// CHECK-NEXT: %[[M1:.*]] = linalg.generic {indexing_maps = [#[[$ID1]], #[[$ID1]]], iterator_types = ["parallel"]} ins(%[[TM]] : tensor<4xf32>) outs(%[[M0]] : tensor<4xf32>) {
// CHECK: arith.maximumf
// CHECK: } -> tensor<4xf32>
// p = exp(s - m0), m0 = 0 where m' = -inf.
// CHECK-NEXT: %[[PE:.*]] = tensor.empty() : tensor<4x16xf32>
// CHECK-NEXT: %[[P:.*]] = linalg.generic {indexing_maps = [#[[$ID2]], #[[$ROW]], #[[$ID2]]], iterator_types = ["parallel", "parallel"]} ins(%[[T]], %[[M1]] : tensor<4x16xf32>, tensor<4xf32>) outs(%[[PE]] : tensor<4x16xf32>) {
// CHECK-NEXT: ^bb0(%[[SV:[^:]*]]: f32, %[[MV:[^:]*]]: f32, %{{[^:]*}}: f32):
// CHECK-COUNT-2: linalg.index
// CHECK-NEXT: %[[NI:.*]] = arith.constant 0xFF800000 : f32
// CHECK-NEXT: %[[ISINF:.*]] = arith.cmpf oeq, %[[MV]], %[[NI]] : f32
// CHECK-NEXT: %[[Z0:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[SAFE:.*]] = arith.select %[[ISINF]], %[[Z0]], %[[MV]] : f32
// CHECK-NEXT: %[[DIFF:.*]] = arith.subf %[[SV]], %[[SAFE]] : f32
// CHECK-NEXT: %[[EXP:.*]] = math.exp %[[DIFF]] : f32
// CHECK-NEXT: linalg.yield %[[EXP]] : f32
// CHECK-NEXT: } -> tensor<4x16xf32>
// l' = alpha l + rowsum p: l rescaled in place, then the row sum into it.
// CHECK-NEXT: %[[LS:.*]] = linalg.generic {indexing_maps = [#[[$ID1]], #[[$ID1]]], iterator_types = ["parallel"]} ins(%[[ALPHA]] : tensor<4xf32>) outs(%[[L0]] : tensor<4xf32>) {
// CHECK: arith.mulf
// CHECK: } -> tensor<4xf32>
// CHECK-NEXT: %[[L1:.*]] = linalg.generic {indexing_maps = [#[[$ID2]], #[[$ROW]]], iterator_types = ["parallel", "reduction"]} ins(%[[P]] : tensor<4x16xf32>) outs(%[[LS]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[LIN:[^:]*]]: f32, %[[LOUT:[^:]*]]: f32):
// CHECK-COUNT-2: linalg.index
// CHECK-NEXT: %[[LADD:.*]] = arith.addf %[[LIN]], %[[LOUT]] : f32
// CHECK-NEXT: linalg.yield %[[LADD]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// acc' = alpha acc + p V: the rescale in place, then the contraction over
// keys into it.
// CHECK-NEXT: %[[AS:.*]] = linalg.generic {indexing_maps = [#[[$ROW]], #[[$ID2]]], iterator_types = ["parallel", "parallel"]} ins(%[[ALPHA]] : tensor<4xf32>) outs(%[[A0]] : tensor<4x8xf32>) {
// CHECK: arith.mulf
// CHECK: } -> tensor<4x8xf32>
// CHECK-NEXT: %[[A1:.*]] = linalg.generic {indexing_maps = [#[[$LHS]], #[[$RHS]], #[[$OUT]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[P]], %[[VT]] : tensor<4x16xf32>, tensor<16x8xf32>) outs(%[[AS]] : tensor<4x8xf32>) {
// CHECK-NEXT: ^bb0(%[[PIN:[^:]*]]: f32, %[[VIN:[^:]*]]: f32, %[[AOUT:[^:]*]]: f32):
// CHECK-COUNT-3: linalg.index
// CHECK-NEXT: %[[PV:.*]] = arith.mulf %[[PIN]], %[[VIN]] : f32
// CHECK-NEXT: %[[AADD:.*]] = arith.addf %[[AOUT]], %[[PV]] : f32
// CHECK-NEXT: linalg.yield %[[AADD]] : f32
// CHECK-NEXT: } -> tensor<4x8xf32>
//
// store: rows r < count * pack, token b + r / 2, head g + r % 2.
// CHECK-NEXT: %[[SZERO:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[SP:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[NROWS:.*]] = arith.muli %[[C2]], %[[SP]] : index
// CHECK-NEXT: %[[SSTEP:.*]] = arith.constant 1 : index
// CHECK-NEXT: scf.for %[[SR:[^ ]*]] = %[[SZERO]] to %[[NROWS]] step %[[SSTEP]] {
// CHECK-NEXT: %[[SP1:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[SPOS:.*]] = arith.divui %[[SR]], %[[SP1]] : index
// CHECK-NEXT: %[[STOK:.*]] = arith.addi %[[B]], %[[SPOS]] : index
// CHECK-NEXT: %[[SP2:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[SHR:.*]] = arith.remui %[[SR]], %[[SP2]] : index
// CHECK-NEXT: %[[SH:.*]] = arith.addi %[[G]], %[[SHR]] : index
// 1 / l where l > 0, else 0.
// CHECK-NEXT: arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %[[L:.*]] = tensor.extract %[[L1]][%[[SR]]] : tensor<4xf32>
// CHECK-NEXT: %[[LZ2:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[ANY:.*]] = arith.cmpf ogt, %[[L]], %[[LZ2]] : f32
// CHECK-NEXT: %[[ONEF:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %[[RCP:.*]] = arith.divf %[[ONEF]], %[[L]] : f32
// CHECK-NEXT: %[[LZ3:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[INV:.*]] = arith.select %[[ANY]], %[[RCP]], %[[LZ3]] : f32
// The output row, converted to bf16.
// CHECK-NEXT: %[[DZ:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[DV:.*]] = arith.constant 8 : index
// CHECK-NEXT: %[[DS:.*]] = arith.constant 1 : index
// CHECK-NEXT: scf.for %[[SD:[^ ]*]] = %[[DZ]] to %[[DV]] step %[[DS]] {
// CHECK-NEXT: %[[AV:.*]] = tensor.extract %[[A1]][%[[SR]], %[[SD]]] : tensor<4x8xf32>
// CHECK-NEXT: %[[O:.*]] = arith.mulf %[[AV]], %[[INV]] : f32
// CHECK-NEXT: %[[OB:.*]] = arith.truncf %[[O]] : f32 to bf16
// CHECK-NEXT: memref.store %[[OB]], %[[OUTB]][%[[STOK]], %[[SH]], %[[SD]]] : memref<?x4x8xbf16>
// CHECK-NEXT: }
// LSE = m + log l, or -inf.
// CHECK-NEXT: %[[MR:.*]] = tensor.extract %[[M1]][%[[SR]]] : tensor<4xf32>
// CHECK-NEXT: %[[LOG:.*]] = math.log %[[L]] : f32
// CHECK-NEXT: %[[LSEV:.*]] = arith.addf %[[MR]], %[[LOG]] : f32
// CHECK-NEXT: %[[NI2:.*]] = arith.constant 0xFF800000 : f32
// CHECK-NEXT: %[[LSEO:.*]] = arith.select %[[ANY]], %[[LSEV]], %[[NI2]] : f32
// CHECK-NEXT: memref.store %[[LSEO]], %[[LSEB]][%[[STOK]], %[[SH]]] : memref<?x4xf32>
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: return
// CHECK-NOT: attn_tile
func.func @kernel(%q: memref<?x4x8xbf16>, %kc: memref<?x16x2x8xbf16>, %vc: memref<?x16x2x8xbf16>,
                  %table: memref<?xi32>, %out: memref<?x4x8xbf16>, %lse: memref<?x4xf32>,
                  %nreq: index, %first: index, %nk: index, %nq: index) {
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  attn_tile.kernel grid(%nreq, %c2, %c1, %c1)
      attributes {block_m = 4 : i64, block_n = 16 : i64, gqa_pack = 2 : i64} {
  ^bb0(%b: index, %g: index, %qb: index, %split: index):
    %qt = attn_tile.load_q %q[%b, %g] count %c2 {gqa_pack = 2 : i64}
        : memref<?x4x8xbf16> -> tensor<4x8xf32>
    %kt = attn_tile.load_kv <nhd> %kc[%first, %qb, %g] count %nk table %table : memref<?xi32>
        : memref<?x16x2x8xbf16> -> tensor<16x8xf32>
    %vt = attn_tile.load_kv <nhd> %vc[%first, %qb, %g] count %nk table %table : memref<?xi32>
        : memref<?x16x2x8xbf16> -> tensor<16x8xf32>
    %s = attn_tile.qk %qt, %kt {scale = 0.125 : f32}
        : tensor<4x8xf32>, tensor<16x8xf32> -> tensor<4x16xf32>
    %t = attn_tile.transform_scores %s at(%b, %g, %qb, %split) queries %nq keys %nk {gqa_pack = 2 : i64}
        : tensor<4x16xf32>
      mask_mod {
      ^bb0(%rb: index, %h: index, %i: index, %j: index):
        %v = arith.cmpi ule, %j, %i : index
        attn_tile.yield %v : i1
      }
    %m0, %l0, %a0 = attn_tile.softmax_init : tensor<4xf32>, tensor<4xf32>, tensor<4x8xf32>
    %m, %l, %a = attn_tile.online_softmax %t, %vt, %m0, %l0, %a0 <softmax>
        : tensor<4x16xf32>, tensor<16x8xf32>, tensor<4x8xf32> -> tensor<4xf32>, tensor<4xf32>
    attn_tile.store %a, %l, %m <softmax> to %out lse %lse : memref<?x4xf32>
        [%b, %g] count %c2 {gqa_pack = 2 : i64}
        : tensor<4x8xf32>, tensor<4xf32> -> memref<?x4x8xbf16>
  }
  return
}

// Where each KV layout reads element (j = key + r, d), head h, page table
// entries first + j / page_size (page_size the layout's dimension):
// <rows> [first + j, h, d]; <hnd> [page, h, slot, d]; <vllm_key>
// [page, h, d / x, slot, d % x]; <vllm_value> [page, h, d, slot]; <latent>
// [page, slot, d] (no head). Tiles of the buffer's type load as is; the
// f32 <rows> tile widens; the FP8 <vllm_key> tile decodes and multiplies by
// descale[h].
// CHECK-LABEL: func.func @layouts
// CHECK-SAME: (%[[KR:[^:]*]]: memref<?x2x8xf16>, %[[KH:[^:]*]]: memref<?x2x4x8xf16>, %[[KK:[^:]*]]: memref<?x2x2x4x4xf8E4M3FN>, %[[KV:[^:]*]]: memref<?x2x8x4xf16>, %[[KL:[^:]*]]: memref<?x4x8xbf16>, %[[TABLE:[^:]*]]: memref<?xi64>, %[[KS:[^:]*]]: memref<2xf32>, %[[FIRST:[^:]*]]: index, %[[J0:[^:]*]]: index, %[[H:[^:]*]]: index, %[[N:[^:]*]]: index)
//
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<4x8xf32>) {
// CHECK-NEXT: ^bb0
// CHECK-NEXT: %[[R:.*]] = linalg.index 0 : index
// CHECK-NEXT: %[[D:.*]] = linalg.index 1 : index
// CHECK: %[[IN:.*]] = arith.cmpi slt, %[[R]], %[[N]] : index
// CHECK-NEXT: scf.if %[[IN]] -> (f32) {
// CHECK: %[[J:.*]] = arith.addi %[[J0]], %[[R]] : index
// CHECK-NEXT: %[[ROW:.*]] = arith.addi %[[FIRST]], %[[J]] : index
// CHECK-NEXT: %[[X:.*]] = memref.load %[[KR]][%[[ROW]], %[[H]], %[[D]]] : memref<?x2x8xf16>
// CHECK-NEXT: arith.extf %[[X]] : f16 to f32
// CHECK-NOT: memref.load %[[TABLE]]
// CHECK: } -> tensor<4x8xf32>
//
// CHECK-NEXT: tensor.empty() : tensor<4x8xf16>
// CHECK-NEXT: linalg.generic
// CHECK-NEXT: ^bb0
// CHECK-NEXT: %[[R:.*]] = linalg.index 0 : index
// CHECK-NEXT: %[[D:.*]] = linalg.index 1 : index
// CHECK: %[[IN:.*]] = arith.cmpi slt, %[[R]], %[[N]] : index
// CHECK-NEXT: scf.if %[[IN]]
// CHECK: %[[J:.*]] = arith.addi %[[J0]], %[[R]] : index
// CHECK: %[[PSD:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[PS:.*]] = memref.dim %[[KH]], %[[PSD]] : memref<?x2x4x8xf16>
// CHECK-NEXT: %[[PI:.*]] = arith.divui %[[J]], %[[PS]] : index
// CHECK-NEXT: %[[E:.*]] = arith.addi %[[FIRST]], %[[PI]] : index
// CHECK-NEXT: %[[P64:.*]] = memref.load %[[TABLE]][%[[E]]] : memref<?xi64>
// CHECK-NEXT: %[[PAGE:.*]] = arith.index_cast %[[P64]] : i64 to index
// CHECK-NEXT: %[[SLOT:.*]] = arith.remui %[[J]], %[[PS]] : index
// CHECK-NEXT: %[[X:.*]] = memref.load %[[KH]][%[[PAGE]], %[[H]], %[[SLOT]], %[[D]]] : memref<?x2x4x8xf16>
// CHECK-NEXT: scf.yield %[[X]] : f16
// CHECK: } -> tensor<4x8xf16>
//
// CHECK-NEXT: tensor.empty() : tensor<4x8xf32>
// CHECK-NEXT: linalg.generic
// CHECK-NEXT: ^bb0
// CHECK-NEXT: %[[R:.*]] = linalg.index 0 : index
// CHECK-NEXT: %[[D:.*]] = linalg.index 1 : index
// CHECK: %[[IN:.*]] = arith.cmpi slt, %[[R]], %[[N]] : index
// CHECK-NEXT: scf.if %[[IN]]
// CHECK: %[[J:.*]] = arith.addi %[[J0]], %[[R]] : index
// CHECK: %[[PSD:.*]] = arith.constant 3 : index
// CHECK-NEXT: %[[PS:.*]] = memref.dim %[[KK]], %[[PSD]] : memref<?x2x2x4x4xf8E4M3FN>
// CHECK-NEXT: %[[PI:.*]] = arith.divui %[[J]], %[[PS]] : index
// CHECK-NEXT: %[[E:.*]] = arith.addi %[[FIRST]], %[[PI]] : index
// CHECK-NEXT: %[[P64:.*]] = memref.load %[[TABLE]][%[[E]]] : memref<?xi64>
// CHECK-NEXT: %[[PAGE:.*]] = arith.index_cast %[[P64]] : i64 to index
// CHECK-NEXT: %[[SLOT:.*]] = arith.remui %[[J]], %[[PS]] : index
// CHECK-NEXT: %[[XD:.*]] = arith.constant 4 : index
// CHECK-NEXT: %[[XS:.*]] = memref.dim %[[KK]], %[[XD]] : memref<?x2x2x4x4xf8E4M3FN>
// CHECK-NEXT: %[[DHI:.*]] = arith.divui %[[D]], %[[XS]] : index
// CHECK-NEXT: %[[DLO:.*]] = arith.remui %[[D]], %[[XS]] : index
// CHECK-NEXT: %[[X:.*]] = memref.load %[[KK]][%[[PAGE]], %[[H]], %[[DHI]], %[[SLOT]], %[[DLO]]] : memref<?x2x2x4x4xf8E4M3FN>
// CHECK-NEXT: arith.bitcast %[[X]] : f8E4M3FN to i8
// CHECK: %[[SCL:.*]] = memref.load %[[KS]][%[[H]]] : memref<2xf32>
// CHECK-NEXT: %[[XS2:.*]] = arith.mulf %{{.*}}, %[[SCL]] : f32
// CHECK-NEXT: scf.yield %[[XS2]] : f32
// CHECK: } -> tensor<4x8xf32>
//
// CHECK-NEXT: tensor.empty() : tensor<4x8xf16>
// CHECK-NEXT: linalg.generic
// CHECK: %[[PSD:.*]] = arith.constant 3 : index
// CHECK-NEXT: %[[PS:.*]] = memref.dim %[[KV]], %[[PSD]] : memref<?x2x8x4xf16>
// CHECK: %[[PAGE:.*]] = arith.index_cast %{{.*}} : i64 to index
// CHECK-NEXT: %[[SLOT:.*]] = arith.remui %{{.*}}, %[[PS]] : index
// CHECK-NEXT: memref.load %[[KV]][%[[PAGE]], %[[H]], %{{.*}}, %[[SLOT]]] : memref<?x2x8x4xf16>
// CHECK: } -> tensor<4x8xf16>
//
// CHECK-NEXT: tensor.empty() : tensor<4x8xbf16>
// CHECK-NEXT: linalg.generic
// CHECK: %[[PSD:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[PS:.*]] = memref.dim %[[KL]], %[[PSD]] : memref<?x4x8xbf16>
// CHECK: %[[PAGE:.*]] = arith.index_cast %{{.*}} : i64 to index
// CHECK-NEXT: %[[SLOT:.*]] = arith.remui %{{.*}}, %[[PS]] : index
// CHECK-NEXT: memref.load %[[KL]][%[[PAGE]], %[[SLOT]], %{{[^,]*}}] : memref<?x4x8xbf16>
// CHECK: } -> tensor<4x8xbf16>
func.func @layouts(%kr: memref<?x2x8xf16>, %kh: memref<?x2x4x8xf16>, %kk: memref<?x2x2x4x4xf8E4M3FN>,
                   %kv: memref<?x2x8x4xf16>, %kl: memref<?x4x8xbf16>, %table: memref<?xi64>,
                   %ks: memref<2xf32>, %first: index, %j0: index, %h: index, %n: index)
    -> (tensor<4x8xf32>, tensor<4x8xf16>, tensor<4x8xf32>, tensor<4x8xf16>, tensor<4x8xbf16>) {
  %r = attn_tile.load_kv <rows> %kr[%first, %j0, %h] count %n : memref<?x2x8xf16> -> tensor<4x8xf32>
  %hn = attn_tile.load_kv <hnd> %kh[%first, %j0, %h] count %n table %table : memref<?xi64>
      : memref<?x2x4x8xf16> -> tensor<4x8xf16>
  %vk = attn_tile.load_kv <vllm_key> %kk[%first, %j0, %h] count %n table %table : memref<?xi64>
      descale %ks : memref<2xf32> : memref<?x2x2x4x4xf8E4M3FN> -> tensor<4x8xf32>
  %vv = attn_tile.load_kv <vllm_value> %kv[%first, %j0, %h] count %n table %table : memref<?xi64>
      : memref<?x2x8x4xf16> -> tensor<4x8xf16>
  %lt = attn_tile.load_kv <latent> %kl[%first, %j0, %h] count %n table %table : memref<?xi64>
      : memref<?x4x8xbf16> -> tensor<4x8xbf16>
  return %r, %hn, %vk, %vv, %lt
      : tensor<4x8xf32>, tensor<4x8xf16>, tensor<4x8xf32>, tensor<4x8xf16>, tensor<4x8xbf16>
}

// The `none` normalizer: no max reduction, p = s where s > -inf and 0
// elsewhere, alpha = 1; the P V contraction widens the f16 V tile. The
// store writes acc itself, divided by o_scale[head], saturated to FP8, and
// no LSE.
// CHECK-LABEL: func.func @none_store
// CHECK-SAME: (%[[S:[^:]*]]: tensor<4x16xf32>, %[[V:[^:]*]]: tensor<16x8xf16>, %[[OUTB:[^:]*]]: memref<?x4x8xf8E4M3FN>, %[[OS:[^:]*]]: memref<4xf32>, %[[T:[^:]*]]: index, %[[H:[^:]*]]: index, %[[N:[^:]*]]: index)
// CHECK-NOT: arith.maximumf
// CHECK: %[[P:.*]] = linalg.generic {indexing_maps = [#[[$ID2]], #[[$ID2]]], iterator_types = ["parallel", "parallel"]} ins(%[[S]] : tensor<4x16xf32>)
// CHECK-NEXT: ^bb0(%[[SV:[^:]*]]: f32, %{{[^:]*}}: f32):
// CHECK-COUNT-2: linalg.index
// CHECK-NEXT: %[[NI:.*]] = arith.constant 0xFF800000 : f32
// CHECK-NEXT: %[[HID:.*]] = arith.cmpf oeq, %[[SV]], %[[NI]] : f32
// CHECK-NEXT: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[PV:.*]] = arith.select %[[HID]], %[[Z]], %[[SV]] : f32
// CHECK-NEXT: linalg.yield %[[PV]] : f32
// CHECK-NOT: math.exp
// CHECK: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %[[ALPHA:.*]] = linalg.fill ins(%[[ONE]] : f32) outs(%{{.*}} : tensor<4xf32>) -> tensor<4xf32>
// CHECK: linalg.generic {indexing_maps = [#[[$ID2]], #[[$ROW]]], iterator_types = ["parallel", "reduction"]} ins(%[[P]] : tensor<4x16xf32>)
// CHECK: linalg.generic {indexing_maps = [#[[$ROW]], #[[$ID2]]], iterator_types = ["parallel", "parallel"]} ins(%[[ALPHA]] : tensor<4xf32>) outs(%{{.*}} : tensor<4x8xf32>)
// CHECK: %[[A1:.*]] = linalg.generic {indexing_maps = [#[[$LHS]], #[[$RHS]], #[[$OUT]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[P]], %[[V]] : tensor<4x16xf32>, tensor<16x8xf16>)
// CHECK-NEXT: ^bb0(%[[PIN:[^:]*]]: f32, %[[VIN:[^:]*]]: f16, %[[AOUT:[^:]*]]: f32):
// CHECK-COUNT-3: linalg.index
// CHECK-NEXT: %[[VW:.*]] = arith.extf %[[VIN]] : f16 to f32
// CHECK-NEXT: %[[PRD:.*]] = arith.mulf %[[PIN]], %[[VW]] : f32
// CHECK-NEXT: arith.addf %[[AOUT]], %[[PRD]] : f32
// CHECK: %[[PACK:.*]] = arith.constant 4 : index
// CHECK-NEXT: %[[NROWS:.*]] = arith.muli %[[N]], %[[PACK]] : index
// CHECK: scf.for %[[SR:[^ ]*]] = %{{.*}} to %[[NROWS]] step %{{.*}} {
// CHECK: %[[SH:.*]] = arith.addi %[[H]], %{{.*}} : index
// CHECK-NEXT: %[[ONEF:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: tensor.extract
// CHECK-NEXT: %[[OSV:.*]] = memref.load %[[OS]][%[[SH]]] : memref<4xf32>
// CHECK-NEXT: %[[INV:.*]] = arith.divf %[[ONEF]], %[[OSV]] : f32
// CHECK: scf.for %[[SD:[^ ]*]] = %{{.*}} to %{{.*}} step %{{.*}} {
// CHECK-NEXT: %[[AV:.*]] = tensor.extract %[[A1]][%[[SR]], %[[SD]]] : tensor<4x8xf32>
// CHECK-NEXT: %[[O:.*]] = arith.mulf %[[AV]], %[[INV]] : f32
// CHECK-NEXT: %[[LO:.*]] = arith.constant -4.480000e+02 : f32
// CHECK-NEXT: %[[CL:.*]] = arith.maximumf %[[O]], %[[LO]] : f32
// CHECK-NEXT: %[[HI:.*]] = arith.constant 4.480000e+02 : f32
// CHECK-NEXT: arith.minimumf %[[CL]], %[[HI]] : f32
// CHECK: %[[O8:.*]] = arith.bitcast %{{.*}} : i8 to f8E4M3FN
// CHECK-NEXT: memref.store %[[O8]], %[[OUTB]][%{{.*}}, %[[SH]], %[[SD]]] : memref<?x4x8xf8E4M3FN>
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @none_store(%s: tensor<4x16xf32>, %v: tensor<16x8xf16>, %out: memref<?x4x8xf8E4M3FN>,
                      %os: memref<4xf32>, %t: index, %h: index, %n: index) {
  %m0, %l0, %a0 = attn_tile.softmax_init : tensor<4xf32>, tensor<4xf32>, tensor<4x8xf32>
  %m, %l, %a = attn_tile.online_softmax %s, %v, %m0, %l0, %a0 <none>
      : tensor<4x16xf32>, tensor<16x8xf16>, tensor<4x8xf32> -> tensor<4xf32>, tensor<4xf32>
  attn_tile.store %a, %l, %m <none> to %out [%t, %h] count %n o_scale %os : memref<4xf32>
      {gqa_pack = 4 : i64} : tensor<4x8xf32>, tensor<4xf32> -> memref<?x4x8xf8E4M3FN>
  return
}

// concat: channel c < 8 from the first tile (widened), else c - 8 from the
// second. rope: rows whose position index r / pack is below count rotate at
// positions[offset + r / pack] (channels inside the rotated dim mix with
// their NeoX partner, the others are copied); rows past count are padding,
// copied unrotated without reading positions.
// CHECK-LABEL: func.func @rope_concat
// CHECK-SAME: (%[[X:[^:]*]]: tensor<4x8xbf16>, %[[Y:[^:]*]]: tensor<4x4xf32>, %[[POS:[^:]*]]: memref<?xi32>, %[[OFF:[^:]*]]: index, %[[N:[^:]*]]: index)
// CHECK: %[[CAT:.*]] = linalg.generic {indexing_maps = [#[[$ID2]]], iterator_types = ["parallel", "parallel"]} outs(%{{.*}} : tensor<4x12xf32>) {
// CHECK-NEXT: ^bb0
// CHECK-NEXT: %[[R:.*]] = linalg.index 0 : index
// CHECK-NEXT: %[[C:.*]] = linalg.index 1 : index
// CHECK-NEXT: %[[SPLIT:.*]] = arith.constant 8 : index
// CHECK-NEXT: %[[LEFT:.*]] = arith.cmpi slt, %[[C]], %[[SPLIT]] : index
// CHECK-NEXT: scf.if %[[LEFT]] -> (f32) {
// CHECK-NEXT: %[[XV:.*]] = tensor.extract %[[X]][%[[R]], %[[C]]] : tensor<4x8xbf16>
// CHECK-NEXT: %[[XW:.*]] = arith.extf %[[XV]] : bf16 to f32
// CHECK-NEXT: scf.yield %[[XW]] : f32
// CHECK-NEXT: } else {
// CHECK-NEXT: %[[SPLIT2:.*]] = arith.constant 8 : index
// CHECK-NEXT: %[[C2:.*]] = arith.subi %[[C]], %[[SPLIT2]] : index
// CHECK-NEXT: %[[YV:.*]] = tensor.extract %[[Y]][%[[R]], %[[C2]]] : tensor<4x4xf32>
// CHECK-NEXT: scf.yield %[[YV]] : f32
// CHECK: } -> tensor<4x12xf32>
// CHECK: %[[ROT:.*]] = linalg.generic {indexing_maps = [#[[$ID2]]], iterator_types = ["parallel", "parallel"]} outs(%{{.*}} : tensor<4x8xf32>) {
// CHECK-NEXT: ^bb0
// CHECK-NEXT: %[[R:.*]] = linalg.index 0 : index
// CHECK-NEXT: %[[C:.*]] = linalg.index 1 : index
// CHECK-NEXT: %[[PK:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[RP:.*]] = arith.divui %[[R]], %[[PK]] : index
// CHECK-NEXT: %[[LIVE:.*]] = arith.cmpi slt, %[[RP]], %[[N]] : index
// CHECK-NEXT: %[[V:.*]] = scf.if %[[LIVE]] -> (f32) {
// CHECK-NEXT: %[[AT:.*]] = arith.addi %[[OFF]], %[[RP]] : index
// CHECK-NEXT: %[[P32:.*]] = memref.load %[[POS]][%[[AT]]] : memref<?xi32>
// CHECK-NEXT: %[[P:.*]] = arith.index_cast %[[P32]] : i32 to index
// CHECK-NEXT: %[[DIM:.*]] = arith.constant 8 : index
// CHECK-NEXT: %[[INROT:.*]] = arith.cmpi slt, %[[C]], %[[DIM]] : index
// CHECK-NEXT: %[[RV:.*]] = scf.if %[[INROT]] -> (f32) {
// CHECK: arith.index_cast %[[P]] : index to i64
// CHECK: math.cos
// CHECK-NEXT: math.sin
// CHECK: } else {
// CHECK-NEXT: %[[COPY:.*]] = tensor.extract %[[X]][%[[R]], %[[C]]] : tensor<4x8xbf16>
// CHECK-NEXT: %[[COPYW:.*]] = arith.extf %[[COPY]] : bf16 to f32
// CHECK-NEXT: scf.yield %[[COPYW]] : f32
// CHECK-NEXT: }
// CHECK-NEXT: scf.yield %[[RV]] : f32
// Padding rows: channel c of the tile as is (widened), no positions load.
// CHECK-NEXT: } else {
// CHECK-NEXT: %[[PAD:.*]] = tensor.extract %[[X]][%[[R]], %[[C]]] : tensor<4x8xbf16>
// CHECK-NEXT: %[[PADW:.*]] = arith.extf %[[PAD]] : bf16 to f32
// CHECK-NEXT: scf.yield %[[PADW]] : f32
// CHECK-NEXT: }
// CHECK-NEXT: linalg.yield %[[V]] : f32
// CHECK-NEXT: } -> tensor<4x8xf32>
// CHECK: return %[[CAT]], %[[ROT]]
// CHECK-NOT: attn_tile
func.func @rope_concat(%a: tensor<4x8xbf16>, %b: tensor<4x4xf32>, %pos: memref<?xi32>, %off: index,
                       %n: index) -> (tensor<4x12xf32>, tensor<4x8xf32>) {
  %c = attn_tile.concat %a, %b : tensor<4x8xbf16>, tensor<4x4xf32> -> tensor<4x12xf32>
  %r = attn_tile.rope %a at %off count %n positions %pos : memref<?xi32>
      {gqa_pack = 2 : i64, rope = #attn.rope<theta = 10000.0, dim = 8, style = neox>}
      : tensor<4x8xbf16> -> tensor<4x8xf32>
  return %c, %r : tensor<4x12xf32>, tensor<4x8xf32>
}

// rope of a K tile (pack 1, no positions): row r < count rotates at
// offset + r; the padding rows past count are copied as they are.
// CHECK-LABEL: func.func @rope_keys
// CHECK-SAME: (%[[K:[^:]*]]: tensor<4x8xf32>, %[[J0:[^:]*]]: index, %[[KN:[^:]*]]: index)
// CHECK: %[[ROT:.*]] = linalg.generic {indexing_maps = [#[[$ID2]]], iterator_types = ["parallel", "parallel"]} outs(%{{.*}} : tensor<4x8xf32>) {
// CHECK-NEXT: ^bb0
// CHECK-NEXT: %[[R:.*]] = linalg.index 0 : index
// CHECK-NEXT: %[[C:.*]] = linalg.index 1 : index
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[RP:.*]] = arith.divui %[[R]], %[[ONE]] : index
// CHECK-NEXT: %[[LIVE:.*]] = arith.cmpi slt, %[[RP]], %[[KN]] : index
// CHECK-NEXT: %[[V:.*]] = scf.if %[[LIVE]] -> (f32) {
// CHECK-NEXT: %[[P:.*]] = arith.addi %[[J0]], %[[RP]] : index
// CHECK-NEXT: %[[DIM:.*]] = arith.constant 4 : index
// CHECK-NEXT: %[[INROT:.*]] = arith.cmpi slt, %[[C]], %[[DIM]] : index
// CHECK-NEXT: scf.if %[[INROT]] -> (f32) {
// CHECK: arith.index_cast %[[P]] : index to i64
// CHECK: math.cos
// CHECK-NEXT: math.sin
// CHECK: } else {
// CHECK-NEXT: %[[COPY:.*]] = tensor.extract %[[K]][%[[R]], %[[C]]] : tensor<4x8xf32>
// CHECK-NEXT: scf.yield %[[COPY]] : f32
// CHECK-NEXT: }
// CHECK-NEXT: scf.yield
// CHECK-NEXT: } else {
// CHECK-NEXT: %[[PAD:.*]] = tensor.extract %[[K]][%[[R]], %[[C]]] : tensor<4x8xf32>
// CHECK-NEXT: scf.yield %[[PAD]] : f32
// CHECK-NEXT: }
// CHECK-NEXT: linalg.yield %[[V]] : f32
// CHECK-NEXT: } -> tensor<4x8xf32>
// CHECK-NEXT: return %[[ROT]] : tensor<4x8xf32>
func.func @rope_keys(%k: tensor<4x8xf32>, %j0: index, %kn: index) -> tensor<4x8xf32> {
  %r = attn_tile.rope %k at %j0 count %kn
      {gqa_pack = 1 : i64, rope = #attn.rope<theta = 10000.0, dim = 4, style = interleaved>}
      : tensor<4x8xf32> -> tensor<4x8xf32>
  return %r : tensor<4x8xf32>
}
