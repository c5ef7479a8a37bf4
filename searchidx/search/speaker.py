"""One speaker across the index: names, roles, paragraphs over time and releases (the web page and
``/api/speakers/{key}`` of `searchidx serve`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from searchidx.index.core import Index


@dataclass
class SpeakerParagraph:
    id: str
    n: int
    kind: str
    speaker: str
    speaker_role: str | None
    text: str
    title: str | None
    date: str | None
    source: str | None
    location: str | None
    url: str | None = None
    #: The forms of the speaker's name this paragraph's release writes ("Ms Roe", "Roe").
    aliases: list[str] = field(default_factory=list)
    #: Character spans ``[start, end]`` of the text that are the speaker's words in quotation marks (direct
    #: quotes and their continuations; `Paragraph.quotes`).
    quotes: list[list[int]] = field(default_factory=list)

    @property
    def release(self) -> str:
        return self.id.split("#", 1)[0]


@dataclass
class SpeakerRelease:
    id: str
    title: str | None
    date: str | None
    source: str | None
    url: str | None
    paragraphs: int


@dataclass
class SpeakerProfile:
    """A speaker: ``name`` as first given (in the oldest release), ``aliases`` the other forms the
    releases give, roles, paragraphs (oldest first, undated last), releases, and paragraphs per month."""

    key: str
    name: str
    aliases: list[str]
    roles: list[str]
    paragraphs: list[SpeakerParagraph]
    releases: list[SpeakerRelease]
    timeline: list[tuple[str, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["timeline"] = [list(t) for t in self.timeline]
        return d


def _when(date: str | None) -> tuple[int, str]:
    return (0, date) if date else (1, "")


def speaker_profile(index: Index, key: str) -> SpeakerProfile | None:
    """The speaker whose key (`searchidx.speaker_key` of the name) is ``key``; None if no body paragraph
    is attributed to it."""
    paragraphs = index.engine.speaker_paragraphs(key)
    if not paragraphs:
        return None
    paragraphs.sort(key=lambda p: (_when(p.date), p.release, p.n))
    names = Counter(p.speaker for p in paragraphs)
    name = paragraphs[0].speaker
    roles: list[str] = []
    for p in paragraphs:
        if p.speaker_role and p.speaker_role not in roles:
            roles.append(p.speaker_role)
    releases: dict[str, SpeakerRelease] = {}
    for p in paragraphs:
        if p.release not in releases:
            releases[p.release] = SpeakerRelease(id=p.release, title=p.title, date=p.date, source=p.source, url=p.url,
                                                 paragraphs=0)
        releases[p.release].paragraphs += 1
    aliases = dict.fromkeys(n for n, _ in names.most_common())
    for p in paragraphs:
        aliases.update(dict.fromkeys(p.aliases))
    return SpeakerProfile(key=key, name=name, aliases=[n for n in aliases if n != name], roles=roles,
                          paragraphs=paragraphs, releases=list(releases.values()),
                          timeline=_months([p.date for p in paragraphs]))


def _months(dates: list[str | None]) -> list[tuple[str, int]]:
    """Paragraphs per month from the first dated one to the last, empty months included."""
    counts = Counter(d[:7] for d in dates if d)
    if not counts:
        return []
    out = []
    y, m = map(int, min(counts).split("-"))
    last = max(counts)
    while f"{y:04d}-{m:02d}" <= last:
        month = f"{y:04d}-{m:02d}"
        out.append((month, counts.get(month, 0)))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out
