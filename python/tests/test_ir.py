"""The IR builder: every op and option combination the Python API can emit
parses and verifies with build/bin/attn-opt, and the function signature
follows the compiler contract (attn.name on every argument and result,
static heads/dims, dynamic lengths, in-place caches)."""

import itertools
import re

import numpy as np
import pytest

import attn
from attn import TensorSpec as T
from attn import _ir
from helpers import attn_opt_path, verify_ir

F32, F16, I32, I64 = np.float32, np.float16, np.int32, np.int64

needs_attn_opt = pytest.mark.skipif(attn_opt_path() is None,
                                    reason="build/bin/attn-opt is not built")

SCORE_MOD = """^bb0(%s: f32, %b: index, %h: index, %qi: index, %kj: index):
  %d = arith.subi %qi, %kj : index
  %di = arith.index_cast %d : index to i64
  %df = arith.sitofp %di : i64 to f32
  %r = arith.subf %s, %df : f32
  attn.yield %r : f32"""
MASK_MOD = """{
  %c4 = arith.constant 4 : index
  %vis = arith.cmpi uge, %kv_idx, %c4 : index
  attn.yield %vis : i1
}"""
# Names that would clash with the function's arguments if they were not
# prefixed: regions see the enclosing SSA scope.
CLASHING_MOD = """%q = arith.constant 2.0 : f32
%k = arith.mulf %score, %q : f32
%v = arith.addf %k, %q : f32
attn.yield %v : f32"""


def attention_options(hq, batch, token_shape, rope=True):
    """(name, kwargs) pairs covering every shared option."""
    opts = [
        ("plain", {}),
        ("lse", dict(return_lse=True)),
        ("causal_lse", dict(causal=True, return_lse=True)),
        ("window", dict(window=(3, 2))),
        ("window_left", dict(window=(5, -1), return_lse=True)),
        ("causal_window", dict(causal=True, window=(4, 7))),
        ("softcap_scale", dict(softcap=30.0, scale=0.0883883461)),
        ("tiny_scale", dict(scale=1e-5)),
        ("alibi_h", dict(alibi_slopes=T((hq,), F32))),
        ("alibi_bh", dict(alibi_slopes=T((batch, hq), F32), causal=True)),
        ("score_mod", dict(score_mod=SCORE_MOD)),
        ("mask_mod", dict(mask_mod=MASK_MOD, return_lse=True)),
        ("clashing_names", dict(score_mod=CLASHING_MOD, mask_mod=MASK_MOD)),
        ("sigmoid", dict(normalizer="sigmoid")),
        ("sigmoid_bias", dict(normalizer="sigmoid", sigmoid_bias=-1.5)),
        ("none", dict(normalizer="none", causal=True)),
        ("softmax_explicit", dict(normalizer="softmax", return_lse=True)),
    ]
    if rope:
        opts += [
            ("rope", dict(rope=attn.Rope(10000.0, None, "neox"))),
            ("rope_half_interleaved", dict(rope=attn.Rope(500000.5, 8, "interleaved"))),
            ("rope_positions_i32", dict(rope=attn.Rope(), positions=T(token_shape, I32))),
            ("rope_positions_i64", dict(rope=(1e6, 16, "neox"), positions=T(token_shape, I64))),
        ]
    everything = dict(causal=True, window=(8, 0), softcap=20.0, scale=0.125,
                      alibi_slopes=T((hq,), F32), score_mod=SCORE_MOD, mask_mod=MASK_MOD,
                      return_lse=True)
    if rope:
        everything.update(rope=attn.Rope(10000.0, 16, "neox"), positions=T(token_shape, I64))
    opts.append(("everything", everything))
    return opts


