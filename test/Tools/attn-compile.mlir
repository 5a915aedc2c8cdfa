// RUN: rm -rf %t %t.keep
// RUN: attn-compile %s -o %t
// RUN: FileCheck %s < %t/manifest.json
// RUN: test -f %t/kernels.so
// RUN: not test -e %t/kernels.ll
// RUN: llvm-nm -D --defined-only %t/kernels.so | FileCheck %s --check-prefix=SYMS
// RUN: attn-compile %s -o %t.keep --keep-intermediates
// RUN: test -f %t.keep/kernels.ll

// --version names the compiler, MLIR, and a build id that changes with every
// rebuild of the compiler or its libraries (Python's package cache keys on it).
// RUN: attn-compile --version | FileCheck %s --check-prefix=VERSION
// VERSION: attn-compile 0.1.0 (MLIR 22.{{[0-9.]+}})
// VERSION-NEXT: build id: {{[0-9a-f]{16}$}}

// Errors: a message naming the problem and a nonzero exit, no package.
// RUN: rm -rf %t.err
// RUN: not attn-compile %S/Inputs/attn-compile-no-public.mlir -o %t.err 2>&1 | FileCheck %s --check-prefix=ERR-NO-PUBLIC
// RUN: not attn-compile %S/Inputs/attn-compile-scalar-arg.mlir -o %t.err 2>&1 | FileCheck %s --check-prefix=ERR-SCALAR
// RUN: not attn-compile %S/Inputs/attn-compile-duplicate-name.mlir -o %t.err 2>&1 | FileCheck %s --check-prefix=ERR-DUP
// RUN: not attn-compile %S/Inputs/attn-compile-underived-dim.mlir -o %t.err 2>&1 | FileCheck %s --check-prefix=ERR-DIM
// RUN: not attn-compile %s -o %t.err --target=metal 2>&1 | FileCheck %s --check-prefix=ERR-TARGET
// RUN: not test -e %t.err

// ERR-NO-PUBLIC: error: the module has no public function to compile
// ERR-SCALAR: error: kernel argument 'n' must be a ranked tensor of a runtime dtype, got 'i64'
// ERR-DUP: error: kernel argument name 'x' is not unique
// ERR-DIM: error: cannot derive dimension 0 of kernel result 'result0' from the arguments
// ERR-TARGET: error: unknown target 'metal'; this attn-compile generates for: cpu, cuda, hip

// Every public function is a kernel exported as NAME_attn_entry (next to
// its C interface wrapper); the private helper is not a kernel.
// SYMS-DAG: T append_attn_entry
// SYMS-DAG: T decode_attn_entry
// SYMS-DAG: T prefill_attn_entry
// SYMS-DAG: T vllm_attn_entry
// SYMS-DAG: T _mlir_ciface_decode

