#!/usr/bin/python3
"""Test cases for package linalg from NumPy (and SciPy).

Run it with Debian's python3-numpy and python3-scipy, from anywhere:

    /usr/bin/python3 arrays/linalg/testdata/generate.py     # or: go generate ./arrays/linalg

It writes cases.json.gz (gzip, with no time stamp, so that a rerun writes the
same bytes) beside itself, with the SHA-256 of this script, so that
the Go test (TestCasesFresh) tells when the data is stale.

A case is {"name", "func", "args": [arg...], "kwargs": {...}, "out": [...],
"check": ..., "tol": ...}:

- an arg is an array {"dtype", "shape", "data", "view"?}: data in C order of
  the contiguous base array, floats as JSON numbers (repr, exact) or "nan",
  "inf", "-inf", complex numbers as [re, im]; "view" makes a non-contiguous
  input from the base: "T" swaps the last two axes, anything else is an
  index string for arrays' Index ("::2, 1:"). A scalar arg is {"int": v}.
- "out" lists the expected results (arrays, or {"int": v} for Lstsq's
  rank), or is {"error": kind} with kind "singular", "notpd", "nonfinite",
  "shape" or "value".
- "check" says how to compare:
    "values": every result within tol (|got - want| <= tol * max(1, max|want|),
              NaN where NaN is expected, infinities equal);
    "eigh":   w as values; v by invariants (A·v = v·diag(w) over the lower
              triangle's Hermitian matrix, vᴴv = I);
    "eig":    w as a multiset; v by A·v = v·diag(w) and unit columns;
    "eigvals": w as a multiset;
    "svd":    s as values; u and vh by u·diag(s)·vh = A (the first k columns
              and rows) and orthonormality, and by their shapes;
    "qr":     q·r = A, qᴴq = I, r upper triangular, shapes; for real input
              also q and r as values (LAPACK's signs are deterministic).

Expected values for float32 and complex64 inputs are NumPy's float64
(complex128) results on the same input, rounded to float32: the Go package
computes in double precision and rounds, so this is what it must give,
within a float32 tolerance. (The dtype is checked against NumPy's own float32
result.)

Where the array API standard and NumPy 1.24 differ, the standard is followed
(comments say STANDARD): Solve's vector b, Eig's complex results, Pinv's
default rtol, Cholesky's upper (NumPy 2's meaning).
"""

import gzip
import hashlib
import json
import math
import os
import warnings

import numpy as np
import scipy
import scipy.linalg

warnings.simplefilter("ignore")
np.seterr(all="ignore")

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "cases.json.gz")
LinAlgError = np.linalg.LinAlgError

F64, F32, C128, C64 = "float64", "float32", "complex128", "complex64"


# ---------------------------------------------------------------- encoding

def enc_float(f):
    f = float(f)
    if math.isnan(f):
        return "nan"
    if math.isinf(f):
        return "inf" if f > 0 else "-inf"
    return f


def enc_array(a):
    a = np.asarray(a)
    k = a.dtype.kind
    if k == "c":
        data = [[enc_float(v.real), enc_float(v.imag)] for v in a.ravel()]
    elif k == "f":
        data = [enc_float(v) for v in a.ravel()]
    elif k == "b":
        data = [bool(v) for v in a.ravel()]
    else:
        data = [int(v) for v in a.ravel()]
    return {"dtype": a.dtype.name, "shape": list(a.shape), "data": data}


def apply_view(base, view):
    if view is None:
        return base
    if view == "T":
        return np.swapaxes(base, -1, -2)
    return eval("base[" + view + "]", {"base": base})


class A:
    """An array argument: a contiguous base and an optional view of it."""

    def __init__(self, base, dtype=None, view=None):
        self.base = np.ascontiguousarray(np.array(base, dtype=dtype))
        self.view = view
        self.np = apply_view(self.base, view)

    def json(self):
        d = enc_array(self.base)
        if self.view is not None:
            d["view"] = self.view
        return d


def enc_out(r):
    if isinstance(r, int):
        return {"int": r}
    return enc_array(r)


# ---------------------------------------------------------------- inputs

def rng(seed):
    return np.random.RandomState(seed)


def rand(shape, dt, seed):
    """Random values in [-1, 1) (complex: both parts)."""
    r = rng(seed)
    v = r.uniform(-1, 1, size=shape)
    if np.dtype(dt).kind == "c":
        v = v + 1j * r.uniform(-1, 1, size=shape)
    return v.astype(dt)


def rand_spd(n, dt, seed, batch=()):
    """Hermitian positive definite matrices."""
    a = rand(batch + (n, n), dt, seed).astype(np.complex128 if np.dtype(dt).kind == "c" else np.float64)
    h = a @ np.conj(np.swapaxes(a, -1, -2)) + n * np.eye(n)
    return h.astype(dt)


def rand_herm(n, dt, seed, batch=()):
    a = rand(batch + (n, n), dt, seed).astype(np.complex128 if np.dtype(dt).kind == "c" else np.float64)
    return ((a + np.conj(np.swapaxes(a, -1, -2))) / 2).astype(dt)


def hilbert(n):
    return scipy.linalg.hilbert(n)


def is_low(dt):
    return np.dtype(dt) in (np.dtype(F32), np.dtype(C64))


def wide(dt):
    """The double precision dtype that computes for dt."""
    dt = np.dtype(dt)
    if dt.kind == "c":
        return np.dtype(C128)
    return np.dtype(F64)


# ---------------------------------------------------------------- cases

CASES = []
NAMES = set()

# Tolerances per dtype (relative to max(1, max|want|)), times n and a
# condition factor where the problem's conditioning matters.
BASE_TOL = {"float64": 1e-13, "complex128": 1e-13, "float32": 2e-6, "complex64": 2e-6}


class Refuse(Exception):
    def __init__(self, kind):
        self.kind = kind


