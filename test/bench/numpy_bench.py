#!/usr/bin/env python3
"""The NumPy side of scripts/bench_numpy.sh: the same work as the Go
benchmarks (arrays/bench_test.go), timed the same way (best of several
repeats after a warm-up), printed as 'name ns_per_op' lines."""
import sys
import time

import numpy as np

N = 10_000_000


def best(fn, repeat=15):
    fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter_ns()
        fn()
        times.append(time.perf_counter_ns() - t0)
    return min(times)  # the best run, as the Go side reports the best of its repeats


def main():
    a = np.linspace(0, 1, N)
    b = np.linspace(1, 2, N)
    c = np.linspace(-1, 1, N)
    small = np.ones(4)
    a32, b32, c32 = a.astype(np.float32), b.astype(np.float32), c.astype(np.float32)
    results = {
        "Triad": best(lambda: a * b + c),
        "Sum": best(lambda: np.sum(a)),
        "Sin": best(lambda: np.sin(a)),
        # NumPy has no fused a*b+c: its best is two passes into one buffer.
        "MultiplyAdd": best(lambda: np.add(np.multiply(a, b), c, out=np.empty_like(a))),
        "MultiplyAddF32": best(lambda: np.add(np.multiply(a32, b32), c32, out=np.empty_like(a32))),
        "Max": best(lambda: np.max(a)),
        "MaxF32": best(lambda: np.max(a32)),
        "SumF32": best(lambda: np.sum(a32)),
    }
    # The call overhead: many calls, per call, best of three.
    k = 200_000
    per_call = []
    for _ in range(3):
        t0 = time.perf_counter_ns()
        for _ in range(k):
            small + 1
        per_call.append((time.perf_counter_ns() - t0) / k)
    results["CallOverhead"] = min(per_call)
    for name, ns in results.items():
        print(f"{name} {ns:.0f}")
    print(f"# numpy {np.__version__}", file=sys.stderr)


if __name__ == "__main__":
    main()
