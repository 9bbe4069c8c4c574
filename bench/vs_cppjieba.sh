#!/usr/bin/env bash
# kgb's throughput side by side with cppjieba's part-of-speech tagging, in one
# run on the same text: many small files, and one large file.
#
#   bench/vs_cppjieba.sh TEXT_DIR [CPPJIEBA_SRC] [BUILD_DIR]
#   CPPJIEBA_SRC=... LIMONP_SRC=... bench/vs_cppjieba.sh TEXT_DIR
#
# TEXT_DIR holds plain-text sources (e.g. the shared corpus's corpus/ner).
# bench/make_corpus.sh cuts them into 20 files and ten copies make the
# "many files" input (200 files); the same 200 files joined are the "one
# file" input. kgb runs end to end (`kgb build --threads 1 --json F`, the
# whole process: start-up, reading, extraction, graph, JSON). cppjieba runs
# bench/jieba_tag.cc: MixSegment::Tag (what Jieba::Tag calls) line by line;
# its steady-state speed is bytes over the CPU time of tagging alone (its
# dictionary loading is left out), and its whole-process time is given too.
#
# CPPJIEBA_SRC is a cppjieba source tree (with include/ and dict/); its
# limonp submodule is taken from CPPJIEBA_SRC/deps/limonp or LIMONP_SRC.
# When dict/jieba.dict.utf8 is absent but test/testdata/gbk_dict/jieba.dict.gbk
# is there, the GBK copy is converted to UTF-8 in a temporary folder (and the
# script says so). Without a source tree, only kgb is measured and the script
# says that cppjieba was not available. Nothing of cppjieba is downloaded or
# kept. kgb and cppjieba run in turn (A B A B ...), RUNS times each
# (default 5), so that both meet the same spells of a noisy machine. Figures
# are the best of each one's runs (CPU time, user + system: on a shared
# machine it is what other work disturbs least); the steady-state tagging
# time is the best of cppjieba's own runs; the ratio is also given run by run
# (median, min, max over the pairs). Measures; asserts nothing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
text=${1:?usage: bench/vs_cppjieba.sh TEXT_DIR [CPPJIEBA_SRC] [BUILD_DIR]}
jieba=${2:-${CPPJIEBA_SRC:-}}
build=${3:-$here/../build}
kgb=$build/kgb
runs=${RUNS:-5}
export runs
[ -x "$kgb" ] || { echo "vs_cppjieba: no kgb binary at $kgb (build it first)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$here/make_corpus.sh" "$text" "$tmp/corpus" 10 2>/dev/null
many=$tmp/corpus/10x
mapfile -t many_files < <(find "$many" -type f -name '*.txt' | sort)
one=$tmp/one.txt
cat "${many_files[@]}" >"$one"
bytes=$(stat -c %s "$one")

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "kgb: $kgb ($(git -C "$here/.." rev-parse --short HEAD 2>/dev/null || echo '?'))"
echo "text: ${#many_files[@]} files, $bytes bytes (many files) and the same joined into one file"

# Runs kgb (the arguments up to "--") and, when given, the tagger (the
# arguments after "--") in turn, A B A B ..., $runs times each, so that both
# see the same spells of a noisy machine. Prints one line per command,
# "cpu wall peak_kb LINE" (each figure the best of its own runs; LINE the last
# line the command printed in its run with the least CPU time or, when it
# reports its own "tag_s" (jieba_tag), the least tag_s), and then a line
# "ratios MEDIAN MIN MAX" of tag_s over kgb's CPU time pair by pair.
measure() {
  python3 - "$runs" "$@" <<'PY'
import os, statistics, subprocess, sys, time
runs, args = int(sys.argv[1]), sys.argv[2:]
cmds = [args[:args.index("--")], args[args.index("--") + 1:]] if "--" in args else [args]
cmds = [c for c in cmds if c]
best = [dict(cpu=None, wall=None, peak=0, key=None, last="") for _ in cmds]
keys = [[] for _ in cmds]
for _ in range(runs):
    for c, cmd in enumerate(cmds):
        t = time.monotonic()
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        out = p.stdout.read().decode()
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.monotonic() - t
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            sys.exit(f"{cmd[0]} failed")
        cpu = ru.ru_utime + ru.ru_stime
        b = best[c]
        b["cpu"] = cpu if b["cpu"] is None else min(b["cpu"], cpu)
        b["wall"] = wall if b["wall"] is None else min(b["wall"], wall)
        b["peak"] = max(b["peak"], ru.ru_maxrss)
        lines = out.strip().splitlines()
        line = lines[-1] if lines else ""
        fields = line.split()
        key = float(fields[fields.index("tag_s") + 1]) if "tag_s" in fields[:-1] else cpu
        keys[c].append(key)
        if b["key"] is None or key < b["key"]:
            b["key"], b["last"] = key, line
for b in best:
    print(f"{b['cpu']:.3f} {b['wall']:.3f} {b['peak']} {b['last']}")
if len(cmds) == 2:
    r = [t / k for k, t in zip(keys[0], keys[1])]
    print(f"ratios {statistics.median(r):.2f} {min(r):.2f} {max(r):.2f}")
PY
}

tagger=""
if [ -n "$jieba" ] && [ -d "$jieba/include/cppjieba" ]; then
  limonp=${LIMONP_SRC:-$jieba/deps/limonp}
  if [ ! -d "$limonp/include/limonp" ]; then
    echo "cppjieba: $jieba has no deps/limonp (set LIMONP_SRC to a limonp source tree); measuring kgb only"
  else
    dict=$jieba/dict/jieba.dict.utf8
    if [ ! -s "$dict" ] && [ -s "$jieba/test/testdata/gbk_dict/jieba.dict.gbk" ]; then
      iconv -f GBK -t UTF-8 "$jieba/test/testdata/gbk_dict/jieba.dict.gbk" >"$tmp/jieba.dict.utf8"
      dict=$tmp/jieba.dict.utf8
      echo "cppjieba: dict/jieba.dict.utf8 absent; using test/testdata/gbk_dict/jieba.dict.gbk converted to UTF-8"
    fi
    if [ ! -s "$dict" ] || [ ! -s "$jieba/dict/hmm_model.utf8" ]; then
      echo "cppjieba: $jieba lacks its dictionary or HMM model; measuring kgb only"
    else
      user_dict=$jieba/dict/user.dict.utf8
      [ -s "$user_dict" ] || { : >"$tmp/user.dict.utf8"; user_dict=$tmp/user.dict.utf8; }
      g++ -O3 -DNDEBUG -std=c++17 -w -I"$jieba/include" -I"$limonp/include" "$here/jieba_tag.cc" -o "$tmp/jieba_tag"
      tagger=("$tmp/jieba_tag" "$dict" "$jieba/dict/hmm_model.utf8" "$user_dict")
      echo "cppjieba: built bench/jieba_tag.cc against $jieba ($(git -C "$jieba" rev-parse --short HEAD 2>/dev/null || echo 'source tree'))"
    fi
  fi
else
  echo "cppjieba: not available (give its source tree as the second argument or CPPJIEBA_SRC); measuring kgb only"
fi
echo

row() {  # name input_label cpu wall peak_kb
  awk -v n="$1" -v i="$2" -v c="$3" -v w="$4" -v k="$5" -v b="$bytes" \
    'BEGIN { printf "| %s | %s | %.2f | %.2f | %.2f | %.1f |\n", n, i, c, w, b / 1e6 / c, k / 1024 }'
}
echo "| program | input | CPU s | wall s | MB/s (CPU) | peak RSS MB |"
echo "| --- | --- | --- | --- | --- | --- |"
declare -A kgb_cpu jieba_tag jieba_cpu pair
for input in many one; do
  if [ "$input" = many ]; then args=("$many"); files=("${many_files[@]}"); else args=("$one"); files=("$one"); fi
  tag_cmd=()
  [ -n "$tagger" ] && tag_cmd=(-- "${tagger[@]}" "${files[@]}")
  mapfile -t out < <(measure "$kgb" build --quiet --threads 1 --json "$tmp/g.json" "${args[@]}" "${tag_cmd[@]}")
  read -r c w k _ <<<"${out[0]}"
  kgb_cpu[$input]=$c
  row "kgb build --threads 1 (end to end)" "$input" "$c" "$w" "$k"
  if [ -n "$tagger" ]; then
    read -r c w k rest <<<"${out[1]}"
    jieba_cpu[$input]=$c
    jieba_tag[$input]=$(echo "$rest" | awk '{print $4}')
    pair[$input]=$(echo "${out[2]}" | awk '{printf "median %s, min %s, max %s", $2, $3, $4}')
    row "cppjieba Tag (whole process)" "$input" "$c" "$w" "$k"
    awk -v t="${jieba_tag[$input]}" -v i="$input" -v b="$bytes" \
      'BEGIN { printf "| cppjieba Tag (tagging only, steady state) | %s | %.2f | | %.2f | |\n", i, t, b / 1e6 / t }'
  fi
done
echo
if [ -n "$tagger" ]; then
  for input in many one; do
    awk -v k="${kgb_cpu[$input]}" -v t="${jieba_tag[$input]}" -v j="${jieba_cpu[$input]}" -v i="$input" -v p="${pair[$input]}" \
      'BEGIN { printf "%s: kgb end to end is %.2fx the speed of cppjieba steady-state tagging (%.2fx its whole process); run by run (%s runs each, in turn): %s\n", i, t / k, j / k, ENVIRON["runs"], p }'
  done
fi