def prefill_cases():
    for dt, (hq, hkv) in itertools.product([F32, F16], [(8, 8), (8, 2), (8, 1)]):
        q, k, v = T((2, 5, hq, 16), dt), T((2, 7, hkv, 16), dt), T((2, 7, hkv, 16), dt)
        for name, o in attention_options(hq, 2, (2, 5)):
            yield "dense-%s-%d-%d-%s" % (np.dtype(dt).name, hq, hkv, name), \
                dict(q=q, k=k, v=v, **o)
    for idx, dv in [(I32, 16), (I64, 8)]:
        q, k, v = T((9, 8, 16), F32), T((11, 2, 16), F32), T((11, 2, dv), F32)
        cu = T((4,), idx)
        for name, o in attention_options(8, 3, (9,)):
            yield "ragged-%s-dv%d-%s" % (np.dtype(idx).name, dv, name), \
                dict(q=q, k=k, v=v, cu_seqlens_q=cu, cu_seqlens_k=cu, **o)


def paged_cases(op):
    for layout, ps, dt, idx in [("NHD", 1, F32, I32), ("NHD", 16, F16, I64),
                                ("HND", 1, F16, I32), ("HND", 16, F32, I32)]:
        shape = (10, ps, 2, 16) if layout == "NHD" else (10, 2, ps, 16)
        vshape = shape[:3] + (8,)
        base = dict(k_cache=T(shape, dt), v_cache=T(vshape, dt), kv_indptr=T((4,), idx),
                    kv_indices=T((12,), idx), kv_last_page_len=T((3,), idx), layout=layout)
        if op == "batch_prefill":
            base.update(q=T((9, 8, 16), dt), qo_indptr=T((4,), idx))
            tokens = (9,)
        else:
            base.update(q=T((3, 8, 16), dt))
            tokens = (3,)
        for name, o in attention_options(8, 3, tokens):
            c = dict(base)
            c.update(o)
            yield "%s-%d-%s-%s" % (layout, ps, np.dtype(dt).name, name), c


