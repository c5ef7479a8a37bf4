"""Running text analysed as the Whoosh engine analyses it, for the OpenSearch index: split on anything that is
not a letter or digit, lower case, accents folded, stop words out (the words after them move up), Porter stems.

The stems go to OpenSearch as space-separated tokens (a ``whitespace`` field, one position each): Lucene's
``porter_stem`` stems a fifth of real paragraphs differently from Whoosh's Porter, and its stop filter leaves
gaps that Whoosh's does not, so an OpenSearch-side analyzer would find other paragraphs than the Whoosh
engine. Names (speaker, wire, place) need no stemming: OpenSearch analyses them itself (`mapping`).
The loader's worker processes run this (`searchidx.load.parallel`'s ``analyse``), as they do for Whoosh.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from searchidx.engine.opensearch.folding import STOP_WORDS, fold
from searchidx.engine.opensearch.porter import stem

WORD = re.compile(r"[^\W_]+")
_STOPS = frozenset(STOP_WORDS)


@lru_cache(maxsize=100_000)
def _folded_and_stemmed(word: str) -> tuple[str, str]:
    folded = fold(word)
    return folded, stem(folded)


def analyse_text(text: str) -> tuple[str, str]:
    """(stems, words): the stems in order, stop words out; every folded word, stop words in."""
    stems: list[str] = []
    words: list[str] = []
    for m in WORD.finditer(text):
        folded, stemmed = _folded_and_stemmed(m.group())
        words.append(folded)
        if folded and folded not in _STOPS:
            stems.append(stemmed)
    return " ".join(stems), " ".join(words)


def stems_of(text: str) -> list[str]:
    """The stems of a query's words (stop words out)."""
    return [s for s in analyse_text(text)[0].split()]


def folded_words(text: str) -> list[str]:
    """A name's words as the name analyzer makes them (folded, nothing dropped)."""
    return [fold(m.group()) for m in WORD.finditer(text)]


def analyse_release(release: Any) -> list[tuple[str, str]]:
    """Each paragraph's `analyse_text` (run in a loader worker)."""
    return [analyse_text(p.text) if p.text else ("", "") for p in release.paragraphs]


def highlight_spans(text: str, stems: set[str], exact: set[str]) -> list[tuple[int, int]]:
    """Character spans of the words of ``text`` whose stem is in ``stems`` or folded form in ``exact``."""
    if not stems and not exact:
        return []
    spans = []
    for m in WORD.finditer(text):
        folded, stemmed = _folded_and_stemmed(m.group())
        if stemmed in stems or folded in exact:
            spans.append(m.span())
    return spans
