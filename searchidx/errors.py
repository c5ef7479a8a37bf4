"""searchidx's own exceptions: the library raises these and nothing else for expected failures."""

from __future__ import annotations


class SearchidxError(Exception):
    """Base class of every error searchidx raises on purpose."""


class LoadError(SearchidxError):
    """A file could not be read as a release. ``path`` names it, ``reason`` says why in one line."""

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        # One line, whatever the underlying library said (parsers put newlines in their messages).
        self.reason = " ".join(str(reason).split())
        super().__init__(f"{self.path}: {reason}")


class IndexNotFoundError(SearchidxError):
    """No index at the given location."""


class IndexDamagedError(SearchidxError):
    """The index's files cannot be read as they should (a damaged segment): `Index.check` says what is
    wrong, a rebuild mends it."""


class ReleaseNotFoundError(SearchidxError):
    """No release with the given id in the index."""


class IndexVersionError(SearchidxError):
    """The index was written by an incompatible version of searchidx."""


class IndexLockedError(SearchidxError):
    """Another writer held the index for longer than the timeout."""


class QueryError(SearchidxError):
    """A query that cannot be parsed or run; ``hint`` says how to fix it."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        self.hint = hint
        super().__init__(message)
