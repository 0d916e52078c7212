#!/usr/bin/python3
"""Writes golden.json: numpy.fft results for the Go package workbench/arrays/fft.

Run with Debian's python3 and NumPy 1.24 (go generate in arrays/fft). The
inputs are not stored: each is made from a formula that Go evaluates to the
same bits (integer arithmetic, one correctly rounded division), see gen().

Differences from NumPy that the Go tests expect, as the array API standard
says:
- float32 and complex64 inputs give complex64 results (float32 for irfft
  and hfft); NumPy 1.24 computes in float64 and returns complex128. The
  cases keep NumPy's float64 values and the Go test checks them within
  float32 accuracy (the Go package computes in float64 and rounds).
- rfft, ihfft and rfftn of complex input are an error (NumPy discards the
  imaginary part with a warning); no golden case covers them.
Errors: NumPy raises for n < 1 (and a bad axis or norm); the Go package
panics with an *fft.Error naming the argument; those cases record the
argument's name and check that NumPy raises too.
"""

import hashlib
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))

A_RE, P_RE = 7919, 65521
A_IM, P_IM = 104729, 65519


def gen(shape, dtype, seed):
    """The input of a case: element j (C order) is
    ((j*7919 + seed) % 65521)/65521 - 0.5 (+ 1j*((j*104729 + 3*seed) % 65519)/65519 - 0.5j)
    for float and complex dtypes, (j*7919 + seed) % 17 - 8 for integers."""
    size = int(np.prod(shape, dtype=np.int64))
    j = np.arange(size, dtype=np.int64)
    if dtype in ("int64", "int32"):
        return ((j * A_RE + seed) % 17 - 8).astype(dtype).reshape(shape)
    re = ((j * A_RE + seed) % P_RE).astype(np.float64) / P_RE - 0.5
    if dtype in ("float64", "float32"):
        return re.astype(dtype).reshape(shape)
    im = ((j * A_IM + 3 * seed) % P_IM).astype(np.float64) / P_IM - 0.5
    z = (re + 1j * im)
    return z.astype(dtype).reshape(shape)


cases = []


def enc(a):
    a = np.asarray(a)
    d = {"dtype": str(a.dtype), "shape": list(a.shape)}
    flat = a.ravel()
    if np.iscomplexobj(a):
        d["re"] = [float(v) for v in flat.real]
        d["im"] = [float(v) for v in flat.imag]
    else:
        d["re"] = [float(v) for v in flat]
    return d


def add(func, shape, dtype, seed, args, transpose=False, sample=None, want_dtype=None):
    x = gen(shape, dtype, seed)
    if transpose:
        x = x.T
    kw = {}
    for k, v in args.items():
        kw[k] = tuple(v) if isinstance(v, list) else v
    case = {"func": func, "shape": list(shape), "dtype": dtype, "seed": seed,
            "transpose": transpose, "args": args}
    try:
        y = getattr(np.fft, func)(x, **kw)
    except (ValueError, IndexError, np.AxisError) as e:  # noqa: the error cases
        case["error"] = args.get("_arg", "?")
        case["numpy_error"] = str(e)
        cases.append(case)
        return
    if sample is not None:
        idx = np.arange(0, y.size, sample)
        case["sample"] = sample
        y = y.ravel()[idx]
    case["out"] = enc(y)
    if want_dtype:
        case["want_dtype"] = want_dtype
    cases.append(case)


def add_error(func, shape, dtype, args, arg):
    x = gen(shape, dtype, 1)
    kw = {k: (tuple(v) if isinstance(v, list) else v) for k, v in args.items()}
    try:
        getattr(np.fft, func)(x, **kw)
    except Exception as e:
        cases.append({"func": func, "shape": list(shape), "dtype": dtype, "seed": 1,
                      "transpose": False, "args": args, "error": arg,
                      "numpy_error": type(e).__name__ + ": " + str(e)})
        return
    sys.exit("NumPy did not raise for %s %s" % (func, args))


