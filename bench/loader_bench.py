"""Loader benchmark on the shared corpora: throughput, body extraction on HTML pages, memory.

    python bench/loader_bench.py                  # every section
    python bench/loader_bench.py --section html --compare-trafilatura --dump /tmp/html-dump
    python bench/loader_bench.py --section memory

Numbers are printed, not asserted: this is a measurement, not a test. Run it on one core
(``taskset -c 0``) for the throughput figures in README (Input formats).
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from searchidx.errors import LoadError  # noqa: E402
from searchidx.load.core import discover, load_release  # noqa: E402

# Paragraphs that read like page chrome when they turn up in an extracted body.
CHROME_TEXT = re.compile(
    r"\b(?:cookies?|subscribe|sign up|newsletter|advertisement|share (?:on|this)|follow us|"
    r"all rights reserved|related (?:articles|stories|posts)|read more|click here|comments?\b|"
    r"log ?in|sign in|privacy policy|terms of (?:use|service)|most popular|trending|download the app)",
    re.I,
)
#: A body shorter than this (characters) counts as "not found".
MIN_BODY_CHARS = 300
#: Where each wire page keeps its body paragraphs (read by hand from the pages).
WIRE_BODY_SELECTORS = {
    "pr-newswire.html": "section.release-body p",
    "globenewswire.html": "div.mw_release p",
    "europarl": "div.ep-a_text p",
}


def shared_dir() -> Path:
    env = os.environ.get("SEARCHIDX_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_text(corpora: Path, limit: int | None) -> None:
    files = sorted((corpora / "prosecutor_press_releases_txt" / "text").rglob("*.txt"))[:limit]
    failures: dict[str, int] = {}
    titles = dates = paragraphs = speakers = 0
    start = time.perf_counter()
    for f in files:
        try:
            r = load_release(f)
        except LoadError as exc:
            failures[exc.reason] = failures.get(exc.reason, 0) + 1
            continue
        titles += bool(r.title)
        dates += bool(r.date)
        paragraphs += len(r.body)
        speakers += sum(1 for p in r.paragraphs if p.speaker)
    took = time.perf_counter() - start
    n = len(files)
    print(f"[text] prosecutor releases: {n} files in {took:.1f} s = {n / took:.0f} releases/s")
    print(f"[text] title {titles / n:.1%}, date {dates / n:.1%}, {paragraphs / n:.1f} body paragraphs and "
          f"{speakers / n:.1f} attributed paragraphs per release; failures: {failures or 'none'}")


def _body_stats(paragraphs: list[str]) -> tuple[bool, int, int]:
    text_chars = sum(len(p) for p in paragraphs)
    chrome = [p for p in paragraphs if len(p) < 250 and CHROME_TEXT.search(p)]
    return text_chars >= MIN_BODY_CHARS, len(chrome), sum(len(p) for p in chrome)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _overlap_f1(a: list[str], b: list[str]) -> float:
    from collections import Counter

    ca, cb = Counter(a), Counter(b)
    common = sum((ca & cb).values())
    if not common:
        return 0.0
    p, r = common / sum(ca.values()), common / sum(cb.values())
    return 2 * p * r / (p + r)


def bench_html(corpora: Path, compare: bool, dump: Path | None) -> None:
    pages = sorted((corpora / "news_html_benchmark" / "html").glob("*.html.gz"))
    ours: dict[str, list[str]] = {}
    errors = 0
    start = time.perf_counter()
    for f in pages:
        try:
            r = load_release(f)
            ours[f.name] = [p.text for p in r.paragraphs if p.kind == "body"]
        except LoadError as exc:
            errors += 1
            print("  error:", exc)
            ours[f.name] = []
    took = time.perf_counter() - start
    _report("searchidx", ours, len(pages), took, errors)
    if dump:
        dump.mkdir(parents=True, exist_ok=True)
        for name, paras in ours.items():
            (dump / f"{name}.ours.txt").write_text("\n\n".join(paras), encoding="utf-8")
    if not compare:
        return
    import trafilatura

    theirs: dict[str, list[str]] = {}
    start = time.perf_counter()
    for f in pages:
        html = gzip.decompress(f.read_bytes()).decode("utf-8", errors="replace")
        text = trafilatura.extract(html, include_comments=False, include_tables=False) or ""
        theirs[f.name] = [ln for ln in text.split("\n") if ln.strip()]
    took = time.perf_counter() - start
    _report("trafilatura", theirs, len(pages), took, 0)
    f1 = [_overlap_f1(_words(" ".join(ours[k])), _words(" ".join(theirs[k]))) for k in ours]
    print(f"[html] word-overlap F1 between the two bodies: median {sorted(f1)[len(f1) // 2]:.2f}, "
          f"pages under 0.5: {sum(1 for x in f1 if x < 0.5)}")
    if dump:
        for name, paras in theirs.items():
            (dump / f"{name}.trafilatura.txt").write_text("\n\n".join(paras), encoding="utf-8")


def _report(who: str, bodies: dict[str, list[str]], n: int, took: float, errors: int) -> None:
    found = chrome_pages = chrome_chars = total_chars = 0
    for paras in bodies.values():
        ok, chrome_n, chrome_c = _body_stats(paras)
        found += ok
        chrome_pages += bool(chrome_n)
        chrome_chars += chrome_c
        total_chars += sum(len(p) for p in paras)
    print(f"[html] {who}: {n} pages in {took:.1f} s = {n / took:.1f} pages/s; body found (>= {MIN_BODY_CHARS} chars) "
          f"{found}/{n} = {found / n:.1%}; errors {errors}; pages with a chrome-like paragraph {chrome_pages}; "
          f"chrome-like text {chrome_chars / max(total_chars, 1):.2%} of body text")


def bench_wire(corpora: Path) -> None:
    from bs4 import BeautifulSoup

    from searchidx.load.cleaning import normalize_space

    total_expected = total_found = total_chrome = 0
    for f in sorted((corpora / "press_releases_html").rglob("*.html")):
        selector = WIRE_BODY_SELECTORS.get(f.name) or WIRE_BODY_SELECTORS["europarl"]
        soup = BeautifulSoup(f.read_bytes(), "lxml")
        expected = [normalize_space(p.get_text(" ")) for p in soup.select(selector)]
        # Body paragraphs: sentences, not crossheads or bare links; the wire's own contact line is metadata.
        expected = [e for e in expected if len(e) >= 60 and not e.upper().startswith("MEDIA CONTACT")]
        r = load_release(f)
        got = " ".join(normalize_space(p.text) for p in r.paragraphs)
        squash = re.sub(r"\W+", "", got)
        found = [e for e in expected if re.sub(r"\W+", "", e)[-100:] in squash]
        missing = [e[:70] for e in expected if e not in found]
        chrome = [p.text[:60] for p in r.paragraphs if len(p.text) < 250 and CHROME_TEXT.search(p.text)]
        total_expected += len(expected)
        total_found += len(found)
        phones = sum(1 for c in r.contacts if c.phone)
        total_chrome += len(chrome)
        print(f"[wire] {f.name}: {len(found)}/{len(expected)} body paragraphs found; chrome-like paragraphs "
              f"{chrome or 'none'}; missing {missing or 'none'}; contacts {len(r.contacts)} ({phones} with a phone)")
    print(f"[wire] all: {total_found}/{total_expected} body paragraphs found; {total_chrome} chrome-like paragraphs")


def bench_memory(corpora: Path, count: int) -> None:
    files, problems = discover([corpora / "prosecutor_press_releases_txt" / "text", corpora / "bbc_news"])
    files = files[:count]
    before = peak_rss_mb()
    start = time.perf_counter()
    loaded = failed = 0
    for f in files:  # streamed: one release at a time, nothing kept
        try:
            load_release(f)
            loaded += 1
        except LoadError:
            failed += 1
    took = time.perf_counter() - start
    print(f"[memory] {len(files)} files ({loaded} loaded, {failed} refused) in {took:.1f} s; peak RSS "
          f"{peak_rss_mb():.0f} MB (before loading: {before:.0f} MB); walk problems: {len(problems)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--section", choices=("text", "html", "wire", "memory", "all"), default="all")
    ap.add_argument("--limit", type=int, default=None, help="text section: load only this many files")
    ap.add_argument("--compare-trafilatura", action="store_true")
    ap.add_argument("--dump", type=Path, default=None, help="html section: write extracted bodies here")
    ap.add_argument("--memory-files", type=int, default=10_000)
    args = ap.parse_args()
    corpora = shared_dir() / "corpora"
    if not corpora.is_dir():
        sys.exit(f"no corpora at {corpora}: set SEARCHIDX_SHARED")
    if args.section in ("wire", "all"):
        bench_wire(corpora)
    if args.section in ("text", "all"):
        bench_text(corpora, args.limit)
    if args.section in ("html", "all"):
        bench_html(corpora, args.compare_trafilatura, args.dump)
    if args.section in ("memory", "all"):
        bench_memory(corpora, args.memory_files)


if __name__ == "__main__":
    main()
