"""Build and query speed of several git revisions of searchidx, side by side in one run.

    python bench/compare_revs.py REV [REV ...] [--limit N] [--rounds N] [--builds N] [--cold N]

Each revision is exported (`git archive`) into a temporary folder and run from there in fresh
processes with the machine's Python (the revisions share the installed dependencies). All of them index
the same sample of the prosecutor and BBC corpora (`--limit` files, an even sample), each into its own
index; then, round after round, every revision runs the same warm queries through its Python API and the
same CLI searches in fresh processes. Rounds alternate between revisions so that a busy moment on a
shared machine falls on all of them alike; the table shows each revision's minimum and median over the
rounds (the minimum is the figure least disturbed by other work). Builds are repeated `--builds` times
the same way. Nothing is asserted.
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
CORPORA = Path(os.environ.get("SEARCHIDX_SHARED") or ROOT.parent / "shared") / "corpora"
SOURCES = [CORPORA / "prosecutor_press_releases_txt" / "text", CORPORA / "bbc_news" / "bbc"]

QUERIES = {
    "term": ["sentenced", "fraud", "election", "music", "accountability"],
    "two terms": ["police investigation", "court fraud", "government election"],
    "phrase": ['"district attorney"', '"pleaded guilty"', '"prime minister"'],
    "prefix": ["investig*", "prosecut*", "electr*"],
    "fuzzy": ["sentenced~1", "goverment~1", "attorny~1"],
    "speaker": ["sentenced --speaker=Vance", "fraud --speaker=Gonzalez"],
}
CLI_QUERIES = ["sentenced", '"district attorney"']

# Run inside each revision's folder: the revisions' APIs agree on Index.open, sync and search.
BUILD = """
import json, sys, time
from searchidx import Index
t = time.perf_counter()
index = Index.open(sys.argv[1], create=True)
index.sync([sys.argv[2]])
print(json.dumps({"seconds": time.perf_counter() - t}))
"""
WARM = """
import json, sys, time
from searchidx import Index
queries = json.loads(sys.argv[2])
index = Index.open(sys.argv[1])
out = {}
for kind, texts in queries.items():
    for text in texts:
        query, _, speaker = text.partition(" --speaker=")
        options = {"speaker": speaker} if speaker else {}
        index.search(query, limit=10, **options)  # warm
        best = None
        for _ in range(int(sys.argv[3])):
            t = time.perf_counter()
            result = index.search(query, limit=10, **options)
            best = min(best or 1e9, time.perf_counter() - t)
        out[text] = [best, result.total]
