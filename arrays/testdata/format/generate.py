#!/usr/bin/python3
"""Writes cases.json: arrays built in NumPy with their str() and repr().

Run with Debian's NumPy 1.24 (/usr/bin/python3), from the arrays directory
(go generate does this):

    /usr/bin/python3 testdata/format/generate.py

Each case records the dtype name, the shape, the elements in C order and
NumPy's str(a) and repr(a). Elements are stored in one of three ways:

  "data":   a list; bools as JSON booleans, integers as decimal strings,
            floats as Python repr strings (exact: 'nan', 'inf', '-0.0',
            '0.1' for float32 is float(np.float32(0.1)) written exactly),
            complex numbers as [re, im] pairs of such strings.
  "tile":   {"base": list, "patch": [[i, value], ...]}: element i is
            base[i % len(base)], then the patched flat indices get their
            values; for larger arrays.
  "arange": {"start": s, "step": d}: element i is
            (np.arange(n, dtype=float64) * d + s).astype(dtype), for the
            largest arrays.
"""

import json
import os
import sys

import numpy as np

assert np.__version__.startswith("1.24"), np.__version__

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "cases.json")

ALL = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32",
       "uint64", "float32", "float64", "complex64", "complex128"]

cases = []
names = set()
rng = np.random.default_rng(20240601)


def fstr(x):
    return repr(float(x))


def encode(a):
    flat = a.reshape(-1)
    if a.dtype == np.bool_:
        return [bool(x) for x in flat]
    if a.dtype.kind in "iu":
        return [str(int(x)) for x in flat]
    if a.dtype.kind == "f":
        return [fstr(x) for x in flat]
    if a.dtype.kind == "c":
        return [[fstr(x.real), fstr(x.imag)] for x in flat]
    raise TypeError(a.dtype)


def add(name, a):
    a = np.asarray(a)
    assert a.dtype.name in ALL, (name, a.dtype)
    assert name not in names, name
    names.add(name)
    c = {"name": name, "dtype": a.dtype.name, "shape": list(a.shape)}
    c["data"] = encode(a)
    c["str"] = str(a)
    c["repr"] = repr(a)
    cases.append(c)


def add_tiled(name, base, shape, patch=()):
    """An array of the given shape repeating base, with patch = [(i, v)]."""
    base = np.asarray(base)
    a = np.resize(base, int(np.prod(shape)))
    for i, v in patch:
        a[i] = v
    a = a.reshape(shape)
    assert a.dtype.name in ALL, (name, a.dtype)
    assert name not in names, name
    names.add(name)
    pa = np.array([v for _, v in patch], dtype=a.dtype)
    cases.append({"name": name, "dtype": a.dtype.name, "shape": list(shape),
                  "tile": {"base": encode(base),
                           "patch": [[int(i), e] for (i, _), e in zip(patch, encode(pa))]},
                  "str": str(a), "repr": repr(a)})


def add_arange(name, dt, shape, start, step):
    n = int(np.prod(shape))
    a = (np.arange(n, dtype=np.float64) * step + start).astype(dt).reshape(shape)
    assert name not in names, name
    names.add(name)
    cases.append({"name": name, "dtype": a.dtype.name, "shape": list(shape),
                  "arange": {"start": start, "step": step},
                  "str": str(a), "repr": repr(a)})


def sample(dt, n):
    """n typical values of dtype dt."""
    dt = np.dtype(dt)
    if dt == np.bool_:
        return rng.integers(0, 2, n).astype(bool)
    if dt.kind in "iu":
        info = np.iinfo(dt)
        lo = max(int(info.min), -1000)
        hi = min(int(info.max), 1000)
        return rng.integers(lo, hi, n, endpoint=True).astype(dt)
    if dt.kind == "f":
        return (rng.normal(size=n) * 10).round(3).astype(dt)
    re = (rng.normal(size=n) * 10).round(3)
    im = (rng.normal(size=n) * 10).round(3)
    return (re + 1j * im).astype(dt)


