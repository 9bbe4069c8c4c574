#!/usr/bin/env bash
# End-to-end check of issue 7: `kgb build` on a folder mixing good pages
# (GB18030, UTF-16 without BOM, UTF-8 with BOM and CRLF) with bad inputs
# (binary, random, a damaged PDF, empty, white space, NUL-laden, a long single line,
# dangling, looping and folder links). Checks the messages, the skipped-count
# summary, exit codes, that every good page's entities are in the graph, that
# stdin/stdout closed and bad output paths are clear errors, that `kgb query`
# and `kgb export` reject truncated and non-graph files with a message, and
# that killing a build (or a build with nothing to read) leaves the previous
# output whole.
#
# usage: bash bad_inputs.sh KGB_BINARY SOURCE_DIR
set -u
kgb=$1
src=$2
fixtures=$src/tests/fixtures
tmp=$(mktemp -d)
trap '[ -n "${KEEP_TMP:-}" ] || rm -rf "$tmp"' EXIT
cd "$tmp"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
labels() {  # the node labels of a graph file, one a line, sorted
  python3 -c 'import json,sys; print("\n".join(sorted(n["label"] for n in json.load(open(sys.argv[1]))["nodes"])))' "$1"
}
valid_graph() {
  python3 -c 'import json,sys; g=json.load(open(sys.argv[1])); assert g["format"]=="kgb-graph"' "$1" 2>/dev/null
}

# --- the reference: each good page alone, in UTF-8 ---------------------------
mkdir ref
for p in good_page variant_page third_page; do
  "$kgb" build --quiet --threads 1 --json ref/$p.json "$fixtures/$p.txt" || fail "reference build of $p"
  labels ref/$p.json > ref/$p.labels
  [ -s ref/$p.labels ] || fail "reference page $p yields no entities"
done

# --- the mixed folder ---------------------------------------------------------
mkdir -p in/sub
iconv -f UTF-8 -t GB18030 "$fixtures/variant_page.txt" > in/gbk.txt
iconv -f UTF-8 -t UTF-16LE "$fixtures/good_page.txt" > in/utf16.txt
printf '\xef\xbb\xbf' > in/sub/bom_crlf.txt
sed 's/$/\r/' "$fixtures/third_page.txt" >> in/sub/bom_crlf.txt
head -c 65536 "$kgb" > in/program.txt
python3 -c 'import random,sys; random.seed(7); sys.stdout.buffer.write(bytes(random.getrandbits(8) for _ in range(65536)))' > in/random.txt
printf '%%PDF-1.5\n%%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\n' > in/report.pdf.txt
: > in/empty.txt
printf ' \n\t\n\r\n' > in/blank.txt
python3 -c 'import sys; sys.stdout.buffer.write(("正文" + "\0" * 9) .encode("utf-8") * 2000)' > in/nul_laden.txt
python3 -c 'import sys; sys.stdout.write("的" * ((5 << 20) // 3))' > in/one_line.txt
ln -s does_not_exist.txt in/dangling.txt
ln -s loop_b in/loop_a
ln -s loop_a in/loop_b
ln -s .. in/sub/up

