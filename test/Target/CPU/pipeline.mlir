// RUN: attn-opt %s --attn-to-cpu-reference | FileCheck %s
// RUN: attn-opt %s --attn-to-cpu-reference | FileCheck %s --check-prefix=NOOPS

// The reference pipeline lowers a module of kernels to the LLVM dialect only:
// no op of attn, tensor, bufferization, memref, scf, cf, arith, math, func or
// builtin (unrealized casts) is left.
// NOOPS-NOT: {{^ *(%[^=]*= )?"?(attn|tensor|bufferization|memref|scf|cf|arith|math|func|builtin)\.}}
// NOOPS-NOT: {{^ *return}}

// prefill: its results become trailing out-parameters; the C interface
// wrapper takes one descriptor pointer per buffer, named after the function's
// attn.name argument and result attributes (q, k, v, then out, lse), and
// returns nothing; the kernel computes exp/log, narrows to f16 and stores.
// CHECK-LABEL: llvm.func @prefill(
// CHECK-SAME: ) attributes {attn.result_names = ["out", "lse"], llvm.emit_c_interface} {
// CHECK: llvm.intr.exp
// CHECK: %[[H:.*]] = llvm.fptrunc %{{.*}} : f32 to f16
// CHECK: llvm.store %[[H]], %{{.*}} : f16, !llvm.ptr
// CHECK: llvm.intr.log
// CHECK: llvm.store %{{.*}}, %{{.*}} : f32, !llvm.ptr
// CHECK-LABEL: llvm.func @_mlir_ciface_prefill(
// CHECK-SAME: %{{[^:]*}}: !llvm.ptr {attn.name = "q"}, %{{[^:]*}}: !llvm.ptr {attn.name = "k"}, %{{[^:]*}}: !llvm.ptr {attn.name = "v"}, %{{[^:]*}}: !llvm.ptr {attn.name = "out"}, %{{[^:]*}}: !llvm.ptr {attn.name = "lse"})
// CHECK-SAME: attributes {attn.result_names = ["out", "lse"], llvm.emit_c_interface} {
// CHECK: llvm.call @prefill(
// CHECK: llvm.return{{$}}
// The packed entry: args[0..4] loaded and passed to the wrapper.
// CHECK-LABEL: llvm.func @prefill_attn_entry(
// CHECK-SAME: %[[ARGS:[^:]*]]: !llvm.ptr) {
// CHECK-NEXT: %[[S0:.*]] = llvm.getelementptr %[[ARGS]][0]
// CHECK-NEXT: %[[A0:.*]] = llvm.load %[[S0]] : !llvm.ptr -> !llvm.ptr
// CHECK-NEXT: %[[S1:.*]] = llvm.getelementptr %[[ARGS]][1]
// CHECK-NEXT: %[[A1:.*]] = llvm.load %[[S1]] : !llvm.ptr -> !llvm.ptr
// CHECK-NEXT: %[[S2:.*]] = llvm.getelementptr %[[ARGS]][2]
// CHECK-NEXT: %[[A2:.*]] = llvm.load %[[S2]] : !llvm.ptr -> !llvm.ptr
// CHECK-NEXT: %[[S3:.*]] = llvm.getelementptr %[[ARGS]][3]
// CHECK-NEXT: %[[A3:.*]] = llvm.load %[[S3]] : !llvm.ptr -> !llvm.ptr
// CHECK-NEXT: %[[S4:.*]] = llvm.getelementptr %[[ARGS]][4]
// CHECK-NEXT: %[[A4:.*]] = llvm.load %[[S4]] : !llvm.ptr -> !llvm.ptr
// CHECK-NEXT: llvm.call @_mlir_ciface_prefill(%[[A0]], %[[A1]], %[[A2]], %[[A3]], %[[A4]]) : (!llvm.ptr, !llvm.ptr, !llvm.ptr, !llvm.ptr, !llvm.ptr) -> ()
// CHECK-NEXT: llvm.return
func.func @prefill(%q: tensor<1x4x2x8xf16> {attn.name = "q"}, %k: tensor<1x4x2x8xf16> {attn.name = "k"},
                   %v: tensor<1x4x2x8xf16> {attn.name = "v"})
    -> (tensor<1x4x2x8xf16> {attn.name = "out"}, tensor<1x4x2xf32> {attn.name = "lse"}) {
  %o, %l = attn.prefill q(%q) k(%k) v(%v) {causal}
    : (tensor<1x4x2x8xf16>, tensor<1x4x2x8xf16>, tensor<1x4x2x8xf16>)
    -> (tensor<1x4x2x8xf16>, tensor<1x4x2xf32>)
  return %o, %l : tensor<1x4x2x8xf16>, tensor<1x4x2xf32>
}

// append_kv into writable caches is done in place: the caches' results are
// dropped (no out-parameters), the caches are marked readwrite, and the
// kernel stores the f16 keys and values straight into them.
// CHECK-LABEL: llvm.func @append(
// CHECK-SAME: ) attributes {attn.result_names = [], llvm.emit_c_interface} {
// CHECK: llvm.store %{{.*}}, %{{.*}} : f16, !llvm.ptr
// CHECK: llvm.store %{{.*}}, %{{.*}} : f16, !llvm.ptr
// CHECK-LABEL: llvm.func @_mlir_ciface_append(
// CHECK-SAME: %{{[^:]*}}: !llvm.ptr {attn.name = "k"}, %{{[^:]*}}: !llvm.ptr {attn.name = "v"}, %{{[^:]*}}: !llvm.ptr {attn.access = "readwrite", attn.name = "k_cache"}, %{{[^:]*}}: !llvm.ptr {attn.access = "readwrite", attn.name = "v_cache"}, %{{[^:]*}}: !llvm.ptr {attn.name = "slot_mapping"})
// CHECK-SAME: attributes {attn.result_names = [], llvm.emit_c_interface} {
// CHECK: llvm.call @append(
// CHECK-LABEL: llvm.func @append_attn_entry(
// CHECK-SAME: %[[ARGS:[^:]*]]: !llvm.ptr) {
// CHECK-COUNT-5: llvm.getelementptr %[[ARGS]][{{[0-4]}}]
// CHECK: llvm.call @_mlir_ciface_append(%{{[^,]*}}, %{{[^,]*}}, %{{[^,]*}}, %{{[^,]*}}, %{{[^,]*}}) : (!llvm.ptr, !llvm.ptr, !llvm.ptr, !llvm.ptr, !llvm.ptr) -> ()
// CHECK-NOT: llvm.func
func.func @append(%k: tensor<?x2x8xf16> {attn.name = "k"}, %v: tensor<?x2x8xf16> {attn.name = "v"},
                  %kc: tensor<?x16x2x8xf16> {attn.name = "k_cache", bufferization.writable = true},
                  %vc: tensor<?x16x2x8xf16> {attn.name = "v_cache", bufferization.writable = true},
                  %slots: tensor<?xi64> {attn.name = "slot_mapping"})
    -> (tensor<?x16x2x8xf16>, tensor<?x16x2x8xf16>) {
  %kc2, %vc2 = attn.append_kv k(%k) v(%v) k_cache(%kc) v_cache(%vc) slot_mapping(%slots)
      {layout = #attn.kv_layout<nhd>}
      : (tensor<?x2x8xf16>, tensor<?x2x8xf16>, tensor<?x16x2x8xf16>, tensor<?x16x2x8xf16>, tensor<?xi64>)
      -> (tensor<?x16x2x8xf16>, tensor<?x16x2x8xf16>)
  return %kc2, %vc2 : tensor<?x16x2x8xf16>, tensor<?x16x2x8xf16>
}
