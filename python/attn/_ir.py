"""Building the MLIR text of one attn op call.

Each builder validates its arguments (shapes, dtypes, options; ValueError
naming the argument) and returns an ``OpIR``: one public ``func.func`` named
after the op that wraps the op, specialized on the static head counts, head
dimensions, page sizes and dtypes, with dynamic (``?``) batch, sequence,
token and page counts so that one compiled kernel serves every length.

Every function argument carries ``{attn.name = "<name>"}`` and every result
``{attn.name = "<name>"}``; the compiler turns results into trailing
``write`` buffers of the kernel. ``append_kv``'s caches are updated in place:
their arguments are marked ``bufferization.writable = true`` and the results
that return them are named ``<argument>_out`` (the op's result names
``k_cache_out``/``v_cache_out``); the compiler ties such a result to its
argument after bufferization, so the kernel has one ``readwrite`` buffer per
cache and no separate output.

Arguments are numpy arrays, anything with ``.shape`` and ``.dtype`` (e.g.
``TensorSpec`` when there is no data yet), or sequences (index lists).
"""

import collections
import math

import numpy as np

from . import _dtypes

__all__ = ["TensorSpec", "Rope", "OpIR", "build", "build_ir", "BUILDERS"]

MAX_HEAD_DIM = 1024
MAX_HEADS = 1 << 16

# Block headers added to score_mod / mask_mod bodies given without one
# (FlexAttention's argument names).
SCORE_MOD_HEADER = "^bb0(%score: f32, %b: index, %h: index, %q_idx: index, %kv_idx: index):"
MASK_MOD_HEADER = "^bb0(%b: index, %h: index, %q_idx: index, %kv_idx: index):"


class TensorSpec(object):
    """Shape and dtype of an argument without data, for ``build_ir``."""

    __slots__ = ("shape", "dtype")

    def __init__(self, shape, dtype):
        self.shape = tuple(int(d) for d in shape)
        self.dtype = np.dtype(dtype)

    @property
    def ndim(self):
        return len(self.shape)

    def __repr__(self):
        return "TensorSpec(%r, %s)" % (self.shape, self.dtype)


Rope = collections.namedtuple("Rope", ["theta", "dim", "style"])
Rope.__new__.__defaults__ = (10000.0, None, "neox")
Rope.__doc__ = """Rotary embedding applied inside the kernel.

theta: base of the frequencies (> 1); dim: rotated channels (even, default
the head dim); style: "neox" (rotate-half) or "interleaved" (GPT-J)."""


class OpIR(object):
    """The IR of one op call and what is needed to launch its kernel.

    ``text`` is the MLIR module text, ``func_name`` the kernel name,
    ``inputs`` the argument arrays by name, ``outputs`` a list of
    ``(name, shape, numpy dtype)`` to allocate, ``inplace`` a dict from the
    name of each argument updated in place to the name of the result that
    returns it.
    """

    def __init__(self, op, func_name, text, inputs, outputs, inplace,
                 output_dtypes=None):
        self.op = op
        # name -> attn dtype name ("bf16", ...) of each output
        self.output_dtypes = dict(output_dtypes or {})
        self.func_name = func_name
        self.text = text
        self.inputs = inputs
        self.outputs = outputs
        self.inplace = inplace

    def __str__(self):
        return self.text

    def __repr__(self):
        return "<OpIR %s: %d inputs, outputs %s>" % (
            self.func_name, len(self.inputs), [o[0] for o in self.outputs])


# ---------------------------------------------------------------------------
# Formatting
# ---------------------------------------------------------------------------

def fmt_f32(x):
    """An f32 attribute value MLIR parses back to the same float:
    e.g. ``1.25000000e-01`` (always with a '.', 9 significant digits)."""
    return "%.8e" % float(np.float32(x))


def fmt_f64(x):
    return "%.16e" % float(x)


def tensor_type(dims, dtname):
    """``tensor<?x8x64xf16>``; dims are ints or None (dynamic)."""
    parts = ["?" if d is None else str(int(d)) for d in dims]
    parts.append(_dtypes.mlir_of(dtname))
    return "tensor<%s>" % "x".join(parts)


def _ssa(name):
    # Prefixed so that names in user score_mod/mask_mod regions cannot clash
    # with the function arguments (regions see the enclosing SSA scope).
    return "%arg_" + name


def _region_text(text, header, what):
    if not isinstance(text, str):
        raise ValueError("%s: expected the region as MLIR text (str), got %s"
                         % (what, type(text).__name__))
    t = text.strip()
    if t.startswith("{"):
        if not t.endswith("}"):
            raise ValueError("%s: region text starts with '{' but does not end with '}'" % what)
        t = t[1:-1].strip()
    if not t:
        raise ValueError("%s: empty region" % what)
    if not t.startswith("^"):
        t = header + "\n" + t
    lines = [ln.rstrip() for ln in t.splitlines()]
    body = "\n".join(("  " + ln.strip()) if ln.strip().startswith("^") else ("    " + ln.strip())
                     for ln in lines if ln.strip())
    return "{\n" + body + "\n  }"


# ---------------------------------------------------------------------------
# Validation helpers (messages start with the argument's name)
# ---------------------------------------------------------------------------

def _arr(x):
    if x is None:
        return None
    if hasattr(x, "shape") and hasattr(x, "dtype"):
        return x
    return np.asarray(x)


def _shape(x):
    return tuple(int(d) for d in x.shape)


def _rank(name, x, rank, layout):
    if len(x.shape) != rank:
        raise ValueError("%s: expected %d dims %s, got shape %s"
                         % (name, rank, layout, _shape(x)))


def _float(name, x):
    dt = _dtypes.name_of(x.dtype)
    if dt not in _dtypes.FLOAT_NAMES:
        raise ValueError("%s: dtype %s is not supported (expected float32, float16 or "
                         "bfloat16)" % (name, x.dtype))
    return dt


def _same_dtype(name, x, ref_name, ref):
    if _dtypes.name_of(x.dtype) != _dtypes.name_of(ref.dtype):
        raise ValueError("%s: dtype %s must equal the dtype of %s (%s)"
                         % (name, x.dtype, ref_name, ref.dtype))


def _index(name, x, rank=1, layout="[N]"):
    _rank(name, x, rank, layout)
    dt = _dtypes.name_of(x.dtype)
    if dt not in _dtypes.INDEX_NAMES:
        raise ValueError("%s: dtype %s is not supported for indices (expected int32 or int64)"
                         % (name, x.dtype))
    return dt


