# Shared set-up of the export_*.sh tests (sourced; not a test itself).
# Usage: source export_lib.bash KGB_BINARY SOURCE_DIR
# Sets KGB, SRC, TMP (removed on exit), PY (a python3 that has networkx and
# igraph: Debian's, which scripts/setup.sh installs them for) and builds the
# examples' graph into $TMP/g.{json,graphml,gexf,dot} and $TMP/neo/.
set -euo pipefail
KGB=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=$(cd "$2" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
PY=python3
if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import networkx, igraph' 2>/dev/null; then PY=/usr/bin/python3; fi
SCHEMA="$SRC/tests/fixtures/gexf-1.3/gexf.xsd"
TRICKY="$SRC/tests/fixtures/export/tricky.json"

fail() { echo "FAIL: $*" >&2; exit 1; }

"$KGB" build --quiet --json "$TMP/g.json" --graphml "$TMP/g.graphml" --gexf "$TMP/g.gexf" \
  --csv "$TMP/neo" --dot "$TMP/g.dot" "$SRC/examples" || [ $? -eq 1 ] || fail "kgb build"
for f in g.json g.graphml g.gexf g.dot neo/nodes.csv neo/relationships.csv; do
  [ -s "$TMP/$f" ] || fail "kgb build wrote no $f"
done
# The invented fixture with quotes, markup, ";" and line breaks in its names.
mkdir -p "$TMP/tricky"
for fmt in graphml gexf dot; do
  "$KGB" export "$TRICKY" --format "$fmt" -o "$TMP/tricky/g.$fmt" || fail "kgb export $fmt"
done
"$KGB" export "$TRICKY" --format csv -o "$TMP/tricky/neo" || fail "kgb export csv"
