"""Bad shapes, dtypes and options raise ValueError naming the argument,
before anything is compiled (these tests need neither compiler nor runtime:
a call that got past validation would try to compile and fail otherwise)."""

import re

import numpy as np
import pytest

import attn

F32, F16 = np.float32, np.float16


def z(*shape, dtype=F32):
    return np.ones(shape, dtype=dtype)


def idx(*values, dtype=np.int32):
    return np.array(values, dtype=dtype)


@pytest.fixture(autouse=True)
def _no_compile(monkeypatch):
    def fail(*a, **k):
        raise AssertionError("validation should have failed before compiling")
    monkeypatch.setattr(attn.ops, "compile_ir", fail)


def raises_naming(arg, fn, match=None):
    with pytest.raises(ValueError) as info:
        fn()
    msg = str(info.value)
    assert msg.startswith(arg + ":"), "message should start with %r: %s" % (arg + ":", msg)
    if match:
        assert re.search(match, msg), "%r not in %s" % (match, msg)
    return msg


# --- prefill -------------------------------------------------------------------

def test_prefill_rank_message_is_exact():
    msg = raises_naming("k", lambda: attn.prefill(z(2, 3, 8, 16), z(2, 3), z(2, 3, 2, 16)))
    assert msg == "k: expected 4 dims [B, Sk, Hkv, D], got shape (2, 3)"