def _nonempty_indptr(name, x):
    if x.shape[0] < 1:
        raise ValueError("%s: must have at least one element (B + 1), got shape %s"
                         % (name, _shape(x)))


def _dim(name, x, axis, expected, what):
    if int(x.shape[axis]) != int(expected):
        raise ValueError("%s: dimension %d (%d) must equal %s (%d); got shape %s"
                         % (name, axis, x.shape[axis], what, expected, _shape(x)))


def _heads(name, x, axis, what="number of heads"):
    n = int(x.shape[axis])
    if not 1 <= n <= MAX_HEADS:
        raise ValueError("%s: the %s (dimension %d) must be between 1 and %d, got %d"
                         % (name, what, axis, MAX_HEADS, n))
    return n


def _head_dim(name, x, axis, what="head dimension"):
    n = int(x.shape[axis])
    if not 1 <= n <= MAX_HEAD_DIM:
        raise ValueError("%s: the %s (dimension %d) must be between 1 and %d, got %d"
                         % (name, what, axis, MAX_HEAD_DIM, n))
    return n


def _f32_param(name, x):
    """Small f32 parameters (ALiBi slopes, decays, states): floats are
    converted to float32."""
    x = _arr(x)
    if isinstance(x, np.ndarray):
        if x.dtype.kind != "f":
            raise ValueError("%s: expected a float array, got dtype %s" % (name, x.dtype))
        return np.ascontiguousarray(x, dtype=np.float32)
    if _dtypes.name_of(x.dtype) != "f32":
        raise ValueError("%s: expected dtype float32, got %s" % (name, x.dtype))
    return x


def _positive_finite(name, x):
    try:
        v = float(x)
    except (TypeError, ValueError):
        raise ValueError("%s: expected a number, got %r" % (name, x))
    if not (math.isfinite(v) and v > 0):
        raise ValueError("%s: must be positive and finite, got %r" % (name, x))
    return v


def _layout(name, layout, allowed):
    if not isinstance(layout, str) or layout.lower() not in allowed:
        raise ValueError("%s: expected one of %s, got %r"
                         % (name, ", ".join('"%s"' % a.upper() for a in allowed), layout))
    return layout.lower()


def _as_rope(rope, head_dim, name="rope"):
    if rope is None or rope is False:
        return None
    try:
        if isinstance(rope, Rope):
            r = rope
        elif isinstance(rope, dict):
            r = Rope(**rope)
        elif isinstance(rope, (tuple, list)):
            r = Rope(*rope)
        elif isinstance(rope, (int, float)) and not isinstance(rope, bool):
            r = Rope(theta=rope)
        else:
            raise TypeError()
        theta = float(r.theta)
    except (TypeError, ValueError):
        raise ValueError("%s: expected attn.Rope(theta, dim, style), a dict or a tuple, got %r"
                         % (name, rope))
    if not (math.isfinite(theta) and theta > 1.0):
        raise ValueError("%s: theta must be a finite number above 1, got %r" % (name, r.theta))
    dim = head_dim if r.dim is None else int(r.dim)
    if dim <= 0 or dim % 2 or dim > head_dim:
        raise ValueError("%s: dim must be positive, even and at most the head dim %d, got %r"
                         % (name, head_dim, r.dim))
    if r.style not in ("neox", "interleaved"):
        raise ValueError('%s: style must be "neox" or "interleaved", got %r' % (name, r.style))
    return Rope(theta, dim, r.style)


def _rope_value(r):
    return "#attn.rope<theta = %s, dim = %d, style = %s>" % (fmt_f64(r.theta), r.dim, r.style)


# ---------------------------------------------------------------------------
# The function builder
# ---------------------------------------------------------------------------

class _Builder(object):
    def __init__(self, op):
        self.op = op
        self.groups = []          # (keyword, [(name, type)])
        self.inputs = collections.OrderedDict()
        self.attrs = {}           # name -> text ("causal" -> None for unit attrs)
        self.regions = []         # (keyword, text)
        self.results = []         # (name, type, shape, numpy dtype)
        self.result_dtypes = {}   # name -> attn dtype name
        self.inplace = collections.OrderedDict()  # argument -> result name

    def operand(self, name, x, dims, keyword=None):
        dt = _dtypes.name_of(x.dtype)
        self.groups.append((keyword or name, [(name, tensor_type(dims, dt))]))
        self.inputs[name] = x

    def operand_group(self, keyword, items):
        group = []
        for name, x, dims in items:
            group.append((name, tensor_type(dims, _dtypes.name_of(x.dtype))))
            self.inputs[name] = x
        self.groups.append((keyword, group))

    def attr(self, name, value=None):
        self.attrs[name] = value

    def result(self, name, dims, dtname, shape):
        np_dtype = _numpy_dtype(dtname)
        shape = tuple(int(s) for s in shape)
        self.results.append((name, tensor_type(dims, dtname), shape, np_dtype))
        self.result_dtypes[name] = dtname

    def build(self, func_name=None):
        fname = func_name or self.op
        args = []
        for _, group in self.groups:
            for name, ty in group:
                extra = ", bufferization.writable = true" if name in self.inplace else ""
                args.append('%s: %s {attn.name = "%s"%s}' % (_ssa(name), ty, name, extra))
        res_types = [r[1] for r in self.results]
        res_decl = ", ".join('%s {attn.name = "%s"}' % (r[1], r[0]) for r in self.results)
        operands = " ".join("%s(%s)" % (kw, ", ".join(_ssa(n) for n, _ in group))
                            for kw, group in self.groups)
        operand_types = ", ".join(ty for _, group in self.groups for _, ty in group)
        attr_items = []
        for key in sorted(self.attrs):
            value = self.attrs[key]
            attr_items.append(key if value is None else "%s = %s" % (key, value))
        attr_text = (" {%s}" % ", ".join(attr_items)) if attr_items else ""
        region_text = "".join(" %s %s" % (kw, text) for kw, text in self.regions)
        if len(self.results) == 1:
            lhs, rets, fres = "%0", "%0", res_types[0]
        else:
            lhs = "%%0:%d" % len(self.results)
            rets = ", ".join("%%0#%d" % i for i in range(len(self.results)))
            fres = "(%s)" % ", ".join(res_types)
        lines = [
            "func.func @%s(%s)" % (fname, ",\n    ".join(args)),
            "    -> (%s) {" % res_decl,
            "  %s = attn.%s %s%s%s" % (lhs, self.op, operands, attr_text, region_text),
            "      : (%s) -> %s" % (operand_types, fres),
            "  return %s : %s" % (rets, ", ".join(res_types)),
            "}",
        ]
        text = "\n".join(lines) + "\n"
        tied = set(self.inplace.values())
        outputs = [(name, shape, dt) for name, _, shape, dt in self.results
                   if name not in tied]
        return OpIR(self.op, fname, text, self.inputs, outputs, dict(self.inplace),
                    self.result_dtypes)


