"""English results and speed with and without per-language analysis: the same code builds the same sample
twice, once as it does and once with every paragraph analysed as English (language detection switched
off), compares the ids of English queries, then times English queries of each kind on both indexes.

    python bench/language_results.py [--limit 1300] [--keep DIR] [--rounds 7]

The sample is bench/compare_revs.py's (an even sample of the prosecutor and BBC corpora). Prints, per
query, the totals and whether the top 50 ids come in the same order, and per kind the best round's mean
time on each index (rounds alternate between the two); nothing is asserted. With --keep DIR, a sample
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
    ap.add_argument("--rounds", type=int, default=7, help="timed rounds (the first is a warm-up)")
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
    print("\nwarm queries, best round's mean ms   English only   per language   ratio")
    for kind, (english, languages) in speed.items():
        print(f"  {kind:12}                       {english:8.2f}       {languages:8.2f}   {languages / english:5.2f}")


def timed(work: Path, rounds: int) -> dict[str, tuple[float, float]]:
    """Per kind of compare_revs' queries (their speaker filters aside), the best round's mean time on the
    English-only index and on the per-language one; rounds alternate between them."""
    from searchidx import Index

    indexes = [Index.open(work / "ix-english"), Index.open(work / "ix-languages")]
    kinds = {kind: [q for q in qs if "--" not in q] for kind, qs in TIMED.items()}
    best: dict[str, list[float]] = {kind: [float("inf"), float("inf")] for kind, qs in kinds.items() if qs}
    for rnd in range(rounds):
        for i, index in enumerate(indexes):
            for kind in best:
                start = time.perf_counter()
                for q in kinds[kind]:
                    index.search(q, limit=10)
                took = (time.perf_counter() - start) / len(kinds[kind]) * 1000
                if rnd:  # the first round warms the caches
                    best[kind][i] = min(best[kind][i], took)
    return {kind: (a, b) for kind, (a, b) in best.items()}


if __name__ == "__main__":
    main()