# --- every dtype: the basic shapes --------------------------------------------
for dt in ALL:
    d = np.dtype(dt)
    add(f"{dt}/0d", sample(dt, 1).reshape(()))
    add(f"{dt}/1d-one", sample(dt, 1))
    add(f"{dt}/1d", sample(dt, 6))
    add(f"{dt}/2d", sample(dt, 12).reshape(3, 4))
    add(f"{dt}/3d", sample(dt, 24).reshape(2, 3, 4))
    add(f"{dt}/4d", sample(dt, 16).reshape(2, 2, 2, 2))
    add(f"{dt}/empty", np.zeros(0, dt))
    add(f"{dt}/empty-0x3", np.zeros((0, 3), dt))
    add(f"{dt}/empty-2x0x4", np.zeros((2, 0, 4), dt))
    add(f"{dt}/1x1", sample(dt, 1).reshape(1, 1))
    add(f"{dt}/wrap", sample(dt, 40))
    add(f"{dt}/wrap-2d", sample(dt, 2 * 25).reshape(2, 25))
    add_tiled(f"{dt}/summary-1001", sample(dt, 37), [1001])
    add_tiled(f"{dt}/summary-2d", sample(dt, 41), [40, 30])
    add_tiled(f"{dt}/summary-3d", sample(dt, 23), [11, 11, 11] if d.kind != "c" else [4, 4, 70])
    add_tiled(f"{dt}/summary-rows-only", sample(dt, 29), [501, 2])
    if dt in ("int8", "float32"):
        add_tiled(f"{dt}/1000-no-summary", sample(dt, 43), [10, 100])

# --- integers ------------------------------------------------------------------
for dt in ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]:
    info = np.iinfo(dt)
    add(f"{dt}/extremes", np.array([info.min, 0, info.max], dt))
    add(f"{dt}/0d-max", np.array(info.max, dt))
    add(f"{dt}/0d-min", np.array(info.min, dt))
    add(f"{dt}/zeros", np.zeros(5, dt))
    add(f"{dt}/range-wrap", np.arange(60).astype(dt))
add("int8/min-2d", np.array([[-128, 1], [2, 127]], np.int8))
add("int64/mixed-width", np.array([1, -22, 333, -4444, 55555], np.int64))
add("int64/negative-only", np.array([-1, -2, -3], np.int64))
add("uint64/max-column", np.array([[18446744073709551615, 1], [2, 3]], np.uint64))
add("int64/arange-24-3d", np.arange(24).reshape(2, 3, 4))
add("int64/arange-long", np.arange(100))
add_arange("int64/arange-2000", "int64", [2000], 0, 1)
add_arange("int64/arange-100000-2d", "int64", [100, 1000], -50000, 1)
add_arange("int32/arange-3d-big", "int32", [20, 20, 20], 0, 7)
add_arange("uint8/arange-wrap-2000", "uint8", [2000], 0, 1)
add("int16/wide-2d", np.arange(-40, 40).reshape(4, 20).astype(np.int16) * 777)

# --- bool -------------------------------------------------------------------------
add("bool/0d-true", np.array(True))
add("bool/0d-false", np.array(False))
add("bool/all-true", np.ones(4, bool))
add("bool/all-false", np.zeros(4, bool))
add("bool/3d-fixed", np.array([[[True, False], [False, True]], [[True, True], [False, False]]]))
add("bool/long", rng.integers(0, 2, 50).astype(bool))

# --- floats ----------------------------------------------------------------------
F = {
    "whole": [1.0, 2.0, 3.0],
    "simple": [0.5, 1.25, -3.0],
    "tenths": [0.1, 0.2, 0.3],
    "third": [1 / 3, 2 / 3, 1.0],
    "pi": [np.pi, np.e, -np.sqrt(2)],
    "precision-cut": [0.123456789123, 1.5],
    "precision-round-up": [0.999999999, 1.0],
    "precision-round-9s": [9.999999999, 1.0],
    "many-digits": [123.456789012, 0.001234567891],
    "zero": [0.0],
    "zeros": [0.0, 0.0, 0.0],
    "neg-zero": [-0.0],
    "neg-zero-mix": [-0.0, 0.0, 1.5],
    "neg-zero-only": [-0.0, -0.0],
    "nan": [np.nan],
    "inf": [np.inf],
    "-inf": [-np.inf],
    "nan-inf": [np.nan, np.inf, -np.inf],
    "nan-num": [np.nan, 1.5, -2.25],
    "inf-num": [np.inf, 1.0, 2.0],
    "-inf-num": [-np.inf, 0.5],
    "nan-big": [np.nan, 1e10, 1.0],
    "-inf-sci": [-np.inf, 1e-10],
    "nan-zero": [np.nan, 0.0],
    "inf-long-frac": [np.inf, 0.123456],
    "sci-big": [1e8, 1.0],
    "sci-just-below": [99999999.0, 100.0],
    "sci-small": [1e-5, 1.0],
    "sci-1e-4": [1e-4, 1.0],
    "sci-ratio": [1.0, 1000.5],
    "no-sci-ratio": [1.0, 1000.0],
    "sci-tiny": [1e-300, 5e-324],
    "sci-huge": [1e300, -1.7976931348623157e308],
    "sci-mixed": [1e-300, 1e300, 1.0],
    "sci-neg": [-1e-5, 2.5e-7, -3.25],
    "sci-exp3": [1e100, 1e-100, 2.0],
    "sci-with-zero": [0.0, 1e-9, 1.0],
    "sci-with-neg-zero": [-0.0, 1e9],
    "sci-minfill": [1e-5, 1.2345e-5],
    "sci-minfill-2": [1e10, 1.23456789e10, 3e-3],
    "subnormal": [5e-324],
    "subnormal-mix": [2.2250738585072014e-308, 4.9e-324, 1e-310],
    "max": [1.7976931348623157e308],
    "big-int-like": [123456789.0, 1.0],
    "large-positional": [12345678.9, 1234.5],
    "two-pow-53": [9007199254740993.0, 9007199254740992.0],
    "1e16": [1e16],
    "small-positional": [0.0001, 0.05],
    "0.1+0.2": [0.1 + 0.2, 0.3],
    "halfway": [0.125, 0.375, 2.5],
    "negatives": [-1.0, -10.5, -100.25],
    "mixed-widths": [1.0, -22.5, 333.125, -4444.0625],
}
for nm, vals in F.items():
    add(f"float64/{nm}", np.array(vals, np.float64))
    with np.errstate(over="ignore"):
        add(f"float32/{nm}", np.array(vals, np.float64).astype(np.float32))

