"""One identity per person: releases where one person speaks under two names.

    python bench/speaker_identity.py                 # the prosecutor corpus in the shared corpora
    python bench/speaker_identity.py PATH… --limit 2000 --show 20

For each release, the distinct paragraph speakers are grouped into people (`group_variants`: the same folded
full name, or a shorter form that fits one fuller name only). A release where a group holds two or more of
the speaker strings attribution gave has a person under two names ("Jane Roe" and "Roe"): the issue's target
is none.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from searchidx.attribution.identity import group_variants  # noqa: E402
from searchidx.errors import SearchidxError  # noqa: E402
from searchidx.load.core import discover, load_release  # noqa: E402


def _default_corpus() -> Path:
    sys.path.insert(0, str(REPO / "bench"))
    from eval_attribution import corpora_root

    return corpora_root() / "prosecutor_press_releases_txt" / "text"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--limit", type=int, default=0, help="at most this many files (0: all)")
    ap.add_argument("--show", type=int, default=10, help="print this many examples")
    args = ap.parse_args(argv)
    paths = [Path(p) for p in args.paths] or [_default_corpus()]
    files, _ = discover(paths)
    if args.limit:
        files = files[: args.limit]
    releases = with_speakers = split = 0
    examples: list[str] = []
    for f in files:
        try:
            release = load_release(f)
        except SearchidxError:
            continue
        releases += 1
        names = {p.speaker for p in release.paragraphs if p.speaker}
        if not names:
            continue
        with_speakers += 1
        groups = [g for g in group_variants(names) if len(set(g.aliases) & names) > 1]
        if groups:
            split += 1
            if len(examples) < args.show:
                examples.append(f"{f.name}: " + "; ".join(" = ".join(sorted(set(g.aliases) & names)) for g in groups))
    print(f"{releases} releases, {with_speakers} with a speaker: {split} have a person under two names or more")
    for e in examples:
        print("   ", e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
