#!/usr/bin/env bash
# Installs what is needed, builds and runs every test.
# Usage: scripts/test.sh [release|sanitize]   (default release)
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-release}
scripts/install-deps.sh
scripts/build.sh "$mode"
dir=build
[ "$mode" = sanitize ] && dir=build-asan
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir "$dir" --output-on-failure -j"$(nproc)"
