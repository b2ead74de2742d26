#!/usr/bin/env bash
# Configures and builds newsmine. Usage: scripts/build.sh [release|sanitize]
#   release   build/       Release (-O3, LTO), tests and benchmarks
#   sanitize  build-asan/  AddressSanitizer + UndefinedBehaviorSanitizer, tests only
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-release}
jobs=$(nproc)
case "$mode" in
  release)
    cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DNEWSMINE_TESTS=ON -DNEWSMINE_BENCH=ON >/dev/null
    cmake --build build -j"$jobs"
    ;;
  sanitize)
    cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DNEWSMINE_SANITIZE=ON \
      -DNEWSMINE_TESTS=ON -DNEWSMINE_BENCH=OFF -DCMAKE_CXX_FLAGS="-O1" >/dev/null
    cmake --build build-asan -j"$jobs"
    ;;
  *) echo "usage: scripts/build.sh [release|sanitize]" >&2; exit 2 ;;
esac
