"""The OpenSearch engine beside the Whoosh engine, in one run: ingestion and warm query latency by kind.

    PYTHONPATH=. python bench/opensearch_bench.py --url opensearch://127.0.0.1:9200 [CORPUS...] [--limit N]
        [--scale N] [--queries N] [--repeat N] [--shards N] [--keep] [--name NAME [--reuse]] [--no-whoosh]
        [--out FILE]

Measures the loader alone (read, parse, attribute and analyse in its worker processes, nothing written),
then a full build on each engine (releases/s, paragraphs/s; the OpenSearch build as a share of the loader's
own rate), the index size, then warm query latency (p50/p95 over every query of a kind, each run
``--repeat`` times after one warm-up run) on both engines with the same queries, and for OpenSearch the
cluster's own time ("took", summed over a search's requests: the rest is the round trips). ``--scale N`` indexes N
distinct copies of each file (bench/run.py's staging). ``--keep --name NAME`` keeps the OpenSearch index;
``--name NAME --reuse`` later measures only the queries on it (made from the same first paragraphs). Prints a table and writes JSON to bench/results/.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from run import corpus_files, pct, stage_corpus  # noqa: E402

_SHARED = Path(os.environ.get("SEARCHIDX_SHARED") or ROOT.parent / "shared")
DEFAULT_CORPORA = [_SHARED / "corpora/prosecutor_press_releases_txt/text", _SHARED / "corpora/bbc_news/bbc"]

KINDS = ["term", "common word", "two terms", "phrase", "prefix", "fuzzy", "speaker", "date range", "facets",
         "timeline"]
STOP = {"the", "and", "that", "this", "with", "from", "have", "will", "said", "were", "which", "their", "been"}


def loader_only(paths: list[str], sample_only: bool = False) -> dict:
    """The loader's own rate over ``paths``, and the paragraphs the queries are made from (the first ones);
    ``sample_only``: stop once those are loaded (a run that reuses an index built before)."""
    from searchidx.engine.opensearch.session import analyse
    from searchidx.load.parallel import load_files
    from searchidx.model import Release

    t = time.perf_counter()
    releases = paragraphs = 0
    sample: list[tuple[str, str | None, int | None]] = []
    for loaded in load_files(paths, analyse=analyse):
        if isinstance(loaded.release, Release):
            releases += 1
            paragraphs += len(loaded.release.paragraphs)
            if len(sample) < 20000:
                year = loaded.release.date.year if loaded.release.date else None
                sample.extend((p.text, p.speaker, year) for p in loaded.release.paragraphs if p.kind == "body")
            elif sample_only:
                break
    wall = time.perf_counter() - t
    return {"wall_s": wall, "releases": releases, "paragraphs": paragraphs, "releases_per_s": releases / wall,
            "paragraphs_per_s": paragraphs / wall, "sample": sample}


def build(location: str, corpus: Path) -> dict:
    from searchidx import Index

    t = time.perf_counter()
    # The staged corpus links to the corpora's files, outside it: follow them.
    index = Index.open(location, create=True, follow_links=True)
    report = index.sync([str(corpus)])
    wall = time.perf_counter() - t
    stats = index.stats()
    return {"wall_s": wall, "releases": len(report.added), "paragraphs": report.paragraphs,
            "releases_per_s": len(report.added) / wall, "paragraphs_per_s": report.paragraphs / wall,
            "size_bytes": stats.size_bytes, "skipped": len(report.skipped), "indexed": stats.paragraphs}


def make_queries(sample: list[tuple[str, str | None, int | None]], n: int, seed: int = 7) -> dict[str, list[dict]]:
    rnd = random.Random(seed)
    word = re.compile(r"[a-z]{5,}")
    df: Counter[str] = Counter()
    for text, _s, _y in sample:
        df.update(set(word.findall(text.lower())))
    lo, hi = len(sample) * 0.002, len(sample) * 0.05
    mid = sorted(w for w, c in df.items() if lo <= c <= hi and w not in STOP)
    common = [w for w, _c in df.most_common(40) if w not in STOP][:n]
    words = rnd.sample(mid, min(len(mid), 3 * n))
    years = sorted({y for _t, _s, y in sample if y})
    q: dict[str, list[dict]] = {k: [] for k in KINDS}
    for w in words[:n]:
        q["term"].append({"q": w})
        q["prefix"].append({"q": w[:4] + "*"})
        q["fuzzy"].append({"q": w[:-1] + ("x" if w[-1] != "x" else "y") + "~"})
    for w in common:
        q["common word"].append({"q": w})
        q["facets"].append({"q": w, "facets": ("speaker", "source", "year", "location")})
        q["timeline"].append({"q": w, "timeline": True})
    pool = [t for t, _s, _y in sample if len(t) > 80]
    while len(q["two terms"]) < n or len(q["phrase"]) < n:
        toks = re.findall(r"[a-z]+", rnd.choice(pool).lower())
        good = [t for t in toks if len(t) > 3 and t not in STOP]
        if len(good) >= 2 and len(q["two terms"]) < n:
            q["two terms"].append({"q": " ".join(rnd.sample(good, 2))})
        pairs = [(a, b) for a, b in zip(toks, toks[1:]) if len(a) > 3 and len(b) > 3 and a not in STOP and b not in STOP]
        if pairs and len(q["phrase"]) < n:
            a, b = rnd.choice(pairs)
            q["phrase"].append({"q": f'"{a} {b}"'})
    speakers = [(t, s) for t, s, _y in sample if s]
    for text, speaker in rnd.sample(speakers, min(n, len(speakers))):
        ws = [w for w in word.findall(text.lower()) if w not in STOP] or ["said"]
        q["speaker"].append({"q": rnd.choice(ws), "speaker": re.findall(r"[^\W\d_]+", speaker)[-1]})
    for w in words[n:2 * n]:
        year = rnd.choice(years) if years else 2020
        q["date range"].append({"q": w, "since": f"{year}-01", "until": f"{year}-12"})
    return q


def latencies(location: str, queries: dict[str, list[dict]], repeat: int) -> dict:
    from searchidx import Index

    index = Index.open(location)
    took: list[float] = []  # the cluster's own time of each request of a search ("took"), summed
    store = getattr(index, "store", None)
    if store is not None:
        search = store.client.search

        def timed(*args, **kwargs):
            raw = search(*args, **kwargs)
            took[-1] += raw.get("took", 0)
            return raw

        msearch = store.client.msearch

        def mtimed(*args, **kwargs):
            raw = msearch(*args, **kwargs)
            took[-1] += sum(r.get("took", 0) for r in raw["responses"])
            return raw

        store.client.search, store.client.msearch = timed, mtimed
    out = {}
    for kind, items in queries.items():
        times: list[float] = []
        server: list[float] = []
        totals = []
        for item in items:
            opts = {k: v for k, v in item.items() if k != "q"}
            took.append(0.0)
            totals.append(index.search(item["q"], **opts).total)  # warm-up
            for _ in range(repeat):
                took.append(0.0)
                t = time.perf_counter()
                index.search(item["q"], **opts)
                times.append((time.perf_counter() - t) * 1000)
                server.append(took[-1])
        out[kind] = {"n": len(times), "p50_ms": pct(times, 0.5), "p95_ms": pct(times, 0.95), "totals": totals}
        if store is not None:
            out[kind].update(server_p50_ms=pct(server, 0.5), server_p95_ms=pct(server, 0.95))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="*", type=Path, default=DEFAULT_CORPORA)
    ap.add_argument("--url", required=True, help="opensearch://HOST:PORT (an index name is made up per run)")
    ap.add_argument("--limit", type=int, default=None, help="files of the corpora (an even sample)")
    ap.add_argument("--scale", type=int, default=1, help="N distinct copies of each file")
    ap.add_argument("--queries", type=int, default=10, help="queries per kind")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs of each query")
    ap.add_argument("--shards", type=int, default=1)
    ap.add_argument("--keep", action="store_true", help="keep the OpenSearch index")
    ap.add_argument("--name", default=None, help="the OpenSearch index's name (default: made up per run)")
    ap.add_argument("--reuse", action="store_true",
                    help="query the index --name that a --keep run of the same corpora and --scale built: no builds")
    ap.add_argument("--no-whoosh", action="store_true", help="OpenSearch only (a scale run's per-shard figures)")
    ap.add_argument("--out", type=Path, default=None)
    a = ap.parse_args()
    if a.reuse and not a.name:
        ap.error("--reuse needs --name")
    name = a.name or f"bench-{uuid.uuid4().hex[:8]}"
    url = f"{a.url.rstrip('/')}/{name}?shards={a.shards}&replicas=0"
    res: dict = {"machine": {"platform": platform.platform(), "python": platform.python_version()},
                 "url": url}
    with tempfile.TemporaryDirectory(prefix="osbench-") as tmp:
        work = Path(tmp)
        files = corpus_files(a.corpora, a.limit)
        if not files:
            sys.exit(f"no releases under {', '.join(map(str, a.corpora))} (set SEARCHIDX_SHARED, or name folders)")
        corpus = stage_corpus(files, a.scale, work)
        paths = sorted(str(p) for p in corpus.rglob("*") if p.is_file() or p.is_symlink())
        res["corpus"] = {"files": len(files), "scale": a.scale}
        loader = loader_only(paths, sample_only=a.reuse)
        sample = loader.pop("sample")
        if a.reuse:
            from searchidx import Index

            stats = Index.open(url).stats()
            res["opensearch_index"] = {"paragraphs": stats.paragraphs, "size_bytes": stats.size_bytes}
        else:
            res["loader"] = loader
            print(f"loader alone: {loader['releases']} releases, {loader['paragraphs']} paragraphs in "
                  f"{loader['wall_s']:.1f} s", file=sys.stderr)
            if not a.no_whoosh:
                res["whoosh_build"] = build(str(work / "index"), corpus)
                print(f"whoosh build: {res['whoosh_build']['wall_s']:.1f} s", file=sys.stderr)
            res["opensearch_build"] = build(url, corpus)
            print(f"opensearch build: {res['opensearch_build']['wall_s']:.1f} s", file=sys.stderr)
            res["opensearch_build"]["share_of_loader"] = (res["opensearch_build"]["paragraphs_per_s"]
                                                          / loader["paragraphs_per_s"])
        queries = make_queries(sample, a.queries)
        res["queries"] = {"opensearch": latencies(url, queries, a.repeat)}
        if not a.no_whoosh and not a.reuse:
            res["queries"]["whoosh"] = latencies(str(work / "index"), queries, a.repeat)
            res["queries"]["same_totals"] = {k: res["queries"]["whoosh"][k]["totals"]
                                             == res["queries"]["opensearch"][k]["totals"] for k in KINDS}
        if not a.keep and not a.reuse:
            from searchidx import Index

            index = Index.open(url)
            index.store.client.indices.delete(index=f"{name}-*", expand_wildcards="all")
    print(table(res))
    out = a.out or ROOT / "bench" / "results" / f"opensearch-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=1, default=str))
    print(f"wrote {out}", file=sys.stderr)


def table(res: dict) -> str:
    nan = float("nan")
    none = {"wall_s": nan, "releases_per_s": nan, "paragraphs_per_s": nan, "size_bytes": nan}
    if "opensearch_index" in res:  # --reuse: queries only
        built = res["opensearch_index"]
        return "\n".join([f"corpus: {res['corpus']['files']} files x{res['corpus']['scale']}: the index built "
                          f"before, {built['paragraphs']} paragraphs, {built['size_bytes'] / 1e6:.1f} MB"]
                         + _query_lines(res))
    L, W, S = res["loader"], res.get("whoosh_build", none), res["opensearch_build"]
    lines = [f"corpus: {res['corpus']['files']} files x{res['corpus']['scale']}: {L['releases']} releases, "
             f"{L['paragraphs']} paragraphs",
             f"{'':22}{'wall s':>9}{'releases/s':>12}{'paras/s':>10}{'size MB':>9}",
             f"{'loader alone':22}{L['wall_s']:9.1f}{L['releases_per_s']:12.0f}{L['paragraphs_per_s']:10.0f}",
             f"{'whoosh build':22}{W['wall_s']:9.1f}{W['releases_per_s']:12.0f}{W['paragraphs_per_s']:10.0f}"
             f"{W['size_bytes'] / 1e6:9.1f}",
             f"{'opensearch build':22}{S['wall_s']:9.1f}{S['releases_per_s']:12.0f}{S['paragraphs_per_s']:10.0f}"
             f"{S['size_bytes'] / 1e6:9.1f}   ({100 * S['share_of_loader']:.0f} % of the loader's rate)"]
    return "\n".join(lines + _query_lines(res))


def _query_lines(res: dict) -> list[str]:
    nan = float("nan")
    lines = ["", f"{'warm query, ms':22}{'whoosh p50':>11}{'p95':>8}{'opensearch p50':>16}{'p95':>8}  same totals"
             f"  took p50 p95 (the cluster's own time)"]
    for kind in KINDS:
        w = res["queries"].get("whoosh", {}).get(kind, {"p50_ms": nan, "p95_ms": nan})
        o = res["queries"]["opensearch"][kind]
        lines.append(f"{kind:22}{w['p50_ms']:11.1f}{w['p95_ms']:8.1f}{o['p50_ms']:16.1f}{o['p95_ms']:8.1f}  "
                     f"{res['queries'].get('same_totals', {}).get(kind, '-')!s:11}"
                     f"{o.get('server_p50_ms', nan):8.0f}{o.get('server_p95_ms', nan):8.0f}")
    return lines


if __name__ == "__main__":
    from searchidx.errors import SearchidxError

    try:
        main()
    except SearchidxError as exc:  # the cluster down or refusing: one line, not a traceback
        print(f"opensearch_bench: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