// The manifest (llvm::json prints keys sorted): format, version 1, target
// cpu, the binary, one entry per public function in order, none for @helper.
// CHECK: {
// CHECK-NEXT: "binary": "kernels.so",
// CHECK-NEXT: "compiler": "attn-compile {{[^"]+}}",
// CHECK-NEXT: "format": "attn-kernel-package",
// CHECK-NEXT: "kernels": [
// Dense prefill: names from attn.name; k's batch and v's batch and length
// are expressed through q and k; out/lse follow q's tokens and are written;
// no metadata checks.
// CHECK-NEXT: {
// CHECK-NEXT: "abi": "packed-memref",
// CHECK-NEXT: "args": [
// CHECK-NEXT: {
// CHECK-NEXT: "access": "read",
// CHECK-NEXT: "dtype": "f16",
// CHECK-NEXT: "kind": "buffer",
// CHECK-NEXT: "name": "q",
// CHECK-NEXT: "shape": [
// CHECK-NEXT: -1,
// CHECK-NEXT: -1,
// CHECK-NEXT: 4,
// CHECK-NEXT: 8
// CHECK-NEXT: ]
// CHECK-NEXT: },
// CHECK-NEXT: {
// CHECK-NEXT: "access": "read",
// CHECK-NEXT: "dtype": "f16",
// CHECK-NEXT: "kind": "buffer",
// CHECK-NEXT: "name": "k",
// CHECK-NEXT: "shape": [
// CHECK-NEXT: "q.0",
// CHECK-NEXT: -1,
// CHECK-NEXT: 2,
// CHECK-NEXT: 8
// CHECK-NEXT: ]
// CHECK-NEXT: },
// CHECK-NEXT: {
// CHECK-NEXT: "access": "read",
// CHECK-NEXT: "dtype": "f16",
// CHECK-NEXT: "kind": "buffer",
// CHECK-NEXT: "name": "v",
// CHECK-NEXT: "shape": [
// CHECK-NEXT: "q.0",
// CHECK-NEXT: "k.1",
// CHECK-NEXT: 2,
// CHECK-NEXT: 8
// CHECK-NEXT: ]
// CHECK-NEXT: },
// CHECK-NEXT: {
// CHECK-NEXT: "access": "write",
// CHECK-NEXT: "dtype": "f16",
// CHECK-NEXT: "kind": "buffer",
// CHECK-NEXT: "name": "out",
// CHECK-NEXT: "shape": [
// CHECK-NEXT: "q.0",
// CHECK-NEXT: "q.1",
// CHECK-NEXT: 4,
// CHECK-NEXT: 8
// CHECK-NEXT: ]
// CHECK-NEXT: },
// CHECK-NEXT: {
// CHECK-NEXT: "access": "write",
// CHECK-NEXT: "dtype": "f32",
// CHECK-NEXT: "kind": "buffer",
// CHECK-NEXT: "name": "lse",
// CHECK-NEXT: "shape": [
// CHECK-NEXT: "q.0",
// CHECK-NEXT: "q.1",
// CHECK-NEXT: 4
// CHECK-NEXT: ]
// CHECK-NEXT: }
// CHECK-NEXT: ],
// CHECK-NEXT: "checks": [],
// CHECK-NEXT: "grid": [
// CHECK-NEXT: 1,
// CHECK-NEXT: 1,
// CHECK-NEXT: 1
// CHECK-NEXT: ],
// CHECK-NEXT: "name": "prefill",
// CHECK-NEXT: "symbol": "prefill_attn_entry"
// CHECK-NEXT: },
// batch_decode (bf16, NHD, page size 16): v_cache shares k_cache's pages;
// kv_indptr has B + 1 entries, kv_last_page_len B; checks: kv_indptr is an
// indptr into kv_indices, the used kv_indices lie in [0, pages - 1], and the
// page table's last page lengths fit the page size.
// CHECK-NEXT: {
// CHECK-NEXT: "abi": "packed-memref",
// CHECK-NEXT: "args": [
// CHECK-NEXT: {
// CHECK-NEXT: "access": "read",
// CHECK-NEXT: "dtype": "bf16",
// CHECK-NEXT: "kind": "buffer",
// CHECK-NEXT: "name": "q",
// CHECK-NEXT: "shape": [
// CHECK-NEXT: -1,
// CHECK-NEXT: 4,
// CHECK-NEXT: 8
// CHECK-NEXT: ]
// CHECK-NEXT: },
// CHECK-NEXT: {
// CHECK-NEXT: "access": "read",
// CHECK-NEXT: "dtype": "bf16",
// CHECK-NEXT: "kind": "buffer",
// CHECK-NEXT: "name": "k_cache",
// CHECK-NEXT: "shape": [
// CHECK-NEXT: -1,
// CHECK-NEXT: 16,
// CHECK-NEXT: 2,
// CHECK-NEXT: 8
// CHECK-NEXT: ]
// CHECK-NEXT: },
// CHECK-NEXT: {
// CHECK-NEXT: "access": "read",
// CHECK-NEXT: "dtype": "bf16",
// CHECK-NEXT: "kind": "buffer",
// CHECK-NEXT: "name": "v_cache",
// CHECK-NEXT: "shape": [
// CHECK-NEXT: "k_cache.0",
// CHECK-NEXT: 16,
// CHECK-NEXT: 2,
// CHECK-NEXT: 8
// CHECK-NEXT: ]
// CHECK-NEXT: },
// CHECK-NEXT: {
// CHECK-NEXT: "access": "read",
// CHECK-NEXT: "dtype": "i32",
// CHECK-NEXT: "kind": "buffer",
// CHECK-NEXT: "name": "kv_indptr",
// CHECK-NEXT: "shape": [
// CHECK-NEXT: "q.0 + 1"
// CHECK-NEXT: ]
// CHECK-NEXT: },
// CHECK-NEXT: {
// CHECK-NEXT: "access": "read",
// CHECK-NEXT: "dtype": "i32",
// CHECK-NEXT: "kind": "buffer",
// CHECK-NEXT: "name": "kv_indices",
// CHECK-NEXT: "shape": [
// CHECK-NEXT: -1
// CHECK-NEXT: ]
// CHECK-NEXT: },
// CHECK-NEXT: {
// CHECK-NEXT: "access": "read",
// CHECK-NEXT: "dtype": "i32",
// CHECK-NEXT: "kind": "buffer",
// CHECK-NEXT: "name": "kv_last_page_len",
// CHECK-NEXT: "shape": [
// CHECK-NEXT: "q.0"
// CHECK-NEXT: ]
// CHECK-NEXT: },
// CHECK-NEXT: {
// CHECK-NEXT: "access": "write",
// CHECK-NEXT: "dtype": "bf16",
// CHECK-NEXT: "kind": "buffer",
// CHECK-NEXT: "name": "out",
// CHECK-NEXT: "shape": [
// CHECK-NEXT: "q.0",
// CHECK-NEXT: 4,
// CHECK-NEXT: 8
// CHECK-NEXT: ]
// CHECK-NEXT: }
// CHECK-NEXT: ],
// CHECK-NEXT: "checks": [
// CHECK-NEXT: {
// CHECK-NEXT: "arg": "kv_indptr",
// CHECK-NEXT: "kind": "indptr",
// CHECK-NEXT: "max": "kv_indices.0"
// CHECK-NEXT: },
// CHECK-NEXT: {
// CHECK-NEXT: "arg": "kv_indices",
// CHECK-NEXT: "by_indptr": "kv_indptr",
// CHECK-NEXT: "kind": "range",
// CHECK-NEXT: "max": "k_cache.0 - 1",
// CHECK-NEXT: "min": 0
// CHECK-NEXT: },
// CHECK-NEXT: {
// CHECK-NEXT: "indptr": "kv_indptr",
// CHECK-NEXT: "kind": "page_table",
// CHECK-NEXT: "last_page_len": "kv_last_page_len",
// CHECK-NEXT: "page_size": 16
// CHECK-NEXT: }
// CHECK-NEXT: ],
// CHECK-NEXT: "grid": [
// CHECK-NEXT: 1,
// CHECK-NEXT: 1,
// CHECK-NEXT: 1
// CHECK-NEXT: ],
// CHECK-NEXT: "name": "decode",
// CHECK-NEXT: "symbol": "decode_attn_entry"
// CHECK-NEXT: },
// paged_attention: block_tables and context_lens follow q's batch; the
// block_table check bounds context_lens by the block size 16 and the blocks
// by k_cache.0.
// CHECK-NEXT: {
// CHECK-NEXT: "abi": "packed-memref",
// CHECK-NEXT: "args": [
// CHECK-NEXT: {
// CHECK-NEXT: "access": "read",
// CHECK-NEXT: "dtype": "f32",
// CHECK-NEXT: "kind": "buffer",
// CHECK-NEXT: "name": "q",
// CHECK-NEXT: "shape": [
// CHECK-NEXT: -1,
// CHECK-NEXT: 4,
// CHECK-NEXT: 8
// CHECK-NEXT: ]
// CHECK-NEXT: },
// CHECK-NEXT: {
// CHECK-NEXT: "access": "read",
// CHECK-NEXT: "dtype": "f32",
// CHECK-NEXT: "kind": "buffer",
// CHECK-NEXT: "name": "k_cache",
// CHECK-NEXT: "shape": [
// CHECK-NEXT: -1,
// CHECK-NEXT: 2,
// CHECK-NEXT: 2,
// CHECK-NEXT: 16,
// CHECK-NEXT: 4
// CHECK-NEXT: ]
// CHECK-NEXT: },
// CHECK-NEXT: {
// CHECK-NEXT: "access": "read",
// CHECK-NEXT: "dtype": "f32",
// CHECK-NEXT: "kind": "buffer",
// CHECK-NEXT: "name": "v_cache",
// CHECK-NEXT: "shape": [
// CHECK-NEXT: "k_cache.0",
// CHECK-NEXT: 2,
// CHECK-NEXT: 8,
// CHECK-NEXT: 16
// CHECK-NEXT: ]
// CHECK-NEXT: },
// CHECK-NEXT: {
// CHECK-NEXT: "access": "read",
// CHECK-NEXT: "dtype": "i32",
// CHECK-NEXT: "kind": "buffer",
// CHECK-NEXT: "name": "block_tables",
// CHECK-NEXT: "shape": [
// CHECK-NEXT: "q.0",
// CHECK-NEXT: -1
// CHECK-NEXT: ]
// CHECK-NEXT: },
// CHECK-NEXT: {
// CHECK-NEXT: "access": "read",
// CHECK-NEXT: "dtype": "i32",
// CHECK-NEXT: "kind": "buffer",
// CHECK-NEXT: "name": "context_lens",
// CHECK-NEXT: "shape": [
// CHECK-NEXT: "q.0"
// CHECK-NEXT: ]
// CHECK-NEXT: },
// CHECK-NEXT: {
// CHECK-NEXT: "access": "write",
// CHECK-NEXT: "dtype": "f32",
// CHECK-NEXT: "kind": "buffer",
// CHECK-NEXT: "name": "out",
// CHECK-NEXT: "shape": [
// CHECK-NEXT: "q.0",
// CHECK-NEXT: 4,
// CHECK-NEXT: 8
// CHECK-NEXT: ]
// CHECK-NEXT: }
// CHECK-NEXT: ],
// CHECK-NEXT: "checks": [
// CHECK-NEXT: {
// CHECK-NEXT: "block_size": 16,
// CHECK-NEXT: "block_tables": "block_tables",
// CHECK-NEXT: "context_lens": "context_lens",
// CHECK-NEXT: "kind": "block_table",
// CHECK-NEXT: "num_blocks": "k_cache.0"
// CHECK-NEXT: }
// CHECK-NEXT: ],
// CHECK-NEXT: "grid": [
// CHECK-NEXT: 1,
// CHECK-NEXT: 1,
// CHECK-NEXT: 1
// CHECK-NEXT: ],
// CHECK-NEXT: "name": "vllm",
// CHECK-NEXT: "symbol": "vllm_attn_entry"
// CHECK-NEXT: },
// append_kv into writable caches: the caches are readwrite arguments and no
// out-parameter exists for them; slot_mapping is range-checked below
// pages * page_size with negative slots allowed.
// CHECK-NEXT: {
// CHECK-NEXT: "abi": "packed-memref",
// CHECK-NEXT: "args": [
// CHECK-NEXT: {
// CHECK-NEXT: "access": "read",
// CHECK-NEXT: "dtype": "f16",
// CHECK-NEXT: "kind": "buffer",
// CHECK-NEXT: "name": "k",
// CHECK-NEXT: "shape": [
// CHECK-NEXT: -1,
// CHECK-NEXT: 2,
// CHECK-NEXT: 8
// CHECK-NEXT: ]
// CHECK-NEXT: },
// CHECK-NEXT: {
// CHECK-NEXT: "access": "read",
// CHECK-NEXT: "dtype": "f16",
// CHECK-NEXT: "kind": "buffer",
// CHECK-NEXT: "name": "v",
// CHECK-NEXT: "shape": [
// CHECK-NEXT: "k.0",
// CHECK-NEXT: 2,
// CHECK-NEXT: 8
// CHECK-NEXT: ]
// CHECK-NEXT: },
// CHECK-NEXT: {
// CHECK-NEXT: "access": "readwrite",
// CHECK-NEXT: "dtype": "f16",
// CHECK-NEXT: "kind": "buffer",
// CHECK-NEXT: "name": "k_cache",
// CHECK-NEXT: "shape": [
// CHECK-NEXT: -1,
// CHECK-NEXT: 16,
// CHECK-NEXT: 2,
// CHECK-NEXT: 8
// CHECK-NEXT: ]
// CHECK-NEXT: },
// CHECK-NEXT: {
// CHECK-NEXT: "access": "readwrite",
// CHECK-NEXT: "dtype": "f16",
// CHECK-NEXT: "kind": "buffer",
// CHECK-NEXT: "name": "v_cache",
// CHECK-NEXT: "shape": [
// CHECK-NEXT: "k_cache.0",
// CHECK-NEXT: 16,
// CHECK-NEXT: 2,
// CHECK-NEXT: 8
// CHECK-NEXT: ]
// CHECK-NEXT: },
// CHECK-NEXT: {
// CHECK-NEXT: "access": "read",
// CHECK-NEXT: "dtype": "i64",
// CHECK-NEXT: "kind": "buffer",
// CHECK-NEXT: "name": "slot_mapping",
// CHECK-NEXT: "shape": [
// CHECK-NEXT: "k.0"
// CHECK-NEXT: ]
// CHECK-NEXT: }
// CHECK-NEXT: ],
// CHECK-NEXT: "checks": [
// CHECK-NEXT: {
// CHECK-NEXT: "arg": "slot_mapping",
// CHECK-NEXT: "kind": "range",
// CHECK-NEXT: "max": "(k_cache.0) * 16 - 1",
// CHECK-NEXT: "min": 0,
// CHECK-NEXT: "skip_negative": true
// CHECK-NEXT: }
// CHECK-NEXT: ],
// CHECK-NEXT: "grid": [
// CHECK-NEXT: 1,
// CHECK-NEXT: 1,
// CHECK-NEXT: 1
// CHECK-NEXT: ],
// CHECK-NEXT: "name": "append",
// CHECK-NEXT: "symbol": "append_attn_entry"
// CHECK-NEXT: }
// CHECK-NEXT: ],
// CHECK-NEXT: "pipeline": "tiled",
// CHECK-NEXT: "target": "cpu",
// CHECK-NEXT: "version": 1
// CHECK-NEXT: }
// CHECK-NOT: helper

