#!/usr/bin/env bash
# Measures the kernel's overheads and prints them with ratios measured in
# the same run:
#   - one array call (x.Add(1) on 4 values) from interpreted code, against
#     the same call from compiled Go;
#   - a 10-million-step float64 loop in the interpreter, against compiled Go
#     and CPython (Debian's /usr/bin/python3);
#   - a round trip of a trivial cell ("1") through the kernel process (the
#     client, ZeroMQ, the kernel and back), against the same cell run
#     in-process.
#
#   bash scripts/bench_kernel.sh            # about a minute
#   COUNT=5 bash scripts/bench_kernel.sh    # steadier
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
count=${COUNT:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== Go benchmarks ($(nproc) cores, -count $count)" >&2
go test -run '^$' -count "$count" -bench 'ArrayCall|ScalarLoop10M|TrivialCellInProcess' ./interp | tee "$tmp/go.txt" >&2
go test -run '^$' -count "$count" -bench 'TrivialCellRoundTrip' ./interp/client | tee -a "$tmp/go.txt" >&2

echo "== CPython: the same 10-million-step loop (best of $count)" >&2
/usr/bin/python3 - "$count" >"$tmp/py.txt" <<'PY'
import sys, time
def loop():
    s = 0.0
    for i in range(10_000_000):
        s += float(i) * 0.5
    return s
best = float("inf")
for _ in range(int(sys.argv[1])):
    t = time.perf_counter(); v = loop(); best = min(best, time.perf_counter() - t)
assert v == 2.49999975e13
print(best * 1e9)
PY

# best returns the fastest ns/op of a benchmark.
best() { awk -v b="$1" '$1 ~ "^"b"(-[0-9]+)?$" { if (m == "" || $3 < m) m = $3 } END { print m }' "$tmp/go.txt"; }
call_i=$(best BenchmarkArrayCallFromInterpreter)
call_c=$(best BenchmarkArrayCallCompiled)
loop_i=$(best BenchmarkScalarLoop10M)
loop_c=$(best BenchmarkScalarLoop10MCompiled)
cell_p=$(best BenchmarkTrivialCellRoundTrip)
cell_i=$(best BenchmarkTrivialCellInProcess)
loop_py=$(cat "$tmp/py.txt")
awk -v ci="$call_i" -v cc="$call_c" -v li="$loop_i" -v lc="$loop_c" -v lp="$loop_py" -v cp="$cell_p" -v cin="$cell_i" 'BEGIN {
	printf "array call from the interpreter   %8.2f µs   compiled %.2f µs   overhead %.2f µs (%.1fx)\n", ci/1e3, cc/1e3, (ci-cc)/1e3, ci/cc
	printf "10M-step scalar loop, interpreter %8.3f s    compiled %.4f s (%.0fx faster)   CPython %.3f s (%.1fx faster than yaegi)\n", li/1e9, lc/1e9, li/lc, lp/1e9, li/lp
	printf "trivial cell through the kernel   %8.3f ms   in-process %.3f ms   protocol and process cost %.3f ms\n", cp/1e6, cin/1e6, (cp-cin)/1e6
}'
