"""Whoosh segments, written and merged at less cost than Whoosh's own writer spends.

`LengthsInMemoryWriter`: Whoosh's segment writer, which keeps each term's postings as they come instead of sorting
them all in Whoosh's pool (`_TermPool`), writes them a block at a time, and reads the new segment's field
lengths from memory while it does (Whoosh reads a document's length from the column file, a seek and a
read, for every posting it writes).

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
import io
import pickle
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate
from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, WHOOSH3_HEADER_MAGIC, CorruptIndexError, _lenfield
from whoosh.columns import TranslatingColumnReader
from whoosh.system import _INT_SIZE, unpack_int
from whoosh.util.numeric import byte_to_length
from whoosh.writing import PostingPool, SegmentWriter

from searchidx.engine.whoosh.codec import SearchidxCodec


class LengthsInMemoryWriter(SegmentWriter):
    """Whoosh's `SegmentWriter`, its postings written with the segment's field lengths held in memory, and
    its segments in searchidx's codec (`searchidx.engine.whoosh.codec`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("codec", SearchidxCodec())
        super().__init__(*args, **kwargs)
        self.pool.cleanup()
        self.pool = _TermPool(self, kwargs.get("limitmb", 128))

    def per_document_reader(self) -> Any:
        return _LengthsInMemory(super().per_document_reader())

    def _flush_segment(self) -> None:
        pool = self.pool
        if isinstance(pool, _Stream):
            terms = _merged_postings(pool)
        elif isinstance(pool, _TermPool) and pool.whoosh is None:
            terms = pool.sorted_terms()
        else:  # Whoosh's pool took over (see _TermPool)
            return super()._flush_segment()
        self.perdocwriter.close()
        lengths = self.per_document_reader()
        try:
            _write_postings(self.fieldwriter, self.schema, lengths, terms)
            self.fieldwriter.close()
        finally:
            lengths.close()
        return None


class _LengthsInMemory:
    """A new segment's per-document reader as Whoosh's field writer uses it (``doc_field_length_reader``),
    each field's length column read once into a list: the same lengths, without a file read per posting."""

    def __init__(self, perdoc: Any) -> None:
        self.perdoc = perdoc

    def doc_field_length_reader(self, fieldname: str, default: int = 0) -> Callable[[int], int | None]:
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


#: What `_TermPool` counts towards its limit (limitmb) per term and per posting, besides their bytes.
TERM_SIZE = 360
POSTING_SIZE = 56


class _TermPool:
    """Stands in for Whoosh's postings pool while a writer adds documents. A writer adds documents in order,
    so each term's postings come sorted by document: they are kept per term as they come, and the writer's
    `_flush_segment` writes them a block at a time (`_write_postings`). Whoosh's pool sorts every posting
    and, past its limitmb, pickles them to runs on disk and merges the runs back, one posting at a time.
    Should a term's postings come out of order, or the pool outgrow limitmb, what it holds moves to
    Whoosh's pool, which takes over."""

    def __init__(self, writer: Any, limitmb: float) -> None:
        self.writer = writer
        self.limitmb = limitmb
        self.limit = limitmb * 1024 * 1024
        self.size = 0
        self.fields: dict[str, dict[bytes, tuple[Any, Any, list]]] = {}
        self.fieldnames: set[str] = set()
        self.whoosh: Any = None

    def add(self, item: tuple) -> None:
        if self.whoosh is not None:
            return self.whoosh.add(item)
        fieldname, btext, docnum, weight, value = item
        terms = self.fields.get(fieldname)
        if terms is None:
            terms = self.fields[fieldname] = {}
            self.fieldnames.add(fieldname)
        postings = terms.get(btext)
        if postings is None:

            postings = terms[btext] = (array("I"), array("d"), [])
            self.size += TERM_SIZE + len(btext)
        elif docnum <= postings[0][-1]:
            self._hand_over()
            return self.whoosh.add(item)
        postings[0].append(docnum)
        postings[1].append(weight)
        postings[2].append(value)
        self.size += POSTING_SIZE + len(value or b"")
        if self.size > self.limit:
            self._hand_over()
        return None

    def _hand_over(self) -> None:
        pool = PostingPool(self.writer._tempstorage, self.writer.newsegment, limitmb=self.limitmb)
        for fieldname, terms in self.fields.items():
            for btext, (ids, weights, values) in terms.items():
                for posting in zip(ids, weights, values):
                    pool.add((fieldname, btext, *posting))
        self.fields = {}
        self.whoosh = pool

    def sorted_terms(self) -> Iterator[tuple[str, bytes, Any, Any, list]]:
        """Each term's postings, in (field, term) order: (field, term, documents, weights, values)."""
        for fieldname in sorted(self.fields):
            terms = self.fields[fieldname]
            for btext in sorted(terms):
                yield (fieldname, btext, *terms[btext])

    def iter_postings(self) -> Iterator[tuple]:
        if self.whoosh is not None:
            yield from self.whoosh.iter_postings()
            return
        for fieldname, btext, ids, weights, values in self.sorted_terms():
            for posting in zip(ids, weights, values):
                yield (fieldname, btext, *posting)

    def cleanup(self) -> None:
        self.fields = {}
        if self.whoosh is not None:
            self.whoosh.cleanup()