F32 = {
    "tenth": [0.1],
    "tenths": [0.1, 0.2, 0.7],
    "1e-4": [1e-4, 1.0],
    "2pow24": [16777216.0, 16777217.0, 1.0],
    "large": [50000004.0, 99999992.0, 67000000.0],
    "large-2": [33554436.0, 33554432.0, 40000000.0],
    "max": [3.4028234663852886e38, 1.0],
    "tiny": [1e-45, 1.1754943508222875e-38],
    "third": [1 / 3, 2 / 3],
    "pi": [np.pi],
    "ratio-float32": [1.0, 1000.0001],
    "ratio-float32-2": [0.001, 1.0000001],
}
for nm, vals in F32.items():
    add(f"float32/x-{nm}", np.array(vals, np.float64).astype(np.float32))

# 0-d floats: str() is the scalar's str()
S = {
    "one": 1.0, "half": 1.5, "zero": 0.0, "neg-zero": -0.0, "nan": np.nan,
    "inf": np.inf, "-inf": -np.inf, "tenth": 0.1, "third": 1 / 3,
    "1e16": 1e16, "below-1e16": 9999999999999998.0, "1e15": 1e15,
    "1e-4": 1e-4, "below-1e-4": 9.9999e-5, "1e-5": 1e-5, "1e300": 1e300,
    "neg-big": -1.5e20, "subnormal": 5e-324, "max": 1.7976931348623157e308,
    "123.456": 123.456, "int-like": 123456789.0, "many-digits": 0.123456789123,
    "sci-digits": 1.23456789e-7, "2e10": 2e10,
}
for nm, v in S.items():
    add(f"float64/0d-{nm}", np.array(v, np.float64))
    with np.errstate(over="ignore"):
        add(f"float32/0d-{nm}", np.array(v, np.float32))

# random floats over many magnitudes
for dt in ["float32", "float64"]:
    for k in range(6):
        scale = 10.0 ** rng.integers(-12, 12)
        add(f"{dt}/random-{k}", (rng.normal(size=7) * scale).astype(dt))
        add(f"{dt}/random-lognormal-{k}", (rng.lognormal(0, 3, size=(2, 5))).astype(dt))
    add(f"{dt}/random-uniform", rng.uniform(-1, 1, size=(3, 3)).astype(dt))
    add(f"{dt}/random-uniform-long", rng.uniform(0, 1, size=30).astype(dt))
    add(f"{dt}/random-sci-long", (rng.normal(size=30) * 1e-6).astype(dt))
    add(f"{dt}/random-sci-2d", (rng.normal(size=(4, 9)) * 1e9).astype(dt))
    add(f"{dt}/wide-rows", (np.arange(60).reshape(3, 20) * 1.5).astype(dt))
    add(f"{dt}/wide-3d", (np.arange(2 * 2 * 16).reshape(2, 2, 16) / 7).astype(dt))
    add(f"{dt}/nan-inf-2d", np.array([[np.nan, 1.0, -np.inf], [0.5, np.inf, -2.0]], dt))
    add_tiled(f"{dt}/summary-with-nan", np.array([np.nan, 0.25, 0.5, 1e3, -7.125], dt), [2000])
    add_tiled(f"{dt}/summary-sci", (np.arange(1, 32) * 1e-7).astype(dt), [1501])
    add_tiled(f"{dt}/summary-middle-outlier", (np.arange(31) * 0.5).astype(dt), [1500],
              [(700, 1e20), (1498, np.inf)])
    add_tiled(f"{dt}/summary-edge-outlier", (np.arange(31) * 0.5).astype(dt), [1500],
              [(1, 1e20), (1497, 1e-20)])
    add_tiled(f"{dt}/summary-2x600", (np.arange(29) / 3).astype(dt), [2, 600])
    add_tiled(f"{dt}/summary-600x2", (np.arange(29) / 3).astype(dt), [600, 2])