def _numpy_dtype(dtname):
    try:
        return _dtypes.numpy_of(dtname)
    except KeyError:
        return None  # bf16 without ml_dtypes: IR can still be built


# ---------------------------------------------------------------------------
# Options shared by the softmax attention ops
# ---------------------------------------------------------------------------

_NORMALIZERS = ("softmax", "sigmoid", "none")


def _attention_common(b, hq, qk_dim, batch, token_dims, token_shape,
                      causal=False, window=(-1, -1), softcap=None, alibi_slopes=None,
                      scale=None, score_mod=None, mask_mod=None, normalizer="softmax",
                      sigmoid_bias=None, rope=None, positions=None, return_lse=False,
                      allow_rope=True):
    """Validates and adds the shared options; returns the effective
    normalizer. ``batch`` is the batch size (for [B, Hq] ALiBi slopes)."""
    # Masks: FlashAttention's window_size; causal means a right bound of 0.
    if window is None:
        window = (-1, -1)
    try:
        left, right = (int(w) for w in window)
    except (TypeError, ValueError):
        raise ValueError("window: expected (left, right) with -1 = unbounded, got %r" % (window,))
    if left < -1 or right < -1:
        raise ValueError("window: bounds must be >= -1 (-1 = unbounded), got %r" % (window,))
    if causal:
        right = 0
        b.attr("causal")
        if left != -1:
            b.attr("window", "array<i64: %d, 0>" % left)
    elif (left, right) != (-1, -1):
        b.attr("window", "array<i64: %d, %d>" % (left, right))

    if scale is not None:
        b.attr("scale", fmt_f32(_positive_finite("scale", scale)) + " : f32")
    if softcap is not None and softcap != 0:
        b.attr("softcap", fmt_f32(_positive_finite("softcap", softcap)) + " : f32")

    if normalizer is None:
        normalizer = "softmax"
    if normalizer not in _NORMALIZERS:
        raise ValueError("normalizer: expected one of %s, got %r"
                         % (", ".join('"%s"' % n for n in _NORMALIZERS), normalizer))
    if normalizer != "softmax":
        b.attr("normalizer", "#attn.normalizer<%s>" % normalizer)
    if sigmoid_bias is not None:
        if normalizer != "sigmoid":
            raise ValueError('sigmoid_bias: requires normalizer="sigmoid"')
        v = float(sigmoid_bias)
        if not math.isfinite(v):
            raise ValueError("sigmoid_bias: must be finite, got %r" % (sigmoid_bias,))
        b.attr("sigmoid_bias", fmt_f32(v) + " : f32")
    if return_lse and normalizer != "softmax":
        raise ValueError('return_lse: the LSE exists only for normalizer="softmax", got %r'
                         % normalizer)

    r = None
    if rope is not None and rope is not False:
        if not allow_rope:
            raise ValueError("rope: this op does not fuse RoPE")
        r = _as_rope(rope, qk_dim)
        b.attr("rope", _rope_value(r))

    if alibi_slopes is not None:
        a = _f32_param("alibi_slopes", alibi_slopes)
        if len(a.shape) == 1 and a.shape[0] == hq:
            dims = [hq]
        elif len(a.shape) == 2 and a.shape[1] == hq and (batch is None or a.shape[0] == batch):
            dims = [None, hq]
        else:
            raise ValueError("alibi_slopes: expected shape [Hq] or [B, Hq] with Hq = %d%s, got %s"
                             % (hq, "" if batch is None else " and B = %d" % batch, _shape(a)))
        b.operand("alibi_slopes", a, dims)
    if positions is not None:
        if r is None:
            raise ValueError("positions: only meaningful with rope")
        p = _arr(positions)
        _index("positions", p, len(token_shape), "shaped like the query tokens %s" % (token_shape,))
        if _shape(p) != tuple(token_shape):
            raise ValueError("positions: expected shape %s (the query tokens), got %s"
                             % (tuple(token_shape), _shape(p)))
        b.operand("positions", p, token_dims)

    if score_mod is not None:
        b.regions.append(("score_mod", _region_text(score_mod, SCORE_MOD_HEADER, "score_mod")))
    if mask_mod is not None:
        b.regions.append(("mask_mod", _region_text(mask_mod, MASK_MOD_HEADER, "mask_mod")))
    return normalizer


def _results(b, out_dims, out_shape, dt, lse_dims, lse_shape, return_lse):
    b.result("out", out_dims, dt, out_shape)
    if return_lse:
        b.result("lse", lse_dims, "f32", lse_shape)


# ---------------------------------------------------------------------------
# Op builders
# ---------------------------------------------------------------------------

