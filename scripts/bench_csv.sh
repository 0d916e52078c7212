#!/usr/bin/env bash
# Times reading a ~100 MB CSV of 10 float columns (800,000 rows, fixed seed)
# with table.ReadCSV (the Go benchmark BenchmarkReadCSVNumeric), with NumPy's
# np.loadtxt(path, delimiter=',', skiprows=1) and, when Debian's
# python3-pandas is installed, with pandas.read_csv(path), all on the same
# file on this machine, and prints the time ratios.
#
# Go is timed one read at a time (-benchtime 1x) in one process: the first
# read is "cold" (fresh memory from the OS: a page fault per page, which is
# expensive on virtual machines), the later ones "warm" (the Go heap reuses
# its memory). Python is timed as the best of REPEAT reads; NumPy and pandas
# get fresh memory from malloc each time, so compare them with both.
#
#   bash scripts/bench_csv.sh                       # about a minute
#   COUNT=10 REPEAT=5 bash scripts/bench_csv.sh     # longer, steadier
#   BENCH_WORKERS=1 bash scripts/bench_csv.sh       # Go on one core
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
csv="$tmp/numeric.csv"

echo "== writing $csv (arrays/table TestWriteCSVBenchFile)" >&2
CSV_BENCH_OUT="$csv" go test -count=1 -run '^TestWriteCSVBenchFile$' ./arrays/table >&2

cpu=()
if [[ -n "${BENCH_WORKERS:-}" ]]; then cpu=(-cpu "$BENCH_WORKERS"); fi
echo "== Go ($(nproc) cores, GOMAXPROCS ${BENCH_WORKERS:-all})" >&2
CSV_BENCH_FILE="$csv" go test -run '^$' -bench '^BenchmarkReadCSVNumeric$' "${cpu[@]}" \
	-benchtime 1x -count "${COUNT:-6}" ./arrays/table | tee "$tmp/go.txt" >&2

echo "== NumPy and pandas (/usr/bin/python3; OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset)" >&2
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE REPEAT="${REPEAT:-3}" \
	/usr/bin/python3 test/bench/csv_bench.py "$csv" "$tmp/go.txt"
