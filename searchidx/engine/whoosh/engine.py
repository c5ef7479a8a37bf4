"""The Whoosh engine: an index folder's current generation, searched in this process."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from searchidx.engine.base import SearchRequest
from searchidx.engine.whoosh import searching
from searchidx.engine.whoosh.documents import iter_paragraphs, release_from
from searchidx.engine.whoosh.fields import _stop_words
from searchidx.engine.whoosh.readers import _searcher, close_searchers
from searchidx.engine.whoosh.speakers import speaker_paragraphs
from searchidx.errors import IndexDamagedError, ReleaseNotFoundError, SearchidxError
from searchidx.index.ids import StableIds
from searchidx.model import Release
from searchidx.search.results import Hit, ReleaseResults, SearchResults, SpeakerSummary, Stats
from searchidx.search.speaker import SpeakerParagraph

if TYPE_CHECKING:
    from searchidx.index.core import Index


T = TypeVar("T")


def damaged(index: Index, exc: BaseException) -> IndexDamagedError:
    folder = index.path
    return IndexDamagedError(f"the index at {folder} cannot be read ({type(exc).__name__}: "
                             f"{' '.join(str(exc).split())[:200]}); see what is wrong: searchidx check --index "
                             f"{folder}; mend it: searchidx build --rebuild --index {folder}")


def _reading(method: Callable[..., T]) -> Callable[..., T]:
    """Whoosh's errors on damaged files (EOFError, struct.error, zlib.error, KeyError, ...) become one
    `IndexDamagedError` that says what to do; searchidx's own errors pass as they are."""

    @functools.wraps(method)
    def wrapper(self: WhooshEngine, *args: Any, **kwargs: Any) -> T:
        try:
            return method(self, *args, **kwargs)
        except SearchidxError:
            raise
        except Exception as exc:  # noqa: BLE001 - whoosh raises assorted errors for damaged files
            raise damaged(self._index, exc) from exc

    return wrapper


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

    def stop_words(self) -> frozenset[str]:
        return _stop_words()

    @_reading
    def search(self, request: SearchRequest) -> SearchResults:
        return searching.search(self._index, request)

    @_reading
    def search_releases(self, request: SearchRequest, also: tuple[str, ...] = ()) -> ReleaseResults:
        return searching.search_releases(self._index, request, also)

    def iter_hits(self, request: SearchRequest) -> Iterator[Hit]:
        try:
            yield from searching.iter_hits(self._index, request)
        except SearchidxError:
            raise
        except Exception as exc:  # noqa: BLE001 - as in _reading, for a generator
            raise damaged(self._index, exc) from exc

    def paragraphs(self) -> Iterator[dict[str, Any]]:
        from searchidx.attribution.rules import speaker_key  # imported on use: a search never needs it

        ids = StableIds(self._index.sources)
        try:
            with self.searcher() as s:
                for fields, record in iter_paragraphs(s):
                    meta = record.get("meta") or {}
                    sid = ids(record.get("path")) or fields["release"]
                    yield {"id": f"{sid}#{fields['n']}", "release": sid, "n": fields["n"],
                           "kind": fields.get("kind"), "speaker": fields.get("speaker"),
                           "speaker_role": fields.get("role"),
                           "speaker_key": speaker_key(fields["speaker"]) if fields.get("speaker") else None,
                           "title": meta.get("title"), "date": meta.get("date"), "source": meta.get("source"),
                           "location": meta.get("location"), "url": meta.get("url"), "path": record.get("path"),
                           "text": fields.get("text", ""), "content_id": fields["release"]}
        except SearchidxError:
            raise
        except Exception as exc:  # noqa: BLE001 - as in _reading, for a generator
            raise damaged(self._index, exc) from exc

    @_reading
    def speakers(self) -> list[SpeakerSummary]:
        return searching.speakers(self._index)

    def close(self) -> None:
        close_searchers(self._index)

    @_reading
    def stats(self) -> Stats:
        return searching.stats(self._index)

    @_reading
    def speaker_paragraphs(self, key: str) -> list[SpeakerParagraph]:
        with _searcher(self._index) as s:  # the kept searcher, and the per-reader caches searches fill
            return speaker_paragraphs(s, key)

    @_reading
    def release(self, release_id: str) -> Release:
        with self.searcher() as s:
            file_doc = s.document(doctype="file", release=release_id)
            if file_doc is None:
                raise ReleaseNotFoundError(f"no release {release_id!r} in the index")
            paras = sorted(s.documents(doctype="para", release=release_id), key=lambda d: d["n"])
        return release_from(file_doc, paras)

    @_reading
    def paths(self) -> list[str]:
        # From the term list of the file records' key ("file:<path>"), not their stored fields: a few
        # milliseconds where reading 13,000 records took seconds. It may name a deleted record (terms stay
        # until a merge): `release_at` says None for those.
        with self.searcher() as s:
            return [t.decode("utf-8")[5:] if isinstance(t, bytes) else t[5:] for t in s.reader().lexicon("doc")]

    @_reading
    def release_at(self, path: str) -> str | None:
        with self.searcher() as s:
            record = s.document(doc=f"file:{path}")
        return record.get("release") if record else None

    @_reading
    def files(self) -> dict[str, dict[str, Any]]:
        files: dict[str, dict[str, Any]] = {}
        with self.searcher() as s:
            for fields in s.documents(doctype="file"):
                rec = files.setdefault(fields["path"], {"hash": fields["hash"], "releases": []})
                rec["releases"].append(fields["release"])
        return files
