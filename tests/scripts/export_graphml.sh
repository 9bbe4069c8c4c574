#!/usr/bin/env bash
# GraphML: networkx and igraph read the file back with the JSON's node and
# edge counts, node types and numeric weights; a reader that matches names
# by local part, as Gephi's importer does, finds the edge types, undirected
# meetings and signings, edge labels, node colors and sizes; edge ids are
# unique.
source "$(dirname "$0")/export_lib.bash" "$@"
"$PY" -c 'import networkx, igraph' || fail "python3-networkx / python3-igraph missing (scripts/setup.sh)"

check() {  # JSON GRAPHML
  "$PY" - "$@" <<'PYEOF'
import json, math, sys, collections
import xml.etree.ElementTree as ET
import networkx as nx, igraph as ig
js = json.load(open(sys.argv[1]))
types = {n["id"]: n["type"] for n in js["nodes"]}
# export/style.h
palette = {"official": "#D55E00", "organization": "#0072B2", "park": "#009E73", "project": "#E69F00",
           "location": "#CC79A7"}
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
    assert "#%02X%02X%02X" % (d["r"], d["g"], d["b"]) == d["color"] == palette[n["type"]], (d, n)
    assert abs(d["size"] - (10 + 5 * math.log2(max(n["mentions"], 1)))) < 0.01, (d, n)
got = collections.Counter()
for s, t, d in g.edges(data=True):
    assert isinstance(d["weight"], float), d
    assert isinstance(d["symmetric"], bool) and d["symmetric"] == (d["type"] in ("met_with", "signed_agreement")), d
    json.loads(d["evidence"])
    want_label = d["type"] + (": " + d["title"] if d["type"] == "holds_position" and d.get("title") else "")
    assert d["label"] == want_label, d
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
assert h.vs["color"] == [palette[n["type"]] for n in js["nodes"]], "igraph: node colors"
assert len(set(h.es["id"])) == h.ecount(), "igraph: edge ids not unique"
# Gephi's importer (ImporterGraphML) reads attributes and key names by their
# local part: the edge's "label" attribute is its edge type, which keeps two
# relations between one pair apart, and directed="false" makes it
# undirected; keys named label, r, g, b, size are the look.
root = ET.parse(sys.argv[2]).getroot()
local = lambda name: name.rsplit("}", 1)[-1]
keys = {k.get("id"): (k.get("for"), k.get("attr.name")) for k in root.iter() if local(k.tag) == "key"}
edges = [e for e in root.iter() if local(e.tag) == "edge"]
assert len(edges) == len(js["edges"])
ids = [e.get("id") for e in edges]
assert len(set(ids)) == len(ids) and all(ids), "edge ids are not unique"
gephi_edges = collections.Counter()
for e, je in zip(edges, js["edges"]):
    attrs = {local(k): v for k, v in e.attrib.items()}
    assert attrs["label"] == je["type"], (attrs, je)
    assert attrs.get("directed", "true") == ("false" if je["symmetric"] else "true"), (attrs, je)
    assert "directed" not in e.attrib, "a plain directed attribute: networkx refuses it"
    data = {keys[d.get("key")]: d.text for d in e if local(d.tag) == "data"}
    assert data[("edge", "label")].startswith(je["type"]), data
    # Gephi merges edges that share ends, direction and type.
    ends = (je["source"], je["target"]) if not je["symmetric"] else tuple(sorted((je["source"], je["target"])))
    gephi_edges[ends + (je["type"],)] += 1
assert max(gephi_edges.values(), default=1) == 1, "Gephi would merge edges"
for n in (x for x in root.iter() if local(x.tag) == "node"):
    data = {keys[d.get("key")][1]: d.text for d in n if local(d.tag) == "data"}
    assert {"label", "r", "g", "b", "size"} <= set(data), data
print("graphml ok:", h.vcount(), "nodes,", h.ecount(), "edges; types", dict(collections.Counter(types.values())))
PYEOF
}
check "$TMP/g.json" "$TMP/g.graphml" || fail "GraphML (examples)"
check "$TRICKY" "$TMP/tricky/g.graphml" || fail "GraphML (fixture)"
# Two relations between one pair, and a signing and a location in opposite directions.
"$KGB" export "$SRC/tests/fixtures/export/parallel.json" -o "$TMP/parallel.graphml" || fail "kgb export parallel"
check "$SRC/tests/fixtures/export/parallel.json" "$TMP/parallel.graphml" || fail "GraphML (parallel relations)"
echo "$(basename "$0" .sh): ok"