@pytest.mark.parametrize("arg,call,match", [
    ("q", lambda: attn.prefill(z(3, 8, 16), z(2, 3, 2, 16), z(2, 3, 2, 16)), "4 dims"),
    ("v", lambda: attn.prefill(z(2, 3, 8, 16), z(2, 3, 2, 16), z(2, 4, 2, 16)), "keys of k"),
    ("k", lambda: attn.prefill(z(2, 3, 8, 16), z(1, 3, 2, 16), z(2, 3, 2, 16)), "batch"),
    ("k", lambda: attn.prefill(z(2, 3, 8, 16), z(2, 3, 2, 32), z(2, 3, 2, 16)), "head dim"),
    ("v", lambda: attn.prefill(z(2, 3, 8, 16), z(2, 3, 2, 16), z(2, 3, 4, 16)), "heads"),
    ("q", lambda: attn.prefill(z(2, 3, 6, 16), z(2, 3, 4, 16), z(2, 3, 4, 16)), "multiple"),
    ("q", lambda: attn.prefill(z(2, 3, 8, 16, dtype=np.float64), z(2, 3, 2, 16),
                               z(2, 3, 2, 16)), "float64"),
    ("k", lambda: attn.prefill(z(2, 3, 8, 16), z(2, 3, 2, 16, dtype=F16), z(2, 3, 2, 16)),
     "dtype"),
    ("q", lambda: attn.prefill(z(2, 3, 8, 2000), z(2, 3, 2, 2000), z(2, 3, 2, 2000)),
     "between 1 and 1024"),
    ("q", lambda: attn.prefill(z(2, 3, 0, 16), z(2, 3, 2, 16), z(2, 3, 2, 16)), "heads"),
    ("cu_seqlens_k", lambda: attn.prefill(z(5, 8, 16), z(5, 2, 16), z(5, 2, 16),
                                          cu_seqlens_q=idx(0, 5)), "together"),
    ("cu_seqlens_q", lambda: attn.prefill(z(5, 8, 16), z(5, 2, 16), z(5, 2, 16),
                                          cu_seqlens_q=idx(0, 5.0, dtype=F32),
                                          cu_seqlens_k=idx(0, 5)), "int32 or int64"),
    ("cu_seqlens_q", lambda: attn.prefill(z(5, 8, 16), z(5, 2, 16), z(5, 2, 16),
                                          cu_seqlens_q=idx(0, 5, dtype=np.int16),
                                          cu_seqlens_k=idx(0, 5)), "int16"),
    ("cu_seqlens_k", lambda: attn.prefill(z(5, 8, 16), z(5, 2, 16), z(5, 2, 16),
                                          cu_seqlens_q=idx(0, 2, 5),
                                          cu_seqlens_k=idx(0, 5)), "length"),
    ("q", lambda: attn.prefill(z(2, 5, 8, 16), z(5, 2, 16), z(5, 2, 16),
                               cu_seqlens_q=idx(0, 5), cu_seqlens_k=idx(0, 5)), "ragged"),
    ("window", lambda: attn.prefill(z(1, 2, 8, 16), z(1, 2, 2, 16), z(1, 2, 2, 16),
                                    window=(-2, 0)), ">= -1"),
    ("window", lambda: attn.prefill(z(1, 2, 8, 16), z(1, 2, 2, 16), z(1, 2, 2, 16),
                                    window=3), "left, right"),
    ("scale", lambda: attn.prefill(z(1, 2, 8, 16), z(1, 2, 2, 16), z(1, 2, 2, 16),
                                   scale=-1.0), "positive"),
    ("softcap", lambda: attn.prefill(z(1, 2, 8, 16), z(1, 2, 2, 16), z(1, 2, 2, 16),
                                     softcap=float("inf")), "finite"),
    ("alibi_slopes", lambda: attn.prefill(z(1, 2, 8, 16), z(1, 2, 2, 16), z(1, 2, 2, 16),
                                          alibi_slopes=z(4)), r"\[Hq\] or \[B, Hq\]"),
    ("alibi_slopes", lambda: attn.prefill(z(2, 2, 8, 16), z(2, 2, 2, 16), z(2, 2, 2, 16),
                                          alibi_slopes=z(3, 8)), "B = 2"),
    ("alibi_slopes", lambda: attn.prefill(z(1, 2, 8, 16), z(1, 2, 2, 16), z(1, 2, 2, 16),
                                          alibi_slopes=np.ones(8, np.int32)), "float"),
    ("return_lse", lambda: attn.prefill(z(1, 2, 8, 16), z(1, 2, 2, 16), z(1, 2, 2, 16),
                                        normalizer="none", return_lse=True), "softmax"),
    ("normalizer", lambda: attn.prefill(z(1, 2, 8, 16), z(1, 2, 2, 16), z(1, 2, 2, 16),
                                        normalizer="relu"), "relu"),
    ("sigmoid_bias", lambda: attn.prefill(z(1, 2, 8, 16), z(1, 2, 2, 16), z(1, 2, 2, 16),
                                          sigmoid_bias=1.0), "sigmoid"),
    ("positions", lambda: attn.prefill(z(1, 2, 8, 16), z(1, 2, 2, 16), z(1, 2, 2, 16),
                                       positions=idx(0, 1)), "rope"),
    ("positions", lambda: attn.prefill(z(1, 2, 8, 16), z(1, 2, 2, 16), z(1, 2, 2, 16),
                                       rope=attn.Rope(), positions=idx(0, 1)), "2 dims"),
    ("rope", lambda: attn.prefill(z(1, 2, 8, 16), z(1, 2, 2, 16), z(1, 2, 2, 16),
                                  rope=attn.Rope(10000.0, 32)), "dim"),
    ("rope", lambda: attn.prefill(z(1, 2, 8, 16), z(1, 2, 2, 16), z(1, 2, 2, 16),
                                  rope=attn.Rope(1.0)), "theta"),
    ("rope", lambda: attn.prefill(z(1, 2, 8, 16), z(1, 2, 2, 16), z(1, 2, 2, 16),
                                  rope=attn.Rope(style="gptj")), "style"),
    ("score_mod", lambda: attn.prefill(z(1, 2, 8, 16), z(1, 2, 2, 16), z(1, 2, 2, 16),
                                       score_mod=lambda s, b, h, i, j: s), "MLIR text"),
])
def test_prefill_bad_inputs(arg, call, match):
    raises_naming(arg, call, match)


# --- paged ops ---------------------------------------------------------------

def paged(layout="NHD", ps=16, hkv=2, d=16, pages=4):
    shape = (pages, ps, hkv, d) if layout == "NHD" else (pages, hkv, ps, d)
    return z(*shape), z(*shape)


def decode(**over):
    kc, vc = paged()
    args = dict(q=z(2, 8, 16), k_cache=kc, v_cache=vc, kv_indptr=idx(0, 1, 2),
                kv_indices=idx(0, 1), kv_last_page_len=idx(3, 4))
    args.update(over)
    return lambda: attn.batch_decode(args.pop("q"), args.pop("k_cache"), args.pop("v_cache"),
                                     args.pop("kv_indptr"), args.pop("kv_indices"),
                                     args.pop("kv_last_page_len"), **args)