def prefill(q, k, v, causal=False, window=(-1, -1), softcap=None, alibi_slopes=None,
            scale=None, cu_seqlens_q=None, cu_seqlens_k=None, return_lse=False,
            score_mod=None, mask_mod=None, normalizer="softmax", sigmoid_bias=None,
            rope=None, positions=None, func_name=None):
    """attn.prefill: dense q [B, Sq, Hq, D] or ragged [Tq, Hq, D] with cu_seqlens."""
    b = _Builder("prefill")
    q, k, v = _arr(q), _arr(k), _arr(v)
    cq, ck = _arr(cu_seqlens_q), _arr(cu_seqlens_k)
    ragged = cq is not None or ck is not None
    if ragged:
        if cq is None or ck is None:
            missing = "cu_seqlens_q" if cq is None else "cu_seqlens_k"
            raise ValueError("%s: cu_seqlens_q and cu_seqlens_k must be given together "
                             "(ragged layout) or not at all (dense)" % missing)
        _rank("q", q, 3, "[Tq, Hq, D] (ragged)")
        _rank("k", k, 3, "[Tk, Hkv, D] (ragged)")
        _rank("v", v, 3, "[Tk, Hkv, Dv] (ragged)")
        _index("cu_seqlens_q", cq, 1, "[B + 1]")
        _index("cu_seqlens_k", ck, 1, "[B + 1]")
        _nonempty_indptr("cu_seqlens_q", cq)
        _dim("cu_seqlens_k", ck, 0, cq.shape[0], "the length of cu_seqlens_q")
        batch = int(cq.shape[0]) - 1
        tok_dims, tok_shape = [None], (int(q.shape[0]),)
    else:
        _rank("q", q, 4, "[B, Sq, Hq, D]")
        _rank("k", k, 4, "[B, Sk, Hkv, D]")
        _rank("v", v, 4, "[B, Sk, Hkv, Dv]")
        _dim("k", k, 0, q.shape[0], "the batch size of q")
        _dim("v", v, 0, q.shape[0], "the batch size of q")
        batch = int(q.shape[0])
        tok_dims, tok_shape = [None, None], (int(q.shape[0]), int(q.shape[1]))
    h = len(q.shape) - 2
    hq = _heads("q", q, h, "number of query heads")
    hkv = _heads("k", k, h, "number of key/value heads")
    d = _head_dim("q", q, h + 1)
    dv = _head_dim("v", v, h + 1)
    _dim("k", k, h + 1, d, "the head dimension of q")
    _dim("v", v, h, hkv, "the number of key/value heads of k")
    _dim("v", v, h - 1, k.shape[h - 1], "the number of keys of k")
    if hq % hkv:
        raise ValueError("q: the number of query heads (%d) must be a multiple of the number "
                         "of key/value heads of k (%d)" % (hq, hkv))
    dt = _float("q", q)
    _same_dtype("k", k, "q", q)
    _same_dtype("v", v, "q", q)

    lead = [None] * h  # [B, S] or [T]: dynamic
    b.operand("q", q, lead + [hq, d])
    b.operand("k", k, lead + [hkv, d])
    b.operand("v", v, lead + [hkv, dv])
    if ragged:
        b.operand("cu_seqlens_q", cq, [None])
        b.operand("cu_seqlens_k", ck, [None])
    _attention_common(b, hq, d, batch, tok_dims, tok_shape, causal=causal, window=window,
                      softcap=softcap, alibi_slopes=alibi_slopes, scale=scale,
                      score_mod=score_mod, mask_mod=mask_mod, normalizer=normalizer,
                      sigmoid_bias=sigmoid_bias, rope=rope, positions=positions,
                      return_lse=return_lse)
    _results(b, tok_dims + [hq, dv], tok_shape + (hq, dv), dt,
             tok_dims + [hq], tok_shape + (hq,), return_lse)
    return b.build(func_name)


def _paged_cache(name, x, layout):
    desc = ("[num_pages, page_size, Hkv, D] (NHD)" if layout == "nhd"
            else "[num_pages, Hkv, page_size, D] (HND)")
    _rank(name, x, 4, desc)
    page_axis, head_axis = (1, 2) if layout == "nhd" else (2, 1)
    page = int(x.shape[page_axis])
    if page < 1:
        raise ValueError("%s: the page size (dimension %d) must be at least 1, got shape %s"
                         % (name, page_axis, _shape(x)))
    heads = _heads(name, x, head_axis, "number of key/value heads")
    dim = _head_dim(name, x, 3)
    return page, heads, dim


def _paged_kv(b, layout, k_cache, v_cache, q, qk_dim, batch_name, batch,
              kv_indptr, kv_indices, kv_last_page_len, k_name="k_cache", v_name="v_cache"):
    """Validates and adds a FlashInfer paged K/V pair and its page table."""
    layout = _layout("layout", layout, ("nhd", "hnd"))
    page, hkv, d = _paged_cache(k_name, k_cache, layout)
    vpage, vhkv, dv = _paged_cache(v_name, v_cache, layout)
    _dim(v_name, v_cache, 0, k_cache.shape[0], "the number of pages of " + k_name)
    if (vpage, vhkv) != (page, hkv):
        raise ValueError("%s: shape %s must have the page size (%d) and number of heads (%d) "
                         "of %s %s" % (v_name, _shape(v_cache), page, hkv, k_name,
                                       _shape(k_cache)))
    if d != qk_dim:
        raise ValueError("%s: head dimension %d must equal the head dimension of q (%d)"
                         % (k_name, d, qk_dim))
    _same_dtype(k_name, k_cache, "q", q)
    _same_dtype(v_name, v_cache, "q", q)
    _index("kv_indptr", kv_indptr, 1, "[B + 1]")
    _index("kv_indices", kv_indices, 1, "[num_used_pages]")
    _index("kv_last_page_len", kv_last_page_len, 1, "[B]")
    _nonempty_indptr("kv_indptr", kv_indptr)
    if batch is not None:
        _dim("kv_indptr", kv_indptr, 0, batch + 1, "the batch size plus one (from %s)" % batch_name)
    _dim("kv_last_page_len", kv_last_page_len, 0, kv_indptr.shape[0] - 1,
         "the batch size (len(kv_indptr) - 1)")
    kdims = [None, page, hkv, d] if layout == "nhd" else [None, hkv, page, d]
    vdims = [None, page, hkv, dv] if layout == "nhd" else [None, hkv, page, dv]
    b.operand(k_name, k_cache, kdims)
    b.operand(v_name, v_cache, vdims)
    b.operand("kv_indptr", kv_indptr, [None])
    b.operand("kv_indices", kv_indices, [None])
    b.operand("kv_last_page_len", kv_last_page_len, [None])
    b.attr("layout", "#attn.kv_layout<%s>" % layout)
    return hkv, dv


