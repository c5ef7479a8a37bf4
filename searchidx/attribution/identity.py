"""One identity per person: the speaker variants of a release grouped into people, each with one key.

Within a release, attribution already gives every mention of a person the one name first given in full
("Ms Roe", "Roe", "Jane M. Roe", "she", "the Minister" all become "Jane Roe"). `release_speakers` says who
the release's speakers are, each once, with the variants the release writes their name in (``aliases``)
and the roles it gives them. `group_variants` does the grouping for any list of names written in one
release. Across releases the key is `speaker_key`, the folded full name: the same full name is one person
everywhere, and a surname alone joins a full name only inside its own release.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from searchidx.attribution.lexicons import strip_honorifics, strip_post_nominals
from searchidx.attribution.rules import HONORIFIC, speaker_key
from searchidx.model import Paragraph, Release


@dataclass
class Identity:
    """A person: ``key`` (speaker_key of the fullest name), the name shown, the variants seen, the roles."""

    key: str
    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {"key": self.key, "name": self.name, "aliases": list(self.aliases), "roles": list(self.roles)}


@lru_cache(maxsize=8192)
def _tokens(name: str) -> tuple[str, ...]:
    # Cached: the same forms come back in release after release ("Ogg", "Kim Ogg").
    return tuple(speaker_key(strip_post_nominals(strip_honorifics(name)[0])).split())


def _same_person(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether a shorter form names the person of a fuller one: the same surname, and every other word of
    the short form in the full one, or the initial of one ("Roe", "Jane Roe", "J Roe", "Jane Mary Roe")."""
    if not short or not full or short[-1] != full[-1]:
        return False
    rest = full[:-1]
    for word in short[:-1]:
        if word in rest:
            continue
        if len(word) == 1 and any(w.startswith(word) for w in rest):
            continue
        return False
    return True


def group_variants(names: Iterable[str], roles: dict[str, str | None] | None = None) -> list[Identity]:
    """Group the names one release writes into people. The fullest form names the person; a shorter form
    joins it when it fits only one person (a surname two people share joins neither)."""
    roles = roles or {}
    seen: dict[str, None] = {}
    for n in names:
        if n and n.strip():
            seen.setdefault(n.strip(), None)
    ordered = sorted(seen, key=lambda n: (-len(_tokens(n)), -len(n)))
    people: list[tuple[tuple[str, ...], Identity]] = []
    for name in ordered:
        tokens = _tokens(name)
        if not tokens:
            continue
        same = [ident for toks, ident in people if toks == tokens]
        fits = same or [ident for toks, ident in people if _same_person(tokens, toks)]
        if len(fits) == 1:
            ident = fits[0]
        else:
            ident = Identity(key=" ".join(tokens), name=strip_honorifics(name)[0])
            people.append((tokens, ident))
        if name not in ident.aliases:
            ident.aliases.append(name)
        role = roles.get(name)
        if role and role not in ident.roles:
            ident.roles.append(role)
    return [ident for _, ident in people]


#: How far before a surname its honorific and given names may start (`_variants_in`): a longer run is
#: read again from the start of the text.
_WINDOW = 160


#: What may stand before a surname in a form of the name: an honorific and up to three capitalised words,
#: up to the end of the span searched (where the surname starts). One pattern for every name: compiling
#: one per name (its honorifics are a long alternation) cost more than the search.
_BEFORE_SURNAME = re.compile(rf"(?:\b{HONORIFIC}\s+)?(?:\b[A-Z][\w’'.-]*\s+){{0,3}}\Z")


def _variants_in(text: str, name: str) -> list[str]:
    """The forms ``text`` writes a speaker's name in: with or without honorifics, given names, initials."""
    surname = name.split()[-1]
    # Each place the surname stands, then the words before it in a window that ends there: a scan of the
    # whole text for the name's leading words cost a fifth of loading a release.
    word = re.compile(rf"\b{re.escape(surname)}\b")
    full = _tokens(name)
    out = []
    end = 0  # where the last form found ends: forms do not overlap
    for hit in word.finditer(text):
        if hit.start() < end:
            continue
        start = max(end, hit.start() - _WINDOW)
        m = _BEFORE_SURNAME.search(text, start, hit.start())
        if m is not None and m.start() == start and start > end:  # may start further back
            m = _BEFORE_SURNAME.search(text, end, hit.start())
        if m is None:
            continue
        end = hit.end()
        form = text[m.start():end].strip()
        # Words before the name that are not part of it ("Minister Jane Roe"): drop from the left until it fits.
        words = form.split()
        while words and not _same_person(_tokens(" ".join(words)), full):
            words = words[1:]
        if words:
            out.append(" ".join(words))
    return out


def release_speakers(release: Release | list[Paragraph]) -> list[Identity]:
    """The people who speak in a release, each once: key, name, the variants of the name the release
    writes (``aliases``, the name itself first) and the roles it gives them."""
    paragraphs = release.paragraphs if isinstance(release, Release) else release
    names: dict[str, None] = {}
    roles: dict[str, str | None] = {}
    for p in paragraphs:
        for who, role in [(p.speaker, p.speaker_role)] + [(q.speaker, q.speaker_role) for q in p.quotes]:
            if who:
                names.setdefault(who, None)
                if role and not roles.get(who):
                    roles[who] = role
    identities = group_variants(names, roles)
    text = "\n".join(([release.title or ""] if isinstance(release, Release) else []) + [p.text for p in paragraphs])
    for ident in identities:
        for form in _variants_in(text, ident.name):
            if form not in ident.aliases:
                ident.aliases.append(form)
        for p in paragraphs:
            if p.speaker in ident.aliases and p.speaker_role and p.speaker_role not in ident.roles:
                ident.roles.append(p.speaker_role)
    return identities
