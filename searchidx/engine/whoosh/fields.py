"""Whoosh field types of the searchidx schema (kept apart from `schema` so that importing the loader never
imports Whoosh)."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from whoosh.analysis import STOP_WORDS, Filter
from whoosh.fields import TEXT
from whoosh.lang.porter import stem
from whoosh.support.charset import accent_map


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


#: Languages analysed with their own stemming and stop words (Whoosh's Snowball stemmers); text in any
#: other language is analysed as English, as all text was before languages were told apart.
ANALYSED_LANGUAGES = ("en", "es", "fr", "de", "it", "pt")
#: Joins a stem to its language in the text field ("acus@es"): the stems of each language are terms of
#: their own, so an English word finds exactly the English paragraphs it found before, and a Spanish stem
#: never matches an English word that stems alike. The tokenizer never yields "@", so no word clashes.
LANGUAGE_MARK = "@"


def analysis_language(language: str | None) -> str:
    """The language a paragraph or query in ``language`` is analysed as."""
    return language if language in ANALYSED_LANGUAGES else "en"


@cache
def language_stop_words(language: str) -> frozenset[str]:
    """A language's stop words, folded as its words are when they are looked up."""
    if language == "en":
        return _stop_words()
    # Imported on first use: an English index never loads the other languages' lists and stemmers.
    from whoosh.lang import stopwords_for_language
    words = stopwords_for_language(language)
    return frozenset(words) | frozenset(w.translate(accent_map) for w in words)


@cache
def _snowball(language: str) -> Any:
    from whoosh.lang import stemmer_for_language

    return stemmer_for_language(language)


@lru_cache(maxsize=200_000)
def language_term(language: str, word: str) -> str:
    """The text field's term for ``word`` (lower case, accents kept) in a language other than English:
    stemmed with its accents, which the Snowball stemmers read, then folded (`LANGUAGE_MARK`)."""
    return _snowball(language)(word).translate(accent_map) + LANGUAGE_MARK + language
