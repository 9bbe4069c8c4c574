#!/usr/bin/env bash
# Builds the throughput corpus of docs/scale.md from plain-text sources.
#
#   bench/make_corpus.sh SOURCE_DIR OUT_DIR [COPIES]
#
# The SOURCE_DIR/*.txt files (one sentence or paragraph a line, UTF-8), taken
# in sorted order, are joined and cut into PARTS (default 20) line-aligned
# files; OUT_DIR/1x holds these parts and OUT_DIR/10x/copyNN/ holds COPIES
# (default 10) copies of them: ten times the text with the same entities.
# With the three NER test texts of the shared corpus (about 1.5 MB) this gives
# 20 files (1.5 MB) and 200 files (15 MB).
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 SOURCE_DIR OUT_DIR [COPIES]" >&2
  exit 2
fi
src=$1
out=$2
copies=${3:-10}
parts=${PARTS:-20}
shopt -s nullglob
sources=("$src"/*.txt)
if [ ${#sources[@]} -eq 0 ]; then
  echo "$0: no .txt files in $src" >&2
  exit 1
fi
rm -rf "$out"
mkdir -p "$out/parts"
# l/N cuts into N parts without splitting lines.
cat "${sources[@]}" >"$out/all.txt"
split -n "l/$parts" -d -a 3 --additional-suffix=.txt "$out/all.txt" "$out/parts/part_"
rm "$out/all.txt"
mkdir -p "$out/1x"
cp "$out"/parts/*.txt "$out/1x/"
for ((c = 0; c < copies; c++)); do
  d=$(printf '%s/10x/copy%02d' "$out" "$c")
  mkdir -p "$d"
  cp "$out"/parts/*.txt "$d/"
done
rm -rf "$out/parts"
n1=$(find "$out/1x" -type f | wc -l)
nx=$(find "$out/10x" -type f | wc -l)
echo "$out/1x: $n1 files, $(du -sb "$out/1x" | cut -f1) bytes" >&2
echo "$out/10x: $nx files, $(du -sb "$out/10x" | cut -f1) bytes" >&2