def batch_prefill(q, qo_indptr, k_cache, v_cache, kv_indptr, kv_indices, kv_last_page_len,
                  layout="NHD", causal=False, window=(-1, -1), softcap=None,
                  alibi_slopes=None, scale=None, return_lse=False, score_mod=None,
                  mask_mod=None, normalizer="softmax", sigmoid_bias=None, rope=None,
                  positions=None, func_name=None):
    """attn.batch_prefill: ragged q [Tq, Hq, D] by qo_indptr over a paged cache."""
    b = _Builder("batch_prefill")
    q, qo = _arr(q), _arr(qo_indptr)
    k_cache, v_cache = _arr(k_cache), _arr(v_cache)
    kp, ki, kl = _arr(kv_indptr), _arr(kv_indices), _arr(kv_last_page_len)
    _rank("q", q, 3, "[Tq, Hq, D]")
    hq = _heads("q", q, 1, "number of query heads")
    d = _head_dim("q", q, 2)
    dt = _float("q", q)
    _index("qo_indptr", qo, 1, "[B + 1]")
    _nonempty_indptr("qo_indptr", qo)
    batch = int(qo.shape[0]) - 1
    b.operand("q", q, [None, hq, d])
    b.operand("qo_indptr", qo, [None])
    hkv, dv = _paged_kv(b, layout, k_cache, v_cache, q, d, "qo_indptr", batch, kp, ki, kl)
    if hq % hkv:
        raise ValueError("q: the number of query heads (%d) must be a multiple of the number "
                         "of key/value heads of k_cache (%d)" % (hq, hkv))
    tq = int(q.shape[0])
    _attention_common(b, hq, d, batch, [None], (tq,), causal=causal, window=window,
                      softcap=softcap, alibi_slopes=alibi_slopes, scale=scale,
                      score_mod=score_mod, mask_mod=mask_mod, normalizer=normalizer,
                      sigmoid_bias=sigmoid_bias, rope=rope, positions=positions,
                      return_lse=return_lse)
    _results(b, [None, hq, dv], (tq, hq, dv), dt, [None, hq], (tq, hq), return_lse)
    return b.build(func_name)


def batch_decode(q, k_cache, v_cache, kv_indptr, kv_indices, kv_last_page_len, layout="NHD",
                 causal=False, window=(-1, -1), softcap=None, alibi_slopes=None, scale=None,
                 return_lse=False, score_mod=None, mask_mod=None, normalizer="softmax",
                 sigmoid_bias=None, rope=None, positions=None, func_name=None):
    """attn.batch_decode: one query per request, q [B, Hq, D], over a paged cache."""
    b = _Builder("batch_decode")
    q = _arr(q)
    k_cache, v_cache = _arr(k_cache), _arr(v_cache)
    kp, ki, kl = _arr(kv_indptr), _arr(kv_indices), _arr(kv_last_page_len)
    _rank("q", q, 3, "[B, Hq, D]")
    hq = _heads("q", q, 1, "number of query heads")
    d = _head_dim("q", q, 2)
    dt = _float("q", q)
    batch = int(q.shape[0])
    b.operand("q", q, [None, hq, d])
    hkv, dv = _paged_kv(b, layout, k_cache, v_cache, q, d, "q", batch, kp, ki, kl)
    if hq % hkv:
        raise ValueError("q: the number of query heads (%d) must be a multiple of the number "
                         "of key/value heads of k_cache (%d)" % (hq, hkv))
    _attention_common(b, hq, d, batch, [None], (batch,), causal=causal, window=window,
                      softcap=softcap, alibi_slopes=alibi_slopes, scale=scale,
                      score_mod=score_mod, mask_mod=mask_mod, normalizer=normalizer,
                      sigmoid_bias=sigmoid_bias, rope=rope, positions=positions,
                      return_lse=return_lse)
    _results(b, [None, hq, dv], (batch, hq, dv), dt, [None, hq], (batch, hq), return_lse)
    return b.build(func_name)


def _vllm_caches(k_cache, v_cache):
    _rank("k_cache", k_cache, 5, "[num_blocks, Hkv, D / x, block_size, x] (vLLM)")
    _rank("v_cache", v_cache, 4, "[num_blocks, Hkv, Dv, block_size] (vLLM)")
    hkv = _heads("k_cache", k_cache, 1, "number of key/value heads")
    dx, bs, x = (int(s) for s in k_cache.shape[2:])
    if bs < 1:
        raise ValueError("k_cache: the block size (dimension 3) must be at least 1, got shape %s"
                         % (_shape(k_cache),))
    if dx < 1 or x < 1 or dx * x > MAX_HEAD_DIM:
        raise ValueError("k_cache: D / x (dimension 2) and x (dimension 4) must be positive "
                         "with D = (D / x) * x at most %d, got shape %s"
                         % (MAX_HEAD_DIM, _shape(k_cache)))
    dv = _head_dim("v_cache", v_cache, 2)
    _dim("v_cache", v_cache, 0, k_cache.shape[0], "the number of blocks of k_cache")
    _dim("v_cache", v_cache, 1, hkv, "the number of key/value heads of k_cache")
    _dim("v_cache", v_cache, 3, bs, "the block size of k_cache")
    return hkv, dx, bs, x, dv


def paged_attention(q, k_cache, v_cache, block_tables, context_lens, causal=False,
                    window=(-1, -1), softcap=None, alibi_slopes=None, scale=None,
                    return_lse=False, score_mod=None, mask_mod=None, normalizer="softmax",
                    sigmoid_bias=None, rope=None, positions=None, func_name=None):
    """attn.paged_attention: vLLM decode over block caches."""
    b = _Builder("paged_attention")
    q, k_cache, v_cache = _arr(q), _arr(k_cache), _arr(v_cache)
    bt, cl = _arr(block_tables), _arr(context_lens)
    _rank("q", q, 3, "[B, Hq, D]")
    hq = _heads("q", q, 1, "number of query heads")
    d = _head_dim("q", q, 2)
    dt = _float("q", q)
    hkv, dx, bs, x, dv = _vllm_caches(k_cache, v_cache)
    if dx * x != d:
        raise ValueError("k_cache: head dimension (D / x) * x = %d * %d = %d must equal the "
                         "head dimension of q (%d)" % (dx, x, dx * x, d))
    if hq % hkv:
        raise ValueError("q: the number of query heads (%d) must be a multiple of the number "
                         "of key/value heads of k_cache (%d)" % (hq, hkv))
    _same_dtype("k_cache", k_cache, "q", q)
    _same_dtype("v_cache", v_cache, "q", q)
    _index("block_tables", bt, 2, "[B, max_blocks_per_seq]")
    _index("context_lens", cl, 1, "[B]")
    batch = int(q.shape[0])
    _dim("block_tables", bt, 0, batch, "the batch size of q")
    _dim("context_lens", cl, 0, batch, "the batch size of q")
    b.operand("q", q, [None, hq, d])
    b.operand("k_cache", k_cache, [None, hkv, dx, bs, x])
    b.operand("v_cache", v_cache, [None, hkv, dv, bs])
    b.operand("block_tables", bt, [None, None])
    b.operand("context_lens", cl, [None])
    _attention_common(b, hq, d, batch, [None], (batch,), causal=causal, window=window,
                      softcap=softcap, alibi_slopes=alibi_slopes, scale=scale,
                      score_mod=score_mod, mask_mod=mask_mod, normalizer=normalizer,
                      sigmoid_bias=sigmoid_bias, rope=rope, positions=positions,
                      return_lse=return_lse)
    _results(b, [None, hq, dv], (batch, hq, dv), dt, [None, hq], (batch, hq), return_lse)
    return b.build(func_name)


