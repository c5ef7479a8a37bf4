"""Problems of a release that loaded: not bad enough to refuse the file, worth saying when it is indexed.

Kept apart from the loader so that the index can report them without importing the loader (`searchidx
search` never loads a release).
"""

from __future__ import annotations

from dataclasses import dataclass

from searchidx.model import Release


@dataclass(frozen=True)
class LoadWarning:
    """A release that loaded but will not search as its file reads: it is indexed, and the file is named."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def release_warnings(release: Release) -> list[LoadWarning]:
    """What is wrong with a loaded release that is not bad enough to skip it: no body paragraph (a layout the
    loader does not read, or a file with a title and no text). A search finds paragraphs, so such a release
    is found by its About, caption or pull-quote paragraphs at most."""
    if release.body:
        return []
    if release.paragraphs:
        found = f"only its {len(release.paragraphs)} About, caption or pull-quote paragraphs can be found"
    else:
        found = "a search will not find it"
    return [LoadWarning(release.path, f"no body paragraph found: {found}")]
