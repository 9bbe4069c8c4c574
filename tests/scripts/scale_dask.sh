#!/usr/bin/env bash
# scripts/kgb-dask.py on a real Dask cluster: a scheduler and two worker
# processes on 127.0.0.1. The merged graph must be byte for byte the graph of
# one `kgb build` over the same documents: on the example pages (a folder),
# on invented pages (JSON Lines), and with one worker killed mid-run (Dask
# runs its tasks again on the other worker).
# Usage: scale_dask.sh KGB_BINARY SOURCE_DIR
set -euo pipefail
KGB=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=$(cd "$2" && pwd)
TMP=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; for f in "$TMP"/*.log; do [ -f "$f" ] && { echo "--- $f" >&2; tail -20 "$f" >&2; }; done; exit 1; }

# Debian's python3 has python3-distributed (scripts/setup.sh installs it).
PY=python3
if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import distributed' 2>/dev/null; then PY=/usr/bin/python3; fi
"$PY" -c 'import distributed' 2>/dev/null || fail "python3-distributed missing (scripts/setup.sh)"
BIN=$(dirname "$(command -v dask-scheduler || echo /usr/bin/dask-scheduler)")
[ -x "$BIN/dask-scheduler" ] && [ -x "$BIN/dask-worker" ] || fail "dask-scheduler / dask-worker missing (scripts/setup.sh)"
export DASK_DISTRIBUTED__WORKER__DAEMON=False
cd "$TMP"

"$PY" "$BIN/dask-scheduler" --host 127.0.0.1 --port 0 --no-dashboard --scheduler-file sched.json >scheduler.log 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -s sched.json ] && break; sleep 0.2; done
[ -s sched.json ] || fail "the scheduler did not start"
start_worker() {
  # --no-nanny: killing the worker process kills the worker (no restart).
  "$PY" "$BIN/dask-worker" --scheduler-file sched.json --host 127.0.0.1 --nthreads 1 --no-nanny \
    --no-dashboard --local-directory "$TMP/w$1" >"worker$1.log" 2>&1 &
  pids+=($!)
  eval "worker$1=$!"
}
start_worker 1
start_worker 2
"$PY" -c 'import sys; from distributed import Client; c = Client(scheduler_file="sched.json", timeout=60); c.wait_for_workers(2, timeout=60); c.close()' \
  >client.log 2>&1 || fail "two workers did not join"

ts() { echo "[$(date +%T.%N | cut -c1-12)] $*" >&2; }
dask_build() { timeout 600 "$PY" "$SRC/scripts/kgb-dask.py" --scheduler-file sched.json "$@"; }

ts start
# 1. The example pages, one file per task.
"$KGB" build --quiet --json one.json "$SRC/examples"
dask_build --kgb "$KGB" --files-per-task 1 --fan-in 2 -o dask.json "$SRC/examples" 2>examples.log ||
  fail "kgb-dask.py on the examples"
cmp -s one.json dask.json || fail "examples: the Dask graph differs from one kgb build"
grep -q "merge levels" examples.log || fail "examples: no summary line"

ts examples done
# 2. Invented pages as JSON Lines, cut into many byte ranges.
"$PY" "$SRC/bench/gen_articles.py" --jsonl --docs 60 --bytes 240000 --seed 11 >pages.jsonl
"$KGB" build --quiet --jsonl pages.jsonl --json one_pages.json
dask_build --kgb "$KGB" --bytes-per-task 24000 --fan-in 3 -o dask_pages.json --jsonl pages.jsonl 2>pages.log ||
  fail "kgb-dask.py on invented pages"
cmp -s one_pages.json dask_pages.json || fail "invented pages: the Dask graph differs from one kgb build"
tasks=$(grep -o '[0-9]* map tasks' pages.log | cut -d' ' -f1)
[ "${tasks:-0}" -ge 8 ] || fail "invented pages: expected at least 8 map tasks, got ${tasks:-none}"

ts pages done
# 3. The same with worker 2 killed mid-run: each task waits a little (a
# wrapper around kgb), so both workers are busy when the kill comes.
cat >slow_kgb <<EOF
#!/bin/sh
sleep 0.3
exec "$KGB" "\$@"
EOF
chmod +x slow_kgb
dask_build --kgb "$TMP/slow_kgb" --bytes-per-task 24000 --fan-in 3 -o dask_killed.json --jsonl pages.jsonl \
  2>killed.log &
driver=$!
for _ in $(seq 300); do grep -q "mapped 3/" killed.log 2>/dev/null && break; sleep 0.1; done
grep -q "mapped 3/" killed.log || { wait "$driver" || true; fail "the run made no progress"; }
kill -0 "$driver" 2>/dev/null || fail "the run ended before a worker could be killed"
grep -q "merge levels" killed.log && fail "the run ended before a worker could be killed"
ts kill; kill -9 "$worker2"; wait "$worker2" 2>/dev/null || true
status=0
wait "$driver" || status=$?
ts "run after kill done"
[ "$status" -eq 0 ] || fail "kgb-dask.py exited with $status after a worker was killed"
cmp -s one_pages.json dask_killed.json || fail "worker killed: the Dask graph differs from one kgb build"
echo "ok: examples, invented pages (${tasks} map tasks) and a killed worker give the graph of one kgb build"
