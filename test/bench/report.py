#!/usr/bin/env python3
"""Prints the table of scripts/bench_numpy.sh from the outputs of go test
-bench (argv[1]) and numpy_bench.py (argv[2])."""
import os
import re
import sys

N = 10_000_000


def read_go(path):
    out = {}
    for line in open(path):
        m = re.match(r"Benchmark(\w+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op", line)
        if m:
            # The best of the repeated runs (-count): the least disturbed.
            name, ns = m.group(1), float(m.group(2))
            out[name] = min(out.get(name, ns), ns)
    return out


def read_numpy(path):
    out = {}
    for line in open(path):
        name, ns = line.split()
        out[name] = float(ns)
    return out


def main():
    go, np = read_go(sys.argv[1]), read_numpy(sys.argv[2])
    triad_bw = 3 * 8 * N / go["StreamTriad"]  # bytes per ns = GB/s
    read_bw = 8 * N / go["StreamSum"]
    print()
    print(f"Memory bandwidth in this run: STREAM-like triad {triad_bw:.1f} GB/s, parallel read {read_bw:.1f} GB/s")
    print()
    print(f"{'work (10M float64)':<22}{'Go ms':>10}{'NumPy ms':>10}{'NumPy/Go':>10}{'Go GB/s':>10}{'of bandwidth':>14}")
    rows = [
        ("a*b+c (two passes)", "Triad", 6 * 8 * N, triad_bw),
        ("a*b+c (MultiplyAdd)", "MultiplyAdd", 4 * 8 * N, triad_bw),
        ("a*b+c float32", "MultiplyAddF32", 4 * 4 * N, triad_bw),
        ("sum", "Sum", 8 * N, read_bw),
        ("sum float32", "SumF32", 4 * N, read_bw),
        ("max", "Max", 8 * N, read_bw),
        ("max float32", "MaxF32", 4 * N, read_bw),
        ("sin", "Sin", 2 * 8 * N, triad_bw),
    ]
    for label, key, nbytes, bw in rows:
        g, p = go[key], np[key]
        gbs = nbytes / g
        print(f"{label:<22}{g / 1e6:>10.2f}{p / 1e6:>10.2f}{p / g:>10.2f}{gbs:>10.1f}{100 * gbs / bw:>13.0f}%")
    g, p = go["CallOverhead"], np["CallOverhead"]
    print(f"{'one call on 4 values':<22}{g / 1e3:>9.2f}µs{p / 1e3:>9.2f}µs{p / g:>10.2f}")
    print()
    print("NumPy/Go above 1 means Go is faster. a*b+c in two passes (as NumPy writes it)")
    print("moves 48 bytes per element, fused (MultiplyAdd; NumPy: two passes into one")
    print("buffer) 32; sum and max read 8 (4 for float32). Bandwidth is the triad's for")
    print("element-wise work and the parallel read's for reductions. NumPy runs these on one thread;")
    print(f"Workbench on {os.environ.get('BENCH_WORKERS') or 'all'} workers (BENCH_WORKERS).")
    print("Each time is the best of repeated runs, on both sides.")


if __name__ == "__main__":
    main()
