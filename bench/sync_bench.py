"""How fast the index follows a corpus: full build, sync with nothing changed, one new release, watch latency.

    python bench/sync_bench.py [--corpus DIR] [--limit N] [--watch-files 5]

Copies the corpus (or its first N files, in sorted order) into a temporary folder, holding some files back
as "new releases", then measures, each time on the index it leaves:

- full build: `Index.sync` into an empty index;
- sync, nothing changed: `Index.sync()` again (every file read and hashed);
- add one release: `Index.add([file])` (the library call) and `searchidx add FILE` (a fresh process);
- sync with one new release: `Index.sync()` finding it;
- watch latency: with `searchidx watch` running on the folder, the time from a new file being complete
  (closed) to its release being searchable by another process.

Targets: one new release under 2 % of the full build, nothing-changed sync under 10 %, watch under 2 s.
Prints a table and writes bench/results/sync_bench.json (sync_bench_N.json with --limit N).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from searchidx import Index  # noqa: E402
from searchidx.load.core import discover  # noqa: E402

DEFAULT_CORPUS = "/work/shared/corpora/prosecutor_press_releases_txt/text"


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def searchable(index: Index, path: Path) -> bool:
    with index.engine.searcher() as s:
        return s.document(doc=f"file:{path.resolve()}") is not None


_SEARCHER = """
import sys, os, time
from searchidx import Index
folder, out, stop = sys.argv[1:4]
with open(out, "w") as fh:
    while not os.path.exists(stop):
        start = time.perf_counter()
        try:
            total = Index.open(folder).search("court").total
        except Exception as exc:
            total = f"error:{type(exc).__name__}"
        print(total, time.perf_counter() - start, file=fh, flush=True)
