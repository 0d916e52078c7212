#!/usr/bin/env bash
# examples.sh re-runs the bundled example sessions (assets/examples) in
# place, with seed 42, so that their saved outputs are those of today's
# Workbench. CI checks them with `workbench verify` (cmd/workbench tests).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
bin=$(mktemp -d)/workbench
trap 'rm -rf "$(dirname "$bin")"' EXIT
go build -o "$bin" ./cmd/workbench
for f in assets/examples/*.ipynb; do
	"$bin" run "$f" --inplace --seed 42
done
