#!/usr/bin/env bash
# Makes docs/viewer.png, the picture of the viewer in the README, by running
# the browser test (tests/scripts/view_browser.sh) on the examples and
# keeping its screenshot: the page of the examples in headless Chromium with
# the official the test searched for and clicked selected.
# usage: scripts/render_viewer_screenshot.sh [KGB_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
KGB_VIEW_SCREENSHOT="$PWD/docs/viewer.png" bash tests/scripts/view_browser.sh "${1:-build/kgb}" .
echo "wrote docs/viewer.png"
