"""Measure release metadata and body extraction on hand-annotated releases of unseen publishers.

    python bench/eval_metadata.py                    # dev split of tests/annotations/diverse
    python bench/eval_metadata.py --show-errors      # and what was wrong, release by release
    python bench/eval_metadata.py --set lang         # the Spanish, French and German annotations
    python bench/eval_metadata.py --corpus           # also the whole of diverse_releases, unannotated
    python bench/eval_metadata.py --split test       # once, at the end: the held-out publishers
    python bench/eval_metadata.py --split test2      # once, at round 2's end: tests/annotations/diverse2
    python bench/eval_metadata.py --split test3      # once, at round 3's end: tests/annotations/diverse3
    python bench/eval_metadata.py --split test4      # once, at round 4's end: tests/annotations/diverse4
    python bench/eval_metadata.py --split test5      # once, at round 5's end: tests/annotations/diverse5
    python bench/eval_metadata.py --split test6      # once, at round 6's end: tests/annotations/diverse6
    python bench/eval_metadata.py --split test7      # once, at round 7's end: tests/annotations/diverse7
    python bench/eval_metadata.py --split test8      # once, at round 8's end: tests/annotations/diverse8
    python bench/eval_metadata.py --split test9      # once, at round 9's end: tests/annotations/diverse9
    python bench/eval_metadata.py --split test10     # once, at round 10's end: tests/annotations/diverse10
    python bench/eval_metadata.py --split test11     # once, at round 11's end: typed releases of tests/typed/
    python bench/eval_metadata.py --split test12     # once, at round 12's end: typed releases of tests/typed12/
    python bench/eval_metadata.py --split test13     # once, at round 13's end: typed releases of tests/typed13/
    python bench/eval_metadata.py --split test14     # once, at round 14's end: typed releases of tests/typed14/
    python bench/eval_metadata.py --split test15     # once, at round 15's end: typed releases of tests/typed15/
    python bench/eval_metadata.py --split test16     # once, at round 16's end: typed releases of tests/typed16/
    python bench/eval_metadata.py --split test17     # once, at round 17's end: typed releases of tests/typed17/
    python bench/eval_metadata.py --split test18     # once, at round 18's end: typed releases of tests/typed18/
    python bench/eval_metadata.py --split test19     # once, at round 19's end: typed releases of tests/typed19/
    python bench/eval_metadata.py --split test20     # once, at round 20's end: typed releases of tests/typed20/
    python bench/eval_metadata.py --split test21     # once, at round 21's end: typed releases of tests/typed21/
    python bench/eval_metadata.py --split test22     # once, at round 22's end: typed releases of tests/typed22/
    python bench/eval_metadata.py --split test23     # once, at round 23's end: typed releases of tests/typed23/
    python bench/eval_metadata.py --split test24     # once, at round 24's end: typed releases of tests/typed24/
    python bench/eval_metadata.py --split test25     # once, at round 25's end: typed releases of tests/typed25/
    python bench/eval_metadata.py --split test26     # once, at round 26's end: typed releases of tests/typed26/
    python bench/eval_metadata.py --split test27     # once, at round 27's end: typed releases of tests/typed27/
    python bench/eval_metadata.py --split test28     # once, at round 28's end: typed releases of tests/typed28/
    python bench/eval_metadata.py --split test29     # once, at round 29's end: typed releases of tests/typed29/
    python bench/eval_metadata.py --split test30     # once, at round 30's end: typed releases of tests/typed30/
    python bench/eval_metadata.py --split test31     # once, at round 31's end: typed releases of tests/typed31/
    python bench/eval_metadata.py --split test32     # once, at round 32's end: typed releases of tests/typed32/
    python bench/eval_metadata.py --split test33     # once, at round 33's end: typed releases of tests/typed33/
    python bench/eval_metadata.py --split test34     # once, at round 34's end: typed releases of tests/typed34/
    python bench/eval_metadata.py --split test35     # once, at round 35's end: typed releases of tests/typed35/
    python bench/eval_metadata.py --split test36     # once, at round 36's end: typed releases of tests/typed36/
    python bench/eval_metadata.py --split test37     # once, at round 37's end: typed releases of tests/typed37/
    python bench/eval_metadata.py --split test38     # once, at round 38's end: typed releases of tests/typed38/
    python bench/eval_metadata.py --split test39     # once, at round 39's end: typed releases of tests/typed39/
    python bench/eval_metadata.py --split test40     # once, at round 40's end: typed releases of tests/typed40/
    python bench/eval_metadata.py --split test41     # once, at round 41's end: typed releases of tests/typed41/

Per annotated release (``title``, ``date``, ``place`` and each body paragraph's ``starts`` snippet):
- title right: equal once whitespace, quote and dash styles and case are normalised;
- date right: the same day; place right (only where the annotation gives one), normalised as the title, and
  with or without the country printed after it ("Kingston, Jamaica", "LAUTOKA (Fiji)"): the rounds' briefs
  asked for it both ways;
- body recall: annotated paragraphs whose snippet opens or stands inside a loaded body paragraph;
- body precision: loaded body paragraphs that some annotated snippet matched, of all loaded body paragraphs;
- releases with no body paragraph, titles over 200 characters.

``--corpus`` loads every file of ``diverse_releases`` (no annotations needed) and counts titles over 200
characters, releases with no date and releases with no body paragraph. Files of the test split's publishers
are counted but never named, so that tuning never looks at them; nor are round 2's held-out files.

The split is bench/eval_split.json, fixed by publisher before any tuning. The text is read from the shared
corpora (``$SEARCHIDX_SHARED``, or ``../shared`` beside the repository); it never enters the repository.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from searchidx.errors import SearchidxError  # noqa: E402
from searchidx.load.core import discover, load_release  # noqa: E402
from searchidx.load.metadata import strip_dateline_lead, strip_wire_lead  # noqa: E402
from searchidx.model import Paragraph  # noqa: E402

sys.path.insert(0, str(REPO / "bench"))
from eval_attribution import ROUND_SPLITS, corpora_root, round_number, source_path  # noqa: E402  (where the corpora are, the rounds: one rule for both)

ANNOTATIONS = REPO / "tests" / "annotations"
SPLIT_FILE = REPO / "bench" / "eval_split.json"
SETS = {"diverse": ("diverse_releases", ANNOTATIONS / "diverse"), "lang": ("lang", ANNOTATIONS / "lang")}
#: A title longer than this has page furniture or front matter glued to it.
LONG_TITLE = 200


_WS = re.compile(r"\s+")
_STYLE = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "—": "-", "–": "-", "\u00a0": " "})


def norm(text: str | None) -> str:
    """Whitespace-, quote-, dash- and case-insensitive form."""
    return _WS.sub(" ", (text or "").translate(_STYLE)).strip().lower()


def norm_place(text: str | None) -> str:
    return norm(text).strip(" ,.-")


def same_place(annotated: str | None, got: str | None) -> bool:
    """Equal once normalised, or equal in the town when only one of them carries the country after it."""
    a, b = norm_place(annotated), norm_place(got)
    if a == b:
        return True
    if _TOWN.split(a, 1)[0].strip() == b:
        tail = a[len(b):]
    elif _TOWN.split(b, 1)[0].strip() == a:
        tail = b[len(a):]
    else:
        return False
    return bool(a and b) and not _NO_COUNTRY.search(tail)


_TOWN = re.compile(r"\s*[,(]")
# A weekday, a month or a figure after the town is a date's, not a country's.
_NO_COUNTRY = re.compile(r"\d|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
                         r"nov|dec)[a-z]*\b")


def publisher_of(annotation_file: Path) -> str:
    """``<publisher>__<stem>.json`` (diverse) or ``<lang>__<publisher>__<stem>.json`` (lang)."""
    parts = annotation_file.stem.split("__")
    return parts[1] if len(parts) >= 3 else parts[0]


def split_publishers(set_name: str, split: str) -> set[str]:
    key = SETS[set_name][0]
    return set(json.loads(SPLIT_FILE.read_text(encoding="utf-8"))[key][split])


def annotation_files(set_name: str, split: str) -> list[Path]:
    """The annotation files of one split, chosen by the publisher in the file name: a file of the other
    split is never opened. ``test2`` is round 2's folder of its own (``diverse2``, ``lang2``)."""
    if split in ROUND_SPLITS:
        return sorted(SETS[set_name][1].with_name(f"{set_name}{round_number(split)}").glob("*.json"))
    publishers = split_publishers(set_name, split)
    folder = SETS[set_name][1]
    return sorted(p for p in folder.glob("*.json") if publisher_of(p) in publishers)


