#!/usr/bin/python3
"""Records numpy.histogram's counts and edges for plotting's histogram tests.

Run from the plotting package (go generate ./plotting does):

    /usr/bin/python3 testdata/hist/generate.py

It writes testdata/hist/numpy.json next to itself, with the sha256 of this
script so that the Go test notices when the script changed and the JSON was
not regenerated. Inputs are NaN-free (JSON has no NaN); the Go tests check
NaN handling by comparing with the NaN-free subset.
"""
import hashlib
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def case(name, x, bins=10, range=None, density=False, dtype="float64"):
    a = np.asarray(x, dtype=dtype)
    counts, edges = np.histogram(a, bins=bins, range=range, density=density)
    out = {
        "name": name,
        "dtype": dtype,
        "x": a.tolist(),
        "density": density,
        "counts": [float(c) for c in counts],
        "edges": [float(e) for e in edges],
    }
    if np.ndim(bins) == 0:
        out["bins"] = int(bins)
    else:
        out["bin_edges"] = [float(e) for e in bins]
    if range is not None:
        out["range"] = [float(range[0]), float(range[1])]
    return out


def main():
    rng = np.random.default_rng(20240601)
    normal = rng.normal(size=500)
    uniform = rng.uniform(-2, 3, size=300)
    cases = [
        case("small_int_default_bins", [1, 2, 2, 3, 3, 3, 4, 4, 4, 4], dtype="int64"),
        case("small_int_4_bins", [1, 2, 2, 3, 3, 3, 4, 4, 4, 4], bins=4, dtype="int64"),
        case("all_equal", [5.0, 5.0, 5.0]),
        case("all_equal_int", [7, 7], bins=3, dtype="int64"),
        case("single_value", [0.0], bins=1),
        case("empty", [], bins=5),
        case("on_edges_tenths", np.arange(11) / 10),
        case("on_edges_quarters", [0, 0.25, 0.5, 0.75, 1], bins=4),
        case("tenths_3_bins", [0.1 * k for k in range(31)], bins=3),
        case("tenths_7_bins", [0.1 * k for k in range(31)], bins=7),
        case("negative", [-3.5, -1, 0, 2.25], bins=5),
        case("large_int", [10**15, 10**15 + 1, 10**15 + 3], bins=3, dtype="int64"),
        case("tiny_range", [1.0, 1.0 + 2.0**-52, 1.0 + 2.0**-51], bins=4),
        case("normal_10", normal),
        case("normal_30", normal, bins=30),
        case("normal_density", normal, bins=25, density=True),
        case("uniform_13", uniform, bins=13),
        case("range_clips", [-1, 0, 0.5, 1, 1.5, 2, 2.5, 3], bins=4, range=(0, 2)),
        case("range_density", uniform, bins=6, range=(-1, 1), density=True),
        case("explicit_edges", [-1, 0, 0.5, 1, 1, 2, 2.5, 3, 4, 5],
             bins=[0, 1, 1, 2.5, 4]),
        case("explicit_edges_density", normal, bins=[-3, -1, -0.5, 0, 0.25, 2, 3],
             density=True),
        case("explicit_edges_int", [0, 1, 2, 3, 4, 5, 6], bins=[0, 2, 3, 6], dtype="int64"),
    ]
    with open(os.path.abspath(__file__), "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    doc = {
        "generator": "testdata/hist/generate.py",
        "generator_sha256": digest,
        "numpy_version": np.__version__,
        "cases": cases,
    }
    with open(os.path.join(HERE, "numpy.json"), "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