def mla_decode(q_nope, q_pe, ckv_cache, kpe_cache, kv_indptr, kv_indices, kv_last_page_len,
               scale=None, causal=False, window=(-1, -1), softcap=None, alibi_slopes=None,
               return_lse=False, score_mod=None, mask_mod=None, normalizer="softmax",
               sigmoid_bias=None, func_name=None):
    """attn.mla_decode: DeepSeek MLA decode with absorbed weights."""
    b = _Builder("mla_decode")
    qn, qp = _arr(q_nope), _arr(q_pe)
    ckv, kpe = _arr(ckv_cache), _arr(kpe_cache)
    kp, ki, kl = _arr(kv_indptr), _arr(kv_indices), _arr(kv_last_page_len)
    _rank("q_nope", qn, 3, "[B, H, Dc]")
    _rank("q_pe", qp, 3, "[B, H, Dr]")
    _rank("ckv_cache", ckv, 3, "[num_pages, page_size, Dc]")
    _rank("kpe_cache", kpe, 3, "[num_pages, page_size, Dr]")
    h = _heads("q_nope", qn, 1)
    dc = _head_dim("q_nope", qn, 2, "latent dimension Dc")
    dr = _head_dim("q_pe", qp, 2, "rotary dimension Dr")
    if dc + dr > MAX_HEAD_DIM:
        raise ValueError("q_pe: Dc + Dr = %d exceeds %d" % (dc + dr, MAX_HEAD_DIM))
    _dim("q_pe", qp, 0, qn.shape[0], "the batch size of q_nope")
    _dim("q_pe", qp, 1, h, "the number of heads of q_nope")
    _dim("ckv_cache", ckv, 2, dc, "the latent dimension Dc of q_nope")
    _dim("kpe_cache", kpe, 2, dr, "the rotary dimension Dr of q_pe")
    _dim("kpe_cache", kpe, 0, ckv.shape[0], "the number of pages of ckv_cache")
    _dim("kpe_cache", kpe, 1, ckv.shape[1], "the page size of ckv_cache")
    page = int(ckv.shape[1])
    if page < 1:
        raise ValueError("ckv_cache: the page size (dimension 1) must be at least 1, got shape %s"
                         % (_shape(ckv),))
    dt = _float("q_nope", qn)
    _same_dtype("q_pe", qp, "q_nope", qn)
    _same_dtype("ckv_cache", ckv, "q_nope", qn)
    _same_dtype("kpe_cache", kpe, "q_nope", qn)
    batch = int(qn.shape[0])
    _index("kv_indptr", kp, 1, "[B + 1]")
    _index("kv_indices", ki, 1, "[num_used_pages]")
    _index("kv_last_page_len", kl, 1, "[B]")
    _dim("kv_indptr", kp, 0, batch + 1, "the batch size of q_nope plus one")
    _dim("kv_last_page_len", kl, 0, batch, "the batch size of q_nope")
    b.operand("q_nope", qn, [None, h, dc])
    b.operand("q_pe", qp, [None, h, dr])
    b.operand("ckv_cache", ckv, [None, page, dc])
    b.operand("kpe_cache", kpe, [None, page, dr])
    b.operand("kv_indptr", kp, [None])
    b.operand("kv_indices", ki, [None])
    b.operand("kv_last_page_len", kl, [None])
    _attention_common(b, h, dc + dr, batch, [None], (batch,), causal=causal, window=window,
                      softcap=softcap, alibi_slopes=alibi_slopes, scale=scale,
                      score_mod=score_mod, mask_mod=mask_mod, normalizer=normalizer,
                      sigmoid_bias=sigmoid_bias, return_lse=return_lse, allow_rope=False)
    _results(b, [None, h, dc], (batch, h, dc), dt, [None, h], (batch, h), return_lse)
    return b.build(func_name)


