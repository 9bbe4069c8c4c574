#!/usr/bin/env bash
# Renders the examples' graph with Graphviz into docs/examples-graph.png (the
# picture in docs/export.md). Entities with no relation are left out of the
# picture (gvpr) so that it stays readable. Needs graphviz and a font with
# Chinese characters (Debian: fonts-wqy-microhei); not run by the tests.
# usage: scripts/render_example_graph.sh [KGB_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
kgb=${1:-build/kgb}
fc-list :lang=zh | grep -q . || { echo "render: no Chinese font (apt-get install fonts-wqy-microhei)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$kgb" build --quiet --json "$tmp/graph.json" examples/ || [ $? -eq 1 ]
"$kgb" export "$tmp/graph.json" --format dot -o "$tmp/graph.dot"
gvpr -c 'N[degree==0]{delete(root,$)}' "$tmp/graph.dot" | dot -Tpng -Gdpi=96 -o docs/examples-graph.png
echo "wrote docs/examples-graph.png"
