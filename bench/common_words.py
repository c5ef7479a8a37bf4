"""Make `searchidx/commonwords.py`: the words (as the text analyzer makes them) found in at least 3 % of the
paragraphs of the prosecutor and BBC corpora. A phrase of two such words is indexed as one term (the
``pairs`` field, see schema.py), so that a phrase like "district attorney" does not check word positions
in every paragraph that holds both words; a phrase with a rarer word has few such paragraphs anyway.

    python bench/common_words.py                 # prints the statistics and rewrites searchidx/commonwords.py
    python bench/common_words.py --dry-run

The list is a tuning table, like a stop-word list: an index keeps the list it was built with (it is part
of the schema Whoosh stores), so a changed list takes effect at the next rebuild.
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPORA = Path(os.environ.get("SEARCHIDX_SHARED") or ROOT.parent / "shared") / "corpora"
SOURCES = [CORPORA / "prosecutor_press_releases_txt" / "text", CORPORA / "bbc_news" / "bbc"]
#: A word is common when at least this share of paragraphs holds it.
SHARE = 0.03


def main() -> None:
    from searchidx.engine.whoosh.schema import text_analyzer
    from searchidx.load.core import discover
    from searchidx.load.parallel import load_files

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--share", type=float, default=SHARE)
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()
    files, _ = discover([str(s) for s in SOURCES if s.exists()])
    if not files:
        sys.exit(f"no corpora under {CORPORA}")
    analyzer = text_analyzer()
    df: Counter[str] = Counter()
    paragraphs = 0
    for loaded in load_files([str(f) for f in files]):
        release = loaded.release
        if release is None or not hasattr(release, "paragraphs"):
            continue
        for p in release.paragraphs:
            paragraphs += 1
            df.update({t.text for t in analyzer(p.text or "")})
    common = sorted(w for w, c in df.items() if c >= a.share * paragraphs)
    print(f"{len(files)} files, {paragraphs} paragraphs: {len(common)} words in at least {a.share:.0%} of them")
    if a.dry_run:
        return
    body = textwrap.fill(" ".join(common), width=110, initial_indent="    ", subsequent_indent="    ",
                         break_on_hyphens=False)
    (ROOT / "searchidx" / "commonwords.py").write_text(
        f'"""Words (stemmed, folded) in at least {a.share:.0%} of the paragraphs of the prosecutor and BBC corpora:\n'
        "a phrase of two of them is indexed as one term (schema.py, ``pairs``). Made by bench/common_words.py.\n"
        f'"""\n\nCOMMON_WORDS = frozenset("""\n{body}\n""".split())\n',
        encoding="utf-8")
    print(f"wrote {ROOT / 'searchidx' / 'commonwords.py'}")


if __name__ == "__main__":
    main()