def add(name, func, args, compute, kwargs=None, check="values", tol=None, cond=1.0, n=None, unique=True):
    """compute(*arrays) returns the tuple of expected results computed in
    double precision; for float32/complex64 inputs they are rounded to the
    single precision dtype of NumPy's own result. unique=False: a QR whose
    factors are not unique (rank-deficient input) is checked by invariants
    only."""
    assert name not in NAMES, name
    NAMES.add(name)
    nps = [a.np if isinstance(a, A) else a for a in args]
    low = any(isinstance(a, A) and is_low(a.np.dtype) for a in args)
    c = {"name": name, "func": func, "args": [a.json() if isinstance(a, A) else {"int": a} for a in args],
         "check": check}
    if kwargs:
        c["kwargs"] = kwargs
    try:
        if low:
            # NumPy's own single precision result gives the dtypes; the
            # values come from double precision.
            own = compute(*nps)
            wides = [x.astype(wide(x.dtype)) if isinstance(x, np.ndarray) else x for x in nps]
            out = compute(*wides)
            out = tuple(o if isinstance(o, int) else np.asarray(o).astype(np.asarray(w).dtype)
                        for o, w in zip(out, own))
        else:
            out = compute(*nps)
        c["out"] = [enc_out(o) for o in out]
        # Vectors checked by invariants need only their dtype and shape.
        drop = {"eigh": [1], "eig": [1], "svd": [0, 2]}.get(check, [])
        if check == "qr" and (not unique or any(isinstance(a, A) and a.np.dtype.kind == "c" for a in args)):
            drop = [0, 1]
        for i in drop:
            if i < len(c["out"]):
                c["out"][i].pop("data")
    except Refuse as e:
        c["out"] = {"error": e.kind}
    except LinAlgError as e:
        msg = str(e)
        if "Singular" in msg:
            c["out"] = {"error": "singular"}
        elif "positive definite" in msg:
            c["out"] = {"error": "notpd"}
        elif "infs or NaNs" in msg or "converge" in msg:
            c["out"] = {"error": "nonfinite"}
        else:
            raise
    except (ValueError, IndexError, np.AxisError) as e:
        c["out"] = {"error": "value"}
    if tol is None:
        dts = [a.np.dtype.name for a in args if isinstance(a, A)]
        t = max(BASE_TOL.get(d, 1e-13) for d in dts)
        if n is None:
            n = max([max(a.np.shape[-2:]) if a.np.ndim >= 2 else (a.np.shape[0] if a.np.ndim else 1)
                     for a in args if isinstance(a, A)] + [1])
        tol = t * max(n, 1) * cond
        if any(d in ("float32", "complex64") for d in dts):
            tol = max(tol, 2e-6 * max(n, 1))
    c["tol"] = tol
    CASES.append(c)


def tup(*xs):
    return tuple(xs)


def sizes_square():
    return [0, 1, 2, 5, 17]


DTYPES = [F64, F32, C128, C64]


def need_square(a):
    if a.ndim < 2:
        raise Refuse("shape")
    if a.shape[-1] != a.shape[-2]:
        raise Refuse("shape")


def need_2d(a):
    if a.ndim < 2:
        raise Refuse("shape")


def nonfinite_check(a):
    if not np.all(np.isfinite(a)):
        raise Refuse("nonfinite")


# ---------------------------------------------------------------- Inv, Det, Slogdet, Solve

def gen_lu():
    def inv(a):
        need_square(a)
        return tup(np.linalg.inv(a))

    def det(a):
        need_square(a)
        return tup(np.linalg.det(a))

    def slogdet(a):
        need_square(a)
        s, l = np.linalg.slogdet(a)
        return tup(s, l)

    for dt in DTYPES:
        for n in sizes_square():
            a = A(rand((n, n), dt, 10 + n) + (n * np.eye(n) / 2).astype(dt))
            add("Inv/%s/%dx%d" % (dt, n, n), "Inv", [a], inv)
            add("Det/%s/%dx%d" % (dt, n, n), "Det", [a], det)
            add("Slogdet/%s/%dx%d" % (dt, n, n), "Slogdet", [a], slogdet)
        st = A(rand((2, 3, 4, 4), dt, 20))
        add("Inv/%s/stack" % dt, "Inv", [st], inv, cond=100)
        add("Det/%s/stack" % dt, "Det", [st], det, cond=10)
        add("Slogdet/%s/stack" % dt, "Slogdet", [st], slogdet, cond=10)
        v = A(rand((6, 6), dt, 21), view="T")
        add("Inv/%s/transposed" % dt, "Inv", [v], inv, cond=100)
        add("Det/%s/transposed" % dt, "Det", [v], det, cond=10)
        s = A(rand((8, 10), dt, 22), view="::2, 1::2")
        add("Inv/%s/strided" % dt, "Inv", [s], inv, cond=100)
        add("Det/%s/strided" % dt, "Det", [s], det, cond=10)
        sing = A(np.array([[1, 2, 3], [2, 4, 6], [1, 0, 1]], dt))
        add("Inv/%s/singular" % dt, "Inv", [sing], inv)
        add("Det/%s/singular" % dt, "Det", [sing], det)
        add("Slogdet/%s/singular" % dt, "Slogdet", [sing], slogdet)
        zero = A(np.zeros((3, 3), dt))
        add("Inv/%s/zero" % dt, "Inv", [zero], inv)
        add("Slogdet/%s/zero" % dt, "Slogdet", [zero], slogdet)
    # A singular matrix inside a stack: the error names its index.
    st = rand((2, 3, 3, 3), F64, 23)
    st[1, 2] = [[1, 2, 3], [2, 4, 6], [0, 1, 1]]
    add("Inv/float64/stack-singular", "Inv", [A(st)], inv)
    # Ill-conditioned: Hilbert matrices (cond ~ 1e10 for n = 8).
    h = hilbert(8)
    cond = np.linalg.cond(h)
    add("Inv/float64/hilbert8", "Inv", [A(h)], inv, cond=cond)
    add("Det/float64/hilbert8", "Det", [A(h)], det, cond=cond)
    add("Slogdet/float64/hilbert8", "Slogdet", [A(h)], slogdet, cond=cond)
    h5 = hilbert(5)
    add("Inv/float32/hilbert5", "Inv", [A(h5, F32)], inv)
    # Integers and bools compute in float64.
    add("Inv/int64", "Inv", [A([[2, 1], [7, 4]], "int64")], inv)
    add("Det/int32", "Det", [A([[2, 1, 0], [7, 4, 1], [1, 1, 5]], "int32")], det)
    add("Det/bool", "Det", [A([[True, True], [False, True]])], det)
    add("Slogdet/uint8", "Slogdet", [A([[2, 9], [3, 4]], "uint8")], slogdet)
    # Non-finite values propagate.
    add("Inv/float64/nan", "Inv", [A([[1, np.nan], [2, 3]])], inv)
    add("Det/float64/nan", "Det", [A([[1, np.nan], [2, 3]])], det)
    add("Det/float64/large", "Det", [A(np.diag([1e200, 1e200, 1e-300]))], det)
    # Shapes.
    add("Inv/error/non-square", "Inv", [A(np.ones((2, 3)))], inv)
    add("Inv/error/1d", "Inv", [A(np.ones(3))], inv)
    add("Det/error/non-square", "Det", [A(np.ones((2, 3, 4)))], det)
    add("Inv/float64/0x0-stack", "Inv", [A(np.zeros((3, 0, 0)))], inv)
    add("Det/float64/empty-stack", "Det", [A(np.zeros((0, 2, 2)))], det)

    # Solve. STANDARD: b is a vector only when 1-d; otherwise a stack of
    # matrices whose batch axes broadcast against a's.
    def solve(a, b):
        need_square(a)
        if b.ndim == 0:
            raise Refuse("shape")
        n = a.shape[-1]
        if b.ndim == 1:
            if b.shape[0] != n:
                raise Refuse("shape")
            return tup(np.linalg.solve(a, np.broadcast_to(b[:, None], a.shape[:-2] + (n, 1)))[..., 0])
        if b.shape[-2] != n:
            raise Refuse("shape")
        try:
            batch = np.broadcast_shapes(a.shape[:-2], b.shape[:-2])
        except ValueError:
            raise Refuse("shape")
        return tup(np.linalg.solve(np.broadcast_to(a, batch + a.shape[-2:]), np.broadcast_to(b, batch + b.shape[-2:])))

    for dt in DTYPES:
        for n in (0, 1, 2, 5, 17):
            a = A(rand((n, n), dt, 30 + n) + (n * np.eye(n) / 2).astype(dt))
            add("Solve/%s/%d-vector" % (dt, n), "Solve", [a, A(rand((n,), dt, 40 + n))], solve, cond=10)
            add("Solve/%s/%d-matrix" % (dt, n), "Solve", [a, A(rand((n, 3), dt, 50 + n))], solve, cond=10)
        a = A(rand((2, 3, 4, 4), dt, 60) + (2 * np.eye(4)).astype(dt))
        add("Solve/%s/stack-vector" % dt, "Solve", [a, A(rand((4,), dt, 61))], solve, cond=10)
        add("Solve/%s/stack-matrix" % dt, "Solve", [a, A(rand((2, 3, 4, 2), dt, 62))], solve, cond=10)
        add("Solve/%s/stack-broadcast-b" % dt, "Solve", [a, A(rand((3, 4, 5), dt, 63))], solve, cond=10)
        add("Solve/%s/broadcast-a" % dt, "Solve", [A(rand((4, 4), dt, 64) + (2 * np.eye(4)).astype(dt)), A(rand((2, 4, 3), dt, 65))], solve, cond=10)
        add("Solve/%s/transposed" % dt, "Solve", [A(rand((5, 5), dt, 66) + (2 * np.eye(5)).astype(dt), view="T"), A(rand((5, 2), dt, 67), view="::-1")], solve, cond=10)
        add("Solve/%s/singular" % dt, "Solve", [A(np.array([[1, 2], [2, 4]], dt)), A(np.ones(2, dt))], solve)
    add("Solve/promote/float32-float64", "Solve", [A(np.eye(3, dtype=F32) * 2), A(rand((3,), F64, 68))], solve)
    add("Solve/promote/int64-complex64", "Solve", [A([[2, 1], [1, 3]], "int64"), A(rand((2,), C64, 69))], solve)
    add("Solve/promote/int32", "Solve", [A([[2, 1], [1, 3]], "int32"), A([1, 2], "int32")], solve)
    add("Solve/float64/hilbert8", "Solve", [A(hilbert(8)), A(np.ones(8))], solve, cond=np.linalg.cond(hilbert(8)))
    st = rand((3, 2, 2), F64, 70)
    st[2] = [[1, 1], [1, 1]]
    add("Solve/float64/stack-singular", "Solve", [A(st), A(np.ones((3, 2, 1)))], solve)
    add("Solve/float64/nan", "Solve", [A([[1, np.nan], [2, 3]]), A([1.0, 2.0])], solve)
    add("Solve/error/b-length", "Solve", [A(np.eye(3)), A(np.ones(4))], solve)
    add("Solve/error/b-rows", "Solve", [A(np.eye(3)), A(np.ones((4, 2)))], solve)
    add("Solve/error/non-square", "Solve", [A(np.ones((3, 2))), A(np.ones(3))], solve)
    add("Solve/error/batch", "Solve", [A(np.ones((2, 3, 3))), A(np.ones((4, 3, 1)))], solve)
    add("Solve/error/0d-b", "Solve", [A(np.eye(3)), A(np.array(1.0))], solve)
    # STANDARD: a 2-d b is a matrix, never a stack of vectors: b of shape
    # (2, 3) is one 2×3 matrix, whose 2 rows do not match a's 3 (NumPy 1.24
    # would solve two vectors).
    add("Solve/standard/b-2d-not-stack-of-vectors", "Solve", [A(np.ones((2, 3, 3)) + np.eye(3)), A(np.ones((2, 3)))], solve)


