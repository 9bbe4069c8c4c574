#!/usr/bin/env bash
# GraphML: networkx and igraph read the file back with the JSON's node and
# edge counts, node types and numeric weights.
source "$(dirname "$0")/export_lib.bash" "$@"
"$PY" -c 'import networkx, igraph' || fail "python3-networkx / python3-igraph missing (scripts/setup.sh)"

check() {  # JSON GRAPHML
  "$PY" - "$@" <<'PYEOF'
import json, sys, collections
import networkx as nx, igraph as ig
js = json.load(open(sys.argv[1]))
types = {n["id"]: n["type"] for n in js["nodes"]}
edge_key = lambda s, t, ty, w: (s, t, ty, float(w))
want_edges = collections.Counter(edge_key(e["source"], e["target"], e["type"], e["weight"]) for e in js["edges"])

g = nx.read_graphml(sys.argv[2])
assert g.number_of_nodes() == len(js["nodes"]), (g.number_of_nodes(), len(js["nodes"]))
assert g.number_of_edges() == len(js["edges"]), (g.number_of_edges(), len(js["edges"]))
for n in js["nodes"]:
    d = g.nodes[n["id"]]
    assert d["type"] == n["type"] and d["label"] == n["label"], (d, n)
    assert d["mentions"] == n["mentions"] and isinstance(d["mentions"], int), (d, n)
    assert d.get("pinyin"), ("no pinyin", n)
    assert d.get("first_seen", "") == n.get("first_seen", ""), (d, n)
got = collections.Counter()
for s, t, d in g.edges(data=True):
    assert isinstance(d["weight"], float), d
    assert isinstance(d["symmetric"], bool) and d["symmetric"] == (d["type"] in ("met_with", "signed_agreement")), d
    json.loads(d["evidence"])
    got[edge_key(s, t, d["type"], d["weight"])] += 1
assert got == want_edges, (got - want_edges, want_edges - got)

h = ig.Graph.Read_GraphML(sys.argv[2])
assert h.vcount() == len(js["nodes"]) and h.ecount() == len(js["edges"]), (h.vcount(), h.ecount())
assert h.is_directed()
assert [v["type"] for v in h.vs] == [n["type"] for n in js["nodes"]]
assert [v["id"] for v in h.vs] == [n["id"] for n in js["nodes"]]
got = collections.Counter(edge_key(h.vs[e.source]["id"], h.vs[e.target]["id"], e["type"], e["weight"]) for e in h.es)
assert got == want_edges, (got - want_edges, want_edges - got)
assert all(isinstance(w, float) for w in h.es["weight"])
print("graphml ok:", h.vcount(), "nodes,", h.ecount(), "edges; types", dict(collections.Counter(types.values())))
PYEOF
}
check "$TMP/g.json" "$TMP/g.graphml" || fail "GraphML (examples)"
check "$TRICKY" "$TMP/tricky/g.graphml" || fail "GraphML (fixture)"
echo "$(basename "$0" .sh): ok"
