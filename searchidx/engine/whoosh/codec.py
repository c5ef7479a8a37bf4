"""searchidx's Whoosh codec: Whoosh's own (``W3Codec``), with the stored fields compressed in blocks.

Whoosh compresses each document's stored fields on its own. A paragraph's are a few hundred bytes, which
zlib shrinks little (they are the biggest file of an index). Compressed a block of about `BLOCK_KB` KB at a time they take about half that, and a hit's fields
cost one block's decompression (the last block read is kept: merges and `speakers` read in order).

Each segment names its codec in the index's table of contents, so segments written before (Whoosh's codec)
are read as they were written, beside new ones. The class's module and name are in those tables, so the
module's earlier name, ``searchidx.codec``, stays an alias of this one for indexes written under it.
"""

from __future__ import annotations

import sys
from typing import Any

from whoosh import columns
from whoosh.codec.whoosh3 import W3Codec, W3PerDocReader, W3PerDocWriter

from searchidx.engine.whoosh.safepickle import UnsafePickleError

sys.modules.setdefault("searchidx.codec", sys.modules[__name__])

#: Uncompressed bytes of stored fields per block (about 20 paragraphs).
BLOCK_KB = 8


class _Blocks(columns.CompressedBlockColumn):
    """Whoosh's block-compressed column, read with the last block kept, and a document without a value
    read as empty (Whoosh's reader fails on one that falls inside a block)."""

    def reader(self, dbfile: Any, basepos: int, length: int, doccount: int) -> Any:
        return _BlocksReader(dbfile, basepos, length, doccount, self._module)


class _BlocksReader(columns.CompressedBlockColumn.Reader):
    _last: tuple[int, dict[int, bytes]] = (-1, {})

    def __getitem__(self, docnum: int) -> bytes:
        i = self._find_block(docnum)
        if i is None:
            return b""
        if self._last[0] != i:
            self._last = (i, self._get_block(i))
        return self._last[1].get(docnum, b"")

    def __iter__(self) -> Any:
        return (self[docnum] for docnum in range(self._doccount))


#: The stored fields of searchidx's segments.
STORED_BLOCKS = columns.PickleColumn(_Blocks(level=6, blocksize=BLOCK_KB))


class _PerDocWriter(W3PerDocWriter):
    def _create_column(self, fieldname: str, column: Any) -> None:
        super()._create_column(fieldname, STORED_BLOCKS if fieldname == "_stored" else column)


class _PerDocReader(W3PerDocReader):
    def stored_fields(self, docnum: int) -> dict[str, Any]:
        reader = self._cached_reader("_stored", STORED_BLOCKS)
        try:
            return (reader[docnum] if reader is not None else None) or {}
        except UnsafePickleError as exc:
            raise UnsafePickleError(f"{self._segment.make_filename('.seg')}: stored fields of document "
                                    f"{docnum}: {exc}") from None


class SearchidxCodec(W3Codec):
    """``W3Codec`` with the stored fields in compressed blocks (`STORED_BLOCKS`)."""

    def per_document_writer(self, storage: Any, segment: Any) -> Any:
        return _PerDocWriter(self, storage, segment)

    def per_document_reader(self, storage: Any, segment: Any) -> Any:
        return _PerDocReader(storage, segment)
