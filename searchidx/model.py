"""The data a release turns into: `Release`, its `Paragraph`s and `Contact`s."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

#: Paragraph kinds. Only ``body`` is searched by default: the others repeat or frame the body.
KINDS = ("body", "pullquote", "caption", "about")


@dataclass
class Contact:
    name: str | None = None
    organisation: str | None = None
    phone: str | None = None
    email: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


#: Quote kinds: words inside quotation marks attributed in their paragraph, speech reported without them
#: ("X said that …", "X announced …"), and a quote carried over from an earlier paragraph.
QUOTE_KINDS = ("direct", "reported", "continuation")


@dataclass
class Quote:
    """Words a person said, as a span of its paragraph's text: ``text == paragraph.text[start:end]``
    (inside the quotation marks, for a direct quote)."""

    start: int
    end: int
    text: str
    speaker: str | None = None
    speaker_role: str | None = None
    kind: str = "direct"

    @property
    def quoted(self) -> bool:
        """Whether the words stand inside quotation marks (a direct quote or its continuation)."""
        return self.kind != "reported"

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "speaker": self.speaker,
                "speaker_role": self.speaker_role, "kind": self.kind}


@dataclass
class Paragraph:
    n: int
    kind: str
    text: str
    speaker: str | None = None
    speaker_role: str | None = None
    quotes: list[Quote] = field(default_factory=list)
    #: ISO 639-1 code: the release's language, or the paragraph's own where the release changes language.
    language: str | None = None

    def quoted_spans(self) -> list[tuple[int, int]]:
        """(start, end) of the words inside quotation marks (direct quotes and their continuations), in
        order: what matching "only inside quotes" matches."""
        return [(q.start, q.end) for q in self.quotes if q.quoted]

    @property
    def has_direct_quote(self) -> bool:
        """Whether the paragraph quotes someone's own words in quotation marks, not only reports them."""
        return any(q.quoted and q.speaker for q in self.quotes)

    def spoken_quotes(self) -> list[Quote]:
        """The quotes in quotation marks that have a speaker: what the index's ``quote`` field holds, each
        with its speaker (a scare quote nobody is named for is left out)."""
        return [q for q in self.quotes if q.quoted and q.speaker]

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_role": self.speaker_role,
            "language": self.language,
            "text": self.text,
            "quotes": [q.to_dict() for q in self.quotes],
        }


@dataclass
class Release:
    path: str
    id: str
    title: str | None = None
    subtitle: str | None = None
    labels: list[str] = field(default_factory=list)
    date: dt.date | None = None
    location: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    language: str | None = None
    format: str | None = None
    contacts: list[Contact] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def body(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind == "body"]

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form documented in README ("parse --json")."""
        return {
            "path": self.path,
            "id": self.id,
            "title": self.title,
            "subtitle": self.subtitle,
            "labels": list(self.labels),
            "date": self.date.isoformat() if self.date else None,
            "location": self.location,
            "source": self.source,
            "url": self.url,
            "author": self.author,
            "language": self.language,
            "format": self.format,
            "contacts": [c.to_dict() for c in self.contacts],
            "paragraphs": [p.to_dict() for p in self.paragraphs],
        }
