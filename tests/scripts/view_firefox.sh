#!/usr/bin/env bash
# The HTML viewer in Firefox: the checks of view_browser.sh (every node
# drawn, search, a mouse click on an official showing his evidence, a click
# on a relation, the relation-type and date filters, no network request, no
# script error) run in Firefox, driven over its Marionette protocol
# (kgb_firefox.py). scripts/setup.sh installs Debian's firefox-esr and xvfb;
# skipped (exit 77) where Firefox or, without a display, xvfb-run is
# missing. Firefox needs a display for WebGL (headless Firefox has no GL
# driver), so the test runs it under xvfb-run, where Mesa's llvmpipe draws.
source "$(dirname "$0")/export_lib.bash" "$@"
name=$(basename "$0" .sh)
if ! "$KGB" export "$TMP/g.json" --format html -o "$TMP/probe.html" 2>"$TMP/probe.err" &&
   grep -q "scripts/setup.sh" "$TMP/probe.err"; then
  echo "$name: skipped: kgb was built without the HTML viewer's libraries"
  exit 77
fi
if ! command -v firefox-esr >/dev/null && ! command -v firefox >/dev/null; then
  echo "$name: skipped: no firefox (apt-get install firefox-esr xvfb to run it)"
  exit 77
fi
display=()
if [ -z "${DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null || { echo "$name: skipped: no display and no xvfb-run (apt-get install xvfb)"; exit 77; }
  display=(xvfb-run -a -s "-screen 0 1600x1000x24")
fi
/usr/bin/python3 -c 'import websocket' 2>/dev/null || fail "python3-websocket missing (scripts/setup.sh installs it)"

(cd "$SRC" && "$KGB" build --quiet --json "$TMP/ex.json" examples/) || [ $? -eq 1 ] || fail "kgb build"
"$KGB" export "$TMP/ex.json" -o "$TMP/view.html" || fail "kgb export html"
# The Firefox profile lives in $TMP, which export_lib.bash removes.
export TMPDIR="$TMP"
"${display[@]}" /usr/bin/python3 "$SRC/tests/scripts/view_browser.py" --browser firefox "$TMP/ex.json" "$TMP/view.html" \
  || fail "examples page in Firefox"
"$KGB" export "$TRICKY" -o "$TMP/tricky.html" || fail "kgb export html (fixture)"
"${display[@]}" /usr/bin/python3 "$SRC/tests/scripts/view_browser.py" --browser firefox --tricky "$TRICKY" "$TMP/tricky.html" \
  || fail "fixture page in Firefox"
echo "$name: ok"
