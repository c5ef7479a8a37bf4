"""How much speaker attribution adds to parsing: ``load_release`` over a corpus with attribution on, and
with it replaced by a no-op.

    python bench/attribution_speed.py                       # the prosecutor corpus in the shared corpora
    python bench/attribution_speed.py PATH… --limit 2000 --rounds 3

Files are read into memory first, so the timings compare parsing, not the disk. Each round times both
variants back to back; the best round of each is reported (the least disturbed by other work). As other
work on the machine skews whole-run timings, the time spent inside ``attribute`` itself is also measured
and set against the rest of parsing in the same run: the steadier figure.

The issue's target is for attribution and release metadata together: at most 30 % of parse time. Metadata
is timed as the time inside the loader's metadata steps: the pipeline's header, lead, footer and contact
steps (`pipeline._take_header`, `_strip_lead`, `_cut_footer`, `_take_contacts`), front matter
(`split_front_matter`, `apply_front_matter`, `front_title`) and the date lines the text reader looks for
(`find_date`, `date_only_line`), each counted once when one calls another. The text reader's title
choice is interleaved with its line handling and is not in it, so the figure is a lower bound.
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
from searchidx.load import core as load_core  # noqa: E402
from searchidx.load import pipeline  # noqa: E402
from searchidx.load.core import discover, load_bytes  # noqa: E402
from searchidx.load.formats import text as text_format  # noqa: E402

#: The metadata steps timed: (module, function name).
METADATA_STEPS = [(pipeline, "_take_header"), (pipeline, "_strip_lead"), (pipeline, "_cut_footer"),
                  (pipeline, "_take_contacts"), (load_core, "split_front_matter"), (load_core, "apply_front_matter"),
                  (load_core, "front_title"), (text_format, "find_date"), (text_format, "date_only_line")]


def _timing_metadata(spent: list[float]) -> list[tuple[object, str, object]]:
    """Wrap the metadata steps so that their time (wall, CPU) adds to ``spent``, the outermost call only;
    the originals, to put back."""
    depth = [0]
    originals = []

    def wrap(real):
        def timed(*args, **kwargs):
            if depth[0]:
                return real(*args, **kwargs)
            depth[0] += 1
            start, cpu = time.perf_counter(), time.process_time()
            try:
                return real(*args, **kwargs)
            finally:
                spent[0] += time.perf_counter() - start
                spent[1] += time.process_time() - cpu
                depth[0] -= 1
        return timed

    for module, name in METADATA_STEPS:
        real = getattr(module, name)
        originals.append((module, name, real))
        setattr(module, name, wrap(real))
    return originals


def _default_corpus() -> Path:
    sys.path.insert(0, str(REPO / "bench"))
    from eval_attribution import corpora_root

    return corpora_root() / "prosecutor_press_releases_txt" / "text"


def _parse_all(blobs: list[tuple[bytes, str]]) -> tuple[float, float, int]:
    """Wall and CPU seconds to parse every blob, and how many parsed."""
    start, cpu = time.perf_counter(), time.process_time()
    n = 0
    for data, path in blobs:
        try:
            load_bytes(data, path)
            n += 1
        except SearchidxError:
            pass
    return time.perf_counter() - start, time.process_time() - cpu, n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--limit", type=int, default=0, help="at most this many files (0: all)")
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args(argv)
    paths = [Path(p) for p in args.paths] or [_default_corpus()]
    files, problems = discover(paths)
    if not files:
        print(f"no files under {', '.join(map(str, paths))}", file=sys.stderr)
        return 1
    if args.limit:
        files = files[: args.limit]
    blobs = [(f.read_bytes(), str(f)) for f in files]
    real = pipeline.attribute
    best_on = best_off = best_share = best_on_cpu = best_off_cpu = best_share_cpu = float("inf")
    best_both = best_both_cpu = float("inf")
    metadata = [0.0, 0.0]  # wall, CPU inside the metadata steps
    parsed = 0
    inside = [0.0, 0.0]  # wall, CPU

    def timed(paragraphs, title=None, **layout):
        start, cpu = time.perf_counter(), time.process_time()
        try:
            return real(paragraphs, title=title, **layout)
        finally:
            inside[0] += time.perf_counter() - start
            inside[1] += time.process_time() - cpu

    for _ in range(args.rounds):
        pipeline.attribute = lambda paragraphs, title=None, **layout: None
        off, off_cpu, parsed = _parse_all(blobs)
        pipeline.attribute = timed
        inside[:] = [0.0, 0.0]
        metadata[:] = [0.0, 0.0]
        originals = _timing_metadata(metadata)
        try:
            on, on_cpu, _ = _parse_all(blobs)
        finally:
            for module, name, real_step in originals:
                setattr(module, name, real_step)
        best_both = min(best_both, (inside[0] + metadata[0]) / on)
        best_both_cpu = min(best_both_cpu, (inside[1] + metadata[1]) / on_cpu)
        best_on, best_off = min(best_on, on), min(best_off, off)
        best_on_cpu, best_off_cpu = min(best_on_cpu, on_cpu), min(best_off_cpu, off_cpu)
        best_share = min(best_share, inside[0] / (on - inside[0]))
        best_share_cpu = min(best_share_cpu, inside[1] / (on_cpu - inside[1]))
    pipeline.attribute = real
    if not parsed:
        # Every file failing (a stub out of step with the pipeline) would time nothing and look fast.
        print(f"none of the {len(blobs)} files parsed: nothing was timed", file=sys.stderr)
        return 1
    added = (best_on - best_off) / best_off if best_off else 0.0
    added_cpu = (best_on_cpu - best_off_cpu) / best_off_cpu if best_off_cpu else 0.0
    print(f"{parsed} releases ({len(blobs)} files, {sum(len(b) for b, _ in blobs) / 1e6:.1f} MB), "
          f"best of {args.rounds} rounds")
    print(f"  without attribution: {best_off:.2f} s ({1000 * best_off / len(blobs):.2f} ms/file)")
    print(f"  with attribution:    {best_on:.2f} s ({1000 * best_on / len(blobs):.2f} ms/file)")
    print(f"  whole runs: attribution adds {added:.1%} to parse time (CPU time: {added_cpu:.1%})")
    # CPU time leaves out the time other processes hold the core: steadier on a shared machine.
    print(f"  inside attribute(): {best_share:.1%} of the rest of parsing, CPU time {best_share_cpu:.1%} "
          f"(target: at most 25%)")
    print(f"  attribution and metadata steps together: {best_both:.1%} of parse time, CPU time {best_both_cpu:.1%} "
          f"(target: at most 30%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