# ---------------------------------------------------------------- eigenvalues

def gen_eig():
    def eigh(a):
        need_square(a)
        w, v = np.linalg.eigh(a)
        return tup(w, v)

    def eigvalsh(a):
        need_square(a)
        return tup(np.linalg.eigvalsh(a))

    def eig(a):
        need_square(a)
        nonfinite_check(a)
        w, v = np.linalg.eig(a)
        # STANDARD: always complex.
        ct = np.result_type(w.dtype, np.complex64)
        return tup(w.astype(ct), v.astype(ct))

    def eigvals(a):
        need_square(a)
        nonfinite_check(a)
        w = np.linalg.eigvals(a)
        return tup(w.astype(np.result_type(w.dtype, np.complex64)))

    for dt in DTYPES:
        for n in sizes_square():
            h = A(rand_herm(n, dt, 100 + n))
            add("Eigh/%s/%dx%d" % (dt, n, n), "Eigh", [h], eigh, check="eigh")
            add("Eigvalsh/%s/%dx%d" % (dt, n, n), "Eigvalsh", [h], eigvalsh)
            g = A(rand((n, n), dt, 120 + n))
            add("Eig/%s/%dx%d" % (dt, n, n), "Eig", [g], eig, check="eig", cond=10)
            add("Eigvals/%s/%dx%d" % (dt, n, n), "Eigvals", [g], eigvals, check="eigvals", cond=10)
        hs = A(rand_herm(4, dt, 140, batch=(2, 3)))
        add("Eigh/%s/stack" % dt, "Eigh", [hs], eigh, check="eigh")
        add("Eigvalsh/%s/stack" % dt, "Eigvalsh", [hs], eigvalsh)
        gs = A(rand((2, 3, 4, 4), dt, 141))
        add("Eig/%s/stack" % dt, "Eig", [gs], eig, check="eig", cond=10)
        add("Eigvals/%s/stack" % dt, "Eigvals", [gs], eigvals, check="eigvals", cond=10)
        # Only the lower triangle is read.
        lower = np.tril(rand_herm(5, dt, 142)) + np.triu(rand((5, 5), dt, 143), 1) * 7
        add("Eigh/%s/lower-only" % dt, "Eigh", [A(lower)], eigh, check="eigh")
        add("Eigvalsh/%s/lower-only" % dt, "Eigvalsh", [A(lower)], eigvalsh)
        add("Eigh/%s/transposed" % dt, "Eigh", [A(rand_herm(6, dt, 144), view="T")], eigh, check="eigh")
        add("Eig/%s/strided" % dt, "Eig", [A(rand((10, 12), dt, 145), view="::2, 1::2")], eig, check="eig", cond=10)
        # Repeated eigenvalues.
        add("Eigh/%s/identity" % dt, "Eigh", [A(np.eye(4, dtype=dt))], eigh, check="eigh")
        add("Eig/%s/jordan-free-repeated" % dt, "Eig", [A(np.diag(np.array([2, 2, 3], dtype=dt)))], eig, check="eig")
        add("Eig/%s/nan" % dt, "Eig", [A(np.array([[1, np.nan], [0, 1]], dt))], eig, check="eig")
        add("Eigvals/%s/inf" % dt, "Eigvals", [A(np.array([[1, np.inf], [0, 1]], dt))], eigvals, check="eigvals")
        add("Eigvalsh/%s/nan-lower" % dt, "Eigvalsh", [A(np.array([[1, 0], [np.nan, 1]], dt))], eigvalsh)
    # Real matrices with complex eigenvalues (conjugate pairs).
    rot = np.array([[0, -1, 0], [1, 0, 0], [0, 0, 2.0]])
    add("Eig/float64/rotation", "Eig", [A(rot)], eig, check="eig")
    add("Eigvals/float32/rotation", "Eigvals", [A(rot, F32)], eigvals, check="eigvals")
    add("Eig/int64", "Eig", [A([[2, 1], [1, 3]], "int64")], eig, check="eig")
    add("Eigh/int64", "Eigh", [A([[2, 1], [1, 3]], "int64")], eigh, check="eigh")
    add("Eigh/float64/ill-conditioned", "Eigh", [A(hilbert(8))], eigh, check="eigh")
    add("Eig/error/non-square", "Eig", [A(np.ones((2, 3)))], eig, check="eig")
    add("Eigh/error/1d", "Eigh", [A(np.ones(3))], eigh, check="eigh")


