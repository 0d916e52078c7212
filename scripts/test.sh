#!/usr/bin/env bash
# test.sh runs Workbench's whole test suite, as CI does (.ci/run): it installs
# what is missing (scripts/setup.sh), then checks formatting, vets, builds
# (also without cgo), and runs the tests.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

# Hermetic runs: Fyne and Mesa write caches under XDG_CACHE_HOME, and Fyne
# warns without a UTF-8 locale. GOCACHE and GOMODCACHE stay at Go's defaults.
export LANG=C.UTF-8
# Fyne cannot parse the C locale and logs an error at every start of the
# binary (the app's tests and the kernels they start); LANGUAGE gives it a
# language and changes nothing else.
export LANGUAGE=en
export XDG_CACHE_HOME="$root/.cache/xdg"
mkdir -p "$XDG_CACHE_HOME"

step() { printf '\n==> %s\n' "$*"; }

step "setup (scripts/setup.sh)"
# shellcheck source=scripts/setup.sh
source "$root/scripts/setup.sh"
echo "$(go env GOVERSION), $(nproc 2>/dev/null || echo '?') cores"

# A checkout that git refuses to read (another owner: "dubious ownership")
# would make go build fail on VCS stamping; build without the stamp then.
if [[ -e "$root/.git" ]] && ! git -C "$root" status --porcelain >/dev/null 2>&1; then
	echo "git cannot read this checkout; building with -buildvcs=false"
	export GOFLAGS="${GOFLAGS:+$GOFLAGS }-buildvcs=false"
fi

step "gofmt -l (tracked .go files, testdata excluded)"
files=()
if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	list=(git -C "$root" ls-files -z --cached --others --exclude-standard -- '*.go')
else
	list=(find . -name '*.go' -not -path './.cache/*' -not -path './.git/*' -print0)
fi
while IFS= read -r -d '' f; do
	f=${f#./}
	case "/$f" in */testdata/*) continue ;; esac
	if [[ -f "$f" ]]; then files+=("$f"); fi
done < <("${list[@]}")
if ((${#files[@]} == 0)); then
	echo "no .go files found" >&2
	exit 1
fi
unformatted=$(gofmt -l "${files[@]}")
if [[ -n "$unformatted" ]]; then
	echo "These files are not gofmt-formatted (run: gofmt -w FILE):" >&2
	echo "$unformatted" >&2
	exit 1
fi
echo "${#files[@]} files formatted"

step "go vet ./..."
go vet ./...

step "GOARCH=arm64 go vet ./arrays/... ./kernels/... ./devices/..."
GOARCH=arm64 go vet ./arrays/... ./kernels/... ./devices/...

step "go build ./..."
go build ./...

# The headless workbench (kernel, run, verify, export; CPU device) builds
# without cgo: only the window and the GPU device need it.
step "CGO_ENABLED=0 go build ./arrays/... ./kernels/... ./devices/... ./plotting/... ./interp/... ./sessions/... ./cmd/..."
CGO_ENABLED=0 go build ./arrays/... ./kernels/... ./devices/... ./plotting/... ./interp/... ./sessions/... ./cmd/...

step "CGO_ENABLED=0 go test ./arrays/... ./kernels/... ./devices/..."
CGO_ENABLED=0 go test ./arrays/... ./kernels/... ./devices/...

step "go test -tags purego ./kernels/... ./arrays/... (pure-Go fallbacks)"
go test -tags purego ./kernels/... ./arrays/...

step "go test -count=1 -timeout 20m ./..."
go test -count=1 -timeout 20m ./...

printf '\ntest.sh: all steps passed\n'