print(json.dumps(out))
"""


def export(rev: str, into: Path) -> str:
    sha = subprocess.run(["git", "rev-parse", "--short", rev], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout.strip()
    into.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", sha], cwd=ROOT, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return sha


def sample(limit: int, into: Path) -> int:
    files = sorted(p for src in SOURCES for p in src.rglob("*") if p.is_file())
    step = max(1, len(files) // limit) if limit else 1
    chosen = files[::step][:limit] if limit else files
    for i, path in enumerate(chosen):
        shutil.copy(path, into / f"{i:05d}-{path.name}")
    return len(chosen)


def run(code_dir: Path, args: list[str]) -> dict:
    env = {**os.environ, "PYTHONPATH": str(code_dir)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    done = subprocess.run([sys.executable, *args], env=env, cwd=code_dir, check=True,
                          capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def cli_time(code_dir: Path, index: Path, query: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(code_dir), "NO_COLOR": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import sys; from searchidx.cli import main; sys.exit(main())",
                    "search", query, "--index", str(index)], env=env, cwd=code_dir, check=True,
                   capture_output=True)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("revs", nargs="+", help="git revisions (commits, branches, tags)")
    ap.add_argument("--limit", type=int, default=1300, help="files in the sample (0: all)")
    ap.add_argument("--builds", type=int, default=3, help="builds per revision")
    ap.add_argument("--rounds", type=int, default=5, help="rounds of warm queries and CLI searches")
    ap.add_argument("--repeat", type=int, default=5, help="timed runs of each warm query in a round")
    ap.add_argument("--cold", type=int, default=3, help="CLI searches per query in a round")
    ap.add_argument("--out", type=Path, help="write the figures as JSON")
    args = ap.parse_args()
    if not all(src.is_dir() for src in SOURCES):
        sys.exit(f"compare_revs: the corpora are not at {CORPORA} (set SEARCHIDX_SHARED)")

    work = Path(tempfile.mkdtemp(prefix="searchidx-revs-"))
    try:
        src = work / "sources"
        src.mkdir()
        files = sample(args.limit, src)
        revs = []
        for i, rev in enumerate(args.revs):
            code = work / f"rev{i}"
            revs.append({"rev": rev, "sha": export(rev, code), "code": code, "index": work / f"ix{i}",
                         "build": [], "warm": {}, "cli": []})
        print(f"{files} files; revisions: " + ", ".join(f"{r['rev']} ({r['sha']})" for r in revs),
              file=sys.stderr)
        for b in range(args.builds):
            for r in revs:
                shutil.rmtree(r["index"], ignore_errors=True)
                r["build"].append(run(r["code"], ["-c", BUILD, str(r["index"]), str(src)])["seconds"])
            print(f"build round {b + 1}: " + ", ".join(f"{r['build'][-1]:.2f}s" for r in revs), file=sys.stderr)
        for r in revs:  # one untimed CLI run writes the revision's bytecode
            cli_time(r["code"], r["index"], CLI_QUERIES[0])
        for n in range(args.rounds):
            for r in revs:
                out = run(r["code"], ["-c", WARM, str(r["index"]), json.dumps(QUERIES), str(args.repeat)])
                for text, (best, total) in out.items():
                    r["warm"].setdefault(text, []).append(best)
                    r.setdefault("totals", {})[text] = total
                for query in CLI_QUERIES:
                    r["cli"].extend(cli_time(r["code"], r["index"], query) for _ in range(args.cold))
            print(f"query round {n + 1} done", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    first = revs[0]["totals"]
    differ = {r["sha"]: sorted(t for t, total in r["totals"].items() if total != first[t]) for r in revs[1:]}
    rows = [("build (s)", [(min(r["build"]), statistics.median(r["build"])) for r in revs])]
    for kind, texts in QUERIES.items():
        # A kind's figure: the sum over its queries of each query's per-round best, then min/median of rounds.
        per_round = [[sum(r["warm"][t][k] for t in texts) * 1000 / len(texts) for k in range(args.rounds)]
                     for r in revs]
        rows.append((f"{kind} (ms)", [(min(v), statistics.median(v)) for v in per_round]))
    rows.append(("CLI search (ms)", [(min(r["cli"]) * 1000, statistics.median(r["cli"]) * 1000) for r in revs]))
    head = f"{'':18}" + "".join(f"{r['rev'][:14] + ' ' + r['sha']:>26}" for r in revs)
    print(head)
    print(f"{'':18}" + "".join(f"{'min / median':>26}" for _ in revs))
    for label, cells in rows:
        print(f"{label:18}" + "".join(f"{f'{lo:.2f} / {mid:.2f}':>26}" for lo, mid in cells))
    base = rows
    if len(revs) > 1:
        print(f"{'ratio to first':18}" + "".join(f"{'(min)':>26}" for _ in revs))
        for label, cells in base:
            print(f"{label:18}" + "".join(f"{cells[i][0] / cells[0][0]:>26.3f}" for i in range(len(revs))))
    for sha, texts in differ.items():
        print(f"{sha}: totals " + (f"differ from {revs[0]['sha']}'s for: " + ", ".join(texts) if texts
                                   else f"agree with {revs[0]['sha']}'s on every query"))
    try:
        print(f"load average: {os.getloadavg()[0]:.2f}")
    except OSError:
        pass
    if args.out:
        args.out.write_text(json.dumps({"files": files, "rows": [[label, cells] for label, cells in rows],
                                        "revisions": [{"rev": r["rev"], "sha": r["sha"]} for r in revs],
                                        "totals_differ": differ}, indent=1))


if __name__ == "__main__":
    main()
