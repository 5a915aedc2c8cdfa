#!/usr/bin/env bash
# Every test: install what is missing, build attn, run the lit suite.
source "$(dirname "$0")/lib.sh"
attn_install_deps
attn_build
"$LLVM_PREFIX/bin/lit" -sv "$BUILD_DIR/test"
