#!/usr/bin/python3
"""Write the golden files testdata/seed_*.json: what NumPy's
numpy.random.default_rng draws for several seeds, for the tests of package
workbench/arrays/random.

Run with Debian's interpreter (it has numpy) from arrays/random:

    /usr/bin/python3 testdata/generate.py

Every case starts from a fresh generator made from the seed, except "mixed",
which runs a list of calls on one generator in order (to pin down how the
32-bit buffer of PCG64 is shared between calls). Floats are JSON numbers
written with repr(), so they round-trip exactly; 64-bit checksums are plain
integers.
"""
import json
import os
import struct

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))

SEEDS = [0, 1, 42, 12345, 2**63 + 5, 2**64 - 1]
WORD_SEEDS = [[1, 2, 3, 4, 5, 6, 7]]

INT_RANGES = [
    (0, 1), (0, 2), (0, 10), (0, 2**31), (0, 2**32 - 1), (0, 2**32), (0, 2**32 + 1),
    (0, 2**62), (-10, 10), (-2**40, -2**40 + 3), (-5, 2**33), (-2**63, 2**63 - 1),
    (-2**63, 0), (2**62, 2**63 - 1), (7, 8),
]
UNIFORMS = [(0.0, 1.0), (-2.5, 7.25), (10.0, 20.0), (3.0, 3.0), (-1e300, 1e300)]
PERMUTATIONS = [0, 1, 2, 10, 1000]
N_FIRST = 1000
N_BIG = 200000
PICK_EVERY = 997
R = 3.6541528853610087963519472518  # ziggurat_nor_r


def rng_for(seed):
    return np.random.default_rng(seed)


def bits(x):
    return struct.unpack("<Q", struct.pack("<d", float(x)))[0]


def floats(a):
    return [float(v) for v in np.asarray(a).ravel()]


def ints(a):
    return [int(v) for v in np.asarray(a).ravel()]


def checksums(values):
    """XOR and wrapping sum of the 64-bit patterns of values (floats) or of
    the values themselves (integers)."""
    x = s = 0
    for v in values:
        b = bits(v) if isinstance(v, float) else int(v) & 0xFFFFFFFFFFFFFFFF
        x ^= b
        s = (s + b) & 0xFFFFFFFFFFFFFFFF
    return {"xor": x, "sum": s}


def mixed(seed):
    """One generator, many calls in a row, each recorded as op, args, values."""
    g = rng_for(seed)
    out = []

    def rec(op, args, values):
        out.append({"op": op, "args": args, "values": values})

    rec("integers", [0, 10, 3], ints(g.integers(0, 10, size=3)))
    rec("random", [2], floats(g.random(2)))
    rec("integers", [0, 10, 1], ints(g.integers(0, 10, size=1)))
    rec("integers", [0, 10, 0], ints(g.integers(0, 10, size=0)))
    rec("permutation", [5], ints(g.permutation(5)))
    rec("random32", [3], floats(g.random(3, dtype=np.float32)))
    rec("normal", [0.0, 1.0, 3], floats(g.standard_normal(3)))
    rec("integers", [-5, 2**40, 2], ints(g.integers(-5, 2**40, size=2)))
    rec("integers", [100, 1000, 5], ints(g.integers(100, 1000, size=5)))
    rec("uniform", [-1.0, 1.0, 2], floats(g.uniform(-1.0, 1.0, 2)))
    rec("random32", [1], floats(g.random(1, dtype=np.float32)))
    rec("integers", [0, 2**32, 3], ints(g.integers(0, 2**32, size=3)))
    rec("raw", [2], ints(g.bit_generator.random_raw(2)))
    rec("integers", [0, 3, 3], ints(g.integers(0, 3, size=3)))
    rec("normal", [2.0, 0.5, 4], floats(g.normal(2.0, 0.5, 4)))
    rec("permutation", [33], ints(g.permutation(33)))
    return out


def golden(seed, words=None):
    ent = words if words is not None else seed
    ss = np.random.SeedSequence(ent)
    bg = np.random.PCG64(ss)
    st = bg.state["state"]
    d = {
        "numpy": np.__version__,
        "seed": seed,
        "words": words,
        "pool": ints(ss.pool),
        "state_words": ints(np.random.SeedSequence(ent).generate_state(4, np.uint64)),
        "pcg_state": ["%032x" % st["state"], "%032x" % st["inc"]],
        "raw": ints(bg.random_raw(8)),
        "uint32": ints(rng_for(ent).integers(0, 2**32, size=9, dtype=np.uint32)),
        "random": floats(rng_for(ent).random(N_FIRST)),
        "random32": floats(rng_for(ent).random(100, dtype=np.float32)),
        "uniform": [
            {"low": lo, "high": hi, "values": floats(rng_for(ent).uniform(lo, hi, 50))}
            for lo, hi in UNIFORMS
        ],
        "normal": floats(rng_for(ent).standard_normal(N_FIRST)),
        "normal_loc_scale": [
            {"loc": loc, "scale": sc, "values": floats(rng_for(ent).normal(loc, sc, 50))}
            for loc, sc in [(5.0, 2.5), (-1.0, 0.0), (0.0, 1e-3)]
        ],
    }
    big = floats(rng_for(ent).standard_normal(N_BIG))
    d["normal_big"] = {
        "n": N_BIG,
        "checksums": checksums(big),
        "tail": [[i, v] for i, v in enumerate(big) if abs(v) > R],
        "every": PICK_EVERY,
        "picks": big[::PICK_EVERY],
    }
    d["integers"] = [
        {"low": lo, "high": hi, "values": ints(rng_for(ent).integers(lo, hi, size=40))}
        for lo, hi in INT_RANGES
    ]
    d["integers_big"] = []
    for lo, hi in [(0, 10), (-3, 2**31 + 7), (0, 2**40 + 1)]:
        v = ints(rng_for(ent).integers(lo, hi, size=N_BIG))
        d["integers_big"].append({"low": lo, "high": hi, "n": N_BIG, "checksums": checksums(v)})
    d["permutation"] = [{"n": n, "values": ints(rng_for(ent).permutation(n))} for n in PERMUTATIONS]
    x = np.arange(20) * 1.5
    rng_for(ent).shuffle(x)
    lst = list("abcdefghijklmnopq")
    rng_for(ent).shuffle(lst)
    d["shuffle"] = {"floats": floats(x), "strings": lst}
    d["mixed"] = mixed(ent)
    return d


def write(name, d):
    path = os.path.join(HERE, name)
    with open(path, "w") as f:
        f.write("{\n")
        items = list(d.items())
        for i, (k, v) in enumerate(items):
            f.write("%s: %s%s\n" % (json.dumps(k), json.dumps(v, separators=(",", ":")),
                                      "," if i < len(items) - 1 else ""))
        f.write("}\n")
    return os.path.getsize(path)


def main():
    total = 0
    for s in SEEDS:
        total += write("seed_%d.json" % s, golden(s))
    for w in WORD_SEEDS:
        total += write("words_%s.json" % "_".join(map(str, w)), golden(None, w))
    print("wrote %d bytes" % total)


if __name__ == "__main__":
    main()