# ---------------------------------------------------------------- SVD and friends

def gen_svd():
    dt = F64
    def svd(a, full=True):
        need_2d(a)
        nonfinite_check(a)
        u, s, vh = np.linalg.svd(a, full_matrices=full)
        return tup(u, s, vh)

    def svdvals(a):
        need_2d(a)
        nonfinite_check(a)
        return tup(np.linalg.svd(a, compute_uv=False))

    shapes = [(0, 0), (1, 1), (2, 2), (5, 5), (17, 17), (7, 4), (4, 7), (3, 0), (0, 3), (1, 6), (6, 1)]
    for dt in DTYPES:
        for i, shp in enumerate(shapes):
            a = A(rand(shp, dt, 200 + i))
            nm = "%dx%d" % shp
            add("Svd/%s/%s" % (dt, nm), "Svd", [a], svd, check="svd")
            add("Svd/%s/%s-reduced" % (dt, nm), "Svd", [a], lambda x: svd(x, False), check="svd", kwargs={"full_matrices": False})
            add("Svdvals/%s/%s" % (dt, nm), "Svdvals", [a], svdvals)
        st = A(rand((2, 3, 4, 3), dt, 230))
        add("Svd/%s/stack" % dt, "Svd", [st], svd, check="svd")
        add("Svd/%s/stack-reduced" % dt, "Svd", [st], lambda x: svd(x, False), check="svd", kwargs={"full_matrices": False})
        add("Svdvals/%s/stack" % dt, "Svdvals", [st], svdvals)
        add("Svd/%s/transposed" % dt, "Svd", [A(rand((5, 3), dt, 231), view="T")], svd, check="svd")
        add("Svdvals/%s/strided" % dt, "Svdvals", [A(rand((8, 9), dt, 232), view="1::2, ::-2")], svdvals)
        # Rank-deficient: repeated zero singular values.
        low = (rand((6, 2), dt, 233).astype(wide(dt)) @ rand((2, 5), dt, 234).astype(wide(dt))).astype(dt)
        add("Svd/%s/rank2" % dt, "Svd", [A(low)], svd, check="svd")
        add("Svdvals/%s/rank2" % dt, "Svdvals", [A(low)], svdvals)
        add("Svd/%s/nan" % dt, "Svd", [A(np.array([[1, np.nan], [0, 1]], dt))], svd, check="svd")
        add("Svdvals/%s/inf" % dt, "Svdvals", [A(np.array([[1, np.inf], [0, 1]], dt))], svdvals)
    add("Svd/float64/hilbert8", "Svd", [A(hilbert(8))], svd, check="svd")
    add("Svdvals/int64", "Svdvals", [A([[3, 0], [4, 5]], "int64")], svdvals)
    add("Svd/error/1d", "Svd", [A(np.ones(3))], svd, check="svd")

    # Pinv. STANDARD: the default rtol is max(m, n)*eps (NumPy 1.24's rcond
    # defaults to 1e-15).
    def pinv(rtol=None, hermitian=False, dt=F64):
        def f(a):
            need_2d(a)
            if hermitian:
                need_square(a)
            if not hermitian:
                nonfinite_check(a)
            r = rtol
            if r is None:
                r = max(a.shape[-2:]) * np.finfo(dt).eps
            return tup(np.linalg.pinv(a, rcond=r, hermitian=hermitian))
        return f

    for dt in DTYPES:
        for i, shp in enumerate([(0, 0), (1, 1), (5, 5), (7, 4), (4, 7), (3, 0), (2, 3, 4, 3)]):
            nm = "x".join(map(str, shp))
            add("Pinv/%s/%s" % (dt, nm), "Pinv", [A(rand(shp, dt, 300 + i))], pinv(dt=dt), cond=100)
        low = (rand((6, 2), dt, 310).astype(wide(dt)) @ rand((2, 5), dt, 311).astype(wide(dt))).astype(dt)
        add("Pinv/%s/rank2" % dt, "Pinv", [A(low)], pinv(dt=dt), cond=100)
        add("Pinv/%s/rank2-rtol" % dt, "Pinv", [A(low)], pinv(rtol=1e-3, dt=dt), kwargs={"rtol": 1e-3}, cond=100)
        add("Pinv/%s/hermitian" % dt, "Pinv", [A(rand_herm(5, dt, 312))], pinv(hermitian=True, dt=dt), kwargs={"hermitian": True}, cond=100)
        add("Pinv/%s/hermitian-stack" % dt, "Pinv", [A(rand_herm(3, dt, 313, batch=(2,)))], pinv(hermitian=True, dt=dt), kwargs={"hermitian": True}, cond=100)
        add("Pinv/%s/transposed" % dt, "Pinv", [A(rand((5, 3), dt, 314), view="T")], pinv(dt=dt), cond=100)
    add("Pinv/float64/nan", "Pinv", [A([[1, np.nan], [0, 1]])], pinv(dt=F64))
    add("Pinv/int64", "Pinv", [A([[1, 2], [2, 4], [0, 1]], "int64")], pinv(dt=F64), cond=100)

    # MatrixRank: NumPy's default tol is S.max() * max(M, N) * eps, the
    # standard's default rtol.
    def rank(rtol=None, tol=None, hermitian=False, dt=F64):
        def f(a):
            need_2d(a)
            if hermitian:
                need_square(a)
            else:
                nonfinite_check(a)
            if min(a.shape[-2:]) == 0:
                # Documented: an empty matrix has rank 0 (NumPy raises).
                return tup(np.zeros(a.shape[:-2], np.int64))
            t = tol
            if t is None:
                r = rtol
                if r is None:
                    r = max(a.shape[-2:]) * np.finfo(dt).eps
                s = np.abs(np.linalg.eigvalsh(a)) if hermitian else np.linalg.svd(a, compute_uv=False)
                t = s.max(axis=-1) * r
                return tup(np.sum(s > t[..., None], axis=-1).astype(np.int64))
            r = np.linalg.matrix_rank(a, tol=t, hermitian=hermitian)
            return tup(np.asarray(r, np.int64))
        return f

    for dt in DTYPES:
        add("MatrixRank/%s/full" % dt, "MatrixRank", [A(rand((5, 5), dt, 400))], rank(dt=dt))
        low = (rand((6, 2), dt, 401).astype(wide(dt)) @ rand((2, 5), dt, 402).astype(wide(dt))).astype(dt)
        add("MatrixRank/%s/rank2" % dt, "MatrixRank", [A(low)], rank(dt=dt))
        add("MatrixRank/%s/stack" % dt, "MatrixRank", [A(np.stack([low[:5], rand((5, 5), dt, 403), np.zeros((5, 5), dt)]))], rank(dt=dt))
        add("MatrixRank/%s/hermitian" % dt, "MatrixRank", [A(rand_herm(4, dt, 404))], rank(hermitian=True, dt=dt), kwargs={"hermitian": True})
        add("MatrixRank/%s/empty" % dt, "MatrixRank", [A(np.zeros((3, 0), dt))], rank(dt=dt))
    d = np.diag([1.0, 1e-3, 1e-6, 1e-9])
    add("MatrixRank/float64/rtol", "MatrixRank", [A(d)], rank(rtol=1e-4), kwargs={"rtol": 1e-4})
    add("MatrixRank/float64/tol", "MatrixRank", [A(d)], rank(tol=1e-7), kwargs={"tol": 1e-7})
    add("MatrixRank/float64/hilbert12", "MatrixRank", [A(hilbert(12))], rank(dt=F64))
    add("MatrixRank/float64/zero", "MatrixRank", [A(np.zeros((3, 3)))], rank(dt=F64))
    add("MatrixRank/float64/nan", "MatrixRank", [A([[1, np.nan], [0, 1]])], rank(dt=F64))
    add("MatrixRank/error/1d", "MatrixRank", [A(np.ones(3))], rank(dt=F64))

    # Lstsq with NumPy's rcond=None (eps * max(M, N)).
    def lstsq(rcond=None, dt=F64):
        def f(a, b):
            if a.ndim != 2 or b.ndim not in (1, 2) or b.shape[0] != a.shape[0]:
                raise Refuse("shape")
            nonfinite_check(a)
            rc = rcond
            if rc is None:
                rc = np.finfo(dt).eps * max(a.shape)
            x, res, rk, s = np.linalg.lstsq(a, b, rcond=rc)
            return tup(x, res, int(rk), s)
        return f

    for dt in DTYPES:
        for i, (m, n) in enumerate([(7, 4), (4, 7), (5, 5), (1, 1), (3, 0), (0, 3), (6, 1)]):
            a = A(rand((m, n), dt, 500 + i))
            add("Lstsq/%s/%dx%d-vector" % (dt, m, n), "Lstsq", [a, A(rand((m,), dt, 520 + i))], lstsq(dt=dt), cond=10)
            add("Lstsq/%s/%dx%d-matrix" % (dt, m, n), "Lstsq", [a, A(rand((m, 3), dt, 540 + i))], lstsq(dt=dt), cond=10)
        low = (rand((6, 2), dt, 560).astype(wide(dt)) @ rand((2, 4), dt, 561).astype(wide(dt))).astype(dt)
        add("Lstsq/%s/rank-deficient" % dt, "Lstsq", [A(low), A(rand((6, 2), dt, 562))], lstsq(dt=dt), cond=100)
        add("Lstsq/%s/rcond" % dt, "Lstsq", [A(np.diag(np.array([1, 1e-3, 1e-6], dt))), A(np.ones(3, dt))], lstsq(1e-4, dt=dt), kwargs={"rcond": 1e-4})
        add("Lstsq/%s/transposed" % dt, "Lstsq", [A(rand((3, 6), dt, 563), view="T"), A(rand((6,), dt, 564))], lstsq(dt=dt), cond=10)
    add("Lstsq/promote/int64-float32", "Lstsq", [A([[1, 2], [3, 4], [5, 7]], "int64"), A(np.ones(3, F32))], lstsq(dt=F64))
    add("Lstsq/float64/nan", "Lstsq", [A([[1, np.nan], [0, 1]]), A([1.0, 1.0])], lstsq(dt=F64))
    add("Lstsq/error/b-rows", "Lstsq", [A(np.ones((3, 2))), A(np.ones(4))], lstsq(dt=F64))
    add("Lstsq/error/3d", "Lstsq", [A(np.ones((2, 3, 2))), A(np.ones(3))], lstsq(dt=F64))


