#!/bin/sh
# bench_matmul.sh [ROUNDS]: the matrix multiply side by side with NumPy
# (OpenBLAS) and gonum's pure-Go Dgemm, on the same cores in one run.
#
# Each round runs, one after the other: arrays.Matmul (BenchmarkMatmul,
# 1024 and 2048, float64 and float32, complex at 1024, 1 and 2 workers); gonum's pure-Go
# Dgemm and Sgemm (BenchmarkGonumGemm, GOMAXPROCS 1 and 2); linalg.Solve
# 1000x1000 on one worker with gonum's BLAS and with kernels.Gemm64 as its
# Dgemm (BenchmarkSolveGemm); np.matmul with OPENBLAS_NUM_THREADS 1 and 2
# (OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset, so OpenBLAS picks its
# kernel for this CPU) and np.linalg.solve on one thread. Each matmul
# figure is the mean over about a second of products (at least 3) after a
# warm-up one. The summary gives the best and the median over the rounds,
# in GFLOP/s, and the ratios of the bests. On a loaded machine the rounds
# spread: say so when quoting them.
set -eu
cd "$(dirname "$0")/.."
rounds=${1:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go test -c -o "$tmp/arrays.test" ./arrays
i=0
while [ "$i" -lt "$rounds" ]; do
	i=$((i + 1))
	echo "round $i of $rounds" >&2
	"$tmp/arrays.test" -test.run '^$' -test.bench 'BenchmarkMatmul$' -test.benchtime 1s >>"$tmp/ours.txt"
	"$tmp/arrays.test" -test.run '^$' -test.bench 'BenchmarkGonumGemm' -test.benchtime 1x -test.cpu 1,2 >>"$tmp/gonum.txt"
	"$tmp/arrays.test" -test.run '^$' -test.bench 'BenchmarkSolveGemm' -test.benchtime 5x -test.cpu 1 >>"$tmp/solve.txt"
	for t in 1 2; do
		env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=$t /usr/bin/python3 -c '
import sys, time
import numpy as np
t = sys.argv[1]
for dt in ("float64", "float32", "complex128", "complex64"):
    for n in (1024, 2048):
        if dt.startswith("complex") and n > 1024:
            continue
        x = (np.arange(n * n).reshape(n, n) % 7 - 3).astype(dt)
        x @ x
        reps, t0 = 0, time.perf_counter()
        while reps < 3 or time.perf_counter() - t0 < 1:
            x @ x
            reps += 1
        el = (time.perf_counter() - t0) / reps
        flops = 8 if dt.startswith("complex") else 2
        print("numpy %s/%d/w%s %.2f" % (dt, n, t, flops * n**3 / el / 1e9))
if t == "1":
    r = np.random.default_rng(1)
    a = r.uniform(-1, 1, (1000, 1000)) + 1000 * np.eye(1000)
    b = np.ones(1000)
    np.linalg.solve(a, b)
    t0 = time.perf_counter()
    for _ in range(5):
        np.linalg.solve(a, b)
    print("npsolve %.3f" % ((time.perf_counter() - t0) / 5 * 1e3))
' "$t" >>"$tmp/numpy.txt"
	done
done
/usr/bin/python3 - "$tmp" <<'PY'
import re, statistics, sys
d = sys.argv[1]
res = {}
def add(k, v): res.setdefault(k, []).append(v)
for line in open(d + "/ours.txt"):
    m = re.match(r"BenchmarkMatmul/(\w+)/(\d+)/w(\d)\S*\s+\d+\s+\d+ ns/op\s+([\d.]+) GFLOP/s", line)
    if m: add(("ours", m[1], int(m[2]), int(m[3])), float(m[4]))
for line in open(d + "/gonum.txt"):
    m = re.match(r"BenchmarkGonumGemm/(\w+)/(\d+)(?:-(\d+))?\s+\d+\s+\d+ ns/op\s+([\d.]+) GFLOP/s", line)
    if m: add(("gonum", m[1], int(m[2]), int(m[3] or 1)), float(m[4]))
for line in open(d + "/solve.txt"):
    m = re.match(r"BenchmarkSolveGemm/(\w+)\S*\s+\d+\s+(\d+) ns/op", line)
    if m: add(("solve", m[1]), float(m[2]) / 1e6)
for line in open(d + "/numpy.txt"):
    m = re.match(r"numpy (\w+)/(\d+)/w(\d) ([\d.]+)", line)
    if m: add(("numpy", m[1], int(m[2]), int(m[3])), float(m[4]))
    m = re.match(r"npsolve ([\d.]+)", line)
    if m: add(("solve", "numpy"), float(m[1]))
best = {k: max(v) for k, v in res.items()}
med = {k: statistics.median(v) for k, v in res.items()}
print("GFLOP/s, best / median of %d rounds" % len(res.get(("ours", "float64", 1024, 1), [])))
print("%-8s %5s %2s  %-15s %-15s %-15s %9s %9s" % ("dtype", "n", "w", "ours", "numpy", "gonum", "ours/np", "ours/gonum"))
for dt in ("float64", "float32", "complex128", "complex64"):
    for n in (1024, 2048):
        if dt.startswith("complex") and n > 1024:
            continue
        for w in (1, 2):
            def f(who):
                k = (who, dt, n, w)
                return "%6.1f / %6.1f" % (best[k], med[k]) if k in best else "-"
            o, p, g = best.get(("ours", dt, n, w)), best.get(("numpy", dt, n, w)), best.get(("gonum", dt, n, w))
            rn = "%.2f" % (o / p) if o and p else "-"
            rg = "%.1fx" % (o / g) if o and g else "-"
            print("%-8s %5d %2d  %-15s %-15s %-15s %9s %9s" % (dt, n, w, f("ours"), f("numpy"), f("gonum"), rn, rg))
print("(gonum: Dgemm and Sgemm, by GOMAXPROCS; complex GFLOP/s count 8 real flops per multiply-add)")
lo = {k: min(v) for k, v in res.items() if k[0] == "solve"}
if lo:
    print("linalg.Solve 1000x1000, 1 thread, ms (best / median): " + ", ".join(
        "%s %.1f / %.1f" % (k[1], lo[k], statistics.median(res[k])) for k in sorted(lo)))
PY
