"""English results and speed with and without per-language analysis: the same code builds the same sample
twice, once as it does and once with every paragraph analysed as English (language detection switched
off), compares the ids of English queries, then times English queries of each kind on both indexes.

    python bench/language_results.py [--limit 1300] [--keep DIR] [--rounds 30]

The sample is bench/compare_revs.py's (an even sample of the prosecutor and BBC corpora). Prints, per
query, the totals and whether the top 50 ids come in the same order, and per kind the mean of its queries'
fastest runs on each index (`timed`); nothing is asserted. With --keep DIR, a sample
and indexes already there are reused.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from compare_revs import QUERIES as TIMED  # noqa: E402
from compare_revs import sample  # noqa: E402

QUERIES = ["murder", "sentenced", "accountability", "election", "police", "fraud", "government", "court", "music",
           "investigation", '"district attorney"', '"pleaded guilty"', '"prime minister"', "police officer",
           "school board", "drug trafficking", "victims", "jury verdict", "bail", "immigration"]

# Run in a child process: builds the index at argv[1] from argv[2] (argv[3] == "english": no language
# detection) and prints {query: {total, ids}} as JSON.
CHILD = r"""
import json, sys
if sys.argv[3] == "english":
    import searchidx.load.pipeline as pipeline
    pipeline.detect_languages = lambda *a, **k: None
from searchidx import Index
index = Index.open(sys.argv[1], create=True)
index.sync([sys.argv[2]])
out = {}
for q in json.loads(sys.argv[4]):
    r = index.search(q, limit=50)
    out[q] = {"total": r.total, "ids": [f"{h.path}#{h.n}" for h in r.hits]}
print(json.dumps(out))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=1300, help="files in the sample")
    ap.add_argument("--keep", type=Path, help="build the sample and indexes here, and keep them")
    ap.add_argument("--rounds", type=int, default=30, help="timed runs of each query on each index")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        src = work / "sample"
        if not src.exists():
            src.mkdir(parents=True)
            sample(args.limit, src)
        results = {}
        for mode in ("languages", "english"):
            ix = work / f"ix-{mode}"
            if args.keep and ix.exists():
                shutil.rmtree(ix)
            done = subprocess.run([sys.executable, "-c", CHILD, str(ix), str(src), mode, json.dumps(QUERIES)],
                                  capture_output=True, text=True, check=True, cwd=ROOT)
            results[mode] = json.loads(done.stdout.strip().splitlines()[-1])
        speed = timed(work, args.rounds)
    same = 0
    for q in QUERIES:
        a, b = results["english"][q], results["languages"][q]
        order = a["ids"] == b["ids"]
        same += order
        common = len(set(a["ids"]) & set(b["ids"]))
        first = next((i + 1 for i, (x, y) in enumerate(zip(a["ids"], b["ids"])) if x != y), None)
        print(f"{q:22} total {a['total']:6} -> {b['total']:6}  top {len(a['ids'])}: "
              + ("same order" if order else f"{common} in common, first difference at rank {first}"))
    print(f"{same} of {len(QUERIES)} queries give the same ids in the same order")
    print("\nwarm queries, fastest run, ms       English only   per language   ratio")
    for kind, (english, languages) in speed.items():
        print(f"  {kind:12}                       {english:8.2f}       {languages:8.2f}   {languages / english:5.2f}")


def timed(work: Path, rounds: int) -> dict[str, tuple[float, float]]:
    """Per kind of compare_revs' queries (their speaker filters aside), the mean over its queries of each
    query's fastest run on the English-only index and on the per-language one. Each query runs ``rounds``
    times on each, alternating which goes first: on a shared 2-core machine the minimum of many
    interleaved runs is the figure that other work disturbs least."""
    from searchidx import Index

    indexes = [Index.open(work / "ix-english"), Index.open(work / "ix-languages")]
    out = {}
    for kind, queries in TIMED.items():
        queries = [q for q in queries if "--" not in q]
        if not queries:
            continue
        sums = [0.0, 0.0]
        for q in queries:
            for index in indexes:
                index.search(q, limit=10)  # warm
            best = [float("inf"), float("inf")]
            for r in range(rounds):
                for i in ((0, 1) if r % 2 == 0 else (1, 0)):
                    start = time.perf_counter()
                    indexes[i].search(q, limit=10)
                    best[i] = min(best[i], time.perf_counter() - start)
            sums = [sums[0] + best[0], sums[1] + best[1]]
        out[kind] = (sums[0] / len(queries) * 1000, sums[1] / len(queries) * 1000)
    return out

if __name__ == "__main__":
    main()
