"""Query latency of searchidx: warm API queries (p50/p95 per kind) and CLI searches in fresh processes.

    python bench/query_bench.py --index /tmp/searchidx-bench-ix            # build it first if missing
    python bench/query_bench.py --index /tmp/ix-small --limit 500          # a subset: the first 500 files

Without an index at --index, builds one from the prosecutor corpus and the BBC corpus in ../shared/corpora
(a few minutes; reuse it). Targets: warm API p95 < 50 ms (single terms, phrases, speaker filters, highlights
for the top 10); a CLI search in a fresh process < 0.5 s wall clock.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPORA = Path(os.environ.get("SEARCHIDX_SHARED") or ROOT.parent / "shared") / "corpora"
SOURCES = [CORPORA / "prosecutor_press_releases_txt" / "text", CORPORA / "bbc_news" / "bbc"]

QUERIES = {
    "term": ["murder", "sentenced", "accountability", "election", "police", "fraud", "government", "court",
             "music", "investigation"],
    "phrase": ['"district attorney"', '"pleaded guilty"', '"prime minister"', '"years in prison"',
               '"press release"', '"search warrant"'],
    "speaker": [("sentenced", "Gonzalez"), ("court", "Spitzer"), ("murder", "Gascón"), ("election", "Blair"),
                ("police", "Brown")],
    "prefix": ["accountab*", "prosecut*", "investig*"],
    "fuzzy": ["Schwarzenneger~", "prosecuter~"],
    "facets": ["murder"],
}


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * (len(values) - 1))))
    return values[k]


def build(index_dir: Path, limit: int | None) -> None:
    from searchidx import Index
    from searchidx.load.core import discover

    files, _ = discover([str(s) for s in SOURCES if s.exists()])
    if limit:
        files = files[:limit]
    t = time.perf_counter()
    report = Index.open(index_dir, create=True).add([str(f) for f in files])
    print(f"built {index_dir}: {report.summary()} ({report.paragraphs} paragraphs) in {time.perf_counter() - t:.0f} s")


def bench_api(index_dir: Path, rounds: int) -> dict[str, list[float]]:
    from searchidx import Index

    index = Index.open(index_dir)
    st = index.stats()
    print(f"index: {st.releases} releases, {st.paragraphs} paragraphs, {st.speakers} speakers, "
          f"{st.size_bytes / 2**20:.0f} MB")
    timings: dict[str, list[float]] = {k: [] for k in QUERIES}
    calls = []
    for kind, queries in QUERIES.items():
        for q in queries:
            if kind == "speaker":
                calls.append((kind, q[0], {"speaker": q[1]}))
            elif kind == "facets":
                calls.append((kind, q, {"facets": ["speaker", "year"], "timeline": True}))
            else:
                calls.append((kind, q, {}))
    for _kind, q, kw in calls:  # warm up: open files, fill caches
        index.search(q, limit=10, **kw)
    for _ in range(rounds):
        for kind, q, kw in calls:
            t = time.perf_counter()
            res = index.search(q, limit=10, **kw)
            timings[kind].append((time.perf_counter() - t) * 1000)
            assert all(h.highlights is not None for h in res.hits)
    return timings


def bench_cli(index_dir: Path, runs: int) -> list[float]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT)
    cmd = [sys.executable, "-m", "searchidx.cli.main", "search", "sentenced", "--index", str(index_dir)]
    subprocess.run(cmd, env=env, capture_output=True, check=True)  # compile .pyc once, as an install does
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, env=env, capture_output=True, check=True)
        out.append(time.perf_counter() - t)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", default="/tmp/searchidx-bench-ix", help="index folder (built if missing)")
    ap.add_argument("--limit", type=int, default=None, help="when building: index only the first N files")
    ap.add_argument("--rounds", type=int, default=5, help="timed rounds over the query set")
    ap.add_argument("--cli-runs", type=int, default=5, help="fresh-process CLI searches")
    args = ap.parse_args()
    index_dir = Path(args.index)
    if not (index_dir / "searchidx.json").exists():
        build(index_dir, args.limit)
    timings = bench_api(index_dir, args.rounds)
    print(f"{'warm API (ms)':<16}{'n':>4}{'p50':>8}{'p95':>8}{'max':>8}")
    for kind, values in timings.items():
        print(f"{kind:<16}{len(values):>4}{statistics.median(values):>8.1f}{percentile(values, 95):>8.1f}"
              f"{max(values):>8.1f}")
    cli = bench_cli(index_dir, args.cli_runs)
    print(f"CLI fresh process (s): p50 {statistics.median(cli):.3f}  max {max(cli):.3f}  (n={len(cli)})")


if __name__ == "__main__":
    main()
