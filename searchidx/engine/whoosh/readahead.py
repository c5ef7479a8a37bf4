"""Reading an index's files without mmap, through a read-ahead window.

Whoosh opens a compound segment through mmap and copies each member file it reads into memory (``BytesIO``
over the mapped bytes): a merge would hold a copy of the whole index. Without mmap it reads each piece
(a term's entry, its postings, a column value) with a seek and a read of the file object the segment's
members share, which is slow. Whoosh's readers ask for those pieces mostly in order, so a
window of `WINDOW` bytes read ahead serves most of them from memory, and memory stays a window per open
file."""

from __future__ import annotations

import os
from typing import Any, BinaryIO

from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile

from searchidx.engine.whoosh.mapped import NoFollowLock, create_nofollow

#: Bytes read at a time (more when one piece is bigger).
WINDOW = 64 * 1024


class Window:
    """A read-only, file-like view of ``length`` bytes at ``offset`` in ``raw`` (which other windows may
    share: each read seeks it first)."""

    def __init__(self, raw: BinaryIO, offset: int, length: int) -> None:
        self.raw = raw
        self.offset = offset
        self.length = length
        self.pos = 0
        self._buf = b""
        self._start = 0

    def get(self, position: int, size: int) -> bytes:
        """``size`` bytes at ``position`` (fewer at the end), without moving the position."""
        start = position - self._start
        if start >= 0 and start + size <= len(self._buf):
            return self._buf[start:start + size]
        size = max(0, min(size, self.length - position))
        if position < 0 or not size:
            return b""
        self.raw.seek(self.offset + position)
        self._buf = self.raw.read(max(size, min(WINDOW, self.length - position)))
        self._start = position
        return self._buf[:size]

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:
            size = self.length - self.pos
        data = self.get(self.pos, size)
        self.pos += len(data)
        return data

    def readline(self, size: int | None = -1) -> bytes:
        line = b""
        while size is None or size < 0 or len(line) < size:
            chunk = self.get(self.pos, WINDOW if size is None or size < 0 else size - len(line))
            if not chunk:
                break
            end = chunk.find(b"\n")
            if end >= 0:
                chunk = chunk[:end + 1]
            line += chunk
            self.pos += len(chunk)
            if end >= 0:
                break
        return line

    def seek(self, where: int, whence: int = 0) -> int:
        self.pos = where if whence == 0 else self.pos + where if whence == 1 else self.length + where
        return self.pos

    def tell(self) -> int:
        return self.pos

    def close(self) -> None:
        self._buf = b""


class WindowedFile(StructFile):
    """Whoosh's `StructFile` over a `Window`; `subset` (a compound segment's member) shares the file."""

    def __init__(self, raw: BinaryIO, offset: int, length: int, name: str | None = None, *,
                 owner: bool = False, onclose: Any = None) -> None:
        super().__init__(Window(raw, offset, length), name=name, onclose=onclose)
        self._raw = raw
        self._owner = owner

    def get(self, position: int, length: int) -> bytes:
        return self.file.get(position, length)

    def subset(self, offset: int, length: int, name: str | None = None) -> WindowedFile:
        return WindowedFile(self._raw, self.file.offset + offset, length, name=name or self._name)

    def close(self) -> None:
        super().close()
        if self._owner:
            self._raw.close()


class WindowedStorage(FileStorage):
    """A `FileStorage` that opens files for reading as `WindowedFile` (and never maps them)."""

    def __init__(self, path: str, **kwargs: Any) -> None:
        super().__init__(path, supports_mmap=False, **kwargs)

    def open_file(self, name: str, **kwargs: Any) -> WindowedFile:
        raw = open(self._fpath(name), "rb")  # noqa: SIM115 - the WindowedFile closes it
        try:
            size = os.fstat(raw.fileno()).st_size
        except BaseException:
            raw.close()
            raise
        return WindowedFile(raw, 0, size, name=name, owner=True, **kwargs)

    def create_file(self, name: str, **kwargs: Any) -> Any:
        return create_nofollow(self, name, **kwargs)

    def lock(self, name: str) -> Any:
        return NoFollowLock(self._fpath(name))