add_arange("float64/arange-half-1e5", "float64", [100000], 0.0, 0.5)
add_arange("float64/arange-3d", "float64", [10, 20, 30], -3.0, 0.25)
add_arange("float32/arange-2d", "float32", [50, 50], 1.0, 0.1)

# --- complex --------------------------------------------------------------------
C = {
    "simple": [1 + 2j, 3 - 4j],
    "whole": [1 + 0j, 0 + 1j],
    "zero": [0j],
    "fractions": [0.5 + 0.25j, -1.125 - 2j],
    "tenths": [0.1 + 0.2j, 0.3 - 0.7j],
    "nan-real": [complex(np.nan, 1), 2 + 3j],
    "nan-imag": [complex(1, np.nan), 2 + 3j],
    "inf-parts": [complex(np.inf, -np.inf), 1 + 1j],
    "neg-inf-real": [complex(-np.inf, 0), 0.5 + 0.5j],
    "all-nan": [complex(np.nan, np.nan)],
    "all-inf": [complex(np.inf, np.inf), complex(-np.inf, -np.inf)],
    "neg-zero": [complex(-0.0, -0.0), complex(0.0, -0.0), complex(-0.0, 0.0)],
    "sci-real": [1e10 + 1j, 2 + 2j],
    "sci-imag": [1 + 1e-10j, 2 + 2j],
    "sci-both": [1e-10 + 1e10j, 1 + 1j],
    "big": [1e300 + 1e-300j],
    "mixed-widths": [1 + 1j, -22.5 + 333.125j, 4444 - 0.0625j],
    "third": [1 / 3 + 2j / 3],
}
for nm, vals in C.items():
    add(f"complex128/{nm}", np.array(vals, np.complex128))
    with np.errstate(over="ignore"):
        add(f"complex64/{nm}", np.array(vals, np.complex128).astype(np.complex64))

CS = {
    "simple": 1 + 2j, "imag-only": 2j, "neg-zero-real": complex(-0.0, 2),
    "neg-zero-imag": complex(1.5, -0.0), "zero": 0j, "neg-zero-both": complex(-0.0, -0.0),
    "nan-inf": complex(np.nan, np.inf), "nan-neg-inf": complex(np.nan, -np.inf),
    "inf-real": complex(np.inf, 0), "neg-inf-real": complex(-np.inf, 1),
    "imag-nan": complex(0, np.nan), "imag-inf": complex(0, np.inf),
    "imag-neg-inf": complex(0, -np.inf), "sci": complex(1e20, 1e-20),
    "sci-imag-only": complex(0, 1e-5), "tenth": complex(0.1, 0.2), "neg": complex(-1, -1),
    "whole": complex(3, 4),
}
for nm, v in CS.items():
    add(f"complex128/0d-{nm}", np.array(v, np.complex128))
    add(f"complex64/0d-{nm}", np.array(v, np.complex64))

for dt in ["complex64", "complex128"]:
    add(f"{dt}/wide-rows", (np.arange(40).reshape(2, 20) * (0.5 + 1.5j)).astype(dt))
    add(f"{dt}/random", (rng.normal(size=(3, 4)) + 1j * rng.normal(size=(3, 4))).astype(dt))
    add(f"{dt}/random-sci", ((rng.normal(size=8) + 1j * rng.normal(size=8)) * 1e-7).astype(dt))
    add_tiled(f"{dt}/summary-nan", np.array([complex(np.nan, np.inf), 1 - 0.5j, 2.25 + 1e3j,
                                             -3 - 3j, 0j], dt), [1200])

with open(OUT, "w") as f:
    # one case per line
    f.write('{"numpy":%s,"cases":[\n' % json.dumps(np.__version__))
    f.write(",\n".join(json.dumps(c, separators=(",", ":")) for c in cases))
    f.write("\n]}\n")
print(f"{len(cases)} cases, {os.path.getsize(OUT)} bytes -> {OUT}", file=sys.stderr)