# ---------------------------------------------------------------- QR and Cholesky

def gen_qr():
    def qr(mode="reduced"):
        def f(a):
            need_2d(a)
            r = np.linalg.qr(a, mode=mode)
            if mode == "r":
                return tup(r)
            return tup(r[0], r[1])
        return f

    shapes = [(0, 0), (1, 1), (2, 2), (5, 5), (17, 17), (7, 4), (4, 7), (3, 0), (0, 3), (2, 3, 4, 4), (2, 5, 3)]
    for dt in DTYPES:
        for i, shp in enumerate(shapes):
            a = A(rand(shp, dt, 600 + i))
            nm = "x".join(map(str, shp))
            add("Qr/%s/%s" % (dt, nm), "Qr", [a], qr(), check="qr")
            add("Qr/%s/%s-complete" % (dt, nm), "Qr", [a], qr("complete"), check="qr", kwargs={"mode": "complete"})
            add("Qr/%s/%s-r" % (dt, nm), "Qr", [a], qr("r"), check="qr", kwargs={"mode": "r"})
        add("Qr/%s/transposed" % dt, "Qr", [A(rand((4, 6), dt, 620), view="T")], qr(), check="qr")
        add("Qr/%s/strided" % dt, "Qr", [A(rand((8, 9), dt, 621), view="::2, ::-2")], qr("complete"), check="qr", kwargs={"mode": "complete"})
        low = (rand((6, 2), dt, 622).astype(wide(dt)) @ rand((2, 4), dt, 623).astype(wide(dt))).astype(dt)
        add("Qr/%s/rank2" % dt, "Qr", [A(low)], qr(), check="qr", unique=False)
    add("Qr/int64", "Qr", [A([[1, 2], [3, 4], [5, 6]], "int64")], qr(), check="qr")
    add("Qr/float64/nan", "Qr", [A([[1, np.nan], [0, 1]])], qr("r"), check="values", kwargs={"mode": "r"})
    add("Qr/error/mode", "Qr", [A(np.eye(2))], lambda a: (_ for _ in ()).throw(Refuse("value")), check="qr", kwargs={"mode": "raw"})
    add("Qr/error/1d", "Qr", [A(np.ones(3))], qr(), check="qr")

    def chol(upper=False):
        def f(a):
            need_square(a)
            # Documented: a NaN is no positive definite matrix (reference
            # LAPACK's dpotrf reports a NaN pivot; NumPy's OpenBLAS returns
            # NaNs instead).
            tri = np.triu(a) if upper else np.tril(a)
            if np.isnan(tri).any():
                raise Refuse("notpd")
            if upper:
                # STANDARD (NumPy 2's upper=True): U from the upper triangle,
                # that is the conjugate transpose of the lower factor of aᴴ.
                ah = np.conj(np.swapaxes(a, -1, -2))
                return tup(np.conj(np.swapaxes(np.linalg.cholesky(ah), -1, -2)))
            return tup(np.linalg.cholesky(a))
        return f

    for dt in DTYPES:
        for n in sizes_square():
            a = A(rand_spd(n, dt, 700 + n))
            add("Cholesky/%s/%dx%d" % (dt, n, n), "Cholesky", [a], chol())
            add("Cholesky/%s/%dx%d-upper" % (dt, n, n), "Cholesky", [a], chol(True), kwargs={"upper": True})
        st = A(rand_spd(4, dt, 720, batch=(2, 3)))
        add("Cholesky/%s/stack" % dt, "Cholesky", [st], chol())
        add("Cholesky/%s/stack-upper" % dt, "Cholesky", [st], chol(True), kwargs={"upper": True})
        add("Cholesky/%s/transposed" % dt, "Cholesky", [A(rand_spd(5, dt, 721), view="T")], chol())
        add("Cholesky/%s/not-pd" % dt, "Cholesky", [A(np.array([[1, 2], [2, 1]], dt))], chol())
        # Only the triangle read matters.
        l = np.tril(rand_spd(4, dt, 722)) + np.triu(np.full((4, 4), 9, dt), 1)
        add("Cholesky/%s/lower-only" % dt, "Cholesky", [A(l)], chol())
        u = np.triu(rand_spd(4, dt, 723)) + np.tril(np.full((4, 4), -9, dt), -1)
        add("Cholesky/%s/upper-only" % dt, "Cholesky", [A(u)], chol(True), kwargs={"upper": True})
    st = rand_spd(3, F64, 724, batch=(2, 2))
    st[1, 0] = [[1, 2, 0], [2, 1, 0], [0, 0, 1]]
    add("Cholesky/float64/stack-not-pd", "Cholesky", [A(st)], chol())
    add("Cholesky/float64/nan", "Cholesky", [A([[1, 0], [np.nan, 1]])], chol())
    add("Cholesky/float64/hilbert8", "Cholesky", [A(hilbert(8))], chol(), cond=1e6)
    add("Cholesky/int64", "Cholesky", [A([[4, 2], [2, 3]], "int64")], chol())
    add("Cholesky/error/non-square", "Cholesky", [A(np.ones((2, 3)))], chol())


