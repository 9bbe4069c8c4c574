#!/usr/bin/env bash
# kgb eval end to end: arguments, exit codes, the summary line last, --misses,
# --json, --by-doc, standard input, and kgb build's own JSON as input.
# Usage: bash eval_cli.sh KGB_BINARY SOURCE_DIR
set -euo pipefail
kgb=$1
src=$2
fx=$src/tests/fixtures/eval
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# Figures from the reference scorer on the same fixture files.
"$kgb" eval "$fx/graphs/edges.json" "$fx/gold" > "$tmp/out.txt" || fail "exit code $?"
[ "$(tail -n 1 "$tmp/out.txt")" = "entity F1 0.875  relation F1 0.625" ] || fail "summary: $(tail -n 1 "$tmp/out.txt")"
grep -q '^  located_in           1    3    1  0.250  0.500  0.333$' "$tmp/out.txt" || fail "located_in row"
grep -q 'missed' "$tmp/out.txt" && fail "misses listed without --misses"

# --graph FILE and GOLD files instead of a folder give the same report.
"$kgb" eval --graph "$fx/graphs/edges.json" "$fx/gold/a.json" "$fx/gold/b.json" > "$tmp/out2.txt"
cmp -s "$tmp/out.txt" "$tmp/out2.txt" || fail "--graph / file list differ from the folder form"

# Standard input.
"$kgb" eval - "$fx/gold" < "$fx/graphs/edges.json" > "$tmp/out3.txt"
cmp -s "$tmp/out.txt" "$tmp/out3.txt" || fail "standard input differs"

# --misses: both lists, summary still last.
"$kgb" eval --misses "$fx/graphs/edges.json" "$fx/gold" > "$tmp/misses.txt"
grep -q '^missed (in gold, not in graph):$' "$tmp/misses.txt" || fail "no misses heading"
grep -q '^  edge    holds_position    苏明哲 -> 北辰数据科技有限公司$' "$tmp/misses.txt" || fail "missed edge not listed"
grep -q '^  entity  organization  无名公司$' "$tmp/misses.txt" || fail "false positive not listed"
[ "$(tail -n 1 "$tmp/misses.txt")" = "entity F1 0.875  relation F1 0.625" ] || fail "--misses summary"

# --json.
"$kgb" eval --json "$fx/graphs/perfect.json" "$fx/gold" > "$tmp/out.json"
grep -q '^ "entity_f1": 1.0,$' "$tmp/out.json" || fail "json entity_f1"
if command -v python3 >/dev/null 2>&1; then
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["relations"]["met_with"]["tp"] == 1, d' \
    "$tmp/out.json" || fail "json does not read back"
fi

# Errors: usage 2, unusable input 3, with a message naming the file.
set +e
"$kgb" eval "$fx/graphs/edges.json" > /dev/null 2>&1; [ $? -eq 2 ] || fail "missing GOLD is not a usage error"
"$kgb" eval --frobnicate a b > /dev/null 2>&1; [ $? -eq 2 ] || fail "unknown option is not a usage error"
"$kgb" eval "$fx/graphs/edges.json" "$tmp/none" 2> "$tmp/err.txt" > /dev/null; rc=$?
[ $rc -eq 3 ] || fail "missing gold gives $rc"
grep -q "$tmp/none" "$tmp/err.txt" || fail "error does not name the gold path"
printf '{"nodes": [' > "$tmp/broken.json"
"$kgb" eval "$tmp/broken.json" "$fx/gold" 2> "$tmp/err.txt" > /dev/null; rc=$?
[ $rc -eq 3 ] || fail "broken graph gives $rc"
grep -q "broken.json" "$tmp/err.txt" || fail "error does not name the graph"
set -e

# --by-doc: one line per gold file, then the same report; misses by page.
"$kgb" eval --by-doc "$fx/graphs/bydoc.json" "$fx/gold" > "$tmp/bydoc.txt" || fail "--by-doc exit code $?"
"$kgb" eval "$fx/graphs/bydoc.json" "$fx/gold" > "$tmp/whole.txt"
grep -q '^a             6    0    0  1.000      4    0    1  0.889$' "$tmp/bydoc.txt" || fail "--by-doc line of a"
grep -q '^b             4    1    1  0.800      2    1    1  0.667$' "$tmp/bydoc.txt" || fail "--by-doc line of b"
[ "$(tail -n 1 "$tmp/bydoc.txt")" = "entity F1 0.875  relation F1 0.769" ] || fail "--by-doc summary"
tail -n "$(wc -l < "$tmp/whole.txt")" "$tmp/bydoc.txt" | cmp -s - "$tmp/whole.txt" || fail "--by-doc changed the report"
"$kgb" eval --by-doc --misses "$fx/graphs/bydoc.json" "$fx/gold" > "$tmp/bydoc-misses.txt"
sed -n '/^== b$/,$p' "$tmp/bydoc-misses.txt" | grep -q '^  entity  location      云溪市$' || fail "miss not under its page"
[ "$(tail -n 1 "$tmp/bydoc-misses.txt")" = "entity F1 0.875  relation F1 0.769" ] || fail "--by-doc --misses summary"
"$kgb" eval --by-doc --json "$fx/graphs/bydoc.json" "$fx/gold" > "$tmp/bydoc.json"
if command -v python3 >/dev/null 2>&1; then
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [x["doc"] for x in d["documents"]] == ["a", "b"], d; assert d["documents"][1]["entities"]["fp"] == 1, d' \
    "$tmp/bydoc.json" || fail "--by-doc json"
fi
# A graph without per-document information: a clear message, exit code 2.
set +e
"$kgb" eval --by-doc "$fx/graphs/edges.json" "$fx/gold" > /dev/null 2> "$tmp/err.txt"; rc=$?
set -e
[ $rc -eq 2 ] || fail "--by-doc on a foreign graph gives $rc"
grep -q 'no per-document information' "$tmp/err.txt" || fail "--by-doc message: $(cat "$tmp/err.txt")"

# kgb build's own output is a graph kgb eval reads.
"$kgb" build --quiet --json "$tmp/g.json" "$src/examples" || [ $? -eq 1 ] || fail "kgb build"
"$kgb" eval "$tmp/g.json" "$fx/gold" > "$tmp/built.txt" || fail "eval of a built graph"
tail -n 1 "$tmp/built.txt" | grep -Eq '^entity F1 [01]\.[0-9]{3}  relation F1 [01]\.[0-9]{3}$' || fail "built summary"
# ... also by document: an example page built under the name a.txt is the
# page of gold/a.json (which annotates other names: its nodes are spurious);
# no page b.txt was built.
mkdir "$tmp/pages"
cp "$(ls "$src"/examples/*.txt | head -n 1)" "$tmp/pages/a.txt"
"$kgb" build --quiet --json "$tmp/a.json" "$tmp/pages" "$src/examples" || [ $? -eq 1 ] || fail "kgb build of a.txt"
"$kgb" eval --by-doc "$tmp/a.json" "$fx/gold" > "$tmp/built-bydoc.txt" || fail "--by-doc of a built graph"
grep -Eq '^a +0 +[1-9][0-9]* +6 +0\.000 +0 +[0-9]+ +5 +0\.000$' "$tmp/built-bydoc.txt" || fail "--by-doc of a built graph: page a"
grep -q '^b .*(not in the graph)$' "$tmp/built-bydoc.txt" || fail "--by-doc of a built graph: page b"
"$kgb" eval "$tmp/a.json" "$fx/gold" | tail -n 1 | cmp -s - <(tail -n 1 "$tmp/built-bydoc.txt") || fail "--by-doc of a built graph: summary"
echo "eval_cli: ok"
