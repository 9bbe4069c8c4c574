#!/usr/bin/env bash
# End-to-end check of issue 11: writing an output never damages what is
# already there. Every writer (build --json/--graphml/--dot, export, merge,
# eval, kgb-bench) on every kind of target:
#   - a FIFO: a reader gets the whole graph; the FIFO stays a FIFO;
#   - -, /dev/stdout (to a pipe, a file, appended): the graph, and only it,
#     on standard output;
#   - a symbolic link (and a chain of them): the link kept, its target
#     updated with its permissions;
#   - character devices made with mknod in a temporary folder (never the
#     machine's own /dev/null or /dev/full): a null node is written and stays
#     a device; a full node (1:7) gives exit code 3, a message naming it and
#     "No space left on device", and stays a device;
#   - folders, paths in missing folders, link loops, sockets: exit 3 before
#     any input is read, nothing changed;
#   - where a mount namespace can be made (unshare), a real full tmpfs and a
#     read-only one: exit 3, the message, the previous graph byte for byte,
#     no temporary file left. Without one these rows are reported as not
#     run; tests/output_test.cc injects the same failures.
#
# usage: bash outputs.sh KGB_BINARY SOURCE_DIR
set -u
kgb=$1
src=$2
page=$src/tests/fixtures/good_page.txt
bench=$(dirname "$kgb")/kgb-bench
tmp=$(mktemp -d)
trap '[ -n "${KEEP_TMP:-}" ] || rm -rf "$tmp"' EXIT
cd "$tmp"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
note() { echo "note: $*" >&2; }
# "regular file", "fifo", "symbolic link", "character special file 1:7", "directory", "socket", "none"
type_of() {
  local t
  t=$(stat -c '%F' "$1" 2>/dev/null) || { echo none; return; }
  case $t in
    "character special file") printf '%s %d:%d\n' "$t" "0x$(stat -c %t "$1")" "0x$(stat -c %T "$1")" ;;
    "regular empty file") echo "regular file" ;;
    *) echo "$t" ;;
  esac
}
build() { "$kgb" build --quiet --threads 1 "$@" "$page"; }

# --- references: every writer to a regular file ---------------------------------
build --json ref.json || fail "reference build"
build --graphml ref.graphml || fail "reference GraphML"
build --dot ref.dot || fail "reference DOT"
"$kgb" export ref.json --format gexf -o ref.gexf || fail "reference export"
"$kgb" merge --quiet -o ref_merged.json ref.json || fail "reference merge"
[ -s ref.json ] && [ -s ref.graphml ] && [ -s ref.dot ] && [ -s ref.gexf ] || fail "empty reference output"

# writer NAME TARGET: runs writer NAME with its output at TARGET
writer() {
  case $1 in
    json) build --json "$2" ;;
    graphml) build --graphml "$2" ;;
    dot) build --dot "$2" ;;
    export) "$kgb" export ref.json --format gexf -o "$2" ;;
    merge) "$kgb" merge --quiet -o "$2" ref.json ;;
  esac
}
reference() {
  case $1 in json) echo ref.json ;; graphml) echo ref.graphml ;; dot) echo ref.dot ;; export) echo ref.gexf ;; merge) echo ref_merged.json ;; esac
}
writers="json graphml dot export merge"

# --- FIFO: a reader gets the whole output -----------------------------------------
for w in $writers; do
  rm -f fifo got
  mkfifo fifo
  cat fifo > got &
  reader=$!
  writer $w fifo 2> fifo.err
  rc=$?
  # If the writer failed or replaced the FIFO, the reader would wait forever.
  if [ $rc -ne 0 ] || [ "$(type_of fifo)" != fifo ]; then kill $reader 2>/dev/null; fi
  wait $reader 2>/dev/null
  [ $rc -eq 0 ] || fail "$w to a FIFO: exit code $rc ($(cat fifo.err))"
  [ "$(type_of fifo)" = fifo ] || fail "$w to a FIFO: the FIFO became a $(type_of fifo)"
  cmp -s got "$(reference $w)" || fail "$w to a FIFO: the reader did not get the whole output"
done

# --- standard output ---------------------------------------------------------------
for w in $writers; do
  for target in - /dev/stdout; do
    writer $w $target > got 2> got.err || fail "$w to $target: exit code $?"
    cmp -s got "$(reference $w)" || fail "$w to $target: standard output is not the output"
  done
  writer $w /dev/stdout 2> got.err | cat > got_pipe || fail "$w to /dev/stdout through a pipe"
  cmp -s got_pipe "$(reference $w)" || fail "$w to /dev/stdout through a pipe: wrong bytes"
