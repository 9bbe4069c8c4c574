#!/usr/bin/env bash
# DOT: Graphviz renders the file, with one node and one edge per JSON node
# and edge, filled with one color per entity type.
source "$(dirname "$0")/export_lib.bash" "$@"
command -v dot >/dev/null || fail "dot missing (scripts/setup.sh installs graphviz)"

check() {  # JSON DOT
  dot -Tsvg "$2" -o "$TMP/out.svg" || return 1
  "$PY" - "$1" "$TMP/out.svg" <<'PYEOF'
import json, sys, xml.etree.ElementTree as ET
js = json.load(open(sys.argv[1]))
svg = ET.parse(sys.argv[2]).getroot()
ns = {"s": "http://www.w3.org/2000/svg"}
groups = svg.findall(".//s:g", ns)
nodes = {g.find("s:title", ns).text: g for g in groups if g.get("class") == "node"}
edges = [g for g in groups if g.get("class") == "edge"]
assert len(nodes) == len(js["nodes"]), (len(nodes), len(js["nodes"]))
assert len(edges) == len(js["edges"]), (len(edges), len(js["edges"]))
fill_of_type = {}
for n in js["nodes"]:
    shape = nodes[n["id"]].find(".//s:path", ns)
    if shape is None: shape = nodes[n["id"]].find(".//s:ellipse", ns)
    fill = shape.get("fill")
    assert fill_of_type.setdefault(n["type"], fill) == fill, ("one color per type", n)
assert len(set(fill_of_type.values())) == len(fill_of_type), fill_of_type
print("dot ok:", len(nodes), "nodes,", len(edges), "edges,", len(fill_of_type), "colors")
PYEOF
}
check "$TMP/g.json" "$TMP/g.dot" || fail "DOT (examples)"
check "$TRICKY" "$TMP/tricky/g.dot" || fail "DOT (fixture)"
echo "$(basename "$0" .sh): ok"
