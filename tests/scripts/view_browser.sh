#!/usr/bin/env bash
# The HTML viewer in a real browser: headless Chromium opens the page of the
# examples (and of the invented fixture with markup in its names) with no
# network, and view_browser.py checks what a user sees: every node drawn,
# search, a click on an official showing evidence, a click on a relation, the
# relation-type and date filters; and the page of a graph over 5,000 entities,
# drawn the way large graphs are. KGB_VIEW_SCREENSHOT=FILE keeps the picture
# (scripts/render_viewer_screenshot.sh makes docs/viewer.png this way).
source "$(dirname "$0")/export_lib.bash" "$@"
# Built without the viewer's npm libraries (scripts/setup.sh could not reach
# the registry): kgb refuses --format html with a pointer to set-up; skip.
if ! "$KGB" export "$TMP/g.json" --format html -o "$TMP/probe.html" 2>"$TMP/probe.err" &&
   grep -q "scripts/setup.sh" "$TMP/probe.err"; then
  echo "$(basename "$0" .sh): skipped: kgb was built without the HTML viewer's libraries"
  exit 77
fi
command -v chromium >/dev/null || fail "chromium missing (scripts/setup.sh installs it)"
/usr/bin/python3 -c 'import websocket' 2>/dev/null || fail "python3-websocket missing (scripts/setup.sh installs it)"

# Built from the repository with relative paths, as a user would, so that the
# documents in the panel (and the screenshot) read examples/....
(cd "$SRC" && "$KGB" build --quiet --json "$TMP/ex.json" examples/) || [ $? -eq 1 ] || fail "kgb build"
"$KGB" export "$TMP/ex.json" -o "$TMP/view.html" || fail "kgb export html"
/usr/bin/python3 "$SRC/tests/scripts/view_browser.py" "$TMP/ex.json" "$TMP/view.html" \
  --screenshot "${KGB_VIEW_SCREENSHOT:-$TMP/view.png}" || fail "examples page"
[ -s "${KGB_VIEW_SCREENSHOT:-$TMP/view.png}" ] || fail "no screenshot"

"$KGB" export "$TRICKY" -o "$TMP/tricky.html" || fail "kgb export html (fixture)"
/usr/bin/python3 "$SRC/tests/scripts/view_browser.py" "$TRICKY" "$TMP/tricky.html" --tricky || fail "fixture page"
# A graph over the viewer's "large" threshold (5,000 entities), drawn the way
# a 20,000-entity graph is (bench/view_bench.sh times that one): a ring of
# invented entities.
/usr/bin/python3 - "$TMP/large.json" <<'PYEOF'
import json, sys
n = 5001
types = ["official", "organization", "park", "project", "location"]
def label(i):
    return ("林致远%d" % i, "华创科技%d有限公司" % i, "江州%d号产业园" % i, "江州%d号项目" % i, "江州%d区" % i)[i % 5]
nodes = [{"id": "n%d" % i, "label": label(i), "type": types[i % 5], "aliases": [], "mentions": 1 + i % 7}
         for i in range(n)]
edges = [{"source": "n%d" % i, "target": "n%d" % ((i + 1) % n), "type": "met_with", "symmetric": True, "weight": 1,
          "date": "2024-05-%02d" % (1 + i % 28),
          "evidence": [{"doc": "d%d.txt" % (i % 50), "start": 0, "end": 30,
                        "sentence": "%s与%s举行会谈。" % (label(i), label((i + 1) % n))}]} for i in range(n)]
json.dump({"format": "kgb-graph", "version": 1, "nodes": nodes, "edges": edges}, open(sys.argv[1], "w"),
          ensure_ascii=False)
PYEOF
"$KGB" export "$TMP/large.json" -o "$TMP/large.html" || fail "kgb export html (large)"
/usr/bin/python3 "$SRC/tests/scripts/view_browser.py" "$TMP/large.json" "$TMP/large.html" --large || fail "large page"
echo "$(basename "$0" .sh): ok"