def linear_attention(q, k, v, kind="hstu", cu_seqlens=None, causal=None, scale=None,
                     bias=None, silu_norm=None, decay=None, initial_state=None,
                     return_final_state=False, func_name=None):
    """attn.linear_attention: HSTU or Lightning, dense [B, S, H, D] or ragged."""
    b = _Builder("linear_attention")
    q, k, v, cu = _arr(q), _arr(k), _arr(v), _arr(cu_seqlens)
    if kind not in ("hstu", "lightning"):
        raise ValueError('kind: expected "hstu" or "lightning", got %r' % (kind,))
    ragged = cu is not None
    if ragged:
        _rank("q", q, 3, "[T, H, D] (ragged)")
        _rank("k", k, 3, "[T, H, D] (ragged)")
        _rank("v", v, 3, "[T, H, Dv] (ragged)")
        _index("cu_seqlens", cu, 1, "[B + 1]")
        _nonempty_indptr("cu_seqlens", cu)
        batch = int(cu.shape[0]) - 1
        lead = [None]
    else:
        _rank("q", q, 4, "[B, S, H, D]")
        _rank("k", k, 4, "[B, S, H, D]")
        _rank("v", v, 4, "[B, S, H, Dv]")
        batch = int(q.shape[0])
        lead = [None, None]
    hax = len(q.shape) - 2
    for i in range(hax):
        _dim("k", k, i, q.shape[i], "the matching dimension of q")
        _dim("v", v, i, q.shape[i], "the matching dimension of q")
    heads = _heads("q", q, hax)
    _dim("k", k, hax, heads, "the number of heads of q")
    _dim("v", v, hax, heads, "the number of heads of q")
    d = _head_dim("q", q, hax + 1)
    dv = _head_dim("v", v, hax + 1)
    _dim("k", k, hax + 1, d, "the head dimension of q")
    dt = _float("q", q)
    _same_dtype("k", k, "q", q)
    _same_dtype("v", v, "q", q)
    b.operand("q", q, lead + [heads, d])
    b.operand("k", k, lead + [heads, d])
    b.operand("v", v, lead + [heads, dv])
    if ragged:
        b.operand("cu_seqlens", cu, [None])
    b.attr("kind", "#attn.linear_kind<%s>" % kind)
    if scale is not None:
        b.attr("scale", fmt_f32(_positive_finite("scale", scale)) + " : f32")

    out_shape = _shape(v)
    final = False
    if kind == "hstu":
        for name, val in (("decay", decay), ("initial_state", initial_state)):
            if val is not None:
                raise ValueError('%s: belongs to kind="lightning", not "hstu"' % name)
        if return_final_state:
            raise ValueError('return_final_state: belongs to kind="lightning", not "hstu"')
        if causal:
            b.attr("causal")
        lengths = None
        if ragged and isinstance(cu, np.ndarray) and cu.shape[0] > 1:
            lengths = np.diff(cu.astype(np.int64))
        elif not ragged:
            lengths = np.array([q.shape[1]])
        # Without silu_norm the kernel reads N (the longest sequence) at run
        # time, so one kernel serves every batch.
        if silu_norm is not None:
            if (isinstance(silu_norm, bool) or int(silu_norm) != silu_norm
                    or int(silu_norm) <= 0):
                raise ValueError("silu_norm: must be a positive integer, got %r"
                                 % (silu_norm,))
            b.attr("silu_norm", "%d : i64" % int(silu_norm))
        if bias is not None:
            bb = _arr(bias)
            _rank("bias", bb, 4, "[B, H, L, L]")
            _float("bias", bb)
            _dim("bias", bb, 0, batch, "the batch size")
            _dim("bias", bb, 1, heads, "the number of heads")
            _dim("bias", bb, 3, bb.shape[2], "its dimension 2 (L)")
            longest = int(lengths.max()) if lengths is not None and lengths.size else 0
            if bb.shape[2] < longest:
                raise ValueError("bias: covers %d positions (L) but the longest sequence has %d"
                                 % (bb.shape[2], longest))
            b.operand("bias", bb, [None, heads, None, None])
    else:
        if bias is not None:
            raise ValueError('bias: belongs to kind="hstu", not "lightning"')
        if silu_norm is not None:
            raise ValueError('silu_norm: belongs to kind="hstu", not "lightning"')
        if causal is False:
            raise ValueError("causal: lightning attention is causal by construction")
        b.attr("causal")
        if decay is None:
            raise ValueError("decay: lightning attention requires per-head decay rates [H]")
        dc = _f32_param("decay", decay)
        if _shape(dc) != (heads,):
            raise ValueError("decay: expected shape [H] = (%d,), got %s" % (heads, _shape(dc)))
        b.operand("decay", dc, [heads])
        state_shape = (batch, heads, d, dv)
        if initial_state is not None:
            s0 = _f32_param("initial_state", initial_state)
            if _shape(s0) != state_shape:
                raise ValueError("initial_state: expected shape [B, H, D, Dv] = %s, got %s"
                                 % (state_shape, _shape(s0)))
            b.operand("initial_state", s0, [None, heads, d, dv])
        final = bool(return_final_state)
    b.result("out", lead + [heads, dv], dt, out_shape)
    if final:
        b.result("final_state", [None, heads, d, dv], "f32", (batch, heads, d, dv))
    return b.build(func_name)


def append_kv(k, v, k_cache, v_cache, slot_mapping=None, batch_indices=None, positions=None,
              kv_indptr=None, kv_indices=None, kv_last_page_len=None, layout="NHD", rope=None,
              func_name=None):
    """attn.append_kv: write new tokens into a paged cache (in place)."""
    b = _Builder("append_kv")
    k, v, k_cache, v_cache = _arr(k), _arr(v), _arr(k_cache), _arr(v_cache)
    _rank("k", k, 3, "[T, Hkv, D]")
    _rank("v", v, 3, "[T, Hkv, Dv]")
    hkv = _heads("k", k, 1, "number of key/value heads")
    d = _head_dim("k", k, 2)
    dv = _head_dim("v", v, 2)
    _dim("v", v, 0, k.shape[0], "the number of tokens of k")
    _dim("v", v, 1, hkv, "the number of heads of k")
    _float("k", k)
    _same_dtype("v", v, "k", k)
    layout = _layout("layout", layout, ("nhd", "hnd", "vllm"))
    if layout == "vllm":
        chkv, dx, bs, x, cdv = _vllm_caches(k_cache, v_cache)
        cd = dx * x
        kdims, vdims = [None, chkv, dx, bs, x], [None, chkv, cdv, bs]
    else:
        page, chkv, cd = _paged_cache("k_cache", k_cache, layout)
        vpage, vhkv, cdv = _paged_cache("v_cache", v_cache, layout)
        _dim("v_cache", v_cache, 0, k_cache.shape[0], "the number of pages of k_cache")
        if (vpage, vhkv) != (page, chkv):
            raise ValueError("v_cache: shape %s must have the page size and number of heads of "
                             "k_cache %s" % (_shape(v_cache), _shape(k_cache)))
        kdims = [None, page, chkv, cd] if layout == "nhd" else [None, chkv, page, cd]
        vdims = [None, page, chkv, cdv] if layout == "nhd" else [None, chkv, page, cdv]
    if (chkv, cd) != (hkv, d):
        raise ValueError("k_cache: holds %d heads of dim %d but k has %d heads of dim %d"
                         % (chkv, cd, hkv, d))
    if cdv != dv:
        raise ValueError("v_cache: holds values of dim %d but v has dim %d" % (cdv, dv))
    _same_dtype("k_cache", k_cache, "k", k)
    _same_dtype("v_cache", v_cache, "k", k)
    for name, c in (("k_cache", k_cache), ("v_cache", v_cache)):
        if isinstance(c, np.ndarray) and not (c.flags.c_contiguous and c.flags.writeable):
            raise ValueError("%s: is updated in place, so it must be a C-contiguous, "
                             "writeable array" % name)
    b.operand("k", k, [None, hkv, d])
    b.operand("v", v, [None, hkv, dv])
    b.operand("k_cache", k_cache, kdims)
    b.operand("v_cache", v_cache, vdims)
    b.inplace["k_cache"] = "k_cache_out"
    b.inplace["v_cache"] = "v_cache_out"
    tokens = int(k.shape[0])

    sm = _arr(slot_mapping)
    bi, pos, kp, ki = _arr(batch_indices), _arr(positions), _arr(kv_indptr), _arr(kv_indices)
    if sm is not None:
        for name, val in (("batch_indices", bi), ("kv_indptr", kp), ("kv_indices", ki)):
            if val is not None:
                raise ValueError("%s: give either slot_mapping or the page-table arguments "
                                 "(batch_indices, positions, kv_indptr, kv_indices), not both"
                                 % name)
        _index("slot_mapping", sm, 1, "[T]")
        _dim("slot_mapping", sm, 0, tokens, "the number of tokens of k")
        b.operand("slot_mapping", sm, [None])
        if pos is not None:
            if rope is None:
                raise ValueError("positions: with slot_mapping, only meaningful with rope")
            _index("positions", pos, 1, "[T]")
            _dim("positions", pos, 0, tokens, "the number of tokens of k")
            b.operand("positions", pos, [None])
    else:
        for name, val in (("batch_indices", bi), ("positions", pos), ("kv_indptr", kp),
                          ("kv_indices", ki)):
            if val is None:
                raise ValueError("%s: append_kv needs slot_mapping or all of batch_indices, "
                                 "positions, kv_indptr and kv_indices" % name)
        _index("batch_indices", bi, 1, "[T]")
        _index("positions", pos, 1, "[T]")
        _index("kv_indptr", kp, 1, "[B + 1]")
        _index("kv_indices", ki, 1, "[num_used_pages]")
        _dim("batch_indices", bi, 0, tokens, "the number of tokens of k")
        _dim("positions", pos, 0, tokens, "the number of tokens of k")
        _nonempty_indptr("kv_indptr", kp)
        if kv_last_page_len is not None:
            kl = _arr(kv_last_page_len)
            _index("kv_last_page_len", kl, 1, "[B]")
            _dim("kv_last_page_len", kl, 0, kp.shape[0] - 1, "the batch size (len(kv_indptr) - 1)")
        b.operand("batch_indices", bi, [None])
        b.operand("positions", pos, [None])
        b.operand("kv_indptr", kp, [None])
        b.operand("kv_indices", ki, [None])
    if rope is not None and rope is not False:
        if pos is None:
            raise ValueError("positions: rope needs the token positions")
        b.attr("rope", _rope_value(_as_rope(rope, d)))
    b.attr("layout", "#attn.kv_layout<%s>" % layout)
    cache_dt = _dtypes.name_of(k_cache.dtype)
    b.result("k_cache_out", kdims, cache_dt, _shape(k_cache))
    b.result("v_cache_out", vdims, cache_dt, _shape(v_cache))
    return b.build(func_name)


