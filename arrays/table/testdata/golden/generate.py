#!/usr/bin/python3
"""Golden data for package table: pandas' results for the same tables.

Run with Debian's python3-pandas (apt-get install python3-pandas):

    cd arrays/table && /usr/bin/python3 testdata/golden/generate.py

(or go generate ./arrays/table). It writes table.json next to this script:
the input tables, and for each case the operation and pandas' result.
The Go test (TestGolden in ops_test.go) rebuilds the input tables from the file, runs
the same operation and compares column by column: names, kinds, dtypes,
missing values and values (floats bit for bit unless the test says
otherwise). The file records this script's SHA-256; the Go test fails when
the script has changed since the data was made.

Encoding: a table is a list of columns {"name", "kind", "values"}, kind one
of "float64", "int64", "bool", "string", "time"; values are JSON values,
with null for a missing value, except that floats are Python repr strings
("1.5", "-0.0", "nan", "inf") and times are nanoseconds since the epoch as
decimal strings. A display case records str(DataFrame) with
display.max_rows = min_rows = 10 (we cut tables of more than 10 rows to the
first and last 5; pandas' default cuts only beyond 60) and no limit on the
columns or the width; String must print it byte for byte. A result column of pandas' object dtype that holds only
bools (a bool column that a join gave missing values) has kind "bool".

Where our documented choice differs from the pandas that Debian ships (1.5.3):
merge's row order. We follow the order that pandas documents and, since
2.2, gives: inner and left in the left table's row order, right in the right
table's, outer sorted by key (missing keys last); within a key, the left
rows in order, each with the matching right rows in order. This script
computes the matches with pandas and puts the rows in that order.
"""

import hashlib
import json
import math
import os
import sys

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
NAN = float("nan")
NaT = None


def times(*xs):
    return pd.to_datetime(list(xs))


def tables():
    t = {}
    # A: a table with NaN, missing strings and times, duplicate keys, ties
    # in sort keys and negative zeros.
    t["A"] = pd.DataFrame({
        "k": ["b", "a", None, "b", "c", "a", "b", None, "c", "a", "b", "d"],
        "g": np.array([2, 1, 3, 2, 1, 3, 2, 1, 1, 2, 3, 2], dtype=np.int64),
        "b": [True, False, True, True, False, False, True, False, True, False, False, True],
        "x": [1.5, NAN, -0.0, 0.0, 2.25, -1.0, 1.5, NAN, 1e10, -0.0, 3.0, 1e-3],
        "n": np.array([5, -3, 0, 7, 5, 2, -3, 9, 1, 5, 0, -8], dtype=np.int64),
        "t": times("2021-03-01", "2020-01-15 12:30", None, "2021-03-01", "2019-07-04",
                   "2020-01-15 12:30", None, "2022-02-02 00:00:01", "2019-07-04", "2018-12-31",
                   "2021-03-01", "2020-06-30"),
    })
    # Left and right tables for joins: float, string and int keys, with
    # duplicates, missing keys, keys on one side only, and columns of the
    # same name on both sides.
    t["L"] = pd.DataFrame({
        "kf": [2.0, 1.0, 2.0, 3.0, NAN, 1.0, -0.0],
        "ks": ["p", "q", "p", "r", None, "q", "z"],
        "ki": np.array([2, 1, 2, 3, 7, 1, 0], dtype=np.int64),
        "a": np.array([1, 2, 3, 4, 5, 6, 7], dtype=np.int64),
        "v": [0.5, 1.5, NAN, 3.5, 4.5, 5.5, 6.5],
        "s": ["l0", "l1", "l2", None, "l4", "l5", "l6"],
    })
    t["R"] = pd.DataFrame({
        "kf": [1.0, 2.0, 4.0, 2.0, NAN, 0.0],
        "ks": ["q", "p", "w", "p", None, "y"],
        "ki": np.array([1, 2, 4, 2, 8, 0], dtype=np.int64),
        "a": np.array([10, 20, 30, 40, 50, 60], dtype=np.int64),
        "w": [True, False, True, True, False, True],
        "s": ["r0", "r1", "r2", "r3", None, "r5"],
    })
    # D: describe, with an all-NaN column and an int column.
    t["D"] = pd.DataFrame({
        "i": np.array([3, 1, 4, 1, 5, 9, 2, 6, 5, 3], dtype=np.int64),
        "f": [0.1, 0.2, NAN, 0.3, -0.0, 1e-3, 7.0, NAN, 2.5, 1.0 / 3.0],
        "z": [NAN] * 10,
        "b": [True] * 10,
        "s": list("abcdefghij"),
    })
    t["D1"] = pd.DataFrame({"one": [2.5], "u": np.array([7], dtype=np.int64)})
    # Display: floats of several magnitudes, and a long table.
    t["P"] = pd.DataFrame({
        "small": [1e-7, 2.5, NAN, -3.0],
        "big": [1.5e7, 2.0, 3.25, NAN],
        "mid": [123456.789, -0.0, 1.0, 2.0],
        "wide": [1e6, 2.0, 3.0, 4.0],
        "inf": [float("inf"), -1.0, 0.5, float("-inf")],
        "n": np.array([1, -20, 300, 4000], dtype=np.int64),
        "name": ["a", "bb", "a longer name", "ccc"],
        "ok": [True, False, False, True],
    })
    i = np.arange(1000, dtype=np.int64)
    t["Big"] = pd.DataFrame({"i": i, "eighths": i / 8.0, "g": (i % 7) * 1.5})
    return t


