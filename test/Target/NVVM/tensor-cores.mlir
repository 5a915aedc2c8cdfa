// RUN: attn-opt %s --attn-to-nvvm="format=isa" -o %t.mlir
// RUN: %python %S/Inputs/ptx-of.py %t.mlir > %t.ptx
// RUN: FileCheck %s --check-prefix=PTX < %t.ptx
// RUN: %python %S/Inputs/ptx-of.py %t.mlir 0 > %t.0.ptx
// RUN: %python %S/Inputs/ptx-of.py %t.mlir 2 > %t.1.ptx
// RUN: %if ptxas %{ %ptxas -arch=sm_90a -v %t.0.ptx -o %t.0.cubin 2>&1 | FileCheck %s --check-prefix=PTXAS %}
// RUN: %if ptxas %{ %ptxas -arch=sm_90a -v %t.1.ptx -o %t.1.cubin 2>&1 | FileCheck %s --check-prefix=PTXAS-DECODE %}
// RUN: %python %S/Inputs/ptx-of.py %t.mlir 4 > %t.2.ptx
// RUN: %if ptxas %{ %ptxas -arch=sm_90a -v %t.2.ptx -o %t.2.cubin 2>&1 | FileCheck %s --check-prefix=PTXAS-D256 %}
// RUN: attn-opt %attn_src_root/bench/kernels/hstu.mlir --attn-to-nvvm="format=isa" -o %t.hstu.mlir
// RUN: %python %S/Inputs/ptx-of.py %t.hstu.mlir 0 > %t.hstu.ptx
// RUN: FileCheck %s --check-prefix=HSTU < %t.hstu.ptx
// RUN: %if ptxas %{ %ptxas -arch=sm_90a -v %t.hstu.ptx -o %t.hstu.cubin 2>&1 | FileCheck %s --check-prefix=PTXAS-HSTU %}

// attn-to-nvvm runs bf16 prefill and paged decode with D = 128 on the
// tensor cores (convert-attn-tile-to-gpu with the nvidia target): 16-byte
// cp.async copies of Q, K and V tiles into shared memory, ldmatrix (and
// ldmatrix.trans for V) into registers, mma.sync m16n8k16 with bf16 inputs
// and f32 accumulators, row reductions by warp shuffles. ptxas compiles the
// kernels for sm_90a without local-memory spills, D = 256 included (its
// KV tiles have 32 keys). (Modules 1, 3 and 5 hold the kernels merging
// split-KV partials.)

// PTX: .entry prefill_kernel(
// PTX: .maxntid 256, 1, 1
// PTX: cp.async.cg.shared.global [{{.*}}], [{{.*}}], 16, {{.*}};
// PTX: cp.async.commit_group;
// PTX: cp.async.wait_group 1;
// PTX: bar.sync 0;
// PTX: ldmatrix.sync.aligned.m8n8.x4.shared.b16
// PTX: mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32
// PTX: shfl.sync.bfly.b32
// PTX: ex2.approx
// PTX: cvt.rn.bf16x2.f32
// PTX: ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16
// PTX: mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32
// PTX: .entry decode_kernel(
// PTX: .maxntid 32, 1, 1
// PTX: ld.global.b32
// PTX: cp.async.cg.shared.global
// PTX: mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32

// HSTU (attn-hstu-to-prefill: a prefill with a SiLU score_mod and no
// normalizer) takes the same tensor-core path, without spills.
// HSTU: .entry hstu_bias_causal_kernel(
// HSTU: mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32
// HSTU: ex2.approx
// PTXAS-HSTU: Compiling entry function 'hstu_bias_causal_kernel' for 'sm_90a'
// PTXAS-HSTU-NEXT: Function properties for hstu_bias_causal_kernel
// PTXAS-HSTU-NEXT: 0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads

// PTXAS: Compiling entry function 'prefill_kernel' for 'sm_90a'
// PTXAS-NEXT: Function properties for prefill_kernel
// PTXAS-NEXT: 0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
// PTXAS-DECODE: Compiling entry function 'decode_kernel' for 'sm_90a'
// PTXAS-DECODE-NEXT: Function properties for decode_kernel
// PTXAS-DECODE-NEXT: 0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
// PTXAS-D256: Compiling entry function 'prefill_d256_kernel' for 'sm_90a'
// PTXAS-D256-NEXT: Function properties for prefill_d256_kernel
// PTXAS-D256-NEXT: 0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads

func.func @prefill(%q: tensor<?x?x8x128xbf16>, %k: tensor<?x?x2x128xbf16>, %v: tensor<?x?x2x128xbf16>)
    -> (tensor<?x?x8x128xbf16>, tensor<?x?x8xf32>) {
  %o, %l = attn.prefill q(%q) k(%k) v(%v) {causal}
    : (tensor<?x?x8x128xbf16>, tensor<?x?x2x128xbf16>, tensor<?x?x2x128xbf16>)
    -> (tensor<?x?x8x128xbf16>, tensor<?x?x8xf32>)
  return %o, %l : tensor<?x?x8x128xbf16>, tensor<?x?x8xf32>
}

func.func @decode(%q: tensor<?x32x128xbf16>, %kc: tensor<?x16x8x128xbf16>,
                  %vc: tensor<?x16x8x128xbf16>, %kp: tensor<?xi32>, %ki: tensor<?xi32>,
                  %kl: tensor<?xi32>) -> tensor<?x32x128xbf16> {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc)
      kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl)
      {layout = #attn.kv_layout<nhd>}
    : (tensor<?x32x128xbf16>, tensor<?x16x8x128xbf16>, tensor<?x16x8x128xbf16>,
       tensor<?xi32>, tensor<?xi32>, tensor<?xi32>) -> tensor<?x32x128xbf16>
  return %o : tensor<?x32x128xbf16>
}

func.func @prefill_d256(%q: tensor<?x?x8x256xbf16>, %k: tensor<?x?x8x256xbf16>, %v: tensor<?x?x8x256xbf16>)
    -> tensor<?x?x8x256xbf16> {
  %o = attn.prefill q(%q) k(%k) v(%v) {causal}
    : (tensor<?x?x8x256xbf16>, tensor<?x?x8x256xbf16>, tensor<?x?x8x256xbf16>) -> tensor<?x?x8x256xbf16>
  return %o : tensor<?x?x8x256xbf16>
}
