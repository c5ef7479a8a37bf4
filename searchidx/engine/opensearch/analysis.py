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
from functools import cache, lru_cache
from typing import Any

from searchidx.engine.opensearch.folding import STOP_WORDS, fold
from searchidx.engine.opensearch.porter import stem
from searchidx.engine.opensearch.stopwords import STOP_WORDS_BY_LANGUAGE

WORD = re.compile(r"[^\W_]+")
_STOPS = frozenset(STOP_WORDS)
#: Languages analysed with their own stemming and stop words, as on Whoosh; any other is analysed as English.
ANALYSED_LANGUAGES = ("en", "es", "fr", "de", "it", "pt")
#: Joins a stem to its language ("acus@es"), as on Whoosh: each language's stems are terms of their own.
LANGUAGE_MARK = "@"
#: Separates the terms of one word in the stems field (a word of another language stands for its stem with
#: and without its accents): the ``stacked`` analyzer (`mapping`) puts them at one position.
STACK = "|"


@lru_cache(maxsize=100_000)
def _folded_and_stemmed(word: str) -> tuple[str, str]:
    folded = fold(word)
    return folded, stem(folded)


def analysis_language(language: str | None) -> str:
    """The language a paragraph or query in ``language`` is analysed as."""
    return language if language in ANALYSED_LANGUAGES else "en"


@cache
def _snowball(language: str) -> Any:
    # Imported on use: only paragraphs and queries in another language than English need the stemmers.
    from searchidx.engine.opensearch.snowball import classes

    return classes[language]().stem


@lru_cache(maxsize=200_000)
def language_term(language: str, word: str) -> str:
    """The stems field's term for ``word`` (lower case, accents kept) in a language other than English:
    stemmed with its accents, which the Snowball stemmers read, then folded, then marked."""
    return fold(_snowball(language)(word)) + LANGUAGE_MARK + language


def language_words(language: str, text: str) -> list[str]:
    """The terms of a query's ``text`` in a language other than English, stop words out."""
    stops = STOP_WORDS_BY_LANGUAGE[language]
    out = []
    for m in WORD.finditer(text):
        lower = m.group().lower()
        folded = fold(lower)
        if folded and folded not in stops:
            out.append(language_term(language, lower))
    return out


def analyse_text(text: str, language: str | None = None) -> tuple[str, str]:
    """(stems, words): the stems in order, stop words out; every folded word, stop words in. ``language``:
    the paragraph's, which chooses the stemming and stop words."""
    if analysis_language(language) != "en":
        return _analyse_in(analysis_language(language), text)
    stems: list[str] = []
    words: list[str] = []
    for m in WORD.finditer(text):
        folded, stemmed = _folded_and_stemmed(m.group())
        words.append(folded)
        if folded and folded not in _STOPS:
            stems.append(stemmed)
    return " ".join(stems), " ".join(words)


def _analyse_in(language: str, text: str) -> tuple[str, str]:
    """`analyse_text` in a language other than English: its stop words out; each word's stem with its
    accents and without them (when it has some), stacked at one position."""
    stops = STOP_WORDS_BY_LANGUAGE[language]
    stems: list[str] = []
    words: list[str] = []
    for m in WORD.finditer(text):
        lower = m.group().lower()
        folded = fold(lower)
        if not folded:
            continue
        words.append(folded)
        if folded in stops:
            continue
        terms = dict.fromkeys((language_term(language, lower), language_term(language, folded)))
        stems.append(STACK.join(terms))
    return " ".join(stems), " ".join(words)


def stems_of(text: str) -> list[str]:
    """The stems of a query's words (stop words out)."""
    return [s for s in analyse_text(text)[0].split()]


def folded_words(text: str) -> list[str]:
    """A name's words as the name analyzer makes them (folded, nothing dropped)."""
    return [fold(m.group()) for m in WORD.finditer(text)]


def analyse_release(release: Any) -> list[tuple[str, str]]:
    """Each paragraph's `analyse_text` (run in a loader worker)."""
    return [analyse_text(p.text, p.language) if p.text else ("", "") for p in release.paragraphs]


def quote_text(paragraph: Any) -> str:
    """The words of a paragraph's spoken quotes (`Paragraph.spoken_quotes`), one after the other, as the
    Whoosh engine joins them for its ``quote`` field."""
    return " … ".join(q.text for q in paragraph.spoken_quotes())


def analyse_quotes(release: Any) -> list[tuple[str, str] | None]:
    """Each paragraph's quotes analysed as its text is (`analyse_text`); None for one without (run in a
    loader worker). The folded words only in English: the Whoosh engine finds a prefix, wildcard or fuzzy
    word inside quotes through the English stems of the words it reaches, so a quote in another language
    is reached only through its own stems."""
    out: list[tuple[str, str] | None] = []
    for p in release.paragraphs:
        words = quote_text(p) if p.text else ""
        if not words:
            out.append(None)
            continue
        stems, folded = analyse_text(words, p.language)
        out.append((stems, folded if analysis_language(p.language) == "en" else ""))
    return out


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