@pytest.mark.parametrize("arg,call,match", [
    ("k_cache", decode(k_cache=z(4, 16, 2)), "4 dims"),
    ("v_cache", decode(v_cache=z(4, 8, 2, 16)), "page size"),
    ("v_cache", decode(v_cache=z(5, 16, 2, 16)), "pages"),
    ("k_cache", decode(k_cache=z(4, 16, 2, 32), v_cache=z(4, 16, 2, 32)), "head dimension"),
    ("q", decode(k_cache=z(4, 16, 3, 16), v_cache=z(4, 16, 3, 16)), "multiple"),
    ("kv_indptr", decode(kv_indptr=idx(0, 1)), "batch size"),
    ("kv_last_page_len", decode(kv_last_page_len=idx(3)), "batch size"),
    ("kv_indices", decode(kv_indices=np.array([0.0, 1.0])), "int32 or int64"),
    ("kv_indptr", decode(kv_indptr=np.zeros((1, 3), np.int32)), "1 dims"),
    ("layout", decode(layout="NDH"), "NHD"),
    ("layout", decode(layout="vLLM"), "HND"),
    ("k_cache", decode(k_cache=z(4, 16, 2, 16, dtype=F16)), "dtype"),
    ("q", decode(q=z(2, 1, 8, 16)), "3 dims"),
])
def test_batch_decode_bad_inputs(arg, call, match):
    raises_naming(arg, call, match)


def test_batch_prefill_bad_inputs():
    kc, vc = paged("HND")
    good = dict(layout="HND")
    raises_naming("qo_indptr", lambda: attn.batch_prefill(
        z(3, 8, 16), np.zeros(0, np.int32), kc, vc, idx(0, 1), idx(0), idx(1), **good),
        "at least one")
    raises_naming("kv_indptr", lambda: attn.batch_prefill(
        z(3, 8, 16), idx(0, 1, 3), kc, vc, idx(0, 1), idx(0), idx(1), **good), "batch size")
    raises_naming("k_cache", lambda: attn.batch_prefill(
        z(3, 8, 8), idx(0, 3), kc, vc, idx(0, 1), idx(0), idx(1), **good), "head dimension")


def test_paged_attention_bad_inputs():
    kc, vc = z(4, 2, 4, 16, 4), z(4, 2, 16, 16)
    q = z(2, 8, 16)
    bt, cl = idx(0, 1, 2, 3).reshape(2, 2), idx(3, 4)
    raises_naming("k_cache", lambda: attn.paged_attention(q, z(4, 2, 16, 16), vc, bt, cl),
                  "5 dims")
    raises_naming("k_cache", lambda: attn.paged_attention(q, z(4, 2, 2, 16, 4), vc, bt, cl),
                  r"\(D / x\) \* x")
    raises_naming("v_cache", lambda: attn.paged_attention(q, kc, z(4, 2, 16, 8), bt, cl),
                  "block size")
    raises_naming("block_tables", lambda: attn.paged_attention(q, kc, vc, idx(0, 1), cl),
                  "2 dims")
    raises_naming("context_lens", lambda: attn.paged_attention(q, kc, vc, bt, idx(3)),
                  "batch size")


def test_mla_decode_bad_inputs():
    ckv, kpe = z(4, 1, 32), z(4, 1, 8)
    good = (z(2, 8, 32), z(2, 8, 8), ckv, kpe, idx(0, 1, 2), idx(0, 1), idx(1, 1))
    raises_naming("q_pe", lambda: attn.mla_decode(good[0], z(2, 4, 8), *good[2:], scale=0.1),
                  "heads")
    raises_naming("kpe_cache", lambda: attn.mla_decode(*good[:3], z(4, 1, 4), *good[4:],
                                                       scale=0.1), "rotary")
    raises_naming("ckv_cache", lambda: attn.mla_decode(*good[:2], z(4, 1, 16), *good[3:],
                                                       scale=0.1), "latent")
    raises_naming("kv_indptr", lambda: attn.mla_decode(*good[:4], idx(0, 1), *good[5:],
                                                       scale=0.1), "plus one")
    with pytest.raises(TypeError):
        attn.mla_decode(*good)  # scale is a required keyword


