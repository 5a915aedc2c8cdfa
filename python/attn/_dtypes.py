"""Element types: numpy dtypes <-> manifest names <-> runtime enum <-> MLIR.

numpy has no bfloat16 or float8_e4m3fn; arrays of those types (e.g. from the
``ml_dtypes`` package) are recognized by their dtype name, so they work when
present, but nothing here depends on them.
"""

import importlib

import numpy as np

# name in manifests / runtime.h  ->  (attn_dtype enum value, MLIR type, itemsize)
_TABLE = {
    "f64": (0, "f64", 8),
    "f32": (1, "f32", 4),
    "f16": (2, "f16", 2),
    "bf16": (3, "bf16", 2),
    "f8e4m3fn": (4, "f8E4M3FN", 1),
    "i64": (5, "i64", 8),
    "i32": (6, "i32", 4),
    "i8": (7, "i8", 1),
    "u8": (8, "ui8", 1),
    "i1": (9, "i1", 1),
}

_ENUM_TO_NAME = {v[0]: k for k, v in _TABLE.items()}

# numpy dtype name -> attn name.
_NUMPY_TO_NAME = {
    "float64": "f64",
    "float32": "f32",
    "float16": "f16",
    "bfloat16": "bf16",
    "float8_e4m3fn": "f8e4m3fn",
    "int64": "i64",
    "int32": "i32",
    "int8": "i8",
    "uint8": "u8",
    "bool": "i1",
}

_NAME_TO_NUMPY = {
    "f64": np.dtype(np.float64),
    "f32": np.dtype(np.float32),
    "f16": np.dtype(np.float16),
    "i64": np.dtype(np.int64),
    "i32": np.dtype(np.int32),
    "i8": np.dtype(np.int8),
    "u8": np.dtype(np.uint8),
    "i1": np.dtype(np.bool_),
}

def name_of_torch(dtype):
    """attn dtype name of a torch dtype, or None if unsupported. torch names
    its dtypes as numpy does ("torch.bfloat16" -> "bfloat16")."""
    return _NUMPY_TO_NAME.get(str(dtype).replace("torch.", ""))


def torch_of(name):
    """The torch dtype for an attn dtype name (imports torch)."""
    import torch
    return {"f64": torch.float64, "f32": torch.float32, "f16": torch.float16,
            "bf16": torch.bfloat16, "f8e4m3fn": getattr(torch, "float8_e4m3fn", None),
            "i64": torch.int64, "i32": torch.int32, "i8": torch.int8,
            "u8": torch.uint8, "i1": torch.bool}[name]


FLOAT_NAMES = ("f32", "f16", "bf16")
INDEX_NAMES = ("i32", "i64")


def name_of(dtype):
    """attn dtype name ("f16", ...) of a numpy (or torch) dtype, or None if
    unsupported."""
    if type(dtype).__module__ == "torch":
        return name_of_torch(dtype)
    try:
        dt = np.dtype(dtype)
    except TypeError:
        return None
    return _NUMPY_TO_NAME.get(dt.name)


def enum_of(name):
    return _TABLE[name][0]


def name_of_enum(value):
    return _ENUM_TO_NAME.get(int(value))


def mlir_of(name):
    return _TABLE[name][1]


def numpy_of(name):
    """The numpy dtype for an attn dtype name (KeyError for bf16/f8 unless
    ml_dtypes is importable)."""
    if name in _NAME_TO_NUMPY:
        return _NAME_TO_NUMPY[name]
    if name in ("bf16", "f8e4m3fn"):
        try:
            importlib.import_module("ml_dtypes")  # optional; registers the dtypes
        except ImportError:
            raise KeyError(name)
        return np.dtype("bfloat16" if name == "bf16" else "float8_e4m3fn")
    raise KeyError(name)


def itemsize_of(name):
    return _TABLE[name][2]
