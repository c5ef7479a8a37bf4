"""`searchidx serve` under load: search page render time (warm, p50/p95) from a client on the same machine,
then N concurrent clients for a while, counting errors.

    python bench/serve_bench.py --index /tmp/searchidx-bench-ix          # build it first if missing
    python bench/serve_bench.py --index /tmp/ix --clients 8 --duration 60 --rounds 5

Without an index at --index, builds one from the prosecutor and BBC corpora in ../shared/corpora (about
85k paragraphs; `searchidx build`). The server runs as `python -m searchidx serve` in its own process; the
client keeps one HTTP/1.1 connection per client thread and times each page from request to its last
byte; before each page it runs the same search through the library in its own process, so the table
shows what the index costs and what serving the page adds. Targets (issue 21): search page p95 under 100 ms warm; 8 clients for 60 s without an error.
Results: printed, and written to bench/results/serve_bench.json (or --out).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import select
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlencode, urlparse

ROOT = Path(__file__).resolve().parents[1]
CORPORA = Path(os.environ.get("SEARCHIDX_SHARED") or ROOT.parent / "shared") / "corpora"
SOURCES = [CORPORA / "prosecutor_press_releases_txt" / "text", CORPORA / "bbc_news" / "bbc"]

#: Search pages as a reader opens them: every one renders ten hits, four facets and the timeline.
PAGES = {
    "term": [{"q": q} for q in ("murder", "sentenced", "accountability", "election", "police", "fraud",
                                "government", "court", "music", "investigation")],
    "two terms": [{"q": q} for q in ("district attorney", "prime minister", "police officer", "search warrant")],
    "phrase": [{"q": q} for q in ('"district attorney"', '"pleaded guilty"', '"prime minister"',
                                  '"years in prison"')],
    "prefix, fuzzy": [{"q": q} for q in ("accountab*", "prosecut*", "investig*", "prosecuter~")],
    "filters": [{"q": "sentenced", "speaker": "Gonzalez"}, {"q": "court", "since": "2016", "until": "2018"},
                {"q": "election", "quotes": "1"}, {"q": "murder", "sort": "date"},
                {"q": "police", "place": "los angeles"}],
    "page 2-3": [{"q": "murder", "page": "2"}, {"q": "election", "page": "3"}],
    "no query": [{}, {"speaker": "Blair"}],  # the landing page (counts), a filter alone
}
API = [{"q": "murder", "facet": "speaker", "timeline": "1"}, {"q": '"district attorney"', "limit": "20"}]


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * (len(values) - 1))))
    return values[k]


def build(index_dir: Path) -> None:
    missing = [s for s in SOURCES if not s.is_dir()]
    if missing:
        sys.exit(f"serve_bench: no index at {index_dir} and no corpora to build one ({missing[0]} is absent)")
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "searchidx", "build", "--index", str(index_dir), *map(str, SOURCES)],
                   cwd=ROOT, check=True)
    print(f"built {index_dir} in {time.perf_counter() - t:.0f} s")


def start(index_dir: Path) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen([sys.executable, "-m", "searchidx", "serve", "--index", str(index_dir), "--port", "0"],
                            cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, env=dict(os.environ, PYTHONUNBUFFERED="1"))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if select.select([proc.stderr], [], [], 0.5)[0]:
            line = proc.stderr.readline()
            if " at http://" in line:
                return proc, line.split(" at ", 1)[1].split()[0]
            if not line:
                break
    proc.kill()
    sys.exit(f"serve_bench: the server did not start: {proc.stderr.read()}")


class Client:
    """One keep-alive connection; ``get`` returns (status, milliseconds to the last byte, bytes)."""

    def __init__(self, url: str) -> None:
        u = urlparse(url)
        self.host, self.port = u.hostname, u.port
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)

    def get(self, path: str) -> tuple[int, float, int]:
        t = time.perf_counter()
        try:
            self.conn.request("GET", path)
            response = self.conn.getresponse()
            body = response.read()
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
            raise
        return response.status, (time.perf_counter() - t) * 1000, len(body)


def path_of(params: dict[str, str], api: bool = False) -> str:
    return ("/api/search" if api else "/") + ("?" + urlencode(params) if params else "")


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process (Linux /proc), or None where there is no /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def warm(url: str, index_dir: Path, rounds: int, pid: int) -> tuple[dict[str, list[float]], dict[str, list[float]],
                                                                  dict[str, float]]:
    """Each page timed over HTTP, and right before it the same search through the library in this
    process (what the page asks of the index: ten hits, four facets, the timeline): the difference is
    what the server, the template and the transfer add."""
    from searchidx import Index
    from searchidx.serve.app import FACETS, PAGE_SIZE, SearchForm

    index = Index.open(index_dir)
    client = Client(url)
    pages = [(kind, p) for kind, ps in PAGES.items() for p in ps]

    def library(params: dict[str, str]) -> float | None:
        form = SearchForm.from_params(params)
        if not (form.q or form.filtered):
            return None  # the landing page shows counts, no search
        t = time.perf_counter()
        index.search(form.query(), **form.options(), limit=PAGE_SIZE, facets=FACETS, timeline=True)
        return (time.perf_counter() - t) * 1000

    for _, params in pages:  # warm up: the server's searchers and caches, this process's, the page cache
        status, _, _ = client.get(path_of(params))
        assert status == 200, (params, status)
        library(params)
    timings: dict[str, list[float]] = {kind: [] for kind in PAGES}
    direct: dict[str, list[float]] = {kind: [] for kind in PAGES}
    # CPU time, which the other jobs on a shared machine inflate less than wall time: the server's per
    # page, this process's per library search.
    server_cpu, library_cpu = 0.0, 0.0
    for _ in range(rounds):
        for kind, params in pages:
            t = time.process_time()
            ms = library(params)
            library_cpu += time.process_time() - t
            if ms is not None:
                direct[kind].append(ms)
            before = cpu_seconds(pid) or 0.0
            status, ms, _ = client.get(path_of(params))
            server_cpu += (cpu_seconds(pid) or 0.0) - before
            assert status == 200, (params, status)
            timings[kind].append(ms)
    n = rounds * len(pages)
    searched = sum(len(v) for v in direct.values())
    cpu = {"server_ms_per_page": round(server_cpu * 1000 / n, 1),
           "library_ms_per_search": round(library_cpu * 1000 / max(searched, 1), 1)}
    return timings, direct, cpu


def load(url: str, clients: int, duration: float) -> dict[str, object]:
    paths = [path_of(p) for ps in PAGES.values() for p in ps] + [path_of(p, api=True) for p in API]
    paths += ["/api/stats", "/release/{release}", "/speaker/{speaker}"]
    first = json.loads(_fetch(url, "/api/search?q=murder&quotes=1&limit=1"))["hits"][0]
    paths = [p.format(release=first["id"].split("#")[0], speaker=quote(first["speaker_key"], safe=""))
             for p in paths]
    stop = time.monotonic() + duration
    lock = threading.Lock()
    latencies: list[float] = []
    errors: list[str] = []

    def run(offset: int) -> None:
        client = Client(url)
        i = offset
        while time.monotonic() < stop:
            path = paths[i % len(paths)]
            i += 1
            try:
                status, ms, _ = client.get(path)
            except Exception as exc:  # noqa: BLE001 - every failure counts as an error
                with lock:
                    errors.append(f"{path}: {type(exc).__name__}: {exc}")
                continue
            with lock:
                latencies.append(ms)
                if status != 200:
                    errors.append(f"{path}: HTTP {status}")

    threads = [threading.Thread(target=run, args=(n * 7,)) for n in range(clients)]
    t = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.perf_counter() - t
    failed = sum(1 for e in errors if "HTTP" not in e)  # no answer at all (answers are in latencies)
    return {"clients": clients, "seconds": round(wall, 1), "requests": len(latencies) + failed,
            "errors": len(errors), "first_errors": errors[:5],
        "requests_per_s": round(len(latencies) / wall, 1), "p50_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(percentile(latencies, 95), 1), "max_ms": round(max(latencies), 1)}


def _fetch(url: str, path: str) -> bytes:
    u = urlparse(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    conn.request("GET", path)
    return conn.getresponse().read()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", default="/tmp/searchidx-bench-ix", help="index folder (built if missing)")
    ap.add_argument("--rounds", type=int, default=5, help="timed rounds over the search pages")
    ap.add_argument("--clients", type=int, default=8, help="concurrent clients for the load test")
    ap.add_argument("--duration", type=float, default=60, help="seconds of the load test")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "serve_bench.json"))
    args = ap.parse_args()
    index_dir = Path(args.index)
    if not (index_dir / "searchidx.json").exists():
        build(index_dir)
    proc, url = start(index_dir)
    try:
        stats = json.loads(_fetch(url, "/api/stats"))
        print(f"index: {stats['releases']} releases, {stats['paragraphs']} paragraphs; server at {url}")
        timings, direct, cpu = warm(url, index_dir, args.rounds, proc.pid)
        every = [ms for values in timings.values() for ms in values]
        every_direct = [ms for values in direct.values() for ms in values]
        print(f"{'search page, warm (ms)':<24}{'n':>5}{'p50':>8}{'p95':>8}{'max':>8}"
              f"{'library p50':>13}{'p95':>8}")
        for kind, values in [*timings.items(), ("all", every)]:
            lib = every_direct if kind == "all" else direct[kind]
            print(f"{kind:<24}{len(values):>5}{statistics.median(values):>8.1f}{percentile(values, 95):>8.1f}"
                  f"{max(values):>8.1f}" + (f"{statistics.median(lib):>13.1f}{percentile(lib, 95):>8.1f}" if lib else ""))
        print(f"CPU: server {cpu['server_ms_per_page']} ms a page, library {cpu['library_ms_per_search']} ms a search "
              f"(means; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")
        loaded = load(url, args.clients, args.duration)
        print(f"{args.clients} clients for {loaded['seconds']} s: {loaded['requests']} requests "
              f"({loaded['requests_per_s']}/s), {loaded['errors']} errors; latency p50 {loaded['p50_ms']} ms, "
              f"p95 {loaded['p95_ms']} ms, max {loaded['max_ms']} ms")
        for e in loaded["first_errors"]:
            print(f"  error: {e}")
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
    result = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "load": os.getloadavg()},
        "index": stats,
        "warm": {kind: {"n": len(v), "p50_ms": round(statistics.median(v), 1), "p95_ms": round(percentile(v, 95), 1),
                        "max_ms": round(max(v), 1)} for kind, v in [*timings.items(), ("all", every)]},
        "library": {kind: {"n": len(v), "p50_ms": round(statistics.median(v), 1),
                           "p95_ms": round(percentile(v, 95), 1)}
                    for kind, v in [*direct.items(), ("all", every_direct)] if v},
        "cpu": cpu,
        "load": loaded,
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"written {out}")
    if loaded["errors"] or result["warm"]["all"]["p95_ms"] >= 100:
        sys.exit(1)


if __name__ == "__main__":
    main()
