"""The Whoosh schema and analyzers: one document per paragraph, one per indexed file."""

from __future__ import annotations

from functools import cache

#: Bumped when the schema changes in a way an old index cannot serve.
SCHEMA_VERSION = 2

# Split on anything that is not a letter or digit: "example.com" → "example", "com";
# "pthread_create" → "pthread", "create"; "Ashraf-3" → "ashraf", "3"; "O’Neill" → "o", "neill".
TOKEN_PATTERN = r"[^\W_]+"


@cache
def text_analyzer():
    """Running text: case- and accent-folded, stemmed, stop words out (their positions kept)."""
    from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
    from whoosh.support.charset import accent_map

    return (RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | CharsetFilter(accent_map)
            | StopFilter(minsize=1) | StemFilter(cachesize=50000))


@cache
def name_analyzer():
    """Names, places and wires: folded but not stemmed, so any part of a name matches as written."""
    from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer
    from whoosh.support.charset import accent_map

    return RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | CharsetFilter(accent_map)


@cache
def schema():
    from whoosh.fields import DATETIME, ID, NUMERIC, STORED, TEXT, Schema

    text = text_analyzer()
    names = name_analyzer()
    return Schema(
        # "<release>#<n>" for a paragraph, "file:<path>" for a file record.
        doc=ID(stored=True, unique=True),
        doctype=ID(stored=True),
        release=ID(stored=True),
        path=ID(stored=True),
        n=NUMERIC(stored=True, sortable=True),
        kind=ID(stored=True),
        text=TEXT(analyzer=text, stored=True, phrase=True),
        speaker=TEXT(analyzer=names, stored=True, field_boost=2.0),
        speaker_key=ID(stored=True, sortable=True),
        role=TEXT(analyzer=text, stored=True),
        title=TEXT(analyzer=text, stored=True, field_boost=2.0),
        date=DATETIME(stored=True, sortable=True),
        year=NUMERIC(stored=True, sortable=True),
        location=TEXT(analyzer=names, stored=True),
        source=TEXT(analyzer=names, stored=True),
        source_key=ID(stored=True, sortable=True),
        url=STORED(),
        # Derived at write time by `derived_fields` (schema 2): unstemmed copies for prefix, fuzzy and
        # "did you mean"; the day as an integer (20230825) for date ranges and the timeline; a fingerprint
        # of the normalised text, equal for syndicated copies; a sortable location for facets.
        text_exact=TEXT(analyzer=names, phrase=False),
        title_exact=TEXT(analyzer=names, phrase=False),
        day=NUMERIC(stored=True, sortable=True),
        fingerprint=ID(stored=True, sortable=True),
        location_key=ID(stored=True, sortable=True),
        quoted=ID(),
        # File records: the content hash and the release's metadata that paragraphs do not carry.
        hash=ID(stored=True),
        meta=STORED(),
    )


def fingerprint(text: str) -> str:
    """The same for paragraphs that differ only in case, accents, punctuation and spacing."""
    import hashlib
    import re
    import unicodedata

    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    words = re.findall(TOKEN_PATTERN, folded)
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()[:16]


def derived_fields(doc: dict) -> dict:
    """Fields computed from a paragraph document's own fields, added when it is written."""
    out: dict = {}
    if doc.get("text"):
        out["text_exact"] = doc["text"]
        out["fingerprint"] = fingerprint(doc["text"])
    out["quoted"] = "yes" if doc.get("speaker") else "no"
    if doc.get("title"):
        out["title_exact"] = doc["title"]
    date = doc.get("date")
    if date is not None:
        out["day"] = date.year * 10000 + date.month * 100 + date.day
    if doc.get("location"):
        out["location_key"] = " ".join(t.text for t in name_analyzer()(doc["location"]))
    return out
