#!/usr/bin/python3
"""Write testdata/dist.golden (JSON; not *.json, which holds the seed_* files): what NumPy's numpy.random.default_rng draws from
its non-uniform distributions (exponential, gamma, beta, Poisson, binomial,
choice, shuffle, permuted, multivariate normal, ...), for the tests of
package workbench/arrays/random.

Run with Debian's interpreter (it has numpy) from arrays/random:

    /usr/bin/python3 testdata/generate_dist.py

Each case starts a fresh generator from its seed and runs its calls in order
on it (a case with several calls checks that the calls consume the stream as
NumPy's do). Each call is recorded as op, args, size and the values drawn,
flattened in C order; floats are written with repr(), so they round-trip.
"big" cases record, instead of every value, checksums and every k-th value
of a long run, to go through the rare branches of the samplers.
"""
import json
import os
import struct

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = [0, 42, 12345]
N = 40


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def ints(a):
    return [int(v) for v in np.asarray(a).ravel()]


def bits(x):
    return struct.unpack("<Q", struct.pack("<d", float(x)))[0]


def checksums(values, is_float):
    x = s = 0
    for v in values:
        b = bits(v) if is_float else int(v) & 0xFFFFFFFFFFFFFFFF
        x ^= b
        s = (s + b) & 0xFFFFFFFFFFFFFFFF
    return {"xor": x, "sum": s}


# op -> (function of (rng, args, size), float result?)
OPS = {
    "standard_exponential": (lambda g, a, n: g.standard_exponential(n), True),
    "exponential": (lambda g, a, n: g.exponential(a[0], n), True),
    "standard_gamma": (lambda g, a, n: g.standard_gamma(a[0], n), True),
    "gamma": (lambda g, a, n: g.gamma(a[0], a[1], n), True),
    "beta": (lambda g, a, n: g.beta(a[0], a[1], n), True),
    "poisson": (lambda g, a, n: g.poisson(a[0], n), False),
    "binomial": (lambda g, a, n: g.binomial(a[0], a[1], n), False),
    "standard_normal": (lambda g, a, n: g.standard_normal(n), True),
    "random": (lambda g, a, n: g.random(n), True),
    "integers": (lambda g, a, n: g.integers(a[0], a[1], n), False),
    "lognormal": (lambda g, a, n: g.lognormal(a[0], a[1], n), True),
    "chisquare": (lambda g, a, n: g.chisquare(a[0], n), True),
    "standard_cauchy": (lambda g, a, n: g.standard_cauchy(n), True),
    "laplace": (lambda g, a, n: g.laplace(a[0], a[1], n), True),
    "logistic": (lambda g, a, n: g.logistic(a[0], a[1], n), True),
    "geometric": (lambda g, a, n: g.geometric(a[0], n), False),
    "weibull": (lambda g, a, n: g.weibull(a[0], n), True),
    "pareto": (lambda g, a, n: g.pareto(a[0], n), True),
    "rayleigh": (lambda g, a, n: g.rayleigh(a[0], n), True),
    "triangular": (lambda g, a, n: g.triangular(a[0], a[1], a[2], n), True),
    "negative_binomial": (lambda g, a, n: g.negative_binomial(a[0], a[1], n), False),
    "hypergeometric": (lambda g, a, n: g.hypergeometric(a[0], a[1], a[2], n), False),
}

SINGLE = [
    ("standard_exponential", []),
    ("exponential", [2.5]), ("exponential", [0.0]),
    ("standard_gamma", [0.0]), ("standard_gamma", [0.3]), ("standard_gamma", [1.0]),
    ("standard_gamma", [2.5]), ("standard_gamma", [1e4]), ("standard_gamma", [1e-3]),
    ("gamma", [0.5, 3.0]), ("gamma", [4.0, 0.25]),
    ("beta", [0.5, 0.5]), ("beta", [2.0, 3.0]), ("beta", [1e-3, 1e-3]), ("beta", [0.5, 2.0]),
    ("beta", [1.0, 1.0]),
    ("poisson", [0.0]), ("poisson", [1e-3]), ("poisson", [3.5]), ("poisson", [9.99]),
    ("poisson", [10.0]), ("poisson", [1234.5]), ("poisson", [1e12]),
    ("binomial", [0, 0.5]), ("binomial", [10, 0.0]), ("binomial", [10, 1.0]),
    ("binomial", [20, 0.3]), ("binomial", [1000, 0.4]), ("binomial", [1000, 0.7]),
    ("binomial", [50, 0.9]), ("binomial", [100, 0.5]), ("binomial", [10**9, 1e-3]),
    ("binomial", [1, 0.5]), ("binomial", [60, 0.5]),
    ("lognormal", [0.0, 1.0]), ("lognormal", [1.5, 0.25]),
    ("chisquare", [3.0]), ("chisquare", [0.5]),
    ("standard_cauchy", []),
    ("laplace", [1.0, 2.0]), ("logistic", [-1.0, 0.5]),
    ("geometric", [0.5]), ("geometric", [0.01]), ("geometric", [1.0]),
    ("weibull", [1.5]), ("weibull", [0.0]),
    ("pareto", [3.0]), ("rayleigh", [2.0]),
    ("triangular", [0.0, 0.25, 1.0]), ("triangular", [-1.0, 2.0, 2.0]),
    ("negative_binomial", [5, 0.3]), ("negative_binomial", [0.5, 0.9]),
    ("hypergeometric", [7, 5, 4]), ("hypergeometric", [7, 5, 9]), ("hypergeometric", [0, 5, 3]),
    ("hypergeometric", [5, 0, 3]), ("hypergeometric", [100, 200, 50]), ("hypergeometric", [300, 20, 250]),
    ("hypergeometric", [10**8, 10**8, 10**6]), ("hypergeometric", [20, 20, 40]),
]

