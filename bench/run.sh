#!/usr/bin/env bash
# The throughput and memory figures of docs/scale.md, re-measured:
#
#   bench/run.sh SOURCE_DIR [BUILD_DIR]
#
# SOURCE_DIR holds the plain-text sources (the shared corpus's corpus/ner).
# Builds the 1x/10x corpus (bench/make_corpus.sh) in a temporary folder, runs
# kgb-bench on the 10x corpus, then times `kgb build` itself (best of 3 wall
# times, peak RSS of the process) at --threads 1 and 2 on 1x and 10x. Prints
# the machine and a Markdown table. Measures; asserts nothing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=${1:?usage: bench/run.sh SOURCE_DIR [BUILD_DIR]}
build=${2:-$here/../build}
kgb=$build/kgb
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$here/make_corpus.sh" "$src" "$tmp/corpus" 10
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
"$build/kgb-bench" --threads 2 "$tmp/corpus/10x"
echo

# best wall time of 3 runs and the peak RSS of the kgb process
measure() {
  python3 - "$@" <<'PY'
import resource, subprocess, sys, time
best = None
peak = 0
for _ in range(3):
    t = time.monotonic()
    subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
    d = time.monotonic() - t
    best = d if best is None else min(best, d)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB, the largest child
print(f"{best:.3f} {peak}")
PY
}
echo "| input | threads | wall s (best of 3) | MB/s | docs/s | peak RSS MB |"
echo "| --- | --- | --- | --- | --- | --- |"
for size in 1x 10x; do
  bytes=$(find "$tmp/corpus/$size" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
  docs=$(find "$tmp/corpus/$size" -type f | wc -l)
  for t in 1 2; do
    read -r secs kb < <(measure "$kgb" build --quiet --threads "$t" --json "$tmp/g.json" "$tmp/corpus/$size")
    awk -v s="$size" -v t="$t" -v secs="$secs" -v b="$bytes" -v d="$docs" -v kb="$kb" \
      'BEGIN { printf "| %s (%d files, %.1f MB) | %d | %.2f | %.1f | %.0f | %.1f |\n", s, d, b/1e6, t, secs, b/1e6/secs, d/secs, kb/1024 }'
  done
done
