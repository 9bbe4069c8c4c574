#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each one
# briefly from its seed corpus in fuzz/corpus/. Fails on any crash, sanitizer
# report or broken invariant; the input that triggered it is saved as
# BUILD/fuzz/crash-* (replay: BUILD/fuzz/fuzz_NAME BUILD/fuzz/crash-...).
#
# usage: scripts/fuzz-smoke.sh [SECONDS_PER_TARGET]   (default 30; CI uses 60)
# env:   KGB_FUZZ_BUILD  build folder (default build-fuzz)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
build=${KGB_FUZZ_BUILD:-build-fuzz}

CC=clang CXX=clang++ cmake -S . -B "$build" -DKGB_BUILD_FUZZERS=ON -DKGB_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j2 --target fuzz_decode fuzz_graph_reader fuzz_html_reader fuzz_docx_reader fuzz_pdf_reader

total=0
for name in decode graph_reader html_reader docx_reader pdf_reader; do
  work="$build/fuzz/corpus/$name"
  mkdir -p "$work"
  log="$build/fuzz/$name.log"
  if ! "$build/fuzz/fuzz_$name" -max_total_time="$secs" -timeout=20 -rss_limit_mb=4096 \
      -print_final_stats=1 -artifact_prefix="$build/fuzz/" "$work" "fuzz/corpus/$name" >"$log" 2>&1; then
    tail -60 "$log" >&2
    echo "fuzz-smoke: fuzz_$name FAILED (log: $log)" >&2
    exit 1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  echo "fuzz-smoke: fuzz_$name: ${runs:-?} executions in ${secs}s, no crash"
  total=$((total + ${runs:-0}))
done
echo "fuzz-smoke: $total executions in total"
