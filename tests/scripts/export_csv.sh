#!/usr/bin/env bash
# Neo4j CSV: the headers neo4j-admin needs (:ID, :LABEL, :START_ID, :END_ID,
# :TYPE), one row per node and edge, and rows that a CSV reader splits into
# the JSON's values.
source "$(dirname "$0")/export_lib.bash" "$@"

check() {  # JSON DIR
  "$PY" - "$@" <<'PYEOF'
import csv, json, sys, re
js, d = json.load(open(sys.argv[1])), sys.argv[2]
nodes = list(csv.reader(open(d + "/nodes.csv", newline="", encoding="utf-8")))
rels = list(csv.reader(open(d + "/relationships.csv", newline="", encoding="utf-8")))
nh, rh = nodes[0], rels[0]
for col in ("id:ID", ":LABEL", "label", "aliases:string[]", "mentions:long"):
    assert col in nh, (col, nh)
for col in (":START_ID", ":END_ID", ":TYPE", "weight:long", "title", "date:date"):
    assert col in rh, (col, rh)
assert len(nodes) - 1 == len(js["nodes"]) and len(rels) - 1 == len(js["edges"]), (len(nodes), len(rels))
assert all(len(r) == len(nh) for r in nodes) and all(len(r) == len(rh) for r in rels)
N = [dict(zip(nh, r)) for r in nodes[1:]]
R = [dict(zip(rh, r)) for r in rels[1:]]
ids = [n["id:ID"] for n in N]
assert len(set(ids)) == len(ids)
for n, jn in zip(N, js["nodes"]):
    assert n["id:ID"] == jn["id"] and n["label"] == jn["label"], (n, jn)
    labels = n[":LABEL"].split(";")
    assert labels[0] == "Entity" and labels[1].lower() == jn["type"], (labels, jn)
    aliases = n["aliases:string[]"].split(";") if n["aliases:string[]"] else []
    assert len(aliases) == len(jn["aliases"]), (aliases, jn["aliases"])
    assert int(n["mentions:long"]) == jn["mentions"]
date = re.compile(r"^(\d{4}-\d{2}-\d{2})?$")
for r, je in zip(R, js["edges"]):
    assert r[":START_ID"] in ids and r[":END_ID"] in ids, r
    assert (r[":START_ID"], r[":END_ID"]) == (je["source"], je["target"])
    assert r[":TYPE"] == je["type"].upper() and int(r["weight:long"]) == je["weight"], (r, je)
    assert date.match(r["date:date"]), r
    assert r["title"] == " ".join(je.get("title", "").replace("\r", "").split("\n")), (r, je)
    if date.match(je.get("date", "")): assert r["date:date"] == je.get("date", ""), (r, je)
print("csv ok:", len(N), "nodes,", len(R), "relationships")
PYEOF
}
check "$TMP/g.json" "$TMP/neo" || fail "CSV (examples)"
check "$TRICKY" "$TMP/tricky/neo" || fail "CSV (fixture)"
echo "$(basename "$0" .sh): ok"
