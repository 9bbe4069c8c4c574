#!/usr/bin/env bash
# Sharded and incremental builds (docs/scale.md): three shards merged in two
# different orders and groupings equal one build byte for byte; a graph
# merged with itself is itself; graphs sharing only some documents are
# refused; --into equals a full build and a re-run of it changes nothing.
# Usage: bash scale_merge.sh KGB_BINARY SOURCE_DIR
set -euo pipefail
kgb=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

ex=("$src"/examples/*.txt)
fx=("$src"/tests/fixtures/scale/*.txt)
[ ${#ex[@]} -eq 3 ] && [ ${#fx[@]} -eq 3 ] || fail "expected 3 example pages and 3 fixtures"
s1=("${ex[0]}" "${fx[0]}")
s2=("${ex[1]}" "${fx[1]}")
s3=("${ex[2]}" "${fx[2]}")
all=("${s1[@]}" "${s2[@]}" "${s3[@]}")

"$kgb" build --quiet --json "$tmp/full.json" "${all[@]}"
"$kgb" build --quiet --threads 1 --json "$tmp/full1.json" "${all[@]}"
"$kgb" build --quiet --threads 2 --json "$tmp/full2.json" "${all[@]}"
cmp "$tmp/full.json" "$tmp/full1.json" || fail "--threads 1 differs from the default"
cmp "$tmp/full.json" "$tmp/full2.json" || fail "--threads 2 differs from the default"
grep -q '"documents"' "$tmp/full.json" || fail "no document list in the graph"
edges=$(grep -c '"source"' "$tmp/full.json" || true)
[ "$edges" -gt 0 ] || fail "the full build has no edges: the test would prove nothing"

"$kgb" build --quiet --json "$tmp/s1.json" "${s1[@]}"
"$kgb" build --quiet --json "$tmp/s2.json" "${s2[@]}"
"$kgb" build --quiet --json "$tmp/s3.json" "${s3[@]}"
cmp -s "$tmp/s1.json" "$tmp/full.json" && fail "a shard equals the full build: the test would prove nothing"

# Order 1: all three at once.
"$kgb" merge --quiet -o "$tmp/m123.json" "$tmp/s1.json" "$tmp/s2.json" "$tmp/s3.json"
cmp "$tmp/m123.json" "$tmp/full.json" || fail "merge s1 s2 s3 differs from one build"
# Order 2: another order, and a merge of a merge.
"$kgb" merge --quiet -o "$tmp/m32.json" "$tmp/s3.json" "$tmp/s2.json"
"$kgb" merge --quiet -o "$tmp/m321.json" "$tmp/m32.json" "$tmp/s1.json"
cmp "$tmp/m321.json" "$tmp/full.json" || fail "merge (s3 s2) s1 differs from one build"
# Standard input as one of the graphs.
"$kgb" merge --quiet -o "$tmp/mstdin.json" "$tmp/s2.json" - "$tmp/s1.json" < "$tmp/s3.json"
cmp "$tmp/mstdin.json" "$tmp/full.json" || fail "merge with - differs from one build"

# A graph merged with itself, or with a shard of itself, is itself.
"$kgb" merge --quiet -o "$tmp/self.json" "$tmp/full.json" "$tmp/full.json"
cmp "$tmp/self.json" "$tmp/full.json" || fail "merge of a graph with itself changed it"
"$kgb" merge --quiet -o "$tmp/self2.json" "$tmp/s2.json" "$tmp/full.json"
cmp "$tmp/self2.json" "$tmp/full.json" || fail "merge of a graph with its own shard changed it"

# Shards sharing only some documents are refused (exit 2), naming a document.
"$kgb" build --quiet --json "$tmp/s12.json" "${s1[@]}" "${s2[@]}"
"$kgb" build --quiet --json "$tmp/s23.json" "${s2[@]}" "${s3[@]}"
set +e
"$kgb" merge -o "$tmp/bad.json" "$tmp/s12.json" "$tmp/s23.json" 2> "$tmp/err"
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "partial overlap: exit $rc, want 2"
grep -q "share document" "$tmp/err" || fail "partial overlap: no explanation on stderr"
[ ! -e "$tmp/bad.json" ] || fail "partial overlap: an output was written"

# --into: a missing graph starts empty; adding the rest equals one build.
"$kgb" build --quiet --into "$tmp/into.json" "${s1[@]}"
"$kgb" build --quiet --into "$tmp/into.json" "${s2[@]}" "${s3[@]}"
cmp "$tmp/into.json" "$tmp/full.json" || fail "--into differs from a full build"
# Re-running --into with the same (and already added) inputs changes nothing:
# no mention is counted twice, no weight changes.
cp "$tmp/into.json" "$tmp/before.json"
"$kgb" build --into "$tmp/into.json" "${all[@]}" > "$tmp/out"
cmp "$tmp/into.json" "$tmp/before.json" || fail "re-running --into changed the graph"
grep -q "6 documents already in the graph" "$tmp/out" || fail "--into re-run: no note of the documents not added"
# --into with --json writes elsewhere and leaves the graph alone.
cp "$tmp/s1.json" "$tmp/s1.before.json"
"$kgb" build --quiet --json "$tmp/s12b.json" --into "$tmp/s1.json" "${s2[@]}"
cmp "$tmp/s12b.json" "$tmp/s12.json" || fail "--into G --json OUT differs from a build of both"
cmp "$tmp/s1.json" "$tmp/s1.before.json" || fail "--into with --json rewrote the input graph"
echo "scale_merge: ok"
