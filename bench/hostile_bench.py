"""No hostile file or query keeps a process busy past its limit (issue 23): each is timed here.

    python bench/hostile_bench.py                       # files, then queries on an index of corpora files
    python bench/hostile_bench.py --index /tmp/ix-h     # reuse (or build there) the index of the queries
    python bench/hostile_bench.py --files-only

Files: each hostile file is loaded in a fresh process (`searchidx parse`, the per-file limit at its default,
10 s), and all of them are then built together (`searchidx build`: the time the writers' lock is held).
Queries: each runs in this process with the default budget (5 s), through every way a query string
drives a search: `Index.search`, the same with every facet and the timeline, `Index.search_releases`,
`Index.iter_search` (its first step: matching and ranking), and `searchidx serve`'s `/api/search` (the
application called in this process, facets and timeline asked); on an index of --limit files of the
prosecutor and BBC corpora in ../shared/corpora (built on first use), and once through the CLI. A row prints the wall time and the outcome; the last line says whether every one kept its limit
(plus the time to start a process, measured, and half a second).
"""

from __future__ import annotations

import argparse
import gzip
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
CORPORA = Path(os.environ.get("SEARCHIDX_SHARED") or ROOT.parent / "shared") / "corpora"
SOURCES = [CORPORA / "prosecutor_press_releases_txt" / "text", CORPORA / "bbc_news" / "bbc"]
FILE_LIMIT = 10.0
QUERY_LIMIT = 5.0
#: Allowance over a limit: reading and decoding before the clock starts, stopping after it rings.
SLACK = 0.5


def hostile_files(folder: Path) -> list[Path]:
    """Files written to make a loader work long, use memory, hang or break."""
    quotes = "Headline\n\n" + "\n\n".join(
        f'The mayor said, "We will fix road {i} soon, and the budget is fine." The council agreed on {i}.'
        for i in range(60000))
    files = {
        "stray_close.html": "<html><body>" + "<div></i>" * 8000 + "text</body></html>",
        "nested_990.html": "<html><body>" + "<div>" * 990 + "words " * 3000 + "</div>" * 990 + "</body></html>",
        "json_html.json": json.dumps({"title": "t", "body": "<div>" * 8000 + "hello"}),
        "json_deep.json": "[" * 1_000_000 + "]" * 1_000_000,
        "billion_laughs.xml": ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                               + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
                                         for i in range(1, 10))
                               + ']><newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">&lol9;</newsMessage>'),
        "quotes_6mb.txt": quotes,
        "one_line.txt": "word " * 1_900_000,
        "no_spaces.txt": "x" * 9_000_000,
        "angle_brackets.html": "<p>" + "<" * 5_000_000,
        "attrs.html": "<html><body><div " + 'a="b" ' * 1_000_000 + ">x</div></body></html>",
    }
    out = []
    for name, text in files.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        out.append(path)
    bomb = folder / "bomb.txt.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as fh:
        for _ in range(200):
            fh.write(b"\0" * (1 << 20))
    out.append(bomb)
    fifo = folder / "fifo.txt"
    os.mkfifo(fifo)
    out.append(fifo)
    return out


QUERIES = [
    "abcdefghijklmnopqrstuvwxyz~9",
    "abcdefghijklmnopqrstuvwxyz~2",
    "a" * 100_000,
    "x" * 100,
    " ".join(f"wor{c}*" for c in "abcdefghijklmnopqrstuvwxyz") * 2,
    " OR ".join(f"{w}~2" for w in ("attorney", "district", "sentenced", "investigation", "prosecutor",
                                    "government", "election", "minister", "president", "company") * 8),
    "*a*e*i*o*u*",
    "???*",
    "s*e*n*t*e*n*c*e*d",
    "(" * 300 + "murder" + ")" * 300,
    '"' + " ".join(["the"] * 400) + '"',
    " ".join(f"title:{c}{c}{c}*" for c in "abcdefghijklmnopqrstuvwxyz"),
]


def _run(cmd: list[str], timeout: float, *, stdout: bool = False) -> tuple[float, int | None, str]:
    """Wall time, exit code and the last line of stderr (``stdout``: of stdout)."""
    start = time.monotonic()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT,
                              errors="replace")
        code, out = proc.returncode, (proc.stdout if stdout else proc.stderr).strip().splitlines()
    except subprocess.TimeoutExpired:
        code, out = None, ["KILLED at the bench's timeout"]
    return time.monotonic() - start, code, (out[-1] if out else "ok")[:110]


_LOAD_ONE = """
import sys, time
from searchidx import LoadError
from searchidx.load.core import load_release
start = time.monotonic()
try:
    what = f"{len(load_release(sys.argv[1]).paragraphs)} paragraphs"
except LoadError as exc:
    what = exc.reason
print(f"{time.monotonic() - start:.3f} {what}")
"""


def _start_time(work: Path) -> float:
    """Wall time of `searchidx parse` on a small release: starting Python and importing searchidx."""
    small = work / "small.txt"
    small.write_text('Title\n\nMayor Jane Smith said, "All is well."\n', encoding="utf-8")
    return min(_run([sys.executable, "-m", "searchidx", "parse", str(small)], 60)[0] for _ in range(3))


