#!/usr/bin/env python3
"""kgb on a Dask cluster: map `kgb build` over partitions, reduce with `kgb merge`.

    scripts/kgb-dask.py --scheduler ADDRESS|--scheduler-file FILE|--local N
                        [--kgb PATH] [--files-per-task N] [--bytes-per-task B]
                        [--fan-in K] [--year YYYY] -o GRAPH.json
                        (--jsonl FILE | --list FILE | INPUT...)

Inputs, one kind per run:
  INPUT...      files and folders, expanded here as `kgb build` expands them
                (folders walked recursively, hidden files and README/LICENSE
                passed over, links to folders not followed), then cut into
                partitions of --files-per-task files (default 64);
  --list FILE   a file of paths, one a line (blank lines ignored);
  --jsonl FILE  a JSON Lines file of documents (`kgb build --jsonl`), cut into
                byte ranges of about --bytes-per-task bytes (default 16 MiB)
                at line boundaries; each task reads its own range.
Paths (inputs, the list's paths, the JSONL file, --kgb) must name the same
files on every worker: a shared or replicated file system, as with Hadoop.

Each map task runs `kgb build --quiet --threads 1 ... --json -` on one
partition and returns the shard graph (JSON bytes). Reduce tasks run
`kgb merge` on --fan-in (default 8) graphs at a time, as a tree, until one
graph is left, which is written to -o (through a temporary file and a
rename). Because a merged graph is byte for byte the graph of one
`kgb build` over all the documents, whatever the partitioning and the order
of merges, the result equals `kgb build --json GRAPH.json INPUT...`.

Failures: tasks are pure functions of their arguments, so when a worker dies
the scheduler runs its unfinished tasks and the lost results again on the
other workers, and the graph is the same. A partition whose every document
is skipped (not text, unreadable) yields no shard; skipped documents are
reported on stderr as `kgb build` reports them, and the exit code is then 1.
Document ids of a JSONL input must be unique across the file (two different
documents with one id in two partitions would make shards that `kgb merge`
refuses).

Exit codes: 0 done; 1 done, some inputs skipped; 2 usage error; 3 failure
(a task failed for another reason than skipped inputs, or nothing was usable).

Cluster: `dask-scheduler` and `dask-worker` (Debian package python3-distributed,
installed by scripts/setup.sh); one thread per worker process is the natural
setting, since each task runs one single-threaded kgb. --local N starts a
local cluster of N worker processes for a quick run without a scheduler.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import uuid


# --- inputs --------------------------------------------------------------

def walk(root):
    """The files under `root` as `kgb build` lists them (ingest/corpus.cc)."""
    found = []
    pending = [root]
    while pending:
        d = pending.pop()
        try:
            entries = list(os.scandir(d))
        except OSError as e:
            print(f"kgb-dask: skipped {d}: cannot list folder: {e.strerror}", file=sys.stderr)
            continue
        for e in entries:
            base = e.name
            if not base or base.startswith(".") or base.startswith("README") or base.startswith("LICENSE"):
                continue
            path = os.path.join(d, base)
            if e.is_symlink():
                if os.path.isfile(path):
                    found.append(path)
                # dangling links and links to folders: kgb build reports them; so will the task
                elif not os.path.isdir(path):
                    found.append(path)
            elif e.is_dir(follow_symlinks=False):
                pending.append(path)
            else:
                found.append(path)
    return found


def expand(inputs):
    """Files of the inputs in the order `kgb build` reads them, each once."""
    files = []
    for arg in inputs:
        if os.path.isdir(arg):
            files.extend(sorted(walk(arg)))
        else:
            files.append(arg)
    seen = set()
    out = []
    for f in files:
        if f not in seen:
            seen.add(f)
            out.append(f)
    return out


def chunks(items, n):
    return [items[i:i + n] for i in range(0, len(items), n)]


def jsonl_ranges(path, target):
    """Byte ranges [b, e) of `path` of about `target` bytes, cut after a newline."""
    size = os.path.getsize(path)
    ranges = []
    with open(path, "rb") as f:
        b = 0
        while b < size:
            e = min(size, b + target)
            if e < size:
                f.seek(e)
                f.readline()  # to the end of the line that holds byte e
                e = f.tell()
            ranges.append((b, e))
            b = e
    return ranges


# --- tasks (run on the workers) ------------------------------------------

def _run_build(kgb, args, stdin_bytes=None):
    cmd = [kgb, "build", "--quiet", "--threads", "1"] + args + ["--json", "-"]
    p = subprocess.run(cmd, input=stdin_bytes, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode == 0 or (p.returncode == 1 and p.stdout):
        return {"graph": p.stdout, "stderr": err, "skipped": p.returncode == 1}
    if p.returncode == 3 and not p.stdout and "no input could be read" in err:
        return {"graph": None, "stderr": err, "skipped": True}
    raise RuntimeError(f"{' '.join(cmd[:6])} ... exited with {p.returncode}: {err.strip()}")


def map_files(kgb, extra, paths):
    """One shard graph of a partition of files."""
    return _run_build(kgb, extra + paths)


def report(result):
    """What the driver prints of a map result: its stderr and whether it skipped inputs."""
    return result["stderr"], result["skipped"]


def map_jsonl(kgb, extra, path, begin, end):
    """One shard graph of the JSONL lines in bytes [begin, end) of `path`."""
    with open(path, "rb") as f:
        f.seek(begin)
        data = f.read(end - begin)
    return _run_build(kgb, extra + ["--jsonl", "-"], data)


def merge_graphs(kgb, parts):
    """`kgb merge` of the shard graphs among `parts` (None: an empty shard)."""
    graphs = [p["graph"] if isinstance(p, dict) else p for p in parts]
    graphs = [g for g in graphs if g]
    if not graphs:
        return None
    if len(graphs) == 1:
        return graphs[0]
    with tempfile.TemporaryDirectory(prefix="kgb-dask-") as tmp:
        names = []
        for i, g in enumerate(graphs):
            name = os.path.join(tmp, f"{i}.json")
            with open(name, "wb") as f:
                f.write(g)
            names.append(name)
        p = subprocess.run([kgb, "merge", "--quiet", "-o", "-"] + names,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if p.returncode != 0:
            raise RuntimeError(f"kgb merge exited with {p.returncode}: {p.stderr.decode('utf-8', 'replace').strip()}")
        return p.stdout


# --- driver --------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(
        description="Build one kgb graph on a Dask cluster: kgb build per partition, kgb merge as a tree.")
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", help="address of a running scheduler (tcp://HOST:PORT)")
    where.add_argument("--scheduler-file", help="the scheduler's --scheduler-file")
    where.add_argument("--local", type=int, metavar="N", help="start a local cluster of N worker processes")
    ap.add_argument("--kgb", default="kgb", help="path of the kgb binary on the workers (default: kgb on PATH)")
    ap.add_argument("-o", "--output", required=True, help="the merged graph (JSON)")
    ap.add_argument("--jsonl", help="a JSON Lines file of documents")
    ap.add_argument("--list", help="a file of input paths, one a line")
    ap.add_argument("--files-per-task", type=int, default=64)
    ap.add_argument("--bytes-per-task", type=int, default=16 << 20)
    ap.add_argument("--fan-in", type=int, default=8, help="graphs per merge task (>= 2)")
    ap.add_argument("--year", help="passed to kgb build --year")
    ap.add_argument("--quiet", action="store_true", help="no progress on stderr")
    ap.add_argument("inputs", nargs="*")
    args = ap.parse_args()

    kinds = sum(1 for k in (args.jsonl, args.list, args.inputs) if k)
    if kinds != 1:
        ap.error("give exactly one of --jsonl FILE, --list FILE or INPUT...")
    if args.fan_in < 2 or args.files_per_task < 1 or args.bytes_per_task < 1:
        ap.error("--fan-in must be >= 2, --files-per-task and --bytes-per-task >= 1")

    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        print("kgb-dask: python3-distributed is missing (scripts/setup.sh installs it)", file=sys.stderr)
        return 3

    kgb = args.kgb
    if os.sep in kgb:
        kgb = os.path.abspath(kgb)
    extra = ["--year", args.year] if args.year else []

    cluster = None
    if args.local:
        cluster = LocalCluster(n_workers=args.local, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    elif args.scheduler_file:
        client = Client(scheduler_file=args.scheduler_file)
    else:
        client = Client(args.scheduler)

    run = f"kgb-{uuid.uuid4().hex[:12]}"  # task keys of this run
    try:
        if args.jsonl:
            path = os.path.abspath(args.jsonl)
            ranges = jsonl_ranges(path, args.bytes_per_task)
            maps = [client.submit(map_jsonl, kgb, extra, path, b, e, key=f"{run}-map-{i}")
                    for i, (b, e) in enumerate(ranges)]
        else:
            if args.list:
                with open(args.list, encoding="utf-8") as f:
                    files = expand([line.rstrip("\n") for line in f if line.strip()])
            else:
                files = expand(args.inputs)
            maps = [client.submit(map_files, kgb, extra, part, key=f"{run}-map-{i}")
                    for i, part in enumerate(chunks(files, args.files_per_task))]
        if not maps:
            print("kgb-dask: no input", file=sys.stderr)
            return 3
        total = len(maps)

        # The reduce tree, submitted at once so that merges start as maps end:
        # --fan-in results at a time until one is left.
        level = maps
        depth = 0
        while len(level) > 1:
            depth += 1
            level = [client.submit(merge_graphs, kgb, group, key=f"{run}-merge-{depth}-{i}")
                     for i, group in enumerate(chunks(level, args.fan_in))]

        # Skipped-input reports and progress, without bringing the shards here.
        skipped = False
        done = 0
        for fut in as_completed([client.submit(report, m, key=f"{run}-report-{i}") for i, m in enumerate(maps)]):
            err, skip = fut.result()
            done += 1
            if err:
                sys.stderr.write(err)
            skipped |= skip
            if not args.quiet:
                print(f"kgb-dask: mapped {done}/{total}", file=sys.stderr, flush=True)
        graph = client.submit(merge_graphs, kgb, level, key=f"{run}-merge-final").result()
        if not graph:
            print("kgb-dask: no input could be read; nothing written", file=sys.stderr)
            return 3
        out = os.path.abspath(args.output)
        fd, tmp = tempfile.mkstemp(prefix=".kgb-dask-", dir=os.path.dirname(out))
        with os.fdopen(fd, "wb") as f:
            f.write(graph)
        os.replace(tmp, out)
        if not args.quiet:
            print(f"kgb-dask: {total} map tasks, {depth} merge levels; wrote {args.output}", file=sys.stderr)
        return 1 if skipped else 0
    except Exception as e:  # a task that failed for good
        print(f"kgb-dask: {e}", file=sys.stderr)
        return 3
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


if __name__ == "__main__":
    sys.exit(main())
