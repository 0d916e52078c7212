#!/usr/bin/env bash
# Compares workbench/arrays/fft with NumPy's FFT (pocketfft, Debian's
# python3-numpy) on the same transforms and the same data: 2^20 complex128
# (fft), 2^20 float64 (rfft), 1024, the primes 65537 and 1000003, and a
# 1024x1024 fftn. The Go benchmarks run with 1 and with 2 workers
# (sub-benchmarks w1, w2); NumPy's FFT is single-threaded whatever the
# thread count, and is timed with OMP/OpenBLAS/MKL threads set to 1.
# Go and NumPy take turns, COUNT rounds (default 3), so that a change in
# the machine's load hits both; the script prints, in ms, the fastest
# round and the median of the rounds of each, and the ratios NumPy time /
# Go time (above 1: Go is faster).
#
#   scripts/bench_fft.sh            # COUNT=5 scripts/bench_fft.sh
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go test -c -o "$tmp/fft.test" ./arrays/fft/
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
cat > "$tmp/np.py" <<'PY'
import sys, timeit
import numpy as np

def cdata(n):
    k = np.arange(n)
    return (((k * 7919 + 1) % 65521) / 65521 - 0.5) + 1j * (((k * 104729 + 3) % 65519) / 65519 - 0.5)

x1m, x1024, x65537, xp = cdata(1 << 20), cdata(1024), cdata(65537), cdata(1000003)
r1m = cdata(1 << 20).real.copy()
x2d = cdata(1 << 20).reshape(1024, 1024)
cases = {
    "Fft1M": lambda: np.fft.fft(x1m),
    "Rfft1M": lambda: np.fft.rfft(r1m),
    "Fft1024": lambda: np.fft.fft(x1024),
    "FftPrime65537": lambda: np.fft.fft(x65537),
    "FftPrime1000003": lambda: np.fft.fft(xp),
    "Fftn1024x1024": lambda: np.fft.fftn(x2d),
}
for name, f in cases.items():
    f()
    t = timeit.Timer(f)
    number, _ = t.autorange()
    print("NP %s %.6f" % (name, min(t.repeat(repeat=3, number=number)) / number * 1e3))
PY
for i in $(seq "$COUNT"); do
	echo "== round $i"
	"$tmp/fft.test" -test.run '^$' -test.bench 'Fft1M|Rfft1M|Fft1024|FftPrime|Fftn1024x1024' | tee -a "$tmp/go.txt"
	/usr/bin/python3 "$tmp/np.py" | tee -a "$tmp/np.txt"
done
/usr/bin/python3 - "$tmp/go.txt" "$tmp/np.txt" "$COUNT" <<'PY'
import re, statistics, sys
import numpy as np
go, npt = {}, {}
for line in open(sys.argv[1]):
    m = re.match(r"Benchmark(\S+?)/w(\d+)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op", line)
    if m:
        go.setdefault((m.group(1), int(m.group(2))), []).append(float(m.group(3)) / 1e6)
for line in open(sys.argv[2]):
    _, name, ms = line.split()
    npt.setdefault(name, []).append(float(ms))
print()
print("numpy %s; %s rounds; ratio = numpy / go; best = fastest round of each" % (np.__version__, sys.argv[3]))
print("(best is the fairer figure on a shared machine; median shows the spread)")
print("%-16s %3s %10s %10s %6s   %10s %10s %6s" % ("benchmark", "w", "go best", "np best", "ratio",
                                                  "go median", "np median", "ratio"))
for name in npt:
    n_min, n_med = min(npt[name]), statistics.median(npt[name])
    for w in (1, 2):
        g = go.get((name, w))
        if g:
            g_min, g_med = min(g), statistics.median(g)
            print("%-16s %3d %10.4f %10.4f %6.2f   %10.4f %10.4f %6.2f" % (
                name, w, g_min, n_min, n_min / g_min, g_med, n_med, n_med / g_med))
PY
