#!/usr/bin/env bash
# Every test: install what is missing, build attn, run the lit suite, the
# runtime's tests under AddressSanitizer and UBSan, and the Python tests.
source "$(dirname "$0")/lib.sh"
attn_install_deps
attn_build
"$LLVM_PREFIX/bin/lit" -sv "$BUILD_DIR/test"

# The runtime alone (it has no MLIR dependency), with ASan + UBSan.
ASAN_DIR="$BUILD_DIR/runtime-asan"
if [ ! -f "$ASAN_DIR/build.ninja" ]; then
  cmake -S "$ATTN_ROOT/runtime" -B "$ASAN_DIR" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DATTN_RUNTIME_SANITIZE=ON \
    -DCMAKE_C_COMPILER=$LLVM_PREFIX/bin/clang \
    -DCMAKE_CXX_COMPILER=$LLVM_PREFIX/bin/clang++ \
    -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache
fi
cmake --build "$ASAN_DIR"
ctest --test-dir "$ASAN_DIR" --output-on-failure

# The Python package against the built compiler and runtime (Debian's
# python3 has numpy and pytest).
cd "$ATTN_ROOT/python"
/usr/bin/python3 -m pytest -q tests