def test_linear_attention_bad_inputs():
    q = z(2, 4, 2, 8)
    raises_naming("kind", lambda: attn.linear_attention(q, q, q, kind="mamba"))
    raises_naming("decay", lambda: attn.linear_attention(q, q, q, kind="lightning"), "requires")
    raises_naming("decay", lambda: attn.linear_attention(q, q, q, kind="lightning",
                                                         decay=z(3)), r"\[H\]")
    raises_naming("decay", lambda: attn.linear_attention(q, q, q, kind="hstu", decay=z(2)),
                  "lightning")
    raises_naming("causal", lambda: attn.linear_attention(q, q, q, kind="lightning",
                                                          decay=z(2), causal=False))
    raises_naming("initial_state", lambda: attn.linear_attention(
        q, q, q, kind="lightning", decay=z(2), initial_state=z(2, 2, 8, 4)), "Dv")
    raises_naming("bias", lambda: attn.linear_attention(q, q, q, bias=z(2, 2, 3, 3)),
                  "longest")
    raises_naming("bias", lambda: attn.linear_attention(q, q, q, bias=z(2, 3, 4, 4)), "heads")
    raises_naming("bias", lambda: attn.linear_attention(q, q, q, kind="lightning", decay=z(2),
                                                        bias=z(2, 2, 4, 4)), "hstu")
    raises_naming("silu_norm", lambda: attn.linear_attention(q, q, q, silu_norm=0), "positive")
    raises_naming("v", lambda: attn.linear_attention(q, q, z(2, 5, 2, 8)), "matching")
    raises_naming("k", lambda: attn.linear_attention(q, z(2, 4, 2, 4), q), "head dimension")
    raises_naming("return_final_state", lambda: attn.linear_attention(
        q, q, q, return_final_state=True), "lightning")


def test_append_kv_bad_inputs():
    kc, vc = z(4, 16, 2, 16), z(4, 16, 2, 16)
    k = z(3, 2, 16)
    slots = idx(0, 1, 2)
    raises_naming("slot_mapping", lambda: attn.append_kv(k, k, kc, vc, slot_mapping=idx(0, 1)),
                  "tokens")
    raises_naming("batch_indices", lambda: attn.append_kv(k, k, kc, vc), "needs slot_mapping")
    raises_naming("kv_indptr", lambda: attn.append_kv(k, k, kc, vc, slot_mapping=slots,
                                                      kv_indptr=idx(0, 1)), "not both")
    raises_naming("k_cache", lambda: attn.append_kv(z(3, 4, 16), z(3, 4, 16), kc, vc,
                                                    slot_mapping=slots), "heads")
    raises_naming("k_cache", lambda: attn.append_kv(k, k, np.asfortranarray(kc), vc,
                                                    slot_mapping=slots), "contiguous")
    ro = kc.copy()
    ro.flags.writeable = False
    raises_naming("k_cache", lambda: attn.append_kv(k, k, ro, vc, slot_mapping=slots),
                  "writeable")
    raises_naming("k_cache", lambda: attn.append_kv(k, k, z(4, 16, 2, 16, dtype=F16),
                                                    z(4, 16, 2, 16, dtype=F16),
                                                    slot_mapping=slots), "dtype")
    raises_naming("positions", lambda: attn.append_kv(k, k, kc, vc, slot_mapping=slots,
                                                      rope=attn.Rope()), "rope")
    raises_naming("layout", lambda: attn.append_kv(k, k, kc, vc, slot_mapping=slots,
                                                   layout="paged"))
    raises_naming("k_cache", lambda: attn.append_kv(k, k, kc, vc, slot_mapping=slots,
                                                    layout="vLLM"), "5 dims")


def test_merge_states_bad_inputs():
    v, s = z(3, 4, 8), z(3, 4)
    raises_naming("v_b", lambda: attn.merge_states(v, s, z(3, 4, 4), s), "shape")
    raises_naming("s_b", lambda: attn.merge_states(v, s, v, z(3, 5)), "shape")
    raises_naming("s_a", lambda: attn.merge_states(v, s.astype(F16), v, s), "float32")
    raises_naming("v_b", lambda: attn.merge_states(v, s, v.astype(F16), s), "dtype")
    raises_naming("v_a", lambda: attn.merge_states(z(8), z(), z(8), z()), "2 dims")
    with pytest.raises(ValueError):
        attn.merge_states(v, s, v, s, v)  # an unpaired extra state


def test_tensor_spec_cannot_run():
    spec = attn.TensorSpec((2, 3, 8, 16), F32)
    kspec = attn.TensorSpec((2, 3, 2, 16), F32)
    raises_naming("q", lambda: attn.prefill(spec, kspec, kspec), "TensorSpec")