declare -A reason=(
  [in/program.txt]="binary content (ELF program), not text"
  [in/random.txt]="binary content, not text"
  [in/report.pdf.txt]="damaged PDF that poppler cannot open"
  [in/empty.txt]="empty file"
  [in/blank.txt]="no text"
  [in/nul_laden.txt]="binary content, not text"
  [in/dangling.txt]="dangling symbolic link"
  [in/loop_a]="symbolic link loop"
  [in/loop_b]="symbolic link loop"
  [in/sub/up]="symbolic link loop"
)
nbad=${#reason[@]}

"$kgb" build --threads 2 --json out.json in > build.out 2> build.err
rc=$?
[ $rc -eq 1 ] || fail "mixed folder: exit code $rc, expected 1 (some inputs skipped)"
valid_graph out.json || fail "mixed folder: no valid graph written"
for input in "${!reason[@]}"; do
  grep -qF "kgb build: skipped $input: ${reason[$input]}" build.err ||
    fail "no message 'skipped $input: ${reason[$input]}'"
done
[ "$(grep -c '^kgb build: skipped in/' build.err)" -eq "$nbad" ] || fail "expected exactly $nbad skip messages"
grep -qF "kgb build: skipped $nbad inputs (named above)" build.err || fail "no summary 'skipped $nbad inputs'"
grep -qF "read 4 documents" build.out || fail "expected 4 documents read (3 good pages and the long line)"
grep -qF "skipped $nbad inputs" build.out || fail "stdout summary lacks the skipped count"
labels out.json > out.labels
for p in good_page variant_page third_page; do
  missing=$(comm -23 ref/$p.labels out.labels)
  [ -z "$missing" ] || fail "entities of $p lost in the mixed build: $missing"
done
if [ $failures -gt 0 ]; then cat build.err >&2; fi

# --- closed standard streams --------------------------------------------------
"$kgb" build --json closed.json - <&- 2> stdin.err
rc=$?
[ $rc -eq 3 ] || fail "closed stdin: exit code $rc, expected 3"
grep -qF "skipped -: standard input is closed" stdin.err || fail "closed stdin: no message"
"$kgb" build --quiet --json - "$fixtures/good_page.txt" >&- 2> stdout.err
rc=$?
[ $rc -eq 3 ] || fail "closed stdout: exit code $rc, expected 3"
grep -qF "standard output is closed" stdout.err || fail "closed stdout: no message"

# --- bad output paths are errors before any work ------------------------------
"$kgb" build --json no_such_dir/g.json in > nodir.out 2> nodir.err
rc=$?
[ $rc -eq 3 ] || fail "missing output folder: exit code $rc, expected 3"
grep -qF "no_such_dir: output folder does not exist" nodir.err || fail "missing output folder: no message"
grep -q "skipped" nodir.err && fail "missing output folder: inputs were read before the error"
mkdir out_is_dir.json
"$kgb" build --json out_is_dir.json in > isdir.out 2> isdir.err
rc=$?
[ $rc -eq 3 ] || fail "output is a folder: exit code $rc, expected 3"
grep -qF "out_is_dir.json: is a folder" isdir.err || fail "output is a folder: no message"
"$kgb" build --bogus in 2> usage.err
[ $? -eq 2 ] || fail "unknown option: expected exit code 2"

# --- nothing readable: exit 3, previous output untouched -----------------------
cp out.json before.json
"$kgb" build --json out.json in/empty.txt in/random.txt in/dangling.txt > none.out 2> none.err
rc=$?
[ $rc -eq 3 ] || fail "no readable input: exit code $rc, expected 3"
grep -qF "nothing written" none.err || fail "no readable input: no 'nothing written' message"
cmp -s out.json before.json || fail "a build with no readable input replaced the previous graph"

# --- graph readers (query, export) on truncated and non-graph files -----------
head -c 300 out.json > truncated.json
printf '{"format":"kgb-graph","version":1,"nodes":[{"id":"n0","label":"x","type":"official"}],"edges":[{"source":"n0","target":"n9","type":"visited"}]}' > dangling.json
for cmd in query export; do
  for f in truncated.json "$fixtures/good_page.txt" in/random.txt dangling.json in/empty.txt no_such.json; do
    if [ $cmd = query ]; then args=("$f" stats); else args=("$f" --format dot -o exported.dot); fi
    "$kgb" $cmd "${args[@]}" > reader.out 2> reader.err
    rc=$?
    [ $rc -ne 0 ] || fail "kgb $cmd on $f: exit code 0"
    grep -qF "$f" reader.err || fail "kgb $cmd on $f: the message does not name the file"
    grep -q "Sanitizer\|Aborted\|terminate" reader.err && fail "kgb $cmd on $f: crashed"
  done
done
[ -e exported.dot ] && fail "kgb export wrote output from a bad graph"

# --- killing a build leaves the previous output whole --------------------------
# A workload of a few seconds: many pages and a million-line file.
mkdir big
for i in $(seq 1 300); do cp "$fixtures/good_page.txt" big/p$i.txt; cp "$fixtures/third_page.txt" big/q$i.txt; done
python3 -c '
import sys
w = sys.stdout.write
for i in range(1000000): w("第%d行\n" % i if i % 2 else "ab\n")' > big/million.txt
"$kgb" build --quiet --threads 2 -o new big || fail "full build of the kill workload"
mkdir -p kill
"$kgb" build --quiet --threads 2 -o kill "$fixtures/variant_page.txt" || fail "first build before kills"
cp kill/graph.json old.json
cp kill/graph.graphml old.graphml
killed_running=0
for delay in 0.05 0.2 0.5 1 2; do
  "$kgb" build --quiet --threads 2 -o kill big &
  pid=$!
  sleep $delay
  if kill -9 $pid 2>/dev/null; then killed_running=$((killed_running + 1)); fi
  wait $pid 2>/dev/null
  for f in graph.json graph.graphml; do
    if ! cmp -s kill/$f old.${f#graph.} && ! cmp -s kill/$f new/$f; then
      fail "after kill -9 at ${delay}s, kill/$f is neither the previous nor the complete output"
    fi
  done
  valid_graph kill/graph.json || fail "after kill -9 at ${delay}s, kill/graph.json is not a valid graph"
done
echo "killed $killed_running of 5 builds while running"

if [ $failures -gt 0 ]; then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "bad_inputs: all checks passed"
