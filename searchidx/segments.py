"""Whoosh segments, written and merged at less cost than Whoosh's own writer spends.

`segment_writer`: Whoosh's segment writer, which reads the new segment's field lengths from memory while it
writes the postings (Whoosh reads a document's length from the column file, a seek and a read, for every
posting it writes).

`add_segments`: the live documents of several segments, in order, into one new segment, as Whoosh's
`SegmentWriter.add_reader` does, at a fraction of its cost.

Whoosh merges by pouring every posting of every segment into the writer's sorting pool, which pickles
them to temporary runs, sorts and merges them back; it also looks a file up on disk for each field of each
document. But each segment's terms are already sorted, and the segments' documents keep their order, so a
merge of the term lists, with each term's postings read block by block and renumbered, gives the new
segment's postings in the order its writer wants them, without the pool. Stored fields, lengths and
columns are copied document by document. Tests compare the result with Whoosh's own merge.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import Any


@cache
def segment_writer() -> type:
    """Whoosh's `SegmentWriter`, its postings written with the segment's field lengths held in memory."""
    from whoosh.writing import SegmentWriter

    class LengthsInMemoryWriter(SegmentWriter):
        def per_document_reader(self) -> Any:
            return _LengthsInMemory(super().per_document_reader())

    return LengthsInMemoryWriter


class _LengthsInMemory:
    """A new segment's per-document reader as Whoosh's field writer uses it (``doc_field_length_reader``),
    each field's length column read once into a list: the same lengths, without a file read per posting."""

    def __init__(self, perdoc: Any) -> None:
        self.perdoc = perdoc

    def doc_field_length_reader(self, fieldname: str, default: int = 0) -> Callable[[int], int | None]:
        from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
        from whoosh.util.numeric import byte_to_length

        perdoc = self.perdoc
        column = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        if column is None:
            return lambda docnum, _default=default: _default
        count = perdoc.doc_count_all()
        # As Whoosh's reader answers: a length for a length byte, None for a zero byte (no length).
        lengths = [byte_to_length(b) if b else None for b in column.load()]
        lengths.extend([None] * (count - len(lengths)))
        return lengths.__getitem__

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int | None:
        return self.perdoc.doc_field_length(docnum, fieldname, default)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.perdoc, name)


class _Stream:
    """Stands in for a writer's posting pool: the postings are already in order."""

    def __init__(self, postings: Iterable[tuple]) -> None:
        self.postings = postings
        self.fieldnames: set[str] = set()

    def iter_postings(self) -> Iterable[tuple]:
        return self.postings

    def cleanup(self) -> None:
        pass


def add_segments(writer: Any, readers: list[Any]) -> None:
    """Append the live documents of ``readers`` (Whoosh segment readers of ``writer``'s schema, in order)
    to a new `SegmentWriter` that has nothing else to write; its ``_finalize_segment()`` then writes the
    segment (the postings are read while it does, so the readers stay open until then)."""
    if writer.docnum or writer._added:
        raise ValueError("add_segments needs a writer that holds nothing yet")
    schema = writer.schema
    if any(schema[name].vector for name in schema.names()):
        raise ValueError("add_segments does not copy term vectors")
    maps = [_copy_documents(writer, reader) for reader in readers]
    writer.pool.cleanup()
    writer.pool = _Stream(_postings(schema, readers, maps))
    writer._added = True


def _copy_documents(writer: Any, reader: Any) -> tuple[int, dict[int, int] | None]:
    """Copy a reader's live documents: stored fields, field lengths, columns. Returns how its document
    numbers map to the new segment's: an offset, or a dict when it has deletions."""
    from whoosh.columns import TranslatingColumnReader

    schema = writer.schema
    pdw = writer.perdocwriter
    perdoc = reader._perdoc
    names = schema.names()
    # Resolved once per field (Whoosh asks the disk whether a length column exists for every field of
    # every document).
    lengths = [(name, schema[name], perdoc.doc_field_length_reader(name) if schema[name].scorable else None)
               for name in names]
    columns = []
    for name in names:
        coltype = schema[name].column_type
        if coltype and reader.has_column(name):
            creader = reader.column_reader(name, coltype)
            if isinstance(creader, TranslatingColumnReader):
                creader = creader.raw_column()
            columns.append((name, coltype, creader))
    base = writer.docnum
    docmap: dict[int, int] | None = {} if reader.has_deletions() else None
    for docnum, stored in reader.iter_docs():
        new = writer.docnum
        if docmap is not None:
            docmap[docnum] = new
        pdw.start_doc(new)
        for name, field, length in lengths:
            pdw.add_field(name, field, stored.get(name), length(docnum) if length else 0)
        for name, coltype, creader in columns:
            pdw.add_column_value(name, coltype, creader[docnum])
        pdw.finish_doc()
        writer.docnum += 1
    return base, docmap


def _postings(schema: Any, readers: list[Any], maps: list[tuple[int, dict[int, int] | None]]
              ) -> Iterator[tuple[str, bytes, int, float, Any]]:
    """All postings of the readers in (field, term, new document number) order."""
    names = set(schema.names())
    terms = heapq.merge(*[_keyed_terms(reader, i, names) for i, reader in enumerate(readers)])
    for (fieldname, text), i in terms:
        base, docmap = maps[i]
        for docnum, weight, value in _term_postings(readers[i], fieldname, text):
            yield fieldname, text, docmap[docnum] if docmap is not None else base + docnum, weight, value


def _keyed_terms(reader: Any, i: int, names: set[str]) -> Iterator[tuple[tuple[str, bytes], int]]:
    # The reader's number after the term: a term in several segments comes from the first one first.
    for fieldname, text in reader.all_terms():
        if fieldname in names:
            yield (fieldname, text), i


def _term_postings(reader: Any, fieldname: str, text: bytes) -> Iterator[tuple[int, float, Any]]:
    from whoosh.codec.whoosh3 import W3LeafMatcher

    m = reader.postings(fieldname, text)
    if type(m) is W3LeafMatcher:  # no deletions: whole blocks at a time
        while not m._atend and m._blocklength:
            m._read_ids()
            m._read_weights()
            m._read_values()
            yield from zip(m._ids, m._weights, m._values)
            m._next_block()
        return
    while m.is_active():
        yield m.id(), m.weight(), m.value()
        m.next()