class _Stream:
    """Stands in for a writer's posting pool: ``terms`` are the merged segments' terms, in order, each with
    where its postings are (`_merged_terms`); the writer's `_flush_segment` writes them
    (`_merged_postings`, `_write_postings`)."""

    def __init__(self, schema: Any, terms: Iterable[tuple], readers: list[Any], maps: list) -> None:
        self.schema = schema
        self.terms = terms
        self.readers = readers
        self.maps = maps
        self.fieldnames: set[str] = set()

    def iter_postings(self) -> Iterable[tuple]:
        raise TypeError("a merge's postings are written term by term (LengthsInMemoryWriter)")

    def cleanup(self) -> None:
        pass


def add_segments(writer: Any, readers: list[Any]) -> None:
    """Append the live documents of ``readers`` (Whoosh segment readers of ``writer``'s schema, in order)
    to a new `LengthsInMemoryWriter` that has nothing else to write; its ``_finalize_segment()`` then writes the
    segment (the postings are read while it does, so the readers stay open until then)."""
    if not isinstance(writer, LengthsInMemoryWriter):
        raise TypeError("add_segments needs a writer made by LengthsInMemoryWriter")
    if writer.docnum or writer._added:
        raise ValueError("add_segments needs a writer that holds nothing yet")
    schema = writer.schema
    if any(schema[name].vector for name in schema.names()):
        raise ValueError("add_segments does not copy term vectors")
    maps = [_copy_documents(writer, reader) for reader in readers]
    writer.pool.cleanup()
    writer.pool = _Stream(schema, _merged_terms(schema, readers), readers, maps)
    writer._added = True


def _copy_documents(writer: Any, reader: Any) -> tuple[int, dict[int, int] | None]:
    """Copy a reader's live documents: stored fields, field lengths, columns. Returns how its document
    numbers map to the new segment's: an offset, or a dict when it has deletions."""

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


def _merged_terms(schema: Any, readers: list[Any]) -> Iterator[tuple[str, bytes, list[tuple[int, Any]]]]:
    """Every term of the readers in (field, term) order, with the term's info in each reader that has it
    (reader number, Whoosh's term info), in the readers' order."""
    names = set(schema.names())
    terms = heapq.merge(*[_keyed_terms(reader, i, names) for i, reader in enumerate(readers)])
    current: tuple[str, bytes] | None = None
    sources: list[tuple[int, Any]] = []
    for key, i, terminfo in terms:
        if key != current:
            if current is not None:
                yield current[0], current[1], sources
            current, sources = key, []
        sources.append((i, terminfo))
    if current is not None:
        yield current[0], current[1], sources


def _keyed_terms(reader: Any, i: int, names: set[str]) -> Iterator[tuple[tuple[str, bytes], int, Any]]:
    # The reader's number after the term: a term in several segments comes from the first one first (and
    # the term info, which does not compare, is never reached).
    for key, terminfo in reader._terms.items():
        if key[0] in names:
            yield key, i, terminfo


