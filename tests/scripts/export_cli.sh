#!/usr/bin/env bash
# kgb export and kgb build share one writer: the same graph gives the same
# bytes either way; bad arguments get the documented exit codes.
source "$(dirname "$0")/export_lib.bash" "$@"

for fmt in json graphml gexf dot; do
  "$KGB" export "$TMP/g.json" --format "$fmt" -o "$TMP/x.$fmt" || fail "export $fmt"
  cmp -s "$TMP/x.$fmt" "$TMP/g.$fmt" || fail "kgb export --format $fmt differs from kgb build's"
  "$KGB" export "$TMP/g.json" -o "$TMP/y.$fmt" || fail "export by extension .$fmt"
  cmp -s "$TMP/y.$fmt" "$TMP/g.$fmt" || fail "format from extension .$fmt"
done
"$KGB" export "$TMP/g.json" --format csv -o "$TMP/x-neo" || fail "export csv"
for f in nodes.csv relationships.csv; do cmp -s "$TMP/x-neo/$f" "$TMP/neo/$f" || fail "csv $f differs"; done
"$KGB" export - --format dot -o - < "$TMP/g.json" | cmp -s - "$TMP/g.dot" || fail "stdin to stdout"

expect() {  # CODE ARGS...
  local want=$1; shift
  set +e; "$KGB" export "$@" >/dev/null 2>&1; local got=$?; set -e
  [ "$got" -eq "$want" ] || fail "kgb export $* exited $got, want $want"
}
expect 2 "$TMP/g.json" --format xml -o "$TMP/z.xml"
expect 2 "$TMP/g.json" -o "$TMP/z.unknown"
expect 2 "$TMP/g.json" --format gexf
expect 2 --format gexf -o "$TMP/z.gexf"
expect 2 "$TMP/g.json" --format csv -o -
expect 3 "$TMP/missing.json" -o "$TMP/z.gexf"
expect 3 "$TMP/g.json" -o "$TMP/no/such/dir/z.gexf"
expect 3 "$SRC/examples/README.md" -o "$TMP/z.gexf"
[ ! -e "$TMP/z.gexf" ] || fail "a failed export left a file"
expect 0 --help

# kgb build checks its export targets before it reads anything.
set +e; "$KGB" build --quiet --gexf "$TMP/no/such/dir/g.gexf" "$SRC/examples" 2>/dev/null; got=$?; set -e
[ "$got" -eq 3 ] || fail "kgb build with an unwritable --gexf exited $got, want 3"
# An export option alone does not add the default out/ files.
(cd "$TMP" && "$KGB" build --quiet --dot only.dot "$SRC/examples") || [ $? -eq 1 ] || fail "build --dot"
[ -s "$TMP/only.dot" ] && [ ! -e "$TMP/out" ] || fail "build --dot alone also wrote out/"
echo "$(basename "$0" .sh): ok"