# ---------------------------------------------------------------- norms

def gen_norms():
    def mnorm(ord="fro", keepdims=False):
        def f(a):
            need_2d(a)
            if ord in (2, -2, "nuc"):
                nonfinite_check(a)
            return tup(np.linalg.norm(a, ord=ord, axis=(-2, -1), keepdims=keepdims))
        return f

    ords = ["fro", "nuc", 1, -1, 2, -2, math.inf, -math.inf]

    def ordj(o):
        return enc_float(o) if isinstance(o, float) else o

    for dt in DTYPES + ["int64"]:
        base = rand((3, 4, 5), dt if dt != "int64" else F64, 800)
        if dt == "int64":
            base = (base * 10).astype("int64")
        for o in ords:
            add("MatrixNorm/%s/%s" % (dt, o), "MatrixNorm", [A(base)], mnorm(o), kwargs={"ord": ordj(o)}, cond=10)
        add("MatrixNorm/%s/keepdims" % dt, "MatrixNorm", [A(base)], mnorm("fro", True), kwargs={"keepdims": True})
        add("MatrixNorm/%s/nuc-keepdims" % dt, "MatrixNorm", [A(base)], mnorm("nuc", True), kwargs={"ord": "nuc", "keepdims": True}, cond=10)
        add("MatrixNorm/%s/transposed-1" % dt, "MatrixNorm", [A(base, view="T")], mnorm(1), kwargs={"ord": 1})
    for o in ords:
        add("MatrixNorm/float64/empty-%s" % o, "MatrixNorm", [A(np.zeros((0, 0)))], mnorm(o), kwargs={"ord": ordj(o)})
    add("MatrixNorm/float64/nan-fro", "MatrixNorm", [A([[1, np.nan], [0, 1]])], mnorm())
    add("MatrixNorm/float64/nan-2", "MatrixNorm", [A([[1, np.nan], [0, 1]])], mnorm(2), kwargs={"ord": 2})
    add("MatrixNorm/float64/inf-1", "MatrixNorm", [A([[1, np.inf], [0, 1]])], mnorm(1), kwargs={"ord": 1})
    add("MatrixNorm/error/ord3", "MatrixNorm", [A(np.eye(2))], mnorm(3), kwargs={"ord": 3})
    add("MatrixNorm/error/1d", "MatrixNorm", [A(np.ones(3))], mnorm())

    def vnorm(ord=2, axis=None, keepdims=False):
        def f(x):
            a = np.abs(x)
            ax = axis
            if ax is None:
                ax = tuple(range(x.ndim))
            elif isinstance(ax, int):
                ax = (ax,)
            if any(not -max(x.ndim, 1) <= a < max(x.ndim, 1) for a in ax):
                raise Refuse("shape")
            ax = tuple(sorted(a % x.ndim if x.ndim else a for a in ax))
            if x.dtype.kind in "biu":
                a = a.astype(np.float64)
            rd = a.dtype
            if ord == math.inf:
                r = np.max(a, axis=ax, keepdims=keepdims)
            elif ord == -math.inf:
                r = np.min(a, axis=ax, keepdims=keepdims)
            elif ord == 0:
                r = np.sum(a != 0, axis=ax, keepdims=keepdims).astype(rd)
            elif ord == 1:
                r = np.sum(a, axis=ax, keepdims=keepdims)
            elif ord == 2:
                r = np.sqrt(np.sum(a * a, axis=ax, keepdims=keepdims))
            else:
                r = np.sum(a ** ord, axis=ax, keepdims=keepdims) ** (1.0 / ord)
            return tup(np.asarray(r, rd))
        return f

    for dt in DTYPES + ["int64"]:
        base = rand((3, 4, 5), dt if dt != "int64" else F64, 850)
        if dt == "int64":
            base = (base * 10).astype("int64")
        for o in (2, 1, 0, math.inf, -math.inf, 3, 0.5, -1, -2.5):
            kw = {"ord": ordj(o)}
            add("VectorNorm/%s/ord%s" % (dt, o), "VectorNorm", [A(base)], vnorm(o), kwargs=kw)
            add("VectorNorm/%s/ord%s-axis1" % (dt, o), "VectorNorm", [A(base)], vnorm(o, 1), kwargs=dict(kw, axis=1))
        add("VectorNorm/%s/axes-0-2-keepdims" % dt, "VectorNorm", [A(base)], vnorm(2, (0, 2), True), kwargs={"axis": [0, 2], "keepdims": True})
        add("VectorNorm/%s/axis-1-keepdims" % dt, "VectorNorm", [A(base)], vnorm(1, -1, True), kwargs={"ord": 1, "axis": -1, "keepdims": True})
        add("VectorNorm/%s/strided" % dt, "VectorNorm", [A(base, view="::-1, 1:, ::2")], vnorm(2, 2), kwargs={"axis": 2})
    add("VectorNorm/float64/0d", "VectorNorm", [A(np.array(-3.0))], vnorm())
    add("VectorNorm/float64/zeros-negative-ord", "VectorNorm", [A([0.0, 2.0, 0.0])], vnorm(-1), kwargs={"ord": -1})
    add("VectorNorm/float64/nan", "VectorNorm", [A([1.0, np.nan])], vnorm())
    add("VectorNorm/float64/inf", "VectorNorm", [A([1.0, -np.inf])], vnorm())
    add("VectorNorm/float64/empty", "VectorNorm", [A(np.zeros(0))], vnorm())
    add("VectorNorm/float64/empty-inf", "VectorNorm", [A(np.zeros(0))], vnorm(math.inf), kwargs={"ord": "inf"})
    add("VectorNorm/float64/huge", "VectorNorm", [A([1e200, 1e200])], vnorm(1), kwargs={"ord": 1})
    add("VectorNorm/error/axis", "VectorNorm", [A(np.ones((2, 3)))], vnorm(2, 2), kwargs={"axis": 2})

    def norm(ord=None, axis=None, keepdims=False):
        def f(x):
            if axis is None and ord is not None and x.ndim > 2:
                raise Refuse("shape")
            if ord in (2, -2, "nuc") and (axis is not None and not isinstance(axis, int) or axis is None and x.ndim == 2):
                nonfinite_check(x)
            return tup(np.asarray(np.linalg.norm(x, ord=ord, axis=axis, keepdims=keepdims)))
        return f

    x3 = rand((3, 4, 5), F64, 870)
    add("Norm/float64/default", "Norm", [A(x3)], norm())
    add("Norm/float64/default-keepdims", "Norm", [A(x3)], norm(keepdims=True), kwargs={"keepdims": True})
    add("Norm/float64/vector-ord1", "Norm", [A(x3[0, 0])], norm(1), kwargs={"ord": 1})
    add("Norm/float64/matrix-nuc", "Norm", [A(x3[0])], norm("nuc"), kwargs={"ord": "nuc"})
    add("Norm/float64/axis1", "Norm", [A(x3)], norm(3, 1), kwargs={"ord": 3, "axis": 1})
    add("Norm/float64/axes-2-0", "Norm", [A(x3)], norm(1, (2, 0)), kwargs={"ord": 1, "axis": [2, 0]})
    add("Norm/float64/axes-0-1-keepdims", "Norm", [A(x3)], norm("fro", (0, 1), True), kwargs={"ord": "fro", "axis": [0, 1], "keepdims": True})
    add("Norm/complex128/axes-inf", "Norm", [A(rand((3, 4, 5), C128, 871))], norm(math.inf, (-1, -3)), kwargs={"ord": "inf", "axis": [-1, -3]})
    add("Norm/error/ord-3d", "Norm", [A(x3)], norm(2), kwargs={"ord": 2})