# Long runs: op, args, n, every.
BIG = [
    ("standard_exponential", [], 200000, 997),
    ("standard_gamma", [0.3], 20000, 97),
    ("standard_gamma", [2.5], 20000, 97),
    ("beta", [0.5, 0.5], 20000, 97),
    ("beta", [2.0, 3.0], 20000, 97),
    ("poisson", [3.5], 20000, 97),
    ("poisson", [1234.5], 20000, 97),
    ("poisson", [12.0], 20000, 97),
    ("binomial", [20, 0.3], 20000, 97),
    ("binomial", [1000, 0.4], 20000, 97),
    ("binomial", [45, 0.8], 20000, 97),
    ("binomial", [100000, 0.5], 20000, 97),
    ("hypergeometric", [100, 200, 50], 20000, 97),
    ("hypergeometric", [5000, 3000, 4000], 20000, 97),
]

MIXED = [
    [("standard_exponential", [], 3), ("integers", [0, 10], 3), ("standard_gamma", [0.3], 4),
     ("poisson", [3.5], 3), ("random", [], 2), ("binomial", [1000, 0.4], 3),
     ("integers", [0, 5], 1), ("beta", [0.5, 0.5], 3), ("standard_normal", [], 2),
     ("poisson", [1234.5], 2), ("gamma", [2.5, 2.0], 3), ("binomial", [20, 0.7], 3),
     ("integers", [0, 7], 3), ("hypergeometric", [7, 5, 4], 3), ("integers", [0, 9], 1),
     ("hypergeometric", [100, 200, 50], 2), ("geometric", [0.1], 2)],
]


def run(g, op, args, n):
    f, is_float = OPS[op]
    v = f(g, args, n)
    return floats(v) if is_float else ints(v)


def choice_cases(seed):
    """Each: kwargs for Generator.choice, and the values."""
    cases = []
    specs = [
        dict(a=10, size=[5]),
        dict(a=10, size=[2, 3]),
        dict(a=1, size=[4]),
        dict(a=10, size=[0]),
        dict(a=0, size=[0]),
        dict(a=3 * 10**9, size=[6]),
        dict(a=10, size=[5], replace=False),
        dict(a=10, size=[10], replace=False),
        dict(a=10, size=[0], replace=False),
        dict(a=1, size=[1], replace=False),
        dict(a=1000, size=[7], replace=False),
        dict(a=1000, size=[2, 3], replace=False),
        dict(a=20000, size=[5], replace=False),
        dict(a=20000, size=[1000], replace=False),
        dict(a=12000, size=[300], replace=False),
        dict(a=10001, size=[201], replace=False),
        dict(a=10001, size=[200], replace=False),
        dict(a=5, size=[6], p=[0.1, 0.0, 0.3, 0.6, 0.0]),
        dict(a=5, size=[2, 2], p=[0.2, 0.2, 0.2, 0.2, 0.2]),
        dict(a=5, size=[3], replace=False, p=[0.1, 0.0, 0.3, 0.6, 0.0]),
        dict(a=6, size=[5], replace=False, p=[0.05, 0.3, 0.1, 0.25, 0.2, 0.1]),
        dict(a=4, size=[0], replace=False, p=[0.25, 0.25, 0.25, 0.25]),
        dict(a=10, size=[], replace=True),
        dict(a=20000, size=[5], replace=False, shuffle=False),
        dict(a=20000, size=[1001], replace=False, shuffle=False),
        dict(a=30, size=[6], replace=False, shuffle=False),
        dict(a=[1.5, 2.5, 3.5, 4.5], size=[6]),
        dict(a=[1.5, 2.5, 3.5, 4.5], size=[3], replace=False),
        dict(a=[10, 20, 30], size=[4], p=[0.5, 0.25, 0.25]),
    ]
    for s in specs:
        kw = dict(s)
        kw["size"] = tuple(kw["size"])
        g = np.random.default_rng(seed)
        v = g.choice(**kw)
        after = int(g.bit_generator.random_raw())
        c = dict(s)
        c["values"] = floats(v) if np.asarray(v).dtype.kind == "f" else ints(v)
        c["shape"] = list(np.shape(v))
        c["next_raw"] = after
        cases.append(c)
    # A 2-D population: rows.
    g = np.random.default_rng(seed)
    v = g.choice(np.arange(12).reshape(4, 3), 3)
    cases.append(dict(a="arange(12).reshape(4,3)", size=[3], values=ints(v), shape=list(v.shape),
                      next_raw=int(g.bit_generator.random_raw())))
    return cases


