#!/usr/bin/env bash
# kgb query on the examples' graph: the acceptance checks of issue 4, and
# every example printed by `kgb query --help` and `kgb query COMMAND --help`
# must run. Usage: bash query_examples.sh KGB_BINARY SOURCE_DIR
set -euo pipefail
kgb=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$kgb" build --quiet --json "$tmp/ex.json" "$src/examples/" || [ $? -eq 1 ]
g=$tmp/ex.json

# Reads CSV on stdin; prints the values of column $1, one per line.
csv_column() { python3 -c '
import csv, sys
rows = list(csv.reader(sys.stdin))
header, body = rows[0], rows[1:]
for r in body:
    assert len(r) == len(header), (header, r)
    print(r[header.index(sys.argv[1])])' "$1"; }
# Reads JSON on stdin; prints the Python expression $1 over it (as `d`).
json_eval() { python3 -c 'import json, sys; d = json.load(sys.stdin); print(eval(sys.argv[1]))' "$1"; }

# neighbors 张红军 --rel met_with lists 向继贵
"$kgb" query "$g" neighbors 张红军 --rel met_with --format csv > "$tmp/n.csv"
csv_column neighbor < "$tmp/n.csv" | grep -qx 向继贵 || fail "neighbors 张红军 --rel met_with lacks 向继贵"
[ "$(csv_column relation < "$tmp/n.csv" | sort -u)" = met_with ] || fail "neighbors --rel met_with shows other relations"

# entity 中国二冶 resolves to 中国二冶集团有限公司
[ "$("$kgb" query "$g" entity 中国二冶 --format json | json_eval 'd["info"]["entity"]')" = 中国二冶集团有限公司 ] ||
  fail "entity 中国二冶 does not resolve to 中国二冶集团有限公司"

# search guochengming (and spaced pinyin) finds 郭程明
for q in guochengming "guo cheng ming"; do
  "$kgb" query "$g" search "$q" --format csv | csv_column label | grep -qx 郭程明 || fail "search $q does not find 郭程明"
done
"$kgb" query "$g" entity guo cheng ming --format json | json_eval 'd["info"]["entity"]' | grep -qx 郭程明 ||
  fail "entity 'guo cheng ming' does not resolve to 郭程明"

# path 向继贵 李海 finds a path that starts and ends there
"$kgb" query "$g" path 向继贵 李海 --format json > "$tmp/p.json"
[ "$(json_eval 'd["info"]["length"] >= 1 and len(d["rows"]) == d["info"]["length"]' < "$tmp/p.json")" = True ] ||
  fail "path 向继贵 李海 found no path"
[ "$(json_eval 'd["rows"][0]["from"] + " " + d["rows"][-1]["to"]' < "$tmp/p.json")" = "向继贵 李海" ] ||
  fail "path 向继贵 李海 does not run from 向继贵 to 李海"

# --format json parses and --format csv parses for every command
for q in "entity 郭程明" "neighbors 郑州高新区 --depth 2" "path 向继贵 李海 --all" "edges" "top --by betweenness" \
         "top --by pagerank" "stats" "search 高新区"; do
  # shellcheck disable=SC2086
  "$kgb" query "$g" $q --format json | json_eval 'len(d["rows"]) >= 0 and all(len(r) == len(d["columns"]) for r in d["rows"])' |
    grep -qx True || fail "$q --format json"
  # shellcheck disable=SC2086
  "$kgb" query "$g" $q --format csv | csv_column "$("$kgb" query "$g" $q --format json | json_eval 'd["columns"][0]')" > /dev/null ||
    fail "$q --format csv"
done

# An unknown name exits non-zero (4) with a message
set +e
"$kgb" query "$g" neighbors 没有这个人 > "$tmp/out" 2> "$tmp/err"
rc=$?
set -e
[ $rc -eq 4 ] || fail "unknown name exits $rc, not 4"
grep -q "no entity named" "$tmp/err" || fail "unknown name: no message on stderr"
[ ! -s "$tmp/out" ] || fail "unknown name: something on stdout"

# Every example in the help texts runs (ex.json is the examples' graph).
for cmd in "" entity neighbors path edges top stats search; do
  # shellcheck disable=SC2086
  "$kgb" query $cmd --help | sed -n 's/^  kgb query ex\.json //p' | sed 's/ *#.*//'
done > "$tmp/examples"
[ "$(wc -l < "$tmp/examples")" -ge 10 ] || fail "too few examples in the help texts"
while IFS= read -r line; do
  # shellcheck disable=SC2086
  "$kgb" query "$g" $line > /dev/null || fail "help example 'kgb query ex.json $line' exits $?"
done < "$tmp/examples"
echo "query_examples: ok"