done
# Without --quiet the summary goes to stderr, not into the graph.
"$kgb" build --threads 1 --json /dev/stdout "$page" > got 2> got.err || fail "build --json /dev/stdout: exit code $?"
cmp -s got ref.json || fail "build --json /dev/stdout: the summary or something else got into stdout"
grep -q "^read 1 documents" got.err || fail "build --json /dev/stdout: no summary on stderr"
grep -q "wrote /dev/stdout" got.err && fail "build --json /dev/stdout: says it wrote /dev/stdout"
# Appending through /dev/stdout appends (the file is not replaced).
echo head > appended
ino=$(stat -c %i appended)
build --json /dev/stdout >> appended || fail "build --json /dev/stdout >> FILE: exit code $?"
{ echo head; cat ref.json; } | cmp -s - appended || fail "build --json /dev/stdout >> FILE: not appended"
[ "$(stat -c %i appended)" = "$ino" ] || fail "build --json /dev/stdout >> FILE: the file was replaced"
# eval writes its report through the same routine.
"$kgb" eval --json "$src/tests/fixtures/eval/graphs/edges.json" "$src/tests/fixtures/eval/gold" > eval.json ||
  fail "eval --json: exit code $?"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' eval.json || fail "eval --json: not JSON"

# --- symbolic links: kept, their target updated ----------------------------------------
for w in $writers; do
  rm -rf links && mkdir -p links/sub
  echo old > links/sub/real
  chmod 640 links/sub/real
  ln -s sub/real links/link
  ln -s link links/chain
  writer $w links/chain 2> link.err || fail "$w to a link: exit code $? ($(cat link.err))"
  [ "$(type_of links/chain)" = "symbolic link" ] || fail "$w to a link: the link became a $(type_of links/chain)"
  [ "$(readlink links/link)" = sub/real ] || fail "$w to a link: the link chain changed"
  cmp -s links/sub/real "$(reference $w)" || fail "$w to a link: the target does not hold the new output"
  [ "$(stat -c %a links/sub/real)" = 640 ] || fail "$w to a link: the target's permissions changed"
  ls links links/sub | grep -q '\.tmp\.' && fail "$w to a link: a temporary file was left"
done
# A regular file keeps its permissions too.
cp ref.json perm.json && chmod 600 perm.json
build --json perm.json || fail "build over a 0600 file"
[ "$(stat -c %a perm.json)" = 600 ] || fail "build over a 0600 file: permissions now $(stat -c %a perm.json)"

# --- devices made here (never the machine's own) ----------------------------------------
mkdir dev
devices=yes
if ! mknod dev/null c 1 3 2>/dev/null || ! mknod dev/full c 1 7 2>/dev/null; then
  devices=no
  note "mknod is not allowed here: the device rows run only on /dev/full by name, which a non-root writer cannot replace"
fi
if [ $devices = yes ]; then
  for w in $writers; do
    writer $w dev/null 2> null.err || fail "$w to a null device: exit code $? ($(cat null.err))"
    [ "$(type_of dev/null)" = "character special file 1:3" ] || fail "$w to a null device: it became a $(type_of dev/null)"
  done
  full=dev/full
elif [ "$(id -u)" != 0 ]; then
  full=/dev/full
else
  full=
  note "root without mknod: the full-device rows are not run (tests/output_test.cc injects ENOSPC)"
fi
if [ -n "$full" ]; then
  for w in $writers; do
    writer $w $full > /dev/null 2> full.err
    rc=$?
    [ $rc -eq 3 ] || fail "$w to a full device: exit code $rc, expected 3"
    grep -qF "$full" full.err || fail "$w to a full device: the message does not name $full: $(cat full.err)"
    grep -qF "No space left on device" full.err || fail "$w to a full device: no reason given: $(cat full.err)"
    [ "$(type_of $full)" = "character special file 1:7" ] || fail "$w to a full device: it became a $(type_of $full)"
  done
  # Standard output on a full device.
  build --json - > $full 2> full.err
  rc=$?
  [ $rc -eq 3 ] || fail "build --json - > full device: exit code $rc, expected 3"
  grep -qF "No space left on device" full.err || fail "build --json - > full device: no reason given"
  "$kgb" eval "$src/tests/fixtures/eval/graphs/edges.json" "$src/tests/fixtures/eval/gold" > $full 2> full.err
  rc=$?
  [ $rc -eq 3 ] || fail "eval > full device: exit code $rc, expected 3"
  grep -qF "No space left on device" full.err || fail "eval > full device: no reason given"
fi

