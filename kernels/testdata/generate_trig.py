#!/usr/bin/env python3
"""Writes trig.json: float64 arguments with their sine and cosine from the C
library (glibc's libm through Python's math module, which is accurate to
within one ulp and nearly always correctly rounded). NumPy is not used here on
purpose: on AVX-512 machines its float64 sin and cos come from SVML and are
less accurate (they differ from libm in most last bits).

Run with /usr/bin/python3 (go generate ./kernels does)."""
import hashlib
import json
import math
import os
import random

random.seed(20261125)
xs = []
for e in range(-40, 21):
    for _ in range(30):
        xs.append(random.uniform(-1, 1) * 2.0 ** e)
# Near multiples of pi/2, where reduction cancels most bits.
for k in [1, 2, 3, 4, 5, 7, 10, 33, 100, 355, 1000, 6381, 12345, 102943, 300000, 1000000]:
    x = k * math.pi / 2
    xs += [x, math.nextafter(x, 0), math.nextafter(x, math.inf)]
# The worst case for reduction among doubles below 2^20 pi/2 (about 61 bits cancel).
xs += [6381956970095103.0 * 2.0 ** -45 * s for s in (1, -1)]
# Past the Cody-Waite range: exact reduction with a long pi.
xs += [1.6470993291652855e6, -1.6470993291652855e6, 2.0 ** 29, 2.0 ** 30 + 1, 1e10, 1e22, -1e22,
       9.223372036854776e18, 1.8446744073709552e19, 1e100, 1e300, 1.7e308, -1.7976931348623157e308]
xs += [0.7853981633974483, 0.7853981633974484, 2.356194490192345, 1e-310, 5e-324]
rows = [[x.hex(), math.sin(x).hex(), math.cos(x).hex()] for x in xs]
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "trig.json")
with open(out, "w") as f:
    src = open(os.path.abspath(__file__), "rb").read()
    json.dump({"generator": "kernels/testdata/generate_trig.py",
               "generator_sha256": hashlib.sha256(src).hexdigest(), "rows": rows}, f, indent=0)
