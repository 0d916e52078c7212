#!/usr/bin/env bash
# gpu_check.sh checks and measures the GPU device on a machine with a real
# GPU, such as the device tool's (no network, perhaps no Go). Two steps:
#
#   bash scripts/gpu_check.sh build   # here: test binaries into _gpucheck/
#   bash scripts/gpu_check.sh run     # there, with _gpucheck/ carried over
#
# run says which GPU and GL the device found (it must be the GPU's EGL
# device, not Mesa's llvmpipe), runs the GPU device's tests and the arrays
# API's GPU tests on it, then the benchmarks (element-wise, sum, strided
# copy, sin, matrix products up to 8192), and prints each GPU figure as a
# fraction of the GPU's memory bandwidth or peak float32 FLOP/s (vendor
# figures, for the GPUs in the table below). Set BENCHTIME (default 10x).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
out=_gpucheck

case "${1:-}" in
build)
	mkdir -p "$out"
	go test -c -o "$out/gpu.test" ./devices/gpu
	go test -c -o "$out/arrays.test" ./arrays
	ls -l "$out"
	;;
run)
	[ -x "$out/gpu.test" ] || { echo "gpu_check: no $out/gpu.test: run 'bash scripts/gpu_check.sh build' first and carry $out" >&2; exit 2; }
	if command -v nvidia-smi >/dev/null; then
		nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
	fi
	echo "== discovery"
	(cd devices/gpu && "../../$out/gpu.test" -test.run 'TestProbe$' -test.v) | grep -v '^=== RUN'
	echo "== the GPU device's tests"
	(cd devices/gpu && "../../$out/gpu.test" -test.timeout 300s) | tail -3
	echo "== the arrays API on the GPU"
	(cd arrays && "../$out/arrays.test" -test.run 'GPU' -test.timeout 120s) | tail -3
	echo "== benchmarks (BENCHTIME=${BENCHTIME:-10x})"
	gpu=$(nvidia-smi --query-gpu=name --format=csv,noheader 2>/dev/null | head -1 || true)
	(cd devices/gpu && "../../$out/gpu.test" -test.run XXX -test.benchtime "${BENCHTIME:-10x}" \
		-test.bench 'BenchmarkAdd$|BenchmarkAddInt64|BenchmarkSin|BenchmarkSum|BenchmarkCopy|BenchmarkMatmulShapes') |
		awk -v gpu="$gpu" '
		BEGIN {
			# Vendor figures: memory bandwidth (bytes/s), float32 FLOP/s
			# without tensor cores.
			if (gpu ~ /H200/)           { bw = 4.8e12;  fl = 67e12 }
			else if (gpu ~ /H100 NVL/)  { bw = 3.9e12;  fl = 60e12 }
			else if (gpu ~ /H100 PCIe/) { bw = 2.0e12;  fl = 51e12 }
			else if (gpu ~ /H100/)      { bw = 3.35e12; fl = 67e12 }
			else if (gpu ~ /A100/)      { bw = 2.0e12;  fl = 19.5e12 }
			if (bw) printf "peak figures for %s: %.2f TB/s, %.1f TFLOP/s float32\n", gpu, bw / 1e12, fl / 1e12
			else print "no peak figures for \"" gpu "\": fractions left out"
		}
		/^Benchmark/ {
			line = $0
			for (i = 1; i < NF; i++) {
				if (bw && $(i+1) == "MB/s" && $1 ~ /\/gpu/) line = line sprintf("  (%.1f%% of the bandwidth)", 100 * $i * 1e6 / bw)
				if (fl && $(i+1) == "GFLOP/s" && $1 ~ /\/gpu/) line = line sprintf("  (%.1f%% of peak)", 100 * $i * 1e9 / fl)
			}
			print line
			next
		}
		{ print }'
	;;
*)
	echo "usage: bash scripts/gpu_check.sh build|run" >&2
	exit 2
	;;
esac
