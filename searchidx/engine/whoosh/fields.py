"""Whoosh field types of the searchidx schema (kept apart from `schema` so that importing the loader never
imports Whoosh)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from whoosh.analysis import STOP_WORDS, Filter
from whoosh.fields import TEXT
from whoosh.lang.porter import stem


class Analysed:
    """A field value already analysed into its postings, ``(term bytes, frequency, weight, value bytes)``
    as `AnalysedText.index` would make them: a loader process makes them while the writer writes."""

    __slots__ = ("postings",)

    def __init__(self, postings: list[tuple[bytes, int, float, bytes]]) -> None:
        self.postings = postings


class AnalysedText(TEXT):
    """TEXT that also takes an `Analysed` value (the stored text then comes as ``_stored_<field>``)."""

    def index(self, value: Any, **kwargs: Any) -> Any:
        if isinstance(value, Analysed):
            return value.postings
        return super().index(value, **kwargs)


class StemChanged(Filter):
    """Keeps the words that the text field's stemming changes (and its stop words, which it drops): the
    unstemmed copy then holds only what the stemmed field cannot answer for prefix and fuzzy queries,
    about 40 % of its words on release text."""

    def __call__(self, tokens: Any) -> Any:
        stop = _stop_words()
        for t in tokens:
            if t.text in stop or _stem(t.text) != t.text:
                yield t


class PairFilter(Filter):
    """Two running words that are both in ``words`` as one token, "district attorney": a phrase of two
    common words is then one term to look up (queries.py), not a check of word positions in every
    paragraph that holds both. Stop words are gone before it, as they are from phrases."""

    def __init__(self, words: frozenset[str]) -> None:
        self.words = frozenset(words)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PairFilter) and self.words == other.words

    def __hash__(self) -> int:
        return hash(self.words)

    def __call__(self, tokens: Any) -> Any:
        words = self.words
        previous = None
        for t in tokens:
            if t.stopped:
                continue
            text = t.text
            if previous is not None and text in words:
                t.text = f"{previous} {text}"
                yield t
            previous = text if text in words else None


@lru_cache(maxsize=100_000)
def _stem(word: str) -> str:

    return stem(word)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:

    return frozenset(STOP_WORDS)