def bench_files(work: Path) -> list[tuple[str, float, float, str]]:
    folder = work / "hostile"
    folder.mkdir()
    start = _start_time(work)
    print(f"{'parse a small release (process start)':<40} {start:7.2f} s", flush=True)
    rows = []
    for path in hostile_files(folder):
        # The load itself, timed in the child (its start and its exit, which frees what the load built, are
        # not the loader's work), then the whole `searchidx parse` as a user runs it.
        seconds, code, what = _run([sys.executable, "-c", _LOAD_ONE, str(path)], FILE_LIMIT * 4, stdout=True)
        loaded = float(what.split()[0]) if code == 0 else seconds
        rows.append((f"load {path.name}", loaded, FILE_LIMIT + SLACK, " ".join(what.split()[1:])[:100]))
        print(f"{rows[-1][0]:<40} {loaded:7.2f} s  {rows[-1][3]}", flush=True)
        seconds, code, what = _run([sys.executable, "-m", "searchidx", "parse", str(path)], FILE_LIMIT * 4)
        print(f"{'  searchidx parse, wall':<40} {seconds:7.2f} s", flush=True)
    index = work / "ix-files"
    seconds, code, what = _run([sys.executable, "-m", "searchidx", "build", str(folder), "--index", str(index)],
                               FILE_LIMIT * 20)
    # A build of N files holds the lock for at most about N limits run on the cores at hand: each file is
    # stopped at its own limit.
    allowed = FILE_LIMIT * len(list(folder.iterdir())) + start + SLACK
    rows.append(("build (all of them)", seconds, allowed, what))
    print(f"{rows[-1][0]:<40} {seconds:7.2f} s  {what}", flush=True)
    return rows


def _api_search(app: object, query: str) -> str:
    """``/api/search`` through the ASGI application in this process (no server, no HTTP client)."""
    from urllib.parse import urlencode

    import anyio

    qs = urlencode({"q": query, "facet": ["speaker", "source", "year", "location"], "timeline": "1"}, doseq=True)
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": "/api/search", "raw_path": b"/api/search", "query_string": qs.encode(), "root_path": "",
             "headers": [(b"host", b"127.0.0.1")], "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    anyio.run(app, scope, receive, send)
    body = json.loads(b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body"))
    return f"{body['total']} matches" if "total" in body else f"error: {body.get('error')}"


def _ways(ix: object) -> list[tuple[str, object]]:
    """Every way a query string drives a search: (label, function of the query returning what it found)."""
    from searchidx.serve.app import create_app

    app = create_app(ix)
    everything = ("speaker", "source", "year", "location", "language")
    return [
        ("search", lambda q: f"{ix.search(q).total} matches"),
        ("facets+timeline", lambda q: f"{ix.search(q, limit=0, facets=everything, timeline=True).total} matches"),
        ("releases", lambda q: f"{ix.search_releases(q).total} releases"),
        ("iter_search", lambda q: "a hit" if next(ix.iter_search(q), None) else "no hit"),
        ("serve /api/search", lambda q: _api_search(app, q)),
    ]


def bench_queries(index_dir: Path, limit: int, work: Path) -> list[tuple[str, float, float, str]]:
    from searchidx import Index, QueryError

    if not (index_dir / "searchidx.json").exists():
        files = [p for src in SOURCES for p in sorted(src.rglob("*.txt"))][:limit]
        if not files:
            raise SystemExit(f"no corpora at {CORPORA}: give --index of an existing index")
        staging = index_dir.parent / (index_dir.name + "-sources")
        staging.mkdir(parents=True, exist_ok=True)
        for i, p in enumerate(files):
            target = staging / f"{i:05d}_{p.name}"
            if not target.exists():
                os.symlink(p, target)
        print(f"building {index_dir} from {len(files)} corpora files ...", flush=True)
        Index.open(index_dir, create=True, follow_links=True).sync([staging])
    ix = Index.open(index_dir)
    ix.search("warm up")
    rows = []
    for how, run in _ways(ix):
        for query in QUERIES:
            start = time.monotonic()
            try:
                what = run(query)
            except QueryError as exc:
                what = f"QueryError: {exc}"
            seconds = time.monotonic() - start
            label = query if len(query) <= 30 else f"{query[:24]}… ({len(query)} chars)"
            rows.append((f"{how} {label}", seconds, QUERY_LIMIT + SLACK, what[:110]))
            print(f"{rows[-1][0]:<48} {seconds:7.2f} s  {rows[-1][3]}", flush=True)
    start = _start_time(work)
    for query in QUERIES[:3]:
        seconds, _code, what = _run([sys.executable, "-m", "searchidx", "search", query, "--index", str(index_dir)],
                                    QUERY_LIMIT * 4)
        label = query if len(query) <= 30 else f"{query[:24]}… ({len(query)} chars)"
        rows.append((f"CLI search {label}", seconds, QUERY_LIMIT + start + SLACK, what))
        print(f"{rows[-1][0]:<40} {seconds:7.2f} s  {what}", flush=True)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", type=Path, default=Path(tempfile.gettempdir()) / "searchidx-hostile-ix")
    ap.add_argument("--limit", type=int, default=3000, help="corpora files in the index built for queries")
    ap.add_argument("--files-only", action="store_true")
    ap.add_argument("--queries-only", action="store_true")
    args = ap.parse_args()
    rows = []
    work = Path(tempfile.mkdtemp(prefix="searchidx-hostile-"))
    try:
        if not args.queries_only:
            rows += bench_files(work)
        if not args.files_only:
            rows += bench_queries(args.index, args.limit, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    over = [r for r in rows if r[1] > r[2]]
    worst = max(rows, key=lambda r: r[1] / r[2])
    print(f"\n{len(rows)} runs; longest against its limit: {worst[0]} {worst[1]:.2f} s of {worst[2]:.1f} s; "
          + ("every one within its limit" if not over else f"OVER THE LIMIT: {', '.join(r[0] for r in over)}"))
    sys.exit(1 if over else 0)


if __name__ == "__main__":
    main()