def _merged_postings(stream: _Stream) -> Iterator[tuple[str, bytes, list[int], list[float], list]]:
    """Each term of ``stream`` with its live postings, renumbered, in (field, term) order: (field, term,
    documents, weights, values); a term whose documents are all deleted is left out."""
    schema = stream.schema
    fieldname = None
    for name, btext, sources in stream.terms:
        if name != fieldname:
            fieldname = name
            fixedsize = schema[name].format.fixed_value_size()
        ids: list[int] = []
        weights: list[float] = []
        values: list[Any] = []
        for i, terminfo in sources:
            base, docmap = stream.maps[i]
            for bids, bweights, bvalues in _blocks(stream.readers[i], name, btext, terminfo, fixedsize):
                if docmap is None:
                    ids.extend(map(base.__add__, bids))
                    weights.extend(bweights)
                    values.extend(bvalues)
                else:
                    for docnum, weight, value in zip(bids, bweights, bvalues):
                        if docnum in docmap:
                            ids.append(docmap[docnum])
                            weights.append(weight)
                            values.append(value)
        if ids:
            yield name, btext, ids, weights, values


def _write_postings(fieldwriter: Any, schema: Any, lengths: Any,
                    terms: Iterable[tuple[str, bytes, Any, Any, list]]) -> None:
    """Write ``terms`` (field, term, documents, weights, values; in (field, term) order, each term's
    documents in order): cut into blocks where Whoosh's postings writer would cut them, and written by it
    with the same statistics (``add_posting`` per posting cost most of a write)."""

    fieldname = None
    for name, btext, ids, weights, values in terms:
        if name != fieldname:
            if fieldname is not None:
                fieldwriter.finish_field()
            fieldname = name
            fieldwriter.start_field(name, schema[name])
            length_of = lengths.doc_field_length_reader(name)
        fieldwriter.start_term(btext)
        postings = fieldwriter._postwriter
        limit = postings._blocklimit
        for start in range(0, len(ids), limit):
            end = start + limit
            block_ids = ids[start:end]
            block_weights = weights[start:end]
            # As add_posting keeps them: empty values are not kept; lengths are a document's field length
            # (none or 0: not counted); the greatest weight starts at 0.
            postings._ids = array("I", block_ids)
            postings._weights = array("f", block_weights)
            postings._values = [v for v in values[start:end] if v]
            known = [n for n in map(length_of, block_ids) if n]
            postings._minlength = min(known) if known else None
            postings._maxlength = max(known) if known else 0
            heaviest = max(block_weights)
            postings._maxweight = heaviest if heaviest > 0 else 0
            if end < len(ids):
                postings._write_block()
        fieldwriter.finish_term()  # writes the last block
    if fieldname is not None:
        fieldwriter.finish_field()


def _blocks(reader: Any, fieldname: str, btext: bytes, terminfo: Any, fixedsize: int | None
            ) -> Iterator[tuple[Any, Any, Any]]:
    """A term's postings in a segment, block by block: (document numbers, weights, values), read from the
    postings file as Whoosh's ``W3LeafMatcher`` reads them, without a matcher per term."""

    if terminfo.is_inlined():  # whoosh3 never inlines (no set_inline): read as any reader would
        m = reader.postings(fieldname, btext)
        while m.is_active():
            yield (m.id(),), (m.weight(),), (m.value(),)
            m.next()
        return
    offset, length = terminfo.extent()
    if isinstance(length, tuple):  # W3TermInfo.from_bytes leaves the length as struct.unpack returned it
        length = length[0]
    data = reader._terms._postfile.get(offset, length)
    if data[:4] != WHOOSH3_HEADER_MAGIC:

        raise CorruptIndexError(f"bad postings block tag at offset {offset} of {fieldname}:{btext!r}")
    stream = io.BytesIO(data)
    pos = 4
    while True:
        size = unpack_int(data[pos:pos + _INT_SIZE])[0]
        pos += _INT_SIZE
        end = pos + abs(size)
        stream.seek(pos)
        count, _maxid, _maxweight, compression, _minlength, _maxlength = pickle.load(stream)
        body = data[stream.tell():end]
        ids, weights, values = pickle.loads(zlib.decompress(body) if compression else body)
        if weights is None:
            weights = (1.0,) * count
        elif isinstance(weights, float):
            weights = (weights,) * count
        if fixedsize is None or fixedsize < 0:
            pass
        elif fixedsize == 0:
            values = (None,) * count
        else:
            values = tuple(values[i:i + fixedsize] for i in range(0, len(values), fixedsize))
        yield accumulate(ids), weights, values
        if size < 0:
            return
        pos = end
