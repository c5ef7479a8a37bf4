"""Searches under a write load: 8 searcher processes and a loop of one-release writes on one index.

    python bench/load_bench.py --index /tmp/searchidx-hostile-ix --seconds 20   # an existing index (copied)

The index is copied first (the loop writes to it). Each searcher runs random queries from `QUERIES` for
--seconds; meanwhile this process adds a changed release again and again (`Index.add`). Prints the
searches, errors, writes and p50/p95 of a search. Compare two versions with PYTHONPATH pointing at each
checkout, alternating runs (a shared machine's noise is tens of per cent).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

QUERIES = ["murder", "sentenced", "accountability", "election", "police", "fraud", '"district attorney"',
           '"pleaded guilty"', "court AND sentenced", "investigat*", "prosecutor~1", "government OR minister"]


def searcher(ix_path: str, seconds: float, out: mp.Queue) -> None:
    from searchidx import Index

    ix = Index.open(ix_path)
    times, errors = [], 0
    end = time.monotonic() + seconds
    rnd = random.Random(os.getpid())
    while time.monotonic() < end:
        start = time.perf_counter()
        try:
            ix.search(rnd.choice(QUERIES))
        except Exception as exc:  # noqa: BLE001 - counted and shown
            errors += 1
            print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        times.append(time.perf_counter() - start)
    out.put((times, errors))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", required=True, help="an index folder (copied before the run)")
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--searchers", type=int, default=8)
    args = ap.parse_args()
    import searchidx
    from searchidx import Index

    work = Path(tempfile.mkdtemp(prefix="searchidx-load-"))
    try:
        ix_path = work / "index"
        shutil.copytree(args.index, ix_path)
        src = work / "loop"
        src.mkdir()
        out: mp.Queue = mp.Queue()
        procs = [mp.Process(target=searcher, args=(str(ix_path), args.seconds, out)) for _ in range(args.searchers)]
        for p in procs:
            p.start()
        ix = Index.open(ix_path)
        writes = 0
        end = time.monotonic() + args.seconds
        while time.monotonic() < end:
            writes += 1
            (src / "loop.txt").write_text(f'Loop {writes}\n\nMayor Jane Smith said, "Round {writes} is here."\n')
            ix.add([src / "loop.txt"])
        results = [out.get() for _ in procs]
        for p in procs:
            p.join()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    times = sorted(t for r in results for t in r[0])
    print(json.dumps({"searchidx": str(Path(searchidx.__file__).parent), "searches": len(times),
                      "errors": sum(r[1] for r in results), "writes": writes,
                      "p50_ms": round(statistics.median(times) * 1000, 1),
                      "p95_ms": round(times[int(len(times) * 0.95)] * 1000, 1)}))


if __name__ == "__main__":
    main()