def find_body(paragraphs: list[Paragraph], snippet: str, start: int) -> int | None:
    """Index of the paragraph holding ``snippet``: at its start first, else inside (the loader may have joined
    it to a neighbour); forward from ``start``, then from the top. A snippet that opens with a dateline the
    loader moves into the metadata ("SANTA ANA – …") is looked for without it too."""
    found = _find(paragraphs, snippet, start)
    if found is None:
        rest = strip_wire_lead(snippet)[0]
        rest = strip_dateline_lead(rest)[0]
        if rest != snippet and len(rest) >= 8:
            found = _find(paragraphs, rest, start)
    return found


def _find(paragraphs: list[Paragraph], snippet: str, start: int) -> int | None:
    key = norm(snippet)
    texts = [norm(p.text) for p in paragraphs]
    order = list(range(start, len(paragraphs))) + list(range(0, start))
    for k in order:
        if texts[k].startswith(key):
            return k
    for k in order:
        if key in texts[k]:
            return k
    return None


@dataclass
class Scores:
    releases: int = 0
    failed: int = 0
    titles: int = 0
    titles_right: int = 0
    dates: int = 0
    dates_right: int = 0
    places: int = 0
    places_right: int = 0
    annotated: int = 0
    found: int = 0
    loaded: int = 0
    matched: int = 0
    no_body: int = 0
    long_titles: int = 0
    errors: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        def pct(a: int, b: int) -> str:
            return f"{a / b:.1%} ({a}/{b})" if b else "n/a"

        return [
            f"releases {self.releases} ({self.failed} failed to load)",
            f"title right {pct(self.titles_right, self.titles)}",
            f"date right {pct(self.dates_right, self.dates)}",
            f"place right {pct(self.places_right, self.places)} (where annotated)",
            f"body recall {pct(self.found, self.annotated)}, precision {pct(self.matched, self.loaded)}",
            f"releases with no body paragraph {self.no_body}, titles over {LONG_TITLE} characters {self.long_titles}",
        ]

    def to_dict(self) -> dict[str, object]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None

        return {"releases": self.releases, "failed": self.failed,
                "title": ratio(self.titles_right, self.titles), "date": ratio(self.dates_right, self.dates),
                "place": ratio(self.places_right, self.places), "body_recall": ratio(self.found, self.annotated),
                "body_precision": ratio(self.matched, self.loaded), "no_body": self.no_body,
                "long_titles": self.long_titles}


