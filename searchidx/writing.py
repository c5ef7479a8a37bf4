"""Adding paragraph documents to Whoosh without analysing the same value twice.

Every paragraph document repeats its release's title, path, dates, place and wire; Whoosh's
``add_document`` would run each through its analyzer once per paragraph. `DocAdder.add` does what
``SegmentWriter.add_document`` does (whoosh3 3.54, which searchidx pins) but takes each field's postings
from a cache of repeated values, or from ``prepared`` (postings already made in a loader process, see
`searchidx.parallel`). Any other writer (Whoosh's multiprocessing one, a future version) gets plain
``add_document`` calls.
"""

from __future__ import annotations

from typing import Any

#: Fields whose values repeat across paragraphs and releases: their postings are cached.
CACHED = frozenset({"doctype", "release", "path", "n", "kind", "speaker", "speaker_key", "role", "title", "date",
                    "year", "location", "source", "source_key"})
#: Entries kept before the cache starts over (a few releases' worth is all it needs).
CACHE_SIZE = 20_000


def analyse_text(texts: list[str]) -> list[list[tuple[bytes, int, float, bytes]]]:
    """Postings of each paragraph text, as the index's text field makes them (for a loader process)."""
    from .schema import schema

    field = schema()["text"]
    return [list(field.index(t)) for t in texts]


class DocAdder:
    def __init__(self, writer: Any) -> None:
        self.writer = writer
        self.cache: dict[tuple[str, Any], tuple[list[Any], int, Any]] = {}
        self.fast = _supported(writer)

    def add(self, fields: dict[str, Any], prepared: dict[str, list[Any]] | None = None) -> None:
        if not self.fast:
            self.writer.add_document(**fields)
            return
        w = self.writer
        w._check_state()
        schema = w.schema
        perdoc = w.perdocwriter
        add_post = w.pool.add
        docnum = w.docnum
        cache = self.cache
        if len(cache) > CACHE_SIZE:
            cache.clear()
        perdoc.start_doc(docnum)
        try:
            for name in sorted(fields):
                value = fields[name]
                if value is None:
                    continue
                field = schema[name]
                key = (name, value) if name in CACHED else None
                entry = cache.get(key) if key else None
                if entry is None:
                    items: list[Any] = []
                    length = 0
                    if field.indexed:
                        items = prepared[name] if prepared and name in prepared else list(field.index(value))
                        if field.scorable:
                            length = sum(item[1] for item in items)
                    column = field.to_column_value(value) if field.column_type else None
                    entry = (items, length, column)
                    if key:
                        cache[key] = entry
                items, length, column = entry
                for tbytes, _freq, weight, vbytes in items:
                    add_post((name, tbytes, docnum, weight, vbytes))
                perdoc.add_field(name, field, value if field.stored else None, length)
                if field.column_type:
                    perdoc.add_column_value(name, field.column_type, column)
        except ValueError:
            perdoc.cancel_doc()
            raise
        perdoc.finish_doc()
        w._added = True
        w.docnum += 1


def _supported(writer: Any) -> bool:
    """Whether ``writer`` is the SegmentWriter this module mirrors, with no field needing what it skips."""
    try:
        from whoosh.writing import SegmentWriter
    except ImportError:  # pragma: no cover
        return False
    if type(writer) is not SegmentWriter:
        return False
    for _name, field in writer.schema.items():
        if field.separate_spelling() or field.vector:
            return False
    return all(hasattr(writer, a) for a in ("perdocwriter", "pool", "docnum", "_check_state"))