LENGTHS = [1, 2, 3, 4, 5, 7, 8, 12, 15, 16, 17, 31, 64, 97, 100, 128, 243, 1000, 1024, 4099]
NORMS = ["backward", "ortho", "forward"]

seed = 1
for n in LENGTHS:
    for f in ("fft", "ifft"):
        add(f, [n], "complex128", seed, {})
        seed += 1
    add("rfft", [n], "float64", seed, {})
    seed += 1
    add("irfft", [n // 2 + 1], "complex128", seed, {"n": n})
    seed += 1
    if n <= 128:
        add("hfft", [n // 2 + 1], "complex128", seed, {"n": n})
        seed += 1
        add("ihfft", [n], "float64", seed, {})
        seed += 1

# Each norm, each function.
for n in (6, 17, 64):
    for norm in NORMS:
        for f in ("fft", "ifft", "hfft"):
            add(f, [n], "complex128", seed, {"norm": norm})
            seed += 1
        for f in ("rfft", "ihfft"):
            add(f, [n], "float64", seed, {"norm": norm})
            seed += 1
        add("irfft", [n], "complex128", seed, {"norm": norm})
        seed += 1
        for f in ("fftn", "ifftn", "irfftn"):
            add(f, [4, n], "complex128", seed, {"norm": norm})
            seed += 1
        add("rfftn", [4, n], "float64", seed, {"norm": norm})
        seed += 1

# Cropping and padding with n, default lengths of irfft and hfft.
for f in ("fft", "ifft", "rfft", "ihfft", "irfft", "hfft"):
    dt = "float64" if f in ("rfft", "ihfft") else "complex128"
    for n in (1, 5, 8, 9, 20, 33):
        add(f, [12], dt, seed, {"n": n})
        seed += 1
    add(f, [12], dt, seed, {})
    seed += 1
add("irfft", [1], "complex128", seed, {"n": 1})
seed += 1

# Axes, batches, transposed (non-contiguous) inputs.
for f in ("fft", "ifft", "rfft", "irfft", "hfft", "ihfft"):
    dt = "float64" if f in ("rfft", "ihfft") else "complex128"
    for shape, axis, tr in (([3, 10], 0, False), ([3, 10], -1, False), ([3, 10], 1, True),
                            ([4, 5, 6], 1, False), ([4, 5, 6], 0, True), ([2, 3, 7], 2, False),
                            ([33, 9], 0, False), ([40, 7], 1, True)):
        add(f, shape, dt, seed, {"axis": axis}, transpose=tr)
        seed += 1
    add(f, [5, 6], dt, seed, {"axis": 0, "n": 9})
    seed += 1

# n-d transforms.
ND = [
    ([4, 6], {}), ([5, 7], {}), ([3, 4, 5], {}), ([3, 4, 5], {"axes": [0, 2]}),
    ([3, 4, 5], {"axes": [2, 0]}), ([3, 4, 5], {"axes": [-1]}), ([3, 4, 5], {"s": [6, 3]}),
    ([3, 4, 5], {"s": [2, 5, 9], "axes": [0, 1, 2]}), ([3, 4, 5], {"s": [7], "axes": [1]}),
    ([8, 8], {"axes": [1, 0]}), ([2, 3, 4, 5], {}), ([16, 12], {}), ([6, 5], {"s": [4, 8]}),
]
for shape, args in ND:
    for f in ("fftn", "ifftn", "irfftn"):
        add(f, shape, "complex128", seed, args)
        seed += 1
    add("rfftn", shape, "float64", seed, args)
    seed += 1
    add("fftn", shape, "complex128", seed, args, transpose=True)
    seed += 1
add("fftn", [64, 48], "complex128", seed, {})
seed += 1
add("rfftn", [64, 48], "float64", seed, {})
seed += 1

# Other dtypes: float32 and complex64 (complex64 results, see above), ints.
for n in (8, 15, 97, 1000):
    add("fft", [n], "float32", seed, {}, want_dtype="complex64")
    seed += 1
    add("fft", [n], "complex64", seed, {}, want_dtype="complex64")
    seed += 1
    add("ifft", [n], "complex64", seed, {}, want_dtype="complex64")
    seed += 1
    add("rfft", [n], "float32", seed, {}, want_dtype="complex64")
    seed += 1
    add("irfft", [n // 2 + 1], "complex64", seed, {"n": n}, want_dtype="float32")
    seed += 1
add("fftn", [6, 10], "float32", seed, {}, want_dtype="complex64")
seed += 1
add("fft", [12], "int64", seed, {})
seed += 1
add("rfft", [12], "int32", seed, {})
seed += 1
add("fftn", [3, 4], "int64", seed, {})
seed += 1

# Large: 2^16, every 61st output kept.
add("fft", [1 << 16], "complex128", seed, {}, sample=61)
seed += 1
add("ifft", [1 << 16], "complex128", seed, {}, sample=61)
seed += 1
add("rfft", [1 << 16], "float64", seed, {}, sample=61)
seed += 1
add("irfft", [(1 << 15) + 1], "complex128", seed, {}, sample=61)
seed += 1
add("fft", [65537], "complex128", seed, {}, sample=61)
seed += 1

# Errors.
add_error("fft", [0], "complex128", {}, "n")
add_error("fft", [4], "complex128", {"n": 0}, "n")
add_error("ifft", [4], "complex128", {"n": -1}, "n")
add_error("rfft", [4], "float64", {"n": 0}, "n")
add_error("irfft", [1], "complex128", {}, "n")
add_error("hfft", [1], "complex128", {}, "n")
add_error("fft", [4], "complex128", {"axis": 1}, "axis")
add_error("fft", [3, 4], "complex128", {"axis": -3}, "axis")
add_error("fft", [4], "complex128", {"norm": "bogus"}, "norm")
add_error("fftn", [3, 4], "complex128", {"s": [2, 3], "axes": [0]}, "s")
add_error("fftn", [3, 4], "complex128", {"s": [0, 3]}, "s")
add_error("fftn", [3, 4], "complex128", {"axes": [2]}, "axes")

# Frequencies and shifts (inputs and outputs listed whole).
freqs = []
for n in (1, 2, 3, 4, 5, 8, 9, 10, 17):
    for d in (1.0, 0.1, 2.5):
        freqs.append({"func": "fftfreq", "n": n, "d": d, "out": [float(v) for v in np.fft.fftfreq(n, d)]})
        freqs.append({"func": "rfftfreq", "n": n, "d": d, "out": [float(v) for v in np.fft.rfftfreq(n, d)]})
shifts = []
for shape, axes in (([1], None), ([5], None), ([6], None), ([4, 5], None), ([4, 5], [0]), ([4, 5], [1]),
                    ([3, 4, 5], [0, 2]), ([3, 4, 5], [-1]), ([0, 3], None), ([3, 5], [1, 1])):
    size = int(np.prod(shape))
    x = np.arange(size, dtype=np.int64).reshape(shape)
    for f in ("fftshift", "ifftshift"):
        y = getattr(np.fft, f)(x, axes=None if axes is None else tuple(axes))
        shifts.append({"func": f, "shape": shape, "axes": axes, "out": [int(v) for v in y.ravel()]})

with open(os.path.abspath(__file__), "rb") as fh:
    digest = hashlib.sha256(fh.read()).hexdigest()

out = {
    "generator": "arrays/fft/testdata/generate.py",
    "script_sha256": digest,
    "numpy_version": np.__version__,
    "cases": cases,
    "freqs": freqs,
    "shifts": shifts,
}
with open(os.path.join(HERE, "golden.json"), "w") as fh:
    json.dump(out, fh, separators=(",", ":"))
    fh.write("\n")
print("wrote %d cases, %d freqs, %d shifts" % (len(cases), len(freqs), len(shifts)))
