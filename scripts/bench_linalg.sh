#!/bin/sh
# bench_linalg.sh [ROUNDS]: linalg.Solve and linalg.Eigh of 1000x1000
# float64 matrices side by side with NumPy (OpenBLAS), on the same cores in
# one run.
#
# Each round runs, one after the other: BenchmarkSolve1000 and
# BenchmarkEigh1000 of arrays/linalg (1 and 2 workers; Solve has one
# right-hand side, Eigh computes eigenvalues and eigenvectors), then
# np.linalg.solve and np.linalg.eigh of the same kind of matrices with
# OPENBLAS_NUM_THREADS 1 and 2 (OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE
# unset, so OpenBLAS picks its kernels for this CPU). Each figure is the
# mean time of a few calls after a warm-up one. The summary gives the best
# and the median over the rounds, in milliseconds, and the ratio NumPy/ours
# of the bests and of the medians (above 1: ours is faster). On a loaded
# machine the rounds spread: say so when quoting them.
set -eu
cd "$(dirname "$0")/.."
rounds=${1:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go test -c -o "$tmp/linalg.test" ./arrays/linalg
i=0
while [ "$i" -lt "$rounds" ]; do
	i=$((i + 1))
	echo "round $i of $rounds" >&2
	"$tmp/linalg.test" -test.run '^$' -test.bench 'BenchmarkSolve1000$' -test.benchtime 20x >>"$tmp/ours.txt"
	"$tmp/linalg.test" -test.run '^$' -test.bench 'BenchmarkEigh1000$' -test.benchtime 3x >>"$tmp/ours.txt"
	for t in 1 2; do
		env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=$t /usr/bin/python3 -c '
import sys, time
import numpy as np
t = sys.argv[1]
n = 1000
r = np.random.default_rng(1)
a = r.uniform(-1, 1, (n, n)) + n * np.eye(n)
s = (a + a.T) / 2
b = np.ones(n)
def timed(name, f, reps):
    f()
    t0 = time.perf_counter()
    for _ in range(reps):
        f()
    print("numpy %s/w%s %.3f" % (name, t, (time.perf_counter() - t0) / reps * 1e3))
timed("solve", lambda: np.linalg.solve(a, b), 20)
timed("eigh", lambda: np.linalg.eigh(s), 3)
' "$t" >>"$tmp/numpy.txt"
	done
done
/usr/bin/python3 - "$tmp" <<'PY'
import re, statistics, sys
d = sys.argv[1]
res = {}
def add(k, v): res.setdefault(k, []).append(v)
for line in open(d + "/ours.txt"):
    m = re.match(r"Benchmark(Solve|Eigh)1000/w(\d)\S*\s+\d+\s+(\d+) ns/op", line)
    if m: add(("ours", m[1].lower(), int(m[2])), float(m[3]) / 1e6)
for line in open(d + "/numpy.txt"):
    m = re.match(r"numpy (\w+)/w(\d) ([\d.]+)", line)
    if m: add(("numpy", m[1], int(m[2])), float(m[3]))
best = {k: min(v) for k, v in res.items()}
med = {k: statistics.median(v) for k, v in res.items()}
print("1000x1000 float64, ms, best / median of %d rounds" % len(res.get(("ours", "solve", 1), [])))
print("%-6s %2s  %-17s %-17s %8s %8s" % ("op", "w", "ours", "numpy", "np/ours", "(median)"))
for op in ("solve", "eigh"):
    for w in (1, 2):
        def f(who):
            k = (who, op, w)
            return "%7.2f / %7.2f" % (best[k], med[k]) if k in best else "-"
        o, p = ("ours", op, w), ("numpy", op, w)
        rb = "%.2f" % (best[p] / best[o]) if o in best and p in best else "-"
        rm = "%.2f" % (med[p] / med[o]) if o in med and p in med else "-"
        print("%-6s %2d  %-17s %-17s %8s %8s" % (op, w, f("ours"), f("numpy"), rb, rm))
PY
