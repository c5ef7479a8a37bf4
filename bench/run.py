"""searchidx at archive scale, next to raw Whoosh and SQLite FTS5, in one run on one machine.

    PYTHONPATH=. python bench/run.py [CORPUS...] [--limit N] [--scale N] [--queries N] [--out FILE]
    PYTHONPATH=. python bench/run.py --engine opensearch://127.0.0.1:9200 [CORPUS...] [--limit N] [--scale N]

Measures parse rate (and attribution's share), full build (wall, paragraphs/s, peak RSS, size on disk)
for searchidx and for a minimal raw Whoosh script and SQLite FTS5 over the same paragraphs, warm (API)
and cold (CLI, fresh process) query latency by kind, and incremental syncs. Prints a table and writes
JSON to bench/results/ (or --out). Every build runs in a fresh process, so its peak RSS is its own.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import random
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_CORPORA = [ROOT.parent / "shared/corpora/prosecutor_press_releases_txt/text",
                   ROOT.parent / "shared/corpora/bbc_news/bbc"]
MAX_PARAGRAPHS = 1_000_000
KINDS = ["term", "two terms", "phrase", "prefix", "fuzzy", "speaker", "date range"]


# -- helpers --------------------------------------------------------------------------------------
def peak_rss_mb() -> dict[str, float]:
    """Peak resident set size of this process and of its largest finished child (Linux: KiB)."""
    scale = 1 / 1024 if sys.platform != "darwin" else 1 / 1024 / 1024
    return {"self": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale,
            "children": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale}


class TreeMemory:
    """The peak of the physical memory this process and its children hold together, sampled every quarter
    second (Linux: the sum of their PSS, in which pages a forked worker shares with its parent count once;
    their RSS would count them in each). None where /proc has no smaps_rollup."""

    def __init__(self) -> None:
        import threading

        self.peak = 0.0
        self.available = os.path.exists(f"/proc/{os.getpid()}/smaps_rollup")
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        if self.available:
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self.available:
            self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, sum(map(self._pss_mb, self._tree(os.getpid()))))
            self._stop.wait(0.25)

    @staticmethod
    def _tree(pid: int) -> list[int]:
        pids, todo = [], [pid]
        while todo:
            p = todo.pop()
            pids.append(p)
            try:
                for task in os.listdir(f"/proc/{p}/task"):
                    with open(f"/proc/{p}/task/{task}/children") as fh:
                        todo.extend(int(c) for c in fh.read().split())
            except OSError:
                continue
        return pids

    @staticmethod
    def _pss_mb(pid: int) -> float:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    def result(self) -> float | None:
        return round(self.peak, 1) if self.available else None


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def child(*args: str, env: dict[str, str] | None = None) -> dict:
    """Run a phase of this script in a fresh process; it prints one JSON object last."""
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})
    if out.returncode:
        raise SystemExit(f"bench phase {args[:2]} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# -- corpus ---------------------------------------------------------------------------------------
def corpus_files(roots: list[Path], limit: int | None) -> list[Path]:
    from searchidx.load.core import discover

    files, _ = discover([str(r) for r in roots])
    if limit:
        # An even sample across the folders, not just the first one's files.
        step = max(1, len(files) // limit)
        files = files[::step][:limit]
    return files


def stage_corpus(files: list[Path], scale: int, work: Path) -> Path:
    """A folder holding the files (symlinks), or ``scale`` copies of each made distinct (and so with distinct
    release ids) by trailing spaces the loader ignores."""
    folder = work / "corpus"
    folder.mkdir()
    for i, f in enumerate(files):
        name = f"{i:06d}_{f.name}"
        if scale <= 1:
            os.symlink(f.resolve(), folder / name)
            continue
        data = f.read_bytes()
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        for k in range(scale):
            (sub / f"{k:03d}_{name}").write_bytes(distinct(data, k))
    return folder


def distinct(data: bytes, k: int) -> bytes:
    """``data`` made distinct by k + 1 spaces at the end of its last line, which the loader strips (a blank line
    would not do: it tells the text format that blank lines separate paragraphs)."""
    body = data.rstrip(b"\r\n")
    return body + b" " * (k + 1) + data[len(body):]


# -- phase: parse -----------------------------------------------------------------------------------
def phase_parse(files: list[Path], scale: int, dump: Path) -> dict:
    """Load every file in-process (one core), timing attribution apart; dump the paragraphs for the others."""
    from searchidx.errors import LoadError
    from searchidx.load import pipeline
    from searchidx.load.core import load_release

    spent = [0.0]
    original = pipeline.attribute

    def timed_attribute(*args, **kwargs):
        t = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - t

    pipeline.attribute = timed_attribute
    paras: list[tuple[str, str | None, str | None, str]] = []
    ok = failed = 0
    t0 = time.perf_counter()
    for f in files:
        try:
            r = load_release(f)
        except LoadError as exc:
            failed += 1
            if failed == len(files) // 2:  # not bad files: the benchmark itself is broken
                raise SystemExit(f"half the files failed to load, e.g. {exc}") from None
            continue
        ok += 1
        date = r.date.isoformat() if r.date else None
        for p in r.paragraphs:
            paras.append((p.text, p.speaker, date, p.kind))
    wall = time.perf_counter() - t0
    pipeline.attribute = original
    if scale > 1:
        paras = paras * scale
    with dump.open("wb") as fh:
        pickle.dump(paras, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return {"files": len(files), "releases": ok, "failed": failed, "wall_s": wall, "releases_per_s": ok / wall,
            "attribution_s": spent[0], "attribution_share": spent[0] / wall, "paragraphs": len(paras)}


# -- phase: builds (each in a fresh process) -------------------------------------------------------
def build_searchidx(corpus: str, ix_dir: str, variant: str) -> dict:
    from searchidx import Index

    options: dict = {}
    if variant == "sequential":
        options["processes"] = 0
    elif variant == "whoosh-procs2":  # measurement only: its sub-writers do not keep a release's documents together
        options.update(processes=0, writer_options={"limitmb": 256, "procs": 2})
    elif variant.startswith("limitmb"):
        options["writer_options"] = {"limitmb": int(variant[7:])}
    t0 = time.perf_counter()
    with TreeMemory() as memory:
        ix = Index.open(ix_dir, create=True, **options)
        # "rebuild": the same files from scratch with `searchidx build --rebuild`; the default: a first sync
        # (worker segments committed as they come, small segments merged at the end).
        report = ix.rebuild([corpus]) if variant == "rebuild" else ix.sync([corpus])
    wall = time.perf_counter() - t0
    return {"wall_s": wall, "paragraphs": report.paragraphs, "releases": len(report.added),
            "skipped": len(report.skipped), "rss_mb": peak_rss_mb(), "pss_total_mb": memory.result(),
            "size_bytes": folder_size(Path(ix_dir))}


def raw_schema():
    from whoosh.fields import TEXT, Schema

    from searchidx.engine.whoosh.schema import text_analyzer

    return Schema(text=TEXT(analyzer=text_analyzer(), stored=True, phrase=True))


def build_raw(dump: str, ix_dir: str) -> dict:
    """The minimal raw Whoosh script: one stored, positional text field, same analyzer, one commit."""
    from whoosh import index

    with open(dump, "rb") as fh:
        paras = pickle.load(fh)
    t0 = time.perf_counter()
    ix = index.create_in(ix_dir, raw_schema())
    w = ix.writer(limitmb=256)
    for text, *_ in paras:
        w.add_document(text=text)
    w.commit()
    wall = time.perf_counter() - t0
    del paras
    return {"wall_s": wall, "paragraphs": ix.doc_count(), "rss_mb": peak_rss_mb(), "size_bytes": folder_size(Path(ix_dir))}


def build_fts5(dump: str, db: str) -> dict:
    with open(dump, "rb") as fh:
        paras = pickle.load(fh)
    t0 = time.perf_counter()
    con = sqlite3.connect(db)
    con.execute("CREATE VIRTUAL TABLE p USING fts5(text, speaker, date UNINDEXED, "
                "tokenize='porter unicode61 remove_diacritics 2')")
    with con:
        con.executemany("INSERT INTO p(text, speaker, date) VALUES (?, ?, ?)", ((t, s, d) for t, s, d, _ in paras))
    con.execute("INSERT INTO p(p) VALUES ('optimize')")
    con.commit()
    con.close()
    wall = time.perf_counter() - t0
    return {"wall_s": wall, "paragraphs": len(paras), "rss_mb": peak_rss_mb(), "size_bytes": os.path.getsize(db)}


# -- queries --------------------------------------------------------------------------------------
def make_queries(dump: Path, n: int, seed: int = 7) -> dict[str, list[dict]]:
    """Queries of each kind drawn from the corpus: mid-frequency words, adjacent pairs, real speakers."""
    from whoosh.analysis import STOP_WORDS

    with dump.open("rb") as fh:
        paras = pickle.load(fh)
    rnd = random.Random(seed)
    sample = rnd.sample(paras, min(len(paras), 20000))
    word = re.compile(r"[a-z]{5,}")
    df: Counter[str] = Counter()
    for text, *_ in sample:
        df.update(set(word.findall(text.lower())))
    lo, hi = len(sample) * 0.002, len(sample) * 0.05
    mid = sorted(w for w, c in df.items() if lo <= c <= hi and w not in STOP_WORDS)
    words = rnd.sample(mid, min(len(mid), 4 * n))
    pool = [p for p in sample if len(p[0]) > 80]
    dates = sorted({p[2][:4] for p in paras if p[2]})
    speakers = [p for p in sample if p[1] and p[3] == "body"]
    q: dict[str, list[dict]] = {k: [] for k in KINDS}
    for w in words[:n]:
        q["term"].append({"q": w})
        q["prefix"].append({"q": w[:4] + "*", "fts": w[:4] + "*"})
        q["fuzzy"].append({"q": w[:-1] + ("x" if w[-1] != "x" else "y") + "~", "fts": None})
    while len(q["two terms"]) < n or len(q["phrase"]) < n:
        text = rnd.choice(pool)[0].lower()
        toks = re.findall(r"[a-z]+", text)
        good = [t for t in toks if len(t) > 3 and t not in STOP_WORDS]
        if len(good) >= 2 and len(q["two terms"]) < n:
            a, b = rnd.sample(good, 2)
            q["two terms"].append({"q": f"{a} {b}"})
        pairs = [(a, b) for a, b in zip(toks, toks[1:]) if len(a) > 3 and len(b) > 3
                 and a not in STOP_WORDS and b not in STOP_WORDS]
        if pairs and len(q["phrase"]) < n:
            a, b = rnd.choice(pairs)
            q["phrase"].append({"q": f'"{a} {b}"'})
    for text, speaker, _, _ in rnd.sample(speakers, min(n, len(speakers))):
        last = re.findall(r"[^\W\d_]+", speaker)[-1].lower()
        ws = [w for w in word.findall(text.lower()) if w not in STOP_WORDS] or ["said"]
        w = rnd.choice(ws)
        q["speaker"].append({"q": w, "speaker": last, "fts": f"text:{w} AND speaker:{last}"})
    for w in words[n:2 * n]:
        year = rnd.choice(dates) if dates else "2020"
        q["date range"].append({"q": w, "since": f"{year}-01", "until": f"{year}-12", "year": year})
    for kind in ("term", "two terms", "phrase", "date range"):
        for item in q[kind]:
            item.setdefault("fts", item["q"])
    return q


def fts_quote(q: str) -> str:
    """FTS5 syntax for the same words: bare words quoted (so 'and', 'or' are words), phrases and prefixes kept."""
    if q.startswith('"'):
        return q
    out = []
    for part in q.split():
        if part.endswith("*"):
            out.append(f'"{part[:-1]}"*')
        elif ":" in part:
            col, w = part.split(":", 1)
            out.append(f'{col}:"{w}"')
        elif part == "AND":
            out.append(part)
        else:
            out.append(f'"{part}"')
    return " ".join(out)


def phase_queries(ix_dir: str, raw_dir: str, db: str, queries: dict[str, list[dict]], repeat: int) -> dict:
    """Warm latencies (ms) by kind through the searchidx API, raw Whoosh and FTS5, top 10 with highlights."""
    from whoosh import index as windex
    from whoosh import qparser

    from searchidx import Index

    ix = Index.open(ix_dir)
    raw = windex.open_dir(raw_dir)
    raw_parser = qparser.QueryParser("text", raw.schema)
    raw_parser.add_plugin(qparser.FuzzyTermPlugin())
    con = sqlite3.connect(db)
    out: dict[str, dict] = {}
    raw_s = raw.searcher()

    def run_si(item):
        opts = {}
        if "speaker" in item:
            opts["speaker"] = item["speaker"]
        if "since" in item:
            opts.update(since=item["since"], until=item["until"])
        res = ix.search(item["q"], limit=10, **opts)
        return len(res.hits)

    def run_raw(item):
        q = raw_parser.parse(item["q"])
        res = raw_s.search(q, limit=10)
        for hit in res:
            hit.highlights("text")
        return res.scored_length()

    def run_fts(item):
        sql = "SELECT rowid, highlight(p, 0, '[', ']') FROM p WHERE p MATCH ?"
        args: list = [fts_quote(item["fts"])]
        if "year" in item:
            sql += " AND date BETWEEN ? AND ?"
            args += [f"{item['year']}-01-01", f"{item['year']}-12-31"]
        return len(con.execute(sql + " ORDER BY rank LIMIT 10", args).fetchall())

    engines = {"searchidx": run_si, "raw whoosh": run_raw, "fts5": run_fts}
    for kind, items in queries.items():
        row: dict[str, dict] = {}
        for name, fn in engines.items():
            if name == "raw whoosh" and kind in ("speaker", "date range"):
                continue  # the raw script indexes the text field only
            if name == "fts5" and kind == "fuzzy":
                continue  # FTS5 has no fuzzy matching
            times, hits = [], 0
            for item in items:
                fn(item)  # warm: first run loads postings and caches
                for _ in range(repeat):
                    t = time.perf_counter()
                    hits += fn(item) or 0
                    times.append((time.perf_counter() - t) * 1000)
            row[name] = {"p50_ms": pct(times, 0.5), "p95_ms": pct(times, 0.95), "n": len(times),
                         "mean_hits": hits / max(1, len(times))}
        out[kind] = row
    raw_s.close()
    # Is fuzzy fuzzy in searchidx's query language, or a plain term?
    from searchidx.engine.whoosh.queries import parse_query

    fq = parse_query(ix, queries["fuzzy"][0]["q"]) if queries["fuzzy"] else None
    out["_fuzzy_supported"] = bool(fq is not None and "Fuzzy" in repr(fq))
    return out


def phase_cold(ix_dir: str, queries: dict[str, list[dict]], per_kind: int) -> dict:
    """Wall clock of `searchidx search` in a fresh process (bytecode cached, as after an install)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT)
    base = [sys.executable, "-m", "searchidx.cli.main", "search", "--index", ix_dir, "--json"]
    subprocess.run(base + ["warmup"], env=env, capture_output=True)  # writes .pyc, fills the page cache
    out: dict[str, dict] = {}
    for kind, items in queries.items():
        times = []
        for item in items[:per_kind]:
            args = [item["q"]]
            if "speaker" in item:
                args += ["--speaker", item["speaker"]]
            if "since" in item:
                args += ["--since", item["since"], "--until", item["until"]]
            t = time.perf_counter()
            subprocess.run(base + args, env=env, capture_output=True, check=True)
            times.append(time.perf_counter() - t)
        out[kind] = {"p50_s": pct(times, 0.5), "p95_s": pct(times, 0.95), "n": len(times)}
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], env=env, check=True)
    out["_python_startup_s"] = time.perf_counter() - t
    return out