def score_release(annotation: dict, scores: Scores, label: str) -> None:
    scores.releases += 1
    path = source_path(annotation["source"])
    try:
        release = load_release(path)
    except SearchidxError as exc:
        scores.failed += 1
        scores.errors.append(f"{label}: failed to load: {exc}")
        scores.titles += "title" in annotation
        scores.dates += "date" in annotation
        scores.annotated += len(annotation.get("paragraphs", []))
        return
    if "title" in annotation:
        scores.titles += 1
        if norm(annotation["title"]) == norm(release.title):
            scores.titles_right += 1
        else:
            scores.errors.append(f"{label}: title {annotation['title']!r}, got {(release.title or '')[:160]!r}")
    if release.title and len(release.title) > LONG_TITLE:
        scores.long_titles += 1
    if "date" in annotation:
        scores.dates += 1
        got = release.date.isoformat() if release.date else None
        if got == annotation["date"]:
            scores.dates_right += 1
        else:
            scores.errors.append(f"{label}: date {annotation['date']!r}, got {got!r}")
    if annotation.get("place"):
        scores.places += 1
        if same_place(annotation["place"], release.location):
            scores.places_right += 1
        else:
            scores.errors.append(f"{label}: place {annotation['place']!r}, got {release.location!r}")
    body = release.body
    if not body:
        scores.no_body += 1
    matched: set[int] = set()
    cursor = 0
    for item in annotation.get("paragraphs", []):
        scores.annotated += 1
        k = find_body(body, item["starts"], cursor)
        if k is None:
            scores.errors.append(f"{label}: paragraph {item['starts'][:50]!r} not in a body paragraph")
            continue
        scores.found += 1
        matched.add(k)
        cursor = k
    scores.loaded += len(body)
    scores.matched += len(matched)
    for k, p in enumerate(body):
        if k not in matched:
            scores.errors.append(f"{label}: extra body paragraph {p.text[:70]!r}")