def merge_states(values, lses, func_name=None):
    """attn.merge_states: values [..., H, D] and LSEs [..., H] of disjoint
    key sets -> (merged value, merged LSE)."""
    values = [_arr(x) for x in values]
    lses = [_arr(x) for x in lses]
    if not values:
        raise ValueError("values: expected at least one state")
    if len(values) != len(lses):
        raise ValueError("lses: expected one LSE per value, got %d values and %d LSEs"
                         % (len(values), len(lses)))
    n = len(values)
    vnames = ["v_%d" % i for i in range(n)]
    snames = ["s_%d" % i for i in range(n)]
    if n == 2:
        vnames, snames = ["v_a", "v_b"], ["s_a", "s_b"]
    v0 = values[0]
    if len(v0.shape) < 2:
        raise ValueError("%s: expected at least 2 dims [..., H, D], got shape %s"
                         % (vnames[0], _shape(v0)))
    dt = _float(vnames[0], v0)
    for name, x in zip(vnames[1:], values[1:]):
        if _shape(x) != _shape(v0):
            raise ValueError("%s: shape %s must equal the shape of %s %s"
                             % (name, _shape(x), vnames[0], _shape(v0)))
        _same_dtype(name, x, vnames[0], v0)
    lse_shape = _shape(v0)[:-1]
    for name, x in zip(snames, lses):
        if _shape(x) != lse_shape:
            raise ValueError("%s: expected shape %s (the value's shape without D), got %s"
                             % (name, lse_shape, _shape(x)))
        if _dtypes.name_of(x.dtype) != "f32":
            raise ValueError("%s: LSEs must be float32, got %s" % (name, x.dtype))
    h = _heads(vnames[0], v0, len(v0.shape) - 2)
    d = _head_dim(vnames[0], v0, len(v0.shape) - 1)
    lead = [None] * (len(v0.shape) - 2)
    b = _Builder("merge_states")
    b.operand_group("values", [(nm, x, lead + [h, d]) for nm, x in zip(vnames, values)])
    b.operand_group("lse", [(nm, x, lead + [h]) for nm, x in zip(snames, lses)])
    b.result("out", lead + [h, d], dt, _shape(v0))
    b.result("lse", lead + [h], "f32", lse_shape)
    return b.build(func_name)


BUILDERS = {
    "prefill": prefill,
    "batch_prefill": batch_prefill,
    "batch_decode": batch_decode,
    "paged_attention": paged_attention,
    "mla_decode": mla_decode,
    "linear_attention": linear_attention,
    "append_kv": append_kv,
    "merge_states": merge_states,
}


def build(op_name, *args, **kwargs):
    """The OpIR of one op call (see the builders for the arguments)."""
    try:
        builder = BUILDERS[op_name]
    except KeyError:
        raise ValueError("op_name: unknown op %r (expected one of %s)"
                         % (op_name, ", ".join(sorted(BUILDERS))))
    if op_name == "merge_states" and args:
        if len(args) % 2:
            raise ValueError("merge_states: expected (value, lse) pairs")
        kwargs = dict(kwargs)
        kwargs["values"] = list(args[0::2])
        kwargs["lses"] = list(args[1::2])
        args = ()
    return builder(*args, **kwargs)


def build_ir(op_name, *args, **kwargs):
    """The MLIR text of one op call, e.g.
    ``build_ir("prefill", q=q, k=k, v=v, causal=True)``; arrays may be
    ``TensorSpec``s. Same arguments as the functional API."""
    kwargs.pop("checked", None)
    return build(op_name, *args, **kwargs).text
