#!/usr/bin/env bash
# kgb query as a program: exit codes, messages, help, formats, on the
# hand-written fixture graph. Usage: bash query_cli.sh KGB_BINARY SOURCE_DIR
set -euo pipefail
kgb=$1
src=$2
g=$src/tests/fixtures/query_graph.json
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# expect CODE ARGS...: runs kgb query ARGS, checks the exit code; stdout and
# stderr are left in $tmp/out and $tmp/err.
expect() {
  local want=$1
  shift
  set +e
  "$kgb" query "$@" > "$tmp/out" 2> "$tmp/err"
  local rc=$?
  set -e
  [ "$rc" -eq "$want" ] || fail "kgb query $* exited $rc, expected $want ($(head -c 300 "$tmp/err"))"
}

expect 0 "$g" neighbors 王小明
grep -q 青山高新区 "$tmp/out" || fail "neighbors output lacks 青山高新区"
[ ! -s "$tmp/err" ] || fail "a successful query wrote to stderr"

expect 5 "$g" path 王小明 孤岛研究所            # no path: the answer, and exit code 5
grep -q "(no results)" "$tmp/out" || fail "no path: no '(no results)'"
grep -q "no path between 王小明 and 孤岛研究所" "$tmp/err" || fail "no path: no message"

expect 4 "$g" entity 火星人                    # unknown
grep -q 'no entity named "火星人"' "$tmp/err" || fail "unknown name: no message"
[ ! -s "$tmp/out" ] || fail "unknown name: output on stdout"
expect 4 "$g" entity 王小名                    # unknown, with a suggestion
grep -q "王小明 (n0, official)" "$tmp/err" || fail "unknown name: no suggestion"
expect 4 "$g" neighbors 青山                   # ambiguous alias
grep -q "ambiguous" "$tmp/err" && grep -q "青山市 (n13, location)" "$tmp/err" || fail "ambiguous: candidates not listed"
expect 0 "$g" neighbors location:青山
expect 4 "$g" path 王小明 lidawei              # ambiguous pinyin
expect 4 "$g" edges --from 火星人

expect 2 "$g"                                  # no command
expect 2 "$g" frobnicate
expect 2 "$g" neighbors 王小明 --depth 0
expect 2 "$g" stats --format xml
expect 2 neighbors 王小明                      # graph file missing from the line
grep -q "graph file comes first" "$tmp/err" || fail "no hint when the graph file is missing"
expect 2

expect 3 "$tmp/missing.json" stats
echo '{"nodes": 3}' > "$tmp/bad.json"
expect 3 "$tmp/bad.json" stats
echo 'not json' > "$tmp/bad.json"
expect 3 "$tmp/bad.json" stats

# Help: general and per command, exit 0, document the exit codes.
expect 0 --help
for code in 0 2 3 4 5; do grep -q "^  $code  " "$tmp/out" || fail "kgb query --help does not document exit code $code"; done
for cmd in entity neighbors path edges top stats search; do
  expect 0 "$cmd" --help
  grep -q "^usage: kgb query GRAPH.json $cmd" "$tmp/out" || fail "$cmd --help"
  grep -q "^columns: " "$tmp/out" || fail "$cmd --help lists no columns"
  expect 0 "$g" "$cmd" --help
done
"$kgb" --help | grep -q "^  query " || fail "kgb --help does not list query"

# Formats parse, and agree on the number of rows.
expect 0 "$g" edges --format json
rows_json=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["rows"]))' "$tmp/out")
expect 0 "$g" edges --format csv
rows_csv=$(python3 -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1]))); assert all(len(x)==len(r[0]) for x in r); print(len(r)-1)' "$tmp/out")
expect 0 "$g" edges --format tsv
rows_tsv=$(awk -F'\t' 'NR==1{n=NF} NF!=n{exit 1} END{print NR-1}' "$tmp/out") || fail "tsv: ragged rows"
[ "$rows_json" = 14 ] && [ "$rows_csv" = 14 ] && [ "$rows_tsv" = 14 ] ||
  fail "edges rows: json $rows_json, csv $rows_csv, tsv $rows_tsv (expected 14)"
expect 0 "$g" --format=csv search li da wei
[ "$(cut -d, -f1 "$tmp/out" | tail -n +2 | tr '\n' ' ')" = "李大伟 李大卫 " ] || fail "search li da wei: $(cat "$tmp/out")"
echo "query_cli: ok"
