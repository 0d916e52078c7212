#!/usr/bin/python3
"""Golden values from NumPy for the package arrays.

Run it with Debian's python3-numpy (NumPy 1.24), from anywhere:

    /usr/bin/python3 test/golden/generate.py        # or: go generate ./arrays

It writes JSON files under arrays/testdata/golden/, one per group of
functions, and manifest.json with the SHA-256 of this script, so that the Go
test (arrays/golden_test.go) can tell when the data is stale. The Go tests do
not need Python.

A file is {"group": ..., "cases": [case, ...]}. A case is

    {"name": unique, "func": Go function name, "args": [arg, ...],
     "kwargs": {...}, "out": array or {"error": true}}

where an arg is
    an array:   {"dtype": "float32", "shape": [2, 3], "data": [...C order...]}
                with an optional "view" ("T" for a matrix transpose,
                "broadcast:2,3" for BroadcastTo, or a NumPy index string such as
                "::2" or ":, ::-1" that Go applies with Index) that makes a
                non-contiguous input from the contiguous base array given, or,
                instead of "data", a "recipe" that Go and NumPy both compute
                bit for bit (see recipe_values);
    a Go number: {"scalar": value, "kind": "bool"|"int"|"float"|"complex"}
                (a weak scalar in the arrays package);
    null:       no value (a missing bound of Clip);
    a list of arrays: {"arrays": [array, ...]} (Concat, Stack);
    a nested Go value: {"nested": ...} (Asarray), with complex numbers as
                {"c": [re, im]}.
Values: bools as JSON bools, integers as JSON integers (uint64 included),
floats as JSON numbers printed by Python's repr (exact: they read back to the
same float64; float32 values are written as the float64 of the same value), or
the strings "nan", "inf", "-inf"; -0.0 stays -0.0. Complex values are
[re, im]. A large expected output may give "samples": {"index": [flat C-order
indices], "data": [...]} instead of "data".

Expected values follow our documented behaviour, which is NumPy's except where
a comment below says "documented" (our documented choice) or "STANDARD:" (the
array API standard and NumPy disagree, and the standard wins):
- NumPy 1.24 predates NEP 50. The arrays package treats Go numbers as weak
  scalars (x.Mul(2) keeps x's dtype; a float scalar with an integer array gives
  float64; a complex scalar with float32 gives complex64), so the generator
  casts scalars and arrays explicitly to the dtype the operation computes in
  and never lets NumPy's value-based casting choose. An integer scalar out of
  range of an integer array's dtype is an error (NumPy 2 raises
  OverflowError; NumPy 1.24 wraps).
- Promotion between arrays: the array API standard's table, which NumPy 1.24's
  result_type on dtypes agrees with (int64 with uint64 gives float64).
- Integer and bool input to Sin, Exp, Sqrt, ... (and to Atan2, Hypot,
  Divide, ...) computes in float64 (NumPy: float16 for int8, float32 for
  int16, ...).
- Where the array API standard leaves a choice open (the sign of a zero from
  maximum(-0, +0), Python's or floor(a/b)'s floor_divide of infinities), the
  comment says which we follow.
"""

import hashlib
import json
import math
import os
import warnings

import numpy as np

warnings.simplefilter("ignore")
np.seterr(all="ignore")

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "arrays", "testdata", "golden"))

inf, nan = math.inf, math.nan
pi = math.pi

ALL = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
       "float32", "float64", "complex64", "complex128"]
INTS = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]
FLOATS = ["float32", "float64"]
COMPLEX = ["complex64", "complex128"]

F64, I64, U64, BOOL = np.dtype("float64"), np.dtype("int64"), np.dtype("uint64"), np.dtype("bool")


class Refused(Exception):
    """The arrays package must reject these arguments (a panic in Go)."""


# ---------------------------------------------------------------- encoding

def enc_float(f):
    f = float(f)
    if math.isnan(f):
        return "nan"
    if math.isinf(f):
        return "inf" if f > 0 else "-inf"
    return f


def enc_value(v, dt):
    k = dt.kind
    if k == "b":
        return bool(v)
    if k in "iu":
        return int(v)
    if k == "f":
        return enc_float(v)
    return [enc_float(v.real), enc_float(v.imag)]


def enc_array(a):
    a = np.asarray(a)
    return {"dtype": a.dtype.name, "shape": list(a.shape),
            "data": [enc_value(v, a.dtype) for v in a.ravel()]}


# Outputs larger than this are stored as samples.
FULL_LIMIT = 4096


