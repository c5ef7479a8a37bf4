"""Did you mean: each query word the index does not know (or knows far less than a close one) replaced.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from whoosh.codec.base import Automata

from searchidx.engine.whoosh.queries import _terms_within
from searchidx.engine.whoosh.schema import name_analyzer

_WORD_RE = re.compile(r'(?<![\w:])([^\W\d_][^\W_]*)(?![\w:*~(])')

_OPERATORS = {"AND", "OR", "NOT", "TO", "ANDNOT", "ANDMAYBE"}


def _suggest(s: Any, query: str, total: int) -> str | None:
    """The query with each word the index does not know (or knows far less than a close one) replaced."""

    reader = s.reader()
    changed = False
    pieces = []
    last = 0
    for m in _WORD_RE.finditer(query):
        word = m.group(1)
        if word in _OPERATORS:
            continue
        folded = [t.text for t in name_analyzer()(word)]
        if len(folded) != 1 or len(folded[0]) < 4:
            continue
        better = _better_word(reader, folded[0], total)
        if better:
            pieces.append(query[last:m.start(1)])
            pieces.append(better.capitalize() if word[:1].isupper() else better)
            last = m.end(1)
            changed = True
    if not changed:
        return None
    pieces.append(query[last:])
    return "".join(pieces)


def _better_word(reader: Any, word: str, total: int) -> str | None:
    fields = ("text_exact", "speaker", "title_exact")
    # A word that stemming leaves alone is in the stemmed text field as it is (schema.py). Not a source of
    # candidates: its terms are stems too ("sentenc"), and nothing tells which ones were written as such.
    looked_up = ("text", *fields)
    # Known, and the query finds enough, or known often enough: no need to look further (a lookup is one
    # per field and segment).
    freq = 0
    for f in looked_up:
        freq += reader.doc_frequency(f, word)
        if freq and (total > 3 or freq > 3):
            return None
    # Words one edit away that share the first letter; for an unknown long word with none, two edits away
    # sharing the first two letters (a walk of the word lists that costs twice as much as one edit's
    # with one letter fixed, and twice as much again with one letter).
    best: tuple[int, int, str] | None = None
    for maxdist in (1, 2) if len(word) >= 6 and not freq else (1,):
        dfa = _levenshtein_dfa(word, maxdist, maxdist)
        for f in fields:
            for cand in set(_terms_within(reader, f, dfa)):
                if cand == word:
                    continue
                cfreq = reader.doc_frequency(f, cand)
                key = (maxdist, -cfreq, cand)
                if best is None or key < best:
                    best = key
        if best:
            break
    if best is None or -best[1] < max(1, freq * 20):
        return None
    return best[2]


@lru_cache(maxsize=64)
def _levenshtein_dfa(word: str, maxdist: int, prefix: int) -> Any:
    """The automaton of the words within ``maxdist`` edits of ``word`` (sharing its first ``prefix``
    letters), made once for every field and segment it walks (Whoosh makes one for each)."""

    return Automata.levenshtein_dfa(word, maxdist, prefix)