# ---------------------------------------------------------------- the rest

def gen_misc():
    def mpow(n):
        def f(a):
            need_square(a)
            return tup(np.linalg.matrix_power(a, n))
        return f

    for dt in DTYPES + ["int64", "int8"]:
        if dt in ("int64", "int8"):
            a = np.array([[1, 2], [3, 4]], dt)
            st = np.array([[[1, 1], [1, 0]], [[2, 0], [1, 1]]], dt)
        else:
            a = rand((4, 4), dt, 900) + np.eye(4, dtype=dt)
            st = rand((2, 3, 3), dt, 901) + np.eye(3, dtype=dt)
        for n in (0, 1, 2, 3, 5, 8, -1, -3):
            if dt == "int8" and n > 3:
                continue
            add("MatrixPower/%s/%d" % (dt, n), "MatrixPower", [A(a), n], lambda x, k, n=n: mpow(n)(x), cond=100)
        add("MatrixPower/%s/stack-3" % dt, "MatrixPower", [A(st), 3], lambda x, k: mpow(3)(x))
    add("MatrixPower/int8/overflow", "MatrixPower", [A(np.array([[100, 0], [0, 3]], "int8")), 3], lambda x, k: mpow(3)(x))
    add("MatrixPower/float64/singular-inverse", "MatrixPower", [A(np.array([[1, 2], [2, 4.0]])), -2], lambda x, k: mpow(-2)(x))
    add("MatrixPower/float64/0x0", "MatrixPower", [A(np.zeros((0, 0))), 3], lambda x, k: mpow(3)(x))
    add("MatrixPower/error/non-square", "MatrixPower", [A(np.ones((2, 3))), 2], lambda x, k: mpow(2)(x))

    def cross(axis=-1):
        def f(x, y):
            if x.ndim == 0 or y.ndim == 0:
                raise Refuse("shape")
            nd = max(x.ndim, y.ndim)
            if not -nd <= axis < nd:
                raise Refuse("shape")
            xs = (1,) * (nd - x.ndim) + x.shape
            ys = (1,) * (nd - y.ndim) + y.shape
            if xs[axis] != 3 or ys[axis] != 3:
                raise Refuse("shape")
            try:
                np.broadcast_shapes(x.shape, y.shape)
            except ValueError:
                raise Refuse("shape")
            return tup(np.cross(x.reshape(xs), y.reshape(ys), axis=axis))
        return f

    for dt in DTYPES + ["int64", "int16", "uint8"]:
        rd = dt if dt in DTYPES else F64
        x = rand((4, 3), rd, 950)
        y = rand((4, 3), rd, 951)
        if dt not in DTYPES:
            x, y = (x * 10).astype(dt), (y * 10).astype(dt)
        add("Cross/%s/basic" % dt, "Cross", [A(x), A(y)], cross())
        add("Cross/%s/broadcast" % dt, "Cross", [A(x), A(y[0])], cross())
        add("Cross/%s/axis0" % dt, "Cross", [A(x.T.copy()), A(y.T.copy())], cross(0), kwargs={"axis": 0})
    x = rand((2, 3, 4), F64, 952)
    add("Cross/float64/axis1-broadcast", "Cross", [A(x), A(rand((3, 1), F64, 953))], cross(1), kwargs={"axis": 1})
    add("Cross/float64/axis-2", "Cross", [A(x), A(rand((2, 3, 4), F64, 954))], cross(-2), kwargs={"axis": -2})
    add("Cross/float64/transposed", "Cross", [A(rand((3, 5), F64, 955), view="T"), A(rand((5, 3), F64, 956))], cross())
    add("Cross/promote/int8-float32", "Cross", [A([1, 2, 3], "int8"), A([0.5, -1, 2], F32)], cross())
    add("Cross/float64/nan", "Cross", [A([1, np.nan, 0.0]), A([0, 1, 0.0])], cross())
    add("Cross/error/size2", "Cross", [A(np.ones(2)), A(np.ones(2))], cross())
    add("Cross/error/size-mismatch", "Cross", [A(np.ones((2, 3))), A(np.ones((2, 1)))], cross())
    add("Cross/error/broadcast", "Cross", [A(np.ones((2, 3))), A(np.ones((4, 3)))], cross())
    add("Cross/error/axis", "Cross", [A(np.ones(3)), A(np.ones(3))], cross(1), kwargs={"axis": 1})

    def outer(x, y):
        if x.ndim != 1 or y.ndim != 1:
            raise Refuse("shape")
        return tup(np.outer(x, y))

    for dt in DTYPES + ["int32", "bool"]:
        rd = dt if dt in DTYPES else F64
        x, y = rand((4,), rd, 960), rand((3,), rd, 961)
        if dt == "int32":
            x, y = (x * 10).astype(dt), (y * 10).astype(dt)
        if dt == "bool":
            x, y = x > 0, y > 0
        add("Outer/%s" % dt, "Outer", [A(x), A(y)], outer)
    add("Outer/promote/int8-complex64", "Outer", [A([1, 2], "int8"), A([1j, 2], C64)], outer)
    add("Outer/float64/empty", "Outer", [A(np.zeros(0)), A(np.ones(3))], outer)
    add("Outer/float64/strided", "Outer", [A(np.arange(8.0), view="::-3"), A(np.arange(5.0), view="1::2")], outer)
    add("Outer/error/2d", "Outer", [A(np.ones((2, 2))), A(np.ones(2))], outer)

    def trace(offset=0, dtype=None):
        def f(x):
            need_2d(x)
            return tup(np.asarray(np.trace(x, offset=offset, axis1=-2, axis2=-1, dtype=dtype)))
        return f

    def diagonal(offset=0):
        def f(x):
            need_2d(x)
            return tup(np.diagonal(x, offset=offset, axis1=-2, axis2=-1).copy())
        return f

    for dt in DTYPES + ["int8", "uint16", "bool", "int64"]:
        rd = dt if dt in DTYPES else F64
        x = rand((2, 4, 5), rd, 970)
        if dt in ("int8", "uint16", "int64"):
            x = (np.abs(x) * 100).astype(dt)
        if dt == "bool":
            x = x > 0
        for k in (0, 1, -1, 3, -3, 5, -4, 7):
            add("Trace/%s/offset%d" % (dt, k), "Trace", [A(x)], trace(k), kwargs={"offset": k})
            add("Diagonal/%s/offset%d" % (dt, k), "Diagonal", [A(x)], diagonal(k), kwargs={"offset": k})
    x = rand((3, 4), F64, 971)
    add("Trace/float64/transposed", "Trace", [A(x, view="T")], trace(1), kwargs={"offset": 1})
    add("Diagonal/float64/transposed", "Diagonal", [A(x, view="T")], diagonal(-1), kwargs={"offset": -1})
    add("Diagonal/float64/strided", "Diagonal", [A(rand((6, 8), F64, 972), view="::2, ::-2")], diagonal())
    add("Trace/int8/dtype-int8", "Trace", [A(np.full((3, 3), 100, "int8"))], trace(0, np.int8), kwargs={"dtype": "int8"})
    add("Trace/float32/dtype-float64", "Trace", [A(rand((3, 3), F32, 973))], trace(0, np.float64), kwargs={"dtype": "float64"})
    add("Trace/float64/empty", "Trace", [A(np.zeros((2, 0, 3)))], trace())
    add("Trace/error/1d", "Trace", [A(np.ones(3))], trace())
    add("Diagonal/error/1d", "Diagonal", [A(np.ones(3))], diagonal())

    # Re-exports of package arrays.
    add("Matmul/float64", "Matmul", [A(rand((2, 3, 4), F64, 980)), A(rand((4, 2), F64, 981))], lambda x, y: tup(x @ y))
    add("Matmul/complex64", "Matmul", [A(rand((3,), C64, 982)), A(rand((3, 2), C64, 983))], lambda x, y: tup(x @ y))
    add("Tensordot/float64", "Tensordot", [A(rand((2, 3, 4), F64, 984)), A(rand((3, 4, 5), F64, 985))],
        lambda x, y: tup(np.tensordot(x, y, 2)), kwargs={"axes": 2})
    add("Vecdot/complex128", "Vecdot", [A(rand((2, 3), C128, 986)), A(rand((2, 3), C128, 987))],
        lambda x, y: tup(np.sum(np.conj(x) * y, axis=0)), kwargs={"axis": 0})
    add("MatrixTranspose/float64", "MatrixTranspose", [A(rand((2, 3, 4), F64, 988))], lambda x: tup(np.swapaxes(x, -1, -2).copy()))


def main():
    gen_lu()
    gen_eig()
    gen_svd()
    gen_qr()
    gen_norms()
    gen_misc()
    with open(os.path.abspath(__file__), "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    doc = {"generator": "arrays/linalg/testdata/generate.py", "generator_sha256": digest,
           "numpy": np.__version__, "scipy": scipy.__version__, "cases": CASES}
    text = json.dumps(doc, separators=(",", ":"), allow_nan=False) + "\n"
    with open(OUT, "wb") as f:
        f.write(gzip.compress(text.encode(), compresslevel=9, mtime=0))
    print("%d cases, %d bytes" % (len(CASES), os.path.getsize(OUT)))


if __name__ == "__main__":
    main()
