# End to end on examples/: kgb build writes both files, twice the same bytes;
# every edge's evidence range of the original file is its sentence; the
# default output folder works; the summary names every type.
# Usage: bash build_examples.sh KGB_BINARY SOURCE_DIR
set -euo pipefail
KGB=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=$(cd "$2" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cd "$TMP"
"$KGB" build "$SRC/examples" > summary.txt || fail "kgb build examples/"
[ -s out/graph.json ] && [ -s out/graph.graphml ] || fail "no out/graph.json or out/graph.graphml"
for t in official organization park project location holds_position met_with signed_agreement located_in visited; do
  grep -q "$t" summary.txt || fail "summary does not count $t"
done
grep -q "read 3 documents" summary.txt || fail "examples/ is three pages (README is not a page): $(head -1 summary.txt)"

"$KGB" build --quiet --threads 1 --json a.json --graphml a.graphml "$SRC/examples" || fail "build a"
"$KGB" build --quiet --threads 2 --json b.json --graphml b.graphml "$SRC/examples" || fail "build b"
cmp -s a.json b.json || fail "two builds differ (json)"
cmp -s a.graphml b.graphml || fail "two builds differ (graphml)"
cmp -s a.json out/graph.json || fail "-o default differs from --json"

python3 - "$TMP/a.json" <<'PY'
import json, sys, unicodedata
g = json.load(open(sys.argv[1], encoding="utf-8"))
assert g["format"] == "kgb-graph" and g["version"] == 1
ids = {n["id"] for n in g["nodes"]}
assert len(ids) == len(g["nodes"]) > 0
checked = 0
for e in g["edges"]:
    assert e["source"] in ids and e["target"] in ids
    assert e["weight"] == len(e["evidence"]) > 0
    for ev in e["evidence"]:
        raw = open(ev["doc"], "rb").read()[ev["start"]:ev["end"]].decode("utf-8")
        squeeze = lambda s: "".join(c for c in s if not c.isspace())
        if squeeze(raw) != squeeze(ev["sentence"]):
            sys.exit("evidence range is not its sentence: %r vs %r" % (raw[:60], ev["sentence"][:60]))
        checked += 1
assert checked > 0
print("evidence ranges checked:", checked)
PY
echo "ok"
