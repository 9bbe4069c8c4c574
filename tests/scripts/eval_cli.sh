#!/usr/bin/env bash
# kgb eval end to end: arguments, exit codes, the summary line last, --misses,
# --json, standard input, and kgb build's own JSON as input.
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

# kgb build's own output is a graph kgb eval reads.
"$kgb" build --quiet --json "$tmp/g.json" "$src/examples" || [ $? -eq 1 ] || fail "kgb build"
"$kgb" eval "$tmp/g.json" "$fx/gold" > "$tmp/built.txt" || fail "eval of a built graph"
tail -n 1 "$tmp/built.txt" | grep -Eq '^entity F1 [01]\.[0-9]{3}  relation F1 [01]\.[0-9]{3}$' || fail "built summary"
echo "eval_cli: ok"
