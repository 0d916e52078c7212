#!/usr/bin/env python3
"""The Python side of scripts/bench_csv.sh: times np.loadtxt and
pandas.read_csv on the benchmark file (best of REPEAT runs) and prints them
beside Go's BenchmarkReadCSVNumeric, read from the go test output (one read
per result: the first is the cold read, the best of the others the warm
one), with the time ratios.

    csv_bench.py FILE.csv GO_BENCH_OUTPUT.txt
"""
import os
import re
import sys
import time

import numpy as np


def best(fn, repeat):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter_ns()
        out = fn()
        times.append(time.perf_counter_ns() - t0)
    return min(times), out


def go_times(path):
    """The cold (first) and warm (best of the rest) Go times in ns."""
    ns = [float(m.group(1)) for m in
          (re.search(r"^BenchmarkReadCSVNumeric\S*\s+\d+\s+([\d.]+) ns/op", line)
           for line in open(path)) if m]
    if not ns:
        raise SystemExit(f"no BenchmarkReadCSVNumeric result in {path}")
    return ns[0], min(ns[1:] or ns)


def main():
    path, go_out = sys.argv[1], sys.argv[2]
    repeat = int(os.environ.get("REPEAT", "3"))
    size = os.path.getsize(path)
    cold, warm = go_times(go_out)
    rows = []
    t, arr = best(lambda: np.loadtxt(path, delimiter=",", skiprows=1), repeat)
    rows.append(("np.loadtxt", t, f"numpy {np.__version__}"))
    try:
        import pandas as pd
    except ImportError:
        pd = None
    if pd is not None:
        t, df = best(lambda: pd.read_csv(path), repeat)
        if df.shape != arr.shape:
            raise SystemExit(f"pandas read {df.shape}, numpy {arr.shape}")
        rows.append(("pandas.read_csv", t, f"pandas {pd.__version__}"))
    print(f"\nfile: {size / 1e6:.1f} MB, {arr.shape[0]} rows x {arr.shape[1]} columns")
    print(f"{'Go ReadCSV, cold':<20} {cold / 1e9:7.3f} s  {size / cold * 1e3:6.0f} MB/s  (first read in the process)")
    print(f"{'Go ReadCSV, warm':<20} {warm / 1e9:7.3f} s  {size / warm * 1e3:6.0f} MB/s  (best later read)")
    for name, t, version in rows:
        print(f"{name:<20} {t / 1e9:7.3f} s  {size / t * 1e3:6.0f} MB/s  [{version}]")
        print(f"{'':<20} time ratio Go/{name}: cold {cold / t:.2f}, warm {warm / t:.2f}")
    if pd is None:
        print("pandas absent (apt-get install python3-pandas to compare)")


if __name__ == "__main__":
    main()
