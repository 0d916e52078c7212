#!/usr/bin/env bash
# setup.sh installs what Workbench needs on a Debian 12 (bookworm) machine and
# checks the Go toolchain. It is idempotent: when everything is present it runs
# no apt-get at all and finishes in about a second.
#
#   bash scripts/setup.sh        quiet; prints only what it installs and errors
#   bash scripts/setup.sh -v     also shows apt-get's and go's own output
#
# scripts/test.sh and scripts/run.sh source this file, so that a Go found at
# /usr/local/go/bin is put on their PATH too.

# Debian packages the project needs today: a C toolchain for cgo, git for the
# module proxy's fallbacks and build stamping, and Debian's NumPy and SciPy for
# the golden-data generators and the NumPy comparison script, Jupyter's own
# client (python3-jupyter-client) that drives the kernel process in a test as
# a Jupyter front end would, and the Jupyter tools that check session files.
WORKBENCH_PACKAGES_NOW=(
	gcc libc6-dev pkg-config git ca-certificates
	python3-numpy python3-scipy
	python3-jupyter-client python3-nbformat jupyter-nbconvert
)

# Debian packages for later issues, installed already because they are cheap:
# the desktop app (OpenGL and X11 headers for Fyne and go-gl), headless OpenGL
# compute through EGL, and a virtual X server and screenshots for the app's
# tests.
WORKBENCH_PACKAGES_LATER=(
	libgl-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev
	libegl-dev
	xvfb xauth imagemagick
	poppler-utils xdotool
)

# The oldest Go that builds Workbench.
WORKBENCH_GO_MIN=1.26

_wb_setup_main() {
	local root verbose=${SETUP_VERBOSE:-0}
	root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
	if [[ "${1:-}" == "-v" ]]; then
		verbose=1
	fi
	local log="$root/.cache/setup"
	mkdir -p "$log"

	_wb_setup_apt "$log" "$verbose" || exit 1
	_wb_setup_go || exit 1
	_wb_setup_gomod "$root" "$log" "$verbose" || exit 1
}

_wb_fail() {
	printf 'setup: error: %s\n' "$@" >&2
}

# _wb_setup_apt installs the missing Debian packages, if any.
_wb_setup_apt() {
	local log=$1/apt.log verbose=$2
	local all=("${WORKBENCH_PACKAGES_NOW[@]}" "${WORKBENCH_PACKAGES_LATER[@]}")
	if ! command -v dpkg-query >/dev/null 2>&1; then
		printf 'setup: warning: no dpkg-query here; this script installs packages on Debian 12 only.\n' >&2
		printf 'setup: warning: make sure these (or their equivalents) are installed: %s\n' "${all[*]}" >&2
		return 0
	fi
	local missing=() p
	for p in "${all[@]}"; do
		if [[ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null)" != "ii"* ]]; then
			missing+=("$p")
		fi
	done
	if ((${#missing[@]} == 0)); then
		return 0
	fi

	local sudo=()
	if ((EUID != 0)); then
		if command -v sudo >/dev/null 2>&1; then
			sudo=(sudo)
		else
			_wb_fail "these Debian packages are missing: ${missing[*]}" \
				"installing them needs root, and sudo is not installed. Run as root:" \
				"  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
			return 1
		fi
	fi
	printf 'setup: installing %d Debian packages: %s\n' "${#missing[@]}" "${missing[*]}"
	local apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300)
	: >"$log"
	local ok=1
	if ((verbose)); then
		"${apt[@]}" update </dev/null 2>&1 | tee -a "$log" || ok=0
		((ok)) && { "${apt[@]}" install -y --no-install-recommends "${missing[@]}" </dev/null 2>&1 | tee -a "$log" || ok=0; }
	else
		"${apt[@]}" -qq update </dev/null >>"$log" 2>&1 || ok=0
		((ok)) && { "${apt[@]}" -qq install -y --no-install-recommends "${missing[@]}" </dev/null >>"$log" 2>&1 || ok=0; }
	fi
	if ((!ok)); then
		_wb_fail "apt-get failed to install: ${missing[*]}" "last lines of $log:"
		tail -n 25 "$log" >&2
		return 1
	fi
}

# _wb_setup_go finds Go (on PATH, or at /usr/local/go/bin, which it then adds
# to PATH) and checks that it is new enough.
_wb_setup_go() {
	if ! command -v go >/dev/null 2>&1 && [[ -x /usr/local/go/bin/go ]]; then
		export PATH="/usr/local/go/bin:$PATH"
	fi
	local howto="install Go $WORKBENCH_GO_MIN or newer from https://go.dev/dl/ into /usr/local/go, e.g.
  rm -rf /usr/local/go && curl -fsSL https://go.dev/dl/go${WORKBENCH_GO_MIN}.0.linux-amd64.tar.gz | tar -C /usr/local -xz
then run this script again (it finds /usr/local/go/bin by itself)."
	if ! command -v go >/dev/null 2>&1; then
		_wb_fail "the go command is not on PATH and not at /usr/local/go/bin/go." "$howto"
		return 1
	fi
	local v
	if ! v=$(go env GOVERSION 2>&1); then
		_wb_fail "'go env GOVERSION' failed ($(command -v go)):" "$v" "$howto"
		return 1
	fi
	# go1.26.8, go1.27rc1, devel go1.27-abcdef ... -> major and minor.
	local mm major minor
	mm=$(printf '%s\n' "$v" | sed -n 's/.*go\([0-9][0-9]*\)\.\([0-9][0-9]*\).*/\1 \2/p' | head -n 1)
	read -r major minor <<<"$mm"
	local want_major=${WORKBENCH_GO_MIN%%.*} want_minor=${WORKBENCH_GO_MIN#*.}
	if [[ -z "$major" ]] || ((major < want_major || (major == want_major && minor < want_minor))); then
		_wb_fail "Workbench needs Go $WORKBENCH_GO_MIN or newer; $(command -v go) is '$v'." "$howto"
		return 1
	fi
}

# _wb_setup_gomod downloads the Go modules of go.mod through the module proxy.
_wb_setup_gomod() {
	local root=$1 log=$2/gomod.log verbose=$3
	local flags=()
	((verbose)) && flags=(-x)
	if ! (cd "$root" && go mod download "${flags[@]}") </dev/null >"$log" 2>&1; then
		_wb_fail "'go mod download' failed (is the module proxy, $(go env GOPROXY), reachable?):"
		tail -n 25 "$log" >&2
		return 1
	fi
	((verbose)) && cat "$log"
	return 0
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
	set -euo pipefail
	_wb_setup_main "$@"
	printf 'setup: ok (%s; Debian packages and Go modules present)\n' "$(go env GOVERSION)"
else
	_wb_setup_main
fi
