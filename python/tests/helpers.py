"""Shared test helpers: random inputs, paged-cache construction, tolerances,
and IR verification with attn-opt."""

import math
import os
import subprocess

import numpy as np

PYTHON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO_DIR = os.path.dirname(PYTHON_DIR)


def attn_opt_path():
    p = os.environ.get("ATTN_OPT") or os.path.join(REPO_DIR, "build", "bin", "attn-opt")
    return p if os.path.isfile(p) and os.access(p, os.X_OK) else None


def verify_ir(text):
    """(returncode, stderr) of ``attn-opt`` parsing and verifying text."""
    proc = subprocess.run([attn_opt_path(), "-"], input=text, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, universal_newlines=True, timeout=120)
    return proc.returncode, proc.stderr


# ---------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------

def randn(rng, shape, dtype=np.float32, scale=1.0):
    """Standard normal values (never all zeros), rounded to dtype."""
    return (scale * rng.standard_normal(shape)).astype(dtype)


def cu_from_lens(lens, dtype=np.int32):
    return np.concatenate([[0], np.cumsum(lens)]).astype(dtype)


def make_paged_kv(rng, kv_lens, page_size, hkv, d, dv, layout="NHD", dtype=np.float32,
                  idx_dtype=np.int32, spare_pages=3):
    """A FlashInfer paged cache holding sequences of the given lengths, pages
    assigned in random order, unused pages and slots filled with random
    values (so reading a wrong slot shows). kv_indices gets two trailing
    entries past kv_indptr[-1], which must be ignored. Returns (k_cache,
    v_cache, kv_indptr, kv_indices, kv_last_page_len)."""
    npages = [int(math.ceil(n / float(page_size))) for n in kv_lens]
    used = sum(npages)
    total = used + spare_pages
    perm = rng.permutation(total)
    indptr = np.concatenate([[0], np.cumsum(npages)]).astype(idx_dtype)
    indices = np.concatenate([perm[:used], rng.integers(0, total, 2)]).astype(idx_dtype)
    last = np.array([n - (p - 1) * page_size if p else 0 for n, p in zip(kv_lens, npages)],
                    dtype=idx_dtype)
    if layout.upper() == "NHD":
        kshape, vshape = (total, page_size, hkv, d), (total, page_size, hkv, dv)
    else:
        kshape, vshape = (total, hkv, page_size, d), (total, hkv, page_size, dv)
    return (randn(rng, kshape, dtype), randn(rng, vshape, dtype), indptr, indices, last)


