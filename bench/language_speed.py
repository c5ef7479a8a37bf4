"""How much language detection adds to parsing: ``load_bytes`` over a corpus with detection on, and with it
replaced by a no-op (the same files, rounds interleaved, best round of each; the time spent inside
``detect_languages`` is also set against the rest of parsing in the same run, the steadier figure on a
shared machine).

    SEARCHIDX_SHARED=/work/shared python bench/language_speed.py            # the prosecutor corpus
    python bench/language_speed.py PATH… --limit 2000 --rounds 3

The target (issue 22): parsing at most 10 % slower.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from searchidx.errors import SearchidxError  # noqa: E402
from searchidx.load import pipeline  # noqa: E402
from searchidx.load.core import discover, load_bytes  # noqa: E402
from searchidx.load.language import detector  # noqa: E402


def _default_corpus() -> Path:
    sys.path.insert(0, str(REPO / "bench"))
    from eval_attribution import corpora_root

    return corpora_root() / "prosecutor_press_releases_txt" / "text"


def _parse_all(blobs: list[tuple[bytes, str]]) -> tuple[float, float]:
    start, cpu = time.perf_counter(), time.process_time()
    for data, path in blobs:
        try:
            load_bytes(data, path)
        except SearchidxError:
            pass
    return time.perf_counter() - start, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--limit", type=int, default=0, help="at most this many files (0: all)")
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args(argv)
    paths = [Path(p) for p in args.paths] or [_default_corpus()]
    files, _problems = discover(paths)
    if not files:
        print(f"no files under {', '.join(map(str, paths))}", file=sys.stderr)
        return 1
    if args.limit:
        files = files[: args.limit]
    blobs = [(f.read_bytes(), str(f)) for f in files]
    start = time.perf_counter()
    detector()  # the model, loaded once a process: reported apart
    load_s = time.perf_counter() - start
    real = pipeline.detect_languages
    inside = [0.0, 0.0]

    def timed(*a, **k):
        start, cpu = time.perf_counter(), time.process_time()
        try:
            return real(*a, **k)
        finally:
            inside[0] += time.perf_counter() - start
            inside[1] += time.process_time() - cpu

    best = {"on": float("inf"), "off": float("inf"), "on_cpu": float("inf"), "off_cpu": float("inf"),
            "share": float("inf"), "share_cpu": float("inf")}
    for _ in range(args.rounds):
        pipeline.detect_languages = lambda paragraphs, title=None, declared=None: declared
        off, off_cpu = _parse_all(blobs)
        pipeline.detect_languages = timed
        inside[:] = [0.0, 0.0]
        on, on_cpu = _parse_all(blobs)
        for key, value in (("on", on), ("off", off), ("on_cpu", on_cpu), ("off_cpu", off_cpu),
                           ("share", inside[0] / (on - inside[0])), ("share_cpu", inside[1] / (on_cpu - inside[1]))):
            best[key] = min(best[key], value)
    pipeline.detect_languages = real
    n = len(blobs)
    print(f"{n} files ({sum(len(b) for b, _ in blobs) / 1e6:.1f} MB), best of {args.rounds} rounds; "
          f"model loaded in {load_s:.2f} s")
    print(f"  without detection: {best['off']:.2f} s ({1000 * best['off'] / n:.2f} ms/file)")
    print(f"  with detection:    {best['on']:.2f} s ({1000 * best['on'] / n:.2f} ms/file)")
    print(f"  whole runs: detection adds {(best['on'] - best['off']) / best['off']:.1%} "
          f"(CPU time: {(best['on_cpu'] - best['off_cpu']) / best['off_cpu']:.1%})")
    print(f"  inside detect_languages(): {best['share']:.1%} of the rest of parsing, CPU time "
          f"{best['share_cpu']:.1%} (target: at most 10%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
