#!/usr/bin/env python3
"""Time and memory of kgb on ONE document as the document grows.

    bench/doc_scale.py [--kgb build/kgb] [--mix DIR] [--sizes 1,2,4,8,16]
                       [--repeat 3] [--max-doc-bytes 0]

For each size (MB), writes one document of that many bytes of non-repeating
text (bench/gen_articles.py: invented articles, with the lines of DIR/*.txt
interleaved when --mix is given, e.g. the NER test texts of the shared
corpus), runs `kgb build --threads 1 --max-doc-bytes 0` on it (the whole
document as one page: no sections) and prints the CPU time per MB and the
peak resident memory above the baseline (kgb on a one-line document) per
input byte. Extraction is linear in the size of a document when the time per
MB stays flat; the start-up (the CPU time of kgb on a one-line document) is
also taken off in a column of its own, since it weighs on the small sizes.
The size of the graph's JSON is shown: invented articles
keep naming new people and companies, so their graph grows with the
document, and the peak memory holds it. With --text-only the document holds only the --mix lines
(repeated to the size): its graph stays small, so the memory figure is
mostly the extraction's own.

Measures; asserts nothing. CPU time (user + system of the kgb process) is
used because wall time on a shared machine includes other people's work;
each figure is the best of --repeat runs, and the sizes (with the baseline)
are timed in turn, round after round, so that a slow spell falls on all of
them rather than on one.
"""
import argparse
import glob
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run(cmd):
    """CPU seconds, wall seconds and peak RSS (KiB) of one run of cmd."""
    t = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t
    err = p.stderr.read().decode("utf-8", "replace")
    p.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"doc_scale: {' '.join(cmd)} exited with {code}: {err}")
    return ru.ru_utime + ru.ru_stime, wall, ru.ru_maxrss


def text_only(mix, size, path):
    files = sorted(glob.glob(os.path.join(mix, "*.txt")))
    data = b"".join(open(f, "rb").read() for f in files)
    with open(path, "wb") as out:
        left = size
        while left > 0:
            out.write(data[:left])
            left -= min(left, len(data))


def main():
    ap = argparse.ArgumentParser(description="kgb time and memory on one document of growing size")
    ap.add_argument("--kgb", default=os.path.join(HERE, "..", "build", "kgb"))
    ap.add_argument("--mix", help="folder of .txt files interleaved with the generated articles")
    ap.add_argument("--text-only", action="store_true", help="only the --mix text, repeated (a small graph)")
    ap.add_argument("--sizes", default="1,2,4,8,16", help="document sizes in MB")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--max-doc-bytes", default="0", help="passed to kgb build (default 0: one page)")
    args = ap.parse_args()
    if args.text_only and not args.mix:
        ap.error("--text-only needs --mix DIR")
    sizes = [float(s) for s in args.sizes.split(",")]

    with tempfile.TemporaryDirectory(prefix="kgb-doc-scale-") as tmp:
        tiny = os.path.join(tmp, "tiny.txt")
        with open(tiny, "w", encoding="utf-8") as f:
            f.write("江州高新区党工委书记林致远会见华创科技有限公司董事长陈立新一行。\n")
        # The documents are made first and then timed in rounds, every size
        # once per round (the baseline too), so that a slow spell of a shared
        # machine falls on all sizes rather than on one; each figure is the
        # best of its --repeat runs.
        docs = []
        for mb in sizes:
            size = int(mb * 1000 * 1000)
            doc = os.path.join(tmp, f"doc{mb:g}.txt")
            if args.text_only:
                text_only(args.mix, size, doc)
            else:
                gen = [sys.executable, os.path.join(HERE, "gen_articles.py"), "--bytes", str(size), "--seed", "1"]
                if args.mix:
                    gen += ["--mix", args.mix]
                with open(doc, "wb") as f:
                    subprocess.run(gen, stdout=f, check=True)
            docs.append(doc)
        def cmd(path, k):
            return [args.kgb, "build", "--quiet", "--threads", "1", "--max-doc-bytes", args.max_doc_bytes,
                    "--json", os.path.join(tmp, f"g{k}.json"), path]
        cmds = [cmd(tiny, 0)] + [cmd(doc, k + 1) for k, doc in enumerate(docs)]
        runs = [[] for _ in cmds]
        for _ in range(args.repeat):
            for k, c in enumerate(cmds):
                runs[k].append(run(c))
        best = [(min(r[0] for r in rs), min(r[1] for r in rs), min(r[2] for r in rs)) for rs in runs]
        base_cpu, _, base_kb = best[0]
        load = open("/proc/loadavg").read().split()[:3]
        cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
        print(f"machine: {os.cpu_count()} cores, {cpu}, load {' '.join(load)}")
        kind = "only the --mix text" if args.text_only else \
            "generated articles" + (" and --mix lines interleaved" if args.mix else "")
        print(f"document: {kind}; kgb build --threads 1 --max-doc-bytes {args.max_doc_bytes}; "
              f"baseline peak RSS {base_kb / 1024:.1f} MB, CPU {base_cpu:.3f} s (the start-up); "
              f"best of {args.repeat}, sizes timed in turn")
        print()
        print("| MB | CPU s | wall s | CPU s per MB | CPU s per MB after the start-up | peak RSS MB "
              "| bytes above baseline per input byte | graph JSON MB |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- |")
        per_mb = []
        per_mb_work = []
        for k, doc in enumerate(docs):
            real = os.path.getsize(doc)
            cpu_s, wall_s, kb = best[k + 1]
            per = cpu_s / (real / 1e6)
            per_mb.append(per)
            work = max(cpu_s - base_cpu, 0.0) / (real / 1e6)
            per_mb_work.append(work)
            above = (kb - base_kb) * 1024 / real
            graph_mb = os.path.getsize(os.path.join(tmp, f"g{k + 1}.json")) / 1e6
            print(f"| {real / 1e6:.1f} | {cpu_s:.2f} | {wall_s:.2f} | {per:.3f} | {work:.3f} | {kb / 1024:.1f} | {above:.1f} "
                  f"| {graph_mb:.1f} |", flush=True)
        print()
        print(f"CPU s per MB: largest / smallest = {max(per_mb) / min(per_mb):.2f} "
              f"(last / first = {per_mb[-1] / per_mb[0]:.2f})")
        if min(per_mb_work) > 0:
            print(f"CPU s per MB after the start-up: largest / smallest = {max(per_mb_work) / min(per_mb_work):.2f} "
                  f"(last / first = {per_mb_work[-1] / per_mb_work[0]:.2f})")


if __name__ == "__main__":
    main()
