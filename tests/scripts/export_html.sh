#!/usr/bin/env bash
# The HTML viewer page and the layout without a browser: the page is
# self-contained (no external script, style or font), carries the graph's
# nodes, edges and evidence, is byte-identical across runs and between
# `kgb build --html` and `kgb export`; GraphML (read by networkx) and GEXF
# carry the same positions as the page; --max-nodes keeps the entities
# `kgb query top --by pagerank` ranks first; a graph over the browser limit
# is refused with a message naming --max-nodes.
source "$(dirname "$0")/export_lib.bash" "$@"
# Built without the viewer's npm libraries (scripts/setup.sh could not reach
# the registry): kgb refuses --format html with a pointer to set-up; skip.
if ! "$KGB" export "$TMP/g.json" --format html -o "$TMP/probe.html" 2>"$TMP/probe.err" &&
   grep -q "scripts/setup.sh" "$TMP/probe.err"; then
  echo "$(basename "$0" .sh): skipped: kgb was built without the HTML viewer's libraries"
  exit 77
fi

"$KGB" export "$TMP/g.json" --format html -o "$TMP/a.html" || fail "kgb export html"
"$KGB" export "$TMP/g.json" -o "$TMP/b.html" || fail "kgb export (format from .html)"
"$KGB" build --quiet --html "$TMP/c.html" "$SRC/examples" || [ $? -eq 1 ] || fail "kgb build --html"
cmp -s "$TMP/a.html" "$TMP/b.html" || fail "two exports of the same graph differ"
cmp -s "$TMP/a.html" "$TMP/c.html" || fail "kgb build --html differs from kgb export"
"$KGB" export "$TMP/g.json" -o "$TMP/g2.graphml" && cmp -s "$TMP/g.graphml" "$TMP/g2.graphml" || fail "GraphML not reproducible"
"$KGB" export "$TMP/g.json" -o "$TMP/g2.gexf" && cmp -s "$TMP/g.gexf" "$TMP/g2.gexf" || fail "GEXF not reproducible"

# Nothing is fetched from anywhere: no script, style sheet, font or image by URL.
if grep -Eq '<(script|img|iframe)[^>]*\ssrc=|<link[^>]*\shref=|@import|[^A-Za-z.]url\(' "$TMP/a.html"; then
  fail "the page refers to an outside resource"
fi

"$PY" - "$TMP/g.json" "$TMP/a.html" "$TMP/g.graphml" "$TMP/g.gexf" <<'PYEOF' || fail "page content and positions"
import json, re, sys, xml.etree.ElementTree as ET
import networkx as nx
g = json.load(open(sys.argv[1]))
page = open(sys.argv[2], encoding="utf-8").read()
m = re.search(r'<script type="application/json" id="kgb-data">(.*?)</script>', page, re.S)
assert m, "no data element"
v = json.loads(m.group(1))
m = re.search(r'<script type="application/x-kgb-evidence" id="kgb-evidence">(.*?)</script>', page, re.S)
assert m, "no evidence element"
evidence = [json.loads(line) for line in m.group(1).split("\n")[:-1]]
assert v["format"] == "kgb-view" and v["version"] == 2 and v["kept"] == "all", {k: v[k] for k in ("format", "version", "kept")}
assert v["entities"] == len(g["nodes"]) == len(v["nodes"]) and v["relations"] == len(g["edges"]) == len(v["edges"])
types = [t[0] for t in v["types"]]
rels = [r[0] for r in v["rels"]]
palette = {"official": "#D55E00", "organization": "#0072B2", "park": "#009E73", "project": "#E69F00", "location": "#CC79A7"}
assert dict(v["types"]) == palette, v["types"]
for jn, n in zip(g["nodes"], v["nodes"]):
    assert n[0] == jn["id"] and n[1] == jn["label"] and types[n[2]] == jn["type"] and n[3] == jn["mentions"], (n, jn)
    assert n[7] == jn.get("aliases", []), (n, jn)
assert len(evidence) == len(v["edges"]), (len(evidence), len(v["edges"]))
for je, e, ev in zip(g["edges"], v["edges"], evidence):
    assert v["nodes"][e[0]][0] == je["source"] and v["nodes"][e[1]][0] == je["target"] and rels[e[2]] == je["type"], (e, je)
    assert e[4] == je.get("date", "") and e[5] == je.get("title", ""), (e, je)
    assert [(v["docs"][x[0]], x[1], x[2], x[3]) for x in ev] == \
           [(x["doc"], x["start"], x["end"], x["sentence"]) for x in je["evidence"]], (e, je)
