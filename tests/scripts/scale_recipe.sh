#!/usr/bin/env bash
# The JSONL input and the map/reduce recipes of docs/scale.md, run as written
# there with GNU parallel as the engine: the merged shards equal one build.
# Usage: bash scale_recipe.sh KGB_BINARY SOURCE_DIR
set -euo pipefail
kgb=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v parallel >/dev/null || fail "GNU parallel is missing (scripts/setup.sh installs it)"

# docs.jsonl: the example pages and the fixtures, one document per line.
python3 - "$src" > "$tmp/docs.jsonl" <<'PY'
import glob, json, os, sys
src = sys.argv[1]
paths = sorted(glob.glob(os.path.join(src, "examples", "*.txt"))) + \
        sorted(glob.glob(os.path.join(src, "tests", "fixtures", "scale", "*.txt")))
for i, p in enumerate(paths):
    with open(p, encoding="utf-8-sig") as f:
        doc = {"id": "doc-%d-%s" % (i, os.path.basename(p)), "text": f.read()}
    if i % 2:
        doc["date"] = "2023-07-0%d" % (i % 9 + 1)
    print(json.dumps(doc, ensure_ascii=False))
PY
[ "$(wc -l < "$tmp/docs.jsonl")" -eq 6 ] || fail "expected 6 documents"

# One build over the JSONL file, from a file and from standard input.
"$kgb" build --quiet --jsonl "$tmp/docs.jsonl" --json "$tmp/want.json"
"$kgb" build --quiet --jsonl - --json "$tmp/stdin.json" < "$tmp/docs.jsonl"
cmp "$tmp/want.json" "$tmp/stdin.json" || fail "--jsonl - differs from --jsonl FILE"
grep -q '"doc-1-' "$tmp/want.json" || fail "JSONL ids are not the evidence documents"
[ "$(grep -c '"source"' "$tmp/want.json" || true)" -gt 0 ] || fail "no edges: the test would prove nothing"

# A bad line is skipped and named by FILE:LINE (exit 1); the rest is read.
{ head -n 2 "$tmp/docs.jsonl"; echo '{"id": "broken", "text": '; tail -n +3 "$tmp/docs.jsonl"; } > "$tmp/bad.jsonl"
set +e
"$kgb" build --quiet --jsonl "$tmp/bad.jsonl" --json "$tmp/bad.json" 2> "$tmp/err"
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "bad JSONL line: exit $rc, want 1"
grep -q "bad.jsonl:3" "$tmp/err" || fail "bad JSONL line not named by FILE:LINE"
cmp "$tmp/bad.json" "$tmp/want.json" || fail "a bad line changed the graph of the good ones"

# The recipes, extracted from docs/scale.md and run as written.
recipe() {
  awk -v name="$1" '
    $0 == "<!-- recipe:" name " -->" { on = 1; next }
    on && $0 == "<!-- end recipe -->" { exit }
    on && !/^```/ { print }' "$src/docs/scale.md"
}
for name in parallel streaming; do
  dir="$tmp/$name"
  mkdir -p "$dir"
  cp "$tmp/docs.jsonl" "$dir/"
  recipe "$name" > "$dir/recipe.sh"
  [ -s "$dir/recipe.sh" ] || fail "recipe $name not found in docs/scale.md"
  # Small blocks, so the six documents make several shards.
  (cd "$dir" && KGB="$kgb" BLOCK=14k bash -euo pipefail recipe.sh) || fail "recipe $name failed"
  cmp "$dir/graph.json" "$tmp/want.json" || fail "recipe $name: merged shards differ from one build"
done
shards=$(ls "$tmp/parallel/shards" | wc -l)
[ "$shards" -gt 1 ] || fail "the parallel recipe made $shards shard: the test would prove nothing"
echo "scale_recipe: ok ($shards shards)"