# --- refused before any work: exit 3, nothing read, nothing changed --------------------
mkdir -p refuse/folder
ln -s folder refuse/link_to_folder
ln -s nowhere/g.json refuse/dangling_into_missing
ln -s loop_b refuse/loop_a
ln -s loop_a refuse/loop_b
python3 -c 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' refuse/sock || fail "cannot make a socket"
for target in refuse/folder refuse/folder/ refuse/link_to_folder refuse/missing/g.json refuse/dangling_into_missing \
              refuse/loop_a refuse/sock; do
  before=$(type_of $target)
  for w in json export merge; do
    writer $w $target > refuse.out 2> refuse.err
    rc=$?
    [ $rc -eq 3 ] || fail "$w to $target: exit code $rc, expected 3"
    grep -qF "${target%/}" refuse.err || fail "$w to $target: the message does not name it: $(cat refuse.err)"
    [ "$(type_of $target)" = "$before" ] || fail "$w to $target: it became a $(type_of $target)"
  done
done
ls -R refuse | grep -q '\.tmp\.' && fail "a refused output left a temporary file"

# --- a full and a read-only file system (needs a mount namespace) ------------------------
ns=
if unshare -rm true 2>/dev/null; then ns="unshare -rm"
elif unshare -m true 2>/dev/null; then ns="unshare -m"
fi
if [ -n "$ns" ]; then
  # The mounts live only in the namespace and vanish with it.
  mkdir small
  $ns bash -s "$kgb" "$page" > fs.out 2>&1 <<'EOF'
kgb=$1; page=$2
fail() { echo "FAIL: $*"; }
mount -t tmpfs -o size=256k tmpfs small || { echo "FAIL: cannot mount a tmpfs"; exit 0; }
"$kgb" build --quiet --threads 1 --json small/g.json "$page" || fail "build on the small tmpfs"
cp small/g.json before.json
dd if=/dev/zero of=small/filler bs=4k 2>/dev/null
"$kgb" build --quiet --threads 1 --json small/g.json "$page" 2> full.err
rc=$?
[ $rc -eq 3 ] || fail "full file system: exit code $rc, expected 3"
grep -qF "small/g.json" full.err || fail "full file system: the message does not name the file: $(cat full.err)"
grep -qF "No space left on device" full.err || fail "full file system: no reason: $(cat full.err)"
cmp -s small/g.json before.json || fail "full file system: the previous graph changed"
ls small | grep -q '\.tmp\.' && fail "full file system: a temporary file was left"
rm small/filler
# bind-remount: changes only this mount's flags, allowed in a user namespace
mount -o remount,bind,ro small || { echo "FAIL: cannot remount read-only"; exit 0; }
"$kgb" build --threads 1 --json small/g.json "$page" > ro.out 2> ro.err
rc=$?
[ $rc -eq 3 ] || fail "read-only file system: exit code $rc, expected 3"
grep -qF "Read-only file system" ro.err || fail "read-only file system: no reason: $(cat ro.err)"
grep -q "^read " ro.out && fail "read-only file system: inputs were read before the error"
cmp -s small/g.json before.json || fail "read-only file system: the previous graph changed"
echo done
EOF
  grep '^FAIL' fs.out | while read -r line; do echo "$line" >&2; done
  failures=$((failures + $(grep -c '^FAIL' fs.out)))
  grep -q '^done$' fs.out || fail "the mount-namespace rows did not finish: $(cat fs.out)"
  [ "$(type_of small)" = directory ] && [ -z "$(ls small)" ] || fail "the tmpfs leaked out of its namespace"
else
  note "no mount namespace (unshare): the full and read-only file-system rows are not run (tests/output_test.cc injects them)"
fi

# --- kgb-bench: the default output is a temporary file, removed at the end -----------------
if [ -x "$bench" ]; then
  mkdir benchtmp
  TMPDIR=$tmp/benchtmp "$bench" --repeat 1 --threads 1 "$page" > bench.out 2> bench.err || fail "kgb-bench: exit code $?"
  grep -q "^write JSON" bench.out || fail "kgb-bench: no write JSON row"
  grep -q "kgb-bench:.*error" bench.err && fail "kgb-bench: $(cat bench.err)"
  [ -z "$(ls benchtmp)" ] || fail "kgb-bench left files in TMPDIR: $(ls benchtmp)"
  if [ $devices = yes ]; then
    "$bench" --repeat 1 --threads 1 --json dev/null "$page" > bench.out 2> bench.err || fail "kgb-bench --json null device: exit code $?"
    [ "$(type_of dev/null)" = "character special file 1:3" ] || fail "kgb-bench replaced a null device"
    "$bench" --repeat 1 --threads 1 --json dev/full "$page" > bench.out 2> bench.err
    [ $? -eq 3 ] || fail "kgb-bench --json full device: expected exit code 3"
    grep -qF "No space left on device" bench.err || fail "kgb-bench --json full device: no reason"
    [ "$(type_of dev/full)" = "character special file 1:7" ] || fail "kgb-bench replaced a full device"
  fi
else
  fail "kgb-bench is not next to kgb ($bench)"
fi

[ $failures -eq 0 ] || { echo "$failures failures" >&2; exit 1; }
echo "outputs: all checks passed (mknod devices: $devices; full and read-only file systems: ${ns:-not run})"
