// RUN: attn-opt %s --attn-cpu-kernel-abi --split-input-file --verify-diagnostics | FileCheck %s

// A result that returns a block argument (an in-place cache update) is
// dropped from the signature and the return; the argument is marked
// readwrite; no result names remain; the C interface is requested.
// CHECK-LABEL: func.func @append
// CHECK-SAME: (%[[K:[^:]*]]: memref<4xf32> {attn.name = "k"}, %[[KC:[^:]*]]: memref<8xf32> {attn.access = "readwrite", attn.name = "k_cache"})
// CHECK-SAME: attributes {attn.result_names = [], llvm.emit_c_interface} {
// CHECK: memref.store %{{.*}}, %[[KC]]
// CHECK-NEXT: return{{$}}
func.func @append(%k: memref<4xf32> {attn.name = "k"}, %kc: memref<8xf32> {attn.name = "k_cache"}) -> memref<8xf32> {
  %c0 = arith.constant 0 : index
  %x = memref.load %k[%c0] : memref<4xf32>
  memref.store %x, %kc[%c0] : memref<8xf32>
  return %kc : memref<8xf32>
}

// -----

// Fresh results are kept and named in order: from their `attn.name` result
// attribute, else `result<N>` with N the original result index (2 here,
// after the tied result #1 was dropped); private functions and declarations
// are left untouched.
// CHECK-LABEL: func.func @mixed
// CHECK-SAME: (%{{[^:]*}}: memref<?x4xf32> {attn.name = "q"}, %[[C:[^:]*]]: memref<8xf32> {attn.access = "readwrite"})
// CHECK-SAME: -> (memref<?x4xf32> {attn.name = "out"}, memref<2xf32>)
// CHECK-SAME: attributes {attn.result_names = ["out", "result2"], llvm.emit_c_interface}
// CHECK: %[[O:.*]] = memref.alloc(%{{.*}}) : memref<?x4xf32>
// CHECK: %[[L:.*]] = memref.alloc() : memref<2xf32>
// CHECK: return %[[O]], %[[L]] : memref<?x4xf32>, memref<2xf32>
// CHECK-LABEL: func.func private @helper
// CHECK-SAME: (%[[A:[^:]*]]: memref<4xf32>) -> memref<4xf32> {
// CHECK-NEXT: return %[[A]] : memref<4xf32>
// CHECK-LABEL: func.func private @ext(memref<4xf32>) -> memref<4xf32>{{$}}
// CHECK-NOT: attn.
func.func @mixed(%q: memref<?x4xf32> {attn.name = "q"}, %c: memref<8xf32>)
    -> (memref<?x4xf32> {attn.name = "out"}, memref<8xf32>, memref<2xf32>) {
  %c0 = arith.constant 0 : index
  %d = memref.dim %q, %c0 : memref<?x4xf32>
  %o = memref.alloc(%d) : memref<?x4xf32>
  %l = memref.alloc() : memref<2xf32>
  return %o, %c, %l : memref<?x4xf32>, memref<8xf32>, memref<2xf32>
}
func.func private @helper(%a: memref<4xf32>) -> memref<4xf32> {
  return %a : memref<4xf32>
}
func.func private @ext(memref<4xf32>) -> memref<4xf32>

// -----

// A result is tied only when every return returns the same block argument:
// different arguments on two paths keep the result (named result0); the same
// argument on both paths drops it from both returns.
// CHECK-LABEL: func.func @branches
// CHECK-SAME: (%{{[^:]*}}: i1, %[[A:[^:]*]]: memref<4xf32>, %[[B:[^:]*]]: memref<4xf32>) -> memref<4xf32>
// CHECK-SAME: attributes {attn.result_names = ["result0"], llvm.emit_c_interface}
// CHECK: return %[[A]] : memref<4xf32>
// CHECK: return %[[B]] : memref<4xf32>
// CHECK-LABEL: func.func @same
// CHECK-SAME: (%{{[^:]*}}: i1, %{{[^:]*}}: memref<4xf32> {attn.access = "readwrite"})
// CHECK-SAME: attributes {attn.result_names = [], llvm.emit_c_interface}
// CHECK: return{{$}}
// CHECK: return{{$}}
func.func @branches(%p: i1, %a: memref<4xf32>, %b: memref<4xf32>) -> memref<4xf32> {
  cf.cond_br %p, ^bb1, ^bb2
^bb1:
  return %a : memref<4xf32>
^bb2:
  return %b : memref<4xf32>
}
func.func @same(%p: i1, %a: memref<4xf32>) -> memref<4xf32> {
  cf.cond_br %p, ^bb1, ^bb2
^bb1:
  return %a : memref<4xf32>
^bb2:
  return %a : memref<4xf32>
}

// -----

// A kernel that still returns a tensor was not bufferized.
// expected-error @+1 {{result #1 is not a buffer after bufferization: 'tensor<4xf32>'}}
func.func @not_bufferized(%a: memref<4xf32>, %t: tensor<4xf32>) -> (memref<4xf32>, tensor<4xf32>) {
  return %a, %t : memref<4xf32>, tensor<4xf32>
}