def shuffle_cases(seed):
    out = {}
    x = np.arange(20).reshape(5, 4)
    np.random.default_rng(seed).shuffle(x)
    out["shuffle_2d"] = ints(x)
    x = np.arange(24.0).reshape(2, 3, 4)
    np.random.default_rng(seed).shuffle(x)
    out["shuffle_3d"] = floats(x)
    x = np.arange(7)
    np.random.default_rng(seed).shuffle(x)
    out["shuffle_1d"] = ints(x)
    x = np.arange(12).reshape(3, 4)
    out["permuted_none"] = ints(np.random.default_rng(seed).permuted(x))
    out["permuted_0"] = ints(np.random.default_rng(seed).permuted(x, axis=0))
    out["permuted_1"] = ints(np.random.default_rng(seed).permuted(x, axis=1))
    x = np.arange(24).reshape(2, 3, 4)
    out["permuted3_1"] = ints(np.random.default_rng(seed).permuted(x, axis=1))
    return out


MVN = [
    ([1.0, -2.0], [[2.0, 0.3], [0.3, 0.5]], [5]),
    ([0.0, 0.0, 0.0], [[4.0, 2.0, 0.6], [2.0, 2.0, 0.4], [0.6, 0.4, 1.0]], [3, 2]),
    ([5.0], [[9.0]], [4]),
]


def mvn_cases(seed):
    out = []
    for mean, cov, size in MVN:
        c = {"mean": mean, "cov": cov, "size": size}
        for method in ["cholesky", "svd", "eigh"]:
            g = np.random.default_rng(seed)
            c[method] = floats(g.multivariate_normal(mean, cov, tuple(size), method=method))
        u, s, vh = np.linalg.svd(np.array(cov))
        c["svd_u"] = floats(u)
        c["svd_s"] = floats(s)
        w, v = np.linalg.eigh(np.array(cov))
        c["eigh_w"] = floats(w)
        c["eigh_v"] = floats(v)
        out.append(c)
    return out


def case_file(seed):
    d = {"numpy": np.__version__, "seed": seed, "single": [], "big": [], "mixed": []}
    for op, args in SINGLE:
        d["single"].append({"op": op, "args": args, "values": run(np.random.default_rng(seed), op, args, N)})
    for op, args, n, every in BIG:
        v = run(np.random.default_rng(seed), op, args, n)
        is_float = OPS[op][1]
        d["big"].append({"op": op, "args": args, "n": n, "every": every,
                         "checksums": checksums(v, is_float), "picks": v[::every],
                         "sum": float(np.sum(np.asarray(v, dtype=np.float64)))})
    for calls in MIXED:
        g = np.random.default_rng(seed)
        d["mixed"].append([{"op": op, "args": args, "n": n, "values": run(g, op, args, n)}
                           for op, args, n in calls])
    d["choice"] = choice_cases(seed)
    d.update(shuffle_cases(seed))
    d["mvn"] = mvn_cases(seed)
    return d


def libm():
    """The C library's exp, log and pow (what NumPy's samplers call) on
    arguments of the kinds the samplers give them."""
    import math
    g = np.random.default_rng(2024)
    u = [float(v) for v in g.random(300)]
    xs = [float(v) for v in g.uniform(-700, 700, 300)] + [float(v) for v in g.uniform(-2, 2, 300)]
    ys = [float(v) for v in 1 / g.uniform(1e-4, 1, 300)] + [float(v) for v in g.uniform(0.3, 20, 300)]
    bases = u + [float(v) for v in g.uniform(0.5, 3, 300)]
    return {
        "exp": [[x, math.exp(x)] for x in xs],
        "log": [[x, math.log(x)] for x in u + [float(v) for v in g.uniform(0, 1e6, 300)]],
        "pow": [[x, y, math.pow(x, y)] for x, y in zip(bases, ys)],
    }


def main():
    out = {"numpy": np.__version__, "seeds": [case_file(s) for s in SEEDS]}
    path = os.path.join(HERE, "dist.golden")
    with open(path, "w") as f:
        f.write("{\"numpy\": %s, \"seeds\": [\n" % json.dumps(out["numpy"]))
        for i, d in enumerate(out["seeds"]):
            f.write("{\n")
            items = list(d.items())
            for j, (k, v) in enumerate(items):
                f.write("%s: %s%s\n" % (json.dumps(k), json.dumps(v, separators=(",", ":")),
                                          "," if j < len(items) - 1 else ""))
            f.write("}%s\n" % ("," if i < len(out["seeds"]) - 1 else ""))
        f.write("],\n\"libm\": %s}\n" % json.dumps(libm(), separators=(",", ":")))
    print("wrote %d bytes" % os.path.getsize(path))


if __name__ == "__main__":
    main()
