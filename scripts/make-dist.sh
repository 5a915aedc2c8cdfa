#!/usr/bin/env bash
# Collects what a GPU machine needs, without MLIR, into dist/ (ignored by
# git, a few MiB): the runtime library, the Python package (with prebuilt
# packages for its functional API's test calls), prebuilt kernel packages
# for the cuda target and the GPU scripts. Usage, after a build:
#   scripts/make-dist.sh [build-dir]      (default: build; or ninja attn-dist)
# then carry dist/ to the GPU machine and run, from the repository root there,
#   python3 dist/bench/gpu_check.py
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
dist="$root/dist"
rm -rf "$dist"
mkdir -p "$dist/python" "$dist/packages" "$dist/bench"
cp -r "$root/python/attn" "$dist/python/"
# The Python package finds its runtime in attn/_lib first.
mkdir -p "$dist/python/attn/_lib"
cp "$build"/lib/libattn_runtime.so "$dist/python/attn/_lib/"
find "$dist/python" -name __pycache__ -prune -exec rm -rf {} +
cp "$root"/bench/*.py "$dist/bench/"
for ir in "$root"/bench/kernels/*.mlir; do
  name="$(basename "$ir" .mlir)"
  "$build/bin/attn-compile" --target=cuda --chip=sm_90a "$ir" \
    -o "$dist/packages/$name.attnpkg"
done
# The functional API's packages for gpu_check.py's torch calls (the GPU
# machine has no attn-compile).
ATTN_COMPILE="$build/bin/attn-compile" /usr/bin/python3 "$root/scripts/prebuild.py" \
  "$dist/python/attn/_prebuilt" --target cuda
du -sh "$dist"