def make_vllm_kv(rng, ctx_lens, block_size, hkv, d, dv, x, dtype=np.float32,
                 idx_dtype=np.int32, spare_blocks=2):
    """vLLM caches K [blocks, Hkv, D/x, bs, x], V [blocks, Hkv, Dv, bs] and
    block_tables [B, max_blocks] (one padding column of random valid ids)."""
    nblocks = [int(math.ceil(n / float(block_size))) for n in ctx_lens]
    total = sum(nblocks) + spare_blocks
    width = max(nblocks + [0]) + 1
    perm = rng.permutation(total)
    tables = rng.integers(0, total, (len(ctx_lens), width))
    pos = 0
    for b, n in enumerate(nblocks):
        tables[b, :n] = perm[pos:pos + n]
        pos += n
    k_cache = randn(rng, (total, hkv, d // x, block_size, x), dtype)
    v_cache = randn(rng, (total, hkv, dv, block_size), dtype)
    return (k_cache, v_cache, tables.astype(idx_dtype),
            np.asarray(ctx_lens, dtype=idx_dtype))


# ---------------------------------------------------------------------------
# Tolerances
# ---------------------------------------------------------------------------
#
# The reference is float64 on the *same* (already rounded) inputs, so the
# error is only the kernel's arithmetic and the rounding of the stored
# output:
# * float32 kernels accumulate in f32 (unit roundoff 6e-8); with head dims
#   <= 64 and <= ~64 keys the accumulated error stays ~1e-6 relative, so
#   rtol = atol = 1e-5 leaves a 10x margin.
# * float16 outputs are rounded to f16 (half an ulp = 2^-11 = 4.9e-4
#   relative); allowing ~4 half-ulps, rtol = 2e-3, plus atol = 2e-3 *
#   max|ref| for entries that are small after cancellation (and room for
#   kernels that round the probabilities to f16 before P.V).
# * The LSE is f32 in all cases; with f16 inputs the q.k products are exact
#   in f32, so only the f32 accumulation and exp/log rounding remain: 1e-5
#   (f32 inputs) and 1e-4 (f16 inputs, margin for reduced-precision
#   accumulation on later backends).
# Tolerances scale with max(1, max|ref|) so that unnormalized outputs
# (normalizer "none", HSTU) are judged relative to their magnitude.

OUT_TOL = {np.dtype(np.float32): 1e-5, np.dtype(np.float16): 2e-3}

# With fused RoPE the f32 angle pos * theta^(-2i/dim) carries an absolute
# error of about pos * 1.2e-7 rad (two f32 roundings), which moves a rotated
# value by that fraction of its size; for the positions used (< 128) and
# |q.k| * scale of a few units this is < 3e-5 on scores and outputs.
ROPE_TOL = 5e-5
LSE_TOL = {np.dtype(np.float32): 1e-5, np.dtype(np.float16): 1e-4}


def _check_no_nan(actual, name):
    actual = np.asarray(actual)
    assert not np.isnan(actual.astype(np.float64)).any(), "%s contains NaN" % name


def assert_close(actual, expected, dtype, name="out", tol=None):
    """Compare a kernel output (stored in dtype) with the float64 reference."""
    actual = np.asarray(actual)
    expected = np.asarray(expected, dtype=np.float64)
    assert actual.shape == expected.shape, "%s: shape %s, expected %s" % (
        name, actual.shape, expected.shape)
    _check_no_nan(actual, name)
    t = tol if tol is not None else OUT_TOL[np.dtype(dtype)]
    a = actual.astype(np.float64)
    mag = max(1.0, float(np.abs(expected).max())) if expected.size else 1.0
    err = np.abs(a - expected)
    bound = t * mag + t * np.abs(expected)
    if expected.size and not (err <= bound).all():
        idx = np.unravel_index(np.argmax(err - bound), err.shape)
        rel = (err / np.maximum(np.abs(expected), 1e-30)).max()
        raise AssertionError(
            "%s mismatch: max abs err %.3g (max rel %.3g) at %s: got %r, expected %r "
            "(tol %.1g, dtype %s)" % (name, err.max(), rel, idx, a[idx], expected[idx], t,
                                      np.dtype(dtype)))


def assert_lse_close(actual, expected, in_dtype, name="lse", tol=None):
    """LSE: same -inf positions (rows without visible keys), finite values close."""
    actual = np.asarray(actual)
    expected = np.asarray(expected, dtype=np.float64)
    assert actual.dtype == np.float32, "%s: dtype %s, expected float32" % (name, actual.dtype)
    assert actual.shape == expected.shape, "%s: shape %s, expected %s" % (
        name, actual.shape, expected.shape)
    _check_no_nan(actual, name)
    a = actual.astype(np.float64)
    inf_e = np.isneginf(expected)
    inf_a = np.isneginf(a)
    assert (inf_e == inf_a).all(), "%s: -inf at %s but expected at %s" % (
        name, np.argwhere(inf_a).tolist(), np.argwhere(inf_e).tolist())
    assert np.isfinite(a[~inf_a]).all(), "%s: non-finite values %s" % (name, a[~np.isfinite(a)])
    t = tol if tol is not None else LSE_TOL[np.dtype(in_dtype)]
    fin = ~inf_e
    if fin.any():
        err = np.abs(a[fin] - expected[fin])
        bound = t * np.maximum(1.0, np.abs(expected[fin]))
        assert (err <= bound).all(), "%s mismatch: max abs err %.3g (tol %.1g)" % (
            name, err.max(), t)


def assert_empty_rows(out, lse, mask):
    """Rows selected by mask (no visible key) are exactly 0 with lse -inf."""
    out = np.asarray(out)
    assert (out[mask] == 0).all(), "rows without visible keys must be 0"
    if lse is not None:
        assert np.isneginf(np.asarray(lse)[mask]).all(), "their lse must be -inf"
