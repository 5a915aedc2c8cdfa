// RUN: attn-opt %s --attn-cpu-packed-entry --split-input-file --verify-diagnostics | FileCheck %s

// Each defined `_mlir_ciface_NAME` gets `NAME_attn_entry(ptr args)`, placed
// after it: parameter i is read through args[i] (a GEP of i pointer slots and
// a load of that slot); a descriptor pointer is passed as loaded, a scalar
// (i64, f32) is loaded once more through that pointer with its own type; the
// entry calls the wrapper and returns void. A wrapper without parameters
// gets a bare call; declarations and functions without the prefix get no
// entry.
// CHECK-LABEL: llvm.func @_mlir_ciface_foo
// CHECK: llvm.func @foo_attn_entry(%[[ARGS:.*]]: !llvm.ptr) {
// CHECK-NEXT: %[[S0:.*]] = llvm.getelementptr %[[ARGS]][0] : (!llvm.ptr) -> !llvm.ptr, !llvm.ptr
// CHECK-NEXT: %[[A0:.*]] = llvm.load %[[S0]] : !llvm.ptr -> !llvm.ptr
// CHECK-NEXT: %[[S1:.*]] = llvm.getelementptr %[[ARGS]][1] : (!llvm.ptr) -> !llvm.ptr, !llvm.ptr
// CHECK-NEXT: %[[P1:.*]] = llvm.load %[[S1]] : !llvm.ptr -> !llvm.ptr
// CHECK-NEXT: %[[A1:.*]] = llvm.load %[[P1]] : !llvm.ptr -> i64
// CHECK-NEXT: %[[S2:.*]] = llvm.getelementptr %[[ARGS]][2] : (!llvm.ptr) -> !llvm.ptr, !llvm.ptr
// CHECK-NEXT: %[[P2:.*]] = llvm.load %[[S2]] : !llvm.ptr -> !llvm.ptr
// CHECK-NEXT: %[[A2:.*]] = llvm.load %[[P2]] : !llvm.ptr -> f32
// CHECK-NEXT: %[[S3:.*]] = llvm.getelementptr %[[ARGS]][3] : (!llvm.ptr) -> !llvm.ptr, !llvm.ptr
// CHECK-NEXT: %[[A3:.*]] = llvm.load %[[S3]] : !llvm.ptr -> !llvm.ptr
// CHECK-NEXT: llvm.call @_mlir_ciface_foo(%[[A0]], %[[A1]], %[[A2]], %[[A3]]) : (!llvm.ptr, i64, f32, !llvm.ptr) -> ()
// CHECK-NEXT: llvm.return
// CHECK-NEXT: }
// CHECK-LABEL: llvm.func @_mlir_ciface_nullary
// CHECK: llvm.func @nullary_attn_entry(%{{.*}}: !llvm.ptr) {
// CHECK-NEXT: llvm.call @_mlir_ciface_nullary() : () -> ()
// CHECK-NEXT: llvm.return
// CHECK-LABEL: llvm.func @_mlir_ciface_ext(!llvm.ptr)
// CHECK-NOT: attn_entry
module {
  llvm.func @foo(%a: !llvm.ptr, %n: i64, %f: f32, %b: !llvm.ptr) {
    llvm.return
  }
  llvm.func @_mlir_ciface_foo(%a: !llvm.ptr, %n: i64, %f: f32, %b: !llvm.ptr) {
    llvm.call @foo(%a, %n, %f, %b) : (!llvm.ptr, i64, f32, !llvm.ptr) -> ()
    llvm.return
  }
  llvm.func @_mlir_ciface_nullary() {
    llvm.return
  }
  llvm.func @_mlir_ciface_ext(!llvm.ptr)
}

// -----

// The entry's name is taken.
module {
  // expected-error @+1 {{cannot add the kernel entry 'bar_attn_entry': the symbol exists}}
  llvm.func @_mlir_ciface_bar(%a: !llvm.ptr) {
    llvm.return
  }
  llvm.func @bar_attn_entry(%a: !llvm.ptr) {
    llvm.return
  }
}

// -----

// The wrapper still returns a value: results must be out-parameters first.
module {
  // expected-error @+1 {{kernel '_mlir_ciface_baz' returns a value; run attn-cpu-kernel-abi and buffer-results-to-out-params first}}
  llvm.func @_mlir_ciface_baz(%a: !llvm.ptr) -> i32 {
    %c = llvm.mlir.constant(0 : i32) : i32
    llvm.return %c : i32
  }
}
