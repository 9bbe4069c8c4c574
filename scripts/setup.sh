#!/usr/bin/env bash
# Installs what kgb needs to build and test, from Debian packages. Idempotent:
# packages already present are not touched. Runs apt-get through sudo when not
# root.
set -euo pipefail

packages=(
  g++ cmake make pkg-config            # toolchain
  libboost-graph-dev rapidjson-dev libicu-dev catch2   # libraries
  python3 python3-networkx python3-igraph graphviz libxml2-utils  # readers used by the export tests
  parallel                              # the map/reduce recipe test
  python3-jieba                         # the word layer's dictionary (read at build time)
  python3-distributed                   # scripts/kgb-dask.py (Dask) and its test
  clang libclang-rt-14-dev              # fuzz targets and sanitizers
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
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
