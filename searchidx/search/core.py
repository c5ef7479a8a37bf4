"""Searching an `Index`: the options checked, then the index's engine asked.

The library never prints or exits: a query it cannot run raises `QueryError` with a ``hint``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING

from searchidx import budget
from searchidx.engine.base import SearchRequest
from searchidx.errors import QueryError
from searchidx.search.query import FACET_NAMES, SORTS, Node, in_quotes, parse
from searchidx.search.results import Hit, ReleaseResults, SearchResults, SpeakerSummary, Stats

if TYPE_CHECKING:
    from searchidx.index.core import Index

_PATH_FIELD = re.compile(r'(?<![\w:])path:(?:"([^"]*)"|(\S+))', re.I)


def paths_of(query: str, path: str | list[str] | tuple[str, ...] | None) -> tuple[str, tuple[str, ...]]:
    """The query without its ``path:`` filters, and the globs of those and of ``path``. A value without
    ``*``, ``?`` or ``[`` matches anywhere in the path (``path:harris`` is ``*harris*``)."""
    globs = [path] if isinstance(path, str) else list(path or ())
    for quoted, bare in _PATH_FIELD.findall(query):
        value = quoted or bare
        globs.append(value if any(c in value for c in "*?[") else f"*{value}*")
    return _PATH_FIELD.sub(" ", query).strip() if globs else query, tuple(g for g in globs if g)


_PHRASE = re.compile(r'"([^"]*)"(?!~)')
_OPERATORS = re.compile(r'\b(?:AND|OR|NOT|ANDNOT|ANDMAYBE)\b|[()\[\]{}:^~*?]|(?:^|\s)-')


def _folded_words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text.lower())
    return re.findall(r"[^\W_]+", "".join(c for c in folded if not unicodedata.combining(c)))


def stop_word_runs(index: Index, query: str) -> tuple[str, tuple[tuple[str, ...], ...]]:
    """Phrases made only of stop words, which the index leaves out of the text, taken out of a plain query
    (words and phrases, no operators or fields) as runs of words for the engine to find in the stored
    text; the rest of the query. A query left with stop words only, outside phrases, is an error that says
    so (it would find nothing, or only names with such a word: `a` in "William A. Schabas")."""
    if _OPERATORS.search(_PHRASE.sub(" ", query)):
        return query, ()
    stop = index.engine.stop_words()
    runs = []
    for phrase in _PHRASE.findall(query):
        words = _folded_words(phrase)
        if words and all(w in stop for w in words):
            runs.append(tuple(words))
    rest = _PHRASE.sub(lambda m: " " if tuple(_folded_words(m.group(1))) in runs else m.group(0), query).strip()
    bare = _folded_words(_PHRASE.sub(" ", rest))
    if bare and all(w in stop for w in bare) and not _PHRASE.search(rest):
        if runs:
            return "", tuple(runs)  # "to be" the: the phrase says it all
        shown = " ".join(dict.fromkeys(bare))
        raise QueryError(f"{shown!r}: only stop words, which the index leaves out of the text",
                         hint=f'put them in a phrase ("{shown}") or with other words')
    # Bare stop words beside other words go: the text has no term for them, and a name field would make
    # them required ("the council" found nothing, the speaker field holding no "the").
    parts = re.split(r'("[^"]*"~?\d*)', rest)
    kept = [p if p.startswith('"') else " ".join(t for t in p.split() if not (
        (w := _folded_words(t)) and len(w) == 1 and w[0] in stop)) for p in parts]
    return " ".join(p.strip() for p in kept if p.strip()), tuple(runs)


def _tree(query: str, quoted: bool) -> Node:
    """The query's tree; with ``quoted`` (--in-quotes) its text words moved to the ``quote`` field."""
    tree = parse(query)
    return in_quotes(tree) if quoted else tree


def _check_page(limit: int, page: int, sort: str, zero: str) -> None:
    if limit < 0 or page < 1:
        raise QueryError(f"limit must be 0 or more (0: {zero}) and page at least 1")
    if sort not in SORTS:
        raise QueryError(f"unknown sort {sort!r}", hint="use " + ", ".join(SORTS))


def search(index: Index, query: str, *, speaker: str | None = None, since: dt.date | str | None = None,
           until: dt.date | str | None = None, source: str | None = None,
           languages: tuple[str, ...] | list[str] | None = None, kinds: tuple[str, ...] | None = ("body",),
           quotes_only: bool = False, in_quotes: bool = False, limit: int = 10, page: int = 1,
           sort: str = "score", facets: tuple[str, ...] | list[str] = (), timeline: bool = False,
           context: int = 0, collapse: bool = True, suggest: bool = True,
           exact_total: bool | None = None, facet_limit: int | None = 10,
           path: str | list[str] | None = None,
           max_seconds: float | None = budget.QUERY_SECONDS) -> SearchResults:
    """Ranked paragraphs matching ``query``, narrowed by the filters (see `Index.search`)."""
    query, paths = paths_of(query, path)
    query, runs = stop_word_runs(index, query)
    _check_page(limit, page, sort, "counts and facets only")
    if context < 0:
        raise QueryError("context must be 0 or more")
    for name in facets:
        if name not in FACET_NAMES:
            raise QueryError(f"unknown facet {name!r}", hint="facets are " + ", ".join(FACET_NAMES))
    langs = tuple(dict.fromkeys(code.strip().lower() for code in languages or () if code.strip())) or None
    for code in langs or ():
        if not re.fullmatch(r"[a-z]{2,3}", code):
            raise QueryError(f"unknown language {code!r}", hint="give an ISO 639-1 code: en, es, fr, de, it, pt, ...")
    tree = _tree(query, in_quotes)  # a query that cannot mean what it says fails here, whatever the engine
    request = SearchRequest(query=query, tree=tree, speaker=speaker, since=since, until=until, source=source,
                            languages=langs, kinds=tuple(kinds) if kinds is not None else None,
                            quotes_only=quotes_only or in_quotes, in_quotes=in_quotes, paths=paths, contains=runs,
                            limit=limit, page=page, sort=sort, facets=tuple(facets), facet_limit=facet_limit,
                            timeline=timeline, context=context, collapse=collapse, suggest=suggest)
    with budget.query_budget(max_seconds):
        return index.engine.search(request)


def search_releases(index: Index, query: str, *, also: tuple[str, ...] | list[str] = (), speaker: str | None = None,
                    since: dt.date | str | None = None, until: dt.date | str | None = None, source: str | None = None,
                    kinds: tuple[str, ...] | None = ("body",), quotes_only: bool = False, in_quotes: bool = False,
                    limit: int = 10, page: int = 1, sort: str = "score", path: str | list[str] | None = None,
                    max_seconds: float | None = budget.QUERY_SECONDS) -> ReleaseResults:
    """Releases with matching paragraphs (see `Index.search_releases`)."""
    query, paths = paths_of(query, path)
    query, runs = stop_word_runs(index, query)
    _check_page(limit, page, sort, "the count only")
    for other in also:
        parse(other)  # each query's mistakes are said before the engine is asked
    request = SearchRequest(query=query, tree=_tree(query, in_quotes), speaker=speaker, since=since, until=until,
                            source=source, kinds=tuple(kinds) if kinds is not None else None,
                            quotes_only=quotes_only or in_quotes, in_quotes=in_quotes, paths=paths, contains=runs, limit=limit, page=page,
                            sort=sort, collapse=False, suggest=False)
    with budget.query_budget(max_seconds):  # the whole search: every query of ``also`` included
        return index.engine.search_releases(request, tuple(also))


def iter_search(index: Index, query: str, *, speaker: str | None = None, since: dt.date | str | None = None,
                until: dt.date | str | None = None, source: str | None = None,
                kinds: tuple[str, ...] | None = ("body",), quotes_only: bool = False, in_quotes: bool = False,
                sort: str = "score", context: int = 0, path: str | list[str] | None = None,
                max_seconds: float | None = budget.QUERY_SECONDS) -> Iterator[Hit]:
    """Every hit of ``query`` in order, made one at a time (see `Index.iter_search`); ``max_seconds`` per
    step (`searchidx.budget.budgeted`)."""
    query, paths = paths_of(query, path)
    query, runs = stop_word_runs(index, query)
    if sort not in SORTS:
        raise QueryError(f"unknown sort {sort!r}", hint="use " + ", ".join(SORTS))
    if context < 0:
        raise QueryError("context must be 0 or more")
    request = SearchRequest(query=query, tree=_tree(query, in_quotes), speaker=speaker, since=since, until=until,
                            source=source, kinds=tuple(kinds) if kinds is not None else None,
                            quotes_only=quotes_only or in_quotes, in_quotes=in_quotes, paths=paths, contains=runs, limit=0, sort=sort, context=context, collapse=False,
                            suggest=False)
    return budget.budgeted(iter(index.engine.iter_hits(request)), max_seconds)


def speakers(index: Index) -> list[SpeakerSummary]:
    """Every speaker: name as first given, roles, paragraphs and releases, most paragraphs first."""
    return index.engine.speakers()


def stats(index: Index) -> Stats:
    """Releases, paragraphs, speakers, date span, size on disk and last update."""
    return index.engine.stats()