def evaluate(set_name: str, split: str) -> Scores:
    scores = Scores()
    for f in annotation_files(set_name, split):
        score_release(json.loads(f.read_text(encoding="utf-8")), scores, f.stem)
    return scores


@dataclass
class CorpusCounts:
    files: int = 0
    failed: int = 0
    long_titles: int = 0
    no_date: int = 0
    no_body: int = 0
    named: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [f"files {self.files} ({self.failed} failed to load), titles over {LONG_TITLE} characters "
                f"{self.long_titles}, no date {self.no_date}, no body paragraph {self.no_body}"]


def corpus_counts(hidden: set[str]) -> CorpusCounts:
    """Counts over every file of diverse_releases; only files of publishers outside ``hidden`` are named."""
    root = corpora_root() / "diverse_releases"
    files, _ = discover([root])
    counts = CorpusCounts()
    for f in files:
        if f.suffix in (".tsv",) or f.parent == root:
            continue
        counts.files += 1
        show = f.parent.name not in hidden
        where = f"{f.parent.name}/{f.name}"
        try:
            r = load_release(f)
        except SearchidxError as exc:
            counts.failed += 1
            if show:
                counts.named.append(f"{where}: failed: {exc}")
            continue
        problems = []
        if r.title and len(r.title) > LONG_TITLE:
            counts.long_titles += 1
            problems.append(f"long title {r.title[:80]!r}")
        if r.date is None:
            counts.no_date += 1
            problems.append("no date")
        if not r.body:
            counts.no_body += 1
            problems.append("no body")
        if show and problems:
            counts.named.append(f"{where}: {', '.join(problems)}")
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["dev", "test", *ROUND_SPLITS], default="dev")
    ap.add_argument("--set", choices=sorted(SETS), default="diverse")
    ap.add_argument("--corpus", action="store_true", help="also count over all of diverse_releases")
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = ap.parse_args(argv)
    files = annotation_files(args.set, args.split)
    missing = [f.name for f in files if not source_path(json.loads(f.read_text(encoding="utf-8"))["source"]).exists()]
    if missing and len(missing) < len(files):
        print(f"releases missing under {corpora_root()}: {', '.join(missing[:5])}", file=sys.stderr)
        return 1
    if missing:
        print(f"skipped: the releases are not under {corpora_root()}", file=sys.stderr)
        return 0
    if args.split in ROUND_SPLITS and not annotation_files(args.set, args.split):
        folder = ANNOTATIONS / (args.set + round_number(args.split))
        print(f"skipped: no {args.set} {args.split} annotations in {folder}", file=sys.stderr)
        return 0
    scores = evaluate(args.set, args.split)
    out: dict[str, object] = {f"{args.set} {args.split}": scores.to_dict()}
    counts = None
    if args.corpus:
        round2 = json.loads(SPLIT_FILE.read_text(encoding="utf-8"))["round2"]["diverse_test"]
        hidden = split_publishers("diverse", "test") | split_publishers("lang", "test")
        hidden |= {source.split("/")[1] for source in round2}
        counts = corpus_counts(hidden)
        out["diverse_releases"] = {"files": counts.files, "failed": counts.failed,
                                   "long_titles": counts.long_titles, "no_date": counts.no_date,
                                   "no_body": counts.no_body}
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    print(f"{args.set} {args.split}:")
    for line in scores.lines():
        print("   ", line)
    if args.show_errors:
        for e in scores.errors:
            print("      ", e)
    if counts is not None:
        print("diverse_releases (all files, unannotated):")
        for line in counts.lines():
            print("   ", line)
        if args.show_errors:
            for e in counts.named:
                print("      ", e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
