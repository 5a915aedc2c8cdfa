"""Checked mode (the CPU default): invalid index metadata is caught by the
runtime before the launch and raised as attn.CheckFailedError naming the
argument; nothing is read out of bounds and the process survives.

The shapes match kernels of the other e2e tests, so most compile nothing new.
"""

import numpy as np
import pytest

import attn
from helpers import cu_from_lens, make_paged_kv, make_vllm_kv, randn

pytestmark = pytest.mark.e2e

HQ, D = 8, 16
DEC_LENS = [5, 0, 1, 16, 37]


def decode_args(rng, page_size=16, layout="NHD"):
    kc, vc, ip, ix, last = make_paged_kv(rng, DEC_LENS, page_size, 2, D, D, layout)
    q = randn(rng, (len(DEC_LENS), HQ, D))
    return [q, kc, vc, ip, ix, last]


def expect_check_failure(fn, *names):
    with pytest.raises(attn.CheckFailedError) as info:
        fn()
    err = info.value
    assert err.status == 6 and err.status_name == "ATTN_ERROR_CHECK_FAILED"
    assert any(n in str(err) for n in names), "message should name one of %s: %s" % (names, err)
    return err


def test_decode_page_index_out_of_range(rng):
    args = decode_args(rng)
    num_pages = args[1].shape[0]
    for bad in (num_pages, num_pages + 1000, -1):
        a = list(args)
        a[4] = a[4].copy()
        a[4][1] = bad
        expect_check_failure(lambda: attn.batch_decode(*a, return_lse=True), "kv_indices")


def test_decode_indptr_not_monotonic(rng):
    args = decode_args(rng)
    args[3] = args[3].copy()
    args[3][2], args[3][3] = args[3][3], args[3][2]
    if args[3][2] == args[3][3]:
        args[3][2] += 1
    expect_check_failure(lambda: attn.batch_decode(*args, return_lse=True), "kv_indptr")


def test_decode_indptr_past_indices(rng):
    args = decode_args(rng)
    args[3] = args[3].copy()
    args[3][-1] = len(args[4]) + 5
    expect_check_failure(lambda: attn.batch_decode(*args, return_lse=True), "kv_indptr")


def test_decode_last_page_len_too_large(rng):
    args = decode_args(rng, page_size=16)
    args[5] = args[5].copy()
    args[5][0] = 17
    expect_check_failure(lambda: attn.batch_decode(*args, return_lse=True),
                         "kv_last_page_len")


def test_unchecked_launch_of_valid_input_works(rng):
    args = decode_args(rng)
    out, lse = attn.batch_decode(*args, return_lse=True, checked=False)
    assert not np.isnan(out).any()


def test_batch_prefill_qo_indptr_exceeds_queries(rng):
    kc, vc, ip, ix, last = make_paged_kv(rng, [5, 0, 0, 1, 2, 37], 16, 2, D, D, "NHD")
    qo = cu_from_lens([2, 0, 1, 1, 4, 3])
    q = randn(rng, (int(qo[-1]) - 2, HQ, D))  # two query rows fewer than qo_indptr says
    expect_check_failure(
        lambda: attn.batch_prefill(q, qo, kc, vc, ip, ix, last, causal=True, return_lse=True),
        "qo_indptr")


def test_prefill_cu_seqlens_not_monotonic(rng):
    q, k, v = randn(rng, (6, HQ, D)), randn(rng, (6, 2, D)), randn(rng, (6, 2, D))
    cq = np.array([0, 4, 2, 6], dtype=np.int32)
    ck = cu_from_lens([2, 2, 2])
    expect_check_failure(lambda: attn.prefill(q, k, v, cu_seqlens_q=cq, cu_seqlens_k=ck,
                                              causal=True, return_lse=True), "cu_seqlens_q")


