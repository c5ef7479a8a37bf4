"""Make `searchidx/attribution/data/lowercase_words.txt`: English words that running text writes in lower
case, the knowledge that "Age Concern", "Crime Lab" and "Legal Support Assistants" are not people's names.

    python bench/lowercase_words.py              # prints the statistics and rewrites the list
    python bench/lowercase_words.py --dry-run

A word is on the list when, inside a sentence (never a paragraph's or sentence's first word, never a line
in title case), the texts write it in lower case at least ``--min`` times and in at least ``--share`` of its uses. Given names are
left out, so the list holds words that are not names: "Rice" and "Price" are surnames that the texts write
capitalised often enough, or that appear with a given name. The texts are the training side only: PolNeAR
train, the BBC and prosecutor corpora the rules were tuned on, and the hand-typed rounds already measured
(``TYPED_ROUNDS``); no held-out annotation round's publisher is read.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPORA = Path(os.environ.get("SEARCHIDX_SHARED") or ROOT.parent / "shared") / "corpora"
SOURCES = [CORPORA / "polnear" / "train" / "text", CORPORA / "bbc_news" / "bbc",
           CORPORA / "prosecutor_press_releases_txt" / "text"]
#: The hand-typed rounds already measured (tuning data since), for the everyday words of other fields than
#: news and prosecutors' releases ("ferry", "island", "borehole"); rounds not yet measured are left out.
TYPED_ROUNDS = ["typed", *(f"typed{n}" for n in range(12, 36))]
TYPED = [ROOT / "tests" / name for name in TYPED_ROUNDS]
OUT = ROOT / "searchidx" / "attribution" / "data" / "lowercase_words.txt"

_WORD = re.compile(r"(?<![\w'’.@/-])([A-Za-z][a-z]{2,})(?![\w'’@/-])")
# What may end a sentence before a word, so that its capital says nothing.
_OPENING = re.compile(r"(?:[.!?:;\"“”‘(\[•*#|–—-]|^)\s*$")


def count(paths: list[Path]) -> tuple[Counter[str], Counter[str]]:
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        for line in text.splitlines():
            found = list(_WORD.finditer(line))
            if sum(m.group(1)[0].isupper() for m in found) * 2 >= len(found):
                continue  # a headline or a heading in title case, not running text
            for m in found:
                if _OPENING.search(line[max(0, m.start() - 4):m.start()]):
                    continue
                word = m.group(1)
                if word[0].isupper():
                    capital[word.lower()] += 1
                else:
                    lower[word] += 1
    return lower, capital


def main() -> None:
    from searchidx.attribution.lexicons import is_given_name

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min", type=int, default=3, help="lower-case uses a word needs (default 3)")
    ap.add_argument("--share", type=float, default=0.5, help="share of its uses in lower case (default 0.5)")
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()
    paths = [p for s in SOURCES if s.exists() for p in sorted(s.rglob("*.txt"))]
    if not paths:
        sys.exit(f"no texts under {CORPORA}")
    # (The typed rounds' plain-text and Markdown releases: the others' markup is no running text.)
    typed = [p for s in TYPED for p in sorted(s.glob("*")) if p.suffix in (".txt", ".md")
             and p.name not in ("README.md", "BRIEF.md")]
    # Each set of texts votes on its own, and a word either lists is kept: the typed rounds name many invented
    # bodies with everyday words ("Youth Arts", "Port Authority"), which would vote those words off the list.
    words: set[str] = set()
    for texts in (paths, typed):
        lower, capital = count(texts)
        words |= {w for w, n in lower.items()
                  if n >= a.min and n >= a.share * (n + capital[w]) and not is_given_name(w)}
    print(f"{len(paths)} corpus texts and {len(typed)} typed releases: {len(words)} words on the list "
          f"(at least {a.min} lower-case uses, {a.share:.0%} of all, in either)")
    if a.dry_run:
        return
    OUT.write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
