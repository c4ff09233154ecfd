#!/usr/bin/env bash
# Configures and builds dbopt in a build directory (default: build/), installing missing
# dependencies first. Extra arguments go to cmake, e.g. -DDBOPT_SANITIZE=ON.
#   scripts/build.sh [BUILD_DIR] [CMAKE_ARGS...]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build}
shift || true
"$root/scripts/install-deps.sh"
if [ ! -f "$build/build.ninja" ] || [ $# -gt 0 ]; then
  cmake -S "$root" -B "$build" -G Ninja "$@" >&2
fi
cmake --build "$build" -j "$(nproc)" >&2