def sample_indices(n):
    idx = set()
    for b in (0, 8, 16, 32, 32768, 65536, 98304, 131072):
        for d in range(-3, 4):
            idx.add(b + d)
    for d in range(1, 4):
        idx.add(n - d)
    step = max(1, n // 97)
    idx.update(range(0, n, step))
    return sorted(i for i in idx if 0 <= i < n)


def enc_out(a, full=False):
    a = np.asarray(a)
    if a.size <= FULL_LIMIT or full:
        return enc_array(a)
    flat = a.ravel()
    idx = sample_indices(a.size)
    return {"dtype": a.dtype.name, "shape": list(a.shape),
            "samples": {"index": idx, "data": [enc_value(flat[i], a.dtype) for i in idx]}}


# ---------------------------------------------------------------- operands

def apply_view(base, view):
    if view is None:
        return base
    if view == "T":
        return np.swapaxes(base, -1, -2)
    if view.startswith("broadcast:"):
        return np.broadcast_to(base, tuple(int(s) for s in view[len("broadcast:"):].split(",")))
    return eval("base[" + view + "]", {"base": base})


def recipe_values(r, dtype):
    """A recipe: element i (in C order of the base array) is
    k = (i*mul) % mod, as an integer; for integer and bool dtypes k + offset
    converted (wrapping) to the dtype; for floats float64(float64(k)*scale) +
    offset rounded to the dtype (exact in Go and NumPy alike, fused
    multiply-add or not, because scale is a power of two); for complex numbers
    the real part so, and the imaginary part the same with mul_im. "set" lists
    [index, value] pairs that replace elements afterwards (NaN at a chunk
    boundary, say)."""
    n = r["n"]
    i = np.arange(n, dtype=np.int64)
    k = (i * r["mul"]) % r["mod"]
    dt = np.dtype(dtype)
    if dt.kind in "iub":
        v = (k + int(r.get("offset", 0)))
        out = v.astype(dt)
    else:
        re = k.astype(np.float64) * r.get("scale", 1.0) + r.get("offset", 0.0)
        if dt.kind == "c":
            ki = (i * r.get("mul_im", 0)) % r["mod"]
            im = ki.astype(np.float64) * r.get("scale", 1.0)
            out = np.empty(n, dt)
            out.real, out.imag = re, im
        else:
            out = re.astype(dt)
    for j, v in r.get("set", []):
        out[j] = float(v) if isinstance(v, str) else v
    return out


class A:
    """An array argument: a contiguous base, an optional view of it, and the
    NumPy array the view gives."""

    def __init__(self, base, dtype=None, view=None, recipe=None, shape=None):
        self.recipe = recipe
        if recipe is not None:
            b = recipe_values(recipe, dtype)
            if shape is not None:
                b = b.reshape(shape)
            self.base = b
        else:
            self.base = np.array(base, dtype=dtype)
            if shape is not None:
                self.base = self.base.reshape(shape)
        self.view = view
        self.np = apply_view(self.base, view)
        self.dtype = self.np.dtype

    def json(self):
        if self.recipe is not None:
            d = {"dtype": self.base.dtype.name, "shape": list(self.base.shape), "recipe": self.recipe}
        else:
            d = enc_array(self.base)
        if self.view is not None:
            d["view"] = self.view
        return d


class S:
    """A Go number: a weak scalar."""

    def __init__(self, v, kind=None):
        if kind is None:
            kind = {bool: "bool", int: "int", float: "float", complex: "complex"}[type(v)]
        self.v, self.kind = v, kind

    def json(self):
        v = self.v
        if self.kind == "float":
            v = enc_float(v)
        elif self.kind == "complex":
            v = [enc_float(v.real), enc_float(v.imag)]
        return {"scalar": v, "kind": self.kind}

    def default_dtype(self):
        return np.dtype({"bool": "bool", "int": "int64", "float": "float64", "complex": "complex128"}[self.kind])


def arg_json(a):
    if a is None:
        return None
    if isinstance(a, (A, S)):
        return a.json()
    if isinstance(a, list):
        return {"arrays": [x.json() for x in a]}
    raise TypeError(a)


def int_fits(v, dt):
    info = np.iinfo(dt)
    return info.min <= v <= info.max


def weak(dt, kind):
    """dtype.WithScalar: the dtype of an array of dtype dt with a weak scalar."""
    if kind == "bool":
        return dt
    if kind == "int":
        return I64 if dt == BOOL else dt
    if kind == "float":
        return dt if dt.kind in "fc" else F64
    if dt.kind == "c":
        return dt
    return np.dtype("complex64") if dt == np.dtype("float32") else np.dtype("complex128")


def to_dtype(x, dt):
    """The operand x (A or S) as a NumPy array of dtype dt."""
    if isinstance(x, S):
        if dt.kind in "iu" and x.kind == "int" and not int_fits(x.v, dt):
            # NEP 50 (NumPy 2 raises OverflowError); NumPy 1.24 would wrap.
            raise Refused("scalar out of range")
        return np.array(x.v, dtype=dt)
    return x.np.astype(dt)


def operands_dtype(x, y):
    if isinstance(x, A) and isinstance(y, A):
        return np.result_type(x.dtype, y.dtype)
    if isinstance(x, A):
        return weak(x.dtype, y.kind)
    if isinstance(y, A):
        return weak(y.dtype, x.kind)
    return np.result_type(x.default_dtype(), y.default_dtype())


# ---------------------------------------------------------------- cases

class Group:
    def __init__(self, name):
        self.name = name
        self.cases = []
        self.names = set()

    def add(self, name, func, args, out, kwargs=None, full=False):
        base = name
        n = 2
        while name in self.names:
            name = "%s#%d" % (base, n)
            n += 1
        self.names.add(name)
        c = {"name": name, "func": func, "args": [arg_json(a) for a in args]}
        if kwargs:
            c["kwargs"] = kwargs
        if out is None:
            c["out"] = {"error": True}
        elif isinstance(out, dict):
            c["out"] = out
        else:
            c["out"] = enc_out(out, full)
        self.cases.append(c)

    def write(self):
        path = os.path.join(OUT, self.name + ".json")
        with open(path, "w") as f:
            json.dump({"group": self.name, "cases": self.cases}, f, separators=(",", ":"), allow_nan=False)
            f.write("\n")
        return path, len(self.cases)


def attempt(fn):
    """fn's result, or None when it (or NumPy) refuses the arguments."""
    try:
        with np.errstate(all="ignore"):
            r = fn()
            return None if r is None else np.asarray(r)
    except (Refused, ValueError, TypeError, IndexError, ZeroDivisionError, np.AxisError):
        return None


# ---------------------------------------------------------------- special values

F64_SPECIAL = [nan, inf, -inf, 0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 5e-324, -1e-310,
               2.2250738585072014e-308, 1.7976931348623157e308, -1.7976931348623157e308,
               1e300, 1e-300, pi, pi / 2, 0.1, -2.5, 2.5, 3.5, -1.5, 709.5, -745.0, 10.0, 1e-8,
               0.75, -0.75, 0.999999, 1.000001, 9007199254740993.0, 4503599627370495.5,
               0.49999999999999994, 1e16, -1e-16, 100.0, -30.0]
F32_SPECIAL = [nan, inf, -inf, 0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 1e-45, -1e-40,
               1.1754944e-38, 3.4028235e38, -3.4028235e38, 1e30, 1e-30, pi, pi / 2, 0.1, -2.5,
               2.5, 3.5, -1.5, 88.5, -103.0, 10.0, 1e-5, 0.75, -0.75, 0.999, 1.001, 16777217.0,
               4194304.5, 0.49999997, 1e7, -1e-7, 100.0, -30.0]
# Smaller sets for the Cartesian products of binary functions.
F64_PAIR = [nan, inf, -inf, 0.0, -0.0, 1.0, -1.0, 2.5, -0.75, 5e-324, 1e300, 1.7976931348623157e308, 3.0, -7.0]
F32_PAIR = [nan, inf, -inf, 0.0, -0.0, 1.0, -1.0, 2.5, -0.75, 1e-45, 1e30, 3.4028235e38, 3.0, -7.0]

COMPLEX_FINITE = [0.5 + 0.5j, -1.5 + 2j, 3 - 0.25j, 1e-5 + 1e-5j, -0.0 + 1j, 1 + 0j, -1 + 0j,
                  -1 - 0j, 0j, 2.5 - 3.5j, -0.3 - 0.7j, 0.1 + 0j, -4 + 0.001j, 0.25 - 1.75j,
                  1e-3 - 2e-3j, 0.9 + 0.1j]
# C99 Annex G special values. The standard's special cases for complex
# arguments are C99's, and NumPy 1.24 calls glibc's C99 functions for these
# (csqrt, cexp, clog, csin, ... ), so NumPy's values are the standard's.
COMPLEX_SPECIAL = [complex(inf, 0.0), complex(-inf, 0.0), complex(0.0, inf), complex(nan, 0.0),
                   complex(0.0, nan), complex(inf, inf), complex(inf, nan), complex(nan, inf),
                   complex(-inf, nan), complex(1.0, inf), complex(1.0, nan), complex(nan, nan),
                   complex(-0.0, 0.0), complex(0.0, -0.0), complex(-0.0, -0.0), complex(-inf, inf),
                   complex(-inf, 1.0), complex(inf, -1.0), complex(-2.0, 0.0), complex(-2.0, -0.0)]


def int_special(dt):
    info = np.iinfo(dt)
    vals = [info.min, info.min + 1, -100, -7, -2, -1, 0, 1, 2, 3, 7, 100, info.max - 1, info.max]
    return [v for v in vals if info.min <= v <= info.max]


def special(dt):
    dt = np.dtype(dt)
    if dt.kind == "b":
        return [False, True, True, False]
    if dt.kind in "iu":
        return int_special(dt)
    if dt == np.float32:
        return F32_SPECIAL
    if dt == np.float64:
        return F64_SPECIAL
    return COMPLEX_FINITE + COMPLEX_SPECIAL


def pair_values(dt):
    dt = np.dtype(dt)
    if dt.kind == "b":
        return [False, True]
    if dt.kind in "iu":
        info = np.iinfo(dt)
        vals = [info.min, -7, -1, 0, 1, 3, 5, info.max]
        return sorted(set(v for v in vals if info.min <= v <= info.max))
    if dt == np.float32:
        return F32_PAIR
    if dt == np.float64:
        return F64_PAIR
    return [0j, 1 + 0j, -1 + 0j, 0.5 + 0.5j, -2 + 3j, 1.5 - 0.25j, -0.0 - 1j, 3 + 0j, 2j]


def cartesian(dt, vals1, vals2):
    x = [a for a in vals1 for _ in vals2]
    y = [b for _ in vals1 for b in vals2]
    return A(x, dt), A(y, dt)


# ---------------------------------------------------------------- element-wise: unary

UMATH = {  # integer and bool input computes in float64 (our documented choice;
    # NumPy would give float16 for int8, float32 for int16, ...)
    "Sqrt": np.sqrt, "Exp": np.exp, "Expm1": np.expm1, "Exp2": np.exp2, "Log": np.log,
    "Log1p": np.log1p, "Log2": np.log2, "Log10": np.log10, "Sin": np.sin, "Cos": np.cos,
    "Tan": np.tan, "Asin": np.arcsin, "Acos": np.arccos, "Atan": np.arctan, "Sinh": np.sinh,
    "Cosh": np.cosh, "Tanh": np.tanh, "Asinh": np.arcsinh, "Acosh": np.arccosh,
    "Atanh": np.arctanh,
    # Reciprocal of integers gives float64 (documented); NumPy's reciprocal
    # of integers is an integer reciprocal.
    "Reciprocal": np.reciprocal,
}
# Functions whose complex versions NumPy computes with its own formulas rather
# than glibc's C99 functions: only finite arguments are compared for them
# (their special values are checked separately, against the standard).
COMPLEX_FORMULA = {"Expm1", "Log1p", "Exp2", "Log2", "Log10", "Reciprocal"}


def std_complex_sign(z):
    # STANDARD: sign(z) = z/|z| for complex z (0 for 0, NaN+NaN j if either
    # part is NaN). DIFFERS from NumPy 1.24, whose sign gives the sign of the
    # real part (NumPy 2 follows the standard).
    z = np.asarray(z)
    out = np.empty_like(z)
    for i, v in np.ndenumerate(z):
        if math.isnan(v.real) or math.isnan(v.imag):
            out[i] = complex(nan, nan)
        elif v == 0:
            out[i] = 0
        else:
            a = abs(complex(v))
            out[i] = complex(v.real / a, v.imag / a)
    return out


def accurate_complex_log1p(z):
    # NumPy 1.24 computes log1p(z) for complex z as log(|1+z|) + i*arg(1+z),
    # which loses most digits of the real part when |z| is small; the
    # standard asks for accuracy near zero. The reference here computes
    # |1+z|^2 - 1 = 2x + x^2 + y^2 exactly (fractions) and then log1p of it,
    # in float64 (rounded to complex64 for complex64). Finite arguments only.
    from fractions import Fraction
    out = np.empty(z.shape, np.complex128)
    for i, v in np.ndenumerate(z):
        x, y = float(v.real), float(v.imag)
        t = float(2 * Fraction(x) + Fraction(x) ** 2 + Fraction(y) ** 2)
        out[i] = complex(0.5 * math.log1p(t) if t > -1 else -inf, math.atan2(y, 1.0 + x))
    return out.astype(z.dtype)


def unary_expected(fname, x):
    xv = x.np
    dt = xv.dtype
    k = dt.kind
    if fname == "Log1p" and k == "c":
        return accurate_complex_log1p(xv)
    if fname in UMATH:
        if k in "biu":
            xv = xv.astype(F64)
        return UMATH[fname](xv)
    if fname in ("Negative", "Positive", "Square", "Sign"):
        if k == "b":
            raise Refused("not for bool")
        if fname == "Sign" and k == "c":
            return std_complex_sign(xv)
        return {"Negative": np.negative, "Positive": np.positive, "Square": np.square,
                "Sign": np.sign}[fname](xv)
    if fname == "Abs":
        return np.abs(xv)
    if fname in ("Floor", "Ceil", "Trunc", "Round"):
        if k == "c" and fname != "Round":
            raise Refused("complex")
        if k in "biu":
            # STANDARD: rounding an integer (or bool) array returns it
            # unchanged, in its dtype. DIFFERS from NumPy 1.24, which gives
            # float16 for int8 (and float for other integers).
            return xv.copy()
        return {"Floor": np.floor, "Ceil": np.ceil, "Trunc": np.trunc, "Round": np.rint}[fname](xv)
    if fname == "Signbit":
        if k == "c":
            raise Refused("complex")
        if k in "biu":
            return xv < 0
        return np.signbit(xv)
    if fname in ("IsNaN", "IsInf", "IsFinite"):
        if k in "biu":
            return np.full(xv.shape, fname == "IsFinite")
        return {"IsNaN": np.isnan, "IsInf": np.isinf, "IsFinite": np.isfinite}[fname](xv)
    if fname == "LogicalNot":
        return np.logical_not(xv)
    if fname == "BitwiseInvert":
        if k not in "biu":
            raise Refused("not integer")
        return np.invert(xv)
    if fname == "Conj":
        return np.conj(xv) if k == "c" else xv.copy()
    if fname == "Real":
        return np.real(xv).copy()
    if fname == "Imag":
        return np.imag(xv).copy() if k == "c" else np.zeros_like(xv)
    raise KeyError(fname)


UNARY_ALL = list(UMATH) + ["Abs", "Negative", "Positive", "Square", "Floor", "Ceil", "Trunc",
                           "Round", "Sign", "Signbit", "IsNaN", "IsInf", "IsFinite",
                           "LogicalNot", "BitwiseInvert", "Conj", "Real", "Imag"]


def gen_unary():
    g = Group("elementwise_unary")

    def case(name, fname, x, full=False):
        g.add(name, fname, [x], attempt(lambda: unary_expected(fname, x)), full=full)

    for fname in UNARY_ALL:
        for dt in ALL:
            vals = special(dt)
            if dt in COMPLEX:
                vals = COMPLEX_FINITE
                if fname not in COMPLEX_FORMULA and fname != "Sign":
                    case("%s/%s/special" % (fname, dt), fname, A(COMPLEX_SPECIAL, dt))
            case("%s/%s/values" % (fname, dt), fname, A(vals, dt))
        # Empty and 0-d arrays, non-contiguous views.
        case("%s/float64/empty" % fname, fname, A(np.zeros((0, 3)), "float64"))
        case("%s/int32/empty" % fname, fname, A(np.zeros((2, 0), dtype=np.int32)))
        case("%s/float64/0d" % fname, fname, A(0.75, "float64"))
        case("%s/float32/0d" % fname, fname, A(-2.5, "float32"))
        base = np.linspace(-3.5, 3.5, 24).reshape(4, 6)
        case("%s/float64/T" % fname, fname, A(base, "float64", view="T"))
        case("%s/float32/rev" % fname, fname, A(base, "float32", view=":, ::-1"))
        case("%s/float64/step2" % fname, fname, A(base.ravel(), "float64", view="::2"))
        case("%s/int16/step3" % fname, fname, A(np.arange(-20, 20), "int16", view="1::3"))
        case("%s/complex128/T" % fname, fname, A(base[:, :3] + 1j * base[:, 3:], "complex128", view="T"))
        case("%s/float64/broadcast" % fname, fname, A([0.25, -1.0, 4.0], "float64", view="broadcast:2,3"))

    # STANDARD: the special cases of expm1 and log1p for complex arguments
    # (the standard's lists, leaving out entries with unspecified signs).
    # NumPy 1.24 computes both by formulas that miss some: expm1(+inf+0j)
    # is +inf+0j (NumPy: inf+nanj), expm1(NaN+0j) is NaN+0j (NumPy: nan+nanj).
    c = complex
    for dt in COMPLEX:
        pairs = [(c(0.0, 0.0), c(0.0, 0.0)), (c(inf, 0.0), c(inf, 0.0)), (c(-inf, 0.0), c(-1.0, 0.0)),
                 (c(-inf, 1.0), c(-1.0, 0.0)), (c(nan, 0.0), c(nan, 0.0)), (c(nan, 1.0), c(nan, nan)),
                 (c(1.0, inf), c(nan, nan)), (c(1.0, nan), c(nan, nan)), (c(nan, nan), c(nan, nan)),
                 (c(inf, 1.0), c(inf, inf)), (c(inf, -2.0), c(-inf, -inf))]
        g.add("Expm1/%s/standard" % dt, "Expm1", [A([p[0] for p in pairs], dt)], np.array([p[1] for p in pairs], dt))
        pairs = [(c(-1.0, 0.0), c(-inf, 0.0)), (c(0.0, 0.0), c(0.0, 0.0)), (c(1.0, inf), c(inf, pi / 2)),
                 (c(1.0, nan), c(nan, nan)), (c(-inf, 2.0), c(inf, pi)), (c(inf, 2.0), c(inf, 0.0)),
                 (c(-inf, inf), c(inf, 3 * pi / 4)), (c(inf, inf), c(inf, pi / 4)), (c(inf, nan), c(inf, nan)),
                 (c(-inf, nan), c(inf, nan)), (c(nan, 1.0), c(nan, nan)), (c(nan, inf), c(inf, nan)),
                 (c(nan, nan), c(nan, nan))]
        g.add("Log1p/%s/standard" % dt, "Log1p", [A([p[0] for p in pairs], dt)], np.array([p[1] for p in pairs], dt))

    # Sizes that cross SIMD widths, and worker chunk boundaries (kernels.Grain
    # is 32768 elements).
    for n in (1, 7, 8, 9, 15, 16, 17, 31, 33, 63, 65):
        v = np.linspace(-4, 4, n)
        case("Sqrt/float64/n%d" % n, "Sqrt", A(np.abs(v), "float64"))
        case("Exp/float32/n%d" % n, "Exp", A(v, "float32"))
        case("Abs/float32/n%d" % n, "Abs", A(v, "float32"))
        case("Negative/int8/n%d" % n, "Negative", A(np.arange(n) - 3, "int8"))
        case("IsNaN/float64/n%d" % n, "IsNaN", A(np.where(np.arange(n) % 3 == 0, nan, v), "float64"))
    for n in (32767, 32768, 32769, 65537, 100003):
        r = {"n": n, "mul": 7919, "mod": 4096, "scale": 2.0 ** -7, "offset": -16.0}
        case("Sin/float64/n%d" % n, "Sin", A(None, "float64", recipe=r))
        case("Sqrt/float32/n%d" % n, "Sqrt", A(None, "float32", recipe=dict(r, offset=0.0)))
        case("Negative/int32/n%d" % n, "Negative", A(None, "int32", recipe={"n": n, "mul": 7919, "mod": 100000, "offset": -50000}))
        case("Round/float64/n%d" % n, "Round", A(None, "float64", recipe=r))
    r = {"n": 2 * 32769, "mul": 7919, "mod": 4096, "scale": 2.0 ** -7, "offset": -16.0}
    case("Exp/float64/strided-n32769", "Exp", A(None, "float64", recipe=r, view="::2"))
    case("Abs/float32/reversed-2d", "Abs", A(None, "float32", recipe=dict(r, n=300 * 301), shape=(300, 301), view="::-1, 1:"))
    case("Floor/float64/T-2d", "Floor", A(None, "float64", recipe=dict(r, n=200 * 333), shape=(200, 333), view="T"))
    case("Sqrt/float64/n32769-integers", "Sqrt", A(None, "float64", recipe={"n": 32769, "mul": 1, "mod": 1 << 20, "scale": 1.0}))

    # Clip: x, lo, hi (Go numbers, arrays or nil). The result has x's dtype
    # (documented); NaN in x or in a bound gives NaN.
    def clip(name, x, lo, hi):
        def f():
            if x.dtype.kind == "c":
                raise Refused("complex")
            out = x
            v = x.np
            dt = v.dtype
            if lo is not None:
                d = operands_dtype(x, lo)
                if d.kind == "c":
                    raise Refused("complex")
                v = np.maximum(v.astype(d), to_dtype(lo, d))
                out = d
            if hi is not None:
                d2 = np.result_type(v.dtype, hi.dtype) if isinstance(hi, A) else weak(v.dtype, hi.kind)
                if d2.kind == "c":
                    raise Refused("complex")
                v = np.minimum(v.astype(d2), to_dtype(hi, d2))
            return np.asarray(v).astype(dt)
        g.add(name, "Clip", [x, lo, hi], attempt(f))

    xf = A([nan, -inf, -3.0, -0.5, 0.0, -0.0, 0.5, 2.0, 7.0, inf], "float64")
    clip("Clip/float64/both", xf, S(-1.0), S(3.0))
    clip("Clip/float64/lo-only", xf, S(-1.0), None)
    clip("Clip/float64/hi-only", xf, None, S(1))
    clip("Clip/float64/none", xf, None, None)
    clip("Clip/float64/nan-bound", xf, S(nan), S(3.0))
    clip("Clip/float64/lo-above-hi", xf, S(5.0), S(1.0))
    clip("Clip/float32/both", A([-5, -1.5, 0, 1.5, 5, nan], "float32"), S(-1.0), S(1.0))
    xi = A(int_special("int8"), "int8")
    clip("Clip/int8/both", xi, S(-5), S(50))
    clip("Clip/int8/float-bounds", xi, S(-5.5), S(50.5))
    clip("Clip/int8/out-of-range-bound", xi, S(-500), S(50))
    clip("Clip/uint8/both", A(int_special("uint8"), "uint8"), S(3), S(200))
    clip("Clip/int64/array-bounds", A([[1, 5, 9], [-4, 0, 12]], "int64"), A([0, 2, 4], "int64"), A([[3], [8]], "int64"))
    clip("Clip/float64/array-bounds-broadcast", A(np.linspace(-2, 2, 12).reshape(3, 4), "float64", view="::-1"),
         A([[-1.0], [0.0], [nan]], "float64"), A([1.0, 0.5, 0.25, 0.0], "float64"))
    clip("Clip/complex128/refused", A([1 + 1j], "complex128"), S(0.0), S(1.0))
    clip("Clip/float64/empty", A(np.zeros((0,)), "float64"), S(0.0), S(1.0))
    return g


# ---------------------------------------------------------------- element-wise: binary

BIN = {
    "Add": (np.add, "arith"), "Subtract": (np.subtract, "arith"),
    "Multiply": (np.multiply, "arith"), "Divide": (np.true_divide, "divide"),
    "FloorDivide": (np.floor_divide, "realnum"), "Remainder": (np.remainder, "realnum"),
    "Pow": (np.power, "numeric"), "Maximum": (np.maximum, "realord"),
    "Minimum": (np.minimum, "realord"), "Atan2": (np.arctan2, "float"),
    "Hypot": (np.hypot, "float"), "Copysign": (np.copysign, "float"),
    "Nextafter": (np.nextafter, "float"), "Logaddexp": (np.logaddexp, "float"),
    "BitwiseAnd": (np.bitwise_and, "bitwise"), "BitwiseOr": (np.bitwise_or, "bitwise"),
    "BitwiseXor": (np.bitwise_xor, "bitwise"), "BitwiseLeftShift": (np.left_shift, "shift"),
    "BitwiseRightShift": (np.right_shift, "shift"), "Equal": (np.equal, "equality"),
    "NotEqual": (np.not_equal, "equality"), "Less": (np.less, "order"),
    "LessEqual": (np.less_equal, "order"), "Greater": (np.greater, "order"),
    "GreaterEqual": (np.greater_equal, "order"), "LogicalAnd": (np.logical_and, "logical"),
    "LogicalOr": (np.logical_or, "logical"), "LogicalXor": (np.logical_xor, "logical"),
}


def binary_expected(fname, x, y):
    npf, rule = BIN[fname]
    dt = operands_dtype(x, y)
    k = dt.kind
    for s in (x, y):
        # A Go integer must fit the array's integer dtype, whatever the
        # operation then computes in.
        to_dtype(s, dt)
    if rule == "arith" and k == "b" and fname == "Subtract":
        raise Refused("bool subtract")
    if rule == "numeric" and k == "b":
        # STANDARD: pow needs numeric dtypes; NumPy 1.24 computes bool**bool in int8.
        raise Refused("bool")
    if rule == "divide" and k in "biu":
        dt = F64  # documented: true division of integers gives float64
    # floor_divide of infinities: the standard prefers floor(x1/x2) (+inf for
    # inf // 2, -0 for 1 // -inf) but allows Python's results (NaN, -1.0),
    # which NumPy gives and we follow.
    if rule == "realnum" and k in "bc":
        # STANDARD: floor_divide and remainder need real numbers; NumPy 1.24
        # computes bool // bool in int8.
        raise Refused("not real")
    if rule == "realord" and k == "c":
        # STANDARD: maximum and minimum need real numbers; NumPy 1.24 orders
        # complex numbers lexicographically.
        raise Refused("complex")
    if rule == "float":
        if k == "c":
            raise Refused("complex")
        if k in "biu":
            dt = F64  # documented: integer and bool input computes in float64
    if rule == "bitwise" and k not in "biu":
        raise Refused("not integer")
    if rule == "shift" and k not in "iu":
        # STANDARD: shifts need integers; NumPy 1.24 shifts bools as int8.
        raise Refused("not integer")
    if rule == "order" and k == "c":
        # STANDARD: complex numbers have no order; NumPy 1.24 compares them
        # lexicographically.
        raise Refused("complex")
    if rule == "logical":
        dt = BOOL
    xa, ya = to_dtype(x, dt), to_dtype(y, dt)
    np.broadcast_shapes(xa.shape, ya.shape)  # ValueError when they do not broadcast
    r = np.asarray(npf(xa, ya))
    if fname in ("Maximum", "Minimum") and dt.kind == "f":
        # Signed zeros: the standard leaves the choice between -0 and +0 to
        # the implementation; NumPy 1.24 returns the first argument. Ours,
        # like IEEE 754-2019 maximum and minimum, orders -0 below +0.
        xb, yb = np.broadcast_arrays(xa, ya)
        both0 = (xb == 0) & (yb == 0)
        if both0.any():
            r = r.copy()
            sx, sy = np.signbit(xb), np.signbit(yb)
            if fname == "Maximum":
                pick = np.where(sx & sy, -0.0, 0.0)
            else:
                pick = np.where(sx | sy, -0.0, 0.0)
            r[both0] = pick[both0].astype(r.dtype)
    return r


def gen_binary():
    g = Group("elementwise_binary")

    def case(name, fname, x, y, full=False):
        g.add(name, fname, [x, y], attempt(lambda: binary_expected(fname, x, y)), full=full)

    for fname in BIN:
        for dt in ALL:
            vals = pair_values(dt)
            x, y = cartesian(dt, vals, vals)
            if fname == "Pow" and dt in INTS:
                # Integers to negative integer powers are an error (below).
                y = A(np.abs(y.np.astype(np.int64)).clip(0, 9).astype(dt), dt)
            if fname in ("BitwiseLeftShift", "BitwiseRightShift") and dt in INTS:
                # Shift counts of the width and more give 0 (or -1); negative
                # counts are undefined by the standard, and NumPy, which we
                # follow there, treats them as huge counts.
                info = np.iinfo(dt)
                counts = [c for c in (-1, 0, 1, 3, 7, 8, 9, 15, 16, 31, 32, 63, 64, 100) if info.min <= c <= info.max]
                xs = [v for v in int_special(dt)]
                x, y = cartesian(dt, xs, counts)
            case("%s/%s/pairs" % (fname, dt), fname, x, y)
        # Broadcasting corners.
        a31 = A([[1.5], [-2.0], [0.25]], "float64")
        a14 = A([[3.0, -0.5, 2.0, 8.0]], "float64")
        case("%s/broadcast/3x1-1x4" % fname, fname, a31, a14)
        case("%s/broadcast/0x3-3" % fname, fname, A(np.zeros((0, 3))), A([1.0, 2.0, 3.0]))
        case("%s/broadcast/0d-2x3" % fname, fname, A(2.0), A(np.arange(6).reshape(2, 3) - 2.5))
        case("%s/broadcast/1-5" % fname, fname, A(np.arange(5) * 0.5 - 1, "float32"), A([1.5], "float32"))
        case("%s/broadcast/mismatch" % fname, fname, A(np.zeros((2, 3))), A(np.zeros((4,))))
        case("%s/broadcast/int32-2x1x3-4x1" % fname, fname, A(np.arange(6).reshape(2, 1, 3) - 2, "int32"), A([[1], [2], [3], [5]], "int32"))
        # Non-contiguous views.
        base = np.linspace(-3, 3, 30).reshape(5, 6)
        case("%s/views/T-rev" % fname, fname, A(base, "float64", view="T"), A(base.T.copy(), "float64", view="::-1, :"))
        case("%s/views/step" % fname, fname, A(base.ravel(), "float32", view="1::2"), A(base.ravel()[::-1], "float32", view="::2"))
        case("%s/views/int16-step" % fname, fname, A(np.arange(-10, 20), "int16", view="::3"), A(np.arange(1, 11), "int16"))
        # Weak scalars: a Go number takes the array's dtype when its kind fits.
        for dt in ("bool", "int8", "uint64", "float32", "float64", "complex64"):
            x = A(pair_values(dt)[:6], dt)
            for s in (S(True), S(3), S(-2), S(2.5), S(1.5 - 2j)):
                case("%s/scalar/%s-%s" % (fname, dt, s.kind), fname, x, s)
            case("%s/scalar/int-%s" % (fname, dt), fname, S(2), x)
        case("%s/scalar/int8-out-of-range" % fname, fname, A([1, 2], "int8"), S(300))
        case("%s/scalar/both-scalars" % fname, fname, S(7), S(2))
        # Mixed dtypes.
        for d1, d2 in (("int8", "uint8"), ("int64", "uint64"), ("int16", "float32"),
                       ("int32", "float32"), ("float32", "float64"), ("float32", "complex128"),
                       ("bool", "int8"), ("uint32", "int8"), ("float64", "complex64")):
            case("%s/mixed/%s-%s" % (fname, d1, d2), fname, A(pair_values(d1), d1), A(pair_values(d2)[:1], d2))
        # Sizes that cross SIMD widths and worker chunks.
        for n in (7, 8, 9, 15, 16, 17, 31, 33):
            if fname in ("Add", "Multiply", "Divide", "Maximum", "Less", "Pow", "Atan2", "BitwiseAnd"):
                a = np.linspace(-5, 5, n)
                b = np.linspace(2, -3, n)
                if fname == "BitwiseAnd":
                    case("%s/int32/n%d" % (fname, n), fname, A(np.arange(n) * 37, "int32"), A(np.arange(n) * 11 + 3, "int32"))
                else:
                    case("%s/float64/n%d" % (fname, n), fname, A(a), A(b))
                    case("%s/float32/n%d" % (fname, n), fname, A(a, "float32"), A(b, "float32"))
    # Integers to negative integer powers: NumPy raises ValueError.
    case("Pow/int32/negative-exponent", "Pow", A([2, 3], "int32"), A([1, -1], "int32"))
    case("Pow/int8/negative-scalar-exponent", "Pow", A([2, 3], "int8"), S(-2))
    case("Divide/int64/by-zero", "Divide", A([1, -1, 0], "int64"), A([0, 0, 0], "int64"))
    # Large sizes: chunk boundaries at multiples of 32768.
    for n in (32767, 32768, 32769, 65537, 100003):
        r1 = {"n": n, "mul": 7919, "mod": 4096, "scale": 2.0 ** -5, "offset": -64.0}
        r2 = {"n": n, "mul": 104729, "mod": 1000, "scale": 2.0 ** -3, "offset": 1.0}
        case("Add/float64/n%d" % n, "Add", A(None, "float64", recipe=r1), A(None, "float64", recipe=r2))
        case("Multiply/float32/n%d" % n, "Multiply", A(None, "float32", recipe=r1), A(None, "float32", recipe=r2))
        case("Hypot/float64/n%d" % n, "Hypot", A(None, "float64", recipe=r1), A(None, "float64", recipe=r2))
        case("Less/float64/n%d" % n, "Less", A(None, "float64", recipe=r1), A(None, "float64", recipe=r2))
        case("Maximum/float64/n%d-nan" % n, "Maximum",
             A(None, "float64", recipe=dict(r1, set=[[n - 1, "nan"], [32768 % n, "nan"]])), A(None, "float64", recipe=r2))
        case("Add/float64/n%d-scalar" % n, "Add", A(None, "float64", recipe=r1), S(0.5))
        case("Remainder/int64/n%d" % n, "Remainder", A(None, "int64", recipe={"n": n, "mul": 7919, "mod": 100000, "offset": -50000}),
             A(None, "int64", recipe={"n": n, "mul": 31, "mod": 97, "offset": -48}))
    r1 = {"n": 32769, "mul": 7919, "mod": 1000, "offset": -500}
    r2 = {"n": 32769, "mul": 31, "mod": 977, "offset": -400}
    case("Add/int32/n32769-full", "Add", A(None, "int32", recipe=r1), A(None, "int32", recipe=r2), full=True)
    r1 = {"n": 32768, "mul": 7919, "mod": 16, "scale": 1.0, "offset": -8.0}
    r2 = {"n": 32768, "mul": 13, "mod": 8, "scale": 1.0, "offset": 0.0}
    case("Multiply/float64/n32768-full", "Multiply", A(None, "float64", recipe=r1), A(None, "float64", recipe=r2), full=True)
    # Large broadcasting and strided operands.
    r = {"n": 3 * 70001, "mul": 7919, "mod": 4096, "scale": 2.0 ** -5, "offset": -64.0}
    case("Subtract/float64/3x70001-minus-3x1", "Subtract", A(None, "float64", recipe=r, shape=(3, 70001)), A([[1.0], [2.0], [-3.0]]))
    case("Multiply/float64/70001x3-T-times-3", "Multiply", A(None, "float64", recipe=r, shape=(70001, 3), view="T"), A([[0.5], [2.0], [-1.0]]))
    case("Add/float32/strided-n65537", "Add", A(None, "float32", recipe=dict(r, n=2 * 65537), view="::2"), A(None, "float32", recipe=dict(r, n=2 * 65537), view="::-2"))
    return g


# ---------------------------------------------------------------- promotion

def gen_promotion():
    g = Group("promotion")
    for d1 in ALL:
        for d2 in ALL:
            x = A([0, 1, 2, 3], d1)
            y = A([3, 2, 1, 1], d2)
            g.add("Add/%s+%s" % (d1, d2), "Add", [x, y], attempt(lambda: binary_expected("Add", x, y)))
            g.add("ResultType/%s+%s" % (d1, d2), "ResultType", [], {"dtype_only": np.result_type(d1, d2).name},
                  kwargs={"dtypes": [d1, d2]})
        for s in (S(True), S(1), S(1.0), S(1j)):
            x = A([0, 1, 2, 3], d1)
            g.add("Multiply/%s*%s" % (d1, s.kind), "Multiply", [x, s], attempt(lambda: binary_expected("Multiply", x, s)))
    for ds in (["int8", "uint8", "float32"], ["bool", "int8", "int16"], ["uint8", "uint16", "int32"],
               ["int64", "uint64"], ["float32", "complex64", "float64"], ["uint32", "int32", "float32"]):
        g.add("ResultType/%s" % "+".join(ds), "ResultType", [], {"dtype_only": np.result_type(*ds).name},
              kwargs={"dtypes": ds})
    return g


# ---------------------------------------------------------------- reductions

def sum_dtype(dt):
    if dt.kind in "bi":
        return I64
    if dt.kind == "u":
        return U64
    return dt


def mean_dtype(dt):
    return dt if dt.kind in "fc" else F64


def norm_axis(axis):
    if axis is None:
        return None
    return tuple(axis) if isinstance(axis, list) else axis


def reduce_expected(fname, x, kw):
    v = x.np
    axis = norm_axis(kw.get("axis"))
    keep = kw.get("keepdims", False)
    dtype = np.dtype(kw["dtype"]) if "dtype" in kw else None
    if fname in ("Sum", "Prod"):
        f = np.sum if fname == "Sum" else np.prod
        return f(v, axis=axis, keepdims=keep, dtype=dtype or sum_dtype(v.dtype))
    if fname in ("Min", "Max"):
        if v.dtype.kind == "c":
            # STANDARD: min and max need real numbers; NumPy 1.24 orders
            # complex numbers lexicographically.
            raise Refused("complex")
        return (np.min if fname == "Min" else np.max)(v, axis=axis, keepdims=keep)
    if fname in ("All", "Any"):
        return (np.all if fname == "All" else np.any)(v, axis=axis, keepdims=keep)
    if fname == "Mean":
        return np.mean(v, axis=axis, keepdims=keep, dtype=dtype or mean_dtype(v.dtype))
    if fname in ("Var", "Std"):
        f = np.var if fname == "Var" else np.std
        dt = dtype or mean_dtype(v.dtype)
        return f(v.astype(dt), axis=axis, keepdims=keep, ddof=kw.get("correction", 0))
    if fname in ("CumulativeSum", "CumulativeProd"):
        f = np.cumsum if fname == "CumulativeSum" else np.cumprod
        return cumulative(f, fname.endswith("Sum"), v, axis, dtype, kw)
    raise KeyError(fname)


def cumulative(f, is_sum, v, axis, dtype, kw):
    """The standard's cumulative_sum or cumulative_prod by NumPy's f (cumsum,
    cumprod, nancumsum, nancumprod; NumPy 1.24 has no cumulative_sum): an
    axis is needed for more than one dimension, a 0-d array is an error, and
    include_initial prepends the identity."""
    if v.ndim == 0:
        raise Refused("0-d")
    if axis is None:
        if v.ndim > 1:
            raise Refused("axis needed")
        axis = 0
    dt = dtype or sum_dtype(v.dtype)
    r = f(v, axis=axis, dtype=dt)
    if kw.get("include_initial"):
        shp = list(v.shape)
        shp[axis] = 1
        first = np.zeros(shp, dt) if is_sum else np.ones(shp, dt)
        r = np.concatenate([first, r], axis=axis)
    return r


REDUCTIONS = ["Sum", "Prod", "Min", "Max", "Mean", "Var", "Std", "All", "Any"]


def gen_reductions():
    g = Group("reductions")

    def case(name, fname, x, **kw):
        g.add(name, fname, [x], attempt(lambda: reduce_expected(fname, x, kw)), kwargs=kw or None)

    # Values exact to sum in any order, so that the result is the same bit for
    # bit whatever the summation order (NumPy adds the rows of an axis-0
    # reduction one after another; we add pairwise).
    grid = (np.arange(24).reshape(2, 3, 4) % 7 - 3) * 0.5
    for fname in REDUCTIONS + ["CumulativeSum", "CumulativeProd"]:
        for dt in ALL:
            if dt == "bool":
                x = A(np.arange(24).reshape(2, 3, 4) % 3 == 0, dt)
            elif dt in INTS:
                x = A(np.arange(24).reshape(2, 3, 4) % 5 - (2 if dt.startswith("int") else 0), dt)
            elif dt in COMPLEX:
                x = A(grid + 1j * grid[::-1], dt)
            else:
                x = A(grid, dt)
            cum = fname.startswith("Cumulative")
            axes = [{"axis": 0}, {"axis": -1}, {"axis": 1, "include_initial": True}] if cum else \
                [{}, {"axis": 0}, {"axis": -1}, {"axis": [0, 2]}, {"axis": 1, "keepdims": True}, {"keepdims": True}]
            for kw in axes:
                label = ",".join("%s=%s" % (k, v) for k, v in sorted(kw.items())) or "all"
                case("%s/%s/%s" % (fname, dt, label), fname, x, **kw)
            if fname in ("Var", "Std"):
                case("%s/%s/correction1" % (fname, dt), fname, x, axis=1, correction=1.0)
            # Special values along a 1-d array.
            sv = special(dt)
            if dt in COMPLEX:
                sv = COMPLEX_FINITE
            case("%s/%s/special" % (fname, dt), fname, A(sv, dt))
            if dt in FLOATS and fname not in ("All", "Any"):
                case("%s/%s/with-nan" % (fname, dt), fname, A([[1.0, nan, 3.0], [-inf, 2.0, 5.0]], dt), axis=1)
                case("%s/%s/with-inf" % (fname, dt), fname, A([[1.0, inf, 3.0], [-inf, 2.0, inf]], dt), axis=0)
        # Empty reductions: sum 0, prod 1, mean NaN, min and max errors.
        for shp, kw in (((0,), {}), ((0, 3), {"axis": 0}), ((0, 3), {"axis": 1}), ((2, 0), {}), ((2, 0), {"axis": 1, "keepdims": True})):
            if fname.startswith("Cumulative") and "axis" not in kw and len(shp) > 1:
                continue
            case("%s/empty/%s-%s" % (fname, "x".join(map(str, shp)), kw.get("axis")), fname, A(np.zeros(shp)), **kw)
        case("%s/0d" % fname, fname, A(2.5, "float64"))
        case("%s/axis-out-of-range" % fname, fname, A(np.ones((2, 3))), axis=2)
        if not fname.startswith("Cumulative"):
            case("%s/axis-repeated" % fname, fname, A(np.ones((2, 3))), axis=[0, -2])
            case("%s/axis-empty-tuple" % fname, fname, A([[1.0, 2.0], [3.0, 4.0]]), axis=[])
        # Non-contiguous inputs.
        base = (np.arange(30).reshape(5, 6) % 9 - 4) * 0.25
        case("%s/view/T-axis0" % fname, fname, A(base, "float64", view="T"), axis=0)
        case("%s/view/rev-axis1" % fname, fname, A(base, "float32", view="::-1, ::2"), axis=1)
        case("%s/view/step-all" % fname, fname, A(base.ravel(), "float64", view="1::3"))
        case("%s/view/broadcast" % fname, fname, A([1.0, -2.0, 0.5], "float64", view="broadcast:4,3"), axis=0)
        # Sizes that cross the pairwise block (128), SIMD widths, and the
        # reduction chunk (kernels.ReduceGrain is 65536 elements).
        for n in (7, 8, 9, 15, 16, 17, 31, 33, 127, 128, 129, 1000, 5000):
            # Inexact values, but NumPy's pairwise summation of one
            # contiguous run is ours, so sums agree bit for bit.
            r = {"n": n, "mul": 7919, "mod": 4093, "scale": 0.1, "offset": 0.0}
            if fname in ("Sum", "Mean", "Min", "Max", "Var", "CumulativeSum"):
                case("%s/float64/n%d" % (fname, n), fname, A(None, "float64", recipe=r))
                case("%s/float32/n%d" % (fname, n), fname, A(None, "float32", recipe=r))
            if fname in ("Prod", "CumulativeProd"):
                # Powers of two, a few factors 1.5 and signs: exact products.
                i = np.arange(n)
                v = 2.0 ** (i % 5 - 2) * np.where(i % 3 == 0, -1.0, 1.0) * np.where(i % 37 == 5, 1.5, 1.0)
                case("%s/float64/n%d" % (fname, n), fname, A(v))
                case("%s/float32/n%d" % (fname, n), fname, A(v[:100], "float32"))
        for n in (32767, 32768, 32769, 65535, 65536, 65537, 100003, 131073):
            r = {"n": n, "mul": 7919, "mod": 4096, "scale": 2.0 ** -5, "offset": -64.0}
            # float32 holds sums of these small integers exactly.
            r32 = {"n": n, "mul": 7919, "mod": 16, "scale": 1.0, "offset": -8.0}
            ri = {"n": n, "mul": 7919, "mod": 4096, "offset": -2048}
            if fname in ("Sum", "Mean", "Max", "Min", "Any", "All", "CumulativeSum", "Var"):
                case("%s/float64/n%d" % (fname, n), fname, A(None, "float64", recipe=r))
            if fname in ("Sum", "Max", "Min", "CumulativeSum", "Mean"):
                case("%s/int32/n%d" % (fname, n), fname, A(None, "int32", recipe=ri))
                case("%s/float32/n%d" % (fname, n), fname, A(None, "float32", recipe=r32))
            if fname == "Sum":
                case("Sum/complex128/n%d" % n, fname, A(None, "complex128", recipe=dict(r, mul_im=31)))
                case("Sum/uint8/n%d" % n, fname, A(None, "uint8", recipe=dict(ri, offset=0)))
                case("Sum/bool/n%d" % n, fname, A(None, "bool", recipe={"n": n, "mul": 7, "mod": 3}))
            if fname in ("Max", "Min"):
                case("%s/float64/n%d-nan-at-chunk" % (fname, n), fname,
                     A(None, "float64", recipe=dict(r, set=[[min(n - 1, 65536), "nan"]])))
            if fname == "All":
                case("All/float64/n%d-zero-last" % n, fname, A(None, "float64", recipe=dict(r, offset=0.5, set=[[n - 1, 0.0]])))
        for shp, ax in (((3, 70001), 1), ((3, 70001), 0), ((70001, 3), 0), ((70001, 3), 1), ((300, 301), [0, 1])):
            if fname.startswith("Cumulative") and isinstance(ax, list):
                continue
            n = shp[0] * shp[1]
            r = {"n": n, "mul": 7919, "mod": 4096, "scale": 2.0 ** -5, "offset": -64.0}
            if fname in ("Sum", "Max", "Mean", "CumulativeSum", "Var", "Any"):
                case("%s/float64/%dx%d-axis%s" % (fname, shp[0], shp[1], ax), fname,
                     A(None, "float64", recipe=r, shape=shp), axis=ax)
        # Inexact sums (each element rounded): compared within a tolerance.
        if fname in ("Sum", "Mean", "Var", "Std"):
            for n in (65537, 100003):
                r = {"n": n, "mul": 7919, "mod": 4093, "scale": 0.1, "offset": 0.0}
                case("%s/float64/n%d-inexact" % (fname, n), fname, A(None, "float64", recipe=r))
                case("%s/float32/n%d-inexact" % (fname, n), fname, A(None, "float32", recipe=r))
    # dtype keyword: accumulate in another dtype.
    x8 = A([100, 100, 100, -128], "int8")
    case("Sum/int8/dtype-int8-wraps", "Sum", x8, dtype="int8")
    case("Sum/int8/dtype-float32", "Sum", x8, dtype="float32")
    case("Sum/float32/dtype-float64", "Sum", A([0.1, 0.2, 0.3], "float32"), dtype="float64")
    case("Prod/uint8/dtype-uint8", "Prod", A([16, 16, 3], "uint8"), dtype="uint8")
    case("Mean/int32/dtype-float32", "Mean", A([1, 2, 4], "int32"), dtype="float32")
    case("CumulativeSum/int8/dtype-int8", "CumulativeSum", x8, dtype="int8")
    case("CumulativeSum/int8/include-initial", "CumulativeSum", x8, include_initial=True)
    case("CumulativeProd/float64/include-initial", "CumulativeProd", A([2.0, -0.5, 3.0]), include_initial=True)
    case("CumulativeSum/float64/empty-include-initial", "CumulativeSum", A(np.zeros(0)), include_initial=True)
    case("CumulativeSum/float64/2d-no-axis", "CumulativeSum", A(np.ones((2, 2))))
    case("Var/float64/correction-too-large", "Var", A([1.0, 2.0]), correction=3.0)
    case("Std/float64/n1-correction1", "Std", A([5.0]), correction=1.0)
    case("Sum/uint64/wraps", "Sum", A([2 ** 64 - 1, 2], "uint64"))
    case("Sum/int64/wraps", "Sum", A([2 ** 63 - 1, 1], "int64"))
    case("Max/uint64/big", "Max", A([2 ** 64 - 1, 2 ** 63, 5], "uint64"))
    case("Min/int64/extremes", "Min", A([-2 ** 63, 2 ** 63 - 1], "int64"))
    return g


# ---------------------------------------------------------------- creation

def nested_json(v):
    if isinstance(v, list):
        return [nested_json(e) for e in v]
    if isinstance(v, complex):
        return {"c": [enc_float(v.real), enc_float(v.imag)]}
    if isinstance(v, float):
        return enc_float(v)
    return v


def gen_creation():
    g = Group("creation")

    def asarray(name, v, dtype=None):
        kw = {"dtype": dtype} if dtype else {}
        out = attempt(lambda: np.asarray(v, dtype=dtype))
        g.cases.append({"name": name, "func": "Asarray", "args": [{"nested": nested_json(v)}],
                        "kwargs": kw, "out": {"error": True} if out is None else enc_out(out)})

    asarray("Asarray/ints", [[1, 2, 3], [4, 5, 6]])
    asarray("Asarray/floats", [[1.5, -0.0], [nan, inf]])
    asarray("Asarray/mixed-int-float", [1, 2.5, -3])
    asarray("Asarray/bools", [True, False, True])
    asarray("Asarray/bool-int", [True, 2])
    asarray("Asarray/bool-float", [1.5, True])
    asarray("Asarray/complex", [1 + 2j, 3, -0.5])
    asarray("Asarray/scalar-int", 5)
    asarray("Asarray/scalar-float", -2.25)
    asarray("Asarray/empty", [])
    asarray("Asarray/empty-2d", [[], []])
    asarray("Asarray/3d", [[[1, 2], [3, 4]], [[5, 6], [7, 8]]])
    asarray("Asarray/uint64-big", [2 ** 63, 1])
    asarray("Asarray/int64-uint64-mix", [-1, 2 ** 63])
    asarray("Asarray/int64-extremes", [-2 ** 63, 2 ** 63 - 1])
    asarray("Asarray/dtype-float32", [1, 2.5, 1e-45], "float32")
    asarray("Asarray/dtype-int8", [1, -2, 127], "int8")
    asarray("Asarray/dtype-complex64", [1, 2.5], "complex64")
    asarray("Asarray/dtype-bool", [0, 2, -1], "bool")
    asarray("Asarray/ragged", [[1, 2], [3]])
    asarray("Asarray/ragged-depth", [[1, 2], 3])

    for fname, f in (("Zeros", np.zeros), ("Ones", np.ones), ("Empty", np.empty)):
        for shp in ([], [0], [3], [2, 3], [2, 0, 4], [1, 1, 1]):
            for dt in (None, "float32", "int8", "uint64", "bool", "complex64"):
                kw = {"shape": shp}
                if dt:
                    kw["dtype"] = dt
                out = f(shp, dtype=dt or "float64")
                if fname == "Empty":
                    # Empty's contents are not specified: check dtype and shape only.
                    g.add("%s/%s/%s" % (fname, shp, dt), fname, [], {"dtype_only": out.dtype.name, "shape": list(out.shape)}, kwargs=kw)
                else:
                    g.add("%s/%s/%s" % (fname, shp, dt), fname, [], out, kwargs=kw)
        g.add("%s/negative" % fname, fname, [], None, kwargs={"shape": [2, -1]})
    for v in (S(2), S(2.5), S(True), S(1 - 2j), S(nan), S(-0.0)):
        for dt in (None, "float32", "int16", "complex128"):
            kw = {"shape": [2, 3]}
            if dt:
                kw["dtype"] = dt
            d = np.dtype(dt) if dt else v.default_dtype()
            if d.kind in "iu" and v.kind == "float" and math.isnan(v.v):
                continue  # NaN into an integer dtype is undefined

            def f(v=v, d=d):
                val = v.v
                if d.kind in "iuf" and v.kind == "complex":
                    val = val.real  # conversion drops the imaginary part
                if d.kind in "iu" and v.kind in ("float", "complex"):
                    val = math.trunc(val)  # conversion truncates
                return np.full((2, 3), val, dtype=d)
            g.add("Full/%s/%s" % (v.kind + str(v.v), dt), "Full", [v], attempt(f), kwargs=kw)
    # STANDARD/NEP 50: a fill value out of the dtype's range is an error
    # (NumPy 1.24 wraps it with a DeprecationWarning).
    g.add("Full/int8-out-of-range", "Full", [S(300)], None, kwargs={"shape": [2], "dtype": "int8"})
    g.add("Full/0d", "Full", [S(7)], np.full((), 7), kwargs={"shape": []})

    def arange(name, args, dtype=None):
        kw = {"dtype": dtype} if dtype else {}
        out = attempt(lambda: np.arange(*args, dtype=dtype))
        g.add(name, "Arange", [S(a) for a in args], out, kwargs=kw or None)

    arange("Arange/stop", [5])
    arange("Arange/start-stop", [2, 9])
    arange("Arange/step", [1, 20, 3])
    arange("Arange/negative-step", [10, -3, -3])
    arange("Arange/empty", [5, 5])
    arange("Arange/empty-reversed", [5, 0])
    arange("Arange/empty-negative-step", [0, 5, -1])
    arange("Arange/zero-step", [0, 5, 0])
    arange("Arange/float-stop", [4.0])
    arange("Arange/float", [0, 1, 0.125])
    arange("Arange/float-negative", [1.5, -1.5, -0.5])
    arange("Arange/float-inexact", [0, 1, 0.1])
    # NumPy fills a float arange as start + i*delta with delta =
    # (start + step) - start, which is not step when start is not 0; the
    # standard says nothing of the values, so NumPy's are expected.
    arange("Arange/float-inexact-start", [1, 2, 0.1])
    arange("Arange/dtype-float32", [0, 5], "float32")
    arange("Arange/dtype-int8", [-3, 4], "int8")
    arange("Arange/float-dtype-float32", [0.5, 3, 0.5], "float32")
    arange("Arange/big-int", [2 ** 40, 2 ** 40 + 5])

    def linspace(name, start, stop, num, endpoint=True, dtype=None):
        kw = {"start": enc_float(start), "stop": enc_float(stop), "num": num}
        if not endpoint:
            kw["endpoint"] = False
        if dtype:
            kw["dtype"] = dtype
        out = attempt(lambda: np.linspace(start, stop, num, endpoint=endpoint, dtype=dtype))
        g.add(name, "Linspace", [], out, kwargs=kw)

    linspace("Linspace/basic", 0.0, 1.0, 11)
    linspace("Linspace/no-endpoint", 0.0, 1.0, 10, endpoint=False)
    linspace("Linspace/pi", 0.0, 2 * pi, 1000)
    linspace("Linspace/reversed", 5.0, -3.0, 17)
    linspace("Linspace/num0", 0.0, 1.0, 0)
    linspace("Linspace/num1", 2.0, 3.0, 1)
    linspace("Linspace/num1-no-endpoint", 2.0, 3.0, 1, endpoint=False)
    linspace("Linspace/num2", -1.0, 1.0, 2)
    linspace("Linspace/float32", 0.0, 1.0, 7, dtype="float32")
    linspace("Linspace/float32-no-endpoint", -1.0, 3.0, 9, endpoint=False, dtype="float32")
    linspace("Linspace/same", 3.0, 3.0, 4)
    linspace("Linspace/tiny-step", 1.0, 1.0 + 2 ** -50, 5)
    linspace("Linspace/negative-num", 0.0, 1.0, -1)
    linspace("Linspace/large", -1.0, 1.0, 100003)

    def eye(name, n, m=None, k=0, dtype=None):
        kw = {"n": n}
        if m is not None:
            kw["m"] = m
        if k:
            kw["k"] = k
        if dtype:
            kw["dtype"] = dtype
        out = attempt(lambda: np.eye(n, m, k, dtype=dtype or "float64"))
        g.add(name, "Eye", [], out, kwargs=kw)

    eye("Eye/3", 3)
    eye("Eye/3x5", 3, 5)
    eye("Eye/5x3", 5, 3)
    eye("Eye/4-k1", 4, 4, 1)
    eye("Eye/4-k-2", 4, 4, -2)
    eye("Eye/3x4-k7", 3, 4, 7)
    eye("Eye/0", 0)
    eye("Eye/2x0", 2, 0)
    eye("Eye/int32", 3, 3, 0, "int32")
    eye("Eye/bool", 2, 3, 1, "bool")
    eye("Eye/complex64", 2, 2, 0, "complex64")
    eye("Eye/negative", -1)
    return g


# ---------------------------------------------------------------- manipulation

def gen_manipulation():
    g = Group("manipulation")

    def case(name, fname, args, f, **kw):
        g.add(name, fname, args, attempt(f), kwargs=kw or None)

    x = A(np.arange(24), "int32")
    x3 = A(np.arange(24).reshape(2, 3, 4) * 0.5, "float64")
    for shp in ([4, 6], [2, -1, 3], [-1], [24, 1], [1, 24], [2, 3, 4], [5, -1], [-1, -1], [25], [0, -1]):
        case("Reshape/%s" % shp, "Reshape", [x], lambda shp=shp: x.np.reshape(shp), shape=shp)
    xt = A(np.arange(12).reshape(3, 4), "float32", view="T")
    case("Reshape/from-transposed", "Reshape", [xt], lambda: xt.np.reshape(12), shape=[12])
    xs = A(np.arange(24).reshape(4, 6), "int16", view="::2, 1::2")
    case("Reshape/from-strided", "Reshape", [xs], lambda: xs.np.reshape(3, 2), shape=[3, 2])
    case("Reshape/to-0d", "Reshape", [A([7.5])], lambda: np.array([7.5]).reshape(()), shape=[])
    case("Reshape/empty", "Reshape", [A(np.zeros((0, 4)))], lambda: np.zeros((0, 4)).reshape(2, 0, 3), shape=[2, 0, 3])

    for axes in ([0, 1, 2], [2, 0, 1], [1, 0, 2], [-1, 0, 1], [0, 1], [0, 0, 1]):
        case("PermuteDims/%s" % axes, "PermuteDims", [x3], lambda axes=axes: np.transpose(x3.np, axes), axes=axes)
    case("PermuteDims/view", "PermuteDims", [xs], lambda: xs.np.T, axes=[1, 0])
    for v in (x3, A(np.arange(6).reshape(2, 3), "uint8"), xs, A(np.arange(5)), A(np.zeros((0, 2)))):
        case("MatrixTranspose/%s" % (list(v.np.shape),), "MatrixTranspose", [v], lambda v=v: np.swapaxes(v.np, -1, -2) if v.np.ndim >= 2 else None)
    for ax in (0, 1, 2, 3, -1, -4, 4, -5):
        case("ExpandDims/%d" % ax, "ExpandDims", [x3], lambda ax=ax: np.expand_dims(x3.np, ax), axis=ax)
    case("ExpandDims/0d", "ExpandDims", [A(3.0)], lambda: np.expand_dims(np.array(3.0), 0), axis=0)
    y = A(np.arange(6).reshape(1, 2, 1, 3, 1), "complex64")
    for axes in ([], [0], [2, 4], [-1], [1], [0, 0]):
        def sq(axes=axes):
            if len(set(a % 5 for a in axes)) != len(axes):
                return None
            return np.squeeze(y.np, axis=tuple(axes) if axes else None)
        case("Squeeze/%s" % axes, "Squeeze", [y], sq, axes=axes)
    for src, shp in (([1, 2, 3], [2, 3]), ([[1], [2], [3]], [3, 4]), (5.0, [2, 2]), ([1, 2], [3, 2]),
                     ([1, 2, 3], [3]), ([[1, 2, 3]], [2, 0, 3]), ([1, 2, 3], [4]), ([1, 2, 3], [3, 1])):
        v = A(src)
        case("BroadcastTo/%s-%s" % (list(v.np.shape), shp), "BroadcastTo", [v], lambda v=v, shp=shp: np.broadcast_to(v.np, shp), shape=shp)

    def concat(name, arrs, **kw):
        ax = kw.get("axis", 0)
        case(name, "Concat", [arrs], lambda: np.concatenate([a.np for a in arrs], axis=ax) if all(a.np.ndim for a in arrs) else None, **kw)

    a = A(np.arange(6).reshape(2, 3), "float64")
    b = A(np.arange(9).reshape(3, 3) * -1, "float64")
    c = A(np.arange(4).reshape(2, 2), "int8")
    concat("Concat/axis0", [a, b])
    concat("Concat/axis0-default-3", [a, b, a])
    concat("Concat/axis1", [a, c], axis=1)
    concat("Concat/axis-1", [a, A(np.ones((2, 1)), "float32")], axis=-1)
    concat("Concat/mixed-int8-float32", [A([1, 2], "int8"), A([0.5], "float32")])
    concat("Concat/mixed-int64-uint64", [A([-1, 2], "int64"), A([2 ** 63], "uint64")])
    concat("Concat/mixed-bool-uint16", [A([True, False], "bool"), A([700], "uint16")])
    concat("Concat/complex-float", [A([1 + 1j], "complex64"), A([2.0], "float64")])
    concat("Concat/empty-part", [a, A(np.zeros((0, 3)))])
    concat("Concat/views", [A(np.arange(12).reshape(3, 4), "int32", view="T"), A(np.arange(8).reshape(4, 2), "int32", view=":, ::-1")], axis=1)
    concat("Concat/shape-mismatch", [a, c])
    concat("Concat/0d", [A(1.0), A(2.0)])
    concat("Concat/axis-out-of-range", [a, a], axis=2)
    concat("Concat/single", [b])

    def stack(name, arrs, **kw):
        ax = kw.get("axis", 0)
        case(name, "Stack", [arrs], lambda: np.stack([a.np for a in arrs], axis=ax), **kw)

    stack("Stack/axis0", [a, A(np.arange(6).reshape(2, 3) + 10, "float64")])
    stack("Stack/axis1", [a, A(np.ones((2, 3)), "int32")], axis=1)
    stack("Stack/axis-1", [a, a, a], axis=-1)
    stack("Stack/axis2", [a, a], axis=2)
    stack("Stack/0d", [A(1.0), A(2, "int8")])
    stack("Stack/shape-mismatch", [a, b])
    stack("Stack/axis-out-of-range", [a, a], axis=3)
    stack("Stack/views", [A(np.arange(6).reshape(3, 2), "float32", view="T"), A(np.arange(6).reshape(2, 3), "float32", view="::-1")])
    return g


# ---------------------------------------------------------------- indexing

BAD_INDEX = {", ", "()", "a"}


def gen_indexing():
    g = Group("indexing")
    arrays = {
        "1d": A(np.arange(10) * 1.5, "float64"),
        "2d": A(np.arange(20).reshape(4, 5), "int32"),
        "3d": A(np.arange(60).reshape(3, 4, 5), "int16"),
        "2d-T": A(np.arange(20).reshape(4, 5), "int64", view="T"),
        "0d": A(4.5, "float32"),
    }
    index = {
        "1d": ["1:5", "::-1", "-1", "3", ":", "...", "None, :", "1:5:2", "::-3", "-3:", "8:2:-2", "20:",
               "-20:3", "5:1", ", ", "10", "-11", "1:5:0", "..., None", "0, 0", "None", ":, None", "a"],
        "2d": ["1:5", "::-1", "..., 1", "None, :", "-1", "1:5:2, ::-2", "1, 2", "-1, -1", ":, 0",
               "::2, None, 1:", "..., ::-1", "2:, ...", "..., ...", "5", "0, 5", "3, 4", "1:3, 1:3",
               ":, :, :", "0:0, :"],
        "3d": ["1:5", "::-1", "..., 1", "None, :", "-1", "1:5:2, ::-2", "1, ..., 2", ":, 1, ::2",
               "None, ..., None", "::-1, ::-2, ::-3", "2, 3, 4", "-3, -4, -5", "..., -1, :", "1:2, 1:2, 1:2"],
        "2d-T": ["1:5", "::-1", "..., 1", "-1", "1:5:2, ::-2", "::2, 1"],
        "0d": ["...", "None", "()", ":"],
    }
    for key, x in arrays.items():
        for idx in index[key]:
            def f(x=x, idx=idx):
                if idx in BAD_INDEX:
                    return None  # not an index that Index reads
                return np.array(eval("v[" + idx + "]", {"v": x.np}))
            g.add("Index/%s/[%s]" % (key, idx), "Index", [x], attempt(f), kwargs={"index": idx})

    def setindex(name, x, value, idx):
        def f():
            y = x.np.copy()
            if isinstance(value, S):
                dt = y.dtype
                vd = weak(dt, value.kind)
                v = to_dtype(value, vd)
                if dt.kind != "c" and vd.kind == "c":
                    v = v.real
            else:
                v = value.np
            exec("y[" + idx + "] = v", {"y": y, "v": v})
            return y
        g.add(name, "SetIndex", [x, value], attempt(f), kwargs={"index": idx})

    x2 = A(np.arange(20).reshape(4, 5), "int32")
    xf = A(np.arange(12).reshape(3, 4) * 0.5, "float64")
    setindex("SetIndex/2d/row-scalar", x2, S(-1), "1")
    setindex("SetIndex/2d/col-scalar", x2, S(7), ":, 2")
    setindex("SetIndex/2d/step", x2, S(0), "::2, 1::2")
    setindex("SetIndex/2d/element", x2, S(99), "-1, -1")
    setindex("SetIndex/2d/all", x2, S(3), "...")
    setindex("SetIndex/2d/float-into-int", x2, S(2.75), "0")
    setindex("SetIndex/2d/negative-float-into-int", x2, S(-2.75), "0")
    setindex("SetIndex/2d/bool-into-int", x2, S(True), "0, 0")
    setindex("SetIndex/2d/array-broadcast", x2, A([10, 20, 30, 40, 50], "int64"), "1:3")
    setindex("SetIndex/2d/array-column", x2, A([[1], [2], [3], [4]], "float64"), ":, 1:3")
    setindex("SetIndex/2d/array-mismatch", x2, A([1, 2, 3], "int32"), "0")
    setindex("SetIndex/2d/out-of-range-value", A(np.zeros(3), "int8"), S(300), "0")
    setindex("SetIndex/2d/bad-index", x2, S(1), "4")
    setindex("SetIndex/float/nan", xf, S(nan), "1, ::-1")
    # x[:] = x[::-1] reads the old values (NumPy handles the overlap).
    y = xf.np.copy()
    y[:] = y[::-1].copy()
    g.add("SetIndex/float/reverse-self", "SetIndexSelf", [xf], y, kwargs={"index": ":", "source": "::-1"})
    y = xf.np.copy()
    y[1:, :] = y[:-1, :].copy()
    g.add("SetIndex/float/shift-self", "SetIndexSelf", [xf], y, kwargs={"index": "1:, :", "source": ":-1, :"})
    setindex("SetIndex/complex/scalar", A([1 + 1j, 2, 3], "complex64"), S(0.5 - 1j), "::2")
    setindex("SetIndex/bool/int", A([True, False, True]), S(0), "0")
    setindex("SetIndex/0d", A(1.5), S(-3.0), "...")
    setindex("SetIndex/view-T", A(np.arange(6).reshape(2, 3), "float32", view="T"), S(9.0), "0")
    return g


# ---------------------------------------------------------------- sorting, searching, sets, statistics
#
# The order is NumPy's (NaN after every number; complex numbers
# lexicographic, R+Rj < R+NaNj < NaN+Rj < NaN+NaNj) and sorts are stable, so
# ascending results come from np.sort/np.argsort(kind="stable"). The
# standard's descending=True has no NumPy counterpart: our documented choice
# is a stable sort from largest to smallest with NaNs still last, computed
# here by sort_model (which is checked against NumPy for ascending order).


def tuple_out(arrs):
    return {"tuple": [enc_out(a) for a in arrs]}


def attempt_tuple(fn):
    """fn's tuple of arrays as a "tuple" output, or None when refused."""
    try:
        with np.errstate(all="ignore"):
            r = fn()
    except (Refused, ValueError, TypeError, IndexError, ZeroDivisionError, np.AxisError):
        return None
    return tuple_out([np.asarray(a) for a in r])


def nan_class(v):
    return (2 if math.isnan(v.real) else 0) + (1 if math.isnan(v.imag) else 0)


def sort_key(v, kind, desc):
    """The position of v in our order, as a Python sort key."""
    if kind == "c":
        v = complex(v)
        cat = nan_class(v)
        if cat == 0:
            return (0, -v.real, -v.imag) if desc else (0, v.real, v.imag)
        return (cat, v.real if cat == 1 else 0.0, v.imag if cat == 2 else 0.0)
    if kind == "f":
        v = float(v)
        if math.isnan(v):
            return (1, 0.0)
        return (0, -v if desc else v)
    v = int(v)
    return (0, -v if desc else v)


def argsort_model(x, axis, desc):
    """Stable argsort along axis in our order (a model of the Go code)."""
    a = np.moveaxis(np.asarray(x), axis, -1)
    out = np.zeros(a.shape, np.int64)
    for idx in np.ndindex(a.shape[:-1]):
        row = a[idx]
        out[idx] = sorted(range(row.shape[0]), key=lambda i: sort_key(row[i], a.dtype.kind, desc))
    return np.moveaxis(out, -1, axis)


def sort_expected(x, axis, desc, values):
    v = x.np
    if v.ndim == 0:
        raise Refused("0-d")
    np.core.multiarray.normalize_axis_index(axis, v.ndim)
    model = argsort_model(v, axis, desc)
    if not desc:
        want = np.argsort(v, axis=axis, kind="stable")
        assert (want == model).all(), "sort_model disagrees with NumPy"
    if values:
        return np.take_along_axis(v, model, axis=axis)
    return model


def canon_partition(p, kth, axis):
    """A partition made comparable: both sides sorted (stable)."""
    p = np.moveaxis(p, axis, -1)
    left = np.sort(p[..., :kth], axis=-1, kind="stable")
    right = np.sort(p[..., kth + 1:], axis=-1, kind="stable")
    return np.moveaxis(np.concatenate([left, p[..., kth:kth + 1], right], axis=-1), -1, axis)


def sample_data(dt, n=12):
    """A 1-d array with ties, signs and (for inexact dtypes) NaN, ±0, ±inf."""
    dt = np.dtype(dt)
    if dt.kind == "b":
        return (np.arange(n) * 7 % 3 == 1)
    if dt.kind in "iu":
        v = np.array([5, -3, 0, 5, 2, -3, 7, 1, 0, 9, -8, 2] * (n // 12 + 1))[:n]
        if dt.kind == "u":
            v = np.abs(v) * 3
        return v.astype(dt)
    if dt.kind == "f":
        v = [3.0, -1.0, nan, 2.0, -0.0, 0.0, -inf, inf, 2.0, nan, 1e-30, -2.5]
        return np.array((v * (n // 12 + 1))[:n], dt)
    v = [1 + 2j, 1 + 1j, complex(nan, 0), complex(0, nan), complex(1, nan), -1 + 0j, 1 + 2j, 2 - 1j,
         complex(nan, nan), 0j, complex(-0.0, 0), complex(nan, 3)]
    return np.array((v * (n // 12 + 1))[:n], dt)


def gen_sorting():
    g = Group("sorting")

    def case(name, fname, x, **kw):
        axis = kw.get("axis", -1)
        desc = kw.get("descending", False)
        if fname in ("Sort", "Argsort"):
            out = attempt(lambda: sort_expected(x, axis, desc, fname == "Sort"))
        else:
            def part():
                v = x.np
                if v.ndim == 0:
                    raise Refused("0-d")
                kth = kw["kth"]
                if fname == "Partition":
                    p = np.partition(v, kth, axis=axis)
                else:
                    p = np.take_along_axis(v, np.argpartition(v, kth, axis=axis), axis=axis)
                n = v.shape[axis]
                return canon_partition(p, kth % n, axis)
            out = attempt(part)
        g.add(name, fname, [x], out, kwargs=kw or None)

    for dt in ALL:
        base = sample_data(dt, 24)
        x1 = A(base[:12], dt)
        x2 = A(base.reshape(4, 6), dt)
        x3 = A(base.reshape(2, 3, 4), dt)
        for fname in ("Sort", "Argsort"):
            case("%s/%s/1d" % (fname, dt), fname, x1)
            case("%s/%s/1d-descending" % (fname, dt), fname, x1, descending=True)
            case("%s/%s/1d-stable" % (fname, dt), fname, x1, stable=True)
            case("%s/%s/2d-axis0" % (fname, dt), fname, x2, axis=0)
            case("%s/%s/2d-axis-1" % (fname, dt), fname, x2, axis=-1)
            case("%s/%s/2d-axis0-descending" % (fname, dt), fname, x2, axis=0, descending=True)
            case("%s/%s/3d-axis1" % (fname, dt), fname, x3, axis=1)
            case("%s/%s/3d-axis-3-descending" % (fname, dt), fname, x3, axis=-3, descending=True)
            case("%s/%s/view-T" % (fname, dt), fname, A(base.reshape(4, 6), dt, view="T"))
            case("%s/%s/view-reversed" % (fname, dt), fname, A(base.reshape(4, 6), dt, view="::-1, ::-2"), axis=0)
        for fname in ("Partition", "Argpartition"):
            for kth in (0, 5, -1, 11):
                case("%s/%s/1d-kth%d" % (fname, dt, kth), fname, x1, kth=kth)
            case("%s/%s/2d-axis0-kth2" % (fname, dt), fname, x2, kth=2, axis=0)
            case("%s/%s/3d-axis-1-kth1" % (fname, dt), fname, x3, kth=1, axis=-1)
    # Ties: stability shows in Argsort, and in Sort through the signs of zeros.
    ties = A([0.0, -0.0, 1.0, -0.0, 0.0, 1.0, -1.0, -0.0, nan, 1.0, nan, 0.0])
    for fname in ("Sort", "Argsort"):
        case("%s/ties/zeros" % fname, fname, ties)
        case("%s/ties/zeros-descending" % fname, fname, ties, descending=True)
        case("%s/ties/int" % fname, fname, A([2, 1, 2, 1, 2, 1, 0, 0], "int32"))
        case("%s/ties/int-descending" % fname, fname, A([2, 1, 2, 1, 2, 1, 0, 0], "int32"), descending=True)
        case("%s/ties/bool-descending" % fname, fname, A([True, False, True, False, False]), descending=True)
        case("%s/ties/uint64-big" % fname, fname, A([2 ** 64 - 1, 0, 2 ** 63, 1, 2 ** 63], "uint64"))
        case("%s/ties/int64-extremes" % fname, fname, A([2 ** 63 - 1, -2 ** 63, 0, -1], "int64"), descending=True)
        case("%s/special/float64" % fname, fname, A(F64_SPECIAL))
        case("%s/special/float32" % fname, fname, A(F32_SPECIAL, "float32"), descending=True)
        case("%s/special/complex128" % fname, fname, A(COMPLEX_SPECIAL + COMPLEX_FINITE, "complex128"))
        case("%s/special/complex64-descending" % fname, fname, A(COMPLEX_SPECIAL + COMPLEX_FINITE, "complex64"), descending=True)
        # Empty arrays and zero-size axes.
        case("%s/empty/0" % fname, fname, A(np.zeros(0)))
        case("%s/empty/2x0" % fname, fname, A(np.zeros((2, 0)), "int16"))
        case("%s/empty/0x3-axis0" % fname, fname, A(np.zeros((0, 3)), "float32"), axis=0)
        case("%s/1x1" % fname, fname, A([[7.5]]))
        # Misuse.
        case("%s/0d" % fname, fname, A(2.5))
        case("%s/axis-out-of-range" % fname, fname, A(np.ones((2, 3))), axis=2)
        case("%s/axis-out-of-range-negative" % fname, fname, A(np.ones((2, 3))), axis=-3)
        case("%s/two-axes" % fname, fname, A(np.ones((2, 3))), axis=[0, 1])
        # Large: many rows cut across workers, long rows.
        r = {"n": 300 * 301, "mul": 7919, "mod": 4093, "scale": 0.25, "offset": -500.0}
        case("%s/float64/300x301-axis1" % fname, fname, A(None, "float64", recipe=r, shape=(300, 301)), axis=1)
        case("%s/float64/300x301-axis0" % fname, fname, A(None, "float64", recipe=r, shape=(300, 301)), axis=0)
        case("%s/int32/n100003" % fname, fname, A(None, "int32", recipe={"n": 100003, "mul": 7919, "mod": 4093, "offset": -2000}))
        case("%s/float32/n70001-nan" % fname, fname,
             A(None, "float32", recipe={"n": 70001, "mul": 7919, "mod": 4093, "scale": 0.5, "offset": -100.0,
                                        "set": [[5, "nan"], [65536, "nan"], [70000, -0.0]]}), descending=True)
    for fname in ("Partition", "Argpartition"):
        case("%s/kth-out-of-range" % fname, fname, A([1.0, 2.0, 3.0]), kth=3)
        case("%s/kth-out-of-range-negative" % fname, fname, A([1.0, 2.0, 3.0]), kth=-4)
        case("%s/empty" % fname, fname, A(np.zeros(0)), kth=0)
        case("%s/0d" % fname, fname, A(2.5), kth=0)
        case("%s/special/float64" % fname, fname, A(F64_SPECIAL), kth=20)
        r = {"n": 100003, "mul": 7919, "mod": 4093, "scale": 0.5, "offset": -1000.0}
        case("%s/float64/n100003" % fname, fname, A(None, "float64", recipe=r), kth=50000)
        case("%s/float64/300x301-axis0" % fname, fname, A(None, "float64", recipe=dict(r, n=300 * 301), shape=(300, 301)),
             kth=150, axis=0)
        case("%s/int8/many-equal" % fname, fname, A(None, "int8", recipe={"n": 5000, "mul": 7, "mod": 3}), kth=2500)
    return g


def gen_searching():
    g = Group("searching")

    def arg_case(name, fname, x, **kw):
        def f():
            v = x.np
            axis = norm_axis(kw.get("axis"))
            keep = kw.get("keepdims", False)
            if v.dtype.kind == "c":
                # STANDARD: argmax and argmin need real numbers, as max and min.
                raise Refused("complex")
            if fname in ("Argmax", "Argmin"):
                return (np.argmax if fname == "Argmax" else np.argmin)(v, axis=axis, keepdims=keep)
            # Documented: NanArgmax ignores NaNs; NumPy replaces them by -inf
            # (+inf) first, and so returns a NaN's index for [nan, -inf].
            r = (np.nanargmax if fname == "NanArgmax" else np.nanargmin)(v, axis=axis, keepdims=keep)
            if v.dtype.kind == "f":
                fill = -inf if fname == "NanArgmax" else inf
                vv = v if axis is not None else v.reshape(-1)
                ax = axis if axis is not None else 0
                vv = np.moveaxis(vv, ax, -1)
                rr = np.asarray(r).reshape(vv.shape[:-1]) if vv.ndim > 1 else np.asarray(r).reshape(())
                rr = rr.copy()
                for idx in np.ndindex(vv.shape[:-1]):
                    row = vv[idx]
                    if math.isnan(row[rr[idx]]):
                        rr[idx] = [i for i in range(len(row)) if row[i] == fill][0]
                r = rr.reshape(np.shape(r))
            return r
        g.add(name, fname, [x], attempt(f), kwargs=kw or None)

    for fname in ("Argmax", "Argmin", "NanArgmax", "NanArgmin"):
        for dt in ALL:
            base = sample_data(dt, 24)
            x2 = A(base.reshape(4, 6), dt)
            x3 = A(base.reshape(2, 3, 4), dt)
            arg_case("%s/%s/all" % (fname, dt), fname, x2)
            arg_case("%s/%s/axis0" % (fname, dt), fname, x2, axis=0)
            arg_case("%s/%s/axis-1" % (fname, dt), fname, x2, axis=-1)
            arg_case("%s/%s/3d-axis1-keepdims" % (fname, dt), fname, x3, axis=1, keepdims=True)
            arg_case("%s/%s/keepdims" % (fname, dt), fname, x3, keepdims=True)
        arg_case("%s/float64/nan-free" % fname, fname, A([[1.0, 5.0, -2.0, 5.0], [0.0, -0.0, -0.0, 0.0]]), axis=1)
        arg_case("%s/float64/inf" % fname, fname, A([[-inf, -inf, 1.0], [inf, 2.0, inf]]), axis=1)
        arg_case("%s/float64/nan-inf" % fname, fname, A([[nan, -inf, 3.0], [nan, inf, -inf]]), axis=1)
        arg_case("%s/float64/all-nan-row" % fname, fname, A([[nan, nan], [1.0, nan]]), axis=1)
        arg_case("%s/float32/view" % fname, fname, A(np.arange(30).reshape(5, 6) % 7, "float32", view="::-1, 1::2"), axis=0)
        arg_case("%s/empty" % fname, fname, A(np.zeros(0)))
        arg_case("%s/empty-axis1" % fname, fname, A(np.zeros((3, 0))), axis=1)
        arg_case("%s/empty-rows" % fname, fname, A(np.zeros((0, 3))), axis=1)
        arg_case("%s/0d" % fname, fname, A(2.5))
        arg_case("%s/axis-out-of-range" % fname, fname, A(np.ones((2, 3))), axis=2)
        r = {"n": 100003, "mul": 7919, "mod": 4093, "scale": 0.5, "offset": -1000.0}
        arg_case("%s/float64/n100003" % fname, fname, A(None, "float64", recipe=r))
        arg_case("%s/float64/n100003-nan" % fname, fname, A(None, "float64", recipe=dict(r, set=[[70000, "nan"]])))
        arg_case("%s/int64/300x301-axis0" % fname, fname,
                 A(None, "int64", recipe={"n": 300 * 301, "mul": 7919, "mod": 4093}, shape=(300, 301)), axis=0)

    # CountNonzero.
    def count_case(name, x, **kw):
        def f():
            axis = norm_axis(kw.get("axis"))
            r = np.count_nonzero(x.np, axis=axis, keepdims=kw.get("keepdims", False))
            return np.asarray(r, np.int64)
        g.add(name, "CountNonzero", [x], attempt(f), kwargs=kw or None)
    for dt in ALL:
        x3 = A(sample_data(dt, 24).reshape(2, 3, 4), dt)
        count_case("CountNonzero/%s/all" % dt, x3)
        count_case("CountNonzero/%s/axis1" % dt, x3, axis=1)
        count_case("CountNonzero/%s/axes0,2-keepdims" % dt, x3, axis=[0, 2], keepdims=True)
    count_case("CountNonzero/complex/parts", A([0j, 1j, complex(0, -0.0), complex(-0.0, 0), complex(nan, 0)]))
    count_case("CountNonzero/empty", A(np.zeros((0, 3))), axis=0)
    count_case("CountNonzero/0d", A(0.0))
    count_case("CountNonzero/axis-out-of-range", A(np.ones((2, 3))), axis=3)

    # Nonzero.
    def nz_case(name, x):
        def f():
            if x.np.ndim == 0:
                raise Refused("STANDARD: nonzero of a 0-d array is an error")
            return np.nonzero(x.np)
        g.add(name, "Nonzero", [x], attempt_tuple(f))
    for dt in ALL:
        nz_case("Nonzero/%s/1d" % dt, A(sample_data(dt, 12), dt))
        nz_case("Nonzero/%s/3d" % dt, A(sample_data(dt, 24).reshape(2, 3, 4), dt))
    nz_case("Nonzero/float64/signed-zero-nan", A([0.0, -0.0, nan, 1.0, -0.0]))
    nz_case("Nonzero/view-T", A(np.arange(12).reshape(3, 4) % 3, "int8", view="T"))
    nz_case("Nonzero/empty", A(np.zeros((2, 0))))
    nz_case("Nonzero/all-zero", A(np.zeros((2, 3)), "uint16"))
    nz_case("Nonzero/0d", A(1.0))
    nz_case("Nonzero/large", A(None, "int32", recipe={"n": 70007, "mul": 7919, "mod": 13}, shape=(7, 10001)))

    # Where.
    def where_case(name, cond, x, y):
        def f():
            dt = operands_dtype(x, y)
            return np.where(cond.np.astype(bool), to_dtype(x, dt), to_dtype(y, dt))
        g.add(name, "Where", [cond, x, y], attempt(f))
    c2 = A([[True, False, True], [False, False, True]])
    where_case("Where/float64", c2, A(np.arange(6.0).reshape(2, 3)), A(-np.arange(6.0).reshape(2, 3)))
    where_case("Where/broadcast", A([True, False, True]), A([[1.0], [2.0]]), A(np.zeros((2, 1, 3)), "float32"))
    where_case("Where/promote-int8-uint8", c2, A([1, 2, 3], "int8"), A([200, 201, 202], "uint8"))
    where_case("Where/promote-int-float32", c2, A([1, 2, 3], "int16"), A([0.5, 1.5, 2.5], "float32"))
    where_case("Where/scalar-y", c2, A([[1, 2, 3], [4, 5, 6]], "uint8"), S(0))
    where_case("Where/scalar-x-float", c2, S(2.5), A([1, 2, 3], "int32"))
    where_case("Where/scalars", c2, S(1), S(2))
    where_case("Where/complex", c2, A([1 + 1j, 2, 3], "complex64"), S(0.5))
    where_case("Where/bool", c2, A([True, True, True]), A([False, False, False]))
    where_case("Where/cond-float", A([0.0, -0.0, nan, 2.0]), A([1, 2, 3, 4], "int64"), A([9, 9, 9, 9], "int64"))
    where_case("Where/cond-int", A([0, 3, 0], "int8"), S(1.0), S(-1.0))
    where_case("Where/signed-zero", A([True, False]), A([-0.0, -0.0]), A([0.0, -0.0]))
    where_case("Where/views", A(np.arange(12).reshape(3, 4) % 2, "bool", view="T"),
               A(np.arange(12.0).reshape(4, 3), view="::-1"), A([7.0, 8.0, 9.0]))
    where_case("Where/empty", A(np.zeros((0, 3), bool)), A([1.0, 2.0, 3.0]), S(0.0))
    where_case("Where/0d", A(True), A(1.5), A(2.5))
    where_case("Where/bad-broadcast", c2, A([1.0, 2.0]), S(0.0))
    where_case("Where/scalar-out-of-range", c2, A([1, 2, 3], "uint8"), S(300))
    r = {"n": 70001, "mul": 7919, "mod": 4093, "scale": 0.5}
    where_case("Where/large", A(None, "bool", recipe={"n": 70001, "mul": 7, "mod": 3}),
               A(None, "float64", recipe=r), A(None, "float64", recipe=dict(r, offset=-3000.0)))

    # Searchsorted.
    def ss_case(name, x1, x2, sorter=None, **kw):
        def f():
            if isinstance(x2, A) and isinstance(x1, A):
                dt = np.result_type(x1.dtype, x2.dtype)
            else:
                dt = weak(x1.dtype, x2.kind)
            if x1.np.ndim != 1:
                raise Refused("1-d")
            s = None if sorter is None else sorter.np
            return np.searchsorted(to_dtype(x1, dt), to_dtype(x2, dt), side=kw.get("side", "left"), sorter=s)
        g.add(name, "Searchsorted", [x1, x2, sorter], attempt(f), kwargs=kw or None)
    for dt in ALL:
        s = np.sort(sample_data(dt, 12), kind="stable")
        v = sample_data(dt, 24)[::-1].copy().reshape(4, 6)
        for side in ("left", "right"):
            ss_case("Searchsorted/%s/%s" % (dt, side), A(s, dt), A(v, dt), side=side)
        ss_case("Searchsorted/%s/default-side" % dt, A(s, dt), A(v[0], dt))
        unsorted = sample_data(dt, 12)
        ss_case("Searchsorted/%s/sorter" % dt, A(unsorted, dt), A(v[1], dt),
                sorter=A(np.argsort(unsorted, kind="stable"), "int64"), side="right")
    ss_case("Searchsorted/scalar-int", A([1, 3, 3, 5], "int8"), S(3), side="right")
    ss_case("Searchsorted/scalar-float-into-int", A([1, 3, 3, 5], "int32"), S(2.5))
    ss_case("Searchsorted/promote", A([1, 3, 3, 5], "int64"), A([2.5, 3.0, 6.0], "float32"))
    ss_case("Searchsorted/uint64-int64", A([0, 2 ** 63, 2 ** 64 - 1], "uint64"), A([-1, 5], "int64"))
    ss_case("Searchsorted/nan-inf", A([-inf, -1.0, 0.0, inf, nan, nan]), A([nan, inf, -inf, -0.0, 0.0]), side="left")
    ss_case("Searchsorted/nan-inf-right", A([-inf, -1.0, 0.0, inf, nan, nan]), A([nan, inf, -inf, -0.0, 0.0]), side="right")
    ss_case("Searchsorted/empty-x1", A(np.zeros(0)), A([1.0, 2.0]))
    ss_case("Searchsorted/empty-x2", A([1.0, 2.0]), A(np.zeros((0, 2))))
    ss_case("Searchsorted/x2-0d", A([1.0, 2.0, 3.0]), A(2.0))
    ss_case("Searchsorted/views", A(np.arange(20.0), view="::2"), A(np.arange(12.0).reshape(3, 4), view="T"))
    ss_case("Searchsorted/x1-2d", A(np.ones((2, 2))), A([1.0]))
    ss_case("Searchsorted/bad-side", A([1.0, 2.0]), A([1.0]), side="middle")
    ss_case("Searchsorted/sorter-out-of-range", A([1.0, 2.0]), A([1.0]), sorter=A([0, 2], "int64"))
    ss_case("Searchsorted/sorter-wrong-length", A([1.0, 2.0]), A([1.0]), sorter=A([0], "int64"))
    big = {"n": 100003, "mul": 1, "mod": 200000, "scale": 0.5, "offset": -20000.0}
    ss_case("Searchsorted/large", A(None, "float64", recipe=big),
            A(None, "float64", recipe={"n": 70001, "mul": 7919, "mod": 60013, "scale": 1.0, "offset": -25000.0}))
    return g


def unique_model(x):
    """The standard's unique_all on the flattened x: NaNs distinct, -0 equal
    to +0 (the first occurrence's value kept), built on NumPy's stable sort."""
    flat = np.asarray(x).reshape(-1)
    perm = np.argsort(flat, kind="stable")
    s = flat[perm]
    starts = [j for j in range(len(s)) if j == 0 or not (s[j] == s[j - 1])]
    values = s[starts]
    index = perm[starts].astype(np.int64)
    counts = np.diff(starts + [len(s)]).astype(np.int64)
    inverse = np.zeros(len(s), np.int64)
    gid = -1
    for j in range(len(s)):
        if j == 0 or not (s[j] == s[j - 1]):
            gid += 1
        inverse[perm[j]] = gid
    if flat.dtype.kind not in "fc" or not np.isnan(flat).any():
        # Without NaNs, NumPy's np.unique agrees.
        v, i, inv, c = np.unique(flat, return_index=True, return_inverse=True, return_counts=True)
        assert (v == values).all() and (i == index).all() and (inv == inverse).all() and (c == counts).all()
    return values, index, inverse.reshape(np.shape(x)), counts


def gen_sets():
    g = Group("sets")

    def ucase(name, x):
        v, i, inv, c = unique_model(x.np)
        g.add(name + "/all", "UniqueAll", [x], tuple_out([v, i, inv, c]))
        g.add(name + "/counts", "UniqueCounts", [x], tuple_out([v, c]))
        g.add(name + "/inverse", "UniqueInverse", [x], tuple_out([v, inv]))
        g.add(name + "/values", "UniqueValues", [x], v)

    for dt in ALL:
        ucase("Unique/%s/1d" % dt, A(sample_data(dt, 12), dt))
        ucase("Unique/%s/2d" % dt, A(sample_data(dt, 24).reshape(4, 6), dt))
    ucase("Unique/float64/zeros-first-negative", A([1.0, -0.0, 0.0, 1.0, -0.0]))
    ucase("Unique/float64/zeros-first-positive", A([0.0, -0.0, 2.0, -0.0]))
    ucase("Unique/float64/nans", A([nan, 1.0, nan, 1.0, nan]))
    ucase("Unique/float32/special", A(F32_SPECIAL + F32_SPECIAL[::3], "float32"))
    ucase("Unique/complex128/special", A(COMPLEX_SPECIAL + COMPLEX_FINITE + COMPLEX_FINITE[::2], "complex128"))
    ucase("Unique/uint64/big", A([2 ** 64 - 1, 0, 2 ** 63, 2 ** 64 - 1], "uint64"))
    ucase("Unique/empty", A(np.zeros(0)))
    ucase("Unique/empty-2d", A(np.zeros((2, 0)), "int8"))
    ucase("Unique/0d", A(3.5))
    ucase("Unique/view", A(np.arange(24).reshape(4, 6) % 5, "int16", view="::-1, ::2"))
    ucase("Unique/large", A(None, "int32", recipe={"n": 70001, "mul": 7919, "mod": 1009, "offset": -500}))
    ucase("Unique/large-float", A(None, "float64", recipe={"n": 20001, "mul": 7919, "mod": 4093, "scale": 0.25,
                                                            "set": [[7, "nan"], [20000, "nan"], [3, -0.0]]}))

    def isin_case(name, x1, x2, **kw):
        def f():
            dt = operands_dtype(x1, x2)
            a, b = to_dtype(x1, dt), to_dtype(x2, dt)
            return np.isin(a, b, invert=kw.get("invert", False))
        g.add(name, "Isin", [x1, x2], attempt(f), kwargs=kw or None)
    for dt in ALL:
        x1 = A(sample_data(dt, 24).reshape(4, 6), dt)
        x2 = A(sample_data(dt, 12)[::3], dt)
        isin_case("Isin/%s" % dt, x1, x2)
        isin_case("Isin/%s/invert" % dt, x1, x2, invert=True)
    isin_case("Isin/nan-never", A([nan, 1.0, nan]), A([nan, 1.0]))
    isin_case("Isin/signed-zero", A([0.0, -0.0, 1.0]), A([-0.0]))
    isin_case("Isin/complex-nan", A([complex(1, nan), 1 + 0j, complex(nan, 0)]), A([complex(1, nan), 1 + 0j, complex(nan, 0)]))
    isin_case("Isin/promote", A([1, 2, 3, 255], "uint8"), A([2.0, 255.0, -1.0], "float32"))
    isin_case("Isin/int64-uint64", A([-1, 2, 3], "int64"), A([2, 2 ** 64 - 1], "uint64"))
    isin_case("Isin/scalar-x2", A([1, 2, 3], "int16"), S(2))
    isin_case("Isin/scalar-x1", S(2.0), A([1.0, 2.0]))
    isin_case("Isin/empty-x2", A([1.0, 2.0]), A(np.zeros(0)))
    isin_case("Isin/empty-x1", A(np.zeros((0, 2))), A([1.0]))
    isin_case("Isin/0d", A(2), A([1, 2], "int8"))
    isin_case("Isin/views", A(np.arange(12).reshape(3, 4), "int32", view="T"), A(np.arange(20), "int64", view="::3"))
    isin_case("Isin/large", A(None, "int64", recipe={"n": 70001, "mul": 7919, "mod": 4093}),
              A(None, "int64", recipe={"n": 3001, "mul": 13, "mod": 8191}))
    return g


def gen_statistics():
    g = Group("statistics")

    # Diff.
    def diff_case(name, x, prepend=None, append=None, **kw):
        def f():
            v = x.np
            if v.ndim == 0:
                raise Refused("0-d")
            extra = {}
            for key, val in (("prepend", prepend), ("append", append)):
                if val is None:
                    continue
                extra[key] = to_dtype(val, weak(v.dtype, val.kind)) if isinstance(val, S) else val.np
            return np.diff(v, n=kw.get("n", 1), axis=kw.get("axis", -1), **extra)
        g.add(name, "Diff", [x, prepend, append], attempt(f), kwargs=kw or None)
    for dt in ALL:
        x2 = A(sample_data(dt, 24).reshape(4, 6), dt)
        diff_case("Diff/%s/default" % dt, x2)
        diff_case("Diff/%s/axis0" % dt, x2, axis=0)
        diff_case("Diff/%s/n2" % dt, x2, n=2)
    diff_case("Diff/n0", A([1.0, 4.0, 9.0]), n=0)
    diff_case("Diff/n-larger-than-axis", A([1.0, 4.0, 9.0]), n=5)
    diff_case("Diff/n-negative", A([1.0, 4.0, 9.0]), n=-1)
    diff_case("Diff/uint8-wraps", A([5, 3, 250, 1], "uint8"))
    diff_case("Diff/int8-wraps", A([-128, 127, -128], "int8"))
    diff_case("Diff/prepend-scalar", A([[1, 4], [9, 16]], "int32"), prepend=S(0), axis=1)
    diff_case("Diff/append-scalar-float", A([1.0, 4.0, 9.0], "float32"), append=S(0.5))
    diff_case("Diff/prepend-append-arrays", A([[1.0, 4.0], [9.0, 16.0]]), prepend=A([[0.0], [1.0]]),
              append=A([[2, 3], [4, 5]], "int64"), axis=1)
    diff_case("Diff/prepend-promotes", A([1, 2, 4], "int8"), prepend=A([0.5], "float32"))
    diff_case("Diff/prepend-0d", A([[1.0, 2.0], [3.0, 5.0]]), prepend=A(10.0), axis=0)
    diff_case("Diff/prepend-bad-shape", A([[1.0, 2.0], [3.0, 5.0]]), prepend=A([1.0, 2.0, 3.0]))
    diff_case("Diff/bool-prepend-int", A([True, False, True]), prepend=A([1], "int64"))
    diff_case("Diff/special", A(F64_SPECIAL))
    diff_case("Diff/view", A(np.arange(24.0).reshape(4, 6) ** 2, view="::-1, ::2"), axis=0)
    diff_case("Diff/empty", A(np.zeros(0)))
    diff_case("Diff/length1", A([3.0]))
    diff_case("Diff/0d", A(1.0))
    diff_case("Diff/axis-out-of-range", A(np.ones((2, 3))), axis=2)

    # Histogram.
    def hist_case(name, x, bins, weights=None, **kw):
        def f():
            v = x.np
            if v.dtype.kind == "c":
                raise Refused("complex")
            b = bins.v if isinstance(bins, S) else bins.np
            rng = tuple(kw["range"]) if "range" in kw else None
            w = None if weights is None else weights.np
            return np.histogram(v, b, range=rng, weights=w, density=kw.get("density", False))
        g.add(name, "Histogram", [x, bins, weights], attempt_tuple(f), kwargs=kw or None)
    data = A([0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 1.0, 2.0, 0.0, 4.0])
    for dt in ALL:
        if dt in COMPLEX:
            hist_case("Histogram/%s" % dt, A([1 + 1j, 2], dt), S(3))
            continue
        v = sample_data(dt, 24)
        if dt in FLOATS:
            v = v[np.isfinite(v)]
        hist_case("Histogram/%s/bins5" % dt, A(v, dt), S(5))
        hist_case("Histogram/%s/bins10-range" % dt, A(v, dt), S(10), range=[-4.0, 8.0])
        hist_case("Histogram/%s/edges" % dt, A(v, dt), A([-8, -1, 0, 2, 5, 9], "int64"))
    hist_case("Histogram/float64/on-edges", data, S(7))
    hist_case("Histogram/float64/density", data, S(4), density=True)
    hist_case("Histogram/float64/weights", data, S(4), weights=A(np.arange(12) * 0.25))
    hist_case("Histogram/float64/weights-int", data, S(3), weights=A(np.arange(12) % 4, "int32"))
    hist_case("Histogram/float64/weights-float32-density", data, S(3), weights=A(np.arange(12) * 0.5, "float32"), density=True)
    hist_case("Histogram/float64/edges-weights", data, A([0.0, 1.0, 2.5, 4.0]), weights=A(np.arange(12) * 0.25))
    hist_case("Histogram/float64/edges-density", data, A([0.0, 1.0, 2.5, 4.0]), density=True)
    hist_case("Histogram/float64/edges-float32", data, A([0.1, 1.0, 2.5, 3.3], "float32"))
    hist_case("Histogram/float64/edges-with-nan-data", A([1.0, nan, 2.0, 3.0]), A([0.0, 1.0, 2.0, 3.0]))
    hist_case("Histogram/float64/range-with-nan-data", A([1.0, nan, 2.0, 3.0, 7.0, -1.0]), S(3), range=[0.0, 3.0])
    hist_case("Histogram/float64/equal-values", A([2.0, 2.0, 2.0]), S(4))
    hist_case("Histogram/int64/equal-values", A([7, 7], "int64"), S(3))
    hist_case("Histogram/float32/equal-values", A([0.1, 0.1], "float32"), S(3))
    hist_case("Histogram/float32/thirds", A([0.1, 0.7, 0.35, 1.3, 0.58, 0.82], "float32"), S(5))
    hist_case("Histogram/float32/range", A([0.1, 0.7, 0.35, 1.3, 0.58, 0.82], "float32"), S(6), range=[0.1, 1.3])
    hist_case("Histogram/int64/extremes", A([-2 ** 63, 2 ** 63 - 1, 0], "int64"), S(4))
    hist_case("Histogram/uint8/range", A([0, 255, 128, 64], "uint8"), S(4), range=[0.0, 256.0])
    hist_case("Histogram/2d", A(np.arange(12.0).reshape(3, 4) % 5), S(3))
    hist_case("Histogram/view", A(np.arange(24.0).reshape(4, 6), view="T"), S(6))
    hist_case("Histogram/empty", A(np.zeros(0)), S(3))
    hist_case("Histogram/empty-float32", A(np.zeros(0), "float32"), S(2))
    hist_case("Histogram/0d", A(2.5), S(2))
    hist_case("Histogram/bins0", data, S(0))
    hist_case("Histogram/nan-autorange", A([1.0, nan]), S(2))
    hist_case("Histogram/inf-autorange", A([1.0, inf]), S(2))
    hist_case("Histogram/range-reversed", data, S(2), range=[3.0, 1.0])
    hist_case("Histogram/edges-decreasing", data, A([0.0, 2.0, 1.0]))
    hist_case("Histogram/edges-2d", data, A(np.ones((2, 2))))
    hist_case("Histogram/weights-bad-shape", data, S(2), weights=A([1.0, 2.0]))
    for n, bins in ((70001, 17), (131073, 100)):
        r = {"n": n, "mul": 7919, "mod": 4093, "scale": 0.1, "offset": -200.0}
        hist_case("Histogram/float64/n%d" % n, A(None, "float64", recipe=r), S(bins))
        hist_case("Histogram/float32/n%d" % n, A(None, "float32", recipe=r), S(bins))
        hist_case("Histogram/float64/n%d-weights" % n, A(None, "float64", recipe=r), S(bins),
                  weights=A(None, "float64", recipe={"n": n, "mul": 31, "mod": 97, "scale": 0.125}))

    # Bincount.
    def bc_case(name, x, weights=None, **kw):
        def f():
            w = None if weights is None else weights.np
            return np.bincount(x.np, weights=w, minlength=kw.get("minlength", 0))
        g.add(name, "Bincount", [x, weights], attempt(f), kwargs=kw or None)
    for dt in INTS + ["bool"]:
        v = np.abs(sample_data(dt, 12).astype(np.int64)).astype(dt) if dt != "bool" else sample_data(dt, 12)
        bc_case("Bincount/%s" % dt, A(v, dt))
        bc_case("Bincount/%s/minlength" % dt, A(v, dt), minlength=30)
    bc_case("Bincount/weights", A([0, 1, 1, 3, 1], "int64"), weights=A([0.5, 1.0, -2.0, 4.0, 0.25]))
    bc_case("Bincount/weights-int", A([0, 1, 1, 3], "int8"), weights=A([1, 2, 3, 4], "int32"))
    bc_case("Bincount/weights-minlength", A([2, 2], "int64"), weights=A([0.5, 0.5], "float32"), minlength=5)
    bc_case("Bincount/empty", A(np.zeros(0), "int64"))
    bc_case("Bincount/empty-minlength", A(np.zeros(0), "int32"), minlength=4)
    bc_case("Bincount/negative", A([1, -1], "int64"))
    bc_case("Bincount/float", A([1.0, 2.0]))
    bc_case("Bincount/2d", A(np.ones((2, 2)), "int64"))
    bc_case("Bincount/minlength-negative", A([1, 2], "int64"), minlength=-1)
    bc_case("Bincount/weights-bad-shape", A([1, 2], "int64"), weights=A([1.0]))
    bc_case("Bincount/view", A(np.arange(20) % 7, "int32", view="::-2"))
    bc_case("Bincount/large", A(None, "int32", recipe={"n": 100003, "mul": 7919, "mod": 1009}))

    # Quantiles and medians.
    def q_case(name, fname, x, q=None, **kw):
        def f():
            v = x.np
            if v.dtype.kind in "cb" and fname not in ("Median", "NanMedian"):
                raise Refused("complex or bool")
            axis = norm_axis(kw.get("axis"))
            keep = kw.get("keepdims", False)
            method = kw.get("method", "linear")
            qv = None if q is None else (q.v if isinstance(q, S) else q.np)
            fn = {"Quantile": np.quantile, "Percentile": np.percentile,
                  "NanQuantile": np.nanquantile, "NanPercentile": np.nanpercentile}.get(fname)
            if fn is not None:
                if v.size == 0 and not fname.startswith("Nan"):
                    raise Refused("empty")
                if method not in ("linear", "lower", "higher", "nearest", "midpoint"):
                    raise Refused("documented: we offer NumPy's five classic methods only")
                if fname.startswith("Nan") and np.ndim(qv) > 1:
                    # Documented: NumPy 1.24's nanquantile misplaces the axes of
                    # a q of more than one dimension; ours come first, as in
                    # quantile.
                    parts = [fn(v, qi, axis=axis, keepdims=keep, method=method) for qi in np.ravel(qv)]
                    r = np.stack(parts).reshape(np.shape(qv) + np.shape(parts[0]))
                else:
                    r = fn(v, qv, axis=axis, keepdims=keep, method=method)
                if v.dtype == np.float32 and method not in ("lower", "higher", "nearest"):
                    # Documented: NumPy 1.24 gives float64; we keep float32 (as NumPy 2).
                    r = np.asarray(r).astype(np.float32)
                return r
            fn = np.median if fname == "Median" else np.nanmedian
            return fn(v, axis=axis, keepdims=keep)
        args = [x] if q is None else [x, q]
        g.add(name, fname, args, attempt(f), kwargs=kw or None)

    for fname in ("Quantile", "Percentile", "Median", "NanQuantile", "NanPercentile", "NanMedian"):
        pct = "Percentile" in fname
        qs = S(40.0) if pct else S(0.4)
        qa = A([0.0, 12.5, 50.0, 99.0, 100.0]) if pct else A([0.0, 0.125, 0.5, 0.99, 1.0])
        qm = None if "Median" in fname else qs
        for dt in ALL:
            v = sample_data(dt, 24)
            if dt in FLOATS and not fname.startswith("Nan"):
                v = np.where(np.isnan(v), 1.5, v)
            x2 = A(v.reshape(4, 6), dt)
            x3 = A(v.reshape(2, 3, 4), dt)
            q_case("%s/%s/all" % (fname, dt), fname, x2, qm)
            q_case("%s/%s/axis0" % (fname, dt), fname, x2, qm, axis=0)
            q_case("%s/%s/axis-1-keepdims" % (fname, dt), fname, x3, qm, axis=-1, keepdims=True)
            q_case("%s/%s/axes0,2" % (fname, dt), fname, x3, qm, axis=[0, 2])
            if "Median" not in fname:
                q_case("%s/%s/q-array" % (fname, dt), fname, x2, qa, axis=1)
        finite = A([[3.0, 1.0, 4.0, 1.5, 9.0, 2.6], [5.0, -3.5, 5.0, 8.0, 9.75, 7.0], [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]])
        q_case("%s/float64/finite" % fname, fname, finite, qm, axis=1)
        q_case("%s/float64/nan" % fname, fname, A([[1.0, nan, 3.0, 2.0], [nan, nan, nan, nan], [4.0, 3.0, 2.0, 1.0]]), qm, axis=1)
        q_case("%s/float64/inf" % fname, fname, A([[1.0, inf, 3.0], [-inf, inf, 0.0], [-inf, -inf, 1.0]]), qm, axis=1)
        q_case("%s/float32/odd-even" % fname, fname, A([[0.1, 0.7, 0.3], [0.2, 0.9, 0.5]], "float32"), qm, axis=0)
        q_case("%s/float64/n1" % fname, fname, A([2.5]), qm)
        q_case("%s/empty" % fname, fname, A(np.zeros(0)), qm)
        q_case("%s/empty-axis0" % fname, fname, A(np.zeros((0, 3))), qm, axis=0)
        q_case("%s/view" % fname, fname, A(np.arange(30.0).reshape(5, 6) % 7, view="::-1, 1::2"), qm, axis=0)
        q_case("%s/0d" % fname, fname, A(2.5), qm)
        q_case("%s/axis-out-of-range" % fname, fname, A(np.ones((2, 3))), qm, axis=2)
        r = {"n": 100003, "mul": 7919, "mod": 4093, "scale": 0.5, "offset": -1000.0}
        q_case("%s/float64/n100003" % fname, fname, A(None, "float64", recipe=r), qm)
        q_case("%s/float64/300x301-axis0" % fname, fname, A(None, "float64", recipe=dict(r, n=300 * 301), shape=(300, 301)), qm, axis=0)
        if "Median" not in fname:
            for method in ("lower", "higher", "nearest", "midpoint", "linear"):
                qq = A([0.0, 10.0, 25.0, 50.0, 62.5, 90.0, 100.0]) if pct else A([0.0, 0.1, 0.25, 0.5, 0.625, 0.9, 1.0])
                q_case("%s/method-%s" % (fname, method), fname, finite, qq, axis=1, method=method)
                q_case("%s/method-%s/int" % (fname, method), fname, A([[4, 1, 7, 3], [2, 9, 9, 5]], "int32"), qq, axis=1, method=method)
                q_case("%s/method-%s/nan" % (fname, method), fname, A([[1.0, nan, 3.0, 2.0, 0.5], [nan] * 5]), qq, axis=1, method=method)
            q_case("%s/method-bad" % fname, fname, finite, qs, method="inverted_cdf")
            q_case("%s/q-too-big" % fname, fname, finite, S(101.0) if pct else S(1.5))
            q_case("%s/q-negative" % fname, fname, finite, A([0.5, -0.25]))
            q_case("%s/q-nan" % fname, fname, finite, S(nan))
            q_case("%s/q-int" % fname, fname, finite, S(1), axis=1)
            q_case("%s/q-2d" % fname, fname, finite, A([[0.0, 1.0], [0.5, 0.25]]), axis=1)
    return g


NAN_REDUCTIONS = ["NanSum", "NanProd", "NanMin", "NanMax", "NanMean", "NanVar", "NanStd"]


def nan_reduce_expected(fname, x, kw):
    v = x.np
    axis = norm_axis(kw.get("axis"))
    keep = kw.get("keepdims", False)
    dtype = np.dtype(kw["dtype"]) if "dtype" in kw else None
    if fname in ("NanSum", "NanProd"):
        f = np.nansum if fname == "NanSum" else np.nanprod
        return f(v, axis=axis, keepdims=keep, dtype=dtype or sum_dtype(v.dtype))
    if fname in ("NanMin", "NanMax"):
        if v.dtype.kind == "c":
            raise Refused("STANDARD: complex numbers have no order")
        return (np.nanmin if fname == "NanMin" else np.nanmax)(v, axis=axis, keepdims=keep)
    if fname == "NanMean":
        return np.nanmean(v, axis=axis, keepdims=keep, dtype=dtype or mean_dtype(v.dtype))
    if fname in ("NanVar", "NanStd"):
        f = np.nanvar if fname == "NanVar" else np.nanstd
        dt = dtype or mean_dtype(v.dtype)
        return f(v.astype(dt), axis=axis, keepdims=keep, ddof=kw.get("correction", 0))
    if fname in ("NanCumulativeSum", "NanCumulativeProd"):
        f = np.nancumsum if fname == "NanCumulativeSum" else np.nancumprod
        return cumulative(f, fname.endswith("Sum"), v, axis, dtype, kw)
    raise KeyError(fname)


def gen_nanreductions():
    g = Group("nanreductions")

    def case(name, fname, x, **kw):
        g.add(name, fname, [x], attempt(lambda: nan_reduce_expected(fname, x, kw)), kwargs=kw or None)

    # Values exact to sum in any order (see gen_reductions), with NaNs.
    grid = (np.arange(24).reshape(2, 3, 4) % 7 - 3) * 0.5
    grid_nan = np.where(np.arange(24).reshape(2, 3, 4) % 5 == 1, nan, grid)
    grid_nan[1, 2, :] = nan  # an all-NaN line along the last axis
    for fname in NAN_REDUCTIONS + ["NanCumulativeSum", "NanCumulativeProd"]:
        cum = fname.startswith("NanCumulative")
        for dt in ALL:
            if dt == "bool":
                x = A(np.arange(24).reshape(2, 3, 4) % 3 == 0, dt)
            elif dt in INTS:
                x = A(np.arange(24).reshape(2, 3, 4) % 5 - (2 if dt.startswith("int") else 0), dt)
            elif dt in COMPLEX:
                z = grid_nan + 1j * grid[::-1]
                z[0, 0, 0] = complex(1.0, nan)
                x = A(z, dt)
            else:
                x = A(grid_nan, dt)
            axes = [{"axis": 0}, {"axis": -1}, {"axis": 1, "include_initial": True}] if cum else \
                [{}, {"axis": 0}, {"axis": -1}, {"axis": [0, 2]}, {"axis": 1, "keepdims": True}, {"keepdims": True}]
            for kw in axes:
                label = ",".join("%s=%s" % (k, v) for k, v in sorted(kw.items())) or "all"
                case("%s/%s/%s" % (fname, dt, label), fname, x, **kw)
            if fname in ("NanVar", "NanStd"):
                case("%s/%s/correction1" % (fname, dt), fname, x, axis=-1, correction=1.0)
                case("%s/%s/correction3" % (fname, dt), fname, x, axis=-1, correction=3.0)
            if dt in FLOATS:
                case("%s/%s/special" % (fname, dt), fname, A(special(dt), dt))
        for shp, kw in (((0,), {}), ((0, 3), {"axis": 0}), ((2, 0), {"axis": 1, "keepdims": True})):
            case("%s/empty/%s-%s" % (fname, "x".join(map(str, shp)), kw.get("axis")), fname, A(np.zeros(shp)), **kw)
        case("%s/all-nan" % fname, fname, A([nan, nan, nan]))
        case("%s/0d" % fname, fname, A(nan))
        case("%s/axis-out-of-range" % fname, fname, A(np.ones((2, 3))), axis=2)
        base = np.where(np.arange(30).reshape(5, 6) % 4 == 0, nan, (np.arange(30).reshape(5, 6) % 9 - 4) * 0.25)
        case("%s/view/T-axis0" % fname, fname, A(base, "float64", view="T"), axis=0)
        case("%s/view/rev-axis1" % fname, fname, A(base, "float32", view="::-1, ::2"), axis=1)
        for n in (127, 1000, 65537):
            r = {"n": n, "mul": 7919, "mod": 4096, "scale": 2.0 ** -5, "offset": -64.0,
                 "set": [[3, "nan"], [n - 1, "nan"], [min(n - 2, 65536), "nan"]]}
            if fname in ("NanSum", "NanMean", "NanMin", "NanMax", "NanVar", "NanCumulativeSum"):
                case("%s/float64/n%d" % (fname, n), fname, A(None, "float64", recipe=r))
            if fname in ("NanSum", "NanMean", "NanMax"):
                case("%s/float64/%d-2d-axis0" % (fname, n), fname, A(None, "float64", recipe=dict(r, n=n * 3), shape=(n, 3)), axis=0)
    case("NanSum/float32/dtype-float64", "NanSum", A([0.1, nan, 0.3], "float32"), dtype="float64")
    case("NanMean/float32/dtype-float64", "NanMean", A([0.1, nan, 0.3], "float32"), dtype="float64")
    case("NanMax/float64/signed-zeros", "NanMax", A([[-0.0, 0.0, nan], [0.0, -0.0, nan], [nan, -0.0, -0.0]]), axis=1)
    case("NanMin/float64/signed-zeros", "NanMin", A([[-0.0, 0.0, nan], [0.0, -0.0, nan], [nan, 0.0, 0.0]]), axis=1)
    case("NanMax/float64/inf-and-nan", "NanMax", A([[-inf, nan], [nan, -inf], [inf, nan]]), axis=1)
    return g


# ---------------------------------------------------------------- main

GENERATORS = ["generate.py", "gen_advanced.py", "gen_shapes.py", "gen_matmul.py"]


def scripts_digest():
    """The SHA-256 of the generator scripts, in the order of GENERATORS (the
    Go test TestGoldenDataFresh computes the same)."""
    h = hashlib.sha256()
    for name in GENERATORS:
        with open(os.path.join(HERE, name), "rb") as f:
            h.update(hashlib.sha256(f.read()).digest())
    return h.hexdigest()


def main():
    os.makedirs(OUT, exist_ok=True)
    summary = {}
    import gen_advanced
    import gen_shapes
    import gen_matmul
    for gen in (gen_unary, gen_binary, gen_promotion, gen_reductions, gen_creation,
                gen_manipulation, gen_indexing, gen_sorting, gen_searching, gen_sets,
                gen_statistics, gen_nanreductions, gen_advanced.generate, gen_shapes.generate,
                gen_matmul.generate):
        g = gen()
        path, n = g.write()
        summary[g.name] = n
        print("%-24s %5d cases  %8d bytes" % (g.name, n, os.path.getsize(path)))
    manifest = {"generator": "test/golden/generate.py", "generator_sha256": scripts_digest(),
                "numpy": np.__version__, "cases": summary}
    with open(os.path.join(OUT, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
