#!/usr/bin/env bash
# Benchmark of the HTML viewer (docs/viewer.md): generates a random graph
# (kgb_query_bench --keep; default 20,000 nodes and 60,000 edges), times
# `kgb export --format html` on it (layout included), checks that two exports
# are byte-identical, and times the page in headless Chromium
# (bench/view_bench.py): until it is interactive, and its pan/zoom frames.
# Prints figures; asserts nothing but the byte identity.
# usage: bench/view_bench.sh [BUILD_DIR] [NODES] [EDGES]
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build}
nodes=${2:-20000}
edges=${3:-60000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$build/bench/kgb_query_bench" --nodes "$nodes" --edges "$edges" --keep "$tmp/g.json" >/dev/null
echo "graph: $nodes nodes, $edges edges ($(du -h "$tmp/g.json" | cut -f1) of JSON)"
for i in 1 2; do
  /usr/bin/time -f "kgb export --format html: %e s wall, %U s user, %M KB peak RSS" \
    "$build/kgb" export "$tmp/g.json" -o "$tmp/view$i.html"
done
cmp -s "$tmp/view1.html" "$tmp/view2.html" && echo "two exports: byte-identical" || { echo "two exports differ"; exit 1; }
/usr/bin/time -f "kgb export --format graphml (with the layout): %e s wall" "$build/kgb" export "$tmp/g.json" -o "$tmp/g.graphml"
/usr/bin/time -f "kgb export --format gexf (with the layout): %e s wall" "$build/kgb" export "$tmp/g.json" -o "$tmp/g.gexf"
/usr/bin/python3 "$src/bench/view_bench.py" "$tmp/view1.html"