func.func @prefill(%q: tensor<?x?x4x8xf16> {attn.name = "q"}, %k: tensor<?x?x2x8xf16> {attn.name = "k"}, %v: tensor<?x?x2x8xf16> {attn.name = "v"})
    -> (tensor<?x?x4x8xf16> {attn.name = "out"}, tensor<?x?x4xf32> {attn.name = "lse"}) {
  %o, %l = attn.prefill q(%q) k(%k) v(%v) {causal}
    : (tensor<?x?x4x8xf16>, tensor<?x?x2x8xf16>, tensor<?x?x2x8xf16>) -> (tensor<?x?x4x8xf16>, tensor<?x?x4xf32>)
  return %o, %l : tensor<?x?x4x8xf16>, tensor<?x?x4xf32>
}
func.func @decode(%q: tensor<?x4x8xbf16> {attn.name = "q"}, %kc: tensor<?x16x2x8xbf16> {attn.name = "k_cache"}, %vc: tensor<?x16x2x8xbf16> {attn.name = "v_cache"},
                  %kp: tensor<?xi32> {attn.name = "kv_indptr"}, %ki: tensor<?xi32> {attn.name = "kv_indices"}, %kl: tensor<?xi32> {attn.name = "kv_last_page_len"})
    -> (tensor<?x4x8xbf16> {attn.name = "out"}) {
  %o = attn.batch_decode q(%q) k_cache(%kc) v_cache(%vc) kv_indptr(%kp) kv_indices(%ki) kv_last_page_len(%kl) {layout = #attn.kv_layout<nhd>}
    : (tensor<?x4x8xbf16>, tensor<?x16x2x8xbf16>, tensor<?x16x2x8xbf16>, tensor<?xi32>, tensor<?xi32>, tensor<?xi32>) -> tensor<?x4x8xbf16>
  return %o : tensor<?x4x8xbf16>
}
func.func @vllm(%q: tensor<?x4x8xf32> {attn.name = "q"}, %kc: tensor<?x2x2x16x4xf32> {attn.name = "k_cache"}, %vc: tensor<?x2x8x16xf32> {attn.name = "v_cache"},
                %bt: tensor<?x?xi32> {attn.name = "block_tables"}, %cl: tensor<?xi32> {attn.name = "context_lens"}) -> (tensor<?x4x8xf32> {attn.name = "out"}) {
  %o = attn.paged_attention q(%q) k_cache(%kc) v_cache(%vc) block_tables(%bt) context_lens(%cl)
    : (tensor<?x4x8xf32>, tensor<?x2x2x16x4xf32>, tensor<?x2x8x16xf32>, tensor<?x?xi32>, tensor<?xi32>) -> tensor<?x4x8xf32>
  return %o : tensor<?x4x8xf32>
}
func.func @append(%k: tensor<?x2x8xf16> {attn.name = "k"}, %v: tensor<?x2x8xf16> {attn.name = "v"},
                  %kc: tensor<?x16x2x8xf16> {attn.name = "k_cache", bufferization.writable = true},
                  %vc: tensor<?x16x2x8xf16> {attn.name = "v_cache", bufferization.writable = true},
                  %slots: tensor<?xi64> {attn.name = "slot_mapping"})
    -> (tensor<?x16x2x8xf16>, tensor<?x16x2x8xf16>) {
  %kc2, %vc2 = attn.append_kv k(%k) v(%v) k_cache(%kc) v_cache(%vc) slot_mapping(%slots) {layout = #attn.kv_layout<nhd>}
      : (tensor<?x2x8xf16>, tensor<?x2x8xf16>, tensor<?x16x2x8xf16>, tensor<?x16x2x8xf16>, tensor<?xi64>) -> (tensor<?x16x2x8xf16>, tensor<?x16x2x8xf16>)
  return %kc2, %vc2 : tensor<?x16x2x8xf16>, tensor<?x16x2x8xf16>
}
func.func private @helper(%a: tensor<4xf32>) -> tensor<4xf32> {
  return %a : tensor<4xf32>
}
