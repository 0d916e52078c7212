#!/usr/bin/env bash
# run.sh installs what is missing (scripts/setup.sh), builds the workbench
# binary into .cache/bin and runs it with the given arguments; with none, it
# runs "workbench version" (later it will open the desktop app).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

export LANG=${LANG:-C.UTF-8}

# shellcheck source=scripts/setup.sh
source "$root/scripts/setup.sh"

# A checkout that git refuses to read (another owner: "dubious ownership")
# would make go build fail on VCS stamping; build without the stamp then.
if [[ -e "$root/.git" ]] && ! git -C "$root" status --porcelain >/dev/null 2>&1; then
	export GOFLAGS="${GOFLAGS:+$GOFLAGS }-buildvcs=false"
fi

mkdir -p "$root/.cache/bin"
go build -o "$root/.cache/bin/workbench" ./cmd/workbench

exec "$root/.cache/bin/workbench" "${@:-version}"
