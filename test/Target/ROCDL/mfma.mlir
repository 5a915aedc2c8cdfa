// RUN: rm -rf %t && mkdir %t
// RUN: attn-compile --target=hip %attn_src_root/bench/kernels/prefill.mlir -o %t/prefill 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: %python %S/Inputs/hsaco-of.py %t/prefill/kernels.so %t/p | FileCheck %s --check-prefix=COUNT
// RUN: llvm-objdump -d --mcpu=gfx942 %t/p.4.hsaco | FileCheck %s --check-prefix=ASM
// RUN: llvm-readelf --notes %t/p.4.hsaco | FileCheck %s --check-prefix=META
// RUN: llvm-objdump -d --mcpu=gfx942 %t/p.10.hsaco | FileCheck %s --check-prefix=F16
// RUN: attn-compile --target=hip %attn_src_root/bench/kernels/variants.mlir -o %t/variants 2>&1 | FileCheck %s --check-prefix=VREMARK
// RUN: %python %S/Inputs/hsaco-of.py %t/variants/kernels.so %t/v
// RUN: llvm-readelf --notes %t/v.0.hsaco %t/v.2.hsaco %t/v.4.hsaco %t/v.6.hsaco %t/v.8.hsaco %t/v.10.hsaco %t/v.12.hsaco | FileCheck %s --check-prefix=VMETA
// RUN: llvm-objdump -d --mcpu=gfx942 %t/v.10.hsaco | FileCheck %s --check-prefix=DECODE
// RUN: attn-compile --target=hip %attn_src_root/bench/kernels/decode_paged.mlir -o %t/decode
// RUN: attn-compile --target=hip %attn_src_root/bench/kernels/hstu.mlir -o %t/hstu
// RUN: %python %S/Inputs/hsaco-of.py %t/hstu/kernels.so %t/h
// RUN: llvm-objdump -d --mcpu=gfx942 %t/h.0.hsaco %t/h.1.hsaco | FileCheck %s --check-prefix=HSTU
// RUN: llvm-readelf --notes %t/h.0.hsaco %t/h.1.hsaco | FileCheck %s --check-prefix=HMETA
// RUN: attn-opt %attn_src_root/bench/kernels/prefill.mlir --attn-to-rocdl="format=isa" --mlir-print-ir-after=convert-attn-tile-to-gpu -o /dev/null 2>&1 | FileCheck %s --check-prefix=LDS

// attn-to-rocdl compiles the attention ops of the GPU check's kernels
// (bench/kernels: dense prefill at D 64/128/256, bf16 and f16; varlen,
// window/softcap/ALiBi, score_mod, batch_prefill NHD/HND, batch_decode HND
// page 1, f16 D 64 and D 256, paged_attention (vLLM), append_kv;
// decode_paged; merge_states elsewhere) into gfx942 code objects. Kernels
// that fit run on the matrix cores: convert-attn-tile-to-gpu with the "amd"
// MatrixTarget (v_mfma_f32_16x16x16 on 64-lane waves, tiles in LDS), with
// no scratch and no spills. No AMD GPU is available here: generation, the
// code objects and their resources are checked, not their execution.

// D = 256 (and the vLLM layout, and the D = 256 decode below) take the
// simple path, with a remark: their double-buffered tiles need more than
// the 64 KiB of LDS.
// REMARK: remark: tiled for the simple GPU path (a work item per thread): the matrix-core lowering does not take 98304 bytes of shared memory for 64x32 tiles (the amd target has 65536)
// COUNT: 12

// prefill_d128: bf16 MFMA, operands read from LDS, 16-byte tile copies,
// row reductions across the wave (ds_bpermute), barriers.
// ASM: <prefill_d128_kernel>:
// ASM-DAG: global_load_dwordx4
// ASM-DAG: ds_write_b128
// ASM-DAG: ds_read_b64
// ASM-DAG: v_mfma_f32_16x16x16_bf16
// ASM-DAG: ds_bpermute_b32
// ASM-DAG: s_barrier
// ASM-DAG: v_exp_f32

// META: .group_segment_fixed_size: 0
// META: .max_flat_workgroup_size: 256
// META: .name: prefill_d128_kernel
// META: .private_segment_fixed_size: 0
// META: .sgpr_count: {{[0-9]+}}
// META: .sgpr_spill_count: 0
// META: .vgpr_count: {{[0-9]+}}
// META: .vgpr_spill_count: 0
// META: .wavefront_size: 64

// F16: <prefill_f16_gqa_causal_kernel>:
// F16: v_mfma_f32_16x16x16_f16

// VREMARK: remark: tiled for the simple GPU path (a work item per thread): the matrix-core lowering does not take 73728 bytes of shared memory for 4x32 tiles (the amd target has 65536)
// VREMARK: remark: tiled for the simple GPU path (a work item per thread): the matrix-core lowering does not take the vLLM cache layout

// The matrix kernels of variants.mlir: no scratch, no spills.
// VMETA-COUNT-7: .private_segment_fixed_size: 0
// VMETA-NOT: .vgpr_spill_count: {{[1-9]}}

// DECODE: <decode_hnd1_kernel>:
// DECODE: v_mfma_f32_16x16x16_bf16

// HSTU, a prefill with a SiLU score_mod and no normalizer after
// attn-hstu-to-prefill, on the matrix cores (bf16 dense with a bias, f16
// ragged), without scratch or spills.
// HSTU: <hstu_bias_causal_kernel>:
// HSTU: v_mfma_f32_16x16x16_bf16
// HSTU: <hstu_ragged_kernel>:
// HSTU: v_mfma_f32_16x16x16_f16
// HMETA-COUNT-2: .private_segment_fixed_size: 0
// HMETA-NOT: _spill_count: {{[1-9]}}

// The LDS of the matrix kernels, at most 64 KiB: prefill_d128 has a 64-row
// Q tile and two slots of 32-key K and V tiles, 48 KiB.
// LDS-LABEL: func.func @prefill_d128(
// LDS: gpu.launch {{.*}} threads({{.*}}) in (%{{.*}} = %c256{{.*}}) dynamic_shared_memory_size %c49152_i32