# GraphML positions, as networkx reads them, are the page's; GEXF's are too
# (y upwards there).
G = nx.read_graphml(sys.argv[3])
pos = {n: (d["x"], d["y"]) for n, d in G.nodes(data=True)}
assert len(pos) == len(g["nodes"]) and all(isinstance(x, float) and isinstance(y, float) for x, y in pos.values()), "x, y"
for n in v["nodes"]:
    assert pos[n[0]] == (n[5], n[6]), (n, pos[n[0]])
assert len(set(pos.values())) == len(pos), "two entities at the same place"
ns = {"g": "http://gexf.net/1.3"}
for node in ET.parse(sys.argv[4]).getroot().findall("g:graph/g:nodes/g:node", ns):
    p = node.find("g:position", ns)
    assert p is not None, node.attrib
    x, y = float(p.get("x")), float(p.get("y"))
    assert (x, -y) == pos[node.get("id")] or (x, y) == (pos[node.get("id")][0], 0.0), (node.get("id"), x, y)
# Neighbours sit closer together than entities picked at random.
import math, random
d = lambda a, b: math.dist(pos[a], pos[b])
near = sum(d(e["source"], e["target"]) for e in g["edges"] if e["source"] != e["target"]) / len(g["edges"])
rnd = random.Random(1)
ids = list(pos)
far = sum(d(rnd.choice(ids), rnd.choice(ids)) for _ in range(2000)) / 2000
assert near < far / 2, (near, far)
print("html ok:", len(v["nodes"]), "nodes,", len(v["edges"]), "edges; positions in GraphML and GEXF")
PYEOF

# networkx reads the positions of the GEXF networkx flavor too.
"$KGB" export "$TMP/g.json" --format gexf --flavor networkx -o "$TMP/nx.gexf" || fail "kgb export gexf networkx"
"$PY" - "$TMP/nx.gexf" "$TMP/g.graphml" <<'PYEOF' || fail "networkx GEXF positions"
import sys
import networkx as nx
G, H = nx.read_gexf(sys.argv[1]), nx.read_graphml(sys.argv[2])
for n, d in G.nodes(data=True):
    p = d["viz"]["position"]
    assert (p["x"], -p["y"] + 0.0) == (H.nodes[n]["x"], H.nodes[n]["y"]), (n, p, H.nodes[n])
PYEOF

# --max-nodes keeps the entities of highest PageRank.
"$KGB" export "$TMP/g.json" --max-nodes 10 -o "$TMP/top.html" || fail "kgb export --max-nodes"
"$KGB" query "$TMP/g.json" top --by pagerank -n 10 --format tsv | cut -f3 | tail -n +2 | sort > "$TMP/top.ids"
"$PY" - "$TMP/top.html" "$TMP/top.ids" <<'PYEOF' || fail "--max-nodes"
import json, re, sys
v = json.loads(re.search(r'id="kgb-data">(.*?)</script>', open(sys.argv[1], encoding="utf-8").read(), re.S).group(1))
want = sorted(open(sys.argv[2]).read().split())
assert v["kept"] == "pagerank" and len(v["nodes"]) == 10, (v["kept"], len(v["nodes"]))
assert sorted(n[0] for n in v["nodes"]) == want, (sorted(n[0] for n in v["nodes"]), want)
PYEOF
"$KGB" export "$TMP/g.json" --max-nodes 0 -o "$TMP/x.html" 2>/dev/null && fail "--max-nodes 0 accepted"

# A graph over the limit: refused with a message, shown with --max-nodes.
"$PY" - "$TMP/big.json" <<'PYEOF'
import json, sys
n = 50001
nodes = [{"id": "n%d" % i, "label": "江州%d号企业有限公司" % i, "type": "organization", "aliases": [], "mentions": 1}
         for i in range(n)]
edges = [{"source": "n%d" % i, "target": "n%d" % (i + 1), "type": "located_in", "symmetric": False, "weight": 1,
          "evidence": [{"doc": "a.txt", "start": 0, "end": 3, "sentence": "句"}]} for i in range(0, 200, 2)]
json.dump({"format": "kgb-graph", "version": 1, "nodes": nodes, "edges": edges}, open(sys.argv[1], "w"), ensure_ascii=False)
PYEOF
set +e
"$KGB" export "$TMP/big.json" -o "$TMP/big.html" 2> "$TMP/big.err"
rc=$?
set -e
[ "$rc" -ne 0 ] || fail "a graph over the limit was written"
grep -q -- "--max-nodes" "$TMP/big.err" || fail "no --max-nodes hint: $(cat "$TMP/big.err")"
[ ! -e "$TMP/big.html" ] || fail "a refused page was left behind"
"$KGB" export "$TMP/big.json" --max-nodes 500 -o "$TMP/big.html" || fail "--max-nodes on a large graph"
grep -q '"kept":"pagerank"' "$TMP/big.html" || fail "large page does not say what it kept"
echo "$(basename "$0" .sh): ok"
