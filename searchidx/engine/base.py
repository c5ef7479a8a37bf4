"""The engine boundary: what the index and search layers ask of a search engine.

An engine stores one document per paragraph (with its release's metadata) and one record per indexed file,
and answers searches. searchidx's own work (loading, attribution, deciding what a sync changes, the query
language and its checks) happens above it. Whoosh (`searchidx.engine.whoosh`) is the embedded engine.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from searchidx.model import Release
from searchidx.search.query import Node
from searchidx.search.results import Hit, ReleaseResults, SearchResults, SpeakerSummary, Stats
from searchidx.search.speaker import SpeakerParagraph


@dataclass(frozen=True)
class SearchRequest:
    """A checked search: the query as the user wrote it, its filters and what to return."""

    query: str
    #: The query parsed (`searchidx.search.query.parse`); None: the engine parses ``query``.
    tree: Node | None = None
    speaker: str | None = None
    since: dt.date | str | None = None
    until: dt.date | str | None = None
    source: str | None = None
    #: Languages searched (ISO 639-1 codes): only paragraphs in these, their words analysed for these
    #: (None: every language, words analysed for each language indexed).
    languages: tuple[str, ...] | None = None
    #: Paragraph kinds searched (None: all; a ``kind:`` in the query also lifts the default).
    kinds: tuple[str, ...] | None = ("body",)
    #: Only paragraphs with a speaker's words in quotation marks (`Paragraph.has_direct_quote`).
    quotes_only: bool = False
    #: The query's text words match only inside those quotation marks (``tree`` already has them in the
    #: ``quote`` field, `searchidx.search.query.in_quotes`; implies ``quotes_only``): highlights too.
    in_quotes: bool = False
    #: Globs one of which the file's path (relative to its source, or whole) must match.
    paths: tuple[str, ...] = ()
    #: Runs of folded words the paragraph's text must hold, in order (phrases of stop words only, which
    #: the index leaves out: checked in the stored text).
    contains: tuple[tuple[str, ...], ...] = ()
    limit: int = 10
    page: int = 1
    #: "score", "date" (newest first) or "oldest" (oldest first); undated paragraphs last.
    sort: str = "score"
    facets: tuple[str, ...] = ()
    facet_limit: int | None = 10
    timeline: bool = False
    context: int = 0
    collapse: bool = True
    suggest: bool = True


@runtime_checkable
class Engine(Protocol):
    """What a search engine under an `Index` answers. Writing goes through the index's own session
    (`searchidx.index.core`), which the engine supplies its writer for."""

    #: The engine's name, as `stats` and errors show it ("whoosh").
    name: str

    def stop_words(self) -> frozenset[str]:
        """The words the engine leaves out of running text (folded)."""
        ...

    def search(self, request: SearchRequest) -> SearchResults:
        """Ranked hits of a checked request: every match counted, copies folded, facets, timeline, context
        and a suggestion as asked."""
        ...

    def search_releases(self, request: SearchRequest, also: tuple[str, ...] = ()) -> ReleaseResults:
        """Releases with a paragraph matching the request's query and one matching each query of ``also``
        (with the same filters), best first or by date; a page of them, every one counted."""
        ...

    def iter_hits(self, request: SearchRequest) -> Iterator[Hit]:
        """Every hit of a checked request in order (``limit``, ``page``, facets and folding ignored), made
        one at a time, from one state of the index."""
        ...

    def speakers(self) -> list[SpeakerSummary]:
        """Every speaker of body paragraphs, most paragraphs first."""
        ...

    def paragraphs(self) -> Iterator[dict[str, Any]]:
        """Every paragraph with its release's metadata (`searchidx.export.FIELDS`), one at a time."""
        ...

    def close(self) -> None:
        """Let go of what is kept open between searches; later calls reopen what they need."""
        ...

    def stats(self) -> Stats:
        """Counts, date span, size and last update."""
        ...

    def speaker_paragraphs(self, key: str) -> list[SpeakerParagraph]:
        """The body paragraphs of the speaker whose ``speaker_key`` is ``key``, with their release's
        metadata (`searchidx.search.speaker` makes a speaker's page of them)."""
        ...

    def release(self, release_id: str) -> Release:
        """A whole release as indexed, paragraphs in order (`ReleaseNotFoundError` if there is none)."""
        ...

    def paths(self) -> list[str]:
        """The paths of the indexed files, quickly (may name a removed one: `release_at` says None)."""
        ...

    def release_at(self, path: str) -> str | None:
        """The content id of the release indexed from ``path``, or None."""
        ...

    def files(self) -> dict[str, dict[str, object]]:
        """Every indexed file: path → {"hash", "releases"}."""
        ...
