"""`searchidx export --format sqlite` on the corpora: time, peak memory, and whether `sqlite-utils search`
finds the same paragraphs as `searchidx search` for a list of words.

    python bench/export_check.py [--index DIR] [--corpus DIR ...] [--words w1,w2,...]

Without --index (or with one that does not exist yet, kept afterwards), builds one from the corpora
folders (default: every folder of $SEARCHIDX_SHARED/corpora, or ../shared/corpora). Each export runs in a fresh process (the CLI) so that its
peak RSS is its own; the JSON Lines export is timed the same way. Comparison: the ids of every paragraph
(`iter_search(word, kinds=None)`: every kind, copies not folded) against those `sqlite-utils search`
returns. Prints a table and writes bench/results/export_check.json.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from searchidx import Index  # noqa: E402

WORDS = "attorney,police,sentenced,minister,government,election,economy,court,fraud,shares,music,said,victims,budget,health"


_CHILD = """
import resource, sys
from searchidx.cli.main import main
sys.argv = ["searchidx", *sys.argv[1:]]
try:
    main()
finally:
    sys.stderr.write(f"maxrss {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n")
"""


def cli(*args: str) -> tuple[float, int, subprocess.CompletedProcess]:
    """Run the CLI in a fresh process: seconds and that process's own peak RSS in MB."""
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _CHILD, *args], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    seconds = time.perf_counter() - start
    if out.returncode != 0:
        sys.exit(out.stderr)
    peak_kb = int(out.stderr.rsplit("maxrss ", 1)[1].split()[0])
    return seconds, peak_kb // 1024, out


def main() -> None:
    shared = Path(os.environ.get("SEARCHIDX_SHARED") or ROOT.parent / "shared") / "corpora"
    ap = argparse.ArgumentParser()
    ap.add_argument("--index")
    ap.add_argument("--corpus", action="append")
    ap.add_argument("--words", default=WORDS)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="export-check-"))
    try:
        ix = Path(args.index) if args.index else tmp / "ix"
        if not (ix / "searchidx.json").exists():
            corpora = args.corpus or sorted(str(p) for p in shared.iterdir() if p.is_dir())
            start = time.perf_counter()
            report = Index.open(ix, create=True).sync(corpora)
            print(f"built {ix} from {len(corpora)} folders: {len(report.added)} files, {report.paragraphs} paragraphs, "
                  f"{time.perf_counter() - start:.0f} s")
        index = Index.open(ix)
        paragraphs = index.stats().paragraphs
        db = tmp / "export.db"
        sql_s, sql_mb, _ = cli("export", "--format", "sqlite", "-o", str(db), "--index", str(ix), "-q")
        jsonl_s, jsonl_mb, _ = cli("export", "--format", "jsonl", "-o", str(tmp / "export.jsonl"), "--index", str(ix), "-q")
        sqlite_utils = shutil.which("sqlite-utils", path=os.path.dirname(sys.executable)) or "sqlite-utils"
        rows = []
        for word in args.words.split(","):
            out = subprocess.run([sqlite_utils, "search", str(db), "paragraphs", word, "--csv", "-c", "id"],
                                 capture_output=True, text=True, check=True)
            found = {r["id"] for r in csv.DictReader(io.StringIO(out.stdout))}
            ours = {h.id for h in index.iter_search(word, kinds=None)}
            rows.append({"word": word, "searchidx": len(ours), "sqlite_utils": len(found), "same": found == ours,
                         "only_searchidx": sorted(ours - found)[:3], "only_sqlite": sorted(found - ours)[:3]})
        result = {"paragraphs": paragraphs, "sqlite_seconds": round(sql_s, 1), "sqlite_peak_mb": sql_mb,
                  "sqlite_mb": round(db.stat().st_size / 1e6, 1), "jsonl_seconds": round(jsonl_s, 1),
                  "jsonl_peak_mb": jsonl_mb, "words": rows}
        print(f"{paragraphs} paragraphs: sqlite {sql_s:.1f} s, peak {sql_mb} MB, {db.stat().st_size / 1e6:.1f} MB on "
              f"disk; jsonl {jsonl_s:.1f} s, peak {jsonl_mb} MB")
        print(f"{'word':<14}{'searchidx':>10}{'sqlite-utils':>14}  same")
        for r in rows:
            print(f"{r['word']:<14}{r['searchidx']:>10}{r['sqlite_utils']:>14}  {'yes' if r['same'] else 'NO'}"
                  + ("" if r["same"] else f"  only ours {r['only_searchidx']}, only theirs {r['only_sqlite']}"))
        (ROOT / "bench" / "results").mkdir(exist_ok=True)
        (ROOT / "bench" / "results" / "export_check.json").write_text(json.dumps(result, indent=1) + "\n")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
