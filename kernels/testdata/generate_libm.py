#!/usr/bin/env python3
"""Writes libm.json: arguments of the real functions of kernels/libm.go with
the values of the C library (glibc's libm through Python's math module, within
one ulp of the true values). NumPy is not the reference here: on AVX-512
machines its float64 functions come from SVML and are less accurate.

Run with /usr/bin/python3 (go generate ./kernels does)."""
import hashlib
import json
import math
import os
import random

random.seed(7)


def spread(lo_exp, hi_exp, n, sign=True):
    out = []
    for _ in range(n):
        v = 2.0 ** random.uniform(lo_exp, hi_exp)
        out.append(-v if sign and random.random() < 0.5 else v)
    return out


sub = [5e-324, 1e-310, 2.2250738585072014e-308 / 3, 1e-300]
near1 = [1 + d for d in (1e-15, 1e-12, 1e-9, 1e-6, 1e-3, 0.01, 0.0652, -1e-15, -1e-9, -1e-6, -1e-3, -0.01)]
cases = {
    "exp": spread(-30, 9.47, 400) + [709.5, 709.78, -708.5, -740, -745.1, 1e-20, 0.5 * math.log(2)],
    "log": spread(-1074, 1023.9, 400, False) + sub + near1,
    "log2": spread(-1074, 1023.9, 400, False) + sub + near1 + [2.0 ** k for k in range(-1074, 1024, 97)],
    "log10": spread(-1074, 1023.9, 400, False) + sub + near1 + [10.0 ** k for k in range(-300, 301, 37)],
    "asin": [random.uniform(-1, 1) for _ in range(300)] + [0.999999, -0.999999, 0.97, 0.5, 1e-9, 1 - 2 ** -52],
    "acos": [random.uniform(-1, 1) for _ in range(300)] + [0.999999, -0.999999, 0.97, 0.5, -0.5, 1e-9, 1 - 2 ** -52],
    "sinh": spread(-30, 9.48, 300) + [709.5, 710.4, -710.4, 21.5],
    "cosh": spread(-30, 9.48, 300) + [709.5, 710.4, -710.4, 21.5],
    "tan": spread(-30, 70, 300) + [math.pi, math.pi / 2, 1e22, 1.7e308],
    "expm1": spread(-60, 9.47, 300) + [1e-300, -1e-300, 709.7, -40],
    "log1p": spread(-60, 1000, 300, False) + [-0.5, -0.999999, -1e-10, 1e-300, 5e-324],
    "exp2": spread(-40, 10, 300) + [1023.5, -1074, -1075.5, 0.5],
    "atan": spread(-60, 60, 300) + [1e300, -1e300, 0.4375, 2.4375],
    "tanh": spread(-40, 6, 300) + [20, 22.5, -0.55],
    "asinh": spread(-60, 1000, 300) + [1e-300, 0.5, 2.0],
    "acosh": [1 + v for v in spread(-50, 5, 150, False)] + spread(5, 1000, 150, False) + [1.0, 2.0],
    "atanh": [random.uniform(-1, 1) for _ in range(300)] + [0.999999, -0.999999, 1e-20, 0.5],
}
rows = []
for name, xs in cases.items():
    f = getattr(math, name)
    for x in xs:
        try:
            rows.append([name, float(x).hex(), "", f(float(x)).hex()])
        except (OverflowError, ValueError):
            pass
pow_args = []
for _ in range(600):
    x = 2.0 ** random.uniform(-1074, 1023)
    y = random.uniform(-3, 3) * random.choice([1, 10, 100])
    pow_args.append((x, y))
pow_args += [(5e-324, -0.75), (1e300, -0.75), (1.7976931348623157e308, -0.75), (1.8446744073709552e19, 2.5),
             (2.0, 0.5), (10.0, 22.0), (-2.0, 3.0), (-0.5, -3.0), (0.999999, 1e6), (1.0000001, -1e7)]
for _ in range(300):
    y, x = random.uniform(-1, 1) * 2.0 ** random.uniform(-30, 30), random.uniform(-1, 1) * 2.0 ** random.uniform(-30, 30)
    rows.append(["atan2", y.hex(), x.hex(), math.atan2(y, x).hex()])
    a, b = 2.0 ** random.uniform(-1070, 1020), 2.0 ** random.uniform(-1070, 1020)
    rows.append(["hypot", a.hex(), b.hex(), math.hypot(a, b).hex()])
for x, y in pow_args:
    try:
        rows.append(["pow", float(x).hex(), float(y).hex(), math.pow(x, y).hex()])
    except (OverflowError, ValueError):
        pass
src = open(os.path.abspath(__file__), "rb").read()
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "libm.json")
with open(out, "w") as fp:
    json.dump({"generator": "kernels/testdata/generate_libm.py",
               "generator_sha256": hashlib.sha256(src).hexdigest(), "rows": rows}, fp, indent=0)