"""


def rebuild_under_search(index: Index, work: Path, env: dict[str, str]) -> dict[str, object]:
    """Rebuild while another process opens the index and searches in a loop: every search must answer."""
    out, stop = work / "searches.txt", work / "stop"
    stop.unlink(missing_ok=True)
    proc = subprocess.Popen([sys.executable, "-c", _SEARCHER, str(index.path), str(out), str(stop)], env=env)
    try:
        while not out.exists() or not out.read_text().strip():
            time.sleep(0.05)
        before = len(out.read_text().splitlines())
        t_rebuild, report = timed(lambda: index.rebuild())
        during = out.read_text().splitlines()[before:]
    finally:
        stop.touch()
        proc.wait(timeout=60)
    totals = [line.split()[0] for line in during]
    latencies = [float(line.split()[1]) for line in during]
    errors = [t for t in totals if t.startswith("error")]
    print(f"rebuild:                 {t_rebuild:8.2f} s   {report.summary()}; {len(during)} searches by another "
          f"process meanwhile, {len(errors)} errors, distinct totals {sorted(set(totals))}, "
          f"slowest {max(latencies, default=0):.2f} s")
    return {"rebuild_s": t_rebuild, "searches_during_rebuild": len(during), "search_errors": len(errors),
            "search_totals": sorted(set(totals)), "search_max_s": max(latencies, default=0)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="use only the first N files")
    ap.add_argument("--watch-files", type=int, default=5, help="new releases dropped in during watch")
    ap.add_argument("--settle", type=float, default=0.3, help="watch --settle")
    ap.add_argument("--gap", type=float, default=3.0,
                    help="seconds between new releases in watch mode (watch merges segments when idle for 2 s)")
    ap.add_argument("--rebuild", action="store_true",
                    help="also time a rebuild while another process searches in a loop")
    ap.add_argument("--workdir", default=None, help="where to copy the corpus and build (default: a temp dir)")
    args = ap.parse_args()

    files, _ = discover([args.corpus])
    held = args.watch_files + 2
    if args.limit:
        files = files[: args.limit + held]
    base, held_out = files[:-held], files[-held:]
    work = Path(args.workdir or tempfile.mkdtemp(prefix="sync-bench-"))
    src, folder = work / "src", work / "ix"
    shutil.rmtree(src, ignore_errors=True)
    shutil.rmtree(folder, ignore_errors=True)
    corpus = Path(args.corpus)
    for f in base:
        dest = src / f.relative_to(corpus)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(f, dest)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    results: dict[str, object] = {"corpus": args.corpus, "files": len(base), "cpus": os.cpu_count(),
                                  "load_before": os.getloadavg()[0]}
    print(f"corpus: {args.corpus}: {len(base)} files (+{held} held back as new releases); work dir {work}")

    index = Index.open(folder, create=True)
    t_full, report = timed(lambda: index.sync([src]))
    results["full_build_s"] = t_full
    results["full_build_report"] = report.summary()
    results["paragraphs"] = report.paragraphs
    print(f"full build:              {t_full:8.2f} s   {report.summary()}, {report.paragraphs} paragraphs")

    t_nochange, report = timed(lambda: index.sync())
    assert not report.changed
    results["sync_nothing_changed_s"] = t_nochange
    print(f"sync, nothing changed:   {t_nochange:8.2f} s   {100 * t_nochange / t_full:5.2f} % of the full build")

    new1 = src / "new" / held_out[0].name
    new1.parent.mkdir(exist_ok=True)
    shutil.copyfile(held_out[0], new1)
    t_add, report = timed(lambda: index.add([new1]))
    assert len(report.added) == 1 and searchable(index, new1)
    results["add_one_s"] = t_add
    print(f"add one release (API):   {t_add:8.2f} s   {100 * t_add / t_full:5.2f} % of the full build")

    new2 = src / "new" / held_out[1].name
    shutil.copyfile(held_out[1], new2)
    t_cli, out = timed(lambda: subprocess.run([sys.executable, "-m", "searchidx.cli.main", "add", str(new2), "--index",
                                               str(folder)], env=env, capture_output=True, text=True))
    assert out.returncode == 0, out.stderr
    results["add_one_cli_s"] = t_cli
    print(f"searchidx add FILE:      {t_cli:8.2f} s   {100 * t_cli / t_full:5.2f} % (with process start)")

    index.remove([str(new2)])
    t_sync1, report = timed(lambda: index.sync())
    assert len(report.added) == 1, report.summary()
    results["sync_one_new_s"] = t_sync1
    print(f"sync, one new release:   {t_sync1:8.2f} s   {100 * t_sync1 / t_full:5.2f} % of the full build")

    latencies = []
    log = work / "watch.err"
    with log.open("w") as err:
        proc = subprocess.Popen([sys.executable, "-m", "searchidx.cli.main", "watch", str(src), "--index", str(folder),
                                 "--settle", str(args.settle)], env=env, stdout=subprocess.DEVNULL, stderr=err)
    try:
        deadline = time.monotonic() + 600
        while "watching" not in log.read_text():
            assert time.monotonic() < deadline and proc.poll() is None, log.read_text()
            time.sleep(0.05)
        for f in held_out[2:]:
            dest = src / "new" / f.name
            shutil.copyfile(f, dest)  # closed when this returns: the file is complete
            complete = time.perf_counter()
            while not searchable(index, dest):
                assert time.perf_counter() - complete < 60, "not indexed within 60 s"
                time.sleep(0.02)
            latencies.append(time.perf_counter() - complete)
            time.sleep(args.gap)  # one release at a time, each a separate arrival, idle merges in between
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    results["watch_latency_s"] = latencies
    print(f"watch, new release searchable after: median {statistics.median(latencies):.2f} s, "
          f"max {max(latencies):.2f} s (settle {args.settle} s; {len(latencies)} files, {args.gap} s apart)")
    results["segments"] = len(index.engine.whoosh._segments())
    t_check, check = timed(lambda: index.check())
    results["check_s"] = t_check
    results["check_ok"] = check.ok
    print(f"check:                   {t_check:8.2f} s   {'ok' if check.ok else check.problems}; "
          f"{results['segments']} segments")
    if args.rebuild:
        results.update(rebuild_under_search(index, work, env))
    results["load_after"] = os.getloadavg()[0]
    out_dir = ROOT / "bench" / "results"
    out_dir.mkdir(parents=True, exist_ok=True)
    name = f"sync_bench_{args.limit}.json" if args.limit else "sync_bench.json"
    (out_dir / name).write_text(json.dumps(results, indent=1))
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
