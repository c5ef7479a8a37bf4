"""The Whoosh engine: an index folder's current generation, searched in this process."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from searchidx.engine.base import SearchRequest
from searchidx.engine.whoosh import searching
from searchidx.engine.whoosh.documents import release_from
from searchidx.engine.whoosh.readers import close_searchers
from searchidx.errors import ReleaseNotFoundError
from searchidx.model import Release
from searchidx.search.results import Hit, SearchResults, SpeakerSummary, Stats
from searchidx.search.speaker import SpeakerParagraph

if TYPE_CHECKING:
    from searchidx.index.core import Index


class WhooshEngine:
    """`searchidx.engine.base.Engine` on Whoosh. ``whoosh`` and ``searcher()`` are the way down to Whoosh
    itself for embedders who need it: they follow Whoosh's API, which searchidx does not promise."""

    name = "whoosh"

    def __init__(self, index: Index) -> None:
        self._index = index

    @property
    def whoosh(self) -> Any:
        """Whoosh's index of the current generation (reopened when a rebuild switched generations)."""
        return self._index._fresh()

    def searcher(self) -> Any:
        """A Whoosh searcher on the last commit of the current generation (close it, or use ``with``)."""
        return self.whoosh.searcher()

    def search(self, request: SearchRequest) -> SearchResults:
        return searching.search(self._index, request)

    def iter_hits(self, request: SearchRequest) -> Iterator[Hit]:
        return searching.iter_hits(self._index, request)

    def speakers(self) -> list[SpeakerSummary]:
        return searching.speakers(self._index)

    def close(self) -> None:
        close_searchers(self._index)

    def stats(self) -> Stats:
        return searching.stats(self._index)

    def speaker_paragraphs(self, key: str) -> list[SpeakerParagraph]:
        from searchidx.engine.whoosh.readers import _searcher
        from searchidx.engine.whoosh.speakers import speaker_paragraphs

        with _searcher(self._index) as s:  # the kept searcher, and the per-reader caches searches fill
            return speaker_paragraphs(s, key)

    def release(self, release_id: str) -> Release:
        with self.searcher() as s:
            file_doc = s.document(doctype="file", release=release_id)
            if file_doc is None:
                raise ReleaseNotFoundError(f"no release {release_id!r} in the index")
            paras = sorted(s.documents(doctype="para", release=release_id), key=lambda d: d["n"])
        return release_from(file_doc, paras)

    def files(self) -> dict[str, dict[str, Any]]:
        files: dict[str, dict[str, Any]] = {}
        with self.searcher() as s:
            for fields in s.documents(doctype="file"):
                rec = files.setdefault(fields["path"], {"hash": fields["hash"], "releases": []})
                rec["releases"].append(fields["release"])
        return files
