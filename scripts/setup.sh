#!/usr/bin/env bash
# Installs what kgb needs to build and test, from Debian packages, and the
# HTML viewer's browser libraries from npm (web/package-lock.json, `npm ci`).
# Idempotent: packages already present are not touched. Runs apt-get through
# sudo when not root.
set -euo pipefail

packages=(
  g++ cmake make pkg-config            # toolchain
  libboost-graph-dev rapidjson-dev libicu-dev catch2   # libraries
  libpoppler-cpp-dev libgumbo-dev libzip-dev libxml2-dev  # PDF, HTML and DOCX readers
  python3 python3-networkx python3-igraph graphviz libxml2-utils  # readers used by the export tests
  parallel                              # the map/reduce recipe test
  python3-jieba                         # the word layer's dictionary (read at build time)
  libopencc-dev                         # Traditional -> Simplified with phrases (OpenCC; its t2s dictionaries are embedded at build time)
  python3-distributed                   # scripts/kgb-dask.py (Dask) and its test
  clang libclang-rt-14-dev              # fuzz targets and sanitizers
  chromium python3-websocket fonts-wqy-microhei  # the viewer's browser test (headless, DevTools protocol)
  firefox-esr xvfb xauth                # the viewer in Firefox (Marionette, on a virtual display)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node and npm fetch the viewer's libraries; any install of them will do
# (Debian 12's nodejs 18 and npm 9, or a newer node that brings its own npm).
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

web_libraries() {
  local web
  web="$(cd "$(dirname "$0")/.." && pwd)/web"
  # web/node_modules/.kgb-lock is the lock file npm ci last installed.
  if cmp -s "$web/package-lock.json" "$web/node_modules/.kgb-lock" 2>/dev/null; then
    return 0
  fi
  echo "setup: installing the viewer's libraries (npm ci in web/)" >&2
  if ! (cd "$web" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null &&
        cp package-lock.json node_modules/.kgb-lock); then
    # Everything else works without them: kgb builds, `--format html` says
    # what is missing, and the viewer's tests report themselves skipped.
    echo "setup: WARNING: npm could not fetch the viewer's libraries (see above);" \
         "kgb builds without the HTML viewer. Run scripts/setup.sh again where" \
         "the npm registry is reachable, then cmake again." >&2
  fi
  return 0
}

if [ ${#missing[@]} -eq 0 ]; then
  web_libraries
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "setup: need root (or sudo) to install: ${missing[*]}" >&2
    exit 1
  fi
fi
echo "setup: installing ${missing[*]}" >&2
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
web_libraries
