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


@dataclass
class Paragraph:
    n: int
    kind: str
    text: str
    speaker: str | None = None
    speaker_role: str | None = None
    #: ISO 639-1 code: the release's language, or the paragraph's own where the release changes language.
    language: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_role": self.speaker_role,
            "language": self.language,
            "text": self.text,
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