def phase_optimize(ix_dir: str) -> dict:
    """`build --optimize` on a copy of the first sync's index: merge time, size and segments after."""
    from searchidx import Index

    ix = Index.open(ix_dir)
    before = len(ix.engine.whoosh._segments())
    t0 = time.perf_counter()
    left = ix.merge(optimize=True)
    return {"wall_s": time.perf_counter() - t0, "segments_before": before, "segments": left,
            "size_bytes": folder_size(Path(ix_dir)), "rss_mb": peak_rss_mb()}


def phase_incremental(ix_dir: str, extra: str) -> dict:
    """Add one release, update it, and a no-op sync, each a full `sync()` over the remembered sources."""
    from searchidx import Index

    seed = (ROOT / "seeds").glob("*.txt").__next__().read_bytes()
    ix = Index.open(ix_dir)
    out = {}
    path = Path(extra) / "bench_new_release.txt"
    path.write_bytes(seed + b"\nA release added by the benchmark.\n")
    t = time.perf_counter()
    r = ix.sync()
    out["add_one_s"] = time.perf_counter() - t
    assert len(r.added) == 1, r.summary()
    path.write_bytes(seed + b"\nA release changed by the benchmark.\n")
    t = time.perf_counter()
    r = ix.sync()
    out["update_one_s"] = time.perf_counter() - t
    assert len(r.updated) == 1, r.summary()
    t = time.perf_counter()
    r = ix.sync()
    out["noop_s"] = time.perf_counter() - t
    assert not (r.added or r.updated or r.removed), r.summary()
    path.write_bytes(seed + b"\nA release added by the benchmark through add().\n")
    t = time.perf_counter()
    ix.add([path])
    out["api_add_one_s"] = time.perf_counter() - t
    return out


