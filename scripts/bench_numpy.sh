#!/usr/bin/env bash
# Runs the array benchmarks in Go and the same work in NumPy (Debian's
# python3-numpy) on this machine, one after the other, and prints the time
# ratios and the fraction of memory bandwidth reached (a STREAM-like triad and
# a parallel read measured in the same run).
#
#   bash scripts/bench_numpy.sh            # about a minute
#   BENCHTIME=5s COUNT=5 bash scripts/bench_numpy.sh   # longer, steadier
#   BENCH_WORKERS=1 bash scripts/bench_numpy.sh         # Workbench on one core, as NumPy
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== Go benchmarks ($(nproc) cores, ${BENCH_WORKERS:-all} workers)" >&2
go test -run '^$' -bench '^Benchmark(StreamTriad|StreamSum)$' -benchtime "${BENCHTIME:-2s}" -count "${COUNT:-3}" ./kernels | tee "$tmp/go.txt" >&2
go test -run '^$' -bench '^Benchmark(Triad|Sum|Sin|CallOverhead|MultiplyAdd|MultiplyAddF32|Max|MaxF32|SumF32)$' -benchtime "${BENCHTIME:-2s}" -count "${COUNT:-3}" ./arrays | tee -a "$tmp/go.txt" >&2

echo "== NumPy (OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset)" >&2
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 test/bench/numpy_bench.py | tee "$tmp/numpy.txt" >&2

/usr/bin/python3 test/bench/report.py "$tmp/go.txt" "$tmp/numpy.txt"