def paged_attention_cases():
    for dt, bs, x, idx in [(F32, 16, 4, I32), (F16, 1, 8, I64)]:
        base = dict(q=T((3, 8, 16), dt), k_cache=T((10, 2, 16 // x, bs, x), dt),
                    v_cache=T((10, 2, 8, bs), dt), block_tables=T((3, 5), idx),
                    context_lens=T((3,), idx))
        for name, o in attention_options(8, 3, (3,)):
            c = dict(base)
            c.update(o)
            yield "%s-bs%d-x%d-%s" % (np.dtype(dt).name, bs, x, name), c


def mla_cases():
    for dt, ps in [(F32, 1), (F16, 16)]:
        base = dict(q_nope=T((3, 8, 32), dt), q_pe=T((3, 8, 8), dt),
                    ckv_cache=T((10, ps, 32), dt), kpe_cache=T((10, ps, 8), dt),
                    kv_indptr=T((4,), I32), kv_indices=T((12,), I32),
                    kv_last_page_len=T((3,), I32), scale=0.0721687824)
        for name, o in attention_options(8, 3, (3,), rope=False):
            c = dict(base)
            c.update(o)
            yield "%s-page%d-%s" % (np.dtype(dt).name, ps, name), c


def linear_cases():
    for dt in (F32, F16):
        d4 = lambda *s: T(s, dt)  # noqa: E731
        dense = dict(q=d4(2, 6, 4, 8), k=d4(2, 6, 4, 8), v=d4(2, 6, 4, 16))
        ragged = dict(q=d4(9, 4, 8), k=d4(9, 4, 8), v=d4(9, 4, 16), cu_seqlens=T((4,), I32))
        name = np.dtype(dt).name
        yield name + "-hstu-dense", dict(dense)
        yield name + "-hstu-dense-causal-bias", dict(dense, causal=True, silu_norm=12,
                                                     bias=T((2, 4, 8, 8), F32), scale=0.5)
        yield name + "-hstu-dense-bias-f16", dict(dense, bias=T((2, 4, 6, 6), F16))
        yield name + "-hstu-ragged", dict(ragged, silu_norm=5)
        yield name + "-hstu-ragged-causal-bias", dict(ragged, causal=True, silu_norm=5,
                                                      bias=T((3, 4, 7, 7), F32))
        light = dict(kind="lightning", decay=T((4,), F32))
        yield name + "-lightning-dense", dict(dense, **light)
        yield name + "-lightning-dense-states", dict(dense, initial_state=T((2, 4, 8, 16), F32),
                                                     return_final_state=True, scale=0.5, **light)
        yield name + "-lightning-dense-final", dict(dense, return_final_state=True, **light)
        yield name + "-lightning-ragged-states", dict(ragged, initial_state=T((3, 4, 8, 16), F32),
                                                      return_final_state=True, **light)
        yield name + "-lightning-ragged-i64", dict(ragged, cu_seqlens=T((4,), I64), **light)


def append_cases():
    for layout, dt in [("NHD", F32), ("HND", F16), ("vLLM", F32)]:
        if layout == "NHD":
            kc, vc = T((10, 16, 2, 16), dt), T((10, 16, 2, 8), dt)
        elif layout == "HND":
            kc, vc = T((10, 2, 1, 16), dt), T((10, 2, 1, 8), dt)
        else:
            kc, vc = T((10, 2, 4, 16, 4), dt), T((10, 2, 8, 16), dt)
        base = dict(k=T((5, 2, 16), dt), v=T((5, 2, 8), dt), k_cache=kc, v_cache=vc,
                    layout=layout)
        for idx in (I32, I64):
            n = "%s-%s" % (layout, np.dtype(idx).name)
            yield n + "-slots", dict(base, slot_mapping=T((5,), idx))
            yield n + "-slots-rope", dict(base, slot_mapping=T((5,), idx),
                                          positions=T((5,), idx), rope=attn.Rope(10000.0, 16))
            pt = dict(base, batch_indices=T((5,), idx), positions=T((5,), idx),
                      kv_indptr=T((4,), idx), kv_indices=T((7,), idx))
            yield n + "-pagetable", pt
            yield n + "-pagetable-rope", dict(pt, rope=attn.Rope(1e4, 8, "interleaved"),
                                              kv_last_page_len=T((3,), idx))


def merge_cases():
    for dt in (F32, F16):
        for shape in [(8, 64), (5, 8, 64), (2, 5, 8, 64)]:
            for n in (1, 2, 3):
                yield "%s-rank%d-%d" % (np.dtype(dt).name, len(shape), n), dict(
                    values=[T(shape, dt)] * n, lses=[T(shape[:-1], F32)] * n)


CASES = {
    "prefill": list(prefill_cases()),
    "batch_prefill": list(paged_cases("batch_prefill")),
    "batch_decode": list(paged_cases("batch_decode")),
    "paged_attention": list(paged_attention_cases()),
    "mla_decode": list(mla_cases()),
    "linear_attention": list(linear_cases()),
    "append_kv": list(append_cases()),
    "merge_states": list(merge_cases()),
}


def _func_name(case):
    return "f_" + re.sub(r"[^A-Za-z0-9_]", "_", case)


@needs_attn_opt
@pytest.mark.parametrize("op", sorted(CASES))
def test_every_emitted_ir_verifies(op):
    """All cases of one op in one module (one attn-opt run); on failure each
    case is verified alone to name the culprit."""
    texts = [(case, _ir.build(op, func_name=_func_name(case), **kw).text)
             for case, kw in CASES[op]]
    assert len(texts) >= 10
    rc, err = verify_ir("\n".join(t for _, t in texts))
    if rc == 0:
        return
    failures = []
    for case, text in texts:
        rc1, err1 = verify_ir(text)
        if rc1:
            failures.append("%s:\n%s\n%s" % (case, err1, text))
    pytest.fail("attn-opt rejected %d IRs of %s:\n%s" % (len(failures), op,
                                                         "\n".join(failures[:3]) or err))


def _signature(text):
    head = text.split("{\n", 1)[0] if "^bb0" not in text else text.split(" = attn.")[0]
    args = re.findall(r'(%arg_\w+): (tensor<[^>]*>) \{attn\.name = "(\w+)"([^}]*)\}', head)
    results = re.findall(r'(tensor<[^>]*>) \{attn\.name = "(\w+)"\}', head.split("->", 1)[1])
    return args, results


def test_prefill_signature_contract():
    q, k = T((2, 5, 8, 64), F16), T((2, 9, 2, 64), F16)
    ir = attn.build_op("prefill", q, k, k, causal=True, return_lse=True)
    assert ir.func_name == "prefill"
    assert ir.text.startswith("func.func @prefill(")
    args, results = _signature(ir.text)
    assert [(a[2], a[1]) for a in args] == [("q", "tensor<?x?x8x64xf16>"),
                                            ("k", "tensor<?x?x2x64xf16>"),
                                            ("v", "tensor<?x?x2x64xf16>")]
    assert results == [("tensor<?x?x8x64xf16>", "out"), ("tensor<?x?x8xf32>", "lse")]
    assert [o[0] for o in ir.outputs] == ["out", "lse"]
    assert ir.outputs[0][1:] == ((2, 5, 8, 64), np.dtype(F16))
    assert ir.outputs[1][1:] == ((2, 5, 8), np.dtype(F32))
    assert list(ir.inputs) == ["q", "k", "v"]
    # Lengths are dynamic: other lengths give the very same IR.
    ir2 = attn.build_op("prefill", T((7, 1, 8, 64), F16), T((7, 3, 2, 64), F16),
                        T((7, 3, 2, 64), F16), causal=True, return_lse=True)
    assert ir2.text == ir.text


def test_append_kv_signature_is_in_place():
    ir = attn.build_op("append_kv", T((3, 2, 16), F32), T((3, 2, 16), F32),
                       T((4, 16, 2, 16), F32), T((4, 16, 2, 16), F32),
                       slot_mapping=T((3,), I64))
    args, results = _signature(ir.text)
    writable = dict((a[2], "bufferization.writable = true" in a[3]) for a in args)
    assert writable == {"k": False, "v": False, "k_cache": True, "v_cache": True,
                        "slot_mapping": False}
    assert [r[1] for r in results] == ["k_cache_out", "v_cache_out"]
    assert ir.outputs == []
    assert ir.inplace == {"k_cache": "k_cache_out", "v_cache": "v_cache_out"}


def test_float_attributes_are_parseable_and_exact():
    for value in [0.125, 0.0883883461, 1e-5, 3.0e10, 1 / 3.0]:
        text = _ir.fmt_f32(value)
        assert "." in text and float(np.float32(float(text))) == float(np.float32(value))
    assert _ir.fmt_f32(0.125) == "1.25000000e-01"
    assert "." in _ir.fmt_f64(1e6)


@needs_attn_opt
def test_scale_round_trips_through_attn_opt():
    q = T((1, 2, 4, 16), F32)
    text = attn.build_ir("prefill", q, q, q, scale=1 / 3.0)
    rc, err = verify_ir(text)
    assert rc == 0, err
    import subprocess
    out = subprocess.run([attn_opt_path(), "-"], input=text, stdout=subprocess.PIPE,
                         universal_newlines=True).stdout
    printed = re.search(r"scale = ([0-9.e+-]+) : f32", out).group(1)
    assert np.float32(float(printed)) == np.float32(1 / 3.0)


def test_region_header_is_added_to_bodies():
    q = T((1, 2, 4, 16), F32)
    text = attn.build_ir("prefill", q, q, q, score_mod="attn.yield %score : f32",
                         mask_mod="%t = arith.constant true\nattn.yield %t : i1")
    assert _ir.SCORE_MOD_HEADER in text and _ir.MASK_MOD_HEADER in text


def test_build_ir_rejects_unknown_op():
    with pytest.raises(ValueError, match="op_name"):
        attn.build_ir("flash", T((1,), F32))


def test_merge_states_positional_build():
    v, s = T((3, 4, 8), F32), T((3, 4), F32)
    text = attn.build_ir("merge_states", v, s, v, s)
    assert "values(%arg_v_a, %arg_v_b) lse(%arg_s_a, %arg_s_b)" in text
