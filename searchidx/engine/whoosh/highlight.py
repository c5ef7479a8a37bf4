"""Highlights: the character spans of a hit's text that the query's words match, as the analyzers see them.
"""

from __future__ import annotations

from functools import lru_cache

from whoosh.lang.porter import stem

from searchidx.engine.whoosh.fields import LANGUAGE_MARK, language_term
from searchidx.engine.whoosh.schema import word_folding


@lru_cache(maxsize=50000)
def _stem(word: str) -> str:
    return stem(word)


def highlight_spans(text: str, terms: set[str], exact: set[str] | None = None) -> list[tuple[int, int]]:
    """Character spans in ``text`` of the words whose stem is in ``terms`` or whose folded form is in ``exact``."""
    if not terms and not exact:
        return []

    # The name analyzer's tokens, made directly: through Whoosh's token chain this took, for the hits shown,
    # as long as the search itself.
    pattern = word_folding()[0]
    exact = exact or set()
    fold = _folded_and_stemmed
    # Stems of other languages are marked with theirs (fields.LANGUAGE_MARK): a word matches one when that
    # language stems it so.
    marked = [t.rpartition(LANGUAGE_MARK) for t in terms if LANGUAGE_MARK in t]
    languages = tuple(sorted({lang for _stem, _mark, lang in marked}))
    # A Snowball stem keeps its word's first letter (folded): words that start otherwise are not looked
    # up in the other languages, most of a hit's words in a search that has such stems at all.
    firsts = frozenset(s[:1] for s, _mark, _lang in marked)
    if "" in firsts:
        firsts = None
    spans = []
    for m in pattern.finditer(text):
        word, stem = fold(m.group())
        if stem in terms or word in exact or (
                languages and (firsts is None or word[:1] in firsts)
                and not _language_forms(m.group(), languages).isdisjoint(terms)):
            spans.append(m.span())
    return spans


@lru_cache(maxsize=100_000)
def _language_forms(word: str, languages: tuple[str, ...]) -> frozenset[str]:
    """The terms ``word`` stands for in each of ``languages`` (as written and folded): one cached lookup a
    word of a hit's text."""
    lower, folded = word.lower(), _folded_and_stemmed(word)[0]
    return frozenset(language_term(lang, w) for lang in languages for w in (lower, folded))


@lru_cache(maxsize=100_000)
def _folded_and_stemmed(word: str) -> tuple[str, str]:
    """A word as the name analyzer folds it, and its stem: one cached lookup a word of a hit's text."""

    folded = word.lower().translate(word_folding()[1])
    return folded, _stem(folded)