def kind_of(col):
    dt = col.dtype
    if dt == np.float64:
        return "float64"
    if dt == np.int64:
        return "int64"
    if dt == np.bool_:
        return "bool"
    if str(dt) == "datetime64[ns]":
        return "time"
    if dt == object:
        vals = [v for v in col if not is_missing(v)]
        if vals and all(isinstance(v, (bool, np.bool_)) for v in vals):
            return "bool"
        return "string"
    raise ValueError("unexpected dtype %s" % dt)


def is_missing(v):
    return v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NaT


def encode(df):
    cols = []
    for name in df.columns:
        col = df[name]
        kind = kind_of(col)
        if kind == "float64":
            vals = [repr(float(v)) for v in col]
        elif kind == "int64":
            vals = [int(v) for v in col]
        elif kind == "time":
            vals = [None if v is pd.NaT else str(v.value) for v in col]
        elif kind == "bool":
            vals = [None if is_missing(v) else bool(v) for v in col]
        else:
            vals = [None if is_missing(v) else str(v) for v in col]
        cols.append({"name": str(name), "kind": kind, "values": vals})
    return cols


def sort_cases(t):
    cases = []
    for name in ["x", "n", "k", "b", "t", "g"]:
        for desc in [False, True]:
            cases.append(([name], [desc]))
    cases += [
        (["g", "x"], [False, True]),
        (["k", "n"], [True, False]),
        (["b", "k", "x"], [False, False, True]),
        (["x", "t"], [True, True]),
    ]
    out = []
    for by, desc in cases:
        r = t["A"].sort_values(by=by, ascending=[not d for d in desc], kind="stable",
                               na_position="last").reset_index(drop=True)
        out.append({"op": "sort", "table": "A", "by": by, "descending": desc, "result": encode(r)})
    return out


FUNCS = ["count", "sum", "mean", "std", "var", "min", "max", "first", "last", "median"]


def group_cases(t):
    out = []
    A = t["A"]
    aggs = [(c, f) for c in ["x", "n"] for f in FUNCS]
    aggs += [("b", f) for f in ["count", "sum", "mean", "min", "max", "first", "last"]]
    aggs += [("k", f) for f in ["count", "first", "last"]]
    aggs += [("t", f) for f in ["count", "min", "max", "first", "last"]]
    for keys in [["k"], ["g"], ["b"], ["t"], ["x"], ["g", "k"], ["b", "g"]]:
        usable = [(c, f) for c, f in aggs if c not in keys]
        spec = {"%s_%s" % (c, f): (c, f) for c, f in usable}
        r = A.groupby(keys, sort=True, dropna=True).agg(**spec).reset_index()
        out.append({"op": "groupby", "table": "A", "keys": keys,
                    "aggs": [[c, f] for c, f in usable], "result": encode(r)})
    return out


def merge_documented(left, right, on, how):
    l = left.assign(_l=np.arange(len(left), dtype=np.float64))
    r = right.assign(_r=np.arange(len(right), dtype=np.float64))
    m = pd.merge(l, r, on=on, how=how, sort=False)
    by = {"inner": ["_l", "_r"], "left": ["_l", "_r"], "right": ["_r", "_l"],
          "outer": [on, "_l", "_r"]}[how]
    m = m.sort_values(by=by, kind="stable", na_position="last")
    return m.drop(columns=["_l", "_r"]).reset_index(drop=True)


def join_cases(t):
    out = []
    for on in ["kf", "ks", "ki"]:
        drop = [k for k in ["kf", "ks", "ki"] if k != on]
        L, R = t["L"].drop(columns=drop), t["R"].drop(columns=drop)
        for how in ["inner", "left", "right", "outer"]:
            r = merge_documented(L, R, on, how)
            out.append({"op": "join", "left": "L", "right": "R", "drop": drop, "on": on,
                        "how": how, "result": encode(r)})
    return out


def describe_cases(t):
    out = []
    for name in ["A", "D", "D1"]:
        r = t[name].describe()
        r.insert(0, "statistic", [str(s) for s in r.index])
        out.append({"op": "describe", "table": name, "result": encode(r.reset_index(drop=True))})
    return out


def display_cases(t):
    pd.set_option("display.max_rows", 10)
    pd.set_option("display.min_rows", 10)
    pd.set_option("display.max_columns", None)
    pd.set_option("display.width", 100000)
    out = []
    for name in ["P", "Big", "D", "D1"]:
        out.append({"op": "display", "table": name, "text": str(t[name])})
    for n in [10, 11]:
        out.append({"op": "display", "table": "Big", "head": n, "text": str(t["Big"].head(n))})
    return out


def main():
    with open(os.path.abspath(__file__), "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    t = tables()
    doc = {
        "generator_sha256": digest,
        "pandas_version": pd.__version__,
        "numpy_version": np.__version__,
        "tables": {name: encode(df) for name, df in t.items()},
        "cases": sort_cases(t) + group_cases(t) + join_cases(t) + describe_cases(t) + display_cases(t),
    }
    path = os.path.join(HERE, "table.json")
    with open(path, "w") as f:
        json.dump(doc, f, indent=None, separators=(",", ":"))
        f.write("\n")
    print("wrote %d cases to %s" % (len(doc["cases"]), path), file=sys.stderr)


if __name__ == "__main__":
    main()