def test_paged_attention_block_out_of_range(rng):
    lens = [5, 0, 1, 16, 33]
    kc, vc, bt, cl = make_vllm_kv(rng, lens, 16, 2, D, D, 4)
    q = randn(rng, (len(lens), HQ, D))
    bt = bt.copy()
    bt[4, 2] = kc.shape[0]
    expect_check_failure(lambda: attn.paged_attention(q, kc, vc, bt, cl, scale=0.3,
                                                      return_lse=True), "block_tables")
    # A context longer than the table can address.
    bt2, cl2 = bt.copy(), cl.copy()
    bt2[4, 2] = 0
    cl2[0] = bt.shape[1] * 16 + 1
    expect_check_failure(lambda: attn.paged_attention(q, kc, vc, bt2, cl2, scale=0.3,
                                                      return_lse=True), "context_lens",
                         "block_tables")


def test_append_slot_out_of_range(rng):
    kc, vc = randn(rng, (4, 16, 2, D)), randn(rng, (4, 16, 2, D))
    k, v = randn(rng, (3, 2, D)), randn(rng, (3, 2, D))
    before = kc.copy()
    slots = np.array([0, 64, 5], dtype=np.int64)  # 4 pages * 16 slots: 64 is past the end
    expect_check_failure(lambda: attn.append_kv(k, v, kc, vc, slot_mapping=slots),
                         "slot_mapping")
    np.testing.assert_array_equal(kc, before)  # nothing was launched


def test_append_position_past_allocated_pages(rng):
    kc, vc = randn(rng, (6, 2, 4, D), np.float16), randn(rng, (6, 2, 4, D), np.float16)
    k, v = randn(rng, (2, 2, D), np.float16), randn(rng, (2, 2, D), np.float16)
    ip = np.array([0, 2, 2, 3], dtype=np.int32)
    ix = np.array([5, 1, 3, 0], dtype=np.int32)
    bi = np.array([0, 2], dtype=np.int32)
    pos = np.array([3, 4], dtype=np.int32)  # request 2 has one page of 4 slots
    expect_check_failure(lambda: attn.append_kv(k, v, kc, vc, batch_indices=bi, positions=pos,
                                                kv_indptr=ip, kv_indices=ix, layout="HND"),
                         "positions", "batch_indices")
    bi2 = np.array([0, 3], dtype=np.int32)  # only 3 requests
    expect_check_failure(lambda: attn.append_kv(k, v, kc, vc, batch_indices=bi2,
                                                positions=pos * 0, kv_indptr=ip, kv_indices=ix,
                                                layout="HND"), "batch_indices")


def test_mla_page_index_out_of_range(rng):
    kc, vc, ip, ix, last = make_paged_kv(rng, DEC_LENS, 16, 1, 32, 8, "NHD")
    ckv, kpe = np.ascontiguousarray(kc[:, :, 0]), np.ascontiguousarray(vc[:, :, 0])
    qn, qp = randn(rng, (len(DEC_LENS), 8, 32)), randn(rng, (len(DEC_LENS), 8, 8))
    ix = ix.copy()
    ix[0] = 10 ** 6
    expect_check_failure(lambda: attn.mla_decode(qn, qp, ckv, kpe, ip, ix, last,
                                                 scale=1 / np.sqrt(24.0), return_lse=True),
                         "kv_indices")


def test_runtime_rejects_mismatched_shapes_through_low_level_api(rng):
    """Kernel.launch checks shapes against the manifest (InvalidArgumentError,
    also a ValueError) before running anything."""
    q, k, v = randn(rng, (2, 3, HQ, D)), randn(rng, (2, 5, 2, D)), randn(rng, (2, 5, 2, D))
    ir = attn.build_op("prefill", q, k, v, causal=True, return_lse=True)
    kernel = attn.compile_ir(ir.text).kernel("prefill")
    out = np.empty((2, 3, HQ, D), np.float32)
    lse = np.empty((2, 3, HQ), np.float32)
    with pytest.raises(ValueError):
        kernel.launch(q=q, k=k, v=v[:1], out=out, lse=lse)      # batch mismatch
    with pytest.raises(ValueError):
        kernel.launch(q=q, k=k, v=v, out=np.empty((2, 2, HQ, D), np.float32),
                      lse=lse)                                  # output too small
    with pytest.raises(ValueError):
        kernel.launch(q=q, k=k, v=v.astype(np.float16), out=out, lse=lse)  # dtype
    kernel.launch(q=q, k=k, v=v, out=out, lse=lse)              # and valid runs
