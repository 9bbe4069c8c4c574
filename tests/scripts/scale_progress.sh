#!/usr/bin/env bash
# Progress (docs/scale.md): shown on stderr when it is a terminal, never when
# it is redirected, nor with --quiet. `script` gives the build a terminal.
# Usage: bash scale_progress.sh KGB_BINARY SOURCE_DIR
set -euo pipefail
kgb=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v script >/dev/null || fail "script (util-linux) is missing"

inputs=("$src"/examples/*.txt "$src"/tests/fixtures/scale/*.txt)
n=${#inputs[@]}
quoted=$(printf "'%s' " "${inputs[@]}")

"$kgb" build --json "$tmp/g.json" "${inputs[@]}" > "$tmp/out" 2> "$tmp/err"
grep -q "files" "$tmp/err" && fail "progress written to a redirected stderr"
grep -q "read $n documents" "$tmp/out" || fail "no summary on stdout"

script -qec "'$kgb' build --json '$tmp/g.json' $quoted" /dev/null < /dev/null > "$tmp/tty" 2>&1
grep -q "kgb build: [0-9]*/$n files, .* MB" "$tmp/tty" || fail "no progress on a terminal: $(cat -v "$tmp/tty")"
grep -q "read $n documents" "$tmp/tty" || fail "no summary on a terminal"

script -qec "'$kgb' build --quiet --json '$tmp/g.json' $quoted" /dev/null < /dev/null > "$tmp/quiet" 2>&1
[ ! -s "$tmp/quiet" ] || fail "--quiet printed on a terminal: $(cat -v "$tmp/quiet")"
echo "scale_progress: ok"