# -- main -----------------------------------------------------------------------------------------
def fmt_table(res: dict) -> str:
    lines = []
    P = res["parse"]
    B = res["builds"]
    si = B["searchidx"]
    raw, fts = B["raw whoosh"], B["fts5"]
    lines.append(f"corpus: {res['corpus']['files']} files x{res['corpus']['scale']} -> {P['releases']} releases "
                 f"({P['failed']} not loadable), {si['paragraphs']} paragraphs; "
                 f"{res['machine']['cpu']} ({res['machine']['cores']} cores), Python {res['machine']['python']}")
    lines.append(f"parse (1 core): {P['releases_per_s']:.0f} releases/s; attribution {P['attribution_share']:.0%} of it")
    lines.append("")
    lines.append("| build | wall s | paragraphs/s | peak RSS MB (main / worker) | peak memory MB, all processes (PSS) "
                 "| size MB | vs raw Whoosh | vs FTS5 |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, b in B.items():
        rss = b["rss_mb"]
        pss = b.get("pss_total_mb")
        lines.append(f"| {name} | {b['wall_s']:.1f} | {b['paragraphs'] / b['wall_s']:,.0f} | "
                     f"{rss['self']:.0f} / {rss['children']:.0f} | {'n/a' if pss is None else f'{pss:.0f}'} | "
                     f"{b['size_bytes'] / 1e6:.1f} | "
                     f"{b['wall_s'] / raw['wall_s']:.2f}x (size {b['size_bytes'] / raw['size_bytes']:.2f}x) | "
                     f"{b['wall_s'] / fts['wall_s']:.1f}x |")
    lines.append("")
    lines.append("| query (top 10, highlights) | searchidx p50 / p95 ms | raw Whoosh p50 / p95 ms | vs raw (p50) "
                 "| FTS5 p50 / p95 ms | vs FTS5 (p50) | CLI cold p50 / p95 s |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|")
    Q, C = res["queries"], res.get("cold", {})
    for kind in KINDS:
        row = Q[kind]
        s = row["searchidx"]
        r = row.get("raw whoosh")
        f = row.get("fts5")
        c = C.get(kind)
        cells = [kind + (" (runs as a term)" if kind == "fuzzy" and not Q["_fuzzy_supported"] else ""),
                 f"{s['p50_ms']:.1f} / {s['p95_ms']:.1f}",
                 f"{r['p50_ms']:.1f} / {r['p95_ms']:.1f}" if r else "n/a",
                 f"{s['p50_ms'] / r['p50_ms']:.2f}x" if r else "n/a",
                 f"{f['p50_ms']:.2f} / {f['p95_ms']:.2f}" if f else "n/a",
                 f"{s['p50_ms'] / f['p50_ms']:.1f}x" if f else "n/a",
                 f"{c['p50_s']:.2f} / {c['p95_s']:.2f}" if c else "-"]
        lines.append("| " + " | ".join(cells) + " |")
    if C:
        lines.append(f"(python -c pass alone: {C['_python_startup_s']:.2f} s)")
    opt, QO = res.get("optimize"), res.get("queries_optimized")
    if opt and QO:
        lines.append("")
        lines.append(f"after `build --optimize` ({opt['segments_before']} segments into {opt['segments']}): "
                     f"{opt['wall_s']:.1f} s, {opt['size_bytes'] / 1e6:.1f} MB "
                     f"(size {opt['size_bytes'] / raw['size_bytes']:.2f}x raw Whoosh's)")
        lines.append("")
        lines.append("| query, optimized index | searchidx p50 / p95 ms | raw Whoosh p50 / p95 ms | vs raw (p50) |")
        lines.append("|---|---:|---:|---:|")
        for kind in KINDS:
            s_, r_ = QO[kind]["searchidx"], QO[kind].get("raw whoosh")
            lines.append(f"| {kind} | {s_['p50_ms']:.1f} / {s_['p95_ms']:.1f} | "
                         + (f"{r_['p50_ms']:.1f} / {r_['p95_ms']:.1f} | {s_['p50_ms'] / r_['p50_ms']:.2f}x |"
                            if r_ else "n/a | n/a |"))
    inc = res.get("incremental")
    if inc:
        full = si["wall_s"]
        lines.append("")
        lines.append("| incremental (sync over all sources) | s | share of full build |")
        lines.append("|---|---:|---:|")
        for k, label in (("add_one_s", "add one release"), ("update_one_s", "update one release"),
                         ("noop_s", "no-op sync"), ("api_add_one_s", "Index.add(one file)")):
            lines.append(f"| {label} | {inc[k]:.2f} | {inc[k] / full:.1%} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="*", type=Path, help="release folders (default: the prosecutor and BBC corpora)")
    ap.add_argument("--limit", type=int, help="at most N files (an even sample)")
    ap.add_argument("--scale", type=int, default=1, help="N distinct copies of each file (capped at 1M paragraphs)")
    ap.add_argument("--queries", type=int, default=20, help="queries per kind")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs of each warm query")
    ap.add_argument("--cold", type=int, default=3, help="CLI runs per kind (fresh processes)")
    ap.add_argument("--variants", default="rebuild,sequential",
                    help="extra searchidx builds to compare, comma-separated: rebuild, sequential, "
                         "whoosh-procs2, "
                         "limitmbN")
    ap.add_argument("--no-optimize", dest="optimize", action="store_false",
                    help="skip `build --optimize` on a copy of the index and the warm queries on it")
    ap.add_argument("--build-only", action="store_true",
                    help="only the searchidx build (wall, rate, peak RSS, size): for --scale runs")
    ap.add_argument("--out", type=Path, help="JSON file (default: bench/results/<time>.json)")
    ap.add_argument("--keep", type=Path, help="keep the indexes in this folder")
    ap.add_argument("--engine", metavar="URL",
                    help="opensearch://HOST:PORT: the OpenSearch engine beside the Whoosh engine instead, "
                         "ingestion and warm queries by kind (bench/opensearch_bench.py, with the same "
                         "corpus, --limit, --scale, --queries, --repeat and --out)")
    a = ap.parse_args()
    if a.engine:
        # One measurement of both engines lives in opensearch_bench.py: run it with this run's settings.
        args = [sys.executable, str(ROOT / "bench" / "opensearch_bench.py"), "--url", a.engine,
                *map(str, a.corpus), "--scale", str(a.scale), "--queries", str(a.queries), "--repeat", str(a.repeat)]
        args += ["--limit", str(a.limit)] if a.limit else []
        args += ["--out", str(a.out)] if a.out else []
        raise SystemExit(subprocess.call(args))
    roots = a.corpus or DEFAULT_CORPORA
    files = corpus_files(roots, a.limit)
    if not files:
        raise SystemExit("no files")
    work = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="searchidx-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        dump = work / "paragraphs.pickle"
        print(f"parsing {len(files)} files ...", file=sys.stderr)
        parse = phase_parse(files, 1, dump)
        scale = a.scale
        if scale > 1 and parse["paragraphs"] * scale > MAX_PARAGRAPHS:
            scale = max(1, MAX_PARAGRAPHS // max(1, parse["paragraphs"]))
            print(f"scale capped at {scale} ({MAX_PARAGRAPHS:,} paragraphs)", file=sys.stderr)
        if scale > 1:
            with dump.open("rb") as fh:
                paras = pickle.load(fh)
            with dump.open("wb") as fh:
                pickle.dump(paras * scale, fh, protocol=pickle.HIGHEST_PROTOCOL)
            del paras
        corpus = stage_corpus(files, scale, work)
        extra = work / "extra"
        extra.mkdir()
        res: dict = {"corpus": {"roots": [str(r) for r in roots], "files": len(files), "scale": scale},
                     "parse": parse, "builds": {}}
        res["machine"] = {"cpu": _cpu(), "cores": os.cpu_count(), "python": platform.python_version(),
                          "platform": platform.platform(), "load_avg_start": os.getloadavg()}
        builds = res["builds"]
        print("building: searchidx ...", file=sys.stderr)
        builds["searchidx"] = child("_build", "searchidx", str(corpus), str(work / "ix"), "default")
        if a.build_only:
            res["table"] = fmt_build_only(res)
            print(res["table"])
            _save(res, a.out)
            return
        print("building: raw whoosh ...", file=sys.stderr)
        builds["raw whoosh"] = child("_build", "raw", str(dump), str(work / "raw"))
        print("building: fts5 ...", file=sys.stderr)
        builds["fts5"] = child("_build", "fts5", str(dump), str(work / "fts.db"))
        for v in filter(None, a.variants.split(",")):
            print(f"building: searchidx {v} ...", file=sys.stderr)
            builds[f"searchidx {v}"] = child("_build", "searchidx", str(corpus), str(work / f"ix-{v}"), v)
            shutil.rmtree(work / f"ix-{v}", ignore_errors=True)
        queries = make_queries(dump, a.queries)
        res["query_examples"] = {k: v[:3] for k, v in queries.items()}
        print("queries: warm ...", file=sys.stderr)
        (work / "queries.json").write_text(json.dumps(queries))
        res["queries"] = child("_queries", str(work / "ix"), str(work / "raw"), str(work / "fts.db"),
                               str(work / "queries.json"), str(a.repeat))
        if a.cold:
            print("queries: cold CLI ...", file=sys.stderr)
            res["cold"] = phase_cold(str(work / "ix"), queries, a.cold)
        if a.optimize:
            print("optimize: merge a copy into one segment, then warm queries ...", file=sys.stderr)
            shutil.copytree(work / "ix", work / "ix-opt")
            res["optimize"] = child("_optimize", str(work / "ix-opt"))
            res["queries_optimized"] = child("_queries", str(work / "ix-opt"), str(work / "raw"),
                                             str(work / "fts.db"), str(work / "queries.json"), str(a.repeat))
            shutil.rmtree(work / "ix-opt", ignore_errors=True)
        print("incremental ...", file=sys.stderr)
        # The index's sources are the corpus folder; the extra folder joins them with the first sync.
        from searchidx import Index

        Index.open(work / "ix").sync([str(corpus), str(extra)])
        res["incremental"] = child("_incremental", str(work / "ix"), str(extra))
        res["machine"]["load_avg_end"] = os.getloadavg()
        table = fmt_table(res)
        res["table"] = table
        print(table)
        _save(res, a.out)
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)


def _save(res: dict, out: Path | None) -> None:
    out = out or ROOT / "bench/results" / time.strftime("%Y%m%d-%H%M%S.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=1, default=str))
    print(f"\nJSON: {out}", file=sys.stderr)


def fmt_build_only(res: dict) -> str:
    b, p = res["builds"]["searchidx"], res["parse"]
    return (f"{res['corpus']['files']} files x{res['corpus']['scale']}: {b['releases']} releases, "
            f"{b['paragraphs']:,} paragraphs; build {b['wall_s']:.0f} s ({b['paragraphs'] / b['wall_s']:,.0f} "
            f"paragraphs/s), peak RSS main {b['rss_mb']['self']:.0f} MB / largest worker {b['rss_mb']['children']:.0f} MB, "
            f"peak memory of all processes together (PSS) {b.get('pss_total_mb')} MB, "
            f"index {b['size_bytes'] / 1e6:.0f} MB; parse {p['releases_per_s']:.0f} releases/s")


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def _phase_main(argv: list[str]) -> None:
    phase, *rest = argv
    if phase == "_build":
        kind, src, dst = rest[:3]
        if kind == "searchidx":
            result = build_searchidx(src, dst, rest[3])
        elif kind == "raw":
            Path(dst).mkdir(parents=True, exist_ok=True)
            result = build_raw(src, dst)
        else:
            result = build_fts5(src, dst)
    elif phase == "_queries":
        ix, raw, db, qfile, repeat = rest
        result = phase_queries(ix, raw, db, json.loads(Path(qfile).read_text()), int(repeat))
    elif phase == "_incremental":
        result = phase_incremental(*rest)
    elif phase == "_optimize":
        result = phase_optimize(*rest)
    else:
        raise SystemExit(f"unknown phase {phase}")
    print(json.dumps(result, default=str))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1].startswith("_"):
        _phase_main(sys.argv[1:])
    else:
        main()
