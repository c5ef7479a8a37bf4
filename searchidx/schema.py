"""The Whoosh schema and analyzers: one document per paragraph, one per indexed file."""

from __future__ import annotations

from functools import cache

#: Bumped when the schema changes in a way an old index cannot serve.
SCHEMA_VERSION = 1

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
        # Stored only: never searched, and an indexed NUMERIC costs 8 postings per paragraph (14 % of them).
        n=STORED(),
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
        # File records: the content hash and the release's metadata that paragraphs do not carry.
        hash=ID(stored=True),
        meta=STORED(),
    )
