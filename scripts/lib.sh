# Shared by scripts/demo.sh and scripts/test.sh: install what a fresh Debian 12
# machine lacks, then configure and build attn in build/ (incrementally).
set -euo pipefail

ATTN_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${ATTN_BUILD_DIR:-$ATTN_ROOT/build}
LLVM_PREFIX=/usr/lib/llvm-22

# Debian packages the build and the tests need.
ATTN_PACKAGES=(llvm-22-dev libmlir-22-dev mlir-22-tools llvm-22-tools clang-22
  lld-22 cmake ninja-build ccache python3-numpy python3-pytest)

attn_install_deps() {
  local missing=()
  for p in "${ATTN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
      missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "attn: installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

attn_build() {
  if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    cmake -S "$ATTN_ROOT" -B "$BUILD_DIR" -G Ninja \
      -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_C_COMPILER=$LLVM_PREFIX/bin/clang \
      -DCMAKE_CXX_COMPILER=$LLVM_PREFIX/bin/clang++ \
      -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
      -DLLVM_USE_LINKER=lld \
      -DMLIR_DIR=$LLVM_PREFIX/lib/cmake/mlir \
      -DLLVM_EXTERNAL_LIT=$LLVM_PREFIX/bin/lit
  fi
  cmake --build "$BUILD_DIR" "$@"
}
