"""Whoosh field types of the searchidx schema (kept apart from `schema` so that importing the loader never
imports Whoosh)."""

from __future__ import annotations

from typing import Any

from whoosh.fields import TEXT


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
