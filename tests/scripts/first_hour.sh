#!/usr/bin/env bash
# The mistakes of a first hour with kgb, each with the answer it must get:
# the exit code and a part of the message (stderr and stdout together).
# Usage: bash first_hour.sh KGB_BINARY SOURCE_DIR
set -euo pipefail
KGB=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=$(cd "$2" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$TMP"

g=$SRC/tests/fixtures/query_graph.json   # 王小明 ... 孤岛研究所 (isolated)
page=$SRC/tests/fixtures/good_page.txt   # one invented news page
: > empty.txt

# expect CODE SAYS ARGS...: kgb ARGS exits CODE and its output contains SAYS.
expect() {
  local want=$1 says=$2
  shift 2
  set +e
  "$KGB" "$@" > out.txt 2> err.txt
  local rc=$?
  set -e
  [ "$rc" -eq "$want" ] || fail "kgb $* exited $rc, expected $want: $(head -c 400 err.txt)"
  cat out.txt err.txt | grep -qF -- "$says" || fail "kgb $* does not say \"$says\": $(head -c 400 err.txt)"
}

#      code  says                                                      kgb arguments
# A typo in a command gets the closest one; an input without a command, the command.
expect 2 "unknown command 'biuld'; did you mean 'kgb build'?"          biuld "$page"
expect 2 "did you mean 'kgb query'?"                                    qeury "$g" stats
expect 2 "unknown command 'frobnicate'"                                 frobnicate
expect 2 "to build a graph from it, run: kgb build $page"               "$page"
expect 2 "to ask a graph, run: kgb query $g stats"                      "$g"
expect 2 "unknown query command 'neighbours'; did you mean 'neighbors'?" query "$g" neighbours 王小明
expect 2 "the graph file comes first: kgb query GRAPH.json neighbors"   query neighbours 王小明
expect 2 "unknown option --rels; did you mean '--rel'?"                 query "$g" neighbors 王小明 --rels met_with
expect 2 "unknown option --jsno; did you mean '--json'?"                build --jsno g.json "$page"
expect 2 "unknown option --fromat; did you mean '--format'?"            export "$g" --fromat gexf -o g.gexf
# A page where a graph belongs: say so, and how to make one; the JSON error is the detail.
expect 3 "good_page.txt is not a kgb graph: run \`kgb build --json graph.json $page\` first" query "$page" stats
expect 3 "(detail: $page: not valid JSON (line 1"                       query "$page" stats
expect 3 "is not a kgb graph: run \`kgb build"                          export "$page" -o g.gexf
expect 3 "each GRAPH must be a kgb graph"                               merge -o m.json "$page"
expect 3 "no such file"                                                 query missing.json stats
# -o names a folder; a file name there is a usage error that shows --json FILE.
expect 2 "use: kgb build --json out.json INPUT..."                      build -o out.json "$page"
[ ! -e out.json ] || fail "-o out.json made $(ls -ld out.json)"
expect 2 "use: kgb build --graphml g.graphml INPUT..."                  build -o g.graphml "$page"
[ ! -e g.graphml ] || fail "-o g.graphml made something"
mkdir folder.json
expect 0 "wrote folder.json/graph.json"                                 build -o folder.json "$page"
# No path is its own exit code, and says so.
expect 5 "no path between 王小明 and 孤岛研究所"                        query "$g" path 王小明 孤岛研究所
grep -q "^length: -1" out.txt || fail "no path: the answer is not printed"
expect 5 "no path between"                                              query "$g" path 王小明 孤岛研究所 --format json
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["info"]["length"] == -1' out.txt || fail "no path: json"
expect 0 ""                                                             query "$g" path 王小明 李大伟
expect 4 "no entity named \"火星人\""                                   query "$g" path 王小明 火星人
# Impossible dates and empty date ranges.
expect 2 "--since takes a date YYYY, YYYY-MM or YYYY-MM-DD, not '2023-02-29'" query "$g" edges --since 2023-02-29
expect 2 "not '2023-13'"                                                query "$g" edges --until 2023-13
expect 2 "not '2021-04-31'"                                             query "$g" edges --since 2021-04-31
expect 2 "--since 2023-05 is after --until 2023-04"                     query "$g" edges --since 2023-05 --until 2023-04
expect 0 ""                                                             query "$g" edges --since 2024-02-29
# Counts agree in number.
expect 0 "read 1 document ("                                            build --json one.json "$page"
expect 1 "skipped 1 input (named above)"                                build --json two.json "$page" empty.txt
expect 0 "merged 1 graph (1 document): "                                merge -o m.json one.json
grep -qE "(^|[^0-9])1 (documents|graphs|inputs|edges|entities)\b" out.txt err.txt && fail "a count of 1 in the plural: $(cat out.txt)"
# Flavors take known names only; GraphML has none.
expect 2 "--gexf-flavor takes gephi or networkx, not 'nx'"             build --gexf g.gexf --gexf-flavor nx "$page"
expect 2 "--flavor applies to gexf only"                                export "$g" --flavor networkx -o g.graphml
# The version, and every exit code in the help.
expect 0 "kgb "                                                         --version
grep -qE '^kgb [0-9]+\.[0-9]+\.[0-9]+ ' out.txt || fail "kgb --version: $(cat out.txt)"
expect 0 "exit codes:"                                                  --help
for code in 0 1 2 3 4 5; do grep -q "^  $code  " out.txt || fail "kgb --help does not document exit code $code"; done
echo "first_hour: ok"
