#!/usr/bin/env bash
# run.sh installs what is missing (scripts/setup.sh), builds the workbench
# binary into .cache/bin and starts it:
#
#   bash scripts/run.sh                 the desktop app, on the bundled example session
#   bash scripts/run.sh FILE.ipynb      the desktop app, on a session file (.ipynb or .go)
#   bash scripts/run.sh version         a subcommand (version, run, verify, kernel, ...)
#
# The app needs a display. Without one (no DISPLAY, as over ssh or in a
# container) it says so; run it under a virtual X server then:
#
#   xvfb-run -a bash scripts/run.sh
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

export LANG=${LANG:-C.UTF-8}
# Fyne cannot parse a locale such as C.UTF-8 and logs an error at every
# start; LANGUAGE gives it a language and changes nothing else.
case "${LC_ALL:-${LC_MESSAGES:-$LANG}}" in
C.* | POSIX.*) export LANGUAGE=${LANGUAGE:-en} ;;
esac

# shellcheck source=scripts/setup.sh
source "$root/scripts/setup.sh"

# A checkout that git refuses to read (another owner: "dubious ownership")
# would make go build fail on VCS stamping; build without the stamp then.
if [[ -e "$root/.git" ]] && ! git -C "$root" status --porcelain >/dev/null 2>&1; then
	export GOFLAGS="${GOFLAGS:+$GOFLAGS }-buildvcs=false"
fi

mkdir -p "$root/.cache/bin"
go build -o "$root/.cache/bin/workbench" ./cmd/workbench

# The app opens with no argument, or with a session file; anything else is
# a subcommand, which needs no display.
app=0
if (($# == 0)); then
	app=1
elif [[ "$1" == *.ipynb || "$1" == *.go || -f "$1" ]]; then
	app=1
fi
if ((app)) && [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
	cat >&2 <<'EOF'
run.sh: there is no display (DISPLAY is not set), and the desktop app opens a window.
Run it under a virtual X server (xvfb-run comes with the xvfb package, which setup.sh installs):

  xvfb-run -a bash scripts/run.sh

or run a subcommand, which needs no display:

  bash scripts/run.sh version
  bash scripts/run.sh run assets/examples/tour.ipynb -o /tmp/tour.ipynb
EOF
	exit 1
fi

exec "$root/.cache/bin/workbench" "$@"
