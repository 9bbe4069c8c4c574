#!/usr/bin/env bash
# The HTML viewer in a real browser: headless Chromium opens the page of the
# examples (and of the invented fixture with markup in its names) with no
# network, and view_browser.py checks what a user sees: every node drawn,
# search, a click on an official showing evidence, a click on a relation, the
# relation-type and date filters. KGB_VIEW_SCREENSHOT=FILE keeps the picture
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
echo "$(basename "$0" .sh): ok"
